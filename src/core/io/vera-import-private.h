/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-import.h"

G_BEGIN_DECLS

/* Shared by the text and HTML importers (vera-import-text.c). */

/* The charset a byte order mark names, or NULL; `bom_len` gets the mark's length. */
const char      *vera_import_sniff_bom        (const char   *data,
                                               gsize         len,
                                               gsize        *bom_len);
/* TRUE for encodings whose text has NUL bytes in it (UTF-16, UTF-32). */
gboolean         vera_import_is_wide_charset  (const char   *charset);
/* Converts to UTF-8. Strict: the first invalid byte is an error naming its offset and line.
 * Lenient: each invalid byte becomes U+FFFD. The result has no NUL bytes (else BINARY). */
char            *vera_import_convert          (const char   *data,
                                               gsize         len,
                                               const char   *charset,
                                               gboolean      strict,
                                               const char   *source,
                                               GError      **error);
/* LF line ends, no other control characters but TAB, NFC, no trailing blank space. */
char            *vera_import_normalize_text   (const char   *utf8);
/* Trims Unicode white space and caps the length at about 200 characters; NULL if empty. */
char            *vera_import_make_title       (const char   *line);

VeraImportedDoc *vera_import_text             (const char   *data,
                                               gsize         len,
                                               const char   *source,
                                               const char   *encoding,
                                               GError      **error);
/* `encoding` is the user's choice, `http_charset` the Content-Type charset; either may be NULL. */
VeraImportedDoc *vera_import_html             (const char   *data,
                                               gsize         len,
                                               const char   *source,
                                               const char   *encoding,
                                               const char   *http_charset,
                                               GError      **error);

G_END_DECLS
