/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-tokens"

#include "config.h"

#include <string.h>

#include "vera-tokens.h"

/* Reads one character at @p; invalid or truncated sequences read as one byte of U+FFFD so that
 * hostile input never stalls the scan. */
static gunichar
read_char (const char *p,
           const char *end,
           gsize      *n_bytes)
{
  gunichar c = g_utf8_get_char_validated (p, end - p);

  if (c == (gunichar) -1 || c == (gunichar) -2 || c == 0)
    {
      *n_bytes = 1;
      return c == 0 ? 0 : 0xFFFD;
    }
  *n_bytes = g_utf8_next_char (p) - p;
  return c;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

GArray *
vera_tokens_split (const char *text,
                   gsize       len)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (VeraToken));
  const char *p = text;
  const char *end = text + len;
  guint cp = 0;
  gboolean space = TRUE;

  g_return_val_if_fail (text != NULL || len == 0, tokens);

  while (p < end)
    {
      VeraToken tok = { 0, };
      gsize n;
      gunichar c = read_char (p, end, &n);

      if (g_unichar_isspace (c) || c == 0)
        {
          p += n;
          cp++;
          space = TRUE;
          continue;
        }

      tok.start = p - text;
      tok.cp_start = cp;
      tok.flags = space ? 0 : VERA_TOKEN_GLUED;
      space = FALSE;

      if (g_unichar_isdigit (c) && c < 0x80)
        {
          gboolean seen_point = FALSE;

          tok.kind = VERA_TOKEN_NUMBER;
          while (p < end)
            {
              if (g_ascii_isdigit (*p))
                {
                  p++;
                  cp++;
                }
              else if (*p == ',' && end - p >= 4 && !seen_point &&
                       g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
                       g_ascii_isdigit (p[3]) && (end - p == 4 || !g_ascii_isdigit (p[4])))
                {
                  p += 4;
                  cp += 4;
                }
              else if (*p == '.' && !seen_point && end - p >= 2 && g_ascii_isdigit (p[1]))
                {
                  seen_point = TRUE;
                  p++;
                  cp++;
                }
              else
                break;
            }
        }
      else if (g_unichar_isalpha (c))
        {
          gboolean all_upper = TRUE;
          guint n_letters = 0;

          tok.kind = VERA_TOKEN_WORD;
          if (g_unichar_isupper (c) || g_unichar_istitle (c))
            tok.flags |= VERA_TOKEN_CAPITAL;
          while (p < end)
            {
              gsize m;
              gunichar d = read_char (p, end, &m);

              if (g_unichar_isalpha (d) || (g_unichar_isdigit (d) && d < 0x80))
                {
                  if (g_unichar_isalpha (d))
                    {
                      n_letters++;
                      if (!g_unichar_isupper (d))
                        all_upper = FALSE;
                    }
                  p += m;
                  cp++;
                }
              else if (is_apostrophe (d) || is_hyphen (d) || d == '&')
                {
                  gsize m2;
                  gunichar next;

                  if (p + m >= end)
                    break;
                  next = read_char (p + m, end, &m2);
                  if (!g_unichar_isalpha (next))
                    break;
                  p += m;
                  cp++;
                }
              else
                break;
            }
          if (all_upper && n_letters >= 2)
            tok.flags |= VERA_TOKEN_UPPER;
        }
      else
        {
          tok.kind = VERA_TOKEN_PUNCT;
          tok.ch = c;
          p += n;
          cp++;
        }

      tok.end = p - text;
      tok.cp_end = cp;
      g_array_append_val (tokens, tok);
    }

  return tokens;
}

gboolean
vera_token_is (const char      *text,
               const VeraToken *token,
               const char      *word)
{
  gsize n = strlen (word);

  return token->kind == VERA_TOKEN_WORD && token->end - token->start == n &&
         g_ascii_strncasecmp (text + token->start, word, n) == 0;
}

gboolean
vera_token_in (const char         *text,
               const VeraToken    *token,
               const char * const *words)
{
  if (token->kind != VERA_TOKEN_WORD)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (vera_token_is (text, token, words[i]))
      return TRUE;
  return FALSE;
}

char *
vera_token_dup_lower (const char      *text,
                      const VeraToken *token)
{
  return g_utf8_strdown (text + token->start, token->end - token->start);
}

gboolean
vera_token_has_suffix (const char      *text,
                       const VeraToken *token,
                       const char      *suffix)
{
  gsize n = strlen (suffix);
  gsize len = token->end - token->start;

  return token->kind == VERA_TOKEN_WORD && len > n &&
         g_ascii_strncasecmp (text + token->end - n, suffix, n) == 0;
}

gboolean
vera_token_is_quote (const VeraToken *token)
{
  switch (token->ch)
    {
    case '"': case 0x201C: case 0x201D: case 0x201E: case 0x00AB: case 0x00BB:
    case 0x300C: case 0x300D: case 0x300E: case 0x300F:
      return token->kind == VERA_TOKEN_PUNCT;
    default:
      return FALSE;
    }
}

gboolean
vera_token_is_speech_verb (const char      *text,
                           const VeraToken *token)
{
  static const char * const stems[] = {
    "say", "said", "tell", "told", "note", "observe", "explain", "add", "argue", "claim",
    "stated", "reported", "pointed", "announce", "declare", "insist", "warn", "boast", "remark", "comment", "write",
    "wrote", "admit", "acknowledge", "according", "predict", "estimate", "recall",
    "quip", "stress", "emphasise", "emphasize", "confirm", "reveal", "assert",
    "concede", "conclude", "suggest", "reply", "replie", "respond", "contend", "tweet",
    "posted", "ask", "exclaim", "muse", "caution", "believe", "reckon", "agree", "affirm",
    "proclaim", "highlight", "describe", NULL
  };
  static const char * const endings[] = { "", "s", "es", "d", "ed", "ing", NULL };
  gsize len;
  const char *w;

  if (token->kind != VERA_TOKEN_WORD)
    return FALSE;
  len = token->end - token->start;
  w = text + token->start;
  for (guint i = 0; stems[i] != NULL; i++)
    {
      gsize n = strlen (stems[i]);

      if (len < n || g_ascii_strncasecmp (w, stems[i], n) != 0)
        continue;
      for (guint e = 0; endings[e] != NULL; e++)
        if (len == n + strlen (endings[e]) &&
            g_ascii_strncasecmp (w + n, endings[e], len - n) == 0)
          return TRUE;
    }
  return FALSE;
}

gboolean
vera_token_is_function_word (const char      *text,
                             const VeraToken *token)
{
  static const char * const words[] = {
    "a", "an", "the", "in", "on", "at", "as", "by", "for", "from", "with", "of", "to", "and",
    "or", "but", "if", "when", "while", "after", "before", "since", "until", "because", "this",
    "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her",
    "their", "our", "my", "your", "there", "here", "what", "which", "who", "how", "why",
    "where", "according", "among", "despite", "meanwhile", "however", "indeed", "also", "yet",
    "still", "then", "now", "today", "beyond", "unlike", "like", "behind", "between", "during",
    "over", "under", "once", "all", "some", "many", "most", "more", "each", "every", "both",
    "no", "not", "even", "just", "only", "so", "such", "than", "though", "although", "whether",
    "with", "without", "within", "into", "upon", "about", "around", "across", "against",
    "recent", "recently", "last", "next", "new", "more", "mr", "ms", "mrs", "dr", "prof", NULL
  };

  return vera_token_in (text, token, words);
}

guint
vera_tokens_find_byte (const GArray *tokens,
                       gsize         offset)
{
  guint lo = 0, hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, VeraToken, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}
