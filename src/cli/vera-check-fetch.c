/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vera-check-commands.h"
#include "vera-net-service.h"
#include "vera-vocabulary.h"
#include "vera-wayback.h"

/* vera-check fetch [--json] URL: one reference's metadata, health and archived copy. */

typedef struct
{
  VeraPageMeta        *meta;
  GError              *fetch_error;
  VeraArchiveSnapshot *snapshot;
  gboolean             fetch_done;
  gboolean             archive_done;
} FetchState;

static void
fetch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  FetchState *state = user_data;

  state->meta = vera_net_service_fetch_finish (VERA_NET_SERVICE (object), result,
                                               &state->fetch_error);
  state->fetch_done = TRUE;
}

static void
archive_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FetchState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->snapshot = vera_wayback_lookup_finish (VERA_NET_SERVICE (object), result, &error);
  /* No archived copy, or the archive unreachable: the page's metadata still stands. */
  if (error != NULL)
    g_debug ("Wayback lookup: %s", error->message);
  state->archive_done = TRUE;
}

/* The keys of the contract (ARCHITECTURE.md), then extras. */
static const char * const json_keys[] = {
  "url", "final_url", "status", "content_type", "title", "site_name", "author", "published",
  "description", "language", "archive_url", "archive_time", "canonical_url", "health", "size",
};

static void
print_json (const VeraPageMeta *meta)
{
  g_autoptr(JsonNode) all = vera_page_meta_to_json (meta);
  JsonObject *from = json_node_get_object (all);
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) out = json_object_new ();
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (json_keys); i++)
    {
      JsonNode *member = json_object_get_member (from, json_keys[i]);

      json_object_set_member (out, json_keys[i], member != NULL ? json_node_copy (member)
                                                                : json_node_new (JSON_NODE_NULL));
    }
  json_node_set_object (root, out);
  text = json_to_string (root, TRUE);
  g_print ("%s\n", text);
}

static void
print_listing (const VeraPageMeta *meta)
{
  const struct { const char *label; const char *value; } rows[] = {
    { "url", meta->url },
    { "final_url", meta->final_url },
    { "content_type", meta->content_type },
    { "title", meta->title },
    { "site_name", meta->site_name },
    { "author", meta->author },
    { "published", meta->published },
    { "description", meta->description },
    { "language", meta->language },
    { "canonical_url", meta->canonical_url },
    { "archive_url", meta->archive_url },
    { "archive_time", meta->archive_time },
  };

  g_print ("%-14s %u\n", "status:", meta->status);
  g_print ("%-14s %s\n", "health:", vera_link_health_get_label (meta->health));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *key = NULL;
      g_autofree char *value = NULL;

      if (rows[i].value == NULL)
        continue;
      key = g_strconcat (rows[i].label, ":", NULL);
      /* Fields come from the page: printable text only (vera-check-commands.h). */
      value = vera_check_dup_printable (rows[i].value);
      g_print ("%-14s %s\n", key, value);
    }
}

int
vera_check_fetch (int    argc,
                  char **argv)
{
  gboolean as_json = FALSE;
  gboolean no_archive = FALSE;
  int timeout = VERA_NET_DEFAULT_TIMEOUT;
  g_autofree char *wayback_base = NULL;
  g_auto(GStrv) args = NULL;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &as_json, N_("Print the metadata as JSON"), NULL },
    { "no-archive", 0, 0, G_OPTION_ARG_NONE, &no_archive,
      N_("Do not look up an archived copy in the Wayback Machine"), NULL },
    { "wayback-base", 0, 0, G_OPTION_ARG_STRING, &wayback_base,
      N_("Base URL of the Wayback availability API (default: $VERA_WAYBACK_BASE or "
         "https://archive.org)"), N_("URL") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout,
      N_("Give up on the page after this many seconds (default: 30)"), N_("SECONDS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &args, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("URL — fetch a reference and print "
                                                              "its metadata"));
  g_autoptr(VeraNetService) service = NULL;
  g_autoptr(GError) error = NULL;
  FetchState state = { 0 };
  const char *url;
  int status = VERA_CHECK_EXIT_OK;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (args == NULL || args[0] == NULL || args[1] != NULL)
    {
      vera_check_error (_("fetch needs exactly one URL (try “%s --help”)"), argv[0]);
      return VERA_CHECK_EXIT_USAGE;
    }
  if (timeout < 1 || timeout > 3600)
    {
      vera_check_error (_("--timeout must be between 1 and 3600 seconds"));
      return VERA_CHECK_EXIT_USAGE;
    }
  url = args[0];
  if (!vera_net_check_url (url, &error))
    {
      vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }
  if (wayback_base == NULL && g_getenv ("VERA_WAYBACK_BASE") != NULL)
    wayback_base = g_strdup (g_getenv ("VERA_WAYBACK_BASE"));
  if (wayback_base != NULL && !vera_net_check_url (wayback_base, &error))
    {
      vera_check_error (_("Invalid Wayback base URL: %s"), error->message);
      return VERA_CHECK_EXIT_USAGE;
    }

  service = g_object_new (VERA_TYPE_NET_SERVICE, "timeout", (guint) timeout, NULL);
  if (wayback_base != NULL)
    vera_net_service_set_wayback_base (service, wayback_base);

  /* A pipeline tool: the user's reference cache is the app's, do not write to it. */
  vera_net_service_fetch_async (service, url, VERA_FETCH_FLAGS_NO_CACHE, NULL, fetch_cb, &state);
  if (no_archive)
    state.archive_done = TRUE;
  else
    vera_wayback_lookup_async (service, url, NULL, archive_cb, &state);
  while (!state.fetch_done || !state.archive_done)
    g_main_context_iteration (NULL, TRUE);

  if (state.meta == NULL)
    {
      vera_check_error ("%s: %s", url, state.fetch_error->message);
      status = VERA_CHECK_EXIT_INPUT;
    }
  else if (state.meta->health != VERA_LINK_HEALTH_OK &&
           state.meta->health != VERA_LINK_HEALTH_TOO_LARGE)
    {
      vera_check_error ("%s: %s", url, state.meta->reason != NULL ? state.meta->reason :
                        vera_link_health_get_label (state.meta->health));
      status = VERA_CHECK_EXIT_INPUT;
    }
  else
    {
      /* An oversized page is described from its beginning; say so, but it is not a failure. */
      if (state.meta->health == VERA_LINK_HEALTH_TOO_LARGE)
        vera_check_error ("%s: %s", url, state.meta->reason);
      if (state.snapshot != NULL)
        {
          state.meta->archive_url = g_strdup (state.snapshot->url);
          state.meta->archive_time = g_strdup (state.snapshot->time);
        }
      if (as_json)
        print_json (state.meta);
      else
        print_listing (state.meta);
    }

  g_clear_pointer (&state.meta, vera_page_meta_free);
  g_clear_pointer (&state.snapshot, vera_archive_snapshot_free);
  g_clear_error (&state.fetch_error);
  return status;
}
