/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-share"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-export.h"
#include "vera-project.h"
#include "vera-review.h"
#include "vera-share-private.h"

/* Share and pull as a queue of requests run one after the other on the caller's main context.
 * The project is read when an operation starts and changed only when every request succeeded,
 * so a fault anywhere leaves it (and its file) as it was. */

typedef enum
{
  STEP_PROFILE,
  STEP_CREATE,
  STEP_UPDATE,
  STEP_DELETE,
  STEP_SEARCH,     /* Hypothesis: one page of one document's annotations */
  STEP_PAGE,       /* W3C: the container or one of its pages */
} StepKind;

typedef struct
{
  StepKind  kind;
  char     *method;
  char     *url;
  JsonNode *body;
  char     *if_match;
  guint     allowed;
  char     *claim_id;   /* share */
  char     *shared_id;  /* share: the annotation an update or delete is about */
  guint     document;   /* pull: index into Job.documents */
  guint     page;
} Step;

typedef struct
{
  VeraShareConfig *config;
  VeraProject     *project;
  gboolean         pull;
  GQueue           steps;
  char            *userid;      /* Hypothesis: who the token belongs to */
  VeraShareStats   stats;
  GHashTable      *records;     /* share: claim id → VeraSharedAnnotation, or NULL to clear */
  GPtrArray       *documents;   /* pull: the document URI of each article */
  GPtrArray       *rows;        /* pull: of each article, a GPtrArray of JsonNode */
  GHashTable      *seen;        /* pull: annotation ids read, so pages that overlap count once */
} Job;

static void
step_free (Step *step)
{
  g_free (step->method);
  g_free (step->url);
  g_clear_pointer (&step->body, json_node_unref);
  g_free (step->if_match);
  g_free (step->claim_id);
  g_free (step->shared_id);
  g_free (step);
}

static Step *
step_new (StepKind    kind,
          const char *method,
          const char *url)
{
  Step *step = g_new0 (Step, 1);

  step->kind = kind;
  step->method = g_strdup (method);
  step->url = g_strdup (url);
  return step;
}

static void
job_free (Job *job)
{
  g_queue_clear_full (&job->steps, (GDestroyNotify) step_free);
  vera_share_config_free (job->config);
  g_clear_object (&job->project);
  g_free (job->userid);
  g_clear_pointer (&job->records, g_hash_table_unref);
  g_clear_pointer (&job->documents, g_ptr_array_unref);
  g_clear_pointer (&job->rows, g_ptr_array_unref);
  g_clear_pointer (&job->seen, g_hash_table_unref);
  g_free (job);
}

static GError *
invalid_answer (const char *what)
{
  return g_error_new (VERA_SHARE_ERROR, VERA_SHARE_ERROR_INVALID,
                      /* Translators: %s names what was asked for, such as "a search" */
                      _("The annotation server sent an answer in an unknown format (%s)"), what);
}

static const char *
get_string (JsonNode   *node,
            const char *key)
{
  JsonObject *object;
  JsonNode *member;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  member = json_object_get_member (object, key);
  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member) ||
      json_node_get_value_type (member) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (member);
}

static char *
annotation_url (Job        *job,
                const char *id)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/annotations/", escaped, NULL);

  return vera_net_join_url (job->config->server, path);
}

static char *
search_url (Job        *job,
            const char *document_uri,
            const char *search_after)
{
  g_autofree char *uri = g_uri_escape_string (document_uri, NULL, FALSE);
  g_autofree char *group = g_uri_escape_string (job->config->group ? job->config->group
                                                                   : "__world__", NULL, FALSE);
  g_autofree char *after = search_after != NULL ? g_uri_escape_string (search_after, NULL, FALSE)
                                                : NULL;
  g_autofree char *path = g_strdup_printf ("/search?uri=%s&group=%s&limit=%d&sort=updated"
                                           "&order=asc%s%s", uri, group, VERA_SHARE_PAGE_SIZE,
                                           after != NULL ? "&search_after=" : "",
                                           after != NULL ? after : "");

  return vera_net_join_url (job->config->server, path);
}

/* --- what each answer does ------------------------------------------------------------- */

static gboolean
profile_done (Job             *job,
              VeraShareReply  *reply,
              GError         **error)
{
  const char *userid = get_string (reply->json, "userid");
  JsonNode *groups;
  const char *group = job->config->group;

  /* h answers an unknown or missing token with an anonymous profile rather than 401. */
  if (userid == NULL)
    {
      g_set_error (error, VERA_SHARE_ERROR, VERA_SHARE_ERROR_UNAUTHORIZED,
                   _("The annotation server did not accept the API token: it answered for no "
                     "user"));
      return FALSE;
    }
  job->userid = g_strdup (userid);

  groups = json_object_get_member (json_node_get_object (reply->json), "groups");
  if (groups != NULL && JSON_NODE_HOLDS_ARRAY (groups) && group != NULL &&
      !g_str_equal (group, "__world__"))
    {
      JsonArray *array = json_node_get_array (groups);
      gboolean member = FALSE;

      for (guint i = 0; i < json_array_get_length (array) && !member; i++)
        member = g_strcmp0 (get_string (json_array_get_element (array, i), "id"), group) == 0;
      if (!member)
        {
          g_set_error (error, VERA_SHARE_ERROR, VERA_SHARE_ERROR_NOT_MEMBER,
                       _("%s is not a member of the group “%s” on the annotation server"),
                       userid, group);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
create_done (Job             *job,
             Step            *step,
             VeraShareReply  *reply,
             GError         **error)
{
  const char *id = get_string (reply->json, "id");

  if (job->config->protocol == VERA_SHARE_PROTOCOL_W3C)
    {
      /* The protocol answers 201 with the new annotation's IRI in Location. */
      if (reply->status != SOUP_STATUS_CREATED || (reply->location == NULL && id == NULL))
        {
          g_propagate_error (error, invalid_answer (_("a new annotation")));
          return FALSE;
        }
      if (reply->location != NULL)
        id = reply->location;
    }
  if (id == NULL)
    {
      g_propagate_error (error, invalid_answer (_("a new annotation")));
      return FALSE;
    }
  g_hash_table_insert (job->records, g_strdup (step->claim_id),
                       vera_shared_annotation_new (job->config->record, id, reply->etag));
  job->stats.created++;
  return TRUE;
}

static gboolean
update_done (Job            *job,
             Step           *step,
             VeraShareReply *reply)
{
  if (reply->status == SOUP_STATUS_NOT_FOUND || reply->status == SOUP_STATUS_GONE)
    {
      /* Deleted on the server meanwhile: post it again. */
      Step *create = step_new (STEP_CREATE, "POST",
                               job->config->protocol == VERA_SHARE_PROTOCOL_W3C
                               ? job->config->container : NULL);

      if (create->url == NULL)
        create->url = vera_net_join_url (job->config->server, "/annotations");
      create->claim_id = g_strdup (step->claim_id);
      create->body = json_node_ref (step->body);
      if (job->config->protocol == VERA_SHARE_PROTOCOL_W3C)
        json_object_remove_member (json_node_get_object (create->body), "id");
      else
        json_object_set_string_member (json_node_get_object (create->body), "group",
                                       job->config->group ? job->config->group : "__world__");
      g_queue_push_head (&job->steps, create);
      return TRUE;
    }
  /* A W3C server sends the new ETag; without one the next update sends no If-Match. */
  g_hash_table_insert (job->records, g_strdup (step->claim_id),
                       vera_shared_annotation_new (job->config->record, step->shared_id,
                                                   reply->etag));
  job->stats.updated++;
  return TRUE;
}

static gboolean
delete_done (Job            *job,
             Step           *step,
             VeraShareReply *reply)
{
  g_hash_table_insert (job->records, g_strdup (step->claim_id), NULL);
  if (reply->status != SOUP_STATUS_NOT_FOUND && reply->status != SOUP_STATUS_GONE)
    job->stats.deleted++;
  return TRUE;
}

static void
keep_row (Job      *job,
          guint     document,
          JsonNode *row)
{
  const char *id = get_string (row, "id");

  if (id == NULL || !JSON_NODE_HOLDS_OBJECT (row))
    return;
  if (!g_hash_table_add (job->seen, g_strdup_printf ("%u %s", document, id)))
    return;
  g_ptr_array_add (g_ptr_array_index (job->rows, document), json_node_ref (row));
  job->stats.fetched++;
}

static gboolean
search_done (Job             *job,
             Step            *step,
             VeraShareReply  *reply,
             GError         **error)
{
  JsonNode *rows_node = reply->json != NULL && JSON_NODE_HOLDS_OBJECT (reply->json)
                        ? json_object_get_member (json_node_get_object (reply->json), "rows")
                        : NULL;
  JsonArray *rows;
  JsonNode *total;
  gboolean more;
  guint n;
  const char *last = NULL;

  if (rows_node == NULL || !JSON_NODE_HOLDS_ARRAY (rows_node))
    {
      g_propagate_error (error, invalid_answer (_("a search")));
      return FALSE;
    }
  rows = json_node_get_array (rows_node);
  n = json_array_get_length (rows);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *row = json_array_get_element (rows, i);

      keep_row (job, step->document, row);
      if (get_string (row, "updated") != NULL)
        last = get_string (row, "updated");
    }
  /* While the total says more are left (or, without one, a page came full), ask for what was
   * updated after the last row: search_after. A server may send fewer rows than asked for. */
  total = json_object_get_member (json_node_get_object (reply->json), "total");
  if (total != NULL && JSON_NODE_HOLDS_VALUE (total) &&
      json_node_get_value_type (total) == G_TYPE_INT64)
    more = json_node_get_int (total) >
           (gint64) ((GPtrArray *) g_ptr_array_index (job->rows, step->document))->len;
  else
    more = n >= VERA_SHARE_PAGE_SIZE;
  if (n > 0 && more && last != NULL && step->page + 1 < VERA_SHARE_MAX_PAGES)
    {
      Step *next = step_new (STEP_SEARCH, "GET", NULL);

      next->url = search_url (job, g_ptr_array_index (job->documents, step->document), last);
      next->document = step->document;
      next->page = step->page + 1;
      g_queue_push_head (&job->steps, next);
    }
  return TRUE;
}

static void
keep_w3c_item (Job      *job,
               JsonNode *item)
{
  if (!JSON_NODE_HOLDS_OBJECT (item))
    return;
  for (guint d = 0; d < job->documents->len; d++)
    if (vera_share_targets_document (json_node_get_object (item),
                                     g_ptr_array_index (job->documents, d)))
      keep_row (job, d, item);
}

static void
push_page (Job        *job,
           const char *url,
           guint       page)
{
  Step *next;

  if (page >= VERA_SHARE_MAX_PAGES)
    return;
  next = step_new (STEP_PAGE, "GET", url);
  next->page = page;
  g_queue_push_head (&job->steps, next);
}

/* A container (with "first") or a page (with "items" and maybe "next"); either may embed the
 * other. */
static gboolean
page_done (Job             *job,
           Step            *step,
           JsonNode        *node,
           guint            depth,
           GError         **error)
{
  JsonObject *object;
  JsonNode *first, *items, *next;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) || depth > 2)
    {
      g_propagate_error (error, invalid_answer (_("a page of the container")));
      return FALSE;
    }
  object = json_node_get_object (node);
  items = json_object_get_member (object, "items");
  if (items != NULL && JSON_NODE_HOLDS_ARRAY (items))
    {
      JsonArray *array = json_node_get_array (items);

      for (guint i = 0; i < json_array_get_length (array); i++)
        keep_w3c_item (job, json_array_get_element (array, i));
    }
  next = json_object_get_member (object, "next");
  if (next != NULL && JSON_NODE_HOLDS_VALUE (next) && get_string (node, "next") != NULL)
    push_page (job, get_string (node, "next"), step->page + 1);
  else if (next != NULL && JSON_NODE_HOLDS_OBJECT (next) && get_string (next, "id") != NULL)
    push_page (job, get_string (next, "id"), step->page + 1);

  first = json_object_get_member (object, "first");
  if (first != NULL && JSON_NODE_HOLDS_VALUE (first) && get_string (node, "first") != NULL)
    push_page (job, get_string (node, "first"), step->page + 1);
  else if (first != NULL && JSON_NODE_HOLDS_OBJECT (first))
    return page_done (job, step, first, depth + 1, error);
  return TRUE;
}

static gboolean
step_done (Job             *job,
           Step            *step,
           VeraShareReply  *reply,
           GError         **error)
{
  switch (step->kind)
    {
    case STEP_PROFILE:
      return profile_done (job, reply, error);
    case STEP_CREATE:
      return create_done (job, step, reply, error);
    case STEP_UPDATE:
      return update_done (job, step, reply);
    case STEP_DELETE:
      return delete_done (job, step, reply);
    case STEP_SEARCH:
      return search_done (job, step, reply, error);
    case STEP_PAGE:
      return page_done (job, step, reply->json, 0, error);
    default:
      g_assert_not_reached ();
    }
}

/* --- applying the result to the project ------------------------------------------------- */

static void
apply_records (Job *job)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, job->records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      VeraClaim *claim = vera_project_find_claim (job->project, key);

      if (claim != NULL)
        vera_claim_set_shared (claim, value);
    }
  if (g_hash_table_size (job->records) > 0)
    vera_project_mark_changed (job->project);
}

static VeraClaim *
find_claim (VeraArticle *article,
            guint        start,
            guint        end)
{
  GListModel *claims = vera_article_get_claims (article);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);

      if (vera_claim_get_start (claim) == start && vera_claim_get_end (claim) == end)
        return claim;
    }
  return NULL;
}

static gboolean
is_own (Job        *job,
        JsonObject *annotation,
        GHashTable *own_ids)
{
  const char *id = json_object_get_string_member_with_default (annotation, "id", NULL);
  const char *user = json_object_get_string_member_with_default (annotation, "user", NULL);

  return (id != NULL && g_hash_table_contains (own_ids, id)) ||
         (job->userid != NULL && g_strcmp0 (user, job->userid) == 0);
}

static gboolean
reviews_same (GListModel *claims,
              GPtrArray  *before)
{
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
      GPtrArray *now = vera_claim_get_reviews (claim);
      GPtrArray *was = g_ptr_array_index (before, i);

      if (now->len != was->len)
        return FALSE;
      for (guint r = 0; r < now->len; r++)
        if (!vera_review_equal (g_ptr_array_index (now, r), g_ptr_array_index (was, r)))
          return FALSE;
    }
  return TRUE;
}

static gboolean
annotations_same (GPtrArray *was,
                  GPtrArray *now)
{
  if (was == NULL || was->len != now->len)
    return was == NULL && now->len == 0;
  for (guint i = 0; i < now->len; i++)
    if (!json_node_equal (g_ptr_array_index (was, i), g_ptr_array_index (now, i)))
      return FALSE;
  return TRUE;
}

static void
apply_rows (Job *job)
{
  GListModel *articles = vera_project_get_articles (job->project);
  g_autoptr(GHashTable) own_ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = MIN (g_list_model_get_n_items (articles), job->rows->len);
  gboolean changed = FALSE;

  for (guint a = 0; a < n; a++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, a);
      GListModel *claims = vera_article_get_claims (article);

      for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
          const VeraSharedAnnotation *shared = vera_claim_get_shared (claim);

          if (shared != NULL)
            g_hash_table_add (own_ids, shared->id);
        }
    }

  for (guint a = 0; a < n; a++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, a);
      GListModel *claims = vera_article_get_claims (article);
      GPtrArray *rows = g_ptr_array_index (job->rows, a);
      GPtrArray *unanchored = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

      g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (
                                      (GDestroyNotify) g_ptr_array_unref);

      /* What the server holds now replaces what an earlier pull recorded. */
      for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);

          g_ptr_array_add (before, g_ptr_array_ref (vera_claim_get_reviews (claim)));
          vera_claim_take_reviews (claim, g_ptr_array_new_with_free_func (
                                            (GDestroyNotify) vera_review_free));
        }
      for (guint r = 0; r < rows->len; r++)
        {
          JsonNode *row = g_ptr_array_index (rows, r);
          JsonObject *annotation = json_node_get_object (row);
          g_autoptr(VeraReview) review = NULL;
          VeraClaim *claim = NULL;
          guint start, end;

          if (is_own (job, annotation, own_ids))
            continue;
          review = vera_share_read_review (job->config, annotation);
          if (review != NULL && vera_webannotation_anchor (article, annotation, &start, &end))
            claim = find_claim (article, start, end);
          if (claim != NULL)
            {
              g_ptr_array_add (vera_claim_get_reviews (claim), g_steal_pointer (&review));
              job->stats.reviews++;
            }
          else
            {
              g_ptr_array_add (unanchored, json_node_ref (row));
              job->stats.unanchored++;
            }
        }
      changed |= !reviews_same (claims, before);
      changed |= !annotations_same (vera_article_get_annotations (article), unanchored);
      vera_article_take_annotations (article, unanchored);
    }
  /* A pull that finds what the last one found leaves a saved project saved. */
  if (changed)
    vera_project_mark_changed (job->project);
}

/* --- the queue -------------------------------------------------------------------------- */

static void run_next (GTask *task);

static void
step_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  Step *step = g_queue_pop_head (&job->steps);
  g_autoptr(VeraShareReply) reply = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  reply = vera_share_request_finish (VERA_NET_SERVICE (object), result, &error);
  ok = reply != NULL && step_done (job, step, reply, &error);
  step_free (step);
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  run_next (g_steal_pointer (&task));
}

static void
run_next (GTask *task)
{
  Job *job = g_task_get_task_data (task);
  Step *step = g_queue_peek_head (&job->steps);

  if (step == NULL)
    {
      if (job->pull)
        apply_rows (job);
      else
        apply_records (job);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }
  /* The step stays queued until its answer came; step_cb pops it before step_done may push
   * a follow-up (a next page, a create after a 404) in front. */
  vera_share_request_async (g_task_get_source_object (task), job->config, step->method,
                            step->url, step->body, step->if_match, step->allowed,
                            g_task_get_cancellable (task), step_cb, task);
}

static GTask *
job_start (VeraNetService        *net,
           VeraProject           *project,
           const VeraShareTarget *target,
           gboolean               pull,
           GCancellable          *cancellable,
           GAsyncReadyCallback    callback,
           gpointer               user_data)
{
  GTask *task = g_task_new (net, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->config = vera_share_config_new (target);
  job->project = g_object_ref (project);
  job->pull = pull;
  g_queue_init (&job->steps);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  /* Who the token belongs to, first: a wrong token fails before anything was written, and a
   * pull knows which annotations are this reviewer's own. */
  if (target->protocol == VERA_SHARE_PROTOCOL_HYPOTHESIS &&
      target->token != NULL && target->token[0] != '\0')
    {
      g_autofree char *url = vera_net_join_url (job->config->server, "/profile");

      g_queue_push_tail (&job->steps, step_new (STEP_PROFILE, "GET", url));
    }
  return task;
}

static void
queue_claim (Job         *job,
             VeraArticle *article,
             VeraClaim   *claim,
             const char  *document_uri)
{
  const VeraSharedAnnotation *shared = vera_claim_get_shared (claim);
  gboolean w3c = job->config->protocol == VERA_SHARE_PROTOCOL_W3C;
  gboolean here = shared != NULL && g_strcmp0 (shared->server, job->config->record) == 0;
  Step *step;

  if (vera_share_claim_is_reviewed (claim))
    {
      JsonNode *body = vera_share_build_annotation (job->config, article, claim, document_uri);

      if (here)
        {
          g_autofree char *url = w3c ? g_strdup (shared->id) : annotation_url (job, shared->id);

          step = step_new (STEP_UPDATE, w3c ? "PUT" : "PATCH", url);
          step->if_match = g_strdup (shared->etag);
          step->allowed = SOUP_STATUS_NOT_FOUND;
          step->shared_id = g_strdup (shared->id);
          if (w3c)
            json_object_set_string_member (json_node_get_object (body), "id", shared->id);
          else
            /* An annotation's group is chosen when it is made; h does not move it. */
            json_object_remove_member (json_node_get_object (body), "group");
        }
      else
        {
          step = step_new (STEP_CREATE, "POST", w3c ? job->config->container : NULL);
          if (!w3c)
            step->url = vera_net_join_url (job->config->server, "/annotations");
        }
      step->body = body;
    }
  else if (here)
    {
      g_autofree char *url = w3c ? g_strdup (shared->id) : annotation_url (job, shared->id);

      step = step_new (STEP_DELETE, "DELETE", url);
      step->if_match = g_strdup (shared->etag);
      step->allowed = SOUP_STATUS_NOT_FOUND;
      step->shared_id = g_strdup (shared->id);
    }
  else
    return;
  step->claim_id = g_strdup (vera_claim_get_id (claim));
  g_queue_push_tail (&job->steps, step);
}

void
vera_share_project_async (VeraNetService        *net,
                          VeraProject           *project,
                          const VeraShareTarget *target,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  GTask *task;
  Job *job;
  GListModel *articles;

  g_return_if_fail (VERA_IS_NET_SERVICE (net));
  g_return_if_fail (VERA_IS_PROJECT (project));
  g_return_if_fail (target != NULL && target->server != NULL);

  task = job_start (net, project, target, FALSE, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_share_project_async);
  job = g_task_get_task_data (task);
  job->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) vera_shared_annotation_free);
  articles = vera_project_get_articles (project);
  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, a);
      g_autofree char *uri = vera_article_dup_document_uri (article);
      GListModel *claims = vera_article_get_claims (article);

      for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);

          queue_claim (job, article, claim, uri);
        }
    }
  run_next (task);
}

gboolean
vera_share_project_finish (VeraNetService  *net,
                           GAsyncResult    *result,
                           VeraShareStats  *stats,
                           GError         **error)
{
  Job *job;

  g_return_val_if_fail (g_task_is_valid (result, net), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = job->stats;
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
vera_share_pull_async (VeraNetService        *net,
                       VeraProject           *project,
                       const VeraShareTarget *target,
                       GCancellable          *cancellable,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  GTask *task;
  Job *job;
  GListModel *articles;

  g_return_if_fail (VERA_IS_NET_SERVICE (net));
  g_return_if_fail (VERA_IS_PROJECT (project));
  g_return_if_fail (target != NULL && target->server != NULL);

  task = job_start (net, project, target, TRUE, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_share_pull_async);
  job = g_task_get_task_data (task);
  job->documents = g_ptr_array_new_with_free_func (g_free);
  job->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  job->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  articles = vera_project_get_articles (project);
  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, a);
      char *uri = vera_article_dup_document_uri (article);

      g_ptr_array_add (job->documents, uri);
      g_ptr_array_add (job->rows, g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref));
      if (target->protocol == VERA_SHARE_PROTOCOL_HYPOTHESIS)
        {
          Step *step = step_new (STEP_SEARCH, "GET", NULL);

          step->url = search_url (job, uri, NULL);
          step->document = a;
          g_queue_push_tail (&job->steps, step);
        }
    }
  /* A W3C container holds every document's annotations: one walk through its pages. */
  if (target->protocol == VERA_SHARE_PROTOCOL_W3C)
    g_queue_push_tail (&job->steps, step_new (STEP_PAGE, "GET", job->config->container));
  run_next (task);
}

gboolean
vera_share_pull_finish (VeraNetService  *net,
                        GAsyncResult    *result,
                        VeraShareStats  *stats,
                        GError         **error)
{
  return vera_share_project_finish (net, result, stats, error);
}
