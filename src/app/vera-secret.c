/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-secret"

#include "config.h"

#include <glib/gi18n-lib.h>
#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "vera-secret.h"

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

#define SERVICE "factchecktools"

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

void
vera_secret_lookup_api_key_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, vera_secret_lookup_api_key_async);
#if HAVE_LIBSECRET
  secret_password_lookup (api_key_schema (), cancellable, looked_up_cb, task,
                          "service", SERVICE, NULL);
#else
  g_task_return_pointer (task, NULL, NULL);
  g_object_unref (task);
#endif
}

char *
vera_secret_lookup_api_key_finish (GAsyncResult  *result,
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

void
vera_secret_store_api_key_async (const char          *key,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, vera_secret_store_api_key_async);
#if HAVE_LIBSECRET
  if (key == NULL || *key == '\0')
    {
      g_task_set_task_data (task, GINT_TO_POINTER (1), NULL);
      secret_password_clear (api_key_schema (), cancellable, stored_cb, task, "service", SERVICE, NULL);
    }
  else
    secret_password_store (api_key_schema (), SECRET_COLLECTION_DEFAULT,
                           _("Vera: Google Fact Check Tools API key"), key, cancellable,
                           stored_cb, task, "service", SERVICE, NULL);
#else
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                           _("This build of Vera cannot use the keyring, so the key cannot be kept."));
  g_object_unref (task);
#endif
}

gboolean
vera_secret_store_api_key_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
