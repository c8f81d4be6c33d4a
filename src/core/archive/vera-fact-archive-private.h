/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "vera-fact-archive.h"
#include "vera-fact-match.h"

G_BEGIN_DECLS

struct _VeraFactArchive
{
  GObject  parent_instance;

  char    *path;
  sqlite3 *db;
  /* One operation at a time: an import holds it for its transaction. */
  GMutex   lock;
  double   weights[VERA_FACT_N_FEATURES];
  double   max_df_share;
};

/* Sets @error from the connection's last error, naming the archive file and @what; maps
 * SQLITE_CORRUPT and SQLITE_NOTADB to their own codes. Returns FALSE for chaining. */
gboolean vera_fact_archive_set_sql_error (VeraFactArchive  *self,
                                          int               rc,
                                          const char       *what,
                                          GError          **error);
gboolean vera_fact_archive_exec          (VeraFactArchive  *self,
                                          const char       *sql,
                                          GError          **error);
/* Inserts or updates one review; the caller holds the lock and a transaction. */
gboolean vera_fact_archive_put           (VeraFactArchive      *self,
                                          const VeraFactReview *review,
                                          GError              **error);

/* Reads the columns identifier, url, claim, headline, rating, status, publisher, date,
 * language, claimant, source of a row, starting at column @first. */
VeraFactReview *vera_fact_archive_review_from_row (sqlite3_stmt *stmt,
                                                   int           first);

G_END_DECLS
