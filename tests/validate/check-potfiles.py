#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check po/POTFILES.in against the tree: every file under src/ and data/ with translatable
strings is listed, every listed file exists, and the list is sorted (it is appended to by
everyone, and sorted lines merge cleanly).

usage: check-potfiles.py SOURCE_ROOT"""

import fnmatch
import os
import re
import sys

from vera_validate import report

# Gettext calls in C (GTK style puts a space before the parenthesis) and marked strings in .ui.
C_MARKER = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|g_dngettext|ngettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*"(?:yes|true)"')
# Data files that carry translatable text without markers.
DATA_PATTERNS = ['*.desktop.in', '*.desktop.in.in', '*.metainfo.xml.in', '*.metainfo.xml.in.in',
                 '*.gschema.xml', '*.mime.xml']
TEXT_SUFFIXES = ('.c', '.h', '.ui', '.xml', '.in', '.blp')
# A translatable string glued to a format macro: xgettext cuts the msgid at the macro, so the
# lookup at run time never finds the translation. Use %zu, %u or %lu with a cast instead.
MACRO_IN_MSGID = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_)\s*\((?:\s*"(?:[^"\\]|\\.)*")+\s*'
                            r'(G_[A-Z0-9_]*FORMAT|G_[A-Z0-9_]*MODIFIER|PRI[diouxX]\w*)')


def read_list(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#'):
                continue
            line = re.sub(r'^\[[^]]*\]\s*', '', line)  # [type: gettext/glade] prefixes
            entries.append((n, line))
    return entries


def needs_translation(root, rel):
    name = os.path.basename(rel)
    if any(fnmatch.fnmatch(name, p) for p in DATA_PATTERNS):
        return 'a translatable data file'
    if not name.endswith(TEXT_SUFFIXES):
        return None
    try:
        with open(os.path.join(root, rel), encoding='utf-8', errors='replace') as f:
            text = f.read()
    except OSError:
        return None
    if name.endswith('.ui') or name.endswith('.blp'):
        if UI_MARKER.search(text):
            return 'translatable="yes"'
        return None
    if name.endswith(('.c', '.h')):
        for n, line in enumerate(text.splitlines(), 1):
            stripped = line.lstrip()
            if stripped.startswith('#define') or stripped.startswith('*') or stripped.startswith('//'):
                continue
            m = C_MARKER.search(line)
            if m:
                return 'line %d: %s' % (n, stripped[:60])
    elif UI_MARKER.search(text):
        return 'translatable="yes"'
    return None


def main():
    if len(sys.argv) != 2:
        print('usage: check-potfiles.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = sys.argv[1]
    potfiles = os.path.join(root, 'po', 'POTFILES.in')
    skip_path = os.path.join(root, 'po', 'POTFILES.skip')
    errors = []
    entries = read_list(potfiles)
    listed = {e for _, e in entries}
    skipped = {e for _, e in read_list(skip_path)} if os.path.exists(skip_path) else set()

    for n, rel in entries:
        if not os.path.isfile(os.path.join(root, rel)):
            errors.append('po/POTFILES.in:%d: %s does not exist' % (n, rel))
    names = [e for _, e in entries]
    if names != sorted(names):
        first = next(i for i in range(len(names)) if names[i] != sorted(names)[i])
        errors.append('po/POTFILES.in is not sorted (first out of place: %s); keep it sorted '
                      '(LC_ALL=C sort)' % names[first])
    if len(set(names)) != len(names):
        errors.append('po/POTFILES.in lists a file twice')

    for dirpath, dirnames, filenames in os.walk(os.path.join(root, 'src')):
        for name in sorted(filenames):
            if not name.endswith(('.c', '.h')):
                continue
            path = os.path.join(dirpath, name)
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            for m in MACRO_IN_MSGID.finditer(text):
                if m.group(1).startswith('PRI'):
                    continue  # xgettext understands the <inttypes.h> macros
                line = text.count('\n', 0, m.start()) + 1
                errors.append('%s:%d: a translatable string is joined with %s; xgettext cuts the '
                              'msgid there and the translation is never found (use %%zu, %%u or '
                              '%%lu with a cast)' % (os.path.relpath(path, root), line, m.group(1)))

    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(('.', '_build')))
            for name in sorted(filenames):
                rel = os.path.relpath(os.path.join(dirpath, name), root).replace(os.sep, '/')
                if rel in listed or rel in skipped:
                    continue
                why = needs_translation(root, rel)
                if why:
                    errors.append('%s has translatable strings (%s) but is not in po/POTFILES.in'
                                  % (rel, why))

    return report(errors, 'po/POTFILES.in lists all %d files with translatable strings'
                  % len(entries))


if __name__ == '__main__':
    sys.exit(main())
