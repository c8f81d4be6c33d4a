/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define VERA_TYPE_IMPORTED_DOC (vera_imported_doc_get_type ())
#define VERA_IMPORT_ERROR (vera_import_error_quark ())

typedef enum
{
  VERA_IMPORT_ERROR_INVALID_UTF8,      /* not UTF-8 and no encoding was named */
  VERA_IMPORT_ERROR_UNKNOWN_ENCODING,  /* the named or declared encoding is not supported */
  VERA_IMPORT_ERROR_INVALID_ENCODING,  /* the bytes are not valid in the named encoding */
  VERA_IMPORT_ERROR_BINARY,            /* a NUL byte: not a text or HTML file */
  VERA_IMPORT_ERROR_TOO_LARGE,         /* bigger than the size limit */
  VERA_IMPORT_ERROR_EMPTY,             /* no text at all */
  VERA_IMPORT_ERROR_IO,                /* the file could not be read */
  VERA_IMPORT_ERROR_PARSE,             /* the HTML parser gave up */
} VeraImportError;

/* What an importer found in a file or a page. Every string is UTF-8, NFC; NULL when unknown.
 * `text` uses LF line ends only and separates paragraphs with a blank line. The metadata fields
 * beyond title and language are left for the page-metadata extractor (src/core/net) to fill. */
typedef struct
{
  char *text;
  char *title;
  char *source;       /* the path or URL it came from, as given */
  char *language;     /* BCP 47 tag from <html lang> or Content-Language, HTML only */
  char *publisher;
  char *author;
  char *published;    /* ISO 8601 */
  char *description;
} VeraImportedDoc;

typedef struct
{
  const char *encoding;  /* a charset name as iconv knows it, or NULL to detect */
  gsize       max_size;  /* in bytes; 0 means vera_import_default_max_size () */
  const char *language;  /* a BCP 47 tag that replaces the document's own, or NULL */
} VeraImportOptions;

GQuark              vera_import_error_quark       (void);
GType               vera_imported_doc_get_type    (void) G_GNUC_CONST;
VeraImportedDoc    *vera_imported_doc_new         (void);
VeraImportedDoc    *vera_imported_doc_copy        (const VeraImportedDoc  *self);
void                vera_imported_doc_free        (VeraImportedDoc        *self);

gsize               vera_import_default_max_size  (void);
const char * const *vera_import_list_encodings    (void);
const char         *vera_import_encoding_label    (const char             *encoding);

/* `content_type` is a MIME type, optionally with a charset parameter as an HTTP Content-Type
 * header carries it ("text/html; charset=gbk"); NULL to sniff the bytes. */
VeraImportedDoc    *vera_import_bytes             (GBytes                 *bytes,
                                                   const char             *source,
                                                   const char             *content_type,
                                                   const VeraImportOptions *options,
                                                   GError                **error);
VeraImportedDoc    *vera_import_file              (GFile                  *file,
                                                   const VeraImportOptions *options,
                                                   GCancellable           *cancellable,
                                                   GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraImportedDoc, vera_imported_doc_free)

G_END_DECLS
