/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"
#include "config.h"

#include <gio/gio.h>

#include "fuzz-util.h"
#include "vera-test-util.h"

/* Runs a fuzz target without libFuzzer: each file of the seed corpus (FUZZ_CORPUS_DIR), or
 * each file or folder given on the command line, is one TAP test. The normal build uses it to
 * replay the corpus, crashes found by libFuzzer included, in suite 'fuzz'. */

static void
replay_file (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  /* A copy of exactly @length bytes, so that a read past the end is caught by any checker;
   * like libFuzzer, never a NULL pointer for an empty input. */
  {
    g_autofree guint8 *exact = g_memdup2 (contents, length);

    LLVMFuzzerTestOneInput (length > 0 ? exact : (const guint8 *) contents, length);
  }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static void
collect (const char *path,
         GPtrArray  *files)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.')
      g_ptr_array_add (files, g_build_filename (path, name, NULL));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);

  vera_test_init (&argc, &argv);
  LLVMFuzzerInitialize (&argc, &argv);
  if (argc > 1)
    for (int i = 1; i < argc; i++)
      collect (argv[i], files);
  else
    collect (FUZZ_CORPUS_DIR, files);
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      const char *path = g_ptr_array_index (files, i);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *test_path = g_strdup_printf ("/vera/fuzz/%s/%s", FUZZ_TARGET, base);

      g_test_add_data_func (test_path, path, replay_file);
    }
  if (files->len == 0)
    g_test_message ("no input files");
  return g_test_run ();
}
