/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include "vera-fetch-queue.h"
#include "vera-net-reference.h"
#include "vera-reference.h"

#define DEFAULT_MAX_PARALLEL (2 * VERA_NET_MAX_CONNS_PER_HOST)

struct _VeraFetchQueue
{
  GObject         parent_instance;

  VeraNetService *service;
  GCancellable   *cancellable;
  GQueue          pending;       /* of Item */
  GHashTable     *active_hosts;  /* host → number of fetches running against it */
  guint           n_active;
  guint           n_total;
  guint           n_done;
  guint           max_parallel;
  VeraFetchFlags  flags;
};

G_DEFINE_FINAL_TYPE (VeraFetchQueue, vera_fetch_queue, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVICE,
  PROP_PROGRESS,
  PROP_N_TOTAL,
  PROP_N_DONE,
  PROP_RUNNING,
  PROP_MAX_PARALLEL,
  N_PROPS
};

enum {
  ITEM_DONE,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  char          *url;
  char          *host;       /* lower-case host, "" for URLs without one (they fail fast) */
  VeraReference *reference;  /* checked and updated in place, or NULL for a bare URL */
} Item;

static void
item_free (Item *item)
{
  g_free (item->url);
  g_free (item->host);
  g_clear_object (&item->reference);
  g_free (item);
}

typedef struct
{
  VeraFetchQueue *queue;
  Item           *item;
  GCancellable   *cancellable;
} Running;

static void pump (VeraFetchQueue *self);

static void
notify_counts (VeraFetchQueue *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_DONE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROGRESS]);
}

static void
host_release (VeraFetchQueue *self,
              const char     *host)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->active_hosts, host));

  if (n <= 1)
    g_hash_table_remove (self->active_hosts, host);
  else
    g_hash_table_insert (self->active_hosts, g_strdup (host), GUINT_TO_POINTER (n - 1));
}

static void
check_finished (VeraFetchQueue *self)
{
  if (self->n_active > 0 || !g_queue_is_empty (&self->pending))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_signal_emit (self, signals[FINISHED], 0);
}

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Running *running = user_data;
  g_autoptr(VeraFetchQueue) self = running->queue;
  g_autoptr(VeraPageMeta) meta = NULL;
  g_autoptr(GError) error = NULL;

  if (running->item->reference != NULL)
    meta = vera_net_service_check_reference_finish (VERA_NET_SERVICE (object), result, &error);
  else
    meta = vera_net_service_fetch_finish (VERA_NET_SERVICE (object), result, &error);
  self->n_active--;
  host_release (self, running->item->host);

  if (meta != NULL && !g_cancellable_is_cancelled (running->cancellable))
    {
      self->n_done++;
      g_signal_emit (self, signals[ITEM_DONE], 0, running->item->url, meta);
      notify_counts (self);
    }

  item_free (running->item);
  g_object_unref (running->cancellable);
  g_free (running);

  pump (self);
  check_finished (self);
}

/* Starts pending fetches while there is room, skipping over URLs whose host is at its limit. */
static void
pump (VeraFetchQueue *self)
{
  GList *l = self->pending.head;

  while (l != NULL && self->n_active < self->max_parallel)
    {
      GList *next = l->next;
      Item *item = l->data;
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->active_hosts, item->host));

      if (n < VERA_NET_MAX_CONNS_PER_HOST)
        {
          Running *running = g_new0 (Running, 1);

          g_queue_delete_link (&self->pending, l);
          g_hash_table_insert (self->active_hosts, g_strdup (item->host), GUINT_TO_POINTER (n + 1));
          self->n_active++;
          running->queue = g_object_ref (self);
          running->item = item;
          running->cancellable = g_object_ref (self->cancellable);
          if (item->reference != NULL)
            vera_net_service_check_reference_async (self->service, item->reference, TRUE,
                                                    running->cancellable, fetch_cb, running);
          else
            vera_net_service_fetch_async (self->service, item->url, self->flags,
                                          running->cancellable, fetch_cb, running);
        }
      l = next;
    }
}

static void
vera_fetch_queue_dispose (GObject *object)
{
  VeraFetchQueue *self = VERA_FETCH_QUEUE (object);

  g_cancellable_cancel (self->cancellable);
  g_queue_clear_full (&self->pending, (GDestroyNotify) item_free);
  g_clear_object (&self->service);

  G_OBJECT_CLASS (vera_fetch_queue_parent_class)->dispose (object);
}

static void
vera_fetch_queue_finalize (GObject *object)
{
  VeraFetchQueue *self = VERA_FETCH_QUEUE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->active_hosts, g_hash_table_unref);

  G_OBJECT_CLASS (vera_fetch_queue_parent_class)->finalize (object);
}

static void
vera_fetch_queue_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VeraFetchQueue *self = VERA_FETCH_QUEUE (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      g_value_set_object (value, self->service);
      break;
    case PROP_PROGRESS:
      g_value_set_double (value, vera_fetch_queue_get_progress (self));
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->n_total);
      break;
    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, vera_fetch_queue_get_running (self));
      break;
    case PROP_MAX_PARALLEL:
      g_value_set_uint (value, self->max_parallel);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_fetch_queue_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VeraFetchQueue *self = VERA_FETCH_QUEUE (object);

  switch (prop_id)
    {
    case PROP_SERVICE:
      self->service = g_value_dup_object (value);
      break;
    case PROP_MAX_PARALLEL:
      vera_fetch_queue_set_max_parallel (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_fetch_queue_class_init (VeraFetchQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vera_fetch_queue_dispose;
  object_class->finalize = vera_fetch_queue_finalize;
  object_class->get_property = vera_fetch_queue_get_property;
  object_class->set_property = vera_fetch_queue_set_property;

  properties[PROP_SERVICE] =
    g_param_spec_object ("service", NULL, NULL, VERA_TYPE_NET_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROGRESS] =
    g_param_spec_double ("progress", NULL, NULL, 0.0, 1.0, 1.0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_DONE] =
    g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MAX_PARALLEL] =
    g_param_spec_uint ("max-parallel", NULL, NULL, 1, 64, DEFAULT_MAX_PARALLEL,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* (url, VeraPageMeta): one URL was fetched, healthy or not. */
  signals[ITEM_DONE] =
    g_signal_new ("item-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_STRING, VERA_TYPE_PAGE_META);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
vera_fetch_queue_init (VeraFetchQueue *self)
{
  self->cancellable = g_cancellable_new ();
  self->active_hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->max_parallel = DEFAULT_MAX_PARALLEL;
  g_queue_init (&self->pending);
}

VeraFetchQueue *
vera_fetch_queue_new (VeraNetService *service)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (service), NULL);
  return g_object_new (VERA_TYPE_FETCH_QUEUE, "service", service, NULL);
}

static void
add_item (VeraFetchQueue *self,
          const char     *url,
          VeraReference  *reference)
{
  g_autoptr(GUri) uri = NULL;
  Item *item;
  gboolean was_running = vera_fetch_queue_get_running (self);

  if (!was_running)
    {
      /* A new batch: progress counts from here, and a cancelled batch does not stop it. */
      self->n_total = 0;
      self->n_done = 0;
      if (g_cancellable_is_cancelled (self->cancellable))
        {
          g_clear_object (&self->cancellable);
          self->cancellable = g_cancellable_new ();
        }
    }

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  item = g_new0 (Item, 1);
  item->url = g_strdup (url);
  item->host = g_ascii_strdown (uri != NULL && g_uri_get_host (uri) != NULL ?
                                g_uri_get_host (uri) : "", -1);
  item->reference = reference != NULL ? g_object_ref (reference) : NULL;
  g_queue_push_tail (&self->pending, item);
  self->n_total++;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
  notify_counts (self);
  if (!was_running)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  g_object_thaw_notify (G_OBJECT (self));

  pump (self);
}

void
vera_fetch_queue_add (VeraFetchQueue *self,
                      const char     *url)
{
  g_return_if_fail (VERA_IS_FETCH_QUEUE (self));
  g_return_if_fail (url != NULL);

  add_item (self, url, NULL);
}

void
vera_fetch_queue_add_reference (VeraFetchQueue *self,
                                VeraReference  *reference)
{
  const char *url;

  g_return_if_fail (VERA_IS_FETCH_QUEUE (self));
  g_return_if_fail (VERA_IS_REFERENCE (reference));

  url = vera_reference_get_url (reference);
  add_item (self, url != NULL ? url : "", reference);
}

void
vera_fetch_queue_cancel (VeraFetchQueue *self)
{
  g_return_if_fail (VERA_IS_FETCH_QUEUE (self));

  if (!vera_fetch_queue_get_running (self))
    return;
  g_queue_clear_full (&self->pending, (GDestroyNotify) item_free);
  g_cancellable_cancel (self->cancellable);
  /* With nothing running, nothing will call back: finish now. */
  check_finished (self);
}

double
vera_fetch_queue_get_progress (VeraFetchQueue *self)
{
  g_return_val_if_fail (VERA_IS_FETCH_QUEUE (self), 0.0);
  return self->n_total == 0 ? 1.0 : (double) self->n_done / self->n_total;
}

guint
vera_fetch_queue_get_n_total (VeraFetchQueue *self)
{
  g_return_val_if_fail (VERA_IS_FETCH_QUEUE (self), 0);
  return self->n_total;
}

guint
vera_fetch_queue_get_n_done (VeraFetchQueue *self)
{
  g_return_val_if_fail (VERA_IS_FETCH_QUEUE (self), 0);
  return self->n_done;
}

gboolean
vera_fetch_queue_get_running (VeraFetchQueue *self)
{
  g_return_val_if_fail (VERA_IS_FETCH_QUEUE (self), FALSE);
  return self->n_active > 0 || !g_queue_is_empty (&self->pending);
}

guint
vera_fetch_queue_get_max_parallel (VeraFetchQueue *self)
{
  g_return_val_if_fail (VERA_IS_FETCH_QUEUE (self), 0);
  return self->max_parallel;
}

void
vera_fetch_queue_set_max_parallel (VeraFetchQueue *self,
                                   guint           max_parallel)
{
  g_return_if_fail (VERA_IS_FETCH_QUEUE (self));
  g_return_if_fail (max_parallel > 0);

  if (self->max_parallel == max_parallel)
    return;
  self->max_parallel = max_parallel;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_PARALLEL]);
  pump (self);
}

VeraFetchFlags
vera_fetch_queue_get_flags (VeraFetchQueue *self)
{
  g_return_val_if_fail (VERA_IS_FETCH_QUEUE (self), VERA_FETCH_FLAGS_NONE);
  return self->flags;
}

void
vera_fetch_queue_set_flags (VeraFetchQueue *self,
                            VeraFetchFlags  flags)
{
  g_return_if_fail (VERA_IS_FETCH_QUEUE (self));
  self->flags = flags;
}
