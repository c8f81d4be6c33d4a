/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-corpus"

#include "config.h"

#include <json-glib/json-glib.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-finding.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-test-util.h"

/* Acceptance on a corpus (expected.json and seeds/): the analysis against expected.json, and a
 * project written by the pipeline that loads back identically. Each test runs on the corpus twin
 * in tests/fixtures/corpus (English, German and Chinese articles written for the tests) always,
 * and on the sample articles of ../shared/corpus when they are there. */

typedef struct
{
  VeraProject *project;
  JsonParser  *expected;
} Fixture;

static void
fixture_set_up (Fixture    *fixture,
                const char *root)
{
  g_autofree char *seeds = g_build_filename (root, "seeds", NULL);
  g_autofree char *expected = g_build_filename (root, "expected.json", NULL);
  g_autoptr(VeraAnalyzer) analyzer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  fixture->expected = json_parser_new ();
  json_parser_load_from_file (fixture->expected, expected, &error);
  g_assert_no_error (error);

  analyzer = vera_analyzer_new (&error);
  g_assert_no_error (error);
  fixture->project = vera_project_new ();
  dir = g_dir_open (seeds, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (seeds, g_ptr_array_index (names, i), NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *id = vera_project_dup_next_article_id (fixture->project);
      g_autoptr(VeraArticle) article = NULL;

      article = vera_analyzer_import_file (analyzer, file, id, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (vera_project_add_article (fixture->project, article, NULL));
    }
  vera_analyzer_link_project (analyzer, fixture->project);
}

static void
fixture_tear_down (Fixture *fixture)
{
  g_clear_object (&fixture->project);
  g_clear_object (&fixture->expected);
}

static VeraArticle *
find_article (VeraProject *project,
              const char  *basename)
{
  GListModel *articles = vera_project_get_articles (project);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);

      if (g_str_has_suffix (vera_article_get_source (article), basename))
        return article;
    }
  g_assert_not_reached ();
}

static gboolean
inside_some_claim (VeraArticle *article,
                   const char  *needle)
{
  GListModel *claims = vera_article_get_claims (article);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);

      if (strstr (vera_claim_get_text (claim), needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

static void
check_seeds (Fixture *fixture)
{
  JsonObject *seeds;
  GList *names;

  seeds = json_object_get_object_member (json_node_get_object (
    json_parser_get_root (fixture->expected)), "seeds");
  names = json_object_get_members (seeds);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonObject *seed = json_object_get_object_member (seeds, l->data);
      VeraArticle *article = find_article (fixture->project, l->data);
      JsonArray *injections = json_object_get_array_member (seed, "injections");
      JsonArray *must = json_object_get_array_member (seed, "must_claims");
      JsonArray *non = json_object_get_array_member (seed, "non_claims");
      GListModel *findings = vera_article_get_findings (article);
      guint n_injected = 0;

      /* Every injected run exactly, in order, and nothing else. */
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);

          if (vera_finding_get_kind (finding) != VERA_FINDING_KIND_INJECTED_TEXT)
            continue;
          g_assert_cmpuint (n_injected, <, json_array_get_length (injections));
          g_assert_cmpstr (vera_finding_get_text (finding), ==,
                           json_array_get_string_element (injections, n_injected));
          n_injected++;
        }
      g_assert_cmpuint (n_injected, ==, json_array_get_length (injections));

      for (guint i = 0; i < json_array_get_length (must); i++)
        {
          const char *needle = json_array_get_string_element (must, i);

          if (!inside_some_claim (article, needle))
            vera_test_fail_row ("%s: “%s” is in no claim", (char *) l->data, needle);
        }
      for (guint i = 0; i < json_array_get_length (non); i++)
        {
          const char *needle = json_array_get_string_element (non, i);

          if (inside_some_claim (article, needle))
            vera_test_fail_row ("%s: “%s” is inside a claim", (char *) l->data, needle);
        }

      /* Injected text never becomes part of a claim. */
      for (guint i = 0; i < json_array_get_length (injections); i++)
        g_assert_false (inside_some_claim (article,
                                           json_array_get_string_element (injections, i)));
      g_test_message ("%s: %u claims, %u injected runs", (char *) l->data,
                      vera_article_get_n_claims (article), n_injected);
    }
  g_list_free (names);
}

static void
check_round_trip (Fixture *fixture)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) loaded = NULL;

  dir = vera_test_make_tmpdir ();
  path = g_build_filename (dir, "seeds.vera", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (vera_project_save (fixture->project, file, NULL, &error));
  g_assert_no_error (error);
  loaded = vera_project_load (file, NULL, &error);
  g_assert_no_error (error);
  before = vera_project_to_data (fixture->project, NULL);
  after = vera_project_to_data (loaded, NULL);
  g_assert_cmpstr (before, ==, after);
}

/* Runs @check on the corpus twin, then on ../shared/corpus when it is there. */
static void
run_on_corpora (void (*check) (Fixture *fixture))
{
  g_autofree char *twin = vera_test_fixture_path ("corpus");
  g_autofree char *shared = vera_test_shared_path_if_present ("corpus");
  const char *roots[] = { twin, shared };

  for (guint i = 0; i < G_N_ELEMENTS (roots) && roots[i] != NULL; i++)
    {
      Fixture fixture = { 0 };

      g_test_message ("corpus %s", roots[i]);
      fixture_set_up (&fixture, roots[i]);
      check (&fixture);
      fixture_tear_down (&fixture);
    }
}

static void
test_seeds (void)
{
  run_on_corpora (check_seeds);
}

static void
test_round_trip (void)
{
  run_on_corpora (check_round_trip);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/corpus/seeds", test_seeds);
  g_test_add_func ("/vera/corpus/round-trip", test_round_trip);

  return g_test_run ();
}
