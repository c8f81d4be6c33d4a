/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-fuzz"
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-util.h"
#include "vera-article.h"
#include "vera-claim.h"
#include "vera-project.h"

static void
abort_on_trap (int signum)
{
  abort ();
}

void
fuzz_init (void)
{
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  /* A fatal log message ends in a breakpoint trap, which libFuzzer does not count as a crash
   * (no artifact is written): make it an abort. */
  signal (SIGTRAP, abort_on_trap);
}

char *
fuzz_dup_text (const uint8_t *data,
               size_t         size,
               gboolean       nfc,
               gsize         *len)
{
  g_autofree char *copy = g_malloc (size + 1);
  g_autofree char *valid = NULL;
  char *text;

  /* memcpy from a NULL pointer is undefined even for 0 bytes, and libFuzzer passes one. */
  if (size > 0)
    memcpy (copy, data, size);
  copy[size] = '\0';
  for (size_t i = 0; i < size; i++)
    if (copy[i] == '\0')
      copy[i] = ' ';
  valid = g_utf8_make_valid (copy, (gssize) size);
  text = nfc ? g_utf8_normalize (valid, -1, G_NORMALIZE_NFC) : g_steal_pointer (&valid);
  g_assert (text != NULL);
  *len = strlen (text);
  return text;
}

guint
fuzz_take_choice (const uint8_t **data,
                  size_t         *size,
                  guint           n_choices)
{
  guint choice;

  g_assert (n_choices > 0);
  if (*size == 0)
    return 0;
  choice = (**data) % n_choices;
  (*data)++;
  (*size)--;
  return choice;
}

void
fuzz_assert_utf8 (const char *str)
{
  if (str != NULL)
    g_assert_true (g_utf8_validate (str, -1, NULL));
}

static size_t
skip_json_space (const uint8_t *data,
                 size_t         size,
                 size_t         pos)
{
  while (pos < size && (data[pos] == ' ' || data[pos] == '\t' || data[pos] == '\n' ||
                        data[pos] == '\r'))
    pos++;
  return pos;
}

gboolean
fuzz_json_is_single_value (const uint8_t *data,
                           size_t         size)
{
  size_t pos = skip_json_space (data, size, 0);
  size_t depth = 0;
  gboolean in_string = FALSE;

  if (pos < size && (data[pos] == '{' || data[pos] == '['))
    {
      for (; pos < size; pos++)
        {
          if (in_string)
            {
              if (data[pos] == '\\')
                pos++;
              else if (data[pos] == '"')
                in_string = FALSE;
            }
          else if (data[pos] == '"')
            in_string = TRUE;
          else if (data[pos] == '{' || data[pos] == '[')
            depth++;
          else if ((data[pos] == '}' || data[pos] == ']') && --depth == 0)
            {
              pos++;
              break;
            }
        }
    }
  else
    {
      /* A scalar, or whatever json-glib makes of a bare word. */
      while (pos < size && data[pos] != '{' && data[pos] != '[' && data[pos] != ' ' &&
             data[pos] != '\n' && data[pos] != '\t' && data[pos] != '\r')
        pos++;
    }
  return skip_json_space (data, size, pos) >= size;
}

void
fuzz_check_project (VeraProject *project)
{
  GListModel *articles = vera_project_get_articles (project);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr(VeraArticle) article = g_list_model_get_item (articles, i);
      GListModel *claims = vera_article_get_claims (article);

      fuzz_assert_utf8 (vera_article_get_text (article));
      for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
        {
          g_autoptr(VeraClaim) claim = g_list_model_get_item (claims, c);
          g_autofree char *slice = NULL;

          g_assert_cmpuint (vera_claim_get_start (claim), <=, vera_claim_get_end (claim));
          g_assert_cmpuint (vera_claim_get_end (claim), <=, vera_article_get_n_chars (article));
          slice = vera_article_dup_slice (article, vera_claim_get_start (claim),
                                          vera_claim_get_end (claim));
          g_assert_cmpstr (slice, ==, vera_claim_get_text (claim));
          fuzz_assert_utf8 (vera_claim_get_note (claim));
          fuzz_assert_utf8 (vera_claim_get_prefix (claim));
          fuzz_assert_utf8 (vera_claim_get_suffix (claim));
        }
    }
}
