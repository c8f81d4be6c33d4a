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

/* Markdown renderers pass raw HTML through, so every character that could start markup, a link,
 * an entity or emphasis is backslash-escaped (CommonMark allows it for any ASCII punctuation), and
 * line-start markers (headings, lists, quotes) are neutralised too. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *dirty = vera_report_clean_text (text);
  /* Markdown has no isolating element, and an isolate (U+2068…U+2069) around the text could be
   * closed early by a U+2069 inside it: bidi controls are dropped, so none can reorder the
   * report around the text. */
  g_autofree char *clean = vera_report_strip_bidi (dirty);
  gboolean line_start = out->len == 0 || out->str[out->len - 1] == '\n';

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>&#|~!{}()", *p) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && strchr ("+-=.", *p) != NULL)
        g_string_append_c (out, '\\');
      else if (line_start && g_ascii_isdigit (*p))
        {
          /* "1. " at the start of a line would become a list item. */
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q;
            }
        }
      g_string_append_c (out, *p);
      line_start = *p == '\n' || (line_start && (*p == ' ' || *p == '\t'));
    }
}

static void
append_link (GString    *out,
             const char *url,
             const char *text)
{
  const char *shown = text != NULL && text[0] != '\0' ? text : url;

  if (!vera_report_is_web_url (url))
    {
      append_escaped (out, shown);
      return;
    }
  g_string_append_c (out, '[');
  append_escaped (out, shown);
  /* is_web_url refused spaces, controls, quotes and angle brackets; parentheses are escaped. */
  g_string_append (out, "](");
  for (const char *p = url; *p != '\0'; p++)
    {
      if (*p == '(' || *p == ')')
        g_string_append_printf (out, "%%%02X", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }
  g_string_append_c (out, ')');
}

/* A paragraph of article text: claims in bold with [status] before and the note number after.
 * Emphasis cannot cross blank lines, so it is closed and reopened around line breaks. */
static void
append_bold (GString    *out,
             const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (lines[i]));

      if (i > 0)
        g_string_append_c (out, '\n');
      if (trimmed[0] == '\0')
        continue;
      g_string_append (out, "**");
      append_escaped (out, trimmed);
      g_string_append (out, "**");
    }
}

static void
append_article (GString           *out,
                VeraReport        *report,
                VeraReportArticle *entry)
{
  VeraArticle *article = entry->article;
  g_autoptr(GArray) spans = vera_report_dup_spans (report, entry);
  const char *source = vera_article_get_source (article);
  const char *published = vera_article_get_published (article);

  g_string_append (out, "\n## ");
  append_escaped (out, vera_report_article_title (article));
  g_string_append (out, "\n\n");
  if (source != NULL && source[0] != '\0')
    {
      append_link (out, source, source);
      g_string_append (out, "  \n");
    }
  if (vera_article_get_publisher (article) != NULL)
    {
      append_escaped (out, vera_article_get_publisher (article));
      g_string_append (out, "  \n");
    }
  if (published != NULL)
    {
      g_autofree char *date = vera_report_format_date (published);

      append_escaped (out, date);
      g_string_append (out, "  \n");
    }
  g_string_append (out, "\n");

  for (guint i = 0; i < spans->len; i++)
    {
      VeraReportSpan *span = &g_array_index (spans, VeraReportSpan, i);
      g_autofree char *text = vera_article_dup_slice (article, span->start, span->end);

      if (span->finding != NULL && vera_finding_get_start (span->finding) == span->start)
        {
          g_string_append (out, "⚠ \\[");
          append_escaped (out, vera_finding_kind_get_label (vera_finding_get_kind (span->finding)));
          g_string_append (out, "\\] ");
        }
      if (span->claim == NULL)
        {
          append_escaped (out, text);
          continue;
        }
      if (span->claim_starts)
        {
          g_string_append (out, "\\[");
          append_escaped (out, vera_status_get_label (vera_claim_get_status (span->claim)));
          g_string_append (out, "\\] ");
        }
      append_bold (out, text);
      if (span->claim_ends)
        g_string_append_printf (out, " \\[%u\\]", vera_report_get_number (report, span->claim));
    }
  g_string_append (out, "\n");

  if (entry->claims->len > 0)
    {
      g_string_append (out, "\n### ");
      append_escaped (out, _("Notes"));
      g_string_append (out, "\n\n");
    }
  for (guint c = 0; c < entry->claims->len; c++)
    {
      VeraClaim *claim = g_ptr_array_index (entry->claims, c);
      GListModel *references = vera_claim_get_references (claim);
      guint n_references = report->options.include_references
                           ? g_list_model_get_n_items (references) : 0;
      const char *note = vera_claim_get_note (claim);

      g_string_append_printf (out, "%u. **", vera_report_get_number (report, claim));
      append_escaped (out, vera_status_get_label (vera_claim_get_status (claim)));
      g_string_append (out, "**: ");
      append_escaped (out, vera_claim_get_text (claim));
      g_string_append (out, "\n");
      if (note != NULL && note[0] != '\0')
        {
          g_auto(GStrv) lines = g_strsplit (note, "\n", -1);

          for (guint l = 0; lines[l] != NULL; l++)
            {
              g_string_append (out, "   > ");
              append_escaped (out, lines[l]);
              g_string_append (out, "\n");
            }
        }
      for (guint r = 0; r < n_references; r++)
        {
          g_autoptr(VeraReference) reference = g_list_model_get_item (references, r);
          const char *archive = vera_reference_get_field (reference, VERA_REFERENCE_ARCHIVE_URL);
          const char *site = vera_reference_get_field (reference, VERA_REFERENCE_SITE_NAME);

          g_string_append (out, "   - ");
          append_link (out, vera_reference_get_url (reference), vera_reference_get_title (reference));
          if (site != NULL && site[0] != '\0')
            {
              g_string_append (out, " — ");
              append_escaped (out, site);
            }
          if (archive != NULL && archive[0] != '\0')
            {
              g_string_append (out, " (");
              append_link (out, archive, _("archived copy"));
              g_string_append (out, ")");
            }
          g_string_append (out, "\n");
        }
    }

  if (report->options.include_findings)
    {
      GListModel *findings = vera_article_get_findings (article);
      guint n = g_list_model_get_n_items (findings);

      if (n > 0)
        {
          g_string_append (out, "\n### ");
          append_escaped (out, _("Flagged text"));
          g_string_append (out, "\n\n");
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);

          g_string_append (out, "- **");
          append_escaped (out, vera_finding_kind_get_label (vera_finding_get_kind (finding)));
          g_string_append (out, "**: ");
          append_escaped (out, vera_finding_get_message (finding));
          g_string_append (out, " — “");
          append_escaped (out, vera_finding_get_text (finding));
          g_string_append (out, "”\n");
        }
    }
}

static void
append_conflicts (GString    *out,
                  VeraReport *report)
{
  g_string_append (out, "\n## ");
  append_escaped (out, _("Conflicts"));
  g_string_append (out, "\n");
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      VeraReportConflict *entry = g_ptr_array_index (report->conflicts, i);

      g_string_append (out, "\n### ");
      append_escaped (out, vera_conflict_get_topic (entry->conflict));
      g_string_append (out, "\n\n");
      append_escaped (out, vera_report_conflict_label (vera_conflict_get_kind (entry->conflict)));
      g_string_append (out, "\n\n| ");
      append_escaped (out, _("Article"));
      g_string_append (out, " | ");
      append_escaped (out, _("Value"));
      g_string_append (out, " | ");
      append_escaped (out, _("Claim"));
      g_string_append (out, " |\n| --- | --- | --- |\n");
      for (guint m = 0; m < entry->members->len; m++)
        {
          VeraReportMember *member = &g_array_index (entry->members, VeraReportMember, m);
          g_autofree char *claim = member->claim != NULL
            ? g_strdelimit (g_strdup (vera_claim_get_text (member->claim)), "\r\n", ' ')
            : g_strdup ("");

          g_string_append (out, "| ");
          append_escaped (out, member->article != NULL
                               ? vera_report_article_title (member->article) : member->claim_id);
          g_string_append (out, " | **");
          append_escaped (out, member->value);
          g_string_append (out, "** | ");
          append_escaped (out, claim);
          if (member->number > 0)
            g_string_append_printf (out, " \\[%u\\]", member->number);
          g_string_append (out, " |\n");
        }
    }
}

GBytes *
vera_export_markdown (VeraReport    *report,
                      GCancellable  *cancellable,
                      GError       **error)
{
  GString *out = g_string_sized_new (64 * 1024);
  g_autofree char *now = vera_report_format_now (report);

  g_string_append (out, "# ");
  vera_report_append_printf (out, append_escaped, _("Fact-check report: %s"), report->title);
  g_string_append (out, "\n\n");
  if (report->options.organisation_name != NULL && report->options.organisation_name[0] != '\0')
    {
      append_link (out, report->options.organisation_url, report->options.organisation_name);
      g_string_append (out, "  \n");
    }
  if (report->reviewer != NULL)
    {
      vera_report_append_printf (out, append_escaped, _("Reviewed by %s"), report->reviewer);
      g_string_append (out, "  \n");
    }
  vera_report_append_printf (out, append_escaped, _("Generated %s"), now);
  g_string_append (out, "\n\n## ");
  append_escaped (out, _("Summary"));
  g_string_append (out, "\n\n");
  {
    g_autofree char *articles = vera_report_format_count (report->articles->len);
    g_autofree char *claims = vera_report_format_count (report->n_claims);
    g_autofree char *conflicts = vera_report_format_count (report->conflicts->len);

    g_string_append (out, "- ");
    vera_report_append_printf (out, append_escaped, _("Articles: %s"), articles);
    g_string_append (out, "\n- ");
    vera_report_append_printf (out, append_escaped, _("Claims in this report: %s"), claims);
    if (report->options.include_conflicts)
      {
        g_string_append (out, "\n- ");
        vera_report_append_printf (out, append_escaped, _("Conflicts between articles: %s"),
                                   conflicts);
      }
    g_string_append (out, "\n");
  }
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    {
      g_autofree char *n = NULL;

      if (report->by_status[s] == 0)
        continue;
      n = vera_report_format_count (report->by_status[s]);
      g_string_append (out, "- ");
      vera_report_append_printf (out, append_escaped, "%s: %s", vera_status_get_label (s), n);
      g_string_append (out, "\n");
    }

  for (guint i = 0; i < report->articles->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      append_article (out, report, g_ptr_array_index (report->articles, i));
    }
  if (report->options.include_conflicts && report->conflicts->len > 0)
    append_conflicts (out, report);
  return g_string_free_to_bytes (out);
}
