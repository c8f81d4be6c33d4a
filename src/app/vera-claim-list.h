/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_CLAIM_LIST (vera_claim_list_get_type ())

G_DECLARE_FINAL_TYPE (VeraClaimList, vera_claim_list, VERA, CLAIM_LIST, GtkWidget)

/* The claims of one article or of the whole project in a sortable GtkColumnView, filtered by
 * status, kind, scope and a search text. Filtering and sorting run incrementally so that a
 * project of 100,000 claims stays smooth. Emits ::claim-selected when the user picks a row. */
GtkWidget     *vera_claim_list_new               (void);
void           vera_claim_list_set_project       (VeraClaimList *self,
                                                  VeraProject   *project);
/* The article whose claims show when the scope is "this article". */
void           vera_claim_list_set_article       (VeraClaimList *self,
                                                  VeraArticle   *article);
/* The claims shown, filtered and sorted. */
GListModel    *vera_claim_list_get_model         (VeraClaimList *self);
/* :claim, the selected claim (NULL when none): setting it selects @claim in the list if it
 * shows there, and scrolls to it. :project and :article are the setters above. */
VeraClaim     *vera_claim_list_get_claim         (VeraClaimList *self);
void           vera_claim_list_select_claim      (VeraClaimList *self,
                                                  VeraClaim     *claim);
/* The claim @delta rows away from the selected one (the first when none is), or NULL. */
VeraClaim     *vera_claim_list_get_neighbour     (VeraClaimList *self,
                                                  int            delta);
void           vera_claim_list_set_search        (VeraClaimList *self,
                                                  const char    *text);
/* -1 for any status. */
void           vera_claim_list_set_status_filter (VeraClaimList *self,
                                                  int            status);
/* Only the claims on which reviewers disagree (the status filter's "Colleagues disagree"
 * entry; vera_review_format_reviewers_disagree()). Setting it clears the status filter, and
 * setting a status filter clears it. */
void           vera_claim_list_set_disagreement_filter (VeraClaimList *self,
                                                        gboolean       disagreement);
/* VERA_CLAIM_KIND_NONE for any kind. */
void           vera_claim_list_set_kind_filter   (VeraClaimList *self,
                                                  VeraClaimKind  kind);
void           vera_claim_list_set_whole_project (VeraClaimList *self,
                                                  gboolean       whole_project);
gboolean       vera_claim_list_is_filtering      (VeraClaimList *self);
GtkAdjustment *vera_claim_list_get_vadjustment   (VeraClaimList *self);
void           vera_claim_list_focus_search      (VeraClaimList *self);

G_END_DECLS
