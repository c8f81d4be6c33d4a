/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "vera-article.h"
#include "vera-file-util.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-window-private.h"

/* Work is never lost: while the project has unsaved changes, a copy is written atomically to
 * STATE_DIR/vera/recovery/KEY.vera a few seconds after each change. KEY is a hash of the
 * project's file, or "untitled-UUID" for a project never saved. Saving or discarding removes
 * the copy; opening a project whose copy is newer offers to restore it. */

static char *
recovery_dir (void)
{
  return g_build_filename (g_get_user_state_dir (), "vera", "recovery", NULL);
}

char *
vera_window_dup_recovery_path (VeraWindow *self)
{
  GFile *file;
  g_autofree char *dir = recovery_dir ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (VERA_IS_WINDOW (self), NULL);

  file = vera_project_get_file (self->project);
  if (file != NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);

      name = g_strconcat (hash, ".vera", NULL);
    }
  else
    {
      if (self->untitled_id == NULL)
        self->untitled_id = g_uuid_string_random ();
      name = g_strconcat ("untitled-", self->untitled_id, ".vera", NULL);
    }
  return g_build_filename (dir, name, NULL);
}

char *
vera_window_dup_file_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

/* Writing the copy. The project model is only ever read on the main thread: it is serialised
 * there a slice of articles at a time (at most SLICE_US per main-loop turn, so a project of
 * 100,000 claims never blocks the window; a small one is done in the first slice), and the
 * finished text is written and flushed to disk in a GTask thread. A change made while the
 * slices run starts them again; one write runs at a time, and a copy due meanwhile follows it. */

#define SLICE_US 8000

typedef struct
{
  char  *path;
  char  *data;
  gsize  length;
} RecoveryWrite;

typedef struct
{
  VeraWindow          *window;        /* unowned: the state lives in the window's source */
  VeraProject         *project;
  GOutputStream       *output;
  VeraProjectStream   *stream;
  guint                next_article;
  gboolean             stale;
  gulong               notify_handler;
  gulong               items_handler;
  gint64               main_thread_us;
} RecoverySnapshot;

static void
recovery_write_free (RecoveryWrite *write)
{
  g_free (write->path);
  g_free (write->data);
  g_free (write);
}

static void
snapshot_reset (RecoverySnapshot *snapshot)
{
  g_clear_pointer (&snapshot->stream, vera_project_stream_abandon);
  g_clear_object (&snapshot->output);
  snapshot->next_article = 0;
  snapshot->stale = FALSE;
}

static void
snapshot_free (RecoverySnapshot *snapshot)
{
  g_clear_signal_handler (&snapshot->notify_handler, snapshot->project);
  g_clear_signal_handler (&snapshot->items_handler, vera_project_get_articles (snapshot->project));
  g_clear_object (&snapshot->project);
  snapshot_reset (snapshot);
  g_free (snapshot);
}

static void
snapshot_stale_cb (RecoverySnapshot *snapshot)
{
  snapshot->stale = TRUE;
}

static void
write_recovery_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  RecoveryWrite *write = task_data;
  g_autofree char *dir = g_path_get_dirname (write->path);
  GError *error = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                               _("Could not create the recovery folder %s: %s"), dir,
                               g_strerror (saved_errno));
      return;
    }
  if (!vera_file_write_atomically (write->path, write->data, write->length, FALSE, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
recovery_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VeraWindow *self = VERA_WINDOW (source);
  RecoveryWrite *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  self->recovery_writing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_warning ("Could not write the recovery copy: %s", error->message);
  if (self->recovery_obsolete)
    {
      /* Saved or discarded while the copy was being written: it must not outlive that. */
      self->recovery_obsolete = FALSE;
      if (g_unlink (write->path) != 0 && errno != ENOENT)
        g_warning ("Could not remove the recovery file %s: %s", write->path, g_strerror (errno));
    }
  if (self->recovery_pending && self->project != NULL)
    {
      self->recovery_pending = FALSE;
      vera_window_schedule_autosave (self);
    }
}

static void
start_write (VeraWindow       *self,
             RecoverySnapshot *snapshot)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RecoveryWrite *write;

  if (!vera_project_stream_finish (g_steal_pointer (&snapshot->stream),
                                   vera_project_get_conflicts (snapshot->project), &error))
    {
      g_warning ("Could not write the recovery copy: %s", error->message);
      return;
    }
  g_output_stream_close (snapshot->output, NULL, NULL);
  write = g_new0 (RecoveryWrite, 1);
  write->path = vera_window_dup_recovery_path (self);
  write->length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (snapshot->output));
  write->data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (snapshot->output));
  self->recovery_length = write->length;
  self->recovery_writing = TRUE;
  self->recovery_obsolete = FALSE;
  task = g_task_new (self, NULL, recovery_written_cb, NULL);
  g_task_set_source_tag (task, vera_window_write_recovery_async);
  g_task_set_task_data (task, write, (GDestroyNotify) recovery_write_free);
  g_task_run_in_thread (task, write_recovery_thread);
}

static void
note_slice (VeraWindow       *self,
            RecoverySnapshot *snapshot,
            gint64            start)
{
  gint64 elapsed = g_get_monotonic_time () - start;

  snapshot->main_thread_us += elapsed;
  self->recovery_slice_us = MAX (self->recovery_slice_us, elapsed);
}

/* A buffer the size of the last copy, or of the saved file, and a quarter more: growing a buffer
 * of many megabytes copies it all within one slice. */
static GOutputStream *
new_output (VeraWindow  *self,
            VeraProject *project)
{
  gsize size = self->recovery_length;

  if (size == 0 && vera_project_get_file (project) != NULL)
    {
      g_autoptr(GFileInfo) info = g_file_query_info (vera_project_get_file (project),
                                                     G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, NULL);

      if (info != NULL)
        size = (gsize) MIN (g_file_info_get_size (info), G_MAXINT32);
    }
  size = MAX (size + size / 4, 4096);
  return g_memory_output_stream_new (g_malloc (size), size, g_realloc, g_free);
}

/* One slice; G_SOURCE_REMOVE once the text is complete and handed to the thread. */
static gboolean
serialise_slice_cb (gpointer data)
{
  RecoverySnapshot *snapshot = data;
  VeraWindow *self = snapshot->window;
  GListModel *articles = vera_project_get_articles (snapshot->project);
  gint64 start = g_get_monotonic_time ();

  if (snapshot->stale || snapshot->stream == NULL)
    {
      vera_claim_inspector_commit_note (self->claim_inspector);
      snapshot_reset (snapshot);
      snapshot->output = new_output (self, snapshot->project);
      snapshot->stream = vera_project_stream_new_for_output (snapshot->output, snapshot->project);
    }
  while (snapshot->next_article < g_list_model_get_n_items (articles))
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, snapshot->next_article++);

      vera_project_stream_add_article (snapshot->stream, article);
      if (g_get_monotonic_time () - start > SLICE_US)
        {
          note_slice (self, snapshot, start);
          return G_SOURCE_CONTINUE;
        }
    }
  start_write (self, snapshot);
  note_slice (self, snapshot, start);
  self->autosave_cost_ms = (guint) MIN (snapshot->main_thread_us / 1000, G_MAXUINT / 64);
  self->autosave_source = 0;
  return G_SOURCE_REMOVE;
}

void
vera_window_write_recovery_async (VeraWindow *self)
{
  RecoverySnapshot *snapshot;

  g_return_if_fail (VERA_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (self->recovery_writing)
    {
      self->recovery_pending = TRUE;
      return;
    }
  snapshot = g_new0 (RecoverySnapshot, 1);
  snapshot->window = self;
  snapshot->project = g_object_ref (self->project);
  snapshot->notify_handler = g_signal_connect_swapped (self->project, "notify",
                                                       G_CALLBACK (snapshot_stale_cb), snapshot);
  snapshot->items_handler = g_signal_connect_swapped (vera_project_get_articles (self->project),
                                                      "items-changed",
                                                      G_CALLBACK (snapshot_stale_cb), snapshot);
  /* The first slice runs now (a small project is done with it); a large one goes on between
   * frames. */
  if (serialise_slice_cb (snapshot) == G_SOURCE_REMOVE)
    {
      snapshot_free (snapshot);
      return;
    }
  self->autosave_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, serialise_slice_cb, snapshot,
                                           (GDestroyNotify) snapshot_free);
  g_source_set_name_by_id (self->autosave_source, "[vera] recovery copy");
}

void
vera_window_remove_recovery (VeraWindow *self)
{
  g_autofree char *path = vera_window_dup_recovery_path (self);

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  self->recovery_pending = FALSE;
  if (self->recovery_writing)
    self->recovery_obsolete = TRUE;
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the recovery file %s: %s", path, g_strerror (errno));
}

static gboolean
autosave_cb (gpointer data)
{
  VeraWindow *self = data;

  self->autosave_source = 0;
  if (vera_project_get_dirty (self->project))
    vera_window_write_recovery_async (self);
  return G_SOURCE_REMOVE;
}

void
vera_window_schedule_autosave (VeraWindow *self)
{
  g_return_if_fail (VERA_IS_WINDOW (self));

  g_clear_handle_id (&self->autosave_source, g_source_remove);
  if (!vera_project_get_dirty (self->project))
    {
      /* Back at the saved state (undo after save): the copy has nothing to add. */
      vera_window_remove_recovery (self);
      return;
    }
  /* The copy is written once the reviewer pauses. A huge project takes a while to write, so it
   * waits for a longer pause: the window never spends more than a twentieth of the time on it. */
  self->autosave_source = g_timeout_add (MAX (self->autosave_delay_ms, 20 * self->autosave_cost_ms),
                                         autosave_cb, self);
}

gboolean
vera_window_restore_recovery (VeraWindow  *self,
                              GError     **error)
{
  g_autofree char *path = vera_window_dup_recovery_path (self);
  g_autoptr(GFile) recovery = g_file_new_for_path (path);
  g_autoptr(VeraProject) restored = NULL;
  GFile *file = vera_project_get_file (self->project);
  g_autofree char *untitled_id = g_strdup (self->untitled_id);

  restored = vera_project_load (recovery, NULL, error);
  if (restored == NULL)
    return FALSE;
  vera_project_set_file (restored, file);
  vera_project_mark_changed (restored);
  vera_window_set_project (self, restored);
  /* Keep writing to the same copy. */
  g_free (self->untitled_id);
  self->untitled_id = g_steal_pointer (&untitled_id);
  vera_window_toast (self, _("Unsaved changes restored"), FALSE);
  return TRUE;
}

static gint64
modification_time (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtime : -1;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     VeraWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "restore"))
    {
      if (!vera_window_restore_recovery (self, &error))
        vera_window_show_error (self, _("Could Not Restore Unsaved Changes"), error);
    }
  else if (g_str_equal (response, "discard"))
    vera_window_remove_recovery (self);
}

/* The newest copy of a project that was never saved, as its untitled id. */
static char *
find_untitled_copy (void)
{
  g_autofree char *dir_path = recovery_dir ();
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autofree char *best = NULL;
  gint64 best_time = -1;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gint64 time;

      if (!g_str_has_prefix (name, "untitled-") || !g_str_has_suffix (name, ".vera"))
        continue;
      path = g_build_filename (dir_path, name, NULL);
      time = modification_time (path);
      if (time > best_time)
        {
          best_time = time;
          g_free (best);
          best = g_strndup (name + strlen ("untitled-"),
                            strlen (name) - strlen ("untitled-") - strlen (".vera"));
        }
    }
  return g_steal_pointer (&best);
}

void
vera_window_check_recovery (VeraWindow *self)
{
  GFile *file;
  g_autofree char *path = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  gint64 copy_time;

  g_return_if_fail (VERA_IS_WINDOW (self));

  file = vera_project_get_file (self->project);
  if (file == NULL)
    {
      g_autofree char *id = find_untitled_copy ();

      if (id == NULL || vera_project_get_dirty (self->project))
        return;
      g_free (self->untitled_id);
      self->untitled_id = g_steal_pointer (&id);
    }
  path = vera_window_dup_recovery_path (self);
  copy_time = modification_time (path);
  if (copy_time < 0)
    return;
  if (file != NULL)
    {
      g_autofree char *project_path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);

      if (project_path != NULL && modification_time (project_path) > copy_time)
        {
          /* The project was saved after the copy: the copy is stale. */
          vera_window_remove_recovery (self);
          return;
        }
      body = g_strdup_printf (_("Vera closed without saving the latest changes to “%s”. "
                                "Restore them from the recovery copy?"), name);
    }
  else
    body = g_strdup (_("Vera closed without saving a project that was never saved. "
                       "Restore it from the recovery copy?"));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
