/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-article-row.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-window-private.h"
#include "vera-window-sharing.h"

G_DEFINE_FINAL_TYPE (VeraWindow, vera_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_NET_SERVICE,
  PROP_ANALYZER,
  PROP_PROJECT,
  PROP_ARTICLE,
  PROP_CLAIM,
  PROP_ARTICLE_LANGUAGE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Feedback. */

void
vera_window_toast (VeraWindow *self,
                   const char *title,
                   gboolean    with_undo)
{
  AdwToast *toast;

  g_return_if_fail (VERA_IS_WINDOW (self));

  toast = adw_toast_new (title);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (with_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
vera_window_show_error (VeraWindow   *self,
                        const char   *heading,
                        const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (VERA_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
vera_window_update_title (VeraWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (VERA_IS_WINDOW (self));

  name = vera_project_dup_display_name (self->project);
  title = vera_project_get_dirty (self->project) ? g_strdup_printf ("• %s", name) : g_strdup (name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_view_switcher_title_set_title (self->switcher_title, title);
  adw_view_switcher_title_set_subtitle (self->switcher_title,
                                        self->article ? vera_article_get_title (self->article) : NULL);
}

/* Selection: the window holds the current article and claim (:article, :claim); the text, the
 * list and the inspector are bound to them (vera_window_init), the sidebar follows here. */

static guint
article_position (VeraWindow  *self,
                  VeraArticle *article)
{
  GListModel *articles = vera_project_get_articles (self->project);
  guint n = g_list_model_get_n_items (articles);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraArticle) item = g_list_model_get_item (articles, i);

      if (item == article)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
article_language_changed_cb (VeraWindow *self)
{
  vera_window_update_language (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE_LANGUAGE]);
}

void
vera_window_select_article (VeraWindow  *self,
                            VeraArticle *article)
{
  g_return_if_fail (VERA_IS_WINDOW (self));

  if (self->article == article)
    return;
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_func (self->article, article_language_changed_cb, self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (article, "notify::language", G_CALLBACK (article_language_changed_cb),
                             self, G_CONNECT_SWAPPED);
  article_language_changed_cb (self);
  /* The sidebar's selection calls back here, and finds the article current already. */
  gtk_single_selection_set_selected (self->article_selection, article_position (self, article));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE]);
  if (self->claim != NULL && vera_claim_get_article (self->claim) != article)
    vera_window_select_claim (self, NULL);
  vera_window_update_title (self);
}

void
vera_window_select_claim (VeraWindow *self,
                          VeraClaim  *claim)
{
  g_return_if_fail (VERA_IS_WINDOW (self));

  if (claim != NULL && vera_claim_get_article (claim) != self->article)
    vera_window_select_article (self, vera_claim_get_article (claim));
  if (!g_set_object (&self->claim, claim))
    return;
  vera_window_restore_references (self, claim);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM]);
  vera_window_update_actions (self);
}

static void
claim_chosen_cb (VeraWindow *self,
                 VeraClaim  *claim)
{
  vera_window_select_claim (self, claim);
  if (adw_flap_get_folded (self->inspector_flap) && claim != NULL)
    adw_flap_set_reveal_flap (self->inspector_flap, TRUE);
}

static void
article_selection_changed_cb (VeraWindow *self)
{
  VeraArticle *article = gtk_single_selection_get_selected_item (self->article_selection);

  if (article != NULL)
    vera_window_select_article (self, article);
}

static void
article_activated_cb (VeraWindow *self,
                      guint       position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  adw_view_stack_set_visible_child_name (self->view_stack, "article");
}

static void
folded_changed_cb (VeraWindow *self)
{
  /* Unfolding shows both panes; folding starts on the content the user was looking at. */
  if (adw_leaflet_get_folded (self->leaflet) && self->article != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      adw_leaflet_set_visible_child_name (self->leaflet, "content");
      /* Focus left in the hidden sidebar would swallow the review keys. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->article_list)) == FALSE &&
          focus != GTK_WIDGET (self->article_list))
        return;
      gtk_widget_grab_focus (GTK_WIDGET (vera_article_view_get_text_view (self->article_view)));
    }
}

static void
setup_article_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item)
{
  gtk_list_item_set_child (item, vera_article_row_new ());
}

static void
bind_article_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  vera_article_row_set_article (VERA_ARTICLE_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
unbind_article_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item)
{
  vera_article_row_set_article (VERA_ARTICLE_ROW (gtk_list_item_get_child (item)), NULL);
}

/* The project. */

static void
update_main_stack (VeraWindow *self)
{
  guint n = g_list_model_get_n_items (vera_project_get_articles (self->project));
  gboolean was_empty = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "empty") == 0;

  gtk_stack_set_visible_child_name (self->main_stack, n > 0 ? "review" : "empty");
  /* Arriving at the review, start in the article list so arrow keys and J/K work at once. */
  if (was_empty && n > 0)
    gtk_widget_grab_focus (adw_leaflet_get_folded (self->leaflet)
                           ? GTK_WIDGET (vera_article_view_get_text_view (self->article_view))
                           : GTK_WIDGET (self->article_list));
  if (n > 0 && self->article == NULL)
    {
      g_autoptr(VeraArticle) first = g_list_model_get_item (vera_project_get_articles (self->project), 0);

      vera_window_select_article (self, first);
    }
}

/* A copy holds the note being typed too. */
static void
recovery_prepare_cb (VeraWindow *self)
{
  vera_claim_inspector_commit_note (self->claim_inspector);
}

static void
project_changed_cb (VeraWindow *self)
{
  vera_window_update_title (self);
  vera_window_update_actions (self);
}

void
vera_window_set_project (VeraWindow  *self,
                         VeraProject *project)
{
  g_return_if_fail (VERA_IS_WINDOW (self));
  g_return_if_fail (VERA_IS_PROJECT (project));

  if (self->project == project)
    return;
  vera_window_cancel_adding (self);
  vera_claim_inspector_commit_note (self->claim_inspector);
  if (self->project != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->project, self);
      g_signal_handlers_disconnect_by_data (vera_project_get_articles (self->project), self);
    }
  vera_window_select_claim (self, NULL);
  vera_window_select_article (self, NULL);
  g_set_object (&self->project, project);
  vera_recovery_set_project (self->recovery, project);
  g_clear_pointer (&self->file_etag, g_free);
  if (vera_project_get_file (project) != NULL)
    self->file_etag = vera_window_dup_file_etag (vera_project_get_file (project));

  gtk_single_selection_set_model (self->article_selection, vera_project_get_articles (project));
  /* The list, the inspector and the conflicts follow before the first article is selected. */
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT]);
  g_signal_connect_object (project, "notify::dirty", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::file", G_CALLBACK (vera_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "article-reanalysed", G_CALLBACK (vera_window_article_reanalysed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (vera_project_get_articles (project), "items-changed",
                           G_CALLBACK (update_main_stack), self, G_CONNECT_SWAPPED);
  update_main_stack (self);
  vera_window_update_title (self);
  vera_window_update_actions (self);
}

VeraProject *
vera_window_get_project (VeraWindow *self)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), NULL);
  return self->project;
}

VeraClaim *
vera_window_get_claim (VeraWindow *self)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), NULL);
  return self->claim;
}

VeraArticle *
vera_window_get_article (VeraWindow *self)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), NULL);
  return self->article;
}

gboolean
vera_window_is_blank (VeraWindow *self)
{
  g_return_val_if_fail (VERA_IS_WINDOW (self), FALSE);

  return vera_project_get_file (self->project) == NULL && !vera_project_get_dirty (self->project) &&
         g_list_model_get_n_items (vera_project_get_articles (self->project)) == 0 &&
         self->adding_cancellable == NULL;
}

static gboolean
is_project_file (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".vera");
}

void
vera_window_open_files (VeraWindow  *self,
                        GFile      **files,
                        guint        n_files,
                        const char  *encoding)
{
  g_autoptr(GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (VERA_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    {
      if (is_project_file (files[i]))
        vera_window_load_project (self, files[i]);
      else
        g_ptr_array_add (articles, g_object_ref (files[i]));
    }
  if (articles->len > 0)
    vera_window_add_article_files (self, articles, encoding);
}

void
vera_window_add_recent (VeraWindow *self,
                        GFile      *file)
{
  g_auto(GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) result = NULL;
  guint n = 1;

  if (path == NULL)
    return;
  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < 10; i++)
    if (g_strcmp0 (recent[i], path) != 0)
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) result);
}

/* Drag and drop: files open as in the open dialog, text that is a web address opens as a page. */
static gboolean
drop_cb (VeraWindow    *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = g_value_get_boxed (value);
      g_autoptr(GPtrArray) files = g_ptr_array_new ();

      for (GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, l->data);
      if (files->len == 0)
        return FALSE;
      vera_window_open_files (self, (GFile **) files->pdata, files->len, NULL);
      return TRUE;
    }
  if (G_VALUE_HOLDS_STRING (value))
    {
      g_autofree char *url = vera_app_dup_web_address (g_value_get_string (value));

      if (url != NULL)
        {
          vera_window_add_url (self, url);
          return TRUE;
        }
    }
  return FALSE;
}

/* GObject. */

VeraWindow *
vera_window_new (GtkApplication *application,
                 GSettings      *settings,
                 VeraNetService *net_service,
                 VeraAnalyzer   *analyzer)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (VERA_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "net-service", net_service,
                       "analyzer", analyzer,
                       NULL);
}

static gboolean
vera_window_close_request (GtkWindow *window)
{
  VeraWindow *self = VERA_WINDOW (window);

  vera_claim_inspector_commit_note (self->claim_inspector);
  if (!self->closing_confirmed && vera_project_get_dirty (self->project))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.confirm-close", NULL);
      return TRUE;
    }
  vera_window_cancel_adding (self);
  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  return GTK_WINDOW_CLASS (vera_window_parent_class)->close_request (window);
}

static void
vera_window_constructed (GObject *object)
{
  VeraWindow *self = VERA_WINDOW (object);
  g_autoptr(VeraProject) project = vera_project_new ();

  G_OBJECT_CLASS (vera_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  g_signal_connect_object (self->settings, "changed::recent-projects",
                           G_CALLBACK (vera_window_rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  vera_window_rebuild_recent_menu (self);
  vera_claim_inspector_set_net_service (self->claim_inspector, self->net_service);
  /* Preferences hold the threshold of new projects; a project keeps its own. */
  vera_project_set_claim_threshold (project, g_settings_get_double (self->settings,
                                                                    "claim-threshold"));
  vera_project_mark_saved (project);
  vera_window_set_project (self, project);
  vera_window_init_sharing (self);
}

static void
vera_window_dispose (GObject *object)
{
  VeraWindow *self = VERA_WINDOW (object);

  vera_window_cancel_adding (self);
  if (self->recovery != NULL)
    vera_recovery_set_project (self->recovery, NULL);
  g_clear_object (&self->recovery);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_WINDOW);
  g_clear_object (&self->claim);
  g_clear_object (&self->article);
  g_clear_object (&self->project);
  g_clear_object (&self->article_selection);
  g_clear_object (&self->settings);
  g_clear_object (&self->net_service);
  g_clear_object (&self->analyzer);
  G_OBJECT_CLASS (vera_window_parent_class)->dispose (object);
}

static void
vera_window_finalize (GObject *object)
{
  VeraWindow *self = VERA_WINDOW (object);

  g_free (self->file_etag);
  G_OBJECT_CLASS (vera_window_parent_class)->finalize (object);
}

static void
vera_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  VeraWindow *self = VERA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_NET_SERVICE:
      g_value_set_object (value, self->net_service);
      break;
    case PROP_ANALYZER:
      g_value_set_object (value, self->analyzer);
      break;
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;
    case PROP_ARTICLE_LANGUAGE:
      g_value_set_string (value, vera_window_get_article_language (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  VeraWindow *self = VERA_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_NET_SERVICE:
      self->net_service = g_value_dup_object (value);
      break;
    case PROP_ANALYZER:
      self->analyzer = g_value_dup_object (value);
      break;
    case PROP_ARTICLE:
      vera_window_select_article (self, g_value_get_object (value));
      break;
    case PROP_CLAIM:
      vera_window_select_claim (self, g_value_get_object (value));
      break;
    case PROP_ARTICLE_LANGUAGE:
      vera_window_request_article_language (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_window_class_init (VeraWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = vera_window_constructed;
  object_class->dispose = vera_window_dispose;
  object_class->finalize = vera_window_finalize;
  object_class->get_property = vera_window_get_property;
  object_class->set_property = vera_window_set_property;
  window_class->close_request = vera_window_close_request;

  properties [PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_NET_SERVICE] =
    g_param_spec_object ("net-service", NULL, NULL, VERA_TYPE_NET_SERVICE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ANALYZER] =
    g_param_spec_object ("analyzer", NULL, NULL, VERA_TYPE_ANALYZER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VERA_TYPE_PROJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, VERA_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, VERA_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The current article's language as the win.set-article-language menu names it ("en", "de",
   * "zh", "other", "und"). Setting it asks for a new analysis in that language, which changes
   * the value later (or not, when the reviewer cancels). */
  properties [PROP_ARTICLE_LANGUAGE] =
    g_param_spec_string ("article-language", NULL, NULL, "und",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VERA_TYPE_ARTICLE_VIEW);
  g_type_ensure (VERA_TYPE_CLAIM_INSPECTOR);
  g_type_ensure (VERA_TYPE_CLAIM_LIST);
  g_type_ensure (VERA_TYPE_CONFLICTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/vera-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, article_list);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, claim_inspector);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, claim_list);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, conflicts_view);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, drop_target);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, inspector_flap);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, language_button);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, recent_button);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VeraWindow, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, article_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, claim_chosen_cb);
  gtk_widget_class_bind_template_callback (widget_class, drop_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_changed_cb);

  vera_window_class_init_actions (widget_class);
  vera_window_class_init_sharing (widget_class);
}

static void
vera_window_init (VeraWindow *self)
{
  /* The panes show what the window holds: its project, article and claim. */
  static const struct { const char *source; gsize widget; const char *target; } bindings[] = {
    { "project", G_STRUCT_OFFSET (VeraWindow, claim_list), "project" },
    { "project", G_STRUCT_OFFSET (VeraWindow, claim_inspector), "project" },
    { "project", G_STRUCT_OFFSET (VeraWindow, conflicts_view), "project" },
    { "article", G_STRUCT_OFFSET (VeraWindow, article_view), "article" },
    { "article", G_STRUCT_OFFSET (VeraWindow, claim_list), "article" },
    { "claim", G_STRUCT_OFFSET (VeraWindow, article_view), "claim" },
    { "claim", G_STRUCT_OFFSET (VeraWindow, claim_list), "claim" },
    { "claim", G_STRUCT_OFFSET (VeraWindow, claim_inspector), "claim" },
  };
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_object_bind_property (self, bindings[i].source, *(GObject **) G_STRUCT_MEMBER_P (self, bindings[i].widget),
                            bindings[i].target, G_BINDING_SYNC_CREATE);
  self->recovery = vera_recovery_new (NULL);
  g_signal_connect_object (self->recovery, "prepare", G_CALLBACK (recovery_prepare_cb), self,
                           G_CONNECT_SWAPPED);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
  adw_status_page_set_icon_name (self->empty_page, APP_ID);

  self->article_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->article_selection, FALSE);
  g_signal_connect_object (self->article_selection, "notify::selected-item",
                           G_CALLBACK (article_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_article_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_article_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_article_row_cb), NULL);
  gtk_list_view_set_factory (self->article_list, factory);
  gtk_list_view_set_model (self->article_list, GTK_SELECTION_MODEL (self->article_selection));

  gtk_drop_target_set_gtypes (self->drop_target, drop_types, G_N_ELEMENTS (drop_types));
}
