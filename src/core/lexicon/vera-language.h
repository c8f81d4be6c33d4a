/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The languages the analysis knows. An article in any other language is analysed with the
 * language-neutral parts only (VERA_LANGUAGE_OTHER); UND means not known yet. */
typedef enum
{
  VERA_LANGUAGE_UND,
  VERA_LANGUAGE_EN,
  VERA_LANGUAGE_DE,
  VERA_LANGUAGE_ZH,
  VERA_LANGUAGE_OTHER,
} VeraLanguage;

#define VERA_N_LANGUAGES (VERA_LANGUAGE_OTHER + 1)

/* "de", "de-AT", "zh-Hans", "zh_TW", "EN" → the language; "" or NULL → UND; "fr" → OTHER. */
VeraLanguage  vera_language_from_tag (const char   *tag);
/* "en", "de", "zh", "und"; OTHER gives "und" too (keep the article's own tag for those). */
const char   *vera_language_to_tag   (VeraLanguage  language);

G_END_DECLS
