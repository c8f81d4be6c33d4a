/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantity"

#include "config.h"

#include <math.h>

#include "vera-quantity.h"

G_DEFINE_BOXED_TYPE (VeraQuantity, vera_quantity, vera_quantity_copy, vera_quantity_free)

VeraQuantity *
vera_quantity_new (void)
{
  VeraQuantity *self = g_new0 (VeraQuantity, 1);

  self->value_to = NAN;
  return self;
}

VeraQuantity *
vera_quantity_copy (const VeraQuantity *self)
{
  VeraQuantity *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->text = g_strdup (self->text);
  copy->unit = g_strdup (self->unit);
  copy->noun = g_strdup (self->noun);
  copy->qualifier = g_strdup (self->qualifier);
  copy->scope = g_strdup (self->scope);
  return copy;
}

void
vera_quantity_free (VeraQuantity *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->unit);
  g_free (self->noun);
  g_free (self->qualifier);
  g_free (self->scope);
  g_free (self);
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

gboolean
vera_quantity_equal (const VeraQuantity *a,
                     const VeraQuantity *b)
{
  return same_double (a->value, b->value) &&
         same_double (a->value_to, b->value_to) &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->unit, b->unit) == 0 &&
         g_strcmp0 (a->noun, b->noun) == 0 &&
         g_strcmp0 (a->qualifier, b->qualifier) == 0 &&
         g_strcmp0 (a->scope, b->scope) == 0 &&
         a->start == b->start && a->end == b->end;
}
