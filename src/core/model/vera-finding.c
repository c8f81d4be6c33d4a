/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-finding"

#include "config.h"

#include "vera-enums.h"
#include "vera-finding.h"
#include "vera-util.h"

struct _VeraFinding
{
  GObject          parent_instance;
  VeraFindingKind  kind;
  guint            start;
  guint            end;
  char            *text;
  char            *message;
  char            *detail;
  char            *reference_source;
  char            *reference_url;
  double           reference_value;
  int              reference_year;
};

G_DEFINE_FINAL_TYPE (VeraFinding, vera_finding, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_MESSAGE,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vera_finding_finalize (GObject *object)
{
  VeraFinding *self = (VeraFinding *)object;

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->detail, g_free);
  g_clear_pointer (&self->reference_source, g_free);
  g_clear_pointer (&self->reference_url, g_free);

  G_OBJECT_CLASS (vera_finding_parent_class)->finalize (object);
}

static void
vera_finding_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VeraFinding *self = VERA_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:    g_value_set_enum (value, self->kind); break;
    case PROP_START:   g_value_set_uint (value, self->start); break;
    case PROP_END:     g_value_set_uint (value, self->end); break;
    case PROP_TEXT:    g_value_set_string (value, self->text); break;
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    case PROP_DETAIL:  g_value_set_string (value, self->detail); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_finding_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VeraFinding *self = VERA_FINDING (object);

  switch (prop_id)
    {
    case PROP_KIND:    self->kind = g_value_get_enum (value); break;
    case PROP_START:   self->start = g_value_get_uint (value); break;
    case PROP_END:     self->end = g_value_get_uint (value); break;
    case PROP_TEXT:    self->text = g_value_dup_string (value); break;
    case PROP_MESSAGE: self->message = g_value_dup_string (value); break;
    case PROP_DETAIL:  vera_finding_set_detail (self, g_value_get_string (value)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_finding_class_init (VeraFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vera_finding_finalize;
  object_class->get_property = vera_finding_get_property;
  object_class->set_property = vera_finding_set_property;

  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, VERA_TYPE_FINDING_KIND,
                       VERA_FINDING_KIND_INJECTED_TEXT, construct);
  properties [PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties [PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, construct);
  properties [PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, construct);
  properties [PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vera_finding_init (VeraFinding *self)
{
}

VeraFinding *
vera_finding_new (VeraFindingKind  kind,
                  guint            start,
                  guint            end,
                  const char      *text,
                  const char      *message)
{
  g_return_val_if_fail (start <= end, NULL);

  return g_object_new (VERA_TYPE_FINDING,
                       "kind", kind,
                       "start", start,
                       "end", end,
                       "text", text,
                       "message", message,
                       NULL);
}

VeraFindingKind
vera_finding_get_kind (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), 0);
  return self->kind;
}

guint
vera_finding_get_start (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), 0);
  return self->start;
}

guint
vera_finding_get_end (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), 0);
  return self->end;
}

const char *
vera_finding_get_text (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), NULL);
  return self->text;
}

const char *
vera_finding_get_message (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), NULL);
  return self->message;
}

const char *
vera_finding_get_detail (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), NULL);
  return self->detail;
}

void
vera_finding_set_detail (VeraFinding *self,
                         const char  *detail)
{
  g_return_if_fail (VERA_IS_FINDING (self));

  if (vera_set_str (&self->detail, detail))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DETAIL]);
}

void
vera_finding_set_reference (VeraFinding *self,
                            double       value,
                            int          year,
                            const char  *source,
                            const char  *url)
{
  g_return_if_fail (VERA_IS_FINDING (self));

  vera_set_str (&self->reference_source, source);
  vera_set_str (&self->reference_url, source != NULL ? url : NULL);
  self->reference_value = source != NULL ? value : 0;
  self->reference_year = source != NULL ? year : 0;
}

const char *
vera_finding_get_reference_source (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), NULL);
  return self->reference_source;
}

double
vera_finding_get_reference_value (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), 0);
  return self->reference_value;
}

int
vera_finding_get_reference_year (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), 0);
  return self->reference_year;
}

const char *
vera_finding_get_reference_url (VeraFinding *self)
{
  g_return_val_if_fail (VERA_IS_FINDING (self), NULL);
  return self->reference_url;
}
