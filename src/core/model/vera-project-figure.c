/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project-figure"

#include "config.h"

#include <math.h>

#include "vera-project-figure.h"

struct _VeraProjectFigure
{
  GObject  parent_instance;

  char    *subject;
  char   **aliases;
  char    *measure;
  double   value;
  int      year;
  char    *source;
  char    *url;
};

G_DEFINE_FINAL_TYPE (VeraProjectFigure, vera_project_figure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SUBJECT,
  PROP_ALIASES,
  PROP_MEASURE,
  PROP_VALUE,
  PROP_YEAR,
  PROP_SOURCE,
  PROP_URL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vera_project_figure_finalize (GObject *object)
{
  VeraProjectFigure *self = (VeraProjectFigure *)object;

  g_free (self->subject);
  g_strfreev (self->aliases);
  g_free (self->measure);
  g_free (self->source);
  g_free (self->url);

  G_OBJECT_CLASS (vera_project_figure_parent_class)->finalize (object);
}

static void
vera_project_figure_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VeraProjectFigure *self = VERA_PROJECT_FIGURE (object);

  switch (prop_id)
    {
    case PROP_SUBJECT: g_value_set_string (value, self->subject); break;
    case PROP_ALIASES: g_value_set_boxed (value, self->aliases); break;
    case PROP_MEASURE: g_value_set_string (value, self->measure); break;
    case PROP_VALUE:   g_value_set_double (value, self->value); break;
    case PROP_YEAR:    g_value_set_int (value, self->year); break;
    case PROP_SOURCE:  g_value_set_string (value, self->source); break;
    case PROP_URL:     g_value_set_string (value, self->url); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_project_figure_class_init (VeraProjectFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vera_project_figure_finalize;
  object_class->get_property = vera_project_figure_get_property;

  properties [PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, ro);
  properties [PROP_ALIASES] = g_param_spec_boxed ("aliases", NULL, NULL, G_TYPE_STRV, ro);
  properties [PROP_MEASURE] = g_param_spec_string ("measure", NULL, NULL, NULL, ro);
  properties [PROP_VALUE] = g_param_spec_double ("value", NULL, NULL, 0, G_MAXDOUBLE, 0, ro);
  properties [PROP_YEAR] = g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties [PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);
  properties [PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vera_project_figure_init (VeraProjectFigure *self)
{
}

VeraProjectFigure *
vera_project_figure_new (const char         *subject,
                         const char * const *aliases,
                         const char         *measure,
                         double              value,
                         int                 year,
                         const char         *source,
                         const char         *url)
{
  VeraProjectFigure *self;
  static const char * const none[] = { NULL };

  g_return_val_if_fail (subject != NULL && *subject != '\0', NULL);
  g_return_val_if_fail (measure != NULL && *measure != '\0', NULL);
  g_return_val_if_fail (isfinite (value) && value > 0, NULL);
  g_return_val_if_fail (year >= 0, NULL);
  g_return_val_if_fail (source != NULL && *source != '\0', NULL);

  self = g_object_new (VERA_TYPE_PROJECT_FIGURE, NULL);
  self->subject = g_strdup (subject);
  self->aliases = g_strdupv ((char **) (aliases != NULL ? aliases : none));
  self->measure = g_strdup (measure);
  self->value = value;
  self->year = year;
  self->source = g_strdup (source);
  self->url = g_strdup (url != NULL && *url != '\0' ? url : NULL);
  return self;
}

const char *
vera_project_figure_get_subject (VeraProjectFigure *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), NULL);
  return self->subject;
}

const char * const *
vera_project_figure_get_aliases (VeraProjectFigure *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), NULL);
  return (const char * const *) self->aliases;
}

const char *
vera_project_figure_get_measure (VeraProjectFigure *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), NULL);
  return self->measure;
}

double
vera_project_figure_get_value (VeraProjectFigure *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), 0);
  return self->value;
}

int
vera_project_figure_get_year (VeraProjectFigure *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), 0);
  return self->year;
}

const char *
vera_project_figure_get_source (VeraProjectFigure *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), NULL);
  return self->source;
}

const char *
vera_project_figure_get_url (VeraProjectFigure *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), NULL);
  return self->url;
}

gboolean
vera_project_figure_same_subject (VeraProjectFigure *self,
                                  VeraProjectFigure *other)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (self), FALSE);
  g_return_val_if_fail (VERA_IS_PROJECT_FIGURE (other), FALSE);

  if (g_ascii_strcasecmp (self->measure, other->measure) != 0)
    return FALSE;
  a = g_utf8_casefold (self->subject, -1);
  b = g_utf8_casefold (other->subject, -1);
  return g_str_equal (a, b);
}
