/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-analyzer"

#include "config.h"

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-language.h"
#include "vera-linker.h"
#include "vera-project.h"

/* Cross-article linking. The linker keeps a compact index of what it was fed, so a batch can
 * feed articles one at a time and let each go (vera-check analyze on large batches). */

VeraLinker *
vera_analyzer_new_linker (VeraAnalyzer *self)
{
  g_return_val_if_fail (VERA_IS_ANALYZER (self), NULL);
  return vera_linker_new ();
}

void
vera_analyzer_link_article (VeraAnalyzer *self,
                            VeraLinker   *linker,
                            VeraArticle  *article)
{
  GListModel *claims;
  VeraLanguage language;

  g_return_if_fail (VERA_IS_ANALYZER (self));
  g_return_if_fail (linker != NULL);
  g_return_if_fail (VERA_IS_ARTICLE (article));

  language = vera_language_from_tag (vera_article_get_language (article));
  claims = vera_article_get_claims (article);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
      VeraLinkItem item = {
        .article_id = vera_article_get_id (article),
        .claim_id = vera_claim_get_id (claim),
        .sentence = vera_claim_get_text (claim),
        .length = strlen (vera_claim_get_text (claim)),
        .offset = vera_claim_get_start (claim),
        .quantities = vera_claim_get_quantities (claim),
        .people = vera_claim_get_people (claim),
        .language = language,
      };

      /* A claim the reviewer ruled out does not take part in conflicts. */
      if (vera_claim_get_status (claim) == VERA_STATUS_NOT_A_CLAIM)
        continue;
      vera_linker_add (linker, &item);
    }
}

GPtrArray *
vera_analyzer_finish_linking (VeraAnalyzer *self,
                              VeraLinker   *linker)
{
  g_autoptr(GPtrArray) found = NULL;
  GPtrArray *conflicts;

  g_return_val_if_fail (VERA_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (linker != NULL, NULL);

  found = vera_linker_find_conflicts (linker);
  conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < found->len; i++)
    {
      VeraLinkConflict *link = g_ptr_array_index (found, i);
      g_autofree char *id = g_strdup_printf ("k%u", i + 1);
      VeraConflict *conflict = vera_conflict_new (id, link->kind, link->topic);

      for (guint m = 0; m < link->members->len; m++)
        {
          VeraLinkMember *member = g_ptr_array_index (link->members, m);
          vera_conflict_add_member (conflict, member->claim_id, member->text);
        }
      g_ptr_array_add (conflicts, conflict);
    }
  return conflicts;
}

void
vera_analyzer_link_project (VeraAnalyzer *self,
                            VeraProject  *project)
{
  g_autoptr(VeraLinker) linker = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GListModel *articles;

  g_return_if_fail (VERA_IS_ANALYZER (self));
  g_return_if_fail (VERA_IS_PROJECT (project));

  linker = vera_analyzer_new_linker (self);
  articles = vera_project_get_articles (project);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      vera_analyzer_link_article (self, linker, article);
    }
  conflicts = vera_analyzer_finish_linking (self, linker);
  vera_project_replace_conflicts (project, conflicts);
}
