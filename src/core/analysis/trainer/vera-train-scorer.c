/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-train-scorer"

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vera-scorer-features.h"

/* Trains the check-worthiness model on the ClaimBuster data set and writes the weights file
 * that VeraScorer loads (src/core/analysis/scorer-weights.txt). L2-regularised logistic
 * regression fitted in full batch with L-BFGS: the optimum does not depend on the order of the
 * examples, and every loop runs in a fixed order, so the output is the same byte for byte on
 * every run. Not installed; see SCORER.md. */

#define DEFAULT_FILES "kfold_30ncs.json,train.json,test.json,2020_debate.tsv"
#define DEFAULT_HASH_BITS 18
#define DEFAULT_L2 3e-5
#define DEFAULT_MIN_COUNT 2
#define DEFAULT_ITERATIONS 300
#define DEFAULT_POSITIVE_WEIGHT 1.0
#define DEFAULT_MIN_WEIGHT 0.1
#define HISTORY 10

typedef struct
{
  gint64  id;
  int     label;
  guint   first;    /* into Data.features */
  guint   n;
} Example;

typedef struct
{
  GArray     *examples;   /* Example, sorted by id */
  GHashTable *seen;       /* ids already read */
  GArray     *raw;        /* VeraScorerFeature of every example, back to back */
  guint       hash_bits;
} Data;

typedef struct
{
  guint     dim;          /* active buckets + 1 for the bias, which is last */
  guint32  *buckets;      /* active bucket of each compact index */
  guint    *columns;      /* compact feature indices of every example, back to back */
  double    l2;
  double    positive_weight;
} Problem;

static gboolean
add_example (Data       *data,
             gint64      id,
             int         label,
             const char *text)
{
  g_autoptr(GArray) features = NULL;
  Example example = { id, label, data->raw->len, 0 };

  if (g_hash_table_contains (data->seen, &id))
    return FALSE;
  g_hash_table_add (data->seen, g_memdup2 (&id, sizeof id));
  features = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  vera_scorer_features_extract (text, strlen (text), data->hash_bits, features, NULL);
  g_array_append_vals (data->raw, features->data, features->len);
  example.n = features->len;
  g_array_append_val (data->examples, example);
  return TRUE;
}

static gboolean
read_json (Data        *data,
           const char  *path,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON array", path);
      return FALSE;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      if (item == NULL || !json_object_has_member (item, "sentence_id") ||
          !json_object_has_member (item, "label") || !json_object_has_member (item, "text"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: element %u lacks sentence_id, label or text", path, i);
          return FALSE;
        }
      add_example (data, json_object_get_int_member (item, "sentence_id"),
                   json_object_get_int_member (item, "label") > 0 ? 1 : 0,
                   json_object_get_string_member (item, "text"));
    }
  return TRUE;
}

/* A TSV file with a header line and the columns sentence_id, label, text. */
static gboolean
read_tsv (Data        *data,
          const char  *path,
          GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      gint64 id;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (columns) != 3 ||
          !g_ascii_string_to_signed (columns[0], 10, 0, G_MAXINT64, &id, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: expected sentence_id, label and text", path, i + 1);
          return FALSE;
        }
      add_example (data, id, atoi (columns[1]) > 0 ? 1 : 0, columns[2]);
    }
  return TRUE;
}

static int
compare_examples (gconstpointer a,
                  gconstpointer b)
{
  const Example *ea = a;
  const Example *eb = b;

  return (ea->id > eb->id) - (ea->id < eb->id);
}

/* Keeps the buckets seen in at least @min_count examples and maps them to compact indices. */
static void
build_problem (Problem    *problem,
               const Data *data,
               guint       min_count)
{
  guint size = 1u << data->hash_bits;
  g_autofree guint *counts = g_new0 (guint, size);
  g_autofree guint *compact = g_new0 (guint, size);
  guint n_active = 0;

  for (guint i = 0; i < data->raw->len; i++)
    counts[g_array_index (data->raw, VeraScorerFeature, i).index]++;
  for (guint b = 0; b < size; b++)
    if (counts[b] >= min_count)
      n_active++;
  problem->dim = n_active + 1;
  problem->buckets = g_new (guint32, n_active);
  n_active = 0;
  for (guint b = 0; b < size; b++)
    {
      compact[b] = G_MAXUINT;
      if (counts[b] >= min_count)
        {
          problem->buckets[n_active] = b;
          compact[b] = n_active++;
        }
    }
  problem->columns = g_new (guint, data->raw->len);
  for (guint i = 0; i < data->raw->len; i++)
    problem->columns[i] = compact[g_array_index (data->raw, VeraScorerFeature, i).index];
}

static double
softplus (double x)
{
  return x > 0 ? x + log1p (exp (-x)) : log1p (exp (x));
}

/* The objective and its gradient at @w; all features have value 1. */
static double
evaluate (const Problem *problem,
          const Data    *data,
          const double  *w,
          double        *gradient)
{
  guint bias = problem->dim - 1;
  double total_weight = 0, loss = 0, penalty = 0;

  memset (gradient, 0, sizeof (double) * problem->dim);
  for (guint e = 0; e < data->examples->len; e++)
    {
      const Example *ex = &g_array_index (data->examples, Example, e);
      double weight = ex->label ? problem->positive_weight : 1.0;

      total_weight += weight;
    }
  for (guint e = 0; e < data->examples->len; e++)
    {
      const Example *ex = &g_array_index (data->examples, Example, e);
      double weight = (ex->label ? problem->positive_weight : 1.0) / total_weight;
      double z = w[bias], p;

      for (guint k = 0; k < ex->n; k++)
        if (problem->columns[ex->first + k] != G_MAXUINT)
          z += w[problem->columns[ex->first + k]] * g_array_index (data->raw, VeraScorerFeature, ex->first + k).value;
      loss += weight * softplus (ex->label ? -z : z);
      p = 1.0 / (1.0 + exp (-z));
      p = weight * (p - ex->label);
      gradient[bias] += p;
      for (guint k = 0; k < ex->n; k++)
        if (problem->columns[ex->first + k] != G_MAXUINT)
          gradient[problem->columns[ex->first + k]] += p * g_array_index (data->raw, VeraScorerFeature, ex->first + k).value;
    }
  for (guint j = 0; j < bias; j++)
    {
      penalty += w[j] * w[j];
      gradient[j] += problem->l2 * w[j];
    }
  return loss + 0.5 * problem->l2 * penalty;
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
          const Data    *data,
          double        *w,
          guint          iterations,
          gboolean       verbose)
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
  double f = evaluate (problem, data, w, g);

  for (guint it = 0; it < iterations; it++)
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
          f_new = evaluate (problem, data, w_new, g_new_);
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
      if (verbose && it % 25 == 0)
        g_printerr ("iteration %u: objective %.9g, |g| %.3g\n", it, f_new, sqrt (dot (g, g, n)));
      if ((f - f_new) < 1e-10 * MAX (1.0, fabs (f)))
        {
          f = f_new;
          break;
        }
      f = f_new;
    }
}

static gboolean
write_weights (const Problem  *problem,
               const Data     *data,
               const double   *w,
               const char     *files,
               double          min_weight,
               FILE           *out)
{
  guint bias = problem->dim - 1;
  guint n_kept = 0;
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  for (guint j = 0; j < bias; j++)
    if (fabs ((float) w[j]) >= min_weight && (float) w[j] != 0.0f)
      n_kept++;
  fprintf (out, "# Vera check-worthiness model: logistic regression over hashed features.\n");
  fprintf (out, "# Written by vera-train-scorer from the ClaimBuster data set (Arslan et al. 2020,\n"
                "# CC BY 4.0, doi:10.5281/zenodo.3609356). Do not edit; see SCORER.md.\n"
                "# Files: %s\n", files);
  fprintf (out, "vera-scorer-weights 1\n");
  fprintf (out, "features-version %d\n", VERA_SCORER_FEATURES_VERSION);
  fprintf (out, "hash-bits %u\n", data->hash_bits);
  fprintf (out, "bias %s\n", g_ascii_formatd (buf, sizeof buf, "%.6g", (float) w[bias]));
  fprintf (out, "weights %u\n", n_kept);
  for (guint j = 0; j < bias; j++)
    if (fabs ((float) w[j]) >= min_weight && (float) w[j] != 0.0f)
      fprintf (out, "%u %s\n", problem->buckets[j],
               g_ascii_formatd (buf, sizeof buf, "%.6g", (float) w[j]));
  return fflush (out) == 0 && !ferror (out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *files = NULL;
  g_auto(GStrv) file_list = NULL;
  g_autofree double *w = NULL;
  int hash_bits = DEFAULT_HASH_BITS;
  int min_count = DEFAULT_MIN_COUNT;
  int iterations = DEFAULT_ITERATIONS;
  double l2 = DEFAULT_L2;
  double positive_weight = DEFAULT_POSITIVE_WEIGHT;
  double min_weight = DEFAULT_MIN_WEIGHT;
  gboolean verbose = FALSE;
  Problem problem = { 0 };
  Data data;
  FILE *out = stdout;
  GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir, "ClaimBuster folder", "DIR" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Weights file (default: stdout)", "FILE" },
    { "files", 0, 0, G_OPTION_ARG_STRING, &files, "Comma-separated data files (default: "
      DEFAULT_FILES ")", "LIST" },
    { "hash-bits", 0, 0, G_OPTION_ARG_INT, &hash_bits, "Hashing space, log2", "N" },
    { "l2", 0, 0, G_OPTION_ARG_DOUBLE, &l2, "L2 regularisation", "X" },
    { "min-count", 0, 0, G_OPTION_ARG_INT, &min_count, "Drop buckets seen in fewer examples",
      "N" },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &iterations, "L-BFGS iterations", "N" },
    { "positive-weight", 0, 0, G_OPTION_ARG_DOUBLE, &positive_weight,
      "Weight of check-worthy examples", "X" },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &min_weight, "Omit smaller weights", "X" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print progress", NULL },
    { NULL }
  };

  context = g_option_context_new ("- train the Vera check-worthiness scorer");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("vera-train-scorer: %s\n", error->message);
      return 2;
    }
  if (data_dir == NULL || hash_bits < VERA_SCORER_MIN_HASH_BITS ||
      hash_bits > VERA_SCORER_MAX_HASH_BITS || min_count < 1 || iterations < 0 || l2 < 0 ||
      positive_weight <= 0)
    {
      g_printerr ("vera-train-scorer: --data DIR is required and the options must be in "
                  "range (see --help)\n");
      return 2;
    }
  if (files == NULL)
    files = g_strdup (DEFAULT_FILES);

  data.examples = g_array_new (FALSE, FALSE, sizeof (Example));
  data.seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  data.raw = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  data.hash_bits = (guint) hash_bits;

  file_list = g_strsplit (files, ",", -1);
  for (guint i = 0; file_list[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (data_dir, file_list[i], NULL);
      gboolean ok = g_str_has_suffix (path, ".tsv") ? read_tsv (&data, path, &error)
                                                    : read_json (&data, path, &error);

      if (!ok)
        {
          g_printerr ("vera-train-scorer: %s\n", error->message);
          return 1;
        }
    }
  g_array_sort (data.examples, compare_examples);

  problem.l2 = l2;
  problem.positive_weight = positive_weight;
  build_problem (&problem, &data, (guint) min_count);
  if (verbose)
    g_printerr ("%u examples, %u active buckets\n", data.examples->len, problem.dim - 1);
  w = g_new0 (double, problem.dim);
  minimise (&problem, &data, w, (guint) iterations, verbose);

  if (output != NULL && (out = fopen (output, "w")) == NULL)
    {
      g_printerr ("vera-train-scorer: cannot write %s\n", output);
      return 1;
    }
  if (!write_weights (&problem, &data, w, files, min_weight, out) ||
      (output != NULL && fclose (out) != 0))
    {
      g_printerr ("vera-train-scorer: cannot write %s\n", output ? output : "standard output");
      return 1;
    }

  g_free (problem.buckets);
  g_free (problem.columns);
  g_array_unref (data.examples);
  g_array_unref (data.raw);
  g_hash_table_unref (data.seen);
  return 0;
}
