/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VERA_TYPE_SCORER (vera_scorer_get_type ())

G_DECLARE_FINAL_TYPE (VeraScorer, vera_scorer, VERA, SCORER, GObject)

#define VERA_SCORER_ERROR (vera_scorer_error_quark ())

typedef enum
{
  VERA_SCORER_ERROR_INVALID_WEIGHTS,
} VeraScorerError;

GQuark      vera_scorer_error_quark    (void);

/* The check-worthiness model trained on ClaimBuster, from the weights embedded in the core. */
VeraScorer *vera_scorer_new            (GError     **error);
/* A model from the text of a weights file (as vera-train-scorer writes it). */
VeraScorer *vera_scorer_new_from_bytes (GBytes      *weights,
                                        GError     **error);
/* How worth checking one sentence (UTF-8) is, in [0, 1]. Deterministic; safe to call from
 * several threads at once on the same scorer. */
double      vera_scorer_score          (VeraScorer  *self,
                                        const char  *sentence);
/* The same for a sentence of @length bytes, not necessarily NUL-terminated. */
double      vera_scorer_score_len      (VeraScorer  *self,
                                        const char  *sentence,
                                        gsize        length);

G_END_DECLS
