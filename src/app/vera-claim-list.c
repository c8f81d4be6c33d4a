/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim-list"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-claim-list.h"
#include "vera-project.h"
#include "vera-review-format.h"
#include "vera-vocabulary.h"

#define INCREMENTAL_THRESHOLD 5000
/* The status filter's last entry, after "Any status" and the statuses. */
#define DISAGREEMENT_ENTRY (VERA_N_STATUSES + 1)

typedef enum {
  COLUMN_TEXT,
  COLUMN_ARTICLE,
  COLUMN_KINDS,
  COLUMN_SCORE,
  COLUMN_STATUS,
} Column;

struct _VeraClaimList
{
  GtkWidget            parent_instance;

  VeraProject         *project;
  VeraArticle         *article;
  GtkMapListModel     *per_article;
  GtkFlattenListModel *all_claims;
  GListStore          *no_claims;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkCustomFilter     *custom_filter;
  GtkStringFilter     *search_filter;
  int                  status_filter;
  gboolean             disagreement_filter;
  VeraClaimKind        kind_filter;
  gboolean             whole_project;
  gboolean             updating_selection;
  VeraClaim           *claim;         /* the current claim, selected whenever it shows */

  GtkColumnView       *column_view;
  GtkColumnViewColumn *article_column;
  AdwStatusPage       *empty_page;
  GtkDropDown         *kind_dropdown;
  GtkScrolledWindow   *scroller;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkDropDown         *status_dropdown;
  GtkToggleButton     *whole_project_toggle;
};

G_DEFINE_FINAL_TYPE (VeraClaimList, vera_claim_list, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_ARTICLE,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CLAIM_SELECTED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static gpointer
map_article_to_claims (gpointer item,
                       gpointer user_data)
{
  GListModel *claims = vera_article_get_claims (item);

  g_object_ref (claims);
  g_object_unref (item);
  return claims;
}

static gboolean
filter_claim (gpointer item,
              gpointer user_data)
{
  VeraClaimList *self = user_data;
  VeraClaim *claim = item;

  if (self->status_filter >= 0 && vera_claim_get_status (claim) != (VeraStatus) self->status_filter)
    return FALSE;
  if (self->kind_filter != VERA_CLAIM_KIND_NONE && (vera_claim_get_kinds (claim) & self->kind_filter) == 0)
    return FALSE;
  if (self->disagreement_filter && !vera_review_format_reviewers_disagree (claim))
    return FALSE;
  return TRUE;
}

static void
update_empty_state (VeraClaimList *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) == 0 &&
                   gtk_filter_list_model_get_pending (self->filter_model) == 0;

  if (empty && vera_claim_list_is_filtering (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Claims"));
      adw_status_page_set_description (self->empty_page,
                                       _("No claim matches the search and filters. Clear the "
                                         "search or choose “Any status” and “Any kind”."));
    }
  else if (empty)
    {
      adw_status_page_set_title (self->empty_page, _("No Claims"));
      adw_status_page_set_description (self->empty_page,
                                       _("Vera found no check-worthy claims here. Add articles, "
                                         "or lower the claim threshold in Project Settings and add them again to see more."));
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
update_base_model (VeraClaimList *self)
{
  GListModel *base;
  gboolean incremental;

  if (self->whole_project)
    base = G_LIST_MODEL (self->all_claims);
  else if (self->article != NULL)
    base = vera_article_get_claims (self->article);
  else
    base = G_LIST_MODEL (self->no_claims);
  /* Small lists filter at once, so that the next claim is there the moment a key asks for it;
   * large ones filter and sort in steps, so the window never stalls. */
  incremental = g_list_model_get_n_items (base) > INCREMENTAL_THRESHOLD;
  gtk_filter_list_model_set_incremental (self->filter_model, incremental);
  gtk_sort_list_model_set_incremental (self->sort_model, incremental);
  if (gtk_filter_list_model_get_model (self->filter_model) != base)
    gtk_filter_list_model_set_model (self->filter_model, base);
}

static void
refilter (VeraClaimList *self)
{
  gtk_filter_changed (GTK_FILTER (self->custom_filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty_state (self);
}

/* Columns. */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_SCORE ? 1.0 : 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_SCORE)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_STATUS)
    {
      /* The status, then a mark when reviewers disagree on the claim (issue 18). */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *mark = gtk_label_new ("≠");

      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_add_css_class (mark, "disagreement-mark");
      gtk_widget_set_tooltip_text (mark, _("Reviewers disagree on this claim"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Reviewers disagree on this claim"), -1);
      gtk_widget_set_visible (mark, FALSE);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), mark);
      gtk_list_item_set_child (item, box);
      return;
    }
  gtk_list_item_set_child (item, label);
}

static void
update_mark (GtkWidget *mark,
             GParamSpec *pspec,
             VeraClaim *claim)
{
  gtk_widget_set_visible (mark, vera_review_format_reviewers_disagree (claim));
}

static gboolean
status_to_text (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      user_data)
{
  g_value_take_string (to, vera_app_dup_status_text (g_value_get_enum (from)));
  return TRUE;
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkLabel *label = GTK_IS_LABEL (child) ? GTK_LABEL (child)
                                         : GTK_LABEL (gtk_widget_get_first_child (child));
  VeraClaim *claim = gtk_list_item_get_item (item);
  VeraArticle *article = vera_claim_get_article (claim);
  g_autofree char *text = NULL;
  GBinding *binding;

  switch ((Column) GPOINTER_TO_INT (user_data))
    {
    case COLUMN_TEXT:
      gtk_label_set_text (label, vera_claim_get_text (claim));
      gtk_widget_set_tooltip_text (GTK_WIDGET (label), vera_claim_get_text (claim));
      break;
    case COLUMN_ARTICLE:
      gtk_label_set_text (label, article != NULL ? vera_article_get_title (article) : "");
      break;
    case COLUMN_KINDS:
      text = vera_app_dup_kinds_label (vera_claim_get_kinds (claim));
      gtk_label_set_text (label, text);
      break;
    case COLUMN_SCORE:
      text = g_strdup_printf ("%.2f", vera_claim_get_score (claim));
      gtk_label_set_text (label, text);
      break;
    case COLUMN_STATUS:
      binding = g_object_bind_property_full (claim, "status", label, "label", G_BINDING_SYNC_CREATE,
                                             status_to_text, NULL, NULL, NULL);
      g_object_set_data (G_OBJECT (item), "binding", binding);
      {
        GtkWidget *mark = gtk_widget_get_last_child (child);

        g_signal_connect_object (claim, "notify::status", G_CALLBACK (update_mark), mark,
                                 G_CONNECT_SWAPPED);
        g_signal_connect_object (claim, "notify::n-reviews", G_CALLBACK (update_mark), mark,
                                 G_CONNECT_SWAPPED);
        update_mark (mark, NULL, claim);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
unbind_label_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GBinding *binding = g_object_get_data (G_OBJECT (item), "binding");
  GtkWidget *child = gtk_list_item_get_child (item);
  VeraClaim *claim = gtk_list_item_get_item (item);

  if ((Column) GPOINTER_TO_INT (user_data) == COLUMN_STATUS && claim != NULL && child != NULL)
    g_signal_handlers_disconnect_by_func (claim, update_mark, gtk_widget_get_last_child (child));
  if (binding != NULL)
    {
      g_binding_unbind (binding);
      g_object_set_data (G_OBJECT (item), "binding", NULL);
    }
}

static const char *
claim_article_title (VeraClaim *claim)
{
  VeraArticle *article = claim != NULL ? vera_claim_get_article (claim) : NULL;

  return article != NULL ? vera_article_get_title (article) : "";
}

static char *
claim_article_title_dup (gpointer   unused,
                         VeraClaim *claim)
{
  return g_strdup (claim_article_title (claim));
}

static guint
claim_kinds_uint (gpointer   unused,
                  VeraClaim *claim)
{
  return claim != NULL ? (guint) vera_claim_get_kinds (claim) : 0;
}

static int
claim_status_int (gpointer   unused,
                  VeraClaim *claim)
{
  return claim != NULL ? (int) vera_claim_get_status (claim) : 0;
}

static GtkSorter *
make_sorter (Column column)
{
  GtkExpression *expression;

  switch (column)
    {
    case COLUMN_TEXT:
      expression = gtk_property_expression_new (VERA_TYPE_CLAIM, NULL, "text");
      return GTK_SORTER (gtk_string_sorter_new (expression));
    case COLUMN_ARTICLE:
      expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                G_CALLBACK (claim_article_title_dup), NULL, NULL);
      return GTK_SORTER (gtk_string_sorter_new (expression));
    case COLUMN_KINDS:
      expression = gtk_cclosure_expression_new (G_TYPE_UINT, NULL, 0, NULL,
                                                G_CALLBACK (claim_kinds_uint), NULL, NULL);
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    case COLUMN_SCORE:
      expression = gtk_property_expression_new (VERA_TYPE_CLAIM, NULL, "score");
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    case COLUMN_STATUS:
      expression = gtk_cclosure_expression_new (G_TYPE_INT, NULL, 0, NULL,
                                                G_CALLBACK (claim_status_int), NULL, NULL);
      return GTK_SORTER (gtk_numeric_sorter_new (expression));
    default:
      g_assert_not_reached ();
    }
}

static GtkColumnViewColumn *
add_column (VeraClaimList *self,
            Column         column,
            const char    *title,
            gboolean       expand,
            int            fixed_width)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) col = NULL;
  g_autoptr(GtkSorter) sorter = make_sorter (column);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_label_cb), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_sorter (col, sorter);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (col, fixed_width);
  gtk_column_view_append_column (self->column_view, col);
  return col;
}

/* Selection. */

static void
selection_changed_cb (VeraClaimList *self)
{
  VeraClaim *claim = gtk_single_selection_get_selected_item (self->selection);

  /* A row the reviewer picked; a selection lost to filtering keeps the current claim. */
  if (self->updating_selection || claim == NULL)
    return;
  if (g_set_object (&self->claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM]);
  g_signal_emit (self, signals [CLAIM_SELECTED], 0, claim);
}

static void
activate_cb (VeraClaimList *self,
             guint          position)
{
  g_autoptr(VeraClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  if (claim != NULL)
    g_signal_emit (self, signals [CLAIM_SELECTED], 0, claim);
}

/* Brings row @position into view. GtkColumnView (before GTK 4.12) cannot scroll to a row, but
 * its rows are of one height: the adjustment's range divided by the rows gives it. */
static void
scroll_to_position (VeraClaimList *self,
                    guint          position)
{
  GtkAdjustment *adjustment = vera_claim_list_get_vadjustment (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  double upper, page, row, top, value;

  if (adjustment == NULL || n == 0)
    return;
  upper = gtk_adjustment_get_upper (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  value = gtk_adjustment_get_value (adjustment);
  if (upper <= page)
    return;
  row = upper / n;
  top = row * position;
  /* Only when the row is out of sight, and then to the middle, as the article view does. */
  if (top >= value && top + row <= value + page)
    return;
  gtk_adjustment_set_value (adjustment, CLAMP (top - (page - row) / 2, 0, upper - page));
}

VeraClaim *
vera_claim_list_get_claim (VeraClaimList *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM_LIST (self), NULL);
  return self->claim;
}

/* Selects the current claim when it shows, once filtering and sorting are done (a search over
 * every row while a large list is still being sorted would make opening it quadratic). */
static void
sync_selection (VeraClaimList *self)
{
  GListModel *model = G_LIST_MODEL (self->sort_model);
  guint n, position = GTK_INVALID_LIST_POSITION;

  if (self->claim == gtk_single_selection_get_selected_item (self->selection) ||
      gtk_filter_list_model_get_pending (self->filter_model) > 0 ||
      gtk_sort_list_model_get_pending (self->sort_model) > 0)
    return;
  n = g_list_model_get_n_items (model);
  for (guint i = 0; self->claim != NULL && i < n; i++)
    {
      g_autoptr(VeraClaim) item = g_list_model_get_item (model, i);

      if (item == self->claim)
        {
          position = i;
          break;
        }
    }
  self->updating_selection = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating_selection = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_to_position (self, position);
}

void
vera_claim_list_select_claim (VeraClaimList *self,
                              VeraClaim     *claim)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));
  g_return_if_fail (claim == NULL || VERA_IS_CLAIM (claim));

  if (g_set_object (&self->claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM]);
  sync_selection (self);
}

VeraClaim *
vera_claim_list_get_neighbour (VeraClaimList *self,
                               int            delta)
{
  GListModel *model;
  guint n, selected;
  gint64 target;
  VeraClaim *claim;

  g_return_val_if_fail (VERA_IS_CLAIM_LIST (self), NULL);

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  if (n == 0)
    return NULL;
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    target = delta >= 0 ? 0 : n - 1;
  else
    target = (gint64) selected + delta;
  if (target < 0 || target >= n)
    return NULL;
  claim = g_list_model_get_item (model, (guint) target);
  /* The article keeps the claim alive; the caller gets a borrowed pointer. */
  g_object_unref (claim);
  return claim;
}

/* Filters. */

void
vera_claim_list_set_search (VeraClaimList *self,
                            const char    *text)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  gtk_string_filter_set_search (self->search_filter, text != NULL && *text ? text : NULL);
  update_empty_state (self);
}

void
vera_claim_list_set_status_filter (VeraClaimList *self,
                                   int            status)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));
  g_return_if_fail (status >= -1 && status < VERA_N_STATUSES);

  if (self->status_filter == status && !self->disagreement_filter)
    return;
  self->status_filter = status;
  self->disagreement_filter = FALSE;
  gtk_drop_down_set_selected (self->status_dropdown, status + 1);
  refilter (self);
}

void
vera_claim_list_set_disagreement_filter (VeraClaimList *self,
                                         gboolean       disagreement)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));

  disagreement = !!disagreement;
  if (self->disagreement_filter == disagreement)
    return;
  self->disagreement_filter = disagreement;
  self->status_filter = -1;
  gtk_drop_down_set_selected (self->status_dropdown, disagreement ? DISAGREEMENT_ENTRY : 0);
  refilter (self);
}

static void
project_changed_cb (VeraClaimList *self)
{
  /* A pull brings new verdicts of colleagues: what disagrees may have changed. */
  if (self->disagreement_filter)
    refilter (self);
}

void
vera_claim_list_set_kind_filter (VeraClaimList *self,
                                 VeraClaimKind  kind)
{
  guint index = 0;

  g_return_if_fail (VERA_IS_CLAIM_LIST (self));

  if (self->kind_filter == kind)
    return;
  self->kind_filter = kind;
  for (guint bit = 0; bit < 16; bit++)
    if (kind == (1u << bit))
      index = bit + 1;
  gtk_drop_down_set_selected (self->kind_dropdown, index);
  refilter (self);
}

void
vera_claim_list_set_whole_project (VeraClaimList *self,
                                   gboolean       whole_project)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));

  whole_project = !!whole_project;
  if (self->whole_project == whole_project)
    return;
  self->whole_project = whole_project;
  gtk_toggle_button_set_active (self->whole_project_toggle, whole_project);
  /* The article column says something only when the list spans articles. */
  gtk_column_view_column_set_visible (self->article_column, whole_project);
  update_base_model (self);
  update_empty_state (self);
}

gboolean
vera_claim_list_is_filtering (VeraClaimList *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM_LIST (self), FALSE);

  return self->status_filter >= 0 || self->disagreement_filter ||
         self->kind_filter != VERA_CLAIM_KIND_NONE ||
         gtk_string_filter_get_search (self->search_filter) != NULL;
}

static void
search_changed_cb (VeraClaimList  *self,
                   GtkSearchEntry *entry)
{
  vera_claim_list_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
status_dropdown_cb (VeraClaimList *self)
{
  guint selected = gtk_drop_down_get_selected (self->status_dropdown);

  if (selected == DISAGREEMENT_ENTRY)
    vera_claim_list_set_disagreement_filter (self, TRUE);
  else
    vera_claim_list_set_status_filter (self, (int) selected - 1);
}

static void
kind_dropdown_cb (VeraClaimList *self)
{
  guint index = gtk_drop_down_get_selected (self->kind_dropdown);

  vera_claim_list_set_kind_filter (self, index == 0 || index == GTK_INVALID_LIST_POSITION
                                   ? VERA_CLAIM_KIND_NONE : 1u << (index - 1));
}

static void
whole_project_toggled_cb (VeraClaimList *self)
{
  vera_claim_list_set_whole_project (self, gtk_toggle_button_get_active (self->whole_project_toggle));
}

/* Public. */

void
vera_claim_list_set_project (VeraClaimList *self,
                             VeraProject   *project)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));

  if (self->project != NULL)
    g_signal_handlers_disconnect_by_func (self->project, project_changed_cb, self);
  if (!g_set_object (&self->project, project))
    return;
  if (project != NULL)
    g_signal_connect_object (project, "changed", G_CALLBACK (project_changed_cb), self,
                             G_CONNECT_SWAPPED);
  if (self->article != NULL)
    {
      g_clear_object (&self->article);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT]);
  gtk_map_list_model_set_model (self->per_article,
                                project != NULL ? vera_project_get_articles (project) : NULL);
  update_base_model (self);
  update_empty_state (self);
}

void
vera_claim_list_set_article (VeraClaimList *self,
                             VeraArticle   *article)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));

  if (!g_set_object (&self->article, article))
    return;
  update_base_model (self);
  update_empty_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE]);
}

GListModel *
vera_claim_list_get_model (VeraClaimList *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM_LIST (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

GtkAdjustment *
vera_claim_list_get_vadjustment (VeraClaimList *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM_LIST (self), NULL);
  return gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->column_view));
}

void
vera_claim_list_focus_search (VeraClaimList *self)
{
  g_return_if_fail (VERA_IS_CLAIM_LIST (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

GtkWidget *
vera_claim_list_new (void)
{
  return g_object_new (VERA_TYPE_CLAIM_LIST, NULL);
}

static void
vera_claim_list_dispose (GObject *object)
{
  VeraClaimList *self = VERA_CLAIM_LIST (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_CLAIM_LIST);
  vera_app_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->all_claims);
  g_clear_object (&self->no_claims);
  g_clear_object (&self->project);
  g_clear_object (&self->article);
  g_clear_object (&self->claim);
  G_OBJECT_CLASS (vera_claim_list_parent_class)->dispose (object);
}

static void
vera_claim_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  VeraClaimList *self = VERA_CLAIM_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_CLAIM:
      g_value_set_object (value, vera_claim_list_get_claim (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_claim_list_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  VeraClaimList *self = VERA_CLAIM_LIST (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vera_claim_list_set_project (self, g_value_get_object (value));
      break;
    case PROP_ARTICLE:
      vera_claim_list_set_article (self, g_value_get_object (value));
      break;
    case PROP_CLAIM:
      vera_claim_list_select_claim (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_claim_list_class_init (VeraClaimListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_claim_list_dispose;
  object_class->get_property = vera_claim_list_get_property;
  object_class->set_property = vera_claim_list_set_property;

  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VERA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, VERA_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, VERA_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [CLAIM_SELECTED] =
    g_signal_new ("claim-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, VERA_TYPE_CLAIM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/vera-claim-list.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, column_view);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, scroller);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, stack);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimList, whole_project_toggle);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_dropdown_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_dropdown_cb);
  gtk_widget_class_bind_template_callback (widget_class, whole_project_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GListModel *
kind_model (void)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, _("Any kind"));
  for (guint bit = 0; vera_claim_kind_to_string (1u << bit) != NULL; bit++)
    gtk_string_list_append (list, vera_claim_kind_get_label (1u << bit));
  return G_LIST_MODEL (list);
}

static void
vera_claim_list_init (VeraClaimList *self)
{
  g_autoptr(GListModel) statuses = vera_app_status_model (_("Any status"));
  g_autoptr(GListModel) kinds = kind_model ();
  GtkSorter *view_sorter;
  GtkEveryFilter *every;

  self->status_filter = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Translators: the last entry of the claim list's status filter. */
  gtk_string_list_append (GTK_STRING_LIST (statuses), _("Colleagues disagree"));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->kind_dropdown, kinds);

  self->no_claims = g_list_store_new (VERA_TYPE_CLAIM);
  self->per_article = gtk_map_list_model_new (NULL, map_article_to_claims, NULL, NULL);
  self->all_claims = gtk_flatten_list_model_new (G_LIST_MODEL (self->per_article));

  self->custom_filter = gtk_custom_filter_new (filter_claim, self, NULL);
  self->search_filter = gtk_string_filter_new (gtk_property_expression_new (VERA_TYPE_CLAIM, NULL, "text"));
  gtk_string_filter_set_ignore_case (self->search_filter, TRUE);
  gtk_string_filter_set_match_mode (self->search_filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  every = gtk_every_filter_new ();
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->custom_filter));
  gtk_multi_filter_append (GTK_MULTI_FILTER (every), GTK_FILTER (self->search_filter));
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->no_claims)),
                                                  GTK_FILTER (every));
  gtk_filter_list_model_set_incremental (self->filter_model, TRUE);

  /* The status, what the reviewer works on, comes right after the claim so that a narrow list
   * never scrolls it out of sight. */
  add_column (self, COLUMN_TEXT, _("Claim"), TRUE, 200);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE, 140);
  add_column (self, COLUMN_SCORE, _("Score"), FALSE, 60);
  add_column (self, COLUMN_KINDS, _("Kinds"), FALSE, 110);
  self->article_column = add_column (self, COLUMN_ARTICLE, _("Article"), FALSE, 140);
  gtk_column_view_column_set_visible (self->article_column, FALSE);

  view_sorter = gtk_column_view_get_sorter (self->column_view);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (view_sorter));
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (sync_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "notify::pending",
                           G_CALLBACK (sync_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (sync_selection), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_model, "notify::pending",
                           G_CALLBACK (update_empty_state), self, G_CONNECT_SWAPPED);
  update_empty_state (self);
}
