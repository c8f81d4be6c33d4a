/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <errno.h>
#include <string.h>

#include "vera-page-meta.h"

/* How far into a page the <meta charset> prescan looks (the HTML standard says 1024 bytes; pages
 * with long <head> scripts put it later, so look further). */
#define PRESCAN_BYTES 8192

gboolean
vera_page_meta_is_html_type (const char *content_type)
{
  g_autofree char *lower = NULL;

  if (content_type == NULL)
    return FALSE;
  lower = g_ascii_strdown (content_type, -1);
  g_strstrip (lower);
  return g_str_has_prefix (lower, "text/html") ||
         g_str_has_prefix (lower, "application/xhtml+xml");
}

/* Finds "charset=VALUE" in a Content-Type value or a meta content attribute. */
static char *
find_charset_param (const char *text,
                    gsize       length)
{
  const char *end = text + length;

  for (const char *p = text; p + 8 <= end; p++)
    {
      const char *v;
      const char *s;

      if (g_ascii_strncasecmp (p, "charset", 7) != 0)
        continue;
      v = p + 7;
      while (v < end && g_ascii_isspace (*v))
        v++;
      if (v >= end || *v != '=')
        continue;
      v++;
      while (v < end && (g_ascii_isspace (*v) || *v == '"' || *v == '\''))
        v++;
      s = v;
      while (v < end && (g_ascii_isalnum (*v) || *v == '-' || *v == '_' || *v == '.' || *v == ':'))
        v++;
      if (v > s && v - s < 40)
        return g_strndup (s, v - s);
    }
  return NULL;
}

/* The charset a page declares in its first bytes, from <meta charset> or http-equiv. */
static char *
prescan_meta_charset (const char *data,
                      gsize       length)
{
  gsize n = MIN (length, PRESCAN_BYTES);
  const char *end = data + n;

  /* An XHTML page may declare it in its XML prolog: <?xml … encoding="…"?>. */
  if (n > 5 && strncmp (data, "<?xml", 5) == 0)
    {
      const char *close = g_strstr_len (data, n, "?>");
      const char *enc = close != NULL ? g_strstr_len (data, close - data, "encoding=") : NULL;

      if (enc != NULL)
        {
          const char *s = enc + strlen ("encoding=");
          const char *v;

          if (*s == '"' || *s == '\'')
            s++;
          for (v = s; v < close && (g_ascii_isalnum (*v) || *v == '-' || *v == '_'); v++)
            ;
          if (v > s && v - s < 40)
            return g_strndup (s, v - s);
        }
    }

  for (const char *p = data; p + 5 < end; p++)
    {
      const char *tag_end;

      if (*p != '<' || g_ascii_strncasecmp (p + 1, "meta", 4) != 0)
        continue;
      tag_end = memchr (p, '>', end - p);
      if (tag_end == NULL)
        break;
      {
        g_autofree char *cs = find_charset_param (p, tag_end - p);

        if (cs != NULL)
          return g_steal_pointer (&cs);
      }
      p = tag_end;
    }
  return NULL;
}

/* The iconv name to decode a declared charset with. Legacy labels map to the supersets that
 * browsers actually use, as the WHATWG Encoding standard says. */
static const char *
iconv_name_for (const char *label)
{
  static const struct { const char *label; const char *iconv; } aliases[] = {
    { "gb2312", "GB18030" }, { "gbk", "GB18030" }, { "gb18030", "GB18030" },
    { "x-gbk", "GB18030" }, { "cp936", "GB18030" }, { "csgb2312", "GB18030" },
    { "big5", "BIG5-HKSCS" }, { "big5-hkscs", "BIG5-HKSCS" }, { "x-x-big5", "BIG5-HKSCS" },
    { "cn-big5", "BIG5-HKSCS" },
    { "shift_jis", "CP932" }, { "shift-jis", "CP932" }, { "sjis", "CP932" },
    { "x-sjis", "CP932" }, { "ms_kanji", "CP932" }, { "windows-31j", "CP932" },
    { "euc-kr", "CP949" }, { "ks_c_5601-1987", "CP949" },
    { "iso-8859-1", "WINDOWS-1252" }, { "latin1", "WINDOWS-1252" },
    { "us-ascii", "WINDOWS-1252" }, { "ascii", "WINDOWS-1252" },
    { "utf8", "UTF-8" }, { "unicode-1-1-utf-8", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (label, aliases[i].label) == 0)
      return aliases[i].iconv;
  return label;
}

static gboolean
is_utf8_label (const char *label)
{
  return g_ascii_strcasecmp (label, "UTF-8") == 0;
}

/* Converts with iconv, replacing each undecodable byte with U+FFFD so hostile or mislabelled
 * bytes never abort the decode. */
static char *
convert_lossy (const char *data,
               gsize       length,
               const char *charset)
{
  GIConv cd = g_iconv_open ("UTF-8", charset);
  g_autoptr(GString) out = NULL;
  char buf[4096];
  char *in = (char *) data;
  gsize in_left = length;

  if (cd == (GIConv) -1)
    return NULL;

  out = g_string_sized_new (length + length / 2);
  while (in_left > 0)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);

      g_string_append_len (out, buf, o - buf);
      if (r == (gsize) -1)
        {
          if (errno == E2BIG)
            continue;
          /* EILSEQ or EINVAL (truncated sequence at the end): skip one byte. */
          g_string_append (out, "\xEF\xBF\xBD");
          in++;
          in_left--;
          g_iconv (cd, NULL, NULL, NULL, NULL);
        }
    }
  {
    char *o = buf;
    gsize o_left = sizeof buf;

    g_iconv (cd, NULL, NULL, &o, &o_left);
    g_string_append_len (out, buf, o - buf);
  }
  g_iconv_close (cd);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
has_non_ascii (const char *data,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar) data[i] >= 0x80)
      return TRUE;
  return FALSE;
}

char *
vera_page_meta_decode_html (const char  *data,
                            gsize        length,
                            const char  *content_type,
                            char       **charset_out)
{
  g_autofree char *declared = NULL;
  const char *charset = NULL;
  char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (data == NULL)
    data = "";

  /* A byte order mark wins over every declaration. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
      charset = "UTF-8";
    }
  else if (length >= 2 && memcmp (data, "\xFF\xFE", 2) == 0)
    {
      data += 2;
      length -= 2;
      charset = "UTF-16LE";
    }
  else if (length >= 2 && memcmp (data, "\xFE\xFF", 2) == 0)
    {
      data += 2;
      length -= 2;
      charset = "UTF-16BE";
    }

  if (charset == NULL && content_type != NULL)
    declared = find_charset_param (content_type, strlen (content_type));
  if (charset == NULL && declared == NULL)
    declared = prescan_meta_charset (data, length);
  if (charset == NULL && declared != NULL)
    charset = iconv_name_for (declared);

  /* A header that says UTF-8 over a body that is not, while the page names another charset:
   * the server's default is wrong and the page knows better. */
  if (charset != NULL && is_utf8_label (charset) && !g_utf8_validate_len (data, length, NULL))
    {
      g_autofree char *in_page = prescan_meta_charset (data, length);

      if (in_page != NULL && !is_utf8_label (iconv_name_for (in_page)))
        {
          g_free (declared);
          declared = g_steal_pointer (&in_page);
          charset = iconv_name_for (declared);
        }
    }

  /* A body that is valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label says: legacy
   * encodings practically never produce long valid UTF-8 by chance, and mislabelled UTF-8 pages
   * are common. */
  if (charset != NULL && !is_utf8_label (charset) && !g_str_has_prefix (charset, "UTF-16") &&
      has_non_ascii (data, length) && g_utf8_validate_len (data, length, NULL))
    charset = "UTF-8";

  if (charset == NULL)
    charset = g_utf8_validate_len (data, length, NULL) ? "UTF-8" : "WINDOWS-1252";

  if (!is_utf8_label (charset))
    {
      text = convert_lossy (data, length, charset);
      if (text == NULL)
        {
          /* An unknown label: fall back as browsers do. */
          g_debug ("Unknown charset “%s”, decoding as windows-1252", charset);
          charset = g_utf8_validate_len (data, length, NULL) ? "UTF-8" : "WINDOWS-1252";
          if (!is_utf8_label (charset))
            text = convert_lossy (data, length, charset);
        }
    }
  if (text == NULL)
    text = g_utf8_make_valid (data, length);

  if (charset_out != NULL)
    *charset_out = g_ascii_strdown (charset, -1);
  return text;
}
