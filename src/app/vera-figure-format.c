/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-figure-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vera-figure-format.h"
#include "vera-quantity.h"

typedef struct
{
  double      scale;
  const char *context;
  const char *format;
} Scale;

/* Million, billion and trillion, or 万 (10⁴), 亿 (10⁸) and 万亿 (10¹²). */
static const Scale western_scales[] = {
  { 1e12, "number scale", NC_("number scale", "%s trillion") },
  { 1e9,  "number scale", NC_("number scale", "%s billion") },
  { 1e6,  "number scale", NC_("number scale", "%s million") },
};

static const Scale myriad_scales[] = {
  { 1e12, "myriad scale", NC_("myriad scale", "%s trillion") },
  { 1e8,  "myriad scale", NC_("myriad scale", "%s hundred million") },
  { 1e4,  "myriad scale", NC_("myriad scale", "%s ten thousand") },
};

/* Every format here is a translated string with one %s, which msgfmt --check-format checks
 * against its msgid when the catalogs are built. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
fill (const char *format,
      const char *text)
{
  return g_strdup_printf (format, text);
}
#pragma GCC diagnostic pop

/* |value| with up to @decimals decimals, trailing zeros dropped, digits grouped by three. */
static char *
format_plain (double value,
              int    decimals)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 32];
  char format[8];
  GString *out = g_string_new (NULL);
  const char *point;
  gsize int_len;

  g_snprintf (format, sizeof format, "%%.%df", decimals);
  g_ascii_formatd (buffer, sizeof buffer, format, fabs (value));
  if (strchr (buffer, '.') != NULL)
    {
      gsize n = strlen (buffer);

      while (n > 0 && buffer[n - 1] == '0')
        buffer[--n] = '\0';
      if (n > 0 && buffer[n - 1] == '.')
        buffer[--n] = '\0';
    }
  point = strchr (buffer, '.');
  int_len = point != NULL ? (gsize) (point - buffer) : strlen (buffer);
  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        /* Translators: the separator between groups of three digits, "16,000" (German ".",
         * French a narrow no-break space). */
        g_string_append (out, C_("thousands separator", ","));
      g_string_append_c (out, buffer[i]);
    }
  if (point != NULL)
    {
      /* Translators: the decimal separator, "12.5" (German ","). */
      g_string_append (out, C_("decimal separator", "."));
      g_string_append (out, point + 1);
    }
  return g_string_free (out, FALSE);
}

/* The fewest decimals (up to three) that give @m exactly, or -1. */
static int
exact_decimals (double m)
{
  for (int d = 0; d <= 3; d++)
    {
      double shifted = m * pow (10, d);

      if (fabs (shifted - round (shifted)) < 1e-6 * MAX (1.0, fabs (shifted)))
        return d;
    }
  return -1;
}

char *
vera_figure_dup_number (double value)
{
  const Scale *scales = western_scales;
  g_autofree char *body = NULL;
  const char *system;

  if (!isfinite (value))
    return g_strdup ("?");

  /* Translators: how your language names large numbers. Do not translate the word: write
   * "western" for million, billion, trillion (10⁶, 10⁹, 10¹²), or "myriad" for 万, 亿, 万亿
   * (10⁴, 10⁸, 10¹²) and then translate the "myriad scale" strings. */
  system = C_("number scales", "western");
  if (g_str_equal (system, "myriad"))
    scales = myriad_scales;

  for (guint i = 0; i < G_N_ELEMENTS (western_scales); i++)
    {
      double m = fabs (value) / scales[i].scale;
      int decimals;

      if (m < 1.0)
        continue;
      /* Only the largest scale that fits; a figure it cannot say exactly is written out. */
      decimals = exact_decimals (m);
      if (decimals >= 0)
        {
          g_autofree char *mantissa = format_plain (m, decimals);

          body = fill (g_dpgettext2 (GETTEXT_PACKAGE, scales[i].context, scales[i].format), mantissa);
        }
      break;
    }
  if (body == NULL)
    body = format_plain (value, 6);
  return value < 0 ? g_strconcat ("−", body, NULL) : g_steal_pointer (&body);
}

typedef struct
{
  const char *unit;
  const char *format;
} UnitName;

/* The units the analysis gives, as a reviewer reads them. */
static const UnitName unit_names[] = {
  { "USD", NC_("figure unit", "%s US dollars") },
  { "EUR", NC_("figure unit", "%s euros") },
  { "CNY", NC_("figure unit", "%s yuan") },
  { "RMB", NC_("figure unit", "%s yuan") },
  { "GBP", NC_("figure unit", "%s pounds sterling") },
  { "JPY", NC_("figure unit", "%s yen") },
  { "HKD", NC_("figure unit", "%s Hong Kong dollars") },
  { "AUD", NC_("figure unit", "%s Australian dollars") },
  { "CAD", NC_("figure unit", "%s Canadian dollars") },
  { "CHF", NC_("figure unit", "%s Swiss francs") },
  { "INR", NC_("figure unit", "%s rupees") },
  { "percent", NC_("figure unit", "%s%%") },
  { "percentage-points", NC_("figure unit", "%s percentage points") },
  { "km", NC_("figure unit", "%s km") },
  { "km2", NC_("figure unit", "%s km²") },
  { "TEU", NC_("figure unit", "%s TEU") },
  { "times", NC_("figure unit", "%s times") },
};

typedef struct
{
  const char *words;   /* as the analysis gives them, separated by '|' */
  const char *format;
} QualifierName;

static const QualifierName qualifier_names[] = {
  { "more than|over|above|greater than|higher than|in excess of|upwards of|well over|just over|"
    "mehr als|über|超过|逾|多于", NC_("figure qualifier", "more than %s") },
  { "less than|fewer than|under|below|lower than|just under|weniger als|unter|不到|少于|低于",
    NC_("figure qualifier", "less than %s") },
  { "at least|no fewer than|no less than|not less than|mindestens|至少|不少于|不低于",
    NC_("figure qualifier", "at least %s") },
  { "at most|up to|no more than|not more than|höchstens|bis zu|最多|不超过|多达",
    NC_("figure qualifier", "at most %s") },
  { "about|around|approximately|roughly|some|circa|close to|an estimated|estimated|rund|etwa|"
    "ungefähr|circa|约|大约|左右", NC_("figure qualifier", "about %s") },
  { "nearly|almost|fast|knapp|近|将近|接近", NC_("figure qualifier", "nearly %s") },
};

static const char *
qualifier_format (const char *qualifier)
{
  for (guint i = 0; i < G_N_ELEMENTS (qualifier_names); i++)
    {
      g_auto(GStrv) words = g_strsplit (qualifier_names[i].words, "|", -1);

      if (g_strv_contains ((const char * const *) words, qualifier))
        return g_dpgettext2 (GETTEXT_PACKAGE, "figure qualifier", qualifier_names[i].format);
    }
  return NULL;
}

static gboolean
starts_with_han (const char *text)
{
  return text != NULL && *text != '\0' &&
         g_unichar_get_script (g_utf8_get_char (text)) == G_UNICODE_SCRIPT_HAN;
}

char *
vera_figure_dup_value (const VeraQuantity *q)
{
  g_autofree char *number = NULL;
  g_autofree char *measured = NULL;
  const char *format;

  g_return_val_if_fail (q != NULL, NULL);

  number = vera_figure_dup_number (q->value);
  if (!isnan (q->value_to))
    {
      g_autofree char *to = vera_figure_dup_number (q->value_to);
      char *range;

      /* Translators: a range of figures, "5–10"; the unit follows it. */
      range = g_strdup_printf (C_("figure range", "%s–%s"), number, to);
      g_free (number);
      number = range;
    }

  if (q->unit == NULL || g_str_equal (q->unit, "count"))
    {
      /* A counted noun stays as the article writes it: it is the article's word. */
      if (q->noun != NULL && *q->noun != '\0')
        {
          /* Han text takes no space between number and noun ("520万个集装箱"), Latin text does,
           * also before a Han noun ("5.2 million 集装箱"). */
          const char *last = g_utf8_find_prev_char (number, number + strlen (number));
          gboolean han_number = last != NULL && starts_with_han (last);
          gboolean tight = starts_with_han (q->noun) &&
                           (han_number || g_str_equal (C_("number scales", "western"), "myriad"));

          measured = g_strconcat (number, tight ? "" : " ", q->noun, NULL);
        }
    }
  else if (g_str_equal (q->unit, "year") || g_str_equal (q->unit, "month") ||
           g_str_equal (q->unit, "day"))
    {
      gulong n = (gulong) MIN (fabs (isnan (q->value_to) ? q->value : q->value_to), G_MAXULONG);

      if (g_str_equal (q->unit, "year"))
        format = g_dngettext (GETTEXT_PACKAGE, "%s year", "%s years", n);
      else if (g_str_equal (q->unit, "month"))
        format = g_dngettext (GETTEXT_PACKAGE, "%s month", "%s months", n);
      else
        format = g_dngettext (GETTEXT_PACKAGE, "%s day", "%s days", n);
      measured = fill (format, number);
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (unit_names) && measured == NULL; i++)
        if (g_str_equal (unit_names[i].unit, q->unit))
          measured = fill (g_dpgettext2 (GETTEXT_PACKAGE, "figure unit", unit_names[i].format),
                           number);
      /* A unit without a name here is shown by its symbol. */
      if (measured == NULL)
        measured = g_strdup_printf ("%s %s", number, q->unit);
    }
  if (measured == NULL)
    measured = g_steal_pointer (&number);

  if (q->qualifier == NULL || *q->qualifier == '\0')
    return g_steal_pointer (&measured);
  format = qualifier_format (q->qualifier);
  if (format != NULL)
    return fill (format, measured);
  return g_strdup_printf ("%s %s", q->qualifier, measured);
}
