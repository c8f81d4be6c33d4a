# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers shared by the validate scripts (they find this module beside themselves)."""

import sys


def read_linguas(path):
    """The language codes of a po/LINGUAS file."""
    with open(path, encoding='utf-8') as f:
        return [w for line in f if not line.lstrip().startswith('#') for w in line.split()]


def report(errors, ok_message):
    """Print the errors on standard error, or ok_message; return the exit status."""
    for e in errors:
        print(e, file=sys.stderr)
    if not errors:
        print(ok_message)
    return 1 if errors else 0
