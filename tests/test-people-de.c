/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vera-claim-kinds.h"
#include "vera-people.h"
#include "vera-test-util.h"

/* German people and vague sources, in sentences written for this test. German capitalises
 * every noun, so half of the rows hold capitalised nouns beside a cue and must give no one. */

typedef struct
{
  const char *sentence;
  const char *people;  /* "name|role|quoted" joined by "; " ("-" for no role); "" for none */
} Case;

static const Case cases[] = {
  { "„Die Kräne stehen still“, sagte Hafenchefin Anna Kestner am Montag.",
    "Anna Kestner|Hafenchefin|1" },
  { "Bürgermeister Jonas Tiedemann kündigte neue Radwege an.",
    "Jonas Tiedemann|Bürgermeister|0" },
  { "Laut Lena Wohlrab ist die Miete zu hoch.", "Lena Wohlrab|-|0" },
  { "Die Pläne seien unbezahlbar, kritisierte Dr. Miriam Oswald.", "Miriam Oswald|Dr.|0" },
  { "Moritz Albrecht, Sprecher der Stadtwerke, bestätigte den Ausfall.",
    "Moritz Albrecht|Sprecher der Stadtwerke|0" },
  { "Den Zahlen nach, so Karla Brenninger, wächst die Stadt.", "Karla Brenninger|-|0" },
  { "Henrik Solberg zufolge fehlt das Geld.", "Henrik Solberg|-|0" },
  { "Nach Angaben von Tobias Reinhardt fielen drei Züge aus.", "Tobias Reinhardt|-|0" },
  { "Frau Petersen warnte vor Engpässen.", "Petersen|Frau|0" },
  { "»Wir haben keine Wahl, wir müssen sparen«, betonte die Finanzministerin Carola Huth.",
    "Carola Huth|Finanzministerin|1" },
  { "Der frühere Bürgermeister Ole von Haselberg erklärte seinen Rückzug.",
    "Ole von Haselberg|frühere Bürgermeister|0" },
  { "Prof. Dr. Ines Albers, Leiterin des Instituts, warnte: „Das Wasser wird knapp, und zwar schnell.“",
    "Ines Albers|Prof. Dr., Leiterin des Instituts|1" },
  { "Wie Finanzsenator Andreas Quell betonte, bleibt der Haushalt stabil.",
    "Andreas Quell|Finanzsenator|0" },
  { "Die Grünen-Chefin Paula Marquardt sagte, man sei „offen für Gespräche“.",
    "Paula Marquardt|Grünen-Chefin|0" },
  { "„Das ist ein guter Tag für die Region“, erklärte Jana Eichhorst.",
    "Jana Eichhorst|-|1" },
  { "Der Vorsitzende Richter Thomas Falk verkündete das Urteil.",
    "Thomas Falk|Vorsitzende Richter|0" },
  { "Marta von der Heide sagte am Montag, die Schleuse sei dicht.", "Marta von der Heide|-|0" },
  /* Capitalised nouns, firms and places beside the cues: no person. */
  { "Laut Hamburger Abendblatt fehlen 200 Lehrer.", "" },
  { "Nach Angaben von Volkswagen Nutzfahrzeuge sank der Absatz.", "" },
  { "Laut Robert Koch-Institut steigen die Fallzahlen.", "" },
  { "Die Deutsche Bahn erklärte, der Tunnel sei sicher.", "" },
  { "Laut Statistischem Bundesamt stiegen die Preise.", "" },
  { "Am Montag erklärte Hamburger Hafen und Logistik, die Löhne stiegen.", "" },
  { "Die Regierung warnte vor steigenden Kosten.", "" },
  { "Siemens Energy erklärte, die Aufträge stiegen.", "" },
  { "Schwere Unwetter trafen Norddeutschland am Wochenende.", "" },
  { "Laut Deutscher Umwelthilfe sind die Werte zu hoch.", "" },
  { "Dem Bericht zufolge sank die Zahl der Unfälle.", "" },
  { "Kritiker wie die Grüne Jugend sagen, das Projekt sei zu teuer.", "" },
  { "Eine Frau Mitte vierzig sagte nichts.", "" },
  { "Gestern sagte Schmidt ab.", "" },
  { "Anna Kestners Sprecher sagte, sie sei krank.", "" },
};

static char *
format_people (const char      *sentence,
               const GPtrArray *people)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const VeraPerson *p = people->pdata[i];
      g_autofree char *slice = g_utf8_substring (sentence, p->start, p->end);

      g_string_append_printf (out, "%s%s|%s|%d", i > 0 ? "; " : "", p->name,
                              p->role != NULL ? p->role : "-", p->quoted ? 1 : 0);
      /* Offsets are code points into the sentence. */
      if (!g_str_equal (slice, p->name))
        g_string_append_printf (out, " (offsets give “%s”)", slice);
    }
  return g_string_free (out, FALSE);
}

static void
test_people (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *s = cases[c].sentence;
      g_autoptr(GPtrArray) people = vera_people_extract_tokens (s, strlen (s), NULL,
                                                                VERA_LANGUAGE_DE);
      g_autofree char *got = format_people (s, people);

      if (!g_str_equal (got, cases[c].people))
        g_test_fail_printf ("“%s”: got “%s”, expected “%s”", s, got, cases[c].people);
    }
}

typedef struct
{
  const char *sentence;
  const char *spans;  /* joined by " | "; "" for none */
} VagueCase;

static const VagueCase vague[] = {
  { "Experten zufolge wird der Preis steigen.", "Experten zufolge" },
  { "Insidern zufolge ist der Verkauf beschlossen.", "Insidern zufolge" },
  { "Beobachter meinen, die Wahl sei offen.", "Beobachter meinen" },
  { "Kritiker sagen seit Jahren, das Netz sei veraltet.", "Kritiker sagen" },
  { "Neue Studien zeigen, dass Lärm krank macht.", "Neue Studien zeigen" },
  { "Es heißt, der Vorstand wolle zurücktreten.", "Es heißt" },
  { "Der Rücktritt sei beschlossen, wie aus Kreisen verlautete.", "wie aus Kreisen verlautete" },
  { "Schätzungen zufolge fehlen 30.000 Wohnungen.", "Schätzungen zufolge" },
  { "Berichten zufolge will die Reederei verkaufen.", "Berichten zufolge" },
  { "Aus gut informierten Kreisen hieß es, der Deal stehe.", "Aus gut informierten Kreisen" },
  { "Das sei falsch, meinen Beobachter.", "meinen Beobachter" },
  { "Laut Experten ist das Risiko gering, Kritiker warnen dagegen.",
    "Laut Experten | Kritiker warnen" },
  { "Einigen Fachleuten zufolge ist der Deich zu niedrig.", "Einigen Fachleuten zufolge" },
  /* Named sources and look-alikes. */
  { "Experten der Bundesbank zufolge sinkt die Inflation.", "" },
  { "Das Schiff, es heißt Elbkönigin, ist neu.", "" },
  { "Die Studien der Universität Kiel zeigen einen Trend.", "" },
  { "Kritiker wie Anna Kestner sagen, der Bau sei zu teuer.", "" },
  { "Die Experten bauen einen neuen Deich.", "" },
};

static void
test_vague (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (vague); c++)
    {
      const char *s = vague[c].sentence;
      g_autoptr(GArray) spans = vera_vague_sources_find_tokens (s, strlen (s), NULL,
                                                                VERA_LANGUAGE_DE);
      GString *got = g_string_new (NULL);

      for (guint i = 0; i < spans->len; i++)
        {
          const VeraVagueSpan *v = &g_array_index (spans, VeraVagueSpan, i);

          /* Byte offsets. */
          g_string_append_printf (got, "%s%.*s", i > 0 ? " | " : "", (int) (v->end - v->start),
                                  s + v->start);
        }
      if (!g_str_equal (got->str, vague[c].spans))
        g_test_fail_printf ("“%s”: got “%s”, expected “%s”", s, got->str, vague[c].spans);
      g_string_free (got, TRUE);
    }
}

/* The sentence analysis hands the language on: German rules for German, English for English. */
static void
test_sentence_facts (void)
{
  const char *s = "„Wir bauen weiter“, sagte Bürgermeisterin Helga Dorn, Experten zufolge zu Recht.";
  g_auto(VeraSentenceFacts) de = { 0, };
  g_auto(VeraSentenceFacts) en = { 0, };
  const VeraPerson *p;

  vera_sentence_facts_analyse (&de, s, strlen (s), VERA_LANGUAGE_DE);
  g_assert_cmpuint (de.people->len, ==, 1);
  p = de.people->pdata[0];
  g_assert_cmpstr (p->name, ==, "Helga Dorn");
  g_assert_cmpstr (p->role, ==, "Bürgermeisterin");
  g_assert_true (p->quoted);
  g_assert_cmpuint (de.vague->len, ==, 1);
  g_assert_cmpint (strncmp (s + g_array_index (de.vague, VeraVagueSpan, 0).start,
                            "Experten zufolge", strlen ("Experten zufolge")), ==, 0);

  /* The English rules know neither the role nor the vague source. */
  vera_sentence_facts_analyse (&en, s, strlen (s), VERA_LANGUAGE_EN);
  g_assert_cmpuint (en.vague->len, ==, 0);
}

static void
test_hostile (void)
{
  const char bad[] = "Dr. \xff\xfe sagte , , Frau „ \xe2\x80 Prof. laut zufolge";
  g_autoptr(GPtrArray) people = vera_people_extract_tokens (bad, sizeof bad - 1, NULL, VERA_LANGUAGE_DE);
  g_autoptr(GArray) spans = vera_vague_sources_find_tokens (bad, sizeof bad - 1, NULL, VERA_LANGUAGE_DE);
  g_autoptr(GPtrArray) empty = vera_people_extract_tokens ("", 0, NULL, VERA_LANGUAGE_DE);

  g_assert_cmpuint (people->len, ==, 0);
  g_assert_nonnull (spans);
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/people-de/people", test_people);
  g_test_add_func ("/vera/people-de/vague-sources", test_vague);
  g_test_add_func ("/vera/people-de/sentence-facts", test_sentence_facts);
  g_test_add_func ("/vera/people-de/hostile", test_hostile);
  return g_test_run ();
}
