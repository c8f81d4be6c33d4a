/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-article"

#include "config.h"

#include <json-glib/json-glib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-finding.h"
#include "vera-model-private.h"
#include "vera-util.h"

/* One byte offset is remembered every INDEX_STRIDE code points, so converting an offset walks at
 * most that many characters. */
#define INDEX_STRIDE 64

struct _VeraArticle
{
  GObject      parent_instance;

  char        *id;
  char        *source;
  char        *text;
  gsize        text_length;
  guint        n_chars;
  GArray      *char_index;

  char        *title;
  char        *publisher;
  char        *author;
  char        *published;
  char        *language;

  GListStore  *claims;
  GListStore  *findings;
  guint        n_reviewed;

  GPtrArray   *annotations;  /* JsonNode: annotations anchored on no claim, NULL until pulled */
};

G_DEFINE_FINAL_TYPE (VeraArticle, vera_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_SOURCE,
  PROP_TEXT,
  PROP_TITLE,
  PROP_PUBLISHER,
  PROP_AUTHOR,
  PROP_PUBLISHED,
  PROP_LANGUAGE,
  PROP_N_CLAIMS,
  PROP_N_REVIEWED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static gboolean
status_is_reviewed (VeraStatus status)
{
  return status != VERA_STATUS_UNREVIEWED && status != VERA_STATUS_IN_PROGRESS;
}

static void
recount_reviewed (VeraArticle *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  guint reviewed = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);

      if (status_is_reviewed (vera_claim_get_status (claim)))
        reviewed++;
    }

  if (reviewed != self->n_reviewed)
    {
      self->n_reviewed = reviewed;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_REVIEWED]);
    }
}

void
_vera_article_claim_status_changed (VeraArticle *self,
                                    VeraStatus   old_status,
                                    VeraStatus   new_status)
{
  gboolean was = status_is_reviewed (old_status);
  gboolean is = status_is_reviewed (new_status);

  g_assert (VERA_IS_ARTICLE (self));

  if (was == is)
    return;
  if (is)
    self->n_reviewed++;
  else if (self->n_reviewed > 0)
    self->n_reviewed--;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_REVIEWED]);
}

static void
claims_changed_cb (VeraArticle *self,
                   guint        position,
                   guint        removed,
                   guint        added,
                   GListModel  *model)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_CLAIMS]);

  /* Appending claims one by one must stay linear: count only the new ones. */
  if (removed == 0)
    {
      guint reviewed = 0;

      for (guint i = position; i < position + added; i++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (model, i);

          if (status_is_reviewed (vera_claim_get_status (claim)))
            reviewed++;
        }
      if (reviewed > 0)
        {
          self->n_reviewed += reviewed;
          g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_REVIEWED]);
        }
      return;
    }

  recount_reviewed (self);
}

static void
build_char_index (VeraArticle *self)
{
  const char *p = self->text;
  const char *end = self->text + self->text_length;
  guint n = 0;

  self->char_index = g_array_new (FALSE, FALSE, sizeof (gsize));
  while (p < end)
    {
      if (n % INDEX_STRIDE == 0)
        {
          gsize offset = p - self->text;
          g_array_append_val (self->char_index, offset);
        }
      p = g_utf8_next_char (p);
      n++;
    }
  self->n_chars = n;
}

static void
vera_article_constructed (GObject *object)
{
  VeraArticle *self = (VeraArticle *)object;

  G_OBJECT_CLASS (vera_article_parent_class)->constructed (object);

  if (self->text == NULL)
    self->text = g_strdup ("");
  self->text_length = strlen (self->text);
  build_char_index (self);
}

static void
release_claims (VeraArticle *self)
{
  GListModel *claims = G_LIST_MODEL (self->claims);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);
      _vera_claim_set_article (claim, NULL);
    }
}

static void
vera_article_dispose (GObject *object)
{
  VeraArticle *self = (VeraArticle *)object;

  if (self->claims != NULL)
    {
      release_claims (self);
      g_list_store_remove_all (self->claims);
    }
  g_clear_object (&self->claims);
  g_clear_object (&self->findings);

  G_OBJECT_CLASS (vera_article_parent_class)->dispose (object);
}

static void
vera_article_finalize (GObject *object)
{
  VeraArticle *self = (VeraArticle *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->char_index, g_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->publisher, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->published, g_free);
  g_clear_pointer (&self->language, g_free);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (vera_article_parent_class)->finalize (object);
}

static void
vera_article_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VeraArticle *self = VERA_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:         g_value_set_string (value, self->id); break;
    case PROP_SOURCE:     g_value_set_string (value, self->source); break;
    case PROP_TEXT:       g_value_set_string (value, self->text); break;
    case PROP_TITLE:      g_value_set_string (value, self->title); break;
    case PROP_PUBLISHER:  g_value_set_string (value, self->publisher); break;
    case PROP_AUTHOR:     g_value_set_string (value, self->author); break;
    case PROP_PUBLISHED:  g_value_set_string (value, self->published); break;
    case PROP_LANGUAGE:   g_value_set_string (value, self->language); break;
    case PROP_N_CLAIMS:   g_value_set_uint (value, vera_article_get_n_claims (self)); break;
    case PROP_N_REVIEWED: g_value_set_uint (value, self->n_reviewed); break;
    default:              G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_article_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VeraArticle *self = VERA_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:        self->id = g_value_dup_string (value); break;
    case PROP_SOURCE:    self->source = g_value_dup_string (value); break;
    case PROP_TEXT:      self->text = g_value_dup_string (value); break;
    case PROP_TITLE:     vera_article_set_title (self, g_value_get_string (value)); break;
    case PROP_PUBLISHER: vera_article_set_publisher (self, g_value_get_string (value)); break;
    case PROP_AUTHOR:    vera_article_set_author (self, g_value_get_string (value)); break;
    case PROP_PUBLISHED: vera_article_set_published (self, g_value_get_string (value)); break;
    case PROP_LANGUAGE:  vera_article_set_language (self, g_value_get_string (value)); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_article_class_init (VeraArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = vera_article_constructed;
  object_class->dispose = vera_article_dispose;
  object_class->finalize = vera_article_finalize;
  object_class->get_property = vera_article_get_property;
  object_class->set_property = vera_article_set_property;

  properties [PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties [PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, construct);
  properties [PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, construct);
  properties [PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties [PROP_PUBLISHER] = g_param_spec_string ("publisher", NULL, NULL, NULL, rw);
  properties [PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, rw);
  properties [PROP_PUBLISHED] = g_param_spec_string ("published", NULL, NULL, NULL, rw);
  properties [PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties [PROP_N_CLAIMS] = g_param_spec_uint ("n-claims", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_N_REVIEWED] =
    g_param_spec_uint ("n-reviewed", NULL, NULL, 0, G_MAXUINT, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vera_article_init (VeraArticle *self)
{
  self->claims = g_list_store_new (VERA_TYPE_CLAIM);
  self->findings = g_list_store_new (VERA_TYPE_FINDING);
  g_signal_connect_object (self->claims, "items-changed",
                           G_CALLBACK (claims_changed_cb), self, G_CONNECT_SWAPPED);
}

VeraArticle *
vera_article_new (const char *id,
                  const char *source,
                  const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  return g_object_new (VERA_TYPE_ARTICLE,
                       "id", id,
                       "source", source,
                       "text", text,
                       NULL);
}

const char *
vera_article_get_id (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->id;
}

const char *
vera_article_get_source (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->source;
}

const char *
vera_article_get_text (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->text;
}

gsize
vera_article_get_text_length (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), 0);
  return self->text_length;
}

guint
vera_article_get_n_chars (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), 0);
  return self->n_chars;
}

gsize
vera_article_char_to_byte (VeraArticle *self,
                           guint        char_offset)
{
  const char *p;
  guint rest;

  g_return_val_if_fail (VERA_IS_ARTICLE (self), 0);

  if (char_offset >= self->n_chars)
    return self->text_length;

  p = self->text + g_array_index (self->char_index, gsize, char_offset / INDEX_STRIDE);
  for (rest = char_offset % INDEX_STRIDE; rest > 0; rest--)
    p = g_utf8_next_char (p);
  return p - self->text;
}

guint
vera_article_byte_to_char (VeraArticle *self,
                           gsize        byte_offset)
{
  guint lo = 0;
  guint hi;
  const char *p;
  const char *target;
  guint n;

  g_return_val_if_fail (VERA_IS_ARTICLE (self), 0);

  if (byte_offset >= self->text_length)
    return self->n_chars;
  if (self->char_index->len == 0)
    return 0;

  /* Find the last index entry at or before the byte offset, then walk. */
  hi = self->char_index->len - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;

      if (g_array_index (self->char_index, gsize, mid) <= byte_offset)
        lo = mid;
      else
        hi = mid - 1;
    }

  p = self->text + g_array_index (self->char_index, gsize, lo);
  target = self->text + byte_offset;
  n = lo * INDEX_STRIDE;
  while (p < target)
    {
      p = g_utf8_next_char (p);
      n++;
    }
  return n;
}

char *
vera_article_dup_slice (VeraArticle *self,
                        guint        start,
                        guint        end)
{
  gsize from;
  gsize to;

  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  from = vera_article_char_to_byte (self, start);
  to = vera_article_char_to_byte (self, end);
  return g_strndup (self->text + from, to - from);
}

const char *
vera_article_get_title (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->title;
}

void
vera_article_set_title (VeraArticle *self,
                        const char  *title)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  if (vera_set_str (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TITLE]);
}

const char *
vera_article_get_publisher (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->publisher;
}

void
vera_article_set_publisher (VeraArticle *self,
                            const char  *publisher)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  if (vera_set_str (&self->publisher, publisher))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISHER]);
}

const char *
vera_article_get_author (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->author;
}

void
vera_article_set_author (VeraArticle *self,
                         const char  *author)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  if (vera_set_str (&self->author, author))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTHOR]);
}

const char *
vera_article_get_published (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->published;
}

void
vera_article_set_published (VeraArticle *self,
                            const char  *published)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  if (vera_set_str (&self->published, published))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PUBLISHED]);
}

const char *
vera_article_get_language (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return self->language;
}

void
vera_article_set_language (VeraArticle *self,
                           const char  *language)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  if (vera_set_str (&self->language, language))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LANGUAGE]);
}

GListModel *
vera_article_get_claims (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->claims);
}

GListModel *
vera_article_get_findings (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);
  return G_LIST_MODEL (self->findings);
}

void
vera_article_add_claim (VeraArticle *self,
                        VeraClaim   *claim)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  g_return_if_fail (VERA_IS_CLAIM (claim));

  _vera_claim_set_article (claim, self);
  g_list_store_append (self->claims, claim);
}

void
vera_article_add_finding (VeraArticle *self,
                          VeraFinding *finding)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  g_return_if_fail (VERA_IS_FINDING (finding));

  g_list_store_append (self->findings, finding);
}

void
vera_article_replace_analysis (VeraArticle *self,
                               GPtrArray   *claims,
                               GPtrArray   *findings)
{
  guint n;

  g_return_if_fail (VERA_IS_ARTICLE (self));

  if (claims != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
      release_claims (self);
      for (guint i = 0; i < claims->len; i++)
        _vera_claim_set_article (g_ptr_array_index (claims, i), self);
      g_list_store_splice (self->claims, 0, n, claims->pdata, claims->len);
    }

  if (findings != NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
      g_list_store_splice (self->findings, 0, n, findings->pdata, findings->len);
    }
}

guint
vera_article_get_n_claims (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->claims));
}

guint
vera_article_get_n_reviewed (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), 0);
  return self->n_reviewed;
}

GPtrArray *
vera_article_get_annotations (VeraArticle *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE (self), NULL);

  if (self->annotations == NULL)
    self->annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  return self->annotations;
}

void
vera_article_take_annotations (VeraArticle *self,
                               GPtrArray   *annotations)
{
  g_return_if_fail (VERA_IS_ARTICLE (self));
  g_return_if_fail (annotations != NULL);

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  self->annotations = annotations;
}
