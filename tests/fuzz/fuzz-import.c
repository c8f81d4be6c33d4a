/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"

#include "config.h"

#include "vera-import.h"

/* A libFuzzer target for the text and HTML importers: any bytes must give valid UTF-8 text or
 * a clean error. The first byte picks how the bytes are announced. Not built by default; with
 * clang:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc/core/io -I_build \
 *     $(pkg-config --cflags gio-2.0 libxml-2.0) tests/fuzz/fuzz-import.c \
 *     src/core/io/vera-import*.c src/core/io/vera-html-*.c \
 *     $(pkg-config --libs gio-2.0 libxml-2.0) -o fuzz-import
 *   ./fuzz-import -max_len=20000 tests/fixtures/import */

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const types[] = { "text/html", "text/plain", NULL,
                                        "text/html; charset=gbk" };
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraImportedDoc) doc = NULL;

  doc = vera_import_bytes (bytes, "fuzz", types[size > 0 ? data[0] % 4 : 0], NULL, &error);
  g_assert ((doc == NULL) != (error == NULL));
  if (doc != NULL)
    g_assert (g_utf8_validate (doc->text, -1, NULL));
  return 0;
}
