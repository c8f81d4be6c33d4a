/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-hardening"

#include "config.h"

#include <string.h>

#include "fixtures/export/vera-export-fixture.h"
#include "vera-test-util.h"

/* Exports that publishers paste into web pages and reviewers read in terminals (issue 15). */

/* A failing table row: every row is reported, not only the last. */
#define row_fail(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static const char hostile_text[] =
  "Breaking </script><script>alert(1)</script> & more: the port handled 12 ships in 2023.";

/* One article per source, with a hostile text, title and note, and the given language. */
static VeraProject *
new_project (const char * const *sources,
             const char * const *languages,
             guint               n)
{
  VeraProject *project = vera_project_new ();

  vera_project_set_reviewer (project, "R <b>&</b>");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i);
      g_autofree char *claim_id = g_strdup_printf ("a%u-c1", i);
      g_autoptr(VeraArticle) article = vera_article_new (id, sources[i], hostile_text);
      g_autoptr(GError) error = NULL;

      vera_article_set_title (article, "</script><!-- & -->");
      if (languages != NULL)
        vera_article_set_language (article, languages[i]);
      fixture_add_claim (article, claim_id, "</script><script>alert(1)</script> & more",
                         VERA_STATUS_CONTRADICTED, "Not </script> & <b>true</b>");
      g_assert_true (vera_project_add_article (project, article, &error));
      g_assert_no_error (error);
    }
  return project;
}

static char *
export_text (VeraProject      *project,
             VeraExportFormat  format)
{
  g_auto(FixtureOptions) fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vera_export_project_to_bytes (project, format,
                                                          fixture_options_init (&fixture), NULL,
                                                          &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &size);
  return g_strndup (data, size);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (text, &error);

  g_assert_no_error (error);
  return node;
}

static gboolean
tree_has_string (JsonNode   *node,
                 const char *value)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        if (tree_has_string (l->data, value))
          return TRUE;
      return FALSE;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (tree_has_string (json_array_get_element (array, i), value))
          return TRUE;
      return FALSE;
    }
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
         g_strcmp0 (json_node_get_string (node), value) == 0;
}

/* Item 6: no '<', '>' or '&' byte in a JSON-LD export, and the strings still read back whole. */
static void
test_jsonld_escapes_markup (void)
{
  const char *sources[] = { "https://news.example.org/a?x=1&y=<2>" };
  const VeraExportFormat formats[] = { VERA_EXPORT_FORMAT_CLAIMREVIEW,
                                       VERA_EXPORT_FORMAT_WEBANNOTATION };
  g_autoptr(VeraProject) project = new_project (sources, NULL, 1);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *text = export_text (project, formats[f]);
      g_autoptr(JsonNode) root = NULL;

      if (strpbrk (text, "<>&") != NULL)
        row_fail ("%s has raw markup characters: …%.40s", vera_export_format_to_string (formats[f]),
                  strpbrk (text, "<>&"));
      root = parse (text);
      if (!tree_has_string (root, "Not </script> & <b>true</b>") &&
          !tree_has_string (root, "Contradicted: Not </script> & <b>true</b>"))
        row_fail ("%s lost the note", vera_export_format_to_string (formats[f]));
    }
}

/* Item 6: inLanguage is a BCP 47 tag or absent. */
static void
test_claimreview_language (void)
{
  const char *sources[] = { "https://a.example/1", "https://a.example/2", "https://a.example/3",
                            "https://a.example/4", "https://a.example/5", "https://a.example/6" };
  const char *languages[] = { "de-CH", "zh-Hans-CN", "en\"><script>", "english language", "x",
                              "en--us" };
  const gboolean kept[] = { TRUE, TRUE, FALSE, FALSE, FALSE, FALSE };
  g_autoptr(VeraProject) project = new_project (sources, languages, G_N_ELEMENTS (sources));
  g_autofree char *text = export_text (project, VERA_EXPORT_FORMAT_CLAIMREVIEW);
  g_autoptr(JsonNode) root = parse (text);
  JsonArray *reviews;

  /* One ClaimReview per claim, in article order, as an array or a graph. */
  if (JSON_NODE_HOLDS_ARRAY (root))
    reviews = json_node_get_array (root);
  else
    reviews = json_object_get_array_member (json_node_get_object (root), "@graph");
  g_assert_cmpuint (json_array_get_length (reviews), ==, G_N_ELEMENTS (languages));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      JsonObject *review = json_array_get_object_element (reviews, i);
      const char *got = json_object_has_member (review, "inLanguage")
                          ? json_object_get_string_member (review, "inLanguage") : NULL;

      if (kept[i] ? g_strcmp0 (got, languages[i]) != 0 : got != NULL)
        row_fail ("language “%s”: inLanguage “%s”", languages[i], got ? got : "(none)");
    }
}

/* Item 6: a W3C target.source is an http(s), urn: or file: identity, never javascript: or data:. */
static void
test_annotation_source (void)
{
  const char *sources[] = { "javascript:alert(1)", "data:text/html,<script>x</script>",
                            "https://ok.example/a", "urn:isbn:9780000000000",
                            "/srv/articles/b.txt", "ftp://files.example/c.txt", "notes.txt",
                            "HTTP://OK.EXAMPLE/d" };
  g_autoptr(VeraProject) project = new_project (sources, NULL, G_N_ELEMENTS (sources));
  GListModel *articles = vera_project_get_articles (project);

  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *uri = vera_export_dup_source_uri (article);
      g_autofree char *scheme = g_uri_parse_scheme (uri);

      if (scheme == NULL ||
          (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0 &&
           g_ascii_strcasecmp (scheme, "urn") != 0 && g_ascii_strcasecmp (scheme, "file") != 0))
        row_fail ("source “%s” became “%s”", sources[i], uri);
      if (g_str_has_prefix (sources[i], "https://") && g_strcmp0 (uri, sources[i]) != 0)
        row_fail ("web source “%s” became “%s”", sources[i], uri);
    }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/export-hardening/jsonld-escapes-markup", test_jsonld_escapes_markup);
  g_test_add_func ("/vera/export-hardening/claimreview-language", test_claimreview_language);
  g_test_add_func ("/vera/export-hardening/annotation-source", test_annotation_source);

  return g_test_run ();
}
