/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-text-span"

#include "config.h"

#include "vera-text-span.h"

/**
 * vera_text_span_array_new:
 *
 * Returns: (transfer full): an empty array of #VeraTextSpan.
 */
GArray *
vera_text_span_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (VeraTextSpan));
}

/**
 * vera_text_is_space:
 * @c: a character
 *
 * Returns: whether @c is white space, the no-break, ideographic and zero-width spaces and the
 *   byte order mark included
 */
gboolean
vera_text_is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0x00A0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F ||
         c == 0x205F || c == 0x2028 || c == 0x2029 || c == 0xFEFF || c == 0x1680 || c == 0x0085;
}

/**
 * vera_text_skip_spaces:
 * @text: UTF-8 text
 * @pos: a byte offset
 * @limit: where to stop
 *
 * Returns: the offset of the first character at or after @pos that is not white space, or @limit
 */
gsize
vera_text_skip_spaces (const char *text,
                       gsize       pos,
                       gsize       limit)
{
  while (pos < limit)
    {
      gsize next;

      if (!vera_text_is_space (vera_text_get_char (text, pos, limit, &next)))
        break;
      pos = next;
    }
  return pos;
}

/**
 * vera_text_char_start:
 * @text: UTF-8 text
 * @pos: a byte offset > @floor
 * @floor: how far back to look
 *
 * Returns: the offset of the character that ends at @pos (a stray continuation byte counts as
 *   one character)
 */
gsize
vera_text_char_start (const char *text,
                      gsize       pos,
                      gsize       floor)
{
  gsize p;

  g_return_val_if_fail (pos > floor, floor);

  p = pos - 1;
  while (p > floor && pos - p < 4 && ((guchar) text[p] & 0xC0) == 0x80)
    p--;
  return p;
}

/**
 * vera_text_trim_end:
 * @text: UTF-8 text
 * @start: where the slice starts
 * @end: where it ends
 *
 * Returns: @end moved back over trailing white space, never before @start
 */
gsize
vera_text_trim_end (const char *text,
                    gsize       start,
                    gsize       end)
{
  while (end > start)
    {
      gsize p = vera_text_char_start (text, end, start);
      gsize next;

      if (!vera_text_is_space (vera_text_get_char (text, p, end, &next)))
        break;
      end = p;
    }
  return end;
}

/**
 * vera_text_bytes_to_chars:
 * @text: UTF-8 text
 * @len: its length in bytes
 * @offsets_sorted: (array length=n): byte offsets into @text, in ascending order, each <= @len
 * @n: how many offsets
 * @out_chars: (array length=n) (out caller-allocates): the code point offset of each byte offset
 *
 * Converts many byte offsets to code point offsets in one pass over @text. A byte offset that
 * falls inside a multi-byte character counts the characters that start before it.
 *
 * Returns: %FALSE (and leaves @out_chars partly filled) when the offsets are not sorted or one
 *   lies past @len.
 */
gboolean
vera_text_bytes_to_chars (const char  *text,
                          gsize        len,
                          const gsize *offsets_sorted,
                          guint        n,
                          guint       *out_chars)
{
  gsize pos = 0;
  guint chars = 0;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);
  g_return_val_if_fail (offsets_sorted != NULL || n == 0, FALSE);
  g_return_val_if_fail (out_chars != NULL || n == 0, FALSE);

  for (guint i = 0; i < n; i++)
    {
      gsize target = offsets_sorted[i];

      if (target > len || target < pos)
        return FALSE;
      for (; pos < target; pos++)
        if (((guchar) text[pos] & 0xC0) != 0x80)
          chars++;
      out_chars[i] = chars;
    }
  return TRUE;
}

/**
 * vera_text_spans_to_chars:
 * @text: UTF-8 text
 * @len: its length in bytes
 * @spans: (element-type VeraTextSpan): sorted spans that do not overlap
 * @out_chars: (out caller-allocates): room for 2 × @spans->len code point offsets, filled with
 *   start and end of each span in turn
 *
 * Returns: %FALSE when the spans are not sorted, overlap or lie past @len.
 */
gboolean
vera_text_spans_to_chars (const char   *text,
                          gsize         len,
                          const GArray *spans,
                          guint        *out_chars)
{
  g_autofree gsize *offsets = NULL;

  g_return_val_if_fail (spans != NULL, FALSE);
  g_return_val_if_fail (g_array_get_element_size ((GArray *) spans) == sizeof (VeraTextSpan), FALSE);

  offsets = g_new (gsize, 2 * (gsize) spans->len + 1);
  for (guint i = 0; i < spans->len; i++)
    {
      const VeraTextSpan *span = &g_array_index (spans, VeraTextSpan, i);

      offsets[2 * i] = span->start;
      offsets[2 * i + 1] = span->end;
    }
  return vera_text_bytes_to_chars (text, len, offsets, 2 * spans->len, out_chars);
}
