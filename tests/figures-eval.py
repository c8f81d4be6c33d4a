#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Figures end to end: runs `vera-check analyze` on every sentence of tests/fixtures/figures/LANG.json
(written for this check, not taken from any corpus) and compares the figures of the project with
the expected ones.

  right   an expected figure found with its value (and its unit, where one is expected)
  wrong   a figure found with a currency, percent or measure unit an expected figure has, but
          another value; or any figure in a sentence that must give none
  extra   other figures found (years of age, durations, …), reported, not counted as wrong

Usage: figures-eval.py VERA_CHECK [--min-recall R] [LANG…]. Exit 1 when a language has a wrong
figure or a recall below R (default 0: only report)."""
import json
import math
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
MEASURES = {"percent", "percentage-points", "km", "km2", "t", "m", "TEU", "kg", "ha"}


def is_money(unit):
    return unit is not None and len(unit) == 3 and unit.isupper() and unit != "TEU"


def same_value(a, b):
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def unit_matches(expected, found):
    if expected == "count":
        return found is None or not (is_money(found) or found in MEASURES - {"TEU"})
    return expected == found


def analyze(vera_check, text, language):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "sentence.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(text + "\n")
        args = [vera_check, "analyze", path]
        out = subprocess.run(args, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise SystemExit(f"vera-check analyze failed on {text!r}: {out.stderr.strip()}")
        project = json.loads(out.stdout)
    found = []
    for article in project.get("articles", []):
        for claim in article.get("claims", []):
            found.extend(claim.get("quantities", []))
    return found


def evaluate(vera_check, language):
    with open(os.path.join(HERE, "fixtures", "figures", language + ".json"), encoding="utf-8") as f:
        cases = json.load(f)
    right = wrong = extra = expected_total = 0
    problems = []
    for case in cases:
        found = analyze(vera_check, case["text"], language)
        expected = case["figures"]
        expected_total += len(expected)
        used = set()
        for e in expected:
            hit = None
            for i, q in enumerate(found):
                if i in used:
                    continue
                if same_value(q.get("value"), e["value"]) and unit_matches(e["unit"], q.get("unit")) and \
                   ("value_to" not in e or same_value(q.get("value_to"), e["value_to"])):
                    hit = i
                    break
            if hit is not None:
                used.add(hit)
                right += 1
            else:
                problems.append(f"missed {e} in {case['text']}")
        for i, q in enumerate(found):
            if i in used:
                continue
            unit = q.get("unit")
            clash = not expected or any(
                e["unit"] == unit and e["unit"] != "count" for e in expected)
            if clash:
                wrong += 1
                problems.append(f"WRONG {q.get('text')!r} = {q.get('value')} {unit} in {case['text']}")
            else:
                extra += 1
    recall = right / expected_total if expected_total else 1.0
    return recall, right, expected_total, wrong, extra, problems


def main():
    argv = sys.argv[1:]
    if not argv:
        raise SystemExit(__doc__)
    vera_check = argv.pop(0)
    min_recall = 0.0
    if argv[:1] == ["--min-recall"]:
        min_recall = float(argv[1])
        argv = argv[2:]
    languages = argv or ["en", "de", "zh"]
    failed = False
    for language in languages:
        recall, right, total, wrong, extra, problems = evaluate(vera_check, language)
        print(f"{language}: {right}/{total} figures right ({recall:.0%}), {wrong} wrong, {extra} extra")
        for p in problems:
            print("  " + p)
        if wrong > 0 or recall < min_recall:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
