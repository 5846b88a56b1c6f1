"""Values per second: jixiao.parse_values vs jixiao.parse_value in a loop.

    python benches/python/bench_parse_values.py [--seconds S] [--quick]

Inputs, all from the corpus:
- distinct: every distinct 指标值 cell (testdata/values.txt, 394 cells), one
  batch per call. No cell repeats, so the batch's repeat cache shares
  nothing and no batch is large enough for threads: parsing and object
  creation only.
- as written: the value cells of the five documents in document order (read
  with the document reader), with their natural repeats, one batch per call.
- large: 40 variants of every distinct cell (digits shifted: `≥95%` →
  `≥06%`, `≥17%` …; same grammar paths, mostly distinct cells) in one batch,
  on one thread and on one thread per CPU.

Each figure is the best of 5 rounds of wall-clock time (best-of, because
the machine may be shared); values/s counts every cell of the input.
"""

from __future__ import annotations

import argparse
import platform
import re
import sys
import time
from pathlib import Path
from typing import Callable, List

import jixiao

ROOT = Path(__file__).resolve().parents[2]


def distinct_cells() -> List[str]:
    out = []
    for line in (ROOT / "testdata" / "values.txt").read_text(encoding="utf-8").splitlines():
        out.append(line.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"))
    return out


def rate(fn: Callable[[], object], n_values: int, seconds: float) -> float:
    """Best of 5 rounds of values/s, each round at least seconds/5 long."""
    fn()  # warm up
    best = 0.0
    for _ in range(5):
        reps, start = 0, time.perf_counter()
        while True:
            fn()
            reps += 1
            spent = time.perf_counter() - start
            if spent >= seconds / 5:
                break
        best = max(best, reps * n_values / spent)
    return best


def report(name: str, cells: List[str], seconds: float) -> None:
    pv = jixiao.parse_value
    batch = rate(lambda: jixiao.parse_values(cells), len(cells), seconds)
    loop = rate(lambda: [pv(c) for c in cells], len(cells), seconds)
    print(f"{name} (n={len(cells)}, {len(set(cells))} distinct):")
    print(f"  parse_values        {batch / 1e6:6.2f} M values/s")
    print(f"  parse_value loop    {loop / 1e6:6.2f} M values/s")
    print(f"  ratio               {batch / loop:6.2f}x")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--quick", action="store_true", help="a short run (smoke test)")
    args = ap.parse_args()
    seconds = 0.2 if args.quick else args.seconds

    print(f"jixiao {jixiao.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}")
    report("distinct corpus cells", distinct_cells(), seconds)

    written: List[str] = []
    for d in jixiao.read_dir(ROOT / "testdata" / "corpus", errors="skip"):
        written += [i.value.raw for i in d.indicators()]
    if not written:
        return 0
    report("corpus cells as written", written, seconds)

    large = [re.sub(r"[0-9]", lambda m: str((int(m.group()) + k) % 10), c)
             for k in range(40) for c in distinct_cells()]
    one = rate(lambda: jixiao.parse_values(large, threads=1), len(large), seconds)
    many = rate(lambda: jixiao.parse_values(large, threads=None), len(large), seconds)
    print(f"large batch (n={len(large)}, {len(set(large))} distinct):")
    print(f"  parse_values, threads=1     {one / 1e6:6.2f} M values/s")
    print(f"  parse_values, threads=None  {many / 1e6:6.2f} M values/s  (one per CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
