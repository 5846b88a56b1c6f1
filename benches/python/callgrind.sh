#!/usr/bin/env bash
# Instructions per value of the cases of bench_parse_values.py, under callgrind
# (deterministic: independent of the machine's load).
#
#   bash benches/python/callgrind.sh            # every case on every input
#   bash benches/python/callgrind.sh a distinct # one case on one input
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
if [ $# -eq 2 ]; then
    one "$1" "$2"
else
    for c in a b-kind b-number c d; do
        for i in distinct written written10 large; do one "$c" "$i"; done
    done
fi
