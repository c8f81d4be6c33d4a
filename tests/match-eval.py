#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""MAP@5 of `vera-check match` on the CheckThat! verified-claim retrieval sets of
../shared/datasets/claim-retrieval, beside the plain BM25 floor (`--plain-bm25`: every query term,
BM25 over claim and headline only) run by the same binary on the same archive.

Each collection is imported once (`vera-check archive import`) into a temporary archive; the
queries (the text column of *.queries.tsv, one a line) go through `vera-check match --json
--limit 5` as a tool would run it; AP@5 = sum of precision at each relevant hit in the top 5,
divided by the number of relevant reviews (the CheckThat! scorer's definition).

The re-ranking weights are tuned on the training queries only (tests/bench/eval-match);
report the dev sets. Measured on branch archive (weights of 5d2408d), plain BM25 → match:
  ct21-2a/train 0.7926 → 0.7932   ct21-2b/train 0.4951 → 0.4917   ct20-2/train 0.8251 → 0.8239
  ct21-2b/dev   0.3806 → 0.3862   ct20-2/dev    0.7606 → 0.7728   (about 15 ms a query)

Usage: match-eval.py VERA_CHECK [SET…]   SET: ct21-2a/train ct21-2b/train ct21-2b/dev
                                              ct20-2/train ct20-2/dev (default: all)"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.environ.get("VERA_SHARED_DIR", os.path.join(HERE, "..", "..", "shared")),
                    "datasets", "claim-retrieval")
COLLECTIONS = {
    "ct21-2a": "ct21-2a-snopes.jsonl",
    "ct21-2b": "ct21-2b-politifact.jsonl",
    "ct20-2": "ct20-snopes.docs.tsv",
}
SETS = ["ct21-2a/train", "ct21-2b/train", "ct21-2b/dev", "ct20-2/train", "ct20-2/dev"]
DEPTH = 5


def read_qrels(path):
    qrels = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) >= 4 and int(fields[3]) > 0:
                qrels.setdefault(fields[0], set()).add(fields[2])
    return qrels


def read_queries(path, qrels):
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            qid, _, text = line.rstrip("\n").partition("\t")
            if qid in qrels:
                queries.append((qid, " ".join(text.split())))
    return queries


def run_match(vera_check, archive, queries, extra):
    start = time.monotonic()
    out = subprocess.run([vera_check, "match", "--archive", archive, "--json", "--limit",
                          str(DEPTH)] + extra,
                         input="".join(text + "\n" for _, text in queries),
                         capture_output=True, text=True, check=True).stdout
    seconds = time.monotonic() - start
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in results] == list(range(len(queries))), "one line per query"
    return [[m["id"] for m in r["matches"]] for r in results], seconds


def mean_ap(ranked_lists, queries, qrels):
    total = 0.0
    for ranked, (qid, _) in zip(ranked_lists, queries):
        relevant = qrels[qid]
        hits, ap = 0, 0.0
        for i, key in enumerate(ranked[:DEPTH]):
            if key in relevant:
                hits += 1
                ap += hits / (i + 1)
        total += ap / len(relevant)
    return total / max(len(queries), 1)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    vera_check = sys.argv[1]
    sets = sys.argv[2:] or SETS
    if not os.path.isdir(DATA):
        print(f"1..0 # SKIP {DATA} is absent")
        return 0
    archives = {}
    with tempfile.TemporaryDirectory() as tmp:
        print("# set: queries, MAP@5 plain BM25 → vera-check match (ms per query, start-up included)")
        for name in sets:
            task, split = name.split("/")
            if task not in archives:
                archives[task] = os.path.join(tmp, task + ".sqlite")
                subprocess.run([vera_check, "archive", "import", archives[task],
                                os.path.join(DATA, "vclaims", COLLECTIONS[task])],
                               check=True, stdout=subprocess.DEVNULL)
            qrels = read_qrels(os.path.join(DATA, "dev", task, split + ".qrels"))
            queries = read_queries(os.path.join(DATA, "dev", task, split + ".queries.tsv"), qrels)
            floor, _ = run_match(vera_check, archives[task], queries, ["--plain-bm25"])
            ours, seconds = run_match(vera_check, archives[task], queries, [])
            print(f"{name}: {len(queries)} queries, MAP@5 {mean_ap(floor, queries, qrels):.4f}"
                  f" → {mean_ap(ours, queries, qrels):.4f}"
                  f" ({1000 * seconds / max(len(queries), 1):.1f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
