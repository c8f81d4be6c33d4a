#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Check a manual page: it formats without warnings and has the sections a reader looks for.
# usage: check-man.sh PAGE.1 [COMMAND...]   (each COMMAND must be named in the page)
set -u
page=$1
shift
status=0

if command -v groff >/dev/null 2>&1; then
  warnings=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "$page" 2>&1)
elif command -v man >/dev/null 2>&1; then
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null)
else
  echo "neither groff nor man is installed; skipping"
  exit 77
fi
if [ -n "$warnings" ]; then
  echo "$page: formatting warnings:" >&2
  echo "$warnings" >&2
  status=1
fi

for section in NAME SYNOPSIS DESCRIPTION OPTIONS "EXIT STATUS" EXAMPLES "SEE ALSO"; do
  if ! grep -q "^\.SH \"\{0,1\}$section\"\{0,1\}\$" "$page"; then
    echo "$page: no $section section" >&2
    status=1
  fi
done

for cmd in "$@"; do
  if ! grep -q "^\.B[IR]\{0,1\} \"\{0,1\}$cmd\b" "$page"; then
    echo "$page: the $cmd command is not documented" >&2
    status=1
  fi
done

[ $status -eq 0 ] && echo "$page: formats cleanly, with every section${*:+, and names: $*}"
exit $status
