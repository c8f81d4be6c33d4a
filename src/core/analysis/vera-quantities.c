/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <string.h>

#include "vera-quantities.h"
#include "vera-quantities-private.h"
#include "vera-quantities-zh.h"

/* The public entry points of the quantity extractor. Chinese goes to its own grammar
 * (vera-quantities-zh.c); every other language walks the tokens once, trying a rank, a
 * fraction, then a figure at each token not yet used (vera-quantities-private.h tells which
 * file does what). The word lists are data files, src/core/lexicon/data/LANG/figure-*.txt;
 * nothing in them is taken from any particular article. */

GPtrArray *
vera_quantities_extract (const char *sentence,
                         gsize       len)
{
  return vera_quantities_extract_tokens (sentence, len, NULL);
}

GPtrArray *
vera_quantities_extract_tokens (const char *sentence,
                                gsize       len,
                                GArray     *tokens)
{
  return vera_quantities_extract_language (sentence, len, tokens, VERA_LANGUAGE_UND);
}

/* Whether a figure may start at token @i: words only when they may be number, fraction or
 * ordinal words. */
static gboolean
may_start_figure (VeraFigureScan *ctx,
                  guint           i)
{
  const VeraToken *t = tok (ctx, i);

  if (ctx->used[i])
    return FALSE;
  if (t->kind == VERA_TOKEN_WORD && ctx->language != VERA_LANGUAGE_DE &&
      strchr ("defhnoqstDEFHNOQST", ctx->text[t->start]) == NULL)
    return FALSE;
  return t->kind != VERA_TOKEN_PUNCT;
}

GPtrArray *
vera_quantities_extract_language (const char  *sentence,
                                  gsize        len,
                                  GArray      *tokens,
                                  VeraLanguage language)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_quantity_free);
  g_autoptr(GArray) found = g_array_new (FALSE, TRUE, sizeof (VeraFoundFigure));
  VeraFigureScan ctx = { 0, };

  g_return_val_if_fail (sentence != NULL || len == 0, result);

  if (language == VERA_LANGUAGE_ZH ||
      (language == VERA_LANGUAGE_UND && vera_quantities_zh_applies (sentence, len)))
    {
      g_ptr_array_unref (result);
      return vera_quantities_zh_extract (sentence, len);
    }

  g_array_set_clear_func (found, vera_quantities_found_clear);
  ctx.language = language;
  vera_quantities_ctx_init (&ctx, sentence, len, tokens);

  for (guint i = 0; i < ctx.n; i++)
    {
      if (!may_start_figure (&ctx, i))
        continue;
      if (vera_quantities_try_rank (&ctx, i, found) ||
          vera_quantities_try_fraction (&ctx, i, found))
        continue;
      vera_quantities_try_figure (&ctx, i, found);
    }

  vera_quantities_assign_scopes (&ctx, found);
  for (guint f = 0; f < found->len; f++)
    g_ptr_array_add (result, g_steal_pointer (&g_array_index (found, VeraFoundFigure, f).q));
  vera_quantities_ctx_clear (&ctx);
  return result;
}

gboolean
vera_quantities_lexicons_sorted (void)
{
  /* The English word lists are lexicons now (hashed, validated by tests/test-lexicon.c); the
   * month words of the scope scanner are still a sorted array. */
  return vera_lexicon_is_sorted (vera_quantities_month_words);
}
