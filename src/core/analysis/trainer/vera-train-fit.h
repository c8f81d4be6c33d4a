/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Weighted, L2-regularised logistic regression over binary hashed features, fitted in full
 * batch with L-BFGS, so that the optimum does not depend on the order of the examples. */

typedef struct
{
  const GArray *features;    /* VeraScorerFeature, back to back */
  guint         n;           /* examples */
  const guint  *first;       /* n: each example's first feature */
  const guint  *count;       /* n: its number of features */
  const guint8 *labels;      /* n: 0 or 1 */
  const double *weights;     /* n: each example's weight (normalised inside) */
  guint         hash_bits;
  guint         min_count;   /* buckets seen in fewer examples are dropped */
  double        l2;
  guint         iterations;
  double        min_weight;  /* smaller weights are omitted from the model */
  gboolean      verbose;
} FitInput;

/* A model as the weights file holds it: every number rounded as it is written ("%.6g"), so
 * that scores computed from it equal the scores of the file read back. */
typedef struct
{
  double  bias;
  float  *weights;           /* 1 << hash_bits, 0 where omitted */
  guint   hash_bits;
  guint   n_kept;
} FitModel;

void   train_fit            (const FitInput *input,
                             FitModel       *model);
void   train_model_clear    (FitModel       *model);
/* "%.6g" as the file holds it. */
void   train_format_number  (char           *buf,
                             gsize           size,
                             double          value);

G_END_DECLS
