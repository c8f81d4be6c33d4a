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
#include "vera-json-writer.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-project-reviews-private.h"
#include "vera-quantity.h"
#include "vera-reference.h"
#include "vera-vocabulary.h"

static void
write_quantity (VeraJsonWriter     *w,
                const VeraQuantity *q)
{
  vera_json_writer_begin_object (w);
  vera_json_writer_member_string (w, "text", q->text);
  vera_json_writer_key (w, "value");
  vera_json_writer_double (w, q->value);
  if (!isnan (q->value_to))
    {
      vera_json_writer_key (w, "value_to");
      vera_json_writer_double (w, q->value_to);
    }
  vera_json_writer_member_string (w, "unit", q->unit);
  vera_json_writer_member_string (w, "noun", q->noun);
  vera_json_writer_member_string (w, "qualifier", q->qualifier);
  vera_json_writer_member_string (w, "scope", q->scope);
  vera_json_writer_member_int (w, "start", q->start);
  vera_json_writer_member_int (w, "end", q->end);
  vera_json_writer_end_object (w);
}

static void
write_person (VeraJsonWriter   *w,
              const VeraPerson *p)
{
  vera_json_writer_begin_object (w);
  vera_json_writer_member_string (w, "name", p->name);
  vera_json_writer_member_string (w, "role", p->role);
  vera_json_writer_key (w, "quoted");
  vera_json_writer_boolean (w, p->quoted);
  vera_json_writer_member_int (w, "start", p->start);
  vera_json_writer_member_int (w, "end", p->end);
  vera_json_writer_end_object (w);
}

static void
write_reference (VeraJsonWriter *w,
                 VeraReference  *ref)
{
  vera_json_writer_begin_object (w);
  for (guint i = 0; i < VERA_REFERENCE_N_FIELDS; i++)
    vera_json_writer_member_string (w, vera_reference_field_get_key (i), vera_reference_get_field (ref, i));
  if (vera_reference_get_http_status (ref) != 0)
    vera_json_writer_member_int (w, "status", vera_reference_get_http_status (ref));
  if (vera_reference_get_health (ref) != VERA_LINK_HEALTH_UNKNOWN)
    vera_json_writer_member_string (w, "health", vera_link_health_to_string (vera_reference_get_health (ref)));
  if (vera_reference_get_stance (ref) != VERA_STANCE_NONE)
    vera_json_writer_member_string (w, "stance", vera_stance_to_string (vera_reference_get_stance (ref)));
  vera_json_writer_end_object (w);
}

static void
write_claim (VeraJsonWriter *w,
             VeraClaim      *claim)
{
  g_auto(GStrv) kinds = vera_claim_kinds_to_strv (vera_claim_get_kinds (claim));
  guint n_refs = vera_claim_get_n_references (claim);
  GPtrArray *quantities = vera_claim_get_quantities (claim);
  GPtrArray *people = vera_claim_get_people (claim);

  vera_json_writer_begin_object (w);
  vera_json_writer_member_string (w, "id", vera_claim_get_id (claim));
  vera_json_writer_member_int (w, "start", vera_claim_get_start (claim));
  vera_json_writer_member_int (w, "end", vera_claim_get_end (claim));
  vera_json_writer_member_string (w, "text", vera_claim_get_text (claim));
  vera_json_writer_member_string (w, "prefix", vera_claim_get_prefix (claim));
  vera_json_writer_member_string (w, "suffix", vera_claim_get_suffix (claim));
  vera_json_writer_key (w, "score");
  /* Three decimals are what a reviewer can use; they also keep files stable across runs. */
  vera_json_writer_double (w, round (vera_claim_get_score (claim) * 1000) / 1000);
  vera_json_writer_key (w, "kinds");
  vera_json_writer_begin_array (w);
  for (guint i = 0; kinds[i] != NULL; i++)
    vera_json_writer_string (w, kinds[i]);
  vera_json_writer_end_array (w);
  vera_json_writer_member_string (w, "status", vera_status_to_string (vera_claim_get_status (claim)));
  vera_json_writer_member_string (w, "note", vera_claim_get_note (claim));
  vera_json_writer_member_string (w, "reviewer", vera_claim_get_reviewer (claim));
  vera_json_writer_member_string (w, "modified", vera_claim_get_modified (claim));

  vera_json_writer_key (w, "quantities");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < quantities->len; i++)
    write_quantity (w, g_ptr_array_index (quantities, i));
  vera_json_writer_end_array (w);

  vera_json_writer_key (w, "people");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < people->len; i++)
    write_person (w, g_ptr_array_index (people, i));
  vera_json_writer_end_array (w);

  vera_json_writer_key (w, "references");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < n_refs; i++)
    {
      g_autoptr(VeraReference) ref = g_list_model_get_item (vera_claim_get_references (claim), i);
      write_reference (w, ref);
    }
  vera_json_writer_end_array (w);
  vera_project_write_claim_reviews (w, claim);
  vera_json_writer_end_object (w);
}

static void
write_finding (VeraJsonWriter *w,
               VeraFinding    *finding)
{
  vera_json_writer_begin_object (w);
  vera_json_writer_member_string (w, "kind", vera_finding_kind_to_string (vera_finding_get_kind (finding)));
  vera_json_writer_member_int (w, "start", vera_finding_get_start (finding));
  vera_json_writer_member_int (w, "end", vera_finding_get_end (finding));
  vera_json_writer_member_string (w, "text", vera_finding_get_text (finding));
  vera_json_writer_member_string (w, "message", vera_finding_get_message (finding));
  vera_json_writer_member_string (w, "detail", vera_finding_get_detail (finding));
  if (vera_finding_get_reference_source (finding) != NULL)
    {
      vera_json_writer_key (w, "reference");
      vera_json_writer_begin_object (w);
      vera_json_writer_key (w, "value");
      vera_json_writer_double (w, vera_finding_get_reference_value (finding));
      if (vera_finding_get_reference_year (finding) != 0)
        vera_json_writer_member_int (w, "year", vera_finding_get_reference_year (finding));
      vera_json_writer_member_string (w, "source", vera_finding_get_reference_source (finding));
      vera_json_writer_member_string (w, "url", vera_finding_get_reference_url (finding));
      vera_json_writer_end_object (w);
    }
  vera_json_writer_end_object (w);
}

static void
write_article (VeraJsonWriter *w,
               VeraArticle    *article)
{
  GListModel *claims = vera_article_get_claims (article);
  GListModel *findings = vera_article_get_findings (article);

  vera_json_writer_begin_object (w);
  vera_json_writer_member_string (w, "id", vera_article_get_id (article));
  vera_json_writer_member_string (w, "source", vera_article_get_source (article));
  vera_json_writer_member_string (w, "title", vera_article_get_title (article));
  vera_json_writer_member_string (w, "publisher", vera_article_get_publisher (article));
  vera_json_writer_member_string (w, "author", vera_article_get_author (article));
  vera_json_writer_member_string (w, "published", vera_article_get_published (article));
  vera_json_writer_member_string (w, "language", vera_article_get_language (article));
  vera_json_writer_member_string (w, "text", vera_article_get_text (article));

  vera_json_writer_key (w, "claims");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
      write_claim (w, claim);
    }
  vera_json_writer_end_array (w);

  vera_json_writer_key (w, "findings");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);
      write_finding (w, finding);
    }
  vera_json_writer_end_array (w);
  vera_project_write_article_annotations (w, article);
  vera_json_writer_end_object (w);
}

static void
write_conflict (VeraJsonWriter *w,
                VeraConflict   *conflict)
{
  guint n = vera_conflict_get_n_members (conflict);

  vera_json_writer_begin_object (w);
  vera_json_writer_member_string (w, "id", vera_conflict_get_id (conflict));
  vera_json_writer_member_string (w, "kind", vera_conflict_kind_to_string (vera_conflict_get_kind (conflict)));
  vera_json_writer_member_string (w, "topic", vera_conflict_get_topic (conflict));
  vera_json_writer_key (w, "claims");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    vera_json_writer_string (w, vera_conflict_get_claim_id (conflict, i));
  vera_json_writer_end_array (w);
  vera_json_writer_key (w, "values");
  vera_json_writer_begin_array (w);
  for (guint i = 0; i < n; i++)
    vera_json_writer_string (w, vera_conflict_get_value (conflict, i));
  vera_json_writer_end_array (w);
  vera_json_writer_end_object (w);
}

struct _VeraProjectStream
{
  VeraJsonWriter *writer;
  VeraAtomicFile *atomic;   /* when writing to a file */
  GOutputStream  *output;   /* when writing to a stream */
};

static void
write_header (VeraJsonWriter *w,
              VeraProject    *project)
{
  g_autoptr(JsonNode) all = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) settings = NULL;
  g_autofree char *settings_json = NULL;
  g_autoptr(JsonObject) object = json_object_new ();
  GListModel *figures = vera_project_get_reference_figures (project);
  JsonObject *others = vera_project_get_other_settings (project);
  g_autoptr(GList) members = json_object_get_members (others);

  /* The typed settings first, then the ones of other versions, as they were read. */
  json_object_set_double_member (object, "claim-threshold",
                                 vera_project_get_claim_threshold (project));
  if (g_list_model_get_n_items (figures) > 0)
    json_object_set_member (object, "reference-figures", vera_project_figures_to_json (figures));
  for (GList *l = members; l != NULL; l = l->next)
    if (!json_object_has_member (object, l->data))
      json_object_set_member (object, l->data,
                              json_node_copy (json_object_get_member (others, l->data)));
  json_node_set_object (all, object);
  settings = vera_json_node_dup_finite (all);
  settings_json = json_to_string (settings, FALSE);

  vera_json_writer_begin_object (w);
  vera_json_writer_member_string (w, "format", VERA_PROJECT_FORMAT);
  vera_json_writer_member_int (w, "version", VERA_PROJECT_FORMAT_VERSION);
  vera_json_writer_member_string (w, "generator", "Vera " PACKAGE_VERSION);
  vera_json_writer_member_string (w, "reviewer", vera_project_get_reviewer (project));
  vera_json_writer_key (w, "settings");
  vera_json_writer_raw (w, settings_json);
  vera_json_writer_key (w, "articles");
  vera_json_writer_begin_array (w);
}

static VeraProjectStream *
stream_new (VeraJsonSink  sink,
            gpointer      sink_data,
            VeraProject  *header)
{
  VeraProjectStream *self = g_new0 (VeraProjectStream, 1);

  self->writer = vera_json_writer_new (sink, sink_data);
  write_header (self->writer, header);
  return self;
}

static gboolean
append_to_string (const char  *data,
                  gsize        length,
                  gpointer     user_data,
                  GError     **error)
{
  g_string_append_len (user_data, data, length);
  return TRUE;
}

static gboolean
write_to_stream (const char  *data,
                 gsize        length,
                 gpointer     user_data,
                 GError     **error)
{
  return g_output_stream_write_all (user_data, data, length, NULL, NULL, error);
}

static gboolean
write_to_atomic_file (const char  *data,
                      gsize        length,
                      gpointer     user_data,
                      GError     **error)
{
  return vera_atomic_file_write (user_data, data, length, error);
}

VeraProjectStream *
vera_project_stream_new_for_path (const char   *path,
                                  VeraProject  *header,
                                  GError      **error)
{
  VeraAtomicFile *atomic;
  VeraProjectStream *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (VERA_IS_PROJECT (header), NULL);

  atomic = vera_atomic_file_open (path, error);
  if (atomic == NULL)
    return NULL;
  self = stream_new (write_to_atomic_file, atomic, header);
  self->atomic = atomic;
  return self;
}

VeraProjectStream *
vera_project_stream_new_for_output (GOutputStream *output,
                                    VeraProject   *header)
{
  VeraProjectStream *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), NULL);
  g_return_val_if_fail (VERA_IS_PROJECT (header), NULL);

  self = stream_new (write_to_stream, output, header);
  self->output = g_object_ref (output);
  return self;
}

void
vera_project_stream_add_article (VeraProjectStream *self,
                                 VeraArticle       *article)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (VERA_IS_ARTICLE (article));

  write_article (self->writer, article);
}

char *
vera_project_serialize_article (VeraArticle *article)
{
  g_autoptr(GString) out = g_string_new (NULL);
  VeraJsonWriter *w;

  g_return_val_if_fail (VERA_IS_ARTICLE (article), NULL);

  /* Articles sit two levels deep: the project object, its "articles" array. */
  w = vera_json_writer_new_nested (append_to_string, out, 2);
  write_article (w, article);
  vera_json_writer_finish (w, NULL);
  /* The writer ends with a new line; the fragment is the JSON value alone. */
  if (out->len > 0 && out->str[out->len - 1] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
vera_project_stream_add_serialized (VeraProjectStream *self,
                                    const char        *json)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (json != NULL);

  vera_json_writer_raw (self->writer, json);
}

gboolean
vera_project_stream_finish (VeraProjectStream  *self,
                            GListModel         *conflicts,
                            GError            **error)
{
  g_autoptr(VeraAtomicFile) atomic = NULL;
  g_autoptr(GOutputStream) output = NULL;
  VeraJsonWriter *w;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  w = g_steal_pointer (&self->writer);
  atomic = g_steal_pointer (&self->atomic);
  output = g_steal_pointer (&self->output);
  g_free (self);

  vera_json_writer_end_array (w);
  vera_json_writer_key (w, "conflicts");
  vera_json_writer_begin_array (w);
  for (guint i = 0; conflicts != NULL && i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(VeraConflict) conflict = g_list_model_get_item (conflicts, i);
      write_conflict (w, conflict);
    }
  vera_json_writer_end_array (w);
  vera_json_writer_end_object (w);

  ok = vera_json_writer_finish (w, error);
  if (ok && atomic != NULL)
    ok = vera_atomic_file_commit (g_steal_pointer (&atomic), TRUE, error);
  if (ok && output != NULL)
    ok = g_output_stream_flush (output, NULL, error);
  return ok;
}

void
vera_project_stream_abandon (VeraProjectStream *self)
{
  if (self == NULL)
    return;
  vera_json_writer_free (self->writer);
  vera_atomic_file_abandon (self->atomic);
  g_clear_object (&self->output);
  g_free (self);
}

static void
add_articles (VeraProjectStream *stream,
              VeraProject       *project)
{
  GListModel *articles = vera_project_get_articles (project);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      vera_project_stream_add_article (stream, article);
    }
}

char *
vera_project_to_data (VeraProject *project,
                      gsize       *length)
{
  GString *out;
  VeraProjectStream *stream;

  g_return_val_if_fail (VERA_IS_PROJECT (project), NULL);

  out = g_string_new (NULL);
  stream = stream_new (append_to_string, out, project);
  add_articles (stream, project);
  vera_project_stream_finish (stream, vera_project_get_conflicts (project), NULL);
  /* The writer ends with a new line; the data is the JSON text alone. */
  g_string_truncate (out, out->len - 1);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

JsonNode *
vera_project_to_json (VeraProject *project)
{
  g_autofree char *data = vera_project_to_data (project, NULL);

  return json_from_string (data, NULL);
}

gboolean
vera_project_write_to_stream (VeraProject    *project,
                              GOutputStream  *output,
                              GError        **error)
{
  VeraProjectStream *stream;

  g_return_val_if_fail (VERA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  stream = vera_project_stream_new_for_output (output, project);
  add_articles (stream, project);
  return vera_project_stream_finish (stream, vera_project_get_conflicts (project), error);
}

gboolean
vera_project_save (VeraProject   *project,
                   GFile         *file,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autofree char *path = NULL;
  VeraProjectStream *stream;

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

  stream = vera_project_stream_new_for_path (path, project, error);
  if (stream == NULL)
    return FALSE;
  add_articles (stream, project);
  if (!vera_project_stream_finish (stream, vera_project_get_conflicts (project), error))
    return FALSE;

  vera_project_set_file (project, file);
  vera_project_mark_saved (project);
  return TRUE;
}
