/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-export-hardening"

#include "config.h"

#include <libxml/HTMLparser.h>
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

/* Bidi controls: RLO, LRE, PDF, LRI, RLI, FSI, PDI. */
static const char bidi_text[] =
  "The ministry said \u202Egnorw si siht\u202C the port handled 12 ships \u2066in\u2069 2023 "
  "and \u2069\u202Escheduled 40 more.";

static gboolean
has_bidi (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        return TRUE;
    }
  return FALSE;
}

static VeraProject *
new_bidi_project (void)
{
  VeraProject *project = vera_project_new ();
  g_autoptr(VeraArticle) article = vera_article_new ("a1", "https://x.example/\u202Efdp.exe",
                                                     bidi_text);
  g_autoptr(VeraFinding) finding = vera_finding_new (VERA_FINDING_KIND_INJECTED_TEXT, 18, 36,
                                                     "\u202Egnorw si siht\u202C",
                                                     "Hidden \u202Etxet\u202C");
  g_autoptr(GError) error = NULL;
  VeraClaim *claim;

  vera_project_set_reviewer (project, "Ana \u202EziuR");
  vera_article_set_title (article, "Port \u202Estats\u2069 up");
  vera_article_set_publisher (article, "\u2067News");
  claim = fixture_add_claim (article, "a1-c1", "the port handled 12 ships \u2066in\u2069 2023",
                             VERA_STATUS_DISPUTED, "See \u202Eeton\u202C here");
  fixture_add_reference (claim, "https://stats.example.org/\u202Ex", "Stats \u202Etitle",
                         "\u2068Site");
  vera_article_add_finding (article, finding);
  g_assert_true (vera_project_add_article (project, article, &error));
  g_assert_no_error (error);
  return project;
}

static gboolean
inside_bdi (xmlNode *node)
{
  for (xmlNode *n = node->parent; n != NULL; n = n->parent)
    if (n->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *) n->name, "bdi") == 0)
      return TRUE;
  return FALSE;
}

static void
check_bidi_nodes (xmlNode *node)
{
  for (xmlNode *n = node; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE && has_bidi ((const char *) n->content))
        {
          gboolean in_title = n->parent != NULL &&
                              g_ascii_strcasecmp ((const char *) n->parent->name, "title") == 0;

          if (in_title || !inside_bdi (n))
            row_fail ("bidi control outside <bdi>: “%s”", (const char *) n->content);
        }
      if (n->type == XML_ELEMENT_NODE)
        {
          for (xmlAttr *a = n->properties; a != NULL; a = a->next)
            {
              xmlChar *value = xmlNodeGetContent ((xmlNode *) a);

              if (has_bidi ((const char *) value))
                row_fail ("bidi control in %s=“%s”", (const char *) a->name, (const char *) value);
              xmlFree (value);
            }
          check_bidi_nodes (n->children);
        }
    }
}

/* Item 10: bidi controls from untrusted text are isolated in HTML and gone from Markdown. */
static void
test_bidi_isolated (void)
{
  g_autoptr(VeraProject) project = new_bidi_project ();
  g_autofree char *html = export_text (project, VERA_EXPORT_FORMAT_HTML);
  g_autofree char *markdown = export_text (project, VERA_EXPORT_FORMAT_MARKDOWN);
  htmlDocPtr doc = htmlReadMemory (html, strlen (html), NULL, "utf-8",
                                   HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_true (has_bidi (html));   /* kept, for the reviewer to see, but isolated */
  check_bidi_nodes (xmlDocGetRootElement (doc));
  xmlFreeDoc (doc);

  if (has_bidi (markdown))
    row_fail ("Markdown keeps bidi controls: …%.60s", strstr (markdown, "ships"));
  g_assert_nonnull (strstr (markdown, "gnorw si siht"));
}

/* Item 10: a W3C position selector with start = end targets no text: no claim is made of it. */
static void
test_zero_length_annotation (void)
{
  const char *sources[] = { "https://a.example/1" };
  g_autoptr(VeraProject) project = new_project (sources, NULL, 1);
  g_autoptr(VeraArticle) article = g_list_model_get_item (vera_project_get_articles (project), 0);
  guint before = vera_article_get_n_claims (article);
  const char *annotations[] = {
    "{\"type\": \"Annotation\", \"body\": {\"type\": \"TextualBody\", \"value\": \"x\"},"
    " \"target\": {\"source\": \"https://a.example/1\", \"selector\":"
    " {\"type\": \"TextPositionSelector\", \"start\": 9, \"end\": 9}}}",
    "{\"type\": \"Annotation\", \"body\": {\"type\": \"TextualBody\", \"value\": \"x\"},"
    " \"target\": {\"source\": \"https://a.example/1\", \"selector\": ["
    " {\"type\": \"TextPositionSelector\", \"start\": 0, \"end\": 0},"
    " {\"type\": \"TextQuoteSelector\", \"exact\": \"\"}]}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (annotations); i++)
    {
      g_autoptr(JsonNode) node = parse (annotations[i]);
      VeraAnnotationImportStats stats = { 0 };
      g_autoptr(GError) error = NULL;

      vera_webannotation_import (project, node, &stats, &error);
      if (stats.created != 0 || stats.applied != 0 || vera_article_get_n_claims (article) != before)
        row_fail ("annotation %u made %u claims", i, stats.created);
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

  g_test_add_func ("/vera/export-hardening/bidi-isolated", test_bidi_isolated);
  g_test_add_func ("/vera/export-hardening/zero-length-annotation", test_zero_length_annotation);

  return g_test_run ();
}
