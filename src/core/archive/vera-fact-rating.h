/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-types.h"
#include "vera-enums.h"

G_BEGIN_DECLS

/* The Vera status a fact-check's rating means, or VERA_STATUS_UNREVIEWED when it means none
 * that we can be sure of. @text is the rating in words (ClaimReview alternateName or the API's
 * textualRating, may be NULL): first the ClaimReview names of Vera's statuses (the table of
 * vera-vocabulary.c: "True", "Half true", …), then the list any/archive-ratings.txt ("Pants on
 * Fire", "Falsch", "错误"). Failing that, @value on Vera's own scale (@best 5, @worst 1, as
 * `vera-check export -f claimreview` writes it) when exactly one status has that rating value;
 * pass NAN for unknown numbers. */
VeraStatus vera_fact_rating_to_status (const char *text,
                                       double      value,
                                       double      best,
                                       double      worst);

G_END_DECLS
