/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-text-span.h"

G_BEGIN_DECLS

GArray *vera_segment_sentences (const char   *text,
                                gsize         len,
                                const GArray *skip);

G_END_DECLS
