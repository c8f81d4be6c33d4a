/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-linker"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "vera-linker.h"
#include "vera-people.h"
#include "vera-person.h"
#include "vera-quantities.h"
#include "vera-quantity.h"
#include "vera-tokens.h"

/* Figures are linked by a subject key: the counted noun (or the "of" phrase of a share),
 * lower-cased and stemmed, generic heads folded into families, origin adjectives folded into
 * one class, and words that only praise or decorate dropped. The key also holds the unit and
 * whether the figure is a rate ("annually"). Figures whose keys agree and whose years overlap
 * are compared; all of it is hashing, never a comparison of every pair of claims. */

typedef struct
{
  const char *word;
  const char *family;
} Family;

static const Family head_families[] = {
  { "firm", "org" }, { "company", "org" }, { "enterprise", "org" }, { "institution", "org" },
  { "organisation", "org" }, { "organization", "org" }, { "business", "org" },
  { "corporation", "org" }, { "employer", "org" }, { "entity", "org" },
  { "expert", "talent" }, { "worker", "talent" }, { "professional", "talent" },
  { "talent", "talent" }, { "specialist", "talent" }, { "employee", "talent" },
  { "staff", "talent" }, { "personnel", "talent" }, { "returnee", "talent" },
  { "lab", "lab" }, { "laboratory", "lab" }, { "start-up", "startup" },
  { "researcher", "researcher" }, { "scientist", "researcher" }, { "scholar", "researcher" },
  { "centre", "center" }, { "programme", "program" }, { "organisation", "org" },
  { "people", "person" }, { "individual", "person" },
};

/* Nouns that carry an event of their own: a returnee is someone who returned. */
static const Family head_events[] = {
  { "returnee", "return" }, { "immigrant", "immigrate" }, { "emigrant", "emigrate" },
  { "arrival", "arriv" }, { "graduate", "graduate" }, { "hire", "hir" }, { "recruit", "recruit" },
};

static const char * const origin_words[] = {
  "foreign", "overseas", "oversea", "international", "expat", "expatriate", "abroad", "offshore",
  "non-native", "outside", NULL
};

static const char * const filler_words[] = {
  "tech", "technology", "technological", "high-tech", "hi-tech", "research", "r&d", "cutting-edge",
  "leading", "innovative", "new", "major", "top", "specialized", "specialised", "advanced",
  "modern", "various", "different", "active", "registered", "total", "existing", "educated",
  "skilled", "highly", "high-end", "world-class", "top-tier", "elite", "qualified", "talented",
  "the", "its", "their", "of", "additional", "more", "other", "such", NULL
};

static const char * const np_function_words[] = {
  "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
  "that", "which", "who", "is", "are", "was", "were", "has", "have", "had", "will", "its",
  "their", "than", "as", "across", "into", "per", "each", "while", "including", NULL
};

static const char * const event_exceptions[] = {
  "based", "owned", "led", "backed", "funded", "related", "listed", "skilled", "educated",
  "qualified", "registered", "need", "used", "named", "called", "located", "including",
  "according", "excluding", "totaling", "totalling", "worth", "during", "following", "working",
  "living", "operating", "employed", "staying", "residing", "currently", "nationwide", NULL
};

/* One figure or one person's role, as the linker keeps it. The strings live in the linker's
 * string chunk (shared ones interned): a project of 10,000 articles holds hundreds of thousands
 * of entries. */
typedef struct
{
  const char *article_id;
  const char *claim_id;
  const char *text;
  const char *noun;    /* figures: the counted noun; persons: role nouns, '\n'-separated */
  const char *unit;    /* figures: the unit; persons: the role's capitalised words */
  double      value;
  double      value_to;
  int         year_from;   /* G_MININT when open */
  int         year_to;     /* G_MAXINT when open */
} Entry;

#define entry_roles(e) ((e)->noun)
#define entry_orgs(e) ((e)->unit)

static inline double
entry_lo (const Entry *e)
{
  return isnan (e->value_to) ? e->value : MIN (e->value, e->value_to);
}

static inline double
entry_hi (const Entry *e)
{
  return isnan (e->value_to) ? e->value : MAX (e->value, e->value_to);
}

typedef struct
{
  VeraConflictKind  kind;
  char             *key;
  char             *topic;
  GArray           *entries;  /* Entry */
} Bucket;

struct _VeraLinker
{
  double      tolerance;
  GHashTable *index;    /* key → Bucket, owned by buckets */
  GPtrArray  *buckets;  /* Bucket, in order of first sight */
  GStringChunk *strings;
};

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

  self->tolerance = 0.10;
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
  char *w = g_ascii_strdown (word, len);
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

static gboolean
in_words (const char         *w,
          const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (w, list[i]))
      return TRUE;
  return FALSE;
}

/* Folds one modifier: origin adjectives into "foreign", decoration into nothing. */
static const char *
fold_modifier (const char *w)
{
  g_auto(GStrv) parts = NULL;

  if (in_words (w, origin_words))
    return "foreign";
  if (in_words (w, filler_words))
    return "";
  parts = g_strsplit (w, "-", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (in_words (parts[i], origin_words))
      return "foreign";
  if (g_strv_length (parts) > 1)
    {
      /* "national-level" → "national", "state-backed" stays. */
      if (g_str_equal (parts[1], "level") || g_str_equal (parts[1], "based"))
        return NULL;
      for (guint i = 0; parts[i] != NULL; i++)
        if (!in_words (parts[i], filler_words))
          return w;
      return "";
    }
  return w;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The key of a noun phrase given as words. */
static char *
phrase_key (char       **words,
            guint        n,
            const char  *event)
{
  g_autoptr(GPtrArray) mods = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *head = NULL;
  const char *family;
  const char *head_event = NULL;
  GString *key;

  if (n == 0)
    return NULL;
  head = stem (words[n - 1], strlen (words[n - 1]));
  family = head;
  for (guint i = 0; i < G_N_ELEMENTS (head_events); i++)
    if (g_str_equal (head, head_events[i].word))
      head_event = head_events[i].family;
  for (guint i = 0; i < G_N_ELEMENTS (head_families); i++)
    if (g_str_equal (head, head_families[i].word))
      family = head_families[i].family;

  for (guint i = 0; i + 1 < n; i++)
    {
      g_autofree char *w = stem (words[i], strlen (words[i]));
      const char *folded = fold_modifier (w);

      if (folded == NULL)
        {
          char *dash = strchr (w, '-');

          if (dash != NULL)
            *dash = '\0';
          folded = w;
        }
      if (*folded == '\0')
        continue;
      if (!g_ptr_array_find_with_equal_func (mods, folded, g_str_equal, NULL))
        g_ptr_array_add (mods, g_strdup (folded));
    }
  g_ptr_array_sort (mods, compare_strings);

  key = g_string_new (NULL);
  for (guint i = 0; i < mods->len; i++)
    g_string_append_printf (key, "%s ", (const char *) mods->pdata[i]);
  g_string_append (key, family);
  if (head_event != NULL)
    event = head_event;
  if (event != NULL)
    g_string_append_printf (key, " +%s", event);
  return g_string_free (key, FALSE);
}

static char **
split_words (const char *noun,
             guint      *n)
{
  g_autoptr(GArray) tokens = vera_tokens_split (noun, strlen (noun));
  GPtrArray *words = g_ptr_array_new ();

  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);

      if (t->kind == VERA_TOKEN_PUNCT)
        continue;
      g_ptr_array_add (words, g_strndup (noun + t->start, t->end - t->start));
    }
  *n = words->len;
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

char *
vera_linker_subject_key (const char *noun,
                         const char *event)
{
  g_auto(GStrv) words = NULL;
  guint n;

  g_return_val_if_fail (noun != NULL, NULL);

  words = split_words (noun, &n);
  return phrase_key (words, n, event);
}

/* The verb right after the counted noun, when it is a past participle or past tense that says
 * what the counted things did ("professionals returned"). */
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
  if (t->kind != VERA_TOKEN_WORD || n < 5 || vera_token_in (text, t, event_exceptions))
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

/* The noun phrase after "of", "in" or "for" that follows a share or an amount: "35% of China's
 * chip output" → "china chip output". */
static char *
of_phrase_key (const char   *text,
               const GArray *tokens,
               guint         i,
               gboolean      amounts,
               char        **topic)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  guint k;

  if (i >= tokens->len)
    return NULL;
  if (!(vera_token_is (text, vera_tokens_get (tokens, i), "of") ||
        (amounts && (vera_token_is (text, vera_tokens_get (tokens, i), "in") ||
                     vera_token_is (text, vera_tokens_get (tokens, i), "for")))))
    return NULL;
  k = i + 1;
  if (k < tokens->len && (vera_token_is (text, vera_tokens_get (tokens, k), "the") ||
                          vera_token_is (text, vera_tokens_get (tokens, k), "all")))
    k++;
  for (; k < tokens->len && words->len < 5; k++)
    {
      const VeraToken *t = vera_tokens_get (tokens, k);

      if (t->kind != VERA_TOKEN_WORD || vera_token_in (text, t, np_function_words) ||
          vera_token_is_speech_verb (text, t))
        break;
      if (words->len > 0 && (vera_token_has_suffix (text, t, "ing") ||
                             (vera_token_has_suffix (text, t, "ly") && t->end - t->start > 5)))
        break;
      g_ptr_array_add (words, g_strndup (text + t->start, t->end - t->start));
    }
  if (words->len == 0)
    return NULL;
  g_ptr_array_add (words, NULL);
  *topic = g_strjoinv (" ", (char **) words->pdata);
  return phrase_key ((char **) words->pdata, words->len - 1, NULL);
}

/* Whether the figure is a rate, and over which period. */
static const char *
rate_of (const char *scope)
{
  static const struct { const char *word; const char *rate; } rates[] = {
    { "annual", "per-year" }, { "yearly", "per-year" }, { " year", "per-year" },
    { "annum", "per-year" }, { "daily", "per-day" }, { " day", "per-day" },
    { "monthly", "per-month" }, { " month", "per-month" }, { "weekly", "per-week" },
    { " week", "per-week" }, { "quarterly", "per-quarter" }, { "hourly", "per-hour" },
    { " hour", "per-hour" }, { "year-on-year", "change" }, { "year-over-year", "change" },
  };
  g_autofree char *low = NULL;

  if (scope == NULL)
    return "total";
  low = g_ascii_strdown (scope, -1);
  if (g_str_has_prefix (low, "last ") || g_str_has_prefix (low, "this ") ||
      g_str_has_prefix (low, "next ") || g_str_has_prefix (low, "past ") ||
      g_str_has_prefix (low, "so far"))
    return "total";
  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    if (strstr (low, rates[i].word) != NULL &&
        (g_str_has_prefix (low, "per ") || g_str_has_prefix (low, "a ") ||
         g_str_has_prefix (low, "an ") || g_str_has_prefix (low, "each ") ||
         g_str_has_prefix (low, "every ") || rates[i].word[0] != ' '))
      return rates[i].rate;
  return "total";
}

/* The years a scope covers: "in 2024" → 2024–2024, "since 2020" → 2020–, "by 2030" → –2030. */
static void
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
    return;
  low = g_ascii_strdown (scope, -1);
  for (const char *p = low; *p != '\0' && n < 2; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
        g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]) && (p == low || !g_ascii_isdigit (p[-1])))
      {
        years[n++] = atoi (p);
        p += 3;
      }
  if (n == 0)
    return;
  if (g_str_has_prefix (low, "since") || g_str_has_prefix (low, "after"))
    *from = years[0];
  else if (g_str_has_prefix (low, "by") || g_str_has_prefix (low, "until") ||
           g_str_has_prefix (low, "till") || g_str_has_prefix (low, "before"))
    *to = years[0];
  else
    {
      *from = years[0];
      *to = n == 2 ? years[1] : years[0];
    }
}

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

static void
add_figure (VeraLinker         *self,
            const VeraLinkItem *item,
            const char         *text,
            const GArray       *tokens,
            const VeraQuantity *q)
{
  g_autofree char *subject = NULL;
  g_autofree char *topic = NULL;
  guint end_rel, after;
  Bucket *b;
  Entry e = { 0, };

  if (q->unit == NULL || isnan (q->value) || g_str_equal (q->unit, "rank") ||
      g_str_equal (q->unit, "year") || g_str_equal (q->unit, "month") ||
      g_str_equal (q->unit, "day") || g_str_equal (q->unit, "week"))
    return;
  end_rel = q->end >= item->offset ? q->end - item->offset : 0;
  after = 0;
  while (after < tokens->len && vera_tokens_get (tokens, after)->cp_start < end_rel)
    after++;

  if (g_str_equal (q->unit, "count"))
    {
      g_autofree char *event = NULL;

      if (q->noun == NULL)
        return;
      event = event_after (text, tokens, after);
      subject = vera_linker_subject_key (q->noun, event);
      /* "7,500 people" names no subject: the port's staff and a city's population are both
       * "people". */
      if (g_strcmp0 (subject, "person") == 0)
        return;
      topic = g_strdup (q->noun);
    }
  else if (g_str_equal (q->unit, "percent") || vera_quantity_unit_is_currency (q->unit))
    {
      g_autofree char *words = NULL;

      subject = of_phrase_key (text, tokens, after, !g_str_equal (q->unit, "percent"), &words);
      if (subject != NULL)
        topic = g_strdup_printf ("%s (%s)", words,
                                 g_str_equal (q->unit, "percent") ? "%" : q->unit);
    }
  if (subject == NULL)
    return;

  e.article_id = g_string_chunk_insert_const (self->strings, item->article_id);
  e.claim_id = g_string_chunk_insert (self->strings, item->claim_id);
  e.text = g_string_chunk_insert (self->strings, q->text != NULL ? q->text : "");
  e.noun = q->noun != NULL ? g_string_chunk_insert_const (self->strings, q->noun) : NULL;
  e.value = q->value;
  e.value_to = q->value_to;
  e.unit = g_string_chunk_insert_const (self->strings, q->unit);
  years_of (q->scope, &e.year_from, &e.year_to);

  b = ensure_bucket (self, VERA_CONFLICT_KIND_FIGURE,
                     g_strdup_printf ("%s|%s|%s", q->unit, rate_of (q->scope), subject),
                     topic != NULL ? topic : subject);
  g_array_append_val (b->entries, e);
}

static void role_words (const char *role,
                        GPtrArray  *roles,
                        GPtrArray  *orgs);

/* The words joined with '\n', interned in the linker's strings. */
static const char *
intern_words (VeraLinker *self,
              GPtrArray  *words)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    g_string_append_printf (joined, "%s%s", i > 0 ? "\n" : "", (const char *) words->pdata[i]);
  return g_string_chunk_insert_const (self->strings, joined->str);
}

static void
add_person (VeraLinker         *self,
            const VeraLinkItem *item,
            const VeraPerson   *p)
{
  g_autofree char *name = NULL;
  Bucket *b;
  Entry e = { 0, };

  if (p->name == NULL || p->role == NULL)
    return;
  name = g_utf8_casefold (p->name, -1);
  {
    g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_free);
    g_autoptr(GPtrArray) orgs = g_ptr_array_new_with_free_func (g_free);

    role_words (p->role, roles, orgs);
    entry_roles (&e) = intern_words (self, roles);
    entry_orgs (&e) = intern_words (self, orgs);
  }
  e.article_id = g_string_chunk_insert_const (self->strings, item->article_id);
  e.claim_id = g_string_chunk_insert (self->strings, item->claim_id);
  e.text = g_string_chunk_insert_const (self->strings, p->role);
  e.value = e.value_to = NAN;
  b = ensure_bucket (self, VERA_CONFLICT_KIND_PERSON, g_strdup_printf ("person|%s", name),
                     p->name);
  g_array_append_val (b->entries, e);
}

void
vera_linker_add (VeraLinker         *self,
                 const VeraLinkItem *item)
{
  g_autoptr(GArray) tokens = NULL;
  gsize len;

  g_return_if_fail (self != NULL);
  g_return_if_fail (item != NULL && item->article_id != NULL && item->claim_id != NULL);

  if (item->sentence == NULL)
    return;
  len = item->length == (gsize) -1 ? strlen (item->sentence) : item->length;
  tokens = vera_tokens_split (item->sentence, len);
  for (guint i = 0; item->quantities != NULL && i < item->quantities->len; i++)
    add_figure (self, item, item->sentence, tokens, g_ptr_array_index (item->quantities, i));
  for (guint i = 0; item->people != NULL && i < item->people->len; i++)
    add_person (self, item, g_ptr_array_index (item->people, i));
}

static gboolean
figures_disagree (const Entry *a,
                  const Entry *b,
                  double       tolerance)
{
  double scale;

  if (a->year_from > b->year_to || b->year_from > a->year_to)
    return FALSE;  /* different years: no contradiction */
  scale = MAX (MAX (fabs (entry_lo (a)), fabs (entry_hi (a))),
               MAX (fabs (entry_lo (b)), fabs (entry_hi (b))));
  if (scale == 0)
    return FALSE;
  /* Ranges agree when they overlap within the tolerance. */
  return (entry_lo (b) - entry_hi (a)) / scale > tolerance ||
         (entry_lo (a) - entry_hi (b)) / scale > tolerance;
}

/* The words of a role, split into role nouns and organisation words (capitalised). */
static void
role_words (const char *role,
            GPtrArray  *roles,
            GPtrArray  *orgs)
{
  g_autoptr(GArray) tokens = vera_tokens_split (role, strlen (role));

  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      char *w;

      if (t->kind != VERA_TOKEN_WORD || vera_token_is_function_word (role, t))
        continue;
      w = stem (role + t->start, t->end - t->start);
      if (vera_people_is_role_word (role + t->start, t->end - t->start) ||
          vera_people_is_role_word (w, strlen (w)))
        g_ptr_array_add (roles, w);
      else if (t->flags & VERA_TOKEN_CAPITAL)
        g_ptr_array_add (orgs, w);
      else
        g_free (w);
    }
}

/* Whether two '\n'-separated word lists share a word. */
static gboolean
share_any (const char *a,
           const char *b)
{
  g_auto(GStrv) wa = g_strsplit (a, "\n", -1);
  g_auto(GStrv) wb = g_strsplit (b, "\n", -1);

  for (guint i = 0; wa[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) wb, wa[i]))
      return TRUE;
  return FALSE;
}

static gboolean
roles_disagree (const Entry *a,
                const Entry *b)
{
  if (*entry_roles (a) != '\0' && *entry_roles (b) != '\0' &&
      !share_any (entry_roles (a), entry_roles (b)))
    return TRUE;
  return *entry_orgs (a) != '\0' && *entry_orgs (b) != '\0' &&
         !share_any (entry_orgs (a), entry_orgs (b));
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
      gboolean any = FALSE;
      VeraLinkConflict *c;

      if (n < 2)
        continue;
      involved = g_new0 (guint8, n);
      if (n <= PAIRWISE_LIMIT || b->kind == VERA_CONFLICT_KIND_PERSON)
        {
          for (guint i = 0; i < n && (i < PAIRWISE_LIMIT || b->kind == VERA_CONFLICT_KIND_FIGURE); i++)
            for (guint j = i + 1; j < n && j < i + PAIRWISE_LIMIT; j++)
              {
                const Entry *x = &g_array_index (b->entries, Entry, i);
                const Entry *y = &g_array_index (b->entries, Entry, j);
                gboolean disagree;

                if (g_str_equal (x->article_id, y->article_id))
                  continue;
                disagree = b->kind == VERA_CONFLICT_KIND_PERSON ? roles_disagree (x, y)
                                                                : figures_disagree (x, y, self->tolerance);
                if (disagree)
                  involved[i] = involved[j] = any = TRUE;
              }
        }
      else
        {
          guint lo = 0, hi = 0;

          for (guint i = 1; i < n; i++)
            {
              const Entry *e = &g_array_index (b->entries, Entry, i);

              if (entry_lo (e) < entry_lo (&g_array_index (b->entries, Entry, lo)))
                lo = i;
              if (entry_hi (e) > entry_hi (&g_array_index (b->entries, Entry, hi)))
                hi = i;
            }
          for (guint i = 0; i < n; i++)
            {
              const Entry *e = &g_array_index (b->entries, Entry, i);

              const Entry *el = &g_array_index (b->entries, Entry, lo);
              const Entry *eh = &g_array_index (b->entries, Entry, hi);

              if (!g_str_equal (e->article_id, el->article_id) &&
                  figures_disagree (e, el, self->tolerance))
                involved[i] = involved[lo] = any = TRUE;
              if (!g_str_equal (e->article_id, eh->article_id) &&
                  figures_disagree (e, eh, self->tolerance))
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
