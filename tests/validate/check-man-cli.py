#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that the manual page of vera-check documents the tool as it is built: every command
and every long option that `vera-check --help` lists, and no command it does not have.

usage: check-man-cli.py VERA_CHECK PAGE.1"""

import os
import re
import subprocess
import sys

from vera_validate import report


def help_text(exe, *args):
    env = dict(os.environ, LC_ALL='C.UTF-8', LANGUAGE='C')
    r = subprocess.run([exe, *args, '--help'], capture_output=True, text=True, env=env)
    return r.stdout


def plain(troff):
    """The text of a troff source, without font escapes and with plain hyphens."""
    text = troff.replace('\\-', '-').replace('\\e', '\\')
    return re.sub(r'\\f[BIRP]|\\\(..|\\&', '', text)


def man_commands(troff):
    """The commands the COMMANDS section describes (the first word of each .TP tag)."""
    m = re.search(r'^\.SH COMMANDS\n(.*?)^\.SH ', troff, re.M | re.S)
    if not m:
        return None
    names = re.findall(r'^\.TP\n\.B[IR]?\s+"?([a-z][a-z-]*)', plain(m.group(1)), re.M)
    return set(names)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    exe, page = sys.argv[1:]
    with open(page, encoding='utf-8') as f:
        troff = f.read()
    text = plain(troff)
    errors = []

    top = help_text(exe)
    block = re.search(r'^Commands:\n((?:  \S.*\n)+)', top, re.M)
    if not block:
        return report(['vera-check --help lists no commands'], '')
    commands = [line.split()[0] for line in block.group(1).splitlines()]

    documented = man_commands(troff)
    if documented is None:
        errors.append('%s has no COMMANDS section' % page)
        documented = set()
    for cmd in commands:
        if cmd not in documented:
            errors.append('the command %s is not described in the COMMANDS section' % cmd)
        options = set(re.findall(r'^\s+(?:-\w, )?(--[a-z][a-z-]*)', help_text(exe, cmd), re.M))
        options.discard('--help')
        for opt in sorted(options):
            if not re.search(r'(?<![\w-])%s(?![\w-])' % re.escape(opt), text):
                errors.append('%s %s is not documented' % (cmd, opt))
    for cmd in sorted(documented - set(commands)):
        errors.append('the page describes %s, which vera-check does not have' % cmd)

    return report(errors, '%s documents every command and option: %s'
                  % (os.path.basename(page), ', '.join(commands)))


if __name__ == '__main__':
    sys.exit(main())
