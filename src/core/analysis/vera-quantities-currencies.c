/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-quantities"

#include "config.h"

#include "vera-quantities.h"
#include "vera-quantities-private.h"

/* Currency symbols ("$", "US$", "¥", "€") and ISO codes ("EUR", "RMB"). The codes are the
 * units the extractor produces for money, in every language. */

static const char * const currency_codes[] = {
  "USD", "CNY", "RMB", "EUR", "GBP", "JPY", "HKD", "CHF", "INR", "AUD", "CAD", "SGD", "KRW",
  "TWD", "RUB", "BRL", "MXN", "ZAR", "SEK", "NOK", "DKK", "NZD", "TRY", "SAR", "AED", NULL
};

/* "US$", "HK$", "A$": the dollar of the country glued before "$" at token @i. */
static const char *
prefixed_dollar (VeraFigureScan *ctx,
                 guint           i,
                 guint          *first)
{
  static const struct { const char *prefix; const char *code; } dollars[] = {
    { "US", "USD" }, { "HK", "HKD" }, { "A", "AUD" }, { "AU", "AUD" },
    { "C", "CAD" }, { "CA", "CAD" }, { "S", "SGD" }, { "NT", "TWD" },
    { "NZ", "NZD" }, { "R", "BRL" }, { "MX", "MXN" },
  };

  if (i > 0 && is_glued (ctx, i) && tok (ctx, i - 1)->kind == VERA_TOKEN_WORD)
    {
      for (guint k = 0; k < G_N_ELEMENTS (dollars); k++)
        if (is_word (ctx, i - 1, dollars[k].prefix))
          {
            *first = i - 1;
            return dollars[k].code;
          }
    }
  return "USD";
}

static const char *
symbol_currency (VeraFigureScan *ctx,
                 guint           i,
                 guint          *first)
{
  switch (tok (ctx, i)->ch)
    {
    case '$':
      return prefixed_dollar (ctx, i, first);
    case 0xA5: case 0xFFE5:
      return ctx->japanese ? "JPY" : "CNY";
    case 0x20AC:
      return "EUR";
    case 0xA3:
      return "GBP";
    case 0x20B9:
      return "INR";
    case 0x20A9:
      return "KRW";
    case 0x20BD:
      return "RUB";
    case 0x20BA:
      return "TRY";
    default:
      return NULL;
    }
}

const char *
vera_quantities_currency_symbol (VeraFigureScan *ctx,
                                 guint           i,
                                 guint          *first)
{
  const VeraToken *t = tok (ctx, i);

  *first = i;
  if (t->kind == VERA_TOKEN_PUNCT)
    return symbol_currency (ctx, i, first);
  if (t->kind == VERA_TOKEN_WORD && (t->flags & VERA_TOKEN_UPPER))
    {
      for (guint k = 0; currency_codes[k] != NULL; k++)
        if (vera_token_is (ctx->text, t, currency_codes[k]))
          return k == 2 ? "CNY" : currency_codes[k];
    }
  if (is_word (ctx, i, "Rs"))
    return "INR";
  return NULL;
}

gboolean
vera_quantity_unit_is_currency (const char *unit)
{
  if (unit == NULL)
    return FALSE;
  for (guint k = 0; currency_codes[k] != NULL; k++)
    if (g_str_equal (unit, currency_codes[k]))
      return TRUE;
  return FALSE;
}
