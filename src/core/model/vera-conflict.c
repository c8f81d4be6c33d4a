/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-conflict"

#include "config.h"

#include "vera-conflict.h"
#include "vera-enums.h"

struct _VeraConflict
{
  GObject           parent_instance;
  char             *id;
  VeraConflictKind  kind;
  char             *topic;
  GPtrArray        *claim_ids;
  GPtrArray        *values;
};

G_DEFINE_FINAL_TYPE (VeraConflict, vera_conflict, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_TOPIC,
  PROP_N_MEMBERS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
vera_conflict_finalize (GObject *object)
{
  VeraConflict *self = (VeraConflict *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->topic, g_free);
  g_clear_pointer (&self->claim_ids, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);

  G_OBJECT_CLASS (vera_conflict_parent_class)->finalize (object);
}

static void
vera_conflict_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VeraConflict *self = VERA_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID:        g_value_set_string (value, self->id); break;
    case PROP_KIND:      g_value_set_enum (value, self->kind); break;
    case PROP_TOPIC:     g_value_set_string (value, self->topic); break;
    case PROP_N_MEMBERS: g_value_set_uint (value, self->claim_ids->len); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_conflict_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VeraConflict *self = VERA_CONFLICT (object);

  switch (prop_id)
    {
    case PROP_ID:    self->id = g_value_dup_string (value); break;
    case PROP_KIND:  self->kind = g_value_get_enum (value); break;
    case PROP_TOPIC: self->topic = g_value_dup_string (value); break;
    default:         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_conflict_class_init (VeraConflictClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = vera_conflict_finalize;
  object_class->get_property = vera_conflict_get_property;
  object_class->set_property = vera_conflict_set_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, VERA_TYPE_CONFLICT_KIND, VERA_CONFLICT_KIND_FIGURE,
                       construct);
  properties [PROP_TOPIC] = g_param_spec_string ("topic", NULL, NULL, NULL, construct);
  properties [PROP_N_MEMBERS] =
    g_param_spec_uint ("n-members", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vera_conflict_init (VeraConflict *self)
{
  self->claim_ids = g_ptr_array_new_with_free_func (g_free);
  self->values = g_ptr_array_new_with_free_func (g_free);
}

VeraConflict *
vera_conflict_new (const char       *id,
                   VeraConflictKind  kind,
                   const char       *topic)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (VERA_TYPE_CONFLICT,
                       "id", id,
                       "kind", kind,
                       "topic", topic,
                       NULL);
}

const char *
vera_conflict_get_id (VeraConflict *self)
{
  g_return_val_if_fail (VERA_IS_CONFLICT (self), NULL);
  return self->id;
}

VeraConflictKind
vera_conflict_get_kind (VeraConflict *self)
{
  g_return_val_if_fail (VERA_IS_CONFLICT (self), 0);
  return self->kind;
}

const char *
vera_conflict_get_topic (VeraConflict *self)
{
  g_return_val_if_fail (VERA_IS_CONFLICT (self), NULL);
  return self->topic;
}

void
vera_conflict_add_member (VeraConflict *self,
                          const char   *claim_id,
                          const char   *value)
{
  g_return_if_fail (VERA_IS_CONFLICT (self));
  g_return_if_fail (claim_id != NULL);

  g_ptr_array_add (self->claim_ids, g_strdup (claim_id));
  g_ptr_array_add (self->values, g_strdup (value));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_MEMBERS]);
}

guint
vera_conflict_get_n_members (VeraConflict *self)
{
  g_return_val_if_fail (VERA_IS_CONFLICT (self), 0);
  return self->claim_ids->len;
}

const char *
vera_conflict_get_claim_id (VeraConflict *self,
                            guint         index)
{
  g_return_val_if_fail (VERA_IS_CONFLICT (self), NULL);
  g_return_val_if_fail (index < self->claim_ids->len, NULL);
  return g_ptr_array_index (self->claim_ids, index);
}

const char *
vera_conflict_get_value (VeraConflict *self,
                         guint         index)
{
  g_return_val_if_fail (VERA_IS_CONFLICT (self), NULL);
  g_return_val_if_fail (index < self->values->len, NULL);
  return g_ptr_array_index (self->values, index);
}

gboolean
vera_conflict_has_claim (VeraConflict *self,
                         const char   *claim_id)
{
  g_return_val_if_fail (VERA_IS_CONFLICT (self), FALSE);

  for (guint i = 0; i < self->claim_ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->claim_ids, i), claim_id) == 0)
      return TRUE;
  return FALSE;
}
