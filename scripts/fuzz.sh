#!/usr/bin/env bash
# A short coverage-guided fuzz run of each target (libFuzzer via cargo-fuzz),
# seeded from the committed seeds in fuzz/corpus/. Works on a stable toolchain:
# cargo-fuzz needs nightly-only flags (-Zsanitizer=address, …), and
# RUSTC_BOOTSTRAP=1 lets the stable compiler accept them. A nightly toolchain
# works too: PERF_FUZZ_TOOLCHAIN=+nightly scripts/fuzz.sh
#
#   scripts/fuzz.sh                 # 60 s for each of the four targets
#   scripts/fuzz.sh 300 value       # 5 min of one target
#   PERF_FUZZ_SANITIZER=address ... # ASan for every target
# By default the C-entry-point targets run under AddressSanitizer, and the
# pure-Rust targets (perf-core forbids unsafe code) without it, for about
# twice the executions; overflow checks (debug assertions) are on in both.
#
# Findings: a crash, panic, leak, timeout (> 10 s for one input) or
# out-of-memory (> 2 GiB) stops the run and saves the input under
# fuzz/artifacts/<target>/; the script then exits non-zero. Make every finding
# a test in perf-core/tests/regressions.rs (and commit the file under
# fuzz/artifacts/<target>/ so perf-core/tests/fuzz_replay.rs keeps replaying it).
# New inputs libFuzzer finds interesting go to fuzz/corpus-run/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(value document ffi_value ffi_document)
TOOLCHAIN="${PERF_FUZZ_TOOLCHAIN:-}"
sanitizer_of() {
    if [ -n "${PERF_FUZZ_SANITIZER:-}" ]; then
        echo "$PERF_FUZZ_SANITIZER"
    else
        case "$1" in
            ffi_*) echo address ;;
            *) echo none ;;
        esac
    fi
}

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz (cargo install cargo-fuzz --locked)"
    cargo install cargo-fuzz --locked
fi

# which seed set each target starts from
seeds_of() {
    case "$1" in
        value | ffi_value) echo fuzz/corpus/value ;;
        document | ffi_document) echo fuzz/corpus/document ;;
        *) echo "unknown target $1" >&2; exit 2 ;;
    esac
}
# inputs longer than a cell are not worth a value target's time; documents
# need room for a few tables
max_len_of() {
    case "$1" in
        value | ffi_value) echo 512 ;;
        *) echo 8192 ;;
    esac
}

export RUSTC_BOOTSTRAP=1
status=0
for t in "${TARGETS[@]}"; do
    run_dir="fuzz/corpus-run/$t"
    mkdir -p "$run_dir" "fuzz/artifacts/$t"
    log="fuzz/corpus-run/$t.log"
    san=$(sanitizer_of "$t")
    echo "== fuzz $t for ${SECONDS_EACH}s (sanitizer: $san, seeds: $(seeds_of "$t"))"
    # shellcheck disable=SC2086
    if cargo $TOOLCHAIN fuzz run --fuzz-dir fuzz -s "$san" "$t" "$run_dir" "$(seeds_of "$t")" -- \
        -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$(max_len_of "$t")" -print_final_stats=1 \
        -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1; then
        echo "   no finding"
    elif grep -q "Test unit written" "$log"; then
        status=1
        echo "   FINDING: see $log and fuzz/artifacts/$t/"
        grep -E "^(==[0-9]+==ERROR|thread .* panicked|SUMMARY|.*Test unit written)" "$log" | head -5 || true
    else
        status=2
        echo "   ERROR: the target did not run (build failure?); the end of $log:"
        tail -n 15 "$log" | sed 's/^/   | /'
    fi
    grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ +DONE)" "$log" | sed 's/^/   /' || true
    grep -E "^#[0-9]+" "$log" | tail -1 | sed 's/^/   last: /' || true
done
exit $status
