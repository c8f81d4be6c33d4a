/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Small helpers over a libxml2 HTML tree, for the importers. Element names are lower case in
 * trees the HTML parser builds. */

/* Parses @utf8 (@length bytes, at most G_MAXINT) as HTML the way every reader in the core
 * must: UTF-8 whatever the page declares, errors recovered and kept quiet, nothing loaded
 * from the network. Safe from several threads at once. NULL when nothing could be read. */
htmlDocPtr vera_html_parse           (const char    *utf8,
                                      gsize          length,
                                      const char    *url);

gboolean  vera_html_is               (const xmlNode *node,
                                      const char    *tag);
gboolean  vera_html_is_any           (const xmlNode *node,
                                      const char * const *tags,
                                      guint          n_tags);
gboolean  vera_html_is_heading       (const xmlNode *node);
char     *vera_html_dup_attr         (const xmlNode *node,
                                      const char    *name);
/* "CLASS ID", what class and id hints are matched against. */
char     *vera_html_dup_class_and_id (const xmlNode *node);
/* The next node in document order under `root`, or NULL; skips the children of `node`
 * when `skip_children` is set. */
xmlNode  *vera_html_next_node        (xmlNode       *node,
                                      xmlNode       *root,
                                      gboolean       skip_children);
xmlNode  *vera_html_first_element    (xmlNode       *node);
xmlNode  *vera_html_next_element     (xmlNode       *node);
guint     vera_html_count_elements   (xmlNode       *node);
/* Unlinks and frees a node and its subtree. */
void      vera_html_remove           (xmlNode       *node);
/* Unicode white space, no-break and zero-width spaces. */
gboolean  vera_html_is_space         (gunichar       c);
/* White space runs become one space; leading and trailing space is dropped. */
char     *vera_html_collapse_space   (const char    *text);
char     *vera_html_inner_text       (xmlNode       *node);
/* The length, in characters, of the node's collapsed text. */
glong     vera_html_text_length      (xmlNode       *node);
/* The share of the node's text that sits inside links (in-page links count less). */
double    vera_html_link_density     (xmlNode       *node);
guint     vera_html_count_tag        (xmlNode       *node,
                                      const char    *tag);
guint     vera_html_count_commas     (const char    *text);
gboolean  vera_html_has_ancestor     (xmlNode       *node,
                                      const char    *tag,
                                      int            max_depth);

G_END_DECLS
