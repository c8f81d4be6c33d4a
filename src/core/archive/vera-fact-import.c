/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-archive"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vera-fact-archive-private.h"
#include "vera-fact-rating.h"
#include "vera-json-util.h"

/* How often an import reports progress and looks at its GCancellable, in reviews. */
#define CHECK_EVERY 256
/* A JSON line or TSV row longer than this is not a fact-check: refuse the file. */
#define MAX_LINE_BYTES (4 * 1024 * 1024)

typedef struct
{
  VeraFactArchive        *archive;
  const char             *path;      /* for messages */
  char                   *source;    /* the file's base name, stored with each review */
  VeraFactImportProgress  progress;
  gpointer                user_data;
  GCancellable           *cancellable;
  guint                   n_stored;
  guint                   n_seen;    /* ClaimReview objects seen, for messages */
} Import;

/* A string member, or a number written as one (identifiers); NULL otherwise. */
static char *
dup_member_string (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        g_autofree char *stripped = g_strstrip (g_strdup (text));

        return stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
      }
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    default:
      return NULL;
    }
}

static double
get_member_number (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NAN;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return (double) json_node_get_int (node);
    case G_TYPE_DOUBLE:
      return json_node_get_double (node);
    case G_TYPE_STRING:
      {
        const char *text = json_node_get_string (node);
        char *end = NULL;
        double value = g_ascii_strtod (text, &end);

        return end != text && *end == '\0' ? value : NAN;
      }
    default:
      return NAN;
    }
}

static JsonObject *
get_member_object (JsonObject *object,
                   const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) &&
      json_array_get_length (json_node_get_array (node)) > 0)
    node = json_array_get_element (json_node_get_array (node), 0);
  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/* An agent's name: {"name": …}, or a plain string, or the first of an array of them. */
static char *
dup_agent_name (JsonObject *object,
                const char *member)
{
  JsonObject *agent = get_member_object (object, member);

  if (agent != NULL)
    return dup_member_string (agent, "name");
  return dup_member_string (object, member);
}

static gboolean
has_type (JsonObject *object,
          const char *type)
{
  JsonNode *node = json_object_get_member (object, "@type");

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      const char *value = json_node_get_string (node);

      return g_str_equal (value, type) || (g_str_has_suffix (value, type) &&
                                            strlen (value) > strlen (type) &&
                                            value[strlen (value) - strlen (type) - 1] == '/');
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *types = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (types); i++)
        {
          JsonNode *element = json_array_get_element (types, i);

          if (JSON_NODE_HOLDS_VALUE (element) &&
              json_node_get_value_type (element) == G_TYPE_STRING &&
              g_str_equal (json_node_get_string (element), type))
            return TRUE;
        }
    }
  return FALSE;
}

/* A review without identifier and URL still needs a stable key, so that importing the file
 * again updates it: a digest of what it says. */
static char *
dup_content_key (const VeraFactReview *review)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = { review->claim, review->headline, review->publisher, review->date };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_checksum_update (checksum, (const guchar *) (parts[i] != NULL ? parts[i] : ""), -1);
      g_checksum_update (checksum, (const guchar *) "\x1f", 1);
    }
  return g_strconcat ("sha256:", g_checksum_get_string (checksum), NULL);
}

static gboolean
report (Import  *import,
        double   fraction,
        GError **error)
{
  if (import->n_stored % CHECK_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;
  if (import->progress != NULL)
    import->progress (fraction, import->n_stored, import->user_data);
  return TRUE;
}

/* Stores @review; @where says where it is in the file ("ClaimReview 3", "line 12"). */
static gboolean
store (Import         *import,
       VeraFactReview *review,
       const char     *where,
       GError        **error)
{
  g_autoptr(GError) local_error = NULL;

  if ((review->claim == NULL || review->claim[0] == '\0') &&
      (review->headline == NULL || review->headline[0] == '\0'))
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_INVALID,
                   "%s: %s: no claimReviewed and no headline; nothing was imported",
                   import->path, where);
      return FALSE;
    }
  if (vera_fact_review_get_key (review) == NULL)
    review->identifier = dup_content_key (review);
  review->source = g_strdup (import->source);
  if (!vera_fact_archive_put (import->archive, review, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s: %s", import->path,
                   where, local_error->message);
      return FALSE;
    }
  import->n_stored++;
  return TRUE;
}

static gboolean
import_claimreview (Import      *import,
                    JsonObject  *object,
                    const char  *where,
                    GError     **error)
{
  g_autoptr(VeraFactReview) review = vera_fact_review_new ();
  JsonObject *rating = get_member_object (object, "reviewRating");
  JsonObject *item = get_member_object (object, "itemReviewed");
  JsonObject *language = get_member_object (object, "inLanguage");

  review->identifier = dup_member_string (object, "identifier");
  review->url = dup_member_string (object, "url");
  review->claim = dup_member_string (object, "claimReviewed");
  review->headline = dup_member_string (object, "headline");
  if (review->headline == NULL)
    review->headline = dup_member_string (object, "name");
  review->rating = dup_member_string (rating, "alternateName");
  if (review->rating == NULL)
    review->rating = dup_member_string (rating, "name");
  review->status = vera_fact_rating_to_status (review->rating,
                                               get_member_number (rating, "ratingValue"),
                                               get_member_number (rating, "bestRating"),
                                               get_member_number (rating, "worstRating"));
  review->publisher = dup_agent_name (object, "author");
  if (review->publisher == NULL)
    review->publisher = dup_agent_name (object, "publisher");
  review->date = dup_member_string (object, "datePublished");
  review->language = language != NULL ? dup_member_string (language, "alternateName")
                                      : dup_member_string (object, "inLanguage");
  review->claimant = dup_agent_name (item, "author");
  return store (import, review, where, error);
}

/* A CheckThat! record: {"vclaim_id", "vclaim", "title", "url", "date", "speaker",
 * "truth_label"}. */
static gboolean
import_checkthat (Import      *import,
                  JsonObject  *object,
                  const char  *where,
                  GError     **error)
{
  g_autoptr(VeraFactReview) review = vera_fact_review_new ();

  review->identifier = dup_member_string (object, "vclaim_id");
  review->url = dup_member_string (object, "url");
  review->claim = dup_member_string (object, "vclaim");
  review->headline = dup_member_string (object, "title");
  review->rating = dup_member_string (object, "truth_label");
  review->status = vera_fact_rating_to_status (review->rating, NAN, NAN, NAN);
  review->date = dup_member_string (object, "date");
  review->claimant = dup_member_string (object, "speaker");
  review->language = g_strdup ("en");
  return store (import, review, where, error);
}

static gboolean walk_node (Import *import, JsonNode *node, guint depth, const char *line,
                           GError **error);

static gboolean
walk_array (Import      *import,
            JsonArray   *array,
            guint        depth,
            const char  *line,
            GError     **error)
{
  guint n = json_array_get_length (array);

  for (guint i = 0; i < n; i++)
    {
      if (!walk_node (import, json_array_get_element (array, i), depth + 1, line, error))
        return FALSE;
      if (depth == 0 && line == NULL && !report (import, (double) (i + 1) / n, error))
        return FALSE;
    }
  return TRUE;
}

/* ClaimReview objects anywhere an array, a "@graph" or a feed's "dataFeedElement" and "item"
 * hold them; anything else is skipped. */
static gboolean
walk_node (Import      *import,
           JsonNode    *node,
           guint        depth,
           const char  *line,
           GError     **error)
{
  JsonObject *object;
  static const char *const containers[] = { "@graph", "dataFeedElement", "item" };

  if (JSON_NODE_HOLDS_ARRAY (node))
    return walk_array (import, json_node_get_array (node), depth, line, error);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  object = json_node_get_object (node);
  if (has_type (object, "ClaimReview"))
    {
      g_autofree char *where = NULL;

      import->n_seen++;
      where = line != NULL ? g_strdup (line)
                           : g_strdup_printf ("ClaimReview %u", import->n_seen);
      return import_claimreview (import, object, where, error);
    }
  if (line != NULL && json_object_has_member (object, "vclaim"))
    return import_checkthat (import, object, line, error);
  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    {
      JsonNode *member = json_object_get_member (object, containers[i]);

      if (member != NULL && !walk_node (import, member, depth + 1, line, error))
        return FALSE;
    }
  return TRUE;
}

/* A JSON file is read in place (mapped, not copied) and walked without building its tree: a
 * top-level array, a "@graph", a feed's "dataFeedElement" and "item" arrays are scanned, and
 * each element of them smaller than this is parsed on its own. Memory stays bounded by the
 * largest review, not by the file. */
#define MAX_PARSED_BYTES (8 * 1024 * 1024)

typedef struct
{
  Import     *import;
  const char *data;
  gsize       length;
  gsize       pos;
} Scan;

static void
position_of (const Scan *scan,
             gsize       pos,
             guint      *line,
             guint      *column)
{
  const char *p = scan->data;
  const char *end = scan->data + MIN (pos, scan->length);
  const char *line_start = p;

  *line = 1;
  for (; p < end; p++)
    if (*p == '\n')
      {
        (*line)++;
        line_start = p + 1;
      }
  *column = (guint) g_utf8_strlen (line_start, end - line_start) + 1;
}

static gboolean
scan_error (Scan        *scan,
            gsize        pos,
            const char  *what,
            GError     **error)
{
  guint line, column;

  position_of (scan, pos, &line, &column);
  g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_PARSE,
               "%s: line %u, column %u: not valid JSON (%s); nothing was imported",
               scan->import->path, line, column, what);
  return FALSE;
}

static void
skip_space (Scan *scan)
{
  while (scan->pos < scan->length &&
         (scan->data[scan->pos] == ' ' || scan->data[scan->pos] == '\t' ||
          scan->data[scan->pos] == '\n' || scan->data[scan->pos] == '\r'))
    scan->pos++;
}

static gboolean
skip_string (Scan    *scan,
             GError **error)
{
  gsize start = scan->pos;

  g_assert (scan->data[scan->pos] == '"');
  for (scan->pos++; scan->pos < scan->length; scan->pos++)
    {
      char c = scan->data[scan->pos];

      if (c == '\\')
        scan->pos++;
      else if (c == '"')
        {
          scan->pos++;
          return TRUE;
        }
      else if ((guchar) c < 0x20 && c != '\t')
        break;
    }
  return scan_error (scan, start, "a string that does not end", error);
}

/* Skips one value, checking that its brackets and strings are well formed (the parts that are
 * parsed are checked in full by json-glib). */
static gboolean
skip_value (Scan    *scan,
            GError **error)
{
  char stack[VERA_JSON_MAX_DEPTH];
  guint depth = 0;

  skip_space (scan);
  if (scan->pos >= scan->length)
    return scan_error (scan, scan->pos, "the file ends where a value should be", error);
  do
    {
      char c;

      skip_space (scan);
      if (scan->pos >= scan->length)
        return scan_error (scan, scan->pos, "the file ends inside an object or array", error);
      c = scan->data[scan->pos];
      if (c == '"')
        {
          if (!skip_string (scan, error))
            return FALSE;
        }
      else if (c == '{' || c == '[')
        {
          if (depth == G_N_ELEMENTS (stack))
            return scan_error (scan, scan->pos, "nested too deeply", error);
          stack[depth++] = c == '{' ? '}' : ']';
          scan->pos++;
        }
      else if (c == '}' || c == ']')
        {
          if (depth == 0 || stack[depth - 1] != c)
            return scan_error (scan, scan->pos, "a bracket that closes nothing", error);
          depth--;
          scan->pos++;
        }
      else if (c == ',' || c == ':')
        {
          if (depth == 0)
            return scan_error (scan, scan->pos, "a stray “,” or “:”", error);
          scan->pos++;
        }
      else
        {
          gsize start = scan->pos;

          while (scan->pos < scan->length &&
                 (g_ascii_isalnum (scan->data[scan->pos]) || scan->data[scan->pos] == '-' ||
                  scan->data[scan->pos] == '+' || scan->data[scan->pos] == '.'))
            scan->pos++;
          if (scan->pos == start)
            return scan_error (scan, start, "an unexpected character", error);
        }
    }
  while (depth > 0);
  return TRUE;
}

static gboolean
parse_span (Scan    *scan,
            gsize    start,
            GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  gsize length = scan->pos - start;

  if (!vera_json_depth_ok (scan->data + start, length, VERA_JSON_MAX_DEPTH))
    return scan_error (scan, start, "nested too deeply", error);
  if (!json_parser_load_from_data (parser, scan->data + start, length, &local_error))
    return scan_error (scan, start, local_error->message, error);
  return walk_node (scan->import, json_parser_get_root (parser), 1, NULL, error);
}

static gboolean is_container_key (const char *key, gsize length);
static gboolean walk_value (Scan *scan, guint depth, GError **error);

static gboolean
walk_large_object (Scan    *scan,
                   guint    depth,
                   GError **error)
{
  scan->pos++;
  for (gboolean first = TRUE;; first = FALSE)
    {
      gsize key_start;
      gboolean container;

      skip_space (scan);
      if (scan->pos < scan->length && scan->data[scan->pos] == '}' )
        {
          scan->pos++;
          return TRUE;
        }
      if (!first)
        {
          if (scan->pos >= scan->length || scan->data[scan->pos] != ',')
            return scan_error (scan, scan->pos, "“,” or “}” expected", error);
          scan->pos++;
          skip_space (scan);
        }
      if (scan->pos >= scan->length || scan->data[scan->pos] != '"')
        return scan_error (scan, scan->pos, "a member name expected", error);
      key_start = scan->pos + 1;
      if (!skip_string (scan, error))
        return FALSE;
      container = is_container_key (scan->data + key_start, scan->pos - 1 - key_start);
      skip_space (scan);
      if (scan->pos >= scan->length || scan->data[scan->pos] != ':')
        return scan_error (scan, scan->pos, "“:” expected", error);
      scan->pos++;
      if (!(container ? walk_value (scan, depth + 1, error) : skip_value (scan, error)))
        return FALSE;
    }
}

static gboolean
is_container_key (const char *key,
                  gsize       length)
{
  static const char *const containers[] = { "@graph", "dataFeedElement", "item" };

  for (guint i = 0; i < G_N_ELEMENTS (containers); i++)
    if (length == strlen (containers[i]) && memcmp (key, containers[i], length) == 0)
      return TRUE;
  return FALSE;
}

/* Reports progress and checks for cancellation at each element of a scanned array. */
static gboolean
walk_value (Scan    *scan,
            guint    depth,
            GError **error)
{
  gsize start;

  if (depth >= VERA_JSON_MAX_DEPTH)
    return scan_error (scan, scan->pos, "nested too deeply", error);
  skip_space (scan);
  if (scan->pos >= scan->length)
    return scan_error (scan, scan->pos, "the file ends where a value should be", error);
  start = scan->pos;
  if (scan->data[start] == '[')
    {
      scan->pos++;
      for (gboolean first = TRUE;; first = FALSE)
        {
          skip_space (scan);
          if (scan->pos < scan->length && scan->data[scan->pos] == ']')
            {
              scan->pos++;
              return TRUE;
            }
          if (!first)
            {
              if (scan->pos >= scan->length || scan->data[scan->pos] != ',')
                return scan_error (scan, scan->pos, "“,” or “]” expected", error);
              scan->pos++;
            }
          if (!walk_value (scan, depth + 1, error) ||
              !report (scan->import, (double) scan->pos / scan->length, error))
            return FALSE;
        }
    }
  if (scan->data[start] != '{')
    return skip_value (scan, error);
  if (!skip_value (scan, error))
    return FALSE;
  if (scan->pos - start <= MAX_PARSED_BYTES)
    return parse_span (scan, start, error);
  scan->pos = start;
  return walk_large_object (scan, depth, error);
}

static gboolean
import_json (Import   *import,
             GError  **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local_error = NULL;
  Scan scan = { import, NULL, 0, 0 };

  mapped = g_mapped_file_new (import->path, FALSE, &local_error);
  if (mapped == NULL)
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_READ, "%s: %s",
                   import->path, local_error->message);
      return FALSE;
    }
  scan.data = g_mapped_file_get_contents (mapped);
  scan.length = g_mapped_file_get_length (mapped);
  if (scan.data == NULL)
    scan.data = "";
  /* A UTF-8 byte order mark. */
  if (scan.length >= 3 && memcmp (scan.data, "\xEF\xBB\xBF", 3) == 0)
    scan.pos = 3;
  skip_space (&scan);
  if (scan.pos >= scan.length)
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_PARSE,
                   "%s: an empty file, not JSON; nothing was imported", import->path);
      return FALSE;
    }
  if (!walk_value (&scan, 0, error))
    return FALSE;
  skip_space (&scan);
  if (scan.pos < scan.length)
    return scan_error (&scan, scan.pos, "text after the end of the JSON value", error);
  return TRUE;
}

static gboolean
read_line (GDataInputStream  *in,
           Import            *import,
           guint              number,
           char             **line,
           GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize length = 0;

  *line = g_data_input_stream_read_line (in, &length, import->cancellable, &local_error);
  if (local_error != NULL)
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_READ, "%s: line %u: %s",
                   import->path, number, local_error->message);
      return FALSE;
    }
  if (*line != NULL && (length > MAX_LINE_BYTES || !g_utf8_validate (*line, length, NULL) ||
                        strlen (*line) != length))
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_PARSE,
                   "%s: line %u: %s; nothing was imported", import->path, number,
                   length > MAX_LINE_BYTES ? "longer than 4 MB" : "not UTF-8 text");
      g_clear_pointer (line, g_free);
      return FALSE;
    }
  if (*line != NULL && length > 0 && (*line)[length - 1] == '\r')
    (*line)[length - 1] = '\0';
  return TRUE;
}

typedef gboolean (*LineFunc) (Import *import, char *line, guint number, gpointer data,
                              GError **error);

/* Reads the file a line at a time (memory stays bounded by the longest line). */
static gboolean
import_lines (Import    *import,
              LineFunc   func,
              gpointer   data,
              GError   **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (import->path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GFileInfo) info = NULL;
  goffset size = 0;
  goffset done = 0;

  stream = g_file_read (file, import->cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_READ, "%s: %s",
                   import->path, local_error->message);
      return FALSE;
    }
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);
  if (info != NULL)
    size = g_file_info_get_size (info);
  in = g_data_input_stream_new (G_INPUT_STREAM (stream));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (in), 65536);
  for (guint number = 1;; number++)
    {
      g_autofree char *line = NULL;

      if (!read_line (in, import, number, &line, error))
        return FALSE;
      if (line == NULL)
        return func (import, NULL, number, data, error);
      done += strlen (line) + 1;
      if (!func (import, line, number, data, error))
        return FALSE;
      if (!report (import, size > 0 ? MIN (1.0, (double) done / size) : 0.0, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
json_line (Import    *import,
           char      *line,
           guint      number,
           gpointer   data,
           GError   **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *where = NULL;

  if (line == NULL)
    return TRUE;
  g_strstrip (line);
  if (line[0] == '\0')
    return TRUE;
  parser = json_parser_new_immutable ();
  if (!vera_json_depth_ok (line, strlen (line), VERA_JSON_MAX_DEPTH) ||
      !json_parser_load_from_data (parser, line, -1, &local_error))
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_PARSE,
                   "%s: line %u: not valid JSON (%s); nothing was imported", import->path,
                   number, local_error != NULL ? local_error->message : "nested too deeply");
      return FALSE;
    }
  where = g_strdup_printf ("line %u", number);
  return walk_node (import, json_parser_get_root (parser), 0, where, error);
}

typedef struct
{
  int      id;
  int      claim;
  int      title;
  GString *pending;       /* a row whose quoted field goes on past a line break */
  guint    pending_line;  /* where that row starts */
} TsvColumns;

static guint
count_quotes (const char *text)
{
  guint n = 0;

  for (; *text != '\0'; text++)
    n += *text == '"';
  return n;
}

/* A field as spreadsheets quote it: "…" with "" for a quote inside. */
static char *
dup_field (const char *field)
{
  g_autofree char *stripped = g_strstrip (g_strdup (field));
  gsize n = strlen (stripped);
  GString *out;

  if (n < 2 || stripped[0] != '"' || stripped[n - 1] != '"')
    return g_steal_pointer (&stripped);
  out = g_string_new (NULL);
  for (gsize i = 1; i + 1 < n; i++)
    {
      g_string_append_c (out, stripped[i]);
      if (stripped[i] == '"' && stripped[i + 1] == '"' && i + 2 < n)
        i++;
    }
  return g_strstrip (g_string_free (out, FALSE));
}

static gboolean
tsv_line (Import    *import,
          char      *line,
          guint      number,
          gpointer   data,
          GError   **error)
{
  TsvColumns *columns = data;
  g_auto(GStrv) fields = NULL;
  guint n;
  g_autoptr(VeraFactReview) review = NULL;
  g_autofree char *where = NULL;
  g_autofree char *row = NULL;

  if (line == NULL)
    {
      if (columns->pending == NULL)
        return TRUE;
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_PARSE,
                   "%s: line %u: a quoted field that does not end; nothing was imported",
                   import->path, columns->pending_line);
      return FALSE;
    }
  /* A quoted field may hold line breaks: gather the lines until its quotes are even. */
  if (columns->pending != NULL)
    {
      g_string_append_c (columns->pending, '\n');
      g_string_append (columns->pending, line);
      if (count_quotes (columns->pending->str) % 2 != 0)
        return TRUE;
      row = g_string_free (g_steal_pointer (&columns->pending), FALSE);
      number = columns->pending_line;
    }
  else if (number > 1 && count_quotes (line) % 2 != 0)
    {
      columns->pending = g_string_new (line);
      columns->pending_line = number;
      return TRUE;
    }
  else
    row = g_strdup (line);
  if (row[0] == '\0')
    return TRUE;
  fields = g_strsplit (row, "\t", -1);
  n = g_strv_length (fields);
  if (number == 1)
    {
      columns->id = columns->claim = columns->title = -1;
      for (guint i = 0; i < n; i++)
        {
          g_strstrip (fields[i]);
          if (g_str_equal (fields[i], "vclaim_id") || (i == 0 && fields[i][0] == '\0'))
            columns->id = i;
          else if (g_str_equal (fields[i], "vclaim"))
            columns->claim = i;
          else if (g_str_equal (fields[i], "title"))
            columns->title = i;
        }
      if (columns->id < 0 || columns->claim < 0)
        {
          g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_PARSE,
                       "%s: line 1: a CheckThat! TSV starts with the header "
                       "“vclaim_id, vclaim, title”; nothing was imported", import->path);
          return FALSE;
        }
      return TRUE;
    }
  if ((int) n <= MAX (columns->id, MAX (columns->claim, columns->title)))
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_PARSE,
                   "%s: line %u: %u fields where the header has more; nothing was imported",
                   import->path, number, n);
      return FALSE;
    }
  review = vera_fact_review_new ();
  review->identifier = dup_field (fields[columns->id]);
  review->claim = dup_field (fields[columns->claim]);
  if (columns->title >= 0)
    review->headline = dup_field (fields[columns->title]);
  review->language = g_strdup ("en");
  if (review->identifier[0] == '\0')
    g_clear_pointer (&review->identifier, g_free);
  where = g_strdup_printf ("line %u", number);
  return store (import, review, where, error);
}

static gboolean
import_any (Import   *import,
            GError  **error)
{
  g_autofree char *lower = g_ascii_strdown (import->path, -1);

  if (g_str_has_suffix (lower, ".tsv"))
    {
      TsvColumns columns = { -1, -1, -1, NULL, 0 };
      gboolean ok = import_lines (import, tsv_line, &columns, error);

      if (columns.pending != NULL)
        g_string_free (columns.pending, TRUE);
      return ok;
    }
  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson"))
    return import_lines (import, json_line, NULL, error);
  return import_json (import, error);
}

gboolean
vera_fact_archive_import_file (VeraFactArchive        *self,
                               GFile                  *file,
                               VeraFactImportProgress  progress,
                               gpointer                user_data,
                               guint                  *n_imported,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *path = NULL;
  Import import = { 0 };

  g_return_val_if_fail (VERA_IS_FACT_ARCHIVE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_READ,
                   "%s: not a local file", uri);
      return FALSE;
    }
  import.archive = self;
  import.path = path;
  import.source = g_file_get_basename (file);
  import.progress = progress;
  import.user_data = user_data;
  import.cancellable = cancellable;

  locker = g_mutex_locker_new (&self->lock);
  if (!vera_fact_archive_exec (self, "BEGIN IMMEDIATE", error))
    {
      g_free (import.source);
      return FALSE;
    }
  if (!import_any (&import, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_free (import.source);
      return FALSE;
    }
  if (import.n_stored == 0)
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_EMPTY,
                   "%s: no ClaimReview in the file; nothing was imported", path);
      g_free (import.source);
      return FALSE;
    }
  g_free (import.source);
  if (!vera_fact_archive_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  if (progress != NULL)
    progress (1.0, import.n_stored, user_data);
  if (n_imported != NULL)
    *n_imported = import.n_stored;
  return TRUE;
}
