/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-review.h"
#include "vera-share.h"
#include "vera-test-server.h"
#include "vera-test-util.h"
#include "vera-ui-test-util.h"
#include "vera-window-sharing.h"

/* Team review in the window (issue 18): win.share and win.pull against a loopback server that
 * speaks the Hypothesis API subset (profile, create, update, search with search_after paging),
 * with two reviewers told apart by their tokens. Ines works in the window; Jun shares from his
 * own copy of the project through the core, as a colleague on another machine would. */

#define TEXT_EN "The ferry carried 96,000 passengers in March. The harbour master praised the crews."
#define TEXT_DE "Die Fähre beförderte im März 96.000 Fahrgäste. Der Hafenmeister lobte die Besatzungen."
#define TEXT_ZH "三月渡轮运送乘客9.6万人次。港务长称赞了船员。"
#define URL_EN "https://harbour.example/ferry-march"
#define GROUP "desk9"

typedef struct
{
  GMutex     lock;
  GPtrArray *store;    /* JsonObject */
  guint      next_id;
  guint      clock;
  guint      page_cap;
} Hyp;

static const char *
user_for (SoupServerMessage *msg)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                   "Authorization");

  if (g_strcmp0 (auth, "Bearer tok-ines") == 0)
    return "acct:ines@desk.test";
  if (g_strcmp0 (auth, "Bearer tok-jun") == 0)
    return "acct:jun@desk.test";
  return NULL;
}

static void
reply_object (SoupServerMessage *msg,
              JsonObject        *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *body = json_to_string (node, FALSE);

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body,
                                    strlen (body));
}

static JsonObject *
read_body (SoupServerMessage *msg)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  g_autoptr(JsonNode) node = json_from_string (g_bytes_get_data (bytes, NULL), NULL);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_dup_object (node) : NULL;
}

static char *
stamp (Hyp *hyp)
{
  hyp->clock++;
  return g_strdup_printf ("2025-06-02T14:%02u:%02u.000000+00:00", hyp->clock / 60, hyp->clock % 60);
}

static int
compare_updated (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (json_object_get_string_member (*(JsonObject **) a, "updated"),
                    json_object_get_string_member (*(JsonObject **) b, "updated"));
}

static void
search (Hyp               *hyp,
        SoupServerMessage *msg,
        GHashTable        *query)
{
  const char *uri = query ? g_hash_table_lookup (query, "uri") : NULL;
  const char *group = query ? g_hash_table_lookup (query, "group") : NULL;
  const char *after = query ? g_hash_table_lookup (query, "search_after") : NULL;
  guint limit = query && g_hash_table_lookup (query, "limit")
                ? (guint) atoi (g_hash_table_lookup (query, "limit")) : 20;
  g_autoptr(GPtrArray) matches = g_ptr_array_new ();
  JsonObject *answer = json_object_new ();
  JsonArray *rows = json_array_new ();

  for (guint i = 0; i < hyp->store->len; i++)
    if (g_strcmp0 (json_object_get_string_member (hyp->store->pdata[i], "uri"), uri) == 0 &&
        g_strcmp0 (json_object_get_string_member (hyp->store->pdata[i], "group"), group) == 0)
      g_ptr_array_add (matches, hyp->store->pdata[i]);
  g_ptr_array_sort (matches, compare_updated);
  for (guint i = 0; i < matches->len && json_array_get_length (rows) < MIN (limit, hyp->page_cap);
       i++)
    if (after == NULL ||
        g_strcmp0 (json_object_get_string_member (matches->pdata[i], "updated"), after) > 0)
      json_array_add_object_element (rows, json_object_ref (matches->pdata[i]));
  json_object_set_int_member (answer, "total", matches->len);
  json_object_set_array_member (answer, "rows", rows);
  reply_object (msg, answer);
}

static void
profile (SoupServerMessage *msg,
         const char        *user)
{
  JsonObject *answer = json_object_new ();
  JsonArray *groups = json_array_new ();
  const char *ids[] = { "__world__", GROUP };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      JsonObject *g = json_object_new ();

      json_object_set_string_member (g, "id", ids[i]);
      json_array_add_object_element (groups, g);
    }
  /* Like h: an unknown token gets the anonymous profile. */
  if (user != NULL)
    json_object_set_string_member (answer, "userid", user);
  else
    json_object_set_null_member (answer, "userid");
  json_object_set_array_member (answer, "groups", groups);
  reply_object (msg, answer);
}

static void
api_cb (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  Hyp *hyp = user_data;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&hyp->lock);
  const char *method = soup_server_message_get_method (msg);
  const char *user = user_for (msg);

  if (g_str_equal (path, "/api/profile"))
    profile (msg, user);
  else if (g_str_equal (path, "/api/search"))
    search (hyp, msg, query);
  else if (user == NULL)
    soup_server_message_set_status (msg, 401, NULL);
  else if (g_str_equal (path, "/api/annotations") && g_str_equal (method, "POST"))
    {
      JsonObject *body = read_body (msg);
      g_autofree char *id = g_strdup_printf ("sh%u", ++hyp->next_id);
      g_autofree char *now = stamp (hyp);

      g_assert_nonnull (body);
      json_object_set_string_member (body, "id", id);
      json_object_set_string_member (body, "user", user);
      json_object_set_string_member (body, "created", now);
      json_object_set_string_member (body, "updated", now);
      g_ptr_array_add (hyp->store, body);
      reply_object (msg, json_object_ref (body));
    }
  else if (g_str_has_prefix (path, "/api/annotations/") && g_str_equal (method, "PATCH"))
    {
      const char *id = path + strlen ("/api/annotations/");
      g_autoptr(JsonObject) body = read_body (msg);
      g_autoptr(GList) members = body != NULL ? json_object_get_members (body) : NULL;
      JsonObject *a = NULL;

      for (guint i = 0; i < hyp->store->len && a == NULL; i++)
        if (g_strcmp0 (json_object_get_string_member (hyp->store->pdata[i], "id"), id) == 0)
          a = hyp->store->pdata[i];
      if (a == NULL || g_strcmp0 (json_object_get_string_member (a, "user"), user) != 0)
        {
          soup_server_message_set_status (msg, a == NULL ? 404 : 403, NULL);
          return;
        }
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (a, l->data, json_node_copy (json_object_get_member (body, l->data)));
      {
        g_autofree char *now = stamp (hyp);

        json_object_set_string_member (a, "updated", now);
      }
      reply_object (msg, json_object_ref (a));
    }
  else
    soup_server_message_set_status (msg, 405, NULL);
}

/* Fixture: the server, and a project of three articles (en, de, zh) with Ines's review. */

typedef struct
{
  VeraApplication *app;
  VeraTestServer  *server;
  Hyp              hyp;
  char            *api;
  char            *project;
} Fixture;

static void
add_claim (VeraArticle *article,
           const char  *id,
           const char  *quote,
           VeraStatus   status,
           const char  *note)
{
  const char *text = vera_article_get_text (article);
  const char *at = strstr (text, quote);
  guint start;
  g_autoptr(VeraClaim) claim = NULL;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  claim = vera_claim_new (id, start, start + g_utf8_strlen (quote, -1), quote);
  vera_claim_set_kinds (claim, VERA_CLAIM_KIND_QUANTITY);
  vera_claim_set_status (claim, status);
  vera_claim_set_note (claim, note);
  vera_article_add_claim (article, claim);
}

static void
write_project (const char *path)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) en = vera_article_new ("f1", URL_EN, TEXT_EN);
  g_autoptr(VeraArticle) de = vera_article_new ("f2", "/desk/faehre.txt", TEXT_DE);
  g_autoptr(VeraArticle) zh = vera_article_new ("f3", NULL, TEXT_ZH);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  vera_article_set_title (en, "Ferry numbers");
  vera_article_set_title (de, "Fährzahlen");
  vera_article_set_title (zh, "渡轮客流");
  add_claim (en, "f1-c1", "The ferry carried 96,000 passengers in March.", VERA_STATUS_SUPPORTED,
             "Matches the operator's monthly report.");
  add_claim (en, "f1-c2", "The harbour master praised the crews.", VERA_STATUS_UNREVIEWED, NULL);
  add_claim (de, "f2-c1", "Die Fähre beförderte im März 96.000 Fahrgäste.",
             VERA_STATUS_CONTRADICTED, "Der Betreiber meldet 69.000.");
  add_claim (zh, "f3-c1", "三月渡轮运送乘客9.6万人次。", VERA_STATUS_UNREVIEWED, "待核实：海事局数据");
  g_assert_true (vera_project_add_article (project, en, NULL));
  g_assert_true (vera_project_add_article (project, de, NULL));
  g_assert_true (vera_project_add_article (project, zh, NULL));
  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *dir = vera_test_make_tmpdir ();

  f->app = (VeraApplication *) data;
  g_mutex_init (&f->hyp.lock);
  f->hyp.store = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  f->hyp.page_cap = 2;
  f->server = vera_test_server_new ();
  vera_test_server_add_handler (f->server, "/api", api_cb, &f->hyp);
  vera_test_server_start (f->server);
  f->api = vera_test_server_get_url (f->server, "/api");
  f->project = g_build_filename (dir, "ferry.vera", NULL);
  write_project (f->project);
  g_settings_set_string (vera_application_get_settings (f->app), "annotation-server", "");
  g_settings_set_string (vera_application_get_settings (f->app), "annotation-group", "");
  g_settings_set_string (vera_application_get_settings (f->app), "annotation-protocol", "hypothesis");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  vera_test_server_free (f->server);
  g_ptr_array_unref (f->hyp.store);
  g_mutex_clear (&f->hyp.lock);
  g_free (f->api);
  g_free (f->project);
}

static guint
count_by (Fixture    *f,
          const char *user)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&f->hyp.lock);
  guint n = 0;

  for (guint i = 0; i < f->hyp.store->len; i++)
    if (g_strcmp0 (json_object_get_string_member (f->hyp.store->pdata[i], "user"), user) == 0)
      n++;
  return n;
}

static gboolean
has_tag (JsonObject *a,
         const char *tag)
{
  JsonArray *tags = json_object_get_array_member (a, "tags");

  for (guint i = 0; tags != NULL && i < json_array_get_length (tags); i++)
    if (g_strcmp0 (json_array_get_string_element (tags, i), tag) == 0)
      return TRUE;
  return FALSE;
}

/* The annotation of @user whose quote is @exact, or NULL. */
static JsonObject *
find_annotation (Fixture    *f,
                 const char *user,
                 const char *exact)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&f->hyp.lock);

  for (guint i = 0; i < f->hyp.store->len; i++)
    {
      JsonObject *a = f->hyp.store->pdata[i];
      JsonObject *target = json_array_get_object_element (json_object_get_array_member (a, "target"), 0);
      JsonArray *selectors = json_object_get_array_member (target, "selector");

      if (g_strcmp0 (json_object_get_string_member (a, "user"), user) != 0)
        continue;
      for (guint s = 0; s < json_array_get_length (selectors); s++)
        if (g_strcmp0 (json_object_get_string_member_with_default (
                         json_array_get_object_element (selectors, s), "exact", NULL), exact) == 0)
          return a;
    }
  return NULL;
}

static gboolean
idle_window (gpointer data)
{
  return VERA_WINDOW (data)->adding_cancellable == NULL;
}

static void
run_action (VeraWindow *window,
            const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
  g_assert_true (vera_ui_test_wait (idle_window, window, 30000));
  vera_ui_test_spin (50);
}

/* Jun, on his own machine: his copy of the project, his verdicts, shared through the core. */
static void
share_as_colleague (Fixture *f)
{
  g_autoptr(GFile) file = g_file_new_for_path (f->project);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = vera_project_load (file, NULL, &error);
  g_autoptr(VeraNetService) net = g_object_new (VERA_TYPE_NET_SERVICE, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  VeraShareTarget target = { VERA_SHARE_PROTOCOL_HYPOTHESIS, f->api, GROUP, "tok-jun" };
  VeraShareStats stats = { 0 };

  g_assert_no_error (error);
  vera_claim_set_status (vera_project_find_claim (project, "f1-c1"), VERA_STATUS_CONTRADICTED);
  vera_claim_set_note (vera_project_find_claim (project, "f1-c1"), "The port log counts 69,000.");
  vera_claim_set_status (vera_project_find_claim (project, "f3-c1"), VERA_STATUS_SUPPORTED);
  vera_share_project_async (net, project, &target, NULL, vera_test_store_result_cb, &result);
  vera_test_wait_for_result (&result);
  g_assert_true (vera_share_project_finish (net, result, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, ==, 3);
}

/* Widgets. */

static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }
  return NULL;
}

static AdwPreferencesGroup *
find_group (GtkWidget  *widget,
            const char *title)
{
  if (ADW_IS_PREFERENCES_GROUP (widget) &&
      g_strcmp0 (adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (widget)), title) == 0)
    return ADW_PREFERENCES_GROUP (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesGroup *group = find_group (child, title);

      if (group != NULL)
        return group;
    }
  return NULL;
}

/* Labels reading @text that are drawn (mapped), under @widget. */
static guint
count_mapped_labels (GtkWidget  *widget,
                     const char *text)
{
  guint n = GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
            g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_mapped_labels (child, text);
  return n;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
configure (Fixture    *f,
           const char *token)
{
  GSettings *settings = vera_application_get_settings (f->app);

  g_setenv ("VERA_ANNOTATION_TOKEN", token, TRUE);
  g_settings_set_string (settings, "annotation-server", f->api);
  g_settings_set_string (settings, "annotation-group", GROUP);
}

static void
test_share_and_pull (Fixture       *f,
                     gconstpointer  data)
{
  VeraWindow *window = vera_ui_test_window (f->app);
  VeraProject *project;
  VeraClaim *en, *de, *zh;
  JsonObject *a;
  AdwActionRow *row;
  AdwPreferencesGroup *group;
  GListModel *list;

  vera_ui_test_open (window, f->project);
  project = vera_window_get_project (window);
  en = vera_project_find_claim (project, "f1-c1");
  de = vera_project_find_claim (project, "f2-c1");
  zh = vera_project_find_claim (project, "f3-c1");

  /* Without a server the actions do nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.share", NULL);
  vera_ui_test_spin (100);
  g_assert_null (window->adding_cancellable);
  g_assert_cmpuint (f->hyp.store->len, ==, 0);
  g_assert_false (vera_window_sharing_is_configured (window));

  /* Share: one annotation per reviewed claim (two with a status, one with only a note). */
  configure (f, "tok-ines");
  g_assert_true (vera_window_sharing_is_configured (window));
  run_action (window, "win.share");
  g_assert_cmpuint (count_by (f, "acct:ines@desk.test"), ==, 3);
  a = find_annotation (f, "acct:ines@desk.test", "The ferry carried 96,000 passengers in March.");
  g_assert_nonnull (a);
  g_assert_cmpstr (json_object_get_string_member (a, "uri"), ==, URL_EN);
  g_assert_cmpstr (json_object_get_string_member (a, "group"), ==, GROUP);
  g_assert_true (has_tag (a, "vera:status:supported"));
  g_assert_cmpstr (json_object_get_string_member (a, "text"), ==,
                   "Matches the operator's monthly report.");
  a = find_annotation (f, "acct:ines@desk.test", "Die Fähre beförderte im März 96.000 Fahrgäste.");
  g_assert_nonnull (a);
  g_assert_true (has_tag (a, "vera:status:contradicted"));
  g_assert_nonnull (find_annotation (f, "acct:ines@desk.test", "三月渡轮运送乘客9.6万人次。"));
  g_assert_nonnull (vera_claim_get_shared (en));

  /* Sharing again updates in place. */
  run_action (window, "win.share");
  g_assert_cmpuint (count_by (f, "acct:ines@desk.test"), ==, 3);

  /* Jun shares his verdicts; Ines pulls them. */
  share_as_colleague (f);
  g_assert_cmpuint (f->hyp.store->len, ==, 6);
  run_action (window, "win.pull");
  g_assert_cmpuint (vera_claim_get_reviews (en)->len, ==, 1);
  g_assert_cmpuint (vera_claim_get_reviews (de)->len, ==, 1);
  g_assert_cmpuint (vera_claim_get_reviews (zh)->len, ==, 1);
  /* Her own verdicts stay hers. */
  g_assert_cmpint (vera_claim_get_status (en), ==, VERA_STATUS_SUPPORTED);
  g_assert_cmpint (vera_claim_get_status (zh), ==, VERA_STATUS_UNREVIEWED);

  /* The inspector shows Jun's verdict on the claim where they disagree. */
  vera_window_select_claim (window, en);
  adw_flap_set_reveal_flap (window->inspector_flap, TRUE);
  vera_ui_test_spin (200);
  group = find_group (GTK_WIDGET (window->claim_inspector), "Colleagues");
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group),
                            "1 colleague reviewed this claim"));
  g_assert_nonnull (strstr (adw_preferences_group_get_description (group), "differ"));
  row = find_row (GTK_WIDGET (group), "jun@desk.test");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), "The port log counts 69,000."));
  {
    g_autofree char *status = vera_app_dup_status_text (VERA_STATUS_CONTRADICTED);

    g_assert_cmpuint (count_mapped_labels (GTK_WIDGET (row), status), ==, 1);
  }

  /* Where Jun agrees, or Ines has no verdict yet, nothing is said to differ. */
  vera_window_select_claim (window, de);
  vera_ui_test_spin (100);
  g_assert_null (strstr (adw_preferences_group_get_description (group), "differ"));
  g_assert_nonnull (find_row (GTK_WIDGET (group), "jun@desk.test"));
  vera_window_select_claim (window, zh);
  vera_ui_test_spin (100);
  g_assert_null (strstr (adw_preferences_group_get_description (group), "differ"));

  /* The claim list marks the one disagreement, and its filter keeps only that claim. */
  vera_window_select_claim (window, en);
  vera_claim_list_set_whole_project (window->claim_list, TRUE);
  adw_view_stack_set_visible_child_name (window->view_stack, "claims");
  vera_ui_test_settle_list (window);
  vera_ui_test_spin (300);
  g_assert_cmpuint (count_mapped_labels (GTK_WIDGET (window->claim_list), "≠"), ==, 1);
  vera_claim_list_set_disagreement_filter (window->claim_list, TRUE);
  vera_ui_test_settle_list (window);
  list = vera_claim_list_get_model (window->claim_list);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  {
    g_autoptr(VeraClaim) only = g_list_model_get_item (list, 0);

    g_assert_true (only == en);
  }
  /* Ines comes round to Jun's verdict: the disagreement is gone from the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.set-status", "u",
                                             VERA_STATUS_CONTRADICTED));
  vera_claim_list_set_disagreement_filter (window->claim_list, FALSE);
  vera_ui_test_settle_list (window);
  vera_ui_test_spin (300);
  g_assert_cmpuint (count_mapped_labels (GTK_WIDGET (window->claim_list), "≠"), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
  vera_ui_test_spin (20);
}

/* A token the server does not know: a dialog names the server and says what to do, and the
 * project keeps everything. */
static void
test_share_fault (Fixture       *f,
                  gconstpointer  data)
{
  VeraWindow *window = vera_ui_test_window (f->app);
  AdwMessageDialog *dialog;
  g_autofree char *host = NULL;
  gboolean dirty;

  vera_ui_test_open (window, f->project);
  configure (f, "tok-nobody");
  dirty = vera_project_get_dirty (vera_window_get_project (window));
  run_action (window, "win.share");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "127.0.0.1"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "API token"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Preferences"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "nothing was changed"));
  g_assert_cmpint (vera_project_get_dirty (vera_window_get_project (window)), ==, dirty);
  g_assert_null (vera_claim_get_shared (vera_project_find_claim (vera_window_get_project (window),
                                                                 "f1-c1")));
  g_assert_cmpuint (f->hyp.store->len, ==, 0);
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  vera_ui_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VeraApplication) app = NULL;

  /* Loopback only: no proxy lookup (the isolated XDG folders hide its settings). */
  g_setenv ("GIO_USE_PROXY_RESOLVER", "dummy", TRUE);
  vera_ui_test_init (&argc, &argv);
  app = vera_ui_test_app ();
  g_test_add ("/vera/ui/share/share-and-pull", Fixture, app, fixture_set_up, test_share_and_pull,
              fixture_tear_down);
  g_test_add ("/vera/ui/share/wrong-token", Fixture, app, fixture_set_up, test_share_fault,
              fixture_tear_down);
  return g_test_run ();
}
