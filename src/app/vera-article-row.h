/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_ARTICLE_ROW (vera_article_row_get_type ())

G_DECLARE_FINAL_TYPE (VeraArticleRow, vera_article_row, VERA, ARTICLE_ROW, GtkWidget)

/* A sidebar entry: an article's title, source, language, claim count and review progress. */
GtkWidget   *vera_article_row_new         (void);
void         vera_article_row_set_article (VeraArticleRow *self,
                                           VeraArticle    *article);
VeraArticle *vera_article_row_get_article (VeraArticleRow *self);

G_END_DECLS
