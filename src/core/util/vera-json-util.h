/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* JSON nested deeper than this is refused before parsing: json-glib's parser recurses once per
 * level, so hostile input (a project file, a web page, a service's answer) could exhaust the
 * stack. Real documents stay far below it. */
#define VERA_JSON_MAX_DEPTH 64

/* FALSE when the arrays and objects of @data nest deeper than @max_depth. */
gboolean vera_json_depth_ok (const char *data,
                             gsize       length,
                             guint       max_depth);

G_END_DECLS
