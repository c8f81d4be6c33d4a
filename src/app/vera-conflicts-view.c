/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-conflicts-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-conflicts-view.h"
#include "vera-project.h"

struct _VeraConflictsView
{
  GtkWidget    parent_instance;

  VeraProject *project;

  GtkListBox  *list;
  GtkStack    *stack;
};

G_DEFINE_FINAL_TYPE (VeraConflictsView, vera_conflicts_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static GtkWidget *
member_cell (VeraConflictsView *self,
             VeraConflict      *conflict,
             guint              index)
{
  const char *claim_id = vera_conflict_get_claim_id (conflict, index);
  VeraClaim *claim = vera_project_find_claim (self->project, claim_id);
  VeraArticle *article = claim != NULL ? vera_claim_get_article (claim) : NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (vera_conflict_get_value (conflict, index));
  GtkWidget *where = gtk_label_new (article != NULL ? vera_article_get_title (article) : claim_id);
  g_autofree char *status = claim != NULL ? vera_app_dup_status_text (vera_claim_get_status (claim))
                                          : g_strdup ("");
  GtkWidget *status_label = gtk_label_new (status);
  GtkWidget *source = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *chip = article != NULL ? vera_app_dup_language_chip (vera_article_get_language (article))
                                          : NULL;

  /* Each claim says which article, and in which language, it comes from: an English and a
   * Chinese figure side by side are told apart at a glance. */
  if (chip != NULL)
    {
      GtkWidget *language = gtk_label_new (chip);
      g_autofree char *name = vera_app_dup_language_name (vera_article_get_language (article));
      g_autofree char *tooltip = g_strdup_printf (_("Language: %s"), name);

      gtk_widget_set_valign (language, GTK_ALIGN_START);
      gtk_widget_add_css_class (language, "caption-heading");
      gtk_widget_add_css_class (language, "language-chip");
      gtk_widget_set_tooltip_text (language, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (language), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      tooltip, -1);
      gtk_box_append (GTK_BOX (source), language);
    }
  gtk_box_append (GTK_BOX (source), where);
  gtk_widget_set_hexpand (where, TRUE);

  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (value, "title-4");
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_label_set_wrap (GTK_LABEL (where), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (where), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (status_label), 0);
  gtk_widget_add_css_class (status_label, "caption");
  gtk_widget_add_css_class (where, "dim-label");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), source);
  gtk_box_append (GTK_BOX (box), status_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "card");
  gtk_widget_add_css_class (button, "conflict-value");
  gtk_widget_set_hexpand (button, TRUE);
  if (claim != NULL)
    {
      g_autofree char *tip = g_strdup_printf (_("Go to the claim: %s"), vera_claim_get_text (claim));

      gtk_widget_set_tooltip_text (button, tip);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-claim");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", claim_id);
    }
  else
    gtk_widget_set_sensitive (button, FALSE);
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  VeraConflictsView *self = user_data;
  VeraConflict *conflict = item;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *topic = gtk_label_new (vera_conflict_get_topic (conflict));
  GtkWidget *kind = gtk_label_new (vera_conflict_get_kind (conflict) == VERA_CONFLICT_KIND_PERSON
                                   ? _("One person, different roles")
                                   : _("Different figures for the same thing"));
  GtkWidget *values = gtk_flow_box_new ();
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (topic), 0);
  gtk_label_set_wrap (GTK_LABEL (topic), TRUE);
  gtk_widget_add_css_class (topic, "heading");
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_widget_add_css_class (kind, "caption");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (values), GTK_SELECTION_NONE);
  /* Each article's value side by side, two or more a line. */
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (values),
                                          MIN (2, vera_conflict_get_n_members (conflict)));
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (values), 4);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (values), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (values), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (values), 6);
  for (guint i = 0; i < vera_conflict_get_n_members (conflict); i++)
    gtk_flow_box_append (GTK_FLOW_BOX (values), member_cell (self, conflict, i));
  gtk_box_append (GTK_BOX (box), topic);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), values);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
update_stack (VeraConflictsView *self)
{
  gboolean empty = self->project == NULL ||
                   g_list_model_get_n_items (vera_project_get_conflicts (self->project)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

void
vera_conflicts_view_set_project (VeraConflictsView *self,
                                 VeraProject       *project)
{
  g_return_if_fail (VERA_IS_CONFLICTS_VIEW (self));

  if (self->project == project)
    return;
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (vera_project_get_conflicts (self->project), self);
  g_set_object (&self->project, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT]);
  gtk_list_box_bind_model (self->list, project ? vera_project_get_conflicts (project) : NULL,
                           create_row, self, NULL);
  if (project != NULL)
    g_signal_connect_object (vera_project_get_conflicts (project), "items-changed",
                             G_CALLBACK (update_stack), self, G_CONNECT_SWAPPED);
  update_stack (self);
}

GtkWidget *
vera_conflicts_view_new (void)
{
  return g_object_new (VERA_TYPE_CONFLICTS_VIEW, NULL);
}

static void
vera_conflicts_view_dispose (GObject *object)
{
  VeraConflictsView *self = VERA_CONFLICTS_VIEW (object);

  if (self->list != NULL)
    vera_conflicts_view_set_project (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_CONFLICTS_VIEW);
  vera_app_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (vera_conflicts_view_parent_class)->dispose (object);
}

static void
vera_conflicts_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VeraConflictsView *self = VERA_CONFLICTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_conflicts_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VeraConflictsView *self = VERA_CONFLICTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vera_conflicts_view_set_project (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_conflicts_view_class_init (VeraConflictsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_conflicts_view_dispose;
  object_class->get_property = vera_conflicts_view_get_property;
  object_class->set_property = vera_conflicts_view_set_property;

  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VERA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/vera-conflicts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraConflictsView, list);
  gtk_widget_class_bind_template_child (widget_class, VeraConflictsView, stack);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
vera_conflicts_view_init (VeraConflictsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_stack (self);
}
