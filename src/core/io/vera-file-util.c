/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-file-util"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "vera-file-util.h"

struct _VeraAtomicFile
{
  char *path;
  char *tmp_path;
  int   fd;
};

/* Every caller passes a translated literal with two %s: the file and the system's reason. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *format,
                 const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               format, display, g_strerror (saved_errno));
  return FALSE;
}
#pragma GCC diagnostic pop

/* How old a temporary file must be before a later save takes it for a leftover. */
#define STALE_TMP_SECONDS 60

/* Whether @name is ".BASE.XXXXXX", the name g_mkstemp_full() gives a temporary file of @base. */
static gboolean
is_tmp_name_of (const char *name,
                const char *base)
{
  gsize base_length = strlen (base);
  const char *tail;

  if (name[0] != '.' || strncmp (name + 1, base, base_length) != 0 ||
      name[1 + base_length] != '.')
    return FALSE;
  tail = name + base_length + 2;
  if (strlen (tail) != 6)
    return FALSE;
  for (const char *p = tail; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p))
      return FALSE;
  return TRUE;
}

/* A save killed between creating its temporary file and renaming it leaves the file behind
 * (43 kills left 455 MB). The next save of the same target removes such files when they are
 * regular, older than a minute and not locked: a save in progress holds a lock on its own
 * temporary file (vera_atomic_file_open), so a concurrent slow save keeps its file. */
static void
remove_stale_tmp_files (const char *dir,
                        const char *base)
{
  g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;
      int fd;

      if (!is_tmp_name_of (name, base))
        continue;
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid () &&
          now - (gint64) st.st_mtime > STALE_TMP_SECONDS &&
          flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          if (g_unlink (path) == 0)
            g_debug ("Removed %s, left by an interrupted save", path);
        }
      close (fd);
    }
}

VeraAtomicFile *
vera_atomic_file_open (const char  *path,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmpl = NULL;
  g_autofree char *real_path = NULL;
  VeraAtomicFile *self;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* Saving through a symbolic link replaces the file it points to, not the link. */
  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      char *resolved = realpath (path, NULL);

      if (resolved != NULL)
        {
          real_path = g_strdup (resolved);
          free (resolved);
          path = real_path;
        }
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file; choose a file name to save to"), display);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  remove_stale_tmp_files (dir, base);
  tmpl = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Could not create a temporary file beside “%s”: %s"), path);
      return NULL;
    }
  /* Marks the file as in use until it is renamed or dropped (see remove_stale_tmp_files). A
   * file system without locks only loses that protection. */
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    g_debug ("Could not lock %s: %s", tmpl, g_strerror (errno));
  /* The new version keeps the permissions of the one it replaces: a file the user made
   * private must not become readable by others on the next save. */
  if (g_stat (path, &st) == 0 && fchmod (fd, st.st_mode & 07777) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (tmpl);
      set_errno_error (error, saved_errno, _("Could not keep the permissions of “%s”: %s"), path);
      return NULL;
    }

  self = g_new0 (VeraAtomicFile, 1);
  self->path = g_strdup (path);
  self->tmp_path = g_steal_pointer (&tmpl);
  self->fd = fd;
  return self;
}

const char *
vera_atomic_file_get_tmp_path (VeraAtomicFile *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->tmp_path;
}

gboolean
vera_atomic_file_write (VeraAtomicFile  *self,
                        const void      *data,
                        gsize            length,
                        GError         **error)
{
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);

  while (length > 0)
    {
      gssize written = write (self->fd, p, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          return set_errno_error (error, errno, _("Could not write “%s”: %s"), self->path);
        }
      p += written;
      length -= written;
    }
  return TRUE;
}

static void
atomic_file_free (VeraAtomicFile *self)
{
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->path);
  g_free (self->tmp_path);
  g_free (self);
}

void
vera_atomic_file_abandon (VeraAtomicFile *self)
{
  if (self == NULL)
    return;
  g_unlink (self->tmp_path);
  atomic_file_free (self);
}

static gboolean
keep_backup (const char  *path,
             GError     **error)
{
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  /* A hard link keeps the old version without copying; across odd file systems, copy. */
  g_unlink (bak);
  if (link (path, bak) == 0)
    return TRUE;

  from = g_file_new_for_path (path);
  to = g_file_new_for_path (bak);
  return g_file_copy (from, to, G_FILE_COPY_OVERWRITE | G_FILE_COPY_ALL_METADATA, NULL, NULL, NULL,
                     error);
}

/* Projects are the reviewer's work: every replacement of one keeps the previous version. */
static gboolean
is_project_name (const char *path)
{
  gsize length = strlen (path);

  return length > strlen (".vera") &&
         g_ascii_strcasecmp (path + length - strlen (".vera"), ".vera") == 0;
}

gboolean
vera_file_is_same_file (const char *a,
                        const char *b)
{
  GStatBuf sa, sb;

  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_stat (a, &sa) != 0 || g_stat (b, &sb) != 0)
    return FALSE;
  return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static void
sync_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

gboolean
vera_atomic_file_commit (VeraAtomicFile  *self,
                         gboolean         backup,
                         GError         **error)
{
  gboolean ok = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  if (fsync (self->fd) != 0)
    {
      set_errno_error (error, errno, _("Could not flush “%s” to disk: %s"), self->path);
      goto out;
    }
  if (close (self->fd) != 0)
    {
      self->fd = -1;
      set_errno_error (error, errno, _("Could not write “%s”: %s"), self->path);
      goto out;
    }
  self->fd = -1;

  if ((backup || is_project_name (self->path)) && !keep_backup (self->path, error))
    goto out;

  if (g_rename (self->tmp_path, self->path) != 0)
    {
      set_errno_error (error, errno, _("Could not replace “%s”: %s"), self->path);
      goto out;
    }
  sync_folder (self->path);
  ok = TRUE;

out:
  if (!ok)
    g_unlink (self->tmp_path);
  atomic_file_free (self);
  return ok;
}

gboolean
vera_file_write_atomically (const char  *path,
                            const char  *data,
                            gsize        length,
                            gboolean     backup,
                            GError     **error)
{
  g_autoptr(VeraAtomicFile) file = vera_atomic_file_open (path, error);

  if (file == NULL)
    return FALSE;
  if (!vera_atomic_file_write (file, data, length, error))
    return FALSE;
  return vera_atomic_file_commit (g_steal_pointer (&file), backup, error);
}

gboolean
vera_file_get_contents_bounded (GFile         *file,
                                gsize          limit,
                                char         **contents,
                                gsize         *length,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) data = NULL;
  gsize chunk = 65536;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (contents != NULL && length != NULL, FALSE);

  *contents = NULL;
  *length = 0;
  /* A GByteArray holds up to 4 GiB. */
  limit = MIN (limit, (gsize) G_MAXUINT - 2 * chunk);
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return FALSE;

  data = g_byte_array_new ();
  for (;;)
    {
      gssize n;

      /* Reads at most one byte past the limit: enough to know it was passed. */
      g_byte_array_set_size (data, data->len + chunk);
      n = g_input_stream_read (G_INPUT_STREAM (in), data->data + data->len - chunk, chunk,
                               cancellable, error);
      if (n < 0)
        return FALSE;
      g_byte_array_set_size (data, data->len - chunk + n);
      if (n == 0)
        break;
      if (data->len > limit)
        {
          g_autofree char *name = g_file_get_parse_name (file);
          g_autofree char *limit_str = g_format_size_full (limit, G_FORMAT_SIZE_LONG_FORMAT |
                                                                  G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("“%s” is larger than %s, the most read here"), name, limit_str);
          return FALSE;
        }
    }
  g_byte_array_append (data, (const guint8 *) "", 1);
  *length = data->len - 1;
  *contents = (char *) g_byte_array_free (g_steal_pointer (&data), FALSE);
  return TRUE;
}
