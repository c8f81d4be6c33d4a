/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The figures of one sentence written in Chinese (UTF-8, @len bytes), as a GPtrArray of
 * VeraQuantity in text order with code point offsets from the start of the sentence. */
G_GNUC_INTERNAL GPtrArray *vera_quantities_zh_extract (const char *sentence,
                                                       gsize       len);
/* TRUE when the sentence holds a Han character next to a digit or a Chinese numeral: the
 * Chinese grammar reads it. */
G_GNUC_INTERNAL gboolean   vera_quantities_zh_applies (const char *sentence,
                                                       gsize       len);

G_END_DECLS
