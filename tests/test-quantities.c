/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "vera-quantities.h"
#include "vera-test-util.h"

typedef struct
{
  const char *sentence;
  const char *text;       /* the figure expected among the results */
  double      value;
  double      value_to;   /* 0 means "no range" */
  const char *unit;
  const char *noun;
  const char *qualifier;
  const char *scope;
} Case;

/* Sentences written for these tests, with the figures they must yield. */
static const Case cases[] = {
  /* Decimals are not years; glued codes; negated qualifiers; spaced compounds; currencies
   * after the number or by country; Indian grouping. */
  { "The carrier booked $21.3 billion in orders.", "$21.3 billion", 21.3e9, 0, "USD", NULL, NULL, NULL },
  { "The city has 20.5 million residents.", "20.5 million residents", 20.5e6, 0, "count", "residents", NULL, NULL },
  { "The insurer set aside USD92.4 million for claims.", "USD92.4 million", 92.4e6, 0, "USD", NULL, NULL, NULL },
  { "Fees may rise by no more than 5% a year.", "5%", 5, 0, "percent", NULL, "no more than", "a year" },
  { "The scheme reaches no fewer than 300 schools.", "300 schools", 300, 0, "count", "schools", "at least", NULL },
  { "Volunteers planted thirty five hectares of forest.", "thirty five hectares", 35, 0, "ha", NULL, NULL, NULL },
  { "Donors gave seventy five thousand dollars.", "seventy five thousand dollars", 75000, 0, "USD", NULL, NULL, NULL },
  { "The mine was sold for 80 million Australian dollars.", "80 million Australian dollars", 80e6, 0, "AUD", NULL, NULL, NULL },
  { "Entry to the museum costs 10 € on weekdays.", "10 €", 10, 0, "EUR", NULL, NULL, NULL },
  { "The district collected 45,67,890 rupees in tolls.", "45,67,890 rupees", 4567890, 0, "INR", NULL, NULL, NULL },
  { "Ships moved 12.6 million TEU through the strait.", "12.6 million TEU", 12.6e6, 0, "TEU", NULL, NULL, NULL },
  { "Nairobi's tech district hosts more than 2,300 software companies.", "2,300 software companies",
    2300, 0, "count", "software companies", "more than", NULL },
  { "The utility spent £3.2m on repairs in 2023.", "£3.2m", 3.2e6, 0, "GBP", NULL, NULL, "in 2023" },
  { "Revenue reached 1.5bn euros last quarter.", "1.5bn euros", 1.5e9, 0, "EUR", NULL, NULL,
    "last quarter" },
  { "Unemployment stood at 40 per cent among young men.", "40 per cent", 40, 0, "percent", NULL,
    NULL, NULL },
  { "Nearly a third of households own a car.", "a third", 100.0 / 3, 0, "percent", NULL, "nearly",
    NULL },
  { "One-third of the budget goes to schools.", "One-third", 100.0 / 3, 0, "percent", NULL, NULL,
    NULL },
  { "Each site hosts 2,000-3,000 visitors daily.", "2,000-3,000 visitors", 2000, 3000, "count",
    "visitors", NULL, "daily" },
  { "Approval fell from 62% to 41% since 2019.", "62% to 41%", 62, 41, "percent", NULL, NULL,
    "since 2019" },
  { "The lake shrank by -4.5% and the reserve lost between 3 and 5 million litres.",
    "-4.5%", -4.5, 0, "percent", NULL, NULL, NULL },
  { "The lake shrank by -4.5% and the reserve lost between 3 and 5 million litres.",
    "3 and 5 million litres", 3e6, 5e6, "l", NULL, NULL, NULL },
  { "The fund invested US$750 million by 2030, the ministry said.", "US$750 million", 7.5e8, 0,
    "USD", NULL, NULL, "by 2030" },
  { "Investors poured RMB 50 billion into chip plants.", "RMB 50 billion", 5e10, 0, "CNY", NULL,
    NULL, NULL },
  { "A ¥1.2 trillion stimulus was approved.", "¥1.2 trillion", 1.2e12, 0, "CNY", NULL, NULL, NULL },
  { "The Japanese plan costs ¥800 billion.", "¥800 billion", 8e11, 0, "JPY", NULL, NULL, NULL },
  { "The wind farm adds 450 MW of capacity.", "450 MW", 450, 0, "MW", NULL, NULL, NULL },
  { "The reserve covers 1,200 km² of wetland.", "1,200 km²", 1200, 0, "km2", NULL, NULL, NULL },
  { "The new 2nm process ships in 2027.", "2nm", 2, 0, "nm", NULL, NULL, "in 2027" },
  { "Researchers ran a 1,121-qubit processor.", "1,121-qubit", 1121, 0, "qubit", NULL, NULL, NULL },
  { "Exports grew 2.5 percentage points this year.", "2.5 percentage points", 2.5, 0,
    "percentage-points", NULL, NULL, "this year" },
  { "The port handles up to 40,000 containers per day.", "40,000 containers", 40000, 0, "count",
    "containers", "up to", "per day" },
  { "Three hospitals closed.", "Three hospitals", 3, 0, "count", "hospitals", NULL, NULL },
  { "The university ranks 7 nationally and sits in the world's top 50.", "7", 7, 0, "rank", NULL,
    NULL, NULL },
  { "The university ranks 7 nationally and sits in the world's top 50.", "50", 50, 0, "rank", NULL,
    "top", NULL },
  { "It is the country's third-largest bank.", "third-largest", 3, 0, "rank", NULL, NULL, NULL },
  { "Prices rose 12% annually.", "12%", 12, 0, "percent", NULL, NULL, "annually" },
  { "Temperatures hit 41.5°C on the coast.", "41.5°C", 41.5, 0, "degC", NULL, NULL, NULL },
  { "The year was 1.48C warmer than the baseline.", "1.48C", 1.48, 0, "degC", NULL, NULL, NULL },
  { "The mill makes 500,000 tonnes a year and employs 3,400 workers.", "3,400 workers", 3400, 0,
    "count", "workers", NULL, NULL },
  { "The console weighs 8.4 pounds.", "8.4 pounds", 8.4, 0, "lb", NULL, NULL, NULL },
  { "The club paid 40 million pounds for him.", "40 million pounds", 4e7, 0, "GBP", NULL, NULL, NULL },
  { "At least 15,000 nurses left the service.", "15,000 nurses", 15000, 0, "count", "nurses",
    "at least", NULL },
};

/* Sentences in which nothing is a figure. */
static const char * const no_figures[] = {
  "Call 0800 123 4567 for details.",
  "Ring +1 555-123-4567 before noon.",
  "Our desk is on (020) 7946 0958.",
  "The file is at https://example.org/a%20b%282021%29.pdf now.",
  "The board met on 14 March 2024.",
  "Version 2.1.3 fixed the crash.",
  "Chapter 1: The Harbour Years",
  "The summit opens in 2026.",
  "One of the founders left.",
  "The shop is open 24/7 and sells 5G phones.",
  "It joined the Fortune 500 list in the 1990s.",
  "COVID-19 changed the city.",
  "The Xbox One X plays games in native 4K.",
  "Formula One returns to the city.",
  "",
};

static void
test_cases (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const Case *k = &cases[c];
      g_autoptr(GPtrArray) qs = vera_quantities_extract (k->sentence, strlen (k->sentence));
      const VeraQuantity *q = NULL;

      for (guint i = 0; i < qs->len && q == NULL; i++)
        if (g_strcmp0 (((VeraQuantity *) qs->pdata[i])->text, k->text) == 0)
          q = qs->pdata[i];
      if (q == NULL)
        {
          vera_test_fail_row ("row %u «%s»: expected the figure «%s», got %u figures%s%s", c,
                              k->sentence, k->text, qs->len, qs->len > 0 ? ", first " : "",
                              qs->len > 0 ? ((VeraQuantity *) qs->pdata[0])->text : "");
          continue;
        }
      vera_test_row_double (c, k->sentence, "value", k->value, q->value,
                            fabs (k->value) * 1e-9 + 1e-9);
      vera_test_row_double (c, k->sentence, "value_to", k->value_to != 0 ? k->value_to : NAN,
                            q->value_to, fabs (k->value_to) * 1e-9);
      vera_test_row_str (c, k->sentence, "unit", k->unit, q->unit);
      vera_test_row_str (c, k->sentence, "noun", k->noun, q->noun);
      vera_test_row_str (c, k->sentence, "qualifier", k->qualifier, q->qualifier);
      vera_test_row_str (c, k->sentence, "scope", k->scope, q->scope);
    }
}

static void
test_no_figures (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (no_figures); c++)
    {
      g_autoptr(GPtrArray) qs = vera_quantities_extract (no_figures[c], strlen (no_figures[c]));

      if (qs->len != 0)
        vera_test_fail_row ("row %u «%s»: expected no figure, got «%s»", c, no_figures[c],
                            ((VeraQuantity *) qs->pdata[0])->text);
    }
}

static void
test_offsets (void)
{
  const char *s = "Über 4 Städte: 30 km² und 5%.";
  g_autoptr(GPtrArray) qs = vera_quantities_extract (s, strlen (s));
  const VeraQuantity *q;

  g_assert_cmpuint (qs->len, >=, 2);
  q = qs->pdata[qs->len - 2];
  g_assert_cmpstr (q->text, ==, "30 km²");
  /* Code points, not bytes: "Über 4 Städte: " is 15 characters. */
  g_assert_cmpuint (q->start, ==, 15);
  g_assert_cmpuint (q->end, ==, 21);
}

static void
test_scopes (void)
{
  const char *s = "Sales doubled since 2020 and rose 4% year-on-year, with 300 stores opened last month.";
  g_auto(GStrv) scopes = vera_quantities_find_scopes (s, strlen (s));

  g_assert_cmpuint (g_strv_length (scopes), ==, 3);
  g_assert_cmpstr (scopes[0], ==, "since 2020");
  g_assert_cmpstr (scopes[1], ==, "year-on-year");
  g_assert_cmpstr (scopes[2], ==, "last month");
}

static void
test_hostile (void)
{
  const char bad[] = "\xff\xfe 12\xc3 $ 5 \xe2\x82 -- 1,,000 . % 99999999999999999999999999999 bn";
  g_autoptr(GPtrArray) qs = vera_quantities_extract (bad, sizeof bad - 1);
  g_autoptr(GString) big = g_string_new (NULL);
  g_autoptr(GPtrArray) many = NULL;

  g_assert_nonnull (qs);
  for (guint i = 0; i < 2000; i++)
    g_string_append (big, "$1 - ");
  many = vera_quantities_extract (big->str, big->len);
  g_assert_cmpuint (many->len, >, 0);
}

/* The pipeline hands in slices of the article that are not NUL-terminated: what follows the
 * slice must not change the result. */
static void
test_bounded (void)
{
  const char *article = "It has one representing body and 2020 members. Later - a new-look 1990 - era.";
  gsize len = strchr (article, '.') - article + 1;
  g_autofree char *copy = g_strndup (article, len);
  g_autoptr(GPtrArray) in_place = vera_quantities_extract (article, len);
  g_autoptr(GPtrArray) alone = vera_quantities_extract (copy, len);

  g_assert_cmpuint (in_place->len, ==, alone->len);
  for (guint i = 0; i < in_place->len; i++)
    g_assert_true (vera_quantity_equal (in_place->pdata[i], alone->pdata[i]));
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/quantities/cases", test_cases);
  g_test_add_func ("/vera/quantities/no-figures", test_no_figures);
  g_test_add_func ("/vera/quantities/offsets", test_offsets);
  g_test_add_func ("/vera/quantities/scopes", test_scopes);
  g_test_add_func ("/vera/quantities/hostile", test_hostile);
  g_test_add_func ("/vera/quantities/bounded", test_bounded);
  return g_test_run ();
}
