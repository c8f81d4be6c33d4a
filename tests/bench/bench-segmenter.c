/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-bench"

#include "config.h"

#include <string.h>

#include "vera-injection.h"
#include "vera-segmenter.h"

/* Times the segmenter and the injected-text detector on a generated text of about 50 MB
 * (VERA_BENCH_MB to change it) against a plain byte scan (memchr for '.') over the same text in
 * the same run, and prints the ratios: machines differ, ratios travel. */

static const char * const sentences[] = {
  "Dr. Chen Lin, Dean of the institute, said the U.S. market grew 3.5% in 2024.",
  "Shanghai-based VC firms deployed $48 billion in 2024 - surpassing Boston for the first time.",
  "\"The capital depth here is staggering,\" notes partner Michael Yu.",
  "At 9 a.m. Mr. Smith met J. R. R. Tolkien's heirs at St. Mary's Inc. headquarters.",
  "Accuracy reached 99.2% (up from 97.1%) and costs fell... slowly.",
  "Is this the highest rate worldwide? Analysts think so!",
  "The park hosts 1,600 institutions, e.g. labs and incubators.",
  "上海张江高科技园区聚集了超过一千家研发机构。",
};

/* Lines around a number: headings, list items, injected runs. */
static const char * const lines[][2] = {
  { "Chapter ", ": The Innovation Infrastructure\n" },
  { "• ", " national-level key laboratories established since 2022\n" },
  { "", ". Academic Powerhouses: The city boasts many universities.\n" },
  { "广告论坛", " Talent Magnetism\n" },
};

static GString *
generate (gsize target)
{
  GString *text = g_string_sized_new (target + 1024);
  GRand *rand = g_rand_new_with_seed (42);

  while (text->len < target)
    {
      guint n = (guint) g_rand_int_range (rand, 2, 7);

      for (guint i = 0; i < n; i++)
        {
          g_string_append (text, sentences[g_rand_int_range (rand, 0, G_N_ELEMENTS (sentences))]);
          g_string_append_c (text, ' ');
        }
      g_string_append (text, "\n");
      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          guint k = (guint) g_rand_int_range (rand, 0, G_N_ELEMENTS (lines));

          g_string_append_printf (text, "%s%u%s", lines[k][0],
                                  (guint) g_rand_int_range (rand, 1, 100), lines[k][1]);
        }
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_c (text, '\n');
    }
  g_rand_free (rand);
  return text;
}

static double
time_baseline (const GString *text,
               gsize         *count)
{
  gint64 t0 = g_get_monotonic_time ();
  const char *p = text->str, *end = text->str + text->len;

  *count = 0;
  while ((p = memchr (p, '.', (size_t) (end - p))) != NULL)
    {
      (*count)++;
      p++;
    }
  return (g_get_monotonic_time () - t0) / 1e6;
}

int
main (int   argc,
      char *argv[])
{
  const char *mb = g_getenv ("VERA_BENCH_MB");
  gsize target = (gsize) (mb != NULL ? g_ascii_strtoull (mb, NULL, 10) : 50) * 1024 * 1024;
  g_autoptr(GString) text = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) injected = NULL;
  double base, seg, inj;
  gsize dots;
  gint64 t0;

  text = generate (MAX (target, 1024));
  base = time_baseline (text, &dots);

  t0 = g_get_monotonic_time ();
  spans = vera_segment_sentences (text->str, text->len, NULL);
  seg = (g_get_monotonic_time () - t0) / 1e6;

  t0 = g_get_monotonic_time ();
  injected = vera_detect_injections (text->str, text->len);
  inj = (g_get_monotonic_time () - t0) / 1e6;

  /* Guard the baseline against a timer too coarse for it. */
  base = MAX (base, 1e-6);
  g_print ("text: %.1f MB, %" G_GSIZE_FORMAT " dots, %u sentences, %u injected runs\n",
           text->len / 1048576.0, dots, spans->len, injected->len);
  g_print ("memchr baseline: %.3f s\n", base);
  g_print ("segmenter:       %.3f s  (%.1fx the baseline, %.0f MB/s)\n",
           seg, seg / base, text->len / 1048576.0 / MAX (seg, 1e-6));
  g_print ("injections:      %.3f s  (%.1fx the baseline, %.0f MB/s)\n",
           inj, inj / base, text->len / 1048576.0 / MAX (inj, 1e-6));
  return 0;
}
