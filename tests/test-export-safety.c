/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <libxml/HTMLparser.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-export.h"
#include "vera-finding.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-reference.h"
#include "vera-test-util.h"

/* Hostile strings: every text field of the project gets all of them. */
static const char *payloads[] = {
  "<script>alert(1)</script>",
  "\"><img src=x onerror=alert(1)>",
  "'><svg onload=alert(1)>",
  "</style><script>alert(2)</script><style>",
  "</title><iframe src=\"https://evil.example/\"></iframe>",
  "<link rel=stylesheet href=https://evil.example/x.css>",
  "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
  "<a href=\"javascript:alert(1)\">click</a>",
  "<object data=x></object><embed src=x><base href=\"https://evil.example/\">",
  "<form action=https://evil.example/><button formaction=x>go</button></form>",
  "x\" style=\"background:url(https://evil.example/t.png)",
  "}body{background:url(https://evil.example/)}@import 'https://evil.example/x.css';",
  "<!-- --><![CDATA[ ]]> &amp; &lt; &#0; \x01\x7f",
  "=HYPERLINK(\"https://evil.example/\",\"x\")",
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(1+1)",
  "\tTAB",
  "**bold** [link](javascript:alert(1)) <b>raw</b> # heading",
};

static const char *bad_urls[] = {
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "https://ok.example/\"onmouseover=\"alert(1)",
  "https://ok.example/ x",
  "file:///etc/passwd",
  "//evil.example/x",
};

static char *
all_payloads (void)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
    g_string_append_printf (out, "%s\n", payloads[i]);
  return g_string_free (out, FALSE);
}

static VeraProject *
hostile_project (void)
{
  VeraProject *project = vera_project_new ();
  g_autofree char *evil = all_payloads ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint claim_id = 0;

  vera_project_set_reviewer (project, evil);
  for (guint a = 0; a < G_N_ELEMENTS (bad_urls); a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a + 1);
      g_autoptr(VeraArticle) article = NULL;
      guint offset = 0;

      g_string_truncate (text, 0);
      for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
        g_string_append_printf (text, "%s Claim %u.\n\n", payloads[i], i);
      article = vera_article_new (id, bad_urls[a], text->str);
      vera_article_set_title (article, evil);
      vera_article_set_publisher (article, evil);
      vera_article_set_author (article, evil);
      vera_article_set_published (article, payloads[a]);
      vera_article_set_language (article, "\"><script>alert(1)</script>");

      /* One claim on each payload, with every review field hostile too. */
      for (guint i = 0; i < G_N_ELEMENTS (payloads); i++)
        {
          guint length = g_utf8_strlen (payloads[i], -1);
          g_autofree char *claim_name = g_strdup_printf ("%s-c%u\"><script>", id, ++claim_id);
          g_autofree char *slice = vera_article_dup_slice (article, offset, offset + length);
          g_autoptr(VeraClaim) claim = vera_claim_new (claim_name, offset, offset + length, slice);
          g_autoptr(VeraReference) reference = vera_reference_new (bad_urls[(a + i) % G_N_ELEMENTS (bad_urls)]);
          GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
          VeraPerson *person = vera_person_new (payloads[i], evil);

          person->quoted = TRUE;
          g_ptr_array_add (people, person);
          vera_claim_take_people (claim, people);
          vera_claim_set_status (claim, 2 + i % 6);
          vera_claim_set_note (claim, evil);
          vera_claim_set_reviewer (claim, payloads[i]);
          vera_claim_set_modified (claim, payloads[i]);
          vera_claim_set_context (claim, payloads[(i + 1) % G_N_ELEMENTS (payloads)], evil);
          for (VeraReferenceField f = 0; f < VERA_REFERENCE_N_FIELDS; f++)
            if (f != VERA_REFERENCE_URL)
              vera_reference_set_field (reference, f, f == VERA_REFERENCE_ARCHIVE_URL
                                        ? bad_urls[i % G_N_ELEMENTS (bad_urls)] : evil);
          vera_claim_insert_reference (claim, 0, reference);
          vera_article_add_claim (article, claim);
          offset += length + g_utf8_strlen (" Claim X.\n\n", -1) + (i >= 10 ? 1 : 0);
        }
      {
        g_autoptr(VeraFinding) finding = vera_finding_new (VERA_FINDING_KIND_INJECTED_TEXT, 0, 10,
                                                           evil, evil);

        vera_finding_set_detail (finding, evil);
        vera_article_add_finding (article, finding);
      }
      g_assert_true (vera_project_add_article (project, article, &error));
    }
  {
    VeraConflict *conflict = vera_conflict_new ("k1\"><script>", VERA_CONFLICT_KIND_FIGURE, evil);

    vera_conflict_add_member (conflict, "a1-c1\"><script>", evil);
    vera_conflict_add_member (conflict, "a2-c20\"><script>", payloads[1]);
    vera_conflict_add_member (conflict, "missing<script>", payloads[0]);
    g_ptr_array_add (conflicts, conflict);
  }
  vera_project_replace_conflicts (project, conflicts);
  return project;
}

static void
hostile_options (VeraExportOptions *options,
                 const char        *text,
                 const char        *url)
{
  vera_export_options_init (options);
  options->organisation_name = text;
  options->organisation_url = url;
  options->reviewer = text;
}

static char *
export_string (VeraProject             *project,
               VeraExportFormat         format,
               const VeraExportOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = vera_export_project_to_bytes (project, format, options, NULL, &error);

  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static const char *forbidden_elements[] = {
  "script", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "base", "form",
  "input", "button", "img", "svg", "math", "video", "audio", "source", "track", "picture",
  "noscript", "template", "portal",
};

static const char *forbidden_attributes[] = {
  "style", "src", "srcset", "action", "formaction", "background", "poster", "data", "xlink:href",
  "ping", "srcdoc", "manifest", "codebase", "dynsrc", "lowsrc",
};

typedef struct
{
  guint n_elements;
  guint n_links;
  guint n_style;
  guint n_text_payloads;
} Census;

static void
check_node (xmlNodePtr node,
            Census    *census)
{
  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type == XML_ELEMENT_NODE)
        {
          census->n_elements++;
          for (guint i = 0; i < G_N_ELEMENTS (forbidden_elements); i++)
            if (g_ascii_strcasecmp (name, forbidden_elements[i]) == 0)
              g_error ("forbidden element <%s> in the HTML report", name);
          if (g_ascii_strcasecmp (name, "style") == 0)
            {
              xmlChar *css = xmlNodeGetContent (node);

              census->n_style++;
              g_assert_null (strstr ((const char *) css, "url("));
              g_assert_null (strstr ((const char *) css, "@import"));
              g_assert_null (strstr ((const char *) css, "evil"));
              g_assert_cmpstr ((const char *) node->parent->name, ==, "head");
              xmlFree (css);
            }
          if (g_ascii_strcasecmp (name, "meta") == 0)
            {
              xmlChar *equiv = xmlGetProp (node, (const xmlChar *) "http-equiv");

              g_assert_true (equiv == NULL ||
                             g_strcmp0 ((const char *) equiv, "Content-Security-Policy") == 0);
              xmlFree (equiv);
            }
          for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
            {
              const char *attr_name = (const char *) attr->name;
              xmlChar *value = xmlNodeGetContent ((xmlNodePtr) attr);
              const char *v = (const char *) value;

              if (g_ascii_strncasecmp (attr_name, "on", 2) == 0)
                g_error ("event handler attribute %s=\"%s\" on <%s>", attr_name, v, name);
              for (guint i = 0; i < G_N_ELEMENTS (forbidden_attributes); i++)
                if (g_ascii_strcasecmp (attr_name, forbidden_attributes[i]) == 0)
                  g_error ("forbidden attribute %s=\"%s\" on <%s>", attr_name, v, name);
              if (g_ascii_strcasecmp (attr_name, "href") == 0)
                {
                  /* Links only on <a>, only to the web or within the page. */
                  g_assert_cmpstr (name, ==, "a");
                  if (!g_str_has_prefix (v, "#"))
                    {
                      g_assert_true (g_str_has_prefix (v, "https://") ||
                                     g_str_has_prefix (v, "http://"));
                      census->n_links++;
                    }
                  g_assert_null (strchr (v, ' '));
                  g_assert_null (strchr (v, '"'));
                }
              if (g_ascii_strcasecmp (attr_name, "lang") == 0)
                g_assert_null (strchr (v, '<'));
              if (g_ascii_strcasecmp (attr_name, "rel") == 0)
                g_assert_cmpstr (v, ==, "noreferrer noopener");
              xmlFree (value);
            }
        }
      if (node->type == XML_TEXT_NODE && node->content != NULL &&
          strstr ((const char *) node->content, "<script>alert(1)</script>") != NULL)
        census->n_text_payloads++;
      check_node (node->children, census);
    }
}

static void
test_html (void)
{
  g_autoptr(VeraProject) project = hostile_project ();
  g_autofree char *evil = all_payloads ();

  for (guint u = 0; u < G_N_ELEMENTS (bad_urls); u++)
    {
      VeraExportOptions options;
      g_autofree char *html = NULL;
      htmlDocPtr doc;
      Census census = { 0 };

      hostile_options (&options, evil, bad_urls[u]);
      html = export_string (project, VERA_EXPORT_FORMAT_HTML, &options);
      g_assert_null (strstr (html, "<script"));
      g_assert_null (strstr (html, "javascript:alert(1)\""));
      doc = htmlReadMemory (html, strlen (html), NULL, "UTF-8",
                            HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
      g_assert_nonnull (doc);
      check_node (xmlDocGetRootElement (doc), &census);
      /* The payloads are there, as text: escaped, not dropped. */
      g_assert_cmpuint (census.n_text_payloads, >, 10);
      g_assert_cmpuint (census.n_style, ==, 1);
      g_assert_cmpuint (census.n_elements, >, 100);
      xmlFreeDoc (doc);
    }
}

static void
test_markdown (void)
{
  g_autoptr(VeraProject) project = hostile_project ();
  g_autofree char *evil = all_payloads ();
  VeraExportOptions options;
  g_autofree char *md = NULL;

  hostile_options (&options, evil, bad_urls[0]);
  md = export_string (project, VERA_EXPORT_FORMAT_MARKDOWN, &options);
  /* Every angle bracket is escaped, so no raw HTML reaches a renderer; no link but to the web. */
  for (const char *p = md; *p != '\0'; p++)
    {
      const char *q = p;

      if (*p != '<' && *p != '>')
        continue;
      /* A block quote marker Vera writes itself: spaces from the line start. */
      while (q > md && q[-1] == ' ')
        q--;
      if (*p == '>' && (q == md || q[-1] == '\n'))
        continue;
      g_assert_cmpint (p[-1], ==, '\\');
    }
  g_assert_null (strstr (md, "](javascript"));
  g_assert_null (strstr (md, "](JaVaScRiPt"));
  g_assert_null (strstr (md, "](data:"));
  g_assert_null (strstr (md, "](vbscript"));
  g_assert_null (strstr (md, "](file:"));
}

static void
test_csv (void)
{
  g_autoptr(VeraProject) project = hostile_project ();
  g_autofree char *csv = export_string (project, VERA_EXPORT_FORMAT_CSV, NULL);
  gboolean at_cell_start = TRUE;
  guint n_neutralised = 0;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF"));
  /* Walk the cells: none may start with a formula trigger, quoted or not. */
  for (const char *p = csv + 3; *p != '\0'; p++)
    {
      if (at_cell_start)
        {
          const char *q = *p == '"' ? p + 1 : p;

          g_assert_null (strchr ("=+-@\t\r", *q == '\0' ? 'x' : *q));
          if (*q == '\'')
            n_neutralised++;
          at_cell_start = FALSE;
        }
      if (*p == '"')
        {
          /* Skip the quoted cell. */
          for (p++; *p != '\0' && !(*p == '"' && p[1] != '"'); p++)
            if (*p == '"')
              p++;
          continue;
        }
      if (*p == ',')
        at_cell_start = TRUE;
      else if (*p == '\n')
        at_cell_start = TRUE;
    }
  g_assert_cmpuint (n_neutralised, >, 0);
  g_assert_nonnull (strstr (csv, "'=HYPERLINK("));
  g_assert_nonnull (strstr (csv, "'+cmd|"));
  g_assert_nonnull (strstr (csv, "'-2+3"));
  g_assert_nonnull (strstr (csv, "'@SUM("));
}

static void
test_jsonld_and_pdf (void)
{
  g_autoptr(VeraProject) project = hostile_project ();
  g_autofree char *evil = all_payloads ();
  VeraExportOptions options;
  g_autofree char *reviews = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *array;

  hostile_options (&options, evil, bad_urls[0]);
  reviews = export_string (project, VERA_EXPORT_FORMAT_CLAIMREVIEW, &options);
  g_assert_true (json_parser_load_from_data (parser, reviews, -1, &error));
  array = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *review = json_array_get_object_element (array, i);

      /* No URL but a web one: the javascript: organisation URL and sources are dropped. */
      g_assert_false (json_object_has_member (review, "url"));
      g_assert_false (json_object_has_member (json_object_get_object_member (review, "author"),
                                              "url"));
    }

  /* Pango markup in the text stays text: the PDF renders (fatal-warnings would catch a markup
   * error) and is a PDF. */
  {
    g_autoptr(GBytes) pdf = vera_export_project_to_bytes (project, VERA_EXPORT_FORMAT_PDF,
                                                          &options, NULL, &error);

    g_assert_no_error (error);
    g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  }
  {
    g_autofree char *annotations = export_string (project, VERA_EXPORT_FORMAT_WEBANNOTATION,
                                                  &options);
    g_autoptr(JsonParser) again = json_parser_new ();

    g_assert_true (json_parser_load_from_data (again, annotations, -1, &error));
    g_assert_no_error (error);
  }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/export-safety/html", test_html);
  g_test_add_func ("/vera/export-safety/markdown", test_markdown);
  g_test_add_func ("/vera/export-safety/csv", test_csv);
  g_test_add_func ("/vera/export-safety/jsonld-and-pdf", test_jsonld_and_pdf);

  return g_test_run ();
}
