/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <string.h>

#include "vera-net-private.h"
#include "vera-page-meta.h"
#include "vera-reference.h"
#include "vera-vocabulary.h"

G_DEFINE_BOXED_TYPE (VeraPageMeta, vera_page_meta, vera_page_meta_copy, vera_page_meta_free)

/* The string fields, for copying, freeing and JSON, with their JSON keys. */
static const struct {
  const char *key;
  gsize offset;
} string_fields[] = {
  { "url",           G_STRUCT_OFFSET (VeraPageMeta, url) },
  { "final_url",     G_STRUCT_OFFSET (VeraPageMeta, final_url) },
  { "reason",        G_STRUCT_OFFSET (VeraPageMeta, reason) },
  { "content_type",  G_STRUCT_OFFSET (VeraPageMeta, content_type) },
  { "charset",       G_STRUCT_OFFSET (VeraPageMeta, charset) },
  { "title",         G_STRUCT_OFFSET (VeraPageMeta, title) },
  { "site_name",     G_STRUCT_OFFSET (VeraPageMeta, site_name) },
  { "author",        G_STRUCT_OFFSET (VeraPageMeta, author) },
  { "published",     G_STRUCT_OFFSET (VeraPageMeta, published) },
  { "description",   G_STRUCT_OFFSET (VeraPageMeta, description) },
  { "canonical_url", G_STRUCT_OFFSET (VeraPageMeta, canonical_url) },
  { "language",      G_STRUCT_OFFSET (VeraPageMeta, language) },
  { "body",          G_STRUCT_OFFSET (VeraPageMeta, body) },
  { "archive_url",   G_STRUCT_OFFSET (VeraPageMeta, archive_url) },
  { "archive_time",  G_STRUCT_OFFSET (VeraPageMeta, archive_time) },
  { "fetched",       G_STRUCT_OFFSET (VeraPageMeta, fetched) },
};

#define FIELD(self, i) (G_STRUCT_MEMBER_P ((self), string_fields[i].offset))

VeraPageMeta *
vera_page_meta_new (const char *url)
{
  VeraPageMeta *self = g_new0 (VeraPageMeta, 1);

  self->url = g_strdup (url);
  self->size = -1;
  self->health = VERA_LINK_HEALTH_UNKNOWN;
  return self;
}

VeraPageMeta *
vera_page_meta_copy (const VeraPageMeta *self)
{
  VeraPageMeta *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    *(char **) FIELD (copy, i) = g_strdup (*(char **) FIELD (self, i));
  return copy;
}

void
vera_page_meta_free (VeraPageMeta *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    g_free (*(char **) FIELD (self, i));
  g_free (self);
}

/* A few magic numbers tell a mislabelled or unlabelled body's type. */
static const char *
sniff_type (const char *data,
            gsize       length)
{
  static const struct { const char *magic; gsize len; const char *type; } magics[] = {
    { "%PDF-", 5, "application/pdf" },
    { "\x89PNG\r\n\x1a\n", 8, "image/png" },
    { "\xFF\xD8\xFF", 3, "image/jpeg" },
    { "GIF8", 4, "image/gif" },
    { "PK\x03\x04", 4, "application/zip" },
  };
  gsize i = 0;

  for (guint m = 0; m < G_N_ELEMENTS (magics); m++)
    if (length >= magics[m].len && memcmp (data, magics[m].magic, magics[m].len) == 0)
      return magics[m].type;

  while (i < length && i < 512 && g_ascii_isspace (data[i]))
    i++;
  if (i < length && (data[i] == '{' || data[i] == '['))
    return "application/json";
  if (i < length && data[i] == '<')
    return "text/html";
  return "application/octet-stream";
}

void
vera_page_meta_describe (VeraPageMeta *self,
                         const char   *data,
                         gsize         length,
                         const char   *content_type,
                         gboolean      keep_body)
{
  g_autofree char *media = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (data != NULL || length == 0);

  if (content_type != NULL && *content_type != '\0')
    {
      const char *semi = strchr (content_type, ';');

      media = g_ascii_strdown (content_type, semi ? semi - content_type : -1);
      g_strstrip (media);
    }
  /* Servers send "application/octet-stream" or nothing for files they do not know. */
  if (media == NULL || *media == '\0' || g_str_equal (media, "application/octet-stream"))
    {
      g_free (media);
      media = g_strdup (sniff_type (data, length));
    }

  g_free (self->content_type);
  self->content_type = g_strdup (media);
  self->size = length;

  if (vera_page_meta_is_html_type (media))
    {
      g_autofree char *charset = NULL;
      g_autofree char *text = vera_page_meta_decode_html (data, length, content_type, &charset);

      g_free (self->charset);
      self->charset = g_steal_pointer (&charset);
      vera_page_meta_parse_html (self, text, strlen (text));
      if (keep_body)
        {
          g_free (self->body);
          self->body = g_steal_pointer (&text);
        }
    }
}

JsonNode *
vera_page_meta_to_json (const VeraPageMeta *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (b);
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      const char *v = *(char **) FIELD (self, i);

      if (g_str_equal (string_fields[i].key, "body"))
        continue;
      json_builder_set_member_name (b, string_fields[i].key);
      if (v != NULL)
        json_builder_add_string_value (b, v);
      else
        json_builder_add_null_value (b);
    }
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, self->status);
  json_builder_set_member_name (b, "health");
  json_builder_add_string_value (b, vera_link_health_to_string (self->health));
  json_builder_set_member_name (b, "size");
  json_builder_add_int_value (b, self->size);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* The integer member @key of @obj, or @fallback when it is absent or not an integer (the json-glib
 * getter asserts on arrays and objects, and a cache file may come from another version). */
static gint64
get_int (JsonObject *obj,
         const char *key,
         gint64      fallback)
{
  JsonNode *node = json_object_get_member (obj, key);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fallback;
  return json_node_get_int (node);
}

VeraPageMeta *
vera_page_meta_from_json (JsonNode  *node,
                          GError   **error)
{
  g_autoptr(VeraPageMeta) self = NULL;
  g_autofree char *health = NULL;
  JsonObject *obj;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "Page metadata is not a JSON object");
      return NULL;
    }
  obj = json_node_get_object (node);
  self = vera_page_meta_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (string_fields); i++)
    {
      JsonNode *m = json_object_get_member (obj, string_fields[i].key);

      if (m != NULL && JSON_NODE_HOLDS_VALUE (m) && json_node_get_value_type (m) == G_TYPE_STRING)
        *(char **) FIELD (self, i) = g_strdup (json_node_get_string (m));
    }
  if (self->url == NULL)
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "Page metadata has no “url”");
      return NULL;
    }
  self->status = CLAMP (get_int (obj, "status", 0), 0, 999);
  self->size = get_int (obj, "size", -1);
  health = vera_net_json_dup_string (obj, "health");
  if (!vera_link_health_from_string (health, &self->health))
    self->health = VERA_LINK_HEALTH_UNKNOWN;
  return g_steal_pointer (&self);
}

void
vera_page_meta_apply_to_reference (const VeraPageMeta *self,
                                   VeraReference      *reference)
{
  const struct { VeraReferenceField field; const char *value; } always[] = {
    { VERA_REFERENCE_FINAL_URL,    self->final_url },
    { VERA_REFERENCE_CONTENT_TYPE, self->content_type },
    { VERA_REFERENCE_FETCHED,      self->fetched },
    { VERA_REFERENCE_ERROR,        self->health == VERA_LINK_HEALTH_OK ? NULL : self->reason },
  };
  const struct { VeraReferenceField field; const char *value; } when_known[] = {
    { VERA_REFERENCE_TITLE,        self->title },
    { VERA_REFERENCE_SITE_NAME,    self->site_name },
    { VERA_REFERENCE_AUTHOR,       self->author },
    { VERA_REFERENCE_PUBLISHED,    self->published },
    { VERA_REFERENCE_DESCRIPTION,  self->description },
    { VERA_REFERENCE_LANGUAGE,     self->language },
    { VERA_REFERENCE_ARCHIVE_URL,  self->archive_url },
    { VERA_REFERENCE_ARCHIVE_TIME, self->archive_time },
  };

  g_return_if_fail (self != NULL);
  g_return_if_fail (VERA_IS_REFERENCE (reference));

  g_object_freeze_notify (G_OBJECT (reference));
  for (guint i = 0; i < G_N_ELEMENTS (always); i++)
    vera_reference_set_field (reference, always[i].field, always[i].value);
  for (guint i = 0; i < G_N_ELEMENTS (when_known); i++)
    if (when_known[i].value != NULL)
      vera_reference_set_field (reference, when_known[i].field, when_known[i].value);
  vera_reference_set_http_status (reference, self->status);
  vera_reference_set_health (reference, self->health);
  g_object_thaw_notify (G_OBJECT (reference));
}
