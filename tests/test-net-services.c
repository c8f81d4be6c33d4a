/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>

#include "vera-factcheck.h"
#include "vera-net-reference.h"
#include "vera-net-service.h"
#include "vera-reference.h"
#include "vera-test-server.h"
#include "vera-test-util.h"
#include "vera-wayback.h"
#include "vera-wikipedia.h"

typedef struct
{
  VeraTestServer *server;
  VeraNetService *service;
} Fixture;

static void
json_reply (SoupServerMessage *msg,
            guint              status,
            const char        *json)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, json, strlen (json));
}

/* ---- Emulated services (handlers run on the server thread) -------------------------------- */

static void
wayback_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  const char *url = query != NULL ? g_hash_table_lookup (query, "url") : NULL;
  g_autofree char *json = NULL;

  if (url == NULL)
    {
      json_reply (msg, 400, "{\"error\": \"no url\"}");
      return;
    }
  if (strstr (url, "unavailable") != NULL)
    json = g_strdup_printf ("{\"url\": \"%s\", \"archived_snapshots\": {\"closest\": "
                            "{\"status\": \"200\", \"available\": false, \"url\": "
                            "\"http://web.archive.org/web/2020/%s\", \"timestamp\": \"2020\"}}}",
                            url, url);
  else if (strstr (url, "archived") != NULL)
    json = g_strdup_printf ("{\"url\": \"%s\", \"archived_snapshots\": {\"closest\": "
                            "{\"status\": \"200\", \"available\": true, \"url\": "
                            "\"http://web.archive.org/web/20200102030405/%s\", "
                            "\"timestamp\": \"20200102030405\"}}}", url, url);
  else if (strstr (url, "garbage") != NULL)
    json = g_strdup ("<html>not json</html>");
  else if (strstr (url, "deep") != NULL)
    {
      GString *deep = g_string_new (NULL);

      for (guint i = 0; i < 100000; i++)
        g_string_append (deep, "{\"a\":[");
      json = g_string_free (deep, FALSE);
    }
  else
    json = g_strdup_printf ("{\"url\": \"%s\", \"archived_snapshots\": {}}", url);
  json_reply (msg, 200, json);
}

static void
save_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  const char *target = path + strlen ("/save/");
  g_autofree char *location = g_strdup_printf ("/web/20240506070809/%s", target);

  if (strstr (target, "content-location") != NULL)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                    "Content-Location", location);
      json_reply (msg, 200, "{}");
      return;
    }
  if (strstr (target, "blocked") != NULL)
    {
      json_reply (msg, 523, "{}");
      return;
    }
  soup_server_message_set_redirect (msg, SOUP_STATUS_FOUND, location);
}

static void
wikipedia_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  const char *title = strrchr (path, '/') + 1;

  if (g_str_has_prefix (path, "/de/") && g_str_equal (title, "Angela_Merkel"))
    {
      json_reply (msg, 200,
                  "{\"type\": \"standard\", \"title\": \"Angela Merkel\", "
                  "\"description\": \"deutsche Politikerin\", \"extract\": \"Angela Merkel ist…\", "
                  "\"lang\": \"de\", \"wikibase_item\": \"Q567\", \"content_urls\": {\"desktop\": "
                  "{\"page\": \"https://de.wikipedia.org/wiki/Angela_Merkel\"}}}");
      return;
    }
  json_reply (msg, 404,
              "{\"type\": \"https://mediawiki.org/wiki/HyperSwitch/errors/not_found\", "
              "\"title\": \"Not found.\", \"method\": \"get\", "
              "\"detail\": \"Page or revision not found.\"}");
}

static void
factcheck_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  const char *key = query != NULL ? g_hash_table_lookup (query, "key") : NULL;
  const char *q = query != NULL ? g_hash_table_lookup (query, "query") : NULL;
  const char *lang = query != NULL ? g_hash_table_lookup (query, "languageCode") : NULL;

  if (g_strcmp0 (key, "test key/+&") != 0)
    {
      json_reply (msg, 403, "{\"error\": {\"code\": 403, \"message\": \"API key not valid\"}}");
      return;
    }
  if (q != NULL && strstr (q, "moon landing") != NULL && g_strcmp0 (lang, "en") == 0)
    {
      json_reply (msg, 200,
                  "{\"claims\": [{\"text\": \"The moon landing was faked\", \"claimant\": "
                  "\"Social media\", \"claimDate\": \"2019-07-20T00:00:00Z\", \"claimReview\": ["
                  "{\"publisher\": {\"name\": \"Checkers\", \"site\": \"checkers.example\"}, "
                  "\"url\": \"https://checkers.example/moon\", \"title\": \"No, it was not\", "
                  "\"reviewDate\": \"2019-07-21T00:00:00Z\", \"textualRating\": \"False\", "
                  "\"languageCode\": \"en\"},"
                  "{\"publisher\": {\"name\": \"Other\"}, \"url\": \"javascript:alert(1)\", "
                  "\"textualRating\": \"Pants on fire\"}]},"
                  "{\"text\": \"No reviews here\"}], \"nextPageToken\": \"abc\"}");
      return;
    }
  json_reply (msg, 200, "{}");
}

static void
article_cb (SoupServer        *server,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  static const char page[] = "<html lang='en'><head><title>Archived article</title>"
                             "<meta property='og:site_name' content='Gazette'></head></html>";
  gboolean *gone = user_data;

  if (g_atomic_int_get (gone))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_GONE, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_STATIC, page, strlen (page));
}

static gboolean article_gone;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *wiki_base = NULL;
  g_autofree char *tmp = vera_test_make_tmpdir ();

  f->server = vera_test_server_new ();
  vera_test_server_add_handler (f->server, "/wayback/available", wayback_cb, NULL);
  vera_test_server_add_handler (f->server, "/save", save_cb, NULL);
  vera_test_server_add_handler (f->server, "/de/api/rest_v1/page/summary", wikipedia_cb, NULL);
  vera_test_server_add_handler (f->server, "/en/api/rest_v1/page/summary", wikipedia_cb, NULL);
  vera_test_server_add_handler (f->server, "/v1alpha1/claims:search", factcheck_cb, NULL);
  vera_test_server_add_handler (f->server, "/archived-article", article_cb, &article_gone);
  vera_test_server_start (f->server);

  wiki_base = vera_test_server_get_url (f->server, "/{lang}/");
  f->service = g_object_new (VERA_TYPE_NET_SERVICE,
                             "cache-dir", tmp,
                             "timeout", 5,
                             "wayback-base", vera_test_server_get_base (f->server),
                             "save-base", vera_test_server_get_base (f->server),
                             "wikipedia-base", wiki_base,
                             "factcheck-base", vera_test_server_get_base (f->server),
                             NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->service);
  vera_test_server_free (f->server);
}

static VeraArchiveSnapshot *
lookup (Fixture     *f,
        const char  *url,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vera_wayback_lookup_async (f->service, url, NULL, vera_test_store_result_cb, &result);
  return vera_wayback_lookup_finish (f->service, vera_test_wait_for_result (&result), error);
}

static void
test_wayback_lookup (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraArchiveSnapshot) snap = lookup (f, "https://news.example/archived?a=1&b=2", &error);
  g_autoptr(VeraArchiveSnapshot) none = NULL;
  g_autoptr(VeraArchiveSnapshot) garbage = NULL;
  g_autoptr(VeraArchiveSnapshot) unavailable = NULL;
  g_autoptr(VeraArchiveSnapshot) deep = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (snap->url, ==,
                   "http://web.archive.org/web/20200102030405/https://news.example/archived?a=1&b=2");
  g_assert_cmpstr (snap->time, ==, "2020-01-02T03:04:05Z");
  g_assert_cmpuint (snap->status, ==, 200);

  none = lookup (f, "https://news.example/fresh", &error);
  g_assert_null (none);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  unavailable = lookup (f, "https://news.example/unavailable", &error);
  g_assert_null (unavailable);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_NOT_FOUND);
  g_clear_error (&error);

  garbage = lookup (f, "https://news.example/garbage", &error);
  g_assert_null (garbage);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  /* Nesting deep enough to overflow a recursive parser is refused, not parsed. */
  deep = lookup (f, "https://news.example/deep", &error);
  g_assert_null (deep);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_INVALID_RESPONSE);
}

static VeraArchiveSnapshot *
save (Fixture     *f,
      const char  *url,
      GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vera_wayback_save_async (f->service, url, NULL, vera_test_store_result_cb, &result);
  return vera_wayback_save_finish (f->service, vera_test_wait_for_result (&result), error);
}

static void
test_wayback_save (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraArchiveSnapshot) by_location = save (f, "https://news.example/a", &error);
  g_autoptr(VeraArchiveSnapshot) by_content = NULL;
  g_autoptr(VeraArchiveSnapshot) blocked = NULL;
  g_autoptr(VeraArchiveSnapshot) bad = NULL;
  g_autofree char *expected = vera_test_server_get_url (f->server,
                                                        "/web/20240506070809/https://news.example/a");

  g_assert_no_error (error);
  g_assert_cmpstr (by_location->url, ==, expected);
  g_assert_cmpstr (by_location->time, ==, "2024-05-06T07:08:09Z");

  by_content = save (f, "https://news.example/content-location", &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (by_content->url,
                                   "/web/20240506070809/https://news.example/content-location"));

  blocked = save (f, "https://news.example/blocked", &error);
  g_assert_null (blocked);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_HTTP);
  g_clear_error (&error);

  bad = save (f, "file:///etc/passwd", &error);
  g_assert_null (bad);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_SCHEME);
}

static VeraWikiSummary *
summary (Fixture     *f,
         const char  *title,
         const char  *lang,
         GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vera_wikipedia_summary_async (f->service, title, lang, NULL, vera_test_store_result_cb,
                                &result);
  return vera_wikipedia_summary_finish (f->service, vera_test_wait_for_result (&result), error);
}

static void
test_wikipedia (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraWikiSummary) merkel = summary (f, "Angela Merkel", "de", &error);
  g_autoptr(VeraWikiSummary) missing = NULL;
  g_autoptr(VeraWikiSummary) copy = NULL;
  g_autoptr(VeraWikiSummary) bad_lang = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (merkel->type, ==, "standard");
  g_assert_cmpstr (merkel->title, ==, "Angela Merkel");
  g_assert_cmpstr (merkel->description, ==, "deutsche Politikerin");
  g_assert_cmpstr (merkel->page_url, ==, "https://de.wikipedia.org/wiki/Angela_Merkel");
  g_assert_cmpstr (merkel->wikibase_item, ==, "Q567");
  g_assert_cmpstr (merkel->language, ==, "de");
  copy = vera_wiki_summary_copy (merkel);
  g_assert_cmpstr (copy->extract, ==, merkel->extract);

  /* The default language is the service's; the English wiki has no such article. */
  missing = summary (f, "AC/DC Nobody", NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "AC/DC Nobody"));
  g_clear_error (&error);

  bad_lang = summary (f, "X", "evil.example/", &error);
  g_assert_null (bad_lang);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_URL);
}

static GPtrArray *
search (Fixture     *f,
        const char  *query,
        const char  *lang,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vera_factcheck_search_async (f->service, query, lang, NULL, vera_test_store_result_cb,
                               &result);
  return vera_factcheck_search_finish (f->service, vera_test_wait_for_result (&result), error);
}

static void
test_factcheck (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) no_key = search (f, "moon landing", "en", &error);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) wrong_key = NULL;
  VeraFactCheck *check;

  g_assert_null (no_key);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_NO_API_KEY);
  g_assert_nonnull (strstr (error->message, "Preferences"));
  g_clear_error (&error);

  vera_net_service_set_factcheck_api_key (f->service, "test key/+&");
  found = search (f, "Was the moon landing faked?", "en", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 2);
  check = found->pdata[0];
  g_assert_cmpstr (check->claim_text, ==, "The moon landing was faked");
  g_assert_cmpstr (check->claimant, ==, "Social media");
  g_assert_cmpstr (check->claim_date, ==, "2019-07-20T00:00:00Z");
  g_assert_cmpstr (check->publisher_name, ==, "Checkers");
  g_assert_cmpstr (check->publisher_site, ==, "checkers.example");
  g_assert_cmpstr (check->url, ==, "https://checkers.example/moon");
  g_assert_cmpstr (check->title, ==, "No, it was not");
  g_assert_cmpstr (check->review_date, ==, "2019-07-21T00:00:00Z");
  g_assert_cmpstr (check->textual_rating, ==, "False");
  g_assert_cmpstr (check->language_code, ==, "en");
  check = found->pdata[1];
  g_assert_null (check->url);
  g_assert_cmpstr (check->textual_rating, ==, "Pants on fire");

  none = search (f, "something nobody checked", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  vera_net_service_set_factcheck_api_key (f->service, "wrong");
  wrong_key = search (f, "moon landing", "en", &error);
  g_assert_null (wrong_key);
  g_assert_error (error, VERA_NET_ERROR, VERA_NET_ERROR_HTTP);
}

static void
check_reference (Fixture       *f,
                 VeraReference *reference)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraPageMeta) meta = NULL;

  vera_net_service_check_reference_async (f->service, reference, TRUE, NULL,
                                          vera_test_store_result_cb, &result);
  meta = vera_net_service_check_reference_finish (f->service, vera_test_wait_for_result (&result),
                                                  &error);
  g_assert_no_error (error);
  g_assert_nonnull (meta);
  g_assert_cmpint (meta->health, ==, vera_reference_get_health (reference));
}

static void
test_check_reference (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *url = vera_test_server_get_url (f->server, "/archived-article");
  VeraReference *ref = vera_reference_new (url);
  VeraReference *reopened = vera_reference_new (url);
  VeraReference *unknown = vera_reference_new ("https://never.example/fetched");

  g_atomic_int_set (&article_gone, FALSE);
  check_reference (f, ref);
  g_assert_cmpint (vera_reference_get_health (ref), ==, VERA_LINK_HEALTH_OK);
  g_assert_cmpstr (vera_reference_get_title (ref), ==, "Archived article");
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_SITE_NAME), ==, "Gazette");
  g_assert_true (g_str_has_prefix (vera_reference_get_field (ref, VERA_REFERENCE_ARCHIVE_URL),
                                   "http://web.archive.org/web/20200102030405/"));
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_ARCHIVE_TIME), ==,
                   "2020-01-02T03:04:05Z");
  g_assert_nonnull (vera_reference_get_field (ref, VERA_REFERENCE_FETCHED));

  /* A reopened project shows it offline, archive included. */
  g_assert_true (vera_net_service_restore_reference (f->service, reopened));
  g_assert_cmpstr (vera_reference_get_title (reopened), ==, "Archived article");
  g_assert_nonnull (vera_reference_get_field (reopened, VERA_REFERENCE_ARCHIVE_URL));
  g_assert_false (vera_net_service_restore_reference (f->service, unknown));

  /* Re-checked after the page is gone: the health says so, the description stays. */
  g_atomic_int_set (&article_gone, TRUE);
  check_reference (f, ref);
  g_assert_cmpint (vera_reference_get_health (ref), ==, VERA_LINK_HEALTH_CLIENT_ERROR);
  g_assert_cmpuint (vera_reference_get_http_status (ref), ==, 410);
  g_assert_cmpstr (vera_reference_get_title (ref), ==, "Archived article");
  g_assert_nonnull (vera_reference_get_field (ref, VERA_REFERENCE_ERROR));

  g_assert_finalize_object (ref);
  g_assert_finalize_object (reopened);
  g_assert_finalize_object (unknown);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/vera/net-services/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("wayback-lookup", test_wayback_lookup);
  ADD ("wayback-save", test_wayback_save);
  ADD ("wikipedia", test_wikipedia);
  ADD ("factcheck", test_factcheck);
  ADD ("check-reference", test_check_reference);

  return g_test_run ();
}
