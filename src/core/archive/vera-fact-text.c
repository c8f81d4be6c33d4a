/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-archive"

#include "config.h"

#include <string.h>

#include "vera-fact-text.h"
#include "vera-lexicon.h"
#include "vera-people.h"
#include "vera-person.h"
#include "vera-quantities.h"
#include "vera-quantity.h"

/* Longer words are cut: nothing real is longer, and a hostile text could be one huge word. */
#define MAX_TERM_BYTES 64
/* Place names have at most this many words ("bosnia and herzegovina"). */
#define MAX_PLACE_WORDS 4

typedef struct
{
  char     *word;        /* lower case */
  gboolean  capital;     /* starts with an upper-case letter */
  gboolean  upper;       /* every letter upper case, two or more */
  gboolean  initial;     /* opens the text or a sentence */
} Word;

static void
word_clear (gpointer data)
{
  Word *word = data;

  g_free (word->word);
}

static gboolean
is_han (gunichar c)
{
  return g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN;
}

static void
add_feature (GHashTable *features,
             char       *feature)
{
  for (char *p = feature; *p != '\0'; p++)
    if (*p == ' ')
      *p = '-';
  g_hash_table_add (features, feature);
}

/* Splits a hashtag at its capitals ("AustralianFires" → "australian", "fires"); nothing when it
 * has no inner capital. */
static void
add_hashtag_parts (GPtrArray  *terms,
                   const char *word,
                   gsize       len)
{
  const char *part = word;
  const char *end = word + len;
  gboolean split = FALSE;

  for (const char *p = g_utf8_next_char (word); p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar before = g_utf8_get_char (g_utf8_find_prev_char (word, p));

      if (g_unichar_isupper (c) && g_unichar_islower (before))
        {
          g_ptr_array_add (terms, g_utf8_strdown (part, p - part));
          part = p;
          split = TRUE;
        }
    }
  if (split)
    g_ptr_array_add (terms, g_utf8_strdown (part, end - part));
}

static void
add_han_run (GPtrArray   *terms,
             GHashTable  *features,
             const char  *run,
             gsize        len)
{
  const VeraLexicon *places = vera_lexicon_get (VERA_LANGUAGE_UND, "linker-places");
  const char *end = run + len;
  guint n_chars = 0;

  for (const char *p = run; p < end; p = g_utf8_next_char (p))
    {
      const char *next = g_utf8_next_char (p);

      n_chars++;
      if (next < end)
        g_ptr_array_add (terms, g_strndup (p, g_utf8_next_char (next) - p));
    }
  if (n_chars == 1)
    g_ptr_array_add (terms, g_strndup (run, len));

  for (const char *p = run; p < end;)
    {
      const char *id = NULL;
      gsize n = vera_lexicon_match_prefix (places, p, end - p, &id);

      /* A single character is too often part of another word to be a place. */
      if (n > 0 && g_utf8_strlen (p, n) >= 2 && id != NULL && id[0] != '\0')
        {
          add_feature (features, g_strconcat ("p:", id, NULL));
          p += n;
        }
      else
        p = g_utf8_next_char (p);
    }
}

static gboolean
is_year (const char *word)
{
  gsize len = strlen (word);
  int year;

  if (len != 4)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (word[i]))
      return FALSE;
  year = atoi (word);
  return year >= 1800 && year <= 2099;
}

static void
add_places (GArray     *words,
            GHashTable *features)
{
  const VeraLexicon *places = vera_lexicon_get (VERA_LANGUAGE_UND, "linker-places");

  for (guint i = 0; i < words->len;)
    {
      Word *first = &g_array_index (words, Word, i);
      guint taken = 0;

      if (vera_lexicon_may_start_phrase (places, first->word, -1))
        {
          for (guint n = MIN (MAX_PLACE_WORDS, words->len - i); n >= 2 && taken == 0; n--)
            {
              g_autoptr(GString) phrase = g_string_new (first->word);
              const char *id;

              for (guint k = 1; k < n; k++)
                {
                  g_string_append_c (phrase, ' ');
                  g_string_append (phrase, g_array_index (words, Word, i + k).word);
                }
              id = vera_lexicon_lookup (places, phrase->str, phrase->len);
              if (id != NULL && id[0] != '\0')
                {
                  add_feature (features, g_strconcat ("p:", id, NULL));
                  taken = n;
                }
            }
        }
      /* A one-word place must be capitalised in the text: "turkey" the bird, "nice" the word. */
      if (taken == 0 && first->capital)
        {
          const char *id = vera_lexicon_lookup (places, first->word, -1);

          if (id != NULL && id[0] != '\0')
            {
              add_feature (features, g_strconcat ("p:", id, NULL));
              taken = 1;
            }
        }
      i += MAX (taken, 1);
    }
}

/* Capitalised words that are not sentence openers (unless the next word is capitalised too:
 * "Donald Trump said"), and not months or shouting. */
static void
add_english_names (GArray     *words,
                   GHashTable *features)
{
  const VeraLexicon *months = vera_lexicon_get (VERA_LANGUAGE_UND, "linker-months");

  for (guint i = 0; i < words->len; i++)
    {
      Word *word = &g_array_index (words, Word, i);
      gboolean next_capital = i + 1 < words->len &&
                              g_array_index (words, Word, i + 1).capital &&
                              !g_array_index (words, Word, i + 1).initial;

      if (!word->capital || word->upper || g_utf8_strlen (word->word, -1) < 2)
        continue;
      if (word->initial && !next_capital)
        continue;
      if (vera_lexicon_contains (months, word->word, -1))
        continue;
      add_feature (features, g_strconcat ("n:", word->word, NULL));
    }
}

static void
add_people (const char   *text,
            VeraLanguage  language,
            GHashTable   *features)
{
  g_autoptr(GPtrArray) people = vera_people_extract_tokens (text, strlen (text), NULL, language);

  for (guint i = 0; i < people->len; i++)
    {
      VeraPerson *person = g_ptr_array_index (people, i);
      const char *space = strrchr (person->name, ' ');
      const char *surname = space != NULL ? space + 1 : person->name;

      g_autofree char *lower = g_utf8_strdown (surname, -1);

      add_feature (features, g_strconcat ("n:", lower, NULL));
    }
}

static void
add_figures (const char   *text,
             VeraLanguage  language,
             GHashTable   *features)
{
  g_autoptr(GPtrArray) figures = vera_quantities_extract_language (text, strlen (text), NULL,
                                                                   language);

  for (guint i = 0; i < figures->len; i++)
    {
      VeraQuantity *q = g_ptr_array_index (figures, i);
      char value[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (value, sizeof value, "%.3g", q->value);
      add_feature (features, g_strconcat ("f:", q->unit != NULL ? q->unit : "", ":", value,
                                          NULL));
    }
}

static void
scan (VeraFactText *self,
      GHashTable   *features,
      const char   *text,
      VeraLanguage  language)
{
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (Word));
  g_autoptr(GString) word = g_string_new (NULL);
  const char *word_start = NULL;
  const char *han_start = NULL;
  gboolean hashtag = FALSE;
  gboolean sentence_start = TRUE;
  gboolean capital = FALSE;
  gboolean upper = TRUE;
  guint n_letters = 0;

  g_array_set_clear_func (words, word_clear);
  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean han = c != 0 && is_han (c);
      gboolean alnum = c != 0 && !han && g_unichar_isalnum (c);

      if (han_start != NULL && !han)
        {
          add_han_run (self->terms, features, han_start, p - han_start);
          han_start = NULL;
          sentence_start = FALSE;
        }
      /* "4,250" and "3.5": a separator between digits stays in the number. */
      if (word_start != NULL && (c == ',' || c == '.') && g_ascii_isdigit (word->str[word->len - 1]) &&
          g_ascii_isdigit (p[1]))
        {
          if (c == '.')
            g_string_append_c (word, 'p');
          continue;
        }
      if (word_start != NULL && !alnum)
        {
          Word w = { 0 };

          if (word->len > MAX_TERM_BYTES)
            g_string_truncate (word, g_utf8_find_prev_char (word->str,
                                                            word->str + MAX_TERM_BYTES + 1) -
                                     word->str);
          w.word = g_utf8_strdown (word->str, word->len);
          w.capital = capital;
          w.upper = upper && n_letters >= 2;
          w.initial = sentence_start;
          g_ptr_array_add (self->terms, g_strdup (w.word));
          if (hashtag)
            add_hashtag_parts (self->terms, word->str, word->len);
          if (is_year (w.word))
            add_feature (features, g_strconcat ("y:", w.word, NULL));
          g_array_append_val (words, w);
          word_start = NULL;
          sentence_start = FALSE;
        }
      if (c == 0)
        break;
      if (han)
        {
          if (han_start == NULL)
            han_start = p;
        }
      else if (alnum)
        {
          if (word_start == NULL)
            {
              word_start = p;
              g_string_truncate (word, 0);
              hashtag = p > text && p[-1] == '#';
              capital = g_unichar_isupper (c);
              upper = TRUE;
              n_letters = 0;
            }
          if (g_unichar_isalpha (c))
            {
              n_letters++;
              if (!g_unichar_isupper (c))
                upper = FALSE;
            }
          g_string_append_unichar (word, c);
        }
      else if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"' || c == 0x201c ||
               c == 0x3002 || c == 0xff01 || c == 0xff1f || c == '\n')
        sentence_start = TRUE;
    }

  add_places (words, features);
  if (language == VERA_LANGUAGE_DE || language == VERA_LANGUAGE_ZH)
    add_people (text, language, features);
  else
    add_english_names (words, features);
  add_figures (text, language, features);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
merge_features (VeraFactText *self,
                GHashTable   *features)
{
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < self->features->len; i++)
    g_hash_table_add (features, g_strdup (g_ptr_array_index (self->features, i)));
  g_ptr_array_set_size (self->features, 0);
  g_hash_table_iter_init (&iter, features);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      g_ptr_array_add (self->features, key);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (self->features, compare_strings);
}

void
vera_fact_text_add (VeraFactText *self,
                    const char   *text,
                    VeraLanguage  language)
{
  g_autoptr(GHashTable) features = NULL;

  g_return_if_fail (self != NULL);

  if (text == NULL || text[0] == '\0')
    return;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (text, -1);

      vera_fact_text_add (self, valid, language);
      return;
    }
  features = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  scan (self, features, text, language);
  merge_features (self, features);
}

VeraFactText *
vera_fact_text_new (const char   *text,
                    VeraLanguage  language)
{
  VeraFactText *self = g_new0 (VeraFactText, 1);

  self->terms = g_ptr_array_new_with_free_func (g_free);
  self->features = g_ptr_array_new_with_free_func (g_free);
  vera_fact_text_add (self, text, language);
  return self;
}

void
vera_fact_text_free (VeraFactText *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->terms);
  g_ptr_array_unref (self->features);
  g_free (self);
}

char *
vera_fact_feature_dup_token (const char *feature)
{
  GString *token;

  g_return_val_if_fail (feature != NULL, NULL);

  if (g_str_has_prefix (feature, "f:"))
    token = g_string_new ("fq");
  else if (g_str_has_prefix (feature, "p:"))
    token = g_string_new ("fp");
  else
    return NULL;
  for (const char *p = feature + 2; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (token, g_ascii_tolower (*p));
      else if (*p == '.')
        g_string_append_c (token, 'd');
      else if (*p == '-')
        g_string_append_c (token, 'm');
      else if (*p == ':')
        g_string_append_c (token, 'v');
    }
  return g_string_free (token, FALSE);
}

char *
vera_fact_text_dup_index (const VeraFactText *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->terms->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (self->terms, i));
    }
  for (guint i = 0; i < self->features->len; i++)
    {
      g_autofree char *token = vera_fact_feature_dup_token (g_ptr_array_index (self->features, i));

      if (token == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, token);
    }
  return g_string_free (out, FALSE);
}

char *
vera_fact_text_dup_features (const VeraFactText *self)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->features->len; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, g_ptr_array_index (self->features, i));
    }
  return g_string_free (out, FALSE);
}
