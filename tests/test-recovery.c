/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <utime.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-recovery.h"
#include "vera-test-util.h"

/* VeraRecovery and vera_project_save_async as units: no window, no clock — every wait is for a
 * signal or a GTask result. */

typedef struct
{
  char         *folder;
  VeraProject  *project;
  VeraClaim    *claim;     /* borrowed from the project */
  VeraRecovery *recovery;
  guint         written;
  char         *written_path;
} Fixture;

static void
written_cb (VeraRecovery *recovery,
            const char   *path,
            const GError *error,
            Fixture      *f)
{
  g_assert_no_error (error);
  f->written++;
  g_free (f->written_path);
  f->written_path = g_strdup (path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *tmp = vera_test_make_tmpdir ();
  g_autoptr(VeraArticle) article = vera_article_new ("a1", "test.txt",
                                                     "Prices rose 5% in 2024. Wages fell.");
  g_autoptr(VeraClaim) claim = vera_claim_new ("a1-c1", 0, 23, "Prices rose 5% in 2024.");

  f->folder = g_build_filename (tmp, "recovery", NULL);
  f->project = vera_project_new ();
  vera_article_add_claim (article, claim);
  g_assert_true (vera_project_add_article (f->project, article, NULL));
  vera_project_mark_saved (f->project);
  f->claim = claim;
  f->recovery = vera_recovery_new (f->folder);
  vera_recovery_set_delay (f->recovery, 0);
  vera_recovery_set_project (f->recovery, f->project);
  g_signal_connect (f->recovery, "written", G_CALLBACK (written_cb), f);
}

/* A GTask thread may drop its reference to its source object just after the callback ran:
 * wait for the last one rather than assert it is gone at once. */
static void
finalize_soon (gpointer object)
{
  gpointer weak = object;

  g_object_add_weak_pointer (G_OBJECT (object), &weak);
  g_object_unref (object);
  while (weak != NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      g_thread_yield ();
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  finalize_soon (f->recovery);
  finalize_soon (f->project);
  g_free (f->written_path);
  g_free (f->folder);
}

static void
wait_until_idle (Fixture *f)
{
  while (vera_recovery_get_busy (f->recovery))
    g_main_context_iteration (NULL, TRUE);
}

static void
test_copy_after_change (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = vera_recovery_dup_path (f->recovery);
  g_autoptr(GFile) copy = NULL;
  g_autoptr(VeraProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraArticle) article = NULL;
  g_autoptr(VeraClaim) claim = NULL;

  g_assert_false (vera_recovery_get_busy (f->recovery));
  g_assert_true (g_str_has_prefix (path, f->folder));
  g_assert_true (g_str_has_suffix (path, ".vera"));

  vera_project_set_claim_note (f->project, f->claim, "Check the statistics office.");
  g_assert_true (vera_recovery_get_busy (f->recovery));
  wait_until_idle (f);
  g_assert_cmpuint (f->written, ==, 1);
  g_assert_cmpstr (f->written_path, ==, path);

  copy = g_file_new_for_path (path);
  loaded = vera_project_load (copy, NULL, &error);
  g_assert_no_error (error);
  article = g_list_model_get_item (vera_project_get_articles (loaded), 0);
  claim = g_list_model_get_item (vera_article_get_claims (article), 0);
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "Check the statistics office.");

  /* Undo to the saved state: the copy has nothing to add and goes. */
  vera_project_undo (f->project);
  g_assert_false (vera_project_get_dirty (f->project));
  wait_until_idle (f);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_discard_while_writing (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = vera_recovery_dup_path (f->recovery);

  vera_recovery_set_delay (f->recovery, 60 * 1000);
  vera_project_set_claim_status (f->project, f->claim, VERA_STATUS_SUPPORTED);
  /* Write now, and discard at once, while the thread may still be writing: the copy must not
   * survive the discard. */
  vera_recovery_write_now (f->recovery);
  vera_recovery_discard (f->recovery);
  wait_until_idle (f);
  g_assert_cmpuint (f->written, ==, 1);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

static gboolean
save (VeraProject  *project,
      GFile        *file,
      GCancellable *cancellable,
      GError      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vera_project_save_async (project, file, cancellable, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return vera_project_save_finish (project, result, error);
}

static void
test_find_and_restore (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project_path = g_build_filename (dir, "story.vera", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) restored = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;
  struct utimbuf old_time;

  g_assert_true (save (f->project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vera_recovery_find_copy (f->recovery));

  vera_project_set_claim_note (f->project, f->claim, "Ask the ministry.");
  wait_until_idle (f);
  path = vera_recovery_dup_path (f->recovery);
  /* Make the project file clearly older than the copy (file times have whole seconds). */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  old_time.actime = old_time.modtime = st.st_mtime - 10;
  g_assert_cmpint (g_utime (project_path, &old_time), ==, 0);
  g_assert_true (vera_recovery_find_copy (f->recovery));

  restored = vera_recovery_restore (f->recovery, &error);
  g_assert_no_error (error);
  g_assert_true (vera_project_get_dirty (restored));
  g_assert_true (g_file_equal (vera_project_get_file (restored), file));

  /* Saved after the copy was written: the copy is stale and removed. */
  old_time.actime = old_time.modtime = st.st_mtime + 10;
  g_assert_cmpint (g_utime (project_path, &old_time), ==, 0);
  g_assert_false (vera_recovery_find_copy (f->recovery));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_untitled_copy_adopted (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(VeraProject) empty = vera_project_new ();
  g_autoptr(VeraRecovery) other = vera_recovery_new (f->folder);
  g_autofree char *path = vera_recovery_dup_path (f->recovery);
  g_autofree char *other_path = NULL;

  g_assert_true (g_str_has_prefix (strrchr (path, G_DIR_SEPARATOR) + 1, "untitled-"));
  vera_project_set_claim_note (f->project, f->claim, "Draft");
  wait_until_idle (f);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A new session: an empty untitled project finds the copy of the one before. */
  vera_recovery_set_project (other, empty);
  g_assert_true (vera_recovery_find_copy (other));
  other_path = vera_recovery_dup_path (other);
  g_assert_cmpstr (other_path, ==, path);
  vera_recovery_set_project (other, NULL);
}

static void
test_save_async (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project_path = g_build_filename (dir, "story.vera", NULL);
  g_autofree char *backup = g_strconcat (project_path, ".bak", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (project_path);
  g_autoptr(GFile) remote = g_file_new_for_uri ("http://127.0.0.1:1/story.vera");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;

  vera_project_set_claim_note (f->project, f->claim, "First");
  g_assert_true (save (f->project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vera_project_get_dirty (f->project));
  g_assert_true (g_file_equal (vera_project_get_file (f->project), file));

  /* The second save keeps the first as NAME.bak. */
  vera_project_set_claim_note (f->project, f->claim, "Second");
  g_assert_true (save (f->project, file, NULL, &error));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));

  /* A change while the bytes are written is not in the file: the project stays dirty. */
  vera_project_set_claim_note (f->project, f->claim, "Third");
  vera_project_save_async (f->project, file, NULL, store_result_cb, &result);
  vera_project_set_claim_status (f->project, f->claim, VERA_STATUS_CONTRADICTED);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vera_project_save_finish (f->project, result, &error));
  g_assert_true (vera_project_get_dirty (f->project));

  /* Not a local file; cancelled. */
  g_assert_false (save (f->project, remote, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_clear_error (&error);
  g_cancellable_cancel (cancellable);
  g_assert_false (save (f->project, file, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (vera_project_get_dirty (f->project));
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);
#define ADD(name, func) \
  g_test_add ("/vera/recovery/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("copy-after-change", test_copy_after_change);
  ADD ("discard-while-writing", test_discard_while_writing);
  ADD ("find-and-restore", test_find_and_restore);
  ADD ("untitled-copy-adopted", test_untitled_copy_adopted);
  ADD ("save-async", test_save_async);
#undef ADD
  return g_test_run ();
}
