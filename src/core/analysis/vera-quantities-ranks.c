/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-quantities-private.h"

/* Ranks, figures with the unit "rank": "ranks 3", "ranked No. 1", "#2", "top 100", "3rd",
 * "second-largest", "third place". */

static const char * const rank_verbs[] = { "rank", "ranks", "ranked", "ranking", NULL };

/* A rank written with digits: "3rd", "#2", "No. 1", "ranks 3", "top 100" (qualifier "top");
 * not "21st century", "50th anniversary". */
static gboolean
try_digit_rank (VeraFigureScan *ctx,
                guint           i,
                GArray         *found)
{
  guint last = i;
  const char *qual = NULL;
  double v = vera_quantities_number_value (ctx, i);

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
  vera_quantities_emit (ctx, found, i, last, v, NAN, "rank", 0, G_MAXUINT, qual);
  return TRUE;
}

/* A rank written as an ordinal word: "second-largest", "ranked third", "third place",
 * "second biggest"; not "second interest". */
static gboolean
try_word_rank (VeraFigureScan *ctx,
               guint           i,
               GArray         *found)
{
  const VeraToken *t = tok (ctx, i);
  const char *w = ctx->text + t->start;
  const char *hyphen = memchr (w, '-', t->end - t->start);
  gsize n = hyphen != NULL ? (gsize) (hyphen - w) : t->end - t->start;
  gboolean is_rank;
  double v;

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
  if (!is_rank)
    return FALSE;
  vera_quantities_emit (ctx, found, i, i, v, NAN, "rank", 0, G_MAXUINT, NULL);
  return TRUE;
}

gboolean
vera_quantities_try_rank (VeraFigureScan *ctx,
                          guint           i,
                          GArray         *found)
{
  const VeraToken *t = tok (ctx, i);

  if (t->kind == VERA_TOKEN_NUMBER && !memchr (ctx->text + t->start, '.', t->end - t->start))
    return try_digit_rank (ctx, i, found);
  if (t->kind == VERA_TOKEN_WORD)
    return try_word_rank (ctx, i, found);
  return FALSE;
}
