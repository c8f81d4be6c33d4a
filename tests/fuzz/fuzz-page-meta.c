/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"
#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "vera-page-meta.h"

/* The page metadata extractor on hostile HTTP bodies. The first byte picks the Content-Type
 * header; the body goes through vera_page_meta_describe(), and its first line through the date
 * normaliser. Every field that comes out must be valid UTF-8, and the JSON form must load. */

static const char *content_types[] = {
  NULL,
  "text/html",
  "text/html; charset=utf-8",
  "text/html; charset=gbk",
  "application/xhtml+xml; charset=\"iso-8859-1\"",
  "text/html; charset=utf-16",
  "text/html; charset=no-such-charset",
  "application/pdf",
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static void
check_meta (const VeraPageMeta *meta)
{
  fuzz_assert_utf8 (meta->reason);
  fuzz_assert_utf8 (meta->content_type);
  fuzz_assert_utf8 (meta->charset);
  fuzz_assert_utf8 (meta->title);
  fuzz_assert_utf8 (meta->site_name);
  fuzz_assert_utf8 (meta->author);
  fuzz_assert_utf8 (meta->published);
  fuzz_assert_utf8 (meta->description);
  fuzz_assert_utf8 (meta->canonical_url);
  fuzz_assert_utf8 (meta->language);
  fuzz_assert_utf8 (meta->body);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *content_type = content_types[fuzz_take_choice (&data, &size,
                                                             G_N_ELEMENTS (content_types))];
  g_autoptr(VeraPageMeta) meta = vera_page_meta_new ("https://example.org/page");
  g_autoptr(VeraPageMeta) copy = NULL;
  g_autoptr(VeraPageMeta) loaded = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *exact = g_memdup2 (data, size);
  g_autofree char *decoded = NULL;
  g_autofree char *charset = NULL;
  g_autofree char *date = NULL;
  gsize len;
  g_autofree char *text = fuzz_dup_text (data, size, FALSE, &len);
  const char *newline = strchr (text, '\n');

  vera_page_meta_describe (meta, (const char *) exact, size, content_type, TRUE);
  check_meta (meta);
  copy = vera_page_meta_copy (meta);
  check_meta (copy);

  node = vera_page_meta_to_json (meta);
  loaded = vera_page_meta_from_json (node, &error);
  g_assert_no_error (error);
  check_meta (loaded);

  decoded = vera_page_meta_decode_html ((const char *) exact, size, content_type, &charset);
  g_assert_nonnull (decoded);
  fuzz_assert_utf8 (decoded);

  if (newline != NULL)
    text[newline - text] = '\0';
  date = vera_page_meta_normalize_date (text);
  fuzz_assert_utf8 (date);
  return 0;
}
