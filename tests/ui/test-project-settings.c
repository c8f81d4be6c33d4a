/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include "vera-article.h"
#include "vera-finding.h"
#include "vera-project.h"
#include "vera-project-figure.h"
#include "vera-project-settings.h"
#include "vera-test-util.h"
#include "vera-ui-test-util.h"

/* The project settings window edits the project's threshold and figures, and the window's
 * analysis uses them: an article added after a figure was entered is held against it. */

static VeraProjectSettings *
find_settings_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (VERA_IS_PROJECT_SETTINGS (toplevel))
        return VERA_PROJECT_SETTINGS (toplevel);
    }
  return NULL;
}

static gpointer
child (gpointer    widget,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (widget), VERA_TYPE_PROJECT_SETTINGS,
                                                   name);

  g_assert_nonnull (object);
  return object;
}

static void
type (gpointer    settings,
      const char *row,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (settings, row)), text);
}

/* What a click does (gtk_widget_activate() clicks only after the button's press animation). */
static void
click (gpointer    settings,
       const char *button)
{
  g_signal_emit_by_name (child (settings, button), "clicked");
}

static gboolean
has_one_article (gpointer window)
{
  return g_list_model_get_n_items (vera_project_get_articles (vera_window_get_project (window))) == 1 &&
         VERA_WINDOW (window)->adding_cancellable == NULL;
}

static guint
count_implausible (VeraArticle *article)
{
  GListModel *findings = vera_article_get_findings (article);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);

      n += vera_finding_get_kind (finding) == VERA_FINDING_KIND_IMPLAUSIBLE;
    }
  return n;
}

static void
test_figures_reach_the_analysis (gconstpointer data)
{
  VeraApplication *app = (VeraApplication *) data;
  VeraWindow *window = vera_ui_test_window (app);
  VeraProject *project = vera_window_get_project (window);
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "valdoria.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProjectFigure) figure = NULL;
  g_autoptr(VeraArticle) article = NULL;
  VeraProjectSettings *settings;
  GtkListBox *list;

  g_file_set_contents (path, "Valdoria has 7 million inhabitants, the regional governor told "
                             "reporters on Friday.\n", -1, &error);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.project-settings", NULL));
  vera_ui_test_spin (20);
  settings = find_settings_window ();
  g_assert_nonnull (settings);
  g_assert_true (vera_project_settings_get_project (settings) == project);

  /* The threshold is the project's, both ways. */
  gtk_adjustment_set_value (child (settings, "threshold_adjustment"), 0.4);
  g_assert_cmpfloat (vera_project_get_claim_threshold (project), ==, 0.4);
  vera_project_set_claim_threshold (project, 0.5);
  g_assert_cmpfloat (gtk_adjustment_get_value (child (settings, "threshold_adjustment")), ==, 0.5);

  /* A figure is added only when its year and address are good. */
  list = child (settings, "figure_list");
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
  g_assert_false (gtk_widget_get_sensitive (child (settings, "add_button")));
  type (settings, "subject_row", "Valdoria");
  type (settings, "aliases_row", "Valdorien, 瓦尔多里亚");
  gtk_spin_button_set_value (child (settings, "value_spin"), 240000);
  type (settings, "source_row", "Valdoria Statistics Office");
  type (settings, "year_row", "twenty");
  g_assert_true (gtk_widget_get_sensitive (child (settings, "add_button")));
  click (settings, "add_button");
  g_assert_cmpuint (g_list_model_get_n_items (vera_project_get_reference_figures (project)), ==, 0);
  g_assert_true (gtk_widget_get_visible (child (settings, "form_error")));
  type (settings, "year_row", "2022");
  type (settings, "url_row", "ftp://stats.example.org/");
  click (settings, "add_button");
  g_assert_cmpuint (g_list_model_get_n_items (vera_project_get_reference_figures (project)), ==, 0);
  type (settings, "url_row", "https://stats.example.org/valdoria");
  click (settings, "add_button");
  g_assert_cmpuint (g_list_model_get_n_items (vera_project_get_reference_figures (project)), ==, 1);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (vera_project_get_dirty (project));

  figure = g_list_model_get_item (vera_project_get_reference_figures (project), 0);
  g_assert_cmpstr (vera_project_figure_get_subject (figure), ==, "Valdoria");
  g_assert_cmpstr (vera_project_figure_get_aliases (figure)[1], ==, "瓦尔多里亚");
  g_assert_cmpfloat (vera_project_figure_get_value (figure), ==, 240000);
  g_assert_cmpint (vera_project_figure_get_year (figure), ==, 2022);
  gtk_window_destroy (GTK_WINDOW (settings));

  /* The window's analysis holds the new article against the project's figure. */
  vera_window_open_files (window, &file, 1, NULL);
  g_assert_true (vera_ui_test_wait (has_one_article, window, 60000));
  article = g_list_model_get_item (vera_project_get_articles (project), 0);
  g_assert_cmpuint (count_implausible (article), ==, 1);

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
  app = vera_ui_test_app ();
  g_test_add_data_func ("/vera/ui/project-settings/figures", app, test_figures_reach_the_analysis);
  return g_test_run ();
}
