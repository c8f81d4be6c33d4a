/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "vera-language.h"

G_BEGIN_DECLS

/* A word list of one language, loaded from a data file of the GResource
 * (src/core/lexicon/data/LANG/NAME.txt) into a hash table. Immutable once loaded, so one table
 * is shared by every thread.
 *
 * File format: UTF-8, one entry a line, "key" or "key<TAB>value"; lines starting with '#' and
 * blank lines are ignored. A key is a word or a phrase of words separated by one space. Keys are
 * matched without case (g_utf8_strdown on both sides); the value is the entry's meaning for its
 * user (a unit code, a factor, a concept id) and "" when the line has none. */
typedef struct _VeraLexicon VeraLexicon;

/* The list NAME of LANGUAGE ("any" holds the language-neutral lists: VERA_LANGUAGE_UND). Loaded
 * on first use and kept for the life of the process (the one process-wide cache of the core: it
 * holds immutable data from the GResource). A list that does not exist is a programming error:
 * it warns and gives an empty lexicon, never NULL. */
const VeraLexicon *vera_lexicon_get          (VeraLanguage       language,
                                              const char        *name);

/* Parses @data (a lexicon file's contents) for tests and validation; @origin names it in errors
 * ("de/speech-verbs.txt: line 12: …"). Errors: G_IO_ERROR_INVALID_DATA for invalid UTF-8, a
 * key with leading, trailing or double spaces, an empty key, or a key given twice. */
VeraLexicon       *vera_lexicon_new_from_data (const char       *data,
                                               gsize             len,
                                               const char       *origin,
                                               GError          **error);
void               vera_lexicon_free         (VeraLexicon       *self);

/* The value of the entry @word (@len bytes, or -1 when NUL-terminated), or NULL when the list
 * does not hold it. No allocation for ASCII words up to 63 bytes. */
/* TRUE when a key of several words (joined by spaces or hyphens) starts with @word, the text
 * before the first space or hyphen: phrase matchers try longer phrases only then. */
gboolean           vera_lexicon_may_start_phrase (const VeraLexicon *self,
                                                  const char        *word,
                                                  gssize             len);
const char        *vera_lexicon_lookup       (const VeraLexicon *self,
                                              const char        *word,
                                              gssize             len);
gboolean           vera_lexicon_contains     (const VeraLexicon *self,
                                              const char        *word,
                                              gssize             len);
/* The longest entry that starts @text (@len bytes), for text without spaces between words
 * (Chinese): returns its length in bytes (0 when none) and its value in @value. */
gsize              vera_lexicon_match_prefix (const VeraLexicon *self,
                                              const char        *text,
                                              gsize              len,
                                              const char       **value);
/* The longest entry that ends @text (@len bytes): its length in bytes, or 0. */
gsize              vera_lexicon_match_suffix (const VeraLexicon *self,
                                              const char        *text,
                                              gsize              len,
                                              const char       **value);
/* The most words any key has (phrases), and the number of entries. */
guint              vera_lexicon_get_max_words (const VeraLexicon *self);
guint              vera_lexicon_get_size     (const VeraLexicon *self);
/* Every (normalised) key, sorted, NULL-terminated; free with g_free (the strings are the
 * lexicon's). For tests and tools. */
const char       **vera_lexicon_dup_keys     (const VeraLexicon *self);

/* The "LANG/NAME" of every lexicon file in the GResource, sorted (for the validation test). */
char             **vera_lexicon_list_all     (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraLexicon, vera_lexicon_free)

G_END_DECLS
