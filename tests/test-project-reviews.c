/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-project-reviews"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-review.h"
#include "vera-test-util.h"

/* Team review in the model and the project file: document identity, other reviewers' verdicts
 * (claims[].reviews), this reviewer's shared annotation (claims[].shared) and unanchored
 * annotations (articles[].annotations). */

#define TEXT_EN "The county built 412 homes in 2024, twice as many as in 2019."
#define TEXT_DE "Die Gemeinde baute 2024 genau 412 Wohnungen, doppelt so viele wie 2019."
#define TEXT_ZH "该县2024年建成412套住房，是2019年的两倍。"

typedef struct
{
  const char *source;
  const char *text;
  const char *expected;
} IdentityRow;

static void
test_document_uri (void)
{
  /* The digests were computed with `printf %s TEXT | sha256sum`. */
  static const IdentityRow rows[] = {
    { "https://news.example/county-homes", TEXT_EN, "https://news.example/county-homes" },
    { "HTTP://news.example/a?x=1#p2", TEXT_EN, "HTTP://news.example/a?x=1#p2" },
    { "/home/ed/Gemeinde.txt", TEXT_DE, NULL },
    { NULL, TEXT_ZH, NULL },
    { "file:///tmp/x.txt", TEXT_EN, NULL },
    { "javascript:alert(1)", TEXT_EN, NULL },
    { "https://", TEXT_EN, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(VeraArticle) article = vera_article_new ("a1", rows[i].source, rows[i].text);
      g_autofree char *uri = vera_article_dup_document_uri (article);
      g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, rows[i].text,
                                                               -1);
      g_autofree char *expected = rows[i].expected != NULL
                                  ? g_strdup (rows[i].expected)
                                  : g_strconcat ("urn:x-vera:sha256:", digest, NULL);

      vera_test_row_str (i, rows[i].source ? rows[i].source : "(none)", "uri", expected, uri);
    }
}

static void
test_document_uri_known_digest (void)
{
  /* A fixed digest, so the identity cannot drift (e.g. to a digest of normalised text). */
  g_autoptr(VeraArticle) article = vera_article_new ("a1", NULL, "abc");
  g_autofree char *uri = vera_article_dup_document_uri (article);

  g_assert_cmpstr (uri, ==, "urn:x-vera:sha256:"
                   "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static VeraProject *
build_project (void)
{
  VeraProject *project = vera_project_new ();
  g_autoptr(VeraArticle) en = vera_article_new ("a1", "https://news.example/county", TEXT_EN);
  g_autoptr(VeraArticle) zh = vera_article_new ("a2", "/tmp/zh.txt", TEXT_ZH);
  g_autoptr(VeraClaim) c1 = vera_claim_new ("a1-c1", 0, 34, "The county built 412 homes in 2024");
  g_autoptr(VeraClaim) c2 = vera_claim_new ("a2-c1", 0, 15, "该县2024年建成412套住房");
  g_autoptr(VeraSharedAnnotation) shared = vera_shared_annotation_new ("https://h.example/api",
                                                                       "Ab12_xy", NULL);
  g_autoptr(VeraSharedAnnotation) shared_w3c =
    vera_shared_annotation_new ("https://anno.example/w3c/desk/",
                                "https://anno.example/w3c/desk/7", "W/\"3\"");
  g_autoptr(JsonNode) orphan = json_from_string ("{\"id\":\"zz9\",\"text\":\"Wo steht das?\","
                                                 "\"score\":1.5,\"tags\":[\"vera\"]}", NULL);
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  g_ptr_array_add (vera_claim_get_reviews (c1),
                   vera_review_new ("acct:mia@h.example", VERA_STATUS_CONTRADICTED,
                                    "Die Statistik nennt 398.", "2025-04-02T10:00:00.000000+00:00",
                                    "Qq1"));
  g_ptr_array_add (vera_claim_get_reviews (c1),
                   vera_review_new ("acct:wen@h.example", VERA_STATUS_SUPPORTED, NULL, NULL,
                                    "Qq2"));
  g_ptr_array_add (vera_claim_get_reviews (c2),
                   vera_review_new ("acct:wen@h.example", VERA_STATUS_PARTLY_SUPPORTED,
                                    "统计局数据为398套。", NULL, "Qq3"));
  vera_claim_set_shared (c1, shared);
  vera_claim_set_shared (c2, shared_w3c);
  vera_article_add_claim (en, c1);
  vera_article_add_claim (zh, c2);
  g_ptr_array_add (annotations, g_steal_pointer (&orphan));
  vera_article_take_annotations (zh, annotations);
  g_assert_true (vera_project_add_article (project, en, NULL));
  g_assert_true (vera_project_add_article (project, zh, NULL));
  return project;
}

static VeraClaim *
get_claim (VeraProject *project,
           const char  *id)
{
  VeraClaim *claim = vera_project_find_claim (project, id);

  g_assert_nonnull (claim);
  return claim;
}

static void
test_round_trip (void)
{
  g_autoptr(VeraProject) project = build_project ();
  g_autoptr(VeraProject) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = vera_project_to_data (project, NULL);
  g_autofree char *again = NULL;
  g_autoptr(VeraArticle) zh = NULL;
  GPtrArray *reviews;
  const VeraSharedAnnotation *shared;
  JsonObject *orphan;

  back = vera_project_from_data (data, -1, &error);
  g_assert_no_error (error);

  reviews = vera_claim_get_reviews (get_claim (back, "a1-c1"));
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_true (vera_review_equal (reviews->pdata[0],
                                    vera_claim_get_reviews (get_claim (project,
                                                                       "a1-c1"))->pdata[0]));
  g_assert_cmpint (((VeraReview *) reviews->pdata[1])->status, ==, VERA_STATUS_SUPPORTED);
  g_assert_null (((VeraReview *) reviews->pdata[1])->note);
  reviews = vera_claim_get_reviews (get_claim (back, "a2-c1"));
  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpstr (((VeraReview *) reviews->pdata[0])->note, ==, "统计局数据为398套。");

  shared = vera_claim_get_shared (get_claim (back, "a1-c1"));
  g_assert_nonnull (shared);
  g_assert_cmpstr (shared->server, ==, "https://h.example/api");
  g_assert_cmpstr (shared->id, ==, "Ab12_xy");
  g_assert_null (shared->etag);
  shared = vera_claim_get_shared (get_claim (back, "a2-c1"));
  g_assert_cmpstr (shared->etag, ==, "W/\"3\"");

  zh = g_list_model_get_item (vera_project_get_articles (back), 1);
  g_assert_cmpuint (vera_article_get_annotations (zh)->len, ==, 1);
  orphan = json_node_get_object (vera_article_get_annotations (zh)->pdata[0]);
  g_assert_cmpstr (json_object_get_string_member (orphan, "text"), ==, "Wo steht das?");
  g_assert_cmpfloat (json_object_get_double_member (orphan, "score"), ==, 1.5);

  /* Written again, the file is the same: nothing is lost or reordered. */
  again = vera_project_to_data (back, NULL);
  g_assert_cmpstr (again, ==, data);
  g_assert_finalize_object (g_steal_pointer (&back));
}

/* A project without team review is written exactly as before: none of the new keys appear. */
static void
test_absent_keys (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) article = vera_article_new ("a1", NULL, TEXT_DE);
  g_autoptr(VeraClaim) claim = vera_claim_new ("a1-c1", 0, 14, "Die Gemeinde b");
  g_autofree char *data = NULL;

  vera_article_add_claim (article, claim);
  g_assert_true (vera_project_add_article (project, article, NULL));
  data = vera_project_to_data (project, NULL);
  g_assert_null (strstr (data, "\"reviews\""));
  g_assert_null (strstr (data, "\"shared\""));
  g_assert_null (strstr (data, "\"annotations\""));
}

typedef struct
{
  const char *claim_extra;   /* members added to the claim */
  const char *fragment;      /* of the error message */
} BadRow;

static void
test_bad_keys (void)
{
  static const BadRow rows[] = {
    { "\"reviews\": {}", "“reviews” must be a list" },
    { "\"reviews\": [{\"status\": \"kinda\"}]", "“kinda” is not a known status" },
    { "\"reviews\": [{\"note\": 5}]", "“note” must be a string" },
    { "\"reviews\": [7]", "“reviews” must be a list" },
    { "\"shared\": \"x\"", "“shared” must be an object" },
    { "\"shared\": {\"id\": true}", "“id” must be a string" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *data = g_strdup_printf (
        "{\"format\": \"vera-project\", \"version\": 1, \"articles\": [{\"id\": \"a1\", "
        "\"text\": \"Abc def.\", \"claims\": [{\"id\": \"a1-c1\", \"start\": 0, \"end\": 3, "
        "\"text\": \"Abc\", %s}]}]}", rows[i].claim_extra);
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraProject) project = vera_project_from_data (data, -1, &error);

      if (project != NULL || !g_error_matches (error, VERA_PROJECT_ERROR,
                                               VERA_PROJECT_ERROR_WRONG_TYPE) ||
          strstr (error->message, rows[i].fragment) == NULL ||
          strstr (error->message, "a1-c1") == NULL)
        vera_test_fail_row ("row %u (%s): got %s", i, rows[i].claim_extra,
                            error ? error->message : "no error");
    }
}

static void
test_annotations_not_a_list (void)
{
  const char *data = "{\"format\": \"vera-project\", \"version\": 1, \"articles\": [{\"id\": "
                     "\"a1\", \"text\": \"Abc.\", \"annotations\": {\"id\": 1}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = vera_project_from_data (data, -1, &error);

  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE);
  g_assert_nonnull (strstr (error->message, "“annotations” must be a list"));
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/review/document-uri", test_document_uri);
  g_test_add_func ("/vera/review/document-uri-digest", test_document_uri_known_digest);
  g_test_add_func ("/vera/review/round-trip", test_round_trip);
  g_test_add_func ("/vera/review/absent-keys", test_absent_keys);
  g_test_add_func ("/vera/review/bad-keys", test_bad_keys);
  g_test_add_func ("/vera/review/annotations-not-a-list", test_annotations_not_a_list);
  return g_test_run ();
}
