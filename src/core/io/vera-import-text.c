/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-import-private.h"

#define TITLE_MAX_CHARS 200

const char *
vera_import_sniff_bom (const char *data,
                       gsize       len,
                       gsize      *bom_len)
{
  const guchar *u = (const guchar *) data;

  *bom_len = 0;
  if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      *bom_len = 3;
      return "UTF-8";
    }
  if (len >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
    {
      *bom_len = 4;
      return "UTF-32LE";
    }
  if (len >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
    {
      *bom_len = 4;
      return "UTF-32BE";
    }
  if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    {
      *bom_len = 2;
      return "UTF-16LE";
    }
  if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    {
      *bom_len = 2;
      return "UTF-16BE";
    }
  return NULL;
}

gboolean
vera_import_is_wide_charset (const char *charset)
{
  static const char * const wide[] = { "UTF-16", "UTF16", "UTF-32", "UTF32", "UCS-2", "UCS2",
                                       "UCS-4", "UCS4", "UNICODE" };

  if (charset == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (wide); i++)
    if (g_ascii_strncasecmp (charset, wide[i], strlen (wide[i])) == 0)
      return TRUE;
  return FALSE;
}

static guint
count_lines (const char *text,
             gsize       len)
{
  guint lines = 1;

  for (gsize i = 0; i < len; i++)
    if (text[i] == '\n')
      lines++;
  return lines;
}

static gboolean
check_no_nul (const char *utf8,
              gsize       len,
              const char *source,
              GError    **error)
{
  const char *nul = memchr (utf8, '\0', len);

  if (nul == NULL)
    return TRUE;
  g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_BINARY,
               _("“%s” looks like a binary file (NUL byte at offset %lu), not text or HTML"),
               source, (gulong) (nul - utf8));
  return FALSE;
}

static char *
convert_utf8 (const char *data,
              gsize       len,
              gboolean    strict,
              const char *source,
              GError    **error)
{
  GString *out;
  const char *p = data;
  const char *end = data + len;

  if (!check_no_nul (data, len, source, error))
    return NULL;

  out = g_string_sized_new (len + 1);
  while (p < end)
    {
      const char *stop = NULL;

      if (g_utf8_validate_len (p, end - p, &stop))
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      if (strict)
        {
          gsize offset = stop - data;

          g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_INVALID_UTF8,
                       _("“%s” is not valid UTF-8: byte %lu (line %u) "
                         "cannot be read. Choose the file’s encoding (--encoding, or "
                         "Encoding in the Open dialog)"),
                       source, (gulong) offset, count_lines (data, offset));
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append_len (out, p, stop - p);
      g_string_append (out, "\xEF\xBF\xBD");
      p = stop + 1;
    }
  return g_string_free (out, FALSE);
}

char *
vera_import_convert (const char  *data,
                     gsize        len,
                     const char  *charset,
                     gboolean     strict,
                     const char  *source,
                     GError     **error)
{
  GIConv cd;
  GString *out;
  char *in = (char *) data;
  gsize in_left = len;
  char buf[4096];

  if (charset == NULL || g_ascii_strcasecmp (charset, "UTF-8") == 0
      || g_ascii_strcasecmp (charset, "UTF8") == 0)
    return convert_utf8 (data, len, strict, source, error);

  if (!vera_import_is_wide_charset (charset) && !check_no_nul (data, len, source, error))
    return NULL;

  cd = g_iconv_open ("UTF-8", charset);
  if (cd == (GIConv) -1)
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_UNKNOWN_ENCODING,
                   _("Cannot read “%s”: the encoding “%s” is not supported"), source, charset);
      return NULL;
    }

  out = g_string_sized_new (len + len / 2 + 1);
  while (in_left > 0)
    {
      char *o = buf;
      gsize o_left = sizeof buf;
      gsize r = g_iconv (cd, &in, &in_left, &o, &o_left);
      int saved = errno;

      g_string_append_len (out, buf, o - buf);
      if (r != (gsize) -1 || saved == E2BIG)
        continue;
      if (strict)
        {
          gsize offset = in - data;

          g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_INVALID_ENCODING,
                       _("“%s” is not valid %s: byte %lu (line %u) cannot be "
                         "read. Choose another encoding"),
                       source, charset, (gulong) offset, count_lines (out->str, out->len));
          g_iconv_close (cd);
          g_string_free (out, TRUE);
          return NULL;
        }
      /* Skip one byte, mark it, and start the converter afresh. */
      g_string_append (out, "\xEF\xBF\xBD");
      in++;
      in_left--;
      g_iconv (cd, NULL, NULL, NULL, NULL);
    }
  g_iconv_close (cd);

  if (!check_no_nul (out->str, out->len, source, error))
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Code points that NFC never changes and that never combine with what comes before them (NFC
 * quick check "yes", combining class 0, assigned), in the blocks news text mostly uses: Latin,
 * Greek, Cyrillic, punctuation, currency, kana, CJK ideographs, Hangul syllables, full-width
 * forms. Text made only of these is NFC already, and skips the costly normalisation. The table
 * was computed with Python's unicodedata (Unicode 14); normalisation stability keeps it true. */
static const struct { gunichar first, last; } nfc_stable[] = {
  { 0x0000, 0x02FF }, { 0x0370, 0x0373 }, { 0x0375, 0x0377 }, { 0x037A, 0x037D },
  { 0x037F, 0x037F }, { 0x0384, 0x0386 }, { 0x0388, 0x038A }, { 0x038C, 0x038C },
  { 0x038E, 0x03A1 }, { 0x03A3, 0x0482 }, { 0x0488, 0x04FF }, { 0x2002, 0x2064 },
  { 0x2066, 0x206F }, { 0x20A0, 0x20C0 }, { 0x3000, 0x3029 }, { 0x3030, 0x303F },
  { 0x3041, 0x3096 }, { 0x309B, 0x30FF }, { 0x4E00, 0x9FFF }, { 0xAC00, 0xD7A3 },
  { 0xFF01, 0xFFBE }, { 0xFFC2, 0xFFC7 }, { 0xFFCA, 0xFFCF }, { 0xFFD2, 0xFFD7 },
  { 0xFFDA, 0xFFDC }, { 0xFFE0, 0xFFE6 }, { 0xFFE8, 0xFFEE },
};

static gboolean
is_nfc_stable (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (nfc_stable); i++)
    if (c <= nfc_stable[i].last)
      return c >= nfc_stable[i].first;
  return FALSE;
}

char *
vera_import_normalize_text (const char *utf8)
{
  gsize len = strlen (utf8);
  g_autofree char *out = g_malloc (len + 1);
  gsize n = 0;
  gsize start = 0;
  gboolean stable = TRUE;

  for (const char *p = utf8; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r')
        {
          out[n++] = '\n';
          if (p[1] == '\n')
            p++;
        }
      else if (c == '\f' || c == '\v')
        out[n++] = '\n';
      else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F)
        continue;
      else
        {
          /* Below lead byte 0xCC (U+0300) every code point is stable. */
          if (stable && c >= 0xCC && c < 0xF8)
            stable = is_nfc_stable (g_utf8_get_char (p));
          out[n++] = (char) c;
        }
    }

  /* No blank lines before the text, no white space after it, no stray byte order mark (one
   * inside UTF-16 text, say). */
  while (n > 0 && g_ascii_isspace (out[n - 1]))
    n--;
  for (gsize i = 0; i < n && g_ascii_isspace (out[i]); i++)
    if (out[i] == '\n')
      start = i + 1;
  if (n - start >= 3 && memcmp (out + start, "\xEF\xBB\xBF", 3) == 0)
    start += 3;
  out[n] = '\0';

  if (stable)
    return start == 0 ? g_steal_pointer (&out) : g_strndup (out + start, n - start);
  return g_utf8_normalize (out + start, n - start, G_NORMALIZE_NFC);
}

char *
vera_import_make_title (const char *line)
{
  g_autoptr(GString) title = g_string_new (NULL);
  const char *p = line;
  gsize cut = 0;
  guint chars = 0;

  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);

  for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars == TITLE_MAX_CHARS)
        {
          /* Cut at the last word break when there is one near the end. */
          if (cut > 0)
            g_string_truncate (title, cut);
          g_string_append (title, "…");
          break;
        }
      if (g_unichar_isspace (c))
        {
          if (chars > TITLE_MAX_CHARS * 3 / 4)
            cut = title->len;
          c = ' ';
        }
      g_string_append_unichar (title, c);
      chars++;
    }

  while (title->len > 0 && g_ascii_isspace (title->str[title->len - 1]))
    g_string_truncate (title, title->len - 1);
  if (title->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&title), FALSE);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

VeraImportedDoc *
vera_import_text (const char  *data,
                  gsize        len,
                  const char  *source,
                  const char  *encoding,
                  GError     **error)
{
  g_autoptr(VeraImportedDoc) doc = NULL;
  g_autofree char *utf8 = NULL;
  const char *charset;
  gsize bom_len = 0;

  charset = vera_import_sniff_bom (data, len, &bom_len);
  if (charset == NULL)
    charset = encoding;
  else if (encoding != NULL && g_ascii_strcasecmp (encoding, charset) != 0)
    g_debug ("%s: the byte order mark says %s; ignoring the encoding %s",
             source, charset, encoding);

  /* Text with no encoding named must be UTF-8; a named one is read strictly as well, so a
   * wrong choice shows as an error instead of as garbled text. */
  utf8 = vera_import_convert (data + bom_len, len - bom_len, charset, TRUE, source, error);
  if (utf8 == NULL)
    return NULL;

  doc = vera_imported_doc_new ();
  doc->source = g_strdup (source);
  doc->text = vera_import_normalize_text (utf8);
  if (doc->text == NULL || is_blank (doc->text))
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_EMPTY,
                   _("“%s” contains no text"), source);
      return NULL;
    }
  /* The text starts with its first non-blank line, so that line is the title. */
  doc->title = vera_import_make_title (doc->text);
  return g_steal_pointer (&doc);
}
