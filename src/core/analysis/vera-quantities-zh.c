/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-language.h"
#include "vera-lexicon.h"
#include "vera-quantities-zh-private.h"
#include "vera-quantities-zh.h"
#include "vera-quantity.h"

/* The Chinese number grammar. A figure is a number (vera-quantities-zh-numerals.c) with what
 * names it: a currency before or after, a percent sign or 百分之, a unit, a measure word and its
 * counted noun, 成 (tenths), a fraction (三分之一), a rank (第3名). Dates, times, phone numbers,
 * codes, ordinals and idioms give no figure: when the grammar is unsure it gives none. */

typedef struct
{
  const VeraLexicon *currencies;
  const VeraLexicon *prefixes;
  const VeraLexicon *date_suffixes;
  const VeraLexicon *idioms;
  const VeraLexicon *measures;
  const VeraLexicon *nouns;
  const VeraLexicon *qualifiers;
  const VeraLexicon *qualifiers_after;
  const VeraLexicon *range_marks;
  const VeraLexicon *rank_words;
  const VeraLexicon *time_words;
  const VeraLexicon *units;
} Lexicons;

typedef struct
{
  const char *start;
  const char *end;
  double      value;
  double      value_to;
  const char *unit;
  const char *noun_start;
  const char *noun_end;
  const char *qualifier;
} Figure;

static void
load_lexicons (Lexicons *lex)
{
  lex->currencies = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-currencies");
  lex->prefixes = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-currency-prefixes");
  lex->date_suffixes = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-date-suffixes");
  lex->idioms = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-idioms");
  lex->measures = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-measure-words");
  lex->nouns = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-nouns");
  lex->qualifiers = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-qualifiers");
  lex->qualifiers_after = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-qualifiers-after");
  lex->range_marks = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-range-marks");
  lex->rank_words = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-rank-words");
  lex->time_words = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-time-words");
  lex->units = vera_lexicon_get (VERA_LANGUAGE_ZH, "figure-units");
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *literal)
{
  gsize n = strlen (literal);

  return (gsize) (end - p) >= n && memcmp (p, literal, n) == 0;
}

static gboolean
is_ascii_alnum_before (const char *start,
                       const char *p)
{
  return p > start && g_ascii_isalnum (p[-1]);
}

static const char *
previous_char (const char *start,
               const char *p)
{
  return p > start ? g_utf8_find_prev_char (start, p) : NULL;
}

/* Reads a date at @num (a number just read at @p): 2024年, 2024年3月15日, 3月, 15日. Returns its
 * end, and in @year_end the end of its year part, or NULL when the number is no date. */
static const char *
read_date (const Lexicons     *lex,
           const VeraZhNumber *num,
           const char         *end,
           const char        **year_end)
{
  const char *q = num->end;
  gboolean integer = !num->decimal && !num->bad && num->factor == 1;
  VeraZhNumber next;
  gsize n;

  *year_end = NULL;
  if (!integer)
    return NULL;
  if (has_prefix (q, end, "年") && !has_prefix (q, end, "年代") &&
      (num->digit_string || (num->arabic && num->int_digits == 4)) &&
      num->value >= 1000 && num->value <= 2200)
    {
      q += strlen ("年");
      *year_end = q;
      if (!vera_zh_read_number (q, end, &next) || !has_prefix (next.end, end, "月"))
        return q;
      num = &next;
    }
  if (has_prefix (num->end, end, "月") && num->value >= 1 && num->value <= 12 &&
      !num->digit_string)
    {
      q = num->end + strlen ("月");
      if (vera_zh_read_number (q, end, &next) &&
          (has_prefix (next.end, end, "日") || has_prefix (next.end, end, "号")) &&
          next.value >= 1 && next.value <= 31)
        q = next.end + strlen ("日");
      q += vera_lexicon_match_prefix (lex->date_suffixes, q, end - q, NULL);
      return q;
    }
  if ((has_prefix (num->end, end, "日") || has_prefix (num->end, end, "号")) &&
      num->value >= 1 && num->value <= 31 && !num->digit_string)
    return num->end + strlen ("日");
  (void) n;
  return NULL;
}

/* A time, "10点", "10时", "10:30", "3分": no figure. */
static gboolean
is_time (const VeraZhNumber *num,
         const char         *end)
{
  const char *q = num->end;

  return has_prefix (q, end, "点") || (has_prefix (q, end, "时") && !has_prefix (q, end, "时期")) ||
         (has_prefix (q, end, "分") && !has_prefix (q, end, "分之") &&
          !has_prefix (q, end, "分钟")) ||
         has_prefix (q, end, "点钟");
}

static const char *
match_value (const VeraLexicon *lex,
             const char        *p,
             const char        *end,
             gsize             *len)
{
  const char *value = NULL;

  *len = p < end ? vera_lexicon_match_prefix (lex, p, end - p, &value) : 0;
  return *len > 0 ? value : NULL;
}

/* 成 after a numeral counts tenths (三成 = 30%), unless it starts a word: 成为, 成本. */
static gboolean
is_tenths (const VeraZhNumber *num,
           const char         *end)
{
  static const char *const words[] = { "成为", "成本", "成功", "成果", "成立", "成交", "成员",
                                       "成绩", "成长", "成就", "成熟", "成型", "成品", "成都",
                                       "成效", "成人", "成年", "成分", "成了", NULL };

  if (!has_prefix (num->end, end, "成") || num->decimal || num->factor != 1 ||
      num->value < 1 || num->value > 10)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (has_prefix (num->end, end, words[i]))
      return FALSE;
  return TRUE;
}

/* The unit after a number at @q: fills @fig and returns the end, or NULL when none (or a unit
 * that says "not a figure"). */
static const char *
read_unit (const Lexicons *lex,
           const char     *q,
           const char     *end,
           const char     *prefix_currency,
           Figure         *fig,
           gboolean       *rejected)
{
  const char *value;
  gsize n;

  *rejected = FALSE;
  value = match_value (lex->currencies, q, end, &n);
  if (value != NULL)
    {
      if (prefix_currency != NULL && g_strcmp0 (prefix_currency, value) != 0)
        {
          *rejected = TRUE;
          return NULL;
        }
      fig->unit = value;
      return q + n;
    }
  if (prefix_currency != NULL)
    {
      fig->unit = prefix_currency;
      return q;
    }
  value = match_value (lex->units, q, end, &n);
  if (value != NULL)
    {
      if (g_str_equal (value, "-") || g_ascii_isalpha (q[n]))
        {
          *rejected = TRUE;
          return NULL;
        }
      fig->unit = value;
      return q + n;
    }
  value = match_value (lex->measures, q, end, &n);
  if (value != NULL)
    {
      gsize nn;

      if (g_str_equal (value, "-"))
        {
          *rejected = TRUE;
          return NULL;
        }
      fig->unit = "count";
      q += n;
      if (match_value (lex->nouns, q, end, &nn) != NULL)
        {
          fig->noun_start = q;
          fig->noun_end = q + nn;
          q += nn;
        }
      return q;
    }
  return NULL;
}

static const char *read_qualifier_before (const Lexicons *lex,
                                          const char     *sentence,
                                          const char     *start);

/* Reads the figure whose number starts at @p (after a currency sign or 百分之 at @start).
 * Returns the end of the text read (a figure or a skipped date, code or ordinal: *found
 * says which), never before @p's next character. */
static const char *
read_figure (const Lexicons *lex,
             const char     *sentence,
             const char     *start,
             const char     *p,
             const char     *end,
             const char     *prefix_currency,
             gboolean        percent_word,
             Figure         *fig,
             const char    **year,
             const char    **year_end,
             gboolean       *found)
{
  VeraZhNumber num, to;
  const char *q, *prev, *date_end, *y_end, *unit_end, *value;
  gboolean rejected;
  gsize n;

  *found = FALSE;
  memset (fig, 0, sizeof *fig);
  fig->value_to = NAN;
  if (!vera_zh_read_number (p, end, &num))
    return g_utf8_next_char (p);
  if (num.arabic && (num.bad || is_ascii_alnum_before (sentence, start) ||
                     (start - sentence >= 2 && start[-1] == '-' && g_ascii_isalnum (start[-2])) ||
                     vera_zh_is_chained (num.end, end)))
    return vera_zh_skip_chain (p, end);
  date_end = read_date (lex, &num, end, &y_end);
  if (date_end != NULL)
    {
      if (*year == NULL)
        {
          *year = p;
          *year_end = y_end != NULL ? y_end : date_end;
        }
      return date_end;
    }
  if (num.digit_string || is_time (&num, end))
    return num.end;
  /* 第三届, 第5次: ordinals, except a rank (第3名, 排名第3). */
  prev = previous_char (sentence, start);
  if (prev != NULL && has_prefix (prev, end, "第"))
    {
      gsize before = vera_lexicon_match_suffix (lex->rank_words, sentence, prev - sentence,
                                                &value);

      if (has_prefix (num.end, end, "名") || has_prefix (num.end, end, "位"))
        {
          fig->end = num.end + strlen ("名");
          fig->start = prev;
        }
      else if (before > 0 && g_strcmp0 (value, "before") == 0)
        {
          fig->end = num.end;
          fig->start = prev - before;
        }
      else
        return num.end;
      if (num.decimal || num.value < 1 || num.factor != 1)
        return fig->end;
      fig->value = num.value;
      fig->unit = "rank";
      *found = TRUE;
      return fig->end;
    }
  /* 数十亿, 几十人, 上百, 十几个, 二十来岁: approximate counts, no figure. */
  if (prev != NULL && !num.arabic && (has_prefix (prev, end, "数") || has_prefix (prev, end, "几") || has_prefix (prev, end, "上") ||
       has_prefix (prev, end, "成") || has_prefix (prev, end, "好")))
    return num.end;
  if (has_prefix (num.end, end, "几") || has_prefix (num.end, end, "来"))
    return num.end;
  /* 7×24小时, 3*4: a product, no figure. */
  if ((prev != NULL && (has_prefix (prev, end, "×") || *prev == '*')) ||
      has_prefix (num.end, end, "×") || has_prefix (num.end, end, "*"))
    return num.end;
  /* 3千5百, 1万5千: digits after a scale, written in two numbers; no figure. */
  if (num.arabic && num.factor != 1 &&
      (vera_zh_is_digit (num.end, end) || vera_zh_is_numeral (num.end, end)))
    return num.end;
  if (num.arabic && num.end < end && g_ascii_isalpha (*num.end) &&
      match_value (lex->units, num.end, end, &n) == NULL &&
      match_value (lex->currencies, num.end, end, &n) == NULL)
    return num.end;
  fig->start = start;
  fig->value = num.value;
  /* -3.5%: a minus sign not after a digit. */
  if (num.arabic && prev != NULL && start == p && (*prev == '-' || has_prefix (prev, end, "−")) &&
      !(prev > sentence && vera_zh_is_digit (g_utf8_find_prev_char (sentence, prev), end)) &&
      !(prev > sentence && g_ascii_isalnum (prev[-1])))
    {
      fig->start = prev;
      fig->value = -num.value;
    }
  q = num.end;
  /* 三分之一: a fraction, in percent. */
  if (has_prefix (q, end, "分之") && !percent_word && prefix_currency == NULL)
    {
      q += strlen ("分之");
      if (!vera_zh_read_number (q, end, &to) || num.value == 0 || to.value > num.value ||
          to.digit_string)
        return q;
      fig->value = to.value / num.value * 100;
      fig->unit = "percent";
      fig->end = to.end;
      *found = TRUE;
      return fig->end;
    }
  /* 3000多人, 10余家: the qualifier between the number and its unit. */
  value = match_value (lex->qualifiers_after, q, end, &n);
  if (value != NULL && *value != '\0' && (has_prefix (q, end, "多") || has_prefix (q, end, "余")) &&
      !percent_word)
    {
      num.end = q + n;
      vera_zh_read_scales (&num, end);
      fig->value = num.value;
      fig->qualifier = value;
      q = num.end;
    }
  if (percent_word || has_prefix (q, end, "%") || has_prefix (q, end, "％"))
    {
      if (!percent_word)
        q += *q == '%' ? 1 : strlen ("％");
      fig->unit = "percent";
    }
  else if (is_tenths (&num, end))
    {
      if (vera_zh_is_digit (q + strlen ("成"), end) || vera_zh_is_numeral (q + strlen ("成"), end))
        return q;
      fig->value = num.value * 10;
      fig->unit = "percent";
      fig->end = q + strlen ("成");
      *found = TRUE;
      return fig->end;
    }
  /* A range: 5至10, 3万至5万人, 10%-15%, 3-5万元. */
  value = match_value (lex->range_marks, q, end, &n);
  if (value != NULL && !percent_word && vera_zh_read_number (q + n, end, &to) &&
      to.arabic == num.arabic && !to.bad && !to.digit_string &&
      !vera_zh_is_chained (to.end, end))
    {
      const char *to_end = to.end;
      double from = fig->value;
      gboolean hyphen = !has_prefix (q, end, "至") && !has_prefix (q, end, "到");

      gboolean unit_ok = TRUE;

      /* 10%-15%: a percent range has its sign on both ends. */
      if (fig->unit != NULL)
        {
          if (has_prefix (to_end, end, "%"))
            to_end++;
          else if (has_prefix (to_end, end, "％"))
            to_end += strlen ("％");
          else
            unit_ok = FALSE;
        }
      if (num.factor == 1 && to.factor != 1 && fig->qualifier == NULL)
        from *= to.factor;
      if (unit_ok && to.value > from && !(hyphen && (*to_end == '-' || num.int_digits == 4)) &&
          read_date (lex, &to, end, &y_end) == NULL && !is_time (&to, end))
        {
          fig->value = from;
          fig->value_to = to.value;
          q = to_end;
        }
      else if (unit_ok && hyphen && num.arabic)
        return vera_zh_skip_chain (p, end);
    }
  if (fig->unit == NULL && (has_prefix (q, end, "%") || has_prefix (q, end, "％")))
    {
      q += *q == '%' ? 1 : strlen ("％");
      fig->unit = "percent";
    }
  if (fig->unit == NULL)
    {
      unit_end = read_unit (lex, q, end, prefix_currency, fig, &rejected);
      if (rejected)
        return q;
      /* 1米8, 5元5角: a second number right after the unit; no figure. */
      if (unit_end != NULL && (vera_zh_is_digit (unit_end, end) ||
                               vera_zh_is_numeral (unit_end, end)))
        return unit_end;
      if (unit_end != NULL)
        q = unit_end;
      else if (!num.scaled)
        return q;
    }
  if (g_strcmp0 (fig->unit, "year") == 0 && fig->value > 50)
    return q;
  /* One counted thing, "一个", "一家": a figure only with its noun. */
  if (!num.arabic && fig->value == 1 && g_strcmp0 (fig->unit, "count") == 0 &&
      fig->noun_start == NULL)
    return q;
  fig->end = q;
  /* 以上, 左右 after the figure. */
  value = match_value (lex->qualifiers_after, q, end, &n);
  if (value != NULL && *value != '\0' && fig->qualifier == NULL &&
      (!(has_prefix (q, end, "多") || has_prefix (q, end, "余")) ||
       q + n >= end || g_unichar_get_script (g_utf8_get_char (q + n)) != G_UNICODE_SCRIPT_HAN))
    fig->qualifier = value;
  *found = TRUE;
  return q;
}

/* The qualifier written before the figure at @start: 超过, 不超过, 近, 约. */
static const char *
read_qualifier_before (const Lexicons *lex,
                       const char     *sentence,
                       const char     *start)
{
  const char *value = NULL;
  gsize n = vera_lexicon_match_suffix (lex->qualifiers, sentence, start - sentence, &value);

  return n > 0 && value != NULL && *value != '\0' ? value : NULL;
}

static VeraQuantity *
make_quantity (const char   *s,
               const Figure *fig)
{
  VeraQuantity *q = vera_quantity_new ();

  q->text = g_strndup (fig->start, fig->end - fig->start);
  q->value = fig->value;
  q->value_to = fig->value_to;
  q->unit = g_strdup (fig->unit);
  q->noun = fig->noun_start != NULL ? g_strndup (fig->noun_start,
                                                 fig->noun_end - fig->noun_start) : NULL;
  q->qualifier = g_strdup (fig->qualifier);
  q->start = g_utf8_pointer_to_offset (s, fig->start);
  q->end = g_utf8_pointer_to_offset (s, fig->end);
  return q;
}

/* A year ("2022年") or a time word ("去年") of a sentence, in bytes. */
typedef struct
{
  gsize start;
  gsize length;
} VeraZhScopeMarker;

GPtrArray *
vera_quantities_zh_extract (const char *sentence,
                            gsize       len)
{
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) vera_quantity_free);
  g_autofree char *s = g_utf8_make_valid (sentence != NULL ? sentence : "",
                                          sentence != NULL ? (gssize) len : 0);
  const char *end = s + strlen (s);
  const char *p = s;
  /* The years and time words of the sentence and where each figure starts, in bytes. */
  g_autoptr(GArray) markers = g_array_new (FALSE, FALSE, sizeof (VeraZhScopeMarker));
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  Lexicons lex;

  load_lexicons (&lex);
  while (p < end)
    {
      const char *value, *start = p, *q = p, *currency = NULL, *next, *year, *year_end;
      gboolean percent_word = FALSE, found = FALSE;
      gsize n;
      Figure fig;

      if (!has_prefix (p, end, "十分之") &&
          (n = vera_lexicon_match_prefix (lex.idioms, p, end - p, NULL)) > 0)
        {
          p += n;
          continue;
        }
      if ((n = vera_lexicon_match_prefix (lex.time_words, p, end - p, NULL)) > 0 &&
          ((guchar) *p >= 0x80 || (!is_ascii_alnum_before (s, p) && !g_ascii_isalnum (p[n]))))
        {
          VeraZhScopeMarker marker = { p - s, n };
          VeraZhScopeMarker *last = markers->len > 0
                                    ? &g_array_index (markers, VeraZhScopeMarker, markers->len - 1)
                                    : NULL;

          /* 今年上半年: time words in a row are one scope. */
          if (last != NULL && last->start + last->length == marker.start)
            last->length += n;
          else
            g_array_append_val (markers, marker);
          p += n;
          continue;
        }
      value = match_value (lex.prefixes, p, end, &n);
      if (value != NULL && !is_ascii_alnum_before (s, p))
        {
          q = p + n;
          if (q < end && *q == ' ')
            q++;
          if (vera_zh_is_digit (q, end) || (vera_zh_is_numeral (q, end) && n > 1 && *p & 0x80))
            currency = value;
          else
            q = p;
        }
      if (currency == NULL && has_prefix (p, end, "百分之"))
        {
          q = p + strlen ("百分之");
          if (vera_zh_is_digit (q, end) || vera_zh_is_numeral (q, end))
            percent_word = TRUE;
          else
            q = p;
        }
      if (!vera_zh_is_digit (q, end) && !vera_zh_is_numeral (q, end) &&
          !(vera_zh_starts_with_scale (q, end) && q == p && currency == NULL &&
            (read_qualifier_before (&lex, s, p) != NULL ||
             has_prefix (g_utf8_next_char (p), end, "余") ||
             has_prefix (g_utf8_next_char (p), end, "多"))))
        {
          p = g_utf8_next_char (p);
          continue;
        }
      year = year_end = NULL;
      next = read_figure (&lex, s, start, q, end, currency, percent_word, &fig, &year,
                          &year_end, &found);
      if (year != NULL)
        {
          VeraZhScopeMarker marker = { year - s, year_end - year };

          g_array_append_val (markers, marker);
        }
      if (found)
        {
          if (fig.qualifier == NULL)
            {
              fig.qualifier = read_qualifier_before (&lex, s, fig.start);
              /* 近千人: the qualifier is part of a number with an implicit 一. */
              if (fig.qualifier != NULL && vera_zh_starts_with_scale (fig.start, end) &&
                  !has_prefix (fig.start, end, "百分之"))
                fig.start -= vera_lexicon_match_suffix (lex.qualifiers, s, fig.start - s, NULL);
            }
          /* 近3年: the last three years, not nearly three. */
          if (g_strcmp0 (fig.qualifier, "nearly") == 0 &&
              (g_strcmp0 (fig.unit, "year") == 0 || g_strcmp0 (fig.unit, "month") == 0 ||
               g_strcmp0 (fig.unit, "day") == 0 || g_strcmp0 (fig.unit, "week") == 0))
            fig.qualifier = NULL;
          g_array_append_vals (starts, &(gsize) { fig.start - s }, 1);
          g_ptr_array_add (result, make_quantity (s, &fig));
        }
      else
        {
          /* No figure: none starts inside the rest of this number either. */
          next = MAX (next, vera_zh_skip_number (q, end));
        }
      p = MAX (next, g_utf8_next_char (p));
    }
  /* A figure's scope is the year or time word nearest before it (高于2022年的90万人次: 2022);
   * one with none before takes the sentence's first. */
  for (guint i = 0; i < result->len && markers->len > 0; i++)
    {
      VeraQuantity *quantity = g_ptr_array_index (result, i);
      gsize at = g_array_index (starts, gsize, i);
      /* The markers are in text order. */
      const VeraZhScopeMarker *chosen = &g_array_index (markers, VeraZhScopeMarker, 0);

      for (guint m = 1; m < markers->len; m++)
        if (g_array_index (markers, VeraZhScopeMarker, m).start < at)
          chosen = &g_array_index (markers, VeraZhScopeMarker, m);
      quantity->scope = g_strndup (s + chosen->start, chosen->length);
    }
  return result;
}
