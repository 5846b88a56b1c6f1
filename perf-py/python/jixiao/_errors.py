"""The exceptions jixiao raises. Every one names the line it is about."""

from __future__ import annotations

from typing import Optional

__all__ = [
    "PerfError",
    "ParseError",
    "DecodeError",
    "EmptyDocumentError",
    "NoTablesError",
]


class PerfError(Exception):
    """Base class of every error jixiao raises."""


class ParseError(PerfError, ValueError):
    """A document could not be read at all.

    ``line`` is the 1-based source line the error names, ``kind`` a stable
    short name (``empty``, ``undecodable``, ``invalid-utf8``, ``no-tables``),
    ``offset`` the byte offset in the decoded text and ``path`` the file, when
    the document was read from one.

    >>> import jixiao
    >>> try:
    ...     jixiao.parse_document("no tables here")
    ... except jixiao.ParseError as e:
    ...     print(e.kind, e.line)
    no-tables 1
    """

    line: Optional[int]
    kind: str
    offset: Optional[int]
    path: Optional[str]

    def __init__(
        self,
        message: str,
        *,
        line: Optional[int] = None,
        kind: str = "other",
        offset: Optional[int] = None,
        path: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.line = line
        self.kind = kind
        self.offset = offset
        self.path = path

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # keyword-only fields survive pickling (multiprocessing, joblib)
        return (_rebuild, (type(self), str(self), self.line, self.kind, self.offset, self.path))


def _rebuild(
    cls: type,
    message: str,
    line: Optional[int],
    kind: str,
    offset: Optional[int],
    path: Optional[str],
) -> ParseError:
    err: ParseError = cls(message, line=line, kind=kind, offset=offset, path=path)
    return err


class DecodeError(ParseError):
    """The bytes are not text in a supported encoding."""


class EmptyDocumentError(ParseError):
    """The document is empty or holds only white space."""


class NoTablesError(ParseError):
    """No 绩效目标表 or indicator table header was found."""
