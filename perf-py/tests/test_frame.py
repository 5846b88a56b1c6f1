"""indicators_frame / to_pandas / to_arrow / indicator_rows, and the CLI."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from decimal import Decimal

import pytest

import jixiao
from conftest import CORPUS, corpus_files

FILES = corpus_files()

CSV_COLUMNS = ("file,project,code,name,level1,level2,level3,description,raw,kind,cmp,"
               "number,unit,base_number,base_unit,basis,line").split(",")


@pytest.fixture(scope="module")
def docs():
    return jixiao.read_dir(CORPUS)


def test_columns_are_the_csv_columns():
    assert jixiao.COLUMNS == CSV_COLUMNS


def test_rows_follow_the_documents(docs):
    cols = jixiao.indicator_rows(docs)
    assert list(cols) == CSV_COLUMNS
    expected = []
    for d in docs:
        for p in d.projects:
            expected += [(d.path, p.index, p.code, p.name, i) for i in p.indicators]
        expected += [(d.path, None, None, None, i) for i in d.department_indicators]
    assert len(cols["raw"]) == len(expected) > 0
    for k, (path, index, code, name, ind) in enumerate(expected):
        v = ind.value
        row = {c: cols[c][k] for c in CSV_COLUMNS}
        assert row == {
            "file": path, "project": index, "code": code, "name": name,
            "level1": ind.level1, "level2": ind.level2, "level3": ind.level3,
            "description": ind.description, "raw": v.raw, "kind": v.kind, "cmp": v.cmp,
            "number": v.number, "unit": v.unit, "base_number": v.base_number,
            "base_unit": v.base_unit, "basis": ind.basis, "line": ind.line,
        }


def test_pandas_frame(docs):
    pd = pytest.importorskip("pandas")
    df = jixiao.indicators_frame(docs)
    assert list(df.columns) == CSV_COLUMNS
    cols = jixiao.indicator_rows(docs)
    assert len(df) == len(cols["raw"])
    assert df["number"].dtype == object
    numbers = [x for x in df["number"] if x is not None]
    assert numbers and all(isinstance(x, Decimal) for x in numbers)
    assert df["number"].tolist() == cols["number"]
    assert str(df["project"].dtype) == "Int64" and str(df["line"].dtype) == "int64"
    # one document alone, through the method
    one = docs[2].to_pandas()
    assert len(one) == sum(len(p.indicators) for p in docs[2].projects) + len(docs[2].department_indicators)
    # floats on request
    f = jixiao.indicators_frame(docs, numbers="float")
    assert f["number"].dtype == "float64"
    exact = [x for x in cols["number"]]
    for a, b in zip(f["number"], exact):
        assert (b is None and pd.isna(a)) or a == float(b)
    with pytest.raises(ValueError):
        jixiao.indicators_frame(docs, numbers="int")


def test_arrow_table(docs):
    pa = pytest.importorskip("pyarrow")
    t = jixiao.indicators_arrow(docs)
    assert t.column_names == CSV_COLUMNS
    assert pa.types.is_decimal(t.schema.field("number").type)
    cols = jixiao.indicator_rows(docs)
    # exact: the decimals read back equal the Decimal values
    assert [None if x is None else x.normalize() for x in t.column("number").to_pylist()] == [
        None if x is None else x.normalize() for x in cols["number"]]
    assert docs[0].to_arrow(numbers="float").schema.field("number").type == pa.float64()


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "jixiao", *args], capture_output=True,
                          text=True, encoding="utf-8")


def test_cli_csv(docs):
    r = _run("extract", *map(str, FILES), "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == CSV_COLUMNS
    cols = jixiao.indicator_rows(docs)
    assert len(rows) - 1 == len(cols["raw"])
    k = next(i for i, n in enumerate(cols["number"]) if n is not None)
    assert rows[1 + k][CSV_COLUMNS.index("number")] == str(cols["number"][k])
    assert rows[1 + k][CSV_COLUMNS.index("raw")] == cols["raw"][k]


def test_cli_json_and_errors(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("没有表格\n", encoding="utf-8")
    r = _run("extract", str(FILES[2]), str(bad), "--format", "json")
    assert r.returncode == 1
    assert "bad.txt" in r.stderr and "line 1" in r.stderr
    out = json.loads(r.stdout)
    assert len(out) == 1 and out[0]["schema"] == "perf.v1"
    assert out[0] == json.loads(jixiao.parse_document(FILES[2]).to_json())


def test_cli_writes_plain_decimals():
    from jixiao.__main__ import _cell

    assert _cell(Decimal("1E-7")) == "0.0000001"
    assert _cell(Decimal("43500")) == "43500"
    assert _cell(None) == ""
    assert _cell(3) == 3


# --- ValueBatch.to_pandas / to_arrow ------------------------------------------

@pytest.fixture(scope="module")
def batch(docs):
    # the value cells as they occur, repeats included, and a missing cell
    return jixiao.parse_values([i.value.raw for d in docs for i in d.indicators()] + [None])


def test_batch_pandas(batch):
    pd = pytest.importorskip("pandas")
    df = batch.to_pandas()
    assert list(df.columns) == jixiao.ValueBatch.COLUMNS
    assert len(df) == len(batch)
    items = list(batch)
    assert df["number"].tolist() == [v.number for v in items]
    assert all(x is None or type(x) is Decimal for x in df["number"])
    assert df["raw"].tolist() == [v.raw for v in items]
    # text columns are object dtype holding str or None, on pandas 3 too
    for name in ("raw", "kind", "cmp", "unit", "qualifier", "term"):
        assert df[name].dtype == object, name
        assert df[name].tolist() == [getattr(v, name) for v in items]
    assert str(df["cmp_code"].dtype) == "Int8"
    assert [None if pd.isna(x) else int(x) for x in df["cmp_code"]] == [v.cmp_code for v in items]
    assert df["cmp_written"].dtype == bool
    assert [None if pd.isna(x) else x for x in df["deadline_month"]] == [
        v.deadline.month if v.deadline else None for v in items]
    f = batch.to_pandas(numbers="float")
    assert f["base_number"].dtype == "float64"
    assert [None if pd.isna(x) else x for x in f["base_number"]] == [
        None if v.base_number is None else float(v.base_number) for v in items]


def test_indicator_frame_text_is_object(docs):
    pytest.importorskip("pandas")
    df = jixiao.indicators_frame(docs)
    assert df["cmp"].dtype == object and None in df["cmp"].tolist()


def test_batch_arrow(batch):
    pa = pytest.importorskip("pyarrow")
    t = batch.to_arrow()
    assert t.column_names == jixiao.ValueBatch.COLUMNS
    assert t.num_rows == len(batch)
    d = batch.to_dict()
    for name in t.column_names:
        got = t.column(name).to_pylist()
        if name == "notes":
            assert got == [list(n) for n in d[name]]
        else:
            assert got == d[name], name  # Decimals equal exactly (scale aside)
    num = t.schema.field("number").type
    assert pa.types.is_decimal(num)
    assert t.schema.field("raw").type == pa.large_string()
    f = batch.to_arrow(numbers="float")
    assert f.schema.field("number").type == pa.float64()
    assert f.column("number").to_pylist() == batch.column("number", numbers="float")
    empty = jixiao.parse_values([]).to_arrow()
    assert empty.num_rows == 0 and empty.column_names == jixiao.ValueBatch.COLUMNS


def test_batch_arrow_wide_decimals():
    """Numbers needing more than 38 digits at one scale fall back to decimal256."""
    pa = pytest.importorskip("pyarrow")
    cells = ["1234567890123456789012345678 元", "0.000000000000000000000000001 元", "5"]
    batch = jixiao.parse_values(cells)
    t = batch.to_arrow()
    assert t.column("number").to_pylist() == batch.column("number")
    assert t.schema.field("number").type == pa.decimal256(55, 27)  # 28 + 27 digits
