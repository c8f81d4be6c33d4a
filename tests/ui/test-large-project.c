/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-test-util.h"
#include "vera-ui-test-util.h"

#define N_ARTICLES 1000
#define N_CLAIMS_PER_ARTICLE 100

/* A project of 100,000 claims opens, lists every claim and scrolls without hanging. */

static char *
write_large_project (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "large.vera", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (guint a = 0; a < N_ARTICLES; a++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *id = g_strdup_printf ("a%u", a + 1);
      g_autofree char *title = g_strdup_printf ("Generated article %u", a + 1);
      g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(VeraArticle) article = NULL;

      for (guint c = 0; c < N_CLAIMS_PER_ARTICLE; c++)
        {
          guint start = (guint) text->len;   /* ASCII: bytes are code points */

          g_array_append_val (starts, start);
          g_string_append_printf (text, "Figure %u of article %u rose by %u%% in %u. ",
                                  c, a, (a * 7 + c) % 90, 2000 + c % 25);
        }
      article = vera_article_new (id, "generated.txt", text->str);
      vera_article_set_title (article, title);
      for (guint c = 0; c < N_CLAIMS_PER_ARTICLE; c++)
        {
          guint start = g_array_index (starts, guint, c);
          guint end = c + 1 < N_CLAIMS_PER_ARTICLE ? g_array_index (starts, guint, c + 1) - 1
                                                   : (guint) text->len - 1;
          g_autofree char *claim_id = g_strdup_printf ("%s-c%u", id, c + 1);
          g_autofree char *slice = g_strndup (text->str + start, end - start);
          g_autoptr(VeraClaim) claim = vera_claim_new (claim_id, start, end, slice);

          vera_claim_set_score (claim, ((a + c) % 100) / 100.0);
          vera_claim_set_kinds (claim, VERA_CLAIM_KIND_QUANTITY);
          vera_article_add_claim (article, claim);
        }
      g_assert_true (vera_project_add_article (project, article, &error));
      g_assert_no_error (error);
    }
  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static gboolean
recovery_written (gpointer data)
{
  VeraWindow *window = data;
  g_autofree char *path = vera_window_dup_recovery_path (window);

  return !vera_recovery_get_busy (vera_window_get_recovery (window)) &&
         g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
recovery_idle (gpointer data)
{
  VeraWindow *window = data;

  return !vera_project_get_dirty (vera_window_get_project (window)) &&
         !vera_recovery_get_busy (vera_window_get_recovery (window));
}

static void
test_large_project_scrolls (void)
{
  g_autofree char *recovery = NULL;
  g_autofree char *path = write_large_project ();
  g_autoptr(VeraApplication) app = vera_ui_test_app ();
  VeraWindow *window = vera_ui_test_window (app);
  GListModel *model;
  GtkAdjustment *adjustment;
  gint64 start, worst = 0;

  start = g_get_monotonic_time ();
  vera_ui_test_open (window, path);
  g_test_message ("opened 100,000 claims in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  g_assert_cmpuint (vera_project_get_n_claims (vera_window_get_project (window)), ==,
                    N_ARTICLES * N_CLAIMS_PER_ARTICLE);

  adw_view_stack_set_visible_child_name (window->view_stack, "claims");
  start = g_get_monotonic_time ();
  vera_claim_list_set_whole_project (window->claim_list, TRUE);
  vera_ui_test_settle_list (window);
  g_test_message ("listed every claim in %.2f s", (g_get_monotonic_time () - start) / 1e6);
  model = vera_claim_list_get_model (window->claim_list);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_ARTICLES * N_CLAIMS_PER_ARTICLE);

  /* Scroll from top to bottom in twenty jumps, letting each frame happen. */
  vera_ui_test_spin (100);
  adjustment = vera_claim_list_get_vadjustment (window->claim_list);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  for (guint step = 1; step <= 20; step++)
    {
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      gint64 t0 = g_get_monotonic_time ();

      gtk_adjustment_set_value (adjustment, upper * step / 20.0);
      vera_ui_test_spin (30);
      worst = MAX (worst, g_get_monotonic_time () - t0);
    }
  g_test_message ("slowest scroll step with its frames: %.0f ms", worst / 1e3);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);

  /* Keyboard review still works at this size: the last claim is reachable. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-claim", NULL));
  g_assert_nonnull (vera_window_get_claim (window));

  /* Sorting by a column with 100,000 rows finishes too. */
  vera_claim_list_set_search (window->claim_list, "article 999 ");
  vera_ui_test_settle_list (window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_CLAIMS_PER_ARTICLE);

  /* The recovery copy: serialised on the main thread, written and flushed in a thread. */
  vera_recovery_set_delay (vera_window_get_recovery (window), 20);
  recovery = vera_window_dup_recovery_path (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "u",
                                             (guint32) VERA_STATUS_SUPPORTED));
  start = g_get_monotonic_time ();
  g_assert_true (vera_ui_test_wait (recovery_written, window, 60000));
  g_test_message ("recovery copy of 100,000 claims: %u ms on the main thread in turns of at most "
                  "%.0f ms, %.2f s in all", vera_recovery_get_cost_ms (vera_window_get_recovery (window)),
                  vera_recovery_get_longest_slice_us (vera_window_get_recovery (window)) / 1e3,
                  (g_get_monotonic_time () - start) / 1e6);
  {
    g_autoptr(GFile) file = g_file_new_for_path (recovery);
    g_autoptr(GError) error = NULL;
    g_autoptr(VeraProject) copy = vera_project_load (file, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vera_project_get_n_claims (copy), ==, N_ARTICLES * N_CLAIMS_PER_ARTICLE);
  }

  /* Saving while nothing is written any more leaves no copy behind. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL));
  g_assert_true (vera_ui_test_wait (recovery_idle, window, 60000));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  vera_ui_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  vera_ui_test_init (&argc, &argv);
  g_test_add_func ("/vera/ui/large-project/scrolls", test_large_project_scrolls);
  return g_test_run ();
}
