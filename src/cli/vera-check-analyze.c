/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <stdio.h>
#include <unistd.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-check-commands.h"
#include "vera-conflict.h"
#include "vera-file-util.h"
#include "vera-import.h"
#include "vera-json-util.h"
#include "vera-language-id.h"
#include "vera-net-service.h"
#include "vera-project.h"
#include "vera-project-io.h"

/* The project is written article by article and only the linker's compact index stays in
 * memory, so batches of any size run in bounded memory. */
static VeraProjectStream *
open_output (VeraProject  *header,
             const char   *output,
             GError      **error)
{
  if (output == NULL || g_str_equal (output, "-"))
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
      g_autoptr(GOutputStream) buffered = g_buffered_output_stream_new (out);

      return vera_project_stream_new_for_output (buffered, header);
    }
  return vera_project_stream_new_for_path (output, header, error);
}

typedef struct
{
  VeraArticle *article;
  GError      *error;
  gboolean     done;
} Wait;

static void
url_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Wait *wait = user_data;

  wait->article = vera_analyzer_import_url_finish (VERA_ANALYZER (source), result, &wait->error);
  wait->done = TRUE;
}

/* URLs are fetched with the same network service as the app: http(s) only, with its size, time
 * and redirect limits. */
static VeraArticle *
import_url (VeraAnalyzer    *analyzer,
            VeraNetService **net,
            const char      *url,
            const char      *id,
            GError         **error)
{
  Wait wait = { 0 };

  if (*net == NULL)
    *net = vera_net_service_new ();
  vera_analyzer_import_url_async (analyzer, *net, url, id, NULL, url_done_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);
  return wait.article;
}

/* A project's own reference figures (a city, a region, a budget), on top of the shipped table. */
static JsonNode *
load_figures (VeraAnalyzer  *analyzer,
              const char    *path,
              GError       **error)
{
  g_autofree char *data = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  /* Bounded like a project, so a device or a pipe that never ends cannot exhaust memory. */
  if (!vera_file_get_contents_bounded (file, VERA_PROJECT_DEFAULT_MAX_SIZE, &data, &length, NULL,
                                       error))
    return NULL;
  if (!vera_json_depth_ok (data, length, VERA_JSON_MAX_DEPTH) ||
      (node = json_from_string (data, &local_error)) == NULL ||
      !vera_analyzer_add_reference_figures (analyzer, node, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a file of reference figures: %s"), path,
                   local_error ? local_error->message : _("it is empty or nested too deeply"));
      return NULL;
    }
  return g_steal_pointer (&node);
}

/* Articles in flight at once: enough to keep every core busy, few enough to bound memory. */
#define BATCH_SIZE 64

typedef struct
{
  GMutex mutex;
  GCond  cond;
  guint  pending;
} Batch;

typedef struct
{
  VeraAnalyzer            *analyzer;
  const VeraImportOptions *options;
  Batch                   *batch;
  GFile                   *file;
  char                    *id;
  VeraArticle             *article;
  GError                  *error;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->article);
  g_clear_error (&job->error);
  g_free (job->id);
  g_free (job);
}

/* Runs in a worker thread: the analyzer is read-only while it analyses. */
static void
analyze_job_cb (gpointer data,
                gpointer user_data)
{
  Job *job = data;

  job->article = vera_analyzer_import_file (job->analyzer, job->file, job->id, job->options,
                                            NULL, &job->error);
  g_mutex_lock (&job->batch->mutex);
  job->batch->pending--;
  g_cond_signal (&job->batch->cond);
  g_mutex_unlock (&job->batch->mutex);
}

static gboolean
is_url (const char *arg)
{
  return g_ascii_strncasecmp (arg, "http://", 7) == 0 ||
         g_ascii_strncasecmp (arg, "https://", 8) == 0;
}

int
vera_check_analyze (int    argc,
                    char **argv)
{
  g_autofree char *encoding = NULL;
  g_autofree char *output = NULL;
  double threshold = VERA_ANALYZER_DEFAULT_THRESHOLD;
  /* G_MININT: not given. An int keeps GOption's own "cannot parse" message for "1e3". */
  int max_size_mb = G_MININT;
  gsize max_size = 0;
  gboolean keep_going = FALSE;
  g_autofree char *figures_path = NULL;
  g_autofree char *language = NULL;
  g_autoptr(JsonNode) figures = NULL;
  const GOptionEntry entries[] = {
    { "encoding", 'e', 0, G_OPTION_ARG_STRING, &encoding,
      N_("Read text files in this encoding (GB18030, GBK, Big5, Shift_JIS, Windows-1252, …)"),
      N_("ENCODING") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the project to this file (default: standard output)"), N_("PROJECT.vera") },
    { "threshold", 't', 0, G_OPTION_ARG_DOUBLE, &threshold,
      N_("Check-worthiness score from which a sentence is a claim (0–1, default 0.5)"),
      N_("SCORE") },
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size_mb,
      N_("Refuse files larger than this many megabytes (default 20)"), N_("MB") },
    { "keep-going", 'k', 0, G_OPTION_ARG_NONE, &keep_going,
      N_("Skip files that cannot be imported instead of stopping"), NULL },
    { "figures", 0, 0, G_OPTION_ARG_FILENAME, &figures_path,
      N_("Also hold figures against the reference figures in this JSON file (kept in the "
         "project)"), N_("FILE") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Analyse every article as written in this language (en, de, zh-Hans, fr, …) instead of "
         "identifying it"), N_("TAG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|URL…"));
  g_autoptr(VeraAnalyzer) analyzer = NULL;
  g_autoptr(VeraProject) header = NULL;
  g_autoptr(VeraProjectStream) stream = NULL;
  g_autoptr(VeraLinker) linker = NULL;
  g_autoptr(VeraNetService) net = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GListStore) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  VeraImportOptions options = { 0 };
  GThreadPool *pool;
  guint failures = 0;

  g_option_context_set_summary (context,
    _("Import articles (plain text, HTML files or http(s) URLs), find their check-worthy\n"
      "claims, injected text, vague sources and implausible figures, link figures across\n"
      "articles, and write the project file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc < 2)
    {
      vera_check_error (_("analyze needs at least one file (try “vera-check analyze --help”)"));
      return VERA_CHECK_EXIT_USAGE;
    }
  if (!vera_check_check_range ("--threshold", threshold, 0, 1) ||
      !vera_check_check_max_size ("--max-size", max_size_mb != G_MININT, max_size_mb, &max_size))
    return VERA_CHECK_EXIT_USAGE;
  if (language != NULL && !vera_language_tag_is_valid (language))
    {
      vera_check_error (_("--language: “%s” is not a language tag (try en, de, zh-Hans or fr)"),
                        language);
      return VERA_CHECK_EXIT_USAGE;
    }

  analyzer = vera_analyzer_new (&error);
  if (analyzer == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  vera_analyzer_set_threshold (analyzer, threshold);
  if (figures_path != NULL)
    {
      figures = load_figures (analyzer, figures_path, &error);
      if (figures == NULL)
        {
          vera_check_error ("%s", error->message);
          return VERA_CHECK_EXIT_INPUT;
        }
    }

  options.encoding = encoding;
  options.max_size = max_size;
  options.language = language;
  header = vera_project_new ();
  json_object_set_double_member (vera_project_get_settings (header), "claim-threshold", threshold);
  if (figures != NULL)
    json_object_set_member (vera_project_get_settings (header), "reference-figures",
                            json_node_copy (figures));

  stream = open_output (header, output, &error);
  if (stream == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  linker = vera_analyzer_new_linker (analyzer);

  /* Files are analysed in parallel, a batch at a time, and written in the order given; URLs
   * are fetched on this thread. An article's id follows its position on the command line. */
  pool = g_thread_pool_new (analyze_job_cb, NULL, MAX (1, (int) g_get_num_processors ()), FALSE,
                            NULL);
  for (int first = 1; first < argc; first += BATCH_SIZE)
    {
      int last = MIN (argc, first + BATCH_SIZE);
      g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
      Batch batch = { 0 };

      g_mutex_init (&batch.mutex);
      g_cond_init (&batch.cond);
      for (int i = first; i < last; i++)
        {
          Job *job = g_new0 (Job, 1);

          job->analyzer = analyzer;
          job->options = &options;
          job->batch = &batch;
          job->id = g_strdup_printf ("a%d", i);
          g_ptr_array_add (jobs, job);
          if (is_url (argv[i]))
            {
              job->article = import_url (analyzer, &net, argv[i], job->id, &job->error);
              /* A fetched page was analysed in its own language: again, in the given one. */
              if (job->article != NULL && language != NULL)
                {
                  vera_article_set_language (job->article, language);
                  vera_analyzer_analyze_article (analyzer, job->article);
                }
              continue;
            }
          job->file = g_file_new_for_commandline_arg (argv[i]);
          g_mutex_lock (&batch.mutex);
          batch.pending++;
          g_mutex_unlock (&batch.mutex);
          g_thread_pool_push (pool, job, NULL);
        }

      g_mutex_lock (&batch.mutex);
      while (batch.pending > 0)
        g_cond_wait (&batch.cond, &batch.mutex);
      g_mutex_unlock (&batch.mutex);
      g_mutex_clear (&batch.mutex);
      g_cond_clear (&batch.cond);

      for (guint j = 0; j < jobs->len; j++)
        {
          Job *job = g_ptr_array_index (jobs, j);

          if (job->article == NULL)
            {
              vera_check_error ("%s", job->error->message);
              failures++;
              if (!keep_going)
                {
                  g_thread_pool_free (g_steal_pointer (&pool), FALSE, TRUE);
                  return VERA_CHECK_EXIT_INPUT;
                }
              continue;
            }
          vera_project_stream_add_article (stream, job->article);
          vera_analyzer_link_article (analyzer, linker, job->article);
        }
    }
  g_thread_pool_free (g_steal_pointer (&pool), FALSE, TRUE);

  conflicts = g_list_store_new (VERA_TYPE_CONFLICT);
  found = vera_analyzer_finish_linking (analyzer, linker);
  g_list_store_splice (conflicts, 0, 0, found->pdata, found->len);
  if (!vera_project_stream_finish (g_steal_pointer (&stream), G_LIST_MODEL (conflicts), &error))
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  return failures > 0 ? VERA_CHECK_EXIT_INPUT : VERA_CHECK_EXIT_OK;
}
