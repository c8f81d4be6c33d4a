/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-archive"

#include "config.h"

#include "vera-fact-review.h"

G_DEFINE_BOXED_TYPE (VeraFactReview, vera_fact_review, vera_fact_review_copy,
                     vera_fact_review_free)
G_DEFINE_BOXED_TYPE (VeraFactMatch, vera_fact_match, vera_fact_match_copy, vera_fact_match_free)

VeraFactReview *
vera_fact_review_new (void)
{
  return g_new0 (VeraFactReview, 1);
}

VeraFactReview *
vera_fact_review_copy (const VeraFactReview *self)
{
  VeraFactReview *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = vera_fact_review_new ();
  copy->identifier = g_strdup (self->identifier);
  copy->url = g_strdup (self->url);
  copy->claim = g_strdup (self->claim);
  copy->headline = g_strdup (self->headline);
  copy->rating = g_strdup (self->rating);
  copy->status = self->status;
  copy->publisher = g_strdup (self->publisher);
  copy->date = g_strdup (self->date);
  copy->language = g_strdup (self->language);
  copy->claimant = g_strdup (self->claimant);
  copy->source = g_strdup (self->source);
  return copy;
}

void
vera_fact_review_free (VeraFactReview *self)
{
  if (self == NULL)
    return;
  g_free (self->identifier);
  g_free (self->url);
  g_free (self->claim);
  g_free (self->headline);
  g_free (self->rating);
  g_free (self->publisher);
  g_free (self->date);
  g_free (self->language);
  g_free (self->claimant);
  g_free (self->source);
  g_free (self);
}

const char *
vera_fact_review_get_key (const VeraFactReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->identifier != NULL && self->identifier[0] != '\0')
    return self->identifier;
  if (self->url != NULL && self->url[0] != '\0')
    return self->url;
  return NULL;
}

VeraFactMatch *
vera_fact_match_copy (const VeraFactMatch *self)
{
  VeraFactMatch *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (VeraFactMatch, 1);
  copy->review = vera_fact_review_copy (self->review);
  copy->score = self->score;
  return copy;
}

void
vera_fact_match_free (VeraFactMatch *self)
{
  if (self == NULL)
    return;
  vera_fact_review_free (self->review);
  g_free (self);
}
