/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include "vera-quantities-zh.h"
#include "vera-quantity.h"

/* The Chinese number grammar: being written (issue 12). Until it lands, Chinese sentences give
 * no figure rather than a wrong one. */
GPtrArray *
vera_quantities_zh_extract (const char *sentence,
                            gsize       len)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) vera_quantity_free);
}

gboolean
vera_quantities_zh_applies (const char *sentence,
                            gsize       len)
{
  const char *end = sentence + len;

  for (const char *p = sentence; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        return FALSE;
      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }
  return FALSE;
}
