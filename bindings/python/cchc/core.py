# SPDX-License-Identifier: MIT
"""Catalogues, reports, rule sets and findings: one report at a time (batch.py has many)."""
from __future__ import annotations

import ctypes
import datetime
from dataclasses import dataclass
from typing import (TYPE_CHECKING, Callable, Iterable, Iterator, List, Mapping, Optional,
                    Sequence, Tuple, Union)

from . import _lib
from ._lib import KINDS, LANGS, OK, SEVERITIES, b, check, i32, i64, library, new, sz, text, cs

if TYPE_CHECKING:
    from .quarter import History

__all__ = ["Catalog", "Report", "RuleSet", "Findings", "Finding", "Row", "limits",
           "default_limits", "set_limits", "LIMIT_NAMES", "Holidays", "Lang"]

LIMIT_NAMES: Tuple[str, ...] = tuple(name for name, _ in _lib.Limits._fields_[1:])

#: Public holidays for the deadline checks: "2024-02-09, 2024-04-30", or dates or ISO strings.
Holidays = Union[str, Iterable[Union[str, datetime.date]], None]
#: The language of error messages: "vi", "en", or "both" (the default: "Vietnamese (English)").
Lang = Optional[str]


def _limits_struct(values: Mapping[str, int]) -> _lib.Limits:
    """A cchc_limits with the named fields set and the others zero."""
    unknown = set(values) - set(LIMIT_NAMES)
    if unknown:
        raise KeyError(f"unknown limits: {', '.join(sorted(unknown))}")
    out = _lib.Limits(version=1)
    for name, value in values.items():
        setattr(out, name, int(value))
    return out


def _read_limits(call: Callable[..., int]) -> dict:
    out = _lib.Limits(version=1)
    check(call(ctypes.byref(out)))
    return {name: getattr(out, name) for name in LIMIT_NAMES}


def limits() -> dict:
    """The process-wide limits on untrusted input (docs/security.md), by name."""
    return _read_limits(library().cchc_limits_get)


def default_limits() -> dict:
    """The limits the library starts with."""
    return _read_limits(library().cchc_limits_default)


def set_limits(**changes: int) -> None:
    """Changes some limits for the whole process: set_limits(json_max_depth=8). For one call,
    pass limits= to it; for one rule set or batch, use its set_limits()."""
    current = limits()
    _limits_struct(changes)  # the names checked
    current.update(changes)
    check(library().cchc_limits_set(ctypes.byref(_limits_struct(current))))


def _options(catalog: Optional["Catalog"] = None, holidays: Holidays = None,
             limits: Optional[Mapping[str, int]] = None, lang: Lang = None) -> _lib.Options:
    """A cchc_options for one call. ctypes keeps what its fields point to alive with it."""
    if lang is not None and lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    out = _lib.Options(version=2, lang=LANGS[lang or "both"])
    if catalog is not None:
        out.catalog = catalog.ptr
    if holidays is not None:
        if not isinstance(holidays, str):
            holidays = ",".join(d.isoformat() if isinstance(d, datetime.date) else str(d)
                                for d in holidays)
        out.holidays = b(holidays)
    if limits is not None:
        out.limits = ctypes.pointer(_limits_struct(limits))
    return out


def _own_limits(call: Callable[..., int], ptr: int, values: Optional[Mapping[str, int]],
                fields: Mapping[str, int]) -> None:
    if values is not None and fields:
        raise TypeError("give the limits as a mapping or as keywords, not both")
    chosen = dict(values) if values is not None else dict(fields)
    if values is None and not fields:
        check(call(ptr, None))
    else:
        check(call(ptr, ctypes.byref(_limits_struct(chosen))))


@dataclass(frozen=True)
class Row:
    """A catalogue row: its address ("B1:2.1"), labels, unit, kind and code list."""
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
    codes: Tuple[Tuple[int, str], ...]


class Catalog(_lib.Handle):
    """A report template: forms and rows (docs/catalog.md)."""
    _free = "cchc_catalog_free"

    @classmethod
    def builtin(cls) -> "Catalog":
        return cls(new(library().cchc_catalog_builtin))

    @classmethod
    def from_json(cls, text: str, *, limits: Optional[Mapping[str, int]] = None,
                  lang: Lang = None) -> "Catalog":
        data = b(text)
        o = _options(limits=limits, lang=lang)
        return cls(new(library().cchc_catalog_from_json_v2, data, len(data), ctypes.byref(o)))

    @classmethod
    def load(cls, path: str, *, limits: Optional[Mapping[str, int]] = None,
             lang: Lang = None) -> "Catalog":
        o = _options(limits=limits, lang=lang)
        return cls(new(library().cchc_catalog_load_v2, b(str(path)), ctypes.byref(o)))

    @property
    def id(self) -> Tuple[str, str]:
        """(id, version)."""
        i, v = cs(), cs()
        check(library().cchc_catalog_id(ctypes.byref(i), ctypes.byref(v), self.ptr))
        return i.value.decode(), v.value.decode()

    def rows(self) -> List[Row]:
        lib = library()
        count = sz()
        check(lib.cchc_catalog_row_count(ctypes.byref(count), self.ptr))
        out = []
        for i in range(count.value):
            info = _lib.RowInfo(version=1)
            check(lib.cchc_catalog_row(ctypes.byref(info), self.ptr, i))
            codes = []
            for k in range(info.code_count):
                value, label, label_en = i64(), cs(), cs()
                check(lib.cchc_catalog_row_code(ctypes.byref(value), ctypes.byref(label),
                                                ctypes.byref(label_en), self.ptr, i, k))
                codes.append((value.value, label.value.decode()))
            out.append(Row(i, info.form, info.address.decode(), info.code.decode(),
                           info.printed_code.decode(), info.label.decode(), info.label_en.decode(),
                           info.unit.decode(), KINDS[info.kind], bool(info.required),
                           bool(info.cumulative), tuple(codes)))
        return out

    def forms(self) -> List[Tuple[int, str]]:
        """(number, title) of each form."""
        lib = library()
        count = sz()
        check(lib.cchc_catalog_form_count(ctypes.byref(count), self.ptr))
        out = []
        for i in range(count.value):
            info = _lib.FormInfo(version=1)
            check(lib.cchc_catalog_form(ctypes.byref(info), self.ptr, i))
            out.append((info.number, info.title.decode()))
        return out


def _catalog_ptr(catalog: Optional[Catalog]) -> Optional[int]:
    return None if catalog is None else catalog.ptr


def _render_options(format: str, lang: str, form: int = 0,
                    findings: Optional["Findings"] = None) -> _lib.RenderOptions:
    """cchc_render_options for a format and language, checked here so that the error is Python's."""
    if format not in _lib.RENDER_FORMATS:
        raise ValueError(f"format must be one of {', '.join(_lib.RENDER_FORMATS)}, not {format!r}")
    if lang not in ("vi", "en"):
        raise ValueError(f"lang must be vi or en, not {lang!r}")
    return _lib.RenderOptions(version=1, format=_lib.RENDER_FORMATS[format], lang=LANGS[lang],
                              form=form, findings=None if findings is None else findings.ptr)


class Report(_lib.Handle):
    """One agency's report for one period: a value per catalogue row, and metadata.

    `catalog` may be None wherever a report is read: the built-in catalogue reads it."""
    _free = "cchc_report_free"

    @classmethod
    def new(cls, catalog: Catalog) -> "Report":
        return cls(new(library().cchc_report_new, catalog.ptr))

    @classmethod
    def from_json(cls, catalog: Optional[Catalog], text: str, *,
                  limits: Optional[Mapping[str, int]] = None, lang: Lang = None) -> "Report":
        data = b(text)
        o = _options(catalog, limits=limits, lang=lang)
        return cls(new(library().cchc_report_from_json_v2, data, len(data), ctypes.byref(o)))

    @classmethod
    def load(cls, catalog: Optional[Catalog], path: str, *,
             limits: Optional[Mapping[str, int]] = None, lang: Lang = None) -> "Report":
        o = _options(catalog, limits=limits, lang=lang)
        return cls(new(library().cchc_report_load_v2, b(str(path)), ctypes.byref(o)))

    @classmethod
    def import_text(cls, catalog: Optional[Catalog], text: str, *, holidays: Holidays = None,
                    limits: Optional[Mapping[str, int]] = None,
                    lang: Lang = None) -> Tuple["Report", "Findings"]:
        """(report, findings) from the text of a signed report; the findings say what could not
        be read and what the narrative, dates and citations show (the deadline counted with
        `holidays`)."""
        data = b(text)
        o = _options(catalog, holidays, limits, lang)
        return cls._imported(library().cchc_report_import_text_v2, data, len(data), ctypes.byref(o))

    @classmethod
    def import_file(cls, catalog: Optional[Catalog], path: str, *, holidays: Holidays = None,
                    limits: Optional[Mapping[str, int]] = None, lang: Lang = None,
                    ocr_language: Optional[str] = None, ocr_tessdata: Optional[str] = None,
                    ocr_dpi: int = 0, ocr_min_confidence: int = 0) -> Tuple["Report", "Findings"]:
        """As import_text, from a text, PDF, Word, Excel or scanned file (told apart by content).
        A scan is recognised with Tesseract's `ocr_language` model (default "vie") from
        `ocr_tessdata`, a PDF page at `ocr_dpi` (default 300), and a figure read with less than
        `ocr_min_confidence` (1-101, default 80) is left unread; 0 or None: the default."""
        o = _options(catalog, holidays, limits, lang)
        if ocr_language:
            o.ocr_language = b(ocr_language)
        if ocr_tessdata:
            o.ocr_tessdata = b(str(ocr_tessdata))
        o.ocr_dpi, o.ocr_min_confidence = ocr_dpi, ocr_min_confidence
        return cls._imported(library().cchc_report_import_file_v2, b(str(path)), ctypes.byref(o))

    @classmethod
    def _imported(cls, call: Callable[..., int], *args: object) -> Tuple["Report", "Findings"]:
        out, findings = _lib.p(), _lib.p()
        check(call(ctypes.byref(out), ctypes.byref(findings), *args))
        return cls(out.value), Findings(findings.value)

    def clone(self) -> "Report":
        return Report(new(library().cchc_report_clone, self.ptr))

    def to_json(self) -> str:
        return text(library().cchc_report_to_json, self.ptr)

    def save(self, path: str) -> None:
        check(library().cchc_report_save(self.ptr, b(str(path))))

    def __getitem__(self, address: str) -> str:
        """The value as written ("" when blank)."""
        return text(library().cchc_report_get_text, self.ptr, b(address))

    def __setitem__(self, address: str, value: str) -> None:
        """Sets a value from text, parsed as the row's kind ("" makes it blank)."""
        data = b(value)
        check(library().cchc_report_set_text(self.ptr, b(address), data, len(data)))

    def kind(self, address: str) -> str:
        kind, blank = i32(), i32()
        check(library().cchc_report_value_kind(ctypes.byref(kind), ctypes.byref(blank), self.ptr, b(address)))
        return KINDS[kind.value]

    def is_blank(self, address: str) -> bool:
        kind, blank = i32(), i32()
        check(library().cchc_report_value_kind(ctypes.byref(kind), ctypes.byref(blank), self.ptr, b(address)))
        return bool(blank.value)

    def is_valid(self, address: str) -> bool:
        """Whether the value lies in its kind's domain (a blank does)."""
        ok = i32()
        check(library().cchc_report_value_ok(ctypes.byref(ok), self.ptr, b(address)))
        return bool(ok.value)

    def clear(self, address: str, not_applicable: bool = False) -> None:
        """Makes a row blank: not reported, or not applicable."""
        check(library().cchc_report_clear(self.ptr, b(address), 1 if not_applicable else 0))

    def _int(self, call: Callable[..., int], address: str) -> int:
        out = i64()
        check(call(ctypes.byref(out), self.ptr, b(address)))
        return out.value

    def count(self, address: str) -> int:
        return self._int(library().cchc_report_get_count, address)

    def code(self, address: str) -> int:
        """A yes/no (0 or 1) or code row's code."""
        return self._int(library().cchc_report_get_code, address)

    def money(self, address: str) -> int:
        """Money in đồng."""
        return self._int(library().cchc_report_get_money, address)

    def percent(self, address: str) -> Tuple[int, int]:
        """(units, decimals): 33,3 is (333, 1), exact."""
        units, decimals = i64(), i32()
        check(library().cchc_report_get_percent(ctypes.byref(units), ctypes.byref(decimals), self.ptr, b(address)))
        return units.value, decimals.value

    def pair(self, address: str) -> Tuple[int, int]:
        first, second = i64(), i64()
        check(library().cchc_report_get_pair(ctypes.byref(first), ctypes.byref(second), self.ptr, b(address)))
        return first.value, second.value

    def set_count(self, address: str, n: int) -> None:
        check(library().cchc_report_set_count(self.ptr, b(address), n))

    def set_code(self, address: str, code: int) -> None:
        check(library().cchc_report_set_code(self.ptr, b(address), code))

    def set_money(self, address: str, dong: int) -> None:
        check(library().cchc_report_set_money(self.ptr, b(address), dong))

    def set_percent(self, address: str, units: int, decimals: int = 0) -> None:
        check(library().cchc_report_set_percent(self.ptr, b(address), units, decimals))

    def set_pair(self, address: str, first: int, second: int) -> None:
        check(library().cchc_report_set_pair(self.ptr, b(address), first, second))

    def meta(self, field: str) -> str:
        """Metadata by field name ("agency.name", "period", "document.date", ...)."""
        return text(library().cchc_report_get_meta, self.ptr, b(field))

    def set_meta(self, field: str, value: str) -> None:
        data = b(value)
        check(library().cchc_report_set_meta(self.ptr, b(field), data, len(data)))

    def _render_options(self, format: str, findings: Optional["Findings"], lang: str,
                        form: int) -> _lib.RenderOptions:
        return _render_options(format, lang, form, findings)

    def render(self, format: str = "html", *, findings: Optional["Findings"] = None,
               lang: str = "vi", form: int = 0) -> Union[str, bytes]:
        """The report as a document: "html" (self-contained, print-ready), "md", "csv", "json"
        (text), or "xlsx" and "docx" (the bytes of an Excel workbook or a Word document); `findings` (a check's) are shown on the
        cells they are about (docs/render.md)."""
        o = self._render_options(format, findings, lang, form)
        out = _lib.data(library().cchc_render, self.ptr, ctypes.byref(o))
        return out if format in _lib.BINARY_FORMATS else out.decode("utf-8")

    def render_file(self, path: str, format: str = "html", *,
                    findings: Optional["Findings"] = None, lang: str = "vi", form: int = 0) -> None:
        """render(), written to a file."""
        o = self._render_options(format, findings, lang, form)
        check(library().cchc_render_file(self.ptr, b(str(path)), ctypes.byref(o)))

    def derive(self) -> Tuple["Report", int]:
        """(a new report with derivable blanks filled, how many were filled)."""
        count = sz()
        out = _lib.p()
        check(library().cchc_report_derive(ctypes.byref(out), ctypes.byref(count), self.ptr))
        return Report(out.value), count.value


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: str
    rows: Tuple[Tuple[str, Optional[str]], ...]  # (address, value as written or None if blank)
    expected: str
    message_vi: str
    message_en: str
    fix: Optional[Tuple[str, str]]  # (address, value)
    line: int = 0                   # line of the imported text, or 0
    #: per row, the period of the earlier report its value is from ("q1 2024"), or "" for the
    #: report checked (cross-period rules)
    periods: Tuple[str, ...] = ()


class Findings(_lib.Handle):
    """What a check found: a sequence of Finding."""
    _free = "cchc_findings_free"

    def __len__(self) -> int:
        out = sz()
        check(library().cchc_findings_count(ctypes.byref(out), self.ptr))
        return out.value

    def __getitem__(self, index: int) -> Finding:
        lib = library()
        if not 0 <= index < len(self):
            raise IndexError(index)
        info = _lib.FindingInfo(version=1)
        check(lib.cchc_findings_get(ctypes.byref(info), self.ptr, index))
        rows, periods = [], []
        for r in range(info.row_count):
            address, value, blank = cs(), cs(), i32()
            check(lib.cchc_findings_row(ctypes.byref(address), ctypes.byref(value), ctypes.byref(blank), self.ptr, index, r))
            rows.append((address.value.decode(), None if blank.value else value.value.decode()))
            periods.append(text(lib.cchc_findings_row_period, self.ptr, index, r))
        fix = (info.fix_row.decode(), info.fix_value.decode()) if info.has_fix else None
        return Finding(info.rule_id.decode(), SEVERITIES[info.severity], tuple(rows),
                       info.expected.decode(), info.message_vi.decode(), info.message_en.decode(), fix,
                       info.line, tuple(periods))

    def __iter__(self) -> Iterator[Finding]:
        return (self[i] for i in range(len(self)))

    def summary(self) -> Tuple[int, int, int]:
        """(errors, warnings, info)."""
        e, w, i = sz(), sz(), sz()
        check(library().cchc_findings_summary(ctypes.byref(e), ctypes.byref(w), ctypes.byref(i), self.ptr))
        return e.value, w.value, i.value

    def to_json(self) -> str:
        return text(library().cchc_findings_to_json, self.ptr)

    def to_text(self, lang: str = "vi") -> str:
        if lang not in ("vi", "en"):
            raise ValueError(f"lang must be vi or en, not {lang!r}")
        return text(library().cchc_findings_to_text, self.ptr, LANGS[lang])


RULE_FN = _lib.RULE_FN
#: A rule in Python: report -> [(message_vi, message_en, [row addresses]), ...].
RuleFunction = Callable[[Report], Iterable[Tuple[str, str, Sequence[str]]]]


class RuleSet(_lib.Handle):
    """Compiled rules for one catalogue: structural, built-in, and your own."""
    _free = "cchc_ruleset_free"

    def __init__(self, ptr: int):
        super().__init__(ptr)
        self._callbacks: list = []  # keeps the ctypes callbacks alive as long as the set

    @classmethod
    def new(cls, catalog: Catalog) -> "RuleSet":
        return cls(new(library().cchc_ruleset_new, catalog.ptr))

    @classmethod
    def builtin(cls, catalog: Catalog) -> "RuleSet":
        return cls(new(library().cchc_ruleset_builtin, catalog.ptr))

    def __len__(self) -> int:
        out = sz()
        check(library().cchc_ruleset_size(ctypes.byref(out), self.ptr))
        return out.value

    def set_limits(self, limits: Optional[Mapping[str, int]] = None, /, **fields: int) -> None:
        """Limits on the sources this set compiles from now on: set_limits(rules_max_depth=8).
        Limits not named follow the process-wide ones; set_limits() goes back to them."""
        _own_limits(library().cchc_ruleset_set_limits, self.ptr, limits, fields)

    def add_source(self, source: str, name: str = "<python>") -> None:
        """Compiles rule-language text; the error's message says name:line:column and why."""
        data = b(source)
        check(library().cchc_ruleset_add_source(self.ptr, data, len(data), b(name), None, None))

    def add_rule(self, rule_id: str, severity: str, rule: RuleFunction) -> None:
        """A rule in Python: rule(report) returns [(message_vi, message_en, [addresses]), ...].
        An exception in it makes RuleSet.check raise CallbackError."""
        level = {v: k for k, v in SEVERITIES.items()}[severity]
        lib = library()

        def trampoline(_user: object, report_ptr: int, sink: int) -> int:
            try:
                view = Report(report_ptr)
                try:
                    for vi, en, rows in rule(view):
                        arr = (cs * len(rows))(*[b(r) for r in rows])
                        if lib.cchc_sink_add(sink, b(vi), b(en), arr, len(rows)) != OK:
                            return 1
                finally:
                    view._ptr = None  # borrowed: not ours to free
                return 0
            except Exception:
                return 1

        fn = RULE_FN(trampoline)
        self._callbacks.append(fn)
        check(lib.cchc_ruleset_add_callback(self.ptr, b(rule_id), level, fn, None))

    def check(self, report: Report, *, holidays: Holidays = None, lang: Lang = None,
              history: Optional["History"] = None) -> Findings:
        """The report's findings; an imported report's text is checked too, its deadline
        counted with `holidays`. With the agency's `history` (quarter.History, or
        Archive.history), the cross-period rules and outliers run too."""
        o = _options(holidays=holidays, lang=lang)
        if history is not None:
            return Findings(new(library().cchc_ruleset_check_history, self.ptr, report.ptr,
                                history.ptr, ctypes.byref(o)))
        return Findings(new(library().cchc_ruleset_check_v2, self.ptr, report.ptr, ctypes.byref(o)))
