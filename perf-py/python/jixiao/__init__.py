"""jixiao (绩效): read Chinese budget performance documents into exact data.

Every indicator value (指标值) becomes a typed :class:`Value` with exact
``decimal.Decimal`` numbers; every document a :class:`Document` of projects
and indicators; a folder of documents one pandas DataFrame::

    import jixiao
    df = jixiao.indicators_frame(jixiao.read_dir("documents/"))

>>> import jixiao
>>> v = jixiao.parse_value("≥95 百分比")
>>> v.kind, v.cmp, v.number, v.unit, v.dimension
('quantity', '>=', Decimal('95'), '%', 'percent')
>>> jixiao.parse_value("4.35 万").base_number
Decimal('43500')
>>> jixiao.parse_value("每月20日前发放").deadline
Deadline(day=20, recurrence='monthly')
>>> batch = jixiao.parse_values(["90%-95%", "长期", "/"])
>>> [v.kind for v in batch]
['range', 'qualitative', 'empty']
>>> batch.column("kind")
['range', 'qualitative', 'empty']
"""

from __future__ import annotations

import collections.abc
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Union

from ._errors import (
    DecodeError,
    EmptyDocumentError,
    NoTablesError,
    ParseError,
    PerfError,
)
from ._frame import COLUMNS, assess_frame, indicator_rows, indicators_arrow, indicators_frame
from ._native import (
    SCHEMA,
    Assessment,
    Budget,
    Deadline,
    Diagnostic,
    Document,
    Indicator,
    Project,
    Value,
    ValueBatch,
    __version__,
    assess,
    assess_many,
    parse_document,
    parse_value,
    parse_values,
)

# A ValueBatch is a read-only sequence of Value (len, indexing, slices,
# iteration, `in`, index, count, reversed): say so to isinstance checks.
collections.abc.Sequence.register(ValueBatch)

__all__ = [
    "COLUMNS",
    "SCHEMA",
    "Assessment",
    "Budget",
    "Deadline",
    "DecodeError",
    "Diagnostic",
    "Document",
    "EmptyDocumentError",
    "Indicator",
    "NoTablesError",
    "ParseError",
    "PerfError",
    "Project",
    "Value",
    "ValueBatch",
    "__version__",
    "assess",
    "assess_frame",
    "assess_many",
    "indicator_rows",
    "indicators_arrow",
    "indicators_frame",
    "parse_document",
    "parse_value",
    "parse_values",
    "read_dir",
]


def read_dir(
    path: Union[str, "os.PathLike[str]"],
    pattern: str = "*.txt",
    *,
    recursive: bool = False,
    errors: str = "raise",
) -> List[Document]:
    """Reads every document in a folder, in file-name order.

    ``pattern`` is a glob (``*.txt`` by default; ``recursive=True`` also
    looks in sub-folders). Files are read on a few threads: parsing releases
    the GIL. With ``errors="skip"`` a file that is not a performance
    document is left out instead of raising its :class:`ParseError`.

    >>> import jixiao, tempfile
    >>> jixiao.read_dir(tempfile.mkdtemp())
    []
    """
    if errors not in ("raise", "skip"):
        raise ValueError(f"errors must be 'raise' or 'skip', not {errors!r}")
    root = Path(path)
    if not root.is_dir():
        raise NotADirectoryError(f"{os.fspath(path)!r} is not a folder")
    files = sorted(
        p for p in (root.rglob(pattern) if recursive else root.glob(pattern)) if p.is_file()
    )

    def one(p: Path) -> Union[Document, ParseError]:
        try:
            return parse_document(p)
        except ParseError as e:
            if errors == "skip":
                return e
            raise

    workers = min(4, os.cpu_count() or 1, max(1, len(files)))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(one, files))
    return [d for d in results if isinstance(d, Document)]
