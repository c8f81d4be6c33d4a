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

gboolean  vera_text_is_space        (gunichar      c);
gsize     vera_text_skip_spaces     (const char   *text,
                                     gsize         pos,
                                     gsize         limit);
gsize     vera_text_trim_end        (const char   *text,
                                     gsize         start,
                                     gsize         end);
gsize     vera_text_char_start      (const char   *text,
                                     gsize         pos,
                                     gsize         floor);

gboolean  vera_text_bytes_to_chars  (const char   *text,
                                     gsize         len,
                                     const gsize  *offsets_sorted,
                                     guint         n,
                                     guint        *out_chars);
gboolean  vera_text_spans_to_chars  (const char   *text,
                                     gsize         len,
                                     const GArray *spans,
                                     guint        *out_chars);

/* The character at @pos of @text, which must not be read past @limit (> @pos), and in *next
 * the offset of the one after it. Text is hostile: an invalid or cut sequence reads as U+FFFD
 * and counts one byte. Inline, since every scanner calls it for each character. */
static inline gunichar
vera_text_get_char (const char *text,
                    gsize       pos,
                    gsize       limit,
                    gsize      *next)
{
  gunichar c;

  if ((guchar) text[pos] < 0x80)
    {
      *next = pos + 1;
      return (guchar) text[pos];
    }
  c = g_utf8_get_char_validated (text + pos, (gssize) MIN (limit - pos, 6));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = pos + 1;
      return 0xFFFD;
    }
  *next = pos + g_utf8_skip[(guchar) text[pos]];
  return c;
}

G_END_DECLS
