/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-json-writer"

#include "config.h"

#include <math.h>

#include "vera-json-writer.h"

#define CHUNK_SIZE (64 * 1024)
#define MAX_DEPTH 64

struct _VeraJsonWriter
{
  VeraJsonSink  sink;
  gpointer      user_data;
  GString      *buffer;
  GError       *error;
  guint         depth;
  /* Per nesting level: has the container received a value yet? */
  gboolean      has_items[MAX_DEPTH];
  gboolean      after_key;
};

VeraJsonWriter *
vera_json_writer_new (VeraJsonSink sink,
                      gpointer     user_data)
{
  VeraJsonWriter *self = g_new0 (VeraJsonWriter, 1);

  self->sink = sink;
  self->user_data = user_data;
  self->buffer = g_string_sized_new (CHUNK_SIZE + 1024);
  return self;
}

VeraJsonWriter *
vera_json_writer_new_nested (VeraJsonSink sink,
                             gpointer     user_data,
                             guint        depth)
{
  VeraJsonWriter *self = vera_json_writer_new (sink, user_data);

  g_return_val_if_fail (depth + 1 < MAX_DEPTH, self);

  self->depth = depth;
  /* The first value is a fragment: no separator before it. */
  self->after_key = TRUE;
  return self;
}

static void
flush (VeraJsonWriter *self)
{
  if (self->error == NULL && self->buffer->len > 0)
    self->sink (self->buffer->str, self->buffer->len, self->user_data, &self->error);
  g_string_truncate (self->buffer, 0);
}

static void
maybe_flush (VeraJsonWriter *self)
{
  if (self->buffer->len >= CHUNK_SIZE)
    flush (self);
}

void
vera_json_writer_free (VeraJsonWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->buffer, TRUE);
  g_clear_error (&self->error);
  g_free (self);
}

gboolean
vera_json_writer_finish (VeraJsonWriter  *self,
                         GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  g_string_append_c (self->buffer, '\n');
  flush (self);
  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&self->error));
  vera_json_writer_free (self);
  return ok;
}

static void
newline (VeraJsonWriter *self)
{
  g_string_append_c (self->buffer, '\n');
  for (guint i = 0; i < self->depth; i++)
    g_string_append_c (self->buffer, ' ');
}

/* Puts what must come before a value: a comma and a new line inside containers. */
static void
begin_value (VeraJsonWriter *self)
{
  if (self->after_key)
    {
      self->after_key = FALSE;
      return;
    }
  if (self->depth > 0)
    {
      if (self->has_items[self->depth])
        g_string_append_c (self->buffer, ',');
      self->has_items[self->depth] = TRUE;
      newline (self);
    }
}

static void
open_container (VeraJsonWriter *self,
                char            c)
{
  begin_value (self);
  g_string_append_c (self->buffer, c);
  g_assert (self->depth + 1 < MAX_DEPTH);
  self->depth++;
  self->has_items[self->depth] = FALSE;
}

static void
close_container (VeraJsonWriter *self,
                 char            c)
{
  gboolean had_items;

  g_assert (self->depth > 0);
  had_items = self->has_items[self->depth];
  self->depth--;
  if (had_items)
    newline (self);
  g_string_append_c (self->buffer, c);
  maybe_flush (self);
}

void
vera_json_writer_begin_object (VeraJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  open_container (self, '{');
}

void
vera_json_writer_end_object (VeraJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  close_container (self, '}');
}

void
vera_json_writer_begin_array (VeraJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  open_container (self, '[');
}

void
vera_json_writer_end_array (VeraJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  close_container (self, ']');
}

static void
append_escaped (GString    *out,
                const char *str)
{
  const char *run = str;
  const char *p;

  g_string_append_c (out, '"');
  for (p = str; *p != '\0'; p++)
    {
      unsigned char c = *p;
      const char *escape = NULL;
      char hex[8];

      switch (c)
        {
        case '"':  escape = "\\\""; break;
        case '\\': escape = "\\\\"; break;
        case '\n': escape = "\\n"; break;
        case '\r': escape = "\\r"; break;
        case '\t': escape = "\\t"; break;
        case '\b': escape = "\\b"; break;
        case '\f': escape = "\\f"; break;
        default:
          if (c < 0x20 || c == 0x7f)
            {
              g_snprintf (hex, sizeof hex, "\\u%04x", c);
              escape = hex;
            }
        }
      if (escape != NULL)
        {
          g_string_append_len (out, run, p - run);
          g_string_append (out, escape);
          run = p + 1;
        }
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

void
vera_json_writer_key (VeraJsonWriter *self,
                      const char     *key)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  begin_value (self);
  append_escaped (self->buffer, key);
  g_string_append (self->buffer, " : ");
  self->after_key = TRUE;
}

void
vera_json_writer_string (VeraJsonWriter *self,
                         const char     *value)
{
  g_return_if_fail (self != NULL);

  if (value == NULL)
    {
      vera_json_writer_null (self);
      return;
    }
  begin_value (self);
  append_escaped (self->buffer, value);
  maybe_flush (self);
}

static void
append_int (GString *out,
            gint64   value)
{
  char digits[24];
  guint n = 0;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  do
    digits[n++] = (char) ('0' + v % 10);
  while ((v /= 10) > 0);
  if (value < 0)
    g_string_append_c (out, '-');
  while (n > 0)
    g_string_append_c (out, digits[--n]);
}

void
vera_json_writer_int (VeraJsonWriter *self,
                      gint64          value)
{
  g_return_if_fail (self != NULL);

  begin_value (self);
  append_int (self->buffer, value);
}

void
vera_json_writer_double (VeraJsonWriter *self,
                         double          value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (self != NULL);

  begin_value (self);
  if (!isfinite (value))
    {
      /* JSON has no NaN or infinity. */
      g_string_append (self->buffer, "null");
      return;
    }
  /* Whole values (counts, most figures) without going through printf. */
  if (value == floor (value) && fabs (value) < 1e15)
    {
      append_int (self->buffer, (gint64) value);
      g_string_append (self->buffer, ".0");
      return;
    }
  /* The shortest form that reads back as the same double. */
  g_ascii_formatd (buf, sizeof buf, "%.15g", value);
  if (g_ascii_strtod (buf, NULL) != value)
    g_ascii_formatd (buf, sizeof buf, "%.17g", value);
  /* Keep whole values recognisable as doubles so readers do not see an integer type change. */
  if (strpbrk (buf, ".eE") == NULL)
    g_strlcat (buf, ".0", sizeof buf);
  g_string_append (self->buffer, buf);
}

void
vera_json_writer_boolean (VeraJsonWriter *self,
                          gboolean        value)
{
  g_return_if_fail (self != NULL);

  begin_value (self);
  g_string_append (self->buffer, value ? "true" : "false");
}

void
vera_json_writer_null (VeraJsonWriter *self)
{
  g_return_if_fail (self != NULL);

  begin_value (self);
  g_string_append (self->buffer, "null");
}

void
vera_json_writer_raw (VeraJsonWriter *self,
                      const char     *json)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (json != NULL);

  begin_value (self);
  g_string_append (self->buffer, json);
  maybe_flush (self);
}

void
vera_json_writer_member_string (VeraJsonWriter *self,
                                const char     *key,
                                const char     *value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  if (value == NULL)
    return;
  vera_json_writer_key (self, key);
  vera_json_writer_string (self, value);
}

void
vera_json_writer_member_int (VeraJsonWriter *self,
                             const char     *key,
                             gint64          value)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (key != NULL);

  vera_json_writer_key (self, key);
  vera_json_writer_int (self, value);
}

static void
copy_member_cb (JsonObject  *object,
                const char  *member,
                JsonNode    *node,
                gpointer     user_data)
{
  json_object_set_member (user_data, member, vera_json_node_dup_finite (node));
}

static void
copy_element_cb (JsonArray *array,
                 guint      index,
                 JsonNode  *node,
                 gpointer   user_data)
{
  json_array_add_element (user_data, vera_json_node_dup_finite (node));
}

JsonNode *
vera_json_node_dup_finite (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *copy = json_object_new ();

        json_object_foreach_member (json_node_get_object (node), copy_member_cb, copy);
        return json_node_init_object (json_node_alloc (), copy);
      }
    case JSON_NODE_ARRAY:
      {
        JsonArray *copy = json_array_new ();

        json_array_foreach_element (json_node_get_array (node), copy_element_cb, copy);
        return json_node_init_array (json_node_alloc (), copy);
      }
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_DOUBLE &&
          !isfinite (json_node_get_double (node)))
        return json_node_init_null (json_node_alloc ());
      return json_node_copy (node);
    case JSON_NODE_NULL:
    default:
      return json_node_init_null (json_node_alloc ());
    }
}
