/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-export.h"
#include "vera-project.h"
#include "vera-reference.h"
#include "vera-report-data.h"
#include "vera-vocabulary.h"

/* How far around the old position (in bytes) a moved quote is looked for first. */
#define NEAR_WINDOW 4096
/* Context kept with a new claim, in code points. */
#define CONTEXT_CHARS 32
/* No text search considers more occurrences than this (a quote of one common word). */
#define MAX_OCCURRENCES 100000

typedef struct
{
  const char *source;
  const char *exact;
  const char *prefix;
  const char *suffix;
  gboolean    has_position;
  gint64      start;
  gint64      end;
} Target;

typedef struct
{
  gboolean   has_status;
  VeraStatus status;
  GString   *note;
  GPtrArray *urls;
} Body;

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_offset (JsonObject *object,
            const char *key,
            gint64     *value)
{
  JsonNode *node = json_object_get_member (object, key);
  GType type;

  if (node == NULL || JSON_NODE_TYPE (node) != JSON_NODE_VALUE)
    return FALSE;
  type = json_node_get_value_type (node);
  if (type == G_TYPE_INT64)
    *value = json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    {
      double d = json_node_get_double (node);

      /* Converting a double past the range of gint64 is undefined; no text is that long. */
      if (!(d >= 0 && d < (double) G_MAXUINT))
        return FALSE;
      *value = (gint64) d;
    }
  else
    return FALSE;
  return *value >= 0;
}

/* Whether @object's "type" is @type, or holds it in an array. */
static gboolean
has_type (JsonObject *object,
          const char *type)
{
  JsonNode *node = json_object_get_member (object, "type");

  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node))
    return g_strcmp0 (json_node_get_string (node), type) == 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && g_strcmp0 (json_node_get_string (item), type) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* Selectors may be one object, an array, and may refine a FragmentSelector (refinedBy). */
static void
collect_selectors (JsonNode *node,
                   Target   *target,
                   guint     depth)
{
  JsonObject *object;
  JsonNode *refined;

  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        collect_selectors (json_array_get_element (array, i), target, depth + 1);
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;
  object = json_node_get_object (node);
  if (has_type (object, "TextQuoteSelector") && get_string (object, "exact") != NULL)
    {
      target->exact = get_string (object, "exact");
      target->prefix = get_string (object, "prefix");
      target->suffix = get_string (object, "suffix");
    }
  else if (has_type (object, "TextPositionSelector") &&
           get_offset (object, "start", &target->start) &&
           get_offset (object, "end", &target->end) && target->start < target->end)
    target->has_position = TRUE;
  refined = json_object_get_member (object, "refinedBy");
  if (refined != NULL)
    collect_selectors (refined, target, depth + 1);
}

static gboolean
parse_target (JsonNode *node,
              Target   *target)
{
  JsonObject *object;
  JsonNode *source;

  memset (target, 0, sizeof *target);
  if (node == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (parse_target (json_array_get_element (array, i), target))
          return TRUE;
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return FALSE;

  object = json_node_get_object (node);
  source = json_object_get_member (object, "source");
  if (source != NULL && JSON_NODE_HOLDS_VALUE (source))
    target->source = json_node_get_string (source);
  else if (source != NULL && JSON_NODE_HOLDS_OBJECT (source))
    target->source = get_string (json_node_get_object (source), "id");
  collect_selectors (json_object_get_member (object, "selector"), target, 0);
  return target->exact != NULL || target->has_position;
}

static void
add_note (Body       *body,
          const char *text)
{
  if (text == NULL || text[0] == '\0')
    return;
  if (body->note->len > 0)
    g_string_append (body->note, "\n\n");
  g_string_append (body->note, text);
}

static void
parse_body (JsonNode *node,
            Body     *body,
            guint     depth)
{
  JsonObject *object;
  const char *value;
  const char *purpose;

  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        parse_body (json_array_get_element (array, i), body, depth + 1);
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      /* A body that is a link: keep it as a reference when it is a web page. */
      value = json_node_get_string (node);
      if (vera_report_is_web_url (value))
        g_ptr_array_add (body->urls, g_strdup (value));
      return;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return;

  object = json_node_get_object (node);
  if (has_type (object, "Choice"))
    {
      /* The first item of a Choice is the default. */
      JsonNode *items = json_object_get_member (object, "items");

      if (items != NULL && JSON_NODE_HOLDS_ARRAY (items) &&
          json_array_get_length (json_node_get_array (items)) > 0)
        parse_body (json_array_get_element (json_node_get_array (items), 0), body, depth + 1);
      return;
    }
  value = get_string (object, "value");
  purpose = get_string (object, "purpose");
  if (value != NULL)
    {
      VeraStatus status;

      if (g_strcmp0 (purpose, "tagging") == 0 && vera_status_from_string (value, &status))
        {
          body->status = status;
          body->has_status = TRUE;
        }
      else if (g_strcmp0 (purpose, "tagging") != 0)
        add_note (body, value);
      return;
    }
  value = get_string (object, "id");
  if (value == NULL)
    value = get_string (object, "source");
  if (vera_report_is_web_url (value))
    g_ptr_array_add (body->urls, g_strdup (value));
}

static gboolean
same_source (const char *a,
             const char *b)
{
  gsize la, lb;

  if (a == NULL || b == NULL)
    return FALSE;
  if (strcmp (a, b) == 0)
    return TRUE;
  /* Ignore a fragment and a trailing slash. */
  la = strcspn (a, "#");
  lb = strcspn (b, "#");
  if (la > 0 && a[la - 1] == '/')
    la--;
  if (lb > 0 && b[lb - 1] == '/')
    lb--;
  return la == lb && strncmp (a, b, la) == 0;
}

static VeraArticle *
find_article (VeraProject *project,
              const char  *source)
{
  GListModel *articles = vera_project_get_articles (project);
  guint n = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      g_autofree char *uri = vera_export_dup_source_uri (article);

      if (same_source (source, vera_article_get_source (article)) || same_source (source, uri))
        return article;
    }
  if (n == 1)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, 0);

      return article;
    }
  return NULL;
}

/* How many bytes of @context agree with the text next to a match, walking away from it. */
static gsize
context_score (const char *text,
               gsize       text_length,
               gsize       at,
               const char *context,
               gboolean    before)
{
  gsize length;
  gsize n = 0;

  if (context == NULL)
    return 0;
  length = strlen (context);
  if (before)
    {
      while (n < length && n < at && text[at - 1 - n] == context[length - 1 - n])
        n++;
    }
  else
    {
      while (n < length && at + n < text_length && text[at + n] == context[n])
        n++;
    }
  return n;
}

typedef struct
{
  gboolean found;
  gsize    at;
  gsize    score;
  gsize    distance;
} Match;

static Match
search (const char *text,
        gsize       text_length,
        gsize       from,
        gsize       to,
        const char *exact,
        const Target *target,
        gsize       hint)
{
  gsize exact_length = strlen (exact);
  Match best = { FALSE, 0, 0, 0 };
  guint seen = 0;
  const char *p = text + from;
  const char *limit = text + MIN (to, text_length);

  while (p < limit && seen++ < MAX_OCCURRENCES)
    {
      const char *hit = g_strstr_len (p, limit - p, exact);
      Match match;

      if (hit == NULL || hit + exact_length > text + text_length)
        break;
      match.found = TRUE;
      match.at = hit - text;
      match.score = context_score (text, text_length, match.at, target->prefix, TRUE) +
                    context_score (text, text_length, match.at + exact_length, target->suffix,
                                   FALSE);
      match.distance = match.at > hint ? match.at - hint : hint - match.at;
      if (!best.found || match.score > best.score ||
          (match.score == best.score && match.distance < best.distance))
        best = match;
      p = g_utf8_next_char (hit);
    }
  return best;
}

/* Finds the span; sets @moved when the positions were stale and the quote was found elsewhere. */
static gboolean
anchor (VeraArticle  *article,
        const Target *target,
        guint        *start,
        guint        *end,
        gboolean     *moved)
{
  guint n_chars = vera_article_get_n_chars (article);
  const char *text = vera_article_get_text (article);
  gsize text_length = vera_article_get_text_length (article);
  gsize hint = 0;
  gsize exact_length;
  gsize full_score;
  Match match;

  *moved = FALSE;
  if (target->has_position && target->end <= n_chars)
    {
      g_autofree char *slice = vera_article_dup_slice (article, target->start, target->end);

      if (target->exact == NULL || strcmp (slice, target->exact) == 0)
        {
          *start = target->start;
          *end = target->end;
          return TRUE;
        }
    }
  if (target->exact == NULL || target->exact[0] == '\0' ||
      !g_utf8_validate (target->exact, -1, NULL))
    return FALSE;

  exact_length = strlen (target->exact);
  full_score = (target->prefix ? strlen (target->prefix) : 0) +
               (target->suffix ? strlen (target->suffix) : 0);
  if (target->has_position)
    hint = vera_article_char_to_byte (article, MIN (target->start, (gint64) n_chars));

  /* Near the old position first; a match there wins only with its whole context intact, since a
   * short quote can occur many times. */
  match.found = FALSE;
  if (target->has_position)
    {
      gsize from = hint > NEAR_WINDOW ? hint - NEAR_WINDOW : 0;

      while (from > 0 && (text[from] & 0xc0) == 0x80)
        from--;
      match = search (text, text_length, from, hint + NEAR_WINDOW + exact_length, target->exact,
                      target, hint);
      if (match.found && match.score < full_score)
        match.found = FALSE;
    }
  if (!match.found)
    match = search (text, text_length, 0, text_length, target->exact, target, hint);
  if (!match.found)
    return FALSE;

  *start = vera_article_byte_to_char (article, match.at);
  *end = *start + g_utf8_strlen (target->exact, exact_length);
  *moved = target->has_position;
  return TRUE;
}

static VeraClaim *
find_claim (VeraArticle *article,
            guint        start,
            guint        end)
{
  GListModel *claims = vera_article_get_claims (article);
  guint n = g_list_model_get_n_items (claims);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);

      if (vera_claim_get_start (claim) == start && vera_claim_get_end (claim) == end)
        return claim;
    }
  return NULL;
}

static VeraClaim *
create_claim (VeraProject *project,
              VeraArticle *article,
              guint        start,
              guint        end)
{
  guint n_chars = vera_article_get_n_chars (article);
  g_autofree char *text = vera_article_dup_slice (article, start, end);
  g_autofree char *prefix = vera_article_dup_slice (article,
                                                    start > CONTEXT_CHARS ? start - CONTEXT_CHARS : 0,
                                                    start);
  g_autofree char *suffix = vera_article_dup_slice (article, end,
                                                    MIN (end + CONTEXT_CHARS, n_chars));
  g_autofree char *id = NULL;
  VeraClaim *claim;

  for (guint i = 1; id == NULL || vera_project_find_claim (project, id) != NULL; i++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-w%u", vera_article_get_id (article), i);
    }
  claim = vera_claim_new (id, start, end, text);
  vera_claim_set_context (claim, prefix, suffix);
  vera_claim_set_kinds (claim, VERA_CLAIM_KIND_OTHER);
  vera_article_add_claim (article, claim);
  /* The article holds the claim now; the caller borrows it. */
  g_object_unref (claim);
  return claim;
}

static int
compare_claims (gconstpointer a,
                gconstpointer b)
{
  VeraClaim *x = *(VeraClaim **) a;
  VeraClaim *y = *(VeraClaim **) b;

  if (vera_claim_get_start (x) != vera_claim_get_start (y))
    return vera_claim_get_start (x) < vera_claim_get_start (y) ? -1 : 1;
  if (vera_claim_get_end (x) != vera_claim_get_end (y))
    return vera_claim_get_end (x) < vera_claim_get_end (y) ? -1 : 1;
  return 0;
}

/* Claims are kept in text order; new ones were appended. */
static void
sort_claims (gpointer key,
             gpointer value,
             gpointer user_data)
{
  VeraArticle *article = key;
  GListModel *claims = vera_article_get_claims (article);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    g_ptr_array_add (sorted, g_list_model_get_item (claims, i));
  g_ptr_array_sort (sorted, compare_claims);
  vera_article_replace_analysis (article, sorted, NULL);
}

/* The assessing body Vera writes reads "Label: note"; keep the note. */
static const char *
strip_label (const char *note,
             VeraStatus  status)
{
  const char *labels[] = { vera_status_get_label (status), vera_status_to_string (status) };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gsize length = strlen (labels[i]);

      if (strncmp (note, labels[i], length) == 0)
        {
          if (note[length] == '\0')
            return "";
          if (note[length] == ':' && note[length + 1] == ' ')
            return note + length + 2;
        }
    }
  return note;
}

static void
apply_annotation (VeraProject               *project,
                  JsonObject                *annotation,
                  GHashTable                *touched,
                  VeraAnnotationImportStats *stats)
{
  Target target;
  Body body = { FALSE, VERA_STATUS_UNREVIEWED, NULL, NULL };
  VeraArticle *article;
  VeraClaim *claim;
  guint start, end;
  gboolean moved;
  const char *body_value;

  if (!parse_target (json_object_get_member (annotation, "target"), &target))
    {
      stats->skipped++;
      return;
    }
  article = find_article (project, target.source);
  /* A claim is text: a zero-length target (start = end) is never made into one. */
  if (article == NULL || !anchor (article, &target, &start, &end, &moved) || start >= end)
    {
      g_debug ("Annotation on %s could not be anchored", target.source);
      stats->unanchored++;
      return;
    }

  body.note = g_string_new (NULL);
  body.urls = g_ptr_array_new_with_free_func (g_free);
  body_value = get_string (annotation, "bodyValue");
  if (body_value != NULL)
    add_note (&body, body_value);
  parse_body (json_object_get_member (annotation, "body"), &body, 0);

  claim = find_claim (article, start, end);
  if (claim == NULL)
    {
      claim = create_claim (project, article, start, end);
      g_hash_table_add (touched, article);
      stats->created++;
    }
  if (body.has_status)
    vera_project_set_claim_status (project, claim, body.status);
  if (body.note->len > 0)
    {
      g_autofree char *clean = g_utf8_make_valid (body.note->str, body.note->len);
      const char *note = body.has_status ? strip_label (clean, body.status) : clean;

      vera_project_set_claim_note (project, claim, note);
    }
  for (guint i = 0; i < body.urls->len; i++)
    {
      const char *url = g_ptr_array_index (body.urls, i);
      GListModel *references = vera_claim_get_references (claim);
      gboolean known = FALSE;

      for (guint r = 0; r < g_list_model_get_n_items (references) && !known; r++)
        {
          g_autoptr(VeraReference) reference = g_list_model_get_item (references, r);

          known = g_strcmp0 (vera_reference_get_url (reference), url) == 0;
        }
      if (!known)
        {
          g_autoptr(VeraReference) reference = vera_reference_new (url);

          vera_project_add_reference (project, claim, reference);
        }
    }

  if (moved)
    stats->reanchored++;
  else
    stats->applied++;
  g_string_free (body.note, TRUE);
  g_ptr_array_unref (body.urls);
}

gboolean
vera_webannotation_anchor (VeraArticle *article,
                           JsonObject  *annotation,
                           guint       *start,
                           guint       *end)
{
  Target target;
  gboolean moved;

  g_return_val_if_fail (VERA_IS_ARTICLE (article), FALSE);
  g_return_val_if_fail (annotation != NULL, FALSE);
  g_return_val_if_fail (start != NULL && end != NULL, FALSE);

  return parse_target (json_object_get_member (annotation, "target"), &target) &&
         anchor (article, &target, start, end, &moved) && *start < *end;
}

/* Walks collections, pages, arrays and annotations. Returns how many annotations it met. */
static guint
walk (VeraProject               *project,
      JsonNode                  *node,
      GHashTable                *touched,
      VeraAnnotationImportStats *stats,
      guint                      depth)
{
  JsonObject *object;
  guint count = 0;

  if (node == NULL || depth > 8)
    return 0;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        count += walk (project, json_array_get_element (array, i), touched, stats, depth + 1);
      return count;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return 0;
  object = json_node_get_object (node);
  if (has_type (object, "AnnotationCollection"))
    return walk (project, json_object_get_member (object, "first"), touched, stats, depth + 1);
  if (has_type (object, "AnnotationPage"))
    {
      count = walk (project, json_object_get_member (object, "items"), touched, stats, depth + 1);
      /* An embedded next page (a link to one cannot be followed offline). */
      return count + walk (project, json_object_get_member (object, "next"), touched, stats,
                           depth + 1);
    }
  if (has_type (object, "Annotation") || json_object_has_member (object, "target"))
    {
      apply_annotation (project, object, touched, stats);
      return 1;
    }
  return 0;
}

gboolean
vera_webannotation_import (VeraProject               *project,
                           JsonNode                  *node,
                           VeraAnnotationImportStats *stats,
                           GError                   **error)
{
  VeraAnnotationImportStats local = { 0 };
  g_autoptr(GHashTable) touched = g_hash_table_new (NULL, NULL);
  guint count;

  g_return_val_if_fail (VERA_IS_PROJECT (project), FALSE);

  if (stats == NULL)
    stats = &local;
  memset (stats, 0, sizeof *stats);
  /* An empty file parses to no node at all: that holds no annotations either. */
  count = node != NULL ? walk (project, node, touched, stats, 0) : 0;
  g_hash_table_foreach (touched, sort_claims, NULL);
  if (g_hash_table_size (touched) > 0)
    vera_project_mark_changed (project);
  if (count == 0)
    {
      g_set_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_NOT_ANNOTATIONS,
                   _("No W3C Web Annotations found: expected an Annotation, an "
                     "AnnotationCollection, an AnnotationPage or an array of annotations"));
      return FALSE;
    }
  return TRUE;
}
