/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_PAGE_META (vera_page_meta_get_type ())

/* What Vera knows about one fetched URL: its link health and the metadata the page declares.
 * A boxed struct; every string is UTF-8 or NULL. */
typedef struct _VeraPageMeta VeraPageMeta;

struct _VeraPageMeta
{
  char           *url;            /* as asked for */
  char           *final_url;      /* after redirects */
  guint           status;         /* HTTP status of the last response, 0 when none came */
  VeraLinkHealth  health;
  char           *reason;         /* why the link is not healthy, for the user; NULL when OK */
  char           *content_type;   /* media type without parameters, "text/html" */
  char           *charset;        /* the charset the body was decoded from, for HTML */
  gint64          size;           /* bytes of (decoded) body read, -1 when unknown */
  char           *title;
  char           *site_name;      /* publisher */
  char           *author;         /* several authors joined with ", " */
  char           *published;      /* ISO 8601 */
  char           *description;
  char           *canonical_url;
  char           *language;       /* BCP 47 tag as the page gives it, "en-GB" */
  char           *body;           /* decoded HTML, kept only when asked for */
  char           *archive_url;    /* closest Wayback snapshot, when looked up */
  char           *archive_time;   /* ISO 8601 */
  char           *fetched;        /* ISO 8601, when the page was fetched */
};

GType         vera_page_meta_get_type       (void) G_GNUC_CONST;
VeraPageMeta *vera_page_meta_new            (const char         *url);
VeraPageMeta *vera_page_meta_copy           (const VeraPageMeta *self);
void          vera_page_meta_free           (VeraPageMeta       *self);

/* Fills the fields from a response body: HTML is decoded (charset from @content_type, a BOM or
 * the page's <meta>) and its metadata extracted; other types are only described by type and
 * size. @content_type may carry parameters ("text/html; charset=GBK") or be NULL (sniffed).
 * When @keep_body is TRUE and the body is HTML, the decoded text is kept in body. */
void          vera_page_meta_describe       (VeraPageMeta       *self,
                                             const char         *data,
                                             gsize               length,
                                             const char         *content_type,
                                             gboolean            keep_body);
/* Extracts metadata from HTML that is already UTF-8 (invalid sequences are tolerated). */
void          vera_page_meta_parse_html     (VeraPageMeta       *self,
                                             const char         *html,
                                             gsize               length);

/* Decodes an HTML body to valid UTF-8. The charset comes from a BOM, @content_type, or the
 * page's <meta charset>/http-equiv, in that order; bytes that cannot be decoded become U+FFFD.
 * Sets @charset_out (nullable) to the charset used. */
char         *vera_page_meta_decode_html    (const char         *data,
                                             gsize               length,
                                             const char         *content_type,
                                             char              **charset_out);
/* TRUE when @content_type (with or without parameters) names HTML or XHTML. */
gboolean      vera_page_meta_is_html_type   (const char         *content_type);

/* Normalises a date as pages write it ("2015-07-24 05:36:09.000000", "Fri, 24 Jul 2015 05:36:09
 * GMT", "July 24, 2015", "20150724") to ISO 8601: "2015-07-24T05:36:09+01:00", "…Z",
 * "2015-07-24T05:36:09" without a zone, "2015-07-24" for a date alone. NULL when no date. */
char         *vera_page_meta_normalize_date (const char         *text);

/* JSON form used by the reference cache and `vera-check fetch --json`. */
JsonNode     *vera_page_meta_to_json        (const VeraPageMeta *self);
VeraPageMeta *vera_page_meta_from_json      (JsonNode           *node,
                                             GError            **error);

/* Records a fetch result in @reference: health, HTTP status, final URL, content type, fetch
 * time and the failure reason always; the page's metadata (title, publisher, author, date,
 * description, language) and archive only where the result has them, so a link that has gone
 * dead keeps what was known about it. The URL, stance and note are the reviewer's: untouched. */
void          vera_page_meta_apply_to_reference (const VeraPageMeta *self,
                                                 VeraReference      *reference);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraPageMeta, vera_page_meta_free)

G_END_DECLS
