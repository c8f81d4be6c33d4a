/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include "vera-test-server.h"
#include "vera-test-util.h"

/* vera-check as a user runs it: exit codes (0 ok, 1 input, 2 usage) and one clear line on
 * standard error. */

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

static void
assert_one_line (const char *err,
                 const char *fragment)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (err));

  g_test_message ("stderr: %s", trimmed);
  g_assert_true (g_str_has_prefix (trimmed, "vera-check: "));
  g_assert_null (strchr (trimmed, '\n'));
  g_assert_nonnull (strstr (trimmed, fragment));
}

static void
test_usage (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "frobnicate", NULL), ==, 2);
  assert_one_line (err, "frobnicate");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", NULL), ==, 2);
  assert_one_line (err, "analyze");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--no-such-option", "x.txt", NULL), ==, 2);
  assert_one_line (err, "--no-such-option");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", NULL), ==, 2);
}

static void
test_help_and_version (void)
{
  const char *commands[] = { "analyze", "info", "sentences", "score" };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "vera-check " PACKAGE_VERSION));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "--help", NULL), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_assert_nonnull (strstr (out, commands[i]));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (NULL, &out, &err, commands[i], "--help", NULL), ==, 0);
      g_assert_nonnull (strstr (out, commands[i]));
    }
}

static void
test_input_errors (void)
{
  g_autofree char *binary = vera_test_fixture_path ("import/binary.dat");
  g_autofree char *invalid = vera_test_fixture_path ("import/invalid-utf8.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "analyze", "/nonexistent/article.txt", NULL), ==, 1);
  assert_one_line (err, "/nonexistent/article.txt");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", binary, NULL), ==, 1);
  assert_one_line (err, "binary.dat");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", invalid, NULL), ==, 1);
  assert_one_line (err, "byte");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--encoding", "no-such-charset", invalid,
                        NULL), ==, 1);
  assert_one_line (err, "no-such-charset");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", binary, NULL), ==, 1);
  assert_one_line (err, "binary.dat");
}

static void
test_analyze_and_info (void)
{
  g_autofree char *gb = vera_test_fixture_path ("import/gb18030.txt");
  g_autofree char *html = vera_test_fixture_path ("import/gbk.html");
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (dir, "out.vera", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--encoding", "GB18030", "-o", project, gb,
                        html, NULL), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_test (project, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Articles: 2"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "info", "--json", project, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"articles\" : 2"));

  /* Without -o the project goes to standard output. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", html, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"format\" : \"vera-project\""));
}

static void
test_keep_going (void)
{
  g_autofree char *binary = vera_test_fixture_path ("import/binary.dat");
  g_autofree char *good = vera_test_fixture_path ("import/crlf.txt");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "analyze", "-k", binary, good, NULL), ==, 1);
  g_assert_nonnull (strstr (out, "crlf.txt"));
  assert_one_line (err, "binary.dat");
}

static const char article_page[] =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>Port Record | Example News</title>"
  "<meta property=\"og:title\" content=\"Port Handles Record Cargo\">"
  "<meta property=\"og:site_name\" content=\"Example News\">"
  "<meta property=\"article:published_time\" content=\"2025-02-03T08:00:00Z\">"
  "<script>var tracking = 'never in the text';</script></head><body>"
  "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
  "<article><h1>Port Handles Record Cargo</h1>"
  "<p>The port handled 4.6 million containers in 2024, a 12% increase on the previous year, "
  "according to its annual report.</p>"
  "<p>\"We doubled our capacity for the largest ships,\" said port director Anika Weiss.</p>"
  "<p>The port employs 7,500 people, which makes it the region's biggest employer.</p>"
  "</article><footer>Copyright Example News</footer></body></html>";

static void
page_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  soup_server_message_set_status (msg, GPOINTER_TO_UINT (user_data), NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC,
                                    article_page, strlen (article_page));
}

static void
test_analyze_url (void)
{
  g_autoptr(VeraTestServer) server = vera_test_server_new ();
  g_autofree char *url = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  vera_test_server_add_handler (server, "/article", page_cb, GUINT_TO_POINTER (200));
  vera_test_server_add_handler (server, "/gone", page_cb, GUINT_TO_POINTER (404));
  vera_test_server_start (server);
  url = vera_test_server_get_url (server, "/article");
  missing = vera_test_server_get_url (server, "/gone");

  g_assert_cmpint (run (NULL, &out, &err, "analyze", url, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"title\" : \"Port Handles Record Cargo\""));
  g_assert_nonnull (strstr (out, "\"publisher\" : \"Example News\""));
  g_assert_nonnull (strstr (out, "\"published\" : \"2025-02-03"));
  g_assert_nonnull (strstr (out, url));
  g_assert_nonnull (strstr (out, "4.6 million containers"));
  g_assert_null (strstr (out, "never in the text"));
  g_assert_null (strstr (out, "World"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", missing, NULL), ==, 1);
  assert_one_line (err, "/gone");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", "https://", NULL), ==, 1);
  assert_one_line (err, "https://");
}

static void
test_hostile_annotations (void)
{
  g_autofree char *good = vera_test_fixture_path ("import/crlf.txt");
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (dir, "p.vera", NULL);
  g_autofree char *deep = g_build_filename (dir, "deep.jsonld", NULL);
  g_autofree char *nested = g_strnfill (100000, '[');
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (run (NULL, &out, &err, "analyze", "-o", project, good, NULL), ==, 0);
  g_assert_true (g_file_set_contents (deep, nested, -1, NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "import-annotations", project, deep, NULL), ==, 1);
  assert_one_line (err, "levels deep");
}

static void
test_project_figures (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *figures = g_build_filename (dir, "figures.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *article = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (figures,
    "{\"figures\": [{\"subject\": \"Lindqvist Bay\", \"measure\": \"population\", "
    "\"value\": 120000, \"year\": 2023, \"source\": \"Bay statistics office\"}]}", -1, NULL));
  g_assert_true (g_file_set_contents (bad, "{\"figures\": 5}", -1, NULL));
  g_assert_true (g_file_set_contents (article,
    "Buses in Lindqvist Bay\n\nAbout 150,000 residents of Lindqvist Bay ride the new electric "
    "buses every week, the city says.\n", -1, NULL));

  /* Without the project's figures the town is unknown and nothing is flagged. */
  g_assert_cmpint (run (NULL, &out, &err, "analyze", article, NULL), ==, 0);
  g_assert_null (strstr (out, "implausible"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--figures", figures, article, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"kind\" : \"implausible\""));
  g_assert_nonnull (strstr (out, "Bay statistics office"));
  g_assert_nonnull (strstr (out, "\"reference-figures\""));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "analyze", "--figures", bad, article, NULL), ==, 1);
  assert_one_line (err, "bad.json");
}

/* analyze gives each article the language of its text, keeps one given with --language and
 * refuses a malformed tag; info shows it. */
static void
test_analyze_language (void)
{
  struct {
    const char *name;
    const char *text;
    const char *language;
  } files[] = {
    { "en.txt", "Port handles record cargo\n\nThe port handled 4.6 million containers in 2024, "
      "a 12% increase on the previous year, according to its annual report.\n", "en" },
    { "de.txt", "Hafen meldet Rekord\n\nDer Hafen hat im vergangenen Jahr mehr Container "
      "umgeschlagen als je zuvor, teilte die Gesellschaft am Montag mit.\n", "de" },
    { "zh.txt", "上海港创新纪录\n\n上海港去年集装箱吞吐量达到4900万标准箱，同比增长5%。\n",
      "zh-Hans" },
  };
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = g_build_filename (dir, "languages.vera", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      char *path = g_build_filename (dir, files[i].name, NULL);

      g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
      g_ptr_array_add (paths, path);
    }

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *want = g_strdup_printf ("\"language\" : \"%s\"", files[i].language);

      g_assert_cmpint (run (NULL, &out, &err, "analyze", g_ptr_array_index (paths, i), NULL), ==, 0);
      if (strstr (out, want) == NULL)
        g_test_fail_printf ("%s: no %s in the project", files[i].name, want);
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);

      /* --language overrides what the text says. */
      g_assert_cmpint (run (NULL, &out, &err, "analyze", "--language", "fr",
                            g_ptr_array_index (paths, i), NULL), ==, 0);
      if (strstr (out, "\"language\" : \"fr\"") == NULL || strstr (out, want) != NULL)
        g_test_fail_printf ("%s: --language fr did not override %s", files[i].name,
                            files[i].language);
    }

  {
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    g_assert_cmpint (run (NULL, &out, &err, "analyze", "-o", project,
                          g_ptr_array_index (paths, 0), g_ptr_array_index (paths, 1),
                          g_ptr_array_index (paths, 2), NULL), ==, 0);
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (NULL, &out, &err, "info", project, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "language: en,"));
    g_assert_nonnull (strstr (out, "language: de,"));
    g_assert_nonnull (strstr (out, "language: zh-Hans,"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (NULL, &out, &err, "info", "--json", project, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "\"zh-Hans\" : 1"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (NULL, &out, &err, "analyze", "--language", "Deutsch",
                          g_ptr_array_index (paths, 1), NULL), ==, 2);
    assert_one_line (err, "Deutsch");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (NULL, &out, &err, "analyze", "--language", "de_DE",
                          g_ptr_array_index (paths, 1), NULL), ==, 2);
    assert_one_line (err, "not a language tag");
  }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/cli/usage", test_usage);
  g_test_add_func ("/vera/cli/help-and-version", test_help_and_version);
  g_test_add_func ("/vera/cli/input-errors", test_input_errors);
  g_test_add_func ("/vera/cli/analyze-and-info", test_analyze_and_info);
  g_test_add_func ("/vera/cli/keep-going", test_keep_going);
  g_test_add_func ("/vera/cli/analyze-url", test_analyze_url);
  g_test_add_func ("/vera/cli/hostile-annotations", test_hostile_annotations);
  g_test_add_func ("/vera/cli/project-figures", test_project_figures);
  g_test_add_func ("/vera/cli/analyze-language", test_analyze_language);

  return g_test_run ();
}
