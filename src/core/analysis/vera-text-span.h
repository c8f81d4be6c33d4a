/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a span of analysed text is, beyond its place. */
typedef enum /*< flags >*/
{
  VERA_SPAN_NONE      = 0,
  VERA_SPAN_HEADING   = 1 << 0,  /* a line of its own without end punctuation */
  VERA_SPAN_LIST_ITEM = 1 << 1,  /* a bulleted or numbered list item */
  VERA_SPAN_INJECTED  = 1 << 2,  /* text that does not belong to the article */
} VeraSpanFlags;

/* A slice of UTF-8 text shared by every analysis module: byte offsets, end exclusive. Byte
 * offsets keep the analysis linear; vera_text_bytes_to_chars() turns them into the code point
 * offsets that the project file stores. */
typedef struct
{
  gsize start;
  gsize end;
  guint flags;
} VeraTextSpan;

GArray   *vera_text_span_array_new  (void);

gboolean  vera_text_bytes_to_chars  (const char   *text,
                                     gsize         len,
                                     const gsize  *offsets_sorted,
                                     guint         n,
                                     guint        *out_chars);
gboolean  vera_text_spans_to_chars  (const char   *text,
                                     gsize         len,
                                     const GArray *spans,
                                     guint        *out_chars);

G_END_DECLS
