/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between the parts of the quantity extractor; not installed, not public. */

#include "vera-quantity.h"
#include "vera-tokens.h"

G_BEGIN_DECLS

/* A time scope phrase of the sentence ("since 2020", "last quarter"): its tokens and its text. */
typedef struct
{
  guint  first;
  guint  last;
  char  *text;
} VeraFigureScope;

/* One scan of one sentence for figures: its tokens, which of them a figure or a scope has used,
 * its conventions and the lexicons of its language, looked up once per call. */
typedef struct
{
  const char *text;
  gsize       len;
  GArray     *tokens;
  guint       n;
  guint8     *used;
  GArray     *scopes;   /* VeraFigureScope */
  gboolean    japanese; /* ¥ reads as yen */
  gboolean    money;    /* the sentence speaks of money: "pounds" are sterling, not weight */
  VeraLanguage language;  /* of the sentence: number conventions and the lexicons below */
  const VeraLexicon *scales;      /* LANG/figure-scales: word → factor (German) */
  const VeraLexicon *units;       /* LANG/figure-units: word or phrase → unit code (German) */
  const VeraLexicon *qualifiers;  /* LANG/figure-qualifiers: phrase → canonical qualifier */
  const VeraLexicon *months;      /* LANG/figure-months: month names, for dates */
  /* The English lists, en/figure-*.txt, for every language. */
  const VeraLexicon *english_units;               /* figure-units: phrase → unit code */
  const VeraLexicon *english_scales;              /* figure-scales: word → factor [flags] */
  const VeraLexicon *english_numbers;             /* figure-number-words: word → value */
  const VeraLexicon *english_fractions;           /* figure-fractions: word → denominator */
  const VeraLexicon *english_ordinals;            /* figure-ordinals: word → rank */
  const VeraLexicon *english_written_qualifiers;  /* figure-qualifiers-written */
  const VeraLexicon *number_openers;              /* figure-number-openers */
  const VeraLexicon *np_stops;                    /* figure-np-stops */
  const VeraLexicon *plural_verbs;                /* figure-plural-verbs */
  const VeraLexicon *ly_nouns;                    /* figure-ly-nouns */
} VeraFigureScan;

static inline void
scope_clear (gpointer data)
{
  VeraFigureScope *s = data;

  g_free (s->text);
}

static inline const VeraToken *
tok (VeraFigureScan *ctx,
     guint           i)
{
  g_assert (i < ctx->n);
  return vera_tokens_get (ctx->tokens, i);
}

static inline gboolean
is_word (VeraFigureScan *ctx,
         guint           i,
         const char     *word)
{
  return i < ctx->n && vera_token_is (ctx->text, tok (ctx, i), word);
}

static inline gboolean
is_punct (VeraFigureScan *ctx,
          guint           i,
          gunichar        c)
{
  return i < ctx->n && tok (ctx, i)->kind == VERA_TOKEN_PUNCT && tok (ctx, i)->ch == c;
}

static inline gboolean
is_glued (VeraFigureScan *ctx,
          guint           i)
{
  return i < ctx->n && (tok (ctx, i)->flags & VERA_TOKEN_GLUED) != 0;
}

static inline gboolean
is_dash (VeraFigureScan *ctx,
         guint           i)
{
  return is_punct (ctx, i, '-') || is_punct (ctx, i, 0x2013) || is_punct (ctx, i, 0x2014) ||
         is_punct (ctx, i, 0x2212);
}

static inline guint
match_phrase (VeraFigureScan *ctx,
              guint           i,
              const char     *phrase)
{
  return vera_tokens_match_phrase (ctx->text, ctx->tokens, i, phrase);
}

/* A figure found in the sentence and the tokens it covers. */
typedef struct
{
  guint         first;
  guint         last;
  VeraQuantity *q;
} VeraFoundFigure;


extern const char * const vera_quantities_month_words[];

G_GNUC_INTERNAL gboolean  vera_quantities_is_year           (VeraFigureScan        *ctx,
                                                             guint       i);
G_GNUC_INTERNAL gboolean  vera_quantities_parse_number_word (VeraFigureScan  *ctx,
                                                             const char      *word,
                                                             gsize            n,
                                                             double          *value,
                                                             const char     **rest);
/* Finds the time scopes of the sentence and marks their tokens as used. */
G_GNUC_INTERNAL void      vera_quantities_scan_scopes       (VeraFigureScan        *ctx);
/* Gives each figure in @found (of VeraFoundFigure) the scope that applies to it. */
G_GNUC_INTERNAL void      vera_quantities_assign_scopes     (VeraFigureScan        *ctx,
                                                             GArray     *found);
/* @tokens: the tokens of @text, or NULL to split it here. */
G_GNUC_INTERNAL void      vera_quantities_ctx_init          (VeraFigureScan        *ctx,
                                                             const char *text,
                                                             gsize       len,
                                                             GArray     *tokens);
G_GNUC_INTERNAL void      vera_quantities_ctx_clear         (VeraFigureScan        *ctx);

G_END_DECLS
