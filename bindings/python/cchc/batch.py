# SPDX-License-Identifier: MIT
"""Many reports of one catalogue as columns, checked at once (docs/batch.md)."""
from __future__ import annotations

import ctypes
from array import array
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Mapping, Optional, Tuple, Union

from . import _lib
from ._lib import SEVERITIES, b, check, i64, library, new, sz, text
from .core import Catalog, Findings, Report, RuleSet, _own_limits, _render_options

__all__ = ["Batch", "BatchResult", "RuleSummary", "ReadInfo", "CELL_STATES"]

CELL_STATES = {"reported": 0, "not_reported": 1, "not_applicable": 2, "invalid": 3}


def _as_array(obj: Any, typecode: str, itemsize: int, formats: Tuple[str, ...]) -> Any:
    """obj as a C array for one call: a C-contiguous writable buffer of the right type is passed
    as it is (numpy arrays, array.array, memoryviews: no copy, no numpy needed); anything else
    (a list, another integer type, a read-only buffer) is copied into an array.array."""
    try:
        view = memoryview(obj)
    except TypeError:
        return array(typecode, obj)
    if (view.ndim == 1 and view.itemsize == itemsize and view.format.lstrip("<=@") in formats
            and view.c_contiguous and not view.readonly):
        return view
    if view.ndim == 1 and view.format.lstrip("<=@") in formats and view.itemsize == itemsize:
        copy = array(typecode)
        copy.frombytes(view.tobytes())
        return copy
    return array(typecode, view.tolist())


def _pointer(buffer: Any, ctype: Any) -> Any:
    if buffer is None:
        return None
    if len(buffer) == 0:
        return ctypes.cast(ctypes.c_void_p(0), ctypes.POINTER(ctype))
    return ctypes.cast((ctype * len(buffer)).from_buffer(buffer), ctypes.POINTER(ctype))


_INT64 = ("q", "l") if ctypes.sizeof(ctypes.c_long) == 8 else ("q",)


@dataclass(frozen=True)
class ReadInfo:
    reports: int         # reports added
    lines: int           # lines (CSV, JSON Lines) or records (Arrow) read
    input_findings: int  # cells that could not be read ("input.cell" findings)
    skipped: int         # lines that are not a report (Batch.skipped says why)


@dataclass(frozen=True)
class RuleSummary:
    rule_id: str
    severity: str
    evaluated: int
    passed: int
    failed: int
    skipped: int


class Batch(_lib.Handle):
    """Many reports of one catalogue as columns, checked at once (docs/batch.md).

        batch = cchc.Batch(catalog)
        first = batch.add_blank(3)
        batch.set_column("B1:2.1", array.array("q", [35, 10, 35]))
        batch.set_column("B1:2", [600, None, 999], decimals=1)   # None: not reported
        result = batch.check(rules, threads=2)
        for s in result.rules: print(s.rule_id, s.failed)
    """
    _free = "cchc_batch_free"

    def __init__(self, catalog: Catalog):
        super().__init__(new(library().cchc_batch_new, catalog.ptr))
        self.catalog = catalog
        self._rows: Dict[str, int] = {}

    def __len__(self) -> int:
        out = sz()
        check(library().cchc_batch_size(ctypes.byref(out), self.ptr))
        return out.value

    def row(self, address: str) -> int:
        """The catalogue index of a row address."""
        if address not in self._rows:
            out, data = sz(), b(address)
            check(library().cchc_catalog_find_row(ctypes.byref(out), self.catalog.ptr, data, len(data)))
            self._rows[address] = out.value
        return self._rows[address]

    def add_blank(self, count: int = 1) -> int:
        """Appends `count` reports with every row blank; returns the first one's index."""
        first = sz()
        check(library().cchc_batch_add_blank(ctypes.byref(first), self.ptr, count))
        return first.value

    def add_report(self, report: Report) -> int:
        index = sz()
        check(library().cchc_batch_add_report(ctypes.byref(index), self.ptr, report.ptr))
        return index.value

    def clear(self) -> None:
        check(library().cchc_batch_clear(self.ptr))

    def set_column(self, address: str, values: Any, seconds: Any = None, states: Any = None,
                   first: int = 0, decimals: int = 0) -> None:
        """Sets one row of reports first .. first+len(values)-1. `values` is any sequence or
        buffer of integers (a percent's units at `decimals`, a pair's first parts; None in a
        list is a blank), `seconds` a pair's second parts, `states` cell states (0 reported,
        1 not reported, 2 not applicable). Nothing is stored when anything is wrong."""
        if isinstance(values, (list, tuple)) and any(v is None for v in values):
            if states is not None:
                raise ValueError("give None in values or states, not both")
            states = [CELL_STATES["not_reported"] if v is None else 0 for v in values]
            values = [0 if v is None else v for v in values]
        vals = _as_array(values, "q", 8, _INT64)
        secs = None if seconds is None else _as_array(seconds, "q", 8, _INT64)
        sts = None if states is None else _as_array(states, "B", 1, ("B",))
        for other in (secs, sts):
            if other is not None and len(other) != len(vals):
                raise ValueError("values, seconds and states must have the same length")
        check(library().cchc_batch_set_column(
            self.ptr, self.row(address), first, len(vals), _pointer(vals, i64),
            _pointer(secs, i64), _pointer(sts, ctypes.c_uint8), decimals))

    def column(self, address: str, first: int = 0, count: Optional[int] = None) -> Dict[str, array]:
        """One row's cells as arrays: values, seconds, decimals, states (a blank reads 0)."""
        if count is None:
            count = len(self) - first
        values, seconds = array("q", bytes(8 * count)), array("q", bytes(8 * count))
        decimals, states = array("B", bytes(count)), array("B", bytes(count))
        check(library().cchc_batch_get_column(
            _pointer(values, i64), _pointer(seconds, i64), _pointer(decimals, ctypes.c_uint8),
            _pointer(states, ctypes.c_uint8), self.ptr, self.row(address), first, count))
        return {"values": values, "seconds": seconds, "decimals": decimals, "states": states}

    def __getitem__(self, key: Tuple[int, str]) -> str:
        """batch[report, "B1:2"]: the text (as written, else canonical)."""
        report, address = key
        return text(library().cchc_batch_get_text, self.ptr, report, b(address))

    def __setitem__(self, key: Tuple[int, str], value: str) -> None:
        report, address = key
        data = b(value)
        check(library().cchc_batch_set_text(self.ptr, report, b(address), data, len(data)))

    def meta(self, report: int, field: str) -> str:
        return text(library().cchc_batch_get_meta, self.ptr, report, b(field))

    def set_meta(self, report: int, field: str, value: str) -> None:
        data = b(value)
        check(library().cchc_batch_set_meta(self.ptr, report, b(field), data, len(data)))

    def report(self, index: int) -> Report:
        return Report(new(library().cchc_batch_report, self.ptr, index))

    @staticmethod
    def _info(info: _lib.ReadInfo) -> ReadInfo:
        return ReadInfo(info.reports, info.lines, info.input_findings, info.skipped)

    def read(self, path: str) -> ReadInfo:
        """Appends the reports of a CSV or JSON Lines file."""
        info = _lib.ReadInfo(version=1)
        check(library().cchc_batch_read_file(ctypes.byref(info), self.ptr, b(str(path))))
        return self._info(info)

    def set_limits(self, limits: Optional[Mapping[str, int]] = None, /, **fields: int) -> None:
        """Limits on what this batch's readers read from now on (each JSON Lines line within
        the JSON limits): set_limits(json_max_depth=8). Limits not named follow the process-wide
        ones; set_limits() goes back to them."""
        _own_limits(library().cchc_batch_set_limits, self.ptr, limits, fields)

    def read_text(self, source: str, name: Optional[str] = None) -> ReadInfo:
        """Appends the reports of CSV or JSON Lines text; `name` names it in messages."""
        info, data = _lib.ReadInfo(version=1), b(source)
        check(library().cchc_batch_read_text(ctypes.byref(info), self.ptr, data, len(data),
                                              None if name is None else b(name)))
        return self._info(info)

    def add_arrow(self, array_address: int, schema_address: int) -> ReadInfo:
        """Appends an Arrow struct array given by the addresses of its C Data Interface structs,
        e.g. from pyarrow: batch._export_to_c(array_ptr, schema_ptr). cchc releases them."""
        info = _lib.ReadInfo(version=1)
        check(library().cchc_batch_add_arrow(ctypes.byref(info), self.ptr, array_address, schema_address))
        return self._info(info)

    @property
    def skipped(self) -> List[str]:
        """The lines the readers skipped, each with its file and line."""
        lib, count = library(), sz()
        check(lib.cchc_batch_skipped_count(ctypes.byref(count), self.ptr))
        return [text(lib.cchc_batch_skipped, self.ptr, i) for i in range(count.value)]

    def check(self, rules: RuleSet, threads: int = 0, keep_findings: bool = False,
              on_findings: Optional[Callable[[int, Findings], None]] = None) -> "BatchResult":
        """Checks every report. on_findings(report_index, findings) is called for each report
        with findings, from the checking threads (ctypes takes the GIL for it); the findings
        object is valid only during the call."""
        options = _lib.CheckOptions(version=1, threads=threads, keep_findings=1 if keep_findings else 0)
        failure: List[BaseException] = []
        if on_findings is not None:
            def trampoline(_user: object, report: int, findings_ptr: int) -> None:
                view = Findings(findings_ptr)
                try:
                    on_findings(report, view)
                except Exception as e:  # noqa: BLE001 — kept and raised after the check
                    failure.append(e)
                finally:
                    view._ptr = None  # borrowed
            options.on_findings = _lib.FINDINGS_FN(trampoline)
        result = BatchResult(new(library().cchc_batch_check, rules.ptr, self.ptr, ctypes.byref(options)))
        if failure:
            result.close()
            raise failure[0]
        return result


class BatchResult(_lib.Handle):
    _free = "cchc_batch_result_free"

    @property
    def rules(self) -> List[RuleSummary]:
        """Each rule's counts (RuleSummary), in the rule set's order."""
        lib, count = library(), sz()
        check(lib.cchc_batch_result_rule_count(ctypes.byref(count), self.ptr))
        out = []
        for i in range(count.value):
            s = _lib.RuleSummary(version=1)
            check(lib.cchc_batch_result_rule(ctypes.byref(s), self.ptr, i))
            out.append(RuleSummary(s.rule_id.decode(), SEVERITIES[s.severity], s.evaluated,
                                   s.passed, s.failed, s.skipped))
        return out

    @property
    def totals(self) -> Tuple[int, int, int]:
        """(reports, reports with findings, reports with errors)."""
        r, f, e = sz(), sz(), sz()
        check(library().cchc_batch_result_totals(ctypes.byref(r), ctypes.byref(f), ctypes.byref(e), self.ptr))
        return r.value, f.value, e.value

    def statuses(self, first: int = 0, count: Optional[int] = None) -> Dict[str, array]:
        """Findings per report by severity, as arrays: {"errors", "warnings", "infos"}."""
        if count is None:
            count = self.totals[0] - first
        out = {k: array("I", bytes(4 * count)) for k in ("errors", "warnings", "infos")}
        check(library().cchc_batch_result_statuses(
            _pointer(out["errors"], ctypes.c_uint32), _pointer(out["warnings"], ctypes.c_uint32),
            _pointer(out["infos"], ctypes.c_uint32), self.ptr, first, count))
        return out

    def findings(self, report: int) -> Findings:
        """One report's findings (the check must have kept them)."""
        return Findings(new(library().cchc_batch_result_findings, self.ptr, report))

    def to_json(self) -> str:
        return text(library().cchc_batch_result_to_json, self.ptr)

    def render(self, format: str = "html", *, rules: Optional[RuleSet] = None,
               lang: str = "vi") -> Union[str, bytes]:
        """The summary as a document for people: "html", "md", "csv" (text), or "xlsx" and "docx"
        (bytes): a table of the rules' counts and one of the totals (docs/render.md). `rules`, the
        set the batch was checked with, adds each rule's message."""
        if format == "json":
            raise ValueError("the summary as JSON is to_json()")
        o = _render_options(format, lang)
        out = _lib.data(library().cchc_batch_result_render, self.ptr,
                        None if rules is None else rules.ptr, ctypes.byref(o))
        return out if format in _lib.BINARY_FORMATS else out.decode("utf-8")
