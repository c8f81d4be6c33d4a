/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"
#include "vera-enums.h"

G_BEGIN_DECLS

/* String forms of the vocabularies: the enum nicks ("in-progress", "injected-text", …). */
const char      *vera_status_to_string         (VeraStatus        status);
gboolean         vera_status_from_string       (const char       *str,
                                                VeraStatus       *status);
/* A translated, human label for the UI and reports. */
const char      *vera_status_get_label         (VeraStatus        status);
/* The ClaimReview reviewRating of a verdict: alternateName and ratingValue 1–5 (0 when the status
 * is not a verdict, e.g. unreviewed). */
int              vera_status_get_rating        (VeraStatus        status,
                                                const char      **alternate_name);
gboolean         vera_status_is_verdict        (VeraStatus        status);

const char      *vera_claim_kind_to_string     (VeraClaimKind     kind);
gboolean         vera_claim_kind_from_string   (const char       *str,
                                                VeraClaimKind    *kind);
const char      *vera_claim_kind_get_label     (VeraClaimKind     kind);
/* A NULL-terminated array of the nicks set in @kinds, in vocabulary order. */
char           **vera_claim_kinds_to_strv      (VeraClaimKind     kinds);

const char      *vera_finding_kind_to_string   (VeraFindingKind   kind);
gboolean         vera_finding_kind_from_string (const char       *str,
                                                VeraFindingKind  *kind);
const char      *vera_finding_kind_get_label   (VeraFindingKind   kind);

const char      *vera_conflict_kind_to_string  (VeraConflictKind  kind);
gboolean         vera_conflict_kind_from_string (const char      *str,
                                                 VeraConflictKind *kind);

const char      *vera_stance_to_string         (VeraStance        stance);
gboolean         vera_stance_from_string       (const char       *str,
                                                VeraStance       *stance);

const char      *vera_link_health_to_string    (VeraLinkHealth    health);
gboolean         vera_link_health_from_string  (const char       *str,
                                                VeraLinkHealth   *health);
const char      *vera_link_health_get_label    (VeraLinkHealth    health);

G_END_DECLS
