/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-article-row"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-article-row.h"

struct _VeraArticleRow
{
  GtkWidget       parent_instance;

  VeraArticle    *article;

  GtkLabel       *count_label;
  GtkLabel       *language_label;
  GtkLevelBar    *progress;
  GtkLabel       *source_label;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (VeraArticleRow, vera_article_row, GTK_TYPE_WIDGET)

static void
update_counts (VeraArticleRow *self)
{
  guint n = vera_article_get_n_claims (self->article);
  guint reviewed = vera_article_get_n_reviewed (self->article);
  g_autofree char *text = NULL;

  if (n == 0)
    text = g_strdup (_("No claims"));
  else
    /* Translators: the review progress of an article in the sidebar, "3 of 12 claims reviewed". */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u claim reviewed",
                                         "%u of %u claims reviewed", n), reviewed, n);
  gtk_label_set_text (self->count_label, text);
  gtk_level_bar_set_value (self->progress, n > 0 ? (double) reviewed / n : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->progress), n > 0);
}

static void
update_language (VeraArticleRow *self)
{
  const char *tag = vera_article_get_language (self->article);
  g_autofree char *chip = vera_app_dup_language_chip (tag);
  g_autofree char *name = vera_app_dup_language_name (tag);
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (self->language_label, chip != NULL ? chip : "");
  gtk_widget_set_visible (GTK_WIDGET (self->language_label), chip != NULL);
  /* Translators: the tooltip of the language label in the article list, "Language: Deutsch". */
  tooltip = g_strdup_printf (_("Language: %s"), name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->language_label), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->language_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
}

static void
update_title (VeraArticleRow *self)
{
  const char *title = vera_article_get_title (self->article);
  const char *publisher = vera_article_get_publisher (self->article);
  const char *source = vera_article_get_source (self->article);
  g_autofree char *basename = NULL;

  gtk_label_set_text (self->title_label, title != NULL && *title ? title : _("Untitled Article"));
  if (publisher == NULL || *publisher == '\0')
    {
      if (source != NULL && strstr (source, "://") == NULL)
        basename = g_path_get_basename (source);
      publisher = basename != NULL ? basename : source;
    }
  gtk_label_set_text (self->source_label, publisher != NULL ? publisher : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), source);
}

void
vera_article_row_set_article (VeraArticleRow *self,
                              VeraArticle    *article)
{
  g_return_if_fail (VERA_IS_ARTICLE_ROW (self));

  if (self->article == article)
    return;
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (self->article, self);
  g_set_object (&self->article, article);
  if (article == NULL)
    return;
  g_signal_connect_object (article, "notify::n-claims", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (article, "notify::n-reviewed", G_CALLBACK (update_counts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (article, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (article, "notify::language", G_CALLBACK (update_language), self, G_CONNECT_SWAPPED);
  update_title (self);
  update_language (self);
  update_counts (self);
}

VeraArticle *
vera_article_row_get_article (VeraArticleRow *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE_ROW (self), NULL);
  return self->article;
}

GtkWidget *
vera_article_row_new (void)
{
  return g_object_new (VERA_TYPE_ARTICLE_ROW, NULL);
}

static void
vera_article_row_dispose (GObject *object)
{
  VeraArticleRow *self = VERA_ARTICLE_ROW (object);

  vera_article_row_set_article (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_ARTICLE_ROW);
  vera_app_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (vera_article_row_parent_class)->dispose (object);
}

static void
vera_article_row_class_init (VeraArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_article_row_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/vera-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraArticleRow, count_label);
  gtk_widget_class_bind_template_child (widget_class, VeraArticleRow, language_label);
  gtk_widget_class_bind_template_child (widget_class, VeraArticleRow, progress);
  gtk_widget_class_bind_template_child (widget_class, VeraArticleRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, VeraArticleRow, title_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vera_article_row_init (VeraArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
