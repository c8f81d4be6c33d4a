/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"
#include "config.h"

#include <string.h>

#include "fuzz-util.h"
#include "vera-import.h"

/* vera_import_bytes() on hostile files and HTTP bodies. The first byte picks the content type
 * (as an HTTP header gives it, or none so the bytes are sniffed), the second the encoding the
 * user named (or none); the rest is the body. */

static const char *content_types[] = {
  NULL,
  "text/plain",
  "text/html",
  "application/xhtml+xml",
  "text/html; charset=gbk",
  "text/plain; charset=utf-16",
  "text/html; charset=\"windows-1252\"",
  "text/html; charset=no-such-charset",
};

static const char *encodings[] = {
  NULL,
  "UTF-8",
  "ISO-8859-1",
  "WINDOWS-1252",
  "GB18030",
  "SHIFT_JIS",
  "UTF-16LE",
  "x-no-such-encoding",
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *content_type = content_types[fuzz_take_choice (&data, &size,
                                                             G_N_ELEMENTS (content_types))];
  guint encoding = fuzz_take_choice (&data, &size, G_N_ELEMENTS (encodings));
  VeraImportOptions options = { encodings[encoding], 0 };
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = NULL;

  /* The last encoding choice also tries a tiny size limit. */
  if (encoding == G_N_ELEMENTS (encodings) - 1)
    options = (VeraImportOptions) { NULL, 64 };

  doc = vera_import_bytes (bytes, "fuzz-input", content_type, &options, &error);
  if (doc == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == VERA_IMPORT_ERROR);
      fuzz_assert_utf8 (error->message);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_nonnull (doc->text);
  fuzz_assert_utf8 (doc->text);
  g_assert_null (strchr (doc->text, '\r'));
  {
    g_autofree char *nfc = g_utf8_normalize (doc->text, -1, G_NORMALIZE_NFC);

    g_assert_cmpstr (nfc, ==, doc->text);
  }
  fuzz_assert_utf8 (doc->title);
  fuzz_assert_utf8 (doc->language);
  fuzz_assert_utf8 (doc->publisher);
  fuzz_assert_utf8 (doc->author);
  fuzz_assert_utf8 (doc->published);
  fuzz_assert_utf8 (doc->description);
  {
    g_autoptr(VeraImportedDoc) copy = vera_imported_doc_copy (doc);

    g_assert_cmpstr (copy->text, ==, doc->text);
  }
  return 0;
}
