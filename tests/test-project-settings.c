/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A project's typed settings: the claim threshold and its own reference figures, how they
 * notify and mark the project changed, how they are read and written, and that an analysis
 * made for the project uses them. */
#include "config.h"

#include <string.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-finding.h"
#include "vera-project.h"
#include "vera-project-figure.h"
#include "vera-project-io.h"
#include "vera-test-util.h"

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static VeraProjectFigure *
eldoria (double value)
{
  static const char * const aliases[] = { "Eldorien", "埃尔多里亚", NULL };

  return vera_project_figure_new ("Eldoria", aliases, "population", value, 2021,
                                  "Eldoria Statistics Office", "https://stats.example.org/pop");
}

static void
test_setters (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraProjectFigure) first = eldoria (120000);
  g_autoptr(VeraProjectFigure) second = eldoria (125000);
  g_autoptr(VeraProjectFigure) other = vera_project_figure_new ("Eldoria", NULL, "area", 512, 0,
                                                                "Survey", NULL);
  g_autoptr(VeraProjectFigure) item = NULL;
  GListModel *figures = vera_project_get_reference_figures (project);
  guint notified = 0;

  g_assert_cmpfloat (vera_project_get_claim_threshold (project), ==,
                     VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD);
  g_assert_false (vera_project_get_dirty (project));
  g_signal_connect (project, "notify::claim-threshold", G_CALLBACK (count_notify_cb), &notified);

  vera_project_set_claim_threshold (project, 0.3);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (vera_project_get_dirty (project));
  vera_project_set_claim_threshold (project, 0.3);
  g_assert_cmpuint (notified, ==, 1);
  g_object_set (project, "claim-threshold", 0.7, NULL);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpfloat (vera_project_get_claim_threshold (project), ==, 0.7);

  vera_project_mark_saved (project);
  vera_project_add_reference_figure (project, first);
  g_assert_true (vera_project_get_dirty (project));
  vera_project_add_reference_figure (project, other);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 2);
  /* The same subject and measure, in another case: it replaces the first in its place. */
  g_clear_object (&second);
  second = vera_project_figure_new ("ELDORIA", NULL, "population", 125000, 2023, "Census", NULL);
  vera_project_add_reference_figure (project, second);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 2);
  item = g_list_model_get_item (figures, 0);
  g_assert_true (item == second);
  vera_project_remove_reference_figure (project, second);
  g_assert_cmpuint (g_list_model_get_n_items (figures), ==, 1);
}

static void
test_round_trip (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraProject) loaded = NULL;
  g_autoptr(VeraProjectFigure) figure = eldoria (120000);
  g_autoptr(VeraProjectFigure) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  vera_project_set_claim_threshold (project, 0.35);
  vera_project_add_reference_figure (project, figure);
  json_object_set_string_member (vera_project_get_other_settings (project), "future-key", "kept");
  data = vera_project_to_data (project, &length);
  loaded = vera_project_from_data (data, length, &error);
  g_assert_no_error (error);
  g_assert_false (vera_project_get_dirty (loaded));
  g_assert_cmpfloat (vera_project_get_claim_threshold (loaded), ==, 0.35);
  g_assert_cmpuint (g_list_model_get_n_items (vera_project_get_reference_figures (loaded)), ==, 1);
  back = g_list_model_get_item (vera_project_get_reference_figures (loaded), 0);
  g_assert_cmpstr (vera_project_figure_get_subject (back), ==, "Eldoria");
  g_assert_cmpstr (vera_project_figure_get_aliases (back)[1], ==, "埃尔多里亚");
  g_assert_null (vera_project_figure_get_aliases (back)[2]);
  g_assert_cmpstr (vera_project_figure_get_measure (back), ==, "population");
  g_assert_cmpfloat (vera_project_figure_get_value (back), ==, 120000);
  g_assert_cmpint (vera_project_figure_get_year (back), ==, 2021);
  g_assert_cmpstr (vera_project_figure_get_source (back), ==, "Eldoria Statistics Office");
  g_assert_cmpstr (vera_project_figure_get_url (back), ==, "https://stats.example.org/pop");
  g_assert_cmpstr (json_object_get_string_member (vera_project_get_other_settings (loaded),
                                                  "future-key"), ==, "kept");
  g_assert_false (json_object_has_member (vera_project_get_other_settings (loaded),
                                          "reference-figures"));
}

/* What vera-check analyze --figures wrote before the settings were typed: the whole file of
 * reference figures, with its own header, under "reference-figures". */
static void
test_reads_figure_file_shape (void)
{
  const char *text =
    "{\"format\": \"vera-project\", \"version\": 1, \"settings\": {\"reference-figures\": "
    "{\"format\": \"vera-reference-figures\", \"version\": 1, \"figures\": ["
    "{\"subject\": \"Neustadt an der Wied\", \"value\": 42000, \"source\": \"Landesamt\"}]}},"
    " \"articles\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = vera_project_from_data (text, -1, &error);
  g_autoptr(VeraProjectFigure) figure = NULL;

  g_assert_no_error (error);
  figure = g_list_model_get_item (vera_project_get_reference_figures (project), 0);
  g_assert_nonnull (figure);
  g_assert_cmpstr (vera_project_figure_get_measure (figure), ==, "population");
  g_assert_cmpint (vera_project_figure_get_year (figure), ==, VERA_PROJECT_FIGURE_NO_YEAR);
  g_assert_null (vera_project_figure_get_url (figure));
}

/* A hand-edited figure that findings could not rest on: the project is refused, and the
 * message names the figure and the key. */
static void
test_bad_figures (void)
{
  static const struct { const char *figure; const char *expect; } rows[] = {
    { "{\"value\": 5, \"source\": \"S\"}", "reference figure 1: “subject”" },
    { "{\"subject\": \"\", \"value\": 5, \"source\": \"S\"}", "“subject”" },
    { "{\"subject\": \"X\", \"value\": \"5\", \"source\": \"S\"}", "“value”" },
    { "{\"subject\": \"X\", \"value\": -5, \"source\": \"S\"}", "“value”" },
    { "{\"subject\": \"X\", \"value\": 0, \"source\": \"S\"}", "“value”" },
    { "{\"subject\": \"X\", \"value\": 1e999, \"source\": \"S\"}", "“value”" },
    { "{\"subject\": \"X\", \"value\": 5}", "“source”" },
    { "{\"subject\": \"X\", \"value\": 5, \"source\": \"S\", \"year\": 20.5}", "“year”" },
    { "{\"subject\": \"X\", \"value\": 5, \"source\": \"S\", \"year\": -3}", "“year”" },
    { "{\"subject\": \"X\", \"value\": 5, \"source\": \"S\", \"url\": \"javascript:alert(1)\"}",
      "“url”" },
    { "{\"subject\": \"X\", \"value\": 5, \"source\": \"S\", \"url\": \"file:///etc/passwd\"}",
      "“url”" },
    { "{\"subject\": \"X\", \"value\": 5, \"source\": \"S\", \"aliases\": \"Y\"}", "“aliases”" },
    { "{\"subject\": \"X\", \"value\": 5, \"source\": \"S\", \"aliases\": [1]}", "“aliases”" },
    { "\"Hamburg\"", "not a JSON object" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"format\": \"vera-project\", \"version\": 1, "
                                               "\"settings\": {\"reference-figures\": [%s]}, "
                                               "\"articles\": []}", rows[i].figure);
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraProject) project = vera_project_from_data (text, -1, &error);

      if (project != NULL)
        vera_test_fail_row ("row %u «%s»: accepted", i, rows[i].figure);
      else if (!g_error_matches (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE) ||
               strstr (error->message, rows[i].expect) == NULL ||
               strstr (error->message, "settings") == NULL)
        vera_test_fail_row ("row %u «%s»: wrong error “%s”", i, rows[i].figure, error->message);
    }
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

/* An analysis made for a project holds figures against the project's own, and a later change
 * of the project does not reach an analysis already made. */
static void
test_analysis_uses_project_figures (void)
{
  const char *text = "Eldoria has 9 million residents, the mayor said on Tuesday.";
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraAnalyzer) shipped = vera_analyzer_new (&error);
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraProjectFigure) figure = eldoria (120000);
  g_autoptr(VeraAnalyzer) plain = NULL;
  g_autoptr(VeraAnalyzer) with_figures = NULL;
  g_autoptr(VeraArticle) before = vera_article_new ("a1", NULL, text);
  g_autoptr(VeraArticle) after = vera_article_new ("a1", NULL, text);

  g_assert_no_error (error);
  plain = vera_analyzer_new_for_project (shipped, project);
  vera_project_add_reference_figure (project, figure);
  with_figures = vera_analyzer_new_for_project (shipped, project);

  vera_analyzer_analyze_article (plain, before);
  vera_analyzer_analyze_article (with_figures, after);
  g_assert_cmpuint (count_implausible (before), ==, 0);
  g_assert_cmpuint (count_implausible (after), ==, 1);
}

static void
test_analysis_uses_project_threshold (void)
{
  const char *text = "The council met on Monday. It discussed the weather and lunch. Unemployment "
                     "fell to 4.1 percent in March, the lowest rate since 2008, the agency said.";
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraAnalyzer) shipped = vera_analyzer_new (&error);
  g_autoptr(VeraProject) strict = vera_project_new ();
  g_autoptr(VeraProject) lenient = vera_project_new ();
  g_autoptr(VeraAnalyzer) strict_job = NULL;
  g_autoptr(VeraAnalyzer) lenient_job = NULL;
  g_autoptr(VeraArticle) a = vera_article_new ("a1", NULL, text);
  g_autoptr(VeraArticle) b = vera_article_new ("a1", NULL, text);

  g_assert_no_error (error);
  vera_project_set_claim_threshold (strict, 1.0);
  vera_project_set_claim_threshold (lenient, 0.0);
  strict_job = vera_analyzer_new_for_project (shipped, strict);
  lenient_job = vera_analyzer_new_for_project (shipped, lenient);
  g_assert_cmpfloat (vera_analyzer_get_threshold (strict_job), ==, 1.0);
  g_assert_cmpfloat (vera_analyzer_get_threshold (shipped), ==,
                     VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD);

  vera_analyzer_analyze_article (strict_job, a);
  vera_analyzer_analyze_article (lenient_job, b);
  g_assert_cmpuint (g_list_model_get_n_items (vera_article_get_claims (b)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (vera_article_get_claims (a)), <,
                    g_list_model_get_n_items (vera_article_get_claims (b)));
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/project-settings/setters", test_setters);
  g_test_add_func ("/vera/project-settings/round-trip", test_round_trip);
  g_test_add_func ("/vera/project-settings/figure-file-shape", test_reads_figure_file_shape);
  g_test_add_func ("/vera/project-settings/bad-figures", test_bad_figures);
  g_test_add_func ("/vera/project-settings/analysis-figures", test_analysis_uses_project_figures);
  g_test_add_func ("/vera/project-settings/analysis-threshold",
                   test_analysis_uses_project_threshold);
  return g_test_run ();
}
