/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-review"

#include "config.h"

#include <string.h>

#include "vera-article.h"
#include "vera-review.h"

G_DEFINE_BOXED_TYPE (VeraReview, vera_review, vera_review_copy, vera_review_free)
G_DEFINE_BOXED_TYPE (VeraSharedAnnotation, vera_shared_annotation, vera_shared_annotation_copy,
                     vera_shared_annotation_free)

VeraReview *
vera_review_new (const char *reviewer,
                 VeraStatus  status,
                 const char *note,
                 const char *updated,
                 const char *annotation)
{
  VeraReview *self = g_new0 (VeraReview, 1);

  self->reviewer = g_strdup (reviewer);
  self->status = status;
  self->note = g_strdup (note);
  self->updated = g_strdup (updated);
  self->annotation = g_strdup (annotation);
  return self;
}

VeraReview *
vera_review_copy (const VeraReview *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return vera_review_new (self->reviewer, self->status, self->note, self->updated,
                          self->annotation);
}

void
vera_review_free (VeraReview *self)
{
  if (self == NULL)
    return;
  g_free (self->reviewer);
  g_free (self->note);
  g_free (self->updated);
  g_free (self->annotation);
  g_free (self);
}

gboolean
vera_review_equal (const VeraReview *a,
                   const VeraReview *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->status == b->status &&
         g_strcmp0 (a->reviewer, b->reviewer) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->updated, b->updated) == 0 &&
         g_strcmp0 (a->annotation, b->annotation) == 0;
}

VeraSharedAnnotation *
vera_shared_annotation_new (const char *server,
                            const char *id,
                            const char *etag)
{
  VeraSharedAnnotation *self = g_new0 (VeraSharedAnnotation, 1);

  self->server = g_strdup (server);
  self->id = g_strdup (id);
  self->etag = g_strdup (etag);
  return self;
}

VeraSharedAnnotation *
vera_shared_annotation_copy (const VeraSharedAnnotation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return vera_shared_annotation_new (self->server, self->id, self->etag);
}

void
vera_shared_annotation_free (VeraSharedAnnotation *self)
{
  if (self == NULL)
    return;
  g_free (self->server);
  g_free (self->id);
  g_free (self->etag);
  g_free (self);
}

static gboolean
is_web_url (const char *source)
{
  return source != NULL &&
         (g_ascii_strncasecmp (source, "http://", 7) == 0 ||
          g_ascii_strncasecmp (source, "https://", 8) == 0) &&
         strlen (source) > 8;
}

char *
vera_article_dup_document_uri (VeraArticle *article)
{
  g_autofree char *digest = NULL;
  const char *source;

  g_return_val_if_fail (VERA_IS_ARTICLE (article), NULL);

  source = vera_article_get_source (article);
  if (is_web_url (source))
    return g_strdup (source);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                        (const guchar *) vera_article_get_text (article),
                                        vera_article_get_text_length (article));
  return g_strconcat ("urn:x-vera:sha256:", digest, NULL);
}
