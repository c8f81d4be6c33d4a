/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

/* Links between model objects that only the model sets. */
void _vera_claim_set_article (VeraClaim   *self,
                              VeraArticle *article);
/* Tells the article that one of its claims changed status, so its counts stay current. */
void _vera_article_claim_status_changed (VeraArticle *self,
                                         VeraStatus   old_status,
                                         VeraStatus   new_status);

G_END_DECLS
