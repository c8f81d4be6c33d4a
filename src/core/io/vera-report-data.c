/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-finding.h"
#include "vera-project.h"
#include "vera-report-data.h"
#include "vera-vocabulary.h"

static void
report_article_free (gpointer data)
{
  VeraReportArticle *article = data;

  g_ptr_array_unref (article->claims);
  g_free (article);
}

static void
report_conflict_free (gpointer data)
{
  VeraReportConflict *conflict = data;

  g_array_unref (conflict->members);
  g_free (conflict);
}

gboolean
vera_report_includes_claim (const VeraExportOptions *options,
                            VeraClaim               *claim)
{
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (VERA_IS_CLAIM (claim), FALSE);

  return !options->reviewed_only || vera_status_is_verdict (vera_claim_get_status (claim));
}

static void
add_conflicts (VeraReport *self)
{
  GListModel *conflicts = vera_project_get_conflicts (self->project);
  guint n = g_list_model_get_n_items (conflicts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraConflict) conflict = g_list_model_get_item (conflicts, i);
      VeraReportConflict *entry = g_new0 (VeraReportConflict, 1);
      guint n_members = vera_conflict_get_n_members (conflict);

      entry->conflict = conflict;
      entry->members = g_array_sized_new (FALSE, TRUE, sizeof (VeraReportMember), n_members);
      for (guint m = 0; m < n_members; m++)
        {
          VeraReportMember member = { 0 };

          member.claim_id = vera_conflict_get_claim_id (conflict, m);
          member.value = vera_conflict_get_value (conflict, m);
          member.claim = vera_project_find_claim (self->project, member.claim_id);
          if (member.claim != NULL)
            {
              member.article = vera_claim_get_article (member.claim);
              member.number = vera_report_get_number (self, member.claim);
            }
          g_array_append_val (entry->members, member);
        }
      g_ptr_array_add (self->conflicts, entry);
    }
}

VeraReport *
vera_report_new (VeraProject              *project,
                 const VeraExportOptions  *options,
                 GCancellable             *cancellable,
                 GError                  **error)
{
  g_autoptr(VeraReport) self = NULL;
  GListModel *articles;
  guint n_articles;
  guint number = 1;

  g_return_val_if_fail (VERA_IS_PROJECT (project), NULL);

  self = g_new0 (VeraReport, 1);
  self->project = g_object_ref (project);
  if (options != NULL)
    self->options = *options;
  else
    vera_export_options_init (&self->options);
  self->now = self->options.now != NULL ? g_date_time_ref (self->options.now)
                                        : g_date_time_new_now_utc ();
  self->options.now = self->now;
  if (self->options.reviewer != NULL && self->options.reviewer[0] != '\0')
    self->reviewer = g_strdup (self->options.reviewer);
  else if (vera_project_get_reviewer (project) != NULL &&
           vera_project_get_reviewer (project)[0] != '\0')
    self->reviewer = g_strdup (vera_project_get_reviewer (project));
  self->title = vera_project_dup_display_name (project);
  self->articles = g_ptr_array_new_with_free_func (report_article_free);
  self->conflicts = g_ptr_array_new_with_free_func (report_conflict_free);
  self->numbers = g_hash_table_new (NULL, NULL);

  articles = vera_project_get_articles (project);
  n_articles = g_list_model_get_n_items (articles);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      GListModel *claims = vera_article_get_claims (article);
      guint n_claims = g_list_model_get_n_items (claims);
      VeraReportArticle *entry;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      entry = g_new0 (VeraReportArticle, 1);
      entry->article = article;
      entry->claims = g_ptr_array_new ();
      entry->first_number = number;
      for (guint c = 0; c < n_claims; c++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, c);

          self->n_all_claims++;
          if (!vera_report_includes_claim (&self->options, claim))
            continue;
          g_ptr_array_add (entry->claims, claim);
          g_hash_table_insert (self->numbers, claim, GUINT_TO_POINTER (number++));
          self->by_status[vera_claim_get_status (claim)]++;
          self->n_claims++;
        }
      g_ptr_array_add (self->articles, entry);
    }

  if (self->options.include_conflicts)
    add_conflicts (self);

  return g_steal_pointer (&self);
}

void
vera_report_free (VeraReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->articles, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_hash_table_unref);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_object (&self->project);
  g_free (self);
}

guint
vera_report_get_number (VeraReport *self,
                        VeraClaim  *claim)
{
  g_return_val_if_fail (self != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->numbers, claim));
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
add_boundary (GArray *boundaries,
              guint   offset,
              guint   n_chars)
{
  offset = MIN (offset, n_chars);
  g_array_append_val (boundaries, offset);
}

GArray *
vera_report_dup_spans (VeraReport        *self,
                       VeraReportArticle *entry)
{
  guint n_chars = vera_article_get_n_chars (entry->article);
  GListModel *findings = vera_article_get_findings (entry->article);
  guint n_findings = self->options.include_findings ? g_list_model_get_n_items (findings) : 0;
  g_autoptr(GPtrArray) finding_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) boundaries = g_array_new (FALSE, FALSE, sizeof (guint));
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (VeraReportSpan));
  guint previous = 0;

  add_boundary (boundaries, 0, n_chars);
  add_boundary (boundaries, n_chars, n_chars);
  for (guint i = 0; i < entry->claims->len; i++)
    {
      VeraClaim *claim = g_ptr_array_index (entry->claims, i);

      add_boundary (boundaries, vera_claim_get_start (claim), n_chars);
      add_boundary (boundaries, vera_claim_get_end (claim), n_chars);
    }
  for (guint i = 0; i < n_findings; i++)
    {
      VeraFinding *finding = g_list_model_get_item (findings, i);

      g_ptr_array_add (finding_list, finding);
      add_boundary (boundaries, vera_finding_get_start (finding), n_chars);
      add_boundary (boundaries, vera_finding_get_end (finding), n_chars);
    }
  g_array_sort (boundaries, compare_guint);

  for (guint b = 1; b < boundaries->len; b++)
    {
      guint start = g_array_index (boundaries, guint, b - 1);
      guint end = g_array_index (boundaries, guint, b);
      VeraReportSpan span = { start, end, NULL, NULL, FALSE, FALSE };

      if (start == end || start < previous)
        continue;
      previous = end;

      /* The innermost claim wins: the covering claim that starts last. */
      for (guint i = 0; i < entry->claims->len; i++)
        {
          VeraClaim *claim = g_ptr_array_index (entry->claims, i);

          if (vera_claim_get_start (claim) <= start && vera_claim_get_end (claim) >= end &&
              (span.claim == NULL ||
               vera_claim_get_start (claim) >= vera_claim_get_start (span.claim)))
            span.claim = claim;
        }
      for (guint i = 0; i < finding_list->len && span.finding == NULL; i++)
        {
          VeraFinding *finding = g_ptr_array_index (finding_list, i);

          if (vera_finding_get_start (finding) <= start && vera_finding_get_end (finding) >= end)
            span.finding = finding;
        }
      if (span.claim != NULL)
        {
          span.claim_starts = vera_claim_get_start (span.claim) == start;
          span.claim_ends = MIN (vera_claim_get_end (span.claim), n_chars) == end;
        }
      g_array_append_val (spans, span);
    }

  return spans;
}

char *
vera_report_clean_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* C0 and C1 controls (but newline and tab), lone surrogates cannot occur after make_valid,
       * and the non-characters U+FFFE/U+FFFF are not allowed in XML or Pango markup. */
      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c < 0xa0) ||
          c == 0xfffe || c == 0xffff)
        g_string_append_unichar (out, 0xfffd);
      else if (c == '\r')
        continue;
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

void
vera_report_append_printf (GString              *out,
                           VeraReportEscapeFunc  escape,
                           const char           *format,
                           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  escape (out, text);
}

gboolean
vera_report_is_web_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (url == NULL || url[0] == '\0')
    return FALSE;
  /* Controls and spaces inside a URL are a sign of something smuggled; refuse them outright. */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
      return FALSE;
  /* A reordering control would show the reader another address than the one followed. */
  if (vera_report_has_bidi_control (url))
    return FALSE;
  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0) &&
         g_uri_get_host (uri) != NULL && g_uri_get_host (uri)[0] != '\0';
}

static gboolean
is_bidi_control (gunichar c)
{
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

gboolean
vera_report_has_bidi_control (const char *text)
{
  /* All of them start with the byte 0xE2: a quick scan before decoding. */
  if (text == NULL || strchr (text, '\xe2') == NULL)
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (is_bidi_control (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

char *
vera_report_strip_bidi (const char *text)
{
  GString *out;

  if (!vera_report_has_bidi_control (text))
    return g_strdup (text != NULL ? text : "");
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_bidi_control (g_utf8_get_char (p)))
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
  return g_string_free (out, FALSE);
}

gboolean
vera_report_is_language_tag (const char *tag)
{
  if (tag == NULL || tag[0] == '\0' || strlen (tag) > 35)
    return FALSE;
  for (const char *p = tag; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

static GDateTime *
parse_date (const char *iso8601,
            gboolean   *date_only)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  GDateTime *dt;
  int y, m, d;
  char rest;

  *date_only = FALSE;
  dt = g_date_time_new_from_iso8601 (iso8601, utc);
  if (dt != NULL)
    return dt;
  /* Date-only values ("2024-03-01") are common in article metadata. */
  if (sscanf (iso8601, "%4d-%2d-%2d%c", &y, &m, &d, &rest) == 3)
    {
      *date_only = TRUE;
      return g_date_time_new_utc (y, m, d, 0, 0, 0);
    }
  return NULL;
}

char *
vera_report_format_date (const char *iso8601)
{
  g_autoptr(GDateTime) dt = NULL;
  gboolean date_only;

  if (iso8601 == NULL)
    return NULL;
  dt = parse_date (iso8601, &date_only);
  if (dt == NULL)
    return vera_report_clean_text (iso8601);
  /* Translators: a date in a report; see the strftime() manual for the format. */
  return g_date_time_format (dt, date_only ? "%x" : _("%x %H:%M UTC"));
}

char *
vera_report_format_now (VeraReport *self)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (self->now);

  return g_date_time_format (utc, _("%x %H:%M UTC"));
}

char *
vera_report_dup_iso_now (VeraReport *self)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (self->now);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

char *
vera_report_format_count (guint count)
{
  /* The ' flag groups digits the way the locale does. */
  return g_strdup_printf ("%'u", count);
}

char *
vera_report_format_score (double score)
{
  return g_strdup_printf ("%.2f", CLAMP (score, 0.0, 1.0));
}

char *
vera_report_dup_kind_labels (VeraClaim *claim)
{
  VeraClaimKind kinds = vera_claim_get_kinds (claim);
  GString *out = NULL;

  for (guint bit = 0; bit < 16; bit++)
    {
      VeraClaimKind kind = 1u << bit;
      const char *label;

      if ((kinds & kind) == 0 || (label = vera_claim_kind_get_label (kind)) == NULL)
        continue;
      if (out == NULL)
        out = g_string_new (label);
      else
        g_string_append_printf (out, ", %s", label);
    }
  return out != NULL ? g_string_free (out, FALSE) : NULL;
}

const char *
vera_report_article_title (VeraArticle *article)
{
  const char *title = vera_article_get_title (article);

  if (title != NULL && title[0] != '\0')
    return title;
  title = vera_article_get_source (article);
  if (title != NULL && title[0] != '\0')
    return title;
  return vera_article_get_id (article);
}

const char *
vera_report_stance_label (VeraStance stance)
{
  switch (stance)
    {
    case VERA_STANCE_SUPPORTS:
      return _("Supports the claim");
    case VERA_STANCE_REFUTES:
      return _("Refutes the claim");
    case VERA_STANCE_CONTEXT:
      return _("Context");
    case VERA_STANCE_NONE:
    default:
      return NULL;
    }
}

const char *
vera_report_conflict_label (VeraConflictKind kind)
{
  switch (kind)
    {
    case VERA_CONFLICT_KIND_PERSON:
      return _("A person named with different roles");
    case VERA_CONFLICT_KIND_FIGURE:
    default:
      return _("Figures that disagree");
    }
}
