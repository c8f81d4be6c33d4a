/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vera-language.h"
#include "vera-lexicon.h"
#include "vera-quantities-zh-private.h"
#include "vera-quantities-zh.h"

/* The numeral reader of the Chinese grammar, and the test of whether the grammar applies:
 * digits with thousands commas and a point, Han numerals with their scales, and both mixed
 * ("1.2万"). The text is valid UTF-8. */

static int
lookup_digit (const char *p,
              const char *end,
              gsize      *len)
{
  const char *value = NULL;
  gsize n;

  n = vera_lexicon_match_prefix (vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-numerals"), p,
                                 end - p, &value);
  if (n == 0 || value == NULL || n != (gsize) (g_utf8_next_char (p) - p))
    return -1;
  *len = n;
  return atoi (value);
}

static double
lookup_scale (const char *p,
              const char *end,
              gsize      *len)
{
  const char *value = NULL;
  gsize n;

  n = vera_lexicon_match_prefix (vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-scales"), p,
                                 end - p, &value);
  if (n == 0 || value == NULL || n != (gsize) (g_utf8_next_char (p) - p))
    return 0;
  *len = n;
  return g_ascii_strtod (value, NULL);
}

static int
ascii_digit (const char *p,
             const char *end,
             gsize      *len)
{
  gunichar c;

  if (p >= end)
    return -1;
  if (*p >= '0' && *p <= '9')
    {
      *len = 1;
      return *p - '0';
    }
  c = g_utf8_get_char (p);
  if (c >= 0xFF10 && c <= 0xFF19)
    {
      *len = g_utf8_next_char (p) - p;
      return (int) (c - 0xFF10);
    }
  return -1;
}

gboolean
vera_zh_is_digit (const char *p,
                  const char *end)
{
  gsize n;

  return ascii_digit (p, end, &n) >= 0;
}

gboolean
vera_zh_is_numeral (const char *p,
                    const char *end)
{
  gsize n;

  if (p >= end)
    return FALSE;
  return lookup_digit (p, end, &n) >= 0 || lookup_scale (p, end, &n) == 10;
}

const char *
vera_zh_skip_number (const char *p,
                     const char *end)
{
  while (p < end)
    {
      gsize n = 0;

      if (vera_zh_is_digit (p, end) || lookup_digit (p, end, &n) >= 0 ||
          lookup_scale (p, end, &n) > 0)
        p = g_utf8_next_char (p);
      else if ((*p == '.' || *p == ',') && vera_zh_is_digit (p + 1, end))
        p++;
      else if (g_str_has_prefix (p, "．") && vera_zh_is_digit (p + strlen ("．"), end))
        p += strlen ("．");
      else
        break;
    }
  return p;
}

static gboolean
unit_starts (const char *p,
             const char *end)
{
  const char *value = NULL;

  return vera_lexicon_match_prefix (vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-units"), p,
                                    end - p, &value) > 0;
}

void
vera_zh_read_scales (VeraZhNumber *num,
                     const char   *end)
{
  const char *p = num->end;

  while (p < end)
    {
      gsize n = 0;
      double s = lookup_scale (p, end, &n);

      if (s < 100 || unit_starts (p, end))
        break;
      /* "百分之" and "百分点" are not scales. */
      if (s == 100 && (g_str_has_prefix (p, "百分")))
        break;
      num->factor *= s;
      num->value *= s;
      if (s >= 1000)
        num->scaled = TRUE;
      p += n;
    }
  num->end = p;
}

static gboolean
read_arabic (const char   *p,
             const char   *end,
             VeraZhNumber *num)
{
  g_autoptr(GString) ascii = g_string_new (NULL);
  const char *q = p;
  gsize n = 0;
  int d;
  guint group = 0;
  gboolean commas = FALSE;

  memset (num, 0, sizeof *num);
  num->arabic = TRUE;
  num->factor = 1;
  while (TRUE)
    {
      d = ascii_digit (q, end, &n);
      if (d >= 0)
        {
          g_string_append_c (ascii, '0' + d);
          num->int_digits++;
          group++;
          q += n;
          continue;
        }
      if (q < end && *q == ',' && ascii_digit (q + 1, end, &n) >= 0)
        {
          if ((commas && group != 3) || (!commas && group > 3))
            num->bad = TRUE;
          commas = TRUE;
          group = 0;
          q++;
          continue;
        }
      break;
    }
  if (commas && group != 3)
    num->bad = TRUE;
  if (ascii->len > 1 && ascii->str[0] == '0')
    num->bad = TRUE;
  /* The decimal point. */
  if (q < end && (*q == '.' || g_str_has_prefix (q, "．")))
    {
      gsize pl = *q == '.' ? 1 : strlen ("．");

      if (ascii_digit (q + pl, end, &n) >= 0)
        {
          g_string_append_c (ascii, '.');
          q += pl;
          num->decimal = TRUE;
          while ((d = ascii_digit (q, end, &n)) >= 0)
            {
              g_string_append_c (ascii, '0' + d);
              q += n;
            }
          if (q < end && (*q == '.' || g_str_has_prefix (q, "．")) &&
              ascii_digit (q + pl, end, &n) >= 0)
            num->bad = TRUE;
          if (ascii->str[0] == '0' && ascii->str[1] != '.')
            num->bad = TRUE;
          else if (ascii->str[0] == '0')
            num->bad = num->int_digits > 1;
        }
    }
  num->value = g_ascii_strtod (ascii->str, NULL);
  num->end = q;
  vera_zh_read_scales (num, end);
  return TRUE;
}

/* Han numerals: 三千五百, 一百零五, 三亿五千万, 一万五, 三点五亿, 二〇二四. */
static gboolean
read_han (const char   *p,
          const char   *end,
          VeraZhNumber *num)
{
  const char *q = p;
  double total = 0, section = 0, last_scale = 0;
  int digit = -1;
  gboolean zero = FALSE, prev_digit = FALSE;
  guint string_digits = 0;
  double string_value = 0;

  memset (num, 0, sizeof *num);
  num->factor = 1;
  while (q < end)
    {
      gsize n = 0;
      int d = lookup_digit (q, end, &n);
      double s;

      if (d >= 0)
        {
          if (prev_digit)
            {
              if (last_scale > 0)
                break;
              num->digit_string = TRUE;
            }
          string_value = string_value * 10 + d;
          string_digits++;
          if (d == 0 && last_scale > 0)
            {
              zero = TRUE;
              digit = -1;
              prev_digit = FALSE;
            }
          else
            {
              digit = d;
              prev_digit = TRUE;
            }
          q += n;
          continue;
        }
      if (num->digit_string)
        break;
      s = lookup_scale (q, end, &n);
      if (s > 0)
        {
          if (unit_starts (q, end) || (s == 100 && g_str_has_prefix (q, "百分")))
            break;
          if (s == 10)
            section += (digit < 0 ? 1 : digit) * 10;
          else if (s < 1e4)
            {
              if (digit < 0 && q == p)
                digit = 1;
              if (digit < 0)
                break;
              section += digit * s;
            }
          else if (s == 1e4)
            {
              if (q == p)
                digit = 1;
              if (section + MAX (digit, 0) == 0)
                break;
              total += (section + MAX (digit, 0)) * 1e4;
              section = 0;
            }
          else
            {
              if (total + section + MAX (digit, 0) == 0)
                break;
              total = (total + section + MAX (digit, 0)) * s;
              section = 0;
            }
          if (s >= 1000)
            num->scaled = TRUE;
          last_scale = s;
          digit = -1;
          zero = FALSE;
          prev_digit = FALSE;
          q += n;
          continue;
        }
      /* 三点五: a point between Han digits. */
      if (g_str_has_prefix (q, "点") && digit >= 0 && last_scale < 1e4 &&
          lookup_digit (q + strlen ("点"), end, &n) >= 0)
        {
          double frac = 0, place = 0.1;
          double whole = total + section + digit;

          q += strlen ("点");
          while ((d = lookup_digit (q, end, &n)) >= 0)
            {
              frac += d * place;
              place /= 10;
              q += n;
            }
          num->decimal = TRUE;
          num->value = whole + frac;
          num->end = q;
          while (q < end)
            {
              s = lookup_scale (q, end, &n);
              if (s < 1e4)
                break;
              num->value *= s;
              num->scaled = TRUE;
              q += n;
            }
          num->end = q;
          return TRUE;
        }
      break;
    }
  if (q == p)
    return FALSE;
  if (num->digit_string)
    {
      num->value = string_value;
      num->int_digits = string_digits;
      num->end = q;
      return TRUE;
    }
  if (digit >= 0)
    {
      /* 一万五 = 15000, 三千五 = 3500, 一亿五 = 1.5亿: the digit counts a tenth of the last
       * scale. */
      if (!zero && last_scale >= 100)
        section += digit * last_scale / 10;
      else
        section += digit;
    }
  num->value = total + section;
  num->end = q;
  return TRUE;
}

/* The end of a chain of digit groups joined by '-', ' ', ':', '/', '.': a phone number, a
 * time, a code, skipped whole. */
const char *
vera_zh_skip_chain (const char *p,
                    const char *end)
{
  while (p < end)
    {
      if (vera_zh_is_digit (p, end))
        p = g_utf8_next_char (p);
      else if ((*p == '-' || *p == ' ' || *p == ':' || *p == '/' || *p == '.' || *p == ',') &&
               vera_zh_is_digit (p + 1, end))
        p++;
      else
        break;
    }
  return p;
}

/* A figure whose number is followed by a digit group through '-', ' ', ':', '/': a code. */
gboolean
vera_zh_is_chained (const char *p,
                    const char *end)
{
  return p < end && (*p == ' ' || *p == ':' || *p == '/' || *p == '_') &&
         vera_zh_is_digit (p + 1, end);
}

gboolean
vera_zh_starts_with_scale (const char *p,
                           const char *end)
{
  gsize n;
  double s = p < end ? lookup_scale (p, end, &n) : 0;

  return s >= 100 && s <= 1e4;
}

gboolean
vera_zh_read_number (const char   *p,
                     const char   *end,
                     VeraZhNumber *num)
{
  gsize n;

  if (vera_zh_starts_with_scale (p, end))
    return read_han (p, end, num);

  if (ascii_digit (p, end, &n) >= 0)
    return read_arabic (p, end, num);
  if (vera_zh_is_numeral (p, end))
    return read_han (p, end, num);
  return FALSE;
}

/* A Han character or CJK punctuation ("：", "，") next to a digit, or a Han character next to
 * a Han numeral. */
static gboolean
is_chinese_neighbour (const char *p,
                      const char *end)
{
  gunichar c = g_utf8_get_char (p);

  if ((c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
      (c >= 0xFF1A && c <= 0xFF20))
    return TRUE;
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN && !vera_zh_is_numeral (p, end);
}

gboolean
vera_quantities_zh_applies (const char *sentence,
                            gsize       len)
{
  g_autofree char *s = NULL;
  const char *end, *prev = NULL;

  if (sentence == NULL || len == 0)
    return FALSE;
  s = g_utf8_make_valid (sentence, len);
  end = s + strlen (s);
  for (const char *p = s; p < end; prev = p, p = g_utf8_next_char (p))
    {
      gboolean number = vera_zh_is_digit (p, end) || vera_zh_is_numeral (p, end);
      const char *next = g_utf8_next_char (p);

      if (!number)
        continue;
      if (prev != NULL && is_chinese_neighbour (prev, end))
        return TRUE;
      if (next < end && is_chinese_neighbour (next, end))
        return TRUE;
    }
  return FALSE;
}
