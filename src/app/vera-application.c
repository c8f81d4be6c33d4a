/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-application"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "vera-analyzer.h"
#include "vera-application.h"
#include "vera-article.h"
#include "vera-preferences-window.h"
#include "vera-project.h"
#include "vera-secret.h"
#include "vera-window.h"
#include "vera-net-service.h"

struct _VeraApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  VeraNetService *net_service;
  VeraAnalyzer   *analyzer;
  /* VERA_EXIT_AFTER_FIRST_FRAME: print when the first window has painted its content, then quit
   * (for the start-up benchmark). */
  gboolean        exit_after_first_frame;
  gboolean        expect_content;
};

G_DEFINE_FINAL_TYPE (VeraApplication, vera_application, ADW_TYPE_APPLICATION)

GSettings *
vera_application_get_settings (VeraApplication *self)
{
  g_return_val_if_fail (VERA_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWidget     *window)
{
  VeraApplication *self = VERA_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  VeraProject *project = vera_window_get_project (VERA_WINDOW (window));

  if (self == NULL)
    return;
  if (self->expect_content && g_list_model_get_n_items (vera_project_get_articles (project)) == 0)
    return;
  g_print ("VERA_FIRST_FRAME %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);
  g_application_quit (G_APPLICATION (self));
}

static void
window_mapped_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), window, 0);
}

GtkWindow *
vera_application_new_window (VeraApplication *self)
{
  VeraWindow *window;

  g_return_val_if_fail (VERA_IS_APPLICATION (self), NULL);

  window = vera_window_new (GTK_APPLICATION (self), self->settings, self->net_service, self->analyzer);
  if (self->exit_after_first_frame)
    g_signal_connect (window, "map", G_CALLBACK (window_mapped_cb), NULL);
  return GTK_WINDOW (window);
}

static VeraWindow *
find_window_for (VeraApplication *self,
                 GFile           *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!VERA_IS_WINDOW (l->data))
        continue;
      shown = vera_project_get_file (vera_window_get_project (l->data));
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }
  return NULL;
}

static VeraWindow *
active_vera_window (VeraApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return VERA_IS_WINDOW (window) ? VERA_WINDOW (window) : NULL;
}

static void
vera_application_activate (GApplication *app)
{
  VeraApplication *self = VERA_APPLICATION (app);
  VeraWindow *window = active_vera_window (self);

  if (window == NULL)
    {
      window = VERA_WINDOW (vera_application_new_window (self));
      gtk_window_present (GTK_WINDOW (window));
      vera_window_check_recovery (window);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static gboolean
is_project (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".vera");
}

static void
vera_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  VeraApplication *self = VERA_APPLICATION (app);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  gboolean force_new = g_strcmp0 (hint, "new-window") == 0;
  VeraWindow *window;

  self->expect_content = TRUE;
  for (int i = 0; i < n_files; i++)
    {
      if (!is_project (files[i]))
        {
          g_ptr_array_add (articles, files[i]);
          continue;
        }
      window = find_window_for (self, files[i]);
      if (window == NULL)
        {
          window = active_vera_window (self);
          if (window == NULL || force_new || !vera_window_is_blank (window))
            window = VERA_WINDOW (vera_application_new_window (self));
          vera_window_open_files (window, &files[i], 1, NULL);
        }
      gtk_window_present (GTK_WINDOW (window));
    }
  if (articles->len > 0)
    {
      window = active_vera_window (self);
      if (window == NULL)
        window = VERA_WINDOW (vera_application_new_window (self));
      vera_window_open_files (window, (GFile **) articles->pdata, articles->len, NULL);
      gtk_window_present (GTK_WINDOW (window));
    }
}

/* App actions. */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  VeraApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window asks about its own unsaved changes. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *param,
                   gpointer       user_data)
{
  gtk_window_present (vera_application_new_window (user_data));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  VeraApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (vera_preferences_window_new (parent, self->settings, self->net_service)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  VeraApplication *self = user_data;
  static const char * const developers[] = { "The Vera developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Vera"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Vera developers"),
                        "developers", developers,
                        "comments", _("Vera helps fact-checkers review news articles: it finds the "
                                      "check-worthy claims, flags text that does not belong, lines up "
                                      "figures across articles and exports annotated reports."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Check-worthiness model"),
                                      _("Check-worthiness model trained on ClaimBuster (Arslan et al. "
                                        "2020), CC BY 4.0"),
                                      GTK_LICENSE_CUSTOM,
                                      _("The ClaimBuster dataset is published under the Creative "
                                        "Commons Attribution 4.0 licence."));
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "new-window", new_window_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

/* Style. */

static void
apply_style (VeraApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  const char *forced = g_getenv ("VERA_COLOR_SCHEME");
  g_autofree char *variant = g_settings_get_string (self->settings, "style-variant");

  if (forced != NULL && *forced != '\0')
    {
      g_free (variant);
      variant = g_strdup (forced);
    }
  if (g_str_equal (variant, "dark"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_str_equal (variant, "light"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_PREFER_LIGHT);
}

static void
api_key_found_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VeraApplication) self = user_data;
  g_autofree char *key = vera_secret_lookup_api_key_finish (result, NULL);

  if (key != NULL && self->net_service != NULL)
    vera_net_service_set_factcheck_api_key (self->net_service, key);
}

static void
create_net_service (VeraApplication *self)
{
  static const char * const bindings[][2] = {
    { "wayback-base-url", "wayback-base" },
    { "wikipedia-base-url", "wikipedia-base" },
    { "wikipedia-language", "wikipedia-language" },
    { "factcheck-base-url", "factcheck-base" },
  };

  self->net_service = vera_net_service_new ();
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_settings_bind (self->settings, bindings[i][0], self->net_service, bindings[i][1],
                     G_SETTINGS_BIND_GET);
  vera_secret_lookup_api_key_async (NULL, api_key_found_cb, g_object_ref (self));
}

static void
vera_application_startup (GApplication *app)
{
  VeraApplication *self = VERA_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  static const char * const quit_accels[] = { "<Control>q", NULL };
  static const char * const preferences_accels[] = { "<Control>comma", NULL };
  static const char * const new_window_accels[] = { "<Control>n", NULL };

  G_APPLICATION_CLASS (vera_application_parent_class)->startup (app);

  gtk_window_set_default_icon_name (APP_ID);
  self->settings = g_settings_new (BASE_APP_ID);
  g_signal_connect_object (self->settings, "changed::style-variant", G_CALLBACK (apply_style),
                           self, G_CONNECT_SWAPPED);
  apply_style (self);

  self->analyzer = vera_analyzer_new (&error);
  if (self->analyzer == NULL)
    g_warning ("The claim analyser could not be loaded: %s", error->message);
  create_net_service (self);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
}

static void
vera_application_dispose (GObject *object)
{
  VeraApplication *self = VERA_APPLICATION (object);

  g_clear_object (&self->analyzer);
  g_clear_object (&self->net_service);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (vera_application_parent_class)->dispose (object);
}

static void
vera_application_class_init (VeraApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = vera_application_dispose;
  app_class->activate = vera_application_activate;
  app_class->open = vera_application_open;
  app_class->startup = vera_application_startup;
}

static void
vera_application_init (VeraApplication *self)
{
  self->exit_after_first_frame = g_strcmp0 (g_getenv ("VERA_EXIT_AFTER_FIRST_FRAME"), "1") == 0;
}

VeraApplication *
vera_application_new (const char        *application_id,
                      GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (VERA_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}
