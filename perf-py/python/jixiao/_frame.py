"""Tables of indicators: pandas DataFrames and pyarrow Tables.

pandas and pyarrow are imported when a frame is asked for, never at
``import jixiao``: neither is a dependency of the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Dict, Iterable, List, Union

from . import _native
from ._native import Document, ValueBatch

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    import pyarrow

__all__ = [
    "COLUMNS",
    "assess_frame",
    "indicators_frame",
    "indicators_arrow",
    "indicator_rows",
    "values_arrow",
    "values_frame",
]

#: The columns of the indicator table, in order: the columns of perf's CSV.
COLUMNS: List[str] = list(_native.COLUMNS)

_NUMBER_COLUMNS = ("number", "base_number")


def _docs(docs: Union[Document, Iterable[Document]]) -> List[Document]:
    if isinstance(docs, Document):
        return [docs]
    out = list(docs)
    for d in out:
        if not isinstance(d, Document):
            raise TypeError(f"expected jixiao.Document, got {type(d).__name__}")
    return out


def _float(numbers: str) -> bool:
    if numbers not in ("decimal", "float"):
        raise ValueError(f"numbers must be 'decimal' or 'float', not {numbers!r}")
    return numbers == "float"


def indicator_rows(
    docs: Union[Document, Iterable[Document]], *, numbers: str = "decimal"
) -> Dict[str, List[Any]]:
    """The indicator table as ``{column: list}``, without pandas.

    One entry per indicator of every document: each project's indicators,
    then the department-wide ones (``project`` is ``None``).

    >>> import jixiao
    >>> jixiao.indicator_rows([])["number"]
    []
    """
    cols: Dict[str, List[Any]] = _native._indicator_columns(_docs(docs), float=_float(numbers))
    return cols


def indicators_frame(
    docs: Union[Document, Iterable[Document]], *, numbers: str = "decimal"
) -> "pandas.DataFrame":
    """One pandas row per indicator of ``docs``, with the CSV's columns.

    ``number`` and ``base_number`` hold exact ``decimal.Decimal`` (object
    dtype); ``numbers="float"`` gives ``float64`` instead. ``project`` is a
    nullable integer (``<NA>`` for department-wide indicators).

    >>> import jixiao
    >>> df = jixiao.indicators_frame([])
    >>> list(df.columns) == jixiao.COLUMNS
    True
    """
    import pandas as pd

    float_numbers = _float(numbers)
    cols = indicator_rows(docs, numbers=numbers)
    data: Dict[str, Any] = {}
    for name in COLUMNS:
        col = cols[name]
        if name == "project":
            data[name] = pd.array(col, dtype="Int64")
        elif name == "line":
            data[name] = pd.array(col, dtype="int64")
        elif name in _NUMBER_COLUMNS:
            data[name] = pd.Series(col, dtype="float64" if float_numbers else object)
        else:
            # a Series, not pd.array: pandas 3 infers its `str` dtype from
            # object arrays of strings in a DataFrame, a Series keeps object
            data[name] = pd.Series(col, dtype=object)
    return pd.DataFrame(data, columns=COLUMNS)


def indicators_arrow(
    docs: Union[Document, Iterable[Document]], *, numbers: str = "decimal"
) -> "pyarrow.Table":
    """The indicator table as a pyarrow Table (pyarrow must be installed).

    Numbers are ``decimal128`` with a precision and scale that hold every
    value exactly, or ``float64`` with ``numbers="float"``.

    >>> import jixiao
    >>> jixiao.indicators_arrow([]).num_rows
    0
    """
    import pyarrow as pa

    float_numbers = _float(numbers)
    cols = indicator_rows(docs, numbers=numbers)
    arrays = []
    for name in COLUMNS:
        col = cols[name]
        if name == "project":
            arrays.append(pa.array(col, type=pa.int32()))
        elif name == "line":
            arrays.append(pa.array(col, type=pa.int64()))
        elif name in _NUMBER_COLUMNS:
            if float_numbers:
                arrays.append(pa.array(col, type=pa.float64()))
            else:
                arrays.append(pa.array(col, type=_decimal_type(col)))
        else:
            arrays.append(pa.array(col, type=pa.string()))
    return pa.Table.from_arrays(arrays, names=COLUMNS)


def _decimal_type(col: List[Any]) -> "pyarrow.DataType":
    """The narrowest decimal128 that holds every value of ``col`` exactly."""
    import pyarrow as pa

    int_digits, scale = 1, 0
    for d in col:
        if d is None:
            continue
        sign, digits, exp = d.as_tuple()
        s = max(0, -exp)
        scale = max(scale, s)
        int_digits = max(int_digits, len(digits) + exp if len(digits) + exp > 0 else 1)
    precision = min(38, int_digits + scale)
    return pa.decimal128(precision, min(scale, precision))


def assess_frame(
    frame: "pandas.DataFrame",
    target: str = "target",
    actual: str = "actual",
    weight: Union[str, Any] = 100,
) -> "pandas.DataFrame":
    """Judges two DataFrame columns against each other, row by row (绩效自评).

    ``target`` and ``actual`` name columns of cell texts (or ``Value``
    objects); ``weight`` names a column of weights or is one weight for every
    row. Returns a new frame with the same index and the columns
    ``verdict``, ``reason``, ``ratio``, ``deviation``, ``score`` (Decimals).

    >>> import pandas, jixiao
    >>> df = pandas.DataFrame({"target": ["≥95%", "≤36 元"], "actual": ["96%", "0.0041万元"]})
    >>> jixiao.assess_frame(df, weight=10)[["verdict", "score"]].values.tolist()
    [['met', Decimal('10')], ['partly_met', Decimal('8.78')]]
    """
    import pandas

    weights = frame[weight] if isinstance(weight, str) else weight
    results = _native.assess_many(frame[target], frame[actual], weights)
    return pandas.DataFrame(
        {
            "verdict": [a.verdict for a in results],
            "reason": [a.reason for a in results],
            "ratio": [a.ratio for a in results],
            "deviation": [a.deviation for a in results],
            "score": [a.score for a in results],
        },
        index=frame.index,
    )


# --- ValueBatch.to_pandas / to_arrow ------------------------------------------

#: pandas dtypes of the non-object columns of ``ValueBatch.to_dict()``.
_VALUE_DTYPES = {
    "cmp_written": "bool",
    "cmp_code": "Int8",
    "deadline_year": "Int16",
    "deadline_month": "Int8",
    "deadline_day": "Int8",
    "deadline_end_of_month": "boolean",
}

_VALUE_NUMBERS = ("number", "base_number", "low", "high", "base_low", "base_high")


def values_frame(batch: ValueBatch, *, numbers: str = "decimal") -> "pandas.DataFrame":
    """``ValueBatch.to_pandas()``: one row per cell, the columns of ``to_dict()``.

    Text columns are object dtype (``str`` or ``None``; equal cells share one
    ``str``), numbers ``Decimal`` (object) or ``float64``; ``cmp_code`` and the
    deadline's year/month/day nullable integers, ``deadline_end_of_month``
    nullable boolean, ``notes`` tuples of str.

    >>> import jixiao
    >>> df = jixiao.parse_values(["≥95%", "长期"]).to_pandas()
    >>> df[["kind", "number", "term"]].values.tolist()
    [['quantity', Decimal('95'), None], ['qualitative', None, '长期']]
    """
    import pandas as pd

    float_numbers = _float(numbers)
    cols = batch.to_dict(numbers=numbers)
    data: Dict[str, Any] = {}
    for name, col in cols.items():
        if name in _VALUE_DTYPES:
            data[name] = pd.array(col, dtype=_VALUE_DTYPES[name])
        elif name in _VALUE_NUMBERS and float_numbers:
            data[name] = pd.array(col, dtype="float64")
        else:
            data[name] = pd.Series(col, dtype=object)  # object on pandas 3 too
    return pd.DataFrame(data, columns=list(cols))


def values_arrow(batch: ValueBatch, *, numbers: str = "decimal") -> "pyarrow.Table":
    """``ValueBatch.to_arrow()``: the columns of ``to_dict()`` as a pyarrow Table.

    Text and number columns are assembled from buffers made in Rust
    (``large_string``; ``decimal128`` at the smallest scale that holds every
    value of the column exactly, or ``float64``); the others from lists.

    >>> import jixiao
    >>> t = jixiao.parse_values(["≥95.5%", "3~5人"]).to_arrow()
    >>> t.column("number").type, t.column("number").to_pylist()
    (Decimal128Type(decimal128(3, 1)), [Decimal('95.5'), None])
    """
    import pyarrow as pa

    float_numbers = _float(numbers)
    n = len(batch)
    arrays = []
    names = list(ValueBatch.COLUMNS)
    for name in names:
        bufs = batch._arrow_buffers(name, numbers=numbers)
        if bufs is not None and bufs[0] == "string":
            _, valid, offsets, data = bufs
            arr = pa.Array.from_buffers(
                pa.large_string(), n, [_buf(pa, valid), pa.py_buffer(offsets), pa.py_buffer(data)]
            )
        elif bufs is not None and bufs[0] == "decimal":
            _, precision, scale, valid, data = bufs
            arr = pa.Array.from_buffers(
                pa.decimal128(precision, scale), n, [_buf(pa, valid), pa.py_buffer(data)]
            )
        elif bufs is not None and bufs[0] == "float64":
            _, valid, data = bufs
            arr = pa.Array.from_buffers(pa.float64(), n, [_buf(pa, valid), pa.py_buffer(data)])
        else:
            col = batch.column(name, numbers=numbers)
            if name in _VALUE_NUMBERS:  # more than 38 digits: decimal256
                arr = pa.array(col, type=pa.float64() if float_numbers else _decimal256(col))
            elif name == "notes":
                arr = pa.array([list(t) for t in col], type=pa.list_(pa.string()))
            elif name in ("cmp_written", "deadline_end_of_month"):
                arr = pa.array(col, type=pa.bool_())
            elif name == "deadline_year":
                arr = pa.array(col, type=pa.int16())
            else:
                arr = pa.array(col, type=pa.int8())
        arrays.append(arr)
    return pa.Table.from_arrays(arrays, names=names)


def _buf(pa: Any, valid: Any) -> Any:
    return None if valid is None else pa.py_buffer(valid)


def _decimal256(col: List[Any]) -> "pyarrow.DataType":
    """A decimal256 that holds every value of ``col`` exactly."""
    import pyarrow as pa

    int_digits, scale = 1, 0
    for d in col:
        if d is not None:
            _, digits, exp = d.as_tuple()
            scale = max(scale, -exp)
            int_digits = max(int_digits, len(digits) + exp)
    return pa.decimal256(min(76, int_digits + scale), scale)
