/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-scorer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "vera-scorer-eval.h"

void
vera_scorer_debate_free (VeraScorerDebate *debate)
{
  if (debate == NULL)
    return;
  g_free (debate->name);
  g_clear_pointer (&debate->sentences, g_ptr_array_unref);
  g_clear_pointer (&debate->labels, g_array_unref);
  g_clear_pointer (&debate->system, g_array_unref);
  g_free (debate);
}

static VeraScorerDebate *
load_debate (const char  *path,
             GError     **error)
{
  g_autoptr(VeraScorerDebate) debate = g_new0 (VeraScorerDebate, 1);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  debate->name = g_path_get_basename (path);
  debate->sentences = g_ptr_array_new_with_free_func (g_free);
  debate->labels = g_array_new (FALSE, FALSE, sizeof (gboolean));
  debate->system = g_array_new (FALSE, FALSE, sizeof (gboolean));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      gboolean label, system;
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (columns) != 4 || (strcmp (columns[3], "0") != 0 &&
                                           strcmp (columns[3], "1") != 0))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s, line %u: expected line number, speaker, sentence and 0 or 1"),
                       path, i + 1);
          return NULL;
        }
      label = columns[3][0] == '1';
      system = strcmp (columns[1], "SYSTEM") == 0;
      g_ptr_array_add (debate->sentences, g_strdup (columns[2]));
      g_array_append_val (debate->labels, label);
      g_array_append_val (debate->system, system);
    }
  return g_steal_pointer (&debate);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

GPtrArray *
vera_scorer_eval_load_debates (const char  *dir,
                               GError     **error)
{
  g_autoptr(GPtrArray) debates = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = NULL;
  const char *name;

  g_return_val_if_fail (dir != NULL, NULL);

  folder = g_dir_open (dir, 0, error);
  if (folder == NULL)
    return NULL;
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".tsv"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  debates = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_scorer_debate_free);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);
      VeraScorerDebate *debate = load_debate (path, error);

      if (debate == NULL)
        return NULL;
      g_ptr_array_add (debates, debate);
    }
  return g_steal_pointer (&debates);
}

typedef struct
{
  const double *scores;
} RankContext;

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const RankContext *ctx = user_data;
  guint ia = *(const guint *) a;
  guint ib = *(const guint *) b;

  if (ctx->scores[ia] != ctx->scores[ib])
    return ctx->scores[ia] > ctx->scores[ib] ? -1 : 1;
  return (ia > ib) - (ia < ib);
}

double
vera_scorer_eval_average_precision (const double   *scores,
                                    const gboolean *labels,
                                    guint           n)
{
  g_autofree guint *order = g_new (guint, MAX (n, 1));
  RankContext ctx = { scores };
  guint relevant = 0;
  double sum = 0;

  g_return_val_if_fail (n == 0 || (scores != NULL && labels != NULL), 0.0);

  for (guint i = 0; i < n; i++)
    order[i] = i;
  g_qsort_with_data (order, n, sizeof (guint), compare_ranks, &ctx);
  for (guint rank = 0; rank < n; rank++)
    if (labels[order[rank]])
      {
        relevant++;
        sum += (double) relevant / (rank + 1);
      }
  return relevant > 0 ? sum / relevant : 0.0;
}

double
vera_scorer_eval_map (GPtrArray          *debates,
                      VeraScorerEvalFunc  func,
                      gpointer            user_data,
                      GArray             *per_debate)
{
  double total = 0;

  g_return_val_if_fail (debates != NULL, 0.0);
  g_return_val_if_fail (func != NULL, 0.0);

  if (per_debate != NULL)
    g_array_set_size (per_debate, 0);
  for (guint d = 0; d < debates->len; d++)
    {
      VeraScorerDebate *debate = g_ptr_array_index (debates, d);
      guint n = debate->sentences->len;
      g_autofree double *scores = g_new (double, MAX (n, 1));
      const gboolean *labels = (gconstpointer) debate->labels->data;
      double ap;

      for (guint i = 0; i < n; i++)
        scores[i] = func (g_ptr_array_index (debate->sentences, i), user_data);
      ap = vera_scorer_eval_average_precision (scores, labels, n);
      if (per_debate != NULL)
        g_array_append_val (per_debate, ap);
      total += ap;
    }
  return debates->len > 0 ? total / debates->len : 0.0;
}

double
vera_scorer_eval_digit_baseline (const char *sentence,
                                 gpointer    user_data)
{
  for (const char *p = sentence; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return 1.0;
  return 0.0;
}
