/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>

#include "vera-import-private.h"
#include "vera-html-dom.h"
#include "vera-html-main-text.h"

/* How far into the page to look for a <meta> charset. The standard says 1024 bytes; pages in
 * the wild put long scripts first, so look further. */
#define PRESCAN_BYTES 65536

/* Maps the labels pages use to the charsets browsers really decode with (the WHATWG Encoding
 * standard): a page labelled ISO-8859-1 is read as Windows-1252, GBK as GB18030, and so on. */
static const char *
charset_for_label (const char *label)
{
  static const struct { const char *label; const char *charset; } aliases[] = {
    { "gbk", "GB18030" }, { "gb2312", "GB18030" }, { "x-gbk", "GB18030" },
    { "gb_2312-80", "GB18030" }, { "chinese", "GB18030" }, { "csgb2312", "GB18030" },
    { "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
    { "cn-big5", "BIG5-HKSCS" }, { "csbig5", "BIG5-HKSCS" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
    { "csshiftjis", "CP932" }, { "ms932", "CP932" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" }, { "korean", "CP949" },
    { "iso-8859-1", "WINDOWS-1252" }, { "iso8859-1", "WINDOWS-1252" },
    { "latin1", "WINDOWS-1252" }, { "l1", "WINDOWS-1252" }, { "us-ascii", "WINDOWS-1252" },
    { "ascii", "WINDOWS-1252" }, { "cp1252", "WINDOWS-1252" },
    { "windows-1252", "WINDOWS-1252" }, { "iso-8859-9", "WINDOWS-1254" },
    { "tis-620", "WINDOWS-874" }, { "iso-8859-11", "WINDOWS-874" },
    /* A page that names a UTF-16 charset in ASCII bytes cannot be UTF-16. */
    { "utf-16", "UTF-8" }, { "utf-16le", "UTF-8" }, { "utf-16be", "UTF-8" },
    { "unicode", "UTF-8" }, { "utf8", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (aliases[i].label, label) == 0)
      return aliases[i].charset;
  return label;
}

static char *
find_meta_charset (const char *data,
                   gsize       len)
{
  g_autofree char *head = g_ascii_strdown (data, MIN (len, PRESCAN_BYTES));
  const char *p = head;

  while ((p = strstr (p, "<meta")) != NULL)
    {
      const char *end = strchr (p, '>');
      const char *cs;

      if (end == NULL)
        break;
      cs = g_strstr_len (p, end - p, "charset");
      while (cs != NULL)
        {
          const char *v = cs + strlen ("charset");
          const char *start;

          while (v < end && (g_ascii_isspace (*v)))
            v++;
          if (v < end && *v == '=')
            {
              v++;
              while (v < end && (g_ascii_isspace (*v) || *v == '"' || *v == '\'' || *v == '\\'))
                v++;
              start = v;
              while (v < end && (g_ascii_isalnum (*v) || strchr ("-_.:", *v) != NULL))
                v++;
              if (v > start)
                return g_strndup (start, v - start);
            }
          cs = g_strstr_len (v, end - v, "charset");
        }
      p = end;
    }
  return NULL;
}

static gboolean
has_high_bytes (const char *data,
                gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Decodes the page to UTF-8: byte order mark, then the user's choice, then the HTTP charset,
 * then <meta> (unless the bytes are plainly UTF-8), then UTF-8 when the bytes are valid UTF-8,
 * else Windows-1252. Pages are read
 * leniently: a stray bad byte becomes U+FFFD rather than refusing the page. */
static char *
decode_page (const char  *data,
             gsize        len,
             const char  *source,
             const char  *encoding,
             const char  *http_charset,
             GError     **error)
{
  g_autofree char *meta = NULL;
  const char *charset;
  gsize bom_len = 0;
  GIConv cd;

  charset = vera_import_sniff_bom (data, len, &bom_len);
  if (charset != NULL)
    return vera_import_convert (data + bom_len, len - bom_len, charset, FALSE, source, error);
  if (encoding != NULL)
    return vera_import_convert (data, len, encoding, FALSE, source, error);

  if (http_charset != NULL)
    charset = charset_for_label (http_charset);
  else if ((meta = find_meta_charset (data, len)) != NULL)
    charset = charset_for_label (meta);

  /* A page labelled with a legacy charset whose bytes are valid UTF-8, non-ASCII included, is
   * UTF-8: servers and templates keep old labels, while legacy text that happens to form valid
   * multi-byte UTF-8 sequences throughout is vanishingly rare. */
  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0
      && !vera_import_is_wide_charset (charset) && has_high_bytes (data, len)
      && g_utf8_validate_len (data, len, NULL))
    {
      g_debug ("%s: labelled %s but valid UTF-8; reading it as UTF-8", source, charset);
      charset = "UTF-8";
    }

  if (charset != NULL && g_ascii_strcasecmp (charset, "UTF-8") != 0)
    {
      cd = g_iconv_open ("UTF-8", charset);
      if (cd != (GIConv) -1)
        {
          g_iconv_close (cd);
          return vera_import_convert (data, len, charset, FALSE, source, error);
        }
      g_debug ("%s: unknown charset “%s”; guessing", source, charset);
      charset = NULL;
    }
  if (charset == NULL && !g_utf8_validate_len (data, len, NULL) && memchr (data, 0, len) == NULL)
    charset = "WINDOWS-1252";
  return vera_import_convert (data, len, charset, FALSE, source, error);
}

static char *
meta_content (xmlNode    *root,
              const char *attr,
              const char *value)
{
  for (xmlNode *n = root; n != NULL; n = vera_html_next_node (n, root, FALSE))
    {
      g_autofree char *v = NULL;

      if (!vera_html_is (n, "meta"))
        continue;
      v = vera_html_dup_attr (n, attr);
      if (v != NULL && g_ascii_strcasecmp (v, value) == 0)
        {
          g_autofree char *content = vera_html_dup_attr (n, "content");
          g_autofree char *clean = content ? vera_html_collapse_space (content) : NULL;

          if (clean != NULL && *clean != '\0')
            return g_steal_pointer (&clean);
        }
    }
  return NULL;
}

static char *
first_element_text (xmlNode    *root,
                    const char *tag)
{
  for (xmlNode *n = root; n != NULL; n = vera_html_next_node (n, root, FALSE))
    if (vera_html_is (n, tag))
      {
        g_autofree char *text = vera_html_inner_text (n);

        if (*text != '\0')
          return g_steal_pointer (&text);
      }
  return NULL;
}

static gboolean
names_site (const char *part,
            gssize      len,
            const char *folded_site)
{
  g_autofree char *folded = g_utf8_casefold (part, len);

  return *folded != '\0' && (g_str_has_prefix (folded_site, folded)
                             || g_str_has_prefix (folded, folded_site));
}

/* "Headline | Site" and "Site | Headline" → "Headline", when that part names the site. */
static char *
strip_site_name (const char *title,
                 const char *site)
{
  static const char * const separators[] = { " | ", " - ", " – ", " — ", " · ", " :: ", " » ",
                                             " / " };
  g_autofree char *folded_site = NULL;
  const char *first = NULL;
  const char *last = NULL;
  gsize first_len = 0;
  gsize last_len = 0;

  if (site == NULL)
    return g_strdup (title);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *p = strstr (title, separators[i]);
      const char *q = g_strrstr (title, separators[i]);

      if (p != NULL && p > title && (first == NULL || p < first))
        {
          first = p;
          first_len = strlen (separators[i]);
        }
      if (q != NULL && q > title && (last == NULL || q > last))
        {
          last = q;
          last_len = strlen (separators[i]);
        }
    }
  if (first == NULL)
    return g_strdup (title);

  folded_site = g_utf8_casefold (site, -1);
  if (names_site (last + last_len, -1, folded_site))
    return g_strndup (title, last - title);
  if (names_site (title, first - title, folded_site) && first[first_len] != '\0')
    return g_strdup (first + first_len);
  return g_strdup (title);
}

/* The title from the page's head: og:title, else <title>, without the site's name. */
static char *
head_title (xmlNode *root)
{
  g_autofree char *og = meta_content (root, "property", "og:title");
  g_autofree char *title = NULL;
  g_autofree char *site = meta_content (root, "property", "og:site_name");

  if (og == NULL)
    title = first_element_text (root, "title");
  if (site == NULL)
    site = meta_content (root, "name", "application-name");
  if (og == NULL && title == NULL)
    return NULL;
  return strip_site_name (og != NULL ? og : title, site);
}

/* `h1` is the first visible main heading, read once scripts and hidden parts are gone. */
static char *
choose_title (const char *head,
              const char *h1)
{
  if (head == NULL)
    return h1 != NULL ? vera_import_make_title (h1) : NULL;
  /* A main heading that makes up most of the head's title is the cleaner form of it. */
  if (h1 != NULL && strstr (head, h1) != NULL && strlen (h1) * 2 >= strlen (head))
    return vera_import_make_title (h1);
  return vera_import_make_title (head);
}

static char *
find_language (xmlNode *root)
{
  g_autofree char *lang = NULL;

  for (xmlNode *n = root; n != NULL && lang == NULL; n = n->next)
    if (vera_html_is (n, "html"))
      lang = vera_html_dup_attr (n, "lang");
  if (lang == NULL || *g_strstrip (lang) == '\0')
    {
      g_clear_pointer (&lang, g_free);
      lang = meta_content (root, "http-equiv", "content-language");
    }
  if (lang == NULL || *lang == '\0')
    return NULL;
  /* "en_US" and "en-us, fr" both become a single BCP 47 tag. */
  lang[strcspn (lang, ",; ")] = '\0';
  g_strdelimit (lang, "_", '-');
  if (*lang == '\0' || strlen (lang) > 35)
    return NULL;
  return g_steal_pointer (&lang);
}

VeraImportedDoc *
vera_import_html (const char  *data,
                  gsize        len,
                  const char  *source,
                  const char  *encoding,
                  const char  *http_charset,
                  GError     **error)
{
  g_autoptr(VeraImportedDoc) doc = NULL;
  g_autofree char *utf8 = NULL;
  g_autofree char *text = NULL;
  g_autofree char *head = NULL;
  g_autofree char *h1 = NULL;
  htmlDocPtr html;
  xmlNode *root;
  gsize utf8_len;

  utf8 = decode_page (data, len, source, encoding, http_charset, error);
  if (utf8 == NULL)
    return NULL;
  utf8_len = strlen (utf8);
  if (utf8_len > G_MAXINT)
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to read as HTML"), source);
      return NULL;
    }

  /* The bytes are UTF-8 by now, so libxml2 must ignore any charset the page declares. It
   * never loads anything: no network, no external entities. */
  html = vera_html_parse (utf8, utf8_len, NULL);
  root = html != NULL ? xmlDocGetRootElement (html) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&html, xmlFreeDoc);
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_PARSE,
                   _("“%s” could not be read as HTML"), source);
      return NULL;
    }

  doc = vera_imported_doc_new ();
  doc->source = g_strdup (source);
  head = head_title (root);
  doc->language = find_language ((xmlNode *) html->children);
  vera_html_prepare (root);
  h1 = first_element_text (root, "h1");
  doc->title = choose_title (head, h1);
  text = vera_html_main_text (html, doc->title);
  xmlFreeDoc (html);

  doc->text = vera_import_normalize_text (text);
  if (doc->text == NULL || *doc->text == '\0')
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_EMPTY,
                   _("“%s” has no readable text"), source);
      return NULL;
    }
  if (doc->title == NULL)
    doc->title = vera_import_make_title (doc->text);
  else
    {
      g_autofree char *nfc = g_utf8_normalize (doc->title, -1, G_NORMALIZE_NFC);
      g_free (doc->title);
      doc->title = g_steal_pointer (&nfc);
    }
  return g_steal_pointer (&doc);
}
