/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>

#include "vera-net-service.h"
#include "vera-test-server.h"
#include "vera-test-util.h"

/* Serves the pages of ../shared/datasets/html from a loopback server, fetches each through
 * VeraNetService and compares the metadata with the expected values of the manifest.
 *
 * How fields are compared: both sides are NFC-normalised, case-folded and have their white
 * space folded. Dates are compared after both are normalised to ISO 8601 (equal strings, or the
 * same instant when both carry a zone). For authors, a leading byline word ("By", "Par") in the
 * expected value is dropped, since it is not part of the name. A field whose expected value is
 * empty (null) does not count: the reference extractor found nothing there, so there is nothing
 * to match; how often Vera still finds a value is reported as "extra". */

#define REQUIRED_ACCURACY 0.90

static const char * const fields[] = { "title", "author", "date", "description", "publisher",
                                       "lang" };

typedef struct
{
  GPtrArray *pages;   /* of char* paths, index = URL path number */
} Pages;

static void
page_cb (SoupServer        *server,
         SoupServerMessage *msg,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  Pages *pages = user_data;
  guint64 n = g_ascii_strtoull (path + strlen ("/p/"), NULL, 10);
  char *data = NULL;
  gsize len;

  if (n >= pages->pages->len || !g_file_get_contents (pages->pages->pdata[n], &data, &len, NULL))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  /* No charset in the header: the page's own declaration has to be found. */
  soup_server_message_set_response (msg, "text/html", SOUP_MEMORY_TAKE, data, len);
}

static char *
fold (const char *s)
{
  g_autofree char *nfc = NULL;
  g_autofree char *cf = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  if (s == NULL)
    return g_strdup ("");
  nfc = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
  if (nfc == NULL)
    return g_strdup ("");
  cf = g_utf8_casefold (nfc, -1);
  for (const char *p = cf; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        {
          space = TRUE;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
dates_match (const char *expected,
             const char *got)
{
  g_autofree char *a = vera_page_meta_normalize_date (expected);
  g_autofree char *b = vera_page_meta_normalize_date (got);
  g_autoptr(GDateTime) da = NULL;
  g_autoptr(GDateTime) db = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  if (g_str_equal (a, b))
    return TRUE;
  da = g_date_time_new_from_iso8601 (a, NULL);
  db = g_date_time_new_from_iso8601 (b, NULL);
  return da != NULL && db != NULL && g_date_time_equal (da, db);
}

static gboolean
field_matches (const char *field,
               const char *expected,
               const char *got)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *a_name;

  if (g_str_equal (field, "date"))
    return dates_match (expected, got);
  a = fold (expected);
  b = fold (got);
  a_name = a;
  if (g_str_equal (field, "author"))
    {
      if (g_str_has_prefix (a_name, "by "))
        a_name += 3;
      else if (g_str_has_prefix (a_name, "par "))
        a_name += 4;
    }
  return g_str_equal (a_name, b);
}

static const char *
meta_field (const VeraPageMeta *meta,
            const char         *field)
{
  if (g_str_equal (field, "title"))
    return meta->title;
  if (g_str_equal (field, "author"))
    return meta->author;
  if (g_str_equal (field, "date"))
    return meta->published;
  if (g_str_equal (field, "description"))
    return meta->description;
  if (g_str_equal (field, "publisher"))
    return meta->site_name;
  return meta->language;
}

/* Serves the pages of the manifest at @manifest_path and measures the metadata VeraNetService
 * reads from them. */
static void
check_accuracy (const char *manifest_path)
{
  g_autofree char *root = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraTestServer) server = NULL;
  g_autoptr(VeraNetService) service = NULL;
  Pages pages = { 0 };
  JsonArray *entries;
  guint matched[G_N_ELEMENTS (fields)] = { 0 };
  guint counted[G_N_ELEMENTS (fields)] = { 0 };
  guint extra[G_N_ELEMENTS (fields)] = { 0 };
  guint total_matched = 0;
  guint total_counted = 0;

  root = g_path_get_dirname (manifest_path);
  parser = json_parser_new ();
  json_parser_load_from_file (parser, manifest_path, &error);
  g_assert_no_error (error);
  entries = json_node_get_array (json_parser_get_root (parser));

  pages.pages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      g_ptr_array_add (pages.pages, g_build_filename (root, json_object_get_string_member (entry,
                                                                                   "html"), NULL));
    }

  server = vera_test_server_new ();
  vera_test_server_add_handler (server, "/p", page_cb, &pages);
  vera_test_server_start (server);
  tmp = vera_test_make_tmpdir ();
  service = g_object_new (VERA_TYPE_NET_SERVICE, "cache-dir", tmp, NULL);

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      g_autofree char *path = g_strdup_printf ("/p/%u", i);
      g_autofree char *url = vera_test_server_get_url (server, path);
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(VeraPageMeta) meta = NULL;

      vera_net_service_fetch_async (service, url, VERA_FETCH_FLAGS_NO_CACHE, NULL,
                                    vera_test_store_result_cb, &result);
      vera_test_wait_for_result (&result);
      meta = vera_net_service_fetch_finish (service, result, &error);
      g_assert_no_error (error);
      g_assert_cmpint (meta->health, ==, VERA_LINK_HEALTH_OK);

      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *expected = json_object_get_string_member_with_default (entry, fields[f],
                                                                             NULL);
          const char *got = meta_field (meta, fields[f]);

          if (expected == NULL || *expected == '\0')
            {
              if (got != NULL)
                extra[f]++;
              continue;
            }
          counted[f]++;
          if (field_matches (fields[f], expected, got))
            matched[f]++;
          else
            g_test_message ("%s %s: expected “%s”, got “%s”",
                            json_object_get_string_member (entry, "id"), fields[f], expected,
                            got != NULL ? got : "(none)");
        }
    }

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    {
      g_test_message ("%-12s %2u/%2u = %5.1f%% (and %u found where none was expected)",
                      fields[f], matched[f], counted[f],
                      counted[f] > 0 ? 100.0 * matched[f] / counted[f] : 100.0, extra[f]);
      total_matched += matched[f];
      total_counted += counted[f];
    }
  g_test_message ("all fields   %u/%u = %.1f%%", total_matched, total_counted,
                  100.0 * total_matched / MAX (total_counted, 1));
  g_assert_cmpuint (total_counted, >, 0);
  g_assert_cmpfloat ((double) total_matched / total_counted, >=, REQUIRED_ACCURACY);

  g_ptr_array_unref (pages.pages);
}

/* Pages written for the tests in English, German and Chinese: Open Graph, JSON-LD, meta author
 * and description, the html lang attribute. */
static void
test_fixture_set (void)
{
  g_autofree char *manifest = vera_test_fixture_path ("html-set/manifest.json");

  check_accuracy (manifest);
}

/* The accuracy on the pages of ../shared/datasets/html. */
static void
test_accuracy (void)
{
  g_autofree char *manifest = vera_test_shared_path ("datasets/html/manifest.json");

  if (manifest != NULL)
    check_accuracy (manifest);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_net_init (&argc, &argv);

  g_test_add_func ("/vera/page-meta-accuracy/fixture-set", test_fixture_set);
  g_test_add_func ("/vera/page-meta-accuracy/dataset", test_accuracy);

  return g_test_run ();
}
