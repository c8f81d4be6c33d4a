/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim-kinds"

#include "config.h"

#include <string.h>

#include "vera-claim-kinds.h"
#include "vera-people.h"
#include "vera-person.h"
#include "vera-quantities.h"
#include "vera-quantity.h"
#include "vera-tokens.h"

/* General English cue lexicons. Multi-word cues are matched word by word. */

static const char * const superlatives[] = {
  "best", "biggest", "busiest", "cheapest", "coldest", "deepest", "densest", "fastest",
  "greatest", "highest", "hottest", "largest", "longest", "lowest", "oldest", "outpaced",
  "outpacing", "outperformed", "outperforming", "overtaking", "overtook", "poorest", "premier",
  "record-breaking", "record-high", "record-low", "richest", "safest", "shortest", "slowest",
  "smallest", "strongest", "surpassed", "surpasses", "surpassing", "tallest", "unmatched",
  "unparalleled", "unprecedented", "unrivaled", "unrivalled", "versus", "vs", "weakest",
  "wealthiest", "world-leading", "worst", "youngest", NULL
};

static const char * const comparison_phrases[] = {
  "ahead of", "compared with", "compared to", "second only to", "the first", "world's first",
  "more than any", "record high", "record low", "all-time high", "all-time low", NULL
};

static const char * const prediction_words[] = {
  "anticipated", "anticipates", "expected", "expects", "forecast", "forecasted", "forecasts",
  "likely", "poised", "predict", "predicted", "predicts", "projected", "slated", "unlikely",
  "upcoming", "will", "won't", NULL
};

static const char * const prediction_phrases[] = {
  "going to", "set to", "plans to", "plan to", "aims to", "aim to", "on track to",
  "ahead of schedule", "next year", "next decade", "over the next", "in the coming", "by <year>",
  "is due to", "are due to", "intends to", "could reach", "is projected", "are projected", NULL
};

/* Reported speech about the future: "said AI would transform …". */
static const char * const reported_future[] = { "could", "would", NULL };

static const char * const causal_words[] = {
  "because", "cause", "caused", "causes", "consequently", "drove", "forced", "fueled", "fuelled",
  "hence", "owing", "spurred", "thanks", "therefore", "triggered", NULL
};

static const char * const causal_phrases[] = {
  "due to", "led to", "leads to", "lead to", "leading to", "thanks to", "driven by",
  "resulted in", "results in", "result in", "as a result", "owing to", "contributed to",
  "contributes to", "stems from", "stem from", "stemmed from", "attributed to",
  "responsible for", "which means", "so that", "blamed on", "because of", "boosted by", NULL
};

static const char * const rule_words[] = {
  "ban", "banned", "bans", "compulsory", "decree", "forbidden", "forbids", "illegal", "law",
  "laws", "legally", "legislation", "mandated", "mandates", "mandatory", "must", "ordinance",
  "outlawed", "prohibit", "prohibited", "prohibits", "regulation", "regulations", "require",
  "required", "requires", "shall", "statute", "unlawful", NULL
};

static const char * const event_words[] = {
  "acquired", "announced", "appointed", "approved", "arrested", "attacked", "began", "closed",
  "collapsed", "completed", "convicted", "crashed", "died", "elected", "ended", "erupted",
  "established", "exploded", "fired", "founded", "held", "hosted", "introduced", "invaded",
  "killed", "launched", "merged", "met", "opened", "passed", "released", "resigned", "sentenced",
  "signed", "struck", "sued", "unveiled", "visited", "voted", "won", NULL
};

static const char * const personal_words[] = { "i", "me", "mine", "my", "myself", NULL };

/* Whether @c is one of the ASCII characters in @set. */
static gboolean
is_one_of (gunichar    c,
           const char *set)
{
  return c != 0 && c < 0x80 && strchr (set, (int) c) != NULL;
}

static gboolean
match_words (const char   *text,
             const GArray *tokens,
             guint         i,
             const char   *phrase)
{
  return vera_tokens_match_phrase (text, tokens, i, phrase) > 0;
}

static gboolean
any_phrase (const char         *text,
            const GArray       *tokens,
            const char * const *phrases)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      char first = g_ascii_tolower (text[t->start]);

      if (t->kind != VERA_TOKEN_WORD)
        continue;
      for (guint p = 0; phrases[p] != NULL; p++)
        if (phrases[p][0] == first && match_words (text, tokens, i, phrases[p]))
          return TRUE;
    }
  return FALSE;
}

static guint
count_words (const GArray *tokens,
             guint         from,
             guint         to)
{
  guint n = 0;

  for (guint i = from; i < to && i < tokens->len; i++)
    if (vera_tokens_get (tokens, i)->kind != VERA_TOKEN_PUNCT)
      n++;
  return n;
}

static guint
count_lower (const char   *text,
             const GArray *tokens,
             guint         from,
             guint         to)
{
  guint n = 0;

  for (guint i = from; i < to && i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind == VERA_TOKEN_WORD && !(t->flags & VERA_TOKEN_CAPITAL) && t->end - t->start > 2)
        n++;
    }
  return n;
}

/* Quoted speech: a quotation of at least four words that is attributed (a speech verb, a colon
 * before it, or a quote that ends a clause inside its marks). Scare quotes around a name
 * ("Golden Visa" scheme) are not speech. */
static gboolean
has_quote (const char   *text,
           const GArray *tokens,
           gboolean      attributed)
{
  guint open = G_MAXUINT;

  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (!vera_token_is_quote (t))
        continue;
      if (open == G_MAXUINT)
        {
          open = i;
          continue;
        }
      if (count_words (tokens, open + 1, i) >= 4 && count_lower (text, tokens, open + 1, i) >= 2)
        {
          const VeraToken *before_close = vera_tokens_get (tokens, i - 1);
          gboolean clause_end = before_close->kind == VERA_TOKEN_PUNCT &&
                                is_one_of (before_close->ch, ",.!?");
          gboolean colon = open > 0 && vera_tokens_get (tokens, open - 1)->ch == ':';

          if (attributed || clause_end || colon)
            return TRUE;
        }
      open = G_MAXUINT;
    }
  /* An opening quote whose end lies in another sentence. */
  return open != G_MAXUINT && attributed && count_words (tokens, open + 1, tokens->len) >= 4;
}

/* "the most advanced", "Asia's most dynamic": "most" after a determiner or a possessive is a
 * superlative; "most people" is a quantifier. */
static gboolean
has_superlative (const char   *text,
                 const GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (vera_token_in_sorted (text, t, superlatives, VERA_LEXICON_SIZE (superlatives)))
        return TRUE;
      if ((vera_token_is (text, t, "most") || vera_token_is (text, t, "least")) && i > 0)
        {
          const VeraToken *p = vera_tokens_get (tokens, i - 1);

          if (vera_token_is (text, p, "the") || vera_token_has_suffix (text, p, "'s") ||
              vera_token_has_suffix (text, p, "\xe2\x80\x99s") || vera_token_is (text, p, "its") ||
              vera_token_is (text, p, "their"))
            return TRUE;
        }
      /* "-er than", but not "more than 300", "rather than", "other than" */
      if (vera_token_is (text, t, "than") && i > 0 && i + 1 < tokens->len)
        {
          const VeraToken *p = vera_tokens_get (tokens, i - 1);
          const VeraToken *n = vera_tokens_get (tokens, i + 1);
          gboolean qualifier = (vera_token_is (text, p, "more") || vera_token_is (text, p, "less") ||
                                vera_token_is (text, p, "fewer")) &&
                               (n->kind == VERA_TOKEN_NUMBER || n->kind == VERA_TOKEN_PUNCT);

          if (!qualifier && !vera_token_is (text, p, "rather") && !vera_token_is (text, p, "other"))
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
has_attribution (const char   *text,
                 const GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    if (vera_token_is_speech_verb (text, vera_tokens_get (tokens, i)))
      return TRUE;
  return FALSE;
}

static gboolean
has_personal (const char   *text,
              const GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      /* "I" must be upper case: a lone "i" is more often a list marker. */
      if (vera_token_is (text, t, "i") && text[t->start] != 'I')
        continue;
      if (vera_token_in (text, t, personal_words))
        return TRUE;
    }
  return FALSE;
}

static VeraClaimKind
classify_tokens (const char      *text,
                 const GArray    *tokens,
                 const GPtrArray *quantities,
                 const GPtrArray *people)
{
  VeraClaimKind kinds = VERA_CLAIM_KIND_NONE;
  gboolean attribution = has_attribution (text, tokens);
  gboolean ranked = FALSE;

  for (guint i = 0; quantities != NULL && i < quantities->len; i++)
    {
      const VeraQuantity *q = g_ptr_array_index (quantities, i);

      if (g_strcmp0 (q->unit, "rank") == 0)
        ranked = TRUE;
      else
        kinds |= VERA_CLAIM_KIND_QUANTITY;
    }
  if (ranked || has_superlative (text, tokens) || any_phrase (text, tokens, comparison_phrases))
    kinds |= VERA_CLAIM_KIND_COMPARISON;
  if (has_quote (text, tokens, attribution || (people != NULL && people->len > 0)))
    kinds |= VERA_CLAIM_KIND_QUOTE;
  if (attribution)
    kinds |= VERA_CLAIM_KIND_ATTRIBUTION;
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (((const VeraPerson *) g_ptr_array_index (people, i))->quoted)
      kinds |= VERA_CLAIM_KIND_ATTRIBUTION;
  if (vera_tokens_contain (text, tokens, prediction_words, VERA_LEXICON_SIZE (prediction_words)) || any_phrase (text, tokens, prediction_phrases) ||
      (attribution && vera_tokens_contain (text, tokens, reported_future, VERA_LEXICON_SIZE (reported_future))))
    kinds |= VERA_CLAIM_KIND_PREDICTION;
  for (guint i = 0; i < tokens->len; i++)
    if (vera_token_has_suffix (text, vera_tokens_get (tokens, i), "'ll") ||
        vera_token_has_suffix (text, vera_tokens_get (tokens, i), "\xe2\x80\x99ll"))
      kinds |= VERA_CLAIM_KIND_PREDICTION;
  if (vera_tokens_contain (text, tokens, causal_words, VERA_LEXICON_SIZE (causal_words)) || any_phrase (text, tokens, causal_phrases))
    kinds |= VERA_CLAIM_KIND_CAUSAL;
  if (vera_tokens_contain (text, tokens, rule_words, VERA_LEXICON_SIZE (rule_words)))
    kinds |= VERA_CLAIM_KIND_RULE;
  if (vera_tokens_contain (text, tokens, event_words, VERA_LEXICON_SIZE (event_words)))
    kinds |= VERA_CLAIM_KIND_EVENT;
  if (has_personal (text, tokens))
    kinds |= VERA_CLAIM_KIND_PERSONAL;
  if (kinds == VERA_CLAIM_KIND_NONE)
    kinds = VERA_CLAIM_KIND_OTHER;
  return kinds;
}

VeraClaimKind
vera_claim_kinds_classify (const char      *sentence,
                           gsize            len,
                           const GPtrArray *quantities,
                           const GPtrArray *people)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (sentence != NULL || len == 0, VERA_CLAIM_KIND_OTHER);

  tokens = vera_tokens_split (sentence, len);
  return classify_tokens (sentence, tokens, quantities, people);
}

/* A checkable figure, a superlative or ranking, a prediction, a causal statement, or a quote
 * with a named source. */
static gboolean
worth_checking (VeraClaimKind    kinds,
                const GPtrArray *people)
{
  gboolean named = people != NULL && people->len > 0;

  return (kinds & (VERA_CLAIM_KIND_QUANTITY | VERA_CLAIM_KIND_COMPARISON |
                   VERA_CLAIM_KIND_PREDICTION | VERA_CLAIM_KIND_CAUSAL)) != 0 ||
         ((kinds & VERA_CLAIM_KIND_QUOTE) != 0 && named);
}

gboolean
vera_claim_is_checkable (const char      *sentence,
                         gsize            len,
                         const GPtrArray *quantities,
                         const GPtrArray *people,
                         VeraClaimKind   *kinds_out)
{
  VeraClaimKind kinds;

  g_return_val_if_fail (sentence != NULL || len == 0, FALSE);

  kinds = vera_claim_kinds_classify (sentence, len, quantities, people);
  if (kinds_out != NULL)
    *kinds_out = kinds;
  if (vera_text_is_boilerplate (sentence, len))
    return FALSE;
  return worth_checking (kinds, people);
}

/* Page furniture, matched at the start of the text, ignoring case. */
static const char * const furniture[] = {
  "table of contents", "contents", "read more", "read also", "read next", "see also",
  "related", "related articles", "related stories", "share this", "share on", "follow us",
  "subscribe", "sign up", "advertisement", "sponsored", "copyright", "all rights reserved",
  "photo", "image", "credit", "photograph", "caption", "updated", "published", "posted on",
  "last modified", "last updated", "click here", "cookie", "privacy policy", "terms of use",
  "newsletter", "skip to", "back to top", "leave a comment", "comments", "tags", "filed under",
  "source", "sources", "chapter", "section", "part", "appendix", "figure", "fig", "table",
  "listen to", "watch", "print", "email", "next article", "previous article",
  "additional reporting by", "reporting by", "editing by", NULL
};

/* Credit and rights lines, wherever the phrase stands in them. */
static const char * const credit_phrases[] = {
  "all rights reserved", "contributed to this report", "contributed reporting", NULL
};

/* Words that stay lower case in title-case headings. */
static const char * const minor_words[] = {
  "a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "from", "by",
  "with", "as", "vs", "via", "into", "per", "is", "are", NULL
};

static gboolean
starts_with_furniture (const char   *text,
                       const GArray *tokens)
{
  guint first = 0;
  const VeraToken *t;

  /* Skip a bullet or list number. */
  while (first < tokens->len && vera_tokens_get (tokens, first)->kind == VERA_TOKEN_PUNCT &&
         !vera_token_is_quote (vera_tokens_get (tokens, first)) &&
         vera_tokens_get (tokens, first)->ch != 0xA9)
    first++;
  if (first >= tokens->len)
    return TRUE;
  t = vera_tokens_get (tokens, first);
  if (t->kind == VERA_TOKEN_PUNCT && t->ch == 0xA9)
    return TRUE;  /* © */
  for (guint p = 0; furniture[p] != NULL; p++)
    if (match_words (text, tokens, first, furniture[p]))
      {
        guint n = 1;

        for (const char *c = furniture[p]; *c != '\0'; c++)
          n += *c == ' ';
        /* "Chapter 3", "Section 2.1", "Photo: …", "Read more", or the phrase alone; but not
         * "Source code was leaked …" or "Part of the budget …". */
        if (first + n >= tokens->len)
          return TRUE;
        t = vera_tokens_get (tokens, first + n);
        if (t->kind == VERA_TOKEN_NUMBER)
          {
            /* "Chapter 3", "Chapter 3: Title", "Part 2 - Title", but not "Section 3 of the
             * law bans night flights." */
            const VeraToken *next = first + n + 1 < tokens->len ?
                                    vera_tokens_get (tokens, first + n + 1) : NULL;
            const VeraToken *end = vera_tokens_get (tokens, tokens->len - 1);

            if (next == NULL || next->ch == ':' || next->ch == '|' || next->ch == '-' ||
                next->ch == 0x2013 || next->ch == 0x2014 || next->ch == '.' ||
                !(end->kind == VERA_TOKEN_PUNCT && is_one_of (end->ch, ".!?")))
              return TRUE;
          }
        else if (t->ch == ':' || t->ch == '|' ||
            (t->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_UPPER) &&
             t->end - t->start <= 2 && first + n + 1 == tokens->len) ||
            (t->kind == VERA_TOKEN_WORD && first + n + 1 >= tokens->len &&
             n >= 2))
          return TRUE;
        if (g_str_equal (furniture[p], "copyright") || g_str_equal (furniture[p], "all rights reserved") ||
            g_str_has_suffix (furniture[p], " by"))
          return TRUE;
      }
  for (guint i = first; i < tokens->len; i++)
    for (guint p = 0; credit_phrases[p] != NULL; p++)
      if (match_words (text, tokens, i, credit_phrases[p]))
        return TRUE;
  return FALSE;
}

/* "By Jane Doe", "By Jane Doe and John Roe, Reuters" */
static gboolean
is_byline (const char   *text,
           const GArray *tokens)
{
  guint n_names = 0;

  if (tokens->len < 2 || !vera_token_is (text, vera_tokens_get (tokens, 0), "by"))
    return FALSE;
  for (guint i = 1; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_CAPITAL))
        n_names++;
      else if (!(vera_token_is (text, t, "and") || t->ch == ',' || t->ch == '|' ||
                 t->ch == '.' || t->ch == '-' || t->ch == 0x2014 || t->ch == '@' ||
                 vera_token_is (text, t, "in")))
        return FALSE;
    }
  return n_names >= 1 && n_names <= 8;
}

/* A heading: a line without end punctuation whose words are capitalised (title case), or a
 * short label that ends with a colon. */
static gboolean
is_heading (const char   *text,
            gsize         len,
            const GArray *tokens)
{
  const VeraToken *last;
  guint n_words = 0, n_capital = 0, n_major = 0, n_number = 0;

  if (tokens->len == 0)
    return TRUE;
  last = vera_tokens_get (tokens, tokens->len - 1);
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind == VERA_TOKEN_NUMBER)
        n_number++;
      if (t->kind != VERA_TOKEN_WORD)
        continue;
      n_words++;
      if (vera_token_in (text, t, minor_words) && i > 0)
        continue;
      n_major++;
      if (t->flags & VERA_TOKEN_CAPITAL)
        n_capital++;
    }
  if (last->ch == ':' && n_words <= 6)
    return TRUE;
  if (last->kind == VERA_TOKEN_PUNCT && is_one_of (last->ch, ".!?\"'"))
    return FALSE;
  if (last->ch == 0x201D || last->ch == 0x2019 || last->ch == 0x3002)
    return FALSE;
  if (n_words == 0)
    return TRUE;
  return n_words <= 14 && n_major > 0 && n_capital * 4 >= n_major * 3 &&
         (vera_tokens_get (tokens, 0)->flags & VERA_TOKEN_CAPITAL ||
          vera_tokens_get (tokens, 0)->kind != VERA_TOKEN_WORD);
}

static gboolean
is_boilerplate_tokens (const char   *text,
                       gsize         len,
                       const GArray *tokens)
{
  return is_heading (text, len, tokens) || starts_with_furniture (text, tokens) ||
         is_byline (text, tokens);
}

gboolean
vera_text_is_boilerplate (const char *text,
                          gsize       len)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (text != NULL || len == 0, TRUE);

  tokens = vera_tokens_split (text, len);
  return is_boilerplate_tokens (text, len, tokens);
}

void
vera_sentence_facts_analyse (VeraSentenceFacts *facts,
                             const char        *sentence,
                             gsize              len,
                             VeraLanguage       language)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_if_fail (facts != NULL);
  g_return_if_fail (sentence != NULL || len == 0);

  tokens = vera_tokens_split (sentence, len);
  facts->quantities = vera_quantities_extract_language (sentence, len, tokens, language);
  facts->people = vera_people_extract_tokens (sentence, len, tokens, language);
  facts->vague = vera_vague_sources_find_tokens (sentence, len, tokens, language);
  facts->kinds = classify_tokens (sentence, tokens, facts->quantities, facts->people);
  facts->boilerplate = is_boilerplate_tokens (sentence, len, tokens);
  facts->checkable = !facts->boilerplate && worth_checking (facts->kinds, facts->people);
}

void
vera_sentence_facts_clear (VeraSentenceFacts *facts)
{
  g_return_if_fail (facts != NULL);

  g_clear_pointer (&facts->quantities, g_ptr_array_unref);
  g_clear_pointer (&facts->people, g_ptr_array_unref);
  g_clear_pointer (&facts->vague, g_array_unref);
  facts->kinds = VERA_CLAIM_KIND_NONE;
  facts->boilerplate = facts->checkable = FALSE;
}

gboolean
vera_claim_kinds_lexicons_sorted (void)
{
  return vera_lexicon_is_sorted (superlatives) &&
         vera_lexicon_is_sorted (prediction_words) &&
         vera_lexicon_is_sorted (causal_words) &&
         vera_lexicon_is_sorted (rule_words) &&
         vera_lexicon_is_sorted (event_words) &&
         vera_lexicon_is_sorted (personal_words) &&
         vera_lexicon_is_sorted (reported_future);
}
