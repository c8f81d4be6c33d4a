/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vera-plausibility.h"
#include "vera-quantities.h"
#include "vera-test-util.h"

static GPtrArray *
check (VeraPlausibility *table,
       const char       *sentence,
       const char       *default_subject)
{
  g_autoptr(GPtrArray) qs = vera_quantities_extract (sentence, strlen (sentence));

  return vera_plausibility_check (table, sentence, strlen (sentence), qs, default_subject);
}

static void
test_builtin (void)
{
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  const VeraReferenceFigure *tokyo = vera_plausibility_lookup (table, "tokyo", "population");
  const VeraReferenceFigure *nyc = vera_plausibility_lookup (table, "NYC", "population");

  g_assert_nonnull (tokyo);
  g_assert_cmpfloat (tokyo->value, >, 1e7);
  g_assert_cmpint (tokyo->year, >=, 2000);
  g_assert_nonnull (tokyo->source);
  g_assert_nonnull (nyc);
  g_assert_cmpstr (nyc->subject, ==, "New York City");
  g_assert_null (vera_plausibility_lookup (table, "Atlantis", "population"));
}

static void
test_residents (void)
{
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  g_autoptr(GPtrArray) bad = check (table, "The app now serves 30 million residents of Tokyo.", NULL);
  g_autoptr(GPtrArray) also_bad = check (table, "Chicago's 4.1 million citizens voted.", NULL);
  g_autoptr(GPtrArray) fine = check (table, "The app serves 89% of residents in Tokyo.", NULL);
  g_autoptr(GPtrArray) fine_count = check (table, "About 3 million people in Tokyo ride the metro.", NULL);
  g_autoptr(GPtrArray) not_people = check (table, "Tokyo has 30 million bicycles.", NULL);
  g_autoptr(GPtrArray) grown = check (table, "Tokyo's 14.5 million residents voted.", NULL);
  g_autoptr(GPtrArray) demonym = check (table, "The app has signed up 12 million Londoners.", NULL);
  const VeraImplausible *f;

  g_assert_cmpuint (bad->len, ==, 1);
  f = bad->pdata[0];
  g_assert_cmpstr (f->text, ==, "30 million residents");
  g_assert_nonnull (f->reference);
  g_assert_cmpstr (f->reference->subject, ==, "Tokyo");
  g_assert_nonnull (strstr (f->reason, "14,047,594"));
  g_assert_cmpuint (also_bad->len, ==, 1);
  g_assert_cmpuint (fine->len, ==, 0);
  g_assert_cmpuint (fine_count->len, ==, 0);
  g_assert_cmpuint (not_people->len, ==, 0);
  /* A little above the census is growth, not an impossibility. */
  g_assert_cmpuint (grown->len, ==, 0);
  g_assert_cmpuint (demonym->len, ==, 1);
  g_assert_cmpstr (((VeraImplausible *) demonym->pdata[0])->reference->subject, ==, "London");
}

static void
test_default_subject (void)
{
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  const char *article = "Mumbai's trains are full. Mumbai plans more lines. Delhi watches.";
  const char *subject = vera_plausibility_guess_subject (table, article, strlen (article));
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) share = NULL;

  g_assert_cmpstr (subject, ==, "Mumbai");
  bad = check (table, "Over 20 million residents use the new card.", subject);
  g_assert_cmpuint (bad->len, ==, 1);
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
  const char *json = "{\"figures\": [{\"subject\": \"Valmora\", \"aliases\": [\"Valmora City\"], "
                     "\"measure\": \"population\", \"value\": 1300000, \"year\": 2022, "
                     "\"source\": \"Valmora statistics office\"}]}";

  g_assert_true (vera_plausibility_add_json (table, json, -1, &error));
  g_assert_no_error (error);
  bad = check (table, "Some 2 million Valmora residents signed up.", NULL);
  g_assert_cmpuint (bad->len, ==, 1);
  g_assert_cmpint (((VeraImplausible *) bad->pdata[0])->reference->year, ==, 2022);

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
  g_test_add_func ("/vera/plausibility/builtin", test_builtin);
  g_test_add_func ("/vera/plausibility/residents", test_residents);
  g_test_add_func ("/vera/plausibility/default-subject", test_default_subject);
  g_test_add_func ("/vera/plausibility/project-figures", test_project_figures);
  return g_test_run ();
}
