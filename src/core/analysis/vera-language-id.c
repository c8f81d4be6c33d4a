/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-language-id"

#include "config.h"

#include <string.h>

#include "vera-language-id.h"
#include "vera-lexicon.h"
#include "vera-text-span.h"

/* Language identification, small and deterministic, by design rather than a library:
 *  - the script decides most languages outright (Han, kana, Hangul, Cyrillic, Greek, …), and
 *    for Han text a list of characters written differently in Traditional and Simplified
 *    Chinese (zh/langid-variants.txt) tells zh-Hant from zh-Hans;
 *  - Latin-script text is told apart by its most common words (en/langid-words.txt,
 *    de/langid-words.txt, any/langid-words-LANG.txt), with word endings and accented letters
 *    (any/langid-suffixes.txt, any/langid-letters.txt) as weak cues. Function words are what
 *    a language cannot borrow: a German text full of English loanwords ("das Start-up-Team
 *    im Meeting") still has its der, die, das, und, mit, so it never reads as English.
 * libexttextcat's n-gram profiles need a few hundred characters to be reliable, cannot tell
 * zh-Hans from zh-Hant and add a dependency for three languages; this detector handles a
 * five-word headline, gives the same answer on every machine, and adding a language is adding
 * a data file. Every table is built once from the lexicon and is read-only afterwards (the
 * lexicon's own process-wide cache of immutable data), so any thread may call in. */

enum
{
  LATIN_EN,
  LATIN_DE,
  LATIN_FR,
  LATIN_ES,
  LATIN_IT,
  LATIN_NL,
  LATIN_PT,
  N_LATIN
};

static const char * const latin_tags[N_LATIN] = { "en", "de", "fr", "es", "it", "nl", "pt" };

typedef enum
{
  SCRIPT_LATIN,
  SCRIPT_HAN,
  SCRIPT_KANA,
  SCRIPT_HANGUL,
  SCRIPT_CYRILLIC,
  SCRIPT_GREEK,
  SCRIPT_ARABIC,
  SCRIPT_HEBREW,
  SCRIPT_DEVANAGARI,
  SCRIPT_THAI,
  SCRIPT_ARMENIAN,
  SCRIPT_GEORGIAN,
  SCRIPT_OTHER,
  N_SCRIPTS
} Script;

/* The languages a script alone names (SCRIPT_LATIN, Han and Cyrillic are decided further). */
static const char * const script_tags[N_SCRIPTS] = {
  NULL, NULL, "ja", "ko", NULL, "el", "ar", "he", "hi", "th", "hy", "ka", "und",
};

enum
{
  VARIANT_HANS = 1,
  VARIANT_HANT = 2,
};

/* Weights of the cues, for one occurrence. A known word outweighs any ending or letter. */
#define WORD_WEIGHT   1.0
#define SUFFIX_WEIGHT 0.3
#define LETTER_WEIGHT 0.2
/* A Han, kana or Hangul character carries about as much as three Latin letters. */
#define CJK_WEIGHT    3

#define WORD_BUFFER   64
#define MAX_KNOWN     16

typedef struct
{
  guint  letters[N_SCRIPTS];
  double latin[N_LATIN];
  guint  hans;
  guint  hant;
  guint  known;       /* words of the lists */
  guint  ukrainian;   /* і ї є ґ */
  guint  serbian;     /* ђ ћ џ љ њ ј */
} Counts;

typedef struct
{
  GHashTable *words;      /* lower-case word → mask of LATIN_* bits */
  GHashTable *suffixes;   /* lower-case ending → mask */
  GHashTable *letters;    /* lower-case letter (gunichar) → mask */
  GHashTable *variants;   /* Han character (gunichar) → VARIANT_* */
  gsize       max_suffix; /* bytes */
} Tables;

static guint
parse_mask (const char *value)
{
  g_auto(GStrv) tags = g_strsplit (value, " ", -1);
  guint mask = 0;

  for (guint i = 0; tags[i] != NULL; i++)
    for (guint l = 0; l < N_LATIN; l++)
      if (strcmp (tags[i], latin_tags[l]) == 0)
        mask |= 1u << l;
  return mask;
}

/* Adds every key of @lexicon to @table with @mask, or with the mask its value names. */
static void
add_keys (GHashTable        *table,
          const VeraLexicon *lexicon,
          guint              mask)
{
  g_autofree const char **keys = vera_lexicon_dup_keys (lexicon);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      guint bits = mask != 0 ? mask : parse_mask (vera_lexicon_lookup (lexicon, keys[i], -1));
      guint old = GPOINTER_TO_UINT (g_hash_table_lookup (table, keys[i]));

      g_hash_table_replace (table, g_strdup (keys[i]), GUINT_TO_POINTER (old | bits));
    }
}

static const Tables *
get_tables (void)
{
  static gsize initialised = 0;
  static Tables tables;

  if (g_once_init_enter (&initialised))
    {
      static const char * const others[] = { "fr", "es", "it", "nl", "pt" };
      const VeraLexicon *letters, *variants;
      g_autofree const char **keys = NULL;
      GHashTableIter iter;
      gpointer key;

      tables.words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      add_keys (tables.words, vera_lexicon_get (VERA_LANGUAGE_EN, "langid-words"), 1u << LATIN_EN);
      add_keys (tables.words, vera_lexicon_get (VERA_LANGUAGE_DE, "langid-words"), 1u << LATIN_DE);
      for (guint i = 0; i < G_N_ELEMENTS (others); i++)
        {
          g_autofree char *name = g_strconcat ("langid-words-", others[i], NULL);

          add_keys (tables.words, vera_lexicon_get (VERA_LANGUAGE_UND, name), 1u << (LATIN_FR + i));
        }

      tables.suffixes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      add_keys (tables.suffixes, vera_lexicon_get (VERA_LANGUAGE_UND, "langid-suffixes"), 0);
      g_hash_table_iter_init (&iter, tables.suffixes);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        tables.max_suffix = MAX (tables.max_suffix, strlen (key));

      tables.letters = g_hash_table_new (NULL, NULL);
      letters = vera_lexicon_get (VERA_LANGUAGE_UND, "langid-letters");
      keys = vera_lexicon_dup_keys (letters);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          guint mask = parse_mask (vera_lexicon_lookup (letters, keys[i], -1));

          g_hash_table_insert (tables.letters, GUINT_TO_POINTER (g_utf8_get_char (keys[i])),
                               GUINT_TO_POINTER (mask));
        }
      g_clear_pointer (&keys, g_free);

      tables.variants = g_hash_table_new (NULL, NULL);
      variants = vera_lexicon_get (VERA_LANGUAGE_ZH, "langid-variants");
      keys = vera_lexicon_dup_keys (variants);
      for (guint i = 0; keys[i] != NULL; i++)
        {
          const char *simplified = vera_lexicon_lookup (variants, keys[i], -1);

          g_hash_table_insert (tables.variants, GUINT_TO_POINTER (g_utf8_get_char (keys[i])),
                               GUINT_TO_POINTER (VARIANT_HANT));
          if (simplified != NULL && *simplified != '\0')
            g_hash_table_insert (tables.variants, GUINT_TO_POINTER (g_utf8_get_char (simplified)),
                                 GUINT_TO_POINTER (VARIANT_HANS));
        }
      g_once_init_leave (&initialised, 1);
    }
  return &tables;
}

static void
add_mask (Counts *counts,
          guint   mask,
          double  weight)
{
  guint n = (guint) __builtin_popcount (mask);

  if (n == 0)
    return;
  for (guint l = 0; l < N_LATIN; l++)
    if (mask & (1u << l))
      counts->latin[l] += weight / n;
}

/* Scores one lower-case Latin word of @n_chars characters (NUL-terminated in @word). */
static void
score_word (const Tables *tables,
            Counts       *counts,
            const char   *word,
            gsize         len,
            guint         n_chars)
{
  guint mask;

  g_assert (word[len] == '\0');

  mask = GPOINTER_TO_UINT (g_hash_table_lookup (tables->words, word));
  if (mask != 0)
    {
      add_mask (counts, mask, WORD_WEIGHT);
      counts->known++;
      return;
    }
  /* Endings are a cue for text with few known words, such as a headline; once a stretch has
   * three, they would change nothing, and are not looked up. */
  if (n_chars < 5 || counts->known >= 3)
    return;
  /* The longest known ending that leaves a stem of three characters or more. */
  for (gsize p = 0, chars = 0; p < len; p = g_utf8_next_char (word + p) - word, chars++)
    {
      if (chars < 3 || len - p > tables->max_suffix)
        continue;
      if (n_chars - chars < 2)
        break;
      mask = GPOINTER_TO_UINT (g_hash_table_lookup (tables->suffixes, word + p));
      if (mask != 0)
        {
          add_mask (counts, mask, SUFFIX_WEIGHT);
          return;
        }
    }
}

static Script
script_of (gunichar c)
{
  switch ((int) g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_LATIN: return SCRIPT_LATIN;
    case G_UNICODE_SCRIPT_HAN: return SCRIPT_HAN;
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA: return SCRIPT_KANA;
    case G_UNICODE_SCRIPT_HANGUL: return SCRIPT_HANGUL;
    case G_UNICODE_SCRIPT_CYRILLIC: return SCRIPT_CYRILLIC;
    case G_UNICODE_SCRIPT_GREEK: return SCRIPT_GREEK;
    case G_UNICODE_SCRIPT_ARABIC: return SCRIPT_ARABIC;
    case G_UNICODE_SCRIPT_HEBREW: return SCRIPT_HEBREW;
    case G_UNICODE_SCRIPT_DEVANAGARI: return SCRIPT_DEVANAGARI;
    case G_UNICODE_SCRIPT_THAI: return SCRIPT_THAI;
    case G_UNICODE_SCRIPT_ARMENIAN: return SCRIPT_ARMENIAN;
    case G_UNICODE_SCRIPT_GEORGIAN: return SCRIPT_GEORGIAN;
    default: return SCRIPT_OTHER;
    }
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

typedef struct
{
  char  buf[WORD_BUFFER + 2];
  gsize len;
  guint n_chars;
  gboolean overflow;
} Word;

static void
finish_word (const Tables *tables,
             Counts       *counts,
             Word         *word)
{
  /* Sixteen known words decide a line; the rest of a long one is not looked up. */
  if (word->len > 0 && !word->overflow && counts->known < MAX_KNOWN)
    {
      word->buf[word->len] = '\0';
      score_word (tables, counts, word->buf, word->len, word->n_chars);
    }
  word->len = 0;
  word->n_chars = 0;
  word->overflow = FALSE;
}

/* Adds the cues of [start, end) of @text to @counts, passing over the runs of @skip from index
 * *@skip_index on (kept between calls, since lines come in order). */
static void
count_range (const Tables *tables,
             const char   *text,
             gsize         start,
             gsize         end,
             const GArray *skip,
             guint        *skip_index,
             Counts       *counts)
{
  Word word = { { 0, }, 0, 0, FALSE };
  gsize pos = start;

  g_assert (start <= end);

  while (pos < end)
    {
      gsize next;
      gunichar c, lower;
      Script script;

      if (skip != NULL)
        {
          while (*skip_index < skip->len &&
                 g_array_index (skip, VeraTextSpan, *skip_index).end <= pos)
            (*skip_index)++;
          if (*skip_index < skip->len &&
              g_array_index (skip, VeraTextSpan, *skip_index).start <= pos)
            {
              finish_word (tables, counts, &word);
              pos = MIN (end, g_array_index (skip, VeraTextSpan, *skip_index).end);
              continue;
            }
        }

      /* ASCII, most of any Latin text, without Unicode tables. */
      if ((guchar) text[pos] < 0x80 && text[pos] != '\'')
        {
          char b = text[pos++];

          if (!g_ascii_isalpha (b))
            {
              finish_word (tables, counts, &word);
              continue;
            }
          counts->letters[SCRIPT_LATIN]++;
          if (word.len + 6 < WORD_BUFFER)
            word.buf[word.len++] = b | 0x20;   /* lower case, for ASCII letters */
          else
            word.overflow = TRUE;
          word.n_chars++;
          continue;
        }

      c = vera_text_get_char (text, pos, end, &next);
      if (!g_unichar_isalpha (c))
        {
          /* "l'état", "dell'anno": an elided article is a word of its own. */
          if (is_apostrophe (c) && word.len > 0 && word.len <= 8 && next < end)
            {
              gsize after;
              gunichar d = vera_text_get_char (text, next, end, &after);

              if (g_unichar_isalpha (d) && script_of (d) == SCRIPT_LATIN && !word.overflow)
                {
                  word.buf[word.len] = '\'';
                  word.buf[word.len + 1] = '\0';
                  if (g_hash_table_contains (tables->words, word.buf))
                    {
                      add_mask (counts, GPOINTER_TO_UINT (g_hash_table_lookup (tables->words,
                                                                               word.buf)),
                                WORD_WEIGHT);
                      word.len = 0;
                      word.n_chars = 0;
                    }
                }
            }
          finish_word (tables, counts, &word);
          pos = next;
          continue;
        }

      script = script_of (c);
      counts->letters[script]++;
      switch (script)
        {
        case SCRIPT_LATIN:
          lower = g_unichar_tolower (c);
          if (lower >= 0x80)
            {
              guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (tables->letters,
                                                                  GUINT_TO_POINTER (lower)));
              add_mask (counts, mask, LETTER_WEIGHT);
            }
          if (word.len + 6 < WORD_BUFFER)
            word.len += g_unichar_to_utf8 (lower, word.buf + word.len);
          else
            word.overflow = TRUE;
          word.n_chars++;
          break;
        case SCRIPT_HAN:
          finish_word (tables, counts, &word);
          switch (GPOINTER_TO_UINT (g_hash_table_lookup (tables->variants, GUINT_TO_POINTER (c))))
            {
            case VARIANT_HANS: counts->hans++; break;
            case VARIANT_HANT: counts->hant++; break;
            default: break;
            }
          break;
        case SCRIPT_CYRILLIC:
          finish_word (tables, counts, &word);
          lower = g_unichar_tolower (c);
          if (lower == 0x0456 || lower == 0x0457 || lower == 0x0454 || lower == 0x0491)
            counts->ukrainian++;
          else if (lower == 0x0452 || lower == 0x045B || lower == 0x045F || lower == 0x0459 ||
                   lower == 0x045A || lower == 0x0458)
            counts->serbian++;
          break;
        default:
          finish_word (tables, counts, &word);
          break;
        }
      pos = next;
    }
  finish_word (tables, counts, &word);
}

static void
add_counts (Counts       *to,
            const Counts *from)
{
  for (guint s = 0; s < N_SCRIPTS; s++)
    to->letters[s] += from->letters[s];
  for (guint l = 0; l < N_LATIN; l++)
    to->latin[l] += from->latin[l];
  to->hans += from->hans;
  to->hant += from->hant;
  to->known += from->known;
  to->ukrainian += from->ukrainian;
  to->serbian += from->serbian;
}

/* The letters of @counts, CJK characters weighted, for comparing stretches of text. */
static guint
weight_of (const Counts *counts)
{
  guint total = 0;

  for (guint s = 0; s < N_SCRIPTS; s++)
    total += counts->letters[s] *
             (s == SCRIPT_HAN || s == SCRIPT_KANA || s == SCRIPT_HANGUL ? CJK_WEIGHT : 1);
  return total;
}

static const char *
decide_latin (const Counts *counts,
              double       *confidence)
{
  guint best = 0;
  double second = 0;

  for (guint l = 1; l < N_LATIN; l++)
    if (counts->latin[l] > counts->latin[best])
      best = l;
  for (guint l = 0; l < N_LATIN; l++)
    if (l != best)
      second = MAX (second, counts->latin[l]);

  /* A known word at least, and more of the winner's than of any other language's. */
  if (counts->latin[best] < 0.5 || counts->latin[best] <= second * 1.1)
    {
      *confidence = 0;
      return "und";
    }
  *confidence = (counts->latin[best] - second) / counts->latin[best] *
                MIN (1.0, counts->latin[best] / 3.0);
  return latin_tags[best];
}

static const char *
decide (const Counts *counts,
        double       *confidence)
{
  guint cjk = counts->letters[SCRIPT_HAN] + counts->letters[SCRIPT_KANA] +
              counts->letters[SCRIPT_HANGUL];
  guint total = weight_of (counts);
  guint best_weight = cjk * CJK_WEIGHT;
  Script best = SCRIPT_HAN;
  double share, latin_confidence;
  const char *tag;

  *confidence = 0;
  for (guint s = 0; s < N_SCRIPTS; s++)
    if (s != SCRIPT_HAN && s != SCRIPT_KANA && s != SCRIPT_HANGUL && s != SCRIPT_OTHER &&
        counts->letters[s] > best_weight)
      {
        best = s;
        best_weight = counts->letters[s];
      }
  if (best_weight == 0)
    return "und";
  share = (double) best_weight / total;

  switch (best)
    {
    case SCRIPT_LATIN:
      tag = decide_latin (counts, &latin_confidence);
      *confidence = share * latin_confidence;
      return tag;
    case SCRIPT_HAN:
      *confidence = share * MIN (1.0, cjk / 4.0);
      if (counts->letters[SCRIPT_HANGUL] * 2 > cjk)
        return "ko";
      if (counts->letters[SCRIPT_KANA] >= 2 && counts->letters[SCRIPT_KANA] * 10 >= cjk)
        return "ja";
      if (counts->hant > counts->hans)
        return "zh-Hant";
      if (counts->hans > counts->hant)
        return "zh-Hans";
      return "zh";
    case SCRIPT_CYRILLIC:
      *confidence = share * MIN (1.0, counts->letters[best] / 8.0);
      if (counts->ukrainian > 0 && counts->ukrainian >= counts->serbian)
        return "uk";
      if (counts->serbian > 0)
        return "sr";
      return "ru";
    case SCRIPT_KANA:
    case SCRIPT_HANGUL:
    case SCRIPT_GREEK:
    case SCRIPT_ARABIC:
    case SCRIPT_HEBREW:
    case SCRIPT_DEVANAGARI:
    case SCRIPT_THAI:
    case SCRIPT_ARMENIAN:
    case SCRIPT_GEORGIAN:
    case SCRIPT_OTHER:
    case N_SCRIPTS:
    default:
      *confidence = share * MIN (1.0, counts->letters[best] / 8.0);
      return script_tags[best];
    }
}

const char *
vera_language_identify (const char *text,
                        gsize       len,
                        double     *confidence)
{
  Counts counts = { { 0, }, };
  double local_confidence;
  guint skip_index = 0;
  const char *tag;

  g_return_val_if_fail (text != NULL || len == 0, "und");

  count_range (get_tables (), text, 0, len, NULL, &skip_index, &counts);
  tag = decide (&counts, &local_confidence);
  if (confidence != NULL)
    *confidence = local_confidence;
  return tag;
}

typedef struct
{
  gsize  start;
  gsize  end;
  guint       paragraph;
  Counts      counts;
  const char *tag;         /* its own or its paragraph's language, NULL when unsure */
  double      confidence;
} Line;

static gboolean
is_blank (const Line *line)
{
  return weight_of (&line->counts) == 0;
}

/* The tag that covers the most letters among the lines that have one, and its share of all
 * letters in @confidence; NULL when no line has one. */
static const char *
dominant_of (GArray *lines,
             double *confidence)
{
  g_autoptr(GHashTable) weights = g_hash_table_new (g_str_hash, g_str_equal);
  const char *best = NULL;
  guint best_weight = 0, total = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
      guint weight = weight_of (&line->counts);
      guint sum;

      total += weight;
      if (line->tag == NULL)
        continue;
      sum = GPOINTER_TO_UINT (g_hash_table_lookup (weights, line->tag)) + weight;
      g_hash_table_insert (weights, (gpointer) line->tag, GUINT_TO_POINTER (sum));
      /* Ties go to the language seen first. */
      if (sum > best_weight)
        {
          best = line->tag;
          best_weight = sum;
        }
    }
  *confidence = total > 0 ? (double) best_weight / total : 0;
  return best;
}

static void
append_span (GArray     *spans,
             gsize       start,
             gsize       end,
             const char *tag,
             double      confidence)
{
  VeraLanguageSpan span = { start, end, tag, confidence };

  if (spans->len > 0)
    {
      VeraLanguageSpan *last = &g_array_index (spans, VeraLanguageSpan, spans->len - 1);

      if (strcmp (last->tag, tag) == 0)
        {
          last->end = end;
          last->confidence = MAX (last->confidence, confidence);
          return;
        }
    }
  g_array_append_val (spans, span);
}

GArray *
vera_language_identify_spans (const char    *text,
                              gsize          len,
                              const GArray  *skip,
                              const char   **dominant,
                              double        *confidence)
{
  const Tables *tables = get_tables ();
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  g_autoptr(GArray) paragraphs = g_array_new (FALSE, TRUE, sizeof (Counts));
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (VeraLanguageSpan));
  Counts whole = { { 0, }, };
  const char *whole_tag;
  double whole_confidence;
  guint skip_index = 0;
  guint paragraph = 0;
  gboolean in_paragraph = FALSE;
  gsize pos = 0;
  gsize pending = 0;   /* start of blank lines not yet given to a span */

  g_return_val_if_fail (text != NULL || len == 0, spans);

  while (pos < len)
    {
      const char *nl = memchr (text + pos, '\n', len - pos);
      gsize end = nl != NULL ? (gsize) (nl - text) + 1 : len;
      Line line = { pos, end, 0, { { 0, }, }, NULL, 0 };

      count_range (tables, text, pos, end, skip, &skip_index, &line.counts);
      if (is_blank (&line))
        {
          if (in_paragraph)
            paragraph++;
          in_paragraph = FALSE;
        }
      else
        {
          in_paragraph = TRUE;
          if (paragraphs->len <= paragraph)
            g_array_set_size (paragraphs, paragraph + 1);
          add_counts (&g_array_index (paragraphs, Counts, paragraph), &line.counts);
          add_counts (&whole, &line.counts);
        }
      line.paragraph = paragraph;
      g_array_append_val (lines, line);
      pos = end;
    }

  /* Each line's own language, or its paragraph's, where the evidence suffices. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (is_blank (line))
        continue;
      line->tag = decide (&line->counts, &line->confidence);
      if (line->confidence < VERA_LANGUAGE_ID_CONFIDENT || strcmp (line->tag, "und") == 0)
        line->tag = decide (&g_array_index (paragraphs, Counts, line->paragraph),
                            &line->confidence);
      if (line->confidence < VERA_LANGUAGE_ID_CONFIDENT || strcmp (line->tag, "und") == 0)
        line->tag = NULL;
    }

  /* The dominant language covers the most text among the lines that tell theirs; the whole
   * text's counts decide when none does. */
  whole_tag = dominant_of (lines, &whole_confidence);
  if (whole_tag == NULL)
    whole_tag = decide (&whole, &whole_confidence);
  if (dominant != NULL)
    *dominant = whole_tag;
  if (confidence != NULL)
    *confidence = whole_confidence;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      /* Blank lines (and lines of skipped runs only) go with the text after them. */
      if (is_blank (line))
        continue;
      if (line->tag != NULL)
        append_span (spans, pending, line->end, line->tag, line->confidence);
      else
        append_span (spans, pending, line->end, whole_tag, 0);
      pending = line->end;
    }
  if (pending < len)
    {
      if (spans->len > 0)
        g_array_index (spans, VeraLanguageSpan, spans->len - 1).end = len;
      else
        append_span (spans, 0, len, whole_tag, 0);
    }
  return spans;
}

const VeraLanguageSpan *
vera_language_spans_find (const GArray *spans,
                          gsize         pos)
{
  guint lo = 0, hi;

  g_return_val_if_fail (spans != NULL, NULL);

  hi = spans->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const VeraLanguageSpan *span = &g_array_index (spans, VeraLanguageSpan, mid);

      if (pos < span->start)
        hi = mid;
      else if (pos >= span->end)
        lo = mid + 1;
      else
        return span;
    }
  return NULL;
}

VeraLanguage
vera_language_spans_resolve (const GArray *spans,
                             gsize         pos,
                             VeraLanguage  article,
                             gboolean      given,
                             const char   *dominant)
{
  const VeraLanguageSpan *span;
  VeraLanguage language;

  g_return_val_if_fail (spans != NULL, article);
  g_return_val_if_fail (dominant != NULL, article);

  span = vera_language_spans_find (spans, pos);
  if (span == NULL || span->confidence < VERA_LANGUAGE_ID_CONFIDENT)
    return article;
  if (given && strcmp (span->tag, dominant) == 0)
    return article;
  language = vera_language_from_tag (span->tag);
  return language != VERA_LANGUAGE_UND ? language : article;
}

gboolean
vera_language_tag_is_valid (const char *tag)
{
  g_auto(GStrv) subtags = NULL;

  if (tag == NULL || *tag == '\0' || strlen (tag) > 35)
    return FALSE;
  subtags = g_strsplit (tag, "-", -1);
  for (guint i = 0; subtags[i] != NULL; i++)
    {
      gsize n = strlen (subtags[i]);

      if (n == 0 || n > 8 || (i == 0 && (n < 2 || n > 3)))
        return FALSE;
      for (gsize k = 0; k < n; k++)
        if (i == 0 ? !g_ascii_isalpha (subtags[i][k]) : !g_ascii_isalnum (subtags[i][k]))
          return FALSE;
    }
  return TRUE;
}
