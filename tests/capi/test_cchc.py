# SPDX-License-Identifier: MIT
"""The C API from Python (ctypes), through examples/python/cchc.py.

Run by ctest with CCHC_LIBRARY, CCHC_PYTHON_DIR and CCHC_EXAMPLE_REPORT set."""
import os
import sys
import threading
import unittest

sys.path.insert(0, os.environ.get("CCHC_PYTHON_DIR", "../../examples/python"))
import cchc  # noqa: E402

EXAMPLE = os.environ.get("CCHC_EXAMPLE_REPORT", "../../examples/data/seed-report.json")


class CApiFromPython(unittest.TestCase):
    def setUp(self):
        self.catalog = cchc.Catalog.builtin()
        self.report = cchc.Report.load(self.catalog, EXAMPLE)
        self.rules = cchc.RuleSet.builtin(self.catalog)

    def tearDown(self):
        self.rules.close()
        self.report.close()
        self.catalog.close()

    def test_limits(self):
        before = cchc.limits()
        self.assertEqual(before["rules_max_depth"], 256)
        try:
            cchc.set_limits(rules_max_depth=3)
            rules = cchc.RuleSet.new(self.catalog)
            with self.assertRaises(cchc.Error) as e:
                rules.add_source('rule t { check ((((true)))) vi "x" en "y" }', "t.rules")
            self.assertEqual(e.exception.name, "limit_exceeded")
            rules.close()
            with self.assertRaises(cchc.Error) as e:
                cchc.set_limits(rules_max_depth=0)
            self.assertEqual(e.exception.name, "invalid_argument")
            with self.assertRaises(KeyError):
                cchc.set_limits(no_such_limit=1)
        finally:
            cchc.set_limits(**before)
        self.assertEqual(cchc.limits(), before)

    def test_catalogue(self):
        self.assertEqual(self.catalog.id, ("vn.sonla.snv-3981-2022.so-nganh", "2022.1"))
        self.assertEqual(len(self.catalog.forms()), 7)
        rows = {r.address: r for r in self.catalog.rows()}
        self.assertEqual(len(rows), 129)
        self.assertEqual(rows["B1:6.2"].kind, "code")
        self.assertEqual(rows["B1:6.2"].codes[2], (2, "Kết hợp"))
        self.assertEqual(rows["B4:1.4"].unit, "%")

    def test_values_as_written_and_typed(self):
        self.assertEqual(self.report["B4:1.3"], "02")
        self.assertEqual(self.report["B1:1"], "")
        self.assertTrue(self.report.is_blank("B1:1"))
        self.assertEqual(self.report.percent("B4:1.4"), (333, 1))
        self.assertEqual(self.report.pair("B7:5.1"), (4, 4))
        self.report.set_count("B1:1", 12)
        self.assertEqual(self.report.count("B1:1"), 12)
        self.report["B1:2"] = "60"
        self.assertEqual(self.report["B1:2"], "60")

    def test_errors_carry_code_and_where(self):
        with self.assertRaises(cchc.Error) as e:
            self.report["B4:1.4"] = "33.3"
        self.assertEqual(e.exception.name, "parse_error")
        self.assertIn("B4:1.4", e.exception.message)
        with self.assertRaises(cchc.Error) as e:
            self.report.count("B9:1")
        self.assertEqual(e.exception.name, "not_found")
        with self.assertRaises(cchc.Error) as e:
            self.report.count("B1:1")
        self.assertEqual(e.exception.name, "no_value")
        with self.assertRaises(cchc.Error) as e:
            self.report.count("B4:1.4")
        self.assertEqual(e.exception.name, "kind_mismatch")
        with self.assertRaises(cchc.Error) as e:
            cchc.Report.from_json(self.catalog, "{\n  oops")
        self.assertIn("2:3", e.exception.message)
        with self.assertRaises(cchc.Error):
            cchc.Report.load(self.catalog, "/nonexistent.json")

    def test_metadata(self):
        self.assertEqual(self.report.meta("agency.name"), "Sở Khoa học và Công nghệ")
        self.assertEqual(self.report.meta("period"), "q1 2024")
        self.report.set_meta("document.signer", "Nguyễn Văn A")
        self.assertEqual(self.report.meta("document.signer"), "Nguyễn Văn A")
        with self.assertRaises(cchc.Error):
            self.report.set_meta("document.date", "2024-02-30")

    def test_check_findings(self):
        with self.rules.check(self.report) as findings:
            self.assertEqual(len(findings), 11)
            self.assertEqual(findings.summary(), (5, 2, 4))
            first = findings[0]
            self.assertEqual(first.rule_id, "required.B1:1")
            self.assertEqual(first.rows, (("B1:1", None),))
            derivable = findings[1]
            self.assertEqual(derivable.fix, ("B1:2", "60"))
            self.assertIn("60%", derivable.message_vi)
            self.assertIn('"format": "cchc.findings/1"', findings.to_json())
            self.assertIn("Total: 5 errors", findings.to_text("en"))

    def test_rule_source_and_compile_errors(self):
        self.rules.add_source('rule my.tasks { check B1:4.2 >= 160 vi "ít" en "few" }', "mine.rules")
        with self.rules.check(self.report) as findings:
            self.assertIn("my.tasks", [f.rule_id for f in findings])
        with self.assertRaises(cchc.Error) as e:
            self.rules.add_source('rule bad {\n check B1:2 == B1:2.1 vi "a" en "b" }', "bad.rules")
        self.assertIn("bad.rules:2:8", e.exception.message)
        self.assertEqual(e.exception.name, "kind_mismatch")

    def test_python_rules(self):
        self.rules.add_rule("py.total", "warning",
                            lambda r: [("Tổng {}".format(r["B1:4.1"]), "Total", ["B1:4.1"])])
        with self.rules.check(self.report) as findings:
            mine = [f for f in findings if f.rule_id == "py.total"]
            self.assertEqual(len(mine), 1)
            self.assertEqual(mine[0].severity, "warning")
            self.assertEqual(mine[0].message_vi, "Tổng 196")

    def test_a_failing_python_rule_fails_the_check(self):
        def broken(_report):
            raise RuntimeError("no")
        self.rules.add_rule("py.broken", "error", broken)
        with self.assertRaises(cchc.Error) as e:
            self.rules.check(self.report)
        self.assertEqual(e.exception.name, "callback_failed")

    def test_derive_and_json_round_trip(self):
        derived, count = self.report.derive()
        with derived:
            self.assertEqual(count, 2)
            self.assertEqual(derived["B1:2"], "60")
        self.assertEqual(self.report["B1:2"], "")
        with cchc.Report.from_json(self.catalog, self.report.to_json()) as back:
            self.assertEqual(back.to_json(), self.report.to_json())

    def test_threads_share_a_rule_set(self):
        expected = self.rules.check(self.report).to_text()
        results = []

        def work():
            for _ in range(20):
                with self.report.clone() as copy, self.rules.check(copy) as f:
                    results.append(f.to_text() == expected)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(results), 80)
        self.assertTrue(all(results))

    def test_import_text(self):
        txt = EXAMPLE.replace("seed-report.json", "seed-report.txt")
        report, findings = cchc.Report.import_file(self.catalog, txt)
        with report, findings:
            self.assertEqual(report["B7:5.1"], "04/04")
            self.assertEqual(report.meta("document.signer"), "Lưu Bình Khiêm")
            ids = [f.rule_id for f in findings]
            self.assertIn("period.next", ids)
            self.assertEqual([f.line for f in findings if f.rule_id == "narrative.B4:2.1"], [260])

    def test_closed_handles_are_refused(self):
        r = cchc.Report.new(self.catalog)
        r.close()
        r.close()  # twice is fine
        with self.assertRaises(ValueError):
            r["B1:1"]


if __name__ == "__main__":
    unittest.main()
