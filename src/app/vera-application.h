/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_APPLICATION (vera_application_get_type ())

G_DECLARE_FINAL_TYPE (VeraApplication, vera_application, VERA, APPLICATION, AdwApplication)

/* The application owns the settings, the network service and the analyser, and hands them to
 * each window. Files given on the command line or by the file manager open in the running
 * instance: projects in a window of their own, articles in the active window. */
VeraApplication *vera_application_new          (const char      *application_id,
                                                GApplicationFlags flags);
GSettings       *vera_application_get_settings (VeraApplication *self);
/* Creates a window with this application's settings and services. */
GtkWindow       *vera_application_new_window   (VeraApplication *self);

G_END_DECLS
