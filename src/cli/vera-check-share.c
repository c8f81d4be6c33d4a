/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n.h>

#include "vera-check-commands.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-share.h"

/* `vera-check share` and, through vera_check_run_share(), `vera-check pull`: one project file,
 * changed in place only when the whole exchange with the server succeeded. */

typedef struct
{
  gboolean        done;
  gboolean        ok;
  VeraShareStats  stats;
  GError         *error;
} RunState;

static void
share_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  RunState *state = user_data;

  state->ok = vera_share_project_finish (VERA_NET_SERVICE (object), result, &state->stats,
                                         &state->error);
  state->done = TRUE;
}

static void
pull_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  RunState *state = user_data;

  state->ok = vera_share_pull_finish (VERA_NET_SERVICE (object), result, &state->stats,
                                      &state->error);
  state->done = TRUE;
}

int
vera_check_run_share (int       argc,
                      char    **argv,
                      gboolean  pull)
{
  g_autofree char *server = NULL;
  g_autofree char *group = NULL;
  g_autofree char *protocol_name = NULL;
  int timeout = VERA_NET_DEFAULT_TIMEOUT;
  const GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server,
      N_("The annotation server: a Hypothesis API URL (https://hypothes.is/api) or the base of "
         "W3C annotation containers"), N_("API_URL") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &group,
      N_("The Hypothesis group id (__world__ is Public), or the W3C container's name"),
      N_("GROUP") },
    { "protocol", 0, 0, G_OPTION_ARG_STRING, &protocol_name,
      N_("hypothesis (the default) or w3c"), N_("PROTOCOL") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on a request after this many seconds (default: 30)"), N_("SECONDS") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT.vera"));
  g_autoptr(VeraNetService) service = NULL;
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  VeraShareTarget target = { VERA_SHARE_PROTOCOL_HYPOTHESIS, NULL, NULL, NULL };
  RunState state = { 0 };

  g_option_context_set_summary (context, pull
    ? _("Fetch the annotations of the project's documents from the server and record other "
        "reviewers' verdicts on the claims. Your own status and notes never change.")
    : _("Post one annotation per reviewed claim to the server, update the ones shared "
        "before, and delete those of claims no longer reviewed. The API token is read from "
        "VERA_ANNOTATION_TOKEN."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc != 2)
    {
      vera_check_error (_("%s needs exactly one project (try “%s --help”)"), argv[0], argv[0]);
      return VERA_CHECK_EXIT_USAGE;
    }
  if (protocol_name != NULL && !vera_share_protocol_from_string (protocol_name, &target.protocol))
    {
      vera_check_error (_("--protocol must be hypothesis or w3c, not “%s”"), protocol_name);
      return VERA_CHECK_EXIT_USAGE;
    }
  if (server == NULL || (target.protocol == VERA_SHARE_PROTOCOL_HYPOTHESIS && group == NULL))
    {
      vera_check_error (target.protocol == VERA_SHARE_PROTOCOL_HYPOTHESIS
                        ? _("%s needs --server and --group (try “%s --help”)")
                        : _("%s needs --server (try “%s --help”)"), argv[0], argv[0]);
      return VERA_CHECK_EXIT_USAGE;
    }
  if (!vera_net_check_url (server, &error))
    {
      vera_check_error (_("Invalid --server: %s"), error->message);
      return VERA_CHECK_EXIT_USAGE;
    }
  if (timeout < 1 || timeout > 3600)
    {
      vera_check_error (_("--timeout must be between 1 and 3600 seconds"));
      return VERA_CHECK_EXIT_USAGE;
    }
  target.server = server;
  target.group = group;
  target.token = g_getenv ("VERA_ANNOTATION_TOKEN");
  /* Hypothesis writes need a user; reading a public group does not. */
  if (target.protocol == VERA_SHARE_PROTOCOL_HYPOTHESIS && !pull &&
      (target.token == NULL || target.token[0] == '\0'))
    {
      vera_check_error (_("No API token: set VERA_ANNOTATION_TOKEN to the token of your "
                          "account on the annotation server"));
      return VERA_CHECK_EXIT_INPUT;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  project = vera_project_load (file, NULL, &error);
  if (project == NULL)
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }

  service = g_object_new (VERA_TYPE_NET_SERVICE, "timeout", (guint) timeout, NULL);
  if (pull)
    vera_share_pull_async (service, project, &target, NULL, pull_cb, &state);
  else
    vera_share_project_async (service, project, &target, NULL, share_cb, &state);
  while (!state.done)
    g_main_context_iteration (NULL, TRUE);

  if (!state.ok)
    {
      /* Nothing was applied to the project, and its file was not touched. */
      vera_check_error ("%s", state.error->message);
      g_clear_error (&state.error);
      return VERA_CHECK_EXIT_INPUT;
    }
  if (vera_project_get_dirty (project) && !vera_project_save (project, file, NULL, &error))
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  if (pull)
    /* Translators: a summary of `vera-check pull` on standard error. */
    g_printerr (_("%u annotations read, %u verdicts of other reviewers on claims, %u kept on "
                  "their article\n"),
                state.stats.fetched, state.stats.reviews, state.stats.unanchored);
  else
    /* Translators: a summary of `vera-check share` on standard error. */
    g_printerr (_("%u annotations created, %u updated, %u deleted\n"),
                state.stats.created, state.stats.updated, state.stats.deleted);
  return VERA_CHECK_EXIT_OK;
}

int
vera_check_share (int    argc,
                  char **argv)
{
  return vera_check_run_share (argc, argv, FALSE);
}
