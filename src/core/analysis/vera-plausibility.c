/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-plausibility"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vera-lexicon.h"
#include "vera-plausibility.h"
#include "vera-reference-table-private.h"
#include "vera-quantities.h"
#include "vera-quantity.h"
#include "vera-tokens.h"

/* How many times larger the largest of several places of one name must be than the next for
 * the name to mean it ("London" is London, England; "Córdoba" is not decided). */
#define DOMINANCE 10.0
/* A country whose capital holds this share of its people is a city state (Singapore). */
#define CITY_STATE_SHARE 0.6
/* The smallest figure held to be too low: anything smaller is more likely misread. */
#define MIN_LOW_FIGURE 1e4
/* The smallest shipped city that may stand for "residents" in an article that names it. */
#define DEFAULT_CITY_SIZE 1e6
/* How far (code points) a place, an indicator or a hedge may be from the figure. */
#define WINDOW_BEFORE_LATIN 70
#define WINDOW_AFTER_LATIN  40
#define WINDOW_BEFORE_HAN   14
#define WINDOW_AFTER_HAN    6
#define HEDGE_BEFORE_LATIN  30
#define HEDGE_AFTER_LATIN   16
#define HEDGE_BEFORE_HAN    6
#define HEDGE_AFTER_HAN     3
#define MAX_HAN_NAME        10  /* characters */
struct _VeraPlausibility
{
  Table *shipped;   /* loaded on first use (g_once: analysis runs in several threads) */
  Table *project;   /* the project's own figures, read first */
};

/* A place named in a sentence: byte span and the places the name may mean. */
typedef struct
{
  gsize      start;
  gsize      end;
  guint      cp_start;
  guint      cp_end;
  GPtrArray *candidates;
  gboolean   project;
  char       key[64];   /* the name as matched, casefolded (without 's) */
} Mention;

/* A place named near a figure. */
typedef struct
{
  const Place *place;   /* NULL: an ambiguous name */
  int          dist;
  guint        cp_start;   /* the mention */
  guint        cp_end;
  gboolean     after_comma;
} Near;

static Table *
get_shipped (VeraPlausibility *self)
{
  if (g_once_init_enter (&self->shipped))
    g_once_init_leave (&self->shipped, vera_ref_table_load ());
  return self->shipped;
}

VeraPlausibility *
vera_plausibility_new (void)
{
  VeraPlausibility *self = g_new0 (VeraPlausibility, 1);

  self->project = vera_ref_table_new ();
  return self;
}

void
vera_plausibility_free (VeraPlausibility *self)
{
  if (self == NULL)
    return;
  vera_ref_table_free (self->shipped);
  vera_ref_table_free (self->project);
  g_free (self);
}

gboolean
vera_plausibility_add_node (VeraPlausibility *self,
                            JsonNode         *node,
                            GError          **error)
{
  JsonArray *figures = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (node != NULL, FALSE);

  if (JSON_NODE_HOLDS_ARRAY (node))
    figures = json_node_get_array (node);
  else if (JSON_NODE_HOLDS_OBJECT (node) &&
           json_object_has_member (json_node_get_object (node), "figures") &&
           JSON_NODE_HOLDS_ARRAY (json_object_get_member (json_node_get_object (node), "figures")))
    figures = json_object_get_array_member (json_node_get_object (node), "figures");
  if (figures == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("Reference figures must be a JSON array or an object with a “figures” array"));
      return FALSE;
    }
  for (guint i = 0; i < json_array_get_length (figures); i++)
    if (!vera_ref_table_add_figure (self->project, json_array_get_element (figures, i), i, error))
      return FALSE;
  return TRUE;
}

gboolean
vera_plausibility_add_json (VeraPlausibility *self,
                            const char       *data,
                            gssize            length,
                            GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!json_parser_load_from_data (parser, data, length, error))
    return FALSE;
  return vera_plausibility_add_node (self, json_parser_get_root (parser), error);
}

/* ---- finding places in a sentence ---- */

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static GPtrArray *
lookup_name (Table      *t,
             const char *folded)
{
  return t != NULL ? g_hash_table_lookup (t->by_name, folded) : NULL;
}

static void
add_mention (GArray     *mentions,
             const char *text,
             gsize       start,
             gsize       end,
             const char *key,
             GPtrArray  *candidates,
             gboolean    project)
{
  Mention m = { start, end, 0, 0, candidates, project, "" };

  g_strlcpy (m.key, key, sizeof m.key);

  m.cp_start = g_utf8_pointer_to_offset (text, text + start);
  m.cp_end = m.cp_start + g_utf8_pointer_to_offset (text + start, text + end);
  g_array_append_val (mentions, m);
}

/* Names written in Han characters, longest first at each character. */
static void
find_han_mentions (VeraPlausibility *self,
                   Table            *shipped,
                   const char       *text,
                   gsize             start,
                   gsize             end,
                   GArray           *mentions)
{
  const char *p = text + start;

  while (p < text + end)
    {
      const char *q = p;
      const char *ends[MAX_HAN_NAME + 1];
      guint n = 0;
      gboolean found = FALSE;

      while (n < MAX_HAN_NAME && q < text + end && is_han (g_utf8_get_char (q)))
        {
          q = g_utf8_next_char (q);
          ends[++n] = q;
        }
      for (guint k = n; k >= 2 && !found; k--)
        {
          g_autofree char *name = g_strndup (p, ends[k] - p);
          GPtrArray *c = lookup_name (self->project, name);
          gboolean project = c != NULL;

          if (c == NULL)
            c = lookup_name (shipped, name);
          if (c != NULL)
            {
              add_mention (mentions, text, p - text, ends[k] - text, name, c, project);
              p = ends[k];
              found = TRUE;
            }
        }
      if (!found)
        p = g_utf8_next_char (p);
    }
}

static GArray *
find_mentions (VeraPlausibility *self,
               Table            *shipped,
               const char       *text,
               const GArray     *tokens)
{
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (Mention));

  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *first = vera_tokens_get (tokens, i);
      gboolean found = FALSE;

      if (first->kind != VERA_TOKEN_WORD)
        continue;
      if (is_han (g_utf8_get_char (text + first->start)))
        {
          find_han_mentions (self, shipped, text, first->start, first->end, mentions);
          continue;
        }
      if (!(first->flags & VERA_TOKEN_CAPITAL))
        continue;
      for (guint n = MIN (4, tokens->len - i); n > 0 && !found; n--)
        {
          const VeraToken *last = vera_tokens_get (tokens, i + n - 1);
          gsize end = last->end;
          g_autoptr(GString) joined = g_string_new (NULL);
          gboolean words = TRUE;

          for (guint k = 0; k < n; k++)
            {
              const VeraToken *t = vera_tokens_get (tokens, i + k);

              if (t->kind != VERA_TOKEN_WORD || (k > 0 && t->start != vera_tokens_get (tokens, i + k - 1)->end + 1))
                {
                  words = FALSE;
                  break;
                }
            }
          if (!words)
            continue;
          if (vera_token_has_suffix (text, last, "'s"))
            end -= 2;
          else if (vera_token_has_suffix (text, last, "\xe2\x80\x99s"))
            end -= 4;
          g_string_append_len (joined, text + first->start, end - first->start);
          /* Short names (US, UK) only in capitals: "us" is a word. */
          if (joined->len <= 3 && !(first->flags & VERA_TOKEN_UPPER))
            continue;
          for (int genitive = 0; genitive < 2 && !found; genitive++)
            {
              g_autofree char *folded = NULL;
              GPtrArray *c;
              gboolean project;

              if (genitive)
                {
                  /* German genitive: Deutschlands, Hamburgs. */
                  if (n != 1 || joined->len < 5 || joined->str[joined->len - 1] != 's')
                    break;
                  g_string_truncate (joined, joined->len - 1);
                }
              folded = g_utf8_casefold (joined->str, joined->len);
              c = lookup_name (self->project, folded);
              project = c != NULL;
              if (c == NULL)
                c = lookup_name (shipped, folded);
              if (c != NULL)
                {
                  add_mention (mentions, text, first->start, last->end, folded, c, project);
                  found = TRUE;
                  i += n - 1;
                }
            }
        }
    }
  return mentions;
}

/* ---- cue words ---- */

static const VeraLexicon *
lexicon (VeraLanguage  language,
         const char   *name)
{
  g_autofree char *full = g_strconcat ("plausibility-", name, NULL);

  return vera_lexicon_get (language, full);
}

/* The code point offset of the nearest entry of lexicon @name (in any of the three languages)
 * between @from and @to (code points), or -1; @value receives its value. Mentions of places are
 * skipped in Han text (比利时 holds no 比). */
static gboolean
inside_mention (const GArray *mentions,
                guint         cp)
{
  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);

      if (cp >= m->cp_start && cp < m->cp_end)
        return TRUE;
    }
  return FALSE;
}

typedef struct
{
  int         start;   /* code points, end exclusive; -1 when none */
  int         end;
  const char *value;
} Cue;

static void
keep_cue (Cue        *best,
          int         start,
          int         end,
          const char *value,
          int         near)
{
  if (best->start < 0 || abs (start - near) < abs (best->start - near))
    {
      best->start = start;
      best->end = end;
      best->value = value;
    }
}

static int
find_cue (const char   *text,
          const GArray *tokens,
          const GArray *mentions,
          const char   *name,
          int           from,
          int           to,
          int           near,
          Cue          *out)
{
  static const VeraLanguage latin[] = { VERA_LANGUAGE_EN, VERA_LANGUAGE_DE };
  const VeraLexicon *zh = lexicon (VERA_LANGUAGE_ZH, name);
  Cue best = { -1, -1, NULL };

  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if ((int) t->cp_end <= from || (int) t->cp_start >= to || t->kind != VERA_TOKEN_WORD)
        continue;
      if (is_han (g_utf8_get_char (text + t->start)))
        {
          const char *p = text + t->start;
          guint cp = t->cp_start;

          for (; p < text + t->end; p = g_utf8_next_char (p), cp++)
            {
              const char *v = NULL;
              gsize n;

              if ((int) cp < from || (int) cp >= to || inside_mention (mentions, cp))
                continue;
              n = vera_lexicon_match_prefix (zh, p, text + t->end - p, &v);
              if (n > 0)
                keep_cue (&best, cp, cp + g_utf8_strlen (p, n), v, near);
            }
          continue;
        }
      for (guint l = 0; l < G_N_ELEMENTS (latin); l++)
        {
          const char *v = NULL;
          guint n = vera_tokens_match_lexicon (text, tokens, i, lexicon (latin[l], name), &v);

          if (n > 0)
            keep_cue (&best, t->cp_start, vera_tokens_get (tokens, i + n - 1)->cp_end, v, near);
        }
      /* Latin words inside Chinese text ("GDP"). */
      {
        const char *v = NULL;
        guint n = vera_tokens_match_lexicon (text, tokens, i, zh, &v);

        if (n > 0)
          keep_cue (&best, t->cp_start, vera_tokens_get (tokens, i + n - 1)->cp_end, v, near);
      }
    }
  if (out != NULL)
    *out = best;
  return best.start;
}

static gboolean
has_cue (const char   *text,
         const GArray *tokens,
         const GArray *mentions,
         const char   *name,
         int           from,
         int           to)
{
  return find_cue (text, tokens, mentions, name, from, to, from, NULL) >= 0;
}

/* TRUE when the words between code points @from and @to are all connectors ("of", "the",
 * "von der", "的"), total verbs ("has", "is home to") or punctuation. */
static gboolean
only_connectors (const char   *text,
                 const GArray *tokens,
                 int           from,
                 int           to)
{
  static const VeraLanguage latin[] = { VERA_LANGUAGE_EN, VERA_LANGUAGE_DE };

  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      gboolean known = FALSE;

      if ((int) t->cp_end <= from || (int) t->cp_start >= to || t->kind == VERA_TOKEN_PUNCT)
        continue;
      if (is_han (g_utf8_get_char (text + t->start)))
        {
          /* The part of a Han run that lies in the gap, as one connector or none. */
          const char *a = g_utf8_offset_to_pointer (text + t->start,
                                                    MAX (from, (int) t->cp_start) - t->cp_start);
          const char *b = g_utf8_offset_to_pointer (text + t->start,
                                                    MIN (to, (int) t->cp_end) - t->cp_start);

          if (b > a && !vera_lexicon_contains (lexicon (VERA_LANGUAGE_ZH, "connectors"), a, b - a) &&
              !vera_lexicon_contains (lexicon (VERA_LANGUAGE_ZH, "total-verbs"), a, b - a))
            return FALSE;
          continue;
        }
      for (guint l = 0; l < G_N_ELEMENTS (latin) && !known; l++)
        {
          guint n = vera_tokens_match_lexicon (text, tokens, i, lexicon (latin[l], "total-verbs"),
                                               NULL);

          if (n > 0)
            {
              i += n - 1;
              known = TRUE;
            }
          else
            known = vera_tokens_match_lexicon (text, tokens, i, lexicon (latin[l], "connectors"),
                                               NULL) == 1;
        }
      if (!known)
        return FALSE;
    }
  return TRUE;
}

/* TRUE when the figure is the place's whole: its word for the whole stands next to the place
 * ("Germany's population", "population of Germany", "德国人口") or, for a count of people,
 * the place, a total verb and the figure with a one-word noun ("Germany has 20 million
 * inhabitants", not "… 20 million Muslim inhabitants"). */
static gboolean
attached (const char         *text,
          const GArray       *tokens,
          const VeraQuantity *q,
          const Near         *place,
          const Cue          *indicator)
{
  if (place->place == NULL)
    return FALSE;
  if (indicator->start >= 0)
    {
      guint before = 0;

      /* "日本有4000万人口": the figure itself may stand between place and word. */
      if (indicator->start >= (int) q->start && (int) q->start >= (int) place->cp_end)
        return only_connectors (text, tokens, place->cp_end, q->start) &&
               (indicator->start <= (int) q->end ||
                only_connectors (text, tokens, q->end, indicator->start));
      if (indicator->start >= (int) place->cp_end)
        return only_connectors (text, tokens, place->cp_end, indicator->start);
      /* "die muslimische Bevölkerung Deutschlands": the word before the whole's word too. */
      while (before < tokens->len && (int) vera_tokens_get (tokens, before)->cp_end <= indicator->start)
        before++;
      if (before > 0 &&
          !only_connectors (text, tokens, vera_tokens_get (tokens, before - 1)->cp_start,
                            indicator->start))
        return FALSE;
      return only_connectors (text, tokens, indicator->end, place->cp_start);
    }
  if (q->noun != NULL && strchr (q->noun, ' ') != NULL)
    return FALSE;
  return place->cp_end <= q->start && only_connectors (text, tokens, place->cp_end, q->start);
}

/* Where the qualifier written before @q starts ("more than 250 million": the "more"), or
 * @q's start when none: the words of a qualifier are not hedges ("than"). */
static int
qualifier_before (const char         *text,
                  const GArray       *tokens,
                  const VeraQuantity *q)
{
  static const VeraLanguage latin[] = { VERA_LANGUAGE_EN, VERA_LANGUAGE_DE };
  guint first = 0;

  if (q->qualifier == NULL)
    return (int) q->start;
  while (first < tokens->len && vera_tokens_get (tokens, first)->cp_end <= q->start)
    first++;
  for (guint back = 1; back <= 3 && back <= first; back++)
    for (guint l = 0; l < G_N_ELEMENTS (latin); l++)
      {
        const VeraLexicon *qualifiers = vera_lexicon_get (latin[l], "figure-qualifiers");

        if (vera_tokens_match_lexicon (text, tokens, first - back, qualifiers, NULL) == back)
          return (int) vera_tokens_get (tokens, first - back)->cp_start;
      }
  return (int) q->start;
}

/* TRUE when nothing but a year follows @q in its clause ("…is 20 million, officials said",
 * "…20 million in 2023."): "20 million inhabitants with a Turkish passport" is a part. */
static gboolean
ends_clause (const char         *text,
             const GArray       *tokens,
             const VeraQuantity *q)
{
  guint skipped = 0;

  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->cp_start < q->end)
        continue;
      if (t->kind == VERA_TOKEN_PUNCT)
        return t->ch != '-' && t->ch != '/' && t->ch != '&';
      if (skipped++ >= 3)
        return FALSE;
      if (t->kind == VERA_TOKEN_NUMBER && t->end - t->start == 4)
        continue;
      if (!vera_token_is (text, t, "in") && !vera_token_is (text, t, "im") &&
          !vera_token_is (text, t, "jahr") && !vera_token_is (text, t, "year") &&
          !vera_token_is (text, t, "\xe5\xb9\xb4"))
        return FALSE;
    }
  return TRUE;
}

/* TRUE when the sentence holds a number other than @q and years ("aged over 65", "2% of
 * GDP"): then a figure below the whole may be a part of it. */
static gboolean
other_numbers (const char         *text,
               const GArray       *tokens,
               const VeraQuantity *q)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      int value;

      if (t->kind != VERA_TOKEN_NUMBER || (t->cp_start >= q->start && t->cp_end <= q->end))
        continue;
      value = atoi (text + t->start);
      if (t->end - t->start == 4 && value >= 1900 && value <= 2100)
        continue;
      return TRUE;
    }
  return FALSE;
}

static gboolean
sentence_is_han (const char *text,
                 gsize       length)
{
  guint han = 0, other = 0;

  for (const char *p = text; p < text + length; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_han (c))
        han++;
      else if (g_unichar_isalpha (c))
        other++;
    }
  return han > other;
}

/* ---- choosing the place a name means ---- */

static gboolean
division_elsewhere (Table      *shipped,
                    const char *name,
                    const char *iso2)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);
  const char *codes = g_hash_table_lookup (shipped->divisions, folded);
  g_auto(GStrv) list = NULL;

  if (codes == NULL)
    return FALSE;
  list = g_strsplit (codes, " ", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (list[i], iso2) != 0)
      return TRUE;
  return FALSE;
}

static gboolean
country_mentioned (const GArray *mentions,
                   const char   *iso2)
{
  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);

      for (guint k = 0; k < m->candidates->len; k++)
        {
          const Place *p = g_ptr_array_index (m->candidates, k);

          if (p->kind == PLACE_COUNTRY && m->candidates->len == 1 && strcmp (p->iso2, iso2) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

/* The place @m means for @measure, or NULL when the name stays ambiguous. */
static const Place *
resolve (Table        *shipped,
         const char   *text,
         const Mention *m,
         const GArray *mentions,
         Measure       measure,
         const char   *kind_word)
{
  g_autoptr(GPtrArray) c = g_ptr_array_new ();
  const char *name = m->key;
  const Place *best = NULL;
  double first = 0, second = 0;

  for (guint i = 0; i < m->candidates->len; i++)
    {
      Place *p = g_ptr_array_index (m->candidates, i);

      if (!vera_ref_place_has (p, measure))
        continue;
      if (kind_word != NULL && p->kind != PLACE_PROJECT &&
          (strcmp (kind_word, "city") == 0) != (p->kind == PLACE_CITY))
        continue;
      g_ptr_array_add (c, p);
    }
  if (m->project)
    return c->len == 1 ? g_ptr_array_index (c, 0) : NULL;

  /* A capital that is most of its country is the country (Singapore, Hong Kong). */
  for (guint i = 0; i < c->len && c->len > 1; i++)
    {
      const Place *city = g_ptr_array_index (c, i);

      for (guint k = 0; k < c->len; k++)
        {
          const Place *country = g_ptr_array_index (c, k);

          if (city->kind == PLACE_CITY && country->kind == PLACE_COUNTRY &&
              strcmp (city->iso2, country->iso2) == 0 &&
              vera_ref_place_size (city) >= CITY_STATE_SHARE * vera_ref_place_size (country))
            {
              g_ptr_array_remove_index (c, i);
              i = (guint) -1;
              break;
            }
        }
    }
  /* "Córdoba, Argentina": the country named beside the city. */
  if (c->len > 1)
    {
      g_autoptr(GPtrArray) in_country = g_ptr_array_new ();

      for (guint i = 0; i < c->len; i++)
        {
          const Place *p = g_ptr_array_index (c, i);

          if (p->kind == PLACE_CITY && country_mentioned (mentions, p->iso2))
            g_ptr_array_add (in_country, (gpointer) p);
        }
      if (in_country->len == 1)
        {
          g_ptr_array_set_size (c, 0);
          g_ptr_array_add (c, g_ptr_array_index (in_country, 0));
        }
    }
  for (guint i = 0; i < c->len; i++)
    {
      const Place *p = g_ptr_array_index (c, i);
      double size = measure == MEASURE_POPULATION ? vera_ref_place_size (p) : (p->kind == PLACE_COUNTRY ? 1 : 0);

      if (size > first)
        {
          second = first;
          first = size;
          best = p;
        }
      else if (size > second)
        second = size;
    }
  if (best == NULL || (c->len > 1 && first < DOMINANCE * second))
    return NULL;
  /* Georgia the country is also Georgia the state; a state is not in the table, so only a
   * word such as "country" decides. */
  if (kind_word == NULL && division_elsewhere (shipped, name, best->iso2))
    return NULL;
  return best;
}

/* ---- judging ---- */

/* The year a sentence gives for its figure: the scope's, else the nearest four-digit year. */
static int
figure_year (const VeraQuantity *q,
             const char         *text,
             gsize               length)
{
  int best = 0;
  int best_dist = G_MAXINT;
  guint q_mid = (q->start + q->end) / 2;
  guint cp = 0;

  if (q->scope != NULL)
    for (const char *s = q->scope; *s != '\0'; s++)
      if (g_ascii_isdigit (s[0]) && g_ascii_isdigit (s[1]) && g_ascii_isdigit (s[2]) &&
          g_ascii_isdigit (s[3]) && !g_ascii_isdigit (s[4]) &&
          (s == q->scope || !g_ascii_isdigit (s[-1])))
        return atoi (s);
  for (const char *p = text; p < text + length; p = g_utf8_next_char (p), cp++)
    {
      if (p + 4 <= text + length && g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) &&
          g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
          (p + 4 == text + length || !g_ascii_isdigit (p[4])) &&
          (p == text || (!g_ascii_isdigit (p[-1]) && p[-1] != '.' && p[-1] != ',')) &&
          (p + 4 == text + length || (p[4] != '.' && p[4] != ',') || p + 5 == text + length ||
           !g_ascii_isdigit (p[5])))
        {
          int year = atoi (p);
          int dist = abs ((int) cp - (int) q_mid);

          if (year >= 1900 && year <= 2100 && (cp < q->start || cp >= q->end) && dist < best_dist)
            {
              best = year;
              best_dist = dist;
            }
        }
    }
  return best;
}

/* Rough US$ per unit of a currency: GDP is compared in current US$ with a wide margin. */
static double
usd_rate (const char *unit,
          gboolean   *exact)
{
  static const struct { const char *code; double rate; } rates[] = {
    { "CNY", 0.14 }, { "EUR", 1.10 }, { "GBP", 1.27 }, { "JPY", 0.0075 },
  };

  *exact = FALSE;
  if (strcmp (unit, "USD") == 0)
    {
      *exact = TRUE;
      return 1;
    }
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (strcmp (unit, rates[i].code) == 0)
      return rates[i].rate;
  return 0;
}

static char *
format_count (double value)
{
  g_autofree char *digits = g_strdup_printf ("%.0f", value);
  GString *out = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0 && g_ascii_isdigit (digits[i - 1]))
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

static char *
format_significant (double scaled)
{
  return g_strdup_printf (scaled >= 100 ? "%.0f" : scaled >= 10 ? "%.1f" : "%.2f", scaled);
}

/* "83.3 million", "4.46 trillion", "357,021". */
static char *
format_scaled (double value)
{
  g_autofree char *number = NULL;

  if (value >= 1e12)
    {
      number = format_significant (value / 1e12);
      /* Translators: a figure of trillions (10¹²), e.g. "4.46 trillion" */
      return g_strdup_printf (C_("number scale", "%s trillion"), number);
    }
  if (value >= 1e9)
    {
      number = format_significant (value / 1e9);
      /* Translators: a figure of billions (10⁹), e.g. "3.34 billion" */
      return g_strdup_printf (C_("number scale", "%s billion"), number);
    }
  if (value >= 1e6)
    {
      number = format_significant (value / 1e6);
      /* Translators: a figure of millions, e.g. "83.3 million" */
      return g_strdup_printf (C_("number scale", "%s million"), number);
    }
  return format_count (value);
}

static char *
format_reference (const VeraReferenceFigure *ref,
                  Measure                    measure)
{
  g_autofree char *number = format_scaled (ref->value);

  if (measure == MEASURE_GDP)
    /* Translators: an amount in US dollars, e.g. "US$4.46 trillion" */
    return g_strdup_printf (_("US$%s"), number);
  if (measure == MEASURE_AREA)
    {
      g_autofree char *count = format_count (ref->value);

      /* Translators: an area in square kilometres, e.g. "357,021 km²" */
      return g_strdup_printf (_("%s km²"), count);
    }
  return g_steal_pointer (&number);
}

static char *
describe (const VeraReferenceFigure *ref,
          Measure                    measure,
          const char                *place)
{
  if (measure == MEASURE_GDP)
    /* Translators: what a reference figure measures, e.g. "GDP of Germany" */
    return g_strdup_printf (_("GDP of %s"), place);
  if (measure == MEASURE_AREA)
    /* Translators: what a reference figure measures, e.g. "area of Germany" */
    return g_strdup_printf (_("area of %s"), place);
  if (g_ascii_strcasecmp (ref->measure, "metro") == 0)
    /* Translators: what a reference figure measures, e.g. "urban agglomeration of Tokyo" */
    return g_strdup_printf (_("urban agglomeration of %s"), place);
  /* Translators: what a reference figure measures, e.g. "population of Germany" */
  return g_strdup_printf (_("population of %s"), place);
}

/* The place's name in the language of the user's messages. */
static const char *
display_name (const Place *place)
{
  /* Translators: the language whose names of countries and cities the messages use: "en",
   * "de" or "zh"; any other value shows the English names. */
  const char *language = C_("language of place names", "en");

  if (strcmp (language, "de") == 0 && place->name_de != NULL)
    return place->name_de;
  if (strcmp (language, "zh") == 0 && place->name_zh != NULL)
    return place->name_zh;
  return place->name;
}

static char *
reason_for (const VeraQuantity        *q,
            const VeraReferenceFigure *ref,
            Measure                    measure,
            const char                *place)
{
  g_autofree char *value = format_reference (ref, measure);
  g_autofree char *what = describe (ref, measure, place);

  if (ref->year != 0)
    /* Translators: the figure in the article against a reference, e.g. "article: 120 million;
     * World Bank 2023: 83.3 million (population of Germany)" */
    return g_strdup_printf (_("article: %s; %s %d: %s (%s)"), q->text, ref->source, ref->year,
                            value, what);
  /* Translators: the same for a reference without a year, e.g. "article: 5 million; GeoNames:
   * 1.85 million (population of Hamburg)" */
  return g_strdup_printf (_("article: %s; %s: %s (%s)"), q->text, ref->source, value, what);
}

typedef struct
{
  double low;    /* flag below value × low (totals only) */
  double high;   /* flag above value × high */
} Margin;

static Margin
margin_for (const Place               *place,
            const VeraReferenceFigure *ref,
            Measure                    measure,
            gboolean                   year_given,
            gboolean                   exact_currency)
{
  Margin m = { 0.4, 1.25 };

  if (place->kind == PLACE_CITY)
    {
      /* City proper, municipality or agglomeration, and no year: only far off is wrong. */
      m.low = 0.35;
      m.high = 2.5;
    }
  else if (place->kind == PLACE_PROJECT)
    {
      m.low = 0.4;
      m.high = 1.1;
    }
  else if (measure == MEASURE_GDP)
    {
      m.low = exact_currency ? 0.4 : 0.3;
      m.high = exact_currency ? (year_given ? 1.5 : 1.7) : 2.2;
    }
  else if (measure == MEASURE_AREA)
    m.high = 1.3;
  else if (ref->year == 0)
    {
      m.low = 0.35;
      m.high = 1.5;
    }
  return m;
}

/* What a figure is: a total of @measure, or (@part) a count of some of the place's people. */
static Measure
classify (const VeraQuantity *q,
          const char         *text,
          const GArray       *tokens,
          const GArray       *mentions,
          gboolean            han,
          gboolean           *part,
          gboolean           *resident,
          Cue                *indicator)
{
  int before = han ? WINDOW_BEFORE_HAN : 50;
  int after = han ? WINDOW_AFTER_HAN : WINDOW_AFTER_LATIN / 2;
  int from = (int) q->start - before;
  int to = (int) q->end + after;
  gboolean people = FALSE;

  *part = FALSE;
  *resident = FALSE;
  indicator->start = indicator->end = -1;
  indicator->value = NULL;
  if (q->unit != NULL && vera_quantity_unit_is_currency (q->unit))
    return find_cue (text, tokens, mentions, "gdp", from, to, q->start, indicator) >= 0
           ? MEASURE_GDP : MEASURE_NONE;
  if (q->unit != NULL && strcmp (q->unit, "km2") == 0)
    return find_cue (text, tokens, mentions, "area", from, to, q->start, indicator) >= 0
           ? MEASURE_AREA : MEASURE_NONE;
  if (q->unit != NULL && strcmp (q->unit, "count") != 0)
    return MEASURE_NONE;

  if (q->noun != NULL)
    {
      g_autofree char *lower = g_utf8_strdown (q->noun, -1);
      const char *space = strrchr (lower, ' ');
      const char *head = space != NULL ? space + 1 : lower;

      for (VeraLanguage l = VERA_LANGUAGE_EN; l <= VERA_LANGUAGE_ZH; l++)
        {
          const char *v = vera_lexicon_lookup (lexicon (l, "people"), head, -1);

          people |= v != NULL || vera_lexicon_contains (lexicon (l, "population"), head, -1);
          *resident |= v != NULL && strcmp (v, "resident") == 0;
        }
    }
  else if (q->unit != NULL && g_str_has_suffix (q->text, "\xe4\xba\xba"))   /* 人 */
    people = TRUE;
  else if (han && q->unit == NULL)
    {
      /* "900万居民": the noun follows the figure unattached. */
      const char *after_q = g_utf8_offset_to_pointer (text, q->end);
      const char *v = NULL;

      people = vera_lexicon_match_prefix (lexicon (VERA_LANGUAGE_ZH, "people"), after_q,
                                          strnlen (after_q, 32), &v) > 0;
      *resident = people && v != NULL && strcmp (v, "resident") == 0;
    }

  /* "population of 120 million", "人口为8330万", "Einwohnerzahl von 3,7 Millionen". */
  if (find_cue (text, tokens, mentions, "population", from, to, q->start, indicator) >= 0)
    return MEASURE_POPULATION;
  if (!people)
    return MEASURE_NONE;
  /* "Germany has 83 million inhabitants", "上海有2487万人". */
  if (has_cue (text, tokens, mentions, "total-verbs", (int) q->start - (han ? 3 : 16), (int) q->start))
    return MEASURE_POPULATION;
  *part = TRUE;
  return MEASURE_POPULATION;
}

static gboolean
punct_between (const GArray *tokens,
               guint         from,
               guint         to)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->cp_start >= from && t->cp_end <= to && t->kind == VERA_TOKEN_PUNCT &&
          t->ch != '-' && t->ch != '\'' && t->ch != 0x2019)
        return TRUE;
    }
  return FALSE;
}

static gboolean
mention_has (const Mention *m,
             Measure        measure)
{
  for (guint i = 0; i < m->candidates->len; i++)
    if (vera_ref_place_has (g_ptr_array_index (m->candidates, i), measure))
      return TRUE;
  return FALSE;
}

static int
near_compare (gconstpointer a,
              gconstpointer b)
{
  return ((const Near *) a)->dist - ((const Near *) b)->dist;
}

/* The place nearest the figure, or NULL when none, or when another place or an ambiguous name
 * is about as near. A country named beside one of its cities ("Córdoba, Spain") is context,
 * not a second subject. */
static const Place *
subject_of (Table              *shipped,
            const char         *text,
            const GArray       *tokens,
            const GArray       *mentions,
            const VeraQuantity *q,
            Measure             measure,
            gboolean            han,
            const char         *kind_word,
            Near               *chosen)
{
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (Near));
  int before = han ? WINDOW_BEFORE_HAN : WINDOW_BEFORE_LATIN;
  int after = han ? WINDOW_AFTER_HAN : WINDOW_AFTER_LATIN;
  const Near *best;

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      Near n;

      if (m->cp_end <= q->start)
        n.dist = (int) q->start - (int) m->cp_end;
      else if (m->cp_start >= q->end)
        n.dist = (int) m->cp_start - (int) q->end;
      else
        n.dist = 0;   /* inside the figure's noun: "2 million Valmora residents" */
      if ((m->cp_end <= q->start && n.dist > before) || (m->cp_start >= q->end && n.dist > after))
        continue;
      /* "$27 trillion, Germany's $4.5 trillion": a place after a comma is the next figure's,
       * unless none comes before ("With 250 million people, Germany …"). */
      n.after_comma = m->cp_start >= q->end && punct_between (tokens, q->end, m->cp_start);
      n.place = resolve (shipped, text, m, mentions, measure, kind_word);
      n.cp_start = m->cp_start;
      n.cp_end = m->cp_end;
      /* A place without this measure (a city beside a GDP) is no rival. */
      if (n.place == NULL && !mention_has (m, measure))
        continue;
      g_array_append_val (near, n);
    }
  for (guint i = 0; i < near->len; i++)
    if (!g_array_index (near, Near, i).after_comma)
      {
        for (guint k = near->len; k-- > 0;)
          if (g_array_index (near, Near, k).after_comma)
            g_array_remove_index (near, k);
        break;
      }
  /* The country of a city named beside it is its context. */
  for (guint i = 0; i < near->len; i++)
    {
      const Near *country = &g_array_index (near, Near, i);
      gboolean context = FALSE;

      if (country->place == NULL || country->place->kind != PLACE_COUNTRY)
        continue;
      for (guint k = 0; k < near->len && !context; k++)
        {
          const Near *city = &g_array_index (near, Near, k);

          context = city->place != NULL && city->place->kind == PLACE_CITY &&
                    strcmp (city->place->iso2, country->place->iso2) == 0;
        }
      if (context)
        g_array_remove_index (near, i--);
    }
  if (near->len == 0)
    return NULL;
  g_array_sort (near, near_compare);
  best = &g_array_index (near, Near, 0);
  if (best->place == NULL)
    return NULL;
  for (guint i = 1; i < near->len; i++)
    {
      const Near *other = &g_array_index (near, Near, i);

      if (other->place == best->place)
        continue;
      if (other->dist < 2 * best->dist + 8)
        return NULL;
    }
  if (chosen != NULL)
    *chosen = *best;
  return best->place;
}

static const Place *
place_by_name (VeraPlausibility *self,
               const char       *name,
               Measure           measure)
{
  Table *shipped = get_shipped (self);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GPtrArray *c;
  const Place *p;

  if ((p = g_hash_table_lookup (self->project->by_id, folded)) != NULL)
    return p;
  if ((c = lookup_name (self->project, folded)) != NULL && c->len == 1)
    return g_ptr_array_index (c, 0);
  if ((p = g_hash_table_lookup (shipped->by_id, name)) != NULL)
    return p;
  if ((c = lookup_name (shipped, folded)) != NULL)
    {
      Mention m = { 0, strlen (name), 0, 0, c, FALSE, "" };
      g_autoptr(GArray) none = g_array_new (FALSE, FALSE, sizeof (Mention));

      g_strlcpy (m.key, folded, sizeof m.key);
      return resolve (shipped, name, &m, none, measure, NULL);
    }
  return NULL;
}

/* The project's figure for a place of the shipped table that the project names the same. */
static const Place *
project_override (VeraPlausibility *self,
                  const Place      *place,
                  Measure           measure)
{
  g_autofree char *folded = NULL;
  GPtrArray *c;

  if (place->kind == PLACE_PROJECT)
    return place;
  folded = g_utf8_casefold (place->name, -1);
  c = lookup_name (self->project, folded);
  if (c != NULL && c->len == 1 && vera_ref_place_has (g_ptr_array_index (c, 0), measure))
    return g_ptr_array_index (c, 0);
  return place;
}

static VeraImplausible *
judge (VeraPlausibility   *self,
       const VeraQuantity *q,
       const Place        *place,
       Measure             measure,
       gboolean            part,
       gboolean            low_allowed,
       int                 year)
{
  const VeraReferenceFigure *ref = NULL, *low_ref = NULL, *high_ref = NULL;
  double value = isnan (q->value_to) ? q->value : MAX (q->value, q->value_to);
  double low_value = isnan (q->value_to) ? q->value : MIN (q->value, q->value_to);
  gboolean exact = TRUE;
  gboolean lower_bound, upper_bound;
  Margin margin;
  VeraImplausible *finding;

  place = project_override (self, place, measure);
  if (measure == MEASURE_GDP)
    {
      double rate = usd_rate (q->unit, &exact);

      if (rate == 0)
        return NULL;
      value *= rate;
      low_value *= rate;
    }
  if (place->kind == PLACE_CITY && measure == MEASURE_POPULATION)
    {
      /* Held against the largest and the smallest of city, municipality and agglomeration. */
      if (year != 0 && year < 1990)
        return NULL;
      for (guint i = 0; i < place->figures->len; i++)
        {
          const VeraReferenceFigure *f = g_ptr_array_index (place->figures, i);

          if (!vera_ref_measure_matches (f, measure, TRUE))
            continue;
          if (high_ref == NULL || f->value > high_ref->value)
            high_ref = f;
          if (low_ref == NULL || f->value < low_ref->value)
            low_ref = f;
        }
    }
  else
    {
      ref = vera_ref_place_figure (place, measure, year);
      /* A year the series does not cover: no answer rather than a guess. */
      if (ref == NULL || (year != 0 && ref->year != 0 && abs (ref->year - year) > 2))
        return NULL;
      if (ref->year == 0 && year != 0 && year < 1990)
        return NULL;
      low_ref = high_ref = ref;
    }
  if (high_ref == NULL)
    return NULL;
  margin = margin_for (place, high_ref, measure, year != 0, exact);
  /* "More than 20 million" is true of 83 million; "up to 250 million" of 83 million too. */
  lower_bound = q->qualifier != NULL && (strcmp (q->qualifier, "more than") == 0 ||
                                         strcmp (q->qualifier, "at least") == 0);
  upper_bound = q->qualifier != NULL && (strcmp (q->qualifier, "less than") == 0 ||
                                         strcmp (q->qualifier, "at most") == 0 ||
                                         strcmp (q->qualifier, "no more than") == 0 ||
                                         strcmp (q->qualifier, "up to") == 0);
  if (!upper_bound && value > high_ref->value * margin.high)
    ref = high_ref;
  /* Below 10,000 a total is a figure misread ("83.3m" as 83.3), not a claim to hold. */
  else if (!lower_bound && !part && low_allowed && low_value >= MIN_LOW_FIGURE &&
           low_value < low_ref->value * margin.low)
    ref = low_ref;
  else
    return NULL;
  finding = g_new0 (VeraImplausible, 1);
  finding->reason = reason_for (q, ref, measure, display_name (place));
  finding->reference = vera_reference_figure_copy (ref);
  return finding;
}

/* "120% of residents", "120 Prozent der Einwohner", "120%的居民", "人口的120%". */
static gboolean
share_of_people (const char         *text,
                 const GArray       *tokens,
                 const GArray       *mentions,
                 const VeraQuantity *q,
                 gboolean            han)
{
  guint last = 0;

  if (han)
    {
      const char *end = g_utf8_offset_to_pointer (text, q->end);
      const char *start = g_utf8_offset_to_pointer (text, q->start);

      if (g_str_has_prefix (end, "的") &&
          (has_cue (text, tokens, mentions, "people", q->end + 1, q->end + 4) ||
           has_cue (text, tokens, mentions, "population", q->end + 1, q->end + 5)))
        return TRUE;
      return start - text >= 3 && strncmp (start - 3, "的", 3) == 0 && q->start >= 3 &&
             (has_cue (text, tokens, mentions, "population", (int) q->start - 5, (int) q->start - 1) ||
              has_cue (text, tokens, mentions, "people", (int) q->start - 3, (int) q->start - 1));
    }
  while (last < tokens->len && vera_tokens_get (tokens, last)->cp_end < q->end)
    last++;
  if (last + 1 >= tokens->len)
    return FALSE;
  {
    const VeraToken *next = vera_tokens_get (tokens, last + 1);

    if (!vera_token_is (text, next, "of") && !vera_token_is (text, next, "der") &&
        !vera_token_is (text, next, "des") && !vera_token_is (text, next, "aller"))
      return FALSE;
    return has_cue (text, tokens, mentions, "people", next->cp_end, next->cp_end + 30) ||
           has_cue (text, tokens, mentions, "population", next->cp_end, next->cp_end + 30);
  }
}

GPtrArray *
vera_plausibility_check (VeraPlausibility *self,
                         const char       *sentence,
                         gsize             length,
                         const GPtrArray  *quantities,
                         const char       *default_subject)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_implausible_free);
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) mentions = NULL;
  Table *shipped;
  gboolean han;
  const char *kind_word = NULL;
  Cue kind_cue;

  g_return_val_if_fail (self != NULL, result);
  g_return_val_if_fail (sentence != NULL || length == 0, result);

  if (quantities == NULL || quantities->len == 0)
    return result;
  shipped = get_shipped (self);
  tokens = vera_tokens_split (sentence, length);
  mentions = find_mentions (self, shipped, sentence, tokens);
  han = sentence_is_han (sentence, length);
  find_cue (sentence, tokens, mentions, "place-kinds", 0, G_MAXINT, 0, &kind_cue);
  kind_word = kind_cue.value;

  for (guint qi = 0; qi < quantities->len; qi++)
    {
      const VeraQuantity *q = g_ptr_array_index (quantities, qi);
      int hedge_before = han ? HEDGE_BEFORE_HAN : HEDGE_BEFORE_LATIN;
      int hedge_after = han ? HEDGE_AFTER_HAN : HEDGE_AFTER_LATIN;
      VeraImplausible *finding = NULL;
      const Place *place = NULL;
      gboolean part = FALSE;
      gboolean resident = FALSE;
      int qualifier_start;
      Near chosen = { NULL, 0, 0, 0, FALSE };
      Cue indicator;
      Measure measure;

      if (q->unit != NULL && strcmp (q->unit, "percent") == 0)
        {
          double top = isnan (q->value_to) ? q->value : MAX (q->value, q->value_to);

          if (top <= 100 || !share_of_people (sentence, tokens, mentions, q, han))
            continue;
          place = subject_of (shipped, sentence, tokens, mentions, q, MEASURE_POPULATION, han, kind_word,
                              NULL);
          if (place == NULL && default_subject != NULL)
            place = place_by_name (self, default_subject, MEASURE_POPULATION);
          finding = g_new0 (VeraImplausible, 1);
          finding->reason = g_strdup_printf (_("%s of a population is more than all of it."),
                                             q->text);
          if (place != NULL)
            {
              const VeraReferenceFigure *ref = vera_ref_place_figure (place, MEASURE_POPULATION, 0);

              finding->reference = ref != NULL ? vera_reference_figure_copy (ref) : NULL;
            }
        }
      else
        {
          measure = classify (q, sentence, tokens, mentions, han, &part, &resident, &indicator);
          if (measure == MEASURE_NONE)
            continue;
          /* A change, a forecast, a comparison or a figure per head is not the total. */
          qualifier_start = qualifier_before (sentence, tokens, q);
          if (has_cue (sentence, tokens, mentions, "per-head", 0, G_MAXINT) ||
              has_cue (sentence, tokens, mentions, "hedges", (int) q->start - hedge_before,
                       qualifier_start) ||
              has_cue (sentence, tokens, mentions, "hedges", (int) q->end,
                       (int) q->end + hedge_after))
            continue;
          place = subject_of (shipped, sentence, tokens, mentions, q, measure, han, kind_word,
                              &chosen);
          /* "Lincoln's 3 million voters" may be a man's: a count of people is held against a
           * small city only when the sentence calls it a city. */
          if (place != NULL && part && place->kind == PLACE_CITY &&
              vera_ref_place_size (place) < DEFAULT_CITY_SIZE &&
              (kind_word == NULL || strcmp (kind_word, "city") != 0))
            place = NULL;
          /* "2 million residents" are the article's city's; "2 million people" anyone's. */
          if (place == NULL && part && resident && default_subject != NULL)
            place = place_by_name (self, default_subject, measure);
          if (place == NULL)
            continue;
          finding = judge (self, q, place, measure, part,
                           attached (sentence, tokens, q, &chosen, &indicator) &&
                           !has_cue (sentence, tokens, mentions, "part-cues", 0, G_MAXINT) &&
                           !other_numbers (sentence, tokens, q) &&
                           ends_clause (sentence, tokens, q),
                           figure_year (q, sentence, length));
        }
      if (finding == NULL)
        continue;
      finding->quantity = qi;
      finding->text = g_strdup (q->text);
      finding->start = q->start;
      finding->end = q->end;
      g_ptr_array_add (result, finding);
    }
  return result;
}

const VeraReferenceFigure *
vera_plausibility_lookup (VeraPlausibility *self,
                          const char       *subject,
                          const char       *measure)
{
  Measure m;
  const Place *place;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (subject != NULL && measure != NULL, NULL);

  m = vera_ref_measure_from_name (measure);
  if (m == MEASURE_NONE)
    return NULL;
  place = place_by_name (self, subject, m);
  if (place == NULL)
    return NULL;
  return vera_ref_place_figure (project_override (self, place, m), m, 0);
}

const char *
vera_plausibility_guess_subject (VeraPlausibility *self,
                                 const char       *text,
                                 gsize             length)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GArray) mentions = NULL;
  g_autoptr(GHashTable) counts = NULL;
  Table *shipped;
  const Place *best = NULL;
  guint best_count = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL || length == 0, NULL);

  shipped = get_shipped (self);
  tokens = vera_tokens_split (text, length);
  mentions = find_mentions (self, shipped, text, tokens);
  counts = g_hash_table_new (g_direct_hash, g_direct_equal);
  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      const Place *p = resolve (shipped, text, m, mentions, MEASURE_POPULATION, NULL);
      guint count;

      /* "Residents" stand for a city or the project's own place; of the shipped cities only
       * large ones with a name longer than a surname or a given name (Bush, George) count. */
      if (p == NULL || (p->kind != PLACE_CITY && p->kind != PLACE_PROJECT))
        continue;
      if (p->kind == PLACE_CITY && (vera_ref_place_size (p) < DEFAULT_CITY_SIZE || strlen (m->key) < 5))
        continue;
      count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, p)) + 1;
      g_hash_table_insert (counts, (gpointer) p, GUINT_TO_POINTER (count));
      if (count > best_count)
        {
          best_count = count;
          best = p;
        }
    }
  return best != NULL ? best->id : NULL;
}
