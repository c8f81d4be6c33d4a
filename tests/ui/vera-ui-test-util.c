/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include "vera-project.h"
#include "vera-test-util.h"
#include "vera-ui-test-util.h"

void
vera_ui_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("vera-ui-test-XXXXXX", &error);

  /* Private HOME and XDG folders, as vera_test_init() makes, but without isolating
   * XDG_DATA_DIRS: GTK needs the system icon theme from there. */
  g_assert_no_error (error);
  g_setenv ("HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
  g_test_init (argc, argv, NULL);
  gtk_init ();
  adw_init ();
}

VeraApplication *
vera_ui_test_app (void)
{
  g_autoptr(GError) error = NULL;
  VeraApplication *app = vera_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

VeraWindow *
vera_ui_test_window (VeraApplication *app)
{
  VeraWindow *window = VERA_WINDOW (vera_application_new_window (app));

  gtk_window_present (GTK_WINDOW (window));
  vera_ui_test_spin (50);
  return window;
}

gboolean
vera_ui_test_wait (gboolean (*condition) (gpointer data),
                   gpointer   data,
                   guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
  return TRUE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
vera_ui_test_spin (guint ms)
{
  vera_ui_test_wait (never, NULL, ms);
}

typedef struct
{
  VeraWindow *window;
  GFile      *file;
} OpenWait;

static gboolean
shows_file (gpointer data)
{
  OpenWait *wait = data;
  GFile *shown = vera_project_get_file (vera_window_get_project (wait->window));

  return shown != NULL && g_file_equal (shown, wait->file) && wait->window->adding_cancellable == NULL;
}

void
vera_ui_test_open (VeraWindow *window,
                   const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  OpenWait wait = { window, file };

  vera_window_open_files (window, &file, 1, NULL);
  g_assert_true (vera_ui_test_wait (shows_file, &wait, 120000));
  vera_ui_test_spin (50);
}

char *
vera_ui_test_demo_copy (void)
{
  const char *demo = g_getenv ("VERA_DEMO_PROJECT");
  g_autofree char *dir = vera_test_make_tmpdir ();
  g_autofree char *contents = NULL;
  g_autofree char *copy = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  if (demo == NULL || !g_file_get_contents (demo, &contents, &length, NULL))
    {
      g_test_skip ("The demo project was not built (VERA_DEMO_PROJECT)");
      return NULL;
    }
  copy = g_build_filename (dir, "demo.vera", NULL);
  g_file_set_contents (copy, contents, length, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&copy);
}

static gboolean
list_settled (gpointer data)
{
  VeraWindow *window = data;
  GListModel *model = vera_claim_list_get_model (window->claim_list);

  /* The sort model is a GtkSortListModel over the GtkFilterListModel. */
  return gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (model)) == 0 &&
         gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (
           gtk_sort_list_model_get_model (GTK_SORT_LIST_MODEL (model)))) == 0;
}

void
vera_ui_test_settle_list (VeraWindow *window)
{
  g_assert_true (vera_ui_test_wait (list_settled, window, 60000));
}
