/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Writes a file atomically: the data goes to a temporary file in the same folder, which is
 * flushed to disk and renamed over the target. With @backup, the previous version is kept as
 * TARGET.bak. A target named *.vera (any case) always keeps its backup: a project is never
 * replaced without one, whichever caller writes it. The target is never left half-written. */
gboolean vera_file_write_atomically (const char    *path,
                                     const char    *data,
                                     gsize          length,
                                     gboolean       backup,
                                     GError       **error);

/* Reads @file whole, like g_file_load_contents(), but never more than @limit bytes: a device or
 * a pipe that never ends, or a file that grows while it is read, fails with
 * G_IO_ERROR_MESSAGE_TOO_LARGE once it passes the limit. @contents is NUL-terminated. */
gboolean vera_file_get_contents_bounded (GFile         *file,
                                         gsize          limit,
                                         char         **contents,
                                         gsize         *length,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The steps of vera_file_write_atomically(), for writers that stream. */
typedef struct _VeraAtomicFile VeraAtomicFile;

VeraAtomicFile *vera_atomic_file_open    (const char      *path,
                                          GError         **error);
gboolean        vera_atomic_file_write   (VeraAtomicFile  *self,
                                          const void      *data,
                                          gsize            length,
                                          GError         **error);
/* Flushes, keeps a backup when asked, and renames into place. Frees @self. */
gboolean        vera_atomic_file_commit  (VeraAtomicFile  *self,
                                          gboolean         backup,
                                          GError         **error);
/* Drops the temporary file. Frees @self. */
void            vera_atomic_file_abandon (VeraAtomicFile  *self);
/* Whether @a and @b name the same existing file (the same device and inode: symbolic links,
 * hard links and other spellings of one path count as the same). */
gboolean        vera_file_is_same_file   (const char      *a,
                                          const char      *b);
/* The temporary file's path (for tests). */
const char     *vera_atomic_file_get_tmp_path (VeraAtomicFile *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraAtomicFile, vera_atomic_file_abandon)

G_END_DECLS
