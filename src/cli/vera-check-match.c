/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "vera-check-commands.h"
#include "vera-fact-archive.h"
#include "vera-fact-match.h"

/* vera-check match --archive ARCHIVE --json [QUERIES_FILE] [--limit N]: the earlier fact-checks
 * closest to each query (one a line; standard input without a file). ARCHIVE is an archive
 * database, or a ClaimReview file imported into a temporary archive first. A JSON line per
 * query line, empty lines included, in order:
 *   {"query": LINE_INDEX_FROM_0, "matches": [{"id", "score", "rating", "publisher", "url"}, …]}
 * best first. Invalid UTF-8 stops the run with the line number, after the lines before it. */

#define DEFAULT_LIMIT 5
#define MAX_LIMIT 1000
#define MAX_LINE_BYTES (1024 * 1024)

static gboolean
is_sqlite (const char *path)
{
  static const char magic[16] = "SQLite format 3";
  char head[16] = { 0 };
  FILE *f = fopen (path, "rb");
  size_t n;

  if (f == NULL)
    return FALSE;
  n = fread (head, 1, sizeof head, f);
  fclose (f);
  return n == sizeof head && memcmp (head, magic, sizeof magic) == 0;
}

static VeraFactArchive *
open_archive (const char  *path,
              GError     **error)
{
  g_autoptr(VeraFactArchive) archive = NULL;
  g_autoptr(GFile) file = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT, _("%s: no such file"), path);
      return NULL;
    }
  if (is_sqlite (path))
    return vera_fact_archive_open (path, error);
  archive = vera_fact_archive_new_temporary (error);
  if (archive == NULL)
    return NULL;
  file = g_file_new_for_commandline_arg (path);
  if (!vera_fact_archive_import_file (archive, file, NULL, NULL, NULL, NULL, error))
    return NULL;
  return g_steal_pointer (&archive);
}

/* @value as a JSON string, or null. */
static void
append_json_string (GString    *out,
                    const char *value)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  if (value == NULL)
    {
      g_string_append (out, "null");
      return;
    }
  node = json_node_init_string (json_node_alloc (), value);
  text = json_to_string (node, FALSE);
  g_string_append (out, text);
}

static gboolean
write_matches (guint64    index,
               GPtrArray *matches,
               gboolean   json)
{
  g_autoptr(GString) out = NULL;

  if (!json)
    {
      for (guint i = 0; i < matches->len; i++)
        {
          VeraFactMatch *m = g_ptr_array_index (matches, i);
          g_autofree char *claim = vera_check_dup_printable (m->review->claim != NULL
                                                               ? m->review->claim
                                                               : m->review->headline);
          g_autofree char *rating = vera_check_dup_printable (m->review->rating);
          g_autofree char *url = vera_check_dup_printable (m->review->url != NULL
                                                             ? m->review->url
                                                             : vera_fact_review_get_key (m->review));
          char score[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (score, sizeof score, "%.4f", m->score);
          if (printf ("%" G_GUINT64_FORMAT "\t%s\t%s\t%s\t%s\n", index, score, rating, url,
                      claim) < 0)
            return FALSE;
        }
      return fflush (stdout) == 0;
    }

  /* Written by hand so that a score prints as "0.9538", not "0.95378499999999999". */
  out = g_string_new (NULL);
  g_string_append_printf (out, "{\"query\":%" G_GUINT64_FORMAT ",\"matches\":[", index);
  for (guint i = 0; i < matches->len; i++)
    {
      VeraFactMatch *m = g_ptr_array_index (matches, i);
      char score[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (score, sizeof score, "%.6g", m->score);
      g_string_append (out, i > 0 ? ",{\"id\":" : "{\"id\":");
      append_json_string (out, vera_fact_review_get_key (m->review));
      g_string_append_printf (out, ",\"score\":%s,\"rating\":", score);
      append_json_string (out, m->review->rating);
      g_string_append (out, ",\"publisher\":");
      append_json_string (out, m->review->publisher);
      g_string_append (out, ",\"url\":");
      append_json_string (out, m->review->url);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
  return fputs (out->str, stdout) >= 0 && fputc ('\n', stdout) != EOF && fflush (stdout) == 0;
}

int
vera_check_match (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VeraFactArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *archive_path = NULL;
  gboolean json = FALSE;
  gboolean plain_bm25 = FALSE;
  gint limit = DEFAULT_LIMIT;
  const char *input_name;
  FILE *input = stdin;
  gssize length;
  guint64 line_no = 0;
  int status = VERA_CHECK_EXIT_OK;
  const GOptionEntry entries[] = {
    { "archive", 'a', 0, G_OPTION_ARG_FILENAME, &archive_path,
      N_("The archive of fact-checks, or a ClaimReview file"), N_("ARCHIVE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per query"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit,
      N_("How many matches per query (default 5)"), N_("N") },
    /* For tests/match-eval.py: the floor the re-ranking is measured against. */
    { "plain-bm25", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &plain_bm25, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("[FILE]"));
  g_option_context_set_summary (context,
                                _("Find the earlier fact-checks closest to each claim, one "
                                  "claim a line (standard input without a file), best first."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (archive_path == NULL)
    {
      vera_check_error (_("--archive ARCHIVE is required"));
      return VERA_CHECK_EXIT_USAGE;
    }
  if (limit < 1 || limit > MAX_LIMIT)
    {
      vera_check_error (_("--limit must be a whole number from 1 to %d, not %d"), MAX_LIMIT,
                        limit);
      return VERA_CHECK_EXIT_USAGE;
    }
  if (argc > 2)
    {
      vera_check_error (_("match reads one file of queries, not “%s”"), argv[2]);
      return VERA_CHECK_EXIT_USAGE;
    }

  archive = open_archive (archive_path, &error);
  if (archive == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  if (plain_bm25)
    {
      const double bm25_only[VERA_FACT_N_FEATURES] = { [VERA_FACT_FEATURE_BM25] = 1 };

      vera_fact_archive_set_weights (archive, bm25_only);
      vera_fact_archive_set_max_df_share (archive, 1.0);
    }
  input_name = argc == 2 ? argv[1] : _("standard input");
  if (argc == 2 && !g_str_equal (argv[1], "-"))
    {
      input = fopen (argv[1], "rb");
      if (input == NULL)
        {
          vera_check_error (_("%s: cannot open: %s"), argv[1], g_strerror (errno));
          return VERA_CHECK_EXIT_INPUT;
        }
    }

  while ((length = vera_check_read_line (input, line, MAX_LINE_BYTES)) >= 0)
    {
      g_autoptr(GPtrArray) matches = NULL;
      const char *text = line->str;
      gsize n = (gsize) length;
      const char *bad = NULL;
      g_autofree char *query = NULL;

      line_no++;
      if (n > 0 && text[n - 1] == '\r')
        n--;
      if (line_no == 1 && n >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          text += 3;
          n -= 3;
        }
      if (!g_utf8_validate_len (text, n, &bad))
        {
          vera_check_error (_("%s, line %lu, byte %zu: invalid UTF-8 (or a NUL byte); "
                              "convert the text to UTF-8"), input_name,
                            (unsigned long) line_no, (size_t) (bad - text) + 1);
          status = VERA_CHECK_EXIT_INPUT;
          break;
        }
      query = g_strndup (text, n);
      matches = vera_fact_archive_match (archive, query, VERA_LANGUAGE_UND, (guint) limit,
                                         &error);
      if (matches == NULL)
        {
          vera_check_error ("%s", error->message);
          status = VERA_CHECK_EXIT_INPUT;
          break;
        }
      if (!write_matches (line_no - 1, matches, json))
        {
          vera_check_error (_("cannot write to standard output"));
          status = VERA_CHECK_EXIT_INPUT;
          break;
        }
    }
  if (status == VERA_CHECK_EXIT_OK && length == -2)
    {
      vera_check_error (_("%s, line %lu: longer than %d bytes; match reads one claim a line"),
                        input_name, (unsigned long) line_no + 1, MAX_LINE_BYTES);
      status = VERA_CHECK_EXIT_INPUT;
    }
  else if (status == VERA_CHECK_EXIT_OK && ferror (input))
    {
      vera_check_error (_("cannot read %s, line %lu"), input_name, (unsigned long) line_no + 1);
      status = VERA_CHECK_EXIT_INPUT;
    }
  if (input != stdin)
    fclose (input);
  return status;
}
