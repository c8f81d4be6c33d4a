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
      if (vera_quantities_is_name_number (ctx, i))
        return FALSE;
      core->value = vera_quantities_number_value (ctx, i);
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
      if (!vera_quantities_parse_german_number (vera_lexicon_get (VERA_LANGUAGE_DE, "figure-numbers"), lower, n,
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
      const char *cur = vera_quantities_currency_symbol (ctx, i - 1, &first);

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

  j = vera_quantities_read_scale (ctx, core, j);

  if (is_punct (ctx, j, '%') || is_punct (ctx, j, 0xFF05))
    {
      core->percent = TRUE;
      core->last = j;
    }
  return TRUE;
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

      v = vera_quantities_number_value (ctx, i);
      if (isnan (v))
        return FALSE;
      if (vera_quantities_is_ordinal_suffix (ctx, i + 1))
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

      if (!vera_quantities_lookup_number_word (ctx->english_ordinals, w, n, &v))
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
      if (!vera_quantities_lookup_number_word (ctx->english_numbers, w, hyphen - w, &num) ||
          !vera_quantities_lookup_number_word (ctx->english_fractions, hyphen + 1, n - (hyphen + 1 - w), &den))
        return FALSE;
    }
  else
    {
      if (!vera_quantities_lookup_number_word (ctx->english_fractions, w, n, &den))
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
  qual = vera_quantities_find_qualifier (ctx, first, &q_first);
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

      if (vera_quantities_currency_symbol (ctx, k, &(guint){0}) != NULL && k + 1 < ctx->n)
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
