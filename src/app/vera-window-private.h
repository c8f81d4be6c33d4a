/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-window.h"
#include "vera-analyzer.h"
#include "vera-article-view.h"
#include "vera-claim-inspector.h"
#include "vera-claim-list.h"
#include "vera-conflicts-view.h"
#include "vera-recovery.h"

G_BEGIN_DECLS

struct _VeraWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  VeraNetService       *net_service;
  VeraAnalyzer         *analyzer;

  VeraProject          *project;
  VeraArticle          *article;
  VeraClaim            *claim;
  /* The etag of the project file when it was loaded or saved, to notice other writers. */
  char                 *file_etag;
  /* Writes the recovery copy of the project while it has unsaved changes. */
  VeraRecovery         *recovery;

  GCancellable         *adding_cancellable;
  gboolean              closing_confirmed;

  /* Template children. */
  GtkButton            *add_button;
  GtkListView          *article_list;
  GtkSingleSelection   *article_selection;
  VeraArticleView      *article_view;
  VeraClaimInspector   *claim_inspector;
  VeraClaimList        *claim_list;
  VeraConflictsView    *conflicts_view;
  AdwStatusPage        *empty_page;
  AdwFlap              *inspector_flap;
  AdwLeaflet           *leaflet;
  GtkStack             *main_stack;
  GtkMenuButton        *language_button;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkRevealer          *progress_revealer;
  GtkMenuButton        *recent_button;
  AdwWindowTitle       *sidebar_title;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwViewSwitcherTitle *switcher_title;
  GMenu                *recent_menu;
  GtkDropTarget        *drop_target;
};

/* vera-window.c */
void      vera_window_select_claim          (VeraWindow   *self,
                                             VeraClaim    *claim);
void      vera_window_select_article        (VeraWindow   *self,
                                             VeraArticle  *article);
void      vera_window_toast                 (VeraWindow   *self,
                                             const char   *title,
                                             gboolean      with_undo);
void      vera_window_show_error            (VeraWindow   *self,
                                             const char   *heading,
                                             const GError *error);
void      vera_window_add_recent            (VeraWindow   *self,
                                             GFile        *file);
void      vera_window_update_title          (VeraWindow   *self);

/* vera-window-actions.c */
void      vera_window_class_init_actions    (GtkWidgetClass *widget_class);
void      vera_window_update_actions        (VeraWindow   *self);
void      vera_window_rebuild_recent_menu   (VeraWindow   *self);
/* Saves to the project's file (or one the reviewer chooses, when it has none or
 * @choose_file), asking first when another program changed it; errors are shown in the window.
 * Finish returns FALSE with G_IO_ERROR_CANCELLED when the reviewer cancelled a dialog. */
void      vera_window_save_async            (VeraWindow          *self,
                                             gboolean             choose_file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  vera_window_save_finish           (VeraWindow          *self,
                                             GAsyncResult        *result,
                                             GError             **error);
void      vera_window_load_project          (VeraWindow   *self,
                                             GFile        *file);

/* vera-window-adding.c: long work shows in a progress strip with a Cancel button. */
void      vera_window_begin_progress        (VeraWindow   *self,
                                             const char   *label);
void      vera_window_end_progress          (VeraWindow   *self,
                                             GCancellable *cancellable);
/* The window whose progress @cancellable belongs to, if it still exists (a new reference). */
VeraWindow *vera_window_dup_from_cancellable (GCancellable *cancellable);
void      vera_window_show_progress         (VeraWindow   *self,
                                             double        fraction,
                                             const char   *current);
/* Shows @error in a dialog, or a "Cancelled" toast when it is a cancellation. */
gboolean  vera_window_report_error          (VeraWindow   *self,
                                             const char   *heading,
                                             const GError *error);
void      vera_window_add_article_files     (VeraWindow   *self,
                                             GPtrArray    *files,
                                             const char   *encoding);
void      vera_window_cancel_adding         (VeraWindow   *self);

/* vera-window-references.c: pages and references through the network service. */
void      vera_window_add_url               (VeraWindow    *self,
                                             const char    *url);
void      vera_window_fetch_reference       (VeraWindow    *self,
                                             VeraReference *reference);
/* Fills the claim's references from the metadata cache, so they show offline. */
void      vera_window_restore_references    (VeraWindow    *self,
                                             VeraClaim     *claim);
void      vera_window_check_all_references  (VeraWindow    *self);

/* vera-window-language.c: the article's language and analysing it again in another. */
/* The menu key of the current article's language ("en", "de", "zh", "other", "und"). */
const char *vera_window_get_article_language (VeraWindow  *self);
/* "en", "de", "zh", "other" or any BCP 47 tag: asks first when review work would be set aside,
 * then analyses the article again in a thread and applies it as one undoable action. */
void      vera_window_request_article_language (VeraWindow  *self,
                                                const char  *language);
void      vera_window_update_language       (VeraWindow   *self);
void      vera_window_article_reanalysed    (VeraWindow   *self,
                                             VeraArticle  *article);

/* vera-window-recovery.c: the window's side of VeraRecovery (the restore question). */
gboolean  vera_window_restore_recovery      (VeraWindow   *self,
                                             GError      **error);
char     *vera_window_dup_file_etag         (GFile        *file);

G_END_DECLS
