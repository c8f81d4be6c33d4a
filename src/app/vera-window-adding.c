/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-window-private.h"
#include "vera-analyzer.h"
#include "vera-import.h"

/* Long work (loading a project, importing and analysing articles) runs off the main thread;
 * the window shows a progress strip with a Cancel button and stays responsive. */

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

void
vera_window_begin_progress (VeraWindow *self,
                            const char *label)
{
  GWeakRef *ref;

  g_clear_object (&self->adding_cancellable);
  self->adding_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  vera_window_update_actions (self);
  /* The work may outlive the window: callbacks find it through a weak reference. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  g_object_set_data_full (G_OBJECT (self->adding_cancellable), "window", ref, weak_ref_free);
}

VeraWindow *
vera_window_dup_from_cancellable (GCancellable *cancellable)
{
  GWeakRef *ref = g_object_get_data (G_OBJECT (cancellable), "window");

  return ref != NULL ? g_weak_ref_get (ref) : NULL;
}

void
vera_window_end_progress (VeraWindow   *self,
                          GCancellable *cancellable)
{
  /* A newer task may have started meanwhile; only the current one ends the strip. */
  if (self->adding_cancellable != cancellable)
    return;
  g_clear_object (&self->adding_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  vera_window_update_actions (self);
}

void
vera_window_show_progress (VeraWindow *self,
                           double      fraction,
                           const char *current)
{
  g_autofree char *label = NULL;

  if (self->adding_cancellable == NULL)
    return;
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (current != NULL)
    {
      /* Translators: the progress strip while articles are analysed; %s is a file name. */
      label = g_strdup_printf (_("Analysing “%s”…"), current);
      gtk_label_set_text (self->progress_label, label);
    }
}

void
vera_window_cancel_adding (VeraWindow *self)
{
  g_return_if_fail (VERA_IS_WINDOW (self));

  if (self->adding_cancellable != NULL)
    {
      g_cancellable_cancel (self->adding_cancellable);
      vera_window_end_progress (self, self->adding_cancellable);
    }
}

gboolean
vera_window_report_error (VeraWindow   *self,
              const char   *heading,
              const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      vera_window_toast (self, _("Cancelled"), FALSE);
      return FALSE;
    }
  vera_window_show_error (self, heading, error);
  return TRUE;
}

/* Loading a project. */

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  VeraProject *project = vera_project_load (data, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  VeraWindow *self = VERA_WINDOW (source);
  GCancellable *cancellable = user_data;
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = g_task_propagate_pointer (G_TASK (result), &error);

  vera_window_end_progress (self, cancellable);
  g_object_unref (cancellable);
  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      vera_window_report_error (self, heading, error);
      return;
    }
  vera_window_set_project (self, project);
  vera_window_add_recent (self, file);
  vera_window_check_recovery (self);
}

void
vera_window_load_project (VeraWindow *self,
                          GFile      *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Opening “%s”…"), name);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  /* A window that holds work opens other projects in a window of their own. */
  if (!vera_window_is_blank (self) && app != NULL)
    {
      g_application_open (G_APPLICATION (app), &file, 1, "new-window");
      return;
    }
  vera_window_begin_progress (self, label);
  gtk_progress_bar_pulse (self->progress_bar);
  task = g_task_new (self, self->adding_cancellable, load_done_cb,
                     g_object_ref (self->adding_cancellable));
  g_task_set_source_tag (task, vera_window_load_project);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* Adding articles. */

static void
analyzed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraWindow) self = vera_window_dup_from_cancellable (cancellable);
  guint added = vera_analyzer_add_files_finish (VERA_ANALYZER (source), result, &error);

  if (self == NULL)
    return;
  g_signal_handlers_disconnect_by_func (source, vera_window_show_progress, self);
  vera_window_end_progress (self, cancellable);
  if (error != NULL)
    vera_window_report_error (self, added > 0 ? _("Some Articles Could Not Be Added")
                                  : _("Could Not Add the Articles"), error);
  else
    {
      g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u article",
                                                               "Added %u articles", added), added);

      vera_window_toast (self, message, FALSE);
    }
}

void
vera_window_add_article_files (VeraWindow *self,
                               GPtrArray  *files,
                               const char *encoding)
{
  g_autofree char *label = NULL;
  VeraImportOptions options = { 0 };

  g_return_if_fail (VERA_IS_WINDOW (self));
  g_return_if_fail (files != NULL && files->len > 0);

  if (self->analyzer == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("The claim analyser could not be loaded; "
                                                       "see the messages in the terminal."));

      vera_window_show_error (self, _("Could Not Add Articles"), error);
      return;
    }
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Adding %u article…",
                                        "Adding %u articles…", files->len), files->len);
  vera_window_begin_progress (self, label);
  options.encoding = encoding;
  options.max_size = (gsize) g_settings_get_uint (self->settings, "max-import-size-mb") * 1024 * 1024;
  g_signal_connect_object (self->analyzer, "progress", G_CALLBACK (vera_window_show_progress), self, G_CONNECT_SWAPPED);
  vera_analyzer_add_files_async (self->analyzer, self->project, files, &options,
                                 self->adding_cancellable, analyzed_cb,
                                 g_object_ref (self->adding_cancellable));
}
