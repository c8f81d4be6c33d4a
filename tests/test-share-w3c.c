/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-share-w3c"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-review.h"
#include "vera-test-server.h"
#include "vera-test-util.h"

/* `vera-check share --protocol w3c` and `pull` against a loopback container that follows the
 * W3C Web Annotation Protocol's required behaviour: 201 with Location and ETag on create,
 * If-Match checked on PUT and DELETE (412 when stale), 204 on delete, Vary: Accept, and a
 * container whose pages link with next and partOf. */

#define TEXT_EN "The clinic treated 1,200 patients last winter. Waiting times fell by a third."
#define TEXT_ZH "诊所去年冬天接诊1200名患者。等候时间缩短了三分之一。"
#define PROFILE_TYPE "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\""

typedef struct
{
  GMutex      lock;
  GHashTable *store;      /* IRI → JsonObject */
  GPtrArray  *order;      /* IRIs in creation order */
  GHashTable *etags;      /* IRI → ETag */
  guint       next;
  char       *base;
  gboolean    bad_request;  /* a write came without the profile content type or If-Match */
  guint       pages;
} W3c;

static void
reply (SoupServerMessage *msg,
       guint              status,
       JsonObject        *object,
       const char        *etag)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Vary", "Accept");
  if (etag != NULL)
    soup_message_headers_replace (headers, "ETag", etag);
  soup_server_message_set_status (msg, status, NULL);
  if (object != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
      g_autofree char *body = json_to_string (node, FALSE);

      soup_server_message_set_response (msg, PROFILE_TYPE, SOUP_MEMORY_COPY, body,
                                        strlen (body));
    }
}

static JsonObject *
read_body (SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (bytes, NULL), NULL);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_dup_object (node) : NULL;
}

static char *
new_etag (W3c *w3c)
{
  return g_strdup_printf ("\"e%u\"", ++w3c->next);
}

static void
container_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  W3c *w3c = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&w3c->lock);
  const char *method = soup_server_message_get_method (msg);
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  g_autofree char *iri = g_strconcat (w3c->base, path, NULL);
  g_autofree char *container = g_strconcat (w3c->base, "/w3c/desk/", NULL);

  if (g_str_equal (path, "/w3c/desk/") && g_str_equal (method, "POST"))
    {
      g_autoptr(JsonObject) body = read_body (msg);
      g_autofree char *id = NULL;
      g_autofree char *etag = new_etag (w3c);

      if (g_strcmp0 (soup_message_headers_get_one (in, "Content-Type"), PROFILE_TYPE) != 0 ||
          body == NULL)
        {
          w3c->bad_request = TRUE;
          reply (msg, 415, NULL, NULL);
          return;
        }
      id = g_strdup_printf ("%sanno%u", container, w3c->next);
      json_object_set_string_member (body, "id", id);
      json_object_set_string_member (body, "creator", "mia");
      g_hash_table_insert (w3c->store, g_strdup (id), json_object_ref (body));
      g_hash_table_insert (w3c->etags, g_strdup (id), g_strdup (etag));
      g_ptr_array_add (w3c->order, g_strdup (id));
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Location",
                                    id);
      reply (msg, 201, body, etag);
      return;
    }
  if (g_str_equal (path, "/w3c/desk/") && g_str_equal (method, "GET"))
    {
      /* The container embeds no items: they come on pages of two, page 0 first. */
      const char *page_str = query ? g_hash_table_lookup (query, "page") : NULL;
      JsonObject *out = json_object_new ();

      w3c->pages++;
      if (page_str == NULL)
        {
          g_autofree char *first = g_strconcat (container, "?page=0", NULL);

          json_object_set_string_member (out, "@context", "http://www.w3.org/ns/anno.jsonld");
          json_object_set_string_member (out, "id", container);
          json_object_set_string_member (out, "type", "AnnotationCollection");
          json_object_set_int_member (out, "total", w3c->order->len);
          if (w3c->order->len > 0)
            json_object_set_string_member (out, "first", first);
        }
      else
        {
          guint page = atoi (page_str);
          JsonArray *items = json_array_new ();

          json_object_set_string_member (out, "type", "AnnotationPage");
          json_object_set_string_member (out, "partOf", container);
          for (guint i = page * 2; i < MIN (page * 2 + 2, w3c->order->len); i++)
            json_array_add_object_element (items,
                                           json_object_ref (g_hash_table_lookup (
                                                              w3c->store,
                                                              w3c->order->pdata[i])));
          json_object_set_array_member (out, "items", items);
          if ((page + 1) * 2 < w3c->order->len)
            {
              g_autofree char *next = g_strdup_printf ("%s?page=%u", container, page + 1);

              json_object_set_string_member (out, "next", next);
            }
        }
      reply (msg, 200, out, NULL);
      return;
    }
  if (g_hash_table_contains (w3c->store, iri))
    {
      const char *etag = g_hash_table_lookup (w3c->etags, iri);
      const char *if_match = soup_message_headers_get_one (in, "If-Match");

      if (g_str_equal (method, "GET"))
        {
          reply (msg, 200, json_object_ref (g_hash_table_lookup (w3c->store, iri)), etag);
          return;
        }
      if (if_match == NULL)
        {
          w3c->bad_request = TRUE;
          reply (msg, 428, NULL, NULL);
          return;
        }
      if (g_strcmp0 (if_match, etag) != 0)
        {
          reply (msg, 412, NULL, NULL);
          return;
        }
      if (g_str_equal (method, "PUT"))
        {
          g_autoptr(JsonObject) body = read_body (msg);
          g_autofree char *fresh = new_etag (w3c);

          if (body == NULL || g_strcmp0 (json_object_get_string_member_with_default (body, "id",
                                                                                     NULL),
                                         iri) != 0)
            {
              reply (msg, 400, NULL, NULL);
              return;
            }
          json_object_set_string_member (body, "creator", "mia");
          g_hash_table_insert (w3c->store, g_strdup (iri), json_object_ref (body));
          g_hash_table_insert (w3c->etags, g_strdup (iri), g_strdup (fresh));
          reply (msg, 200, body, fresh);
          return;
        }
      if (g_str_equal (method, "DELETE"))
        {
          g_hash_table_remove (w3c->store, iri);
          for (guint i = 0; i < w3c->order->len; i++)
            if (g_str_equal (w3c->order->pdata[i], iri))
              {
                g_ptr_array_remove_index (w3c->order, i);
                break;
              }
          reply (msg, 204, NULL, NULL);
          return;
        }
    }
  reply (msg, 404, NULL, NULL);
}

typedef struct
{
  VeraTestServer *server;
  W3c             w3c;
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
  guint start;
  g_autoptr(VeraClaim) claim = NULL;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  claim = vera_claim_new (id, start, start + g_utf8_strlen (quote, -1), quote);
  vera_claim_set_status (claim, status);
  vera_claim_set_note (claim, note);
  vera_article_add_claim (article, claim);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) en = vera_article_new ("a1", "https://clinic.example/winter", TEXT_EN);
  g_autoptr(VeraArticle) zh = vera_article_new ("a2", "/desk/诊所.txt", TEXT_ZH);
  g_autoptr(GFile) file = NULL;

  g_mutex_init (&f->w3c.lock);
  f->w3c.store = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) json_object_unref);
  f->w3c.etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->w3c.order = g_ptr_array_new_with_free_func (g_free);
  f->server = vera_test_server_new ();
  vera_test_server_add_handler (f->server, "/w3c", container_cb, &f->w3c);
  vera_test_server_start (f->server);
  f->w3c.base = g_strdup (vera_test_server_get_base (f->server));
  f->dir = vera_test_make_tmpdir ();
  f->project = g_build_filename (f->dir, "clinic.vera", NULL);

  add_claim (en, "a1-c1", "The clinic treated 1,200 patients last winter.",
             VERA_STATUS_SUPPORTED, "Annual report, p. 4.");
  add_claim (en, "a1-c2", "Waiting times fell by a third.", VERA_STATUS_UNREVIEWED, NULL);
  add_claim (zh, "a2-c1", "诊所去年冬天接诊1200名患者。", VERA_STATUS_PARTLY_SUPPORTED, "年报为1150名。");
  add_claim (zh, "a2-c2", "等候时间缩短了三分之一。", VERA_STATUS_UNREVIEWED, NULL);
  g_assert_true (vera_project_add_article (project, en, NULL));
  g_assert_true (vera_project_add_article (project, zh, NULL));
  file = g_file_new_for_path (f->project);
  g_assert_true (vera_project_save (project, file, NULL, NULL));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vera_test_server_free (f->server);
  g_hash_table_unref (f->w3c.store);
  g_hash_table_unref (f->w3c.etags);
  g_ptr_array_unref (f->w3c.order);
  g_free (f->w3c.base);
  g_mutex_clear (&f->w3c.lock);
  g_free (f->dir);
  g_free (f->project);
}

static int
run (Fixture     *f,
     const char  *command,
     char       **err)
{
  g_autofree char *server = g_strconcat (f->w3c.base, "/w3c", NULL);
  const char *argv[] = { g_getenv ("VERA_CHECK"), command, f->project, "--server", server,
                         "--group", "desk", "--protocol", "w3c", NULL };
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;

  proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                  G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, NULL, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static VeraProject *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VeraProject *project = vera_project_load (file, NULL, NULL);

  g_assert_nonnull (project);
  return project;
}

static void
test_share_and_pull (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autoptr(VeraProject) project = NULL;
  const VeraSharedAnnotation *shared;
  g_autofree char *etag_before = NULL;
  GPtrArray *reviews;

  g_assert_cmpint (run (f, "share", &err), ==, 0);
  g_assert_nonnull (strstr (err, "2 annotations created, 0 updated, 0 deleted"));
  g_assert_false (f->w3c.bad_request);
  g_assert_cmpuint (g_hash_table_size (f->w3c.store), ==, 2);

  project = load (f->project);
  shared = vera_claim_get_shared (vera_project_find_claim (project, "a1-c1"));
  g_assert_nonnull (shared);
  g_assert_true (g_str_has_prefix (shared->id, f->w3c.base));
  g_assert_true (g_hash_table_contains (f->w3c.store, shared->id));
  g_assert_cmpstr (shared->etag, ==, g_hash_table_lookup (f->w3c.etags, shared->id));
  etag_before = g_strdup (shared->etag);

  /* Again: PUT with If-Match, and the new ETag is recorded. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, "share", &err), ==, 0);
  g_assert_nonnull (strstr (err, "0 annotations created, 2 updated, 0 deleted"));
  g_clear_object (&project);
  project = load (f->project);
  shared = vera_claim_get_shared (vera_project_find_claim (project, "a1-c1"));
  g_assert_cmpstr (shared->etag, !=, etag_before);
  g_assert_cmpstr (shared->etag, ==, g_hash_table_lookup (f->w3c.etags, shared->id));

  /* A colleague's verdicts (three, so the container pages), one on no claim. */
  g_mutex_lock (&f->w3c.lock);
  {
    const char *colleague[] = {
      "{\"type\": \"Annotation\", \"creator\": {\"name\": \"Wen\"}, \"modified\": \"2025-05-02\", "
      "\"body\": [{\"type\": \"TextualBody\", \"value\": \"Nur 1.150.\"}, {\"type\": "
      "\"TextualBody\", \"purpose\": \"tagging\", \"value\": \"vera:status:contradicted\"}], "
      "\"target\": {\"source\": \"https://clinic.example/winter\", \"selector\": {\"type\": "
      "\"TextQuoteSelector\", \"exact\": \"The clinic treated 1,200 patients last winter.\"}}}",
      "{\"type\": \"Annotation\", \"creator\": \"Wen\", \"bodyValue\": \"Where?\", "
      "\"target\": {\"source\": \"https://clinic.example/winter\", \"selector\": {\"type\": "
      "\"TextQuoteSelector\", \"exact\": \"Not in the article.\"}}}",
      "{\"type\": \"Annotation\", \"creator\": \"Wen\", \"bodyValue\": \"Other page\", "
      "\"target\": {\"source\": \"https://elsewhere.example/\", \"selector\": {\"type\": "
      "\"TextQuoteSelector\", \"exact\": \"The clinic\"}}}",
    };

    for (guint i = 0; i < G_N_ELEMENTS (colleague); i++)
      {
        g_autoptr(JsonNode) node = json_from_string (colleague[i], NULL);
        JsonObject *object = json_node_dup_object (node);
        g_autofree char *id = g_strdup_printf ("%s/w3c/desk/wen%u", f->w3c.base, i);

        json_object_set_string_member (object, "id", id);
        g_hash_table_insert (f->w3c.store, g_strdup (id), object);
        g_hash_table_insert (f->w3c.etags, g_strdup (id), g_strdup ("\"w\""));
        g_ptr_array_add (f->w3c.order, g_strdup (id));
      }
    f->w3c.pages = 0;
  }
  g_mutex_unlock (&f->w3c.lock);

  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, "pull", &err), ==, 0);
  /* The container and three pages of two; four annotations are on this project's documents. */
  g_assert_cmpuint (f->w3c.pages, ==, 4);
  g_assert_nonnull (strstr (err, "4 annotations read, 1 verdicts of other reviewers on claims, "
                                 "1 kept"));
  g_clear_object (&project);
  project = load (f->project);
  reviews = vera_claim_get_reviews (vera_project_find_claim (project, "a1-c1"));
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((VeraReview *) reviews->pdata[0])->reviewer, ==, "Wen");
  g_assert_cmpint (((VeraReview *) reviews->pdata[0])->status, ==, VERA_STATUS_CONTRADICTED);
  g_assert_cmpstr (((VeraReview *) reviews->pdata[0])->note, ==, "Nur 1.150.");
  g_assert_cmpint (vera_claim_get_status (vera_project_find_claim (project, "a1-c1")), ==,
                   VERA_STATUS_SUPPORTED);

  /* No longer reviewed: DELETE with If-Match, 204. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (f->project);
    VeraClaim *claim = vera_project_find_claim (project, "a2-c1");

    vera_claim_set_status (claim, VERA_STATUS_UNREVIEWED);
    vera_claim_set_note (claim, NULL);
    g_assert_true (vera_project_save (project, file, NULL, NULL));
  }
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, "share", &err), ==, 0);
  g_assert_nonnull (strstr (err, "0 annotations created, 1 updated, 1 deleted"));
  g_assert_cmpuint (g_hash_table_size (f->w3c.store), ==, 4);
  g_assert_false (f->w3c.bad_request);
}

/* An ETag gone stale (someone else changed the annotation) fails with 412 and changes nothing. */
static void
test_stale_etag (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GHashTableIter iter;
  gpointer key;

  g_assert_cmpint (run (f, "share", &err), ==, 0);
  g_mutex_lock (&f->w3c.lock);
  g_hash_table_iter_init (&iter, f->w3c.etags);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_iter_replace (&iter, g_strdup ("\"changed\""));
  g_mutex_unlock (&f->w3c.lock);
  g_assert_true (g_file_get_contents (f->project, &before, NULL, NULL));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (f, "share", &err), ==, 1);
  g_assert_nonnull (strstr (err, "HTTP status 412"));
  g_assert_true (g_file_get_contents (f->project, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

  g_test_add ("/vera/share/w3c/share-and-pull", Fixture, NULL, fixture_set_up,
              test_share_and_pull, fixture_tear_down);
  g_test_add ("/vera/share/w3c/stale-etag", Fixture, NULL, fixture_set_up, test_stale_etag,
              fixture_tear_down);
  return g_test_run ();
}
