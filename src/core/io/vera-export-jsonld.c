/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-person.h"
#include "vera-project.h"
#include "vera-report-data.h"
#include "vera-vocabulary.h"

/* How much context the TextQuoteSelector carries on each side, in code points. */
#define QUOTE_CONTEXT 32

/* Publishers paste ClaimReview into <script type="application/ld+json">, where a "</script>"
 * inside a string ends the script and the rest runs as HTML. JSON allows any character as
 * \uXXXX, so '<', '>' and '&' (and the JavaScript line separators U+2028, U+2029) are
 * written that way: the data reads back the same, and no markup survives. Outside strings
 * these characters never occur in JSON, so the whole text can be rewritten. */
static char *
escape_for_html (const char *json,
                 gsize       length,
                 gsize      *out_length)
{
  GString *out = g_string_sized_new (length + 16);

  for (gsize i = 0; i < length; i++)
    {
      const char c = json[i];

      if (c == '<')
        g_string_append (out, "\\u003c");
      else if (c == '>')
        g_string_append (out, "\\u003e");
      else if (c == '&')
        g_string_append (out, "\\u0026");
      else if (c == '\xe2' && i + 2 < length && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xa8' || json[i + 2] == '\xa9'))
        {
          g_string_append (out, json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029");
          i += 2;
        }
      else
        g_string_append_c (out, c);
    }
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

/* A well-formed BCP 47 tag (RFC 5646, the shape, not the registry): a primary language
 * subtag of 2–3 letters (or 4–8, as the grammar allows), then subtags of 1–8 letters or
 * digits joined by single '-'. Anything else ("en\"><script>", "english") is dropped rather
 * than published. (The analysis layer has its own check; io cannot use it.) */
static gboolean
is_language_tag (const char *tag)
{
  gsize run = 0;
  gboolean primary = TRUE;

  if (tag == NULL || tag[0] == '\0' || strlen (tag) > 64)
    return FALSE;
  for (const char *p = tag;; p++)
    {
      if (*p == '-' || *p == '\0')
        {
          if (primary ? (run < 2 || run > 8) : (run < 1 || run > 8))
            return FALSE;
          if (*p == '\0')
            return TRUE;
          primary = FALSE;
          run = 0;
          continue;
        }
      if (primary ? !g_ascii_isalpha (*p) : !g_ascii_isalnum (*p))
        return FALSE;
      run++;
    }
}

static GBytes *
finish (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  gsize length = 0;
  char *data;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  {
    g_autofree char *raw = json_generator_to_data (generator, &length);

    data = escape_for_html (raw, length, &length);
  }
  /* A final newline, as text files have. */
  data = g_realloc (data, length + 2);
  data[length++] = '\n';
  data[length] = '\0';
  return g_bytes_new_take (data, length);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  clean = g_utf8_make_valid (value, -1);
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, clean);
}

/* An agent ({"@type": "Person", "name": …}); ClaimReview spells the type key "@type", Web
 * Annotation "type". */
static void
add_agent (JsonBuilder *builder,
           const char  *member,
           const char  *type_key,
           const char  *type,
           const char  *name,
           const char  *job_title)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  add_string (builder, type_key, type);
  add_string (builder, "name", name);
  add_string (builder, "jobTitle", job_title);
  json_builder_end_object (builder);
}

/* A name-based UUID (version 5 layout over SHA-1) so that the same project exports the same ids
 * every time. */
static char *
dup_urn_uuid (const char *name)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "io.github.verafact.Vera:", -1);
  g_checksum_update (checksum, (const guchar *) name, -1);
  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  return g_strdup_printf ("urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

static gboolean
is_absolute_url (const char *text)
{
  return text != NULL && g_uri_is_valid (text, G_URI_FLAGS_NONE, NULL) &&
         vera_report_is_web_url (text);
}

/* The article URL with a fragment naming the claim, so each review has its own address. */
static char *
dup_claim_url (VeraReport  *report,
               VeraArticle *article,
               VeraClaim   *claim)
{
  const char *base = vera_article_get_source (article);
  g_autofree char *fragment = g_uri_escape_string (vera_claim_get_id (claim), NULL, FALSE);
  g_autofree char *without = NULL;
  const char *hash;

  if (!is_absolute_url (base))
    base = report->options.organisation_url;
  if (!is_absolute_url (base))
    return NULL;
  hash = strchr (base, '#');
  without = hash != NULL ? g_strndup (base, hash - base) : g_strdup (base);
  return g_strdup_printf ("%s#claim-%s", without, fragment);
}

static void
add_claim_author (JsonBuilder *builder,
                  VeraArticle *article,
                  VeraClaim   *claim)
{
  GPtrArray *people = vera_claim_get_people (claim);
  const char *author = vera_article_get_author (article);
  const char *publisher = vera_article_get_publisher (article);

  /* Who made the claim: a person the claim quotes, else the article's author or publisher. */
  for (guint i = 0; people != NULL && i < people->len; i++)
    {
      VeraPerson *person = g_ptr_array_index (people, i);

      if (!person->quoted || person->name == NULL || person->name[0] == '\0')
        continue;
      add_agent (builder, "author", "@type", "Person", person->name, person->role);
      return;
    }
  if (author != NULL && author[0] != '\0')
    add_agent (builder, "author", "@type", "Person", author, NULL);
  else if (publisher != NULL && publisher[0] != '\0')
    add_agent (builder, "author", "@type", "Organization", publisher, NULL);
}

static void
add_claimreview (JsonBuilder *builder,
                 VeraReport  *report,
                 VeraArticle *article,
                 VeraClaim   *claim)
{
  VeraStatus status = vera_claim_get_status (claim);
  const char *alternate_name = NULL;
  int rating = vera_status_get_rating (status, &alternate_name);
  g_autofree char *url = dup_claim_url (report, article, claim);
  g_autofree char *now = vera_report_dup_iso_now (report);
  const char *modified = vera_claim_get_modified (claim);
  const char *source = vera_article_get_source (article);
  const char *organisation = report->options.organisation_name;
  const char *reviewer = vera_claim_get_reviewer (claim);

  if (reviewer == NULL || reviewer[0] == '\0')
    reviewer = report->reviewer;

  json_builder_begin_object (builder);
  add_string (builder, "@context", "https://schema.org");
  add_string (builder, "@type", "ClaimReview");
  add_string (builder, "url", url);
  add_string (builder, "claimReviewed", vera_claim_get_text (claim));
  add_string (builder, "reviewBody", vera_claim_get_note (claim));
  add_string (builder, "datePublished", modified != NULL && modified[0] != '\0' ? modified : now);
  if (is_language_tag (vera_article_get_language (article)))
    add_string (builder, "inLanguage", vera_article_get_language (article));

  if (organisation != NULL && organisation[0] != '\0')
    {
      json_builder_set_member_name (builder, "author");
      json_builder_begin_object (builder);
      add_string (builder, "@type", "Organization");
      add_string (builder, "name", organisation);
      if (is_absolute_url (report->options.organisation_url))
        add_string (builder, "url", report->options.organisation_url);
      json_builder_end_object (builder);
    }
  else if (reviewer != NULL)
    add_agent (builder, "author", "@type", "Person", reviewer, NULL);

  json_builder_set_member_name (builder, "reviewRating");
  json_builder_begin_object (builder);
  add_string (builder, "@type", "Rating");
  add_string (builder, "alternateName", alternate_name);
  json_builder_set_member_name (builder, "ratingValue");
  json_builder_add_int_value (builder, rating);
  json_builder_set_member_name (builder, "bestRating");
  json_builder_add_int_value (builder, 5);
  json_builder_set_member_name (builder, "worstRating");
  json_builder_add_int_value (builder, 1);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "itemReviewed");
  json_builder_begin_object (builder);
  add_string (builder, "@type", "Claim");
  add_claim_author (builder, article, claim);
  add_string (builder, "datePublished", vera_article_get_published (article));
  json_builder_set_member_name (builder, "appearance");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "@type", "CreativeWork");
  if (is_absolute_url (source))
    add_string (builder, "url", source);
  else
    add_string (builder, "name", source);
  add_string (builder, "headline", vera_article_get_title (article));
  add_string (builder, "datePublished", vera_article_get_published (article));
  if (vera_article_get_publisher (article) != NULL)
    add_agent (builder, "publisher", "@type", "Organization",
               vera_article_get_publisher (article), NULL);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

GBytes *
vera_export_claimreview (VeraReport    *report,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < report->articles->len; i++)
    {
      VeraReportArticle *entry = g_ptr_array_index (report->articles, i);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      for (guint c = 0; c < entry->claims->len; c++)
        {
          VeraClaim *claim = g_ptr_array_index (entry->claims, c);

          /* A ClaimReview needs a rating: only verdicts make one. */
          if (vera_status_is_verdict (vera_claim_get_status (claim)))
            add_claimreview (builder, report, entry->article, claim);
        }
    }
  json_builder_end_array (builder);
  return finish (builder);
}

/* The quote context: the claim's own when it has one, else taken from the text. */
static char *
dup_context (VeraArticle *article,
             VeraClaim   *claim,
             gboolean     prefix)
{
  const char *stored = prefix ? vera_claim_get_prefix (claim) : vera_claim_get_suffix (claim);
  guint n_chars = vera_article_get_n_chars (article);
  guint start = MIN (vera_claim_get_start (claim), n_chars);
  guint end = MIN (vera_claim_get_end (claim), n_chars);

  if (stored != NULL && stored[0] != '\0')
    return g_strdup (stored);
  if (prefix)
    return vera_article_dup_slice (article, start > QUOTE_CONTEXT ? start - QUOTE_CONTEXT : 0,
                                   start);
  return vera_article_dup_slice (article, end, MIN (end + QUOTE_CONTEXT, n_chars));
}

static void
add_annotation (JsonBuilder *builder,
                VeraReport  *report,
                VeraArticle *article,
                const char  *source_uri,
                VeraClaim   *claim)
{
  VeraStatus status = vera_claim_get_status (claim);
  const char *note = vera_claim_get_note (claim);
  const char *modified = vera_claim_get_modified (claim);
  const char *reviewer = vera_claim_get_reviewer (claim);
  g_autofree char *now = vera_report_dup_iso_now (report);
  g_autofree char *name = g_strdup_printf ("annotation\n%s\n%s", source_uri,
                                           vera_claim_get_id (claim));
  g_autofree char *id = dup_urn_uuid (name);
  g_autofree char *value = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *prefix = dup_context (article, claim, TRUE);
  g_autofree char *suffix = dup_context (article, claim, FALSE);
  guint n_chars = vera_article_get_n_chars (article);
  guint start = MIN (vera_claim_get_start (claim), n_chars);
  guint end = CLAMP (vera_claim_get_end (claim), start, n_chars);

  if (reviewer == NULL || reviewer[0] == '\0')
    reviewer = report->reviewer;
  exact = vera_article_dup_slice (article, start, end);
  if (note != NULL && note[0] != '\0')
    value = g_strdup_printf ("%s: %s", vera_status_get_label (status), note);
  else
    value = g_strdup (vera_status_get_label (status));

  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "type", "Annotation");
  add_string (builder, "motivation", "assessing");
  add_string (builder, "created", modified != NULL && modified[0] != '\0' ? modified : now);
  add_string (builder, "modified", modified);
  if (reviewer != NULL && reviewer[0] != '\0')
    add_agent (builder, "creator", "type", "Person", reviewer, NULL);

  json_builder_set_member_name (builder, "body");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextualBody");
  add_string (builder, "purpose", "assessing");
  add_string (builder, "value", value);
  add_string (builder, "format", "text/plain");
  /* Translators: the language tag of the report's own text, e.g. "de" or "zh-CN". */
  add_string (builder, "language", C_("html lang", "en"));
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextualBody");
  add_string (builder, "purpose", "tagging");
  add_string (builder, "value", vera_status_to_string (status));
  json_builder_end_object (builder);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "target");
  json_builder_begin_object (builder);
  add_string (builder, "type", "SpecificResource");
  add_string (builder, "source", source_uri);
  json_builder_set_member_name (builder, "selector");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextQuoteSelector");
  json_builder_set_member_name (builder, "exact");
  json_builder_add_string_value (builder, exact);
  add_string (builder, "prefix", prefix);
  add_string (builder, "suffix", suffix);
  json_builder_end_object (builder);
  json_builder_begin_object (builder);
  add_string (builder, "type", "TextPositionSelector");
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, start);
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, end);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);
}

GBytes *
vera_export_webannotation (VeraReport    *report,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) seed = g_string_new ("collection");
  g_autofree char *collection_id = NULL;
  g_autofree char *page_id = NULL;
  g_autofree char *now = vera_report_dup_iso_now (report);
  g_autofree char *label = g_strdup_printf (_("Fact-check of %s"), report->title);
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < report->articles->len; i++)
    {
      VeraReportArticle *entry = g_ptr_array_index (report->articles, i);
      char *uri = vera_export_dup_source_uri (entry->article);

      g_string_append_printf (seed, "\n%s", uri);
      g_ptr_array_add (sources, uri);
    }
  collection_id = dup_urn_uuid (seed->str);
  g_string_append (seed, "\npage 1");
  page_id = dup_urn_uuid (seed->str);

  json_builder_begin_object (builder);
  add_string (builder, "@context", "http://www.w3.org/ns/anno.jsonld");
  add_string (builder, "id", collection_id);
  add_string (builder, "type", "AnnotationCollection");
  add_string (builder, "label", label);
  add_string (builder, "created", now);
  json_builder_set_member_name (builder, "generator");
  json_builder_begin_object (builder);
  add_string (builder, "id", "https://github.com/verafact/vera");
  add_string (builder, "type", "Software");
  add_string (builder, "name", "Vera " PACKAGE_VERSION);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, report->n_claims);
  if (report->n_claims > 0)
    {
      json_builder_set_member_name (builder, "first");
      json_builder_begin_object (builder);
      add_string (builder, "id", page_id);
      add_string (builder, "type", "AnnotationPage");
      json_builder_set_member_name (builder, "startIndex");
      json_builder_add_int_value (builder, 0);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->articles->len; i++)
        {
          VeraReportArticle *entry = g_ptr_array_index (report->articles, i);

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return NULL;
          for (guint c = 0; c < entry->claims->len; c++)
            add_annotation (builder, report, entry->article, g_ptr_array_index (sources, i),
                            g_ptr_array_index (entry->claims, c));
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      /* One page holds everything, so it is also the last. */
      add_string (builder, "last", page_id);
    }
  json_builder_end_object (builder);
  return finish (builder);
}
