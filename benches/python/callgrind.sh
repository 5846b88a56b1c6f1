#!/usr/bin/env bash
# Instructions per value of the cases of bench_parse_values.py, under callgrind
# (deterministic: independent of the machine's load).
#
#   bash benches/python/callgrind.sh            # every case on every input
#   bash benches/python/callgrind.sh a distinct # one case on one input
#   bash benches/python/callgrind.sh --marked pd_written  # (a) and (d), one run
#
# Each case runs N times and 0 times (same start-up: reading the cells);
# the difference of the two instruction totals / (N × cells) is printed.
# PYTHON defaults to the venv of scripts/test-py.sh; PYTHONHASHSEED is fixed
# so that repeated runs give the same count.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PYTHON:-target/py-venv/bin/python}
export PYTHONHASHSEED=0
refs() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$PY" \
        benches/python/bench_parse_values.py --run "$1" "$2" "$3" 2>&1 |
        sed -n 's/.*refs: *//p' | tr -d ,
}
one() {
    local case=$1 input=$2 n cells
    case $input in
        distinct | pd_distinct | pa_distinct) n=20 ;;
        written | written10 | pd_written | pd_written10 | pa_written | pa_written10) n=10 ;;
        large) n=2 ;;
    esac
    cells=$("$PY" -c "import sys; sys.path.insert(0, 'benches/python'); import bench_parse_values as b; print(len(b.${input}_cells()))")
    local with without
    with=$(refs "$case" "$input" "$n")
    without=$(refs "$case" "$input" 0)
    printf '%-9s %-9s %6d instructions/value\n' "$case" "$input" $(( (with - without) / (n * cells) ))
}
# --marked INPUT: (a) and (d) in one process, each phase counted between two
# dumps (--dump-before=time_sleep: the script calls time.sleep(0) around each
# phase), so no start-up run is needed; same figures as the two-run way.
marked() {
    local input=$1 na nd cells dir
    case $input in
        *distinct) na=20; nd=5 ;; *written10) na=10; nd=1 ;; *) na=10; nd=3 ;;
    esac
    cells=$("$PY" -c "import sys; sys.path.insert(0, 'benches/python'); import bench_parse_values as b; print(len(b.${input}_cells()))")
    dir=$(mktemp -d)
    valgrind --tool=callgrind --dump-before=time_sleep --callgrind-out-file="$dir/cg" "$PY" \
        benches/python/bench_parse_values.py --run-marked "$input" "$na" "$nd" >/dev/null 2>&1
    total() { sed -n 's/^totals: *//p;s/^summary: *//p' "$1" | head -1; }
    local a d
    a=$(total "$dir/cg.2"); d=$(total "$dir/cg.3")
    printf '%-9s %-13s %6d instructions/value\n' a "$input" $(( a / (na * cells) ))
    printf '%-9s %-13s %6d instructions/value\n' d "$input" $(( d / (nd * cells) ))
    rm -rf "$dir"
}
if [ $# -eq 2 ] && [ "$1" = --marked ]; then
    marked "$2"
elif [ $# -eq 2 ]; then
    one "$1" "$2"
else
    for c in a b-kind b-number c d; do
        for i in distinct written written10 large; do one "$c" "$i"; done
    done
fi
