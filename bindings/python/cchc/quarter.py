# SPDX-License-Identifier: MIT
"""The province's quarter: consolidation, an agency's history, and the archive (SQLite).

    units = [cchc.Report.load(catalog, f) for f in files]
    province, findings = cchc.consolidate(units, agency_name="Sở Nội vụ", agency_code="SNV")

    with cchc.Archive.open("sonla.cchc.db") as db:
        db.add(units)                                   # {"added": 3, "replaced": 0, ...}
        with db.history(report) as h, rules.check(report, history=h) as found: ...
"""
from __future__ import annotations

import ctypes
from typing import Any, Dict, Iterable, Optional, Sequence, Tuple

from . import _lib
from ._lib import b, check, library, new, sz, text
from .core import Findings, Report

__all__ = ["consolidate", "History", "Archive"]


def _report_array(reports: Sequence[Report]) -> "ctypes.Array[ctypes.c_void_p]":
    return (ctypes.c_void_p * len(reports))(*[r.ptr for r in reports])


def _opt(value: Optional[str]) -> Optional[bytes]:
    return None if value is None else b(value)


def consolidate(reports: Sequence[Report], *, agency_name: Optional[str] = None,
                agency_code: Optional[str] = None, agency_level: Optional[str] = None,
                province: Optional[str] = None, period: Optional[str] = None,
                expected: Optional[Iterable[str]] = None) -> Tuple[Report, Findings]:
    """The province's (or district's) report pooled from its units' reports, and the
    consolidate.* findings. `period` is "q1 2024"; `expected` the agencies that must report
    (codes or names)."""
    o = _lib.ConsolidateOptions(version=1, agency_name=_opt(agency_name),
                                agency_code=_opt(agency_code), agency_level=_opt(agency_level),
                                province=_opt(province), period=_opt(period),
                                expected=None if expected is None else b(",".join(expected)))
    out, found = ctypes.c_void_p(), ctypes.c_void_p()
    array = _report_array(reports)
    check(library().cchc_consolidate(ctypes.byref(out), ctypes.byref(found), array, len(reports),
                                     ctypes.byref(o)))
    return Report(out.value), Findings(found.value)


class History(_lib.Handle):
    """An agency's earlier reports (copies), for RuleSet.check(report, history=...)."""
    _free = "cchc_history_free"

    @classmethod
    def new(cls, reports: Iterable[Report] = ()) -> "History":
        h = cls(new(library().cchc_history_new))
        for r in reports:
            h.add(r)
        return h

    def add(self, report: Report) -> None:
        check(library().cchc_history_add(self.ptr, report.ptr))

    def __len__(self) -> int:
        out = sz()
        check(library().cchc_history_size(ctypes.byref(out), self.ptr))
        return out.value


class Archive(_lib.Handle):
    """Reports over the years in one SQLite database (docs/quarter.md)."""
    _free = "cchc_archive_free"

    @classmethod
    def open(cls, path: str) -> "Archive":
        return cls(new(library().cchc_archive_open, b(str(path))))

    def add(self, reports: Sequence[Report]) -> Dict[str, int]:
        """Adds in one transaction: {"added", "replaced", "unchanged", "refused"}."""
        out = _lib.ArchiveAdded(version=1)
        check(library().cchc_archive_add(self.ptr, _report_array(reports), len(reports),
                                         ctypes.byref(out)))
        return {name: getattr(out, name) for name in ("added", "replaced", "unchanged", "refused")}

    def counts(self) -> Tuple[int, int]:
        """(current reports, stored versions)."""
        current, versions = sz(), sz()
        check(library().cchc_archive_count(ctypes.byref(current), ctypes.byref(versions), self.ptr))
        return current.value, versions.value

    def export(self, period: Optional[str] = None, agency: Optional[str] = None) -> str:
        """The current reports as JSON Lines."""
        return text(library().cchc_archive_export, self.ptr, _opt(period), _opt(agency))

    def history(self, report: Report, years: int = 3, registry: Optional[Any] = None) -> History:
        """The earlier reports of the report's agency, `years` years back. With a `registry`
        (templates.Registry), those of other versions of its template too, carried over by
        their mappings."""
        if registry is not None:
            return History(new(library().cchc_archive_history_registry, self.ptr, report.ptr,
                               registry.ptr, years))
        return History(new(library().cchc_archive_history, self.ptr, report.ptr, years))

    def verify(self) -> None:
        """Raises FileError when the database is damaged."""
        check(library().cchc_archive_verify(self.ptr))
