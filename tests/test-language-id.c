/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test-language-id"

#include "config.h"

#include <string.h>

#include "vera-analyzer.h"
#include "vera-article.h"
#include "vera-language.h"
#include "vera-language-id.h"
#include "vera-text-span.h"
#include "vera-test-util.h"

/* Sentences written for this test, in the languages Vera analyses and a few it only names:
 * headlines, short news sentences, German full of English loanwords, Chinese with Latin brand
 * names, Simplified and Traditional Chinese. */
static const struct {
  const char *text;
  const char *tag;
} sentences[] = {
  /* English */
  { "Port handles record cargo in the first quarter", "en" },
  { "The city council approved the new budget on Tuesday.", "en" },
  { "Officials said the bridge would reopen next week.", "en" },
  { "Rents rose by 12% in 2024, according to the statistics office.", "en" },
  { "She has worked for the company since 2015 and leads its research team.", "en" },
  { "Why are fewer people taking the train?", "en" },
  { "Electric buses are now more common than diesel ones in the city centre.", "en" },
  { "Apple said iPhone sales in China fell for the third quarter in a row.", "en" },
  { "Shanghai's port handled 49 million containers last year.", "en" },
  { "Volkswagen and Siemens will build the plant together, the government says.", "en" },
  { "It was not clear whether the strike would end before the holidays.", "en" },
  { "Researchers at the university have found that the river is getting warmer.", "en" },
  /* German, with and without English loanwords */
  { "Die Stadt baut neue Brücken über den Fluss", "de" },
  { "Der Hafen meldet einen Rekord bei den Containern.", "de" },
  { "Mindestens 12 Menschen wurden verletzt.", "de" },
  { "Bisher wurden jedoch keine Schäden gemeldet.", "de" },
  { "Das Start-up-Team präsentierte im Meeting seine neue Software für das Cloud Computing.", "de" },
  { "Der CEO sagte, das Business Model sei ein Gamechanger für die ganze Branche.", "de" },
  { "Im Homeoffice arbeiten inzwischen mehr als 30 Prozent der Beschäftigten.", "de" },
  { "Laut Regierung sollen bis 2030 rund 15 Milliarden Euro investiert werden.", "de" },
  { "Es ist nicht klar, ob der Streik vor den Feiertagen endet.", "de" },
  { "Die Mieten stiegen im vergangenen Jahr um zwölf Prozent.", "de" },
  { "Wir haben das Feedback der User ernst genommen, erklärte die Managerin.", "de" },
  { "Straßenbahn fährt wieder nach Plan", "de" },
  { "Großbritannien und die USA unterzeichnen ein Abkommen über Handel.", "de" },
  { "Experten zufolge wird die Inflation im Herbst wieder steigen.", "de" },
  /* Simplified Chinese */
  { "上海港去年集装箱吞吐量创下新纪录。", "zh-Hans" },
  { "这座城市的人口已经超过两千万。", "zh-Hans" },
  { "苹果公司CEO库克表示，iPhone 15在中国的销量增长了12%。", "zh-Hans" },
  { "国家统计局发布的数据显示，经济增长放缓。", "zh-Hans" },
  { "他们说会议将在下周举行。", "zh-Hans" },
  { "据悉，该公司计划在2025年开设三家新工厂。", "zh-Hans" },
  { "专家认为，5G网络将推动AI产业发展。", "zh-Hans" },
  { "记者从市交通委员会获悉，地铁新线路将于明年开通。", "zh-Hans" },
  /* Traditional Chinese */
  { "這座城市的人口已經超過兩千萬。", "zh-Hant" },
  { "國家統計局發布的數據顯示，經濟增長放緩。", "zh-Hant" },
  { "他們說會議將在下週舉行。", "zh-Hant" },
  { "臺北市政府表示，捷運新路線將於明年開通。", "zh-Hant" },
  { "香港的樓價在過去一年下跌了百分之八。", "zh-Hant" },
  { "蘋果公司執行長庫克說，iPhone在中國的銷量增長。", "zh-Hant" },
  /* Han without a character that tells the two apart */
  { "上海", "zh" },
  /* French */
  { "Le gouvernement a annoncé une hausse des impôts pour l'année prochaine.", "fr" },
  { "La ville de Paris compte plus de deux millions d'habitants.", "fr" },
  { "Selon le ministre, les travaux seront terminés avant l'été.", "fr" },
  { "Les prix ont augmenté de 5 % en un an, selon l'Insee.", "fr" },
  { "Il n'est pas certain que la grève se termine avant les fêtes.", "fr" },
  /* Spanish, Italian, Dutch, Portuguese */
  { "El gobierno anunció que los precios de la vivienda subieron en la ciudad.", "es" },
  { "Según el ministerio, las obras terminarán antes del verano.", "es" },
  { "Il governo ha annunciato che i prezzi delle case sono aumentati.", "it" },
  { "Secondo il ministro, i lavori saranno finiti prima dell'estate.", "it" },
  { "De regering heeft aangekondigd dat de prijzen van woningen zijn gestegen.", "nl" },
  { "Volgens de minister is het werk voor de zomer klaar.", "nl" },
  { "O governo anunciou que os preços das casas subiram na cidade.", "pt" },
  { "Segundo o ministro, as obras estão quase terminadas.", "pt" },
  /* Cyrillic and other scripts */
  { "Правительство объявило о повышении налогов в следующем году.", "ru" },
  { "Москва — крупнейший город России.", "ru" },
  { "Цены выросли на пять процентов за год.", "ru" },
  { "Уряд оголосив про підвищення податків у наступному році.", "uk" },
  { "東京の人口は約千四百万人です。", "ja" },
  { "サッカーのワールドカップが始まった。", "ja" },
  { "서울의 인구는 약 천만 명이다.", "ko" },
  { "Η κυβέρνηση ανακοίνωσε νέα μέτρα.", "el" },
  /* Nothing to tell */
  { "", "und" },
  { "2024 — 12,5 % — 3.000", "und" },
  { "iPhone 15 Pro Max", "und" },
  /* Mixed: the dominant language wins */
  { "The company, known in China as 华为, reported higher sales.", "en" },
  { "Der Konzern Huawei (华为) meldet höhere Umsätze.", "de" },
  { "华为公司（Huawei Technologies）发布了新款手机。", "zh-Hans" },
  { "Shanghai (上海) is the largest city in China.", "en" },
  { "上海 (Shanghai) 是中国最大的城市。", "zh-Hans" },
};

static void
test_sentences (void)
{
  guint failures = 0;

  g_assert_cmpuint (G_N_ELEMENTS (sentences), >=, 60);
  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    {
      double confidence = -1;
      const char *got = vera_language_identify (sentences[i].text, strlen (sentences[i].text),
                                                &confidence);

      if (confidence < 0 || confidence > 1 || (g_strcmp0 (got, "und") == 0 && confidence != 0))
        vera_test_fail_row ("row %u «%s»: expected a confidence in [0, 1] (0 for und), got %g",
                            i, sentences[i].text, confidence);
      if (g_strcmp0 (got, sentences[i].tag) != 0)
        {
          vera_test_fail_row ("row %u «%s»: expected %s, got %s", i, sentences[i].text,
                              sentences[i].tag, got);
          failures++;
        }
    }
  g_test_message ("%u of %u sentences wrong", failures, (guint) G_N_ELEMENTS (sentences));
}

/* Every tag the detector gives maps to the language the analysis uses. */
static void
test_tags_map (void)
{
  struct {
    const char   *tag;
    VeraLanguage  language;
  } cases[] = {
    { "en", VERA_LANGUAGE_EN }, { "de", VERA_LANGUAGE_DE }, { "zh-Hans", VERA_LANGUAGE_ZH },
    { "zh-Hant", VERA_LANGUAGE_ZH }, { "zh", VERA_LANGUAGE_ZH }, { "fr", VERA_LANGUAGE_OTHER },
    { "ru", VERA_LANGUAGE_OTHER }, { "und", VERA_LANGUAGE_UND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (vera_language_from_tag (cases[i].tag) != cases[i].language)
      vera_test_fail_row ("row %u «%s»: expected %d, got %d", i, cases[i].tag,
                          cases[i].language, vera_language_from_tag (cases[i].tag));
}

/* The spans of @text as "tag:first words|tag:…". */
static char *
describe_spans (const char  *text,
                const char **dominant)
{
  g_autoptr(GArray) spans = vera_language_identify_spans (text, strlen (text), NULL, dominant,
                                                          NULL);
  GString *out = g_string_new (NULL);
  gsize expected_start = 0;

  for (guint i = 0; i < spans->len; i++)
    {
      const VeraLanguageSpan *span = &g_array_index (spans, VeraLanguageSpan, i);
      g_autofree char *piece = g_strndup (text + span->start, MIN (span->end - span->start, 12));

      g_assert_cmpuint (span->start, ==, expected_start);
      g_assert_cmpuint (span->end, >, span->start);
      g_assert_true (vera_language_spans_find (spans, span->start) == span);
      g_assert_true (vera_language_spans_find (spans, span->end - 1) == span);
      expected_start = span->end;
      g_strstrip (piece);
      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", span->tag);
    }
  g_assert_cmpuint (expected_start, ==, strlen (text));
  g_assert_null (vera_language_spans_find (spans, strlen (text)));
  return g_string_free (out, FALSE);
}

static void
test_paragraphs (void)
{
  struct {
    const char *text;
    const char *dominant;
    const char *spans;
  } cases[] = {
    /* An English article quoting a Chinese paragraph. */
    { "City plans new metro line\n\n"
      "The city council approved the plan on Tuesday, and the work will start in the spring.\n\n"
      "市交通委员会表示，新线路预计在二零二七年开通，总投资约为三百亿元。\n\n"
      "The council said the line would carry 400,000 passengers a day when it is finished.\n",
      "en", "en|zh-Hans|en" },
    /* A German article with an English paragraph. */
    { "Hafen meldet Rekord\n\n"
      "Der Hamburger Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie.\n\n"
      "\"We are very proud of the team and of what it has achieved this year,\" said the CEO.\n\n"
      "Die Zahl der Beschäftigten stieg auf mehr als 7.000, teilte die Gesellschaft mit.\n",
      "de", "de|en|de" },
    /* A headline without cues takes the text's language. */
    { "Rekordumschlag in Hamburg\n\nDer Hafen hat mehr Container umgeschlagen als je zuvor, "
      "sagte der Sprecher am Montag.\n", "de", "de" },
    /* A one-language article is one span. */
    { "上海地铁日均客流量已经超过一千万人次。\n市交通委员会表示，将继续扩建地铁网络。\n",
      "zh-Hans", "zh-Hans" },
    { "", "und", "" },
    { "\n\n\n", "und", "und" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *dominant = NULL;
      g_autofree char *got = describe_spans (cases[i].text, &dominant);

      if (g_strcmp0 (dominant, cases[i].dominant) != 0 || g_strcmp0 (got, cases[i].spans) != 0)
        vera_test_fail_row ("row %u «%s»: expected %s [%s], got %s [%s]", i, cases[i].text,
                            cases[i].dominant, cases[i].spans, dominant, got);
    }
}

/* Skipped runs (injected text) count for nothing. */
static void
test_skip (void)
{
  const char *text = "Правительство объявило о повышении налогов.\nThe council met on Monday.\n";
  g_autoptr(GArray) skip = vera_text_span_array_new ();
  g_autoptr(GArray) spans = NULL;
  VeraTextSpan span = { 0, strchr (text, '\n') - text, VERA_SPAN_INJECTED };
  const char *dominant = NULL;

  g_array_append_val (skip, span);
  spans = vera_language_identify_spans (text, strlen (text), skip, &dominant, NULL);
  g_assert_cmpstr (dominant, ==, "en");
  g_assert_cmpuint (spans->len, ==, 1);
  g_assert_cmpstr (g_array_index (spans, VeraLanguageSpan, 0).tag, ==, "en");
}

static const char mixed_en_zh[] =
  "City plans new metro line\n\n"
  "The city council approved the plan on Tuesday, and the work will start in the spring.\n\n"
  "市交通委员会表示，新线路总投资约为三百亿元，预计在二零二七年开通。\n\n"
  "The council said the line would carry 400,000 passengers a day when it is finished.\n";

static const char mixed_de_en[] =
  "Hafen meldet Rekord\n\n"
  "Der Hamburger Hafen hat im vergangenen Jahr so viele Container umgeschlagen wie nie.\n\n"
  "\"We are very proud of the team and of what it has achieved this year,\" said the CEO.\n\n"
  "Die Zahl der Beschäftigten stieg auf mehr als 7.000, teilte die Gesellschaft mit.\n";

/* Which language each paragraph is analysed in, with and without a language given. */
static void
test_resolve (void)
{
  struct {
    const char   *text;
    const char   *at;        /* the start of the sentence asked about */
    VeraLanguage  article;
    gboolean      given;
    VeraLanguage  expected;
  } cases[] = {
    { mixed_en_zh, "The city", VERA_LANGUAGE_EN, FALSE, VERA_LANGUAGE_EN },
    { mixed_en_zh, "市交通", VERA_LANGUAGE_EN, FALSE, VERA_LANGUAGE_ZH },
    { mixed_en_zh, "City plans", VERA_LANGUAGE_EN, FALSE, VERA_LANGUAGE_EN },
    /* The reviewer says German: the main text follows, the Chinese paragraph keeps its own. */
    { mixed_en_zh, "The council", VERA_LANGUAGE_DE, TRUE, VERA_LANGUAGE_DE },
    { mixed_en_zh, "市交通", VERA_LANGUAGE_DE, TRUE, VERA_LANGUAGE_ZH },
    { mixed_de_en, "Der Hamburger", VERA_LANGUAGE_DE, FALSE, VERA_LANGUAGE_DE },
    { mixed_de_en, "\"We are", VERA_LANGUAGE_DE, FALSE, VERA_LANGUAGE_EN },
    { mixed_de_en, "\"We are", VERA_LANGUAGE_DE, TRUE, VERA_LANGUAGE_EN },
    { mixed_de_en, "Hafen", VERA_LANGUAGE_DE, TRUE, VERA_LANGUAGE_DE },
    { mixed_de_en, "Die Zahl", VERA_LANGUAGE_OTHER, TRUE, VERA_LANGUAGE_OTHER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *dominant = NULL;
      g_autoptr(GArray) spans = vera_language_identify_spans (cases[i].text,
                                                              strlen (cases[i].text), NULL,
                                                              &dominant, NULL);
      const char *at = strstr (cases[i].text, cases[i].at);
      VeraLanguage got;

      g_assert_nonnull (at);
      got = vera_language_spans_resolve (spans, at - cases[i].text, cases[i].article,
                                         cases[i].given, dominant);
      if (got != cases[i].expected)
        vera_test_fail_row ("row %u «%s»: expected %s, got %s", i, cases[i].at,
                            vera_language_to_tag (cases[i].expected), vera_language_to_tag (got));
    }
}

/* The analyzer gives an article without a language the one of its text and keeps a given one. */
static void
test_analyzer (void)
{
  struct {
    const char *text;
    const char *given;
    const char *expected;
  } cases[] = {
    { mixed_en_zh, NULL, "en" },
    { mixed_en_zh, "", "en" },
    { mixed_de_en, "und", "de" },
    { mixed_de_en, "de-CH", "de-CH" },
    { mixed_en_zh, "fr", "fr" },
    { "這座城市的人口已經超過兩千萬。國家統計局發布的數據顯示，經濟增長放緩。", NULL, "zh-Hant" },
    { "上海港去年集装箱吞吐量创下新纪录。这座城市的人口已经超过两千万。", NULL, "zh-Hans" },
    { "2024: 12,5 % / 3.000", NULL, NULL },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraAnalyzer) analyzer = vera_analyzer_new (&error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VeraArticle) article = vera_article_new ("a1", NULL, cases[i].text);
      const char *got;

      vera_article_set_language (article, cases[i].given);
      vera_analyzer_analyze_article (analyzer, article);
      got = vera_article_get_language (article);
      if (got != NULL && *got == '\0')
        got = NULL;
      if (g_strcmp0 (got, cases[i].expected) != 0)
        vera_test_fail_row ("row %u «%s»: expected %s, got %s", i, cases[i].text,
                            cases[i].expected ? cases[i].expected : "(none)",
                            got ? got : "(none)");
      /* Analysing again keeps it. */
      vera_analyzer_analyze_article (analyzer, article);
      vera_test_row_str (i, cases[i].text, "the language after a second analysis",
                         got ? got : cases[i].given, vera_article_get_language (article));
      g_assert_finalize_object (g_steal_pointer (&article));
    }
  g_assert_finalize_object (g_steal_pointer (&analyzer));
}

static void
test_valid_tags (void)
{
  struct {
    const char *tag;
    gboolean    valid;
  } cases[] = {
    { "en", TRUE }, { "de", TRUE }, { "zh-Hans", TRUE }, { "zh-Hant-TW", TRUE }, { "und", TRUE },
    { "de-CH-1996", TRUE }, { "gsw", TRUE },
    { "", FALSE }, { NULL, FALSE }, { "e", FALSE }, { "english", FALSE }, { "de_DE", FALSE },
    { "zh--Hans", FALSE }, { "de-", FALSE }, { "12", FALSE }, { "de-toolongsubtag", FALSE },
    { "en us", FALSE }, { "<b>", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (vera_language_tag_is_valid (cases[i].tag) != cases[i].valid)
      vera_test_fail_row ("row %u «%s»: expected %s, got %s", i,
                          cases[i].tag ? cases[i].tag : "(null)",
                          cases[i].valid ? "valid" : "invalid",
                          cases[i].valid ? "invalid" : "valid");
}

/* Hostile input: the spans still cover the text and every tag is a valid one. */
static void
test_random (void)
{
  static const char * const pieces[] = {
    " ", "\n", "\n\n", "the ", "und ", "上海", "這", "这", "Газ", "ー", "\xff", "\xe3\x80",
    "l'", "’", "ß", "12", ". ", "Ω",
  };
  GRand *rand = g_rand_new_with_seed (7);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GArray) spans = NULL;
      const char *dominant = NULL;
      guint n = (guint) g_rand_int_range (rand, 0, 30);
      gsize end = 0;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      spans = vera_language_identify_spans (text->str, text->len, NULL, &dominant, NULL);
      g_assert_true (vera_language_tag_is_valid (dominant));
      for (guint i = 0; i < spans->len; i++)
        {
          const VeraLanguageSpan *span = &g_array_index (spans, VeraLanguageSpan, i);

          g_assert_cmpuint (span->start, ==, end);
          g_assert_cmpuint (span->end, >, span->start);
          g_assert_true (vera_language_tag_is_valid (span->tag));
          end = span->end;
        }
      g_assert_cmpuint (end, ==, text->len);
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/language-id/sentences", test_sentences);
  g_test_add_func ("/vera/language-id/tags-map", test_tags_map);
  g_test_add_func ("/vera/language-id/paragraphs", test_paragraphs);
  g_test_add_func ("/vera/language-id/skip", test_skip);
  g_test_add_func ("/vera/language-id/resolve", test_resolve);
  g_test_add_func ("/vera/language-id/analyzer", test_analyzer);
  g_test_add_func ("/vera/language-id/valid-tags", test_valid_tags);
  g_test_add_func ("/vera/language-id/random", test_random);

  return g_test_run ();
}
