#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Install the build into a temporary DESTDIR and check that every file lands where a
distribution expects it, and that nothing else is installed.

usage: check-install.py --build-root DIR --prefix P --bindir D --datadir D --mandir D
                        --localedir D --app-id ID --base-id ID --linguas FILE --build-app BOOL"""

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
import tempfile

from vera_validate import read_linguas, report


def rel(prefix, d):
    return os.path.relpath(d, prefix) if os.path.isabs(d) else d


def main():
    ap = argparse.ArgumentParser()
    for a in ('build-root', 'prefix', 'bindir', 'datadir', 'mandir', 'localedir', 'app-id',
              'base-id', 'linguas', 'build-app'):
        ap.add_argument('--' + a, required=True)
    a = ap.parse_args()
    build_app = a.build_app.lower() in ('true', '1', 'yes')
    langs = read_linguas(a.linguas)

    bindir = rel(a.prefix, a.bindir)
    datadir = rel(a.prefix, a.datadir)
    mandir = rel(a.prefix, a.mandir)
    localedir = rel(a.prefix, a.localedir)
    app_id = a.app_id

    expected = {bindir + '/vera-check': 'the command-line tool',
                mandir + '/man1/vera-check.1': 'the manual page of vera-check',
                datadir + '/mime/packages/%s.xml' % app_id: 'the MIME type for .vera projects',
                datadir + '/glib-2.0/schemas/%s.gschema.xml' % a.base_id: 'the GSettings schema'}
    for lang in langs:
        expected[localedir + '/%s/LC_MESSAGES/vera.mo' % lang] = 'the %s translation' % lang
    if build_app:
        expected.update({
            bindir + '/vera': 'the application',
            datadir + '/applications/%s.desktop' % app_id: 'the desktop file',
            datadir + '/metainfo/%s.metainfo.xml' % app_id: 'the AppStream metainfo',
            datadir + '/dbus-1/services/%s.service' % app_id: 'the D-Bus service file',
            datadir + '/icons/hicolor/scalable/apps/%s.svg' % app_id: 'the app icon',
            datadir + '/icons/hicolor/symbolic/apps/%s-symbolic.svg' % app_id: 'the symbolic icon',
        })
    # Files other parts of the project may add without breaking the layout.
    allowed = [datadir + '/vera/*', datadir + '/doc/vera/*', mandir + '/man1/vera*.1',
               datadir + '/icons/hicolor/*/apps/%s*' % app_id, localedir + '/*/LC_MESSAGES/vera.mo']

    errors = []
    with tempfile.TemporaryDirectory() as destdir:
        # Without --no-rebuild: meson test builds only what the tests use, not every target.
        cmd = ['meson', 'install', '-C', a.build_root, '--destdir', destdir]
        r = subprocess.run(cmd, capture_output=True, text=True)
        if r.returncode != 0:
            print('%s failed:\n%s%s' % (' '.join(cmd), r.stdout, r.stderr), file=sys.stderr)
            return 1
        root = os.path.join(destdir, a.prefix.lstrip('/'))
        installed = set()
        for dirpath, _, filenames in os.walk(destdir):
            for name in filenames:
                full = os.path.join(dirpath, name)
                if not full.startswith(root + os.sep):
                    errors.append('installed outside the prefix: %s' % os.path.relpath(full, destdir))
                    continue
                installed.add(os.path.relpath(full, root).replace(os.sep, '/'))

        for path, what in sorted(expected.items()):
            if path not in installed:
                errors.append('%s is not installed (%s)' % (path, what))
        for path in sorted(installed - set(expected)):
            if not any(fnmatch.fnmatch(path, p) for p in allowed):
                errors.append('unexpected file installed: %s' % path)
        for b in ('vera', 'vera-check'):
            p = os.path.join(root, bindir, b)
            if os.path.exists(p) and not os.access(p, os.X_OK):
                errors.append('%s/%s is not executable' % (bindir, b))

        # The installed schema must compile where GLib looks for it.
        schemas = os.path.join(root, datadir, 'glib-2.0', 'schemas')
        if os.path.isdir(schemas) and shutil.which('glib-compile-schemas'):
            r = subprocess.run(['glib-compile-schemas', '--strict', '--dry-run', schemas],
                               capture_output=True, text=True)
            if r.returncode != 0:
                errors.append('the installed schemas do not compile: %s' % r.stderr.strip())

        listing = '\n'.join('  ' + p for p in sorted(installed))
        return report(errors, 'installed %d files under %s, as expected:\n%s'
                      % (len(installed), a.prefix, listing))


if __name__ == '__main__':
    sys.exit(main())
