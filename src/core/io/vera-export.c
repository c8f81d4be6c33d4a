/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-article.h"
#include "vera-export.h"
#include "vera-file-util.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-report-data.h"

G_DEFINE_QUARK (vera-export-error-quark, vera_export_error)

static const struct {
  const char *name;
  const char *alias;
  const char *label;
  const char *extension;
  const char *mime_type;
} formats[] = {
  [VERA_EXPORT_FORMAT_HTML] = { "html", NULL, N_("HTML report"), "html", "text/html" },
  [VERA_EXPORT_FORMAT_PDF] = { "pdf", NULL, N_("PDF report"), "pdf", "application/pdf" },
  [VERA_EXPORT_FORMAT_MARKDOWN] = { "md", "markdown", N_("Markdown report"), "md",
                                    "text/markdown" },
  [VERA_EXPORT_FORMAT_CSV] = { "csv", NULL, N_("CSV table of claims"), "csv", "text/csv" },
  [VERA_EXPORT_FORMAT_JSON] = { "json", NULL, N_("Vera project (JSON)"), "vera",
                                "application/json" },
  [VERA_EXPORT_FORMAT_CLAIMREVIEW] = { "claimreview", NULL, N_("ClaimReview (schema.org)"),
                                       "jsonld", "application/ld+json" },
  [VERA_EXPORT_FORMAT_WEBANNOTATION] = {
    "webannotation", "w3c", N_("W3C Web Annotations"), "jsonld",
    "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"" },
};

void
vera_export_options_init (VeraExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->include_findings = TRUE;
  options->include_conflicts = TRUE;
  options->include_references = TRUE;
}

gboolean
vera_export_format_from_string (const char       *str,
                                VeraExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (str == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (str, formats[i].name) == 0 ||
          (formats[i].alias != NULL && g_ascii_strcasecmp (str, formats[i].alias) == 0))
        {
          *format = i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
vera_export_format_to_string (VeraExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].name;
}

const char *
vera_export_format_get_label (VeraExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return g_dgettext (GETTEXT_PACKAGE, formats[format].label);
}

const char *
vera_export_format_get_extension (VeraExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].extension;
}

const char *
vera_export_format_get_mime_type (VeraExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (formats), NULL);
  return formats[format].mime_type;
}

gboolean
vera_export_format_is_binary (VeraExportFormat format)
{
  return format == VERA_EXPORT_FORMAT_PDF;
}

GBytes *
vera_export_project_to_bytes (VeraProject             *project,
                              VeraExportFormat         format,
                              const VeraExportOptions *options,
                              GCancellable            *cancellable,
                              GError                 **error)
{
  g_autoptr(VeraReport) report = NULL;

  g_return_val_if_fail (VERA_IS_PROJECT (project), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (format >= VERA_EXPORT_N_FORMATS)
    {
      g_set_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_UNKNOWN_FORMAT,
                   _("Unknown export format %d"), (int) format);
      return NULL;
    }

  if (format == VERA_EXPORT_FORMAT_JSON)
    {
      gsize length = 0;
      char *data = vera_project_to_data (project, &length);

      return g_bytes_new_take (data, length);
    }

  report = vera_report_new (project, options, cancellable, error);
  if (report == NULL)
    return NULL;

  switch (format)
    {
    case VERA_EXPORT_FORMAT_HTML:
      return vera_export_html (report, cancellable, error);
    case VERA_EXPORT_FORMAT_PDF:
      return vera_export_pdf (report, cancellable, error);
    case VERA_EXPORT_FORMAT_MARKDOWN:
      return vera_export_markdown (report, cancellable, error);
    case VERA_EXPORT_FORMAT_CSV:
      return vera_export_csv (report, cancellable, error);
    case VERA_EXPORT_FORMAT_CLAIMREVIEW:
      return vera_export_claimreview (report, cancellable, error);
    case VERA_EXPORT_FORMAT_WEBANNOTATION:
      return vera_export_webannotation (report, cancellable, error);
    case VERA_EXPORT_FORMAT_JSON:
    default:
      g_assert_not_reached ();
    }
}

/* An export never replaces the project it reads: "-o p.vera" on p.vera would put a report
 * where the reviewer's work was. Compared as files (same inode, or equal GFiles for a file not
 * written yet), not as strings, so "./p.vera", links and other spellings are caught too. */
static gboolean
check_not_own_file (VeraProject  *project,
                    const char   *path,
                    GError      **error)
{
  GFile *own = vera_project_get_file (project);
  g_autoptr(GFile) target = NULL;
  g_autofree char *own_path = NULL;

  if (own == NULL)
    return TRUE;
  target = g_file_new_for_path (path);
  own_path = g_file_get_path (own);
  if (g_file_equal (own, target) ||
      (own_path != NULL && vera_file_is_same_file (own_path, path)))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_autofree char *own_display = g_file_get_parse_name (own);

      g_set_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_SAME_FILE,
                   _("Not exporting to “%s”: it is the project it exports (%s). Choose another "
                     "file name; the project was left unchanged."), display, own_display);
      return FALSE;
    }
  return TRUE;
}

gboolean
vera_export_project (VeraProject             *project,
                     VeraExportFormat         format,
                     const VeraExportOptions *options,
                     const char              *path,
                     GCancellable            *cancellable,
                     GError                 **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize size;
  const char *data;

  g_return_val_if_fail (VERA_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!check_not_own_file (project, path, error))
    return FALSE;
  bytes = vera_export_project_to_bytes (project, format, options, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  return vera_file_write_atomically (path, data != NULL ? data : "", size, FALSE, error);
}

typedef struct
{
  VeraProject       *snapshot;
  VeraExportFormat   format;
  VeraExportOptions  options;
  char              *organisation_name;
  char              *organisation_url;
  char              *reviewer;
  char              *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->snapshot);
  g_clear_pointer (&job->options.now, g_date_time_unref);
  g_free (job->organisation_name);
  g_free (job->organisation_url);
  g_free (job->reviewer);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  if (vera_export_project (job->snapshot, job->format, &job->options, job->path, cancellable,
                           &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
vera_export_project_async (VeraProject             *project,
                           VeraExportFormat         format,
                           const VeraExportOptions *options,
                           const char              *path,
                           GCancellable            *cancellable,
                           GAsyncReadyCallback      callback,
                           gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (VERA_IS_PROJECT (project));
  g_return_if_fail (path != NULL);

  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_export_project_async);

  job = g_new0 (ExportJob, 1);
  g_task_set_task_data (task, job, export_job_free);
  job->format = format;
  job->path = g_strdup (path);
  if (options != NULL)
    job->options = *options;
  else
    vera_export_options_init (&job->options);
  job->organisation_name = g_strdup (job->options.organisation_name);
  job->organisation_url = g_strdup (job->options.organisation_url);
  job->reviewer = g_strdup (job->options.reviewer);
  job->options.organisation_name = job->organisation_name;
  job->options.organisation_url = job->organisation_url;
  job->options.reviewer = job->reviewer;
  job->options.now = job->options.now != NULL ? g_date_time_ref (job->options.now)
                                              : g_date_time_new_now_utc ();

  /* The model is not thread-safe: the worker gets its own copy. */
  json = vera_project_to_json (project);
  job->snapshot = vera_project_from_json (json, &error);
  if (job->snapshot == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  vera_project_set_file (job->snapshot, vera_project_get_file (project));
  g_task_run_in_thread (task, export_thread);
}

gboolean
vera_export_project_finish (VeraProject   *project,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

char *
vera_export_dup_source_uri (VeraArticle *article)
{
  const char *source;
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (VERA_IS_ARTICLE (article), NULL);

  source = vera_article_get_source (article);
  if (source == NULL || source[0] == '\0')
    {
      g_autofree char *escaped = g_uri_escape_string (vera_article_get_id (article), NULL, FALSE);

      return g_strconcat ("urn:vera:article:", escaped, NULL);
    }
  /* Only identities: a web address, a URN or a file. A javascript: or data: "source" would be
   * a link that runs or carries content wherever the annotations are shown. */
  scheme = g_uri_parse_scheme (source);
  if (scheme != NULL &&
      (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0 ||
       g_ascii_strcasecmp (scheme, "urn") == 0 || g_ascii_strcasecmp (scheme, "file") == 0) &&
      g_uri_is_valid (source, G_URI_FLAGS_NONE, NULL))
    return g_strdup (source);
  if (g_path_is_absolute (source))
    {
      char *uri = g_filename_to_uri (source, NULL, NULL);

      if (uri != NULL)
        return uri;
    }
  {
    g_autofree char *escaped = g_uri_escape_string (source, "/", FALSE);

    return g_strconcat ("urn:vera:source:", escaped, NULL);
  }
}
