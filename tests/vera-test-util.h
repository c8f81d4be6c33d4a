/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Sets up a private HOME and XDG folders under a fresh temporary folder and calls g_test_init(). */
void     vera_test_init             (int          *argc,
                                     char       ***argv);
/* The path of a fixture in tests/fixtures. */
char    *vera_test_fixture_path     (const char   *name);
/* The path of a file in ../shared, or NULL (after g_test_skip) when ../shared is absent. */
char    *vera_test_shared_path      (const char   *relative);
/* The path of a file in ../shared when it is there, else NULL (with a test message, no skip): for
 * tests that run on their own fixture always and on the shared data too when it is present. */
char    *vera_test_shared_path_if_present (const char *relative);
/* A new empty temporary folder, removed at exit is not promised: tests use names under it. */
char    *vera_test_make_tmpdir      (void);

G_END_DECLS
