/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-preferences"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-preferences-window.h"
#include "vera-secret.h"
#include "vera-net-service.h"

struct _VeraPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  VeraNetService       *net_service;
  GCancellable         *cancellable;

  GCancellable         *token_cancellable;

  AdwEntryRow          *annotation_group_row;
  AdwComboRow          *annotation_protocol_row;
  AdwEntryRow          *annotation_server_row;
  AdwPasswordEntryRow  *annotation_token_row;
  GtkLabel             *annotation_token_status;
  AdwPasswordEntryRow  *api_key_row;
  GtkLabel             *api_key_status;
  GtkSwitch            *fetch_switch;
  AdwEntryRow          *factcheck_row;
  GtkSpinButton        *import_size_spin;
  AdwEntryRow          *organisation_row;
  AdwEntryRow          *organisation_url_row;
  AdwEntryRow          *reviewer_row;
  AdwComboRow          *style_row;
  GtkSpinButton        *threshold_spin;
  AdwEntryRow          *wayback_row;
  AdwEntryRow          *wikipedia_language_row;
  AdwEntryRow          *wikipedia_row;
};

G_DEFINE_FINAL_TYPE (VeraPreferencesWindow, vera_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
set_key_status (VeraPreferencesWindow *self,
                const char            *text)
{
  gtk_label_set_text (self->api_key_status, text);
}

static void
key_stored_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VeraPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vera_secret_store_api_key_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_key_status (self, error->message);
      return;
    }
  set_key_status (self, _("The key is kept in your keyring."));
}

static void
api_key_apply_cb (VeraPreferencesWindow *self)
{
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->api_key_row));

  if (self->net_service != NULL)
    vera_net_service_set_factcheck_api_key (self->net_service, *key ? key : NULL);
  vera_secret_store_api_key_async (key, self->cancellable, key_stored_cb, g_object_ref (self));
}

static void
key_found_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(VeraPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = vera_secret_lookup_api_key_finish (result, &error);

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_key_status (self, error->message);
      return;
    }
  if (key != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->api_key_row), key);
      set_key_status (self, _("The key is kept in your keyring."));
    }
}

/* The annotation server token: one a server, in the keyring; VERA_ANNOTATION_TOKEN wins. */

static void
set_token_status (VeraPreferencesWindow *self,
                  const char            *text)
{
  gtk_label_set_text (self->annotation_token_status, text);
}

static gboolean
token_from_environment (VeraPreferencesWindow *self)
{
  const char *env = g_getenv ("VERA_ANNOTATION_TOKEN");

  if (env == NULL || *env == '\0')
    return FALSE;
  set_token_status (self, _("VERA_ANNOTATION_TOKEN is set, so Vera uses it for every server and "
                            "ignores the token entered here."));
  return TRUE;
}

static void
token_stored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VeraPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vera_secret_store_token_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_token_status (self, error->message);
      return;
    }
  if (!token_from_environment (self))
    set_token_status (self, *gtk_editable_get_text (GTK_EDITABLE (self->annotation_token_row))
                            ? _("The token is kept in your keyring.")
                            : _("The token was removed from your keyring."));
}

static void
annotation_token_apply_cb (VeraPreferencesWindow *self)
{
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->annotation_token_row));
  g_autofree char *server = g_strstrip (g_settings_get_string (self->settings, "annotation-server"));

  if (*server == '\0')
    {
      set_token_status (self, _("Enter the server address first: the token is kept for it."));
      return;
    }
  vera_secret_store_token_async (server, token, self->cancellable, token_stored_cb,
                                 g_object_ref (self));
}

static void
token_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VeraPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = vera_secret_lookup_token_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->annotation_token_row), token != NULL ? token : "");
  if (token_from_environment (self))
    return;
  if (error != NULL)
    set_token_status (self, error->message);
  else if (token != NULL)
    set_token_status (self, _("The token is kept in your keyring."));
#if HAVE_LIBSECRET
  else
    set_token_status (self, _("Sharing needs the API token of your account on the server."));
#endif
}

static void
annotation_server_changed_cb (VeraPreferencesWindow *self)
{
  g_autofree char *server = g_strstrip (g_settings_get_string (self->settings, "annotation-server"));

  g_cancellable_cancel (self->token_cancellable);
  g_clear_object (&self->token_cancellable);
  gtk_editable_set_text (GTK_EDITABLE (self->annotation_token_row), "");
  if (*server == '\0')
    {
#if HAVE_LIBSECRET
      if (!token_from_environment (self))
        set_token_status (self, "");
#endif
      return;
    }
  self->token_cancellable = g_cancellable_new ();
  vera_secret_lookup_token_async (server, self->token_cancellable, token_found_cb,
                                  g_object_ref (self));
}

static gboolean
protocol_to_selected (GValue   *value,
                      GVariant *variant,
                      gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "w3c") ? 1 : 0);
  return TRUE;
}

static GVariant *
selected_to_protocol (const GValue       *value,
                      const GVariantType *type,
                      gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "w3c" : "hypothesis");
}

static gboolean
style_to_selected (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_str_equal (nick, "light") ? 1 : g_str_equal (nick, "dark") ? 2 : 0);
  return TRUE;
}

static GVariant *
selected_to_style (const GValue       *value,
                   const GVariantType *type,
                   gpointer            user_data)
{
  static const char * const nicks[] = { "default", "light", "dark" };
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (nicks[MIN (selected, 2)]);
}

static void
bind_settings (VeraPreferencesWindow *self)
{
  static const struct {
    const char *key;
    gsize       offset;
  } entries[] = {
    { "reviewer-name", G_STRUCT_OFFSET (VeraPreferencesWindow, reviewer_row) },
    { "organisation", G_STRUCT_OFFSET (VeraPreferencesWindow, organisation_row) },
    { "organisation-url", G_STRUCT_OFFSET (VeraPreferencesWindow, organisation_url_row) },
    { "wayback-base-url", G_STRUCT_OFFSET (VeraPreferencesWindow, wayback_row) },
    { "wikipedia-base-url", G_STRUCT_OFFSET (VeraPreferencesWindow, wikipedia_row) },
    { "wikipedia-language", G_STRUCT_OFFSET (VeraPreferencesWindow, wikipedia_language_row) },
    { "factcheck-base-url", G_STRUCT_OFFSET (VeraPreferencesWindow, factcheck_row) },
    { "annotation-server", G_STRUCT_OFFSET (VeraPreferencesWindow, annotation_server_row) },
    { "annotation-group", G_STRUCT_OFFSET (VeraPreferencesWindow, annotation_group_row) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      GObject *row = G_STRUCT_MEMBER (GObject *, self, entries[i].offset);

      g_settings_bind (self->settings, entries[i].key, row, "text", G_SETTINGS_BIND_DEFAULT);
    }
  g_settings_bind (self->settings, "claim-threshold",
                   gtk_spin_button_get_adjustment (self->threshold_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "max-import-size-mb",
                   gtk_spin_button_get_adjustment (self->import_size_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "fetch-references-automatically", self->fetch_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "style-variant", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, style_to_selected, selected_to_style,
                                NULL, NULL);
  g_settings_bind_with_mapping (self->settings, "annotation-protocol",
                                self->annotation_protocol_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, protocol_to_selected,
                                selected_to_protocol, NULL, NULL);
  g_signal_connect_object (self->settings, "changed::annotation-server",
                           G_CALLBACK (annotation_server_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
vera_preferences_window_new (GtkWindow *parent,
                             GSettings *settings,
                             VeraNetService *net_service)
{
  VeraPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VERA_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);
  g_set_object (&self->net_service, net_service);
  bind_settings (self);
  vera_secret_lookup_api_key_async (self->cancellable, key_found_cb, g_object_ref (self));
  annotation_server_changed_cb (self);
  return GTK_WIDGET (self);
}

static void
vera_preferences_window_dispose (GObject *object)
{
  VeraPreferencesWindow *self = VERA_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->token_cancellable);
  g_clear_object (&self->token_cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->net_service);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (vera_preferences_window_parent_class)->dispose (object);
}

static void
vera_preferences_window_class_init (VeraPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/vera-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, annotation_group_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, annotation_protocol_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, annotation_server_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, annotation_token_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, annotation_token_status);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, api_key_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, api_key_status);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, factcheck_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, fetch_switch);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, import_size_spin);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, organisation_url_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, threshold_spin);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, wayback_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, wikipedia_language_row);
  gtk_widget_class_bind_template_child (widget_class, VeraPreferencesWindow, wikipedia_row);
  gtk_widget_class_bind_template_callback (widget_class, annotation_token_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, api_key_apply_cb);
}

static void
vera_preferences_window_init (VeraPreferencesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
#if !HAVE_LIBSECRET
  set_key_status (self, _("This build of Vera cannot use the keyring, so the key is not kept."));
  set_token_status (self, _("This build of Vera cannot use the keyring: set VERA_ANNOTATION_TOKEN "
                            "to your API token before starting Vera."));
#endif
}
