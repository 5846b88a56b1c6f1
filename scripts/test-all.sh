#!/usr/bin/env bash
# The whole test suite: Rust, C and Python. The README's test command; CI runs it.
# Order (STYLE.md §10): fmt, clippy, cargo test, C tests under valgrind,
# Python build + pytest + stubtest + examples, rustdoc, benchmarks compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
echo "== cargo fmt --check"; cargo fmt --all -- --check
echo "== cargo clippy -D warnings"; cargo clippy --workspace --all-targets -- -D warnings
echo "== cargo test"; cargo test --workspace
echo "== examples: the README's main job and the values filter"
cargo run -q --release --example extract -- testdata/corpus/*.txt --format csv > target/corpus.csv
rows=$(wc -l < target/corpus.csv)
echo "extract: $rows CSV lines"; [ "$rows" -gt 1000 ]
lines=$(printf '≥95 百分比\n\n长期\n' | cargo run -q --release --example values | wc -l)
echo "values: $lines lines for 3 cells"; [ "$lines" -eq 3 ]
echo "== C tests (valgrind, ASan)"; bash scripts/test-c.sh
echo "== robustness: release hostile/encodings/fuzz replay, linear work, C entry points under valgrind"
bash scripts/test-robust.sh
echo "== Python (jixiao): build, pytest, doctests, stubtest, examples"
bash scripts/test-py.sh
echo "== cargo doc -D warnings"; RUSTDOCFLAGS="-D warnings" cargo doc --workspace --no-deps
echo "== cargo bench --no-run"; cargo bench --workspace --no-run
echo "== all suites passed"
