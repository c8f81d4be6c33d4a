/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-lexicon"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "vera-lexicon.h"
#include "vera-lexicon-resources.h"

#define LEXICON_RESOURCE_PREFIX "/io/github/verafact/Vera/core/lexicon/"
#define ASCII_BUFFER 64

struct _VeraLexicon
{
  GHashTable *entries;     /* normalised key → value (both owned) */
  GHashTable *starts;      /* first words of keys of several words (owned), or NULL */
  guint       max_words;
  gsize       max_key_bytes;
};

void
vera_lexicon_free (VeraLexicon *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->starts, g_hash_table_unref);
  g_free (self);
}

/* Lower-cases @word into @buf when it is short ASCII (returns @buf), otherwise into a new
 * string stored in @heap. */
static const char *
normalise (const char  *word,
           gsize        len,
           char         buf[ASCII_BUFFER],
           char       **heap)
{
  gboolean ascii = len < ASCII_BUFFER;

  for (gsize i = 0; ascii && i < len; i++)
    {
      if ((guchar) word[i] >= 0x80 || word[i] == '\0')
        ascii = FALSE;
      else
        buf[i] = word[i] >= 'A' && word[i] <= 'Z' ? word[i] + ('a' - 'A') : word[i];
    }
  if (ascii)
    {
      buf[len] = '\0';
      return buf;
    }
  /* German, Chinese and other letters on the stack too, one character at a time; the two
   * capitals whose lower case depends on context or grows (İ, Σ) go through GLib. */
  if (len < ASCII_BUFFER && g_utf8_validate_len (word, len, NULL))
    {
      gsize n = 0;
      gboolean simple = TRUE;

      for (const char *p = word; simple && p < word + len; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          char out[6];
          int k;

          if (c == 0 || c == 0x130 || c == 0x3A3)
            simple = FALSE;
          else if ((k = g_unichar_to_utf8 (g_unichar_tolower (c), out)) + n < ASCII_BUFFER)
            {
              memcpy (buf + n, out, k);
              n += k;
            }
          else
            simple = FALSE;
        }
      if (simple)
        {
          buf[n] = '\0';
          return buf;
        }
    }
  *heap = g_utf8_strdown (word, len);
  return *heap;
}

const char *
vera_lexicon_lookup (const VeraLexicon *self,
                     const char        *word,
                     gssize             len)
{
  char buf[ASCII_BUFFER];
  g_autofree char *heap = NULL;
  const char *key;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (word != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (word);
  /* Lower-casing keeps an ASCII word's length and changes another's by a few bytes at most. */
  if (len == 0 || (gsize) len > self->max_key_bytes * 2 + 8 ||
      ((guchar) word[0] < 0x80 && (guchar) word[len - 1] < 0x80 && (gsize) len > self->max_key_bytes + 8))
    return NULL;
  key = normalise (word, len, buf, &heap);
  return g_hash_table_lookup (self->entries, key);
}

gboolean
vera_lexicon_may_start_phrase (const VeraLexicon *self,
                               const char        *word,
                               gssize             len)
{
  char buf[ASCII_BUFFER];
  g_autofree char *heap = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (word != NULL || len == 0, FALSE);

  if (self->starts == NULL)
    return FALSE;
  if (len < 0)
    len = strlen (word);
  if (len == 0 || (gsize) len > self->max_key_bytes * 2 + 8)
    return FALSE;
  return g_hash_table_contains (self->starts, normalise (word, len, buf, &heap));
}

gboolean
vera_lexicon_contains (const VeraLexicon *self,
                       const char        *word,
                       gssize             len)
{
  return vera_lexicon_lookup (self, word, len) != NULL;
}

gsize
vera_lexicon_match_prefix (const VeraLexicon *self,
                           const char        *text,
                           gsize              len,
                           const char       **value)
{
  gsize n;

  g_return_val_if_fail (self != NULL, 0);

  if (value != NULL)
    *value = NULL;
  n = MIN (len, self->max_key_bytes);
  /* Back up to a character boundary, then try ever shorter prefixes. */
  while (n > 0)
    {
      const char *found;

      while (n > 0 && n < len && ((guchar) text[n] & 0xC0) == 0x80)
        n--;
      if (n == 0)
        break;
      found = vera_lexicon_lookup (self, text, n);
      if (found != NULL)
        {
          if (value != NULL)
            *value = found;
          return n;
        }
      n--;
    }
  return 0;
}

gsize
vera_lexicon_match_suffix (const VeraLexicon *self,
                           const char        *text,
                           gsize              len,
                           const char       **value)
{
  gsize n;

  g_return_val_if_fail (self != NULL, 0);

  if (value != NULL)
    *value = NULL;
  n = MIN (len, self->max_key_bytes);
  while (n > 0)
    {
      const char *start = text + len - n;
      const char *found;

      if (((guchar) *start & 0xC0) == 0x80)
        {
          n--;
          continue;
        }
      found = vera_lexicon_lookup (self, start, n);
      if (found != NULL)
        {
          if (value != NULL)
            *value = found;
          return n;
        }
      n--;
    }
  return 0;
}

guint
vera_lexicon_get_max_words (const VeraLexicon *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_words;
}

guint
vera_lexicon_get_size (const VeraLexicon *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->entries);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

const char **
vera_lexicon_dup_keys (const VeraLexicon *self)
{
  guint n;
  const char **keys;

  g_return_val_if_fail (self != NULL, NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->entries, &n);
  qsort (keys, n, sizeof *keys, compare_keys);
  return keys;
}

static gboolean
check_key (const char  *key,
           gsize        len,
           const char  *origin,
           guint        line,
           GError     **error)
{
  if (len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: line %u: empty key", origin, line);
      return FALSE;
    }
  if (key[0] == ' ' || key[len - 1] == ' ' || g_strstr_len (key, len, "  ") != NULL ||
      memchr (key, '\r', len) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: line %u: a key starts or ends with a space, holds two spaces in a row "
                   "or a carriage return", origin, line);
      return FALSE;
    }
  return TRUE;
}

VeraLexicon *
vera_lexicon_new_from_data (const char  *data,
                            gsize        len,
                            const char  *origin,
                            GError     **error)
{
  g_autoptr(VeraLexicon) self = g_new0 (VeraLexicon, 1);
  const char *p = data;
  const char *end = data + len;
  const char *bad;
  guint line = 0;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (origin != NULL, NULL);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!g_utf8_validate_len (data, len, &bad))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "%s: invalid UTF-8 at byte %" G_GSIZE_FORMAT, origin, (gsize) (bad - data));
      return NULL;
    }

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *tab;
      gsize key_len;
      g_autofree char *key = NULL;
      guint words = 1;

      if (eol == NULL)
        eol = end;
      line++;
      if (eol == p || *p == '#')
        {
          p = eol + 1;
          continue;
        }
      tab = memchr (p, '\t', eol - p);
      key_len = (tab != NULL ? tab : eol) - p;
      if (!check_key (p, key_len, origin, line, error))
        return NULL;
      key = g_utf8_strdown (p, key_len);
      if (g_hash_table_contains (self->entries, key))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: line %u: “%s” is listed twice", origin, line, key);
          return NULL;
        }
      for (const char *c = key; *c != '\0'; c++)
        if (*c == ' ')
          words++;
      self->max_words = MAX (self->max_words, words);
      if (strpbrk (key, " -") != NULL && strpbrk (key, " -") != key)
        {
          if (self->starts == NULL)
            self->starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_add (self->starts, g_strndup (key, strpbrk (key, " -") - key));
        }
      self->max_key_bytes = MAX (self->max_key_bytes, strlen (key));
      g_hash_table_insert (self->entries, g_steal_pointer (&key),
                           tab != NULL ? g_strndup (tab + 1, eol - tab - 1) : g_strdup (""));
      p = eol + 1;
    }
  return g_steal_pointer (&self);
}

static const char *
language_folder (VeraLanguage language)
{
  switch (language)
    {
    case VERA_LANGUAGE_EN:
      return "en";
    case VERA_LANGUAGE_DE:
      return "de";
    case VERA_LANGUAGE_ZH:
      return "zh";
    case VERA_LANGUAGE_UND:
    case VERA_LANGUAGE_OTHER:
    default:
      return "any";
    }
}

/* Every lexicon of the resource is loaded on first use, into a table that is never written
 * again: lookups from worker threads take no lock. Only a name the resource does not have (a
 * programming error, warned about) goes to a second, locked table. */
typedef struct
{
  GHashTable *tables;    /* "lang/name" → VeraLexicon, read-only once built */
  GMutex      lock;      /* guards @missing */
  GHashTable *missing;   /* "lang/name" → empty VeraLexicon */
} LexiconCache;

static VeraLexicon *
load (const char *key)
{
  g_autofree char *path = g_strconcat (LEXICON_RESOURCE_PREFIX, key, ".txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  VeraLexicon *lexicon = NULL;

  /* Through the resource itself, so that the static library keeps it linked in. */
  bytes = g_resource_lookup_data (vera_lexicon_get_resource (), path,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL)
    {
      gsize size;
      const char *data = g_bytes_get_data (bytes, &size);

      lexicon = vera_lexicon_new_from_data (data, size, key, &error);
    }
  if (lexicon == NULL)
    {
      g_warning ("Lexicon %s: %s", key, error->message);
      lexicon = vera_lexicon_new_from_data ("", 0, key, NULL);
    }
  return lexicon;
}

static LexiconCache *
lexicon_cache (void)
{
  static gsize initialised = 0;
  static LexiconCache cache;

  if (g_once_init_enter (&initialised))
    {
      g_auto(GStrv) all = vera_lexicon_list_all ();

      g_mutex_init (&cache.lock);
      cache.tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) vera_lexicon_free);
      cache.missing = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify) vera_lexicon_free);
      for (guint i = 0; all[i] != NULL; i++)
        g_hash_table_insert (cache.tables, g_strdup (all[i]), load (all[i]));
      g_once_init_leave (&initialised, 1);
    }
  return &cache;
}

const VeraLexicon *
vera_lexicon_get (VeraLanguage  language,
                  const char   *name)
{
  LexiconCache *cache = lexicon_cache ();
  char buffer[128];
  g_autofree char *heap = NULL;
  const char *key = buffer;
  const char *folder;
  gsize folder_len, name_len;
  VeraLexicon *lexicon;

  g_return_val_if_fail (name != NULL, NULL);

  folder = language_folder (language);
  folder_len = strlen (folder);
  name_len = strlen (name);
  if (folder_len + 1 + name_len < sizeof buffer)
    {
      memcpy (buffer, folder, folder_len);
      buffer[folder_len] = '/';
      memcpy (buffer + folder_len + 1, name, name_len + 1);
    }
  else
    key = heap = g_strconcat (folder, "/", name, NULL);
  lexicon = g_hash_table_lookup (cache->tables, key);
  if (lexicon != NULL)
    return lexicon;

  g_mutex_lock (&cache->lock);
  lexicon = g_hash_table_lookup (cache->missing, key);
  if (lexicon == NULL)
    {
      lexicon = load (key);
      g_hash_table_insert (cache->missing, g_strdup (key), lexicon);
    }
  g_mutex_unlock (&cache->lock);
  return lexicon;
}

char **
vera_lexicon_list_all (void)
{
  static const char * const folders[] = { "any", "en", "de", "zh" };
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *dir = g_strconcat (LEXICON_RESOURCE_PREFIX, folders[i], "/", NULL);
      g_auto(GStrv) names = g_resource_enumerate_children (vera_lexicon_get_resource (), dir,
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

      for (guint k = 0; names != NULL && names[k] != NULL; k++)
        if (g_str_has_suffix (names[k], ".txt"))
          g_ptr_array_add (all, g_strdup_printf ("%s/%.*s", folders[i],
                                                 (int) (strlen (names[k]) - 4), names[k]));
    }
  g_ptr_array_sort (all, compare_keys);
  g_ptr_array_add (all, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&all), FALSE);
}
