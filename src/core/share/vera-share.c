/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-share"

#include "config.h"

#include <string.h>

#include "vera-share-private.h"

G_DEFINE_QUARK (vera-share-error-quark, vera_share_error)

gboolean
vera_share_protocol_from_string (const char        *str,
                                 VeraShareProtocol *protocol)
{
  g_return_val_if_fail (protocol != NULL, FALSE);

  if (g_strcmp0 (str, "hypothesis") == 0)
    *protocol = VERA_SHARE_PROTOCOL_HYPOTHESIS;
  else if (g_strcmp0 (str, "w3c") == 0)
    *protocol = VERA_SHARE_PROTOCOL_W3C;
  else
    return FALSE;
  return TRUE;
}

static char *
strip_slashes (const char *url)
{
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    len--;
  return g_strndup (url, len);
}

char *
vera_share_target_dup_container (const VeraShareTarget *target)
{
  g_autofree char *base = NULL;

  g_return_val_if_fail (target != NULL && target->server != NULL, NULL);

  base = strip_slashes (target->server);
  if (target->group != NULL && target->group[0] != '\0')
    {
      g_autofree char *group = g_uri_escape_string (target->group, NULL, FALSE);

      return g_strconcat (base, "/", group, "/", NULL);
    }
  return g_strconcat (base, "/", NULL);
}

VeraShareConfig *
vera_share_config_new (const VeraShareTarget *target)
{
  VeraShareConfig *config = g_new0 (VeraShareConfig, 1);

  config->protocol = target->protocol;
  config->server = strip_slashes (target->server);
  config->group = g_strdup (target->group);
  config->token = g_strdup (target->token);
  config->container = vera_share_target_dup_container (target);
  /* A Hypothesis annotation lives on the server whatever its group; a W3C one in a container. */
  config->record = g_strdup (target->protocol == VERA_SHARE_PROTOCOL_W3C ? config->container
                                                                          : config->server);
  return config;
}

void
vera_share_config_free (VeraShareConfig *config)
{
  if (config == NULL)
    return;
  g_free (config->server);
  g_free (config->group);
  g_free (config->token);
  g_free (config->container);
  g_free (config->record);
  g_free (config);
}
