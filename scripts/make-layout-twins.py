#!/usr/bin/env python3
"""Make `pdftotext -layout` twins of tab-rows corpus documents.

NOT run by CI. Needs LibreOffice (Writer, e.g. Debian's
`libreoffice-writer-nogui`), poppler (`poppler-utils`: pdftotext) and a CJK
font (`fonts-wqy-microhei`):

    apt-get install -y --no-install-recommends poppler-utils \
        libreoffice-writer-nogui fonts-wqy-microhei
    python3 scripts/make-layout-twins.py testdata/corpus/00[1-4]_*.txt
    python3 scripts/make-layout-twins.py --valign middle --tag middle \
        testdata/corpus/002_*.txt testdata/corpus/004_*.txt

For each input, every block of consecutive tab-separated lines becomes an
HTML table (one <td> per tab cell, rows padded to the block's widest row)
and every other non-blank line a paragraph. A cell-per-line input (001,
003: most tab lines a single cell led by a tab) is read as such: a cell per
tab-led line, its paragraphs kept, a blank line ending a row, and the rows
Word split in two (an empty paragraph inside a cell writes a blank line)
mended the way perf's cell-per-line reader mends them, so that the PDF
tables hold the rows perf reads from the original. Inside an indicator table (from
the row holding 一级指标 on), an empty level cell under a filled one is
merged into it (rowspan), as in the published PDFs. LibreOffice turns the
HTML into a PDF, and pdftotext reads it back, both with `-layout`
(testdata/layout/NNN.layout.txt) and without (NNN.plain.txt). The outputs
are committed (plain text for 002 and 004 only); the tests read them,
never this script.

`--valign top|middle` sets the vertical alignment of the table cells and
`--padding N` their padding in points; the committed twins use the
defaults (top, 5). With little padding (2) pdftotext separates some cells
by a single space and places columns less regularly; with `middle` a short
cell and a merged level cell sit half-way down their row.
"""

import argparse
import html
import os
import pathlib
import subprocess
import sys
import tempfile

LEVEL_HEADERS = ("一级指标", "二级指标")


def blocks(lines):
    """Splits lines into ('table', [cells...]) and ('text', line) blocks."""
    out = []
    for line in lines:
        if "\t" in line:
            cells = line.split("\t")
            if out and out[-1][0] == "table":
                out[-1][1].append(cells)
            else:
                out.append(("table", [cells]))
        elif line.strip():
            out.append(("text", line.strip()))
    return out


def cell_blocks(lines):
    """Blocks of a cell-per-line text (001, 003: Word to text): a line led by
    a tab starts a cell (more tabs on it start more cells), a line without a
    tab right after a cell continues it, a blank line ends a row, any other
    line is running text. Consecutive rows make one table."""
    out = []
    row = None  # cells of the row being read
    in_cell = False
    def end_row():
        nonlocal row
        if row is not None and any(c.strip() for c in row):
            if out and out[-1][0] == "table":
                out[-1][1].append(row)
            else:
                out.append(("table", [row]))
        row = None
    for line in lines:
        if line.startswith("\t"):
            if row is None:
                row = []
            row.extend(line.split("\t")[1:])
            in_cell = True
        elif not line.strip():
            end_row()
            in_cell = False
        elif in_cell and row is not None:
            row[-1] += "\n" + line
        else:
            end_row()
            in_cell = False
            out.append(("text", line.strip()))
    end_row()
    return out


META_LABELS = ("项目编码", "项目编号", "项目名称", "预算", "资金支出", "绩效目标")


def is_page_number(t):
    """`3`, `- 3 -`, `第 3 页`: a page number line."""
    t = "".join(t.split())
    for a, b in (("-", "-"), ("第", "页"), ("", "")):
        if t.startswith(a) and t.endswith(b):
            core = t[len(a):len(t) - len(b)] if b else t[len(a):]
            if core.isdigit():
                return True
    return False


def merge_split_rows(blocks):
    """Mends the rows Word split in two, as perf's cell-per-line reader does
    (perf-core/src/document/cell_per_line.rs, merge_split_rows): inside an
    indicator table (from a row whose first filled cell starts with 一级指标),
    a row shorter than that header is merged with the rows after it while
    together they are no wider; a project field label (项目编码, 预算, ...)
    or a text line other than a page number ends the table. The PDF tables
    then hold the rows perf reads from the original."""
    rows = []  # ("row", cells) / ("text", line), in order
    for kind, body in blocks:
        if kind == "table":
            rows.extend(("row", r) for r in body)
        else:
            rows.append(("text", body))
    out = []
    width = None
    i = 0
    while i < len(rows):
        kind, body = rows[i]
        i += 1
        if kind == "text":
            if not is_page_number(body):
                width = None
            out.append((kind, body))
            continue
        row = list(body)
        first = next(("".join(c.split()) for c in row if c.strip()), "")
        if first.startswith("一级指标"):
            width = len(row)
            out.append(("row", row))
            continue
        if any(first.startswith(m) for m in META_LABELS):
            width = None
        if width is not None:
            while len(row) < width and i < len(rows) and rows[i][0] == "row" \
                    and len(row) + len(rows[i][1]) <= width:
                row.extend(rows[i][1])
                i += 1
        out.append(("row", row))
    # back to blocks: consecutive rows make one table
    merged = []
    for kind, body in out:
        if kind == "row":
            if merged and merged[-1][0] == "table":
                merged[-1][1].append(body)
            else:
                merged.append(("table", [body]))
        else:
            merged.append((kind, body))
    return merged


def table_html(rows, valign, padding):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    # rowspan: level columns of an indicator table, empty cells under a filled one
    span = [[1] * width for _ in rows]
    level_cols = set()
    for i, r in enumerate(rows):
        header = [c for c, t in enumerate(r) if t.strip() in LEVEL_HEADERS]
        if header:
            level_cols = set(header)
            continue
        # a row that is not an indicator row (fewer than 4 filled cells) ends it
        if sum(1 for t in r if t.strip()) < 3:
            continue
        for c in level_cols:
            if r[c].strip():
                continue
            # find the filled cell above, still alive
            k = i - 1
            while k >= 0 and span[k][c] == 0:
                k -= 1
            if k >= 0 and rows[k][c].strip() and span[k][c] > 0 and k != i:
                span[k][c] += 1
                span[i][c] = 0
    out = [f'<table border="1" cellspacing="0" cellpadding="{padding}" width="100%">']
    for i, r in enumerate(rows):
        out.append("<tr>")
        for c, t in enumerate(r):
            if span[i][c] == 0:
                continue
            rs = f' rowspan="{span[i][c]}"' if span[i][c] > 1 else ""
            body = "<br>".join(html.escape(p.strip()) for p in t.strip().split("\n"))
            out.append(f'<td valign="{valign}"{rs}>{body}</td>')
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def to_html(text, valign, padding):
    parts = [
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">",
        "<style>@page{size:29.7cm 21cm;margin:1.5cm}body{font-family:'WenQuanYi Micro Hei';font-size:10pt}"
        "td{font-size:9pt}</style></head><body>",
    ]
    lines = text.split("\n")
    tabbed = [l for l in lines if "\t" in l]
    led = [l for l in tabbed if l.startswith("\t") and "\t" not in l[1:]]
    if len(led) * 2 > len(tabbed):
        parts_of = merge_split_rows(cell_blocks(lines))
    else:
        parts_of = blocks(lines)
    for kind, body in parts_of:
        if kind == "table":
            parts.append(table_html(body, valign, padding))
        else:
            parts.append(f"<p>{html.escape(body)}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--out", default="testdata/layout")
    ap.add_argument("--valign", default="top", choices=["top", "middle"])
    ap.add_argument("--padding", default=5, type=int)
    ap.add_argument("--keep", action="store_true", help="keep the HTML and PDF")
    ap.add_argument("--tag", default="", help="name the outputs NNN.TAG.layout.txt")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for path in a.inputs:
            stem = pathlib.Path(path).name[:3]
            text = pathlib.Path(path).read_text(encoding="utf-8")
            src = pathlib.Path(tmp, stem + ".html")
            src.write_text(to_html(text, a.valign, a.padding), encoding="utf-8")
            subprocess.run(
                ["soffice", "--headless", "--infilter=HTML (StarWriter)",
                 "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(src)],
                check=True, stdout=subprocess.DEVNULL,
            )
            pdf = pathlib.Path(tmp, stem + ".pdf")
            tag = f"{a.tag}." if a.tag else ""
            for flag, suffix in (("-layout", "layout"), (None, "plain")):
                dst = pathlib.Path(a.out, f"{stem}.{tag}{suffix}.txt")
                cmd = ["pdftotext", "-enc", "UTF-8"] + ([flag] if flag else []) + [str(pdf), str(dst)]
                subprocess.run(cmd, check=True)
                print(dst, file=sys.stderr)
            if a.keep:
                for f in (src, pdf):
                    pathlib.Path(a.out, f.name).write_bytes(f.read_bytes())


if __name__ == "__main__":
    main()
