"""Values per second: jixiao.parse_values (a ValueBatch) vs jixiao.parse_value in a loop.

    python benches/python/bench_parse_values.py [--seconds S] [--rounds R] [--quick]
    python benches/python/bench_parse_values.py --run CASE INPUT N   # for callgrind

`--run-marked INPUT NA ND` runs (a) NA times and (d) ND times, the phases
marked for `callgrind.sh --marked` (no start-up run to subtract: faster
where importing pandas and pyarrow under valgrind takes minutes).

`--run` runs one case N times untimed (CASE: a, b-kind, b-number, c, d;
INPUT: distinct, written, written10, large, pd_distinct, pd_written,
pd_written10, pa_distinct, pa_written, pa_written10; threads=1): run it under
`valgrind --tool=callgrind` with N and with 0, and divide the difference of
the instruction totals by N × len(input) for instructions per value.

For each input it times, per value:
  (a) batch           parse_values(cells): the ValueBatch, values kept in Rust
  (b) batch+kind      (a), then batch.column("kind")    (a list of shared str)
      batch+number    (a), then batch.column("number")  (one Decimal per distinct number)
  (c) batch+items     (a), then list(batch): one Value object per cell
  (d) loop            [parse_value(c) for c in cells]
and prints each as values/s and as a ratio to (d).

Inputs, all from the corpus:
- distinct: every distinct 指标值 cell (testdata/values.txt, 394 cells). No
  cell repeats, so nothing is shared: extraction, parsing, storing.
- as written: the value cells of the five documents in document order (read
  with the document reader), with their natural repeats (1026, 394 distinct).
- written10 (`--run` only): the cells as written, ten times over (the same
  `str` objects; 10260 cells, each distinct cell repeated 26 times on average).
- pd_distinct, pd_written, pd_written10: the same three as a pandas `str`
  Series (Arrow-backed `large_string`; parse_values reads its buffers,
  the loop iterates it: a new `str` per cell); pa_*: as a pyarrow
  `string` array (`--run` only).
- large: 40 variants of every distinct cell (digits shifted: `≥95%` →
  `≥06%`, `≥17%` …; same grammar paths, mostly distinct cells) in one batch,
  on 1 and on 2 threads (`threads=2`).

Each figure is the best of R rounds (default 5; the cases take turns within
a round), as wall-clock values/s and as values per second of the process's
CPU time (which does not count waiting for a CPU on a shared machine);
values/s counts every cell of the input.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Tuple

import jixiao

ROOT = Path(__file__).resolve().parents[2]


def distinct_cells() -> List[str]:
    out = []
    for line in (ROOT / "testdata" / "values.txt").read_text(encoding="utf-8").splitlines():
        out.append(line.replace("\\n", "\n").replace("\\t", "\t").replace("\\\\", "\\"))
    return out


def rates(fns: Dict[str, Callable[[], object]], n_values: int, seconds: float,
          rounds: int) -> Dict[str, Tuple[float, float]]:
    """Best of `rounds` rounds of (wall-clock values/s, CPU-time values/s) per case.

    The cases take turns round by round, so that each sees the same mix of
    load on a shared machine; each turn lasts at least seconds/rounds.
    CPU time (`time.process_time`, all threads of the process) does not
    count the time the process waits for a CPU, so it varies less with load.
    """
    best = {k: (0.0, 0.0) for k in fns}
    for f in fns.values():
        f()  # warm up
    for _ in range(rounds):
        for k, f in fns.items():
            reps, start, cpu = 0, time.perf_counter(), time.process_time()
            while True:
                f()
                reps += 1
                spent = time.perf_counter() - start
                if spent >= seconds / rounds:
                    break
            cpu_spent = max(time.process_time() - cpu, 1e-9)
            w, c = best[k]
            best[k] = (max(w, reps * n_values / spent), max(c, reps * n_values / cpu_spent))
    return best


LABELS = {"a": "(a) batch", "b-kind": "(b) batch+kind", "b-number": "(b) batch+number",
          "c": "(c) batch+items", "d": "(d) loop"}


def cases(cells: Any, threads: int) -> Dict[str, Callable[[], object]]:
    pv, pvs = jixiao.parse_value, jixiao.parse_values
    if hasattr(cells, "to_pylist"):
        # a pyarrow array iterates as pyarrow scalars: the loop takes its
        # cells as `str`s (made anew on every run, as iterating a pandas
        # Series makes them)
        return {
            "(a) batch": lambda: pvs(cells, threads=threads),
            "(b) batch+kind": lambda: pvs(cells, threads=threads).column("kind"),
            "(b) batch+number": lambda: pvs(cells, threads=threads).column("number"),
            "(c) batch+items": lambda: list(pvs(cells, threads=threads)),
            "(d) loop": lambda: [pv(c) for c in cells.to_pylist()],
        }
    return {
        "(a) batch": lambda: pvs(cells, threads=threads),
        "(b) batch+kind": lambda: pvs(cells, threads=threads).column("kind"),
        "(b) batch+number": lambda: pvs(cells, threads=threads).column("number"),
        "(c) batch+items": lambda: list(pvs(cells, threads=threads)),
        "(d) loop": lambda: [pv(c) for c in cells],
    }


def written_cells() -> List[str]:
    written: List[str] = []
    for d in jixiao.read_dir(ROOT / "testdata" / "corpus", errors="skip"):
        written += [i.value.raw for i in d.indicators()]
    return written


def written10_cells() -> List[str]:
    """The cells as written, ten times over (the same `str` objects): a
    column where each distinct cell repeats 26 times on average."""
    return written_cells() * 10


def _series(cells: List[str]) -> Any:
    import pandas as pd
    return pd.Series(cells)  # pandas 3: dtype str, Arrow-backed (large_string)


def _pyarrow(cells: List[str]) -> Any:
    import pyarrow as pa
    return pa.array(cells)  # string (i32 offsets)


# Arrow string columns, read by parse_values from their buffers. Iterating
# one (the loop, case d) makes a new `str` per cell, as a DataFrame column
# does: every input here is fresh for the loop too.
def pd_distinct_cells() -> Any:
    return _series(distinct_cells())


def pd_written_cells() -> Any:
    return _series(written_cells())


def pd_written10_cells() -> Any:
    return _series(written_cells() * 10)


def pa_distinct_cells() -> Any:
    return _pyarrow(distinct_cells())


def pa_written_cells() -> Any:
    return _pyarrow(written_cells())


def pa_written10_cells() -> Any:
    return _pyarrow(written_cells() * 10)


ARROW_INPUTS = ["pd_distinct", "pd_written", "pd_written10", "pa_distinct", "pa_written",
                "pa_written10"]


def large_cells() -> List[str]:
    return [re.sub(r"[0-9]", lambda m: str((int(m.group()) + k) % 10), c)
            for k in range(40) for c in distinct_cells()]


def report(name: str, cells: Any, seconds: float, rounds: int, threads: int = 1) -> None:
    best = rates(cases(cells, threads), len(cells), seconds, rounds)
    print(f"{name} (n={len(cells)}, {len(set(cells))} distinct, threads={threads}):")
    print(f"  {'':18} {'wall M/s':>9} {'ns/value':>9} {'x loop':>7} {'CPU M/s':>9} {'x loop':>7}")
    wl, cl = best["(d) loop"]
    for k, (w, c) in best.items():
        print(f"  {k:18} {w / 1e6:9.2f} {1e9 / w:9.1f} {w / wl:7.2f} {c / 1e6:9.2f} {c / cl:7.2f}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5.0, help="time per case")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="a short run (smoke test)")
    ap.add_argument("--run", nargs=3, metavar=("CASE", "INPUT", "N"))
    ap.add_argument("--run-marked", nargs=3, metavar=("INPUT", "NA", "ND"))
    args = ap.parse_args()
    inputs = {"distinct": distinct_cells, "written": written_cells,
              "written10": written10_cells, "large": large_cells,
              **{k: globals()[k + "_cells"] for k in ARROW_INPUTS}}
    if args.run_marked:
        # (a) NA times, then (d) ND times, each phase opened and closed by
        # time.sleep(0): under `valgrind --tool=callgrind
        # --dump-before=time_sleep` the 2nd and 3rd dumps are the two phases
        # (callgrind.sh --marked), with no start-up to subtract
        source, na, nd = args.run_marked
        cells = inputs[source]()
        fa, fd = cases(cells, 1)[LABELS["a"]], cases(cells, 1)[LABELS["d"]]
        gc.collect()
        time.sleep(0)
        for _ in range(int(na)):
            fa()
        time.sleep(0)
        for _ in range(int(nd)):
            fd()
        time.sleep(0)
        return 0
    if args.run:
        case, source, n = args.run
        cells = inputs[source]()
        fn = cases(cells, 1)[LABELS[case]]
        # free what reading the input left behind now, not during the runs
        # (a run of N = 0 would never free it, and the difference would count it)
        gc.collect()
        for _ in range(int(n)):
            fn()
        return 0
    seconds = 0.1 if args.quick else args.seconds
    rounds = 2 if args.quick else args.rounds

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"jixiao {jixiao.__version__}, Python {platform.python_version()}, "
          f"{platform.machine()}, {os.cpu_count()} CPUs, load average {load:.2f}")
    report("distinct corpus cells", distinct_cells(), seconds, rounds)

    written = written_cells()
    if written:
        report("corpus cells as written", written, seconds, rounds)

    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        print("(pandas or pyarrow missing: no Arrow columns)")
    else:
        report("pandas str Series, distinct cells", pd_distinct_cells(), seconds, rounds)
        report("pandas str Series, cells as written", pd_written_cells(), seconds, rounds)
        report("pandas str Series, written x10", pd_written10_cells(), seconds, rounds)

    large = large_cells()
    report("large batch", large, seconds, rounds, threads=1)
    report("large batch", large, seconds, rounds, threads=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
