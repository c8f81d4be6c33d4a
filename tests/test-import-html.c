/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <string.h>

#include "vera-html-dom.h"
#include "vera-import.h"
#include "vera-test-util.h"

#define MIN_MEAN_F1 0.85

static VeraImportedDoc *
import_fixture (const char  *name,
                const char  *encoding,
                GError     **error)
{
  g_autofree char *path = vera_test_fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VeraImportOptions options = { encoding, 0 };

  return vera_import_file (file, &options, NULL, error);
}

static VeraImportedDoc *
import_string (const char *html,
               const char *content_type)
{
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  VeraImportedDoc *doc = vera_import_bytes (bytes, "page.html", content_type, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static void
test_boilerplate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = import_fixture ("import/boilerplate.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (doc->title, ==, "Council approves the new bridge budget");
  g_assert_cmpstr (doc->language, ==, "en-GB");
  g_assert_nonnull (strstr (doc->text, "The city council approved"));
  g_assert_nonnull (strstr (doc->text, "Work starts in March"));
  /* Paragraphs stay apart, and nothing around the article comes along. */
  g_assert_nonnull (strstr (doc->text, "2025.\n\nThe vote"));
  g_assert_null (strstr (doc->text, "trackVisit"));
  g_assert_null (strstr (doc->text, "font-family"));
  g_assert_null (strstr (doc->text, "Subscribe"));
  g_assert_null (strstr (doc->text, "Home"));
  g_assert_null (strstr (doc->text, "Copyright"));
  g_assert_null (strstr (doc->text, "secret comment"));
  g_assert_null (strstr (doc->text, "Hidden teaser"));
  g_assert_null (strstr (doc->text, "Most read"));
  g_assert_null (strstr (doc->text, "\r"));
  g_assert_null (strstr (doc->text, "  "));
}

static void
test_meta_charset_gbk (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = import_fixture ("import/gbk.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (doc->title, ==, "市议会批准新桥预算");
  g_assert_nonnull (strstr (doc->text, "市议会周二以七票对两票批准了新桥的预算"));
}

static void
test_http_equiv_charset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) big5 = import_fixture ("import/http-equiv-big5.html", NULL, &error);
  g_autoptr(VeraImportedDoc) sjis = NULL;
  g_autoptr(VeraImportedDoc) latin = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (big5->text, "市議會週二以七票對兩票批准了新橋的預算"));

  sjis = import_fixture ("import/http-equiv-sjis.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (sjis->text, "市議会は火曜日、新しい橋の予算を承認した"));

  latin = import_fixture ("import/latin1.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (latin->text, "Le conseil municipal a approuvé le budget"));
  g_assert_nonnull (strstr (latin->text, "€"));

  /* A UTF-16 page is found to be HTML, and its label does not confuse the decoder. */
  g_clear_pointer (&latin, vera_imported_doc_free);
  latin = import_fixture ("import/utf16-page.dat", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (latin->text, ==, "Le conseil municipal a approuvé le budget du pont.");
  g_assert_cmpstr (latin->title, ==, "Le budget");

  /* The label says Latin-1, the bytes say UTF-8: the bytes win. */
  g_clear_pointer (&latin, vera_imported_doc_free);
  latin = import_fixture ("import/mislabelled-utf8.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (latin->text, "approuvé le budget du pont, 12 € de plus"));
}

static void
test_content_type_charset (void)
{
  g_autofree char *path = vera_test_fixture_path ("import/gbk-undeclared.html");
  g_autofree char *data = NULL;
  gsize len = 0;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = NULL;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  bytes = g_bytes_new (data, len);
  doc = vera_import_bytes (bytes, "https://example.org/a", "text/html; charset=\"GBK\"", NULL,
                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (doc->text, "市议会周二以七票对两票批准了新桥的预算"));
}

static void
test_malformed (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = import_fixture ("import/malformed.html", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (doc->text, "First paragraph never closed"));
  g_assert_nonnull (strstr (doc->text, "Second paragraph & entities — kept"));
  g_assert_null (strstr (doc->text, "alert("));
}

static void
test_layouts (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) form = import_fixture ("import/in-form.html", NULL, &error);
  g_autoptr(VeraImportedDoc) comments = NULL;
  g_autoptr(VeraImportedDoc) brs = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Paragraph %u. Officials", i);
      g_assert_nonnull (strstr (form->text, needle));
    }

  comments = import_fixture ("import/comments.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (comments->text, "Report paragraph 0."));
  g_assert_nonnull (strstr (comments->text, "Report paragraph 3."));
  g_assert_null (strstr (comments->text, "twenty years"));
  g_assert_null (strstr (comments->text, "42 comments"));

  brs = import_fixture ("import/br-paragraphs.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (brs->text, "done.\n\nSecond paragraph, first line.\nSecond line."));
  g_assert_nonnull (strstr (brs->text, "done.\n\nThird paragraph."));
}

static void
test_title_fallback (void)
{
  g_autoptr(VeraImportedDoc) h1 = import_string ("<html><body><h1>Only a heading</h1>"
                                                 "<p>Some text that is long enough to count as "
                                                 "an article paragraph, with a comma.</p>"
                                                 "</body></html>", NULL);
  g_autoptr(VeraImportedDoc) none = import_string ("<html><body><p>Opening words of the page, "
                                                   "which stand in for a title.</p></body></html>",
                                                   "text/html");
  g_autoptr(VeraImportedDoc) og = import_string ("<html><head><title>Site | Story</title>"
                                                 "<meta property=\"og:title\" content=\" The "
                                                 "Story \"></head><body><p>Text.</p></body>"
                                                 "</html>", NULL);
  g_autoptr(VeraImportedDoc) site = import_string ("<title>The bridge budget passes - Daily "
                                                   "Site</title><h1>The bridge budget passes</h1>"
                                                   "<p>Words.</p>", NULL);
  g_autoptr(VeraImportedDoc) named = import_string ("<meta property=og:site_name content=\"Daily "
                                                    "Site: news\"><title>A - B | Daily Site"
                                                    "</title><h1>Logo</h1><p>Words.</p>", NULL);
  g_autoptr(VeraImportedDoc) prefix = import_string ("<meta name=application-name content=\"The "
                                                     "Daily\"><title>The Daily | Bridge opens"
                                                     "</title><p>Words.</p>", NULL);
  g_autoptr(VeraImportedDoc) script = import_string ("<h1><script>var a = 1;</script>Real "
                                                     "heading</h1><p>Words.</p>", NULL);

  g_assert_cmpstr (h1->title, ==, "Only a heading");
  g_assert_cmpstr (none->title, ==, "Opening words of the page, which stand in for a title.");
  g_assert_cmpstr (og->title, ==, "The Story");
  g_assert_cmpstr (site->title, ==, "The bridge budget passes");
  g_assert_cmpstr (named->title, ==, "A - B");
  g_assert_cmpstr (prefix->title, ==, "Bridge opens");
  g_assert_cmpstr (script->title, ==, "Real heading");
}

static void
test_no_text (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<html><body><script>x()</script></body></html>",
                                                46);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = vera_import_bytes (bytes, "blank.html", "text/html", NULL,
                                                      &error);

  g_assert_null (doc);
  g_assert_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "blank.html"));
}

static void
import_any (const char *data,
            gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = vera_import_bytes (bytes, "hostile.html", "text/html", NULL,
                                                      &error);

  g_assert_true ((doc == NULL) != (error == NULL));
  if (doc != NULL)
    {
      g_assert_true (g_utf8_validate (doc->text, -1, NULL));
      g_assert_true (doc->title == NULL || g_utf8_validate (doc->title, -1, NULL));
    }
}

/* Hostile pages: no crash, no hang, valid UTF-8 or a clean error. */
static void
test_hostile (void)
{
  g_autoptr(GString) deep = g_string_new ("<html><body>");
  g_autoptr(GString) attr = g_string_new ("<p class=\"");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree char *path = vera_test_fixture_path ("import/boilerplate.html");
  g_autofree char *page = NULL;
  guint8 noise[8192];
  gsize len = 0;

  for (guint i = 0; i < 5000; i++)
    g_string_append (deep, i % 2 ? "<div class=comment>" : "<p><span>");
  g_string_append (deep, "Deep text, with a comma, long enough to be a paragraph.");
  import_any (deep->str, deep->len);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (attr, "abc -"[i % 5]);
  g_string_append (attr, "\">Text after a huge attribute, long enough, with commas, to count.");
  import_any (attr->str, attr->len);

  for (guint round = 0; round < 20; round++)
    {
      for (guint i = 0; i < sizeof noise; i++)
        noise[i] = (guint8) g_rand_int_range (rand, 1, 256);
      import_any ((const char *) noise, sizeof noise);
    }

  g_assert_true (g_file_get_contents (path, &page, &len, NULL));
  for (gsize cut = 1; cut < len; cut += 37)
    import_any (page, cut);
  {
    const char *tiny[] = { "<", "<html", "<!--",
                           "<meta charset=\"x-unknown\"><p>Bytes \xff\xfe</p>",
                           "<meta charset=utf-16><p>Text</p>", "<p>\xef\xbb\xbf</p>" };

    for (guint i = 0; i < G_N_ELEMENTS (tiny); i++)
      import_any (tiny[i], strlen (tiny[i]));
  }
}

/* Lower-cased words: runs of letters and digits. */
static GHashTable *
count_words (const char *text,
             guint      *total)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autoptr(GString) word = g_string_new (NULL);

  *total = 0;
  for (const char *p = folded;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, word->str));

          g_hash_table_replace (counts, g_strdup (word->str), GUINT_TO_POINTER (n + 1));
          (*total)++;
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return counts;
}

static double
word_f1 (const char *got,
         const char *want,
         double     *precision,
         double     *recall)
{
  guint n_got, n_want, common = 0;
  g_autoptr(GHashTable) a = count_words (got, &n_got);
  g_autoptr(GHashTable) b = count_words (want, &n_want);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    common += MIN (GPOINTER_TO_UINT (value), GPOINTER_TO_UINT (g_hash_table_lookup (b, key)));
  *precision = n_got > 0 ? (double) common / n_got : 0;
  *recall = n_want > 0 ? (double) common / n_want : 0;
  if (*precision + *recall == 0)
    return 0;
  return 2 * *precision * *recall / (*precision + *recall);
}

static gboolean
same_title (const char *got,
            const char *want)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (got == NULL || want == NULL)
    return FALSE;
  a = vera_html_collapse_space (got);
  b = vera_html_collapse_space (want);
  return strcmp (a, b) == 0;
}

static char *
expected_text (const char *path)
{
  htmlDocPtr html = htmlReadFile (path, "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR
                                  | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  char *text;

  g_assert_nonnull (html);
  text = vera_html_inner_text (xmlDocGetRootElement (html));
  xmlFreeDoc (html);
  return text;
}

static guint
count_code_marks (const char *run)
{
  guint n = 0;

  for (const char *p = run; *p != '\0'; p++)
    if (strchr ("{};=()[]<>", *p) != NULL)
      n++;
  return n;
}

/* No run of a page's script or style code shows up in its text. Data blocks and runs that read
 * like prose are left out: scripts often carry the article's own text as data. */
static void
assert_no_code (const char *html_path,
                const char *text)
{
  htmlDocPtr html = htmlReadFile (html_path, NULL, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR
                                  | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
  xmlNode *root = xmlDocGetRootElement (html);
  guint checked = 0;

  for (xmlNode *n = root; n != NULL; n = vera_html_next_node (n, root, FALSE))
    {
      g_autofree char *type = NULL;
      g_autofree char *code = NULL;
      glong len;

      if (!vera_html_is (n, "script") && !vera_html_is (n, "style"))
        continue;
      type = vera_html_dup_attr (n, "type");
      if (type != NULL && strstr (type, "json") != NULL)
        continue;
      code = vera_html_inner_text (n);
      len = g_utf8_strlen (code, -1);
      for (glong at = 0; at + 40 <= len; at += MAX (len / 64, 40))
        {
          const char *start = g_utf8_offset_to_pointer (code, at);
          g_autofree char *run = g_strndup (start, g_utf8_offset_to_pointer (start, 40) - start);

          if (count_code_marks (run) < 3)
            continue;
          if (strstr (text, run) != NULL)
            g_error ("%s: code “%s” leaked into the text", html_path, run);
          checked++;
        }
    }
  xmlFreeDoc (html);
  g_test_message ("%s: %u runs of script and style code checked", html_path, checked);
}

/* Imports every page of the manifest (the format of ../shared/datasets/html/manifest.json) and
 * measures the text against the expected content, the title and the language. */
static void
check_dataset (const char *manifest)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  JsonArray *pages;
  double sum = 0;
  guint n = 0;
  guint titles = 0;
  guint languages = 0;

  dir = g_path_get_dirname (manifest);
  parser = json_parser_new ();
  json_parser_load_from_file (parser, manifest, &error);
  g_assert_no_error (error);
  pages = json_node_get_array (json_parser_get_root (parser));

  for (guint i = 0; i < json_array_get_length (pages); i++)
    {
      JsonObject *page = json_array_get_object_element (pages, i);
      g_autofree char *html = g_build_filename (dir, json_object_get_string_member (page, "html"),
                                                NULL);
      g_autofree char *want_path = NULL;
      g_autofree char *want = NULL;
      g_autoptr(GFile) file = g_file_new_for_path (html);
      g_autoptr(VeraImportedDoc) doc = NULL;
      double p, r, f1;

      if (!json_object_has_member (page, "expected_content"))
        continue;
      want_path = g_build_filename (dir, json_object_get_string_member (page, "expected_content"),
                                    NULL);
      doc = vera_import_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      want = expected_text (want_path);
      f1 = word_f1 (doc->text, want, &p, &r);
      g_test_message ("%-45s precision %.3f recall %.3f F1 %.3f",
                      json_object_get_string_member (page, "id"), p, r, f1);
      if (same_title (doc->title, json_object_get_string_member_with_default (page, "title",
                                                                               NULL)))
        titles++;
      if (g_strcmp0 (doc->language,
                     json_object_get_string_member_with_default (page, "lang", NULL)) == 0)
        languages++;

      /* Code never leaks into the text. */
      assert_no_code (html, doc->text);
      g_assert_null (strstr (doc->text, "function("));
      g_assert_null (strstr (doc->text, "){"));
      g_assert_null (strstr (doc->text, "!important"));
      g_assert_null (strstr (doc->text, "{display:"));
      g_assert_null (strstr (doc->text, "</"));
      sum += f1;
      n++;
    }
  g_assert_cmpuint (n, >, 0);
  g_test_message ("mean F1 over %u pages: %.3f; titles as expected: %u of %u; languages: %u "
                  "of %u", n, sum / n, titles, n, languages, n);
  g_assert_cmpfloat (sum / n, >=, MIN_MEAN_F1);
  /* The rest come from JSON-LD or Dublin Core, which the page-metadata extractor reads. */
  g_assert_cmpuint (titles * 2, >=, n);
  g_assert_cmpuint (languages * 10, >=, n * 9);
}

/* Pages written for the tests in English, German and Chinese, with navigation, asides, footers,
 * scripts, styles and metadata in the shapes news sites use. */
static void
test_fixture_set (void)
{
  g_autofree char *manifest = vera_test_fixture_path ("html-set/manifest.json");

  check_dataset (manifest);
}

/* Our pages always; and the accuracy on the pages of ../shared/datasets/html when it is there. */
static void
test_dataset (void)
{
  g_autofree char *manifest = vera_test_shared_path_if_present ("datasets/html/manifest.json");

  test_fixture_set ();
  if (manifest != NULL)
    check_dataset (manifest);
}

/* Importers run in GTask worker threads, several at once: the first parses of a process must
 * not race on libxml2's lazy initialisation. Registered first, so these are the first parses. */
static gpointer
import_in_thread (gpointer data)
{
  static const char html[] = "<html><head><title>Port budget</title></head><body><article>"
                             "<h1>Port budget</h1><p>The port will cost $48 billion by 2030, "
                             "the council said on Monday.</p></article></body></html>";
  g_autoptr(GBytes) bytes = g_bytes_new_static (html, sizeof html - 1);
  g_autoptr(GError) error = NULL;
  VeraImportedDoc *doc = vera_import_bytes (bytes, "thread.html", "text/html", NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
test_threads (void)
{
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("import", import_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autoptr(VeraImportedDoc) doc = g_thread_join (threads[i]);

      g_assert_nonnull (doc);
      g_assert_nonnull (strstr (doc->text, "$48 billion"));
    }
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/import-html/threads", test_threads);
  g_test_add_func ("/vera/import-html/boilerplate", test_boilerplate);
  g_test_add_func ("/vera/import-html/meta-charset-gbk", test_meta_charset_gbk);
  g_test_add_func ("/vera/import-html/http-equiv-charset", test_http_equiv_charset);
  g_test_add_func ("/vera/import-html/content-type-charset", test_content_type_charset);
  g_test_add_func ("/vera/import-html/malformed", test_malformed);
  g_test_add_func ("/vera/import-html/layouts", test_layouts);
  g_test_add_func ("/vera/import-html/title-fallback", test_title_fallback);
  g_test_add_func ("/vera/import-html/no-text", test_no_text);
  g_test_add_func ("/vera/import-html/hostile", test_hostile);
  g_test_add_func ("/vera/import-html/dataset", test_dataset);

  return g_test_run ();
}
