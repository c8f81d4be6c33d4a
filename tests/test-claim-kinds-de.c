/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "vera-claim-kinds.h"
#include "vera-test-util.h"
#include "vera-vocabulary.h"

#define K(x) VERA_CLAIM_KIND_ ## x

/* Reports a failing row and goes on with the next (g_test_fail_printf keeps one message). */
#define fail_row(...) G_STMT_START { g_test_message (__VA_ARGS__); g_test_fail (); } G_STMT_END

static char *
describe (VeraClaimKind kinds)
{
  g_auto(GStrv) names = vera_claim_kinds_to_strv (kinds);

  return g_strjoinv (",", names);
}

/* Every kind, found and not found, with the exact set of kinds each sentence has. */
static void
test_kinds (void)
{
  static const struct { const char *sentence; VeraClaimKind kinds; } cases[] = {
    /* comparison */
    { "Der Seehafen ist der größte Umschlagplatz im Norden.", K(COMPARISON) },
    { "Die Mieten in Altona sind höher als in Eimsbüttel.", K(COMPARISON) },
    { "Am schnellsten wächst der Versandhandel.", K(COMPARISON) },
    { "Der Umsatz war doppelt so hoch wie geplant.", K(COMPARISON) },
    { "Im Vergleich zum Vorjahr kamen weniger Touristen.", K(COMPARISON) },
    { "Sie arbeitete früher als Lotsin im Kanal.", K(OTHER) },
    { "Der als Favorit gestartete Segler gab auf.", K(OTHER) },
    /* prediction */
    { "Der Tunnel soll im kommenden Jahr fertig sein.", K(PREDICTION) },
    { "Die Fähre wird im Mai den Betrieb einstellen.", K(PREDICTION) },
    { "Die Kosten dürften weiter steigen.", K(PREDICTION) },
    { "Im Hafen werden täglich Container umgeschlagen.", K(OTHER) },
    { "Die Schleuse wird derzeit repariert.", K(OTHER) },
    /* causal */
    { "Die Brücke blieb gesperrt, weil der Sturm anhielt.", K(CAUSAL) },
    { "Wegen des Streiks fielen viele Züge aus.", K(CAUSAL) },
    { "Die Dürre führte zu hohen Ernteausfällen.", K(CAUSAL) },
    { "Danke für die schönen Blumen.", K(OTHER) },
    /* rule */
    { "Das Gesetz untersagt das Angeln im Stadtpark.", K(RULE) },
    { "Seit Januar gilt eine Maskenpflicht in Bussen.", K(RULE) },
    { "Radfahrer müssen nachts mit Licht fahren.", K(RULE) },
    { "Das Angebot gilt nur am Wochenende.", K(OTHER) },
    /* event */
    { "Die Bürgermeisterin eröffnete die neue Bibliothek.", K(EVENT) },
    { "Die Polizei hat zwei Verdächtige festgenommen.", K(QUANTITY) | K(EVENT) },
    { "Das Schloss liegt direkt am Fluss.", K(OTHER) },
    /* personal */
    { "Ich bin in dieser Straße aufgewachsen.", K(PERSONAL) },
    { "Meiner Ansicht nach fehlt ein Radweg.", K(PERSONAL) },
    { "Die Anwohner meinen, die Straße sei zu laut.", K(OTHER) },
    /* attribution and quotes */
    { "Die Lage sei stabil, sagte ein Sprecher der Werft.", K(ATTRIBUTION) },
    { "Dem Bericht zufolge ist der Deich zu niedrig.", K(ATTRIBUTION) },
    { "Die Zahlen seien ermutigend, so der Hafenmeister.", K(ATTRIBUTION) },
    { "Es war so kalt wie seit Jahren nicht.", K(OTHER) },
    { "„Wir werden die Station nicht schließen“, sagte die Ärztin.",
      K(QUOTE) | K(ATTRIBUTION) | K(PREDICTION) },
    { "»Der Kai bleibt für alle Boote offen«, erklärte der Direktor.",
      K(QUOTE) | K(ATTRIBUTION) },
    { "Das Projekt „Grüner Kai“ begeistert die Nachbarschaft.", K(OTHER) },
    /* figures */
    { "Mehr als 300 Firmen zogen in das Gewerbegebiet.", K(QUANTITY) },
    { "Der Umschlag stieg um 12 Prozent.", K(QUANTITY) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *s = cases[i].sentence;
      g_auto(VeraSentenceFacts) facts = { 0, };

      vera_sentence_facts_analyse (&facts, s, strlen (s), VERA_LANGUAGE_DE);
      if (facts.kinds != cases[i].kinds)
        {
          g_autofree char *got = describe (facts.kinds);
          g_autofree char *want = describe (cases[i].kinds);

          fail_row ("“%s”: kinds %s, expected %s", s, got, want);
        }
      if (facts.kinds != vera_claim_kinds_classify (s, strlen (s), facts.quantities, facts.people,
                                                    VERA_LANGUAGE_DE))
        fail_row ("“%s”: vera_claim_kinds_classify differs from the facts", s);
    }
}

/* Checkable claims are the figures, comparisons, predictions and causes. */
static void
test_checkable (void)
{
  static const struct { const char *sentence; gboolean checkable; } cases[] = {
    { "Der Seehafen ist der größte Umschlagplatz im Norden.", TRUE },
    { "Die Dürre führte zu hohen Ernteausfällen.", TRUE },
    { "Die Bürgermeisterin eröffnete die neue Bibliothek.", FALSE },
    { "Ich bin in dieser Straße aufgewachsen.", FALSE },
    { "Foto: Hafenbehörde", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *s = cases[i].sentence;
      VeraClaimKind kinds;
      gboolean checkable = vera_claim_is_checkable (s, strlen (s), NULL, NULL, VERA_LANGUAGE_DE, &kinds);

      if (checkable != cases[i].checkable)
        fail_row ("“%s”: checkable %d, expected %d", s, checkable, cases[i].checkable);
    }
}

/* German capitalises every noun: a heading is a short line without end punctuation and without
 * a verb. Bylines and furniture are German words. */
static void
test_boilerplate (void)
{
  static const struct { const char *text; gboolean boilerplate; } cases[] = {
    { "Von Anna Schmidt", TRUE },
    { "Von Anna Schmidt und Jan Roth, dpa", TRUE },
    { "Foto: dpa", TRUE },
    { "Fotos: Hafenbehörde Kiel", TRUE },
    { "Kapitel 3: Die Jahre am Kai", TRUE },
    { "Mehr zum Thema", TRUE },
    { "Alle Rechte vorbehalten.", TRUE },
    { "Die Zukunft des Fischmarkts", TRUE },
    { "Neue Wege für den Nahverkehr", TRUE },
    { "Wichtige Ergebnisse:", TRUE },
    { "Von Montag an fahren weniger Busse.", FALSE },
    { "Hafen wächst weiter", FALSE },
    { "Fähre fährt wieder nach Plan", FALSE },
    { "Kapitel 3 des Gesetzes regelt die Nachtruhe.", FALSE },
    { "Quellen im Rathaus bestätigen den Plan.", FALSE },
    { "Der Hafen von Kiel wuchs 2023 um 4 Prozent", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *s = cases[i].text;
      g_auto(VeraSentenceFacts) facts = { 0, };
      gboolean boilerplate = vera_text_is_boilerplate (s, strlen (s), VERA_LANGUAGE_DE);

      vera_sentence_facts_analyse (&facts, s, strlen (s), VERA_LANGUAGE_DE);
      if (boilerplate != cases[i].boilerplate || facts.boilerplate != boilerplate)
        fail_row ("“%s”: boilerplate %d (facts %d), expected %d", s, boilerplate,
                            facts.boilerplate, cases[i].boilerplate);
    }
}

/* The English lists do not read German: "wird" is no English cue, "Gesetz" no English rule. */
static void
test_language_matters (void)
{
  const char *s = "Das Gesetz wird das Angeln verbieten.";

  g_assert_cmpuint (vera_claim_kinds_classify (s, strlen (s), NULL, NULL, VERA_LANGUAGE_DE), ==,
                    K(RULE) | K(PREDICTION));
  g_assert_cmpuint (vera_claim_kinds_classify (s, strlen (s), NULL, NULL, VERA_LANGUAGE_EN), ==,
                    K(OTHER));
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/claim-kinds-de/kinds", test_kinds);
  g_test_add_func ("/vera/claim-kinds-de/checkable", test_checkable);
  g_test_add_func ("/vera/claim-kinds-de/boilerplate", test_boilerplate);
  g_test_add_func ("/vera/claim-kinds-de/language-matters", test_language_matters);
  return g_test_run ();
}
