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
 * line on standard output ("%.6f"), in order. The lines are one document (a debate, an
 * article): they are read to the end first and scored with their context. A line in the
 * CheckThat! TSV format (line number, speaker, sentence, and optionally a label, which is
 * ignored) is scored as its sentence, with its speaker. Every input line gets a score, empty
 * ones included, so the line counts match; CR LF endings and a UTF-8 byte order mark are
 * accepted. Invalid UTF-8 stops the run with the line number, after the scores of the lines
 * before it. */

typedef struct
{
  GPtrArray *texts;      /* char *, the sentences */
  GPtrArray *speakers;   /* char *, NULL where the line gives none */
  gboolean   any_speaker;
} Document;

/* "12<TAB>SPEAKER<TAB>sentence" with an optional "<TAB>0" or "<TAB>1": the CheckThat! format. */
static void
add_line (Document   *doc,
          const char *text,
          gsize       n)
{
  const char *p = text, *end = text + n;
  const char *tab1, *tab2, *stop = end;

  while (p < end && g_ascii_isdigit (*p))
    p++;
  tab1 = p;
  tab2 = p > text && p < end && *p == '\t' ? memchr (p + 1, '\t', end - p - 1) : NULL;
  if (tab2 != NULL)
    {
      const char *tab3 = memchr (tab2 + 1, '\t', end - tab2 - 1);

      if (tab3 != NULL && end - tab3 == 2 && (tab3[1] == '0' || tab3[1] == '1'))
        stop = tab3;
      if (tab3 == NULL || stop == tab3)
        {
          g_ptr_array_add (doc->speakers, g_strndup (tab1 + 1, tab2 - tab1 - 1));
          g_ptr_array_add (doc->texts, g_strndup (tab2 + 1, stop - tab2 - 1));
          doc->any_speaker = TRUE;
          return;
        }
    }
  g_ptr_array_add (doc->speakers, NULL);
  g_ptr_array_add (doc->texts, g_strndup (text, n));
}

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
  Document doc = { NULL, NULL, FALSE };
  g_autofree double *scores = NULL;

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

  doc.texts = g_ptr_array_new_with_free_func (g_free);
  doc.speakers = g_ptr_array_new_with_free_func (g_free);
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
      add_line (&doc, text, n);
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

  /* The lines before an error are scored all the same, as they were read. */
  scores = g_new (double, MAX (doc.texts->len, 1));
  vera_scorer_score_document (scorer, (const char * const *) doc.texts->pdata, NULL,
                              doc.texts->len,
                              doc.any_speaker ? (const char * const *) doc.speakers->pdata
                                              : NULL,
                              VERA_LANGUAGE_EN, scores);
  for (guint i = 0; i < doc.texts->len; i++)
    if (!write_score (scores[i]))
      {
        /* The input error, if any, was reported already. */
        if (status == VERA_CHECK_EXIT_OK)
          vera_check_error (_("cannot write to standard output"));
        status = VERA_CHECK_EXIT_INPUT;
        break;
      }
  g_ptr_array_unref (doc.texts);
  g_ptr_array_unref (doc.speakers);
  return status;
}
