#!/usr/bin/env python3
"""Regenerate the committed fuzz seeds under fuzz/corpus/<target>/ from the corpus.

The C-entry-point targets ffi_value and ffi_document start from the same seeds
as value and document (scripts/fuzz.sh points them there). Seeds are small on purpose (libFuzzer mutates small inputs far better than
70 KB documents):
- value: distinct cells of testdata/corpus (tab-separated cells and
  cell-per-line lines, at most 64 bytes) plus every line of testdata/values.txt
  when that file exists;
- document: windows of 40 lines from each corpus file, taken
  every 120 lines, and windows of 120 lines every 360 from the docx2txt
  twins under testdata/docx2txt (paragraph-cells: one paragraph takes two
  lines, so a window must be longer to hold an indicator header), plus a few of them transcoded to GB18030, UTF-16LE/BE with
  BOM, UTF-8 with BOM, and CRLF line ends.
File names are the SHA-1 of the content, as libFuzzer names its own.
Run from anywhere: python3 scripts/fuzz-seeds.py
"""

import hashlib
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "testdata" / "corpus"
DOCX2TXT = ROOT / "testdata" / "docx2txt"
VALUES = ROOT / "testdata" / "values.txt"
OUT = ROOT / "fuzz" / "corpus"

MAX_CELL = 64
MAX_VALUE_SEEDS = 400
WINDOW, STRIDE = 40, 120


def write(target: str, data: bytes) -> None:
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()).write_bytes(data)


def value_seeds() -> list:
    seen, cells = set(), []

    def add(cell: str) -> None:
        cell = cell.strip()
        if cell and len(cell.encode()) <= MAX_CELL and cell not in seen:
            seen.add(cell)
            cells.append(cell)

    if VALUES.exists():
        for line in VALUES.read_text(encoding="utf-8").splitlines():
            # values.txt may carry `cell<TAB>expectation`; the cell is enough.
            add(line.split("\t", 1)[0] if not line.startswith("#") else "")
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            for cell in line.split("\t"):
                # cells that look like values: they hold a digit or a comparator
                if any(ch.isdigit() or ch in "≥≤≦≧<>＞＜=%％" for ch in cell):
                    add(cell)
    return cells[:MAX_VALUE_SEEDS]


def document_seeds() -> list:
    seeds = []
    for path in sorted(CORPUS.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for start in range(0, len(lines), STRIDE):
            seeds.append("\n".join(lines[start : start + WINDOW]).encode("utf-8"))
    return seeds


def docx2txt_seeds() -> list:
    seeds = []
    for path in sorted(DOCX2TXT.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for start in range(0, len(lines), 3 * STRIDE):
            seeds.append("\n".join(lines[start : start + 3 * WINDOW]).encode("utf-8"))
    return seeds


def layout_seeds() -> list:
    """Windows of the pdftotext -layout twins (testdata/layout/, space-aligned
    columns and form feeds), made by scripts/make-layout-twins.py."""
    seeds = []
    for path in sorted((CORPUS.parent / "layout").glob("*.layout.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        for start in range(0, len(lines), STRIDE * 2):
            seeds.append("\n".join(lines[start : start + WINDOW]).encode("utf-8"))
    return seeds


def transcoded(text: bytes) -> list:
    s = text.decode("utf-8")
    return [
        s.encode("gb18030"),
        b"\xff\xfe" + s.encode("utf-16-le"),
        b"\xfe\xff" + s.encode("utf-16-be"),
        b"\xef\xbb\xbf" + s.encode("utf-8"),
        s.replace("\n", "\r\n").encode("utf-8"),
    ]


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    for cell in value_seeds():
        write("value", cell.encode("utf-8"))
    docs = document_seeds()
    # one window per corpus file in every other encoding
    extra = [t for d in docs[:: max(1, len(docs) // 5)] for t in transcoded(d)]
    for data in docs + extra + docx2txt_seeds() + layout_seeds():
        write("document", data)
    for target in sorted(p.name for p in OUT.iterdir()):
        files = list((OUT / target).iterdir())
        size = sum(f.stat().st_size for f in files)
        print(f"{target}: {len(files)} seeds, {size} bytes")


if __name__ == "__main__":
    main()
