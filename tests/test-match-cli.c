/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-match-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vera-test-util.h"

/* vera-check archive import and vera-check match as tools run them: the JSON lines contract,
 * an archive file and a ClaimReview file as --archive, --limit, exit codes. */

static const char fixture[] =
  "{\"@context\": \"https://schema.org\", \"@type\": \"DataFeed\", \"dataFeedElement\": ["
  " {\"@type\": \"DataFeedItem\", \"item\": ["
  "  {\"@type\": \"ClaimReview\", \"url\": \"https://m.example/owls\","
  "   \"claimReviewed\": \"Snowy owls nest on the roof of the central station\","
  "   \"author\": {\"name\": \"Bird Desk\"}, \"reviewRating\": {\"alternateName\": \"False\"}},"
  "  {\"@type\": \"ClaimReview\", \"identifier\": \"bd-2\","
  "   \"claimReviewed\": \"Die Stadt pflanzt 3000 Linden entlang des Kanals\","
  "   \"author\": {\"name\": \"Baumcheck\"}, \"reviewRating\": {\"alternateName\": \"Richtig\"}},"
  "  {\"@type\": \"ClaimReview\", \"url\": \"https://m.example/zh/bridge\","
  "   \"claimReviewed\": \"新大桥的造价是去年的两倍\", \"inLanguage\": \"zh\","
  "   \"author\": {\"name\": \"核查组\"}, \"reviewRating\": {\"alternateName\": \"错误\"}},"
  "  {\"@type\": \"ClaimReview\", \"url\": \"https://m.example/owls-2\","
  "   \"claimReviewed\": \"Owls were seen at the station\","
  "   \"author\": {\"name\": \"Bird Desk\"}, \"reviewRating\": {\"alternateName\": \"True\"}}"
  " ]}]}";

static int
run (const char  *stdin_text,
     char       **out,
     char       **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("VERA_CHECK"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

static char *
write_fixture (const char *name,
               const char *contents)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* Checks the JSON lines: one per query, in order, and the first match's id of each (NULL: no
 * match); @n_matches the length of every non-empty list (0: any). */
static void
check_lines (const char         *out,
             const char * const *first_ids,
             guint               n_queries,
             guint               n_matches)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, n_queries + 1);
  g_assert_cmpstr (lines[n_queries], ==, "");
  for (guint i = 0; i < n_queries; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *root;
      JsonArray *matches;

      g_test_message ("%s", lines[i]);
      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpint (json_object_get_int_member (root, "query"), ==, i);
      matches = json_object_get_array_member (root, "matches");
      if (first_ids[i] == NULL)
        {
          g_assert_cmpuint (json_array_get_length (matches), ==, 0);
          continue;
        }
      g_assert_cmpuint (json_array_get_length (matches), >, 0);
      if (n_matches > 0)
        g_assert_cmpuint (json_array_get_length (matches), ==, n_matches);
      for (guint m = 0; m < json_array_get_length (matches); m++)
        {
          JsonObject *match = json_array_get_object_element (matches, m);

          g_assert_true (json_object_has_member (match, "score"));
          g_assert_true (json_object_has_member (match, "rating"));
          g_assert_true (json_object_has_member (match, "publisher"));
          g_assert_true (json_object_has_member (match, "url"));
          if (m == 0)
            g_assert_cmpstr (json_object_get_string_member (match, "id"), ==, first_ids[i]);
        }
    }
}

static const char queries[] =
  "snowy owls on the station roof\n"
  "\n"
  "Werden 3000 Linden gepflanzt?\r\n"
  "大桥造价翻倍\n"
  "completely unrelated words about submarines";
static const char *const first_ids[] = {
  "https://m.example/owls", NULL, "bd-2", "https://m.example/zh/bridge", NULL,
};

static void
test_match_jsonld_file (void)
{
  g_autofree char *feed = write_fixture ("feed.json", fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (queries, &out, &err, "match", "--archive", feed, "--json", NULL), ==,
                   0);
  g_assert_cmpstr (err, ==, "");
  check_lines (out, first_ids, 5, 0);
  g_assert_nonnull (strstr (out, "\"rating\":\"False\",\"publisher\":\"Bird Desk\""));
}

static void
test_match_archive_file (void)
{
  g_autofree char *feed = write_fixture ("feed.json", fixture);
  g_autofree char *queries_path = write_fixture ("queries.txt", queries);
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "facts.sqlite", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "archive", "import", db, feed, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "4 reviews"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  /* Importing the same file again updates: still four. */
  g_assert_cmpint (run (NULL, &out, &err, "archive", "import", db, feed, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "match", "--archive", db, "--json", "--limit", "1",
                        queries_path, NULL), ==, 0);
  check_lines (out, first_ids, 5, 1);
}

static void
test_match_errors (void)
{
  g_autofree char *broken = write_fixture ("broken.json", "[{\"@type\": \"ClaimReview\",");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run ("x\n", &out, &err, "match", "--archive", broken, "--json", NULL), ==, 1);
  g_assert_nonnull (strstr (err, "broken.json"));
  g_assert_cmpstr (out, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("x\n", &out, &err, "match", "--json", NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run ("x\n", &out, &err, "match", "--archive", broken, "--limit", "0", NULL),
                   ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "archive", "import", NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/match-cli/jsonld-file", test_match_jsonld_file);
  g_test_add_func ("/match-cli/archive-file", test_match_archive_file);
  g_test_add_func ("/match-cli/errors", test_match_errors);

  return g_test_run ();
}
