/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-bench"

#include "config.h"

#include <string.h>

#include <libxml/HTMLparser.h>

#include "vera-import.h"

/* Times the importers on a generated news page and a generated text file of about 10 MB each
 * (VERA_BENCH_MB to change it) against baselines in the same run: libxml2's parse alone for
 * HTML, g_utf8_validate () for text. Prints the ratios: machines differ, ratios travel. */

static const char *paragraph =
  "The council approved the budget on Tuesday, by seven votes to two, after a long debate. "
  "Officials said the bridge, which had been delayed twice, would open in the spring, once the "
  "final inspections are done; critics called the cost, now 48 million euros, “far too high”.";

static GString *
generate_page (gsize target)
{
  GString *page = g_string_new ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                "<title>Bench page</title><script>var x = 1;</script>"
                                "<style>p { margin: 0 }</style></head><body>"
                                "<nav><ul><li><a href=\"/\">Home</a></li>"
                                "<li><a href=\"/news\">News</a></li></ul></nav>"
                                "<div class=\"main\"><article><h1>Bench page</h1>");
  guint i = 0;

  while (page->len < target)
    {
      g_string_append_printf (page, "<p>%u. %s <a href=\"/more/%u\">More</a></p>\n",
                              i, paragraph, i);
      if (i % 10 == 9)
        g_string_append_printf (page, "<h2>Section %u</h2><ul><li>First point, %s</li>"
                                "<li>Second point</li></ul>\n", i, paragraph);
      if (i % 25 == 24)
        g_string_append (page, "<div class=\"related\"><a href=\"/a\">Related one</a>"
                               "<a href=\"/b\">Related two</a></div>\n");
      i++;
    }
  g_string_append (page, "</article></div><aside class=\"sidebar\"><p>Most read</p></aside>"
                         "<footer>Copyright</footer></body></html>\n");
  return page;
}

static GString *
generate_text (gsize target)
{
  GString *text = g_string_new ("Bench article\r\n\r\n");

  while (text->len < target)
    {
      g_string_append (text, paragraph);
      g_string_append (text, "\r\n\r\n");
    }
  return text;
}

static double
time_import (const GString *data,
             const char    *content_type,
             gsize         *out_len)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data->str, data->len);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = NULL;
  VeraImportOptions options = { NULL, data->len + 1 };
  gint64 t0 = g_get_monotonic_time ();

  doc = vera_import_bytes (bytes, "bench", content_type, &options, &error);
  g_assert_no_error (error);
  *out_len = strlen (doc->text);
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const char *mb = g_getenv ("VERA_BENCH_MB");
  gsize target = (gsize) (mb != NULL ? g_ascii_strtoull (mb, NULL, 10) : 10) * 1024 * 1024;
  g_autoptr(GString) page = generate_page (MAX (target, 4096));
  g_autoptr(GString) text = generate_text (MAX (target, 4096));
  double parse, html, validate, plain;
  gsize html_len, text_len;
  htmlDocPtr doc;
  gint64 t0;

  t0 = g_get_monotonic_time ();
  doc = htmlReadMemory (page->str, (int) page->len, NULL, "UTF-8",
                        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                        | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  parse = MAX ((g_get_monotonic_time () - t0) / 1e6, 1e-6);
  xmlFreeDoc (doc);
  html = time_import (page, "text/html", &html_len);

  t0 = g_get_monotonic_time ();
  g_assert_true (g_utf8_validate (text->str, text->len, NULL));
  validate = MAX ((g_get_monotonic_time () - t0) / 1e6, 1e-6);
  plain = time_import (text, "text/plain", &text_len);

  g_print ("html page: %.1f MB in, %.1f MB of text out\n", page->len / 1048576.0,
           html_len / 1048576.0);
  g_print ("libxml2 parse baseline: %.3f s\n", parse);
  g_print ("HTML import:            %.3f s  (%.1fx the parse, %.1f MB/s)\n",
           html, html / parse, page->len / 1048576.0 / MAX (html, 1e-6));
  g_print ("text file: %.1f MB\n", text->len / 1048576.0);
  g_print ("UTF-8 validation baseline: %.3f s\n", validate);
  g_print ("text import:               %.3f s  (%.1fx the validation, %.0f MB/s)\n",
           plain, plain / validate, text->len / 1048576.0 / MAX (plain, 1e-6));
  return 0;
}
