/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-script"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-script.h"

#define N_SCRIPT_SLOTS 256

/**
 * vera_script_family:
 * @c: a character
 *
 * The writing system a letter belongs to, with Han, Hiragana, Katakana, Hangul and Bopomofo
 * folded into one family (%G_UNICODE_SCRIPT_HAN), since Chinese, Japanese and Korean text mix
 * them freely. Digits, punctuation, symbols and marks give %G_UNICODE_SCRIPT_COMMON.
 *
 * Returns: the script family of @c
 */
GUnicodeScript
vera_script_family (gunichar c)
{
  GUnicodeScript script;

  if (c < 0x80)
    return g_ascii_isalpha ((char) c) ? G_UNICODE_SCRIPT_LATIN : G_UNICODE_SCRIPT_COMMON;
  if (!g_unichar_isalpha (c))
    return G_UNICODE_SCRIPT_COMMON;

  script = g_unichar_get_script (c);
  switch ((int) script)
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_HANGUL:
    case G_UNICODE_SCRIPT_BOPOMOFO:
      return G_UNICODE_SCRIPT_HAN;
    case G_UNICODE_SCRIPT_INHERITED:
    case G_UNICODE_SCRIPT_UNKNOWN:
      return G_UNICODE_SCRIPT_COMMON;
    default:
      return script;
    }
}

/**
 * vera_script_dominant:
 * @text: UTF-8 text
 * @len: its length in bytes
 *
 * Counts the letters of each script family in @text. Invalid bytes are passed over.
 *
 * Returns: the family with the most letters (the lowest script value on a tie), or
 *   %G_UNICODE_SCRIPT_COMMON when @text has no letters
 */
GUnicodeScript
vera_script_dominant (const char *text,
                      gsize       len)
{
  g_autofree guint64 *counts = NULL;
  GUnicodeScript best = G_UNICODE_SCRIPT_COMMON;
  guint64 best_count = 0;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL || len == 0, G_UNICODE_SCRIPT_COMMON);

  counts = g_new0 (guint64, N_SCRIPT_SLOTS);
  while (pos < len)
    {
      guchar b = (guchar) text[pos];
      gunichar c;
      GUnicodeScript family;

      if (b < 0x80)
        {
          if (g_ascii_isalpha (b))
            counts[G_UNICODE_SCRIPT_LATIN]++;
          pos++;
          continue;
        }
      c = g_utf8_get_char_validated (text + pos, (gssize) MIN (len - pos, 6));
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          pos++;
          continue;
        }
      pos += g_utf8_skip[b];
      family = vera_script_family (c);
      if (family != G_UNICODE_SCRIPT_COMMON && (guint) family < N_SCRIPT_SLOTS)
        counts[family]++;
    }

  for (guint i = 0; i < N_SCRIPT_SLOTS; i++)
    if (counts[i] > best_count)
      {
        best_count = counts[i];
        best = (GUnicodeScript) i;
      }
  return best;
}

/**
 * vera_script_uses_spaces:
 * @family: a script family
 *
 * Returns: whether text in @family separates words with spaces (Chinese, Japanese, Thai, Lao,
 *   Khmer, Myanmar and Tibetan do not)
 */
gboolean
vera_script_uses_spaces (GUnicodeScript family)
{
  switch ((int) family)
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
      return FALSE;
    default:
      return TRUE;
    }
}

/**
 * vera_script_name:
 * @script: a script or script family
 *
 * Returns: the translated name of @script, for messages such as "Han text in a Latin-script
 *   article"; a generic name for scripts without one
 */
const char *
vera_script_name (GUnicodeScript script)
{
  switch ((int) script)
    {
    case G_UNICODE_SCRIPT_LATIN: return _("Latin");
    case G_UNICODE_SCRIPT_HAN: return _("Han");
    case G_UNICODE_SCRIPT_HIRAGANA: return _("Hiragana");
    case G_UNICODE_SCRIPT_KATAKANA: return _("Katakana");
    case G_UNICODE_SCRIPT_HANGUL: return _("Hangul");
    case G_UNICODE_SCRIPT_CYRILLIC: return _("Cyrillic");
    case G_UNICODE_SCRIPT_GREEK: return _("Greek");
    case G_UNICODE_SCRIPT_ARABIC: return _("Arabic");
    case G_UNICODE_SCRIPT_HEBREW: return _("Hebrew");
    case G_UNICODE_SCRIPT_DEVANAGARI: return _("Devanagari");
    case G_UNICODE_SCRIPT_THAI: return _("Thai");
    case G_UNICODE_SCRIPT_ARMENIAN: return _("Armenian");
    case G_UNICODE_SCRIPT_GEORGIAN: return _("Georgian");
    default: return _("Other");
    }
}
