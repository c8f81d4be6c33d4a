/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-project.h"
#include "vera-project-figure.h"
#include "vera-reference.h"
#include "vera-util.h"

typedef enum
{
  ACTION_STATUS,
  ACTION_NOTE,
  ACTION_ADD_REFERENCE,
  ACTION_REMOVE_REFERENCE,
  ACTION_LANGUAGE,
} ActionKind;

/* One recorded review action, with what is needed to apply it in either direction. */
typedef struct
{
  ActionKind     kind;
  VeraClaim     *claim;
  VeraStatus     status[2];     /* [0] before, [1] after */
  char          *note[2];
  char          *reviewer[2];
  char          *modified[2];
  VeraReference *reference;
  guint          position;
  /* ACTION_LANGUAGE: an article's language with the analysis made in it, before and after. */
  VeraArticle   *article;
  char          *language[2];
  GPtrArray     *claims[2];
  GPtrArray     *findings[2];
} Action;

struct _VeraProject
{
  GObject      parent_instance;

  GListStore  *articles;
  GListStore  *conflicts;
  GHashTable  *claim_index;     /* id → VeraClaim (borrowed); NULL when stale */
  GHashTable  *article_index;   /* id → VeraArticle (borrowed) */
  GFile       *file;
  char        *reviewer;
  double       claim_threshold;
  GListStore  *reference_figures;   /* VeraProjectFigure */
  JsonObject  *settings;        /* settings this version does not know, kept as read */

  GPtrArray   *undo_stack;
  GPtrArray   *redo_stack;
  int          saved_depth;     /* undo depth at the last save, -1 when unreachable */
  gboolean     changed;         /* a change outside the history since the last save */
  guint64      revision;        /* counts the changed signals: one a content change */
  gboolean     dirty;
};

G_DEFINE_FINAL_TYPE (VeraProject, vera_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_DIRTY,
  PROP_REVIEWER,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_N_CLAIMS,
  PROP_CLAIM_THRESHOLD,
  PROP_REFERENCE_FIGURES,
  N_PROPS
};

enum {
  CHANGED,
  ARTICLE_REANALYSED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static void
action_free (Action *action)
{
  g_clear_object (&action->claim);
  g_clear_object (&action->reference);
  g_clear_object (&action->article);
  for (guint i = 0; i < 2; i++)
    {
      g_free (action->language[i]);
      g_clear_pointer (&action->claims[i], g_ptr_array_unref);
      g_clear_pointer (&action->findings[i], g_ptr_array_unref);
      g_free (action->note[i]);
      g_free (action->reviewer[i]);
      g_free (action->modified[i]);
    }
  g_free (action);
}

static void
update_dirty (VeraProject *self)
{
  gboolean dirty = self->changed || self->saved_depth != (int) self->undo_stack->len;

  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DIRTY]);
    }
}

/* After every step of the history: notify what changed and say that the content changed. */
static void
notify_history (VeraProject *self,
                gboolean     could_undo,
                gboolean     could_redo)
{
  if (could_undo != vera_project_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_UNDO]);
  if (could_redo != vera_project_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CAN_REDO]);
  update_dirty (self);
  self->revision++;
  g_signal_emit (self, signals [CHANGED], 0);
}

static void
invalidate_claim_index (VeraProject *self)
{
  g_clear_pointer (&self->claim_index, g_hash_table_unref);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_CLAIMS]);
}

static void
article_claims_changed_cb (VeraProject *self,
                           guint        position,
                           guint        removed,
                           guint        added,
                           GListModel  *claims)
{
  invalidate_claim_index (self);
}

static void
vera_project_dispose (GObject *object)
{
  VeraProject *self = (VeraProject *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->claim_index, g_hash_table_unref);
  g_clear_pointer (&self->article_index, g_hash_table_unref);
  g_clear_object (&self->articles);
  g_clear_object (&self->conflicts);
  g_clear_object (&self->file);
  g_clear_object (&self->reference_figures);

  G_OBJECT_CLASS (vera_project_parent_class)->dispose (object);
}

static void
vera_project_finalize (GObject *object)
{
  VeraProject *self = (VeraProject *)object;

  g_clear_pointer (&self->reviewer, g_free);
  g_clear_pointer (&self->settings, json_object_unref);

  G_OBJECT_CLASS (vera_project_parent_class)->finalize (object);
}

static void
vera_project_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VeraProject *self = VERA_PROJECT (object);

  switch (prop_id)
    {
    case PROP_FILE:     g_value_set_object (value, self->file); break;
    case PROP_DIRTY:    g_value_set_boolean (value, self->dirty); break;
    case PROP_REVIEWER: g_value_set_string (value, self->reviewer); break;
    case PROP_CAN_UNDO: g_value_set_boolean (value, vera_project_get_can_undo (self)); break;
    case PROP_CAN_REDO: g_value_set_boolean (value, vera_project_get_can_redo (self)); break;
    case PROP_N_CLAIMS: g_value_set_uint (value, vera_project_get_n_claims (self)); break;
    case PROP_CLAIM_THRESHOLD: g_value_set_double (value, self->claim_threshold); break;
    case PROP_REFERENCE_FIGURES: g_value_set_object (value, self->reference_figures); break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_project_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VeraProject *self = VERA_PROJECT (object);

  switch (prop_id)
    {
    case PROP_FILE:     vera_project_set_file (self, g_value_get_object (value)); break;
    case PROP_REVIEWER: vera_project_set_reviewer (self, g_value_get_string (value)); break;
    case PROP_CLAIM_THRESHOLD:
      vera_project_set_claim_threshold (self, g_value_get_double (value));
      break;
    default:            G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_project_class_init (VeraProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vera_project_dispose;
  object_class->finalize = vera_project_finalize;
  object_class->get_property = vera_project_get_property;
  object_class->set_property = vera_project_set_property;

  properties [PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, rw);
  properties [PROP_DIRTY] = g_param_spec_boolean ("dirty", NULL, NULL, FALSE, ro);
  properties [PROP_REVIEWER] = g_param_spec_string ("reviewer", NULL, NULL, NULL, rw);
  properties [PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties [PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties [PROP_N_CLAIMS] = g_param_spec_uint ("n-claims", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties [PROP_CLAIM_THRESHOLD] =
    g_param_spec_double ("claim-threshold", NULL, NULL, 0, 1,
                         VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD, rw);
  properties [PROP_REFERENCE_FIGURES] =
    g_param_spec_object ("reference-figures", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VeraProject::changed:
   *
   * Emitted after every change to the project's content: a review action, undo, redo, or a
   * change marked with vera_project_mark_changed(). Autosave listens to it.
   */
  signals [CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * VeraProject::article-reanalysed:
   * @article: the article whose claims and findings were replaced
   *
   * Emitted when vera_project_set_article_language(), or its undo or redo, replaced the claims
   * of an article, before VeraProject::changed. The conflicts are not relinked: listeners that
   * own an analyser do that.
   */
  signals [ARTICLE_REANALYSED] =
    g_signal_new ("article-reanalysed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, VERA_TYPE_ARTICLE);
}

static void
vera_project_init (VeraProject *self)
{
  self->articles = g_list_store_new (VERA_TYPE_ARTICLE);
  self->conflicts = g_list_store_new (VERA_TYPE_CONFLICT);
  self->article_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) action_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) action_free);
  self->claim_threshold = VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD;
  self->reference_figures = g_list_store_new (VERA_TYPE_PROJECT_FIGURE);
  self->settings = json_object_new ();
}

VeraProject *
vera_project_new (void)
{
  return g_object_new (VERA_TYPE_PROJECT, NULL);
}

GListModel *
vera_project_get_articles (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->articles);
}

GListModel *
vera_project_get_conflicts (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->conflicts);
}

gboolean
vera_project_add_article (VeraProject  *self,
                          VeraArticle  *article,
                          GError      **error)
{
  const char *id;

  g_return_val_if_fail (VERA_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (VERA_IS_ARTICLE (article), FALSE);

  id = vera_article_get_id (article);
  if (g_hash_table_contains (self->article_index, id))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("The project already has an article with id “%s”"), id);
      return FALSE;
    }

  g_hash_table_insert (self->article_index, (char *) id, article);
  g_signal_connect_object (vera_article_get_claims (article), "items-changed",
                           G_CALLBACK (article_claims_changed_cb), self, G_CONNECT_SWAPPED);
  g_list_store_append (self->articles, article);
  invalidate_claim_index (self);
  vera_project_mark_changed (self);
  return TRUE;
}

char *
vera_project_dup_next_article_id (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);

  for (guint n = g_hash_table_size (self->article_index) + 1; ; n++)
    {
      g_autofree char *id = g_strdup_printf ("a%u", n);

      if (!g_hash_table_contains (self->article_index, id))
        return g_steal_pointer (&id);
    }
}

VeraArticle *
vera_project_find_article (VeraProject *self,
                           const char  *id)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return id ? g_hash_table_lookup (self->article_index, id) : NULL;
}

static void
ensure_claim_index (VeraProject *self)
{
  guint n_articles;

  if (self->claim_index != NULL)
    return;

  self->claim_index = g_hash_table_new (g_str_hash, g_str_equal);
  n_articles = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), i);
      GListModel *claims = vera_article_get_claims (article);
      guint n_claims = g_list_model_get_n_items (claims);

      for (guint j = 0; j < n_claims; j++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, j);

          g_hash_table_insert (self->claim_index, (char *) vera_claim_get_id (claim), claim);
        }
    }
}

VeraClaim *
vera_project_find_claim (VeraProject *self,
                         const char  *id)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);

  if (id == NULL)
    return NULL;
  ensure_claim_index (self);
  return g_hash_table_lookup (self->claim_index, id);
}

guint
vera_project_get_n_claims (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), 0);

  ensure_claim_index (self);
  return g_hash_table_size (self->claim_index);
}

void
vera_project_replace_conflicts (VeraProject *self,
                                GPtrArray   *conflicts)
{
  guint n;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (conflicts != NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  g_list_store_splice (self->conflicts, 0, n, conflicts->pdata, conflicts->len);
}

GPtrArray *
vera_project_dup_conflicts_for (VeraProject *self,
                                VeraClaim   *claim)
{
  GPtrArray *result;
  guint n;

  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  g_return_val_if_fail (VERA_IS_CLAIM (claim), NULL);

  result = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraConflict) conflict = g_list_model_get_item (G_LIST_MODEL (self->conflicts), i);

      if (vera_conflict_has_claim (conflict, vera_claim_get_id (claim)))
        g_ptr_array_add (result, g_steal_pointer (&conflict));
    }
  return result;
}

GFile *
vera_project_get_file (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return self->file;
}

void
vera_project_set_file (VeraProject *self,
                       GFile       *file)
{
  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (!file || G_IS_FILE (file));

  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_FILE]);
}

char *
vera_project_dup_display_name (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);

  if (self->file == NULL)
    return g_strdup (_("Untitled Project"));
  return g_file_get_basename (self->file);
}

gboolean
vera_project_get_dirty (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), FALSE);
  return self->dirty;
}

void
vera_project_mark_changed (VeraProject *self)
{
  g_return_if_fail (VERA_IS_PROJECT (self));

  self->changed = TRUE;
  update_dirty (self);
  self->revision++;
  g_signal_emit (self, signals [CHANGED], 0);
}

guint64
vera_project_get_revision (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), 0);
  return self->revision;
}

void
vera_project_mark_saved (VeraProject *self)
{
  g_return_if_fail (VERA_IS_PROJECT (self));

  self->changed = FALSE;
  self->saved_depth = self->undo_stack->len;
  update_dirty (self);
}

const char *
vera_project_get_reviewer (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return self->reviewer;
}

void
vera_project_set_reviewer (VeraProject *self,
                           const char  *reviewer)
{
  g_return_if_fail (VERA_IS_PROJECT (self));

  if (vera_set_str (&self->reviewer, reviewer))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_REVIEWER]);
}

double
vera_project_get_claim_threshold (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), VERA_PROJECT_DEFAULT_CLAIM_THRESHOLD);
  return self->claim_threshold;
}

void
vera_project_set_claim_threshold (VeraProject *self,
                                  double       threshold)
{
  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (threshold >= 0 && threshold <= 1);

  if (self->claim_threshold == threshold)
    return;
  self->claim_threshold = threshold;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM_THRESHOLD]);
  vera_project_mark_changed (self);
}

GListModel *
vera_project_get_reference_figures (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->reference_figures);
}

static guint
find_figure (VeraProject       *self,
             VeraProjectFigure *figure)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->reference_figures));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VeraProjectFigure) known = g_list_model_get_item (G_LIST_MODEL (self->reference_figures), i);

      if (vera_project_figure_same_subject (known, figure))
        return i;
    }
  return G_MAXUINT;
}

void
vera_project_add_reference_figure (VeraProject       *self,
                                   VeraProjectFigure *figure)
{
  guint position;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (VERA_IS_PROJECT_FIGURE (figure));

  position = find_figure (self, figure);
  if (position == G_MAXUINT)
    g_list_store_append (self->reference_figures, figure);
  else
    g_list_store_splice (self->reference_figures, position, 1, (gpointer *) &figure, 1);
  vera_project_mark_changed (self);
}

void
vera_project_remove_reference_figure (VeraProject       *self,
                                      VeraProjectFigure *figure)
{
  guint position;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (VERA_IS_PROJECT_FIGURE (figure));

  if (!g_list_store_find (self->reference_figures, figure, &position))
    return;
  g_list_store_remove (self->reference_figures, position);
  vera_project_mark_changed (self);
}

JsonObject *
vera_project_get_other_settings (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return self->settings;
}

void
vera_project_set_other_settings (VeraProject *self,
                                 JsonObject  *settings)
{
  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (settings != NULL);

  json_object_ref (settings);
  json_object_unref (self->settings);
  self->settings = settings;
}

/* Review history. */

static void
apply_action (Action   *action,
              gboolean  forward)
{
  guint side = forward ? 1 : 0;

  switch (action->kind)
    {
    case ACTION_STATUS:
      vera_claim_set_status (action->claim, action->status[side]);
      break;

    case ACTION_NOTE:
      vera_claim_set_note (action->claim, action->note[side]);
      break;

    case ACTION_ADD_REFERENCE:
    case ACTION_REMOVE_REFERENCE:
      if (forward == (action->kind == ACTION_ADD_REFERENCE))
        vera_claim_insert_reference (action->claim, action->position, action->reference);
      else
        vera_claim_remove_reference (action->claim, action->reference, NULL);
      break;

    case ACTION_LANGUAGE:
      vera_article_set_language (action->article, action->language[side]);
      vera_article_replace_analysis (action->article, action->claims[side], action->findings[side]);
      return;

    default:
      g_assert_not_reached ();
    }

  vera_claim_set_reviewer (action->claim, action->reviewer[side]);
  vera_claim_set_modified (action->claim, action->modified[side]);
}

static Action *
action_new (VeraProject *self,
            ActionKind   kind,
            VeraClaim   *claim)
{
  Action *action = g_new0 (Action, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  action->kind = kind;
  action->claim = g_object_ref (claim);
  action->status[0] = action->status[1] = vera_claim_get_status (claim);
  action->reviewer[0] = g_strdup (vera_claim_get_reviewer (claim));
  action->modified[0] = g_strdup (vera_claim_get_modified (claim));
  action->reviewer[1] = g_strdup (self->reviewer ? self->reviewer : vera_claim_get_reviewer (claim));
  action->modified[1] = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  return action;
}

static void
record (VeraProject *self,
        Action      *action)
{
  gboolean could_undo = vera_project_get_can_undo (self);
  gboolean could_redo = vera_project_get_can_redo (self);

  if (self->saved_depth > (int) self->undo_stack->len)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo_stack, 0);
  apply_action (action, TRUE);
  g_ptr_array_add (self->undo_stack, action);
  if (action->kind == ACTION_LANGUAGE)
    g_signal_emit (self, signals [ARTICLE_REANALYSED], 0, action->article);
  notify_history (self, could_undo, could_redo);
}

void
vera_project_set_claim_status (VeraProject *self,
                               VeraClaim   *claim,
                               VeraStatus   status)
{
  Action *action;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (VERA_IS_CLAIM (claim));
  g_return_if_fail (status < VERA_N_STATUSES);

  if (vera_claim_get_status (claim) == status)
    return;

  action = action_new (self, ACTION_STATUS, claim);
  action->status[1] = status;
  record (self, action);
}

void
vera_project_mark_not_a_claim (VeraProject *self,
                               VeraClaim   *claim)
{
  vera_project_set_claim_status (self, claim, VERA_STATUS_NOT_A_CLAIM);
}

void
vera_project_set_claim_note (VeraProject *self,
                             VeraClaim   *claim,
                             const char  *note)
{
  Action *top;
  Action *action;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (VERA_IS_CLAIM (claim));

  if (g_strcmp0 (vera_claim_get_note (claim), note ? note : "") == 0)
    return;

  /* Typing a note is one action, not one per keystroke: extend the last note edit of the same
   * claim while nothing else happened in between. */
  top = self->undo_stack->len > 0 && self->redo_stack->len == 0
        ? g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1) : NULL;
  if (top != NULL && top->kind == ACTION_NOTE && top->claim == claim &&
      self->saved_depth != (int) self->undo_stack->len)
    {
      g_free (top->note[1]);
      top->note[1] = g_strdup (note);
      apply_action (top, TRUE);
      self->revision++;
      g_signal_emit (self, signals [CHANGED], 0);
      return;
    }

  action = action_new (self, ACTION_NOTE, claim);
  action->note[0] = g_strdup (vera_claim_get_note (claim));
  action->note[1] = g_strdup (note);
  record (self, action);
}

void
vera_project_add_reference (VeraProject   *self,
                            VeraClaim     *claim,
                            VeraReference *reference)
{
  Action *action;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (VERA_IS_CLAIM (claim));
  g_return_if_fail (VERA_IS_REFERENCE (reference));

  action = action_new (self, ACTION_ADD_REFERENCE, claim);
  action->reference = g_object_ref (reference);
  action->position = g_list_model_get_n_items (vera_claim_get_references (claim));
  record (self, action);
}

void
vera_project_remove_reference (VeraProject   *self,
                               VeraClaim     *claim,
                               VeraReference *reference)
{
  Action *action;
  guint position;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (VERA_IS_CLAIM (claim));
  g_return_if_fail (VERA_IS_REFERENCE (reference));

  if (!g_list_store_find (G_LIST_STORE (vera_claim_get_references (claim)), reference, &position))
    return;

  action = action_new (self, ACTION_REMOVE_REFERENCE, claim);
  action->reference = g_object_ref (reference);
  action->position = position;
  record (self, action);
}

static GPtrArray *
dup_items (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static GPtrArray *
ref_items (GPtrArray *items)
{
  GPtrArray *copy = g_ptr_array_new_full (items != NULL ? items->len : 0, g_object_unref);

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (items, i)));
  return copy;
}

void
vera_project_set_article_language (VeraProject *self,
                                   VeraArticle *article,
                                   const char  *language,
                                   GPtrArray   *claims,
                                   GPtrArray   *findings)
{
  Action *action;

  g_return_if_fail (VERA_IS_PROJECT (self));
  g_return_if_fail (VERA_IS_ARTICLE (article));
  g_return_if_fail (vera_project_find_article (self, vera_article_get_id (article)) == article);

  /* The claims set aside stay in the history, with their review, so undo brings them back
   * and the earlier review actions on them stay valid. */
  action = g_new0 (Action, 1);
  action->kind = ACTION_LANGUAGE;
  action->article = g_object_ref (article);
  action->language[0] = g_strdup (vera_article_get_language (article));
  action->language[1] = g_strdup (language);
  action->claims[0] = dup_items (vera_article_get_claims (article));
  action->findings[0] = dup_items (vera_article_get_findings (article));
  action->claims[1] = ref_items (claims);
  action->findings[1] = ref_items (findings);
  record (self, action);
}

gboolean
vera_project_get_can_undo (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), FALSE);
  return self->undo_stack->len > 0;
}

gboolean
vera_project_get_can_redo (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), FALSE);
  return self->redo_stack->len > 0;
}

const char *
vera_project_get_undo_label (VeraProject *self)
{
  Action *top;

  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);

  if (self->undo_stack->len == 0)
    return NULL;
  top = g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1);
  switch (top->kind)
    {
    case ACTION_STATUS:           return _("Set status");
    case ACTION_NOTE:             return _("Edit note");
    case ACTION_ADD_REFERENCE:    return _("Add reference");
    case ACTION_REMOVE_REFERENCE: return _("Remove reference");
    case ACTION_LANGUAGE:         return _("Change language");
    default:                      return NULL;
    }
}

static VeraClaim *
move_action (VeraProject *self,
             GPtrArray   *from,
             GPtrArray   *to,
             gboolean     forward)
{
  gboolean could_undo = vera_project_get_can_undo (self);
  gboolean could_redo = vera_project_get_can_redo (self);
  Action *action;

  if (from->len == 0)
    return NULL;

  action = g_ptr_array_steal_index (from, from->len - 1);
  apply_action (action, forward);
  g_ptr_array_add (to, action);
  if (action->kind == ACTION_LANGUAGE)
    g_signal_emit (self, signals [ARTICLE_REANALYSED], 0, action->article);
  notify_history (self, could_undo, could_redo);
  return action->claim;
}

VeraClaim *
vera_project_undo (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return move_action (self, self->undo_stack, self->redo_stack, FALSE);
}

VeraClaim *
vera_project_redo (VeraProject *self)
{
  g_return_val_if_fail (VERA_IS_PROJECT (self), NULL);
  return move_action (self, self->redo_stack, self->undo_stack, TRUE);
}
