/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-people"

#include "config.h"

#include <string.h>

#include "vera-lexicon.h"
#include "vera-people-private.h"

/* Chinese names and vague sources. Chinese writes no spaces and no capitals, so a run of Han
 * characters is one token to vera_tokens_split(): this file reads the characters itself. A
 * name is a common surname and one or two characters, taken only where both its ends are
 * marked — a role word, a boundary or a speech verb — and never where the surname opens an
 * ordinary word ("张家港", "许多") or the given name holds a character names do not use. */

typedef struct
{
  const VeraLexicon *surnames;
  const VeraLexicon *roles;
  const VeraLexicon *not_given;
  const VeraLexicon *not_names;
  const VeraLexicon *before;
  const VeraLexicon *after;
  const VeraLexicon *role_stops;
  const VeraLexicon *speech;
  const VeraLexicon *not_speech;
  const VeraLexicon *vague;
  const VeraLexicon *not_vague;
} Lexicons;

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *offsets;  /* byte offset of every character, and @len after the last */
  GArray     *chars;
  guint       n;
  Lexicons    lex;
} Ctx;

static void
ctx_init (Ctx        *ctx,
          const char *text,
          gsize       len)
{
  Lexicons *lex = &ctx->lex;
  gsize p = 0;

  ctx->text = text;
  ctx->len = len;
  ctx->offsets = g_array_sized_new (FALSE, FALSE, sizeof (gsize), (guint) MIN (len / 3 + 2, 4096));
  ctx->chars = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), (guint) MIN (len / 3 + 2, 4096));
  /* Invalid bytes count as one character each, as in vera_tokens_split(), so that code point
   * offsets agree with the tokens'. */
  while (p < len)
    {
      gunichar c = g_utf8_get_char_validated (text + p, len - p);
      gsize n;

      if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
        {
          c = 0xFFFD;
          n = 1;
        }
      else
        n = g_utf8_next_char (text + p) - (text + p);
      g_array_append_val (ctx->offsets, p);
      g_array_append_val (ctx->chars, c);
      p += n;
    }
  g_array_append_val (ctx->offsets, len);
  ctx->n = ctx->chars->len;

  lex->surnames = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-surnames");
  lex->roles = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-roles");
  lex->not_given = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-not-given");
  lex->not_names = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-not-names");
  lex->before = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-before-name");
  lex->after = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-after-name");
  lex->role_stops = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-role-stops");
  lex->speech = vera_lexicon_get (VERA_LANGUAGE_ZH, "claims-speech-verbs");
  lex->not_speech = vera_lexicon_get (VERA_LANGUAGE_ZH, "claims-not-speech");
  lex->vague = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-vague");
  lex->not_vague = vera_lexicon_get (VERA_LANGUAGE_ZH, "people-not-vague");
}

static void
ctx_clear (Ctx *ctx)
{
  g_array_unref (ctx->offsets);
  g_array_unref (ctx->chars);
}

static gsize
byte_at (Ctx  *ctx,
         guint i)
{
  g_assert (i <= ctx->n);
  return g_array_index (ctx->offsets, gsize, i);
}

static gboolean
is_han (Ctx  *ctx,
        guint i)
{
  gunichar c;

  if (i >= ctx->n)
    return FALSE;
  c = g_array_index (ctx->chars, gunichar, i);
  return c >= 0x2E80 && g_unichar_isalpha (c) && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

/* The number of characters from @i on that the byte length @n covers. */
static guint
chars_in (Ctx   *ctx,
          guint  i,
          gsize  n)
{
  guint k = i;

  while (k < ctx->n && byte_at (ctx, k) < byte_at (ctx, i) + n)
    k++;
  return k - i;
}

/* The longest entry of @lexicon that starts at character @i, in characters (0 when none). */
static guint
prefix_at (Ctx               *ctx,
           guint              i,
           const VeraLexicon *lexicon)
{
  gsize n;

  if (i >= ctx->n)
    return 0;
  n = vera_lexicon_match_prefix (lexicon, ctx->text + byte_at (ctx, i), ctx->len - byte_at (ctx, i), NULL);
  return n > 0 ? chars_in (ctx, i, n) : 0;
}

/* The longest entry of @lexicon that ends just before character @i, within the Han run. */
static guint
suffix_before (Ctx               *ctx,
               guint              i,
               const VeraLexicon *lexicon)
{
  guint first = i;
  gsize n;

  while (first > 0 && is_han (ctx, first - 1) && i - first < 16)
    first--;
  if (first == i)
    return 0;
  n = vera_lexicon_match_suffix (lexicon, ctx->text + byte_at (ctx, first),
                                 byte_at (ctx, i) - byte_at (ctx, first), NULL);
  if (n == 0)
    return 0;
  for (guint k = first; k < i; k++)
    if (byte_at (ctx, i) - byte_at (ctx, k) == n)
      return i - k;
  return 0;
}

static gboolean
char_in (Ctx               *ctx,
         guint              i,
         const VeraLexicon *lexicon)
{
  return i < ctx->n &&
         vera_lexicon_contains (lexicon, ctx->text + byte_at (ctx, i), byte_at (ctx, i + 1) - byte_at (ctx, i));
}

/* A speech verb at @i that no longer word of claims-not-speech holds ("分析师"). */
static guint
speech_at (Ctx  *ctx,
           guint i)
{
  if (prefix_at (ctx, i, ctx->lex.not_speech) > 0)
    return 0;
  return prefix_at (ctx, i, ctx->lex.speech);
}

/* A role after a name ("李明教授"); roles that open with a place word ("市长" in "唐山市长")
 * are read as part of a place, not after a name. */
static guint
role_after (Ctx  *ctx,
            guint i)
{
  guint n = prefix_at (ctx, i, ctx->lex.roles);

  if (n == 0 || char_in (ctx, i, ctx->lex.not_given))
    return 0;
  return n;
}

typedef enum
{
  END_NONE,
  END_WEAK,    /* punctuation, the end, or a word such as "在" */
  END_STRONG,  /* a speech verb or a role */
} EndKind;

static EndKind
end_kind (Ctx  *ctx,
          guint i)
{
  if (speech_at (ctx, i) > 0 || role_after (ctx, i) > 0)
    return END_STRONG;
  if (!is_han (ctx, i) || prefix_at (ctx, i, ctx->lex.after) > 0)
    return END_WEAK;
  return END_NONE;
}

/* A character that cannot begin the next word after a two-character given name: "王芳称，"
 * is 王芳 before 称, not a name 王芳称. */
static gboolean
starts_cue (Ctx  *ctx,
            guint i)
{
  return speech_at (ctx, i) > 0 || role_after (ctx, i) > 0 || prefix_at (ctx, i, ctx->lex.after) > 0;
}

/* The name that starts with a surname at @i: its length in characters (0 when none) and how
 * it ends. */
static guint
name_at (Ctx     *ctx,
         guint    i,
         EndKind *kind)
{
  guint s, best = 0;
  EndKind best_kind = END_NONE;

  *kind = END_NONE;
  s = prefix_at (ctx, i, ctx->lex.surnames);
  if (s == 0 || prefix_at (ctx, i, ctx->lex.not_names) > 0)
    return 0;
  for (guint given = 2; given >= 1; given--)
    {
      gboolean ok = TRUE;
      EndKind k;

      /* "王先生", "江主任": a surname with a title is no full name. */
      for (guint g = 0; g < given; g++)
        if (!is_han (ctx, i + s + g) || char_in (ctx, i + s + g, ctx->lex.not_given) ||
            role_after (ctx, i + s + g) > 0)
          ok = FALSE;
      if (!ok)
        continue;
      k = end_kind (ctx, i + s + given);
      if (given == 2 && k == END_WEAK && starts_cue (ctx, i + s + 1))
        continue;
      /* A speech verb or a role after the longer name wins; the shorter one needs more. */
      if (k > best_kind)
        {
          best = s + given;
          best_kind = k;
        }
    }
  *kind = best_kind;
  return best_kind != END_NONE ? best : 0;
}

/* The role phrase that ends just before character @i with a role word of @n characters: back
 * over the organisation before it ("国家统计局局长"), stopping at punctuation, at the words
 * that open a name and at the characters of people-role-stops.txt. */
static guint
role_phrase_start (Ctx   *ctx,
                   guint  i,
                   guint  n)
{
  guint first = i - n;

  while (first > 0 && is_han (ctx, first - 1) && i - first < 14 &&
         !char_in (ctx, first - 1, ctx->lex.role_stops) &&
         suffix_before (ctx, first, ctx->lex.before) == 0 &&
         suffix_before (ctx, first, ctx->lex.speech) == 0)
    first--;
  return first;
}

static char *
chars_dup (Ctx   *ctx,
           guint  first,
           guint  end)
{
  return g_strndup (ctx->text + byte_at (ctx, first), byte_at (ctx, end) - byte_at (ctx, first));
}

/* Quotation marks: 1 opens, -1 closes, 2 does either (straight quotes), 0 is none. */
static int
quote_kind (gunichar c)
{
  switch (c)
    {
    case 0x201C: case 0x300C: case 0x300E:
      return 1;
    case 0x201D: case 0x300D: case 0x300F:
      return -1;
    case '"': case 0xFF02:
      return 2;
    default:
      return 0;
    }
}

/* Marks as quoted the person nearest to the first speech verb outside the quotes, or to the
 * colon before a quote, when the sentence quotes more than a few characters. A closing mark
 * with no opening one quotes from the start of the sentence: the segmenter may leave the
 * opening mark with the sentence before. */
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
      gunichar c = g_array_index (ctx->chars, gunichar, i);
      int kind = quote_kind (c);

      if (kind == 1 || (kind == 2 && open == G_MAXUINT))
        {
          open = i;
          if (i > 0 && cue == G_MAXUINT &&
              (g_array_index (ctx->chars, gunichar, i - 1) == 0xFF1A ||
               g_array_index (ctx->chars, gunichar, i - 1) == ':'))
            cue = i - 1;
        }
      else if (kind != 0)
        {
          guint from = open != G_MAXUINT ? open : 0;

          if (i - from > 4)
            speech = TRUE;
          open = G_MAXUINT;
        }
      else if (open == G_MAXUINT && cue == G_MAXUINT && speech_at (ctx, i) > 0)
        cue = i;
    }
  if (open != G_MAXUINT && ctx->n - open > 4)
    speech = TRUE;
  if (speech && cue != G_MAXUINT)
    vera_people_mark_nearest (people, cue);
}

GPtrArray *
vera_people_extract_zh (const char *sentence,
                        gsize       len)
{
  GPtrArray *people = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
  Ctx ctx = { 0, };

  ctx_init (&ctx, sentence, len);

  for (guint i = 0; i < ctx.n; i++)
    {
      guint name_len, role_before, after, role_len;
      gboolean left;
      EndKind kind;
      g_autofree char *name = NULL;
      g_autoptr(GString) role = NULL;

      if (!is_han (&ctx, i))
        continue;
      role_before = suffix_before (&ctx, i, ctx.lex.roles);
      left = i == 0 || !is_han (&ctx, i - 1) || role_before > 0 ||
             suffix_before (&ctx, i, ctx.lex.before) > 0;
      if (!left)
        continue;
      name_len = name_at (&ctx, i, &kind);
      if (name_len == 0)
        continue;
      after = i + name_len;
      role_len = role_after (&ctx, after);
      /* Without a role before it, a name needs a speech verb or a role after it. */
      if (role_before == 0 && kind != END_STRONG)
        continue;
      /* "李明教授" must go on to a speech verb, punctuation or a boundary word. */
      if (role_len > 0 && speech_at (&ctx, after) == 0 && end_kind (&ctx, after + role_len) == END_NONE)
        {
          if (role_before == 0)
            continue;
          role_len = 0;
        }

      role = g_string_new (NULL);
      if (role_before > 0)
        {
          g_autofree char *r = chars_dup (&ctx, role_phrase_start (&ctx, i, role_before), i);

          g_string_append (role, r);
        }
      if (role_len > 0)
        {
          g_autofree char *r = chars_dup (&ctx, after, after + role_len);

          g_string_append_printf (role, "%s%s", role->len > 0 ? ", " : "", r);
        }
      name = chars_dup (&ctx, i, after);
      vera_people_add (people, name, role->str, i, after);
      i = after + role_len - 1;
    }

  mark_quoted (&ctx, people);
  ctx_clear (&ctx);
  return people;
}

GArray *
vera_vague_sources_find_zh (const char *sentence,
                            gsize       len)
{
  GArray *spans = g_array_new (FALSE, TRUE, sizeof (VeraVagueSpan));
  Ctx ctx = { 0, };

  ctx_init (&ctx, sentence, len);

  for (guint i = 0; i < ctx.n; i++)
    {
      guint skip = prefix_at (&ctx, i, ctx.lex.not_vague);
      guint n;

      if (skip > 0)
        {
          i += skip - 1;
          continue;
        }
      n = prefix_at (&ctx, i, ctx.lex.vague);
      if (n > 0)
        {
          vera_vague_spans_add (spans, byte_at (&ctx, i), byte_at (&ctx, i + n));
          i += n - 1;
        }
    }

  ctx_clear (&ctx);
  return spans;
}
