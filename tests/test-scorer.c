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
  vera_scorer_features_extract (sentence, strlen (sentence), 16, features, info);
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

  scorer = scorer_from_text ("# comment\r\nvera-scorer-weights 1\r\nfeatures-version 1\n"
                             "hash-bits 12\nbias 0\nweights 0\n\n", &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (vera_scorer_score (scorer, "Anything at all."), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (vera_scorer_score (scorer, ""), 0.05, 1e-12);
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
    { "vera-scorer-weights 2\n", "line 1: unsupported" },
    { "vera-scorer-weights 1\nfeatures-version 99\n", "line 2" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 40\n", "line 3" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias nan\n", "line 4" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 1x\n", "line 4" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 0\nweights 5000\n",
      "line 5" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 0\nweights 2\n3 0.5\n",
      "end of the file (line 6): fewer" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 0\nweights 2\n3 0.5\n"
      "3 0.1\n", "line 7: bucket numbers must increase" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 0\nweights 1\n"
      "4096 0.5\n", "line 6: bucket number out of range" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 0\nweights 1\n"
      "-1 0.5\n", "line 6" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 0\nweights 1\n"
      "# a comment\n7 1e999\n", "line 7: the weight is not a finite number" },
    { "vera-scorer-weights 1\nfeatures-version 1\nhash-bits 12\nbias 0\nweights 1\n"
      "7 0.25\n8 0.5\n", "line 7: more weights" },
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
  g_test_message ("MAP on %u debates: scorer %.4f, digit baseline %.4f", debates->len, model,
                  digit);
  g_assert_cmpfloat (model, >, digit);
  g_assert_cmpfloat (model, >, 0.166);
}

static void
test_trainer_reproduces (void)
{
  g_autofree char *data = vera_test_shared_path ("datasets/checkworthiness/claimbuster");
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
  expected = g_strdup_printf ("%.6f\n%.6f\n%.6f\n%.6f\n",
                              vera_scorer_score (scorer, "Hello."),
                              vera_scorer_score (scorer, ""),
                              vera_scorer_score (scorer,
                                                 "The deficit rose to $1.2 trillion in 2020."),
                              vera_scorer_score (scorer, "(APPLAUSE)"));
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpstr (err, ==, "");
  g_clear_object (&process);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  process = run_score (vera_check, invalid, sizeof invalid - 1, &out, &err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (err, "line 2"));
  /* One line on standard error. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
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
  g_test_add_func ("/vera/scorer/map-beats-digit", test_map_beats_digit);
  g_test_add_func ("/vera/scorer/trainer-reproduces", test_trainer_reproduces);

  return g_test_run ();
}
