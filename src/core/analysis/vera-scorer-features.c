/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-scorer"

#include "config.h"

#include <math.h>
#include <string.h>

#include "vera-scorer-features.h"
#include "vera-scorer-features-private.h"

/* Features of a sentence for the check-worthiness model: hashed word unigrams and bigrams
 * (lowercased, numbers reduced to their digit shape; English only) and cues (figures, units,
 * comparisons, names, attribution, tense, person, hedges, quotes, length) from the language's
 * scorer-cues list and from signs every language shares. Every feature is a string hashed into
 * 1 << hash_bits buckets with value 1; the trainer and the scorer both call this code, so they
 * cannot disagree. The document context is in vera-scorer-context.c. */

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
  const VeraScorerExtractor *extractor;
  GString                   *text;
  GArray                    *tokens;
  guint32                    mask;
  GArray                    *out;
  guint                      n_han;     /* Han characters, to measure Chinese length */
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
add_cue_len (Context    *ctx,
             const char *name,
             gsize       length)
{
  add_hash (ctx, hash_bytes (hash_bytes (FNV_OFFSET, "f\x1f", 2), name, length));
}

static void
add_cue (Context    *ctx,
         const char *name)
{
  add_cue_len (ctx, name, strlen (name));
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

/* Quotation marks, not apostrophes: "…", “…”, „…“, «…», 「…」, 『…』. */
static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB ||
         c == 0x00BB || c == 0x300C || c == 0x300D || c == 0x300E || c == 0x300F ||
         c == 0xFF02;
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
              else if (d >= 0x3400 && g_unichar_get_script (d) == G_UNICODE_SCRIPT_HAN)
                ctx->n_han++;
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
               c == 0x201C || c == 0x201D || c == 0x3002 || c == 0xFF01 || c == 0xFF1F ||
               c == 0xFF1A || c == 0xFF1B)
        at_start = TRUE;

      if (is_quote (c))
        info->flags |= VERA_SCORER_SENTENCE_QUOTE;
      /* Full-width signs (Chinese) are the same sign. */
      if (c == 0xFF05 || c == 0xFF1F || c == 0xFF01)
        c -= 0xFEE0;
      if (c == '%' || c == '?' || c == '!' || g_unichar_type (c) == G_UNICODE_CURRENCY_SYMBOL)
        {
          Token token = { ctx->text->len, 0, TOKEN_SYMBOL };

          if (c != '%' && c != '?' && c != '!')
            token.flags |= TOKEN_CURRENCY;
          if (depth > 0)
            token.flags |= TOKEN_BRACKETED;
          g_string_append_unichar (ctx->text, c);
          token.length = ctx->text->len - token.offset;
          g_string_append_c (ctx->text, '\0');
          g_array_append_val (ctx->tokens, token);
        }
      p = next;
    }
}

static gboolean
has_suffix (const char *word,
            guint       length,
            const char *suffix)
{
  gsize n = strlen (suffix);

  return length >= n && memcmp (word + length - n, suffix, n) == 0;
}

static gboolean
cue_list_has (const char *cues,
              const char *name)
{
  gsize n = strlen (name);

  for (const char *p = cues; p != NULL && *p != '\0';)
    {
      const char *comma = strchr (p, ',');
      gsize len = comma ? (gsize) (comma - p) : strlen (p);

      if (len == n && memcmp (p, name, n) == 0)
        return TRUE;
      p = comma ? comma + 1 : NULL;
    }
  return FALSE;
}

/* Emits every cue of a comma-separated list from a scorer-cues file, but "not-superlative",
 * which only stops the English -est rule. */
static void
add_cue_list (Context    *ctx,
              const char *cues)
{
  for (const char *p = cues; p != NULL && *p != '\0';)
    {
      const char *comma = strchr (p, ',');
      gsize len = comma ? (gsize) (comma - p) : strlen (p);

      if (!(len == 15 && memcmp (p, "not-superlative", 15) == 0))
        add_cue_len (ctx, p, len);
      p = comma ? comma + 1 : NULL;
    }
}

/* Chinese is written without spaces: the longest cue at every character of a token. */
static void
add_prefix_cues (Context    *ctx,
                 const char *word,
                 guint       length)
{
  const char *p = word;
  const char *end = word + length;

  while (p < end)
    {
      const char *value = NULL;
      gsize n = vera_lexicon_match_prefix (ctx->extractor->cues, p, end - p, &value);

      if (n > 0)
        {
          add_cue_list (ctx, value);
          p += n;
        }
      else
        p = g_utf8_next_char (p);
    }
}

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

/* The shape of the sentence and the hashes of its longer words, for the document context. */
static void
describe (Context                *ctx,
          VeraScorerSentenceInfo *info)
{
  guint32 shape = FNV_OFFSET;
  gboolean zh = ctx->extractor->language == VERA_LANGUAGE_ZH;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      const Token *t = &g_array_index (ctx->tokens, Token, i);
      const char *word = ctx->text->str + t->offset;

      shape = hash_bytes (hash_bytes (shape, word, t->length), "\x1f", 1);
      if (!(t->flags & TOKEN_WORD) || (t->flags & TOKEN_DIGIT))
        continue;
      if (zh && (guchar) word[0] >= 0x80)
        {
          /* Pairs of characters stand for words in Chinese. */
          const char *p = word, *end = word + t->length;

          while (p < end && info->n_content < VERA_SCORER_MAX_CONTENT)
            {
              const char *q = g_utf8_next_char (p);
              const char *r = q < end ? g_utf8_next_char (q) : q;

              if (q >= end)
                break;
              info->content[info->n_content++] = mix (hash_bytes (FNV_OFFSET, p, r - p));
              p = q;
            }
        }
      else if (t->length >= 5 && info->n_content < VERA_SCORER_MAX_CONTENT)
        info->content[info->n_content++] = mix (hash_bytes (FNV_OFFSET, word, t->length));
    }
  info->shape = mix (shape);
}

static void
add_cues (Context                *ctx,
          VeraScorerSentenceInfo *info)
{
  const VeraScorerExtractor *ex = ctx->extractor;
  gboolean english = ex->language == VERA_LANGUAGE_EN;
  gboolean german = ex->language == VERA_LANGUAGE_DE;
  gboolean zh = ex->language == VERA_LANGUAGE_ZH;
  /* German capitalises every noun and Chinese has no case: names are an English cue. */
  gboolean names = english || ex->language == VERA_LANGUAGE_OTHER;
  guint n_numbers = 0, n_named = 0, n_past_ed = 0;
  gboolean named_run = FALSE, figure = FALSE, digit = FALSE, comparative = FALSE;

  for (guint i = 0; i < ctx->tokens->len; i++)
    {
      const char *w = token_text (ctx, i);
      guint flags = token_flags (ctx, i);
      guint len = g_array_index (ctx->tokens, Token, i).length;
      const char *next = i + 1 < ctx->tokens->len ? token_text (ctx, i + 1) : "";
      const char *cues = NULL;

      if (flags & TOKEN_DIGIT)
        {
          n_numbers++;
          digit = TRUE;
          if (is_year_shape (w, flags))
            add_cue (ctx, "year");
          if (english && (has_suffix (w, len, "st") || has_suffix (w, len, "nd") ||
                          has_suffix (w, len, "rd") || has_suffix (w, len, "th")))
            add_cue (ctx, "rank");
          if (english && (has_suffix (w, len, "k") || has_suffix (w, len, "m") ||
                          has_suffix (w, len, "bn") || has_suffix (w, len, "b") ||
                          has_suffix (w, len, "tn")))
            {
              add_cue (ctx, "magnitude");
              figure = TRUE;
            }
          if (strcmp (next, "%") == 0 || strcmp (next, "percent") == 0 ||
              strcmp (next, "prozent") == 0)
            add_cue (ctx, "number-percent");
        }
      if (flags & TOKEN_CURRENCY)
        {
          add_cue (ctx, "currency");
          figure = TRUE;
        }
      if ((flags & TOKEN_SYMBOL) && strcmp (w, "%") == 0)
        {
          add_cue (ctx, "percent");
          figure = TRUE;
        }
      if ((flags & TOKEN_SYMBOL) && strcmp (w, "?") == 0)
        {
          add_cue (ctx, "question");
          info->flags |= VERA_SCORER_SENTENCE_QUESTION;
        }
      if ((flags & TOKEN_SYMBOL) && strcmp (w, "!") == 0)
        add_cue (ctx, "exclamation");

      if (names && (flags & TOKEN_WORD) && (flags & TOKEN_CAPITALISED) &&
          !(flags & TOKEN_INITIAL) && !(flags & TOKEN_DIGIT) && strcmp (w, "i") != 0 &&
          strncmp (w, "i'", 2) != 0)
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

      if (!(flags & TOKEN_WORD) || ex->cues == NULL)
        continue;
      if (zh && (guchar) w[0] >= 0x80)
        {
          add_prefix_cues (ctx, w, len);
          continue;
        }
      if (zh && (flags & TOKEN_DIGIT))
        {
          /* "2400万": the scale follows the digits in the same token. */
          add_prefix_cues (ctx, w, len);
          continue;
        }
      cues = vera_lexicon_lookup (ex->cues, w, len);
      if (cues != NULL)
        {
          add_cue_list (ctx, cues);
          if (cue_list_has (cues, "percent") || cue_list_has (cues, "currency") ||
              cue_list_has (cues, "magnitude"))
            figure = TRUE;
          if (cue_list_has (cues, "comparative"))
            comparative = TRUE;
        }
      if (!english)
        {
          if (german && strcmp (next, "als") == 0 && has_suffix (w, len, "er"))
            add_cue (ctx, "comparative-than");
          continue;
        }
      if (strcmp (w, "going") == 0 && strcmp (next, "to") == 0)
        add_cue (ctx, "future");
      if (has_suffix (w, len, "'ll"))
        add_cue (ctx, "future");
      if (has_suffix (w, len, "'d"))
        add_cue (ctx, "conditional");
      if (strcmp (w, "per") == 0 && strcmp (next, "cent") == 0)
        {
          add_cue (ctx, "percent");
          figure = TRUE;
        }
      if (len >= 5 && has_suffix (w, len, "est") && !(flags & TOKEN_DIGIT) &&
          (cues == NULL || !cue_list_has (cues, "not-superlative")))
        add_cue (ctx, "superlative");
      if (strcmp (next, "than") == 0 && has_suffix (w, len, "er"))
        {
          add_cue (ctx, "comparative-than");
          comparative = TRUE;
        }
      if (has_suffix (w, len, "n't"))
        add_cue (ctx, "negation");
      if (len >= 5 && has_suffix (w, len, "ed"))
        n_past_ed++;
    }

  if (digit)
    info->flags |= VERA_SCORER_SENTENCE_DIGIT;
  if (figure)
    info->flags |= VERA_SCORER_SENTENCE_FIGURE;
  /* Interactions a linear model cannot form itself. */
  if (figure && comparative)
    add_cue (ctx, "figure+comparative");
  if (digit && comparative)
    add_cue (ctx, "digit+comparative");
  if (info->flags & VERA_SCORER_SENTENCE_QUOTE)
    add_cue (ctx, "quote");
  add_count_cue (ctx, "numbers", n_numbers);
  add_count_cue (ctx, "named", n_named);
  add_count_cue (ctx, "past-ed", n_past_ed);
  add_length_cue (ctx, info->n_words + (zh ? ctx->n_han / 2 : 0));
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

void
vera_scorer_features_sort_unique (GArray *features)
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
vera_scorer_features_add_cue (GArray     *features,
                              guint       hash_bits,
                              const char *name)
{
  VeraScorerFeature f = { 0, 1.0f };

  f.index = mix (hash_bytes (hash_bytes (FNV_OFFSET, "f\x1f", 2), name, strlen (name))) &
            ((1u << hash_bits) - 1);
  g_array_append_val (features, f);
}

void
vera_scorer_extractor_init (VeraScorerExtractor *self,
                            VeraLanguage         language,
                            gboolean             words,
                            guint                hash_bits)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (hash_bits >= VERA_SCORER_MIN_HASH_BITS &&
                    hash_bits <= VERA_SCORER_MAX_HASH_BITS);

  if (language == VERA_LANGUAGE_UND)
    language = VERA_LANGUAGE_EN;
  self->language = language;
  self->words = words && language == VERA_LANGUAGE_EN;
  self->hash_bits = hash_bits;
  self->cues = language == VERA_LANGUAGE_OTHER ? NULL : vera_lexicon_get (language, "scorer-cues");
}

void
vera_scorer_features_extract (const VeraScorerExtractor *self,
                              const char                *sentence,
                              gsize                      length,
                              GArray                    *features,
                              VeraScorerSentenceInfo    *info)
{
  VeraScorerSentenceInfo local_info = { 0 };
  Context ctx;

  g_return_if_fail (self != NULL);
  g_return_if_fail (sentence != NULL || length == 0);
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
  ctx.extractor = self;
  ctx.text = g_string_sized_new (length + 16);
  ctx.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  ctx.mask = (1u << self->hash_bits) - 1;
  ctx.out = features;
  ctx.n_han = 0;

  tokenize (&ctx, sentence ? sentence : "", length, &local_info);
  if (self->words)
    add_ngrams (&ctx);
  add_cues (&ctx, &local_info);
  describe (&ctx, &local_info);
  vera_scorer_features_sort_unique (features);

  g_string_free (ctx.text, TRUE);
  g_array_unref (ctx.tokens);
  if (info != NULL)
    *info = local_info;
}

double
vera_scorer_features_probability (double                        z,
                                  const VeraScorerSentenceInfo *info)
{
  double score = 1.0 / (1.0 + exp (-z));

  if (info != NULL && info->n_words_outside == 0)
    score *= VERA_SCORER_NO_TEXT_FACTOR;
  if (!(score >= 0.0))
    return 0.0;
  return MIN (score, 1.0);
}
