/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _VeraProject   VeraProject;
typedef struct _VeraArticle   VeraArticle;
typedef struct _VeraClaim     VeraClaim;
typedef struct _VeraReference VeraReference;
typedef struct _VeraFinding   VeraFinding;
typedef struct _VeraConflict  VeraConflict;
typedef struct _VeraQuantity  VeraQuantity;
typedef struct _VeraPerson    VeraPerson;
typedef struct _VeraProjectFigure VeraProjectFigure;
typedef struct _VeraReview    VeraReview;
typedef struct _VeraSharedAnnotation VeraSharedAnnotation;

/* The review status of a claim (ARCHITECTURE.md, "Vocabularies"). The nick of each value is the
 * string written to project files and exports. */
typedef enum
{
  VERA_STATUS_UNREVIEWED,
  VERA_STATUS_IN_PROGRESS,
  VERA_STATUS_SUPPORTED,
  VERA_STATUS_PARTLY_SUPPORTED,
  VERA_STATUS_CONTRADICTED,
  VERA_STATUS_UNVERIFIABLE,
  VERA_STATUS_DISPUTED,
  VERA_STATUS_NOT_A_CLAIM,
} VeraStatus;

#define VERA_N_STATUSES (VERA_STATUS_NOT_A_CLAIM + 1)

/* What kind of check a claim needs; a claim may be several kinds at once. */
typedef enum /*< flags >*/
{
  VERA_CLAIM_KIND_NONE        = 0,
  VERA_CLAIM_KIND_QUANTITY    = 1 << 0,
  VERA_CLAIM_KIND_COMPARISON  = 1 << 1,
  VERA_CLAIM_KIND_QUOTE       = 1 << 2,
  VERA_CLAIM_KIND_ATTRIBUTION = 1 << 3,
  VERA_CLAIM_KIND_PREDICTION  = 1 << 4,
  VERA_CLAIM_KIND_CAUSAL      = 1 << 5,
  VERA_CLAIM_KIND_RULE        = 1 << 6,
  VERA_CLAIM_KIND_EVENT       = 1 << 7,
  VERA_CLAIM_KIND_PERSONAL    = 1 << 8,
  VERA_CLAIM_KIND_OTHER       = 1 << 9,
} VeraClaimKind;

typedef enum
{
  VERA_FINDING_KIND_INJECTED_TEXT,
  VERA_FINDING_KIND_VAGUE_SOURCE,
  VERA_FINDING_KIND_IMPLAUSIBLE,
  VERA_FINDING_KIND_TYPO,
} VeraFindingKind;

typedef enum
{
  VERA_CONFLICT_KIND_FIGURE,
  VERA_CONFLICT_KIND_PERSON,
} VeraConflictKind;

typedef enum
{
  VERA_STANCE_NONE,
  VERA_STANCE_SUPPORTS,
  VERA_STANCE_REFUTES,
  VERA_STANCE_CONTEXT,
} VeraStance;

/* The health of a reference's link after the last fetch. */
typedef enum
{
  VERA_LINK_HEALTH_UNKNOWN,
  VERA_LINK_HEALTH_OK,
  VERA_LINK_HEALTH_CLIENT_ERROR,
  VERA_LINK_HEALTH_SERVER_ERROR,
  VERA_LINK_HEALTH_DNS,
  VERA_LINK_HEALTH_REFUSED,
  VERA_LINK_HEALTH_TIMEOUT,
  VERA_LINK_HEALTH_TOO_MANY_REDIRECTS,
  VERA_LINK_HEALTH_TOO_LARGE,
  VERA_LINK_HEALTH_BAD_SCHEME,
  VERA_LINK_HEALTH_NETWORK_ERROR,
} VeraLinkHealth;

G_END_DECLS
