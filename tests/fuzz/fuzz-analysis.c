/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"
#include "config.h"

#include "fuzz-util.h"
#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-claim-kinds.h"
#include "vera-claim.h"
#include "vera-finding.h"
#include "vera-injection.h"
#include "vera-people.h"
#include "vera-project.h"
#include "vera-quantities.h"
#include "vera-segmenter.h"

/* The analysis pipeline on arbitrary UTF-8: injections, sentences, then each sentence's
 * quantities, people, vague sources, kinds and checkability, then the whole VeraAnalyzer on an
 * article. The analyzer (scorer weights, reference figures) is built once and only read. */

#define MAX_SENTENCES 200

static VeraAnalyzer *analyzer;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_init ();
  analyzer = vera_analyzer_new (&error);
  g_assert_no_error (error);
  return 0;
}

static void
check_spans (const GArray *spans,
             gsize         len)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);

      g_assert_cmpuint (span->start, <=, span->end);
      g_assert_cmpuint (span->end, <=, len);
    }
}

static void
check_sentence (const char *sentence,
                gsize       len)
{
  guint n_chars = (guint) g_utf8_strlen (sentence, (gssize) len);
  g_autoptr(GPtrArray) quantities = vera_quantities_extract (sentence, len);
  g_autoptr(GPtrArray) people = vera_people_extract (sentence, len);
  g_autoptr(GArray) vague = vera_vague_sources_find (sentence, len);
  g_auto(GStrv) scopes = vera_quantities_find_scopes (sentence, len);
  static const VeraLanguage languages[] = { VERA_LANGUAGE_EN, VERA_LANGUAGE_DE, VERA_LANGUAGE_ZH };
  VeraClaimKind kinds = 0;
  gboolean checkable;

  g_assert_nonnull (quantities);
  for (guint i = 0; i < quantities->len; i++)
    {
      const VeraQuantity *quantity = g_ptr_array_index (quantities, i);

      g_assert_cmpuint (quantity->start, <=, quantity->end);
      g_assert_cmpuint (quantity->end, <=, n_chars);
      fuzz_assert_utf8 (quantity->text);
      fuzz_assert_utf8 (quantity->unit);
      fuzz_assert_utf8 (quantity->noun);
      fuzz_assert_utf8 (quantity->qualifier);
      fuzz_assert_utf8 (quantity->scope);
    }
  g_assert_nonnull (people);
  for (guint i = 0; i < people->len; i++)
    {
      const VeraPerson *person = g_ptr_array_index (people, i);

      g_assert_cmpuint (person->start, <=, person->end);
      g_assert_cmpuint (person->end, <=, n_chars);
      fuzz_assert_utf8 (person->name);
      fuzz_assert_utf8 (person->role);
    }
  check_spans (vague, len);
  for (guint i = 0; scopes != NULL && scopes[i] != NULL; i++)
    fuzz_assert_utf8 (scopes[i]);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      checkable = vera_claim_is_checkable (sentence, len, quantities, people, languages[l], &kinds);
      g_assert_cmpint (kinds, ==, vera_claim_kinds_classify (sentence, len, quantities, people,
                                                             languages[l]));
      (void) checkable;
      vera_claim_is_checkable (sentence, len, NULL, NULL, languages[l], NULL);
      vera_text_is_boilerplate (sentence, len, languages[l]);
    }
}

static void
check_article (VeraArticle *article)
{
  GListModel *claims = vera_article_get_claims (article);
  GListModel *findings = vera_article_get_findings (article);
  guint n_chars = vera_article_get_n_chars (article);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
      g_autofree char *slice = NULL;

      g_assert_cmpuint (vera_claim_get_start (claim), <, vera_claim_get_end (claim));
      g_assert_cmpuint (vera_claim_get_end (claim), <=, n_chars);
      slice = vera_article_dup_slice (article, vera_claim_get_start (claim),
                                      vera_claim_get_end (claim));
      g_assert_cmpstr (slice, ==, vera_claim_get_text (claim));
      fuzz_assert_utf8 (vera_claim_get_prefix (claim));
      fuzz_assert_utf8 (vera_claim_get_suffix (claim));
    }
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);

      g_assert_cmpuint (vera_finding_get_start (finding), <=, vera_finding_get_end (finding));
      g_assert_cmpuint (vera_finding_get_end (finding), <=, n_chars);
      fuzz_assert_utf8 (vera_finding_get_message (finding));
      fuzz_assert_utf8 (vera_finding_get_detail (finding));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  gsize len;
  g_autofree char *text = fuzz_dup_text (data, size, FALSE, &len);
  g_autofree char *nfc_text = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  g_autoptr(GArray) injected = vera_detect_injections_full (text, len, &reasons);
  g_autoptr(GArray) sentences = vera_segment_sentences (text, len, injected);
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) article = NULL;
  g_autoptr(VeraArticle) copy = NULL;
  g_autoptr(GError) error = NULL;
  gsize nfc_len;

  check_spans (injected, len);
  g_assert_nonnull (reasons);
  g_assert_cmpuint (reasons->len, ==, injected->len);
  check_spans (sentences, len);
  for (guint i = 0; i < MIN (sentences->len, MAX_SENTENCES); i++)
    {
      const VeraTextSpan *span = &g_array_index (sentences, VeraTextSpan, i);

      check_sentence (text + span->start, span->end - span->start);
    }

  /* The article text is NFC, as the importers make it. */
  nfc_text = fuzz_dup_text (data, size, TRUE, &nfc_len);
  article = vera_article_new ("a1", "fuzz-input", nfc_text);
  vera_analyzer_analyze_article (analyzer, article);
  check_article (article);

  /* Twice in a project, to link the article's claims with themselves. */
  copy = vera_article_new ("a2", "fuzz-copy", nfc_text);
  vera_analyzer_analyze_article (analyzer, copy);
  g_assert_true (vera_project_add_article (project, article, &error));
  g_assert_true (vera_project_add_article (project, copy, &error));
  vera_analyzer_link_project (analyzer, project);
  return 0;
}
