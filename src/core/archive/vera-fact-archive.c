/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-archive"

#include "config.h"

#include <string.h>

#include "vera-fact-archive-private.h"
#include "vera-fact-text.h"
#include "vera-language-id.h"
#include "vera-vocabulary.h"

/* The schema version (PRAGMA user_version). Raise it with every change of the tables and
 * migrate in open_schema(). */
#define SCHEMA_VERSION 1
#define FORMAT_MARK "vera-fact-archive"

struct _VeraFactArchiveClass
{
  GObjectClass parent_class;
};

G_DEFINE_FINAL_TYPE (VeraFactArchive, vera_fact_archive, G_TYPE_OBJECT)

G_DEFINE_QUARK (vera-fact-archive-error-quark, vera_fact_archive_error)

static const char schema_sql[] =
  "CREATE TABLE vera_archive (name TEXT PRIMARY KEY, value TEXT);"
  "INSERT INTO vera_archive VALUES ('format', '" FORMAT_MARK "');"
  "CREATE TABLE review ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  identifier TEXT, url TEXT, claim TEXT, headline TEXT, rating TEXT, status TEXT,"
  "  publisher TEXT, date TEXT, language TEXT, claimant TEXT, source TEXT,"
  "  terms TEXT NOT NULL, features TEXT NOT NULL);"
  "CREATE INDEX review_url ON review (url);"
  "CREATE INDEX review_source ON review (source);"
  /* External content: the index reads the terms column of review, the triggers keep it. */
  "CREATE VIRTUAL TABLE review_fts USING fts5 (terms, content='review', content_rowid='id',"
  "  tokenize='unicode61 remove_diacritics 2');"
  "CREATE VIRTUAL TABLE review_vocab USING fts5vocab (review_fts, 'row');"
  "CREATE TRIGGER review_ai AFTER INSERT ON review BEGIN"
  "  INSERT INTO review_fts (rowid, terms) VALUES (new.id, new.terms); END;"
  "CREATE TRIGGER review_ad AFTER DELETE ON review BEGIN"
  "  INSERT INTO review_fts (review_fts, rowid, terms) VALUES ('delete', old.id, old.terms); END;"
  "CREATE TRIGGER review_au AFTER UPDATE ON review BEGIN"
  "  INSERT INTO review_fts (review_fts, rowid, terms) VALUES ('delete', old.id, old.terms);"
  "  INSERT INTO review_fts (rowid, terms) VALUES (new.id, new.terms); END;"
  "PRAGMA user_version = 1;";

gboolean
vera_fact_archive_set_sql_error (VeraFactArchive  *self,
                                 int               rc,
                                 const char       *what,
                                 GError          **error)
{
  int code = VERA_FACT_ARCHIVE_ERROR_DATABASE;
  const char *message = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_assert (VERA_IS_FACT_ARCHIVE (self));

  if ((rc & 0xff) == SQLITE_CORRUPT)
    code = VERA_FACT_ARCHIVE_ERROR_CORRUPT;
  else if ((rc & 0xff) == SQLITE_NOTADB)
    code = VERA_FACT_ARCHIVE_ERROR_NOT_ARCHIVE;

  if (code == VERA_FACT_ARCHIVE_ERROR_CORRUPT)
    g_set_error (error, VERA_FACT_ARCHIVE_ERROR, code,
                 "%s: the archive is damaged (%s: %s); import its sources into a new archive",
                 self->path, what, message);
  else if (code == VERA_FACT_ARCHIVE_ERROR_NOT_ARCHIVE)
    g_set_error (error, VERA_FACT_ARCHIVE_ERROR, code,
                 "%s: not a Vera archive (not an SQLite database)", self->path);
  else
    g_set_error (error, VERA_FACT_ARCHIVE_ERROR, code, "%s: %s: %s", self->path, what, message);
  return FALSE;
}

gboolean
vera_fact_archive_exec (VeraFactArchive  *self,
                        const char       *sql,
                        GError          **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return vera_fact_archive_set_sql_error (self, rc, sql, error);
  return TRUE;
}

static gboolean
query_int (VeraFactArchive  *self,
           const char       *sql,
           gint64           *value,
           GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      vera_fact_archive_set_sql_error (self, rc, sql, error);
      sqlite3_finalize (stmt);
      return FALSE;
    }
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
open_schema (VeraFactArchive  *self,
             GError          **error)
{
  gint64 version = 0;
  gint64 n_tables = 0;
  gint64 marked = 0;

  if (!query_int (self, "PRAGMA user_version", &version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_master", &n_tables, error))
    return FALSE;
  if (version == 0 && n_tables == 0)
    return vera_fact_archive_exec (self, "BEGIN", error) &&
           (vera_fact_archive_exec (self, schema_sql, error) ||
            (sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL), FALSE)) &&
           vera_fact_archive_exec (self, "COMMIT", error);
  if (version > SCHEMA_VERSION)
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_VERSION,
                   "%s: an archive of a newer Vera (format %d, this Vera reads %d); "
                   "update Vera or import its sources into a new archive",
                   self->path, (int) version, SCHEMA_VERSION);
      return FALSE;
    }
  if (version == SCHEMA_VERSION &&
      !query_int (self, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
                        "name = 'vera_archive'", &marked, error))
    return FALSE;
  if (marked == 1 &&
      !query_int (self, "SELECT count(*) FROM vera_archive WHERE name = 'format' AND "
                        "value = '" FORMAT_MARK "'", &marked, error))
    return FALSE;
  if (version != SCHEMA_VERSION || marked != 1)
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_NOT_ARCHIVE,
                   "%s: an SQLite database, but not a Vera archive; choose another file",
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static VeraFactArchive *
open_database (const char  *path,
               const char  *name,
               GError     **error)
{
  g_autoptr(VeraFactArchive) self = g_object_new (VERA_TYPE_FACT_ARCHIVE, NULL);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  int rc;

  self->path = g_strdup (name);
  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_OPEN,
                   "%s: cannot open the archive: %s", name,
                   self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Another process (the app beside a vera-check run) may hold the write lock for a while. */
  sqlite3_busy_timeout (self->db, 5000);
  if (!open_schema (self, error))
    return NULL;
  /* WAL: readers (matching) never wait for an import. An in-memory database keeps "memory". */
  if (!vera_fact_archive_exec (self, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
                                     "PRAGMA foreign_keys = ON", error))
    return NULL;
  return g_steal_pointer (&self);
}

VeraFactArchive *
vera_fact_archive_open (const char  *path,
                        GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_OPEN,
                   "%s: a folder, not an archive file", path);
      return NULL;
    }
  return open_database (path, path, error);
}

VeraFactArchive *
vera_fact_archive_new_temporary (GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_database (":memory:", ":memory:", error);
}

static void
vera_fact_archive_finalize (GObject *object)
{
  VeraFactArchive *self = VERA_FACT_ARCHIVE (object);

  if (self->db != NULL)
    sqlite3_close (self->db);
  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (vera_fact_archive_parent_class)->finalize (object);
}

static void
vera_fact_archive_class_init (VeraFactArchiveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vera_fact_archive_finalize;
}

static void
vera_fact_archive_init (VeraFactArchive *self)
{
  g_mutex_init (&self->lock);
  memcpy (self->weights, vera_fact_default_weights (), sizeof self->weights);
  self->max_df_share = VERA_FACT_DEFAULT_MAX_DF_SHARE;
}

const char *
vera_fact_archive_get_path (VeraFactArchive *self)
{
  g_return_val_if_fail (VERA_IS_FACT_ARCHIVE (self), NULL);

  return self->path;
}

guint
vera_fact_archive_get_n_reviews (VeraFactArchive *self)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 n = 0;

  g_return_val_if_fail (VERA_IS_FACT_ARCHIVE (self), 0);

  locker = g_mutex_locker_new (&self->lock);
  if (!query_int (self, "SELECT count(*) FROM review", &n, NULL))
    return 0;
  return (guint) n;
}

/* The language the analysis reads a review's text in: its tag, else Chinese for Han text. */
static VeraLanguage
language_of (const char *tag,
             const char *text)
{
  VeraLanguage language = vera_language_from_tag (tag);

  if (language != VERA_LANGUAGE_UND && language != VERA_LANGUAGE_OTHER)
    return language;
  if (text != NULL)
    language = vera_language_from_tag (vera_language_identify (text, strlen (text), NULL));
  if (language != VERA_LANGUAGE_UND && language != VERA_LANGUAGE_OTHER)
    return language;
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return VERA_LANGUAGE_ZH;
  return language;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text != NULL && text[0] != '\0')
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}

gboolean
vera_fact_archive_put (VeraFactArchive      *self,
                       const VeraFactReview *review,
                       GError              **error)
{
  static const char find_sql[] =
    "SELECT id FROM review WHERE key = ?1 UNION ALL "
    "SELECT id FROM review WHERE ?2 IS NOT NULL AND url = ?2 LIMIT 1";
  static const char insert_sql[] =
    "INSERT INTO review (key, identifier, url, claim, headline, rating, status, publisher, date,"
    " language, claimant, source, terms, features, id)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"
    " ON CONFLICT (id) DO UPDATE SET key = ?1, identifier = ?2, url = ?3, claim = ?4,"
    " headline = ?5, rating = ?6, status = ?7, publisher = ?8, date = ?9, language = ?10,"
    " claimant = ?11, source = ?12, terms = ?13, features = ?14";
  const char *key = vera_fact_review_get_key (review);
  VeraLanguage claim_language = language_of (review->language, review->claim);
  VeraLanguage headline_language = language_of (review->language, review->headline);
  g_autoptr(VeraFactText) text = vera_fact_text_new (review->claim, claim_language);
  g_autofree char *terms = NULL;
  g_autofree char *features = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 id = 0;
  int rc;

  g_assert (key != NULL);

  vera_fact_text_add (text, review->headline, headline_language);
  terms = vera_fact_text_dup_index (text);
  features = vera_fact_text_dup_features (text);

  rc = sqlite3_prepare_v3 (self->db, find_sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    return vera_fact_archive_set_sql_error (self, rc, "finding the review", error);
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, review->url);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return vera_fact_archive_set_sql_error (self, rc, "finding the review", error);

  rc = sqlite3_prepare_v3 (self->db, insert_sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    return vera_fact_archive_set_sql_error (self, rc, "storing the review", error);
  bind_text (stmt, 1, key);
  bind_text (stmt, 2, review->identifier);
  bind_text (stmt, 3, review->url);
  bind_text (stmt, 4, review->claim);
  bind_text (stmt, 5, review->headline);
  bind_text (stmt, 6, review->rating);
  bind_text (stmt, 7, review->status != VERA_STATUS_UNREVIEWED ?
                        vera_status_to_string (review->status) : NULL);
  bind_text (stmt, 8, review->publisher);
  bind_text (stmt, 9, review->date);
  bind_text (stmt, 10, review->language);
  bind_text (stmt, 11, review->claimant);
  bind_text (stmt, 12, review->source);
  sqlite3_bind_text (stmt, 13, terms, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 14, features, -1, SQLITE_STATIC);
  if (id != 0)
    sqlite3_bind_int64 (stmt, 15, id);
  else
    sqlite3_bind_null (stmt, 15);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      /* Another review of this import has the same key under its URL. */
      if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_INVALID,
                       "%s: the review “%s” has the URL of another review", self->path, key);
          return FALSE;
        }
      return vera_fact_archive_set_sql_error (self, rc, "storing the review", error);
    }
  return TRUE;
}

gboolean
vera_fact_archive_add (VeraFactArchive       *self,
                       const VeraFactReview  *review,
                       GError               **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (VERA_IS_FACT_ARCHIVE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (vera_fact_review_get_key (review) == NULL ||
      ((review->claim == NULL || review->claim[0] == '\0') &&
       (review->headline == NULL || review->headline[0] == '\0')))
    {
      g_set_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_INVALID,
                   "%s: a review needs an identifier or a URL, and a claim or a headline",
                   self->path);
      return FALSE;
    }
  locker = g_mutex_locker_new (&self->lock);
  if (!vera_fact_archive_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!vera_fact_archive_put (self, review, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return vera_fact_archive_exec (self, "COMMIT", error);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

VeraFactReview *
vera_fact_archive_review_from_row (sqlite3_stmt *stmt,
                                   int           first)
{
  VeraFactReview *review = vera_fact_review_new ();
  g_autofree char *status = NULL;

  review->identifier = dup_column (stmt, first);
  review->url = dup_column (stmt, first + 1);
  review->claim = dup_column (stmt, first + 2);
  review->headline = dup_column (stmt, first + 3);
  review->rating = dup_column (stmt, first + 4);
  status = dup_column (stmt, first + 5);
  if (status == NULL || !vera_status_from_string (status, &review->status))
    review->status = VERA_STATUS_UNREVIEWED;
  review->publisher = dup_column (stmt, first + 6);
  review->date = dup_column (stmt, first + 7);
  review->language = dup_column (stmt, first + 8);
  review->claimant = dup_column (stmt, first + 9);
  review->source = dup_column (stmt, first + 10);
  return review;
}

VeraFactReview *
vera_fact_archive_lookup (VeraFactArchive *self,
                          const char      *key)
{
  static const char sql[] =
    "SELECT identifier, url, claim, headline, rating, status, publisher, date, language,"
    " claimant, source FROM review WHERE key = ?1";
  g_autoptr(GMutexLocker) locker = NULL;
  VeraFactReview *review = NULL;
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (VERA_IS_FACT_ARCHIVE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    review = vera_fact_archive_review_from_row (stmt, 0);
  sqlite3_finalize (stmt);
  return review;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  VeraFactArchive *self = source_object;
  GFile *file = task_data;
  GError *error = NULL;
  guint n = 0;

  if (vera_fact_archive_import_file (self, file, NULL, NULL, &n, cancellable, &error))
    g_task_return_int (task, n);
  else
    g_task_return_error (task, error);
}

void
vera_fact_archive_import_file_async (VeraFactArchive     *self,
                                     GFile               *file,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (VERA_IS_FACT_ARCHIVE (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_fact_archive_import_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

gboolean
vera_fact_archive_import_file_finish (VeraFactArchive  *self,
                                      GAsyncResult     *result,
                                      guint            *n_imported,
                                      GError          **error)
{
  gssize n;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n = g_task_propagate_int (G_TASK (result), error);
  if (n < 0)
    return FALSE;
  if (n_imported != NULL)
    *n_imported = (guint) n;
  return TRUE;
}
