/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/tree.h>

#include "vera-html-dom.h"
#include "vera-net-private.h"
#include "vera-page-meta.h"
#include "vera-page-meta-collected.h"

/* ---- JSON-LD ---------------------------------------------------------------------------- */

static gboolean
type_matches (JsonObject *obj,
              gboolean  (*pred) (const char *))
{
  JsonNode *t = json_object_get_member (obj, "@type");

  if (t == NULL)
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (t) && json_node_get_value_type (t) == G_TYPE_STRING)
    return pred (json_node_get_string (t));
  if (JSON_NODE_HOLDS_ARRAY (t))
    {
      JsonArray *a = json_node_get_array (t);

      for (guint i = 0; i < json_array_get_length (a); i++)
        {
          JsonNode *e = json_array_get_element (a, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING &&
              pred (json_node_get_string (e)))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_article_type (const char *type)
{
  return strstr (type, "Article") != NULL || strstr (type, "Posting") != NULL ||
         g_str_equal (type, "Report") || g_str_equal (type, "APIReference");
}

static gboolean
is_page_type (const char *type)
{
  return g_str_has_suffix (type, "WebPage") || g_str_equal (type, "Blog");
}

static char *
json_string_member (JsonObject *obj,
                    const char *name)
{
  JsonNode *n = json_object_get_member (obj, name);

  if (n == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    return vera_page_meta_fold_space (json_node_get_string (n));
  if (JSON_NODE_HOLDS_ARRAY (n) && json_array_get_length (json_node_get_array (n)) > 0)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (n), 0);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        return vera_page_meta_fold_space (json_node_get_string (e));
    }
  return NULL;
}

/* The name of a Person/Organization node, a plain string, or the names of an array of them.
 * A node that only points to another by "@id" (as WordPress/Yoast graphs do) is looked up. */
static char *
json_names (VeraPageMetaCollected *c,
            JsonNode  *n)
{
  if (n == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING)
    {
      const char *s = json_node_get_string (n);

      /* A bare URL names nobody readable. */
      if (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"))
        return NULL;
      return vera_page_meta_fold_space (s);
    }
  if (JSON_NODE_HOLDS_OBJECT (n))
    {
      JsonObject *obj = json_node_get_object (n);
      char *name = json_string_member (obj, "name");
      g_autofree char *id = NULL;

      if (name != NULL || c->ld_ids == NULL)
        return name;
      id = json_string_member (obj, "@id");
      obj = id != NULL ? g_hash_table_lookup (c->ld_ids, id) : NULL;
      return obj != NULL ? json_string_member (obj, "name") : NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (n))
    {
      JsonArray *a = json_node_get_array (n);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < json_array_get_length (a) && i < 20; i++)
        {
          char *name = json_names (c, json_array_get_element (a, i));

          if (name != NULL)
            g_ptr_array_add (names, name);
        }
      if (names->len == 0)
        return NULL;
      g_ptr_array_add (names, NULL);
      return g_strjoinv (", ", (char **) names->pdata);
    }
  return NULL;
}

static void
take_ld_object (VeraPageMetaCollected  *c,
                JsonObject *obj,
                gboolean    article)
{
  if (article && !c->ld_is_article)
    {
      /* An article outranks a page description met earlier. */
      g_clear_pointer (&c->ld_title, g_free);
      g_clear_pointer (&c->ld_author, g_free);
      g_clear_pointer (&c->ld_date, g_free);
      g_clear_pointer (&c->ld_description, g_free);
      c->ld_is_article = TRUE;
    }
  else if (!article && c->ld_is_article)
    return;

  vera_page_meta_take_first (&c->ld_title, json_string_member (obj, "headline"));
  vera_page_meta_take_first (&c->ld_title, json_string_member (obj, "name"));
  vera_page_meta_take_first (&c->ld_author, json_names (c, json_object_get_member (obj, "author")));
  vera_page_meta_take_first (&c->ld_author, json_names (c, json_object_get_member (obj, "creator")));
  vera_page_meta_take_first (&c->ld_publisher, json_names (c, json_object_get_member (obj, "publisher")));
  vera_page_meta_take_first (&c->ld_date, json_string_member (obj, "datePublished"));
  vera_page_meta_take_first (&c->ld_date, json_string_member (obj, "dateCreated"));
  vera_page_meta_take_first (&c->ld_description, json_string_member (obj, "description"));
}

/* Indexes the nodes of a JSON-LD block by "@id" so references to them can be followed. */
static void
index_ld_ids (GHashTable *ids,
              JsonNode   *node,
              guint       depth)
{
  if (node == NULL || depth > VERA_JSON_MAX_DEPTH)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a); i++)
        index_ld_ids (ids, json_array_get_element (a, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      JsonNode *id = json_object_get_member (obj, "@id");
      g_autoptr(GList) members = json_object_get_values (obj);

      /* Only nodes that say something besides their id are worth finding. */
      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) &&
          json_node_get_value_type (id) == G_TYPE_STRING && json_object_get_size (obj) > 1 &&
          !g_hash_table_contains (ids, json_node_get_string (id)))
        g_hash_table_insert (ids, (gpointer) json_node_get_string (id), obj);
      for (GList *l = members; l != NULL; l = l->next)
        index_ld_ids (ids, l->data, depth + 1);
    }
}

static void
walk_ld (VeraPageMetaCollected *c,
         JsonNode  *node,
         guint      depth)
{
  if (node == NULL || depth > 8)
    return;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *a = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (a) && i < 200; i++)
        walk_ld (c, json_array_get_element (a, i), depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);

      if (type_matches (obj, is_article_type))
        take_ld_object (c, obj, TRUE);
      else if (type_matches (obj, is_page_type))
        take_ld_object (c, obj, FALSE);
      walk_ld (c, json_object_get_member (obj, "@graph"), depth + 1);
      walk_ld (c, json_object_get_member (obj, "mainEntity"), depth + 1);
    }
}

/* Scripts are often wrapped as "//<![CDATA[ … //]]>" for old XHTML parsers. */
static char *
unwrap_cdata (const char *text)
{
  const char *start = text;
  const char *open = strstr (text, "<![CDATA[");
  g_autofree char *copy = NULL;
  char *close;

  if (open == NULL)
    return g_strdup (text);
  start = open + strlen ("<![CDATA[");
  copy = g_strdup (start);
  close = g_strrstr (copy, "]]>");
  if (close != NULL)
    {
      *close = '\0';
      /* Drop a "//" that comments out the closing marker. */
      if (close - copy >= 2 && g_str_has_suffix (copy, "//"))
        copy[strlen (copy) - 2] = '\0';
    }
  return g_steal_pointer (&copy);
}

void
vera_page_meta_collect_jsonld (VeraPageMetaCollected *c,
                xmlNode   *script)
{
  g_autoptr(JsonParser) parser = NULL;
  xmlChar *text;

  if (++c->n_jsonld > MAX_JSONLD_BLOCKS)
    return;
  text = xmlNodeGetContent (script);
  if (text == NULL)
    return;
  if (strlen ((const char *) text) <= MAX_JSONLD_BYTES)
    {
      g_autofree char *json = unwrap_cdata ((const char *) text);

      parser = json_parser_new ();
      if (vera_json_depth_ok (json, strlen (json), VERA_JSON_MAX_DEPTH) &&
          json_parser_load_from_data (parser, json, -1, NULL))
        {
          c->ld_ids = g_hash_table_new (g_str_hash, g_str_equal);
          index_ld_ids (c->ld_ids, json_parser_get_root (parser), 0);
          walk_ld (c, json_parser_get_root (parser), 0);
          g_clear_pointer (&c->ld_ids, g_hash_table_unref);
        }
    }
  xmlFree (text);
}

void
vera_page_meta_collect_microdata (VeraPageMetaCollected *c,
                   xmlNode   *node)
{
  g_autofree char *value = NULL;

  if (vera_page_meta_attr_has_token (node, "itemprop", "datePublished"))
    {
      value = vera_page_meta_attr_folded (node, "datetime");
      if (value == NULL)
        value = vera_page_meta_attr_folded (node, "content");
      if (value != NULL && !g_hash_table_contains (c->props, "datepublished"))
        g_hash_table_insert (c->props, g_strdup ("datepublished"), g_steal_pointer (&value));
    }
  else if (vera_page_meta_attr_has_token (node, "itemprop", "headline") &&
           !g_hash_table_contains (c->props, "headline"))
    {
      value = vera_page_meta_node_text (node);
      if (value != NULL && g_utf8_strlen (value, -1) <= MAX_HEADLINE_CHARS)
        g_hash_table_insert (c->props, g_strdup ("headline"), g_steal_pointer (&value));
    }
}

