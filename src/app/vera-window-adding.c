/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-article.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-window-private.h"
#if HAVE_VERA_IMPORT
#include "vera-import.h"
#endif
#if HAVE_VERA_ANALYZER
#include "vera-analyzer.h"
#endif

/* Long work (loading a project, importing and analysing articles) runs off the main thread;
 * the window shows a progress strip with a Cancel button and stays responsive. */

static void
begin_progress (VeraWindow *self,
                const char *label)
{
  g_clear_object (&self->adding_cancellable);
  self->adding_cancellable = g_cancellable_new ();
  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  vera_window_update_actions (self);
}

static void
end_progress (VeraWindow   *self,
              GCancellable *cancellable)
{
  /* A newer task may have started meanwhile; only the current one ends the strip. */
  if (self->adding_cancellable != cancellable)
    return;
  g_clear_object (&self->adding_cancellable);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
  vera_window_update_actions (self);
}

static void
progress_cb (VeraWindow *self,
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
      end_progress (self, self->adding_cancellable);
    }
}

static gboolean
report_error (VeraWindow   *self,
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

  end_progress (self, cancellable);
  g_object_unref (cancellable);
  if (project == NULL)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);

      report_error (self, heading, error);
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
  begin_progress (self, label);
  gtk_progress_bar_pulse (self->progress_bar);
  task = g_task_new (self, self->adding_cancellable, load_done_cb,
                     g_object_ref (self->adding_cancellable));
  g_task_set_source_tag (task, vera_window_load_project);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/* Adding articles. */

#if HAVE_VERA_ANALYZER

static void
analyzed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = vera_analyzer_add_files_finish (VERA_ANALYZER (source), result, &error);
  VeraWindow *self = g_object_get_data (G_OBJECT (cancellable), "window");

  if (self == NULL)
    return;
  g_signal_handlers_disconnect_by_func (source, progress_cb, self);
  end_progress (self, cancellable);
  if (!ok)
    report_error (self, _("Could Not Add Every Article"), error);
}

#else

typedef struct
{
  GPtrArray *files;       /* GFile */
  char      *encoding;
  gsize      max_size;
  GPtrArray *docs;        /* char *: source, title, text triples */
  GString   *errors;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_ptr_array_unref (job->files);
  g_ptr_array_unref (job->docs);
  g_string_free (job->errors, TRUE);
  g_free (job->encoding);
  g_free (job);
}

static void
import_one (ImportJob    *job,
            GFile        *file,
            GCancellable *cancellable)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parse_name = g_file_get_parse_name (file);
#if HAVE_VERA_IMPORT
  VeraImportOptions options = { job->encoding, job->max_size };
  g_autoptr(VeraImportedDoc) doc = vera_import_file (file, &options, cancellable, &error);

  if (doc == NULL)
    {
      g_string_append_printf (job->errors, "%s\n", error->message);
      return;
    }
  g_ptr_array_add (job->docs, g_strdup (doc->source ? doc->source : parse_name));
  g_ptr_array_add (job->docs, g_strdup (doc->title));
  g_ptr_array_add (job->docs, g_steal_pointer (&doc->text));
#else
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &error))
    {
      g_string_append_printf (job->errors, "%s\n", error->message);
      return;
    }
  if (!g_utf8_validate_len (contents, length, NULL) || memchr (contents, '\0', length) != NULL)
    {
      g_string_append_printf (job->errors, _("%s is not UTF-8 text\n"), parse_name);
      return;
    }
  g_ptr_array_add (job->docs, g_strdup (parse_name));
  g_ptr_array_add (job->docs, g_file_get_basename (file));
  g_ptr_array_add (job->docs, g_utf8_normalize (contents, length, G_NORMALIZE_NFC));
#endif
}

static gboolean
report_progress_idle (gpointer data)
{
  GTask *task = data;
  VeraWindow *self = g_task_get_source_object (task);
  double fraction = *(double *) g_object_get_data (G_OBJECT (task), "fraction");

  progress_cb (self, fraction, g_object_get_data (G_OBJECT (task), "current"));
  return G_SOURCE_REMOVE;
}

static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ImportJob *job = data;

  for (guint i = 0; i < job->files->len; i++)
    {
      GFile *file = g_ptr_array_index (job->files, i);
      double *fraction = g_new (double, 1);

      if (g_cancellable_is_cancelled (cancellable))
        break;
      *fraction = (double) i / job->files->len;
      g_object_set_data_full (G_OBJECT (task), "fraction", fraction, g_free);
      g_object_set_data_full (G_OBJECT (task), "current", g_file_get_basename (file), g_free);
      g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT,
                                  report_progress_idle, g_object_ref (task), g_object_unref);
      import_one (job, file, cancellable);
    }
  if (g_cancellable_is_cancelled (cancellable))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "%s", _("Cancelled"));
  else
    g_task_return_boolean (task, TRUE);
}

static void
imported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  VeraWindow *self = VERA_WINDOW (source);
  g_autoptr(GCancellable) cancellable = user_data;
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  end_progress (self, cancellable);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      report_error (self, _("Could Not Add Articles"), error);
      return;
    }
  for (guint i = 0; i + 2 < job->docs->len; i += 3)
    {
      g_autofree char *id = vera_project_dup_next_article_id (self->project);
      g_autoptr(VeraArticle) article = vera_article_new (id, g_ptr_array_index (job->docs, i),
                                                        g_ptr_array_index (job->docs, i + 2));
      g_autoptr(GError) add_error = NULL;

      vera_article_set_title (article, g_ptr_array_index (job->docs, i + 1));
      if (!vera_project_add_article (self->project, article, &add_error))
        g_string_append_printf (job->errors, "%s\n", add_error->message);
    }
  vera_project_mark_changed (self->project);
  if (job->errors->len > 0)
    {
      g_autoptr(GError) summary = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, job->errors->str);

      vera_window_show_error (self, _("Some Articles Could Not Be Added"), summary);
    }
}

#endif

void
vera_window_add_article_files (VeraWindow *self,
                               GPtrArray  *files,
                               const char *encoding)
{
  g_autofree char *label = NULL;

  g_return_if_fail (VERA_IS_WINDOW (self));
  g_return_if_fail (files != NULL && files->len > 0);

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Adding %u article…",
                                        "Adding %u articles…", files->len), files->len);
  begin_progress (self, label);
#if HAVE_VERA_ANALYZER
  if (self->analyzer != NULL)
    {
      g_object_set_data (G_OBJECT (self->adding_cancellable), "window", self);
      vera_analyzer_set_threshold (VERA_ANALYZER (self->analyzer),
                                   g_settings_get_double (self->settings, "claim-threshold"));
      g_signal_connect_object (self->analyzer, "progress", G_CALLBACK (progress_cb), self,
                               G_CONNECT_SWAPPED);
      vera_analyzer_add_files_async (VERA_ANALYZER (self->analyzer), self->project, files, encoding,
                                     self->adding_cancellable, analyzed_cb,
                                     g_object_ref (self->adding_cancellable));
      return;
    }
#else
  {
    g_autoptr(GTask) task = g_task_new (self, self->adding_cancellable, imported_cb,
                                        g_object_ref (self->adding_cancellable));
    ImportJob *job = g_new0 (ImportJob, 1);

    job->files = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 0; i < files->len; i++)
      g_ptr_array_add (job->files, g_object_ref (g_ptr_array_index (files, i)));
    job->encoding = g_strdup (encoding);
    job->max_size = (gsize) g_settings_get_uint (self->settings, "max-import-size-mb") * 1024 * 1024;
    job->docs = g_ptr_array_new_with_free_func (g_free);
    job->errors = g_string_new (NULL);
    g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
    g_task_run_in_thread (task, import_thread);
  }
#endif
}

void
vera_window_add_url (VeraWindow *self,
                     const char *url)
{
  g_return_if_fail (VERA_IS_WINDOW (self));
  g_return_if_fail (url != NULL);

#if HAVE_VERA_ANALYZER && HAVE_VERA_NET && defined (VERA_ANALYZER_HAS_URL)
  /* Wired once the analyzer can fetch pages. */
#endif
  vera_window_toast (self, _("Opening web pages is not available in this build yet"), FALSE);
}
