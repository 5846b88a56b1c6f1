"""parse_document / read_dir / Document, over the five corpus documents."""

from __future__ import annotations

import json
import pickle
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import jixiao
from conftest import CORPUS, corpus_files

FILES = corpus_files()
XINGLONG = CORPUS / "002_7ffc55b75e786c19.txt"


@pytest.fixture(scope="module")
def docs():
    return {p.name: jixiao.parse_document(p) for p in FILES}


def _decimals_to_str(x: Any) -> Any:
    """A to_dict() result in the JSON's terms: Decimal → normalised string."""
    if isinstance(x, Decimal):
        return str(x)
    if isinstance(x, dict):
        return {k: _decimals_to_str(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_decimals_to_str(v) for v in x]
    return x


def test_corpus_has_five_documents():
    assert len(FILES) == 5


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_document_reads(path: Path, docs):
    doc = docs[path.name]
    assert doc.path == str(path)
    assert doc.encoding == "UTF-8"
    assert doc.layout in ("tab-rows", "cell-per-line", "wrapped")
    assert doc.year is not None and 2020 <= doc.year <= 2030
    assert len(doc.projects) >= 1
    assert len(doc) == len(doc.projects)
    assert [p.index for p in doc.projects] == list(range(1, len(doc.projects) + 1))
    n = 0
    for p in doc.projects:
        for ind in p.indicators:
            n += 1
            assert ind.project_index == p.index
            assert isinstance(ind.line, int) and ind.line >= p.line
            # the value is the one its cell parses to (SPEC §2: from the cell alone)
            assert ind.value == jixiao.parse_value(ind.value.raw)
    assert n + len(doc.department_indicators) == len(doc.indicators())
    for ind in doc.department_indicators:
        assert ind.project_index is None


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_to_dict_is_the_json_with_decimals(path: Path, docs):
    doc = docs[path.name]
    as_json = json.loads(doc.to_json())
    assert as_json["schema"] == jixiao.SCHEMA == "perf.v1"
    assert _decimals_to_str(doc.to_dict()) == as_json
    assert json.loads(doc.to_json(indent=2)) == as_json
    # the object views hold the same data as the dict
    d = doc.to_dict()
    for p, pd_ in zip(doc.projects, d["projects"]):
        assert p.to_dict() == pd_
        assert p.budget.to_dict() == pd_["budget"]
        assert {f"{m:02}": v for m, v in p.spending_plan.items()} == pd_["spending_plan"]
        assert list(p.goals) == pd_["goals"]
        assert [i.to_dict() for i in p.indicators] == pd_["indicators"]
    assert [x.to_dict() for x in doc.diagnostics] == d["diagnostics"]


def test_xinglong_project_fields(docs):
    """兴隆县 2025 (tab rows): the table SPEC §3 quotes."""
    doc = docs[XINGLONG.name]
    assert doc.layout == "tab-rows"
    assert doc.year == 2025
    assert doc.department is not None and doc.department.startswith("兴隆县人力资源和社会保障局")
    p = next(p for p in doc.projects if p.code == "13082225P000169100010")
    assert p.budget.total == Decimal("126.15")
    assert p.budget.fiscal == Decimal("126.15")
    assert p.amount_unit == "万元"
    assert p.spending_plan == {3: Decimal("25"), 6: Decimal("50"), 10: Decimal("75"), 12: Decimal("100")}
    row = next(i for i in p.indicators if i.value.raw == "29 人")
    assert (row.level1, row.level2, row.level3) == ("产出指标", "数量指标", "劳务派遣 29 人")
    assert row.line == 88
    v = row.value
    assert (v.kind, v.cmp, v.cmp_written, v.number, v.unit, v.dimension) == (
        "quantity", "=", False, Decimal("29"), "人", "count")


def test_text_bytes_and_path_agree():
    text = XINGLONG.read_text(encoding="utf-8")
    a = jixiao.parse_document(text)
    b = jixiao.parse_document(text.encode("utf-8"))
    c = jixiao.parse_document(XINGLONG)
    assert a.path is None and b.path is None and c.path == str(XINGLONG)
    assert a.to_json() == b.to_json() == c.to_json()


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16"])
def test_other_encodings(encoding: str):
    text = XINGLONG.read_text(encoding="utf-8")
    doc = jixiao.parse_document(text.encode(encoding))  # utf-16 writes a BOM
    plain = jixiao.parse_document(text)
    assert doc.encoding.upper().replace("-", "") in ("GB18030", "GBK", "UTF16LE", "UTF16BE")
    assert json.loads(doc.to_json())["projects"] == json.loads(plain.to_json())["projects"]


def test_read_dir(tmp_path: Path):
    docs = jixiao.read_dir(CORPUS)
    assert [d.path for d in docs] == [str(p) for p in FILES]
    (tmp_path / "notes.txt").write_text("这不是绩效文本\n", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes(XINGLONG.read_bytes())
    with pytest.raises(jixiao.NoTablesError):
        jixiao.read_dir(tmp_path)
    kept = jixiao.read_dir(tmp_path, errors="skip")
    assert [Path(d.path).name for d in kept] == ["a.txt"]
    assert jixiao.read_dir(tmp_path, "*.csv") == []
    with pytest.raises(NotADirectoryError):
        jixiao.read_dir(tmp_path / "a.txt")


# --- errors --------------------------------------------------------------

def test_errors_are_value_errors_with_a_line(tmp_path: Path):
    with pytest.raises(jixiao.NoTablesError) as e:
        jixiao.parse_document("第一行\n第二行\n")
    err = e.value
    assert isinstance(err, jixiao.ParseError) and isinstance(err, jixiao.PerfError)
    assert isinstance(err, ValueError)
    assert err.kind == "no-tables" and isinstance(err.line, int) and err.line >= 1
    assert f"line {err.line}" in str(err)
    assert err.path is None

    with pytest.raises(jixiao.EmptyDocumentError) as e2:
        jixiao.parse_document("  \n\n")
    assert e2.value.kind == "empty" and e2.value.line >= 1

    bad = tmp_path / "bad.txt"
    bad.write_text("没有表格\n", encoding="utf-8")
    with pytest.raises(jixiao.ParseError) as e3:
        jixiao.parse_document(bad)
    assert e3.value.path == str(bad) and str(bad) in str(e3.value)

    # errors survive pickling (multiprocessing)
    again = pickle.loads(pickle.dumps(err))
    assert type(again) is type(err) and (again.line, again.kind, str(again)) == (err.line, err.kind, str(err))


def test_str_that_names_a_file_gets_a_hint():
    with pytest.raises(jixiao.ParseError, match="pathlib.Path"):
        jixiao.parse_document(str(XINGLONG))


def test_io_and_type_errors(tmp_path: Path):
    with pytest.raises(FileNotFoundError):
        jixiao.parse_document(tmp_path / "missing.txt")
    with pytest.raises(TypeError, match="str .*bytes or os.PathLike"):
        jixiao.parse_document(42)  # type: ignore[arg-type]


def test_diagnostics_are_objects(docs):
    for doc in docs.values():
        for d in doc.diagnostics:
            assert d.severity in ("info", "warning", "error")
            assert d.code and d.code == d.code.lower()
            assert d.line is None or d.line >= 1
            assert repr(d).startswith("Diagnostic(")
            assert d == d and hash(d) == hash(d)


def test_views_are_not_tracked_by_the_gc(docs):
    import gc

    doc = docs[XINGLONG.name]
    p = doc.projects[0]
    objs = [p, p.budget, p.indicators[0], p.indicators[0].value, *doc.diagnostics, *doc.indicators()]
    assert not any(gc.is_tracked(o) for o in objs)


def test_reprs(docs):
    doc = docs[XINGLONG.name]
    assert repr(doc).startswith(f"Document(path={str(XINGLONG)!r}, ")
    p = doc.projects[0]
    assert repr(p).startswith(f"Project(index=1, code={p.code!r}")
    assert repr(p.indicators[0]).startswith("Indicator(level1=")
    assert repr(p.budget).startswith("Budget(total=")
