/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-quantities.h"
#include "vera-quantities-private.h"
#include "vera-quantities-zh.h"

/* The public entry points of the quantity extractor. Chinese goes to its own grammar
 * (vera-quantities-zh.c); every other language walks the tokens once, trying a rank, a
 * fraction, then a figure at each token not yet used (vera-quantities-private.h tells which
 * file does what). The word lists are data files, src/core/lexicon/data/LANG/figure-*.txt;
 * nothing in them is taken from any particular article. */

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

const char *
vera_quantities_lookup_unit_word (VeraFigureScan *ctx,
                                  const char     *word,
                                  gsize           n)
{
  return vera_lexicon_lookup (ctx->english_units, word, n);
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

  if (!vera_quantities_read_core (ctx, i, &a))
    return FALSE;
  j = a.last + 1;

  /* Ranges: "2,000-3,000", "from 80% to 37%", "between 3 and 5", "3 to 5 million". */
  if (a.rest == NULL && j + 1 < ctx->n && !ctx->used[j + 1])
    {
      gboolean german = ctx->language == VERA_LANGUAGE_DE;
      gboolean from = a.first > 0 && is_word (ctx, a.first - 1, german ? "von" : "from");
      gboolean between = a.first > 0 && is_word (ctx, a.first - 1, german ? "zwischen" : "between");
      guint k = j + 1;

      if (vera_quantities_currency_symbol (ctx, k, &(guint){0}) != NULL && k + 1 < ctx->n)
        k++;
      if (((is_dash (ctx, j) && is_glued (ctx, k)) ||
           (is_word (ctx, j, german ? "bis" : "to") && (from || between ||
                                        (!a.percent && a.currency == NULL))) ||
           (is_word (ctx, j, german ? "und" : "and") && between)) &&
          tok (ctx, k)->kind == VERA_TOKEN_NUMBER && !vera_quantities_is_year (ctx, k) &&
          vera_quantities_read_core (ctx, k, &b) &&
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
      unit = vera_quantities_lookup_unit_word (ctx, a.rest, a.rest_len);
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
        symbol_unit = vera_quantities_currency_symbol (ctx, j, &(guint){0});
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

          word_unit = vera_quantities_lookup_unit_word (ctx, ctx->text + w->start, w->end - w->start);
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
                vera_quantities_number_value (ctx, last + 1) == 2)))
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
          guint nl = vera_quantities_counted_noun (ctx, j);

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

  qual = vera_quantities_find_qualifier (ctx, a.first, &q_first);
  if (qual == NULL && is_punct (ctx, a.last + 1, '+') && !range)
    qual = "more than";
  vera_quantities_emit (ctx, found, a.first, last, value, value_to, unit, noun_first, noun_last, qual);
  return TRUE;
}

/* Whether a figure may start at token @i: words only when they may be number, fraction or
 * ordinal words. */
static gboolean
may_start_figure (VeraFigureScan *ctx,
                  guint           i)
{
  const VeraToken *t = tok (ctx, i);

  if (ctx->used[i])
    return FALSE;
  if (t->kind == VERA_TOKEN_WORD && ctx->language != VERA_LANGUAGE_DE &&
      strchr ("defhnoqstDEFHNOQST", ctx->text[t->start]) == NULL)
    return FALSE;
  return t->kind != VERA_TOKEN_PUNCT;
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

  g_array_set_clear_func (found, vera_quantities_found_clear);
  ctx.language = language;
  vera_quantities_ctx_init (&ctx, sentence, len, tokens);

  for (guint i = 0; i < ctx.n; i++)
    {
      if (!may_start_figure (&ctx, i))
        continue;
      if (vera_quantities_try_rank (&ctx, i, found) ||
          vera_quantities_try_fraction (&ctx, i, found))
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
