/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-export.h"

G_BEGIN_DECLS

/* What every report (HTML, PDF, Markdown, CSV) shows, worked out once: the claims the options
 * include, their note numbers, counts by status and the conflicts with their members resolved. */

typedef struct
{
  VeraArticle *article;          /* borrowed */
  GPtrArray   *claims;           /* borrowed VeraClaim, text order, the included ones */
  guint        first_number;     /* the note number of claims[0] */
} VeraReportArticle;

typedef struct
{
  VeraClaim   *claim;            /* borrowed, or NULL when the id names no claim */
  VeraArticle *article;          /* borrowed, or NULL */
  const char  *claim_id;
  const char  *value;
  guint        number;           /* note number, 0 when the claim is not in the report */
} VeraReportMember;

typedef struct
{
  VeraConflict *conflict;        /* borrowed */
  GArray       *members;         /* VeraReportMember */
} VeraReportConflict;

typedef struct
{
  VeraProject             *project;
  VeraExportOptions        options;     /* a copy; strings borrowed from the caller */
  GDateTime               *now;         /* owned, never NULL */
  char                    *reviewer;    /* the options' reviewer or the project's, or NULL */
  char                    *title;       /* the project's display name */
  GPtrArray               *articles;    /* VeraReportArticle */
  GPtrArray               *conflicts;   /* VeraReportConflict, empty when not included */
  GHashTable              *numbers;     /* VeraClaim → note number */
  guint                    n_claims;    /* included claims */
  guint                    n_all_claims;
  guint                    by_status[VERA_N_STATUSES];
} VeraReport;

/* A span of article text over which the same claim and finding are active. */
typedef struct
{
  guint        start;            /* code points, end exclusive */
  guint        end;
  VeraClaim   *claim;            /* the innermost included claim covering the span, or NULL */
  VeraFinding *finding;          /* a finding covering the span (when included), or NULL */
  gboolean     claim_starts;     /* the span starts the claim: show its status marker */
  gboolean     claim_ends;       /* the span ends the claim: show its note number */
} VeraReportSpan;

VeraReport  *vera_report_new             (VeraProject              *project,
                                          const VeraExportOptions  *options,
                                          GCancellable             *cancellable,
                                          GError                  **error);
void         vera_report_free            (VeraReport               *self);
guint        vera_report_get_number      (VeraReport               *self,
                                          VeraClaim                *claim);
/* The spans of an article's text, in order, covering all of it. */
GArray      *vera_report_dup_spans       (VeraReport               *self,
                                          VeraReportArticle        *article);
gboolean     vera_report_includes_claim  (const VeraExportOptions  *options,
                                          VeraClaim                *claim);

/* Valid UTF-8 without control characters other than newline and tab (U+FFFD instead): safe
 * for any markup. NULL becomes "". */
char        *vera_report_clean_text      (const char               *text);
/* Appends @text escaped for one output format. */
typedef void (*VeraReportEscapeFunc) (GString    *out,
                                      const char *text);
/* Formats, then appends the result through @escape: the format's own text is escaped too. */
void         vera_report_append_printf   (GString                  *out,
                                          VeraReportEscapeFunc      escape,
                                          const char               *format,
                                          ...) G_GNUC_PRINTF (3, 4);
/* Whether @url is an absolute http or https URL with a host: the only links reports make. */
gboolean     vera_report_is_web_url      (const char               *url);
/* Whether @text holds a bidi embedding, override or isolate control (U+202A–U+202E,
 * U+2066–U+2069): in untrusted text one can reorder what follows it ("Trojan Source"). */
gboolean     vera_report_has_bidi_control (const char              *text);
/* @text without those controls (NULL gives ""). */
char        *vera_report_strip_bidi      (const char               *text);
/* Whether @tag looks like a BCP 47 language tag (letters, digits, hyphens): safe in markup. */
gboolean     vera_report_is_language_tag (const char               *tag);
/* An ISO 8601 date or date-time in the locale's date format; the input (cleaned) when it does
 * not parse; NULL for NULL. */
char        *vera_report_format_date     (const char               *iso8601);
char        *vera_report_format_now      (VeraReport               *self);
/* A count with the locale's digit grouping. */
char        *vera_report_format_count    (guint                     count);
/* "Score 0.91" style: the score with two decimals in the locale's format. */
char        *vera_report_format_score    (double                    score);
/* The claim's kinds as translated labels joined by ", ", or NULL when it has none. */
char        *vera_report_dup_kind_labels (VeraClaim                *claim);
/* The current time as ISO 8601 UTC ("2024-05-01T10:00:00Z"). */
char        *vera_report_dup_iso_now     (VeraReport               *self);
/* Translated labels the vocabulary does not carry. NULL for VERA_STANCE_NONE. */
const char  *vera_report_stance_label    (VeraStance                stance);
const char  *vera_report_conflict_label  (VeraConflictKind          kind);
/* Title of an article for headings: its title, else its source, else its id. */
const char  *vera_report_article_title   (VeraArticle              *article);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraReport, vera_report_free)

/* The writers of each format, in vera-export-*.c. */
typedef GBytes *VeraReportWriteFunc (VeraReport    *report,
                                     GCancellable  *cancellable,
                                     GError       **error);

VeraReportWriteFunc vera_export_html;
VeraReportWriteFunc vera_export_pdf;
VeraReportWriteFunc vera_export_markdown;
VeraReportWriteFunc vera_export_csv;
VeraReportWriteFunc vera_export_claimreview;
VeraReportWriteFunc vera_export_webannotation;

G_END_DECLS
