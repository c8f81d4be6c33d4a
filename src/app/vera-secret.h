/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The fact-check API key lives in the user's keyring (libsecret), never in GSettings. Without
 * libsecret the lookups find nothing and storing fails with G_IO_ERROR_NOT_SUPPORTED. */
void      vera_secret_lookup_api_key_async  (GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char     *vera_secret_lookup_api_key_finish (GAsyncResult         *result,
                                             GError              **error);
/* Stores @key, or clears the stored key when @key is empty. */
void      vera_secret_store_api_key_async   (const char           *key,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  vera_secret_store_api_key_finish  (GAsyncResult         *result,
                                             GError              **error);


/* The API token of an annotation server (issue 18), one a server address, in the keyring as well.
 * Without libsecret the lookup finds nothing and storing fails as above; the window then reads
 * VERA_ANNOTATION_TOKEN (vera-window-sharing.c). */
void      vera_secret_lookup_token_async    (const char           *server,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
char     *vera_secret_lookup_token_finish   (GAsyncResult         *result,
                                             GError              **error);
/* Stores @token for @server, or clears it when @token is empty. */
void      vera_secret_store_token_async     (const char           *server,
                                             const char           *token,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean  vera_secret_store_token_finish    (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
