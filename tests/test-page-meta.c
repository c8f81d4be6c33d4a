/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>

#include "vera-page-meta.h"
#include "vera-reference.h"
#include "vera-test-util.h"

static VeraPageMeta *
describe_fixture (const char *name,
                  const char *content_type)
{
  g_autofree char *path = vera_test_fixture_path (name);
  g_autofree char *data = NULL;
  gsize len;
  g_autoptr(GError) error = NULL;
  VeraPageMeta *meta = vera_page_meta_new ("http://127.0.0.1/page");

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  vera_page_meta_describe (meta, data, len, content_type, FALSE);
  return meta;
}

static VeraPageMeta *
describe_string (const char *html)
{
  VeraPageMeta *meta = vera_page_meta_new ("http://127.0.0.1/dir/page");

  vera_page_meta_describe (meta, html, strlen (html), "text/html", FALSE);
  return meta;
}

static void
test_charsets (void)
{
  static const struct {
    const char *file;
    const char *content_type;
    const char *title;
  } cases[] = {
    { "net/gbk.html", "text/html", "中国经济增长百分之五" },
    { "net/gb18030-header.html", "text/html; charset=GB2312", "北京天气预报" },
    { "net/big5.html", "text/html", "臺灣新聞報導" },
    { "net/shift_jis.html", NULL, "日本の経済ニュース" },
    { "net/latin1-nocharset.html", "text/html", "Café crème brûlée" },
    /* The header's UTF-8 is wrong and the page says GBK. */
    { "net/gbk.html", "text/html; charset=utf-8", "中国经济增长百分之五" },
    /* Mislabelled: valid UTF-8 that says it is Latin-1. */
    { "net/utf8-labelled-latin1.html", "text/html; charset=iso-8859-1", "Zürich Straße" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VeraPageMeta) meta = describe_fixture (cases[i].file, cases[i].content_type);

      g_assert_cmpstr (meta->content_type, ==, "text/html");
      g_assert_cmpstr (meta->title, ==, cases[i].title);
    }

  {
    g_autoptr(VeraPageMeta) meta = describe_fixture ("net/shift_jis.html", "text/html");

    g_assert_cmpstr (meta->site_name, ==, "東京新聞");
    g_assert_cmpstr (meta->language, ==, "ja");
    g_assert_cmpstr (meta->charset, ==, "cp932");
  }
}

static void
test_bom (void)
{
  static const char utf8[] = "\xEF\xBB\xBF<title>Na\xC3\xAFve</title>";
  static const char utf16le[] = "\xFF\xFE<\0t\0i\0t\0l\0e\0>\0\xE9\0<\0/\0t\0i\0t\0l\0e\0>\0";
  g_autoptr(VeraPageMeta) a = vera_page_meta_new ("http://127.0.0.1/");
  g_autoptr(VeraPageMeta) b = vera_page_meta_new ("http://127.0.0.1/");

  /* The BOM wins over a wrong header. */
  vera_page_meta_describe (a, utf8, sizeof utf8 - 1, "text/html; charset=big5", FALSE);
  g_assert_cmpstr (a->title, ==, "Naïve");
  vera_page_meta_describe (b, utf16le, sizeof utf16le - 1, "text/html", FALSE);
  g_assert_cmpstr (b->title, ==, "é");
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(VeraPageMeta) meta = describe_fixture ("net/invalid-utf8.html", "text/html");

  g_assert_nonnull (meta->title);
  g_assert_true (g_utf8_validate (meta->title, -1, NULL));
  g_assert_true (g_str_has_prefix (meta->title, "Bad"));
}

static void
test_unknown_charset (void)
{
  static const char html[] = "<meta charset=\"x-no-such-charset\"><title>Plain \xE9</title>";
  g_autoptr(VeraPageMeta) meta = vera_page_meta_new ("http://127.0.0.1/");

  vera_page_meta_describe (meta, html, sizeof html - 1, "text/html", FALSE);
  g_assert_cmpstr (meta->title, ==, "Plain é");
}

static void
test_malformed (void)
{
  g_autoptr(VeraPageMeta) meta = describe_fixture ("net/malformed.html", "text/html");

  g_assert_cmpstr (meta->title, ==, "Malformed but fine");

  /* Deep nesting and garbage must not crash or recurse without bound. */
  {
    g_autoptr(GString) deep = g_string_new ("<title>Deep</title>");
    g_autoptr(VeraPageMeta) m2 = NULL;

    for (guint i = 0; i < 100000; i++)
      g_string_append (deep, "<div><span>");
    m2 = describe_string (deep->str);
    g_assert_cmpstr (m2->title, ==, "Deep");
  }
  /* Hostile nesting: JSON-LD deeper than any parser stack, and thousands of nested empty
   * byline candidates. */
  {
    g_autoptr(GString) html = g_string_new ("<title>Hostile</title>"
                                            "<script type='application/ld+json'>");
    g_autoptr(VeraPageMeta) m4 = NULL;

    for (guint i = 0; i < 200000; i++)
      g_string_append (html, "{\"a\":[");
    g_string_append (html, "</script><body>");
    for (guint i = 0; i < 20000; i++)
      g_string_append (html, "<div class='byline'>");
    m4 = describe_string (html->str);
    g_assert_cmpstr (m4->title, ==, "Hostile");
    g_assert_null (m4->author);
  }
  {
    g_autoptr(VeraPageMeta) m3 = describe_string ("<<<<>>>>\"'&#xFFFFFFFF;&#0;<meta content=>");

    g_assert_null (m3->title);
  }
}

static void
test_non_html (void)
{
  g_autoptr(VeraPageMeta) png = describe_fixture ("net/tiny.png", "image/png");
  g_autoptr(VeraPageMeta) pdf = describe_fixture ("net/tiny.pdf", NULL);
  g_autoptr(VeraPageMeta) json = vera_page_meta_new ("http://127.0.0.1/");

  g_assert_cmpstr (png->content_type, ==, "image/png");
  g_assert_cmpint (png->size, ==, 69);
  g_assert_null (png->title);
  g_assert_cmpstr (pdf->content_type, ==, "application/pdf");
  g_assert_null (pdf->title);
  vera_page_meta_describe (json, "{\"title\": \"<title>x</title>\"}", 29,
                           "application/json; charset=utf-8", TRUE);
  g_assert_cmpstr (json->content_type, ==, "application/json");
  g_assert_null (json->title);
  g_assert_null (json->body);
}

static void
test_metadata_rules (void)
{
  g_autoptr(VeraPageMeta) meta = describe_string (
    "<html lang='en-GB'><head>"
    "<title>Ignored headline - The Daily</title>"
    "<meta property='og:title' content='Social title'>"
    "<meta property='og:site_name' content='The Daily'>"
    "<meta name='author' content='By Jane Roe'>"
    "<meta property='article:published_time' content='2015-07-24 05:36:09.000000'>"
    "<meta name='description' content='A  short\n description &amp;quot;quoted&amp;quot;'>"
    "<link rel='canonical' href='/canonical/page'>"
    "<script type='application/ld+json'>//<![CDATA[\n"
    "{\"@context\": \"https://schema.org\", \"@graph\": [{\"@type\": \"WebSite\", \"name\": \"x\"},"
    " {\"@type\": [\"NewsArticle\"], \"headline\": \"The real headline\","
    "  \"author\": [{\"@type\": \"Person\", \"name\": \"Ann One\"}, {\"name\": \"Bo Two\"}],"
    "  \"datePublished\": \"2015-07-24T05:36:09+0100\","
    "  \"publisher\": {\"@type\": \"Organization\", \"name\": \"Daily Ltd\"}}]}\n//]]></script>"
    "</head><body><p class='byline'>By Someone Else</p></body></html>");

  g_assert_cmpstr (meta->title, ==, "The real headline");
  g_assert_cmpstr (meta->author, ==, "Ann One, Bo Two");
  g_assert_cmpstr (meta->site_name, ==, "Daily Ltd");
  g_assert_cmpstr (meta->published, ==, "2015-07-24T05:36:09+01:00");
  g_assert_cmpstr (meta->description, ==, "A short description \"quoted\"");
  g_assert_cmpstr (meta->canonical_url, ==, "http://127.0.0.1/canonical/page");
  g_assert_cmpstr (meta->language, ==, "en-GB");
}

static void
test_jsonld_references (void)
{
  /* A WordPress/Yoast-style graph: the article points to its author and publisher by id. */
  g_autoptr(VeraPageMeta) meta = describe_string (
    "<html><head><script type='application/ld+json'>"
    "{\"@context\": \"https://schema.org\", \"@graph\": ["
    " {\"@type\": \"Article\", \"@id\": \"https://s.example/a#article\","
    "  \"headline\": \"Graph headline\","
    "  \"author\": {\"@id\": \"https://s.example/#/person/1\"},"
    "  \"publisher\": {\"@id\": \"https://s.example/#organization\"},"
    "  \"datePublished\": \"2022-05-06T07:08:09+00:00\"},"
    " {\"@type\": \"WebPage\", \"@id\": \"https://s.example/a\", \"name\": \"Page name\"},"
    " {\"@type\": \"Organization\", \"@id\": \"https://s.example/#organization\","
    "  \"name\": \"Example Times\"},"
    " {\"@type\": \"Person\", \"@id\": \"https://s.example/#/person/1\","
    "  \"name\": \"Pat Writer\"}]}"
    "</script></head></html>");

  g_assert_cmpstr (meta->title, ==, "Graph headline");
  g_assert_cmpstr (meta->author, ==, "Pat Writer");
  g_assert_cmpstr (meta->site_name, ==, "Example Times");
  g_assert_cmpstr (meta->published, ==, "2022-05-06T07:08:09Z");
}

static void
test_metadata_fallbacks (void)
{
  g_autoptr(VeraPageMeta) meta = describe_string (
    "<html><head><title>Headline here | The Paper</title>"
    "<meta property='og:site_name' content='The Paper'>"
    "<meta property='og:locale' content='pt_BR'>"
    "<meta property='article:author' content='https://example.org/people/x'>"
    "</head><body><div class='story-byline'>Por Maria Silva</div>"
    "<time datetime='2019-04-28T06:01:07-07:00'>April 28</time></body></html>");

  g_assert_cmpstr (meta->title, ==, "Headline here");
  g_assert_cmpstr (meta->author, ==, "Maria Silva");
  g_assert_cmpstr (meta->published, ==, "2019-04-28T06:01:07-07:00");
  g_assert_cmpstr (meta->language, ==, "pt-BR");
  g_assert_null (meta->description);
}

static void
test_microdata_and_url_date (void)
{
  static const char html[] =
    "<html xml:lang='de'><body><article><h1 itemprop='headline'>Die Schlagzeile</h1>"
    "<span itemprop='author'>Erika Mustermann</span></article></body></html>";
  static const char xhtml[] =
    "<?xml version='1.0' encoding='ISO-8859-1'?>"
    "<html><head><title>Gr\xFC\xDF\x65</title></head></html>";
  g_autoptr(VeraPageMeta) meta = vera_page_meta_new ("https://news.example/2019/04/28/story");
  g_autoptr(VeraPageMeta) x = vera_page_meta_new ("https://news.example/a");
  g_autoptr(VeraPageMeta) no_date = vera_page_meta_new ("https://news.example/2019/99/28/x");

  vera_page_meta_describe (meta, html, strlen (html), "text/html", FALSE);
  g_assert_cmpstr (meta->title, ==, "Die Schlagzeile");
  g_assert_cmpstr (meta->author, ==, "Erika Mustermann");
  g_assert_cmpstr (meta->language, ==, "de");
  g_assert_cmpstr (meta->published, ==, "2019-04-28");

  vera_page_meta_describe (x, xhtml, strlen (xhtml), "application/xhtml+xml", FALSE);
  g_assert_cmpstr (x->title, ==, "Grüße");

  vera_page_meta_describe (no_date, html, strlen (html), "text/html", FALSE);
  g_assert_null (no_date->published);
}

static void
test_dates (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "2021-11-01T10:52:50+0100", "2021-11-01T10:52:50+01:00" },
    { "2019-01-03T07:00:02.000Z", "2019-01-03T07:00:02Z" },
    { "2017-11-03 03:01:00.000000", "2017-11-03T03:01:00" },
    { "2015-04-30T07:19:58", "2015-04-30T07:19:58" },
    { "Fri, 24 Jul 2015 05:36:09 GMT", "2015-07-24T05:36:09Z" },
    { "July 24, 2015", "2015-07-24" },
    { "April 28, 2019 at 6:01 pm", "2019-04-28T18:01:00" },
    { "24 July 2015", "2015-07-24" },
    { "20150724", "2015-07-24" },
    { "2015/07/24", "2015-07-24" },
    { "2015-07-24T05:36-04:00", "2015-07-24T05:36:00-04:00" },
    { "yesterday", NULL },
    { "2015-13-01", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = vera_page_meta_normalize_date (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
    }
}

static void
test_json_round_trip (void)
{
  g_autoptr(VeraPageMeta) meta = vera_page_meta_new ("https://example.org/a");
  g_autoptr(VeraPageMeta) back = NULL;
  g_autoptr(VeraPageMeta) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  meta->title = g_strdup ("Title");
  meta->status = 200;
  meta->health = VERA_LINK_HEALTH_TOO_LARGE;
  meta->size = 1234;
  meta->body = g_strdup ("<html>");
  node = vera_page_meta_to_json (meta);
  back = vera_page_meta_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (back->url, ==, "https://example.org/a");
  g_assert_cmpstr (back->title, ==, "Title");
  g_assert_cmpuint (back->status, ==, 200);
  g_assert_cmpint (back->health, ==, VERA_LINK_HEALTH_TOO_LARGE);
  g_assert_cmpint (back->size, ==, 1234);
  g_assert_null (back->body);

  copy = vera_page_meta_copy (meta);
  g_assert_cmpstr (copy->body, ==, "<html>");
  g_assert_true (copy->title != meta->title);
}

/* A cache file from another version, or damaged, with members of the wrong type: read what
 * fits, without a critical. */
static void
test_json_wrong_types (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"url\": \"https://example.org/a\", "
                                               "\"status\": [], \"size\": {}, "
                                               "\"health\": [\"ok\"]}", NULL);
  g_autoptr(VeraPageMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  meta = vera_page_meta_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (meta->url, ==, "https://example.org/a");
  g_assert_cmpuint (meta->status, ==, 0);
  g_assert_cmpint (meta->size, ==, -1);
  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_UNKNOWN);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_apply_to_reference (void)
{
  VeraReference *ref = vera_reference_new ("https://news.example/a");
  g_autoptr(VeraPageMeta) ok = vera_page_meta_new ("https://news.example/a");
  g_autoptr(VeraPageMeta) dead = vera_page_meta_new ("https://news.example/a");
  guint notified = 0;

  ok->final_url = g_strdup ("https://news.example/a?x=1");
  ok->status = 200;
  ok->health = VERA_LINK_HEALTH_OK;
  ok->content_type = g_strdup ("text/html");
  ok->title = g_strdup ("Title");
  ok->site_name = g_strdup ("News");
  ok->published = g_strdup ("2020-01-02");
  ok->archive_url = g_strdup ("https://web.archive.org/web/2020/https://news.example/a");
  ok->fetched = g_strdup ("2024-01-01T00:00:00Z");
  vera_reference_set_field (ref, VERA_REFERENCE_NOTE, "my note");

  g_signal_connect (ref, "notify", G_CALLBACK (count_notify_cb), &notified);
  vera_page_meta_apply_to_reference (ok, ref);
  g_assert_cmpuint (notified, >, 0);
  g_assert_cmpstr (vera_reference_get_title (ref), ==, "Title");
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_SITE_NAME), ==, "News");
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_FINAL_URL), ==,
                   "https://news.example/a?x=1");
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_ARCHIVE_URL), ==,
                   ok->archive_url);
  g_assert_cmpuint (vera_reference_get_http_status (ref), ==, 200);
  g_assert_cmpint (vera_reference_get_health (ref), ==, VERA_LINK_HEALTH_OK);
  g_assert_null (vera_reference_get_field (ref, VERA_REFERENCE_ERROR));

  /* The link dies later: health and reason change, what was known stays. */
  dead->status = 404;
  dead->health = VERA_LINK_HEALTH_CLIENT_ERROR;
  dead->reason = g_strdup ("The server answered 404 Not Found");
  dead->fetched = g_strdup ("2024-02-01T00:00:00Z");
  vera_page_meta_apply_to_reference (dead, ref);
  g_assert_cmpstr (vera_reference_get_title (ref), ==, "Title");
  g_assert_cmpuint (vera_reference_get_http_status (ref), ==, 404);
  g_assert_cmpint (vera_reference_get_health (ref), ==, VERA_LINK_HEALTH_CLIENT_ERROR);
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_ERROR), ==, dead->reason);
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_NOTE), ==, "my note");
  g_assert_cmpstr (vera_reference_get_url (ref), ==, "https://news.example/a");

  g_assert_finalize_object (ref);
}

/* Random soups of markup fragments, bytes and charsets: whatever comes in, the extractor returns
 * valid UTF-8 or nothing, and never crashes. Deterministic (fixed seed). */
static void
test_random_soup (void)
{
  static const char * const pieces[] = {
    "<html lang='", "<meta property='og:title' content='", "<meta charset='", "gbk", "big5",
    "shift_jis", "'>", "\">", "<title>", "</title>", "<script type='application/ld+json'>",
    "</script>", "{\"@type\":\"NewsArticle\",\"headline\":", "[", "]", "{", "}", "\"",
    "<time datetime='", "2020-13-45T99:99", "<div class='byline'>", "By ", "&amp;", "&#xD800;",
    "<!--", "-->", "<![CDATA[", "]]>", "\xEF\xBB\xBF", "\xFF\xFE", "\xC3", "\x80\x81",
    "\x00", "<", ">", "=", "'", " ", "\n", "<?xml encoding='", "@id",
  };
  static const char * const types[] = {
    "text/html", "text/html; charset=", "text/html; charset=utf-16", "application/json",
    NULL, "text/html; charset=x-unknown",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240501);

  for (guint round = 0; round < 400; round++)
    {
      g_autoptr(GString) soup = g_string_new (NULL);
      g_autoptr(VeraPageMeta) meta = vera_page_meta_new ("http://127.0.0.1/2020/02/03/x");
      guint n = g_rand_int_range (rand, 1, 120);

      for (guint i = 0; i < n; i++)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          /* "\x00" is one NUL byte, the others are C strings. */
          if (piece[0] == '\0')
            g_string_append_c (soup, '\0');
          else
            g_string_append (soup, piece);
        }
      vera_page_meta_describe (meta, soup->str, soup->len,
                               types[g_rand_int_range (rand, 0, G_N_ELEMENTS (types))],
                               round % 2 == 0);
      g_assert_true (meta->title == NULL || g_utf8_validate (meta->title, -1, NULL));
      g_assert_true (meta->author == NULL || g_utf8_validate (meta->author, -1, NULL));
      g_assert_true (meta->site_name == NULL || g_utf8_validate (meta->site_name, -1, NULL));
      g_assert_true (meta->description == NULL ||
                     g_utf8_validate (meta->description, -1, NULL));
      g_assert_true (meta->language == NULL || g_utf8_validate (meta->language, -1, NULL));
      g_assert_true (meta->body == NULL || g_utf8_validate (meta->body, -1, NULL));
    }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/page-meta/charsets", test_charsets);
  g_test_add_func ("/vera/page-meta/json-wrong-types", test_json_wrong_types);
  g_test_add_func ("/vera/page-meta/bom", test_bom);
  g_test_add_func ("/vera/page-meta/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/vera/page-meta/unknown-charset", test_unknown_charset);
  g_test_add_func ("/vera/page-meta/malformed", test_malformed);
  g_test_add_func ("/vera/page-meta/non-html", test_non_html);
  g_test_add_func ("/vera/page-meta/rules", test_metadata_rules);
  g_test_add_func ("/vera/page-meta/fallbacks", test_metadata_fallbacks);
  g_test_add_func ("/vera/page-meta/jsonld-references", test_jsonld_references);
  g_test_add_func ("/vera/page-meta/microdata-and-url-date", test_microdata_and_url_date);
  g_test_add_func ("/vera/page-meta/dates", test_dates);
  g_test_add_func ("/vera/page-meta/json", test_json_round_trip);
  g_test_add_func ("/vera/page-meta/apply-to-reference", test_apply_to_reference);
  g_test_add_func ("/vera/page-meta/random-soup", test_random_soup);

  return g_test_run ();
}
