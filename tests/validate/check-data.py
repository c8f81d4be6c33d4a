#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the built desktop integration files agree with each other and with the app id, and
that the translations were merged into them.

usage: check-data.py --app-id ID --base-id ID --version V --linguas FILE --source-root DIR
                     --desktop FILE --metainfo FILE --mime FILE --service FILE --schema FILE
                     --icon FILE --symbolic-icon FILE"""

import argparse
import configparser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

from vera_validate import read_linguas, report

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'
MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'
SVG_NS = '{http://www.w3.org/2000/svg}'

# The settings the app and the core rely on: name -> (type, default or None).
SCHEMA_KEYS = {
    'reviewer-name': ('s', "''"),
    'organisation': ('s', "''"),
    'organisation-url': ('s', "''"),
    'claim-threshold': ('d', '0.5'),
    'fetch-references-automatically': ('b', 'true'),
    'wayback-base-url': ('s', "'https://archive.org'"),
    'wikipedia-base-url': ('s', "'https://{lang}.wikipedia.org'"),
    'wikipedia-language': ('s', "'en'"),
    'factcheck-base-url': ('s', "'https://factchecktools.googleapis.com'"),
    'recent-projects': ('as', None),
    'window-width': ('i', None),
    'window-height': ('i', None),
    'window-maximized': ('b', None),
    'max-import-size-mb': ('u', '20'),
    'style-variant': ('enum', "'default'"),
}

errors = []


def fail(what, msg):
    errors.append('%s: %s' % (os.path.basename(what), msg))


def check_desktop(path, app_id, langs):
    if os.path.basename(path) != app_id + '.desktop':
        fail(path, 'the file must be named after the app id (%s.desktop) for D-Bus activation' % app_id)
    cp = configparser.RawConfigParser(strict=False)
    cp.optionxform = str
    cp.read(path, encoding='utf-8')
    if not cp.has_section('Desktop Entry'):
        fail(path, 'no [Desktop Entry] group')
        return
    e = dict(cp['Desktop Entry'])
    if not e.get('Exec', '').split(' ')[0] == 'vera':
        fail(path, 'Exec must start the vera binary, is %r' % e.get('Exec'))
    if '%U' not in e.get('Exec', '') and '%F' not in e.get('Exec', ''):
        fail(path, 'Exec must pass the opened files (%U)')
    if e.get('Icon') != app_id:
        fail(path, 'Icon is %r, expected %r' % (e.get('Icon'), app_id))
    if e.get('DBusActivatable') != 'true':
        fail(path, 'DBusActivatable must be true (single instance)')
    mimes = [m for m in e.get('MimeType', '').split(';') if m]
    for m in ('application/x-vera-project', 'text/plain', 'text/html'):
        if m not in mimes:
            fail(path, 'MimeType lacks %s' % m)
    for lang in langs:
        for key in ('Comment', 'GenericName', 'Keywords'):
            if '%s[%s]' % (key, lang) not in e:
                fail(path, 'no %s[%s]: the %s translation was not merged' % (key, lang, lang))
    kw = [k for k in e if k.startswith('Keywords')]
    for k in kw:
        if not e[k].endswith(';'):
            fail(path, '%s must end with a semicolon' % k)


SCREENSHOT_URL = re.compile(r'^https://raw\.githubusercontent\.com/verafact/vera/main/(.+)$')


def check_metainfo(path, app_id, version, langs, source_root):
    root = ET.parse(path).getroot()
    if root.findtext('id') != app_id:
        fail(path, 'id is %r, expected %r' % (root.findtext('id'), app_id))
    if os.path.basename(path) != app_id + '.metainfo.xml':
        fail(path, 'the file must be named %s.metainfo.xml' % app_id)
    launch = root.find("launchable[@type='desktop-id']")
    if launch is None or launch.text != app_id + '.desktop':
        fail(path, 'the launchable must be %s.desktop' % app_id)
    binaries = {b.text for b in root.iterfind('provides/binary')}
    for b in ('vera', 'vera-check'):
        if b not in binaries:
            fail(path, 'provides no binary %s' % b)
    if 'application/x-vera-project' not in {m.text for m in root.iterfind('provides/mediatype')}:
        fail(path, 'provides no mediatype application/x-vera-project')
    releases = [r.get('version') for r in root.iterfind('releases/release')]
    if not releases or releases[0] != version:
        fail(path, 'the newest release is %r but the project version is %s'
             % (releases[0] if releases else None, version))
    if root.find('content_rating') is None:
        fail(path, 'no OARS content rating')
    if len(root.findall('screenshots/screenshot')) < 1:
        fail(path, 'no screenshots')
    for image in root.iterfind('screenshots/screenshot/image'):
        m = SCREENSHOT_URL.match(image.text or '')
        if not m:
            fail(path, 'screenshot %s is not a file of the repository' % image.text)
        elif not os.path.isfile(os.path.join(source_root, m.group(1))):
            fail(path, 'screenshot %s does not exist in the tree' % m.group(1))
    for lang in langs:
        if not any(s.get(XML_LANG) == lang for s in root.iterfind('summary')):
            fail(path, 'no summary in %s: the translation was not merged' % lang)
        if not any(p.get(XML_LANG) == lang for p in root.iterfind('description/p')):
            fail(path, 'no description in %s: the translation was not merged' % lang)


def check_mime(path, langs):
    root = ET.parse(path).getroot()
    types = root.findall(MIME_NS + 'mime-type')
    t = next((t for t in types if t.get('type') == 'application/x-vera-project'), None)
    if t is None:
        fail(path, 'does not define application/x-vera-project')
        return
    if '*.vera' not in [g.get('pattern') for g in t.iterfind(MIME_NS + 'glob')]:
        fail(path, 'no *.vera glob')
    if 'application/json' not in [s.get('type') for s in t.iterfind(MIME_NS + 'sub-class-of')]:
        fail(path, 'must be a sub-class of application/json')
    for lang in langs:
        if not any(c.get(XML_LANG) == lang for c in t.iterfind(MIME_NS + 'comment')):
            fail(path, 'no comment in %s: the translation was not merged' % lang)
    tool = shutil.which('update-mime-database')
    if tool:
        with tempfile.TemporaryDirectory() as tmp:
            os.makedirs(os.path.join(tmp, 'packages'))
            shutil.copy(path, os.path.join(tmp, 'packages'))
            r = subprocess.run([tool, tmp], capture_output=True, text=True,
                               env=dict(os.environ, PKGSYSTEM_ENABLE_FSYNC='0'))
            if r.returncode != 0 or 'error' in r.stderr.lower() or 'warning' in r.stderr.lower():
                fail(path, 'update-mime-database rejects it: %s' % r.stderr.strip())
            else:
                with open(os.path.join(tmp, 'globs2'), encoding='utf-8') as f:
                    if not re.search(r':application/x-vera-project:\*\.vera$', f.read(), re.M):
                        fail(path, 'update-mime-database did not register *.vera')


def check_service(path, app_id):
    cp = configparser.RawConfigParser()
    cp.optionxform = str
    cp.read(path, encoding='utf-8')
    if not cp.has_section('D-BUS Service'):
        fail(path, 'no [D-BUS Service] group')
        return
    s = cp['D-BUS Service']
    if s.get('Name') != app_id:
        fail(path, 'Name is %r, expected %r' % (s.get('Name'), app_id))
    exe = s.get('Exec', '').split(' ')
    if not (os.path.isabs(exe[0]) and os.path.basename(exe[0]) == 'vera'
            and '--gapplication-service' in exe):
        fail(path, 'Exec must be the absolute path of vera with --gapplication-service')


def check_schema(path, base_id):
    root = ET.parse(path).getroot()
    enums = {e.get('id') for e in root.iterfind('enum')}
    schemas = root.findall('schema')
    if [s.get('id') for s in schemas] != [base_id]:
        fail(path, 'must hold one schema with the base id %s' % base_id)
        return
    schema = schemas[0]
    want_path = '/' + base_id.replace('.', '/') + '/'
    if schema.get('path') != want_path:
        fail(path, 'path is %r, expected %r' % (schema.get('path'), want_path))
    if root.get('gettext-domain') != 'vera':
        fail(path, 'the schemalist needs gettext-domain="vera" to translate summaries')
    keys = {k.get('name'): k for k in schema.iterfind('key')}
    for name, (typ, default) in SCHEMA_KEYS.items():
        k = keys.get(name)
        if k is None:
            fail(path, 'no key %s' % name)
            continue
        if typ == 'enum':
            if k.get('enum') not in enums and k.find('choices') is None:
                fail(path, '%s must be an enum or have choices' % name)
        elif k.get('type') != typ:
            fail(path, '%s has type %r, expected %r' % (name, k.get('type'), typ))
        if default is not None and (k.findtext('default') or '').strip() != default:
            fail(path, '%s defaults to %r, expected %r' % (name, k.findtext('default'), default))
    for name, k in keys.items():
        for tag in ('summary', 'description'):
            if not (k.findtext(tag) or '').strip():
                fail(path, 'key %s has no %s' % (name, tag))
    thr = keys.get('claim-threshold')
    if thr is not None:
        r = thr.find('range')
        if r is None or float(r.get('min')) != 0.0 or float(r.get('max')) != 1.0:
            fail(path, 'claim-threshold must have the range 0 to 1')


def check_icon(path, size, symbolic):
    root = ET.parse(path).getroot()
    if root.tag != SVG_NS + 'svg':
        fail(path, 'not an SVG document')
        return
    if root.get('viewBox') != '0 0 %d %d' % (size, size):
        fail(path, 'the canvas must be %d×%d (viewBox "0 0 %d %d")' % (size, size, size, size))
    if symbolic:
        colours = set()
        for el in root.iter():
            for attr in ('fill', 'stroke'):
                v = el.get(attr)
                if v and v not in ('none',) and not v.startswith('url('):
                    colours.add(v.lower())
            if el.tag in (SVG_NS + 'linearGradient', SVG_NS + 'radialGradient', SVG_NS + 'image'):
                fail(path, 'a symbolic icon has no gradients or images')
        if len(colours) > 1:
            fail(path, 'a symbolic icon is monochrome, uses %s' % ', '.join(sorted(colours)))


def main():
    ap = argparse.ArgumentParser()
    for a in ('app-id', 'base-id', 'version', 'linguas', 'source-root', 'desktop', 'metainfo',
              'mime', 'service', 'schema', 'icon', 'symbolic-icon'):
        ap.add_argument('--' + a, required=True)
    a = ap.parse_args()
    langs = read_linguas(a.linguas)
    check_desktop(a.desktop, a.app_id, langs)
    check_metainfo(a.metainfo, a.app_id, a.version, langs, a.source_root)
    check_mime(a.mime, langs)
    check_service(a.service, a.app_id)
    check_schema(a.schema, a.base_id)
    check_icon(a.icon, 128, False)
    check_icon(a.symbolic_icon, 16, True)
    return report(errors, 'desktop file, metainfo, MIME type, D-Bus service, schema and icons '
                  'agree (%s)' % ', '.join(langs))


if __name__ == '__main__':
    sys.exit(main())
