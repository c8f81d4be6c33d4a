/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-finding.h"
#include "vera-reference.h"
#include "vera-report-data.h"
#include "vera-vocabulary.h"

/* One self-contained file: the styles are inline, there is no script, and the
 * Content-Security-Policy forbids loading anything, so a hostile article cannot make the report
 * run code or call home even if an escaping bug slipped through. */
static const char stylesheet[] =
  ":root{color-scheme:light;--fg:#1d1d1f;--muted:#5c5c66;--rule:#d0d0d8}"
  "body{font-family:'Noto Sans','Noto Sans CJK SC',system-ui,sans-serif;color:var(--fg);"
  "max-width:48rem;margin:2rem auto;padding:0 1rem;line-height:1.55}"
  "h1{font-size:1.7rem}h2{font-size:1.35rem;border-bottom:1px solid var(--rule);"
  "padding-bottom:.2rem;margin-top:2.2rem}h3{font-size:1.1rem}"
  ".meta,.muted{color:var(--muted);font-size:.92rem}"
  "table{border-collapse:collapse;margin:.6rem 0;width:100%}"
  "th,td{border:1px solid var(--rule);padding:.3rem .5rem;text-align:start;vertical-align:top}"
  ".summary td.n{text-align:end;font-variant-numeric:tabular-nums}"
  ".text{white-space:pre-wrap;overflow-wrap:anywhere}"
  "mark.claim{color:inherit;padding:0 .1em;text-decoration-line:underline;"
  "text-decoration-thickness:2px;text-underline-offset:.18em;"
  "-webkit-print-color-adjust:exact;print-color-adjust:exact}"
  ".status-unreviewed{background:#ececf0;text-decoration-style:dotted}"
  ".status-in-progress{background:#dde8ff;text-decoration-style:dashed}"
  ".status-supported{background:#d3f2d8;text-decoration-style:solid}"
  ".status-partly-supported{background:#fff0bf;text-decoration-style:double}"
  ".status-contradicted{background:#ffd5d2;text-decoration-style:wavy}"
  ".status-unverifiable{background:#e9e0f5;text-decoration-style:dotted}"
  ".status-disputed{background:#ffe2c4;text-decoration-style:wavy}"
  ".status-not-a-claim{background:#f4f4f4;text-decoration-style:dashed}"
  ".label{font-size:.72em;font-weight:700;text-transform:uppercase;letter-spacing:.03em;"
  "border:1px solid currentColor;border-radius:.25em;padding:0 .25em;margin-inline-end:.25em;"
  "white-space:nowrap}"
  "sup.ref{font-size:.7em;font-weight:700}"
  ".finding{outline:2px dashed #b3261e;outline-offset:1px}"
  ".finding-injected-text{text-decoration:line-through}"
  ".flag{font-size:.72em;font-weight:700;color:#b3261e;white-space:nowrap}"
  "ol.notes li{margin:.6rem 0}ol.notes p{margin:.2rem 0}"
  ".note{white-space:pre-wrap}"
  "blockquote{margin:.2rem 0;padding-inline-start:.8rem;border-inline-start:3px solid var(--rule)}"
  "footer{margin-top:3rem;color:var(--muted);font-size:.85rem}"
  "@media print{body{max-width:none;margin:0;font-size:10.5pt}"
  "section.article{break-before:page}h2,h3{break-after:avoid}tr,li{break-inside:avoid}"
  "a{color:inherit}a[href^='http']::after{content:' <' attr(href) '>';font-size:.8em;"
  "overflow-wrap:anywhere}}";

static void
append_entities (GString    *out,
                 const char *clean)
{
  for (const char *p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        case '"':
          g_string_append (out, "&quot;");
          break;
        case '\'':
          g_string_append (out, "&#39;");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/* Untrusted text as element content. A bidi control in it (U+202E, …) would reorder the report
 * around it; inside <bdi> its effect ends at the element, and the reviewer still sees that the
 * text carries one. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *clean = vera_report_clean_text (text);

  if (vera_report_has_bidi_control (clean))
    {
      g_string_append (out, "<bdi>");
      append_entities (out, clean);
      g_string_append (out, "</bdi>");
    }
  else
    append_entities (out, clean);
}

/* Untrusted text where no element can go (attribute values, <title>): bidi controls dropped. */
static void
append_plain (GString    *out,
              const char *text)
{
  g_autofree char *clean = vera_report_clean_text (text);
  g_autofree char *stripped = vera_report_strip_bidi (clean);

  append_entities (out, stripped);
}

/* A link only for http(s) URLs; anything else (javascript:, data:, file:) is plain text. */
static void
append_link (GString    *out,
             const char *url,
             const char *text)
{
  if (vera_report_is_web_url (url))
    {
      g_string_append (out, "<a href=\"");
      append_plain (out, url);
      g_string_append (out, "\" rel=\"noreferrer noopener\">");
      append_escaped (out, text != NULL && text[0] != '\0' ? text : url);
      g_string_append (out, "</a>");
    }
  else
    append_escaped (out, text != NULL && text[0] != '\0' ? text : url);
}

/* A language tag goes into an attribute; keep it to the characters BCP 47 allows. */
static void
append_lang (GString    *out,
             const char *lang)
{
  if (vera_report_is_language_tag (lang))
    g_string_append_printf (out, " lang=\"%s\"", lang);
}

static void
append_status_label (GString   *out,
                     VeraStatus status)
{
  g_string_append_printf (out, "<span class=\"label status-%s\">",
                          vera_status_to_string (status));
  append_escaped (out, vera_status_get_label (status));
  g_string_append (out, "</span>");
}

static void
append_count_row (GString    *out,
                  const char *label,
                  guint       count)
{
  g_autofree char *n = vera_report_format_count (count);

  g_string_append (out, "<tr><th scope=\"row\">");
  append_escaped (out, label);
  g_string_append_printf (out, "</th><td class=\"n\">%s</td></tr>\n", n);
}

static void
append_summary (GString    *out,
                VeraReport *report)
{
  g_string_append (out, "<section id=\"summary\">\n<h2>");
  append_escaped (out, _("Summary"));
  g_string_append (out, "</h2>\n<table class=\"summary\">\n");
  append_count_row (out, _("Articles"), report->articles->len);
  append_count_row (out, report->options.reviewed_only ? _("Reviewed claims in this report")
                                                       : _("Claims in this report"),
                    report->n_claims);
  append_count_row (out, _("Claims in the project"), report->n_all_claims);
  if (report->options.include_conflicts)
    append_count_row (out, _("Conflicts between articles"), report->conflicts->len);
  g_string_append (out, "</table>\n<h3>");
  append_escaped (out, _("Claims by status"));
  g_string_append (out, "</h3>\n<table class=\"summary\">\n");
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    {
      g_autofree char *n = NULL;

      if (report->by_status[s] == 0)
        continue;
      n = vera_report_format_count (report->by_status[s]);
      g_string_append (out, "<tr><th scope=\"row\">");
      append_status_label (out, s);
      g_string_append_printf (out, "</th><td class=\"n\">%s</td></tr>\n", n);
    }
  g_string_append (out, "</table>\n</section>\n");
}

static void
append_article_text (GString           *out,
                     VeraReport        *report,
                     VeraReportArticle *entry)
{
  g_autoptr(GArray) spans = vera_report_dup_spans (report, entry);

  g_string_append (out, "<div class=\"text\" dir=\"auto\"");
  append_lang (out, vera_article_get_language (entry->article));
  g_string_append (out, ">");
  for (guint i = 0; i < spans->len; i++)
    {
      VeraReportSpan *span = &g_array_index (spans, VeraReportSpan, i);
      g_autofree char *text = vera_article_dup_slice (entry->article, span->start, span->end);
      guint number = span->claim != NULL ? vera_report_get_number (report, span->claim) : 0;

      if (span->finding != NULL)
        {
          VeraFindingKind kind = vera_finding_get_kind (span->finding);

          g_string_append_printf (out, "<span class=\"finding finding-%s\" title=\"",
                                  vera_finding_kind_to_string (kind));
          append_plain (out, vera_finding_get_message (span->finding));
          g_string_append (out, "\">");
          if (vera_finding_get_start (span->finding) == span->start)
            {
              g_string_append (out, "<span class=\"flag\">⚠ ");
              append_escaped (out, vera_finding_kind_get_label (kind));
              g_string_append (out, "</span> ");
            }
        }
      if (span->claim != NULL)
        {
          VeraStatus status = vera_claim_get_status (span->claim);

          g_string_append_printf (out, "<mark class=\"claim status-%s\"",
                                  vera_status_to_string (status));
          if (span->claim_starts)
            g_string_append_printf (out, " id=\"claim-%u\"", number);
          g_string_append (out, ">");
          if (span->claim_starts)
            append_status_label (out, status);
        }
      append_escaped (out, text);
      if (span->claim != NULL)
        {
          g_string_append (out, "</mark>");
          if (span->claim_ends)
            g_string_append_printf (out, "<sup class=\"ref\"><a href=\"#note-%u\">%u</a></sup>",
                                    number, number);
        }
      if (span->finding != NULL)
        g_string_append (out, "</span>");
    }
  g_string_append (out, "</div>\n");
}

static void
append_reference (GString       *out,
                  VeraReference *reference)
{
  const char *url = vera_reference_get_url (reference);
  const char *title = vera_reference_get_title (reference);
  const char *site = vera_reference_get_field (reference, VERA_REFERENCE_SITE_NAME);
  const char *published = vera_reference_get_field (reference, VERA_REFERENCE_PUBLISHED);
  const char *archive = vera_reference_get_field (reference, VERA_REFERENCE_ARCHIVE_URL);
  const char *archive_time = vera_reference_get_field (reference, VERA_REFERENCE_ARCHIVE_TIME);
  const char *note = vera_reference_get_field (reference, VERA_REFERENCE_NOTE);
  const char *stance = vera_report_stance_label (vera_reference_get_stance (reference));
  VeraLinkHealth health = vera_reference_get_health (reference);

  g_string_append (out, "<li>");
  append_link (out, url, title);
  if (site != NULL && site[0] != '\0')
    {
      g_string_append (out, " — ");
      append_escaped (out, site);
    }
  if (published != NULL && published[0] != '\0')
    {
      g_autofree char *date = vera_report_format_date (published);

      g_string_append (out, ", ");
      append_escaped (out, date);
    }
  if (title != NULL && title[0] != '\0' && url != NULL)
    {
      g_string_append (out, " <span class=\"muted\">");
      append_escaped (out, url);
      g_string_append (out, "</span>");
    }
  if (stance != NULL)
    {
      g_string_append (out, " <span class=\"label\">");
      append_escaped (out, stance);
      g_string_append (out, "</span>");
    }
  if (health != VERA_LINK_HEALTH_UNKNOWN && health != VERA_LINK_HEALTH_OK)
    {
      g_string_append (out, " <span class=\"flag\">");
      append_escaped (out, vera_link_health_get_label (health));
      g_string_append (out, "</span>");
    }
  if (archive != NULL && archive[0] != '\0')
    {
      g_autofree char *when = vera_report_format_date (archive_time);
      g_autofree char *text = when != NULL
        ? g_strdup_printf (_("archived copy (%s)"), when)
        : g_strdup (_("archived copy"));

      g_string_append (out, "; ");
      append_link (out, archive, text);
    }
  if (note != NULL && note[0] != '\0')
    {
      g_string_append (out, "<br><span class=\"note\">");
      append_escaped (out, note);
      g_string_append (out, "</span>");
    }
  g_string_append (out, "</li>\n");
}

static void
append_note (GString    *out,
             VeraReport *report,
             VeraClaim  *claim)
{
  guint number = vera_report_get_number (report, claim);
  VeraStatus status = vera_claim_get_status (claim);
  const char *note = vera_claim_get_note (claim);
  g_autofree char *kinds = vera_report_dup_kind_labels (claim);
  g_autofree char *score = vera_report_format_score (vera_claim_get_score (claim));
  GListModel *references = vera_claim_get_references (claim);
  guint n_references = g_list_model_get_n_items (references);

  g_string_append_printf (out, "<li id=\"note-%u\" value=\"%u\"><p>", number, number);
  append_status_label (out, status);
  g_string_append_printf (out, " <a href=\"#claim-%u\">", number);
  append_escaped (out, _("in the text"));
  g_string_append (out, "</a></p>\n<blockquote>");
  append_escaped (out, vera_claim_get_text (claim));
  g_string_append (out, "</blockquote>\n<p class=\"muted\">");
  if (kinds != NULL)
    vera_report_append_printf (out, append_escaped, _("Kinds: %s. "), kinds);
  vera_report_append_printf (out, append_escaped, _("Score: %s."), score);
  if (vera_claim_get_reviewer (claim) != NULL && vera_claim_get_reviewer (claim)[0] != '\0')
    {
      g_string_append_c (out, ' ');
      vera_report_append_printf (out, append_escaped, _("Reviewed by %s."),
                                 vera_claim_get_reviewer (claim));
    }
  if (vera_claim_get_modified (claim) != NULL)
    {
      g_autofree char *date = vera_report_format_date (vera_claim_get_modified (claim));

      g_string_append_c (out, ' ');
      vera_report_append_printf (out, append_escaped, _("Last changed %s."), date);
    }
  g_string_append (out, "</p>\n");
  if (note != NULL && note[0] != '\0')
    {
      g_string_append (out, "<p class=\"note\">");
      append_escaped (out, note);
      g_string_append (out, "</p>\n");
    }
  if (report->options.include_references && n_references > 0)
    {
      g_string_append (out, "<p>");
      append_escaped (out, _("References:"));
      g_string_append (out, "</p>\n<ul class=\"refs\">\n");
      for (guint i = 0; i < n_references; i++)
        {
          g_autoptr(VeraReference) reference = g_list_model_get_item (references, i);

          append_reference (out, reference);
        }
      g_string_append (out, "</ul>\n");
    }
  g_string_append (out, "</li>\n");
}

static void
append_findings (GString    *out,
                 VeraArticle *article)
{
  GListModel *findings = vera_article_get_findings (article);
  guint n = g_list_model_get_n_items (findings);

  if (n == 0)
    return;
  g_string_append (out, "<h3>");
  append_escaped (out, _("Flagged text"));
  g_string_append (out, "</h3>\n<ul class=\"findings\">\n");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);
      const char *detail = vera_finding_get_detail (finding);

      g_string_append (out, "<li><span class=\"flag\">⚠ ");
      append_escaped (out, vera_finding_kind_get_label (vera_finding_get_kind (finding)));
      g_string_append (out, "</span> ");
      append_escaped (out, vera_finding_get_message (finding));
      g_string_append (out, "<blockquote>");
      append_escaped (out, vera_finding_get_text (finding));
      g_string_append (out, "</blockquote>");
      if (detail != NULL && detail[0] != '\0')
        {
          g_string_append (out, "<span class=\"muted\">");
          append_escaped (out, detail);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ul>\n");
}

static void
append_article (GString           *out,
                VeraReport        *report,
                VeraReportArticle *entry,
                guint              index)
{
  VeraArticle *article = entry->article;
  const char *source = vera_article_get_source (article);
  const char *publisher = vera_article_get_publisher (article);
  const char *author = vera_article_get_author (article);
  const char *published = vera_article_get_published (article);

  g_string_append_printf (out, "<section class=\"article\" id=\"article-%u\">\n<h2", index + 1);
  append_lang (out, vera_article_get_language (article));
  g_string_append (out, ">");
  append_escaped (out, vera_report_article_title (article));
  g_string_append (out, "</h2>\n<p class=\"meta\">");
  if (source != NULL && source[0] != '\0')
    {
      append_link (out, source, source);
      g_string_append (out, "<br>");
    }
  if (publisher != NULL && publisher[0] != '\0')
    {
      append_escaped (out, publisher);
      g_string_append (out, " · ");
    }
  if (author != NULL && author[0] != '\0')
    {
      append_escaped (out, author);
      g_string_append (out, " · ");
    }
  if (published != NULL && published[0] != '\0')
    {
      g_autofree char *date = vera_report_format_date (published);

      append_escaped (out, date);
      g_string_append (out, " · ");
    }
  {
    g_autofree char *n = vera_report_format_count (entry->claims->len);

    vera_report_append_printf (out, append_escaped,
                               g_dngettext (GETTEXT_PACKAGE, "%s claim", "%s claims",
                                            entry->claims->len), n);
  }
  g_string_append (out, "</p>\n");

  append_article_text (out, report, entry);

  if (entry->claims->len > 0)
    {
      g_string_append (out, "<h3>");
      append_escaped (out, _("Notes"));
      g_string_append_printf (out, "</h3>\n<ol class=\"notes\" start=\"%u\">\n",
                              entry->first_number);
      for (guint i = 0; i < entry->claims->len; i++)
        append_note (out, report, g_ptr_array_index (entry->claims, i));
      g_string_append (out, "</ol>\n");
    }
  if (report->options.include_findings)
    append_findings (out, article);
  g_string_append (out, "</section>\n");
}

static void
append_conflicts (GString    *out,
                  VeraReport *report)
{
  g_string_append (out, "<section id=\"conflicts\">\n<h2>");
  append_escaped (out, _("Conflicts"));
  g_string_append (out, "</h2>\n");
  if (report->conflicts->len == 0)
    {
      g_string_append (out, "<p>");
      append_escaped (out, _("No conflicts between articles."));
      g_string_append (out, "</p>\n");
    }
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      VeraReportConflict *entry = g_ptr_array_index (report->conflicts, i);

      g_string_append (out, "<table class=\"conflict\">\n<caption>");
      append_escaped (out, vera_conflict_get_topic (entry->conflict));
      g_string_append (out, " <span class=\"muted\">(");
      append_escaped (out, vera_report_conflict_label (vera_conflict_get_kind (entry->conflict)));
      g_string_append (out, ")</span></caption>\n<thead><tr>");
      for (guint m = 0; m < entry->members->len; m++)
        {
          VeraReportMember *member = &g_array_index (entry->members, VeraReportMember, m);

          g_string_append (out, "<th scope=\"col\">");
          append_escaped (out, member->article != NULL ? vera_report_article_title (member->article)
                                                       : member->claim_id);
          g_string_append (out, "</th>");
        }
      g_string_append (out, "</tr></thead>\n<tbody><tr>");
      for (guint m = 0; m < entry->members->len; m++)
        {
          VeraReportMember *member = &g_array_index (entry->members, VeraReportMember, m);

          g_string_append (out, "<td><strong>");
          append_escaped (out, member->value);
          g_string_append (out, "</strong></td>");
        }
      g_string_append (out, "</tr>\n<tr>");
      for (guint m = 0; m < entry->members->len; m++)
        {
          VeraReportMember *member = &g_array_index (entry->members, VeraReportMember, m);

          g_string_append (out, "<td>");
          if (member->claim != NULL)
            {
              append_escaped (out, vera_claim_get_text (member->claim));
              if (member->number > 0)
                g_string_append_printf (out, " <sup class=\"ref\"><a href=\"#note-%u\">%u</a>"
                                        "</sup>", member->number, member->number);
            }
          g_string_append (out, "</td>");
        }
      g_string_append (out, "</tr></tbody>\n</table>\n");
    }
  g_string_append (out, "</section>\n");
}

GBytes *
vera_export_html (VeraReport    *report,
                  GCancellable  *cancellable,
                  GError       **error)
{
  GString *out = g_string_sized_new (64 * 1024);
  g_autofree char *now = vera_report_format_now (report);
  const char *organisation = report->options.organisation_name;

  g_string_append (out, "<!DOCTYPE html>\n<html");
  /* Translators: the language tag of the report's own text, e.g. "de" or "zh-CN". */
  append_lang (out, C_("html lang", "en"));
  g_string_append (out, ">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                   "style-src 'unsafe-inline'; img-src data:\">\n"
                   "<meta name=\"referrer\" content=\"no-referrer\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"Vera " PACKAGE_VERSION "\">\n<title>");
  vera_report_append_printf (out, append_plain, _("Fact-check report: %s"), report->title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>",
                          stylesheet);
  vera_report_append_printf (out, append_escaped, _("Fact-check report: %s"), report->title);
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  if (organisation != NULL && organisation[0] != '\0')
    {
      append_link (out, report->options.organisation_url, organisation);
      g_string_append (out, " · ");
    }
  if (report->reviewer != NULL)
    {
      vera_report_append_printf (out, append_escaped, _("Reviewed by %s"), report->reviewer);
      g_string_append (out, " · ");
    }
  vera_report_append_printf (out, append_escaped, _("Generated %s"), now);
  g_string_append (out, "</p>\n</header>\n<main>\n");

  append_summary (out, report);
  for (guint i = 0; i < report->articles->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      append_article (out, report, g_ptr_array_index (report->articles, i), i);
    }
  if (report->options.include_conflicts)
    append_conflicts (out, report);

  g_string_append (out, "</main>\n<footer><p>");
  vera_report_append_printf (out, append_escaped, _("Made with Vera %s."), PACKAGE_VERSION);
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}
