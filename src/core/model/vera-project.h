/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_PROJECT (vera_project_get_type ())

G_DECLARE_FINAL_TYPE (VeraProject, vera_project, VERA, PROJECT, GObject)

/* The document: articles, conflicts, the file it lives in, whether it has unsaved changes, and
 * the undo history of review actions. Every review action goes through the project, which
 * records it, marks the project dirty and stamps the claim with reviewer and time. */
VeraProject  *vera_project_new                 (void);

GListModel   *vera_project_get_articles        (VeraProject    *self);
GListModel   *vera_project_get_conflicts       (VeraProject    *self);
/* Adds an article; its id must be unique in the project. */
gboolean      vera_project_add_article         (VeraProject    *self,
                                                VeraArticle    *article,
                                                GError        **error);
/* An article id not used yet ("a1", "a2", …). */
char         *vera_project_dup_next_article_id (VeraProject    *self);
VeraArticle  *vera_project_find_article        (VeraProject    *self,
                                                const char     *id);
VeraClaim    *vera_project_find_claim          (VeraProject    *self,
                                                const char     *id);
void          vera_project_replace_conflicts   (VeraProject    *self,
                                                GPtrArray      *conflicts);
/* The conflicts a claim belongs to, as a new array of VeraConflict. */
GPtrArray    *vera_project_dup_conflicts_for   (VeraProject    *self,
                                                VeraClaim      *claim);
guint         vera_project_get_n_claims        (VeraProject    *self);

GFile        *vera_project_get_file            (VeraProject    *self);
void          vera_project_set_file            (VeraProject    *self,
                                                GFile          *file);
/* A display name: the file's basename, or "Untitled Project". */
char         *vera_project_dup_display_name    (VeraProject    *self);
gboolean      vera_project_get_dirty           (VeraProject    *self);
/* Marks a change that is not a review action (an article added, an analysis rerun). */
void          vera_project_mark_changed        (VeraProject    *self);
/* Grows by one at every content change (each VeraProject::changed): a writer that took a
 * snapshot at revision R knows the file it wrote holds the current state while the revision is
 * still R. */
guint64       vera_project_get_revision        (VeraProject    *self);
/* Called after a successful save: the current state is the saved one. */
void          vera_project_mark_saved          (VeraProject    *self);

const char   *vera_project_get_reviewer        (VeraProject    *self);
void          vera_project_set_reviewer        (VeraProject    *self,
                                                const char     *reviewer);
/* Project settings, kept in the project file. They are not review actions: a change marks
 * the project changed but is not undone.
 *
 * :claim-threshold is the check-worthiness score (0 to 1) a sentence needs to be analysed as a
 * claim in this project; analyses of its articles use it (vera_analyzer_new_for_project). */
#define VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD 0.5
double        vera_project_get_claim_threshold (VeraProject    *self);
void          vera_project_set_claim_threshold (VeraProject    *self,
                                                double          threshold);
/* :reference-figures, a GListModel of VeraProjectFigure: the project's own figures, held
 * against its articles on top of the table shipped with Vera. Adding a figure whose subject and
 * measure are known replaces the known one in its place. */
GListModel   *vera_project_get_reference_figures (VeraProject  *self);
void          vera_project_add_reference_figure (VeraProject   *self,
                                                 VeraProjectFigure *figure);
void          vera_project_remove_reference_figure (VeraProject *self,
                                                    VeraProjectFigure *figure);
/* Settings of other versions of Vera that this one does not know: kept as read and written
 * back, so opening and saving a newer project loses nothing. */
JsonObject   *vera_project_get_other_settings  (VeraProject    *self);
void          vera_project_set_other_settings  (VeraProject    *self,
                                                JsonObject     *settings);

/* Review actions, recorded for undo/redo. */
void          vera_project_set_claim_status    (VeraProject    *self,
                                                VeraClaim      *claim,
                                                VeraStatus      status);
void          vera_project_set_claim_note      (VeraProject    *self,
                                                VeraClaim      *claim,
                                                const char     *note);
void          vera_project_add_reference       (VeraProject    *self,
                                                VeraClaim      *claim,
                                                VeraReference  *reference);
void          vera_project_remove_reference    (VeraProject    *self,
                                                VeraClaim      *claim,
                                                VeraReference  *reference);
void          vera_project_mark_not_a_claim    (VeraProject    *self,
                                                VeraClaim      *claim);
/* Gives an article another language tag together with the claims and findings of its analysis
 * in that language (made off the project, e.g. on a copy in a thread), as one undoable action.
 * The claims it replaces keep their review and come back on undo. Emits
 * VeraProject::article-reanalysed; relinking the conflicts is the caller's. */
void          vera_project_set_article_language (VeraProject   *self,
                                                 VeraArticle   *article,
                                                 const char    *language,
                                                 GPtrArray     *claims,
                                                 GPtrArray     *findings);
gboolean      vera_project_get_can_undo        (VeraProject    *self);
gboolean      vera_project_get_can_redo        (VeraProject    *self);
/* What undo would revert ("Set status", …), translated, or NULL. */
const char   *vera_project_get_undo_label      (VeraProject    *self);
VeraClaim    *vera_project_undo                (VeraProject    *self);
VeraClaim    *vera_project_redo                (VeraProject    *self);

G_END_DECLS
