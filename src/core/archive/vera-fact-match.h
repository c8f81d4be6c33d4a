/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-fact-archive.h"

G_BEGIN_DECLS

/* The re-ranking of the candidates BM25 finds (MATCHING.md): a weighted sum of these features
 * of a (query, review) pair. For vera_fact_archive_match() and the tuning tool
 * (tests/bench/eval-match.c). */
typedef enum
{
  VERA_FACT_FEATURE_BM25,            /* BM25 relative to the best candidate's, 0–1 */
  VERA_FACT_FEATURE_QUERY_COVERED,   /* share of the query's distinct terms the review has */
  VERA_FACT_FEATURE_REVIEW_COVERED,  /* share of the review's distinct terms the query has */
  VERA_FACT_FEATURE_FIGURES,         /* share of the query's figures the review has */
  VERA_FACT_FEATURE_FIGURE_CLASH,    /* 1 when both have figures and share none */
  VERA_FACT_FEATURE_PLACES,          /* share of the query's places the review has */
  VERA_FACT_FEATURE_NAMES,           /* share of the query's names the review has */
  VERA_FACT_FEATURE_YEARS,           /* share of the query's years the review has */
  VERA_FACT_FEATURE_YEAR_CLASH,      /* 1 when both name years and share none */
  VERA_FACT_N_FEATURES,
} VeraFactFeature;

/* How many candidates BM25 passes to the re-ranking. */
#define VERA_FACT_N_CANDIDATES 100

typedef struct
{
  gint64  id;                             /* the row */
  char   *key;                            /* identifier or URL */
  double  features[VERA_FACT_N_FEATURES];
} VeraFactCandidate;

/* The candidates of @claim in BM25 order with their features: a GArray of VeraFactCandidate
 * (cleared with their key freed). NULL on a database error. */
GArray        *vera_fact_archive_candidates (VeraFactArchive *self,
                                             const char      *claim,
                                             VeraLanguage     language,
                                             guint            n_candidates,
                                             GError         **error);
/* The weighted sum; @weights has VERA_FACT_N_FEATURES entries. */
double         vera_fact_candidate_score    (const VeraFactCandidate *candidate,
                                             const double            *weights);
/* The default weights (tuned by cross-validation, MATCHING.md). */
const double  *vera_fact_default_weights    (void);
/* Replaces the weights of this archive's matching (for the tuning tool). */
void           vera_fact_archive_set_weights (VeraFactArchive *self,
                                              const double    *weights);
/* Query terms found in more than this share of the reviews (and in more than 50) are left out
 * of the search: they are the function words of the archive's languages. 1.0 keeps every
 * term (the plain BM25 floor of MATCHING.md). */
#define VERA_FACT_DEFAULT_MAX_DF_SHARE 0.05
void           vera_fact_archive_set_max_df_share (VeraFactArchive *self,
                                                   double           share);
/* Sorts @candidates by score, best first; ties by BM25 order (stable). */
void           vera_fact_candidates_rank    (GArray          *candidates,
                                             const double    *weights);

G_END_DECLS
