/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-types.h"

G_BEGIN_DECLS

/* A figure as Vera read it, in the reviewer's language, whatever the article's: 4.8e10 USD is
 * "48 billion US dollars", "48 Mrd. US-Dollar" or "480亿美元". The separators, the scale words
 * (million/billion or 万/亿) and the unit names come from the translation, so the value reads
 * the same way as the words around it. */

/* A number alone: 16000 → "16,000" / "16.000"; 2.74e10 → "27.4 billion" / "27,4 Mrd." /
 * "274亿". Large numbers take a scale word when three decimals or fewer say them exactly. */
char *vera_figure_dup_number (double              value);
/* The value with its range, unit or counted noun and qualifier: "more than 240 electric
 * buses", "mindestens 5 %". */
char *vera_figure_dup_value  (const VeraQuantity *quantity);

G_END_DECLS
