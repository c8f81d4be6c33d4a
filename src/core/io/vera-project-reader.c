/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project-reader"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-file-util.h"
#include "vera-finding.h"
#include "vera-json-util.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-quantity.h"
#include "vera-project-reviews-private.h"
#include "vera-reference.h"
#include "vera-vocabulary.h"

G_DEFINE_QUARK (vera-project-error-quark, vera_project_error)

/* Where in the file a value sits, for error messages: "article 2 (“a2”), claim “a2-c5”". */
typedef struct
{
  const char *where;
} Ctx;

static gboolean
fail_missing (GError     **error,
              const Ctx   *ctx,
              const char  *key)
{
  g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_MISSING_KEY,
               /* Translators: the first %s says where in the project file, such as
                * "article “a1”, claim 3"; the second is a JSON key such as "text" */
               _("%s: the key “%s” is missing"), ctx->where, key);
  return FALSE;
}

static gboolean
fail_type (GError     **error,
           const Ctx   *ctx,
           const char  *key,
           const char  *expected)
{
  g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
               /* Translators: the first %s says where in the project file, such as
                * "article “a1”, claim 3"; the second is a JSON key; the last is a type such
                * as "a string" */
               _("%s: the key “%s” must be %s"), ctx->where, key, expected);
  return FALSE;
}

static gboolean
get_string (JsonObject  *object,
            const char  *key,
            gboolean     required,
            const Ctx   *ctx,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail_missing (error, ctx, key) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail_type (error, ctx, key, _("a string"));
  *out = json_node_get_string (node);
  /* The bytes were checked, but json-glib decodes an octal escape ("\222") to any byte. */
  if (!g_utf8_validate (*out, -1, NULL))
    {
      *out = NULL;
      return fail_type (error, ctx, key, _("valid UTF-8 text"));
    }
  return TRUE;
}

static gboolean
get_number (JsonObject  *object,
            const char  *key,
            gboolean     required,
            const Ctx   *ctx,
            double      *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  GType type;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail_missing (error, ctx, key) : TRUE;
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return fail_type (error, ctx, key, _("a number"));
  *out = json_node_get_double (node);
  return TRUE;
}

/* The project's settings: the typed ones into the project, the others kept as read. The claim
 * threshold is a hint for a new analysis, not the review: one out of range is dropped (the
 * default applies) rather than the whole project refused. Reference figures are data that
 * findings rest on: a broken one is an error that names it. */
static gboolean
read_settings (VeraProject  *project,
               JsonObject   *settings,
               GError      **error)
{
  g_autoptr(JsonObject) others = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (settings);

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *member = l->data;
      JsonNode *node = json_object_get_member (settings, member);

      if (g_str_equal (member, "claim-threshold"))
        {
          GType type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                    : G_TYPE_INVALID;
          double value = (type == G_TYPE_DOUBLE || type == G_TYPE_INT64)
                         ? json_node_get_double (node) : NAN;

          if (value >= 0 && value <= 1)
            vera_project_set_claim_threshold (project, value);
        }
      else if (g_str_equal (member, "reference-figures"))
        {
          g_autoptr(GPtrArray) figures = NULL;

          figures = vera_project_figures_from_json (node, _("settings"), error);
          if (figures == NULL)
            return FALSE;
          for (guint i = 0; i < figures->len; i++)
            vera_project_add_reference_figure (project, figures->pdata[i]);
        }
      else
        json_object_set_member (others, member, json_node_copy (node));
    }
  vera_project_set_other_settings (project, others);
  return TRUE;
}

static gboolean
get_boolean (JsonObject  *object,
             const char  *key,
             const Ctx   *ctx,
             gboolean    *out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail_type (error, ctx, key, _("true or false"));
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_offset (JsonObject  *object,
            const char  *key,
            const Ctx   *ctx,
            guint       *out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fail_missing (error, ctx, key);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > G_MAXUINT)
    return fail_type (error, ctx, key, _("a whole number of characters, zero or more"));
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_array (JsonObject  *object,
           const char  *key,
           gboolean     required,
           const Ctx   *ctx,
           JsonArray  **out,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail_missing (error, ctx, key) : TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail_type (error, ctx, key, _("a list"));
  *out = json_node_get_array (node);
  return TRUE;
}

static JsonObject *
get_element_object (JsonArray   *array,
                    guint        index,
                    const Ctx   *ctx,
                    const char  *key,
                    GError     **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   _("%s: item %u of “%s” must be an object"), ctx->where, index + 1, key);
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
check_span (VeraArticle  *article,
            const Ctx    *ctx,
            guint         start,
            guint         end,
            const char   *text,
            GError      **error)
{
  g_autofree char *slice = NULL;

  if (start > end || end > vera_article_get_n_chars (article))
    {
      guint n_chars = vera_article_get_n_chars (article);

      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_BAD_OFFSETS,
                   /* Translators: the %s says where in the project file, such as
                    * "article “a1”, claim “a1-c3”"; the numbers count characters */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: the offsets %u–%u lie outside the article text (%u character)",
                                "%s: the offsets %u–%u lie outside the article text (%u characters)",
                                n_chars),
                   ctx->where, start, end, n_chars);
      return FALSE;
    }
  if (text == NULL)
    return TRUE;
  slice = vera_article_dup_slice (article, start, end);
  if (!g_str_equal (slice, text))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_BAD_OFFSETS,
                   _("%s: “text” does not match the article text at offsets %u–%u"),
                   ctx->where, start, end);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_quantities (VeraClaim   *claim,
                 JsonObject  *object,
                 const Ctx   *ctx,
                 GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  JsonArray *array;

  if (!get_array (object, "quantities", FALSE, ctx, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_quantity_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *qo = get_element_object (array, i, ctx, "quantities", error);
      g_autoptr(VeraQuantity) q = vera_quantity_new ();
      const char *text, *unit, *noun, *qualifier, *scope;

      if (qo == NULL ||
          !get_string (qo, "text", TRUE, ctx, &text, error) ||
          !get_number (qo, "value", TRUE, ctx, &q->value, error) ||
          !get_number (qo, "value_to", FALSE, ctx, &q->value_to, error) ||
          !get_string (qo, "unit", FALSE, ctx, &unit, error) ||
          !get_string (qo, "noun", FALSE, ctx, &noun, error) ||
          !get_string (qo, "qualifier", FALSE, ctx, &qualifier, error) ||
          !get_string (qo, "scope", FALSE, ctx, &scope, error))
        return FALSE;
      if (json_object_has_member (qo, "start") &&
          (!get_offset (qo, "start", ctx, &q->start, error) ||
           !get_offset (qo, "end", ctx, &q->end, error)))
        return FALSE;
      q->text = g_strdup (text);
      q->unit = g_strdup (unit);
      q->noun = g_strdup (noun);
      q->qualifier = g_strdup (qualifier);
      q->scope = g_strdup (scope);
      g_ptr_array_add (result, g_steal_pointer (&q));
    }
  vera_claim_take_quantities (claim, g_steal_pointer (&result));
  return TRUE;
}

static gboolean
read_people (VeraClaim   *claim,
             JsonObject  *object,
             const Ctx   *ctx,
             GError     **error)
{
  g_autoptr(GPtrArray) result = NULL;
  JsonArray *array;

  if (!get_array (object, "people", FALSE, ctx, &array, error))
    return FALSE;
  if (array == NULL)
    return TRUE;

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *po = get_element_object (array, i, ctx, "people", error);
      const char *name, *role;
      VeraPerson *person;

      if (po == NULL ||
          !get_string (po, "name", TRUE, ctx, &name, error) ||
          !get_string (po, "role", FALSE, ctx, &role, error))
        return FALSE;
      person = vera_person_new (name, role);
      g_ptr_array_add (result, person);
      if (!get_boolean (po, "quoted", ctx, &person->quoted, error))
        return FALSE;
      if (json_object_has_member (po, "start") &&
          (!get_offset (po, "start", ctx, &person->start, error) ||
           !get_offset (po, "end", ctx, &person->end, error)))
        return FALSE;
    }
  vera_claim_take_people (claim, g_steal_pointer (&result));
  return TRUE;
}

static gboolean
read_references (VeraClaim   *claim,
                 JsonObject  *object,
                 const Ctx   *ctx,
                 GError     **error)
{
  JsonArray *array;

  if (!get_array (object, "references", FALSE, ctx, &array, error))
    return FALSE;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *ro = get_element_object (array, i, ctx, "references", error);
      g_autoptr(VeraReference) ref = NULL;
      const char *url, *health, *stance;
      double status = 0;

      if (ro == NULL || !get_string (ro, "url", TRUE, ctx, &url, error))
        return FALSE;
      ref = vera_reference_new (url);
      for (guint f = 0; f < VERA_REFERENCE_N_FIELDS; f++)
        {
          const char *value;

          if (!get_string (ro, vera_reference_field_get_key (f), FALSE, ctx, &value, error))
            return FALSE;
          if (value != NULL)
            vera_reference_set_field (ref, f, value);
        }
      if (!get_number (ro, "status", FALSE, ctx, &status, error) ||
          !get_string (ro, "health", FALSE, ctx, &health, error) ||
          !get_string (ro, "stance", FALSE, ctx, &stance, error))
        return FALSE;
      vera_reference_set_http_status (ref, CLAMP (status, 0, 999));
      if (health != NULL)
        {
          VeraLinkHealth h;
          if (vera_link_health_from_string (health, &h))
            vera_reference_set_health (ref, h);
        }
      if (stance != NULL)
        {
          VeraStance s;
          if (vera_stance_from_string (stance, &s))
            vera_reference_set_stance (ref, s);
        }
      vera_claim_insert_reference (claim, G_MAXUINT, ref);
    }
  return TRUE;
}

static VeraClaim *
read_claim (VeraArticle  *article,
            JsonObject   *object,
            guint         index,
            GHashTable   *claim_ids,
            GError      **error)
{
  g_autofree char *where = NULL;
  g_autoptr(VeraClaim) claim = NULL;
  const char *id, *text, *status_str, *note, *reviewer, *modified, *prefix, *suffix;
  guint start, end;
  double score = 0;
  JsonArray *kinds;
  VeraClaimKind kind_set = 0;
  VeraStatus status = VERA_STATUS_UNREVIEWED;
  Ctx ctx;

  where = g_strdup_printf (_("article “%s”, claim %u"), vera_article_get_id (article), index + 1);
  ctx.where = where;
  if (!get_string (object, "id", TRUE, &ctx, &id, error))
    return NULL;
  g_free (where);
  where = g_strdup_printf (_("article “%s”, claim “%s”"), vera_article_get_id (article), id);
  ctx.where = where;

  if (g_hash_table_contains (claim_ids, id))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_DUPLICATE_ID,
                   _("%s: another claim already has this id; claim ids must be unique"), where);
      return NULL;
    }

  if (!get_offset (object, "start", &ctx, &start, error) ||
      !get_offset (object, "end", &ctx, &end, error) ||
      !get_string (object, "text", TRUE, &ctx, &text, error) ||
      !check_span (article, &ctx, start, end, text, error) ||
      !get_number (object, "score", FALSE, &ctx, &score, error) ||
      !get_array (object, "kinds", FALSE, &ctx, &kinds, error) ||
      !get_string (object, "status", FALSE, &ctx, &status_str, error) ||
      !get_string (object, "note", FALSE, &ctx, &note, error) ||
      !get_string (object, "reviewer", FALSE, &ctx, &reviewer, error) ||
      !get_string (object, "modified", FALSE, &ctx, &modified, error) ||
      !get_string (object, "prefix", FALSE, &ctx, &prefix, error) ||
      !get_string (object, "suffix", FALSE, &ctx, &suffix, error))
    return NULL;

  if (status_str != NULL && !vera_status_from_string (status_str, &status))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   _("%s: “%s” is not a known status"), where, status_str);
      return NULL;
    }
  for (guint i = 0; kinds != NULL && i < json_array_get_length (kinds); i++)
    {
      JsonNode *node = json_array_get_element (kinds, i);
      VeraClaimKind kind;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
          !vera_claim_kind_from_string (json_node_get_string (node), &kind))
        {
          g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                       _("%s: item %u of “kinds” is not a known claim kind"), where, i + 1);
          return NULL;
        }
      kind_set |= kind;
    }

  claim = vera_claim_new (id, start, end, text);
  vera_claim_set_score (claim, isfinite (score) ? score : 0);
  vera_claim_set_kinds (claim, kind_set);
  vera_claim_set_status (claim, status);
  vera_claim_set_note (claim, note);
  vera_claim_set_reviewer (claim, reviewer);
  vera_claim_set_modified (claim, modified);
  vera_claim_set_context (claim, prefix, suffix);

  if (!read_quantities (claim, object, &ctx, error) ||
      !read_people (claim, object, &ctx, error) ||
      !read_references (claim, object, &ctx, error) ||
      !vera_project_read_claim_reviews (claim, object, where, error))
    return NULL;

  g_hash_table_add (claim_ids, g_strdup (id));
  return g_steal_pointer (&claim);
}

static VeraFinding *
read_finding (VeraArticle  *article,
              JsonObject   *object,
              guint         index,
              GError      **error)
{
  g_autofree char *where = NULL;
  const char *kind_str, *text, *message, *detail;
  JsonObject *reference;
  VeraFindingKind kind;
  guint start, end;
  VeraFinding *finding;
  Ctx ctx;

  where = g_strdup_printf (_("article “%s”, finding %u"), vera_article_get_id (article), index + 1);
  ctx.where = where;
  if (!get_string (object, "kind", TRUE, &ctx, &kind_str, error) ||
      !get_offset (object, "start", &ctx, &start, error) ||
      !get_offset (object, "end", &ctx, &end, error) ||
      !get_string (object, "text", FALSE, &ctx, &text, error) ||
      !check_span (article, &ctx, start, end, text, error) ||
      !get_string (object, "message", FALSE, &ctx, &message, error) ||
      !get_string (object, "detail", FALSE, &ctx, &detail, error))
    return NULL;

  if (!vera_finding_kind_from_string (kind_str, &kind))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   _("%s: “%s” is not a known finding kind"), where, kind_str);
      return NULL;
    }

  /* The reference figure of an implausible figure; optional. */
  if (json_object_has_member (object, "reference") &&
      !JSON_NODE_HOLDS_NULL (json_object_get_member (object, "reference")))
    {
      JsonNode *node = json_object_get_member (object, "reference");
      const char *source = NULL, *url = NULL;
      double value = 0, year = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          fail_type (error, &ctx, "reference", _("an object"));
          return NULL;
        }
      reference = json_node_get_object (node);
      if (!get_number (reference, "value", TRUE, &ctx, &value, error) ||
          !get_number (reference, "year", FALSE, &ctx, &year, error) ||
          !get_string (reference, "source", TRUE, &ctx, &source, error) ||
          !get_string (reference, "url", FALSE, &ctx, &url, error))
        return NULL;
      finding = vera_finding_new (kind, start, end, text, message);
      vera_finding_set_reference (finding, value, (int) year, source, url);
    }
  else
    finding = vera_finding_new (kind, start, end, text, message);
  vera_finding_set_detail (finding, detail);
  return finding;
}

static VeraArticle *
read_article (JsonObject  *object,
              guint        index,
              GHashTable  *claim_ids,
              GError     **error)
{
  g_autofree char *where = NULL;
  g_autoptr(VeraArticle) article = NULL;
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  const char *id, *source, *text, *title, *publisher, *author, *published, *language;
  JsonArray *claims_json, *findings_json;
  Ctx ctx;

  where = g_strdup_printf (_("article %u"), index + 1);
  ctx.where = where;
  if (!get_string (object, "id", TRUE, &ctx, &id, error))
    return NULL;
  g_free (where);
  where = g_strdup_printf (_("article %u (“%s”)"), index + 1, id);
  ctx.where = where;

  if (!get_string (object, "source", FALSE, &ctx, &source, error) ||
      !get_string (object, "text", TRUE, &ctx, &text, error) ||
      !get_string (object, "title", FALSE, &ctx, &title, error) ||
      !get_string (object, "publisher", FALSE, &ctx, &publisher, error) ||
      !get_string (object, "author", FALSE, &ctx, &author, error) ||
      !get_string (object, "published", FALSE, &ctx, &published, error) ||
      !get_string (object, "language", FALSE, &ctx, &language, error) ||
      !get_array (object, "claims", FALSE, &ctx, &claims_json, error) ||
      !get_array (object, "findings", FALSE, &ctx, &findings_json, error))
    return NULL;

  article = vera_article_new (id, source, text);
  vera_article_set_title (article, title);
  vera_article_set_publisher (article, publisher);
  vera_article_set_author (article, author);
  vera_article_set_published (article, published);
  vera_article_set_language (article, language);

  claims = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; claims_json != NULL && i < json_array_get_length (claims_json); i++)
    {
      JsonObject *co = get_element_object (claims_json, i, &ctx, "claims", error);
      VeraClaim *claim = co ? read_claim (article, co, i, claim_ids, error) : NULL;

      if (claim == NULL)
        return NULL;
      g_ptr_array_add (claims, claim);
    }

  findings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; findings_json != NULL && i < json_array_get_length (findings_json); i++)
    {
      JsonObject *fo = get_element_object (findings_json, i, &ctx, "findings", error);
      VeraFinding *finding = fo ? read_finding (article, fo, i, error) : NULL;

      if (finding == NULL)
        return NULL;
      g_ptr_array_add (findings, finding);
    }

  if (!vera_project_read_article_annotations (article, object, where, error))
    return NULL;
  vera_article_replace_analysis (article, claims, findings);
  return g_steal_pointer (&article);
}

static VeraConflict *
read_conflict (JsonObject  *object,
               guint        index,
               GHashTable  *claim_ids,
               GError     **error)
{
  g_autofree char *where = g_strdup_printf (_("conflict %u"), index + 1);
  g_autoptr(VeraConflict) conflict = NULL;
  const char *id, *kind_str, *topic;
  VeraConflictKind kind = VERA_CONFLICT_KIND_FIGURE;
  JsonArray *claims, *values;
  Ctx ctx = { where };

  if (!get_string (object, "id", TRUE, &ctx, &id, error) ||
      !get_string (object, "kind", FALSE, &ctx, &kind_str, error) ||
      !get_string (object, "topic", FALSE, &ctx, &topic, error) ||
      !get_array (object, "claims", TRUE, &ctx, &claims, error) ||
      !get_array (object, "values", FALSE, &ctx, &values, error))
    return NULL;

  if (kind_str != NULL && !vera_conflict_kind_from_string (kind_str, &kind))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   _("%s: “%s” is not a known conflict kind"), where, kind_str);
      return NULL;
    }

  conflict = vera_conflict_new (id, kind, topic);
  for (guint i = 0; i < json_array_get_length (claims); i++)
    {
      JsonNode *node = json_array_get_element (claims, i);
      const char *claim_id = JSON_NODE_HOLDS_VALUE (node) &&
                             json_node_get_value_type (node) == G_TYPE_STRING
                             ? json_node_get_string (node) : NULL;
      const char *value = NULL;

      if (claim_id == NULL || !g_hash_table_contains (claim_ids, claim_id))
        {
          g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                       _("%s: item %u of “claims” does not name a claim of the project"),
                       where, i + 1);
          return NULL;
        }
      if (values != NULL && i < json_array_get_length (values))
        {
          JsonNode *vnode = json_array_get_element (values, i);
          if (JSON_NODE_HOLDS_VALUE (vnode) && json_node_get_value_type (vnode) == G_TYPE_STRING &&
              g_utf8_validate (json_node_get_string (vnode), -1, NULL))
            value = json_node_get_string (vnode);
        }
      vera_conflict_add_member (conflict, claim_id, value);
    }
  return g_steal_pointer (&conflict);
}

VeraProject *
vera_project_from_json (JsonNode  *root,
                        GError   **error)
{
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(GHashTable) claim_ids = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  JsonObject *object;
  JsonArray *articles, *conflicts_json;
  const char *format, *reviewer;
  double version = 0;
  JsonNode *settings;
  Ctx ctx = { _("project") };

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_FORMAT,
                   _("This is JSON but not a Vera project: the top level is not an object"));
      return NULL;
    }
  object = json_node_get_object (root);

  /* A "format" that is not a string is as foreign as a missing one. */
  if (!get_string (object, "format", FALSE, &ctx, &format, NULL))
    format = NULL;
  if (g_strcmp0 (format, VERA_PROJECT_FORMAT) != 0)
    {
      if (format != NULL)
        g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_FORMAT,
                     _("This is not a Vera project: its format is “%s”, not “%s”"),
                     format, VERA_PROJECT_FORMAT);
      else
        g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_FORMAT,
                     _("This is JSON but not a Vera project: it has no “format”: “%s” key"),
                     VERA_PROJECT_FORMAT);
      return NULL;
    }

  if (!get_number (object, "version", TRUE, &ctx, &version, error))
    return NULL;
  if (!isfinite (version) || version < 1 || version != floor (version))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   _("This project’s format “version” is %g, but a version is a whole number "
                     "from 1: the file is damaged or was not written by Vera. It was left "
                     "unchanged."), version);
      return NULL;
    }
  if (version > VERA_PROJECT_FORMAT_VERSION)
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NEWER_VERSION,
                   _("This project was saved by a newer version of Vera (format version %g; this "
                     "version reads up to %d). Update Vera to open it; the file was left "
                     "unchanged."), version, VERA_PROJECT_FORMAT_VERSION);
      return NULL;
    }

  if (!get_string (object, "reviewer", FALSE, &ctx, &reviewer, error) ||
      !get_array (object, "articles", TRUE, &ctx, &articles, error) ||
      !get_array (object, "conflicts", FALSE, &ctx, &conflicts_json, error))
    return NULL;

  project = vera_project_new ();
  vera_project_set_reviewer (project, reviewer);
  settings = json_object_get_member (object, "settings");
  if (settings != NULL && JSON_NODE_HOLDS_OBJECT (settings) &&
      !read_settings (project, json_node_get_object (settings), error))
    return NULL;

  claim_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (articles); i++)
    {
      JsonObject *ao = get_element_object (articles, i, &ctx, "articles", error);
      g_autoptr(VeraArticle) article = ao ? read_article (ao, i, claim_ids, error) : NULL;

      if (article == NULL)
        return NULL;
      if (!vera_project_add_article (project, article, NULL))
        {
          g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_DUPLICATE_ID,
                       _("article %u: another article already has the id “%s”"), i + 1,
                       vera_article_get_id (article));
          return NULL;
        }
    }

  conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; conflicts_json != NULL && i < json_array_get_length (conflicts_json); i++)
    {
      JsonObject *ko = get_element_object (conflicts_json, i, &ctx, "conflicts", error);
      VeraConflict *conflict = ko ? read_conflict (ko, i, claim_ids, error) : NULL;

      if (conflict == NULL)
        return NULL;
      g_ptr_array_add (conflicts, conflict);
    }
  vera_project_replace_conflicts (project, conflicts);
  vera_project_mark_saved (project);
  return g_steal_pointer (&project);
}

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

VeraProject *
vera_project_from_data (const char  *data,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  const char *end;

  if (length < 0)
    length = strlen (data);
  if (!g_utf8_validate (data, length, &end))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON,
                   _("This is not a Vera project: invalid UTF-8 at byte %lu"),
                   (unsigned long) (end - data));
      return NULL;
    }
  if (is_blank (data, length))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON,
                   _("This is not a Vera project: the file is empty (it may have been "
                     "truncated; look for a NAME.vera.bak beside it)"));
      return NULL;
    }
  if (!vera_json_depth_ok (data, length, VERA_JSON_MAX_DEPTH))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON,
                   _("This is not a Vera project: its lists and objects nest more than %d "
                     "levels deep"), VERA_JSON_MAX_DEPTH);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      guint line = 0, column = 0;
      /* json-glib quotes the bad token as decoded, which may not be UTF-8 ("\ud800"). */
      g_autofree char *reason = g_utf8_make_valid (local_error->message, -1);

      /* json-glib says "<data>:LINE:COLUMN: Parse error: REASON"; say it in words. */
      if (sscanf (reason, "<data>:%u:%u:", &line, &column) == 2)
        {
          const char *colon = strstr (reason, "error: ");
          g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON,
                       _("This is not a Vera project: it is not valid JSON at line %u, "
                         "column %u (%s)"),
                       line, column, colon ? colon + strlen ("error: ") : reason);
        }
      else
        g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON,
                     _("This is not a Vera project: it is not valid JSON (%s)"), reason);
      return NULL;
    }
  return vera_project_from_json (json_parser_get_root (parser), error);
}

VeraProject *
vera_project_load (GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return vera_project_load_full (file, 0, cancellable, error);
}

VeraProject *
vera_project_load_full (GFile         *file,
                        gsize          max_size,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VeraProject) project = NULL;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  if (max_size == 0)
    max_size = VERA_PROJECT_DEFAULT_MAX_SIZE;
  if (!vera_file_get_contents_bounded (file, max_size, &data, &length, cancellable,
                                       &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
        {
          g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT |
                                                                 G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_TOO_LARGE,
                       _("%s: larger than %s, the most read as a project; check that this is "
                         "the project file you meant"),
                       name, limit);
          return NULL;
        }
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  project = vera_project_from_data (data, length, &local_error);
  if (project == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      return NULL;
    }

  vera_project_set_file (project, file);
  vera_project_mark_saved (project);
  return g_steal_pointer (&project);
}
