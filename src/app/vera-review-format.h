/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-types.h"

G_BEGIN_DECLS

/* How colleagues' reviews (VeraReview, pulled from an annotation server) are shown. */

/* The reviewer as people call them: "acct:mia@news.example" becomes "mia@news.example"; a W3C
 * creator name or IRI stays as it is. */
char     *vera_review_format_dup_reviewer    (const char *reviewer);
/* The ISO 8601 time of a review in local time ("2025-05-05 09:12"), or NULL when it is not one. */
char     *vera_review_format_dup_date        (const char *iso8601);
/* TRUE when the verdicts on @claim differ: among the reviewer's own status (when not
 * unreviewed) and colleagues' statuses (those that carry one) there are two different ones. */
gboolean  vera_review_format_reviewers_disagree (VeraClaim *claim);

G_END_DECLS
