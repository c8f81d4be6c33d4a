/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A streaming JSON writer: values go straight to a sink in chunks, so writing a large project
 * needs no document tree and no second copy of every string. Output is pretty-printed with one
 * space of indentation per level, like json-glib's generator with indent 1. */
typedef struct _VeraJsonWriter VeraJsonWriter;

/* Receives each chunk; returns FALSE (setting @error) to stop writing. */
typedef gboolean (*VeraJsonSink) (const char  *data,
                                  gsize        length,
                                  gpointer     user_data,
                                  GError     **error);

VeraJsonWriter *vera_json_writer_new           (VeraJsonSink     sink,
                                                gpointer         user_data);
/* A writer of one value nested @depth levels deep in a document (indented as it will be
 * there), without a separator before it; vera_json_writer_raw() then puts it in place. */
VeraJsonWriter *vera_json_writer_new_nested    (VeraJsonSink     sink,
                                                gpointer         user_data,
                                                guint            depth);
/* Flushes what is buffered; returns FALSE with the first sink error, if any. Frees @self. */
gboolean        vera_json_writer_finish        (VeraJsonWriter  *self,
                                                GError         **error);
void            vera_json_writer_free          (VeraJsonWriter  *self);

void            vera_json_writer_begin_object  (VeraJsonWriter  *self);
void            vera_json_writer_end_object    (VeraJsonWriter  *self);
void            vera_json_writer_begin_array   (VeraJsonWriter  *self);
void            vera_json_writer_end_array     (VeraJsonWriter  *self);
/* The key of the next member of the current object. */
void            vera_json_writer_key           (VeraJsonWriter  *self,
                                                const char      *key);
void            vera_json_writer_string        (VeraJsonWriter  *self,
                                                const char      *value);
void            vera_json_writer_int           (VeraJsonWriter  *self,
                                                gint64           value);
void            vera_json_writer_double        (VeraJsonWriter  *self,
                                                double           value);
void            vera_json_writer_boolean       (VeraJsonWriter  *self,
                                                gboolean         value);
void            vera_json_writer_null          (VeraJsonWriter  *self);
/* Writes an already serialised JSON value (from json-glib) as the next value. Serialise a
 * vera_json_node_dup_finite() copy: json-glib writes NaN as "nan". */
void            vera_json_writer_raw           (VeraJsonWriter  *self,
                                                const char      *json);

/* Shorthands for members; the optional ones write nothing for NULL. */
void            vera_json_writer_member_string (VeraJsonWriter  *self,
                                                const char      *key,
                                                const char      *value);
void            vera_json_writer_member_int    (VeraJsonWriter  *self,
                                                const char      *key,
                                                gint64           value);

/* JSON has no NaN or infinity, and a file with "nan" opens nowhere. Vera writes a non-finite
 * number as null (vera_json_writer_double() does the same); this returns a deep copy of @node
 * with every non-finite double replaced by null. Readers treat the null as a missing value. */
JsonNode       *vera_json_node_dup_finite      (JsonNode        *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraJsonWriter, vera_json_writer_free)

G_END_DECLS
