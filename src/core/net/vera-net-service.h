/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-page-meta.h"

G_BEGIN_DECLS

#define VERA_NET_ERROR (vera_net_error_quark ())

/* Why a network request gave no usable answer. */
typedef enum
{
  VERA_NET_ERROR_BAD_URL,             /* not an absolute http(s) URL */
  VERA_NET_ERROR_BAD_SCHEME,          /* file:, data:, javascript:, … (also after a redirect) */
  VERA_NET_ERROR_TOO_MANY_REDIRECTS,
  VERA_NET_ERROR_TOO_LARGE,           /* the body passed the size cap */
  VERA_NET_ERROR_TIMEOUT,
  VERA_NET_ERROR_DNS,
  VERA_NET_ERROR_REFUSED,
  VERA_NET_ERROR_NETWORK,             /* reset, closed, TLS, … */
  VERA_NET_ERROR_HTTP,                /* the server answered with an error status */
  VERA_NET_ERROR_INVALID_RESPONSE,    /* the answer is not in the service's format */
  VERA_NET_ERROR_NOT_FOUND,           /* the service has nothing for the request (no article) */
  VERA_NET_ERROR_NO_API_KEY,          /* the service needs a key the user has not given */
} VeraNetError;

typedef enum /*< flags >*/
{
  VERA_FETCH_FLAGS_NONE      = 0,
  VERA_FETCH_FLAGS_KEEP_BODY = 1 << 0,  /* keep the decoded HTML in VeraPageMeta.body */
  VERA_FETCH_FLAGS_NO_CACHE  = 1 << 1,  /* do not write the result to the metadata cache */
} VeraFetchFlags;

#define VERA_NET_DEFAULT_TIMEOUT       30
#define VERA_NET_DEFAULT_MAX_BODY_SIZE (5 * 1024 * 1024)
#define VERA_NET_MAX_REDIRECTS         5
#define VERA_NET_MAX_CONNS_PER_HOST    4

#define VERA_TYPE_NET_SERVICE (vera_net_service_get_type ())

G_DECLARE_FINAL_TYPE (VeraNetService, vera_net_service, VERA, NET_SERVICE, GObject)

GQuark          vera_net_error_quark                  (void);

VeraNetService *vera_net_service_new                  (void);

guint           vera_net_service_get_timeout          (VeraNetService      *self);
void            vera_net_service_set_timeout          (VeraNetService      *self,
                                                       guint                seconds);
gsize           vera_net_service_get_max_body_size    (VeraNetService      *self);
void            vera_net_service_set_max_body_size    (VeraNetService      *self,
                                                       gsize                bytes);
const char     *vera_net_service_get_wayback_base     (VeraNetService      *self);
void            vera_net_service_set_wayback_base     (VeraNetService      *self,
                                                       const char          *url);
const char     *vera_net_service_get_save_base        (VeraNetService      *self);
void            vera_net_service_set_save_base        (VeraNetService      *self,
                                                       const char          *url);
const char     *vera_net_service_get_wikipedia_base   (VeraNetService      *self);
void            vera_net_service_set_wikipedia_base   (VeraNetService      *self,
                                                       const char          *url);
const char     *vera_net_service_get_wikipedia_language (VeraNetService    *self);
void            vera_net_service_set_wikipedia_language (VeraNetService    *self,
                                                         const char        *language);
const char     *vera_net_service_get_factcheck_base   (VeraNetService      *self);
void            vera_net_service_set_factcheck_base   (VeraNetService      *self,
                                                       const char          *url);
const char     *vera_net_service_get_factcheck_api_key (VeraNetService     *self);
void            vera_net_service_set_factcheck_api_key (VeraNetService     *self,
                                                        const char         *key);
const char     *vera_net_service_get_cache_dir        (VeraNetService      *self);
const char     *vera_net_service_get_user_agent       (VeraNetService      *self);

/* TRUE when @url is an absolute http or https URL with a host; otherwise sets a
 * VERA_NET_ERROR_BAD_URL or VERA_NET_ERROR_BAD_SCHEME error that says what is wrong. */
gboolean        vera_net_check_url                    (const char          *url,
                                                       GError             **error);

/* Fetches @url and describes it. The result is a VeraPageMeta whenever the link could be
 * judged, healthy or not (health and reason say why a link is dead); the finish function fails
 * only when @cancellable was cancelled. Healthy results are written to the metadata cache
 * unless VERA_FETCH_FLAGS_NO_CACHE is given. */
void            vera_net_service_fetch_async          (VeraNetService      *self,
                                                       const char          *url,
                                                       VeraFetchFlags       flags,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
VeraPageMeta   *vera_net_service_fetch_finish         (VeraNetService      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

/* The cached metadata of @url from an earlier fetch, or NULL. Reads one small file. */
VeraPageMeta   *vera_net_service_lookup_cached        (VeraNetService      *self,
                                                       const char          *url);
/* Writes @meta to the cache, replacing the file atomically, off the main loop. */
void            vera_net_service_store_cached_async   (VeraNetService      *self,
                                                       const VeraPageMeta  *meta,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean        vera_net_service_store_cached_finish  (VeraNetService      *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
