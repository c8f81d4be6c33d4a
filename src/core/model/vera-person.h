/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_PERSON (vera_person_get_type ())

/* A named person in a claim, with the role the article gives them and whether the claim quotes
 * them. A boxed struct stored in the project file (key "people"). */
struct _VeraPerson
{
  char     *name;    /* "Chen Lin" (titles such as "Dr." are kept in role, not name) */
  char     *role;    /* "Dean of …", "Sequoia China partner", or NULL */
  gboolean  quoted;  /* the claim attributes a quote to this person */
  guint     start;   /* code point offsets of the name in the article text */
  guint     end;
};

GType       vera_person_get_type (void) G_GNUC_CONST;
VeraPerson *vera_person_new      (const char       *name,
                                  const char       *role);
VeraPerson *vera_person_copy     (const VeraPerson *self);
void        vera_person_free     (VeraPerson       *self);
gboolean    vera_person_equal    (const VeraPerson *a,
                                  const VeraPerson *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraPerson, vera_person_free)

G_END_DECLS
