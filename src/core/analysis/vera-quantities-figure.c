/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>

#include "vera-quantities-private.h"

/* A figure put together: its core (vera-quantities-core.c), maybe a range to a second core,
 * its unit or counted noun (vera-quantities-units.c) and its qualifier, then recorded. */

void
vera_quantities_found_clear (gpointer data)
{
  VeraFoundFigure *f = data;

  g_clear_pointer (&f->q, vera_quantity_free);
}

void
vera_quantities_emit (VeraFigureScan *ctx,
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

/* Whether token @j joins the core @a to a second number at @k: "2,000-3,000", "from 80% to
 * 37%", "between 3 and 5", "3 to 5 million" (a bare "to" only between plain numbers). */
static gboolean
is_range_joint (VeraFigureScan       *ctx,
                const VeraFigureCore *a,
                guint                 j,
                guint                 k,
                gboolean              from,
                gboolean              between)
{
  gboolean german = ctx->language == VERA_LANGUAGE_DE;

  return (is_dash (ctx, j) && is_glued (ctx, k)) ||
         (is_word (ctx, j, german ? "bis" : "to") && (from || between ||
                                                      (!a->percent && a->currency == NULL))) ||
         (is_word (ctx, j, german ? "und" : "and") && between);
}

/* Whether the second number @b confirms a range that is not marked by "from", "between" or a
 * dash: "3 to 5 million", "4 to 6%", "4 bis 6 Prozent", "$3 to $5". */
static gboolean
is_range_end (VeraFigureScan       *ctx,
              const VeraFigureCore *a,
              const VeraFigureCore *b,
              gboolean              marked)
{
  gboolean german = ctx->language == VERA_LANGUAGE_DE;

  return marked || b->scaled || b->percent ||
         (german && b->last + 1 < ctx->n &&
          vera_tokens_match_lexicon (ctx->text, ctx->tokens, b->last + 1, ctx->units, NULL) > 0) ||
         (a->currency != NULL && b->currency != NULL);
}

/* The first number takes the scale, percent and currency of the second: "3 to 5 million" is
 * 3 million to 5 million. */
static void
share_range_scale (VeraFigureCore       *a,
                   const VeraFigureCore *b)
{
  if (!a->scaled && b->scaled && fabs (a->value) < fabs (b->value))
    {
      double factor = 1;

      for (double bv = fabs (b->value); bv >= 1000 * fabs (a->value) * factor && factor < 1e12; )
        factor *= 1000;
      a->value *= factor;
    }
  if (b->percent)
    a->percent = TRUE;
  if (a->currency == NULL)
    a->currency = b->currency;
}

/* Makes @draft a range when a second number follows its first one. */
static void
read_range (VeraFigureScan  *ctx,
            VeraFigureDraft *draft)
{
  VeraFigureCore *a = &draft->from;
  guint j = draft->next;
  gboolean german = ctx->language == VERA_LANGUAGE_DE;
  gboolean from, between;
  guint k;

  if (!(a->rest == NULL && j + 1 < ctx->n && !ctx->used[j + 1]))
    return;
  from = a->first > 0 && is_word (ctx, a->first - 1, german ? "von" : "from");
  between = a->first > 0 && is_word (ctx, a->first - 1, german ? "zwischen" : "between");
  k = j + 1;
  if (vera_quantities_currency_symbol (ctx, k, &(guint){0}) != NULL && k + 1 < ctx->n)
    k++;
  if (is_range_joint (ctx, a, j, k, from, between) &&
      tok (ctx, k)->kind == VERA_TOKEN_NUMBER && !vera_quantities_is_year (ctx, k) &&
      vera_quantities_read_core (ctx, k, &draft->to) &&
      is_range_end (ctx, a, &draft->to, from || between || is_dash (ctx, j)))
    {
      draft->range = TRUE;
      share_range_scale (a, &draft->to);
      draft->next = draft->to.last + 1;
    }
}

/* Written numbers only count with a unit or a counted noun: "one of the", "one
 * representing" are not figures; nor is "one" with a one-word plural noun after it. */
static gboolean
is_written_without_figure (VeraFigureScan        *ctx,
                           guint                  i,
                           const VeraFigureDraft *draft)
{
  if (tok (ctx, i)->kind != VERA_TOKEN_WORD)
    return FALSE;
  if (draft->unit == NULL)
    return TRUE;
  return is_word (ctx, i, "one") && g_strcmp0 (draft->unit, "count") == 0 &&
         draft->noun_first == draft->noun_last &&
         vera_token_has_suffix (ctx->text, tok (ctx, draft->noun_first), "s");
}

gboolean
vera_quantities_try_figure (VeraFigureScan *ctx,
                            guint           i,
                            GArray         *found)
{
  VeraFigureDraft draft = { .noun_first = 0, .noun_last = G_MAXUINT };
  const char *qual;
  guint q_first;
  double value, value_to = NAN;

  if (!vera_quantities_read_core (ctx, i, &draft.from))
    return FALSE;
  draft.next = draft.from.last + 1;
  read_range (ctx, &draft);
  draft.last = draft.range ? draft.to.last : draft.from.last;
  value = draft.from.value;
  if (draft.range)
    value_to = draft.to.value;

  vera_quantities_attach_unit (ctx, i, &draft);
  if (is_written_without_figure (ctx, i, &draft))
    return FALSE;

  qual = vera_quantities_find_qualifier (ctx, draft.from.first, &q_first);
  if (qual == NULL && is_punct (ctx, draft.from.last + 1, '+') && !draft.range)
    qual = "more than";
  vera_quantities_emit (ctx, found, draft.from.first, draft.last, value, value_to, draft.unit,
                        draft.noun_first, draft.noun_last, qual);
  return TRUE;
}
