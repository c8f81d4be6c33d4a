/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-net-service.h"

G_BEGIN_DECLS

#define VERA_TYPE_FACT_CHECK (vera_fact_check_get_type ())

/* One earlier fact-check of a claim (one ClaimReview of the Google Fact Check Tools API). */
typedef struct
{
  char *claim_text;
  char *claimant;
  char *claim_date;       /* ISO 8601 as the service gives it */
  char *publisher_name;
  char *publisher_site;
  char *url;              /* the fact-check article */
  char *title;
  char *review_date;
  char *textual_rating;   /* "False", "Mostly true", … in the publisher's words */
  char *language_code;
} VeraFactCheck;

GType          vera_fact_check_get_type (void) G_GNUC_CONST;
VeraFactCheck *vera_fact_check_copy     (const VeraFactCheck *self);
void           vera_fact_check_free     (VeraFactCheck       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraFactCheck, vera_fact_check_free)

/* Searches earlier fact-checks of @query (claims:search). @language_code (BCP 47, NULL for
 * any) narrows the search. The finish function returns an array of VeraFactCheck, empty when
 * there are none. Without an API key (the service's factcheck-api-key) it fails with
 * VERA_NET_ERROR_NO_API_KEY and a message telling the user to add one in Preferences. */
void           vera_factcheck_search_async  (VeraNetService       *net,
                                             const char           *query,
                                             const char           *language_code,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
GPtrArray     *vera_factcheck_search_finish (VeraNetService       *net,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
