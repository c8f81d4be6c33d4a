/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include "vera-net-private.h"
#include "vera-net-reference.h"
#include "vera-reference.h"
#include "vera-wayback.h"

/* The two requests run side by side; the last one to finish completes the task. */
typedef struct
{
  VeraReference       *reference;
  VeraPageMeta        *meta;
  VeraArchiveSnapshot *snapshot;
  GError              *error;
  guint                pending;
} CheckData;

static void
check_data_free (CheckData *data)
{
  g_clear_object (&data->reference);
  g_clear_pointer (&data->meta, vera_page_meta_free);
  g_clear_pointer (&data->snapshot, vera_archive_snapshot_free);
  g_clear_error (&data->error);
  g_free (data);
}

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CheckData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!vera_net_service_store_cached_finish (VERA_NET_SERVICE (object), result, &error))
    g_debug ("Could not cache reference metadata: %s", error->message);
  g_task_return_pointer (task, g_steal_pointer (&data->meta), (GDestroyNotify) vera_page_meta_free);
}

/* Takes the task's reference: the last of the two requests completes it. */
static void
complete (GTask *task)
{
  VeraNetService *self = g_task_get_source_object (task);
  CheckData *data = g_task_get_task_data (task);

  if (--data->pending > 0)
    return;

  if (data->error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&data->error));
      return;
    }

  if (data->snapshot != NULL)
    {
      g_free (data->meta->archive_url);
      data->meta->archive_url = g_strdup (data->snapshot->url);
      g_free (data->meta->archive_time);
      data->meta->archive_time = g_strdup (data->snapshot->time);
    }
  vera_page_meta_apply_to_reference (data->meta, data->reference);

  /* The cache holds what the reference shows, archive included. */
  if (vera_net_meta_is_cacheable (data->meta))
    vera_net_service_store_cached_async (self, data->meta, NULL, store_cb, g_object_ref (task));
  else
    g_task_return_pointer (task, g_steal_pointer (&data->meta),
                           (GDestroyNotify) vera_page_meta_free);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CheckData *data = g_task_get_task_data (task);

  data->meta = vera_net_service_fetch_finish (VERA_NET_SERVICE (object), result, &data->error);
  complete (task);
}

static void
archive_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CheckData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  data->snapshot = vera_wayback_lookup_finish (VERA_NET_SERVICE (object), result, &error);
  /* No snapshot, or the archive unreachable, leaves the page's own check standing. */
  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      data->error == NULL)
    data->error = g_steal_pointer (&error);
  complete (task);
}

void
vera_net_service_check_reference_async (VeraNetService      *self,
                                        VeraReference       *reference,
                                        gboolean             look_up_archive,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CheckData *data;
  const char *url;

  g_return_if_fail (VERA_IS_NET_SERVICE (self));
  g_return_if_fail (VERA_IS_REFERENCE (reference));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_net_service_check_reference_async);
  data = g_new0 (CheckData, 1);
  data->reference = g_object_ref (reference);
  data->pending = look_up_archive ? 2 : 1;
  g_task_set_task_data (task, data, (GDestroyNotify) check_data_free);

  url = vera_reference_get_url (reference);
  vera_net_service_fetch_async (self, url != NULL ? url : "", VERA_FETCH_FLAGS_NO_CACHE,
                                cancellable, fetch_cb, g_object_ref (task));
  if (look_up_archive && url != NULL && vera_net_check_url (url, NULL))
    vera_wayback_lookup_async (self, url, cancellable, archive_cb, g_object_ref (task));
  else if (look_up_archive)
    data->pending--;
}

VeraPageMeta *
vera_net_service_check_reference_finish (VeraNetService  *self,
                                         GAsyncResult    *result,
                                         GError         **error)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
vera_net_service_restore_reference (VeraNetService *self,
                                    VeraReference  *reference)
{
  g_autoptr(VeraPageMeta) meta = NULL;
  const char *url;

  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), FALSE);
  g_return_val_if_fail (VERA_IS_REFERENCE (reference), FALSE);

  url = vera_reference_get_url (reference);
  if (url == NULL)
    return FALSE;
  meta = vera_net_service_lookup_cached (self, url);
  if (meta == NULL)
    return FALSE;
  vera_page_meta_apply_to_reference (meta, reference);
  return TRUE;
}
