#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reference figures end to end: runs `vera-check analyze` on every sentence of
tests/fixtures/plausibility/LANG.tsv (written for this check, not taken from any corpus; each
sentence is an article of its own) and counts the `implausible` findings.

  flagged      a sentence marked "flag" (three or more times off) that got a finding
  false alarm  a sentence marked "ok" (right, near-right, ambiguous, not a total) that got one

Usage: plausibility-eval.py VERA_CHECK [LANG…]. Exit 1 on any false alarm."""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


TITLES = {"en": "Report", "de": "Bericht", "zh": "报告"}


def findings(vera_check, lang, sentence, tmp):
    path = os.path.join(tmp, "article.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("%s\n\n%s\n" % (TITLES.get(lang, "Report"), sentence))
    out = subprocess.run([vera_check, "analyze", path], check=True, capture_output=True,
                         text=True).stdout
    found = []

    def walk(o):
        if isinstance(o, dict):
            if o.get("kind") == "implausible":
                found.append(o.get("message", ""))
            for v in o.values():
                walk(v)
        elif isinstance(o, list):
            for v in o:
                walk(v)
    walk(json.loads(out))
    return found


def main():
    vera_check = sys.argv[1]
    langs = sys.argv[2:] or ["en", "de", "zh"]
    false_alarms = 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            flagged = n_flag = alarms = n_ok = 0
            with open(os.path.join(HERE, "fixtures", "plausibility", lang + ".tsv"),
                      encoding="utf-8") as f:
                for line in f:
                    if line.startswith("#") or not line.strip():
                        continue
                    expected, sentence = line.rstrip("\n").split("\t", 1)
                    got = findings(vera_check, lang, sentence, tmp)
                    if expected == "flag":
                        n_flag += 1
                        flagged += bool(got)
                        if not got:
                            print("%s missed: %s" % (lang, sentence))
                    else:
                        n_ok += 1
                        alarms += bool(got)
                        if got:
                            print("%s false alarm: %s → %s" % (lang, sentence, got[0]))
            print("%s: flagged %d/%d, false alarms %d/%d" % (lang, flagged, n_flag, alarms, n_ok))
            false_alarms += alarms
    return 1 if false_alarms else 0


if __name__ == "__main__":
    sys.exit(main())
