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
 * The run goes on through digits, hyphens and dots between foreign letters, and through tokens of
 * the article's script that sit between foreign letters ("爱上海419论坛"). A number, or a short
 * token glued to it, after the run belongs to it when the line ends there or a capitalised word
 * follows ("上海龙凤 88 The city…"); otherwise the run stops before the first word of the
 * article's script ("…论坛Chapter 2: …", "…论坛 2. Corporate…"): the real text starts there. */

typedef struct
{
  const char     *text;
  gsize           len;
  GUnicodeScript  article;
} Detector;

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

static gboolean
is_joiner (gunichar c)
{
  return c == '-' || c == '_' || c == '.' || c == '/' || c == '|' || c == '~' || c == 0x00B7 ||
         c == 0x30FB || c == 0x2014 || c == 0xFF5E;
}

/* A run of foreign letters, the digits glued to them and the hyphens, dots or slashes between
 * them ("广告-论坛"), from @pos. Returns its end. */
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
      gunichar c = vera_text_get_char (self->text, pos, limit, &next);
      gboolean counts;

      if (is_foreign_letter (self, c, &counts))
        {
          if (counts)
            (*letters)++;
        }
      else if (is_joiner (c) && end == pos && next < limit)
        {
          gsize after;
          gunichar d = vera_text_get_char (self->text, next, limit, &after);

          if (!(is_foreign_letter (self, d, &counts) && counts) && !g_unichar_isdigit (d))
            break;
        }
      else if (!g_unichar_isdigit (c))
        break;
      pos = next;
      if (!is_joiner (c))
        end = pos;
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
      gunichar c = vera_text_get_char (self->text, pos, limit, &next);
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

  return pos < limit && is_foreign_letter (self, vera_text_get_char (self->text, pos, limit, &next), &counts) &&
         counts;
}

static gboolean
starts_upper (const Detector *self,
              gsize           pos,
              gsize           limit)
{
  gsize next;

  return pos < limit && g_unichar_isupper (vera_text_get_char (self->text, pos, limit, &next));
}

/* Whether what follows a run shows it to be legitimate: a gloss in brackets, a closing quote,
 * or punctuation that ends or carries on a foreign sentence or a speaker label ("李明："). */
static gboolean
followed_by_context (const Detector *self,
                     gsize           pos,
                     gsize           limit)
{
  gsize next;

  pos = vera_text_skip_spaces (self->text, pos, limit);
  if (pos >= limit)
    return FALSE;
  switch (vera_text_get_char (self->text, pos, limit, &next))
    {
    case '(': case '[': case 0xFF08: case 0x3010: case 0x3014:
    case ',': case ';': case ':': case '"': case '\'': case 0x201D: case 0x2019:
    case '.': case '!': case '?': case 0x2026:
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

  start = vera_text_skip_spaces (self->text, start, end);
  end = vera_text_trim_end (self->text, start, end);
  if (!starts_foreign (self, start, end))
    return FALSE;
  first = vera_text_get_char (self->text, start, end, &next);
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
      after = vera_text_skip_spaces (self->text, run_end, end);
      if (starts_foreign (self, after, end))
        {
          pos = after;
          continue;
        }

      /* A token of the article's script: part of the run when foreign text follows it. */
      token_end = scan_token (self, after, end, &digits_only);
      if (token_end == after)
        break;
      resume = vera_text_skip_spaces (self->text, token_end, end);
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
  alone = vera_text_skip_spaces (self->text, run_end, end) >= end;
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
