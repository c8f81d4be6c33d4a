/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include <string.h>

#include "vera-html-dom.h"
#include "vera-html-main-text.h"

/* The first pass of the main-text finder: it tidies the page and picks the elements whose text
 * votes for the block that holds the article. */

static const char * const scored_tags[] = { "section", "h2", "h3", "h4", "h5", "h6", "p", "td",
                                            "pre" };
static const char * const block_tags[] = { "blockquote", "dl", "div", "img", "ol", "p", "pre",
                                           "table", "ul" };
static const char * const phrasing_tags[] = {
  "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "img",
  "kbd", "label", "mark", "q", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
  "sup", "time", "tt", "u", "var", "wbr",
};
static const char * const unlikely_roles[] = { "menu", "menubar", "complementary", "navigation",
                                               "alert", "alertdialog", "dialog" };

static gboolean
is_whitespace (xmlNode *node)
{
  if (node->type != XML_TEXT_NODE)
    return FALSE;
  for (const char *p = (const char *) node->content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
is_phrasing (xmlNode *node)
{
  if (node->type == XML_TEXT_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (vera_html_is_any (node, phrasing_tags, G_N_ELEMENTS (phrasing_tags)))
    return TRUE;
  if (vera_html_is (node, "a") || vera_html_is (node, "del") || vera_html_is (node, "ins"))
    {
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (!is_phrasing (c))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
has_block_child (xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = vera_html_next_node (n, node, FALSE))
    if (vera_html_is_any (n, block_tags, G_N_ELEMENTS (block_tags)))
      return TRUE;
  return FALSE;
}

/* Runs of text and inline elements directly inside a <div> become paragraphs of their own. */
static void
wrap_phrasing (xmlNode *div)
{
  xmlNode *p = NULL;
  xmlNode *child = div->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (is_phrasing (child))
        {
          if (p == NULL && !is_whitespace (child))
            {
              p = xmlNewNode (NULL, (const xmlChar *) "p");
              xmlAddPrevSibling (child, p);
            }
          if (p != NULL)
            {
              xmlUnlinkNode (child);
              xmlAddChild (p, child);
            }
        }
      else
        p = NULL;
      child = next;
    }
}

static gboolean
single_paragraph_child (xmlNode *node)
{
  xmlNode *only = NULL;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && !is_whitespace (c))
        return FALSE;
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (only != NULL)
        return FALSE;
      only = c;
    }
  return only != NULL && vera_html_is (only, "p");
}

/* A heading that is the title, or three quarters of it and within it, only repeats it. */
static gboolean
repeats_title (xmlNode    *node,
               const char *title)
{
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (title == NULL || !(vera_html_is (node, "h1") || vera_html_is (node, "h2")))
    return FALSE;
  text = vera_html_inner_text (node);
  a = g_utf8_casefold (text, -1);
  b = g_utf8_casefold (title, -1);
  if (*a == '\0')
    return FALSE;
  return strcmp (a, b) == 0
         || (strstr (b, a) != NULL && g_utf8_strlen (a, -1) * 4 >= g_utf8_strlen (b, -1) * 3);
}

static gboolean
is_byline (VeraHtmlScorer *scorer,
           xmlNode        *node,
           const char     *match)
{
  g_autofree char *rel = vera_html_dup_attr (node, "rel");
  g_autofree char *itemprop = vera_html_dup_attr (node, "itemprop");

  if (!((rel != NULL && strcmp (rel, "author") == 0)
        || (itemprop != NULL && strstr (itemprop, "author") != NULL)
        || g_regex_match (scorer->byline, match, 0, NULL)))
    return FALSE;
  return vera_html_text_length (node) > 0 && vera_html_text_length (node) < 100;
}

static gboolean
is_any_role (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (unlikely_roles); i++)
    if (g_ascii_strcasecmp (role, unlikely_roles[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_unlikely (VeraHtmlScorer *scorer,
             xmlNode        *node,
             const char     *match)
{
  g_autofree char *role = NULL;

  if (!(scorer->flags & VERA_HTML_STRIP_UNLIKELY))
    return FALSE;
  if (g_regex_match (scorer->unlikely, match, 0, NULL)
      && !g_regex_match (scorer->maybe, match, 0, NULL)
      && !vera_html_has_ancestor (node, "table", 0) && !vera_html_has_ancestor (node, "code", 0)
      && !vera_html_is (node, "body") && !vera_html_is (node, "a"))
    return TRUE;
  role = vera_html_dup_attr (node, "role");
  return role != NULL && is_any_role (role);
}

static gboolean
is_empty_block (xmlNode *node)
{
  if (!(vera_html_is (node, "div") || vera_html_is (node, "section")
        || vera_html_is (node, "header") || vera_html_is_heading (node)))
    return FALSE;
  if (vera_html_text_length (node) > 0)
    return FALSE;
  for (xmlNode *c = vera_html_first_element (node); c != NULL; c = vera_html_next_element (c))
    if (!vera_html_is (c, "br") && !vera_html_is (c, "hr"))
      return FALSE;
  return TRUE;
}

GPtrArray *
vera_html_collect_voters (VeraHtmlScorer *scorer,
                          xmlNode        *root,
                          const char     *title)
{
  GPtrArray *voters = g_ptr_array_new ();
  gboolean byline_seen = FALSE;
  gboolean title_seen = FALSE;
  xmlNode *n = root;

  while (n != NULL)
    {
      g_autofree char *match = NULL;
      gboolean drop = FALSE;

      if (n->type != XML_ELEMENT_NODE)
        {
          n = vera_html_next_node (n, root, FALSE);
          continue;
        }
      match = vera_html_dup_class_and_id (n);
      if (n != root)
        {
          if (!byline_seen && is_byline (scorer, n, match))
            drop = byline_seen = TRUE;
          else if (!title_seen && repeats_title (n, title))
            drop = title_seen = TRUE;
          else
            drop = is_unlikely (scorer, n, match) || is_empty_block (n);
        }
      if (drop)
        {
          xmlNode *next = vera_html_next_node (n, root, TRUE);

          vera_html_remove (n);
          n = next;
          continue;
        }

      if (vera_html_is_any (n, scored_tags, G_N_ELEMENTS (scored_tags)))
        g_ptr_array_add (voters, n);
      else if (vera_html_is (n, "div"))
        {
          wrap_phrasing (n);
          if (single_paragraph_child (n) && vera_html_link_density (n) < 0.25)
            {
              xmlNode *p = vera_html_first_element (n);

              xmlUnlinkNode (p);
              xmlReplaceNode (n, p);
              xmlFreeNode (n);
              n = p;
              g_ptr_array_add (voters, n);
            }
          else if (!has_block_child (n))
            {
              xmlNodeSetName (n, (const xmlChar *) "p");
              g_ptr_array_add (voters, n);
            }
        }
      n = vera_html_next_node (n, root, FALSE);
    }
  return voters;
}
