/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vera-net-service.h"

#include "vera-types.h"
#include "vera-analyzer.h"

#include "vera-recovery.h"

G_BEGIN_DECLS

#define VERA_TYPE_WINDOW (vera_window_get_type ())

G_DECLARE_FINAL_TYPE (VeraWindow, vera_window, VERA, WINDOW, AdwApplicationWindow)

/* The review window. The application hands in its settings and services (@net_service may be
 * NULL while the network part is not built; @analyzer is NULL when its model failed to load). */
VeraWindow  *vera_window_new              (GtkApplication *application,
                                           GSettings      *settings,
                                           VeraNetService *net_service,
                                           VeraAnalyzer   *analyzer);
VeraProject *vera_window_get_project      (VeraWindow     *self);
/* Replaces the project shown (the caller has dealt with unsaved changes). */
void         vera_window_set_project      (VeraWindow     *self,
                                           VeraProject    *project);
/* Opens a project file or adds article files, as the open dialog and drops do. */
void         vera_window_open_files       (VeraWindow     *self,
                                           GFile         **files,
                                           guint           n_files,
                                           const char     *encoding);
/* TRUE when the window shows a project without articles and without changes. */
gboolean     vera_window_is_blank         (VeraWindow     *self);
VeraClaim   *vera_window_get_claim        (VeraWindow     *self);
VeraArticle *vera_window_get_article      (VeraWindow     *self);
/* The object that writes the recovery copies of the window's project. */
VeraRecovery *vera_window_get_recovery    (VeraWindow     *self);
/* Where the recovery copy of the current project is written. */
char        *vera_window_dup_recovery_path (VeraWindow    *self);
/* Offers to restore a recovery copy when one exists that is newer than the project. */
void         vera_window_check_recovery   (VeraWindow     *self);

G_END_DECLS
