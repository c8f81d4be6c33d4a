/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-secret"

#include "config.h"

#include <glib/gi18n-lib.h>
#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "vera-secret.h"

/* Two kinds of secret: the fact-check API key (one, attribute service=factchecktools) and the
 * annotation server tokens (one a server, attributes service=annotations and server=URL). */

#if HAVE_LIBSECRET
static const SecretSchema *
api_key_schema (void)
{
  static const SecretSchema schema = {
    BASE_APP_ID ".FactCheckApiKey", SECRET_SCHEMA_NONE,
    {
      { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

static const SecretSchema *
token_schema (void)
{
  static const SecretSchema schema = {
    BASE_APP_ID ".AnnotationToken", SECRET_SCHEMA_NONE,
    {
      { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}

#define SERVICE "factchecktools"
#define TOKEN_SERVICE "annotations"

static GHashTable *
attributes (const char *service,
            const char *server)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  g_hash_table_insert (table, (gpointer) "service", g_strdup (service));
  if (server != NULL)
    g_hash_table_insert (table, (gpointer) "server", g_strdup (server));
  return table;
}

static void
looked_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *key = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, key, (GDestroyNotify) secret_password_free);
}

static void
stored_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  gboolean cleared = g_task_get_task_data (task) != NULL;
  gboolean ok = cleared ? (secret_password_clear_finish (result, &error), error == NULL)
                        : secret_password_store_finish (result, &error);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}
#endif

static void
lookup (const void          *schema,
        const char          *service,
        const char          *server,
        gpointer             source_tag,
        GCancellable        *cancellable,
        GAsyncReadyCallback  callback,
        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
#if HAVE_LIBSECRET
  {
    g_autoptr(GHashTable) attrs = attributes (service, server);

    secret_password_lookupv (schema, attrs, cancellable, looked_up_cb, task);
  }
#else
  g_task_return_pointer (task, NULL, NULL);
  g_object_unref (task);
#endif
}

static char *
lookup_finish (GAsyncResult  *result,
               GError       **error)
{
  char *key;
  char *copy;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  key = g_task_propagate_pointer (G_TASK (result), error);
  copy = g_strdup (key);
#if HAVE_LIBSECRET
  secret_password_free (key);
#endif
  return copy;
}

static void
store (const void          *schema,
       const char          *service,
       const char          *server,
       const char          *label,
       const char          *key,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
#if HAVE_LIBSECRET
  {
    g_autoptr(GHashTable) attrs = attributes (service, server);

    if (key == NULL || *key == '\0')
      {
        g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
        secret_password_clearv (schema, attrs, cancellable, stored_cb, task);
      }
    else
      secret_password_storev (schema, attrs, SECRET_COLLECTION_DEFAULT, label, key, cancellable,
                              stored_cb, task);
  }
#else
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                           _("This build of Vera cannot use the keyring, so the key cannot be kept."));
  g_object_unref (task);
#endif
}

void
vera_secret_lookup_api_key_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
#if HAVE_LIBSECRET
  lookup (api_key_schema (), SERVICE, NULL, vera_secret_lookup_api_key_async, cancellable,
          callback, user_data);
#else
  lookup (NULL, NULL, NULL, vera_secret_lookup_api_key_async, cancellable, callback, user_data);
#endif
}

char *
vera_secret_lookup_api_key_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return lookup_finish (result, error);
}

void
vera_secret_store_api_key_async (const char          *key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
#if HAVE_LIBSECRET
  store (api_key_schema (), SERVICE, NULL, _("Vera: Google Fact Check Tools API key"), key,
         vera_secret_store_api_key_async, cancellable, callback, user_data);
#else
  store (NULL, NULL, NULL, NULL, key, vera_secret_store_api_key_async, cancellable, callback,
         user_data);
#endif
}

gboolean
vera_secret_store_api_key_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
vera_secret_lookup_token_async (const char          *server,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (server != NULL);

#if HAVE_LIBSECRET
  lookup (token_schema (), TOKEN_SERVICE, server, vera_secret_lookup_token_async, cancellable,
          callback, user_data);
#else
  lookup (NULL, NULL, server, vera_secret_lookup_token_async, cancellable, callback, user_data);
#endif
}

char *
vera_secret_lookup_token_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return lookup_finish (result, error);
}

void
vera_secret_store_token_async (const char          *server,
                               const char          *token,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *label = NULL;

  g_return_if_fail (server != NULL);

  /* Translators: the name of the annotation server token in the keyring; %s is its address. */
  label = g_strdup_printf (_("Vera: annotation server token for %s"), server);
#if HAVE_LIBSECRET
  store (token_schema (), TOKEN_SERVICE, server, label, token, vera_secret_store_token_async,
         cancellable, callback, user_data);
#else
  store (NULL, NULL, server, label, token, vera_secret_store_token_async, cancellable, callback,
         user_data);
#endif
}

gboolean
vera_secret_store_token_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
