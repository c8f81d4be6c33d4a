/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "vera-plausibility.h"

G_BEGIN_DECLS

/* The places and figures that vera-plausibility.c holds claims against: the shipped table
 * (src/core/analysis/reference-table.tsv) and a project's own figures, in one structure. */

typedef enum
{
  PLACE_COUNTRY,
  PLACE_PROVINCE,
  PLACE_CITY,
  PLACE_PROJECT,
} PlaceKind;

typedef struct
{
  char      *id;
  char      *name;      /* English display name, or the project's subject */
  char      *name_de;   /* German and Chinese display names, or NULL */
  char      *name_zh;
  PlaceKind  kind;
  char       iso2[3];
  GPtrArray *figures;   /* VeraReferenceFigure, owned */
} Place;

/* A set of places and their names: the shipped table, or the project's own figures. */
typedef struct
{
  GPtrArray  *places;     /* Place, owned */
  GHashTable *by_name;    /* casefolded name → GPtrArray of Place (the candidates) */
  GHashTable *by_id;      /* id → Place */
  GHashTable *countries;  /* ISO2 → country Place */
  GHashTable *divisions;  /* casefolded name of a state or Land → ISO2 codes, "DE US" */
} Table;

typedef enum
{
  MEASURE_NONE,
  MEASURE_POPULATION,
  MEASURE_GDP,
  MEASURE_AREA,
} Measure;

/* An empty table. */
Table      *vera_ref_table_new         (void);
void        vera_ref_table_free        (Table       *t);
/* The shipped table from the GResource (never NULL; empty, with a critical, if unreadable). */
Table      *vera_ref_table_load        (void);
Place      *vera_ref_table_add_place   (Table       *t,
                                        const char  *id,
                                        const char  *name,
                                        PlaceKind    kind,
                                        const char  *iso2);
/* Adds @len bytes of @name (-1: NUL-terminated) as a name of @place. */
void        vera_ref_table_add_name    (Table       *t,
                                        const char  *name,
                                        gssize       len,
                                        Place       *place);
/* Adds figure @index of a project's JSON ({"subject", "aliases", "measure", "value", "year",
 * "source", "url"}); a figure of a known subject and measure replaces the older one. */
gboolean    vera_ref_table_add_figure  (Table       *t,
                                        JsonNode    *node,
                                        guint        index,
                                        GError     **error);

/* TRUE when @f measures @measure (population also counts an agglomeration when @with_metro). */
gboolean    vera_ref_measure_matches   (const VeraReferenceFigure *f,
                                        Measure                    measure,
                                        gboolean                   with_metro);
Measure     vera_ref_measure_from_name (const char  *name);
gboolean    vera_ref_place_has         (const Place *place,
                                        Measure      measure);
/* The figure for @year (0: the latest), or NULL when the series does not come within two
 * years of it; a figure without a year answers for any year. */
const VeraReferenceFigure *
            vera_ref_place_figure      (const Place *place,
                                        Measure      measure,
                                        int          year);
/* The largest population figure of @place (city, municipality or agglomeration), or 0. */
double      vera_ref_place_size        (const Place *place);

G_END_DECLS
