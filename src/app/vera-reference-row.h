/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_REFERENCE_ROW (vera_reference_row_get_type ())

G_DECLARE_FINAL_TYPE (VeraReferenceRow, vera_reference_row, VERA, REFERENCE_ROW, AdwActionRow)

/* A reference card: title, publisher, date, link health and archived copy, with buttons to open
 * it, re-check it and remove it (the last two through the win.recheck-reference and
 * win.remove-reference actions, with the URL as target). */
GtkWidget     *vera_reference_row_new           (VeraReference    *reference);
VeraReference *vera_reference_row_get_reference (VeraReferenceRow *self);

G_END_DECLS
