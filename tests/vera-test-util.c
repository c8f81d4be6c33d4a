/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "vera-test-util.h"

void
vera_test_init (int    *argc,
                char ***argv)
{
  g_autofree char *home = NULL;
  g_autoptr(GError) error = NULL;

  home = g_dir_make_tmp ("vera-test-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", home, TRUE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
}

char *
vera_test_fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
}

char *
vera_test_shared_path (const char *relative)
{
  const char *shared = g_getenv ("VERA_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared == NULL)
    {
      g_test_skip ("VERA_SHARED_DIR is not set; ../shared is needed for this test");
      return NULL;
    }
  path = g_build_filename (shared, relative, NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf ("%s is absent: the ../shared folder is not beside "
                                              "the checkout", path);
      g_test_skip (msg);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
vera_test_shared_path_if_present (const char *relative)
{
  const char *shared = g_getenv ("VERA_SHARED_DIR");
  g_autofree char *path = NULL;

  if (shared != NULL)
    path = g_build_filename (shared, relative, NULL);
  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_message ("../shared/%s is absent: checked on the fixtures only", relative);
      return NULL;
    }
  return g_steal_pointer (&path);
}

char *
vera_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("vera-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
vera_test_fail_row (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_test_message ("FAIL: %s", message);
  g_test_fail_printf ("%s", message);
}

gboolean
vera_test_row_str (guint       row,
                   const char *input,
                   const char *field,
                   const char *expected,
                   const char *got)
{
  if (g_strcmp0 (expected, got) == 0)
    return TRUE;
  vera_test_fail_row ("row %u «%s»: expected %s «%s», got «%s»", row, input, field,
                      expected != NULL ? expected : "(null)", got != NULL ? got : "(null)");
  return FALSE;
}

gboolean
vera_test_row_double (guint       row,
                      const char *input,
                      const char *field,
                      double      expected,
                      double      got,
                      double      epsilon)
{
  if (isnan (expected) ? isnan (got) : fabs (expected - got) <= epsilon)
    return TRUE;
  vera_test_fail_row ("row %u «%s»: expected %s %.17g, got %.17g", row, input, field, expected,
                      got);
  return FALSE;
}

gboolean
vera_test_row_uint (guint       row,
                    const char *input,
                    const char *field,
                    guint64     expected,
                    guint64     got)
{
  if (expected == got)
    return TRUE;
  vera_test_fail_row ("row %u «%s»: expected %s %" G_GUINT64_FORMAT ", got %" G_GUINT64_FORMAT,
                      row, input, field, expected, got);
  return FALSE;
}
