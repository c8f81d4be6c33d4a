/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-claim-kinds"

#include "config.h"

#include <string.h>

#include "vera-claim-kinds-private.h"
#include "vera-vocabulary.h"

/* The kinds of a Chinese sentence. The tokenizer gives a run of Han characters as one word, so
 * the cues (zh/kinds-cues.txt) are found as substrings, in one pass over the text that tries
 * the lists at every character, the longest entry first. */

typedef struct
{
  const VeraLexicon *cues;        /* entry → "kind", "kind !number" or "-" */
  const VeraLexicon *speech;      /* 表示, 称, 说, 指出 … */
  const VeraLexicon *not_speech;  /* 小说, 称为 … */
  const VeraLexicon *numerals;    /* for "!number" */
  const VeraLexicon *scales;
  const VeraLexicon *verbs;       /* headings only: NULL otherwise */
} ZhLexicons;

typedef struct
{
  VeraClaimKind kinds;
  gboolean      speech;
  gboolean      verb;
} ZhScan;

static void
lexicons_init (ZhLexicons *lex,
               gboolean    verbs)
{
  lex->cues = vera_lexicon_get (VERA_LANGUAGE_ZH, "kinds-cues");
  lex->speech = vera_lexicon_get (VERA_LANGUAGE_ZH, "claims-speech-verbs");
  lex->not_speech = vera_lexicon_get (VERA_LANGUAGE_ZH, "claims-not-speech");
  lex->numerals = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-numerals");
  lex->scales = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-scales");
  lex->verbs = verbs ? vera_lexicon_get (VERA_LANGUAGE_ZH, "kinds-heading-verbs") : NULL;
}

/* "超过300家", "超过一半", "超过百万": a number follows @p. */
static gboolean
number_follows (const char       *p,
                const char       *end,
                const ZhLexicons *lex)
{
  if (p < end && g_ascii_isdigit (*p))
    return TRUE;
  return p < end && (vera_lexicon_match_prefix (lex->numerals, p, end - p, NULL) > 0 ||
                     vera_lexicon_match_prefix (lex->scales, p, end - p, NULL) > 0);
}

/* The kind an entry's value names ("comparison !number": not before a number), or NONE. */
static VeraClaimKind
cue_kind (const char       *value,
          const char       *after,
          const char       *end,
          const ZhLexicons *lex)
{
  const char *space = strchr (value, ' ');
  gsize n = space != NULL ? (gsize) (space - value) : strlen (value);
  VeraClaimKind kind;
  char nick[32];

  if (n == 0 || n >= sizeof nick)
    return VERA_CLAIM_KIND_NONE;
  if (space != NULL && g_str_equal (space + 1, "!number") && number_follows (after, end, lex))
    return VERA_CLAIM_KIND_NONE;
  memcpy (nick, value, n);
  nick[n] = '\0';
  return vera_claim_kind_from_string (nick, &kind) ? kind : VERA_CLAIM_KIND_NONE;
}

/* "到2030年": a four-digit year between two characters reads as "到<year>年". Returns the
 * number of digits at @p (0 when @p starts no year). */
static gsize
scan_year (const char       *text,
           const char       *p,
           const char       *end,
           const ZhLexicons *lex,
           ZhScan           *scan)
{
  const char *q = p, *before, *after;
  char key[32];
  const char *value;
  gsize bn, an;

  while (q < end && g_ascii_isdigit (*q))
    q++;
  if (q - p != 4 || !((p[0] == '1' && p[1] >= '8') || (p[0] == '2' && p[1] <= '1')))
    return q - p;
  before = p;
  while (before > text && before[-1] == ' ')
    before--;
  after = q;
  while (after < end && *after == ' ')
    after++;
  if (before == text || after >= end)
    return q - p;
  before = g_utf8_find_prev_char (text, before);
  if (before == NULL)
    return q - p;
  bn = g_utf8_next_char (before) - before;
  an = g_utf8_next_char (after) - after;
  if (bn + an + 7 > sizeof key || after + an > end)
    return q - p;
  memcpy (key, before, bn);
  memcpy (key + bn, "<year>", 6);
  memcpy (key + bn + 6, after, an);
  value = vera_lexicon_lookup (lex->cues, key, bn + 6 + an);
  if (value != NULL && value[0] != '-')
    scan->kinds |= cue_kind (value, after + an, end, lex);
  return q - p;
}

static void
scan_text (const char       *text,
           gsize             len,
           const ZhLexicons *lex,
           ZhScan           *scan)
{
  const char *p = text;
  const char *end = text + len;

  memset (scan, 0, sizeof *scan);
  while (p < end)
    {
      const char *value;
      gsize n;

      if ((guchar) *p < 0x80)
        {
          if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isdigit (p[-1])))
            p += MAX (scan_year (text, p, end, lex, scan), 1);
          else
            p++;
          continue;
        }
      if ((n = vera_lexicon_match_prefix (lex->not_speech, p, end - p, NULL)) > 0)
        {
          p += n;
          continue;
        }
      n = vera_lexicon_match_prefix (lex->cues, p, end - p, &value);
      if (n > 0 && value[0] == '-')
        {
          p += n;  /* 我国, 将军: the characters hold no cue */
          continue;
        }
      if (n > 0)
        scan->kinds |= cue_kind (value, p + n, end, lex);
      if (vera_lexicon_match_prefix (lex->speech, p, end - p, NULL) > 0)
        scan->speech = TRUE;
      if (lex->verbs != NULL && vera_lexicon_match_prefix (lex->verbs, p, end - p, NULL) > 0)
        scan->verb = TRUE;
      p = g_utf8_next_char (p);
    }
}

static gboolean
is_clause_end (gunichar c)
{
  return vera_kinds_is_one_of (c, ",.!?") || c == 0xFF0C || c == 0x3002 || c == 0xFF01 ||
         c == 0xFF1F;
}

static guint
count_chars (const GArray *tokens,
             guint         from,
             guint         to)
{
  guint n = 0;

  for (guint i = from; i < to && i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind != VERA_TOKEN_PUNCT)
        n += t->cp_end - t->cp_start;
    }
  return n;
}

/* Quoted speech: “…” or 「…」 of six characters or more that is attributed (a verb of speech,
 * a named person), follows a colon, or ends a clause inside its marks. A short quoted name
 * (“一带一路”) is not speech. */
static gboolean
has_quote (const GArray *tokens,
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
      if (count_chars (tokens, open + 1, i) >= 6)
        {
          const VeraToken *before_close = vera_tokens_get (tokens, i - 1);
          const VeraToken *before_open = open > 0 ? vera_tokens_get (tokens, open - 1) : NULL;
          gboolean clause_end = before_close->kind == VERA_TOKEN_PUNCT && is_clause_end (before_close->ch);
          gboolean colon = before_open != NULL && (before_open->ch == ':' || before_open->ch == 0xFF1A);

          if (attributed || clause_end || colon)
            return TRUE;
        }
      open = G_MAXUINT;
    }
  return open != G_MAXUINT && attributed && count_chars (tokens, open + 1, tokens->len) >= 6;
}

VeraClaimKind
vera_kinds_classify_zh (const char   *text,
                        gsize         len,
                        const GArray *tokens,
                        gboolean      named)
{
  ZhLexicons lex;
  ZhScan scan;
  VeraClaimKind kinds;

  lexicons_init (&lex, FALSE);
  scan_text (text, len, &lex, &scan);
  kinds = scan.kinds;
  if (scan.speech)
    kinds |= VERA_CLAIM_KIND_ATTRIBUTION;
  if (has_quote (tokens, scan.speech || named))
    kinds |= VERA_CLAIM_KIND_QUOTE;
  return kinds;
}

/* Headings have no end punctuation, no comma, no figure, and none of the verbs or cues; and
 * they are short. Lines without Han characters are left to the other rules. */
gboolean
vera_kinds_zh_is_heading (const char   *text,
                          gsize         len,
                          const GArray *tokens)
{
  const VeraToken *last;
  ZhLexicons lex;
  ZhScan scan;
  guint n_chars = 0;
  gboolean han = FALSE;

  if (tokens->len == 0)
    return TRUE;
  last = vera_tokens_get (tokens, tokens->len - 1);
  if (last->kind == VERA_TOKEN_PUNCT &&
      (is_clause_end (last->ch) || last->ch == 0x2026 || last->ch == 0x201D || last->ch == 0x300D ||
       last->ch == 0x300F || last->ch == '"'))
    return FALSE;
  if (last->ch == ':' || last->ch == 0xFF1A)
    return count_chars (tokens, 0, tokens->len) <= 12;  /* a label: "主要发现：" */
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind == VERA_TOKEN_NUMBER || (t->kind == VERA_TOKEN_PUNCT &&
                                           (is_clause_end (t->ch) || t->ch == 0xFF1B || t->ch == ';')))
        return FALSE;
      if (t->kind == VERA_TOKEN_WORD && g_unichar_get_script (g_utf8_get_char (text + t->start)) == G_UNICODE_SCRIPT_HAN)
        han = TRUE;
      if (t->kind != VERA_TOKEN_PUNCT)
        n_chars += t->cp_end - t->cp_start;
    }
  if (!han || n_chars > 24)
    return FALSE;
  lexicons_init (&lex, TRUE);
  scan_text (text, len, &lex, &scan);
  return scan.kinds == VERA_CLAIM_KIND_NONE && !scan.speech && !scan.verb;
}

static gboolean
ends_with (const char *text,
           gsize       len,
           const char *suffix)
{
  gsize n = strlen (suffix);

  return len >= n && memcmp (text + len - n, suffix, n) == 0;
}

gboolean
vera_kinds_zh_is_furniture (const char *text,
                            gsize       len)
{
  const VeraLexicon *furniture = vera_lexicon_get (VERA_LANGUAGE_ZH, "kinds-furniture");
  const char *p = text, *end = text + len;
  const char *value;
  gsize n;

  /* Skip spaces, bullets and an opening bracket: "（记者 王明）". */
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 ||
          !(g_unichar_isspace (c) || g_unichar_ispunct (c)) || c == 0xA9)
        break;
      p = g_utf8_next_char (p);
    }
  while (end > p && (end[-1] == ' ' || end[-1] == '\n'))
    end--;
  if (p < end && g_utf8_get_char (p) == 0xA9)
    return TRUE;  /* © */
  if ((n = vera_lexicon_match_prefix (furniture, p, end - p, &value)) == 0)
    return FALSE;
  if (g_str_equal (value, "always"))
    return TRUE;
  if (g_str_equal (value, "byline"))
    {
      /* "记者 王明 报道", "（记者 王明）", but not "记者从市政府获悉，……。" */
      glong n_chars = g_utf8_strlen (p, end - p);

      for (const char *q = p; q < end; q = g_utf8_next_char (q))
        if (is_clause_end (g_utf8_get_char (q)))
          return FALSE;
      return n_chars <= 30 && (ends_with (p, end - p, "报道") || ends_with (p, end - p, "摄") ||
                               ends_with (p, end - p, "\xef\xbc\x89") || n_chars <= 8);
    }
  p += n;
  while (p < end && *p == ' ')
    p++;
  return p == end || *p == ':' || *p == '|' || g_utf8_get_char (p) == 0xFF1A;
}
