#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the translations.

usage: check-po.py SOURCE_ROOT            msgfmt --check on every .po in LINGUAS, and the
                                          Plural-Forms header each language needs
       check-po.py --complete SOURCE_ROOT every string of the sources (extracted afresh with
                                          xgettext, as meson's glib preset does) is translated,
                                          none fuzzy"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

from vera_validate import read_linguas, report

# Plural forms as the GNU gettext manual and the CLDR give them.
NPLURALS = {'zh_CN': 1, 'zh_TW': 1, 'ja': 1, 'ko': 1, 'de': 2, 'en_GB': 2, 'es': 2, 'fr': 2,
            'it': 2, 'nl': 2, 'pt_BR': 2, 'ru': 3, 'uk': 3, 'pl': 3, 'cs': 3}

# The arguments meson's i18n.gettext (preset: 'glib') gives xgettext.
XGETTEXT_ARGS = [
    '--from-code=UTF-8', '--add-comments',
    '--keyword=_', '--keyword=N_', '--keyword=C_:1c,2', '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2', '--keyword=g_dngettext:2,3', '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format', '--flag=C_:2:pass-c-format', '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format', '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format', '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format', '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format', '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format', '--flag=g_printerr:1:c-format', '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format', '--flag=g_sprintf:2:c-format', '--flag=g_snprintf:3:c-format',
]


def linguas(root):
    return read_linguas(os.path.join(root, 'po', 'LINGUAS'))


def header(po):
    with open(po, encoding='utf-8') as f:
        text = f.read()
    m = re.search(r'^msgid ""\nmsgstr ""\n((?:".*"\n)+)', text, re.M)
    return ''.join(l[1:-1] for l in m.group(1).splitlines()).replace('\\n', '\n') if m else ''


def check_files(root):
    errors = []
    for lang in linguas(root):
        po = os.path.join(root, 'po', lang + '.po')
        if not os.path.isfile(po):
            errors.append('po/%s.po is missing (listed in po/LINGUAS)' % lang)
            continue
        r = subprocess.run(['msgfmt', '--check', '--check-format', '--check-header',
                            '--check-accelerators=_', '--check-domain', '--statistics',
                            '-o', os.devnull, po],
                           capture_output=True, text=True, env=dict(os.environ, LC_ALL='C'))
        if r.returncode != 0:
            errors.append('po/%s.po: msgfmt --check failed:\n%s' % (lang, r.stderr.strip()))
        else:
            print('po/%s.po: %s' % (lang, r.stderr.strip()))
        h = header(po)
        m = re.search(r'^Plural-Forms:\s*nplurals\s*=\s*(\d+)\s*;\s*plural\s*=', h, re.M)
        if not m:
            errors.append('po/%s.po: no Plural-Forms header' % lang)
        elif lang in NPLURALS and int(m.group(1)) != NPLURALS[lang]:
            errors.append('po/%s.po: Plural-Forms says nplurals=%s, %s has %d'
                          % (lang, m.group(1), lang, NPLURALS[lang]))
        if not re.search(r'^Language:\s*%s\s*$' % re.escape(lang), h, re.M):
            errors.append('po/%s.po: the Language header must be %s' % (lang, lang))
        if not re.search(r'charset=UTF-8', h):
            errors.append('po/%s.po: must be UTF-8' % lang)
    return errors


def entries(po_text):
    """The msgids of a .po text (without the header), each as its first line of text."""
    ids = []
    for block in po_text.split('\n\n'):
        m = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not m:
            continue
        text = ''.join(l.strip()[1:-1] for l in m.group(1).splitlines())
        if text:
            ids.append(text[:60])
    return ids


def check_complete(root):
    errors = []
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'vera.pot')
        r = subprocess.run(['xgettext', '--package-name=vera', '-D', root,
                            '--files-from', os.path.join(root, 'po', 'POTFILES.in'),
                            '-o', pot] + XGETTEXT_ARGS, capture_output=True, text=True)
        if r.returncode != 0:
            return ['xgettext failed:\n' + r.stderr.strip()]
        for lang in linguas(root):
            po = os.path.join(root, 'po', lang + '.po')
            merged = os.path.join(tmp, lang + '.po')
            r = subprocess.run(['msgmerge', '--quiet', '--no-fuzzy-matching', '-o', merged, po, pot],
                               capture_output=True, text=True)
            if r.returncode != 0:
                errors.append('po/%s.po: msgmerge failed:\n%s' % (lang, r.stderr.strip()))
                continue
            r = subprocess.run(['msgattrib', '--untranslated', '--no-obsolete', '--no-wrap', merged],
                               capture_output=True, text=True)
            missing = entries(r.stdout)
            r2 = subprocess.run(['msgattrib', '--only-fuzzy', '--no-obsolete', '--no-wrap', merged],
                                capture_output=True, text=True)
            fuzzy = entries(r2.stdout)
            if missing or fuzzy:
                errors.append('po/%s.po: %d untranslated, %d fuzzy (run meson compile vera-update-po '
                              'and translate them), e.g. %s'
                              % (lang, len(missing), len(fuzzy), '; '.join((missing + fuzzy)[:5])))
            else:
                print('po/%s.po: every string translated' % lang)
    return errors


def main():
    args = sys.argv[1:]
    complete = '--complete' in args
    args = [a for a in args if a != '--complete']
    if len(args) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    for tool in ('msgfmt', 'msgmerge', 'msgattrib', 'xgettext'):
        if shutil.which(tool) is None:
            print('%s not found (install gettext)' % tool, file=sys.stderr)
            return 1
    errors = check_complete(args[0]) if complete else check_files(args[0])
    return report(errors, 'translations OK')


if __name__ == '__main__':
    sys.exit(main())
