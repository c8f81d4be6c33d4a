/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-import.h"
#include "vera-project.h"
#include "vera-reference.h"
#include "vera-window-private.h"
#if HAVE_VERA_NET
#include "vera-fetch-queue.h"
#include "vera-net-reference.h"
#include "vera-net-service.h"
#endif

/* Web pages and references go through the application's network service (libsoup, async, on
 * the main context); nothing here blocks. Without the network part every entry point says so. */

#if HAVE_VERA_NET

static VeraNetService *
net (VeraWindow *self)
{
  return self->net_service != NULL ? VERA_NET_SERVICE (self->net_service) : NULL;
}

/* Checking references. */

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VeraReference) reference = user_data;
  g_autoptr(VeraPageMeta) meta = NULL;

  /* The service has already recorded the result in the reference; its row shows it. */
  meta = vera_net_service_check_reference_finish (VERA_NET_SERVICE (source), result, NULL);
}

void
vera_window_fetch_reference (VeraWindow    *self,
                             VeraReference *reference)
{
  g_return_if_fail (VERA_IS_WINDOW (self));
  g_return_if_fail (VERA_IS_REFERENCE (reference));

  if (net (self) == NULL)
    return;
  vera_net_service_check_reference_async (net (self), reference, TRUE, NULL, checked_cb,
                                          g_object_ref (reference));
}

void
vera_window_restore_references (VeraWindow *self,
                                VeraClaim  *claim)
{
  GListModel *references;

  g_return_if_fail (VERA_IS_WINDOW (self));

  if (net (self) == NULL || claim == NULL)
    return;
  references = vera_claim_get_references (claim);
  for (guint i = 0; i < g_list_model_get_n_items (references); i++)
    {
      g_autoptr(VeraReference) reference = g_list_model_get_item (references, i);

      if (vera_reference_get_field (reference, VERA_REFERENCE_FETCHED) == NULL)
        vera_net_service_restore_reference (net (self), reference);
    }
}

static void
queue_progress_cb (VeraWindow     *self,
                   GParamSpec     *pspec,
                   VeraFetchQueue *queue)
{
  vera_window_show_progress (self, vera_fetch_queue_get_progress (queue), NULL);
}

static void
queue_finished_cb (VeraWindow     *self,
                   VeraFetchQueue *queue)
{
  GCancellable *cancellable = g_object_get_data (G_OBJECT (queue), "cancellable");

  vera_window_end_progress (self, cancellable);
  g_object_set_data (G_OBJECT (self), "fetch-queue", NULL);
}

static void
cancelled_cb (GCancellable   *cancellable,
              VeraFetchQueue *queue)
{
  vera_fetch_queue_cancel (queue);
}

void
vera_window_check_all_references (VeraWindow *self)
{
  g_autoptr(VeraFetchQueue) queue = NULL;
  GListModel *articles;
  guint n = 0;

  g_return_if_fail (VERA_IS_WINDOW (self));

  if (net (self) == NULL)
    return;
  queue = vera_fetch_queue_new (net (self));
  articles = vera_project_get_articles (self->project);
  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, a);
      GListModel *claims = vera_article_get_claims (article);

      for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, c);
          GListModel *references = vera_claim_get_references (claim);

          for (guint r = 0; r < g_list_model_get_n_items (references); r++)
            {
              g_autoptr(VeraReference) reference = g_list_model_get_item (references, r);

              vera_fetch_queue_add_reference (queue, reference);
              n++;
            }
        }
    }
  if (n == 0)
    {
      vera_window_toast (self, _("No claim has references yet"), FALSE);
      return;
    }
  {
    g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checking %u reference…",
                                                           "Checking %u references…", n), n);

    vera_window_begin_progress (self, label);
  }
  g_object_set_data_full (G_OBJECT (queue), "cancellable", g_object_ref (self->adding_cancellable),
                          g_object_unref);
  g_signal_connect_object (self->adding_cancellable, "cancelled", G_CALLBACK (cancelled_cb), queue, 0);
  g_signal_connect_object (queue, "notify::progress", G_CALLBACK (queue_progress_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (queue, "finished", G_CALLBACK (queue_finished_cb), self, G_CONNECT_SWAPPED);
  g_object_set_data_full (G_OBJECT (self), "fetch-queue", g_steal_pointer (&queue), g_object_unref);
}

/* Opening a web page as an article: fetch it, take its main text with the HTML importer and
 * analyse it in a worker thread, then add it with the page's metadata. */

typedef struct
{
  VeraPageMeta *meta;
  char         *article_id;
  gsize         max_size;
} PageJob;

static void
page_job_free (PageJob *job)
{
  vera_page_meta_free (job->meta);
  g_free (job->article_id);
  g_free (job);
}

static void
analyse_page_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  VeraWindow *self = source;
  PageJob *job = data;
  g_autoptr(GBytes) bytes = g_bytes_new (job->meta->body, strlen (job->meta->body));
  VeraImportOptions options = { NULL, job->max_size };
  GError *error = NULL;
  g_autoptr(VeraImportedDoc) doc = NULL;

  doc = vera_import_bytes (bytes, job->meta->final_url ? job->meta->final_url : job->meta->url,
                           "text/html; charset=utf-8", &options, &error);
  if (doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, vera_analyzer_build_article (self->analyzer, doc, job->article_id),
                         g_object_unref);
}

static void
set_if_missing (VeraArticle *article,
                const char  *(*get) (VeraArticle *),
                void         (*set) (VeraArticle *, const char *),
                const char  *value)
{
  const char *current = get (article);

  if ((current == NULL || *current == '\0') && value != NULL && *value != '\0')
    set (article, value);
}

static void
page_analysed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  VeraWindow *self = VERA_WINDOW (source);
  g_autoptr(GCancellable) cancellable = user_data;
  PageJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraArticle) article = g_task_propagate_pointer (G_TASK (result), &error);

  vera_window_end_progress (self, cancellable);
  if (article == NULL || g_cancellable_is_cancelled (cancellable))
    {
      if (error != NULL)
        vera_window_report_error (self, _("Could Not Open the Web Page"), error);
      return;
    }
  /* The page's own metadata wins over what the importer guessed from the text. */
  if (job->meta->title != NULL && *job->meta->title != '\0')
    vera_article_set_title (article, job->meta->title);
  set_if_missing (article, vera_article_get_publisher, vera_article_set_publisher, job->meta->site_name);
  set_if_missing (article, vera_article_get_author, vera_article_set_author, job->meta->author);
  set_if_missing (article, vera_article_get_published, vera_article_set_published, job->meta->published);
  set_if_missing (article, vera_article_get_language, vera_article_set_language, job->meta->language);
  if (!vera_project_add_article (self->project, article, &error))
    {
      vera_window_report_error (self, _("Could Not Open the Web Page"), error);
      return;
    }
  vera_analyzer_link_project (self->analyzer, self->project);
  vera_project_mark_changed (self->project);
  vera_window_select_article (self, article);
}

static void
page_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraPageMeta) meta = vera_net_service_fetch_finish (VERA_NET_SERVICE (source), result, &error);
  g_autoptr(VeraWindow) self = vera_window_dup_from_cancellable (cancellable);
  g_autoptr(GTask) task = NULL;
  PageJob *job;

  if (self == NULL)
    return;
  if (meta == NULL)
    {
      vera_window_end_progress (self, cancellable);
      vera_window_report_error (self, _("Could Not Open the Web Page"), error);
      return;
    }
  if (meta->health != VERA_LINK_HEALTH_OK || meta->body == NULL)
    {
      g_autoptr(GError) page_error = NULL;

      vera_window_end_progress (self, cancellable);
      page_error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", meta->url,
                                meta->reason ? meta->reason
                                             : _("the page is not a web page Vera can read"));
      vera_window_report_error (self, _("Could Not Open the Web Page"), page_error);
      return;
    }
  vera_window_show_progress (self, 0.5, meta->title ? meta->title : meta->url);
  job = g_new0 (PageJob, 1);
  job->meta = g_steal_pointer (&meta);
  job->article_id = vera_project_dup_next_article_id (self->project);
  job->max_size = (gsize) g_settings_get_uint (self->settings, "max-import-size-mb") * 1024 * 1024;
  task = g_task_new (self, cancellable, page_analysed_cb, g_object_ref (cancellable));
  g_task_set_task_data (task, job, (GDestroyNotify) page_job_free);
  g_task_run_in_thread (task, analyse_page_thread);
}

void
vera_window_add_url (VeraWindow *self,
                     const char *url)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  g_return_if_fail (VERA_IS_WINDOW (self));
  g_return_if_fail (url != NULL);

  if (net (self) == NULL || self->analyzer == NULL)
    {
      vera_window_toast (self, _("Opening web pages is not available in this build"), FALSE);
      return;
    }
  if (!vera_net_check_url (url, &error))
    {
      vera_window_report_error (self, _("Could Not Open the Web Page"), error);
      return;
    }
  label = g_strdup_printf (_("Fetching %s…"), url);
  vera_window_begin_progress (self, label);
  vera_analyzer_set_threshold (self->analyzer, g_settings_get_double (self->settings, "claim-threshold"));
  vera_net_service_fetch_async (net (self), url, VERA_FETCH_FLAGS_KEEP_BODY, self->adding_cancellable,
                                page_fetched_cb, g_object_ref (self->adding_cancellable));
}

#else /* !HAVE_VERA_NET */

void
vera_window_fetch_reference (VeraWindow    *self,
                             VeraReference *reference)
{
  g_return_if_fail (VERA_IS_WINDOW (self));
  vera_window_toast (self, _("Checking references is not available in this build"), FALSE);
}

void
vera_window_restore_references (VeraWindow *self,
                                VeraClaim  *claim)
{
}

void
vera_window_check_all_references (VeraWindow *self)
{
  g_return_if_fail (VERA_IS_WINDOW (self));
  vera_window_toast (self, _("Checking references is not available in this build"), FALSE);
}

void
vera_window_add_url (VeraWindow *self,
                     const char *url)
{
  g_return_if_fail (VERA_IS_WINDOW (self));
  vera_window_toast (self, _("Opening web pages is not available in this build"), FALSE);
}

#endif
