/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli-hardening"

#include "config.h"

#include <string.h>

#include "fixtures/export/vera-export-fixture.h"
#include "vera-project-io.h"
#include "vera-test-server.h"
#include "vera-test-util.h"

/* vera-check against hostile or careless input (issue 15): projects are never destroyed,
 * numbers are checked, reads are bounded, and the terminal only gets printable text. */

static int
runv (const char  *stdin_text,
      const char  *stdin_path,
      char       **out,
      char       **err,
      va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocessFlags flags = G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE;
  const char *arg;

  g_ptr_array_add (argv, (char *) g_getenv ("VERA_CHECK"));
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  if (stdin_path == NULL)
    flags |= G_SUBPROCESS_FLAGS_STDIN_PIPE;
  launcher = g_subprocess_launcher_new (flags);
  if (stdin_path != NULL)
    g_subprocess_launcher_set_stdin_file_path (launcher, stdin_path);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, stdin_text, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* Runs vera-check with the NULL-terminated arguments, @stdin_text on standard input. */
static int
run (const char  *stdin_text,
     char       **out,
     char       **err,
     ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = runv (stdin_text, NULL, out, err, args);
  va_end (args);
  return status;
}

/* The same with standard input from a file: a command that stops reading early (at a limit)
 * does not break a pipe the test writes. */
static int
run_from_file (const char  *stdin_path,
               char       **out,
               char       **err,
               ...)
{
  va_list args;
  int status;

  va_start (args, err);
  status = runv (NULL, stdin_path, out, err, args);
  va_end (args);
  return status;
}

static gboolean
one_line_with (const char *err,
               const char *fragment)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (err != NULL ? err : ""));

  g_test_message ("stderr: %s", trimmed);
  return g_str_has_prefix (trimmed, "vera-check: ") && strchr (trimmed, '\n') == NULL &&
         strstr (trimmed, fragment) != NULL;
}

/* A failing table row: every row is reported, not only the last. */
#define row_fail(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static char *
write_project (const char *dir,
               const char *name)
{
  g_autoptr(VeraProject) project = fixture_new_project ();
  char *path = g_build_filename (dir, name, NULL);
  gsize length;
  g_autofree char *data = vera_project_to_data (project, &length);

  g_assert_true (g_file_set_contents (path, data, length, NULL));
  return path;
}

static char *
read_file (const char *path)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  return data;
}

/* Item 1: an export never replaces the project it reads, however the path is spelled. */
static void
test_export_refuses_own_project (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = write_project (dir, "p.vera");
  g_autofree char *before = read_file (project);
  g_autofree char *link = g_build_filename (dir, "alias.vera", NULL);
  g_autofree char *dotted = g_build_filename (dir, ".", "p.vera", NULL);
  const char *spellings[] = { project, dotted, link };

  g_assert_cmpint (symlink (project, link), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (spellings); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      int status = run (NULL, &out, &err, "export", "-f", "csv", "-o", spellings[i], project,
                        NULL);

      after = read_file (project);
      if (status != 1 || !one_line_with (err, "project it exports") ||
          g_strcmp0 (after, before) != 0)
        row_fail ("export -o %s: status %d, stderr “%s”, project %s", spellings[i],
                            status, err, g_strcmp0 (after, before) == 0 ? "kept" : "replaced");
    }
}

/* Item 1: writing over another project (JSON export, annotation import) keeps NAME.vera.bak. */
static void
test_project_writes_keep_backup (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = write_project (dir, "p.vera");
  g_autofree char *other = g_build_filename (dir, "other.vera", NULL);
  g_autofree char *other_bak = g_strconcat (other, ".bak", NULL);
  g_autofree char *project_bak = g_strconcat (project, ".bak", NULL);
  g_autofree char *annotations = g_build_filename (dir, "notes.jsonld", NULL);
  g_autofree char *before = read_file (project);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *bak = NULL;

  g_assert_true (g_file_set_contents (other, "{\"format\": \"vera-project\"}", -1, NULL));
  g_assert_cmpint (run (NULL, &out, &err, "export", "-f", "json", "-o", other, project, NULL),
                   ==, 0);
  bak = read_file (other_bak);
  g_assert_cmpstr (bak, ==, "{\"format\": \"vera-project\"}");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&bak, g_free);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "export", "-f", "webannotation", "-o", annotations,
                        project, NULL), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run (NULL, &out, &err, "import-annotations", "-o", project, project,
                        annotations, NULL), ==, 0);
  bak = read_file (project_bak);
  g_assert_cmpstr (bak, ==, before);
}

/* Item 2: every numeric option is checked, and the message names the option and its range. */
static void
test_numeric_options (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *text = g_build_filename (dir, "a.txt", NULL);
  struct {
    const char *command;
    const char *option;
    const char *value;
    const char *fragment;
  } rows[] = {
    { "analyze", "-t", "nan", "--threshold" },
    { "analyze", "-t", "inf", "--threshold" },
    { "analyze", "-t", "-inf", "--threshold" },
    { "analyze", "-t", "-0.1", "--threshold" },
    { "analyze", "--max-size", "0", "--max-size" },
    { "analyze", "--max-size", "-5", "--max-size" },
    { "analyze", "--max-size", "nan", "--max-size" },
    { "analyze", "--max-size", "1e3", "--max-size" },
    { "analyze", "--max-size", "99999", "--max-size" },
    { "fetch", "--timeout", "0", "--timeout" },
    { "fetch", "--timeout", "-1", "--timeout" },
  };

  g_assert_true (g_file_set_contents (text, "The council spent 12 million euros in 2023.", -1,
                                      NULL));
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autofree char *joined = g_strconcat (rows[i].option, "=", rows[i].value, NULL);
      const char *arg = g_str_equal (rows[i].command, "fetch") ? "https://example.org/" : text;
      int status;

      /* "-t=nan" is no short option form: give short options their value apart. */
      if (rows[i].option[1] != '-')
        status = run (NULL, &out, &err, rows[i].command, rows[i].option, rows[i].value, arg,
                      NULL);
      else
        status = run (NULL, &out, &err, rows[i].command, joined, arg, NULL);
      if (status != 2 || !one_line_with (err, rows[i].fragment))
        row_fail ("%s %s %s: status %d, stderr “%s”", rows[i].command, rows[i].option,
                            rows[i].value, status, err);
    }
}

/* 1.5 MiB of text in short sentences, without a line break when @one_line. */
static char *
make_big_text (gboolean one_line)
{
  GString *text = g_string_new (NULL);

  while (text->len < 3 * 512 * 1024)
    g_string_append (text, one_line ? "The port handled 12 ships. " : "The port handled 12 ships.\n");
  return g_string_free (text, FALSE);
}

/* Item 7: every reader stops at a limit and says which input, what limit and what to do. */
static void
test_bounded_reads (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = write_project (dir, "p.vera");
  g_autofree char *padded_path = g_build_filename (dir, "padded.vera", NULL);
  g_autofree char *text_path = g_build_filename (dir, "big.txt", NULL);
  g_autofree char *line_path = g_build_filename (dir, "one-line.txt", NULL);
  g_autofree char *big = make_big_text (FALSE);
  g_autofree char *big_line = make_big_text (TRUE);
  g_autofree char *original = read_file (project);
  g_autoptr(GString) padded = g_string_new (original);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* A real project made large by white space: over the given limit, and fine without it. */
  while (padded->len < 3 * 512 * 1024)
    g_string_append (padded, "          ");
  g_assert_true (g_file_set_contents (padded_path, padded->str, padded->len, NULL));
  g_assert_true (g_file_set_contents (text_path, big, -1, NULL));
  g_assert_true (g_file_set_contents (line_path, big_line, -1, NULL));

  if (run (NULL, &out, &err, "info", "--max-size=1", padded_path, NULL) != 1 ||
      !one_line_with (err, "padded.vera") || !one_line_with (err, "--max-size"))
    row_fail ("info --max-size=1 on 1.5 MiB: “%s”", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run (NULL, &out, &err, "info", padded_path, NULL) != 0)
    row_fail ("info on 1.5 MiB with the default limit: “%s”", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run (NULL, &out, &err, "info", "--max-size=0", padded_path, NULL) != 2 ||
      !one_line_with (err, "--max-size"))
    row_fail ("info --max-size=0: “%s”", err);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run_from_file (text_path, &out, &err, "sentences", "--max-size=1", NULL) != 1 ||
      !one_line_with (err, "standard input") || !one_line_with (err, "--max-size"))
    row_fail ("sentences --max-size=1 < 1.5 MiB: “%s”", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run (NULL, &out, &err, "sentences", "--max-size=1", text_path, NULL) != 1 ||
      !one_line_with (err, "big.txt"))
    row_fail ("sentences --max-size=1 big.txt: “%s”", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run (NULL, &out, &err, "sentences", "--max-size=2", text_path, NULL) != 0)
    row_fail ("sentences --max-size=2 big.txt: “%s”", err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run (NULL, &out, &err, "sentences", "--max-size=-1", text_path, NULL) != 2 ||
      !one_line_with (err, "--max-size"))
    row_fail ("sentences --max-size=-1: “%s”", err);

  /* score reads a sentence a line: 1.5 MiB without a line break is no sentence. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  if (run_from_file (line_path, &out, &err, "score", NULL) != 1 || !one_line_with (err, "line 1"))
    row_fail ("score < 1.5 MiB in one line: “%s”", err);
}

/* Terminal control: ESC, BEL, CSI in UTF-8 (U+009B), and a line break that fakes a new row. */
static const char evil_title[] = "Budget\x1b]0;pwned\x07\x1b[2J\xc2\x9b" "31m cut\nArticles: 99";

static gboolean
has_terminal_control (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f))
        return TRUE;
    }
  return FALSE;
}

/* Item 10: titles and other fields from a page reach the terminal only as printable text. */
static void
test_info_terminal_safety (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "evil.vera", NULL);
  g_autoptr(VeraProject) project = vera_project_new ();
  g_autoptr(VeraArticle) article = vera_article_new ("a\x1b[1m", "https://x.example/\x1b[5m",
                                                     "The port handled 12 ships in 2023.");
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize length;

  vera_article_set_title (article, evil_title);
  vera_article_set_language (article, "en\x1b[8m");
  g_assert_true (vera_project_add_article (project, article, &error));
  data = vera_project_to_data (project, &length);
  g_assert_true (g_file_set_contents (path, data, length, NULL));

  g_assert_cmpint (run (NULL, &out, &err, "info", path, NULL), ==, 0);
  g_test_message ("%s", out);
  g_assert_false (has_terminal_control (out));
  g_assert_null (strstr (out, "\nArticles: 99"));
  g_assert_nonnull (strstr (out, "Budget"));
}

static void
evil_page_cb (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  static const char page[] =
    "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>Harbour &#27;]0;owned&#7; news&#x9b;2J</title>"
    "<meta name=\"description\" content=\"Line one&#10;status: 200&#27;[31m red\">"
    "<meta name=\"author\" content=\"Kim&#27;[8m Lee\">"
    "</head><body><article><p>The harbour handled 4.6 million containers in 2024, the port "
    "authority said on Tuesday.</p></article></body></html>";

  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/html; charset=utf-8", SOUP_MEMORY_STATIC, page,
                                    strlen (page));
}

static void
test_fetch_terminal_safety (void)
{
  g_autoptr(VeraTestServer) server = vera_test_server_new ();
  g_autofree char *url = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status;

  vera_test_server_add_handler (server, "/evil", evil_page_cb, NULL);
  vera_test_server_start (server);
  url = vera_test_server_get_url (server, "/evil");
  status = run (NULL, &out, &err, "fetch", "--no-archive", url, NULL);
  g_test_message ("status %d, stdout:\n%s\nstderr: %s", status, out, err);
  if (status != 0)
    {
      /* A network policy may refuse loopback for the first URL; then there is nothing to check. */
      g_test_skip ("fetch refused the loopback test server");
      return;
    }
  g_assert_nonnull (strstr (out, "Harbour"));
  g_assert_false (has_terminal_control (out));
  g_assert_null (strstr (out, "\nstatus: 200"));
  g_assert_false (has_terminal_control (err));
}

/* Item 10: a message that quotes a file name or file content stays one line on stderr. */
static void
test_one_line_errors (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *project = write_project (dir, "p.vera");
  g_autofree char *notes = g_build_filename (dir, "bad\nvera-check: fake\x1b[2J.jsonld", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (notes, "{\"type\": \"Annotation\",\n\"target\": [1, }", -1,
                                      NULL));
  g_assert_cmpint (run (NULL, &out, &err, "import-annotations", project, notes, NULL), ==, 1);
  if (!one_line_with (err, "not valid JSON") || has_terminal_control (err))
    row_fail ("import-annotations: “%s”", err);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

  g_test_add_func ("/vera/cli-hardening/export-refuses-own-project",
                   test_export_refuses_own_project);
  g_test_add_func ("/vera/cli-hardening/project-writes-keep-backup",
                   test_project_writes_keep_backup);

  g_test_add_func ("/vera/cli-hardening/numeric-options", test_numeric_options);

  g_test_add_func ("/vera/cli-hardening/bounded-reads", test_bounded_reads);

  g_test_add_func ("/vera/cli-hardening/info-terminal-safety", test_info_terminal_safety);
  g_test_add_func ("/vera/cli-hardening/fetch-terminal-safety", test_fetch_terminal_safety);
  g_test_add_func ("/vera/cli-hardening/one-line-errors", test_one_line_errors);

  return g_test_run ();
}
