/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-analyzer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-import-queue.h"
#include "vera-project.h"

/* Importing files into a project: the slow part (reading, decoding, analysing) runs in a worker
 * thread; the project is only touched on the thread that asked. */

VeraArticle *
vera_analyzer_build_article (VeraAnalyzer    *self,
                             VeraImportedDoc *doc,
                             const char      *article_id)
{
  VeraArticle *article;

  g_return_val_if_fail (VERA_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (doc != NULL && doc->text != NULL, NULL);

  article = vera_article_new (article_id, doc->source, doc->text);
  vera_article_set_title (article, doc->title);
  vera_article_set_publisher (article, doc->publisher);
  vera_article_set_author (article, doc->author);
  vera_article_set_published (article, doc->published);
  vera_article_set_language (article, doc->language);
  vera_analyzer_analyze_article (self, article);
  return article;
}

VeraArticle *
vera_analyzer_import_file (VeraAnalyzer             *self,
                           GFile                    *file,
                           const char               *article_id,
                           const VeraImportOptions  *options,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(VeraImportedDoc) doc = NULL;

  g_return_val_if_fail (VERA_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  doc = vera_import_file (file, options, cancellable, error);
  if (doc == NULL)
    return NULL;
  return vera_analyzer_build_article (self, doc, article_id);
}

typedef struct
{
  VeraProject       *project;
  VeraAnalyzer      *analyzer;   /* with the project's settings when the job began */
  GPtrArray         *files;
  GPtrArray         *ids;
  char              *encoding;
  gsize              max_size;
  char              *language;
  GPtrArray         *articles;   /* filled by the worker */
  GString           *failures;   /* one line per file that failed */
  GMainContext      *context;
} AddFiles;

static void
add_files_free (AddFiles *job)
{
  g_clear_object (&job->project);
  g_clear_object (&job->analyzer);
  g_clear_pointer (&job->files, g_ptr_array_unref);
  g_clear_pointer (&job->ids, g_ptr_array_unref);
  g_clear_pointer (&job->articles, g_ptr_array_unref);
  g_clear_pointer (&job->encoding, g_free);
  g_clear_pointer (&job->language, g_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  if (job->failures != NULL)
    g_string_free (job->failures, TRUE);
  g_free (job);
}

typedef struct
{
  VeraAnalyzer *analyzer;
  double        fraction;
  char         *name;
} Progress;

static gboolean
emit_progress_cb (gpointer data)
{
  Progress *progress = data;

  g_signal_emit_by_name (progress->analyzer, "progress", progress->fraction, progress->name);
  g_object_unref (progress->analyzer);
  g_free (progress->name);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

static void
report_progress (VeraAnalyzer *self,
                 AddFiles     *job,
                 double        fraction,
                 GFile        *file)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->analyzer = g_object_ref (self);
  progress->fraction = fraction;
  progress->name = file ? g_file_get_basename (file) : NULL;
  g_main_context_invoke (job->context, emit_progress_cb, progress);
}

/* The files go through the pipeline's queue (a worker per core); this thread collects the
 * articles in order and reports progress as each one is done. */
static void
add_files_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  VeraAnalyzer *self = source_object;
  AddFiles *job = task_data;
  VeraImportOptions options = { job->encoding, job->max_size, job->language };
  g_autoptr(VeraImportQueue) queue = NULL;

  queue = vera_import_queue_new (job->analyzer, &options, 0, VERA_IMPORT_QUEUE_NONE, cancellable);
  for (guint i = 0; i < job->files->len; i++)
    vera_import_queue_push_file (queue, g_ptr_array_index (job->files, i),
                                 g_ptr_array_index (job->ids, i));

  report_progress (self, job, 0.0, job->files->len > 0 ? g_ptr_array_index (job->files, 0) : NULL);
  for (guint i = 0; i < job->files->len; i++)
    {
      g_autoptr(VeraImportResult) result = vera_import_queue_pop (queue);
      GFile *next = i + 1 < job->files->len ? g_ptr_array_index (job->files, i + 1) : NULL;

      if (result->article != NULL)
        g_ptr_array_add (job->articles, g_steal_pointer (&result->article));
      else if (!g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_string_append_printf (job->failures, "%s%s", job->failures->len ? "\n" : "",
                                result->error->message);
      if (next != NULL)
        report_progress (self, job, (double) (i + 1) / job->files->len, next);
    }

  if (g_task_return_error_if_cancelled (task))
    return;
  report_progress (self, job, 1.0, NULL);
  g_task_return_boolean (task, TRUE);
}

void
vera_analyzer_add_files_async (VeraAnalyzer            *self,
                               VeraProject             *project,
                               GPtrArray               *files,
                               const VeraImportOptions *options,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  AddFiles *job;

  g_return_if_fail (VERA_IS_ANALYZER (self));
  g_return_if_fail (VERA_IS_PROJECT (project));
  g_return_if_fail (files != NULL);

  job = g_new0 (AddFiles, 1);
  job->project = g_object_ref (project);
  job->analyzer = vera_analyzer_new_for_project (self, project);
  job->files = g_ptr_array_ref (files);
  job->ids = g_ptr_array_new_with_free_func (g_free);
  job->articles = g_ptr_array_new_with_free_func (g_object_unref);
  job->failures = g_string_new (NULL);
  job->context = g_main_context_ref_thread_default ();
  if (options != NULL)
    {
      job->encoding = g_strdup (options->encoding);
      job->max_size = options->max_size;
      job->language = g_strdup (options->language);
    }

  /* Article ids are given out here, on the project's thread, so workers never touch it. */
  for (guint i = 0, n = 1; i < files->len; i++, n++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", n);

      while (vera_project_find_article (project, id) != NULL)
        {
          g_free (id);
          id = g_strdup_printf ("a%u", ++n);
        }
      g_ptr_array_add (job->ids, g_steal_pointer (&id));
    }

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_analyzer_add_files_async);
  g_task_set_task_data (task, job, (GDestroyNotify) add_files_free);
  g_task_run_in_thread (task, add_files_thread);
}

guint
vera_analyzer_add_files_finish (VeraAnalyzer  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  AddFiles *job;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VERA_IS_ANALYZER (self), 0);
  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  job = g_task_get_task_data (G_TASK (result));
  if (!g_task_propagate_boolean (G_TASK (result), &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  for (guint i = 0; i < job->articles->len; i++)
    vera_project_add_article (job->project, g_ptr_array_index (job->articles, i), NULL);
  if (job->articles->len > 0)
    vera_analyzer_link_project (job->analyzer, job->project);

  if (job->failures->len > 0)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, job->failures->str);
  return job->articles->len;
}
