/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_PROJECT_SETTINGS (vera_project_settings_get_type ())

G_DECLARE_FINAL_TYPE (VeraProjectSettings, vera_project_settings, VERA, PROJECT_SETTINGS,
                      AdwPreferencesWindow)

/* The settings of one project, bound to its :claim-threshold and :reference-figures: the
 * threshold of its analyses and its own reference figures (listed, added, removed). */
GtkWidget   *vera_project_settings_new         (GtkWindow   *parent,
                                                VeraProject *project);
VeraProject *vera_project_settings_get_project (VeraProjectSettings *self);

G_END_DECLS
