# SPDX-License-Identifier: MIT
"""Internal: the C library through ctypes. Finds libcchc_c, declares every function's signature
and the structs of cchc.h, and turns status codes into exceptions (errors.py)."""
from __future__ import annotations

import ctypes
import ctypes.util
import os
from pathlib import Path
from typing import Any, Callable, Optional

from .errors import error_for

OK = 0
MAJOR = 0  # the major version of the C API this package speaks
SEVERITIES = {0: "info", 1: "warning", 2: "error"}
KINDS = {0: "heading", 1: "count", 2: "percent", 3: "yes_no", 4: "code", 5: "pair", 6: "money"}
LANGS = {"vi": 0, "en": 1, "both": 2}
RENDER_FORMATS = {"html": 0, "md": 1, "markdown": 1, "csv": 2, "json": 3, "xlsx": 4, "docx": 5}
BINARY_FORMATS = {"xlsx", "docx"}
NTS = ctypes.c_size_t(-1).value
i32, i64, sz, p = ctypes.c_int32, ctypes.c_int64, ctypes.c_size_t, ctypes.c_void_p
cs = ctypes.c_char_p


def _find_library() -> str:
    """CCHC_LIBRARY; else where the build or the install put it (_config.py, written by CMake);
    else the system's search (ldconfig, LD_LIBRARY_PATH)."""
    explicit = os.environ.get("CCHC_LIBRARY")
    if explicit:
        return explicit
    try:
        from . import _config  # type: ignore[attr-defined]
        configured = os.path.normpath(Path(__file__).resolve().parent / _config.LIBRARY)
        if os.path.exists(configured):
            return configured
    except ImportError:
        pass
    found = ctypes.util.find_library("cchc_c")
    if found:
        return found
    raise OSError("libcchc_c.so not found: install cchc, or set CCHC_LIBRARY to its path")


class FormInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("number", i32), ("title", cs), ("title_en", cs),
                ("first_row", sz), ("row_count", sz)]


class RowInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("form", i32), ("address", cs), ("code", cs),
                ("printed_code", cs), ("label", cs), ("label_en", cs), ("unit", cs),
                ("kind", i32), ("required", i32), ("cumulative", i32), ("parent", i64),
                ("code_count", sz)]


class FindingInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("rule_id", cs), ("severity", i32),
                ("row_count", sz), ("expected", cs), ("message_vi", cs), ("message_en", cs),
                ("has_fix", i32), ("fix_row", cs), ("fix_value", cs), ("line", i64)]


class Limits(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32)] + [(name, sz) for name in (
        "json_max_depth", "json_max_bytes", "rules_max_source_bytes", "rules_max_depth",
        "rules_max_nodes", "text_max_bytes", "text_max_line_bytes")]


class ReadInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("reports", sz), ("lines", sz),
                ("input_findings", sz), ("skipped", sz)]


FINDINGS_FN = ctypes.CFUNCTYPE(None, p, sz, p)


class Options(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("lang", i32), ("catalog", p), ("holidays", cs),
                ("limits", ctypes.POINTER(Limits)),
                # version 2: how a scan is recognised
                ("ocr_language", cs), ("ocr_tessdata", cs), ("ocr_dpi", ctypes.c_uint32),
                ("ocr_min_confidence", ctypes.c_uint32)]


class RenderOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("format", i32), ("lang", i32), ("form", i32),
                ("findings", p)]


class CheckOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("threads", ctypes.c_uint32),
                ("keep_findings", i32), ("on_findings", FINDINGS_FN), ("user_data", p)]


class RuleSummary(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("rule_id", cs), ("severity", i32),
                ("evaluated", sz), ("passed", sz), ("failed", sz), ("skipped", sz)]


class ConsolidateOptions(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("agency_name", cs), ("agency_code", cs),
                ("agency_level", cs), ("province", cs), ("period", cs), ("expected", cs)]


class TemplateInfo(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("id", cs), ("template_version", cs), ("name", cs),
                ("level", cs), ("effective_from", cs), ("effective_until", cs), ("origin", cs),
                ("derived", cs), ("mapping_from", cs), ("rule_files", sz), ("has_scoring", i32)]


class ArchiveAdded(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("added", sz), ("replaced", sz),
                ("unchanged", sz), ("refused", sz)]


RULE_FN = ctypes.CFUNCTYPE(i32, p, p, p)
P64, PU8, PU32 = ctypes.POINTER(i64), ctypes.POINTER(ctypes.c_uint8), ctypes.POINTER(ctypes.c_uint32)

SIGNATURES = {
    "cchc_version": (cs, []),
    "cchc_version_number": (i32, []),
    "cchc_errstr": (cs, [i32]),
    "cchc_last_error": (cs, []),
    "cchc_limits_default": (i32, [ctypes.POINTER(Limits)]),
    "cchc_limits_get": (i32, [ctypes.POINTER(Limits)]),
    "cchc_limits_set": (i32, [ctypes.POINTER(Limits)]),
    "cchc_catalog_builtin": (i32, [ctypes.POINTER(p)]),
    "cchc_catalog_from_json": (i32, [ctypes.POINTER(p), cs, sz]),
    "cchc_catalog_load": (i32, [ctypes.POINTER(p), cs]),
    "cchc_catalog_from_json_v2": (i32, [ctypes.POINTER(p), cs, sz, ctypes.POINTER(Options)]),
    "cchc_catalog_load_v2": (i32, [ctypes.POINTER(p), cs, ctypes.POINTER(Options)]),
    "cchc_catalog_free": (None, [p]),
    "cchc_catalog_id": (i32, [ctypes.POINTER(cs), ctypes.POINTER(cs), p]),
    "cchc_catalog_form_count": (i32, [ctypes.POINTER(sz), p]),
    "cchc_catalog_row_count": (i32, [ctypes.POINTER(sz), p]),
    "cchc_catalog_find_row": (i32, [ctypes.POINTER(sz), p, cs, sz]),
    "cchc_catalog_form": (i32, [ctypes.POINTER(FormInfo), p, sz]),
    "cchc_catalog_row": (i32, [ctypes.POINTER(RowInfo), p, sz]),
    "cchc_catalog_row_code": (i32, [ctypes.POINTER(i64), ctypes.POINTER(cs), ctypes.POINTER(cs), p, sz, sz]),
    "cchc_report_new": (i32, [ctypes.POINTER(p), p]),
    "cchc_report_from_json": (i32, [ctypes.POINTER(p), p, cs, sz]),
    "cchc_report_load": (i32, [ctypes.POINTER(p), p, cs]),
    "cchc_report_from_json_v2": (i32, [ctypes.POINTER(p), cs, sz, ctypes.POINTER(Options)]),
    "cchc_report_load_v2": (i32, [ctypes.POINTER(p), cs, ctypes.POINTER(Options)]),
    "cchc_report_clone": (i32, [ctypes.POINTER(p), p]),
    "cchc_report_free": (None, [p]),
    "cchc_report_to_json": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p]),
    "cchc_report_save": (i32, [p, cs]),
    "cchc_report_get_text": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, cs]),
    "cchc_report_set_text": (i32, [p, cs, cs, sz]),
    "cchc_report_value_kind": (i32, [ctypes.POINTER(i32), ctypes.POINTER(i32), p, cs]),
    "cchc_report_value_ok": (i32, [ctypes.POINTER(i32), p, cs]),
    "cchc_report_clear": (i32, [p, cs, i32]),
    "cchc_report_get_count": (i32, [ctypes.POINTER(i64), p, cs]),
    "cchc_report_set_count": (i32, [p, cs, i64]),
    "cchc_report_get_percent": (i32, [ctypes.POINTER(i64), ctypes.POINTER(i32), p, cs]),
    "cchc_report_set_percent": (i32, [p, cs, i64, i32]),
    "cchc_report_get_code": (i32, [ctypes.POINTER(i64), p, cs]),
    "cchc_report_set_code": (i32, [p, cs, i64]),
    "cchc_report_get_pair": (i32, [ctypes.POINTER(i64), ctypes.POINTER(i64), p, cs]),
    "cchc_report_set_pair": (i32, [p, cs, i64, i64]),
    "cchc_report_get_money": (i32, [ctypes.POINTER(i64), p, cs]),
    "cchc_report_set_money": (i32, [p, cs, i64]),
    "cchc_report_get_meta": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, cs]),
    "cchc_report_set_meta": (i32, [p, cs, cs, sz]),
    "cchc_report_derive": (i32, [ctypes.POINTER(p), ctypes.POINTER(sz), p]),
    "cchc_report_import_text": (i32, [ctypes.POINTER(p), ctypes.POINTER(p), p, cs, sz]),
    "cchc_report_import_file": (i32, [ctypes.POINTER(p), ctypes.POINTER(p), p, cs]),
    "cchc_report_import_text_v2": (i32, [ctypes.POINTER(p), ctypes.POINTER(p), cs, sz, ctypes.POINTER(Options)]),
    "cchc_report_import_file_v2": (i32, [ctypes.POINTER(p), ctypes.POINTER(p), cs, ctypes.POINTER(Options)]),
    "cchc_ruleset_new": (i32, [ctypes.POINTER(p), p]),
    "cchc_ruleset_builtin": (i32, [ctypes.POINTER(p), p]),
    "cchc_ruleset_free": (None, [p]),
    "cchc_ruleset_size": (i32, [ctypes.POINTER(sz), p]),
    "cchc_ruleset_set_limits": (i32, [p, ctypes.POINTER(Limits)]),
    "cchc_ruleset_add_source": (i32, [p, cs, sz, cs, ctypes.POINTER(ctypes.c_uint32), ctypes.POINTER(ctypes.c_uint32)]),
    "cchc_ruleset_add_callback": (i32, [p, cs, i32, RULE_FN, p]),
    "cchc_sink_add": (i32, [p, cs, cs, ctypes.POINTER(cs), sz]),
    "cchc_ruleset_check": (i32, [ctypes.POINTER(p), p, p]),
    "cchc_ruleset_check_v2": (i32, [ctypes.POINTER(p), p, p, ctypes.POINTER(Options)]),
    "cchc_findings_free": (None, [p]),
    "cchc_render": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, ctypes.POINTER(RenderOptions)]),
    "cchc_render_file": (i32, [p, cs, ctypes.POINTER(RenderOptions)]),
    "cchc_findings_count": (i32, [ctypes.POINTER(sz), p]),
    "cchc_findings_summary": (i32, [ctypes.POINTER(sz), ctypes.POINTER(sz), ctypes.POINTER(sz), p]),
    "cchc_findings_get": (i32, [ctypes.POINTER(FindingInfo), p, sz]),
    "cchc_findings_row": (i32, [ctypes.POINTER(cs), ctypes.POINTER(cs), ctypes.POINTER(i32), p, sz, sz]),
    "cchc_findings_to_json": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p]),
    "cchc_findings_to_text": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, i32]),
    "cchc_batch_new": (i32, [ctypes.POINTER(p), p]),
    "cchc_batch_free": (None, [p]),
    "cchc_batch_size": (i32, [ctypes.POINTER(sz), p]),
    "cchc_batch_clear": (i32, [p]),
    "cchc_batch_add_blank": (i32, [ctypes.POINTER(sz), p, sz]),
    "cchc_batch_add_report": (i32, [ctypes.POINTER(sz), p, p]),
    "cchc_batch_set_column": (i32, [p, sz, sz, sz, P64, P64, PU8, i32]),
    "cchc_batch_get_column": (i32, [P64, P64, PU8, PU8, p, sz, sz, sz]),
    "cchc_batch_set_text": (i32, [p, sz, cs, cs, sz]),
    "cchc_batch_get_text": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, sz, cs]),
    "cchc_batch_set_meta": (i32, [p, sz, cs, cs, sz]),
    "cchc_batch_get_meta": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, sz, cs]),
    "cchc_batch_report": (i32, [ctypes.POINTER(p), p, sz]),
    "cchc_batch_set_limits": (i32, [p, ctypes.POINTER(Limits)]),
    "cchc_batch_read_file": (i32, [ctypes.POINTER(ReadInfo), p, cs]),
    "cchc_batch_read_text": (i32, [ctypes.POINTER(ReadInfo), p, cs, sz, cs]),
    "cchc_batch_add_arrow": (i32, [ctypes.POINTER(ReadInfo), p, p, p]),
    "cchc_batch_skipped_count": (i32, [ctypes.POINTER(sz), p]),
    "cchc_batch_skipped": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, sz]),
    "cchc_batch_check": (i32, [ctypes.POINTER(p), p, p, ctypes.POINTER(CheckOptions)]),
    "cchc_batch_result_free": (None, [p]),
    "cchc_batch_result_rule_count": (i32, [ctypes.POINTER(sz), p]),
    "cchc_batch_result_rule": (i32, [ctypes.POINTER(RuleSummary), p, sz]),
    "cchc_batch_result_totals": (i32, [ctypes.POINTER(sz), ctypes.POINTER(sz), ctypes.POINTER(sz), p]),
    "cchc_batch_result_statuses": (i32, [PU32, PU32, PU32, p, sz, sz]),
    "cchc_batch_result_findings": (i32, [ctypes.POINTER(p), p, sz]),
    "cchc_batch_result_to_json": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p]),
    "cchc_batch_result_render": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, p, ctypes.POINTER(RenderOptions)]),
    "cchc_consolidate": (i32, [ctypes.POINTER(p), ctypes.POINTER(p), ctypes.POINTER(p), sz,
                               ctypes.POINTER(ConsolidateOptions)]),
    "cchc_history_new": (i32, [ctypes.POINTER(p)]),
    "cchc_history_free": (None, [p]),
    "cchc_history_add": (i32, [p, p]),
    "cchc_history_size": (i32, [ctypes.POINTER(sz), p]),
    "cchc_ruleset_check_history": (i32, [ctypes.POINTER(p), p, p, p, ctypes.POINTER(Options)]),
    "cchc_findings_row_period": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, sz, sz]),
    "cchc_archive_open": (i32, [ctypes.POINTER(p), cs]),
    "cchc_archive_free": (None, [p]),
    "cchc_archive_add": (i32, [p, ctypes.POINTER(p), sz, ctypes.POINTER(ArchiveAdded)]),
    "cchc_archive_count": (i32, [ctypes.POINTER(sz), ctypes.POINTER(sz), p]),
    "cchc_archive_export": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, cs, cs]),
    "cchc_archive_history": (i32, [ctypes.POINTER(p), p, p, i32]),
    "cchc_archive_verify": (i32, [p]),
    "cchc_registry_open": (i32, [ctypes.POINTER(p), ctypes.POINTER(cs), sz]),
    "cchc_registry_free": (None, [p]),
    "cchc_registry_count": (i32, [ctypes.POINTER(sz), p]),
    "cchc_registry_at": (i32, [ctypes.POINTER(p), p, sz]),
    "cchc_registry_lookup": (i32, [ctypes.POINTER(p), p, cs, cs]),
    "cchc_registry_for_report_json": (i32, [ctypes.POINTER(p), p, cs, sz]),
    "cchc_template_get_info": (i32, [ctypes.POINTER(TemplateInfo), p]),
    "cchc_template_catalog": (i32, [ctypes.POINTER(p), p]),
    "cchc_template_ruleset": (i32, [ctypes.POINTER(p), p]),
    "cchc_report_migrate": (i32, [ctypes.POINTER(p), ctypes.POINTER(p), p, p, cs]),
    "cchc_archive_history_registry": (i32, [ctypes.POINTER(p), p, p, p, i32]),
    "cchc_report_score_json": (i32, [ctypes.c_char_p, sz, ctypes.POINTER(sz), p, p, p]),
}

_lib: Optional[ctypes.CDLL] = None


def library() -> ctypes.CDLL:
    """The loaded C library, with every function's signature declared."""
    global _lib
    if _lib is None:
        lib = ctypes.CDLL(_find_library())
        for name, (restype, argtypes) in SIGNATURES.items():
            fn = getattr(lib, name)
            fn.restype, fn.argtypes = restype, argtypes
        if lib.cchc_version_number() // 10000 != MAJOR:
            raise OSError(f"libcchc_c {lib.cchc_version().decode()} is not major version {MAJOR}")
        _lib = lib
    return _lib


def check(rc: int) -> None:
    """Raises the exception of a status code (errors.py); nothing for CCHC_OK."""
    if rc != OK:
        lib = library()
        raise error_for(rc, lib.cchc_last_error().decode("utf-8"), lib.cchc_errstr(rc).decode())


def b(s: str) -> bytes:
    return s.encode("utf-8")


def data(call: Callable[..., int], *args: Any) -> bytes:
    """Calls a buffer-filling function: once to measure, once to fill."""
    length = sz(0)
    check(call(None, 0, ctypes.byref(length), *args))
    buf = ctypes.create_string_buffer(length.value + 1)
    check(call(buf, length.value + 1, ctypes.byref(length), *args))
    return buf.raw[: length.value]


def text(call: Callable[..., int], *args: Any) -> str:
    """data(), as the UTF-8 text it is."""
    return data(call, *args).decode("utf-8")


def new(call: Callable[..., int], *args: Any) -> int:
    """Calls a constructor (an out-parameter first) and returns the new handle."""
    out = p()
    check(call(ctypes.byref(out), *args))
    return out.value


class Handle:
    """An owned C handle, freed by close(), by `with`, or when collected."""
    _free = ""

    def __init__(self, ptr: Optional[int]):
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

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown
            pass
