/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-bench"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-export.h"
#include "vera-finding.h"
#include "vera-project.h"
#include "vera-reference.h"

/* Export time of a generated project in every format, against the JSON export (the project
 * format) measured in the same run. Usage: bench-export [N_ARTICLES [FORMAT,…]] */

static const char *sentences[] = {
  "The council approved a budget of $NUM million for the harbour on Monday. ",
  "Unemployment fell to NUM percent in March, the lowest rate in a decade. ",
  "\"We will build NUM new homes by 2030,\" said Mayor Ana Ruiz. ",
  "Critics say the plan is rushed and the figures are optimistic. ",
  "港口项目预计耗资NUM亿元，将创造大量就业岗位。",
  "Officials did not say how the project would be financed. ",
};

static VeraProject *
generate (guint n_articles)
{
  VeraProject *project = vera_project_new ();
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) text = g_string_new (NULL);

  vera_project_set_reviewer (project, "Bench Reviewer");
  for (guint a = 0; a < n_articles; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", a + 1);
      g_autofree char *source = g_strdup_printf ("https://news.example.com/%u/story", a + 1);
      g_autofree char *title = g_strdup_printf ("Story number %u", a + 1);
      g_autoptr(VeraArticle) article = NULL;
      g_autoptr(GError) error = NULL;
      guint starts[G_N_ELEMENTS (sentences) + 1];

      g_string_truncate (text, 0);
      for (guint s = 0; s < G_N_ELEMENTS (sentences); s++)
        {
          g_autofree char *number = g_strdup_printf ("%u", 10 + (a * 7 + s) % 90);
          g_autoptr(GString) sentence = g_string_new (sentences[s]);

          starts[s] = g_utf8_strlen (text->str, -1);
          g_string_replace (sentence, "NUM", number, 0);
          g_string_append (text, sentence->str);
          if (s == 2)
            g_string_append (text, "\n\n");
        }
      starts[G_N_ELEMENTS (sentences)] = g_utf8_strlen (text->str, -1);
      article = vera_article_new (id, source, text->str);
      vera_article_set_title (article, title);
      vera_article_set_publisher (article, "Example News");
      vera_article_set_published (article, "2024-03-01");
      vera_article_set_language (article, "en");
      for (guint s = 0; s < G_N_ELEMENTS (sentences); s += 2)
        {
          g_autofree char *claim_id = g_strdup_printf ("%s-c%u", id, s);
          guint end = starts[s + 1] - 1;
          g_autofree char *slice = vera_article_dup_slice (article, starts[s], end);
          g_autoptr(VeraClaim) claim = vera_claim_new (claim_id, starts[s], end, slice);
          g_autoptr(VeraReference) reference = vera_reference_new ("https://stats.example.org/x");

          vera_reference_set_field (reference, VERA_REFERENCE_TITLE, "Statistics");
          vera_reference_set_field (reference, VERA_REFERENCE_ARCHIVE_URL,
                                    "https://web.archive.org/web/2024/https://stats.example.org/x");
          vera_claim_insert_reference (claim, 0, reference);
          vera_claim_set_status (claim, (a + s) % VERA_N_STATUSES);
          vera_claim_set_note (claim, "Checked against the statistics office's tables.");
          vera_claim_set_kinds (claim, VERA_CLAIM_KIND_QUANTITY);
          vera_claim_set_score (claim, 0.8);
          vera_claim_set_modified (claim, "2024-05-01T10:00:00Z");
          vera_article_add_claim (article, claim);
        }
      {
        g_autoptr(VeraFinding) finding = vera_finding_new (VERA_FINDING_KIND_VAGUE_SOURCE,
                                                           starts[3], starts[3] + 7, "Critics",
                                                           "Unnamed source");

        vera_article_add_finding (article, finding);
      }
      if (!vera_project_add_article (project, article, &error))
        g_error ("%s", error->message);
      if (a % 10 == 1)
        {
          g_autofree char *k = g_strdup_printf ("k%u", a);
          g_autofree char *c1 = g_strdup_printf ("a%u-c0", a);
          g_autofree char *c2 = g_strdup_printf ("a%u-c0", a + 1);
          VeraConflict *conflict = vera_conflict_new (k, VERA_CONFLICT_KIND_FIGURE,
                                                      "Harbour budget");

          vera_conflict_add_member (conflict, c1, "$10 million");
          vera_conflict_add_member (conflict, c2, "$12 million");
          g_ptr_array_add (conflicts, conflict);
        }
    }
  vera_project_replace_conflicts (project, conflicts);
  return project;
}

int
main (int   argc,
      char *argv[])
{
  guint n_articles = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 10000;
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 5, 2, 9, 30, 0);
  VeraExportOptions options;
  double baseline = 0;
  static const VeraExportFormat order[] = {
    VERA_EXPORT_FORMAT_JSON, VERA_EXPORT_FORMAT_CSV, VERA_EXPORT_FORMAT_MARKDOWN,
    VERA_EXPORT_FORMAT_HTML, VERA_EXPORT_FORMAT_CLAIMREVIEW, VERA_EXPORT_FORMAT_WEBANNOTATION,
    VERA_EXPORT_FORMAT_PDF,
  };

  if (n_articles == 0)
    n_articles = 10000;
  project = generate (n_articles);
  vera_export_options_init (&options);
  options.now = now;
  options.organisation_name = "Bench Fact Check";
  options.organisation_url = "https://factcheck.example.org/";

  printf ("# export of %u articles, %u claims\n", n_articles, vera_project_get_n_claims (project));
  printf ("%-14s %10s %12s %10s\n", "format", "seconds", "bytes", "vs json");
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start;
      double seconds;

      if (argc > 2 && order[i] != VERA_EXPORT_FORMAT_JSON &&
          strstr (argv[2], vera_export_format_to_string (order[i])) == NULL)
        continue;
      start = g_get_monotonic_time ();

      bytes = vera_export_project_to_bytes (project, order[i], &options, NULL, &error);
      if (bytes == NULL)
        g_error ("%s: %s", vera_export_format_to_string (order[i]), error->message);
      seconds = (g_get_monotonic_time () - start) / 1e6;
      if (order[i] == VERA_EXPORT_FORMAT_JSON)
        baseline = seconds;
      printf ("%-14s %10.3f %12" G_GSIZE_FORMAT " %9.2fx\n", vera_export_format_to_string (order[i]),
              seconds, g_bytes_get_size (bytes), baseline > 0 ? seconds / baseline : 0.0);
      fflush (stdout);
    }
  return 0;
}
