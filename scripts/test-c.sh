#!/usr/bin/env bash
# The C side of the test suite (issue 5): builds libperf_ffi, compiles the C
# tests (perf-ffi/tests/c) and examples (examples/c) with -Wall -Wextra
# -Werror against include/perf_ffi.h, runs every C program under valgrind
# (zero errors, zero definite/indirect leaks), and diffs the examples'
# output with the Rust examples' byte for byte. Ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD

need() { # need COMMAND PACKAGE: install from Debian when missing (CI runs as root)
    command -v "$1" >/dev/null 2>&1 && return 0
    echo "== installing $2"
    if [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && apt-get install -y -qq "$2") >/dev/null
    else
        (sudo apt-get update -qq && sudo apt-get install -y -qq "$2") >/dev/null
    fi
}
need valgrind valgrind
need pkg-config pkg-config
need cc gcc

out=$root/build/c
rm -rf "$out"
mkdir -p "$out"

echo "== cargo build --release -p perf-ffi (and the Rust examples)"
cargo build --release -p perf-ffi || exit 1
cargo build --release -p perf-core --example extract --example values || exit 1
bash scripts/install-c.sh "$out/prefix" >/dev/null || exit 1
# Honour CARGO_TARGET_DIR and build.target-dir.
target=$(cargo metadata --format-version 1 --no-deps | grep -o '"target_directory":"[^"]*"' \
    | sed 's/.*:"\(.*\)"/\1/')
release=${target:-$root/target}/release
export PKG_CONFIG_PATH=$out/prefix/lib/pkgconfig

cflags=(-Wall -Wextra -Werror -std=c99 -pedantic)
static_libs=($(pkg-config --static --libs-only-l perf_ffi | sed 's/-lperf_ffi//'))
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full
    --errors-for-leak-kinds=definite,indirect)

passed=0
failed=0
exec 3>&1 # check's verdicts go to the terminal even when a step's stdout is redirected
check() { # check NAME COMMAND...: one counted step
    local name=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
        echo "ok   $name" >&3
    else
        failed=$((failed + 1))
        echo "FAIL $name" >&3
    fi
}

# The header alone: C99 and C11 pedantic, and C++ when a compiler is there.
header_c() { echo '#include "perf_ffi.h"' | cc "${cflags[@]}" "-std=$1" -I include -fsyntax-only -x c -; }
check "header compiles as C99" header_c c99
check "header compiles as C11" header_c c11
if command -v c++ >/dev/null 2>&1; then
    check "header compiles as C++" sh -c \
        "echo '#include \"perf_ffi.h\"' | c++ -Wall -Wextra -Werror -I include -fsyntax-only -x c++ -"
fi

# Tests: linked statically with the .a. Examples: linked dynamically
# through pkg-config (the SONAME'd .so, found by rpath).
for src in perf-ffi/tests/c/test_*.c; do
    bin=$out/$(basename "$src" .c)
    check "compile $src (static)" cc "${cflags[@]}" -I include -I perf-ffi/tests/c "$src" \
        "$release/libperf_ffi.a" "${static_libs[@]}" -o "$bin"
done
libdir=$(pkg-config --variable=libdir perf_ffi)
for src in examples/c/*.c; do
    bin=$out/$(basename "$src" .c)
    check "compile $src (pkg-config, shared)" sh -c \
        "cc ${cflags[*]} \$(pkg-config --cflags perf_ffi) '$src' \$(pkg-config --libs perf_ffi) -Wl,-rpath,'$libdir' -o '$bin'"
done

run_vg() { # run_vg LOG COMMAND...: run under valgrind, report its log on failure
    local log=$1
    shift
    if "${vg[@]}" --log-file="$log" "$@"; then
        return 0
    else
        local rc=$?
        [ "$rc" = 99 ] && { echo "valgrind found errors:"; cat "$log"; }
        return "$rc"
    fi
}

# The C tests, under valgrind.
corpus_doc=testdata/corpus/002_7ffc55b75e786c19.txt
for t in test_version test_errors test_values test_assess; do
    check "$t under valgrind" run_vg "$out/$t.vg" "$out/$t"
done
mkdir -p "$out/encodings"
iconv -f UTF-8 -t GB18030 "$corpus_doc" > "$out/encodings/gb18030.txt"
iconv -f UTF-8 -t UTF-16 "$corpus_doc" > "$out/encodings/utf16.txt" # with BOM
check "test_document under valgrind" run_vg "$out/test_document.vg" "$out/test_document" \
    "$corpus_doc" "$out/encodings/gb18030.txt"

# The extract example: same CSV bytes as the Rust example, per corpus file.
for f in testdata/corpus/*.txt; do
    name=$(basename "$f" .txt)
    "$release/examples/extract" "$f" --format csv > "$out/$name.rust.csv" 2> "$out/$name.rust.err"
    check "extract_csv $name under valgrind" run_vg "$out/$name.vg" "$out/extract_csv" "$f" \
        > "$out/$name.c.csv"
    check "extract_csv $name = Rust extract --format csv" \
        diff -u "$out/$name.rust.csv" "$out/$name.c.csv"
done

# Other encodings: the same rows as the UTF-8 file (all but the file
# column, which holds no comma), and the same bytes as the Rust example.
sed 's/^[^,]*,//' "$out/$(basename "$corpus_doc" .txt).c.csv" > "$out/encodings/utf8.rows"
for enc in gb18030 utf16; do
    f=$out/encodings/$enc.txt
    "$release/examples/extract" "$f" --format csv > "$out/encodings/$enc.rust.csv"
    check "extract_csv $enc under valgrind" run_vg "$out/encodings/$enc.vg" "$out/extract_csv" "$f" \
        > "$out/encodings/$enc.c.csv"
    check "extract_csv $enc = Rust extract --format csv" \
        diff -u "$out/encodings/$enc.rust.csv" "$out/encodings/$enc.c.csv"
    check "extract_csv $enc = the UTF-8 rows" sh -c \
        "sed 's/^[^,]*,//' '$out/encodings/$enc.c.csv' | diff -u '$out/encodings/utf8.rows' -"
done

# The values example: same JSON lines as the Rust example.
if [ -f testdata/values.txt ]; then
    "$release/examples/values" < testdata/values.txt > "$out/values.rust.jsonl"
    check "values under valgrind" sh -c \
        "$(printf '%q ' "${vg[@]}") --log-file='$out/values.vg' '$out/values' < testdata/values.txt > '$out/values.c.jsonl'"
    check "values = Rust values example (testdata/values.txt)" \
        diff -u "$out/values.rust.jsonl" "$out/values.c.jsonl"
else
    echo "skip values diff: testdata/values.txt is not there yet"
fi
# The struct view of the values example also runs clean.
check "values --fields under valgrind" sh -c \
    "printf '≥95 百分比\n每月 20 日前发放\n长期\n' | $(printf '%q ' "${vg[@]}") --log-file='$out/fields.vg' '$out/values' --fields > '$out/fields.txt'"

# The same tests once more under AddressSanitizer + UBSan (catches C-side
# misuse valgrind does not, such as reading a borrowed string past its end).
asan=(-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g)
if echo 'int main(void){return 0;}' | cc "${asan[@]}" -x c - -o "$out/asan-probe" 2>/dev/null; then
    for src in perf-ffi/tests/c/test_*.c examples/c/extract_csv.c; do
        bin=$out/asan-$(basename "$src" .c)
        check "compile $src (ASan+UBSan)" cc "${cflags[@]}" "${asan[@]}" -I include -I perf-ffi/tests/c \
            "$src" "$release/libperf_ffi.a" "${static_libs[@]}" -o "$bin"
    done
    for t in test_version test_errors test_values test_assess; do
        check "$t under ASan+UBSan" "$out/asan-$t"
    done
    check "test_document under ASan+UBSan" "$out/asan-test_document" "$corpus_doc" \
        "$out/encodings/gb18030.txt"
    check "extract_csv (all corpus files) under ASan+UBSan = Rust" sh -c \
        "'$out/asan-extract_csv' testdata/corpus/*.txt > '$out/all.c.csv' &&
         '$release/examples/extract' testdata/corpus/*.txt --format csv > '$out/all.rust.csv' &&
         diff -u '$out/all.rust.csv' '$out/all.c.csv'"
else
    echo "skip ASan+UBSan: this compiler cannot build with -fsanitize=address,undefined"
fi

echo "C: $passed passed, $failed failed"
[ "$failed" = 0 ]
