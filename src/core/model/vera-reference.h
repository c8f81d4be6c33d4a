/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "vera-types.h"

G_BEGIN_DECLS

#define VERA_TYPE_REFERENCE (vera_reference_get_type ())

G_DECLARE_FINAL_TYPE (VeraReference, vera_reference, VERA, REFERENCE, GObject)

/* The text fields of a reference, in the order of its string properties. */
typedef enum
{
  VERA_REFERENCE_URL,
  VERA_REFERENCE_FINAL_URL,
  VERA_REFERENCE_TITLE,
  VERA_REFERENCE_SITE_NAME,
  VERA_REFERENCE_AUTHOR,
  VERA_REFERENCE_PUBLISHED,     /* ISO 8601 */
  VERA_REFERENCE_DESCRIPTION,
  VERA_REFERENCE_LANGUAGE,
  VERA_REFERENCE_CONTENT_TYPE,
  VERA_REFERENCE_ARCHIVE_URL,
  VERA_REFERENCE_ARCHIVE_TIME,  /* ISO 8601 */
  VERA_REFERENCE_FETCHED,       /* ISO 8601, when the metadata was last fetched */
  VERA_REFERENCE_ERROR,         /* why the last fetch failed, for the user */
  VERA_REFERENCE_NOTE,
  VERA_REFERENCE_N_FIELDS
} VeraReferenceField;

VeraReference  *vera_reference_new              (const char         *url);
VeraReference  *vera_reference_copy             (VeraReference      *self);
const char     *vera_reference_get_field        (VeraReference      *self,
                                                 VeraReferenceField  field);
void            vera_reference_set_field        (VeraReference      *self,
                                                 VeraReferenceField  field,
                                                 const char         *value);
/* The JSON key and property name of a field ("final_url" / "final-url"). */
const char     *vera_reference_field_get_key    (VeraReferenceField  field);
const char     *vera_reference_get_url          (VeraReference      *self);
const char     *vera_reference_get_title        (VeraReference      *self);
guint           vera_reference_get_http_status  (VeraReference      *self);
void            vera_reference_set_http_status  (VeraReference      *self,
                                                 guint               status);
VeraLinkHealth  vera_reference_get_health       (VeraReference      *self);
void            vera_reference_set_health       (VeraReference      *self,
                                                 VeraLinkHealth      health);
VeraStance      vera_reference_get_stance       (VeraReference      *self);
void            vera_reference_set_stance       (VeraReference      *self,
                                                 VeraStance          stance);

G_END_DECLS
