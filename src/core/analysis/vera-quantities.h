/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"
#include "vera-quantity.h"

G_BEGIN_DECLS

/* Finds every figure in one sentence (UTF-8, @len bytes) and returns a GPtrArray of
 * VeraQuantity, in text order. Offsets are code points from the start of the sentence; the
 * caller shifts them into the article. Years on their own ("in 2024") are time scopes, not
 * figures; names with numbers ("Fortune 500", "Chapter 1", "5G") are skipped. */
GPtrArray  *vera_quantities_extract      (const char *sentence,
                                          gsize       len);

/* The same, reusing the tokens of vera_tokens_split() for this sentence. */
GPtrArray  *vera_quantities_extract_tokens (const char *sentence,
                                            gsize       len,
                                            GArray     *tokens);

/* The same, for a sentence of an article in @language: separators, scale words, currencies and
 * qualifiers of that language. UND reads the sentence as English unless it is written in Han
 * characters. @tokens may be NULL. */
GPtrArray  *vera_quantities_extract_language (const char   *sentence,
                                              gsize         len,
                                              GArray       *tokens,
                                              VeraLanguage  language);

/* The time scope phrases of a sentence ("in 2024", "since 2020", "annually", "last quarter"),
 * as a NULL-terminated array in text order. */
char      **vera_quantities_find_scopes  (const char *sentence,
                                          gsize       len);

/* TRUE when @unit is a currency code that vera_quantities_extract() produces ("USD", "CNY"). */
gboolean    vera_quantity_unit_is_currency (const char *unit);

/* TRUE when the sorted lexicons of this module are in order (for the tests). */
gboolean   vera_quantities_lexicons_sorted (void);

G_END_DECLS
