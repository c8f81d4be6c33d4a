/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/tree.h>

#include "vera-html-dom.h"
#include "vera-net-private.h"
#include "vera-page-meta.h"
#include "vera-page-meta-collected.h"

/* ---- Choosing the fields ------------------------------------------------------------------ */

/* RDFa properties are what a page means for machines; names are often older or looser. */
static const char *
meta_get (VeraPageMetaCollected  *c,
          const char *key)
{
  const char *v = g_hash_table_lookup (c->props, key);

  return v != NULL ? v : g_hash_table_lookup (c->names, key);
}

static const char *
meta_first (VeraPageMetaCollected          *c,
            const char * const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *v = meta_get (c, keys[i]);

      if (v != NULL)
        return v;
    }
  return NULL;
}

static gboolean
is_url (const char *s)
{
  return g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://") ||
         g_str_has_prefix (s, "//");
}

/* Drops the word that introduces a byline in many languages ("By Jane Roe", "Par …", "Von …"):
 * it is not part of the name. */
static char *
clean_author (const char *text)
{
  static const char * const intro[] = { "by", "par", "von", "por", "di", "door", "av", "af",
                                        "від", "от", "przez" };
  const char *p;

  /* URLs and social handles ("@jane") are not names. */
  if (text == NULL || is_url (text) || text[0] == '@')
    return NULL;
  p = text;
  for (guint i = 0; i < G_N_ELEMENTS (intro); i++)
    {
      gsize n = strlen (intro[i]);

      if (g_ascii_strncasecmp (p, intro[i], n) == 0 && (p[n] == ' ' || p[n] == ':'))
        {
          p += n;
          while (*p == ' ' || *p == ':')
            p++;
          break;
        }
    }
  return vera_page_meta_fold_space (p);
}

/* A <title> often ends or starts with the site name ("Headline - Site", "Site | Headline"); keep
 * the headline when the other part is the known site name. */
static char *
clean_document_title (const char *title,
                      const char *site_name)
{
  static const char * const separators[] = {
    " | ", " - ", " – ", " — ", " :: ", " · ", " » ",
  };

  if (title == NULL)
    return NULL;
  if (site_name == NULL)
    return g_strdup (title);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      const char *last = g_strrstr (title, separators[i]);
      const char *first = strstr (title, separators[i]);

      if (last != NULL && g_utf8_collate (last + strlen (separators[i]), site_name) == 0)
        return g_strndup (title, last - title);
      if (first != NULL && strlen (site_name) == (gsize) (first - title) &&
          strncmp (title, site_name, first - title) == 0)
        return g_strdup (first + strlen (separators[i]));
    }
  return g_strdup (title);
}

/* News sites often put the publication date in the path: "/2019/04/28/slug" or
 * "/2019-04-28/slug". Only a full year-month-day in the path counts. */
static char *
date_from_url (const char *url)
{
  g_autoptr(GUri) uri = NULL;
  const char *path;

  if (url == NULL)
    return NULL;
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL)
    return NULL;
  path = g_uri_get_path (uri);
  for (const char *p = path; *p != '\0'; p++)
    {
      int y, m, d;

      if (*p != '/' || strlen (p) < 11)
        continue;
      if (sscanf (p + 1, "%4d/%2d/%2d", &y, &m, &d) != 3 &&
          sscanf (p + 1, "%4d-%2d-%2d", &y, &m, &d) != 3)
        continue;
      if (!g_ascii_isdigit (p[1]) || !g_ascii_isdigit (p[4]) || p[5] == '\0' ||
          !g_ascii_isdigit (p[6]) || !g_ascii_isdigit (p[7]) || !g_ascii_isdigit (p[9]) ||
          !g_ascii_isdigit (p[10]) || (p[11] != '/' && p[11] != '\0' && p[11] != '-'))
        continue;
      if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
          g_date_valid_dmy (d, m, y))
        return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
    }
  return NULL;
}

static void
set_field (char      **slot,
           const char *value)
{
  g_free (*slot);
  *slot = value != NULL ? g_strdup (value) : NULL;
}

void
vera_page_meta_choose_fields (VeraPageMeta *self,
               VeraPageMetaCollected    *c)
{
  static const char * const title_keys[] = {
    "dc:title", "og:title", "twitter:title", NULL };
  static const char * const title_late_keys[] = {
    "title", "parsely-title", "sailthru.title", "headline", NULL };
  static const char * const author_keys[] = {
    "dc:creator", "author", "article:author", "parsely-author", "sailthru.author",
    "byl", NULL };
  static const char * const site_keys[] = {
    "og:site_name", "dc:publisher", "application-name", "publisher", NULL };
  static const char * const date_keys[] = {
    "article:published_time", "datepublished", "dc:date.issued", "dc:issued", "dc:date",
    "dc:created", "date", "pubdate", "publishdate", "publish-date", "parsely-pub-date",
    "sailthru.date", "og:published_time", "article:published", NULL };
  static const char * const description_keys[] = {
    "dc:description", "og:description", "description", "twitter:description", NULL };
  static const char * const language_keys[] = {
    "content-language", "dc:language", "language", NULL };
  const char *v;
  g_autofree char *author = NULL;
  g_autofree char *date = NULL;

  /* JSON-LD is written for machines and names the article itself; meta tags are often tuned
   * for social sharing ("og:title" teasers), so JSON-LD goes first. The publisher comes first
   * because the title clean-up needs it. */
  v = c->ld_publisher;
  if (v == NULL)
    v = meta_first (c, site_keys);
  set_field (&self->site_name, v);

  v = c->ld_title;
  /* Some pages give the site's name as the article's name. */
  if (v != NULL && self->site_name != NULL && g_utf8_collate (v, self->site_name) == 0)
    v = NULL;
  if (v == NULL)
    v = meta_first (c, title_keys);
  if (v == NULL)
    v = meta_first (c, title_late_keys);
  if (v == NULL)
    v = c->title;
  {
    g_autofree char *t = clean_document_title (v, self->site_name);

    set_field (&self->title, t);
  }

  author = clean_author (c->ld_author);
  for (guint i = 0; author_keys[i] != NULL && author == NULL; i++)
    author = clean_author (meta_get (c, author_keys[i]));
  if (author == NULL)
    author = clean_author (c->rel_author);
  if (author == NULL)
    author = clean_author (c->byline);
  g_free (self->author);
  self->author = g_steal_pointer (&author);

  if (c->ld_date != NULL)
    date = vera_page_meta_normalize_date (c->ld_date);
  v = meta_first (c, date_keys);
  if (date == NULL && v != NULL)
    date = vera_page_meta_normalize_date (v);
  if (date == NULL && c->time != NULL)
    date = vera_page_meta_normalize_date (c->time);
  if (date == NULL)
    date = date_from_url (self->final_url != NULL ? self->final_url : self->url);
  g_free (self->published);
  self->published = g_steal_pointer (&date);

  v = c->ld_description;
  if (v == NULL)
    v = meta_first (c, description_keys);
  set_field (&self->description, v);

  v = c->canonical;
  if (v == NULL)
    v = meta_get (c, "og:url");
  if (v != NULL)
    {
      const char *base = self->final_url != NULL ? self->final_url : self->url;
      g_autofree char *abs = base != NULL ? g_uri_resolve_relative (base, v, G_URI_FLAGS_NONE,
                                                                    NULL) : NULL;

      set_field (&self->canonical_url, abs != NULL ? abs : v);
    }

  v = c->html_lang;
  if (v == NULL)
    v = meta_first (c, language_keys);
  if (v != NULL)
    set_field (&self->language, v);
  else if ((v = meta_get (c, "og:locale")) != NULL)
    {
      g_autofree char *tag = g_strdup (v);

      g_strdelimit (tag, "_", '-');
      set_field (&self->language, tag);
    }
}

