/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <glib/gstdio.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-export-dialog.h"
#include "vera-project.h"
#include "vera-test-util.h"
#include "vera-ui-test-util.h"

/* A real window driven through its actions, as a reviewer's keyboard would. */

typedef struct
{
  VeraApplication *app;
  VeraWindow      *window;
  char            *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = vera_ui_test_demo_copy ();
  if (fixture->path == NULL)
    return;
  fixture->app = g_object_ref ((VeraApplication *) data);
  fixture->window = vera_ui_test_window (fixture->app);
  vera_ui_test_open (fixture->window, fixture->path);
  vera_ui_test_settle_list (fixture->window);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    gtk_window_destroy (GTK_WINDOW (fixture->window));
  vera_ui_test_spin (20);
  g_clear_object (&fixture->app);
  g_free (fixture->path);
}

static void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->window), action, param));
  vera_ui_test_spin (10);
}

static void
test_open_demo (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *articles;
  GtkSelectionModel *sidebar;
  GtkTextBuffer *buffer;

  if (fixture->path == NULL)
    return;
  articles = vera_project_get_articles (vera_window_get_project (fixture->window));
  g_assert_cmpuint (g_list_model_get_n_items (articles), ==, 5);

  /* The sidebar lists every article, and the first one is shown. */
  sidebar = gtk_list_view_get_model (fixture->window->article_list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sidebar)), ==, 5);
  g_assert_nonnull (vera_window_get_article (fixture->window));
  buffer = gtk_text_view_get_buffer (vera_article_view_get_text_view (fixture->window->article_view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), >=,
                   (int) vera_article_get_n_chars (vera_window_get_article (fixture->window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "review");
  g_assert_false (vera_project_get_dirty (vera_window_get_project (fixture->window)));
}

static void
test_keyboard_review (Fixture       *fixture,
                      gconstpointer  data)
{
  VeraProject *project;
  VeraClaim *first, *second;

  if (fixture->path == NULL)
    return;
  project = vera_window_get_project (fixture->window);

  activate (fixture, "win.next-claim", NULL);
  first = vera_window_get_claim (fixture->window);
  g_assert_nonnull (first);
  activate (fixture, "win.next-claim", NULL);
  second = vera_window_get_claim (fixture->window);
  g_assert_nonnull (second);
  g_assert_true (first != second);
  activate (fixture, "win.previous-claim", NULL);
  g_assert_true (vera_window_get_claim (fixture->window) == first);

  /* Number keys map to statuses in vocabulary order; 3 is "supported". */
  activate (fixture, "win.set-status", g_variant_new_uint32 (VERA_STATUS_SUPPORTED));
  g_assert_cmpint (vera_claim_get_status (first), ==, VERA_STATUS_SUPPORTED);
  g_assert_true (vera_project_get_dirty (project));
  g_assert_true (vera_project_get_can_undo (project));

  activate (fixture, "win.undo", NULL);
  g_assert_cmpint (vera_claim_get_status (first), ==, VERA_STATUS_UNREVIEWED);
  g_assert_false (vera_project_get_dirty (project));
  activate (fixture, "win.redo", NULL);
  g_assert_cmpint (vera_claim_get_status (first), ==, VERA_STATUS_SUPPORTED);

  /* The inspector follows, and its status row shows the new status. */
  activate (fixture, "win.set-status", g_variant_new_uint32 (VERA_STATUS_CONTRADICTED));
  g_assert_cmpint (vera_claim_get_status (first), ==, VERA_STATUS_CONTRADICTED);

  /* Closing with unsaved changes asks first: the window stays. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  vera_ui_test_spin (20);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

static VeraClaim *
get_claim_of (gpointer widget)
{
  g_autoptr(VeraClaim) claim = NULL;

  g_object_get (widget, "claim", &claim, NULL);
  return claim;
}

/* The panes are bound to the window's project, article and claim: choosing a claim anywhere
 * shows it everywhere, also when it belongs to another article, and the list scrolls to it. */
static void
test_bindings (Fixture       *fixture,
               gconstpointer  data)
{
  VeraWindow *window = fixture->window;
  VeraProject *project;
  g_autoptr(VeraArticle) last = NULL;
  g_autoptr(VeraProject) shown = NULL;
  VeraClaim *claim;
  GListModel *claims;
  GtkAdjustment *adjustment;

  if (fixture->path == NULL)
    return;
  project = vera_window_get_project (window);
  g_object_get (window->claim_inspector, "project", &shown, NULL);
  g_assert_true (shown == project);
  g_clear_object (&shown);
  g_object_get (window->conflicts_view, "project", &shown, NULL);
  g_assert_true (shown == project);

  /* A claim of the last article, chosen through the window's property. */
  last = g_list_model_get_item (vera_project_get_articles (project),
                                g_list_model_get_n_items (vera_project_get_articles (project)) - 1);
  claims = vera_article_get_claims (last);
  claim = g_list_model_get_item (claims, g_list_model_get_n_items (claims) - 1);
  g_object_unref (claim);
  g_object_set (window, "claim", claim, NULL);
  vera_ui_test_spin (10);
  g_assert_true (vera_window_get_article (window) == last);
  g_assert_true (vera_article_view_get_article (window->article_view) == last);
  g_assert_true (get_claim_of (window->article_view) == claim);
  g_assert_true (get_claim_of (window->claim_inspector) == claim);
  g_assert_true (get_claim_of (window->claim_list) == claim);

  /* Chosen in the whole-project list, far down: the window follows and the row is in sight. */
  vera_claim_list_set_whole_project (window->claim_list, TRUE);
  vera_ui_test_settle_list (window);
  g_object_set (window, "claim", NULL, NULL);
  g_assert_null (get_claim_of (window->claim_inspector));
  claims = vera_claim_list_get_model (window->claim_list);
  claim = g_list_model_get_item (claims, g_list_model_get_n_items (claims) - 1);
  g_object_unref (claim);
  adw_view_stack_set_visible_child_name (window->view_stack, "claims");
  vera_ui_test_spin (50);
  g_object_set (window->claim_list, "claim", claim, NULL);
  vera_ui_test_spin (50);
  adjustment = vera_claim_list_get_vadjustment (window->claim_list);
  g_test_message ("claims list: upper %g, page %g, value %g", gtk_adjustment_get_upper (adjustment),
                  gtk_adjustment_get_page_size (adjustment), gtk_adjustment_get_value (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  g_signal_emit_by_name (window->claim_list, "claim-selected", claim);
  g_assert_true (vera_window_get_claim (window) == claim);
  g_assert_true (get_claim_of (window->claim_inspector) == claim);
}

static void
test_note (Fixture       *fixture,
           gconstpointer  data)
{
  GtkTextView *note;
  VeraClaim *claim;

  if (fixture->path == NULL)
    return;
  activate (fixture, "win.next-claim", NULL);
  claim = vera_window_get_claim (fixture->window);
  activate (fixture, "win.focus-note", NULL);
  note = vera_claim_inspector_get_note_view (fixture->window->claim_inspector);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "Checked against the budget.", -1);
  vera_claim_inspector_commit_note (fixture->window->claim_inspector);
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "Checked against the budget.");
  activate (fixture, "win.undo", NULL);
  g_assert_true (vera_claim_get_note (claim) == NULL || *vera_claim_get_note (claim) == '\0');
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (note);
    GtkTextIter a, b;
    g_autofree char *shown = NULL;

    gtk_text_buffer_get_bounds (buffer, &a, &b);
    shown = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
    g_assert_cmpstr (shown, ==, "");
  }

  /* Escape (or Ctrl+Return) ends the note: it is kept and the keys review claims again. */
  activate (fixture, "win.focus-note", NULL);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (note), "Minutes of 3 May.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window->claim_inspector),
                                             "inspector.done-note", NULL));
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "Minutes of 3 May.");
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (note)));
  activate (fixture, "win.next-claim", NULL);
  g_assert_true (vera_window_get_claim (fixture->window) != claim);
}

static guint
count_claims (VeraProject *project,
              gboolean   (*match) (VeraClaim *claim))
{
  GListModel *articles = vera_project_get_articles (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      GListModel *claims = vera_article_get_claims (article);

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, j);

          n += match (claim) ? 1 : 0;
        }
    }
  return n;
}

static gboolean
any_claim (VeraClaim *claim)
{
  return TRUE;
}

static gboolean
mentions_electric (VeraClaim *claim)
{
  return g_strstr_len (vera_claim_get_text (claim), -1, "electric") != NULL ||
         g_strstr_len (vera_claim_get_text (claim), -1, "Electric") != NULL;
}

static void
test_filter (Fixture       *fixture,
             gconstpointer  data)
{
  VeraProject *project;
  GListModel *model;
  VeraClaimList *list;

  if (fixture->path == NULL)
    return;
  project = vera_window_get_project (fixture->window);
  list = fixture->window->claim_list;
  model = vera_claim_list_get_model (list);

  vera_claim_list_set_whole_project (list, TRUE);
  vera_ui_test_settle_list (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_claims (project, any_claim));
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 3);

  /* Mark one claim, then filter by that status. */
  activate (fixture, "win.next-claim", NULL);
  activate (fixture, "win.set-status", g_variant_new_uint32 (VERA_STATUS_DISPUTED));
  vera_claim_list_set_status_filter (list, VERA_STATUS_DISPUTED);
  vera_ui_test_settle_list (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_true (vera_claim_list_is_filtering (list));

  vera_claim_list_set_status_filter (list, -1);
  vera_claim_list_set_search (list, "electric");
  vera_ui_test_settle_list (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_claims (project, mentions_electric));

  /* The next claim now moves through the filtered list only. */
  activate (fixture, "win.next-claim", NULL);
  g_assert_true (mentions_electric (vera_window_get_claim (fixture->window)));

  vera_claim_list_set_search (list, "no claim says this");
  vera_ui_test_settle_list (fixture->window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_last_child (
                     gtk_widget_get_first_child (GTK_WIDGET (list))))), ==, "empty");
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
project_saved (gpointer data)
{
  return !vera_project_get_dirty (data);
}

static void
test_recovery (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *recovery = NULL;
  VeraWindow *second;
  VeraClaim *claim;
  g_autofree char *claim_id = NULL;

  if (fixture->path == NULL)
    return;
  vera_recovery_set_delay (vera_window_get_recovery (fixture->window), 20);
  recovery = vera_window_dup_recovery_path (fixture->window);
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));

  activate (fixture, "win.next-claim", NULL);
  claim = vera_window_get_claim (fixture->window);
  claim_id = g_strdup (vera_claim_get_id (claim));
  activate (fixture, "win.set-status", g_variant_new_uint32 (VERA_STATUS_UNVERIFIABLE));
  g_assert_true (vera_ui_test_wait (file_exists, recovery, 5000));

  /* As after a crash: the window goes away without saving, and a new one opens the project. */
  fixture->window->closing_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  vera_ui_test_spin (20);
  g_assert_true (g_file_test (recovery, G_FILE_TEST_EXISTS));

  second = vera_ui_test_window (fixture->app);
  fixture->window = second;
  vera_ui_test_open (second, fixture->path);
  claim = vera_project_find_claim (vera_window_get_project (second), claim_id);
  g_assert_cmpint (vera_claim_get_status (claim), ==, VERA_STATUS_UNREVIEWED);

  activate (fixture, "win.restore-recovery", NULL);
  claim = vera_project_find_claim (vera_window_get_project (second), claim_id);
  g_assert_cmpint (vera_claim_get_status (claim), ==, VERA_STATUS_UNVERIFIABLE);
  g_assert_true (vera_project_get_dirty (vera_window_get_project (second)));
  g_assert_nonnull (vera_project_get_file (vera_window_get_project (second)));

  /* Saving writes the project (in a thread) and drops the recovery copy. */
  activate (fixture, "win.save", NULL);
  g_assert_true (vera_ui_test_wait (project_saved, vera_window_get_project (second), 10000));
  g_assert_false (g_file_test (recovery, G_FILE_TEST_EXISTS));
}

typedef struct
{
  VeraArticle *article;
  const char  *language;
} LanguageWait;

static gboolean
article_has_language (gpointer data)
{
  LanguageWait *wait = data;

  return g_strcmp0 (vera_article_get_language (wait->article), wait->language) == 0;
}

/* win.set-article-language analyses the article again in another language, as one undoable
 * step; the row's chip and the saved file follow. */
static void
test_article_language (Fixture       *fixture,
                       gconstpointer  data)
{
  VeraProject *project;
  g_autoptr(VeraArticle) article = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  LanguageWait wait;

  if (fixture->path == NULL)
    return;
  project = vera_window_get_project (fixture->window);
  article = g_list_model_get_item (vera_project_get_articles (project), 0);
  vera_window_select_article (fixture->window, article);
  before = g_strdup (vera_article_get_language (article));
  g_assert_cmpstr (before, ==, "en");

  activate (fixture, "win.set-article-language", g_variant_new_string ("de"));
  wait.article = article;
  wait.language = "de";
  g_assert_true (vera_ui_test_wait (article_has_language, &wait, 20000));
  g_assert_true (vera_project_get_dirty (project));

  activate (fixture, "win.save", NULL);
  g_assert_true (vera_ui_test_wait (project_saved, project, 10000));
  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\"language\" : \"de\""));

  /* Undo brings the article's language (and its analysis) back. */
  activate (fixture, "win.undo", NULL);
  wait.language = before;
  g_assert_true (vera_ui_test_wait (article_has_language, &wait, 20000));
}

static void
test_changed_on_disk (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  const char *other = "{\"format\": \"vera-project\", \"version\": 1, \"articles\": []}\n";

  if (fixture->path == NULL)
    return;
  activate (fixture, "win.next-claim", NULL);
  activate (fixture, "win.set-status", g_variant_new_uint32 (VERA_STATUS_SUPPORTED));

  /* Another program saves the file meanwhile (later, so the modification time differs). */
  g_usleep (G_USEC_PER_SEC / 20);
  g_file_set_contents (fixture->path, other, -1, &error);
  g_assert_no_error (error);
  activate (fixture, "win.save", NULL);

  /* Vera asks first: the other program's file is still there and the project still dirty. */
  g_file_get_contents (fixture->path, &after, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after, ==, other);
  g_assert_true (vera_project_get_dirty (vera_window_get_project (fixture->window)));
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  VeraExportDialog *dialog;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (fixture->path == NULL)
    return;
  dir = g_path_get_dirname (fixture->path);
  path = g_build_filename (dir, "report.out", NULL);
  file = g_file_new_for_path (path);
  dialog = vera_export_dialog_new (GTK_WINDOW (fixture->window),
                                   vera_window_get_project (fixture->window),
                                   vera_application_get_settings (fixture->app));
  gtk_window_present (GTK_WINDOW (dialog));
  /* The first format: the HTML report, or the project itself while exports are not built. */
  vera_export_dialog_set_format (dialog, 0);
  g_assert_true (vera_export_dialog_export_to (dialog, file, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_strstr_len (contents, -1, "electric"));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
has_three_articles (gpointer window)
{
  return g_list_model_get_n_items (vera_project_get_articles (vera_window_get_project (window))) == 3 &&
         VERA_WINDOW (window)->adding_cancellable == NULL;
}

static void
test_add_articles (gconstpointer data)
{
  VeraApplication *app = (VeraApplication *) data;
  const char *names[] = { "harbour-transit.txt", "harbour-budget.txt", "harbour-port.txt" };
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  VeraWindow *window = vera_ui_test_window (app);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "data", "demo",
                                                names[i], NULL);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  g_assert_true (vera_window_is_blank (window));
  vera_window_open_files (window, (GFile **) files->pdata, files->len, NULL);

  /* The analysis runs off the main thread: the window shows progress and can cancel. */
  g_assert_true (gtk_revealer_get_reveal_child (window->progress_revealer));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window)));
  g_assert_true (vera_ui_test_wait (has_three_articles, window, 60000));
  g_assert_false (gtk_revealer_get_reveal_child (window->progress_revealer));
  g_assert_cmpuint (vera_project_get_n_claims (vera_window_get_project (window)), >, 0);
  g_assert_true (vera_project_get_dirty (vera_window_get_project (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "review");

  window->closing_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (window));
  vera_ui_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VeraApplication) app = NULL;

  vera_ui_test_init (&argc, &argv);
  /* One application for every test, as a D-Bus object path can be exported once. */
  app = vera_ui_test_app ();

  g_test_add ("/vera/ui/window/open-demo", Fixture, app, fixture_set_up, test_open_demo,
              fixture_tear_down);
  g_test_add ("/vera/ui/window/keyboard-review", Fixture, app, fixture_set_up,
              test_keyboard_review, fixture_tear_down);
  g_test_add ("/vera/ui/window/bindings", Fixture, app, fixture_set_up, test_bindings,
              fixture_tear_down);
  g_test_add ("/vera/ui/window/note", Fixture, app, fixture_set_up, test_note, fixture_tear_down);
  g_test_add ("/vera/ui/window/filter", Fixture, app, fixture_set_up, test_filter,
              fixture_tear_down);
  g_test_add ("/vera/ui/window/recovery", Fixture, app, fixture_set_up, test_recovery,
              fixture_tear_down);
  g_test_add ("/vera/ui/window/article-language", Fixture, app, fixture_set_up,
              test_article_language, fixture_tear_down);
  g_test_add ("/vera/ui/window/changed-on-disk", Fixture, app, fixture_set_up,
              test_changed_on_disk, fixture_tear_down);
  g_test_add_data_func ("/vera/ui/window/add-articles", app, test_add_articles);
  g_test_add ("/vera/ui/window/export", Fixture, app, fixture_set_up, test_export,
              fixture_tear_down);
  return g_test_run ();
}
