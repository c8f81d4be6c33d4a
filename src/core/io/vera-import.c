/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "vera-import-private.h"

#define DEFAULT_MAX_SIZE ((gsize) 20 * 1024 * 1024)
#define SNIFF_BYTES 1024

G_DEFINE_QUARK (vera-import-error-quark, vera_import_error)
G_DEFINE_BOXED_TYPE (VeraImportedDoc, vera_imported_doc, vera_imported_doc_copy,
                     vera_imported_doc_free)

VeraImportedDoc *
vera_imported_doc_new (void)
{
  return g_new0 (VeraImportedDoc, 1);
}

VeraImportedDoc *
vera_imported_doc_copy (const VeraImportedDoc *self)
{
  VeraImportedDoc *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = vera_imported_doc_new ();
  copy->text = g_strdup (self->text);
  copy->title = g_strdup (self->title);
  copy->source = g_strdup (self->source);
  copy->language = g_strdup (self->language);
  copy->publisher = g_strdup (self->publisher);
  copy->author = g_strdup (self->author);
  copy->published = g_strdup (self->published);
  copy->description = g_strdup (self->description);
  return copy;
}

void
vera_imported_doc_free (VeraImportedDoc *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->title);
  g_free (self->source);
  g_free (self->language);
  g_free (self->publisher);
  g_free (self->author);
  g_free (self->published);
  g_free (self->description);
  g_free (self);
}

gsize
vera_import_default_max_size (void)
{
  return DEFAULT_MAX_SIZE;
}

static const struct {
  const char *name;
  const char *label;
} encodings[] = {
  { "auto", N_("Automatic") },
  { "UTF-8", N_("Unicode (UTF-8)") },
  { "UTF-16", N_("Unicode (UTF-16)") },
  { "GB18030", N_("Chinese Simplified (GB18030)") },
  { "GBK", N_("Chinese Simplified (GBK)") },
  { "Big5", N_("Chinese Traditional (Big5)") },
  { "Shift_JIS", N_("Japanese (Shift_JIS)") },
  { "EUC-JP", N_("Japanese (EUC-JP)") },
  { "EUC-KR", N_("Korean (EUC-KR)") },
  { "Windows-1252", N_("Western (Windows-1252)") },
  { "ISO-8859-1", N_("Western (ISO-8859-1)") },
  { "ISO-8859-15", N_("Western (ISO-8859-15)") },
  { "Windows-1250", N_("Central European (Windows-1250)") },
  { "ISO-8859-2", N_("Central European (ISO-8859-2)") },
  { "Windows-1251", N_("Cyrillic (Windows-1251)") },
  { "KOI8-R", N_("Cyrillic (KOI8-R)") },
  { "ISO-8859-7", N_("Greek (ISO-8859-7)") },
  { "Windows-1254", N_("Turkish (Windows-1254)") },
  { "Windows-1256", N_("Arabic (Windows-1256)") },
  { "ISO-8859-8", N_("Hebrew (ISO-8859-8)") },
  { "TIS-620", N_("Thai (TIS-620)") },
  { "Windows-1258", N_("Vietnamese (Windows-1258)") },
};

const char * const *
vera_import_list_encodings (void)
{
  /* A constant table: the names never change, so one array serves every caller. */
  static const char * const names[] = {
    "auto", "UTF-8", "UTF-16", "GB18030", "GBK", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR",
    "Windows-1252", "ISO-8859-1", "ISO-8859-15", "Windows-1250", "ISO-8859-2", "Windows-1251",
    "KOI8-R", "ISO-8859-7", "Windows-1254", "Windows-1256", "ISO-8859-8", "TIS-620",
    "Windows-1258", NULL,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == G_N_ELEMENTS (encodings) + 1);
  return names;
}

/* A translated, human-readable name for one of vera_import_list_encodings (). */
const char *
vera_import_encoding_label (const char *encoding)
{
  g_return_val_if_fail (encoding != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (g_ascii_strcasecmp (encodings[i].name, encoding) == 0)
      return _(encodings[i].label);
  return encoding;
}

/* Splits "text/html; charset=gbk" into "text/html" and "gbk". */
static char *
parse_content_type (const char  *content_type,
                    char       **charset)
{
  g_auto(GStrv) parts = g_strsplit (content_type, ";", -1);

  *charset = NULL;
  for (guint i = 1; parts[i] != NULL; i++)
    {
      char *param = g_strstrip (parts[i]);

      if (g_ascii_strncasecmp (param, "charset=", 8) == 0)
        {
          char *value = g_strstrip (param + 8);
          gsize n = strlen (value);

          if (n >= 2 && (value[0] == '"' || value[0] == '\'') && value[n - 1] == value[0])
            {
              value[n - 1] = '\0';
              value++;
            }
          g_free (*charset);
          *charset = *value != '\0' ? g_strdup (value) : NULL;
        }
    }
  return g_ascii_strdown (g_strstrip (parts[0]), -1);
}

static gboolean
looks_like_html (const char *data,
                 gsize       len)
{
  static const char * const marks[] = { "<!doctype html", "<html", "<head", "<body", "<meta",
                                        "<title", "<article", "<div", "<p>", "<p " };
  g_autofree char *decoded = NULL;
  g_autofree char *head = NULL;
  const char *charset;
  gsize bom_len = 0;
  gsize i;

  /* UTF-16 and UTF-32 files are sniffed on their first characters, decoded. */
  charset = vera_import_sniff_bom (data, len, &bom_len);
  if (vera_import_is_wide_charset (charset))
    {
      decoded = vera_import_convert (data + bom_len, MIN (len - bom_len, SNIFF_BYTES * 4),
                                     charset, FALSE, "", NULL);
      if (decoded == NULL)
        return FALSE;
      data = decoded;
      len = strlen (decoded);
      bom_len = 0;
    }
  for (i = bom_len; i < len && g_ascii_isspace (data[i]); i++)
    ;
  if (i >= len || data[i] != '<')
    return FALSE;

  head = g_ascii_strdown (data + i, MIN (len - i, SNIFF_BYTES));
  for (guint m = 0; m < G_N_ELEMENTS (marks); m++)
    if (strstr (head, marks[m]) != NULL)
      return TRUE;
  return FALSE;
}

static gsize
effective_limit (const VeraImportOptions *options)
{
  return options != NULL && options->max_size > 0 ? options->max_size : DEFAULT_MAX_SIZE;
}

/* "20.0 MiB (20,971,520 bytes)": binary units, as the --max-size option counts them. */
static char *
format_size (gsize size)
{
  return g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT | G_FORMAT_SIZE_IEC_UNITS);
}

static gboolean
check_size (gsize                    size,
            const char              *source,
            const VeraImportOptions *options,
            GError                 **error)
{
  gsize limit = effective_limit (options);
  g_autofree char *size_str = NULL;
  g_autofree char *limit_str = NULL;

  if (size == 0)
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty"), source);
      return FALSE;
    }
  if (size <= limit)
    return TRUE;

  size_str = format_size (size);
  limit_str = format_size (limit);
  g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_TOO_LARGE,
               _("“%s” is %s, more than the import limit of %s"), source, size_str, limit_str);
  return FALSE;
}

VeraImportedDoc *
vera_import_bytes (GBytes                  *bytes,
                   const char              *source,
                   const char              *content_type,
                   const VeraImportOptions *options,
                   GError                 **error)
{
  g_autofree char *mime = NULL;
  g_autofree char *http_charset = NULL;
  const char *encoding = NULL;
  const char *data;
  gsize len = 0;
  gboolean html;
  VeraImportedDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (source == NULL)
    source = _("the document");
  data = g_bytes_get_data (bytes, &len);
  if (!check_size (len, source, options, error))
    return NULL;

  if (options != NULL && options->encoding != NULL && *options->encoding != '\0'
      && g_ascii_strcasecmp (options->encoding, "auto") != 0)
    encoding = options->encoding;

  if (content_type != NULL)
    mime = parse_content_type (content_type, &http_charset);

  if (mime != NULL && (strcmp (mime, "text/html") == 0
                       || strcmp (mime, "application/xhtml+xml") == 0))
    html = TRUE;
  else if (mime != NULL && strcmp (mime, "text/plain") == 0)
    html = FALSE;
  else
    html = looks_like_html (data, len);

  if (html)
    doc = vera_import_html (data, len, source, encoding, http_charset, error);
  else
    doc = vera_import_text (data, len, source, encoding != NULL ? encoding : http_charset, error);
  /* A language the caller names wins over <html lang> (and over detection later). */
  if (doc != NULL && options != NULL && options->language != NULL && *options->language != '\0')
    {
      g_free (doc->language);
      doc->language = g_strdup (options->language);
    }
  return doc;
}

static const char *
content_type_for_name (const char *basename)
{
  g_autofree char *lower = g_ascii_strdown (basename, -1);

  if (g_str_has_suffix (lower, ".html") || g_str_has_suffix (lower, ".htm")
      || g_str_has_suffix (lower, ".shtml"))
    return "text/html";
  if (g_str_has_suffix (lower, ".xhtml") || g_str_has_suffix (lower, ".xht"))
    return "application/xhtml+xml";
  if (g_str_has_suffix (lower, ".txt") || g_str_has_suffix (lower, ".text"))
    return "text/plain";
  return NULL;
}

/* Reads at most one byte past the limit, so that a device or a pipe that never ends, or a
 * file that grew after its size was read, cannot exhaust memory. */
static GBytes *
read_bounded (GFile                   *file,
              const char              *source,
              const VeraImportOptions *options,
              GCancellable            *cancellable,
              GError                 **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  gsize limit = effective_limit (options);
  guint8 buf[65536];

  in = g_file_read (file, cancellable, &local_error);
  while (in != NULL)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf, cancellable,
                                      &local_error);

      if (n <= 0)
        break;
      g_byte_array_append (data, buf, n);
      if (data->len > limit)
        {
          g_autofree char *limit_str = format_size (limit);

          g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_TOO_LARGE,
                       _("“%s” is larger than the import limit of %s"), source, limit_str);
          return NULL;
        }
    }
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (local_error != NULL)
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), source, local_error->message);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

VeraImportedDoc *
vera_import_file (GFile                   *file,
                  const VeraImportOptions *options,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *source = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  source = g_file_get_path (file);
  if (source == NULL)
    source = g_file_get_uri (file);
  basename = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  /* Cancellation stays G_IO_ERROR_CANCELLED, so that callers do not list it as a failure. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (info == NULL && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_IO,
                   _("“%s” does not exist"), source);
      return NULL;
    }
  if (info == NULL)
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), source, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, VERA_IMPORT_ERROR, VERA_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: it is a folder"), source);
      return NULL;
    }
  /* Refuse a large file before reading it; the size is checked again on the bytes read. */
  if (g_file_info_get_size (info) > 0
      && !check_size ((gsize) g_file_info_get_size (info), source, options, error))
    return NULL;

  bytes = read_bounded (file, source, options, cancellable, error);
  if (bytes == NULL)
    return NULL;

  return vera_import_bytes (bytes, source, content_type_for_name (basename), options, error);
}
