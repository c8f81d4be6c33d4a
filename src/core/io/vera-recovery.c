/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-recovery"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "vera-article.h"
#include "vera-file-util.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-recovery.h"

/* Longest main-loop turn spent serialising a copy. */
#define SLICE_US 8000
#define DEFAULT_DELAY_MS 3000

typedef struct
{
  char  *path;
  char  *data;
  gsize  length;
} RecoveryWrite;

/* One copy being serialised, slice by slice, from a project that may change meanwhile. */
typedef struct
{
  VeraRecovery      *recovery;       /* unowned: the snapshot lives in its idle source */
  VeraProject       *project;
  GOutputStream     *output;
  VeraProjectStream *stream;
  guint              next_article;
  gboolean           stale;
  gulong             changed_handler;
  gint64             main_thread_us;
} RecoverySnapshot;

struct _VeraRecovery
{
  GObject      parent_instance;

  char        *folder;
  VeraProject *project;
  gulong       changed_handler;
  char        *untitled_id;        /* names the copy of a project that has no file yet */
  guint        delay_ms;
  guint        source;             /* the pending timeout, or the serialising idle */
  guint        cost_ms;            /* main-thread time of the last copy */
  gsize        last_length;        /* of the last copy, to size the next one's buffer */
  gint64       longest_slice_us;
  gboolean     writing;            /* a copy is being written in a thread */
  gboolean     pending;            /* another is due when it ends */
  gboolean     obsolete;           /* saved or discarded meanwhile: remove it then */
};

G_DEFINE_FINAL_TYPE (VeraRecovery, vera_recovery, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_PROJECT,
  PROP_DELAY,
  PROP_BUSY,
  N_PROPS
};

enum {
  PREPARE,
  WRITTEN,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void schedule (VeraRecovery *self);

static void
recovery_write_free (RecoveryWrite *write)
{
  g_free (write->path);
  g_free (write->data);
  g_free (write);
}

static gboolean
compute_busy (VeraRecovery *self)
{
  return self->source != 0 || self->writing || self->pending;
}

/* Runs @change, then notifies :busy if it flipped. */
#define WITH_BUSY_NOTIFY(self, change)                                             \
  G_STMT_START {                                                                   \
    gboolean was_busy_ = compute_busy (self);                                      \
    change;                                                                        \
    if (was_busy_ != compute_busy (self))                                          \
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_BUSY]);          \
  } G_STMT_END

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
  g_clear_signal_handler (&snapshot->changed_handler, snapshot->project);
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
write_thread (GTask        *task,
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
remove_file (const char *path)
{
  /* Recovery files are projects, so their writes keep a .bak (vera-file-util.h): it goes too. */
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);

  if (g_unlink (path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the recovery file %s: %s", path, g_strerror (errno));
  if (g_unlink (bak) != 0 && errno != ENOENT)
    g_warning ("Could not remove the recovery file %s: %s", bak, g_strerror (errno));
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  VeraRecovery *self = VERA_RECOVERY (source);
  RecoveryWrite *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  WITH_BUSY_NOTIFY (self, {
    self->writing = FALSE;
    if (self->obsolete)
      {
        /* Saved or discarded while the copy was being written: it must not outlive that. */
        self->obsolete = FALSE;
        remove_file (write->path);
      }
    if (self->pending && self->project != NULL)
      {
        self->pending = FALSE;
        schedule (self);
      }
    self->pending = FALSE;
  });
  if (!ok)
    g_warning ("Could not write the recovery copy: %s", error->message);
  g_signal_emit (self, signals [WRITTEN], 0, write->path, error);
}

static void
start_write (VeraRecovery     *self,
             RecoverySnapshot *snapshot)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  RecoveryWrite *write;

  g_assert (snapshot->stream != NULL);

  if (!vera_project_stream_finish (g_steal_pointer (&snapshot->stream),
                                   vera_project_get_conflicts (snapshot->project), &error))
    {
      g_warning ("Could not write the recovery copy: %s", error->message);
      return;
    }
  g_output_stream_close (snapshot->output, NULL, NULL);
  write = g_new0 (RecoveryWrite, 1);
  write->path = vera_recovery_dup_path (self);
  write->length = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (snapshot->output));
  write->data = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (snapshot->output));
  self->last_length = write->length;
  self->writing = TRUE;
  self->obsolete = FALSE;
  task = g_task_new (self, NULL, written_cb, NULL);
  g_task_set_source_tag (task, start_write);
  g_task_set_task_data (task, write, (GDestroyNotify) recovery_write_free);
  g_task_run_in_thread (task, write_thread);
}

static void
note_slice (VeraRecovery     *self,
            RecoverySnapshot *snapshot,
            gint64            start)
{
  gint64 elapsed = g_get_monotonic_time () - start;

  snapshot->main_thread_us += elapsed;
  self->longest_slice_us = MAX (self->longest_slice_us, elapsed);
}

/* A buffer the size of the last copy, or of the saved file, and a quarter more: growing a buffer
 * of many megabytes copies it all within one slice. */
static GOutputStream *
new_output (VeraRecovery *self,
            VeraProject  *project)
{
  gsize size = self->last_length;

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
  VeraRecovery *self = snapshot->recovery;
  GListModel *articles = vera_project_get_articles (snapshot->project);
  gint64 start = g_get_monotonic_time ();

  if (snapshot->stale || snapshot->stream == NULL)
    {
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
  WITH_BUSY_NOTIFY (self, {
    start_write (self, snapshot);
    note_slice (self, snapshot, start);
    self->cost_ms = (guint) MIN (snapshot->main_thread_us / 1000, G_MAXUINT / 64);
    self->source = 0;
  });
  return G_SOURCE_REMOVE;
}

void
vera_recovery_write_now (VeraRecovery *self)
{
  RecoverySnapshot *snapshot;

  g_return_if_fail (VERA_IS_RECOVERY (self));

  if (self->project == NULL || !vera_project_get_dirty (self->project))
    return;
  WITH_BUSY_NOTIFY (self, {
    g_clear_handle_id (&self->source, g_source_remove);
    if (self->writing)
      self->pending = TRUE;
  });
  if (self->writing)
    return;

  g_signal_emit (self, signals [PREPARE], 0);
  snapshot = g_new0 (RecoverySnapshot, 1);
  snapshot->recovery = self;
  snapshot->project = g_object_ref (self->project);
  snapshot->changed_handler = g_signal_connect_swapped (self->project, "changed",
                                                        G_CALLBACK (snapshot_stale_cb), snapshot);
  /* The first slice runs now (a small project is done with it); a large one goes on between
   * frames. */
  if (serialise_slice_cb (snapshot) == G_SOURCE_REMOVE)
    {
      snapshot_free (snapshot);
      return;
    }
  WITH_BUSY_NOTIFY (self, {
    self->source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, serialise_slice_cb, snapshot,
                                    (GDestroyNotify) snapshot_free);
    g_source_set_name_by_id (self->source, "[vera] recovery copy");
  });
}

static gboolean
delay_cb (gpointer data)
{
  VeraRecovery *self = data;

  WITH_BUSY_NOTIFY (self, self->source = 0);
  vera_recovery_write_now (self);
  return G_SOURCE_REMOVE;
}

static void
schedule (VeraRecovery *self)
{
  g_assert (VERA_IS_RECOVERY (self));
  g_assert (self->project != NULL);

  if (!vera_project_get_dirty (self->project))
    {
      /* Back at the saved state (undo after save): the copy has nothing to add. */
      vera_recovery_discard (self);
      return;
    }
  WITH_BUSY_NOTIFY (self, {
    g_clear_handle_id (&self->source, g_source_remove);
    self->source = g_timeout_add (MAX (self->delay_ms, 20 * self->cost_ms), delay_cb, self);
    g_source_set_name_by_id (self->source, "[vera] recovery delay");
  });
}

static void
project_changed_cb (VeraRecovery *self)
{
  schedule (self);
}

void
vera_recovery_discard (VeraRecovery *self)
{
  g_autofree char *path = NULL;

  g_return_if_fail (VERA_IS_RECOVERY (self));

  path = vera_recovery_dup_path (self);
  WITH_BUSY_NOTIFY (self, {
    g_clear_handle_id (&self->source, g_source_remove);
    self->pending = FALSE;
    if (self->writing)
      self->obsolete = TRUE;
  });
  remove_file (path);
}

char *
vera_recovery_dup_path (VeraRecovery *self)
{
  GFile *file;
  g_autofree char *name = NULL;

  g_return_val_if_fail (VERA_IS_RECOVERY (self), NULL);

  file = self->project != NULL ? vera_project_get_file (self->project) : NULL;
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
  return g_build_filename (self->folder, name, NULL);
}

static gint64
modification_time (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_mtime : -1;
}

/* The newest copy of a project that was never saved, as its untitled id. */
static char *
find_untitled_copy (VeraRecovery *self)
{
  g_autoptr(GDir) dir = g_dir_open (self->folder, 0, NULL);
  g_autofree char *best = NULL;
  gint64 best_time = -1;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      gint64 time;

      if (!g_str_has_prefix (name, "untitled-") || !g_str_has_suffix (name, ".vera"))
        continue;
      path = g_build_filename (self->folder, name, NULL);
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

gboolean
vera_recovery_find_copy (VeraRecovery *self)
{
  GFile *file;
  g_autofree char *path = NULL;
  gint64 copy_time;

  g_return_val_if_fail (VERA_IS_RECOVERY (self), FALSE);

  if (self->project == NULL)
    return FALSE;
  file = vera_project_get_file (self->project);
  if (file == NULL)
    {
      g_autofree char *id = NULL;

      if (vera_project_get_dirty (self->project) || (id = find_untitled_copy (self)) == NULL)
        return FALSE;
      g_free (self->untitled_id);
      self->untitled_id = g_steal_pointer (&id);
    }
  path = vera_recovery_dup_path (self);
  copy_time = modification_time (path);
  if (copy_time < 0)
    return FALSE;
  if (file != NULL)
    {
      g_autofree char *project_path = g_file_get_path (file);

      if (project_path != NULL && modification_time (project_path) > copy_time)
        {
          /* The project was saved after the copy: the copy is stale. */
          remove_file (path);
          return FALSE;
        }
    }
  return TRUE;
}

VeraProject *
vera_recovery_restore (VeraRecovery  *self,
                       GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) copy = NULL;
  VeraProject *restored;

  g_return_val_if_fail (VERA_IS_RECOVERY (self), NULL);
  g_return_val_if_fail (self->project != NULL, NULL);

  path = vera_recovery_dup_path (self);
  copy = g_file_new_for_path (path);
  restored = vera_project_load (copy, NULL, error);
  if (restored == NULL)
    return NULL;
  vera_project_set_file (restored, vera_project_get_file (self->project));
  vera_project_mark_changed (restored);
  return restored;
}

VeraProject *
vera_recovery_get_project (VeraRecovery *self)
{
  g_return_val_if_fail (VERA_IS_RECOVERY (self), NULL);
  return self->project;
}

void
vera_recovery_set_project (VeraRecovery *self,
                           VeraProject  *project)
{
  g_return_if_fail (VERA_IS_RECOVERY (self));
  g_return_if_fail (project == NULL || VERA_IS_PROJECT (project));

  if (self->project == project)
    return;
  WITH_BUSY_NOTIFY (self, {
    g_clear_handle_id (&self->source, g_source_remove);
    self->pending = FALSE;
  });
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  g_set_object (&self->project, project);
  if (project != NULL)
    self->changed_handler = g_signal_connect_object (project, "changed",
                                                     G_CALLBACK (project_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT]);
}

guint
vera_recovery_get_delay (VeraRecovery *self)
{
  g_return_val_if_fail (VERA_IS_RECOVERY (self), 0);
  return self->delay_ms;
}

void
vera_recovery_set_delay (VeraRecovery *self,
                         guint         delay_ms)
{
  g_return_if_fail (VERA_IS_RECOVERY (self));

  if (self->delay_ms == delay_ms)
    return;
  self->delay_ms = delay_ms;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DELAY]);
}

gboolean
vera_recovery_get_busy (VeraRecovery *self)
{
  g_return_val_if_fail (VERA_IS_RECOVERY (self), FALSE);
  return compute_busy (self);
}

guint
vera_recovery_get_cost_ms (VeraRecovery *self)
{
  g_return_val_if_fail (VERA_IS_RECOVERY (self), 0);
  return self->cost_ms;
}

gint64
vera_recovery_get_longest_slice_us (VeraRecovery *self)
{
  g_return_val_if_fail (VERA_IS_RECOVERY (self), 0);
  return self->longest_slice_us;
}

VeraRecovery *
vera_recovery_new (const char *folder)
{
  return g_object_new (VERA_TYPE_RECOVERY, "folder", folder, NULL);
}

static void
vera_recovery_dispose (GObject *object)
{
  VeraRecovery *self = VERA_RECOVERY (object);

  g_clear_handle_id (&self->source, g_source_remove);
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_handler, self->project);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (vera_recovery_parent_class)->dispose (object);
}

static void
vera_recovery_finalize (GObject *object)
{
  VeraRecovery *self = VERA_RECOVERY (object);

  g_free (self->folder);
  g_free (self->untitled_id);

  G_OBJECT_CLASS (vera_recovery_parent_class)->finalize (object);
}

static void
vera_recovery_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VeraRecovery *self = VERA_RECOVERY (object);

  switch (prop_id)
    {
    case PROP_FOLDER:  g_value_set_string (value, self->folder); break;
    case PROP_PROJECT: g_value_set_object (value, self->project); break;
    case PROP_DELAY:   g_value_set_uint (value, self->delay_ms); break;
    case PROP_BUSY:    g_value_set_boolean (value, compute_busy (self)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_recovery_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VeraRecovery *self = VERA_RECOVERY (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_free (self->folder);
      self->folder = g_value_get_string (value) != NULL
                     ? g_value_dup_string (value)
                     : g_build_filename (g_get_user_state_dir (), "vera", "recovery", NULL);
      break;
    case PROP_PROJECT: vera_recovery_set_project (self, g_value_get_object (value)); break;
    case PROP_DELAY:   vera_recovery_set_delay (self, g_value_get_uint (value)); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_recovery_class_init (VeraRecoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = vera_recovery_dispose;
  object_class->finalize = vera_recovery_finalize;
  object_class->get_property = vera_recovery_get_property;
  object_class->set_property = vera_recovery_set_property;

  properties [PROP_FOLDER] =
    g_param_spec_string ("folder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PROJECT] = g_param_spec_object ("project", NULL, NULL, VERA_TYPE_PROJECT, rw);
  properties [PROP_DELAY] = g_param_spec_uint ("delay", NULL, NULL, 0, G_MAXUINT,
                                               DEFAULT_DELAY_MS, rw);
  properties [PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                 G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VeraRecovery::prepare:
   *
   * Emitted just before a copy is taken: commit edits that are not in the project yet.
   */
  signals [PREPARE] =
    g_signal_new ("prepare", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * VeraRecovery::written:
   * @path: the copy's path
   * @error: (nullable): why it could not be written
   */
  signals [WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
}

static void
vera_recovery_init (VeraRecovery *self)
{
  self->delay_ms = DEFAULT_DELAY_MS;
}
