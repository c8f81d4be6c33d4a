/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A known figure that claims are held against. */
typedef struct
{
  char   *subject;   /* "Shanghai" */
  char   *measure;   /* "population" */
  double  value;
  int     year;
  char   *source;
  char   *url;       /* or NULL */
} VeraReferenceFigure;

/* A figure that cannot be true against a reference. */
typedef struct
{
  guint                quantity;   /* index into the quantities handed to the check */
  char                *text;       /* the figure as written */
  guint                start;      /* code points, as in the quantity */
  guint                end;
  char                *reason;     /* a translated sentence for the reviewer */
  VeraReferenceFigure *reference;  /* a copy, or NULL when the figure is impossible by itself
                                      (a share above 100% of a population) */
} VeraImplausible;

typedef struct _VeraPlausibility VeraPlausibility;

/* A table holding the reference figures shipped with Vera. */
VeraPlausibility *vera_plausibility_new          (void);
void              vera_plausibility_free         (VeraPlausibility *self);
/* Adds the figures of a JSON document ({"figures": [{"subject", "aliases", "measure", "value",
 * "year", "source", "url"}]}, or the bare array): a project's own references. A figure whose
 * subject and measure are already known replaces the older one. */
gboolean          vera_plausibility_add_json     (VeraPlausibility *self,
                                                  const char       *data,
                                                  gssize            length,
                                                  GError          **error);
gboolean          vera_plausibility_add_node     (VeraPlausibility *self,
                                                  JsonNode         *node,
                                                  GError          **error);
/* The figure known for @subject (a name or an alias, any case) and @measure, or NULL. */
const VeraReferenceFigure *
                  vera_plausibility_lookup       (VeraPlausibility *self,
                                                  const char       *subject,
                                                  const char       *measure);
/* The known subject that the article names most often, or NULL: the default for sentences
 * that say only "the city" or "residents". */
const char       *vera_plausibility_guess_subject (VeraPlausibility *self,
                                                   const char       *text,
                                                   gsize             length);
/* Checks the figures of one sentence (a count of a place's people more than 10% above its
 * population, or a share above 100% of its people); @default_subject (or NULL) stands for the subject when
 * the sentence does not name one. The quantities are those of vera_quantities_extract() for
 * this sentence, with offsets relative to it (check before shifting them into the article).
 * Returns a GPtrArray of VeraImplausible, whose offsets are relative to the sentence too. */
GPtrArray        *vera_plausibility_check        (VeraPlausibility *self,
                                                  const char       *sentence,
                                                  gsize             length,
                                                  const GPtrArray  *quantities,
                                                  const char       *default_subject);

VeraReferenceFigure *vera_reference_figure_copy  (const VeraReferenceFigure *figure);
void              vera_reference_figure_free     (VeraReferenceFigure *figure);
void              vera_implausible_free          (VeraImplausible  *implausible);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraPlausibility, vera_plausibility_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraImplausible, vera_implausible_free)

/* TRUE when the sorted lexicons of this module are in order (for the tests). */
gboolean   vera_plausibility_lexicons_sorted (void);

G_END_DECLS
