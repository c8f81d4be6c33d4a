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
  /* About one token in five bytes of prose: size the array once. */
  GArray *tokens = g_array_sized_new (FALSE, TRUE, sizeof (VeraToken), (guint) MIN (len / 4 + 4, 4096));
  const char *p = text;
  const char *end = text + len;
  guint cp = 0;
  gboolean space = TRUE;

  g_return_val_if_fail (text != NULL || len == 0, tokens);

  while (p < end)
    {
      VeraToken tok = { 0, };
      gsize n;
      gunichar c = (guchar) *p < 0x80 ? (n = 1, (gunichar) (guchar) *p) : read_char (p, end, &n);

      if ((c < 0x80 ? g_ascii_isspace (c) : g_unichar_isspace (c)) || c == 0)
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
          tok.kind = VERA_TOKEN_NUMBER;
          while (p < end)
            {
              if (g_ascii_isdigit (*p))
                {
                  p++;
                  cp++;
                }
              else if ((*p == ',' || *p == '.' || *p == '\'') && end - p >= 2 &&
                       g_ascii_isdigit (p[1]))
                {
                  /* Digit groups with any separator: which one groups and which marks the
                   * decimals depends on the language, and is decided when the number is read
                   * (vera_number_read). */
                  p++;
                  cp++;
                }
              else
                break;
            }
        }
      else if (c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c))
        {
          gboolean all_upper = TRUE;
          guint n_letters = 0;

          tok.kind = VERA_TOKEN_WORD;
          if (c < 0x80 ? g_ascii_isupper (c) : (g_unichar_isupper (c) || g_unichar_istitle (c)))
            tok.flags |= VERA_TOKEN_CAPITAL;
          while (p < end)
            {
              gsize m;
              gunichar d;
              gboolean alpha;

              if ((guchar) *p < 0x80)
                {
                  d = (guchar) *p;
                  m = 1;
                  alpha = g_ascii_isalpha (d);
                }
              else
                {
                  d = read_char (p, end, &m);
                  alpha = g_unichar_isalpha (d);
                }

              if (!alpha && d < 0x80 && g_ascii_isdigit (d) && n_letters == 3 && all_upper &&
                  (gsize) (p - (text + tok.start)) == 3)
                break;  /* "USD92.4m": a currency code glued to its number */
              if (alpha || (d < 0x80 && g_ascii_isdigit (d)))
                {
                  if (alpha)
                    {
                      n_letters++;
                      if (d < 0x80 ? !g_ascii_isupper (d) : !g_unichar_isupper (d))
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

static inline char
lower (char c)
{
  return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

gboolean
vera_word_equal (const char *word,
                 gsize       len,
                 const char *lexeme)
{
  for (gsize k = 0; k < len; k++)
    if (lexeme[k] == '\0' || lower (word[k]) != lower (lexeme[k]))
      return FALSE;
  return lexeme[len] == '\0';
}

gboolean
vera_token_is (const char      *text,
               const VeraToken *token,
               const char      *word)
{
  const char *t = text + token->start;
  gsize n = token->end - token->start;

  /* Called for every token against every lexicon entry: compare as we go, without strlen, so
   * that most calls end at the first byte. */
  if (token->kind != VERA_TOKEN_WORD)
    return FALSE;
  for (gsize k = 0; k < n; k++)
    if (word[k] == '\0' || lower (t[k]) != lower (word[k]))
      return FALSE;
  return word[n] == '\0';
}

gboolean
vera_token_in (const char         *text,
               const VeraToken    *token,
               const char * const *words)
{
  const char *t = text + token->start;
  gsize n = token->end - token->start;
  char first;

  if (token->kind != VERA_TOKEN_WORD)
    return FALSE;
  first = lower (t[0]);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      gsize k;

      if (w[0] != first)
        continue;
      for (k = 1; k < n; k++)
        if (w[k] == '\0' || lower (t[k]) != w[k])
          break;
      if (k == n && w[n] == '\0')
        return TRUE;
    }
  return FALSE;
}

/* Compares the lower-cased token with a lexicon word, byte by byte as strcmp() does. */
static int
compare_token (const char *w,
               gsize       n,
               const char *lexeme)
{
  for (gsize k = 0; k < n; k++)
    {
      guchar a = (guchar) lower (w[k]);
      guchar b = (guchar) lexeme[k];

      if (b == '\0' || a != b)
        return b == '\0' ? 1 : (a < b ? -1 : 1);
    }
  return lexeme[n] == '\0' ? 0 : -1;
}

gboolean
vera_lexicon_find (const char         *word,
                   gsize               len,
                   const char * const *words,
                   gsize               n_words)
{
  gsize lo = 0, hi = n_words;

  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;
      int c = compare_token (word, len, words[mid]);

      if (c == 0)
        return TRUE;
      if (c < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return FALSE;
}

gboolean
vera_token_in_sorted (const char         *text,
                      const VeraToken    *token,
                      const char * const *words,
                      gsize               n_words)
{
  return token->kind == VERA_TOKEN_WORD &&
         vera_lexicon_find (text + token->start, token->end - token->start, words, n_words);
}

gboolean
vera_lexicon_is_sorted (const char * const *words)
{
  for (guint i = 0; words[i] != NULL && words[i + 1] != NULL; i++)
    if (strcmp (words[i], words[i + 1]) >= 0)
      {
        g_warning ("Lexicon out of order at “%s”, “%s”", words[i], words[i + 1]);
        return FALSE;
      }
  return TRUE;
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
      const char *stem = stems[i];
      gsize n = 0;

      if (stem[0] != lower (w[0]))
        continue;
      while (n < len && stem[n] != '\0' && lower (w[n]) == stem[n])
        n++;
      if (stem[n] != '\0')
        continue;
      for (guint e = 0; endings[e] != NULL; e++)
        if (vera_word_equal (w + n, len - n, endings[e]))
          return TRUE;
    }
  return FALSE;
}

static const char * const function_words[] = {
  "a", "about", "according", "across", "after", "against", "all", "also", "although", "among",
  "an", "and", "around", "as", "at", "because", "before", "behind", "between", "beyond", "both",
  "but", "by", "despite", "dr", "during", "each", "even", "every", "for", "from", "he", "her",
  "here", "his", "how", "however", "i", "if", "in", "indeed", "into", "it", "its", "just",
  "last", "like", "many", "meanwhile", "more", "most", "mr", "mrs", "ms", "my", "next", "no",
  "not", "now", "of", "on", "once", "only", "or", "our", "over", "prof", "recent", "recently",
  "she", "since", "so", "some", "still", "such", "than", "that", "the", "their", "then",
  "there", "these", "they", "this", "those", "though", "to", "today", "under", "unlike",
  "until", "upon", "we", "what", "when", "where", "whether", "which", "while", "who", "why",
  "with", "within", "without", "yet", "you", "your", NULL
};

gboolean
vera_token_is_function_word (const char      *text,
                             const VeraToken *token)
{
  return vera_token_in_sorted (text, token, function_words, VERA_LEXICON_SIZE (function_words));
}

gboolean
vera_tokens_lexicons_sorted (void)
{
  return vera_lexicon_is_sorted (function_words);
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

guint
vera_tokens_match_phrase (const char   *text,
                          const GArray *tokens,
                          guint         i,
                          const char   *phrase)
{
  const char *p = phrase;
  guint k = i;

  while (*p != '\0')
    {
      const VeraToken *t;
      const char *w;
      gsize n, m;

      if (k >= tokens->len)
        return 0;
      t = vera_tokens_get (tokens, k);
      w = text + t->start;
      n = t->end - t->start;
      if (p[0] == '<')
        {
          /* "<year>": a four-digit whole number from 1800 to 2199 */
          if (t->kind != VERA_TOKEN_NUMBER || n != 4 || !g_ascii_isdigit (w[3]) ||
              !g_ascii_isdigit (w[1]) || !((w[0] == '1' && w[1] >= '8') || w[0] == '2') ||
              (w[0] == '2' && w[1] > '1'))
            return 0;
          while (*p != '\0' && *p != ' ')
            p++;
        }
      else
        {
          if (t->kind != VERA_TOKEN_WORD)
            return 0;
          for (m = 0; m < n; m++)
            if (p[m] == '\0' || p[m] == ' ' || lower (w[m]) != p[m])
              return 0;
          if (p[n] != '\0' && p[n] != ' ')
            return 0;
          p += n;
        }
      if (*p == ' ')
        p++;
      k++;
    }
  return k - i;
}

gboolean
vera_tokens_contain (const char         *text,
                     const GArray       *tokens,
                     const char * const *words,
                     gsize               n_words)
{
  for (guint i = 0; i < tokens->len; i++)
    if (vera_token_in_sorted (text, vera_tokens_get (tokens, i), words, n_words))
      return TRUE;
  return FALSE;
}

guint
vera_tokens_match_lexicon (const char        *text,
                           const GArray      *tokens,
                           guint              i,
                           const VeraLexicon *lexicon,
                           const char       **value)
{
  guint max_words;
  guint best = 0;
  char buf[128];
  gsize n = 0;
  guint words = 0;

  g_return_val_if_fail (tokens != NULL, 0);
  g_return_val_if_fail (lexicon != NULL, 0);

  if (value != NULL)
    *value = NULL;
  max_words = vera_lexicon_get_max_words (lexicon);
  for (guint k = i; k < tokens->len && words < max_words; k++)
    {
      const VeraToken *t = vera_tokens_get (tokens, k);
      gsize tl = t->end - t->start;
      const char *found;
      gboolean dot = FALSE;

      if (t->kind == VERA_TOKEN_PUNCT)
        break;
      if (n + tl + 2 >= sizeof buf)
        break;
      if (words > 0)
        buf[n++] = ' ';
      memcpy (buf + n, text + t->start, tl);
      n += tl;
      words++;
      found = vera_lexicon_lookup (lexicon, buf, n);
      if (found != NULL)
        {
          best = k - i + 1;
          if (value != NULL)
            *value = found;
        }
      /* "Mio.", "z. B.": a full stop glued to the word may belong to the key. */
      if (k + 1 < tokens->len)
        {
          const VeraToken *next = vera_tokens_get (tokens, k + 1);

          if (next->kind == VERA_TOKEN_PUNCT && next->ch == '.' && (next->flags & VERA_TOKEN_GLUED))
            {
              buf[n] = '.';
              found = vera_lexicon_lookup (lexicon, buf, n + 1);
              if (found != NULL)
                {
                  best = k - i + 2;
                  if (value != NULL)
                    *value = found;
                }
              dot = TRUE;
            }
        }
      if (dot)
        {
          /* Continue past the dot: "z. B." */
          if (n + 1 >= sizeof buf)
            break;
          buf[n++] = '.';
          k++;
        }
    }
  return best;
}

/* Digit groups and the separators between them, as the tokenizer joined them. */
typedef struct
{
  guint n_groups;
  guint lengths[32];
  char  separators[32];  /* separators[k] stands before group k + 1 */
} VeraDigitGroups;

static gboolean
split_groups (const char      *s,
              gsize            n,
              VeraDigitGroups *g)
{
  memset (g, 0, sizeof *g);
  g->n_groups = 1;
  for (gsize k = 0; k < n; k++)
    {
      if (g_ascii_isdigit (s[k]))
        g->lengths[g->n_groups - 1]++;
      else if ((s[k] == ',' || s[k] == '.' || s[k] == '\'') && g->n_groups < G_N_ELEMENTS (g->lengths) &&
               g->lengths[g->n_groups - 1] > 0)
        {
          g->separators[g->n_groups - 1] = s[k];
          g->n_groups++;
        }
      else
        return FALSE;
    }
  return g->lengths[g->n_groups - 1] > 0;
}

/* Whether groups [1, @last) form thousands groups after a first group of 1–3 digits; with
 * @indian, groups of two before a last group of three (12,34,567). */
static gboolean
valid_grouping (const VeraDigitGroups *g,
                guint                  last,
                gboolean               indian)
{
  if (g->lengths[0] < 1 || g->lengths[0] > 3)
    return FALSE;
  for (guint k = 1; k < last; k++)
    {
      guint want = indian && k + 1 < last ? 2 : 3;

      if (g->lengths[k] != want)
        return FALSE;
    }
  return TRUE;
}

gboolean
vera_number_read (const char   *s,
                  gsize         n,
                  VeraLanguage  language,
                  double       *value)
{
  VeraDigitGroups g;
  char buf[96];
  gsize m = 0;
  char decimal = 0;
  char grouping = 0;
  gboolean german = language == VERA_LANGUAGE_DE;

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (n == 0 || n >= sizeof buf || !split_groups (s, n, &g))
    return FALSE;

  if (g.n_groups > 1)
    {
      char last = g.separators[g.n_groups - 2];
      gboolean mixed = FALSE;

      for (guint k = 0; k + 1 < g.n_groups; k++)
        if (g.separators[k] != g.separators[0])
          mixed = TRUE;
      if (mixed)
        {
          /* "1.234,5" / "1,234.5": the last separator marks the decimals, the others group. */
          decimal = last;
          grouping = g.separators[0];
          for (guint k = 0; k + 2 < g.n_groups; k++)
            if (g.separators[k] != grouping)
              return FALSE;
          if (decimal == '\'' || grouping == decimal)
            return FALSE;
          if (!valid_grouping (&g, g.n_groups - 1, grouping == ',' && !german) &&
              !valid_grouping (&g, g.n_groups - 1, FALSE))
            return FALSE;
        }
      else if (g.n_groups > 2 || last == '\'')
        {
          /* A separator repeated (or an apostrophe) groups thousands. */
          grouping = last;
          if (grouping == '.' && !german && language != VERA_LANGUAGE_OTHER)
            return FALSE;  /* "1.2.3": a version or a date, in English */
          if (grouping == ',' && german)
            return FALSE;
          if (!valid_grouping (&g, g.n_groups, grouping == ',') &&
              !valid_grouping (&g, g.n_groups, FALSE))
            return FALSE;
        }
      else if (g.lengths[1] == 3)
        {
          /* One separator and three digits: grouping or decimals, by language. */
          if (g.lengths[0] > 3)
            decimal = last;
          else if (german)
            (last == '.' ? (grouping = '.') : (decimal = ','));
          else if (language == VERA_LANGUAGE_OTHER)
            return FALSE;
          else
            (last == ',' ? (grouping = ',') : (decimal = '.'));
        }
      else
        {
          /* One digit, two, or four and more after it: decimals — but a comma before decimals
           * is not English (a list, "1,5 and 7"), nor a dot German. */
          if (last == ',' && !german && language != VERA_LANGUAGE_OTHER)
            return FALSE;
          if (last == '.' && german)
            return FALSE;
          decimal = last;
        }
    }

  for (gsize k = 0; k < n; k++)
    {
      if (g_ascii_isdigit (s[k]))
        buf[m++] = s[k];
      else if (s[k] == decimal)
        buf[m++] = '.';
      else if (s[k] != grouping)
        return FALSE;
    }
  buf[m] = '\0';
  *value = g_ascii_strtod (buf, NULL);
  return TRUE;
}
