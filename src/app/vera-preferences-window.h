/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vera-net-service.h"

G_BEGIN_DECLS

#define VERA_TYPE_PREFERENCES_WINDOW (vera_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (VeraPreferencesWindow, vera_preferences_window, VERA, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

/* Preferences bound to @settings; the fact-check API key goes to the keyring and, once applied,
 * to @net_service (may be NULL). */
GtkWidget *vera_preferences_window_new (GtkWindow *parent,
                                        GSettings *settings,
                                        VeraNetService *net_service);

G_END_DECLS
