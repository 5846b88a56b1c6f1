#!/usr/bin/env python3
"""Builds real Word documents from the cell-per-line corpus files and extracts
them with docx2txt, giving the test data under testdata/docx2txt/.

NOT run by CI: it needs python-docx and docx2txt (PyPI), which are not
dependencies of perf. To regenerate:

    python3 -m venv target/docxenv
    target/docxenv/bin/pip install python-docx docx2txt
    target/docxenv/bin/python scripts/make-docx2txt-twins.py

How the source text is read (the same rules as perf's cell-per-line reader,
perf-core/src/document/cell_per_line.rs): a line led by a tab starts a cell
(further tabs on the line start further cells, a bare tab is an empty cell);
a line without a tab right after a cell is a further paragraph of that cell;
a blank line ends a row; any other line is a paragraph of running text.
Inside an indicator table (after a row starting with 一级指标) a row shorter
than the header is the first part of a row that Word's text export split at
an empty paragraph inside a cell: it is merged with the following parts and
the empty paragraph is kept at the end of the cell where the split was.

The Word document: running text is a paragraph each; consecutive rows
separated by single blank lines are one real table (python-docx), as wide
as its widest row; a row with fewer cells has its last cell spanning the
remaining grid columns; an empty first cell under a non-empty one is merged
vertically with it (a level carried down, a label spanning two rows).
Between two tables the extra blank lines of the source become empty
paragraphs (at least one, or Word would join the tables).
"""

import io
import pathlib
import sys

import docx
import docx2txt

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ["001_de4f69880376c8d0.txt", "003_c887e95a5caa2111.txt"]


def strip_markers(s):
    while True:
        t = s.lstrip(" ")
        if t.startswith("[bookmark:") and "]" in t:
            s = t[t.index("]") + 1 :]
            continue
        return s


def label(s):
    return "".join(c for c in s if not c.isspace())


def read_blocks(text):
    """Paragraphs and rows: ('p', text) | ('row', [cell paragraphs], blanks_before)."""
    blocks = []
    row = None
    prev_cell = False
    blanks = 0
    for raw in text.split("\n"):
        raw = strip_markers(raw.rstrip("\r"))
        if raw.strip() == "" and not raw.startswith("\t"):
            if row is not None:
                blocks.append(row)
                row = None
            prev_cell = False
            blanks += 1
            continue
        if raw.startswith("\t"):
            if row is None:
                row = ("row", [], blanks)
                blanks = 0
            for piece in raw[1:].split("\t"):
                row[1].append([strip_markers(piece)])
            prev_cell = True
        elif prev_cell:
            row[1][-1].append(raw)
        else:
            if row is not None:
                blocks.append(row)
                row = None
            blocks.append(("p", raw.strip(), blanks))
            blanks = 0
    if row is not None:
        blocks.append(row)
    return merge_split_rows(blocks)


META = ("项目编码", "项目编号", "项目名称", "预算", "资金支出", "绩效目标")


def merge_split_rows(blocks):
    out = []
    width = None
    i = 0
    while i < len(blocks):
        b = blocks[i]
        i += 1
        if b[0] == "p":
            if not label(b[1]).isdigit():
                width = None
            out.append(b)
            continue
        cells = b[1]
        first = next((label("".join(c)) for c in cells if label("".join(c))), "")
        if first.startswith("一级指标"):
            width = len(cells)
            out.append(b)
            continue
        if first.startswith(META):
            width = None
        if width is not None:
            cells = [list(c) for c in cells]
            while len(cells) < width and i < len(blocks):
                nxt = blocks[i]
                if nxt[0] != "row" or len(cells) + len(nxt[1]) > width:
                    break
                cells[-1].append("")  # the empty paragraph Word split the row at
                cells.extend(nxt[1])
                i += 1
            b = ("row", cells, b[2])
        out.append(b)
    return out


def set_cell(cell, paras):
    cell.paragraphs[0].text = paras[0]
    for p in paras[1:]:
        cell.add_paragraph(p)


def add_table(doc, rows):
    width = max(len(r) for r in rows)
    t = doc.add_table(rows=len(rows), cols=width)
    t.style = "Table Grid"
    for r, cells in enumerate(rows):
        if len(cells) < width:
            t.cell(r, len(cells) - 1).merge(t.cell(r, width - 1))
    # vertical merges in the first column: an empty cell under a non-empty one
    top = None
    for r, cells in enumerate(rows):
        empty = len(cells) >= 2 and cells[0] == [""]
        if empty and top is not None:
            t.cell(top, 0).merge(t.cell(r, 0))
        elif len(cells) >= 2 and not empty:
            top = r
        else:
            top = None
    for r, cells in enumerate(rows):
        for c, paras in enumerate(cells):
            if c == 0 and paras == [""]:
                continue  # empty, or the continuation of a merged cell
            set_cell(t.cell(r, c), paras)


def build(blocks):
    doc = docx.Document()
    body = doc.element.body
    # the template's empty first paragraph is dropped
    for p in list(body.iterchildren(docx.oxml.ns.qn("w:p"))):
        body.remove(p)
    rows = []
    for b in blocks:
        if b[0] == "row" and rows and b[2] > 1:
            add_table(doc, rows)
            rows = []
            for _ in range(b[2] - 1):
                doc.add_paragraph("")
        if b[0] == "row":
            rows.append(b[1])
            continue
        if rows:
            add_table(doc, rows)
            rows = []
            for _ in range(max(b[2] - 1, 0)):
                doc.add_paragraph("")
        doc.add_paragraph(b[1])
    if rows:
        add_table(doc, rows)
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    return buf


def main():
    outdir = ROOT / "testdata" / "docx2txt"
    outdir.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        text = (ROOT / "testdata" / "corpus" / name).read_text(encoding="utf-8")
        docx_bytes = build(read_blocks(text))
        out = docx2txt.process(docx_bytes)
        (outdir / name).write_text(out + "\n", encoding="utf-8")
        print(f"{name}: {len(out.splitlines())} lines", file=sys.stderr)


if __name__ == "__main__":
    main()
