#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validates Vera's W3C Web Annotation export against the MUST assertions of the W3C Web
Annotation test suite (JSON Schema draft 4), resolving every $ref from the local copy: no network.

usage: validate-webannotation.py EXPORT_SAMPLE_PROGRAM SCHEMAS_DIR

Prints TAP. Skips when the schemas (../shared) or python3-jsonschema are absent."""

import copy
import json
import os
import subprocess
import sys
import warnings


def skip(reason):
    print("1..0 # SKIP " + reason)
    sys.exit(0)


def load_assertions(schemas_dir, test_file):
    """The schema files a *.test lists as its assertions (all of them assertionType must)."""
    with open(os.path.join(schemas_dir, test_file), encoding="utf-8") as f:
        test = json.load(f)
    schemas = []
    for name in test["assertions"]:
        with open(os.path.join(schemas_dir, name), encoding="utf-8") as f:
            schema = json.load(f)
        if schema.get("assertionType", "must") == "must":
            schemas.append((name, schema))
    return schemas


def make_store(schemas_dir):
    """Every definitions/*.json by its id, so $refs like "id.json#/definitions/…" resolve."""
    store = {}
    definitions = os.path.join(schemas_dir, "definitions")
    for name in sorted(os.listdir(definitions)):
        if name.endswith(".json"):
            with open(os.path.join(definitions, name), encoding="utf-8") as f:
                schema = json.load(f)
            store[schema.get("id", name)] = schema
    return store


def main():
    if len(sys.argv) != 3:
        print("usage: validate-webannotation.py EXPORT_SAMPLE SCHEMAS_DIR", file=sys.stderr)
        return 2
    program, schemas_dir = sys.argv[1:]
    if not os.path.isdir(schemas_dir):
        skip(schemas_dir + " is absent: the ../shared folder is not beside the checkout")
    # RefResolver is deprecated in newer jsonschema but is what Debian 12's 4.10 offers.
    warnings.simplefilter("ignore", DeprecationWarning)
    try:
        import jsonschema
    except ImportError:
        skip("python3-jsonschema is not installed")

    store = make_store(schemas_dir)
    exported = json.loads(subprocess.run([program, "webannotation"], check=True,
                                         capture_output=True).stdout)

    checks = []
    # The collection, and its embedded page, against the collection and page MUSTs.
    for name, schema in load_assertions(schemas_dir, "collections/collectionMusts.test"):
        checks.append(("collection " + name, schema, exported))
    for name, schema in load_assertions(schemas_dir, "collections/pages/pageMusts.test"):
        checks.append(("page " + name, schema, exported))
    # Each annotation on its own, as it would be served alone (with the collection's @context).
    items = exported["first"]["items"]
    annotation_musts = load_assertions(schemas_dir, "annotations/annotationMusts.test")
    for index, item in enumerate(items):
        annotation = copy.deepcopy(item)
        annotation["@context"] = exported["@context"]
        for name, schema in annotation_musts:
            checks.append(("annotation %d %s" % (index, name), schema, annotation))

    print("1..%d" % len(checks))
    failures = 0
    for number, (label, schema, instance) in enumerate(checks, 1):
        base = schema.get("id", "")
        resolver = jsonschema.RefResolver(base_uri=base, referrer=schema, store=store)
        validator = jsonschema.Draft4Validator(
            schema, resolver=resolver, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        errors = list(validator.iter_errors(instance))
        if errors:
            failures += 1
            print("not ok %d %s" % (number, label))
            for error in errors[:3]:
                print("# " + error.message[:300].replace("\n", " "))
        else:
            print("ok %d %s" % (number, label))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
