#!/usr/bin/env bash
# Robustness checks beyond `cargo test` (issue 7; docs/ROBUSTNESS.md):
#  1. the robustness test files in release mode (hostile sizes are cheaper there);
#  2. linear work counted in instructions: each hostile case parsed at n and 10n
#     under `valgrind --tool=callgrind`, counting only inside the parse; the
#     count may grow at most MAX_GROWTH-fold (quadratic would be 100-fold);
#  3. the C entry points under valgrind (memcheck) over every fuzz seed, every
#     committed fuzz artifact and the corpus: zero errors, zero leaks.
# Prints "N passed, N failed" at the end; exits non-zero on any failure.
# Needs valgrind and a C compiler (cc). Run from anywhere: scripts/test-robust.sh
set -euo pipefail
cd "$(dirname "$0")/.."

MAX_GROWTH="${PERF_MAX_GROWTH:-20}"
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "   ok: $*"; }
ko() { failed=$((failed + 1)); echo "   FAILED: $*"; }

echo "== 1. robustness tests (release)"
if cargo test -p perf-core --release --test hostile --test encodings --test conservation \
    --test fuzz_replay --test regressions -q 2>&1 | tail -n 25; then
    ok "cargo test (release) of hostile, encodings, conservation, fuzz_replay, regressions"
else
    ko "cargo test (release) of the robustness tests"
fi

command -v valgrind >/dev/null || { echo "valgrind is not installed (apt-get install valgrind)"; exit 1; }

echo "== 2. instructions from n to 10n under callgrind (max growth ${MAX_GROWTH}x)"
hostile_bin=$(cargo test -p perf-core --release --test hostile --no-run --message-format=json 2>/dev/null |
    sed -n 's/.*"executable":"\([^"]*hostile[^"]*\)".*/\1/p' | tail -n 1)
[ -x "$hostile_bin" ] || { echo "could not build the hostile test binary"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
instructions() { # case n -> instructions counted inside probe_parse
    PERF_HOSTILE_CASE="$1" PERF_HOSTILE_N="$2" valgrind --tool=callgrind \
        --callgrind-out-file="$tmp/cg.$1.$2" --toggle-collect='*probe_parse*' \
        "$hostile_bin" --ignored --exact work_probe --test-threads=1 -q >/dev/null 2>&1
    sed -n 's/^totals: \([0-9]*\).*/\1/p; s/^summary: \([0-9]*\).*/\1/p' "$tmp/cg.$1.$2" | head -n 1
}
# case name and n (the names are hostile.rs's `Case` variants)
while read -r case n; do
    a=$(instructions "$case" "$n")
    b=$(instructions "$case" $((10 * n)))
    growth=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", (b + 1) / (a + 1) }')
    line=$(printf '%-22s n=%-8s %14s Ir   10n: %14s Ir   growth %5sx' "$case" "$n" "$a" "$b" "$growth")
    if [ -n "$a" ] && [ -n "$b" ] && awk -v g="$growth" -v m="$MAX_GROWTH" 'BEGIN { exit !(g <= m) }'; then
        ok "$line"
    else
        ko "$line"
    fi
done <<'EOF'
ComparatorRun 100000
ComparatorWords 50000
ComparatorCellInTable 100000
OneLine 1000000
Columns 20000
EmptyLines 100000
EmptyLinesInTable 100000
RepeatedHeaders 10000
RepeatedTables 200
BareTabs 100000
CellPerLineColumns 20000
WrappedCorpus 2
CellPerLineCorpus 2
SplitCorpus 2
ParagraphCellsCorpus 2
ParagraphCellsSplitRows 2000
ParagraphCellsEmpties 20000
SpaceAlignedCorpus 2
SpaceAlignedColumns 2000
SpaceAlignedPages 2000
CompactRows 2000
CompactCorpus 2
GridRows 10000
NarrowRows 2000
NarrowCorpus 2
SpacedRows 2000
SpacedPieces 2000
SpacedLongPieces 20000
SpacedCorpus 2
SpacedSplitCorpus 2
SpacedSplitPieces 2000
EOF

echo "== 3. the C entry points under valgrind over the fuzz inputs and the corpus"
cargo build -p perf-ffi --release -q
cc -std=c99 -g -O1 -Wall -Wextra -Werror -Iinclude perf-ffi/tests/c/robust_replay.c \
    "${CARGO_TARGET_DIR:-target}/release/libperf_ffi.a" -lpthread -ldl -lm -o "$tmp/robust_replay"
inputs=(fuzz/corpus/value fuzz/corpus/document testdata/corpus)
for d in fuzz/artifacts/*/; do [ -d "$d" ] && inputs+=("$d"); done
if valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect -q "$tmp/robust_replay" "${inputs[@]}" >"$tmp/c.log" 2>&1; then
    ok "valgrind: $(tail -n 1 "$tmp/c.log")"
else
    cat "$tmp/c.log" | tail -n 40
    ko "valgrind over the C entry points"
fi

echo "robust: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
