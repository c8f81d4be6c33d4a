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
