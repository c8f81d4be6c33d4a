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

static const char * const scored_tags[] = { "section", "h2", "h3", "h4", "h5", "h6", "p", "td",
                                            "pre" };
static const char * const block_tags[] = { "blockquote", "dl", "div", "img", "ol", "p", "pre",
                                           "table", "ul" };
static const char * const phrasing_tags[] = {
  "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "dfn", "em", "font", "i", "img",
  "kbd", "label", "mark", "q", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub",
  "sup", "time", "tt", "u", "var", "wbr",
};
static const char * const unlikely_roles[] = { "menu", "menubar", "complementary", "navigation",
                                               "alert", "alertdialog", "dialog" };

static gboolean
is_any (xmlNode            *node,
        const char * const *tags,
        guint               n_tags)
{
  for (guint i = 0; i < n_tags; i++)
    if (vera_html_is (node, tags[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_whitespace (xmlNode *node)
{
  if (node->type != XML_TEXT_NODE)
    return FALSE;
  for (const char *p = (const char *) node->content; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static char *
match_string (xmlNode *node)
{
  g_autofree char *cls = vera_html_dup_attr (node, "class");
  g_autofree char *id = vera_html_dup_attr (node, "id");

  return g_strconcat (cls ? cls : "", " ", id ? id : "", NULL);
}

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
  else if (is_any (node, (const char *[]) { "address", "ol", "ul", "dl", "dd", "dt", "li",
                                            "form" }, 8))
    *score = -3;
  else if (vera_html_is_heading (node) || g_strcmp0 (name, "th") == 0)
    *score = -5;
  *score += vera_html_class_weight (scorer, node);
  g_hash_table_insert (scorer->scores, node, score);
  return score;
}

static gboolean
is_phrasing (xmlNode *node)
{
  if (node->type == XML_TEXT_NODE)
    return TRUE;
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;
  if (is_any (node, phrasing_tags, G_N_ELEMENTS (phrasing_tags)))
    return TRUE;
  if (vera_html_is (node, "a") || vera_html_is (node, "del") || vera_html_is (node, "ins"))
    {
      for (xmlNode *c = node->children; c != NULL; c = c->next)
        if (!is_phrasing (c))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

static gboolean
has_block_child (xmlNode *node)
{
  for (xmlNode *n = node->children; n != NULL; n = vera_html_next_node (n, node, FALSE))
    if (is_any (n, block_tags, G_N_ELEMENTS (block_tags)))
      return TRUE;
  return FALSE;
}

/* Runs of text and inline elements directly inside a <div> become paragraphs of their own. */
static void
wrap_phrasing (xmlNode *div)
{
  xmlNode *p = NULL;
  xmlNode *child = div->children;

  while (child != NULL)
    {
      xmlNode *next = child->next;

      if (is_phrasing (child))
        {
          if (p == NULL && !is_whitespace (child))
            {
              p = xmlNewNode (NULL, (const xmlChar *) "p");
              xmlAddPrevSibling (child, p);
            }
          if (p != NULL)
            {
              xmlUnlinkNode (child);
              xmlAddChild (p, child);
            }
        }
      else
        p = NULL;
      child = next;
    }
}

static gboolean
single_paragraph_child (xmlNode *node)
{
  xmlNode *only = NULL;

  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE && !is_whitespace (c))
        return FALSE;
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (only != NULL)
        return FALSE;
      only = c;
    }
  return only != NULL && vera_html_is (only, "p");
}

/* Token overlap of a heading with the title: above 0.75 it only repeats the title. */
static gboolean
repeats_title (xmlNode    *node,
               const char *title)
{
  g_autofree char *text = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (title == NULL || !(vera_html_is (node, "h1") || vera_html_is (node, "h2")))
    return FALSE;
  text = vera_html_inner_text (node);
  a = g_utf8_casefold (text, -1);
  b = g_utf8_casefold (title, -1);
  if (*a == '\0')
    return FALSE;
  return strcmp (a, b) == 0
         || (strstr (b, a) != NULL && g_utf8_strlen (a, -1) * 4 >= g_utf8_strlen (b, -1) * 3);
}

static gboolean
is_byline (VeraHtmlScorer *scorer,
           xmlNode        *node,
           const char     *match)
{
  g_autofree char *rel = vera_html_dup_attr (node, "rel");
  g_autofree char *itemprop = vera_html_dup_attr (node, "itemprop");

  if (!((rel != NULL && strcmp (rel, "author") == 0)
        || (itemprop != NULL && strstr (itemprop, "author") != NULL)
        || g_regex_match (scorer->byline, match, 0, NULL)))
    return FALSE;
  return vera_html_text_length (node) > 0 && vera_html_text_length (node) < 100;
}

static gboolean
is_any_role (const char *role)
{
  for (guint i = 0; i < G_N_ELEMENTS (unlikely_roles); i++)
    if (g_ascii_strcasecmp (role, unlikely_roles[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_unlikely (VeraHtmlScorer *scorer,
             xmlNode        *node,
             const char     *match)
{
  g_autofree char *role = NULL;

  if (!(scorer->flags & VERA_HTML_STRIP_UNLIKELY))
    return FALSE;
  if (g_regex_match (scorer->unlikely, match, 0, NULL)
      && !g_regex_match (scorer->maybe, match, 0, NULL)
      && !vera_html_has_ancestor (node, "table", 0) && !vera_html_has_ancestor (node, "code", 0)
      && !vera_html_is (node, "body") && !vera_html_is (node, "a"))
    return TRUE;
  role = vera_html_dup_attr (node, "role");
  return role != NULL && is_any_role (role);
}

static gboolean
is_empty_block (xmlNode *node)
{
  if (!(vera_html_is (node, "div") || vera_html_is (node, "section")
        || vera_html_is (node, "header") || vera_html_is_heading (node)))
    return FALSE;
  if (vera_html_text_length (node) > 0)
    return FALSE;
  for (xmlNode *c = vera_html_first_element (node); c != NULL; c = vera_html_next_element (c))
    if (!vera_html_is (c, "br") && !vera_html_is (c, "hr"))
      return FALSE;
  return TRUE;
}

/* Walks the page once: drops the byline, a heading that repeats the title and, when asked,
 * blocks named like boilerplate; turns text-only <div>s into paragraphs; returns the elements
 * that vote. */
static GPtrArray *
collect_voters (VeraHtmlScorer *scorer,
                xmlNode        *root,
                const char     *title)
{
  GPtrArray *voters = g_ptr_array_new ();
  gboolean byline_seen = FALSE;
  gboolean title_seen = FALSE;
  xmlNode *n = root;

  while (n != NULL)
    {
      g_autofree char *match = NULL;
      gboolean drop = FALSE;

      if (n->type != XML_ELEMENT_NODE)
        {
          n = vera_html_next_node (n, root, FALSE);
          continue;
        }
      match = match_string (n);
      if (n != root)
        {
          if (!byline_seen && is_byline (scorer, n, match))
            drop = byline_seen = TRUE;
          else if (!title_seen && repeats_title (n, title))
            drop = title_seen = TRUE;
          else
            drop = is_unlikely (scorer, n, match) || is_empty_block (n);
        }
      if (drop)
        {
          xmlNode *next = vera_html_next_node (n, root, TRUE);

          vera_html_remove (n);
          n = next;
          continue;
        }

      if (is_any (n, scored_tags, G_N_ELEMENTS (scored_tags)))
        g_ptr_array_add (voters, n);
      else if (vera_html_is (n, "div"))
        {
          wrap_phrasing (n);
          if (single_paragraph_child (n) && vera_html_link_density (n) < 0.25)
            {
              xmlNode *p = vera_html_first_element (n);

              xmlUnlinkNode (p);
              xmlReplaceNode (n, p);
              xmlFreeNode (n);
              n = p;
              g_ptr_array_add (voters, n);
            }
          else if (!has_block_child (n))
            {
              xmlNodeSetName (n, (const xmlChar *) "p");
              g_ptr_array_add (voters, n);
            }
        }
      n = vera_html_next_node (n, root, FALSE);
    }
  return voters;
}

static guint
count_commas_in (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == 0x060C || c == 0xFF0C || c == 0x3001)
        n++;
    }
  return n;
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
      points = 2 + count_commas_in (text) + MIN (len / 100, 3);

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
  voters = collect_voters (scorer, body, title);
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
