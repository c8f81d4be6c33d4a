/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-reference.h"
#include "vera-window-private.h"
#include "vera-fetch-queue.h"
#include "vera-net-reference.h"
#include "vera-net-service.h"

/* Web pages and references go through the application's network service (libsoup, async, on
 * the main context); nothing here blocks. Without the network part every entry point says so. */


static VeraNetService *
net (VeraWindow *self)
{
  return self->net_service != NULL ? self->net_service : NULL;
}

/* Checking references. */

static void
checked_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  VeraPageMeta *meta;

  /* The service has already recorded the result in the reference (held until now); its row
   * shows it. */
  meta = vera_net_service_check_reference_finish (VERA_NET_SERVICE (source), result, NULL);
  g_clear_pointer (&meta, vera_page_meta_free);
  g_object_unref (user_data);
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

/* Opening a web page as an article: the analyser fetches it, takes its main text and page
 * metadata, analyses it off the main thread and adds it to the project. */

static void
page_added_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraArticle) article = vera_analyzer_add_url_finish (VERA_ANALYZER (source), result, &error);
  g_autoptr(VeraWindow) self = vera_window_dup_from_cancellable (cancellable);

  if (self == NULL)
    return;
  vera_window_end_progress (self, cancellable);
  if (article == NULL)
    {
      vera_window_report_error (self, _("Could Not Open the Web Page"), error);
      return;
    }
  vera_window_select_article (self, article);
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
  gtk_progress_bar_pulse (self->progress_bar);
  vera_analyzer_add_url_async (self->analyzer, self->project, net (self), url,
                               self->adding_cancellable, page_added_cb,
                               g_object_ref (self->adding_cancellable));
}

