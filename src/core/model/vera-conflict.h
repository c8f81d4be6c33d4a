/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_CONFLICT (vera_conflict_get_type ())

G_DECLARE_FINAL_TYPE (VeraConflict, vera_conflict, VERA, CONFLICT, GObject)

/* Claims in different articles about the same subject whose values disagree (kind figure), or
 * one person named with different roles (kind person). Members are claim ids; each member has the
 * value that article gives ("12,000", "Dean of …"). */
VeraConflict       *vera_conflict_new            (const char        *id,
                                                  VeraConflictKind   kind,
                                                  const char        *topic);
const char         *vera_conflict_get_id         (VeraConflict      *self);
VeraConflictKind    vera_conflict_get_kind       (VeraConflict      *self);
const char         *vera_conflict_get_topic      (VeraConflict      *self);
void                vera_conflict_add_member     (VeraConflict      *self,
                                                  const char        *claim_id,
                                                  const char        *value);
guint               vera_conflict_get_n_members  (VeraConflict      *self);
const char         *vera_conflict_get_claim_id   (VeraConflict      *self,
                                                  guint              index);
const char         *vera_conflict_get_value      (VeraConflict      *self,
                                                  guint              index);
gboolean            vera_conflict_has_claim      (VeraConflict      *self,
                                                  const char        *claim_id);

G_END_DECLS
