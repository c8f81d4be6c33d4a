/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-net-private.h"
#include "vera-wayback.h"

/* The Wayback Machine: availability API and Save Page Now. */

/* The url and time strings, then the status. */
VERA_NET_DEFINE_RESULT_TYPE (VeraArchiveSnapshot, vera_archive_snapshot, 2)

char *
vera_net_wayback_time_to_iso (const char *timestamp)
{
  int f[6] = { 0, 1, 1, 0, 0, 0 };
  static const int widths[6] = { 4, 2, 2, 2, 2, 2 };
  const char *p = timestamp;
  g_autoptr(GDateTime) dt = NULL;

  if (timestamp == NULL || strlen (timestamp) < 8)
    return NULL;
  for (guint i = 0; i < 6 && *p != '\0'; i++)
    {
      int v = 0;

      for (int d = 0; d < widths[i]; d++, p++)
        {
          if (!g_ascii_isdigit (*p))
            return NULL;
          v = v * 10 + (*p - '0');
        }
      f[i] = v;
    }
  dt = g_date_time_new_utc (f[0], f[1], f[2], f[3], f[4], f[5]);
  return dt != NULL ? g_date_time_format_iso8601 (dt) : NULL;
}

/* The timestamp inside a snapshot URL ".../web/20200102030405/https://…". */
static char *
time_from_snapshot_url (const char *url)
{
  const char *web = strstr (url, "/web/");
  g_autofree char *stamp = NULL;
  gsize n = 0;

  if (web == NULL)
    return NULL;
  web += strlen ("/web/");
  while (g_ascii_isdigit (web[n]) && n < 14)
    n++;
  stamp = g_strndup (web, n);
  return vera_net_wayback_time_to_iso (stamp);
}

static void
lookup_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  VeraNetService *net = VERA_NET_SERVICE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraArchiveSnapshot) snap = NULL;
  g_autofree char *status = NULL;
  g_autofree char *stamp = NULL;
  JsonObject *obj;
  JsonNode *avail;

  root = vera_net_service_request_finish_object (net, result, _("The Wayback Machine"), NULL,
                                                 &error);
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  obj = json_node_get_object (root);
  snap = g_new0 (VeraArchiveSnapshot, 1);
  snap->url = vera_net_json_dup_string (obj, "archived_snapshots.closest.url");
  stamp = vera_net_json_dup_string (obj, "archived_snapshots.closest.timestamp");
  status = vera_net_json_dup_string (obj, "archived_snapshots.closest.status");
  avail = vera_net_json_lookup (obj, "archived_snapshots.closest.available");
  /* "available": false marks a snapshot that cannot be shown. */
  if (avail != NULL && JSON_NODE_HOLDS_VALUE (avail) &&
      json_node_get_value_type (avail) == G_TYPE_BOOLEAN && !json_node_get_boolean (avail))
    g_clear_pointer (&snap->url, g_free);

  if (snap->url == NULL || !vera_net_check_url (snap->url, NULL))
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_NOT_FOUND,
                               _("The Wayback Machine has no archived copy of this page"));
      return;
    }
  snap->time = vera_net_wayback_time_to_iso (stamp);
  snap->status = status != NULL ? (guint) MIN (g_ascii_strtoull (status, NULL, 10), 999) : 0;
  g_task_return_pointer (task, g_steal_pointer (&snap),
                         (GDestroyNotify) vera_archive_snapshot_free);
}

void
vera_wayback_lookup_async (VeraNetService      *net,
                           const char          *url,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *api = NULL;

  g_return_if_fail (VERA_IS_NET_SERVICE (net));
  g_return_if_fail (url != NULL);

  task = g_task_new (net, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_wayback_lookup_async);

  escaped = g_uri_escape_string (url, NULL, FALSE);
  path = g_strconcat ("/wayback/available?url=", escaped, NULL);
  api = vera_net_join_url (vera_net_service_get_wayback_base (net), path);
  vera_net_service_request_async (net, "GET", api, TRUE, cancellable, lookup_cb,
                                  g_steal_pointer (&task));
}

VeraArchiveSnapshot *
vera_wayback_lookup_finish (VeraNetService  *net,
                            GAsyncResult    *result,
                            GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, net), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  VeraNetService *net = VERA_NET_SERVICE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(VeraNetResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraArchiveSnapshot) snap = NULL;
  const char *location = NULL;
  g_autofree char *absolute = NULL;

  response = vera_net_service_request_finish (net, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (response->error != NULL)
    {
      g_task_return_new_error (task, VERA_NET_ERROR, response->error->code,
                               _("The Wayback Machine could not be reached: %s"),
                               response->error->message);
      return;
    }
  if (response->status >= 400 || response->status < 200)
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_HTTP,
                               _("The Wayback Machine did not save the page (HTTP status %u)"),
                               response->status);
      return;
    }

  if (response->headers != NULL)
    {
      location = soup_message_headers_get_one (response->headers, "Content-Location");
      if (location == NULL)
        location = soup_message_headers_get_one (response->headers, "Location");
    }
  if (location != NULL)
    absolute = g_uri_resolve_relative (response->final_url, location, G_URI_FLAGS_NONE, NULL);
  if (absolute == NULL || !vera_net_check_url (absolute, NULL))
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_INVALID_RESPONSE,
                               _("The Wayback Machine did not say where it saved the page"));
      return;
    }

  snap = g_new0 (VeraArchiveSnapshot, 1);
  snap->url = g_steal_pointer (&absolute);
  snap->time = time_from_snapshot_url (snap->url);
  snap->status = 0;
  g_task_return_pointer (task, g_steal_pointer (&snap),
                         (GDestroyNotify) vera_archive_snapshot_free);
}

void
vera_wayback_save_async (VeraNetService      *net,
                         const char          *url,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *api = NULL;

  g_return_if_fail (VERA_IS_NET_SERVICE (net));
  g_return_if_fail (url != NULL);

  task = g_task_new (net, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_wayback_save_async);

  /* Only web pages can be archived; this also keeps odd schemes out of the request path. */
  if (!vera_net_check_url (url, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* Save Page Now takes the page's URL as it is, after "/save/". */
  path = g_strconcat ("/save/", url, NULL);
  api = vera_net_join_url (vera_net_service_get_save_base (net), path);
  /* The archived location is in the first answer's headers: do not follow it. */
  vera_net_service_request_async (net, "GET", api, FALSE, cancellable, save_cb,
                                  g_steal_pointer (&task));
}

VeraArchiveSnapshot *
vera_wayback_save_finish (VeraNetService  *net,
                          GAsyncResult    *result,
                          GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, net), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
