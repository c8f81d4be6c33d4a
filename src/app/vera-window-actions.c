/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-claim.h"
#include "vera-export-dialog.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-project-settings.h"
#include "vera-reference.h"
#include "vera-vocabulary.h"
#include "vera-window-private.h"
#include "vera-window-sharing.h"
#include "vera-import.h"

/* File choosers. */

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *const *patterns,
            const char     *const *mime_types)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  for (guint i = 0; mime_types != NULL && mime_types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (filter, mime_types[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
add_encoding_choice (GtkFileChooser *chooser)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  g_ptr_array_add (ids, (gpointer) "auto");
  g_ptr_array_add (labels, (gpointer) _("Detect (UTF-8 or UTF-16)"));
  for (const char * const *enc = vera_import_list_encodings (); enc != NULL && *enc != NULL; enc++)
    {
      g_ptr_array_add (ids, (gpointer) *enc);
      g_ptr_array_add (labels, (gpointer) vera_import_encoding_label (*enc));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);
  gtk_file_chooser_add_choice (chooser, "encoding", _("Character encoding:"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (chooser, "encoding", "auto");
}

static const char * const article_patterns[] = { "*.txt", "*.text", "*.html", "*.htm", "*.xhtml", NULL };
static const char * const article_types[] = { "text/plain", "text/html", "application/xhtml+xml", NULL };
static const char * const project_patterns[] = { "*.vera", NULL };

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  VeraWindow      *self)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (dialog);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) array = g_ptr_array_new_with_free_func (g_object_unref);
  const char *encoding;
  gboolean articles_only = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "articles-only"));

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  files = gtk_file_chooser_get_files (chooser);
  encoding = gtk_file_chooser_get_choice (chooser, "encoding");
  if (g_strcmp0 (encoding, "auto") == 0)
    encoding = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (array, g_list_model_get_item (files, i));
  if (articles_only)
    vera_window_add_article_files (self, array, encoding);
  else
    vera_window_open_files (self, (GFile **) array->pdata, array->len, encoding);
out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
show_open_dialog (VeraWindow *self,
                  gboolean    articles_only)
{
  GtkFileChooserNative *native;
  GtkFileChooser *chooser;

  native = gtk_file_chooser_native_new (articles_only ? _("Add Articles") : _("Open"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        articles_only ? _("_Add") : _("_Open"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (native);
  gtk_file_chooser_set_select_multiple (chooser, TRUE);
  if (!articles_only)
    {
      static const char * const all_patterns[] = { "*.vera", "*.txt", "*.text", "*.html", "*.htm",
                                                   "*.xhtml", NULL };

      add_filter (chooser, _("Projects and Articles"), all_patterns, article_types);
      add_filter (chooser, _("Vera Projects"), project_patterns, NULL);
    }
  add_filter (chooser, _("Articles (Text and Web Pages)"), article_patterns, article_types);
  add_encoding_choice (chooser);
  g_object_set_data (G_OBJECT (native), "articles-only", GINT_TO_POINTER (articles_only));
  g_signal_connect_object (native, "response", G_CALLBACK (open_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  show_open_dialog (VERA_WINDOW (widget), FALSE);
}

static void
add_articles_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  show_open_dialog (VERA_WINDOW (widget), TRUE);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_string (param, NULL));

  vera_window_load_project (VERA_WINDOW (widget), file);
}

/* Open a web page. */

static void
open_url_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      VeraWindow       *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_str_equal (response, "open") && *url != '\0')
    vera_window_add_url (self, url);
}

static void
url_entry_changed_cb (GtkEditable      *entry,
                      AdwMessageDialog *dialog)
{
  const char *text = gtk_editable_get_text (entry);

  adw_message_dialog_set_response_enabled (dialog, "open",
                                           g_str_has_prefix (text, "http://") ||
                                           g_str_has_prefix (text, "https://"));
}

static void
open_url_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Open Web Page"),
                                   _("Vera fetches the page, keeps its main text and finds its "
                                     "claims. Enter an address starting with https://."));
  entry = gtk_entry_new ();
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Web address"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "open", FALSE);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (url_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_url_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Saving. */

/* A save runs as a GTask on the window: through the "file changed on disk" question or the
 * file chooser when needed, then vera_project_save_async(). It returns FALSE with
 * G_IO_ERROR_CANCELLED when the reviewer cancelled a dialog; other errors were shown. */

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VeraWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;

  if (!vera_project_save_finish (VERA_PROJECT (source), result, &error))
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Save “%s”"), name);

      vera_window_show_error (self, heading, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The copy goes once the file holds everything; a change made during the write keeps it. */
  if (!vera_project_get_dirty (VERA_PROJECT (source)))
    vera_recovery_discard (self->recovery);
  g_free (self->file_etag);
  self->file_etag = vera_window_dup_file_etag (file);
  vera_window_add_recent (self, file);
  vera_window_update_title (self);
  {
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
    vera_window_toast (self, message, FALSE);
  }
  g_task_return_boolean (task, TRUE);
}

static void
save_to (VeraWindow *self,
         GFile      *file,
         GTask      *task)
{
  g_assert (VERA_IS_WINDOW (self));
  g_assert (G_IS_FILE (file));
  g_assert (G_IS_TASK (task));

  vera_claim_inspector_commit_note (self->claim_inspector);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  vera_project_save_async (self->project, file, g_task_get_cancellable (task), saved_cb, task);
}

static void
return_cancelled (GTask *task)
{
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Saving was cancelled");
  g_object_unref (task);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     GTask           *task)
{
  VeraWindow *self = g_task_get_source_object (task);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (chosen);
      g_autofree char *with_suffix = g_str_has_suffix (path, ".vera") ? g_strdup (path)
                                                                      : g_strconcat (path, ".vera", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (with_suffix);

      save_to (self, file, task);
    }
  else
    return_cancelled (task);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Takes @task. */
static void
show_save_as_dialog (VeraWindow *self,
                     GTask      *task)
{
  GtkFileChooserNative *native;
  g_autofree char *name = vera_project_dup_display_name (self->project);
  g_autofree char *suggested = NULL;

  native = gtk_file_chooser_native_new (_("Save Project"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  suggested = g_str_has_suffix (name, ".vera") ? g_strdup (name) : g_strconcat (name, ".vera", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested);
  add_filter (GTK_FILE_CHOOSER (native), _("Vera Projects"), project_patterns, NULL);
  g_signal_connect (native, "response", G_CALLBACK (save_as_response_cb), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
overwrite_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       GTask            *task)
{
  VeraWindow *self = g_task_get_source_object (task);

  if (g_str_equal (response, "overwrite"))
    save_to (self, vera_project_get_file (self->project), task);
  else if (g_str_equal (response, "save-as"))
    show_save_as_dialog (self, task);
  else
    return_cancelled (task);
}

void
vera_window_save_async (VeraWindow          *self,
                        gboolean             choose_file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  GFile *file;
  g_autofree char *etag = NULL;

  g_return_if_fail (VERA_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_window_save_async);
  file = vera_project_get_file (self->project);
  if (file == NULL || choose_file)
    {
      show_save_as_dialog (self, task);
      return;
    }
  /* Another program may have saved the file since we read it: ask before overwriting. */
  etag = vera_window_dup_file_etag (file);
  if (self->file_etag != NULL && etag != NULL && g_strcmp0 (etag, self->file_etag) != 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *body = g_strdup_printf (_("Another program saved “%s” after you opened it. "
                                                 "Saving now replaces its changes with yours."), name);
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("File Changed on Disk"), body);

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "save-as", _("Save _As…"),
                                        "overwrite", _("_Overwrite"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save-as");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect (dialog, "response", G_CALLBACK (overwrite_response_cb), task);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  save_to (self, file, task);
}

gboolean
vera_window_save_finish (VeraWindow    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
save_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  /* Errors were shown where they happened; cancelling a dialog needs no word. */
  vera_window_save_finish (VERA_WINDOW (source), result, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  vera_window_save_async (VERA_WINDOW (widget), FALSE, NULL, save_done_cb, NULL);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  vera_window_save_async (VERA_WINDOW (widget), TRUE, NULL, save_done_cb, NULL);
}

static void
exported_cb (VeraWindow *self,
             GFile      *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  vera_window_toast (self, message, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  VeraExportDialog *dialog;

  vera_claim_inspector_commit_note (self->claim_inspector);
  dialog = vera_export_dialog_new (GTK_WINDOW (self), self->project, self->settings);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
project_settings_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (vera_project_settings_new (GTK_WINDOW (self), self->project)));
}

/* Closing. */

static void
close_after_save_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  VeraWindow *self = VERA_WINDOW (source);

  if (vera_window_save_finish (self, result, NULL))
    {
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
confirm_close_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           VeraWindow       *self)
{
  if (g_str_equal (response, "save"))
    vera_window_save_async (self, FALSE, NULL, close_after_save_cb, NULL);
  else if (g_str_equal (response, "discard"))
    {
      vera_recovery_discard (self->recovery);
      self->closing_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
confirm_close_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  g_autofree char *name = vera_project_dup_display_name (self->project);
  g_autofree char *body = g_strdup_printf (_("“%s” has unsaved changes. Changes you do not save "
                                             "are lost."), name);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_close_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Review. */

static void
move_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  int delta = g_str_equal (action_name, "win.next-claim") ? 1 : -1;
  VeraClaim *claim = vera_claim_list_get_neighbour (self->claim_list, delta);

  if (claim != NULL)
    vera_window_select_claim (self, claim);
  else
    gtk_widget_error_bell (widget);
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  guint status = g_variant_get_uint32 (param);
  g_autofree char *message = NULL;

  if (self->claim == NULL)
    {
      vera_window_toast (self, _("Select a claim first: press J for the next one"), FALSE);
      return;
    }
  if (status >= VERA_N_STATUSES || vera_claim_get_status (self->claim) == status)
    return;
  vera_project_set_claim_status (self->project, self->claim, status);
  /* Translators: a toast after a review action, "Marked “Supported”". */
  message = g_strdup_printf (_("Marked “%s”"), vera_status_get_label (status));
  vera_window_toast (self, message, TRUE);
}

static void
history_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  gboolean undo = g_str_equal (action_name, "win.undo");
  VeraClaim *claim;

  vera_claim_inspector_commit_note (self->claim_inspector);
  claim = undo ? vera_project_undo (self->project) : vera_project_redo (self->project);
  if (claim != NULL)
    vera_window_select_claim (self, claim);
}

static void
focus_note_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);

  if (self->claim == NULL)
    return;
  adw_flap_set_reveal_flap (self->inspector_flap, TRUE);
  vera_claim_inspector_focus_note (self->claim_inspector);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, "claims");
  vera_claim_list_focus_search (self->claim_list);
}

static void
select_claim_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  VeraClaim *claim = vera_project_find_claim (self->project, g_variant_get_string (param, NULL));

  if (claim != NULL)
    {
      vera_window_select_claim (self, claim);
      adw_view_stack_set_visible_child_name (self->view_stack, "article");
    }
}

static VeraReference *
find_reference (VeraClaim  *claim,
                const char *url)
{
  GListModel *references = vera_claim_get_references (claim);

  for (guint i = 0; i < g_list_model_get_n_items (references); i++)
    {
      g_autoptr(VeraReference) reference = g_list_model_get_item (references, i);

      if (g_strcmp0 (vera_reference_get_url (reference), url) == 0)
        return reference;
    }
  return NULL;
}

static void
add_reference_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  const char *url = g_variant_get_string (param, NULL);
  g_autoptr(VeraReference) reference = NULL;

  if (self->claim == NULL)
    return;
  if (find_reference (self->claim, url) != NULL)
    {
      vera_window_toast (self, _("This reference is already attached"), FALSE);
      return;
    }
  reference = vera_reference_new (url);
  vera_project_add_reference (self->project, self->claim, reference);
  vera_window_toast (self, _("Reference added"), TRUE);
  if (g_settings_get_boolean (self->settings, "fetch-references-automatically"))
    gtk_widget_activate_action (widget, "win.recheck-reference", "s", url);
}

static void
remove_reference_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  VeraReference *reference;

  if (self->claim == NULL)
    return;
  reference = find_reference (self->claim, g_variant_get_string (param, NULL));
  if (reference == NULL)
    return;
  vera_project_remove_reference (self->project, self->claim, reference);
  vera_window_toast (self, _("Reference removed"), TRUE);
}

static void
recheck_reference_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  VeraReference *reference = self->claim ? find_reference (self->claim, g_variant_get_string (param, NULL))
                                         : NULL;

  if (reference != NULL)
    vera_window_fetch_reference (self, reference);
}

static void
check_references_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  vera_window_check_all_references (VERA_WINDOW (widget));
}

/* Navigation. */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  const char *name = g_variant_get_string (param, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  adw_leaflet_navigate (VERA_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
cancel_adding_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  vera_window_cancel_adding (VERA_WINDOW (widget));
}

static void
restore_recovery_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  g_autoptr(GError) error = NULL;

  if (!vera_window_restore_recovery (VERA_WINDOW (widget), &error))
    vera_window_show_error (VERA_WINDOW (widget), _("Could Not Restore Unsaved Changes"), error);
}

void
vera_window_rebuild_recent_menu (VeraWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target_value (item, "win.open-recent", g_variant_new_string (recent[i]));
      g_menu_append_item (self->recent_menu, item);
    }
  if (recent[0] == NULL)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Projects"), "win.none");

      g_menu_append_item (self->recent_menu, item);
    }
}

void
vera_window_update_actions (VeraWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_articles = self->project != NULL &&
                          g_list_model_get_n_items (vera_project_get_articles (self->project)) > 0;

  gtk_widget_action_set_enabled (widget, "win.undo", self->project && vera_project_get_can_undo (self->project));
  gtk_widget_action_set_enabled (widget, "win.redo", self->project && vera_project_get_can_redo (self->project));
  gtk_widget_action_set_enabled (widget, "win.export", has_articles);
  gtk_widget_action_set_enabled (widget, "win.focus-note", self->claim != NULL);
  gtk_widget_action_set_enabled (widget, "win.cancel-adding", self->adding_cancellable != NULL);
  vera_window_update_sharing (self);
}

void
vera_window_class_init_actions (GtkWidgetClass *widget_class)
{
  static const guint number_keys[VERA_N_STATUSES][2] = {
    { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 }, { GDK_KEY_3, GDK_KEY_KP_3 },
    { GDK_KEY_4, GDK_KEY_KP_4 }, { GDK_KEY_5, GDK_KEY_KP_5 }, { GDK_KEY_6, GDK_KEY_KP_6 },
    { GDK_KEY_7, GDK_KEY_KP_7 }, { GDK_KEY_8, GDK_KEY_KP_8 },
  };

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.add-articles", NULL, add_articles_action);
  gtk_widget_class_install_action (widget_class, "win.open-url", NULL, open_url_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.project-settings", NULL,
                                   project_settings_action);
  gtk_widget_class_install_action (widget_class, "win.confirm-close", NULL, confirm_close_action);
  gtk_widget_class_install_action (widget_class, "win.next-claim", NULL, move_claim_action);
  gtk_widget_class_install_action (widget_class, "win.previous-claim", NULL, move_claim_action);
  gtk_widget_class_install_action (widget_class, "win.set-status", "u", set_status_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, history_action);
  gtk_widget_class_install_action (widget_class, "win.focus-note", NULL, focus_note_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.select-claim", "s", select_claim_action);
  gtk_widget_class_install_action (widget_class, "win.add-reference", "s", add_reference_action);
  gtk_widget_class_install_action (widget_class, "win.remove-reference", "s", remove_reference_action);
  gtk_widget_class_install_action (widget_class, "win.recheck-reference", "s", recheck_reference_action);
  gtk_widget_class_install_action (widget_class, "win.check-references", NULL, check_references_action);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-adding", NULL, cancel_adding_action);
  gtk_widget_class_install_action (widget_class, "win.restore-recovery", NULL, restore_recovery_action);
  /* Stateful, so that the language menu shows the current language as a radio item. */
  gtk_widget_class_install_property_action (widget_class, "win.set-article-language", "article-language");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-articles", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.open-url", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_y, GDK_CONTROL_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "win.next-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "win.previous-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, 0, "win.focus-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "win.focus-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "article");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "claims");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "conflicts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    for (guint k = 0; k < 2; k++)
      gtk_widget_class_add_binding_action (widget_class, number_keys[s][k], 0, "win.set-status", "u", s);
}
