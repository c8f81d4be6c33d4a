/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_ARTICLE (vera_article_get_type ())

G_DECLARE_FINAL_TYPE (VeraArticle, vera_article, VERA, ARTICLE, GObject)

/* An imported article. Its text is immutable NFC-normalised UTF-8; claims and findings point into
 * it with code point offsets. */
VeraArticle *vera_article_new              (const char   *id,
                                            const char   *source,
                                            const char   *text);
const char  *vera_article_get_id           (VeraArticle  *self);
const char  *vera_article_get_source       (VeraArticle  *self);
const char  *vera_article_get_text         (VeraArticle  *self);
/* The length of the text in bytes and in code points. */
gsize        vera_article_get_text_length  (VeraArticle  *self);
guint        vera_article_get_n_chars      (VeraArticle  *self);
/* Code point offset ↔ byte offset, O(1) amortised through a sparse index. */
gsize        vera_article_char_to_byte     (VeraArticle  *self,
                                            guint         char_offset);
guint        vera_article_byte_to_char     (VeraArticle  *self,
                                            gsize         byte_offset);
/* A new string holding code points [start, end) of the text. */
char        *vera_article_dup_slice        (VeraArticle  *self,
                                            guint         start,
                                            guint         end);

const char  *vera_article_get_title        (VeraArticle  *self);
void         vera_article_set_title        (VeraArticle  *self,
                                            const char   *title);
const char  *vera_article_get_publisher    (VeraArticle  *self);
void         vera_article_set_publisher    (VeraArticle  *self,
                                            const char   *publisher);
const char  *vera_article_get_author       (VeraArticle  *self);
void         vera_article_set_author       (VeraArticle  *self,
                                            const char   *author);
/* ISO 8601 date the article was published, or NULL. */
const char  *vera_article_get_published    (VeraArticle  *self);
void         vera_article_set_published    (VeraArticle  *self,
                                            const char   *published);
const char  *vera_article_get_language     (VeraArticle  *self);
void         vera_article_set_language     (VeraArticle  *self,
                                            const char   *language);

/* GListModels of VeraClaim (in text order) and VeraFinding. */
GListModel  *vera_article_get_claims       (VeraArticle  *self);
GListModel  *vera_article_get_findings     (VeraArticle  *self);
void         vera_article_add_claim        (VeraArticle  *self,
                                            VeraClaim    *claim);
void         vera_article_add_finding      (VeraArticle  *self,
                                            VeraFinding  *finding);
/* Replaces every claim and finding at once (after a new analysis), emitting one change each. */
void         vera_article_replace_analysis (VeraArticle  *self,
                                            GPtrArray    *claims,
                                            GPtrArray    *findings);
guint        vera_article_get_n_claims     (VeraArticle  *self);
/* Claims with a verdict or marked not-a-claim. */
guint        vera_article_get_n_reviewed   (VeraArticle  *self);

/* Annotations of this article's document, pulled from an annotation server, that anchor on no
 * claim: a GPtrArray of JsonNode, each kept verbatim. Never NULL; take replaces them. */
GPtrArray   *vera_article_get_annotations  (VeraArticle  *self);
void         vera_article_take_annotations (VeraArticle  *self,
                                            GPtrArray    *annotations);

G_END_DECLS
