"""parse_value / parse_values / Value / Deadline, over the corpus value table.

testdata/values.tsv holds every distinct 指标值 cell of the five corpus
documents with its fields checked by hand against SPEC §2; here each row is
checked through the Python API, numbers as exact Decimals.
"""

from __future__ import annotations

import collections.abc
import copy
import csv
import json
import pickle
from decimal import Decimal
from typing import Dict, List

import pytest

import jixiao
from conftest import VALUES_TSV, steps_beside, unescape


def _rows() -> List[Dict[str, str]]:
    with VALUES_TSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    for r in rows:
        r["raw"] = unescape(r["raw"])
    return rows


ROWS = _rows()


def _dec(s: str):
    return Decimal(s) if s else None


def test_table_is_the_whole_corpus():
    assert len(ROWS) == 394
    assert len({r["raw"] for r in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[r["raw"][:24] for r in ROWS])
def test_corpus_value(row: Dict[str, str]) -> None:
    v = jixiao.parse_value(row["raw"])
    assert v.raw == row["raw"]
    assert v.kind == row["kind"]
    assert (v.cmp or "") == row["cmp"]
    if v.kind in ("quantity", "range", "time"):
        assert str(v.cmp_written).lower() == row["cmp_written"]
    else:
        assert v.cmp_written is False and row["cmp_written"] == ""
    if v.kind == "range":
        lo, hi = row["number"].split("..")
        blo, bhi = row["base_number"].split("..")
        assert (v.low, v.high) == (Decimal(lo), Decimal(hi))
        assert (v.base_low, v.base_high) == (Decimal(blo), Decimal(bhi))
        assert v.number is None and v.base_number is None
    else:
        assert v.number == _dec(row["number"])
        assert v.base_number == _dec(row["base_number"])
        assert v.low is None and v.high is None
    for d in (v.number, v.base_number, v.low, v.high):
        if d is not None:
            assert isinstance(d, Decimal)
            # trailing zeros normalised away, as in the JSON (`95.00` → `95`)
            assert str(d) == str(d.normalize()) or d == d.to_integral_value()
    if v.kind in ("quantity", "range"):
        assert v.unit == row["unit"]
        assert v.base_unit == row["base_unit"]
        assert v.dimension == row["dimension"]
    else:
        assert v.unit is None and v.base_unit is None and v.dimension is None
        assert row["unit"] == row["base_unit"] == row["dimension"] == ""
    assert _deadline_text(v.deadline) == row["deadline"]
    term = "" if v.term is None else v.term + (":" + v.grade if v.grade else "")
    assert term == row["term"]
    assert (v.qualifier or "") == row["qualifier"]
    assert ",".join(v.notes) == row["notes"]
    # cmp_code follows the 计算符号 list of SPEC §2
    codes = {">=": 1, ">": 2, "=": 3, "<": 4, "<=": 5}
    if v.kind in ("qualitative", "text"):
        assert v.cmp_code == 6
    elif v.kind == "empty" or v.cmp == "~":
        assert v.cmp_code is None
    else:
        assert v.cmp_code == codes[v.cmp]


def _deadline_text(d) -> str:
    """The TSV's deadline form: ``year/month/day`` (``-`` for none, ``eom``)."""
    if d is None:
        return ""
    if d.end_of_month:
        day = f"{d.day}+eom" if d.day is not None else "eom"
    else:
        day = "-" if d.day is None else str(d.day)
    s = "/".join(["-" if d.year is None else str(d.year), "-" if d.month is None else str(d.month), day])
    return s + (" " + d.recurrence if d.recurrence else "")


# --- SPEC §3 examples, through to_json and to_dict ------------------------

SPEC_EXAMPLES = [
    {"raw": "≥20.5 元/ 人月", "kind": "quantity", "cmp": ">=", "cmp_written": True, "cmp_code": 1,
     "number": "20.5", "unit": "元/人/月", "dimension": "currency",
     "base_number": "20.5", "base_unit": "元/人/月", "qualifier": None, "notes": []},
    {"raw": "4.35 万", "kind": "quantity", "cmp": "=", "cmp_written": False, "cmp_code": 3,
     "number": "4.35", "unit": "万", "dimension": "count",
     "base_number": "43500", "base_unit": "", "qualifier": None, "notes": []},
    {"raw": "每月 20 日前发放", "kind": "time", "cmp": "<=", "cmp_written": True, "cmp_code": 5,
     "deadline": {"year": None, "month": None, "day": 20, "end_of_month": False,
                  "recurrence": "monthly"}, "qualifier": "发放", "notes": []},
    {"raw": "长期", "kind": "qualitative", "cmp_code": 6, "term": "长期", "notes": []},
]

DEC_KEYS = {"number", "base_number", "low", "high", "base_low", "base_high"}


@pytest.mark.parametrize("expected", SPEC_EXAMPLES, ids=lambda e: e["raw"])
def test_spec_json(expected):
    v = jixiao.parse_value(expected["raw"])
    assert json.loads(v.to_json()) == expected
    as_dict = {k: (Decimal(x) if k in DEC_KEYS and x is not None else x) for k, x in expected.items()}
    got = v.to_dict()
    assert got == as_dict
    assert list(got) == list(expected)  # same keys, same order as the JSON
    for k in DEC_KEYS & got.keys():
        assert isinstance(got[k], Decimal)


def test_range_fields():
    v = jixiao.parse_value("90%-95%")
    assert (v.kind, v.cmp, v.low, v.high, v.unit, v.dimension) == (
        "range", "=", Decimal("90"), Decimal("95"), "%", "percent")
    d = v.to_dict()
    assert (d["low"], d["high"], d["base_low"], d["base_high"]) == (
        Decimal("90"), Decimal("95"), Decimal("90"), Decimal("95"))


def test_scale_folds_exactly():
    v = jixiao.parse_value("0.13 万元/户")
    assert (v.number, v.unit, v.base_number, v.base_unit, v.dimension) == (
        Decimal("0.13"), "万元/户", Decimal("1300"), "元/户", "currency")


# --- the Value object -----------------------------------------------------

def test_repr_is_readable():
    assert repr(jixiao.parse_value("≥95 百分比")) == (
        "Value('≥95 百分比', kind='quantity', cmp='>=', number=Decimal('95'), unit='%')")
    assert repr(jixiao.parse_value("长期")) == "Value('长期', kind='qualitative', term='长期')"
    assert repr(jixiao.parse_value("")) == "Value('', kind='empty')"
    assert str(jixiao.parse_value("≥95 百分比")) == "≥95 百分比"


def test_eq_and_hash():
    a, b = jixiao.parse_value("≥95%"), jixiao.parse_value("≥95%")
    assert a == b and hash(a) == hash(b) and a is not b
    assert a != jixiao.parse_value("≥96%")
    assert a != "≥95%"
    assert len({a, b, jixiao.parse_value("≥96%")}) == 2
    assert jixiao.Value("≥95%") == a


def test_frozen():
    v = jixiao.parse_value("100%")
    with pytest.raises(AttributeError):
        v.number = Decimal(1)  # type: ignore[misc]
    with pytest.raises((AttributeError, TypeError)):
        v.extra = 1  # type: ignore[attr-defined]


def test_pickle_and_copy(corpus_values):
    values = jixiao.parse_values(corpus_values)
    assert pickle.loads(pickle.dumps(values)) == values
    assert copy.deepcopy(values) == values


def test_deadline_object():
    d = jixiao.parse_value("2025年12月底完成").deadline
    assert d == jixiao.Deadline(year=2025, month=12, end_of_month=True)
    assert hash(d) == hash(jixiao.Deadline(year=2025, month=12, end_of_month=True))
    assert d.to_dict() == {"year": 2025, "month": 12, "day": None, "end_of_month": True,
                           "recurrence": None}
    assert repr(d) == "Deadline(year=2025, month=12, end_of_month=True)"
    with pytest.raises(ValueError):
        jixiao.Deadline(month=13)
    with pytest.raises(ValueError):
        jixiao.Deadline(recurrence="weekly")


# --- parse_values: the ValueBatch ------------------------------------------

ATTRS = ["raw", "kind", "cmp", "cmp_written", "cmp_code", "number", "base_number", "low",
         "high", "base_low", "base_high", "unit", "base_unit", "dimension", "deadline", "term",
         "grade", "qualifier", "notes"]


def test_parse_values_matches_parse_value(corpus_values):
    batch = jixiao.parse_values(corpus_values)
    assert isinstance(batch, jixiao.ValueBatch)
    assert isinstance(batch, collections.abc.Sequence)
    assert len(batch) == len(corpus_values) == 394
    for i, cell in enumerate(corpus_values):
        one, item = jixiao.parse_value(cell), batch[i]
        assert item == one
        for a in ATTRS:  # every field exactly (Decimals compared as Decimals)
            assert getattr(item, a) == getattr(one, a), (cell, a)
        assert item.to_json() == one.to_json()
        assert item.to_dict() == one.to_dict()
    assert batch == [jixiao.parse_value(c) for c in corpus_values]
    assert [v.raw for v in batch] == corpus_values


def test_batch_indexing_and_slices(corpus_values):
    batch = jixiao.parse_values(corpus_values)
    ref = [jixiao.parse_value(c) for c in corpus_values]
    assert batch[-1] == ref[-1] and batch[-394] == ref[0]
    for key in (slice(None), slice(3, 17), slice(-5, None), slice(None, None, -1),
                slice(10, 2, -3), slice(0, 394, 7), slice(500, 600), slice(5, 5)):
        part = batch[key]
        assert isinstance(part, jixiao.ValueBatch)
        assert part == ref[key]
        assert len(part) == len(ref[key])
        assert part.column("raw") == [v.raw for v in ref[key]]
    assert batch[10:20][2:4] == ref[12:14]
    for bad in (394, -395, 10**20):
        with pytest.raises(IndexError):
            batch[bad]
    with pytest.raises(TypeError, match="indices must be integers or slices, not str"):
        batch["number"]  # type: ignore[call-overload]
    assert list(reversed(batch)) == ref[::-1]
    assert ref[5] in batch and "100%" not in batch
    assert batch.index(ref[7]) == 7
    with pytest.raises(ValueError):
        batch.index(jixiao.parse_value("not in the corpus 12345"))
    assert batch.count(ref[7]) == 1
    it = iter(batch)
    assert next(it) == ref[0]
    assert it.__length_hint__() == 393


def test_items_outlive_their_batch(corpus_values):
    """An item is a view into the batch's values; it keeps them alive."""
    import gc

    batch = jixiao.parse_values(corpus_values)
    items = [batch[0], batch[-1], batch[5:9][2]]
    del batch
    gc.collect()
    for item, cell in zip(items, [corpus_values[0], corpus_values[-1], corpus_values[7]]):
        one = jixiao.parse_value(cell)
        assert item == one and hash(item) == hash(one) and item.raw == cell
        assert item.to_json() == one.to_json() and repr(item) == repr(one)
        assert pickle.loads(pickle.dumps(item)) == one
    assert len({*items, *(jixiao.parse_value(c) for c in corpus_values[:1])}) == 3


def test_batch_equality(corpus_values):
    batch = jixiao.parse_values(corpus_values)
    again = jixiao.parse_values(list(corpus_values))
    assert batch == again and not (batch != again)
    assert batch == tuple(jixiao.parse_value(c) for c in corpus_values)
    assert [jixiao.parse_value(c) for c in corpus_values] == batch  # reflected
    assert batch != batch[1:]
    assert batch != jixiao.parse_values(corpus_values[:-1] + ["other"])
    assert batch != corpus_values  # cells are not values
    assert (batch == 3) is False
    with pytest.raises(TypeError):
        hash(batch)


def test_repeats_are_one_value_each(corpus_values):
    cells = ["≥95%", "100%", "≥95%", None, "", "≥95%"] * 3
    batch = jixiao.parse_values(cells)
    assert batch.column("raw") == [c or "" for c in cells]
    assert batch == [jixiao.parse_value(c or "") for c in cells]
    assert batch.count(jixiao.parse_value("≥95%")) == 9
    # columns share one object per distinct value
    nums = batch.column("number")
    assert nums[0] is nums[2] and nums[0] == Decimal("95")


def test_repeated_objects_and_equal_texts(corpus_values):
    # the same str objects many times (read once per address), and equal
    # texts in distinct objects (read once per text), in lists and tuples
    fresh = ["".join(["≤1", "1月"]) for _ in range(3)]
    assert fresh[0] is not fresh[1]
    cells = (corpus_values + fresh + [None, "满意"]) * 7
    want = [jixiao.parse_value(c or "") for c in cells]
    for seq in (cells, tuple(cells)):
        batch = jixiao.parse_values(seq)
        assert batch.column("raw") == [c or "" for c in cells]
        assert batch == want
    assert jixiao.parse_values(iter(cells)) == want


def test_columns_exact(corpus_values):
    batch = jixiao.parse_values(corpus_values + [None] + corpus_values[:50])
    items = list(batch)
    for a in ATTRS:
        col = batch.column(a)
        assert col == [getattr(v, a) for v in items], a
    for a in ("number", "base_number", "low", "high", "base_low", "base_high"):
        assert all(x is None or type(x) is Decimal for x in batch.column(a))
        floats = batch.column(a, numbers="float")
        assert floats == [None if v is None else float(v) for v in batch.column(a)]
    for f in ("year", "month", "day", "end_of_month", "recurrence"):
        assert batch.column("deadline_" + f) == [
            None if v.deadline is None else getattr(v.deadline, f) for v in items]
    d = batch.to_dict()
    assert list(d) == jixiao.ValueBatch.COLUMNS
    for name, col in d.items():
        assert col == batch.column(name)
    with pytest.raises(KeyError, match="no column 'nmber'"):
        batch.column("nmber")
    with pytest.raises(ValueError, match="numbers must be"):
        batch.to_dict(numbers="double")


def test_columns_of_the_table(corpus_values):
    """The hand-checked table, through columns (no Value objects)."""
    batch = jixiao.parse_values([r["raw"] for r in ROWS])
    assert batch.column("kind") == [r["kind"] for r in ROWS]
    assert [c or "" for c in batch.column("cmp")] == [r["cmp"] for r in ROWS]
    assert [c or "" for c in batch.column("unit")] == [r["unit"] for r in ROWS]
    assert batch.column("number") == [
        None if r["kind"] == "range" else _dec(r["number"]) for r in ROWS]
    assert [",".join(n) for n in batch.column("notes")] == [r["notes"] for r in ROWS]


def test_batch_empty():
    batch = jixiao.parse_values([])
    assert len(batch) == 0 and list(batch) == [] and batch == [] and batch == ()
    assert batch.column("number") == []
    assert batch.to_dict() == {name: [] for name in jixiao.ValueBatch.COLUMNS}
    assert repr(batch) == "ValueBatch([], len=0)"
    with pytest.raises(IndexError):
        batch[0]
    assert jixiao.parse_values(iter([])) == []


def test_batch_repr():
    batch = jixiao.parse_values(["长期", "/"])
    assert repr(batch) == "ValueBatch([Value('长期', kind='qualitative', term='长期'), Value('/', kind='empty')], len=2)"
    long = repr(jixiao.parse_values(["长期"] * 10))
    assert long.count("Value(") == 5 and ", ..., " in long and long.endswith("len=10)")


def test_pickle_and_copy(corpus_values):
    values = jixiao.parse_values(corpus_values)
    assert pickle.loads(pickle.dumps(values)) == values
    assert copy.deepcopy(values) == values
    assert copy.copy(values) == values
    assert jixiao.ValueBatch(corpus_values) == values


def test_parse_values_any_iterable_and_chunks(corpus_values):
    cells = corpus_values * 13
    for source in (cells, tuple(cells), (c for c in cells), iter(cells)):
        batch = jixiao.parse_values(source)
        assert len(batch) == len(cells)
        assert batch.column("raw") == cells
        assert batch[-1] == jixiao.parse_value(cells[-1])


def test_str_subclasses_are_cells():
    class Cell(str):
        pass

    batch = jixiao.parse_values([Cell("≥95%"), "≥95%"])
    assert batch[0] == batch[1] == jixiao.parse_value("≥95%")


def test_parse_values_threads(corpus_values):
    cells = [c + str(i) for i in range(12) for c in corpus_values]  # 4728 distinct: 2 threads
    one = jixiao.parse_values(cells, threads=1)
    assert jixiao.parse_values(cells, threads=2) == one
    assert jixiao.parse_values(cells, threads=3) == one
    assert jixiao.parse_values(cells) == one
    assert jixiao.parse_values(cells, threads=None) == one
    assert one.column("raw") == cells
    assert one == [jixiao.parse_value(c) for c in cells]
    with pytest.raises(ValueError):
        jixiao.parse_values(cells, threads=0)


def test_huge_batch():
    """A million cells, mostly distinct, with long and non-BMP cells among them."""
    n = 1_000_000
    cells = [f"≥{i % 977}.{i % 13}万元/人" if i % 5 else "达标" for i in range(n)]
    cells[123] = "𠀀" * 5000 + " 100%"  # astral plane, 4-byte UTF-8
    batch = jixiao.parse_values(cells, threads=2)
    assert len(batch) == n
    assert batch[123].raw == cells[123]
    assert batch[-1] == jixiao.parse_value(cells[-1])
    nums = batch.column("base_number")
    assert nums[1] == Decimal("1.1") * 10000 and nums[0] is None
    assert batch[123] == jixiao.parse_value(cells[123])
    assert batch.column("kind").count("qualitative") == n // 5  # the 达标 cells


def test_lone_surrogates_are_rejected():
    with pytest.raises(UnicodeEncodeError):
        jixiao.parse_values(["100%", "\ud800"])
    with pytest.raises(UnicodeEncodeError):
        jixiao.parse_values(("a\udfffb",))
    with pytest.raises(UnicodeEncodeError):
        jixiao.parse_value("\ud800")


def test_values_are_not_tracked_by_the_gc(corpus_values):
    """They hold no Python references (see `untracked` in perf-py/src/lib.rs)."""
    import gc

    batch = jixiao.parse_values(corpus_values)
    assert not gc.is_tracked(batch) and not gc.is_tracked(batch[1:3])
    assert not any(gc.is_tracked(v) for v in batch)
    assert not gc.is_tracked(jixiao.parse_value("100%"))
    assert not gc.is_tracked(jixiao.parse_value("≤11月").deadline)


def test_parse_values_none_is_empty():
    a, b = jixiao.parse_values([None, "/"])
    assert a.kind == "empty" and a.raw == ""
    assert b.kind == "empty" and b.raw == "/"


def test_parse_values_errors():
    with pytest.raises(TypeError, match="item 1 is int, not str"):
        jixiao.parse_values(["1", 2])
    with pytest.raises(TypeError, match="item 2 is bytes, not str"):
        jixiao.parse_values(("1", None, b"2"))
    with pytest.raises(TypeError, match="item 0 is float, not str"):
        jixiao.parse_values(x for x in [float("nan")])
    with pytest.raises(TypeError, match="not one str"):
        jixiao.parse_values("100%")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        jixiao.parse_values(5)  # type: ignore[arg-type]


def test_parse_values_releases_the_gil(corpus_values):
    """Another Python thread runs while a batch is being parsed."""
    cells = [c + str(i) for i in range(600) for c in corpus_values]  # distinct: all parsed
    assert steps_beside(lambda: jixiao.parse_values(cells)) > 0
