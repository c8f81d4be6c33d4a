/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-injection"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-injection.h"
#include "vera-script.h"

/* Injected text: a run in a script foreign to the article at the start of a line, as spam
 * pasted into scraped or syndicated articles looks. The article's script is the one with the
 * most letters. A run is kept only when it cannot be a legitimate foreign word:
 *  - it does not open with a quote or bracket (a quoted name), nor is it followed by a bracket
 *    (a gloss, "上海 (Shanghai)") or by punctuation that continues it (a foreign sentence or a
 *    speaker label "李明：");
 *  - it has at least two foreign letters ("π is…" is a formula, not spam);
 *  - when the foreign script is Latin, or the article's script writes no spaces, only a whole
 *    line counts: brand names and acronyms open lines of Chinese or Russian text all the time.
 * The run goes on through digits and through short tokens of the article's script that sit
 * between foreign letters ("爱上海419论坛"); it stops before a word of the article's script that
 * carries on the line ("…论坛Chapter 2: …"), which is where the real text starts. */

typedef struct
{
  const char     *text;
  gsize           len;
  GUnicodeScript  article;
} Detector;

static gunichar
char_at (const Detector *self,
         gsize           pos,
         gsize           limit,
         gsize          *next)
{
  gunichar c;

  g_assert (pos < limit && limit <= self->len);
  if ((guchar) self->text[pos] < 0x80)
    {
      *next = pos + 1;
      return (guchar) self->text[pos];
    }
  c = g_utf8_get_char_validated (self->text + pos, (gssize) MIN (limit - pos, 6));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *next = pos + 1;
      return 0xFFFD;
    }
  *next = pos + g_utf8_skip[(guchar) self->text[pos]];
  return c;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x3000 || c == 0x200B || c == 0xFEFF;
}

static gsize
skip_spaces (const Detector *self,
             gsize           pos,
             gsize           limit)
{
  while (pos < limit)
    {
      gsize next;

      if (!is_space (char_at (self, pos, limit, &next)))
        break;
      pos = next;
    }
  return pos;
}

static gsize
trim_end (const Detector *self,
          gsize           start,
          gsize           end)
{
  while (end > start)
    {
      gsize p = end - 1, next;

      while (p > start && end - p < 4 && ((guchar) self->text[p] & 0xC0) == 0x80)
        p--;
      if (!is_space (char_at (self, p, end, &next)))
        break;
      end = p;
    }
  return end;
}

/* A letter of a script other than the article's. Letters of no script (the Katakana length
 * mark) go with their neighbours. */
static gboolean
is_foreign_letter (const Detector *self,
                   gunichar        c,
                   gboolean       *counts)
{
  GUnicodeScript family;

  if (!g_unichar_isalpha (c))
    {
      *counts = FALSE;
      return g_unichar_ismark (c);
    }
  family = vera_script_family (c);
  *counts = family != G_UNICODE_SCRIPT_COMMON;
  return family != self->article;
}

/* A run of foreign letters and digits glued to them, from @pos. Returns its end. */
static gsize
scan_foreign (const Detector *self,
              gsize           pos,
              gsize           limit,
              guint          *letters)
{
  gsize end = pos;

  while (pos < limit)
    {
      gsize next;
      gunichar c = char_at (self, pos, limit, &next);
      gboolean counts;

      if (is_foreign_letter (self, c, &counts))
        {
          if (counts)
            (*letters)++;
        }
      else if (!g_unichar_isdigit (c))
        break;
      pos = end = next;
    }
  return end;
}

/* A token of the article's script (letters and digits) from @pos. */
static gsize
scan_token (const Detector *self,
            gsize           pos,
            gsize           limit,
            gboolean       *digits_only)
{
  *digits_only = TRUE;
  while (pos < limit)
    {
      gsize next;
      gunichar c = char_at (self, pos, limit, &next);
      gboolean counts;

      if (g_unichar_isdigit (c))
        ;
      else if (g_unichar_isalpha (c) && !is_foreign_letter (self, c, &counts))
        *digits_only = FALSE;
      else
        break;
      pos = next;
    }
  return pos;
}

static gboolean
starts_foreign (const Detector *self,
                gsize           pos,
                gsize           limit)
{
  gsize next;
  gboolean counts;

  return pos < limit && is_foreign_letter (self, char_at (self, pos, limit, &next), &counts) &&
         counts;
}

static gboolean
starts_upper (const Detector *self,
              gsize           pos,
              gsize           limit)
{
  gsize next;

  return pos < limit && g_unichar_isupper (char_at (self, pos, limit, &next));
}

/* Whether what follows a run shows it to be legitimate: a gloss in brackets, a closing quote,
 * or punctuation that carries a foreign phrase or a speaker label on. */
static gboolean
followed_by_context (const Detector *self,
                     gsize           pos,
                     gsize           limit)
{
  gsize next;

  pos = skip_spaces (self, pos, limit);
  if (pos >= limit)
    return FALSE;
  switch (char_at (self, pos, limit, &next))
    {
    case '(': case '[': case 0xFF08: case 0x3010: case 0x3014:
    case ',': case ';': case ':': case '"': case '\'': case 0x201D: case 0x2019:
    case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A: case 0xFF01: case 0xFF1F:
    case 0x300D: case 0x300F: case 0x00BB:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Looks for an injected run at the start of the line [start, end). */
static gboolean
detect_in_line (const Detector     *self,
                gsize               start,
                gsize               end,
                VeraTextSpan       *span,
                GUnicodeScript     *foreign,
                VeraInjectionPlace *place)
{
  gsize pos, run_end, next;
  guint letters = 0;
  gboolean alone;
  gunichar first;
  GUnicodeScript family;

  start = skip_spaces (self, start, end);
  end = trim_end (self, start, end);
  if (!starts_foreign (self, start, end))
    return FALSE;
  first = char_at (self, start, end, &next);
  *foreign = g_unichar_get_script (first);
  family = vera_script_family (first);

  pos = start;
  for (;;)
    {
      gsize after, token_end, resume;
      gboolean digits_only;

      run_end = scan_foreign (self, pos, end, &letters);
      if (run_end >= end)
        break;

      /* More foreign text after a space: the same run. */
      after = skip_spaces (self, run_end, end);
      if (starts_foreign (self, after, end))
        {
          pos = after;
          continue;
        }

      /* A token of the article's script: part of the run when foreign text follows it. */
      token_end = scan_token (self, after, end, &digits_only);
      if (token_end == after)
        break;
      resume = skip_spaces (self, token_end, end);
      if (starts_foreign (self, resume, end))
        {
          pos = resume;
          continue;
        }
      /* A number, or a short token glued to the run ("…KTV"), is spam when it ends the line or
       * when a capitalised word follows it: that word opens the real sentence. */
      if ((digits_only || (after == run_end && token_end - after <= 4)) &&
          (resume >= end || starts_upper (self, resume, end)))
        run_end = token_end;
      break;
    }

  if (letters < 2 || followed_by_context (self, run_end, end))
    return FALSE;
  alone = skip_spaces (self, run_end, end) >= end;
  if (!alone && (!vera_script_uses_spaces (self->article) || family == G_UNICODE_SCRIPT_LATIN))
    return FALSE;

  span->start = start;
  span->end = run_end;
  span->flags = VERA_SPAN_INJECTED;
  *place = alone ? VERA_INJECTION_ALONE : VERA_INJECTION_LINE_START;
  return TRUE;
}

/**
 * vera_injection_describe:
 * @foreign: the script of the injected run
 * @article: the script family of the article
 * @place: where the run sits on its line
 *
 * Returns: (transfer full): a translated sentence that says why a run was flagged, such as
 *   "Han text in a Latin-script article, at the start of a line"
 */
char *
vera_injection_describe (GUnicodeScript     foreign,
                         GUnicodeScript     article,
                         VeraInjectionPlace place)
{
  if (place == VERA_INJECTION_ALONE)
    /* Translators: the first %s is a script name ("Han"), the second the article's ("Latin") */
    return g_strdup_printf (_("%s text in a %s-script article, alone on a line"),
                            vera_script_name (foreign), vera_script_name (article));
  /* Translators: the first %s is a script name ("Han"), the second the article's ("Latin") */
  return g_strdup_printf (_("%s text in a %s-script article, at the start of a line"),
                          vera_script_name (foreign), vera_script_name (article));
}

/**
 * vera_detect_injections_full:
 * @text: UTF-8 article text
 * @len: its length in bytes
 * @reasons: (out) (optional) (element-type utf8) (transfer full): one translated reason per span
 *
 * Finds runs of text that do not belong to the article (see the comment at the top of
 * vera-injection.c). Linear in @len.
 *
 * Returns: (transfer full) (element-type VeraTextSpan): sorted spans flagged
 *   %VERA_SPAN_INJECTED
 */
GArray *
vera_detect_injections_full (const char  *text,
                             gsize        len,
                             GPtrArray  **reasons)
{
  Detector self = { text, len, G_UNICODE_SCRIPT_COMMON };
  GArray *spans;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  spans = vera_text_span_array_new ();
  if (reasons != NULL)
    *reasons = g_ptr_array_new_with_free_func (g_free);
  self.article = vera_script_dominant (text, len);
  if (self.article == G_UNICODE_SCRIPT_COMMON)
    return spans;

  while (pos < len)
    {
      const char *nl = memchr (text + pos, '\n', len - pos);
      gsize line_end = nl != NULL ? (gsize) (nl - text) : len;
      VeraTextSpan span;
      GUnicodeScript foreign;
      VeraInjectionPlace place;

      if (detect_in_line (&self, pos, line_end, &span, &foreign, &place))
        {
          g_array_append_val (spans, span);
          if (reasons != NULL)
            g_ptr_array_add (*reasons, vera_injection_describe (foreign, self.article, place));
        }
      pos = line_end + 1;
    }
  return spans;
}

/**
 * vera_detect_injections:
 * @text: UTF-8 article text
 * @len: its length in bytes
 *
 * Like vera_detect_injections_full() without the reasons.
 *
 * Returns: (transfer full) (element-type VeraTextSpan): sorted spans flagged
 *   %VERA_SPAN_INJECTED
 */
GArray *
vera_detect_injections (const char *text,
                        gsize       len)
{
  return vera_detect_injections_full (text, len, NULL);
}
