/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include "vera-html-dom.h"
#include "vera-html-main-text.h"

/* Past this depth a subtree is flattened to its text: hostile pages nest without end. */
#define MAX_DEPTH 400

typedef struct
{
  GString  *out;
  GString  *block;
  gboolean  space;
  guint     pre;
} Renderer;

static const char * const block_tags[] = {
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
  "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
  "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "nav",
  "ol", "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
};

static gboolean
is_block (xmlNode *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (block_tags); i++)
    if (vera_html_is (node, block_tags[i]))
      return TRUE;
  return FALSE;
}

static void
trim_end (GString *s)
{
  while (s->len > 0 && (s->str[s->len - 1] == ' ' || s->str[s->len - 1] == '\n'))
    g_string_truncate (s, s->len - 1);
}

static void
flush (Renderer *r)
{
  trim_end (r->block);
  if (r->block->len > 0)
    {
      if (r->out->len > 0)
        g_string_append (r->out, "\n\n");
      g_string_append_len (r->out, r->block->str, r->block->len);
    }
  g_string_truncate (r->block, 0);
  r->space = FALSE;
}

static void
add_text (Renderer   *r,
          const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        c = 0xFFFD;
      if (r->pre > 0 && (c == '\n' || c == '\r'))
        {
          trim_end (r->block);
          if (r->block->len > 0)
            g_string_append_c (r->block, '\n');
          r->space = FALSE;
          continue;
        }
      if (vera_html_is_space (c))
        {
          r->space = r->block->len > 0 && r->block->str[r->block->len - 1] != '\n';
          continue;
        }
      if (r->space)
        g_string_append_c (r->block, ' ');
      r->space = FALSE;
      g_string_append_unichar (r->block, c);
    }
}

static void
line_break (Renderer *r)
{
  while (r->block->len > 0 && r->block->str[r->block->len - 1] == ' ')
    g_string_truncate (r->block, r->block->len - 1);
  /* Two breaks in a row end the paragraph, as they do on screen. */
  if (r->block->len > 0 && r->block->str[r->block->len - 1] == '\n')
    flush (r);
  else if (r->block->len > 0)
    g_string_append_c (r->block, '\n');
  r->space = FALSE;
}

static void
render (Renderer *r,
        xmlNode  *node,
        guint     depth)
{
  gboolean block;

  if (node->type == XML_TEXT_NODE)
    {
      if (node->content != NULL)
        add_text (r, (const char *) node->content);
      return;
    }
  if (node->type != XML_ELEMENT_NODE)
    return;
  if (vera_html_is (node, "br"))
    {
      line_break (r);
      return;
    }
  if (depth > MAX_DEPTH)
    {
      g_autofree char *text = vera_html_inner_text (node);
      add_text (r, text);
      return;
    }

  block = is_block (node);
  if (block)
    flush (r);
  if (vera_html_is (node, "td") || vera_html_is (node, "th"))
    r->space = r->block->len > 0;
  if (vera_html_is (node, "pre"))
    r->pre++;
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    render (r, c, depth + 1);
  if (vera_html_is (node, "pre"))
    r->pre--;
  if (block)
    flush (r);
}

char *
vera_html_render_text (GPtrArray *nodes)
{
  Renderer r = { g_string_new (NULL), g_string_new (NULL), FALSE, 0 };

  for (guint i = 0; i < nodes->len; i++)
    if (nodes->pdata[i] != NULL)
      {
        render (&r, nodes->pdata[i], 0);
        flush (&r);
      }
  g_string_free (r.block, TRUE);
  return g_string_free (r.out, FALSE);
}
