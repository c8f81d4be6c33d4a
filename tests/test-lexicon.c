/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "vera-language.h"
#include "vera-lexicon.h"
#include "vera-tokens.h"
#include "vera-test-util.h"

/* Every lexicon file of the GResource parses, and none is empty. */
static void
test_all_files_valid (void)
{
  g_auto(GStrv) all = vera_lexicon_list_all ();

  g_assert_nonnull (all);
  g_assert_cmpuint (g_strv_length (all), >, 0);
  for (guint i = 0; all[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/io/github/verafact/Vera/core/lexicon/%s.txt",
                                               all[i]);
      g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraLexicon) lexicon = NULL;
      const VeraLexicon *cached;
      const char *lang_end = strchr (all[i], '/');
      g_autofree char *lang = g_strndup (all[i], lang_end - all[i]);

      /* vera_lexicon_get() loads through the library's own resource; look the bytes up the
       * same way it does, after it has run once. */
      cached = vera_lexicon_get (g_str_equal (lang, "any") ? VERA_LANGUAGE_UND
                                                            : vera_language_from_tag (lang),
                                 lang_end + 1);
      g_assert_nonnull (cached);
      if (bytes == NULL)
        {
          /* Not registered globally: the size of the cached table is the test. */
          if (vera_lexicon_get_size (cached) == 0)
            g_test_fail_printf ("%s is empty or did not load", all[i]);
          continue;
        }
      lexicon = vera_lexicon_new_from_data (g_bytes_get_data (bytes, NULL),
                                            g_bytes_get_size (bytes), all[i], &error);
      if (lexicon == NULL)
        g_test_fail_printf ("%s", error->message);
      else if (vera_lexicon_get_size (lexicon) == 0)
        g_test_fail_printf ("%s has no entries", all[i]);
    }
}

static void
test_parse_errors (void)
{
  static const struct { const char *data; const char *fragment; } bad[] = {
    { "one\ntwo\none\n", "line 3" },
    { "ok\n two\n", "line 2" },
    { "a  b\n", "line 1" },
    { "x\n\t5\n", "empty key" },
    { "caf\xc3\n", "invalid UTF-8 at byte 3" },
    { "Mio.\nmio.\n", "listed twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VeraLexicon) lexicon = vera_lexicon_new_from_data (bad[i].data,
                                                                   strlen (bad[i].data),
                                                                   "test.txt", &error);

      if (lexicon != NULL || error == NULL)
        g_test_fail_printf ("case %u parsed", i);
      else if (strstr (error->message, bad[i].fragment) == NULL ||
               !g_str_has_prefix (error->message, "test.txt: "))
        g_test_fail_printf ("case %u: “%s” lacks “%s”", i, error->message, bad[i].fragment);
    }
}

static void
test_lookups (void)
{
  static const char data[] = "# a comment\n\nmillion\t1e6\nMilliarden\t1e9\n亿\t1e8\n千万\t1e7\n"
                             "万\t1e4\nmore than\tover\nmio.\t1e6\nz. b.\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraLexicon) lex = vera_lexicon_new_from_data (data, strlen (data), "t", &error);
  const char *value = NULL;
  const char *zh = "千万元的投资";
  g_autoptr(GArray) tokens = NULL;
  const char *sentence = "It rose by more than 7,8 Mio. Euro, z. B. hier.";

  g_assert_no_error (error);
  g_assert_cmpuint (vera_lexicon_get_size (lex), ==, 8);
  g_assert_cmpuint (vera_lexicon_get_max_words (lex), ==, 2);
  g_assert_cmpstr (vera_lexicon_lookup (lex, "MILLION", -1), ==, "1e6");
  g_assert_cmpstr (vera_lexicon_lookup (lex, "milliarden", -1), ==, "1e9");
  g_assert_cmpstr (vera_lexicon_lookup (lex, "millionaire", 7), ==, "1e6");
  g_assert_null (vera_lexicon_lookup (lex, "millions", -1));
  g_assert_true (vera_lexicon_contains (lex, "Z. B.", -1));
  g_assert_cmpstr (vera_lexicon_lookup (lex, "z. b.", -1), ==, "");

  /* Longest prefix: 千万 wins over 千 (absent) and is not cut inside a character. */
  g_assert_cmpuint (vera_lexicon_match_prefix (lex, zh, strlen (zh), &value), ==, strlen ("千万"));
  g_assert_cmpstr (value, ==, "1e7");
  g_assert_cmpuint (vera_lexicon_match_prefix (lex, "元", strlen ("元"), &value), ==, 0);
  g_assert_null (value);
  g_assert_cmpuint (vera_lexicon_match_suffix (lex, "480亿", strlen ("480亿"), &value), ==,
                    strlen ("亿"));
  g_assert_cmpstr (value, ==, "1e8");

  /* Phrases over tokens, with a glued full stop. */
  tokens = vera_tokens_split (sentence, strlen (sentence));
  for (guint i = 0; i < tokens->len; i++)
    {
      const VeraToken *t = vera_tokens_get (tokens, i);
      guint n = vera_tokens_match_lexicon (sentence, tokens, i, lex, &value);

      if (strncmp (sentence + t->start, "more", 4) == 0)
        {
          g_assert_cmpuint (n, ==, 2);
          g_assert_cmpstr (value, ==, "over");
        }
      else if (strncmp (sentence + t->start, "Mio", 3) == 0)
        {
          g_assert_cmpuint (n, ==, 2);
          g_assert_cmpstr (value, ==, "1e6");
        }
      else if (strncmp (sentence + t->start, "z", 1) == 0 && t->kind == VERA_TOKEN_WORD)
        g_assert_cmpuint (n, ==, 4);
      else if (strncmp (sentence + t->start, "than", 4) == 0)
        g_assert_cmpuint (n, ==, 0);
    }
}

static void
test_language_tags (void)
{
  g_assert_cmpint (vera_language_from_tag ("de-AT"), ==, VERA_LANGUAGE_DE);
  g_assert_cmpint (vera_language_from_tag ("zh_TW.UTF-8"), ==, VERA_LANGUAGE_ZH);
  g_assert_cmpint (vera_language_from_tag ("zh-Hant"), ==, VERA_LANGUAGE_ZH);
  g_assert_cmpint (vera_language_from_tag ("EN"), ==, VERA_LANGUAGE_EN);
  g_assert_cmpint (vera_language_from_tag ("fr"), ==, VERA_LANGUAGE_OTHER);
  g_assert_cmpint (vera_language_from_tag ("und"), ==, VERA_LANGUAGE_UND);
  g_assert_cmpint (vera_language_from_tag (""), ==, VERA_LANGUAGE_UND);
  g_assert_cmpint (vera_language_from_tag (NULL), ==, VERA_LANGUAGE_UND);
  g_assert_cmpint (vera_language_from_tag ("deutsch"), ==, VERA_LANGUAGE_OTHER);
  g_assert_cmpstr (vera_language_to_tag (VERA_LANGUAGE_ZH), ==, "zh");
  g_assert_cmpstr (vera_language_to_tag (VERA_LANGUAGE_OTHER), ==, "und");
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/lexicon/files-valid", test_all_files_valid);
  g_test_add_func ("/lexicon/parse-errors", test_parse_errors);
  g_test_add_func ("/lexicon/lookups", test_lookups);
  g_test_add_func ("/lexicon/language-tags", test_language_tags);
  return g_test_run ();
}
