/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "vera-check-commands.h"

const VeraCheckCommand vera_check_commands[] = {
  { "analyze",   vera_check_analyze,   N_("Import articles, find claims and conflicts, write a project") },
  { "sentences", vera_check_sentences, N_("Split text into sentences (one per line, or JSON)") },
  { "score",     vera_check_score,     N_("Score sentences from standard input for check-worthiness") },
  { "export",    vera_check_export,    N_("Export a project: HTML, PDF, Markdown, CSV, JSON, ClaimReview or W3C annotations") },
  { "import-annotations", vera_check_import_annotations, N_("Apply W3C Web Annotations onto a project's claims") },
  { "fetch",     vera_check_fetch,     N_("Fetch a reference URL and print its metadata (title, publisher, date, archive)") },
  { "share",     vera_check_share,     N_("Share the project's reviewed claims as annotations (Hypothesis or W3C server)") },
  { "pull",      vera_check_pull,      N_("Record other reviewers' verdicts from an annotation server on the claims") },
  { "info",      vera_check_info,      N_("Summarise a project: articles, claims by status, conflicts") },
  { "archive",   vera_check_archive,   N_("Import ClaimReview files into an archive of fact-checks") },
  { "match",     vera_check_match,     N_("Find earlier fact-checks of claims in an archive") },
  { NULL, NULL, NULL },
};

char *
vera_check_dup_printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\r' || c == '\t' || c == '\v' || c == '\f')
        g_string_append_c (out, ' ');
      else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
               (c >= 0x2066 && c <= 0x2069))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

void
vera_check_error (const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  /* Messages quote file names and file content (json-glib's parse errors, annotation values):
   * the contract is one line on stderr, and no control sequence reaches the terminal. */
  printable = vera_check_dup_printable (message);
  g_printerr ("vera-check: %s\n", printable);
}

gboolean
vera_check_parse_options (GOptionContext   *context,
                          int              *argc,
                          char           ***argv)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      vera_check_error ("%s (try “%s --help”)", error->message, (*argv)[0]);
      return FALSE;
    }
  return TRUE;
}

gboolean
vera_check_check_max_size (const char *option,
                           gboolean    given,
                           gint64      megabytes,
                           gsize      *bytes)
{
  g_assert (option != NULL && bytes != NULL);

  *bytes = 0;
  if (!given)
    return TRUE;
  if (megabytes < 1 || megabytes > VERA_CHECK_MAX_SIZE_MB_LIMIT)
    {
      vera_check_error (_("%s must be a whole number of megabytes from 1 to %d, not %lld"),
                        option, VERA_CHECK_MAX_SIZE_MB_LIMIT, (long long) megabytes);
      return FALSE;
    }
  *bytes = (gsize) megabytes * 1024 * 1024;
  return TRUE;
}

gboolean
vera_check_check_range (const char *option,
                        double      value,
                        double      min,
                        double      max)
{
  g_assert (option != NULL);

  /* Written so that NaN fails: every comparison with it is false. */
  if (value >= min && value <= max)
    return TRUE;
  vera_check_error (_("%s must be a number from %g to %g, not %g"), option, min, max, value);
  return FALSE;
}

GByteArray *
vera_check_read_all_bounded (FILE     *stream,
                             gsize     limit,
                             gboolean *too_large)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  *too_large = FALSE;
  while ((n = fread (buffer, 1, sizeof buffer, stream)) > 0)
    {
      g_byte_array_append (bytes, buffer, (guint) n);
      if (bytes->len > limit)
        {
          *too_large = TRUE;
          return NULL;
        }
    }
  if (ferror (stream))
    return NULL;
  return g_steal_pointer (&bytes);
}

gssize
vera_check_read_line (FILE    *stream,
                      GString *line,
                      gsize    limit)
{
  int c;

  g_string_truncate (line, 0);
  while ((c = getc_unlocked (stream)) != EOF)
    {
      if (c == '\n')
        return line->len;
      if (line->len >= limit)
        return -2;
      g_string_append_c (line, (char) c);
    }
  return line->len > 0 && !ferror (stream) ? (gssize) line->len : -1;
}

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n\n%s\n", _("Usage: vera-check COMMAND [OPTION…] [ARGUMENT…]"),
           _("Find and review check-worthy claims in news articles."));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; vera_check_commands[i].name != NULL; i++)
    fprintf (stream, "  %-20s %s\n", vera_check_commands[i].name,
             _(vera_check_commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “vera-check COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("VERA_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return VERA_CHECK_EXIT_USAGE;
    }
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") ||
      g_str_equal (argv[1], "help"))
    {
      print_usage (stdout);
      return VERA_CHECK_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("vera-check %s\n", PACKAGE_VERSION);
      return VERA_CHECK_EXIT_OK;
    }

  for (guint i = 0; vera_check_commands[i].name != NULL; i++)
    {
      if (g_str_equal (argv[1], vera_check_commands[i].name))
        {
          g_autofree char *name = g_strdup_printf ("vera-check %s", argv[1]);
          argv[1] = name;
          return vera_check_commands[i].func (argc - 1, argv + 1);
        }
    }

  vera_check_error (_("“%s” is not a command (try “vera-check --help”)"), argv[1]);
  return VERA_CHECK_EXIT_USAGE;
}
