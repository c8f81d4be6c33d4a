/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-claim-context.h"
#include "vera-claim-inspector.h"
#include "vera-conflict.h"
#include "vera-figure-format.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-quantity.h"
#include "vera-reference-row.h"
#include "vera-review.h"
#include "vera-review-format.h"
#include "vera-window.h"

#define NOTE_COMMIT_DELAY_MS 800

struct _VeraClaimInspector
{
  GtkWidget          parent_instance;

  VeraProject       *project;
  VeraClaim         *claim;
  guint              note_source;
  gboolean           updating;

  GtkLabel          *article_label;
  GtkLabel          *claim_label;
  AdwPreferencesGroup *colleagues_group;
  GPtrArray         *colleague_rows;  /* rows added to colleagues_group */
  GtkBox            *conflicts_box;
  VeraClaimContext  *context;
  AdwPreferencesGroup *facts_group;
  GtkLabel          *kinds_label;
  GtkTextView       *note_view;
  AdwEntryRow       *reference_entry;
  GtkListBox        *references_list;
  GtkStack          *stack;
  AdwComboRow       *status_row;
  GPtrArray         *dynamic_rows;   /* rows added to facts_group, to remove them again */
  GtkWidget         *focus_before_note;  /* weak: where Escape in the note returns to */
};

G_DEFINE_FINAL_TYPE (VeraClaimInspector, vera_claim_inspector, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static char *
dup_note_text (VeraClaimInspector *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter a, b;

  gtk_text_buffer_get_bounds (buffer, &a, &b);
  return gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
}

void
vera_claim_inspector_commit_note (VeraClaimInspector *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (VERA_IS_CLAIM_INSPECTOR (self));

  g_clear_handle_id (&self->note_source, g_source_remove);
  if (self->claim == NULL || self->project == NULL)
    return;
  text = dup_note_text (self);
  if (g_strcmp0 (text, vera_claim_get_note (self->claim) ? vera_claim_get_note (self->claim) : "") != 0)
    vera_project_set_claim_note (self->project, self->claim, text);
}

static gboolean
commit_note_timeout (gpointer data)
{
  VeraClaimInspector *self = data;

  self->note_source = 0;
  vera_claim_inspector_commit_note (self);
  return G_SOURCE_REMOVE;
}

static void
note_changed_cb (VeraClaimInspector *self)
{
  if (self->updating)
    return;
  g_clear_handle_id (&self->note_source, g_source_remove);
  self->note_source = g_timeout_add (NOTE_COMMIT_DELAY_MS, commit_note_timeout, self);
}

static void
sync_note (VeraClaimInspector *self)
{
  g_autofree char *text = dup_note_text (self);
  const char *note = vera_claim_get_note (self->claim);

  if (note == NULL)
    note = "";
  if (g_strcmp0 (text, note) != 0 && self->note_source == 0)
    {
      self->updating = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note, -1);
      self->updating = FALSE;
    }
}

static void
sync_status (VeraClaimInspector *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->status_row, vera_claim_get_status (self->claim));
  self->updating = FALSE;
}

static void
status_selected_cb (VeraClaimInspector *self)
{
  guint selected = adw_combo_row_get_selected (self->status_row);

  if (self->updating || self->claim == NULL || selected == GTK_INVALID_LIST_POSITION ||
      selected == (guint) vera_claim_get_status (self->claim))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-status", "u", selected);
}

static void
reference_apply_cb (VeraClaimInspector *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reference_entry));
  g_autofree char *url = vera_app_dup_web_address (text);

  if (url == NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (text));

      if (*stripped == '\0')
        return;
      gtk_widget_add_css_class (GTK_WIDGET (self->reference_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->reference_entry),
                                   _("A reference is a web address starting with http:// or https://"));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->reference_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reference_entry), NULL);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-reference", "s", url);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_entry), "");
}

/* Links dropped or pasted onto the inspector become references of the claim shown. Anything
 * else goes where it would go elsewhere in the window: files open as articles. */

static gboolean
add_link (VeraClaimInspector *self,
          const char         *text)
{
  g_autofree char *url = vera_app_dup_web_address (text);

  if (url == NULL || self->claim == NULL)
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (self), "win.add-reference", "s", url);
}

static gboolean
drop_accept_cb (VeraClaimInspector *self,
                GdkDrop            *drop,
                GtkDropTarget      *target)
{
  /* Without a claim the drop falls through to the window, which opens it. */
  return self->claim != NULL &&
         gdk_content_formats_match (gtk_drop_target_get_formats (target), gdk_drop_get_formats (drop));
}

static gboolean
drop_cb (VeraClaimInspector *self,
         const GValue       *value,
         double              x,
         double              y,
         GtkDropTarget      *target)
{
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      g_autoptr(GPtrArray) files = g_ptr_array_new ();
      gboolean added = FALSE;

      /* A browser drops a link as a list of one web "file". */
      for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
        {
          g_autofree char *uri = g_file_get_uri (l->data);

          if (add_link (self, uri))
            added = TRUE;
          else if (g_file_is_native (l->data))
            g_ptr_array_add (files, l->data);
        }
      if (files->len > 0)
        {
          GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), VERA_TYPE_WINDOW);

          if (window != NULL)
            vera_window_open_files (VERA_WINDOW (window), (GFile **) files->pdata, files->len, NULL);
          return window != NULL || added;
        }
      return added;
    }
  if (G_VALUE_HOLDS_STRING (value))
    return add_link (self, g_value_get_string (value));
  return FALSE;
}

static void
clipboard_text_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VeraClaimInspector) self = user_data;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);

  if (!add_link (self, text))
    gtk_widget_error_bell (GTK_WIDGET (self));
}

static void
paste_link_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, clipboard_text_cb,
                                 g_object_ref (widget));
}

static GtkWidget *
create_reference_row (gpointer item,
                      gpointer user_data)
{
  return vera_reference_row_new (item);
}

static void
add_fact_row (VeraClaimInspector *self,
              const char         *title,
              const char         *subtitle,
              const char         *icon)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *escaped_title = g_markup_escape_text (title, -1);
  g_autofree char *escaped_subtitle = g_markup_escape_text (subtitle ? subtitle : "", -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->facts_group, row);
  g_ptr_array_add (self->dynamic_rows, row);
}

static void
rebuild_facts (VeraClaimInspector *self)
{
  GPtrArray *quantities = vera_claim_get_quantities (self->claim);
  GPtrArray *people = vera_claim_get_people (self->claim);

  for (guint i = 0; i < self->dynamic_rows->len; i++)
    adw_preferences_group_remove (self->facts_group, g_ptr_array_index (self->dynamic_rows, i));
  g_ptr_array_set_size (self->dynamic_rows, 0);

  for (guint i = 0; quantities != NULL && i < quantities->len; i++)
    {
      VeraQuantity *q = g_ptr_array_index (quantities, i);
      /* The figure as Vera read it, in the reviewer's language, over the text it was read from,
       * which may be in another language ("480亿美元"), and its time scope. */
      g_autofree char *value = vera_figure_dup_value (q);
      g_autofree char *written = NULL;

      /* Translators: under a figure in the claim details, the text it was read from. */
      written = g_strdup_printf (_("As written: “%s”"), q->text ? q->text : "");
      if (q->scope != NULL)
        {
          /* Translators: the text a figure was read from, then its time scope ("in 2024"). */
          char *scoped = g_strdup_printf (_("%s · %s"), written, q->scope);

          g_free (written);
          written = scoped;
        }
      add_fact_row (self, value, written, "accessories-calculator-symbolic");
    }
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      VeraPerson *p = g_ptr_array_index (people, i);
      g_autofree char *role = g_strdup_printf ("%s%s%s", p->role ? p->role : "",
                                               p->role && p->quoted ? " · " : "",
                                               p->quoted ? _("quoted") : "");

      add_fact_row (self, p->name ? p->name : "", role, "avatar-default-symbolic");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->facts_group), self->dynamic_rows->len > 0);
}

/* Colleagues: the verdicts other reviewers shared on the server (pulled into claims[].reviews),
 * each with who, when, the status and the note; a status that differs is marked. */

static GtkWidget *
colleague_row (VeraClaimInspector *self,
               const VeraReview   *review)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *status;
  g_autofree char *who = vera_review_format_dup_reviewer (review->reviewer);
  g_autofree char *when = vera_review_format_dup_date (review->updated);
  g_autofree char *status_text = vera_app_dup_status_text (review->status);
  g_autofree char *subtitle = NULL;
  g_autofree char *escaped_who = g_markup_escape_text (who, -1);
  g_autofree char *escaped_subtitle = NULL;
  VeraStatus own = vera_claim_get_status (self->claim);
  gboolean differs = review->status != VERA_STATUS_UNREVIEWED &&
                     own != VERA_STATUS_UNREVIEWED && review->status != own;
  const char *note = review->note != NULL && *review->note ? review->note : NULL;

  if (note != NULL && when != NULL)
    subtitle = g_strdup_printf ("%s\n%s", note, when);
  else if (note != NULL)
    subtitle = g_strdup (note);
  else if (when != NULL)
    subtitle = g_strdup (when);
  escaped_subtitle = g_markup_escape_text (subtitle != NULL ? subtitle : "", -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_who);
  /* A long account would wrap mid-word beside the status: one line, the whole in a tooltip. */
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, who);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "avatar-default-symbolic");
  gtk_widget_add_css_class (row, "colleague-row");

  status = gtk_label_new (status_text);
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status, vera_app_status_css_class (review->status));
  if (differs)
    {
      /* Not by colour alone: the text says it as well. */
      g_autofree char *tip = NULL;
      g_autofree char *own_text = vera_app_dup_status_text (own);

      gtk_widget_add_css_class (status, "colleague-differs");
      /* Translators: a tooltip on a colleague's status; %s is this reviewer's own status. */
      tip = g_strdup_printf (_("Differs from your verdict (%s)"), own_text);
      gtk_widget_set_tooltip_text (status, tip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (status), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      tip, -1);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
  return row;
}

static void
rebuild_colleagues (VeraClaimInspector *self)
{
  GPtrArray *reviews;
  g_autofree char *description = NULL;

  for (guint i = 0; i < self->colleague_rows->len; i++)
    adw_preferences_group_remove (self->colleagues_group, g_ptr_array_index (self->colleague_rows, i));
  g_ptr_array_set_size (self->colleague_rows, 0);
  if (self->claim == NULL)
    return;

  reviews = vera_claim_get_reviews (self->claim);
  for (guint i = 0; i < reviews->len; i++)
    {
      GtkWidget *row = colleague_row (self, g_ptr_array_index (reviews, i));

      adw_preferences_group_add (self->colleagues_group, row);
      g_ptr_array_add (self->colleague_rows, row);
    }
  /* Translators: the description of the Colleagues section in the claim details. */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u colleague reviewed this claim",
                                              "%u colleagues reviewed this claim", reviews->len),
                                 reviews->len);
  if (vera_review_format_reviewers_disagree (self->claim))
    {
      /* Translators: joins "2 colleagues reviewed this claim" and the disagreement note. */
      char *joined = g_strdup_printf (_("%s. The verdicts differ."), description);

      g_free (description);
      description = joined;
    }
  adw_preferences_group_set_description (self->colleagues_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->colleagues_group), reviews->len > 0);
}

static GtkWidget *
conflict_group (VeraClaimInspector *self,
                VeraConflict       *conflict)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_autofree char *title = g_markup_escape_text (vera_conflict_get_topic (conflict)
                                                 ? vera_conflict_get_topic (conflict) : "", -1);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         vera_conflict_get_kind (conflict) == VERA_CONFLICT_KIND_PERSON
                                         ? _("The articles give this person different roles.")
                                         : _("The articles give different figures."));
  for (guint i = 0; i < vera_conflict_get_n_members (conflict); i++)
    {
      const char *claim_id = vera_conflict_get_claim_id (conflict, i);
      VeraClaim *other = vera_project_find_claim (self->project, claim_id);
      VeraArticle *article = other != NULL ? vera_claim_get_article (other) : NULL;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *value = g_markup_escape_text (vera_conflict_get_value (conflict, i), -1);
      g_autofree char *where = NULL;

      if (article != NULL)
        {
          g_autofree char *chip = vera_app_dup_language_chip (vera_article_get_language (article));
          /* Translators: where a conflicting figure comes from: the article's language ("EN",
           * "中文") and its title. */
          g_autofree char *text = chip != NULL ? g_strdup_printf (_("%s · %s"), chip, vera_article_get_title (article) ? vera_article_get_title (article) : "")
                                               : g_strdup (vera_article_get_title (article) ? vera_article_get_title (article) : "");

          where = g_markup_escape_text (text, -1);
        }
      else
        where = g_markup_escape_text (claim_id, -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_widget_add_css_class (row, "property");
      if (other == self->claim)
        {
          GtkWidget *label = gtk_label_new (_("This claim"));

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      else if (other != NULL)
        {
          GtkWidget *button = gtk_button_new_from_icon_name ("go-jump-symbolic");

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_tooltip_text (button, _("Go to This Claim"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Go to This Claim"), -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.select-claim");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", claim_id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  return group;
}

static void
rebuild_conflicts (VeraClaimInspector *self)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_box))) != NULL)
    gtk_box_remove (self->conflicts_box, child);
  conflicts = vera_project_dup_conflicts_for (self->project, self->claim);
  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    gtk_box_append (self->conflicts_box, conflict_group (self, g_ptr_array_index (conflicts, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_box), conflicts != NULL && conflicts->len > 0);
}

static void
update_header (VeraClaimInspector *self)
{
  VeraArticle *article = vera_claim_get_article (self->claim);
  g_autofree char *kinds = vera_app_dup_kinds_label (vera_claim_get_kinds (self->claim));
  g_autofree char *details = NULL;

  gtk_label_set_text (self->claim_label, vera_claim_get_text (self->claim));
  gtk_label_set_text (self->article_label, article != NULL ? vera_article_get_title (article) : "");
  /* Translators: the kinds of a claim and its check-worthiness score. */
  details = g_strdup_printf (_("%s · score %.2f"), *kinds ? kinds : _("No kind"),
                             vera_claim_get_score (self->claim));
  gtk_label_set_text (self->kinds_label, details);
}

void
vera_claim_inspector_set_claim (VeraClaimInspector *self,
                                VeraClaim          *claim)
{
  g_return_if_fail (VERA_IS_CLAIM_INSPECTOR (self));

  if (self->claim == claim)
    return;
  vera_claim_inspector_commit_note (self);
  if (self->claim != NULL)
    g_signal_handlers_disconnect_by_data (self->claim, self);
  g_set_object (&self->claim, claim);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM]);
  vera_claim_context_set_claim (self->context, claim);
  gtk_stack_set_visible_child_name (self->stack, claim != NULL ? "claim" : "empty");
  if (claim == NULL)
    {
      gtk_list_box_bind_model (self->references_list, NULL, NULL, NULL, NULL);
      return;
    }

  update_header (self);
  self->updating = TRUE;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view),
                            vera_claim_get_note (claim) ? vera_claim_get_note (claim) : "", -1);
  self->updating = FALSE;
  sync_status (self);
  gtk_list_box_bind_model (self->references_list, vera_claim_get_references (claim),
                           create_reference_row, NULL, NULL);
  rebuild_facts (self);
  rebuild_conflicts (self);
  rebuild_colleagues (self);
  g_signal_connect_object (claim, "notify::status", G_CALLBACK (sync_status), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (claim, "notify::status", G_CALLBACK (rebuild_colleagues), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (claim, "notify::n-reviews", G_CALLBACK (rebuild_colleagues), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (claim, "notify::note", G_CALLBACK (sync_note), self, G_CONNECT_SWAPPED);
}

void
vera_claim_inspector_set_project (VeraClaimInspector *self,
                                  VeraProject        *project)
{
  g_return_if_fail (VERA_IS_CLAIM_INSPECTOR (self));

  if (self->project == project)
    return;
  vera_claim_inspector_set_claim (self, NULL);
  g_set_object (&self->project, project);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROJECT]);
}

void
vera_claim_inspector_focus_note (VeraClaimInspector *self)
{
  g_return_if_fail (VERA_IS_CLAIM_INSPECTOR (self));
  if (self->claim != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->note_view)) &&
          focus != GTK_WIDGET (self->note_view))
        g_set_weak_pointer (&self->focus_before_note, focus);
      gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
    }
}

/* Escape or Ctrl+Return in the note: the note is kept and the keys review claims again. */
static void
done_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  VeraClaimInspector *self = VERA_CLAIM_INSPECTOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  vera_claim_inspector_commit_note (self);
  if (self->focus_before_note != NULL && gtk_widget_get_mapped (self->focus_before_note) &&
      gtk_widget_grab_focus (self->focus_before_note))
    return;
  if (root != NULL)
    gtk_root_set_focus (root, NULL);
}

void
vera_claim_inspector_set_net_service (VeraClaimInspector *self,
                                      VeraNetService     *net_service)
{
  g_return_if_fail (VERA_IS_CLAIM_INSPECTOR (self));
  vera_claim_context_set_net_service (self->context, net_service);
}

VeraClaimContext *
vera_claim_inspector_get_context (VeraClaimInspector *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM_INSPECTOR (self), NULL);
  return self->context;
}

GtkTextView *
vera_claim_inspector_get_note_view (VeraClaimInspector *self)
{
  g_return_val_if_fail (VERA_IS_CLAIM_INSPECTOR (self), NULL);
  return self->note_view;
}

GtkWidget *
vera_claim_inspector_new (void)
{
  return g_object_new (VERA_TYPE_CLAIM_INSPECTOR, NULL);
}

static void
note_focus_leave_cb (VeraClaimInspector *self)
{
  vera_claim_inspector_commit_note (self);
}

static void
vera_claim_inspector_dispose (GObject *object)
{
  VeraClaimInspector *self = VERA_CLAIM_INSPECTOR (object);

  g_clear_handle_id (&self->note_source, g_source_remove);
  g_clear_weak_pointer (&self->focus_before_note);
  if (self->claim != NULL)
    g_signal_handlers_disconnect_by_data (self->claim, self);
  g_clear_object (&self->claim);
  g_clear_object (&self->project);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_CLAIM_INSPECTOR);
  vera_app_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (vera_claim_inspector_parent_class)->dispose (object);
}

static void
vera_claim_inspector_finalize (GObject *object)
{
  VeraClaimInspector *self = VERA_CLAIM_INSPECTOR (object);

  g_clear_pointer (&self->dynamic_rows, g_ptr_array_unref);
  g_clear_pointer (&self->colleague_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (vera_claim_inspector_parent_class)->finalize (object);
}

static void
vera_claim_inspector_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VeraClaimInspector *self = VERA_CLAIM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;
    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_claim_inspector_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VeraClaimInspector *self = VERA_CLAIM_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      vera_claim_inspector_set_project (self, g_value_get_object (value));
      break;
    case PROP_CLAIM:
      vera_claim_inspector_set_claim (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_claim_inspector_class_init (VeraClaimInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_claim_inspector_dispose;
  object_class->get_property = vera_claim_inspector_get_property;
  object_class->set_property = vera_claim_inspector_set_property;

  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VERA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, VERA_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = vera_claim_inspector_finalize;

  g_type_ensure (VERA_TYPE_CLAIM_CONTEXT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/vera-claim-inspector.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, article_label);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, claim_label);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, colleagues_group);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, conflicts_box);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, context);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, facts_group);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, kinds_label);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, note_view);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, reference_entry);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, references_list);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, stack);
  gtk_widget_class_bind_template_child (widget_class, VeraClaimInspector, status_row);
  gtk_widget_class_bind_template_callback (widget_class, note_focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, reference_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_selected_cb);
  gtk_widget_class_install_action (widget_class, "inspector.paste-link", NULL, paste_link_action);
  gtk_widget_class_install_action (widget_class, "inspector.done-note", NULL, done_note_action);
  /* Bubbling: the note and the address entry paste into themselves first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK, "inspector.paste-link", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "claiminspector");
}

static void
vera_claim_inspector_init (VeraClaimInspector *self)
{
  g_autoptr(GListModel) statuses = vera_app_status_model (NULL);
  GtkWidget *placeholder;

  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_STRING };
  GtkDropTarget *drop_target;
  GtkEventController *note_keys;

  self->dynamic_rows = g_ptr_array_new ();
  self->colleague_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (drop_target, "accept", G_CALLBACK (drop_accept_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));

  /* Caught before the text view, which would insert a line break for Ctrl+Return. */
  note_keys = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (note_keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (note_keys),
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>Return"),
                      gtk_named_action_new ("inspector.done-note")));
  gtk_widget_add_controller (GTK_WIDGET (self->note_view), note_keys);
  placeholder = gtk_label_new (_("No references yet"));
  adw_combo_row_set_model (self->status_row, statuses);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->references_list, placeholder);
  g_signal_connect_object (gtk_text_view_get_buffer (self->note_view), "changed",
                           G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
}
