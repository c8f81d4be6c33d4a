/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <stdio.h>

#include "fixtures/export/vera-export-fixture.h"
#include "vera-export.h"

/* Writes the export fixture in one format to standard output, for the Python validators. */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(FixtureOptions) fixture = { 0 };
  VeraExportFormat format;
  gsize size;
  const char *data;

  if (argc != 2 || !vera_export_format_from_string (argv[1], &format))
    {
      g_printerr ("usage: export-sample FORMAT\n");
      return 2;
    }
  project = fixture_new_project ();
  bytes = vera_export_project_to_bytes (project, format, fixture_options_init (&fixture), NULL,
                                        &error);
  if (bytes == NULL)
    {
      g_printerr ("export-sample: %s\n", error->message);
      return 1;
    }
  data = g_bytes_get_data (bytes, &size);
  fwrite (data, 1, size, stdout);
  return 0;
}
