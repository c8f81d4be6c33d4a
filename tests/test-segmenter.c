/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test-segmenter"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vera-segmenter.h"
#include "vera-test-util.h"

/* Collapses white space runs to one space, so that a sentence carried over a line break compares
 * equal to the same sentence written on one line. */
static char *
squeeze (const char *text,
         gsize       len)
{
  GString *out = g_string_sized_new (len);
  gboolean space = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (g_ascii_isspace (text[i]))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
sentences_of (const char   *text,
              const GArray *skip,
              GArray      **spans_out)
{
  g_autoptr(GArray) spans = vera_segment_sentences (text, strlen (text), skip);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < spans->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);

      g_assert_cmpuint (span->start, <, span->end);
      g_ptr_array_add (out, squeeze (text + span->start, span->end - span->start));
    }
  if (spans_out != NULL)
    *spans_out = g_steal_pointer (&spans);
  return out;
}

static char *
join_sentences (GPtrArray *sentences)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sentences->len; i++)
    g_string_append_printf (out, "%s[%s]", i > 0 ? " " : "", (char *) g_ptr_array_index (sentences, i));
  return g_string_free (out, FALSE);
}

/* Splits @text and compares with @expected, sentences separated by '|'. A difference fails the
 * test but lets it go on, so that every failing example of a test shows up in one run. */
static void
assert_sentences (const char *text,
                  const char *expected)
{
  g_autoptr(GPtrArray) got = sentences_of (text, NULL, NULL);
  g_auto(GStrv) want = g_strsplit (expected, "|", -1);
  g_autoptr(GPtrArray) want_arr = g_ptr_array_new ();
  g_autofree char *got_str = NULL;
  g_autofree char *want_str = NULL;

  for (guint i = 0; want[i] != NULL; i++)
    g_ptr_array_add (want_arr, want[i]);
  got_str = join_sentences (got);
  want_str = join_sentences (want_arr);
  if (g_strcmp0 (got_str, want_str) != 0)
    vera_test_fail_row ("«%s»: expected %s, got %s", text, want_str, got_str);
}

/* The README of pragmatic_segmenter writes a newline as the two characters \n and escapes
 * quotes; the rules mean the real characters. */
static char *
unescape_rule (const char *input)
{
  GString *out = g_string_new (NULL);

  for (const char *p = input; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'n')
        {
          g_string_append_c (out, '\n');
          p++;
        }
      else if (p[0] == '\\' && p[1] == '"')
        {
          g_string_append_c (out, '"');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* Splits the input of every rule of the file at @path (the format of pragmatic_segmenter's golden
 * rules) and counts the rules whose sentences come out as expected; at least @min_passed must. */
static void
check_golden_rules (const char *path,
                    guint       min_passed)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *rules;
  guint passed = 0;

  parser = json_parser_new ();
  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  rules = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "rules");
  g_assert_nonnull (rules);

  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *rule = json_array_get_object_element (rules, i);
      JsonArray *expected = json_object_get_array_member (rule, "expected");
      g_autofree char *input = unescape_rule (json_object_get_string_member (rule, "input"));
      g_autoptr(GPtrArray) got = sentences_of (input, NULL, NULL);
      gboolean ok = got->len == json_array_get_length (expected);

      for (guint k = 0; ok && k < got->len; k++)
        {
          g_autofree char *want = unescape_rule (json_array_get_string_element (expected, k));
          g_autofree char *want_squeezed = squeeze (want, strlen (want));

          ok = g_strcmp0 (want_squeezed, g_ptr_array_index (got, k)) == 0;
        }
      if (ok)
        passed++;
      else
        {
          g_autofree char *got_str = join_sentences (got);

          g_test_message ("rule %" G_GINT64_FORMAT " (%s): FAIL, got %s",
                          json_object_get_int_member (rule, "id"),
                          json_object_get_string_member (rule, "name"), got_str);
          continue;
        }
      g_test_message ("rule %" G_GINT64_FORMAT " (%s): pass",
                      json_object_get_int_member (rule, "id"),
                      json_object_get_string_member (rule, "name"));
    }
  g_test_message ("golden rules passed: %u of %u", passed, json_array_get_length (rules));
  g_assert_cmpuint (passed, >=, min_passed);
}

/* Rules in the same shape written for the tests, in English, German and Chinese: all pass. */
static void
test_golden_rules_fixture (void)
{
  g_autofree char *path = vera_test_fixture_path ("analysis/segment/golden-rules.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint n;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  n = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "count");
  g_assert_cmpuint (n, >, 0);
  check_golden_rules (path, n);
}

/* Our rules always; and the accuracy on pragmatic_segmenter's English golden rules in ../shared
 * when it is there. */
static void
test_golden_rules (void)
{
  g_autofree char *path = vera_test_shared_path_if_present ("datasets/sbd/pragmatic_segmenter_golden_rules_en.json");

  test_golden_rules_fixture ();
  if (path != NULL)
    check_golden_rules (path, 49);
}

static void
test_abbreviations (void)
{
  assert_sentences ("Dr. Chen Lin met Mr. Yu at St. Mary's hospital. They talked.",
                    "Dr. Chen Lin met Mr. Yu at St. Mary's hospital.|They talked.");
  assert_sentences ("The U.S. economy grew. Exports to the U.S. rose, e.g. cars and chips.",
                    "The U.S. economy grew.|Exports to the U.S. rose, e.g. cars and chips.");
  assert_sentences ("Shares of Acme Inc. fell 3% on Jan. 5 at 9 a.m. local time. Analysts shrugged.",
                    "Shares of Acme Inc. fell 3% on Jan. 5 at 9 a.m. local time.|Analysts shrugged.");
  assert_sentences ("The deal closed with Globex Inc. The shares rose.",
                    "The deal closed with Globex Inc.|The shares rose.");
  assert_sentences ("He lives at No. 12 Main St. near the park.",
                    "He lives at No. 12 Main St. near the park.");
  assert_sentences ("They moved to the U.S. In 2024 they returned.",
                    "They moved to the U.S.|In 2024 they returned.");
}

static void
test_numbers (void)
{
  assert_sentences ("Accuracy reached 99.2% this year. Revenue was $28.7 billion.",
                    "Accuracy reached 99.2% this year.|Revenue was $28.7 billion.");
  assert_sentences ("Version 3.5 shipped. It fixed 1,024 bugs.",
                    "Version 3.5 shipped.|It fixed 1,024 bugs.");
  assert_sentences ("The index fell 2.5. 2024 was worse.", "The index fell 2.5.|2024 was worse.");
}

static void
test_initials (void)
{
  assert_sentences ("J. R. R. Tolkien wrote it. C. S. Lewis read it.",
                    "J. R. R. Tolkien wrote it.|C. S. Lewis read it.");
  assert_sentences ("The award went to Maria K. Lopez of Madrid.",
                    "The award went to Maria K. Lopez of Madrid.");
}

static void
test_ellipses (void)
{
  assert_sentences ("He paused… and went on. She left.", "He paused… and went on.|She left.");
  assert_sentences ("It was over.... Then it began again.", "It was over....|Then it began again.");
}

static void
test_quotes_brackets (void)
{
  assert_sentences ("\"We grew fast,\" she said. \"We will grow faster.\" The board agreed.",
                    "\"We grew fast,\" she said.|\"We will grow faster.\"|The board agreed.");
  assert_sentences ("“Costs fell.” Profits rose (by 5%.) Then they fell.",
                    "“Costs fell.”|Profits rose (by 5%.)|Then they fell.");
  assert_sentences ("Is it true? “Yes!” he said.", "Is it true?|“Yes!” he said.");
}

static void
test_headings (void)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) got = NULL;
  const char *text = "Chapter 1: The Innovation Infrastructure\n"
                     "The park hosts 1,600 institutions. It grew.\n"
                     "Venture Capital Tsunami\n"
                     "Firms deployed $48 billion.";

  got = sentences_of (text, NULL, &spans);
  g_assert_cmpuint (got->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (got, 0), ==, "Chapter 1: The Innovation Infrastructure");
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 0).flags, ==, VERA_SPAN_HEADING);
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 1).flags, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (got, 3), ==, "Venture Capital Tsunami");
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 3).flags, ==, VERA_SPAN_HEADING);
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 4).flags, ==, 0);
}

static void
test_wrapped (void)
{
  assert_sentences ("Wrapped Release\n"
                    "\n"
                    "The ministry said on Friday that exports of electric cars rose by\n"
                    "a third in the first quarter, according to figures published by\n"
                    "Customs officials in Brussels. Imports fell for a second quarter,\n"
                    "while prices held steady across most of the member states, it said.\n"
                    "\n"
                    "Analysts expect the trend to continue into the second half of the\n"
                    "year, when new tariffs take effect.\n",
                    "Wrapped Release|"
                    "The ministry said on Friday that exports of electric cars rose by a third in the "
                    "first quarter, according to figures published by Customs officials in Brussels.|"
                    "Imports fell for a second quarter, while prices held steady across most of the "
                    "member states, it said.|"
                    "Analysts expect the trend to continue into the second half of the year, when new "
                    "tariffs take effect.");
  /* Short lines without punctuation stay apart even when there are many. */
  assert_sentences ("Contents\nIntroduction\nThe Startup Ecosystem\nThe Talent Magnet\nOutlook\n",
                    "Contents|Introduction|The Startup Ecosystem|The Talent Magnet|Outlook");
}

static void
test_lists (void)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) got = NULL;
  const char *text = "The plan has three parts:\n"
                     "• 42 labs built since 2022\n"
                     "- A fund of ¥380B\n"
                     "* Tax breaks\n"
                     "· Visas for 12,000 experts\n"
                     "1. Academic Powerhouses: 4 universities rank high. They grow.\n"
                     "2. Corporate Giants\n";

  got = sentences_of (text, NULL, &spans);
  g_assert_cmpuint (got->len, ==, 8);
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 0).flags, ==, 0);
  for (guint i = 1; i < got->len; i++)
    g_assert_cmpuint (g_array_index (spans, VeraTextSpan, i).flags, ==, VERA_SPAN_LIST_ITEM);
  g_assert_cmpstr (g_ptr_array_index (got, 1), ==, "• 42 labs built since 2022");
  g_assert_cmpstr (g_ptr_array_index (got, 5), ==, "1. Academic Powerhouses: 4 universities rank high.");
  g_assert_cmpstr (g_ptr_array_index (got, 6), ==, "They grow.");
}

static void
test_glued (void)
{
  assert_sentences ("The park opened in 2025.This article explains why.",
                    "The park opened in 2025.|This article explains why.");
  assert_sentences ("Write to info@Example.Com for details. Visit www.Example.Org today.",
                    "Write to info@Example.Com for details.|Visit www.Example.Org today.");
}

static void
test_cjk (void)
{
  assert_sentences ("上海是一个城市。它很大！你去过吗？我去过。",
                    "上海是一个城市。|它很大！|你去过吗？|我去过。");
  assert_sentences ("「行こう。」と彼は言った。", "「行こう。」|と彼は言った。");
  /* After a Chinese full stop, “ opens the next sentence's quote; ” still closes. */
  assert_sentences ("产量提高30%。“我们很满意，”市长李明表示。",
                    "产量提高30%。|“我们很满意，”市长李明表示。");
  assert_sentences ("他说：“工程已经完工。”‘下一步’是验收。",
                    "他说：“工程已经完工。”|‘下一步’是验收。");
}

typedef struct
{
  const char *text;
  const char *expected;   /* sentences separated by '|' */
} SplitCase;

static void
check_split_cases (const SplitCase *cases,
                   guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GPtrArray) got = sentences_of (cases[i].text, NULL, NULL);
      g_auto(GStrv) want = g_strsplit (cases[i].expected, "|", -1);
      g_autoptr(GPtrArray) want_arr = g_ptr_array_new ();
      g_autofree char *got_str = NULL;
      g_autofree char *want_str = NULL;

      for (guint k = 0; want[k] != NULL; k++)
        g_ptr_array_add (want_arr, want[k]);
      got_str = join_sentences (got);
      want_str = join_sentences (want_arr);
      if (g_strcmp0 (got_str, want_str) != 0)
        vera_test_fail_row ("row %u «%s»: expected %s, got %s", i, cases[i].text, want_str,
                            got_str);
    }
}

/* German abbreviations, ordinals and quotes, written for this test. */
static void
test_german (void)
{
  static const SplitCase cases[] = {
    { "Der Versicherer meldet 4,1 Mrd. Euro Gewinn. Die Aktie legte zu.",
      "Der Versicherer meldet 4,1 Mrd. Euro Gewinn.|Die Aktie legte zu." },
    { "Rund 2,3 Mio. Fahrgäste nutzten die Linie. Das ist ein Rekord.",
      "Rund 2,3 Mio. Fahrgäste nutzten die Linie.|Das ist ein Rekord." },
    { "Die Kosten lagen bei ca. 40 Tsd. Euro pro Jahr. Sie steigen weiter.",
      "Die Kosten lagen bei ca. 40 Tsd. Euro pro Jahr.|Sie steigen weiter." },
    { "Viele Städte, z. B. Bremen und Kiel, bauen Radwege. Kiel ist vorn.",
      "Viele Städte, z. B. Bremen und Kiel, bauen Radwege.|Kiel ist vorn." },
    { "Firmen wie Bosch u. a. investieren, d. h. sie bauen Werke. Das hilft.",
      "Firmen wie Bosch u. a. investieren, d. h. sie bauen Werke.|Das hilft." },
    { "Das Werk Nr. 3 schließt bzw. wird verkauft. Betroffen sind 800 Beschäftigte.",
      "Das Werk Nr. 3 schließt bzw. wird verkauft.|Betroffen sind 800 Beschäftigte." },
    { "Dr. Jana Roth und Prof. Elias Brandt leiten die Studie. Hr. Kern hilft.",
      "Dr. Jana Roth und Prof. Elias Brandt leiten die Studie.|Hr. Kern hilft." },
    { "Die Messe beginnt am 14. März in Leipzig. Erwartet werden 90.000 Gäste.",
      "Die Messe beginnt am 14. März in Leipzig.|Erwartet werden 90.000 Gäste." },
    { "Der Dom wurde im 13. Jahrhundert gebaut. Er ist 157 m hoch.",
      "Der Dom wurde im 13. Jahrhundert gebaut.|Er ist 157 m hoch." },
    { "Die Brücke stammt aus dem 19. Jh. und wird saniert. St. Pauli feiert.",
      "Die Brücke stammt aus dem 19. Jh. und wird saniert.|St. Pauli feiert." },
    { "Der Gewinn stieg auf 2 Mrd. Im Vorjahr war er kleiner.",
      "Der Gewinn stieg auf 2 Mrd.|Im Vorjahr war er kleiner." },
    { "Das Team wurde Dritter. Am 2. Juni folgt das Finale.",
      "Das Team wurde Dritter.|Am 2. Juni folgt das Finale." },
    { "Es gab Brot, Käse usw. Danach wurde getanzt.",
      "Es gab Brot, Käse usw.|Danach wurde getanzt." },
    { "„Wir haben geliefert. Das Werk läuft“, sagte Werksleiterin Eva Hahn. Sie lächelte.",
      "„Wir haben geliefert. Das Werk läuft“, sagte Werksleiterin Eva Hahn.|Sie lächelte." },
    { "»Die Lage ist ernst!«, warnte der Minister. Die Börse reagierte.",
      "»Die Lage ist ernst!«, warnte der Minister.|Die Börse reagierte." },
    { "„Wir wachsen.“ Der Chef war zufrieden.", "„Wir wachsen.“|Der Chef war zufrieden." },
  };

  check_split_cases (cases, G_N_ELEMENTS (cases));
}

/* Chinese punctuation and quotes, written for this test. */
static void
test_chinese (void)
{
  static const SplitCase cases[] = {
    { "今年前三季度，全市新增企业2.1万家；外资项目同比增长12%。",
      "今年前三季度，全市新增企业2.1万家；|外资项目同比增长12%。" },
    { "真的吗?当然!我们明天出发。", "真的吗?|当然!|我们明天出发。" },
    { "市长刘强表示：“新机场将于2026年投入使用。”记者陈静报道。",
      "市长刘强表示：“新机场将于2026年投入使用。”|记者陈静报道。" },
    { "「订单已经排到明年。产能还要扩大。」公司总经理赵敏说。下午股价上涨。",
      "「订单已经排到明年。产能还要扩大。」公司总经理赵敏说。|下午股价上涨。" },
    { "“我们没有裁员！”他强调。该厂有职工3000人。",
      "“我们没有裁员！”他强调。|该厂有职工3000人。" },
    { "『这是第一步。』下一步是扩建码头。", "『这是第一步。』|下一步是扩建码头。" },
  };

  check_split_cases (cases, G_N_ELEMENTS (cases));
}

/* Headings in every language: a line of its own without end punctuation. */
static void
test_headings_languages (void)
{
  const char *text = "Neue Brücke für den Hafen\n"
                     "Die Stadt baut eine Brücke. Sie kostet 80 Mio. Euro.\n"
                     "港口扩建计划\n"
                     "新码头将于明年完工。\n";
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) got = sentences_of (text, NULL, &spans);

  g_assert_cmpuint (got->len, ==, 5);
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 0).flags, ==, VERA_SPAN_HEADING);
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 1).flags, ==, 0);
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 2).flags, ==, 0);
  g_assert_cmpstr (g_ptr_array_index (got, 3), ==, "港口扩建计划");
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 3).flags, ==, VERA_SPAN_HEADING);
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 4).flags, ==, 0);
}

/* A whole article against its expected sentences, one a line, each led by its flags
 * (H heading, L list item) and a bar. */
static void
test_article (void)
{
  g_autofree char *text_path = vera_test_fixture_path ("analysis/segment/article-en.txt");
  g_autofree char *want_path = vera_test_fixture_path ("analysis/segment/article-en.sentences");
  g_autofree char *text = NULL;
  g_autofree char *want = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GString) got = g_string_new (NULL);

  g_file_get_contents (text_path, &text, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (want_path, &want, NULL, &error);
  g_assert_no_error (error);

  spans = vera_segment_sentences (text, strlen (text), NULL);
  for (guint i = 0; i < spans->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);

      g_string_append_printf (got, "%s%s|%.*s\n",
                              span->flags & VERA_SPAN_HEADING ? "H" : "",
                              span->flags & VERA_SPAN_LIST_ITEM ? "L" : "",
                              (int) (span->end - span->start), text + span->start);
    }
  g_assert_cmpstr (got->str, ==, want);
}

static void
test_skip (void)
{
  const char *text = "Intro line.\nSPAM • Item one\nSPAMChapter 2: Title\nA sentence SPAM here.";
  g_autoptr(GArray) skip = vera_text_span_array_new ();
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GPtrArray) got = NULL;
  const char *p = text;

  while ((p = strstr (p, "SPAM")) != NULL)
    {
      VeraTextSpan span = { p - text, p - text + 4, VERA_SPAN_INJECTED };

      g_array_append_val (skip, span);
      p += 4;
    }
  got = sentences_of (text, skip, &spans);
  g_assert_cmpuint (got->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (got, 1), ==, "• Item one");
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 1).flags, ==, VERA_SPAN_LIST_ITEM);
  g_assert_cmpstr (g_ptr_array_index (got, 2), ==, "Chapter 2: Title");
  g_assert_cmpuint (g_array_index (spans, VeraTextSpan, 2).flags, ==, VERA_SPAN_HEADING);
  g_assert_cmpstr (g_ptr_array_index (got, 3), ==, "A sentence");
  g_assert_cmpstr (g_ptr_array_index (got, 4), ==, "here.");
}

static void
test_hostile (void)
{
  const char *inputs[] = { "", ".", "...", "\n\n\n", "• ", "1.", "a.", "\xff\xfe.", "\xe3\x80",
                           "A.\xe2", "(((", "Mr.", "1. 2. 3. 4.", ". . . .", "“", "\xef\xbc" };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GArray) spans = vera_segment_sentences (inputs[i], strlen (inputs[i]), NULL);

      for (guint k = 0; k < spans->len; k++)
        {
          const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, k);

          if (span->start >= span->end || span->end > strlen (inputs[i]))
            vera_test_fail_row ("row %u «%s»: expected a non-empty span inside the input, got "
                                "[%" G_GSIZE_FORMAT ", %" G_GSIZE_FORMAT ")", i, inputs[i],
                                span->start, span->end);
        }
    }
}

/* Random mixes of marks, letters, spaces, multi-byte and broken sequences: spans stay sorted,
 * inside the text and out of the skipped spans. */
static void
test_random (void)
{
  static const char * const pieces[] = {
    ".", "?", "!", " ", "\n", "\n\n", "a", "B", "Mr", "U.S.", "1", "2.", "•", "“", "”", "\"",
    "(", ")", "。", "…", "上海", "\xe3\x80", "\xff", "\xef\xbc", "e.g.", " . . ", "- ", "'s",
  };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) skip = vera_text_span_array_new ();
      g_autoptr(GArray) spans = NULL;
      guint n = (guint) g_rand_int_range (rand, 0, 40);
      gsize last = 0;

      for (guint i = 0; i < n; i++)
        {
          const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

          if (g_rand_int_range (rand, 0, 10) == 0)
            {
              VeraTextSpan span = { text->len, text->len + strlen (piece), VERA_SPAN_INJECTED };

              if (span.start >= last)
                {
                  g_array_append_val (skip, span);
                  last = span.end;
                }
            }
          g_string_append (text, piece);
        }
      spans = vera_segment_sentences (text->str, text->len, skip);
      for (guint i = 0; i < spans->len; i++)
        {
          const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);

          g_assert_cmpuint (span->start, <, span->end);
          g_assert_cmpuint (span->end, <=, text->len);
          if (i > 0)
            g_assert_cmpuint (g_array_index (spans, VeraTextSpan, i - 1).end, <=, span->start);
          for (guint k = 0; k < skip->len; k++)
            {
              const VeraTextSpan *j = &g_array_index (skip, VeraTextSpan, k);

              g_assert_true (j->start == j->end || span->end <= j->start || span->start >= j->end);
            }
        }
    }
  g_rand_free (rand);
}

static void
test_chars (void)
{
  const char *text = "Aé上b";
  gsize offsets[] = { 0, 1, 3, 6, 7 };
  guint chars[G_N_ELEMENTS (offsets)];
  gsize bad[] = { 3, 1 };

  g_assert_true (vera_text_bytes_to_chars (text, strlen (text), offsets, G_N_ELEMENTS (offsets), chars));
  g_assert_cmpuint (chars[0], ==, 0);
  g_assert_cmpuint (chars[1], ==, 1);
  g_assert_cmpuint (chars[2], ==, 2);
  g_assert_cmpuint (chars[3], ==, 3);
  g_assert_cmpuint (chars[4], ==, 4);
  g_assert_false (vera_text_bytes_to_chars (text, strlen (text), bad, 2, chars));
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/segmenter/golden-rules", test_golden_rules);
  g_test_add_func ("/vera/segmenter/abbreviations", test_abbreviations);
  g_test_add_func ("/vera/segmenter/numbers", test_numbers);
  g_test_add_func ("/vera/segmenter/initials", test_initials);
  g_test_add_func ("/vera/segmenter/ellipses", test_ellipses);
  g_test_add_func ("/vera/segmenter/quotes-brackets", test_quotes_brackets);
  g_test_add_func ("/vera/segmenter/headings", test_headings);
  g_test_add_func ("/vera/segmenter/wrapped", test_wrapped);
  g_test_add_func ("/vera/segmenter/lists", test_lists);
  g_test_add_func ("/vera/segmenter/glued", test_glued);
  g_test_add_func ("/vera/segmenter/cjk", test_cjk);
  g_test_add_func ("/vera/segmenter/german", test_german);
  g_test_add_func ("/vera/segmenter/chinese", test_chinese);
  g_test_add_func ("/vera/segmenter/headings-languages", test_headings_languages);
  g_test_add_func ("/vera/segmenter/article", test_article);
  g_test_add_func ("/vera/segmenter/skip", test_skip);
  g_test_add_func ("/vera/segmenter/hostile", test_hostile);
  g_test_add_func ("/vera/segmenter/random", test_random);
  g_test_add_func ("/vera/segmenter/chars", test_chars);

  return g_test_run ();
}
