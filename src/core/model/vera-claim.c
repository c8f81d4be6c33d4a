/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim"

#include "config.h"

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-enums.h"
#include "vera-model-private.h"
#include "vera-person.h"
#include "vera-quantity.h"
#include "vera-reference.h"
#include "vera-review.h"
#include "vera-util.h"

struct _VeraClaim
{
  GObject        parent_instance;

  char          *id;
  guint          start;
  guint          end;
  char          *text;
  char          *prefix;
  char          *suffix;
  VeraArticle   *article;   /* the owner; it clears this when it lets the claim go */

  double         score;
  VeraClaimKind  kinds;
  VeraStatus     status;
  char          *note;
  char          *reviewer;
  char          *modified;

  GListStore    *references;
  GPtrArray     *quantities;
  GPtrArray     *people;

  GPtrArray     *reviews;   /* VeraReview: other reviewers' verdicts, NULL until pulled */
  VeraSharedAnnotation *shared;
};

G_DEFINE_FINAL_TYPE (VeraClaim, vera_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_ARTICLE,
  PROP_SCORE,
  PROP_KINDS,
  PROP_STATUS,
  PROP_NOTE,
  PROP_REVIEWER,
  PROP_MODIFIED,
  PROP_N_REFERENCES,
  PROP_N_REVIEWS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
references_changed_cb (VeraClaim  *self,
                       guint       position,
                       guint       removed,
                       guint       added,
                       GListModel *model)
{
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_REFERENCES]);
}

static void
vera_claim_finalize (GObject *object)
{
  VeraClaim *self = (VeraClaim *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->prefix, g_free);
  g_clear_pointer (&self->suffix, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_object (&self->references);
  g_clear_pointer (&self->quantities, g_ptr_array_unref);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  g_clear_pointer (&self->shared, vera_shared_annotation_free);

  G_OBJECT_CLASS (vera_claim_parent_class)->finalize (object);
}

static void
vera_claim_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  VeraClaim *self = VERA_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:       g_value_set_string (value, self->id); break;
    case PROP_START:    g_value_set_uint (value, self->start); break;
    case PROP_END:      g_value_set_uint (value, self->end); break;
    case PROP_TEXT:     g_value_set_string (value, self->text); break;
    case PROP_ARTICLE:  g_value_set_object (value, self->article); break;
    case PROP_SCORE:    g_value_set_double (value, self->score); break;
    case PROP_KINDS:    g_value_set_flags (value, self->kinds); break;
    case PROP_STATUS:   g_value_set_enum (value, self->status); break;
    case PROP_NOTE:     g_value_set_string (value, self->note); break;
    case PROP_REVIEWER: g_value_set_string (value, self->reviewer); break;
    case PROP_MODIFIED: g_value_set_string (value, self->modified); break;
    case PROP_N_REFERENCES:
      g_value_set_uint (value, vera_claim_get_n_references (self));
      break;
    case PROP_N_REVIEWS:
      g_value_set_uint (value, self->reviews != NULL ? self->reviews->len : 0);
      break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_claim_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  VeraClaim *self = VERA_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:       self->id = g_value_dup_string (value); break;
    case PROP_START:    self->start = g_value_get_uint (value); break;
    case PROP_END:      self->end = g_value_get_uint (value); break;
    case PROP_TEXT:     self->text = g_value_dup_string (value); break;
    case PROP_SCORE:    vera_claim_set_score (self, g_value_get_double (value)); break;
    case PROP_KINDS:    vera_claim_set_kinds (self, g_value_get_flags (value)); break;
    case PROP_STATUS:   vera_claim_set_status (self, g_value_get_enum (value)); break;
    case PROP_NOTE:     vera_claim_set_note (self, g_value_get_string (value)); break;
    case PROP_REVIEWER: vera_claim_set_reviewer (self, g_value_get_string (value)); break;
    case PROP_MODIFIED: vera_claim_set_modified (self, g_value_get_string (value)); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_claim_class_init (VeraClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vera_claim_finalize;
  object_class->get_property = vera_claim_get_property;
  object_class->set_property = vera_claim_set_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties [PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties [PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, construct);
  properties [PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, VERA_TYPE_ARTICLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties [PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, 0, 1, 0, rw);
  properties [PROP_KINDS] =
    g_param_spec_flags ("kinds", NULL, NULL, VERA_TYPE_CLAIM_KIND, VERA_CLAIM_KIND_NONE, rw);
  properties [PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, VERA_TYPE_STATUS, VERA_STATUS_UNREVIEWED, rw);
  properties [PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, rw);
  properties [PROP_REVIEWER] = g_param_spec_string ("reviewer", NULL, NULL, NULL, rw);
  properties [PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, rw);
  properties [PROP_N_REFERENCES] =
    g_param_spec_uint ("n-references", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Notified whenever the reviews are replaced (a pull), even when their number stays. */
  properties [PROP_N_REVIEWS] =
    g_param_spec_uint ("n-reviews", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vera_claim_init (VeraClaim *self)
{
  self->quantities = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_quantity_free);
  self->people = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
}

VeraClaim *
vera_claim_new (const char *id,
                guint       start,
                guint       end,
                const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);

  return g_object_new (VERA_TYPE_CLAIM,
                       "id", id,
                       "start", start,
                       "end", end,
                       "text", text,
                       NULL);
}

const char *
vera_claim_get_id (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->id;
}

guint
vera_claim_get_start (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), 0);
  return self->start;
}

guint
vera_claim_get_end (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), 0);
  return self->end;
}

const char *
vera_claim_get_text (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->text;
}

const char *
vera_claim_get_prefix (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->prefix;
}

const char *
vera_claim_get_suffix (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->suffix;
}

void
vera_claim_set_context (VeraClaim  *self,
                        const char *prefix,
                        const char *suffix)
{
  g_return_if_fail (VERA_IS_CLAIM (self));

  g_free (self->prefix);
  self->prefix = g_strdup (prefix);
  g_free (self->suffix);
  self->suffix = g_strdup (suffix);
}

VeraArticle *
vera_claim_get_article (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->article;
}

void
_vera_claim_set_article (VeraClaim   *self,
                         VeraArticle *article)
{
  g_assert (VERA_IS_CLAIM (self));
  self->article = article;
}

double
vera_claim_get_score (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), 0);
  return self->score;
}

void
vera_claim_set_score (VeraClaim *self,
                      double     score)
{
  g_return_if_fail (VERA_IS_CLAIM (self));

  score = CLAMP (score, 0.0, 1.0);
  if (self->score == score)
    return;
  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SCORE]);
}

VeraClaimKind
vera_claim_get_kinds (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), 0);
  return self->kinds;
}

void
vera_claim_set_kinds (VeraClaim     *self,
                      VeraClaimKind  kinds)
{
  g_return_if_fail (VERA_IS_CLAIM (self));

  if (self->kinds == kinds)
    return;
  self->kinds = kinds;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_KINDS]);
}

VeraStatus
vera_claim_get_status (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), 0);
  return self->status;
}

void
vera_claim_set_status (VeraClaim  *self,
                       VeraStatus  status)
{
  VeraStatus old;

  g_return_if_fail (VERA_IS_CLAIM (self));
  g_return_if_fail (status < VERA_N_STATUSES);

  if (self->status == status)
    return;
  old = self->status;
  self->status = status;
  if (self->article != NULL)
    _vera_article_claim_status_changed (self->article, old, status);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
}

const char *
vera_claim_get_note (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->note ? self->note : "";
}

void
vera_claim_set_note (VeraClaim  *self,
                     const char *note)
{
  g_return_if_fail (VERA_IS_CLAIM (self));

  if (note != NULL && *note == '\0')
    note = NULL;
  if (vera_set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_NOTE]);
}

const char *
vera_claim_get_reviewer (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->reviewer;
}

void
vera_claim_set_reviewer (VeraClaim  *self,
                         const char *reviewer)
{
  g_return_if_fail (VERA_IS_CLAIM (self));

  if (vera_set_str (&self->reviewer, reviewer))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVIEWER]);
}

const char *
vera_claim_get_modified (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->modified;
}

void
vera_claim_set_modified (VeraClaim  *self,
                         const char *modified)
{
  g_return_if_fail (VERA_IS_CLAIM (self));

  if (vera_set_str (&self->modified, modified))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MODIFIED]);
}

/* Most claims never get a reference: their list is made when first needed. */
static GListStore *
ensure_references (VeraClaim *self)
{
  if (self->references == NULL)
    {
      self->references = g_list_store_new (VERA_TYPE_REFERENCE);
      g_signal_connect_object (self->references, "items-changed",
                               G_CALLBACK (references_changed_cb), self, G_CONNECT_SWAPPED);
    }
  return self->references;
}

GListModel *
vera_claim_get_references (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return G_LIST_MODEL (ensure_references (self));
}

guint
vera_claim_get_n_references (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), 0);
  return self->references ? g_list_model_get_n_items (G_LIST_MODEL (self->references)) : 0;
}

void
vera_claim_insert_reference (VeraClaim     *self,
                             guint          position,
                             VeraReference *reference)
{
  guint n;

  g_return_if_fail (VERA_IS_CLAIM (self));
  g_return_if_fail (VERA_IS_REFERENCE (reference));

  n = g_list_model_get_n_items (G_LIST_MODEL (ensure_references (self)));
  g_list_store_insert (self->references, MIN (position, n), reference);
}

gboolean
vera_claim_remove_reference (VeraClaim     *self,
                             VeraReference *reference,
                             guint         *position)
{
  guint pos;

  g_return_val_if_fail (VERA_IS_CLAIM (self), FALSE);
  g_return_val_if_fail (VERA_IS_REFERENCE (reference), FALSE);

  if (self->references == NULL || !g_list_store_find (self->references, reference, &pos))
    return FALSE;
  g_list_store_remove (self->references, pos);
  if (position != NULL)
    *position = pos;
  return TRUE;
}

GPtrArray *
vera_claim_get_quantities (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->quantities;
}

void
vera_claim_take_quantities (VeraClaim *self,
                            GPtrArray *quantities)
{
  g_return_if_fail (VERA_IS_CLAIM (self));
  g_return_if_fail (quantities != NULL);

  g_ptr_array_unref (self->quantities);
  self->quantities = quantities;
}

GPtrArray *
vera_claim_get_people (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);
  return self->people;
}

void
vera_claim_take_people (VeraClaim *self,
                        GPtrArray *people)
{
  g_return_if_fail (VERA_IS_CLAIM (self));
  g_return_if_fail (people != NULL);

  g_ptr_array_unref (self->people);
  self->people = people;
}

GPtrArray *
vera_claim_get_reviews (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);

  if (self->reviews == NULL)
    self->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_review_free);
  return self->reviews;
}

void
vera_claim_take_reviews (VeraClaim *self,
                         GPtrArray *reviews)
{
  g_return_if_fail (VERA_IS_CLAIM (self));
  g_return_if_fail (reviews != NULL);

  g_clear_pointer (&self->reviews, g_ptr_array_unref);
  self->reviews = reviews;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_REVIEWS]);
}

const VeraSharedAnnotation *
vera_claim_get_shared (VeraClaim *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM (self), NULL);

  return self->shared;
}

void
vera_claim_set_shared (VeraClaim                  *self,
                       const VeraSharedAnnotation *shared)
{
  g_return_if_fail (VERA_IS_CLAIM (self));

  g_clear_pointer (&self->shared, vera_shared_annotation_free);
  if (shared != NULL)
    self->shared = vera_shared_annotation_copy (shared);
}
