/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by vera-scorer-features.c and vera-scorer-context.c. */

/* Sorts a GArray of VeraScorerFeature by index and drops repeated indices. */
void vera_scorer_features_sort_unique (GArray     *features);
/* Appends the cue @name (hashed as every cue is) with value 1. */
void vera_scorer_features_add_cue     (GArray     *features,
                                       guint       hash_bits,
                                       const char *name);

G_END_DECLS
