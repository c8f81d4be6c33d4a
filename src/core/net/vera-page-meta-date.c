/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "vera-net"

#include "config.h"

#include <string.h>

#include "vera-page-meta.h"

/* A date as far as the text gives it; -1 marks a part that is absent. */
typedef struct
{
  int year, month, day;
  int hour, minute, second;
  gboolean has_zone;
  int zone_minutes;   /* east of UTC */
} DateParts;

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
};

static int
read_number (const char **p,
             int          max_digits)
{
  int v = 0;
  int n = 0;

  while (n < max_digits && g_ascii_isdigit (**p))
    {
      v = v * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n == 0 ? -1 : v;
}

static int
month_from_word (const char *w)
{
  for (guint i = 0; i < G_N_ELEMENTS (month_names); i++)
    if (g_ascii_strncasecmp (w, month_names[i], 3) == 0)
      return i + 1;
  return -1;
}

/* Reads "Z", "+01:00", "+0100", "-04", "GMT", "UTC" at @p. */
static void
read_zone (const char *p,
           DateParts  *d)
{
  int sign;
  int hh, mm = 0;

  while (*p == ' ')
    p++;
  if (*p == 'Z' || *p == 'z' || g_ascii_strncasecmp (p, "GMT", 3) == 0 ||
      g_ascii_strncasecmp (p, "UTC", 3) == 0)
    {
      d->has_zone = TRUE;
      d->zone_minutes = 0;
      if (*p != 'Z' && *p != 'z')
        p += 3;
      else
        p++;
      if (*p != '+' && *p != '-')
        return;
    }
  if (*p != '+' && *p != '-')
    return;
  sign = *p == '-' ? -1 : 1;
  p++;
  hh = read_number (&p, 2);
  if (hh < 0 || hh > 14)
    return;
  if (*p == ':')
    p++;
  if (g_ascii_isdigit (*p))
    mm = read_number (&p, 2);
  if (mm < 0 || mm > 59)
    return;
  d->has_zone = TRUE;
  d->zone_minutes = sign * (hh * 60 + mm);
}

/* Reads "hh:mm[:ss[.fff]] [am|pm] [zone]". */
static void
read_time (const char *p,
           DateParts  *d)
{
  int h, m, s = 0;

  while (*p == ' ' || *p == 'T' || *p == 't' || *p == ',')
    p++;
  if (g_ascii_strncasecmp (p, "at ", 3) == 0)
    p += 3;
  h = read_number (&p, 2);
  if (h < 0 || *p != ':')
    return;
  p++;
  m = read_number (&p, 2);
  if (m < 0)
    return;
  if (*p == ':')
    {
      p++;
      s = read_number (&p, 2);
      if (s < 0)
        s = 0;
      if (*p == '.' || *p == ',')
        {
          p++;
          while (g_ascii_isdigit (*p))
            p++;
        }
    }
  while (*p == ' ')
    p++;
  if (g_ascii_strncasecmp (p, "pm", 2) == 0 || g_ascii_strncasecmp (p, "p.m.", 4) == 0)
    {
      if (h < 12)
        h += 12;
      p += 2;
    }
  else if (g_ascii_strncasecmp (p, "am", 2) == 0 || g_ascii_strncasecmp (p, "a.m.", 4) == 0)
    {
      if (h == 12)
        h = 0;
      p += 2;
    }
  if (h > 23 || m > 59 || s > 60)
    return;
  d->hour = h;
  d->minute = m;
  d->second = MIN (s, 59);
  read_zone (p, d);
}

/* ISO forms: "2015-07-24", "2015-07-24T05:36:09…", "20150724", "2015/07/24". */
static gboolean
parse_numeric (const char *text,
               DateParts  *d)
{
  const char *p = text;
  int y = read_number (&p, 4);

  if (y < 1000 || p - text != 4)
    return FALSE;
  d->year = y;
  if (*p == '-' || *p == '/' || *p == '.')
    {
      char sep = *p++;

      d->month = read_number (&p, 2);
      if (*p == sep)
        {
          p++;
          d->day = read_number (&p, 2);
        }
    }
  else if (g_ascii_isdigit (*p))
    {
      d->month = read_number (&p, 2);
      d->day = read_number (&p, 2);
    }
  if (d->month < 1 || d->month > 12 || d->day < 1 || d->day > 31)
    return FALSE;
  read_time (p, d);
  return TRUE;
}

/* Word forms: "Fri, 24 Jul 2015 05:36:09 GMT", "July 24, 2015 at 6:01 am", "24 July 2015". */
static gboolean
parse_words (const char *text,
             DateParts  *d)
{
  const char *p = text;
  int first_num = -1;

  while (*p != '\0')
    {
      if (g_ascii_isalpha (*p))
        {
          const char *w = p;
          int month;

          while (g_ascii_isalpha (*p))
            p++;
          month = (p - w >= 3) ? month_from_word (w) : -1;
          if (month > 0 && d->month < 0)
            {
              d->month = month;
              if (first_num > 0 && first_num <= 31)
                d->day = first_num;
            }
          continue;
        }
      if (g_ascii_isdigit (*p))
        {
          const char *start = p;
          int n = read_number (&p, 4);

          if (*p == ':' && d->year > 0)
            {
              read_time (start, d);
              break;
            }
          if (p - start == 4)
            d->year = n;
          else if (d->month > 0 && d->day < 0 && n >= 1 && n <= 31)
            d->day = n;
          else if (first_num < 0)
            first_num = n;
          while (g_ascii_isdigit (*p))
            p++;
          continue;
        }
      p++;
    }
  return d->year > 0 && d->month > 0 && d->day > 0 && d->day <= 31;
}

char *
vera_page_meta_normalize_date (const char *text)
{
  DateParts d = { -1, -1, -1, -1, -1, -1, FALSE, 0 };
  g_autofree char *copy = NULL;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (copy[0] == '\0' || strlen (copy) > 200)
    return NULL;

  if (!parse_numeric (copy, &d))
    {
      DateParts w = { -1, -1, -1, -1, -1, -1, FALSE, 0 };

      if (!parse_words (copy, &w))
        return NULL;
      d = w;
    }

  if (d.hour < 0)
    return g_strdup_printf ("%04d-%02d-%02d", d.year, d.month, d.day);
  if (!d.has_zone)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d",
                            d.year, d.month, d.day, d.hour, d.minute, d.second);
  if (d.zone_minutes == 0)
    return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                            d.year, d.month, d.day, d.hour, d.minute, d.second);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
                          d.year, d.month, d.day, d.hour, d.minute, d.second,
                          d.zone_minutes < 0 ? '-' : '+',
                          ABS (d.zone_minutes) / 60, ABS (d.zone_minutes) % 60);
}
