/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared between the parts of the quantity extractor (vera-quantities*.c, the Chinese grammar
 * aside); not installed, not public. The figures of a sentence are read in this order:
 * scan (tokens, lexicons, time scopes) → for each token a rank, a fraction or a figure; a
 * figure is a core (number grammar, scale words, currency, percent), maybe a range, then a
 * unit or counted noun and a qualifier → each figure gets its time scope. */

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

/* TRUE when token @t is a word of @lexicon. */
static inline gboolean
token_in (VeraFigureScan    *ctx,
          const VeraToken   *t,
          const VeraLexicon *lexicon)
{
  return t->kind == VERA_TOKEN_WORD &&
         vera_lexicon_contains (lexicon, ctx->text + t->start, t->end - t->start);
}

/* A figure found in the sentence and the tokens it covers. */
typedef struct
{
  guint         first;
  guint         last;
  VeraQuantity *q;
} VeraFoundFigure;

/* One figure without its unit: [currency] [-] number [scale] [%]. */
typedef struct
{
  guint       first;
  guint       last;
  double      value;
  const char *currency;
  gboolean    percent;
  gboolean    scaled;
  const char *rest;     /* a unit glued with a hyphen to a written number ("five-year") */
  gsize       rest_len;
} VeraFigureCore;

/* A figure being assembled by vera_quantities_try_figure (): its number or range, the token
 * after them, and the unit, counted noun and last token found so far. */
typedef struct
{
  VeraFigureCore  from;
  VeraFigureCore  to;          /* set when @range */
  gboolean        range;
  guint           next;        /* the first token after the number or range */
  guint           last;        /* the last token of the figure, its unit included */
  const char     *unit;
  guint           noun_first;
  guint           noun_last;   /* G_MAXUINT: no counted noun */
} VeraFigureDraft;

/* vera-quantities-scan.c: one scan of one sentence. */

/* @tokens: the tokens of @text, or NULL to split it here. ctx->language is set by the caller;
 * loads the lexicons of that language, sees whether the sentence speaks of money or of Japan,
 * and finds the time scopes. */
G_GNUC_INTERNAL void      vera_quantities_ctx_init          (VeraFigureScan  *ctx,
                                                             const char      *text,
                                                             gsize            len,
                                                             GArray          *tokens);
G_GNUC_INTERNAL void      vera_quantities_ctx_clear         (VeraFigureScan  *ctx);

/* vera-quantities-numbers.c: the number grammar. Reads numbers; decides nothing about figures. */

/* The value of the NUMBER token @i in the sentence's conventions, NAN when it cannot be read
 * with certainty ("1.2.3", "1,5" in English). */
G_GNUC_INTERNAL double    vera_quantities_number_value      (VeraFigureScan  *ctx,
                                                             guint            i);
/* The value of @word (@n bytes) in a lexicon of word → number; FALSE when it is none. */
G_GNUC_INTERNAL gboolean  vera_quantities_lookup_number_word (const VeraLexicon *lexicon,
                                                              const char        *word,
                                                              gsize              n,
                                                              double            *value);
/* "twenty-five" → 25, "five" → 5; @rest receives what follows a hyphen that is not part of the
 * number ("five-year" → 5, rest "year"). */
G_GNUC_INTERNAL gboolean  vera_quantities_parse_number_word (VeraFigureScan  *ctx,
                                                             const char      *word,
                                                             gsize            n,
                                                             double          *value,
                                                             const char     **rest);
/* A German number word, compounds included: "zwölf", "fünfunddreißig", "zweihundert",
 * "dreitausendfünfhundert". @lower is lower case. */
G_GNUC_INTERNAL gboolean  vera_quantities_parse_german_number (const VeraLexicon *numbers,
                                                               const char        *lower,
                                                               gsize              n,
                                                               double            *value);
/* TRUE when token @i is "st", "nd", "rd" or "th" glued to the number before it. */
G_GNUC_INTERNAL gboolean  vera_quantities_is_ordinal_suffix (VeraFigureScan  *ctx,
                                                             guint            i);

/* vera-quantities-scales.c: scale words ("million", "bn", "Milliarden") after a number. */

/* The factor of the English scale word @w (@n bytes), 0 when it is none; @flags receives the
 * words after the factor in the lexicon ("money", "after-hundred"). */
G_GNUC_INTERNAL double    vera_quantities_english_scale     (VeraFigureScan  *ctx,
                                                             const char      *w,
                                                             gsize            n,
                                                             const char     **flags);
/* Multiplies @core by the scale word at token @j, if one applies there, and extends it over
 * the word. Returns the first token after the scale (@j when there is none). */
G_GNUC_INTERNAL guint     vera_quantities_read_scale        (VeraFigureScan  *ctx,
                                                             VeraFigureCore  *core,
                                                             guint            j);

/* vera-quantities-currencies.c: currency symbols and codes. */

/* The currency code of the symbol or code at token @i ("$", "US$", "€", "EUR", "Rs"), NULL
 * when there is none; @first receives its first token ("US" in "US$"). */
G_GNUC_INTERNAL const char *vera_quantities_currency_symbol (VeraFigureScan  *ctx,
                                                             guint            i,
                                                             guint           *first);

/* vera-quantities-name-numbers.c: numbers that are not figures. */

/* Whether the number at @i is part of a name or code rather than a figure: "Fortune 500",
 * "Chapter 1", "COVID-19", "5G", "24/7", "1990s", "1+X", "March 5", phone numbers, dates. */
G_GNUC_INTERNAL gboolean  vera_quantities_is_name_number    (VeraFigureScan  *ctx,
                                                             guint            i);

/* vera-quantities-core.c: [currency] [-] number [scale] [%]. */

/* Reads the figure core that has its number at token @i; FALSE when no figure starts there. */
G_GNUC_INTERNAL gboolean  vera_quantities_read_core         (VeraFigureScan  *ctx,
                                                             guint            i,
                                                             VeraFigureCore  *core);

/* vera-quantities-units.c: the unit, currency or counted noun after a figure. */

/* The unit code of the English unit word @word (@n bytes), NULL when it is none. */
G_GNUC_INTERNAL const char *vera_quantities_lookup_unit_word (VeraFigureScan *ctx,
                                                              const char     *word,
                                                              gsize           n);
/* Gives @draft, whose number or range starts at token @i, its unit ("percent", a currency, a
 * measure, "count" with its noun) and extends draft->last over it; leaves draft->unit NULL
 * when none applies. */
G_GNUC_INTERNAL void      vera_quantities_attach_unit       (VeraFigureScan  *ctx,
                                                             guint            i,
                                                             VeraFigureDraft *draft);

/* vera-quantities-counted-noun.c */

/* Collects the counted noun phrase that starts at token @i: words up to a function word,
 * punctuation, an adverb, or a verb after a plural noun. Returns the index of its last token,
 * or @i - 1 when there is none. */
G_GNUC_INTERNAL guint     vera_quantities_counted_noun      (VeraFigureScan  *ctx,
                                                             guint            i);

/* vera-quantities-qualifiers.c */

/* The qualifier ("more than", "about", "at least") that ends just before token @first, NULL
 * when there is none; @q_first receives its first token. */
G_GNUC_INTERNAL const char *vera_quantities_find_qualifier  (VeraFigureScan  *ctx,
                                                             guint            first,
                                                             guint           *q_first);

/* vera-quantities-figure.c: figures put together and recorded. */

/* The clear function of an array of VeraFoundFigure. */
G_GNUC_INTERNAL void      vera_quantities_found_clear       (gpointer         data);
/* Appends the figure of tokens @first to @last to @found and marks the tokens as used.
 * @noun_last is G_MAXUINT when the figure has no counted noun. */
G_GNUC_INTERNAL void      vera_quantities_emit              (VeraFigureScan  *ctx,
                                                             GArray          *found,
                                                             guint            first,
                                                             guint            last,
                                                             double           value,
                                                             double           value_to,
                                                             const char      *unit,
                                                             guint            noun_first,
                                                             guint            noun_last,
                                                             const char      *qualifier);
/* Each of these tries the figure that starts at token @i, appends it to @found (of
 * VeraFoundFigure) and returns TRUE, or returns FALSE and changes nothing. */
/* A number or range with its unit or counted noun: "$2.75 billion", "3 to 5 million people". */
G_GNUC_INTERNAL gboolean  vera_quantities_try_figure        (VeraFigureScan  *ctx,
                                                             guint            i,
                                                             GArray          *found);
/* vera-quantities-ranks.c: "ranks 3", "ranked No. 1", "#2", "top 100", "3rd", "second-largest". */
G_GNUC_INTERNAL gboolean  vera_quantities_try_rank          (VeraFigureScan  *ctx,
                                                             guint            i,
                                                             GArray          *found);
/* vera-quantities-fractions.c: "one-third", "two-thirds", "a third of", "half of", "by half". */
G_GNUC_INTERNAL gboolean  vera_quantities_try_fraction      (VeraFigureScan  *ctx,
                                                             guint            i,
                                                             GArray          *found);

/* vera-quantities-scope.c: time scopes. */

extern const char * const vera_quantities_month_words[];

/* TRUE when token @i is a year ("2024"), not a figure. */
G_GNUC_INTERNAL gboolean  vera_quantities_is_year           (VeraFigureScan  *ctx,
                                                             guint            i);
/* Finds the time scopes of the sentence and marks their tokens as used. */
G_GNUC_INTERNAL void      vera_quantities_scan_scopes       (VeraFigureScan  *ctx);
/* Gives each figure in @found (of VeraFoundFigure) the scope that applies to it. */
G_GNUC_INTERNAL void      vera_quantities_assign_scopes     (VeraFigureScan  *ctx,
                                                             GArray          *found);

G_END_DECLS
