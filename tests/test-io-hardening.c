/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-io-hardening"

#include "config.h"

#include <math.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "fixtures/export/vera-export-fixture.h"
#include "vera-export.h"
#include "vera-file-util.h"
#include "vera-project-io.h"
#include "vera-test-util.h"

/* The core's file I/O against careless and hostile input (issue 15). */

/* A failing table row: every row is reported, not only the last. */
#define row_fail(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static char *
read_file (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* Item 1: replacing a .vera keeps the previous version, whatever the caller asked. */
static void
test_vera_write_keeps_backup (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "Budget.VERA", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *other = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *other_bak = g_strconcat (other, ".bak", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (vera_file_write_atomically (path, "first", 5, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  g_assert_true (vera_file_write_atomically (path, "second", 6, FALSE, &error));
  g_assert_no_error (error);
  data = read_file (bak);
  g_assert_cmpstr (data, ==, "first");

  /* Other files keep the caller's choice. */
  g_assert_true (vera_file_write_atomically (other, "a", 1, FALSE, &error));
  g_assert_true (vera_file_write_atomically (other, "b", 1, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (other_bak, G_FILE_TEST_EXISTS));
}

/* Item 1: an export refuses to replace the file of the project it exports, also through a
 * hard link (the same file under another name). */
static void
test_export_refuses_own_file (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.vera", NULL);
  g_autofree char *hard = g_build_filename (dir, "hard-link.csv", NULL);
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *targets[2];

  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (link (path, hard), ==, 0);
  before = read_file (path);
  targets[0] = path;
  targets[1] = hard;
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_assert_false (vera_export_project (project, VERA_EXPORT_FORMAT_CSV, NULL, targets[i], NULL,
                                           &error));
      g_assert_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_SAME_FILE);
      g_assert_nonnull (strstr (error->message, "p.vera"));
      g_clear_error (&error);
    }
  after = read_file (path);
  g_assert_cmpstr (after, ==, before);
}

/* Item 2: NaN and infinity in settings come out as JSON (null), never as "nan". */
static void
test_non_finite_settings (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraProject) loaded = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonNode) tree = NULL;
  g_autofree char *tree_text = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *settings = vera_project_get_other_settings (project);
  gsize length;

  json_object_set_double_member (settings, "not-a-number", NAN);
  json_object_set_double_member (settings, "other", INFINITY);
  json_object_set_double_member (settings, "fine", 0.25);
  data = vera_project_to_data (project, &length);
  g_test_message ("%s", data);
  g_assert_null (strstr (data, "nan"));
  g_assert_null (strstr (data, "inf"));
  g_assert_true (json_parser_load_from_data (parser, data, length, &error));
  g_assert_no_error (error);

  tree = vera_project_to_json (project);
  tree_text = json_to_string (tree, FALSE);
  g_assert_null (strstr (tree_text, "nan"));
  g_assert_null (strstr (tree_text, "inf"));

  loaded = vera_project_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_false (json_object_has_member (vera_project_get_other_settings (loaded), "claim-threshold"));
  g_assert_cmpfloat (vera_project_get_claim_threshold (loaded), ==,
                     VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD);
  g_assert_cmpfloat (json_object_get_double_member (vera_project_get_other_settings (loaded),
                                                    "fine"), ==, 0.25);
}

/* Item 2: a version that is no format version, and a threshold out of range. */
static void
test_bad_numbers_on_load (void)
{
  static const char *versions[] = { "-1", "0", "1.5", "-0.5" };
  static const char *thresholds[] = { "-0.1", "1.5", "1e308", "\"half\"" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"vera-project\", \"version\": %s, "
                                               "\"articles\": []}", versions[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraProject) project = vera_project_from_data (text, -1, &error);

      if (project != NULL || error == NULL || strstr (error->message, "version") == NULL)
        row_fail ("version %s: %s", versions[i],
                            project != NULL ? "accepted" : error->message);
    }
  for (guint i = 0; i < G_N_ELEMENTS (thresholds); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"vera-project\", \"version\": 1, "
                                               "\"settings\": {\"claim-threshold\": %s, "
                                               "\"x\": 1}, \"articles\": []}", thresholds[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraProject) project = vera_project_from_data (text, -1, &error);
      JsonObject *settings;

      g_assert_no_error (error);
      settings = vera_project_get_other_settings (project);
      if (vera_project_get_claim_threshold (project) != VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD ||
          json_object_has_member (settings, "claim-threshold") ||
          !json_object_has_member (settings, "x"))
        row_fail ("threshold %s was kept", thresholds[i]);
    }
}

/* Item 7: a project read stops at its limit, also on a device that never ends. */
static void
test_bounded_project_load (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "padded.vera", NULL);
  g_autoptr(GString) padded = g_string_new ("{\"format\": \"vera-project\", \"version\": 1, "
                                            "\"articles\": []");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  for (guint i = 0; i < 4096; i++)
    g_string_append_c (padded, ' ');
  g_string_append_c (padded, '}');
  g_assert_true (g_file_set_contents (path, padded->str, padded->len, NULL));
  file = g_file_new_for_path (path);

  project = vera_project_load_full (file, 1024, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "padded.vera"));
  g_assert_nonnull (strstr (error->message, "1024 bytes"));
  g_clear_error (&error);

  project = vera_project_load_full (file, 8192, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_clear_object (&project);

  if (g_file_test ("/dev/zero", G_FILE_TEST_EXISTS))
    {
      project = vera_project_load_full (zero, 4096, NULL, &error);
      g_assert_null (project);
      g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_TOO_LARGE);
      g_clear_error (&error);
      g_assert_false (vera_file_get_contents_bounded (zero, 65536, &data, &length, NULL, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE);
      g_assert_null (data);
    }
}

static void
make_file (const char *dir,
           const char *name,
           gint64      age_seconds)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  struct utimbuf times;

  g_assert_true (g_file_set_contents (path, "partial", -1, NULL));
  times.actime = times.modtime = (time_t) (g_get_real_time () / G_USEC_PER_SEC - age_seconds);
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static gboolean
exists_in (const char *dir,
           const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Item 8: temporary files a killed save left beside the project go on the next save — only
 * this project's, only stale ones, and never one another save still holds. */
static void
test_stale_temp_files (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.vera", NULL);
  g_autofree char *locked = g_build_filename (dir, ".p.vera.Lock42", NULL);
  g_autoptr(GError) error = NULL;
  struct {
    const char *name;
    gint64      age;
    gboolean    removed;
  } rows[] = {
    { ".p.vera.AbC123", 120, TRUE },
    { ".p.vera.zz9QQ0", 3600 * 24, TRUE },
    { ".p.vera.Fresh1", 5, FALSE },          /* a save may be writing it right now */
    { ".p.vera.Lock42", 600, FALSE },        /* held by a save: see the flock below */
    { ".other.vera.Old123", 600, FALSE },    /* another project's */
    { ".p.vera.toolong1", 600, FALSE },      /* not a name mkstemp makes */
    { ".p.vera.ab-123", 600, FALSE },
    { "p.vera.bak", 600, FALSE },
    { ".p.vera.bak.XYZ123", 600, FALSE },
  };
  int fd;

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    make_file (dir, rows[i].name, rows[i].age);
  fd = open (locked, O_RDONLY | O_CLOEXEC);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  g_assert_true (vera_file_write_atomically (path, "{}", 2, FALSE, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    if (exists_in (dir, rows[i].name) == rows[i].removed)
      row_fail ("%s (%" G_GINT64_FORMAT " s old) was %s", rows[i].name, rows[i].age,
                rows[i].removed ? "kept" : "removed");
  close (fd);

  /* The temporary file of a save in progress is locked, so a concurrent save leaves it. */
  {
    g_autoptr(VeraAtomicFile) file = vera_atomic_file_open (path, &error);
    int probe;

    g_assert_no_error (error);
    probe = open (vera_atomic_file_get_tmp_path (file), O_RDONLY | O_CLOEXEC);
    g_assert_cmpint (probe, >=, 0);
    g_assert_cmpint (flock (probe, LOCK_EX | LOCK_NB), !=, 0);
    close (probe);
  }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/io-hardening/vera-write-keeps-backup", test_vera_write_keeps_backup);
  g_test_add_func ("/vera/io-hardening/export-refuses-own-file", test_export_refuses_own_file);
  g_test_add_func ("/vera/io-hardening/non-finite-settings", test_non_finite_settings);
  g_test_add_func ("/vera/io-hardening/bad-numbers-on-load", test_bad_numbers_on_load);

  g_test_add_func ("/vera/io-hardening/bounded-project-load", test_bounded_project_load);

  g_test_add_func ("/vera/io-hardening/stale-temp-files", test_stale_temp_files);

  return g_test_run ();
}
