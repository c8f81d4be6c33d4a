#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the Flatpak manifests: they parse, build the app as their only module from the local
tree with its unit tests, and grant the sandbox nothing beyond network, IPC, Wayland with X11
fallback and DRI (files go through the portal).

usage: check-flatpak-manifest.py BASE_ID MANIFEST...
A manifest whose file name ends in .Devel.json is the development variant."""

import json
import os
import sys

from vera_validate import report

ALLOWED_FINISH_ARGS = [
    '--share=network',
    '--share=ipc',
    '--socket=wayland',
    '--socket=fallback-x11',
    '--device=dri',
]

# A structural schema, used when python3-jsonschema is installed; the checks below do not need it.
SCHEMA = {
    'type': 'object',
    'required': ['id', 'runtime', 'runtime-version', 'sdk', 'command', 'finish-args', 'modules'],
    'properties': {
        'id': {'type': 'string', 'pattern': r'^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*){2,}$'},
        'runtime': {'const': 'org.gnome.Platform'},
        'runtime-version': {'type': 'string', 'pattern': r'^[0-9]+$'},
        'sdk': {'const': 'org.gnome.Sdk'},
        'command': {'const': 'vera'},
        'finish-args': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True},
        'cleanup': {'type': 'array', 'items': {'type': 'string'}},
        'modules': {
            'type': 'array', 'minItems': 1, 'maxItems': 1,
            'items': {
                'type': 'object',
                'required': ['name', 'buildsystem', 'sources'],
                'properties': {
                    'name': {'const': 'vera'},
                    'buildsystem': {'const': 'meson'},
                    'run-tests': {'const': True},
                    'config-opts': {'type': 'array', 'items': {'type': 'string'}},
                    'test-rule': {'type': 'string'},
                    'test-commands': {'type': 'array', 'items': {'type': 'string'}},
                    'build-options': {'type': 'object'},
                    'sources': {
                        'type': 'array', 'minItems': 1, 'maxItems': 1,
                        'items': {
                            'type': 'object',
                            'required': ['type', 'path'],
                            'properties': {
                                'type': {'const': 'dir'},
                                'path': {'const': '..'},
                                'skip': {'type': 'array', 'items': {'type': 'string'}},
                            },
                        },
                    },
                },
            },
        },
    },
}


def check(path, base_id, errors):
    def fail(msg):
        errors.append('%s: %s' % (path, msg))

    try:
        with open(path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        fail('does not parse: %s' % e)
        return None

    try:
        import jsonschema
    except ImportError:
        jsonschema = None
    if jsonschema is not None:
        for e in jsonschema.Draft7Validator(SCHEMA).iter_errors(manifest):
            where = '/'.join(str(p) for p in e.absolute_path) or '(top)'
            msg = e.message if len(e.message) <= 100 else '%s check failed' % e.validator
            fail('schema: %s at %s' % (msg, where))

    devel = path.endswith('.Devel.json')
    want_id = base_id + '.Devel' if devel else base_id
    if manifest.get('id', manifest.get('app-id')) != want_id:
        fail('id is %r, expected %r' % (manifest.get('id'), want_id))
    if os.path.basename(path) != want_id + '.json':
        fail('file name does not match the app id %s' % want_id)
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('must build on org.gnome.Platform with org.gnome.Sdk')
    if manifest.get('command') != 'vera':
        fail('command must be vera')

    args = manifest.get('finish-args', [])
    extra = [a for a in args if a not in ALLOWED_FINISH_ARGS]
    missing = [a for a in ALLOWED_FINISH_ARGS if a not in args]
    if extra:
        fail('grants more than allowed: %s' % ' '.join(extra))
    if missing:
        fail('lacks finish-args the app needs: %s' % ' '.join(missing))
    if len(set(args)) != len(args):
        fail('finish-args has duplicates')

    modules = manifest.get('modules', [])
    if len(modules) != 1 or not isinstance(modules[0], dict):
        fail('the app must be the only module (the GNOME runtime has every dependency)')
        return manifest
    module = modules[0]
    if module.get('name') != 'vera' or module.get('buildsystem') != 'meson':
        fail('the module must be vera, built with meson')
    if module.get('run-tests') is not True:
        fail('the module must run its tests (run-tests: true)')
    sources = module.get('sources', [])
    if sources != [s for s in sources if s.get('type') == 'dir' and s.get('path') == '..'] \
            or len(sources) != 1:
        fail('the module must build the local tree (one dir source with path "..")')
    opts = module.get('config-opts', [])
    if devel and '-Ddevelopment=true' not in opts:
        fail('the Devel manifest must configure with -Ddevelopment=true')
    if not devel and any(o.startswith('-Ddevelopment=true') for o in opts):
        fail('the stable manifest must not enable development')
    return manifest


def main():
    if len(sys.argv) < 3:
        print('usage: check-flatpak-manifest.py BASE_ID MANIFEST...', file=sys.stderr)
        return 2
    base_id = sys.argv[1]
    errors = []
    manifests = [check(p, base_id, errors) for p in sys.argv[2:]]
    manifests = [m for m in manifests if m is not None]
    versions = {m.get('runtime-version') for m in manifests}
    if len(versions) > 1:
        errors.append('the manifests use different runtime versions: %s' % ', '.join(sorted(map(str, versions))))
    return report(errors, '%d manifest(s) OK' % len(manifests))


if __name__ == '__main__':
    sys.exit(main())
