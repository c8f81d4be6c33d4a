/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* The main text of a page: its article's paragraphs, headings and list items, one block per
 * paragraph, blocks separated by a blank line. Never NULL; empty when the page has no text.
 * Works on a copy: `doc` is left as it was. `title` (may be NULL) lets a heading that repeats
 * the title be dropped. */
char *vera_html_main_text (xmlDoc     *doc,
                           const char *title);

/* Internals shared by vera-html-main-text.c, vera-html-clean.c and vera-html-text.c. */

typedef enum
{
  VERA_HTML_STRIP_UNLIKELY      = 1 << 0,  /* drop blocks whose class or id says boilerplate */
  VERA_HTML_WEIGHT_CLASSES      = 1 << 1,  /* let class and id hints move scores */
  VERA_HTML_CLEAN_CONDITIONALLY = 1 << 2,  /* drop link-heavy or image-heavy blocks */
} VeraHtmlFlags;

typedef struct
{
  VeraHtmlFlags  flags;
  GHashTable    *scores;    /* xmlNode * → double * */
  GRegex        *positive;
  GRegex        *negative;
  GRegex        *unlikely;
  GRegex        *maybe;
  GRegex        *byline;
  GRegex        *share;
} VeraHtmlScorer;

int       vera_html_class_weight   (VeraHtmlScorer *scorer,
                                    xmlNode        *node);
double    vera_html_score          (VeraHtmlScorer *scorer,
                                    xmlNode        *node);
/* Walks the page once: drops the byline, a heading that repeats the title and, when the flags
 * say so, blocks named like boilerplate; turns text-only <div>s into paragraphs. Returns the
 * elements whose text votes for the article's block. */
GPtrArray *vera_html_collect_voters (VeraHtmlScorer *scorer,
                                     xmlNode        *root,
                                     const char     *title);
/* Drops what is never content: scripts, styles, comments, navigation, hidden elements. */
void      vera_html_prepare        (xmlNode        *root);
/* Drops what the scorer kept around the article but is not part of it. */
void      vera_html_clean_article  (VeraHtmlScorer *scorer,
                                    GPtrArray      *article);
/* The text of the nodes, blocks separated by blank lines. */
char     *vera_html_render_text    (GPtrArray      *nodes);

G_END_DECLS
