/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fact-archive"

#include "config.h"

#include <string.h>

#include "vera-fact-archive.h"
#include "vera-test-util.h"

/* The offline archive of fact-checks: import of every ClaimReview shape (and of broken files:
 * a clear error, nothing stored), re-import, and matching across English, German and Chinese
 * (words, two-character Chinese words, figures, places, names). The fixtures are written here. */

static char *
write_file (const char *name,
            const char *contents)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static VeraFactArchive *
new_archive (void)
{
  g_autoptr(GError) error = NULL;
  VeraFactArchive *archive = vera_fact_archive_new_temporary (&error);

  g_assert_no_error (error);
  return archive;
}

static gboolean
import_text (VeraFactArchive  *archive,
             const char       *name,
             const char       *contents,
             guint            *n,
             GError          **error)
{
  g_autofree char *path = write_file (name, contents);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return vera_fact_archive_import_file (archive, file, NULL, NULL, n, NULL, error);
}

static void
import_ok (VeraFactArchive *archive,
           const char      *name,
           const char      *contents,
           guint            expected)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_assert_true (import_text (archive, name, contents, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, expected);
}

#define REVIEW_A \
  "{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\"," \
  " \"url\": \"https://checks.example.org/ferry-tolls\"," \
  " \"claimReviewed\": \"The island ferry doubled its tolls in one winter\"," \
  " \"headline\": \"No, the ferry did not double its tolls\"," \
  " \"datePublished\": \"2023-02-11\", \"inLanguage\": \"en\"," \
  " \"author\": {\"@type\": \"Organization\", \"name\": \"Harbour Check\"}," \
  " \"itemReviewed\": {\"@type\": \"Claim\", \"author\": {\"@type\": \"Person\"," \
  "   \"name\": \"Mira Holt\"}}," \
  " \"reviewRating\": {\"@type\": \"Rating\", \"alternateName\": \"False\"," \
  "   \"ratingValue\": 1, \"bestRating\": 5, \"worstRating\": 1}}"
#define REVIEW_B \
  "{\"@type\": \"ClaimReview\", \"identifier\": \"hc-0042\"," \
  " \"claimReviewed\": \"Die Stadtbibliothek schließt alle Filialen am Sonntag\"," \
  " \"inLanguage\": {\"@type\": \"Language\", \"alternateName\": \"de\"}," \
  " \"publisher\": {\"name\": \"Faktenwerk\"}," \
  " \"reviewRating\": {\"alternateName\": \"Falsch\"}}"
#define REVIEW_C \
  "{\"@type\": \"ClaimReview\", \"url\": \"https://checks.example.org/zh/tea\"," \
  " \"claimReviewed\": \"茶叶出口去年增长了三倍\", \"inLanguage\": \"zh\"," \
  " \"author\": {\"name\": \"核查台\"}, \"reviewRating\": {\"alternateName\": \"错误\"}}"

static void
test_import_single (void)
{
  g_autoptr(VeraFactArchive) archive = new_archive ();
  g_autoptr(VeraFactReview) review = NULL;

  import_ok (archive, "one.json", REVIEW_A, 1);
  review = vera_fact_archive_lookup (archive, "https://checks.example.org/ferry-tolls");
  g_assert_nonnull (review);
  g_assert_cmpstr (review->claim, ==, "The island ferry doubled its tolls in one winter");
  g_assert_cmpstr (review->headline, ==, "No, the ferry did not double its tolls");
  g_assert_cmpstr (review->rating, ==, "False");
  g_assert_cmpint (review->status, ==, VERA_STATUS_CONTRADICTED);
  g_assert_cmpstr (review->publisher, ==, "Harbour Check");
  g_assert_cmpstr (review->claimant, ==, "Mira Holt");
  g_assert_cmpstr (review->date, ==, "2023-02-11");
  g_assert_cmpstr (review->language, ==, "en");
  g_assert_cmpstr (review->source, ==, "one.json");
}

static void
test_import_shapes (void)
{
  struct { const char *name, *text; guint n; } shapes[] = {
    { "array.json", "[" REVIEW_A "," REVIEW_B "," REVIEW_C "]", 3 },
    { "graph.jsonld", "{\"@context\": \"https://schema.org\", \"@graph\": [" REVIEW_A ","
      " {\"@type\": \"WebPage\", \"name\": \"About us\"}," REVIEW_B "]}", 2 },
    { "feed.json", "{\"@context\": \"https://schema.org\", \"@type\": \"DataFeed\","
      " \"dataFeedElement\": [{\"@type\": \"DataFeedItem\", \"item\": [" REVIEW_A "]},"
      " {\"@type\": \"DataFeedItem\", \"item\": [" REVIEW_B "," REVIEW_C "]}]}", 3 },
    { "lines.jsonl", REVIEW_A "\n\n" REVIEW_C "\n", 2 },
    /* A CheckThat! collection, with a quoted field over two lines. */
    { "checkthat.tsv", "\tvclaim\ttitle\n"
      "7\tGulls steal more chips in August\tDo Gulls Steal More Chips?\n"
      "8\t\"Account of a ferry captain\nwho swam home\"\t\"The \"\"Swimming\"\" Captain\"\n", 2 },
    /* What `vera-check export -f claimreview` writes: no headline, rating on Vera's 1–5. */
    { "vera-export.json", "[{\"@context\": \"https://schema.org\", \"@type\": \"ClaimReview\","
      " \"url\": \"https://desk.example.net/p/7#claim-3\","
      " \"claimReviewed\": \"Die Fähre verdoppelte die Preise\", \"inLanguage\": \"de\","
      " \"datePublished\": \"2024-05-01T10:00:00Z\","
      " \"author\": {\"@type\": \"Person\", \"name\": \"J. Weber\"},"
      " \"reviewRating\": {\"@type\": \"Rating\", \"alternateName\": \"False\","
      "  \"ratingValue\": 1, \"bestRating\": 5, \"worstRating\": 1},"
      " \"itemReviewed\": {\"@type\": \"Claim\", \"appearance\": [{\"@type\": "
      "  \"CreativeWork\", \"headline\": \"Ein Artikel\"}]}}]", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(VeraFactArchive) archive = new_archive ();
      g_autoptr(GError) error = NULL;
      guint n = 0;

      if (!import_text (archive, shapes[i].name, shapes[i].text, &n, &error))
        {
          vera_test_fail_row ("%s: %s", shapes[i].name, error->message);
          continue;
        }
      vera_test_row_uint (i, shapes[i].name, "imported", shapes[i].n, n);
      vera_test_row_uint (i, shapes[i].name, "stored", shapes[i].n,
                          vera_fact_archive_get_n_reviews (archive));
    }
  {
    g_autoptr(VeraFactArchive) archive = new_archive ();
    g_autoptr(VeraFactReview) b = NULL;
    g_autoptr(VeraFactReview) c = NULL;

    import_ok (archive, "array.json", shapes[0].text, 3);
    b = vera_fact_archive_lookup (archive, "hc-0042");
    c = vera_fact_archive_lookup (archive, "https://checks.example.org/zh/tea");
    g_assert_nonnull (b);
    g_assert_nonnull (c);
    g_assert_cmpstr (b->language, ==, "de");
    g_assert_cmpstr (b->publisher, ==, "Faktenwerk");
    g_assert_cmpint (b->status, ==, VERA_STATUS_CONTRADICTED);
    g_assert_cmpint (c->status, ==, VERA_STATUS_CONTRADICTED);
  }
  {
    g_autoptr(VeraFactArchive) archive = new_archive ();
    g_autoptr(VeraFactReview) quoted = NULL;

    import_ok (archive, "checkthat.tsv", shapes[4].text, 2);
    quoted = vera_fact_archive_lookup (archive, "8");
    g_assert_nonnull (quoted);
    g_assert_cmpstr (quoted->claim, ==, "Account of a ferry captain\nwho swam home");
    g_assert_cmpstr (quoted->headline, ==, "The \"Swimming\" Captain");
  }
}

static void
test_import_broken (void)
{
  struct { const char *name, *text; int code; const char *where; } broken[] = {
    { "cut.json", "[" REVIEW_A "," REVIEW_B, VERA_FACT_ARCHIVE_ERROR_PARSE, "cut.json" },
    { "garbage.json", "[" REVIEW_A "] trailing", VERA_FACT_ARCHIVE_ERROR_PARSE, "garbage.json" },
    { "hollow.json", "[" REVIEW_A ", {\"@type\": \"ClaimReview\", \"url\": \"https://x.example/"
      "2\"}]", VERA_FACT_ARCHIVE_ERROR_INVALID, "ClaimReview 2" },
    { "badline.jsonl", REVIEW_A "\n{\"@type\": \"ClaimReview\", \n", VERA_FACT_ARCHIVE_ERROR_PARSE,
      "line 2" },
    { "nothing.json", "{\"@type\": \"WebPage\", \"name\": \"Home\"}",
      VERA_FACT_ARCHIVE_ERROR_EMPTY, "nothing.json" },
    { "empty.json", "", VERA_FACT_ARCHIVE_ERROR_PARSE, "empty.json" },
    { "open-quote.tsv", "\tvclaim\ttitle\n7\tGulls\tx\n8\t\"Never closed\tt\n",
      VERA_FACT_ARCHIVE_ERROR_PARSE, "line 3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autoptr(VeraFactArchive) archive = new_archive ();
      g_autoptr(GError) error = NULL;
      guint n = 0;

      /* One review in before, so that "nothing imported" means it stays the only one. */
      import_ok (archive, "before.json", REVIEW_C, 1);
      if (import_text (archive, broken[i].name, broken[i].text, &n, &error))
        {
          vera_test_fail_row ("%s: imported, expected an error", broken[i].name);
          continue;
        }
      g_test_message ("%s: %s", broken[i].name, error->message);
      if (!g_error_matches (error, VERA_FACT_ARCHIVE_ERROR, broken[i].code))
        vera_test_fail_row ("%s: error code %d, expected %d (%s)", broken[i].name, error->code,
                            broken[i].code, error->message);
      if (strstr (error->message, broken[i].name) == NULL ||
          strstr (error->message, broken[i].where) == NULL)
        vera_test_fail_row ("%s: the message does not say “%s”: %s", broken[i].name,
                            broken[i].where, error->message);
      vera_test_row_uint (i, broken[i].name, "reviews after", 1,
                          vera_fact_archive_get_n_reviews (archive));
    }
}

static void
test_reimport_updates (void)
{
  g_autoptr(VeraFactArchive) archive = new_archive ();
  g_autoptr(VeraFactReview) by_url = NULL;
  g_autoptr(VeraFactReview) by_id = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(GError) error = NULL;

  import_ok (archive, "v1.json", "[" REVIEW_A "," REVIEW_B "]", 2);
  import_ok (archive, "v2.json",
             "[{\"@type\": \"ClaimReview\", \"url\": \"https://checks.example.org/ferry-tolls\","
             " \"claimReviewed\": \"The island ferry raised its tolls by a third\","
             " \"reviewRating\": {\"alternateName\": \"Mostly true\"}},"
             " {\"@type\": \"ClaimReview\", \"identifier\": \"hc-0042\","
             " \"claimReviewed\": \"Die Stadtbibliothek öffnet sonntags\","
             " \"reviewRating\": {\"alternateName\": \"Richtig\"}}]", 2);
  g_assert_cmpuint (vera_fact_archive_get_n_reviews (archive), ==, 2);
  by_url = vera_fact_archive_lookup (archive, "https://checks.example.org/ferry-tolls");
  by_id = vera_fact_archive_lookup (archive, "hc-0042");
  g_assert_cmpstr (by_url->claim, ==, "The island ferry raised its tolls by a third");
  g_assert_cmpstr (by_url->rating, ==, "Mostly true");
  g_assert_cmpstr (by_url->source, ==, "v2.json");
  g_assert_cmpstr (by_id->claim, ==, "Die Stadtbibliothek öffnet sonntags");
  /* The index follows: the old words are gone, the new ones found. */
  matches = vera_fact_archive_match (archive, "ferry doubled tolls winter", VERA_LANGUAGE_EN, 5,
                                     &error);
  g_assert_no_error (error);
  for (guint i = 0; i < matches->len; i++)
    {
      VeraFactMatch *m = g_ptr_array_index (matches, i);

      g_assert_cmpstr (m->review->claim, !=, "The island ferry doubled its tolls in one winter");
    }
  g_clear_pointer (&matches, g_ptr_array_unref);
  matches = vera_fact_archive_match (archive, "Bibliothek sonntags", VERA_LANGUAGE_DE, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (matches->len, >=, 1);
  g_assert_cmpstr (vera_fact_review_get_key (((VeraFactMatch *) matches->pdata[0])->review), ==,
                   "hc-0042");
}

/* An archive of look-alike reviews in three languages, for the matching tests. */
static const char match_archive[] =
  "[{\"@type\": \"ClaimReview\", \"url\": \"https://t.example/1\", \"inLanguage\": \"en\","
  "  \"claimReviewed\": \"The port authority spent $48 billion on new cranes\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/2\", \"inLanguage\": \"zh\","
  "  \"claimReviewed\": \"港务局为新起重机花费了480亿美元\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/3\", \"inLanguage\": \"en\","
  "  \"claimReviewed\": \"The port authority spent $12 billion on new cranes\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/4\", \"inLanguage\": \"zh\","
  "  \"claimReviewed\": \"专家说这种疫苗在儿童中引起了副作用\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/5\", \"inLanguage\": \"zh\","
  "  \"claimReviewed\": \"专家说这种苗木在山区种植很成功\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/6\", \"inLanguage\": \"de\","
  "  \"claimReviewed\": \"Der Bürgermeister von Hamburg verbietet Lastenräder in der Altstadt\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/7\", \"inLanguage\": \"de\","
  "  \"claimReviewed\": \"Der Bürgermeister von München verbietet Lastenräder in der Altstadt\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/8\", \"inLanguage\": \"en\","
  "  \"claimReviewed\": \"Senator Olivia Brandt voted against the river dredging bill\"},"
  " {\"@type\": \"ClaimReview\", \"url\": \"https://t.example/9\", \"inLanguage\": \"en\","
  "  \"claimReviewed\": \"Senator Thomas Reyes voted against the river dredging bill\"}]";

static void
test_match_table (void)
{
  g_autoptr(VeraFactArchive) archive = new_archive ();
  struct { const char *query; VeraLanguage language; const char *best; const char *not_above;
  } rows[] = {
    /* A two-character Chinese word inside longer text: 疫苗 (vaccine) against 苗木 (seedling). */
    { "疫苗", VERA_LANGUAGE_ZH, "https://t.example/4", "https://t.example/5" },
    { "网上流传疫苗副作用的说法", VERA_LANGUAGE_UND, "https://t.example/4", "https://t.example/5" },
    /* The same figure across languages and wordings; the other figure ranks below. */
    { "港务局花了480亿美元", VERA_LANGUAGE_ZH, "https://t.example/2", "https://t.example/3" },
    { "They say the port authority spent $48 billion on cranes", VERA_LANGUAGE_EN,
      "https://t.example/1", "https://t.example/3" },
    /* A place decides between two otherwise equal German reviews, and in English too. */
    { "In Hamburg sollen Lastenräder verboten werden", VERA_LANGUAGE_DE, "https://t.example/6",
      "https://t.example/7" },
    { "Munich's mayor bans cargo bikes (Lastenräder)", VERA_LANGUAGE_EN, "https://t.example/7",
      "https://t.example/6" },
    /* A name decides between two otherwise equal English reviews. */
    { "Reyes voted against dredging the river", VERA_LANGUAGE_EN, "https://t.example/9",
      "https://t.example/8" },
  };

  import_ok (archive, "table.json", match_archive, 9);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(GPtrArray) matches = NULL;
      g_autoptr(GError) error = NULL;
      int best = -1, other = -1;

      matches = vera_fact_archive_match (archive, rows[i].query, rows[i].language, 5, &error);
      g_assert_no_error (error);
      for (guint m = 0; m < matches->len; m++)
        {
          VeraFactMatch *match = g_ptr_array_index (matches, m);
          const char *url = match->review->url;

          g_test_message ("row %u «%s» %u: %s %g", i, rows[i].query, m, url, match->score);
          if (g_str_equal (url, rows[i].best) && best < 0)
            best = m;
          if (g_str_equal (url, rows[i].not_above) && other < 0)
            other = m;
        }
      if (best != 0)
        vera_test_fail_row ("row %u «%s»: %s at %d, expected first", i, rows[i].query,
                            rows[i].best, best);
      if (other >= 0 && other < best)
        vera_test_fail_row ("row %u «%s»: %s above %s", i, rows[i].query, rows[i].not_above,
                            rows[i].best);
    }
}

/* A figure alone finds its reviews across languages: only the two reviews of 48 billion dollars,
 * in English and in Chinese, and not the one of 12 billion. */
static void
test_match_figure_only (void)
{
  g_autoptr(VeraFactArchive) archive = new_archive ();
  const char *queries[] = { "Es waren 48 Milliarden Dollar", "480亿美元？", "$48bn!" };

  import_ok (archive, "table.json", match_archive, 9);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) matches = vera_fact_archive_match (archive, queries[i],
                                                              VERA_LANGUAGE_UND, 5, &error);
      gboolean seen[2] = { FALSE, FALSE };

      g_assert_no_error (error);
      for (guint m = 0; m < matches->len; m++)
        {
          const char *url = ((VeraFactMatch *) matches->pdata[m])->review->url;

          g_test_message ("«%s» %u: %s", queries[i], m, url);
          if (g_str_equal (url, "https://t.example/1"))
            seen[0] = TRUE;
          else if (g_str_equal (url, "https://t.example/2"))
            seen[1] = TRUE;
          else
            vera_test_fail_row ("«%s»: matches %s", queries[i], url);
        }
      if (!seen[0] || !seen[1])
        vera_test_fail_row ("«%s»: English %d, Chinese %d", queries[i], seen[0], seen[1]);
    }
}

static void
test_match_nothing_and_deterministic (void)
{
  g_autoptr(VeraFactArchive) archive = new_archive ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GError) error = NULL;

  import_ok (archive, "table.json", match_archive, 9);
  none = vera_fact_archive_match (archive, "quarterly penguin census", VERA_LANGUAGE_EN, 5,
                                  &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
  /* Two runs give the same order and scores; a limit cuts the same list. */
  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(GPtrArray) a = vera_fact_archive_match (archive, "port authority cranes spent",
                                                        VERA_LANGUAGE_EN, 5, &error);
      g_autoptr(GPtrArray) b = vera_fact_archive_match (archive, "port authority cranes spent",
                                                        VERA_LANGUAGE_EN, 2, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (a->len, >=, 2);
      g_assert_cmpuint (b->len, ==, 2);
      for (guint i = 0; i < b->len; i++)
        {
          VeraFactMatch *x = g_ptr_array_index (a, i);
          VeraFactMatch *y = g_ptr_array_index (b, i);

          g_assert_cmpstr (x->review->url, ==, y->review->url);
          g_assert_cmpfloat (x->score, ==, y->score);
        }
      for (guint i = 1; i < a->len; i++)
        g_assert_cmpfloat (((VeraFactMatch *) a->pdata[i - 1])->score, >=,
                           ((VeraFactMatch *) a->pdata[i])->score);
    }
}

static void
test_archive_file (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "facts.sqlite", NULL);
  g_autofree char *not_archive = write_file ("notes.sqlite", "just some notes\n");
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(VeraFactArchive) archive = vera_fact_archive_open (path, &error);

    g_assert_no_error (error);
    import_ok (archive, "array.json", "[" REVIEW_A "," REVIEW_B "]", 2);
  }
  {
    g_autoptr(VeraFactArchive) archive = vera_fact_archive_open (path, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (vera_fact_archive_get_n_reviews (archive), ==, 2);
  }
  {
    g_autoptr(VeraFactArchive) archive = vera_fact_archive_open (not_archive, &error);

    g_assert_null (archive);
    g_assert_error (error, VERA_FACT_ARCHIVE_ERROR, VERA_FACT_ARCHIVE_ERROR_NOT_ARCHIVE);
    g_assert_nonnull (strstr (error->message, "notes.sqlite"));
  }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/fact-archive/import/single", test_import_single);
  g_test_add_func ("/fact-archive/import/shapes", test_import_shapes);
  g_test_add_func ("/fact-archive/import/broken", test_import_broken);
  g_test_add_func ("/fact-archive/import/update", test_reimport_updates);
  g_test_add_func ("/fact-archive/match/table", test_match_table);
  g_test_add_func ("/fact-archive/match/figure-only", test_match_figure_only);
  g_test_add_func ("/fact-archive/match/nothing-deterministic",
                   test_match_nothing_and_deterministic);
  g_test_add_func ("/fact-archive/file", test_archive_file);

  return g_test_run ();
}
