#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The province's quarter in Python, as examples/c/quarter.c does it in C: three departments'
Q1 reports consolidated into the province's, kept in an archive, and a department's six-month
report checked against its Q1 report from the archive.

    python3 examples/python/quarter.py ARCHIVE.db [REPORT_DIR]      (cchc installed)
    PYTHONPATH=build/dev/python python3 examples/python/quarter.py /tmp/q.db   (a build tree)
"""
import sys
from pathlib import Path

import cchc

DEFAULT = Path(__file__).resolve().parents[2] / "tests" / "data" / "quarter"


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: quarter.py ARCHIVE.db [REPORT_DIR]", file=sys.stderr)
        return 2
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else DEFAULT
    try:
        with cchc.Catalog.builtin() as catalog, cchc.RuleSet.builtin(catalog) as rules:
            units = [cchc.Report.load(catalog, str(folder / f"{code}-q1-2024.json"))
                     for code in ("skhcn", "stc", "syt")]
            province, found = cchc.consolidate(units, agency_name="Sở Nội vụ tỉnh Sơn La",
                                               agency_code="SNV",
                                               expected=["SKHCN", "STC", "SYT", "SGTVT"])
            with province, found:
                print(f"Province, {province.meta('period')}: B7:4.4.1 = {province['B7:4.4.1']}, "
                      f"B7:4.4 = {province['B7:4.4']} % (pooled, not averaged)")
                for f in found:
                    if f.severity != "info":
                        print(f"  {f.severity}: {f.message_en}")
            with cchc.Archive.open(sys.argv[1]) as archive:
                print("Archive:", archive.add(units))
                six = cchc.Report.load(catalog, str(folder / "skhcn-six-months-2024-shrank.json"))
                with six, archive.history(six) as history, rules.check(six, history=history) as checked:
                    for f in checked:
                        if f.rule_id.startswith("period."):
                            print(f"  [{f.rule_id}] {f.message_en}")
                    errors = checked.summary()[0]
            for u in units:
                u.close()
            return 1 if errors else 0
    except cchc.Error as e:
        print(f"cchc: {e.message} ({e.name})", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
