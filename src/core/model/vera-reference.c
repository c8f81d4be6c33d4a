/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-reference"

#include "config.h"

#include "vera-enums.h"
#include "vera-reference.h"
#include "vera-util.h"

struct _VeraReference
{
  GObject         parent_instance;
  char           *fields[VERA_REFERENCE_N_FIELDS];
  guint           http_status;
  VeraLinkHealth  health;
  VeraStance      stance;
};

G_DEFINE_FINAL_TYPE (VeraReference, vera_reference, G_TYPE_OBJECT)

/* The string properties come first and follow VeraReferenceField, so a field's property id is
 * its index plus one. */
enum {
  PROP_0,
  PROP_FIRST_FIELD,
  PROP_HTTP_STATUS = PROP_FIRST_FIELD + VERA_REFERENCE_N_FIELDS,
  PROP_HEALTH,
  PROP_STANCE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *field_keys[VERA_REFERENCE_N_FIELDS] = {
  "url", "final_url", "title", "site_name", "author", "published", "description", "language",
  "content_type", "archive_url", "archive_time", "fetched", "error", "note",
};

static void
vera_reference_finalize (GObject *object)
{
  VeraReference *self = (VeraReference *)object;

  for (guint i = 0; i < VERA_REFERENCE_N_FIELDS; i++)
    g_clear_pointer (&self->fields[i], g_free);

  G_OBJECT_CLASS (vera_reference_parent_class)->finalize (object);
}

static void
vera_reference_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  VeraReference *self = VERA_REFERENCE (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_HTTP_STATUS)
    {
      g_value_set_string (value, self->fields[prop_id - PROP_FIRST_FIELD]);
      return;
    }

  switch (prop_id)
    {
    case PROP_HTTP_STATUS: g_value_set_uint (value, self->http_status); break;
    case PROP_HEALTH:      g_value_set_enum (value, self->health); break;
    case PROP_STANCE:      g_value_set_enum (value, self->stance); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_reference_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  VeraReference *self = VERA_REFERENCE (object);

  if (prop_id >= PROP_FIRST_FIELD && prop_id < PROP_HTTP_STATUS)
    {
      vera_reference_set_field (self, prop_id - PROP_FIRST_FIELD, g_value_get_string (value));
      return;
    }

  switch (prop_id)
    {
    case PROP_HTTP_STATUS: vera_reference_set_http_status (self, g_value_get_uint (value)); break;
    case PROP_HEALTH:      vera_reference_set_health (self, g_value_get_enum (value)); break;
    case PROP_STANCE:      vera_reference_set_stance (self, g_value_get_enum (value)); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_reference_class_init (VeraReferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vera_reference_finalize;
  object_class->get_property = vera_reference_get_property;
  object_class->set_property = vera_reference_set_property;

  for (guint i = 0; i < VERA_REFERENCE_N_FIELDS; i++)
    {
      /* Property names are the JSON keys with dashes; they live as long as the class. */
      char *name = g_strdelimit (g_strdup (field_keys[i]), "_", '-');

      properties [PROP_FIRST_FIELD + i] =
        g_param_spec_string (g_intern_string (name), NULL, NULL, NULL, flags);
      g_free (name);
    }
  properties [PROP_HTTP_STATUS] =
    g_param_spec_uint ("http-status", NULL, NULL, 0, 999, 0, flags);
  properties [PROP_HEALTH] =
    g_param_spec_enum ("health", NULL, NULL, VERA_TYPE_LINK_HEALTH, VERA_LINK_HEALTH_UNKNOWN, flags);
  properties [PROP_STANCE] =
    g_param_spec_enum ("stance", NULL, NULL, VERA_TYPE_STANCE, VERA_STANCE_NONE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vera_reference_init (VeraReference *self)
{
}

VeraReference *
vera_reference_new (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  return g_object_new (VERA_TYPE_REFERENCE, "url", url, NULL);
}

VeraReference *
vera_reference_copy (VeraReference *self)
{
  VeraReference *copy;

  g_return_val_if_fail (VERA_IS_REFERENCE (self), NULL);

  copy = g_object_new (VERA_TYPE_REFERENCE, NULL);
  for (guint i = 0; i < VERA_REFERENCE_N_FIELDS; i++)
    copy->fields[i] = g_strdup (self->fields[i]);
  copy->http_status = self->http_status;
  copy->health = self->health;
  copy->stance = self->stance;
  return copy;
}

const char *
vera_reference_field_get_key (VeraReferenceField field)
{
  g_return_val_if_fail (field < VERA_REFERENCE_N_FIELDS, NULL);
  return field_keys[field];
}

const char *
vera_reference_get_field (VeraReference      *self,
                          VeraReferenceField  field)
{
  g_return_val_if_fail (VERA_IS_REFERENCE (self), NULL);
  g_return_val_if_fail (field < VERA_REFERENCE_N_FIELDS, NULL);
  return self->fields[field];
}

void
vera_reference_set_field (VeraReference      *self,
                          VeraReferenceField  field,
                          const char         *value)
{
  g_return_if_fail (VERA_IS_REFERENCE (self));
  g_return_if_fail (field < VERA_REFERENCE_N_FIELDS);

  if (vera_set_str (&self->fields[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FIRST_FIELD + field]);
}

const char *
vera_reference_get_url (VeraReference *self)
{
  return vera_reference_get_field (self, VERA_REFERENCE_URL);
}

const char *
vera_reference_get_title (VeraReference *self)
{
  return vera_reference_get_field (self, VERA_REFERENCE_TITLE);
}

guint
vera_reference_get_http_status (VeraReference *self)
{
  g_return_val_if_fail (VERA_IS_REFERENCE (self), 0);
  return self->http_status;
}

void
vera_reference_set_http_status (VeraReference *self,
                                guint          status)
{
  g_return_if_fail (VERA_IS_REFERENCE (self));

  if (self->http_status == status)
    return;
  self->http_status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HTTP_STATUS]);
}

VeraLinkHealth
vera_reference_get_health (VeraReference *self)
{
  g_return_val_if_fail (VERA_IS_REFERENCE (self), VERA_LINK_HEALTH_UNKNOWN);
  return self->health;
}

void
vera_reference_set_health (VeraReference  *self,
                           VeraLinkHealth  health)
{
  g_return_if_fail (VERA_IS_REFERENCE (self));

  if (self->health == health)
    return;
  self->health = health;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HEALTH]);
}

VeraStance
vera_reference_get_stance (VeraReference *self)
{
  g_return_val_if_fail (VERA_IS_REFERENCE (self), VERA_STANCE_NONE);
  return self->stance;
}

void
vera_reference_set_stance (VeraReference *self,
                           VeraStance     stance)
{
  g_return_if_fail (VERA_IS_REFERENCE (self));

  if (self->stance == stance)
    return;
  self->stance = stance;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STANCE]);
}
