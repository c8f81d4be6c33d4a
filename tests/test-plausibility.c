/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-plausibility.h"
#include "vera-quantities.h"
#include "vera-test-util.h"

/* Sentences written for these tests: figures three or more times off the shipped reference
 * (flag, with a fragment the reason must hold), and right, near-right, ambiguous or partial ones
 * (no finding). */
typedef struct
{
  VeraLanguage  language;
  const char   *sentence;
  const char   *fragment;   /* NULL: no finding */
} Row;

static GPtrArray *
check_language (VeraPlausibility *table,
                const char       *sentence,
                VeraLanguage      language,
                const char       *default_subject)
{
  g_autoptr(GPtrArray) qs = vera_quantities_extract_language (sentence, strlen (sentence), NULL,
                                                              language);

  return vera_plausibility_check (table, sentence, strlen (sentence), qs, default_subject);
}

static GPtrArray *
check (VeraPlausibility *table,
       const char       *sentence,
       const char       *default_subject)
{
  return check_language (table, sentence, VERA_LANGUAGE_EN, default_subject);
}

static void
run_rows (VeraPlausibility *table,
          const Row        *rows,
          guint             n_rows)
{
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GPtrArray) found = check_language (table, rows[i].sentence, rows[i].language,
                                                   NULL);

      if (rows[i].fragment == NULL && found->len > 0)
        g_test_fail_printf ("false alarm on “%s”: %s", rows[i].sentence,
                            ((VeraImplausible *) found->pdata[0])->reason);
      else if (rows[i].fragment != NULL && found->len == 0)
        g_test_fail_printf ("not flagged: “%s”", rows[i].sentence);
      else if (rows[i].fragment != NULL &&
               strstr (((VeraImplausible *) found->pdata[0])->reason, rows[i].fragment) == NULL)
        g_test_fail_printf ("“%s”: reason “%s” lacks “%s”", rows[i].sentence,
                            ((VeraImplausible *) found->pdata[0])->reason, rows[i].fragment);
    }
}

static void
test_table (void)
{
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  const VeraReferenceFigure *de = vera_plausibility_lookup (table, "Deutschland", "population");
  const VeraReferenceFigure *de_zh = vera_plausibility_lookup (table, "德国", "gdp");
  const VeraReferenceFigure *sh = vera_plausibility_lookup (table, "上海市", "population");
  const VeraReferenceFigure *area = vera_plausibility_lookup (table, "Switzerland", "area");

  g_assert_nonnull (de);
  g_assert_cmpstr (de->subject, ==, "Germany");
  g_assert_cmpfloat (de->value, >, 8e7);
  g_assert_cmpfloat (de->value, <, 9e7);
  g_assert_cmpint (de->year, >=, 2023);
  g_assert_cmpstr (de->source, ==, "World Bank");
  g_assert_nonnull (strstr (de->url, "SP.POP.TOTL"));
  g_assert_nonnull (de_zh);
  g_assert_cmpfloat (de_zh->value, >, 4e12);
  g_assert_nonnull (sh);
  g_assert_cmpstr (sh->subject, ==, "Shanghai");
  g_assert_nonnull (area);
  g_assert_cmpfloat (area->value, >, 4e4);
  /* Several cities, or a country and a state, of one name: no answer. */
  g_assert_null (vera_plausibility_lookup (table, "Springfield", "population"));
  g_assert_null (vera_plausibility_lookup (table, "Georgia", "population"));
  g_assert_nonnull (vera_plausibility_lookup (table, "Georgien", "population"));
  g_assert_null (vera_plausibility_lookup (table, "Atlantis", "population"));
}

static void
test_totals (void)
{
  static const Row rows[] = {
    { VERA_LANGUAGE_EN, "Italy has a population of 190 million, the minister said.", "population of Italy" },
    { VERA_LANGUAGE_EN, "Canada's economy was worth $7 trillion in 2021.", "GDP of Canada" },
    { VERA_LANGUAGE_EN, "Poland, a country of 12 million people, joined the scheme.", "population of Poland" },
    { VERA_LANGUAGE_EN, "Munich is home to 5 million residents, the mayor said.", "of Munich)" },
    { VERA_LANGUAGE_EN, "Portugal covers an area of 300,000 square kilometres.", "area of Portugal" },
    { VERA_LANGUAGE_EN, "Italy has a population of 59 million, the minister said.", NULL },
    { VERA_LANGUAGE_EN, "Italy has more than 190 million inhabitants, the minister said.", "population of Italy" },
    { VERA_LANGUAGE_EN, "Italy has more than 15 million inhabitants, the minister said.", NULL },
    { VERA_LANGUAGE_DE, "Italien hat weniger als 190 Millionen Einwohner.", NULL },
    { VERA_LANGUAGE_DE, "Italien hat mehr als 190 Millionen Einwohner.", "population of Italy" },
    { VERA_LANGUAGE_EN, "Canada's economy was worth $2.1 trillion in 2023.", NULL },
    { VERA_LANGUAGE_EN, "Munich, a city of 1.5 million people, is growing.", NULL },
    { VERA_LANGUAGE_EN, "Portugal covers an area of 92,000 square kilometres.", NULL },
    { VERA_LANGUAGE_DE, "Polen hat 120 Millionen Einwohner, sagte der Sprecher.", "population of Poland" },
    { VERA_LANGUAGE_DE, "Das Bruttoinlandsprodukt Kanadas lag 2022 bei 7 Billionen Dollar.", "GDP of Canada" },
    { VERA_LANGUAGE_DE, "Die Einwohnerzahl Münchens beträgt 5 Millionen.", "of Munich)" },
    { VERA_LANGUAGE_DE, "Die Fläche Portugals beträgt 300.000 Quadratkilometer.", "area of Portugal" },
    { VERA_LANGUAGE_DE, "Polen hat rund 36,6 Millionen Einwohner, sagte der Sprecher.", NULL },
    { VERA_LANGUAGE_DE, "Das Bruttoinlandsprodukt Kanadas lag 2023 bei 2,1 Billionen Dollar.", NULL },
    { VERA_LANGUAGE_DE, "Die Einwohnerzahl Münchens beträgt 1,5 Millionen.", NULL },
    { VERA_LANGUAGE_ZH, "波兰人口为1.2亿。", "population of Poland" },
    { VERA_LANGUAGE_ZH, "2022年加拿大国内生产总值为7万亿美元。", "GDP of Canada" },
    { VERA_LANGUAGE_ZH, "葡萄牙国土面积为30万平方公里。", "area of Portugal" },
    { VERA_LANGUAGE_ZH, "四川省常住人口为2.6亿。", "population of Sichuan" },
    { VERA_LANGUAGE_ZH, "波兰只有1000万人口。", "population of Poland" },
    { VERA_LANGUAGE_ZH, "波兰人口约为3660万。", NULL },
    { VERA_LANGUAGE_ZH, "2023年加拿大国内生产总值为2.1万亿美元。", NULL },
    { VERA_LANGUAGE_ZH, "四川省常住人口为8300万。", NULL },
    { VERA_LANGUAGE_ZH, "2023年中国国内生产总值约为126万亿元。", NULL },
  };
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();

  run_rows (table, rows, G_N_ELEMENTS (rows));
}

static void
test_hedges (void)
{
  static const Row rows[] = {
    /* Changes, forecasts, comparisons, other measures and parts. */
    { VERA_LANGUAGE_EN, "Canada's economy grew by $90 billion last year.", NULL },
    { VERA_LANGUAGE_EN, "Canada's GDP per capita was $53,000 in 2023.", NULL },
    { VERA_LANGUAGE_EN, "Italy's population could fall to 45 million by 2070.", NULL },
    { VERA_LANGUAGE_EN, "Italy has 14 million people aged over 65.", NULL },
    { VERA_LANGUAGE_EN, "In 1960, China's GDP was $60 billion.", NULL },
    /* A scale the number grammar does not read ("m") gives a tiny figure: not held. */
    { VERA_LANGUAGE_EN, "Italy has 59m inhabitants, the minister said.", NULL },
    { VERA_LANGUAGE_EN, "The US economy is worth $27 trillion, Germany's $4.5 trillion.", NULL },
    { VERA_LANGUAGE_EN, "They have 4 million children, Bush said of George's 15 million people.", NULL },
    { VERA_LANGUAGE_DE, "Polens Wirtschaftsleistung ist um 40 Milliarden Dollar gewachsen.", NULL },
    { VERA_LANGUAGE_DE, "Polen hat 2 Millionen Einwohner mit ukrainischem Pass.", NULL },
    { VERA_LANGUAGE_DE, "Das Bruttoinlandsprodukt pro Kopf lag in Kanada bei 53.000 Dollar.", NULL },
    { VERA_LANGUAGE_ZH, "加拿大人均国内生产总值为5.3万美元。", NULL },
    /* A part of the whole, named by a word between the place and the whole's word. */
    { VERA_LANGUAGE_EN, "Canada's Muslim population is 1.8 million, the study found.", NULL },
    { VERA_LANGUAGE_EN, "Canada's digital economy was worth $100 billion in 2023.", NULL },
    { VERA_LANGUAGE_EN, "Portugal's forest area is 32,000 square kilometres.", NULL },
    { VERA_LANGUAGE_DE, "Die muslimische Bevölkerung Kanadas umfasst 1,8 Millionen Menschen.", NULL },
    { VERA_LANGUAGE_DE, "Die Waldfläche Portugals beträgt 32.000 Quadratkilometer.", NULL },
    { VERA_LANGUAGE_ZH, "葡萄牙森林面积为3.2万平方公里。", NULL },
    { VERA_LANGUAGE_EN, "Canada has 1.8 million Muslim inhabitants.", NULL },
    { VERA_LANGUAGE_ZH, "波兰农村人口为1500万。", NULL },
    { VERA_LANGUAGE_ZH, "预计到2070年，意大利人口将降至4500万。", NULL },
  };
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();

  run_rows (table, rows, G_N_ELEMENTS (rows));
}

static void
test_ambiguous (void)
{
  static const Row rows[] = {
    { VERA_LANGUAGE_EN, "Georgia has 40 million residents, the governor said.", NULL },
    { VERA_LANGUAGE_EN, "Springfield has 3 million residents, the mayor said.", NULL },
    { VERA_LANGUAGE_EN, "Córdoba has a population of 9 million.", NULL },
    { VERA_LANGUAGE_EN, "Victoria has 20 million residents.", NULL },
    { VERA_LANGUAGE_DE, "Córdoba hat 9 Millionen Einwohner.", NULL },
    { VERA_LANGUAGE_DE, "Springfield hat 3 Millionen Einwohner.", NULL },
    /* Named with its country, Córdoba is one city. */
    { VERA_LANGUAGE_EN, "Córdoba, Spain, has a population of 3 million.", "of Córdoba)" },
    /* Georgien is only the country. */
    { VERA_LANGUAGE_DE, "Georgien hat 40 Millionen Einwohner.", "population of Georgia" },
  };
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();

  run_rows (table, rows, G_N_ELEMENTS (rows));
}

static void
test_shares (void)
{
  static const Row rows[] = {
    { VERA_LANGUAGE_EN, "The scheme reaches 130% of residents of Munich.", "130%" },
    { VERA_LANGUAGE_EN, "The scheme reaches 80% of residents of Munich.", NULL },
    { VERA_LANGUAGE_DE, "Das Angebot erreicht 130 Prozent der Einwohner Münchens.", "130 Prozent" },
    { VERA_LANGUAGE_DE, "Das Angebot erreicht 80 Prozent der Einwohner Münchens.", NULL },
    { VERA_LANGUAGE_ZH, "该服务覆盖了130%的居民。", "130%" },
    { VERA_LANGUAGE_ZH, "该服务覆盖了80%的居民。", NULL },
    { VERA_LANGUAGE_ZH, "该服务覆盖了人口的130%。", "130%" },
    /* A count of a city's people larger than the city (and its agglomeration). */
    { VERA_LANGUAGE_EN, "The app now serves 9 million residents of Munich.", "of Munich)" },
    { VERA_LANGUAGE_DE, "Täglich fahren 9 Millionen Bewohner Münchens mit dem Bus.", "of Munich)" },
    { VERA_LANGUAGE_ZH, "慕尼黑有900万居民使用该应用。", "of Munich)" },
    { VERA_LANGUAGE_EN, "The app now serves 900,000 residents of Munich.", NULL },
  };
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();

  run_rows (table, rows, G_N_ELEMENTS (rows));
}

static void
test_reason (void)
{
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  g_autoptr(GPtrArray) bad = check (table, "Germany had 250 million inhabitants in 2023.", NULL);
  g_autoptr(GPtrArray) city = check (table, "Hamburg is home to 7 million residents.", NULL);
  const VeraImplausible *f;

  g_assert_cmpuint (bad->len, ==, 1);
  f = bad->pdata[0];
  g_assert_cmpstr (f->text, ==, "250 million inhabitants");
  g_assert_cmpstr (f->reason, ==, "article: 250 million inhabitants; World Bank 2023: 83.3 million "
                                  "(population of Germany)");
  g_assert_nonnull (f->reference);
  g_assert_cmpint (f->reference->year, ==, 2023);
  g_assert_cmpfloat (fabs (f->reference->value - 83287273), <, 1);
  g_assert_cmpstr (f->reference->url, ==, "https://data.worldbank.org/indicator/SP.POP.TOTL");

  /* A city is held against the larger of city and agglomeration; GeoNames gives no year. */
  g_assert_cmpuint (city->len, ==, 1);
  f = city->pdata[0];
  g_assert_nonnull (f->reference);
  g_assert_nonnull (strstr (f->reason, "(population of Hamburg)"));
  g_assert_cmpstr (f->reference->url, ==, "https://www.geonames.org/2911298");
}

static void
test_default_subject (void)
{
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  const char *article = "Mumbai's trains are full. Mumbai plans more lines. Delhi watches.";
  const char *subject = vera_plausibility_guess_subject (table, article, strlen (article));
  const VeraReferenceFigure *ref;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) fine = NULL;
  g_autoptr(GPtrArray) share = NULL;

  g_assert_nonnull (subject);
  ref = vera_plausibility_lookup (table, subject, "population");
  g_assert_nonnull (ref);
  g_assert_cmpstr (ref->subject, ==, "Mumbai");
  bad = check (table, "Over 80 million residents use the new card.", subject);
  g_assert_cmpuint (bad->len, ==, 1);
  fine = check (table, "Over 8 million residents use the new card.", subject);
  g_assert_cmpuint (fine->len, ==, 0);
  share = check (table, "The scheme reaches 120% of residents.", subject);
  g_assert_cmpuint (share->len, ==, 1);
  g_assert_nonnull (((VeraImplausible *) share->pdata[0])->reference);
}

static void
test_project_figures (void)
{
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(GPtrArray) overridden = NULL;
  const char *json = "{\"figures\": [{\"subject\": \"Valmora\", \"aliases\": [\"Valmora City\"], "
                     "\"measure\": \"population\", \"value\": 1300000, \"year\": 2022, "
                     "\"source\": \"Valmora statistics office\"}]}";
  const char *hamburg = "[{\"subject\": \"Hamburg\", \"measure\": \"population\", "
                        "\"value\": 5000000, \"year\": 2030, \"source\": \"Our own count\"}]";

  g_assert_true (vera_plausibility_add_json (table, json, -1, &error));
  g_assert_no_error (error);
  bad = check (table, "Some 2 million Valmora residents signed up.", NULL);
  g_assert_cmpuint (bad->len, ==, 1);
  g_assert_cmpint (((VeraImplausible *) bad->pdata[0])->reference->year, ==, 2022);

  /* The project's figure overrides the shipped one. */
  shipped = check (table, "Hamburg is home to 5 million residents.", NULL);
  g_assert_cmpuint (shipped->len, ==, 1);
  g_assert_true (vera_plausibility_add_json (table, hamburg, -1, &error));
  overridden = check (table, "Hamburg is home to 5 million residents.", NULL);
  g_assert_cmpuint (overridden->len, ==, 0);
  g_assert_cmpstr (vera_plausibility_lookup (table, "Hamburg", "population")->source, ==,
                   "Our own count");

  g_assert_false (vera_plausibility_add_json (table, "{\"figures\": [{\"subject\": \"X\"}]}", -1,
                                              &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (vera_plausibility_add_json (table, "[1, 2", -1, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (vera_plausibility_add_json (table, "{\"figures\": [{\"subject\": \"X\", "
                                              "\"value\": -4, \"source\": \"s\"}]}", -1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/plausibility/table", test_table);
  g_test_add_func ("/vera/plausibility/totals", test_totals);
  g_test_add_func ("/vera/plausibility/hedges", test_hedges);
  g_test_add_func ("/vera/plausibility/ambiguous", test_ambiguous);
  g_test_add_func ("/vera/plausibility/shares", test_shares);
  g_test_add_func ("/vera/plausibility/reason", test_reason);
  g_test_add_func ("/vera/plausibility/default-subject", test_default_subject);
  g_test_add_func ("/vera/plausibility/project-figures", test_project_figures);
  return g_test_run ();
}
