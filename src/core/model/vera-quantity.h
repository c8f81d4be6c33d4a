/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_QUANTITY (vera_quantity_get_type ())

/* One figure found in a claim, parsed and normalised. A plain boxed struct: the analysis fills
 * it, the project file stores it (key "quantities"), the linker compares it. */
struct _VeraQuantity
{
  char   *text;       /* the figure as written, "$48 billion" */
  double  value;      /* normalised value, 4.8e10 */
  double  value_to;   /* the end of a range ("from 80% to 37%" → 80, 37), NAN otherwise */
  char   *unit;       /* "USD", "CNY", "EUR", "GBP", "percent", "percentage-points", "count",
                         "nm", "km2", "qubit", …, or NULL */
  char   *noun;       /* the counted noun for counts, "tech firms"; NULL otherwise */
  char   *qualifier;  /* "over", "more than", "nearly", "up to", …, or NULL */
  char   *scope;      /* time scope, "in 2024", "since 2020", "annually", or NULL */
  guint   start;      /* code point offsets into the article text, end exclusive */
  guint   end;
};

GType         vera_quantity_get_type (void) G_GNUC_CONST;
VeraQuantity *vera_quantity_new      (void);
VeraQuantity *vera_quantity_copy     (const VeraQuantity *self);
void          vera_quantity_free     (VeraQuantity       *self);
gboolean      vera_quantity_equal    (const VeraQuantity *a,
                                      const VeraQuantity *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraQuantity, vera_quantity_free)

G_END_DECLS
