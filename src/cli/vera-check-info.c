/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-check"

#include "config.h"

#include <glib/gi18n.h>

#include "vera-article.h"
#include "vera-check-commands.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-finding.h"
#include "vera-project.h"
#include "vera-project-io.h"
#include "vera-vocabulary.h"

/* The article's language tag, "und" when it has none. */
static const char *
language_of (VeraArticle *article)
{
  const char *language = vera_article_get_language (article);

  return language != NULL && *language != '\0' ? language : "und";
}

static void
print_json (VeraProject *project,
            guint       *by_status,
            guint        n_findings)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GHashTable) languages = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  GListModel *articles = vera_project_get_articles (project);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "articles");
  json_builder_add_int_value (b, g_list_model_get_n_items (articles));
  json_builder_set_member_name (b, "claims");
  json_builder_add_int_value (b, vera_project_get_n_claims (project));
  json_builder_set_member_name (b, "by_status");
  json_builder_begin_object (b);
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    {
      json_builder_set_member_name (b, vera_status_to_string (s));
      json_builder_add_int_value (b, by_status[s]);
    }
  json_builder_end_object (b);
  /* How many articles are in each language. */
  json_builder_set_member_name (b, "languages");
  json_builder_begin_object (b);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      const char *tag = language_of (article);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (languages, tag)) + 1;

      if (n == 1)
        g_ptr_array_add (order, (gpointer) g_intern_string (tag));
      g_hash_table_insert (languages, (gpointer) g_intern_string (tag), GUINT_TO_POINTER (n));
    }
  for (guint i = 0; i < order->len; i++)
    {
      json_builder_set_member_name (b, g_ptr_array_index (order, i));
      json_builder_add_int_value (b, GPOINTER_TO_UINT (g_hash_table_lookup (languages,
                                                         g_ptr_array_index (order, i))));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "findings");
  json_builder_add_int_value (b, n_findings);
  json_builder_set_member_name (b, "conflicts");
  json_builder_add_int_value (b, g_list_model_get_n_items (vera_project_get_conflicts (project)));
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  out = json_generator_to_data (gen, NULL);
  g_print ("%s\n", out);
}

int
vera_check_info (int    argc,
                 char **argv)
{
  gboolean json = FALSE;
  int max_size_mb = G_MININT;   /* not given */
  gsize max_size = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the summary as JSON"), NULL },
    { "max-size", 0, 0, G_OPTION_ARG_INT, &max_size_mb,
      N_("Refuse projects larger than this many megabytes (default 1024)"), N_("MB") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("PROJECT.vera"));
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraProject) project = NULL;
  GListModel *articles;
  GListModel *conflicts;
  guint by_status[VERA_N_STATUSES] = { 0 };
  guint n_findings = 0;

  g_option_context_set_summary (context, _("Summarise a project: articles, claims by status, "
                                           "findings and conflicts."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!vera_check_parse_options (context, &argc, &argv))
    return VERA_CHECK_EXIT_USAGE;
  if (argc != 2)
    {
      vera_check_error (_("info needs exactly one project file (try “vera-check info --help”)"));
      return VERA_CHECK_EXIT_USAGE;
    }

  if (!vera_check_check_max_size ("--max-size", max_size_mb != G_MININT, max_size_mb, &max_size))
    return VERA_CHECK_EXIT_USAGE;

  file = g_file_new_for_commandline_arg (argv[1]);
  project = vera_project_load_full (file, max_size, NULL, &error);
  if (project == NULL)
    {
      if (g_error_matches (error, VERA_PROJECT_ERROR, VERA_PROJECT_ERROR_TOO_LARGE))
        /* Translators: the first %s is a message saying the file is too large. */
        vera_check_error (_("%s (or raise the limit with --max-size)"), error->message);
      else
        vera_check_error ("%s", error->message);
      return VERA_CHECK_EXIT_INPUT;
    }

  articles = vera_project_get_articles (project);
  conflicts = vera_project_get_conflicts (project);
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      GListModel *claims = vera_article_get_claims (article);

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, j);
          by_status[vera_claim_get_status (claim)]++;
        }
      n_findings += g_list_model_get_n_items (vera_article_get_findings (article));
    }

  if (json)
    {
      print_json (project, by_status, n_findings);
      return VERA_CHECK_EXIT_OK;
    }

  g_print (_("Articles: %u\n"), g_list_model_get_n_items (articles));
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      const char *title = vera_article_get_title (article);
      g_autofree char *id = NULL;
      g_autofree char *printable_title = NULL;
      g_autofree char *language = NULL;

      if (title == NULL)
        title = vera_article_get_source (article);
      if (title == NULL)
        title = "";
      id = vera_check_dup_printable (vera_article_get_id (article));
      printable_title = vera_check_dup_printable (title);
      language = vera_check_dup_printable (language_of (article));

      /* Titles, ids and tags come from pages and files: printable text only. */
      g_print (_("  %s  %s — language: %s, claims: %u, reviewed: %u\n"),
               id, printable_title, language,
               vera_article_get_n_claims (article), vera_article_get_n_reviewed (article));
    }
  g_print (_("Claims: %u\n"), vera_project_get_n_claims (project));
  for (guint s = 0; s < VERA_N_STATUSES; s++)
    if (by_status[s] > 0)
      g_print ("  %-18s %u\n", vera_status_to_string (s), by_status[s]);
  g_print (_("Findings: %u\n"), n_findings);
  g_print (_("Conflicts: %u\n"), g_list_model_get_n_items (conflicts));
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(VeraConflict) conflict = g_list_model_get_item (conflicts, i);

      g_autofree char *id = vera_check_dup_printable (vera_conflict_get_id (conflict));
      g_autofree char *topic = vera_check_dup_printable (vera_conflict_get_topic (conflict));

      g_print ("  %s  %s (%s):", id, topic,
               vera_conflict_kind_to_string (vera_conflict_get_kind (conflict)));
      for (guint m = 0; m < vera_conflict_get_n_members (conflict); m++)
        {
          g_autofree char *claim_id = vera_check_dup_printable (vera_conflict_get_claim_id (conflict,
                                                                                          m));
          g_autofree char *value = vera_check_dup_printable (vera_conflict_get_value (conflict, m)
                                                               ? vera_conflict_get_value (conflict, m)
                                                               : "?");

          g_print (" %s=%s", claim_id, value);
        }
      g_print ("\n");
    }
  return VERA_CHECK_EXIT_OK;
}
