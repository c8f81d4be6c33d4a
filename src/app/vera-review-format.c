/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-review-format"

#include "config.h"

#include <string.h>

#include "vera-claim.h"
#include "vera-review.h"
#include "vera-review-format.h"

char *
vera_review_format_dup_reviewer (const char *reviewer)
{
  if (reviewer == NULL || *reviewer == '\0')
    return g_strdup ("");
  if (g_str_has_prefix (reviewer, "acct:"))
    return g_strdup (reviewer + strlen ("acct:"));
  return g_strdup (reviewer);
}

char *
vera_review_format_dup_date (const char *iso8601)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso8601 == NULL)
    return NULL;
  /* A time without a zone is read as UTC, as the servers mean it. */
  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (iso8601, utc);
  if (time == NULL)
    return NULL;
  local = g_date_time_to_local (time);
  /* Year first: 06/02/25 reads as two different days in London and in New York. */
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

gboolean
vera_review_format_reviewers_disagree (VeraClaim *claim)
{
  GPtrArray *reviews;
  VeraStatus seen;
  gboolean have;

  g_return_val_if_fail (VERA_IS_CLAIM (claim), FALSE);

  reviews = vera_claim_get_reviews (claim);
  seen = vera_claim_get_status (claim);
  have = seen != VERA_STATUS_UNREVIEWED;
  for (guint i = 0; i < reviews->len; i++)
    {
      const VeraReview *review = g_ptr_array_index (reviews, i);

      if (review->status == VERA_STATUS_UNREVIEWED)
        continue;
      if (!have)
        {
          seen = review->status;
          have = TRUE;
        }
      else if (review->status != seen)
        return TRUE;
    }
  return FALSE;
}
