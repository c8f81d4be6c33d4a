/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-quantities-private.h"

/* The number grammar: numbers written with digits in the sentence's conventions, English and
 * German number words, ordinal suffixes. Whether a number is a figure is decided elsewhere. */

double
vera_quantities_number_value (VeraFigureScan *ctx,
                              guint           i)
{
  const VeraToken *t = tok (ctx, i);
  double value;

  if (!vera_number_read (ctx->text + t->start, t->end - t->start, ctx->language, &value))
    return NAN;
  return value;
}

gboolean
vera_quantities_lookup_number_word (const VeraLexicon *lexicon,
                                    const char        *word,
                                    gsize              n,
                                    double            *value)
{
  const char *found = vera_lexicon_lookup (lexicon, word, n);

  if (found == NULL)
    return FALSE;
  *value = g_ascii_strtod (found, NULL);
  return TRUE;
}

gboolean
vera_quantities_parse_number_word (VeraFigureScan  *ctx,
                                   const char      *word,
                                   gsize            n,
                                   double          *value,
                                   const char     **rest)
{
  const char *hyphen = memchr (word, '-', n);
  double a, b;

  *rest = NULL;
  if (hyphen == NULL)
    return vera_quantities_lookup_number_word (ctx->english_numbers, word, n, value);
  if (!vera_quantities_lookup_number_word (ctx->english_numbers, word, hyphen - word, &a))
    return FALSE;
  if (a >= 20 && a <= 90 &&
      vera_quantities_lookup_number_word (ctx->english_numbers, hyphen + 1,
                                          n - (hyphen + 1 - word), &b) &&
      b < 10)
    {
      *value = a + b;
      return TRUE;
    }
  *value = a;
  *rest = hyphen + 1;
  return TRUE;
}

/* "fünfunddreißig": units, "und", tens. FALSE when @lower is not such a compound. */
static gboolean
parse_german_units_and_tens (const VeraLexicon *numbers,
                             const char        *lower,
                             gsize              n,
                             const char        *und,
                             double            *value)
{
  double units, tens;

  if (vera_quantities_parse_german_number (numbers, lower, und - lower, &units) &&
      units >= 1 && units <= 9 &&
      vera_quantities_parse_german_number (numbers, und + 3, n - (und + 3 - lower), &tens) &&
      tens >= 20 && tens <= 90)
    {
      *value = units + tens;
      return TRUE;
    }
  return FALSE;
}

gboolean
vera_quantities_parse_german_number (const VeraLexicon *numbers,
                                     const char        *lower,
                                     gsize              n,
                                     double            *value)
{
  static const struct { const char *word; double factor; } joints[] = {
    { "tausend", 1000 }, { "hundert", 100 },
  };
  const char *und;
  const char *found;

  g_assert (numbers != NULL);

  if (n == 0)
    return FALSE;
  for (guint k = 0; k < G_N_ELEMENTS (joints); k++)
    {
      const char *at = g_strstr_len (lower, n, joints[k].word);

      if (at != NULL)
        {
          gsize left_n = at - lower;
          gsize skip = left_n + strlen (joints[k].word);
          double left = 1, right = 0;

          if (left_n > 0 && !vera_quantities_parse_german_number (numbers, lower, left_n, &left))
            return FALSE;
          if (skip < n &&
              !vera_quantities_parse_german_number (numbers, lower + skip, n - skip, &right))
            return FALSE;
          *value = left * joints[k].factor + right;
          return TRUE;
        }
    }
  und = g_strstr_len (lower, n, "und");
  if (und != NULL && und > lower)
    return parse_german_units_and_tens (numbers, lower, n, und, value);
  found = vera_lexicon_lookup (numbers, lower, n);
  if (found == NULL)
    return FALSE;
  *value = g_ascii_strtod (found, NULL);
  return TRUE;
}

gboolean
vera_quantities_is_ordinal_suffix (VeraFigureScan *ctx,
                                   guint           i)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th", NULL };

  return i < ctx->n && is_glued (ctx, i) && vera_token_in (ctx->text, tok (ctx, i), suffixes);
}
