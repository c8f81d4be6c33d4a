/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-export-dialog.h"
#include "vera-file-util.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-export.h"

struct _VeraExportDialog
{
  AdwWindow     parent_instance;

  VeraProject  *project;
  GSettings    *settings;

  AdwComboRow  *format_row;
  AdwComboRow  *scope_row;
  GtkSwitch    *findings_switch;
  GtkSwitch    *conflicts_switch;
  GtkSwitch    *references_switch;
};

G_DEFINE_FINAL_TYPE (VeraExportDialog, vera_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static const char *
format_extension (guint format)
{
  return vera_export_format_get_extension (format);
}

gboolean
vera_export_dialog_export_to (VeraExportDialog  *self,
                              GFile             *file,
                              GError           **error)
{
  g_autofree char *path = g_file_get_path (file);
  guint format = adw_combo_row_get_selected (self->format_row);

  g_return_val_if_fail (VERA_IS_EXPORT_DIALOG (self), FALSE);

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Reports can only be exported to a local folder"));
      return FALSE;
    }
  {
    VeraExportOptions options;
    g_autofree char *organisation = g_settings_get_string (self->settings, "organisation");
    g_autofree char *organisation_url = g_settings_get_string (self->settings, "organisation-url");
    g_autofree char *reviewer = g_settings_get_string (self->settings, "reviewer-name");

    vera_export_options_init (&options);
    options.reviewed_only = adw_combo_row_get_selected (self->scope_row) == 1;
    options.include_findings = gtk_switch_get_active (self->findings_switch);
    options.include_conflicts = gtk_switch_get_active (self->conflicts_switch);
    options.include_references = gtk_switch_get_active (self->references_switch);
    options.organisation_name = *organisation ? organisation : NULL;
    options.organisation_url = *organisation_url ? organisation_url : NULL;
    options.reviewer = *reviewer ? reviewer : NULL;
    if (!vera_export_project (self->project, format, &options, path, NULL, error))
      return FALSE;
  }
  g_signal_emit (self, signals [EXPORTED], 0, file);
  return TRUE;
}

static void
file_chosen_cb (GtkNativeDialog  *native,
                int               response,
                VeraExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autoptr(GError) error = NULL;

      if (vera_export_dialog_export_to (self, file, &error))
        gtk_window_destroy (GTK_WINDOW (self));
      else
        {
          GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Export"),
                                                      error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_clicked_cb (VeraExportDialog *self)
{
  GtkFileChooserNative *native;
  g_autofree char *name = vera_project_dup_display_name (self->project);
  g_autofree char *stem = g_str_has_suffix (name, ".vera") ? g_strndup (name, strlen (name) - 5)
                                                           : g_strdup (name);
  g_autofree char *suggested = NULL;
  guint format = adw_combo_row_get_selected (self->format_row);

  /* Translators: the suggested file name of an export, "PROJECT-report.html". */
  suggested = g_strdup_printf (_("%s-report.%s"), stem, format_extension (format));
  native = gtk_file_chooser_native_new (_("Export Report"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  g_signal_connect_object (native, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
vera_export_dialog_set_format (VeraExportDialog *self,
                               guint             format)
{
  g_return_if_fail (VERA_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (self->format_row, format);
}

VeraExportDialog *
vera_export_dialog_new (GtkWindow   *parent,
                        VeraProject *project,
                        GSettings   *settings)
{
  VeraExportDialog *self;

  g_return_val_if_fail (VERA_IS_PROJECT (project), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VERA_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->project = g_object_ref (project);
  self->settings = g_object_ref (settings);
  return self;
}

static void
vera_export_dialog_dispose (GObject *object)
{
  VeraExportDialog *self = VERA_EXPORT_DIALOG (object);

  g_clear_object (&self->project);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (vera_export_dialog_parent_class)->dispose (object);
}

static void
vera_export_dialog_class_init (VeraExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_export_dialog_dispose;

  signals [EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/vera-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraExportDialog, conflicts_switch);
  gtk_widget_class_bind_template_child (widget_class, VeraExportDialog, findings_switch);
  gtk_widget_class_bind_template_child (widget_class, VeraExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, VeraExportDialog, references_switch);
  gtk_widget_class_bind_template_child (widget_class, VeraExportDialog, scope_row);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vera_export_dialog_init (VeraExportDialog *self)
{
  g_autoptr(GtkStringList) formats = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint f = 0; f < VERA_EXPORT_N_FORMATS; f++)
    gtk_string_list_append (formats, vera_export_format_get_label (f));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (formats));
}
