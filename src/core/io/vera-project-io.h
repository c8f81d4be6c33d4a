/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_PROJECT_FORMAT          "vera-project"
#define VERA_PROJECT_FORMAT_VERSION  1

#define VERA_PROJECT_ERROR (vera_project_error_quark ())

typedef enum
{
  VERA_PROJECT_ERROR_NOT_JSON,
  VERA_PROJECT_ERROR_WRONG_FORMAT,
  VERA_PROJECT_ERROR_NEWER_VERSION,
  VERA_PROJECT_ERROR_MISSING_KEY,
  VERA_PROJECT_ERROR_WRONG_TYPE,
  VERA_PROJECT_ERROR_BAD_OFFSETS,
  VERA_PROJECT_ERROR_DUPLICATE_ID,
  VERA_PROJECT_ERROR_TOO_LARGE,
} VeraProjectError;

/* The most vera_project_load() reads: a project of 60,000 claims is well under 100 MiB, and
 * json-glib needs several times the file in memory. A device or a pipe that never ends stops
 * here instead of exhausting memory. */
#define VERA_PROJECT_DEFAULT_MAX_SIZE ((gsize) 1024 * 1024 * 1024)

GQuark       vera_project_error_quark  (void);

/* The project as the JSON of the project format (ARCHITECTURE.md, "Project file"). */
JsonNode    *vera_project_to_json      (VeraProject   *project);
char        *vera_project_to_data      (VeraProject   *project,
                                        gsize         *length);
/* Streams the project JSON to @stream (standard output, a socket) without building it in memory. */
gboolean     vera_project_write_to_stream (VeraProject   *project,
                                           GOutputStream *stream,
                                           GError       **error);
VeraProject *vera_project_from_json    (JsonNode      *root,
                                        GError       **error);
VeraProject *vera_project_from_data    (const char    *data,
                                        gssize         length,
                                        GError       **error);

/* A project's own reference figures from JSON: an array of {"subject", "aliases", "measure"
 * (default "population"), "value", "year", "source", "url"} or an object with a "figures"
 * array (a file of reference figures). Returns a GPtrArray of VeraProjectFigure, or NULL with a
 * VERA_PROJECT_ERROR that starts with @where ("settings", a file name) and names the figure and
 * the key. */
GPtrArray   *vera_project_figures_from_json (JsonNode    *node,
                                             const char  *where,
                                             GError     **error);
/* A GListModel of VeraProjectFigure as the JSON array read above. */
JsonNode    *vera_project_figures_to_json   (GListModel  *figures);

/* Loads a project file; errors name the file and say what is wrong and where. */
VeraProject *vera_project_load         (GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* The same with a limit in bytes (0: VERA_PROJECT_DEFAULT_MAX_SIZE); a larger file fails with
 * %VERA_PROJECT_ERROR_TOO_LARGE, naming the file and the limit. */
VeraProject *vera_project_load_full    (GFile         *file,
                                        gsize          max_size,
                                        GCancellable  *cancellable,
                                        GError       **error);
/* Saves atomically, keeping the previous version as NAME.bak, then sets the project's file and
 * marks it saved. */
gboolean     vera_project_save         (VeraProject   *project,
                                        GFile         *file,
                                        GCancellable  *cancellable,
                                        GError       **error);

/* The same without blocking: the project is serialised now, on the caller's thread (the one
 * that owns it), and written in a thread. When the write succeeds, finish sets the project's
 * file and marks it saved — unless it changed meanwhile: then it stays dirty. */
void         vera_project_save_async   (VeraProject          *project,
                                        GFile                *file,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean     vera_project_save_finish  (VeraProject          *project,
                                        GAsyncResult         *result,
                                        GError              **error);

/* Writes a project article by article, for producers that do not keep every article in memory
 * (vera-check analyze on large batches). The header (settings, reviewer) comes from @header; the
 * conflicts are written at the end. A path target is written atomically with a .bak. */
typedef struct _VeraProjectStream VeraProjectStream;

VeraProjectStream *vera_project_stream_new_for_path   (const char         *path,
                                                       VeraProject        *header,
                                                       GError            **error);
VeraProjectStream *vera_project_stream_new_for_output (GOutputStream      *output,
                                                       VeraProject        *header);
void               vera_project_stream_add_article    (VeraProjectStream  *self,
                                                       VeraArticle        *article);
/* An article as the stream writes it, made in any thread (the article must not change
 * meanwhile), then put in place with vera_project_stream_add_serialized(): workers can serialise
 * while the stream writes. The result is the same as from vera_project_stream_add_article(). */
char              *vera_project_serialize_article     (VeraArticle        *article);
void               vera_project_stream_add_serialized (VeraProjectStream  *self,
                                                       const char         *json);
/* Ends the file with @conflicts (a GListModel of VeraConflict, may be NULL). Frees @self. */
gboolean           vera_project_stream_finish         (VeraProjectStream  *self,
                                                       GListModel         *conflicts,
                                                       GError            **error);
void               vera_project_stream_abandon        (VeraProjectStream  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraProjectStream, vera_project_stream_abandon)

G_END_DECLS
