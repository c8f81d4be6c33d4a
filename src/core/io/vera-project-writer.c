/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project-writer"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-file-util.h"
#include "vera-finding.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-quantity.h"
#include "vera-reference.h"
#include "vera-vocabulary.h"

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  if (value == NULL)
    return;
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *key,
         gint64       value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_int_value (builder, value);
}

static void
write_quantity (JsonBuilder        *builder,
                const VeraQuantity *q)
{
  json_builder_begin_object (builder);
  add_string (builder, "text", q->text);
  json_builder_set_member_name (builder, "value");
  json_builder_add_double_value (builder, q->value);
  if (!isnan (q->value_to))
    {
      json_builder_set_member_name (builder, "value_to");
      json_builder_add_double_value (builder, q->value_to);
    }
  add_string (builder, "unit", q->unit);
  add_string (builder, "noun", q->noun);
  add_string (builder, "qualifier", q->qualifier);
  add_string (builder, "scope", q->scope);
  add_int (builder, "start", q->start);
  add_int (builder, "end", q->end);
  json_builder_end_object (builder);
}

static void
write_person (JsonBuilder      *builder,
              const VeraPerson *p)
{
  json_builder_begin_object (builder);
  add_string (builder, "name", p->name);
  add_string (builder, "role", p->role);
  json_builder_set_member_name (builder, "quoted");
  json_builder_add_boolean_value (builder, p->quoted);
  add_int (builder, "start", p->start);
  add_int (builder, "end", p->end);
  json_builder_end_object (builder);
}

static void
write_reference (JsonBuilder   *builder,
                 VeraReference *ref)
{
  json_builder_begin_object (builder);
  for (guint i = 0; i < VERA_REFERENCE_N_FIELDS; i++)
    add_string (builder, vera_reference_field_get_key (i), vera_reference_get_field (ref, i));
  if (vera_reference_get_http_status (ref) != 0)
    add_int (builder, "status", vera_reference_get_http_status (ref));
  if (vera_reference_get_health (ref) != VERA_LINK_HEALTH_UNKNOWN)
    add_string (builder, "health", vera_link_health_to_string (vera_reference_get_health (ref)));
  if (vera_reference_get_stance (ref) != VERA_STANCE_NONE)
    add_string (builder, "stance", vera_stance_to_string (vera_reference_get_stance (ref)));
  json_builder_end_object (builder);
}

static void
write_claim (JsonBuilder *builder,
             VeraClaim   *claim)
{
  g_auto(GStrv) kinds = vera_claim_kinds_to_strv (vera_claim_get_kinds (claim));
  GListModel *refs = vera_claim_get_references (claim);
  GPtrArray *quantities = vera_claim_get_quantities (claim);
  GPtrArray *people = vera_claim_get_people (claim);

  json_builder_begin_object (builder);
  add_string (builder, "id", vera_claim_get_id (claim));
  add_int (builder, "start", vera_claim_get_start (claim));
  add_int (builder, "end", vera_claim_get_end (claim));
  add_string (builder, "text", vera_claim_get_text (claim));
  add_string (builder, "prefix", vera_claim_get_prefix (claim));
  add_string (builder, "suffix", vera_claim_get_suffix (claim));
  json_builder_set_member_name (builder, "score");
  /* Three decimals are what a reviewer can use; they also keep files stable across runs. */
  json_builder_add_double_value (builder, round (vera_claim_get_score (claim) * 1000) / 1000);
  json_builder_set_member_name (builder, "kinds");
  json_builder_begin_array (builder);
  for (guint i = 0; kinds[i] != NULL; i++)
    json_builder_add_string_value (builder, kinds[i]);
  json_builder_end_array (builder);
  add_string (builder, "status", vera_status_to_string (vera_claim_get_status (claim)));
  add_string (builder, "note", vera_claim_get_note (claim));
  add_string (builder, "reviewer", vera_claim_get_reviewer (claim));
  add_string (builder, "modified", vera_claim_get_modified (claim));

  json_builder_set_member_name (builder, "quantities");
  json_builder_begin_array (builder);
  for (guint i = 0; i < quantities->len; i++)
    write_quantity (builder, g_ptr_array_index (quantities, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < people->len; i++)
    write_person (builder, g_ptr_array_index (people, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "references");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (refs); i++)
    {
      g_autoptr(VeraReference) ref = g_list_model_get_item (refs, i);
      write_reference (builder, ref);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
write_finding (JsonBuilder *builder,
               VeraFinding *finding)
{
  json_builder_begin_object (builder);
  add_string (builder, "kind", vera_finding_kind_to_string (vera_finding_get_kind (finding)));
  add_int (builder, "start", vera_finding_get_start (finding));
  add_int (builder, "end", vera_finding_get_end (finding));
  add_string (builder, "text", vera_finding_get_text (finding));
  add_string (builder, "message", vera_finding_get_message (finding));
  add_string (builder, "detail", vera_finding_get_detail (finding));
  json_builder_end_object (builder);
}

static void
write_article (JsonBuilder *builder,
               VeraArticle *article)
{
  GListModel *claims = vera_article_get_claims (article);
  GListModel *findings = vera_article_get_findings (article);

  json_builder_begin_object (builder);
  add_string (builder, "id", vera_article_get_id (article));
  add_string (builder, "source", vera_article_get_source (article));
  add_string (builder, "title", vera_article_get_title (article));
  add_string (builder, "publisher", vera_article_get_publisher (article));
  add_string (builder, "author", vera_article_get_author (article));
  add_string (builder, "published", vera_article_get_published (article));
  add_string (builder, "language", vera_article_get_language (article));
  add_string (builder, "text", vera_article_get_text (article));

  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
      write_claim (builder, claim);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "findings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);
      write_finding (builder, finding);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
write_conflict (JsonBuilder  *builder,
                VeraConflict *conflict)
{
  guint n = vera_conflict_get_n_members (conflict);

  json_builder_begin_object (builder);
  add_string (builder, "id", vera_conflict_get_id (conflict));
  add_string (builder, "kind", vera_conflict_kind_to_string (vera_conflict_get_kind (conflict)));
  add_string (builder, "topic", vera_conflict_get_topic (conflict));
  json_builder_set_member_name (builder, "claims");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (builder, vera_conflict_get_claim_id (conflict, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    json_builder_add_string_value (builder, vera_conflict_get_value (conflict, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

JsonNode *
vera_project_to_json (VeraProject *project)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *articles = vera_project_get_articles (project);
  GListModel *conflicts = vera_project_get_conflicts (project);

  json_builder_begin_object (builder);
  add_string (builder, "format", VERA_PROJECT_FORMAT);
  add_int (builder, "version", VERA_PROJECT_FORMAT_VERSION);
  add_string (builder, "generator", "Vera " PACKAGE_VERSION);
  add_string (builder, "reviewer", vera_project_get_reviewer (project));
  json_builder_set_member_name (builder, "settings");
  json_builder_add_value (builder,
                          json_node_init_object (json_node_alloc (),
                                                 vera_project_get_settings (project)));

  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      write_article (builder, article);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "conflicts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(VeraConflict) conflict = g_list_model_get_item (conflicts, i);
      write_conflict (builder, conflict);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

char *
vera_project_to_data (VeraProject *project,
                      gsize       *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (VERA_IS_PROJECT (project), NULL);

  root = vera_project_to_json (project);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 1);
  return json_generator_to_data (generator, length);
}

gboolean
vera_project_save (VeraProject   *project,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize length;

  g_return_val_if_fail (VERA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Projects can only be saved to local files"));
      return FALSE;
    }

  data = vera_project_to_data (project, &length);
  if (!vera_file_write_atomically (path, data, length, TRUE, error))
    return FALSE;

  vera_project_set_file (project, file);
  vera_project_mark_saved (project);
  return TRUE;
}
