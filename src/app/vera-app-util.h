/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "vera-types.h"

G_BEGIN_DECLS

/* Shared presentation of the vocabularies, so that every view shows a status the same way. */

/* A symbol for a status, shown beside its colour so that status never rests on colour alone. */
const char *vera_app_status_marker   (VeraStatus     status);
/* The CSS class of a status ("status-in-progress"). */
const char *vera_app_status_css_class (VeraStatus    status);
/* "✔ Supported". */
char       *vera_app_dup_status_text (VeraStatus     status);
/* "Quantity, Comparison", translated; an empty string for none. */
char       *vera_app_dup_kinds_label (VeraClaimKind  kinds);
/* A GtkStringList of the status labels in vocabulary order, optionally after an "any" entry. */
GListModel *vera_app_status_model    (const char    *any_label);
/* Opens a web address in the browser. */
void        vera_app_open_uri        (GtkWidget     *widget,
                                      const char    *uri);

/* The web address @text holds (a single http:// or https:// address, spaces around it trimmed),
 * or %NULL when it holds anything else. */
char       *vera_app_dup_web_address (const char    *text);

/* An article's language, from its tag ("de-AT", "zh-Hant", "fr", NULL). The key is what the
 * win.set-article-language menu offers: "en", "de", "zh", "other", or "und" when not known. */
const char *vera_app_language_key    (const char    *tag);
/* A compact label for lists: "EN", "DE", "中文", "FR"; NULL when the language is not known. */
char       *vera_app_dup_language_chip (const char  *tag);
/* The language's name for menus and tooltips: the endonym ("Deutsch", "中文") for the languages
 * Vera analyses, the tag for others ("Other (fr)"), translated. */
char       *vera_app_dup_language_name (const char  *tag);

/* Unparents every child of a bin-layout widget, for its dispose. */
void        vera_app_unparent_children (GtkWidget   *widget);

G_END_DECLS
