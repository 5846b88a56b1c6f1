"""Shared paths: the corpus and the hand-checked value table of the repository."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Callable, List

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "testdata" / "corpus"
VALUES_TSV = ROOT / "testdata" / "values.tsv"
VALUES_TXT = ROOT / "testdata" / "values.txt"


def corpus_files() -> List[Path]:
    return sorted(CORPUS.glob("*.txt"))


def steps_beside(work: Callable[[], object]) -> int:
    """How many times another Python thread ran while ``work()`` ran.

    The switch interval is set so long that the GIL changes hands only where
    it is released: a positive count shows ``work`` released it.
    """
    count = [0]
    stop = threading.Event()

    def spin() -> None:
        while not stop.is_set():
            count[0] += 1
            time.sleep(0)  # hand the GIL back at once

    old = sys.getswitchinterval()
    sys.setswitchinterval(30.0)
    t = threading.Thread(target=spin)
    t.start()
    try:
        before = count[0]
        work()
        return count[0] - before
    finally:
        stop.set()
        sys.setswitchinterval(old)
        t.join()


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
