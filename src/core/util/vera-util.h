/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Replaces the string at @str_pointer with a copy of @new_str; FALSE, and nothing done, when
 * they are equal. Setters notify only when this returns TRUE. (g_set_str() from GLib 2.76, which
 * the project cannot require yet.) */
static inline gboolean
vera_set_str (char       **str_pointer,
              const char  *new_str)
{
  char *copy;

  if (*str_pointer == new_str || g_strcmp0 (*str_pointer, new_str) == 0)
    return FALSE;
  copy = g_strdup (new_str);
  g_free (*str_pointer);
  *str_pointer = copy;
  return TRUE;
}

G_END_DECLS
