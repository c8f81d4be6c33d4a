/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Evaluation of check-worthiness scores as in CLEF CheckThat! 2019 task 1: rank the sentences
 * of each debate by score, take the average precision, and average over debates (MAP). */

typedef struct
{
  char      *name;        /* file name without folder */
  GPtrArray *sentences;   /* char *, in file order */
  GArray    *labels;      /* gboolean, check-worthy */
  GArray    *system;      /* gboolean, rows of the speaker SYSTEM (audience reactions) */
} VeraScorerDebate;

typedef double (*VeraScorerEvalFunc) (const char *sentence,
                                      gpointer    user_data);

void       vera_scorer_debate_free                (VeraScorerDebate *debate);

/* Reads every *.tsv file of @dir (line_number, speaker, sentence, label), sorted by name, into
 * a GPtrArray of VeraScorerDebate. */
GPtrArray *vera_scorer_eval_load_debates          (const char        *dir,
                                                   GError           **error);
/* The average precision of ranking @n items by @scores, highest first; ties keep the order of
 * the items. 0 when no item is relevant. */
double     vera_scorer_eval_average_precision     (const double      *scores,
                                                   const gboolean    *labels,
                                                   guint              n);
/* The mean over @debates of the average precision of @func's scores. */
double     vera_scorer_eval_map                   (GPtrArray         *debates,
                                                   VeraScorerEvalFunc func,
                                                   gpointer           user_data,
                                                   GArray            *per_debate);
/* The baseline: 1 when the sentence holds a decimal digit, else 0. */
double     vera_scorer_eval_digit_baseline        (const char        *sentence,
                                                   gpointer           user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraScorerDebate, vera_scorer_debate_free)

G_END_DECLS
