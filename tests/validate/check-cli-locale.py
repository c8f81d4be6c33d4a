#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run vera-check --help in each language of po/LINGUAS and check that its text comes out
translated, as the compiled catalog says it should.

usage: check-cli-locale.py VERA_CHECK LOCALEDIR LINGUAS"""

import gettext
import os
import subprocess
import sys

from vera_validate import read_linguas, report


def run(exe, localedir, language):
    env = dict(os.environ, LC_ALL='C.UTF-8', VERA_LOCALEDIR=localedir)
    env.pop('LANG', None)
    if language:
        env['LANGUAGE'] = language
    else:
        env.pop('LANGUAGE', None)
    r = subprocess.run([exe, '--help'], capture_output=True, text=True, env=env)
    return r.returncode, [l for l in r.stdout.splitlines() if l.strip()]


def main():
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    exe, localedir, linguas = sys.argv[1:]
    langs = read_linguas(linguas)
    status, english = run(exe, localedir, None)
    if status != 0 or not english:
        print('vera-check --help failed (exit %d)' % status, file=sys.stderr)
        return 1
    errors = []
    for lang in langs:
        try:
            catalog = gettext.translation('vera', localedir=localedir, languages=[lang])
        except OSError:
            errors.append('%s: no compiled catalog in %s' % (lang, localedir))
            continue
        status, translated = run(exe, localedir, lang)
        if status != 0:
            errors.append('%s: vera-check --help failed (exit %d)' % (lang, status))
            continue
        # Every line the catalog translates must come out translated.
        checked = 0
        for line in english:
            want = catalog.gettext(line)
            if want == line:
                continue
            checked += 1
            if want not in translated:
                errors.append('%s: “%s” is not translated (expected “%s”)' % (lang, line, want))
        if checked == 0:
            errors.append('%s: no line of vera-check --help is in the catalog' % lang)
        else:
            print('%s: %d lines of vera-check --help translated' % (lang, checked))
    return report(errors, 'vera-check speaks %s' % ', '.join(langs))


if __name__ == '__main__':
    sys.exit(main())
