/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <string.h>

#include "vera-quantities-private.h"

/* The counted noun after a figure ("12 electric buses", "300 research labs"), from the English
 * lists of the words that end a noun phrase (figure-np-stops, figure-plural-verbs,
 * figure-ly-nouns). */

guint
vera_quantities_counted_noun (VeraFigureScan *ctx,
                              guint           i)
{
  guint last = i - 1;

  for (guint k = i; k < ctx->n && k < i + 4; k++)
    {
      const VeraToken *t = tok (ctx, k);
      gsize n = t->end - t->start;

      if (ctx->used[k])
        break;
      if (t->kind == VERA_TOKEN_NUMBER)
        {
          /* "79 Fortune 500 companies": a number inside a name. */
          if (k > i && (tok (ctx, k - 1)->flags & VERA_TOKEN_CAPITAL))
            continue;
          break;
        }
      if (t->kind != VERA_TOKEN_WORD || token_in (ctx, t, ctx->np_stops))
        break;
      if (k > i && (t->flags & VERA_TOKEN_CAPITAL) && !(t->flags & VERA_TOKEN_UPPER) &&
          !(tok (ctx, k - 1)->flags & VERA_TOKEN_CAPITAL))
        break;
      if (k > i && token_in (ctx, t, ctx->plural_verbs) &&
          vera_token_has_suffix (ctx->text, tok (ctx, k - 1), "s"))
        break;
      if (n > 5 && vera_token_has_suffix (ctx->text, t, "ly") &&
          !token_in (ctx, t, ctx->ly_nouns))
        break;
      if (k > i && (vera_token_has_suffix (ctx->text, t, "ing") ||
                    vera_token_has_suffix (ctx->text, t, "ed")) &&
          !memchr (ctx->text + t->start, '-', t->end - t->start) &&
          vera_token_has_suffix (ctx->text, tok (ctx, k - 1), "s") &&
          !vera_token_has_suffix (ctx->text, tok (ctx, k - 1), "ss"))
        break;
      last = k;
    }
  /* A noun phrase does not end in an adjective-like "-ing"/"-ed" word or a stray verb. */
  while (last + 1 > i && last < ctx->n &&
         (vera_token_has_suffix (ctx->text, tok (ctx, last), "ing") ||
          vera_token_has_suffix (ctx->text, tok (ctx, last), "ed")) && last > i)
    last--;
  /* "one representing", "two working": a verb, not a counted noun. */
  if (last == i && last < ctx->n && vera_token_has_suffix (ctx->text, tok (ctx, last), "ing") &&
      !memchr (ctx->text + tok (ctx, last)->start, '-',
               tok (ctx, last)->end - tok (ctx, last)->start))
    return i - 1;
  return last;
}
