/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-text-span.h"

G_BEGIN_DECLS

/* Where an injected run sits on its line. */
typedef enum
{
  VERA_INJECTION_LINE_START,   /* glued or spaced in front of the line's real text */
  VERA_INJECTION_ALONE,        /* the whole line */
  VERA_INJECTION_INLINE,       /* inside a line: a spam word, or a script no article mixes in */
  VERA_INJECTION_CONTACT,      /* a spam phrase with a phone number or messenger id */
} VeraInjectionPlace;

GArray *vera_detect_injections      (const char          *text,
                                     gsize                len);
GArray *vera_detect_injections_full (const char          *text,
                                     gsize                len,
                                     GPtrArray          **reasons);
char   *vera_injection_describe     (GUnicodeScript       foreign,
                                     GUnicodeScript       article,
                                     VeraInjectionPlace   place);

G_END_DECLS
