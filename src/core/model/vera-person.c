/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-person"

#include "config.h"

#include "vera-person.h"

G_DEFINE_BOXED_TYPE (VeraPerson, vera_person, vera_person_copy, vera_person_free)

VeraPerson *
vera_person_new (const char *name,
                 const char *role)
{
  VeraPerson *self = g_new0 (VeraPerson, 1);

  self->name = g_strdup (name);
  self->role = g_strdup (role);
  return self;
}

VeraPerson *
vera_person_copy (const VeraPerson *self)
{
  VeraPerson *copy;

  g_return_val_if_fail (self != NULL, NULL);
  copy = g_memdup2 (self, sizeof *self);
  copy->name = g_strdup (self->name);
  copy->role = g_strdup (self->role);
  return copy;
}

void
vera_person_free (VeraPerson *self)
{
  if (self == NULL)
    return;
  g_free (self->name);
  g_free (self->role);
  g_free (self);
}

gboolean
vera_person_equal (const VeraPerson *a,
                   const VeraPerson *b)
{
  return g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->role, b->role) == 0 &&
         a->quoted == b->quoted &&
         a->start == b->start && a->end == b->end;
}
