/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"
#include "vera-lexicon.h"
#include "vera-tokens.h"
#include "vera-types.h"

G_BEGIN_DECLS

/* Shared by vera-claim-kinds.c (kinds of English and German sentences), vera-claim-kinds-zh.c
 * (Chinese) and vera-claim-kinds-boilerplate.c. The word lists are data files,
 * src/core/lexicon/data/LANG/kinds-*.txt. */

/* The language whose lists classify a sentence: German and Chinese have their own, every other
 * language (and an unknown one) is read with the English lists, as before languages were told. */
VeraLanguage   vera_kinds_language           (VeraLanguage        language);

/* Whether @c is one of the ASCII characters in @set. */
gboolean       vera_kinds_is_one_of          (gunichar            c,
                                              const char         *set);

/* The most words of a cue that vera_kinds_cue_mask() matches. */
#define VERA_KINDS_MAX_WORDS 8

/* The entries of @lexicon that the tokens from @i on spell (WORD tokens joined by one space; a
 * four-digit year from 1800 to 2199 reads as "<year>"): bit k is set when the first k + 1 tokens
 * are an entry, and @values[k] (when @values is not NULL, an array of VERA_KINDS_MAX_WORDS)
 * receives its value. 0 when none. One lookup a length, without allocation for ASCII. */
guint32        vera_kinds_cue_mask           (const char         *text,
                                              const GArray       *tokens,
                                              guint               i,
                                              const VeraLexicon  *lexicon,
                                              const char        **values);
/* TRUE when an entry of @lexicon starts at any token. */
gboolean       vera_kinds_tokens_have_cue    (const char         *text,
                                              const GArray       *tokens,
                                              const VeraLexicon  *lexicon);

/* Quoted speech in tokens of a Latin-script language: a quotation of at least four words, two
 * of them lower case, that is attributed (@attributed, a colon before it, or a clause that ends
 * inside its marks). */
gboolean       vera_kinds_has_quote          (const char         *text,
                                              const GArray       *tokens,
                                              gboolean            attributed);

/* The kinds that the words of a Chinese sentence give (comparison, quote, attribution,
 * prediction, causal, rule, event, personal; never quantity, which comes from the figures).
 * @named: a person is named in the sentence (a quote is then attributed). */
VeraClaimKind  vera_kinds_classify_zh        (const char         *text,
                                              gsize               len,
                                              const GArray       *tokens,
                                              gboolean            named);
/* TRUE for a short Chinese line without end punctuation and without a verb: a heading. */
gboolean       vera_kinds_zh_is_heading      (const char         *text,
                                              gsize               len,
                                              const GArray       *tokens);
/* TRUE for Chinese page furniture: "来源：…", "责任编辑：…", "记者 王明 报道", "版权所有". */
gboolean       vera_kinds_zh_is_furniture    (const char         *text,
                                              gsize               len);

/* vera_text_is_boilerplate() on tokens already split. */
gboolean       vera_kinds_is_boilerplate     (const char         *text,
                                              gsize               len,
                                              const GArray       *tokens,
                                              VeraLanguage        language);

G_END_DECLS
