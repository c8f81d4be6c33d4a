/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-language.h"
#include "vera-project.h"
#include "vera-window-private.h"

/* The article's language: the header shows it and win.set-article-language changes it. A new
 * language means a new analysis (figures, quotes and sources are read per language), made on a
 * copy of the article in a thread and applied as one undoable project action. */

typedef struct
{
  VeraAnalyzer *analyzer;
  VeraArticle  *article;    /* the project's, only touched on the main thread */
  VeraArticle  *copy;       /* analysed in the thread */
  char         *language;
  GPtrArray    *claims;
  GPtrArray    *findings;
} Reanalysis;

static void
reanalysis_free (Reanalysis *data)
{
  g_clear_object (&data->analyzer);
  g_clear_object (&data->article);
  g_clear_object (&data->copy);
  g_free (data->language);
  g_clear_pointer (&data->claims, g_ptr_array_unref);
  g_clear_pointer (&data->findings, g_ptr_array_unref);
  g_free (data);
}

static GPtrArray *
dup_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static void
reanalyse_thread (GTask        *task,
                  gpointer      source,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Reanalysis *data = task_data;
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  vera_analyzer_analyze_article (data->analyzer, data->copy);
  data->claims = dup_items (vera_article_get_claims (data->copy));
  data->findings = dup_items (vera_article_get_findings (data->copy));
  /* Detach the claims from the copy, so that they belong to the project's article only. */
  vera_article_replace_analysis (data->copy, none, none);
  g_task_return_boolean (task, TRUE);
}

static void
reanalysed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(VeraWindow) self = vera_window_dup_from_cancellable (cancellable);
  Reanalysis *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (self == NULL)
    return;
  vera_window_end_progress (self, cancellable);
  /* Cancelled, or the project was closed meanwhile: nothing to apply. */
  if (g_cancellable_is_cancelled (cancellable) ||
      vera_project_find_article (self->project, vera_article_get_id (data->article)) != data->article)
    return;
  vera_project_set_article_language (self->project, data->article, data->language,
                                     data->claims, data->findings);
  name = vera_app_dup_language_name (data->language);
  /* Translators: a toast after the reviewer changed an article's language; %s is "Deutsch". */
  message = g_strdup_printf (_("Analysed again as %s"), name);
  vera_window_toast (self, message, TRUE);
}

static void
reanalyse (VeraWindow  *self,
           VeraArticle *article,
           const char  *language)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = vera_app_dup_language_name (language);
  g_autofree char *label = NULL;
  Reanalysis *data;

  /* Translators: the progress strip while an article is analysed in the language the reviewer
   * chose; the first %s is its title, the second the language ("Deutsch"). */
  label = g_strdup_printf (_("Analysing “%s” as %s…"), vera_article_get_title (article), name);
  vera_window_begin_progress (self, label);
  gtk_progress_bar_pulse (self->progress_bar);

  data = g_new0 (Reanalysis, 1);
  data->analyzer = vera_analyzer_new_for_project (self->analyzer, self->project);
  data->article = g_object_ref (article);
  data->language = g_strdup (language);
  data->copy = vera_article_new (vera_article_get_id (article), vera_article_get_source (article),
                                 vera_article_get_text (article));
  vera_article_set_title (data->copy, vera_article_get_title (article));
  vera_article_set_publisher (data->copy, vera_article_get_publisher (article));
  vera_article_set_author (data->copy, vera_article_get_author (article));
  vera_article_set_published (data->copy, vera_article_get_published (article));
  vera_article_set_language (data->copy, language);

  task = g_task_new (NULL, self->adding_cancellable, reanalysed_cb,
                     g_object_ref (self->adding_cancellable));
  g_task_set_source_tag (task, reanalyse);
  g_task_set_task_data (task, data, (GDestroyNotify) reanalysis_free);
  g_task_run_in_thread (task, reanalyse_thread);
}

/* Review work that a new analysis sets aside: a verdict, a note or a reference. */
static guint
count_reviewed (VeraArticle *article)
{
  GListModel *claims = vera_article_get_claims (article);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
      const char *note = vera_claim_get_note (claim);

      if (vera_claim_get_status (claim) != VERA_STATUS_UNREVIEWED ||
          (note != NULL && *note != '\0') || vera_claim_get_n_references (claim) > 0)
        n++;
    }
  return n;
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     VeraWindow       *self)
{
  VeraArticle *article = g_object_get_data (G_OBJECT (dialog), "article");
  const char *language = g_object_get_data (G_OBJECT (dialog), "language");

  if (g_str_equal (response, "change") &&
      vera_project_find_article (self->project, vera_article_get_id (article)) == article)
    reanalyse (self, article, language);
}

/* A language tag as BCP 47 spells it: letters, digits and hyphens ("de", "zh-Hant"). */
static gboolean
is_language_tag (const char *tag)
{
  gsize n = strlen (tag);

  if (n == 0 || n > 35 || !g_ascii_isalpha (tag[0]))
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (tag[i]) && tag[i] != '-')
      return FALSE;
  return TRUE;
}

void
vera_window_request_article_language (VeraWindow *self,
                                      const char *language)
{
  VeraArticle *article;
  const char *current;
  const char *tag;
  guint reviewed;

  g_return_if_fail (VERA_IS_WINDOW (self));

  article = self->article;
  if (article == NULL || language == NULL)
    return;
  current = vera_article_get_language (article);
  /* "other" is the menu's key for every language Vera does not analyse; one of those already
   * set stays as it is, otherwise "mis" (ISO 639: no code of its own) records it. */
  if (g_str_equal (language, "other"))
    tag = vera_language_from_tag (current) == VERA_LANGUAGE_OTHER ? current : "mis";
  else
    tag = language;
  if (!is_language_tag (tag))
    {
      g_warning ("win.set-article-language: “%s” is not a language tag (\"en\", \"de\", \"zh\", "
                 "\"other\" or another BCP 47 tag)", language);
      return;
    }
  /* The same language analyses the same way; a regional variant keeps the tag it has. */
  if (vera_language_from_tag (tag) == vera_language_from_tag (current) &&
      (vera_language_from_tag (tag) != VERA_LANGUAGE_OTHER || g_ascii_strcasecmp (tag, current) == 0))
    return;
  if (self->analyzer == NULL)
    {
      vera_window_toast (self, _("The claim analyser could not be loaded; see the messages in the "
                                 "terminal."), FALSE);
      return;
    }

  reviewed = count_reviewed (article);
  if (reviewed > 0)
    {
      g_autofree char *name = vera_app_dup_language_name (tag);
      g_autofree char *body = NULL;
      GtkWidget *dialog;

      /* Translators: asked before an article with review work is analysed again in another
       * language; the first %s is the article's title, the second the language, %u a count. */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "“%s” will be analysed again as %s. Its claims are "
                                           "found anew: the verdict, note and references of its "
                                           "%u reviewed claim are set aside. Undo brings them back.",
                                           "“%s” will be analysed again as %s. Its claims are "
                                           "found anew: the verdicts, notes and references of its "
                                           "%u reviewed claims are set aside. Undo brings them back.",
                                           reviewed),
                              vera_article_get_title (article), name, reviewed);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Change the Article’s Language?"), body);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "change", _("C_hange Language"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                                  ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "article", g_object_ref (article), g_object_unref);
      g_object_set_data_full (G_OBJECT (dialog), "language", g_strdup (tag), g_free);
      g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  reanalyse (self, article, tag);
}

const char *
vera_window_get_article_language (VeraWindow *self)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), "und");
  return vera_app_language_key (self->article != NULL ? vera_article_get_language (self->article)
                                                      : NULL);
}

void
vera_window_update_language (VeraWindow *self)
{
  const char *tag = self->article != NULL ? vera_article_get_language (self->article) : NULL;
  g_autofree char *chip = vera_app_dup_language_chip (tag);
  g_autofree char *name = vera_app_dup_language_name (tag);
  g_autofree char *tooltip = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->language_button), self->article != NULL);
  /* Translators: the header button that shows and changes the article's language, before
   * the language is known. Keep it short. */
  gtk_menu_button_set_label (self->language_button, chip != NULL ? chip : C_("language button", "Language"));
  /* Translators: the tooltip of that button; %s is the language, "Deutsch". */
  tooltip = g_strdup_printf (_("Article Language: %s"), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->language_button), tooltip);
}

/* After a language change, its undo or its redo: the conflicts follow the new figures, and the
 * reviewer stays on the claim at the same place if the new analysis has one there. */
void
vera_window_article_reanalysed (VeraWindow  *self,
                                VeraArticle *article)
{
  g_return_if_fail (VERA_IS_WINDOW (self));

  if (self->analyzer != NULL)
    vera_analyzer_link_project (self->analyzer, self->project);
  if (self->claim != NULL && vera_claim_get_article (self->claim) != article &&
      self->article == article)
    {
      GListModel *claims = vera_article_get_claims (article);
      guint start = vera_claim_get_start (self->claim);
      g_autoptr(VeraClaim) same = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (claims) && same == NULL; i++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);

          if (vera_claim_get_start (claim) == start)
            same = g_steal_pointer (&claim);
        }
      vera_window_select_claim (self, same);
    }
}
