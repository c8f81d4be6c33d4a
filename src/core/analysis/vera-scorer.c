/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-scorer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "vera-scorer.h"
#include "vera-scorer-features.h"
#include "vera-scorer-resources.h"

/* The check-worthiness scorer: two logistic regressions over the features of
 * vera-scorer-features.c, with weights from a text file written by vera-train-scorer (see
 * SCORER.md): one over every feature for English, one without the English word n-grams for
 * the other languages. The object is immutable after construction, so concurrent calls are
 * safe. */

#define WEIGHTS_RESOURCE "/io/github/verafact/Vera/core/analysis/scorer-weights.txt"
#define WEIGHTS_MAGIC "vera-scorer-weights"
#define WEIGHTS_FORMAT 2

typedef struct
{
  double  bias;
  float  *weights;   /* 1 << hash_bits */
} Model;

struct _VeraScorer
{
  GObject parent_instance;

  guint               hash_bits;
  Model               english;
  Model               neutral;
  VeraScorerExtractor extractors[VERA_N_LANGUAGES];
};

G_DEFINE_FINAL_TYPE (VeraScorer, vera_scorer, G_TYPE_OBJECT)

G_DEFINE_QUARK (vera-scorer-error-quark, vera_scorer_error)

static void
vera_scorer_finalize (GObject *object)
{
  VeraScorer *self = VERA_SCORER (object);

  g_clear_pointer (&self->english.weights, g_free);
  g_clear_pointer (&self->neutral.weights, g_free);
  G_OBJECT_CLASS (vera_scorer_parent_class)->finalize (object);
}

static void
vera_scorer_class_init (VeraScorerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vera_scorer_finalize;
}

static void
vera_scorer_init (VeraScorer *self)
{
}

typedef struct
{
  const char *p;
  const char *end;
  guint       line_no;
  char       *line;   /* the current line, NUL-terminated, without its end of line */
} Reader;

/* Moves to the next line that is neither empty nor a # comment; FALSE at the end. */
static gboolean
next_line (Reader *reader)
{
  while (reader->p < reader->end)
    {
      const char *eol = memchr (reader->p, '\n', reader->end - reader->p);
      const char *stop = eol ? eol : reader->end;

      g_free (reader->line);
      reader->line = g_strndup (reader->p, stop - reader->p);
      reader->p = eol ? eol + 1 : reader->end;
      reader->line_no++;
      g_strchomp (reader->line);
      if (reader->line[0] != '\0' && reader->line[0] != '#')
        return TRUE;
    }
  g_clear_pointer (&reader->line, g_free);
  return FALSE;
}

static gboolean
fail (Reader     *reader,
      GError    **error,
      const char *what)
{
  if (reader->line == NULL)
    g_set_error (error, VERA_SCORER_ERROR, VERA_SCORER_ERROR_INVALID_WEIGHTS,
                 _("Invalid scorer weights, at the end of the file (line %u): %s"),
                 reader->line_no, what);
  else
    g_set_error (error, VERA_SCORER_ERROR, VERA_SCORER_ERROR_INVALID_WEIGHTS,
                 _("Invalid scorer weights, line %u: %s"), reader->line_no, what);
  return FALSE;
}

/* Reads "KEY VALUE" where VALUE is an unsigned integer in [min, max]. */
static gboolean
read_uint (Reader     *reader,
           const char *key,
           guint64     min,
           guint64     max,
           guint64    *value,
           GError    **error)
{
  g_autofree char *expected = NULL;
  gsize key_len = strlen (key);
  const char *arg;

  if (!next_line (reader) || strncmp (reader->line, key, key_len) != 0 ||
      reader->line[key_len] != ' ')
    {
      expected = g_strdup_printf (_("expected “%s”"), key);
      return fail (reader, error, expected);
    }
  arg = reader->line + key_len + 1;
  if (!g_ascii_string_to_unsigned (arg, 10, min, max, value, NULL))
    {
      expected = g_strdup_printf (_("“%s” must be a whole number from %lu to %lu"), key,
                                  (unsigned long) min, (unsigned long) max);
      return fail (reader, error, expected);
    }
  return TRUE;
}

static gboolean
parse_double (const char  *text,
              double      *value,
              const char **end)
{
  char *stop = NULL;

  if (*text == '\0' || g_ascii_isspace (*text))
    return FALSE;
  *value = g_ascii_strtod (text, &stop);
  if (stop == text || !isfinite (*value) || fabs (*value) > G_MAXFLOAT)
    return FALSE;
  *end = stop;
  return TRUE;
}

static gboolean
read_header (VeraScorer *self,
             Reader     *reader,
             GError    **error)
{
  guint64 value;

  if (!read_uint (reader, WEIGHTS_MAGIC, 1, G_MAXUINT32, &value, error))
    return FALSE;
  if (value != WEIGHTS_FORMAT)
    return fail (reader, error, _("unsupported format version"));
  if (!read_uint (reader, "features-version", 1, G_MAXUINT32, &value, error))
    return FALSE;
  if (value != VERA_SCORER_FEATURES_VERSION)
    return fail (reader, error, _("the weights were trained for another version of the "
                                  "features; run vera-train-scorer again"));
  if (!read_uint (reader, "hash-bits", VERA_SCORER_MIN_HASH_BITS, VERA_SCORER_MAX_HASH_BITS,
                  &value, error))
    return FALSE;
  self->hash_bits = (guint) value;
  return TRUE;
}

/* "PREFIXbias X", "PREFIXweights N", then N lines "bucket weight". */
static gboolean
read_model (VeraScorer *self,
            Reader     *reader,
            const char *prefix,
            Model      *model,
            GError    **error)
{
  guint64 size = (guint64) 1 << self->hash_bits;
  g_autofree char *bias_key = g_strconcat (prefix, "bias ", NULL);
  g_autofree char *weights_key = g_strconcat (prefix, "weights", NULL);
  gsize bias_len = strlen (bias_key);
  gint64 previous = -1;
  guint64 n_weights;
  const char *bias_end;

  if (!next_line (reader) || !g_str_has_prefix (reader->line, bias_key) ||
      !parse_double (reader->line + bias_len, &model->bias, &bias_end) || *bias_end != '\0')
    {
      g_autofree char *expected = g_strdup_printf (_("expected “%s” and a finite number"),
                                                   g_strstrip (g_strdup (bias_key)));

      return fail (reader, error, expected);
    }
  if (!read_uint (reader, weights_key, 0, size, &n_weights, error))
    return FALSE;
  model->weights = g_new0 (float, size);
  for (guint64 i = 0; i < n_weights; i++)
    {
      guint64 index;
      double weight;
      char *stop = NULL;
      const char *end;

      if (!next_line (reader))
        return fail (reader, error, _("fewer weights than the header announces"));
      index = g_ascii_strtoull (reader->line, &stop, 10);
      if (stop == reader->line || !g_ascii_isdigit (reader->line[0]) || *stop != ' ')
        return fail (reader, error, _("expected a bucket number and a weight"));
      if (index >= size)
        return fail (reader, error, _("bucket number out of range"));
      if ((gint64) index <= previous)
        return fail (reader, error, _("bucket numbers must increase"));
      if (!parse_double (stop + 1, &weight, &end) || *end != '\0')
        return fail (reader, error, _("the weight is not a finite number"));
      model->weights[index] = (float) weight;
      previous = (gint64) index;
    }
  return TRUE;
}

VeraScorer *
vera_scorer_new_from_bytes (GBytes  *weights,
                            GError **error)
{
  g_autoptr(VeraScorer) self = NULL;
  Reader reader = { NULL, NULL, 0, NULL };
  gsize size;
  gboolean ok;

  g_return_val_if_fail (weights != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (VERA_TYPE_SCORER, NULL);
  reader.p = g_bytes_get_data (weights, &size);
  /* Empty GBytes hold NULL: adding even zero to it is undefined behaviour. */
  reader.end = reader.p != NULL ? reader.p + size : NULL;
  if (size > 0 && memchr (reader.p, '\0', size) != NULL)
    {
      g_set_error (error, VERA_SCORER_ERROR, VERA_SCORER_ERROR_INVALID_WEIGHTS,
                   _("Invalid scorer weights: the file holds a NUL byte; it is not text"));
      return NULL;
    }
  ok = read_header (self, &reader, error) &&
       read_model (self, &reader, "", &self->english, error) &&
       read_model (self, &reader, "neutral-", &self->neutral, error);
  if (ok && next_line (&reader))
    ok = fail (&reader, error, _("more weights than the header announces"));
  g_free (reader.line);
  if (!ok)
    return NULL;
  for (guint l = 0; l < VERA_N_LANGUAGES; l++)
    vera_scorer_extractor_init (&self->extractors[l], (VeraLanguage) l, TRUE, self->hash_bits);
  return g_steal_pointer (&self);
}

VeraScorer *
vera_scorer_new (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Through the resource itself, so that the static library keeps it linked in. */
  bytes = g_resource_lookup_data (vera_scorer_get_resource (), WEIGHTS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return vera_scorer_new_from_bytes (bytes, error);
}

static const Model *
model_for (VeraScorer                *self,
           const VeraScorerExtractor *extractor)
{
  return extractor->words ? &self->english : &self->neutral;
}

static double
score_features (const Model                  *model,
                GArray                       *features,
                const VeraScorerSentenceInfo *info)
{
  double z = model->bias;

  for (guint i = 0; i < features->len; i++)
    {
      const VeraScorerFeature *f = &g_array_index (features, VeraScorerFeature, i);

      z += (double) model->weights[f->index] * f->value;
    }
  return vera_scorer_features_probability (z, info);
}

double
vera_scorer_score_language (VeraScorer   *self,
                            const char   *sentence,
                            gsize         length,
                            VeraLanguage  language)
{
  g_autoptr(GArray) features = NULL;
  const VeraScorerExtractor *extractor;
  VeraScorerSentenceInfo info;

  g_return_val_if_fail (VERA_IS_SCORER (self), 0.0);
  g_return_val_if_fail (sentence != NULL || length == 0, 0.0);
  g_return_val_if_fail ((guint) language < VERA_N_LANGUAGES, 0.0);

  extractor = &self->extractors[language];
  features = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  vera_scorer_features_extract (extractor, sentence, length, features, &info);
  return score_features (model_for (self, extractor), features, &info);
}

double
vera_scorer_score_len (VeraScorer *self,
                       const char *sentence,
                       gsize       length)
{
  return vera_scorer_score_language (self, sentence, length, VERA_LANGUAGE_EN);
}

double
vera_scorer_score (VeraScorer *self,
                   const char *sentence)
{
  g_return_val_if_fail (VERA_IS_SCORER (self), 0.0);
  g_return_val_if_fail (sentence != NULL, 0.0);

  return vera_scorer_score_len (self, sentence, strlen (sentence));
}

void
vera_scorer_score_document (VeraScorer         *self,
                            const char * const *sentences,
                            const gsize        *lengths,
                            guint               n,
                            const char * const *speakers,
                            VeraLanguage        language,
                            double             *scores)
{
  const VeraScorerExtractor *extractor;
  g_autofree GArray **features = NULL;
  g_autofree VeraScorerSentenceInfo *infos = NULL;

  g_return_if_fail (VERA_IS_SCORER (self));
  g_return_if_fail (n == 0 || (sentences != NULL && scores != NULL));
  g_return_if_fail ((guint) language < VERA_N_LANGUAGES);

  if (n == 0)
    return;
  extractor = &self->extractors[language];
  features = g_new (GArray *, n);
  infos = g_new0 (VeraScorerSentenceInfo, n);
  for (guint i = 0; i < n; i++)
    features[i] = g_array_new (FALSE, FALSE, sizeof (VeraScorerFeature));
  vera_scorer_features_extract_document (extractor, sentences, lengths, n, speakers, features,
                                         infos);
  for (guint i = 0; i < n; i++)
    {
      scores[i] = score_features (model_for (self, extractor), features[i], &infos[i]);
      g_array_unref (features[i]);
    }
}
