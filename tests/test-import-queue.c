/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-import-queue"

#include "config.h"

#include <glib/gstdio.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-conflict.h"
#include "vera-import-queue.h"
#include "vera-linker.h"
#include "vera-project-io.h"
#include "vera-test-util.h"

/* The pipeline's one streaming import: results in push order whatever the number of workers,
 * the same articles, links and serialised project as one thread adding them one by one. */

/* Articles written for this test: the same story in three languages, with figures that agree
 * and figures that do not, so the linker has conflicts to find. */
static const char * const articles[] = {
  "Harbour of Kelmstad expands\n\n"
  "The port of Kelmstad handled 4.2 million containers in 2023, its director Ines Warfield said. "
  "The new quay cost $310 million and was paid for by the region.\n\n"
  "About 2,400 people work at the terminal, according to the operator.",

  "Kelmstads Hafen wächst\n\n"
  "Der Hafen von Kelmstad hat im Jahr 2023 rund 4,9 Millionen Container umgeschlagen, sagte "
  "Direktorin Ines Warfield. Der neue Kai kostete 310 Millionen Dollar.\n\n"
  "Am Terminal arbeiten etwa 2.400 Menschen.",

  "凯尔姆斯塔德港扩建\n\n"
  "2023年，凯尔姆斯塔德港共处理集装箱420万个。新码头耗资3.1亿美元。"
  "据运营方介绍，码头约有员工2400人。",

  "Kelmstad port questioned\n\n"
  "Critics say the quay cost $450 million, far more than the $310 million the region "
  "admits. The port handled 4.2 million containers in 2023.",

  "Weather\n\nRain is expected in Kelmstad on Tuesday, with winds from the west.",
};

typedef struct
{
  char      *dir;
  GPtrArray *files;   /* GFile, in article order, then one that does not exist */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = vera_test_make_tmpdir ();
  fixture->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (articles); i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%u.txt", i);
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, articles[i], -1, &error);
      g_assert_no_error (error);
      g_ptr_array_add (fixture->files, g_file_new_for_path (path));
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  for (guint i = 0; i < fixture->files->len; i++)
    g_file_delete (g_ptr_array_index (fixture->files, i), NULL, NULL);
  g_rmdir (fixture->dir);
  g_ptr_array_unref (fixture->files);
  g_free (fixture->dir);
}

/* Everything the queue gives, as text: each article's JSON, then the conflicts. */
static char *
run_queue (VeraAnalyzer *analyzer,
           GPtrArray    *files,
           guint         n_workers)
{
  g_autoptr(VeraImportQueue) queue = NULL;
  g_autoptr(VeraLinker) linker = vera_analyzer_new_linker (analyzer);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  VeraImportResult *result;
  guint n = 0;

  queue = vera_import_queue_new (analyzer, NULL, n_workers,
                                 VERA_IMPORT_QUEUE_LINK | VERA_IMPORT_QUEUE_SERIALIZE, NULL);
  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      vera_import_queue_push_file (queue, g_ptr_array_index (files, i), id);
    }
  g_assert_cmpuint (vera_import_queue_get_pending (queue), ==, files->len);

  while ((result = vera_import_queue_pop (queue)) != NULL)
    {
      g_autofree char *id = g_strdup_printf ("a%u", ++n);

      g_assert_no_error (result->error);
      g_assert_nonnull (result->article);
      g_assert_cmpstr (vera_article_get_id (result->article), ==, id);
      g_string_append_printf (out, "%s\n", result->json);
      vera_linker_merge (linker, result->links);
      vera_import_result_free (result);
    }
  g_assert_cmpuint (n, ==, files->len);
  g_assert_cmpuint (vera_import_queue_get_pending (queue), ==, 0);

  conflicts = vera_analyzer_finish_linking (analyzer, linker);
  for (guint i = 0; i < conflicts->len; i++)
    {
      VeraConflict *conflict = g_ptr_array_index (conflicts, i);
      g_string_append_printf (out, "conflict %s %s\n", vera_conflict_get_id (conflict),
                              vera_conflict_get_topic (conflict));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The same by hand, on one thread and one linker. */
static char *
run_sequentially (VeraAnalyzer *analyzer,
                  GPtrArray    *files)
{
  g_autoptr(VeraLinker) linker = vera_analyzer_new_linker (analyzer);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", i + 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraArticle) article = NULL;
      g_autofree char *json = NULL;

      article = vera_analyzer_import_file (analyzer, g_ptr_array_index (files, i), id, NULL,
                                           NULL, &error);
      g_assert_no_error (error);
      json = vera_project_serialize_article (article);
      g_string_append_printf (out, "%s\n", json);
      vera_analyzer_link_article (analyzer, linker, article);
    }
  conflicts = vera_analyzer_finish_linking (analyzer, linker);
  for (guint i = 0; i < conflicts->len; i++)
    {
      VeraConflict *conflict = g_ptr_array_index (conflicts, i);
      g_string_append_printf (out, "conflict %s %s\n", vera_conflict_get_id (conflict),
                              vera_conflict_get_topic (conflict));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_same_for_any_number_of_workers (Fixture       *fixture,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraAnalyzer) analyzer = vera_analyzer_new (&error);
  g_autofree char *expected = NULL;

  g_assert_no_error (error);
  expected = run_sequentially (analyzer, fixture->files);
  /* The story's figures disagree: the linker found something to compare. */
  g_assert_nonnull (strstr (expected, "conflict k1 "));
  for (guint workers = 1; workers <= 4; workers++)
    {
      g_autofree char *got = run_queue (analyzer, fixture->files, workers);

      g_test_message ("%u workers", workers);
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_failures_in_place (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraAnalyzer) analyzer = vera_analyzer_new (&error);
  g_autoptr(VeraImportQueue) queue = NULL;
  g_autofree char *missing_path = g_build_filename (fixture->dir, "missing.txt", NULL);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(VeraArticle) ready = vera_article_new ("a9", "https://example.org/x", "Text.");

  g_assert_no_error (error);
  queue = vera_import_queue_new (analyzer, NULL, 3, VERA_IMPORT_QUEUE_NONE, NULL);
  vera_import_queue_push_file (queue, g_ptr_array_index (fixture->files, 0), "a1");
  vera_import_queue_push_file (queue, missing, "a2");
  vera_import_queue_push_article (queue, ready, NULL);
  vera_import_queue_push_file (queue, g_ptr_array_index (fixture->files, 1), "a3");

  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(VeraImportResult) result = vera_import_queue_pop (queue);

      g_assert_nonnull (result);
      g_assert_null (result->links);
      g_assert_null (result->json);
      if (i == 1)
        {
          /* The file that is not there: an error that names it, in its place. */
          g_assert_null (result->article);
          g_assert_nonnull (result->error);
          g_assert_nonnull (strstr (result->error->message, "missing.txt"));
          g_assert_nonnull (strstr (result->source, "missing.txt"));
          continue;
        }
      g_assert_no_error (result->error);
      g_assert_cmpstr (vera_article_get_id (result->article), ==,
                       i == 0 ? "a1" : i == 2 ? "a9" : "a3");
      if (i == 2)
        g_assert_true (result->article == ready);
    }
  g_assert_null (vera_import_queue_pop (queue));
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraAnalyzer) analyzer = vera_analyzer_new (&error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VeraImportQueue) queue = NULL;
  VeraImportResult *result;
  guint n = 0;

  g_assert_no_error (error);
  g_cancellable_cancel (cancellable);
  queue = vera_import_queue_new (analyzer, NULL, 2, VERA_IMPORT_QUEUE_LINK, cancellable);
  for (guint i = 0; i < fixture->files->len; i++)
    vera_import_queue_push_file (queue, g_ptr_array_index (fixture->files, i), "a");
  while ((result = vera_import_queue_pop (queue)) != NULL)
    {
      g_assert_null (result->article);
      g_assert_null (result->links);
      g_assert_error (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      vera_import_result_free (result);
      n++;
    }
  g_assert_cmpuint (n, ==, fixture->files->len);
}

/* Freeing a queue with work left neither waits for all of it nor leaks it. */
static void
test_free_with_work_left (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraAnalyzer) analyzer = vera_analyzer_new (&error);
  VeraImportQueue *queue;

  g_assert_no_error (error);
  queue = vera_import_queue_new (analyzer, NULL, 1, VERA_IMPORT_QUEUE_SERIALIZE, NULL);
  for (guint k = 0; k < 50; k++)
    for (guint i = 0; i < fixture->files->len; i++)
      vera_import_queue_push_file (queue, g_ptr_array_index (fixture->files, i), "a");
  vera_import_queue_free (queue);
}

/* vera-check analyze writes the same project byte for byte with one worker and with four. */
static void
test_cli_jobs (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *one = NULL;
  g_autofree char *four = NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      g_ptr_array_add (argv, g_strdup (g_getenv ("VERA_CHECK")));
      g_ptr_array_add (argv, g_strdup ("analyze"));
      g_ptr_array_add (argv, g_strdup (pass == 0 ? "--jobs=1" : "--jobs=4"));
      /* Each file many times, so workers overtake one another. */
      for (guint k = 0; k < 12; k++)
        for (guint i = 0; i < fixture->files->len; i++)
          g_ptr_array_add (argv, g_file_get_path (g_ptr_array_index (fixture->files, i)));
      g_ptr_array_add (argv, NULL);
      process = g_subprocess_newv ((const char * const *) argv->pdata,
                                   G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
      g_assert_nonnull (strstr (out, "\"a60\""));
      if (pass == 0)
        one = g_steal_pointer (&out);
      else
        four = g_steal_pointer (&out);
    }
  g_assert_cmpstr (one, ==, four);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);
  g_test_add ("/import-queue/same-for-any-number-of-workers", Fixture, NULL, fixture_set_up,
              test_same_for_any_number_of_workers, fixture_tear_down);
  g_test_add ("/import-queue/failures-in-place", Fixture, NULL, fixture_set_up,
              test_failures_in_place, fixture_tear_down);
  g_test_add ("/import-queue/cancelled", Fixture, NULL, fixture_set_up, test_cancelled,
              fixture_tear_down);
  g_test_add ("/import-queue/free-with-work-left", Fixture, NULL, fixture_set_up,
              test_free_with_work_left, fixture_tear_down);
  g_test_add ("/import-queue/cli-jobs", Fixture, NULL, fixture_set_up, test_cli_jobs,
              fixture_tear_down);
  return g_test_run ();
}
