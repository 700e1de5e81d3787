# SPDX-License-Identifier: MIT
"""The cchc Python package (bindings/python), over the C API through ctypes.

Run by ctest with PYTHONPATH set to the build tree's python/ folder (the package as built, no
CCHC_LIBRARY: it finds its library itself) and CCHC_EXAMPLE_REPORT; or by hand:
    PYTHONPATH=build/dev/python python3 -m unittest discover -s bindings/python/tests
"""
import ctypes
import datetime
import os
import threading
import unittest
from array import array
from pathlib import Path

import cchc

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = os.environ.get("CCHC_EXAMPLE_REPORT", str(ROOT / "examples" / "data" / "seed-report.json"))
TINY_CATALOG = str(ROOT / "tests" / "data" / "tiny-catalog.json")


class WithTheExample(unittest.TestCase):
    """The built-in catalogue and rules, and the bundled example report."""

    def setUp(self):
        self.catalog = cchc.Catalog.builtin()
        self.report = cchc.Report.load(self.catalog, EXAMPLE)
        self.rules = cchc.RuleSet.builtin(self.catalog)

    def tearDown(self):
        self.rules.close()
        self.report.close()
        self.catalog.close()


class CApiFromPython(WithTheExample):

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

    def test_import_a_scan_with_ocr_options(self):
        jpg = str(ROOT / "tests" / "data" / "documents" / "annex-scan-page1.jpg")
        report, findings = cchc.Report.import_file(self.catalog, jpg)
        with report, findings:
            self.assertEqual(report["B1:2.1"], "35")
        # No reading is sure enough: the figure is left unread, and a finding says so.
        report, findings = cchc.Report.import_file(self.catalog, jpg, ocr_language="vie",
                                                   ocr_min_confidence=101)
        with report, findings:
            self.assertEqual(report["B1:2.1"], "")
            self.assertIn("B1:2.1", [a for f in findings if f.rule_id == "import.unread" for a, _ in f.rows])
        with self.assertRaises(cchc.InvalidArgumentError):
            cchc.Report.import_file(self.catalog, jpg, ocr_dpi=5000)

    def test_closed_handles_are_refused(self):
        r = cchc.Report.new(self.catalog)
        r.close()
        r.close()  # twice is fine
        with self.assertRaises(ValueError):
            r["B1:1"]


class RenderFromPython(WithTheExample):
    def test_documents_with_findings(self):
        with self.rules.check(self.report) as findings:
            html = self.report.render(findings=findings)
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertEqual(html.count("<table>"), 7)
        self.assertIn('<td class="value error" data-row="B4:3.2"', html)
        md = self.report.render("md", lang="en", form=4)
        self.assertIn("## Form 4", md)
        self.assertNotIn("## Form 1 ", md)
        self.assertEqual(self.report.render("json"), self.report.to_json())
        with self.assertRaises(cchc.NotFoundError):
            self.report.render(form=9)
        with self.assertRaises(ValueError):
            self.report.render("odt")
        workbook = self.report.render("xlsx")
        self.assertIsInstance(workbook, bytes)
        self.assertTrue(workbook.startswith(b"PK"))   # a zip, as every .xlsx
        self.assertTrue(self.report.render("docx", form=1).startswith(b"PK"))

    def test_word_and_excel_read_back_to_the_same_report(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            for fmt in ("docx", "xlsx"):
                path = os.path.join(d, "report." + fmt)
                self.report.render_file(path, fmt)
                back, found = cchc.Report.import_file(None, path)
                with back, found:
                    for address in ("B4:1.3", "B4:1.4", "B7:5.1", "B1:1"):
                        self.assertEqual(back[address], self.report[address], (fmt, address))
                    self.assertEqual(back.meta("document.date"), "2024-03-12")
                    self.assertNotIn("import.unread", [f.rule_id for f in found])

    def test_csv_file_reads_back(self):
        import csv
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.csv")
            self.report.render_file(path, "csv")
            with open(path, encoding="utf-8-sig", newline="") as f:
                rows = {r[1]: r for r in csv.reader(f)}
        self.assertEqual(rows["B4:1.4"][5], "33,3")
        self.assertEqual(rows["B7:5.1"][5], "04/04")
        self.assertEqual(rows["B1:1"][5], "")


def seed_text_dated(day: int) -> str:
    """The seed's text with its report date moved to `day` March 2024."""
    text = Path(EXAMPLE).with_name("seed-report.txt").read_text(encoding="utf-8")
    old = "94/BC-SKHCN ngày 12/3/2024"
    assert old in text
    return text.replace(old, f"94/BC-SKHCN ngày {day}/3/2024")


class PackageFromPython(WithTheExample):
    """What the package adds over the C calls: exceptions by code, options, own limits."""

    def test_found_without_being_told_where(self):
        if "CCHC_LIBRARY" in os.environ:
            self.skipTest("CCHC_LIBRARY is set")
        self.assertRegex(cchc.version(), r"^\d+\.\d+\.\d+$")
        self.assertTrue(Path(cchc.__file__).with_name("py.typed").exists())

    def test_each_status_is_its_own_exception_and_a_builtin_one(self):
        cases = [
            (lambda: self.report.__setitem__("B4:1.4", "33.3"), cchc.ParseError, ValueError),
            (lambda: self.report.count("B9:1"), cchc.NotFoundError, LookupError),
            (lambda: self.report.count("B1:1"), cchc.NoValueError, LookupError),
            (lambda: self.report.count("B4:1.4"), cchc.KindError, TypeError),
            (lambda: self.report.set_count("B1:1", 10 ** 18), cchc.RangeError, ValueError),
            (lambda: cchc.Report.load(self.catalog, "/nonexistent.json"), cchc.FileError, OSError),
            (lambda: cchc.Catalog.from_json('{"format": "cchc.catalog/1"}'), cchc.Error, Exception),
            (lambda: self.report.set_percent("B4:1.4", 1, 12), cchc.RangeError, ValueError),
        ]
        for call, cls, builtin in cases:
            with self.assertRaises(cls) as e:
                call()
            self.assertIsInstance(e.exception, builtin)
            self.assertIsInstance(e.exception, cchc.Error)
            self.assertEqual(e.exception.code, cls.code if cls is not cchc.Error else e.exception.code)
            self.assertTrue(e.exception.message)

    def test_typed_setters_round_trip(self):
        self.report.set_percent("B4:1.4", 3333, 2)
        self.assertEqual(self.report.percent("B4:1.4"), (3333, 2))
        self.assertEqual(self.report["B4:1.4"], "33,33")
        self.report.set_pair("B7:5.1", 3, 5)
        self.assertEqual(self.report.pair("B7:5.1"), (3, 5))
        self.report.set_code("B1:6.2", 2)
        self.assertEqual(self.report.code("B1:6.2"), 2)
        self.assertEqual(self.report.kind("B1:6.2"), "code")
        self.report.set_code("B1:6.2", 9)   # outside its list: kept, and not valid
        self.assertFalse(self.report.is_valid("B1:6.2"))
        self.report.clear("B1:6.2", not_applicable=True)
        self.assertTrue(self.report.is_blank("B1:6.2"))

    def test_holidays_move_the_deadline(self):
        text = seed_text_dated(15)   # Friday 15/3: the first working day after Q1's 14/3
        report, found = cchc.Report.import_text(None, text)
        with report, found:
            self.assertNotIn("date.before-cutoff", [f.rule_id for f in found])
            with self.rules.check(report) as f:
                self.assertNotIn("date.before-cutoff", [x.rule_id for x in f])
            for holidays in ("2024-03-15", [datetime.date(2024, 3, 15)], ["2024-04-30", "2024-03-15"]):
                with self.rules.check(report, holidays=holidays) as f:
                    self.assertIn("date.before-cutoff", [x.rule_id for x in f])
        report, found = cchc.Report.import_text(self.catalog, text, holidays="2024-03-15")
        with report, found:
            self.assertIn("date.before-cutoff", [f.rule_id for f in found])
        with self.assertRaises(cchc.ParseError) as e:
            self.rules.check(self.report, holidays="15/03/2024")
        self.assertIn("options.holidays", e.exception.message)

    def test_language_of_errors(self):
        messages = {}
        for lang in ("vi", "en", "both"):
            with self.assertRaises(cchc.ParseError) as e:
                cchc.Report.from_json(self.catalog, "{", lang=lang)
            messages[lang] = e.exception.message
        self.assertTrue(messages["both"].startswith(messages["vi"]))
        self.assertNotEqual(messages["vi"], messages["en"])
        self.assertNotIn("không", messages["en"])
        with self.assertRaises(ValueError):
            cchc.Report.from_json(self.catalog, "{}", lang="fr")

    def test_catalogue_by_options(self):
        with cchc.Catalog.load(TINY_CATALOG) as tiny:
            self.assertEqual(tiny.id, ("test.tiny", "1"))
            doc = ('{"format": "cchc.report/1", "catalog": {"id": "test.tiny", "version": "1"},'
                   ' "values": {"B1:1": "3", "B1:1.1": "1", "B1:1.2": "2"}}')
            with cchc.Report.from_json(tiny, doc) as r:
                self.assertEqual(r.meta("catalog.id"), "test.tiny")
            with self.assertRaises(cchc.Error):
                cchc.Report.from_json(None, doc)   # the built-in catalogue refuses it

    def test_limits_for_one_call(self):
        before = cchc.limits()
        with self.assertRaises(cchc.LimitError):
            cchc.Report.load(self.catalog, EXAMPLE, limits={"json_max_depth": 1})
        self.assertEqual(cchc.limits(), before)      # the process's limits are untouched
        with cchc.Report.load(None, EXAMPLE, limits={"json_max_bytes": 1 << 20}) as r:
            self.assertEqual(r["B4:1.3"], "02")
        with self.assertRaises(cchc.InvalidArgumentError):
            cchc.Report.load(None, EXAMPLE, limits={"json_max_depth": 5000})
        with self.assertRaises(KeyError):
            cchc.Report.load(None, EXAMPLE, limits={"no_such_limit": 1})
        self.assertEqual(cchc.default_limits(), before)

    def test_rule_sets_and_batches_have_limits_of_their_own(self):
        deep = 'rule t { check ((((true)))) vi "x" en "y" }'
        with cchc.RuleSet.new(self.catalog) as strict, cchc.RuleSet.new(self.catalog) as other:
            strict.set_limits(rules_max_depth=3)
            with self.assertRaises(cchc.LimitError):
                strict.add_source(deep, "t.rules")
            other.add_source(deep, "t.rules")
            with self.assertRaises(TypeError):
                strict.set_limits({"rules_max_depth": 3}, rules_max_nodes=9)
            strict.set_limits()
            strict.add_source(deep, "t.rules")
        line = self.report.to_json().replace("\n", "")
        with cchc.Batch(self.catalog) as batch:
            batch.set_limits({"json_max_depth": 1})
            info = batch.read_text(line, "a.jsonl")
            self.assertEqual((info.reports, info.skipped), (0, 1))
            self.assertIn("a.jsonl:1", batch.skipped[0])
            batch.set_limits()
            self.assertEqual(batch.read_text(line, "a.jsonl").reports, 1)


class ArrowSchema(ctypes.Structure):
    pass


class ArrowArray(ctypes.Structure):
    pass


ArrowSchema._fields_ = [("format", ctypes.c_char_p), ("name", ctypes.c_char_p),
                        ("metadata", ctypes.c_char_p), ("flags", ctypes.c_int64),
                        ("n_children", ctypes.c_int64),
                        ("children", ctypes.POINTER(ctypes.POINTER(ArrowSchema))),
                        ("dictionary", ctypes.POINTER(ArrowSchema)),
                        ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowSchema))),
                        ("private_data", ctypes.c_void_p)]
ArrowArray._fields_ = [("length", ctypes.c_int64), ("null_count", ctypes.c_int64),
                       ("offset", ctypes.c_int64), ("n_buffers", ctypes.c_int64),
                       ("n_children", ctypes.c_int64), ("buffers", ctypes.POINTER(ctypes.c_void_p)),
                       ("children", ctypes.POINTER(ctypes.POINTER(ArrowArray))),
                       ("dictionary", ctypes.POINTER(ArrowArray)),
                       ("release", ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowArray))),
                       ("private_data", ctypes.c_void_p)]


class BatchFromPython(unittest.TestCase):
    def setUp(self):
        self.catalog = cchc.Catalog.builtin()
        self.rules = cchc.RuleSet.builtin(self.catalog)
        self.batch = cchc.Batch(self.catalog)

    def tearDown(self):
        self.batch.close()
        self.rules.close()
        self.catalog.close()

    def test_columns_from_buffers_check_as_each_report_alone(self):
        self.assertEqual(self.batch.add_blank(3), 0)
        planned = array("q", [35, 10, 35])            # a writable buffer: passed without a copy
        self.batch.set_column("B1:2.1", planned)
        self.batch.set_column("B1:2.2", memoryview(array("q", [21, 12, 21])).toreadonly())
        self.batch.set_column("B1:2", [600, None, 999], decimals=1)                  # None: blank
        self.batch.set_column("B3:3.2", array("i", [7, 0, 3]), seconds=[7, 0, 5])    # int32: copied
        self.assertEqual(self.batch[0, "B1:2"], "60,0")
        self.assertEqual(self.batch[2, "B3:3.2"], "3/5")
        column = self.batch.column("B1:2")
        self.assertEqual(list(column["values"]), [600, 0, 999])
        self.assertEqual(list(column["states"]), [0, 1, 0])
        self.batch[1, "B1:1"] = "04"
        self.assertEqual(self.batch[1, "B1:1"], "04")
        self.batch.set_meta(2, "period", "q2 2025")
        self.assertEqual(self.batch.meta(2, "period.kind"), "q2")
        with self.assertRaises(cchc.Error) as e:
            self.batch.set_column("B1:2", [1, 2, 3], decimals=12)
        self.assertEqual(e.exception.name, "invalid_argument")

        streamed = {}
        result = self.batch.check(self.rules, threads=2, keep_findings=True,
                                  on_findings=lambda i, f: streamed.__setitem__(i, len(f)))
        with result:
            reports, with_findings, with_errors = result.totals
            self.assertEqual(reports, 3)
            self.assertEqual(len(streamed), with_findings)
            statuses = result.statuses()
            for i in range(3):
                with self.batch.report(i) as alone, self.rules.check(alone) as expected, \
                        result.findings(i) as got:
                    self.assertEqual(got.to_json(), expected.to_json())
                    self.assertEqual(statuses["errors"][i], expected.summary()[0])
            summary = {s.rule_id: s for s in result.rules}
            self.assertEqual(summary["sum.B1:2.1[2.2]"].failed, 1)
            self.assertEqual(len(result.rules), len(self.rules))
            self.assertIn('"format":"cchc.batch/1"', result.to_json())
            # The summary as documents: the rule that failed once shows 1 failed of 3, 33,3 %.
            md = result.render("md", rules=self.rules, lang="en")
            self.assertIn("## Table 1 — By rule", md)
            row = next(line for line in md.splitlines() if "| sum.B1:2.1\\[2.2\\]<br>" in line)
            self.assertTrue(row.endswith("| error | 3 | 2 | 1 | 0 | 33,3 |"), row)
            self.assertTrue(result.render("xlsx").startswith(b"PK"))
            self.assertIn("<td class=\"value\">", result.render())
            with self.assertRaises(ValueError):
                result.render("json")

    def test_csv_and_skipped_lines(self):
        info = self.batch.read_text("B1:2.1;B1:2.2\n35;21\n10;mười\n1;2;3\n", "r.csv")
        self.assertEqual((info.reports, info.input_findings, info.skipped), (2, 1, 1))
        self.assertIn("r.csv:4", self.batch.skipped[0])
        with self.batch.check(self.rules) as result:
            self.assertEqual({s.rule_id: s.failed for s in result.rules}["input.cell"], 1)

    def test_arrow_struct_array(self):
        values = array("q", [35, 10])
        names = [b"B1:2.1"]
        release_schema = ArrowSchema._fields_[7][1](lambda s: setattr(s.contents, "release", ArrowSchema._fields_[7][1]()))
        release_array = ArrowArray._fields_[8][1](lambda a: setattr(a.contents, "release", ArrowArray._fields_[8][1]()))
        child_schema = ArrowSchema(format=b"l", name=names[0], release=release_schema)
        buffers = (ctypes.c_void_p * 2)(None, ctypes.addressof(ctypes.c_int64.from_buffer(values)))
        child = ArrowArray(length=2, n_buffers=2, buffers=buffers, release=release_array)
        schemas = (ctypes.POINTER(ArrowSchema) * 1)(ctypes.pointer(child_schema))
        arrays = (ctypes.POINTER(ArrowArray) * 1)(ctypes.pointer(child))
        root_buffers = (ctypes.c_void_p * 1)(None)
        schema = ArrowSchema(format=b"+s", name=b"", n_children=1, children=schemas, release=release_schema)
        table = ArrowArray(length=2, n_buffers=1, n_children=1, buffers=root_buffers,
                           children=arrays, release=release_array)
        info = self.batch.add_arrow(ctypes.addressof(table), ctypes.addressof(schema))
        self.assertEqual(info.reports, 2)
        self.assertFalse(table.release)  # moved in and released
        self.assertEqual(self.batch[1, "B1:2.1"], "10")


QUARTER = ROOT / "tests" / "data" / "quarter"


class QuarterFromPython(WithTheExample):
    """Consolidation, histories and the archive (tests/data/quarter/make_reports.py)."""

    def load(self, name: str) -> "cchc.Report":
        return cchc.Report.load(self.catalog, str(QUARTER / name))

    def test_consolidate_three_departments(self):
        units = [self.load(f"{c}-q1-2024.json") for c in ("skhcn", "stc", "syt")]
        province, found = cchc.consolidate(units, agency_name="Sở Nội vụ", agency_code="SNV",
                                           expected=["SKHCN", "STC", "SYT", "SGTVT"])
        with province, found:
            self.assertEqual(province["B7:4.4.1"], "350")
            self.assertEqual(province["B7:4.4"], "51,43")  # pooled, not an average of rates
            self.assertEqual(province.meta("agency.level"), "province")
            self.assertEqual(province.meta("period"), "q1 2024")
            ids = [f.rule_id for f in found]
            self.assertIn("consolidate.missing", ids)
            self.assertIn("consolidate.partial.B7:4.4.2", ids)
        with self.assertRaises(cchc.InvalidArgumentError):
            cchc.consolidate([])
        with self.assertRaises(cchc.RangeError):
            cchc.consolidate(units, period="q1 chín")
        for u in units:
            u.close()

    def test_history_flags_a_shrinking_flow(self):
        with self.load("skhcn-q1-2024.json") as q1, \
                self.load("skhcn-six-months-2024-shrank.json") as shrank, \
                cchc.History.new([q1]) as history:
            self.assertEqual(len(history), 1)
            with self.rules.check(shrank, history=history) as found:
                flow = [f for f in found if f.rule_id == "period.flow.B7:4.4.1"]
                self.assertEqual(len(flow), 1)
                self.assertEqual(flow[0].rows, (("B7:4.4.1", "80"), ("B7:4.4.1", "100")))
                self.assertEqual(flow[0].periods, ("", "q1 2024"))
            with self.rules.check(shrank) as alone:
                self.assertFalse([f for f in alone if f.rule_id.startswith("period.")])

    def test_archive(self):
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "a.db")
            units = [self.load(f"{c}-q1-2024.json") for c in ("skhcn", "stc", "syt")]
            with cchc.Archive.open(path) as db:
                self.assertEqual(db.add(units), {"added": 3, "replaced": 0, "unchanged": 0, "refused": 0})
                self.assertEqual(db.add(units)["unchanged"], 3)
                self.assertEqual(db.counts(), (3, 3))
                self.assertEqual(len(db.export(period="q1 2024").splitlines()), 3)
                self.assertEqual(len(db.export(agency="STC").splitlines()), 1)
                db.verify()
                with self.load("skhcn-six-months-2024-shrank.json") as shrank, \
                        db.history(shrank) as history, self.rules.check(shrank, history=history) as found:
                    self.assertEqual(len(history), 1)
                    self.assertIn("period.flow.B7:4.4.1", [f.rule_id for f in found])
            for u in units:
                u.close()
            Path(tmp, "not.db").write_text("not a database, a text file long enough " * 4)
            with self.assertRaises(cchc.ParseError):
                cchc.Archive.open(os.path.join(tmp, "not.db"))


class TemplatesFromPython(unittest.TestCase):
    """The registry, migration and Decision 766 scoring (docs/templates.md)."""

    def test_registry_and_a_template_folder(self):
        with cchc.Registry.open([str(ROOT / "examples" / "templates")]) as registry:
            listed = [(t.id, t.version, t.level) for t in registry]
            self.assertEqual(len(registry), 5)
            self.assertIn(("vn.example.xa-mau", "2025.1", "commune"), listed)
            dept = registry.lookup("vn.sonla.snv-3981-2022.so-nganh")
            self.assertEqual((dept.version, dept.mapping_from, dept.effective_from), ("2025.1", "2022.1", "2025-07-01"))
            self.assertIn("Derived by cchc", dept.derived)
            with self.assertRaises(cchc.NotFoundError):
                registry.lookup("vn.nowhere")
            text = (ROOT / "examples" / "data" / "xa-mau-q1-2026.json").read_text(encoding="utf-8")
            t = registry.for_report_json(text)
            self.assertTrue(t.origin.endswith("vn.example.xa-mau"))
            with t.catalog() as cat, t.rules() as rules, cchc.Report.from_json(cat, text) as report, \
                    rules.check(report) as found:
                self.assertIn("template.deadline", [f.rule_id for f in found])

    def test_migrate_and_score(self):
        with cchc.Registry.open() as registry, cchc.Catalog.builtin() as cat, \
                cchc.Report.load(cat, EXAMPLE) as seed:
            migrated, notes = cchc.migrate(seed, registry, "2025.1")
            with migrated, notes:
                self.assertEqual(migrated["B7:4.3.3"], "5")
                self.assertEqual(migrated.meta("catalog.version"), "2025.1")
                self.assertIn("migrate.added.B7:4.6", [f.rule_id for f in notes])
            t766 = registry.lookup("vn.qd-766-2022.chi-so-phuc-vu")
            self.assertTrue(t766.has_scoring)
            data = ROOT / "examples" / "data"
            with t766.catalog() as c766, cchc.Report.load(c766, str(data / "chi-so-766-q1-2025.json")) as q1, \
                    cchc.Report.load(c766, str(data / "chi-so-766-2024.json")) as last, \
                    cchc.History.new([last]) as history:
                s = cchc.score(q1, t766, history)
                self.assertEqual((s["total"], s["max"], s["complete"]), ("10,00", "100", False))
                groups = {g["id"]: g for g in s["groups"]}
                self.assertEqual(groups["5"]["points"], "6,00")
                self.assertIn("1.1", s["unweighted"])
                with self.assertRaises(cchc.InvalidArgumentError):
                    cchc.score(seed, t766)

    def test_archive_history_across_versions(self):
        import tempfile
        data = ROOT / "tests" / "data" / "templates"
        with cchc.Registry.open() as registry, tempfile.TemporaryDirectory() as tmp:
            v2022 = registry.lookup("vn.sonla.snv-3981-2022.so-nganh", "2022.1")
            v2025 = registry.lookup("vn.sonla.snv-3981-2022.so-nganh", "2025.1")
            with v2022.catalog() as c2022, v2025.catalog() as c2025, v2025.rules() as rules, \
                    cchc.Report.load(c2022, str(data / "skhcn-q1-2025.json")) as q1, \
                    cchc.Report.load(c2025, str(data / "skhcn-nine-months-2025.json")) as nine, \
                    cchc.Archive.open(os.path.join(tmp, "a.db")) as db:
                db.add([q1])
                with db.history(nine) as same, db.history(nine, registry=registry) as every:
                    self.assertEqual((len(same), len(every)), (0, 1))
                    with rules.check(nine, history=every) as found:
                        self.assertIn("period.flow.B7:4.4.1", [f.rule_id for f in found])


if __name__ == "__main__":
    unittest.main()
