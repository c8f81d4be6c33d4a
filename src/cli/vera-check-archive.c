/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n.h>

#include "vera-check-commands.h"
#include "vera-fact-archive.h"

/* vera-check archive import ARCHIVE.sqlite FILE…: imports ClaimReview files into an archive of
 * fact-checks (created when missing), each file in one transaction (vera-fact-archive.h). A
 * line per file on standard output ("FILE: N reviews"); the first file that fails stops the run
 * with its reason, the files before it stay imported. */

static int
archive_import (int    argc,
                char **argv)
{
  g_autoptr(VeraFactArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  if (argc < 3)
    {
      vera_check_error (_("usage: vera-check archive import ARCHIVE.sqlite FILE…"));
      return VERA_CHECK_EXIT_USAGE;
    }
  archive = vera_fact_archive_open (argv[1], &error);
  if (archive == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autofree char *printable = NULL;
      guint n = 0;

      if (!vera_fact_archive_import_file (archive, file, NULL, NULL, &n, NULL, &error))
        {
          vera_check_error ("%s", error->message);
          return VERA_CHECK_EXIT_INPUT;
        }
      printable = vera_check_dup_printable (argv[i]);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u review\n", "%s: %u reviews\n", n),
               printable, n);
    }
  return VERA_CHECK_EXIT_OK;
}

int
vera_check_archive (int    argc,
                    char **argv)
{
  g_autoptr(GOptionContext) context = NULL;

  context = g_option_context_new (_("import ARCHIVE.sqlite FILE…"));
  g_option_context_set_summary (context,
                                _("Import ClaimReview JSON-LD files (one object, an array, "
                                  "@graph, a DataFeed, JSON lines) into an archive of "
                                  "fact-checks for “vera-check match”. Importing a review again "
                                  "updates it."));
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc < 2 || !g_str_equal (argv[1], "import"))
    {
      vera_check_error (_("usage: vera-check archive import ARCHIVE.sqlite FILE…"));
      return VERA_CHECK_EXIT_USAGE;
    }
  return archive_import (argc - 1, argv + 1);
}
