/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>

#include "fixtures/export/vera-export-fixture.h"
#include "vera-export.h"
#include "vera-project-io.h"
#include "vera-test-util.h"

/* Runs vera-check with @args; returns its exit status and output. */
static int
run (const char *const *args,
     char              **out,
     char              **err)
{
  const char *program = g_getenv ("VERA_CHECK");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               out, err, &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

/* The subcommands are registered in vera-check.c's table by the lead; skip until they are. */
static gboolean
registered (const char *command)
{
  const char *args[] = { command, "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("VERA_CHECK") == NULL ||
      !g_file_test (g_getenv ("VERA_CHECK"), G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("vera-check is not built");
      return FALSE;
    }
  if (run (args, &out, &err) != 0)
    {
      g_test_skip ("this vera-check has no such subcommand yet");
      return FALSE;
    }
  return TRUE;
}

static char *
write_project (const char *dir)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  char *path = g_build_filename (dir, "fixture.vera", NULL);
  gsize length;
  g_autofree char *data = vera_project_to_data (project, &length);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static void
test_export (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = write_project (dir);
  g_autofree char *csv = g_build_filename (dir, "out.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *data = NULL;

  if (!registered ("export"))
    return;

  {
    const char *args[] = { "export", project, "--format", "html", NULL };

    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "<!DOCTYPE html>"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "export", project, "-f", "csv", "-o", csv, "--reviewed-only",
                           "--no-references", NULL };

    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_assert_true (g_file_get_contents (csv, &data, NULL, NULL));
    g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "article_id,"));
    g_assert_null (strstr (data, "unreviewed"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "export", project, "-f", "pdf", "-o", "-", NULL };

    /* Standard output is a pipe here, not a terminal, so a PDF may go there. */
    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_assert_true (g_str_has_prefix (out, "%PDF-"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "export", project, "-f", "docx", NULL };

    g_assert_cmpint (run (args, &out, &err), ==, 2);
    g_assert_nonnull (strstr (err, "docx"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "export", "/nonexistent/p.vera", "-f", "html", NULL };

    g_assert_cmpint (run (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "/nonexistent/p.vera"));
  }
}

static void
test_import_annotations (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = write_project (dir);
  g_autofree char *annotations = g_build_filename (dir, "notes.jsonld", NULL);
  g_autofree char *result = g_build_filename (dir, "result.vera", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(VeraProject) loaded = NULL;
  g_autoptr(GError) error = NULL;

  if (!registered ("import-annotations"))
    return;
  {
    const char *args[] = { "export", project, "-f", "webannotation", "-o", annotations, NULL };

    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  {
    const char *args[] = { "import-annotations", project, annotations, "-o", result, NULL };

    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (err, "6 applied"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }
  file = g_file_new_for_path (result);
  loaded = vera_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vera_project_get_n_claims (loaded), ==, 6);
  {
    const char *args[] = { "import-annotations", project, project, NULL };

    /* A project is JSON but holds no annotations. */
    g_assert_cmpint (run (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "Web Annotations"));
  }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/export-cli/export", test_export);
  g_test_add_func ("/vera/export-cli/import-annotations", test_import_annotations);

  return g_test_run ();
}
