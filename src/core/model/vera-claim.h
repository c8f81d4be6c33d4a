/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_CLAIM (vera_claim_get_type ())

G_DECLARE_FINAL_TYPE (VeraClaim, vera_claim, VERA, CLAIM, GObject)

/* A check-worthy span of an article. Offsets count code points into the article text, end
 * exclusive; prefix and suffix (a W3C TextQuoteSelector) let it be re-anchored if the text moves.
 *
 * Review fields (status, note, references) change through VeraProject, which records undo
 * history and stamps reviewer and time; the setters here are for loading and for the project. */
VeraClaim     *vera_claim_new                (const char     *id,
                                              guint           start,
                                              guint           end,
                                              const char     *text);
const char    *vera_claim_get_id             (VeraClaim      *self);
guint          vera_claim_get_start          (VeraClaim      *self);
guint          vera_claim_get_end            (VeraClaim      *self);
const char    *vera_claim_get_text           (VeraClaim      *self);
const char    *vera_claim_get_prefix         (VeraClaim      *self);
const char    *vera_claim_get_suffix         (VeraClaim      *self);
void           vera_claim_set_context        (VeraClaim      *self,
                                              const char     *prefix,
                                              const char     *suffix);
/* The article this claim belongs to (a weak pointer), or NULL while unattached. */
VeraArticle   *vera_claim_get_article        (VeraClaim      *self);
double         vera_claim_get_score          (VeraClaim      *self);
void           vera_claim_set_score          (VeraClaim      *self,
                                              double          score);
VeraClaimKind  vera_claim_get_kinds          (VeraClaim      *self);
void           vera_claim_set_kinds          (VeraClaim      *self,
                                              VeraClaimKind   kinds);
VeraStatus     vera_claim_get_status         (VeraClaim      *self);
void           vera_claim_set_status         (VeraClaim      *self,
                                              VeraStatus      status);
const char    *vera_claim_get_note           (VeraClaim      *self);
void           vera_claim_set_note           (VeraClaim      *self,
                                              const char     *note);
const char    *vera_claim_get_reviewer       (VeraClaim      *self);
void           vera_claim_set_reviewer       (VeraClaim      *self,
                                              const char     *reviewer);
/* ISO 8601 UTC time of the last review action, or NULL. */
const char    *vera_claim_get_modified       (VeraClaim      *self);
void           vera_claim_set_modified       (VeraClaim      *self,
                                              const char     *modified);
/* A GListModel of VeraReference. */
GListModel    *vera_claim_get_references     (VeraClaim      *self);
guint          vera_claim_get_n_references   (VeraClaim      *self);
void           vera_claim_insert_reference   (VeraClaim      *self,
                                              guint           position,
                                              VeraReference  *reference);
gboolean       vera_claim_remove_reference   (VeraClaim      *self,
                                              VeraReference  *reference,
                                              guint          *position);
/* Arrays of VeraQuantity / VeraPerson, owned by the claim. */
GPtrArray     *vera_claim_get_quantities     (VeraClaim      *self);
void           vera_claim_take_quantities    (VeraClaim      *self,
                                              GPtrArray      *quantities);
GPtrArray     *vera_claim_get_people         (VeraClaim      *self);
void           vera_claim_take_people        (VeraClaim      *self,
                                              GPtrArray      *people);

/* Other reviewers' verdicts (VeraReview), pulled from an annotation server; never NULL, owned by
 * the claim. Take replaces them and notifies :n-reviews. They are not review actions of this
 * reviewer: no undo. */
GPtrArray     *vera_claim_get_reviews        (VeraClaim      *self);
void           vera_claim_take_reviews       (VeraClaim      *self,
                                              GPtrArray      *reviews);
/* The annotation this reviewer shared of the claim, or NULL; set copies (NULL clears). */
const VeraSharedAnnotation *vera_claim_get_shared (VeraClaim *self);
void           vera_claim_set_shared         (VeraClaim      *self,
                                              const VeraSharedAnnotation *shared);

G_END_DECLS
