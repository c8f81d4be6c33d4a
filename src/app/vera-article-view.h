/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_ARTICLE_VIEW (vera_article_view_get_type ())

G_DECLARE_FINAL_TYPE (VeraArticleView, vera_article_view, VERA, ARTICLE_VIEW, GtkWidget)

/* The text of one article, read-only, with its claims highlighted by status (a marker glyph and
 * an underline style as well as a colour) and its findings set apart. Emits ::claim-activated when
 * a claim is clicked. */
GtkWidget   *vera_article_view_new          (void);
VeraArticle *vera_article_view_get_article  (VeraArticleView *self);
void         vera_article_view_set_article  (VeraArticleView *self,
                                             VeraArticle     *article);
/* Highlights @claim (of the shown article, or NULL) and scrolls it into view. */
void         vera_article_view_set_claim    (VeraArticleView *self,
                                             VeraClaim       *claim);
/* The claim at a code point offset of the article, or NULL. */
VeraClaim   *vera_article_view_claim_at     (VeraArticleView *self,
                                             guint            char_offset);
GtkTextView *vera_article_view_get_text_view (VeraArticleView *self);

G_END_DECLS
