# SPDX-License-Identifier: MIT
"""cchc for Python: read and check Vietnamese periodic administrative-reform (CCHC) reports.

A thin, typed layer over the C API (libcchc_c.so) through ctypes: no compiled extension, no
dependencies. Installed by `cmake --install` next to the library; from a build tree, put
`build/<preset>/python` on PYTHONPATH.

    import cchc
    with cchc.Catalog.builtin() as catalog, cchc.Report.load(catalog, "report.json") as report:
        with cchc.RuleSet.builtin(catalog) as rules, rules.check(report) as findings:
            for f in findings:
                print(f.severity, f.rule_id, f.message_en)

    report, findings = cchc.Report.import_file(None, "report.pdf",
                                               holidays=["2024-04-18", "2024-04-30"], lang="en")

Errors raise a subclass of cchc.Error, one per C status code (cchc.ParseError,
cchc.NotFoundError, cchc.LimitError, ...), each also the built-in exception one would expect
(ValueError, LookupError, OSError, ...); the message says where. The library is found through
the CCHC_LIBRARY environment variable, then where CMake built or installed it, then by the
system's search (ldconfig, LD_LIBRARY_PATH). docs/c-api.md has the whole C contract.
"""
from __future__ import annotations

from ._lib import library
from .batch import CELL_STATES, Batch, BatchResult, ReadInfo, RuleSummary
from .core import (LIMIT_NAMES, Catalog, Finding, Findings, Holidays, Lang, Report, Row, RuleSet,
                   default_limits, limits, set_limits)
from .quarter import Archive, History, consolidate
from .templates import Registry, Template, migrate, score
from .errors import (BufferTooSmallError, CallbackError, CatalogError, Error, FileError,
                     InternalError, InvalidArgumentError, KindError, LimitError, NoValueError,
                     NotFoundError, OutOfMemoryError, ParseError, RangeError, Utf8Error)

__all__ = [
    "Catalog", "Report", "RuleSet", "Findings", "Finding", "Row", "Batch", "BatchResult",
    "RuleSummary", "ReadInfo", "CELL_STATES", "limits", "default_limits", "set_limits",
    "LIMIT_NAMES", "Holidays", "Lang", "library", "version", "consolidate", "History", "Archive",
    "Registry", "Template", "migrate", "score",
    "Error", "InvalidArgumentError", "ParseError", "NotFoundError", "KindError", "RangeError",
    "Utf8Error", "FileError", "CatalogError", "LimitError", "BufferTooSmallError",
    "CallbackError", "NoValueError", "OutOfMemoryError", "InternalError",
]


def version() -> str:
    """The version of the loaded C library ("0.1.0")."""
    return library().cchc_version().decode()
