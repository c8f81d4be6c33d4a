/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-net-service.h"

G_BEGIN_DECLS

#define VERA_TYPE_ARCHIVE_SNAPSHOT (vera_archive_snapshot_get_type ())

/* An archived copy of a page in the Wayback Machine. */
typedef struct
{
  char *url;        /* the snapshot, "https://web.archive.org/web/20200102030405/https://…" */
  char *time;       /* ISO 8601 UTC, or NULL when the service did not say */
  guint status;     /* HTTP status the page had when archived, 0 when unknown */
} VeraArchiveSnapshot;

GType                vera_archive_snapshot_get_type (void) G_GNUC_CONST;
VeraArchiveSnapshot *vera_archive_snapshot_copy     (const VeraArchiveSnapshot *self);
void                 vera_archive_snapshot_free     (VeraArchiveSnapshot       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraArchiveSnapshot, vera_archive_snapshot_free)

/* The closest snapshot of @url ({wayback-base}/wayback/available?url=…). When the archive has
 * none, the finish function fails with VERA_NET_ERROR_NOT_FOUND. */
void                 vera_wayback_lookup_async      (VeraNetService       *net,
                                                     const char           *url,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
VeraArchiveSnapshot *vera_wayback_lookup_finish     (VeraNetService       *net,
                                                     GAsyncResult         *result,
                                                     GError              **error);

/* Asks the archive to save @url now (Save Page Now, {save-base}/save/{url}); the snapshot's URL
 * comes from the answer's Content-Location or Location header. */
void                 vera_wayback_save_async        (VeraNetService       *net,
                                                     const char           *url,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
VeraArchiveSnapshot *vera_wayback_save_finish       (VeraNetService       *net,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
