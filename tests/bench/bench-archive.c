/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-bench"

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vera-fact-archive.h"
#include "vera-fact-match.h"

/* The archive of fact-checks at the size of issue #17: a generated DataFeed of 100,000
 * ClaimReviews (VERA_BENCH_REVIEWS to change it; a third German, a third Chinese) imported
 * into an archive file, then 200 claims matched against it. Baselines in the same run:
 * json-glib's parse of the same file (the import), plain BM25 on the same index (the
 * matching). Prints times and ratios: machines differ, ratios travel. */

static const char *const en_words[] = {
  "council", "budget", "bridge", "ferry", "vaccine", "tax", "school", "river", "harbour",
  "senator", "mayor", "hospital", "railway", "election", "border", "farmers", "prices",
  "wages", "police", "museum", "airport", "energy", "water", "forest", "stadium", "library",
};
static const char *const de_words[] = {
  "Stadtrat", "Haushalt", "Brücke", "Fähre", "Impfstoff", "Steuer", "Schule", "Fluss",
  "Hafen", "Bürgermeister", "Krankenhaus", "Bahn", "Wahl", "Grenze", "Bauern", "Preise",
};
static const char *const zh_words[] = {
  "市议会", "预算", "大桥", "渡轮", "疫苗", "税收", "学校", "河流", "港口", "市长", "医院",
  "铁路", "选举", "边境", "农民", "价格", "工资", "警察", "博物馆", "机场",
};

static guint32
next (guint32 *state)
{
  *state = *state * 1664525u + 1013904223u;
  return *state >> 8;
}

static void
append_claim (GString *out,
              guint    i,
              guint32 *state)
{
  guint n = 6 + next (state) % 6;
  guint language = i % 3;

  for (guint w = 0; w < n; w++)
    {
      if (language == 0)
        g_string_append_printf (out, "%s%s", w > 0 ? " " : "",
                                en_words[next (state) % G_N_ELEMENTS (en_words)]);
      else if (language == 1)
        g_string_append_printf (out, "%s%s", w > 0 ? " " : "",
                                de_words[next (state) % G_N_ELEMENTS (de_words)]);
      else
        g_string_append (out, zh_words[next (state) % G_N_ELEMENTS (zh_words)]);
    }
  if (language == 0)
    g_string_append_printf (out, " cost $%u million in %u", 1 + next (state) % 900,
                            1990 + next (state) % 35);
  else if (language == 1)
    g_string_append_printf (out, " kostet %u Millionen Euro", 1 + next (state) % 900);
  else
    g_string_append_printf (out, "花费%u亿元", 1 + next (state) % 900);
}

static char *
generate (const char *dir,
          guint       n_reviews)
{
  g_autoptr(GString) out = g_string_new ("{\"@context\": \"https://schema.org\", \"@type\": "
                                         "\"DataFeed\", \"dataFeedElement\": [");
  static const char *const tags[] = { "en", "de", "zh" };
  static const char *const ratings[] = { "False", "Mostly false", "Half true", "True" };
  char *path = g_build_filename (dir, "feed.json", NULL);
  g_autoptr(GError) error = NULL;
  guint32 state = 17;

  for (guint i = 0; i < n_reviews; i++)
    {
      g_string_append_printf (out, "%s{\"@type\": \"DataFeedItem\", \"item\": [{\"@type\": "
                              "\"ClaimReview\", \"url\": \"https://bench.example/%u\", "
                              "\"inLanguage\": \"%s\", \"claimReviewed\": \"",
                              i > 0 ? ",\n" : "", i, tags[i % 3]);
      append_claim (out, i, &state);
      g_string_append_printf (out, "\", \"author\": {\"name\": \"Desk %u\"}, \"reviewRating\": "
                              "{\"alternateName\": \"%s\"}}]}", i % 40, ratings[i % 4]);
    }
  g_string_append (out, "]}\n");
  if (!g_file_set_contents (path, out->str, out->len, &error))
    g_error ("%s", error->message);
  return path;
}

static double
match_all (VeraFactArchive *archive,
           GPtrArray       *claims)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < claims->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) matches = vera_fact_archive_match (archive,
                                                              g_ptr_array_index (claims, i),
                                                              VERA_LANGUAGE_UND, 5, &error);

      if (matches == NULL)
        g_error ("%s", error->message);
    }
  return (g_get_monotonic_time () - start) / 1e6;
}

int
main (void)
{
  const char *env = g_getenv ("VERA_BENCH_REVIEWS");
  guint n_reviews = env != NULL ? (guint) atoi (env) : 100000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vera-bench-archive-XXXXXX", &error);
  g_autofree char *feed = NULL;
  g_autofree char *db = NULL;
  g_autoptr(VeraFactArchive) archive = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) claims = g_ptr_array_new_with_free_func (g_free);
  const double bm25_only[VERA_FACT_N_FEATURES] = { [VERA_FACT_FEATURE_BM25] = 1 };
  double parse_s, import_s, match_s, floor_s;
  guint32 state = 4242;
  guint n = 0;
  gint64 start;

  if (dir == NULL)
    g_error ("%s", error->message);
  feed = generate (dir, n_reviews);
  db = g_build_filename (dir, "archive.sqlite", NULL);

  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    start = g_get_monotonic_time ();
    if (!json_parser_load_from_mapped_file (parser, feed, &error))
      g_error ("%s", error->message);
    parse_s = (g_get_monotonic_time () - start) / 1e6;
  }

  archive = vera_fact_archive_open (db, &error);
  if (archive == NULL)
    g_error ("%s", error->message);
  file = g_file_new_for_path (feed);
  start = g_get_monotonic_time ();
  if (!vera_fact_archive_import_file (archive, file, NULL, NULL, &n, NULL, &error))
    g_error ("%s", error->message);
  import_s = (g_get_monotonic_time () - start) / 1e6;

  for (guint i = 0; i < 200; i++)
    {
      GString *claim = g_string_new (NULL);

      append_claim (claim, i, &state);
      g_ptr_array_add (claims, g_string_free (claim, FALSE));
    }
  match_s = match_all (archive, claims);
  vera_fact_archive_set_weights (archive, bm25_only);
  vera_fact_archive_set_max_df_share (archive, 1.0);
  floor_s = match_all (archive, claims);

  printf ("# %u reviews imported in %.2f s (json-glib parse alone %.2f s): ratio %.2f\n", n,
          import_s, parse_s, import_s / parse_s);
  printf ("# match: %.2f ms per claim (plain BM25 %.2f ms): ratio %.2f\n",
          1000 * match_s / claims->len, 1000 * floor_s / claims->len, match_s / floor_s);
  printf ("1..1\nok 1 archive import and match\n");
  g_unlink (feed);
  g_clear_object (&archive);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
