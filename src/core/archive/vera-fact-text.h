/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"

G_BEGIN_DECLS

/* What the archive indexes and compares of a text (a claim, a headline, a query), the same way
 * for reviews and queries so that the two meet.
 *
 * Terms: the words of Latin and other alphabetic scripts, lower case (digits with inner
 * separators joined: "4,250" → "4250", "3.5" → "3p5"; a hashtag also split at its capitals:
 * "#AustralianFires" → "australianfires australian fires"), and Chinese as overlapping character
 * bigrams ("中国经济" → "中国 国经 经济"; a lone Han character stays a term), so that a two-character
 * word matches anywhere FTS5's unicode61 tokenizer sees whole words only.
 *
 * Features: what survives translation and rewording, each a string without spaces:
 * "f:UNIT:VALUE" a figure (vera_quantities_extract_language; "$48 billion" and "480亿美元" both
 * give "f:USD:4.8e+10"), "p:PLACE" a place of any/linker-places.txt in any of its three-language
 * forms ("p:country:CN"), "n:NAME" a capitalised name (English) or a person the analysis finds
 * (German, Chinese), "y:YEAR" a year from 1800 to 2099. Sorted, without duplicates. */
typedef struct
{
  GPtrArray *terms;     /* char *, in text order, duplicates kept */
  GPtrArray *features;  /* char *, sorted, unique */
} VeraFactText;

VeraFactText *vera_fact_text_new         (const char         *text,
                                          VeraLanguage        language);
/* Adds the terms and features of @text (a second field: the headline after the claim). */
void          vera_fact_text_add         (VeraFactText       *self,
                                          const char         *text,
                                          VeraLanguage        language);
void          vera_fact_text_free        (VeraFactText       *self);

/* The indexed column: the terms, then each figure and place as one alphanumeric token
 * ("fqusdv4d8e10", "fpcountrycn") so that the full-text search finds them across languages;
 * separated by spaces. */
char         *vera_fact_text_dup_index   (const VeraFactText *self);
/* The features joined by spaces (the stored form). */
char         *vera_fact_text_dup_features (const VeraFactText *self);
/* The FTS5 token of a figure or place feature, or NULL for other features. */
char         *vera_fact_feature_dup_token (const char        *feature);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraFactText, vera_fact_text_free)

G_END_DECLS
