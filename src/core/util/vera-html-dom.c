/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include <string.h>

#include "vera-html-dom.h"

htmlDocPtr
vera_html_parse (const char *utf8,
                 gsize       length,
                 const char *url)
{
  static gsize initialised = 0;

  g_return_val_if_fail (utf8 != NULL || length == 0, NULL);

  if (length > G_MAXINT)
    return NULL;

  /* libxml2 initialises itself lazily on first use, and that is not safe when two importer
   * threads get there at once: do it once, under GLib's lock. */
  if (g_once_init_enter (&initialised))
    {
      xmlInitParser ();
      g_once_init_leave (&initialised, 1);
    }

  return htmlReadMemory (utf8, (int) length, url, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                         | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
}

gboolean
vera_html_is (const xmlNode *node,
              const char    *tag)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->name != NULL
         && g_ascii_strcasecmp ((const char *) node->name, tag) == 0;
}

gboolean
vera_html_is_any (const xmlNode      *node,
                  const char * const *tags,
                  guint               n_tags)
{
  for (guint i = 0; i < n_tags; i++)
    if (vera_html_is (node, tags[i]))
      return TRUE;
  return FALSE;
}

gboolean
vera_html_is_heading (const xmlNode *node)
{
  const char *name;

  if (node == NULL || node->type != XML_ELEMENT_NODE || node->name == NULL)
    return FALSE;
  name = (const char *) node->name;
  return (name[0] == 'h' || name[0] == 'H') && name[1] >= '1' && name[1] <= '6'
         && name[2] == '\0';
}

char *
vera_html_dup_attr (const xmlNode *node,
                    const char    *name)
{
  xmlChar *value;
  char *copy;

  if (node == NULL || node->type != XML_ELEMENT_NODE)
    return NULL;
  value = xmlGetProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  copy = g_utf8_make_valid ((const char *) value, -1);
  xmlFree (value);
  return copy;
}

char *
vera_html_dup_class_and_id (const xmlNode *node)
{
  g_autofree char *cls = vera_html_dup_attr (node, "class");
  g_autofree char *id = vera_html_dup_attr (node, "id");

  return g_strconcat (cls ? cls : "", " ", id ? id : "", NULL);
}

xmlNode *
vera_html_next_node (xmlNode  *node,
                     xmlNode  *root,
                     gboolean  skip_children)
{
  if (!skip_children && node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

xmlNode *
vera_html_first_element (xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

xmlNode *
vera_html_next_element (xmlNode *node)
{
  for (xmlNode *c = node->next; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

guint
vera_html_count_elements (xmlNode *node)
{
  guint n = 0;

  for (xmlNode *c = vera_html_first_element (node); c != NULL; c = vera_html_next_element (c))
    n++;
  return n;
}

void
vera_html_remove (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

gboolean
vera_html_is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B || c == 0xFEFF;
}

char *
vera_html_collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text) + 1);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        c = 0xFFFD;
      if (vera_html_is_space (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
vera_html_inner_text (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text;

  if (content == NULL)
    return g_strdup ("");
  text = vera_html_collapse_space ((const char *) content);
  xmlFree (content);
  return text;
}

/* Counts as vera_html_collapse_space () would write, without writing: this runs for every
 * candidate block, often on large subtrees. */
glong
vera_html_text_length (xmlNode *node)
{
  glong len = 0;
  gboolean started = FALSE;
  gboolean pending = FALSE;

  for (xmlNode *n = node; n != NULL; n = vera_html_next_node (n, node, FALSE))
    {
      if ((n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) || n->content == NULL)
        continue;
      for (const char *p = (const char *) n->content; *p != '\0'; p = g_utf8_next_char (p))
        {
          guchar b = (guchar) *p;
          gboolean space = b < 0x80 ? g_ascii_isspace (b)
                                    : vera_html_is_space (g_utf8_get_char (p));

          if (space)
            pending = started;
          else
            {
              len += pending ? 2 : 1;
              pending = FALSE;
              started = TRUE;
            }
        }
    }
  return len;
}

double
vera_html_link_density (xmlNode *node)
{
  glong total = vera_html_text_length (node);
  double links = 0;

  if (total == 0)
    return 0;
  for (xmlNode *n = node; n != NULL; n = vera_html_next_node (n, node, FALSE))
    {
      g_autofree char *href = NULL;

      if (!vera_html_is (n, "a"))
        continue;
      href = vera_html_dup_attr (n, "href");
      links += vera_html_text_length (n) * (href != NULL && href[0] == '#' ? 0.3 : 1.0);
    }
  return links / total;
}

guint
vera_html_count_tag (xmlNode    *node,
                     const char *tag)
{
  guint n = 0;

  for (xmlNode *c = node->children; c != NULL; c = vera_html_next_node (c, node, FALSE))
    if (vera_html_is (c, tag))
      n++;
  return n;
}

gboolean
vera_html_has_ancestor (xmlNode    *node,
                        const char *tag,
                        int         max_depth)
{
  int depth = 0;

  for (xmlNode *p = node->parent; p != NULL; p = p->parent)
    {
      if (max_depth > 0 && depth++ >= max_depth)
        return FALSE;
      if (vera_html_is (p, tag))
        return TRUE;
    }
  return FALSE;
}

guint
vera_html_count_commas (const char *text)
{
  guint n = 0;

  /* Latin, Arabic, full-width and ideographic commas. */
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == 0x060C || c == 0xFF0C || c == 0x3001)
        n++;
    }
  return n;
}
