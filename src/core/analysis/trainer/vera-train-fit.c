/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-train-scorer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-scorer-features.h"
#include "vera-train-fit.h"

/* Every loop runs in a fixed order and the trainer is built with -ffp-contract=off, so the
 * weights come out the same byte for byte on every run. */

#define HISTORY 10

typedef struct
{
  const FitInput *input;
  guint           dim;       /* active buckets + 1 for the bias, which is last */
  guint32        *buckets;   /* the bucket of each compact index */
  guint          *columns;   /* compact indices of every example's features, back to back */
  guint          *offsets;   /* n + 1: where each example's columns start */
  double         *weights;   /* n: normalised to sum 1 */
} Problem;

static void
build_problem (Problem        *problem,
               const FitInput *in)
{
  guint size = 1u << in->hash_bits;
  g_autofree guint *counts = g_new0 (guint, size);
  g_autofree guint *compact = g_new0 (guint, size);
  const VeraScorerFeature *f = (const VeraScorerFeature *) (gpointer) in->features->data;
  guint n_active = 0, n_columns = 0;
  double total = 0;

  problem->input = in;
  for (guint e = 0; e < in->n; e++)
    for (guint k = 0; k < in->count[e]; k++)
      counts[f[in->first[e] + k].index]++;
  for (guint b = 0; b < size; b++)
    if (counts[b] >= in->min_count)
      n_active++;
  problem->dim = n_active + 1;
  problem->buckets = g_new (guint32, MAX (n_active, 1));
  n_active = 0;
  for (guint b = 0; b < size; b++)
    {
      compact[b] = G_MAXUINT;
      if (counts[b] >= in->min_count)
        {
          problem->buckets[n_active] = b;
          compact[b] = n_active++;
        }
    }
  problem->offsets = g_new (guint, in->n + 1);
  for (guint e = 0; e < in->n; e++)
    for (guint k = 0; k < in->count[e]; k++)
      if (compact[f[in->first[e] + k].index] != G_MAXUINT)
        n_columns++;
  problem->columns = g_new (guint, MAX (n_columns, 1));
  n_columns = 0;
  for (guint e = 0; e < in->n; e++)
    {
      problem->offsets[e] = n_columns;
      for (guint k = 0; k < in->count[e]; k++)
        if (compact[f[in->first[e] + k].index] != G_MAXUINT)
          problem->columns[n_columns++] = compact[f[in->first[e] + k].index];
    }
  problem->offsets[in->n] = n_columns;
  problem->weights = g_new (double, MAX (in->n, 1));
  for (guint e = 0; e < in->n; e++)
    total += in->weights[e];
  for (guint e = 0; e < in->n; e++)
    problem->weights[e] = in->weights[e] / total;
}

static double
softplus (double x)
{
  return x > 0 ? x + log1p (exp (-x)) : log1p (exp (x));
}

/* The objective and its gradient at @w; all features have value 1. */
static double
evaluate (const Problem *problem,
          const double  *w,
          double        *gradient)
{
  const FitInput *in = problem->input;
  guint bias = problem->dim - 1;
  double loss = 0, penalty = 0;

  memset (gradient, 0, sizeof (double) * problem->dim);
  for (guint e = 0; e < in->n; e++)
    {
      const guint *col = problem->columns + problem->offsets[e];
      guint n = problem->offsets[e + 1] - problem->offsets[e];
      double weight = problem->weights[e];
      double z = w[bias], p;

      for (guint k = 0; k < n; k++)
        z += w[col[k]];
      loss += weight * softplus (in->labels[e] ? -z : z);
      p = 1.0 / (1.0 + exp (-z));
      p = weight * (p - in->labels[e]);
      gradient[bias] += p;
      for (guint k = 0; k < n; k++)
        gradient[col[k]] += p;
    }
  for (guint j = 0; j < bias; j++)
    {
      penalty += w[j] * w[j];
      gradient[j] += in->l2 * w[j];
    }
  return loss + 0.5 * in->l2 * penalty;
}

static double
dot (const double *a,
     const double *b,
     guint         n)
{
  double sum = 0;

  for (guint i = 0; i < n; i++)
    sum += a[i] * b[i];
  return sum;
}

/* Limited-memory BFGS with a backtracking (Armijo) line search. */
static void
minimise (const Problem *problem,
          double        *w)
{
  guint n = problem->dim;
  g_autofree double *g = g_new (double, n);
  g_autofree double *g_new_ = g_new (double, n);
  g_autofree double *w_new = g_new (double, n);
  g_autofree double *d = g_new (double, n);
  g_autofree double *s = g_new0 (double, (gsize) HISTORY * n);
  g_autofree double *y = g_new0 (double, (gsize) HISTORY * n);
  double rho[HISTORY], alpha[HISTORY];
  guint stored = 0, head = 0;
  double f = evaluate (problem, w, g);

  for (guint it = 0; it < problem->input->iterations; it++)
    {
      double step = 1.0, f_new = 0, slope, gamma = 1.0;

      /* Two-loop recursion: d = -H g. */
      for (guint i = 0; i < n; i++)
        d[i] = -g[i];
      for (guint k = 0; k < stored; k++)
        {
          guint slot = (head + HISTORY - 1 - k) % HISTORY;

          alpha[slot] = rho[slot] * dot (s + (gsize) slot * n, d, n);
          for (guint i = 0; i < n; i++)
            d[i] -= alpha[slot] * y[(gsize) slot * n + i];
        }
      if (stored > 0)
        {
          guint last = (head + HISTORY - 1) % HISTORY;

          gamma = dot (s + (gsize) last * n, y + (gsize) last * n, n) /
                  dot (y + (gsize) last * n, y + (gsize) last * n, n);
        }
      else
        gamma = 1.0 / MAX (sqrt (dot (g, g, n)), 1e-12);
      for (guint i = 0; i < n; i++)
        d[i] *= gamma;
      for (guint k = stored; k > 0; k--)
        {
          guint slot = (head + HISTORY - k) % HISTORY;
          double beta = rho[slot] * dot (y + (gsize) slot * n, d, n);

          for (guint i = 0; i < n; i++)
            d[i] += (alpha[slot] - beta) * s[(gsize) slot * n + i];
        }

      slope = dot (g, d, n);
      if (slope >= 0)
        {
          /* Not a descent direction: restart from the gradient. */
          stored = 0;
          for (guint i = 0; i < n; i++)
            d[i] = -g[i] / MAX (sqrt (dot (g, g, n)), 1e-12);
          slope = dot (g, d, n);
        }
      for (guint tries = 0; tries < 40; tries++, step *= 0.5)
        {
          for (guint i = 0; i < n; i++)
            w_new[i] = w[i] + step * d[i];
          f_new = evaluate (problem, w_new, g_new_);
          if (f_new <= f + 1e-4 * step * slope)
            break;
        }
      if (!(f_new < f))
        break;

      {
        double *sk = s + (gsize) head * n;
        double *yk = y + (gsize) head * n;
        double sy;

        for (guint i = 0; i < n; i++)
          {
            sk[i] = w_new[i] - w[i];
            yk[i] = g_new_[i] - g[i];
          }
        sy = dot (sk, yk, n);
        if (sy > 1e-20)
          {
            rho[head] = 1.0 / sy;
            head = (head + 1) % HISTORY;
            stored = MIN (stored + 1, HISTORY);
          }
      }
      memcpy (w, w_new, sizeof (double) * n);
      memcpy (g, g_new_, sizeof (double) * n);
      if (problem->input->verbose && it % 25 == 0)
        g_printerr ("iteration %u: objective %.9g, |g| %.3g\n", it, f_new, sqrt (dot (g, g, n)));
      if ((f - f_new) < 1e-10 * MAX (1.0, fabs (f)))
        break;
      f = f_new;
    }
}

void
train_format_number (char   *buf,
                     gsize   size,
                     double  value)
{
  g_ascii_formatd (buf, size, "%.6g", (float) value);
}

static double
as_written (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  train_format_number (buf, sizeof buf, value);
  return g_ascii_strtod (buf, NULL);
}

void
train_fit (const FitInput *input,
           FitModel       *model)
{
  Problem problem = { 0 };
  g_autofree double *w = NULL;
  guint bias;

  build_problem (&problem, input);
  if (input->verbose)
    g_printerr ("%u examples, %u active buckets\n", input->n, problem.dim - 1);
  w = g_new0 (double, problem.dim);
  minimise (&problem, w);

  bias = problem.dim - 1;
  model->hash_bits = input->hash_bits;
  model->weights = g_new0 (float, (gsize) 1 << input->hash_bits);
  model->bias = as_written (w[bias]);
  model->n_kept = 0;
  for (guint j = 0; j < bias; j++)
    if (fabs ((float) w[j]) >= input->min_weight && (float) w[j] != 0.0f)
      {
        model->weights[problem.buckets[j]] = (float) as_written (w[j]);
        model->n_kept++;
      }
  g_free (problem.buckets);
  g_free (problem.columns);
  g_free (problem.offsets);
  g_free (problem.weights);
}

void
train_model_clear (FitModel *model)
{
  g_clear_pointer (&model->weights, g_free);
}
