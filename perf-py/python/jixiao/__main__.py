"""The command line: ``python -m jixiao extract FILE... --format csv|json``.

``csv`` writes one row per indicator with :data:`jixiao.COLUMNS`; ``json``
writes a JSON array with one SPEC §3 document per file. A file that cannot be
read is reported on stderr with its line, the others are still written, and
the exit status is 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from decimal import Decimal
from typing import List, Optional, Sequence, TextIO

from . import COLUMNS, Document, PerfError, __version__, indicator_rows, parse_document


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m jixiao",
        description="Read budget performance documents (绩效目标表) into exact data.",
    )
    p.add_argument("--version", action="version", version=f"jixiao {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="write every indicator of FILEs as CSV or JSON")
    ex.add_argument("files", nargs="+", metavar="FILE", type=Path)
    ex.add_argument("--format", choices=("csv", "json"), default="csv")
    ex.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    return p


def _cell(x: object) -> object:
    if x is None:
        return ""
    if isinstance(x, Decimal):
        return format(x, "f")  # plain digits, as perf-core writes them (never 1E-7)
    return x


def _write_csv(docs: List[Document], out: TextIO) -> None:
    cols = indicator_rows(docs)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    n = len(cols["raw"])
    for i in range(n):
        w.writerow([_cell(cols[c][i]) for c in COLUMNS])


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    docs: List[Document] = []
    failed = 0
    for f in args.files:
        try:
            docs.append(parse_document(f))
        except (PerfError, OSError) as e:
            print(f"jixiao: {e}", file=sys.stderr)
            failed += 1
    out: TextIO = (
        open(args.output, "w", encoding="utf-8", newline="") if args.output else sys.stdout
    )
    try:
        if args.format == "csv":
            _write_csv(docs, out)
        else:
            out.write("[")
            for i, d in enumerate(docs):
                if i:
                    out.write(",\n")
                out.write(d.to_json())
            out.write("]\n")
    finally:
        if args.output:
            out.close()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
