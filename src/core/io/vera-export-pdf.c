/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-export"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-finding.h"
#include "vera-reference.h"
#include "vera-report-data.h"
#include "vera-vocabulary.h"

/* A4 in points, with 2 cm margins and room for the page number at the bottom. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.89
#define MARGIN        56.7
#define FOOTER        28.0
#define CONTENT_WIDTH (PAGE_WIDTH - 2 * MARGIN)
#define CONTENT_TOP   MARGIN
#define CONTENT_BOTTOM (PAGE_HEIGHT - MARGIN - FOOTER)

/* A family list, so that Chinese, Japanese and Korean text finds a face when Noto Sans has no
 * glyph for it. */
#define FONT_FAMILIES "Noto Sans, Noto Sans CJK SC, DejaVu Sans, sans-serif"

typedef enum
{
  STYLE_TITLE,
  STYLE_HEADING,
  STYLE_SUBHEADING,
  STYLE_BODY,
  STYLE_SMALL,
} Style;

static const struct {
  double size;
  PangoWeight weight;
  double space_before;
} styles[] = {
  [STYLE_TITLE] = { 18.0, PANGO_WEIGHT_BOLD, 0.0 },
  [STYLE_HEADING] = { 14.0, PANGO_WEIGHT_BOLD, 16.0 },
  [STYLE_SUBHEADING] = { 11.5, PANGO_WEIGHT_BOLD, 10.0 },
  [STYLE_BODY] = { 10.0, PANGO_WEIGHT_NORMAL, 5.0 },
  [STYLE_SMALL] = { 8.5, PANGO_WEIGHT_NORMAL, 3.0 },
};

/* The report is laid out twice: the first pass only counts pages, the second draws them, so
 * every footer can say "Page N of M". Layouts are made and dropped block by block, which keeps
 * memory flat however long the project is. */
typedef struct
{
  cairo_t              *cr;
  PangoContext         *context;
  PangoFontDescription *fonts[G_N_ELEMENTS (styles)];
  gboolean              drawing;
  guint                 page;       /* 1-based, the page being filled */
  guint                 n_pages;    /* known in the drawing pass */
  double                y;          /* where the next block goes */
  const char           *language;   /* of the article being laid out, for CJK glyph forms */
  gboolean              page_empty;
} Writer;

static void
draw_footer (Writer *w)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (w->context);
  g_autofree char *text = g_strdup_printf (_("Page %u of %u"), w->page, w->n_pages);
  int width, height;

  pango_layout_set_font_description (layout, w->fonts[STYLE_SMALL]);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_set_source_rgb (w->cr, 0.35, 0.35, 0.4);
  cairo_move_to (w->cr, (PAGE_WIDTH - (double) width / PANGO_SCALE) / 2,
                 PAGE_HEIGHT - MARGIN - (double) height / PANGO_SCALE);
  pango_cairo_show_layout (w->cr, layout);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
finish_page (Writer *w)
{
  if (w->drawing)
    {
      draw_footer (w);
      cairo_show_page (w->cr);
    }
}

static void
new_page (Writer *w)
{
  finish_page (w);
  w->page++;
  w->y = CONTENT_TOP;
  w->page_empty = TRUE;
}

static void
page_break (Writer *w)
{
  if (!w->page_empty)
    new_page (w);
}

static PangoLayout *
make_layout (Writer     *w,
             Style       style,
             const char *markup,
             double      width)
{
  PangoLayout *layout = pango_layout_new (w->context);
  g_autoptr(GError) error = NULL;
  PangoAttrList *attrs;

  pango_layout_set_font_description (layout, w->fonts[style]);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_auto_dir (layout, TRUE);
  if (pango_parse_markup (markup, -1, 0, &attrs, NULL, NULL, &error))
    {
      pango_layout_set_markup (layout, markup, -1);
      pango_attr_list_unref (attrs);
    }
  else
    {
      /* Everything is escaped, so this does not happen; show the text rather than nothing. */
      g_warning ("Report markup did not parse: %s", error->message);
      pango_layout_set_text (layout, markup, -1);
    }
  return layout;
}

/* Places a block line by line, breaking pages between lines. A heading moves to the next page
 * when the page has no room for it and a few lines after it. */
static void
add_block (Writer     *w,
           Style       style,
           double      indent,
           const char *markup)
{
  g_autofree char *tagged = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;
  double space = w->page_empty ? 0 : styles[style].space_before;
  double keep = style <= STYLE_SUBHEADING ? 4 * styles[STYLE_BODY].size * 1.4 : 0;

  if (w->language != NULL)
    markup = tagged = g_strdup_printf ("<span lang=\"%s\">%s</span>", w->language, markup);
  layout = make_layout (w, style, markup, CONTENT_WIDTH - indent);
  w->y += space;
  if (keep > 0 && w->y + keep > CONTENT_BOTTOM)
    new_page (w);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      height = (double) logical.height / PANGO_SCALE;
      baseline = (double) (pango_layout_iter_get_baseline (iter) - logical.y) / PANGO_SCALE;
      if (w->y + height > CONTENT_BOTTOM && !w->page_empty)
        new_page (w);
      if (w->drawing)
        {
          cairo_move_to (w->cr, MARGIN + indent + (double) logical.x / PANGO_SCALE,
                         w->y + baseline);
          pango_cairo_show_layout_line (w->cr, line);
        }
      w->y += height;
      w->page_empty = FALSE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Cells side by side, kept on one page. */
static void
add_row (Writer     *w,
         GPtrArray  *markups,
         gboolean    rule)
{
  double column = CONTENT_WIDTH / MAX (markups->len, 1);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double height = 0;

  for (guint i = 0; i < markups->len; i++)
    {
      PangoLayout *layout = make_layout (w, STYLE_BODY, g_ptr_array_index (markups, i),
                                         column - 8);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      height = MAX (height, (double) h / PANGO_SCALE);
      g_ptr_array_add (layouts, layout);
    }
  w->y += w->page_empty ? 0 : 4;
  if (w->y + height > CONTENT_BOTTOM && !w->page_empty)
    new_page (w);
  if (w->drawing)
    {
      for (guint i = 0; i < layouts->len; i++)
        {
          cairo_move_to (w->cr, MARGIN + i * column, w->y);
          pango_cairo_show_layout (w->cr, g_ptr_array_index (layouts, i));
        }
      if (rule)
        {
          cairo_set_line_width (w->cr, 0.5);
          cairo_set_source_rgb (w->cr, 0.7, 0.7, 0.75);
          cairo_move_to (w->cr, MARGIN, w->y + height + 2);
          cairo_line_to (w->cr, MARGIN + CONTENT_WIDTH, w->y + height + 2);
          cairo_stroke (w->cr);
          cairo_set_source_rgb (w->cr, 0, 0, 0);
        }
    }
  w->y += height + 4;
  w->page_empty = FALSE;
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *clean = vera_report_clean_text (text);
  g_autofree char *escaped = g_markup_escape_text (clean, -1);

  g_string_append (out, escaped);
}

static const struct {
  const char *background;
  const char *underline;
} status_styles[VERA_N_STATUSES] = {
  [VERA_STATUS_UNREVIEWED] = { "#ececf0", "single" },
  [VERA_STATUS_IN_PROGRESS] = { "#dde8ff", "single" },
  [VERA_STATUS_SUPPORTED] = { "#d3f2d8", "single" },
  [VERA_STATUS_PARTLY_SUPPORTED] = { "#fff0bf", "double" },
  [VERA_STATUS_CONTRADICTED] = { "#ffd5d2", "error" },
  [VERA_STATUS_UNVERIFIABLE] = { "#e9e0f5", "low" },
  [VERA_STATUS_DISPUTED] = { "#ffe2c4", "error" },
  [VERA_STATUS_NOT_A_CLAIM] = { "#f4f4f4", "low" },
};

static void
emit_paragraph (Writer     *w,
                Style       style,
                double      indent,
                GString    *markup)
{
  add_block (w, style, indent, markup->str);
  g_string_truncate (markup, 0);
}

static void
emit_text (Writer     *w,
           Style       style,
           double      indent,
           const char *text)
{
  g_autoptr(GString) markup = g_string_new (NULL);

  append_escaped (markup, text);
  emit_paragraph (w, style, indent, markup);
}

/* The article text with claims highlighted. Each paragraph of the text is its own block, so page
 * breaks fall between lines anywhere, and spans that cross paragraphs are closed and reopened. */
static void
emit_article_text (Writer            *w,
                   VeraReport        *report,
                   VeraReportArticle *entry)
{
  g_autoptr(GArray) spans = vera_report_dup_spans (report, entry);
  g_autoptr(GString) markup = g_string_new (NULL);

  for (guint i = 0; i < spans->len; i++)
    {
      VeraReportSpan *span = &g_array_index (spans, VeraReportSpan, i);
      g_autofree char *text = vera_article_dup_slice (entry->article, span->start, span->end);
      g_auto(GStrv) parts = g_strsplit (text, "\n\n", -1);
      guint number = span->claim != NULL ? vera_report_get_number (report, span->claim) : 0;

      for (guint p = 0; parts[p] != NULL; p++)
        {
          gboolean first = p == 0;
          gboolean last = parts[p + 1] == NULL;

          if (!first)
            emit_paragraph (w, STYLE_BODY, 0, markup);
          if (span->finding != NULL)
            {
              g_string_append (markup, "<span foreground=\"#b3261e\" strikethrough=\"true\">");
              if (first && vera_finding_get_start (span->finding) == span->start)
                {
                  g_string_append (markup, "<span strikethrough=\"false\" weight=\"bold\" "
                                   "size=\"smaller\">⚠ ");
                  append_escaped (markup, vera_finding_kind_get_label (
                                    vera_finding_get_kind (span->finding)));
                  g_string_append (markup, "</span> ");
                }
            }
          if (span->claim != NULL)
            {
              VeraStatus status = vera_claim_get_status (span->claim);

              g_string_append_printf (markup, "<span background=\"%s\" underline=\"%s\">",
                                      status_styles[status].background,
                                      status_styles[status].underline);
              if (first && span->claim_starts)
                {
                  g_string_append (markup, "<span weight=\"bold\" size=\"smaller\">[");
                  append_escaped (markup, vera_status_get_label (status));
                  g_string_append (markup, "]</span> ");
                }
            }
          append_escaped (markup, parts[p]);
          if (span->claim != NULL)
            {
              g_string_append (markup, "</span>");
              if (last && span->claim_ends)
                g_string_append_printf (markup, "<sup><b>%u</b></sup>", number);
            }
          if (span->finding != NULL)
            g_string_append (markup, "</span>");
        }
    }
  if (markup->len > 0)
    emit_paragraph (w, STYLE_BODY, 0, markup);
}

static void
emit_note (Writer     *w,
           VeraReport *report,
           VeraClaim  *claim)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  VeraStatus status = vera_claim_get_status (claim);
  const char *note = vera_claim_get_note (claim);
  GListModel *references = vera_claim_get_references (claim);
  guint n_references = report->options.include_references
                       ? g_list_model_get_n_items (references) : 0;
  g_autofree char *kinds = vera_report_dup_kind_labels (claim);
  g_autofree char *score = vera_report_format_score (vera_claim_get_score (claim));

  g_string_append_printf (markup, "<b>%u.</b> <span background=\"%s\" underline=\"%s\"><b>",
                          vera_report_get_number (report, claim),
                          status_styles[status].background, status_styles[status].underline);
  append_escaped (markup, vera_status_get_label (status));
  g_string_append (markup, "</b></span> “");
  append_escaped (markup, vera_claim_get_text (claim));
  g_string_append (markup, "”");
  emit_paragraph (w, STYLE_BODY, 0, markup);

  if (kinds != NULL)
    vera_report_append_printf (markup, append_escaped, _("Kinds: %s. "), kinds);
  vera_report_append_printf (markup, append_escaped, _("Score: %s."), score);
  emit_paragraph (w, STYLE_SMALL, 14, markup);
  if (note != NULL && note[0] != '\0')
    emit_text (w, STYLE_BODY, 14, note);
  for (guint i = 0; i < n_references; i++)
    {
      g_autoptr(VeraReference) reference = g_list_model_get_item (references, i);
      const char *title = vera_reference_get_title (reference);
      const char *site = vera_reference_get_field (reference, VERA_REFERENCE_SITE_NAME);
      const char *archive = vera_reference_get_field (reference, VERA_REFERENCE_ARCHIVE_URL);
      const char *stance = vera_report_stance_label (vera_reference_get_stance (reference));

      g_string_append (markup, "• ");
      if (title != NULL && title[0] != '\0')
        {
          append_escaped (markup, title);
          g_string_append (markup, " ");
        }
      if (site != NULL && site[0] != '\0')
        vera_report_append_printf (markup, append_escaped, "— %s ", site);
      if (stance != NULL)
        vera_report_append_printf (markup, append_escaped, "(%s) ", stance);
      g_string_append (markup, "<span foreground=\"#1a4fa0\">");
      append_escaped (markup, vera_reference_get_url (reference));
      g_string_append (markup, "</span>");
      if (archive != NULL && archive[0] != '\0')
        {
          g_string_append (markup, "; ");
          vera_report_append_printf (markup, append_escaped, _("archived copy: %s"), archive);
        }
      emit_paragraph (w, STYLE_SMALL, 14, markup);
    }
}

static void
emit_summary (Writer     *w,
              VeraReport *report)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autofree char *now = vera_report_format_now (report);
  g_autofree char *articles = vera_report_format_count (report->articles->len);
  g_autofree char *claims = vera_report_format_count (report->n_claims);
  g_autofree char *conflicts = vera_report_format_count (report->conflicts->len);

  vera_report_append_printf (markup, append_escaped, _("Fact-check report: %s"), report->title);
  emit_paragraph (w, STYLE_TITLE, 0, markup);
  if (report->options.organisation_name != NULL && report->options.organisation_name[0] != '\0')
    vera_report_append_printf (markup, append_escaped, "%s · ",
                               report->options.organisation_name);
  if (report->reviewer != NULL)
    {
      vera_report_append_printf (markup, append_escaped, _("Reviewed by %s"), report->reviewer);
      g_string_append (markup, " · ");
    }
  vera_report_append_printf (markup, append_escaped, _("Generated %s"), now);
  emit_paragraph (w, STYLE_SMALL, 0, markup);

  emit_text (w, STYLE_HEADING, 0, _("Summary"));
  vera_report_append_printf (markup, append_escaped, _("Articles: %s"), articles);
  emit_paragraph (w, STYLE_BODY, 0, markup);
  vera_report_append_printf (markup, append_escaped, _("Claims in this report: %s"), claims);
  emit_paragraph (w, STYLE_BODY, 0, markup);
  if (report->options.include_conflicts)
    {
      vera_report_append_printf (markup, append_escaped, _("Conflicts between articles: %s"),
                                 conflicts);
      emit_paragraph (w, STYLE_BODY, 0, markup);
    }
  emit_text (w, STYLE_SUBHEADING, 0, _("Claims by status"));
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    {
      g_autofree char *n = NULL;

      if (report->by_status[s] == 0)
        continue;
      n = vera_report_format_count (report->by_status[s]);
      g_string_append_printf (markup, "<span background=\"%s\" underline=\"%s\">",
                              status_styles[s].background, status_styles[s].underline);
      append_escaped (markup, vera_status_get_label (s));
      g_string_append (markup, "</span>");
      vera_report_append_printf (markup, append_escaped, ": %s", n);
      emit_paragraph (w, STYLE_BODY, 14, markup);
    }
}

static void
emit_article (Writer            *w,
              VeraReport        *report,
              VeraReportArticle *entry)
{
  VeraArticle *article = entry->article;
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *source = vera_article_get_source (article);
  const char *publisher = vera_article_get_publisher (article);
  const char *published = vera_article_get_published (article);

  page_break (w);
  w->language = vera_report_is_language_tag (vera_article_get_language (article))
                ? vera_article_get_language (article) : NULL;
  emit_text (w, STYLE_HEADING, 0, vera_report_article_title (article));
  if (source != NULL)
    append_escaped (markup, source);
  if (publisher != NULL)
    vera_report_append_printf (markup, append_escaped, " · %s", publisher);
  if (published != NULL)
    {
      g_autofree char *date = vera_report_format_date (published);

      vera_report_append_printf (markup, append_escaped, " · %s", date);
    }
  if (markup->len > 0)
    emit_paragraph (w, STYLE_SMALL, 0, markup);

  emit_article_text (w, report, entry);

  if (entry->claims->len > 0)
    emit_text (w, STYLE_SUBHEADING, 0, _("Notes"));
  for (guint i = 0; i < entry->claims->len; i++)
    emit_note (w, report, g_ptr_array_index (entry->claims, i));

  if (report->options.include_findings &&
      g_list_model_get_n_items (vera_article_get_findings (article)) > 0)
    {
      GListModel *findings = vera_article_get_findings (article);

      emit_text (w, STYLE_SUBHEADING, 0, _("Flagged text"));
      for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
        {
          g_autoptr(VeraFinding) finding = g_list_model_get_item (findings, i);

          g_string_append (markup, "<b>⚠ ");
          append_escaped (markup, vera_finding_kind_get_label (vera_finding_get_kind (finding)));
          g_string_append (markup, "</b> ");
          vera_report_append_printf (markup, append_escaped, "%s — “%s”",
                                     vera_finding_get_message (finding),
                                     vera_finding_get_text (finding));
          emit_paragraph (w, STYLE_BODY, 14, markup);
        }
    }
  w->language = NULL;
}

static void
emit_conflicts (Writer     *w,
                VeraReport *report)
{
  page_break (w);
  emit_text (w, STYLE_HEADING, 0, _("Conflicts"));
  if (report->conflicts->len == 0)
    emit_text (w, STYLE_BODY, 0, _("No conflicts between articles."));
  for (guint i = 0; i < report->conflicts->len; i++)
    {
      VeraReportConflict *entry = g_ptr_array_index (report->conflicts, i);
      g_autoptr(GPtrArray) heads = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) markup = g_string_new (NULL);

      append_escaped (markup, vera_conflict_get_topic (entry->conflict));
      g_string_append (markup, " <span weight=\"normal\" size=\"smaller\">(");
      append_escaped (markup,
                      vera_report_conflict_label (vera_conflict_get_kind (entry->conflict)));
      g_string_append (markup, ")</span>");
      emit_paragraph (w, STYLE_SUBHEADING, 0, markup);

      for (guint m = 0; m < entry->members->len; m++)
        {
          VeraReportMember *member = &g_array_index (entry->members, VeraReportMember, m);
          GString *head = g_string_new ("<b>");
          GString *value = g_string_new ("<b>");

          append_escaped (head, member->article != NULL
                                      ? vera_report_article_title (member->article)
                                      : member->claim_id);
          g_string_append (head, "</b>");
          append_escaped (value, member->value);
          g_string_append (value, "</b>");
          if (member->claim != NULL)
            {
              g_string_append (value, "\n<span size=\"smaller\">");
              append_escaped (value, vera_claim_get_text (member->claim));
              g_string_append (value, "</span>");
              if (member->number > 0)
                g_string_append_printf (value, "<sup>%u</sup>", member->number);
            }
          g_ptr_array_add (heads, g_string_free (head, FALSE));
          g_ptr_array_add (values, g_string_free (value, FALSE));
        }
      add_row (w, heads, TRUE);
      add_row (w, values, FALSE);
    }
}

static void
emit_report (Writer     *w,
             VeraReport *report)
{
  w->page = 1;
  w->y = CONTENT_TOP;
  w->page_empty = TRUE;
  emit_summary (w, report);
  for (guint i = 0; i < report->articles->len; i++)
    emit_article (w, report, g_ptr_array_index (report->articles, i));
  if (report->options.include_conflicts)
    emit_conflicts (w, report);
  finish_page (w);
}

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
vera_export_pdf (VeraReport    *report,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = g_strdup_printf (_("Fact-check report: %s"), report->title);
  g_autofree char *clean_title = vera_report_clean_text (title);
  g_autofree char *date = vera_report_dup_iso_now (report);
  cairo_surface_t *surface;
  cairo_status_t status;
  Writer w = { 0 };

  surface = cairo_pdf_surface_create_for_stream (write_cb, bytes, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, clean_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vera " PACKAGE_VERSION);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  if (report->reviewer != NULL)
    {
      g_autofree char *author = vera_report_clean_text (report->reviewer);

      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
    }

  w.cr = cairo_create (surface);
  w.context = pango_cairo_create_context (w.cr);
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      w.fonts[i] = pango_font_description_from_string (FONT_FAMILIES);
      pango_font_description_set_size (w.fonts[i], (int) (styles[i].size * PANGO_SCALE));
      pango_font_description_set_weight (w.fonts[i], styles[i].weight);
    }

  /* Pass one counts the pages, pass two draws them. */
  w.drawing = FALSE;
  emit_report (&w, report);
  if (!g_cancellable_is_cancelled (cancellable))
    {
      w.n_pages = w.page;
      w.drawing = TRUE;
      emit_report (&w, report);
    }

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    pango_font_description_free (w.fonts[i]);
  g_object_unref (w.context);
  cairo_destroy (w.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, VERA_EXPORT_ERROR, VERA_EXPORT_ERROR_RENDER,
                   _("Could not render the PDF report: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
