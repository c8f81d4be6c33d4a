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

/* Compares the injected runs of fixture @name with @expected; a difference fails the test but lets
 * it go on with the other fixtures. */
static void
assert_fixture_injections (const char *name,
                           const char *expected)
{
  gsize len;
  g_autofree char *text = load_fixture (name, &len);
  g_autofree char *got = injections_of (text, len);

  if (g_strcmp0 (got, expected) != 0)
    vera_test_fail_row ("«%s»: expected «%s», got «%s»", name, expected, got);
}

/* Whole articles written for this test in Chinese, German and English. */
static void
test_articles (void)
{
  struct {
    const char *name;
    const char *expected;
  } cases[] = {
    { "zh-news.txt", "" },
    { "de-names.txt", "" },
    { "zh-spam-inline.txt", "上海龙凤sh419|best casino bonus 2024|代开发票 13800138000|"
                            "ставки онлайн 24|加微信 abc123" },
    { "de-spam.txt", "上海龙凤sh419|ставки онлайн 24|加微信 abc123" },
    { "en-mixed.txt", "上海龙凤sh419|ставки на спорт 777" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *relative = g_build_filename ("analysis", "injection", cases[i].name, NULL);
      g_autofree char *path = vera_test_fixture_path (relative);
      gsize len;
      g_autofree char *text = load (path, &len);
      g_autofree char *got = injections_of (text, len);

      if (g_strcmp0 (got, cases[i].expected) != 0)
        vera_test_fail_row ("row %u «%s»: expected «%s», got «%s»", i, cases[i].name,
                            cases[i].expected, got);
    }
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

      if (g_strcmp0 (got, cases[i].expected) != 0)
        vera_test_fail_row ("row %u «%s»: expected «%s», got «%s»", i, cases[i].text,
                            cases[i].expected, got);
    }
}

/* Injected text in every direction, and the legitimate foreign words it must leave alone. The
 * first line of each text sets the article's script. */
static void
test_directions (void)
{
  struct {
    const char *text;
    const char *expected;
  } cases[] = {
    /* Han spam with its glued code, in English and German articles. */
    { "The city grew.\n上海龙凤sh419\nIt grew more.", "上海龙凤sh419" },
    { "The city grew.\n上海龙凤sh419 The council met on Monday.", "上海龙凤sh419" },
    { "The city grew.\n上海龙凤sh419 the council met on Monday.", "上海龙凤sh419" },
    { "Die Stadt wächst weiter.\n上海龙凤sh419\nDer Rat tagte am Montag.", "上海龙凤sh419" },
    { "Die Stadt wächst weiter.\n加微信 abc123\nDer Rat tagte am Montag.", "加微信 abc123" },
    { "Die Stadt wächst weiter, sagte der Bürgermeister.\nDer Rat tagte 上海龙凤sh419 am Montag.",
      "上海龙凤sh419" },
    /* Cyrillic in German and English articles. */
    { "Die Stadt wächst weiter.\nставки онлайн 24\nDer Rat tagte am Montag.", "ставки онлайн 24" },
    { "Die Stadt wächst weiter.\nDer Rat tagte, казино онлайн, am Montag im Rathaus.",
      "казино онлайн" },
    { "The city grew.\nThe council met, ставки на спорт 777, on Monday.", "ставки на спорт 777" },
    /* Latin and Cyrillic spam inside Chinese articles, whole runs. */
    { "上海地铁日均客流量超过一千万人次。\n市交通委员会表示 best casino bonus 2024 将继续扩建地铁网络。",
      "best casino bonus 2024" },
    { "上海地铁日均客流量超过一千万人次。\n新线路预计在明年开通。free porn videos", "free porn videos" },
    { "上海地铁日均客流量超过一千万人次。\n新线路预计在明年开通。ставки онлайн 24 市民表示欢迎。",
      "ставки онлайн 24" },
    { "上海地铁日均客流量超过一千万人次。\n新线路预计在明年开通，Новости казино，市民表示欢迎。",
      "Новости казино" },
    { "上海地铁日均客流量超过一千万人次。\n代开发票 13800138000\n新线路预计在明年开通。",
      "代开发票 13800138000" },
    { "上海地铁日均客流量超过一千万人次。\n新线路预计在明年开通。加微信 abc123 领取福利。",
      "加微信 abc123" },
    { "上海地铁日均客流量超过一千万人次。\n上海龙凤sh419\n新线路预计在明年开通。", "上海龙凤sh419" },
    { "上海地铁日均客流量超过一千万人次。\n新线路预计在明年开通。上海龙凤sh419市民表示欢迎。",
      "上海龙凤sh419" },
    { "上海地铁日均客流量超过一千万人次。\n代开发票联系电话：13800138000，新线路预计在明年开通。",
      "代开发票联系电话：13800138000" },
    { "上海地铁日均客流量超过一千万人次。\n加QQ 12345678 新线路预计在明年开通。", "加QQ 12345678" },
    /* No false alarm: names, glosses, brands, acronyms, addresses. */
    { "上海 (Shanghai) is a large city.\nShanghai (上海) is a large city.", "" },
    { "Der Konzern Huawei (华为) meldet höhere Umsätze.\nDie Aktie stieg um 3 Prozent.", "" },
    { "苹果公司CEO库克表示，iPhone 15在中国的销量增长。\nGDP增长5%，5G用户超过八亿。", "" },
    { "专家说，COVID-19疫情之后，AI产业发展迅速。\n记者 张明 zhangming@example.cn", "" },
    { "更多信息请访问 https://www.example.gov.cn/news/2024 了解详情。\n上海市统计局发布数据。", "" },
    { "俄罗斯总统普京（Владимир Путин）表示欢迎。\n俄罗斯报纸《Правда》刊登了全文。", "" },
    { "上海 (Shanghai) 是中国最大的城市。\n华为（Huawei）发布了新款手机。", "" },
    { "警方破获一起代开发票案件，涉案金额超过一亿元。\n记者从市公安局获悉此事。", "" },
    { "市民可以加微信公众号了解详情。\n龙凤呈祥，2024年春节庙会开幕。", "" },
    { "The casino opened in 2020 and employs 3,000 people.\nPoker tournaments are held weekly.", "" },
    { "Die Zeitung «Правда» berichtete darüber.\nDer Name Газпром (Gazprom) ist bekannt.", "" },
    { "The company, known as 华为 in China, grew.\nIts logo reads “华为”.", "" },
    { "新华社北京3月5日电（记者 王芳）国务院总理在政府工作报告中说，今年GDP增长目标为5%左右。", "" },
    { "特斯拉CEO马斯克访问上海超级工厂，Model Y产量突破100万辆。", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = injections_of (cases[i].text, strlen (cases[i].text));

      if (g_strcmp0 (got, cases[i].expected) != 0)
        vera_test_fail_row ("row %u «%s»: expected «%s», got «%s»", i, cases[i].text,
                            cases[i].expected, got);
    }
}

/* Hostile input in every script: every run is valid UTF-8 that starts and ends on character
 * boundaries inside the input, the runs are sorted and apart, and each has a reason. The input
 * comes from g_test_rand_*(), seeded by the test framework: a failure names its seed ("random
 * seed: …" in the log), and --seed replays it. */
static void
test_random (void)
{
  static const char * const pieces[] = {
    " ", "\n", "a", "Bc ", "上海", "论坛", "419", "(", "“", "，", "\xe3\x80", "\xff", "Газ", "ー",
    "\xcc\x81", ": ", "KTV", ".", "казино ", "sh419", "加微信", " abc123", "（", "）", "代开发票",
    "13800138000", "casino", "。", "Der ", "und ", "《", "》",
  };
  guint flagged = 0;

  for (guint round = 0; round < 4000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) spans = NULL;
      g_autoptr(GPtrArray) reasons = NULL;
      guint n = (guint) g_test_rand_int_range (0, 30);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      spans = vera_detect_injections_full (text->str, text->len, &reasons);
      g_assert_cmpuint (spans->len, ==, reasons->len);
      for (guint i = 0; i < spans->len; i++)
        {
          const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);
          const char *reason = g_ptr_array_index (reasons, i);

          g_assert_cmpuint (span->start, <, span->end);
          g_assert_cmpuint (span->end, <=, text->len);
          g_assert_cmpuint (span->flags, ==, VERA_SPAN_INJECTED);
          if (i > 0)
            g_assert_cmpuint (g_array_index (spans, VeraTextSpan, i - 1).end, <=, span->start);
          if (!g_utf8_validate_len (text->str + span->start, span->end - span->start, NULL))
            vera_test_fail_row ("round %u: run %u [%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT
                                ") is not valid UTF-8", round, i, span->start, span->end);
          g_assert_null (memchr (text->str + span->start, '\n', span->end - span->start));
          g_assert_true (g_utf8_validate (reason, -1, NULL));
          flagged++;
        }
    }
  g_test_message ("%u runs flagged", flagged);
  g_assert_cmpuint (flagged, >, 0);
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
  g_clear_pointer (&start, g_free);
  start = vera_injection_describe (G_UNICODE_SCRIPT_CYRILLIC, G_UNICODE_SCRIPT_HAN,
                                   VERA_INJECTION_INLINE);
  g_assert_cmpstr (start, ==, "Cyrillic spam inside a line of a Han-script article");
  g_clear_pointer (&start, g_free);
  start = vera_injection_describe (G_UNICODE_SCRIPT_HAN, G_UNICODE_SCRIPT_HAN,
                                   VERA_INJECTION_CONTACT);
  g_assert_cmpstr (start, ==, "Spam with a phone number or messenger id in a Han-script article");
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

/* Every article of the corpus under @root (expected.json and seeds/) gives exactly the injected
 * runs expected.json lists, in order. */
static void
check_seeds (const char *root)
{
  g_autofree char *expected_path = g_build_filename (root, "expected.json", NULL);
  g_autofree char *seeds = g_build_filename (root, "seeds", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *articles;
  g_autoptr(GList) names = NULL;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  articles = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                            "seeds");
  names = json_object_get_members (articles);
  g_assert_nonnull (names);
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
      if (g_strcmp0 (got, want_str) != 0)
        vera_test_fail_row ("%s: expected «%s», got «%s»", (char *) l->data, want_str, got);
    }
}

/* The corpus twin in tests/fixtures always, ../shared/corpus when it is there. */
static void
test_seeds (void)
{
  g_autofree char *fixture = vera_test_fixture_path ("corpus");
  g_autofree char *shared = vera_test_shared_path_if_present ("corpus");

  check_seeds (fixture);
  if (shared != NULL)
    check_seeds (shared);
}

/* The pages under @root (one folder a page, holding source.html), imported as the app imports
 * them, hold no injected text. */
static void
check_html_pages (const char *root)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint pages = 0;

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
        vera_test_fail_row ("%s: false positive «%s»", name, got);
      pages++;
    }
  g_test_message ("%s: %u imported pages checked", root, pages);
  g_assert_cmpuint (pages, >, 0);
}

/* The HTML twin in tests/fixtures always, ../shared/datasets/html when it is there. */
static void
test_html_pages (void)
{
  g_autofree char *fixture = vera_test_fixture_path ("html-set");
  g_autofree char *shared = vera_test_shared_path_if_present ("datasets/html/readability");

  check_html_pages (fixture);
  if (shared != NULL)
    check_html_pages (shared);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/injection/no-false-positives", test_no_false_positives);
  g_test_add_func ("/vera/injection/spam", test_spam);
  g_test_add_func ("/vera/injection/runs", test_runs);
  g_test_add_func ("/vera/injection/directions", test_directions);
  g_test_add_func ("/vera/injection/articles", test_articles);
  g_test_add_func ("/vera/injection/random", test_random);
  g_test_add_func ("/vera/injection/describe", test_describe);
  g_test_add_func ("/vera/injection/sentences-skip", test_sentences_skip_injections);
  g_test_add_func ("/vera/injection/seeds", test_seeds);
  g_test_add_func ("/vera/injection/html-pages", test_html_pages);

  return g_test_run ();
}
