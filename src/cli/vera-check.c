/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib.h>

int
main (int   argc,
      char *argv[])
{
  g_print ("vera-check %s\n", PACKAGE_VERSION);
  return 0;
}
