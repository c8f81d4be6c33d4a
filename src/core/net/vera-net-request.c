/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-net-private.h"

/* Bytes asked for per read: small enough that the cap is checked often. */
#define READ_CHUNK (64 * 1024)

typedef struct
{
  VeraNetResponse *response;
  char            *method;
  GUri            *uri;
  gboolean         follow_redirects;
  guint            redirects;
  gsize            max_body;
  guint            timeout;
  GCancellable    *cancellable;      /* ours: cancelled by the caller's or by the timer */
  GCancellable    *caller_cancellable;
  gulong           caller_handler;
  GSource         *timer;
  gboolean         timed_out;
  SoupMessage     *msg;
  GInputStream    *stream;
  GByteArray      *buffer;
  /* Set by vera_net_service_request_full_async(). */
  char            *accept;
  char            *authorization;
  char            *if_match;
  char            *prefer;
  char            *content_type;
  GBytes          *body;
} RequestData;

void
vera_net_response_free (VeraNetResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->url);
  g_free (response->final_url);
  g_clear_pointer (&response->headers, soup_message_headers_unref);
  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_error (&response->error);
  g_free (response);
}

static void
request_data_free (RequestData *data)
{
  if (data->timer != NULL)
    {
      g_source_destroy (data->timer);
      g_source_unref (data->timer);
    }
  if (data->caller_cancellable != NULL)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->cancellable);
  g_clear_pointer (&data->response, vera_net_response_free);
  g_free (data->method);
  g_clear_pointer (&data->uri, g_uri_unref);
  g_clear_object (&data->msg);
  g_clear_object (&data->stream);
  g_clear_pointer (&data->buffer, g_byte_array_unref);
  g_free (data->accept);
  g_free (data->authorization);
  g_free (data->if_match);
  g_free (data->prefer);
  g_free (data->content_type);
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data);
}

VeraLinkHealth
vera_net_health_for_status (guint status)
{
  if (status >= 200 && status < 300)
    return VERA_LINK_HEALTH_OK;
  if (status >= 400 && status < 500)
    return VERA_LINK_HEALTH_CLIENT_ERROR;
  if (status >= 500 && status < 600)
    return VERA_LINK_HEALTH_SERVER_ERROR;
  /* A redirect that could not be followed, or a status outside HTTP. */
  return VERA_LINK_HEALTH_NETWORK_ERROR;
}

VeraLinkHealth
vera_net_health_for_error (const GError *error)
{
  if (error == NULL)
    return VERA_LINK_HEALTH_OK;
  if (error->domain != VERA_NET_ERROR)
    return VERA_LINK_HEALTH_NETWORK_ERROR;

  switch ((VeraNetError) error->code)
    {
    case VERA_NET_ERROR_BAD_URL:
    case VERA_NET_ERROR_BAD_SCHEME:
      return VERA_LINK_HEALTH_BAD_SCHEME;
    case VERA_NET_ERROR_TOO_MANY_REDIRECTS:
      return VERA_LINK_HEALTH_TOO_MANY_REDIRECTS;
    case VERA_NET_ERROR_TOO_LARGE:
      return VERA_LINK_HEALTH_TOO_LARGE;
    case VERA_NET_ERROR_TIMEOUT:
      return VERA_LINK_HEALTH_TIMEOUT;
    case VERA_NET_ERROR_DNS:
      return VERA_LINK_HEALTH_DNS;
    case VERA_NET_ERROR_REFUSED:
      return VERA_LINK_HEALTH_REFUSED;
    case VERA_NET_ERROR_HTTP:
    case VERA_NET_ERROR_NOT_FOUND:
      return VERA_LINK_HEALTH_CLIENT_ERROR;
    case VERA_NET_ERROR_NETWORK:
    case VERA_NET_ERROR_INVALID_RESPONSE:
    case VERA_NET_ERROR_NO_API_KEY:
    default:
      return VERA_LINK_HEALTH_NETWORK_ERROR;
    }
}

/* Turns a GIO, resolver, TLS or libsoup error into one of ours, with a message for people. */
static GError *
translate_error (RequestData  *data,
                 const GError *error)
{
  g_autofree char *host = g_strdup (data->uri != NULL ? g_uri_get_host (data->uri) : "?");

  if (data->timed_out || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (VERA_NET_ERROR, VERA_NET_ERROR_TIMEOUT,
                        /* Translators: %s is a server name such as "example.org" */
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%s did not send a complete answer within %u second",
                                     "%s did not send a complete answer within %u seconds",
                                     data->timeout),
                        host, data->timeout);
  if (error->domain == G_RESOLVER_ERROR ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_HOST_NOT_FOUND))
    return g_error_new (VERA_NET_ERROR, VERA_NET_ERROR_DNS,
                        _("The server name %s could not be found"), host);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED))
    return g_error_new (VERA_NET_ERROR, VERA_NET_ERROR_REFUSED,
                        _("%s refused the connection"), host);
  return g_error_new (VERA_NET_ERROR, VERA_NET_ERROR_NETWORK,
                      _("The connection to %s failed: %s"), host, error->message);
}

static void
finish (GTask  *task,
        GError *transport_error)
{
  RequestData *data = g_task_get_task_data (task);
  VeraNetResponse *response = g_steal_pointer (&data->response);

  if (data->caller_cancellable != NULL && g_cancellable_is_cancelled (data->caller_cancellable))
    {
      g_clear_error (&transport_error);
      vera_net_response_free (response);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                               _("The request was cancelled"));
      return;
    }

  response->error = transport_error;
  response->final_url = data->uri != NULL ? g_uri_to_string (data->uri) : NULL;
  if (data->msg != NULL && response->status != 0)
    response->headers = soup_message_headers_ref (soup_message_get_response_headers (data->msg));
  if (data->buffer != NULL)
    response->body = g_byte_array_free_to_bytes (g_steal_pointer (&data->buffer));
  else
    response->body = g_bytes_new (NULL, 0);
  g_task_return_pointer (task, response, (GDestroyNotify) vera_net_response_free);
}

static void send_message (GTask *task);

static void
close_stream (RequestData *data)
{
  /* Closing early drops the connection instead of draining an unwanted body. */
  if (data->stream != NULL)
    g_input_stream_close (data->stream, NULL, NULL);
  g_clear_object (&data->stream);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize len;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      close_stream (data);
      finish (task, translate_error (data, error));
      return;
    }

  len = g_bytes_get_size (chunk);
  if (len == 0)
    {
      close_stream (data);
      finish (task, NULL);
      return;
    }

  if (data->buffer->len + len > data->max_body)
    {
      /* Keep what fits under the cap: enough to describe the page, and memory stays bounded. */
      g_byte_array_append (data->buffer, g_bytes_get_data (chunk, NULL),
                           data->max_body - data->buffer->len);
      data->response->truncated = TRUE;
      close_stream (data);
      finish (task, NULL);
      return;
    }
  g_byte_array_append (data->buffer, g_bytes_get_data (chunk, NULL), len);

  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->cancellable, read_cb, g_steal_pointer (&task));
}

/* Follows a redirect to @location by hand, so every Location is checked before it is
 * requested. FALSE with @error when it may not be followed. */
static gboolean
follow_redirect (GTask       *task,
                 const char  *location,
                 GError     **error)
{
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GUri) next = NULL;
  g_autofree char *next_str = NULL;
  g_autoptr(GError) local_error = NULL;

  if (++data->redirects > VERA_NET_MAX_REDIRECTS)
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_TOO_MANY_REDIRECTS,
                   _("The address redirected more than %d times"), VERA_NET_MAX_REDIRECTS);
      return FALSE;
    }

  next = g_uri_parse_relative (data->uri, location,
                               G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, &local_error);
  if (next == NULL)
    {
      g_autofree char *shown = vera_net_quote_for_message (location, 200);

      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_URL,
                   _("The server redirected to an invalid address: %s"), shown);
      return FALSE;
    }
  next_str = g_uri_to_string (next);
  if (!vera_net_check_url (next_str, &local_error))
    {
      g_set_error (error, VERA_NET_ERROR, local_error->code,
                   _("The server redirected to a refused address: %s"), local_error->message);
      return FALSE;
    }

  g_clear_pointer (&data->uri, g_uri_unref);
  data->uri = g_steal_pointer (&next);
  /* A 303, and for compatibility a 301/302 after POST, continue as GET. */
  if (soup_message_get_status (data->msg) == SOUP_STATUS_SEE_OTHER ||
      g_str_equal (data->method, "POST"))
    {
      g_free (data->method);
      data->method = g_strdup ("GET");
    }
  send_message (task);
  return TRUE;
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  const char *location;
  guint status;

  data->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  if (data->stream == NULL)
    {
      finish (task, translate_error (data, error));
      return;
    }

  status = soup_message_get_status (data->msg);
  data->response->status = status;

  /* A redirect without a Location is an answer in itself: its body is read like any other. */
  location = soup_message_headers_get_one (soup_message_get_response_headers (data->msg),
                                           "Location");
  if (data->follow_redirects && SOUP_STATUS_IS_REDIRECTION (status) &&
      status != SOUP_STATUS_NOT_MODIFIED && location != NULL)
    {
      g_autofree char *target = g_strdup (location);
      GError *redirect_error = NULL;

      close_stream (data);
      if (!follow_redirect (task, target, &redirect_error))
        finish (task, redirect_error);
      return;
    }

  data->buffer = g_byte_array_new ();
  g_input_stream_read_bytes_async (data->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   data->cancellable, read_cb, g_steal_pointer (&task));
}

static void
send_message (GTask *task)
{
  RequestData *data = g_task_get_task_data (task);
  VeraNetService *self = g_task_get_source_object (task);
  SoupMessageHeaders *headers;

  g_clear_object (&data->msg);
  data->msg = soup_message_new_from_uri (data->method, data->uri);
  soup_message_add_flags (data->msg, SOUP_MESSAGE_NO_REDIRECT);
  headers = soup_message_get_request_headers (data->msg);
  soup_message_headers_replace (headers, "Accept",
                                data->accept != NULL ? data->accept
                                : "text/html,application/xhtml+xml,application/json;q=0.9,"
                                  "*/*;q=0.8");
  if (data->authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", data->authorization);
  if (data->if_match != NULL)
    soup_message_headers_replace (headers, "If-Match", data->if_match);
  if (data->prefer != NULL)
    soup_message_headers_replace (headers, "Prefer", data->prefer);
  if (data->body != NULL)
    soup_message_set_request_body_from_bytes (data->msg, data->content_type, data->body);
  soup_session_send_async (vera_net_service_get_session (self), data->msg, G_PRIORITY_DEFAULT,
                           data->cancellable, send_cb, g_object_ref (task));
}

static gboolean
timer_cb (gpointer user_data)
{
  RequestData *data = user_data;

  data->timed_out = TRUE;
  g_cancellable_cancel (data->cancellable);
  g_clear_pointer (&data->timer, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
caller_cancelled_cb (GCancellable *caller,
                     GCancellable *ours)
{
  g_cancellable_cancel (ours);
}

static void request_start (VeraNetService              *self,
                           const char                  *method,
                           const char                  *url,
                           gboolean                     follow_redirects,
                           const VeraNetRequestOptions *options,
                           GCancellable                *cancellable,
                           GAsyncReadyCallback          callback,
                           gpointer                     user_data);

void
vera_net_service_request_async (VeraNetService      *self,
                                const char          *method,
                                const char          *url,
                                gboolean             follow_redirects,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (VERA_IS_NET_SERVICE (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  request_start (self, method, url, follow_redirects, NULL, cancellable, callback, user_data);
}

void
vera_net_service_request_full_async (VeraNetService              *self,
                                     const char                  *method,
                                     const char                  *url,
                                     const VeraNetRequestOptions *options,
                                     GCancellable                *cancellable,
                                     GAsyncReadyCallback          callback,
                                     gpointer                     user_data)
{
  g_return_if_fail (VERA_IS_NET_SERVICE (self));
  g_return_if_fail (method != NULL);
  g_return_if_fail (url != NULL);
  g_return_if_fail (options != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  request_start (self, method, url, FALSE, options, cancellable, callback, user_data);
}

static void
request_start (VeraNetService              *self,
               const char                  *method,
               const char                  *url,
               gboolean                     follow_redirects,
               const VeraNetRequestOptions *options,
               GCancellable                *cancellable,
               GAsyncReadyCallback          callback,
               gpointer                     user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RequestData *data;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_net_service_request_async);

  data = g_new0 (RequestData, 1);
  if (options != NULL)
    {
      data->accept = g_strdup (options->accept);
      data->authorization = g_strdup (options->authorization);
      data->if_match = g_strdup (options->if_match);
      data->prefer = g_strdup (options->prefer);
      data->content_type = g_strdup (options->content_type);
      data->body = options->body != NULL ? g_bytes_ref (options->body) : NULL;
    }
  data->response = g_new0 (VeraNetResponse, 1);
  data->response->url = g_strdup (url);
  data->method = g_strdup (method);
  data->follow_redirects = follow_redirects;
  data->max_body = vera_net_service_get_max_body_size (self);
  data->timeout = vera_net_service_get_timeout (self);
  data->cancellable = g_cancellable_new ();
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);
  /* Our own cancellable lets the total timeout stop the request wherever it is. */
  g_task_set_check_cancellable (task, FALSE);

  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable,
                                                    G_CALLBACK (caller_cancelled_cb),
                                                    g_object_ref (data->cancellable),
                                                    g_object_unref);
    }

  if (!vera_net_check_url (url, &error))
    {
      finish (task, g_steal_pointer (&error));
      return;
    }
  data->uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);

  data->timer = g_timeout_source_new (data->timeout * 1000);
  g_source_set_callback (data->timer, timer_cb, data, NULL);
  g_source_set_static_name (data->timer, "[vera] request timeout");
  g_source_attach (data->timer, g_main_context_get_thread_default ());

  send_message (task);
}

VeraNetResponse *
vera_net_service_request_finish (VeraNetService  *self,
                                 GAsyncResult    *result,
                                 GError         **error)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

JsonNode *
vera_net_response_parse_json (VeraNetResponse  *response,
                              const char       *service,
                              GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  if (response->error != NULL)
    {
      g_set_error (error, VERA_NET_ERROR, response->error->code, "%s: %s", service,
                   response->error->message);
      return NULL;
    }
  if (response->truncated)
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_TOO_LARGE,
                   _("%s sent an answer larger than the size limit"), service);
      return NULL;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      g_set_error (error, VERA_NET_ERROR,
                   response->status == SOUP_STATUS_NOT_FOUND ? VERA_NET_ERROR_NOT_FOUND
                                                             : VERA_NET_ERROR_HTTP,
                   _("%s answered with HTTP status %u"), service, response->status);
      return NULL;
    }
  data = g_bytes_get_data (response->body, &len);
  if (!vera_json_depth_ok (data, len, VERA_JSON_MAX_DEPTH))
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_INVALID_RESPONSE,
                   _("%s sent JSON nested deeper than %d levels"), service,
                   VERA_JSON_MAX_DEPTH);
      return NULL;
    }
  if (len == 0 || !json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_INVALID_RESPONSE,
                   _("%s sent an answer that is not valid JSON: %s"), service,
                   local_error != NULL ? local_error->message : _("it is empty"));
      return NULL;
    }
  return json_node_copy (json_parser_get_root (parser));
}

JsonNode *
vera_net_service_request_finish_object (VeraNetService  *self,
                                        GAsyncResult    *result,
                                        const char      *service,
                                        guint           *status,
                                        GError         **error)
{
  g_autoptr(VeraNetResponse) response = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (status != NULL)
    *status = 0;
  response = vera_net_service_request_finish (self, result, error);
  if (response == NULL)
    return NULL;
  if (status != NULL)
    *status = response->status;
  root = vera_net_response_parse_json (response, service, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_INVALID_RESPONSE,
                   _("%s sent an answer in an unknown format"), service);
      return NULL;
    }
  return g_steal_pointer (&root);
}

char *
vera_net_join_url (const char *base,
                   const char *path)
{
  gsize len = strlen (base);

  while (len > 0 && base[len - 1] == '/')
    len--;
  return g_strdup_printf ("%.*s%s", (int) len, base, path);
}

JsonNode *
vera_net_json_lookup (JsonObject *object,
                      const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || !json_object_has_member (object, parts[i]))
        return NULL;
      node = json_object_get_member (object, parts[i]);
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

char *
vera_net_json_dup_string (JsonObject *object,
                          const char *path)
{
  JsonNode *node = vera_net_json_lookup (object, path);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

gpointer
vera_net_struct_dup (gconstpointer src,
                     gsize         size,
                     guint         n_strings)
{
  char **copy = g_memdup2 (src, size);

  for (guint i = 0; i < n_strings; i++)
    copy[i] = g_strdup (copy[i]);
  return copy;
}

void
vera_net_struct_free (gpointer mem,
                      guint    n_strings)
{
  char **strings = mem;

  if (mem == NULL)
    return;
  for (guint i = 0; i < n_strings; i++)
    g_free (strings[i]);
  g_free (mem);
}
