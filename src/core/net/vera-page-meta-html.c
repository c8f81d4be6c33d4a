/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "vera-html-dom.h"
#include "vera-net-private.h"
#include "vera-page-meta.h"
#include "vera-page-meta-collected.h"

static void
collected_clear (VeraPageMetaCollected *c)
{
  g_clear_pointer (&c->props, g_hash_table_unref);
  g_clear_pointer (&c->names, g_hash_table_unref);
  g_clear_pointer (&c->title, g_free);
  g_clear_pointer (&c->html_lang, g_free);
  g_clear_pointer (&c->canonical, g_free);
  g_clear_pointer (&c->rel_author, g_free);
  g_clear_pointer (&c->byline, g_free);
  g_clear_pointer (&c->time, g_free);
  g_clear_pointer (&c->ld_title, g_free);
  g_clear_pointer (&c->ld_author, g_free);
  g_clear_pointer (&c->ld_publisher, g_free);
  g_clear_pointer (&c->ld_date, g_free);
  g_clear_pointer (&c->ld_description, g_free);
}

/* Folds runs of white space (including NBSP) into one space and trims; caps the length. NULL
 * when nothing is left. */char *
vera_page_meta_fold_space (const char *text)
{
  g_autoptr(GString) out = NULL;
  gboolean space = FALSE;
  guint chars = 0;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0' && chars < MAX_FIELD_CHARS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x200B)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
      chars++;
    }
  if (out->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
vera_page_meta_take_first (char **slot,
            char  *value)
{
  if (*slot == NULL)
    *slot = value;
  else
    g_free (value);
}

static char *
get_attr (xmlNode    *node,
          const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *copy;

  if (v == NULL)
    return NULL;
  copy = g_strdup ((const char *) v);
  xmlFree (v);
  return copy;
}

char *
vera_page_meta_attr_folded (xmlNode    *node,
             const char *name)
{
  g_autofree char *v = get_attr (node, name);

  return vera_page_meta_fold_space (v);
}

char *
vera_page_meta_node_text (xmlNode *node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *folded = vera_page_meta_fold_space ((const char *) v);

  xmlFree (v);
  return folded;
}

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->name != NULL &&
         g_ascii_strcasecmp ((const char *) node->name, name) == 0;
}

/* "DC.Title", "dcterms:title", "og:title" → "dc:title", "dc:title", "og:title": vocabularies
 * spell their prefix separator as '.', ':' or '-'. */
static char *
normalize_meta_key (const char *token)
{
  char *key = g_ascii_strdown (token, -1);
  static const char * const dc_prefixes[] = { "dcterms", "dcterm", "dc" };

  /* "og:article:author" is "article:author" under a redundant prefix. */
  if (g_str_has_prefix (key, "og:article:"))
    memmove (key, key + 3, strlen (key + 3) + 1);

  for (guint i = 0; i < G_N_ELEMENTS (dc_prefixes); i++)
    {
      gsize n = strlen (dc_prefixes[i]);

      if (strncmp (key, dc_prefixes[i], n) == 0 && (key[n] == '.' || key[n] == ':'))
        {
          char *norm = g_strconcat ("dc:", key + n + 1, NULL);

          g_free (key);
          return norm;
        }
    }
  return key;
}

/* Pages double-escape entities in attributes more often than one would think
 * (content="&amp;quot;…"); decode one more level of the common ones. */
static char *
unescape_entities (const char *text)
{
  static const struct { const char *entity; const char *text; } entities[] = {
    { "&quot;", "\"" }, { "&amp;", "&" }, { "&#39;", "'" }, { "&#039;", "'" },
    { "&apos;", "'" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " },
  };
  g_autoptr(GString) out = NULL;

  if (strchr (text, '&') == NULL)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0';)
    {
      gboolean done = FALSE;

      for (guint i = 0; *p == '&' && i < G_N_ELEMENTS (entities) && !done; i++)
        {
          gsize n = strlen (entities[i].entity);

          if (strncmp (p, entities[i].entity, n) == 0)
            {
              g_string_append (out, entities[i].text);
              p += n;
              done = TRUE;
            }
        }
      if (!done)
        g_string_append_c (out, *p++);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
add_meta_keys (GHashTable *table,
               const char *keys,
               const char *content)
{
  g_auto(GStrv) tokens = g_strsplit_set (keys, " \t\n\r", -1);

  for (guint t = 0; tokens[t] != NULL; t++)
    {
      char *key;

      if (tokens[t][0] == '\0')
        continue;
      key = normalize_meta_key (tokens[t]);
      if (!g_hash_table_contains (table, key))
        g_hash_table_insert (table, key, g_strdup (content));
      else
        g_free (key);
    }
}

static void
collect_meta (VeraPageMetaCollected *c,
              xmlNode   *node)
{
  static const struct { const char *attr; gboolean is_property; } key_attrs[] = {
    { "property", TRUE }, { "itemprop", TRUE }, { "name", FALSE }, { "http-equiv", FALSE },
  };
  g_autofree char *raw = get_attr (node, "content");
  g_autofree char *unescaped = NULL;
  g_autofree char *content = NULL;

  if (raw == NULL)
    raw = get_attr (node, "value");
  if (raw == NULL)
    return;
  unescaped = unescape_entities (raw);
  content = vera_page_meta_fold_space (unescaped);
  if (content == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (key_attrs); i++)
    {
      g_autofree char *keys = get_attr (node, key_attrs[i].attr);

      if (keys != NULL)
        add_meta_keys (key_attrs[i].is_property ? c->props : c->names, keys, content);
    }
}

gboolean
vera_page_meta_attr_has_token (xmlNode    *node,
                const char *attr,
                const char *token)
{
  g_autofree char *v = get_attr (node, attr);
  g_auto(GStrv) tokens = NULL;

  if (v == NULL)
    return FALSE;
  tokens = g_strsplit_set (v, " \t\n\r", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_ascii_strcasecmp (tokens[i], token) == 0)
      return TRUE;
  return FALSE;
}

/* Class or id names that mark the byline of an article ("byline", "article-author", "author-name"),
 * but not lists or boxes about authors ("authors-list", "author-bio"). */
static gboolean
looks_like_byline (xmlNode *node)
{
  static const char * const attrs[] = { "class", "id" };

  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *v = get_attr (node, attrs[i]);
      g_autofree char *lower = NULL;

      if (v == NULL)
        continue;
      lower = g_ascii_strdown (v, -1);
      if (strstr (lower, "byline") != NULL)
        return TRUE;
      if (strstr (lower, "author") != NULL && strstr (lower, "bio") == NULL &&
          strstr (lower, "avatar") == NULL && strstr (lower, "image") == NULL &&
          strstr (lower, "photo") == NULL && strstr (lower, "comment") == NULL)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_inside (xmlNode    *node,
           const char *name)
{
  for (xmlNode *p = node->parent; p != NULL; p = p->parent)
    if (is_element (p, name))
      return TRUE;
  return FALSE;
}
/* ---- The walk --------------------------------------------------------------------------- */

static void
visit (VeraPageMetaCollected *c,
       xmlNode   *node)
{
  if (is_element (node, "meta"))
    collect_meta (c, node);
  else if (is_element (node, "title"))
    {
      if (!is_inside (node, "svg"))
        vera_page_meta_take_first (&c->title, vera_page_meta_node_text (node));
    }
  else if (is_element (node, "html"))
    {
      vera_page_meta_take_first (&c->html_lang, vera_page_meta_attr_folded (node, "lang"));
      vera_page_meta_take_first (&c->html_lang, vera_page_meta_attr_folded (node, "xml:lang"));
    }
  else if (is_element (node, "link"))
    {
      if (vera_page_meta_attr_has_token (node, "rel", "canonical"))
        vera_page_meta_take_first (&c->canonical, vera_page_meta_attr_folded (node, "href"));
    }
  else if (is_element (node, "script"))
    {
      g_autofree char *type = get_attr (node, "type");

      if (type != NULL && g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0)
        vera_page_meta_collect_jsonld (c, node);
    }
  else if (is_element (node, "time"))
    vera_page_meta_take_first (&c->time, vera_page_meta_attr_folded (node, "datetime"));

  /* Microdata on ordinary elements: <time itemprop="datePublished" datetime=…>,
   * <h1 itemprop="headline">. */
  if (node->type == XML_ELEMENT_NODE && !is_element (node, "meta"))
    vera_page_meta_collect_microdata (c, node);

  if (node->type == XML_ELEMENT_NODE && !is_element (node, "meta") &&
      !is_element (node, "link") && !is_element (node, "script") &&
      c->n_byline_candidates < MAX_BYLINE_CANDIDATES)
    {
      if (c->rel_author == NULL &&
          (vera_page_meta_attr_has_token (node, "rel", "author") || vera_page_meta_attr_has_token (node, "itemprop", "author")))
        {
          g_autofree char *t = vera_page_meta_node_text (node);

          c->n_byline_candidates++;
          if (t != NULL && g_utf8_strlen (t, -1) <= MAX_BYLINE_CHARS)
            c->rel_author = g_steal_pointer (&t);
        }
      else if (c->byline == NULL && looks_like_byline (node))
        {
          g_autofree char *t = vera_page_meta_node_text (node);

          c->n_byline_candidates++;
          if (t != NULL && g_utf8_strlen (t, -1) <= MAX_BYLINE_CHARS)
            c->byline = g_steal_pointer (&t);
        }
    }
}
void
vera_page_meta_parse_html (VeraPageMeta *self,
                           const char   *html,
                           gsize         length)
{
  VeraPageMetaCollected c = { 0 };
  htmlDocPtr doc;
  xmlNode *node;

  g_return_if_fail (self != NULL);
  g_return_if_fail (html != NULL || length == 0);

  if (length == 0 || length > G_MAXINT)
    return;

  doc = vera_html_parse (html, length, self->final_url);
  if (doc == NULL)
    return;

  c.props = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  c.names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  /* Walk without recursion, so deeply nested hostile markup cannot exhaust the stack. */
  node = xmlDocGetRootElement (doc);
  while (node != NULL)
    {
      visit (&c, node);
      if (node->children != NULL && node->type == XML_ELEMENT_NODE &&
          !is_element (node, "script") && !is_element (node, "style"))
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL)
        node = node->parent;
      if (node != NULL)
        node = node->next;
    }

  vera_page_meta_choose_fields (self, &c);
  collected_clear (&c);
  xmlFreeDoc (doc);
}
