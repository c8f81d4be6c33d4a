/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-people.h"

G_BEGIN_DECLS

/* The German and Chinese halves of vera_people_extract_tokens() and
 * vera_vague_sources_find_tokens(), with the same contracts (vera-people.h). The German ones
 * reuse @tokens when not NULL; the Chinese ones read the characters themselves, since a run of
 * Han characters is one token. */
GPtrArray *vera_people_extract_de     (const char *sentence,
                                       gsize       len,
                                       GArray     *tokens);
GArray    *vera_vague_sources_find_de (const char *sentence,
                                       gsize       len,
                                       GArray     *tokens);
GPtrArray *vera_people_extract_zh     (const char *sentence,
                                       gsize       len);
GArray    *vera_vague_sources_find_zh (const char *sentence,
                                       gsize       len);

/* Adds a person for the name at code points [@start, @end) of the sentence, with @role (may
 * be NULL), unless the array holds that name already. Returns the person added, or NULL. */
VeraPerson *vera_people_add           (GPtrArray  *people,
                                       const char *name,
                                       const char *role,
                                       guint       start,
                                       guint       end);
/* Marks as quoted the person nearest to code point @cue (a speech verb or the colon before a
 * quote). */
void        vera_people_mark_nearest  (GPtrArray  *people,
                                       guint       cue);
/* Appends the byte span [@start, @end) unless it overlaps the last one. */
void        vera_vague_spans_add      (GArray     *spans,
                                       gsize       start,
                                       gsize       end);

G_END_DECLS
