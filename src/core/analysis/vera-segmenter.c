/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-segmenter"

#include "config.h"

#include <string.h>

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

/* English lexicons, lower case, sorted by bytes for bsearch(). Titles never end a sentence;
 * abbreviations end one only before a usual sentence opener. */
static const char * const titles[] = {
  "adm", "amb", "atty", "brig", "capt", "cmdr", "col", "cpt", "det", "dr", "drs", "fr", "gen",
  "gens", "gov", "hon", "insp", "lt", "maj", "messrs", "mlle", "mme", "mr", "mrs", "ms", "mt",
  "mx", "pres", "prof", "profs", "rep", "reps", "rev", "revs", "sen", "sens", "sgt", "supt",
};

static const char * const abbreviations[] = {
  "al", "approx", "apr", "apt", "ariz", "assn", "assoc", "aug", "ave", "avg", "bldg", "blvd",
  "bros", "ca", "calif", "cf", "ch", "co", "colo", "conn", "corp", "dec", "dept",
  "dist", "div", "eds", "esp", "est", "etc", "ext", "feb", "fig", "figs", "fla", "ft", 
  "govt", "hr", "hrs", "ibid", "inc", "incl", "intl", "jan", "jr", "jul", "jun",
  "kan", "ky", "lb", "lbs", "llc", "ltd", "mar", "mfg", "mgr", "mich",
  "minn", "misc", "mont", "natl", "neb", "nev", "no", "nos", "nov",
  "n°", "oct", "okla", "ore", "oz", "para", "pct", "penn", "plc", "pp", "pt", "qty",
  "rd", "ref", "refs", "resp", "sec", "sep", "sept", "sq", "sr", "st", "tbsp", "tel", "tenn",
  "tex", "thu", "thur", "thurs", "tsp", "tue", "tues", "univ", "vol", "vols", "vs", 
  "wis", "wk", "wks", "wyo", "yr", "yrs",
};

static const char * const starters[] = {
  "a", "about", "according", "after", "again", "all", "also", "although", "among", "an", "and",
  "another", "any", "are", "as", "at", "because", "before", "besides", "both", "but", "by", "can",
  "could", "currently", "despite", "did", "do", "does", "during", "each", "either", "even",
  "every", "few", "finally", "first", "following", "for", "from", "further", "furthermore", "had",
  "has", "have", "he", "her", "here", "his", "how", "however", "i", "if", "in", "indeed",
  "instead", "is", "it", "its", "last", "later", "let", "many", "may", "meanwhile", "more",
  "moreover", "most", "much", "my", "neither", "nevertheless", "next", "no", "nor", "not", "now",
  "of", "on", "once", "one", "only", "or", "other", "others", "our", "over", "overall", "perhaps",
  "please", "recently", "several", "she", "should", "similarly", "since", "so", "some", "still",
  "such", "that", "the", "their", "then", "there", "these", "they", "this", "those", "though",
  "thus", "to", "today", "together", "under", "unlike", "until", "was", "we", "were", "what",
  "when", "where", "whether", "which", "while", "who", "whose", "why", "will", "with", "within",
  "without", "would", "yes", "yesterday", "yet", "you", "your",
};

static const char * const prepositions[] = {
  "about", "after", "around", "at", "before", "by", "circa", "during", "from", "in", "near", "on",
  "past", "since", "through", "till", "until",
};

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
  char     word[WORD_MAX];  /* ASCII letters, lower-cased; empty when none */
} NextWord;

static int
compare_word (const void *key,
              const void *member)
{
  return strcmp (key, *(const char * const *) member);
}

static gboolean
lexicon_has (const char * const *lexicon,
             gsize               n,
             const char         *word)
{
  if (word[0] == '\0')
    return FALSE;
  return bsearch (word, lexicon, n, sizeof (char *), compare_word) != NULL;
}

#define LEXICON_HAS(lex, word) lexicon_has (lex, G_N_ELEMENTS (lex), word)

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
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_cjk_terminal (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61;
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

  while (pos < limit && n + 1 < WORD_MAX && g_ascii_isalpha (seg->text[pos]))
    next->word[n++] = g_ascii_tolower (seg->text[pos++]);
  next->word[n] = '\0';
}

/* Whether a title, or a word that usually opens a sentence, follows. */
static gboolean
next_opens_sentence (const NextWord *next)
{
  return next->kind == NEXT_UPPER &&
         (LEXICON_HAS (starters, next->word) || LEXICON_HAS (titles, next->word));
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
  if (!LEXICON_HAS (prepositions, first))
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
  if (periods == 0 && LEXICON_HAS (titles, word))
    return WORD_TITLE;
  if (periods == 0 && LEXICON_HAS (abbreviations, word))
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

  /* Chinese and Japanese: the mark ends the sentence, closing brackets included. */
  if (is_cjk_terminal (c))
    {
      p = next;
      while (p < limit)
        {
          gunichar d = vera_text_get_char (seg->text, p, limit, &next);

          if (!is_cjk_terminal (d) && !is_closer (d) && d != '!' && d != '?')
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
        if (!next_opens_sentence (&word) || is_fronted_phrase (seg, sentence_start, pos))
          return 0;
        return end;
      case WORD_REGULAR:
      default:
        return end;
      }
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
  Segmenter seg = { text, len, NULL };
  g_autoptr(GArray) units = NULL;
  g_autofree gboolean *chain = NULL;
  gboolean wrapped;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (skip == NULL ||
                        g_array_get_element_size ((GArray *) skip) == sizeof (VeraTextSpan), NULL);

  seg.out = vera_text_span_array_new ();
  if (len == 0)
    return seg.out;

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
