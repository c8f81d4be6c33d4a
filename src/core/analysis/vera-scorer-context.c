/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-scorer"

#include "config.h"

#include <string.h>

#include "vera-scorer-features.h"
#include "vera-scorer-features-private.h"

/* The context features of a sentence in a document read in order: what a fact-checker sees
 * around it. The neighbours (a figure or a question just before or after), the position in the
 * document, whether its words were said before or come back later, and, when the speakers are
 * known, the speaker turn (first sentence of a turn, length of the turn, an answer to a
 * question, a speaker who mostly asks). Every feature is a cue hashed like the sentence's own
 * cues; the names start with "ctx:". */

typedef struct
{
  guint lines;
  guint questions;
} SpeakerStats;

static void
add (GArray     *features,
     guint       hash_bits,
     const char *format,
     ...) G_GNUC_PRINTF (3, 4);

static void
add (GArray     *features,
     guint       hash_bits,
     const char *format,
     ...)
{
  char buf[64];
  va_list args;

  va_start (args, format);
  g_vsnprintf (buf, sizeof buf, format, args);
  va_end (args);
  vera_scorer_features_add_cue (features, hash_bits, buf);
}

static guint
bucket (guint        value,
        const guint *limits,
        guint        n_limits)
{
  guint b = 0;

  while (b < n_limits && value > limits[b])
    b++;
  return b;
}

static gboolean
same_speaker (const char * const *speakers,
              guint               a,
              guint               b)
{
  return speakers[a] != NULL && speakers[b] != NULL && strcmp (speakers[a], speakers[b]) == 0;
}

static void
add_neighbours (GArray                       *out,
                guint                         bits,
                const VeraScorerSentenceInfo *infos,
                guint                         n,
                guint                         i)
{
  guint own = infos[i].flags;

  if (i == 0)
    add (out, bits, "ctx:first");
  else
    {
      guint prev = infos[i - 1].flags;

      if (prev & VERA_SCORER_SENTENCE_DIGIT)
        add (out, bits, "ctx:prev-digit");
      if (prev & VERA_SCORER_SENTENCE_FIGURE)
        add (out, bits, "ctx:prev-figure");
      if (prev & VERA_SCORER_SENTENCE_QUESTION)
        {
          add (out, bits, "ctx:prev-question");
          if (own & VERA_SCORER_SENTENCE_DIGIT)
            add (out, bits, "ctx:prev-question+digit");
        }
      if (infos[i - 1].n_words_outside == 0)
        add (out, bits, "ctx:prev-no-text");
      if ((prev & own & VERA_SCORER_SENTENCE_DIGIT) != 0)
        add (out, bits, "ctx:digit-run");
    }
  if (i + 1 == n)
    add (out, bits, "ctx:last");
  else
    {
      guint next = infos[i + 1].flags;

      if (next & VERA_SCORER_SENTENCE_DIGIT)
        add (out, bits, "ctx:next-digit");
      if (next & VERA_SCORER_SENTENCE_FIGURE)
        add (out, bits, "ctx:next-figure");
      if (next & VERA_SCORER_SENTENCE_QUESTION)
        add (out, bits, "ctx:next-question");
      if (infos[i + 1].n_words_outside == 0)
        add (out, bits, "ctx:next-no-text");
    }
  if (n >= 20)
    add (out, bits, "ctx:position:%u", (guint) ((guint64) i * 10 / n));
}

/* The speaker turn: the run of lines of one speaker. */
static void
add_turn (GArray                       *out,
          guint                         bits,
          const VeraScorerSentenceInfo *infos,
          guint                         n,
          const char * const           *speakers,
          GHashTable                   *stats,
          guint                         i)
{
  static const guint turn_limits[] = { 1, 3, 7, 15 };
  static const guint share_limits[] = { 5, 20, 40 };
  guint start = i, stop = i + 1;
  SpeakerStats *s;

  if (speakers[i] == NULL)
    return;
  while (start > 0 && same_speaker (speakers, start - 1, i))
    start--;
  while (stop < n && same_speaker (speakers, stop, i))
    stop++;
  add (out, bits, "ctx:turn-position:%u", MIN (i - start, 3u));
  add (out, bits, "ctx:turn-length:%u", bucket (stop - start, turn_limits,
                                                G_N_ELEMENTS (turn_limits)));
  if (i + 1 == stop)
    add (out, bits, "ctx:turn-last");
  if (start > 0 && (infos[start - 1].flags & VERA_SCORER_SENTENCE_QUESTION))
    {
      add (out, bits, "ctx:answer");
      if (i == start)
        add (out, bits, "ctx:answer-first");
    }
  s = g_hash_table_lookup (stats, speakers[i]);
  if (s != NULL)
    {
      add (out, bits, "ctx:speaker-share:%u",
           bucket ((guint) ((guint64) s->lines * 100 / n), share_limits,
                   G_N_ELEMENTS (share_limits)));
      /* Moderators and interviewers ask; the claims are the answers. */
      if (s->lines >= 3 && s->questions * 4 >= s->lines)
        add (out, bits, "ctx:speaker-asks");
    }
}

/* Repetition: how many of the sentence's longer words were said before, and come back later. */
static void
add_repetition (GArray                       *out,
                guint                         bits,
                const VeraScorerSentenceInfo *info,
                GHashTable                   *before,
                GHashTable                   *total,
                gboolean                      repeated)
{
  guint seen = 0, later = 0;

  if (repeated && info->n_words_outside > 0)
    add (out, bits, "ctx:repeated");
  if (info->n_content < 3)
    return;
  for (guint k = 0; k < info->n_content; k++)
    {
      gpointer key = GUINT_TO_POINTER (info->content[k] | 1);
      guint n_before = GPOINTER_TO_UINT (g_hash_table_lookup (before, key));
      guint n_total = GPOINTER_TO_UINT (g_hash_table_lookup (total, key));

      if (n_before > 0)
        seen++;
      if (n_total > n_before + 1)
        later++;
    }
  add (out, bits, "ctx:said-before:%u", seen * 4 / (info->n_content + 1));
  add (out, bits, "ctx:said-later:%u", later * 4 / (info->n_content + 1));
}

static void
count_words (GHashTable                   *table,
             const VeraScorerSentenceInfo *info)
{
  for (guint k = 0; k < info->n_content; k++)
    {
      gpointer key = GUINT_TO_POINTER (info->content[k] | 1);
      gboolean earlier = FALSE;

      /* A word counts once a sentence. */
      for (guint j = 0; j < k && !earlier; j++)
        earlier = info->content[j] == info->content[k];
      if (earlier)
        continue;
      g_hash_table_insert (table, key,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (table, key)) +
                                             1));
    }
}

void
vera_scorer_features_extract_document (const VeraScorerExtractor *self,
                                       const char * const        *sentences,
                                       const gsize               *lengths,
                                       guint                      n,
                                       const char * const        *speakers,
                                       GArray                   **features,
                                       VeraScorerSentenceInfo    *infos)
{
  g_autofree VeraScorerSentenceInfo *local = NULL;
  g_autoptr(GHashTable) before = NULL;
  g_autoptr(GHashTable) total = NULL;
  g_autoptr(GHashTable) shapes = NULL;
  g_autoptr(GHashTable) stats = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (n == 0 || (sentences != NULL && features != NULL));

  if (n == 0)
    return;
  if (infos == NULL)
    infos = local = g_new0 (VeraScorerSentenceInfo, n);
  for (guint i = 0; i < n; i++)
    {
      gsize length = lengths != NULL ? lengths[i] : strlen (sentences[i]);

      vera_scorer_features_extract (self, sentences[i], length, features[i], &infos[i]);
    }

  before = g_hash_table_new (NULL, NULL);
  total = g_hash_table_new (NULL, NULL);
  shapes = g_hash_table_new (NULL, NULL);
  stats = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < n; i++)
    {
      count_words (total, &infos[i]);
      if (speakers != NULL && speakers[i] != NULL)
        {
          SpeakerStats *s = g_hash_table_lookup (stats, speakers[i]);

          if (s == NULL)
            {
              s = g_new0 (SpeakerStats, 1);
              g_hash_table_insert (stats, (gpointer) speakers[i], s);
            }
          s->lines++;
          if (infos[i].flags & VERA_SCORER_SENTENCE_QUESTION)
            s->questions++;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      gpointer shape = GUINT_TO_POINTER (infos[i].shape | 1);
      gboolean repeated = g_hash_table_contains (shapes, shape);
      guint bits = self->hash_bits;

      add_neighbours (features[i], bits, infos, n, i);
      if (speakers != NULL)
        add_turn (features[i], bits, infos, n, speakers, stats, i);
      add_repetition (features[i], bits, &infos[i], before, total, repeated);
      count_words (before, &infos[i]);
      g_hash_table_add (shapes, shape);
      vera_scorer_features_sort_unique (features[i]);
    }
}
