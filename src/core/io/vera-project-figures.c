/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project-figures"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "vera-project-figure.h"
#include "vera-project-io.h"

/* A project's own reference figures, read from its settings or from a file of reference
 * figures (vera-check analyze --reference-figures), and written back in the same shape. */

#define MAX_YEAR 9999

static gboolean
fail (GError     **error,
      const char  *where,
      guint        index,
      const char  *key,
      const char  *expected)
{
  g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
               /* Translators: the first %s says where ("settings" or a file name), %u counts
                * the reference figures from 1, the next %s is a JSON key such as "value" and
                * the last what it must be, such as "a number above zero" */
               _("%s, reference figure %u: “%s” must be %s"), where, index + 1, key, expected);
  return FALSE;
}

static gboolean
read_string (JsonObject  *object,
             const char  *key,
             gboolean     required,
             const char  *where,
             guint        index,
             const char **out,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return required ? fail (error, where, index, key, _("a text that is not empty")) : TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_utf8_validate (json_node_get_string (node), -1, NULL))
    return fail (error, where, index, key, _("a text"));
  *out = json_node_get_string (node);
  if (required && **out == '\0')
    return fail (error, where, index, key, _("a text that is not empty"));
  return TRUE;
}

static gboolean
read_aliases (JsonObject  *object,
              const char  *where,
              guint        index,
              GStrvBuilder *aliases,
              GError     **error)
{
  JsonNode *node = json_object_get_member (object, "aliases");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, where, index, "aliases", _("a list of names"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *alias = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (alias) || json_node_get_value_type (alias) != G_TYPE_STRING ||
          !g_utf8_validate (json_node_get_string (alias), -1, NULL) ||
          *json_node_get_string (alias) == '\0')
        return fail (error, where, index, "aliases", _("a list of names"));
      g_strv_builder_add (aliases, json_node_get_string (alias));
    }
  return TRUE;
}

static gboolean
is_web_url (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0);
}

static VeraProjectFigure *
read_figure (JsonNode    *node,
             const char  *where,
             guint        index,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) aliases = NULL;
  const char *subject, *measure, *source, *url;
  JsonObject *object;
  JsonNode *value, *year;
  double number, year_number = 0;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   /* Translators: %s says where ("settings" or a file name), %u counts from 1 */
                   _("%s, reference figure %u: not a JSON object"), where, index + 1);
      return NULL;
    }
  object = json_node_get_object (node);
  if (!read_string (object, "subject", TRUE, where, index, &subject, error) ||
      !read_string (object, "measure", FALSE, where, index, &measure, error) ||
      !read_string (object, "source", TRUE, where, index, &source, error) ||
      !read_string (object, "url", FALSE, where, index, &url, error) ||
      !read_aliases (object, where, index, builder, error))
    return NULL;
  if (measure == NULL || *measure == '\0')
    measure = "population";

  value = json_object_get_member (object, "value");
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      (json_node_get_value_type (value) != G_TYPE_DOUBLE &&
       json_node_get_value_type (value) != G_TYPE_INT64))
    return fail (error, where, index, "value", _("a number above zero")), NULL;
  number = json_node_get_double (value);
  if (!isfinite (number) || number <= 0)
    return fail (error, where, index, "value", _("a number above zero")), NULL;

  year = json_object_get_member (object, "year");
  if (year != NULL && !JSON_NODE_HOLDS_NULL (year))
    {
      if (!JSON_NODE_HOLDS_VALUE (year) ||
          (json_node_get_value_type (year) != G_TYPE_INT64 &&
           json_node_get_value_type (year) != G_TYPE_DOUBLE))
        return fail (error, where, index, "year", _("a year such as 2023")), NULL;
      year_number = json_node_get_double (year);
      if (!(year_number >= 1 && year_number <= MAX_YEAR) || year_number != floor (year_number))
        return fail (error, where, index, "year", _("a year such as 2023")), NULL;
    }
  if (url != NULL && *url != '\0' && !is_web_url (url))
    return fail (error, where, index, "url", _("an http or https address")), NULL;

  aliases = g_strv_builder_end (builder);
  return vera_project_figure_new (subject, (const char * const *) aliases, measure, number,
                                  (int) year_number, source, url);
}

GPtrArray *
vera_project_figures_from_json (JsonNode    *node,
                                const char  *where,
                                GError     **error)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (where != NULL, NULL);

  if (JSON_NODE_HOLDS_ARRAY (node))
    array = json_node_get_array (node);
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonNode *member = json_object_get_member (json_node_get_object (node), "figures");

      if (member != NULL && JSON_NODE_HOLDS_ARRAY (member))
        array = json_node_get_array (member);
    }
  if (array == NULL)
    {
      g_set_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE,
                   /* Translators: %s says where ("settings" or a file name) */
                   _("%s: reference figures must be a JSON array, or an object with a "
                     "“figures” array"), where);
      return NULL;
    }
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      VeraProjectFigure *figure = read_figure (json_array_get_element (array, i), where, i, error);

      if (figure == NULL)
        return NULL;
      g_ptr_array_add (figures, figure);
    }
  return g_steal_pointer (&figures);
}

JsonNode *
vera_project_figures_to_json (GListModel *figures)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (G_IS_LIST_MODEL (figures), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (figures); i++)
    {
      g_autoptr(VeraProjectFigure) figure = g_list_model_get_item (figures, i);
      const char * const *aliases = vera_project_figure_get_aliases (figure);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "subject");
      json_builder_add_string_value (builder, vera_project_figure_get_subject (figure));
      if (aliases[0] != NULL)
        {
          json_builder_set_member_name (builder, "aliases");
          json_builder_begin_array (builder);
          for (guint j = 0; aliases[j] != NULL; j++)
            json_builder_add_string_value (builder, aliases[j]);
          json_builder_end_array (builder);
        }
      json_builder_set_member_name (builder, "measure");
      json_builder_add_string_value (builder, vera_project_figure_get_measure (figure));
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, vera_project_figure_get_value (figure));
      if (vera_project_figure_get_year (figure) != VERA_PROJECT_FIGURE_NO_YEAR)
        {
          json_builder_set_member_name (builder, "year");
          json_builder_add_int_value (builder, vera_project_figure_get_year (figure));
        }
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, vera_project_figure_get_source (figure));
      if (vera_project_figure_get_url (figure) != NULL)
        {
          json_builder_set_member_name (builder, "url");
          json_builder_add_string_value (builder, vera_project_figure_get_url (figure));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}
