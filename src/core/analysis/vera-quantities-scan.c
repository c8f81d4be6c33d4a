/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include "vera-quantities-private.h"

/* One scan of one sentence for figures: its tokens, the lexicons of its language, looked up
 * once per sentence, what the whole sentence says about currencies, and its time scopes. */

static void
load_lexicons (VeraFigureScan *ctx)
{
  /* The English lists serve every language: English units and scales are written in German and
   * Chinese articles too, and the grammar falls back to them. */
  ctx->english_units = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-units");
  ctx->english_scales = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-scales");
  ctx->english_numbers = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-number-words");
  ctx->english_fractions = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-fractions");
  ctx->english_ordinals = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-ordinals");
  ctx->english_written_qualifiers = vera_lexicon_get (VERA_LANGUAGE_EN,
                                                      "figure-qualifiers-written");
  ctx->number_openers = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-number-openers");
  ctx->np_stops = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-np-stops");
  ctx->plural_verbs = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-plural-verbs");
  ctx->ly_nouns = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-ly-nouns");
  /* ctx->language is the caller's (zero: UND). German has its own scale, unit, qualifier and
   * month words; English keeps the English lists above for scales and units. */
  if (ctx->language == VERA_LANGUAGE_DE)
    {
      ctx->scales = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-scales");
      ctx->units = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-units");
      ctx->qualifiers = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-qualifiers");
      ctx->months = vera_lexicon_get (VERA_LANGUAGE_DE, "figure-months");
    }
  else
    {
      ctx->scales = ctx->units = NULL;
      ctx->qualifiers = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-qualifiers");
      ctx->months = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-months");
    }
}

/* Whether ¥ reads as yen and "pounds" as sterling in this sentence. */
static void
scan_currency_hints (VeraFigureScan *ctx)
{
  const VeraLexicon *money_words = vera_lexicon_get (VERA_LANGUAGE_EN, "figure-money-words");

  ctx->japanese = FALSE;
  ctx->money = FALSE;
  for (guint i = 0; i < ctx->n; i++)
    {
      if (is_word (ctx, i, "yen") || is_word (ctx, i, "Japan") || is_word (ctx, i, "Japanese") ||
          is_word (ctx, i, "JPY"))
        ctx->japanese = TRUE;
      if (is_punct (ctx, i, 0xA3) || token_in (ctx, tok (ctx, i), money_words))
        ctx->money = TRUE;
    }
}

void
vera_quantities_ctx_init (VeraFigureScan *ctx,
                          const char     *text,
                          gsize           len,
                          GArray         *tokens)
{
  ctx->text = text;
  ctx->len = len;
  ctx->tokens = tokens != NULL ? g_array_ref (tokens) : vera_tokens_split (text, len);
  ctx->n = ctx->tokens->len;
  ctx->used = g_new0 (guint8, ctx->n + 1);
  ctx->scopes = g_array_new (FALSE, TRUE, sizeof (VeraFigureScope));
  g_array_set_clear_func (ctx->scopes, scope_clear);
  load_lexicons (ctx);
  scan_currency_hints (ctx);
  vera_quantities_scan_scopes (ctx);
}

void
vera_quantities_ctx_clear (VeraFigureScan *ctx)
{
  g_clear_pointer (&ctx->tokens, g_array_unref);
  g_clear_pointer (&ctx->used, g_free);
  g_clear_pointer (&ctx->scopes, g_array_unref);
}
