/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include "vera-test-server.h"
#include "vera-test-util.h"

struct _VeraTestServer
{
  SoupServer   *server;
  GMainContext *context;
  GMainLoop    *loop;
  GThread      *thread;
  char         *base;
};

VeraTestServer *
vera_test_server_new (void)
{
  VeraTestServer *self = g_new0 (VeraTestServer, 1);

  self->context = g_main_context_new ();
  self->loop = g_main_loop_new (self->context, FALSE);
  self->server = soup_server_new ("server-header", "vera-test-server ", NULL);
  return self;
}

void
vera_test_server_add_handler (VeraTestServer     *self,
                              const char         *path,
                              SoupServerCallback  callback,
                              gpointer            user_data)
{
  g_assert (self->thread == NULL);
  soup_server_add_handler (self->server, path, callback, user_data, NULL);
}

static gpointer
run_thread (gpointer user_data)
{
  VeraTestServer *self = user_data;

  g_main_context_push_thread_default (self->context);
  g_main_loop_run (self->loop);
  g_main_context_pop_thread_default (self->context);
  return NULL;
}

void
vera_test_server_start (VeraTestServer *self)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  GUri *uri;

  g_assert (self->thread == NULL);

  /* The listening socket's sources attach to the thread-default context at listen time. */
  g_main_context_push_thread_default (self->context);
  soup_server_listen_local (self->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_main_context_pop_thread_default (self->context);
  g_assert_no_error (error);

  uris = soup_server_get_uris (self->server);
  g_assert_nonnull (uris);
  uri = uris->data;
  self->base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uri));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->thread = g_thread_new ("vera-test-server", run_thread, self);
}

char *
vera_test_server_get_url (VeraTestServer *self,
                          const char     *path)
{
  return g_strconcat (self->base, path, NULL);
}

const char *
vera_test_server_get_base (VeraTestServer *self)
{
  return self->base;
}

static gboolean
quit_cb (gpointer user_data)
{
  VeraTestServer *self = user_data;

  soup_server_disconnect (self->server);
  g_main_loop_quit (self->loop);
  return G_SOURCE_REMOVE;
}

void
vera_test_server_free (VeraTestServer *self)
{
  if (self == NULL)
    return;
  if (self->thread != NULL)
    {
      g_main_context_invoke (self->context, quit_cb, self);
      g_thread_join (self->thread);
    }
  /* Drop what is left (sources of paused messages) on the server's context. */
  g_main_context_push_thread_default (self->context);
  g_clear_object (&self->server);
  while (g_main_context_iteration (self->context, FALSE))
    ;
  g_main_context_pop_thread_default (self->context);
  g_main_loop_unref (self->loop);
  g_main_context_unref (self->context);
  g_free (self->base);
  g_free (self);
}

typedef struct
{
  SoupServerMessage *msg;
  guint status;
  char *content_type;
  GBytes *body;
} LaterReply;

static gboolean
reply_cb (gpointer user_data)
{
  LaterReply *reply = user_data;
  gsize len;
  const char *data = g_bytes_get_data (reply->body, &len);

  soup_server_message_set_status (reply->msg, reply->status, NULL);
  if (reply->content_type != NULL)
    soup_server_message_set_response (reply->msg, reply->content_type, SOUP_MEMORY_COPY,
                                      data, len);
  soup_server_message_unpause (reply->msg);
  return G_SOURCE_REMOVE;
}

static void
later_reply_free (gpointer user_data)
{
  LaterReply *reply = user_data;

  g_object_unref (reply->msg);
  g_free (reply->content_type);
  g_bytes_unref (reply->body);
  g_free (reply);
}

void
vera_test_server_reply_later (SoupServerMessage *msg,
                              guint              delay_ms,
                              guint              status,
                              const char        *content_type,
                              const char        *body,
                              gsize              length)
{
  LaterReply *reply = g_new0 (LaterReply, 1);
  GSource *source;

  reply->msg = g_object_ref (msg);
  reply->status = status;
  reply->content_type = g_strdup (content_type);
  reply->body = g_bytes_new (body, length);
  soup_server_message_pause (msg);

  source = g_timeout_source_new (delay_ms);
  g_source_set_callback (source, reply_cb, reply, later_reply_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

void
vera_test_net_init (int    *argc,
                    char ***argv)
{
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  vera_test_init (argc, argv);
}

void
vera_test_store_result_cb (GObject      *object,
                           GAsyncResult *result,
                           gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
vera_test_wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}
