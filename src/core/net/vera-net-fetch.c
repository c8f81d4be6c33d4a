/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <errno.h>
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
  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_debug ("Could not cache metadata of %s: %s", data->meta->url, error->message);
  g_task_return_pointer (task, g_steal_pointer (&data->meta), (GDestroyNotify) vera_page_meta_free);
}

static char *
cache_path (VeraNetService *self,
            const char     *url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (vera_net_service_get_cache_dir (self), name, NULL);
}

static char *
meta_to_cache_text (const VeraPageMeta *meta)
{
  g_autoptr(JsonNode) node = vera_page_meta_to_json (meta);

  return json_to_string (node, TRUE);
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
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  GCancellable *cancellable;
  char *text;
  GBytes *bytes;

  response = vera_net_service_request_finish (self, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  data->meta = meta_from_response (self, response, data->flags);

  if ((data->flags & VERA_FETCH_FLAGS_NO_CACHE) != 0 ||
      (data->meta->health != VERA_LINK_HEALTH_OK &&
       data->meta->health != VERA_LINK_HEALTH_TOO_LARGE))
    {
      g_task_return_pointer (task, g_steal_pointer (&data->meta),
                             (GDestroyNotify) vera_page_meta_free);
      return;
    }

  path = cache_path (self, data->meta->url);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_debug ("Could not create %s", dir);
  text = meta_to_cache_text (data->meta);
  bytes = g_bytes_new_take (text, strlen (text));
  file = g_file_new_for_path (path);
  cancellable = g_task_get_cancellable (task);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       cancellable, store_cb, g_steal_pointer (&task));
  g_bytes_unref (bytes);
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

VeraPageMeta *
vera_net_service_lookup_cached (VeraNetService *self,
                                const char     *url)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  VeraPageMeta *meta;

  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  path = cache_path (self, url);
  parser = json_parser_new ();
  if (!json_parser_load_from_mapped_file (parser, path, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring unreadable cache file %s: %s", path, error->message);
      return NULL;
    }
  meta = vera_page_meta_from_json (json_parser_get_root (parser), &error);
  if (meta == NULL)
    {
      g_debug ("Ignoring invalid cache file %s: %s", path, error->message);
      return NULL;
    }
  /* A hash collision, or a file from elsewhere: not this URL's metadata. */
  if (g_strcmp0 (meta->url, url) != 0)
    {
      vera_page_meta_free (meta);
      return NULL;
    }
  return meta;
}

gboolean
vera_net_service_store_cached (VeraNetService      *self,
                               const VeraPageMeta  *meta,
                               GError             **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), FALSE);
  g_return_val_if_fail (meta != NULL && meta->url != NULL, FALSE);

  path = cache_path (self, meta->url);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the cache folder %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  text = meta_to_cache_text (meta);
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}
