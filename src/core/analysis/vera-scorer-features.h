/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"
#include "vera-lexicon.h"

G_BEGIN_DECLS

/* The version of the feature extraction. The weights file records it; a change to what
 * vera_scorer_features_extract() produces (or to a scorer-cues.txt list) must bump it and
 * retrain the weights. */
#define VERA_SCORER_FEATURES_VERSION 2

/* The hashing space of the features: indices are below 1 << hash_bits. */
#define VERA_SCORER_MIN_HASH_BITS 10
#define VERA_SCORER_MAX_HASH_BITS 24

/* Only the first this many bytes of a sentence count: longer "sentences" are runs of text
 * without punctuation, and the cap bounds the time and memory one line can take. */
#define VERA_SCORER_MAX_SENTENCE_BYTES 65536

/* Sentences with no words outside brackets, such as "(APPLAUSE)" or an empty line, state
 * nothing; their score is scaled down by this factor (trainer, evaluation and scorer alike). */
#define VERA_SCORER_NO_TEXT_FACTOR 0.01

/* The longer words of a sentence kept (hashed) to find claims repeated in a document. */
#define VERA_SCORER_MAX_CONTENT 24

typedef struct
{
  guint32 index;
  float   value;
} VeraScorerFeature;

/* How to extract: which language's cue list, and whether word n-grams count. The word n-grams
 * are English (the only labelled language); the model for other languages is trained on the
 * same English sentences without them, so that it leans on cues every language has. */
typedef struct
{
  VeraLanguage       language;   /* EN, DE, ZH or OTHER (UND is taken as EN) */
  gboolean           words;      /* word unigrams and bigrams */
  guint              hash_bits;
  const VeraLexicon *cues;       /* LANG/scorer-cues.txt; NULL for OTHER */
} VeraScorerExtractor;

enum
{
  VERA_SCORER_SENTENCE_DIGIT    = 1 << 0,
  VERA_SCORER_SENTENCE_QUESTION = 1 << 1,
  VERA_SCORER_SENTENCE_FIGURE   = 1 << 2,   /* a percent, a currency or a magnitude */
  VERA_SCORER_SENTENCE_QUOTE    = 1 << 3,
};

/* What the scorer and the document context need to know beside the features. */
typedef struct
{
  guint   n_words;           /* word tokens in the sentence */
  guint   n_words_outside;   /* word tokens outside (), [] and {} */
  guint   flags;             /* VERA_SCORER_SENTENCE_* */
  guint32 shape;             /* hash of the normalised tokens: equal for a repeated sentence */
  guint   n_content;
  guint32 content[VERA_SCORER_MAX_CONTENT];   /* hashes of the longer words, in order */
} VeraScorerSentenceInfo;

/* @language UND counts as EN; @words is ignored (FALSE) for any language but English. */
void vera_scorer_extractor_init   (VeraScorerExtractor    *self,
                                   VeraLanguage            language,
                                   gboolean                words,
                                   guint                   hash_bits);

/* Extracts the features of one sentence (UTF-8; invalid bytes are treated as separators) into
 * @features (a GArray of VeraScorerFeature), which is cleared first. No context features. The
 * features come out sorted by index without duplicates, so that the trainer and the scorer see
 * exactly the same vector. Used by both vera-train-scorer and VeraScorer. @info may be NULL. */
void vera_scorer_features_extract (const VeraScorerExtractor *self,
                                   const char             *sentence,
                                   gsize                   length,
                                   GArray                 *features,
                                   VeraScorerSentenceInfo *info);

/* The features of every sentence of a document read in order (a debate, an article): each
 * sentence's own features plus its context (neighbours, position, repetition and, when
 * @speakers is not NULL, the speaker turn). @lengths may be NULL for NUL-terminated sentences;
 * @speakers (n entries, NULL entries allowed) may be NULL. @features holds @n GArrays of
 * VeraScorerFeature, filled like vera_scorer_features_extract(); @infos (n entries) may be
 * NULL. */
void vera_scorer_features_extract_document (const VeraScorerExtractor *self,
                                            const char * const     *sentences,
                                            const gsize            *lengths,
                                            guint                   n,
                                            const char * const     *speakers,
                                            GArray                **features,
                                            VeraScorerSentenceInfo *infos);

/* The score of a sentence from the sum of its feature weights and the bias: the logistic
 * function, scaled down for sentences without text. In [0, 1]. */
double vera_scorer_features_probability (double                        z,
                                         const VeraScorerSentenceInfo *info);

G_END_DECLS
