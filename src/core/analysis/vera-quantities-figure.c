/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include "vera-quantities-private.h"

/* Figures recorded: a found figure and the tokens it uses. */

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
