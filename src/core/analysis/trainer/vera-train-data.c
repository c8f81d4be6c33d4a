/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-train-scorer"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "vera-train-data.h"

/* Reads the four sources of SCORER.md into feature vectors. Every list is read in a fixed order
 * (files sorted by name, ClaimBuster by sentence id), so the corpus is the same on every run. */

#define CLAIMBUSTER_FILES "kfold_30ncs.json,train.json,test.json,2020_debate.tsv"
/* Two documents are one transcript when this share of the smaller one's sentences (of more
 * than three words) appear in both. */
#define SAME_TRANSCRIPT_SHARE 0.1

const char * const train_source_names[N_SOURCES] = {
  "claimbuster", "checkthat2019", "checkthat2020", "claimrank",
};

static const char * const source_folders[N_SOURCES] = {
  "claimbuster", "clef2019-training", "clef2020-task5-training", "claim-rank-annotations",
};

typedef struct
{
  gint64  id;
  int     label;
  char   *text;
} Sentence;

static void
sentence_clear (gpointer data)
{
  g_free (((Sentence *) data)->text);
}

static void
document_free (gpointer data)
{
  Document *document = data;

  g_free (document->name);
  g_free (document);
}

void
train_corpus_free (Corpus *corpus)
{
  if (corpus == NULL)
    return;
  g_clear_pointer (&corpus->examples, g_array_unref);
  g_clear_pointer (&corpus->documents, g_ptr_array_unref);
  g_clear_pointer (&corpus->raw, g_array_unref);
  g_clear_pointer (&corpus->neutral, g_array_unref);
  g_free (corpus);
}

/* Lower case, runs of spaces as one: how a sentence is recognised in another source. */
static guint32
text_hash (const char *text)
{
  guint32 h = 2166136261u;
  gboolean space = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      char c = g_ascii_isspace (*p) ? ' ' : g_ascii_tolower (*p);

      if (c == ' ' && space)
        continue;
      space = c == ' ';
      h = (h ^ (guchar) c) * 16777619u;
    }
  return h;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* Appends the examples of @n sentences of one document (or, with @document -1, @n sentences
 * each on its own). */
static void
add_examples (Corpus              *corpus,
              const VeraScorerExtractor *english,
              const VeraScorerExtractor *neutral,
              const char * const  *texts,
              const char * const  *speakers,
              const guint8        *labels,
              const guint8        *relevant,
              guint                n,
              Source               source,
              int                  document)
{
  g_autofree GArray **full = g_new (GArray *, MAX (n, 1));
  g_autofree GArray **bare = g_new (GArray *, MAX (n, 1));
  g_autofree VeraScorerSentenceInfo *infos = g_new0 (VeraScorerSentenceInfo, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      full[i] = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
      bare[i] = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
    }
  if (document >= 0 && corpus->with_context)
    {
      vera_scorer_features_extract_document (english, texts, NULL, n, speakers, full, infos);
      vera_scorer_features_extract_document (neutral, texts, NULL, n, speakers, bare, NULL);
    }
  else
    for (guint i = 0; i < n; i++)
      {
        vera_scorer_features_extract (english, texts[i], strlen (texts[i]), full[i], &infos[i]);
        vera_scorer_features_extract (neutral, texts[i], strlen (texts[i]), bare[i], NULL);
      }
  for (guint i = 0; i < n; i++)
    {
      Example example = { 0 };

      example.first = corpus->raw->len;
      example.n = full[i]->len;
      example.neutral_first = corpus->neutral->len;
      example.neutral_n = bare[i]->len;
      example.label = labels[i];
      example.relevant = relevant[i];
      example.digit = has_digit (texts[i]);
      example.no_text = infos[i].n_words_outside == 0;
      example.source = source;
      example.speakers = speakers != NULL;
      example.document = document;
      example.text_hash = text_hash (texts[i]);
      example.long_text = count_words (texts[i]) > 3;
      g_array_append_vals (corpus->raw, full[i]->data, full[i]->len);
      g_array_append_vals (corpus->neutral, bare[i]->data, bare[i]->len);
      g_array_append_val (corpus->examples, example);
      g_array_unref (full[i]);
      g_array_unref (bare[i]);
    }
}

static gboolean
read_claimbuster_json (GArray      *sentences,
                       GHashTable  *seen,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_file (parser, path, error))
    return FALSE;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "%s: not a JSON array", path);
      return FALSE;
    }
  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      Sentence s;

      if (item == NULL || !json_object_has_member (item, "sentence_id") ||
          !json_object_has_member (item, "label") || !json_object_has_member (item, "text"))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s: element %u lacks sentence_id, label or text", path, i);
          return FALSE;
        }
      s.id = json_object_get_int_member (item, "sentence_id");
      if (g_hash_table_contains (seen, &s.id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&s.id, sizeof s.id));
      s.label = json_object_get_int_member (item, "label") > 0;
      s.text = g_strdup (json_object_get_string_member (item, "text"));
      g_array_append_val (sentences, s);
    }
  return TRUE;
}

/* A TSV file with a header line and the columns sentence_id, label, text. */
static gboolean
read_claimbuster_tsv (GArray      *sentences,
                      GHashTable  *seen,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      Sentence s;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (columns) != 3 ||
          !g_ascii_string_to_signed (columns[0], 10, 0, G_MAXINT64, &s.id, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       "%s:%u: expected sentence_id, label and text", path, i + 1);
          return FALSE;
        }
      if (g_hash_table_contains (seen, &s.id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&s.id, sizeof s.id));
      s.label = atoi (columns[1]) > 0;
      s.text = g_strdup (columns[2]);
      g_array_append_val (sentences, s);
    }
  return TRUE;
}

static int
compare_sentences (gconstpointer a,
                   gconstpointer b)
{
  const Sentence *sa = a;
  const Sentence *sb = b;

  return (sa->id > sb->id) - (sa->id < sb->id);
}

static gboolean
load_claimbuster (Corpus                    *corpus,
                  const VeraScorerExtractor *english,
                  const VeraScorerExtractor *neutral,
                  const char                *dir,
                  GError                   **error)
{
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(GStrv) files = g_strsplit (CLAIMBUSTER_FILES, ",", -1);
  g_autofree const char **texts = NULL;
  g_autofree guint8 *labels = NULL;

  g_array_set_clear_func (sentences, sentence_clear);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, source_folders[SOURCE_CLAIMBUSTER],
                                                files[i], NULL);
      gboolean ok = g_str_has_suffix (path, ".tsv")
                    ? read_claimbuster_tsv (sentences, seen, path, error)
                    : read_claimbuster_json (sentences, seen, path, error);

      if (!ok)
        return FALSE;
    }
  g_array_sort (sentences, compare_sentences);
  texts = g_new (const char *, MAX (sentences->len, 1));
  labels = g_new (guint8, MAX (sentences->len, 1));
  for (guint i = 0; i < sentences->len; i++)
    {
      texts[i] = g_array_index (sentences, Sentence, i).text;
      labels[i] = g_array_index (sentences, Sentence, i).label;
    }
  add_examples (corpus, english, neutral, texts, NULL, labels, labels, sentences->len,
                SOURCE_CLAIMBUSTER, -1);
  return TRUE;
}

/* CheckThat!: line, speaker, text, label. ClaimRank: a header, then ID, Speaker, ALL, nine
 * organisations, Text. */
static gboolean
load_document (Corpus                    *corpus,
               const VeraScorerExtractor *english,
               const VeraScorerExtractor *neutral,
               const char                *dir,
               Source                     source,
               const char                *file,
               GError                   **error)
{
  g_autofree char *path = g_build_filename (dir, source_folders[source], file, NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) speakers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GByteArray) labels = g_byte_array_new ();
  g_autoptr(GByteArray) relevant = g_byte_array_new ();
  Document *document;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = source == SOURCE_CLAIMRANK ? 1 : 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) columns = NULL;
      guint n_columns;
      guint8 label, chosen;
      gint64 votes = 0;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      columns = g_strsplit (lines[i], "\t", source == SOURCE_CLAIMRANK ? 12 : 4);
      n_columns = g_strv_length (columns);
      if (source == SOURCE_CLAIMRANK)
        {
          if (n_columns != 12 ||
              !g_ascii_string_to_signed (columns[2], 10, 0, 9, &votes, NULL))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s:%u: expected ID, Speaker, ALL, nine columns and Text", path,
                           i + 1);
              return FALSE;
            }
          label = votes >= corpus->claimrank_min;
          chosen = votes >= 1;
          g_ptr_array_add (texts, g_strdup (columns[11]));
        }
      else
        {
          if (n_columns != 4 || (strcmp (columns[3], "0") != 0 && strcmp (columns[3], "1") != 0))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           "%s:%u: expected line number, speaker, sentence and 0 or 1", path,
                           i + 1);
              return FALSE;
            }
          label = chosen = columns[3][0] == '1';
          g_ptr_array_add (texts, g_strdup (columns[2]));
        }
      g_ptr_array_add (speakers, g_strdup (columns[1]));
      g_byte_array_append (labels, &label, 1);
      g_byte_array_append (relevant, &chosen, 1);
    }

  document = g_new0 (Document, 1);
  document->name = g_build_filename (source_folders[source], file, NULL);
  document->source = source;
  document->first = corpus->examples->len;
  document->n = texts->len;
  g_ptr_array_add (corpus->documents, document);
  add_examples (corpus, english, neutral, (const char * const *) texts->pdata, NULL,
                labels->data, relevant->data, texts->len, source,
                (int) corpus->documents->len - 1);
  document->speaker_first = document->first;
  if (corpus->with_speakers)
    {
      document->speaker_first = corpus->examples->len;
      add_examples (corpus, english, neutral, (const char * const *) texts->pdata,
                    (const char * const *) speakers->pdata, labels->data, relevant->data,
                    texts->len, source, (int) corpus->documents->len - 1);
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
load_folder (Corpus                    *corpus,
             const VeraScorerExtractor *english,
             const VeraScorerExtractor *neutral,
             const char                *dir,
             Source                     source,
             GError                   **error)
{
  g_autofree char *path = g_build_filename (dir, source_folders[source], NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) folder = g_dir_open (path, 0, error);
  const char *name;

  if (folder == NULL)
    return FALSE;
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".tsv"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (!load_document (corpus, english, neutral, dir, source, g_ptr_array_index (names, i),
                        error))
      return FALSE;
  return TRUE;
}

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* Documents that share a transcript (the same debate in two sources, or a speech and a longer
 * recording of it) are one group, so that cross-validation never trains on a debate it
 * evaluates. Groups are numbered in the order of their first document. */
static void
group_documents (Corpus *corpus)
{
  guint n = corpus->documents->len;
  g_autofree guint *parent = g_new (guint, MAX (n, 1));
  g_autofree guint *number = g_new (guint, MAX (n, 1));
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (guint d = 0; d < n; d++)
    {
      Document *doc = g_ptr_array_index (corpus->documents, d);
      GHashTable *set = g_hash_table_new (NULL, NULL);

      parent[d] = d;
      number[d] = G_MAXUINT;
      for (guint i = 0; i < doc->n; i++)
        {
          const Example *ex = &g_array_index (corpus->examples, Example, doc->first + i);

          /* Short lines ("Thank you.") are in every debate; only longer ones say which. */
          if (ex->long_text)
            g_hash_table_add (set, GUINT_TO_POINTER (ex->text_hash | 1));
        }
      g_ptr_array_add (sets, set);
    }
  for (guint a = 0; a < n; a++)
    for (guint b = a + 1; b < n; b++)
      {
        GHashTable *sa = g_ptr_array_index (sets, a), *sb = g_ptr_array_index (sets, b);
        GHashTable *small = g_hash_table_size (sa) <= g_hash_table_size (sb) ? sa : sb;
        GHashTable *large = small == sa ? sb : sa;
        GHashTableIter iter;
        gpointer key;
        guint shared = 0;

        g_hash_table_iter_init (&iter, small);
        while (g_hash_table_iter_next (&iter, &key, NULL))
          if (g_hash_table_contains (large, key))
            shared++;
        if (shared > 0 && shared >= SAME_TRANSCRIPT_SHARE * g_hash_table_size (small))
          parent[find_root (parent, b)] = find_root (parent, a);
      }
  corpus->n_groups = 0;
  for (guint d = 0; d < n; d++)
    {
      guint root = find_root (parent, d);

      if (number[root] == G_MAXUINT)
        number[root] = corpus->n_groups++;
      ((Document *) g_ptr_array_index (corpus->documents, d))->group = number[root];
    }
}

Corpus *
train_corpus_load (const char  *dir,
                   guint        hash_bits,
                   guint        claimrank_min,
                   gboolean     with_speakers,
                   gboolean     with_context,
                   GError     **error)
{
  g_autoptr(Corpus) corpus = g_new0 (Corpus, 1);
  VeraScorerExtractor english, neutral;

  corpus->examples = g_array_new (FALSE, FALSE, sizeof (Example));
  corpus->documents = g_ptr_array_new_with_free_func (document_free);
  corpus->raw = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  corpus->neutral = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  corpus->hash_bits = hash_bits;
  corpus->claimrank_min = claimrank_min;
  corpus->with_speakers = with_speakers && with_context;
  corpus->with_context = with_context;
  vera_scorer_extractor_init (&english, VERA_LANGUAGE_EN, TRUE, hash_bits);
  vera_scorer_extractor_init (&neutral, VERA_LANGUAGE_EN, FALSE, hash_bits);
  neutral.words = FALSE;

  if (!load_claimbuster (corpus, &english, &neutral, dir, error))
    return NULL;
  for (Source s = SOURCE_CHECKTHAT_2019; s < N_SOURCES; s++)
    if (!load_folder (corpus, &english, &neutral, dir, s, error))
      return NULL;
  group_documents (corpus);
  return g_steal_pointer (&corpus);
}
