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

/* Longest metadata value kept; longer ones are cut at a character boundary. */
#define MAX_FIELD_CHARS 2000
/* A byline found in the page text is a name or two, not a paragraph. */
#define MAX_BYLINE_CHARS 100
/* At most this many elements are read as candidate bylines: reading one's text walks its
 * subtree, and nested empty candidates would otherwise make the walk quadratic. */
#define MAX_BYLINE_CANDIDATES 64
/* A headline longer than this is a paragraph marked up carelessly. */
#define MAX_HEADLINE_CHARS 300
/* At most this many JSON-LD blocks are read, each at most this many bytes. */
#define MAX_JSONLD_BLOCKS 32
#define MAX_JSONLD_BYTES (512 * 1024)

/* What a walk over the document collects; fields are chosen from it afterwards. */
typedef struct
{
  GHashTable *props;       /* normalised meta property/itemprop → first non-empty value */
  GHashTable *names;       /* normalised meta name/http-equiv → first non-empty value */
  char       *title;       /* <title> */
  char       *html_lang;
  char       *canonical;
  char       *rel_author;  /* text of a rel=author link or an itemprop=author element */
  char       *byline;      /* text of an element whose class or id says byline/author */
  char       *time;        /* first <time datetime> */
  char       *ld_title;
  char       *ld_author;
  char       *ld_publisher;
  char       *ld_date;
  char       *ld_description;
  GHashTable *ld_ids;      /* "@id" → JsonObject of the JSON-LD block being read (borrowed) */
  gboolean    ld_is_article;
  guint       n_jsonld;
  guint       n_byline_candidates;
} Collected;

static void
collected_clear (Collected *c)
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
 * when nothing is left. */
static char *
fold_space (const char *text)
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

static void
take_first (char **slot,
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

static char *
attr_folded (xmlNode    *node,
             const char *name)
{
  g_autofree char *v = get_attr (node, name);

  return fold_space (v);
}

static char *
node_text (xmlNode *node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *folded = fold_space ((const char *) v);

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
collect_meta (Collected *c,
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
  content = fold_space (unescaped);
  if (content == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (key_attrs); i++)
    {
      g_autofree char *keys = get_attr (node, key_attrs[i].attr);

      if (keys != NULL)
        add_meta_keys (key_attrs[i].is_property ? c->props : c->names, keys, content);
    }
}

static gboolean
attr_has_token (xmlNode    *node,
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
    return fold_space (json_node_get_string (n));
  if (JSON_NODE_HOLDS_ARRAY (n) && json_array_get_length (json_node_get_array (n)) > 0)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (n), 0);

      if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
        return fold_space (json_node_get_string (e));
    }
  return NULL;
}

/* The name of a Person/Organization node, a plain string, or the names of an array of them.
 * A node that only points to another by "@id" (as WordPress/Yoast graphs do) is looked up. */
static char *
json_names (Collected *c,
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
      return fold_space (s);
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
take_ld_object (Collected  *c,
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

  take_first (&c->ld_title, json_string_member (obj, "headline"));
  take_first (&c->ld_title, json_string_member (obj, "name"));
  take_first (&c->ld_author, json_names (c, json_object_get_member (obj, "author")));
  take_first (&c->ld_author, json_names (c, json_object_get_member (obj, "creator")));
  take_first (&c->ld_publisher, json_names (c, json_object_get_member (obj, "publisher")));
  take_first (&c->ld_date, json_string_member (obj, "datePublished"));
  take_first (&c->ld_date, json_string_member (obj, "dateCreated"));
  take_first (&c->ld_description, json_string_member (obj, "description"));
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
walk_ld (Collected *c,
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

static void
collect_jsonld (Collected *c,
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

static void
collect_microdata (Collected *c,
                   xmlNode   *node)
{
  g_autofree char *value = NULL;

  if (attr_has_token (node, "itemprop", "datePublished"))
    {
      value = attr_folded (node, "datetime");
      if (value == NULL)
        value = attr_folded (node, "content");
      if (value != NULL && !g_hash_table_contains (c->props, "datepublished"))
        g_hash_table_insert (c->props, g_strdup ("datepublished"), g_steal_pointer (&value));
    }
  else if (attr_has_token (node, "itemprop", "headline") &&
           !g_hash_table_contains (c->props, "headline"))
    {
      value = node_text (node);
      if (value != NULL && g_utf8_strlen (value, -1) <= MAX_HEADLINE_CHARS)
        g_hash_table_insert (c->props, g_strdup ("headline"), g_steal_pointer (&value));
    }
}

/* ---- The walk --------------------------------------------------------------------------- */

static void
visit (Collected *c,
       xmlNode   *node)
{
  if (is_element (node, "meta"))
    collect_meta (c, node);
  else if (is_element (node, "title"))
    {
      if (!is_inside (node, "svg"))
        take_first (&c->title, node_text (node));
    }
  else if (is_element (node, "html"))
    {
      take_first (&c->html_lang, attr_folded (node, "lang"));
      take_first (&c->html_lang, attr_folded (node, "xml:lang"));
    }
  else if (is_element (node, "link"))
    {
      if (attr_has_token (node, "rel", "canonical"))
        take_first (&c->canonical, attr_folded (node, "href"));
    }
  else if (is_element (node, "script"))
    {
      g_autofree char *type = get_attr (node, "type");

      if (type != NULL && g_ascii_strcasecmp (g_strstrip (type), "application/ld+json") == 0)
        collect_jsonld (c, node);
    }
  else if (is_element (node, "time"))
    take_first (&c->time, attr_folded (node, "datetime"));

  /* Microdata on ordinary elements: <time itemprop="datePublished" datetime=…>,
   * <h1 itemprop="headline">. */
  if (node->type == XML_ELEMENT_NODE && !is_element (node, "meta"))
    collect_microdata (c, node);

  if (node->type == XML_ELEMENT_NODE && !is_element (node, "meta") &&
      !is_element (node, "link") && !is_element (node, "script") &&
      c->n_byline_candidates < MAX_BYLINE_CANDIDATES)
    {
      if (c->rel_author == NULL &&
          (attr_has_token (node, "rel", "author") || attr_has_token (node, "itemprop", "author")))
        {
          g_autofree char *t = node_text (node);

          c->n_byline_candidates++;
          if (t != NULL && g_utf8_strlen (t, -1) <= MAX_BYLINE_CHARS)
            c->rel_author = g_steal_pointer (&t);
        }
      else if (c->byline == NULL && looks_like_byline (node))
        {
          g_autofree char *t = node_text (node);

          c->n_byline_candidates++;
          if (t != NULL && g_utf8_strlen (t, -1) <= MAX_BYLINE_CHARS)
            c->byline = g_steal_pointer (&t);
        }
    }
}

/* ---- Choosing the fields ------------------------------------------------------------------ */

/* RDFa properties are what a page means for machines; names are often older or looser. */
static const char *
meta_get (Collected  *c,
          const char *key)
{
  const char *v = g_hash_table_lookup (c->props, key);

  return v != NULL ? v : g_hash_table_lookup (c->names, key);
}

static const char *
meta_first (Collected          *c,
            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *v = meta_get (c, keys[i]);

      if (v != NULL)
        return v;
    }
  return NULL;
}

static gboolean
is_url (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://") ||
         g_str_has_prefix (s, "//");
}

/* Drops the word that introduces a byline in many languages ("By Jane Roe", "Par …", "Von …"):
 * it is not part of the name. */
static char *
clean_author (const char *text)
{
  static const char * const intro[] = { "by", "par", "von", "por", "di", "door", "av", "af",
                                        "від", "от", "przez" };
  const char *p;

  /* URLs and social handles ("@jane") are not names. */
  if (text == NULL || is_url (text) || text[0] == '@')
    return NULL;
  p = text;
  for (guint i = 0; i < G_N_ELEMENTS (intro); i++)
    {
      gsize n = strlen (intro[i]);

      if (g_ascii_strncasecmp (p, intro[i], n) == 0 && (p[n] == ' ' || p[n] == ':'))
        {
          p += n;
          while (*p == ' ' || *p == ':')
            p++;
          break;
        }
    }
  return fold_space (p);
}

/* A <title> often ends or starts with the site name ("Headline - Site", "Site | Headline"); keep
 * the headline when the other part is the known site name. */
static char *
clean_document_title (const char *title,
                      const char *site_name)
{
  static const char * const separators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ",
  };

  if (title == NULL)
    return NULL;
  if (site_name == NULL)
    return g_strdup (title);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *last = g_strrstr (title, separators[i]);
      const char *first = strstr (title, separators[i]);

      if (last != NULL && g_utf8_collate (last + strlen (separators[i]), site_name) == 0)
        return g_strndup (title, last - title);
      if (first != NULL && strlen (site_name) == (gsize) (first - title) &&
          strncmp (title, site_name, first - title) == 0)
        return g_strdup (first + strlen (separators[i]));
    }
  return g_strdup (title);
}

/* News sites often put the publication date in the path: "/2019/04/28/slug" or
 * "/2019-04-28/slug". Only a full year-month-day in the path counts. */
static char *
date_from_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *path;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  path = g_uri_get_path (uri);
  for (const char *p = path; *p != '\0'; p++)
    {
      int y, m, d;

      if (*p != '/' || strlen (p) < 11)
        continue;
      if (sscanf (p + 1, "%4d/%2d/%2d", &y, &m, &d) != 3 &&
          sscanf (p + 1, "%4d-%2d-%2d", &y, &m, &d) != 3)
        continue;
      if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[4]) || p[5] == '\0' ||
          !g_ascii_isdigit (p[6]) || !g_ascii_isdigit (p[7]) || !g_ascii_isdigit (p[9]) ||
          !g_ascii_isdigit (p[10]) || (p[11] != '/' && p[11] != '\0' && p[11] != '-'))
        continue;
      if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
          g_date_valid_dmy (d, m, y))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  return NULL;
}

static void
set_field (char      **slot,
           const char *value)
{
  g_free (*slot);
  *slot = value != NULL ? g_strdup (value) : NULL;
}

static void
choose_fields (VeraPageMeta *self,
               Collected    *c)
{
  static const char * const title_keys[] = {
    "dc:title", "og:title", "twitter:title", NULL };
  static const char * const title_late_keys[] = {
    "title", "parsely-title", "sailthru.title", "headline", NULL };
  static const char * const author_keys[] = {
    "dc:creator", "author", "article:author", "parsely-author", "sailthru.author",
    "byl", NULL };
  static const char * const site_keys[] = {
    "og:site_name", "dc:publisher", "application-name", "publisher", NULL };
  static const char * const date_keys[] = {
    "article:published_time", "datepublished", "dc:date.issued", "dc:issued", "dc:date",
    "dc:created", "date", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
    "sailthru.date", "og:published_time", "article:published", NULL };
  static const char * const description_keys[] = {
    "dc:description", "og:description", "description", "twitter:description", NULL };
  static const char * const language_keys[] = {
    "content-language", "dc:language", "language", NULL };
  const char *v;
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;

  /* JSON-LD is written for machines and names the article itself; meta tags are often tuned
   * for social sharing ("og:title" teasers), so JSON-LD goes first. The publisher comes first
   * because the title clean-up needs it. */
  v = c->ld_publisher;
  if (v == NULL)
    v = meta_first (c, site_keys);
  set_field (&self->site_name, v);

  v = c->ld_title;
  /* Some pages give the site's name as the article's name. */
  if (v != NULL && self->site_name != NULL && g_utf8_collate (v, self->site_name) == 0)
    v = NULL;
  if (v == NULL)
    v = meta_first (c, title_keys);
  if (v == NULL)
    v = meta_first (c, title_late_keys);
  if (v == NULL)
    v = c->title;
  {
    g_autofree char *t = clean_document_title (v, self->site_name);

    set_field (&self->title, t);
  }

  author = clean_author (c->ld_author);
  for (guint i = 0; author_keys[i] != NULL && author == NULL; i++)
    author = clean_author (meta_get (c, author_keys[i]));
  if (author == NULL)
    author = clean_author (c->rel_author);
  if (author == NULL)
    author = clean_author (c->byline);
  g_free (self->author);
  self->author = g_steal_pointer (&author);

  if (c->ld_date != NULL)
    date = vera_page_meta_normalize_date (c->ld_date);
  v = meta_first (c, date_keys);
  if (date == NULL && v != NULL)
    date = vera_page_meta_normalize_date (v);
  if (date == NULL && c->time != NULL)
    date = vera_page_meta_normalize_date (c->time);
  if (date == NULL)
    date = date_from_url (self->final_url != NULL ? self->final_url : self->url);
  g_free (self->published);
  self->published = g_steal_pointer (&date);

  v = c->ld_description;
  if (v == NULL)
    v = meta_first (c, description_keys);
  set_field (&self->description, v);

  v = c->canonical;
  if (v == NULL)
    v = meta_get (c, "og:url");
  if (v != NULL)
    {
      const char *base = self->final_url != NULL ? self->final_url : self->url;
      g_autofree char *abs = base != NULL ? g_uri_resolve_relative (base, v, G_URI_FLAGS_NONE,
                                                                    NULL) : NULL;

      set_field (&self->canonical_url, abs != NULL ? abs : v);
    }

  v = c->html_lang;
  if (v == NULL)
    v = meta_first (c, language_keys);
  if (v != NULL)
    set_field (&self->language, v);
  else if ((v = meta_get (c, "og:locale")) != NULL)
    {
      g_autofree char *tag = g_strdup (v);

      g_strdelimit (tag, "_", '-');
      set_field (&self->language, tag);
    }
}

void
vera_page_meta_parse_html (VeraPageMeta *self,
                           const char   *html,
                           gsize         length)
{
  Collected c = { 0 };
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

  choose_fields (self, &c);
  collected_clear (&c);
  xmlFreeDoc (doc);
}
