/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the parts of the page-metadata extractor (vera-page-meta-html.c walks the
 * document, vera-page-meta-jsonld.c reads JSON-LD and microdata, vera-page-meta-fields.c
 * chooses and cleans the fields); not public. */

#include <libxml/tree.h>

#include "vera-page-meta.h"

G_BEGIN_DECLS
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
} VeraPageMetaCollected;

/* Helpers of the walk (vera-page-meta-html.c). */
G_GNUC_INTERNAL char * vera_page_meta_fold_space (const char *text);
G_GNUC_INTERNAL void vera_page_meta_take_first (char **slot, char *value);
G_GNUC_INTERNAL char * vera_page_meta_attr_folded (xmlNode *node, const char *name);
G_GNUC_INTERNAL char * vera_page_meta_node_text (xmlNode *node);
G_GNUC_INTERNAL gboolean vera_page_meta_attr_has_token (xmlNode *node, const char *attr, const char *token);
/* JSON-LD blocks and microdata (vera-page-meta-jsonld.c). */
G_GNUC_INTERNAL void vera_page_meta_collect_jsonld (VeraPageMetaCollected *c, xmlNode *script);
G_GNUC_INTERNAL void vera_page_meta_collect_microdata (VeraPageMetaCollected *c, xmlNode *node);
/* The fields, chosen from what the walk collected (vera-page-meta-fields.c). */
G_GNUC_INTERNAL void vera_page_meta_choose_fields (VeraPageMeta *self, VeraPageMetaCollected *c);

G_END_DECLS
