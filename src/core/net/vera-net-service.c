/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-net-private.h"
#include "vera-util.h"

/* The single owner of Vera's SoupSession and of the settings every network feature shares:
 * limits, the user agent, the base URLs of the outside services and the metadata cache. It is
 * created once by the application (or the CLI) and handed to whoever needs the network. */
struct _VeraNetService
{
  GObject      parent_instance;

  SoupSession *session;
  char        *user_agent;
  guint        timeout;
  gsize        max_body_size;
  char        *wayback_base;
  char        *save_base;
  char        *wikipedia_base;
  char        *wikipedia_language;
  char        *factcheck_base;
  char        *factcheck_api_key;
  char        *cache_dir;
};

G_DEFINE_FINAL_TYPE (VeraNetService, vera_net_service, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TIMEOUT,
  PROP_MAX_BODY_SIZE,
  PROP_WAYBACK_BASE,
  PROP_SAVE_BASE,
  PROP_WIKIPEDIA_BASE,
  PROP_WIKIPEDIA_LANGUAGE,
  PROP_FACTCHECK_BASE,
  PROP_FACTCHECK_API_KEY,
  PROP_CACHE_DIR,
  PROP_USER_AGENT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define DEFAULT_WAYBACK_BASE   "https://archive.org"
#define DEFAULT_SAVE_BASE      "https://web.archive.org"
#define DEFAULT_WIKIPEDIA_BASE "https://{lang}.wikipedia.org"
#define DEFAULT_FACTCHECK_BASE "https://factchecktools.googleapis.com"

/* Idle sockets are closed after this many seconds. */
#define IDLE_TIMEOUT 60
/* A connect or a read that makes no progress fails after at most this many seconds, even when
 * the total timeout is longer. */
#define MAX_IO_TIMEOUT 20

G_DEFINE_QUARK (vera-net-error-quark, vera_net_error)

static void
update_session_timeout (VeraNetService *self)
{
  if (self->session != NULL)
    g_object_set (self->session, "timeout", MIN (self->timeout, MAX_IO_TIMEOUT), NULL);
}

static void
vera_net_service_constructed (GObject *object)
{
  VeraNetService *self = VERA_NET_SERVICE (object);

  G_OBJECT_CLASS (vera_net_service_parent_class)->constructed (object);

  if (self->cache_dir == NULL)
    self->cache_dir = g_build_filename (g_get_user_cache_dir (), "vera", "references", NULL);

  /* The session picks up the system proxy (the default GProxyResolver) by itself, and decodes
   * gzip and deflate bodies before we count their size. */
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "user-agent", self->user_agent,
                                "max-conns-per-host", VERA_NET_MAX_CONNS_PER_HOST,
                                "max-conns", 4 * VERA_NET_MAX_CONNS_PER_HOST,
                                "idle-timeout", IDLE_TIMEOUT,
                                NULL);
  /* Many news sites set a cookie and redirect to themselves; without a jar that is a redirect
   * loop. The jar lives in memory only, for the life of the service. */
  soup_session_add_feature_by_type (self->session, SOUP_TYPE_COOKIE_JAR);
  update_session_timeout (self);
}

static void
vera_net_service_dispose (GObject *object)
{
  VeraNetService *self = VERA_NET_SERVICE (object);

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vera_net_service_parent_class)->dispose (object);
}

static void
vera_net_service_finalize (GObject *object)
{
  VeraNetService *self = VERA_NET_SERVICE (object);

  g_free (self->user_agent);
  g_free (self->wayback_base);
  g_free (self->save_base);
  g_free (self->wikipedia_base);
  g_free (self->wikipedia_language);
  g_free (self->factcheck_base);
  g_free (self->factcheck_api_key);
  g_free (self->cache_dir);

  G_OBJECT_CLASS (vera_net_service_parent_class)->finalize (object);
}

static void
vera_net_service_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VeraNetService *self = VERA_NET_SERVICE (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      g_value_set_uint (value, self->timeout);
      break;
    case PROP_MAX_BODY_SIZE:
      g_value_set_uint64 (value, self->max_body_size);
      break;
    case PROP_WAYBACK_BASE:
      g_value_set_string (value, self->wayback_base);
      break;
    case PROP_SAVE_BASE:
      g_value_set_string (value, self->save_base);
      break;
    case PROP_WIKIPEDIA_BASE:
      g_value_set_string (value, self->wikipedia_base);
      break;
    case PROP_WIKIPEDIA_LANGUAGE:
      g_value_set_string (value, self->wikipedia_language);
      break;
    case PROP_FACTCHECK_BASE:
      g_value_set_string (value, self->factcheck_base);
      break;
    case PROP_FACTCHECK_API_KEY:
      g_value_set_string (value, self->factcheck_api_key);
      break;
    case PROP_CACHE_DIR:
      g_value_set_string (value, self->cache_dir);
      break;
    case PROP_USER_AGENT:
      g_value_set_string (value, self->user_agent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_net_service_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VeraNetService *self = VERA_NET_SERVICE (object);

  switch (prop_id)
    {
    case PROP_TIMEOUT:
      vera_net_service_set_timeout (self, g_value_get_uint (value));
      break;
    case PROP_MAX_BODY_SIZE:
      vera_net_service_set_max_body_size (self, g_value_get_uint64 (value));
      break;
    case PROP_WAYBACK_BASE:
      vera_net_service_set_wayback_base (self, g_value_get_string (value));
      break;
    case PROP_SAVE_BASE:
      vera_net_service_set_save_base (self, g_value_get_string (value));
      break;
    case PROP_WIKIPEDIA_BASE:
      vera_net_service_set_wikipedia_base (self, g_value_get_string (value));
      break;
    case PROP_WIKIPEDIA_LANGUAGE:
      vera_net_service_set_wikipedia_language (self, g_value_get_string (value));
      break;
    case PROP_FACTCHECK_BASE:
      vera_net_service_set_factcheck_base (self, g_value_get_string (value));
      break;
    case PROP_FACTCHECK_API_KEY:
      vera_net_service_set_factcheck_api_key (self, g_value_get_string (value));
      break;
    case PROP_CACHE_DIR:
      self->cache_dir = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_net_service_class_init (VeraNetServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = vera_net_service_constructed;
  object_class->dispose = vera_net_service_dispose;
  object_class->finalize = vera_net_service_finalize;
  object_class->get_property = vera_net_service_get_property;
  object_class->set_property = vera_net_service_set_property;

  /* The most a whole request may take, redirects and body included, in seconds. */
  properties[PROP_TIMEOUT] =
    g_param_spec_uint ("timeout", NULL, NULL, 1, 3600, VERA_NET_DEFAULT_TIMEOUT,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The most body bytes read, after decompression. */
  properties[PROP_MAX_BODY_SIZE] =
    g_param_spec_uint64 ("max-body-size", NULL, NULL, 1024, G_MAXUINT32,
                         VERA_NET_DEFAULT_MAX_BODY_SIZE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Base of the Wayback availability API ({base}/wayback/available). */
  properties[PROP_WAYBACK_BASE] =
    g_param_spec_string ("wayback-base", NULL, NULL, DEFAULT_WAYBACK_BASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Base of Save Page Now ({base}/save/{url}). */
  properties[PROP_SAVE_BASE] =
    g_param_spec_string ("save-base", NULL, NULL, DEFAULT_SAVE_BASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Base of Wikipedia's REST API; "{lang}" is replaced by wikipedia-language. */
  properties[PROP_WIKIPEDIA_BASE] =
    g_param_spec_string ("wikipedia-base", NULL, NULL, DEFAULT_WIKIPEDIA_BASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WIKIPEDIA_LANGUAGE] =
    g_param_spec_string ("wikipedia-language", NULL, NULL, "en",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FACTCHECK_BASE] =
    g_param_spec_string ("factcheck-base", NULL, NULL, DEFAULT_FACTCHECK_BASE,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The user's Google Fact Check Tools key. The application keeps it in the keyring and sets
   * it here; it is never written to a file. */
  properties[PROP_FACTCHECK_API_KEY] =
    g_param_spec_string ("factcheck-api-key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* Folder of the metadata cache; the user cache folder's vera/references by default. */
  properties[PROP_CACHE_DIR] =
    g_param_spec_string ("cache-dir", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_AGENT] =
    g_param_spec_string ("user-agent", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vera_net_service_init (VeraNetService *self)
{
  self->user_agent = g_strdup ("Vera/" PACKAGE_VERSION " (+https://github.com/verafact/vera)");
  self->timeout = VERA_NET_DEFAULT_TIMEOUT;
  self->max_body_size = VERA_NET_DEFAULT_MAX_BODY_SIZE;
  self->wayback_base = g_strdup (DEFAULT_WAYBACK_BASE);
  self->save_base = g_strdup (DEFAULT_SAVE_BASE);
  self->wikipedia_base = g_strdup (DEFAULT_WIKIPEDIA_BASE);
  self->wikipedia_language = g_strdup ("en");
  self->factcheck_base = g_strdup (DEFAULT_FACTCHECK_BASE);
}

VeraNetService *
vera_net_service_new (void)
{
  return g_object_new (VERA_TYPE_NET_SERVICE, NULL);
}

SoupSession *
vera_net_service_get_session (VeraNetService *self)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  return self->session;
}

guint
vera_net_service_get_timeout (VeraNetService *self)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), 0);
  return self->timeout;
}

void
vera_net_service_set_timeout (VeraNetService *self,
                              guint           seconds)
{
  g_return_if_fail (VERA_IS_NET_SERVICE (self));
  g_return_if_fail (seconds > 0);

  if (self->timeout == seconds)
    return;
  self->timeout = seconds;
  update_session_timeout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIMEOUT]);
}

gsize
vera_net_service_get_max_body_size (VeraNetService *self)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), 0);
  return self->max_body_size;
}

void
vera_net_service_set_max_body_size (VeraNetService *self,
                                    gsize           bytes)
{
  g_return_if_fail (VERA_IS_NET_SERVICE (self));
  g_return_if_fail (bytes > 0);

  if (self->max_body_size == bytes)
    return;
  self->max_body_size = bytes;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_BODY_SIZE]);
}

#define STRING_ACCESSORS(field, PROP, fallback)                                     \
const char *                                                                        \
vera_net_service_get_##field (VeraNetService *self)                                 \
{                                                                                   \
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);                          \
  return self->field;                                                               \
}                                                                                   \
                                                                                    \
void                                                                                \
vera_net_service_set_##field (VeraNetService *self,                                 \
                              const char     *value)                                \
{                                                                                   \
  g_return_if_fail (VERA_IS_NET_SERVICE (self));                                    \
                                                                                    \
  if (value == NULL || *value == '\0')                                              \
    value = fallback;                                                               \
  if (vera_set_str (&self->field, value))                                           \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);                   \
}

STRING_ACCESSORS (wayback_base, PROP_WAYBACK_BASE, DEFAULT_WAYBACK_BASE)
STRING_ACCESSORS (save_base, PROP_SAVE_BASE, DEFAULT_SAVE_BASE)
STRING_ACCESSORS (wikipedia_base, PROP_WIKIPEDIA_BASE, DEFAULT_WIKIPEDIA_BASE)
STRING_ACCESSORS (wikipedia_language, PROP_WIKIPEDIA_LANGUAGE, "en")
STRING_ACCESSORS (factcheck_base, PROP_FACTCHECK_BASE, DEFAULT_FACTCHECK_BASE)
STRING_ACCESSORS (factcheck_api_key, PROP_FACTCHECK_API_KEY, NULL)

const char *
vera_net_service_get_cache_dir (VeraNetService *self)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  return self->cache_dir;
}

const char *
vera_net_service_get_user_agent (VeraNetService *self)
{
  g_return_val_if_fail (VERA_IS_NET_SERVICE (self), NULL);
  return self->user_agent;
}

char *
vera_net_quote_for_message (const char *text,
                            guint       max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  g_autofree char *cut = NULL;

  if (g_utf8_strlen (valid, -1) <= max_chars)
    return g_steal_pointer (&valid);
  cut = g_utf8_substring (valid, 0, max_chars);
  return g_strconcat (cut, "…", NULL);
}

gboolean
vera_net_check_url (const char  *url,
                    GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *scheme = NULL;
  g_autofree char *shown = NULL;

  if (url == NULL || *url == '\0')
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_URL, _("The address is empty"));
      return FALSE;
    }

  shown = vera_net_quote_for_message (url, 200);
  scheme = g_uri_parse_scheme (url);
  if (scheme == NULL)
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_URL,
                   _("“%s” is not a web address: it should start with https:// or http://"),
                   shown);
      return FALSE;
    }
  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    {
      g_autofree char *shown_scheme = vera_net_quote_for_message (scheme, 20);

      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_SCHEME,
                   _("Addresses starting with “%s:” are not fetched; only http and https "
                     "links are"), shown_scheme);
      return FALSE;
    }

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED | G_URI_FLAGS_PARSE_RELAXED, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error (error, VERA_NET_ERROR, VERA_NET_ERROR_BAD_URL,
                   _("“%s” is not a valid web address"), shown);
      return FALSE;
    }
  return TRUE;
}
