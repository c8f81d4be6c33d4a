/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "vera-check-commands.h"
#include "vera-json-util.h"
#include "vera-export.h"
#include "vera-file-util.h"
#include "vera-project.h"
#include "vera-project-io.h"

int
vera_check_import_annotations (int    argc,
                               char **argv)
{
  g_autofree char *output = NULL;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write the project to FILE (“-” or none: standard output)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT.vera ANNOTATIONS.jsonld"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  VeraAnnotationImportStats stats;
  g_autofree char *data = NULL;
  g_autofree char *annotations = NULL;
  gsize annotations_length;
  gsize length;

  g_option_context_set_summary (context, _("Apply W3C Web Annotations (from Vera or another "
                                           "annotation tool) onto the claims of a project, "
                                           "re-anchoring them by quote when the text moved."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc != 3)
    {
      vera_check_error (_("import-annotations needs a project and an annotation file (try "
                          "“vera-check import-annotations --help”)"));
      return VERA_CHECK_EXIT_USAGE;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = vera_project_load (file, NULL, &error);
  if (project == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  {
    g_autoptr(GFile) annotation_file = g_file_new_for_commandline_arg (argv[2]);

    /* As large as a project may be: a device or a pipe that never ends stops there. */
    if (!vera_file_get_contents_bounded (annotation_file, VERA_PROJECT_DEFAULT_MAX_SIZE,
                                         &annotations, &annotations_length, NULL, &error))
      {
        vera_check_error ("%s: %s", argv[2], error->message);
        return VERA_CHECK_EXIT_INPUT;
      }
  }
  /* json-glib's parser recurses once per level: refuse hostile nesting before it does. */
  if (!vera_json_depth_ok (annotations, annotations_length, VERA_JSON_MAX_DEPTH))
    {
      vera_check_error (_("%s nests its lists and objects more than %u levels deep; it is not "
                          "an annotation file"), argv[2], VERA_JSON_MAX_DEPTH);
      return VERA_CHECK_EXIT_INPUT;
    }
  if (!json_parser_load_from_data (parser, annotations, annotations_length, &error))
    {
      vera_check_error (_("%s is not valid JSON: %s"), argv[2], error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  if (!vera_webannotation_import (project, json_parser_get_root (parser), &stats, &error))
    {
      vera_check_error ("%s: %s", argv[2], error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  /* Translators: a summary of an annotation import on standard error. */
  g_printerr (_("%u applied, %u re-anchored (%u new claims), %u could not be anchored, "
                "%u target no text\n"),
              stats.applied, stats.reanchored, stats.created, stats.unanchored, stats.skipped);

  data = vera_project_to_data (project, &length);
  if (output == NULL || g_str_equal (output, "-"))
    {
      if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
        {
          vera_check_error (_("Could not write to standard output"));
          return VERA_CHECK_EXIT_INPUT;
        }
    }
  else if (!vera_file_write_atomically (output, data, length, TRUE, &error))
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  return VERA_CHECK_EXIT_OK;
}
