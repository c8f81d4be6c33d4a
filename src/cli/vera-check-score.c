/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vera-check-commands.h"
#include "vera-scorer.h"

/* vera-check score: one sentence per line on standard input, one check-worthiness score per
 * line on standard output ("%.6f"), in order and as each line arrives. Every input line gets a
 * score, empty ones included, so the line counts match; CR LF endings and a UTF-8 byte order
 * mark are accepted. Invalid UTF-8 stops the run with the line number. */

/* A sentence a line: a longer "line" (a file without line breaks, a device) is no input. */
#define MAX_LINE_BYTES (1024 * 1024)

static gboolean
write_score (double score)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buf, sizeof buf, "%.6f", score);
  return fputs (buf, stdout) >= 0 && fputc ('\n', stdout) != EOF && fflush (stdout) == 0;
}

int
vera_check_score (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(VeraScorer) scorer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  gssize length;
  guint64 line_no = 0;
  int status = VERA_CHECK_EXIT_OK;

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Read one sentence per line on standard input and print "
                                  "its check-worthiness score, from 0 to 1, one per line."));
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc > 1)
    {
      vera_check_error (_("score reads standard input and takes no file: “%s”"), argv[1]);
      return VERA_CHECK_EXIT_USAGE;
    }

  scorer = vera_scorer_new (&error);
  if (scorer == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }

  while ((length = vera_check_read_line (stdin, line, MAX_LINE_BYTES)) >= 0)
    {
      const char *text = line->str;
      gsize n = (gsize) length;
      const char *bad = NULL;

      line_no++;
      if (n > 0 && text[n - 1] == '\n')
        n--;
      if (n > 0 && text[n - 1] == '\r')
        n--;
      if (line_no == 1 && n >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
        {
          text += 3;
          n -= 3;
        }
      if (!g_utf8_validate_len (text, n, &bad))
        {
          vera_check_error (_("standard input, line %lu, byte %zu: invalid UTF-8 (or a NUL "
                              "byte); convert the text to UTF-8"),
                            (unsigned long) line_no, (size_t) (bad - text) + 1);
          status = VERA_CHECK_EXIT_INPUT;
          break;
        }
      if (!write_score (vera_scorer_score_len (scorer, text, n)))
        {
          vera_check_error (_("cannot write to standard output"));
          status = VERA_CHECK_EXIT_INPUT;
          break;
        }
    }
  if (status == VERA_CHECK_EXIT_OK && length == -2)
    {
      vera_check_error (_("standard input, line %lu: longer than %d bytes; score reads one "
                          "sentence a line (split the text with “vera-check sentences”)"),
                        (unsigned long) line_no + 1, MAX_LINE_BYTES);
      status = VERA_CHECK_EXIT_INPUT;
    }
  if (status == VERA_CHECK_EXIT_OK && ferror (stdin))
    {
      vera_check_error (_("cannot read standard input, line %lu"),
                        (unsigned long) line_no + 1);
      status = VERA_CHECK_EXIT_INPUT;
    }
  return status;
}
