/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>

#include "vera-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VeraApplication) app = NULL;
  const char *localedir = g_getenv ("VERA_LOCALEDIR");

  /* VERA_LOCALEDIR points at translations built in the source tree, for uninstalled runs. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_("Vera"));
  app = vera_application_new (APP_ID, G_APPLICATION_DEFAULT_FLAGS);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
