/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "vera-net-service.h"
#include "vera-vocabulary.h"
#include "vera-test-server.h"
#include "vera-test-util.h"

/* Each fault must end with a clear status well within this many seconds (the tests use a 2 s
 * request timeout); this is a guard against hangs, not a speed target. */

static const char page_html[] =
  "<html lang='en'><head><title>A page - Site</title>"
  "<meta property='og:site_name' content='Site'>"
  "<meta name='author' content='Jane Roe'>"
  "<meta property='article:published_time' content='2020-01-02T03:04:05Z'>"
  "<meta name='description' content='What the page says.'>"
  "</head><body><p>Hello</p></body></html>";

typedef struct
{
  VeraTestServer *server;
  VeraNetService *service;
  char           *cache_dir;
  GCancellable   *cancel_on_request;  /* cancelled when "/never/cancel" arrives; not owned */
} Fixture;

/* ---- Handlers (they run on the server's thread) ---------------------------------------- */

static void
page_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    page_html, strlen (page_html));
}

static void
status_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  guint status = GPOINTER_TO_UINT (user_data);
  static const char body[] = "<html><head><title>Error page</title></head></html>";

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, body, strlen (body));
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Never answers. "/never/cancel" also cancels the client's request once it has arrived: the
 * idle runs on the test's thread (the global default context), so the order is fixed and no
 * clock is involved. */
static void
never_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  GCancellable **cancel_on_request = user_data;

  soup_server_message_pause (msg);
  if (g_str_equal (path, "/never/cancel") && *cancel_on_request != NULL)
    g_idle_add_full (G_PRIORITY_DEFAULT, cancel_cb, g_object_ref (*cancel_on_request),
                     g_object_unref);
}

typedef struct
{
  SoupServerMessage *msg;
  gboolean gone;
  guint sent;
} Drip;

static void
drip_gone_cb (SoupServerMessage *msg,
              Drip              *drip)
{
  drip->gone = TRUE;
}

static gboolean
drip_tick_cb (gpointer user_data)
{
  Drip *drip = user_data;

  if (drip->gone || drip->sent++ > 120)
    return G_SOURCE_REMOVE;
  soup_message_body_append (soup_server_message_get_response_body (drip->msg),
                            SOUP_MEMORY_STATIC, "x", 1);
  soup_server_message_unpause (drip->msg);
  return G_SOURCE_CONTINUE;
}

static void
drip_free (gpointer user_data)
{
  Drip *drip = user_data;

  g_signal_handlers_disconnect_by_data (drip->msg, drip);
  g_object_unref (drip->msg);
  g_free (drip);
}

static void
drip_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Drip *drip = g_new0 (Drip, 1);
  GSource *source;

  drip->msg = g_object_ref (msg);
  g_signal_connect (msg, "disconnected", G_CALLBACK (drip_gone_cb), drip);
  g_signal_connect (msg, "finished", G_CALLBACK (drip_gone_cb), drip);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                         "text/html", NULL);
  soup_server_message_pause (msg);
  source = g_timeout_source_new (1000);
  g_source_set_callback (source, drip_tick_cb, drip, drip_free);
  g_source_attach (source, g_main_context_get_thread_default ());
  g_source_unref (source);
}

static void
reset_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  g_autoptr(GIOStream) stream = soup_server_message_steal_connection (msg);

  if (G_IS_SOCKET_CONNECTION (stream))
    {
      GSocket *socket = g_socket_connection_get_socket (G_SOCKET_CONNECTION (stream));
      struct linger linger = { 1, 0 };

      /* Linger 0: closing sends a TCP reset instead of an orderly shutdown. */
      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
    }
  g_io_stream_close (stream, NULL, NULL);
}

static void
redirect_cb (SoupServer        *server,
             SoupServerMessage *msg,
             const char        *path,
             GHashTable        *query,
             gpointer           user_data)
{
  const char *target = user_data;
  const char *n = query != NULL ? g_hash_table_lookup (query, "n") : NULL;

  /* /chain?n=K redirects K more times, then to /page. */
  if (target == NULL)
    {
      guint64 k = n != NULL ? g_ascii_strtoull (n, NULL, 10) : 0;
      g_autofree char *next = k > 0 ? g_strdup_printf ("/chain?n=%" G_GUINT64_FORMAT, k - 1)
                                    : g_strdup ("/page");

      soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, next);
      return;
    }
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, target);
}

/* Sets a cookie and redirects to itself until the cookie comes back, as paywalled sites do. */
static void
cookie_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  const char *cookie = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Cookie");

  if (cookie != NULL && strstr (cookie, "seen=1") != NULL)
    {
      page_cb (server, msg, path, query, user_data);
      return;
    }
  soup_message_headers_append (soup_server_message_get_response_headers (msg), "Set-Cookie",
                               "seen=1; Path=/");
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, "/cookie");
}

static void
big_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  gsize size = 3 * 1024 * 1024;
  char *body = g_malloc (size);
  static const char head[] = "<html><head><title>Big page</title></head><body>";

  memset (body, 'a', size);
  memcpy (body, head, sizeof head - 1);
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, body, size);
}

static void
gzip_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 1);
  g_autoptr(GOutputStream) mem = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) out = g_converter_output_stream_new (mem, G_CONVERTER (compressor));
  g_autofree char *chunk = g_malloc0 (1024 * 1024);
  static const char head[] = "<html><head><title>Zip bomb</title></head><body>";
  g_autoptr(GBytes) bytes = NULL;

  g_output_stream_write_all (out, head, sizeof head - 1, NULL, NULL, NULL);
  memset (chunk, ' ', 1024 * 1024);
  /* 8 MB once decompressed (eight times the test's cap), a few KB on the wire. Kept small so
   * that compressing it never eats into the 2 s request timeout on a loaded machine. */
  for (guint i = 0; i < 8; i++)
    g_output_stream_write_all (out, chunk, 1024 * 1024, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  bytes = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (mem));

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Content-Encoding", "gzip");
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static void
file_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  const char * const *spec = user_data;  /* { fixture, content type } */
  g_autofree char *fixture = vera_test_fixture_path (spec[0]);
  g_autofree char *data = NULL;
  gsize len;

  if (!g_file_get_contents (fixture, &data, &len, NULL))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, spec[1], SOUP_MEMORY_TAKE, g_steal_pointer (&data), len);
}

static void
json_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  static const char body[] = "{\"title\": \"<title>not html</title>\"}";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static const char * const gbk_spec[] = { "net/gbk.html", "text/html; charset=GBK" };
static const char * const sjis_spec[] = { "net/shift_jis.html", "text/html" };
static const char * const wrong_spec[] = { "net/utf8-labelled-latin1.html",
                                           "text/html; charset=windows-1252" };
static const char * const bad_utf8_spec[] = { "net/invalid-utf8.html", "text/html; charset=utf-8" };
static const char * const malformed_spec[] = { "net/malformed.html", "text/html" };
static const char * const pdf_spec[] = { "net/tiny.pdf", "application/pdf" };
static const char * const png_spec[] = { "net/tiny.png", "image/png" };

/* ---- Fixture ------------------------------------------------------------------------------ */

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *tmp = vera_test_make_tmpdir ();

  f->server = vera_test_server_new ();
  vera_test_server_add_handler (f->server, "/page", page_cb, NULL);
  vera_test_server_add_handler (f->server, "/404", status_cb, GUINT_TO_POINTER (404));
  vera_test_server_add_handler (f->server, "/500", status_cb, GUINT_TO_POINTER (500));
  vera_test_server_add_handler (f->server, "/never", never_cb, &f->cancel_on_request);
  vera_test_server_add_handler (f->server, "/drip", drip_cb, NULL);
  vera_test_server_add_handler (f->server, "/reset", reset_cb, NULL);
  vera_test_server_add_handler (f->server, "/loop", redirect_cb, (gpointer) "/loop");
  vera_test_server_add_handler (f->server, "/to-file", redirect_cb,
                                (gpointer) "file:///etc/passwd");
  vera_test_server_add_handler (f->server, "/to-js", redirect_cb, (gpointer) "javascript:alert(1)");
  vera_test_server_add_handler (f->server, "/chain", redirect_cb, NULL);
  vera_test_server_add_handler (f->server, "/cookie", cookie_cb, NULL);
  vera_test_server_add_handler (f->server, "/nowhere", status_cb, GUINT_TO_POINTER (302));
  vera_test_server_add_handler (f->server, "/big", big_cb, NULL);
  vera_test_server_add_handler (f->server, "/gzip", gzip_cb, NULL);
  vera_test_server_add_handler (f->server, "/gbk", file_cb, (gpointer) gbk_spec);
  vera_test_server_add_handler (f->server, "/sjis", file_cb, (gpointer) sjis_spec);
  vera_test_server_add_handler (f->server, "/wrong-charset", file_cb, (gpointer) wrong_spec);
  vera_test_server_add_handler (f->server, "/bad-utf8", file_cb, (gpointer) bad_utf8_spec);
  vera_test_server_add_handler (f->server, "/malformed", file_cb, (gpointer) malformed_spec);
  vera_test_server_add_handler (f->server, "/pdf", file_cb, (gpointer) pdf_spec);
  vera_test_server_add_handler (f->server, "/png", file_cb, (gpointer) png_spec);
  vera_test_server_add_handler (f->server, "/json", json_cb, NULL);
  vera_test_server_start (f->server);

  f->cache_dir = g_build_filename (tmp, "cache", NULL);
  f->service = g_object_new (VERA_TYPE_NET_SERVICE,
                             "cache-dir", f->cache_dir,
                             "timeout", 2,
                             "max-body-size", (guint64) 1024 * 1024,
                             NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->service);
  vera_test_server_free (f->server);
  g_free (f->cache_dir);
}

static VeraPageMeta *
fetch_with (Fixture        *f,
            const char     *path,
            VeraFetchFlags  flags,
            GCancellable   *cancellable,
            GError        **error)
{
  g_autofree char *url = g_str_has_prefix (path, "/") ?
                         vera_test_server_get_url (f->server, path) : g_strdup (path);
  g_autoptr(GAsyncResult) result = NULL;

  /* No clock here: a fetch that hangs is caught by the test's timeout in meson. */
  vera_net_service_fetch_async (f->service, url, flags, cancellable, vera_test_store_result_cb,
                                &result);
  vera_test_wait_for_result (&result);
  return vera_net_service_fetch_finish (f->service, result, error);
}

static VeraPageMeta *
fetch (Fixture    *f,
       const char *path)
{
  g_autoptr(GError) error = NULL;
  VeraPageMeta *meta = fetch_with (f, path, VERA_FETCH_FLAGS_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (meta);
  if (meta->health != VERA_LINK_HEALTH_OK)
    {
      g_assert_nonnull (meta->reason);
      g_test_message ("%s → %s: %s", path, vera_link_health_to_string (meta->health),
                      meta->reason);
    }
  return meta;
}

/* ---- Tests -------------------------------------------------------------------------------- */

static void
test_ok (Fixture       *f,
         gconstpointer  data)
{
  g_autoptr(VeraPageMeta) meta = fetch (f, "/page");
  g_autofree char *url = vera_test_server_get_url (f->server, "/page");

  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_OK);
  g_assert_cmpuint (meta->status, ==, 200);
  g_assert_null (meta->reason);
  g_assert_cmpstr (meta->url, ==, url);
  g_assert_cmpstr (meta->final_url, ==, url);
  g_assert_cmpstr (meta->content_type, ==, "text/html");
  g_assert_cmpstr (meta->title, ==, "A page");
  g_assert_cmpstr (meta->site_name, ==, "Site");
  g_assert_cmpstr (meta->author, ==, "Jane Roe");
  g_assert_cmpstr (meta->published, ==, "2020-01-02T03:04:05Z");
  g_assert_cmpstr (meta->language, ==, "en");
  g_assert_nonnull (meta->fetched);
  g_assert_null (meta->body);
}

static void
test_keep_body_and_cache (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraPageMeta) meta = fetch_with (f, "/page", VERA_FETCH_FLAGS_KEEP_BODY, NULL, &error);
  g_autoptr(VeraPageMeta) cached = NULL;
  g_autoptr(VeraPageMeta) missing = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (meta->body, ==, page_html);

  cached = vera_net_service_lookup_cached (f->service, meta->url);
  g_assert_nonnull (cached);
  g_assert_cmpstr (cached->title, ==, "A page");
  g_assert_cmpint (cached->health, ==, VERA_LINK_HEALTH_OK);
  g_assert_null (cached->body);

  missing = vera_net_service_lookup_cached (f->service, "http://127.0.0.1:1/none");
  g_assert_null (missing);

  /* A reopened project (a new service on the same folder) sees the cache offline. */
  {
    g_autoptr(VeraNetService) other = g_object_new (VERA_TYPE_NET_SERVICE,
                                                    "cache-dir", f->cache_dir, NULL);
    g_autoptr(VeraPageMeta) again = vera_net_service_lookup_cached (other, meta->url);

    g_assert_nonnull (again);
    g_assert_cmpstr (again->author, ==, "Jane Roe");
  }
}

static void
test_http_errors (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(VeraPageMeta) m404 = fetch (f, "/404");
  g_autoptr(VeraPageMeta) m500 = fetch (f, "/500");

  g_assert_cmpint (m404->health, ==, VERA_LINK_HEALTH_CLIENT_ERROR);
  g_assert_cmpuint (m404->status, ==, 404);
  g_assert_null (m404->title);
  g_assert_cmpint (m500->health, ==, VERA_LINK_HEALTH_SERVER_ERROR);
  g_assert_cmpuint (m500->status, ==, 500);
  /* Dead links are not cached as if they were the reference. */
  g_assert_null (vera_net_service_lookup_cached (f->service, m404->url));
}

static void
test_never_answers (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(VeraPageMeta) meta = fetch (f, "/never");

  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_TIMEOUT);
}

static void
test_drip (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(VeraPageMeta) meta = fetch (f, "/drip");

  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_TIMEOUT);
}

static void
test_reset (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(VeraPageMeta) meta = fetch (f, "/reset");

  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_NETWORK_ERROR);
  g_assert_cmpuint (meta->status, ==, 0);
}

static void
test_refused (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GSocket) socket = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) addr = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autofree char *url = NULL;
  g_autoptr(VeraPageMeta) meta = NULL;

  /* A port that was free a moment ago and has nobody listening. */
  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_assert_true (g_socket_bind (socket, addr, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  url = g_strdup_printf ("http://127.0.0.1:%u/",
                         g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
  g_socket_close (socket, NULL);

  meta = fetch (f, url);
  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_REFUSED);
}

static void
test_redirects (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VeraPageMeta) five = fetch (f, "/chain?n=4");
  g_autoptr(VeraPageMeta) six = fetch (f, "/chain?n=5");
  g_autoptr(VeraPageMeta) loop = fetch (f, "/loop");
  g_autofree char *page = vera_test_server_get_url (f->server, "/page");

  /* Five redirects are allowed: four in the chain plus the last hop to /page. */
  g_assert_cmpint (five->health, ==, VERA_LINK_HEALTH_OK);
  g_assert_cmpstr (five->final_url, ==, page);
  g_assert_cmpstr (five->title, ==, "A page");
  g_assert_cmpint (six->health, ==, VERA_LINK_HEALTH_TOO_MANY_REDIRECTS);
  g_assert_cmpint (loop->health, ==, VERA_LINK_HEALTH_TOO_MANY_REDIRECTS);

  /* A site that sets a cookie and redirects to itself is followed once the cookie is sent. */
  {
    g_autoptr(VeraPageMeta) cookie = fetch (f, "/cookie");

    g_assert_cmpint (cookie->health, ==, VERA_LINK_HEALTH_OK);
    g_assert_cmpstr (cookie->title, ==, "A page");
  }

  /* A redirect that names no address cannot be followed. */
  {
    g_autoptr(VeraPageMeta) nowhere = fetch (f, "/nowhere");

    g_assert_cmpint (nowhere->health, ==, VERA_LINK_HEALTH_NETWORK_ERROR);
    g_assert_cmpuint (nowhere->status, ==, 302);
  }
}

static void
test_bad_schemes (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const urls[] = {
    "file:///etc/passwd", "data:text/html,<title>x</title>", "javascript:alert(1)",
    "ftp://127.0.0.1/x", "/to-file", "/to-js",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(VeraPageMeta) meta = fetch (f, urls[i]);

      g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_BAD_SCHEME);
      g_assert_null (meta->title);
    }

  {
    g_autoptr(VeraPageMeta) meta = fetch (f, "not a url");

    g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_BAD_SCHEME);
  }
}

static void
test_too_large (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VeraPageMeta) big = fetch (f, "/big");
  g_autoptr(VeraPageMeta) gz = fetch (f, "/gzip");

  g_assert_cmpint (big->health, ==, VERA_LINK_HEALTH_TOO_LARGE);
  g_assert_cmpint (big->size, ==, 1024 * 1024);
  /* What was read is still described. */
  g_assert_cmpstr (big->title, ==, "Big page");
  /* The decompressed size counts, not the bytes on the wire. */
  g_assert_cmpint (gz->health, ==, VERA_LINK_HEALTH_TOO_LARGE);
  g_assert_cmpint (gz->size, ==, 1024 * 1024);
  g_assert_cmpstr (gz->title, ==, "Zip bomb");
}

static void
test_charsets (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VeraPageMeta) gbk = fetch (f, "/gbk");
  g_autoptr(VeraPageMeta) sjis = fetch (f, "/sjis");
  g_autoptr(VeraPageMeta) wrong = fetch (f, "/wrong-charset");
  g_autoptr(VeraPageMeta) bad = fetch (f, "/bad-utf8");
  g_autoptr(VeraPageMeta) malformed = fetch (f, "/malformed");

  g_assert_cmpstr (gbk->title, ==, "中国经济增长百分之五");
  g_assert_cmpstr (gbk->language, ==, "zh-CN");
  g_assert_cmpstr (sjis->title, ==, "日本の経済ニュース");
  g_assert_cmpstr (wrong->title, ==, "Zürich Straße");
  g_assert_cmpint (bad->health, ==, VERA_LINK_HEALTH_OK);
  g_assert_true (g_utf8_validate (bad->title, -1, NULL));
  g_assert_cmpstr (malformed->title, ==, "Malformed but fine");
}

static void
test_non_html (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(VeraPageMeta) pdf = fetch (f, "/pdf");
  g_autoptr(VeraPageMeta) png = fetch (f, "/png");
  g_autoptr(VeraPageMeta) json = fetch (f, "/json");

  g_assert_cmpint (pdf->health, ==, VERA_LINK_HEALTH_OK);
  g_assert_cmpstr (pdf->content_type, ==, "application/pdf");
  g_assert_cmpint (pdf->size, ==, 45);
  g_assert_null (pdf->title);
  g_assert_cmpstr (png->content_type, ==, "image/png");
  g_assert_cmpint (png->size, ==, 69);
  g_assert_cmpstr (json->content_type, ==, "application/json");
  g_assert_null (json->title);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraPageMeta) meta = NULL;

  f->cancel_on_request = cancellable;
  meta = fetch_with (f, "/never/cancel", VERA_FETCH_FLAGS_NONE, cancellable, &error);
  f->cancel_on_request = NULL;
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (meta);
}

/* A resolver that knows no names, so the DNS failure path runs without a real lookup. */
typedef struct { GResolver parent_instance; } NoNamesResolver;
typedef struct { GResolverClass parent_class; } NoNamesResolverClass;

static GType no_names_resolver_get_type (void);
G_DEFINE_TYPE (NoNamesResolver, no_names_resolver, G_TYPE_RESOLVER)

static GList *
no_names_lookup (GResolver     *resolver,
                 const char    *hostname,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "No such name: %s", hostname);
  return NULL;
}

static void
no_names_lookup_async (GResolver           *resolver,
                       const char          *hostname,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                           "No such name: %s", hostname);
}

static void
no_names_lookup_flags_async (GResolver                *resolver,
                             const char               *hostname,
                             GResolverNameLookupFlags  flags,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  no_names_lookup_async (resolver, hostname, cancellable, callback, user_data);
}

static GList *
no_names_lookup_finish (GResolver     *resolver,
                        GAsyncResult  *result,
                        GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
no_names_resolver_class_init (NoNamesResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = no_names_lookup;
  resolver_class->lookup_by_name_async = no_names_lookup_async;
  resolver_class->lookup_by_name_finish = no_names_lookup_finish;
  resolver_class->lookup_by_name_with_flags_async = no_names_lookup_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = no_names_lookup_finish;
}

static void
no_names_resolver_init (NoNamesResolver *self)
{
}

static void
test_dns (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GResolver) previous = g_resolver_get_default ();
  g_autoptr(GResolver) fake = g_object_new (no_names_resolver_get_type (), NULL);
  g_autoptr(VeraPageMeta) meta = NULL;

  g_resolver_set_default (fake);
  meta = fetch (f, "http://no-such-host.invalid/page");
  g_resolver_set_default (previous);

  g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_DNS);
  g_assert_nonnull (strstr (meta->reason, "no-such-host.invalid"));
}

static void
test_user_agent (void)
{
  g_autoptr(VeraNetService) service = vera_net_service_new ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (vera_net_service_get_user_agent (service), ==,
                   "Vera/" PACKAGE_VERSION " (+https://github.com/verafact/vera)");
  g_assert_cmpuint (vera_net_service_get_timeout (service), ==, 30);
  g_assert_cmpuint (vera_net_service_get_max_body_size (service), ==, 5 * 1024 * 1024);
  g_assert_cmpstr (vera_net_service_get_wayback_base (service), ==, "https://archive.org");
  g_assert_null (vera_net_service_get_factcheck_api_key (service));

  g_assert_false (vera_net_check_url ("javascript:alert(1)", &error));
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_SCHEME);
  g_clear_error (&error);
  g_assert_false (vera_net_check_url ("https://", &error));
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_URL);
  g_clear_error (&error);
  g_assert_true (vera_net_check_url ("HTTPS://example.org/a?b#c", &error));
  g_assert_no_error (error);
}

/* Messages quote the refused address shortened, but never cut inside a character, and never
 * pass on bytes that are not UTF-8: they end up in labels. */
static void
test_bad_url_message (void)
{
  g_autoptr(GString) url = g_string_new ("x");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append (url, "上");
  g_assert_false (vera_net_check_url (url->str, &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "x上上"));
  g_assert_cmpuint (g_utf8_strlen (error->message, -1), <, 300);
  g_clear_error (&error);

  g_assert_false (vera_net_check_url ("https://exa\xffmple.org/\xc3", &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  g_assert_false (vera_net_check_url ("\xe4\xb8\x8a:foo", &error));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/vera/net-fetch/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  g_test_add_func ("/vera/net-fetch/bad-url-message", test_bad_url_message);
  g_test_add_func ("/vera/net-fetch/defaults", test_user_agent);
  ADD ("ok", test_ok);
  ADD ("keep-body-and-cache", test_keep_body_and_cache);
  ADD ("http-errors", test_http_errors);
  ADD ("never-answers", test_never_answers);
  ADD ("drip", test_drip);
  ADD ("reset", test_reset);
  ADD ("refused", test_refused);
  ADD ("dns", test_dns);
  ADD ("redirects", test_redirects);
  ADD ("bad-schemes", test_bad_schemes);
  ADD ("too-large", test_too_large);
  ADD ("charsets", test_charsets);
  ADD ("non-html", test_non_html);
  ADD ("cancel", test_cancel);

  return g_test_run ();
}
