/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-net-service.h"

G_BEGIN_DECLS

#define VERA_TYPE_WIKI_SUMMARY (vera_wiki_summary_get_type ())

/* The summary of a Wikipedia article, for context on a person or organisation. */
typedef struct
{
  char *type;           /* "standard", "disambiguation", … */
  char *title;
  char *description;    /* the short description, "American politician" */
  char *extract;        /* the first paragraph, plain text */
  char *page_url;       /* the article for people */
  char *wikibase_item;  /* the Wikidata id, "Q76" */
  char *language;       /* the wiki's language code */
} VeraWikiSummary;

GType            vera_wiki_summary_get_type (void) G_GNUC_CONST;
VeraWikiSummary *vera_wiki_summary_copy     (const VeraWikiSummary *self);
void             vera_wiki_summary_free     (VeraWikiSummary       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraWikiSummary, vera_wiki_summary_free)

/* The summary of the article @title in the Wikipedia of @language (NULL: the service's
 * wikipedia-language). Without an article, the finish function fails with
 * VERA_NET_ERROR_NOT_FOUND and a message that says so. */
void             vera_wikipedia_summary_async  (VeraNetService       *net,
                                                const char           *title,
                                                const char           *language,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
VeraWikiSummary *vera_wikipedia_summary_finish (VeraNetService       *net,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
