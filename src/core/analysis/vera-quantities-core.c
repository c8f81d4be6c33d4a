/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-quantities-private.h"

/* The core of a figure: [currency] [-] number [scale] [%], without its unit. The number is
 * digits, a German number word or an English one; names, codes and dates are refused. */

/* A German number word at token @i: "zwölf", "zweihundert"; never "ein", "eine". */
static gboolean
read_german_word (VeraFigureScan *ctx,
                  guint           i,
                  VeraFigureCore *core)
{
  const VeraToken *t = tok (ctx, i);
  g_autofree char *lower = g_utf8_strdown (ctx->text + t->start, t->end - t->start);
  gsize n = strlen (lower);

  /* "ein", "eine" are articles far more often than numbers. */
  if (g_str_has_prefix (lower, "ein") && n <= 5)
    return FALSE;
  return vera_quantities_parse_german_number (vera_lexicon_get (VERA_LANGUAGE_DE, "figure-numbers"),
                                              lower, n, &core->value);
}

/* An English number word at token @i: "five", "twenty-five", "five-year" (rest "year"); not
 * "a", "dozen", nor a number inside a name ("Formula One"). */
static gboolean
read_english_word (VeraFigureScan *ctx,
                   guint           i,
                   VeraFigureCore *core)
{
  const VeraToken *t = tok (ctx, i);

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
  return TRUE;
}

/* The number at token @i, into core->value (and core->rest). */
static gboolean
read_number (VeraFigureScan *ctx,
             guint           i,
             VeraFigureCore *core)
{
  const VeraToken *t = tok (ctx, i);

  if (t->kind == VERA_TOKEN_NUMBER)
    {
      if (vera_quantities_is_name_number (ctx, i))
        return FALSE;
      core->value = vera_quantities_number_value (ctx, i);
      return !isnan (core->value);
    }
  if (t->kind == VERA_TOKEN_WORD && ctx->language == VERA_LANGUAGE_DE)
    return read_german_word (ctx, i, core);
  if (t->kind == VERA_TOKEN_WORD)
    return read_english_word (ctx, i, core);
  return FALSE;
}

/* Currency and sign before the number at token @i: "$5", "US$5", "-3", "-€5". */
static void
read_currency_and_sign (VeraFigureScan *ctx,
                        guint           i,
                        VeraFigureCore *core)
{
  guint first;
  const char *cur;

  if (i == 0)
    return;
  cur = vera_quantities_currency_symbol (ctx, i - 1, &first);
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

/* "thirty five", "seventy five thousand": tens at token @i and units written apart at @j.
 * Returns the first token after the number. */
static guint
join_written_units (VeraFigureScan *ctx,
                    guint           i,
                    VeraFigureCore *core,
                    guint           j)
{
  double unit_value;
  const char *rest = NULL;

  if (!(tok (ctx, i)->kind == VERA_TOKEN_WORD && core->value >= 20 && core->value <= 90 &&
        fmod (core->value, 10) == 0 && j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_WORD))
    return j;
  if (vera_quantities_parse_number_word (ctx, ctx->text + tok (ctx, j)->start,
                                         tok (ctx, j)->end - tok (ctx, j)->start,
                                         &unit_value, &rest) &&
      rest == NULL && unit_value >= 1 && unit_value <= 9)
    {
      core->value += unit_value;
      core->last = j++;
    }
  return j;
}

gboolean
vera_quantities_read_core (VeraFigureScan *ctx,
                           guint           i,
                           VeraFigureCore *core)
{
  guint j;

  g_assert (i < ctx->n);
  g_assert (core != NULL);

  memset (core, 0, sizeof *core);
  core->first = i;
  if (!read_number (ctx, i, core))
    return FALSE;
  read_currency_and_sign (ctx, i, core);
  core->last = i;
  if (core->rest != NULL)
    return TRUE;

  j = join_written_units (ctx, i, core, i + 1);
  j = vera_quantities_read_scale (ctx, core, j);
  if (is_punct (ctx, j, '%') || is_punct (ctx, j, 0xFF05))
    {
      core->percent = TRUE;
      core->last = j;
    }
  return TRUE;
}
