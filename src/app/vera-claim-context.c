/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim-context"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-claim-context.h"
#include "vera-person.h"
#include "vera-factcheck.h"
#include "vera-net-service.h"
#include "vera-wikipedia.h"

struct _VeraClaimContext
{
  GtkWidget            parent_instance;

  VeraNetService      *net_service;
  VeraClaim           *claim;
  GCancellable        *cancellable;

  AdwPreferencesGroup *group;
  GtkLabel            *status;
  GPtrArray           *rows;      /* rows added to the group, to remove them again */
};

G_DEFINE_FINAL_TYPE (VeraClaimContext, vera_claim_context, GTK_TYPE_WIDGET)

static void
add_row (VeraClaimContext *self,
         GtkWidget        *row)
{
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

static void
open_clicked_cb (GtkButton *button)
{
  vera_app_open_uri (GTK_WIDGET (button), g_object_get_data (G_OBJECT (button), "uri"));
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle,
          const char *uri)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title ? title : "", -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  if (uri != NULL && (g_str_has_prefix (uri, "https://") || g_str_has_prefix (uri, "http://")))
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("web-browser-symbolic");

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Open in Browser"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Open in Browser"), -1);
      g_object_set_data_full (G_OBJECT (button), "uri", g_strdup (uri), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (open_clicked_cb), NULL);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
set_status (VeraClaimContext *self,
            const char       *text)
{
  gtk_label_set_text (self->status, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status), text != NULL && *text != '\0');
}

static void
clear_results (VeraClaimContext *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  set_status (self, "");
}


static void
searched_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = vera_factcheck_search_finish (VERA_NET_SERVICE (source), result, &error);
  VeraClaimContext *self = user_data;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, VERA_NET_ERROR, VERA_NET_ERROR_NO_API_KEY))
    {
      set_status (self, _("Searching earlier fact-checks needs a Google Fact Check Tools API key. "
                          "Add yours in Preferences, under Lookups."));
      return;
    }
  if (error != NULL)
    {
      set_status (self, error->message);
      return;
    }
  if (checks == NULL || checks->len == 0)
    {
      set_status (self, _("No earlier fact-check of this claim was found."));
      return;
    }
  for (guint i = 0; i < checks->len && i < 10; i++)
    {
      VeraFactCheck *check = g_ptr_array_index (checks, i);
      g_autofree char *subtitle = g_strdup_printf ("%s%s%s", check->publisher_name ? check->publisher_name : "",
                                                   check->textual_rating ? " · " : "",
                                                   check->textual_rating ? check->textual_rating : "");

      add_row (self, text_row (check->title ? check->title : check->claim_text, subtitle, check->url));
    }
  set_status (self, "");
}

static void
summary_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraWikiSummary) summary = vera_wikipedia_summary_finish (VERA_NET_SERVICE (source), result, &error);
  VeraClaimContext *self = user_data;
  g_autofree char *subtitle = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (summary == NULL)
    {
      set_status (self, error != NULL ? error->message : _("Wikipedia has no article by this name."));
      return;
    }
  subtitle = g_strdup_printf ("%s%s%s", summary->description ? summary->description : "",
                              summary->description ? "\n" : "", summary->extract ? summary->extract : "");
  add_row (self, text_row (summary->title, subtitle, summary->page_url));
}


void
vera_claim_context_search (VeraClaimContext *self)
{
  g_return_if_fail (VERA_IS_CLAIM_CONTEXT (self));

  clear_results (self);
  if (self->claim == NULL || self->net_service == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  set_status (self, _("Searching…"));
  {
    VeraArticle *article = vera_claim_get_article (self->claim);
    GPtrArray *people = vera_claim_get_people (self->claim);

    vera_factcheck_search_async (self->net_service, vera_claim_get_text (self->claim),
                                 article ? vera_article_get_language (article) : NULL,
                                 self->cancellable, searched_cb, self);
    for (guint i = 0; people != NULL && i < people->len; i++)
      {
        VeraPerson *person = g_ptr_array_index (people, i);

        vera_wikipedia_summary_async (self->net_service, person->name, NULL,
                                      self->cancellable, summary_cb, self);
      }
  }
}

const char *
vera_claim_context_get_status (VeraClaimContext *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM_CONTEXT (self), NULL);
  return gtk_label_get_text (self->status);
}

void
vera_claim_context_set_claim (VeraClaimContext *self,
                              VeraClaim        *claim)
{
  g_return_if_fail (VERA_IS_CLAIM_CONTEXT (self));

  if (self->claim == claim)
    return;
  clear_results (self);
  g_set_object (&self->claim, claim);
}

void
vera_claim_context_set_net_service (VeraClaimContext *self,
                                    VeraNetService   *net_service)
{
  g_return_if_fail (VERA_IS_CLAIM_CONTEXT (self));

  g_set_object (&self->net_service, net_service);
  gtk_widget_set_visible (GTK_WIDGET (self), net_service != NULL);
}

GtkWidget *
vera_claim_context_new (void)
{
  return g_object_new (VERA_TYPE_CLAIM_CONTEXT, NULL);
}

static void
vera_claim_context_dispose (GObject *object)
{
  VeraClaimContext *self = VERA_CLAIM_CONTEXT (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->claim);
  g_clear_object (&self->net_service);
  vera_app_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (vera_claim_context_parent_class)->dispose (object);
}

static void
vera_claim_context_finalize (GObject *object)
{
  VeraClaimContext *self = VERA_CLAIM_CONTEXT (object);

  g_ptr_array_unref (self->rows);
  G_OBJECT_CLASS (vera_claim_context_parent_class)->finalize (object);
}

static void
vera_claim_context_class_init (VeraClaimContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_claim_context_dispose;
  object_class->finalize = vera_claim_context_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vera_claim_context_init (VeraClaimContext *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Look Up Context"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->rows = g_ptr_array_new ();
  self->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->group, _("Context"));
  adw_preferences_group_set_description (self->group,
                                         _("Earlier fact-checks of this claim and Wikipedia on "
                                           "the people it names."));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (vera_claim_context_search), self);
  adw_preferences_group_set_header_suffix (self->group, button);
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->status, TRUE);
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->status), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
