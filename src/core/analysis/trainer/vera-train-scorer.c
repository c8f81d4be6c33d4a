/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-train-scorer"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vera-scorer-eval.h"
#include "vera-scorer-features.h"
#include "vera-train-data.h"
#include "vera-train-fit.h"

/* Trains the check-worthiness models on the four sources of SCORER.md and writes the weights
 * file that VeraScorer loads (src/core/analysis/scorer-weights.txt), or, with --cv, measures
 * the training choices by cross-validation over whole debates. Deterministic: the output is the
 * same byte for byte on every run. Not installed; see SCORER.md. */

#define DEFAULT_HASH_BITS 18
#define DEFAULT_L2 3e-5
#define DEFAULT_MIN_COUNT 2
#define DEFAULT_ITERATIONS 300
#define DEFAULT_MIN_WEIGHT 0.1
#define DEFAULT_CLAIMRANK_MIN 1
#define DEFAULT_THRESHOLD 0.5
/* ClaimBuster marks every check-worthy factual sentence, CheckThat! and ClaimRank what
 * fact-checkers chose: the test sets are labelled like the latter (SCORER.md). */
#define DEFAULT_WEIGHT_CLAIMBUSTER 0.5

typedef struct
{
  double   source_weight[N_SOURCES];
  double   positive_weight;
  double   l2;
  guint    min_count;
  guint    iterations;
  double   min_weight;
  gboolean verbose;
} Options;

/* The examples a model is fitted on. */
typedef struct
{
  GArray *first;     /* guint */
  GArray *count;     /* guint */
  GArray *labels;    /* guint8 */
  GArray *weights;   /* double */
} Selection;

static void
selection_init (Selection *sel)
{
  sel->first = g_array_new (FALSE, FALSE, sizeof (guint));
  sel->count = g_array_new (FALSE, FALSE, sizeof (guint));
  sel->labels = g_array_new (FALSE, FALSE, sizeof (guint8));
  sel->weights = g_array_new (FALSE, FALSE, sizeof (double));
}

static void
selection_clear (Selection *sel)
{
  g_array_unref (sel->first);
  g_array_unref (sel->count);
  g_array_unref (sel->labels);
  g_array_unref (sel->weights);
}

static double
example_weight (const Corpus  *corpus,
                const Example *ex,
                const Options *options)
{
  double w = options->source_weight[ex->source];

  if (ex->label)
    w *= options->positive_weight;
  /* A document read twice (with and without speakers) counts once. */
  if (ex->document >= 0 && corpus->with_speakers)
    w *= 0.5;
  return w;
}

/* The examples outside @fold (all when @fold is -1), for the full model or the neutral one.
 * ClaimBuster sentences that also occur in a held-out document are left out too. */
static void
select_examples (const Corpus  *corpus,
                 const guint   *fold_of_group,
                 int            fold,
                 GHashTable    *held_out_texts,
                 gboolean       neutral,
                 const Options *options,
                 Selection     *sel)
{
  for (guint e = 0; e < corpus->examples->len; e++)
    {
      const Example *ex = &g_array_index (corpus->examples, Example, e);
      double weight = example_weight (corpus, ex, options);
      guint first = neutral ? ex->neutral_first : ex->first;
      guint count = neutral ? ex->neutral_n : ex->n;

      if (weight <= 0)
        continue;
      if (fold >= 0 && ex->document >= 0)
        {
          const Document *doc = g_ptr_array_index (corpus->documents, ex->document);

          if ((int) fold_of_group[doc->group] == fold)
            continue;
        }
      if (fold >= 0 && ex->document < 0 &&
          g_hash_table_contains (held_out_texts, GUINT_TO_POINTER (ex->text_hash | 1)))
        continue;
      g_array_append_val (sel->first, first);
      g_array_append_val (sel->count, count);
      g_array_append_val (sel->labels, ex->label);
      g_array_append_val (sel->weights, weight);
    }
}

static void
fit (const Corpus    *corpus,
     const Selection *sel,
     gboolean         neutral,
     const Options   *options,
     FitModel        *model)
{
  FitInput input = {
    neutral ? corpus->neutral : corpus->raw,
    sel->first->len,
    (const guint *) (gpointer) sel->first->data,
    (const guint *) (gpointer) sel->count->data,
    (const guint8 *) sel->labels->data,
    (const double *) (gpointer) sel->weights->data,
    corpus->hash_bits,
    options->min_count,
    options->l2,
    options->iterations,
    options->min_weight,
    options->verbose,
  };

  train_fit (&input, model);
}

/* As VeraScorer computes it, rounded as `vera-check score` prints it. */
static double
score_example (const Corpus   *corpus,
               const Example  *ex,
               const FitModel *model,
               gboolean        neutral)
{
  const GArray *features = neutral ? corpus->neutral : corpus->raw;
  const VeraScorerFeature *f = (const VeraScorerFeature *) (gpointer) features->data;
  guint first = neutral ? ex->neutral_first : ex->first;
  guint n = neutral ? ex->neutral_n : ex->n;
  VeraScorerSentenceInfo info = { 0 };
  double z = model->bias;

  for (guint k = 0; k < n; k++)
    z += (double) model->weights[f[first + k].index] * f[first + k].value;
  info.n_words_outside = ex->no_text ? 0 : 1;
  return round (vera_scorer_features_probability (z, &info) * 1e6) / 1e6;
}

enum
{
  RUN_MODEL,       /* the lines alone, as `vera-check score` reads plain text */
  RUN_SPEAKERS,    /* with the speakers (TSV input) */
  RUN_NEUTRAL,     /* the model for languages without word features, on English */
  RUN_DIGIT,       /* the "has a digit" baseline */
  N_RUNS
};

static const char * const run_names[N_RUNS] = { "model", "+speakers", "neutral", "digit" };

typedef struct
{
  double ap[N_RUNS];
  guint  tp, fp, fn;  /* of RUN_MODEL at the threshold */
} DocumentResult;

static void
evaluate_document (const Corpus   *corpus,
                   const Document *doc,
                   const FitModel *english,
                   const FitModel *neutral,
                   double          threshold,
                   DocumentResult *result)
{
  g_autofree double *scores = g_new (double, MAX (doc->n, 1));
  g_autofree gboolean *relevant = g_new (gboolean, MAX (doc->n, 1));

  for (guint run = 0; run < N_RUNS; run++)
    {
      guint first = run == RUN_SPEAKERS ? doc->speaker_first : doc->first;

      for (guint i = 0; i < doc->n; i++)
        {
          const Example *ex = &g_array_index (corpus->examples, Example, first + i);

          relevant[i] = ex->relevant;
          switch (run)
            {
            case RUN_MODEL:
            case RUN_SPEAKERS:
              scores[i] = score_example (corpus, ex, english, FALSE);
              break;
            case RUN_NEUTRAL:
              scores[i] = score_example (corpus, ex, neutral, TRUE);
              break;
            default:
              scores[i] = ex->digit;
              break;
            }
          if (run == RUN_MODEL)
            {
              gboolean positive = scores[i] >= threshold;

              result->tp += positive && ex->relevant;
              result->fp += positive && !ex->relevant;
              result->fn += !positive && ex->relevant;
            }
        }
      result->ap[run] = vera_scorer_eval_average_precision (scores, relevant, doc->n);
    }
}

/* Groups to folds: largest first, each to the fold with the fewest sentences so far. */
static guint *
assign_folds (const Corpus *corpus,
              guint         n_folds)
{
  g_autofree guint *sizes = g_new0 (guint, MAX (corpus->n_groups, 1));
  g_autofree guint *order = g_new (guint, MAX (corpus->n_groups, 1));
  g_autofree guint *load = g_new0 (guint, n_folds);
  guint *fold_of_group = g_new0 (guint, MAX (corpus->n_groups, 1));

  for (guint d = 0; d < corpus->documents->len; d++)
    {
      const Document *doc = g_ptr_array_index (corpus->documents, d);

      sizes[doc->group] += doc->n;
    }
  for (guint g = 0; g < corpus->n_groups; g++)
    order[g] = g;
  /* Insertion sort: stable and deterministic. */
  for (guint i = 1; i < corpus->n_groups; i++)
    for (guint j = i; j > 0 && sizes[order[j]] > sizes[order[j - 1]]; j--)
      {
        guint t = order[j];

        order[j] = order[j - 1];
        order[j - 1] = t;
      }
  for (guint i = 0; i < corpus->n_groups; i++)
    {
      guint best = 0;

      for (guint f = 1; f < n_folds; f++)
        if (load[f] < load[best])
          best = f;
      fold_of_group[order[i]] = best;
      load[best] += sizes[order[i]];
    }
  return fold_of_group;
}

static void
cross_validate (const Corpus  *corpus,
                guint          n_folds,
                double         threshold,
                const Options *options)
{
  g_autofree guint *fold_of_group = assign_folds (corpus, n_folds);
  g_autofree DocumentResult *results = g_new0 (DocumentResult, MAX (corpus->documents->len, 1));

  for (guint fold = 0; fold < n_folds; fold++)
    {
      g_autoptr(GHashTable) held_out = g_hash_table_new (NULL, NULL);
      Selection sel, neutral_sel;
      FitModel english = { 0 }, neutral = { 0 };

      for (guint d = 0; d < corpus->documents->len; d++)
        {
          const Document *doc = g_ptr_array_index (corpus->documents, d);

          if (fold_of_group[doc->group] != fold)
            continue;
          for (guint i = 0; i < doc->n; i++)
            g_hash_table_add (held_out, GUINT_TO_POINTER (
              g_array_index (corpus->examples, Example, doc->first + i).text_hash | 1));
        }
      selection_init (&sel);
      selection_init (&neutral_sel);
      select_examples (corpus, fold_of_group, (int) fold, held_out, FALSE, options, &sel);
      select_examples (corpus, fold_of_group, (int) fold, held_out, TRUE, options,
                       &neutral_sel);
      fit (corpus, &sel, FALSE, options, &english);
      fit (corpus, &neutral_sel, TRUE, options, &neutral);
      for (guint d = 0; d < corpus->documents->len; d++)
        {
          const Document *doc = g_ptr_array_index (corpus->documents, d);

          if (fold_of_group[doc->group] == fold)
            evaluate_document (corpus, doc, &english, &neutral, threshold, &results[d]);
        }
      if (options->verbose)
        g_printerr ("fold %u: %u training examples\n", fold, sel.first->len);
      selection_clear (&sel);
      selection_clear (&neutral_sel);
      train_model_clear (&english);
      train_model_clear (&neutral);
    }

  printf ("%u folds over %u groups of %u documents; F1 of \"model\" at threshold %.2f\n",
          n_folds, corpus->n_groups, corpus->documents->len, threshold);
  printf ("%-14s %5s", "source", "docs");
  for (guint run = 0; run < N_RUNS; run++)
    printf (" %9s", run_names[run]);
  printf ("  %6s %6s %6s\n", "F1", "P", "R");
  for (Source s = SOURCE_CHECKTHAT_2019; s <= N_SOURCES; s++)
    {
      double map[N_RUNS] = { 0 };
      guint n_docs = 0, tp = 0, fp = 0, fn = 0;
      double precision, recall;

      for (guint d = 0; d < corpus->documents->len; d++)
        {
          const Document *doc = g_ptr_array_index (corpus->documents, d);

          if (s < N_SOURCES && doc->source != s)
            continue;
          n_docs++;
          for (guint run = 0; run < N_RUNS; run++)
            map[run] += results[d].ap[run];
          tp += results[d].tp;
          fp += results[d].fp;
          fn += results[d].fn;
        }
      precision = tp + fp > 0 ? (double) tp / (tp + fp) : 0;
      recall = tp + fn > 0 ? (double) tp / (tp + fn) : 0;
      printf ("%-14s %5u", s < N_SOURCES ? train_source_names[s] : "all", n_docs);
      for (guint run = 0; run < N_RUNS; run++)
        printf (" %9.4f", n_docs > 0 ? map[run] / n_docs : 0);
      printf ("  %6.4f %6.4f %6.4f\n",
              precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0,
              precision, recall);
    }
  if (options->verbose)
    for (guint d = 0; d < corpus->documents->len; d++)
      {
        const Document *doc = g_ptr_array_index (corpus->documents, d);

        g_printerr ("%-60s fold %u  model %.4f  digit %.4f\n", doc->name,
                    fold_of_group[doc->group], results[d].ap[RUN_MODEL],
                    results[d].ap[RUN_DIGIT]);
      }
}

static void
write_model (FILE           *out,
             const char     *prefix,
             const FitModel *model)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  train_format_number (buf, sizeof buf, model->bias);
  fprintf (out, "%sbias %s\n", prefix, buf);
  fprintf (out, "%sweights %u\n", prefix, model->n_kept);
  for (guint b = 0; b < 1u << model->hash_bits; b++)
    if (model->weights[b] != 0.0f)
      {
        train_format_number (buf, sizeof buf, model->weights[b]);
        fprintf (out, "%u %s\n", b, buf);
      }
}

static gboolean
write_weights (const Corpus   *corpus,
               const Options  *options,
               const FitModel *english,
               const FitModel *neutral,
               FILE           *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  fprintf (out, "# Vera check-worthiness model: logistic regression over hashed features.\n"
                "# Written by vera-train-scorer; do not edit (see SCORER.md). Trained on\n"
                "# ClaimBuster (Arslan et al. 2020, CC BY 4.0, doi:10.5281/zenodo.3609356),\n"
                "# the CLEF CheckThat! 2019 task 1 and 2020 task 5 training debates and the\n"
                "# ClaimRank annotations (Gencheva et al. 2017).\n");
  fprintf (out, "# Source weights:");
  for (Source s = 0; s < N_SOURCES; s++)
    {
      train_format_number (buf, sizeof buf, options->source_weight[s]);
      fprintf (out, " %s %s", train_source_names[s], buf);
    }
  train_format_number (buf, sizeof buf, options->l2);
  fprintf (out, "; ClaimRank positive from %u; l2 %s%s\n", corpus->claimrank_min, buf,
           corpus->with_speakers ? "; documents read with and without speakers" : "");
  fprintf (out, "vera-scorer-weights 2\n");
  fprintf (out, "features-version %d\n", VERA_SCORER_FEATURES_VERSION);
  fprintf (out, "hash-bits %u\n", corpus->hash_bits);
  write_model (out, "", english);
  write_model (out, "neutral-", neutral);
  return fflush (out) == 0 && !ferror (out);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(Corpus) corpus = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *output = NULL;
  int hash_bits = DEFAULT_HASH_BITS;
  int min_count = DEFAULT_MIN_COUNT;
  int iterations = DEFAULT_ITERATIONS;
  int claimrank_min = DEFAULT_CLAIMRANK_MIN;
  int folds = 0;
  double threshold = DEFAULT_THRESHOLD;
  gboolean speakers = FALSE;
  gboolean no_context = FALSE;
  Options options = {
    { DEFAULT_WEIGHT_CLAIMBUSTER, 1.0, 1.0, 1.0 }, 1.0, DEFAULT_L2, 0, 0, DEFAULT_MIN_WEIGHT, FALSE,
  };
  FILE *out = stdout;
  GOptionEntry entries[] = {
    { "data", 'd', 0, G_OPTION_ARG_FILENAME, &data_dir,
      "The checkworthiness folder (claimbuster/, clef2019-training/, …)", "DIR" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "Weights file (default: stdout)", "FILE" },
    { "cv", 0, 0, G_OPTION_ARG_INT, &folds,
      "Cross-validate over N folds of whole debates instead of writing weights", "N" },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, "Threshold of the F1 in --cv", "X" },
    { "hash-bits", 0, 0, G_OPTION_ARG_INT, &hash_bits, "Hashing space, log2", "N" },
    { "l2", 0, 0, G_OPTION_ARG_DOUBLE, &options.l2, "L2 regularisation", "X" },
    { "min-count", 0, 0, G_OPTION_ARG_INT, &min_count, "Drop buckets seen in fewer examples",
      "N" },
    { "iterations", 0, 0, G_OPTION_ARG_INT, &iterations, "L-BFGS iterations", "N" },
    { "positive-weight", 0, 0, G_OPTION_ARG_DOUBLE, &options.positive_weight,
      "Weight of check-worthy examples", "X" },
    { "weight-claimbuster", 0, 0, G_OPTION_ARG_DOUBLE, &options.source_weight[SOURCE_CLAIMBUSTER],
      "Weight of a ClaimBuster sentence", "X" },
    { "weight-2019", 0, 0, G_OPTION_ARG_DOUBLE, &options.source_weight[SOURCE_CHECKTHAT_2019],
      "Weight of a CheckThat! 2019 sentence", "X" },
    { "weight-2020", 0, 0, G_OPTION_ARG_DOUBLE, &options.source_weight[SOURCE_CHECKTHAT_2020],
      "Weight of a CheckThat! 2020 sentence", "X" },
    { "weight-claimrank", 0, 0, G_OPTION_ARG_DOUBLE, &options.source_weight[SOURCE_CLAIMRANK],
      "Weight of a ClaimRank sentence", "X" },
    { "claimrank-min", 0, 0, G_OPTION_ARG_INT, &claimrank_min,
      "ClaimRank sentences chosen by at least N organisations are positive", "N" },
    { "speakers", 0, 0, G_OPTION_ARG_NONE, &speakers,
      "Also read every debate with its speakers (speaker-turn features)", NULL },
    { "no-context", 0, 0, G_OPTION_ARG_NONE, &no_context,
      "Score every sentence on its own (to measure what the context adds)", NULL },
    { "min-weight", 0, 0, G_OPTION_ARG_DOUBLE, &options.min_weight, "Omit smaller weights", "X" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &options.verbose, "Print progress", NULL },
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
      hash_bits > VERA_SCORER_MAX_HASH_BITS || min_count < 1 || iterations < 0 ||
      options.l2 < 0 || options.positive_weight <= 0 || claimrank_min < 1 ||
      claimrank_min > 9 || folds < 0 || folds == 1)
    {
      g_printerr ("vera-train-scorer: --data DIR is required and the options must be in "
                  "range (see --help)\n");
      return 2;
    }
  options.min_count = (guint) min_count;
  options.iterations = (guint) iterations;

  corpus = train_corpus_load (data_dir, (guint) hash_bits, (guint) claimrank_min, speakers,
                              !no_context, &error);
  if (corpus == NULL)
    {
      g_printerr ("vera-train-scorer: %s\n", error->message);
      return 1;
    }
  if (options.verbose)
    g_printerr ("%u examples, %u documents in %u groups\n", corpus->examples->len,
                corpus->documents->len, corpus->n_groups);

  if (folds > 0)
    {
      cross_validate (corpus, (guint) folds, threshold, &options);
      return 0;
    }

  {
    Selection sel, neutral_sel;
    FitModel english = { 0 }, neutral = { 0 };
    gboolean ok;

    selection_init (&sel);
    selection_init (&neutral_sel);
    select_examples (corpus, NULL, -1, NULL, FALSE, &options, &sel);
    select_examples (corpus, NULL, -1, NULL, TRUE, &options, &neutral_sel);
    fit (corpus, &sel, FALSE, &options, &english);
    fit (corpus, &neutral_sel, TRUE, &options, &neutral);
    if (output != NULL && (out = fopen (output, "w")) == NULL)
      {
        g_printerr ("vera-train-scorer: cannot write %s\n", output);
        return 1;
      }
    ok = write_weights (corpus, &options, &english, &neutral, out) &&
         (output == NULL || fclose (out) == 0);
    selection_clear (&sel);
    selection_clear (&neutral_sel);
    train_model_clear (&english);
    train_model_clear (&neutral);
    if (!ok)
      {
        g_printerr ("vera-train-scorer: cannot write %s\n", output ? output : "standard output");
        return 1;
      }
  }
  return 0;
}
