/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-fact-review.h"
#include "vera-language.h"

G_BEGIN_DECLS

#define VERA_FACT_ARCHIVE_ERROR (vera_fact_archive_error_quark ())

typedef enum
{
  VERA_FACT_ARCHIVE_ERROR_OPEN,         /* the database file cannot be opened or created */
  VERA_FACT_ARCHIVE_ERROR_NOT_ARCHIVE,  /* the file is not a Vera archive */
  VERA_FACT_ARCHIVE_ERROR_VERSION,      /* an archive of a newer Vera */
  VERA_FACT_ARCHIVE_ERROR_CORRUPT,      /* SQLite finds the database damaged */
  VERA_FACT_ARCHIVE_ERROR_DATABASE,     /* any other SQLite failure (disk full, locked) */
  VERA_FACT_ARCHIVE_ERROR_READ,         /* an import file cannot be read */
  VERA_FACT_ARCHIVE_ERROR_PARSE,        /* an import file is not valid JSON / TSV */
  VERA_FACT_ARCHIVE_ERROR_INVALID,      /* a review in it lacks what a review needs */
  VERA_FACT_ARCHIVE_ERROR_EMPTY,        /* an import file holds no review at all */
} VeraFactArchiveError;

GQuark vera_fact_archive_error_quark (void);

#define VERA_TYPE_FACT_ARCHIVE (vera_fact_archive_get_type ())

G_DECLARE_FINAL_TYPE (VeraFactArchive, vera_fact_archive, VERA, FACT_ARCHIVE, GObject)

/* An offline archive of fact-checks: one SQLite database (schema versioned with PRAGMA
 * user_version, WAL journal) with one row per review and an FTS5 index over the claim and the
 * headline (vera-fact-text.h says how text is indexed). Safe to use from one thread at a time
 * per operation (the connection is serialised); the app imports in a GTask thread.
 *
 * Opens the archive at @path, creating it (and an empty schema) when the file does not exist or
 * is empty. Errors name the file: VERA_FACT_ARCHIVE_ERROR_NOT_ARCHIVE for another SQLite
 * database or a file that is no database at all, _VERSION for a newer format, _CORRUPT, _OPEN. */
VeraFactArchive *vera_fact_archive_open          (const char       *path,
                                                  GError          **error);
/* An archive in memory, gone when the object is. */
VeraFactArchive *vera_fact_archive_new_temporary (GError          **error);

/* The file of the archive; ":memory:" for a temporary one. */
const char      *vera_fact_archive_get_path      (VeraFactArchive  *self);
/* How many reviews the archive holds. */
guint            vera_fact_archive_get_n_reviews (VeraFactArchive  *self);

/* Called during an import with the fraction of the file read (0–1) and the reviews stored so
 * far, from the thread that imports. */
typedef void (*VeraFactImportProgress) (double   fraction,
                                        guint    n_reviews,
                                        gpointer user_data);

/* Imports one file in one transaction: ClaimReview JSON-LD (one object, an array, a "@graph",
 * a DataCommons feed {"dataFeedElement": [{"item": [...]}]} — Vera's own `vera-check export -f
 * claimreview` is such an array), JSON lines of ClaimReview objects or of CheckThat! records
 * ({"vclaim_id", "vclaim", "title", …}), or a CheckThat! TSV (`vclaim_id TAB vclaim TAB title`
 * with a header line). A review already in the archive (same identifier, else same URL) is
 * updated. A broken file, a cancelled import or a review without claim and headline imports
 * nothing: the error names the file, and the item or line. Objects of other types in a
 * "@graph" are skipped. @n_imported gets the number of reviews stored (may be NULL). */
gboolean         vera_fact_archive_import_file   (VeraFactArchive        *self,
                                                  GFile                  *file,
                                                  VeraFactImportProgress  progress,
                                                  gpointer                user_data,
                                                  guint                  *n_imported,
                                                  GCancellable           *cancellable,
                                                  GError                **error);
/* The same in a GTask thread; progress is not reported. */
void             vera_fact_archive_import_file_async  (VeraFactArchive      *self,
                                                       GFile                *file,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean         vera_fact_archive_import_file_finish (VeraFactArchive      *self,
                                                       GAsyncResult         *result,
                                                       guint                *n_imported,
                                                       GError              **error);

/* Stores one review (inserted, or updated when its identifier or URL is known), in a
 * transaction of its own: for the results of the Fact Check Tools API. The review needs a key
 * (identifier or URL) and a claim or a headline. */
gboolean         vera_fact_archive_add           (VeraFactArchive        *self,
                                                  const VeraFactReview   *review,
                                                  GError                **error);
/* The review stored under @key (identifier or URL), or NULL. */
VeraFactReview  *vera_fact_archive_lookup        (VeraFactArchive        *self,
                                                  const char             *key);

/* The reviews closest to @claim, best first, at most @limit: a GPtrArray of VeraFactMatch.
 * BM25 over claim and headline picks the candidates; a re-ranking that rewards the same
 * figures, places, names and years and shared words orders them (MATCHING.md). @language is
 * the claim's (UND: guessed from the script). Deterministic: ties go to the older row. An
 * empty array when nothing matches; NULL only on a database error. */
GPtrArray       *vera_fact_archive_match         (VeraFactArchive        *self,
                                                  const char             *claim,
                                                  VeraLanguage            language,
                                                  guint                   limit,
                                                  GError                **error);

G_END_DECLS
