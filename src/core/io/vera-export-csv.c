/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export"

#include "config.h"

#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-reference.h"
#include "vera-report-data.h"
#include "vera-vocabulary.h"

/* The header names are a stable interface for scripts and spreadsheets, so they are not
 * translated. */
static const char *const columns[] = {
  "article_id", "article_title", "article_source", "claim_id", "start", "end", "claim", "kinds",
  "score", "status", "verdict", "reviewer", "modified", "note", "reference_urls",
  "archive_urls",
};

/* RFC 4180: a cell is quoted when it holds a comma, quote, CR or LF, quotes are doubled.
 * Spreadsheets run cells that start with = + - @ (and tab or CR) as formulas, so such cells get
 * a leading apostrophe first (the OWASP "CSV injection" advice). */
static void
append_cell (GString    *out,
             const char *value,
             gboolean    first)
{
  g_autofree char *clean = NULL;
  gboolean quote;

  if (!first)
    g_string_append_c (out, ',');
  if (value == NULL || value[0] == '\0')
    return;

  /* Keep CR so that a line ending inside a note survives as CRLF; drop other controls. */
  clean = g_utf8_make_valid (value, -1);
  quote = strpbrk (clean, ",\"\r\n") != NULL;
  if (strchr ("=+-@\t\r", clean[0]) != NULL)
    quote = TRUE;
  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", clean[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append (out, "\"\"");
      else if (*p == '\n' && (p == clean || p[-1] != '\r'))
        g_string_append (out, "\r\n");
      else
        g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static char *
join_references (VeraClaim          *claim,
                 VeraReferenceField  field)
{
  GListModel *references = vera_claim_get_references (claim);
  guint n = g_list_model_get_n_items (references);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraReference) reference = g_list_model_get_item (references, i);
      const char *value = vera_reference_get_field (reference, field);

      if (value == NULL || value[0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, value);
    }
  return g_string_free (out, FALSE);
}

static void
append_row (GString    *out,
            VeraReport *report,
            VeraArticle *article,
            VeraClaim  *claim)
{
  VeraStatus status = vera_claim_get_status (claim);
  g_auto(GStrv) kinds = vera_claim_kinds_to_strv (vera_claim_get_kinds (claim));
  g_autofree char *kinds_text = g_strjoinv (" ", kinds);
  g_autofree char *start = g_strdup_printf ("%u", vera_claim_get_start (claim));
  g_autofree char *end = g_strdup_printf ("%u", vera_claim_get_end (claim));
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  const char *verdict = NULL;
  g_autofree char *urls = NULL;
  g_autofree char *archives = NULL;

  /* Machine-readable: a point as decimal separator whatever the locale. */
  g_ascii_formatd (score, sizeof score, "%.3f", vera_claim_get_score (claim));
  vera_status_get_rating (status, &verdict);
  if (report->options.include_references)
    {
      urls = join_references (claim, VERA_REFERENCE_URL);
      archives = join_references (claim, VERA_REFERENCE_ARCHIVE_URL);
    }

  append_cell (out, vera_article_get_id (article), TRUE);
  append_cell (out, vera_article_get_title (article), FALSE);
  append_cell (out, vera_article_get_source (article), FALSE);
  append_cell (out, vera_claim_get_id (claim), FALSE);
  append_cell (out, start, FALSE);
  append_cell (out, end, FALSE);
  append_cell (out, vera_claim_get_text (claim), FALSE);
  append_cell (out, kinds_text, FALSE);
  append_cell (out, score, FALSE);
  append_cell (out, vera_status_to_string (status), FALSE);
  append_cell (out, verdict, FALSE);
  append_cell (out, vera_claim_get_reviewer (claim), FALSE);
  append_cell (out, vera_claim_get_modified (claim), FALSE);
  append_cell (out, vera_claim_get_note (claim), FALSE);
  append_cell (out, urls, FALSE);
  append_cell (out, archives, FALSE);
  g_string_append (out, "\r\n");
}

GBytes *
vera_export_csv (VeraReport    *report,
                 GCancellable  *cancellable,
                 GError       **error)
{
  GString *out = g_string_sized_new (64 * 1024);

  /* A byte order mark so that spreadsheets read the file as UTF-8. */
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (out, columns[i], i == 0);
  g_string_append (out, "\r\n");

  for (guint i = 0; i < report->articles->len; i++)
    {
      VeraReportArticle *entry = g_ptr_array_index (report->articles, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      for (guint c = 0; c < entry->claims->len; c++)
        append_row (out, report, entry->article, g_ptr_array_index (entry->claims, c));
    }
  return g_string_free_to_bytes (out);
}
