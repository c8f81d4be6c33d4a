/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"
#include "vera-types.h"

G_BEGIN_DECLS

/* One claim handed to the linker. The linker copies what it needs; nothing is kept. */
typedef struct
{
  const char      *article_id;
  const char      *claim_id;
  const char      *sentence;    /* the claim's text, UTF-8 */
  gsize            length;      /* bytes of @sentence, or -1 when NUL-terminated */
  guint            offset;      /* code point offset of @sentence in its article: quantity
                                   offsets minus this are offsets into @sentence (0 when the
                                   quantities are relative to the sentence already) */
  const GPtrArray *quantities;  /* of VeraQuantity, or NULL */
  const GPtrArray *people;      /* of VeraPerson, or NULL */
  VeraLanguage     language;    /* the article's language; UND reads the sentence as it comes
                                   (German compounds are split only for DE) */
} VeraLinkItem;

/* One side of a conflict. */
typedef struct
{
  char   *article_id;
  char   *claim_id;
  char   *text;        /* the figure or the date as written, or the role given to the person */
  double  value;       /* NAN for person conflicts; for dates the Julian day of its start */
  double  value_to;    /* the end of a range (for dates the Julian day of its end), NAN otherwise */
  char   *unit;        /* "date" for dates, NULL for person conflicts */
} VeraLinkMember;

typedef struct
{
  VeraConflictKind  kind;
  char             *topic;    /* "foreign experts", "Chen Lin" */
  char             *key;      /* the normalised subject key the members share */
  GPtrArray        *members;  /* of VeraLinkMember, in the order the claims were added */
} VeraLinkConflict;

typedef struct _VeraLinker VeraLinker;

VeraLinker  *vera_linker_new             (void);
void         vera_linker_free            (VeraLinker         *self);
/* The least relative difference at which two figures disagree, on top of what their written
 * precision ("7.8 million" stands for 7.75–7.85 million) and their qualifiers ("more than",
 * "nearly", "about") allow; 0.01 by default. */
void         vera_linker_set_tolerance   (VeraLinker         *self,
                                          double              tolerance);
void         vera_linker_add             (VeraLinker         *self,
                                          const VeraLinkItem *item);
/* Moves what @other was given into @self, as if it had been added to @self after everything
 * @self holds, and leaves @other empty. Articles can be fed to linkers of their own in worker
 * threads and merged in article order: the conflicts are the same as from one linker. */
void         vera_linker_merge           (VeraLinker         *self,
                                          VeraLinker         *other);
/* Conflicts between claims of different articles, a GPtrArray of VeraLinkConflict in a stable
 * order (the order in which their subjects were first seen). Indexed by subject key and name:
 * the cost grows with the number of claims, not with its square. */
GPtrArray   *vera_linker_find_conflicts  (VeraLinker         *self);

void         vera_link_conflict_free     (VeraLinkConflict   *conflict);

/* The normalised subject key of a counted noun in any of the three languages, through the
 * concept vocabulary (any/linker-concepts.txt): "overseas-educated professionals" and
 * "ausländische Fachkräfte" → "foreign talent"; @event is the verb that follows the noun
 * ("return") or NULL. */
char        *vera_linker_subject_key     (const char         *noun,
                                          const char         *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraLinker, vera_linker_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraLinkConflict, vera_link_conflict_free)

G_END_DECLS
