# SPDX-License-Identifier: MIT
"""Templates as data: the registry of templates and their versions, migration between versions,
and scoring under an indicator set such as Decision 766/QĐ-TTg (docs/templates.md).

    with cchc.Registry.open(["/etc/cchc/templates"]) as registry:
        t = registry.for_report_json(text)        # the template the report names
        with t.catalog() as cat, t.rules() as rules:
            report = cchc.Report.from_json(cat, text)
            found = rules.check(report)
        migrated, notes = cchc.migrate(report, registry, "2025.1")
        score = cchc.score(report, registry.lookup("vn.qd-766-2022.chi-so-phuc-vu"))
"""
from __future__ import annotations

import ctypes
import json
from dataclasses import dataclass
from typing import Any, Dict, Iterator, Optional, Sequence, Tuple

from . import _lib
from ._lib import b, check, library, new, sz, text
from .core import Catalog, Findings, Report, RuleSet

__all__ = ["Registry", "Template", "migrate", "score"]


def _s(value: Optional[bytes]) -> str:
    return (value or b"").decode("utf-8")


@dataclass(frozen=True)
class Template:
    """A template of a registry; valid while its registry is open."""
    registry: "Registry"
    ptr: int
    id: str
    version: str
    name: str
    level: str
    effective_from: str  # "YYYY-MM-DD", or ""
    effective_until: str
    origin: str          # "built-in", or the folder or file it was found in
    derived: str         # what it is derived from when no published source gives it whole
    mapping_from: str    # the version its mapping carries reports from, or ""
    rule_files: int
    has_scoring: bool

    def catalog(self) -> Catalog:
        """A new handle on the template's catalogue."""
        return Catalog(new(library().cchc_template_catalog, self.ptr))

    def rules(self) -> RuleSet:
        """The structural rules, the template's rule files, and its deadline rule."""
        return RuleSet(new(library().cchc_template_ruleset, self.ptr))


class Registry(_lib.Handle):
    """The built-in templates, the folders on CCHC_TEMPLATE_PATH, then `dirs`."""
    _free = "cchc_registry_free"

    @classmethod
    def open(cls, dirs: Sequence[str] = ()) -> "Registry":
        array = (ctypes.c_char_p * len(dirs))(*[b(str(d)) for d in dirs])
        return cls(new(library().cchc_registry_open, array if dirs else None, len(dirs)))

    def _template(self, ptr: int) -> Template:
        info = _lib.TemplateInfo(version=1)
        check(library().cchc_template_get_info(ctypes.byref(info), ptr))
        return Template(self, ptr, _s(info.id), _s(info.template_version), _s(info.name),
                        _s(info.level), _s(info.effective_from), _s(info.effective_until),
                        _s(info.origin), _s(info.derived), _s(info.mapping_from),
                        info.rule_files, bool(info.has_scoring))

    def __len__(self) -> int:
        out = sz()
        check(library().cchc_registry_count(ctypes.byref(out), self.ptr))
        return out.value

    def __iter__(self) -> Iterator[Template]:
        for i in range(len(self)):
            out = ctypes.c_void_p()
            check(library().cchc_registry_at(ctypes.byref(out), self.ptr, i))
            yield self._template(out.value)

    def lookup(self, id: str, version: Optional[str] = None) -> Template:
        """The template of `id` and `version` (None: the newest); NotFoundError names the
        versions there are."""
        out = ctypes.c_void_p()
        check(library().cchc_registry_lookup(ctypes.byref(out), self.ptr, b(id),
                                             None if version is None else b(version)))
        return self._template(out.value)

    def for_report_json(self, text_: str) -> Template:
        """The template a cchc.report/1 document names."""
        data = b(text_)
        out = ctypes.c_void_p()
        check(library().cchc_registry_for_report_json(ctypes.byref(out), self.ptr, data, len(data)))
        return self._template(out.value)


def migrate(report: Report, registry: Registry, to_version: str) -> Tuple[Report, Findings]:
    """The report carried to `to_version` of its template, and what could not be carried
    (migrate.* findings)."""
    out, found = ctypes.c_void_p(), ctypes.c_void_p()
    check(library().cchc_report_migrate(ctypes.byref(out), ctypes.byref(found), report.ptr,
                                        registry.ptr, b(to_version)))
    return Report(out.value), Findings(found.value)


def score(report: Report, template: Template, history: Optional[Any] = None) -> Dict[str, Any]:
    """The report's score under the template's indicator set, as the cchc.score/1 document:
    {"total": "61,25", "max": "100", "complete": False, "groups": [...], "unweighted": [...]}.
    `history` (quarter.History) gives last year's report for a quarter without a denominator."""
    return json.loads(text(library().cchc_report_score_json, report.ptr, template.ptr,
                           None if history is None else history.ptr))
