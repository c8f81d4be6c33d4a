/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

G_BEGIN_DECLS

/* Exit codes of every subcommand. */
enum {
  VERA_CHECK_EXIT_OK = 0,
  VERA_CHECK_EXIT_INPUT = 1,   /* bad input: unreadable file, invalid project, network failure */
  VERA_CHECK_EXIT_USAGE = 2,   /* bad command line */
};

/* Each subcommand lives in its own file, vera-check-<name>.c, and gets argv with argv[0] set to
 * "vera-check <name>". It prints a one-line reason on stderr before returning non-zero. */
typedef int (*VeraCheckCommandFunc) (int argc, char **argv);

typedef struct {
  const char *name;
  VeraCheckCommandFunc func;
  const char *summary;   /* translatable (N_) one-line summary for `vera-check --help` */
} VeraCheckCommand;

/* @text as one line of printable text for a terminal: invalid UTF-8 repaired, line breaks and
 * tabs as spaces, other control characters (C0, DEL, C1 such as ESC and CSI) and bidi controls
 * (U+202A–U+202E, U+2066–U+2069) as U+FFFD. Page titles and file names are untrusted: an
 * escape sequence in one could retitle, clear or rewrite the user's terminal. NULL gives "". */
char *vera_check_dup_printable (const char *text);

/* Prints "vera-check: MESSAGE" on stderr, made printable and one line (see above). */
void vera_check_error (const char *format, ...) G_GNUC_PRINTF (1, 2);

/* Parses a GOptionContext for a subcommand; on error prints it and returns FALSE. */
gboolean vera_check_parse_options (GOptionContext *context,
                                   int            *argc,
                                   char         ***argv);

/* The largest --max-size a command accepts, in megabytes: a file is read into memory whole, and
 * GLib cannot hold more than 4 GB in one string. */
#define VERA_CHECK_MAX_SIZE_MB_LIMIT 2048

/* Checks a --max-size value given in megabytes (@given: whether the option was on the command
 * line): a whole number from 1 to VERA_CHECK_MAX_SIZE_MB_LIMIT. On success stores the size in
 * bytes in @bytes (0 when not given: the command's default); otherwise prints a message that
 * names @option and the range, and returns FALSE. */
gboolean vera_check_check_max_size (const char *option,
                                    gboolean    given,
                                    gint64      megabytes,
                                    gsize      *bytes);

/* Checks that a number lies in [@min, @max] (NaN and infinities never do); otherwise prints a
 * message that names @option and the range, and returns FALSE. */
gboolean vera_check_check_range (const char *option,
                                 double      value,
                                 double      min,
                                 double      max);

/* Reads the rest of @stream, at most @limit bytes. Returns NULL at a read error or past the
 * limit (@too_large says which); the message is the caller's, who knows the option to name. */
GByteArray *vera_check_read_all_bounded (FILE     *stream,
                                         gsize     limit,
                                         gboolean *too_large);

/* Reads one line of @stream into @line (without its line break, NUL bytes kept). Returns the
 * line's length, -1 at the end of input or a read error (see ferror()), and -2 when the line
 * passes @limit bytes: then nothing more is read, so a stream without line breaks cannot
 * exhaust memory. */
gssize      vera_check_read_line        (FILE     *stream,
                                         GString  *line,
                                         gsize     limit);

/* The table, in vera-check.c. Add an entry (and a declaration below) for each subcommand. */
extern const VeraCheckCommand vera_check_commands[];

int vera_check_analyze   (int argc, char **argv);
int vera_check_archive   (int argc, char **argv);
int vera_check_export    (int argc, char **argv);
int vera_check_fetch     (int argc, char **argv);
int vera_check_import_annotations (int argc, char **argv);
int vera_check_info      (int argc, char **argv);
int vera_check_match     (int argc, char **argv);
int vera_check_sentences (int argc, char **argv);
int vera_check_score     (int argc, char **argv);
int vera_check_share     (int argc, char **argv);
int vera_check_pull      (int argc, char **argv);
/* share and pull in one: the same options, the project changed in place on success. */
int vera_check_run_share (int argc, char **argv, gboolean pull);

G_END_DECLS
