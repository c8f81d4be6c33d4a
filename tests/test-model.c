/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-model"

#include "config.h"

#include "vera-article.h"
#include "vera-claim.h"
#include "vera-conflict.h"
#include "vera-finding.h"
#include "vera-project.h"
#include "vera-reference.h"
#include "vera-test-util.h"
#include "vera-vocabulary.h"

static VeraProject *
make_project (VeraClaim **out_claim)
{
  VeraProject *project = vera_project_new ();
  g_autoptr(VeraArticle) article = vera_article_new ("a1", "test.txt",
                                                     "Prices rose 5% in 2024. 上海 grew fast.");
  g_autoptr(VeraClaim) claim = vera_claim_new ("a1-c1", 0, 23, "Prices rose 5% in 2024.");

  vera_article_add_claim (article, claim);
  g_assert_true (vera_project_add_article (project, article, NULL));
  vera_project_mark_saved (project);
  *out_claim = claim;
  return project;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
count_changed_cb (VeraProject *project,
                  guint       *count)
{
  (*count)++;
}

static void
test_vocabulary (void)
{
  VeraStatus status;
  VeraClaimKind kind;
  const char *alternate;
  g_auto(GStrv) kinds = NULL;

  g_assert_cmpstr (vera_status_to_string (VERA_STATUS_PARTLY_SUPPORTED), ==, "partly-supported");
  g_assert_cmpstr (vera_status_to_string (VERA_STATUS_NOT_A_CLAIM), ==, "not-a-claim");
  g_assert_true (vera_status_from_string ("in-progress", &status));
  g_assert_cmpint (status, ==, VERA_STATUS_IN_PROGRESS);
  g_assert_false (vera_status_from_string ("maybe", &status));
  g_assert_cmpint (vera_status_get_rating (VERA_STATUS_SUPPORTED, &alternate), ==, 5);
  g_assert_cmpstr (alternate, ==, "True");
  g_assert_cmpint (vera_status_get_rating (VERA_STATUS_CONTRADICTED, NULL), ==, 1);
  g_assert_false (vera_status_is_verdict (VERA_STATUS_UNREVIEWED));

  g_assert_true (vera_claim_kind_from_string ("causal", &kind));
  g_assert_cmpint (kind, ==, VERA_CLAIM_KIND_CAUSAL);
  kinds = vera_claim_kinds_to_strv (VERA_CLAIM_KIND_QUOTE | VERA_CLAIM_KIND_QUANTITY);
  g_assert_cmpuint (g_strv_length (kinds), ==, 2);
  g_assert_cmpstr (kinds[0], ==, "quantity");
  g_assert_cmpstr (kinds[1], ==, "quote");
  g_assert_cmpstr (vera_finding_kind_to_string (VERA_FINDING_KIND_INJECTED_TEXT), ==,
                   "injected-text");
  g_assert_cmpstr (vera_conflict_kind_to_string (VERA_CONFLICT_KIND_PERSON), ==, "person");
}

static void
test_article_offsets (void)
{
  g_autoptr(VeraArticle) article = NULL;
  g_autofree char *slice = NULL;
  GString *text = g_string_new (NULL);

  /* Mixed one-, two-, three- and four-byte characters over several index strides. */
  for (guint i = 0; i < 100; i++)
    g_string_append (text, "aé上😀");
  article = vera_article_new ("a1", NULL, text->str);
  g_assert_cmpuint (vera_article_get_n_chars (article), ==, 400);
  g_assert_cmpuint (vera_article_char_to_byte (article, 0), ==, 0);
  g_assert_cmpuint (vera_article_char_to_byte (article, 2), ==, 3);
  g_assert_cmpuint (vera_article_char_to_byte (article, 4), ==, 10);
  g_assert_cmpuint (vera_article_char_to_byte (article, 400), ==, text->len);
  for (guint c = 0; c <= 400; c += 7)
    g_assert_cmpuint (vera_article_byte_to_char (article, vera_article_char_to_byte (article, c)),
                      ==, c);
  slice = vera_article_dup_slice (article, 397, 400);
  g_assert_cmpstr (slice, ==, "é上😀");
  g_string_free (text, TRUE);
  g_assert_finalize_object (g_steal_pointer (&article));
}

static void
test_notifications (void)
{
  VeraClaim *claim;
  g_autoptr(VeraProject) project = make_project (&claim);
  g_autoptr(VeraArticle) article = g_list_model_get_item (vera_project_get_articles (project), 0);
  guint status_notifies = 0;
  guint reviewed_notifies = 0;

  g_signal_connect (claim, "notify::status", G_CALLBACK (count_notify_cb), &status_notifies);
  g_signal_connect (article, "notify::n-reviewed", G_CALLBACK (count_notify_cb),
                    &reviewed_notifies);

  vera_claim_set_status (claim, VERA_STATUS_SUPPORTED);
  vera_claim_set_status (claim, VERA_STATUS_SUPPORTED);
  g_assert_cmpuint (status_notifies, ==, 1);
  g_assert_cmpuint (reviewed_notifies, ==, 1);
  g_assert_cmpuint (vera_article_get_n_reviewed (article), ==, 1);
  vera_claim_set_status (claim, VERA_STATUS_IN_PROGRESS);
  g_assert_cmpuint (vera_article_get_n_reviewed (article), ==, 0);
  g_assert_true (vera_claim_get_article (claim) == article);
  g_assert_true (vera_project_find_claim (project, "a1-c1") == claim);
  g_assert_null (vera_project_find_claim (project, "nope"));
}

/* Setting a string property from a pointer into its current value must copy before freeing. */
static void
test_set_from_own_value (void)
{
  g_autoptr(VeraArticle) article = vera_article_new ("a1", NULL, "Text.");
  g_autoptr(VeraClaim) claim = vera_claim_new ("a1-c1", 0, 5, "Text.");
  g_autoptr(VeraReference) ref = vera_reference_new ("https://example.org/a");

  vera_article_set_title (article, "A title");
  vera_article_set_title (article, vera_article_get_title (article) + 2);
  g_assert_cmpstr (vera_article_get_title (article), ==, "title");
  vera_claim_set_reviewer (claim, "Ana Ruiz");
  vera_claim_set_reviewer (claim, vera_claim_get_reviewer (claim) + 4);
  g_assert_cmpstr (vera_claim_get_reviewer (claim), ==, "Ruiz");
  vera_reference_set_field (ref, VERA_REFERENCE_TITLE, "The title");
  vera_reference_set_field (ref, VERA_REFERENCE_TITLE,
                            vera_reference_get_field (ref, VERA_REFERENCE_TITLE) + 4);
  g_assert_cmpstr (vera_reference_get_field (ref, VERA_REFERENCE_TITLE), ==, "title");
}

static void
test_undo_redo (void)
{
  VeraClaim *claim;
  g_autoptr(VeraProject) project = make_project (&claim);
  g_autoptr(VeraReference) ref = vera_reference_new ("https://example.org/a");

  vera_project_set_reviewer (project, "Ana");
  g_assert_false (vera_project_get_dirty (project));
  g_assert_false (vera_project_get_can_undo (project));

  vera_project_set_claim_status (project, claim, VERA_STATUS_CONTRADICTED);
  g_assert_true (vera_project_get_dirty (project));
  g_assert_cmpstr (vera_claim_get_reviewer (claim), ==, "Ana");
  g_assert_nonnull (vera_claim_get_modified (claim));

  /* Consecutive edits of one note are one undo step. */
  vera_project_set_claim_note (project, claim, "S");
  vera_project_set_claim_note (project, claim, "Source says 4%");
  vera_project_add_reference (project, claim, ref);
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 1);

  g_assert_true (vera_project_undo (project) == claim);
  g_assert_cmpuint (g_list_model_get_n_items (vera_claim_get_references (claim)), ==, 0);
  vera_project_undo (project);
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "");
  vera_project_undo (project);
  g_assert_cmpint (vera_claim_get_status (claim), ==, VERA_STATUS_UNREVIEWED);
  g_assert_null (vera_claim_get_reviewer (claim));
  g_assert_false (vera_project_get_dirty (project));
  g_assert_false (vera_project_get_can_undo (project));
  g_assert_null (vera_project_undo (project));

  vera_project_redo (project);
  vera_project_redo (project);
  g_assert_cmpint (vera_claim_get_status (claim), ==, VERA_STATUS_CONTRADICTED);
  g_assert_cmpstr (vera_claim_get_note (claim), ==, "Source says 4%");
  g_assert_true (vera_project_get_can_redo (project));

  /* A new action drops the redo branch. */
  vera_project_mark_not_a_claim (project, claim);
  g_assert_false (vera_project_get_can_redo (project));
  g_assert_cmpint (vera_claim_get_status (claim), ==, VERA_STATUS_NOT_A_CLAIM);

  vera_project_remove_reference (project, claim, ref); /* not attached: no action */
  g_assert_cmpstr (vera_project_get_undo_label (project), ==, "Set status");

  vera_project_mark_saved (project);
  g_assert_false (vera_project_get_dirty (project));
  vera_project_undo (project);
  g_assert_true (vera_project_get_dirty (project));
}

static void
test_changed_signal (void)
{
  VeraClaim *claim;
  g_autoptr(VeraProject) project = make_project (&claim);
  guint changed = 0;
  guint can_undo_notifies = 0;

  g_signal_connect (project, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_signal_connect (project, "notify::can-undo", G_CALLBACK (count_notify_cb), &can_undo_notifies);

  vera_project_set_claim_status (project, claim, VERA_STATUS_SUPPORTED);
  vera_project_set_claim_status (project, claim, VERA_STATUS_CONTRADICTED);
  /* Every action is a change; can-undo only notifies when it flips. */
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpuint (can_undo_notifies, ==, 1);
  /* Typing a note extends one undo step but still changes the project each time. */
  vera_project_set_claim_note (project, claim, "a");
  vera_project_set_claim_note (project, claim, "ab");
  g_assert_cmpuint (changed, ==, 4);
  vera_project_undo (project);
  vera_project_undo (project);
  vera_project_undo (project);
  g_assert_cmpuint (changed, ==, 7);
  g_assert_cmpuint (can_undo_notifies, ==, 2);
  vera_project_mark_changed (project);
  g_assert_cmpuint (changed, ==, 8);
}

static void
test_duplicate_article (void)
{
  VeraClaim *claim;
  g_autoptr(VeraProject) project = make_project (&claim);
  g_autoptr(VeraArticle) again = vera_article_new ("a1", NULL, "x");
  g_autoptr(GError) error = NULL;
  g_autofree char *next = NULL;

  g_assert_false (vera_project_add_article (project, again, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  next = vera_project_dup_next_article_id (project);
  g_assert_cmpstr (next, ==, "a2");
}

static void
test_conflicts (void)
{
  VeraClaim *claim;
  g_autoptr(VeraProject) project = make_project (&claim);
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) found = NULL;
  VeraConflict *conflict = vera_conflict_new ("k1", VERA_CONFLICT_KIND_FIGURE, "prices");

  vera_conflict_add_member (conflict, "a1-c1", "5%");
  vera_conflict_add_member (conflict, "a2-c4", "7%");
  g_ptr_array_add (conflicts, conflict);
  vera_project_replace_conflicts (project, conflicts);
  found = vera_project_dup_conflicts_for (project, claim);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (vera_conflict_get_value (g_ptr_array_index (found, 0), 1), ==, "7%");
}

static void
test_finalize (void)
{
  VeraClaim *claim;
  VeraProject *project = make_project (&claim);

  vera_project_set_claim_status (project, claim, VERA_STATUS_SUPPORTED);
  g_assert_finalize_object (project);
}

int
main (int   argc,
      char *argv[])
{
  vera_test_init (&argc, &argv);

  g_test_add_func ("/vera/model/vocabulary", test_vocabulary);
  g_test_add_func ("/vera/model/article-offsets", test_article_offsets);
  g_test_add_func ("/vera/model/notifications", test_notifications);
  g_test_add_func ("/vera/model/undo-redo", test_undo_redo);
  g_test_add_func ("/vera/model/set-from-own-value", test_set_from_own_value);
  g_test_add_func ("/vera/model/changed-signal", test_changed_signal);
  g_test_add_func ("/vera/model/duplicate-article", test_duplicate_article);
  g_test_add_func ("/vera/model/conflicts", test_conflicts);
  g_test_add_func ("/vera/model/finalize", test_finalize);

  return g_test_run ();
}
