/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-share"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-json-writer.h"
#include "vera-share-private.h"

typedef struct
{
  char  *url;
  guint  allowed;
} RequestData;

static void
request_data_free (RequestData *data)
{
  g_free (data->url);
  g_free (data);
}

void
vera_share_reply_free (VeraShareReply *reply)
{
  if (reply == NULL)
    return;
  g_clear_pointer (&reply->json, json_node_unref);
  g_free (reply->location);
  g_free (reply->etag);
  g_free (reply);
}

static GError *
status_error (const char *url,
              guint       status)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  const char *host = uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "?";

  if (status == SOUP_STATUS_UNAUTHORIZED || status == SOUP_STATUS_FORBIDDEN)
    return g_error_new (VERA_SHARE_ERROR, VERA_SHARE_ERROR_UNAUTHORIZED,
                        /* Translators: %s is a server name such as "hypothes.is" */
                        _("The annotation server %s refused the token (HTTP status %u); check "
                          "the API token and that it may write to the group"), host, status);
  if (status >= 500)
    return g_error_new (VERA_SHARE_ERROR, VERA_SHARE_ERROR_SERVER,
                        _("The annotation server %s failed (HTTP status %u); try again later"),
                        host, status);
  return g_error_new (VERA_SHARE_ERROR, VERA_SHARE_ERROR_REFUSED,
                      _("The annotation server %s refused the request (HTTP status %u)"),
                      host, status);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  VeraNetService *net = VERA_NET_SERVICE (object);
  g_autoptr(GTask) task = user_data;
  RequestData *data = g_task_get_task_data (task);
  g_autoptr(VeraNetResponse) response = NULL;
  g_autoptr(VeraShareReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  response = vera_net_service_request_finish (net, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (response->error != NULL)
    {
      g_task_return_error (task, g_error_copy (response->error));
      return;
    }
  if (!SOUP_STATUS_IS_SUCCESSFUL (response->status) &&
      (data->allowed == 0 || response->status != data->allowed))
    {
      g_task_return_error (task, status_error (data->url, response->status));
      return;
    }

  reply = g_new0 (VeraShareReply, 1);
  reply->status = response->status;
  if (response->headers != NULL)
    {
      const char *location = soup_message_headers_get_one (response->headers, "Location");

      reply->etag = g_strdup (soup_message_headers_get_one (response->headers, "ETag"));
      if (location != NULL)
        {
          g_autoptr(GUri) base = g_uri_parse (data->url, G_URI_FLAGS_ENCODED, NULL);
          g_autoptr(GUri) resolved = base != NULL
                                     ? g_uri_parse_relative (base, location, G_URI_FLAGS_ENCODED,
                                                             NULL)
                                     : NULL;

          reply->location = resolved != NULL ? g_uri_to_string (resolved) : NULL;
        }
    }
  g_bytes_get_data (response->body, &length);
  if (length > 0 && SOUP_STATUS_IS_SUCCESSFUL (response->status))
    {
      reply->json = vera_net_response_parse_json (response, _("The annotation server"), &error);
      if (reply->json == NULL)
        {
          g_task_return_new_error (task, VERA_SHARE_ERROR, VERA_SHARE_ERROR_INVALID, "%s",
                                   error->message);
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) vera_share_reply_free);
}

void
vera_share_request_async (VeraNetService        *net,
                          const VeraShareConfig *config,
                          const char            *method,
                          const char            *url,
                          JsonNode              *body,
                          const char            *if_match,
                          guint                  allowed,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *authorization = NULL;
  VeraNetRequestOptions options = { 0 };
  RequestData *data;
  gboolean w3c = config->protocol == VERA_SHARE_PROTOCOL_W3C;

  g_return_if_fail (VERA_IS_NET_SERVICE (net));

  task = g_task_new (net, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_share_request_async);
  data = g_new0 (RequestData, 1);
  data->url = g_strdup (url);
  data->allowed = allowed;
  g_task_set_task_data (task, data, (GDestroyNotify) request_data_free);

  if (config->token != NULL && config->token[0] != '\0')
    authorization = g_strconcat ("Bearer ", config->token, NULL);
  options.accept = w3c ? VERA_SHARE_W3C_TYPE : VERA_SHARE_HYPOTHESIS_ACCEPT;
  options.authorization = authorization;
  options.if_match = if_match;
  if (w3c && g_str_equal (method, "GET"))
    options.prefer = VERA_SHARE_W3C_PREFER;
  if (body != NULL)
    {
      g_autoptr(JsonNode) finite = vera_json_node_dup_finite (body);
      gsize length;
      char *json = json_to_string (finite, FALSE);

      length = strlen (json);
      bytes = g_bytes_new_take (json, length);
      options.body = bytes;
      options.content_type = w3c ? VERA_SHARE_W3C_TYPE : "application/json";
    }
  vera_net_service_request_full_async (net, method, url, &options, cancellable, request_cb,
                                       g_steal_pointer (&task));
}

VeraShareReply *
vera_share_request_finish (VeraNetService  *net,
                           GAsyncResult    *result,
                           GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, net), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
