/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"
#include "vera-review-format.h"
#include "vera-secret.h"
#include "vera-window-private.h"
#include "vera-window-sharing.h"

/* Sharing verdicts with colleagues and pulling theirs, through the annotation server the
 * reviewer set up in Preferences. The work is the core's (vera-share.h); the window finds the
 * token, shows progress with Cancel, and says what happened. */

typedef struct
{
  gboolean           pull;
  VeraShareProtocol  protocol;
  char              *server;
  char              *group;
  char              *token;
  VeraShareStats     stats;
} Job;

static void
job_free (Job *job)
{
  g_free (job->server);
  g_free (job->group);
  g_free (job->token);
  g_free (job);
}

static char *
dup_server (VeraWindow *self)
{
  return g_strstrip (g_settings_get_string (self->settings, "annotation-server"));
}

static char *
dup_group (VeraWindow *self)
{
  return g_strstrip (g_settings_get_string (self->settings, "annotation-group"));
}

static VeraShareProtocol
get_protocol (VeraWindow *self)
{
  g_autofree char *nick = g_settings_get_string (self->settings, "annotation-protocol");
  VeraShareProtocol protocol = VERA_SHARE_PROTOCOL_HYPOTHESIS;

  vera_share_protocol_from_string (nick, &protocol);
  return protocol;
}

gboolean
vera_window_sharing_is_configured (VeraWindow *self)
{
  g_autofree char *server = NULL;
  g_autofree char *group = NULL;

  g_return_val_if_fail (VERA_IS_WINDOW (self), FALSE);

  server = dup_server (self);
  group = dup_group (self);
  return *server != '\0' && (get_protocol (self) == VERA_SHARE_PROTOCOL_W3C || *group != '\0');
}

/* The server as the reviewer knows it: its host name, or the whole address. */
static char *
dup_server_name (const char *server)
{
  g_autoptr(GUri) uri = g_uri_parse (server, G_URI_FLAGS_NONE, NULL);

  if (uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0')
    return g_strdup (g_uri_get_host (uri));
  return g_strdup (server);
}

/* The operation. */

static void
operation_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  gboolean ok;

  if (job->pull)
    ok = vera_share_pull_finish (VERA_NET_SERVICE (source), result, &job->stats, &error);
  else
    ok = vera_share_project_finish (VERA_NET_SERVICE (source), result, &job->stats, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
run_operation (GTask *task)
{
  VeraWindow *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  VeraShareTarget target = { job->protocol, job->server, job->group, job->token };

  g_assert (VERA_IS_WINDOW (self));

  /* Hypothesis writes need a user; reading a group may work without one (Public). */
  if (!job->pull && job->protocol == VERA_SHARE_PROTOCOL_HYPOTHESIS &&
      (job->token == NULL || *job->token == '\0'))
    {
      g_task_return_new_error (task, VERA_SHARE_ERROR, VERA_SHARE_ERROR_UNAUTHORIZED,
                               _("Vera has no API token for %s."), job->server);
      g_object_unref (task);
      return;
    }
  if (self->project == NULL || self->net_service == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "The window was closed");
      g_object_unref (task);
      return;
    }
  if (job->pull)
    vera_share_pull_async (self->net_service, self->project, &target,
                           g_task_get_cancellable (task), operation_done_cb, task);
  else
    vera_share_project_async (self->net_service, self->project, &target,
                              g_task_get_cancellable (task), operation_done_cb, task);
}

static void
token_found_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  job->token = vera_secret_lookup_token_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  /* No keyring (no secret service running) is like no token there: the server decides. */
  if (error != NULL)
    g_debug ("No token from the keyring for %s: %s", job->server, error->message);
  run_operation (task);
}

void
vera_window_share_async (VeraWindow          *self,
                         gboolean             pull,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Job *job;
  const char *env;

  g_return_if_fail (VERA_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, vera_window_share_async);
  job = g_new0 (Job, 1);
  job->pull = pull;
  job->protocol = get_protocol (self);
  job->server = dup_server (self);
  job->group = dup_group (self);
  if (*job->group == '\0')
    g_clear_pointer (&job->group, g_free);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  if (!vera_window_sharing_is_configured (self))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, "%s",
                               _("No annotation server is set up."));
      g_object_unref (task);
      return;
    }
  /* As for vera-check: the environment first, so a desk's scripts and tests need no keyring. */
  env = g_getenv ("VERA_ANNOTATION_TOKEN");
  if (env != NULL && *env != '\0')
    {
      job->token = g_strdup (env);
      run_operation (task);
      return;
    }
  vera_secret_lookup_token_async (job->server, cancellable, token_found_cb, task);
}

gboolean
vera_window_share_finish (VeraWindow      *self,
                          GAsyncResult    *result,
                          VeraShareStats  *stats,
                          GError         **error)
{
  Job *job;

  g_return_val_if_fail (VERA_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  job = g_task_get_task_data (G_TASK (result));
  if (stats != NULL)
    *stats = job->stats;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* What the reviewer sees. */

static const char *
hint_for (const GError *error)
{
  if (error->domain == VERA_SHARE_ERROR)
    switch ((VeraShareError) error->code)
      {
      case VERA_SHARE_ERROR_UNAUTHORIZED:
        return _("Enter the API token of your account in Preferences → Team Review (on "
                 "hypothes.is it is under Settings → Developer), or set VERA_ANNOTATION_TOKEN.");
      case VERA_SHARE_ERROR_NOT_MEMBER:
        return _("Check the group in Preferences → Team Review, or ask the group’s owner to "
                 "invite you.");
      case VERA_SHARE_ERROR_SERVER:
        return _("The server has a problem of its own. Try again later.");
      case VERA_SHARE_ERROR_REFUSED:
      case VERA_SHARE_ERROR_INVALID:
        return _("Check the server address and the protocol in Preferences → Team Review.");
      default:
        break;
      }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED))
    return _("Enter the server address and the group in Preferences → Team Review.");
  return _("Check the network connection and the server address in Preferences → Team Review.");
}

static void
report_failure (VeraWindow   *self,
                Job          *job,
                const GError *error)
{
  g_autofree char *name = dup_server_name (job->server);
  g_autofree char *heading = NULL;
  g_autoptr(GError) shown = NULL;

  heading = job->pull
    /* Translators: the heading of an error dialog; %s is the annotation server's host name. */
    ? g_strdup_printf (_("Could Not Get Colleagues’ Verdicts from %s"), name)
    /* Translators: the heading of an error dialog; %s is the annotation server's host name. */
    : g_strdup_printf (_("Could Not Share Verdicts with %s"), name);
  /* Translators: an error dialog: what went wrong, what to do, and that nothing is lost. */
  shown = g_error_new (error->domain, error->code, _("%s\n\n%s\n\nYour review is kept in the "
                                                     "project; nothing was changed."),
                       error->message, hint_for (error));
  vera_window_report_error (self, heading, shown);
}

static guint
count_disagreements (VeraProject *project)
{
  GListModel *articles = vera_project_get_articles (project);
  guint n = 0;

  for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, a);
      GListModel *claims = vera_article_get_claims (article);

      for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, c);

          if (vera_review_format_reviewers_disagree (claim))
            n++;
        }
    }
  return n;
}

static void
report_success (VeraWindow           *self,
                Job                  *job,
                const VeraShareStats *stats)
{
  g_autofree char *name = dup_server_name (job->server);
  g_autofree char *message = NULL;

  if (!job->pull)
    {
      if (stats->created + stats->updated + stats->deleted == 0)
        /* Translators: a toast; %s is the annotation server's host name. */
        message = g_strdup_printf (_("No reviewed claims to share with %s yet"), name);
      else
        /* Translators: a toast after sharing; %s is the server's host name, then the numbers
         * of annotations created, updated and deleted. */
        message = g_strdup_printf (_("Shared with %s: %u new, %u updated, %u removed"), name,
                                   stats->created, stats->updated, stats->deleted);
    }
  else
    {
      guint disagree = count_disagreements (self->project);

      g_autofree char *verdicts = NULL;

      if (stats->reviews == 0)
        /* Translators: a toast; %s is the annotation server's host name. */
        message = g_strdup_printf (_("No colleague has reviewed these claims on %s yet"), name);
      else
        /* Translators: a toast after getting colleagues' verdicts; %s is the server. */
        verdicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u colleague’s verdict from %s",
                                                 "%u colleagues’ verdicts from %s",
                                                 stats->reviews), stats->reviews, name);
      if (verdicts != NULL && disagree == 0)
        message = g_steal_pointer (&verdicts);
      else if (verdicts != NULL)
        {
          /* Translators: the second half of the toast after getting colleagues' verdicts. */
          g_autofree char *differ = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "reviewers disagree on %u claim",
                                                                  "reviewers disagree on %u claims",
                                                                  disagree), disagree);

          /* Translators: joins "3 colleagues' verdicts from h.example" and "reviewers disagree
           * on 1 claim" in one toast. */
          message = g_strdup_printf (_("%s; %s"), verdicts, differ);
        }
    }
  vera_window_toast (self, message, FALSE);
}

static void
action_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GCancellable) cancellable = user_data;
  VeraWindow *self = VERA_WINDOW (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  VeraShareStats stats = { 0 };
  gboolean ok = vera_window_share_finish (self, result, &stats, &error);

  /* A window closed meanwhile cancelled the work and has nothing left to show it in. */
  if (self->project == NULL || gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;
  vera_window_end_progress (self, cancellable);
  if (!ok)
    report_failure (self, job, error);
  else
    report_success (self, job, &stats);
}

static void
share_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  VeraWindow *self = VERA_WINDOW (widget);
  gboolean pull = g_str_equal (action_name, "win.pull");
  g_autofree char *server = dup_server (self);
  g_autofree char *name = dup_server_name (server);
  g_autofree char *label = NULL;

  if (self->adding_cancellable != NULL)
    return;
  vera_claim_inspector_commit_note (self->claim_inspector);
  label = pull
    /* Translators: the progress strip; %s is the annotation server's host name. */
    ? g_strdup_printf (_("Getting colleagues’ verdicts from %s…"), name)
    /* Translators: the progress strip; %s is the annotation server's host name. */
    : g_strdup_printf (_("Sharing verdicts with %s…"), name);
  vera_window_begin_progress (self, label);
  gtk_progress_bar_pulse (self->progress_bar);
  vera_window_share_async (self, pull, self->adding_cancellable, action_done_cb,
                           g_object_ref (self->adding_cancellable));
}

void
vera_window_update_sharing (VeraWindow *self)
{
  gboolean enabled;

  g_return_if_fail (VERA_IS_WINDOW (self));

  enabled = self->settings != NULL && self->net_service != NULL && self->project != NULL &&
            self->adding_cancellable == NULL &&
            g_list_model_get_n_items (vera_project_get_articles (self->project)) > 0 &&
            vera_window_sharing_is_configured (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.share", enabled);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pull", enabled);
}

void
vera_window_init_sharing (VeraWindow *self)
{
  static const char * const keys[] = {
    "changed::annotation-server", "changed::annotation-protocol", "changed::annotation-group",
  };

  g_return_if_fail (VERA_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_signal_connect_object (self->settings, keys[i], G_CALLBACK (vera_window_update_sharing),
                             self, G_CONNECT_SWAPPED);
  vera_window_update_sharing (self);
}

void
vera_window_class_init_sharing (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.share", NULL, share_action);
  gtk_widget_class_install_action (widget_class, "win.pull", NULL, share_action);
}
