/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-factcheck.h"
#include "vera-net-private.h"

/* Google Fact Check Tools claims:search: earlier fact-checks of a claim's text. */

VERA_NET_DEFINE_RESULT_TYPE (VeraFactCheck, vera_fact_check,
                             sizeof (VeraFactCheck) / sizeof (char *))

/* Answers are capped by the service; this bounds what a hostile answer can make us keep. */
#define MAX_RESULTS 200
#define MAX_QUERY_CHARS 500

static void
add_reviews (GPtrArray  *results,
             JsonObject *claim)
{
  JsonNode *reviews = json_object_get_member (claim, "claimReview");
  JsonArray *array;

  if (reviews == NULL || !JSON_NODE_HOLDS_ARRAY (reviews))
    return;
  array = json_node_get_array (reviews);
  for (guint i = 0; i < json_array_get_length (array) && results->len < MAX_RESULTS; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *review;
      VeraFactCheck *check;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      review = json_node_get_object (node);
      check = g_new0 (VeraFactCheck, 1);
      check->claim_text = vera_net_json_dup_string (claim, "text");
      check->claimant = vera_net_json_dup_string (claim, "claimant");
      check->claim_date = vera_net_json_dup_string (claim, "claimDate");
      check->publisher_name = vera_net_json_dup_string (review, "publisher.name");
      check->publisher_site = vera_net_json_dup_string (review, "publisher.site");
      check->url = vera_net_json_dup_string (review, "url");
      check->title = vera_net_json_dup_string (review, "title");
      check->review_date = vera_net_json_dup_string (review, "reviewDate");
      check->textual_rating = vera_net_json_dup_string (review, "textualRating");
      check->language_code = vera_net_json_dup_string (review, "languageCode");
      if (check->url != NULL && !vera_net_check_url (check->url, NULL))
        g_clear_pointer (&check->url, g_free);
      g_ptr_array_add (results, check);
    }
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  VeraNetService *net = VERA_NET_SERVICE (object);
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  JsonNode *claims;
  guint status;

  root = vera_net_service_request_finish_object (net, result, _("The fact-check search"), &status,
                                                 &error);
  if (root == NULL && (status == SOUP_STATUS_FORBIDDEN || status == SOUP_STATUS_BAD_REQUEST ||
                       status == SOUP_STATUS_UNAUTHORIZED))
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_HTTP,
                               _("The fact-check search refused the request (HTTP status %u); "
                                 "check the API key in Preferences"), status);
      return;
    }
  if (root == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  results = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_fact_check_free);
  claims = json_object_get_member (json_node_get_object (root), "claims");
  if (claims != NULL && JSON_NODE_HOLDS_ARRAY (claims))
    {
      JsonArray *array = json_node_get_array (claims);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *claim = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (claim))
            add_reviews (results, json_node_get_object (claim));
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

void
vera_factcheck_search_async (VeraNetService      *net,
                             const char          *query,
                             const char          *language_code,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GString) path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *api = NULL;
  const char *key;

  g_return_if_fail (VERA_IS_NET_SERVICE (net));
  g_return_if_fail (query != NULL);

  task = g_task_new (net, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_factcheck_search_async);

  key = vera_net_service_get_factcheck_api_key (net);
  if (key == NULL || *key == '\0')
    {
      g_task_return_new_error (task, VERA_NET_ERROR, VERA_NET_ERROR_NO_API_KEY,
                               _("Searching earlier fact-checks needs a Google Fact Check Tools "
                                 "API key. Add your key in Preferences to use it."));
      return;
    }

  /* Long claims are cut at a character boundary: the service matches on the gist. */
  text = g_utf8_substring (query, 0, MIN (g_utf8_strlen (query, -1), MAX_QUERY_CHARS));
  g_strstrip (text);
  if (*text == '\0')
    {
      g_task_return_pointer (task,
                             g_ptr_array_new_with_free_func ((GDestroyNotify) vera_fact_check_free),
                             (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  path = g_string_new ("/v1alpha1/claims:search?query=");
  escaped = g_uri_escape_string (text, NULL, FALSE);
  g_string_append (path, escaped);
  if (language_code != NULL && *language_code != '\0')
    {
      g_autofree char *lang = g_uri_escape_string (language_code, NULL, FALSE);

      g_string_append_printf (path, "&languageCode=%s", lang);
    }
  {
    g_autofree char *k = g_uri_escape_string (key, NULL, FALSE);

    g_string_append_printf (path, "&key=%s", k);
  }
  api = vera_net_join_url (vera_net_service_get_factcheck_base (net), path->str);
  vera_net_service_request_async (net, "GET", api, TRUE, cancellable, search_cb,
                                  g_steal_pointer (&task));
}

GPtrArray *
vera_factcheck_search_finish (VeraNetService  *net,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, net), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
