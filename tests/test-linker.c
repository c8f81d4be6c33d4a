/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "vera-linker.h"
#include "vera-people.h"
#include "vera-quantities.h"
#include "vera-test-util.h"

/* Splits an article crudely into sentences (lines, then ". "), as the tests cannot wait for
 * the segmenter, and feeds every sentence to the linker with the claim id "<article>#<n>". */
static void
add_article (VeraLinker *linker,
             const char *article_id,
             const char *text,
             GPtrArray  *sentences)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint l = 0; lines[l] != NULL; l++)
    {
      g_auto(GStrv) parts = g_strsplit (lines[l], ". ", -1);

      for (guint p = 0; parts[p] != NULL; p++)
        {
          const char *s = parts[p];
          g_autoptr(GPtrArray) qs = vera_quantities_extract (s, strlen (s));
          g_autoptr(GPtrArray) people = vera_people_extract (s, strlen (s));
          g_autofree char *claim_id = g_strdup_printf ("%s#%u", article_id, n++);
          VeraLinkItem item = { article_id, claim_id, s, (gsize) -1, 0, qs, people };

          vera_linker_add (linker, &item);
          if (sentences != NULL)
            g_ptr_array_add (sentences, g_strdup_printf ("%s\t%s", claim_id, s));
        }
    }
}

static const char *
sentence_of (GPtrArray  *sentences,
             const char *claim_id)
{
  gsize n = strlen (claim_id);

  for (guint i = 0; i < sentences->len; i++)
    {
      const char *s = sentences->pdata[i];

      if (strncmp (s, claim_id, n) == 0 && s[n] == '\t')
        return s + n + 1;
    }
  return NULL;
}

static void
dump (GPtrArray *conflicts)
{
  for (guint i = 0; i < conflicts->len; i++)
    {
      const VeraLinkConflict *c = conflicts->pdata[i];

      g_test_message ("conflict %u: %s [%s]", i, c->topic, c->key);
      for (guint m = 0; m < c->members->len; m++)
        {
          const VeraLinkMember *mb = c->members->pdata[m];

          g_test_message ("   %s %s: %s", mb->article_id, mb->claim_id, mb->text);
        }
    }
}

/* The three seed articles disagree on three figures; each expected conflict must come out as
 * one conflict holding both members, and few other conflicts may come out. */
static void
test_seeds (void)
{
  g_autofree char *expected_path = vera_test_shared_path ("corpus/expected.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *seeds;
  JsonArray *expected;
  g_autoptr(GList) names = NULL;

  if (expected_path == NULL)
    return;
  json_parser_load_from_file (parser, expected_path, &error);
  g_assert_no_error (error);
  seeds = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "seeds");
  expected = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "conflicts");
  names = json_object_get_members (seeds);
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_autofree char *rel = g_build_filename ("corpus", "seeds", l->data, NULL);
      g_autofree char *path = vera_test_shared_path (rel);
      g_autofree char *text = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      add_article (linker, l->data, text, sentences);
    }
  conflicts = vera_linker_find_conflicts (linker);
  dump (conflicts);

  for (guint e = 0; e < json_array_get_length (expected); e++)
    {
      JsonArray *members = json_object_get_array_member (json_array_get_object_element (expected, e),
                                                         "members");
      gboolean found = FALSE;

      for (guint c = 0; c < conflicts->len && !found; c++)
        {
          const VeraLinkConflict *conflict = conflicts->pdata[c];
          guint matched = 0;

          for (guint m = 0; m < json_array_get_length (members); m++)
            {
              JsonArray *pair = json_array_get_array_element (members, m);
              const char *article = json_array_get_string_element (pair, 0);
              const char *needle = json_array_get_string_element (pair, 1);

              for (guint k = 0; k < conflict->members->len; k++)
                {
                  const VeraLinkMember *mb = conflict->members->pdata[k];
                  const char *s = sentence_of (sentences, mb->claim_id);

                  if (g_str_equal (mb->article_id, article) && s != NULL &&
                      strstr (s, needle) != NULL &&
                      (strstr (needle, mb->text) != NULL || strstr (mb->text, needle) != NULL))
                    {
                      matched++;
                      break;
                    }
                }
            }
          found = matched == json_array_get_length (members);
        }
      if (!found)
        g_error ("expected conflict “%s” not found",
                 json_object_get_string_member (json_array_get_object_element (expected, e), "topic"));
    }
  /* No flood: at most one conflict beyond the expected ones. */
  g_assert_cmpuint (conflicts->len, <=, json_array_get_length (expected) + 1);
}

static void
test_fixtures (void)
{
  const char *names[] = { "harbour-a.txt", "harbour-b.txt", "harbour-c.txt" };
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean ferries = FALSE, share = FALSE, budget = FALSE, person = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *rel = g_build_filename ("analysis", "claims", names[i], NULL);
      g_autofree char *path = vera_test_fixture_path (rel);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (path, &text, NULL, &error);
      g_assert_no_error (error);
      add_article (linker, names[i], text, NULL);
    }
  conflicts = vera_linker_find_conflicts (linker);
  dump (conflicts);
  for (guint c = 0; c < conflicts->len; c++)
    {
      const VeraLinkConflict *conflict = conflicts->pdata[c];

      if (conflict->kind == VERA_CONFLICT_KIND_PERSON)
        {
          g_assert_cmpstr (conflict->topic, ==, "Amara Okafor");
          for (guint m = 0; m < conflict->members->len; m++)
            g_assert_null (((VeraLinkMember *) conflict->members->pdata[m])->unit);
          person = TRUE;
        }
      else if (strstr (conflict->key, "ferries") != NULL)
        ferries = TRUE;
      else if (strstr (conflict->key, "percent") != NULL)
        share = TRUE;
      else if (strstr (conflict->key, "EUR") != NULL)
        budget = TRUE;
      else
        g_error ("unexpected conflict %s", conflict->key);
    }
  g_assert_true (ferries);
  g_assert_true (share);
  g_assert_true (budget);
  g_assert_true (person);
}

static void
test_keys (void)
{
  struct { const char *a, *ea, *b, *eb; gboolean same; } pairs[] = {
    { "foreign experts", NULL, "foreign tech workers", NULL, TRUE },
    { "tech firms", NULL, "technology companies", NULL, TRUE },
    { "research institutions", NULL, "tech firms", NULL, TRUE },
    { "overseas returnees", NULL, "overseas-educated professionals", "return", TRUE },
    { "foreign experts", NULL, "overseas returnees", NULL, FALSE },
    { "national-level key laboratories", NULL, "national research labs", NULL, FALSE },
    { "Fortune 500 companies", NULL, "companies", NULL, FALSE },
    { "nurses", NULL, "teachers", NULL, FALSE },
    { "electric buses", NULL, "electric bus", NULL, TRUE },
    { "houses", NULL, "house", NULL, TRUE },
    { "R&D centres", NULL, "research centers", NULL, TRUE },
    { "overseas scientists", NULL, "foreign researchers", NULL, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autofree char *ka = vera_linker_subject_key (pairs[i].a, pairs[i].ea);
      g_autofree char *kb = vera_linker_subject_key (pairs[i].b, pairs[i].eb);

      if (g_str_equal (ka, kb) != pairs[i].same)
        g_error ("“%s” (%s) and “%s” (%s) should %sshare a key", pairs[i].a, ka, pairs[i].b, kb,
                 pairs[i].same ? "" : "not ");
    }
}

/* Same subject, compatible figures, or different years: no conflict. */
static void
test_agreement (void)
{
  g_autoptr(VeraLinker) linker = vera_linker_new ();
  g_autoptr(GPtrArray) conflicts = NULL;
  const char *a[] = {
    "The city has 12,000 registered taxis.",
    "About 4,000 nurses left in 2021.",
    "The port handled 3.1 million containers annually.",
  };
  const char *b[] = {
    "Some 12,500 taxis serve the city.",
    "About 9,000 nurses left in 2023.",
    "The port handled 9 million containers in 2022.",
  };

  for (guint i = 0; i < G_N_ELEMENTS (a); i++)
    {
      g_autoptr(GPtrArray) qa = vera_quantities_extract (a[i], strlen (a[i]));
      g_autoptr(GPtrArray) qb = vera_quantities_extract (b[i], strlen (b[i]));
      VeraLinkItem ia = { "A", "A1", a[i], (gsize) -1, 0, qa, NULL };
      VeraLinkItem ib = { "B", "B1", b[i], (gsize) -1, 0, qb, NULL };

      vera_linker_add (linker, &ia);
      vera_linker_add (linker, &ib);
    }
  conflicts = vera_linker_find_conflicts (linker);
  dump (conflicts);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/linker/keys", test_keys);
  g_test_add_func ("/vera/linker/agreement", test_agreement);
  g_test_add_func ("/vera/linker/fixtures", test_fixtures);
  g_test_add_func ("/vera/linker/seeds", test_seeds);
  return g_test_run ();
}
