/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-plausibility"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "vera-claims-resources.h"
#include "vera-plausibility.h"
#include "vera-quantity.h"
#include "vera-tokens.h"

/* How far above a reference count a figure may go before it cannot be true. */
#define GROWTH_MARGIN 0.10

#define REFERENCE_RESOURCE "/io/github/verafact/Vera/core/analysis/reference-figures.json"

/* Nouns that count the people of a place; a count of them cannot exceed its population. */
static const char * const people_nouns[] = {
  "adults", "children", "citizens", "dwellers", "households", "individuals", "inhabitants",
  "locals", "people", "persons", "population", "resident", "residents", "taxpayers", "voters", NULL
};

/* Words that stand for the city itself. */
static const char * const city_words[] = {
  "city", "city's", "city\xe2\x80\x99s", "metropolis", "municipality", NULL
};

/* The ones that stand for a city's people even when the sentence does not name the city. */
static const char * const resident_nouns[] = {
  "residents", "citizens", "inhabitants", "locals", "dwellers", "population", NULL
};

struct _VeraPlausibility
{
  GPtrArray  *figures;   /* VeraReferenceFigure */
  GHashTable *by_key;    /* "subject\037measure" → VeraReferenceFigure */
  GHashTable *by_name;   /* casefolded name or alias → canonical subject (owned) */
  guint8      initials[32];  /* bit set of the lower-cased first bytes of the names */
};

VeraReferenceFigure *
vera_reference_figure_copy (const VeraReferenceFigure *figure)
{
  VeraReferenceFigure *copy;

  g_return_val_if_fail (figure != NULL, NULL);
  copy = g_memdup2 (figure, sizeof *figure);
  copy->subject = g_strdup (figure->subject);
  copy->measure = g_strdup (figure->measure);
  copy->source = g_strdup (figure->source);
  copy->url = g_strdup (figure->url);
  return copy;
}

void
vera_reference_figure_free (VeraReferenceFigure *figure)
{
  if (figure == NULL)
    return;
  g_free (figure->subject);
  g_free (figure->measure);
  g_free (figure->source);
  g_free (figure->url);
  g_free (figure);
}

void
vera_implausible_free (VeraImplausible *implausible)
{
  if (implausible == NULL)
    return;
  g_free (implausible->text);
  g_free (implausible->reason);
  vera_reference_figure_free (implausible->reference);
  g_free (implausible);
}

static char *
figure_key (const char *subject,
            const char *measure)
{
  g_autofree char *s = g_utf8_casefold (subject, -1);
  g_autofree char *m = g_utf8_casefold (measure, -1);

  return g_strdup_printf ("%s\037%s", s, m);
}

VeraPlausibility *
vera_plausibility_new (void)
{
  VeraPlausibility *self = g_new0 (VeraPlausibility, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  self->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_reference_figure_free);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  bytes = g_resource_lookup_data (vera_claims_get_resource (), REFERENCE_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL ||
      !vera_plausibility_add_json (self, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &error))
    g_critical ("The built-in reference figures could not be read: %s", error->message);
  return self;
}

void
vera_plausibility_free (VeraPlausibility *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_key);
  g_hash_table_unref (self->by_name);
  g_ptr_array_unref (self->figures);
  g_free (self);
}

static void
add_name (VeraPlausibility *self,
          const char       *name,
          const char       *subject)
{
  guchar c = (guchar) g_ascii_tolower (name[0]);

  self->initials[c / 8] |= 1 << (c % 8);
  g_hash_table_replace (self->by_name, g_utf8_casefold (name, -1), g_strdup (subject));
}

static gboolean
add_figure (VeraPlausibility *self,
            JsonNode         *node,
            guint             index,
            GError          **error)
{
  JsonObject *obj;
  const char *subject, *source, *measure;
  VeraReferenceFigure *figure, *old;
  JsonNode *value;
  char *key;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Reference figure %u is not a JSON object"), index + 1);
      return FALSE;
    }
  obj = json_node_get_object (node);
  subject = json_object_get_string_member_with_default (obj, "subject", NULL);
  source = json_object_get_string_member_with_default (obj, "source", NULL);
  measure = json_object_get_string_member_with_default (obj, "measure", "population");
  value = json_object_get_member (obj, "value");
  if (subject == NULL || *subject == '\0' || source == NULL || *source == '\0' ||
      measure == NULL || value == NULL || json_node_get_value_type (value) == G_TYPE_STRING ||
      !JSON_NODE_HOLDS_VALUE (value))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Reference figure %u needs a “subject”, a numeric “value” and a “source”"),
                   index + 1);
      return FALSE;
    }

  figure = g_new0 (VeraReferenceFigure, 1);
  figure->subject = g_strdup (subject);
  figure->measure = g_strdup (measure);
  figure->value = json_node_get_double (value);
  figure->year = (int) json_object_get_int_member_with_default (obj, "year", 0);
  figure->source = g_strdup (source);
  figure->url = g_strdup (json_object_get_string_member_with_default (obj, "url", NULL));
  if (!isfinite (figure->value) || figure->value <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Reference figure %u (%s) has a value that is not a positive number"),
                   index + 1, subject);
      vera_reference_figure_free (figure);
      return FALSE;
    }

  key = figure_key (subject, measure);
  old = g_hash_table_lookup (self->by_key, key);
  if (old != NULL)
    g_ptr_array_remove (self->figures, old);
  g_ptr_array_add (self->figures, figure);
  g_hash_table_replace (self->by_key, key, figure);
  add_name (self, subject, subject);
  if (json_object_has_member (obj, "aliases") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "aliases")))
    {
      JsonArray *aliases = json_object_get_array_member (obj, "aliases");

      for (guint i = 0; i < json_array_get_length (aliases); i++)
        {
          JsonNode *alias = json_array_get_element (aliases, i);

          if (JSON_NODE_HOLDS_VALUE (alias) && json_node_get_value_type (alias) == G_TYPE_STRING)
            add_name (self, json_node_get_string (alias), subject);
        }
    }
  return TRUE;
}

gboolean
vera_plausibility_add_node (VeraPlausibility *self,
                            JsonNode         *node,
                            GError          **error)
{
  JsonArray *figures = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (JSON_NODE_HOLDS_ARRAY (node))
    figures = json_node_get_array (node);
  else if (JSON_NODE_HOLDS_OBJECT (node) &&
           json_object_has_member (json_node_get_object (node), "figures") &&
           JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "figures")))
    figures = json_object_get_array_member (json_node_get_object (node), "figures");
  if (figures == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Reference figures must be a JSON array or an object with a “figures” array"));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (figures); i++)
    if (!add_figure (self, json_array_get_element (figures, i), i, error))
      return FALSE;
  return TRUE;
}

gboolean
vera_plausibility_add_json (VeraPlausibility *self,
                            const char       *data,
                            gssize            length,
                            GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;
  return vera_plausibility_add_node (self, json_parser_get_root (parser), error);
}

const VeraReferenceFigure *
vera_plausibility_lookup (VeraPlausibility *self,
                          const char       *subject,
                          const char       *measure)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  const char *canonical;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (subject != NULL && measure != NULL, NULL);

  name = g_utf8_casefold (subject, -1);
  canonical = g_hash_table_lookup (self->by_name, name);
  if (canonical == NULL)
    return NULL;
  key = figure_key (canonical, measure);
  return g_hash_table_lookup (self->by_key, key);
}

/* The known subject named at token @i ("New York City", "Shanghai's"), with the number of
 * tokens it spans. */
static const char *
subject_at (VeraPlausibility *self,
            const char       *text,
            const GArray     *tokens,
            guint             i,
            guint            *n_tokens)
{
  const VeraToken *first = vera_tokens_get (tokens, i);

  guchar c;

  if (first->kind != VERA_TOKEN_WORD || !(first->flags & VERA_TOKEN_CAPITAL))
    return NULL;
  /* Most capitalised words start with a letter no known name starts with. */
  c = (guchar) g_ascii_tolower (text[first->start]);
  if (!(self->initials[c / 8] & (1 << (c % 8))))
    return NULL;
  for (guint n = MIN (3, tokens->len - i); n > 0; n--)
    {
      const VeraToken *last = vera_tokens_get (tokens, i + n - 1);
      gsize end = last->end;
      g_autofree char *folded = NULL;
      g_autoptr(GString) joined = g_string_new (NULL);
      const char *subject;

      if (vera_token_has_suffix (text, last, "'s"))
        end -= 2;
      else if (vera_token_has_suffix (text, last, "\xe2\x80\x99s"))
        end -= 4;
      for (guint k = 0; k < n; k++)
        {
          const VeraToken *t = vera_tokens_get (tokens, i + k);

          if (t->kind != VERA_TOKEN_WORD)
            break;
          if (k > 0)
            g_string_append_c (joined, ' ');
          g_string_append_len (joined, text + t->start, (k == n - 1 ? end : t->end) - t->start);
        }
      folded = g_utf8_casefold (joined->str, -1);
      subject = g_hash_table_lookup (self->by_name, folded);
      if (subject != NULL)
        {
          *n_tokens = n;
          return subject;
        }
    }
  return NULL;
}

const char *
vera_plausibility_guess_subject (VeraPlausibility *self,
                                 const char       *text,
                                 gsize             length)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GHashTable) counts = NULL;
  const char *best = NULL;
  guint best_count = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  tokens = vera_tokens_split (text, length);
  counts = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < tokens->len; i++)
    {
      guint n = 1;
      const char *subject = subject_at (self, text, tokens, i, &n);
      guint count;

      if (subject == NULL)
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, subject)) + 1;
      g_hash_table_insert (counts, (gpointer) subject, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best_count = count;
          best = subject;
        }
      i += n - 1;
    }
  if (best == NULL)
    return NULL;
  /* Return a string owned by the table, not by this call. */
  {
    g_autofree char *folded = g_utf8_casefold (best, -1);

    return g_hash_table_lookup (self->by_name, folded);
  }
}

static char *
format_count (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", value);
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0 && g_ascii_isdigit (digits[i - 1]))
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static const char *
last_word (const char *phrase,
           gsize      *len)
{
  const char *space = strrchr (phrase, ' ');
  const char *w = space != NULL ? space + 1 : phrase;

  *len = strlen (w);
  return w;
}

static gboolean
word_in (const char         *w,
         gsize               len,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (vera_word_equal (w, len, list[i]))
      return TRUE;
  return FALSE;
}

/* The subject named within a few tokens of [@first, @last], or NULL. */
static const char *
nearby_subject (VeraPlausibility *self,
                const char       *text,
                const GArray     *tokens,
                guint             first,
                guint             last)
{
  const char *best = NULL;
  guint best_dist = G_MAXUINT;

  for (guint i = first > 8 ? first - 8 : 0; i < tokens->len && i <= last + 8; i++)
    {
      guint n = 1;
      const char *subject = subject_at (self, text, tokens, i, &n);
      guint dist;

      if (subject == NULL)
        continue;
      dist = i < first ? first - i : i > last ? i - last : 0;
      if (dist < best_dist)
        {
          best_dist = dist;
          best = subject;
        }
      i += n - 1;
    }
  return best;
}

/* "Shanghainese", "Londoners", "Tokyoites": a word that starts with a known place's name and
 * goes on names its people. */
static const char *
demonym_subject (VeraPlausibility *self,
                 const char       *word,
                 gsize             len)
{
  if (len < 6 || len > 40)
    return NULL;
  for (gsize n = len - 2; n >= 4; n--)
    {
      g_autofree char *prefix = g_utf8_casefold (word, n);
      const char *subject = g_hash_table_lookup (self->by_name, prefix);

      if (subject != NULL && len - n >= 2 && len - n <= 5)
        return subject;
    }
  return NULL;
}

static gboolean
mentions_city (const char   *text,
               const GArray *tokens)
{
  return vera_tokens_contain (text, tokens, city_words, VERA_LEXICON_SIZE (city_words));
}

GPtrArray *
vera_plausibility_check (VeraPlausibility *self,
                         const char       *sentence,
                         gsize             length,
                         const GPtrArray  *quantities,
                         const char       *default_subject)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_implausible_free);
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (self != NULL, result);
  g_return_val_if_fail (sentence != NULL || length == 0, result);

  if (quantities == NULL || quantities->len == 0)
    return result;
  tokens = vera_tokens_split (sentence, length);

  for (guint qi = 0; qi < quantities->len; qi++)
    {
      const VeraQuantity *q = g_ptr_array_index (quantities, qi);
      double top = isnan (q->value_to) ? q->value : MAX (q->value, q->value_to);
      guint first = 0, last = 0;
      guint q_start = q->start;
      guint q_end = q->end;
      const char *subject;
      const VeraReferenceFigure *ref = NULL;
      VeraImplausible *finding = NULL;

      if (q->unit == NULL)
        continue;
      while (first < tokens->len && vera_tokens_get (tokens, first)->cp_end <= q_start)
        first++;
      last = first;
      while (last + 1 < tokens->len && vera_tokens_get (tokens, last + 1)->cp_start < q_end)
        last++;
      if (first >= tokens->len)
        continue;

      subject = nearby_subject (self, sentence, tokens, first, last);

      if (g_str_equal (q->unit, "count") && q->noun != NULL)
        {
          gsize len;
          const char *head = last_word (q->noun, &len);

          const char *demonym_of = demonym_subject (self, head, len);

          if (demonym_of != NULL)
            subject = demonym_of;
          else if (!word_in (head, len, people_nouns))
            continue;
          if (subject == NULL && default_subject != NULL &&
              (word_in (head, len, resident_nouns) || mentions_city (sentence, tokens)))
            subject = default_subject;
          if (subject == NULL)
            continue;
          ref = vera_plausibility_lookup (self, subject, "population");
          /* Populations grow and censuses age: only a figure well above the reference
           * cannot be true. */
          if (ref == NULL || top <= ref->value * (1.0 + GROWTH_MARGIN))
            continue;
          finding = g_new0 (VeraImplausible, 1);
          {
            g_autofree char *pop = format_count (ref->value);

            finding->reason = g_strdup_printf (_("%s is more than the whole population of %s: "
                                                 "%s in %d (%s)."),
                                               q->text, ref->subject, pop, ref->year, ref->source);
          }
        }
      else if (g_str_equal (q->unit, "percent") && top > 100 && last + 1 < tokens->len &&
               vera_token_is (sentence, vera_tokens_get (tokens, last + 1), "of"))
        {
          guint k = last + 2;
          gboolean people = FALSE;

          for (; k < tokens->len && k < last + 6; k++)
            {
              const VeraToken *t = vera_tokens_get (tokens, k);

              if (vera_token_in_sorted (sentence, t, people_nouns, VERA_LEXICON_SIZE (people_nouns)))
                {
                  people = TRUE;
                  break;
                }
            }
          if (!people)
            continue;
          if (subject == NULL)
            subject = default_subject;
          ref = subject != NULL ? vera_plausibility_lookup (self, subject, "population") : NULL;
          finding = g_new0 (VeraImplausible, 1);
          finding->reason = g_strdup_printf (_("%s of a population is more than all of it."),
                                             q->text);
        }
      if (finding == NULL)
        continue;
      finding->quantity = qi;
      finding->text = g_strdup (q->text);
      finding->start = q->start;
      finding->end = q->end;
      finding->reference = ref != NULL ? vera_reference_figure_copy (ref) : NULL;
      g_ptr_array_add (result, finding);
    }
  return result;
}

gboolean
vera_plausibility_lexicons_sorted (void)
{
  return vera_lexicon_is_sorted (people_nouns) &&
         vera_lexicon_is_sorted (city_words);
}
