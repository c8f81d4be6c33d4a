/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vera-check-commands.h"
#include "vera-file-util.h"
#include "vera-import.h"
#include "vera-injection.h"
#include "vera-segmenter.h"

static void
print_plain (const char   *text,
             const GArray *spans)
{
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);

      /* One sentence a line: a sentence carried over a line break is printed on one. */
      g_string_truncate (line, 0);
      for (gsize p = span->start; p < span->end; p++)
        g_string_append_c (line, text[p] == '\n' || text[p] == '\r' ? ' ' : text[p]);
      g_print ("%s\n", line->str);
    }
}

static void
print_json (const char   *text,
            gsize         len,
            const GArray *spans)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree guint *chars = g_new (guint, 2 * (gsize) spans->len + 1);
  g_autofree char *out = NULL;

  if (!vera_text_spans_to_chars (text, len, spans, chars))
    g_assert_not_reached ();

  json_builder_begin_array (b);
  for (guint i = 0; i < spans->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);
      g_autofree char *slice = g_strndup (text + span->start, span->end - span->start);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "start");
      json_builder_add_int_value (b, chars[2 * i]);
      json_builder_set_member_name (b, "end");
      json_builder_add_int_value (b, chars[2 * i + 1]);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, slice);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  out = json_generator_to_data (gen, NULL);
  g_print ("%s\n", out);
}

int
vera_check_sentences (int    argc,
                      char **argv)
{
  gboolean json = FALSE;
  int max_size_mb = G_MININT;   /* not given */
  const GOptionEntry entries[] = {
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size_mb,
      N_("Refuse input larger than this many megabytes (default 20)"), N_("MB") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {start, end, text}, offsets in characters"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE]"));
  g_autoptr(GByteArray) bytes = NULL;
  g_autoptr(GArray) injected = NULL;
  g_autoptr(GArray) sentences = NULL;
  const char *invalid = NULL;
  const char *text;
  gsize len;
  gsize limit = 0;
  g_autofree char *limit_str = NULL;

  g_option_context_set_summary (context,
                                _("Split a UTF-8 text into sentences, one a line, reading "
                                  "standard input when no FILE is given. Injected text (runs "
                                  "in a script foreign to the article) is left out."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc > 2)
    {
      vera_check_error (_("sentences takes at most one file (try “vera-check sentences --help”)"));
      return VERA_CHECK_EXIT_USAGE;
    }
  if (!vera_check_check_max_size ("--max-size", max_size_mb != G_MININT, max_size_mb, &limit))
    return VERA_CHECK_EXIT_USAGE;
  if (limit == 0)
    limit = vera_import_default_max_size ();
  limit_str = g_format_size_full (limit, G_FORMAT_SIZE_IEC_UNITS);

  if (argc == 2 && g_strcmp0 (argv[1], "-") != 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      char *contents = NULL;
      gsize length = 0;

      if (!vera_file_get_contents_bounded (file, limit, &contents, &length, NULL, &error))
        {
          if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
            vera_check_error (_("%s is larger than %s: split it, or raise the limit with "
                                "--max-size"), argv[1], limit_str);
          else
            vera_check_error ("%s: %s", argv[1], error->message);
          return VERA_CHECK_EXIT_INPUT;
        }
      bytes = g_byte_array_new_take ((guint8 *) contents, length);
    }
  else
    {
      gboolean too_large = FALSE;

      bytes = vera_check_read_all_bounded (stdin, limit, &too_large);
      if (bytes == NULL && too_large)
        {
          vera_check_error (_("standard input is larger than %s: split it, or raise the limit "
                              "with --max-size"), limit_str);
          return VERA_CHECK_EXIT_INPUT;
        }
      if (bytes == NULL)
        {
          vera_check_error (_("Could not read standard input"));
          return VERA_CHECK_EXIT_INPUT;
        }
    }

  text = (const char *) bytes->data;
  len = bytes->len;
  if (len > 0 && !g_utf8_validate_len (text, len, &invalid))
    {
      vera_check_error (_("%s is not valid UTF-8 text: invalid byte at offset %lu "
                          "(convert it to UTF-8 first)"),
                        argc == 2 ? argv[1] : _("standard input"),
                        (unsigned long) (invalid - text));
      return VERA_CHECK_EXIT_INPUT;
    }
  if (len == 0)
    text = "";

  injected = vera_detect_injections (text, len);
  sentences = vera_segment_sentences (text, len, injected);
  if (json)
    print_json (text, len, sentences);
  else
    print_plain (text, sentences);
  return VERA_CHECK_EXIT_OK;
}
