/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-net-service.h"

G_BEGIN_DECLS

#define VERA_TYPE_FETCH_QUEUE (vera_fetch_queue_get_type ())

G_DECLARE_FINAL_TYPE (VeraFetchQueue, vera_fetch_queue, VERA, FETCH_QUEUE, GObject)

/* Fetches many references in parallel, at most max-parallel at once and never more than the
 * service's per-host limit against one host. Emits "item-done" (url, VeraPageMeta) for each
 * fetched URL, in completion order, and "finished" when the queue runs dry or after a cancel.
 * "progress" goes from 0 to 1 over the URLs added since the queue was last idle. */
VeraFetchQueue *vera_fetch_queue_new              (VeraNetService *service);
void            vera_fetch_queue_add              (VeraFetchQueue *self,
                                                   const char     *url);
/* Queues a reference: it is checked with vera_net_service_check_reference_async() (page and
 * Wayback snapshot, applied to the reference and cached), then "item-done" is emitted. */
void            vera_fetch_queue_add_reference    (VeraFetchQueue *self,
                                                   VeraReference  *reference);
/* Stops the batch: pending URLs are dropped, running fetches cancelled (no "item-done" for
 * them); "finished" follows once they have stopped. */
void            vera_fetch_queue_cancel           (VeraFetchQueue *self);
double          vera_fetch_queue_get_progress     (VeraFetchQueue *self);
guint           vera_fetch_queue_get_n_total      (VeraFetchQueue *self);
guint           vera_fetch_queue_get_n_done       (VeraFetchQueue *self);
gboolean        vera_fetch_queue_get_running      (VeraFetchQueue *self);
guint           vera_fetch_queue_get_max_parallel (VeraFetchQueue *self);
void            vera_fetch_queue_set_max_parallel (VeraFetchQueue *self,
                                                   guint           max_parallel);
VeraFetchFlags  vera_fetch_queue_get_flags        (VeraFetchQueue *self);
void            vera_fetch_queue_set_flags        (VeraFetchQueue *self,
                                                   VeraFetchFlags  flags);

G_END_DECLS
