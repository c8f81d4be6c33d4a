/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_FINDING (vera_finding_get_type ())

G_DECLARE_FINAL_TYPE (VeraFinding, vera_finding, VERA, FINDING, GObject)

/* A flagged span of an article that is not a claim: injected text, a vague source, an
 * implausible figure, a typo. Offsets count code points, end exclusive. */
VeraFinding     *vera_finding_new         (VeraFindingKind  kind,
                                           guint            start,
                                           guint            end,
                                           const char      *text,
                                           const char      *message);
VeraFindingKind  vera_finding_get_kind    (VeraFinding     *self);
guint            vera_finding_get_start   (VeraFinding     *self);
guint            vera_finding_get_end     (VeraFinding     *self);
const char      *vera_finding_get_text    (VeraFinding     *self);
/* Why the span was flagged, in the user's language at analysis time. */
const char      *vera_finding_get_message (VeraFinding     *self);
/* Supporting detail: for an implausible figure, the reference figure with its source and date. */
const char      *vera_finding_get_detail  (VeraFinding     *self);
void             vera_finding_set_detail  (VeraFinding     *self,
                                           const char      *detail);

/* The reference figure an implausible figure was held against: its value, the year it is for
 * (0 when the source gives none), its source ("World Bank") and a page about it (or NULL).
 * @source NULL clears it. */
void             vera_finding_set_reference (VeraFinding   *self,
                                             double         value,
                                             int            year,
                                             const char    *source,
                                             const char    *url);
/* The reference's source, or NULL when the finding has none. */
const char      *vera_finding_get_reference_source (VeraFinding *self);
double           vera_finding_get_reference_value  (VeraFinding *self);
int              vera_finding_get_reference_year   (VeraFinding *self);
const char      *vera_finding_get_reference_url    (VeraFinding *self);

G_END_DECLS
