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

/* The reference figures shipped with Vera (src/core/analysis/reference-table.tsv, made by
 * tools/make-reference-table.py: World Bank population 2015–2024 and GDP 2014–2023 of every
 * country, GeoNames areas and city populations, UN agglomerations, China's 2020 census by
 * province), and a project's own figures on top. The shipped table is read on the first check
 * or lookup, not here; one table may be used from several threads once the project's figures
 * are added. */
VeraPlausibility *vera_plausibility_new          (void);
void              vera_plausibility_free         (VeraPlausibility *self);
/* Adds the figures of a JSON document ({"figures": [{"subject", "aliases", "measure", "value",
 * "year", "source", "url"}]}, or the bare array): a project's own references. "measure" is
 * "population" (the default), "gdp" (current US$) or "area" (km²). A figure whose subject and
 * measure are already known replaces the older one; a subject named like a shipped place
 * overrides the shipped figure of that measure. */
gboolean          vera_plausibility_add_json     (VeraPlausibility *self,
                                                  const char       *data,
                                                  gssize            length,
                                                  GError          **error);
gboolean          vera_plausibility_add_node     (VeraPlausibility *self,
                                                  JsonNode         *node,
                                                  GError          **error);
/* The latest figure known for @subject (a name in English, German or Chinese, any case, or an
 * id from vera_plausibility_guess_subject()) and @measure ("population", "gdp", "area"), or
 * NULL, also when the name means several places (Springfield, Georgia). */
const VeraReferenceFigure *
                  vera_plausibility_lookup       (VeraPlausibility *self,
                                                  const char       *subject,
                                                  const char       *measure);
/* The city (or project subject) the article names most often, as an id for @default_subject
 * of vera_plausibility_check(), or NULL: the default for sentences that say only "residents". */
const char       *vera_plausibility_guess_subject (VeraPlausibility *self,
                                                   const char       *text,
                                                   gsize             length);
/* Checks the figures of one sentence in English, German or Chinese:
 *  - a total ("Germany has a population of 120 million", "Die Wirtschaftsleistung Chinas lag
 *    bei 60 Billionen Dollar", "瑞士国土面积为120万平方公里") far outside the margin of the
 *    reference of its year (else the latest): above 1.25× or below 0.4× for a country's
 *    population, wider for GDP and for cities, which are held against the larger of city and
 *    agglomeration and have no year;
 *  - a part larger than its whole: a count of a place's people above its population, a share
 *    above 100% of a population.
 * Changes, forecasts, comparisons, figures per head, figures of years the reference does not
 * cover and ambiguous place names are left alone. @default_subject (or NULL) stands for the
 * place of a count of people when the sentence names none. The quantities are those of
 * vera_quantities_extract() for this sentence, with offsets relative to it (check before
 * shifting them into the article). Returns a GPtrArray of VeraImplausible, whose offsets are
 * relative to the sentence too. */
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

G_END_DECLS
