/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project-settings"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-figure-format.h"
#include "vera-project.h"
#include "vera-project-figure.h"
#include "vera-project-settings.h"

struct _VeraProjectSettings
{
  AdwPreferencesWindow  parent_instance;

  VeraProject          *project;

  GtkButton            *add_button;
  AdwEntryRow          *aliases_row;
  GtkListBox           *figure_list;
  GtkLabel             *form_error;
  AdwComboRow          *measure_row;
  AdwEntryRow          *source_row;
  AdwEntryRow          *subject_row;
  GtkAdjustment        *threshold_adjustment;
  AdwEntryRow          *url_row;
  GtkSpinButton        *value_spin;
  AdwEntryRow          *year_row;
};

G_DEFINE_FINAL_TYPE (VeraProjectSettings, vera_project_settings, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_PROJECT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The measures of the form, in the order of its list: the names the figure tables use. */
static const char * const measures[] = { "population", "gdp", "area" };

static const char *
measure_label (const char *measure)
{
  if (g_str_equal (measure, "population"))
    return _("Population");
  if (g_str_equal (measure, "gdp"))
    return _("GDP (current US$)");
  if (g_str_equal (measure, "area"))
    return _("Area (km²)");
  return measure;
}

static void
remove_clicked_cb (GtkButton           *button,
                   VeraProjectSettings *self)
{
  VeraProjectFigure *figure = g_object_get_data (G_OBJECT (button), "figure");

  vera_project_remove_reference_figure (self->project, figure);
}

static GtkWidget *
create_figure_row (gpointer item,
                   gpointer user_data)
{
  VeraProjectSettings *self = user_data;
  VeraProjectFigure *figure = item;
  g_autofree char *number = vera_figure_dup_number (vera_project_figure_get_value (figure));
  g_autofree char *value = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  if (vera_project_figure_get_year (figure) != VERA_PROJECT_FIGURE_NO_YEAR)
    /* Translators: a figure and its year, "1,892,122 (2022)" */
    value = g_strdup_printf (_("%s (%d)"), number, vera_project_figure_get_year (figure));
  else
    value = g_strdup (number);
  /* Translators: the subtitle of a reference figure: the measure, the value, the source,
   * "Population: 1,892,122 (2022) · Statistikamt Nord" */
  subtitle = g_strdup_printf (_("%s: %s · %s"),
                              measure_label (vera_project_figure_get_measure (figure)), value,
                              vera_project_figure_get_source (figure));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vera_project_figure_get_subject (figure));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove this figure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this figure"), -1);
  gtk_widget_add_css_class (remove, "flat");
  g_object_set_data_full (G_OBJECT (remove), "figure", g_object_ref (figure), g_object_unref);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

static void
update_add_button (VeraProjectSettings *self)
{
  gboolean complete = !is_blank (row_text (self->subject_row)) &&
                      !is_blank (row_text (self->source_row)) &&
                      gtk_spin_button_get_value (self->value_spin) > 0;

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), complete);
}

static void
show_form_error (VeraProjectSettings *self,
                 AdwEntryRow         *row,
                 const char          *message)
{
  gtk_label_set_text (self->form_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), message != NULL);
  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

static void
clear_form_error (VeraProjectSettings *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->year_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->url_row), "error");
  show_form_error (self, NULL, NULL);
}

static gboolean
parse_year (const char *text,
            int        *year)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint64 value;

  *year = VERA_PROJECT_FIGURE_NO_YEAR;
  if (*trimmed == '\0')
    return TRUE;
  if (!g_ascii_string_to_unsigned (trimmed, 10, 1, 9999, &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);

  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0);
}

static char **
split_aliases (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      if (parts[i][0] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }
  return g_strv_builder_end (builder);
}

static void
add_clicked_cb (VeraProjectSettings *self)
{
  g_autofree char *subject = g_strstrip (g_strdup (row_text (self->subject_row)));
  g_autofree char *source = g_strstrip (g_strdup (row_text (self->source_row)));
  g_autofree char *url = g_strstrip (g_strdup (row_text (self->url_row)));
  g_auto(GStrv) aliases = split_aliases (row_text (self->aliases_row));
  g_autoptr(VeraProjectFigure) figure = NULL;
  guint measure = adw_combo_row_get_selected (self->measure_row);
  int year;

  clear_form_error (self);
  if (!parse_year (row_text (self->year_row), &year))
    {
      show_form_error (self, self->year_row, _("The year must be a whole number such as 2023, or empty."));
      return;
    }
  if (*url != '\0' && !is_web_address (url))
    {
      show_form_error (self, self->url_row, _("The web address must start with https:// or http://, or be empty."));
      return;
    }
  if (measure >= G_N_ELEMENTS (measures) || *subject == '\0' || *source == '\0' ||
      gtk_spin_button_get_value (self->value_spin) <= 0)
    return;

  figure = vera_project_figure_new (subject, (const char * const *) aliases, measures[measure],
                                    gtk_spin_button_get_value (self->value_spin), year, source,
                                    *url != '\0' ? url : NULL);
  vera_project_add_reference_figure (self->project, figure);

  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->aliases_row), "");
  gtk_spin_button_set_value (self->value_spin, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->year_row), "");
  /* The next figure is often from the same source. */
  gtk_widget_grab_focus (GTK_WIDGET (self->subject_row));
}

static void
vera_project_settings_constructed (GObject *object)
{
  VeraProjectSettings *self = VERA_PROJECT_SETTINGS (object);

  G_OBJECT_CLASS (vera_project_settings_parent_class)->constructed (object);

  g_assert (VERA_IS_PROJECT (self->project));
  g_object_bind_property (self->project, "claim-threshold", self->threshold_adjustment, "value",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_list_box_bind_model (self->figure_list, vera_project_get_reference_figures (self->project),
                           create_figure_row, self, NULL);
}

static void
vera_project_settings_dispose (GObject *object)
{
  VeraProjectSettings *self = (VeraProjectSettings *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_PROJECT_SETTINGS);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (vera_project_settings_parent_class)->dispose (object);
}

static void
vera_project_settings_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VeraProjectSettings *self = VERA_PROJECT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_PROJECT: g_value_set_object (value, self->project); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_project_settings_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VeraProjectSettings *self = VERA_PROJECT_SETTINGS (object);

  switch (prop_id)
    {
    case PROP_PROJECT: self->project = g_value_dup_object (value); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_project_settings_class_init (VeraProjectSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vera_project_settings_constructed;
  object_class->dispose = vera_project_settings_dispose;
  object_class->get_property = vera_project_settings_get_property;
  object_class->set_property = vera_project_settings_set_property;

  properties [PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL, VERA_TYPE_PROJECT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/verafact/Vera/vera-project-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, add_button);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, aliases_row);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, figure_list);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, form_error);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, measure_row);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, source_row);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, subject_row);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, threshold_adjustment);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, url_row);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, value_spin);
  gtk_widget_class_bind_template_child (widget_class, VeraProjectSettings, year_row);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
vera_project_settings_init (VeraProjectSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->subject_row, "changed", G_CALLBACK (update_add_button), self);
  g_signal_connect_swapped (self->source_row, "changed", G_CALLBACK (update_add_button), self);
  g_signal_connect_swapped (self->value_spin, "value-changed", G_CALLBACK (update_add_button), self);
  g_signal_connect_swapped (self->year_row, "changed", G_CALLBACK (clear_form_error), self);
  g_signal_connect_swapped (self->url_row, "changed", G_CALLBACK (clear_form_error), self);
}

GtkWidget *
vera_project_settings_new (GtkWindow   *parent,
                           VeraProject *project)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VERA_IS_PROJECT (project), NULL);

  return g_object_new (VERA_TYPE_PROJECT_SETTINGS,
                       "transient-for", parent,
                       "project", project,
                       NULL);
}

VeraProject *
vera_project_settings_get_project (VeraProjectSettings *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_SETTINGS (self), NULL);
  return self->project;
}
