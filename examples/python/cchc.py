# SPDX-License-Identifier: MIT
"""cchc for Python, through ctypes and the C API (libcchc_c.so). No compiled extension.

    import cchc
    with cchc.Catalog.builtin() as catalog, cchc.Report.load(catalog, "report.json") as report:
        with cchc.RuleSet.builtin(catalog) as rules, rules.check(report) as findings:
            for f in findings:
                print(f.rule_id, f.severity, f.message_en)

Errors raise cchc.Error, carrying the library's status code and message (which says where).
The library is found through the CCHC_LIBRARY environment variable, then next to this file,
then by the system's search (ldconfig, LD_LIBRARY_PATH).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Optional, Sequence

__all__ = ["Error", "Catalog", "Report", "RuleSet", "Findings", "Finding", "Row", "Batch",
           "BatchResult", "RuleSummary", "ReadInfo", "library"]

OK = 0
SEVERITIES = {0: "info", 1: "warning", 2: "error"}
KINDS = {0: "heading", 1: "count", 2: "percent", 3: "yes_no", 4: "code", 5: "pair", 6: "money"}
_NTS = ctypes.c_size_t(-1).value
_i32, _i64, _sz, _p = ctypes.c_int32, ctypes.c_int64, ctypes.c_size_t, ctypes.c_void_p
_cs = ctypes.c_char_p


class Error(Exception):
    """A cchc call failed: `code` is the CCHC_E* status, `name` its name, `message` the text."""

    def __init__(self, code: int, message: str, name: str):
        super().__init__(f"{message} [{name}]")
        self.code, self.message, self.name = code, message, name


def _find_library() -> str:
    explicit = os.environ.get("CCHC_LIBRARY")
    if explicit:
        return explicit
    here = Path(__file__).resolve().parent
    for candidate in (here / "libcchc_c.so", here.parent.parent.parent / "lib" / "libcchc_c.so"):
        if candidate.exists():
            return str(candidate)
    found = ctypes.util.find_library("cchc_c")
    if found:
        return found
    raise OSError("libcchc_c.so not found: set CCHC_LIBRARY to its path")


class _FormInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("number", _i32), ("title", _cs), ("title_en", _cs),
                ("first_row", _sz), ("row_count", _sz)]


class _RowInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("form", _i32), ("address", _cs), ("code", _cs),
                ("printed_code", _cs), ("label", _cs), ("label_en", _cs), ("unit", _cs),
                ("kind", _i32), ("required", _i32), ("cumulative", _i32), ("parent", _i64),
                ("code_count", _sz)]


class _FindingInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("rule_id", _cs), ("severity", _i32),
                ("row_count", _sz), ("expected", _cs), ("message_vi", _cs), ("message_en", _cs),
                ("has_fix", _i32), ("fix_row", _cs), ("fix_value", _cs), ("line", _i64)]


class _Limits(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32)] + [(name, _sz) for name in (
        "json_max_depth", "json_max_bytes", "rules_max_source_bytes", "rules_max_depth",
        "rules_max_nodes", "text_max_bytes", "text_max_line_bytes")]


class _ReadInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("reports", _sz), ("lines", _sz),
                ("input_findings", _sz), ("skipped", _sz)]


FINDINGS_FN = ctypes.CFUNCTYPE(None, _p, _sz, _p)


class _CheckOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("threads", ctypes.c_uint32),
                ("keep_findings", _i32), ("on_findings", FINDINGS_FN), ("user_data", _p)]


class _RuleSummary(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("rule_id", _cs), ("severity", _i32),
                ("evaluated", _sz), ("passed", _sz), ("failed", _sz), ("skipped", _sz)]


RULE_FN = ctypes.CFUNCTYPE(_i32, _p, _p, _p)
_P64, _PU8, _PU32 = ctypes.POINTER(_i64), ctypes.POINTER(ctypes.c_uint8), ctypes.POINTER(ctypes.c_uint32)

_SIGNATURES = {
    "cchc_version": (_cs, []),
    "cchc_version_number": (_i32, []),
    "cchc_errstr": (_cs, [_i32]),
    "cchc_last_error": (_cs, []),
    "cchc_limits_default": (_i32, [ctypes.POINTER(_Limits)]),
    "cchc_limits_get": (_i32, [ctypes.POINTER(_Limits)]),
    "cchc_limits_set": (_i32, [ctypes.POINTER(_Limits)]),
    "cchc_catalog_builtin": (_i32, [ctypes.POINTER(_p)]),
    "cchc_catalog_from_json": (_i32, [ctypes.POINTER(_p), _cs, _sz]),
    "cchc_catalog_load": (_i32, [ctypes.POINTER(_p), _cs]),
    "cchc_catalog_free": (None, [_p]),
    "cchc_catalog_id": (_i32, [ctypes.POINTER(_cs), ctypes.POINTER(_cs), _p]),
    "cchc_catalog_form_count": (_i32, [ctypes.POINTER(_sz), _p]),
    "cchc_catalog_row_count": (_i32, [ctypes.POINTER(_sz), _p]),
    "cchc_catalog_find_row": (_i32, [ctypes.POINTER(_sz), _p, _cs, _sz]),
    "cchc_catalog_form": (_i32, [ctypes.POINTER(_FormInfo), _p, _sz]),
    "cchc_catalog_row": (_i32, [ctypes.POINTER(_RowInfo), _p, _sz]),
    "cchc_catalog_row_code": (_i32, [ctypes.POINTER(_i64), ctypes.POINTER(_cs), ctypes.POINTER(_cs), _p, _sz, _sz]),
    "cchc_report_new": (_i32, [ctypes.POINTER(_p), _p]),
    "cchc_report_from_json": (_i32, [ctypes.POINTER(_p), _p, _cs, _sz]),
    "cchc_report_load": (_i32, [ctypes.POINTER(_p), _p, _cs]),
    "cchc_report_clone": (_i32, [ctypes.POINTER(_p), _p]),
    "cchc_report_free": (None, [_p]),
    "cchc_report_to_json": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p]),
    "cchc_report_save": (_i32, [_p, _cs]),
    "cchc_report_get_text": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p, _cs]),
    "cchc_report_set_text": (_i32, [_p, _cs, _cs, _sz]),
    "cchc_report_value_kind": (_i32, [ctypes.POINTER(_i32), ctypes.POINTER(_i32), _p, _cs]),
    "cchc_report_value_ok": (_i32, [ctypes.POINTER(_i32), _p, _cs]),
    "cchc_report_clear": (_i32, [_p, _cs, _i32]),
    "cchc_report_get_count": (_i32, [ctypes.POINTER(_i64), _p, _cs]),
    "cchc_report_set_count": (_i32, [_p, _cs, _i64]),
    "cchc_report_get_percent": (_i32, [ctypes.POINTER(_i64), ctypes.POINTER(_i32), _p, _cs]),
    "cchc_report_set_percent": (_i32, [_p, _cs, _i64, _i32]),
    "cchc_report_get_code": (_i32, [ctypes.POINTER(_i64), _p, _cs]),
    "cchc_report_set_code": (_i32, [_p, _cs, _i64]),
    "cchc_report_get_pair": (_i32, [ctypes.POINTER(_i64), ctypes.POINTER(_i64), _p, _cs]),
    "cchc_report_set_pair": (_i32, [_p, _cs, _i64, _i64]),
    "cchc_report_get_money": (_i32, [ctypes.POINTER(_i64), _p, _cs]),
    "cchc_report_set_money": (_i32, [_p, _cs, _i64]),
    "cchc_report_get_meta": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p, _cs]),
    "cchc_report_set_meta": (_i32, [_p, _cs, _cs, _sz]),
    "cchc_report_derive": (_i32, [ctypes.POINTER(_p), ctypes.POINTER(_sz), _p]),
    "cchc_report_import_text": (_i32, [ctypes.POINTER(_p), ctypes.POINTER(_p), _p, _cs, _sz]),
    "cchc_report_import_file": (_i32, [ctypes.POINTER(_p), ctypes.POINTER(_p), _p, _cs]),
    "cchc_ruleset_new": (_i32, [ctypes.POINTER(_p), _p]),
    "cchc_ruleset_builtin": (_i32, [ctypes.POINTER(_p), _p]),
    "cchc_ruleset_free": (None, [_p]),
    "cchc_ruleset_size": (_i32, [ctypes.POINTER(_sz), _p]),
    "cchc_ruleset_add_source": (_i32, [_p, _cs, _sz, _cs, ctypes.POINTER(ctypes.c_uint32), ctypes.POINTER(ctypes.c_uint32)]),
    "cchc_ruleset_add_callback": (_i32, [_p, _cs, _i32, RULE_FN, _p]),
    "cchc_sink_add": (_i32, [_p, _cs, _cs, ctypes.POINTER(_cs), _sz]),
    "cchc_ruleset_check": (_i32, [ctypes.POINTER(_p), _p, _p]),
    "cchc_findings_free": (None, [_p]),
    "cchc_findings_count": (_i32, [ctypes.POINTER(_sz), _p]),
    "cchc_findings_summary": (_i32, [ctypes.POINTER(_sz), ctypes.POINTER(_sz), ctypes.POINTER(_sz), _p]),
    "cchc_findings_get": (_i32, [ctypes.POINTER(_FindingInfo), _p, _sz]),
    "cchc_findings_row": (_i32, [ctypes.POINTER(_cs), ctypes.POINTER(_cs), ctypes.POINTER(_i32), _p, _sz, _sz]),
    "cchc_findings_to_json": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p]),
    "cchc_findings_to_text": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p, _i32]),
    "cchc_batch_new": (_i32, [ctypes.POINTER(_p), _p]),
    "cchc_batch_free": (None, [_p]),
    "cchc_batch_size": (_i32, [ctypes.POINTER(_sz), _p]),
    "cchc_batch_clear": (_i32, [_p]),
    "cchc_batch_add_blank": (_i32, [ctypes.POINTER(_sz), _p, _sz]),
    "cchc_batch_add_report": (_i32, [ctypes.POINTER(_sz), _p, _p]),
    "cchc_batch_set_column": (_i32, [_p, _sz, _sz, _sz, _P64, _P64, _PU8, _i32]),
    "cchc_batch_get_column": (_i32, [_P64, _P64, _PU8, _PU8, _p, _sz, _sz, _sz]),
    "cchc_batch_set_text": (_i32, [_p, _sz, _cs, _cs, _sz]),
    "cchc_batch_get_text": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p, _sz, _cs]),
    "cchc_batch_set_meta": (_i32, [_p, _sz, _cs, _cs, _sz]),
    "cchc_batch_get_meta": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p, _sz, _cs]),
    "cchc_batch_report": (_i32, [ctypes.POINTER(_p), _p, _sz]),
    "cchc_batch_read_file": (_i32, [ctypes.POINTER(_ReadInfo), _p, _cs]),
    "cchc_batch_read_text": (_i32, [ctypes.POINTER(_ReadInfo), _p, _cs, _sz, _cs]),
    "cchc_batch_add_arrow": (_i32, [ctypes.POINTER(_ReadInfo), _p, _p, _p]),
    "cchc_batch_skipped_count": (_i32, [ctypes.POINTER(_sz), _p]),
    "cchc_batch_skipped": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p, _sz]),
    "cchc_batch_check": (_i32, [ctypes.POINTER(_p), _p, _p, ctypes.POINTER(_CheckOptions)]),
    "cchc_batch_result_free": (None, [_p]),
    "cchc_batch_result_rule_count": (_i32, [ctypes.POINTER(_sz), _p]),
    "cchc_batch_result_rule": (_i32, [ctypes.POINTER(_RuleSummary), _p, _sz]),
    "cchc_batch_result_totals": (_i32, [ctypes.POINTER(_sz), ctypes.POINTER(_sz), ctypes.POINTER(_sz), _p]),
    "cchc_batch_result_statuses": (_i32, [_PU32, _PU32, _PU32, _p, _sz, _sz]),
    "cchc_batch_result_findings": (_i32, [ctypes.POINTER(_p), _p, _sz]),
    "cchc_batch_result_to_json": (_i32, [ctypes.c_char_p, _sz, ctypes.POINTER(_sz), _p]),
}

_lib: Optional[ctypes.CDLL] = None


def library() -> ctypes.CDLL:
    """The loaded C library, with every function's signature declared."""
    global _lib
    if _lib is None:
        lib = ctypes.CDLL(_find_library())
        for name, (restype, argtypes) in _SIGNATURES.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = restype, argtypes
        if lib.cchc_version_number() // 10000 != 0:
            raise OSError(f"libcchc_c {lib.cchc_version().decode()} is not major version 0")
        _lib = lib
    return _lib


def _check(rc: int) -> None:
    if rc != OK:
        lib = library()
        raise Error(rc, lib.cchc_last_error().decode("utf-8"), lib.cchc_errstr(rc).decode())


def limits() -> dict:
    """The process-wide limits on untrusted input (docs/security.md), by name."""
    out = _Limits(version=1)
    _check(library().cchc_limits_get(ctypes.byref(out)))
    return {name: getattr(out, name) for name, _ in _Limits._fields_[1:]}


def set_limits(**changes: int) -> None:
    """Changes some limits for the whole process: set_limits(json_max_depth=8)."""
    current = limits()
    unknown = set(changes) - set(current)
    if unknown:
        raise KeyError(f"unknown limits: {', '.join(sorted(unknown))}")
    current.update(changes)
    _check(library().cchc_limits_set(ctypes.byref(_Limits(version=1, **current))))


def _b(s: str) -> bytes:
    return s.encode("utf-8")


def _text(call, *args) -> str:
    """Calls a buffer-filling function: once to measure, once to fill."""
    length = _sz(0)
    _check(call(None, 0, ctypes.byref(length), *args))
    buf = ctypes.create_string_buffer(length.value + 1)
    _check(call(buf, length.value + 1, ctypes.byref(length), *args))
    return buf.raw[: length.value].decode("utf-8")


class _Handle:
    _free = ""

    def __init__(self, ptr: int):
        self._ptr = ptr

    @property
    def ptr(self) -> int:
        if not self._ptr:
            raise ValueError(f"{type(self).__name__} is closed")
        return self._ptr

    def close(self) -> None:
        if self._ptr:
            getattr(library(), self._free)(self._ptr)
            self._ptr = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass


def _new(call, *args) -> int:
    out = _p()
    _check(call(ctypes.byref(out), *args))
    return out.value


@dataclass(frozen=True)
class Row:
    index: int
    form: int
    address: str
    code: str
    printed_code: str
    label: str
    label_en: str
    unit: str
    kind: str
    required: bool
    cumulative: bool
    codes: tuple


class Catalog(_Handle):
    _free = "cchc_catalog_free"

    @classmethod
    def builtin(cls) -> "Catalog":
        return cls(_new(library().cchc_catalog_builtin))

    @classmethod
    def from_json(cls, text: str) -> "Catalog":
        data = _b(text)
        return cls(_new(library().cchc_catalog_from_json, data, len(data)))

    @classmethod
    def load(cls, path: str) -> "Catalog":
        return cls(_new(library().cchc_catalog_load, _b(str(path))))

    @property
    def id(self) -> tuple:
        i, v = _cs(), _cs()
        _check(library().cchc_catalog_id(ctypes.byref(i), ctypes.byref(v), self.ptr))
        return i.value.decode(), v.value.decode()

    def rows(self) -> list:
        lib = library()
        count = _sz()
        _check(lib.cchc_catalog_row_count(ctypes.byref(count), self.ptr))
        out = []
        for i in range(count.value):
            info = _RowInfo(version=1)
            _check(lib.cchc_catalog_row(ctypes.byref(info), self.ptr, i))
            codes = []
            for k in range(info.code_count):
                value, label, label_en = _i64(), _cs(), _cs()
                _check(lib.cchc_catalog_row_code(ctypes.byref(value), ctypes.byref(label),
                                                 ctypes.byref(label_en), self.ptr, i, k))
                codes.append((value.value, label.value.decode()))
            out.append(Row(i, info.form, info.address.decode(), info.code.decode(),
                           info.printed_code.decode(), info.label.decode(), info.label_en.decode(),
                           info.unit.decode(), KINDS[info.kind], bool(info.required),
                           bool(info.cumulative), tuple(codes)))
        return out

    def forms(self) -> list:
        lib = library()
        count = _sz()
        _check(lib.cchc_catalog_form_count(ctypes.byref(count), self.ptr))
        out = []
        for i in range(count.value):
            info = _FormInfo(version=1)
            _check(lib.cchc_catalog_form(ctypes.byref(info), self.ptr, i))
            out.append((info.number, info.title.decode()))
        return out


class Report(_Handle):
    _free = "cchc_report_free"

    @classmethod
    def new(cls, catalog: Catalog) -> "Report":
        return cls(_new(library().cchc_report_new, catalog.ptr))

    @classmethod
    def from_json(cls, catalog: Catalog, text: str) -> "Report":
        data = _b(text)
        return cls(_new(library().cchc_report_from_json, catalog.ptr, data, len(data)))

    @classmethod
    def load(cls, catalog: Catalog, path: str) -> "Report":
        return cls(_new(library().cchc_report_load, catalog.ptr, _b(str(path))))

    @classmethod
    def import_text(cls, catalog: Catalog, text: str) -> tuple:
        """(report, findings) from the text of a signed report; the findings say what could not
        be read and what the narrative, dates and citations show."""
        data = _b(text)
        return cls._imported(library().cchc_report_import_text, catalog.ptr, data, len(data))

    @classmethod
    def import_file(cls, catalog: Catalog, path: str) -> tuple:
        """As import_text, from a .txt or .pdf file."""
        return cls._imported(library().cchc_report_import_file, catalog.ptr, _b(str(path)))

    @classmethod
    def _imported(cls, call, *args) -> tuple:
        out, findings = _p(), _p()
        _check(call(ctypes.byref(out), ctypes.byref(findings), *args))
        return cls(out.value), Findings(findings.value)

    def clone(self) -> "Report":
        return Report(_new(library().cchc_report_clone, self.ptr))

    def to_json(self) -> str:
        return _text(library().cchc_report_to_json, self.ptr)

    def save(self, path: str) -> None:
        _check(library().cchc_report_save(self.ptr, _b(str(path))))

    def __getitem__(self, address: str) -> str:
        """The value as written ("" when blank)."""
        return _text(library().cchc_report_get_text, self.ptr, _b(address))

    def __setitem__(self, address: str, text: str) -> None:
        data = _b(text)
        _check(library().cchc_report_set_text(self.ptr, _b(address), data, len(data)))

    def is_blank(self, address: str) -> bool:
        kind, blank = _i32(), _i32()
        _check(library().cchc_report_value_kind(ctypes.byref(kind), ctypes.byref(blank), self.ptr, _b(address)))
        return bool(blank.value)

    def count(self, address: str) -> int:
        out = _i64()
        _check(library().cchc_report_get_count(ctypes.byref(out), self.ptr, _b(address)))
        return out.value

    def percent(self, address: str) -> tuple:
        """(units, decimals): 33,3 is (333, 1), exact."""
        units, decimals = _i64(), _i32()
        _check(library().cchc_report_get_percent(ctypes.byref(units), ctypes.byref(decimals), self.ptr, _b(address)))
        return units.value, decimals.value

    def pair(self, address: str) -> tuple:
        first, second = _i64(), _i64()
        _check(library().cchc_report_get_pair(ctypes.byref(first), ctypes.byref(second), self.ptr, _b(address)))
        return first.value, second.value

    def set_count(self, address: str, n: int) -> None:
        _check(library().cchc_report_set_count(self.ptr, _b(address), n))

    def meta(self, field: str) -> str:
        return _text(library().cchc_report_get_meta, self.ptr, _b(field))

    def set_meta(self, field: str, value: str) -> None:
        data = _b(value)
        _check(library().cchc_report_set_meta(self.ptr, _b(field), data, len(data)))

    def derive(self) -> tuple:
        """(a new report with derivable blanks filled, how many were filled)."""
        count = _sz()
        out = _p()
        _check(library().cchc_report_derive(ctypes.byref(out), ctypes.byref(count), self.ptr))
        return Report(out.value), count.value


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str
    rows: tuple  # ((address, value as written or None), ...)
    expected: str
    message_vi: str
    message_en: str
    fix: Optional[tuple]  # (address, value)
    line: int = 0         # line of the imported text, or 0


class Findings(_Handle):
    _free = "cchc_findings_free"

    def __len__(self) -> int:
        out = _sz()
        _check(library().cchc_findings_count(ctypes.byref(out), self.ptr))
        return out.value

    def __getitem__(self, index: int) -> Finding:
        lib = library()
        if not 0 <= index < len(self):
            raise IndexError(index)
        info = _FindingInfo(version=1)
        _check(lib.cchc_findings_get(ctypes.byref(info), self.ptr, index))
        rows = []
        for r in range(info.row_count):
            address, value, blank = _cs(), _cs(), _i32()
            _check(lib.cchc_findings_row(ctypes.byref(address), ctypes.byref(value), ctypes.byref(blank), self.ptr, index, r))
            rows.append((address.value.decode(), None if blank.value else value.value.decode()))
        fix = (info.fix_row.decode(), info.fix_value.decode()) if info.has_fix else None
        return Finding(info.rule_id.decode(), SEVERITIES[info.severity], tuple(rows),
                       info.expected.decode(), info.message_vi.decode(), info.message_en.decode(), fix,
                       info.line)

    def __iter__(self) -> Iterator[Finding]:
        return (self[i] for i in range(len(self)))

    def summary(self) -> tuple:
        """(errors, warnings, info)."""
        e, w, i = _sz(), _sz(), _sz()
        _check(library().cchc_findings_summary(ctypes.byref(e), ctypes.byref(w), ctypes.byref(i), self.ptr))
        return e.value, w.value, i.value

    def to_json(self) -> str:
        return _text(library().cchc_findings_to_json, self.ptr)

    def to_text(self, lang: str = "vi") -> str:
        return _text(library().cchc_findings_to_text, self.ptr, 1 if lang == "en" else 0)


class RuleSet(_Handle):
    _free = "cchc_ruleset_free"

    def __init__(self, ptr: int):
        super().__init__(ptr)
        self._callbacks = []  # keeps the ctypes callbacks alive as long as the set

    @classmethod
    def new(cls, catalog: Catalog) -> "RuleSet":
        return cls(_new(library().cchc_ruleset_new, catalog.ptr))

    @classmethod
    def builtin(cls, catalog: Catalog) -> "RuleSet":
        return cls(_new(library().cchc_ruleset_builtin, catalog.ptr))

    def __len__(self) -> int:
        out = _sz()
        _check(library().cchc_ruleset_size(ctypes.byref(out), self.ptr))
        return out.value

    def add_source(self, source: str, name: str = "<python>") -> None:
        """Compiles rule-language text; Error.message says name:line:column and why."""
        data = _b(source)
        _check(library().cchc_ruleset_add_source(self.ptr, data, len(data), _b(name), None, None))

    def add_rule(self, rule_id: str, severity: str, check) -> None:
        """A rule in Python: check(report) returns [(message_vi, message_en, [addresses]), ...].
        An exception in it makes RuleSet.check raise Error (callback_failed)."""
        level = {v: k for k, v in SEVERITIES.items()}[severity]
        lib = library()

        def trampoline(_user, report_ptr, sink):
            try:
                view = Report(report_ptr)
                try:
                    for vi, en, rows in check(view):
                        arr = (_cs * len(rows))(*[_b(r) for r in rows])
                        if lib.cchc_sink_add(sink, _b(vi), _b(en), arr, len(rows)) != OK:
                            return 1
                finally:
                    view._ptr = None  # borrowed: not ours to free
                return 0
            except Exception:
                return 1

        fn = RULE_FN(trampoline)
        self._callbacks.append(fn)
        _check(lib.cchc_ruleset_add_callback(self.ptr, _b(rule_id), level, fn, None))

    def check(self, report: Report) -> Findings:
        return Findings(_new(library().cchc_ruleset_check, self.ptr, report.ptr))


# ---- Batches: many reports as columns ----------------------------------------------------------

CELL_STATES = {"reported": 0, "not_reported": 1, "not_applicable": 2, "invalid": 3}


def _as_array(obj, typecode: str, itemsize: int, formats: tuple):
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


def _pointer(buffer, ctype):
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


class Batch(_Handle):
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
        super().__init__(_new(library().cchc_batch_new, catalog.ptr))
        self.catalog = catalog
        self._rows = {}

    def __len__(self) -> int:
        out = _sz()
        _check(library().cchc_batch_size(ctypes.byref(out), self.ptr))
        return out.value

    def row(self, address: str) -> int:
        """The catalogue index of a row address."""
        if address not in self._rows:
            out, data = _sz(), _b(address)
            _check(library().cchc_catalog_find_row(ctypes.byref(out), self.catalog.ptr, data, len(data)))
            self._rows[address] = out.value
        return self._rows[address]

    def add_blank(self, count: int = 1) -> int:
        """Appends `count` reports with every row blank; returns the first one's index."""
        first = _sz()
        _check(library().cchc_batch_add_blank(ctypes.byref(first), self.ptr, count))
        return first.value

    def add_report(self, report: Report) -> int:
        index = _sz()
        _check(library().cchc_batch_add_report(ctypes.byref(index), self.ptr, report.ptr))
        return index.value

    def clear(self) -> None:
        _check(library().cchc_batch_clear(self.ptr))

    def set_column(self, address: str, values, seconds=None, states=None, first: int = 0,
                   decimals: int = 0) -> None:
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
        _check(library().cchc_batch_set_column(
            self.ptr, self.row(address), first, len(vals), _pointer(vals, _i64),
            _pointer(secs, _i64), _pointer(sts, ctypes.c_uint8), decimals))

    def column(self, address: str, first: int = 0, count: Optional[int] = None) -> dict:
        """One row's cells as arrays: values, seconds, decimals, states (a blank reads 0)."""
        if count is None:
            count = len(self) - first
        values, seconds = array("q", bytes(8 * count)), array("q", bytes(8 * count))
        decimals, states = array("B", bytes(count)), array("B", bytes(count))
        _check(library().cchc_batch_get_column(
            _pointer(values, _i64), _pointer(seconds, _i64), _pointer(decimals, ctypes.c_uint8),
            _pointer(states, ctypes.c_uint8), self.ptr, self.row(address), first, count))
        return {"values": values, "seconds": seconds, "decimals": decimals, "states": states}

    def __getitem__(self, key: tuple) -> str:
        """batch[report, "B1:2"]: the text (as written, else canonical)."""
        report, address = key
        return _text(library().cchc_batch_get_text, self.ptr, report, _b(address))

    def __setitem__(self, key: tuple, text: str) -> None:
        report, address = key
        data = _b(text)
        _check(library().cchc_batch_set_text(self.ptr, report, _b(address), data, len(data)))

    def meta(self, report: int, field: str) -> str:
        return _text(library().cchc_batch_get_meta, self.ptr, report, _b(field))

    def set_meta(self, report: int, field: str, value: str) -> None:
        data = _b(value)
        _check(library().cchc_batch_set_meta(self.ptr, report, _b(field), data, len(data)))

    def report(self, index: int) -> Report:
        return Report(_new(library().cchc_batch_report, self.ptr, index))

    @staticmethod
    def _info(info: _ReadInfo) -> ReadInfo:
        return ReadInfo(info.reports, info.lines, info.input_findings, info.skipped)

    def read(self, path: str) -> ReadInfo:
        """Appends the reports of a CSV or JSON Lines file."""
        info = _ReadInfo(version=1)
        _check(library().cchc_batch_read_file(ctypes.byref(info), self.ptr, _b(str(path))))
        return self._info(info)

    def read_text(self, text: str, name: Optional[str] = None) -> ReadInfo:
        info, data = _ReadInfo(version=1), _b(text)
        _check(library().cchc_batch_read_text(ctypes.byref(info), self.ptr, data, len(data),
                                              None if name is None else _b(name)))
        return self._info(info)

    def add_arrow(self, array_address: int, schema_address: int) -> ReadInfo:
        """Appends an Arrow struct array given by the addresses of its C Data Interface structs,
        e.g. from pyarrow: batch._export_to_c(array_ptr, schema_ptr). cchc releases them."""
        info = _ReadInfo(version=1)
        _check(library().cchc_batch_add_arrow(ctypes.byref(info), self.ptr, array_address, schema_address))
        return self._info(info)

    @property
    def skipped(self) -> list:
        """The lines the readers skipped, each with its file and line."""
        lib, count = library(), _sz()
        _check(lib.cchc_batch_skipped_count(ctypes.byref(count), self.ptr))
        return [_text(lib.cchc_batch_skipped, self.ptr, i) for i in range(count.value)]

    def check(self, rules: "RuleSet", threads: int = 0, keep_findings: bool = False,
              on_findings=None) -> "BatchResult":
        """Checks every report. on_findings(report_index, findings) is called for each report
        with findings, from the checking threads (ctypes takes the GIL for it); the findings
        object is valid only during the call."""
        options = _CheckOptions(version=1, threads=threads, keep_findings=1 if keep_findings else 0)
        failure = []
        if on_findings is not None:
            def trampoline(_user, report, findings_ptr):
                view = Findings(findings_ptr)
                try:
                    on_findings(report, view)
                except Exception as e:  # noqa: BLE001 — kept and raised after the check
                    failure.append(e)
                finally:
                    view._ptr = None  # borrowed
            options.on_findings = FINDINGS_FN(trampoline)
        result = BatchResult(_new(library().cchc_batch_check, rules.ptr, self.ptr, ctypes.byref(options)))
        if failure:
            result.close()
            raise failure[0]
        return result


class BatchResult(_Handle):
    _free = "cchc_batch_result_free"

    @property
    def rules(self) -> list:
        """Each rule's counts (RuleSummary), in the rule set's order."""
        lib, count = library(), _sz()
        _check(lib.cchc_batch_result_rule_count(ctypes.byref(count), self.ptr))
        out = []
        for i in range(count.value):
            s = _RuleSummary(version=1)
            _check(lib.cchc_batch_result_rule(ctypes.byref(s), self.ptr, i))
            out.append(RuleSummary(s.rule_id.decode(), SEVERITIES[s.severity], s.evaluated,
                                   s.passed, s.failed, s.skipped))
        return out

    @property
    def totals(self) -> tuple:
        """(reports, reports with findings, reports with errors)."""
        r, f, e = _sz(), _sz(), _sz()
        _check(library().cchc_batch_result_totals(ctypes.byref(r), ctypes.byref(f), ctypes.byref(e), self.ptr))
        return r.value, f.value, e.value

    def statuses(self, first: int = 0, count: Optional[int] = None) -> dict:
        """Findings per report by severity, as arrays: {"errors", "warnings", "infos"}."""
        if count is None:
            count = self.totals[0] - first
        out = {k: array("I", bytes(4 * count)) for k in ("errors", "warnings", "infos")}
        _check(library().cchc_batch_result_statuses(
            _pointer(out["errors"], ctypes.c_uint32), _pointer(out["warnings"], ctypes.c_uint32),
            _pointer(out["infos"], ctypes.c_uint32), self.ptr, first, count))
        return out

    def findings(self, report: int) -> Findings:
        """One report's findings (the check must have kept them)."""
        return Findings(_new(library().cchc_batch_result_findings, self.ptr, report))

    def to_json(self) -> str:
        return _text(library().cchc_batch_result_to_json, self.ptr)
