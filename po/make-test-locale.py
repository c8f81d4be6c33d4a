#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Copy the catalogs meson builds (po/LANG/LC_MESSAGES/vera-LANG.mo) into a locale directory
(LOCALEDIR/LANG/LC_MESSAGES/vera.mo) and touch STAMP.
usage: make-test-locale.py LOCALEDIR STAMP MO..."""

import os
import shutil
import sys

localedir, stamp, catalogs = sys.argv[1], sys.argv[2], sys.argv[3:]
for mo in catalogs:
    lang = os.path.basename(os.path.dirname(os.path.dirname(os.path.abspath(mo))))
    dest = os.path.join(localedir, lang, 'LC_MESSAGES')
    os.makedirs(dest, exist_ok=True)
    shutil.copyfile(mo, os.path.join(dest, 'vera.mo'))
with open(stamp, 'w', encoding='utf-8') as f:
    f.write('\n'.join(sorted(catalogs)) + '\n')
