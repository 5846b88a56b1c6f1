"""Indicators across the corpus: a summary table and one plot.

    python examples/python/analysis.py [FOLDER] [--out DIR]

Reads every document in FOLDER (default: testdata/corpus), prints per
document how many projects and indicators it holds and how its values
split by kind, then the satisfaction targets (满意度指标) by department, and
saves a PNG of the satisfaction targets and the per-person standards
(元/人/月 …) by department into DIR (default: target/examples).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import jixiao

ROOT = Path(__file__).resolve().parents[2]

# matplotlib's default font has no CJK glyphs: unit words in Latin letters.
_UNIT_WORDS = {"元": "yuan", "人": "person", "月": "month", "年": "year", "户": "household",
               "次": "time", "天": "day", "日": "day"}


def latin(unit: str) -> str:
    return "".join(_UNIT_WORDS.get(c, c) for c in unit)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", default=ROOT / "testdata" / "corpus", type=Path)
    ap.add_argument("--out", default=ROOT / "target" / "examples", type=Path)
    args = ap.parse_args()

    # The two lines an analyst writes:
    docs = jixiao.read_dir(args.folder)
    df = jixiao.indicators_frame(docs)

    import pandas as pd

    who = {d.path: f"{d.department or Path(d.path).stem} {d.year or ''}".strip() for d in docs}
    df["department"] = df["file"].map(who)

    # 1. One line per document: projects, indicators, kinds of value.
    kinds = pd.crosstab(df["department"], df["kind"])
    projects = pd.Series({who[d.path]: len(d.projects) for d in docs}, name="projects")
    summary = pd.concat([projects, kinds.sum(axis=1).rename("indicators"), kinds], axis=1)
    summary = summary.fillna(0).astype(int)
    print("Indicators by document")
    print(summary.to_string())
    print()

    # 2. Satisfaction targets: percent quantities under a 满意度 level.
    sat = df[
        df["level2"].fillna("").str.contains("满意")
        & (df["kind"] == "quantity")
        & (df["unit"] == "%")
        & df["number"].notna()
    ].copy()
    table = sat.groupby("department")["number"].agg(["count", "min", "max"])
    print("Satisfaction targets (%, exact)")
    print(table.to_string())
    print()

    # 3. Per-person standards: currency per 人 (元/人, 元/人/月, 万元/人 …), in 元.
    per_person = df[
        (df["kind"] == "quantity")
        & df["base_unit"].fillna("").str.startswith("元/人")
        & df["base_number"].notna()
    ].copy()
    print(f"Per-person standards: {len(per_person)} indicators")
    if len(per_person):
        std = per_person.groupby(["department", "base_unit"])["base_number"].agg(["count", "min", "max"])
        print(std.to_string())

    # The plot: exact Decimals become floats only here, for drawing.
    os.environ.setdefault("MPLBACKEND", "Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(12, 4.5))
    labels = sorted(sat["department"].unique())
    ax1.boxplot([sat.loc[sat["department"] == d, "number"].astype(float) for d in labels],
                showmeans=True)
    ax1.set_xticks(range(1, len(labels) + 1))
    ax1.set_xticklabels([str(i) for i in range(1, len(labels) + 1)])
    ax1.set_title("Satisfaction targets (%) by document")
    ax1.set_xlabel("document (see legend in the printed table)")
    ax1.set_ylabel("target, %")
    if len(per_person):
        monthly = per_person.assign(value=per_person["base_number"].astype(float))
        for i, (unit, grp) in enumerate(monthly.groupby("base_unit")):
            xs = [labels.index(d) + 1 if d in labels else 0 for d in grp["department"]]
            ax2.scatter([x + 0.08 * i for x in xs], grp["value"], label=latin(unit), alpha=0.7)
        ax2.set_yscale("log")
        ax2.legend(title="unit", fontsize=8)
    ax2.set_xticks(range(1, len(labels) + 1))
    ax2.set_title("Per-person standards (yuan, log scale) by document")
    ax2.set_xlabel("document")
    fig.tight_layout()
    args.out.mkdir(parents=True, exist_ok=True)
    png = args.out / "indicators.png"
    fig.savefig(png, dpi=110)
    print()
    for i, d in enumerate(labels, 1):
        print(f"  {i}: {d}")
    print(f"saved {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
