/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-net-private.h"

/* The metadata cache: one JSON file per URL (named by its SHA-256) in the service's cache
 * folder, so a reopened project shows its references offline. Files are replaced atomically
 * (a temporary file renamed over the old one) and without blocking the main loop. */

gboolean
vera_net_meta_is_cacheable (const VeraPageMeta *meta)
{
  /* Dead links are not cached as if they were the reference: what was known stays. */
  return meta->health == VERA_LINK_HEALTH_OK || meta->health == VERA_LINK_HEALTH_TOO_LARGE;
}

static char *
cache_path (VeraNetService *self,
            const char     *url)
{
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *name = g_strconcat (hash, ".json", NULL);

  return g_build_filename (vera_net_service_get_cache_dir (self), name, NULL);
}

VeraPageMeta *
vera_net_service_lookup_cached (VeraNetService *self,
                                const char     *url)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  VeraPageMeta *meta;

  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  path = cache_path (self, url);
  if (!g_file_get_contents (path, &text, &len, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("Ignoring unreadable cache file %s: %s", path, error->message);
      return NULL;
    }
  parser = json_parser_new ();
  if (!vera_json_depth_ok (text, len, VERA_JSON_MAX_DEPTH) ||
      !json_parser_load_from_data (parser, text, len, &error))
    {
      g_debug ("Ignoring invalid cache file %s", path);
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

static void
replace_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vera_net_service_store_cached_async (VeraNetService      *self,
                                     const VeraPageMeta  *meta,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  char *text;

  g_return_if_fail (VERA_IS_NET_SERVICE (self));
  g_return_if_fail (meta != NULL && meta->url != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_net_service_store_cached_async);

  path = cache_path (self, meta->url);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_task_return_new_error (task, G_FILE_ERROR, g_file_error_from_errno (saved),
                               _("Could not create the cache folder %s: %s"), dir,
                               g_strerror (saved));
      return;
    }
  node = vera_page_meta_to_json (meta);
  text = json_to_string (node, TRUE);
  bytes = g_bytes_new_take (text, strlen (text));
  file = g_file_new_for_path (path);
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                       cancellable, replace_cb, g_steal_pointer (&task));
}

gboolean
vera_net_service_store_cached_finish (VeraNetService  *self,
                                      GAsyncResult    *result,
                                      GError         **error)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
