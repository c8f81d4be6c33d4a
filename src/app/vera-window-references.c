/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-window"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "vera-reference.h"
#include "vera-window-private.h"
#if HAVE_VERA_NET
#include "vera-net-service.h"
#endif

/* Fetching a reference's metadata (title, publisher, date, health, archived copy) through the
 * application's network service. The fetch runs in libsoup's async machinery, never blocking. */

#if HAVE_VERA_NET
static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(VeraReference) reference = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VeraPageMeta) meta = vera_net_service_fetch_finish (VERA_NET_SERVICE (source), result, &error);

  if (meta != NULL)
    vera_page_meta_apply_to_reference (meta, reference);
}
#endif

void
vera_window_fetch_reference (VeraWindow    *self,
                             VeraReference *reference)
{
  g_return_if_fail (VERA_IS_WINDOW (self));
  g_return_if_fail (VERA_IS_REFERENCE (reference));

#if HAVE_VERA_NET
  if (self->net_service != NULL)
    {
      vera_net_service_fetch_async (VERA_NET_SERVICE (self->net_service),
                                    vera_reference_get_url (reference), VERA_FETCH_FLAGS_NONE,
                                    NULL, fetched_cb, g_object_ref (reference));
      return;
    }
#endif
  vera_window_toast (self, _("Checking references is not available in this build yet"), FALSE);
}
