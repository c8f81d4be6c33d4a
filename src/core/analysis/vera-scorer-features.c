/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-scorer"

#include "config.h"

#include <string.h>

#include "vera-scorer-features.h"

/* Features of a sentence for the check-worthiness model: hashed word unigrams and bigrams
 * (lowercased, numbers reduced to their digit shape) and structural cues (figures, units,
 * comparisons, names, attribution, tense, person, length). Every feature is a string hashed
 * into 1 << hash_bits buckets with value 1; the trainer and the scorer both call this code, so
 * they cannot disagree. */

enum {
  TOKEN_WORD        = 1 << 0,
  TOKEN_SYMBOL      = 1 << 1,   /* a currency sign, %, ?, ! */
  TOKEN_DIGIT       = 1 << 2,
  TOKEN_CAPITALISED = 1 << 3,
  TOKEN_ALL_CAPS    = 1 << 4,
  TOKEN_INITIAL     = 1 << 5,   /* the first word of the sentence or after . : ! ? or a quote */
  TOKEN_BRACKETED   = 1 << 6,
  TOKEN_CURRENCY    = 1 << 7,
};

typedef struct
{
  guint offset;   /* into Tokens.text, NUL-terminated there */
  guint length;
  guint flags;
} Token;

typedef struct
{
  GString *text;
  GArray  *tokens;
  guint32  mask;
  GArray  *out;
} Context;

#define FNV_OFFSET 2166136261u
#define FNV_PRIME  16777619u

static guint32
hash_bytes (guint32     h,
            const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      h ^= (guchar) s[i];
      h *= FNV_PRIME;
    }
  return h;
}

static guint32
mix (guint32 h)
{
  h ^= h >> 16;
  h *= 0x85ebca6bu;
  h ^= h >> 13;
  h *= 0xc2b2ae35u;
  h ^= h >> 16;
  return h;
}

static void
add_hash (Context *ctx,
          guint32  h)
{
  VeraScorerFeature f = { mix (h) & ctx->mask, 1.0f };

  g_array_append_val (ctx->out, f);
}

static void
add_cue (Context    *ctx,
         const char *name)
{
  add_hash (ctx, hash_bytes (hash_bytes (FNV_OFFSET, "f\x1f", 2), name, strlen (name)));
}

static const char *
token_text (const Context *ctx,
            guint          i)
{
  return ctx->text->str + g_array_index (ctx->tokens, Token, i).offset;
}

static guint
token_flags (const Context *ctx,
             guint          i)
{
  return g_array_index (ctx->tokens, Token, i).flags;
}

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type;

  if (c < 0x80)
    return g_ascii_isalnum (c);
  type = g_unichar_type (c);
  return g_unichar_isalnum (c) || type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

/* Appends one lowercase character; digits become '0' and runs of them are reduced to a shape
 * of at most five characters ("2016" → "0000", "1234567" → "00000"). */
static void
append_normalised (GString  *text,
                   gunichar  c,
                   guint    *digit_run)
{
  if (g_unichar_isdigit (c))
    {
      if (++*digit_run <= 5)
        g_string_append_c (text, '0');
      return;
    }
  *digit_run = 0;
  if (is_apostrophe (c))
    g_string_append_c (text, '\'');
  else if (c < 0x80)
    g_string_append_c (text, g_ascii_tolower ((char) c));
  else
    g_string_append_unichar (text, g_unichar_tolower (c));
}

static gunichar
peek_char (const char *p,
           const char *end)
{
  gunichar c;

  if (p >= end)
    return 0;
  c = g_utf8_get_char_validated (p, end - p);
  return (c == (gunichar) -1 || c == (gunichar) -2) ? 0 : c;
}

/* Splits the sentence into word and symbol tokens. Digits joined by . or , stay one token
 * ("28.7", "1,200"), as do words joined by an apostrophe ("don't"). */
static void
tokenize (Context                *ctx,
          const char             *sentence,
          gsize                   length,
          VeraScorerSentenceInfo *info)
{
  const char *p = sentence;
  const char *end = sentence + length;
  gboolean at_start = TRUE;
  int depth = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      next = g_utf8_next_char (p);

      if (is_word_char (c))
        {
          Token token = { ctx->text->len, 0, TOKEN_WORD };
          guint digit_run = 0;
          guint n_upper = 0, n_letters = 0;

          if (g_unichar_isupper (c))
            token.flags |= TOKEN_CAPITALISED;
          if (at_start)
            token.flags |= TOKEN_INITIAL;
          if (depth > 0)
            token.flags |= TOKEN_BRACKETED;
          at_start = FALSE;

          while (p < end)
            {
              gunichar d = peek_char (p, end);
              gunichar after;

              if (d == 0)
                break;
              next = g_utf8_next_char (p);
              if (!is_word_char (d))
                {
                  after = peek_char (next, end);
                  /* Joiners between two word characters. */
                  if (!(is_apostrophe (d) && g_unichar_isalpha (after) &&
                        ctx->text->len > token.offset) &&
                      !((d == '.' || d == ',') && g_unichar_isdigit (after) && digit_run > 0))
                    break;
                }
              if (g_unichar_isdigit (d))
                token.flags |= TOKEN_DIGIT;
              if (g_unichar_isalpha (d))
                {
                  n_letters++;
                  if (g_unichar_isupper (d))
                    n_upper++;
                }
              append_normalised (ctx->text, d, &digit_run);
              p = next;
            }
          if (n_letters >= 2 && n_upper == n_letters)
            token.flags |= TOKEN_ALL_CAPS;
          token.length = ctx->text->len - token.offset;
          g_string_append_c (ctx->text, '\0');
          g_array_append_val (ctx->tokens, token);
          info->n_words++;
          if (depth == 0)
            info->n_words_outside++;
          continue;
        }

      if (c == '(' || c == '[' || c == '{')
        depth++;
      else if ((c == ')' || c == ']' || c == '}') && depth > 0)
        depth--;
      else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' ||
               c == 0x201C || c == 0x201D)
        at_start = TRUE;

      if (c == '%' || c == '?' || c == '!' || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        {
          Token token = { ctx->text->len, 0, TOKEN_SYMBOL };

          if (c != '%' && c != '?' && c != '!')
            token.flags |= TOKEN_CURRENCY;
          if (depth > 0)
            token.flags |= TOKEN_BRACKETED;
          g_string_append_len (ctx->text, p, next - p);
          token.length = ctx->text->len - token.offset;
          g_string_append_c (ctx->text, '\0');
          g_array_append_val (ctx->tokens, token);
        }
      p = next;
    }
}

static gboolean
in_list (const char         *word,
         const char * const *list)
{
  /* Called for every token against every lexicon: checking the first byte before strcmp()
   * skips nearly all calls. */
  for (guint i = 0; list[i] != NULL; i++)
    if (list[i][0] == word[0] && strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_suffix (const char *word,
            guint       length,
            const char *suffix)
{
  gsize n = strlen (suffix);

  return length >= n && memcmp (word + length - n, suffix, n) == 0;
}

/* General English lexicons: not taken from any corpus. */
static const char * const attribution_words[] = {
  "said", "says", "according", "claimed", "claims", "reported", "reports", "stated", "told",
  "announced", "admitted", "testified", "wrote", "tweeted", "argued", "insisted",
  "acknowledged", "confirmed", "denied", "alleged", "declared", "estimated", "predicted",
  "warned", "noted", "explained", "suggested", "showed", "shows", "found", NULL
};
static const char * const future_words[] = { "will", "shall", "gonna", "won't", NULL };
static const char * const conditional_words[] = {
  "would", "could", "might", "may", "should", "wouldn't", "couldn't", "shouldn't", NULL
};
static const char * const first_singular_words[] = {
  "i", "me", "my", "mine", "myself", "i'm", "i've", "i'd", "i'll", NULL
};
static const char * const first_plural_words[] = {
  "we", "us", "our", "ours", "ourselves", "we're", "we've", "we'll", "we'd", "let's", NULL
};
static const char * const second_person_words[] = {
  "you", "your", "yours", "yourself", "yourselves", "you're", "you've", "you'll", "you'd", NULL
};
static const char * const magnitude_words[] = {
  "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions",
  "trillion", "trillions", "dozen", "dozens", "bn", "mn", "tn", NULL
};
static const char * const number_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
  "half", "quarter", "twice", "double", "doubled", "tripled", "quadrupled", "halved", NULL
};
static const char * const percent_words[] = { "percent", "percentage", "pct", "%", NULL };
static const char * const currency_words[] = {
  "dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "yuan", "renminbi", "rupee",
  "rupees", "peso", "pesos", "franc", "francs", "cent", "cents", "bucks", "usd", "eur", "gbp",
  "jpy", "cny", "rmb", "inr", "chf", "hkd", "krw", "brl", "mxn", NULL
};
static const char * const unit_words[] = {
  "mile", "miles", "km", "kilometre", "kilometres", "kilometer", "kilometers", "metre",
  "metres", "meter", "meters", "acre", "acres", "hectare", "hectares", "ton", "tons", "tonne",
  "tonnes", "barrel", "barrels", "gallon", "gallons", "litre", "litres", "liter", "liters",
  "kg", "kilogram", "kilograms", "degree", "degrees", "megawatt", "megawatts", "gigawatt",
  "gigawatts", "kwh", "mph", "square", "cubic", NULL
};
static const char * const time_unit_words[] = {
  "year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades",
  "century", "centuries", "annually", "quarter", "quarters", NULL
};
static const char * const superlative_words[] = {
  "most", "least", "best", "worst", "ever", "record", "largest", "biggest", "highest",
  "lowest", NULL
};
static const char * const not_superlative_words[] = {
  "interest", "honest", "request", "suggest", "protest", "west", "rest", "test", "forest",
  "invest", "arrest", "contest", "digest", "manifest", "modest", "harvest", "guest", "chest",
  "quest", "priest", "attest", "detest", "midwest", "southwest", "northwest", "conquest",
  "interests", "dishonest", "earnest", "behest", "inquest", "unrest", "pest", "nest", "zest",
  "jest", "vest", "lest", "crest", "infest", "ingest", "congest", "bequest", NULL
};
static const char * const rank_words[] = {
  "first", "second", "third", "fourth", "fifth", "tenth", "top", "ranked", "rank", "ranks",
  "number", "leading", "#", NULL
};
static const char * const comparative_words[] = {
  "than", "more", "less", "fewer", "greater", "higher", "lower", "larger", "smaller",
  "increase", "increased", "decrease", "decreased", "rose", "fell", "doubled", "cut", NULL
};
static const char * const negation_words[] = {
  "not", "no", "never", "nothing", "nobody", "none", "neither", "nor", NULL
};
static const char * const past_words[] = { "was", "were", "had", "did", "been", NULL };
static const char * const causal_words[] = {
  "because", "caused", "causes", "cause", "due", "result", "led", "therefore", "thanks", NULL
};

static void
add_count_cue (Context    *ctx,
               const char *name,
               guint       count)
{
  char buf[64];

  if (count == 0)
    return;
  g_snprintf (buf, sizeof buf, "%s:%u", name, MIN (count, 3u));
  add_cue (ctx, buf);
}

static void
add_length_cue (Context *ctx,
                guint    n_words)
{
  static const guint limits[] = { 0, 3, 7, 12, 20, 35 };
  guint bucket = 0;
  char buf[32];

  while (bucket < G_N_ELEMENTS (limits) && n_words > limits[bucket])
    bucket++;
  g_snprintf (buf, sizeof buf, "len:%u", bucket);
  add_cue (ctx, buf);
}

static gboolean
is_year_shape (const char *word,
               guint       flags)
{
  return (flags & TOKEN_DIGIT) && strcmp (word, "0000") == 0;
}

static void
add_ngrams (Context *ctx)
{
  guint32 prev = 0;
  const guint32 unigram = hash_bytes (FNV_OFFSET, "w\x1f", 2);
  const guint32 bigram = hash_bytes (FNV_OFFSET, "b\x1f", 2);
  guint32 start = hash_bytes (bigram, "<s>\x1f", 4);

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      const Token *t = &g_array_index (ctx->tokens, Token, i);
      const char *word = ctx->text->str + t->offset;

      add_hash (ctx, hash_bytes (unigram, word, t->length));
      add_hash (ctx, hash_bytes (i == 0 ? start : prev, word, t->length));
      prev = hash_bytes (hash_bytes (bigram, word, t->length), "\x1f", 1);
    }
  if (ctx->tokens->len > 0)
    add_hash (ctx, hash_bytes (prev, "</s>", 4));
}

static void
add_cues (Context                      *ctx,
          const VeraScorerSentenceInfo *info)
{
  guint n_numbers = 0, n_named = 0, n_past_ed = 0;
  gboolean named_run = FALSE;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      const char *w = token_text (ctx, i);
      guint flags = token_flags (ctx, i);
      guint len = g_array_index (ctx->tokens, Token, i).length;
      const char *next = i + 1 < ctx->tokens->len ? token_text (ctx, i + 1) : "";

      if (flags & TOKEN_DIGIT)
        {
          n_numbers++;
          if (is_year_shape (w, flags))
            add_cue (ctx, "year");
          if (has_suffix (w, len, "st") || has_suffix (w, len, "nd") ||
              has_suffix (w, len, "rd") || has_suffix (w, len, "th"))
            add_cue (ctx, "rank");
          if (has_suffix (w, len, "k") || has_suffix (w, len, "m") || has_suffix (w, len, "bn") ||
              has_suffix (w, len, "b") || has_suffix (w, len, "tn"))
            add_cue (ctx, "magnitude");
          if (strcmp (next, "%") == 0 || strcmp (next, "percent") == 0)
            add_cue (ctx, "number-percent");
        }
      if (flags & TOKEN_CURRENCY)
        add_cue (ctx, "currency");
      if ((flags & TOKEN_SYMBOL) && strcmp (w, "?") == 0)
        add_cue (ctx, "question");
      if ((flags & TOKEN_SYMBOL) && strcmp (w, "!") == 0)
        add_cue (ctx, "exclamation");

      if ((flags & TOKEN_WORD) && (flags & TOKEN_CAPITALISED) && !(flags & TOKEN_INITIAL) &&
          !(flags & TOKEN_DIGIT) && strcmp (w, "i") != 0 && strncmp (w, "i'", 2) != 0)
        {
          n_named++;
          if (flags & TOKEN_ALL_CAPS)
            add_cue (ctx, "acronym");
          if (named_run)
            add_cue (ctx, "name-sequence");
          named_run = TRUE;
        }
      else
        named_run = FALSE;

      if (!(flags & TOKEN_WORD))
        continue;
      if (in_list (w, attribution_words))
        add_cue (ctx, "attribution");
      if (in_list (w, future_words) || has_suffix (w, len, "'ll") ||
          (strcmp (w, "going") == 0 && strcmp (next, "to") == 0))
        add_cue (ctx, "future");
      if (in_list (w, conditional_words) || has_suffix (w, len, "'d"))
        add_cue (ctx, "conditional");
      if (in_list (w, first_singular_words))
        add_cue (ctx, "first-singular");
      if (in_list (w, first_plural_words))
        add_cue (ctx, "first-plural");
      if (in_list (w, second_person_words))
        add_cue (ctx, "second-person");
      if (in_list (w, magnitude_words))
        add_cue (ctx, "magnitude");
      if (in_list (w, number_words))
        add_cue (ctx, "number-word");
      if (in_list (w, percent_words) || (strcmp (w, "per") == 0 && strcmp (next, "cent") == 0))
        add_cue (ctx, "percent");
      if (in_list (w, currency_words))
        add_cue (ctx, "currency");
      if (in_list (w, unit_words))
        add_cue (ctx, "unit");
      if (in_list (w, time_unit_words))
        add_cue (ctx, "time-unit");
      if (in_list (w, superlative_words) ||
          (len >= 5 && has_suffix (w, len, "est") && !(flags & TOKEN_DIGIT) &&
           !in_list (w, not_superlative_words)))
        add_cue (ctx, "superlative");
      if (in_list (w, rank_words))
        add_cue (ctx, "rank");
      if (in_list (w, comparative_words))
        add_cue (ctx, "comparative");
      if (strcmp (next, "than") == 0 && has_suffix (w, len, "er"))
        add_cue (ctx, "comparative-than");
      if (in_list (w, negation_words) || has_suffix (w, len, "n't"))
        add_cue (ctx, "negation");
      if (in_list (w, past_words))
        add_cue (ctx, "past");
      if (len >= 5 && has_suffix (w, len, "ed"))
        n_past_ed++;
      if (in_list (w, causal_words))
        add_cue (ctx, "causal");
    }

  add_count_cue (ctx, "numbers", n_numbers);
  add_count_cue (ctx, "named", n_named);
  add_count_cue (ctx, "past-ed", n_past_ed);
  add_length_cue (ctx, info->n_words);
  if (info->n_words_outside == 0)
    add_cue (ctx, "no-text");
}

static int
compare_features (gconstpointer a,
                  gconstpointer b)
{
  const VeraScorerFeature *fa = a;
  const VeraScorerFeature *fb = b;

  return (fa->index > fb->index) - (fa->index < fb->index);
}

static void
sort_unique (GArray *features)
{
  guint kept = 0;

  g_array_sort (features, compare_features);
  for (guint i = 0; i < features->len; i++)
    {
      VeraScorerFeature *f = &g_array_index (features, VeraScorerFeature, i);

      if (kept > 0 && g_array_index (features, VeraScorerFeature, kept - 1).index == f->index)
        continue;
      g_array_index (features, VeraScorerFeature, kept++) = *f;
    }
  g_array_set_size (features, kept);
}

void
vera_scorer_features_extract (const char             *sentence,
                              gsize                   length,
                              guint                   hash_bits,
                              GArray                 *features,
                              VeraScorerSentenceInfo *info)
{
  VeraScorerSentenceInfo local_info = { 0, 0 };
  Context ctx;

  g_return_if_fail (sentence != NULL || length == 0);
  g_return_if_fail (hash_bits >= VERA_SCORER_MIN_HASH_BITS &&
                    hash_bits <= VERA_SCORER_MAX_HASH_BITS);
  g_return_if_fail (features != NULL);
  g_return_if_fail (g_array_get_element_size (features) == sizeof (VeraScorerFeature));

  if (length > VERA_SCORER_MAX_SENTENCE_BYTES)
    {
      /* Cut before a UTF-8 continuation byte, never inside a character. */
      length = VERA_SCORER_MAX_SENTENCE_BYTES;
      while (length > 0 && ((guchar) sentence[length] & 0xC0) == 0x80)
        length--;
    }
  g_array_set_size (features, 0);
  ctx.text = g_string_sized_new (length + 16);
  ctx.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  ctx.mask = (1u << hash_bits) - 1;
  ctx.out = features;

  tokenize (&ctx, sentence ? sentence : "", length, &local_info);
  add_ngrams (&ctx);
  add_cues (&ctx, &local_info);
  sort_unique (features);

  g_string_free (ctx.text, TRUE);
  g_array_unref (ctx.tokens);
  if (info != NULL)
    *info = local_info;
}
