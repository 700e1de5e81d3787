#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The JSON Schemas of docs/schemas/ against every template file cchc ships, and against files
cchc refuses (each is also refused by the C++ readers: tests/templates_test.cpp, score_test.cpp).
An editor that validates with these schemas tells an officer what cchc would, before cchc runs.

Arguments (from ctest): the cchc command and a work folder, unused here."""
import glob
import json
import os
import sys

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCHEMAS = {k: json.load(open(os.path.join(ROOT, "docs", "schemas", f"cchc.{k}.schema.json"), encoding="utf-8"))
           for k in ("catalog", "template", "mapping", "scoring")}


def kind_of(path: str) -> str:
    name = os.path.basename(path)
    return "catalog" if "catalog" in name else name.split(".")[0]


def main() -> int:
    for schema in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(schema)
    files = sorted(glob.glob(os.path.join(ROOT, "templates", "*", "*.json")) +
                   glob.glob(os.path.join(ROOT, "examples", "templates", "*", "*.json")) +
                   glob.glob(os.path.join(ROOT, "tests", "data", "*catalog*.json")))
    failed = 0
    for f in files:
        try:
            jsonschema.validate(json.load(open(f, encoding="utf-8")), SCHEMAS[kind_of(f)])
        except jsonschema.ValidationError as e:
            print(f"FAIL {f}: {e.message} at {list(e.absolute_path)}")
            failed += 1
    if len(files) < 12:
        print(f"FAIL only {len(files)} template files found")
        failed += 1
    # What cchc refuses, the schemas refuse too.
    refused = [
        ("template", {"format": "cchc.template/1", "deadline": {"q1": "03-10"}}),          # a typo
        ("template", {"format": "cchc.template/1", "deadlines": {"q1": "13-01"}}),         # no 13th month
        ("template", {"format": "cchc.template/1", "deadlines": {"q5": "03-10"}}),         # no such period
        ("mapping", {"format": "cchc.mapping/1", "from": {"id": "x", "version": "1"},
                     "rows": [{"how": "move", "from": "B1:1", "to": "B1:2"}]}),
        ("mapping", {"format": "cchc.mapping/1", "rows": []}),                              # from where?
        ("scoring", {"format": "cchc.scoring/1", "title": "t", "source": "s", "groups": [
            {"id": "1", "title": "g", "points": 10, "indicators": [{"id": "1.1", "title": "a", "rate": "B1:1", "points": None}]}]}),
        ("scoring", {"format": "cchc.scoring/1", "title": "t", "source": "s", "groups": [
            {"id": "1", "title": "g", "points": 10, "indicators": [
                {"id": "1.1", "title": "a", "rate": "B1:1", "numerator": "B1:1.2", "denominator": "B1:1.1", "points": 5}]}]}),
        ("catalog", {"format": "cchc.catalog/1", "id": "x", "version": "1",
                     "forms": [{"number": 1, "rows": [{"code": "1", "label": "a", "kind": "tally"}]}]}),
        ("catalog", {"format": "cchc.catalog/1", "id": "x", "version": "1",
                     "forms": [{"number": 1, "rows": [{"code": "1.", "label": "a", "kind": "count"}]}]}),
    ]
    for kind, doc in refused:
        try:
            jsonschema.validate(doc, SCHEMAS[kind])
            print(f"FAIL the {kind} schema accepts {json.dumps(doc, ensure_ascii=False)}")
            failed += 1
        except jsonschema.ValidationError:
            pass
    print(f"{len(files)} files valid, {len(refused)} refused as cchc refuses them" if not failed else f"{failed} failures")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
