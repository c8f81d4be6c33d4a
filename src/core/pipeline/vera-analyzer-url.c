/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-analyzer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-net-service.h"
#include "vera-page-meta.h"
#include "vera-project.h"
#include "vera-vocabulary.h"

/* Opening an article from a URL: fetch the page (libsoup, async), take its main text with the
 * HTML importer and analyse it in a worker thread, keeping the URL as the source and the page's
 * metadata as title, publisher, author and date. */

typedef struct
{
  char         *url;
  char         *article_id;
  VeraPageMeta *meta;
  VeraProject  *project;    /* for vera_analyzer_add_url_async () */
} UrlJob;

static void
url_job_free (UrlJob *job)
{
  g_free (job->url);
  g_free (job->article_id);
  g_clear_pointer (&job->meta, vera_page_meta_free);
  g_clear_object (&job->project);
  g_free (job);
}

static void
replace (char       **field,
         const char  *value)
{
  if (value != NULL && *value != '\0')
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

static void
import_url_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  VeraAnalyzer *self = source_object;
  UrlJob *job = task_data;
  g_autoptr(GBytes) bytes = g_bytes_new (job->meta->body, strlen (job->meta->body));
  g_autoptr(VeraImportedDoc) doc = NULL;
  GError *error = NULL;

  doc = vera_import_bytes (bytes, job->url, "text/html; charset=utf-8", NULL, &error);
  if (doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The page's own metadata names the article better than its first heading. */
  replace (&doc->title, job->meta->title);
  replace (&doc->publisher, job->meta->site_name);
  replace (&doc->author, job->meta->author);
  replace (&doc->published, job->meta->published);
  if (doc->language == NULL)
    replace (&doc->language, job->meta->language);

  g_task_return_pointer (task, vera_analyzer_build_article (self, doc, job->article_id),
                         g_object_unref);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  UrlJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  job->meta = vera_net_service_fetch_finish (VERA_NET_SERVICE (source), result, &error);
  if (job->meta == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->meta->health != VERA_LINK_HEALTH_OK)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("Could not open “%s”: %s"), job->url,
                               job->meta->reason ? job->meta->reason
                               : vera_link_health_get_label (job->meta->health));
      return;
    }
  if (job->meta->body == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("“%s” is not a web page but %s; save it and open the file "
                                 "instead"), job->url,
                               job->meta->content_type ? job->meta->content_type
                               : _("something Vera cannot read"));
      return;
    }
  g_task_run_in_thread (task, import_url_thread);
}

void
vera_analyzer_import_url_async (VeraAnalyzer        *self,
                                VeraNetService      *net,
                                const char          *url,
                                const char          *article_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  UrlJob *job;

  g_return_if_fail (VERA_IS_ANALYZER (self));
  g_return_if_fail (VERA_IS_NET_SERVICE (net));
  g_return_if_fail (url != NULL);
  g_return_if_fail (article_id != NULL);

  job = g_new0 (UrlJob, 1);
  job->url = g_strdup (url);
  job->article_id = g_strdup (article_id);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_analyzer_import_url_async);
  g_task_set_task_data (task, job, (GDestroyNotify) url_job_free);
  vera_net_service_fetch_async (net, url, VERA_FETCH_FLAGS_KEEP_BODY, cancellable, fetched_cb,
                                task);
}

VeraArticle *
vera_analyzer_import_url_finish (VeraAnalyzer  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (VERA_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
url_imported_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  VeraAnalyzer *self = VERA_ANALYZER (source);
  g_autoptr(GTask) task = user_data;
  UrlJob *job = g_task_get_task_data (task);
  g_autoptr(VeraArticle) article = NULL;
  GError *error = NULL;

  article = vera_analyzer_import_url_finish (self, result, &error);
  if (article == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* Another article may have taken the id meanwhile; the project refuses duplicates. */
  if (!vera_project_add_article (job->project, article, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  vera_analyzer_link_project (self, job->project);
  g_task_return_pointer (task, g_steal_pointer (&article), g_object_unref);
}

void
vera_analyzer_add_url_async (VeraAnalyzer        *self,
                             VeraProject         *project,
                             VeraNetService      *net,
                             const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(VeraAnalyzer) job_analyzer = NULL;
  g_autofree char *id = NULL;
  GTask *task;
  UrlJob *job;

  g_return_if_fail (VERA_IS_ANALYZER (self));
  g_return_if_fail (VERA_IS_PROJECT (project));

  job = g_new0 (UrlJob, 1);
  job->project = g_object_ref (project);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_analyzer_add_url_async);
  g_task_set_task_data (task, job, (GDestroyNotify) url_job_free);

  /* The page is analysed with the project's settings as they are now. */
  id = vera_project_dup_next_article_id (project);
  job_analyzer = vera_analyzer_new_for_project (self, project);
  vera_analyzer_import_url_async (job_analyzer, net, url, id, cancellable, url_imported_cb, task);
}

VeraArticle *
vera_analyzer_add_url_finish (VeraAnalyzer  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (VERA_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
