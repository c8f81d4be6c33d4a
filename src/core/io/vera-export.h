/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vera-types.h"

G_BEGIN_DECLS

/* The export formats of a project (ARCHITECTURE.md, "Command line"). */
typedef enum
{
  VERA_EXPORT_FORMAT_HTML,
  VERA_EXPORT_FORMAT_PDF,
  VERA_EXPORT_FORMAT_MARKDOWN,
  VERA_EXPORT_FORMAT_CSV,
  VERA_EXPORT_FORMAT_JSON,
  VERA_EXPORT_FORMAT_CLAIMREVIEW,
  VERA_EXPORT_FORMAT_WEBANNOTATION,
} VeraExportFormat;

#define VERA_EXPORT_N_FORMATS (VERA_EXPORT_FORMAT_WEBANNOTATION + 1)

#define VERA_EXPORT_ERROR (vera_export_error_quark ())

typedef enum
{
  VERA_EXPORT_ERROR_UNKNOWN_FORMAT,
  VERA_EXPORT_ERROR_RENDER,
  VERA_EXPORT_ERROR_NOT_ANNOTATIONS,
  VERA_EXPORT_ERROR_SAME_FILE,       /* the target is the project's own file */
} VeraExportError;

/* What goes into an export. Initialise with vera_export_options_init(), then change fields; the
 * strings are borrowed for the duration of the call. */
typedef struct
{
  gboolean    reviewed_only;       /* only claims with a verdict (supported … disputed) */
  gboolean    include_findings;    /* flagged spans: injected text, vague sources, … */
  gboolean    include_conflicts;
  gboolean    include_references;
  const char *organisation_name;   /* from the app's preferences; ClaimReview author */
  const char *organisation_url;
  const char *reviewer;            /* overrides the project's reviewer when set */
  GDateTime  *now;                 /* the time stamped on the export; NULL: the current time */
  /*< private >*/
  gpointer    padding[4];
} VeraExportOptions;

GQuark            vera_export_error_quark          (void);

/* All claims, findings, conflicts and references; no organisation; the current time. */
void              vera_export_options_init         (VeraExportOptions    *options);

/* "html", "pdf", "md" (or "markdown"), "csv", "json", "claimreview", "webannotation"
 * (or "w3c"); FALSE for anything else. */
gboolean          vera_export_format_from_string   (const char           *str,
                                                    VeraExportFormat     *format);
const char       *vera_export_format_to_string     (VeraExportFormat      format);
/* A translated name for a format chooser ("HTML report", …). */
const char       *vera_export_format_get_label     (VeraExportFormat      format);
/* The file name extension without the dot ("html", "jsonld", …) and the MIME type. */
const char       *vera_export_format_get_extension (VeraExportFormat      format);
const char       *vera_export_format_get_mime_type (VeraExportFormat      format);
/* Whether the format is binary (PDF) and so should not go to a terminal. */
gboolean          vera_export_format_is_binary     (VeraExportFormat      format);

/* The export as bytes, for tests and in-memory use. @options may be NULL for the defaults. */
GBytes           *vera_export_project_to_bytes     (VeraProject          *project,
                                                    VeraExportFormat      format,
                                                    const VeraExportOptions *options,
                                                    GCancellable         *cancellable,
                                                    GError              **error);
/* Exports to @path, written atomically (the file is never left half-written). Refuses with
 * %VERA_EXPORT_ERROR_SAME_FILE when @path is the project's own file (vera_project_get_file(),
 * compared as files, not names). Safe to call from
 * a worker thread as long as nothing changes the project meanwhile. */
gboolean          vera_export_project              (VeraProject          *project,
                                                    VeraExportFormat      format,
                                                    const VeraExportOptions *options,
                                                    const char           *path,
                                                    GCancellable         *cancellable,
                                                    GError              **error);

/* For the app: takes a snapshot of the project (through the project format) on the calling
 * thread, copies @options, and exports the snapshot to @path in a worker thread, so the reviewer
 * can keep working meanwhile. */
void              vera_export_project_async        (VeraProject          *project,
                                                    VeraExportFormat      format,
                                                    const VeraExportOptions *options,
                                                    const char           *path,
                                                    GCancellable         *cancellable,
                                                    GAsyncReadyCallback   callback,
                                                    gpointer              user_data);
gboolean          vera_export_project_finish       (VeraProject          *project,
                                                    GAsyncResult         *result,
                                                    GError              **error);

/* The URI an export uses for an article's source: the source itself when it is an absolute
 * http(s), urn: or file: URI, a file:// URI for an absolute path, urn:vera:source:…
 * (percent-encoded) otherwise — also for javascript:, data: and other schemes. */
char             *vera_export_dup_source_uri       (VeraArticle          *article);

/* What vera_webannotation_import() did. */
typedef struct
{
  guint applied;      /* annotations applied where their selectors said */
  guint reanchored;   /* applied after re-anchoring by quote because the text moved */
  guint created;      /* of the above, how many made a new claim */
  guint unanchored;   /* annotations whose target could not be found in any article */
  guint skipped;      /* annotations that target no text (images, whole pages, …) */
} VeraAnnotationImportStats;

/* Applies W3C Web Annotations (an AnnotationCollection, an AnnotationPage, one Annotation, or an
 * array of them) onto the project: each annotation's target source picks the article (or the
 * only article), its TextQuoteSelector / TextPositionSelector the span, re-anchoring by quote
 * when the positions moved. Status (a "tagging" body holding a status nick) and note (the
 * assessing or commenting body) go onto the claim with that span, through the project so they can
 * be undone; a claim is created when none has that span. Fails only when @node holds no
 * annotations at all (or is NULL, as json_parser_get_root() gives for an empty file). */
gboolean          vera_webannotation_import        (VeraProject          *project,
                                                    JsonNode             *node,
                                                    VeraAnnotationImportStats *stats,
                                                    GError              **error);

/* The span (code points) where @annotation (a W3C Web Annotation, or a Hypothesis annotation,
 * whose target has the same shape) anchors in @article, by the same rules as the import: the
 * TextPositionSelector when the text there still matches, else the TextQuoteSelector found by
 * its prefix and suffix. The target's source is not compared: the caller picked the article. */
gboolean          vera_webannotation_anchor        (VeraArticle          *article,
                                                    JsonObject           *annotation,
                                                    guint                *start,
                                                    guint                *end);

G_END_DECLS
