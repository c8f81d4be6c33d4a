/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-archive"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-fact-archive-private.h"
#include "vera-fact-text.h"
#include "vera-language-id.h"

/* At most this many query terms go into the search, the rarest first: a long query of common
 * words would otherwise read most of the index. */
#define MAX_QUERY_TERMS 48

/* Tuned by coordinate ascent on the CheckThat! training queries only (2021 2A, 2021 2B, 2020:
 * tests/bench/eval-match with those three sets); dev figures from tests/match-eval.py. */
static const double default_weights[VERA_FACT_N_FEATURES] = {
  [VERA_FACT_FEATURE_BM25] = 1.0,
  [VERA_FACT_FEATURE_QUERY_COVERED] = 0.5,
  [VERA_FACT_FEATURE_REVIEW_COVERED] = 0.5,
  [VERA_FACT_FEATURE_FIGURES] = -0.1,
  [VERA_FACT_FEATURE_FIGURE_CLASH] = 0.0,
  [VERA_FACT_FEATURE_PLACES] = -0.25,
  [VERA_FACT_FEATURE_NAMES] = 0.3,
  [VERA_FACT_FEATURE_YEARS] = 0.05,
  [VERA_FACT_FEATURE_YEAR_CLASH] = 0.0,
};

const double *
vera_fact_default_weights (void)
{
  return default_weights;
}

void
vera_fact_archive_set_weights (VeraFactArchive *self,
                               const double    *weights)
{
  g_return_if_fail (VERA_IS_FACT_ARCHIVE (self));
  g_return_if_fail (weights != NULL);

  memcpy (self->weights, weights, sizeof self->weights);
}

void
vera_fact_archive_set_max_df_share (VeraFactArchive *self,
                                    double           share)
{
  g_return_if_fail (VERA_IS_FACT_ARCHIVE (self));
  g_return_if_fail (share > 0 && share <= 1);

  self->max_df_share = share;
}

double
vera_fact_candidate_score (const VeraFactCandidate *candidate,
                           const double            *weights)
{
  double score = 0;

  for (guint i = 0; i < VERA_FACT_N_FEATURES; i++)
    score += weights[i] * candidate->features[i];
  return score;
}

typedef struct
{
  double   score;
  guint    position;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

void
vera_fact_candidates_rank (GArray       *candidates,
                           const double *weights)
{
  g_autofree Ranked *ranked = NULL;
  g_autofree VeraFactCandidate *copy = NULL;
  guint n;

  g_return_if_fail (candidates != NULL && weights != NULL);

  n = candidates->len;
  if (n < 2)
    return;
  ranked = g_new (Ranked, n);
  copy = g_memdup2 (candidates->data, sizeof (VeraFactCandidate) * n);
  for (guint i = 0; i < n; i++)
    {
      ranked[i].score = vera_fact_candidate_score (&copy[i], weights);
      ranked[i].position = i;
    }
  qsort (ranked, n, sizeof (Ranked), compare_ranked);
  for (guint i = 0; i < n; i++)
    g_array_index (candidates, VeraFactCandidate, i) = copy[ranked[i].position];
}

static void
candidate_clear (gpointer data)
{
  VeraFactCandidate *candidate = data;

  g_free (candidate->key);
}

/* Links are not claims: "https://t.co/…", "pic.twitter.com/…" become spaces. */
static char *
dup_without_links (const char *text)
{
  static const char *const starts[] = { "http://", "https://", "pic.twitter.com/", "www." };
  char *copy = g_strdup (text);

  for (char *p = copy; *p != '\0'; p++)
    for (guint i = 0; i < G_N_ELEMENTS (starts); i++)
      if (g_ascii_strncasecmp (p, starts[i], strlen (starts[i])) == 0 &&
          (p == copy || g_ascii_isspace (p[-1]) || !g_ascii_isalnum (p[-1])))
        {
          while (*p != '\0' && !g_ascii_isspace (*p))
            *p++ = ' ';
          p--;
          break;
        }
  return copy;
}

/* The claim's language when the caller does not know it: what the language identifier finds
 * (English, German, Chinese), else Chinese for Han text. */
static VeraLanguage
guess_language (const char   *text,
                VeraLanguage  language)
{
  if (language != VERA_LANGUAGE_UND && language != VERA_LANGUAGE_OTHER)
    return language;
  language = vera_language_from_tag (vera_language_identify (text, strlen (text), NULL));
  if (language != VERA_LANGUAGE_UND && language != VERA_LANGUAGE_OTHER)
    return language;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return VERA_LANGUAGE_ZH;
  return language;
}

typedef struct
{
  char   *term;
  gint64  df;
} QueryTerm;

/* A term as the index's tokenizer (unicode61 remove_diacritics 2) stores it: without its
 * diacritics ("lastenräder" → "lastenrader"), for looking it up in the vocabulary. */
static char *
dup_folded (const char *term)
{
  g_autofree char *decomposed = g_utf8_normalize (term, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static int
compare_query_terms (gconstpointer a,
                     gconstpointer b)
{
  const QueryTerm *x = a;
  const QueryTerm *y = b;

  if (x->df != y->df)
    return x->df < y->df ? -1 : 1;
  return strcmp (x->term, y->term);
}

static gboolean
count_reviews (VeraFactArchive  *self,
               gint64           *n,
               GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (self->db, "SELECT count(*) FROM review", -1,
                               SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return vera_fact_archive_set_sql_error (self, rc, "counting the reviews", error);
    }
  *n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The distinct query terms with their document frequency, rarest first; terms no review has
 * are dropped, and so are the very common ones (see VERA_FACT_DEFAULT_MAX_DF_SHARE). */
static GArray *
dup_query_terms (VeraFactArchive     *self,
                 const VeraFactText  *text,
                 gint64               n_reviews,
                 GHashTable          *all_terms,
                 GError             **error)
{
  g_autoptr(GArray) terms = g_array_new (FALSE, FALSE, sizeof (QueryTerm));
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  double max_df = MAX (50.0, self->max_df_share * n_reviews);
  int rc;

  for (guint i = 0; i < text->terms->len; i++)
    g_ptr_array_add (candidates, g_strdup (g_ptr_array_index (text->terms, i)));
  for (guint i = 0; i < text->features->len; i++)
    {
      char *token = vera_fact_feature_dup_token (g_ptr_array_index (text->features, i));

      if (token != NULL)
        g_ptr_array_add (candidates, token);
    }

  rc = sqlite3_prepare_v3 (self->db, "SELECT doc FROM review_vocab WHERE term = ?1", -1,
                           SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      vera_fact_archive_set_sql_error (self, rc, "reading the index", error);
      return NULL;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *term = g_ptr_array_index (candidates, i);
      QueryTerm query_term = { 0 };
      g_autofree char *folded = NULL;

      if (!g_hash_table_add (all_terms, g_strdup (term)))
        continue;
      folded = dup_folded (term);
      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, folded, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          sqlite3_finalize (stmt);
          vera_fact_archive_set_sql_error (self, rc, "reading the index", error);
          return NULL;
        }
      query_term.df = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
      if (query_term.df == 0 || (self->max_df_share < 1.0 && query_term.df > max_df))
        continue;
      query_term.term = g_strdup (term);
      g_array_append_val (terms, query_term);
    }
  sqlite3_finalize (stmt);
  g_array_sort (terms, compare_query_terms);
  return g_steal_pointer (&terms);
}

static void
query_terms_free (GArray *terms)
{
  for (guint i = 0; i < terms->len; i++)
    g_free (g_array_index (terms, QueryTerm, i).term);
  g_array_unref (terms);
}

static char *
dup_match_expression (GArray *terms)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < MIN (terms->len, MAX_QUERY_TERMS); i++)
    {
      const char *term = g_array_index (terms, QueryTerm, i).term;

      if (out->len > 0)
        g_string_append (out, " OR ");
      g_string_append_c (out, '"');
      for (const char *p = term; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  return g_string_free (out, FALSE);
}

/* The share of the query's features of kind @prefix ("f:") the review has; -1 when the query
 * has none. @clash is set when both have some and share none. */
static double
share_of (const VeraFactText *query,
          GHashTable         *review_features,
          const char         *prefix,
          gboolean           *clash)
{
  guint n_query = 0;
  guint n_shared = 0;
  gboolean review_has = FALSE;
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < query->features->len; i++)
    {
      const char *feature = g_ptr_array_index (query->features, i);

      if (!g_str_has_prefix (feature, prefix))
        continue;
      n_query++;
      if (g_hash_table_contains (review_features, feature))
        n_shared++;
    }
  g_hash_table_iter_init (&iter, review_features);
  while (!review_has && g_hash_table_iter_next (&iter, &key, NULL))
    review_has = g_str_has_prefix (key, prefix);
  if (clash != NULL)
    *clash = n_query > 0 && review_has && n_shared == 0;
  return n_query > 0 ? (double) n_shared / n_query : 0.0;
}

static void
compute_features (VeraFactCandidate  *candidate,
                  const VeraFactText *query,
                  GArray             *query_terms,
                  GHashTable         *all_query_terms,
                  gint64              n_reviews,
                  const char         *terms,
                  const char         *features)
{
  g_autoptr(GHashTable) review_terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
  g_autoptr(GHashTable) review_features = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                                 g_free, NULL);
  g_auto(GStrv) term_list = g_strsplit (terms != NULL ? terms : "", " ", -1);
  g_auto(GStrv) feature_list = g_strsplit (features != NULL ? features : "", " ", -1);
  double idf_total = 0;
  double idf_shared = 0;
  guint n_review = 0;
  guint n_review_shared = 0;
  gboolean clash = FALSE;

  for (guint i = 0; term_list[i] != NULL; i++)
    if (term_list[i][0] != '\0' && g_hash_table_add (review_terms, g_strdup (term_list[i])))
      {
        n_review++;
        if (g_hash_table_contains (all_query_terms, term_list[i]))
          n_review_shared++;
      }
  for (guint i = 0; feature_list[i] != NULL; i++)
    if (feature_list[i][0] != '\0')
      g_hash_table_add (review_features, g_strdup (feature_list[i]));

  for (guint i = 0; i < query_terms->len; i++)
    {
      QueryTerm *term = &g_array_index (query_terms, QueryTerm, i);
      double idf = log ((n_reviews + 1.0) / (term->df + 0.5));

      idf_total += idf;
      if (g_hash_table_contains (review_terms, term->term))
        idf_shared += idf;
    }
  candidate->features[VERA_FACT_FEATURE_QUERY_COVERED] = idf_total > 0 ? idf_shared / idf_total
                                                                       : 0;
  candidate->features[VERA_FACT_FEATURE_REVIEW_COVERED] = n_review > 0 ?
                                                          (double) n_review_shared / n_review : 0;
  candidate->features[VERA_FACT_FEATURE_FIGURES] = share_of (query, review_features, "f:",
                                                             &clash);
  candidate->features[VERA_FACT_FEATURE_FIGURE_CLASH] = clash;
  candidate->features[VERA_FACT_FEATURE_PLACES] = share_of (query, review_features, "p:", NULL);
  candidate->features[VERA_FACT_FEATURE_NAMES] = share_of (query, review_features, "n:", NULL);
  candidate->features[VERA_FACT_FEATURE_YEARS] = share_of (query, review_features, "y:", &clash);
  candidate->features[VERA_FACT_FEATURE_YEAR_CLASH] = clash;
}

static GArray *
find_candidates (VeraFactArchive  *self,
                 const char       *claim,
                 VeraLanguage      language,
                 guint             n_candidates,
                 GError          **error)
{
  static const char search_sql[] =
    "SELECT rowid, -bm25 (review_fts) FROM review_fts WHERE review_fts MATCH ?1"
    " ORDER BY rank LIMIT ?2";
  static const char row_sql[] = "SELECT key, terms, features FROM review WHERE id = ?1";
  g_autoptr(GArray) candidates = g_array_new (FALSE, TRUE, sizeof (VeraFactCandidate));
  g_autoptr(GHashTable) all_terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autofree char *clean = dup_without_links (claim);
  g_autoptr(VeraFactText) query = NULL;
  g_autofree char *expression = NULL;
  GArray *terms;
  sqlite3_stmt *stmt = NULL;
  gint64 n_reviews = 0;
  double best = 0;
  int rc;

  g_array_set_clear_func (candidates, candidate_clear);
  query = vera_fact_text_new (clean, guess_language (clean, language));
  if (!count_reviews (self, &n_reviews, error))
    return NULL;
  terms = dup_query_terms (self, query, n_reviews, all_terms, error);
  if (terms == NULL)
    return NULL;
  if (terms->len == 0)
    {
      query_terms_free (terms);
      return g_steal_pointer (&candidates);
    }
  expression = dup_match_expression (terms);

  rc = sqlite3_prepare_v2 (self->db, search_sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      query_terms_free (terms);
      vera_fact_archive_set_sql_error (self, rc, "searching the index", error);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, expression, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, n_candidates);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      VeraFactCandidate candidate = { 0 };

      candidate.id = sqlite3_column_int64 (stmt, 0);
      candidate.features[VERA_FACT_FEATURE_BM25] = sqlite3_column_double (stmt, 1);
      best = MAX (best, candidate.features[VERA_FACT_FEATURE_BM25]);
      g_array_append_val (candidates, candidate);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      query_terms_free (terms);
      vera_fact_archive_set_sql_error (self, rc, "searching the index", error);
      return NULL;
    }

  rc = sqlite3_prepare_v3 (self->db, row_sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      query_terms_free (terms);
      vera_fact_archive_set_sql_error (self, rc, "reading a review", error);
      return NULL;
    }
  for (guint i = 0; i < candidates->len; i++)
    {
      VeraFactCandidate *candidate = &g_array_index (candidates, VeraFactCandidate, i);

      candidate->features[VERA_FACT_FEATURE_BM25] = best > 0 ?
        candidate->features[VERA_FACT_FEATURE_BM25] / best : 0;
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, candidate->id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      candidate->key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      compute_features (candidate, query, terms, all_terms, n_reviews,
                        (const char *) sqlite3_column_text (stmt, 1),
                        (const char *) sqlite3_column_text (stmt, 2));
    }
  sqlite3_finalize (stmt);
  query_terms_free (terms);
  return g_steal_pointer (&candidates);
}

GArray *
vera_fact_archive_candidates (VeraFactArchive  *self,
                              const char       *claim,
                              VeraLanguage      language,
                              guint             n_candidates,
                              GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VERA_IS_FACT_ARCHIVE (self), NULL);
  g_return_val_if_fail (claim != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (!g_utf8_validate (claim, -1, NULL))
    {
      g_autofree char *valid = g_utf8_make_valid (claim, -1);

      return find_candidates (self, valid, language, n_candidates, error);
    }
  return find_candidates (self, claim, language, n_candidates, error);
}

GPtrArray *
vera_fact_archive_match (VeraFactArchive  *self,
                         const char       *claim,
                         VeraLanguage      language,
                         guint             limit,
                         GError          **error)
{
  static const char sql[] =
    "SELECT identifier, url, claim, headline, rating, status, publisher, date, language,"
    " claimant, source FROM review WHERE id = ?1";
  g_autoptr(GPtrArray) matches = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_fact_match_free);
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (VERA_IS_FACT_ARCHIVE (self), NULL);
  g_return_val_if_fail (claim != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  candidates = vera_fact_archive_candidates (self, claim, language,
                                             MAX (limit, VERA_FACT_N_CANDIDATES), error);
  if (candidates == NULL)
    return NULL;
  vera_fact_candidates_rank (candidates, self->weights);

  locker = g_mutex_locker_new (&self->lock);
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      vera_fact_archive_set_sql_error (self, rc, "reading a review", error);
      return NULL;
    }
  for (guint i = 0; i < MIN (limit, candidates->len); i++)
    {
      VeraFactCandidate *candidate = &g_array_index (candidates, VeraFactCandidate, i);
      VeraFactMatch *match;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, candidate->id);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        continue;
      match = g_new0 (VeraFactMatch, 1);
      match->review = vera_fact_archive_review_from_row (stmt, 0);
      /* Rounded so that the printed score orders the matches as they are ordered. */
      match->score = round (vera_fact_candidate_score (candidate, self->weights) * 1e6) / 1e6;
      g_ptr_array_add (matches, match);
    }
  sqlite3_finalize (stmt);
  return g_steal_pointer (&matches);
}
