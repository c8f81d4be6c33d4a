/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test-injection"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vera-import.h"
#include "vera-injection.h"
#include "vera-script.h"
#include "vera-segmenter.h"
#include "vera-test-util.h"

static char *
load (const char *path,
      gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, len, &error);
  g_assert_no_error (error);
  return text;
}

static char *
load_fixture (const char *name,
              gsize      *len)
{
  g_autofree char *relative = g_build_filename ("analysis", "segment", name, NULL);
  g_autofree char *path = vera_test_fixture_path (relative);

  return load (path, len);
}

/* The injected runs of @text, joined with '|'. */
static char *
injections_of (const char *text,
               gsize       len)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) reasons = NULL;
  GString *out = g_string_new (NULL);

  spans = vera_detect_injections_full (text, len, &reasons);
  g_assert_cmpuint (spans->len, ==, reasons->len);
  for (guint i = 0; i < spans->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);

      g_assert_cmpuint (span->flags, ==, VERA_SPAN_INJECTED);
      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, len);
      if (i > 0)
        {
          g_assert_cmpuint (g_array_index (spans, VeraTextSpan, i - 1).end, <=, span->start);
          g_string_append_c (out, '|');
        }
      g_string_append_len (out, text + span->start, span->end - span->start);
      g_test_message ("%.*s: %s", (int) (span->end - span->start), text + span->start,
                      (char *) g_ptr_array_index (reasons, i));
    }
  return g_string_free (out, FALSE);
}

static void
assert_fixture_injections (const char *name,
                           const char *expected)
{
  gsize len;
  g_autofree char *text = load_fixture (name, &len);
  g_autofree char *got = injections_of (text, len);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_no_false_positives (void)
{
  const char *names[] = { "en-names.txt", "zh-article.txt", "ja-article.txt", "de-article.txt",
                          "ru-article.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_fixture_injections (names[i], "");
}

static void
test_spam (void)
{
  assert_fixture_injections ("en-spam.txt",
                             "カジノ無料ボーナス|ставки онлайн 24|オンラインカジノ777|Новости казино");
  assert_fixture_injections ("zh-spam.txt", "cheap replica watches online|best casino bonus 2024");
}

static void
test_runs (void)
{
  struct {
    const char *text;
    const char *expected;
  } cases[] = {
    { "The city grew.\n广告论坛Chapter 2: Growth\nIt grew more.", "广告论坛" },
    { "The city grew.\n广告龙凤88\nIt grew more.", "广告龙凤88" },
    { "The city grew.\n广告88论坛 Chapter 4: Rules\nIt grew.", "广告88论坛" },
    { "The city grew.\n广告论坛 2. The second item\nIt grew.", "广告论坛" },
    { "The city grew.\n  广告 论坛 \nIt grew.", "广告 论坛" },
    { "The city grew.\n广告SPA\nIt grew.", "广告SPA" },
    { "The city grew.\n广告 2025 was a good year for it.", "广告" },
    { "The city grew.\n“广告” is a word.\n广告, the word, is common.", "" },
    { "The city grew.\n北京 (Beijing) too.", "" },
    { "The city grew.\n广告-论坛·88 The council met.", "广告-论坛·88" },
    { "The city grew.\n广告- The council met.", "广告" },
    { "", "" },
    { "\xff\xfe\n\xe4\xb8", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = injections_of (cases[i].text, strlen (cases[i].text));

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

static void
test_random (void)
{
  static const char * const pieces[] = {
    " ", "\n", "a", "Bc ", "上海", "论坛", "419", "(", "“", "，", "\xe3\x80", "\xff", "Газ", "ー",
    "\xcc\x81", ": ", "KTV", ".",
  };
  GRand *rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *got = NULL;
      guint n = (guint) g_rand_int_range (rand, 0, 30);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      got = injections_of (text->str, text->len);
    }
  g_rand_free (rand);
}

static void
test_describe (void)
{
  g_autofree char *start = vera_injection_describe (G_UNICODE_SCRIPT_HAN, G_UNICODE_SCRIPT_LATIN,
                                                    VERA_INJECTION_LINE_START);
  g_autofree char *alone = vera_injection_describe (G_UNICODE_SCRIPT_LATIN, G_UNICODE_SCRIPT_HAN,
                                                    VERA_INJECTION_ALONE);

  g_assert_cmpstr (start, ==, "Han text in a Latin-script article, at the start of a line");
  g_assert_cmpstr (alone, ==, "Latin text in a Han-script article, alone on a line");
  g_assert_cmpint (vera_script_family (0x30AB), ==, G_UNICODE_SCRIPT_HAN);
  g_assert_cmpint (vera_script_family ('7'), ==, G_UNICODE_SCRIPT_COMMON);
  g_assert_cmpint (vera_script_dominant ("abc 上海", 10), ==, G_UNICODE_SCRIPT_LATIN);
}

/* Injected runs never become part of a sentence. */
static void
test_sentences_skip_injections (void)
{
  gsize len;
  g_autofree char *text = load_fixture ("en-spam.txt", &len);
  g_autoptr(GArray) skip = vera_detect_injections (text, len);
  g_autoptr(GArray) sentences = vera_segment_sentences (text, len, skip);

  for (guint i = 0; i < sentences->len; i++)
    for (guint k = 0; k < skip->len; k++)
      {
        const VeraTextSpan *s = &g_array_index (sentences, VeraTextSpan, i);
        const VeraTextSpan *j = &g_array_index (skip, VeraTextSpan, k);

        g_assert_true (s->end <= j->start || s->start >= j->end);
      }
}

static void
test_seeds (void)
{
  g_autofree char *expected_path = vera_test_shared_path ("corpus/expected.json");
  g_autofree char *seeds = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *articles;
  g_autoptr(GList) names = NULL;

  if (expected_path == NULL)
    return;
  seeds = vera_test_shared_path ("corpus/seeds");
  parser = json_parser_new ();
  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  articles = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "seeds");
  names = json_object_get_members (articles);
  for (GList *l = names; l != NULL; l = l->next)
    {
      JsonArray *runs = json_object_get_array_member (json_object_get_object_member (articles, l->data),
                                                      "injections");
      g_autofree char *path = g_build_filename (seeds, l->data, NULL);
      gsize len;
      g_autofree char *text = load (path, &len);
      g_autofree char *got = injections_of (text, len);
      GString *want = g_string_new (NULL);
      g_autofree char *want_str = NULL;

      for (guint i = 0; i < json_array_get_length (runs); i++)
        g_string_append_printf (want, "%s%s", i > 0 ? "|" : "", json_array_get_string_element (runs, i));
      want_str = g_string_free (want, FALSE);
      g_test_message ("%s: %s", (char *) l->data, got);
      g_assert_cmpstr (got, ==, want_str);
    }
}

/* The pages of the HTML data set, imported as the app imports them, hold no injected text. */
static void
test_html_pages (void)
{
  g_autofree char *root = vera_test_shared_path ("datasets/html/readability");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint pages = 0;

  if (root == NULL)
    return;
  dir = g_dir_open (root, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (root, name, "source.html", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(VeraImportedDoc) doc = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *got = NULL;

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      doc = vera_import_file (file, NULL, NULL, &error);
      g_assert_no_error (error);
      got = injections_of (doc->text, strlen (doc->text));
      if (got[0] != '\0')
        g_test_message ("%s: %s", name, got);
      g_assert_cmpstr (got, ==, "");
      pages++;
    }
  g_test_message ("%u imported pages without a false positive", pages);
  g_assert_cmpuint (pages, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/injection/no-false-positives", test_no_false_positives);
  g_test_add_func ("/vera/injection/spam", test_spam);
  g_test_add_func ("/vera/injection/runs", test_runs);
  g_test_add_func ("/vera/injection/random", test_random);
  g_test_add_func ("/vera/injection/describe", test_describe);
  g_test_add_func ("/vera/injection/sentences-skip", test_sentences_skip_injections);
  g_test_add_func ("/vera/injection/seeds", test_seeds);
  g_test_add_func ("/vera/injection/html-pages", test_html_pages);

  return g_test_run ();
}
