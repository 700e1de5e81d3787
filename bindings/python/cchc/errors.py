# SPDX-License-Identifier: MIT
"""The errors of the C API as Python exceptions: one class per status code (CCHC_E*), each also
an instance of the built-in exception a Python caller would expect (ValueError for bad text,
LookupError for an unknown row, OSError for a file, ...), so that either kind of `except`
catches it. Every one is a cchc.Error, with the code, its name and the library's message, which
says where (file:line:column, a JSON path or a row address)."""
from __future__ import annotations

from typing import Dict, Type

__all__ = [
    "Error", "InvalidArgumentError", "ParseError", "NotFoundError", "KindError", "RangeError",
    "Utf8Error", "FileError", "CatalogError", "LimitError", "BufferTooSmallError",
    "CallbackError", "NoValueError", "OutOfMemoryError", "InternalError", "error_for",
]


class Error(Exception):
    """A cchc call failed: `code` is the CCHC_E* status, `name` its name ("parse_error"),
    `message` the library's text (Vietnamese, then English, unless a language was asked)."""

    code: int = 0

    def __init__(self, code: int, message: str, name: str):
        super().__init__(f"{message} [{name}]")
        self.code, self.message, self.name = code, message, name


class InvalidArgumentError(Error, ValueError):
    """CCHC_EINVAL: an argument is unusable (None, empty, out of range)."""
    code = -1


class ParseError(Error, ValueError):
    """CCHC_EPARSE: text that is not what it should be."""
    code = -2


class NotFoundError(Error, LookupError):
    """CCHC_ENOTFOUND: an unknown row address, form, field or file."""
    code = -3


class KindError(Error, TypeError):
    """CCHC_EKIND: a value of one kind where another belongs."""
    code = -4


class RangeError(Error, ValueError):
    """CCHC_ERANGE: a number too large, or a date that cannot exist."""
    code = -5


class Utf8Error(Error, ValueError):
    """CCHC_EUTF8: text that is not UTF-8."""
    code = -6


class FileError(Error, OSError):
    """CCHC_EIO: a file that cannot be read or written."""
    code = -7


class CatalogError(Error, ValueError):
    """CCHC_ECATALOG: a catalogue that contradicts itself."""
    code = -8


class LimitError(Error, ValueError):
    """CCHC_ELIMIT: input beyond a safety limit (cchc.limits())."""
    code = -9


class BufferTooSmallError(Error):
    """CCHC_EBUFFER: never seen from this package, which sizes its buffers itself."""
    code = -10


class CallbackError(Error):
    """CCHC_ECALLBACK: a rule written in Python (RuleSet.add_rule) failed."""
    code = -11


class NoValueError(Error, LookupError):
    """CCHC_ENOVALUE: the row is blank, so it has no value of the asked kind."""
    code = -12


class OutOfMemoryError(Error, MemoryError):
    """CCHC_ENOMEM: out of memory."""
    code = -13


class InternalError(Error):
    """CCHC_EINTERNAL: a bug in cchc; please report it."""
    code = -99


_BY_CODE: Dict[int, Type[Error]] = {
    cls.code: cls for cls in (
        InvalidArgumentError, ParseError, NotFoundError, KindError, RangeError, Utf8Error,
        FileError, CatalogError, LimitError, BufferTooSmallError, CallbackError, NoValueError,
        OutOfMemoryError, InternalError)
}


def error_for(code: int, message: str, name: str) -> Error:
    """The exception for a status code; a code this version does not know is a plain Error."""
    return _BY_CODE.get(code, Error)(code, message, name)
