/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

/* What a team review of a claim adds to the model (issue 18): other reviewers' verdicts pulled
 * from an annotation server, and the annotation this reviewer shared, so sharing again updates it
 * instead of adding a duplicate. Stored in the project file under claims[].reviews and
 * claims[].shared. */

#define VERA_TYPE_REVIEW (vera_review_get_type ())

/* Another reviewer's verdict on a claim, as their annotation on the server said it. */
struct _VeraReview
{
  char       *reviewer;    /* "acct:name@authority" (Hypothesis) or the creator's name/IRI */
  char       *note;        /* the annotation's text, or NULL */
  char       *updated;     /* ISO 8601 as the server gave it, or NULL */
  char       *annotation;  /* the annotation's id (Hypothesis) or IRI (W3C) */
  VeraStatus  status;      /* VERA_STATUS_UNREVIEWED when it carried no vera:status tag */
};

GType       vera_review_get_type (void) G_GNUC_CONST;
VeraReview *vera_review_new      (const char       *reviewer,
                                  VeraStatus        status,
                                  const char       *note,
                                  const char       *updated,
                                  const char       *annotation);
VeraReview *vera_review_copy     (const VeraReview *self);
void        vera_review_free     (VeraReview       *self);
gboolean    vera_review_equal    (const VeraReview *a,
                                  const VeraReview *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraReview, vera_review_free)

#define VERA_TYPE_SHARED_ANNOTATION (vera_shared_annotation_get_type ())

/* The annotation this reviewer made of a claim on @server: its id (or IRI) and, for a W3C
 * server, the ETag that an update must send back in If-Match. */
struct _VeraSharedAnnotation
{
  char *server;  /* the API URL (Hypothesis) or container URL (W3C) it was shared to */
  char *id;
  char *etag;    /* NULL when the server gives none (Hypothesis) */
};

GType                 vera_shared_annotation_get_type (void) G_GNUC_CONST;
VeraSharedAnnotation *vera_shared_annotation_new      (const char                 *server,
                                                       const char                 *id,
                                                       const char                 *etag);
VeraSharedAnnotation *vera_shared_annotation_copy     (const VeraSharedAnnotation *self);
void                  vera_shared_annotation_free     (VeraSharedAnnotation       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraSharedAnnotation, vera_shared_annotation_free)

/* The identity of @article's document on an annotation server: its source when that is an
 * http(s) URL (it came from the web), otherwise "urn:x-vera:sha256:" and the lower-case hex
 * SHA-256 of the article text as stored (UTF-8), so colleagues with their own copy of a file
 * meet on the same annotations. */
char       *vera_article_dup_document_uri (VeraArticle *article);

G_END_DECLS
