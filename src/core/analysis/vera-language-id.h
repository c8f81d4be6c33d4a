/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"

G_BEGIN_DECLS

/* The confidence from which a span's own language is trusted over its neighbours'. */
#define VERA_LANGUAGE_ID_CONFIDENT 0.5

/* A stretch of text (one line or several) in one language. */
typedef struct
{
  gsize       start;      /* bytes, end exclusive */
  gsize       end;
  const char *tag;        /* static: "en", "de", "zh-Hans", "fr", … or "und" */
  double      confidence; /* of its own or its paragraph's evidence; 0 for the whole text's */
} VeraLanguageSpan;

/* Identifies the language of @text (@len bytes of UTF-8; invalid bytes are passed over).
 *
 * Returns a static BCP 47 tag: "en", "de", "fr", "es", "it", "nl", "pt" for Latin script (by
 * function words, with word endings and accented letters as weak cues); "zh-Hans", "zh-Hant"
 * or "zh" (when no character tells the two apart), "ja", "ko" for Han text by the share of
 * kana and Hangul; "ru", "uk", "sr", "el", "ar", "he", "hi", "th", "hy", "ka" by script; "und"
 * when the text gives too little to tell (a Latin headline without one known word, digits).
 * @confidence (optional) gets 0 to 1: how much the evidence favours the tag. */
const char *vera_language_identify       (const char    *text,
                                          gsize          len,
                                          double        *confidence);

/* The language of every line of @text, for articles that mix languages. A line with too
 * little evidence of its own takes its paragraph's language (lines between blank lines), else
 * the whole text's. Runs in @skip (sorted VeraTextSpan, such as injected text; may be NULL) do
 * not count. Consecutive lines of one tag are merged; the spans cover @text in order.
 * @dominant (optional) gets the language of the whole text, as vera_language_identify() gives
 * it without the skipped runs, and @confidence its confidence.
 *
 * Returns: (transfer full) (element-type VeraLanguageSpan): the spans, none for empty text */
GArray     *vera_language_identify_spans (const char    *text,
                                          gsize          len,
                                          const GArray  *skip,
                                          const char   **dominant,
                                          double        *confidence);

/* The span of @spans (from vera_language_identify_spans()) that holds byte @pos, or NULL. */
const VeraLanguageSpan *
            vera_language_spans_find     (const GArray  *spans,
                                          gsize          pos);

/* The language to analyse the text at byte @pos with, in an article in @article whose text is
 * mostly in @dominant (both from vera_language_identify_spans()). A line or paragraph that
 * tells its own language confidently keeps it (a Chinese paragraph quoted in an English
 * article); the rest take @article. When the article's language was @given (by the reviewer,
 * the page or --language) it also wins over what the detector found for the text's main
 * language, so that a reviewer's correction is honoured; only paragraphs in another language
 * than the main one keep theirs. */
VeraLanguage vera_language_spans_resolve (const GArray  *spans,
                                          gsize          pos,
                                          VeraLanguage   article,
                                          gboolean       given,
                                          const char    *dominant);

/* Whether @tag is a well-formed BCP 47 language tag as Vera stores it: a primary subtag of two
 * or three letters (or "und"), then subtags of one to eight letters or digits joined by '-'. */
gboolean    vera_language_tag_is_valid   (const char    *tag);

G_END_DECLS
