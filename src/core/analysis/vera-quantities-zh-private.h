/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One number read from valid UTF-8 text: "3,500", "1.2万", "三千五百", "三点五", "二〇二四". */
typedef struct
{
  double      value;
  const char *end;          /* just after the number (and its scale characters) */
  gboolean    arabic;       /* written with digits */
  gboolean    bad;          /* looks like a code: leading zero, broken groups, "1.2.3" */
  gboolean    decimal;
  guint       int_digits;   /* digits before the point (arabic) or of a digit string (Han) */
  gboolean    digit_string; /* Han digits without a scale, "二〇二四": a year, never a figure */
  gboolean    scaled;       /* a scale of 1000 or more was read ("万", "千", "亿") */
  double      factor;       /* the product of the scale characters after arabic digits */
} VeraZhNumber;

/* TRUE when @p starts an ASCII or full-width digit. */
G_GNUC_INTERNAL gboolean vera_zh_is_digit       (const char *p,
                                                 const char *end);
/* TRUE when @p starts a Han digit (零 to 九, 两, the financial forms) or 十/拾. */
G_GNUC_INTERNAL gboolean vera_zh_is_numeral     (const char *p,
                                                 const char *end);
/* TRUE when @p starts 百, 千 or 万: a number with an implicit 一 (近千人, 百余家). */
G_GNUC_INTERNAL gboolean vera_zh_starts_with_scale (const char *p,
                                                    const char *end);
/* The end of a chain of digit groups joined by '-', ' ', ':', '/', '.', ',' starting at @p:
 * a phone number, a time or a code, skipped whole. */
G_GNUC_INTERNAL const char *vera_zh_skip_chain  (const char *p,
                                                 const char *end);
/* TRUE when a digit group follows @p through ' ', ':', '/' or '_': the number before is part
 * of a code. */
G_GNUC_INTERNAL gboolean    vera_zh_is_chained  (const char *p,
                                                 const char *end);
/* The end of the digits, Han numerals, scales and separators starting at @p. */
G_GNUC_INTERNAL const char *vera_zh_skip_number (const char *p,
                                                 const char *end);
/* Reads the number starting at @p; FALSE (and @num untouched) when none starts there. */
G_GNUC_INTERNAL gboolean vera_zh_read_number    (const char   *p,
                                                 const char   *end,
                                                 VeraZhNumber *num);
/* Multiplies @num by the scale characters (百千万亿) at num->end, unless a unit starts there
 * ("千米"); advances num->end. */
G_GNUC_INTERNAL void     vera_zh_read_scales    (VeraZhNumber *num,
                                                 const char   *end);

G_END_DECLS
