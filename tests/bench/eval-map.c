/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-eval-map"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vera-scorer.h"
#include "vera-scorer-eval.h"

/* MAP of the check-worthiness scorer on a folder of CheckThat! debates (by default the 2019
 * training debates), beside the "has a digit" baseline measured the same way, and the scoring
 * speed, sentence by sentence and as documents. Each debate is scored as one document, as
 * `vera-check score` scores its input. Not a test, and not a held-out figure once the debates
 * are training data: the cross-validated figures come from `vera-train-scorer --cv`.
 *
 *   eval-map [--weights FILE] [--dir DIR] [--skip NAME]... [--per-debate]
 *
 * --skip leaves a debate out (three 2016 debates overlap the ClaimBuster training data). */

/* Rounded as `vera-check score` prints it, so that ties count as they will there. */
static double
score_debates (GPtrArray  *debates,
               VeraScorer *scorer,
               GArray     *per_debate)
{
  double total = 0;

  g_array_set_size (per_debate, 0);
  for (guint d = 0; d < debates->len; d++)
    {
      VeraScorerDebate *debate = g_ptr_array_index (debates, d);
      guint n = debate->sentences->len;
      g_autofree double *scores = g_new (double, MAX (n, 1));
      double ap;

      vera_scorer_score_document (scorer, (const char * const *) debate->sentences->pdata, NULL,
                                  n, NULL, VERA_LANGUAGE_EN, scores);
      for (guint i = 0; i < n; i++)
        scores[i] = round (scores[i] * 1e6) / 1e6;
      ap = vera_scorer_eval_average_precision (scores, (const gboolean *) debate->labels->data,
                                               n);
      g_array_append_val (per_debate, ap);
      total += ap;
    }
  return debates->len > 0 ? total / debates->len : 0.0;
}

static double
score_cb (const char *sentence,
          gpointer    user_data)
{
  return vera_scorer_score (user_data, sentence);
}

static void
drop_skipped (GPtrArray   *debates,
              char       **skip)
{
  for (guint i = debates->len; skip != NULL && i > 0; i--)
    {
      VeraScorerDebate *debate = g_ptr_array_index (debates, i - 1);

      if (g_strv_contains ((const char * const *) skip, debate->name))
        g_ptr_array_remove_index (debates, i - 1);
    }
}

static void
dump_scores (GPtrArray  *debates,
             VeraScorer *scorer)
{
  for (guint d = 0; d < debates->len; d++)
    {
      VeraScorerDebate *debate = g_ptr_array_index (debates, d);

      for (guint i = 0; i < debate->sentences->len; i++)
        {
          const char *sentence = g_ptr_array_index (debate->sentences, i);

          printf ("%s\t%d\t%.6f\t%s\n", debate->name,
                  g_array_index (debate->labels, gboolean, i),
                  vera_scorer_score (scorer, sentence), sentence);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraScorer) scorer = NULL;
  g_autoptr(GPtrArray) debates = NULL;
  g_autoptr(GArray) model_ap = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) digit_ap = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *weights = NULL;
  g_autofree char *dir = NULL;
  g_auto(GStrv) skip = NULL;
  gboolean per_debate = FALSE;
  gboolean dump = FALSE;
  double model_map, digit_map, elapsed, elapsed_single;
  gint64 start;
  guint n_sentences = 0;
  GOptionEntry entries[] = {
    { "weights", 'w', 0, G_OPTION_ARG_FILENAME, &weights, "Weights file (default: built in)",
      "FILE" },
    { "dir", 'd', 0, G_OPTION_ARG_FILENAME, &dir, "Folder of the CLEF 2019 debates", "DIR" },
    { "skip", 's', 0, G_OPTION_ARG_STRING_ARRAY, &skip, "Leave a debate out", "NAME" },
    { "per-debate", 'p', 0, G_OPTION_ARG_NONE, &per_debate, "Print each debate's AP", NULL },
    { "dump", 0, 0, G_OPTION_ARG_NONE, &dump, "Print debate, label, score, sentence", NULL },
    { NULL }
  };

  context = g_option_context_new ("- MAP of the check-worthiness scorer");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("eval-map: %s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    {
      const char *shared = g_getenv ("VERA_SHARED_DIR");

      dir = g_build_filename (shared ? shared : "../shared", "datasets", "checkworthiness",
                              "clef2019-training", NULL);
    }

  if (weights != NULL)
    {
      g_autofree char *contents = NULL;
      gsize length;
      g_autoptr(GBytes) bytes = NULL;

      if (!g_file_get_contents (weights, &contents, &length, &error))
        {
          g_printerr ("eval-map: %s\n", error->message);
          return 1;
        }
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      scorer = vera_scorer_new_from_bytes (bytes, &error);
    }
  else
    scorer = vera_scorer_new (&error);
  if (scorer == NULL || (debates = vera_scorer_eval_load_debates (dir, &error)) == NULL)
    {
      g_printerr ("eval-map: %s\n", error->message);
      return 1;
    }
  drop_skipped (debates, skip);
  if (dump)
    dump_scores (debates, scorer);

  start = g_get_monotonic_time ();
  model_map = score_debates (debates, scorer, model_ap);
  elapsed = (g_get_monotonic_time () - start) / 1e6;
  start = g_get_monotonic_time ();
  vera_scorer_eval_map (debates, score_cb, scorer, digit_ap);
  elapsed_single = (g_get_monotonic_time () - start) / 1e6;
  for (guint i = 0; i < debates->len; i++)
    n_sentences += ((VeraScorerDebate *) g_ptr_array_index (debates, i))->sentences->len;
  digit_map = vera_scorer_eval_map (debates, vera_scorer_eval_digit_baseline, NULL, digit_ap);
  if (per_debate)
    for (guint i = 0; i < debates->len; i++)
      printf ("%-36s scorer %.4f  digit %.4f\n",
              ((VeraScorerDebate *) g_ptr_array_index (debates, i))->name,
              g_array_index (model_ap, double, i), g_array_index (digit_ap, double, i));
  printf ("debates %u  scorer MAP %.4f  digit-baseline MAP %.4f\n", debates->len, model_map,
          digit_map);
  printf ("scored %u sentences as documents in %.3f s (%.0f sentences/s), one by one in "
          "%.3f s (%.0f sentences/s)\n", n_sentences, elapsed, n_sentences / MAX (elapsed, 1e-9),
          elapsed_single, n_sentences / MAX (elapsed_single, 1e-9));
  return 0;
}
