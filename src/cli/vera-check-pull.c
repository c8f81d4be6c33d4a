/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include "vera-check-commands.h"

/* `vera-check pull`: the options and the file handling are share's (vera-check-share.c). */
int
vera_check_pull (int    argc,
                 char **argv)
{
  return vera_check_run_share (argc, argv, TRUE);
}
