/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-share"

#include "config.h"

#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-reference.h"
#include "vera-review.h"
#include "vera-share-private.h"
#include "vera-vocabulary.h"

/* What Vera posts for a claim, and what it reads back from others' annotations. Both protocols
 * carry the same content: tags "vera", "vera:status:<status>" and "vera:kind:<kind>" for each
 * kind; the text is the note, then the references as markdown links. */

#define STATUS_TAG "vera:status:"

gboolean
vera_share_claim_is_reviewed (VeraClaim *claim)
{
  const char *note = vera_claim_get_note (claim);

  return vera_claim_get_status (claim) != VERA_STATUS_UNREVIEWED ||
         (note != NULL && note[0] != '\0') ||
         vera_claim_get_n_references (claim) > 0;
}

/* Brackets and backslashes would end the link text early. */
static void
append_link_text (GString    *out,
                  const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '[' || *p == ']' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
}

static char *
build_text (VeraClaim *claim)
{
  GString *text = g_string_new (vera_claim_get_note (claim));
  GListModel *references = vera_claim_get_references (claim);

  for (guint i = 0; i < g_list_model_get_n_items (references); i++)
    {
      g_autoptr(VeraReference) reference = g_list_model_get_item (references, i);
      const char *url = vera_reference_get_url (reference);
      const char *title = vera_reference_get_title (reference);
      g_autofree char *escaped = NULL;

      if (url == NULL || url[0] == '\0')
        continue;
      g_string_append (text, text->len > 0 ? (i == 0 ? "\n\n- " : "\n- ") : "- ");
      g_string_append_c (text, '[');
      append_link_text (text, title != NULL && title[0] != '\0' ? title : url);
      /* A parenthesis or a space in the address would end the link: percent-encode them. */
      escaped = g_uri_escape_string (url, ":/?#[]@!$&'*+,;=%~", FALSE);
      g_string_append_printf (text, "](%s)", escaped);
    }
  return g_string_free (text, FALSE);
}

static JsonArray *
build_tags (VeraClaim *claim)
{
  JsonArray *tags = json_array_new ();
  g_auto(GStrv) kinds = vera_claim_kinds_to_strv (vera_claim_get_kinds (claim));
  g_autofree char *status = g_strconcat (STATUS_TAG,
                                         vera_status_to_string (vera_claim_get_status (claim)),
                                         NULL);

  json_array_add_string_element (tags, "vera");
  json_array_add_string_element (tags, status);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autofree char *kind = g_strconcat ("vera:kind:", kinds[i], NULL);

      json_array_add_string_element (tags, kind);
    }
  return tags;
}

static JsonNode *
build_target (VeraClaim  *claim,
              const char *document_uri)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, document_uri);
  json_builder_set_member_name (b, "selector");
  json_builder_begin_array (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "TextQuoteSelector");
  json_builder_set_member_name (b, "exact");
  json_builder_add_string_value (b, vera_claim_get_text (claim));
  json_builder_set_member_name (b, "prefix");
  json_builder_add_string_value (b, vera_claim_get_prefix (claim) ? vera_claim_get_prefix (claim)
                                                                  : "");
  json_builder_set_member_name (b, "suffix");
  json_builder_add_string_value (b, vera_claim_get_suffix (claim) ? vera_claim_get_suffix (claim)
                                                                  : "");
  json_builder_end_object (b);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, "TextPositionSelector");
  json_builder_set_member_name (b, "start");
  json_builder_add_int_value (b, vera_claim_get_start (claim));
  json_builder_set_member_name (b, "end");
  json_builder_add_int_value (b, vera_claim_get_end (claim));
  json_builder_end_object (b);
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static JsonNode *
build_hypothesis (const VeraShareConfig *config,
                  VeraArticle           *article,
                  VeraClaim             *claim,
                  const char            *document_uri)
{
  JsonObject *object = json_object_new ();
  JsonArray *target = json_array_new ();
  g_autofree char *text = build_text (claim);
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);
  const char *title = vera_article_get_title (article);

  json_object_set_string_member (object, "uri", document_uri);
  json_object_set_string_member (object, "group", config->group ? config->group : "__world__");
  json_object_set_string_member (object, "text", text);
  json_object_set_array_member (object, "tags", build_tags (claim));
  if (title != NULL && title[0] != '\0')
    {
      JsonObject *document = json_object_new ();
      JsonArray *titles = json_array_new ();

      json_array_add_string_element (titles, title);
      json_object_set_array_member (document, "title", titles);
      json_object_set_object_member (object, "document", document);
    }
  json_array_add_element (target, build_target (claim, document_uri));
  json_object_set_array_member (object, "target", target);
  json_node_take_object (root, object);
  return root;
}

static JsonObject *
textual_body (const char *value,
              const char *purpose)
{
  JsonObject *body = json_object_new ();

  json_object_set_string_member (body, "type", "TextualBody");
  json_object_set_string_member (body, "purpose", purpose);
  json_object_set_string_member (body, "value", value);
  return body;
}

static JsonNode *
build_w3c (VeraArticle *article,
           VeraClaim   *claim,
           const char  *document_uri)
{
  JsonObject *object = json_object_new ();
  JsonArray *bodies = json_array_new ();
  g_autoptr(JsonArray) tags = build_tags (claim);
  g_autofree char *text = build_text (claim);
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);

  json_object_set_string_member (object, "@context", "http://www.w3.org/ns/anno.jsonld");
  json_object_set_string_member (object, "type", "Annotation");
  json_object_set_string_member (object, "motivation", "assessing");
  if (text[0] != '\0')
    {
      JsonObject *body = textual_body (text, "assessing");

      json_object_set_string_member (body, "format", "text/markdown");
      json_array_add_object_element (bodies, body);
    }
  for (guint i = 0; i < json_array_get_length (tags); i++)
    json_array_add_object_element (bodies,
                                   textual_body (json_array_get_string_element (tags, i),
                                                 "tagging"));
  json_object_set_array_member (object, "body", bodies);
  json_object_set_member (object, "target", build_target (claim, document_uri));
  json_node_take_object (root, object);
  return root;
}

JsonNode *
vera_share_build_annotation (const VeraShareConfig *config,
                             VeraArticle           *article,
                             VeraClaim             *claim,
                             const char            *document_uri)
{
  g_return_val_if_fail (VERA_IS_CLAIM (claim), NULL);

  if (config->protocol == VERA_SHARE_PROTOCOL_W3C)
    return build_w3c (article, claim, document_uri);
  return build_hypothesis (config, article, claim, document_uri);
}

static const char *
member_string (JsonObject *object,
               const char *key)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, key) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* A tag that says a status: "vera:status:<nick>", or a bare nick (Vera's file export). */
static gboolean
status_from_tag (const char *tag,
                 VeraStatus *status)
{
  if (tag == NULL)
    return FALSE;
  if (g_str_has_prefix (tag, STATUS_TAG))
    tag += strlen (STATUS_TAG);
  return vera_status_from_string (tag, status);
}

static void
read_w3c_bodies (JsonNode   *node,
                 VeraStatus *status,
                 GString    *note,
                 guint       depth)
{
  JsonObject *body;
  const char *value;

  if (node == NULL || depth > 4)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        read_w3c_bodies (json_array_get_element (array, i), status, note, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  body = json_node_get_object (node);
  value = member_string (body, "value");
  if (value == NULL)
    return;
  if (g_strcmp0 (member_string (body, "purpose"), "tagging") == 0)
    status_from_tag (value, status);
  else
    {
      if (note->len > 0)
        g_string_append (note, "\n\n");
      g_string_append (note, value);
    }
}

static const char *
w3c_creator (JsonObject *annotation)
{
  JsonNode *node = json_object_get_member (annotation, "creator");
  JsonObject *creator;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node))
    return member_string (annotation, "creator");
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  creator = json_node_get_object (node);
  if (member_string (creator, "name") != NULL)
    return member_string (creator, "name");
  if (member_string (creator, "nickname") != NULL)
    return member_string (creator, "nickname");
  return member_string (creator, "id");
}

VeraReview *
vera_share_read_review (const VeraShareConfig *config,
                        JsonObject            *annotation)
{
  VeraStatus status = VERA_STATUS_UNREVIEWED;
  const char *id = member_string (annotation, "id");
  g_autofree char *note = NULL;
  const char *updated;
  const char *reviewer;

  if (id == NULL)
    return NULL;
  if (config->protocol == VERA_SHARE_PROTOCOL_W3C)
    {
      GString *text = g_string_new (member_string (annotation, "bodyValue"));

      read_w3c_bodies (json_object_get_member (annotation, "body"), &status, text, 0);
      note = g_string_free (text, FALSE);
      reviewer = w3c_creator (annotation);
      updated = member_string (annotation, "modified");
      if (updated == NULL)
        updated = member_string (annotation, "created");
    }
  else
    {
      JsonNode *tags = json_object_get_member (annotation, "tags");

      if (tags != NULL && JSON_NODE_HOLDS_ARRAY (tags))
        {
          JsonArray *array = json_node_get_array (tags);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *tag = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (tag) && json_node_get_value_type (tag) == G_TYPE_STRING &&
                  g_str_has_prefix (json_node_get_string (tag), STATUS_TAG))
                status_from_tag (json_node_get_string (tag), &status);
            }
        }
      note = g_strdup (member_string (annotation, "text"));
      reviewer = member_string (annotation, "user");
      updated = member_string (annotation, "updated");
    }
  if (note != NULL && (note[0] == '\0' || !g_utf8_validate (note, -1, NULL)))
    g_clear_pointer (&note, g_free);
  return vera_review_new (reviewer, status, note, updated, id);
}

gboolean
vera_share_targets_document (JsonObject *annotation,
                             const char *document_uri)
{
  JsonNode *target = json_object_get_member (annotation, "target");
  JsonArray *array = NULL;
  guint n = 1;

  if (target == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (target))
    {
      array = json_node_get_array (target);
      n = json_array_get_length (array);
    }
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = array != NULL ? json_array_get_element (array, i) : target;
      JsonObject *object;
      JsonNode *source;

      if (JSON_NODE_HOLDS_VALUE (node))
        {
          if (g_strcmp0 (json_node_get_string (node), document_uri) == 0)
            return TRUE;
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      source = json_object_get_member (object, "source");
      if (source != NULL && JSON_NODE_HOLDS_VALUE (source) &&
          g_strcmp0 (json_node_get_string (source), document_uri) == 0)
        return TRUE;
      if (source != NULL && JSON_NODE_HOLDS_OBJECT (source) &&
          g_strcmp0 (member_string (json_node_get_object (source), "id"), document_uri) == 0)
        return TRUE;
    }
  return FALSE;
}
