/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-reference-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-reference.h"
#include "vera-reference-row.h"
#include "vera-vocabulary.h"

struct _VeraReferenceRow
{
  AdwActionRow   parent_instance;

  VeraReference *reference;
  GtkImage      *health_icon;
  GtkWidget     *archive_button;
};

G_DEFINE_FINAL_TYPE (VeraReferenceRow, vera_reference_row, ADW_TYPE_ACTION_ROW)

static const char *
field (VeraReferenceRow   *self,
       VeraReferenceField  which)
{
  const char *value = vera_reference_get_field (self->reference, which);

  return value != NULL && *value ? value : NULL;
}

static void
update (VeraReferenceRow *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  VeraLinkHealth health = vera_reference_get_health (self->reference);
  const char *title = field (self, VERA_REFERENCE_TITLE);
  const char *parts[] = {
    field (self, VERA_REFERENCE_SITE_NAME),
    field (self, VERA_REFERENCE_AUTHOR),
    field (self, VERA_REFERENCE_PUBLISHED),
  };
  g_autofree char *escaped_title = NULL;
  const char *icon;

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (parts[i] != NULL)
      g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "", parts[i]);
  if (subtitle->len == 0 || title == NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                            vera_reference_get_url (self->reference));
  g_string_append_printf (subtitle, "\n%s", vera_link_health_get_label (health));
  if (field (self, VERA_REFERENCE_ERROR) != NULL && health != VERA_LINK_HEALTH_OK)
    g_string_append_printf (subtitle, ": %s", field (self, VERA_REFERENCE_ERROR));
  if (field (self, VERA_REFERENCE_ARCHIVE_URL) != NULL)
    g_string_append_printf (subtitle, " · %s", _("archived copy available"));

  /* The row shows markup; every part comes from the web, so escape it all. */
  escaped_title = g_markup_escape_text (title != NULL ? title : vera_reference_get_url (self->reference), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), escaped_title);
  {
    g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self), escaped);
  }

  switch (health)
    {
    case VERA_LINK_HEALTH_OK:
      icon = "emblem-ok-symbolic";
      break;
    case VERA_LINK_HEALTH_UNKNOWN:
      icon = "content-loading-symbolic";
      break;
    default:
      icon = "dialog-warning-symbolic";
      break;
    }
  gtk_image_set_from_icon_name (self->health_icon, icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->health_icon), vera_link_health_get_label (health));
  gtk_widget_set_visible (self->archive_button, field (self, VERA_REFERENCE_ARCHIVE_URL) != NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  VeraReferenceRow *self = VERA_REFERENCE_ROW (widget);
  gboolean archive = g_str_equal (action_name, "reference.open-archive");

  vera_app_open_uri (widget, archive ? field (self, VERA_REFERENCE_ARCHIVE_URL)
                                     : vera_reference_get_url (self->reference));
}

static void
forward_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VeraReferenceRow *self = VERA_REFERENCE_ROW (widget);
  const char *target = g_str_equal (action_name, "reference.remove")
                       ? "win.remove-reference" : "win.recheck-reference";

  gtk_widget_activate_action (widget, target, "s", vera_reference_get_url (self->reference));
}

static GtkWidget *
add_button (VeraReferenceRow *self,
            const char       *icon,
            const char       *tooltip,
            const char       *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), button);
  return button;
}

GtkWidget *
vera_reference_row_new (VeraReference *reference)
{
  VeraReferenceRow *self;

  g_return_val_if_fail (VERA_IS_REFERENCE (reference), NULL);

  self = g_object_new (VERA_TYPE_REFERENCE_ROW, NULL);
  self->reference = g_object_ref (reference);
  g_signal_connect_object (reference, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

VeraReference *
vera_reference_row_get_reference (VeraReferenceRow *self)
{
  g_return_val_if_fail (VERA_IS_REFERENCE_ROW (self), NULL);
  return self->reference;
}

static void
vera_reference_row_dispose (GObject *object)
{
  VeraReferenceRow *self = VERA_REFERENCE_ROW (object);

  g_clear_object (&self->reference);
  G_OBJECT_CLASS (vera_reference_row_parent_class)->dispose (object);
}

static void
vera_reference_row_class_init (VeraReferenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_reference_row_dispose;
  gtk_widget_class_install_action (widget_class, "reference.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "reference.open-archive", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "reference.recheck", NULL, forward_action);
  gtk_widget_class_install_action (widget_class, "reference.remove", NULL, forward_action);
}

static void
vera_reference_row_init (VeraReferenceRow *self)
{
  self->health_icon = GTK_IMAGE (gtk_image_new ());
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), GTK_WIDGET (self->health_icon));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 3);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (self), 2);
  add_button (self, "web-browser-symbolic", _("Open in Browser"), "reference.open");
  self->archive_button = add_button (self, "document-open-recent-symbolic", _("Open Archived Copy"),
                                     "reference.open-archive");
  add_button (self, "view-refresh-symbolic", _("Check Again"), "reference.recheck");
  add_button (self, "user-trash-symbolic", _("Remove Reference"), "reference.remove");
}
