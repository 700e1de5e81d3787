#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Templates in Python: list what the registry holds (the built-in templates and a folder of
your own), check a report with the template it names, carry the example report to the 2025
version of its template, and score a province's quarter under Decision 766/QĐ-TTg.

    python3 examples/python/templates.py [TEMPLATE_DIR]                  (cchc installed)
    PYTHONPATH=build/dev/python python3 examples/python/templates.py     (a build tree)
"""
import sys
from pathlib import Path

import cchc

EXAMPLES = Path(__file__).resolve().parents[1]


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else EXAMPLES / "templates"
    try:
        with cchc.Registry.open([str(folder)]) as registry:
            for t in registry:
                derived = " [derived]" if t.derived else ""
                print(f"{t.id} {t.version} ({t.level}, from {t.effective_from or '?'}){derived}")

            # A report names its template: read and check it with that template.
            text = (EXAMPLES / "data" / "xa-mau-q1-2026.json").read_text(encoding="utf-8")
            t = registry.for_report_json(text)
            with t.catalog() as cat, t.rules() as rules, cchc.Report.from_json(cat, text) as report, \
                    rules.check(report) as found:
                for f in found:
                    print(f"{f.severity} [{f.rule_id}] {f.message_en}")

            # The example report follows the 2022 department template; carry it to 2025.1.
            with cchc.Catalog.builtin() as cat, \
                    cchc.Report.load(cat, str(EXAMPLES / "data" / "seed-report.json")) as seed:
                moved, notes = cchc.migrate(seed, registry, "2025.1")
                with moved, notes:
                    print(f"migrated to {moved.meta('catalog.version')}: B7:4.3.3 = {moved['B7:4.3.3']}, "
                          f"{len(notes)} notes")

            # Decision 766: a quarter without a denominator takes last year's ÷ 4.
            t766 = registry.lookup("vn.qd-766-2022.chi-so-phuc-vu")
            with t766.catalog() as c766, \
                    cchc.Report.load(c766, str(EXAMPLES / "data" / "chi-so-766-q1-2025.json")) as q1, \
                    cchc.Report.load(c766, str(EXAMPLES / "data" / "chi-so-766-2024.json")) as last, \
                    cchc.History.new([last]) as history:
                score = cchc.score(q1, t766, history)
                for group in score["groups"]:
                    print(f"group {group['id']} {group['title']}: {group['points']} / {group['max']}")
                print(f"total {score['total']} / {score['max']}, complete: {score['complete']}, "
                      f"unweighted: {', '.join(score['unweighted'])}")
    except cchc.Error as e:
        print(f"cchc: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
