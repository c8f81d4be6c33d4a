/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <string.h>

#include "vera-import-private.h"
#include "vera-test-util.h"

#define EN_TEXT "The council approved the bridge budget.\nWork starts in March."

static VeraImportedDoc *
import_fixture_with (const char  *name,
                     const char  *encoding,
                     gsize        max_size,
                     GError     **error)
{
  g_autofree char *path = vera_test_fixture_path (name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  VeraImportOptions options = { encoding, max_size };

  return vera_import_file (file, &options, NULL, error);
}

static VeraImportedDoc *
import_ok (const char *name,
           const char *encoding)
{
  g_autoptr(GError) error = NULL;
  VeraImportedDoc *doc = import_fixture_with (name, encoding, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_true (g_utf8_validate (doc->text, -1, NULL));
  g_assert_null (strchr (doc->text, '\r'));
  return doc;
}

static void
assert_fails (const char      *name,
              const char      *encoding,
              gsize            max_size,
              VeraImportError  code,
              const char      *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = import_fixture_with (name, encoding, max_size, &error);

  g_assert_null (doc);
  g_assert_error (error, VERA_IMPORT_ERROR, (int) code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
test_unicode_boms (void)
{
  const char *names[] = { "import/utf8-bom.txt", "import/utf16le-bom.txt",
                          "import/utf16be-bom.txt" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(VeraImportedDoc) doc = import_ok (names[i], NULL);
      /* The byte order mark wins over a wrong choice of encoding. */
      g_autoptr(VeraImportedDoc) forced = import_ok (names[i], "Windows-1252");

      g_assert_cmpstr (doc->text, ==, EN_TEXT);
      g_assert_cmpstr (doc->title, ==, "The council approved the bridge budget.");
      g_assert_cmpstr (forced->text, ==, EN_TEXT);
    }
}

static void
test_legacy_encodings (void)
{
  const struct { const char *name; const char *encoding; const char *text; } cases[] = {
    { "import/gb18030.txt", "GB18030", "市议会批准新桥预算\n市议会周二以七票对两票批准了新桥的预算。" },
    { "import/gbk.txt", "GBK", "市议会批准新桥预算\n市议会周二以七票对两票批准了新桥的预算。" },
    { "import/big5.txt", "Big5", "市議會批准新橋預算\n市議會週二以七票對兩票批准了新橋的預算。" },
    { "import/shift-jis.txt", "Shift_JIS", "市議会が新橋の予算を承認\n"
                                           "市議会は火曜日、新しい橋の予算を承認した。" },
    { "import/windows-1252.txt", "Windows-1252",
      "Le conseil approuve le budget\nLe coût – 12 € – a été approuvé « sans débat »." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(VeraImportedDoc) doc = import_ok (cases[i].name, cases[i].encoding);

      g_assert_cmpstr (doc->text, ==, cases[i].text);
      g_assert_cmpstr (doc->source, !=, NULL);
    }
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(VeraImportedDoc) latin = NULL;

  /* "Caf" then 0xE9: byte 28, on line 3. */
  assert_fails ("import/invalid-utf8.txt", NULL, 0, VERA_IMPORT_ERROR_INVALID_UTF8, "byte 28");
  assert_fails ("import/invalid-utf8.txt", NULL, 0, VERA_IMPORT_ERROR_INVALID_UTF8, "line 3");
  assert_fails ("import/invalid-utf8.txt", NULL, 0, VERA_IMPORT_ERROR_INVALID_UTF8, "--encoding");
  /* GB18030 text is not valid UTF-8 either. */
  assert_fails ("import/gb18030.txt", NULL, 0, VERA_IMPORT_ERROR_INVALID_UTF8, "byte 0");
  /* A named encoding that does not fit is an error too, not garbled text. */
  assert_fails ("import/gb18030.txt", "Shift_JIS", 0, VERA_IMPORT_ERROR_INVALID_ENCODING, "byte");
  assert_fails ("import/crlf.txt", "no-such-charset", 0, VERA_IMPORT_ERROR_UNKNOWN_ENCODING,
                NULL);

  latin = import_ok ("import/invalid-utf8.txt", "ISO-8859-1");
  g_assert_cmpstr (latin->text, ==, "First line.\nSecond line.\nCafé au lait.");
}

static void
test_line_ends (void)
{
  g_autoptr(VeraImportedDoc) crlf = import_ok ("import/crlf.txt", NULL);
  g_autoptr(VeraImportedDoc) cr = import_ok ("import/cr.txt", NULL);
  g_autoptr(VeraImportedDoc) mixed = import_ok ("import/mixed-eol.txt", NULL);

  g_assert_cmpstr (crlf->text, ==, "Title line\nSecond line\n\nThird paragraph");
  g_assert_cmpstr (cr->text, ==, "Title line\nSecond line\n\nThird paragraph");
  g_assert_cmpstr (mixed->text, ==, "Title line\nSecond line\n\nThird line\nFourth line");
  g_assert_cmpstr (mixed->title, ==, "Title line");
}

static void
test_binary (void)
{
  assert_fails ("import/binary.dat", NULL, 0, VERA_IMPORT_ERROR_BINARY, "NUL byte at offset 8");
  assert_fails ("import/binary.dat", "Windows-1252", 0, VERA_IMPORT_ERROR_BINARY, "offset 8");
}

static void
test_size_limit (void)
{
  g_autoptr(VeraImportedDoc) doc = NULL;
  GFormatSizeFlags flags = G_FORMAT_SIZE_LONG_FORMAT | G_FORMAT_SIZE_IEC_UNITS;
  g_autofree char *size = g_format_size_full (4300, flags);
  g_autofree char *limit = g_format_size_full (1000, flags);

  assert_fails ("import/oversize.txt", NULL, 1000, VERA_IMPORT_ERROR_TOO_LARGE, size);
  assert_fails ("import/oversize.txt", NULL, 1000, VERA_IMPORT_ERROR_TOO_LARGE, limit);
  doc = import_ok ("import/oversize.txt", NULL);
  g_assert_cmpuint (vera_import_default_max_size (), ==, 20 * 1024 * 1024);
  /* The title is capped, at a word break, with an ellipsis. */
  g_assert_cmpuint (g_utf8_strlen (doc->title, -1), <=, 201);
  g_assert_true (g_str_has_suffix (doc->title, "…"));
  g_assert_false (g_str_has_suffix (doc->title, " …"));
}

static void
test_empty (void)
{
  assert_fails ("import/empty.txt", NULL, 0, VERA_IMPORT_ERROR_EMPTY, "empty");
  assert_fails ("import/blank.txt", NULL, 0, VERA_IMPORT_ERROR_EMPTY, "no text");
}

static void
test_nfc (void)
{
  g_autoptr(VeraImportedDoc) doc = import_ok ("import/nfd.txt", NULL);

  g_assert_cmpstr (doc->text, ==, "Caf\xc3\xa9 \xc3\x85ngstr\xc3\xb6m");

  /* Greek and Hangul built from parts are composed too. */
  g_clear_pointer (&doc->text, g_free);
  doc->text = vera_import_normalize_text ("\xce\xb1\xcc\x81 \xe1\x84\x80\xe1\x85\xa1");
  g_assert_cmpstr (doc->text, ==, "\xce\xac \xea\xb0\x80");
}

/* The normaliser skips NFC for text made of code points it knows to be stable; check that
 * table against GLib, one code point at a time, after a base letter and before another. */
static void
test_nfc_fast_path (void)
{
  for (gunichar c = 0x20; c < 0x10000; c++)
    {
      char buf[16] = "a";
      int n = 1;
      g_autofree char *fast = NULL;
      g_autofree char *full = NULL;

      if ((c >= 0xD800 && c <= 0xDFFF) || c == 0x7F)
        continue;
      n += g_unichar_to_utf8 (c, buf + n);
      buf[n++] = 'b';
      buf[n] = '\0';
      fast = vera_import_normalize_text (buf);
      full = g_utf8_normalize (buf, -1, G_NORMALIZE_NFC);
      if (g_strcmp0 (fast, full) != 0)
        g_error ("U+%04X: NFC gives “%s”, the importer “%s”", c, full, fast);
    }
}

static void
test_bytes (void)
{
  const char *text = "\n\n  Headline here  \r\nBody.\x01\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = vera_import_bytes (bytes, "stdin", "text/plain", NULL, &error);
  g_autoptr(VeraImportedDoc) copy = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (doc->text, ==, "  Headline here  \nBody.");
  g_assert_cmpstr (doc->title, ==, "Headline here");
  g_assert_cmpstr (doc->source, ==, "stdin");
  copy = g_boxed_copy (VERA_TYPE_IMPORTED_DOC, doc);
  g_assert_cmpstr (copy->text, ==, doc->text);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/vera/article.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = vera_import_file (file, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/vera/article.txt"));
}

/* A cancelled import says so, so that callers can tell it from a file that failed. */
static void
test_cancelled (void)
{
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = NULL;

  g_assert_true (g_file_set_contents (path, "Prices rose 5% in 2024.", -1, NULL));
  g_cancellable_cancel (cancellable);
  doc = vera_import_file (file, NULL, cancellable, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_encodings_list (void)
{
  const char * const *list = vera_import_list_encodings ();
  const char *needed[] = { "auto", "UTF-8", "UTF-16", "GB18030", "GBK", "Big5", "Shift_JIS",
                           "Windows-1252", "ISO-8859-1", "EUC-KR" };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    g_assert_true (g_strv_contains (list, needed[i]));
  /* Every choice but "auto" is one iconv can read. */
  for (guint i = 1; list[i] != NULL; i++)
    {
      GIConv cd = g_iconv_open ("UTF-8", list[i]);

      g_assert_true (cd != (GIConv) -1);
      g_iconv_close (cd);
      g_assert_nonnull (vera_import_encoding_label (list[i]));
    }
}

int
main (int    argc,
      char **argv)
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/import-text/unicode-boms", test_unicode_boms);
  g_test_add_func ("/vera/import-text/legacy-encodings", test_legacy_encodings);
  g_test_add_func ("/vera/import-text/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/vera/import-text/line-ends", test_line_ends);
  g_test_add_func ("/vera/import-text/binary", test_binary);
  g_test_add_func ("/vera/import-text/size-limit", test_size_limit);
  g_test_add_func ("/vera/import-text/empty", test_empty);
  g_test_add_func ("/vera/import-text/nfc", test_nfc);
  g_test_add_func ("/vera/import-text/nfc-fast-path", test_nfc_fast_path);
  g_test_add_func ("/vera/import-text/bytes", test_bytes);
  g_test_add_func ("/vera/import-text/missing-file", test_missing_file);
  g_test_add_func ("/vera/import-text/encodings-list", test_encodings_list);
  g_test_add_func ("/vera/import-text/cancelled", test_cancelled);

  return g_test_run ();
}
