/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-injection"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-injection.h"
#include "vera-lexicon.h"
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
 * article's script ("…论坛Chapter 2: …", "…论坛 2. Corporate…"): the real text starts there.
 * A token glued to the run that mixes letters and digits ("上海龙凤sh419") is a code of the
 * spam, never real text, and always belongs to it.
 *
 * Inside a line, where a foreign word is far more often legitimate ("苹果公司CEO库克", "iPhone
 * 15", "COVID-19", "der Konzern Huawei (华为)", a byline's e-mail address), a foreign run is
 * flagged only when it holds a word of the spam lexicon (any/injection-spam.txt: "casino",
 * "ставки"), carries a glued code, or is Cyrillic in a Chinese article; never when it opens
 * after a bracket or quote or is followed by one (a name, a title, a gloss). In Chinese text a
 * spam phrase of the lexicon ("代开发票", "加微信", "龙凤") followed by a phone number or
 * messenger id ("13800138000", "abc123") is flagged with the clause it opens and the id. */

typedef struct
{
  const char        *text;
  gsize              len;
  GUnicodeScript     article;
  const VeraLexicon *spam;
  GHashTable        *cue_starts;  /* the first characters of the spam phrases, Han articles only */
} Detector;

/* One flagged run, before the runs of a line are merged. */
typedef struct
{
  VeraTextSpan        span;
  GUnicodeScript      foreign;
  VeraInjectionPlace  place;
} Found;

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

/* A token of the article's script (letters and digits) from @pos; @code tells whether it mixes
 * letters and digits ("sh419"). */
static gsize
scan_token (const Detector *self,
            gsize           pos,
            gsize           limit,
            gboolean       *digits_only,
            gboolean       *code)
{
  gboolean digits = FALSE;

  *digits_only = TRUE;
  while (pos < limit)
    {
      gsize next;
      gunichar c = vera_text_get_char (self->text, pos, limit, &next);
      gboolean counts;

      if (g_unichar_isdigit (c))
        digits = TRUE;
      else if (g_unichar_isalpha (c) && !is_foreign_letter (self, c, &counts))
        *digits_only = FALSE;
      else
        break;
      pos = next;
    }
  *code = digits && !*digits_only;
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
      gboolean digits_only, code;

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
      token_end = scan_token (self, after, end, &digits_only, &code);
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
      if ((digits_only || code || (after == run_end && token_end - after <= 4)) &&
          (resume >= end || starts_upper (self, resume, end)))
        run_end = token_end;
      /* A glued code is the spam's own, whatever follows it. */
      else if (after == run_end && code)
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

static gboolean
is_opening (gunichar c)
{
  switch (c)
    {
    case '(': case '[': case '{': case '"': case '\'': case 0xFF08: case 0x3010: case 0x3014:
    case 0x201C: case 0x2018: case 0x201E: case 0x00AB: case 0x2039: case 0x300A: case 0x300C:
    case 0x300E: case 0x3008: case 0xFF3B: case 0x00BB:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_closing_or_gloss (gunichar c)
{
  switch (c)
    {
    case '(': case '[': case ')': case ']': case '"': case '\'': case 0xFF08: case 0xFF09:
    case 0x3010: case 0x3011: case 0x3014: case 0x3015: case 0x201D: case 0x2019: case 0x201C:
    case 0x00BB: case 0x00AB: case 0x203A: case 0x300B: case 0x300D: case 0x300F: case 0x3009:
    case 0xFF3D:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether a word of the spam lexicon lies in [start, end): Latin and Cyrillic words whole, Han
 * phrases anywhere. */
static gboolean
holds_spam (const Detector *self,
            gsize           start,
            gsize           end)
{
  gsize pos = start;

  while (pos < end)
    {
      gsize next, word_end;
      gunichar c = vera_text_get_char (self->text, pos, end, &next);

      if (!g_unichar_isalpha (c))
        {
          pos = next;
          continue;
        }
      if (vera_script_family (c) == G_UNICODE_SCRIPT_HAN)
        {
          if (vera_lexicon_match_prefix (self->spam, self->text + pos, end - pos, NULL) > 0)
            return TRUE;
          pos = next;
          continue;
        }
      /* A word of letters and digits ("bet365"). */
      word_end = pos;
      while (word_end < end)
        {
          gsize after;
          gunichar d = vera_text_get_char (self->text, word_end, end, &after);

          if (!g_unichar_isalnum (d) || vera_script_family (d) == G_UNICODE_SCRIPT_HAN)
            break;
          word_end = after;
        }
      if (vera_lexicon_contains (self->spam, self->text + pos, word_end - pos))
        return TRUE;
      pos = word_end;
    }
  return FALSE;
}

/* A foreign run inside a line from @pos: foreign words with the spaces, digits and joiners
 * between them. */
static gsize
scan_inline_run (const Detector *self,
                 gsize           pos,
                 gsize           limit,
                 guint          *letters)
{
  for (;;)
    {
      gsize run_end = scan_foreign (self, pos, limit, letters);
      gsize after = vera_text_skip_spaces (self->text, run_end, limit);

      if (after > run_end && starts_foreign (self, after, limit))
        {
          pos = after;
          continue;
        }
      return run_end;
    }
}

/* A number, or a code, after a spam run that belongs to it ("ставки онлайн 24"): glued, or
 * after one space when the line or the clause ends there or a capitalised word follows. */
static gsize
extend_with_number (const Detector *self,
                    gsize           run_end,
                    gsize           limit)
{
  gsize after = vera_text_skip_spaces (self->text, run_end, limit);
  gsize token_end, resume, next;
  gboolean digits_only, code;
  gunichar c;

  if (after >= limit)
    return run_end;
  token_end = scan_token (self, after, limit, &digits_only, &code);
  if (token_end == after || !(digits_only || code))
    return run_end;
  if (after == run_end)
    return token_end;
  resume = vera_text_skip_spaces (self->text, token_end, limit);
  if (resume >= limit)
    return token_end;
  c = vera_text_get_char (self->text, resume, limit, &next);
  if (g_unichar_ispunct (c) || g_unichar_isupper (c) ||
      (g_unichar_isalpha (c) && vera_script_family (c) == G_UNICODE_SCRIPT_HAN))
    return token_end;
  return run_end;
}

/* Foreign runs inside the line [start, end) that are spam (see the comment at the top). */
static void
detect_inline_runs (const Detector *self,
                    gsize           start,
                    gsize           end,
                    GArray         *found)
{
  gsize pos = start;
  gunichar before = 0;   /* the last character before @pos that is not a space */
  gunichar prev = 0;     /* the character just before @pos */
  gboolean latin = self->article == G_UNICODE_SCRIPT_LATIN;

  while (pos < end)
    {
      gsize next, run_end, final_end, after;
      gunichar c;
      guint letters = 0;
      gboolean counts, spam, code = FALSE, digits_only = FALSE;
      GUnicodeScript family;

      /* ASCII is never foreign to a Latin-script article. */
      if (latin && (guchar) self->text[pos] < 0x80)
        {
          prev = (guchar) self->text[pos++];
          if (!vera_text_is_space (prev))
            before = prev;
          continue;
        }
      c = vera_text_get_char (self->text, pos, end, &next);

      /* A run starts a word: "iPhone" is not a run inside "Phone". */
      if (!(is_foreign_letter (self, c, &counts) && counts) ||
          (prev != 0 && g_unichar_isalnum (prev) &&
           vera_script_family (prev) != G_UNICODE_SCRIPT_HAN))
        {
          if (!vera_text_is_space (c))
            before = c;
          prev = c;
          pos = next;
          continue;
        }

      family = vera_script_family (c);
      run_end = scan_inline_run (self, pos, end, &letters);
      after = run_end < end ? scan_token (self, run_end, end, &digits_only, &code) : run_end;
      code = code && after > run_end;
      spam = holds_spam (self, pos, run_end);
      final_end = code ? after : run_end;

      if (letters >= 2 && !is_opening (before) &&
          (spam || (code && family != G_UNICODE_SCRIPT_LATIN) ||
           (self->article == G_UNICODE_SCRIPT_HAN && family == G_UNICODE_SCRIPT_CYRILLIC)))
        {
          gsize resume, ignored;

          if (!code)
            final_end = extend_with_number (self, run_end, end);
          resume = vera_text_skip_spaces (self->text, final_end, end);
          if (resume >= end ||
              !is_closing_or_gloss (vera_text_get_char (self->text, resume, end, &ignored)))
            {
              Found f = { { pos, final_end, VERA_SPAN_INJECTED }, g_unichar_get_script (c),
                          VERA_INJECTION_INLINE };

              g_array_append_val (found, f);
            }
        }
      /* Go on after the run, with the character before it as context. */
      pos = MAX (final_end, next);
      {
        gsize ignored;

        prev = vera_text_get_char (self->text, vera_text_char_start (self->text, pos, start),
                                   end, &ignored);
        if (!vera_text_is_space (prev))
          before = prev;
      }
    }
}

/* A phone number or messenger id from @pos, after at most a few characters of Han text, spaces
 * or colons ("联系电话：13800138000", " abc123"): seven digits or more, or letters with two
 * digits or more. Returns its end, or 0. */
static gsize
find_contact (const Detector *self,
              gsize           pos,
              gsize           limit)
{
  guint skipped = 0;

  while (pos < limit && skipped <= 6)
    {
      gsize next;
      gunichar c = vera_text_get_char (self->text, pos, limit, &next);
      guint letters = 0, digits = 0;
      gsize end;

      if (c < 0x80 && g_ascii_isalnum ((char) c))
        {
          for (end = pos; end < limit; end++)
            {
              char b = self->text[end];

              if (g_ascii_isdigit (b))
                digits++;
              else if (g_ascii_isalpha (b))
                letters++;
              else if (!((b == '-' || b == '_' || b == '.') && end + 1 < limit &&
                         g_ascii_isalnum (self->text[end + 1])))
                break;
            }
          return digits >= 7 || (letters >= 1 && digits >= 2) ? end : 0;
        }
      if (!(vera_text_is_space (c) || c == ':' || c == 0xFF1A ||
            (g_unichar_isalpha (c) && vera_script_family (c) == G_UNICODE_SCRIPT_HAN)))
        return 0;
      skipped++;
      pos = next;
    }
  return 0;
}

/* Spam phrases of the lexicon with a contact after them, in a line of Chinese text. */
static void
detect_contacts (const Detector *self,
                 gsize           start,
                 gsize           end,
                 GArray         *found)
{
  gsize pos = start;
  gsize clause = start;

  while (pos < end)
    {
      gsize next, cue, contact;
      gunichar c = vera_text_get_char (self->text, pos, end, &next);

      if (g_unichar_ispunct (c) || vera_text_is_space (c))
        {
          clause = next;
          pos = next;
          continue;
        }
      if (!g_hash_table_contains (self->cue_starts, GUINT_TO_POINTER (c)) ||
          (cue = vera_lexicon_match_prefix (self->spam, self->text + pos, end - pos, NULL)) == 0 ||
          (contact = find_contact (self, pos + cue, end)) == 0)
        {
          pos = next;
          continue;
        }
      {
        Found f = { { clause, contact, VERA_SPAN_INJECTED }, G_UNICODE_SCRIPT_HAN,
                    VERA_INJECTION_CONTACT };

        g_array_append_val (found, f);
      }
      pos = clause = contact;
    }
}

/* The script of the article: the family with the most letters, a Han character counting as
 * much as three Latin letters (a word of Chinese is one or two characters, of English five
 * letters), so that the brand names, acronyms and addresses of a Chinese article do not make it
 * a Latin-script one. */
static GUnicodeScript
article_script (const char *text,
                gsize       len)
{
  guint64 counts[256] = { 0, };
  GUnicodeScript best = G_UNICODE_SCRIPT_COMMON;
  guint64 best_count = 0;
  gsize pos = 0;

  while (pos < len)
    {
      gsize next;
      gunichar c;
      GUnicodeScript family;

      if ((guchar) text[pos] < 0x80)
        {
          if (g_ascii_isalpha (text[pos]))
            counts[G_UNICODE_SCRIPT_LATIN]++;
          pos++;
          continue;
        }
      c = vera_text_get_char (text, pos, len, &next);
      family = vera_script_family (c);

      if (family != G_UNICODE_SCRIPT_COMMON && (guint) family < G_N_ELEMENTS (counts))
        counts[family] += family == G_UNICODE_SCRIPT_HAN ? 3 : 1;
      pos = next;
    }
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    if (counts[i] > best_count)
      {
        best_count = counts[i];
        best = (GUnicodeScript) i;
      }
  return best;
}

static gboolean
is_ascii (const char *text,
          gsize       start,
          gsize       end)
{
  gsize i = start;

  /* Eight bytes at a time: this runs over every line of every article. */
  for (; i + 8 <= end; i += 8)
    {
      guint64 word;

      memcpy (&word, text + i, 8);
      if (word & G_GUINT64_CONSTANT (0x8080808080808080))
        return FALSE;
    }
  for (; i < end; i++)
    if ((guchar) text[i] >= 0x80)
      return FALSE;
  return TRUE;
}

static int
compare_found (gconstpointer a,
               gconstpointer b)
{
  const Found *x = a, *y = b;

  if (x->span.start != y->span.start)
    return x->span.start < y->span.start ? -1 : 1;
  return x->span.end > y->span.end ? -1 : x->span.end < y->span.end;
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
  if (place == VERA_INJECTION_CONTACT)
    /* Translators: %s is the script name of the article ("Han") */
    return g_strdup_printf (_("Spam with a phone number or messenger id in a %s-script article"),
                            vera_script_name (article));
  if (place == VERA_INJECTION_INLINE)
    /* Translators: the first %s is a script name ("Latin"), the second the article's ("Han") */
    return g_strdup_printf (_("%s spam inside a line of a %s-script article"),
                            vera_script_name (foreign), vera_script_name (article));
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
  Detector self = { text, len, G_UNICODE_SCRIPT_COMMON, NULL, NULL };
  g_autoptr(GHashTable) cue_starts = NULL;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  GArray *spans;
  gsize pos = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  spans = vera_text_span_array_new ();
  if (reasons != NULL)
    *reasons = g_ptr_array_new_with_free_func (g_free);
  self.article = article_script (text, len);
  if (self.article == G_UNICODE_SCRIPT_COMMON)
    return spans;
  self.spam = vera_lexicon_get (VERA_LANGUAGE_UND, "injection-spam");
  if (self.article == G_UNICODE_SCRIPT_HAN)
    {
      g_autofree const char **keys = vera_lexicon_dup_keys (self.spam);

      cue_starts = g_hash_table_new (NULL, NULL);
      for (guint i = 0; keys[i] != NULL; i++)
        if (vera_script_family (g_utf8_get_char (keys[i])) == G_UNICODE_SCRIPT_HAN)
          g_hash_table_add (cue_starts, GUINT_TO_POINTER (g_utf8_get_char (keys[i])));
      self.cue_starts = cue_starts;
    }

  while (pos < len)
    {
      const char *nl = memchr (text + pos, '\n', len - pos);
      gsize line_end = nl != NULL ? (gsize) (nl - text) : len;
      Found line_start;
      gsize inline_from = pos;

      g_array_set_size (found, 0);
      if (detect_in_line (&self, pos, line_end, &line_start.span, &line_start.foreign,
                          &line_start.place))
        {
          g_array_append_val (found, line_start);
          inline_from = line_start.span.end;
        }
      /* In a Latin-script article, a line of ASCII holds nothing foreign. */
      if (self.article != G_UNICODE_SCRIPT_LATIN || !is_ascii (text, inline_from, line_end))
        detect_inline_runs (&self, inline_from, line_end, found);
      if (self.article == G_UNICODE_SCRIPT_HAN)
        detect_contacts (&self, pos, line_end, found);

      /* Runs that overlap are one run, described as the first. */
      g_array_sort (found, compare_found);
      for (guint i = 0; i < found->len; i++)
        {
          const Found *f = &g_array_index (found, Found, i);
          VeraTextSpan *last = spans->len > 0
                               ? &g_array_index (spans, VeraTextSpan, spans->len - 1) : NULL;

          if (last != NULL && f->span.start < last->end)
            {
              last->end = MAX (last->end, f->span.end);
              continue;
            }
          g_array_append_val (spans, f->span);
          if (reasons != NULL)
            g_ptr_array_add (*reasons, vera_injection_describe (f->foreign, self.article,
                                                                f->place));
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
