/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-article-view"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-app-util.h"
#include "vera-article-view.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-finding.h"
#include "vera-vocabulary.h"

/* The buffer holds the article text with one marker glyph inserted before each claim, so that
 * a claim's status shows as a symbol and not by colour alone. Article offsets (code points) map
 * to buffer offsets by counting the markers before them. */
struct _VeraArticleView
{
  GtkWidget     parent_instance;

  VeraArticle  *article;
  VeraClaim    *claim;
  GPtrArray    *claims;       /* VeraClaim, one marker each, sorted by start */
  GArray       *marker_pos;   /* guint buffer offsets of the markers, ascending */
  GtkTextMark  *scroll_mark;

  GtkTextView  *text_view;
  GtkScrolledWindow *scroller;
};

G_DEFINE_FINAL_TYPE (VeraArticleView, vera_article_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ARTICLE,
  PROP_CLAIM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  CLAIM_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* A colour per status, in vocabulary order; the marker glyph before each claim carries the
 * status without colour. The underline sits below the descenders (PANGO_UNDERLINE_LOW): drawn at
 * the usual position it hides the tail of a comma, and "16,000" would read as "16.000". The
 * colours are mid tones that read on light and dark backgrounds. */
static const struct {
  PangoUnderline  underline;
  const char     *colour;
} status_style[VERA_N_STATUSES] = {
  { PANGO_UNDERLINE_LOW,  "#3584e4" },
  { PANGO_UNDERLINE_LOW,  "#c88800" },
  { PANGO_UNDERLINE_LOW,  "#26a269" },
  { PANGO_UNDERLINE_LOW,  "#2190a4" },
  { PANGO_UNDERLINE_LOW,  "#e01b24" },
  { PANGO_UNDERLINE_LOW,  "#9141ac" },
  { PANGO_UNDERLINE_LOW,  "#c64600" },
  { PANGO_UNDERLINE_NONE, "#77767b" },
};

static guint
markers_before (VeraArticleView *self,
                guint            buffer_offset)
{
  guint lo = 0, hi = self->marker_pos->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->marker_pos, guint, mid) < buffer_offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The buffer offset of article code point @offset: the offset plus the markers at or before it. */
static guint
to_buffer (VeraArticleView *self,
           guint            offset)
{
  guint lo = 0, hi = self->claims->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (vera_claim_get_start (g_ptr_array_index (self->claims, mid)) <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return offset + lo;
}

static void
get_span_iters (VeraArticleView *self,
                guint            start,
                guint            end,
                gboolean         with_marker,
                GtkTextIter     *a,
                GtkTextIter     *b)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  guint n = vera_article_get_n_chars (self->article);

  start = MIN (start, n);
  end = CLAMP (end, start, n);
  gtk_text_buffer_get_iter_at_offset (buffer, a, to_buffer (self, start) - (with_marker ? 1 : 0));
  if (end > start)
    gtk_text_buffer_get_iter_at_offset (buffer, b, to_buffer (self, end - 1) + 1);
  else
    *b = *a;
}

static const char *
status_tag_name (VeraStatus status)
{
  return vera_status_to_string (status);
}

static void
apply_claim (VeraArticleView *self,
             guint            index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  VeraClaim *claim = g_ptr_array_index (self->claims, index);
  VeraStatus status = vera_claim_get_status (claim);
  guint marker = g_array_index (self->marker_pos, guint, index);
  GtkTextIter a, b;

  /* Swap the marker glyph: one character for one, so no offset moves. */
  gtk_text_buffer_get_iter_at_offset (buffer, &a, marker);
  b = a;
  gtk_text_iter_forward_char (&b);
  gtk_text_buffer_delete (buffer, &a, &b);
  gtk_text_buffer_insert_with_tags_by_name (buffer, &a, vera_app_status_marker (status), -1,
                                            "marker", NULL);

  get_span_iters (self, vera_claim_get_start (claim), vera_claim_get_end (claim), TRUE, &a, &b);
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    gtk_text_buffer_remove_tag_by_name (buffer, status_tag_name (s), &a, &b);
  gtk_text_buffer_apply_tag_by_name (buffer, status_tag_name (status), &a, &b);
}

static void
claim_status_changed_cb (VeraArticleView *self,
                         GParamSpec      *pspec,
                         VeraClaim       *claim)
{
  guint index;

  if (g_ptr_array_find (self->claims, claim, &index))
    apply_claim (self, index);
}

static void
create_tags (VeraArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  for (guint s = 0; s < VERA_N_STATUSES; s++)
    {
      GdkRGBA colour, background;

      gdk_rgba_parse (&colour, status_style[s].colour);
      background = colour;
      background.alpha = s == VERA_STATUS_NOT_A_CLAIM ? 0.0 : 0.14;
      gtk_text_buffer_create_tag (buffer, status_tag_name (s),
                                  "underline", status_style[s].underline,
                                  "underline-rgba", &colour,
                                  "background-rgba", &background,
                                  NULL);
    }
  gtk_text_buffer_create_tag (buffer, "marker",
                              "weight", PANGO_WEIGHT_BOLD,
                              "scale", 0.85,
                              "rise", 1024,
                              NULL);
  gtk_text_buffer_create_tag (buffer, "selected",
                              "background-rgba", &(GdkRGBA) { 0.21, 0.52, 0.89, 0.38 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "injected",
                              "style", PANGO_STYLE_ITALIC,
                              "strikethrough", TRUE,
                              "strikethrough-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.8 },
                              "paragraph-background-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.12 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "finding",
                              "underline", PANGO_UNDERLINE_ERROR_LINE,
                              "underline-rgba", &(GdkRGBA) { 0.78, 0.27, 0.0, 1.0 },
                              NULL);
}

static int
compare_claim_start (gconstpointer a,
                     gconstpointer b)
{
  VeraClaim *ca = *(VeraClaim **) a;
  VeraClaim *cb = *(VeraClaim **) b;
  guint sa = vera_claim_get_start (ca), sb = vera_claim_get_start (cb);

  return sa < sb ? -1 : sa > sb;
}

static void
rebuild (VeraArticleView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autoptr(GString) text = NULL;
  GListModel *claims, *findings;
  const char *source;
  guint n_chars, prev = 0;
  GtkTextIter a, b;

  for (guint i = 0; i < self->claims->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->claims, i),
                                          claim_status_changed_cb, self);
  g_ptr_array_set_size (self->claims, 0);
  g_array_set_size (self->marker_pos, 0);

  if (self->article == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      return;
    }

  source = vera_article_get_text (self->article);
  n_chars = vera_article_get_n_chars (self->article);
  claims = vera_article_get_claims (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, i);

      /* Hostile offsets: a claim outside the text gets no marker. */
      if (vera_claim_get_start (claim) < n_chars)
        g_ptr_array_add (self->claims, g_steal_pointer (&claim));
    }
  g_ptr_array_sort (self->claims, compare_claim_start);

  text = g_string_sized_new (vera_article_get_text_length (self->article) + 4 * self->claims->len);
  for (guint i = 0; i < self->claims->len; i++)
    {
      VeraClaim *claim = g_ptr_array_index (self->claims, i);
      guint start = vera_claim_get_start (claim);
      gsize from = vera_article_char_to_byte (self->article, prev);
      gsize to = vera_article_char_to_byte (self->article, start);
      guint pos = start + i;

      g_string_append_len (text, source + from, to - from);
      g_string_append (text, vera_app_status_marker (vera_claim_get_status (claim)));
      g_array_append_val (self->marker_pos, pos);
      prev = start;
      g_signal_connect_object (claim, "notify::status", G_CALLBACK (claim_status_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  g_string_append (text, source + vera_article_char_to_byte (self->article, prev));
  gtk_text_buffer_set_text (buffer, text->str, text->len);

  for (guint i = 0; i < self->claims->len; i++)
    {
      VeraClaim *claim = g_ptr_array_index (self->claims, i);
      guint marker = g_array_index (self->marker_pos, guint, i);

      gtk_text_buffer_get_iter_at_offset (buffer, &a, marker);
      b = a;
      gtk_text_iter_forward_char (&b);
      gtk_text_buffer_apply_tag_by_name (buffer, "marker", &a, &b);
      get_span_iters (self, vera_claim_get_start (claim), vera_claim_get_end (claim), TRUE, &a, &b);
      gtk_text_buffer_apply_tag_by_name (buffer, status_tag_name (vera_claim_get_status (claim)),
                                         &a, &b);
    }

  findings = vera_article_get_findings (self->article);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);
      gboolean injected = vera_finding_get_kind (finding) == VERA_FINDING_KIND_INJECTED_TEXT;

      get_span_iters (self, vera_finding_get_start (finding), vera_finding_get_end (finding),
                      FALSE, &a, &b);
      gtk_text_buffer_apply_tag_by_name (buffer, injected ? "injected" : "finding", &a, &b);
    }
}

VeraClaim *
vera_article_view_claim_at (VeraArticleView *self,
                            guint            char_offset)
{
  g_return_val_if_fail (VERA_IS_ARTICLE_VIEW (self), NULL);

  /* The claims starting at or before the offset, nearest first; overlaps are rare and short. */
  for (guint i = to_buffer (self, char_offset) - char_offset, tries = 0; i > 0 && tries < 8; i--, tries++)
    {
      VeraClaim *claim = g_ptr_array_index (self->claims, i - 1);

      if (char_offset < vera_claim_get_end (claim))
        return claim;
    }
  return NULL;
}

/* The article offset at a buffer iter; a marker counts as the first character of its claim. */
static guint
offset_at_iter (VeraArticleView   *self,
                const GtkTextIter *iter)
{
  guint offset = gtk_text_iter_get_offset (iter);

  return offset - markers_before (self, offset);
}

static VeraFinding *
finding_at (VeraArticleView *self,
            guint            offset)
{
  GListModel *findings = vera_article_get_findings (self->article);

  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);

      if (vera_finding_get_start (finding) <= offset && offset < vera_finding_get_end (finding))
        return finding;
    }
  return NULL;
}

static gboolean
iter_at_widget_point (VeraArticleView *self,
                      double           x,
                      double           y,
                      GtkTextIter     *iter)
{
  int bx, by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  return gtk_text_view_get_iter_at_location (self->text_view, iter, bx, by);
}

static void
click_released_cb (VeraArticleView *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  GtkTextIter iter;
  VeraClaim *claim;

  if (self->article == NULL || !iter_at_widget_point (self, x, y, &iter))
    return;
  /* A drag that selected text is not a click on a claim. */
  if (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)))
    return;
  claim = vera_article_view_claim_at (self, offset_at_iter (self, &iter));
  if (claim != NULL)
    g_signal_emit (self, signals [CLAIM_ACTIVATED], 0, claim);
}

static char *
describe_claim (VeraClaim *claim)
{
  g_autofree char *kinds = vera_app_dup_kinds_label (vera_claim_get_kinds (claim));
  g_autofree char *status = vera_app_dup_status_text (vera_claim_get_status (claim));

  /* Translators: a tooltip over a claim: its status, kinds and check-worthiness score. */
  return g_markup_printf_escaped (_("<b>%s</b>\nKinds: %s\nScore: %.2f"), status,
                                  *kinds ? kinds : _("none"), vera_claim_get_score (claim));
}

static gboolean
query_tooltip_cb (VeraArticleView *self,
                  int              x,
                  int              y,
                  gboolean         keyboard,
                  GtkTooltip      *tooltip,
                  GtkWidget       *widget)
{
  g_autofree char *markup = NULL;
  GtkTextIter iter;
  VeraFinding *finding;
  VeraClaim *claim;
  guint offset;

  if (self->article == NULL || keyboard || !iter_at_widget_point (self, x, y, &iter))
    return FALSE;
  offset = offset_at_iter (self, &iter);
  finding = finding_at (self, offset);
  claim = vera_article_view_claim_at (self, offset);
  if (finding != NULL)
    {
      VeraFindingKind kind = vera_finding_get_kind (finding);
      const char *message = vera_finding_get_message (finding);

      markup = g_markup_printf_escaped ("<b>%s</b>\n%s", vera_finding_kind_get_label (kind),
                                        message != NULL ? message : "");
    }
  if (claim != NULL)
    {
      g_autofree char *claim_markup = describe_claim (claim);
      char *joined = g_strjoin ("\n\n", claim_markup, markup, NULL);

      g_free (markup);
      markup = joined;
    }
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

void
vera_article_view_set_claim (VeraArticleView *self,
                             VeraClaim       *claim)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;

  g_return_if_fail (VERA_IS_ARTICLE_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  gtk_text_buffer_remove_tag_by_name (buffer, "selected", &a, &b);
  if (g_set_object (&self->claim, claim))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CLAIM]);
  if (claim == NULL || self->article == NULL || vera_claim_get_article (claim) != self->article)
    return;

  get_span_iters (self, vera_claim_get_start (claim), vera_claim_get_end (claim), TRUE, &a, &b);
  gtk_text_buffer_apply_tag_by_name (buffer, "selected", &a, &b);
  gtk_text_buffer_move_mark (buffer, self->scroll_mark, &a);
  gtk_text_view_scroll_to_mark (self->text_view, self->scroll_mark, 0.1, TRUE, 0.0, 0.3);
}

void
vera_article_view_set_article (VeraArticleView *self,
                               VeraArticle     *article)
{
  g_return_if_fail (VERA_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || VERA_IS_ARTICLE (article));

  if (self->article == article)
    return;
  if (self->article != NULL)
    g_signal_handlers_disconnect_by_data (vera_article_get_claims (self->article), self);
  g_set_object (&self->article, article);
  if (article != NULL)
    g_signal_connect_object (vera_article_get_claims (article), "items-changed",
                             G_CALLBACK (rebuild), self, G_CONNECT_SWAPPED);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ARTICLE]);
  /* A claim of another article does not show here. */
  if (self->claim != NULL && vera_claim_get_article (self->claim) != article)
    vera_article_view_set_claim (self, NULL);
}

VeraArticle *
vera_article_view_get_article (VeraArticleView *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE_VIEW (self), NULL);
  return self->article;
}

GtkTextView *
vera_article_view_get_text_view (VeraArticleView *self)
{
  g_return_val_if_fail (VERA_IS_ARTICLE_VIEW (self), NULL);
  return self->text_view;
}

GtkWidget *
vera_article_view_new (void)
{
  return g_object_new (VERA_TYPE_ARTICLE_VIEW, NULL);
}

static void
vera_article_view_dispose (GObject *object)
{
  VeraArticleView *self = VERA_ARTICLE_VIEW (object);

  vera_article_view_set_article (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VERA_TYPE_ARTICLE_VIEW);
  vera_app_unparent_children (GTK_WIDGET (self));
  G_OBJECT_CLASS (vera_article_view_parent_class)->dispose (object);
}

static void
vera_article_view_finalize (GObject *object)
{
  VeraArticleView *self = VERA_ARTICLE_VIEW (object);

  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->marker_pos, g_array_unref);
  G_OBJECT_CLASS (vera_article_view_parent_class)->finalize (object);
}

static void
vera_article_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VeraArticleView *self = VERA_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      g_value_set_object (value, self->article);
      break;
    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_article_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VeraArticleView *self = VERA_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ARTICLE:
      vera_article_view_set_article (self, g_value_get_object (value));
      break;
    case PROP_CLAIM:
      vera_article_view_set_claim (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vera_article_view_class_init (VeraArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vera_article_view_dispose;
  object_class->get_property = vera_article_view_get_property;
  object_class->set_property = vera_article_view_set_property;

  properties [PROP_ARTICLE] =
    g_param_spec_object ("article", NULL, NULL, VERA_TYPE_ARTICLE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL, VERA_TYPE_CLAIM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  object_class->finalize = vera_article_view_finalize;

  signals [CLAIM_ACTIVATED] =
    g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, VERA_TYPE_CLAIM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/vera-article-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VeraArticleView, scroller);
  gtk_widget_class_bind_template_child (widget_class, VeraArticleView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, click_released_cb);
  gtk_widget_class_bind_template_callback (widget_class, query_tooltip_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
vera_article_view_init (VeraArticleView *self)
{
  GtkTextIter start;

  self->claims = g_ptr_array_new_with_free_func (g_object_unref);
  self->marker_pos = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_init_template (GTK_WIDGET (self));
  create_tags (self);
  gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (self->text_view), &start);
  self->scroll_mark = gtk_text_buffer_create_mark (gtk_text_view_get_buffer (self->text_view),
                                                   "scroll", &start, TRUE);
}
