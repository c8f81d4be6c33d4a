/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-share.h"
#include "vera-window.h"

G_BEGIN_DECLS

/* Team review from the window (issue 18): win.share posts the reviewer's verdicts to the
 * annotation server set up in Preferences (settings annotation-server, -protocol, -group; the
 * token from VERA_ANNOTATION_TOKEN when set, otherwise from the keyring), win.pull records
 * colleagues' verdicts on the claims. Both run through the core share layer with the progress
 * strip's cancellable and say in a dialog which server failed and what to do; the project is
 * changed only when the whole operation succeeded. */

void      vera_window_class_init_sharing (GtkWidgetClass      *widget_class);
/* Follows the settings so that the actions are enabled only when a server is set up. */
void      vera_window_init_sharing       (VeraWindow          *self);
void      vera_window_update_sharing     (VeraWindow          *self);
/* TRUE when a server (and, for Hypothesis, a group) is set up. */
gboolean  vera_window_sharing_is_configured (VeraWindow       *self);

/* The operations behind the actions, for callers that want the counts. */
void      vera_window_share_async        (VeraWindow          *self,
                                          gboolean             pull,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean  vera_window_share_finish       (VeraWindow          *self,
                                          GAsyncResult        *result,
                                          VeraShareStats      *stats,
                                          GError             **error);

G_END_DECLS
