/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "vera-json-util.h"
#include "vera-net-service.h"

G_BEGIN_DECLS

/* What one HTTP exchange gave, after redirects. */
typedef struct
{
  char               *url;            /* as asked */
  char               *final_url;      /* after redirects */
  guint               status;         /* 0 when no response came */
  SoupMessageHeaders *headers;        /* of the last response, or NULL */
  GBytes             *body;           /* never NULL once the exchange ended */
  gboolean            truncated;      /* the body passed the cap and was cut there */
  GError             *error;          /* a transport failure (VERA_NET_ERROR), or NULL */
} VeraNetResponse;

void             vera_net_response_free          (VeraNetResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraNetResponse, vera_net_response_free)

/* Whether a fetch result belongs in the metadata cache: dead links are not cached. */
gboolean         vera_net_meta_is_cacheable      (const VeraPageMeta *meta);

/* The link health a transport error or an HTTP status stands for. */
VeraLinkHealth   vera_net_health_for_error       (const GError    *error);
VeraLinkHealth   vera_net_health_for_status      (guint            status);

/* One GET (or other @method) with the service's limits: redirects followed by hand (when
 * @follow_redirects) with each Location checked, total timeout, body cap. The finish function
 * fails only on cancellation; transport failures are kept in response->error, HTTP error
 * statuses in response->status. */
void             vera_net_service_request_async  (VeraNetService      *self,
                                                  const char          *method,
                                                  const char          *url,
                                                  gboolean             follow_redirects,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* What an API request adds to the one above (annotation servers): headers and a body. The
 * strings are copied; NULL leaves a header out (Accept keeps the default). */
typedef struct
{
  const char *accept;
  const char *authorization;   /* the whole value, "Bearer …" */
  const char *if_match;
  const char *prefer;
  const char *content_type;    /* of @body */
  GBytes     *body;
} VeraNetRequestOptions;

/* vera_net_service_request_async() with @options; redirects are never followed, so a token is
 * never sent on to another host. Finish with vera_net_service_request_finish(). */
void             vera_net_service_request_full_async (VeraNetService            *self,
                                                      const char                *method,
                                                      const char                *url,
                                                      const VeraNetRequestOptions *options,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
VeraNetResponse *vera_net_service_request_finish (VeraNetService      *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);

/* For service clients: a response that is a JSON document with a 2xx status, else an error
 * naming @service. */
JsonNode        *vera_net_response_parse_json    (VeraNetResponse     *response,
                                                  const char          *service,
                                                  GError             **error);

/* The finish of a request made for a JSON service: the JSON object it answered with, else an
 * error naming @service (cancellation included). @status (nullable) gets the HTTP status. */
JsonNode        *vera_net_service_request_finish_object (VeraNetService  *self,
                                                         GAsyncResult    *result,
                                                         const char      *service,
                                                         guint           *status,
                                                         GError         **error);

SoupSession     *vera_net_service_get_session    (VeraNetService      *self);

/* @text as a message may quote it: made valid UTF-8, and cut after @max_chars characters
 * (never inside one) with an ellipsis. Addresses and headers come from anywhere. */
char            *vera_net_quote_for_message      (const char          *text,
                                                  guint                max_chars);

/* @base without its trailing slashes, then @path ("/wayback/available?url=…"). */
char            *vera_net_join_url               (const char          *base,
                                                  const char          *path);

/* The member at @path ("archived_snapshots.closest.url") of @object, or NULL. */
JsonNode        *vera_net_json_lookup            (JsonObject          *object,
                                                  const char          *path);
/* A copy of the string member at @path ("content_urls.desktop.page") of @object, or NULL when
 * it is absent or not a string. */
char            *vera_net_json_dup_string        (JsonObject          *object,
                                                  const char          *path);

/* Copy and free the result structs whose first @n_strings members are strings. */
gpointer         vera_net_struct_dup             (gconstpointer        src,
                                                  gsize                size,
                                                  guint                n_strings);
void             vera_net_struct_free            (gpointer             mem,
                                                  guint                n_strings);

/* Defines the boxed type, copy and free of a result struct whose first @n_strings members are
 * its strings. */
#define VERA_NET_DEFINE_RESULT_TYPE(TypeName, type_name, n_strings)              \
  G_DEFINE_BOXED_TYPE (TypeName, type_name, type_name##_copy, type_name##_free) \
                                                                                \
  TypeName *                                                                    \
  type_name##_copy (const TypeName *self)                                       \
  {                                                                             \
    g_return_val_if_fail (self != NULL, NULL);                                  \
    return vera_net_struct_dup (self, sizeof *self, (n_strings));               \
  }                                                                             \
                                                                                \
  void                                                                          \
  type_name##_free (TypeName *self)                                             \
  {                                                                             \
    vera_net_struct_free (self, (n_strings));                                   \
  }

/* The date of a Wayback timestamp "YYYYMMDDhhmmss" as ISO 8601 UTC, or NULL. */
char            *vera_net_wayback_time_to_iso    (const char          *timestamp);

G_END_DECLS
