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

/* Fails the running test with the message and lets it go on. Unlike a bare g_test_fail_printf(),
 * which keeps only the last message for the TAP result line, every message is also logged, so
 * that a table test shows every failing row. */
void     vera_test_fail_row         (const char   *format,
                                     ...) G_GNUC_PRINTF (1, 2);
/* Checks for table-driven tests. Each compares one field of row @row (whose input is @input) and,
 * when it differs, reports "row N «input»: expected FIELD …, got …" with g_test_fail_printf()
 * so that the test goes on with the other rows and still fails. They return TRUE when equal. */
gboolean vera_test_row_str          (guint         row,
                                     const char   *input,
                                     const char   *field,
                                     const char   *expected,
                                     const char   *got);
/* Equal within @epsilon; an expected NAN matches a NAN only. */
gboolean vera_test_row_double       (guint         row,
                                     const char   *input,
                                     const char   *field,
                                     double        expected,
                                     double        got,
                                     double        epsilon);
gboolean vera_test_row_uint         (guint         row,
                                     const char   *input,
                                     const char   *field,
                                     guint64       expected,
                                     guint64       got);

G_END_DECLS
