/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vera-net-service.h"

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_CLAIM_CONTEXT (vera_claim_context_get_type ())

G_DECLARE_FINAL_TYPE (VeraClaimContext, vera_claim_context, VERA, CLAIM_CONTEXT, GtkWidget)

/* Context for a claim from the lookup services, on demand: earlier fact-checks of its text
 * (which need the user's API key; without one the panel says how to add it) and the Wikipedia
 * summary of each person it names. @net_service may be NULL: the panel then hides. */
GtkWidget *vera_claim_context_new             (void);
void       vera_claim_context_set_net_service (VeraClaimContext *self,
                                               VeraNetService   *net_service);
void       vera_claim_context_set_claim       (VeraClaimContext *self,
                                               VeraClaim        *claim);
/* Starts the fact-check search, as the panel's button does. */
void       vera_claim_context_search          (VeraClaimContext *self);
/* The text the panel shows about the last search ("" before one). */
const char *vera_claim_context_get_status     (VeraClaimContext *self);

G_END_DECLS
