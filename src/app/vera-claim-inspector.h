/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vera-net-service.h"

#include "vera-types.h"
#include "vera-claim-context.h"

G_BEGIN_DECLS

#define VERA_TYPE_CLAIM_INSPECTOR (vera_claim_inspector_get_type ())

G_DECLARE_FINAL_TYPE (VeraClaimInspector, vera_claim_inspector, VERA, CLAIM_INSPECTOR, GtkWidget)

/* Everything about one claim: its status, the verdict note, references, the figures and people
 * found, and the conflicts it belongs to with each other article's value and a jump button.
 * Status and reference changes go through the window's actions (win.set-status,
 * win.add-reference) so that they get an Undo toast; the note goes straight to the project. */
GtkWidget *vera_claim_inspector_new         (void);
void       vera_claim_inspector_set_project (VeraClaimInspector *self,
                                             VeraProject        *project);
void       vera_claim_inspector_set_claim   (VeraClaimInspector *self,
                                             VeraClaim          *claim);
/* Writes a note being typed to the project now. */
void       vera_claim_inspector_commit_note (VeraClaimInspector *self);
void       vera_claim_inspector_focus_note  (VeraClaimInspector *self);
GtkTextView *vera_claim_inspector_get_note_view (VeraClaimInspector *self);
/* The lookup services for the context panel (NULL hides it). */
void       vera_claim_inspector_set_net_service (VeraClaimInspector *self,
                                                 VeraNetService     *net_service);
VeraClaimContext *vera_claim_inspector_get_context (VeraClaimInspector *self);

G_END_DECLS
