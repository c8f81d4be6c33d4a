/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-analyzer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-claim-kinds.h"
#include "vera-finding.h"
#include "vera-injection.h"
#include "vera-language-id.h"
#include "vera-people.h"
#include "vera-plausibility.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-quantities.h"
#include "vera-quantity.h"
#include "vera-scorer.h"
#include "vera-segmenter.h"

/* How many characters of context a claim keeps on each side, for re-anchoring. */
#define CONTEXT_CHARS 32

struct _VeraAnalyzer
{
  GObject     parent_instance;
  VeraScorer       *scorer;
  VeraPlausibility *plausibility;
  double            threshold;
};

G_DEFINE_FINAL_TYPE (VeraAnalyzer, vera_analyzer, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static void
vera_analyzer_finalize (GObject *object)
{
  VeraAnalyzer *self = (VeraAnalyzer *)object;

  g_clear_object (&self->scorer);
  g_clear_pointer (&self->plausibility, vera_plausibility_free);

  G_OBJECT_CLASS (vera_analyzer_parent_class)->finalize (object);
}

static void
vera_analyzer_class_init (VeraAnalyzerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vera_analyzer_finalize;

  /**
   * VeraAnalyzer::progress:
   * @fraction: how much of the current job is done, 0 to 1
   * @name: (nullable): the file being worked on
   */
  signals [PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_DOUBLE, G_TYPE_STRING);
}

static void
vera_analyzer_init (VeraAnalyzer *self)
{
  self->threshold = VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD;
}

VeraAnalyzer *
vera_analyzer_new (GError **error)
{
  g_autoptr(VeraAnalyzer) self = g_object_new (VERA_TYPE_ANALYZER, NULL);

  self->scorer = vera_scorer_new (error);
  if (self->scorer == NULL)
    return NULL;
  self->plausibility = vera_plausibility_new ();
  return g_steal_pointer (&self);
}

VeraAnalyzer *
vera_analyzer_new_for_project (VeraAnalyzer *self,
                               VeraProject  *project)
{
  g_autoptr(VeraAnalyzer) job = NULL;
  g_autoptr(JsonNode) figures = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (VERA_IS_ANALYZER (self), NULL);
  g_return_val_if_fail (VERA_IS_PROJECT (project), NULL);

  job = g_object_new (VERA_TYPE_ANALYZER, NULL);
  job->scorer = g_object_ref (self->scorer);
  job->threshold = vera_project_get_claim_threshold (project);
  job->plausibility = vera_plausibility_new ();
  figures = vera_project_figures_to_json (vera_project_get_reference_figures (project));
  /* The project's figures were checked when they were made; the table takes every one. */
  if (!vera_plausibility_add_node (job->plausibility, figures, &error))
    g_critical ("A project figure was refused: %s", error->message);
  return g_steal_pointer (&job);
}

double
vera_analyzer_get_threshold (VeraAnalyzer *self)
{
  g_return_val_if_fail (VERA_IS_ANALYZER (self), VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD);
  return self->threshold;
}

static void
add_injection_findings (VeraArticle *article,
                        GArray      *injections,
                        GPtrArray   *reasons,
                        GPtrArray   *findings)
{
  const char *text = vera_article_get_text (article);

  for (guint i = 0; i < injections->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (injections, VeraTextSpan, i);
      guint start = vera_article_byte_to_char (article, span->start);
      guint end = vera_article_byte_to_char (article, span->end);
      g_autofree char *run = g_strndup (text + span->start, span->end - span->start);

      g_ptr_array_add (findings,
                       vera_finding_new (VERA_FINDING_KIND_INJECTED_TEXT, start, end, run,
                                         g_ptr_array_index (reasons, i)));
    }
}

static void
add_vague_findings (VeraArticle        *article,
                    const VeraTextSpan *sentence,
                    GArray             *vague,
                    GPtrArray          *findings)
{
  const char *text = vera_article_get_text (article);

  for (guint i = 0; i < vague->len; i++)
    {
      const VeraVagueSpan *span = &g_array_index (vague, VeraVagueSpan, i);
      gsize from = sentence->start + span->start;
      gsize to = sentence->start + span->end;
      g_autofree char *phrase = g_strndup (text + from, to - from);

      g_ptr_array_add (findings,
                       vera_finding_new (VERA_FINDING_KIND_VAGUE_SOURCE,
                                         vera_article_byte_to_char (article, from),
                                         vera_article_byte_to_char (article, to),
                                         phrase,
                                         _("A vague source: who exactly says this? Ask for the "
                                           "study, the expert or the document.")));
    }
}

static void
shift_quantities (GPtrArray *quantities,
                  guint      offset)
{
  for (guint i = 0; i < quantities->len; i++)
    {
      VeraQuantity *q = g_ptr_array_index (quantities, i);

      q->start += offset;
      q->end += offset;
    }
}

static void
shift_people (GPtrArray *people,
              guint      offset)
{
  for (guint i = 0; i < people->len; i++)
    {
      VeraPerson *p = g_ptr_array_index (people, i);

      p->start += offset;
      p->end += offset;
    }
}

static void
add_implausible_findings (VeraAnalyzer *self,
                          VeraArticle  *article,
                          VeraClaim    *claim,
                          const char   *sentence,
                          gsize         length,
                          GPtrArray    *quantities,
                          const char   *default_subject,
                          GPtrArray    *findings)
{
  g_autoptr(GPtrArray) implausible = NULL;
  guint offset = vera_claim_get_start (claim);

  implausible = vera_plausibility_check (self->plausibility, sentence, length, quantities,
                                         default_subject);
  for (guint i = 0; i < implausible->len; i++)
    {
      VeraImplausible *item = g_ptr_array_index (implausible, i);
      VeraFinding *finding = vera_finding_new (VERA_FINDING_KIND_IMPLAUSIBLE,
                                               offset + item->start, offset + item->end,
                                               item->text, item->reason);

      if (item->reference != NULL)
        {
          g_autofree char *detail = NULL;

          if (item->reference->year != 0)
            /* Translators: subject, measure, value, source and year of a reference figure,
             * e.g. "Shanghai population: 24,870,895 (National Bureau of Statistics, 2020)" */
            detail = g_strdup_printf (_("%s %s: %'.0f (%s, %d)"), item->reference->subject,
                                      item->reference->measure, item->reference->value,
                                      item->reference->source, item->reference->year);
          else
            /* Translators: the same for a reference figure without a year,
             * e.g. "Hamburg population: 1,845,229 (GeoNames)" */
            detail = g_strdup_printf (_("%s %s: %'.0f (%s)"), item->reference->subject,
                                      item->reference->measure, item->reference->value,
                                      item->reference->source);
          vera_finding_set_detail (finding, detail);
          vera_finding_set_reference (finding, item->reference->value, item->reference->year,
                                      item->reference->source, item->reference->url);
        }
      g_ptr_array_add (findings, finding);
    }
}

static VeraClaim *
make_claim (VeraArticle        *article,
            const VeraTextSpan *span,
            guint               number)
{
  const char *text = vera_article_get_text (article);
  guint start = vera_article_byte_to_char (article, span->start);
  guint end = vera_article_byte_to_char (article, span->end);
  g_autofree char *id = g_strdup_printf ("%s-c%u", vera_article_get_id (article), number);
  g_autofree char *body = g_strndup (text + span->start, span->end - span->start);
  g_autofree char *prefix = vera_article_dup_slice (article, start > CONTEXT_CHARS
                                                    ? start - CONTEXT_CHARS : 0, start);
  g_autofree char *suffix = vera_article_dup_slice (article, end, end + CONTEXT_CHARS);
  VeraClaim *claim = vera_claim_new (id, start, end, body);

  vera_claim_set_context (claim, prefix, suffix);
  return claim;
}

void
vera_analyzer_analyze_article (VeraAnalyzer *self,
                               VeraArticle  *article)
{
  const char *text;
  gsize length;
  const char *default_subject;
  VeraLanguage language;
  const char *dominant = "und";
  gboolean given;
  g_autoptr(GArray) languages = NULL;
  g_autoptr(GArray) injections = NULL;
  g_autoptr(GArray) sentences = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  g_autofree const char **starts = NULL;
  g_autofree gsize *lengths = NULL;
  g_autofree double *scores = NULL;
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (VERA_IS_ANALYZER (self));
  g_return_if_fail (VERA_IS_ARTICLE (article));

  text = vera_article_get_text (article);
  length = vera_article_get_text_length (article);
  language = vera_language_from_tag (vera_article_get_language (article));
  given = language != VERA_LANGUAGE_UND;

  injections = vera_detect_injections_full (text, length, &reasons);
  add_injection_findings (article, injections, reasons, findings);

  /* An article without a language gets the one its text is mostly written in. */
  languages = vera_language_identify_spans (text, length, injections, &dominant, NULL);
  if (!given)
    {
      if (strcmp (dominant, "und") != 0)
        vera_article_set_language (article, dominant);
      language = vera_language_from_tag (dominant);
    }
  sentences = vera_segment_sentences (text, length, injections);
  default_subject = vera_plausibility_guess_subject (self->plausibility, text, length);

  /* Sentences are scored as one document: each with its neighbours and its position. */
  starts = g_new (const char *, MAX (sentences->len, 1));
  lengths = g_new (gsize, MAX (sentences->len, 1));
  scores = g_new (double, MAX (sentences->len, 1));
  for (guint i = 0; i < sentences->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (sentences, VeraTextSpan, i);

      starts[i] = text + span->start;
      lengths[i] = span->end - span->start;
    }
  vera_scorer_score_document (self->scorer, starts, lengths, sentences->len, NULL, language,
                              scores);

  for (guint i = 0; i < sentences->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (sentences, VeraTextSpan, i);
      const char *sentence = text + span->start;
      gsize slen = span->end - span->start;
      g_auto(VeraSentenceFacts) facts = { 0 };
      double score;
      VeraClaim *claim;

      /* Headings assert nothing, whatever figures they hold. */
      if (span->flags & VERA_SPAN_HEADING)
        continue;

      /* One tokenizer pass finds figures, people, vague sources, kinds and boilerplate. */
      vera_sentence_facts_analyse (&facts, sentence, slen,
                                   vera_language_spans_resolve (languages, span->start,
                                                                language, given, dominant));
      if (facts.boilerplate)
        continue;
      add_vague_findings (article, span, facts.vague, findings);
      score = scores[i];

      /* A list item is a label unless it holds something to check. */
      if (!facts.checkable && ((span->flags & VERA_SPAN_LIST_ITEM) || score < self->threshold))
        continue;

      claim = make_claim (article, span, claims->len + 1);
      add_implausible_findings (self, article, claim, sentence, slen, facts.quantities,
                                default_subject, findings);
      vera_claim_set_score (claim, score);
      vera_claim_set_kinds (claim, facts.kinds != VERA_CLAIM_KIND_NONE
                                   ? facts.kinds : VERA_CLAIM_KIND_OTHER);
      shift_quantities (facts.quantities, vera_claim_get_start (claim));
      shift_people (facts.people, vera_claim_get_start (claim));
      vera_claim_take_quantities (claim, g_steal_pointer (&facts.quantities));
      vera_claim_take_people (claim, g_steal_pointer (&facts.people));
      g_ptr_array_add (claims, claim);
    }

  vera_article_replace_analysis (article, claims, findings);
}
