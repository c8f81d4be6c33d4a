/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import-queue"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-import-queue.h"
#include "vera-project-io.h"

typedef struct
{
  GFile            *file;
  char             *article_id;
  VeraImportResult *result;
  gboolean          done;
} Job;

struct _VeraImportQueue
{
  VeraAnalyzer         *analyzer;
  char                 *encoding;
  char                 *language;
  gsize                 max_size;
  VeraImportQueueFlags  flags;
  GCancellable         *cancellable;
  GCancellable         *stop;    /* cancelled when the queue is freed */
  GThreadPool          *pool;
  GMutex                lock;
  GCond                 cond;
  GQueue                jobs;    /* Job, in push order; guarded by @lock */
};

void
vera_import_result_free (VeraImportResult *result)
{
  if (result == NULL)
    return;
  g_free (result->source);
  g_clear_object (&result->article);
  g_clear_error (&result->error);
  g_clear_pointer (&result->links, vera_linker_free);
  g_free (result->json);
  g_free (result);
}

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_free (job->article_id);
  g_clear_pointer (&job->result, vera_import_result_free);
  g_free (job);
}

/* In a worker: everything slow about one article. Workers share only the analyzer, which is
 * read-only while they run. */
static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  VeraImportQueue *self = user_data;
  VeraImportResult *result = job->result;

  if (job->file != NULL)
    {
      VeraImportOptions options = { self->encoding, self->max_size, self->language };

      if (!g_cancellable_set_error_if_cancelled (self->stop, &result->error) &&
          !g_cancellable_set_error_if_cancelled (self->cancellable, &result->error))
        result->article = vera_analyzer_import_file (self->analyzer, job->file, job->article_id,
                                                     &options, self->cancellable,
                                                     &result->error);
    }
  if (result->article != NULL && (self->flags & VERA_IMPORT_QUEUE_LINK))
    {
      result->links = vera_analyzer_new_linker (self->analyzer);
      vera_analyzer_link_article (self->analyzer, result->links, result->article);
    }
  if (result->article != NULL && (self->flags & VERA_IMPORT_QUEUE_SERIALIZE))
    result->json = vera_project_serialize_article (result->article);

  g_mutex_lock (&self->lock);
  job->done = TRUE;
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->lock);
}

VeraImportQueue *
vera_import_queue_new (VeraAnalyzer            *analyzer,
                       const VeraImportOptions *options,
                       guint                    n_workers,
                       VeraImportQueueFlags     flags,
                       GCancellable            *cancellable)
{
  VeraImportQueue *self;

  g_return_val_if_fail (VERA_IS_ANALYZER (analyzer), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  self = g_new0 (VeraImportQueue, 1);
  self->analyzer = g_object_ref (analyzer);
  if (options != NULL)
    {
      self->encoding = g_strdup (options->encoding);
      self->language = g_strdup (options->language);
      self->max_size = options->max_size;
    }
  self->flags = flags;
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  self->stop = g_cancellable_new ();
  g_mutex_init (&self->lock);
  g_cond_init (&self->cond);
  g_queue_init (&self->jobs);
  if (n_workers == 0)
    n_workers = MAX (1, g_get_num_processors ());
  self->pool = g_thread_pool_new (run_job, self, (int) n_workers, FALSE, NULL);
  return self;
}

static void
push (VeraImportQueue *self,
      Job             *job)
{
  g_mutex_lock (&self->lock);
  g_queue_push_tail (&self->jobs, job);
  g_mutex_unlock (&self->lock);
  g_thread_pool_push (self->pool, job, NULL);
}

void
vera_import_queue_push_file (VeraImportQueue *self,
                             GFile           *file,
                             const char      *article_id)
{
  Job *job;

  g_return_if_fail (self != NULL);
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (article_id != NULL);

  job = g_new0 (Job, 1);
  job->file = g_object_ref (file);
  job->article_id = g_strdup (article_id);
  job->result = g_new0 (VeraImportResult, 1);
  job->result->source = g_file_get_parse_name (file);
  push (self, job);
}

void
vera_import_queue_push_article (VeraImportQueue *self,
                                VeraArticle     *article,
                                const char      *source)
{
  Job *job;

  g_return_if_fail (self != NULL);
  g_return_if_fail (VERA_IS_ARTICLE (article));

  job = g_new0 (Job, 1);
  job->result = g_new0 (VeraImportResult, 1);
  job->result->article = g_object_ref (article);
  job->result->source = g_strdup (source != NULL ? source : vera_article_get_source (article));
  push (self, job);
}

guint
vera_import_queue_get_n_workers (VeraImportQueue *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return (guint) g_thread_pool_get_max_threads (self->pool);
}

guint
vera_import_queue_get_pending (VeraImportQueue *self)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  g_mutex_lock (&self->lock);
  n = self->jobs.length;
  g_mutex_unlock (&self->lock);
  return n;
}

VeraImportResult *
vera_import_queue_pop (VeraImportQueue *self)
{
  Job *job;
  VeraImportResult *result;

  g_return_val_if_fail (self != NULL, NULL);

  g_mutex_lock (&self->lock);
  job = g_queue_peek_head (&self->jobs);
  while (job != NULL && !job->done)
    g_cond_wait (&self->cond, &self->lock);
  if (job != NULL)
    g_queue_pop_head (&self->jobs);
  g_mutex_unlock (&self->lock);

  if (job == NULL)
    return NULL;
  result = g_steal_pointer (&job->result);
  job_free (job);
  return result;
}

void
vera_import_queue_free (VeraImportQueue *self)
{
  if (self == NULL)
    return;
  /* What was not popped is not wanted: the jobs not started end at once. */
  g_cancellable_cancel (self->stop);
  g_thread_pool_free (g_steal_pointer (&self->pool), FALSE, TRUE);
  g_queue_clear_full (&self->jobs, (GDestroyNotify) job_free);
  g_mutex_clear (&self->lock);
  g_cond_clear (&self->cond);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->stop);
  g_clear_object (&self->analyzer);
  g_free (self->encoding);
  g_free (self->language);
  g_free (self);
}
