/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-bench"

#include "config.h"

#include <string.h>
#include <time.h>

#include "vera-claim-kinds.h"
#include "vera-linker.h"
#include "vera-people.h"
#include "vera-plausibility.h"
#include "vera-quantities.h"

/* Times the claim analysis of one sentence at a time (quantities, people, vague sources, kinds,
 * plausibility) and the cross-article linker on generated articles: 10,000 articles of about
 * 5 kB (VERA_BENCH_ARTICLES to change it), against a plain word count over the same text in the
 * same run, and the growth of the linker from a tenth of the articles to all of them. */

/* Sentence templates: {n} is a figure, {s} a subject word. */
static const char * const templates[] = {
  "The harbour authority in {s} operates {n} ferries, officials said.",
  "\"Every crossing now runs at capacity,\" harbour spokeswoman Amara Okafor told reporters.",
  "Cruise passengers account for {n}% of harbour revenue in 2023, according to the report.",
  "The regional government has set aside €{n} million for the tunnel, which is expected to open by 2031.",
  "About {n} dock workers are employed at the container terminal in {s}.",
  "Critics argue that the expansion will cost more than the city can afford.",
  "Over {n} overseas-educated professionals returned to {s} in 2024.",
  "The {s} Institute hosts more than {n} research institutions - a concentration unmatched in Europe.",
  "• {n} national-level key laboratories established since 2022",
  "Dr. Lena Hoffmann, Director of the {s} Marine Institute, said the trend would continue.",
  "Fishermen landed {n} tonnes of fish in 2022, the lowest catch in a decade.",
  "Some {n} million residents of {s} use the card every day.",
  "Chapter {n}: The Waterfront Years",
};

static const char * const subjects[] = {
  "Valmora", "Tokyo", "Lisbon", "Nairobi", "Quito", "Oslo", "Mumbai", "Harbin",
};

static char *
generate_article (GRand *rand,
                  gsize  target)
{
  GString *text = g_string_sized_new (target + 256);

  while (text->len < target)
    {
      const char *t = templates[g_rand_int_range (rand, 0, G_N_ELEMENTS (templates))];
      const char *subject = subjects[g_rand_int_range (rand, 0, G_N_ELEMENTS (subjects))];
      guint figure = (guint) g_rand_int_range (rand, 2, 60000);
      g_autoptr(GString) line = g_string_new (t);
      g_autofree char *number = g_strdup_printf ("%u", figure);

      g_string_replace (line, "{s}", subject, 0);
      g_string_replace (line, "{n}", number, 0);
      g_string_append_len (text, line->str, line->len);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* Processor time, which the load of a shared machine disturbs less than the wall clock. */
static double
cpu_seconds (void)
{
  return (double) clock () / CLOCKS_PER_SEC;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

typedef struct
{
  double analyse;
  double link;
  guint  claims;
  guint  conflicts;
  guint  vague;
  guint  implausible;
} Run;

static Run
run (char     **articles,
     guint      n,
     VeraPlausibility *table)
{
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  double t0 = cpu_seconds (), t1;
  Run r = { 0, };

  for (guint a = 0; a < n; a++)
    {
      g_autofree char *article_id = g_strdup_printf ("a%u", a);
      const char *subject = vera_plausibility_guess_subject (table, articles[a], strlen (articles[a]));
      const char *p = articles[a];
      guint c = 0;

      while (*p != '\0')
        {
          const char *end = strchr (p, '\n');
          gsize len = end != NULL ? (gsize) (end - p) : strlen (p);
          VeraSentenceFacts facts = { 0, };
          GPtrArray *qs, *people;

          vera_sentence_facts_analyse (&facts, p, len, VERA_LANGUAGE_UND);
          qs = facts.quantities;
          people = facts.people;
          r.vague += facts.vague->len;

          if (facts.checkable)
            {
              g_autofree char *claim_id = g_strdup_printf ("a%u-c%u", a, c++);
              g_autoptr(GPtrArray) implausible = vera_plausibility_check (table, p, len, qs, subject);
              VeraLinkItem item = { article_id, claim_id, p, len, 0, qs, people };

              r.implausible += implausible->len;
              vera_linker_add (linker, &item);
              r.claims++;
            }
          vera_sentence_facts_clear (&facts);
          p += len + (end != NULL ? 1 : 0);
        }
    }
  t1 = cpu_seconds ();
  conflicts = vera_linker_find_conflicts (linker);
  r.analyse = t1 - t0;
  r.link = cpu_seconds () - t1;
  r.conflicts = conflicts->len;
  return r;
}

int
main (int    argc,
      char **argv)
{
  const char *env = g_getenv ("VERA_BENCH_ARTICLES");
  guint n = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : 10000;
  g_autoptr(VeraPlausibility) table = vera_plausibility_new ();
  GRand *rand = g_rand_new_with_seed (7);
  char **articles;
  gsize bytes = 0;
  guint words = 0;
  double t0;
  double wc;
  Run small, full;

  n = MAX (n, 10);
  articles = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      articles[i] = generate_article (rand, 5000);
      bytes += strlen (articles[i]);
    }
  g_rand_free (rand);

  t0 = cpu_seconds ();
  for (guint i = 0; i < n; i++)
    words += count_words (articles[i]);
  wc = cpu_seconds () - t0;

  small = run (articles, n / 10, table);
  full = run (articles, n, table);

  g_print ("articles %u, %.1f MB, %u words, %u claims\n", n, bytes / 1e6, words, full.claims);
  g_print ("claim analysis: %.2f s of processor time (%.1f x a word count in the same run)\n", full.analyse,
           full.analyse / MAX (wc, 1e-6));
  g_print ("findings: %u vague sources, %u implausible figures\n", full.vague, full.implausible);
  g_print ("linking: %.3f s for %u claims, %u conflicts\n", full.link, full.claims, full.conflicts);
  g_print ("growth from %u to %u articles: analysis x%.1f, linking x%.1f\n", n / 10, n,
           full.analyse / MAX (small.analyse, 1e-6), full.link / MAX (small.link, 1e-6));
  g_strfreev (articles);
  return 0;
}
