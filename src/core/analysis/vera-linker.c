/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-linker"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vera-lexicon.h"
#include "vera-linker.h"
#include "vera-people.h"
#include "vera-person.h"
#include "vera-quantities.h"
#include "vera-quantity.h"
#include "vera-tokens.h"

/* Figures are linked by what they count, in any of the three languages. Each sentence is cut
 * into pieces: words and phrases of the concept vocabulary (any/linker-concepts.txt: "VC",
 * "Risikokapital" and "风投" are all venture-capital), place names (any/linker-places.txt, one
 * id for Shanghai, 上海 and 上海市), and other words. A figure's subject is
 *   - for a count, its counted noun (concept, origin modifier, other modifiers, event);
 *   - for a unit that names what it measures (TEU), that concept;
 *   - for money, percentages and other units, the concept next to the figure in its clause,
 *     measures ("investment", "GDP") before entities ("firms"), the more specific before the
 *     general ("venture capital" before "investment"); for a share also its base ("of GDP").
 * The bucket key joins unit, rate ("per year"), change or level ("rose 5%" / "rose to 5%") and
 * subject; figures in one bucket are compared when their places and years do not tell them
 * apart:
 *   - places: two figures whose clauses name places only disagree when they share one; a
 *     figure whose clause names no place is taken to be about the article's place;
 *   - years: years are compared by their digits ("in 2024" = "im Jahr 2024" = "2024年");
 *     ranges ("since 2020") must overlap; a figure without a time scope is compared with any
 *     other (the articles of one story are about one time unless they say otherwise); a relative
 *     scope ("last year", "去年") is compared only with the same relative scope, never with a
 *     year, since the articles may have been written in different years.
 * Values agree when the ranges they stand for overlap: their written precision (half a unit of
 * the last significant digit), the qualifier ("more than X": X up to 2X; "up to X": X/2 to X;
 * "nearly X": 0.9X to X; "about X": ±10%) and the linker's tolerance. Currencies are never
 * converted: different units never meet.
 * Dates of events ("opened on 3 May 2021", "2021年5月3日开业") are found by the claim itself,
 * conservatively: an event that happens once to its subject (any/linker-events.txt: open,
 * found, close, complete, list, die), a date at most three words from it, the nearest concept
 * or name before them as the subject, and the words between event and date as part of it.
 * Dates agree when their spans overlap (May 2021 holds 3 May 2021). People are linked by name,
 * written identically (no transliteration across scripts), with their roles compared through
 * any/linker-roles.txt (CEO = Vorstandschef = 首席执行官), else through their role words.
 * All of it is hashing, never a comparison of every pair of claims. */

#define MAX_PHRASE_WORDS 5

typedef enum
{
  PIECE_WORD,
  PIECE_CONCEPT,
  PIECE_PLACE,
  PIECE_PUNCT,
} PieceKind;

/* A word, a phrase of a lexicon, or a punctuation mark; byte offsets into the scanned text. */
typedef struct
{
  gsize       start;
  gsize       end;
  PieceKind   kind;
  const char *value;   /* the lexicon's value for CONCEPT and PLACE */
  gunichar    ch;      /* PUNCT */
} Piece;

/* A parsed concept value, "m:venture-capital<investment+return". */
typedef struct
{
  char kind;           /* 'm' measure, 'e' entity, 'q' origin modifier, 'f' filler */
  char id[48];
  char parent[48];
  char event[24];
} Concept;

typedef enum
{
  QUALIFIER_EXACT,
  QUALIFIER_LOWER,
  QUALIFIER_UPPER,
  QUALIFIER_BELOW,
  QUALIFIER_ABOUT,
} Qualifier;

/* One figure, date or person's role, as the linker keeps it. The strings live in the linker's
 * string chunk (shared ones interned): a project of 10,000 articles holds hundreds of thousands
 * of entries. */
typedef struct
{
  const char *article_id;
  const char *claim_id;
  const char *text;
  const char *noun;     /* figures: the counted noun or the topic; persons: role words */
  const char *unit;     /* figures: the unit; persons: the role's capitalised words */
  const char *places;   /* sorted place ids, '\n'-separated, "" when none */
  const char *relative; /* a relative scope, case-folded ("last year"), or NULL */
  const char *roles;    /* persons: role ids of any/linker-roles.txt, '\n'-separated */
  double      value;
  double      value_to;
  double      day_from; /* dates: Julian days */
  double      day_to;
  int         year_from;   /* G_MININT when open */
  int         year_to;     /* G_MAXINT when open */
  Qualifier   qualifier;
  gboolean    is_date;
} Entry;

typedef struct
{
  VeraConflictKind  kind;
  char             *key;
  char             *topic;
  GArray           *entries;  /* Entry */
} Bucket;

struct _VeraLinker
{
  double        tolerance;
  GHashTable   *index;    /* key → Bucket, owned by buckets */
  GPtrArray    *buckets;  /* Bucket, in order of first sight */
  GStringChunk *strings;
};

static const VeraLexicon *
lexicon (const char *name)
{
  return vera_lexicon_get (VERA_LANGUAGE_UND, name);
}

static void
bucket_free (Bucket *b)
{
  g_free (b->key);
  g_free (b->topic);
  g_array_unref (b->entries);
  g_free (b);
}

VeraLinker *
vera_linker_new (void)
{
  VeraLinker *self = g_new0 (VeraLinker, 1);

  self->tolerance = 0.01;
  self->index = g_hash_table_new (g_str_hash, g_str_equal);
  self->buckets = g_ptr_array_new_with_free_func ((GDestroyNotify) bucket_free);
  self->strings = g_string_chunk_new (64 * 1024);
  return self;
}

void
vera_linker_free (VeraLinker *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->index);
  g_ptr_array_unref (self->buckets);
  g_string_chunk_free (self->strings);
  g_free (self);
}

void
vera_linker_set_tolerance (VeraLinker *self,
                           double      tolerance)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (tolerance >= 0);
  self->tolerance = tolerance;
}

void
vera_link_conflict_free (VeraLinkConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->topic);
  g_free (conflict->key);
  g_ptr_array_unref (conflict->members);
  g_free (conflict);
}

static void
link_member_free (VeraLinkMember *m)
{
  g_free (m->article_id);
  g_free (m->claim_id);
  g_free (m->text);
  g_free (m->unit);
  g_free (m);
}

/* Lower-cases and strips a plural or a possessive: "laboratories" → "laboratory". */
static char *
stem (const char *word,
      gsize       len)
{
  char *w = g_utf8_strdown (word, len);
  gsize n = strlen (w);

  if (n > 2 && (g_str_has_suffix (w, "'s") || g_str_has_suffix (w, "s'")))
    w[n -= 2] = '\0';
  else if (n > 4 && g_str_has_suffix (w, "\xe2\x80\x99s"))
    w[n -= 4] = '\0';
  if (g_str_equal (w, "people"))
    return w;
  /* One spelling for British and American English: "centre(s)" → "center(s)". */
  if (n > 4 && g_str_has_suffix (w, "tre"))
    {
      w[n - 2] = 'e';
      w[n - 1] = 'r';
    }
  else if (n > 5 && g_str_has_suffix (w, "tres"))
    {
      w[n - 3] = 'e';
      w[n - 2] = 'r';
    }
  if (n > 4 && g_str_has_suffix (w, "ies"))
    {
      w[n - 3] = 'y';
      w[n - 2] = '\0';
    }
  else if (n > 4 && (g_str_has_suffix (w, "ches") || g_str_has_suffix (w, "shes") ||
                     g_str_has_suffix (w, "sses") || g_str_has_suffix (w, "xes") ||
                     (g_str_has_suffix (w, "uses") && strchr ("aeiou", w[n - 5]) == NULL)))
    w[n - 2] = '\0';  /* "buses" → "bus", but "houses" → "house" */
  else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i')
    w[n - 1] = '\0';
  return w;
}

/* Whether stem() could change the word beyond lower-casing it (it ends in s or -tre). */
static inline gboolean
may_stem (const char *word,
          gsize       len)
{
  char last = g_ascii_tolower (word[len - 1]);

  return last == 's' || (len >= 3 && last == 'e' && g_ascii_tolower (word[len - 2]) == 'r' &&
                         g_ascii_tolower (word[len - 3]) == 't');
}

static void
parse_concept (const char *value,
               Concept    *c)
{
  const char *p;
  gsize n;

  g_assert (value != NULL);
  g_assert (c != NULL);

  memset (c, 0, sizeof *c);
  c->kind = value[0];
  p = value[0] != '\0' && value[1] == ':' ? value + 2 : value;
  n = strcspn (p, "<+");
  g_strlcpy (c->id, p, MIN (n + 1, sizeof c->id));
  p += n;
  if (*p == '<')
    {
      p++;
      n = strcspn (p, "+");
      g_strlcpy (c->parent, p, MIN (n + 1, sizeof c->parent));
      p += n;
    }
  if (*p == '+')
    g_strlcpy (c->event, p + 1, sizeof c->event);
}

static inline gboolean
is_han (gunichar c)
{
  /* Nothing below the CJK radicals is Han: most text never asks GLib's script table. */
  return c >= 0x2E80 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return c == '&' || g_ascii_isalnum (c);
  return g_unichar_isalnum (c) && !is_han (c);
}

/* Place names written in Latin letters are proper nouns: "Us" and "us" are not the US. */
static gboolean
place_written_as_name (const char *text,
                       gsize       len)
{
  gunichar first = g_utf8_get_char (text);

  if (is_han (first))
    return TRUE;
  if (!g_unichar_isupper (first))
    return FALSE;
  if (g_utf8_strlen (text, len) <= 3)
    for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
      if (g_unichar_isalpha (g_utf8_get_char (p)) && !g_unichar_isupper (g_utf8_get_char (p)))
        return FALSE;
  return TRUE;
}

/* The lexicons a scan looks words up in, in order of preference; a place lexicon only takes
 * words written as names. */
typedef struct
{
  const VeraLexicon *lexicons[3];
  PieceKind          kinds[3];
  guint              n;
  gboolean           compounds;  /* split German compounds ("Risikokapitalinvestitionen") */
  guint              max_words;  /* the longest phrase of the lexicons, in words */
} Scanner;

static gboolean
scanner_lookup (const Scanner *sc,
                const char    *text,
                gsize          len,
                Piece         *piece)
{
  for (guint l = 0; l < sc->n; l++)
    {
      const char *value = vera_lexicon_lookup (sc->lexicons[l], text, len);

      if (value == NULL || (sc->kinds[l] == PIECE_PLACE && !place_written_as_name (text, len)))
        continue;
      piece->kind = sc->kinds[l];
      piece->value = value;
      return TRUE;
    }
  return FALSE;
}

/* Cuts @text into pieces: the longest phrase of a lexicon at each word (Latin script) or
 * character (Han, which has no spaces), else the word or character itself. */
static GArray *
scan (const Scanner *sc,
      const char    *text,
      gsize          len)
{
  GArray *pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  const char *end = text + len;
  const char *p = text;

  g_assert (sc != NULL);
  g_assert (text != NULL || len == 0);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;
      Piece piece = { 0, };

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      next = g_utf8_next_char (p);
      if (g_unichar_isspace (c))
        {
          p = next;
          continue;
        }
      piece.start = p - text;
      if (is_han (c))
        {
          gsize best = 0;

          for (guint l = 0; l < sc->n; l++)
            {
              const char *value = NULL;
              gsize n = vera_lexicon_match_prefix (sc->lexicons[l], p, end - p, &value);

              if (n > best)
                {
                  best = n;
                  piece.kind = sc->kinds[l];
                  piece.value = value;
                }
            }
          if (best == 0)
            {
              piece.kind = PIECE_WORD;
              best = next - p;
            }
          piece.end = piece.start + best;
          g_array_append_val (pieces, piece);
          p += best;
          continue;
        }
      if (is_word_char (c))
        {
          const char *word_end[MAX_PHRASE_WORDS];
          const char *q = p;
          guint n = 0;
          gboolean found = FALSE;

          /* The words of a phrase are joined by one space or one hyphen. */
          while (n < sc->max_words)
            {
              while (q < end && is_word_char (g_utf8_get_char (q)))
                q = g_utf8_next_char (q);
              word_end[n++] = q;
              if (q + 1 < end && (*q == ' ' || *q == '-') && is_word_char (g_utf8_get_char (q + 1)))
                q++;
              else
                break;
            }
          /* Longer phrases only where a lexicon has one that starts with this word. */
          if (n > 1)
            {
              gboolean starts = FALSE;

              for (guint l = 0; l < sc->n && !starts; l++)
                starts = vera_lexicon_may_start_phrase (sc->lexicons[l], p, word_end[0] - p);
              if (!starts)
                n = 1;
            }
          for (guint j = n; j > 0 && !found; j--)
            if (scanner_lookup (sc, p, word_end[j - 1] - p, &piece))
              {
                piece.end = word_end[j - 1] - text;
                found = TRUE;
              }
          if (!found && word_end[0] - p > 3 && may_stem (p, word_end[0] - p))
            {
              /* A plural the vocabulary lists in the singular only ("laboratories"). */
              g_autofree char *s = stem (p, word_end[0] - p);

              if (scanner_lookup (sc, s, -1, &piece))
                {
                  piece.end = word_end[0] - text;
                  found = TRUE;
                }
            }
          if (!found && sc->compounds && word_end[0] - p >= 8)
            {
              const char *value = NULL;
              gsize wl = word_end[0] - p;
              gsize head = vera_lexicon_match_prefix (sc->lexicons[0], p, wl, &value);
              gsize tail;
              const char *tail_value = NULL;

              if (head >= 5 && head < wl)
                {
                  piece.kind = sc->kinds[0];
                  piece.value = value;
                  piece.end = word_end[0] - text;
                  g_array_append_val (pieces, piece);
                  found = TRUE;
                }
              tail = vera_lexicon_match_suffix (sc->lexicons[0], p, wl, &tail_value);
              if (tail >= 5 && tail < wl)
                {
                  piece.kind = sc->kinds[0];
                  piece.value = tail_value;
                  piece.end = word_end[0] - text;
                  g_array_append_val (pieces, piece);
                  found = TRUE;
                }
              if (found)
                {
                  p = word_end[0];
                  continue;
                }
            }
          if (!found)
            {
              piece.kind = PIECE_WORD;
              piece.end = word_end[0] - text;
            }
          g_array_append_val (pieces, piece);
          p = text + piece.end;
          continue;
        }
      /* A hyphen inside a word ("Shanghai-based") joins, it does not end a clause. */
      if (c == '-' && p > text && next < end && is_word_char (g_utf8_get_char (g_utf8_prev_char (p))) &&
          is_word_char (g_utf8_get_char (next)))
        {
          p = next;
          continue;
        }
      piece.kind = PIECE_PUNCT;
      piece.ch = c;
      piece.end = next - text;
      g_array_append_val (pieces, piece);
      p = next;
    }
  return pieces;
}

static void
scanner_init (Scanner      *sc,
              VeraLanguage  language,
              const char   *name,
              gboolean      places)
{
  sc->n = 0;
  sc->lexicons[sc->n] = lexicon (name);
  sc->kinds[sc->n++] = PIECE_CONCEPT;
  if (places)
    {
      sc->lexicons[sc->n] = lexicon ("linker-places");
      sc->kinds[sc->n++] = PIECE_PLACE;
    }
  sc->compounds = language == VERA_LANGUAGE_DE;
  sc->max_words = 1;
  for (guint l = 0; l < sc->n; l++)
    sc->max_words = MAX (sc->max_words, vera_lexicon_get_max_words (sc->lexicons[l]));
  /* Phrases are joined by hyphens too ("start-ups", "year-on-year"). */
  sc->max_words = MIN (sc->max_words + 2, MAX_PHRASE_WORDS);
}

static GArray *
scan_with (const char   *name,
           VeraLanguage  language,
           const char   *text,
           gsize         len)
{
  Scanner sc;

  scanner_init (&sc, language, name, FALSE);
  return scan (&sc, text, len);
}

static gboolean
piece_is (const char  *text,
          const Piece *p,
          const char  *word)
{
  return p->kind == PIECE_WORD && vera_word_equal (text + p->start, p->end - p->start, word);
}

static gboolean
piece_ends_clause (const Piece *p)
{
  static const gunichar breaks[] = {
    ',', ';', ':', '(', ')', '[', ']', '-', '!', '?', '.', 0x2013, 0x2014, 0xFF0C, 0xFF1B,
    0xFF1A, 0x3001, 0x3002, 0xFF01, 0xFF1F, 0xFF08, 0xFF09,
  };

  if (p->kind != PIECE_PUNCT)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (breaks); i++)
    if (p->ch == breaks[i])
      return TRUE;
  return FALSE;
}

/* ---- Subjects ---------------------------------------------------------------------------- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
add_unique (GPtrArray  *words,
            const char *word)
{
  if (!g_ptr_array_find_with_equal_func (words, word, g_str_equal, NULL))
    g_ptr_array_add (words, g_strdup (word));
}

/* The key of a noun phrase given as pieces [@from, @to) of @text: its modifiers sorted, then
 * its head (a concept id or the stemmed word), then "+event". NULL when it has no head. */
static char *
phrase_key (const char   *text,
            const GArray *pieces,
            guint         from,
            guint         to,
            const char   *event)
{
  g_autoptr(GPtrArray) mods = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  gboolean foreign = FALSE;
  Concept head_concept = { 0, };
  guint h = to;
  GString *key;

  /* The head is the last piece that is neither punctuation, decoration nor a place. */
  for (guint i = to; i > from; i--)
    {
      const Piece *p = &g_array_index (pieces, Piece, i - 1);
      Concept c;

      if (p->kind == PIECE_PUNCT || p->kind == PIECE_PLACE)
        continue;
      if (p->kind == PIECE_CONCEPT)
        {
          parse_concept (p->value, &c);
          if (c.kind == 'f' || c.kind == 'q')
            continue;
          head_concept = c;
          head = g_strdup (c.id);
        }
      else
        head = stem (text + p->start, p->end - p->start);
      h = i - 1;
      break;
    }
  if (head == NULL)
    return NULL;

  for (guint i = from; i < h; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);
      Concept c;

      if (p->kind == PIECE_PUNCT || p->kind == PIECE_PLACE)
        continue;
      if (p->kind == PIECE_CONCEPT)
        {
          parse_concept (p->value, &c);
          if (c.kind == 'q')
            foreign = TRUE;
          else if (c.kind != 'f')
            add_unique (mods, c.id);
          continue;
        }
      {
        g_autofree char *w = stem (text + p->start, p->end - p->start);

        /* "national-level" is "national"; a lone hyphen-joined "level" or "based" says
         * nothing. */
        if (g_str_equal (w, "level") || g_str_equal (w, "based") || g_str_equal (w, "'") ||
            vera_lexicon_contains (lexicon ("linker-function-words"), w, -1))
          continue;
        add_unique (mods, w);
      }
    }
  if (foreign)
    add_unique (mods, "foreign");
  g_ptr_array_sort (mods, compare_strings);

  key = g_string_new (NULL);
  for (guint i = 0; i < mods->len; i++)
    g_string_append_printf (key, "%s ", (const char *) mods->pdata[i]);
  /* An entity named by its origin takes its parent: foreign workers are foreign talent. */
  g_string_append (key, foreign && head_concept.kind == 'e' && head_concept.parent[0] != '\0' ?
                        head_concept.parent : head);
  if (head_concept.event[0] != '\0')
    event = head_concept.event;
  if (event != NULL)
    g_string_append_printf (key, " +%s", event);
  return g_string_free (key, FALSE);
}

static GArray *
scan_noun (const char   *noun,
           VeraLanguage  language)
{
  Scanner sc;

  scanner_init (&sc, language, "linker-concepts", TRUE);
  return scan (&sc, noun, strlen (noun));
}

char *
vera_linker_subject_key (const char *noun,
                         const char *event)
{
  g_autoptr(GArray) pieces = NULL;

  g_return_val_if_fail (noun != NULL, NULL);

  pieces = scan_noun (noun, VERA_LANGUAGE_UND);
  return phrase_key (noun, pieces, 0, pieces->len, event);
}

/* The verb right after the counted noun, when it is a past participle or past tense that says
 * what the counted things did ("professionals returned"). English only. */
static char *
event_after (const char   *text,
             const GArray *tokens,
             guint         i)
{
  const VeraToken *t;
  gsize n;

  if (i >= tokens->len)
    return NULL;
  t = vera_tokens_get (tokens, i);
  n = t->end - t->start;
  if (t->kind != VERA_TOKEN_WORD || n < 5 ||
      vera_lexicon_contains (lexicon ("linker-event-exceptions"), text + t->start, n))
    return NULL;
  /* A participle restricts the set: "universities ranking in the top 100" are not all
   * universities. */
  if (vera_token_has_suffix (text, t, "ing"))
    return g_ascii_strdown (text + t->start, n - 3);
  if (!vera_token_has_suffix (text, t, "ed"))
    return NULL;
  if (i + 1 < tokens->len && vera_token_is (text, vera_tokens_get (tokens, i + 1), "by"))
    return NULL;  /* "firms backed by …" describes them */
  return g_ascii_strdown (text + t->start, vera_token_has_suffix (text, t, "ied") ? n - 3 :
                                           n - 2);
}

/* The clause of one figure: the pieces before it (back to the previous figure) and after it
 * (up to the end of the clause or the next figure). */
typedef struct
{
  guint before_from;
  guint before_to;    /* exclusive: the first piece of the figure or after it */
  guint after_from;
  guint after_to;
} Window;

/* Whether concept @a is an ancestor of @b among the found ones (b is more specific). */
static gboolean
is_parent_of (const Concept *a,
              const Concept *b)
{
  return b->parent[0] != '\0' && g_str_equal (a->id, b->parent);
}

/* The piece of the concept a figure measures: measures before entities, the more specific
 * before its parent, then the nearest to the figure (before it on a tie). Entities after the
 * figure count only in an "of/for/in" phrase ("$5 billion for startups"). G_MAXUINT if none. */
static guint
choose_concept (const char   *text,
                const GArray *pieces,
                const Window *w,
                gboolean      measures_only)
{
  guint best = G_MAXUINT;
  guint best_distance = G_MAXUINT;
  Concept best_c = { 0, };

  for (guint pass = 0; pass < 2 && best == G_MAXUINT; pass++)
    {
      gboolean want_measure = pass == 0;

      if (!want_measure && measures_only)
        break;
      for (guint i = w->before_from; i < w->after_to; i++)
        {
          const Piece *p = &g_array_index (pieces, Piece, i);
          guint distance;
          Concept c;

          if (i >= w->before_to && i < w->after_from)
            continue;
          if (p->kind != PIECE_CONCEPT)
            continue;
          parse_concept (p->value, &c);
          if (c.kind != (want_measure ? 'm' : 'e') || g_str_equal (c.id, "person"))
            continue;
          if (i < w->before_to)
            distance = 2 * (w->before_to - i);
          else
            {
              if (!want_measure && !(w->after_from < pieces->len &&
                                     (piece_is (text, &g_array_index (pieces, Piece, w->after_from), "for") ||
                                      piece_is (text, &g_array_index (pieces, Piece, w->after_from), "of") ||
                                      piece_is (text, &g_array_index (pieces, Piece, w->after_from), "in"))))
                continue;
              distance = 2 * (i - w->after_from + 1) + 1;
            }
          if (best != G_MAXUINT && is_parent_of (&c, &best_c))
            continue;
          if (best == G_MAXUINT || is_parent_of (&best_c, &c) || distance < best_distance)
            {
              best = i;
              best_distance = distance;
              best_c = c;
            }
        }
    }
  return best;
}

/* The subject key of a concept piece, with an origin modifier right before it. */
static char *
concept_key (const GArray *pieces,
             guint         i)
{
  const Piece *p = &g_array_index (pieces, Piece, i);
  Concept c, q;

  parse_concept (p->value, &c);
  if (i > 0)
    {
      const Piece *prev = &g_array_index (pieces, Piece, i - 1);

      if (prev->kind == PIECE_CONCEPT)
        {
          parse_concept (prev->value, &q);
          if (q.kind == 'q')
            return g_strdup_printf ("foreign %s", c.kind == 'e' && c.parent[0] != '\0' ? c.parent : c.id);
        }
    }
  return g_strdup (c.id);
}

/* A share's base: "30% of GDP", "30 Prozent des BIP", "占GDP的30%". */
static char *
share_base (const char   *text,
            const GArray *pieces,
            const Window *w,
            guint        *main_to)
{
  *main_to = w->before_to;
  if (w->after_from < w->after_to)
    {
      const Piece *first = &g_array_index (pieces, Piece, w->after_from);

      if (piece_is (text, first, "of") || piece_is (text, first, "des") ||
          piece_is (text, first, "der") || piece_is (text, first, "am"))
        {
          Window base = { 0, 0, w->after_from + 1, w->after_to };
          guint c = choose_concept (text, pieces, &base, FALSE);

          if (c != G_MAXUINT)
            return concept_key (pieces, c);
          /* English phrases the vocabulary lacks: "35% of China's chip output". */
          {
            guint k = w->after_from + 1, stop;

            while (k < w->after_to && (piece_is (text, &g_array_index (pieces, Piece, k), "the") ||
                                       piece_is (text, &g_array_index (pieces, Piece, k), "all")))
              k++;
            for (stop = k; stop < w->after_to && stop < k + 5; stop++)
              {
                const Piece *p = &g_array_index (pieces, Piece, stop);

                if (p->kind == PIECE_PUNCT ||
                    (p->kind == PIECE_WORD &&
                     vera_lexicon_contains (lexicon ("linker-function-words"), text + p->start,
                                            p->end - p->start)))
                  break;
              }
            if (stop > k)
              return phrase_key (text, pieces, k, stop, NULL);
          }
        }
    }
  /* Chinese: 占 + base + 的 before the figure. */
  for (guint i = w->before_to; i > w->before_from; i--)
    {
      const Piece *p = &g_array_index (pieces, Piece, i - 1);

      if (p->kind == PIECE_WORD && p->end - p->start == 3 && memcmp (text + p->start, "占", 3) == 0)
        {
          Window base = { i, w->before_to, w->before_to, w->before_to };
          guint c = choose_concept (text, pieces, &base, FALSE);

          if (c == G_MAXUINT)
            return NULL;
          *main_to = i - 1;
          return concept_key (pieces, c);
        }
    }
  return NULL;
}

/* ---- Scope, rate, change ----------------------------------------------------------------- */

/* The rate a text states ("annually", "pro Jahr", "每年"), or NULL. */
static const char *
rate_in (const char   *text,
         gsize         len,
         VeraLanguage  language)
{
  g_autoptr(GArray) pieces = NULL;

  if (text == NULL || len == 0)
    return NULL;
  pieces = scan_with ("linker-rates", language, text, len);
  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);

      if (p->kind == PIECE_CONCEPT)
        return p->value;
    }
  return NULL;
}

/* "change" when the words before the figure make it a change ("rose 5%", "增长12.5%"),
 * "level" otherwise ("rose to 5%", "stieg auf", "增至"). */
static const char *
trend_of (const char   *text,
          gsize         from,
          gsize         to,
          const char   *scope,
          VeraLanguage  language)
{
  g_autoptr(GArray) pieces = NULL;
  guint words = 0;

  if (scope != NULL)
    {
      g_autoptr(GArray) sp = scan_with ("linker-trend", language, scope, strlen (scope));

      for (guint i = 0; i < sp->len; i++)
        if (g_array_index (sp, Piece, i).kind == PIECE_CONCEPT &&
            g_str_equal (g_array_index (sp, Piece, i).value, "change"))
          return "change";
    }
  if (to <= from)
    return "level";
  pieces = scan_with ("linker-trend", language, text + from, to - from);
  for (guint i = pieces->len; i > 0 && words < 5; i--)
    {
      const Piece *p = &g_array_index (pieces, Piece, i - 1);

      if (p->kind == PIECE_PUNCT)
        {
          if (piece_ends_clause (p))
            break;
          continue;
        }
      if (p->kind == PIECE_CONCEPT)
        return words == 0 ? p->value : (g_str_equal (p->value, "change") ? "change" : "level");
      words++;
    }
  return "level";
}

/* The years a scope covers: "in 2024" → 2024–2024, "since 2020" / "seit 2020" / "2020年以来"
 * → 2020–, "by 2030" / "bis 2030" / "到2030年" → –2030. FALSE when it names no year. */
static gboolean
years_of (const char *scope,
          int        *from,
          int        *to)
{
  g_autofree char *low = NULL;
  int years[2] = { 0, 0 };
  guint n = 0;

  *from = G_MININT;
  *to = G_MAXINT;
  if (scope == NULL)
    return FALSE;
  low = g_utf8_strdown (scope, -1);
  for (const char *p = low; *p != '\0' && n < 2; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) && (p == low || !g_ascii_isdigit (p[-1])))
      {
        years[n++] = atoi (p);
        p += 3;
      }
  if (n == 0)
    return FALSE;
  if (g_str_has_prefix (low, "since") || g_str_has_prefix (low, "after") ||
      g_str_has_prefix (low, "seit") || g_str_has_prefix (low, "nach") ||
      g_str_has_prefix (low, "自") || strstr (low, "以来") != NULL || strstr (low, "以后") != NULL)
    *from = years[0];
  else if (g_str_has_prefix (low, "by") || g_str_has_prefix (low, "until") ||
           g_str_has_prefix (low, "till") || g_str_has_prefix (low, "before") ||
           g_str_has_prefix (low, "bis") || g_str_has_prefix (low, "vor") ||
           g_str_has_prefix (low, "到") || g_str_has_prefix (low, "至") ||
           strstr (low, "以前") != NULL || strstr (low, "之前") != NULL)
    *to = years[0];
  else
    {
      *from = years[0];
      *to = n == 2 ? years[1] : years[0];
    }
  return TRUE;
}

/* A year written in the clause when the figure has no scope: a four-digit number from 1900 to
 * 2099 on its own ("In 2024, …", "2024年"). */
static int
year_in_window (const char   *text,
                const GArray *pieces,
                const Window *w)
{
  for (guint i = w->before_from; i < w->after_to; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);
      int y;

      if (i >= w->before_to && i < w->after_from)
        continue;
      if (p->kind != PIECE_WORD || p->end - p->start != 4 || !g_ascii_isdigit (text[p->start]))
        continue;
      y = atoi (text + p->start);
      if (y >= 1900 && y <= 2099 && g_ascii_isdigit (text[p->start + 3]) &&
          !(i + 1 < pieces->len && g_array_index (pieces, Piece, i + 1).kind == PIECE_PUNCT &&
            (g_array_index (pieces, Piece, i + 1).ch == '.' ||
             g_array_index (pieces, Piece, i + 1).ch == ',') &&
            p->end == g_array_index (pieces, Piece, i + 1).start &&
            i + 2 < pieces->len && g_array_index (pieces, Piece, i + 2).start ==
                                   g_array_index (pieces, Piece, i + 1).end))
        return y;
    }
  return 0;
}

/* The qualifier written right before a figure when the grammar gave none ("rund 6 Milliarden",
 * "约480亿"): the last qualifier phrase of @text, when nothing but spaces follows it. */
static const char *
qualifier_before (const char   *text,
                  gsize         len,
                  VeraLanguage  language)
{
  g_autoptr(GArray) pieces = NULL;
  const Piece *last;

  if (len == 0)
    return NULL;
  pieces = scan_with ("linker-qualifiers", language, text, len);
  if (pieces->len == 0)
    return NULL;
  last = &g_array_index (pieces, Piece, pieces->len - 1);
  return last->kind == PIECE_CONCEPT ? last->value : NULL;
}

static Qualifier
qualifier_class (const char *cls)
{
  if (cls == NULL)
    return QUALIFIER_EXACT;
  if (g_str_equal (cls, "lower"))
    return QUALIFIER_LOWER;
  if (g_str_equal (cls, "upper"))
    return QUALIFIER_UPPER;
  if (g_str_equal (cls, "below"))
    return QUALIFIER_BELOW;
  return QUALIFIER_ABOUT;
}

static Qualifier
qualifier_of (const char *qualifier)
{
  const char *cls;

  if (qualifier == NULL)
    return QUALIFIER_EXACT;
  cls = vera_lexicon_lookup (lexicon ("linker-qualifiers"), qualifier, -1);
  if (cls == NULL)
    return QUALIFIER_EXACT;
  if (g_str_equal (cls, "lower"))
    return QUALIFIER_LOWER;
  if (g_str_equal (cls, "upper"))
    return QUALIFIER_UPPER;
  if (g_str_equal (cls, "below"))
    return QUALIFIER_BELOW;
  return QUALIFIER_ABOUT;
}

/* The sorted, '\n'-joined place ids of the pieces of a window (and of @extra pieces). */
static char *
places_of (const GArray *pieces,
           const Window *w,
           const GArray *extra)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GString *joined = g_string_new (NULL);

  for (guint i = w->before_from; i < w->after_to; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);

      if ((i < w->before_to || i >= w->after_from) && p->kind == PIECE_PLACE &&
          !g_ptr_array_find_with_equal_func (ids, p->value, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) p->value);
    }
  for (guint i = 0; extra != NULL && i < extra->len; i++)
    {
      const Piece *p = &g_array_index (extra, Piece, i);

      if (p->kind == PIECE_PLACE && !g_ptr_array_find_with_equal_func (ids, p->value, g_str_equal, NULL))
        g_ptr_array_add (ids, (gpointer) p->value);
    }
  g_ptr_array_sort (ids, compare_strings);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "", (const char *) ids->pdata[i]);
  return g_string_free (joined, FALSE);
}

/* ---- Adding ------------------------------------------------------------------------------ */

static Bucket *
ensure_bucket (VeraLinker       *self,
               VeraConflictKind  kind,
               char             *key,
               const char       *topic)
{
  Bucket *b = g_hash_table_lookup (self->index, key);

  if (b != NULL)
    {
      g_free (key);
      return b;
    }
  b = g_new0 (Bucket, 1);
  b->kind = kind;
  b->key = key;
  b->topic = g_strdup (topic);
  b->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_hash_table_insert (self->index, b->key, b);
  g_ptr_array_add (self->buckets, b);
  return b;
}

/* The byte offset of code point @cp in @text (@len bytes), clamped to @len. */
static gsize
cp_to_byte (const char *text,
            gsize       len,
            guint       cp)
{
  const char *p = text;
  const char *end = text + len;

  for (guint i = 0; i < cp && p < end; i++)
    p = g_utf8_next_char (p);
  return MIN ((gsize) (p - text), len);
}

typedef struct
{
  const VeraQuantity *q;
  gsize               start;   /* bytes into the sentence */
  gsize               end;
} Figure;

static guint
first_piece_at_or_after (const GArray *pieces,
                         gsize         byte)
{
  guint i = 0;

  while (i < pieces->len && g_array_index (pieces, Piece, i).start < byte)
    i++;
  return i;
}

static Window
window_of (const GArray *pieces,
           const Figure *figures,
           guint         n,
           guint         k)
{
  Window w;
  gsize prev_end = k > 0 ? figures[k - 1].end : 0;
  gsize next_start = k + 1 < n ? figures[k + 1].start : G_MAXSIZE;
  guint i;

  w.before_from = first_piece_at_or_after (pieces, prev_end);
  w.before_to = w.before_from;
  while (w.before_to < pieces->len && g_array_index (pieces, Piece, w.before_to).end <= figures[k].start)
    w.before_to++;
  w.after_from = first_piece_at_or_after (pieces, figures[k].end);
  if (w.after_from < w.before_to)
    w.after_from = w.before_to;
  for (i = w.after_from; i < pieces->len; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);

      if (p->start >= next_start || piece_ends_clause (p))
        break;
    }
  w.after_to = i;
  return w;
}

static gboolean
unit_is_time (const char *unit)
{
  return g_str_equal (unit, "rank") || g_str_equal (unit, "year") || g_str_equal (unit, "month") ||
         g_str_equal (unit, "day") || g_str_equal (unit, "week") || g_str_equal (unit, "date");
}

/* Adds figure @k of the sentence; @inherited is the subject of the figure before it with the
 * same unit ("$48 billion in 2024, up from $30 billion in 2023"), replaced on return. */
static void
add_figure (VeraLinker         *self,
            const VeraLinkItem *item,
            const char         *text,
            gsize               len,
            const GArray       *tokens,
            const GArray       *pieces,
            const Figure       *figures,
            guint               n,
            guint               k,
            GHashTable         *inherited)
{
  const VeraQuantity *q = figures[k].q;
  g_autofree char *subject = NULL;
  g_autofree char *places = NULL;
  g_autoptr(GArray) noun_pieces = NULL;
  const char *rate;
  const char *trend;
  const char *unit_concept;
  Window w;
  Bucket *b;
  Entry e = { 0, };

  if (q->unit == NULL || isnan (q->value) || unit_is_time (q->unit))
    return;
  w = window_of (pieces, figures, n, k);

  unit_concept = vera_lexicon_lookup (lexicon ("linker-concepts"), q->unit, -1);
  if (q->noun != NULL)
    noun_pieces = scan_noun (q->noun, item->language);

  if (g_str_equal (q->unit, "count"))
    {
      /* A Chinese classifier on its own (家, 个, 座) counts anything: the clause says what. */
      gboolean classifier = q->noun != NULL && g_utf8_strlen (q->noun, -1) == 1 &&
                            is_han (g_utf8_get_char (q->noun)) &&
                            !vera_lexicon_contains (lexicon ("linker-concepts"), q->noun, -1);

      if (noun_pieces != NULL && noun_pieces->len > 0 && !classifier)
        {
          g_autofree char *event = NULL;

          if (item->language == VERA_LANGUAGE_EN || item->language == VERA_LANGUAGE_UND)
            {
              guint end_rel = q->end >= item->offset ? q->end - item->offset : 0;
              guint after = 0;

              while (after < tokens->len && vera_tokens_get (tokens, after)->cp_start < end_rel)
                after++;
              event = event_after (text, tokens, after);
            }
          subject = phrase_key (q->noun, noun_pieces, 0, noun_pieces->len, event);
        }
      else
        {
          guint c = choose_concept (text, pieces, &w, FALSE);

          if (c != G_MAXUINT)
            subject = concept_key (pieces, c);
        }
      /* "7,500 people" names no subject: the port's staff and a city's population are both
       * "people". The clause may name it ("员工3.2万人", "常住人口2487万人"). */
      if (subject != NULL && (g_str_equal (subject, "person") || g_str_has_prefix (subject, "person +")))
        {
          guint c = choose_concept (text, pieces, &w, FALSE);

          g_clear_pointer (&subject, g_free);
          if (c != G_MAXUINT)
            subject = concept_key (pieces, c);
        }
    }
  else if (unit_concept != NULL)
    {
      Concept c;

      parse_concept (unit_concept, &c);
      subject = g_strdup (c.id);
    }
  else
    {
      gboolean percent = g_str_equal (q->unit, "percent") || g_str_equal (q->unit, "percentage-points");
      g_autofree char *base = NULL;
      Window main = w;
      guint c;

      if (percent)
        base = share_base (text, pieces, &w, &main.before_to);
      if (base != NULL)
        main.after_from = main.after_to = main.before_to;  /* the main subject comes before */
      c = choose_concept (text, pieces, &main, !percent && !vera_quantity_unit_is_currency (q->unit));
      if (c != G_MAXUINT && base != NULL)
        {
          g_autofree char *main_key = concept_key (pieces, c);
          subject = g_strdup_printf ("%s/of %s", main_key, base);
        }
      else if (c != G_MAXUINT)
        subject = concept_key (pieces, c);
      else if (base != NULL)
        subject = g_strdup_printf ("of %s", base);
      if (subject == NULL && vera_quantity_unit_is_currency (q->unit) && w.after_from < w.after_to &&
          (piece_is (text, &g_array_index (pieces, Piece, w.after_from), "for") ||
           piece_is (text, &g_array_index (pieces, Piece, w.after_from), "in")))
        {
          guint kk = w.after_from + 1, stop;

          while (kk < w.after_to && piece_is (text, &g_array_index (pieces, Piece, kk), "the"))
            kk++;
          for (stop = kk; stop < w.after_to && stop < kk + 5; stop++)
            {
              const Piece *p = &g_array_index (pieces, Piece, stop);

              if (p->kind == PIECE_PUNCT ||
                  (p->kind == PIECE_WORD &&
                   vera_lexicon_contains (lexicon ("linker-function-words"), text + p->start,
                                          p->end - p->start)))
                break;
            }
          /* A year is a scope, not a subject ("$48 billion in 2024"). */
          if (stop > kk && !g_ascii_isdigit (text[g_array_index (pieces, Piece, kk).start]))
            subject = phrase_key (text, pieces, kk, stop, NULL);
        }
    }

  if (subject == NULL)
    {
      /* Nothing in its clause: it continues the figure before it ("up from $30 billion"). */
      const char *prev = g_hash_table_lookup (inherited, q->unit);

      if (prev == NULL || w.before_to - w.before_from > 6)
        return;
      subject = g_strdup (prev);
    }
  g_hash_table_insert (inherited, (gpointer) g_string_chunk_insert_const (self->strings, q->unit),
                       (gpointer) g_string_chunk_insert_const (self->strings, subject));

  {
    gsize before_from = w.before_from < pieces->len ? g_array_index (pieces, Piece, w.before_from).start
                                                    : figures[k].start;
    gsize after_to = w.after_to < pieces->len ? g_array_index (pieces, Piece, w.after_to).start : len;

    rate = rate_in (q->scope, q->scope != NULL ? strlen (q->scope) : 0, item->language);
    if (rate == NULL && before_from < figures[k].start)
      rate = rate_in (text + before_from, figures[k].start - before_from, item->language);
    if (rate == NULL && figures[k].end < after_to)
      rate = rate_in (text + figures[k].end, after_to - figures[k].end, item->language);
    if (rate == NULL)
      rate = "total";
    trend = trend_of (text, before_from, MIN (figures[k].start, len), q->scope, item->language);
  }

  places = places_of (pieces, &w, noun_pieces);
  e.article_id = g_string_chunk_insert_const (self->strings, item->article_id);
  e.claim_id = g_string_chunk_insert (self->strings, item->claim_id);
  e.text = g_string_chunk_insert (self->strings, q->text != NULL ? q->text : "");
  e.noun = q->noun != NULL ? g_string_chunk_insert_const (self->strings, q->noun) : NULL;
  e.unit = g_string_chunk_insert_const (self->strings, q->unit);
  e.places = g_string_chunk_insert_const (self->strings, places);
  e.value = q->value;
  e.value_to = q->value_to;
  e.qualifier = qualifier_of (q->qualifier);
  if (q->qualifier == NULL)
    {
      gsize from = figures[k].start > 32 ? figures[k].start - 32 : 0;

      while (from > 0 && ((guchar) text[from] & 0xC0) == 0x80)
        from--;
      e.qualifier = qualifier_class (qualifier_before (text + from, figures[k].start - from,
                                                       item->language));
    }
  if (!years_of (q->scope, &e.year_from, &e.year_to))
    {
      int y = q->scope == NULL ? year_in_window (text, pieces, &w) : 0;

      if (y != 0)
        e.year_from = e.year_to = y;
      else if (q->scope != NULL && rate_in (q->scope, strlen (q->scope), item->language) == NULL)
        {
          g_autofree char *folded = g_utf8_casefold (q->scope, -1);

          e.relative = g_string_chunk_insert_const (self->strings, folded);
        }
    }

  g_debug ("%s: %s|%s|%s|%s places [%s] years %d–%d", e.text, q->unit, rate, trend, subject,
           places, e.year_from, e.year_to);
  b = ensure_bucket (self, VERA_CONFLICT_KIND_FIGURE,
                     g_strdup_printf ("%s|%s|%s|%s", q->unit, rate, trend, subject),
                     q->noun != NULL ? q->noun : subject);
  g_array_append_val (b->entries, e);
}

/* ---- Dates of events --------------------------------------------------------------------- */

typedef struct
{
  gsize start;
  gsize end;
  int   year;
  int   month;  /* 0 when not given */
  int   day;    /* 0 when not given */
} DateSpan;

static int
month_of (const char *word,
          gsize       len)
{
  const char *v = vera_lexicon_lookup (lexicon ("linker-months"), word, len);

  return v != NULL ? atoi (v) : 0;
}

static GArray *
find_dates (const char *text,
            gsize       len)
{
  static GRegex *regex = NULL;
  static gsize initialised = 0;
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (DateSpan));
  g_autoptr(GMatchInfo) match = NULL;

  if (g_once_init_enter (&initialised))
    {
      /* 2021年5月3日 | 3 May 2021, 3. Mai 2021, May 3, 2021, June 2021 | 2021 */
      regex = g_regex_new ("((?:19|20)\\d\\d)\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*[日号])?)?"
                           "|(?:\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+)?\\b(\\p{L}{3,9})\\.?\\s+"
                           "(?:(\\d{1,2})(?:st|nd|rd|th)?,?\\s+)?((?:19|20)\\d\\d)\\b"
                           "|\\b((?:19|20)\\d\\d)\\b",
                           G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&initialised, 1);
    }
  g_regex_match_full (regex, text, len, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      DateSpan d = { 0, };
      int s, e;
      char *g[9] = { NULL, };

      for (guint i = 1; i < 9; i++)
        g[i] = g_match_info_fetch (match, i);
      g_match_info_fetch_pos (match, 0, &s, &e);
      d.start = s;
      d.end = e;
      if (g[1] != NULL && *g[1] != '\0')
        {
          d.year = atoi (g[1]);
          d.month = g[2] != NULL ? atoi (g[2]) : 0;
          d.day = g[3] != NULL ? atoi (g[3]) : 0;
        }
      else if (g[7] != NULL && *g[7] != '\0')
        {
          int month = month_of (g[5], strlen (g[5]));

          d.year = atoi (g[7]);
          if (month != 0)
            {
              d.month = month;
              d.day = g[4] != NULL && *g[4] != '\0' ? atoi (g[4]) :
                      g[6] != NULL && *g[6] != '\0' ? atoi (g[6]) : 0;
            }
          else
            {
              int ys, ye;

              g_match_info_fetch_pos (match, 7, &ys, &ye);
              d.start = ys;
              d.end = ye;
            }
        }
      else
        d.year = atoi (g[8]);
      if (d.month > 12 || d.day > 31 || (d.day != 0 && !g_date_valid_dmy (d.day, d.month, d.year)))
        d.year = 0;
      if (d.year != 0)
        g_array_append_val (dates, d);
      for (guint i = 1; i < 9; i++)
        g_free (g[i]);
      g_match_info_next (match, NULL);
    }
  return dates;
}

/* The words between an event and its date: "on", "in", "am", "于" and the like (three at
 * most, no clause break). */
static gboolean
close_enough (const char *text,
              gsize       from,
              gsize       to)
{
  guint words = 0;
  gboolean in_word = FALSE;

  for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!g_unichar_isalnum (c))
        return FALSE;
      if (is_han (c))
        words++;
      else if (!in_word)
        words++;
      in_word = !is_han (c);
    }
  return words <= 3;
}

static double
julian (int year,
        int month,
        int day)
{
  g_autoptr(GDate) d = g_date_new_dmy (day, month, year);

  return g_date_get_julian (d);
}

/* The subject of an event: the concept or the name nearest before it in the sentence. */
static char *
event_subject (const char   *text,
               const GArray *pieces,
               gsize         before)
{
  guint end = 0;

  while (end < pieces->len && g_array_index (pieces, Piece, end).end <= before)
    end++;
  for (guint i = end; i > 0; i--)
    {
      const Piece *p = &g_array_index (pieces, Piece, i - 1);
      Concept c;

      if (p->kind != PIECE_CONCEPT)
        continue;
      parse_concept (p->value, &c);
      if (c.kind == 'e' || c.kind == 'm')
        return g_strdup (c.id);
    }
  /* A proper name: capitalised words after the first word of the sentence. */
  for (guint i = end; i > 1; i--)
    {
      const Piece *p = &g_array_index (pieces, Piece, i - 1);

      if (p->kind == PIECE_WORD && g_unichar_isupper (g_utf8_get_char (text + p->start)))
        return g_utf8_casefold (text + p->start, p->end - p->start);
    }
  return NULL;
}

static void
add_dates (VeraLinker         *self,
           const VeraLinkItem *item,
           const char         *text,
           gsize               len,
           const GArray       *pieces,
           const Figure       *figures,
           guint               n,
           const GArray       *events)
{
  g_autoptr(GArray) dates = NULL;

  dates = find_dates (text, len);
  for (guint i = 0; i < events->len; i++)
    {
      const Piece *ev = &g_array_index (events, Piece, i);
      const DateSpan *best = NULL;
      g_autofree char *subject = NULL;
      g_autofree char *places = NULL;
      Window all = { 0, pieces->len, pieces->len, pieces->len };
      Entry e = { 0, };
      Bucket *b;

      if (ev->kind != PIECE_CONCEPT)
        continue;
      for (guint d = 0; d < dates->len; d++)
        {
          const DateSpan *ds = &g_array_index (dates, DateSpan, d);
          gboolean in_figure = FALSE;

          for (guint f = 0; f < n; f++)
            if (ds->start < figures[f].end && ds->end > figures[f].start)
              in_figure = TRUE;
          if (in_figure)
            continue;
          if ((ds->start >= ev->end && close_enough (text, ev->end, ds->start)) ||
              (ds->end <= ev->start && close_enough (text, ds->end, ev->start)))
            {
              if (best == NULL || ds->month > best->month || ds->day > best->day)
                best = ds;
            }
        }
      if (best == NULL)
        continue;
      subject = event_subject (text, pieces, MIN (ev->start, best->start));
      if (subject == NULL)
        continue;
      /* Words between the event and its date name what the event was about: "Apple launched
       * the iPad in 2010" is not "Apple launched the iPhone in 2007". */
      {
        gsize gap_from = best->start >= ev->end ? ev->end : best->end;
        gsize gap_to = best->start >= ev->end ? best->start : ev->start;
        g_autoptr(GArray) gap = scan_with ("linker-function-words", item->language,
                                           text + gap_from, gap_to - gap_from);
        GString *key = g_string_new (subject);

        for (guint g = 0; g < gap->len; g++)
          {
            const Piece *p = &g_array_index (gap, Piece, g);
            const char *w = text + gap_from + p->start;
            gsize wl = p->end - p->start;

            if (p->kind != PIECE_WORD || vera_word_equal (w, wl, "am") ||
                vera_word_equal (w, wl, "im") || vera_word_equal (w, wl, "um") ||
                vera_word_equal (w, wl, "wurde") || vera_word_equal (w, wl, "ist") ||
                vera_word_equal (w, wl, "war") || vera_word_equal (w, wl, "der") ||
                vera_word_equal (w, wl, "die") || vera_word_equal (w, wl, "das") ||
                (wl == 3 && (memcmp (w, "于", 3) == 0 || memcmp (w, "在", 3) == 0 ||
                             memcmp (w, "正", 3) == 0 || memcmp (w, "式", 3) == 0)))
              continue;
            {
              g_autofree char *low = g_utf8_strdown (w, wl);

              g_string_append_printf (key, " %s", low);
            }
          }
        g_free (subject);
        subject = g_string_free (key, FALSE);
      }
      places = places_of (pieces, &all, NULL);
      e.article_id = g_string_chunk_insert_const (self->strings, item->article_id);
      e.claim_id = g_string_chunk_insert (self->strings, item->claim_id);
      {
        g_autofree char *written = g_strndup (text + best->start, best->end - best->start);

        e.text = g_string_chunk_insert (self->strings, written);
      }
      e.unit = "date";
      e.places = g_string_chunk_insert_const (self->strings, places);
      e.is_date = TRUE;
      e.year_from = G_MININT;
      e.year_to = G_MAXINT;
      if (best->day != 0)
        e.day_from = e.day_to = julian (best->year, best->month, best->day);
      else if (best->month != 0)
        {
          e.day_from = julian (best->year, best->month, 1);
          e.day_to = julian (best->year, best->month, g_date_get_days_in_month (best->month, best->year));
        }
      else
        {
          e.day_from = julian (best->year, 1, 1);
          e.day_to = julian (best->year, 12, 31);
        }
      e.value = e.day_from;
      e.value_to = e.day_to;
      b = ensure_bucket (self, VERA_CONFLICT_KIND_FIGURE,
                         g_strdup_printf ("date|%s|%s", ev->value, subject), subject);
      g_array_append_val (b->entries, e);
      break;  /* one dated event a sentence */
    }
}

/* ---- People ------------------------------------------------------------------------------ */

/* The words joined with '\n', interned in the linker's strings. */
static const char *
intern_words (VeraLinker *self,
              GPtrArray  *words)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  g_ptr_array_sort (words, compare_strings);
  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "", (const char *) words->pdata[i]);
  return g_string_chunk_insert_const (self->strings, joined->str);
}

/* The words of a role: role ids of the vocabulary, role nouns and organisation words
 * (capitalised, Latin script). */
static void
role_words (const char   *role,
            VeraLanguage  language,
            GPtrArray    *ids,
            GPtrArray    *roles,
            GPtrArray    *orgs)
{
  g_autoptr(GArray) tokens = vera_tokens_split (role, strlen (role));
  g_autoptr(GArray) pieces = scan_with ("linker-roles", language, role, strlen (role));

  for (guint i = 0; i < pieces->len; i++)
    {
      const Piece *p = &g_array_index (pieces, Piece, i);

      if (p->kind == PIECE_CONCEPT)
        add_unique (ids, p->value);
    }
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      char *w;

      if (t->kind != VERA_TOKEN_WORD || vera_token_is_function_word (role, t))
        continue;
      w = stem (role + t->start, t->end - t->start);
      if (vera_people_is_role_word (role + t->start, t->end - t->start) ||
          vera_people_is_role_word (w, strlen (w)) ||
          vera_lexicon_contains (lexicon ("linker-roles"), role + t->start, t->end - t->start))
        g_ptr_array_add (roles, w);
      else if (t->flags & VERA_TOKEN_CAPITAL)
        g_ptr_array_add (orgs, w);
      else
        g_free (w);
    }
}

static void
add_person (VeraLinker         *self,
            const VeraLinkItem *item,
            const VeraPerson   *p)
{
  g_autofree char *name = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_free);
  Bucket *b;
  Entry e = { 0, };

  if (p->name == NULL || p->role == NULL)
    return;
  /* Names meet across scripts only when written identically: 张伟 is not Zhang Wei. */
  name = g_utf8_casefold (p->name, -1);
  role_words (p->role, item->language, ids, roles, orgs);
  e.roles = intern_words (self, ids);
  e.noun = intern_words (self, roles);
  e.unit = intern_words (self, orgs);
  e.article_id = g_string_chunk_insert_const (self->strings, item->article_id);
  e.claim_id = g_string_chunk_insert (self->strings, item->claim_id);
  e.text = g_string_chunk_insert_const (self->strings, p->role);
  e.places = "";
  e.value = e.value_to = NAN;
  b = ensure_bucket (self, VERA_CONFLICT_KIND_PERSON, g_strdup_printf ("person|%s", name),
                     p->name);
  g_array_append_val (b->entries, e);
}

static int
compare_figures (gconstpointer a,
                 gconstpointer b)
{
  const Figure *fa = a, *fb = b;

  return fa->start < fb->start ? -1 : fa->start > fb->start ? 1 : 0;
}

void
vera_linker_add (VeraLinker         *self,
                 const VeraLinkItem *item)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) pieces = NULL;
  g_autoptr(GArray) figures = NULL;
  g_autoptr(GHashTable) inherited = NULL;
  g_autoptr(GArray) events = NULL;
  gboolean dated = FALSE;
  Scanner sc;
  gsize len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (item != NULL && item->article_id != NULL && item->claim_id != NULL);

  if (item->sentence == NULL)
    return;
  len = item->length == (gsize) -1 ? strlen (item->sentence) : item->length;
  events = scan_with ("linker-events", item->language, item->sentence, len);
  for (guint i = 0; i < events->len && !dated; i++)
    dated = g_array_index (events, Piece, i).kind == PIECE_CONCEPT;
  /* Most claims hold no figure and no dated event: only people are looked at. */
  if ((item->quantities == NULL || item->quantities->len == 0) && !dated)
    {
      for (guint i = 0; item->people != NULL && i < item->people->len; i++)
        add_person (self, item, g_ptr_array_index (item->people, i));
      return;
    }
  tokens = vera_tokens_split (item->sentence, len);
  scanner_init (&sc, item->language, "linker-concepts", TRUE);
  pieces = scan (&sc, item->sentence, len);

  figures = g_array_new (FALSE, TRUE, sizeof (Figure));
  for (guint i = 0; item->quantities != NULL && i < item->quantities->len; i++)
    {
      const VeraQuantity *q = g_ptr_array_index (item->quantities, i);
      Figure f = { q, 0, 0 };
      guint s = q->start >= item->offset ? q->start - item->offset : 0;
      guint e = q->end >= item->offset ? q->end - item->offset : 0;

      f.start = cp_to_byte (item->sentence, len, s);
      f.end = MAX (f.start, cp_to_byte (item->sentence, len, e));
      g_array_append_val (figures, f);
    }
  g_array_sort (figures, compare_figures);
  inherited = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint k = 0; k < figures->len; k++)
    add_figure (self, item, item->sentence, len, tokens, pieces,
                (const Figure *) figures->data, figures->len, k, inherited);
  if (dated)
    add_dates (self, item, item->sentence, len, pieces, (const Figure *) figures->data,
               figures->len, events);
  for (guint i = 0; item->people != NULL && i < item->people->len; i++)
    add_person (self, item, g_ptr_array_index (item->people, i));
}

static const char *
intern_const (VeraLinker *self,
              const char *s)
{
  return s != NULL ? g_string_chunk_insert_const (self->strings, s) : NULL;
}

void
vera_linker_merge (VeraLinker *self,
                   VeraLinker *other)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (other != NULL && other != self);

  for (guint i = 0; i < other->buckets->len; i++)
    {
      const Bucket *from = g_ptr_array_index (other->buckets, i);
      Bucket *to = ensure_bucket (self, from->kind, g_strdup (from->key), from->topic);

      for (guint k = 0; k < from->entries->len; k++)
        {
          Entry e = g_array_index (from->entries, Entry, k);

          e.article_id = intern_const (self, e.article_id);
          e.claim_id = g_string_chunk_insert (self->strings, e.claim_id);
          e.text = g_string_chunk_insert (self->strings, e.text);
          e.noun = intern_const (self, e.noun);
          e.unit = intern_const (self, e.unit);
          e.places = intern_const (self, e.places);
          e.relative = intern_const (self, e.relative);
          e.roles = intern_const (self, e.roles);
          g_array_append_val (to->entries, e);
        }
    }
  g_hash_table_remove_all (other->index);
  g_ptr_array_set_size (other->buckets, 0);
}

/* ---- Comparing --------------------------------------------------------------------------- */

/* Half a unit of the last significant digit of @v: 7.8e6 → 5e4, 7,812,000 → 500. */
static double
half_ulp (double v)
{
  char buf[64];
  char *e;
  int digits = 0, exponent;

  v = fabs (v);
  if (v == 0 || !isfinite (v))
    return 0;
  g_snprintf (buf, sizeof buf, "%.12e", v);
  e = strchr (buf, 'e');
  exponent = atoi (e + 1);
  /* The mantissa's significant digits, trailing zeros dropped. */
  for (char *p = e - 1; p >= buf; p--)
    if (*p != '0' && *p != '.')
      {
        for (char *q = buf; q <= p; q++)
          if (g_ascii_isdigit (*q))
            digits++;
        break;
      }
  /* Trailing zeros may be written or rounded ("300"): they count as rounding, but never for
   * more than 2% of the figure, or every round number would agree with its neighbours. */
  return MIN (0.5 * pow (10, exponent - MAX (digits, 1) + 1), 0.02 * v);
}

/* The range of true values a figure stands for. */
static void
figure_range (const Entry *e,
              double       tolerance,
              double      *lo,
              double      *hi)
{
  double a = isnan (e->value_to) ? e->value : MIN (e->value, e->value_to);
  double b = isnan (e->value_to) ? e->value : MAX (e->value, e->value_to);

  if (e->is_date)
    {
      *lo = e->day_from;
      *hi = e->day_to;
      return;
    }
  switch (e->qualifier)
    {
    case QUALIFIER_LOWER:
      b = b >= 0 ? 2 * b : b / 2;
      break;
    case QUALIFIER_UPPER:
      a = a >= 0 ? a / 2 : 2 * a;
      break;
    case QUALIFIER_BELOW:
      a = a - 0.1 * fabs (a);
      break;
    case QUALIFIER_ABOUT:
      a = a - 0.1 * fabs (a);
      b = b + 0.1 * fabs (b);
      break;
    case QUALIFIER_EXACT:
    default:
      break;
    }
  *lo = a - half_ulp (isnan (e->value_to) ? e->value : MIN (e->value, e->value_to)) * 0.999 -
        tolerance * fabs (a) / 2;
  *hi = b + half_ulp (isnan (e->value_to) ? e->value : MAX (e->value, e->value_to)) * 0.999 +
        tolerance * fabs (b) / 2;
}

static inline const char *
line_end (const char *s)
{
  while (*s != '\0' && *s != '\n')
    s++;
  return s;
}

/* Whether two '\n'-separated word lists share a word (without allocating: this runs for
 * every pair of a bucket). */
static gboolean
share_any (const char *a,
           const char *b)
{
  for (const char *wa = a; *wa != '\0';)
    {
      const char *ea = line_end (wa);

      for (const char *wb = b; *wb != '\0';)
        {
          const char *eb = line_end (wb);

          if (ea - wa == eb - wb && memcmp (wa, wb, ea - wa) == 0)
            return TRUE;
          wb = *eb != '\0' ? eb + 1 : eb;
        }
      wa = *ea != '\0' ? ea + 1 : ea;
    }
  return FALSE;
}

/* Whether two figures of one bucket are about the same thing at the same time. */
static gboolean
comparable (const Entry *a,
            const Entry *b)
{
  if (*a->places != '\0' && *b->places != '\0' && !share_any (a->places, b->places))
    return FALSE;
  if (a->year_from > b->year_to || b->year_from > a->year_to)
    return FALSE;  /* different years: no contradiction */
  if ((a->relative != NULL || b->relative != NULL) &&
      g_strcmp0 (a->relative, b->relative) != 0 &&
      (a->year_from != G_MININT || a->year_to != G_MAXINT || a->relative != NULL) &&
      (b->year_from != G_MININT || b->year_to != G_MAXINT || b->relative != NULL))
    return FALSE;  /* "last year" against "in 2019", or against "last quarter" */
  return TRUE;
}

/* The ranges of a bucket's figures, computed once per entry, not once per pair. */
typedef struct
{
  double lo;
  double hi;
} Range;

static gboolean
figures_disagree (const Entry *a,
                  const Entry *b,
                  const Range *ra,
                  const Range *rb)
{
  if (!comparable (a, b))
    return FALSE;
  return ra->lo > rb->hi || rb->lo > ra->hi;
}

static gboolean
roles_disagree (const Entry *a,
                const Entry *b)
{
  if (*a->roles != '\0' && *b->roles != '\0')
    {
      if (!share_any (a->roles, b->roles))
        return TRUE;
    }
  else if (*a->noun != '\0' && *b->noun != '\0' && !share_any (a->noun, b->noun))
    return TRUE;
  return *a->unit != '\0' && *b->unit != '\0' && !share_any (a->unit, b->unit);
}

static VeraLinkMember *
member_new (const Entry      *e,
            VeraConflictKind  kind)
{
  VeraLinkMember *m = g_new0 (VeraLinkMember, 1);

  m->article_id = g_strdup (e->article_id);
  m->claim_id = g_strdup (e->claim_id);
  m->text = g_strdup (e->text);
  m->value = e->value;
  m->value_to = e->value_to;
  m->unit = kind == VERA_CONFLICT_KIND_FIGURE ? g_strdup (e->unit) : NULL;
  return m;
}

static char *
bucket_topic (const Bucket *b,
              const guint8 *involved)
{
  g_autoptr(GPtrArray) seen = g_ptr_array_new ();
  GString *topic;

  if (b->kind == VERA_CONFLICT_KIND_PERSON)
    return g_strdup (b->topic);
  topic = g_string_new (NULL);
  for (guint i = 0; i < b->entries->len && seen->len < 3; i++)
    {
      const Entry *e = &g_array_index (b->entries, Entry, i);

      if (!involved[i] || e->noun == NULL ||
          g_ptr_array_find_with_equal_func (seen, e->noun, g_str_equal, NULL))
        continue;
      g_ptr_array_add (seen, (gpointer) e->noun);
      g_string_append_printf (topic, "%s%s", topic->len > 0 ? " / " : "", e->noun);
    }
  if (topic->len == 0)
    g_string_append (topic, b->topic);
  return g_string_free (topic, FALSE);
}

static gboolean
entries_disagree (const Bucket *b,
                  const Range  *ranges,
                  guint         x,
                  guint         y)
{
  const Entry *ex = &g_array_index (b->entries, Entry, x);
  const Entry *ey = &g_array_index (b->entries, Entry, y);

  /* Article ids are interned: one article, one pointer. */
  if (ex->article_id == ey->article_id || g_str_equal (ex->article_id, ey->article_id))
    return FALSE;
  return b->kind == VERA_CONFLICT_KIND_PERSON ? roles_disagree (ex, ey)
                                              : figures_disagree (ex, ey, &ranges[x], &ranges[y]);
}

/* Bucket sizes are small in practice; a bucket that grows large (a generic subject over
 * thousands of articles) is compared against its extremes only, which keeps the cost linear. */
#define PAIRWISE_LIMIT 64

GPtrArray *
vera_linker_find_conflicts (VeraLinker *self)
{
  GPtrArray *conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_link_conflict_free);

  g_return_val_if_fail (self != NULL, conflicts);

  for (guint bi = 0; bi < self->buckets->len; bi++)
    {
      Bucket *b = self->buckets->pdata[bi];
      guint n = b->entries->len;
      g_autofree guint8 *involved = NULL;
      g_autofree Range *ranges = NULL;
      gboolean any = FALSE;
      VeraLinkConflict *c;

      if (n < 2)
        continue;
      involved = g_new0 (guint8, n);
      if (b->kind != VERA_CONFLICT_KIND_PERSON)
        {
          ranges = g_new (Range, n);
          for (guint i = 0; i < n; i++)
            figure_range (&g_array_index (b->entries, Entry, i), self->tolerance,
                          &ranges[i].lo, &ranges[i].hi);
        }
      if (n <= PAIRWISE_LIMIT || b->kind == VERA_CONFLICT_KIND_PERSON)
        {
          for (guint i = 0; i < n; i++)
            for (guint j = i + 1; j < n && j < i + PAIRWISE_LIMIT; j++)
              if (entries_disagree (b, ranges, i, j))
                involved[i] = involved[j] = any = TRUE;
        }
      else
        {
          guint lo = 0, hi = 0;

          for (guint i = 1; i < n; i++)
            {
              const Entry *e = &g_array_index (b->entries, Entry, i);

              if (e->value < g_array_index (b->entries, Entry, lo).value)
                lo = i;
              if (e->value > g_array_index (b->entries, Entry, hi).value)
                hi = i;
            }
          for (guint i = 0; i < n; i++)
            {
              if (entries_disagree (b, ranges, i, lo))
                involved[i] = involved[lo] = any = TRUE;
              if (entries_disagree (b, ranges, i, hi))
                involved[i] = involved[hi] = any = TRUE;
            }
        }
      if (!any)
        continue;

      c = g_new0 (VeraLinkConflict, 1);
      c->kind = b->kind;
      c->key = g_strdup (b->key);
      c->topic = bucket_topic (b, involved);
      c->members = g_ptr_array_new_with_free_func ((GDestroyNotify) link_member_free);
      for (guint i = 0; i < n; i++)
        if (involved[i])
          g_ptr_array_add (c->members, member_new (&g_array_index (b->entries, Entry, i), b->kind));
      g_ptr_array_add (conflicts, c);
    }
  return conflicts;
}
