/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* A SoupServer on 127.0.0.1 (a port the system picks) that runs on its own thread and main
 * context, so clients on the test's thread can be synchronous or asynchronous. Add handlers,
 * then start it. Handlers run on the server's thread; g_main_context_get_thread_default()
 * there is the server's context, for timeouts that answer later. */
typedef struct _VeraTestServer VeraTestServer;

VeraTestServer *vera_test_server_new         (void);
void            vera_test_server_add_handler (VeraTestServer     *self,
                                              const char         *path,
                                              SoupServerCallback  callback,
                                              gpointer            user_data);
void            vera_test_server_start       (VeraTestServer     *self);
/* "http://127.0.0.1:PORT" + @path. */
char           *vera_test_server_get_url     (VeraTestServer     *self,
                                              const char         *path);
/* The same as a base URL without a trailing slash. */
const char     *vera_test_server_get_base    (VeraTestServer     *self);
/* Stops the thread, drops every connection and frees the server. */
void            vera_test_server_free        (VeraTestServer     *self);

/* Answers @msg later: after @delay_ms the status and body are set and the message unpaused. */
void            vera_test_server_reply_later (SoupServerMessage  *msg,
                                              guint               delay_ms,
                                              guint               status,
                                              const char         *content_type,
                                              const char         *body,
                                              gsize               length);

/* vera_test_init() for network tests. The isolated XDG folders hide the system's GSettings
 * schemas, which the GNOME proxy resolver needs, so the proxy resolver is set to "none" first:
 * tests only talk to 127.0.0.1 anyway. */
void            vera_test_net_init           (int                *argc,
                                              char             ***argv);
/* A GAsyncReadyCallback that stores a reference to the result in *(GAsyncResult **) @slot. */
void            vera_test_store_result_cb    (GObject            *object,
                                              GAsyncResult       *result,
                                              gpointer            slot);
/* Iterates the default main context until *@slot is set, and returns it. */
GAsyncResult   *vera_test_wait_for_result    (GAsyncResult      **slot);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraTestServer, vera_test_server_free)

G_END_DECLS
