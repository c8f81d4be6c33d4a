/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-vocabulary"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-vocabulary.h"

static const char *
enum_to_nick (GType type,
              int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);
  const char *nick = ev ? ev->value_nick : NULL;

  /* Enum classes are never unloaded once referenced, so the nick stays valid. */
  g_type_class_unref (klass);
  return nick;
}

static gboolean
enum_from_nick (GType       type,
                const char *str,
                int        *value)
{
  GEnumClass *klass;
  GEnumValue *ev;

  if (str == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  ev = g_enum_get_value_by_nick (klass, str);
  if (ev != NULL)
    *value = ev->value;
  g_type_class_unref (klass);
  return ev != NULL;
}

const char *
vera_status_to_string (VeraStatus status)
{
  return enum_to_nick (VERA_TYPE_STATUS, status);
}

gboolean
vera_status_from_string (const char *str,
                         VeraStatus *status)
{
  int v;

  g_return_val_if_fail (status != NULL, FALSE);
  if (!enum_from_nick (VERA_TYPE_STATUS, str, &v))
    return FALSE;
  *status = v;
  return TRUE;
}

/* One table maps every status to its label and its ClaimReview rating. */
static const struct {
  VeraStatus status;
  const char *label;
  const char *alternate_name;
  int rating;
} status_table[] = {
  { VERA_STATUS_UNREVIEWED,       N_("Unreviewed"),       NULL,                0 },
  { VERA_STATUS_IN_PROGRESS,      N_("In progress"),      NULL,                0 },
  { VERA_STATUS_SUPPORTED,        N_("Supported"),        "True",              5 },
  { VERA_STATUS_PARTLY_SUPPORTED, N_("Partly supported"), "Half true",         3 },
  { VERA_STATUS_CONTRADICTED,     N_("Contradicted"),     "False",             1 },
  { VERA_STATUS_UNVERIFIABLE,     N_("Unverifiable"),     "Unproven",          2 },
  { VERA_STATUS_DISPUTED,         N_("Disputed"),         "Disputed",          2 },
  { VERA_STATUS_NOT_A_CLAIM,      N_("Not a claim"),      NULL,                0 },
};

const char *
vera_status_get_label (VeraStatus status)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_table), NULL);
  return g_dgettext (GETTEXT_PACKAGE, status_table[status].label);
}

int
vera_status_get_rating (VeraStatus   status,
                        const char **alternate_name)
{
  g_return_val_if_fail (status < G_N_ELEMENTS (status_table), 0);
  if (alternate_name != NULL)
    *alternate_name = status_table[status].alternate_name;
  return status_table[status].rating;
}

gboolean
vera_status_is_verdict (VeraStatus status)
{
  return vera_status_get_rating (status, NULL) > 0;
}

static const struct {
  VeraClaimKind kind;
  const char *nick;
  const char *label;
} kind_table[] = {
  { VERA_CLAIM_KIND_QUANTITY,    "quantity",    N_("Quantity") },
  { VERA_CLAIM_KIND_COMPARISON,  "comparison",  N_("Comparison") },
  { VERA_CLAIM_KIND_QUOTE,       "quote",       N_("Quote") },
  { VERA_CLAIM_KIND_ATTRIBUTION, "attribution", N_("Attribution") },
  { VERA_CLAIM_KIND_PREDICTION,  "prediction",  N_("Prediction") },
  { VERA_CLAIM_KIND_CAUSAL,      "causal",      N_("Causal") },
  { VERA_CLAIM_KIND_RULE,        "rule",        N_("Rule") },
  { VERA_CLAIM_KIND_EVENT,       "event",       N_("Event") },
  { VERA_CLAIM_KIND_PERSONAL,    "personal",    N_("Personal") },
  { VERA_CLAIM_KIND_OTHER,       "other",       N_("Other") },
};

const char *
vera_claim_kind_to_string (VeraClaimKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_table); i++)
    if (kind_table[i].kind == kind)
      return kind_table[i].nick;
  return NULL;
}

gboolean
vera_claim_kind_from_string (const char    *str,
                             VeraClaimKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (kind_table); i++)
    {
      if (g_str_equal (kind_table[i].nick, str))
        {
          *kind = kind_table[i].kind;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
vera_claim_kind_get_label (VeraClaimKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_table); i++)
    if (kind_table[i].kind == kind)
      return g_dgettext (GETTEXT_PACKAGE, kind_table[i].label);
  return NULL;
}

char **
vera_claim_kinds_to_strv (VeraClaimKind kinds)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (kind_table); i++)
    if (kinds & kind_table[i].kind)
      g_strv_builder_add (builder, kind_table[i].nick);
  return g_strv_builder_end (builder);
}

const char *
vera_finding_kind_to_string (VeraFindingKind kind)
{
  return enum_to_nick (VERA_TYPE_FINDING_KIND, kind);
}

gboolean
vera_finding_kind_from_string (const char      *str,
                               VeraFindingKind *kind)
{
  int v;

  g_return_val_if_fail (kind != NULL, FALSE);
  if (!enum_from_nick (VERA_TYPE_FINDING_KIND, str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
vera_finding_kind_get_label (VeraFindingKind kind)
{
  switch (kind)
    {
    case VERA_FINDING_KIND_INJECTED_TEXT: return _("Injected text");
    case VERA_FINDING_KIND_VAGUE_SOURCE:  return _("Vague source");
    case VERA_FINDING_KIND_IMPLAUSIBLE:   return _("Implausible figure");
    case VERA_FINDING_KIND_TYPO:          return _("Typo");
    default:                              return NULL;
    }
}

const char *
vera_conflict_kind_to_string (VeraConflictKind kind)
{
  return enum_to_nick (VERA_TYPE_CONFLICT_KIND, kind);
}

gboolean
vera_conflict_kind_from_string (const char       *str,
                                VeraConflictKind *kind)
{
  int v;

  g_return_val_if_fail (kind != NULL, FALSE);
  if (!enum_from_nick (VERA_TYPE_CONFLICT_KIND, str, &v))
    return FALSE;
  *kind = v;
  return TRUE;
}

const char *
vera_stance_to_string (VeraStance stance)
{
  return enum_to_nick (VERA_TYPE_STANCE, stance);
}

gboolean
vera_stance_from_string (const char *str,
                         VeraStance *stance)
{
  int v;

  g_return_val_if_fail (stance != NULL, FALSE);
  if (!enum_from_nick (VERA_TYPE_STANCE, str, &v))
    return FALSE;
  *stance = v;
  return TRUE;
}

const char *
vera_link_health_to_string (VeraLinkHealth health)
{
  return enum_to_nick (VERA_TYPE_LINK_HEALTH, health);
}

gboolean
vera_link_health_from_string (const char     *str,
                              VeraLinkHealth *health)
{
  int v;

  g_return_val_if_fail (health != NULL, FALSE);
  if (!enum_from_nick (VERA_TYPE_LINK_HEALTH, str, &v))
    return FALSE;
  *health = v;
  return TRUE;
}

const char *
vera_link_health_get_label (VeraLinkHealth health)
{
  switch (health)
    {
    case VERA_LINK_HEALTH_UNKNOWN:            return _("Not checked");
    case VERA_LINK_HEALTH_OK:                 return _("Reachable");
    case VERA_LINK_HEALTH_CLIENT_ERROR:       return _("Not found or forbidden");
    case VERA_LINK_HEALTH_SERVER_ERROR:       return _("Server error");
    case VERA_LINK_HEALTH_DNS:                return _("Host not found");
    case VERA_LINK_HEALTH_REFUSED:            return _("Connection refused");
    case VERA_LINK_HEALTH_TIMEOUT:            return _("Timed out");
    case VERA_LINK_HEALTH_TOO_MANY_REDIRECTS: return _("Too many redirects");
    case VERA_LINK_HEALTH_TOO_LARGE:          return _("Response too large");
    case VERA_LINK_HEALTH_BAD_SCHEME:         return _("Not an http(s) link");
    case VERA_LINK_HEALTH_NETWORK_ERROR:      return _("Network error");
    default:                                  return NULL;
    }
}
