"""Values per second: jixiao.parse_values vs jixiao.parse_value in a loop.

    python benches/python/bench_parse_values.py [--seconds S] [--quick]

The input is every distinct 指标值 cell of the corpus (testdata/values.txt,
394 cells), parsed as one batch per call, so the batch's repeat cache finds
nothing to share: this measures parsing and object creation, not caching.
A second line measures a batch of the cells as they occur in the documents
(with their natural repeats), read with the document reader. CPU time
(time.process_time) is reported, so other load on the machine counts less.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path
from typing import Callable, List

import jixiao

ROOT = Path(__file__).resolve().parents[2]


def cells() -> List[str]:
    out = []
    for line in (ROOT / "testdata" / "values.txt").read_text(encoding="utf-8").splitlines():
        out.append(line.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"))
    return out


def rate(fn: Callable[[], object], n_values: int, seconds: float) -> float:
    """Best of 5 rounds of values/s, each round at least seconds/5 of CPU."""
    fn()  # warm up
    best = 0.0
    for _ in range(5):
        reps, start = 0, time.process_time()
        while True:
            fn()
            reps += 1
            spent = time.process_time() - start
            if spent >= seconds / 5:
                break
        best = max(best, reps * n_values / spent)
    return best


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--quick", action="store_true", help="a short run (smoke test)")
    args = ap.parse_args()
    seconds = 0.2 if args.quick else args.seconds

    distinct = cells()
    pv = jixiao.parse_value
    batch = rate(lambda: jixiao.parse_values(distinct), len(distinct), seconds)
    loop = rate(lambda: [pv(c) for c in distinct], len(distinct), seconds)
    print(f"jixiao {jixiao.__version__}, Python {platform.python_version()}, {platform.machine()}")
    print(f"corpus distinct cells (n={len(distinct)}):")
    print(f"  parse_values        {batch / 1e6:6.2f} M values/s")
    print(f"  parse_value loop    {loop / 1e6:6.2f} M values/s")
    print(f"  ratio               {batch / loop:6.2f}x")

    as_written: List[str] = []
    for d in jixiao.read_dir(ROOT / "testdata" / "corpus", errors="skip"):
        as_written += [i.value.raw for i in d.indicators()]
    if as_written:
        b2 = rate(lambda: jixiao.parse_values(as_written), len(as_written), seconds)
        l2 = rate(lambda: [pv(c) for c in as_written], len(as_written), seconds)
        print(f"corpus cells as they occur in the documents (n={len(as_written)}, "
              f"{len(set(as_written))} distinct):")
        print(f"  parse_values        {b2 / 1e6:6.2f} M values/s")
        print(f"  parse_value loop    {l2 / 1e6:6.2f} M values/s")
        print(f"  ratio               {b2 / l2:6.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
