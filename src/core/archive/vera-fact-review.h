/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "vera-types.h"
#include "vera-enums.h"

G_BEGIN_DECLS

#define VERA_TYPE_FACT_REVIEW (vera_fact_review_get_type ())
#define VERA_TYPE_FACT_MATCH (vera_fact_match_get_type ())

/* One fact-check of the archive (a row): a plain boxed struct. Every string may be NULL. */
typedef struct
{
  char       *identifier;  /* the review's own identifier (ClaimReview "identifier") */
  char       *url;         /* the review's page */
  char       *claim;       /* the claim reviewed */
  char       *headline;    /* the review's headline */
  char       *rating;      /* the rating in the publisher's words, "Mostly false" */
  VeraStatus  status;      /* the rating as a Vera status; UNREVIEWED when it maps to none */
  char       *publisher;   /* who reviewed it, "PolitiFact" */
  char       *date;        /* when the review was published, as the source writes it */
  char       *language;    /* a language tag, "en", "zh-Hans" */
  char       *claimant;    /* who made the claim */
  char       *source;      /* the file it was imported from (its base name) */
} VeraFactReview;

/* A review matched to a claim: the higher @score, the closer; only the order of the scores of
 * one query means anything. */
typedef struct
{
  VeraFactReview *review;
  double          score;
} VeraFactMatch;

GType           vera_fact_review_get_type (void) G_GNUC_CONST;
VeraFactReview *vera_fact_review_new      (void);
VeraFactReview *vera_fact_review_copy     (const VeraFactReview *self);
void            vera_fact_review_free     (VeraFactReview       *self);
/* The key the archive stores it under: the identifier, else the URL, else NULL. */
const char     *vera_fact_review_get_key  (const VeraFactReview *self);

GType           vera_fact_match_get_type  (void) G_GNUC_CONST;
VeraFactMatch  *vera_fact_match_copy      (const VeraFactMatch  *self);
void            vera_fact_match_free      (VeraFactMatch        *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraFactReview, vera_fact_review_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraFactMatch, vera_fact_match_free)

G_END_DECLS
