/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project-io.h"
#include "vera-project-reviews-private.h"
#include "vera-review.h"
#include "vera-vocabulary.h"

void
vera_project_write_claim_reviews (VeraJsonWriter *w,
                                  VeraClaim      *claim)
{
  GPtrArray *reviews = vera_claim_get_reviews (claim);
  const VeraSharedAnnotation *shared = vera_claim_get_shared (claim);

  if (reviews->len > 0)
    {
      vera_json_writer_key (w, "reviews");
      vera_json_writer_begin_array (w);
      for (guint i = 0; i < reviews->len; i++)
        {
          const VeraReview *review = g_ptr_array_index (reviews, i);

          vera_json_writer_begin_object (w);
          vera_json_writer_member_string (w, "reviewer", review->reviewer);
          vera_json_writer_member_string (w, "status", vera_status_to_string (review->status));
          vera_json_writer_member_string (w, "note", review->note);
          vera_json_writer_member_string (w, "updated", review->updated);
          vera_json_writer_member_string (w, "annotation", review->annotation);
          vera_json_writer_end_object (w);
        }
      vera_json_writer_end_array (w);
    }
  if (shared != NULL)
    {
      vera_json_writer_key (w, "shared");
      vera_json_writer_begin_object (w);
      vera_json_writer_member_string (w, "server", shared->server);
      vera_json_writer_member_string (w, "id", shared->id);
      vera_json_writer_member_string (w, "etag", shared->etag);
      vera_json_writer_end_object (w);
    }
}

void
vera_project_write_article_annotations (VeraJsonWriter *w,
                                        VeraArticle    *article)
{
  GPtrArray *annotations = vera_article_get_annotations (article);

  if (annotations->len == 0)
    return;
  vera_json_writer_key (w, "annotations");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < annotations->len; i++)
    {
      g_autoptr(JsonNode) finite = vera_json_node_dup_finite (g_ptr_array_index (annotations, i));
      g_autofree char *json = json_to_string (finite, FALSE);

      vera_json_writer_raw (w, json);
    }
  vera_json_writer_end_array (w);
}

static gboolean
fail_type (GError     **error,
           const char  *where,
           const char  *key,
           const char  *expected)
{
  /* The same message as the reader's, so translations are shared. */
  g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
               _("%s: the key “%s” must be %s"), where, key, expected);
  return FALSE;
}

/* An optional string member, valid UTF-8. */
static gboolean
get_string (JsonObject  *object,
            const char  *key,
            const char  *where,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return fail_type (error, where, key, _("a string"));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
read_review (JsonNode    *node,
             const char  *where,
             GPtrArray   *reviews,
             GError     **error)
{
  const char *reviewer, *status_str, *note, *updated, *annotation;
  VeraStatus status = VERA_STATUS_UNREVIEWED;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail_type (error, where, "reviews", _("a list"));
  object = json_node_get_object (node);
  if (!get_string (object, "reviewer", where, &reviewer, error) ||
      !get_string (object, "status", where, &status_str, error) ||
      !get_string (object, "note", where, &note, error) ||
      !get_string (object, "updated", where, &updated, error) ||
      !get_string (object, "annotation", where, &annotation, error))
    return FALSE;
  if (status_str != NULL && !vera_status_from_string (status_str, &status))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   _("%s: “%s” is not a known status"), where, status_str);
      return FALSE;
    }
  g_ptr_array_add (reviews, vera_review_new (reviewer, status, note, updated, annotation));
  return TRUE;
}

gboolean
vera_project_read_claim_reviews (VeraClaim   *claim,
                                 JsonObject  *object,
                                 const char  *where,
                                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, "reviews");
  JsonNode *shared_node = json_object_get_member (object, "shared");

  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      g_autoptr(GPtrArray) reviews = NULL;
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail_type (error, where, "reviews", _("a list"));
      array = json_node_get_array (node);
      reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_review_free);
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!read_review (json_array_get_element (array, i), where, reviews, error))
          return FALSE;
      vera_claim_take_reviews (claim, g_steal_pointer (&reviews));
    }
  if (shared_node != NULL && !JSON_NODE_HOLDS_NULL (shared_node))
    {
      g_autoptr(VeraSharedAnnotation) shared = NULL;
      const char *server, *id, *etag;
      JsonObject *so;

      if (!JSON_NODE_HOLDS_OBJECT (shared_node))
        return fail_type (error, where, "shared", _("an object"));
      so = json_node_get_object (shared_node);
      if (!get_string (so, "server", where, &server, error) ||
          !get_string (so, "id", where, &id, error) ||
          !get_string (so, "etag", where, &etag, error))
        return FALSE;
      /* A record without an id cannot be updated; it is as good as none. */
      if (id != NULL)
        {
          shared = vera_shared_annotation_new (server, id, etag);
          vera_claim_set_shared (claim, shared);
        }
    }
  return TRUE;
}

gboolean
vera_project_read_article_annotations (VeraArticle  *article,
                                       JsonObject   *object,
                                       const char   *where,
                                       GError      **error)
{
  JsonNode *node = json_object_get_member (object, "annotations");
  g_autoptr(GPtrArray) annotations = NULL;
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (error, where, "annotations", _("a list"));
  array = json_node_get_array (node);
  annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_ptr_array_add (annotations, json_node_copy (json_array_get_element (array, i)));
  vera_article_take_annotations (article, g_steal_pointer (&annotations));
  return TRUE;
}
