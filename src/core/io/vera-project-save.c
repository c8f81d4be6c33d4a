/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-file-util.h"
#include "vera-project.h"
#include "vera-project-io.h"

/* Saving without blocking the window: the project is serialised where it lives (the model is
 * only ever read on its own thread), and the bytes are written, flushed and renamed into place
 * in a GTask thread. */

typedef struct
{
  GFile   *file;
  char    *path;
  char    *data;
  gsize    length;
  guint64  revision;   /* of the project when it was serialised */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_clear_object (&job->file);
  g_free (job->path);
  g_free (job->data);
  g_free (job);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveJob *job = task_data;
  GError *error = NULL;

  g_assert (job->path != NULL);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (!vera_file_write_atomically (job->path, job->data, job->length, TRUE, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
vera_project_save_async (VeraProject         *project,
                         GFile               *file,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (VERA_IS_PROJECT (project));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_project_save_async);
  g_task_set_check_cancellable (task, TRUE);

  job = g_new0 (SaveJob, 1);
  job->file = g_object_ref (file);
  job->path = g_file_get_path (file);
  g_task_set_task_data (task, job, (GDestroyNotify) save_job_free);
  if (job->path == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Projects can only be saved to local files"));
      return;
    }
  job->data = vera_project_to_data (project, &job->length);
  job->revision = vera_project_get_revision (project);
  g_task_run_in_thread (task, save_thread);
}

gboolean
vera_project_save_finish (VeraProject   *project,
                          GAsyncResult  *result,
                          GError       **error)
{
  SaveJob *job;

  g_return_val_if_fail (VERA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (g_async_result_is_tagged (result, vera_project_save_async), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  job = g_task_get_task_data (G_TASK (result));
  vera_project_set_file (project, job->file);
  /* A change made while the bytes were being written is not in the file: the project stays
   * dirty then, and the next save writes it. */
  if (vera_project_get_revision (project) == job->revision)
    vera_project_mark_saved (project);
  return TRUE;
}
