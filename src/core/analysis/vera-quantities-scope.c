/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <string.h>

#include "vera-quantities.h"
#include "vera-quantities-private.h"

/* Time scopes: "in 2024", "since 2020", "by 2030", "annually", "per year", "last quarter",
 * "in five years". They are found before the figures, so that the years and durations inside
 * them are not taken for figures. */

const char * const vera_quantities_month_words[] = {
  "apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january", "jul",
  "july", "jun", "june", "mar", "march", "may", "nov", "november", "oct", "october", "sep",
  "sept", "september", NULL
};

gboolean
vera_quantities_is_year (VeraFigureScan *ctx,
                         guint           i)
{
  const VeraToken *t;
  int v;

  if (i >= ctx->n)
    return FALSE;
  t = tok (ctx, i);
  if (t->kind != VERA_TOKEN_NUMBER || t->end - t->start != 4)
    return FALSE;
  /* "21.3" has four characters too: a year is four digits. */
  for (gsize k = t->start; k < t->end; k++)
    if (!g_ascii_isdigit (ctx->text[k]))
      return FALSE;
  /* The text need not end after the token: read exactly its four digits. */
  v = 0;
  for (gsize k = t->start; k < t->end; k++)
    v = v * 10 + (ctx->text[k] - '0');
  if (v < 1800 || v > 2199)
    return FALSE;
  /* "2000 people" is ambiguous; a year is not followed by a percent sign or a scale. */
  if (is_punct (ctx, i + 1, '%') || (i + 1 < ctx->n && is_glued (ctx, i + 1) &&
                                     tok (ctx, i + 1)->kind == VERA_TOKEN_WORD &&
                                     !is_word (ctx, i + 1, "s")))
    return FALSE;
  return TRUE;
}

static void
add_scope (VeraFigureScan *ctx,
           guint           first,
           guint           last)
{
  VeraFigureScope s;

  s.first = first;
  s.last = last;
  s.text = g_strndup (ctx->text + tok (ctx, first)->start,
                      tok (ctx, last)->end - tok (ctx, first)->start);
  g_array_append_val (ctx->scopes, s);
  for (guint k = first; k <= last; k++)
    ctx->used[k] = TRUE;
}

static gboolean
is_period_word (VeraFigureScan *ctx,
                guint           i)
{
  static const char * const periods[] = {
    "year", "month", "week", "day", "quarter", "annum", "hour", "decade", "fiscal", NULL
  };
  return i < ctx->n && vera_token_in (ctx->text, tok (ctx, i), periods);
}

static gboolean
is_count_word (VeraFigureScan *ctx,
               guint           i)
{
  double v;
  const char *rest;
  const VeraToken *t;

  if (i >= ctx->n)
    return FALSE;
  t = tok (ctx, i);
  if (t->kind == VERA_TOKEN_NUMBER)
    return TRUE;
  return t->kind == VERA_TOKEN_WORD &&
         vera_quantities_parse_number_word (ctx, ctx->text + t->start, t->end - t->start, &v,
                                            &rest) &&
         rest == NULL;
}

static gboolean
is_duration_unit (VeraFigureScan *ctx,
                  guint           i)
{
  static const char * const units[] = {
    "years", "months", "weeks", "days", "decades", "year", "month", "quarters", NULL
  };
  return i < ctx->n && vera_token_in (ctx->text, tok (ctx, i), units);
}

static const char * const year_preps[] = {
  "in", "since", "by", "until", "till", "before", "after", "through", "throughout", "during",
  "from", "between", "for", "of", "as", NULL
};
static const char * const periodic[] = {
  "annually", "yearly", "monthly", "weekly", "daily", "hourly", "quarterly", "nightly",
  "year-on-year", "year-over-year", "month-on-month", "annualized", "annualised", NULL
};
static const char * const relative[] = {
  "last", "this", "next", "past", "previous", "current", "coming", NULL
};
static const char * const per[] = { "per", "a", "an", "each", "every", NULL };
static const char * const span_preps[] = { "in", "over", "within", "during", "for", NULL };

/* Each scope_* function tries the scope that starts at the word token @i, adds it and returns
 * its last token, or returns NO_SCOPE and adds nothing. */
#define NO_SCOPE G_MAXUINT

/* "in 2024", "since March 2020", "from 2019 to 2023", "as of 2022", "in 2023 alone" */
static guint
scope_year (VeraFigureScan *ctx,
            guint           i)
{
  guint j = i + 1;
  guint last;

  if (!vera_token_in (ctx->text, tok (ctx, i), year_preps))
    return NO_SCOPE;
  if (is_word (ctx, i, "as") && !is_word (ctx, j++, "of"))
    return NO_SCOPE;
  if (is_word (ctx, j, "the") && is_word (ctx, j + 1, "end") && is_word (ctx, j + 2, "of"))
    j += 3;
  if (is_word (ctx, j, "fiscal") || is_word (ctx, j, "FY") ||
      (j < ctx->n && vera_token_in_sorted (ctx->text, tok (ctx, j), vera_quantities_month_words,
                                           VERA_LEXICON_SIZE (vera_quantities_month_words))))
    j++;
  if (!vera_quantities_is_year (ctx, j) || is_word (ctx, i, "of") || is_word (ctx, i, "for"))
    return NO_SCOPE;
  last = j;
  if ((is_word (ctx, j + 1, "to") || is_word (ctx, j + 1, "and") ||
       is_dash (ctx, j + 1)) && vera_quantities_is_year (ctx, j + 2))
    last = j + 2;
  if (is_word (ctx, last + 1, "alone"))
    last++;
  add_scope (ctx, i, last);
  return last;
}

/* "annually", "year-on-year" */
static guint
scope_periodic (VeraFigureScan *ctx,
                guint           i)
{
  if (!vera_token_in (ctx->text, tok (ctx, i), periodic))
    return NO_SCOPE;
  add_scope (ctx, i, i);
  return i;
}

/* "per year", "a month", "each day" (but not "a year ago") */
static guint
scope_per_period (VeraFigureScan *ctx,
                  guint           i)
{
  if (!(vera_token_in (ctx->text, tok (ctx, i), per) && is_period_word (ctx, i + 1) &&
        !is_word (ctx, i + 1, "fiscal") &&
        !is_word (ctx, i + 2, "ago") && !is_word (ctx, i + 2, "earlier") &&
        !is_word (ctx, i + 2, "later") && !is_word (ctx, i + 2, "before") &&
        !is_word (ctx, i + 2, "after") && !is_word (ctx, i + 2, "of")))
    return NO_SCOPE;
  add_scope (ctx, i, i + 1);
  return i + 1;
}

/* "last quarter", "this year", "so far this year" */
static guint
scope_relative (VeraFigureScan *ctx,
                guint           i)
{
  guint first = i;
  guint last = i + 1;

  if (!(vera_token_in (ctx->text, tok (ctx, i), relative) && is_period_word (ctx, i + 1) &&
        !is_count_word (ctx, i + 1)))
    return NO_SCOPE;
  if (is_word (ctx, last, "fiscal") && is_word (ctx, last + 1, "year"))
    last++;
  if (i >= 2 && is_word (ctx, i - 2, "so") && is_word (ctx, i - 1, "far"))
    first = i - 2;
  add_scope (ctx, first, last);
  return last;
}

/* "in five years", "over the next three years", "within 18 months" */
static guint
scope_span (VeraFigureScan *ctx,
            guint           i)
{
  guint j = i + 1;

  if (!vera_token_in (ctx->text, tok (ctx, i), span_preps))
    return NO_SCOPE;
  if (is_word (ctx, j, "the"))
    j++;
  if (j < ctx->n && vera_token_in (ctx->text, tok (ctx, j), relative))
    j++;
  if (!(is_count_word (ctx, j) && !vera_quantities_is_year (ctx, j) &&
        is_duration_unit (ctx, j + 1)))
    return NO_SCOPE;
  add_scope (ctx, i, j + 1);
  return j + 1;
}

/* Finds the time scopes of the sentence and marks their tokens as used, so that years and
 * durations inside them do not become figures. */
void
vera_quantities_scan_scopes (VeraFigureScan *ctx)
{
  for (guint i = 0; i < ctx->n; i++)
    {
      guint last;

      if (ctx->used[i] || tok (ctx, i)->kind != VERA_TOKEN_WORD)
        continue;
      if ((last = scope_year (ctx, i)) != NO_SCOPE ||
          (last = scope_periodic (ctx, i)) != NO_SCOPE ||
          (last = scope_per_period (ctx, i)) != NO_SCOPE ||
          (last = scope_relative (ctx, i)) != NO_SCOPE ||
          (last = scope_span (ctx, i)) != NO_SCOPE)
        i = last;
    }

  /* Years standing alone ("the 2025 conference", "2019-2023") are dates, not figures. */
  for (guint i = 0; i < ctx->n; i++)
    if (!ctx->used[i] && vera_quantities_is_year (ctx, i))
      ctx->used[i] = TRUE;
}

void
vera_quantities_assign_scopes (VeraFigureScan *ctx,
                               GArray         *found)
{
  for (guint f = 0; f < found->len; f++)
    {
      VeraFoundFigure *fd = &g_array_index (found, VeraFoundFigure, f);
      guint limit = f + 1 < found->len ? g_array_index (found, VeraFoundFigure, f + 1).first
                                       : ctx->n;
      const VeraFigureScope *best = NULL;

      if (g_strcmp0 (fd->q->unit, "rank") == 0)
        continue;
      for (guint s = 0; s < ctx->scopes->len; s++)
        {
          const VeraFigureScope *sc = &g_array_index (ctx->scopes, VeraFigureScope, s);

          if (sc->first > fd->last && sc->first < limit)
            {
              best = sc;
              break;
            }
          /* A scope before the figure counts only when it opens the sentence's figures
           * ("Last quarter saw 1,200 …"), not when it belongs to an earlier one. */
          if (sc->last < g_array_index (found, VeraFoundFigure, 0).first)
            best = sc;
        }
      if (best != NULL)
        fd->q->scope = g_strdup (best->text);
    }
}

char **
vera_quantities_find_scopes (const char *sentence,
                             gsize       len)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  VeraFigureScan ctx = { 0, };
  char **result;

  g_return_val_if_fail (sentence != NULL || len == 0, NULL);

  vera_quantities_ctx_init (&ctx, sentence, len, NULL);
  for (guint s = 0; s < ctx.scopes->len; s++)
    g_strv_builder_add (builder, g_array_index (ctx.scopes, VeraFigureScope, s).text);
  vera_quantities_ctx_clear (&ctx);
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return result;
}
