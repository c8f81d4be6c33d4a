/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim-kinds"

#include "config.h"

#include <string.h>

#include "vera-claim-kinds-private.h"

/* The boilerplate lists of one language (data/LANG/kinds-*.txt); NULL where it has none. */
typedef struct
{
  const VeraLexicon *furniture;      /* at the start of a line; "always" */
  const VeraLexicon *credits;        /* anywhere in the line */
  const VeraLexicon *byline;         /* "start" and "join" words */
  const VeraLexicon *minor_words;    /* en: lower case in title case */
  const VeraLexicon *heading_verbs;  /* de: a verb makes a sentence */
} Furniture;

static void
furniture_init (Furniture    *lex,
                VeraLanguage  language)
{
  memset (lex, 0, sizeof *lex);
  lex->furniture = vera_lexicon_get (language, "kinds-furniture");
  lex->credits = vera_lexicon_get (language, "kinds-credits");
  lex->byline = vera_lexicon_get (language, "kinds-byline");
  if (language == VERA_LANGUAGE_DE)
    lex->heading_verbs = vera_lexicon_get (language, "kinds-heading-verbs");
  else
    lex->minor_words = vera_lexicon_get (language, "kinds-heading-minor-words");
}

/* Whether the furniture phrase of @n tokens at @first makes the line boilerplate: "Chapter 3",
 * "Section 2.1", "Photo: …", "Read more", or the phrase alone; but not "Source code was leaked
 * …" or "Part of the budget …". */
static gboolean
furniture_fits (const GArray *tokens,
                guint         first,
                guint         n,
                const char   *value)
{
  const VeraToken *t;

  if (first + n >= tokens->len)
    return TRUE;
  t = vera_tokens_get (tokens, first + n);
  if (t->kind == VERA_TOKEN_NUMBER)
    {
      /* "Chapter 3", "Chapter 3: Title", "Part 2 - Title", but not "Section 3 of the law bans
       * night flights." */
      const VeraToken *next = first + n + 1 < tokens->len ? vera_tokens_get (tokens, first + n + 1) : NULL;
      const VeraToken *end = vera_tokens_get (tokens, tokens->len - 1);

      if (next == NULL || next->ch == ':' || next->ch == '|' || next->ch == '-' ||
          next->ch == 0x2013 || next->ch == 0x2014 || next->ch == '.' ||
          !(end->kind == VERA_TOKEN_PUNCT && vera_kinds_is_one_of (end->ch, ".!?")))
        return TRUE;
    }
  else if (t->ch == ':' || t->ch == '|' ||
           (t->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_UPPER) &&
            t->end - t->start <= 2 && first + n + 1 == tokens->len) ||
           (t->kind == VERA_TOKEN_WORD && first + n + 1 >= tokens->len && n >= 2))
    return TRUE;
  return g_strcmp0 (value, "always") == 0;
}

static gboolean
starts_with_furniture (const char      *text,
                       const GArray    *tokens,
                       const Furniture *lex)
{
  guint first = 0;
  const char *values[VERA_KINDS_MAX_WORDS];
  const VeraToken *t;
  guint32 mask;

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
  mask = t->kind == VERA_TOKEN_WORD ? vera_kinds_cue_mask (text, tokens, first, lex->furniture, values) : 0;
  for (guint n = 1; mask != 0 && n <= VERA_KINDS_MAX_WORDS; n++)
    if ((mask & (1u << (n - 1))) && furniture_fits (tokens, first, n, values[n - 1]))
      return TRUE;
  for (guint i = first; i < tokens->len; i++)
    if (vera_tokens_get (tokens, i)->kind == VERA_TOKEN_WORD &&
        vera_kinds_cue_mask (text, tokens, i, lex->credits, NULL) != 0)
      return TRUE;
  return FALSE;
}

/* "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Von Anna Schmidt und Jan Roth, dpa" */
static gboolean
is_byline (const char      *text,
           const GArray    *tokens,
           const Furniture *lex)
{
  const VeraToken *t;
  guint n_names = 0;

  if (tokens->len < 2)
    return FALSE;
  t = vera_tokens_get (tokens, 0);
  if (t->kind != VERA_TOKEN_WORD ||
      g_strcmp0 (vera_lexicon_lookup (lex->byline, text + t->start, t->end - t->start), "start") != 0)
    return FALSE;
  for (guint i = 1; i < tokens->len; i++)
    {
      t = vera_tokens_get (tokens, i);
      if (t->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_CAPITAL))
        n_names++;
      else if (!(t->ch == ',' || t->ch == '|' || t->ch == '.' || t->ch == '-' || t->ch == 0x2014 ||
                 t->ch == '@' ||
                 (t->kind == VERA_TOKEN_WORD &&
                  g_strcmp0 (vera_lexicon_lookup (lex->byline, text + t->start, t->end - t->start),
                             "join") == 0)))
        return FALSE;
    }
  return n_names >= 1 && n_names <= 8;
}

/* A lower-case word that looks like a finite German verb: one of de/kinds-heading-verbs.txt, or
 * any word ending in -t, -te or -ten ("wächst", "stieg" are listed; "steigt", "meldete" end so).
 * Prepositions such as "mit" end in -t too: a line that holds one is taken for a sentence, which
 * keeps the rule on the safe side. */
static gboolean
has_german_verb (const char      *text,
                 const GArray    *tokens,
                 const Furniture *lex)
{
  for (guint i = 1; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind != VERA_TOKEN_WORD || (t->flags & VERA_TOKEN_CAPITAL))
        continue;
      if (vera_token_has_suffix (text, t, "t") || vera_token_has_suffix (text, t, "te") ||
          vera_token_has_suffix (text, t, "ten") ||
          vera_lexicon_contains (lex->heading_verbs, text + t->start, t->end - t->start))
        return TRUE;
    }
  return FALSE;
}

/* A heading: a line without end punctuation whose words are capitalised (title case; in German,
 * where every noun is, a short line without a verb and without a figure), or a short label that
 * ends with a colon. */
static gboolean
is_heading (const char      *text,
            const GArray    *tokens,
            const Furniture *lex)
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
      if (i > 0 && lex->minor_words != NULL &&
          vera_lexicon_contains (lex->minor_words, text + t->start, t->end - t->start))
        continue;
      n_major++;
      if (t->flags & VERA_TOKEN_CAPITAL)
        n_capital++;
    }
  if (last->ch == ':' && n_words <= 6)
    return TRUE;
  if (last->kind == VERA_TOKEN_PUNCT && vera_kinds_is_one_of (last->ch, ".!?\"'"))
    return FALSE;
  if (last->ch == 0x201D || last->ch == 0x2019 || last->ch == 0x3002)
    return FALSE;
  /* German quotations close with “ or « (and » in Switzerland). */
  if (lex->heading_verbs != NULL && (last->ch == 0x201C || last->ch == 0x00AB || last->ch == 0x00BB))
    return FALSE;
  if (n_words == 0)
    return TRUE;
  if (lex->heading_verbs != NULL)
    return n_words <= 8 && n_number == 0 && !has_german_verb (text, tokens, lex);
  return n_words <= 14 && n_major > 0 && n_capital * 4 >= n_major * 3 &&
         (vera_tokens_get (tokens, 0)->flags & VERA_TOKEN_CAPITAL ||
          vera_tokens_get (tokens, 0)->kind != VERA_TOKEN_WORD);
}

gboolean
vera_kinds_is_boilerplate (const char   *text,
                           gsize         len,
                           const GArray *tokens,
                           VeraLanguage  language)
{
  Furniture lex;

  language = vera_kinds_language (language);
  if (language == VERA_LANGUAGE_ZH)
    return vera_kinds_zh_is_heading (text, len, tokens) || vera_kinds_zh_is_furniture (text, len);
  furniture_init (&lex, language);
  return is_heading (text, tokens, &lex) || starts_with_furniture (text, tokens, &lex) ||
         is_byline (text, tokens, &lex);
}
