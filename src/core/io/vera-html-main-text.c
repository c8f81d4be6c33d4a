/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-import"

#include "config.h"

#include <string.h>

#include "vera-html-dom.h"
#include "vera-html-main-text.h"

/* The main-content finder follows the published heuristics of reader modes (Arc90's
 * Readability and its descendants): paragraphs vote for their ancestors by length and commas,
 * class and id names nudge the votes, link-heavy blocks lose them, and the best block is
 * widened to the siblings that look like more of the same article. */

#define MIN_PARAGRAPH_CHARS 25   /* shorter blocks do not vote */
#define MIN_ARTICLE_CHARS 500    /* shorter results make the finder try again, less strictly */
#define N_TOP_CANDIDATES 5
#define ANCESTOR_LEVELS 5

int
vera_html_class_weight (VeraHtmlScorer *scorer,
                        xmlNode        *node)
{
  const char *attrs[] = { "class", "id" };
  int weight = 0;

  if (!(scorer->flags & VERA_HTML_WEIGHT_CLASSES))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (attrs); i++)
    {
      g_autofree char *value = vera_html_dup_attr (node, attrs[i]);

      if (value == NULL || *value == '\0')
        continue;
      if (g_regex_match (scorer->negative, value, 0, NULL))
        weight -= 25;
      if (g_regex_match (scorer->positive, value, 0, NULL))
        weight += 25;
    }
  return weight;
}

double
vera_html_score (VeraHtmlScorer *scorer,
                 xmlNode        *node)
{
  double *score = g_hash_table_lookup (scorer->scores, node);

  return score != NULL ? *score : 0;
}

static const char * const minus_tags[] = { "address", "ol", "ul", "dl", "dd", "dt", "li",
                                           "form" };

static double *
initialize (VeraHtmlScorer *scorer,
            xmlNode        *node)
{
  double *score = g_new0 (double, 1);
  const char *name = (const char *) node->name;

  if (vera_html_is (node, "div"))
    *score = 5;
  else if (vera_html_is (node, "pre") || vera_html_is (node, "td")
           || vera_html_is (node, "blockquote"))
    *score = 3;
  else if (vera_html_is_any (node, minus_tags, G_N_ELEMENTS (minus_tags)))
    *score = -3;
  else if (vera_html_is_heading (node) || g_strcmp0 (name, "th") == 0)
    *score = -5;
  *score += vera_html_class_weight (scorer, node);
  g_hash_table_insert (scorer->scores, node, score);
  return score;
}
/* Each voter gives its ancestors points for its length and commas, less the further up. */
static GPtrArray *
vote (VeraHtmlScorer *scorer,
      GPtrArray      *voters)
{
  GPtrArray *candidates = g_ptr_array_new ();

  for (guint i = 0; i < voters->len; i++)
    {
      xmlNode *voter = voters->pdata[i];
      g_autofree char *text = NULL;
      glong len;
      double points;
      xmlNode *a = voter->parent;

      if (a == NULL || a->type != XML_ELEMENT_NODE)
        continue;
      text = vera_html_inner_text (voter);
      len = g_utf8_strlen (text, -1);
      if (len < MIN_PARAGRAPH_CHARS)
        continue;
      points = 2 + vera_html_count_commas (text) + MIN (len / 100, 3);

      for (guint level = 0; level < ANCESTOR_LEVELS && a != NULL; level++, a = a->parent)
        {
          double *score;

          if (a->type != XML_ELEMENT_NODE || a->parent == NULL
              || a->parent->type != XML_ELEMENT_NODE)
            break;
          score = g_hash_table_lookup (scorer->scores, a);
          if (score == NULL)
            {
              score = initialize (scorer, a);
              g_ptr_array_add (candidates, a);
            }
          *score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
        }
    }
  return candidates;
}

static int
compare_scores (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  double sa = vera_html_score (user_data, *(xmlNode **) a);
  double sb = vera_html_score (user_data, *(xmlNode **) b);

  return sa < sb ? 1 : sa > sb ? -1 : 0;
}

static gboolean
is_inside_body (xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && !vera_html_is (node, "body")
         && !vera_html_is (node, "html");
}

/* When several strong candidates share an ancestor, the article is that ancestor. */
static xmlNode *
common_ancestor (VeraHtmlScorer *scorer,
                 GPtrArray      *top,
                 xmlNode        *best)
{
  double best_score = vera_html_score (scorer, best);
  guint n_alternatives = 0;

  for (guint i = 1; i < top->len; i++)
    if (vera_html_score (scorer, top->pdata[i]) / best_score >= 0.75)
      n_alternatives++;
  if (n_alternatives < 3)
    return best;

  for (xmlNode *parent = best->parent; is_inside_body (parent); parent = parent->parent)
    {
      guint holders = 0;

      for (guint i = 1; i < top->len; i++)
        {
          xmlNode *alt = top->pdata[i];

          if (vera_html_score (scorer, alt) / best_score < 0.75)
            continue;
          for (xmlNode *a = alt->parent; a != NULL; a = a->parent)
            if (a == parent)
              {
                holders++;
                break;
              }
        }
      if (holders >= 3)
        return parent;
    }
  return best;
}

static xmlNode *
pick_top (VeraHtmlScorer *scorer,
          GPtrArray      *candidates)
{
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  xmlNode *best;
  double last;

  for (guint i = 0; i < candidates->len; i++)
    {
      xmlNode *c = candidates->pdata[i];
      double *score = g_hash_table_lookup (scorer->scores, c);

      *score *= 1 - vera_html_link_density (c);
    }
  g_ptr_array_sort_with_data (candidates, compare_scores, scorer);
  for (guint i = 0; i < candidates->len && i < N_TOP_CANDIDATES; i++)
    g_ptr_array_add (top, candidates->pdata[i]);
  if (top->len == 0 || !is_inside_body (top->pdata[0]))
    return NULL;

  best = common_ancestor (scorer, top, top->pdata[0]);
  if (!g_hash_table_contains (scorer->scores, best))
    initialize (scorer, best);

  /* Climb while the parents keep a fair share of the score: the article may be split into
   * several scored blocks under one parent. */
  last = vera_html_score (scorer, best);
  for (xmlNode *parent = best->parent; is_inside_body (parent); parent = parent->parent)
    {
      double score;

      if (!g_hash_table_contains (scorer->scores, parent))
        continue;
      score = vera_html_score (scorer, parent);
      if (score < vera_html_score (scorer, best) / 3)
        break;
      if (score > last)
        {
          best = parent;
          break;
        }
      last = score;
    }

  while (is_inside_body (best->parent) && vera_html_count_elements (best->parent) == 1)
    best = best->parent;
  if (!g_hash_table_contains (scorer->scores, best))
    initialize (scorer, best);
  return best;
}

static gboolean
ends_sentence (const char *text)
{
  const char *dot = strstr (text, ". ");

  return dot != NULL || g_str_has_suffix (text, ".");
}

/* The best block and those of its siblings that score well or read like paragraphs. */
static GPtrArray *
gather_article (VeraHtmlScorer *scorer,
                xmlNode        *best)
{
  GPtrArray *article = g_ptr_array_new ();
  double best_score = vera_html_score (scorer, best);
  double threshold = MAX (10, best_score * 0.2);
  g_autofree char *best_class = vera_html_dup_attr (best, "class");

  for (xmlNode *s = vera_html_first_element (best->parent); s != NULL;
       s = vera_html_next_element (s))
    {
      gboolean keep = s == best;

      if (!keep && g_hash_table_contains (scorer->scores, s))
        {
          g_autofree char *cls = vera_html_dup_attr (s, "class");
          double bonus = best_class != NULL && *best_class != '\0'
                         && g_strcmp0 (cls, best_class) == 0 ? best_score * 0.2 : 0;

          keep = vera_html_score (scorer, s) + bonus >= threshold;
        }
      if (!keep && vera_html_is (s, "p"))
        {
          g_autofree char *text = vera_html_inner_text (s);
          glong len = g_utf8_strlen (text, -1);
          double density = vera_html_link_density (s);

          keep = (len > 80 && density < 0.25)
                 || (len > 0 && len <= 80 && density == 0 && ends_sentence (text));
        }
      if (keep)
        g_ptr_array_add (article, s);
    }
  return article;
}

static xmlNode *
find_body (xmlDoc *doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);

  for (xmlNode *n = root; n != NULL; n = vera_html_next_node (n, root, FALSE))
    if (vera_html_is (n, "body"))
      return n;
  return root;
}

static char *
extract (VeraHtmlScorer *scorer,
         xmlDoc         *doc,
         const char     *title)
{
  xmlNode *body = find_body (doc);
  g_autoptr(GPtrArray) voters = NULL;
  g_autoptr(GPtrArray) candidates = NULL;
  g_autoptr(GPtrArray) article = NULL;
  xmlNode *best;

  if (body == NULL)
    return g_strdup ("");
  voters = vera_html_collect_voters (scorer, body, title);
  candidates = vote (scorer, voters);
  best = pick_top (scorer, candidates);
  if (best != NULL)
    article = gather_article (scorer, best);
  else
    {
      article = g_ptr_array_new ();
      g_ptr_array_add (article, body);
    }
  vera_html_clean_article (scorer, article);
  return vera_html_render_text (article);
}

static GRegex *
regex (const char *pattern)
{
  GRegex *re = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, NULL);

  g_assert (re != NULL);
  return re;
}

char *
vera_html_main_text (xmlDoc     *doc,
                     const char *title)
{
  static const VeraHtmlFlags attempts[] = {
    VERA_HTML_STRIP_UNLIKELY | VERA_HTML_WEIGHT_CLASSES | VERA_HTML_CLEAN_CONDITIONALLY,
    VERA_HTML_WEIGHT_CLASSES | VERA_HTML_CLEAN_CONDITIONALLY,
    VERA_HTML_CLEAN_CONDITIONALLY,
    0,
  };
  VeraHtmlScorer scorer = { 0 };
  xmlDoc *prepared;
  char *best = NULL;
  glong best_len = -1;

  g_return_val_if_fail (doc != NULL, NULL);

  prepared = xmlCopyDoc (doc, 1);
  if (prepared == NULL || xmlDocGetRootElement (prepared) == NULL)
    {
      g_clear_pointer (&prepared, xmlFreeDoc);
      return g_strdup ("");
    }
  vera_html_prepare (xmlDocGetRootElement (prepared));

  scorer.positive = regex ("article|body|content|entry|hentry|h-entry|main|page|pagination|post"
                           "|text|blog|story");
  scorer.negative = regex ("-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-"
                           "|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain"
                           "|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor"
                           "|shopping|tags|tool|widget");
  scorer.unlikely = regex ("-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap"
                           "|disqus|extra|footer|gdpr|header|legends|menu|related|remark"
                           "|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor"
                           "|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote");
  scorer.maybe = regex ("and|article|body|column|content|main|shadow");
  scorer.byline = regex ("byline|author|dateline|writtenby|p-author");
  scorer.share = regex ("(\\b|_)(share|sharedaddy)(\\b|_)");

  for (guint i = 0; i < G_N_ELEMENTS (attempts); i++)
    {
      xmlDoc *copy = xmlCopyDoc (prepared, 1);
      char *text;
      glong len;

      scorer.flags = attempts[i];
      scorer.scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      text = extract (&scorer, copy, title);
      g_clear_pointer (&scorer.scores, g_hash_table_unref);
      xmlFreeDoc (copy);

      len = g_utf8_strlen (text, -1);
      if (len > best_len)
        {
          g_free (best);
          best = text;
          best_len = len;
        }
      else
        g_free (text);
      if (best_len >= MIN_ARTICLE_CHARS)
        break;
    }

  g_regex_unref (scorer.positive);
  g_regex_unref (scorer.negative);
  g_regex_unref (scorer.unlikely);
  g_regex_unref (scorer.maybe);
  g_regex_unref (scorer.byline);
  g_regex_unref (scorer.share);
  xmlFreeDoc (prepared);
  return best;
}
