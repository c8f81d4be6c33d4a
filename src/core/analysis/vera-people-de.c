/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-people"

#include "config.h"

#include <string.h>

#include "vera-lexicon.h"
#include "vera-people-private.h"
#include "vera-tokens.h"

/* German names and vague sources. German capitalises every noun, so the English rule (a run of
 * capitalised words beside a cue) would take "Statistischem Bundesamt" for a person: a name
 * here is a run of name-shaped words that are no known noun, function word, role or verb, and
 * it needs a cue right beside it. */

typedef struct
{
  const VeraLexicon *speech;
  const VeraLexicon *cues_before;
  const VeraLexicon *cues_after;
  const VeraLexicon *honorifics;
  const VeraLexicon *given_names;
  const VeraLexicon *roles;
  const VeraLexicon *function_words;
  const VeraLexicon *not_names;
  const VeraLexicon *noun_endings;
  const VeraLexicon *particles;
  const VeraLexicon *vague_nouns;
  const VeraLexicon *vague_verbs;
  const VeraLexicon *vague_modifiers;
  const VeraLexicon *vague_fillers;
  const VeraLexicon *vague_phrases;
} Lexicons;

typedef struct
{
  const char *text;
  GArray     *tokens;
  guint       n;
  Lexicons    lex;
} Ctx;

static void
ctx_init (Ctx        *ctx,
          const char *text,
          gsize       len,
          GArray     *tokens)
{
  Lexicons *lex = &ctx->lex;

  ctx->text = text;
  ctx->tokens = tokens != NULL ? g_array_ref (tokens) : vera_tokens_split (text, len);
  ctx->n = ctx->tokens->len;
  lex->speech = vera_lexicon_get (VERA_LANGUAGE_DE, "people-speech-verbs");
  lex->cues_before = vera_lexicon_get (VERA_LANGUAGE_DE, "people-cues-before");
  lex->cues_after = vera_lexicon_get (VERA_LANGUAGE_DE, "people-cues-after");
  lex->honorifics = vera_lexicon_get (VERA_LANGUAGE_DE, "people-honorifics");
  lex->given_names = vera_lexicon_get (VERA_LANGUAGE_DE, "people-given-names");
  lex->roles = vera_lexicon_get (VERA_LANGUAGE_DE, "people-roles");
  lex->function_words = vera_lexicon_get (VERA_LANGUAGE_DE, "people-function-words");
  lex->not_names = vera_lexicon_get (VERA_LANGUAGE_DE, "people-not-names");
  lex->noun_endings = vera_lexicon_get (VERA_LANGUAGE_DE, "people-noun-endings");
  lex->particles = vera_lexicon_get (VERA_LANGUAGE_DE, "people-name-particles");
  lex->vague_nouns = vera_lexicon_get (VERA_LANGUAGE_DE, "people-vague-nouns");
  lex->vague_verbs = vera_lexicon_get (VERA_LANGUAGE_DE, "people-vague-verbs");
  lex->vague_modifiers = vera_lexicon_get (VERA_LANGUAGE_DE, "people-vague-modifiers");
  lex->vague_fillers = vera_lexicon_get (VERA_LANGUAGE_DE, "people-vague-fillers");
  lex->vague_phrases = vera_lexicon_get (VERA_LANGUAGE_DE, "people-vague-phrases");
}

static const VeraToken *
tok (Ctx  *ctx,
     guint i)
{
  g_assert (i < ctx->n);
  return vera_tokens_get (ctx->tokens, i);
}

static gboolean
is_word_token (Ctx  *ctx,
               guint i)
{
  return i < ctx->n && tok (ctx, i)->kind == VERA_TOKEN_WORD;
}

static gboolean
in_lexicon (Ctx               *ctx,
            guint              i,
            const VeraLexicon *lexicon)
{
  const VeraToken *t;

  if (!is_word_token (ctx, i))
    return FALSE;
  t = tok (ctx, i);
  return vera_lexicon_contains (lexicon, ctx->text + t->start, t->end - t->start);
}

static gboolean
is_word (Ctx        *ctx,
         guint       i,
         const char *word)
{
  return i < ctx->n && vera_token_is (ctx->text, tok (ctx, i), word);
}

static gboolean
is_punct (Ctx      *ctx,
          guint     i,
          gunichar  c)
{
  return i < ctx->n && tok (ctx, i)->kind == VERA_TOKEN_PUNCT && tok (ctx, i)->ch == c;
}

/* German quotation marks: „…“, »…«, «…», ‚…‘, ‹…›, "…" and “…”. */
static gboolean
is_quote (Ctx  *ctx,
          guint i)
{
  const VeraToken *t = tok (ctx, i);

  if (t->kind != VERA_TOKEN_PUNCT)
    return FALSE;
  switch (t->ch)
    {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
    case 0x201A: case 0x2018: case 0x2039: case 0x203A:
      return TRUE;
    default:
      return FALSE;
    }
}

/* The word ends with an entry of @lexicon that leaves three bytes or more before it. */
static gboolean
ends_with_entry (Ctx               *ctx,
                 guint              i,
                 const VeraLexicon *lexicon)
{
  const VeraToken *t;
  gsize n, len;

  if (!is_word_token (ctx, i))
    return FALSE;
  t = tok (ctx, i);
  len = t->end - t->start;
  n = vera_lexicon_match_suffix (lexicon, ctx->text + t->start, len, NULL);
  return n > 0 && len >= n + 3;
}

/* A job or title, also at the end of a compound: "Sprecherin", "Hafenchefin". */
static gboolean
is_role (Ctx  *ctx,
         guint i)
{
  return in_lexicon (ctx, i, ctx->lex.roles) || ends_with_entry (ctx, i, ctx->lex.roles);
}

static gboolean
is_speech_verb (Ctx  *ctx,
                guint i)
{
  return in_lexicon (ctx, i, ctx->lex.speech);
}

/* "Kreisen", "Regierungskreisen": the circles a vague source speaks from. */
static gboolean
is_circles (Ctx  *ctx,
            guint i)
{
  const VeraToken *t;
  gsize len;

  if (!is_word_token (ctx, i))
    return FALSE;
  t = tok (ctx, i);
  len = t->end - t->start;
  return (len >= 7 && g_ascii_strncasecmp (ctx->text + t->end - 7, "kreisen", 7) == 0) ||
         (len >= 6 && g_ascii_strncasecmp (ctx->text + t->end - 6, "kreise", 6) == 0);
}

static gboolean
is_vague_noun (Ctx  *ctx,
               guint i)
{
  return in_lexicon (ctx, i, ctx->lex.vague_nouns) || is_circles (ctx, i);
}

/* A word that may be part of a personal name: capitalised, no acronym, no digits, and none of
 * the words that German capitalises for other reasons. */
static gboolean
is_name_token (Ctx  *ctx,
               guint i)
{
  const VeraToken *t;

  if (!is_word_token (ctx, i))
    return FALSE;
  t = tok (ctx, i);
  if (!(t->flags & VERA_TOKEN_CAPITAL) || (t->flags & VERA_TOKEN_UPPER) || t->end - t->start < 2)
    return FALSE;
  for (gsize k = t->start; k < t->end; k++)
    if (g_ascii_isdigit (ctx->text[k]) || ctx->text[k] == '&')
      return FALSE;
  return !in_lexicon (ctx, i, ctx->lex.function_words) &&
         !in_lexicon (ctx, i, ctx->lex.not_names) &&
         !ends_with_entry (ctx, i, ctx->lex.noun_endings) &&
         !in_lexicon (ctx, i, ctx->lex.honorifics) &&
         !in_lexicon (ctx, i, ctx->lex.cues_before) &&
         !in_lexicon (ctx, i, ctx->lex.cues_after) &&
         !in_lexicon (ctx, i, ctx->lex.vague_nouns) &&
         !is_speech_verb (ctx, i) && !is_role (ctx, i);
}

/* The tokens of the name from @i on: up to three name words, with lower-case particles
 * between them ("Ursula von der Leyen"); @n_names counts the name words. 0 when there is no
 * name, or when the run goes on into more capitalised words or a role ("Anna Schmidts
 * Sprecher"), which makes it something else. */
static guint
name_length (Ctx   *ctx,
             guint  i,
             guint *n_names)
{
  guint k = i, names = 0;

  *n_names = 0;
  while (names < 3 && k < ctx->n)
    {
      if (is_name_token (ctx, k))
        {
          names++;
          k++;
          continue;
        }
      if (names > 0 && in_lexicon (ctx, k, ctx->lex.particles) &&
          !(tok (ctx, k)->flags & VERA_TOKEN_CAPITAL))
        {
          guint m = k + 1;

          /* "von der": at most two particles in a row. */
          if (in_lexicon (ctx, m, ctx->lex.particles) && !(tok (ctx, m)->flags & VERA_TOKEN_CAPITAL))
            m++;
          if (is_name_token (ctx, m))
            {
              k = m;
              continue;
            }
        }
      break;
    }
  if (names == 0)
    return 0;
  if (is_name_token (ctx, k) || is_role (ctx, k))
    return 0;
  *n_names = names;
  return k - i;
}

static char *
span_text (Ctx   *ctx,
           guint  first,
           guint  last)
{
  return g_strndup (ctx->text + tok (ctx, first)->start,
                    tok (ctx, last)->end - tok (ctx, first)->start);
}

/* The honorifics from @i on ("Prof. Dr."): returns the index after them, @i when none. */
static guint
honorifics_end (Ctx   *ctx,
                guint  i)
{
  while (in_lexicon (ctx, i, ctx->lex.honorifics) && (tok (ctx, i)->flags & VERA_TOKEN_CAPITAL))
    {
      i++;
      if (is_punct (ctx, i, '.'))
        i++;
    }
  return i;
}

/* The role phrase that ends with the role word at @role_last: back over the adjectives before
 * it ("der Hamburger Hafenchefin", "der stellvertretende Bürgermeister"), stopping at
 * punctuation, function words, verbs and cues. */
static guint
role_start (Ctx   *ctx,
            guint  role_last)
{
  guint first = role_last;

  while (first > 0 && role_last - first < 3)
    {
      guint p = first - 1;

      if (!is_word_token (ctx, p) || in_lexicon (ctx, p, ctx->lex.function_words) ||
          is_speech_verb (ctx, p) || in_lexicon (ctx, p, ctx->lex.cues_before) ||
          in_lexicon (ctx, p, ctx->lex.vague_verbs))
        break;
      first--;
    }
  return first;
}

/* The apposition after a name: ", Sprecherin des Senats", ", die Leiterin der Behörde". */
static char *
apposition (Ctx   *ctx,
            guint  after,
            guint *end_out)
{
  guint first, k, last;
  gboolean role_seen = FALSE;

  if (!is_punct (ctx, after, ','))
    return NULL;
  first = after + 1;
  k = first;
  if (is_word (ctx, k, "der") || is_word (ctx, k, "die") || is_word (ctx, k, "ein") ||
      is_word (ctx, k, "eine"))
    k++;
  /* The role comes first or after two adjectives at most; a function word or a verb means a
   * clause (", die seit 2019 …"). */
  for (guint j = k; j < ctx->n && j < k + 3; j++)
    if (is_role (ctx, j))
      {
        role_seen = TRUE;
        break;
      }
    else if (!is_word_token (ctx, j) || in_lexicon (ctx, j, ctx->lex.function_words) ||
             is_speech_verb (ctx, j) || is_name_token (ctx, j))
      break;
  if (!role_seen)
    return NULL;
  last = first;
  for (k = first; k < ctx->n && k < first + 12; k++)
    {
      const VeraToken *t = tok (ctx, k);

      if (t->kind == VERA_TOKEN_PUNCT && t->ch != '&' && t->ch != '-')
        break;
      if (k > first && is_speech_verb (ctx, k))
        break;
      last = k;
    }
  *end_out = last;
  return span_text (ctx, first, last);
}

/* A cue before the token @i: a speech verb ("sagte Anna Schmidt") or a source cue ("laut",
 * "nach Angaben von", ", so"). */
static gboolean
cue_before (Ctx  *ctx,
            guint i)
{
  if (i == 0)
    return FALSE;
  if (is_speech_verb (ctx, i - 1))
    return TRUE;
  for (guint k = i > 4 ? i - 4 : 0; k < i; k++)
    {
      const char *value = NULL;

      if (vera_tokens_match_lexicon (ctx->text, ctx->tokens, k, ctx->lex.cues_before, &value) != i - k)
        continue;
      if (g_strcmp0 (value, "after-comma") == 0)
        return k > 0 && (is_punct (ctx, k - 1, ',') || is_quote (ctx, k - 1));
      return TRUE;
    }
  return FALSE;
}

/* Marks as quoted the person nearest to the speech cue when the sentence quotes more than a
 * few words or a speech verb follows the quote (scare quotes around a name are no speech). */
static void
mark_quoted (Ctx       *ctx,
             GPtrArray *people)
{
  guint open = G_MAXUINT, cue = G_MAXUINT;
  gboolean speech = FALSE;

  if (people->len == 0)
    return;
  for (guint i = 0; i < ctx->n; i++)
    {
      if (is_quote (ctx, i))
        {
          if (open == G_MAXUINT)
            {
              open = i;
              if (i > 0 && is_punct (ctx, i - 1, ':') && cue == G_MAXUINT)
                cue = i - 1;
            }
          else
            {
              /* A short quote is speech too when a speech verb takes it up: "„Wir bauen
               * weiter“, sagte …". */
              guint k = is_punct (ctx, i + 1, ',') ? i + 2 : i + 1;

              if (i - open > 4 ||
                  (i > open + 1 && (k == i + 2 || is_punct (ctx, i - 1, ',')) &&
                   (is_speech_verb (ctx, k) || is_word (ctx, k, "so"))))
                speech = TRUE;
              open = G_MAXUINT;
            }
        }
      else if (cue == G_MAXUINT &&
               (is_speech_verb (ctx, i) ||
                (is_word (ctx, i, "so") && i > 0 && (is_punct (ctx, i - 1, ',') || is_quote (ctx, i - 1)))))
        cue = i;
    }
  if (open != G_MAXUINT && ctx->n - open > 4)
    speech = TRUE;
  if (speech && cue != G_MAXUINT)
    vera_people_mark_nearest (people, tok (ctx, cue)->cp_start);
}

GPtrArray *
vera_people_extract_de (const char *sentence,
                        gsize       len,
                        GArray     *tokens)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
  Ctx ctx = { 0, };

  ctx_init (&ctx, sentence, len, tokens);

  for (guint i = 0; i < ctx.n; i++)
    {
      guint name_first, name_len, n_names, end = 0;
      g_autofree char *honorific = NULL;
      g_autofree char *pre_role = NULL;
      g_autofree char *post_role = NULL;
      g_autoptr(GString) role = NULL;
      gboolean cue = FALSE;

      name_first = honorifics_end (&ctx, i);
      if (name_first == i && !is_name_token (&ctx, i))
        continue;
      name_len = name_length (&ctx, name_first, &n_names);
      if (name_len == 0)
        continue;
      if (name_first != i)
        {
          /* "Dr. Anna Schmidt", "Frau Schmidt" */
          honorific = span_text (&ctx, i, name_first - 1);
          cue = TRUE;
        }
      /* "Hafenchefin Anna Schmidt", "Ministerin Dr. Schmidt" */
      if (i > 0 && is_role (&ctx, i - 1))
        {
          pre_role = span_text (&ctx, role_start (&ctx, i - 1), i - 1);
          cue = TRUE;
        }
      /* "Anna Schmidt, Sprecherin des Senats" */
      post_role = apposition (&ctx, name_first + name_len, &end);
      if (post_role != NULL)
        cue = TRUE;
      /* "sagte Anna Schmidt", "laut Anna Schmidt", "Anna Schmidt betonte", "Anna Schmidt
       * zufolge": weak cues, which firms and papers get as well ("laut Hamburger Abendblatt",
       * "Siemens Energy erklärte"), so the name must open with a known given name. */
      if (!cue && in_lexicon (&ctx, name_first, ctx.lex.given_names) &&
          (cue_before (&ctx, i) ||
           is_speech_verb (&ctx, name_first + name_len) ||
           in_lexicon (&ctx, name_first + name_len, ctx.lex.cues_after)))
        cue = TRUE;
      /* One name word needs an honorific: "Schmidt sagte" may be a firm. */
      if (!cue || (n_names < 2 && honorific == NULL))
        {
          i = name_first + name_len - 1;
          continue;
        }

      role = g_string_new (NULL);
      if (honorific != NULL)
        g_string_append (role, honorific);
      if (pre_role != NULL)
        g_string_append_printf (role, "%s%s", role->len > 0 ? ", " : "", pre_role);
      if (post_role != NULL)
        g_string_append_printf (role, "%s%s", role->len > 0 ? ", " : "", post_role);
      {
        g_autofree char *name = span_text (&ctx, name_first, name_first + name_len - 1);

        vera_people_add (people, name, role->str, tok (&ctx, name_first)->cp_start,
                         tok (&ctx, name_first + name_len - 1)->cp_end);
      }
      i = post_role != NULL ? end : name_first + name_len - 1;
    }

  mark_quoted (&ctx, people);
  g_array_unref (ctx.tokens);
  return people;
}

/* "Experten der Bundesbank", "Studien von Eurostat": the source is named after all. */
static gboolean
names_source_after (Ctx   *ctx,
                    guint  i)
{
  static const char * const links[] = { "der", "des", "von", "vom", "bei", "aus", "am", "im" };
  gboolean link = FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (links); k++)
    if (is_word (ctx, i, links[k]))
      link = TRUE;
  if (!link)
    return FALSE;
  return is_word_token (ctx, i + 1) && (tok (ctx, i + 1)->flags & VERA_TOKEN_CAPITAL);
}

static void
add_span (GArray *spans,
          Ctx    *ctx,
          guint   first,
          guint   last)
{
  vera_vague_spans_add (spans, tok (ctx, first)->start, tok (ctx, last)->end);
}

GArray *
vera_vague_sources_find_de (const char *sentence,
                            gsize       len,
                            GArray     *tokens)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (VeraVagueSpan));
  Ctx ctx = { 0, };

  ctx_init (&ctx, sentence, len, tokens);

  for (guint i = 0; i < ctx.n; i++)
    {
      const char *value = NULL;
      guint m = vera_tokens_match_lexicon (ctx.text, ctx.tokens, i, ctx.lex.vague_phrases, &value);

      /* "es heißt, …", "wie es heißt", "angeblich" */
      if (m > 0)
        {
          if (g_strcmp0 (value, "clause") != 0 || i + m >= ctx.n ||
              is_punct (&ctx, i + m, ',') || is_punct (&ctx, i + m, ':') ||
              is_word (&ctx, i + m, "dass"))
            {
              add_span (spans, &ctx, i, i + m - 1);
              i += m - 1;
              continue;
            }
        }

      if (is_vague_noun (&ctx, i))
        {
          guint first = i, k = i + 1, last = G_MAXUINT;

          /* "Einigen Experten", "aus gut informierten Kreisen" */
          while (first > 0 && i - first < 3 && in_lexicon (&ctx, first - 1, ctx.lex.vague_modifiers))
            first--;
          /* "Bundesbank-Experten" is one word; "Hamburger Experten" names a place. */
          if (first == i && i > 0 && is_word_token (&ctx, i - 1) &&
              (tok (&ctx, i - 1)->flags & VERA_TOKEN_CAPITAL) &&
              !in_lexicon (&ctx, i - 1, ctx.lex.function_words) &&
              !in_lexicon (&ctx, i - 1, ctx.lex.cues_before) &&
              !in_lexicon (&ctx, i - 1, ctx.lex.vague_verbs))
            continue;
          if (names_source_after (&ctx, i + 1))
            continue;
          /* "laut Experten", "aus Kreisen", "wie aus Kreisen" */
          if (first > 0 && is_word (&ctx, first - 1, "laut"))
            {
              first--;
              last = i;
            }
          else if (first > 0 && is_word (&ctx, first - 1, "aus") && is_circles (&ctx, i))
            {
              first--;
              if (first > 0 && is_word (&ctx, first - 1, "wie"))
                first--;
              last = i;
            }
          while (k < ctx.n && k < i + 4 && in_lexicon (&ctx, k, ctx.lex.vague_fillers))
            k++;
          /* "Experten zufolge", "Kritiker sagen", "wie aus Kreisen verlautete" */
          if (in_lexicon (&ctx, i + 1, ctx.lex.cues_after))
            last = i + 1;
          else if (in_lexicon (&ctx, k, ctx.lex.vague_verbs))
            last = k;
          /* "meinen Beobachter", "warnen Experten" */
          else if (last == G_MAXUINT && first == i && i > 0 &&
                   in_lexicon (&ctx, i - 1, ctx.lex.vague_verbs))
            first = i - 1, last = i;
          if (last != G_MAXUINT)
            {
              add_span (spans, &ctx, first, last);
              i = last;
            }
        }
    }

  g_array_unref (ctx.tokens);
  return spans;
}
