/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-language"

#include "config.h"

#include <string.h>

#include "vera-language.h"

VeraLanguage
vera_language_from_tag (const char *tag)
{
  char primary[4] = { 0, };
  gsize n = 0;

  if (tag == NULL || *tag == '\0')
    return VERA_LANGUAGE_UND;
  while (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_' && tag[n] != '.' && tag[n] != '@')
    {
      if (n >= 3 || !g_ascii_isalpha (tag[n]))
        return VERA_LANGUAGE_OTHER;
      primary[n] = g_ascii_tolower (tag[n]);
      n++;
    }
  if (n == 0)
    return VERA_LANGUAGE_UND;
  if (strcmp (primary, "en") == 0 || strcmp (primary, "eng") == 0)
    return VERA_LANGUAGE_EN;
  if (strcmp (primary, "de") == 0 || strcmp (primary, "deu") == 0 || strcmp (primary, "ger") == 0)
    return VERA_LANGUAGE_DE;
  if (strcmp (primary, "zh") == 0 || strcmp (primary, "zho") == 0 || strcmp (primary, "chi") == 0 ||
      strcmp (primary, "cmn") == 0 || strcmp (primary, "yue") == 0)
    return VERA_LANGUAGE_ZH;
  if (strcmp (primary, "und") == 0)
    return VERA_LANGUAGE_UND;
  return VERA_LANGUAGE_OTHER;
}

const char *
vera_language_to_tag (VeraLanguage language)
{
  switch (language)
    {
    case VERA_LANGUAGE_EN:
      return "en";
    case VERA_LANGUAGE_DE:
      return "de";
    case VERA_LANGUAGE_ZH:
      return "zh";
    case VERA_LANGUAGE_UND:
    case VERA_LANGUAGE_OTHER:
    default:
      return "und";
    }
}
