/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-net-private.h"
#include "vera-wikipedia.h"

/* Wikipedia's REST page summary, for context on people and organisations named in claims. */

VERA_NET_DEFINE_RESULT_TYPE (VeraWikiSummary, vera_wiki_summary,
                             sizeof (VeraWikiSummary) / sizeof (char *))

typedef struct
{
  char *title;
  char *language;
} SummaryData;

static void
summary_data_free (SummaryData *data)
{
  g_free (data->title);
  g_free (data->language);
  g_free (data);
}

static void
summary_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  VeraNetService *net = VERA_NET_SERVICE (object);
  g_autoptr(GTask) task = user_data;
  SummaryData *data = g_task_get_task_data (task);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraWikiSummary) summary = NULL;
  JsonObject *obj;

  root = vera_net_service_request_finish_object (net, result, _("Wikipedia"), NULL, &error);
  if (g_error_matches (error, VERA_NET_ERROR, VERA_NET_ERROR_NOT_FOUND))
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_NOT_FOUND,
                               _("Wikipedia (%s) has no article titled “%s”"),
                               data->language, data->title);
      return;
    }
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  obj = json_node_get_object (root);
  summary = g_new0 (VeraWikiSummary, 1);
  summary->type = vera_net_json_dup_string (obj, "type");
  summary->title = vera_net_json_dup_string (obj, "title");
  summary->description = vera_net_json_dup_string (obj, "description");
  summary->extract = vera_net_json_dup_string (obj, "extract");
  summary->page_url = vera_net_json_dup_string (obj, "content_urls.desktop.page");
  summary->wikibase_item = vera_net_json_dup_string (obj, "wikibase_item");
  summary->language = vera_net_json_dup_string (obj, "lang");
  if (summary->language == NULL)
    summary->language = g_strdup (data->language);
  if (summary->title == NULL)
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_INVALID_RESPONSE,
                               _("Wikipedia sent a summary without a title"));
      return;
    }
  /* Only web links are kept: the app opens this in a browser. */
  if (summary->page_url != NULL && !vera_net_check_url (summary->page_url, NULL))
    g_clear_pointer (&summary->page_url, g_free);
  g_task_return_pointer (task, g_steal_pointer (&summary), (GDestroyNotify) vera_wiki_summary_free);
}

/* A language code is letters, digits and hyphens ("en", "zh-yue"); anything else would change
 * the host name. */
static gboolean
is_language_code (const char *code)
{
  gsize n = 0;

  for (const char *p = code; *p != '\0'; p++, n++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return n > 0 && n <= 16;
}

void
vera_wikipedia_summary_async (VeraNetService      *net,
                              const char          *title,
                              const char          *language,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) base = NULL;
  g_autofree char *page = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;
  g_autofree char *api = NULL;
  SummaryData *data;

  g_return_if_fail (VERA_IS_NET_SERVICE (net));
  g_return_if_fail (title != NULL);

  task = g_task_new (net, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_wikipedia_summary_async);

  if (language == NULL || *language == '\0')
    language = vera_net_service_get_wikipedia_language (net);
  data = g_new0 (SummaryData, 1);
  data->title = g_strstrip (g_strdup (title));
  data->language = g_ascii_strdown (language, -1);
  g_task_set_task_data (task, data, (GDestroyNotify) summary_data_free);

  if (!is_language_code (data->language) || *data->title == '\0')
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_BAD_URL,
                               _("“%s” is not a Wikipedia language code or the title is empty"),
                               data->language);
      return;
    }

  /* Article titles use underscores for spaces; everything else is percent-encoded, "/"
   * included ("AC/DC"). */
  page = g_strdup (data->title);
  g_strdelimit (page, " ", '_');
  escaped = g_uri_escape_string (page, NULL, FALSE);
  path = g_strconcat ("/api/rest_v1/page/summary/", escaped, NULL);
  base = g_string_new (vera_net_service_get_wikipedia_base (net));
  g_string_replace (base, "{lang}", data->language, 0);
  api = vera_net_join_url (base->str, path);
  vera_net_service_request_async (net, "GET", api, TRUE, cancellable, summary_cb,
                                  g_steal_pointer (&task));
}

VeraWikiSummary *
vera_wikipedia_summary_finish (VeraNetService  *net,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, net), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
