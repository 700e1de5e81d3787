#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Does what examples/c/check_report.c does, in Python: load a report, check it with the
built-in rules, print the findings as `cchc check` does; set a value, check again, print the
new summary.

    python3 examples/python/check_report.py [report.json]             (cchc installed)
    PYTHONPATH=build/release/python python3 examples/python/check_report.py   (a build tree)
"""
import sys
from pathlib import Path

import cchc

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "seed-report.json"


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else str(DEFAULT)
    try:
        with cchc.Catalog.builtin() as catalog, cchc.Report.load(catalog, path) as report, \
                cchc.RuleSet.builtin(catalog) as rules:
            with rules.check(report) as findings:
                sys.stdout.write(findings.to_text("vi"))
            report["B4:3.2"] = "25"
            with rules.check(report) as findings:
                errors, warnings, infos = findings.summary()
            print(f"--- B4:3.2 = 25: {errors} errors, {warnings} warnings, {infos} info")
            return 1 if errors else 0
    except cchc.Error as e:
        print(f"cchc: {e.message} ({e.name})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
