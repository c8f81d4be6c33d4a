/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-net-private.h"

/* Fetching a reference: one request, then its health and metadata in a VeraPageMeta, then the
 * metadata cache. */

typedef struct
{
  VeraFetchFlags flags;
  VeraPageMeta  *meta;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  g_clear_pointer (&data->meta, vera_page_meta_free);
  g_free (data);
}

static char *
status_reason (guint status)
{
  const char *phrase = soup_status_get_phrase (status);

  if (phrase != NULL)
    return g_strdup_printf (_("The server answered %u %s"), status, phrase);
  return g_strdup_printf (_("The server answered with status %u"), status);
}

static VeraPageMeta *
meta_from_response (VeraNetService  *self,
                    VeraNetResponse *response,
                    VeraFetchFlags   flags)
{
  g_autoptr(VeraPageMeta) meta = vera_page_meta_new (response->url);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  const char *content_type = NULL;
  gsize len = 0;
  const char *body = g_bytes_get_data (response->body, &len);

  meta->final_url = g_strdup (response->final_url);
  meta->status = response->status;
  meta->fetched = g_date_time_format_iso8601 (now);

  if (response->error != NULL)
    {
      meta->health = vera_net_health_for_error (response->error);
      meta->reason = g_strdup (response->error->message);
      return g_steal_pointer (&meta);
    }

  if (response->headers != NULL)
    content_type = soup_message_headers_get_one (response->headers, "Content-Type");

  meta->health = vera_net_health_for_status (response->status);
  if (meta->health != VERA_LINK_HEALTH_OK)
    {
      if (SOUP_STATUS_IS_REDIRECTION (response->status))
        meta->reason = g_strdup_printf (_("The server answered %u but gave no address to go "
                                          "to"), response->status);
      else
        meta->reason = status_reason (response->status);
      /* An error page describes the error, not the reference: keep only its type and size. */
      vera_page_meta_describe (meta, NULL, 0, content_type, FALSE);
      meta->size = len;
      return g_steal_pointer (&meta);
    }

  vera_page_meta_describe (meta, body, len, content_type,
                           (flags & VERA_FETCH_FLAGS_KEEP_BODY) != 0);
  if (meta->language == NULL && response->headers != NULL)
    {
      const char *lang = soup_message_headers_get_one (response->headers, "Content-Language");

      if (lang != NULL && *lang != '\0' && strlen (lang) < 64)
        meta->language = g_strstrip (g_strdup (lang));
    }
  if (response->truncated)
    {
      g_autofree char *limit = g_format_size (vera_net_service_get_max_body_size (self));

      meta->health = VERA_LINK_HEALTH_TOO_LARGE;
      meta->reason = g_strdup_printf (_("The page is larger than %s; only its beginning was "
                                        "read"), limit);
    }
  return g_steal_pointer (&meta);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* A cache that cannot be written only costs the offline view; the fetch succeeded. */
  if (!vera_net_service_store_cached_finish (VERA_NET_SERVICE (object), result, &error))
    g_debug ("Could not cache metadata of %s: %s", data->meta->url, error->message);
  g_task_return_pointer (task, g_steal_pointer (&data->meta), (GDestroyNotify) vera_page_meta_free);
}

static void
request_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  VeraNetService *self = VERA_NET_SERVICE (object);
  g_autoptr(GTask) task = user_data;
  FetchData *data = g_task_get_task_data (task);
  g_autoptr(VeraNetResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  response = vera_net_service_request_finish (self, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->meta = meta_from_response (self, response, data->flags);

  if ((data->flags & VERA_FETCH_FLAGS_NO_CACHE) != 0 || !vera_net_meta_is_cacheable (data->meta))
    {
      g_task_return_pointer (task, g_steal_pointer (&data->meta),
                             (GDestroyNotify) vera_page_meta_free);
      return;
    }

  cancellable = g_task_get_cancellable (task);
  vera_net_service_store_cached_async (self, data->meta, cancellable, store_cb,
                                       g_steal_pointer (&task));
}

void
vera_net_service_fetch_async (VeraNetService      *self,
                              const char          *url,
                              VeraFetchFlags       flags,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FetchData *data;

  g_return_if_fail (VERA_IS_NET_SERVICE (self));
  g_return_if_fail (url != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_net_service_fetch_async);
  data = g_new0 (FetchData, 1);
  data->flags = flags;
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);

  vera_net_service_request_async (self, "GET", url, TRUE, cancellable, request_cb,
                                  g_steal_pointer (&task));
}

VeraPageMeta *
vera_net_service_fetch_finish (VeraNetService  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
