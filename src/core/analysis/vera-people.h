/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"
#include "vera-person.h"

G_BEGIN_DECLS

/* A vague source in a sentence: byte offsets into the sentence, end exclusive. The layout is
 * that of VeraTextSpan, so the pipeline can copy it as is; @flags is 0. */
typedef struct
{
  gsize start;
  gsize end;
  guint flags;
} VeraVagueSpan;

/* Named people in one sentence (UTF-8, @len bytes), with the role or title the sentence gives
 * them and whether it quotes them: a GPtrArray of VeraPerson whose offsets are code points from
 * the start of the sentence. A capitalised name counts as a person only with a cue: an
 * honorific ("Dr."), a role beside it ("partner Michael Yu", "Zhang Wei, CEO of …"), or a
 * speech verb ("said Zhang Wei", "according to Li Ming"). */
GPtrArray *vera_people_extract       (const char *sentence,
                                      gsize       len);

/* Vague sources ("analysts say", "studies show", "it is believed", "according to experts"):
 * a GArray of VeraVagueSpan in text order. */
GArray    *vera_vague_sources_find   (const char *sentence,
                                      gsize       len);

/* The same two in the sentence's @language, reusing the tokens of vera_tokens_split() for this
 * sentence (@tokens may be NULL). English, UND and OTHER give the English results above.
 *
 * German capitalises every noun, so a capitalised word is never a name by itself: a name is
 * two or three name-shaped words (no known noun among them) beside a role ("Hafenchefin Anna
 * Schmidt", "Anna Schmidt, Sprecherin des Senats"), one or more after an honorific ("Dr.",
 * "Frau"), or, opening with a known given name, beside a speech verb or a source cue ("sagte",
 * ", so", "laut", "zufolge", "nach Angaben von").
 * Chinese has no spaces: a name is a common surname and one or two characters, found only
 * after a role word ("市长李明", role "市长"), before a role word ("李明教授") or between a
 * boundary and a speech verb ("据张伟介绍", "，李明指出"); ordinary words that start with a
 * surname ("张家港", "高速") are never names. Person offsets are code points and vague spans
 * bytes from the sentence start in every language. */
GPtrArray *vera_people_extract_tokens     (const char   *sentence,
                                           gsize         len,
                                           GArray       *tokens,
                                           VeraLanguage  language);
GArray    *vera_vague_sources_find_tokens (const char   *sentence,
                                           gsize         len,
                                           GArray       *tokens,
                                           VeraLanguage  language);

/* TRUE when the word (@len bytes, any case) names a job, title or role: "professor", "CEO". */
gboolean   vera_people_is_role_word  (const char *word,
                                      gsize       len);

/* TRUE when the sorted lexicons of this module are in order (for the tests). */
gboolean   vera_people_lexicons_sorted (void);

G_END_DECLS
