/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vera-quantities.h"
#include "vera-quantities-private.h"
#include "vera-quantities-zh.h"

/* The English word lists (scale words, units, number words, qualifiers, the words around a
 * counted noun) are data files, src/core/lexicon/data/en/figure-*.txt; VeraFigureScan holds the
 * lexicons of one call. Nothing in them is taken from any particular article. */

static const char * const currency_codes[] = {
  "USD", "CNY", "RMB", "EUR", "GBP", "JPY", "HKD", "CHF", "INR", "AUD", "CAD", "SGD", "KRW",
  "TWD", "RUB", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "NZD", "TRY", "SAR", "AED", NULL
};

/* TRUE when token @t is a word of @lexicon. */
static gboolean
token_in (VeraFigureScan    *ctx,
          const VeraToken   *t,
          const VeraLexicon *lexicon)
{
  return t->kind == VERA_TOKEN_WORD &&
         vera_lexicon_contains (lexicon, ctx->text + t->start, t->end - t->start);
}

/* The factor of the English scale word @w (@n bytes), 0 when it is none; @flags receives the
 * words after the factor in the lexicon ("money", "after-hundred"). */
static double
english_scale (VeraFigureScan  *ctx,
               const char      *w,
               gsize            n,
               const char     **flags)
{
  const char *value = vera_lexicon_lookup (ctx->english_scales, w, n);
  char *end;
  double factor;

  *flags = "";
  if (value == NULL)
    return 0;
  factor = g_ascii_strtod (value, &end);
  *flags = end;
  return factor;
}

/* The value of the NUMBER token @i in the sentence's conventions, NAN when it cannot be read
 * with certainty ("1.2.3", "1,5" in English). */
static double
number_value (VeraFigureScan *ctx,
              guint           i)
{
  const VeraToken *t = tok (ctx, i);
  double value;

  if (!vera_number_read (ctx->text + t->start, t->end - t->start, ctx->language, &value))
    return NAN;
  return value;
}

static gboolean
lookup_number_word (const VeraLexicon *lexicon,
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

/* "twenty-five" → 25, "five" → 5; @rest receives what follows a hyphen that is not part of the
 * number ("five-year" → 5, rest "year"). */
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
    return lookup_number_word (ctx->english_numbers, word, n, value);
  if (!lookup_number_word (ctx->english_numbers, word, hyphen - word, &a))
    return FALSE;
  if (a >= 20 && a <= 90 &&
      lookup_number_word (ctx->english_numbers, hyphen + 1, n - (hyphen + 1 - word), &b) &&
      b < 10)
    {
      *value = a + b;
      return TRUE;
    }
  *value = a;
  *rest = hyphen + 1;
  return TRUE;
}

/* A German number word, compounds included: "zwölf", "fünfunddreißig", "zweihundert",
 * "dreitausendfünfhundert". @lower is lower case. */
static gboolean
parse_german_number (const VeraLexicon *numbers,
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

          if (left_n > 0 && !parse_german_number (numbers, lower, left_n, &left))
            return FALSE;
          if (skip < n && !parse_german_number (numbers, lower + skip, n - skip, &right))
            return FALSE;
          *value = left * joints[k].factor + right;
          return TRUE;
        }
    }
  und = g_strstr_len (lower, n, "und");
  if (und != NULL && und > lower)
    {
      double units, tens;

      if (parse_german_number (numbers, lower, und - lower, &units) && units >= 1 && units <= 9 &&
          parse_german_number (numbers, und + 3, n - (und + 3 - lower), &tens) &&
          tens >= 20 && tens <= 90)
        {
          *value = units + tens;
          return TRUE;
        }
      return FALSE;
    }
  found = vera_lexicon_lookup (numbers, lower, n);
  if (found == NULL)
    return FALSE;
  *value = g_ascii_strtod (found, NULL);
  return TRUE;
}

static const char *
lookup_unit (VeraFigureScan *ctx,
             guint           i,
             guint          *n_tokens)
{
  const char *unit = NULL;
  guint m;

  if (tok (ctx, i)->kind != VERA_TOKEN_WORD)
    return NULL;
  /* The longest phrase: "percentage points" before "percentage", "us dollars" before "us". */
  m = vera_tokens_match_lexicon (ctx->text, ctx->tokens, i, ctx->english_units, &unit);
  if (m == 0)
    return NULL;
  *n_tokens = m;
  return unit;
}

static const char *
lookup_unit_word (VeraFigureScan *ctx,
                  const char     *word,
                  gsize           n)
{
  return vera_lexicon_lookup (ctx->english_units, word, n);
}

static const char *
currency_symbol (VeraFigureScan *ctx,
                 guint           i,
                 guint          *first)
{
  const VeraToken *t = tok (ctx, i);

  *first = i;
  if (t->kind == VERA_TOKEN_PUNCT)
    {
      switch (t->ch)
        {
        case '$':
          if (i > 0 && is_glued (ctx, i) && tok (ctx, i - 1)->kind == VERA_TOKEN_WORD)
            {
              static const struct { const char *prefix; const char *code; } dollars[] = {
                { "US", "USD" }, { "HK", "HKD" }, { "A", "AUD" }, { "AU", "AUD" },
                { "C", "CAD" }, { "CA", "CAD" }, { "S", "SGD" }, { "NT", "TWD" },
                { "NZ", "NZD" }, { "R", "BRL" }, { "MX", "MXN" },
              };
              for (guint k = 0; k < G_N_ELEMENTS (dollars); k++)
                if (is_word (ctx, i - 1, dollars[k].prefix))
                  {
                    *first = i - 1;
                    return dollars[k].code;
                  }
            }
          return "USD";
        case 0xA5: case 0xFFE5:
          return ctx->japanese ? "JPY" : "CNY";
        case 0x20AC:
          return "EUR";
        case 0xA3:
          return "GBP";
        case 0x20B9:
          return "INR";
        case 0x20A9:
          return "KRW";
        case 0x20BD:
          return "RUB";
        case 0x20BA:
          return "TRY";
        default:
          return NULL;
        }
    }
  if (t->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_UPPER))
    {
      for (guint k = 0; currency_codes[k] != NULL; k++)
        if (vera_token_is (ctx->text, t, currency_codes[k]))
          return k == 2 ? "CNY" : currency_codes[k];
    }
  if (is_word (ctx, i, "Rs"))
    return "INR";
  return NULL;
}

gboolean
vera_quantity_unit_is_currency (const char *unit)
{
  if (unit == NULL)
    return FALSE;
  for (guint k = 0; currency_codes[k] != NULL; k++)
    if (g_str_equal (unit, currency_codes[k]))
      return TRUE;
  return FALSE;
}

/* One figure without its unit: [currency] [-] number [scale] [%]. */
typedef struct
{
  guint       first;
  guint       last;
  double      value;
  const char *currency;
  gboolean    percent;
  gboolean    scaled;
  const char *rest;     /* a unit glued with a hyphen to a written number ("five-year") */
  gsize       rest_len;
} VeraFigureCore;

static gboolean
is_ordinal_suffix (VeraFigureScan *ctx,
                   guint           i)
{
  static const char * const suffixes[] = { "st", "nd", "rd", "th", NULL };

  return i < ctx->n && is_glued (ctx, i) && vera_token_in (ctx->text, tok (ctx, i), suffixes);
}

/* Whether the number at @i is part of a name or code rather than a figure: "Fortune 500",
 * "Chapter 1", "COVID-19", "5G", "24/7", "1990s", "1+X", "March 5". */
/* Whether token @k is a NUMBER with nothing but white space between it and token @k ± 1. */
static gboolean
is_spaced_number (VeraFigureScan *ctx,
                  guint           k)
{
  return k < ctx->n && tok (ctx, k)->kind == VERA_TOKEN_NUMBER && !is_glued (ctx, k);
}

static gboolean
is_glued_number (VeraFigureScan *ctx,
                 guint           k)
{
  return k < ctx->n && tok (ctx, k)->kind == VERA_TOKEN_NUMBER && is_glued (ctx, k);
}

/* Phone numbers, codes and dates written with digits: "0800 123 4567", "+1 555-123-4567",
 * "030 12345678", "report%282023%29", "14 March", "3. Mai". */
static gboolean
is_code_or_date (VeraFigureScan *ctx,
                 guint           i)
{
  const VeraToken *t = tok (ctx, i);
  const char *s = ctx->text + t->start;
  gsize n = t->end - t->start;

  g_assert (t->kind == VERA_TOKEN_NUMBER);

  /* A leading zero: an area code or a number in a code, never a quantity. */
  if (n >= 2 && s[0] == '0' && g_ascii_isdigit (s[1]))
    return TRUE;
  /* Digit groups set apart by spaces: a phone number, not two figures. */
  if (is_spaced_number (ctx, i + 1) || (i > 0 && !is_glued (ctx, i) &&
                                        tok (ctx, i - 1)->kind == VERA_TOKEN_NUMBER))
    return TRUE;
  /* "+1 555", "555-123-4567" */
  if (i > 0 && is_punct (ctx, i - 1, '+') && is_glued (ctx, i) && is_spaced_number (ctx, i + 1))
    return TRUE;
  if ((i >= 2 && is_dash (ctx, i - 1) && is_glued (ctx, i) && is_glued (ctx, i - 1) &&
       tok (ctx, i - 2)->kind == VERA_TOKEN_NUMBER &&
       ((is_dash (ctx, i + 1) && is_glued (ctx, i + 1) && is_glued_number (ctx, i + 2)) ||
        (i >= 4 && is_dash (ctx, i - 3) && tok (ctx, i - 4)->kind == VERA_TOKEN_NUMBER))) ||
      (is_dash (ctx, i + 1) && is_glued (ctx, i + 1) && is_glued_number (ctx, i + 2) &&
       is_dash (ctx, i + 3) && is_glued (ctx, i + 3) && is_glued_number (ctx, i + 4)))
    return TRUE;
  /* URL escapes: "%28" */
  if (i > 0 && is_punct (ctx, i - 1, '%') && is_glued (ctx, i))
    return TRUE;
  /* Dates: "14 March", "3. Mai", "March 14" (the last one below, with the month words). */
  if (ctx->months != NULL)
    {
      guint k = i + 1;

      if (is_punct (ctx, k, '.') && is_glued (ctx, k))
        k++;
      if (k < ctx->n && tok (ctx, k)->kind == VERA_TOKEN_WORD &&
          vera_tokens_match_lexicon (ctx->text, ctx->tokens, k, ctx->months, NULL) > 0)
        return TRUE;
    }
  /* "Nr. 5" */
  if (i >= 2 && is_punct (ctx, i - 1, '.') && is_word (ctx, i - 2, "Nr"))
    return TRUE;
  return FALSE;
}

static gboolean
is_name_number (VeraFigureScan *ctx,
                guint           i)
{
  const VeraToken *prev = i > 0 ? tok (ctx, i - 1) : NULL;
  gboolean german;

  if (is_code_or_date (ctx, i))
    return TRUE;
  /* German capitalises every noun: a capitalised word before a number says nothing. */
  german = ctx->language == VERA_LANGUAGE_DE;

  if (!german && prev != NULL && prev->kind == VERA_TOKEN_WORD && (prev->flags & VERA_TOKEN_CAPITAL) &&
      !token_in (ctx, prev, ctx->number_openers) &&
      !vera_token_has_suffix (ctx->text, prev, "'s") &&
      !vera_token_has_suffix (ctx->text, prev, "\xe2\x80\x99s") &&
      currency_symbol (ctx, i - 1, &(guint){0}) == NULL && !is_word (ctx, i - 1, "No"))
    return TRUE;
  if (prev != NULL && prev->kind == VERA_TOKEN_WORD && (prev->flags & VERA_TOKEN_GLUED) == 0 &&
      is_glued (ctx, i) && currency_symbol (ctx, i - 1, &(guint){0}) == NULL)
    return TRUE;
  if (prev != NULL && i >= 2 && (prev->flags & VERA_TOKEN_GLUED) && is_glued (ctx, i) &&
      is_dash (ctx, i - 1) && tok (ctx, i - 2)->kind == VERA_TOKEN_WORD)
    return TRUE;
  /* "24/7", "3:2" */
  if (prev != NULL && i >= 2 && is_glued (ctx, i) && (prev->ch == '/' || prev->ch == ':') &&
      (prev->flags & VERA_TOKEN_GLUED) && tok (ctx, i - 2)->kind == VERA_TOKEN_NUMBER)
    return TRUE;
  /* List markers: "1. Item", "2) Item" at the start of the sentence. */
  if ((i == 0 || (i == 1 && prev->kind == VERA_TOKEN_PUNCT)) &&
      (is_punct (ctx, i + 1, '.') || is_punct (ctx, i + 1, ')')) && is_glued (ctx, i + 1))
    return TRUE;
  if (prev != NULL && vera_token_in (ctx->text, prev, vera_quantities_month_words) &&
      (prev->flags & VERA_TOKEN_CAPITAL))
    return TRUE;
  if (i + 1 < ctx->n && is_glued (ctx, i + 1))
    {
      const VeraToken *next = tok (ctx, i + 1);

      if ((next->ch == '/' || next->ch == ':' || next->ch == '+') && i + 2 < ctx->n &&
          is_glued (ctx, i + 2) && tok (ctx, i + 2)->kind != VERA_TOKEN_PUNCT &&
          !is_word (ctx, i + 2, "h"))
        return TRUE;
      if (next->ch == '.' && i + 2 < ctx->n && is_glued (ctx, i + 2) &&
          tok (ctx, i + 2)->kind == VERA_TOKEN_NUMBER)
        return TRUE;  /* "1.2.3" versions */
      if (next->kind == VERA_TOKEN_WORD && !is_ordinal_suffix (ctx, i + 1))
        {
          gsize n = next->end - next->start;
          const char *w = ctx->text + next->start;
          const char *flags;
          gboolean known = english_scale (ctx, w, n, &flags) != 0;

          if (n == 1 && *w == 'K' && (i == 0 || currency_symbol (ctx, i - 1, &(guint){0}) == NULL))
            return TRUE;  /* "4K" video, not 4,000 */
          if (!known && ctx->scales != NULL)
            known = vera_lexicon_contains (ctx->scales, w, n) || vera_lexicon_contains (ctx->units, w, n);
          if (!known && lookup_unit_word (ctx, w, n) == NULL &&
              !(n == 1 && (*w == 'x' || *w == 'X')))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
parse_core (VeraFigureScan *ctx,
            guint           i,
            VeraFigureCore *core)
{
  const VeraToken *t = tok (ctx, i);
  guint j;

  memset (core, 0, sizeof *core);
  core->first = i;

  if (t->kind == VERA_TOKEN_NUMBER)
    {
      if (is_name_number (ctx, i))
        return FALSE;
      core->value = number_value (ctx, i);
      if (isnan (core->value))
        return FALSE;
    }
  else if (t->kind == VERA_TOKEN_WORD && ctx->language == VERA_LANGUAGE_DE)
    {
      g_autofree char *lower = g_utf8_strdown (ctx->text + t->start, t->end - t->start);
      gsize n = strlen (lower);

      /* "ein", "eine" are articles far more often than numbers. */
      if (g_str_has_prefix (lower, "ein") && n <= 5)
        return FALSE;
      if (!parse_german_number (vera_lexicon_get (VERA_LANGUAGE_DE, "figure-numbers"), lower, n,
                                &core->value))
        return FALSE;
    }
  else if (t->kind == VERA_TOKEN_WORD)
    {
      if (!vera_quantities_parse_number_word (ctx, ctx->text + t->start, t->end - t->start,
                                              &core->value, &core->rest))
        return FALSE;
      if (core->rest != NULL)
        core->rest_len = t->end - (core->rest - ctx->text);
      if (is_word (ctx, i, "a") || is_word (ctx, i, "dozen"))
        return FALSE;
      /* "Xbox One", "Formula One", "One X": a written number inside a name. */
      if (i > 0 && tok (ctx, i - 1)->kind == VERA_TOKEN_WORD &&
          (tok (ctx, i - 1)->flags & VERA_TOKEN_CAPITAL) &&
          !token_in (ctx, tok (ctx, i - 1), ctx->number_openers))
        return FALSE;
      if (i + 1 < ctx->n && (tok (ctx, i + 1)->flags & VERA_TOKEN_CAPITAL) &&
          tok (ctx, i + 1)->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_CAPITAL) && i > 0)
        return FALSE;
    }
  else
    return FALSE;

  /* Currency and sign before the number. */
  if (i > 0)
    {
      guint first;
      const char *cur = currency_symbol (ctx, i - 1, &first);

      if (cur != NULL)
        {
          core->currency = cur;
          core->first = first;
        }
      if (core->first > 0 && is_dash (ctx, core->first - 1) && is_glued (ctx, core->first) &&
          (core->first == 1 || !is_glued (ctx, core->first - 1) ||
           tok (ctx, core->first - 2)->kind == VERA_TOKEN_PUNCT) &&
          !(core->first >= 2 && tok (ctx, core->first - 2)->kind == VERA_TOKEN_NUMBER))
        {
          core->value = -core->value;
          core->first--;
        }
    }

  core->last = i;
  j = i + 1;
  if (core->rest != NULL)
    return TRUE;

  /* "thirty five", "seventy five thousand": tens and units written apart. */
  if (t->kind == VERA_TOKEN_WORD && core->value >= 20 && core->value <= 90 &&
      fmod (core->value, 10) == 0 && j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_WORD)
    {
      double unit_value;
      const char *rest = NULL;

      if (vera_quantities_parse_number_word (ctx, ctx->text + tok (ctx, j)->start,
                                             tok (ctx, j)->end - tok (ctx, j)->start,
                                             &unit_value, &rest) &&
          rest == NULL && unit_value >= 1 && unit_value <= 9)
        {
          core->value += unit_value;
          core->last = j++;
        }
    }

  /* German scale words: "27,4 Milliarden", "450 Mio.", "2,4 Billionen" (10^12). */
  if (ctx->scales != NULL)
    {
      const char *factor = NULL;
      guint m = j < ctx->n ? vera_tokens_match_lexicon (ctx->text, ctx->tokens, j, ctx->scales,
                                                        &factor) : 0;

      if (m > 0)
        {
          core->value *= g_ascii_strtod (factor, NULL);
          core->scaled = TRUE;
          core->last = j + m - 1;
          j += m;
        }
    }
  /* Scale: "1.5bn", "£3.2m", "50 billion", "a million". */
  else if (j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_WORD)
    {
      const VeraToken *s = tok (ctx, j);
      gsize n = s->end - s->start;
      const char *w = ctx->text + s->start;

      const char *flags;
      double factor = english_scale (ctx, w, n, &flags);

      do
        {
          gboolean single = n == 1;

          if (factor == 0)
            break;
          if (single && !is_glued (ctx, j))
            break;
          if (strstr (flags, "money") != NULL && core->currency == NULL &&
              !(*w == 'M' && factor == 1e6))
            break;
          if (single && *w == 'm' && core->currency == NULL)
            break;
          /* "5 m" after money, "3.2m" glued */
          core->value *= factor;
          core->scaled = TRUE;
          core->last = j++;
          /* "1.2 million million" does not happen; "a hundred thousand" does. */
          if (factor == 1e2 && j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_WORD)
            {
              const VeraToken *after = tok (ctx, j);
              const char *after_flags;
              double after_factor = english_scale (ctx, ctx->text + after->start,
                                                   after->end - after->start, &after_flags);

              if (after_factor != 0 && strstr (after_flags, "after-hundred") != NULL)
                {
                  core->value *= after_factor;
                  core->last = j++;
                }
            }
        }
      while (FALSE);
    }

  if (is_punct (ctx, j, '%') || is_punct (ctx, j, 0xFF05))
    {
      core->percent = TRUE;
      core->last = j;
    }
  return TRUE;
}

/* Collects the counted noun phrase that starts at token @i: words up to a function word,
 * punctuation, an adverb, or a verb after a plural noun. Returns the index of its last token,
 * or @i - 1 when there is none. */
static guint
counted_noun (VeraFigureScan *ctx,
              guint           i)
{
  guint last = i - 1;

  for (guint k = i; k < ctx->n && k < i + 4; k++)
    {
      const VeraToken *t = tok (ctx, k);
      gsize n = t->end - t->start;

      if (ctx->used[k])
        break;
      if (t->kind == VERA_TOKEN_NUMBER)
        {
          /* "79 Fortune 500 companies": a number inside a name. */
          if (k > i && (tok (ctx, k - 1)->flags & VERA_TOKEN_CAPITAL))
            continue;
          break;
        }
      if (t->kind != VERA_TOKEN_WORD || token_in (ctx, t, ctx->np_stops))
        break;
      if (k > i && (t->flags & VERA_TOKEN_CAPITAL) && !(t->flags & VERA_TOKEN_UPPER) &&
          !(tok (ctx, k - 1)->flags & VERA_TOKEN_CAPITAL))
        break;
      if (k > i && token_in (ctx, t, ctx->plural_verbs) &&
          vera_token_has_suffix (ctx->text, tok (ctx, k - 1), "s"))
        break;
      if (n > 5 && vera_token_has_suffix (ctx->text, t, "ly") &&
          !token_in (ctx, t, ctx->ly_nouns))
        break;
      if (k > i && (vera_token_has_suffix (ctx->text, t, "ing") ||
                    vera_token_has_suffix (ctx->text, t, "ed")) &&
          !memchr (ctx->text + t->start, '-', t->end - t->start) &&
          vera_token_has_suffix (ctx->text, tok (ctx, k - 1), "s") &&
          !vera_token_has_suffix (ctx->text, tok (ctx, k - 1), "ss"))
        break;
      last = k;
    }
  /* A noun phrase does not end in an adjective-like "-ing"/"-ed" word or a stray verb. */
  while (last + 1 > i && last < ctx->n &&
         (vera_token_has_suffix (ctx->text, tok (ctx, last), "ing") ||
          vera_token_has_suffix (ctx->text, tok (ctx, last), "ed")) && last > i)
    last--;
  /* "one representing", "two working": a verb, not a counted noun. */
  if (last == i && last < ctx->n && vera_token_has_suffix (ctx->text, tok (ctx, last), "ing") &&
      !memchr (ctx->text + tok (ctx, last)->start, '-',
               tok (ctx, last)->end - tok (ctx, last)->start))
    return i - 1;
  return last;
}

static const char *
find_qualifier (VeraFigureScan *ctx,
                guint           first,
                guint          *q_first)
{
  guint max_words;

  if (first == 0)
    return NULL;
  /* The lexicon first, longest phrase first: "no more than" before "more than", and German. */
  max_words = ctx->qualifiers != NULL ? vera_lexicon_get_max_words (ctx->qualifiers) : 0;
  for (guint w = MIN (max_words, first); w >= 1; w--)
    {
      const char *canonical = NULL;
      guint start = first - w;
      guint m = vera_tokens_match_lexicon (ctx->text, ctx->tokens, start, ctx->qualifiers,
                                           &canonical);

      if (m == w)
        {
          const VeraToken *t = tok (ctx, start);

          *q_first = start;
          /* English keeps the qualifier as written unless it negates ("no fewer than" is "at
           * least"); other languages give the canonical phrase. */
          if (ctx->language == VERA_LANGUAGE_DE ||
              g_ascii_strncasecmp (ctx->text + t->start, "no", 2) == 0)
            return canonical;
          break;
        }
    }
  /* Then the qualifiers English keeps as written, longest phrase first ("just over" before
   * "over"). */
  max_words = vera_lexicon_get_max_words (ctx->english_written_qualifiers);
  for (guint w = MIN (max_words, first); w >= 1; w--)
    {
      const char *written = NULL;

      if (vera_tokens_match_lexicon (ctx->text, ctx->tokens, first - w,
                                     ctx->english_written_qualifiers, &written) == w)
        {
          *q_first = first - w;
          return written;
        }
    }
  return NULL;
}

static void
found_clear (gpointer data)
{
  VeraFoundFigure *f = data;

  g_clear_pointer (&f->q, vera_quantity_free);
}

static void
emit (VeraFigureScan *ctx,
      GArray         *found,
      guint           first,
      guint           last,
      double          value,
      double          value_to,
      const char     *unit,
      guint           noun_first,
      guint           noun_last,
      const char     *qualifier)
{
  VeraFoundFigure f;
  VeraQuantity *q = vera_quantity_new ();

  q->value = value;
  q->value_to = value_to;
  q->unit = g_strdup (unit);
  q->text = g_strndup (ctx->text + tok (ctx, first)->start,
                       tok (ctx, last)->end - tok (ctx, first)->start);
  if (noun_last != G_MAXUINT && noun_last >= noun_first)
    q->noun = g_strndup (ctx->text + tok (ctx, noun_first)->start,
                         tok (ctx, noun_last)->end - tok (ctx, noun_first)->start);
  q->qualifier = g_strdup (qualifier);
  q->start = tok (ctx, first)->cp_start;
  q->end = tok (ctx, last)->cp_end;
  for (guint k = first; k <= last; k++)
    ctx->used[k] = TRUE;
  f.first = first;
  f.last = last;
  f.q = q;
  g_array_append_val (found, f);
}

/* Ranks: "ranks 3", "ranked No. 1", "#2", "top 100", "3rd", "second-largest". */
static gboolean
try_rank (VeraFigureScan *ctx,
          guint           i,
          GArray         *found)
{
  static const char * const rank_verbs[] = { "rank", "ranks", "ranked", "ranking", NULL };
  const VeraToken *t = tok (ctx, i);
  double v;

  if (t->kind == VERA_TOKEN_NUMBER && !memchr (ctx->text + t->start, '.', t->end - t->start))
    {
      guint last = i;
      const char *qual = NULL;

      v = number_value (ctx, i);
      if (isnan (v))
        return FALSE;
      if (is_ordinal_suffix (ctx, i + 1))
        {
          if (is_word (ctx, i + 2, "century") || is_word (ctx, i + 2, "anniversary") ||
              is_word (ctx, i + 2, "birthday"))
            return FALSE;
          last = i + 1;
        }
      else if (i > 0 && is_punct (ctx, i - 1, '#') && is_glued (ctx, i))
        ;
      else if (i >= 2 && is_punct (ctx, i - 1, '.') && is_word (ctx, i - 2, "No"))
        ;
      else if (i > 0 && vera_token_in (ctx->text, tok (ctx, i - 1), rank_verbs))
        ;
      else if (i > 0 && is_word (ctx, i - 1, "top"))
        qual = "top";
      else
        return FALSE;
      emit (ctx, found, i, last, v, NAN, "rank", 0, G_MAXUINT, qual);
      return TRUE;
    }
  if (t->kind == VERA_TOKEN_WORD)
    {
      const char *w = ctx->text + t->start;
      const char *hyphen = memchr (w, '-', t->end - t->start);
      gsize n = hyphen != NULL ? (gsize) (hyphen - w) : t->end - t->start;
      gboolean is_rank;

      if (!lookup_number_word (ctx->english_ordinals, w, n, &v))
        return FALSE;
      if (hyphen != NULL)
        {
          /* "second-largest", "third-biggest" */
          gsize total = t->end - t->start;

          is_rank = total > n + 4 && g_ascii_strncasecmp (w + total - 3, "est", 3) == 0;
        }
      else
        {
          is_rank = (i > 0 && vera_token_in (ctx->text, tok (ctx, i - 1), rank_verbs)) ||
                    is_word (ctx, i + 1, "place") ||
                    (i + 1 < ctx->n && tok (ctx, i + 1)->end - tok (ctx, i + 1)->start > 4 &&
                     vera_token_has_suffix (ctx->text, tok (ctx, i + 1), "est") &&
                     !is_word (ctx, i + 1, "interest") && !is_word (ctx, i + 1, "forest"));
        }
      if (is_rank)
        {
          emit (ctx, found, i, i, v, NAN, "rank", 0, G_MAXUINT, NULL);
          return TRUE;
        }
    }
  return FALSE;
}

/* Fractions: "one-third", "two-thirds", "a third of", "half of", "by half". */
static gboolean
try_fraction (VeraFigureScan *ctx,
              guint           i,
              GArray         *found)
{
  const VeraToken *t = tok (ctx, i);
  const char *w = ctx->text + t->start;
  gsize n = t->end - t->start;
  const char *hyphen;
  double num = 1, den;
  guint first = i;
  const char *qual;
  guint q_first;

  if (t->kind != VERA_TOKEN_WORD)
    return FALSE;
  hyphen = memchr (w, '-', n);
  if (hyphen != NULL)
    {
      if (!lookup_number_word (ctx->english_numbers, w, hyphen - w, &num) ||
          !lookup_number_word (ctx->english_fractions, hyphen + 1, n - (hyphen + 1 - w), &den))
        return FALSE;
    }
  else
    {
      if (!lookup_number_word (ctx->english_fractions, w, n, &den))
        return FALSE;
      if (den != 2)
        {
          const char *rest;

          if (i == 0)
            return FALSE;
          if (is_word (ctx, i - 1, "a") || is_word (ctx, i - 1, "one"))
            num = 1;
          else if (!(tok (ctx, i - 1)->kind == VERA_TOKEN_WORD &&
                     vera_quantities_parse_number_word (ctx, ctx->text + tok (ctx, i - 1)->start,
                                        tok (ctx, i - 1)->end - tok (ctx, i - 1)->start,
                                        &num, &rest) && rest == NULL))
            return FALSE;
          first = i - 1;
        }
      if (!(is_word (ctx, i + 1, "of") || is_word (ctx, i + 1, "the") ||
            (first > 0 && is_word (ctx, first - 1, "by"))))
        return FALSE;
    }
  qual = find_qualifier (ctx, first, &q_first);
  emit (ctx, found, first, i, 100.0 * num / den, NAN, "percent", 0, G_MAXUINT, qual);
  return TRUE;
}

static gboolean
try_figure (VeraFigureScan *ctx,
            guint           i,
            GArray         *found)
{
  VeraFigureCore a, b;
  gboolean range = FALSE;
  guint j;
  const char *unit = NULL;
  guint last;
  guint noun_first = 0, noun_last = G_MAXUINT;
  const char *qual;
  guint q_first;
  double value, value_to = NAN;
  gboolean written = tok (ctx, i)->kind == VERA_TOKEN_WORD;

  if (!parse_core (ctx, i, &a))
    return FALSE;
  j = a.last + 1;

  /* Ranges: "2,000-3,000", "from 80% to 37%", "between 3 and 5", "3 to 5 million". */
  if (a.rest == NULL && j + 1 < ctx->n && !ctx->used[j + 1])
    {
      gboolean german = ctx->language == VERA_LANGUAGE_DE;
      gboolean from = a.first > 0 && is_word (ctx, a.first - 1, german ? "von" : "from");
      gboolean between = a.first > 0 && is_word (ctx, a.first - 1, german ? "zwischen" : "between");
      guint k = j + 1;

      if (currency_symbol (ctx, k, &(guint){0}) != NULL && k + 1 < ctx->n)
        k++;
      if (((is_dash (ctx, j) && is_glued (ctx, k)) ||
           (is_word (ctx, j, german ? "bis" : "to") && (from || between ||
                                        (!a.percent && a.currency == NULL))) ||
           (is_word (ctx, j, german ? "und" : "and") && between)) &&
          tok (ctx, k)->kind == VERA_TOKEN_NUMBER && !vera_quantities_is_year (ctx, k) &&
          parse_core (ctx, k, &b) &&
          (from || between || is_dash (ctx, j) || b.scaled || b.percent ||
           (german && b.last + 1 < ctx->n &&
            vera_tokens_match_lexicon (ctx->text, ctx->tokens, b.last + 1, ctx->units, NULL) > 0) ||
           (a.currency != NULL && b.currency != NULL)))
        {
          range = TRUE;
          if (!a.scaled && b.scaled && fabs (a.value) < fabs (b.value))
            {
              double factor = 1;

              for (double bv = fabs (b.value); bv >= 1000 * fabs (a.value) * factor && factor < 1e12; )
                factor *= 1000;
              a.value *= factor;
            }
          if (b.percent)
            a.percent = TRUE;
          if (a.currency == NULL)
            a.currency = b.currency;
          j = b.last + 1;
        }
    }
  last = range ? b.last : a.last;
  value = a.value;
  if (range)
    value_to = b.value;

  if (a.rest != NULL)
    {
      unit = lookup_unit_word (ctx, a.rest, a.rest_len);
      if (unit == NULL)
        {
          unit = "count";
          noun_first = noun_last = i;
        }
    }
  else if (a.percent)
    unit = "percent";
  else
    {
      guint n_tok = 0;
      const char *word_unit = NULL;

      const char *symbol_unit = NULL;
      const char *lexicon_unit = NULL;
      guint m = 0;

      if (j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_PUNCT && a.currency == NULL)
        symbol_unit = currency_symbol (ctx, j, &(guint){0});
      if (ctx->units != NULL && j < ctx->n)
        m = vera_tokens_match_lexicon (ctx->text, ctx->tokens, j, ctx->units, &lexicon_unit);

      /* "10 €", "5 $": the symbol after the number. */
      if (symbol_unit != NULL)
        {
          unit = symbol_unit;
          last = j;
          a.currency = symbol_unit;
        }
      /* German units and currencies: "15 Prozent", "2.780 Euro", "1.250 Kilometer". */
      else if (m > 0)
        {
          unit = lexicon_unit;
          last = j + m - 1;
          if (vera_quantity_unit_is_currency (unit) && a.currency == NULL)
            a.currency = unit;
        }
      /* German counted nouns are capitalised: "16.000 Mitarbeiter", "300 Schulen". */
      else if (ctx->language == VERA_LANGUAGE_DE && a.currency == NULL && j < ctx->n &&
               tok (ctx, j)->kind == VERA_TOKEN_WORD && (tok (ctx, j)->flags & VERA_TOKEN_CAPITAL) &&
               !(tok (ctx, j)->flags & VERA_TOKEN_UPPER) && !ctx->used[j])
        {
          unit = "count";
          noun_first = noun_last = j;
          last = j;
        }
      else if (ctx->language == VERA_LANGUAGE_DE)
        ;  /* no English unit words after a German number */
      /* "512-qubit", "2,500-word" */
      else if (is_dash (ctx, j) && is_glued (ctx, j) && is_glued (ctx, j + 1) && j + 1 < ctx->n &&
          tok (ctx, j + 1)->kind == VERA_TOKEN_WORD)
        {
          const VeraToken *w = tok (ctx, j + 1);

          word_unit = lookup_unit_word (ctx, ctx->text + w->start, w->end - w->start);
          last = j + 1;
          if (word_unit != NULL)
            unit = word_unit;
          else
            {
              /* The compound is an adjective: "a 2,500-word report" counts words. */
              unit = "count";
              noun_first = noun_last = j + 1;
            }
        }
      else if (is_punct (ctx, j, 0xB0) && is_glued (ctx, j) &&
               (is_word (ctx, j + 1, "C") || is_word (ctx, j + 1, "F")) && is_glued (ctx, j + 1))
        {
          /* "21°C" */
          unit = is_word (ctx, j + 1, "C") ? "degC" : "degF";
          last = j + 1;
        }
      else if (j < ctx->n && (word_unit = lookup_unit (ctx, j, &n_tok)) != NULL &&
               !((is_word (ctx, j, "c") || is_word (ctx, j, "f")) &&
                 !(is_glued (ctx, j) && g_ascii_isupper (ctx->text[tok (ctx, j)->start]))) &&
               !(is_glued (ctx, j) && tok (ctx, j)->kind == VERA_TOKEN_WORD &&
                 g_ascii_isupper (ctx->text[tok (ctx, j)->start]) &&
                 tok (ctx, j)->end - tok (ctx, j)->start == 1 &&
                 !is_word (ctx, j, "C") && !is_word (ctx, j, "F")))
        {
          unit = word_unit;
          last = j + n_tok - 1;
          /* "km²", "m2" */
          if ((g_str_equal (unit, "km") || g_str_equal (unit, "m") || g_str_equal (unit, "mi")) &&
              (is_punct (ctx, last + 1, 0xB2) ||
               (is_glued (ctx, last + 1) && tok (ctx, last + 1)->kind == VERA_TOKEN_NUMBER &&
                number_value (ctx, last + 1) == 2)))
            {
              unit = g_str_equal (unit, "km") ? "km2" : g_str_equal (unit, "m") ? "m2" : "mi2";
              last++;
            }
          else if (g_str_equal (unit, "km") && is_punct (ctx, last + 1, '/') && is_word (ctx, last + 2, "h"))
            {
              unit = "km/h";
              last += 2;
            }
          if (g_str_equal (unit, "GBP") && a.currency == NULL &&
              (is_word (ctx, last + 1, "of") || !ctx->money) &&
              (is_word (ctx, last, "pounds") || is_word (ctx, last, "pound")))
            unit = "lb";
        }
      else if (is_glued (ctx, j) && (is_word (ctx, j, "x") || is_word (ctx, j, "X")))
        {
          unit = "times";
          last = j;
        }
      else if (a.currency == NULL && j < ctx->n && !is_word (ctx, j, "of"))
        {
          guint nl = counted_noun (ctx, j);

          if (nl != G_MAXUINT && nl >= j)
            {
              unit = "count";
              noun_first = j;
              noun_last = nl;
              last = nl;
            }
        }
      if (a.currency != NULL && unit != NULL && !vera_quantity_unit_is_currency (unit))
        {
          last = range ? b.last : a.last;
          unit = NULL;
        }
      if (a.currency != NULL)
        unit = a.currency;
    }

  /* Written numbers only count with a unit or a counted noun: "one of the", "one
   * representing" are not figures. */
  if (written && unit == NULL)
    return FALSE;
  if (written && is_word (ctx, i, "one") && g_strcmp0 (unit, "count") == 0 &&
      noun_first == noun_last && vera_token_has_suffix (ctx->text, tok (ctx, noun_first), "s"))
    return FALSE;

  qual = find_qualifier (ctx, a.first, &q_first);
  if (qual == NULL && is_punct (ctx, a.last + 1, '+') && !range)
    qual = "more than";
  emit (ctx, found, a.first, last, value, value_to, unit, noun_first, noun_last, qual);
  return TRUE;
}

void
vera_quantities_ctx_init (VeraFigureScan *ctx,
                          const char     *text,
                          gsize           len,
                          GArray         *tokens)
{
  const VeraLexicon *money_words;

  ctx->text = text;
  ctx->len = len;
  ctx->tokens = tokens != NULL ? g_array_ref (tokens) : vera_tokens_split (text, len);
  ctx->n = ctx->tokens->len;
  ctx->used = g_new0 (guint8, ctx->n + 1);
  ctx->scopes = g_array_new (FALSE, TRUE, sizeof (VeraFigureScope));
  g_array_set_clear_func (ctx->scopes, scope_clear);
  ctx->japanese = FALSE;
  ctx->money = FALSE;
  /* The English lists serve every language: English units and scales are written in German and
   * Chinese articles too, and the grammar falls back to them. */
  ctx->english_units = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-units");
  ctx->english_scales = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-scales");
  ctx->english_numbers = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-number-words");
  ctx->english_fractions = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-fractions");
  ctx->english_ordinals = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-ordinals");
  ctx->english_written_qualifiers = vera_lexicon_get (VERA_LANGUAGE_EN,
                                                      "figure-qualifiers-written");
  ctx->number_openers = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-number-openers");
  ctx->np_stops = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-np-stops");
  ctx->plural_verbs = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-plural-verbs");
  ctx->ly_nouns = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-ly-nouns");
  money_words = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-money-words");
  /* ctx->language is the caller's (zero: UND). German has its own scale, unit, qualifier and
   * month words; English keeps the tables of this file for scales and units. */
  if (ctx->language == VERA_LANGUAGE_DE)
    {
      ctx->scales = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-scales");
      ctx->units = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-units");
      ctx->qualifiers = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-qualifiers");
      ctx->months = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-months");
    }
  else
    {
      ctx->scales = ctx->units = NULL;
      ctx->qualifiers = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-qualifiers");
      ctx->months = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-months");
    }
  for (guint i = 0; i < ctx->n; i++)
    {
      if (is_word (ctx, i, "yen") || is_word (ctx, i, "Japan") || is_word (ctx, i, "Japanese") ||
          is_word (ctx, i, "JPY"))
        ctx->japanese = TRUE;
      if (is_punct (ctx, i, 0xA3) || token_in (ctx, tok (ctx, i), money_words))
        ctx->money = TRUE;
    }
  vera_quantities_scan_scopes (ctx);
}

void
vera_quantities_ctx_clear (VeraFigureScan *ctx)
{
  g_clear_pointer (&ctx->tokens, g_array_unref);
  g_clear_pointer (&ctx->used, g_free);
  g_clear_pointer (&ctx->scopes, g_array_unref);
}

GPtrArray *
vera_quantities_extract (const char *sentence,
                         gsize       len)
{
  return vera_quantities_extract_tokens (sentence, len, NULL);
}

GPtrArray *
vera_quantities_extract_tokens (const char *sentence,
                                gsize       len,
                                GArray     *tokens)
{
  return vera_quantities_extract_language (sentence, len, tokens, VERA_LANGUAGE_UND);
}

GPtrArray *
vera_quantities_extract_language (const char  *sentence,
                                  gsize        len,
                                  GArray      *tokens,
                                  VeraLanguage language)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_quantity_free);
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (VeraFoundFigure));
  VeraFigureScan ctx = { 0, };

  g_return_val_if_fail (sentence != NULL || len == 0, result);

  if (language == VERA_LANGUAGE_ZH ||
      (language == VERA_LANGUAGE_UND && vera_quantities_zh_applies (sentence, len)))
    {
      g_ptr_array_unref (result);
      return vera_quantities_zh_extract (sentence, len);
    }

  g_array_set_clear_func (found, found_clear);
  ctx.language = language;
  vera_quantities_ctx_init (&ctx, sentence, len, tokens);

  for (guint i = 0; i < ctx.n; i++)
    {
      const VeraToken *t = tok (&ctx, i);

      if (ctx.used[i])
        continue;
      /* Words start a figure only when they are number, fraction or ordinal words. */
      if (t->kind == VERA_TOKEN_WORD && language != VERA_LANGUAGE_DE &&
          strchr ("defhnoqstDEFHNOQST", sentence[t->start]) == NULL)
        continue;
      if (t->kind == VERA_TOKEN_PUNCT)
        continue;
      if (try_rank (&ctx, i, found) || try_fraction (&ctx, i, found))
        continue;
      try_figure (&ctx, i, found);
    }

  vera_quantities_assign_scopes (&ctx, found);
  for (guint f = 0; f < found->len; f++)
    g_ptr_array_add (result, g_steal_pointer (&g_array_index (found, VeraFoundFigure, f).q));
  vera_quantities_ctx_clear (&ctx);
  return result;
}


gboolean
vera_quantities_lexicons_sorted (void)
{
  /* The English word lists are lexicons now (hashed, validated by tests/test-lexicon.c); the
   * month words of the scope scanner are still a sorted array. */
  return vera_lexicon_is_sorted (vera_quantities_month_words);
}
