/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "vera-article.h"
#include "vera-file-util.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-window-private.h"

/* Work is never lost: VeraRecovery (src/core/io) writes the copies; the window asks whether to
 * restore one. */

VeraRecovery *
vera_window_get_recovery (VeraWindow *self)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), NULL);
  return self->recovery;
}

char *
vera_window_dup_recovery_path (VeraWindow *self)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), NULL);
  return vera_recovery_dup_path (self->recovery);
}

char *
vera_window_dup_file_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

gboolean
vera_window_restore_recovery (VeraWindow  *self,
                              GError     **error)
{
  g_autoptr(VeraProject) restored = vera_recovery_restore (self->recovery, error);

  if (restored == NULL)
    return FALSE;
  vera_window_set_project (self, restored);
  vera_window_toast (self, _("Unsaved changes restored"), FALSE);
  return TRUE;
}

static void
restore_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     VeraWindow       *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "restore"))
    {
      if (!vera_window_restore_recovery (self, &error))
        vera_window_show_error (self, _("Could Not Restore Unsaved Changes"), error);
    }
  else if (g_str_equal (response, "discard"))
    vera_recovery_discard (self->recovery);
}

void
vera_window_check_recovery (VeraWindow *self)
{
  GFile *file;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_if_fail (VERA_IS_WINDOW (self));

  if (!vera_recovery_find_copy (self->recovery))
    return;
  file = vera_project_get_file (self->project);
  if (file != NULL)
    {
      g_autofree char *name = g_file_get_basename (file);

      body = g_strdup_printf (_("Vera closed without saving the latest changes to “%s”. "
                                "Restore them from the recovery copy?"), name);
    }
  else
    body = g_strdup (_("Vera closed without saving a project that was never saved. "
                       "Restore it from the recovery copy?"));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Restore Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
