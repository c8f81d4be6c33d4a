/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-plausibility"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vera-claims-resources.h"
#include "vera-reference-table-private.h"

/* The table made by tools/make-reference-table.py (format described there). */
#define REFERENCE_RESOURCE "/io/github/verafact/Vera/core/analysis/reference-table.tsv"

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

static void
place_free (Place *place)
{
  g_free (place->id);
  g_free (place->name);
  g_free (place->name_de);
  g_free (place->name_zh);
  g_ptr_array_unref (place->figures);
  g_free (place);
}

Table *
vera_ref_table_new (void)
{
  Table *t = g_new0 (Table, 1);

  t->places = g_ptr_array_new_with_free_func ((GDestroyNotify) place_free);
  t->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  t->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  t->countries = g_hash_table_new (g_str_hash, g_str_equal);
  t->divisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return t;
}

void
vera_ref_table_free (Table *t)
{
  if (t == NULL)
    return;
  g_hash_table_unref (t->by_name);
  g_hash_table_unref (t->by_id);
  g_hash_table_unref (t->countries);
  g_hash_table_unref (t->divisions);
  g_ptr_array_unref (t->places);
  g_free (t);
}

Place *
vera_ref_table_add_place (Table      *t,
                          const char *id,
                          const char *name,
                          PlaceKind   kind,
                          const char *iso2)
{
  Place *place = g_new0 (Place, 1);

  place->id = g_strdup (id);
  place->name = g_strdup (name);
  place->kind = kind;
  g_strlcpy (place->iso2, iso2 != NULL ? iso2 : "", sizeof place->iso2);
  place->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_reference_figure_free);
  g_ptr_array_add (t->places, place);
  g_hash_table_replace (t->by_id, place->id, place);
  if (kind == PLACE_COUNTRY)
    g_hash_table_replace (t->countries, place->iso2, place);
  return place;
}

void
vera_ref_table_add_name (Table      *t,
                         const char *name,
                         gssize      len,
                         Place      *place)
{
  g_autofree char *key = g_utf8_casefold (name, len);
  GPtrArray *candidates = g_hash_table_lookup (t->by_name, key);

  if (key[0] == '\0')
    return;
  if (candidates == NULL)
    {
      candidates = g_ptr_array_new ();
      g_hash_table_insert (t->by_name, g_steal_pointer (&key), candidates);
    }
  if (!g_ptr_array_find (candidates, place, NULL))
    g_ptr_array_add (candidates, place);
}

/* ---- the shipped table ---- */

typedef struct
{
  char *source;
  char *url;   /* may hold "{id}" */
} Source;

static void
source_free (Source *s)
{
  g_free (s->source);
  g_free (s->url);
  g_free (s);
}

static char *
expand_url (const char *url,
            const char *ref)
{
  const char *hole = strstr (url, "{id}");

  if (hole == NULL)
    return g_strdup (url);
  if (ref == NULL || *ref == '\0')
    return g_strndup (url, hole - url);
  return g_strdup_printf ("%.*s%s%s", (int) (hole - url), url, ref, hole + 4);
}

static void
parse_line (Table       *t,
            GHashTable  *sources,
            Place      **current,
            char       **f,
            guint        n)
{
  if (n >= 4 && strcmp (f[0], "S") == 0)
    {
      Source *s = g_new0 (Source, 1);

      s->source = g_strdup (f[2]);
      s->url = g_strdup (f[3]);
      g_hash_table_replace (sources, g_strdup (f[1]), s);
    }
  else if (n >= 8 && strcmp (f[0], "P") == 0)
    {
      PlaceKind kind = strcmp (f[2], "country") == 0 ? PLACE_COUNTRY
                       : strcmp (f[2], "province") == 0 ? PLACE_PROVINCE : PLACE_CITY;
      Place *place = vera_ref_table_add_place (t, f[1], f[4], kind, f[3]);
      const char *p = f[7];

      place->name_de = *f[5] != '\0' ? g_strdup (f[5]) : NULL;
      place->name_zh = *f[6] != '\0' ? g_strdup (f[6]) : NULL;

      while (*p != '\0')
        {
          const char *bar = strchr (p, '|');
          gsize len = bar != NULL ? (gsize) (bar - p) : strlen (p);

          vera_ref_table_add_name (t, p, len, place);
          p += len + (bar != NULL ? 1 : 0);
        }
      *current = place;
    }
  else if (n >= 6 && strcmp (f[0], "F") == 0)
    {
      Place *place = *current != NULL && strcmp ((*current)->id, f[1]) == 0
                     ? *current : g_hash_table_lookup (t->by_id, f[1]);
      Source *s = g_hash_table_lookup (sources, f[3]);
      VeraReferenceFigure *figure;

      if (place == NULL || s == NULL)
        return;
      figure = g_new0 (VeraReferenceFigure, 1);
      figure->subject = g_strdup (place->name);
      figure->measure = g_strdup (f[2]);
      figure->year = atoi (f[4]);
      figure->value = g_ascii_strtod (f[5], NULL);
      figure->source = g_strdup (s->source);
      figure->url = expand_url (s->url, n >= 7 ? f[6] : NULL);
      g_ptr_array_add (place->figures, figure);
    }
  else if (n >= 3 && strcmp (f[0], "D") == 0)
    {
      g_autofree char *key = g_utf8_casefold (f[1], -1);
      const char *old = g_hash_table_lookup (t->divisions, key);
      char *codes = old != NULL ? g_strconcat (old, " ", f[2], NULL) : g_strdup (f[2]);

      g_hash_table_replace (t->divisions, g_steal_pointer (&key), codes);
    }
}

Table *
vera_ref_table_load (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resource_lookup_data (vera_claims_get_resource (),
                                                    REFERENCE_RESOURCE,
                                                    G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) source_free);
  Table *t = vera_ref_table_new ();
  Place *current = NULL;
  const char *data, *end;
  gsize size;

  if (bytes == NULL)
    {
      g_critical ("The built-in reference table could not be read: %s", error->message);
      return t;
    }
  data = g_bytes_get_data (bytes, &size);
  end = data + size;
  while (data < end)
    {
      const char *nl = memchr (data, '\n', end - data);
      gsize len = nl != NULL ? (gsize) (nl - data) : (gsize) (end - data);

      if (len > 0 && data[0] != '#')
        {
          g_autofree char *line = g_strndup (data, len);
          g_auto(GStrv) fields = g_strsplit (line, "\t", 9);

          parse_line (t, sources, &current, fields, g_strv_length (fields));
        }
      data += len + 1;
    }
  return t;
}

gboolean
vera_ref_table_add_figure (Table     *table,
                           JsonNode  *node,
                           guint      index,
                           GError   **error)
{
  JsonObject *obj;
  const char *subject, *source, *measure;
  VeraReferenceFigure *figure;
  g_autofree char *id = NULL;
  JsonNode *value;
  Place *place;

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
      measure == NULL || value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) == G_TYPE_STRING)
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

  id = g_utf8_casefold (subject, -1);
  place = g_hash_table_lookup (table->by_id, id);
  if (place == NULL)
    place = vera_ref_table_add_place (table, id, subject, PLACE_PROJECT, NULL);
  /* A figure of a known subject and measure replaces the older one. */
  for (guint i = 0; i < place->figures->len; i++)
    {
      VeraReferenceFigure *old = g_ptr_array_index (place->figures, i);

      if (g_ascii_strcasecmp (old->measure, measure) == 0)
        {
          g_ptr_array_remove_index (place->figures, i);
          break;
        }
    }
  g_ptr_array_add (place->figures, figure);
  vera_ref_table_add_name (table, subject, -1, place);
  if (json_object_has_member (obj, "aliases") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (obj, "aliases")))
    {
      JsonArray *aliases = json_object_get_array_member (obj, "aliases");

      for (guint i = 0; i < json_array_get_length (aliases); i++)
        {
          JsonNode *alias = json_array_get_element (aliases, i);

          if (JSON_NODE_HOLDS_VALUE (alias) && json_node_get_value_type (alias) == G_TYPE_STRING)
            vera_ref_table_add_name (table, json_node_get_string (alias), -1, place);
        }
    }
  return TRUE;
}

/* ---- figures of a place ---- */

gboolean
vera_ref_measure_matches (const VeraReferenceFigure *f,
                          Measure                    measure,
                          gboolean                   with_metro)
{
  switch (measure)
    {
    case MEASURE_POPULATION:
      return g_ascii_strcasecmp (f->measure, "population") == 0 ||
             (with_metro && g_ascii_strcasecmp (f->measure, "metro") == 0);
    case MEASURE_GDP:
      return g_ascii_strcasecmp (f->measure, "gdp") == 0;
    case MEASURE_AREA:
      return g_ascii_strcasecmp (f->measure, "area") == 0;
    case MEASURE_NONE:
    default:
      return FALSE;
    }
}

Measure
vera_ref_measure_from_name (const char *name)
{
  if (g_ascii_strcasecmp (name, "population") == 0)
    return MEASURE_POPULATION;
  if (g_ascii_strcasecmp (name, "gdp") == 0)
    return MEASURE_GDP;
  if (g_ascii_strcasecmp (name, "area") == 0)
    return MEASURE_AREA;
  return MEASURE_NONE;
}

gboolean
vera_ref_place_has (const Place *place,
                    Measure      measure)
{
  for (guint i = 0; i < place->figures->len; i++)
    if (vera_ref_measure_matches (g_ptr_array_index (place->figures, i), measure, TRUE))
      return TRUE;
  return FALSE;
}

/* The figure for @year (0: the latest); a series that does not reach within two years of
 * @year gives NULL. Figures without a year are the answer for any year. */
const VeraReferenceFigure *
vera_ref_place_figure (const Place *place,
                       Measure      measure,
                       int          year)
{
  const VeraReferenceFigure *best = NULL;

  for (guint i = 0; i < place->figures->len; i++)
    {
      const VeraReferenceFigure *f = g_ptr_array_index (place->figures, i);

      if (!vera_ref_measure_matches (f, measure, FALSE))
        continue;
      if (f->year == 0 && best == NULL)
        best = f;
      else if (f->year != 0 && year == 0 && (best == NULL || f->year > best->year))
        best = f;
      else if (f->year != 0 && year != 0 && abs (f->year - year) <= 2 &&
               (best == NULL || best->year == 0 || abs (f->year - year) < abs (best->year - year)))
        best = f;
    }
  return best;
}

double
vera_ref_place_size (const Place *place)
{
  double size = 0;

  for (guint i = 0; i < place->figures->len; i++)
    {
      const VeraReferenceFigure *f = g_ptr_array_index (place->figures, i);

      if (vera_ref_measure_matches (f, MEASURE_POPULATION, TRUE))
        size = MAX (size, f->value);
    }
  return size;
}
