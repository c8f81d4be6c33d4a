/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-eval-match"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "vera-fact-archive.h"
#include "vera-fact-match.h"

/* MAP@5 of claim matching (vera_fact_archive_match) on CheckThat! verified-claim retrieval
 * sets, beside the plain BM25 floor measured on the same index, and the re-ranking weights
 * tuned by coordinate ascent, cross-validated: the queries of each set are split into K folds
 * (query i in fold i mod K), the weights are tuned on the other folds of every set and scored
 * on the held-out fold. Finally tunes on every query and prints the weights (the defaults of
 * vera-fact-match.c come from there). MATCHING.md has the figures.
 *
 *   eval-match [--folds K] COLLECTION QUERIES.tsv QRELS [COLLECTION QUERIES.tsv QRELS]...
 *
 * With no arguments, the 2021 sets of ../shared/datasets/claim-retrieval. */

#define DEPTH 5

typedef struct
{
  char      *name;
  GPtrArray *queries;     /* char *, the query texts */
  GPtrArray *relevant;    /* GHashTable * of relevant keys, one per query */
  GArray    *candidates;  /* GArray * of VeraFactCandidate per query (re-ranked features) */
  GArray    *floor;       /* GArray * per query, plain BM25 (every term kept) */
  double     seconds;     /* matching time, all queries */
} EvalSet;

static GHashTable *
read_qrels (const char *path)
{
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *qrels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GError) error = NULL;

  if (!g_file_get_contents (path, &data, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = g_strsplit (lines[i], "\t", -1);
      GHashTable *set;

      if (g_strv_length (f) < 4 || atoi (f[3]) <= 0)
        continue;
      set = g_hash_table_lookup (qrels, f[0]);
      if (set == NULL)
        {
          set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (qrels, g_strdup (f[0]), set);
        }
      g_hash_table_add (set, g_strdup (f[2]));
    }
  return qrels;
}

static double
average_precision (GArray     *ranked,
                   GHashTable *relevant)
{
  double sum = 0;
  guint hits = 0;

  for (guint i = 0; i < MIN (ranked->len, DEPTH); i++)
    {
      VeraFactCandidate *c = &g_array_index (ranked, VeraFactCandidate, i);

      if (c->key != NULL && g_hash_table_contains (relevant, c->key))
        {
          hits++;
          sum += (double) hits / (i + 1);
        }
    }
  return sum / g_hash_table_size (relevant);
}

static gboolean
in_candidates (GArray     *candidates,
               GHashTable *relevant)
{
  for (guint i = 0; i < candidates->len; i++)
    {
      VeraFactCandidate *c = &g_array_index (candidates, VeraFactCandidate, i);

      if (c->key != NULL && g_hash_table_contains (relevant, c->key))
        return TRUE;
    }
  return FALSE;
}

/* MAP@5 of @weights over the queries of @set in (or, with @exclude, out of) fold @fold of
 * @n_folds; @fold < 0 takes every query. */
static double
map_of (EvalSet      *set,
        GPtrArray    *lists,
        const double *weights,
        int           fold,
        guint         n_folds,
        gboolean      exclude)
{
  double total = 0;
  guint n = 0;

  for (guint q = 0; q < lists->len; q++)
    {
      GArray *candidates = g_ptr_array_index (lists, q);
      gboolean in_fold = fold < 0 || (int) (q % n_folds) == fold;

      if (fold >= 0 && in_fold == exclude)
        continue;
      if (weights != NULL)
        vera_fact_candidates_rank (candidates, weights);
      total += average_precision (candidates, g_ptr_array_index (set->relevant, q));
      n++;
    }
  return n > 0 ? total / n : 0;
}

static double
objective (GPtrArray    *sets,
           const double *weights,
           int           fold,
           guint         n_folds)
{
  double total = 0;

  for (guint s = 0; s < sets->len; s++)
    {
      EvalSet *set = g_ptr_array_index (sets, s);

      total += map_of (set, (GPtrArray *) set->candidates, weights, fold, n_folds, fold >= 0);
    }
  return total / sets->len;
}

/* Coordinate ascent over a fixed grid, BM25's weight held at 1: deterministic. */
static void
tune (GPtrArray *sets,
      int        fold,
      guint      n_folds,
      double    *weights)
{
  static const double grid[] = { -1, -0.5, -0.25, -0.1, 0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1,
                                 1.5, 2 };
  double best = 0;

  for (guint i = 0; i < VERA_FACT_N_FEATURES; i++)
    weights[i] = i == VERA_FACT_FEATURE_BM25 ? 1 : 0;
  best = objective (sets, weights, fold, n_folds);
  for (guint pass = 0; pass < 3; pass++)
    for (guint f = 1; f < VERA_FACT_N_FEATURES; f++)
      {
        double keep = weights[f];

        for (guint g = 0; g < G_N_ELEMENTS (grid); g++)
          {
            double value;

            weights[f] = grid[g];
            value = objective (sets, weights, fold, n_folds);
            if (value > best + 1e-9)
              {
                best = value;
                keep = grid[g];
              }
          }
        weights[f] = keep;
      }
}

static EvalSet *
load_set (const char *collection,
          const char *queries_path,
          const char *qrels_path)
{
  g_autoptr(VeraFactArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (collection);
  g_autoptr(GHashTable) qrels = read_qrels (qrels_path);
  g_autofree char *data = NULL;
  g_auto(GStrv) lines = NULL;
  EvalSet *set = g_new0 (EvalSet, 1);
  gint64 start;
  guint n = 0;

  set->name = g_path_get_basename (queries_path);
  set->queries = g_ptr_array_new_with_free_func (g_free);
  set->relevant = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  set->candidates = (GArray *) g_ptr_array_new ();
  set->floor = (GArray *) g_ptr_array_new ();

  archive = vera_fact_archive_new_temporary (&error);
  start = g_get_monotonic_time ();
  if (archive == NULL || !vera_fact_archive_import_file (archive, file, NULL, NULL, &n, NULL,
                                                         &error))
    g_error ("%s", error->message);
  printf ("# %s: %u reviews imported in %.2f s\n", collection, n,
          (g_get_monotonic_time () - start) / 1e6);

  if (!g_file_get_contents (queries_path, &data, NULL, &error))
    g_error ("%s", error->message);
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *tab = strchr (lines[i], '\t');
      GHashTable *relevant;
      GArray *candidates;
      gint64 t0;

      if (tab == NULL)
        continue;
      *tab = '\0';
      relevant = g_hash_table_lookup (qrels, lines[i]);
      if (relevant == NULL)
        continue;
      t0 = g_get_monotonic_time ();
      vera_fact_archive_set_max_df_share (archive, VERA_FACT_DEFAULT_MAX_DF_SHARE);
      candidates = vera_fact_archive_candidates (archive, tab + 1, VERA_LANGUAGE_EN,
                                                 VERA_FACT_N_CANDIDATES, &error);
      set->seconds += (g_get_monotonic_time () - t0) / 1e6;
      if (candidates == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add ((GPtrArray *) set->candidates, candidates);
      vera_fact_archive_set_max_df_share (archive, 1.0);
      candidates = vera_fact_archive_candidates (archive, tab + 1, VERA_LANGUAGE_EN,
                                                 VERA_FACT_N_CANDIDATES, &error);
      if (candidates == NULL)
        g_error ("%s", error->message);
      g_ptr_array_add ((GPtrArray *) set->floor, candidates);
      g_ptr_array_add (set->queries, g_strdup (tab + 1));
      g_ptr_array_add (set->relevant, g_hash_table_ref (relevant));
    }
  return set;
}

static void
print_weights (const char   *label,
               const double *weights)
{
  static const char *const names[VERA_FACT_N_FEATURES] = {
    "bm25", "query-covered", "review-covered", "figures", "figure-clash", "places", "names",
    "years", "year-clash",
  };

  printf ("%s", label);
  for (guint i = 0; i < VERA_FACT_N_FEATURES; i++)
    printf (" %s=%g", names[i], weights[i]);
  printf ("\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) sets = g_ptr_array_new ();
  const char *shared = g_getenv ("VERA_SHARED_DIR");
  int n_folds = 5;
  int first = 1;
  double bm25_only[VERA_FACT_N_FEATURES] = { [VERA_FACT_FEATURE_BM25] = 1 };
  double weights[VERA_FACT_N_FEATURES];

  if (argc > 2 && g_str_equal (argv[1], "--folds"))
    {
      n_folds = MAX (2, atoi (argv[2]));
      first = 3;
    }
  if (argc - first == 0)
    {
      g_autofree char *dir = g_build_filename (shared != NULL ? shared : "../shared", "datasets",
                                               "claim-retrieval", NULL);
      struct { const char *collection, *queries, *qrels; } defaults[] = {
        { "vclaims/ct21-2a-snopes.jsonl", "dev/ct21-2a/train.queries.tsv",
          "dev/ct21-2a/train.qrels" },
        { "vclaims/ct21-2b-politifact.jsonl", "dev/ct21-2b/train.queries.tsv",
          "dev/ct21-2b/train.qrels" },
        { "vclaims/ct21-2b-politifact.jsonl", "dev/ct21-2b/dev.queries.tsv",
          "dev/ct21-2b/dev.qrels" },
      };

      if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
        {
          printf ("1..0 # SKIP %s is absent\n", dir);
          return 0;
        }
      for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
        {
          g_autofree char *c = g_build_filename (dir, defaults[i].collection, NULL);
          g_autofree char *q = g_build_filename (dir, defaults[i].queries, NULL);
          g_autofree char *r = g_build_filename (dir, defaults[i].qrels, NULL);

          g_ptr_array_add (sets, load_set (c, q, r));
        }
    }
  else if ((argc - first) % 3 != 0)
    {
      fprintf (stderr, "usage: eval-match [--folds K] COLLECTION QUERIES QRELS...\n");
      return 2;
    }
  else
    for (int i = first; i < argc; i += 3)
      g_ptr_array_add (sets, load_set (argv[i], argv[i + 1], argv[i + 2]));

  printf ("# set: queries, recall@100, MAP@5 plain BM25 floor / BM25 without common terms / "
          "default weights / %d-fold cross-validated re-ranking, ms per query\n", n_folds);
  for (guint s = 0; s < sets->len; s++)
    {
      EvalSet *set = g_ptr_array_index (sets, s);
      GPtrArray *lists = (GPtrArray *) set->candidates;
      double cv_total = 0;
      guint n_found = 0;

      for (guint q = 0; q < lists->len; q++)
        n_found += in_candidates (g_ptr_array_index (lists, q),
                                  g_ptr_array_index (set->relevant, q));
      for (int fold = 0; fold < n_folds; fold++)
        {
          g_autoptr(GPtrArray) one = g_ptr_array_new ();

          g_ptr_array_add (one, set);
          tune (one, fold, n_folds, weights);
          cv_total += map_of (set, lists, weights, fold, n_folds, FALSE) *
                      ((lists->len + n_folds - 1 - fold) / n_folds);
        }
      printf ("%s: %u queries, recall@100 %.3f, MAP@5 %.4f / %.4f / %.4f / %.4f, %.2f ms\n",
              set->name, lists->len, (double) n_found / MAX (lists->len, 1),
              map_of (set, (GPtrArray *) set->floor, bm25_only, -1, 1, FALSE),
              map_of (set, lists, bm25_only, -1, 1, FALSE),
              map_of (set, lists, vera_fact_default_weights (), -1, 1, FALSE),
              cv_total / MAX (lists->len, 1), 1000 * set->seconds / MAX (lists->len, 1));
      {
        g_autoptr(GPtrArray) one = g_ptr_array_new ();

        g_ptr_array_add (one, set);
        tune (one, -1, 1, weights);
        print_weights ("#   tuned on this set:", weights);
      }
    }
  tune (sets, -1, 1, weights);
  print_weights ("# tuned on every set:", weights);
  return 0;
}
