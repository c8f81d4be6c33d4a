/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-project-io"

#include "config.h"

#include <unistd.h>
#include <glib/gstdio.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-file-util.h"
#include "vera-finding.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-quantity.h"
#include "vera-reference.h"
#include "vera-test-util.h"

/* Text with CRLF-free but otherwise awkward content: combining-free NFC accents, CJK, emoji,
 * quotes, a tab, trailing spaces and a backslash, so that every character must survive. */
#define TEXT_A "Zhangjiang hosts 16,000 tech firms.\n\n“We grew 28%,” said Dr. Li Wei.\t上海 \\ 😀 end  "
#define TEXT_B "Only 12,000 foreign experts came in 2023."

static VeraProject *
build_project (void)
{
  VeraProject *project = vera_project_new ();
  g_autoptr(VeraArticle) a = vera_article_new ("a1", "/tmp/a.txt", TEXT_A);
  g_autoptr(VeraArticle) b = vera_article_new ("a2", "https://news.example/b", TEXT_B);
  g_autoptr(VeraClaim) c1 = vera_claim_new ("a1-c1", 0, 35, "Zhangjiang hosts 16,000 tech firms.");
  g_autoptr(VeraClaim) c2 = vera_claim_new ("a2-c1", 0, 41, TEXT_B);
  g_autoptr(VeraReference) ref = vera_reference_new ("https://stats.example/report");
  g_autoptr(VeraFinding) finding = vera_finding_new (VERA_FINDING_KIND_INJECTED_TEXT, 69, 71,
                                                      "上海", "Han text in a Latin article");
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  VeraConflict *conflict = vera_conflict_new ("k1", VERA_CONFLICT_KIND_FIGURE, "tech firms");
  VeraQuantity *q = vera_quantity_new ();
  VeraPerson *p = vera_person_new ("Li Wei", "Dr.");

  q->text = g_strdup ("16,000 tech firms");
  q->value = 16000;
  q->unit = g_strdup ("count");
  q->noun = g_strdup ("tech firms");
  q->start = 17;
  q->end = 34;
  g_ptr_array_add (vera_claim_get_quantities (c1), q);
  p->quoted = TRUE;
  p->start = 64;
  p->end = 70;
  g_ptr_array_add (vera_claim_get_people (c1), p);

  vera_claim_set_score (c1, 0.875);
  vera_claim_set_kinds (c1, VERA_CLAIM_KIND_QUANTITY | VERA_CLAIM_KIND_COMPARISON);
  vera_claim_set_context (c1, "", "\n\n“We grew 28%,”");
  vera_article_set_title (a, "Zhangjiang");
  vera_article_set_publisher (a, "Example Daily");
  vera_article_set_published (a, "2025-03-01");
  vera_article_set_language (a, "en");
  vera_article_add_claim (a, c1);
  vera_article_add_finding (a, finding);
  vera_article_add_claim (b, c2);
  g_assert_true (vera_project_add_article (project, a, NULL));
  g_assert_true (vera_project_add_article (project, b, NULL));

  vera_reference_set_field (ref, VERA_REFERENCE_TITLE, "Statistical report “2024”");
  vera_reference_set_field (ref, VERA_REFERENCE_ARCHIVE_URL, "https://web.archive.org/x");
  vera_reference_set_http_status (ref, 200);
  vera_reference_set_health (ref, VERA_LINK_HEALTH_OK);
  vera_reference_set_stance (ref, VERA_STANCE_REFUTES);

  vera_project_set_reviewer (project, "Ana Reviewer");
  vera_project_set_claim_status (project, c1, VERA_STATUS_PARTLY_SUPPORTED);
  vera_project_set_claim_note (project, c1, "Registry lists 15,200 firms.\nSee report.");
  vera_project_add_reference (project, c1, ref);

  vera_conflict_add_member (conflict, "a1-c1", "16,000");
  vera_conflict_add_member (conflict, "a2-c1", "12,000");
  g_ptr_array_add (conflicts, conflict);
  vera_project_replace_conflicts (project, conflicts);
  vera_project_set_claim_threshold (project, 0.4);
  return project;
}

static char *
write_temp (const char *name,
            const char *contents)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_round_trip (void)
{
  g_autoptr(VeraProject) project = build_project ();
  g_autoptr(VeraProject) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = vera_project_to_data (project, NULL);
  g_autofree char *again = NULL;
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.vera", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VeraClaim *claim;
  VeraReference *ref;
  VeraArticle *article;

  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (vera_project_get_dirty (project));

  loaded = vera_project_load (file, NULL, &error);
  g_assert_no_error (error);
  again = vera_project_to_data (loaded, NULL);
  g_assert_cmpstr (data, ==, again);

  article = vera_project_find_article (loaded, "a1");
  g_assert_cmpstr (vera_article_get_text (article), ==, TEXT_A);
  g_assert_cmpstr (vera_article_get_publisher (article), ==, "Example Daily");
  claim = vera_project_find_claim (loaded, "a1-c1");
  g_assert_cmpint (vera_claim_get_status (claim), ==, VERA_STATUS_PARTLY_SUPPORTED);
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "Registry lists 15,200 firms.\nSee report.");
  g_assert_cmpstr (vera_claim_get_reviewer (claim), ==, "Ana Reviewer");
  g_assert_nonnull (vera_claim_get_modified (claim));
  g_assert_cmpfloat_with_epsilon (vera_claim_get_score (claim), 0.875, 1e-9);
  g_assert_cmpint (vera_claim_get_kinds (claim), ==,
                   VERA_CLAIM_KIND_QUANTITY | VERA_CLAIM_KIND_COMPARISON);
  g_assert_cmpuint (vera_claim_get_quantities (claim)->len, ==, 1);
  g_assert_cmpstr (((VeraQuantity *) g_ptr_array_index (vera_claim_get_quantities (claim), 0))->noun,
                   ==, "tech firms");
  g_assert_true (((VeraPerson *) g_ptr_array_index (vera_claim_get_people (claim), 0))->quoted);
  ref = g_list_model_get_item (vera_claim_get_references (claim), 0);
  g_assert_cmpstr (vera_reference_get_title (ref), ==, "Statistical report “2024”");
  g_assert_cmpint (vera_reference_get_stance (ref), ==, VERA_STANCE_REFUTES);
  g_assert_cmpint (vera_reference_get_health (ref), ==, VERA_LINK_HEALTH_OK);
  g_object_unref (ref);
  g_assert_cmpuint (g_list_model_get_n_items (vera_project_get_conflicts (loaded)), ==, 1);
  g_assert_cmpfloat (vera_project_get_claim_threshold (loaded), ==, 0.4);
}

static void
test_backup (void)
{
  g_autoptr(VeraProject) project = build_project ();
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.vera", NULL);
  g_autofree char *bak = g_strconcat (path, ".bak", NULL);
  g_autofree char *first = NULL;
  g_autofree char *backup = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_false (g_file_test (bak, G_FILE_TEST_EXISTS));
  g_file_get_contents (path, &first, NULL, NULL);
  vera_project_set_claim_status (project, vera_project_find_claim (project, "a2-c1"),
                                 VERA_STATUS_SUPPORTED);
  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_file_get_contents (bak, &backup, NULL, NULL);
  g_assert_cmpstr (first, ==, backup);
}

static void
test_interrupted_save (void)
{
  g_autoptr(VeraProject) project = build_project ();
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "p.vera", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(VeraProject) loaded = NULL;

  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_file_get_contents (path, &before, NULL, NULL);

  /* A save that dies half-way: a child process starts the atomic write and aborts. */
  if (g_test_subprocess ())
    {
      g_autofree char *data = vera_project_to_data (project, NULL);
      VeraAtomicFile *atomic = vera_atomic_file_open (path, NULL);

      vera_atomic_file_write (atomic, data, strlen (data) / 2, NULL);
      abort ();
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_failed ();

  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (before, ==, after);
  loaded = vera_project_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
}

typedef struct {
  const char *name;
  const char *json;
  int code;
  const char *expect;  /* a fragment the message must hold */
} LoadCase;

static const LoadCase load_cases[] = {
  { "not-json", "{\"format\": \"vera-project\",\n \"version\": 1,\n oops }",
    VERA_PROJECT_ERROR_NOT_JSON, "line 2, column 14" },
  { "empty", "", VERA_PROJECT_ERROR_NOT_JSON, "empty" },
  { "other-format", "{\"format\": \"something-else\", \"version\": 1}",
    VERA_PROJECT_ERROR_WRONG_FORMAT, "something-else" },
  { "no-format", "[1, 2]", VERA_PROJECT_ERROR_WRONG_FORMAT, "not a Vera project" },
  { "newer", "{\"format\": \"vera-project\", \"version\": 7, \"articles\": []}",
    VERA_PROJECT_ERROR_NEWER_VERSION, "version 7" },
  { "no-articles", "{\"format\": \"vera-project\", \"version\": 1}",
    VERA_PROJECT_ERROR_MISSING_KEY, "“articles”" },
  { "no-text", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": [{\"id\": \"a1\"}]}",
    VERA_PROJECT_ERROR_MISSING_KEY, "article 1 (“a1”): the key “text”" },
  { "text-type", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
    "[{\"id\": \"a1\", \"text\": 5}]}", VERA_PROJECT_ERROR_WRONG_TYPE, "“text” must be a string" },
  { "claim-start-type", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
    "[{\"id\": \"a1\", \"text\": \"abc\", \"claims\": [{\"id\": \"c\", \"start\": \"0\", "
    "\"end\": 1, \"text\": \"a\"}]}]}", VERA_PROJECT_ERROR_WRONG_TYPE, "claim “c”: the key “start”" },
  { "outside", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
    "[{\"id\": \"a1\", \"text\": \"abc\", \"claims\": [{\"id\": \"c\", \"start\": 1, "
    "\"end\": 9, \"text\": \"bc\"}]}]}", VERA_PROJECT_ERROR_BAD_OFFSETS, "outside" },
  { "mismatch", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
    "[{\"id\": \"a1\", \"text\": \"上海abc\", \"claims\": [{\"id\": \"c\", \"start\": 2, "
    "\"end\": 4, \"text\": \"bc\"}]}]}", VERA_PROJECT_ERROR_BAD_OFFSETS, "does not match" },
  { "bad-status", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
    "[{\"id\": \"a1\", \"text\": \"abc\", \"claims\": [{\"id\": \"c\", \"start\": 0, "
    "\"end\": 1, \"text\": \"a\", \"status\": \"true-ish\"}]}]}",
    VERA_PROJECT_ERROR_WRONG_TYPE, "true-ish" },
  { "dup-claim", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
    "[{\"id\": \"a1\", \"text\": \"abc\", \"claims\": [{\"id\": \"c\", \"start\": 0, "
    "\"end\": 1, \"text\": \"a\"}, {\"id\": \"c\", \"start\": 1, \"end\": 2, \"text\": \"b\"}]}]}",
    VERA_PROJECT_ERROR_DUPLICATE_ID, "unique" },
  { "dangling-conflict", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": [], "
    "\"conflicts\": [{\"id\": \"k1\", \"claims\": [\"zz\"]}]}",
    VERA_PROJECT_ERROR_WRONG_TYPE, "conflict 1" },
  { "format-type", "{\"format\": {}, \"version\": 1, \"articles\": []}",
    VERA_PROJECT_ERROR_WRONG_FORMAT, "not a Vera project" },
  { "quoted-type", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
    "[{\"id\": \"a1\", \"text\": \"abc\", \"claims\": [{\"id\": \"c\", \"start\": 0, "
    "\"end\": 1, \"text\": \"a\", \"people\": [{\"name\": \"A\", \"quoted\": []}]}]}]}",
    VERA_PROJECT_ERROR_WRONG_TYPE, "“quoted” must be true or false" },
  { "truncated", "{\"format\": \"vera-project\", \"version\": 1, \"articles\": [{\"id\": \"a1\", "
    "\"text\": \"ab", VERA_PROJECT_ERROR_NOT_JSON, "not valid JSON at line 1" },
};

static void
test_load_error (gconstpointer data)
{
  const LoadCase *lc = data;
  g_autofree char *path = write_temp ("case.vera", lc->json);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = NULL;
  g_autofree char *after = NULL;

  project = vera_project_load (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, lc->code);
  g_test_message ("%s: %s", lc->name, error->message);
  g_assert_nonnull (strstr (error->message, lc->expect));
  /* Errors name the file. */
  g_assert_nonnull (strstr (error->message, "case.vera"));
  /* Loading never touches the file. */
  g_file_get_contents (path, &after, NULL, NULL);
  g_assert_cmpstr (after, ==, lc->json);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = vera_project_from_data ("{\"format\": \"\xff\"}", -1, &error);

  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "byte 12"));
}

/* json-glib quotes a bad string as it decoded it; a lone surrogate escape is not UTF-8 there. */
static void
test_error_message_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project =
    vera_project_from_data ("{\"format\": \"vera-project\", \"reviewer\": \"\\ud800\", "
                            "\"x\": 1}", -1, &error);

  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* An array where the format string belongs is not a Vera project, and not a critical (the
 * tests run with fatal criticals). */
static void
test_wrong_json_types (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = NULL;

  project = vera_project_from_data ("{\"format\": [\"vera-project\"], \"version\": 1, "
                                    "\"articles\": []}", -1, &error);
  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_FORMAT);
}

/* json-glib turns an octal escape into a raw byte: not UTF-8, so not an article text. */
static void
test_octal_escape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project =
    vera_project_from_data ("{\"format\": \"vera-project\", \"version\": 1, \"articles\": "
                            "[{\"id\": \"a1\", \"text\": \"bad \\222 byte\"}]}", -1, &error);

  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_TYPE);
  g_assert_nonnull (strstr (error->message, "“text”"));
  g_clear_error (&error);

  /* The error quoting a bad format is UTF-8 too. */
  g_assert_null (vera_project_from_data ("{\"format\": \"x\\222\"}", -1, &error));
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_WRONG_FORMAT);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

/* json-glib's parser recurses once per level: hostile nesting must be an error, not a crash. */
static void
test_deep_nesting (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"vera-project\", \"version\": 1, "
                                          "\"articles\": [], \"settings\": ");
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = NULL;

  for (guint i = 0; i < 500000; i++)
    g_string_append_c (json, '[');
  for (guint i = 0; i < 500000; i++)
    g_string_append_c (json, ']');
  g_string_append_c (json, '}');

  project = vera_project_from_data (json->str, json->len, &error);
  g_assert_null (project);
  g_assert_error (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_NOT_JSON);
  g_assert_nonnull (strstr (error->message, "levels"));
}

/* A project the reviewer keeps private stays private when it is saved again. */
static void
test_keeps_mode (void)
{
  g_autoptr(VeraProject) project = build_project ();
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "private.vera", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_not_regular (void)
{
  g_autoptr(VeraProject) project = build_project ();
  g_autoptr(GFile) file = g_file_new_for_path ("/dev/null");
  g_autoptr(GError) error = NULL;

  g_assert_false (vera_project_save (project, file, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_true (g_file_test ("/dev/null", G_FILE_TEST_EXISTS) &&
                 !g_file_test ("/dev/null", G_FILE_TEST_IS_REGULAR));
}

static void
test_symlink (void)
{
  g_autoptr(VeraProject) project = build_project ();
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *real = g_build_filename (dir, "real.vera", NULL);
  g_autofree char *link = g_build_filename (dir, "link.vera", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (real, "old", -1, NULL);
  g_assert_cmpint (symlink (real, link), ==, 0);
  g_assert_true (vera_project_save (project, file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_clear_object (&file);
  file = g_file_new_for_path (real);
  g_clear_object (&project);
  project = vera_project_load (file, NULL, &error);
  g_assert_no_error (error);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/dir/p.vera");
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = vera_project_load (file, NULL, &error);

  g_assert_null (project);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/dir/p.vera"));
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/project-io/round-trip", test_round_trip);
  g_test_add_func ("/vera/project-io/backup", test_backup);
  g_test_add_func ("/vera/project-io/interrupted-save", test_interrupted_save);
  g_test_add_func ("/vera/project-io/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/vera/project-io/error-message-utf8", test_error_message_utf8);
  g_test_add_func ("/vera/project-io/wrong-json-types", test_wrong_json_types);
  g_test_add_func ("/vera/project-io/octal-escape", test_octal_escape);
  g_test_add_func ("/vera/project-io/missing-file", test_missing_file);
  g_test_add_func ("/vera/project-io/deep-nesting", test_deep_nesting);
  g_test_add_func ("/vera/project-io/keeps-mode", test_keeps_mode);
  g_test_add_func ("/vera/project-io/not-regular", test_not_regular);
  g_test_add_func ("/vera/project-io/symlink", test_symlink);
  for (guint i = 0; i < G_N_ELEMENTS (load_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/vera/project-io/load-error/%s", load_cases[i].name);
      g_test_add_data_func (path, &load_cases[i], test_load_error);
    }

  return g_test_run ();
}
