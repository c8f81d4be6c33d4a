/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-archive"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-fact-rating.h"
#include "vera-lexicon.h"
#include "vera-vocabulary.h"

/* Lower case, hyphens and underscores as spaces, runs of white space as one, no trailing
 * punctuation: "Pants-on-Fire!" → "pants on fire". */
static char *
normalise_rating (const char *text)
{
  g_autofree char *down = g_utf8_strdown (text, -1);
  GString *out = g_string_sized_new (strlen (down));

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == '_' || g_unichar_isspace (c))
        {
          if (out->len > 0 && out->str[out->len - 1] != ' ')
            g_string_append_c (out, ' ');
        }
      else
        g_string_append_unichar (out, c);
    }
  while (out->len > 0)
    {
      const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);
      gunichar c = g_utf8_get_char (last);

      if (c != ' ' && !g_unichar_ispunct (c))
        break;
      g_string_truncate (out, last - out->str);
    }
  return g_string_free (out, FALSE);
}

static VeraStatus
status_of_text (const char *text)
{
  g_autofree char *key = normalise_rating (text);
  const char *nick;
  VeraStatus status;

  if (key[0] == '\0')
    return VERA_STATUS_UNREVIEWED;
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    {
      const char *name = NULL;
      g_autofree char *name_key = NULL;

      if (vera_status_get_rating (s, &name) == 0 || name == NULL)
        continue;
      name_key = normalise_rating (name);
      if (g_str_equal (name_key, key))
        return s;
    }
  nick = vera_lexicon_lookup (vera_lexicon_get (VERA_LANGUAGE_UND, "archive-ratings"), key, -1);
  if (nick != NULL && vera_status_from_string (nick, &status))
    return status;
  return VERA_STATUS_UNREVIEWED;
}

VeraStatus
vera_fact_rating_to_status (const char *text,
                            double      value,
                            double      best,
                            double      worst)
{
  VeraStatus found = VERA_STATUS_UNREVIEWED;
  guint n_found = 0;

  if (text != NULL)
    {
      VeraStatus status = status_of_text (text);

      if (status != VERA_STATUS_UNREVIEWED)
        return status;
    }
  if (!isfinite (value) || best != 5 || worst != 1 || value != floor (value))
    return VERA_STATUS_UNREVIEWED;
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    if (vera_status_get_rating (s, NULL) == (int) value)
      {
        found = s;
        n_found++;
      }
  return n_found == 1 ? found : VERA_STATUS_UNREVIEWED;
}
