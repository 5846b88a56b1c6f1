"""Shared paths: the corpus and the hand-checked value table of the repository."""

from __future__ import annotations

from pathlib import Path
from typing import List

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "testdata" / "corpus"
VALUES_TSV = ROOT / "testdata" / "values.tsv"
VALUES_TXT = ROOT / "testdata" / "values.txt"


def corpus_files() -> List[Path]:
    return sorted(CORPUS.glob("*.txt"))


def unescape(s: str) -> str:
    """The TSV's escapes: ``\\n``, ``\\t``, ``\\\\``."""
    out = []
    it = iter(s)
    for c in it:
        if c == "\\":
            nxt = next(it)
            out.append({"n": "\n", "t": "\t", "\\": "\\"}[nxt])
        else:
            out.append(c)
    return "".join(out)


@pytest.fixture(scope="session")
def corpus_values() -> List[str]:
    return [unescape(line) for line in VALUES_TXT.read_text(encoding="utf-8").splitlines()]
