/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vera-linker.h"
#include "vera-people.h"
#include "vera-person.h"
#include "vera-quantity.h"
#include "vera-quantities.h"
#include "vera-test-util.h"

/* The language of a fixture article from its name ("de-…", "zh-…"); UND for the others. */
static VeraLanguage
language_of_name (const char *article_id)
{
  if (g_str_has_prefix (article_id, "de-"))
    return VERA_LANGUAGE_DE;
  if (g_str_has_prefix (article_id, "zh-"))
    return VERA_LANGUAGE_ZH;
  if (g_str_has_prefix (article_id, "en-"))
    return VERA_LANGUAGE_EN;
  return VERA_LANGUAGE_UND;
}

/* Splits an article crudely into sentences (lines, then ". "), as the tests cannot wait for
 * the segmenter, and feeds every sentence to the linker with the claim id "<article>#<n>". */
static void
add_article (VeraLinker *linker,
             const char *article_id,
             const char *text,
             GPtrArray  *sentences)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  VeraLanguage language = language_of_name (article_id);
  guint n = 0;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[l], ". ", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          const char *s = parts[p];
          g_autoptr(GPtrArray) qs = vera_quantities_extract_language (s, strlen (s), NULL,
                                                                      language);
          g_autoptr(GPtrArray) people = vera_people_extract (s, strlen (s));
          g_autofree char *claim_id = g_strdup_printf ("%s#%u", article_id, n++);
          VeraLinkItem item = { article_id, claim_id, s, (gsize) -1, 0, qs, people, language };

          vera_linker_add (linker, &item);
          if (sentences != NULL)
            g_ptr_array_add (sentences, g_strdup_printf ("%s\t%s", claim_id, s));
        }
    }
}

static const char *
sentence_of (GPtrArray  *sentences,
             const char *claim_id)
{
  gsize n = strlen (claim_id);

  for (guint i = 0; i < sentences->len; i++)
    {
      const char *s = sentences->pdata[i];

      if (strncmp (s, claim_id, n) == 0 && s[n] == '\t')
        return s + n + 1;
    }
  return NULL;
}

static void
dump (GPtrArray *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      const VeraLinkConflict *c = conflicts->pdata[i];

      g_test_message ("conflict %u: %s [%s]", i, c->topic, c->key);
      for (guint m = 0; m < c->members->len; m++)
        {
          const VeraLinkMember *mb = c->members->pdata[m];

          g_test_message ("   %s %s: %s", mb->article_id, mb->claim_id, mb->text);
        }
    }
}

/* The seed articles of the corpus under @root (expected.json and seeds/) disagree on some
 * figures; each expected conflict must come out as one conflict holding both members, and few
 * other conflicts may come out. */
static void
check_seeds (const char *root)
{
  g_autofree char *expected_path = g_build_filename (root, "expected.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *seeds;
  JsonArray *expected;
  g_autoptr(GList) names = NULL;

  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  seeds = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "seeds");
  expected = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "conflicts");
  names = json_object_get_members (seeds);
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *path = g_build_filename (root, "seeds", l->data, NULL);
      g_autofree char *text = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      add_article (linker, l->data, text, sentences);
    }
  conflicts = vera_linker_find_conflicts (linker);
  dump (conflicts);

  for (guint e = 0; e < json_array_get_length (expected); e++)
    {
      JsonArray *members = json_object_get_array_member (json_array_get_object_element (expected, e),
                                                         "members");
      gboolean found = FALSE;

      for (guint c = 0; c < conflicts->len && !found; c++)
        {
          const VeraLinkConflict *conflict = conflicts->pdata[c];
          guint matched = 0;

          for (guint m = 0; m < json_array_get_length (members); m++)
            {
              JsonArray *pair = json_array_get_array_element (members, m);
              const char *article = json_array_get_string_element (pair, 0);
              const char *needle = json_array_get_string_element (pair, 1);

              for (guint k = 0; k < conflict->members->len; k++)
                {
                  const VeraLinkMember *mb = conflict->members->pdata[k];
                  const char *s = sentence_of (sentences, mb->claim_id);

                  if (g_str_equal (mb->article_id, article) && s != NULL &&
                      strstr (s, needle) != NULL &&
                      (strstr (needle, mb->text) != NULL || strstr (mb->text, needle) != NULL))
                    {
                      matched++;
                      break;
                    }
                }
            }
          found = matched == json_array_get_length (members);
        }
      if (!found)
        vera_test_fail_row ("%s: expected conflict “%s” not found", root,
                 json_object_get_string_member (json_array_get_object_element (expected, e), "topic"));
    }
  /* No flood: at most one conflict beyond the expected ones. */
  g_assert_cmpuint (conflicts->len, <=, json_array_get_length (expected) + 1);
}

/* The corpus twin in tests/fixtures always, ../shared/corpus when it is there. */
static void
test_seeds (void)
{
  g_autofree char *twin = vera_test_fixture_path ("corpus");
  g_autofree char *shared = vera_test_shared_path_if_present ("corpus");

  check_seeds (twin);
  if (shared != NULL)
    check_seeds (shared);
}

static void
test_fixtures (void)
{
  const char *names[] = { "harbour-a.txt", "harbour-b.txt", "harbour-c.txt" };
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean ferries = FALSE, share = FALSE, budget = FALSE, person = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *rel = g_build_filename ("analysis", "claims", names[i], NULL);
      g_autofree char *path = vera_test_fixture_path (rel);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      add_article (linker, names[i], text, NULL);
    }
  conflicts = vera_linker_find_conflicts (linker);
  dump (conflicts);
  for (guint c = 0; c < conflicts->len; c++)
    {
      const VeraLinkConflict *conflict = conflicts->pdata[c];

      if (conflict->kind == VERA_CONFLICT_KIND_PERSON)
        {
          g_assert_cmpstr (conflict->topic, ==, "Amara Okafor");
          for (guint m = 0; m < conflict->members->len; m++)
            g_assert_null (((VeraLinkMember *) conflict->members->pdata[m])->unit);
          person = TRUE;
        }
      else if (strstr (conflict->key, "ferries") != NULL)
        ferries = TRUE;
      else if (strstr (conflict->key, "percent") != NULL)
        share = TRUE;
      else if (strstr (conflict->key, "EUR") != NULL)
        budget = TRUE;
      else
        g_error ("unexpected conflict %s", conflict->key);
    }
  g_assert_true (ferries);
  g_assert_true (share);
  g_assert_true (budget);
  g_assert_true (person);
}

static void
test_keys (void)
{
  struct { const char *a, *ea, *b, *eb; gboolean same; } pairs[] = {
    { "foreign experts", NULL, "foreign tech workers", NULL, TRUE },
    { "tech firms", NULL, "technology companies", NULL, TRUE },
    { "research institutions", NULL, "tech firms", NULL, TRUE },
    { "overseas returnees", NULL, "overseas-educated professionals", "return", TRUE },
    { "foreign experts", NULL, "overseas returnees", NULL, FALSE },
    { "national-level key laboratories", NULL, "national research labs", NULL, FALSE },
    { "Fortune 500 companies", NULL, "companies", NULL, FALSE },
    { "nurses", NULL, "teachers", NULL, FALSE },
    { "electric buses", NULL, "electric bus", NULL, TRUE },
    { "houses", NULL, "house", NULL, TRUE },
    { "R&D centres", NULL, "research centers", NULL, TRUE },
    { "overseas scientists", NULL, "foreign researchers", NULL, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *ka = vera_linker_subject_key (pairs[i].a, pairs[i].ea);
      g_autofree char *kb = vera_linker_subject_key (pairs[i].b, pairs[i].eb);

      if (g_str_equal (ka, kb) != pairs[i].same)
        g_error ("“%s” (%s) and “%s” (%s) should %sshare a key", pairs[i].a, ka, pairs[i].b, kb,
                 pairs[i].same ? "" : "not ");
    }
}

/* Same subject, compatible figures, or different years: no conflict. */
static void
test_agreement (void)
{
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  const char *a[] = {
    "The city has 12,000 registered taxis.",
    "About 4,000 nurses left in 2021.",
    "The port handled 3.1 million containers annually.",
  };
  const char *b[] = {
    "Some 12,500 taxis serve the city.",
    "About 9,000 nurses left in 2023.",
    "The port handled 9 million containers in 2022.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      g_autoptr(GPtrArray) qa = vera_quantities_extract (a[i], strlen (a[i]));
      g_autoptr(GPtrArray) qb = vera_quantities_extract (b[i], strlen (b[i]));
      VeraLinkItem ia = { "A", "A1", a[i], (gsize) -1, 0, qa, NULL };
      VeraLinkItem ib = { "B", "B1", b[i], (gsize) -1, 0, qb, NULL };

      vera_linker_add (linker, &ia);
      vera_linker_add (linker, &ib);
    }
  conflicts = vera_linker_find_conflicts (linker);
  dump (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

/* ---- Table-driven cases in three languages ------------------------------------------------ */

/* One side of a case: a sentence and the one figure the number grammar would give for it
 * (constructed here, so the cases do not depend on the German and Chinese grammars). A NULL
 * @figure means no figure (a date or a person case). */
typedef struct
{
  VeraLanguage  language;
  const char   *sentence;
  const char   *figure;     /* as written, found in @sentence */
  double        value;
  const char   *unit;
  const char   *noun;
  const char   *qualifier;
  const char   *scope;
} Side;

typedef struct
{
  const char *name;
  Side        a;
  Side        b;
  gboolean    conflict;
} LinkCase;

#define EN VERA_LANGUAGE_EN
#define DE VERA_LANGUAGE_DE
#define ZH VERA_LANGUAGE_ZH

static const LinkCase link_cases[] = {
  /* Trips of a transit network in English and German: different values conflict, the Chinese
   * count of the same value agrees. */
  { "en trips vs de Fahrten",
    { EN, "The tram network carried 3.4 million trips a month in 2023.", "3.4 million trips", 3.4e6, "count", "trips", NULL, "a month" },
    { DE, "Das Straßenbahnnetz zählte 2023 rund 2,9 Millionen Fahrten pro Monat.", "2,9 Millionen Fahrten", 2.9e6, "count", "Fahrten", NULL, NULL }, TRUE },
  { "en ridership vs de Fahrten, same value",
    { EN, "Ridership reached 3.4 million trips a month in 2023.", "3.4 million trips", 3.4e6, "count", "trips", NULL, "a month" },
    { DE, "Das Straßenbahnnetz zählte 2023 rund 3,4 Millionen Fahrten pro Monat.", "3,4 Millionen Fahrten", 3.4e6, "count", "Fahrten", NULL, NULL }, FALSE },
  /* The seeds' venture-capital failure: three wordings of one subject. */
  { "en vc deployed vs vc investment",
    { EN, "Shanghai-based VC firms deployed $48 billion in 2024.", "$48 billion", 48e9, "USD", NULL, NULL, "in 2024" },
    { EN, "Venture capital investment in Shanghai-based startups reached $28.7 billion in 2024.", "$28.7 billion", 28.7e9, "USD", NULL, NULL, "in 2024" }, TRUE },
  { "en vc investment in tech firms",
    { EN, "Venture capital investment in Shanghai tech firms reached $32 billion in 2024.", "$32 billion", 32e9, "USD", NULL, NULL, "in 2024" },
    { EN, "Venture capital investment in Shanghai-based startups reached $28.7 billion in 2024.", "$28.7 billion", 28.7e9, "USD", NULL, NULL, "in 2024" }, TRUE },
  { "en vc vs exports: different subjects",
    { EN, "The city drew $48 billion in VC last year.", "$48 billion", 48e9, "USD", NULL, NULL, NULL },
    { EN, "The city shipped $30 billion in exports last year.", "$30 billion", 30e9, "USD", NULL, NULL, NULL }, FALSE },
  { "en foreign experts",
    { EN, "Innovation visas attracted 12,000 foreign experts.", "12,000 foreign experts", 12000, "count", "foreign experts", NULL, NULL },
    { EN, "The visa program has drawn 42,000 foreign experts.", "42,000 foreign experts", 42000, "count", "foreign experts", NULL, NULL }, TRUE },
  { "en more than 40,000 vs 45,000 agree",
    { EN, "The park employs more than 40,000 workers.", "more than 40,000 workers", 40000, "count", "workers", "more than", NULL },
    { EN, "The park employs 45,000 workers.", "45,000 workers", 45000, "count", "workers", NULL, NULL }, FALSE },
  { "en at least 300 vs 250 conflict",
    { EN, "At least 300 startups moved to the district.", "At least 300 startups", 300, "count", "startups", "at least", NULL },
    { EN, "Some 250 startups moved to the district.", "250 startups", 250, "count", "startups", NULL, NULL }, TRUE },
  { "en nearly 50% vs 49% agree",
    { EN, "Unemployment among graduates reached nearly 50%.", "nearly 50%", 50, "percent", NULL, "nearly", NULL },
    { EN, "Unemployment among graduates reached 49%.", "49%", 49, "percent", NULL, NULL, NULL }, FALSE },
  { "en rounding: 7.8 million vs 7,812,000 TEU",
    { EN, "The port handled 7.8 million TEU in 2023.", "7.8 million TEU", 7.8e6, "TEU", NULL, NULL, "in 2023" },
    { EN, "The port handled 7,812,000 TEU in 2023.", "7,812,000 TEU", 7812000, "TEU", NULL, NULL, "in 2023" }, FALSE },
  { "en different years",
    { EN, "Exports reached $30 billion in 2023.", "$30 billion", 30e9, "USD", NULL, NULL, "in 2023" },
    { EN, "Exports reached $35 billion in 2024.", "$35 billion", 35e9, "USD", NULL, NULL, "in 2024" }, FALSE },
  { "en different currencies never link",
    { EN, "Investment reached $5 billion in 2024.", "$5 billion", 5e9, "USD", NULL, NULL, "in 2024" },
    { EN, "Investment reached 50 billion yuan in 2024.", "50 billion yuan", 50e9, "CNY", NULL, NULL, "in 2024" }, FALSE },
  { "en shanghai vs beijing",
    { EN, "Shanghai's GDP grew to 4.7 trillion yuan in 2023.", "4.7 trillion yuan", 4.7e12, "CNY", NULL, NULL, "in 2023" },
    { EN, "Beijing's GDP grew to 4.4 trillion yuan in 2023.", "4.4 trillion yuan", 4.4e12, "CNY", NULL, NULL, "in 2023" }, FALSE },
  { "en no scope links with a year",
    { EN, "The city has 20.5 million residents.", "20.5 million residents", 20.5e6, "count", "residents", NULL, NULL },
    { EN, "In 2024 the city had 24.9 million residents.", "24.9 million residents", 24.9e6, "count", "residents", NULL, NULL }, TRUE },
  { "en relative scope never meets a year",
    { EN, "Revenue reached $2 billion last year.", "$2 billion", 2e9, "USD", NULL, NULL, "last year" },
    { EN, "Revenue reached $3 billion in 2019.", "$3 billion", 3e9, "USD", NULL, NULL, "in 2019" }, FALSE },
  { "en change vs level",
    { EN, "Exports rose 5% in 2024.", "5%", 5, "percent", NULL, NULL, "in 2024" },
    { EN, "Exports rose to 12% of GDP in 2024.", "12%", 12, "percent", NULL, NULL, "in 2024" }, FALSE },
  { "en nurses vs teachers",
    { EN, "About 4,000 nurses left in 2021.", "About 4,000 nurses", 4000, "count", "nurses", "about", "in 2021" },
    { EN, "About 9,000 teachers left in 2021.", "About 9,000 teachers", 9000, "count", "teachers", "about", "in 2021" }, FALSE },
  { "en profit vs revenue",
    { EN, "The company's net profit was $1.2 billion in 2024.", "$1.2 billion", 1.2e9, "USD", NULL, NULL, "in 2024" },
    { EN, "The company's revenue was $9 billion in 2024.", "$9 billion", 9e9, "USD", NULL, NULL, "in 2024" }, FALSE },
  { "en per year vs total",
    { EN, "The port handles 40 million TEU a year.", "40 million TEU", 40e6, "TEU", NULL, NULL, "a year" },
    { EN, "The port has handled 400 million TEU since 2010.", "400 million TEU", 400e6, "TEU", NULL, NULL, "since 2010" }, FALSE },
  /* German. */
  { "de startups conflict",
    { DE, "In Berlin gibt es 4.500 Start-ups.", "4.500 Start-ups", 4500, "count", "Start-ups", NULL, NULL },
    { DE, "Berlin zählt inzwischen 2.100 Start-ups.", "2.100 Start-ups", 2100, "count", "Start-ups", NULL, NULL }, TRUE },
  { "de Beschäftigte mindestens vs mehr",
    { DE, "Das Werk hat mehr als 12.000 Beschäftigte.", "mehr als 12.000 Beschäftigte", 12000, "count", "Beschäftigte", "more than", NULL },
    { DE, "Das Werk hat 12.400 Mitarbeiter.", "12.400 Mitarbeiter", 12400, "count", "Mitarbeiter", NULL, NULL }, FALSE },
  { "de Umsatz vs Gewinn",
    { DE, "Der Umsatz lag im Jahr 2024 bei 3,2 Milliarden Euro.", "3,2 Milliarden Euro", 3.2e9, "EUR", NULL, NULL, "im Jahr 2024" },
    { DE, "Der Gewinn lag im Jahr 2024 bei 0,4 Milliarden Euro.", "0,4 Milliarden Euro", 0.4e9, "EUR", NULL, NULL, "im Jahr 2024" }, FALSE },
  { "de Umsatz conflict",
    { DE, "Der Umsatz lag im Jahr 2024 bei 3,2 Milliarden Euro.", "3,2 Milliarden Euro", 3.2e9, "EUR", NULL, NULL, "im Jahr 2024" },
    { DE, "Der Konzern meldete für 2024 einen Umsatz von 4,1 Milliarden Euro.", "4,1 Milliarden Euro", 4.1e9, "EUR", NULL, NULL, "2024" }, TRUE },
  { "de Risikokapital compound",
    { DE, "Die Risikokapitalinvestitionen in Münchner Start-ups erreichten 2024 rund 6 Milliarden Euro.", "rund 6 Milliarden Euro", 6e9, "EUR", NULL, "about", "2024" },
    { DE, "Risikokapitalgeber investierten 2024 in München 9 Milliarden Euro.", "9 Milliarden Euro", 9e9, "EUR", NULL, NULL, "2024" }, TRUE },
  { "de Hamburg vs München",
    { DE, "Hamburg hat 1,9 Millionen Einwohner.", "1,9 Millionen Einwohner", 1.9e6, "count", "Einwohner", NULL, NULL },
    { DE, "München hat 1,5 Millionen Einwohner.", "1,5 Millionen Einwohner", 1.5e6, "count", "Einwohner", NULL, NULL }, FALSE },
  /* Chinese. */
  { "zh 员工 conflict",
    { ZH, "该园区共有员工3.2万人。", "3.2万", 32000, "count", "员工", NULL, NULL },
    { ZH, "该园区员工总数为5万人。", "5万", 50000, "count", "员工", NULL, NULL }, TRUE },
  { "zh 上海 vs 北京 population",
    { ZH, "2024年上海常住人口2487万。", "2487万", 24.87e6, "count", NULL, NULL, "2024年" },
    { ZH, "2024年北京常住人口2185万。", "2185万", 21.85e6, "count", NULL, NULL, "2024年" }, FALSE },
  { "zh 风投 vs 出口",
    { ZH, "2024年上海风险投资额达到480亿美元。", "480亿美元", 48e9, "USD", NULL, NULL, "2024年" },
    { ZH, "2024年上海出口额达到300亿美元。", "300亿美元", 30e9, "USD", NULL, NULL, "2024年" }, FALSE },
  { "zh 超过 vs 以下 qualifiers",
    { ZH, "超过1600家企业入驻园区。", "超过1600家", 1600, "count", "企业", "more than", NULL },
    { ZH, "园区内有1.6万家企业。", "1.6万家", 16000, "count", "企业", NULL, NULL }, TRUE },
  { "zh classifier alone names no subject",
    { ZH, "园区内有1.6万家。", "1.6万家", 16000, "count", "家", NULL, NULL },
    { ZH, "全市共有医院300家。", "300家", 300, "count", "家", NULL, NULL }, FALSE },
  { "zh classifier with the noun before it",
    { ZH, "园区内企业有1.6万家。", "1.6万家", 16000, "count", "家", NULL, NULL },
    { ZH, "园区内企业共1600家。", "1600家", 1600, "count", "家", NULL, NULL }, TRUE },
  /* Across languages. */
  { "en-de TEU equal in other forms",
    { EN, "The port handled 7.8 million TEU in 2023.", "7.8 million TEU", 7.8e6, "TEU", NULL, NULL, "in 2023" },
    { DE, "Der Hafen schlug im Jahr 2023 7,8 Mio. TEU um.", "7,8 Mio. TEU", 7.8e6, "TEU", NULL, NULL, "im Jahr 2023" }, FALSE },
  { "en-zh TEU equal in other forms",
    { EN, "The port handled 7.8 million TEU in 2023.", "7.8 million TEU", 7.8e6, "TEU", NULL, NULL, "in 2023" },
    { ZH, "2023年该港集装箱吞吐量780万标准箱。", "780万标准箱", 7.8e6, "TEU", NULL, NULL, "2023年" }, FALSE },
  { "de-zh TEU conflict",
    { DE, "Der Hafen schlug im Jahr 2023 7,8 Mio. TEU um.", "7,8 Mio. TEU", 7.8e6, "TEU", NULL, NULL, "im Jahr 2023" },
    { ZH, "2023年该港集装箱吞吐量950万标准箱。", "950万标准箱", 9.5e6, "TEU", NULL, NULL, "2023年" }, TRUE },
  { "en-de vc conflict",
    { EN, "Shanghai-based VC firms deployed $48 billion in 2024.", "$48 billion", 48e9, "USD", NULL, NULL, "in 2024" },
    { DE, "Das Risikokapital für Start-ups in Shanghai erreichte im Jahr 2024 28,7 Milliarden Dollar.", "28,7 Milliarden Dollar", 28.7e9, "USD", NULL, NULL, "im Jahr 2024" }, TRUE },
  { "en-zh vc conflict",
    { EN, "Shanghai-based VC firms deployed $48 billion in 2024.", "$48 billion", 48e9, "USD", NULL, NULL, "in 2024" },
    { ZH, "2024年上海风险投资额达到287亿美元。", "287亿美元", 28.7e9, "USD", NULL, NULL, "2024年" }, TRUE },
  { "en-zh vc agree",
    { EN, "Shanghai-based VC firms deployed $28.7 billion in 2024.", "$28.7 billion", 28.7e9, "USD", NULL, NULL, "in 2024" },
    { ZH, "2024年上海风投规模为287亿美元。", "287亿美元", 28.7e9, "USD", NULL, NULL, "2024年" }, FALSE },
  { "en-zh different currencies",
    { EN, "Shanghai-based VC firms deployed $48 billion in 2024.", "$48 billion", 48e9, "USD", NULL, NULL, "in 2024" },
    { ZH, "2024年上海风险投资额达到2870亿元。", "2870亿元", 287e9, "CNY", NULL, NULL, "2024年" }, FALSE },
  { "en-de employees conflict",
    { EN, "The plant employs 12,000 workers.", "12,000 workers", 12000, "count", "workers", NULL, NULL },
    { DE, "Das Werk beschäftigt 8.000 Mitarbeiter.", "8.000 Mitarbeiter", 8000, "count", "Mitarbeiter", NULL, NULL }, TRUE },
  { "en-zh employees agree",
    { EN, "The plant employs about 12,000 workers.", "about 12,000 workers", 12000, "count", "workers", "about", NULL },
    { ZH, "该工厂有员工1.2万人。", "1.2万", 12000, "count", "员工", NULL, NULL }, FALSE },
  { "de-zh population agree",
    { DE, "Shanghai hat 24,9 Millionen Einwohner.", "24,9 Millionen Einwohner", 24.9e6, "count", "Einwohner", NULL, NULL },
    { ZH, "上海常住人口2490万。", "2490万", 24.9e6, "count", NULL, NULL, NULL }, FALSE },
  { "de-zh population conflict",
    { DE, "Shanghai hat 20,5 Millionen Einwohner.", "20,5 Millionen Einwohner", 20.5e6, "count", "Einwohner", NULL, NULL },
    { ZH, "上海常住人口2490万。", "2490万", 24.9e6, "count", NULL, NULL, NULL }, TRUE },
  { "en-zh shanghai vs beijing",
    { EN, "Shanghai has 24.9 million residents.", "24.9 million residents", 24.9e6, "count", "residents", NULL, NULL },
    { ZH, "北京常住人口2185万。", "2185万", 21.85e6, "count", NULL, NULL, NULL }, FALSE },
  { "en-de different years",
    { EN, "Germany's GDP reached $4.5 trillion in 2023.", "$4.5 trillion", 4.5e12, "USD", NULL, NULL, "in 2023" },
    { DE, "Das BIP Deutschlands erreichte im Jahr 2021 4,3 Billionen Dollar.", "4,3 Billionen Dollar", 4.3e12, "USD", NULL, NULL, "im Jahr 2021" }, FALSE },
  { "en-de unemployment conflict",
    { EN, "Germany's unemployment rate stood at 5.9% in 2024.", "5.9%", 5.9, "percent", NULL, NULL, "in 2024" },
    { DE, "Die Arbeitslosenquote in Deutschland lag im Jahr 2024 bei 7,1 Prozent.", "7,1 Prozent", 7.1, "percent", NULL, NULL, "im Jahr 2024" }, TRUE },
  { "en-zh tourists different subjects",
    { EN, "The city welcomed 8 million tourists in 2024.", "8 million tourists", 8e6, "count", "tourists", NULL, "in 2024" },
    { ZH, "2024年该市共有企业800万家。", "800万家", 8e6, "count", "企业", NULL, "2024年" }, FALSE },
  { "zh counted by 人, named by the clause",
    { ZH, "该园区共有员工3.2万人。", "3.2万人", 32000, "count", "人", NULL, NULL },
    { EN, "The park has 50,000 employees.", "50,000 employees", 50000, "count", "employees", NULL, NULL }, TRUE },
  { "en people names no subject",
    { EN, "Valmora, a city of 1.3 million people, is busy.", "1.3 million people", 1.3e6, "count", "people", NULL, NULL },
    { EN, "About 7,500 people work at the port.", "About 7,500 people", 7500, "count", "people", "about", NULL }, FALSE },
  { "de qualifier written before the figure",
    { DE, "Das Werk hat mehr als 12.000 Beschäftigte.", "12.000 Beschäftigte", 12000, "count", "Beschäftigte", NULL, NULL },
    { DE, "Das Werk hat 13.500 Mitarbeiter.", "13.500 Mitarbeiter", 13500, "count", "Mitarbeiter", NULL, NULL }, FALSE },
  { "zh 约 written before the figure",
    { ZH, "该市游客约800万人次。", "800万人次", 8e6, "count", NULL, NULL, NULL },
    { EN, "The city welcomed 8.5 million visitors.", "8.5 million visitors", 8.5e6, "count", "visitors", NULL, NULL }, FALSE },
  /* Dates of events. */
  { "en dates conflict",
    { EN, "The new terminal opened on 3 May 2021.", NULL, 0, NULL, NULL, NULL, NULL },
    { EN, "The new terminal opened in June 2021.", NULL, 0, NULL, NULL, NULL, NULL }, TRUE },
  { "en dates agree at month precision",
    { EN, "The new terminal opened on 3 May 2021.", NULL, 0, NULL, NULL, NULL, NULL },
    { EN, "The terminal opened in May 2021 after delays.", NULL, 0, NULL, NULL, NULL, NULL }, FALSE },
  { "en-zh dates agree",
    { EN, "The new terminal opened on 3 May 2021.", NULL, 0, NULL, NULL, NULL, NULL },
    { ZH, "新航站楼于2021年5月3日开业。", NULL, 0, NULL, NULL, NULL, NULL }, FALSE },
  { "de-zh dates conflict",
    { DE, "Das neue Terminal wurde am 3. Mai 2021 eröffnet.", NULL, 0, NULL, NULL, NULL, NULL },
    { ZH, "新航站楼于2021年6月开业。", NULL, 0, NULL, NULL, NULL, NULL }, TRUE },
  { "en dates of different subjects",
    { EN, "The new terminal opened on 3 May 2021.", NULL, 0, NULL, NULL, NULL, NULL },
    { EN, "The museum opened in June 2021.", NULL, 0, NULL, NULL, NULL, NULL }, FALSE },
  { "en dates of different objects",
    { EN, "Apple introduced the iPhone in 2007, and opened its first store in 2001.", NULL, 0, NULL, NULL, NULL, NULL },
    { EN, "Apple opened the Tokyo flagship in 2003.", NULL, 0, NULL, NULL, NULL, NULL }, FALSE },
  { "en repeated events are not dated",
    { EN, "The ministry signed the agreement in 2019.", NULL, 0, NULL, NULL, NULL, NULL },
    { EN, "The ministry signed the agreement in 2021.", NULL, 0, NULL, NULL, NULL, NULL }, FALSE },
};

static VeraQuantity *
side_quantity (const Side *s)
{
  VeraQuantity *q = vera_quantity_new ();
  const char *at = strstr (s->sentence, s->figure);

  g_assert_nonnull (at);
  q->text = g_strdup (s->figure);
  q->value = s->value;
  q->value_to = NAN;
  q->unit = g_strdup (s->unit);
  q->noun = g_strdup (s->noun);
  q->qualifier = g_strdup (s->qualifier);
  q->scope = g_strdup (s->scope);
  q->start = g_utf8_pointer_to_offset (s->sentence, at);
  q->end = q->start + g_utf8_strlen (s->figure, -1);
  return q;
}

static void
add_side (VeraLinker *linker,
          const char *article,
          const Side *s)
{
  g_autoptr(GPtrArray) qs = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_quantity_free);
  g_autofree char *claim = g_strconcat (article, "#1", NULL);
  VeraLinkItem item = { article, claim, s->sentence, (gsize) -1, 0, qs, NULL, s->language };

  if (s->figure != NULL)
    g_ptr_array_add (qs, side_quantity (s));
  vera_linker_add (linker, &item);
}

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (link_cases); i++)
    {
      const LinkCase *c = &link_cases[i];
      g_autoptr(VeraLinker) linker = vera_linker_new ();
      g_autoptr(GPtrArray) conflicts = NULL;

      add_side (linker, "A", &c->a);
      add_side (linker, "B", &c->b);
      conflicts = vera_linker_find_conflicts (linker);
      if ((conflicts->len > 0) != c->conflict)
        {
          g_test_message ("FAILED %s: expected %s, found %u conflicts", c->name,
                          c->conflict ? "a conflict" : "none", conflicts->len);
          vera_test_fail_row ("%s: expected %s, found %u conflicts", c->name,
                              c->conflict ? "a conflict" : "none", conflicts->len);
          dump (conflicts);
        }
      else if (c->conflict && ((VeraLinkConflict *) conflicts->pdata[0])->members->len != 2)
        vera_test_fail_row ("%s: the conflict should hold both figures", c->name);
    }
}

typedef struct
{
  const char   *name;
  VeraLanguage  la;
  const char   *name_a;
  const char   *role_a;
  VeraLanguage  lb;
  const char   *name_b;
  const char   *role_b;
  gboolean      conflict;
} PersonCase;

static const PersonCase person_cases[] = {
  { "en roles differ", EN, "Chen Lin", "CEO", EN, "Chen Lin", "mayor", TRUE },
  { "en-de same role", EN, "Anna Weber", "chief executive", DE, "Anna Weber", "Vorstandschefin", FALSE },
  { "en-de roles differ", EN, "Anna Weber", "mayor", DE, "Anna Weber", "Ministerin", TRUE },
  { "en-zh same role", EN, "李明", "mayor", ZH, "李明", "市长", FALSE },
  { "de-zh roles differ", DE, "李明", "Bürgermeister", ZH, "李明", "首席执行官", TRUE },
  { "zh-en names in other scripts", ZH, "李明", "市长", EN, "Li Ming", "CEO", FALSE },
  { "de-zh minister agree", DE, "王芳", "Ministerin", ZH, "王芳", "部长", FALSE },
};

static void
test_people_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (person_cases); i++)
    {
      const PersonCase *c = &person_cases[i];
      g_autoptr(VeraLinker) linker = vera_linker_new ();
      g_autoptr(GPtrArray) conflicts = NULL;
      g_autoptr(GPtrArray) pa = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
      g_autoptr(GPtrArray) pb = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_person_free);
      VeraLinkItem ia = { "A", "A#1", c->name_a, (gsize) -1, 0, NULL, pa, c->la };
      VeraLinkItem ib = { "B", "B#1", c->name_b, (gsize) -1, 0, NULL, pb, c->lb };

      g_ptr_array_add (pa, vera_person_new (c->name_a, c->role_a));
      g_ptr_array_add (pb, vera_person_new (c->name_b, c->role_b));
      vera_linker_add (linker, &ia);
      vera_linker_add (linker, &ib);
      conflicts = vera_linker_find_conflicts (linker);
      if ((conflicts->len > 0) != c->conflict)
        {
          g_test_message ("FAILED %s: expected %s, found %u conflicts", c->name,
                          c->conflict ? "a conflict" : "none", conflicts->len);
          vera_test_fail_row ("%s: expected %s, found %u conflicts", c->name,
                              c->conflict ? "a conflict" : "none", conflicts->len);
          dump (conflicts);
        }
    }
}

/* The seeds' venture-capital figures through the English number grammar: one subject, three
 * values; and one figure in two sentences about different subjects links to nothing. */
static void
test_extracted (void)
{
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(VeraLinker) other = vera_linker_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) none = NULL;

  add_article (linker, "a", "Shanghai-based VC firms deployed $48 billion in 2024 - surpassing Boston for the first time.", NULL);
  add_article (linker, "b", "Venture capital investment in Shanghai-based startups reached $28.7 billion in 2024.", NULL);
  add_article (linker, "c", "Venture capital investment in Shanghai tech firms reached $32 billion in 2024.", NULL);
  conflicts = vera_linker_find_conflicts (linker);
  dump (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpuint (((VeraLinkConflict *) conflicts->pdata[0])->members->len, ==, 3);

  add_article (other, "a", "The province attracted $48 billion in VC in 2024.", NULL);
  add_article (other, "b", "The province earned $48 billion in exports in 2024.", NULL);
  add_article (other, "c", "The province earned $30 billion in tourism revenue in 2024.", NULL);
  none = vera_linker_find_conflicts (other);
  dump (none);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/linker/keys", test_keys);
  g_test_add_func ("/vera/linker/agreement", test_agreement);
  g_test_add_func ("/vera/linker/cases", test_cases);
  g_test_add_func ("/vera/linker/extracted", test_extracted);
  g_test_add_func ("/vera/linker/people-cases", test_people_cases);
  g_test_add_func ("/vera/linker/fixtures", test_fixtures);
  g_test_add_func ("/vera/linker/seeds", test_seeds);
  return g_test_run ();
}
