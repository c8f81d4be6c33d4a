/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include "vera-test-util.h"

/* vera-check as a user runs it: exit codes (0 ok, 1 input, 2 usage) and one clear line on
 * standard error. */

static int
run (const char  *stdin_text,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("VERA_CHECK"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static void
assert_one_line (const char *err,
                 const char *fragment)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (err));

  g_test_message ("stderr: %s", trimmed);
  g_assert_true (g_str_has_prefix (trimmed, "vera-check: "));
  g_assert_null (strchr (trimmed, '\n'));
  g_assert_nonnull (strstr (trimmed, fragment));
}

static void
test_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "frobnicate", NULL), ==, 2);
  assert_one_line (err, "frobnicate");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", NULL), ==, 2);
  assert_one_line (err, "analyze");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--no-such-option", "x.txt", NULL), ==, 2);
  assert_one_line (err, "--no-such-option");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", NULL), ==, 2);
}

static void
test_help_and_version (void)
{
  const char *commands[] = { "analyze", "info", "sentences", "score" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "vera-check " PACKAGE_VERSION));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (NULL, &out, &err, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, commands[i]));
    }
}

static void
test_input_errors (void)
{
  g_autofree char *binary = vera_test_fixture_path ("import/binary.dat");
  g_autofree char *invalid = vera_test_fixture_path ("import/invalid-utf8.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "analyze", "/nonexistent/article.txt", NULL), ==, 1);
  assert_one_line (err, "/nonexistent/article.txt");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", binary, NULL), ==, 1);
  assert_one_line (err, "binary.dat");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", invalid, NULL), ==, 1);
  assert_one_line (err, "byte");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--encoding", "no-such-charset", invalid,
                        NULL), ==, 1);
  assert_one_line (err, "no-such-charset");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", binary, NULL), ==, 1);
  assert_one_line (err, "binary.dat");
}

static void
test_analyze_and_info (void)
{
  g_autofree char *gb = vera_test_fixture_path ("import/gb18030.txt");
  g_autofree char *html = vera_test_fixture_path ("import/gbk.html");
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (dir, "out.vera", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--encoding", "GB18030", "-o", project, gb,
                        html, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_test (project, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Articles: 2"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", "--json", project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"articles\" : 2"));

  /* Without -o the project goes to standard output. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", html, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"format\" : \"vera-project\""));
}

static void
test_keep_going (void)
{
  g_autofree char *binary = vera_test_fixture_path ("import/binary.dat");
  g_autofree char *good = vera_test_fixture_path ("import/crlf.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "analyze", "-k", binary, good, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "crlf.txt"));
  assert_one_line (err, "binary.dat");
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/cli/usage", test_usage);
  g_test_add_func ("/vera/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/vera/cli/input-errors", test_input_errors);
  g_test_add_func ("/vera/cli/analyze-and-info", test_analyze_and_info);
  g_test_add_func ("/vera/cli/keep-going", test_keep_going);

  return g_test_run ();
}
