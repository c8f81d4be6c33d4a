/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim-kinds"

#include "config.h"

#include <string.h>

#include "vera-claim-kinds.h"
#include "vera-claim-kinds-private.h"
#include "vera-people.h"
#include "vera-person.h"
#include "vera-quantities.h"
#include "vera-quantity.h"
#include "vera-tokens.h"
#include "vera-vocabulary.h"

/* The cue lists of one language (src/core/lexicon/data/LANG/kinds-*.txt), looked up once per
 * sentence; a list the language does not have is NULL. */
typedef struct
{
  VeraLanguage       language;
  const VeraLexicon *cues;                /* word or phrase → "kind[ !condition]" */
  const VeraLexicon *not_comparatives;    /* de: "aber als", "der als" */
  const VeraLexicon *future_auxiliaries;  /* de: "wird … schließen" */
  const VeraLexicon *rule_endings;        /* de: "Rauchverbot" */
} Cues;

static void
cues_init (Cues         *cues,
           VeraLanguage  language)
{
  memset (cues, 0, sizeof *cues);
  cues->language = language;
  cues->cues = vera_lexicon_get (language, "kinds-cues");
  if (language == VERA_LANGUAGE_DE)
    {
      cues->not_comparatives = vera_lexicon_get (language, "kinds-not-comparatives");
      cues->future_auxiliaries = vera_lexicon_get (language, "kinds-future-auxiliaries");
      cues->rule_endings = vera_lexicon_get (language, "kinds-rule-endings");
    }
}

VeraLanguage
vera_kinds_language (VeraLanguage language)
{
  return language == VERA_LANGUAGE_DE || language == VERA_LANGUAGE_ZH ? language : VERA_LANGUAGE_EN;
}

gboolean
vera_kinds_is_one_of (gunichar    c,
                      const char *set)
{
  return c != 0 && c < 0x80 && strchr (set, (int) c) != NULL;
}

/* A four-digit whole number from 1800 to 2199. */
static gboolean
is_year (const char *w,
         gsize       n)
{
  return n == 4 && g_ascii_isdigit (w[0]) && g_ascii_isdigit (w[1]) && g_ascii_isdigit (w[2]) &&
         g_ascii_isdigit (w[3]) && ((w[0] == '1' && w[1] >= '8') || (w[0] == '2' && w[1] <= '1'));
}

guint32
vera_kinds_cue_mask (const char        *text,
                     const GArray      *tokens,
                     guint              i,
                     const VeraLexicon *lexicon,
                     const char       **values)
{
  guint max_words = MIN (vera_lexicon_get_max_words (lexicon), VERA_KINDS_MAX_WORDS);
  guint32 mask = 0;
  const char *value;
  char buf[128];
  gsize n = 0;

  for (guint k = 0; k < max_words && i + k < tokens->len; k++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i + k);
      const char *w = text + t->start;
      gsize wl = t->end - t->start;

      if (t->kind == VERA_TOKEN_NUMBER && is_year (w, wl))
        {
          w = "<year>";
          wl = strlen (w);
        }
      else if (t->kind != VERA_TOKEN_WORD)
        break;
      if (n + wl + 1 >= sizeof buf)
        break;
      if (k > 0)
        buf[n++] = ' ';
      memcpy (buf + n, w, wl);
      n += wl;
      if ((value = vera_lexicon_lookup (lexicon, buf, n)) != NULL)
        {
          mask |= 1u << k;
          if (values != NULL)
            values[k] = value;
        }
    }
  return mask;
}

gboolean
vera_kinds_tokens_have_cue (const char        *text,
                            const GArray      *tokens,
                            const VeraLexicon *lexicon)
{
  for (guint i = 0; i < tokens->len; i++)
    if (vera_tokens_get (tokens, i)->kind == VERA_TOKEN_WORD &&
        vera_kinds_cue_mask (text, tokens, i, lexicon, NULL) != 0)
      return TRUE;
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
count_lower (const GArray *tokens,
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

/* Scare quotes around a name ("Golden Visa" scheme) are not speech: a quotation needs four
 * words, two of them lower case. German „…“ and »…« pair the same way as "…". */
gboolean
vera_kinds_has_quote (const char   *text,
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
      if (count_words (tokens, open + 1, i) >= 4 && count_lower (tokens, open + 1, i) >= 2)
        {
          const VeraToken *before_close = vera_tokens_get (tokens, i - 1);
          gboolean clause_end = before_close->kind == VERA_TOKEN_PUNCT &&
                                vera_kinds_is_one_of (before_close->ch, ",.!?");
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
 * superlative; "most people" is a quantifier. "-er than", but not "more than 300", "rather
 * than", "other than". */
static gboolean
has_english_comparison (const char   *text,
                        const GArray *tokens)
{
  for (guint i = 1; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      const VeraToken *p = vera_tokens_get (tokens, i - 1);

      if (vera_token_is (text, t, "most") || vera_token_is (text, t, "least"))
        {
          if (vera_token_is (text, p, "the") || vera_token_has_suffix (text, p, "'s") ||
              vera_token_has_suffix (text, p, "\xe2\x80\x99s") || vera_token_is (text, p, "its") ||
              vera_token_is (text, p, "their"))
            return TRUE;
        }
      if (vera_token_is (text, t, "than") && i + 1 < tokens->len)
        {
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
is_lower_word (const VeraToken *t)
{
  return t->kind == VERA_TOKEN_WORD && !(t->flags & VERA_TOKEN_CAPITAL);
}

/* "am höchsten" (a superlative adverb); "höher als", "teurer als" (a comparative), but not "aber
 * als", "der als …" (de/kinds-not-comparatives.txt) nor "mehr als 300", "weniger als 5 %" (a
 * qualifier of the figure, as in English). */
static gboolean
has_german_comparison (const char   *text,
                       const GArray *tokens,
                       const Cues   *cues)
{
  for (guint i = 1; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      const VeraToken *p = vera_tokens_get (tokens, i - 1);

      if (vera_token_is (text, p, "am") && is_lower_word (t) && vera_token_has_suffix (text, t, "sten"))
        return TRUE;
      if (!vera_token_is (text, t, "als") || !is_lower_word (p))
        continue;
      if (vera_token_is (text, p, "mehr") || vera_token_is (text, p, "weniger"))
        {
          const VeraToken *n = i + 1 < tokens->len ? vera_tokens_get (tokens, i + 1) : NULL;

          if (n != NULL && n->kind == VERA_TOKEN_WORD)
            return TRUE;
          continue;
        }
      if (p->end - p->start >= 4 && vera_token_has_suffix (text, p, "er") &&
          !vera_lexicon_contains (cues->not_comparatives, text + p->start, p->end - p->start))
        return TRUE;
    }
  return FALSE;
}

/* The word that closes the clause of token @i: the last word before a comma, a colon, end
 * punctuation or a quotation mark, or the word before @i when @i closes it ("…, weil die Preise
 * steigen werden."). G_MAXUINT when there is none. */
static guint
clause_final_word (const GArray *tokens,
                   guint         i)
{
  guint last = i;

  for (guint k = i + 1; k < tokens->len; k++)
    {
      const VeraToken *t = vera_tokens_get (tokens, k);

      if (t->kind == VERA_TOKEN_PUNCT && (vera_kinds_is_one_of (t->ch, ",;:.!?()") ||
                                          vera_token_is_quote (t)))
        break;
      if (t->kind == VERA_TOKEN_WORD)
        last = k;
    }
  if (last == i)
    return i > 0 && vera_tokens_get (tokens, i - 1)->kind == VERA_TOKEN_WORD ? i - 1 : G_MAXUINT;
  return last;
}

/* An infinitive: lower case, -en, -ern or -eln, and no "ge" with four letters after it, which
 * marks a participle ("geschlossen", "umgeschlagen", "festgenommen"; "liegen" and "eingehen"
 * stay infinitives). "verboten" passes as an infinitive: "wird verboten" speaks of the future
 * as often as not. */
static gboolean
is_infinitive (const char      *text,
               const VeraToken *t)
{
  const char *w = text + t->start;
  gsize n = t->end - t->start;

  if (!is_lower_word (t) || n < 4 || !vera_token_has_suffix (text, t, "n") ||
      !(vera_token_has_suffix (text, t, "en") || vera_token_has_suffix (text, t, "ern") ||
        vera_token_has_suffix (text, t, "eln")))
    return FALSE;
  for (gsize k = 0; k + 1 < n; k++)
    if (w[k] == 'g' && w[k + 1] == 'e' && n - (k + 2) >= 4)
      return FALSE;
  return TRUE;
}

/* "Der Hafen wird im Mai schließen": "wird" or "werden" before an infinitive that closes the
 * clause; not the passive ("wird eröffnet", "werden umgeschlagen"). */
static gboolean
has_german_future (const char   *text,
                   const GArray *tokens,
                   const Cues   *cues)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      guint last;

      if (t->kind != VERA_TOKEN_WORD ||
          !vera_lexicon_contains (cues->future_auxiliaries, text + t->start, t->end - t->start))
        continue;
      last = clause_final_word (tokens, i);
      if (last != G_MAXUINT && last != i && is_infinitive (text, vera_tokens_get (tokens, last)))
        return TRUE;
    }
  return FALSE;
}

/* Whether the condition after "!" in a cue's value holds for the @n tokens at @i. */
static gboolean
condition_holds (const char   *condition,
                 const GArray *tokens,
                 guint         i,
                 guint         n,
                 gboolean     *speech_only)
{
  const VeraToken *prev = i > 0 ? vera_tokens_get (tokens, i - 1) : NULL;
  const VeraToken *next = i + n < tokens->len ? vera_tokens_get (tokens, i + n) : NULL;

  if (g_str_equal (condition, "upper"))
    return (vera_tokens_get (tokens, i)->flags & VERA_TOKEN_CAPITAL) != 0;
  if (g_str_equal (condition, "after-comma"))
    return prev != NULL && (prev->ch == ',' || vera_token_is_quote (prev));
  if (g_str_equal (condition, "before-word"))
    return next != NULL && next->kind == VERA_TOKEN_WORD;
  if (g_str_equal (condition, "speech"))
    *speech_only = TRUE;
  return FALSE;
}

/* The kinds that the entries of kinds-cues.txt give, every entry that starts at every word.
 * @speech_kinds receives the kinds whose cue counts only in reported speech ("would"). */
static VeraClaimKind
scan_cues (const char    *text,
           const GArray  *tokens,
           const Cues    *cues,
           VeraClaimKind *speech_kinds)
{
  VeraClaimKind kinds = VERA_CLAIM_KIND_NONE;

  *speech_kinds = VERA_CLAIM_KIND_NONE;
  for (guint i = 0; i < tokens->len; i++)
    {
      const char *values[VERA_KINDS_MAX_WORDS];
      guint32 mask;

      if (vera_tokens_get (tokens, i)->kind != VERA_TOKEN_WORD ||
          (mask = vera_kinds_cue_mask (text, tokens, i, cues->cues, values)) == 0)
        continue;
      for (guint k = 0; k < VERA_KINDS_MAX_WORDS; k++)
        {
          const char *bang;
          char nick[32];
          gsize n;
          VeraClaimKind kind;
          gboolean speech_only = FALSE;

          if (!(mask & (1u << k)))
            continue;
          bang = strstr (values[k], " !");
          n = bang != NULL ? (gsize) (bang - values[k]) : strlen (values[k]);
          if (n >= sizeof nick)
            continue;
          memcpy (nick, values[k], n);
          nick[n] = '\0';
          if (!vera_claim_kind_from_string (nick, &kind))
            continue;
          if (bang == NULL || condition_holds (bang + 2, tokens, i, k + 1, &speech_only))
            kinds |= kind;
          else if (speech_only)
            *speech_kinds |= kind;
        }
    }
  return kinds;
}

static gboolean
has_speech_verb (const char   *text,
                 const GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    if (vera_token_is_speech_verb (text, vera_tokens_get (tokens, i)))
      return TRUE;
  return FALSE;
}

/* A German compound that names a rule: a capitalised word that ends with an entry of
 * de/kinds-rule-endings.txt ("Maskenpflicht", "Klimaschutzgesetz"). */
static gboolean
has_rule_compound (const char   *text,
                   const GArray *tokens,
                   const Cues   *cues)
{
  for (guint i = 0; cues->rule_endings != NULL && i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_CAPITAL) &&
          vera_lexicon_match_suffix (cues->rule_endings, text + t->start, t->end - t->start, NULL) > 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_contracted_will (const char   *text,
                     const GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    if (vera_token_has_suffix (text, vera_tokens_get (tokens, i), "'ll") ||
        vera_token_has_suffix (text, vera_tokens_get (tokens, i), "\xe2\x80\x99ll"))
      return TRUE;
  return FALSE;
}

/* English and German: the cue list on the tokens, and the grammar of each language. */
static VeraClaimKind
classify_latin (const char   *text,
                const GArray *tokens,
                const Cues   *cues,
                gboolean      named)
{
  gboolean german = cues->language == VERA_LANGUAGE_DE;
  VeraClaimKind speech_kinds;
  VeraClaimKind kinds = scan_cues (text, tokens, cues, &speech_kinds);
  gboolean attribution;

  /* German verbs of speech are cues; English ones a stem grammar of vera-tokens.c. */
  if (!german && has_speech_verb (text, tokens))
    kinds |= VERA_CLAIM_KIND_ATTRIBUTION;
  attribution = (kinds & VERA_CLAIM_KIND_ATTRIBUTION) != 0;
  if (attribution)
    kinds |= speech_kinds;
  if (german ? has_german_comparison (text, tokens, cues) : has_english_comparison (text, tokens))
    kinds |= VERA_CLAIM_KIND_COMPARISON;
  if (vera_kinds_has_quote (text, tokens, attribution || named))
    kinds |= VERA_CLAIM_KIND_QUOTE;
  if (german ? has_german_future (text, tokens, cues) : has_contracted_will (text, tokens))
    kinds |= VERA_CLAIM_KIND_PREDICTION;
  if (has_rule_compound (text, tokens, cues))
    kinds |= VERA_CLAIM_KIND_RULE;
  return kinds;
}

static VeraClaimKind
classify_tokens (const char      *text,
                 gsize            len,
                 const GArray    *tokens,
                 const GPtrArray *quantities,
                 const GPtrArray *people,
                 VeraLanguage     language)
{
  VeraClaimKind kinds = VERA_CLAIM_KIND_NONE;
  gboolean named = people != NULL && people->len > 0;

  language = vera_kinds_language (language);
  for (guint i = 0; quantities != NULL && i < quantities->len; i++)
    {
      const VeraQuantity *q = g_ptr_array_index (quantities, i);

      kinds |= g_strcmp0 (q->unit, "rank") == 0 ? VERA_CLAIM_KIND_COMPARISON : VERA_CLAIM_KIND_QUANTITY;
    }
  for (guint i = 0; people != NULL && i < people->len; i++)
    if (((const VeraPerson *) g_ptr_array_index (people, i))->quoted)
      kinds |= VERA_CLAIM_KIND_ATTRIBUTION;
  if (language == VERA_LANGUAGE_ZH)
    kinds |= vera_kinds_classify_zh (text, len, tokens, named);
  else
    {
      Cues cues;

      cues_init (&cues, language);
      kinds |= classify_latin (text, tokens, &cues, named);
    }
  return kinds == VERA_CLAIM_KIND_NONE ? VERA_CLAIM_KIND_OTHER : kinds;
}

VeraClaimKind
vera_claim_kinds_classify (const char      *sentence,
                           gsize            len,
                           const GPtrArray *quantities,
                           const GPtrArray *people,
                           VeraLanguage     language)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (sentence != NULL || len == 0, VERA_CLAIM_KIND_OTHER);

  tokens = vera_tokens_split (sentence, len);
  return classify_tokens (sentence, len, tokens, quantities, people, language);
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
                         VeraLanguage     language,
                         VeraClaimKind   *kinds_out)
{
  g_autoptr(GArray) tokens = NULL;
  VeraClaimKind kinds;

  g_return_val_if_fail (sentence != NULL || len == 0, FALSE);

  tokens = vera_tokens_split (sentence, len);
  kinds = classify_tokens (sentence, len, tokens, quantities, people, language);
  if (kinds_out != NULL)
    *kinds_out = kinds;
  if (vera_kinds_is_boilerplate (sentence, len, tokens, language))
    return FALSE;
  return worth_checking (kinds, people);
}

gboolean
vera_text_is_boilerplate (const char   *text,
                          gsize         len,
                          VeraLanguage  language)
{
  g_autoptr(GArray) tokens = NULL;

  g_return_val_if_fail (text != NULL || len == 0, TRUE);

  tokens = vera_tokens_split (text, len);
  return vera_kinds_is_boilerplate (text, len, tokens, language);
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
  facts->kinds = classify_tokens (sentence, len, tokens, facts->quantities, facts->people, language);
  facts->boilerplate = vera_kinds_is_boilerplate (sentence, len, tokens, language);
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
