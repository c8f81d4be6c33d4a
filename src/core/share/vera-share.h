/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-net-service.h"
#include "vera-types.h"

G_BEGIN_DECLS

/* Team review through annotation servers that already exist (issue 18): a Hypothesis API (v1)
 * or a W3C Web Annotation Protocol container. Share posts one annotation per reviewed claim and
 * updates or deletes it later; pull records other reviewers' verdicts on the claims
 * (claims[].reviews) and keeps what anchors on no claim (articles[].annotations). */

#define VERA_SHARE_ERROR (vera_share_error_quark ())

typedef enum
{
  VERA_SHARE_ERROR_UNAUTHORIZED,   /* 401/403, or a token the server does not know */
  VERA_SHARE_ERROR_SERVER,         /* 5xx */
  VERA_SHARE_ERROR_REFUSED,        /* another 4xx: the server would not take the request */
  VERA_SHARE_ERROR_INVALID,        /* the answer is not what the protocol says */
  VERA_SHARE_ERROR_NOT_MEMBER,     /* the user is not in the group (Hypothesis) */
} VeraShareError;

typedef enum
{
  VERA_SHARE_PROTOCOL_HYPOTHESIS,
  VERA_SHARE_PROTOCOL_W3C,
} VeraShareProtocol;

/* "hypothesis" or "w3c"; FALSE for anything else. */
gboolean     vera_share_protocol_from_string (const char         *str,
                                              VeraShareProtocol  *protocol);

/* Where to share. The strings are copied when an operation starts. */
typedef struct
{
  VeraShareProtocol  protocol;
  const char        *server;   /* Hypothesis: the API URL ("https://hypothes.is/api");
                                * W3C: the base of the containers, or the container itself */
  const char        *group;    /* Hypothesis: the group id ("__world__" is Public);
                                * W3C: the container's name under @server, or NULL */
  const char        *token;    /* sent as "Authorization: Bearer …"; may be NULL for W3C */
} VeraShareTarget;

/* What an operation did. */
typedef struct
{
  guint created;     /* annotations posted */
  guint updated;     /* own annotations changed in place */
  guint deleted;     /* own annotations of claims no longer reviewed */
  guint fetched;     /* annotations read (pull) */
  guint reviews;     /* other reviewers' verdicts recorded on claims (pull) */
  guint unanchored;  /* annotations kept on their article (pull) */
} VeraShareStats;

GQuark       vera_share_error_quark  (void);

/* The container URL a W3C target stands for: @server, plus @group and a slash when given. */
char        *vera_share_target_dup_container (const VeraShareTarget *target);

/* Shares the project's reviewed claims (a status other than unreviewed, a note or references):
 * creates an annotation for each claim not shared to this server yet, updates the one it
 * shared before, and deletes its annotation of a claim no longer reviewed. The project is read
 * when the operation starts and its shared-annotation records are updated when it finishes
 * successfully (on the caller's thread, marking it changed); on any failure it is untouched. */
void         vera_share_project_async  (VeraNetService         *net,
                                        VeraProject            *project,
                                        const VeraShareTarget  *target,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
gboolean     vera_share_project_finish (VeraNetService         *net,
                                        GAsyncResult           *result,
                                        VeraShareStats         *stats,
                                        GError                **error);

/* Fetches every annotation of the project's documents on the server (all pages), re-anchors
 * each on a claim (vera_webannotation_anchor()) and replaces each claim's reviews with the
 * other reviewers' verdicts found; annotations that anchor on no claim are kept verbatim on
 * their article. This reviewer's own annotations are skipped, and no claim's own status or
 * note changes. The project changes only when the whole pull succeeded. */
void         vera_share_pull_async     (VeraNetService         *net,
                                        VeraProject            *project,
                                        const VeraShareTarget  *target,
                                        GCancellable           *cancellable,
                                        GAsyncReadyCallback     callback,
                                        gpointer                user_data);
gboolean     vera_share_pull_finish    (VeraNetService         *net,
                                        GAsyncResult           *result,
                                        VeraShareStats         *stats,
                                        GError                **error);

G_END_DECLS
