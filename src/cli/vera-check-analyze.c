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
#include "vera-import-queue.h"
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

/* A project's own reference figures (a city, a region, a budget), on top of the shipped table:
 * a GPtrArray of VeraProjectFigure. */
static GPtrArray *
load_figures (const char  *path,
              GError     **error)
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
      (node = json_from_string (data, &local_error)) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a file of reference figures: %s"), path,
                   local_error ? local_error->message : _("it is empty or nested too deeply"));
      return NULL;
    }
  return vera_project_figures_from_json (node, path, error);
}

/* Articles analysed ahead of the one being written, per worker: enough to keep every core busy,
 * few enough to bound memory. */
#define AHEAD_PER_WORKER 8

/* Writes the next article in command-line order; FALSE when it failed and that ends the run. */
static gboolean
consume (VeraImportQueue   *queue,
         VeraProjectStream *stream,
         VeraLinker        *linker,
         gboolean           keep_going,
         guint             *failures)
{
  g_autoptr(VeraImportResult) result = vera_import_queue_pop (queue);

  if (result->article == NULL)
    {
      vera_check_error ("%s", result->error->message);
      (*failures)++;
      return keep_going;
    }
  vera_project_stream_add_serialized (stream, result->json);
  vera_linker_merge (linker, result->links);
  return TRUE;
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
  double threshold = VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD;
  /* G_MININT: not given. An int keeps GOption's own "cannot parse" message for "1e3". */
  int max_size_mb = G_MININT;
  gsize max_size = 0;
  int jobs = 0;
  gboolean keep_going = FALSE;
  g_autofree char *figures_path = NULL;
  g_autofree char *language = NULL;
  g_autoptr(GPtrArray) figures = NULL;
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
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs,
      N_("Analyse this many articles at once (default: one per processor); the project is the "
         "same for any number"), N_("N") },
    { "language", 'l', 0, G_OPTION_ARG_STRING, &language,
      N_("Analyse every article as written in this language (en, de, zh-Hans, fr, …) instead of "
         "identifying it"), N_("TAG") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE|URL…"));
  g_autoptr(VeraAnalyzer) shipped = NULL;
  g_autoptr(VeraAnalyzer) analyzer = NULL;
  g_autoptr(VeraProject) header = NULL;
  g_autoptr(VeraProjectStream) stream = NULL;
  g_autoptr(VeraLinker) linker = NULL;
  g_autoptr(VeraNetService) net = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GListStore) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportQueue) queue = NULL;
  VeraImportOptions options = { 0 };
  guint ahead;
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
  if (jobs < 0 || jobs > 1024)
    {
      vera_check_error (_("--jobs must be a number of workers from 1 to 1024 (0: one per processor)"));
      return VERA_CHECK_EXIT_USAGE;
    }
  if (language != NULL && !vera_language_tag_is_valid (language))
    {
      vera_check_error (_("--language: “%s” is not a language tag (try en, de, zh-Hans or fr)"),
                        language);
      return VERA_CHECK_EXIT_USAGE;
    }

  shipped = vera_analyzer_new (&error);
  if (shipped == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  header = vera_project_new ();
  vera_project_set_claim_threshold (header, threshold);
  if (figures_path != NULL)
    {
      figures = load_figures (figures_path, &error);
      if (figures == NULL)
        {
          vera_check_error ("%s", error->message);
          return VERA_CHECK_EXIT_INPUT;
        }
      for (guint i = 0; i < figures->len; i++)
        vera_project_add_reference_figure (header, figures->pdata[i]);
    }
  /* The settings are the project's: the analysis reads them from it, and they are written in
   * its header. */
  analyzer = vera_analyzer_new_for_project (shipped, header);

  options.encoding = encoding;
  options.max_size = max_size;
  options.language = language;

  stream = open_output (header, output, &error);
  if (stream == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  linker = vera_analyzer_new_linker (analyzer);

  /* Files are analysed, indexed for the linker and serialised in parallel, and written and
   * linked in the order given, so the project is the same whatever the number of workers; URLs
   * are fetched on this thread. An article's id follows its position on the command line. */
  queue = vera_import_queue_new (analyzer, &options, jobs,
                                 VERA_IMPORT_QUEUE_LINK | VERA_IMPORT_QUEUE_SERIALIZE, NULL);
  ahead = AHEAD_PER_WORKER * vera_import_queue_get_n_workers (queue);
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *id = g_strdup_printf ("a%d", i);

      if (is_url (argv[i]))
        {
          g_autoptr(VeraArticle) article = NULL;

          article = import_url (analyzer, &net, argv[i], id, &error);
          if (article == NULL)
            {
              vera_check_error ("%s", error->message);
              g_clear_error (&error);
              failures++;
              if (!keep_going)
                return VERA_CHECK_EXIT_INPUT;
              continue;
            }
          /* A fetched page was analysed in its own language: again, in the given one. */
          if (language != NULL)
            {
              vera_article_set_language (article, language);
              vera_analyzer_analyze_article (analyzer, article);
            }
          vera_import_queue_push_article (queue, article, argv[i]);
        }
      else
        {
          g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);

          vera_import_queue_push_file (queue, file, id);
        }
      while (vera_import_queue_get_pending (queue) > ahead)
        if (!consume (queue, stream, linker, keep_going, &failures))
          return VERA_CHECK_EXIT_INPUT;
    }
  while (vera_import_queue_get_pending (queue) > 0)
    if (!consume (queue, stream, linker, keep_going, &failures))
      return VERA_CHECK_EXIT_INPUT;

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
