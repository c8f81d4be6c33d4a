/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-quantities-private.h"

/* Fractions, as percentages: "one-third", "two-thirds", "a third of", "half of", "by half"
 * (en/figure-fractions.txt: word → denominator). */

gboolean
vera_quantities_try_fraction (VeraFigureScan *ctx,
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
          !vera_quantities_lookup_number_word (ctx->english_fractions, hyphen + 1,
                                               n - (hyphen + 1 - w), &den))
        return FALSE;
    }
  else
    {
      if (!vera_quantities_lookup_number_word (ctx->english_fractions, w, n, &den))
        return FALSE;
      if (den != 2)
        {
          const char *rest;
          const VeraToken *before;

          if (i == 0)
            return FALSE;
          before = tok (ctx, i - 1);
          if (is_word (ctx, i - 1, "a") || is_word (ctx, i - 1, "one"))
            num = 1;
          else if (!(before->kind == VERA_TOKEN_WORD &&
                     vera_quantities_parse_number_word (ctx, ctx->text + before->start,
                                                        before->end - before->start,
                                                        &num, &rest) && rest == NULL))
            return FALSE;
          first = i - 1;
        }
      if (!(is_word (ctx, i + 1, "of") || is_word (ctx, i + 1, "the") ||
            (first > 0 && is_word (ctx, first - 1, "by"))))
        return FALSE;
    }
  qual = vera_quantities_find_qualifier (ctx, first, &q_first);
  vera_quantities_emit (ctx, found, first, i, 100.0 * num / den, NAN, "percent", 0, G_MAXUINT,
                        qual);
  return TRUE;
}
