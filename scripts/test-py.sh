#!/usr/bin/env bash
# The Python module `jixiao` (perf-py): build, tests, doctests, stub check,
# examples. Needs CPython >= 3.9 with pip (and a Rust toolchain); everything
# else is installed into a venv under target/ (PYTHON=... picks the interpreter).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
VENV=$ROOT/target/py-venv
if [ ! -x "$VENV/bin/python" ]; then
    echo "== creating $VENV"
    "$PYTHON" -m venv "$VENV"
fi
PY=$VENV/bin/python
echo "== pip install (test tools, pandas, matplotlib, mypy; pyarrow if available)"
"$PY" -m pip install -q --disable-pip-version-check --upgrade pip
"$PY" -m pip install -q --disable-pip-version-check pytest pandas matplotlib mypy
"$PY" -m pip install -q --disable-pip-version-check pyarrow \
    || echo "   pyarrow not installed: the arrow tests are skipped"

echo "== pip install ./perf-py (maturin, abi3 wheel)"
"$PY" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps ./perf-py

echo "== pytest perf-py/tests"
# run from perf-py/tests' parent with the installed package (not the source tree)
(cd "$ROOT/perf-py" && "$PY" -m pytest -q -p no:cacheprovider tests)

echo "== doctests"
(cd "$ROOT/target" && "$PY" -m pytest -q -p no:cacheprovider --doctest-modules --pyargs jixiao)

echo "== mypy.stubtest jixiao, mypy --strict on the package"
(cd "$ROOT/perf-py" && "$PY" -m mypy.stubtest jixiao --mypy-config-file pyproject.toml \
    --allowlist stubtest-allowlist.txt)
(cd "$ROOT/perf-py" && "$PY" -m mypy --config-file pyproject.toml python/jixiao)

echo "== python -m jixiao extract: the same CSV as perf-core's extract example"
cargo run -q -p perf-core --example extract -- testdata/corpus/*.txt --format csv > target/extract-rs.csv
"$PY" -m jixiao extract testdata/corpus/*.txt --format csv > target/extract-py.csv
cmp target/extract-rs.csv target/extract-py.csv
echo "   identical ($(wc -l < target/extract-py.csv) lines)"

echo "== examples/python"
OUT=$ROOT/target/examples
for ex in examples/python/*.py; do
    echo "-- $ex"
    MPLBACKEND=Agg "$PY" "$ex" --out "$OUT"
done
test -s "$OUT/indicators.png"

echo "== benches/python (smoke run; figures in BENCHMARKS.md come from a full run)"
"$PY" benches/python/bench_parse_values.py --quick
