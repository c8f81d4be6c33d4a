/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "vera-import.h"
#include "vera-linker.h"
#include "vera-net-service.h"
#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_ANALYZER (vera_analyzer_get_type ())

G_DECLARE_FINAL_TYPE (VeraAnalyzer, vera_analyzer, VERA, ANALYZER, GObject)

/* The analysis pipeline: injected text, sentences, scores, claims with their kinds, quantities
 * and people, vague sources and implausible figures per article; conflicts across a project.
 * Analysing an article is thread-safe (the scorer and tables are read-only), so many articles
 * can be analysed in worker threads before they are added to a project. */
/* An analyzer has no settings that change: one is made for each job. vera_analyzer_new() loads
 * the scorer and the shipped reference figures and uses the default claim threshold. */
VeraAnalyzer *vera_analyzer_new                (GError              **error);
/* An analyzer for one job on @project (call on the thread that owns it): @self's scorer, the
 * project's claim threshold, the shipped figures with the project's own on top. The project's
 * later changes do not reach it. The job functions that take a project make one themselves. */
VeraAnalyzer *vera_analyzer_new_for_project    (VeraAnalyzer         *self,
                                                VeraProject          *project);
/* The check-worthiness score a sentence needs to become a claim. */
double        vera_analyzer_get_threshold      (VeraAnalyzer         *self);
/* Finds claims and findings in an article that is not shown anywhere yet, replacing any. An
 * article without a language ("" or "und") gets the one its text is mostly written in; a
 * language it has is kept and used. Each sentence is analysed in its paragraph's language when
 * a paragraph is clearly in another one (see vera-language-id.h). */
void          vera_analyzer_analyze_article    (VeraAnalyzer         *self,
                                                VeraArticle          *article);
/* Linking one article at a time: feed each article, then turn what was found into conflicts
 * (a GPtrArray of VeraConflict with ids k1, k2, …). */
VeraLinker   *vera_analyzer_new_linker         (VeraAnalyzer         *self);
void          vera_analyzer_link_article       (VeraAnalyzer         *self,
                                                VeraLinker           *linker,
                                                VeraArticle          *article);
GPtrArray    *vera_analyzer_finish_linking     (VeraAnalyzer         *self,
                                                VeraLinker           *linker);
/* Finds conflicts between the project's articles and replaces the project's conflicts. */
void          vera_analyzer_link_project       (VeraAnalyzer         *self,
                                                VeraProject          *project);
/* Imports one file as an article with the given id and analyses it. */
VeraArticle  *vera_analyzer_import_file        (VeraAnalyzer         *self,
                                                GFile                *file,
                                                const char           *article_id,
                                                const VeraImportOptions *options,
                                                GCancellable         *cancellable,
                                                GError              **error);
/* Builds and analyses an article from an imported document (a file or a fetched page). */
VeraArticle  *vera_analyzer_build_article      (VeraAnalyzer         *self,
                                                VeraImportedDoc      *doc,
                                                const char           *article_id);

/* Imports and analyses files off the main thread with the project's settings, then adds them to
 * the project and relinks it on the main thread. Emits VeraAnalyzer::progress (fraction, current file name) on the thread
 * default main context of the caller. Files that fail are skipped; finish() reports them in one
 * error (the articles that worked are still added). */
void          vera_analyzer_add_files_async    (VeraAnalyzer         *self,
                                                VeraProject          *project,
                                                GPtrArray            *files,
                                                const VeraImportOptions *options,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
/* Returns the number of articles added; sets @error when some files could not be imported. */
guint         vera_analyzer_add_files_finish   (VeraAnalyzer         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Fetches a web page, takes its main text and analyses it: the URL becomes the article's source
 * and the page's metadata its title, publisher, author and date. Dead links, non-HTML content
 * and pages without readable text are errors that say so. */
void          vera_analyzer_import_url_async   (VeraAnalyzer         *self,
                                                VeraNetService       *net,
                                                const char           *url,
                                                const char           *article_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
VeraArticle  *vera_analyzer_import_url_finish  (VeraAnalyzer         *self,
                                                GAsyncResult         *result,
                                                GError              **error);
/* The same, then adds the article to the project and relinks it (on the calling thread). */
void          vera_analyzer_add_url_async      (VeraAnalyzer         *self,
                                                VeraProject          *project,
                                                VeraNetService       *net,
                                                const char           *url,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
VeraArticle  *vera_analyzer_add_url_finish     (VeraAnalyzer         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
