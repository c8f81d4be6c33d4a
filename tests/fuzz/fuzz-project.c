/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"
#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "vera-project-io.h"
#include "vera-project.h"

/* vera_project_from_data() on hostile project files. What loads must save, load again and
 * save to the same bytes: a file Vera writes and then refuses would lose the reviewer's work. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(VeraProject) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *saved_again = NULL;
  gsize length = 0;
  gsize length_again = 0;

  if (!fuzz_json_is_single_value (data, size))
    return 0;
  project = vera_project_from_data ((const char *) data, (gssize) size, &error);
  if (project == NULL)
    {
      g_assert_nonnull (error);
      fuzz_assert_utf8 (error->message);
      return 0;
    }
  g_assert_no_error (error);
  fuzz_check_project (project);

  saved = vera_project_to_data (project, &length);
  g_assert_nonnull (saved);
  again = vera_project_from_data (saved, (gssize) length, &error);
  if (again == NULL)
    g_error ("a saved project does not load: %s\n%s", error->message, saved);
  fuzz_check_project (again);
  g_assert_cmpuint (vera_project_get_n_claims (again), ==, vera_project_get_n_claims (project));
  g_assert_cmpuint (g_list_model_get_n_items (vera_project_get_articles (again)), ==,
                    g_list_model_get_n_items (vera_project_get_articles (project)));
  saved_again = vera_project_to_data (again, &length_again);
  if (length != length_again || memcmp (saved, saved_again, length) != 0)
    g_error ("saving a loaded project changes it:\n%s\n---\n%s", saved, saved_again);
  return 0;
}
