/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "vera-types.h"

G_BEGIN_DECLS

/* Every fuzz target defines these two, as libFuzzer expects them. The replay driver
 * (fuzz-replay.c) calls them the same way for each file of the seed corpus. */
int    LLVMFuzzerInitialize   (int            *argc,
                               char         ***argv);
int    LLVMFuzzerTestOneInput (const uint8_t  *data,
                               size_t          size);

/* Makes warnings and criticals abort, so a failed g_return_if_fail() is a finding too. */
void   fuzz_init              (void);
/* The input as valid UTF-8 without NUL bytes (what every importer hands the analysis):
 * invalid sequences become U+FFFD and NULs spaces. When @nfc, also NFC-normalised, as the
 * text of a VeraArticle is. */
char  *fuzz_dup_text          (const uint8_t  *data,
                               size_t          size,
                               gboolean        nfc,
                               gsize          *len);
/* Reads a selector byte from the front of the input (the seed files start with a digit, so
 * '0' selects choice 0); returns 0 when the input is empty. */
guint  fuzz_take_choice       (const uint8_t **data,
                               size_t         *size,
                               guint           n_choices);
/* FALSE when something other than white space follows the first JSON value ("0{}",
 * "{}{}"). json-glib 1.6 loads such input without an error and leaks every value but the
 * last; the targets skip it so that LeakSanitizer reports Vera's leaks, not that one. */
gboolean fuzz_json_is_single_value (const uint8_t *data,
                                    size_t         size);
/* Asserts that every claim of @project lies inside its article's text and quotes it, and that
 * its note and context are UTF-8. */
void     fuzz_check_project        (VeraProject   *project);
/* Asserts that @str is NULL or valid UTF-8. */
void   fuzz_assert_utf8       (const char     *str);

G_END_DECLS
