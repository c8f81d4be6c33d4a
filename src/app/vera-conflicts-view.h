/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_CONFLICTS_VIEW (vera_conflicts_view_get_type ())

G_DECLARE_FINAL_TYPE (VeraConflictsView, vera_conflicts_view, VERA, CONFLICTS_VIEW, GtkWidget)

/* Every conflict of the project with its claims and the value each article gives; each value
 * jumps to its claim through win.select-claim. */
GtkWidget *vera_conflicts_view_new         (void);
void       vera_conflicts_view_set_project (VeraConflictsView *self,
                                            VeraProject       *project);

G_END_DECLS
