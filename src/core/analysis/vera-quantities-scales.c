/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <string.h>

#include "vera-quantities-private.h"

/* Scale words after a number: "1.5bn", "£3.2m", "50 billion", "a hundred thousand" (English,
 * en/figure-scales.txt, with flags saying when a word is a scale only after money) and
 * "27,4 Milliarden", "450 Mio." (German, de/figure-scales.txt). */

double
vera_quantities_english_scale (VeraFigureScan  *ctx,
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

/* German scale words: "27,4 Milliarden", "450 Mio.", "2,4 Billionen" (10^12). */
static guint
read_german_scale (VeraFigureScan *ctx,
                   VeraFigureCore *core,
                   guint           j)
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
  return j;
}

/* "a hundred thousand": a scale word that may follow "hundred" at token @j. */
static guint
read_scale_after_hundred (VeraFigureScan *ctx,
                          VeraFigureCore *core,
                          guint           j)
{
  const VeraToken *after;
  const char *after_flags;
  double after_factor;

  if (!(j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_WORD))
    return j;
  after = tok (ctx, j);
  after_factor = vera_quantities_english_scale (ctx, ctx->text + after->start,
                                                after->end - after->start, &after_flags);
  if (after_factor != 0 && strstr (after_flags, "after-hundred") != NULL)
    {
      core->value *= after_factor;
      core->last = j++;
    }
  return j;
}

/* English scale words: "1.5bn", "£3.2m", "50 billion", "a million". */
static guint
read_english_scale (VeraFigureScan *ctx,
                    VeraFigureCore *core,
                    guint           j)
{
  const VeraToken *s;
  gsize n;
  const char *w;
  const char *flags;
  double factor;
  gboolean single;

  if (!(j < ctx->n && tok (ctx, j)->kind == VERA_TOKEN_WORD))
    return j;
  s = tok (ctx, j);
  n = s->end - s->start;
  w = ctx->text + s->start;
  factor = vera_quantities_english_scale (ctx, w, n, &flags);
  single = n == 1;

  if (factor == 0)
    return j;
  if (single && !is_glued (ctx, j))
    return j;
  if (strstr (flags, "money") != NULL && core->currency == NULL &&
      !(*w == 'M' && factor == 1e6))
    return j;
  if (single && *w == 'm' && core->currency == NULL)
    return j;
  /* "5 m" after money, "3.2m" glued */
  core->value *= factor;
  core->scaled = TRUE;
  core->last = j++;
  /* "1.2 million million" does not happen; "a hundred thousand" does. */
  if (factor == 1e2)
    j = read_scale_after_hundred (ctx, core, j);
  return j;
}

guint
vera_quantities_read_scale (VeraFigureScan *ctx,
                            VeraFigureCore *core,
                            guint           j)
{
  g_assert (core != NULL);

  if (ctx->scales != NULL)
    return read_german_scale (ctx, core, j);
  return read_english_scale (ctx, core, j);
}
