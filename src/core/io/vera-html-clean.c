/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include <string.h>

#include "vera-html-dom.h"
#include "vera-html-main-text.h"

/* A block of shared buttons or links shorter than this is dropped. */
#define SHARE_MAX_CHARS 500

/* Elements whose content is never article text. */
static const char * const junk_tags[] = {
  "head", "script", "style", "noscript", "template", "iframe", "frame", "frameset", "svg",
  "math", "object", "embed", "applet", "canvas", "video", "audio", "source", "track", "map",
  "link", "meta", "input", "textarea", "select", "button", "option", "nav", "aside", "footer",
  "dialog", "menu",
};

static gboolean
is_hidden (xmlNode *node)
{
  g_autofree char *aria = vera_html_dup_attr (node, "aria-hidden");
  g_autofree char *style = NULL;
  g_autoptr(GString) compact = NULL;

  if (xmlHasProp (node, (const xmlChar *) "hidden") != NULL)
    return TRUE;
  if (aria != NULL && g_ascii_strcasecmp (aria, "true") == 0)
    return TRUE;
  style = vera_html_dup_attr (node, "style");
  if (style == NULL)
    return FALSE;
  /* "display: none" and "DISPLAY:none" alike. */
  compact = g_string_new (NULL);
  for (const char *p = style; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, g_ascii_tolower (*p));
  return strstr (compact->str, "display:none") != NULL
         || strstr (compact->str, "visibility:hidden") != NULL;
}

/* A <header> or <form> is kept only when it wraps real paragraphs: some sites put the whole
 * article inside one. */
static gboolean
wraps_paragraphs (xmlNode *node)
{
  guint long_paragraphs = 0;

  for (xmlNode *n = node->children; n != NULL; n = vera_html_next_node (n, node, FALSE))
    if (vera_html_is (n, "p") && vera_html_text_length (n) >= 80 && ++long_paragraphs >= 3)
      return TRUE;
  return FALSE;
}

static gboolean
is_junk (xmlNode *node)
{
  if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE
      || node->type == XML_CDATA_SECTION_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (junk_tags); i++)
    if (vera_html_is (node, junk_tags[i]))
      return TRUE;
  if ((vera_html_is (node, "header") || vera_html_is (node, "form")) && !wraps_paragraphs (node))
    return TRUE;
  return is_hidden (node);
}

void
vera_html_prepare (xmlNode *root)
{
  xmlNode *n = root->children;

  while (n != NULL)
    {
      if (is_junk (n))
        {
          xmlNode *next = vera_html_next_node (n, root, TRUE);

          vera_html_remove (n);
          n = next;
        }
      else
        n = vera_html_next_node (n, root, FALSE);
    }
}

static void
collect_tag (xmlNode    *top,
             const char *tag,
             GPtrArray  *out)
{
  for (xmlNode *n = top; n != NULL; n = vera_html_next_node (n, top, FALSE))
    if (vera_html_is (n, tag))
      g_ptr_array_add (out, n);
}

static gboolean
is_data_table (xmlNode *table)
{
  g_autofree char *role = vera_html_dup_attr (table, "role");
  g_autofree char *datatable = vera_html_dup_attr (table, "datatable");
  g_autofree char *summary = vera_html_dup_attr (table, "summary");
  static const char * const data_tags[] = { "caption", "col", "colgroup", "tfoot", "thead", "th" };
  guint rows = 0;
  guint cols = 0;

  if (role != NULL && g_ascii_strcasecmp (role, "presentation") == 0)
    return FALSE;
  if (datatable != NULL && strcmp (datatable, "0") == 0)
    return FALSE;
  if (summary != NULL && *summary != '\0')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (data_tags); i++)
    if (vera_html_count_tag (table, data_tags[i]) > 0)
      return TRUE;
  if (vera_html_count_tag (table, "table") > 0)
    return FALSE;

  for (xmlNode *n = table->children; n != NULL; n = vera_html_next_node (n, table, FALSE))
    if (vera_html_is (n, "tr"))
      {
        guint cells = vera_html_count_tag (n, "td");

        rows++;
        cols = MAX (cols, cells);
      }
  return rows >= 10 || cols > 4 || rows * cols > 10;
}

static gboolean
in_data_table (xmlNode *node)
{
  for (xmlNode *p = node; p != NULL; p = p->parent)
    if (vera_html_is (p, "table") && is_data_table (p))
      return TRUE;
  return FALSE;
}

static guint
count_commas (xmlNode *node)
{
  g_autofree char *text = vera_html_inner_text (node);

  return vera_html_count_commas (text);
}

static glong
tags_text_length (xmlNode             *node,
                  const char * const  *tags)
{
  glong len = 0;
  xmlNode *n = node->children;

  while (n != NULL)
    {
      gboolean hit = FALSE;

      for (guint i = 0; tags[i] != NULL && !hit; i++)
        hit = vera_html_is (n, tags[i]);
      if (hit)
        {
          len += vera_html_text_length (n);
          n = vera_html_next_node (n, node, TRUE);
        }
      else
        n = vera_html_next_node (n, node, FALSE);
    }
  return len;
}

static gboolean
should_remove (VeraHtmlScorer *scorer,
               xmlNode        *node,
               gboolean        is_list)
{
  static const char * const lists[] = { "ul", "ol", NULL };
  static const char * const headings[] = { "h1", "h2", "h3", "h4", "h5", "h6", NULL };
  int weight = vera_html_class_weight (scorer, node);
  glong length = vera_html_text_length (node);
  double p, img, li, input, link_density, heading_density;
  gboolean in_figure, remove;

  if (!is_list && length > 0)
    is_list = (double) tags_text_length (node, lists) / length > 0.9;
  if (weight < 0)
    return TRUE;
  if (count_commas (node) >= 10)
    return FALSE;

  p = vera_html_count_tag (node, "p");
  img = vera_html_count_tag (node, "img");
  li = (double) vera_html_count_tag (node, "li") - 100;
  input = vera_html_count_tag (node, "input");
  heading_density = length > 0 ? (double) tags_text_length (node, headings) / length : 0;
  link_density = vera_html_link_density (node);
  in_figure = vera_html_has_ancestor (node, "figure", 0);

  remove = (img > 1 && p / img < 0.5 && !in_figure)
           || (!is_list && li > p)
           || (input > (guint) (p / 3))
           || (!is_list && heading_density < 0.9 && length < 25 && (img == 0 || img > 2)
               && !in_figure)
           || (!is_list && weight < 25 && link_density > 0.2)
           || (weight >= 25 && link_density > 0.5);

  /* A list of images (a gallery) stays. */
  if (remove && is_list)
    {
      for (xmlNode *c = vera_html_first_element (node); c != NULL; c = vera_html_next_element (c))
        if (vera_html_count_elements (c) > 1)
          return TRUE;
      if (img == vera_html_count_tag (node, "li"))
        return FALSE;
    }
  return remove;
}

static void
clean_conditionally (VeraHtmlScorer *scorer,
                     GPtrArray      *article,
                     const char     *tag)
{
  g_autoptr(GPtrArray) nodes = g_ptr_array_new ();
  gboolean is_list = strcmp (tag, "ul") == 0 || strcmp (tag, "ol") == 0;

  if (!(scorer->flags & VERA_HTML_CLEAN_CONDITIONALLY))
    return;
  for (guint i = 0; i < article->len; i++)
    if (article->pdata[i] != NULL)
      collect_tag (article->pdata[i], tag, nodes);

  /* Last first, so that a node is judged before any node that holds it. */
  for (guint i = nodes->len; i-- > 0;)
    {
      xmlNode *node = nodes->pdata[i];

      if (in_data_table (node) || vera_html_has_ancestor (node, "code", 0))
        continue;
      if (!should_remove (scorer, node, is_list))
        continue;
      for (guint j = 0; j < article->len; j++)
        if (article->pdata[j] == node)
          article->pdata[j] = NULL;
      vera_html_remove (node);
    }
}

static void
remove_matching (VeraHtmlScorer *scorer,
                 GPtrArray      *article,
                 gboolean        headers)
{
  for (guint i = 0; i < article->len; i++)
    {
      xmlNode *top = article->pdata[i];
      xmlNode *n = top ? top->children : NULL;

      while (n != NULL)
        {
          gboolean drop = FALSE;

          if (n->type == XML_ELEMENT_NODE && headers)
            drop = (vera_html_is (n, "h1") || vera_html_is (n, "h2"))
                   && vera_html_class_weight (scorer, n) < 0;
          else if (n->type == XML_ELEMENT_NODE)
            {
              g_autofree char *match = vera_html_dup_class_and_id (n);

              drop = g_regex_match (scorer->share, match, 0, NULL)
                     && vera_html_text_length (n) < SHARE_MAX_CHARS;
            }
          if (drop)
            {
              xmlNode *next = vera_html_next_node (n, top, TRUE);

              vera_html_remove (n);
              n = next;
            }
          else
            n = vera_html_next_node (n, top, FALSE);
        }
    }
}

void
vera_html_clean_article (VeraHtmlScorer *scorer,
                         GPtrArray      *article)
{
  clean_conditionally (scorer, article, "form");
  clean_conditionally (scorer, article, "fieldset");
  remove_matching (scorer, article, FALSE);
  if (scorer->flags & VERA_HTML_WEIGHT_CLASSES)
    remove_matching (scorer, article, TRUE);
  clean_conditionally (scorer, article, "table");
  clean_conditionally (scorer, article, "ul");
  clean_conditionally (scorer, article, "div");
}
