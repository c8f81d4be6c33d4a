/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "vera-check-commands.h"
#include "vera-export.h"
#include "vera-project.h"
#include "vera-project-io.h"

static gboolean
write_stdout (GBytes  *bytes,
              GError **error)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if ((size > 0 && fwrite (data, 1, size, stdout) != size) || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write to standard output"));
      return FALSE;
    }
  return TRUE;
}

int
vera_check_export (int    argc,
                   char **argv)
{
  g_autofree char *format_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *organisation_url = NULL;
  g_autofree char *reviewer = NULL;
  gboolean reviewed_only = FALSE;
  gboolean no_findings = FALSE;
  gboolean no_conflicts = FALSE;
  gboolean no_references = FALSE;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("html, pdf, md, csv, json, claimreview or webannotation"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (“-” or none: standard output)"), N_("FILE") },
    { "reviewed-only", 0, 0, G_OPTION_ARG_NONE, &reviewed_only,
      N_("Only claims with a verdict"), NULL },
    { "no-findings", 0, 0, G_OPTION_ARG_NONE, &no_findings,
      N_("Leave out flagged text (injected text, vague sources, …)"), NULL },
    { "no-conflicts", 0, 0, G_OPTION_ARG_NONE, &no_conflicts,
      N_("Leave out conflicts between articles"), NULL },
    { "no-references", 0, 0, G_OPTION_ARG_NONE, &no_references,
      N_("Leave out the references of claims"), NULL },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &organisation,
      N_("The fact-checking organisation (ClaimReview author)"), N_("NAME") },
    { "organisation-url", 0, 0, G_OPTION_ARG_STRING, &organisation_url,
      N_("The organisation’s web site"), N_("URL") },
    { "reviewer", 0, 0, G_OPTION_ARG_STRING, &reviewer,
      N_("The reviewer’s name (default: the project’s)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT.vera"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = NULL;
  VeraExportOptions options;
  VeraExportFormat format;
  gboolean to_stdout;

  g_option_context_set_summary (context, _("Export a project as an annotated report (HTML, PDF, "
                                           "Markdown), a table of claims (CSV), the project "
                                           "(JSON), ClaimReview or W3C Web Annotations."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc != 2)
    {
      vera_check_error (_("export needs exactly one project file (try “vera-check export "
                          "--help”)"));
      return VERA_CHECK_EXIT_USAGE;
    }
  if (format_name == NULL)
    {
      vera_check_error (_("export needs --format: html, pdf, md, csv, json, claimreview or "
                          "webannotation"));
      return VERA_CHECK_EXIT_USAGE;
    }
  if (!vera_export_format_from_string (format_name, &format))
    {
      vera_check_error (_("Unknown format “%s”: use html, pdf, md, csv, json, claimreview or "
                          "webannotation"), format_name);
      return VERA_CHECK_EXIT_USAGE;
    }
  to_stdout = output == NULL || g_str_equal (output, "-");
  if (to_stdout && vera_export_format_is_binary (format) && isatty (STDOUT_FILENO))
    {
      vera_check_error (_("A PDF cannot go to a terminal: give a file with -o or redirect the "
                          "output"));
      return VERA_CHECK_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = vera_project_load (file, NULL, &error);
  if (project == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }

  vera_export_options_init (&options);
  options.reviewed_only = reviewed_only;
  options.include_findings = !no_findings;
  options.include_conflicts = !no_conflicts;
  options.include_references = !no_references;
  options.organisation_name = organisation;
  options.organisation_url = organisation_url;
  options.reviewer = reviewer;

  if (to_stdout)
    {
      g_autoptr(GBytes) bytes = vera_export_project_to_bytes (project, format, &options, NULL,
                                                              &error);

      if (bytes == NULL || !write_stdout (bytes, &error))
        {
          vera_check_error ("%s", error->message);
          return VERA_CHECK_EXIT_INPUT;
        }
    }
  else if (!vera_export_project (project, format, &options, output, NULL, &error))
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  return VERA_CHECK_EXIT_OK;
}
