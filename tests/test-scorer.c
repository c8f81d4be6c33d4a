/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "vera-scorer.h"
#include "vera-scorer-eval.h"
#include "vera-scorer-features.h"
#include "vera-test-util.h"

static VeraScorer *
new_scorer (void)
{
  g_autoptr(GError) error = NULL;
  VeraScorer *scorer = vera_scorer_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (scorer);
  return scorer;
}

/* Pairs written for this test: a checkable statement, then small talk. */
static const char * const pairs[][2] = {
  { "Unemployment in the region fell from 9.4% to 6.1% between 2015 and 2019.",
    "Good morning, everyone, and thank you for coming." },
  { "The city spent $48 million on the new bridge, twice the original estimate.",
    "Hello!" },
  { "According to the census bureau, the population grew by 120,000 people last year.",
    "Thanks so much, it is great to be here tonight." },
  { "Our company is now the largest exporter of solar panels in Europe.",
    "Let me say how happy I am to see you all." },
  { "Crime rates have doubled since the law was passed in 2011.",
    "Well, I think that's a good question." },
};

static void
test_statistic_above_greeting (void)
{
  g_autoptr(VeraScorer) scorer = new_scorer ();

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      double claim = vera_scorer_score (scorer, pairs[i][0]);
      double chat = vera_scorer_score (scorer, pairs[i][1]);

      g_test_message ("%.4f  %s", claim, pairs[i][0]);
      g_test_message ("%.4f  %s", chat, pairs[i][1]);
      g_assert_cmpfloat (claim, >, chat);
    }
  /* A stage direction says nothing. */
  g_assert_cmpfloat (vera_scorer_score (scorer, "(APPLAUSE)"), <,
                     vera_scorer_score (scorer, "Thank you."));
  g_assert_finalize_object (g_steal_pointer (&scorer));
}

static void
test_range (void)
{
  g_autoptr(VeraScorer) scorer = new_scorer ();
  g_autoptr(GString) long_line = g_string_new (NULL);
  static const char *inputs[] = {
    "", " ", "\t\r", "?", "!!!", "$$$ % € ¥ 100% 1,000,000,000,000,000,000",
    "上海的人口是2400万。", "Ωμέγα 3.14159 ΑΒΓ", "( [ { ) ] }", "''''''", "'s",
    "9999999999999999999999999999999999999999", "\xcc\x81\xcc\x81 combining marks",
  };
  static const char invalid[] = "bad \xff\xfe bytes \xc3";

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      double score = vera_scorer_score (scorer, inputs[i]);

      g_assert_cmpfloat (score, >=, 0.0);
      g_assert_cmpfloat (score, <=, 1.0);
    }
  g_assert_cmpfloat (vera_scorer_score_len (scorer, invalid, sizeof invalid - 1), >=, 0.0);
  g_assert_cmpfloat (vera_scorer_score_len (scorer, invalid, sizeof invalid - 1), <=, 1.0);
  g_assert_cmpfloat (vera_scorer_score_len (scorer, NULL, 0), <=, 1.0);

  for (guint i = 0; i < 20000; i++)
    g_string_append (long_line, i % 7 == 0 ? "the budget grew 12% in 2020, " : "word ");
  g_assert_cmpfloat (vera_scorer_score (scorer, long_line->str), >=, 0.0);
  g_assert_cmpfloat (vera_scorer_score (scorer, long_line->str), <=, 1.0);
  g_assert_finalize_object (g_steal_pointer (&scorer));
}

typedef struct
{
  VeraScorer *scorer;
  double      expected[G_N_ELEMENTS (pairs)][2];
} ThreadData;

static gpointer
score_in_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  for (guint round = 0; round < 200; round++)
    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      for (guint j = 0; j < 2; j++)
        if (vera_scorer_score (data->scorer, pairs[i][j]) != data->expected[i][j])
          return GINT_TO_POINTER (FALSE);
  return GINT_TO_POINTER (TRUE);
}

static void
test_determinism (void)
{
  g_autoptr(VeraScorer) scorer = new_scorer ();
  g_autoptr(VeraScorer) other = new_scorer ();
  ThreadData data = { scorer, { { 0 } } };
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    for (guint j = 0; j < 2; j++)
      {
        data.expected[i][j] = vera_scorer_score (scorer, pairs[i][j]);
        g_assert_cmpfloat (vera_scorer_score (scorer, pairs[i][j]), ==, data.expected[i][j]);
        g_assert_cmpfloat (vera_scorer_score (other, pairs[i][j]), ==, data.expected[i][j]);
      }
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    threads[t] = g_thread_new ("scorer", score_in_thread, &data);
  for (guint t = 0; t < G_N_ELEMENTS (threads); t++)
    g_assert_true (GPOINTER_TO_INT (g_thread_join (threads[t])));
  g_assert_finalize_object (g_steal_pointer (&scorer));
  g_assert_finalize_object (g_steal_pointer (&other));
}

static void
extract (const char             *sentence,
         GArray                 *features,
         VeraScorerSentenceInfo *info)
{
  VeraScorerExtractor extractor;

  vera_scorer_extractor_init (&extractor, VERA_LANGUAGE_EN, TRUE, 16);
  vera_scorer_features_extract (&extractor, sentence, strlen (sentence), features, info);
}

static void
test_features (void)
{
  g_autoptr(GArray) a = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  g_autoptr(GArray) b = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  g_autoptr(GArray) c = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  const char *sentence = "In 2019, Dr. Ana Ruiz said exports rose 12% to $3.5 billion.";
  VeraScorerSentenceInfo info;

  extract (sentence, a, &info);
  extract (sentence, b, NULL);
  g_assert_cmpuint (info.n_words, ==, 12);
  g_assert_cmpuint (info.n_words_outside, ==, 12);
  g_assert_cmpuint (a->len, >, 20);
  g_assert_cmpmem (a->data, a->len * sizeof (VeraScorerFeature),
                   b->data, b->len * sizeof (VeraScorerFeature));
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpuint (g_array_index (a, VeraScorerFeature, i).index, <, 1u << 16);
      if (i > 0)
        g_assert_cmpuint (g_array_index (a, VeraScorerFeature, i - 1).index, <,
                          g_array_index (a, VeraScorerFeature, i).index);
    }

  /* Numbers of the same shape are the same feature; case does not matter. */
  extract ("IN 2020, dr. ana ruiz SAID EXPORTS ROSE 47% to $8.1 billion.", c, NULL);
  extract ("In 2021, Dr. Ana Ruiz said exports rose 47% to $8.1 billion.", b, NULL);
  g_assert_cmpmem (a->data, a->len * sizeof (VeraScorerFeature),
                   b->data, b->len * sizeof (VeraScorerFeature));
  g_assert_cmpuint (c->len, >, 0);

  extract ("(LAUGHTER) [inaudible]", c, &info);
  g_assert_cmpuint (info.n_words, ==, 2);
  g_assert_cmpuint (info.n_words_outside, ==, 0);
}

static VeraScorer *
scorer_from_text (const char  *text,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return vera_scorer_new_from_bytes (bytes, error);
}

static void
test_from_bytes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraScorer) scorer = NULL;

  scorer = scorer_from_text ("# comment\r\nvera-scorer-weights 2\r\nfeatures-version 2\n"
                             "hash-bits 12\nbias 0\nweights 0\nneutral-bias 0\n"
                             "neutral-weights 0\n\n", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (vera_scorer_score (scorer, "Anything at all."), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (vera_scorer_score (scorer, ""), 0.005, 1e-12);
  g_assert_finalize_object (g_steal_pointer (&scorer));
}

static void
test_malformed (void)
{
  static const struct {
    const char *text;
    const char *message;
  } cases[] = {
    { "", "end of the file" },
    { "hello\n", "line 1" },
    { "vera-scorer-weights 1\n", "line 1: unsupported" },
    { "vera-scorer-weights 2\nfeatures-version 99\n", "line 2" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 40\n", "line 3" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias nan\n", "line 4" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 1x\n", "line 4" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 5000\n",
      "line 5" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 2\n3 0.5\n",
      "end of the file (line 6): fewer" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 2\n3 0.5\n"
      "3 0.1\n", "line 7: bucket numbers must increase" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 1\n"
      "4096 0.5\n", "line 6: bucket number out of range" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 1\n"
      "-1 0.5\n", "line 6" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 1\n"
      "# a comment\n7 1e999\n", "line 7: the weight is not a finite number" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 1\n"
      "7 0.25\n8 0.5\n", "line 7: expected “neutral-bias”" },
    { "vera-scorer-weights 2\nfeatures-version 2\nhash-bits 12\nbias 0\nweights 0\n"
      "neutral-bias 0\nneutral-weights 1\n7 0.25\n8 0.5\n", "line 9: more weights" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraScorer) scorer = scorer_from_text (cases[i].text, &error);

      g_assert_null (scorer);
      g_assert_error (error, VERA_SCORER_ERROR, VERA_SCORER_ERROR_INVALID_WEIGHTS);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

static void
test_average_precision (void)
{
  const double scores[] = { 0.9, 0.8, 0.7, 0.7 };
  const gboolean labels[] = { FALSE, TRUE, TRUE, FALSE };
  const double ties[] = { 1, 1, 1 };
  const gboolean last[] = { FALSE, FALSE, TRUE };

  g_assert_cmpfloat_with_epsilon (vera_scorer_eval_average_precision (scores, labels, 4),
                                  (1.0 / 2 + 2.0 / 3) / 2, 1e-12);
  /* Ties keep the order of the items. */
  g_assert_cmpfloat_with_epsilon (vera_scorer_eval_average_precision (ties, last, 3),
                                  1.0 / 3, 1e-12);
  g_assert_cmpfloat (vera_scorer_eval_average_precision (NULL, NULL, 0), ==, 0.0);
}

static double
score_cb (const char *sentence,
          gpointer    user_data)
{
  return vera_scorer_score (user_data, sentence);
}

static void
test_map_beats_digit (void)
{
  g_autofree char *dir = vera_test_shared_path ("datasets/checkworthiness/clef2019-training");
  g_autoptr(VeraScorer) scorer = NULL;
  g_autoptr(GPtrArray) debates = NULL;
  g_autoptr(GError) error = NULL;
  double model, digit;

  if (dir == NULL)
    return;
  scorer = new_scorer ();
  debates = vera_scorer_eval_load_debates (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (debates->len, >, 0);
  model = vera_scorer_eval_map (debates, score_cb, scorer, NULL);
  digit = vera_scorer_eval_map (debates, vera_scorer_eval_digit_baseline, NULL, NULL);
  /* These debates are training data now: a sanity check, not a measurement (that is the
   * cross-validation of SCORER.md). */
  g_test_message ("MAP on %u debates: scorer %.4f, digit baseline %.4f", debates->len, model,
                  digit);
  g_assert_cmpfloat (model, >, digit);
}

static void
test_trainer_reproduces (void)
{
  g_autofree char *data = vera_test_shared_path ("datasets/checkworthiness");
  g_autofree char *trainer = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *output = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) committed = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  int status;

  if (data == NULL)
    return;
  trainer = g_test_build_filename (G_TEST_BUILT, "..", "src", "core", "analysis", "trainer",
                                   "vera-train-scorer", NULL);
  if (!g_file_test (trainer, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("vera-train-scorer is not built");
      return;
    }
  tmpdir = vera_test_make_tmpdir ();
  output = g_build_filename (tmpdir, "weights.txt", NULL);
  {
    const char *argv[] = { trainer, "--data", data, "--output", output, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                  &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_file_get_contents (output, &contents, &length, &error);
  g_assert_no_error (error);
  committed = g_resources_lookup_data ("/io/github/verafact/Vera/core/analysis/"
                                       "scorer-weights.txt", G_RESOURCE_LOOKUP_FLAGS_NONE,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpmem (contents, length, g_bytes_get_data (committed, NULL),
                   g_bytes_get_size (committed));
  g_unlink (output);
  g_rmdir (tmpdir);
}

static char *
bytes_to_string (GBytes *bytes)
{
  gsize size = bytes ? g_bytes_get_size (bytes) : 0;

  return size > 0 ? g_strndup (g_bytes_get_data (bytes, NULL), size) : g_strdup ("");
}

static GSubprocess *
run_score (const char  *vera_check,
           const char  *input,
           gsize        length,
           char       **out,
           char       **err)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) stdin_bytes = g_bytes_new (input, length);
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                              G_SUBPROCESS_FLAGS_STDERR_PIPE, &error, vera_check, "score", NULL);
  g_assert_no_error (error);
  g_subprocess_communicate (process, stdin_bytes, NULL, &stdout_bytes, &stderr_bytes, &error);
  g_assert_no_error (error);
  *out = bytes_to_string (stdout_bytes);
  *err = bytes_to_string (stderr_bytes);
  return g_steal_pointer (&process);
}

static void
test_cli (void)
{
  static const char input[] = "Hello.\r\n\r\nThe deficit rose to $1.2 trillion in 2020.\n"
                              "(APPLAUSE)";
  static const char invalid[] = "fine\nbroken \xff line\nnever read\n";
  const char *vera_check = g_getenv ("VERA_CHECK");
  g_autoptr(VeraScorer) scorer = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  if (vera_check == NULL || !g_file_test (vera_check, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("VERA_CHECK does not name the built vera-check");
      return;
    }
  scorer = new_scorer ();
  process = run_score (vera_check, input, sizeof input - 1, &out, &err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  /* The lines are one document, scored with their context. */
  {
    const char *sentences[] = { "Hello.", "", "The deficit rose to $1.2 trillion in 2020.",
                                "(APPLAUSE)" };
    double scores[4];

    vera_scorer_score_document (scorer, sentences, NULL, 4, NULL, VERA_LANGUAGE_EN, scores);
    expected = g_strdup_printf ("%.6f\n%.6f\n%.6f\n%.6f\n", scores[0], scores[1], scores[2],
                                scores[3]);
  }
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_clear_object (&process);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&expected, g_free);

  /* CheckThat! TSV lines: the sentence is scored with its speaker; the label is ignored. */
  {
    static const char tsv[] = "1\tMODERATOR\tHow many jobs were lost?\t0\n"
                              "2\tMARGOT\tWe lost 41,000 factory jobs since 2016.\t1\n"
                              "3\tMARGOT\tThank you.\n";
    const char *sentences[] = { "How many jobs were lost?",
                                "We lost 41,000 factory jobs since 2016.", "Thank you." };
    const char *speakers[] = { "MODERATOR", "MARGOT", "MARGOT" };
    double scores[3];

    vera_scorer_score_document (scorer, sentences, NULL, 3, speakers, VERA_LANGUAGE_EN, scores);
    expected = g_strdup_printf ("%.6f\n%.6f\n%.6f\n", scores[0], scores[1], scores[2]);
    process = run_score (vera_check, tsv, sizeof tsv - 1, &out, &err);
    g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    g_assert_cmpstr (out, ==, expected);
    g_clear_object (&process);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  process = run_score (vera_check, invalid, sizeof invalid - 1, &out, &err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (err, "line 2"));
  /* One line on standard error. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
}

static gboolean
features_contain (GArray *haystack,
                  GArray *needles)
{
  guint j = 0;

  /* Both sorted by index. */
  for (guint i = 0; i < needles->len; i++)
    {
      guint32 index = g_array_index (needles, VeraScorerFeature, i).index;

      while (j < haystack->len && g_array_index (haystack, VeraScorerFeature, j).index < index)
        j++;
      if (j == haystack->len || g_array_index (haystack, VeraScorerFeature, j).index != index)
        return FALSE;
    }
  return TRUE;
}

/* A document of ten sentences written for this test, with a question before a figure. */
static const char * const document[] = {
  "Good evening and welcome to the town hall.",
  "Tonight we talk about the harbour.",
  "How much did the new harbour cost?",
  "It cost 212 million euros, three times the estimate.",
  "That is simply wrong.",
  "The harbour handled 14,000 containers in its first year.",
  "I want to thank the volunteers.",
  "Our port is now the busiest on the coast.",
  "Let us take a short break.",
  "Welcome back, everyone.",
};

static void
test_context_features (void)
{
  VeraScorerExtractor extractor;
  GArray *features[G_N_ELEMENTS (document)];
  g_autoptr(GArray) alone = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  g_autoptr(GArray) after_statement = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  const char *pair[] = { "The harbour opened in spring.", document[3] };
  GArray *pair_features[2];

  vera_scorer_extractor_init (&extractor, VERA_LANGUAGE_EN, TRUE, 18);
  for (guint i = 0; i < G_N_ELEMENTS (document); i++)
    features[i] = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  vera_scorer_features_extract_document (&extractor, (const char * const *) document, NULL,
                                         G_N_ELEMENTS (document), NULL, features, NULL);
  /* Each sentence keeps its own features; the first one, the answer to the question and the
   * sentences beside a figure gain context ones. */
  for (guint i = 0; i < G_N_ELEMENTS (document); i++)
    {
      gboolean context = i == 0 || i == 2 || i == 3 || i == 4 || i == 5 || i == 6;

      vera_scorer_features_extract (&extractor, document[i], strlen (document[i]), alone, NULL);
      if (!features_contain (features[i], alone))
        g_test_fail_printf ("sentence %u lost its own features", i);
      if (context && features[i]->len <= alone->len)
        g_test_fail_printf ("sentence %u gained no context", i);
    }

  /* The same figure after a statement instead of a question has other context features. */
  for (guint i = 0; i < 2; i++)
    pair_features[i] = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  vera_scorer_features_extract_document (&extractor, pair, NULL, 2, NULL, pair_features, NULL);
  g_array_append_vals (after_statement, pair_features[1]->data, pair_features[1]->len);
  pair[0] = document[2];
  vera_scorer_features_extract_document (&extractor, pair, NULL, 2, NULL, pair_features, NULL);
  g_assert_false (features_contain (after_statement, pair_features[1]) &&
                  features_contain (pair_features[1], after_statement));

  for (guint i = 0; i < G_N_ELEMENTS (document); i++)
    g_array_unref (features[i]);
  for (guint i = 0; i < 2; i++)
    g_array_unref (pair_features[i]);
}

static void
test_context_document (void)
{
  g_autoptr(VeraScorer) scorer = new_scorer ();
  const guint n = G_N_ELEMENTS (document);
  const char *changed[G_N_ELEMENTS (document)];
  const char *no_speakers[G_N_ELEMENTS (document)] = { NULL };
  gsize lengths[G_N_ELEMENTS (document)];
  double scores[G_N_ELEMENTS (document)], other[G_N_ELEMENTS (document)];

  vera_scorer_score_document (scorer, (const char * const *) document, NULL, n, NULL,
                              VERA_LANGUAGE_EN, scores);
  for (guint i = 0; i < n; i++)
    g_test_message ("%.4f  %s", scores[i], document[i]);

  /* Explicit lengths, and speakers all unknown, change nothing. */
  for (guint i = 0; i < n; i++)
    lengths[i] = strlen (document[i]);
  vera_scorer_score_document (scorer, (const char * const *) document, lengths, n, no_speakers,
                              VERA_LANGUAGE_EN, other);
  g_assert_cmpmem (scores, sizeof scores, other, sizeof other);

  /* Context is local: changing the last sentence (no shared words) leaves all but its
   * neighbour alone. */
  memcpy (changed, document, sizeof changed);
  changed[n - 1] = "Goodnight.";
  vera_scorer_score_document (scorer, changed, NULL, n, NULL, VERA_LANGUAGE_EN, other);
  for (guint i = 0; i + 2 < n; i++)
    if (scores[i] != other[i])
      g_test_fail_printf ("sentence %u changed with the last one", i);

  /* The figures and the superlative still rank above the small talk. */
  g_assert_cmpfloat (scores[3], >, scores[0]);
  g_assert_cmpfloat (scores[3], >, scores[8]);
  g_assert_cmpfloat (scores[5], >, scores[6]);
  g_assert_cmpfloat (scores[5], >, scores[9]);
  g_assert_cmpfloat (scores[7], >, scores[8]);

  /* Empty documents are fine. */
  vera_scorer_score_document (scorer, NULL, NULL, 0, NULL, VERA_LANGUAGE_EN, NULL);
  g_assert_finalize_object (g_steal_pointer (&scorer));
}

/* Written for this test: check-worthy sentences (figures, comparisons, quotes), then filler. */
static const char * const german_claims[] = {
  "Die Arbeitslosenquote ist im vergangenen Jahr von 6,4 auf 5,1 Prozent gesunken.",
  "Laut Statistischem Bundesamt kostete der Neubau 48 Millionen Euro, doppelt so viel wie geplant.",
  "Die Stadt hat heute mehr Einwohner als je zuvor: 1,2 Millionen.",
  "„Wir haben die Steuern seit 2019 nicht erhöht“, sagte die Ministerin.",
  "Die Exporte nach China stiegen 2022 um 12 Prozent.",
};
static const char * const german_filler[] = {
  "Guten Abend und herzlich willkommen.",
  "Vielen Dank, dass Sie gekommen sind.",
  "Das ist eine gute Frage.",
  "Ich freue mich, heute hier zu sein.",
  "Lassen Sie uns weitermachen.",
};
static const char * const chinese_claims[] = {
  "去年全市失业率从6.4%下降到5.1%。",
  "据统计局数据，新桥耗资4800万元，是原计划的两倍。",
  "上海的人口已超过2400万，比十年前增加了200万。",
  "部长表示：“自2019年以来，我们没有提高税收。”",
  "2022年对德国的出口增长了12%。",
};
static const char * const chinese_filler[] = {
  "晚上好，欢迎大家。",
  "谢谢大家的到来。",
  "这是一个好问题。",
  "我很高兴今天来到这里。",
  "我们继续吧。",
};

static void
check_ranking (VeraScorer         *scorer,
               VeraLanguage        language,
               const char * const *claims,
               const char * const *filler,
               guint               n)
{
  double claim_scores[8], filler_scores[8];
  const char *all[16];
  double doc_scores[16];

  g_assert_cmpuint (n, <=, 8);
  for (guint i = 0; i < n; i++)
    {
      claim_scores[i] = vera_scorer_score_language (scorer, claims[i], strlen (claims[i]),
                                                    language);
      filler_scores[i] = vera_scorer_score_language (scorer, filler[i], strlen (filler[i]),
                                                     language);
      g_test_message ("%.4f  %s", claim_scores[i], claims[i]);
      g_test_message ("%.4f  %s", filler_scores[i], filler[i]);
      g_assert_cmpfloat (claim_scores[i], >=, 0.0);
      g_assert_cmpfloat (claim_scores[i], <=, 1.0);
    }
  /* Every check-worthy sentence above every filler one. */
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      if (claim_scores[i] <= filler_scores[j])
        g_test_fail_printf ("“%s” (%.4f) is not above “%s” (%.4f)", claims[i],
                            claim_scores[i], filler[j], filler_scores[j]);

  /* The same in a document, interleaved. */
  for (guint i = 0; i < n; i++)
    {
      all[2 * i] = filler[i];
      all[2 * i + 1] = claims[i];
    }
  vera_scorer_score_document (scorer, all, NULL, 2 * n, NULL, language, doc_scores);
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      if (doc_scores[2 * i + 1] <= doc_scores[2 * j])
        g_test_fail_printf ("in a document, “%s” (%.4f) is not above “%s” (%.4f)", claims[i],
                            doc_scores[2 * i + 1], filler[j], doc_scores[2 * j]);
}

static void
test_languages (void)
{
  g_autoptr(VeraScorer) scorer = new_scorer ();

  check_ranking (scorer, VERA_LANGUAGE_DE, german_claims, german_filler,
                 G_N_ELEMENTS (german_claims));
  check_ranking (scorer, VERA_LANGUAGE_ZH, chinese_claims, chinese_filler,
                 G_N_ELEMENTS (chinese_claims));
  /* English through the language API is the English model. */
  g_assert_cmpfloat (vera_scorer_score_language (scorer, pairs[0][0], strlen (pairs[0][0]),
                                                 VERA_LANGUAGE_EN), ==,
                     vera_scorer_score (scorer, pairs[0][0]));
  g_assert_cmpfloat (vera_scorer_score_language (scorer, pairs[0][0], strlen (pairs[0][0]),
                                                 VERA_LANGUAGE_UND), ==,
                     vera_scorer_score (scorer, pairs[0][0]));
  g_assert_finalize_object (g_steal_pointer (&scorer));
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/scorer/statistic-above-greeting", test_statistic_above_greeting);
  g_test_add_func ("/vera/scorer/range", test_range);
  g_test_add_func ("/vera/scorer/determinism", test_determinism);
  g_test_add_func ("/vera/scorer/features", test_features);
  g_test_add_func ("/vera/scorer/from-bytes", test_from_bytes);
  g_test_add_func ("/vera/scorer/malformed", test_malformed);
  g_test_add_func ("/vera/scorer/average-precision", test_average_precision);
  g_test_add_func ("/vera/scorer/cli", test_cli);
  g_test_add_func ("/vera/scorer/context-features", test_context_features);
  g_test_add_func ("/vera/scorer/context-document", test_context_document);
  g_test_add_func ("/vera/scorer/languages", test_languages);
  g_test_add_func ("/vera/scorer/map-beats-digit", test_map_beats_digit);
  g_test_add_func ("/vera/scorer/trainer-reproduces", test_trainer_reproduces);

  return g_test_run ();
}
