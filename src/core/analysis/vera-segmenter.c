/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-segmenter"

#include "config.h"

#include <string.h>

#include "vera-lexicon.h"
#include "vera-segmenter.h"

/* Sentence segmentation for news text in one linear pass.
 *
 * The text is cut into units at line breaks and at skipped (injected) spans. Units join into a
 * block when a line without end punctuation is continued by a line that starts in lower case (or
 * any full line, in text wrapped at a fixed width) and the chain of such lines ends with end
 * punctuation; every other line break ends a block. Each block is then split at end punctuation, weighing the word before the mark
 * (abbreviation, title, initial, number) and the word after it (lower case, a usual sentence
 * opener). Every decision looks at a bounded window around the mark, so the work is linear. */

#define WORD_MAX 24         /* bytes of a word kept for lexicon look-ups */
#define LOOK_BACK 256       /* how far back the token before a mark is scanned */

/* The word lists (src/core/lexicon/data/LANG/claims-*.txt) of every language the segmenter
 * knows: it runs before the language of a paragraph is known and on mixed text, and an English
 * title, a German abbreviation and a Chinese mark never get in each other's way. Titles never end
 * a sentence; abbreviations end one only before a usual sentence opener. */
#define N_LISTS 2           /* English, German */

typedef struct
{
  const VeraLexicon *titles[N_LISTS];
  const VeraLexicon *abbreviations[N_LISTS];
  const VeraLexicon *starters[N_LISTS];
  const VeraLexicon *prepositions;
  const VeraLexicon *ordinal_cues;   /* "am 3. Mai" */
  const VeraLexicon *months;
  const VeraLexicon *zh_speech;      /* "」他说": the quote goes on into the sentence */
  const VeraLexicon *zh_not_speech;
} Lexicons;

typedef struct
{
  gsize start;              /* content, trimmed */
  gsize end;
  guint blank : 1;
  guint hard_before : 1;    /* follows a skipped span on the same line */
  guint first_in_line : 1;  /* no text of the same line before it */
  guint last_in_line : 1;   /* no skipped span after it on the same line */
  guint ends_terminal : 1;
  guint starts_lower : 1;
  guint has_marker : 1;
} Unit;

typedef enum
{
  MARKER_NONE,
  MARKER_BULLET,
  MARKER_NUMBER,
  MARKER_LETTER,
} MarkerKind;

typedef struct
{
  MarkerKind kind;
  gsize      end;           /* first byte after the marker and its spaces */
  gunichar   bullet;        /* MARKER_BULLET */
  guint      value;         /* MARKER_NUMBER (the number) or MARKER_LETTER (the letter) */
  char       delim[3];      /* ".", ")" or ".)" */
} Marker;

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *out;
  Lexicons    lex;
} Segmenter;

typedef enum
{
  NEXT_END,
  NEXT_LOWER,
  NEXT_UPPER,
  NEXT_DIGIT,
  NEXT_OTHER,
} NextKind;

typedef struct
{
  NextKind kind;
  char     word[WORD_MAX];  /* its letters (UTF-8, any case); empty when none */
} NextWord;

static gboolean
in_any (const VeraLexicon * const *lists,
        const char                *word)
{
  if (word[0] == '\0')
    return FALSE;
  for (guint i = 0; i < N_LISTS; i++)
    if (vera_lexicon_contains (lists[i], word, -1))
      return TRUE;
  return FALSE;
}

static void
lexicons_init (Lexicons *lex)
{
  static const VeraLanguage languages[N_LISTS] = { VERA_LANGUAGE_EN, VERA_LANGUAGE_DE };

  for (guint i = 0; i < N_LISTS; i++)
    {
      lex->titles[i] = vera_lexicon_get (languages[i], "claims-titles");
      lex->abbreviations[i] = vera_lexicon_get (languages[i], "claims-abbreviations");
      lex->starters[i] = vera_lexicon_get (languages[i], "claims-sentence-starters");
    }
  lex->prepositions = vera_lexicon_get (VERA_LANGUAGE_EN, "claims-prepositions");
  lex->ordinal_cues = vera_lexicon_get (VERA_LANGUAGE_DE, "claims-ordinal-cues");
  lex->months = vera_lexicon_get (VERA_LANGUAGE_DE, "claims-months");
  lex->zh_speech = vera_lexicon_get (VERA_LANGUAGE_ZH, "claims-speech-verbs");
  lex->zh_not_speech = vera_lexicon_get (VERA_LANGUAGE_ZH, "claims-not-speech");
}

static gboolean
is_opener (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case '(': case '[': case '{':
    case 0x201C: case 0x2018: case 0x00AB: case 0x300C: case 0x300E: case 0xFF08:
    case 0x00BF: case 0x00A1: case 0x300A: case 0x3008: case 0x201E:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_closer (gunichar c)
{
  switch (c)
    {
    case '"': case '\'': case ')': case ']': case '}':
    case 0x201D: case 0x2019: case 0x00BB: case 0x300D: case 0x300F: case 0xFF09:
    case 0x300B: case 0x3009:
    /* German „…“ and »…«, ‚…‘ and ›…‹ close with marks that open in other languages. */
    case 0x201C: case 0x00AB: case 0x2018: case 0x203A: case 0x2039:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_cjk_terminal (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61 || c == 0xFF1B;
}

static gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '?' || c == '!' || c == 0x2026 || is_cjk_terminal (c);
}

static gboolean
is_ascii_lower (char c)
{
  return c >= 'a' && c <= 'z';
}

static gboolean
is_ascii_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
is_ascii_alnum (char c)
{
  return g_ascii_isalnum (c);
}

/* The first word after @pos: spaces and opening quotes are skipped. */
static void
read_next_word (const Segmenter *seg,
                gsize            pos,
                gsize            limit,
                NextWord        *next)
{
  gunichar c = 0;
  gsize after = pos;
  guint n = 0;

  next->word[0] = '\0';
  pos = vera_text_skip_spaces (seg->text, pos, limit);
  while (pos < limit)
    {
      c = vera_text_get_char (seg->text, pos, limit, &after);
      if (!is_opener (c))
        break;
      pos = after;
    }
  if (pos >= limit)
    {
      next->kind = NEXT_END;
      return;
    }
  if (g_unichar_islower (c))
    next->kind = NEXT_LOWER;
  else if (g_unichar_isupper (c) || g_unichar_istitle (c))
    next->kind = NEXT_UPPER;
  else if (g_unichar_isdigit (c))
    next->kind = NEXT_DIGIT;
  else
    next->kind = NEXT_OTHER;

  while (pos < limit)
    {
      gunichar d = vera_text_get_char (seg->text, pos, limit, &after);

      if (!g_unichar_isalpha (d) || n + (after - pos) + 1 > WORD_MAX)
        break;
      memcpy (next->word + n, seg->text + pos, after - pos);
      n += after - pos;
      pos = after;
    }
  next->word[n] = '\0';
}

/* Whether a title, or a word that usually opens a sentence, follows. */
static gboolean
next_opens_sentence (const Segmenter *seg,
                     const NextWord  *next)
{
  return next->kind == NEXT_UPPER &&
         (in_any (seg->lex.starters, next->word) || in_any (seg->lex.titles, next->word));
}

/* A short phrase led by a preposition ("At 5 a.m.") is not a sentence of its own. */
static gboolean
is_fronted_phrase (const Segmenter *seg,
                   gsize            start,
                   gsize            end)
{
  char first[WORD_MAX];
  guint n = 0, words = 0;
  gboolean in_word = FALSE;
  gsize p;

  for (p = start; p < end && g_ascii_isalpha (seg->text[p]) && n + 1 < WORD_MAX; p++)
    first[n++] = g_ascii_tolower (seg->text[p]);
  first[n] = '\0';
  if (!vera_lexicon_contains (seg->lex.prepositions, first, -1))
    return FALSE;
  for (p = start; p < end && words <= 4; p++)
    {
      gboolean space = g_ascii_isspace (seg->text[p]);

      if (!space && !in_word)
        words++;
      in_word = !space;
    }
  return words <= 4;
}

typedef enum
{
  WORD_REGULAR,
  WORD_TITLE,
  WORD_ABBREVIATION,    /* a known abbreviation or one like "U.S" or "e.g" */
  WORD_INITIAL,         /* one letter */
} WordKind;

/* Classifies the token that ends at the mark at @dot. */
static WordKind
classify_word_before (const Segmenter *seg,
                      gsize            start,
                      gsize            dot,
                      gsize           *word_len)
{
  gsize p = dot;
  gsize floor = dot > start + LOOK_BACK ? dot - LOOK_BACK : start;
  char word[WORD_MAX];
  guint letters = 0, n = 0, periods = 0, segment = 0, max_segment = 0;
  gboolean only_letters = TRUE;

  /* Back to the previous space or opening mark. */
  while (p > floor)
    {
      gsize q = vera_text_char_start (seg->text, p, floor);
      gsize next;
      gunichar c = vera_text_get_char (seg->text, q, dot, &next);

      if (vera_text_is_space (c) || (is_opener (c) && c != '\''))
        break;
      p = q;
    }
  *word_len = dot - p;
  if (dot - p >= WORD_MAX)
    return WORD_REGULAR;

  for (gsize i = p; i < dot; i++)
    {
      char c = seg->text[i];

      if (c == '@' || c == '/' || c == ':')
        return WORD_REGULAR;
      if (c == '.')
        {
          periods++;
          max_segment = MAX (max_segment, segment);
          segment = 0;
        }
      else if (g_ascii_isalpha (c))
        {
          letters++;
          segment++;
        }
      else if (!((guchar) c >= 0x80))
        only_letters = FALSE;
      word[n++] = g_ascii_tolower (c);
    }
  word[n] = '\0';
  max_segment = MAX (max_segment, segment);

  if (letters == 0)
    return WORD_REGULAR;
  if (periods == 0 && in_any (seg->lex.titles, word))
    return WORD_TITLE;
  if (periods == 0 && in_any (seg->lex.abbreviations, word))
    return WORD_ABBREVIATION;
  if (only_letters && periods > 0 && max_segment <= 2)
    return WORD_ABBREVIATION;
  if (only_letters && periods == 0 && letters == 1 && n == 1)
    return WORD_INITIAL;
  return WORD_REGULAR;
}

static gboolean
has_alnum (const Segmenter *seg,
           gsize            start,
           gsize            end)
{
  for (gsize p = start; p < end;)
    {
      gsize next;
      gunichar c = vera_text_get_char (seg->text, p, end, &next);

      if (g_unichar_isalnum (c))
        return TRUE;
      p = next;
    }
  return FALSE;
}

static void
emit (Segmenter *seg,
      gsize      start,
      gsize      end,
      guint      flags)
{
  VeraTextSpan span;

  start = vera_text_skip_spaces (seg->text, start, end);
  end = vera_text_trim_end (seg->text, start, end);
  if (start >= end || !has_alnum (seg, start, end))
    return;
  span.start = start;
  span.end = end;
  span.flags = flags;
  g_array_append_val (seg->out, span);
}

/* A list marker at @pos: a bullet, "1.", "1)", "1.)", "(1)", "a." or "a)", followed by a space
 * (a bullet may also be glued to its text). A bullet may carry a number: "• 9.". */
static gboolean
parse_marker (const Segmenter *seg,
              gsize            pos,
              gsize            limit,
              Marker          *marker)
{
  gsize p = pos, next;
  gunichar c;
  guint value = 0, digits = 0;

  memset (marker, 0, sizeof *marker);
  if (pos >= limit)
    return FALSE;
  c = vera_text_get_char (seg->text, pos, limit, &next);
  switch (c)
    {
    case 0x2022: case 0x2043: case 0x25AA: case 0x25E6: case 0x2023: case 0x25CF: case 0x25CB:
    case 0x25A0: case 0x25A1: case 0x27A2: case 0x25BA: case 0x2713: case 0x00B7:
    case '-': case '*': case 0x2013: case 0x2014:
      {
        gboolean ascii = c < 0x80 || c == 0x2013 || c == 0x2014 || c == 0x00B7;
        gsize after = vera_text_skip_spaces (seg->text, next, limit);
        Marker inner;

        if (ascii && after == next)
          return FALSE;
        if (after >= limit)
          return FALSE;
        marker->kind = MARKER_BULLET;
        marker->bullet = c;
        marker->end = after;
        if (parse_marker (seg, after, limit, &inner) && inner.kind != MARKER_BULLET)
          marker->end = inner.end;
        return TRUE;
      }
    default:
      break;
    }

  if (seg->text[p] == '(')
    p++;
  while (p < limit && is_ascii_digit (seg->text[p]) && digits < 4)
    {
      value = value * 10 + (guint) (seg->text[p] - '0');
      digits++;
      p++;
    }
  if (digits == 0 && p < limit && is_ascii_lower (seg->text[p]))
    {
      marker->kind = MARKER_LETTER;
      marker->value = (guchar) seg->text[p];
      p++;
    }
  else if (digits > 0 && digits <= 3)
    {
      marker->kind = MARKER_NUMBER;
      marker->value = value;
    }
  else
    return FALSE;

  if (p < limit && seg->text[p] == '.')
    {
      marker->delim[0] = '.';
      p++;
      if (p < limit && seg->text[p] == ')')
        {
          marker->delim[1] = ')';
          p++;
        }
    }
  else if (p < limit && seg->text[p] == ')')
    {
      marker->delim[0] = ')';
      p++;
    }
  else
    return FALSE;

  /* "a." must be followed by a space; so must "1." (else "3.5"). */
  if (p >= limit || !g_ascii_isspace (seg->text[p]))
    return FALSE;
  marker->end = vera_text_skip_spaces (seg->text, p, limit);
  return marker->end < limit;
}

/* Whether @candidate continues the list that @first opened. */
static gboolean
marker_follows (const Marker *first,
                const Marker *candidate,
                guint         expected)
{
  if (first->kind != candidate->kind)
    return FALSE;
  if (first->kind == MARKER_BULLET)
    return first->bullet == candidate->bullet;
  return candidate->value == expected && strcmp (first->delim, candidate->delim) == 0;
}

/* Whether the dot at @pos lies inside an e-mail address or a web address. */
static gboolean
in_address (const Segmenter *seg,
            gsize            start,
            gsize            pos,
            gsize            limit)
{
  const char *t = seg->text;
  gsize floor = pos > start + LOOK_BACK ? pos - LOOK_BACK : start;
  gsize p = pos;

  while (p > floor && !g_ascii_isspace (t[p - 1]))
    p--;
  if (pos - p >= 3 && g_ascii_strncasecmp (t + p, "www", 3) == 0 && t[p + 3] == '.')
    return TRUE;
  for (gsize q = p; q < limit && q < pos + LOOK_BACK && !g_ascii_isspace (t[q]); q++)
    if (t[q] == '@' || t[q] == '/')
      return TRUE;
  return FALSE;
}

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

/* The word that ends just before @end (letters of any script, at most WORD_MAX - 1 bytes), or
 * an empty string. */
static void
read_word_before (const Segmenter *seg,
                  gsize            floor,
                  gsize            end,
                  char             word[WORD_MAX])
{
  gsize p = end;

  while (p > floor)
    {
      gsize q = vera_text_char_start (seg->text, p, floor);
      gsize next;

      if (!g_unichar_isalpha (vera_text_get_char (seg->text, q, end, &next)) ||
          end - q >= WORD_MAX)
        break;
      p = q;
    }
  memcpy (word, seg->text + p, end - p);
  word[end - p] = '\0';
}

/* "am 3. Mai", "zum 100. Geburtstag": a number of one to three digits with a full stop, before a
 * month name, or after a word that leads an ordinal ("am", "im", "der") and before a noun. */
static gboolean
is_ordinal (const Segmenter *seg,
            gsize            sentence_start,
            gsize            pos,
            gsize            after_marks,
            gsize            limit)
{
  const char *t = seg->text;
  gsize p = pos;
  char before[WORD_MAX];
  NextWord next;

  g_assert (pos >= sentence_start);

  while (p > sentence_start && is_ascii_digit (t[p - 1]) && pos - p <= 3)
    p--;
  if (p == pos || pos - p > 3 || (p > sentence_start && !g_ascii_isspace (t[p - 1])))
    return FALSE;
  if (after_marks >= limit || !g_ascii_isspace (t[after_marks]))
    return FALSE;
  read_next_word (seg, after_marks, limit, &next);
  if (next.kind != NEXT_UPPER)
    return FALSE;
  if (vera_lexicon_contains (seg->lex.months, next.word, -1))
    return TRUE;
  if (p == sentence_start)
    return FALSE;
  read_word_before (seg, sentence_start, vera_text_trim_end (t, sentence_start, p), before);
  return vera_lexicon_contains (seg->lex.ordinal_cues, before, -1);
}

/* "z. B.", "u. a.", "d. h.": the initial at @word_start follows a lower-case initial with its
 * full stop, so the two spell one abbreviation. */
static gboolean
continues_abbreviation (const Segmenter *seg,
                        gsize            sentence_start,
                        gsize            word_start)
{
  const char *t = seg->text;

  return word_start >= sentence_start + 3 && t[word_start - 1] == ' ' &&
         t[word_start - 2] == '.' && is_ascii_lower (t[word_start - 3]) &&
         (word_start == sentence_start + 3 || !g_ascii_isalnum (t[word_start - 4]));
}

/* Decides whether the marks that start at @pos end a sentence. Returns the end of the sentence
 * (after the marks and closing quotes) or 0; *resume is where scanning goes on. */
static gsize
decide_boundary (const Segmenter *seg,
                 gsize            sentence_start,
                 gsize            pos,
                 gsize            limit,
                 gsize           *resume)
{
  const char *t = seg->text;
  gsize p = pos, next, after_marks, end;
  gunichar c = vera_text_get_char (seg->text, pos, limit, &next);
  guint dots = 0;
  gboolean spaced = FALSE, glued_word, question = FALSE;
  NextWord word;

  /* Chinese and Japanese: the mark ends the sentence, closing brackets included. A "?" or "!"
   * after a Han character counts as the full-width mark. */
  if (is_cjk_terminal (c) ||
      ((c == '?' || c == '!') && pos > sentence_start &&
       is_han (vera_text_get_char (seg->text, vera_text_char_start (seg->text, pos, sentence_start),
                                   pos, &next))))
    {
      vera_text_get_char (seg->text, pos, limit, &next);
      p = next;
      while (p < limit)
        {
          gunichar d = vera_text_get_char (seg->text, p, limit, &next);

          /* “ and ‘ close German quotes, but after a Chinese mark they open the next one. */
          if ((!is_cjk_terminal (d) && !is_closer (d) && d != '!' && d != '?') ||
              d == 0x201C || d == 0x2018)
            break;
          p = next;
        }
      *resume = p;
      return p;
    }

  /* The run of marks, with spaced ellipses (". . .") counted as dots. */
  glued_word = pos > sentence_start && is_ascii_alnum (t[pos - 1]);
  while (p < limit)
    {
      gunichar d = vera_text_get_char (seg->text, p, limit, &next);

      if (d == '.')
        dots++;
      else if (d == 0x2026)
        dots += 3;
      else if (d == '?' || d == '!')
        question = TRUE;
      else if (d == ' ' && dots > 0 && p + 1 < limit && t[p + 1] == '.')
        spaced = TRUE;
      else
        break;
      p = next;
    }
  after_marks = p;
  *resume = after_marks;

  /* "compounds. . . . The": the first dot ends the sentence, the ellipsis opens the next. */
  if (!question && dots == 4 && spaced && glued_word)
    {
      gsize rest = after_marks;

      while (rest < limit && (is_closer (vera_text_get_char (seg->text, rest, limit, &next)) ||
                              vera_text_is_space (vera_text_get_char (seg->text, rest, limit, &next))))
        rest = next;
      if (rest < limit)
        {
          *resume = pos + 1;
          return pos + 1;
        }
      return 0;
    }
  /* A three-dot ellipsis trails off inside a sentence. */
  if (!question && dots == 3)
    return 0;

  /* German ordinals and dates: "am 3. Mai", "im 19. Jahrhundert". */
  if (!question && dots == 1 && is_ordinal (seg, sentence_start, pos, after_marks, limit))
    return 0;

  /* A dot between digits: a decimal, a version, a coordinate. */
  if (!question && dots == 1 && pos > sentence_start && is_ascii_digit (t[pos - 1]) &&
      after_marks < limit && is_ascii_digit (t[after_marks]))
    return 0;

  /* Closing quotes and brackets; an apostrophe before a letter is a possessive ("Jr.'s"). */
  end = after_marks;
  while (end < limit)
    {
      gunichar d = vera_text_get_char (seg->text, end, limit, &next);

      if (!is_closer (d))
        break;
      if ((d == '\'' || d == 0x2019) && next < limit && g_ascii_isalpha (t[next]))
        break;
      end = next;
    }
  *resume = end;
  if (end >= limit)
    return end;

  c = vera_text_get_char (seg->text, end, limit, &next);
  if (!vera_text_is_space (c))
    {
      gsize word_len;
      gunichar d;

      /* Glued sentences, "in 2025.This article": a capitalised word after a word or number. */
      if (end != after_marks || !glued_word || dots > 1)
        return 0;
      if (!g_unichar_isupper (c) || next >= limit)
        return 0;
      d = vera_text_get_char (seg->text, next, limit, &next);
      if (!g_unichar_islower (d))
        return 0;
      if (classify_word_before (seg, sentence_start, pos, &word_len) != WORD_REGULAR ||
          word_len < 2)
        return 0;
      if (in_address (seg, sentence_start, pos, limit))
        return 0;
      return end;
    }

  read_next_word (seg, end, limit, &word);
  if (word.kind == NEXT_LOWER)
    return 0;
  if (question || dots > 1)
    return end;

  {
    gsize word_len;

    switch (classify_word_before (seg, sentence_start, pos, &word_len))
      {
      case WORD_TITLE:
        return 0;
      case WORD_INITIAL:
      case WORD_ABBREVIATION:
        if (!next_opens_sentence (seg, &word) || is_fronted_phrase (seg, sentence_start, pos) ||
            continues_abbreviation (seg, sentence_start, pos - word_len))
          return 0;
        return end;
      case WORD_REGULAR:
      default:
        return end;
      }
  }
}

#define QUOTE_WINDOW 600    /* bytes: a quote that runs longer holds whole sentences */
#define SPEAKER_WINDOW 16   /* characters after a Chinese quote searched for a speech verb */

/* The quote the scan is in: „…“, »…«, “…”, «…», 「…」, 『…』 or "…". */
typedef struct
{
  gunichar close;       /* the mark that closes it; 0 outside quotes */
  gunichar close_alt;   /* „…” is seen too */
  gsize    end;         /* where the closing mark starts */
  gboolean embedded;    /* the sentence goes on after the quote: no break inside */
} Quote;

/* "」他说。", "”，李明表示": a Chinese speech verb in the few characters after a quote. */
static gboolean
speaker_follows (const Segmenter *seg,
                 gsize            pos,
                 gsize            limit)
{
  for (guint n = 0; pos < limit && n < SPEAKER_WINDOW; n++)
    {
      gsize next, skip;
      gunichar c = vera_text_get_char (seg->text, pos, limit, &next);

      if (!is_han (c))
        return FALSE;
      skip = vera_lexicon_match_prefix (seg->lex.zh_not_speech, seg->text + pos, limit - pos, NULL);
      if (skip > 0)
        {
          pos += skip;
          continue;
        }
      if (vera_lexicon_match_prefix (seg->lex.zh_speech, seg->text + pos, limit - pos, NULL) > 0)
        return TRUE;
      pos = next;
    }
  return FALSE;
}

/* Whether the sentence goes on after a quote that closes before @pos: a comma, a dash, a
 * lower-case word (", sagte sie", "” he said") or a Chinese speaker ("」他说"). */
static gboolean
goes_on_after_quote (const Segmenter *seg,
                     gsize            pos,
                     gsize            limit)
{
  gsize next;
  gunichar c;

  pos = vera_text_skip_spaces (seg->text, pos, limit);
  if (pos >= limit)
    return FALSE;
  c = vera_text_get_char (seg->text, pos, limit, &next);
  switch (c)
    {
    case ',': case ';': case ':': case '-': case 0x2013: case 0x2014:
    case 0xFF0C: case 0x3001: case 0xFF1A:
      return TRUE;
    default:
      break;
    }
  if (g_unichar_islower (c))
    return TRUE;
  return is_han (c) && speaker_follows (seg, pos, limit);
}

/* Opens a quote at @pos when the mark there opens one whose closing mark comes within
 * QUOTE_WINDOW bytes. */
static void
open_quote (const Segmenter *seg,
            gsize            block_start,
            gsize            pos,
            gsize            limit,
            Quote           *quote)
{
  const char *t = seg->text;
  gsize next, window;
  gunichar c = vera_text_get_char (t, pos, limit, &next);
  gunichar close, close_alt;

  g_assert (quote->close == 0);

  switch (c)
    {
    case 0x201E: close = 0x201C; close_alt = 0x201D; break;
    case 0x201C: close = 0x201D; close_alt = 0x201D; break;
    case 0x00AB: close = 0x00BB; close_alt = 0x00BB; break;
    case 0x00BB: close = 0x00AB; close_alt = 0x00AB; break;
    case 0x300C: close = 0x300D; close_alt = 0x300D; break;
    case 0x300E: close = 0x300F; close_alt = 0x300F; break;
    case '"':
      /* A straight quote opens after a space and before a word. */
      if ((pos > block_start && !g_ascii_isspace (t[pos - 1]) && t[pos - 1] != '(') ||
          next >= limit || g_ascii_isspace (t[next]))
        return;
      close = close_alt = '"';
      break;
    default:
      return;
    }
  window = MIN (limit, next + QUOTE_WINDOW);
  for (gsize p = next; p < window;)
    {
      gsize after;
      gunichar d = vera_text_get_char (t, p, window, &after);

      if (d == close || d == close_alt)
        {
          quote->close = close;
          quote->close_alt = close_alt;
          quote->end = p;
          /* Further closing marks: „…«Zitat»…“ */
          while (after < limit && is_closer (vera_text_get_char (t, after, limit, &next)))
            after = next;
          quote->embedded = goes_on_after_quote (seg, after, limit);
          return;
        }
      p = after;
    }
}

/* Splits one block of text (lines already joined, no skipped text inside) into sentences. */
static void
segment_block (Segmenter *seg,
               gsize      start,
               gsize      limit,
               gboolean   heading_candidate)
{
  const char *t = seg->text;
  Marker first, candidate;
  gboolean listed;
  guint expected = 0;
  guint flags = VERA_SPAN_NONE;
  guint before = seg->out->len;
  gsize s = vera_text_skip_spaces (seg->text, start, limit);
  Quote quote = { 0, };
  gsize i;

  listed = parse_marker (seg, s, limit, &first);
  i = s;
  if (listed)
    {
      flags |= VERA_SPAN_LIST_ITEM;
      expected = first.value + 1;
      i = first.end;
    }

  while (i < limit)
    {
      guchar b = (guchar) t[i];
      gsize resume, end;

      if (quote.close != 0 && i > quote.end)
        quote.close = 0;
      if (quote.close == 0 && (b == '"' || b == 0xC2 || b == 0xE2 || b == 0xE3))
        open_quote (seg, start, i, limit, &quote);

      /* A list run inline: "1. The first item 2. The second item". */
      if (listed && i > s && g_ascii_isspace (t[i - 1]) && !g_ascii_isspace (b) &&
          parse_marker (seg, i, limit, &candidate) && marker_follows (&first, &candidate, expected))
        {
          emit (seg, s, i, flags);
          s = i;
          i = candidate.end;
          expected++;
          continue;
        }

      switch (b)
        {
        case '.': case '?': case '!':
        case 0xE2: case 0xE3: case 0xEF:
          {
            gsize next;
            gunichar c = vera_text_get_char (seg->text, i, limit, &next);

            if (!is_terminal (c))
              {
                i = next;
                break;
              }
            if (i == s)
              {
                /* Marks that open a sentence (". . . The practice") belong to it. */
                while (i < limit && (t[i] == '.' || (t[i] == ' ' && i + 1 < limit && t[i + 1] == '.')))
                  i++;
                i = MAX (i, next);
                break;
              }
            /* „Wir wachsen. Das ist sicher“, sagte sie: one sentence. */
            if (quote.close != 0 && quote.embedded && i < quote.end)
              {
                i = next;
                break;
              }
            end = decide_boundary (seg, s, i, limit, &resume);
            if (end > 0)
              {
                emit (seg, s, end, flags);
                s = vera_text_skip_spaces (seg->text, end, limit);
                if (listed && parse_marker (seg, s, limit, &candidate) &&
                    marker_follows (&first, &candidate, expected))
                  {
                    resume = MAX (resume, candidate.end);
                    expected++;
                  }
              }
            i = MAX (resume, i + 1);
          }
          break;
        default:
          i++;
          break;
        }
    }
  emit (seg, s, limit, flags);

  if (heading_candidate && !listed && seg->out->len == before + 1)
    g_array_index (seg->out, VeraTextSpan, before).flags |= VERA_SPAN_HEADING;
}

/* Whether the unit's last visible mark ends a sentence (closing quotes ignored); a colon counts,
 * since it leads into what follows rather than titling it. */
static gboolean
unit_ends_terminal (const Segmenter *seg,
                    const Unit      *unit)
{
  gsize end = unit->end;

  while (end > unit->start)
    {
      gsize p = vera_text_char_start (seg->text, end, unit->start);
      gsize next;
      gunichar c = vera_text_get_char (seg->text, p, end, &next);

      if (is_closer (c))
        {
          end = p;
          continue;
        }
      return is_terminal (c) || c == ':' || c == 0xFF1A;
    }
  return FALSE;
}

static gboolean
unit_starts_lower (const Segmenter *seg,
                   const Unit      *unit)
{
  gsize p = unit->start;

  while (p < unit->end)
    {
      gsize next;
      gunichar c = vera_text_get_char (seg->text, p, unit->end, &next);

      if (!is_opener (c))
        return g_unichar_islower (c);
      p = next;
    }
  return FALSE;
}

static void
add_unit (Segmenter *seg,
          GArray    *units,
          gsize      start,
          gsize      end,
          gboolean   hard_before,
          gboolean   first_in_line,
          gboolean   last_in_line)
{
  Unit unit = { 0, };
  Marker marker;

  unit.start = vera_text_skip_spaces (seg->text, start, end);
  unit.end = vera_text_trim_end (seg->text, unit.start, end);
  unit.blank = unit.start >= unit.end;
  unit.hard_before = hard_before;
  unit.first_in_line = first_in_line;
  unit.last_in_line = last_in_line;
  if (!unit.blank)
    {
      unit.ends_terminal = unit_ends_terminal (seg, &unit);
      unit.starts_lower = unit_starts_lower (seg, &unit);
      unit.has_marker = parse_marker (seg, unit.start, unit.end, &marker);
    }
  g_array_append_val (units, unit);
}

/* Cuts the text into units at line breaks and skipped spans. */
static GArray *
split_units (Segmenter    *seg,
             const GArray *skip)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (Unit));
  guint k = 0;
  gsize pos = 0;
  gboolean hard = FALSE, line_has_text = FALSE;

  while (pos <= seg->len)
    {
      const char *nl = memchr (seg->text + pos, '\n', seg->len - pos);
      gsize line_end = nl != NULL ? (gsize) (nl - seg->text) : seg->len;

      /* Skip spans that end before here are already passed (or overlap what was passed). */
      while (skip != NULL && k < skip->len && g_array_index (skip, VeraTextSpan, k).end <= pos)
        k++;
      /* A skipped span cuts the line; one that starts on the line break swallows it. */
      if (skip != NULL && k < skip->len &&
          (g_array_index (skip, VeraTextSpan, k).start < line_end ||
           (g_array_index (skip, VeraTextSpan, k).start == line_end && nl != NULL)))
        {
          const VeraTextSpan *span = &g_array_index (skip, VeraTextSpan, k);
          gsize cut = MAX (span->start, pos);
          gsize unit_end = cut;

          add_unit (seg, units, pos, unit_end, hard, !line_has_text, FALSE);
          if (!g_array_index (units, Unit, units->len - 1).blank)
            line_has_text = TRUE;
          pos = MIN (span->end, seg->len);
          hard = TRUE;
          k++;
          continue;
        }
      add_unit (seg, units, pos, line_end, hard, !line_has_text, TRUE);
      hard = FALSE;
      line_has_text = FALSE;
      if (nl == NULL)
        break;
      pos = line_end + 1;
    }
  return units;
}

#define WRAP_MIN_LINE 40     /* bytes: a line broken by wrapping is at least this long */
#define WRAP_MAX_LINE 120    /* bytes: longer lines are paragraphs, not wrapped text */

/* Text wrapped at a fixed width (mail, plain-text releases) breaks most of its lines inside a
 * sentence; text with a paragraph a line ends most lines with punctuation. */
static gboolean
is_hard_wrapped (const GArray *units)
{
  guint lines = 0, open = 0, long_lines = 0;

  for (guint i = 0; i < units->len; i++)
    {
      const Unit *u = &g_array_index (units, Unit, i);

      if (u->blank)
        continue;
      lines++;
      if (u->end - u->start > WRAP_MAX_LINE)
        long_lines++;
      if (!u->ends_terminal && u->end - u->start >= WRAP_MIN_LINE && i + 1 < units->len &&
          !g_array_index (units, Unit, i + 1).blank)
        open++;
    }
  return lines >= 4 && open * 2 >= lines && long_lines * 10 <= lines;
}

/* Whether the line @v carries on the sentence of the line @u before it: it starts in lower
 * case, or the text is wrapped and @u is a full line. */
static gboolean
continues (const Unit *u,
           const Unit *v,
           gboolean    wrapped)
{
  if (v == NULL || v->blank || v->hard_before || v->has_marker)
    return FALSE;
  return v->starts_lower || (wrapped && u->end - u->start >= WRAP_MIN_LINE);
}

/**
 * vera_segment_sentences:
 * @text: UTF-8 text
 * @len: its length in bytes
 * @skip: (element-type VeraTextSpan) (nullable): sorted spans (injected text) that belong to no
 *   sentence; text after one on the same line starts a new sentence
 *
 * Splits @text into sentences, each trimmed of surrounding white space. A line of its own
 * without end punctuation is flagged %VERA_SPAN_HEADING; bulleted and numbered items are flagged
 * %VERA_SPAN_LIST_ITEM. Runs in time linear in @len.
 *
 * Returns: (transfer full) (element-type VeraTextSpan): the sentences in text order.
 */
GArray *
vera_segment_sentences (const char   *text,
                        gsize         len,
                        const GArray *skip)
{
  Segmenter seg = { text, len, NULL, { { NULL, }, } };
  g_autoptr(GArray) units = NULL;
  g_autofree gboolean *chain = NULL;
  gboolean wrapped;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (skip == NULL ||
                        g_array_get_element_size ((GArray *) skip) == sizeof (VeraTextSpan), NULL);

  seg.out = vera_text_span_array_new ();
  if (len == 0)
    return seg.out;
  lexicons_init (&seg.lex);

  units = split_units (&seg, skip);
  wrapped = is_hard_wrapped (units);

  /* chain[i]: the unit, carried on by the lines after it, reaches end punctuation. */
  chain = g_new0 (gboolean, units->len + 1);
  for (guint i = units->len; i-- > 0;)
    {
      const Unit *u = &g_array_index (units, Unit, i);
      const Unit *v = i + 1 < units->len ? &g_array_index (units, Unit, i + 1) : NULL;

      chain[i] = !u->blank && (u->ends_terminal || (continues (u, v, wrapped) && chain[i + 1]));
    }

  for (guint i = 0; i < units->len;)
    {
      const Unit *u = &g_array_index (units, Unit, i);
      guint j = i;

      if (u->blank)
        {
          i++;
          continue;
        }
      while (j + 1 < units->len && !g_array_index (units, Unit, j).ends_terminal && chain[j] &&
             !g_array_index (units, Unit, j + 1).blank)
        j++;
      segment_block (&seg, u->start, g_array_index (units, Unit, j).end,
                     i == j && u->first_in_line && u->last_in_line && !u->ends_terminal);
      i = j + 1;
    }

  return seg.out;
}
