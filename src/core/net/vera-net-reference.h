/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-net-service.h"

G_BEGIN_DECLS

/* Checks one reference again: fetches its URL and looks up its closest Wayback snapshot in
 * parallel, then records both in @reference (vera_page_meta_apply_to_reference()) and in the
 * metadata cache. Runs on the caller's main context and never blocks it; the reference is
 * updated on that context just before the callback. The finish function returns what was
 * applied (archive included) and fails only when cancelled; a dead link is a result (see its
 * health and reason). */
void     vera_net_service_check_reference_async  (VeraNetService      *self,
                                                  VeraReference       *reference,
                                                  gboolean             look_up_archive,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
VeraPageMeta *vera_net_service_check_reference_finish (VeraNetService      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* Fills @reference from the metadata cache when an earlier fetch of its URL is there, so a
 * reopened project shows its references offline. TRUE when something was found. */
gboolean vera_net_service_restore_reference      (VeraNetService      *self,
                                                  VeraReference       *reference);

G_END_DECLS
