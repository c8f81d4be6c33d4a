/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-share-hypothesis"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-reference.h"
#include "vera-review.h"
#include "vera-share.h"
#include "vera-net-service.h"
#include "vera-test-server.h"
#include "vera-test-util.h"

/* `vera-check share` and `pull` against a loopback server that speaks the Hypothesis API subset
 * of issue 18: two users (by token), groups, a search that pages through search_after with a
 * page size smaller than asked for, 401 for an unknown token, and switchable faults. */

#define TEXT_EN "Officials said 412 homes were built in 2024. The mayor called it a record."
#define TEXT_DE "Laut Amt wurden 2024 genau 412 Wohnungen gebaut. Der Bürgermeister sprach von einem Rekord."
#define TEXT_ZH "官员称2024年建成412套住房。县长称这是纪录。"
#define URL_EN "https://county.example/homes-2024"

typedef struct
{
  GMutex      lock;
  GPtrArray  *store;       /* JsonObject */
  guint       next_id;
  guint       clock;
  guint       fail_status; /* answer everything with this when set */
  guint       delay_ms;    /* answer everything this late when set */
  guint       page_cap;    /* the most rows a search page gives */
  guint       searches;
  gboolean    bad_accept;  /* a request came without the v1 Accept */
} Hyp;

static const char *
user_for (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (g_strcmp0 (auth, "Bearer tok-mia") == 0)
    return "acct:mia@news.test";
  if (g_strcmp0 (auth, "Bearer tok-wen") == 0)
    return "acct:wen@news.test";
  return NULL;
}

static void
reply_json (SoupServerMessage *msg,
            guint              status,
            JsonNode          *node)
{
  g_autofree char *body = json_to_string (node, FALSE);

  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static void
reply_object (SoupServerMessage *msg,
              guint              status,
              JsonObject        *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  reply_json (msg, status, node);
}

static JsonObject *
find (Hyp        *hyp,
      const char *id,
      guint      *index)
{
  for (guint i = 0; i < hyp->store->len; i++)
    if (g_strcmp0 (json_object_get_string_member (hyp->store->pdata[i], "id"), id) == 0)
      {
        if (index != NULL)
          *index = i;
        return hyp->store->pdata[i];
      }
  return NULL;
}

static char *
stamp (Hyp *hyp)
{
  hyp->clock++;
  return g_strdup_printf ("2025-05-01T08:%02u:%02u.000000+00:00", hyp->clock / 60,
                          hyp->clock % 60);
}

static JsonObject *
add_annotation (Hyp        *hyp,
                JsonObject *object,
                const char *user)
{
  g_autofree char *id = g_strdup_printf ("hA%u", ++hyp->next_id);
  g_autofree char *now = stamp (hyp);

  json_object_set_string_member (object, "id", id);
  json_object_set_string_member (object, "user", user);
  json_object_set_string_member (object, "created", now);
  json_object_set_string_member (object, "updated", now);
  g_ptr_array_add (hyp->store, json_object_ref (object));
  return object;
}

static int
compare_updated (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (json_object_get_string_member (*(JsonObject **) a, "updated"),
                    json_object_get_string_member (*(JsonObject **) b, "updated"));
}

static void
search (Hyp               *hyp,
        SoupServerMessage *msg,
        GHashTable        *query)
{
  const char *uri = query ? g_hash_table_lookup (query, "uri") : NULL;
  const char *group = query ? g_hash_table_lookup (query, "group") : NULL;
  const char *after = query ? g_hash_table_lookup (query, "search_after") : NULL;
  guint limit = query && g_hash_table_lookup (query, "limit")
                ? atoi (g_hash_table_lookup (query, "limit")) : 20;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  JsonObject *answer = json_object_new ();
  JsonArray *rows = json_array_new ();

  hyp->searches++;
  for (guint i = 0; i < hyp->store->len; i++)
    {
      JsonObject *a = hyp->store->pdata[i];

      if (g_strcmp0 (json_object_get_string_member (a, "uri"), uri) == 0 &&
          g_strcmp0 (json_object_get_string_member (a, "group"), group) == 0)
        g_ptr_array_add (matches, a);
    }
  g_ptr_array_sort (matches, compare_updated);
  for (guint i = 0; i < matches->len && json_array_get_length (rows) < MIN (limit, hyp->page_cap);
       i++)
    if (after == NULL ||
        g_strcmp0 (json_object_get_string_member (matches->pdata[i], "updated"), after) > 0)
      json_array_add_object_element (rows, json_object_ref (matches->pdata[i]));
  json_object_set_int_member (answer, "total", matches->len);
  json_object_set_array_member (answer, "rows", rows);
  reply_object (msg, 200, answer);
}

static JsonObject *
read_body (SoupServerMessage *msg)
{
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (bytes, NULL), NULL);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_dup_object (node) : NULL;
}

static void
api_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Hyp *hyp = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&hyp->lock);
  const char *method = soup_server_message_get_method (msg);
  const char *accept = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Accept");
  const char *user = user_for (msg);
  const char *id = g_str_has_prefix (path, "/api/annotations/") ? path + 17 : NULL;

  if (hyp->delay_ms > 0)
    {
      vera_test_server_reply_later (msg, hyp->delay_ms, 200, "application/json", "{}", 2);
      return;
    }
  if (hyp->fail_status != 0)
    {
      soup_server_message_set_status (msg, hyp->fail_status, NULL);
      return;
    }
  if (g_strcmp0 (accept, "application/vnd.hypothesis.v1+json") != 0)
    hyp->bad_accept = TRUE;

  if (g_str_equal (path, "/api/profile"))
    {
      JsonObject *profile = json_object_new ();
      JsonArray *groups = json_array_new ();
      const char *ids[] = { "__world__", "desk1" };

      if (user == NULL && soup_message_headers_get_one (
            soup_server_message_get_request_headers (msg), "Authorization") != NULL)
        {
          json_object_unref (profile);
          json_array_unref (groups);
          soup_server_message_set_status (msg, 401, NULL);
          return;
        }
      for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
        {
          JsonObject *g = json_object_new ();

          json_object_set_string_member (g, "id", ids[i]);
          json_array_add_object_element (groups, g);
        }
      if (user != NULL)
        json_object_set_string_member (profile, "userid", user);
      else
        json_object_set_null_member (profile, "userid");
      json_object_set_array_member (profile, "groups", groups);
      reply_object (msg, 200, profile);
      return;
    }
  if (g_str_equal (path, "/api/search") && g_str_equal (method, "GET"))
    {
      search (hyp, msg, query);
      return;
    }
  if (user == NULL)
    {
      soup_server_message_set_status (msg, 401, NULL);
      return;
    }
  if (g_str_equal (path, "/api/annotations") && g_str_equal (method, "POST"))
    {
      g_autoptr(JsonObject) body = read_body (msg);

      if (body == NULL)
        {
          soup_server_message_set_status (msg, 400, NULL);
          return;
        }
      reply_object (msg, 200, json_object_ref (add_annotation (hyp, body, user)));
      return;
    }
  if (id != NULL)
    {
      guint index;
      JsonObject *a = find (hyp, id, &index);

      if (a == NULL)
        {
          soup_server_message_set_status (msg, 404, NULL);
          return;
        }
      if (g_strcmp0 (json_object_get_string_member (a, "user"), user) != 0)
        {
          soup_server_message_set_status (msg, 403, NULL);
          return;
        }
      if (g_str_equal (method, "PATCH"))
        {
          g_autoptr(JsonObject) body = read_body (msg);
          g_autoptr(GList) members = body ? json_object_get_members (body) : NULL;
          g_autofree char *now = stamp (hyp);

          for (GList *l = members; l != NULL; l = l->next)
            json_object_set_member (a, l->data,
                                    json_node_copy (json_object_get_member (body, l->data)));
          json_object_set_string_member (a, "updated", now);
          reply_object (msg, 200, json_object_ref (a));
          return;
        }
      if (g_str_equal (method, "DELETE"))
        {
          JsonObject *answer = json_object_new ();

          json_object_set_string_member (answer, "id", id);
          json_object_set_boolean_member (answer, "deleted", TRUE);
          g_ptr_array_remove_index (hyp->store, index);
          reply_object (msg, 200, answer);
          return;
        }
    }
  soup_server_message_set_status (msg, 405, NULL);
}

typedef struct
{
  VeraTestServer *server;
  Hyp             hyp;
  char           *api;
  char           *dir;
  char           *project;
} Fixture;

static void
add_claim (VeraArticle *article,
           const char  *id,
           const char  *quote,
           VeraStatus   status,
           const char  *note)
{
  const char *text = vera_article_get_text (article);
  const char *at = strstr (text, quote);
  guint start = g_utf8_pointer_to_offset (text, at);
  g_autoptr(VeraClaim) claim = vera_claim_new (id, start, start + g_utf8_strlen (quote, -1),
                                               quote);

  g_assert_nonnull (at);
  vera_claim_set_context (claim, "", "");
  vera_claim_set_kinds (claim, VERA_CLAIM_KIND_QUANTITY);
  vera_claim_set_status (claim, status);
  vera_claim_set_note (claim, note);
  vera_article_add_claim (article, claim);
}

static void
write_project (const char *path)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) en = vera_article_new ("a1", URL_EN, TEXT_EN);
  g_autoptr(VeraArticle) de = vera_article_new ("a2", "/desk/gemeinde.txt", TEXT_DE);
  g_autoptr(VeraArticle) zh = vera_article_new ("a3", NULL, TEXT_ZH);
  g_autoptr(VeraReference) ref = vera_reference_new ("https://stats.example/housing (2024)");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  vera_article_set_title (en, "Homes [2024]");
  add_claim (en, "a1-c1", "Officials said 412 homes were built in 2024.", VERA_STATUS_SUPPORTED,
             "Matches the housing office.");
  add_claim (en, "a1-c2", "The mayor called it a record.", VERA_STATUS_UNREVIEWED, NULL);
  add_claim (de, "a2-c1", "Laut Amt wurden 2024 genau 412 Wohnungen gebaut.",
             VERA_STATUS_CONTRADICTED, "Das Amt nennt 398.");
  add_claim (zh, "a3-c1", "官员称2024年建成412套住房。", VERA_STATUS_UNREVIEWED, "待核实：统计局数据");
  add_claim (zh, "a3-c2", "县长称这是纪录。", VERA_STATUS_UNREVIEWED, NULL);
  vera_reference_set_field (ref, VERA_REFERENCE_TITLE, "Housing [office] report");
  g_assert_true (vera_project_add_article (project, en, NULL));
  g_assert_true (vera_project_add_article (project, de, NULL));
  g_assert_true (vera_project_add_article (project, zh, NULL));
  vera_claim_insert_reference (vera_project_find_claim (project, "a1-c1"), 0, ref);
  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_mutex_init (&f->hyp.lock);
  f->hyp.store = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  f->hyp.page_cap = 2;
  f->server = vera_test_server_new ();
  vera_test_server_add_handler (f->server, "/api", api_cb, &f->hyp);
  vera_test_server_start (f->server);
  f->api = vera_test_server_get_url (f->server, "/api");
  f->dir = vera_test_make_tmpdir ();
  f->project = g_build_filename (f->dir, "desk.vera", NULL);
  write_project (f->project);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vera_test_server_free (f->server);
  g_ptr_array_unref (f->hyp.store);
  g_mutex_clear (&f->hyp.lock);
  g_free (f->api);
  g_free (f->dir);
  g_free (f->project);
}

static int
run (const char  *token,
     const char  *command,
     const char  *project,
     const char  *server,
     const char  *group,
     const char  *extra,
     char       **err)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  if (token != NULL)
    g_subprocess_launcher_setenv (launcher, "VERA_ANNOTATION_TOKEN", token, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "VERA_ANNOTATION_TOKEN");
  g_ptr_array_add (argv, (gpointer) g_getenv ("VERA_CHECK"));
  g_ptr_array_add (argv, (gpointer) command);
  g_ptr_array_add (argv, (gpointer) project);
  g_ptr_array_add (argv, (gpointer) "--server");
  g_ptr_array_add (argv, (gpointer) server);
  g_ptr_array_add (argv, (gpointer) "--group");
  g_ptr_array_add (argv, (gpointer) group);
  if (extra != NULL)
    g_ptr_array_add (argv, (gpointer) extra);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static VeraProject *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  VeraProject *project = vera_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static gboolean
has_tag (JsonObject *a,
         const char *tag)
{
  JsonArray *tags = json_object_get_array_member (a, "tags");

  for (guint i = 0; i < json_array_get_length (tags); i++)
    if (g_strcmp0 (json_array_get_string_element (tags, i), tag) == 0)
      return TRUE;
  return FALSE;
}

static JsonObject *
find_by_exact (Hyp        *hyp,
               const char *exact)
{
  for (guint i = 0; i < hyp->store->len; i++)
    {
      JsonObject *a = hyp->store->pdata[i];
      JsonArray *target = json_object_get_array_member (a, "target");
      JsonObject *t = json_array_get_object_element (target, 0);
      JsonArray *selectors = json_object_get_array_member (t, "selector");

      for (guint s = 0; s < json_array_get_length (selectors); s++)
        if (g_strcmp0 (json_object_get_string_member_with_default (
                         json_array_get_object_element (selectors, s), "exact", NULL),
                       exact) == 0)
          return a;
    }
  return NULL;
}

static void
test_share (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(VeraArticle) de = NULL;
  g_autofree char *de_uri = NULL;
  JsonObject *a;
  const VeraSharedAnnotation *shared;

  g_assert_cmpint (run ("tok-mia", "share", f->project, f->api, "desk1", NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "3 annotations created, 0 updated, 0 deleted"));
  g_assert_false (f->hyp.bad_accept);
  /* a1-c1 (status), a2-c1 (status), a3-c1 (note only); a1-c2 and a3-c2 are not reviewed. */
  g_assert_cmpuint (f->hyp.store->len, ==, 3);

  a = find_by_exact (&f->hyp, "Officials said 412 homes were built in 2024.");
  g_assert_nonnull (a);
  g_assert_cmpstr (json_object_get_string_member (a, "uri"), ==, URL_EN);
  g_assert_cmpstr (json_object_get_string_member (a, "group"), ==, "desk1");
  g_assert_cmpstr (json_object_get_string_member (a, "user"), ==, "acct:mia@news.test");
  g_assert_true (has_tag (a, "vera"));
  g_assert_true (has_tag (a, "vera:status:supported"));
  g_assert_true (has_tag (a, "vera:kind:quantity"));
  g_assert_cmpstr (json_object_get_string_member (a, "text"), ==,
                   "Matches the housing office.\n\n"
                   "- [Housing \\[office\\] report](https://stats.example/housing%20%282024%29)");
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (json_object_get_object_member (a, "document"),
                                                   "title"), 0), ==, "Homes [2024]");

  project = load (f->project);
  de = g_list_model_get_item (vera_project_get_articles (project), 1);
  de_uri = vera_article_dup_document_uri (de);
  g_assert_true (g_str_has_prefix (de_uri, "urn:x-vera:sha256:"));
  a = find_by_exact (&f->hyp, "Laut Amt wurden 2024 genau 412 Wohnungen gebaut.");
  g_assert_cmpstr (json_object_get_string_member (a, "uri"), ==, de_uri);
  g_assert_true (has_tag (a, "vera:status:contradicted"));
  a = find_by_exact (&f->hyp, "官员称2024年建成412套住房。");
  g_assert_true (has_tag (a, "vera:status:unreviewed"));
  g_assert_cmpstr (json_object_get_string_member (a, "text"), ==, "待核实：统计局数据");

  shared = vera_claim_get_shared (vera_project_find_claim (project, "a2-c1"));
  g_assert_nonnull (shared);
  g_assert_cmpstr (shared->id, ==,
                   json_object_get_string_member (
                     find_by_exact (&f->hyp, "Laut Amt wurden 2024 genau 412 Wohnungen gebaut."),
                     "id"));
  g_assert_null (vera_claim_get_shared (vera_project_find_claim (project, "a1-c2")));

  /* Again: every annotation is updated in place, none added. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("tok-mia", "share", f->project, f->api, "desk1", NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "0 annotations created, 3 updated, 0 deleted"));
  g_assert_cmpuint (f->hyp.store->len, ==, 3);

  /* A claim no longer reviewed loses its annotation; one deleted on the server is posted anew. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->project);
    VeraClaim *claim = vera_project_find_claim (project, "a2-c1");

    vera_claim_set_status (claim, VERA_STATUS_UNREVIEWED);
    vera_claim_set_note (claim, NULL);
    g_assert_true (vera_project_save (project, file, NULL, NULL));
    g_ptr_array_remove (f->hyp.store, find_by_exact (&f->hyp, "官员称2024年建成412套住房。"));
  }
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("tok-mia", "share", f->project, f->api, "desk1", NULL, &err), ==, 0);
  g_assert_nonnull (strstr (err, "1 annotations created, 1 updated, 1 deleted"));
  g_assert_cmpuint (f->hyp.store->len, ==, 2);
  g_assert_null (find_by_exact (&f->hyp, "Laut Amt wurden 2024 genau 412 Wohnungen gebaut."));
  g_clear_object (&project);
  project = load (f->project);
  g_assert_null (vera_claim_get_shared (vera_project_find_claim (project, "a2-c1")));
}

static JsonObject *
colleague_annotation (const char *uri,
                      const char *exact,
                      gint64      start,
                      const char *status,
                      const char *text)
{
  g_autofree char *json = g_strdup_printf (
    "{\"uri\": \"%s\", \"group\": \"desk1\", \"text\": \"%s\", \"tags\": [\"vera\", "
    "\"vera:status:%s\"], \"target\": [{\"source\": \"%s\", \"selector\": ["
    "{\"type\": \"TextQuoteSelector\", \"exact\": \"%s\"}, "
    "{\"type\": \"TextPositionSelector\", \"start\": %" G_GINT64_FORMAT ", \"end\": %"
    G_GINT64_FORMAT "}]}]}", uri, text, status, uri, exact, start,
    start + g_utf8_strlen (exact, -1));
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_node_dup_object (node);
}

static void
pulled_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* vera_share_pull_async as the window runs it, on this thread's main loop. */
static void
pull_in_process (Fixture     *f,
                 VeraProject *project,
                 const char  *token)
{
  g_autoptr(VeraNetService) net = vera_net_service_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  VeraShareTarget target = { VERA_SHARE_PROTOCOL_HYPOTHESIS, f->api, "desk1", token };
  VeraShareStats stats = { 0 };

  vera_share_pull_async (net, project, &target, NULL, pulled_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vera_share_pull_finish (net, result, &stats, &error));
  g_assert_no_error (error);
}

static void
test_pull (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autoptr(VeraProject) project = load (f->project);
  g_autoptr(VeraArticle) zh = g_list_model_get_item (vera_project_get_articles (project), 2);
  g_autoptr(VeraArticle) en = NULL;
  g_autofree char *zh_uri = vera_article_dup_document_uri (zh);
  g_autoptr(JsonObject) w1 = NULL;
  g_autoptr(JsonObject) w2 = NULL;
  g_autoptr(JsonObject) w3 = NULL;
  g_autoptr(JsonObject) other = NULL;
  GPtrArray *reviews;
  VeraReview *review;
  VeraClaim *claim;

  /* Mia shares first; then Wen reviews the same claims, with stale positions on one. */
  g_assert_cmpint (run ("tok-mia", "share", f->project, f->api, "desk1", NULL, &err), ==, 0);
  g_mutex_lock (&f->hyp.lock);
  w1 = colleague_annotation (URL_EN,
                                                   "Officials said 412 homes were built in 2024.",
                                                   9, "contradicted", "Der Bericht nennt 398.");
  w2 = colleague_annotation (zh_uri, "县长称这是纪录。", 15, "supported",
                                                   "县志确认。");
  w3 = colleague_annotation (zh_uri, "这段话不在文中。", 0, "disputed",
                                                   "Orphan");
  other = colleague_annotation (zh_uri, "县长称这是纪录。", 15, "supported",
                                                      "other group");
  add_annotation (&f->hyp, w1, "acct:wen@news.test");
  add_annotation (&f->hyp, w2, "acct:wen@news.test");
  add_annotation (&f->hyp, w3, "acct:wen@news.test");
  json_object_set_string_member (other, "group", "desk2");
  add_annotation (&f->hyp, other, "acct:wen@news.test");
  /* Enough of Wen's comments on the Chinese article to need several pages of two. */
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(JsonObject) more = colleague_annotation (zh_uri, "官员称2024年建成412套住房。",
                                                         0, "in-progress", "查证中");

      add_annotation (&f->hyp, more, "acct:wen@news.test");
    }
  f->hyp.searches = 0;
  g_mutex_unlock (&f->hyp.lock);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("tok-mia", "pull", f->project, f->api, "desk1", NULL, &err), ==, 0);
  /* en: mia's own + w1; de: mia's own; zh: mia's own + w2 + w3 + 4 more = 10 read. */
  g_assert_nonnull (strstr (err, "10 annotations read, 6 verdicts of other reviewers on claims, 1 kept"));
  /* Pages of two: en 1 page (2 rows), de 1 (1 row), zh 4 (7 rows). */
  g_assert_cmpuint (f->hyp.searches, ==, 6);

  g_clear_object (&project);
  project = load (f->project);
  claim = vera_project_find_claim (project, "a1-c1");
  /* Mia's own verdict is untouched. */
  g_assert_cmpint (vera_claim_get_status (claim), ==, VERA_STATUS_SUPPORTED);
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "Matches the housing office.");
  reviews = vera_claim_get_reviews (claim);
  g_assert_cmpuint (reviews->len, ==, 1);
  review = reviews->pdata[0];
  g_assert_cmpstr (review->reviewer, ==, "acct:wen@news.test");
  g_assert_cmpint (review->status, ==, VERA_STATUS_CONTRADICTED);
  g_assert_cmpstr (review->note, ==, "Der Bericht nennt 398.");
  g_assert_nonnull (review->updated);
  g_assert_cmpstr (review->annotation, ==, json_object_get_string_member (w1, "id"));

  reviews = vera_claim_get_reviews (vera_project_find_claim (project, "a3-c2"));
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((VeraReview *) reviews->pdata[0])->note, ==, "县志确认。");
  g_assert_cmpuint (vera_claim_get_reviews (vera_project_find_claim (project, "a3-c1"))->len, ==,
                    4);
  g_assert_cmpint (vera_claim_get_status (vera_project_find_claim (project, "a3-c2")), ==,
                   VERA_STATUS_UNREVIEWED);
  g_clear_object (&zh);
  zh = g_list_model_get_item (vera_project_get_articles (project), 2);
  g_assert_cmpuint (vera_article_get_annotations (zh)->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_node_get_object (vera_article_get_annotations (zh)->pdata[0]), "text"),
                   ==, "Orphan");
  en = g_list_model_get_item (vera_project_get_articles (project), 0);
  g_assert_cmpuint (vera_article_get_annotations (en)->len, ==, 0);

  /* In the app: a pull that finds what the last one found leaves a saved project saved; a new
   * colleague verdict marks it changed. */
  vera_project_mark_saved (project);
  pull_in_process (f, project, "tok-mia");
  g_assert_false (vera_project_get_dirty (project));
  g_assert_cmpuint (vera_claim_get_reviews (vera_project_find_claim (project, "a1-c1"))->len, ==,
                    1);
  g_mutex_lock (&f->hyp.lock);
  {
    g_autoptr(JsonObject) w4 = colleague_annotation (URL_EN,
                                                     "Officials said 412 homes were built in 2024.",
                                                     9, "disputed", "Zweite Meinung.");

    add_annotation (&f->hyp, w4, "acct:ana@news.test");
  }
  g_mutex_unlock (&f->hyp.lock);
  pull_in_process (f, project, "tok-mia");
  g_assert_true (vera_project_get_dirty (project));
  g_assert_cmpuint (vera_claim_get_reviews (vera_project_find_claim (project, "a1-c1"))->len, ==,
                    2);

  /* Wen pulls: Mia's verdicts show on Wen's copy too (the project is Mia's file, but the server
   * does not know that: Wen's token decides whose annotations are "own"). */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("tok-wen", "pull", f->project, f->api, "desk1", NULL, &err), ==, 0);
  g_clear_object (&project);
  project = load (f->project);
  reviews = vera_claim_get_reviews (vera_project_find_claim (project, "a1-c1"));
  /* Mia's annotation is still recorded as this project's own share, so it is skipped too, and
   * Wen's own are his: only Ana's verdict is another reviewer's. */
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((VeraReview *) reviews->pdata[0])->reviewer, ==, "acct:ana@news.test");
}

typedef struct
{
  const char *name;
  const char *token;
  const char *group;
  guint       fail_status;
  guint       delay_ms;
  gboolean    refused;
  const char *fragment;
} FaultRow;

static void
test_faults (Fixture       *f,
             gconstpointer  data)
{
  static const FaultRow rows[] = {
    { "wrong token", "tok-nobody", "desk1", 0, 0, FALSE, "refused the token (HTTP status 401)" },
    { "no token", NULL, "desk1", 0, 0, FALSE, "VERA_ANNOTATION_TOKEN" },
    { "not a member", "tok-mia", "desk9", 0, 0, FALSE, "not a member of the group “desk9”" },
    { "forbidden", "tok-mia", "desk1", 403, 0, FALSE, "HTTP status 403" },
    { "server error", "tok-mia", "desk1", 503, 0, FALSE, "failed (HTTP status 503)" },
    { "timeout", "tok-mia", "desk1", 0, 3000, FALSE, "within 1 second" },
    { "refused", "tok-mia", "desk1", 0, 0, TRUE, "refused the connection" },
  };
  const char *commands[] = { "share", "pull" };
  g_autofree char *before = NULL;
  gsize before_length;

  g_assert_true (g_file_get_contents (f->project, &before, &before_length, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      {
        g_autofree char *err = NULL;
        g_autofree char *after = NULL;
        g_autofree char *server = NULL;
        gsize after_length;
        int status;

        /* Pull reads without a token. */
        if (rows[i].token == NULL && c == 1)
          continue;
        g_mutex_lock (&f->hyp.lock);
        f->hyp.fail_status = rows[i].fail_status;
        f->hyp.delay_ms = rows[i].delay_ms;
        g_mutex_unlock (&f->hyp.lock);
        if (rows[i].refused)
          {
            /* A port nobody listens on: a server that was stopped. */
            g_autoptr(VeraTestServer) gone = vera_test_server_new ();

            vera_test_server_start (gone);
            server = vera_test_server_get_url (gone, "/api");
          }
        else
          server = g_strdup (f->api);
        status = run (rows[i].token, commands[c], f->project, server, rows[i].group,
                      "--timeout=1", &err);
        g_assert_true (g_file_get_contents (f->project, &after, &after_length, NULL));
        if (status != 1 || strstr (err, rows[i].fragment) == NULL ||
            strchr (err, '\n') != err + strlen (err) - 1)
          vera_test_fail_row ("%s %s: exit %d, stderr %s", rows[i].name, commands[c], status,
                              err);
        if (after_length != before_length || memcmp (after, before, before_length) != 0)
          vera_test_fail_row ("%s %s: the project file changed", rows[i].name, commands[c]);
      }
  g_assert_cmpuint (f->hyp.store->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

  g_test_add ("/vera/share/hypothesis/share", Fixture, NULL, fixture_set_up, test_share,
              fixture_tear_down);
  g_test_add ("/vera/share/hypothesis/pull", Fixture, NULL, fixture_set_up, test_pull,
              fixture_tear_down);
  g_test_add ("/vera/share/hypothesis/faults", Fixture, NULL, fixture_set_up, test_faults,
              fixture_tear_down);
  return g_test_run ();
}
