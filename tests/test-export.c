/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/xpath.h>
#include <string.h>

#include "fixtures/export/vera-export-fixture.h"
#include "vera-export.h"
#include "vera-project-io.h"
#include "vera-test-util.h"
#include "vera-vocabulary.h"

static char *
export_string (VeraProject      *project,
               VeraExportFormat  format,
               VeraExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vera_export_project_to_bytes (project, format, options, NULL, &error);
  gsize size;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &size);
  g_assert_true (g_utf8_validate (data, size, NULL) || format == VERA_EXPORT_FORMAT_PDF);
  return g_strndup (data, size);
}

/* Every claim of the project, in order. */
static GPtrArray *
all_claims (VeraProject *project)
{
  GListModel *articles = vera_project_get_articles (project);
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      GListModel *list = vera_article_get_claims (article);

      for (guint c = 0; c < g_list_model_get_n_items (list); c++)
        g_ptr_array_add (claims, g_list_model_get_item (list, c));
    }
  return claims;
}

static void
test_formats (void)
{
  static const char *names[] = { "html", "pdf", "md", "csv", "json", "claimreview",
                                 "webannotation" };
  VeraExportFormat format;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_true (vera_export_format_from_string (names[i], &format));
      g_assert_cmpint (format, ==, i);
      g_assert_cmpstr (vera_export_format_to_string (format), ==, names[i]);
      g_assert_nonnull (vera_export_format_get_label (format));
      g_assert_nonnull (vera_export_format_get_extension (format));
      g_assert_nonnull (vera_export_format_get_mime_type (format));
    }
  g_assert_true (vera_export_format_from_string ("Markdown", &format));
  g_assert_cmpint (format, ==, VERA_EXPORT_FORMAT_MARKDOWN);
  g_assert_false (vera_export_format_from_string ("docx", &format));
  g_assert_false (vera_export_format_from_string (NULL, &format));
  g_assert_true (vera_export_format_is_binary (VERA_EXPORT_FORMAT_PDF));
  g_assert_false (vera_export_format_is_binary (VERA_EXPORT_FORMAT_HTML));
}

static char *
xpath_text (xmlDocPtr   doc,
            const char *expression)
{
  xmlXPathContextPtr context = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result = xmlXPathEvalExpression ((const xmlChar *) expression, context);
  char *text = NULL;

  if (result != NULL && result->nodesetval != NULL && result->nodesetval->nodeNr > 0)
    {
      xmlChar *content = xmlNodeGetContent (result->nodesetval->nodeTab[0]);

      text = g_strdup ((const char *) content);
      xmlFree (content);
    }
  xmlXPathFreeObject (result);
  xmlXPathFreeContext (context);
  return text;
}

static void
test_html (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autoptr(GPtrArray) claims = all_claims (project);
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *html = export_string (project, VERA_EXPORT_FORMAT_HTML, options);
  htmlDocPtr doc;
  g_autofree char *csp = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *conflicts = NULL;

  doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                        HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  g_assert_nonnull (doc);

  csp = xpath_text (doc, "//meta[@http-equiv='Content-Security-Policy']/@content");
  g_assert_cmpstr (csp, ==, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
  summary = xpath_text (doc, "//section[@id='summary']");
  g_assert_nonnull (strstr (summary, "Articles"));
  g_assert_nonnull (strstr (summary, "Contradicted"));

  /* Every claim: highlighted in the text with its status, and a numbered note with its text. */
  for (guint i = 0; i < claims->len; i++)
    {
      VeraClaim *claim = g_ptr_array_index (claims, i);
      g_autofree char *mark = g_strdup_printf ("//mark[@id='claim-%u']/@class", i + 1);
      g_autofree char *quote = g_strdup_printf ("//li[@id='note-%u']/blockquote", i + 1);
      g_autofree char *cls = xpath_text (doc, mark);
      g_autofree char *text = xpath_text (doc, quote);
      g_autofree char *expected = g_strdup_printf ("claim status-%s",
                                                   vera_status_to_string (vera_claim_get_status (claim)));

      g_assert_cmpstr (cls, ==, expected);
      g_assert_cmpstr (text, ==, vera_claim_get_text (claim));
    }
  /* References with archived copies, the flagged injection, the conflict side by side. */
  g_assert_nonnull (strstr (html, "href=\"https://stats.example.org/budget-2024\" rel=\"noreferrer noopener\""));
  g_assert_nonnull (strstr (html, "archived copy"));
  g_assert_nonnull (strstr (html, "class=\"finding finding-injected-text\""));
  conflicts = xpath_text (doc, "//section[@id='conflicts']//table");
  g_assert_nonnull (strstr (conflicts, "$48 billion"));
  g_assert_nonnull (strstr (conflicts, "$45 billion"));
  g_assert_nonnull (strstr (html, "Example Fact Check"));
  g_assert_nonnull (strstr (html, "@media print"));
  xmlFreeDoc (doc);
}

static void
test_html_reviewed_only (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *html = NULL;

  options->reviewed_only = TRUE;
  options->include_findings = FALSE;
  options->include_conflicts = FALSE;
  options->include_references = FALSE;
  html = export_string (project, VERA_EXPORT_FORMAT_HTML, options);
  g_assert_nonnull (strstr (html, "status-supported"));
  g_assert_null (strstr (html, "<mark class=\"claim status-unreviewed\""));
  g_assert_null (strstr (html, "<mark class=\"claim status-in-progress\""));
  g_assert_null (strstr (html, "class=\"finding "));
  g_assert_null (strstr (html, "id=\"conflicts\""));
  g_assert_null (strstr (html, "budget-2024"));
}

static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

static void
test_pdf (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autoptr(GPtrArray) claims = all_claims (project);
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  int status;

  g_assert_true (vera_export_project (project, VERA_EXPORT_FORMAT_PDF, options, path, NULL,
                                      &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_true (g_str_has_prefix (data, "%PDF-"));

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  {
    const char *argv[] = { pdftotext, "-enc", "UTF-8", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out,
                                 &err, &status, &error));
    g_assert_no_error (error);
  }
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  flat = squeeze (out);
  for (guint i = 0; i < claims->len; i++)
    {
      g_autofree char *claim = squeeze (vera_claim_get_text (g_ptr_array_index (claims, i)));

      if (strstr (flat, claim) == NULL)
        g_error ("claim “%s” missing from the PDF text:\n%s", claim, out);
    }
  g_assert_nonnull (strstr (flat, "港口预算翻倍"));
  g_assert_nonnull (strstr (out, "Page 1 of"));
  g_assert_nonnull (strstr (flat, "Summary"));
  g_assert_true (strstr (flat, "Summary") < strstr (flat, "Harbourbudgetdoubles"));
}

/* A small RFC 4180 reader: fields separated by commas, records by CRLF, quoted fields may hold
 * commas, doubled quotes and line breaks. */
static GPtrArray *
read_csv (const char *data)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = data;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          p++;
          while (*p != '\0' && !(*p == '"' && p[1] != '"'))
            {
              if (*p == '"')
                p++;
              g_string_append_c (field, *p++);
            }
          g_assert_cmpint (*p, ==, '"');
          p++;
          g_assert_true (*p == ',' || *p == '\r');
        }
      else if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          g_assert_cmpint (*p, !=, '\n');
          g_string_append_c (field, *p++);
        }
    }
  g_assert_cmpuint (row->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);
  return rows;
}

static void
test_csv (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autoptr(GPtrArray) claims = all_claims (project);
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *csv = export_string (project, VERA_EXPORT_FORMAT_CSV, options);
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *header;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  rows = read_csv (csv + 3);
  g_assert_cmpuint (rows->len, ==, claims->len + 1);
  header = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (g_ptr_array_index (header, 0), ==, "article_id");
  g_assert_cmpstr (g_ptr_array_index (header, 6), ==, "claim");
  for (guint i = 0; i < claims->len; i++)
    {
      VeraClaim *claim = g_ptr_array_index (claims, i);
      GPtrArray *row = g_ptr_array_index (rows, i + 1);

      g_assert_cmpuint (row->len, ==, header->len);
      g_assert_cmpstr (g_ptr_array_index (row, 3), ==, vera_claim_get_id (claim));
      g_assert_cmpstr (g_ptr_array_index (row, 6), ==, vera_claim_get_text (claim));
      g_assert_cmpstr (g_ptr_array_index (row, 7), ==, "quantity event");
      g_assert_cmpstr (g_ptr_array_index (row, 9), ==,
                       vera_status_to_string (vera_claim_get_status (claim)));
      g_assert_cmpstr (g_ptr_array_index (row, 13), ==, vera_claim_get_note (claim));
    }
  g_assert_cmpstr (g_ptr_array_index ((GPtrArray *) g_ptr_array_index (rows, 1), 14), ==,
                   "https://stats.example.org/budget-2024\r\nhttps://council.example.org/minutes");
}

static void
test_markdown (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *md = export_string (project, VERA_EXPORT_FORMAT_MARKDOWN, options);

  g_assert_true (g_str_has_prefix (md, "# "));
  g_assert_nonnull (strstr (md, "## Summary"));
  g_assert_nonnull (strstr (md, "\\[Supported\\] **The city will spend $48 billion"));
  g_assert_nonnull (strstr (md, "[Budget 2024](https://stats.example.org/budget-2024)"));
  g_assert_nonnull (strstr (md, "**新港口将耗资450亿美元**"));
  g_assert_nonnull (strstr (md, "## Conflicts"));
  g_assert_nonnull (strstr (md, "| **$45 billion** |"));
}

static void
test_json (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autofree char *json = export_string (project, VERA_EXPORT_FORMAT_JSON, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) back = vera_project_from_data (json, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (vera_project_get_n_claims (back), ==, vera_project_get_n_claims (project));
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static const char *
member_string (JsonObject *object,
               const char *path)
{
  g_auto(GStrv) keys = g_strsplit (path, ".", -1);

  for (guint i = 0; keys[i + 1] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, keys[i]);

      g_assert_nonnull (node);
      if (JSON_NODE_HOLDS_ARRAY (node))
        node = json_array_get_element (json_node_get_array (node), 0);
      object = json_node_get_object (node);
    }
  return json_object_get_string_member_with_default (object, keys[g_strv_length (keys) - 1], NULL);
}

static void
test_claimreview (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *text = export_string (project, VERA_EXPORT_FORMAT_CLAIMREVIEW, options);
  g_autoptr(JsonNode) root = parse (text);
  JsonArray *reviews = json_node_get_array (root);
  JsonObject *first, *rating, *item;

  /* Supported, contradicted, disputed and partly supported; not unreviewed or in progress. */
  g_assert_cmpuint (json_array_get_length (reviews), ==, 4);
  for (guint i = 0; i < json_array_get_length (reviews); i++)
    {
      JsonObject *review = json_array_get_object_element (reviews, i);

      g_assert_cmpstr (member_string (review, "@context"), ==, "https://schema.org");
      g_assert_cmpstr (member_string (review, "@type"), ==, "ClaimReview");
      g_assert_nonnull (member_string (review, "claimReviewed"));
      g_assert_nonnull (member_string (review, "datePublished"));
      g_assert_nonnull (member_string (review, "url"));
      g_assert_cmpstr (member_string (review, "author.@type"), ==, "Organization");
      g_assert_cmpstr (member_string (review, "author.name"), ==, "Example Fact Check");
      g_assert_cmpstr (member_string (review, "author.url"), ==, "https://factcheck.example.org/");
      g_assert_cmpstr (member_string (review, "reviewRating.@type"), ==, "Rating");
      g_assert_nonnull (member_string (review, "reviewRating.alternateName"));
      rating = json_object_get_object_member (review, "reviewRating");
      g_assert_cmpint (json_object_get_int_member (rating, "bestRating"), ==, 5);
      g_assert_cmpint (json_object_get_int_member (rating, "worstRating"), ==, 1);
      g_assert_cmpint (json_object_get_int_member (rating, "ratingValue"), >=, 1);
      g_assert_cmpstr (member_string (review, "itemReviewed.@type"), ==, "Claim");
      g_assert_cmpstr (member_string (review, "itemReviewed.appearance.@type"), ==,
                       "CreativeWork");
    }
  first = json_array_get_object_element (reviews, 0);
  g_assert_cmpstr (member_string (first, "url"), ==,
                   "https://news.example.com/2024/harbour-budget#claim-a1-c1");
  g_assert_cmpstr (member_string (first, "claimReviewed"), ==,
                   "The city will spend $48 billion on the new harbour by 2030");
  g_assert_cmpstr (member_string (first, "reviewRating.alternateName"), ==, "True");
  g_assert_cmpstr (member_string (first, "datePublished"), ==, "2024-05-01T10:00:00Z");
  item = json_object_get_object_member (first, "itemReviewed");
  g_assert_cmpstr (member_string (item, "appearance.url"), ==,
                   "https://news.example.com/2024/harbour-budget");
  g_assert_cmpstr (member_string (item, "appearance.headline"), ==, "Harbour budget doubles");
  g_assert_cmpstr (member_string (item, "datePublished"), ==, "2024-03-01");
  g_assert_cmpstr (member_string (item, "author.name"), ==, "Sam Writer");
  /* The local file article: its appearance is named, not linked; the URL falls back to the
   * organisation's. */
  item = json_array_get_object_element (reviews, 3);
  g_assert_cmpstr (member_string (item, "itemReviewed.appearance.name"), ==,
                   "/srv/articles/local-report.txt");
  g_assert_cmpstr (member_string (item, "url"), ==, "https://factcheck.example.org/#claim-a3-c1");
}

static void
test_claimreview_quoted_author (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  VeraClaim *claim = vera_project_find_claim (project, "a1-c3");
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *review;

  vera_claim_set_status (claim, VERA_STATUS_UNVERIFIABLE);
  vera_claim_set_modified (claim, NULL);
  text = export_string (project, VERA_EXPORT_FORMAT_CLAIMREVIEW, options);
  root = parse (text);
  review = json_array_get_object_element (json_node_get_array (root), 2);
  g_assert_cmpstr (member_string (review, "itemReviewed.author.@type"), ==, "Person");
  g_assert_cmpstr (member_string (review, "itemReviewed.author.name"), ==, "Ana Ruiz");
  g_assert_cmpstr (member_string (review, "itemReviewed.author.jobTitle"), ==, "Mayor");
  g_assert_cmpstr (member_string (review, "datePublished"), ==, FIXTURE_NOW);
}

static void
test_webannotation (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autoptr(GPtrArray) claims = all_claims (project);
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *text = export_string (project, VERA_EXPORT_FORMAT_WEBANNOTATION, options);
  g_autoptr(JsonNode) root = parse (text);
  JsonObject *collection = json_node_get_object (root);
  JsonObject *page;
  JsonArray *items;

  g_assert_cmpstr (member_string (collection, "@context"), ==, "http://www.w3.org/ns/anno.jsonld");
  g_assert_cmpstr (member_string (collection, "type"), ==, "AnnotationCollection");
  g_assert_true (g_str_has_prefix (member_string (collection, "id"), "urn:uuid:"));
  g_assert_cmpint (json_object_get_int_member (collection, "total"), ==, claims->len);
  page = json_object_get_object_member (collection, "first");
  g_assert_cmpstr (member_string (page, "type"), ==, "AnnotationPage");
  items = json_object_get_array_member (page, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, claims->len);
  for (guint i = 0; i < claims->len; i++)
    {
      VeraClaim *claim = g_ptr_array_index (claims, i);
      VeraArticle *article = vera_claim_get_article (claim);
      JsonObject *annotation = json_array_get_object_element (items, i);
      JsonObject *target = json_object_get_object_member (annotation, "target");
      JsonArray *selectors = json_object_get_array_member (target, "selector");
      JsonArray *bodies = json_object_get_array_member (annotation, "body");
      JsonObject *quote = json_array_get_object_element (selectors, 0);
      JsonObject *position = json_array_get_object_element (selectors, 1);
      g_autofree char *uri = vera_export_dup_source_uri (article);
      g_autofree char *before = NULL;

      g_assert_cmpstr (member_string (annotation, "type"), ==, "Annotation");
      g_assert_cmpstr (member_string (annotation, "motivation"), ==, "assessing");
      g_assert_cmpstr (member_string (target, "source"), ==, uri);
      g_assert_cmpstr (member_string (quote, "type"), ==, "TextQuoteSelector");
      g_assert_cmpstr (member_string (quote, "exact"), ==, vera_claim_get_text (claim));
      g_assert_cmpstr (member_string (position, "type"), ==, "TextPositionSelector");
      g_assert_cmpint (json_object_get_int_member (position, "start"), ==,
                       vera_claim_get_start (claim));
      g_assert_cmpint (json_object_get_int_member (position, "end"), ==,
                       vera_claim_get_end (claim));
      before = vera_article_dup_slice (article, 0, vera_claim_get_start (claim));
      g_assert_true (g_str_has_suffix (before, member_string (quote, "prefix") ?: ""));
      g_assert_cmpstr (member_string (json_array_get_object_element (bodies, 0), "purpose"), ==,
                       "assessing");
      g_assert_true (g_str_has_prefix (member_string (json_array_get_object_element (bodies, 0),
                                                      "value"),
                                       vera_status_get_label (vera_claim_get_status (claim))));
      g_assert_cmpstr (member_string (json_array_get_object_element (bodies, 1), "value"), ==,
                       vera_status_to_string (vera_claim_get_status (claim)));
    }
  g_assert_cmpstr (member_string (json_array_get_object_element (items, 5), "target.source"), ==,
                   "file:///srv/articles/local-report.txt");
}

/* A copy of the fixture's articles without claims, with text put in front so that every
 * position moves. */
static VeraProject *
shifted_copy (VeraProject *project,
              const char  *inserted)
{
  VeraProject *copy = vera_project_new ();
  GListModel *articles = vera_project_get_articles (project);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *text = g_strconcat (inserted, vera_article_get_text (article), NULL);
      g_autoptr(VeraArticle) moved = vera_article_new (vera_article_get_id (article),
                                                       vera_article_get_source (article), text);
      g_autoptr(GError) error = NULL;

      g_assert_true (vera_project_add_article (copy, moved, &error));
    }
  return copy;
}

static void
test_import_roundtrip (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autoptr(GPtrArray) claims = all_claims (project);
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);
  g_autofree char *text = export_string (project, VERA_EXPORT_FORMAT_WEBANNOTATION, options);
  g_autoptr(JsonNode) root = parse (text);
  g_autoptr(GError) error = NULL;
  VeraAnnotationImportStats stats;

  /* Onto the same project: every claim is found where it was and keeps its review. */
  g_assert_true (vera_webannotation_import (project, root, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied, ==, claims->len);
  g_assert_cmpuint (stats.reanchored + stats.created + stats.unanchored, ==, 0);
  g_assert_cmpstr (vera_claim_get_note (vera_project_find_claim (project, "a1-c1")), ==,
                   "The council's budget document lists $48 billion.");

  /* Onto moved text: re-anchored by quote, claims created with status and note. */
  {
    g_autoptr(VeraProject) copy = shifted_copy (project, "Updated: 这是更新。\n\n");

    g_assert_true (vera_webannotation_import (copy, root, &stats, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (stats.reanchored, ==, claims->len);
    g_assert_cmpuint (stats.created, ==, claims->len);
    g_assert_cmpuint (stats.unanchored, ==, 0);
    g_assert_cmpuint (vera_project_get_n_claims (copy), ==, claims->len);
    for (guint i = 0; i < claims->len; i++)
      {
        VeraClaim *claim = g_ptr_array_index (claims, i);
        VeraArticle *article = vera_project_find_article (copy,
                                                          vera_article_get_id (vera_claim_get_article (claim)));
        GListModel *list = vera_article_get_claims (article);
        gboolean found = FALSE;

        for (guint c = 0; c < g_list_model_get_n_items (list); c++)
          {
            g_autoptr(VeraClaim) other = g_list_model_get_item (list, c);

            if (g_strcmp0 (vera_claim_get_text (other), vera_claim_get_text (claim)) != 0)
              continue;
            found = TRUE;
            g_assert_cmpuint (vera_claim_get_start (other), ==, vera_claim_get_start (claim) + 16);
            g_assert_cmpint (vera_claim_get_status (other), ==, vera_claim_get_status (claim));
            g_assert_cmpstr (vera_claim_get_note (other), ==, vera_claim_get_note (claim));
          }
        g_assert_true (found);
      }
  }
}

static void
test_import_reanchor_context (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) article =
    vera_article_new ("a1", "https://example.org/t",
                      "Prices rose 5%. Later: wages rose 5%. Then rents rose 5% again.");
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  VeraAnnotationImportStats stats;
  VeraClaim *claim;

  g_assert_true (vera_project_add_article (project, article, &error));
  /* A stale position near the first "rose 5%" but the context names the rents. */
  node = parse ("{\"type\":\"Annotation\",\"bodyValue\":\"check\",\"target\":{"
                "\"source\":\"https://example.org/t\",\"selector\":["
                "{\"type\":\"TextQuoteSelector\",\"exact\":\"rose 5%\",\"prefix\":\"Then rents \","
                "\"suffix\":\" again\"},{\"type\":\"TextPositionSelector\",\"start\":7,\"end\":15}]}}");
  g_assert_true (vera_webannotation_import (project, node, &stats, &error));
  g_assert_cmpuint (stats.reanchored, ==, 1);
  claim = g_list_model_get_item (vera_article_get_claims (article), 0);
  g_assert_cmpuint (vera_claim_get_start (claim), ==, 49);
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "check");
  g_object_unref (claim);

  /* Not annotations at all. */
  g_clear_pointer (&node, json_node_unref);
  node = parse ("{\"hello\": 1}");
  g_assert_false (vera_webannotation_import (project, node, &stats, &error));
  g_assert_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_NOT_ANNOTATIONS);
  g_clear_error (&error);

  /* Positions too large for any integer are ignored; the quote still anchors. */
  g_clear_pointer (&node, json_node_unref);
  node = parse ("{\"type\":\"Annotation\",\"bodyValue\":\"huge\",\"target\":{"
                "\"source\":\"https://example.org/t\",\"selector\":["
                "{\"type\":\"TextQuoteSelector\",\"exact\":\"wages rose\"},"
                "{\"type\":\"TextPositionSelector\",\"start\":1e300,\"end\":2e300}]}}");
  g_assert_true (vera_webannotation_import (project, node, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.unanchored, ==, 0);

  /* A quote that is nowhere. */
  g_clear_pointer (&node, json_node_unref);
  node = parse ("[{\"type\":\"Annotation\",\"target\":{\"source\":\"https://example.org/t\","
                "\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":\"absent\"}}}]");
  g_assert_true (vera_webannotation_import (project, node, &stats, &error));
  g_assert_cmpuint (stats.unanchored, ==, 1);
}

/* An empty annotation file parses to no root node: an error, not a critical. */
static void
test_import_empty (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  VeraAnnotationImportStats stats;

  g_assert_true (json_parser_load_from_data (parser, "", 0, &error));
  g_assert_false (vera_webannotation_import (project, json_parser_get_root (parser), &stats,
                                             &error));
  g_assert_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_NOT_ANNOTATIONS);
  g_assert_cmpuint (stats.applied, ==, 0);
}

/* Positions far beyond any integer (the fuzzer's "start": 1e300) are no positions: the quote
 * anchors the annotation. Undefined behaviour before, which -fsanitize=undefined reports. */
static void
test_import_huge_positions (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) article = vera_article_new ("a1", "https://example.org/t",
                                                     "Prices rose 5%. Wages rose 2%.");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  VeraAnnotationImportStats stats;

  g_assert_true (vera_project_add_article (project, article, &error));
  g_assert_true (json_parser_load_from_data (parser,
    "{\"type\":\"Annotation\",\"bodyValue\":\"x\",\"target\":{\"selector\":["
    "{\"type\":\"TextQuoteSelector\",\"exact\":\"Wages rose 2%\"},"
    "{\"type\":\"TextPositionSelector\",\"start\":1e300,\"end\":1.5e300}]}}", -1, &error));
  g_assert_true (vera_webannotation_import (project, json_parser_get_root (parser), &stats,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied + stats.reanchored, ==, 1);
  g_assert_cmpuint (vera_project_get_n_claims (project), ==, 1);
}

/* A claim an annotation creates belongs to its article alone: it goes with the project. */
static void
test_import_created_claim_freed (void)
{
  VeraProject *project = vera_project_new ();
  VeraArticle *article = vera_article_new ("a1", "https://example.org/t", "Prices rose 5%.");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  VeraAnnotationImportStats stats;
  VeraClaim *claim;

  g_assert_true (vera_project_add_article (project, article, &error));
  g_object_unref (article);
  g_assert_true (json_parser_load_from_data (parser,
    "{\"type\":\"Annotation\",\"bodyValue\":\"x\",\"target\":{\"selector\":"
    "{\"type\":\"TextQuoteSelector\",\"exact\":\"rose 5%\"}}}", -1, &error));
  g_assert_true (vera_webannotation_import (project, json_parser_get_root (parser), &stats,
                                            &error));
  g_assert_cmpuint (stats.created, ==, 1);
  claim = g_list_model_get_item (vera_article_get_claims (article), 0);
  g_object_add_weak_pointer (G_OBJECT (claim), (gpointer *) &claim);
  g_object_unref (claim);
  g_assert_finalize_object (project);
  g_assert_null (claim);
}

/* Imports the annotation file @path into @project and checks that every selector anchored and
 * that @applied annotations were applied, each creating its claim. */
static void
check_annotation_sample (VeraProject *project,
                         const char  *path,
                         guint        applied)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (path);
  VeraAnnotationImportStats stats;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  g_assert_true (vera_webannotation_import (project, json_parser_get_root (parser), &stats,
                                            &error));
  g_assert_no_error (error);
  g_test_message ("%s: %u applied, %u unanchored, %u skipped", name, stats.applied,
                  stats.unanchored, stats.skipped);
  if (stats.unanchored != 0 || stats.applied != applied || stats.created != stats.applied)
    vera_test_fail_row ("%s: expected %u applied (all created), none unanchored; got %u applied, "
                        "%u created, %u unanchored", name, applied, stats.applied, stats.created,
                        stats.unanchored);
}

static void
add_article (VeraProject *project,
             const char  *id,
             const char  *uri,
             const char  *text)
{
  g_autoptr(VeraArticle) article = vera_article_new (id, uri, text);
  g_autoptr(GError) error = NULL;

  g_assert_true (vera_project_add_article (project, article, &error));
  g_assert_no_error (error);
}

static gboolean
project_has_claim (VeraProject *project,
                   const char  *text)
{
  GListModel *articles = vera_project_get_articles (project);

  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, a);
      GListModel *claims = vera_article_get_claims (article);

      for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, c);

          if (g_strcmp0 (vera_claim_get_text (claim), text) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Annotations written for the tests in the shapes of the W3C samples (quote with context,
 * position in code points, fragment refined by a quote or a position, a specific resource with
 * state, a collection), applied onto an English, a German and a Chinese text. */
static void
check_annotation_fixtures (void)
{
  static const struct { const char *file; guint applied; const char *claim; } samples[] = {
    { "quote-with-context.json", 1, "1,240" },
    { "position.json", 1, "84 Millionen Euro" },
    { "fragment-refined-quote.json", 1, "百分之十五" },
    { "specific-resource-position.json", 1, "十二万册" },
    { "collection.json", 2, "sagte die Stadtbaurätin" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(VeraProject) project = vera_project_new ();
      g_autofree char *rel = g_build_filename ("export", "annotations", samples[i].file, NULL);
      g_autofree char *path = vera_test_fixture_path (rel);

      add_article (project, "harbour", "http://example.org/harbour-report",
                   "The harbour board said that ferry crossings rose to 1,240 in May, more than "
                   "in any May before.");
      add_article (project, "bahnhof", "http://example.org/bahnhof",
                   "Der Umbau des Bahnhofs in Lüneburg kostet 84 Millionen Euro, sagte die "
                   "Stadtbaurätin.");
      add_article (project, "library", "http://example.org/library",
                   "市图书馆今年新增藏书十二万册，读者人数增长了百分之十五。");
      check_annotation_sample (project, path, samples[i].applied);
      if (!project_has_claim (project, samples[i].claim))
        vera_test_fail_row ("%s: no claim reads «%s»", samples[i].file, samples[i].claim);
    }
}

/* The W3C test suite's correct samples in @dir that select text, applied onto texts written for
 * them. */
static void
check_w3c_samples (const char *dir)
{
  static const char *samples[] = { "anno26.json", "anno27.json", "anno32.json",
                                   "anno41-example44.json", "collection1.json" };
  g_autoptr(GString) ebook = g_string_new (NULL);

  while (ebook->len < 1000)
    g_string_append (ebook, "Chapter text of an electronic book. ");

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(VeraProject) project = vera_project_new ();
      g_autofree char *path = g_build_filename (dir, samples[i], NULL);

      add_article (project, "page1", "http://example.org/page1",
                   "As this is an anotation that has some typo, the text before the Selected "
                   "Text and text after it matter.");
      add_article (project, "ebook1", "http://example.org/ebook1", ebook->str);
      add_article (project, "document1", "http://example.com/document1",
                   "Para: I really love this particular bit.");
      check_annotation_sample (project, path, i == 4 ? 4 : 1);
    }
}

/* The fixtures always, the W3C samples of ../shared too when they are there. */
static void
test_import_annotation_samples (void)
{
  g_autofree char *dir = vera_test_shared_path_if_present ("datasets/schemas/web-annotation-tests/"
                                                           "tools/samples/correct");

  check_annotation_fixtures ();
  if (dir != NULL)
    check_w3c_samples (dir);
}

static void
test_atomic_file_and_cancel (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize length;

  for (VeraExportFormat format = 0; format < VERA_EXPORT_N_FORMATS; format++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", vera_export_format_get_extension (format));
      g_autofree char *file = g_build_filename (dir, name, NULL);

      g_assert_true (vera_export_project (project, format, NULL, file, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_true (vera_export_project (project, VERA_EXPORT_FORMAT_CSV, NULL, path, NULL, &error));
  bytes = vera_export_project_to_bytes (project, VERA_EXPORT_FORMAT_CSV, NULL, NULL, &error);
  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_cmpmem (data, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_cancellable_cancel (cancellable);
  g_assert_false (vera_export_project (project, VERA_EXPORT_FORMAT_HTML, NULL, path, cancellable,
                                       &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
async_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GMainLoop *loop = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (vera_export_project_finish (VERA_PROJECT (source), result, &error));
  g_assert_no_error (error);
  g_main_loop_quit (loop);
}

static void
test_async (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "report.html", NULL);
  g_autofree char *organisation = g_strdup ("Example Fact Check");
  g_autofree char *data = NULL;
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);

  options->organisation_name = organisation;
  vera_export_project_async (project, VERA_EXPORT_FORMAT_HTML, options, path, NULL,
                             async_done_cb, loop);
  /* The options' strings are copied: the caller may free them at once. */
  g_clear_pointer (&organisation, g_free);
  g_main_loop_run (loop);
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  g_assert_nonnull (strstr (data, "Example Fact Check"));
  g_assert_nonnull (strstr (data, "The city will spend $48 billion"));
}

static void
test_reproducible (void)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportOptions *options = fixture_options_init (&fixture);

  for (VeraExportFormat format = 0; format < VERA_EXPORT_N_FORMATS; format++)
    {
      g_autoptr(GBytes) a = vera_export_project_to_bytes (project, format, options, NULL, NULL);
      g_autoptr(GBytes) b = vera_export_project_to_bytes (project, format, options, NULL, NULL);

      if (format == VERA_EXPORT_FORMAT_PDF)
        continue;
      g_assert_true (g_bytes_equal (a, b));
    }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/export/formats", test_formats);
  g_test_add_func ("/vera/export/html", test_html);
  g_test_add_func ("/vera/export/html-reviewed-only", test_html_reviewed_only);
  g_test_add_func ("/vera/export/pdf", test_pdf);
  g_test_add_func ("/vera/export/csv", test_csv);
  g_test_add_func ("/vera/export/markdown", test_markdown);
  g_test_add_func ("/vera/export/json", test_json);
  g_test_add_func ("/vera/export/claimreview", test_claimreview);
  g_test_add_func ("/vera/export/claimreview-quoted-author", test_claimreview_quoted_author);
  g_test_add_func ("/vera/export/webannotation", test_webannotation);
  g_test_add_func ("/vera/export/import-roundtrip", test_import_roundtrip);
  g_test_add_func ("/vera/export/import-reanchor-context", test_import_reanchor_context);
  g_test_add_func ("/vera/export/import-annotation-samples", test_import_annotation_samples);
  g_test_add_func ("/vera/export/import-empty", test_import_empty);
  g_test_add_func ("/vera/export/import-created-claim-freed", test_import_created_claim_freed);
  g_test_add_func ("/vera/export/import-huge-positions", test_import_huge_positions);
  g_test_add_func ("/vera/export/atomic-file-and-cancel", test_atomic_file_and_cancel);
  g_test_add_func ("/vera/export/async", test_async);
  g_test_add_func ("/vera/export/reproducible", test_reproducible);

  return g_test_run ();
}
