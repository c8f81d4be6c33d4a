/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-application.h"
#include "vera-window-private.h"

G_BEGIN_DECLS

/* Sets up the test environment (vera_test_init), GTK and libadwaita. */
void             vera_ui_test_init        (int          *argc,
                                           char       ***argv);
/* A registered, non-unique application whose startup has run. */
VeraApplication *vera_ui_test_app         (void);
VeraWindow      *vera_ui_test_window      (VeraApplication *app);
/* Runs the main loop until @condition holds or @timeout_ms pass; returns the condition. */
gboolean         vera_ui_test_wait        (gboolean       (*condition) (gpointer data),
                                           gpointer          data,
                                           guint             timeout_ms);
/* Runs the main loop for @ms milliseconds. */
void             vera_ui_test_spin        (guint             ms);
/* Opens a project file in @window and waits until it shows. */
void             vera_ui_test_open        (VeraWindow       *window,
                                           const char       *path);
/* A copy of the demo project in a fresh temporary folder (the build's copy stays untouched),
 * or NULL after g_test_skip when it was not built. */
char            *vera_ui_test_demo_copy   (void);
/* Waits until the claim list has filtered and sorted every claim. */
void             vera_ui_test_settle_list (VeraWindow       *window);

G_END_DECLS
