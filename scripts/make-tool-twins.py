#!/usr/bin/env python3
"""Make twins of corpus documents with more real extraction tools.

NOT run by CI. The PDFs are made as in scripts/make-layout-twins.py (each
tab line a row of an HTML table, LibreOffice to PDF) and the Word files as
in scripts/make-docx2txt-twins.py (python-docx); then every tool below
reads them back, and its text goes to testdata/<tool>/NNN.txt:

    pdftotext-plain   poppler `pdftotext` without options (reading order;
                      not made by default: make-layout-twins.py writes it
                      as testdata/layout/NNN.plain.txt)
    pdftotext-raw     poppler `pdftotext -raw` (content-stream order)
    pymupdf           PyMuPDF `page.get_text()` (pages joined by a form feed)
    pdfplumber        pdfplumber `page.extract_text()` (pages joined by "\\n")
    pypdf             pypdf `page.extract_text()` (pages joined by "\\n")
    pymupdf4llm       pymupdf4llm `to_markdown()` (Markdown pipe tables)
    lo-text           LibreOffice `--convert-to txt:Text` of the .docx
    pandoc            `pandoc -t plain` of the .docx (simple and grid tables)
    pandoc-gfm        `pandoc -t gfm` of the .docx (Markdown pipe tables)

Needs (Debian and PyPI):

    apt-get install -y --no-install-recommends poppler-utils pandoc \\
        libreoffice-writer-nogui fonts-wqy-microhei
    pip install pymupdf pymupdf4llm pdfplumber pypdf python-docx docx2txt
    python3 scripts/make-tool-twins.py            # all tools, default inputs
    python3 scripts/make-tool-twins.py --tools pymupdf --pdf 002

The PDF tools read 002 and 004 (tab rows: a row per line), the Word tools
001 and 003 (cell per line). The outputs are committed; the tests read them,
never this script.
"""

import argparse
import importlib.util
import io
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "testdata" / "corpus"


def load(name):
    spec = importlib.util.spec_from_file_location(
        name.replace("-", "_"), ROOT / "scripts" / f"{name}.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def corpus(stem):
    return next(CORPUS.glob(f"{stem}_*.txt"))


def make_pdf(stem, tmp):
    layout = load("make-layout-twins")
    text = corpus(stem).read_text(encoding="utf-8")
    src = pathlib.Path(tmp, f"{stem}.html")
    src.write_text(layout.to_html(text, "top", 5), encoding="utf-8")
    subprocess.run(
        ["soffice", "--headless", "--infilter=HTML (StarWriter)",
         "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp, str(src)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return pathlib.Path(tmp, f"{stem}.pdf")


def make_docx(stem, tmp):
    word = load("make-docx2txt-twins")
    text = corpus(stem).read_text(encoding="utf-8")
    buf = word.build(word.read_blocks(text))
    path = pathlib.Path(tmp, f"{stem}.docx")
    path.write_bytes(buf.getvalue())
    return path


def pdftotext(pdf, *flags):
    out = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *flags, str(pdf), "-"],
        check=True, capture_output=True,
    )
    return out.stdout.decode("utf-8")


def pymupdf(pdf):
    import fitz

    with fitz.open(pdf) as doc:
        return "\f".join(page.get_text() for page in doc)


def pdfplumber_text(pdf):
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return "\n".join((page.extract_text() or "") for page in doc.pages)


def pypdf_text(pdf):
    import pypdf

    reader = pypdf.PdfReader(str(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def pymupdf4llm_text(pdf):
    import pymupdf4llm

    return pymupdf4llm.to_markdown(str(pdf))


def lo_text(docx, tmp):
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "txt:Text (encoded):UTF8",
         "--outdir", tmp, str(docx)],
        check=True, stdout=subprocess.DEVNULL,
    )
    return pathlib.Path(tmp, docx.stem + ".txt").read_text(encoding="utf-8-sig")


def pandoc(docx, to="plain"):
    out = subprocess.run(
        ["pandoc", "-f", "docx", "-t", to, "--wrap=none", str(docx)],
        check=True, capture_output=True,
    )
    return out.stdout.decode("utf-8")


PDF_TOOLS = {
    "pdftotext-plain": lambda pdf, tmp: pdftotext(pdf),
    "pdftotext-raw": lambda pdf, tmp: pdftotext(pdf, "-raw"),
    "pymupdf": lambda pdf, tmp: pymupdf(pdf),
    "pdfplumber": lambda pdf, tmp: pdfplumber_text(pdf),
    "pypdf": lambda pdf, tmp: pypdf_text(pdf),
    "pymupdf4llm": lambda pdf, tmp: pymupdf4llm_text(pdf),
}
DOCX_TOOLS = {
    "lo-text": lo_text,
    "pandoc": lambda docx, tmp: pandoc(docx),
    "pandoc-gfm": lambda docx, tmp: pandoc(docx, "gfm"),
}


def main():
    ap = argparse.ArgumentParser()
    default = [t for t in list(PDF_TOOLS) + list(DOCX_TOOLS) if t != "pdftotext-plain"]
    ap.add_argument("--tools", nargs="*", default=default)
    ap.add_argument("--pdf", nargs="*", default=["002", "004"])
    ap.add_argument("--docx", nargs="*", default=["001", "003"])
    ap.add_argument("--out", default=str(ROOT / "testdata"))
    ap.add_argument("--keep", action="store_true", help="keep the PDFs and .docx")
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdfs = {s: make_pdf(s, tmp) for s in a.pdf if any(t in PDF_TOOLS for t in a.tools)}
        docxs = {s: make_docx(s, tmp) for s in a.docx if any(t in DOCX_TOOLS for t in a.tools)}
        for tool in a.tools:
            outdir = pathlib.Path(a.out, tool)
            outdir.mkdir(parents=True, exist_ok=True)
            if tool in PDF_TOOLS:
                inputs, run = pdfs, PDF_TOOLS[tool]
            elif tool in DOCX_TOOLS:
                inputs, run = docxs, DOCX_TOOLS[tool]
            else:
                sys.exit(f"unknown tool {tool}")
            for stem, path in inputs.items():
                text = run(path, tmp)
                if not text.endswith("\n"):
                    text += "\n"
                dst = outdir / f"{stem}.txt"
                dst.write_text(text, encoding="utf-8")
                print(dst, len(text.splitlines()), "lines", file=sys.stderr)
        if a.keep:
            for f in list(pdfs.values()) + list(docxs.values()):
                pathlib.Path(a.out, f.name).write_bytes(f.read_bytes())


if __name__ == "__main__":
    main()
