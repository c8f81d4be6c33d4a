/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VERA_TYPE_PROJECT_FIGURE (vera_project_figure_get_type ())

G_DECLARE_FINAL_TYPE (VeraProjectFigure, vera_project_figure, VERA, PROJECT_FIGURE, GObject)

/* One of a project's own reference figures ("the population of Hamburg is 1,892,122 (2022,
 * Statistikamt Nord)"), held against the figures of its articles on top of the table shipped
 * with Vera. Immutable: editing one replaces it in the project. */
#define VERA_PROJECT_FIGURE_NO_YEAR 0

/* @subject and @measure are non-empty ("Hamburg", "population"); @value is finite and above
 * zero; @aliases (NULL-terminated, may be NULL) are other names of the subject; @year is
 * VERA_PROJECT_FIGURE_NO_YEAR when unknown; @source is non-empty (who published the figure);
 * @url may be NULL. Returns NULL when a precondition fails. */
VeraProjectFigure  *vera_project_figure_new          (const char         *subject,
                                                      const char * const *aliases,
                                                      const char         *measure,
                                                      double              value,
                                                      int                 year,
                                                      const char         *source,
                                                      const char         *url);
const char         *vera_project_figure_get_subject  (VeraProjectFigure  *self);
/* Never NULL; may be empty. */
const char * const *vera_project_figure_get_aliases  (VeraProjectFigure  *self);
const char         *vera_project_figure_get_measure  (VeraProjectFigure  *self);
double              vera_project_figure_get_value    (VeraProjectFigure  *self);
int                 vera_project_figure_get_year     (VeraProjectFigure  *self);
const char         *vera_project_figure_get_source   (VeraProjectFigure  *self);
const char         *vera_project_figure_get_url      (VeraProjectFigure  *self);
/* TRUE when both are about the same subject and measure (case-insensitive): one replaces the
 * other in a project. */
gboolean            vera_project_figure_same_subject (VeraProjectFigure  *self,
                                                      VeraProjectFigure  *other);

G_END_DECLS
