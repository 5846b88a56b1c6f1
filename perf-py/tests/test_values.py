"""parse_value / parse_values / Value / Deadline, over the corpus value table.

testdata/values.tsv holds every distinct 指标值 cell of the five corpus
documents with its fields checked by hand against SPEC §2; here each row is
checked through the Python API, numbers as exact Decimals.
"""

from __future__ import annotations

import copy
import csv
import json
import pickle
import sys
import threading
import time
from decimal import Decimal
from typing import Dict, List

import pytest

import jixiao
from conftest import VALUES_TSV, unescape


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


# --- parse_values -----------------------------------------------------------

def test_parse_values_matches_parse_value(corpus_values):
    batch = jixiao.parse_values(corpus_values)
    assert isinstance(batch, list)
    assert batch == [jixiao.parse_value(c) for c in corpus_values]
    assert [v.to_json() for v in batch] == [jixiao.parse_value(c).to_json() for c in corpus_values]


def test_parse_values_any_iterable_and_chunks(corpus_values):
    # more cells than one internal chunk (4096), from a generator
    cells = corpus_values * 13
    batch = jixiao.parse_values(c for c in cells)
    assert len(batch) == len(cells)
    assert [v.raw for v in batch] == cells
    assert batch[-1] == jixiao.parse_value(cells[-1])


def test_parse_values_threads(corpus_values):
    cells = corpus_values * 30  # > 8192: several chunks, several threads each
    one = jixiao.parse_values(cells, threads=1)
    assert jixiao.parse_values(cells, threads=3) == one
    assert jixiao.parse_values(cells) == one
    assert jixiao.parse_values(cells, threads=None) == one
    assert [v.raw for v in one] == cells
    with pytest.raises(ValueError):
        jixiao.parse_values(cells, threads=0)


def test_lone_surrogates_are_rejected():
    with pytest.raises(UnicodeEncodeError):
        jixiao.parse_values(["100%", "\ud800"])
    with pytest.raises(UnicodeEncodeError):
        jixiao.parse_value("\ud800")


def test_values_are_not_tracked_by_the_gc(corpus_values):
    """They hold no Python references (see `untracked` in perf-py/src/lib.rs)."""
    import gc

    assert not any(gc.is_tracked(v) for v in jixiao.parse_values(corpus_values))
    assert not gc.is_tracked(jixiao.parse_value("100%"))
    assert not gc.is_tracked(jixiao.parse_value("≤11月").deadline)


def test_parse_values_none_is_empty():
    a, b = jixiao.parse_values([None, "/"])
    assert a.kind == "empty" and a.raw == ""
    assert b.kind == "empty" and b.raw == "/"


def test_parse_values_errors():
    with pytest.raises(TypeError, match="item 1 is int"):
        jixiao.parse_values(["1", 2])
    with pytest.raises(TypeError, match="not one str"):
        jixiao.parse_values("100%")  # type: ignore[arg-type]
    assert jixiao.parse_values([]) == []


def test_parse_values_releases_the_gil(corpus_values):
    """Another Python thread runs while a batch is being parsed."""
    cells = corpus_values * 600
    count = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            count[0] += 1
            time.sleep(0)  # hand the GIL back at once

    old = sys.getswitchinterval()
    sys.setswitchinterval(30.0)  # the GIL changes hands only where it is released
    t = threading.Thread(target=spin)
    t.start()
    try:
        before = count[0]
        jixiao.parse_values(cells)
        during = count[0] - before
    finally:
        stop.set()
        sys.setswitchinterval(old)
        t.join()
    assert during > 0
