/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"
#include "config.h"

#include <json-glib/json-glib.h>

#include "fuzz-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-export.h"
#include "vera-project-io.h"
#include "vera-project.h"

/* vera_webannotation_import() of hostile annotation files onto a small fixed project (two
 * articles, one of them with a reviewed claim and text beyond the Basic Multilingual Plane).
 * What it applies must stay inside the texts, undo and redo, and save and load. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

static VeraProject *
new_project (void)
{
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) first =
    vera_article_new ("a1", "https://example.org/news/1",
                      "Prices rose 5% in 2024, said Dr. Chen Lin. Later: wages rose 5%.\n\n"
                      "Then rents rose 5% again, according to analysts. 𝐁𝐨𝐥𝐝 text 🙂 here.");
  g_autoptr(VeraArticle) second =
    vera_article_new ("a2", "/srv/articles/local report.txt",
                      "地方政府表示，预算为480亿美元。The council spent $48 billion.");
  g_autoptr(VeraClaim) claim = vera_claim_new ("a1-c1", 0, 14, "Prices rose 5%");
  g_autoptr(GError) error = NULL;

  vera_claim_set_context (claim, NULL, " in 2024, said");
  vera_claim_set_status (claim, VERA_STATUS_SUPPORTED);
  vera_claim_set_note (claim, "Checked against the statistics office.");
  vera_article_add_claim (first, claim);
  g_assert_true (vera_project_add_article (project, first, &error));
  g_assert_true (vera_project_add_article (project, second, &error));
  return g_steal_pointer (&project);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(VeraProject) project = NULL;
  g_autoptr(VeraProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;
  VeraAnnotationImportStats stats = { 0 };
  gsize length;
  guint n_undone = 0;

  if (!fuzz_json_is_single_value (data, size))
    return 0;
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, &error))
    return 0;
  project = new_project ();
  if (!vera_webannotation_import (project, json_parser_get_root (parser), &stats, &error))
    {
      g_assert_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_NOT_ANNOTATIONS);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (stats.created, <=, stats.applied + stats.reanchored);
  fuzz_check_project (project);

  saved = vera_project_to_data (project, &length);
  loaded = vera_project_from_data (saved, (gssize) length, &error);
  if (loaded == NULL)
    g_error ("a project with imported annotations does not load: %s\n%s", error->message, saved);
  fuzz_check_project (loaded);

  while (vera_project_get_can_undo (project) && n_undone < 1000)
    {
      vera_project_undo (project);
      n_undone++;
    }
  fuzz_check_project (project);
  while (vera_project_get_can_redo (project))
    vera_project_redo (project);
  fuzz_check_project (project);
  return 0;
}
