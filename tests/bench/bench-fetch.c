/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "vera-fetch-queue.h"
#include "vera-test-server.h"

/* Fetches COUNT references through VeraFetchQueue from a loopback server that answers each
 * after LATENCY_MS, and prints the total time as a ratio to the ideal
 * (count × latency / parallelism, the parallelism being the per-host limit: one host here).
 * Usage: bench-fetch [COUNT [LATENCY_MS]] */

#define DEFAULT_COUNT 200
#define DEFAULT_LATENCY_MS 100

static const char page[] =
  "<html lang='en'><head><title>Reference - Site</title>"
  "<meta property='og:site_name' content='Site'>"
  "<meta property='article:published_time' content='2020-01-02T03:04:05Z'>"
  "</head><body><p>Body</p></body></html>";

static void
slow_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  vera_test_server_reply_later (msg, GPOINTER_TO_UINT (user_data), SOUP_STATUS_OK, "text/html",
                                page, strlen (page));
}

static void
item_done_cb (VeraFetchQueue *queue,
              const char     *url,
              VeraPageMeta   *meta,
              guint          *ok)
{
  if (meta->health == VERA_LINK_HEALTH_OK && meta->title != NULL)
    (*ok)++;
}

static void
finished_cb (VeraFetchQueue *queue,
             gboolean       *finished)
{
  *finished = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint count = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : DEFAULT_COUNT;
  guint latency = argc > 2 ? (guint) strtoul (argv[2], NULL, 10) : DEFAULT_LATENCY_MS;
  g_autoptr(VeraTestServer) server = NULL;
  g_autoptr(VeraNetService) service = NULL;
  g_autoptr(VeraFetchQueue) queue = NULL;
  gboolean finished = FALSE;
  guint ok = 0;
  gint64 start;
  double elapsed, ideal;

  /* Only 127.0.0.1 is contacted: no proxy, whatever the desktop says. */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);

  if (count == 0 || latency == 0)
    {
      g_printerr ("Usage: bench-fetch [COUNT [LATENCY_MS]]\n");
      return 2;
    }

  server = vera_test_server_new ();
  vera_test_server_add_handler (server, "/ref", slow_cb, GUINT_TO_POINTER (latency));
  vera_test_server_start (server);

  service = vera_net_service_new ();
  queue = vera_fetch_queue_new (service);
  vera_fetch_queue_set_flags (queue, VERA_FETCH_FLAGS_NO_CACHE);
  g_signal_connect (queue, "item-done", G_CALLBACK (item_done_cb), &ok);
  g_signal_connect (queue, "finished", G_CALLBACK (finished_cb), &finished);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < count; i++)
    {
      g_autofree char *path = g_strdup_printf ("/ref/%u", i);
      g_autofree char *url = vera_test_server_get_url (server, path);

      vera_fetch_queue_add (queue, url);
    }
  while (!finished)
    g_main_context_iteration (NULL, TRUE);
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  ideal = count * (latency / 1000.0) / VERA_NET_MAX_CONNS_PER_HOST;

  g_print ("bench-fetch: %u references (%u fetched with metadata), latency %u ms, "
           "parallelism %d (per-host limit)\n", count, ok, latency, VERA_NET_MAX_CONNS_PER_HOST);
  g_print ("bench-fetch: total %.2f s, ideal %.2f s, ratio %.3f\n", elapsed, ideal,
           elapsed / ideal);
  return ok == count ? 0 : 1;
}
