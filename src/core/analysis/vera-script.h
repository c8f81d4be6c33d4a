/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GUnicodeScript  vera_script_family         (gunichar        c);
GUnicodeScript  vera_script_dominant       (const char     *text,
                                            gsize           len);
gboolean        vera_script_uses_spaces    (GUnicodeScript  family);
const char     *vera_script_name           (GUnicodeScript  script);

G_END_DECLS
