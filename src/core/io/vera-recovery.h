/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_RECOVERY (vera_recovery_get_type ())

G_DECLARE_FINAL_TYPE (VeraRecovery, vera_recovery, VERA, RECOVERY, GObject)

/* Work is never lost: while its project has unsaved changes, a recovery copy is written
 * atomically to FOLDER/KEY.vera once the reviewer pauses (#VeraRecovery:delay after the last
 * change). KEY is a hash of the project's file, or "untitled-ID" for a project never saved.
 * The project is serialised on the thread that owns it, a slice of articles at a time between
 * main-loop turns, and written and flushed in a GTask thread; a change made meanwhile starts
 * the slices again; one write runs at a time and a copy due meanwhile follows it.
 *
 * Signals: ::prepare just before a copy is taken (commit edits in progress), ::written when a
 * copy is on disk (or failed: the error is passed, the copy is kept as it was).
 *
 * @folder: where the copies go; NULL for STATE_DIR/vera/recovery. */
VeraRecovery *vera_recovery_new              (const char    *folder);

VeraProject  *vera_recovery_get_project      (VeraRecovery  *self);
/* Follows @project's changes from now on; NULL stops. */
void          vera_recovery_set_project      (VeraRecovery  *self,
                                              VeraProject   *project);
/* Milliseconds of quiet after a change before a copy is written (3000 by default). A huge
 * project waits longer: never more than a twentieth of the time goes to copies. */
guint         vera_recovery_get_delay        (VeraRecovery  *self);
void          vera_recovery_set_delay        (VeraRecovery  *self,
                                              guint          delay_ms);
/* TRUE while a copy is scheduled, being serialised or being written. */
gboolean      vera_recovery_get_busy         (VeraRecovery  *self);

/* Where the copy of the current project goes. */
char         *vera_recovery_dup_path         (VeraRecovery  *self);
/* Writes a copy now (without waiting for the delay) when the project is dirty. */
void          vera_recovery_write_now        (VeraRecovery  *self);
/* Removes the copy (the project was saved or its changes discarded), also one being written. */
void          vera_recovery_discard          (VeraRecovery  *self);
/* TRUE when a copy should be offered: one newer than the project's file, or, for a project
 * never saved and still empty-handed (not dirty), the newest copy of an untitled project, which
 * this object then adopts. A copy older than the project's file is stale and removed. */
gboolean      vera_recovery_find_copy        (VeraRecovery  *self);
/* The copy as a project with the current project's file, marked changed; copies keep going to
 * the same file. Errors are vera_project_load()'s. */
VeraProject  *vera_recovery_restore          (VeraRecovery  *self,
                                              GError       **error);

/* For tests and benchmarks: main-thread milliseconds of the last copy, and the longest single
 * main-loop turn spent on copies so far. */
guint         vera_recovery_get_cost_ms      (VeraRecovery  *self);
gint64        vera_recovery_get_longest_slice_us (VeraRecovery *self);

G_END_DECLS
