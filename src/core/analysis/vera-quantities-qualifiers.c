/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include "vera-quantities-private.h"

/* Qualifiers before a figure: "more than", "about", "no fewer than" (LANG/figure-qualifiers,
 * canonical phrases) and the ones English keeps as written ("just over",
 * en/figure-qualifiers-written). */

const char *
vera_quantities_find_qualifier (VeraFigureScan *ctx,
                                guint           first,
                                guint          *q_first)
{
  guint max_words;

  if (first == 0)
    return NULL;
  /* The lexicon first, longest phrase first: "no more than" before "more than", and German. */
  max_words = ctx->qualifiers != NULL ? vera_lexicon_get_max_words (ctx->qualifiers) : 0;
  for (guint w = MIN (max_words, first); w >= 1; w--)
    {
      const char *canonical = NULL;
      guint start = first - w;
      guint m = vera_tokens_match_lexicon (ctx->text, ctx->tokens, start, ctx->qualifiers,
                                           &canonical);

      if (m == w)
        {
          const VeraToken *t = tok (ctx, start);

          *q_first = start;
          /* English keeps the qualifier as written unless it negates ("no fewer than" is "at
           * least"); other languages give the canonical phrase. */
          if (ctx->language == VERA_LANGUAGE_DE ||
              g_ascii_strncasecmp (ctx->text + t->start, "no", 2) == 0)
            return canonical;
          break;
        }
    }
  /* Then the qualifiers English keeps as written, longest phrase first ("just over" before
   * "over"). */
  max_words = vera_lexicon_get_max_words (ctx->english_written_qualifiers);
  for (guint w = MIN (max_words, first); w >= 1; w--)
    {
      const char *written = NULL;

      if (vera_tokens_match_lexicon (ctx->text, ctx->tokens, first - w,
                                     ctx->english_written_qualifiers, &written) == w)
        {
          *q_first = first - w;
          return written;
        }
    }
  return NULL;
}
