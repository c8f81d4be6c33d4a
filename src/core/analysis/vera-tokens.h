/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"
#include "vera-lexicon.h"

G_BEGIN_DECLS

typedef enum
{
  VERA_TOKEN_WORD,    /* letters, with inner hyphens, apostrophes and ampersands */
  VERA_TOKEN_NUMBER,  /* digits, with thousands commas and one decimal point */
  VERA_TOKEN_PUNCT,   /* any other single character */
} VeraTokenKind;

typedef enum /*< flags >*/
{
  VERA_TOKEN_GLUED   = 1 << 0,  /* no white space before the token */
  VERA_TOKEN_CAPITAL = 1 << 1,  /* a word starting with an upper-case letter */
  VERA_TOKEN_UPPER   = 1 << 2,  /* a word of two letters or more, all upper case */
} VeraTokenFlags;

/* One token of a sentence. Offsets are bytes into the sentence and code points from its start,
 * end exclusive. */
typedef struct
{
  gsize         start;
  gsize         end;
  guint         cp_start;
  guint         cp_end;
  VeraTokenKind kind;
  guint         flags;
  gunichar      ch;      /* the character of a PUNCT token, 0 otherwise */
} VeraToken;

/* Splits @text (UTF-8, @len bytes; invalid bytes become PUNCT tokens) into a GArray of
 * VeraToken. */
GArray   *vera_tokens_split       (const char      *text,
                                   gsize            len);
/* TRUE when the @len bytes at @word equal @lexeme, ignoring ASCII case. */
gboolean  vera_word_equal         (const char      *word,
                                   gsize            len,
                                   const char      *lexeme);
/* TRUE when @token is a word equal to @word, ignoring ASCII case. */
gboolean  vera_token_is           (const char      *text,
                                   const VeraToken *token,
                                   const char      *word);
/* TRUE when @token is a word found in the NULL-terminated, lower-case @words. */
gboolean  vera_token_in           (const char      *text,
                                   const VeraToken *token,
                                   const char * const *words);
/* TRUE when any token is a word of the sorted lexicon @words (@n_words words). */
gboolean  vera_tokens_contain     (const char         *text,
                                   const GArray       *tokens,
                                   const char * const *words,
                                   gsize               n_words);
/* The same as vera_token_in() for a lexicon of @n_words words sorted in byte order (strcmp), by
 * binary search: the analysis looks up every token in lexicons of a hundred words and more. */
gboolean  vera_token_in_sorted    (const char         *text,
                                   const VeraToken    *token,
                                   const char * const *words,
                                   gsize               n_words);
/* TRUE when the @len bytes at @word, lower-cased, are one of the sorted @words. */
gboolean  vera_lexicon_find       (const char         *word,
                                   gsize               len,
                                   const char * const *words,
                                   gsize               n_words);
/* TRUE when the NULL-terminated @words are in strictly increasing byte order; the tests check
 * every sorted lexicon with it. */
gboolean  vera_lexicon_is_sorted  (const char * const *words);
/* The number of words of a NULL-terminated lexicon array. */
#define VERA_LEXICON_SIZE(list) (G_N_ELEMENTS (list) - 1)
/* A new lower-case copy of the token's text. */
char     *vera_token_dup_lower    (const char      *text,
                                   const VeraToken *token);
/* TRUE when the word ends with @suffix (ASCII, ignoring case). */
gboolean  vera_token_has_suffix   (const char      *text,
                                   const VeraToken *token,
                                   const char      *suffix);
/* TRUE when the token is a quotation mark (straight, curly, guillemets or corner brackets). */
gboolean  vera_token_is_quote     (const VeraToken *token);

/* Shared English lexicons of the claim analysis. */
/* TRUE when every lexicon of vera-tokens.c is sorted. */
gboolean  vera_tokens_lexicons_sorted (void);
/* A verb of speech or attribution: "said", "notes", "explains", "told", "according". */
gboolean  vera_token_is_speech_verb (const char      *text,
                                     const VeraToken *token);
/* A word that opens no proper name even when capitalised at the start of a sentence: "The",
 * "In", "As", "According", … */
gboolean  vera_token_is_function_word (const char      *text,
                                       const VeraToken *token);
/* Matches the lower-case words of @phrase ("ahead of schedule"; "<year>" stands for any
 * four-digit number) against the tokens from @i on; returns the number of tokens matched, or 0. */
guint     vera_tokens_match_phrase (const char   *text,
                                    const GArray *tokens,
                                    guint         i,
                                    const char   *phrase);
/* The longest phrase of @lexicon (its keys are words separated by one space) that the WORD and
 * NUMBER tokens from @i on spell, ignoring case; punctuation tokens end the phrase except a '.'
 * glued to the word before it ("Mio." is the key "mio."). Returns the number of tokens matched
 * (0 when none) and the entry's value in @value. No allocation for ASCII phrases. */
guint     vera_tokens_match_lexicon (const char        *text,
                                     const GArray      *tokens,
                                     guint              i,
                                     const VeraLexicon *lexicon,
                                     const char       **value);
/* Reads a NUMBER token's text (@n bytes: digit groups joined by ',', '.' or '\'') in the number
 * conventions of @language: the last of two different separators marks the decimals; a repeated
 * one groups thousands (Indian 12,34,567 too); a single one before exactly three digits groups
 * in English and Chinese (1,234 / 1.5) and German (16.000 / 27,4) alike, and is not decided for
 * other languages. FALSE, and no value, for anything else ("1.2.3", "14.03.2024", "1,5" in
 * English): never a guess. */
gboolean  vera_number_read (const char   *s,
                            gsize         n,
                            VeraLanguage  language,
                            double       *value);
/* The index of the token that holds byte @offset, or the first token after it. */
guint     vera_tokens_find_byte (const GArray *tokens,
                                 gsize         offset);

#define vera_tokens_get(arr, i) (&g_array_index ((arr), VeraToken, (i)))

G_END_DECLS
