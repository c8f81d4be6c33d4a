/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>

#include "vera-fetch-queue.h"
#include "vera-reference.h"
#include "vera-test-server.h"
#include "vera-test-util.h"

typedef struct
{
  int active;       /* requests being answered now */
  int max_active;
  guint delay_ms;
} Load;

typedef struct
{
  SoupServerMessage *msg;
  Load *load;
} Pending;

static gboolean
answer_cb (gpointer user_data)
{
  Pending *p = user_data;
  static const char body[] = "<title>Slow page</title>";

  g_atomic_int_add (&p->load->active, -1);
  soup_server_message_set_status (p->msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (p->msg, "text/html", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
  soup_server_message_unpause (p->msg);
  return G_SOURCE_REMOVE;
}

static void
pending_free (gpointer user_data)
{
  Pending *p = user_data;

  g_object_unref (p->msg);
  g_free (p);
}

/* Answers after a delay and records how many requests it was answering at once. */
static void
slow_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Load *load = user_data;
  Pending *p = g_new0 (Pending, 1);
  GSource *source;
  int now = g_atomic_int_add (&load->active, 1) + 1;

  if (now > g_atomic_int_get (&load->max_active))
    g_atomic_int_set (&load->max_active, now);
  p->msg = g_object_ref (msg);
  p->load = load;
  soup_server_message_pause (msg);
  source = g_timeout_source_new (load->delay_ms);
  g_source_set_callback (source, answer_cb, p, pending_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
  /* The test's thread may be waiting for this request: wake it up. */
  g_main_context_wakeup (NULL);
}

typedef struct
{
  guint items;
  guint finished;
  double last_progress;
} Seen;

static void
item_done_cb (VeraFetchQueue *queue,
              const char     *url,
              VeraPageMeta   *meta,
              Seen           *seen)
{
  g_assert_cmpstr (url, ==, meta->url);
  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_OK);
  g_assert_cmpstr (meta->title, ==, "Slow page");
  seen->items++;
}

static void
progress_cb (VeraFetchQueue *queue,
             GParamSpec     *pspec,
             Seen           *seen)
{
  double p = vera_fetch_queue_get_progress (queue);

  g_assert_cmpfloat (p, >=, 0.0);
  g_assert_cmpfloat (p, <=, 1.0);
  seen->last_progress = p;
}

static void
finished_cb (VeraFetchQueue *queue,
             Seen           *seen)
{
  seen->finished++;
}

static VeraNetService *
make_service (void)
{
  g_autofree char *tmp = vera_test_make_tmpdir ();

  return g_object_new (VERA_TYPE_NET_SERVICE, "cache-dir", tmp, "timeout", 10, NULL);
}

static void
test_parallel (void)
{
  Load load = { 0, 0, 50 };
  Seen seen = { 0 };
  g_autoptr(VeraTestServer) server = vera_test_server_new ();
  g_autoptr(VeraNetService) service = make_service ();
  g_autoptr(VeraFetchQueue) queue = vera_fetch_queue_new (service);

  vera_test_server_add_handler (server, "/slow", slow_cb, &load);
  vera_test_server_start (server);

  g_signal_connect (queue, "item-done", G_CALLBACK (item_done_cb), &seen);
  g_signal_connect (queue, "notify::progress", G_CALLBACK (progress_cb), &seen);
  g_signal_connect (queue, "finished", G_CALLBACK (finished_cb), &seen);
  vera_fetch_queue_set_flags (queue, VERA_FETCH_FLAGS_NO_CACHE);

  for (guint i = 0; i < 24; i++)
    {
      g_autofree char *path = g_strdup_printf ("/slow/%u", i);
      g_autofree char *url = vera_test_server_get_url (server, path);

      vera_fetch_queue_add (queue, url);
    }
  g_assert_true (vera_fetch_queue_get_running (queue));
  g_assert_cmpuint (vera_fetch_queue_get_n_total (queue), ==, 24);

  while (seen.finished == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (seen.finished, ==, 1);
  g_assert_cmpuint (seen.items, ==, 24);
  g_assert_cmpfloat (seen.last_progress, ==, 1.0);
  g_assert_false (vera_fetch_queue_get_running (queue));
  /* One host: never more than the per-host limit at once, and it was used. */
  g_assert_cmpint (load.max_active, <=, VERA_NET_MAX_CONNS_PER_HOST);
  g_assert_cmpint (load.max_active, >=, 2);
}

static void
test_cancel (void)
{
  Load load = { 0, 0, 5000 };
  Seen seen = { 0 };
  g_autoptr(VeraTestServer) server = vera_test_server_new ();
  g_autoptr(VeraNetService) service = make_service ();
  g_autoptr(VeraFetchQueue) queue = vera_fetch_queue_new (service);

  vera_test_server_add_handler (server, "/slow", slow_cb, &load);
  vera_test_server_start (server);

  g_signal_connect (queue, "item-done", G_CALLBACK (item_done_cb), &seen);
  g_signal_connect (queue, "finished", G_CALLBACK (finished_cb), &seen);

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *path = g_strdup_printf ("/slow/%u", i);
      g_autofree char *url = vera_test_server_get_url (server, path);

      vera_fetch_queue_add (queue, url);
    }
  /* Once the first requests have reached the server (which answers only after 5 s), cancel:
   * no item may finish, whatever the machine's speed. */
  while (g_atomic_int_get (&load.active) == 0)
    g_main_context_iteration (NULL, TRUE);
  vera_fetch_queue_cancel (queue);
  while (seen.finished == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (seen.items, ==, 0);
  g_assert_cmpuint (seen.finished, ==, 1);
  g_assert_false (vera_fetch_queue_get_running (queue));
  g_assert_cmpfloat (vera_fetch_queue_get_progress (queue), <, 1.0);

  /* Cancelling an idle queue is harmless. */
  vera_fetch_queue_cancel (queue);
  g_assert_cmpuint (seen.finished, ==, 1);
}

static void
no_snapshot_cb (SoupServer        *server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  static const char body[] = "{\"archived_snapshots\": {}}";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static void
test_references (void)
{
  Load load = { 0, 0, 20 };
  Seen seen = { 0 };
  g_autoptr(VeraTestServer) server = vera_test_server_new ();
  g_autoptr(VeraNetService) service = make_service ();
  g_autoptr(VeraFetchQueue) queue = vera_fetch_queue_new (service);
  g_autoptr(GPtrArray) refs = g_ptr_array_new_with_free_func (g_object_unref);

  vera_test_server_add_handler (server, "/slow", slow_cb, &load);
  vera_test_server_add_handler (server, "/wayback/available", no_snapshot_cb, NULL);
  vera_test_server_start (server);
  vera_net_service_set_wayback_base (service, vera_test_server_get_base (server));

  g_signal_connect (queue, "item-done", G_CALLBACK (item_done_cb), &seen);
  g_signal_connect (queue, "finished", G_CALLBACK (finished_cb), &seen);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *path = g_strdup_printf ("/slow/%u", i);
      g_autofree char *url = vera_test_server_get_url (server, path);
      VeraReference *ref = vera_reference_new (url);

      g_ptr_array_add (refs, ref);
      vera_fetch_queue_add_reference (queue, ref);
    }
  while (seen.finished == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (seen.items, ==, 6);
  for (guint i = 0; i < refs->len; i++)
    {
      VeraReference *ref = refs->pdata[i];

      g_assert_cmpstr (vera_reference_get_title (ref), ==, "Slow page");
      g_assert_cmpint (vera_reference_get_health (ref), ==, VERA_LINK_HEALTH_OK);
      g_assert_null (vera_reference_get_field (ref, VERA_REFERENCE_ARCHIVE_URL));
    }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

  g_test_add_func ("/vera/fetch-queue/parallel", test_parallel);
  g_test_add_func ("/vera/fetch-queue/cancel", test_cancel);
  g_test_add_func ("/vera/fetch-queue/references", test_references);

  return g_test_run ();
}
