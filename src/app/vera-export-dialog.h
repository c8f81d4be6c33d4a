/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_EXPORT_DIALOG (vera_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (VeraExportDialog, vera_export_dialog, VERA, EXPORT_DIALOG, AdwWindow)

/* The Export dialog: a format, all claims or the reviewed ones only, and whether findings,
 * conflicts and references go in. The organisation and reviewer come from @settings. Emits
 * ::exported with the written file. */
VeraExportDialog *vera_export_dialog_new        (GtkWindow        *parent,
                                                 VeraProject      *project,
                                                 GSettings        *settings);
/* Writes the export to @file now (the dialog's Export button asks for the file first). */
gboolean          vera_export_dialog_export_to  (VeraExportDialog *self,
                                                 GFile            *file,
                                                 GError          **error);
void              vera_export_dialog_set_format (VeraExportDialog *self,
                                                 guint             format);

G_END_DECLS
