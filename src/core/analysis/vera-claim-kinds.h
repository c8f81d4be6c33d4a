/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"

#include "vera-types.h"

G_BEGIN_DECLS

/* The kinds of one sentence (UTF-8, @len bytes) of @language: quantity, comparison, quote,
 * attribution, prediction, causal, rule, event, personal, or other when none applies. @quantities
 * (of VeraQuantity) and @people (of VeraPerson) are what vera_quantities_extract() and
 * vera_people_extract() found in the sentence; either may be NULL. German and Chinese have word
 * lists of their own (src/core/lexicon/data/{de,zh}/kinds-*.txt); any other language, and
 * VERA_LANGUAGE_UND, is read with the English ones. */
VeraClaimKind  vera_claim_kinds_classify  (const char      *sentence,
                                           gsize            len,
                                           const GPtrArray *quantities,
                                           const GPtrArray *people,
                                           VeraLanguage     language);

/* TRUE when the sentence is worth checking on its own terms: a checkable figure, a quote with a
 * named source, a superlative or ranking, a prediction, or a causal statement; never for
 * headings, list labels and boilerplate. @kinds_out, when not NULL, receives the kinds. */
gboolean       vera_claim_is_checkable    (const char      *sentence,
                                           gsize            len,
                                           const GPtrArray *quantities,
                                           const GPtrArray *people,
                                           VeraLanguage     language,
                                           VeraClaimKind   *kinds_out);

/* TRUE for text that asserts nothing: headings ("Chapter 1: The Harbour Years", title-case lines
 * without end punctuation; in German a short line without end punctuation and without a verb, as
 * capitals tell nothing there; in Chinese a short line without 。！？ and without a verb), list
 * labels ("Challenges remain in:"), and page furniture (copyright lines, "Read more", bylines
 * "By Jane Doe" / "Von Anna Schmidt", "Foto: dpa", "来源：新华社", "记者 王明 报道"). */
gboolean       vera_text_is_boilerplate   (const char      *text,
                                           gsize            len,
                                           VeraLanguage     language);

/* Everything the claim analysis finds in one sentence, from a single pass of the tokenizer: the
 * same results as vera_quantities_extract(), vera_people_extract(), vera_vague_sources_find(),
 * vera_claim_is_checkable() and vera_text_is_boilerplate(), at a fraction of the cost of
 * calling each of them. Offsets are relative to the sentence. */
typedef struct
{
  GPtrArray     *quantities;   /* of VeraQuantity */
  GPtrArray     *people;       /* of VeraPerson */
  GArray        *vague;        /* of VeraVagueSpan */
  VeraClaimKind  kinds;
  gboolean       boilerplate;
  gboolean       checkable;
} VeraSentenceFacts;

/* Fills @facts (whose previous contents are not freed: clear it first when reusing it). */
void           vera_sentence_facts_analyse (VeraSentenceFacts *facts,
                                            const char        *sentence,
                                            gsize              len,
                                            VeraLanguage       language);
void           vera_sentence_facts_clear   (VeraSentenceFacts *facts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VeraSentenceFacts, vera_sentence_facts_clear)

G_END_DECLS
