/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-app"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "vera-app-util.h"
#include "vera-language.h"
#include "vera-vocabulary.h"

static const char * const status_markers[VERA_N_STATUSES] = {
  "○", "◔", "✔", "◑", "✘", "?", "⇄", "–",
};

const char *
vera_app_status_marker (VeraStatus status)
{
  g_return_val_if_fail (status < VERA_N_STATUSES, "");
  return status_markers[status];
}

const char *
vera_app_status_css_class (VeraStatus status)
{
  static const char * const classes[VERA_N_STATUSES] = {
    "status-unreviewed", "status-in-progress", "status-supported", "status-partly-supported",
    "status-contradicted", "status-unverifiable", "status-disputed", "status-not-a-claim",
  };

  g_return_val_if_fail (status < VERA_N_STATUSES, "");
  return classes[status];
}

char *
vera_app_dup_status_text (VeraStatus status)
{
  g_return_val_if_fail (status < VERA_N_STATUSES, g_strdup (""));
  return g_strdup_printf ("%s %s", status_markers[status], vera_status_get_label (status));
}

char *
vera_app_dup_kinds_label (VeraClaimKind kinds)
{
  g_autoptr(GString) label = g_string_new (NULL);
  /* Translators: what separates the items of a short list of claim kinds ("Quantity, Quote");
   * Chinese uses "、" */
  const char *separator = _(", ");

  for (guint bit = 0; bit < 16; bit++)
    {
      VeraClaimKind kind = 1u << bit;

      if ((kinds & kind) != 0 && vera_claim_kind_to_string (kind) != NULL)
        g_string_append_printf (label, "%s%s", label->len ? separator : "",
                                vera_claim_kind_get_label (kind));
    }
  return g_string_free (g_steal_pointer (&label), FALSE);
}

GListModel *
vera_app_status_model (const char *any_label)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  if (any_label != NULL)
    gtk_string_list_append (list, any_label);
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    {
      g_autofree char *text = vera_app_dup_status_text (s);

      gtk_string_list_append (list, text);
    }
  return G_LIST_MODEL (list);
}

void
vera_app_open_uri (GtkWidget  *widget,
                   const char *uri)
{
  GtkRoot *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  if (uri == NULL || !(g_str_has_prefix (uri, "http://") || g_str_has_prefix (uri, "https://")))
    return;
  root = gtk_widget_get_root (widget);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

void
vera_app_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

char *
vera_app_dup_web_address (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = g_strstrip (g_strdup (text));
  if (!g_str_has_prefix (stripped, "http://") && !g_str_has_prefix (stripped, "https://"))
    return NULL;
  /* One address: no spaces or line breaks inside, something after the scheme. */
  for (const char *c = stripped; *c != '\0'; c++)
    if (g_ascii_isspace (*c))
      return NULL;
  if (strchr (stripped, ':')[3] == '\0')
    return NULL;
  return g_steal_pointer (&stripped);
}

/* Languages. */

const char *
vera_app_language_key (const char *tag)
{
  switch (vera_language_from_tag (tag))
    {
    case VERA_LANGUAGE_EN:    return "en";
    case VERA_LANGUAGE_DE:    return "de";
    case VERA_LANGUAGE_ZH:    return "zh";
    case VERA_LANGUAGE_OTHER: return "other";
    case VERA_LANGUAGE_UND:
    default:                  return "und";
    }
}

/* "mis" is the ISO 639 code for a language without one of its own: what "Other" stores. */
static gboolean
is_unnamed_other (const char *tag)
{
  return g_ascii_strncasecmp (tag, "mis", 3) == 0 && (tag[3] == '\0' || tag[3] == '-');
}

char *
vera_app_dup_language_chip (const char *tag)
{
  gsize n = 0;

  switch (vera_language_from_tag (tag))
    {
    case VERA_LANGUAGE_EN: return g_strdup ("EN");
    case VERA_LANGUAGE_DE: return g_strdup ("DE");
    /* Chinese readers name their language in Han characters, not with a Latin code. */
    case VERA_LANGUAGE_ZH: return g_strdup ("中文");
    case VERA_LANGUAGE_UND: return NULL;
    case VERA_LANGUAGE_OTHER:
    default:
      break;
    }
  if (is_unnamed_other (tag))
    /* Translators: a short label in the article list for an article in a language Vera does not
     * analyse and that has no code of its own. Keep it short. */
    return g_strdup (C_("language chip", "Other"));
  while (tag[n] != '\0' && g_ascii_isalpha (tag[n]) && n < 3)
    n++;
  return g_ascii_strup (tag, n);
}

char *
vera_app_dup_language_name (const char *tag)
{
  switch (vera_language_from_tag (tag))
    {
    /* The languages are named in their own language, as language menus do. */
    case VERA_LANGUAGE_EN: return g_strdup ("English");
    case VERA_LANGUAGE_DE: return g_strdup ("Deutsch");
    case VERA_LANGUAGE_ZH: return g_strdup ("中文");
    case VERA_LANGUAGE_UND: return g_strdup (_("Language not known yet"));
    case VERA_LANGUAGE_OTHER:
    default:
      break;
    }
  if (is_unnamed_other (tag))
    return g_strdup (_("Other language"));
  /* Translators: an article in a language Vera does not analyse; %s is its tag, "fr". */
  return g_strdup_printf (_("Other language (%s)"), tag);
}
