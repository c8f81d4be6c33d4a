/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-test"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "vera-test-util.h"
#include "vera-ui-test-util.h"

/* The window speaks each language of po/LINGUAS: its title and a menu item come out translated.
 * The expected text is looked up in the built catalogs, so the test follows the translations
 * instead of repeating them. */

/* GNU gettext caches translations; the manual's way to switch the language of a running
 * program is to change LANGUAGE and bump this counter. */
extern int _nl_msg_cat_cntr;

static void
set_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

static GtkMenuButton *
find_menu_button (GtkWidget *widget)
{
  GtkWidget *child;

  /* The primary menu: the language button's names are the languages' own (endonyms). */
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)) &&
      gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)) != NULL)
    return GTK_MENU_BUTTON (widget);
  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The label of the first item of the first section of @model. */
static char *
dup_first_label (GMenuModel *model)
{
  g_autoptr(GMenuModel) section = NULL;
  char *label = NULL;

  g_assert_cmpint (g_menu_model_get_n_items (model), >, 0);
  section = g_menu_model_get_item_link (model, 0, G_MENU_LINK_SECTION);
  if (section == NULL)
    section = g_object_ref (model);
  g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  return label;
}

typedef struct
{
  VeraApplication *app;
  char            *language;
} Case;

static void
test_translated (gconstpointer data)
{
  const Case *c = data;
  VeraApplication *app = c->app;
  const char *language = c->language;
  g_autofree char *english_label = NULL;
  g_autofree char *label = NULL;
  const char *title;
  const char *want;
  VeraWindow *window;
  GtkMenuButton *button;

  /* The untranslated menu: the catalogs have no "C" language. */
  set_language ("C");
  window = vera_ui_test_window (app);
  button = find_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  english_label = dup_first_label (gtk_menu_button_get_menu_model (button));
  gtk_window_destroy (GTK_WINDOW (window));

  set_language (language);
  window = vera_ui_test_window (app);

  want = g_dgettext (GETTEXT_PACKAGE, "Untitled Project");
  g_assert_cmpstr (want, !=, "Untitled Project");
  title = gtk_window_get_title (GTK_WINDOW (window));
  g_assert_nonnull (title);
  g_assert_nonnull (strstr (title, want));

  button = find_menu_button (GTK_WIDGET (window));
  g_assert_nonnull (button);
  label = dup_first_label (gtk_menu_button_get_menu_model (button));
  g_assert_cmpstr (label, ==, g_dgettext (GETTEXT_PACKAGE, english_label));
  g_assert_cmpstr (label, !=, english_label);

  gtk_window_destroy (GTK_WINDOW (window));
  vera_ui_test_spin (20);
  set_language ("C");
}

static char **
read_linguas (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "..", "po", "LINGUAS", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GStrvBuilder) langs = g_strv_builder_new ();
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return g_strv_builder_end (langs);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0' && lines[i][0] != '#')
        g_strv_builder_add (langs, lines[i]);
    }
  return g_strv_builder_end (langs);
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("VERA_LOCALEDIR");
  g_autofree char *built = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", "locale", NULL);
  g_auto(GStrv) langs = read_linguas ();
  g_autoptr(VeraApplication) app = NULL;
  g_autofree Case *cases = g_new0 (Case, g_strv_length (langs) + 1);
  int status;

  /* As main.c does, with the catalogs of the build tree. The first language is set before
   * anything is translated: GLib decides once whether to translate at all. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir ? localedir : built);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (langs[0] != NULL)
    g_setenv ("LANGUAGE", langs[0], TRUE);

  vera_ui_test_init (&argc, &argv);
  app = vera_ui_test_app ();
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *path = g_strdup_printf ("/vera/ui/locale/%s", langs[i]);

      cases[i].app = app;
      cases[i].language = langs[i];
      g_test_add_data_func (path, &cases[i], test_translated);
    }
  status = g_test_run ();
  vera_ui_test_spin (20);
  return status;
}
