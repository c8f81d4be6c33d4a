/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

/* Links between model objects that only the model sets. */
void _vera_claim_set_article (VeraClaim   *self,
                              VeraArticle *article);

G_END_DECLS
