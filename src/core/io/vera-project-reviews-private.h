/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "vera-json-writer.h"
#include "vera-types.h"

G_BEGIN_DECLS

/* The team-review keys of the project format (issue 18), kept apart from the reader and writer:
 *   claims[].reviews[]  {"reviewer", "status", "note", "updated", "annotation"}
 *   claims[].shared     {"server", "id", "etag"}   this reviewer's own annotation of the claim
 *   articles[].annotations[]                       annotations anchored on no claim, verbatim
 * Each key is written only when it holds something, so projects without team review are written
 * byte for byte as before. */

/* Writes the claim's "reviews" and "shared" members (inside the claim's object). */
void      vera_project_write_claim_reviews      (VeraJsonWriter  *w,
                                                 VeraClaim       *claim);
/* Writes the article's "annotations" member (inside the article's object). */
void      vera_project_write_article_annotations (VeraJsonWriter *w,
                                                  VeraArticle    *article);

/* Read the same members onto @claim / @article; errors start with @where. */
gboolean  vera_project_read_claim_reviews       (VeraClaim       *claim,
                                                 JsonObject      *object,
                                                 const char      *where,
                                                 GError         **error);
gboolean  vera_project_read_article_annotations (VeraArticle     *article,
                                                 JsonObject      *object,
                                                 const char      *where,
                                                 GError         **error);

G_END_DECLS
