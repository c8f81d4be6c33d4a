/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-scorer-features.h"

G_BEGIN_DECLS

/* The training data of the check-worthiness scorer, read once and kept as feature vectors:
 * ClaimBuster sentences (on their own) and the documents of the CheckThat! 2019, CheckThat!
 * 2020 task 5 and ClaimRank sources (in order, with context). See SCORER.md. */

typedef enum
{
  SOURCE_CLAIMBUSTER,
  SOURCE_CHECKTHAT_2019,
  SOURCE_CHECKTHAT_2020,
  SOURCE_CLAIMRANK,
  N_SOURCES
} Source;

extern const char * const train_source_names[N_SOURCES];

typedef struct
{
  guint   first;        /* into Corpus.raw (the English model's features) */
  guint   n;
  guint   neutral_first; /* into Corpus.neutral (the model without word n-grams) */
  guint   neutral_n;
  guint8  label;        /* the training label */
  guint8  relevant;     /* the evaluation label (ClaimRank: chosen by at least one) */
  guint8  digit;        /* holds an ASCII digit: the baseline */
  guint8  no_text;      /* no words outside brackets */
  guint8  source;
  guint8  speakers;     /* extracted with the speakers known */
  guint8  long_text;    /* more than three words: tells transcripts apart */
  int     document;     /* into Corpus.documents; -1 for ClaimBuster */
  guint32 text_hash;    /* of the normalised text, to keep ClaimBuster out of held-out folds */
} Example;

typedef struct
{
  char   *name;         /* "clef2019-training/20160926_1pres.tsv" */
  Source  source;
  guint   group;        /* documents sharing a transcript share a group */
  guint   first;        /* into Corpus.examples: the sentences without speakers */
  guint   n;
  guint   speaker_first; /* the same sentences with speakers, when read with them */
} Document;

typedef struct
{
  GArray    *examples;   /* Example */
  GPtrArray *documents;  /* Document */
  GArray    *raw;        /* VeraScorerFeature */
  GArray    *neutral;    /* VeraScorerFeature */
  guint      hash_bits;
  guint      n_groups;
  guint      claimrank_min;
  gboolean   with_speakers;
  gboolean   with_context;   /* FALSE: every sentence on its own (to measure the context) */
} Corpus;

Corpus  *train_corpus_load (const char  *dir,
                            guint        hash_bits,
                            guint        claimrank_min,
                            gboolean     with_speakers,
                            gboolean     with_context,
                            GError     **error);
void     train_corpus_free (Corpus      *corpus);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Corpus, train_corpus_free)

G_END_DECLS
