/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reference-cli"

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "vera-test-util.h"

/* `vera-check analyze` holds figures against the shipped reference table: a small article in
 * each language, the implausible finding in the project JSON with its reference (value, year,
 * source, page), and the project reads back. Articles written for this test. */

static int
run (char **out,
     char **err,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) g_getenv ("VERA_CHECK"));
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, out, err, &error);
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (process);
}

/* The implausible findings of the project file at @path. */
static GPtrArray *
implausible_findings (const char *path,
                      JsonParser *parser)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *found = g_ptr_array_new ();
  JsonArray *articles;

  g_assert_true (json_parser_load_from_file (parser, path, &error));
  g_assert_no_error (error);
  articles = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "articles");
  for (guint a = 0; a < json_array_get_length (articles); a++)
    {
      JsonArray *findings = json_object_get_array_member (json_array_get_object_element (articles, a),
                                                          "findings");

      for (guint i = 0; i < json_array_get_length (findings); i++)
        {
          JsonObject *f = json_array_get_object_element (findings, i);

          if (g_strcmp0 (json_object_get_string_member (f, "kind"), "implausible") == 0)
            g_ptr_array_add (found, f);
        }
    }
  return found;
}

static void
test_analyze (void)
{
  static const struct {
    const char *name;
    const char *text;
    const char *figure;     /* the flagged figure as written */
    double      reference;  /* the reference value, roughly */
    gint64      year;       /* 0: none */
    const char *source;
    const char *url;
  } cases[] = {
    { "en.txt", "Rail plans\n\nThe minister said Portugal, with a population of 35 million, "
      "needs more trains. Portugal has 1,200 km of railway lines, he added.\n",
      "35 million", 1.06e7, 2024, "World Bank", "https://data.worldbank.org/indicator/SP.POP.TOTL" },
    { "de.txt", "Haushalt\n\nDas Bruttoinlandsprodukt Kanadas lag im Jahr 2022 bei 8 Billionen "
      "Dollar, sagte der Minister am Montag in Ottawa vor Journalisten.\n",
      "8 Billionen Dollar", 2.16e12, 2022, "World Bank",
      "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD" },
    { "zh.txt", "城市交通\n\n据市政府介绍，慕尼黑人口为1200万，目前正在扩建地铁网络。"
      "新线路预计于明年开通。\n",
      "1200万", 1.5e6, 2020, "UN World Urbanization Prospects", "https://population.un.org/wup/" },
  };
  g_autofree char *dir = vera_test_make_tmpdir ();

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *article = g_build_filename (dir, cases[c].name, NULL);
      g_autofree char *project = g_strconcat (article, ".vera", NULL);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GPtrArray) found = NULL;
      JsonObject *f, *ref;

      g_assert_true (g_file_set_contents (article, cases[c].text, -1, NULL));
      g_assert_cmpint (run (&out, &err, "analyze", "-o", project, article, NULL), ==, 0);
      found = implausible_findings (project, parser);
      g_assert_cmpuint (found->len, ==, 1);
      f = found->pdata[0];
      g_assert_cmpstr (json_object_get_string_member (f, "text"), ==, cases[c].figure);
      g_assert_true (json_object_has_member (f, "reference"));
      ref = json_object_get_object_member (f, "reference");
      g_assert_cmpfloat (json_object_get_double_member (ref, "value"), >, cases[c].reference * 0.7);
      g_assert_cmpfloat (json_object_get_double_member (ref, "value"), <, cases[c].reference * 1.5);
      g_assert_cmpint (json_object_get_int_member_with_default (ref, "year", 0), ==, cases[c].year);
      g_assert_cmpstr (json_object_get_string_member (ref, "source"), ==, cases[c].source);
      g_assert_cmpstr (json_object_get_string_member (ref, "url"), ==, cases[c].url);
      g_assert_nonnull (strstr (json_object_get_string_member (f, "message"), cases[c].source));

      /* The project reads back with its reference. */
      g_clear_pointer (&out, g_free);
      g_clear_pointer (&err, g_free);
      g_assert_cmpint (run (&out, &err, "info", project, NULL), ==, 0);
    }
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);
  g_test_add_func ("/vera/reference-cli/analyze", test_analyze);
  return g_test_run ();
}
