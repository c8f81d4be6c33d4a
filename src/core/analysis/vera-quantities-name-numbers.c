/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include "vera-quantities-private.h"

/* Numbers that are not figures: names and codes ("Fortune 500", "Chapter 1", "COVID-19", "5G",
 * "24/7", "1+X"), phone numbers, URL escapes, dates with digits, list markers. Prefer no figure
 * to a wrong one: any of these reads a number as part of something else. */

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

/* Phone numbers and codes: "0800 123 4567", "+1 555-123-4567", "030 12345678",
 * "report%282023%29". */
static gboolean
is_code (VeraFigureScan *ctx,
         guint           i)
{
  const VeraToken *t = tok (ctx, i);
  const char *s = ctx->text + t->start;
  gsize n = t->end - t->start;

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
  return FALSE;
}

/* Dates and numbered things: "14 March", "3. Mai" ("March 14" is found with the month words,
 * in is_name_number ()), "Nr. 5". */
static gboolean
is_date_or_numbered (VeraFigureScan *ctx,
                     guint           i)
{
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

/* What comes before the number at @i makes it a name: "Fortune 500", "COVID-19", "24/7",
 * "March 5", a list marker "1." at the start. */
static gboolean
follows_name (VeraFigureScan *ctx,
              guint           i)
{
  const VeraToken *prev = i > 0 ? tok (ctx, i - 1) : NULL;
  /* German capitalises every noun: a capitalised word before a number says nothing. */
  gboolean german = ctx->language == VERA_LANGUAGE_DE;

  if (!german && prev != NULL && prev->kind == VERA_TOKEN_WORD &&
      (prev->flags & VERA_TOKEN_CAPITAL) &&
      !token_in (ctx, prev, ctx->number_openers) &&
      !vera_token_has_suffix (ctx->text, prev, "'s") &&
      !vera_token_has_suffix (ctx->text, prev, "\xe2\x80\x99s") &&
      vera_quantities_currency_symbol (ctx, i - 1, &(guint){0}) == NULL &&
      !is_word (ctx, i - 1, "No"))
    return TRUE;
  if (prev != NULL && prev->kind == VERA_TOKEN_WORD && (prev->flags & VERA_TOKEN_GLUED) == 0 &&
      is_glued (ctx, i) && vera_quantities_currency_symbol (ctx, i - 1, &(guint){0}) == NULL)
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
  return FALSE;
}

/* A word glued after the number at @i that is no scale or unit: "5G", "4K" video, "1990s". */
static gboolean
has_name_word_glued (VeraFigureScan *ctx,
                     guint           i)
{
  const VeraToken *next = tok (ctx, i + 1);
  gsize n = next->end - next->start;
  const char *w = ctx->text + next->start;
  const char *flags;
  gboolean known = vera_quantities_english_scale (ctx, w, n, &flags) != 0;

  if (n == 1 && *w == 'K' &&
      (i == 0 || vera_quantities_currency_symbol (ctx, i - 1, &(guint){0}) == NULL))
    return TRUE;  /* "4K" video, not 4,000 */
  if (!known && ctx->scales != NULL)
    known = vera_lexicon_contains (ctx->scales, w, n) || vera_lexicon_contains (ctx->units, w, n);
  if (!known && vera_quantities_lookup_unit_word (ctx, w, n) == NULL &&
      !(n == 1 && (*w == 'x' || *w == 'X')))
    return TRUE;
  return FALSE;
}

/* What is glued after the number at @i makes it a name or code: "1+X", "3:2", "1.2.3",
 * "5G". */
static gboolean
precedes_name (VeraFigureScan *ctx,
               guint           i)
{
  const VeraToken *next;

  if (!(i + 1 < ctx->n && is_glued (ctx, i + 1)))
    return FALSE;
  next = tok (ctx, i + 1);
  if ((next->ch == '/' || next->ch == ':' || next->ch == '+') && i + 2 < ctx->n &&
      is_glued (ctx, i + 2) && tok (ctx, i + 2)->kind != VERA_TOKEN_PUNCT &&
      !is_word (ctx, i + 2, "h"))
    return TRUE;
  if (next->ch == '.' && i + 2 < ctx->n && is_glued (ctx, i + 2) &&
      tok (ctx, i + 2)->kind == VERA_TOKEN_NUMBER)
    return TRUE;  /* "1.2.3" versions */
  if (next->kind == VERA_TOKEN_WORD && !vera_quantities_is_ordinal_suffix (ctx, i + 1))
    return has_name_word_glued (ctx, i);
  return FALSE;
}

gboolean
vera_quantities_is_name_number (VeraFigureScan *ctx,
                                guint           i)
{
  g_assert (tok (ctx, i)->kind == VERA_TOKEN_NUMBER);

  return is_code (ctx, i) || is_date_or_numbered (ctx, i) || follows_name (ctx, i) ||
         precedes_name (ctx, i);
}
