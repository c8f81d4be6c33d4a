/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-quantities.h"
#include "vera-test-util.h"

/* German figures, in sentences written for this test: separators, scale words, currencies,
 * qualifiers and what is not a figure. */

typedef struct
{
  const char *sentence;
  const char *text;       /* the figure expected, as written; NULL: the sentence has none */
  double      value;
  double      value_to;   /* 0: no range */
  const char *unit;
  const char *qualifier;
} Case;

static const Case cases[] = {
  { "Der Verband zählt inzwischen 16.000 Mitglieder.", "16.000 Mitglieder", 16000, 0, "count", NULL },
  { "Eine Jahreskarte kostet 2.780 Euro.", "2.780 Euro", 2780, 0, "EUR", NULL },
  { "Der Bund plant 27,4 Milliarden Dollar ein.", "27,4 Milliarden Dollar", 27.4e9, 0, "USD", NULL },
  { "Fonds sammelten 48 Milliarden Dollar ein.", "48 Milliarden Dollar", 48e9, 0, "USD", NULL },
  { "Die Quote stieg auf 15 Prozent.", "15 Prozent", 15, 0, "percent", NULL },
  { "Die Zustimmung sank um 2,5 Prozentpunkte.", "2,5 Prozentpunkte", 2.5, 0, "percentage-points", NULL },
  { "Das Werk kostet 450 Mio. Euro.", "450 Mio. Euro", 450e6, 0, "EUR", NULL },
  { "Der Umsatz lag bei 3,2 Mrd. Euro.", "3,2 Mrd. Euro", 3.2e9, 0, "EUR", NULL },
  { "Die Schulden betragen 2,4 Billionen Euro.", "2,4 Billionen Euro", 2.4e12, 0, "EUR", NULL },
  { "Im Hafen wurden 7,8 Mio. TEU umgeschlagen.", "7,8 Mio. TEU", 7.8e6, 0, "TEU", NULL },
  { "Die Region hat 1.234.567 Einwohner.", "1.234.567 Einwohner", 1234567, 0, "count", NULL },
  { "Der Preis stieg um 12,5 %.", "12,5 %", 12.5, 0, "percent", NULL },
  { "Mehr als 300 Schulen bleiben zu.", "300 Schulen", 300, 0, "count", "more than" },
  { "Mindestens 12 Menschen wurden verletzt.", "12 Menschen", 12, 0, "count", "at least" },
  { "Die Mieten dürfen um nicht mehr als 3 Prozent steigen.", "3 Prozent", 3, 0, "percent", "no more than" },
  { "Rund 1,9 Millionen Menschen leben dort.", "1,9 Millionen Menschen", 1.9e6, 0, "count", "about" },
  { "Der Schaden liegt bei knapp 1,5 Milliarden Franken.", "1,5 Milliarden Franken", 1.5e9, 0, "CHF", "nearly" },
  { "Bis zu 800 Beschäftigte verlieren ihre Stelle.", "800 Beschäftigte", 800, 0, "count", "up to" },
  { "Die Strecke ist 1.250 Kilometer lang.", "1.250 Kilometer", 1250, 0, "km", NULL },
  { "Das Land misst 357.588 Quadratkilometer.", "357.588 Quadratkilometer", 357588, 0, "km2", NULL },
  { "Die Ernte brachte 42,6 Millionen Tonnen.", "42,6 Millionen Tonnen", 42.6e6, 0, "t", NULL },
  { "Ein Kaffee kostet dort 4,50 €.", "4,50 €", 4.5, 0, "EUR", NULL },
  { "Der Gewinn stieg auf 12,75 Millionen US-Dollar.", "12,75 Millionen US-Dollar", 12.75e6, 0, "USD", NULL },
  { "Fünfunddreißig Gemeinden haben zugestimmt.", "Fünfunddreißig Gemeinden", 35, 0, "count", NULL },
  { "Zwölf Abgeordnete stimmten dagegen.", "Zwölf Abgeordnete", 12, 0, "count", NULL },
  { "Die Stadt stellt zweihundert Wohnungen bereit.", "zweihundert Wohnungen", 200, 0, "count", NULL },
  { "Zwischen 3 und 5 Prozent der Stellen fallen weg.", "3 und 5 Prozent", 3, 5, "percent", NULL },
  { "Die Kosten steigen um 4 bis 6 Prozent.", "4 bis 6 Prozent", 4, 6, "percent", NULL },
  { "Eine Studie zeigt das Gegenteil.", NULL, 0, 0, NULL, NULL },
  { "Die Sitzung fand am 3. Mai 2024 statt.", NULL, 0, 0, NULL, NULL },
  { "Die Hotline ist unter 030 12345678 erreichbar.", NULL, 0, 0, NULL, NULL },
  { "Das steht in Nr. 5 der Verordnung.", NULL, 0, 0, NULL, NULL },
  { "Die Version 2.1.3 behebt den Fehler.", NULL, 0, 0, NULL, NULL },
  { "Der Termin ist am 14.03.2024.", NULL, 0, 0, NULL, NULL },
};

static const VeraQuantity *
find_text (GPtrArray  *qs,
           const char *text)
{
  for (guint k = 0; k < qs->len; k++)
    {
      const VeraQuantity *q = g_ptr_array_index (qs, k);

      if (g_str_equal (q->text, text))
        return q;
    }
  return NULL;
}

static void
test_cases (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const Case *k = &cases[c];
      g_autoptr(GPtrArray) qs = vera_quantities_extract_language (k->sentence, strlen (k->sentence),
                                                                  NULL, VERA_LANGUAGE_DE);
      const VeraQuantity *q;

      if (k->text == NULL)
        {
          if (qs->len > 0)
            vera_test_fail_row ("row %u «%s»: expected no figure, got «%s» = %g", c, k->sentence,
                                ((VeraQuantity *) qs->pdata[0])->text,
                                ((VeraQuantity *) qs->pdata[0])->value);
          continue;
        }
      q = find_text (qs, k->text);
      if (q == NULL)
        {
          vera_test_fail_row ("row %u «%s»: expected the figure «%s», got %u figures%s%s", c,
                              k->sentence, k->text, qs->len,
                              qs->len > 0 ? ": " : "",
                              qs->len > 0 ? ((VeraQuantity *) qs->pdata[0])->text : "");
          continue;
        }
      vera_test_row_double (c, k->sentence, "value", k->value, q->value, 1e-6 * fabs (k->value));
      vera_test_row_str (c, k->sentence, "unit", k->unit, q->unit);
      vera_test_row_str (c, k->sentence, "qualifier", k->qualifier, q->qualifier);
      if ((k->value_to == 0) != isnan (q->value_to))
        vera_test_fail_row ("row %u «%s»: expected %s, got the range end %g", c, k->sentence,
                            k->value_to == 0 ? "no range" : "a range", q->value_to);
    }
}

/* Every figure found is what its own text says, and its text is its slice of the sentence. */
static void
test_values_equal_text (void)
{
  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      const char *sentence = cases[c].sentence;
      g_autoptr(GPtrArray) qs = vera_quantities_extract_language (sentence, strlen (sentence), NULL,
                                                                  VERA_LANGUAGE_DE);

      for (guint k = 0; k < qs->len; k++)
        {
          const VeraQuantity *q = g_ptr_array_index (qs, k);
          const char *from = g_utf8_offset_to_pointer (sentence, q->start);
          const char *to = g_utf8_offset_to_pointer (sentence, q->end);
          g_autoptr(GPtrArray) again = vera_quantities_extract_language (q->text, strlen (q->text),
                                                                         NULL, VERA_LANGUAGE_DE);
          gboolean same = FALSE;

          if (strncmp (from, q->text, to - from) != 0 || strlen (q->text) != (gsize) (to - from))
            vera_test_fail_row ("row %u «%s»: expected the slice [%u, %u) as the text, got «%s»",
                                c, sentence, q->start, q->end, q->text);
          for (guint r = 0; r < again->len && !same; r++)
            {
              const VeraQuantity *a = g_ptr_array_index (again, r);

              same = a->value == q->value && g_strcmp0 (a->unit, q->unit) == 0;
            }
          /* A range's text leaves out its opening word ("zwischen 3 und 5"). */
          if (!same && isnan (q->value_to))
            vera_test_fail_row ("row %u «%s»: expected «%s» alone to read %g %s, got %u figures", c,
                                sentence, q->text, q->value, q->unit, again->len);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/quantities-de/cases", test_cases);
  g_test_add_func ("/vera/quantities-de/values-equal-text", test_values_equal_text);
  return g_test_run ();
}
