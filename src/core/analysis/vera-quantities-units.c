/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include "vera-quantities.h"
#include "vera-quantities-private.h"

/* The unit of a figure, from what follows its number: a currency symbol or word ("10 €",
 * "2.780 Euro"), a measure ("km²", "21°C", "15 Prozent", "512-qubit"), "times" ("3x") or a
 * counted noun ("16.000 Mitarbeiter", "12 electric buses"). A currency before the number wins
 * over any unit after it but another currency. */

const char *
vera_quantities_lookup_unit_word (VeraFigureScan *ctx,
                                  const char     *word,
                                  gsize           n)
{
  return vera_lexicon_lookup (ctx->english_units, word, n);
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

/* "10 €", "5 $": the symbol after the number. */
static gboolean
attach_symbol_after (VeraFigureScan  *ctx,
                     VeraFigureDraft *d)
{
  guint j = d->next;
  const char *symbol_unit = NULL;

  if (j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_PUNCT && d->from.currency == NULL)
    symbol_unit = vera_quantities_currency_symbol (ctx, j, &(guint){0});
  if (symbol_unit == NULL)
    return FALSE;
  d->unit = symbol_unit;
  d->last = j;
  d->from.currency = symbol_unit;
  return TRUE;
}

/* German units and currencies: "15 Prozent", "2.780 Euro", "1.250 Kilometer". */
static gboolean
attach_lexicon_unit (VeraFigureScan  *ctx,
                     VeraFigureDraft *d)
{
  guint j = d->next;
  const char *lexicon_unit = NULL;
  guint m = 0;

  if (ctx->units != NULL && j < ctx->n)
    m = vera_tokens_match_lexicon (ctx->text, ctx->tokens, j, ctx->units, &lexicon_unit);
  if (m == 0)
    return FALSE;
  d->unit = lexicon_unit;
  d->last = j + m - 1;
  if (vera_quantity_unit_is_currency (d->unit) && d->from.currency == NULL)
    d->from.currency = d->unit;
  return TRUE;
}

/* German counted nouns are capitalised: "16.000 Mitarbeiter", "300 Schulen". */
static void
attach_german_noun (VeraFigureScan  *ctx,
                    VeraFigureDraft *d)
{
  guint j = d->next;

  if (d->from.currency == NULL && j < ctx->n &&
      tok (ctx, j)->kind == VERA_TOKEN_WORD && (tok (ctx, j)->flags & VERA_TOKEN_CAPITAL) &&
      !(tok (ctx, j)->flags & VERA_TOKEN_UPPER) && !ctx->used[j])
    {
      d->unit = "count";
      d->noun_first = d->noun_last = j;
      d->last = j;
    }
}

/* "512-qubit", "2,500-word": a unit or a counted noun glued with a hyphen. */
static gboolean
attach_compound (VeraFigureScan  *ctx,
                 VeraFigureDraft *d)
{
  guint j = d->next;
  const VeraToken *w;
  const char *word_unit;

  if (!(is_dash (ctx, j) && is_glued (ctx, j) && is_glued (ctx, j + 1) && j + 1 < ctx->n &&
        tok (ctx, j + 1)->kind == VERA_TOKEN_WORD))
    return FALSE;
  w = tok (ctx, j + 1);
  word_unit = vera_quantities_lookup_unit_word (ctx, ctx->text + w->start, w->end - w->start);
  d->last = j + 1;
  if (word_unit != NULL)
    d->unit = word_unit;
  else
    {
      /* The compound is an adjective: "a 2,500-word report" counts words. */
      d->unit = "count";
      d->noun_first = d->noun_last = j + 1;
    }
  return TRUE;
}

/* "21°C" */
static gboolean
attach_degrees (VeraFigureScan  *ctx,
                VeraFigureDraft *d)
{
  guint j = d->next;

  if (!(is_punct (ctx, j, 0xB0) && is_glued (ctx, j) &&
        (is_word (ctx, j + 1, "C") || is_word (ctx, j + 1, "F")) && is_glued (ctx, j + 1)))
    return FALSE;
  d->unit = is_word (ctx, j + 1, "C") ? "degC" : "degF";
  d->last = j + 1;
  return TRUE;
}

/* Whether a unit word at token @j may be one here: not "c" or "f" on their own, nor a single
 * capital glued to the number ("5G") other than C and F. */
static gboolean
may_be_unit_word (VeraFigureScan *ctx,
                  guint           j)
{
  return !((is_word (ctx, j, "c") || is_word (ctx, j, "f")) &&
           !(is_glued (ctx, j) && g_ascii_isupper (ctx->text[tok (ctx, j)->start]))) &&
         !(is_glued (ctx, j) && tok (ctx, j)->kind == VERA_TOKEN_WORD &&
           g_ascii_isupper (ctx->text[tok (ctx, j)->start]) &&
           tok (ctx, j)->end - tok (ctx, j)->start == 1 &&
           !is_word (ctx, j, "C") && !is_word (ctx, j, "F"));
}

/* What may follow a unit word: "km²", "m2", "km/h"; and "pounds" of weight, not sterling,
 * when the sentence does not speak of money or says "pounds of". */
static void
refine_unit_word (VeraFigureScan  *ctx,
                  VeraFigureDraft *d)
{
  const char *unit = d->unit;
  guint last = d->last;

  if ((g_str_equal (unit, "km") || g_str_equal (unit, "m") || g_str_equal (unit, "mi")) &&
      (is_punct (ctx, last + 1, 0xB2) ||
       (is_glued (ctx, last + 1) && tok (ctx, last + 1)->kind == VERA_TOKEN_NUMBER &&
        vera_quantities_number_value (ctx, last + 1) == 2)))
    {
      unit = g_str_equal (unit, "km") ? "km2" : g_str_equal (unit, "m") ? "m2" : "mi2";
      last++;
    }
  else if (g_str_equal (unit, "km") && is_punct (ctx, last + 1, '/') &&
           is_word (ctx, last + 2, "h"))
    {
      unit = "km/h";
      last += 2;
    }
  if (g_str_equal (unit, "GBP") && d->from.currency == NULL &&
      (is_word (ctx, last + 1, "of") || !ctx->money) &&
      (is_word (ctx, last, "pounds") || is_word (ctx, last, "pound")))
    unit = "lb";
  d->unit = unit;
  d->last = last;
}

/* English unit words and phrases: "percentage points", "tonnes", "km", "US dollars". */
static gboolean
attach_unit_word (VeraFigureScan  *ctx,
                  VeraFigureDraft *d)
{
  guint j = d->next;
  guint n_tok = 0;
  const char *word_unit;

  if (!(j < ctx->n && (word_unit = lookup_unit (ctx, j, &n_tok)) != NULL &&
        may_be_unit_word (ctx, j)))
    return FALSE;
  d->unit = word_unit;
  d->last = j + n_tok - 1;
  refine_unit_word (ctx, d);
  return TRUE;
}

/* "3x", "10X" */
static gboolean
attach_times (VeraFigureScan  *ctx,
              VeraFigureDraft *d)
{
  guint j = d->next;

  if (!(is_glued (ctx, j) && (is_word (ctx, j, "x") || is_word (ctx, j, "X"))))
    return FALSE;
  d->unit = "times";
  d->last = j;
  return TRUE;
}

/* "12 electric buses": an English counted noun, never after money or before "of". */
static void
attach_counted_noun (VeraFigureScan  *ctx,
                     VeraFigureDraft *d)
{
  guint j = d->next;
  guint nl;

  if (!(d->from.currency == NULL && j < ctx->n && !is_word (ctx, j, "of")))
    return;
  nl = vera_quantities_counted_noun (ctx, j);
  if (nl != G_MAXUINT && nl >= j)
    {
      d->unit = "count";
      d->noun_first = j;
      d->noun_last = nl;
      d->last = nl;
    }
}

/* The unit after the number or range, in order of certainty. */
static void
attach_unit_after (VeraFigureScan  *ctx,
                   VeraFigureDraft *d)
{
  if (attach_symbol_after (ctx, d) || attach_lexicon_unit (ctx, d))
    return;
  if (ctx->language == VERA_LANGUAGE_DE)
    {
      /* No English unit words after a German number. */
      attach_german_noun (ctx, d);
      return;
    }
  if (attach_compound (ctx, d) || attach_degrees (ctx, d) || attach_unit_word (ctx, d) ||
      attach_times (ctx, d))
    return;
  attach_counted_noun (ctx, d);
}

void
vera_quantities_attach_unit (VeraFigureScan  *ctx,
                             guint            i,
                             VeraFigureDraft *draft)
{
  VeraFigureCore *a = &draft->from;

  g_assert (draft->unit == NULL);

  /* "five-year": the unit glued to a written number, or what it counts. */
  if (a->rest != NULL)
    {
      draft->unit = vera_quantities_lookup_unit_word (ctx, a->rest, a->rest_len);
      if (draft->unit == NULL)
        {
          draft->unit = "count";
          draft->noun_first = draft->noun_last = i;
        }
      return;
    }
  if (a->percent)
    {
      draft->unit = "percent";
      return;
    }
  attach_unit_after (ctx, draft);
  if (a->currency != NULL && draft->unit != NULL && !vera_quantity_unit_is_currency (draft->unit))
    {
      draft->last = draft->range ? draft->to.last : draft->from.last;
      draft->unit = NULL;
    }
  if (a->currency != NULL)
    draft->unit = a->currency;
}
