/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "vera-analyzer.h"
#include "vera-import.h"
#include "vera-linker.h"
#include "vera-types.h"

G_BEGIN_DECLS

/* The one streaming import of the pipeline, driven by vera-check analyze and by the window's
 * "Add files": files go in, a worker per core reads, decodes and analyses each one (and, when
 * asked, indexes its figures for the linker and serialises it for the project file), and the
 * results come out in the order the files went in, whatever the number of workers. The caller
 * owns the consuming thread; it is never called back from a worker. */
typedef struct _VeraImportQueue VeraImportQueue;

typedef enum
{
  VERA_IMPORT_QUEUE_NONE      = 0,
  VERA_IMPORT_QUEUE_LINK      = 1 << 0,  /* fill VeraImportResult.links */
  VERA_IMPORT_QUEUE_SERIALIZE = 1 << 1,  /* fill VeraImportResult.json */
} VeraImportQueueFlags;

typedef struct
{
  char        *source;   /* the file as the user named it (for messages) */
  VeraArticle *article;  /* NULL when the file could not be imported */
  GError      *error;    /* why, when @article is NULL */
  VeraLinker  *links;    /* the article's claims indexed for the linker, to merge in order */
  char        *json;     /* the article as a project stream writes it */
} VeraImportResult;

/* @n_workers 0 means one per processor. @options is copied. @cancellable (may be NULL) stops
 * the files not yet imported: they come out with G_IO_ERROR_CANCELLED. */
VeraImportQueue  *vera_import_queue_new          (VeraAnalyzer            *analyzer,
                                                  const VeraImportOptions *options,
                                                  guint                    n_workers,
                                                  VeraImportQueueFlags     flags,
                                                  GCancellable            *cancellable);
/* Queues a file to import as an article with id @article_id. */
void              vera_import_queue_push_file    (VeraImportQueue         *self,
                                                  GFile                   *file,
                                                  const char              *article_id);
/* Queues an article that is analysed already (a fetched page) so it comes out in its place. */
void              vera_import_queue_push_article (VeraImportQueue         *self,
                                                  VeraArticle             *article,
                                                  const char              *source);
/* The number of workers (one per processor when 0 was asked for). */
guint             vera_import_queue_get_n_workers (VeraImportQueue        *self);
/* Pushed but not yet popped. Callers bound their memory by popping when this grows. */
guint             vera_import_queue_get_pending  (VeraImportQueue         *self);
/* The next result in push order, waiting for it; NULL when everything pushed was popped. */
VeraImportResult *vera_import_queue_pop          (VeraImportQueue         *self);
/* Waits for the workers and drops what was not popped. */
void              vera_import_queue_free         (VeraImportQueue         *self);

void              vera_import_result_free        (VeraImportResult        *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraImportQueue, vera_import_queue_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VeraImportResult, vera_import_result_free)

G_END_DECLS
