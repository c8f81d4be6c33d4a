/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-reference.h"
#include "vera-ui-test-util.h"

/* Opening a web page and checking a reference, against a SoupServer on 127.0.0.1 only. */

static const char page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>Port handles record cargo</title>"
  "<meta property=\"og:site_name\" content=\"Harbour Times\">"
  "<meta name=\"author\" content=\"Ana Ruiz\"></head><body><nav>Home | News</nav><article>"
  "<p>The port handled 4.2 million containers in 2023, up 12% from 2022, the port authority said.</p>"
  "<p>The city spent $300 million on the berth, the largest investment in its history.</p>"
  "</article><footer>Copyright</footer></body></html>";

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           data)
{
  if (g_str_equal (path, "/page.html"))
    {
      soup_server_message_set_status (msg, 200, NULL);
      soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                        page, strlen (page));
    }
  else
    soup_server_message_set_status (msg, 404, NULL);
}

static char *
start_server (SoupServer **server)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  char *base;

  *server = soup_server_new (NULL, NULL);
  soup_server_add_handler (*server, NULL, serve_cb, NULL, NULL);
  soup_server_listen (*server, address, 0, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (*server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  return base;
}

/* Starts the server and points every lookup service at it too (no test talks to the internet);
 * returns the page's address. */
static char *
serve_page (VeraApplication  *app,
            SoupServer      **server)
{
  g_autofree char *base = start_server (server);
  GSettings *settings = vera_application_get_settings (app);

  g_settings_set_string (settings, "wayback-base-url", base);
  g_settings_set_string (settings, "wikipedia-base-url", base);
  g_settings_set_string (settings, "factcheck-base-url", base);
  return g_strconcat (base, base[strlen (base) - 1] == '/' ? "" : "/", "page.html", NULL);
}

static gboolean
has_article (gpointer window)
{
  return g_list_model_get_n_items (vera_project_get_articles (vera_window_get_project (window))) > 0;
}

static gboolean
reference_checked (gpointer reference)
{
  return vera_reference_get_health (reference) != VERA_LINK_HEALTH_UNKNOWN;
}

static gboolean
context_answered (gpointer context)
{
  const char *status = vera_claim_context_get_status (context);

  return strstr (status, "API key") != NULL;
}

static void
test_open_url_and_reference (gconstpointer data)
{
  VeraApplication *app = (VeraApplication *) data;
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *url = NULL;
  g_autoptr(VeraArticle) article = NULL;
  VeraReference *reference;
  VeraWindow *window;
  VeraClaim *claim;
  VeraClaimContext *context;

  url = serve_page (app, &server);
  window = vera_ui_test_window (app);

  vera_window_add_url (window, url);
  g_assert_true (vera_ui_test_wait (has_article, window, 30000));
  article = g_list_model_get_item (vera_project_get_articles (vera_window_get_project (window)), 0);
  g_assert_cmpstr (vera_article_get_title (article), ==, "Port handles record cargo");
  g_assert_cmpstr (vera_article_get_publisher (article), ==, "Harbour Times");
  g_assert_null (g_strstr_len (vera_article_get_text (article), -1, "Copyright"));
  g_assert_cmpuint (vera_article_get_n_claims (article), >, 0);

  /* Attach the page as a reference to the first claim; it is checked right away. */
  vera_ui_test_settle_list (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-claim", NULL));
  claim = vera_window_get_claim (window);
  g_assert_nonnull (claim);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-reference", "s", url));
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);
  reference = g_list_model_get_item (vera_claim_get_references (claim), 0);
  g_object_unref (reference);
  g_assert_true (vera_ui_test_wait (reference_checked, reference, 30000));
  g_assert_cmpint (vera_reference_get_health (reference), ==, VERA_LINK_HEALTH_OK);
  g_assert_cmpstr (vera_reference_get_title (reference), ==, "Port handles record cargo");

  /* Context: without an API key the fact-check search explains itself instead of failing. */
  context = vera_claim_inspector_get_context (window->claim_inspector);
  vera_claim_context_search (context);
  g_assert_true (vera_ui_test_wait (context_answered, context, 30000));
  g_assert_nonnull (strstr (vera_claim_context_get_status (context), "API key"));

  /* Removing it is a review action with undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.remove-reference", "s", url));
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  vera_ui_test_spin (20);
}

static gboolean
has_two_articles (gpointer window)
{
  return g_list_model_get_n_items (vera_project_get_articles (vera_window_get_project (window))) == 2;
}

static gboolean
has_two_references (gpointer claim)
{
  return g_list_model_get_n_items (vera_claim_get_references (claim)) == 2;
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop_text (GtkDropTarget *target,
           const char    *text)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  return handled;
}

/* A link dropped or pasted onto the claim inspector becomes a reference of the selected claim;
 * dropped anywhere else on the window it opens as an article. */
static void
test_drop_and_paste_link (gconstpointer data)
{
  VeraApplication *app = (VeraApplication *) data;
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *url = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *pasted = NULL;
  GtkWidget *inspector;
  GtkDropTarget *target;
  VeraWindow *window;
  VeraClaim *claim;

  url = serve_page (app, &server);
  dropped = g_strconcat (url, "?dropped", NULL);
  pasted = g_strconcat (url, "?pasted", NULL);
  window = vera_ui_test_window (app);
  vera_window_add_url (window, url);
  g_assert_true (vera_ui_test_wait (has_article, window, 30000));
  vera_ui_test_settle_list (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-claim", NULL));
  claim = vera_window_get_claim (window);
  g_assert_nonnull (claim);

  /* Dropped onto the inspector, with spaces around it as some browsers send it. */
  inspector = GTK_WIDGET (window->claim_inspector);
  target = find_drop_target (inspector);
  g_assert_nonnull (target);
  {
    g_autofree char *padded = g_strconcat (" ", dropped, "\r\n", NULL);

    g_assert_true (drop_text (target, padded));
  }
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vera_project_get_articles (vera_window_get_project (window))), ==, 1);
  /* Text that is not a link is refused. */
  g_assert_false (drop_text (target, "the port authority said"));
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);

  /* Pasted (Ctrl+V in the inspector). */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (inspector), "  not a link  ");
  g_assert_true (gtk_widget_activate_action (inspector, "inspector.paste-link", NULL));
  vera_ui_test_spin (200);
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (inspector), pasted);
  g_assert_true (gtk_widget_activate_action (inspector, "inspector.paste-link", NULL));
  g_assert_true (vera_ui_test_wait (has_two_references, claim, 5000));
  {
    g_autoptr(VeraReference) reference = g_list_model_get_item (vera_claim_get_references (claim), 1);

    g_assert_cmpstr (vera_reference_get_url (reference), ==, pasted);
  }
  /* Undo takes the pasted reference away again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);

  /* The same link dropped on the window opens as an article. */
  g_assert_true (drop_text (window->drop_target, dropped));
  g_assert_true (vera_ui_test_wait (has_two_articles, window, 30000));
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  vera_ui_test_spin (20);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VeraApplication) app = NULL;

  vera_ui_test_init (&argc, &argv);
  app = vera_ui_test_app ();
  g_test_add_data_func ("/vera/ui/web/open-url-and-reference", app, test_open_url_and_reference);
  g_test_add_data_func ("/vera/ui/web/drop-and-paste-link", app, test_drop_and_paste_link);
  return g_test_run ();
}
