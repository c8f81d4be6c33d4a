/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vera-people.h"
#include "vera-test-util.h"

typedef struct
{
  const char *sentence;
  const char *name;
  const char *role;
  gboolean    quoted;
} Case;

static const Case cases[] = {
  { "\"Rates will fall,\" said Ingrid Sæther, chief economist at Nordbank.", "Ingrid Sæther",
    "chief economist at Nordbank", TRUE },
  { "According to Rahul Mehta, a professor at the Indian Institute of Science, the data is sound.",
    "Rahul Mehta", "a professor at the Indian Institute of Science", FALSE },
  { "Prof. Elena Vasquez warned that the dam was failing.", "Elena Vasquez", "Prof.", FALSE },
  { "Harbour spokeswoman Amara Okafor told reporters: \"Every crossing now runs at capacity.\"",
    "Amara Okafor", "Harbour spokeswoman", TRUE },
  { "The budget was approved, Mayor Tomás Ruiz announced on Friday.", "Tomás Ruiz", "Mayor",
    FALSE },
  { "Dr. Kenji Watanabe, Director of the Kobe Earthquake Centre, disagreed.", "Kenji Watanabe",
    "Dr., Director of the Kobe Earthquake Centre", FALSE },
  { "\"We were never told,\" says former city engineer Marta Kowalczyk.", "Marta Kowalczyk",
    "former city engineer", TRUE },
  { "\"It was a mistake,\" said Tom Hale, 45, a teacher from Leeds.", "Tom Hale",
    "a teacher from Leeds", TRUE },
  { "New South Wales Governor Ada Brennan signed the bill.", "Ada Brennan",
    "New South Wales Governor", FALSE },
  { "United Nations Secretary-General Kofi Mensah warned of a \"climate breakdown\".",
    "Kofi Mensah", "United Nations Secretary-General", FALSE },
};

static const char * const no_people[] = {
  "Goldman Sachs expects growth to slow.",
  "The Nordic Marine Institute published the data.",
  "Hong Kong Disneyland said attendance fell.",
  "Visitors from New York and Hong Kong filled the Grand Hotel.",
  "Startup culture achieves critical mass.",
  "The \"Golden Visa\" scheme, the ministry said, attracted investors.",
};

static void
test_cases (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const Case *k = &cases[c];
      g_autoptr(GPtrArray) people = vera_people_extract (k->sentence, strlen (k->sentence));
      const VeraPerson *p;
      g_autofree char *slice = NULL;

      if (people->len != 1)
        g_error ("“%s”: %u people found", k->sentence, people->len);
      p = people->pdata[0];
      g_assert_cmpstr (p->name, ==, k->name);
      g_assert_cmpstr (p->role, ==, k->role);
      if (p->quoted != k->quoted)
        g_error ("“%s”: quoted is %d", k->sentence, p->quoted);
      /* Offsets are code points into the sentence. */
      slice = g_utf8_substring (k->sentence, p->start, p->end);
      g_assert_cmpstr (slice, ==, k->name);
    }
}

static void
test_no_people (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (no_people); c++)
    {
      g_autoptr(GPtrArray) people = vera_people_extract (no_people[c], strlen (no_people[c]));

      if (people->len != 0)
        g_error ("“%s”: unexpected person “%s”", no_people[c],
                 ((VeraPerson *) people->pdata[0])->name);
    }
}

static void
test_vague (void)
{
  struct { const char *sentence; const char *span; } vague[] = {
    { "Industry experts predict a rebound next year.", "Industry experts predict" },
    { "Studies show that the scheme works.", "Studies show" },
    { "Some believe the port will close.", "Some believe" },
    { "It is widely believed that the mayor will resign.", "It is widely believed" },
    { "Critics argue the tunnel is too expensive.", "Critics argue" },
    { "Many people say the ferries are late.", "Many people say" },
    { "The plan, according to unnamed sources, was dropped.", "according to unnamed sources" },
    { "Analysts have long warned of a bubble.", "Analysts have long warned" },
    { "People familiar with the matter said the deal was close.", "People familiar with the matter" },
  };
  const char * const named[] = {
    "Goldman Sachs analysts say the market is cooling.",
    "A 2021 study by the Lancet found no link.",
    "The data show a 4% rise.",
    "Some of the funds were returned.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (vague); i++)
    {
      g_autoptr(GArray) spans = vera_vague_sources_find (vague[i].sentence, strlen (vague[i].sentence));
      const VeraVagueSpan *s;

      if (spans->len != 1)
        g_error ("“%s”: %u vague sources", vague[i].sentence, spans->len);
      s = &g_array_index (spans, VeraVagueSpan, 0);
      g_assert_cmpint ((int) (s->end - s->start), ==, (int) strlen (vague[i].span));
      g_assert_cmpint (strncmp (vague[i].sentence + s->start, vague[i].span, s->end - s->start), ==, 0);
    }
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      g_autoptr(GArray) spans = vera_vague_sources_find (named[i], strlen (named[i]));

      if (spans->len != 0)
        g_error ("“%s”: unexpected vague source", named[i]);
    }
}

static void
test_hostile (void)
{
  const char bad[] = "Dr. \xff\xfe said , , Mr. \" \xe2\x80 Prof.";
  g_autoptr(GPtrArray) people = vera_people_extract (bad, sizeof bad - 1);
  g_autoptr(GArray) spans = vera_vague_sources_find (bad, sizeof bad - 1);
  g_autoptr(GPtrArray) empty = vera_people_extract ("", 0);

  g_assert_nonnull (people);
  g_assert_nonnull (spans);
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_true (vera_people_is_role_word ("CEO", 3));
  g_assert_false (vera_people_is_role_word ("harbour", 7));
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/people/cases", test_cases);
  g_test_add_func ("/vera/people/no-people", test_no_people);
  g_test_add_func ("/vera/people/vague-sources", test_vague);
  g_test_add_func ("/vera/people/hostile", test_hostile);
  return g_test_run ();
}
