/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vera-test-server.h"
#include "vera-test-util.h"

/* `vera-check fetch` against a loopback server: JSON keys, the archive lookup, failures. */

static const char page_html[] =
  "<html lang='fr'><head><meta charset='utf-8'><title>Un titre | Le Journal</title>"
  "<meta property='og:site_name' content='Le Journal'>"
  "<meta name='author' content='Par Marie Curie'>"
  "<meta property='article:published_time' content='2021-03-04T05:06:07+01:00'>"
  "<meta name='description' content='Une description.'>"
  "</head><body></body></html>";

static void
page_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  if (g_str_equal (path, "/missing"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page_html,
                                    strlen (page_html));
}

static void
wayback_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  static const char body[] =
    "{\"archived_snapshots\": {\"closest\": {\"status\": \"200\", \"available\": true, "
    "\"url\": \"http://web.archive.org/web/20210305000000/x\", \"timestamp\": \"20210305000000\"}}}";

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, body,
                                    strlen (body));
}

static int
run (const char * const  *args,
     char               **out,
     char               **err)
{
  const char *check = g_getenv ("VERA_CHECK");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) check);
  g_ptr_array_add (argv, (gpointer) "fetch");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  proc = g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

/* The dispatcher table is the lead's: skip until `fetch` is in it. */
static gboolean
have_fetch_command (void)
{
  static const char * const args[] = { "--help", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  if (g_getenv ("VERA_CHECK") == NULL || run (args, &out, &err) != 0 ||
      strstr (out, "--wayback-base") == NULL)
    {
      g_test_skip ("vera-check has no fetch command yet");
      return FALSE;
    }
  return TRUE;
}

static void
test_json (void)
{
  g_autoptr(VeraTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *obj;
  static const char * const keys[] = { "url", "final_url", "status", "content_type", "title",
                                       "site_name", "author", "published", "description",
                                       "language", "archive_url" };

  if (!have_fetch_command ())
    return;
  server = vera_test_server_new ();
  vera_test_server_add_handler (server, "/article", page_cb, NULL);
  vera_test_server_add_handler (server, "/wayback/available", wayback_cb, NULL);
  vera_test_server_start (server);
  url = vera_test_server_get_url (server, "/article");

  {
    const char *args[] = { "--json", "--wayback-base", vera_test_server_get_base (server), url,
                           NULL };

    g_assert_cmpint (run (args, &out, &err), ==, 0);
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  obj = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (obj, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (obj, "url"), ==, url);
  g_assert_cmpint (json_object_get_int_member (obj, "status"), ==, 200);
  g_assert_cmpstr (json_object_get_string_member (obj, "content_type"), ==, "text/html");
  g_assert_cmpstr (json_object_get_string_member (obj, "title"), ==, "Un titre");
  g_assert_cmpstr (json_object_get_string_member (obj, "site_name"), ==, "Le Journal");
  g_assert_cmpstr (json_object_get_string_member (obj, "author"), ==, "Marie Curie");
  g_assert_cmpstr (json_object_get_string_member (obj, "published"), ==,
                   "2021-03-04T05:06:07+01:00");
  g_assert_cmpstr (json_object_get_string_member (obj, "language"), ==, "fr");
  g_assert_cmpstr (json_object_get_string_member (obj, "archive_url"), ==,
                   "http://web.archive.org/web/20210305000000/x");
}

static void
test_listing_and_failures (void)
{
  g_autoptr(VeraTestServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *missing = NULL;

  if (!have_fetch_command ())
    return;
  server = vera_test_server_new ();
  vera_test_server_add_handler (server, "/", page_cb, NULL);
  vera_test_server_start (server);
  url = vera_test_server_get_url (server, "/article");
  missing = vera_test_server_get_url (server, "/missing");
  /* The environment names the Wayback base for tests that cannot pass options. */
  g_setenv ("VERA_WAYBACK_BASE", vera_test_server_get_base (server), TRUE);

  {
    const char *args[] = { url, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (args, &out, &err), ==, 0);
    g_assert_nonnull (strstr (out, "title:"));
    g_assert_nonnull (strstr (out, "Un titre"));
  }
  {
    const char *args[] = { "--no-archive", missing, NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "404"));
    /* One line of reason. */
    g_assert_true (g_str_has_suffix (err, "\n"));
    g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  }
  {
    const char *args[] = { "javascript:alert(1)", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (err, "javascript"));
  }
  {
    const char *args[] = { NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (args, &out, &err), ==, 2);
  }
  g_unsetenv ("VERA_WAYBACK_BASE");
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

  g_test_add_func ("/vera/check-fetch/json", test_json);
  g_test_add_func ("/vera/check-fetch/listing-and-failures", test_listing_and_failures);

  return g_test_run ();
}
