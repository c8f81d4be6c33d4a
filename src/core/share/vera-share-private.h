/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "vera-net-private.h"
#include "vera-share.h"

G_BEGIN_DECLS

#define VERA_SHARE_HYPOTHESIS_ACCEPT "application/vnd.hypothesis.v1+json"
#define VERA_SHARE_W3C_TYPE "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\""
#define VERA_SHARE_W3C_PREFER \
  "return=representation;include=\"http://www.w3.org/ns/oa#PreferContainedDescriptions\""
/* Rows asked for per search page, and the most pages read of one document: a bound against a
 * server whose paging never ends. */
#define VERA_SHARE_PAGE_SIZE 200
#define VERA_SHARE_MAX_PAGES 500

/* A copy of a VeraShareTarget that lives as long as an operation. */
typedef struct
{
  VeraShareProtocol  protocol;
  char              *server;     /* without trailing slashes (Hypothesis) */
  char              *group;
  char              *token;
  char              *container;  /* W3C: the container URL, ending in a slash */
  char              *record;     /* what VeraSharedAnnotation.server holds for this target */
} VeraShareConfig;

VeraShareConfig *vera_share_config_new  (const VeraShareTarget *target);
void             vera_share_config_free (VeraShareConfig       *config);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraShareConfig, vera_share_config_free)

/* What one API request gave, once it succeeded (2xx, or a status the caller allowed). */
typedef struct
{
  guint     status;
  JsonNode *json;       /* NULL for an empty body */
  char     *location;   /* the Location header, resolved against the request URL */
  char     *etag;
} VeraShareReply;

void             vera_share_reply_free   (VeraShareReply *reply);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraShareReply, vera_share_reply_free)

/* One request with the protocol's Accept, Content-Type and token. @allowed (0 for none) is an
 * error status the caller handles itself (404 of an annotation deleted on the server). Other
 * failures become one-sentence errors: VERA_SHARE_ERROR_UNAUTHORIZED for 401/403, _SERVER for
 * 5xx, _REFUSED for other statuses, the VERA_NET_ERROR of a timeout or a refused connection. */
void             vera_share_request_async  (VeraNetService        *net,
                                            const VeraShareConfig *config,
                                            const char            *method,
                                            const char            *url,
                                            JsonNode              *body,
                                            const char            *if_match,
                                            guint                  allowed,
                                            GCancellable          *cancellable,
                                            GAsyncReadyCallback    callback,
                                            gpointer               user_data);
VeraShareReply  *vera_share_request_finish (VeraNetService        *net,
                                            GAsyncResult          *result,
                                            GError               **error);

/* Whether @claim carries a review worth sharing: a status other than unreviewed, a note, or
 * references. */
gboolean         vera_share_claim_is_reviewed  (VeraClaim         *claim);
/* The annotation of @claim as @config's protocol writes it (Hypothesis JSON, or a W3C Web
 * Annotation), on the document @document_uri. */
JsonNode        *vera_share_build_annotation   (const VeraShareConfig *config,
                                                VeraArticle       *article,
                                                VeraClaim         *claim,
                                                const char        *document_uri);
/* The verdict an annotation from the server carries, or NULL when it has no id. */
VeraReview      *vera_share_read_review        (const VeraShareConfig *config,
                                                JsonObject        *annotation);
/* Whether the annotation's target is @document_uri (W3C containers hold every document). */
gboolean         vera_share_targets_document   (JsonObject        *annotation,
                                                const char        *document_uri);

G_END_DECLS
