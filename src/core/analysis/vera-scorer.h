/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-language.h"

G_BEGIN_DECLS

#define VERA_TYPE_SCORER (vera_scorer_get_type ())

G_DECLARE_FINAL_TYPE (VeraScorer, vera_scorer, VERA, SCORER, GObject)

#define VERA_SCORER_ERROR (vera_scorer_error_quark ())

typedef enum
{
  VERA_SCORER_ERROR_INVALID_WEIGHTS,
} VeraScorerError;

GQuark      vera_scorer_error_quark    (void);

/* The check-worthiness model (trained on ClaimBuster, CheckThat! and ClaimRank data; see
 * SCORER.md), from the weights embedded in the core. */
VeraScorer *vera_scorer_new            (GError     **error);
/* A model from the text of a weights file (as vera-train-scorer writes it). */
VeraScorer *vera_scorer_new_from_bytes (GBytes      *weights,
                                        GError     **error);
/* How worth checking one sentence (UTF-8) is, in [0, 1]. Deterministic; safe to call from
 * several threads at once on the same scorer. */
double      vera_scorer_score          (VeraScorer  *self,
                                        const char  *sentence);
/* The same for a sentence of @length bytes, not necessarily NUL-terminated. English, and
 * without context: the sentence is scored on its own. */
double      vera_scorer_score_len      (VeraScorer  *self,
                                        const char  *sentence,
                                        gsize        length);
/* One sentence on its own in @language. English (and UND) use the full model; German and
 * Chinese a model without English word features, over figures, quotes, signs and the cue lists
 * of the language (src/core/lexicon/data/LANG/scorer-cues.txt); OTHER only the signs every
 * language shares. */
double      vera_scorer_score_language (VeraScorer  *self,
                                        const char  *sentence,
                                        gsize        length,
                                        VeraLanguage language);
/* The @n sentences of one document in reading order (the lines of a debate, the sentences of an
 * article), each scored with its context: its neighbours, its position, repeated claims and,
 * when @speakers is not NULL (n entries, NULL where unknown), the speaker turn. @lengths (n
 * entries, bytes) may be NULL for NUL-terminated sentences. Writes @n scores in [0, 1] to
 * @scores. Deterministic and thread-safe like vera_scorer_score(). */
void        vera_scorer_score_document (VeraScorer          *self,
                                        const char * const  *sentences,
                                        const gsize         *lengths,
                                        guint                n,
                                        const char * const  *speakers,
                                        VeraLanguage         language,
                                        double              *scores);

G_END_DECLS
