/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The version of the feature extraction. The weights file records it; a change to what
 * vera_scorer_features_extract() produces must bump it and retrain the weights. */
#define VERA_SCORER_FEATURES_VERSION 1

/* The hashing space of the features: indices are below 1 << hash_bits. */
#define VERA_SCORER_MIN_HASH_BITS 10
#define VERA_SCORER_MAX_HASH_BITS 24

/* Only the first this many bytes of a sentence count: longer "sentences" are runs of text
 * without punctuation, and the cap bounds the time and memory one line can take. */
#define VERA_SCORER_MAX_SENTENCE_BYTES 65536

typedef struct
{
  guint32 index;
  float   value;
} VeraScorerFeature;

/* What the scorer needs to know beside the features. */
typedef struct
{
  guint n_words;           /* word tokens in the sentence */
  guint n_words_outside;   /* word tokens outside (), [] and {} */
} VeraScorerSentenceInfo;

/* Extracts the features of one sentence (UTF-8; invalid bytes are treated as separators) into
 * @features (a GArray of VeraScorerFeature), which is cleared first. The features come out
 * sorted by index without duplicates, so that the trainer and the scorer see exactly the same
 * vector. Used by both vera-train-scorer and VeraScorer. @info may be NULL. */
void vera_scorer_features_extract (const char             *sentence,
                                   gsize                   length,
                                   guint                   hash_bits,
                                   GArray                 *features,
                                   VeraScorerSentenceInfo *info);

G_END_DECLS
