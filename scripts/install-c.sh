#!/usr/bin/env bash
# Installs the C library of perf into PREFIX (default /usr/local):
#   PREFIX/include/perf_ffi.h
#   PREFIX/lib/libperf_ffi.a
#   PREFIX/lib/libperf_ffi.so.<ABI>   (SONAME) and the link libperf_ffi.so
#   PREFIX/lib/pkgconfig/perf_ffi.pc
# Usage: bash scripts/install-c.sh [PREFIX]
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:-/usr/local}
cargo build --release -p perf-ffi
# Honour CARGO_TARGET_DIR and build.target-dir.
target=$(cargo metadata --format-version 1 --no-deps | grep -o '"target_directory":"[^"]*"' \
    | sed 's/.*:"\(.*\)"/\1/')
release=${target:-target}/release
abi=$(sed -n 's/^#define PERF_ABI_VERSION \([0-9]*\)$/\1/p' include/perf_ffi.h)
version=$(sed -n 's/^#define PERF_VERSION "\(.*\)"$/\1/p' include/perf_ffi.h)
[ -n "$abi" ] && [ -n "$version" ] || { echo "include/perf_ffi.h has no version macros" >&2; exit 1; }
# The system libraries a static link needs, as rustc reports them.
native=$(cargo rustc --release -p perf-ffi --crate-type staticlib -- --print native-static-libs 2>&1 \
    | sed -n 's/.*native-static-libs: //p' | tail -n1)
[ -n "$native" ] || native="-lpthread -ldl -lm"
mkdir -p "$prefix/include" "$prefix/lib/pkgconfig"
install -m 644 include/perf_ffi.h "$prefix/include/perf_ffi.h"
install -m 644 "$release/libperf_ffi.a" "$prefix/lib/libperf_ffi.a"
case "$(uname -s)" in
    Darwin)
        install -m 755 "$release/libperf_ffi.dylib" "$prefix/lib/libperf_ffi.dylib" ;;
    *)
        install -m 755 "$release/libperf_ffi.so" "$prefix/lib/libperf_ffi.so.$abi"
        ln -sf "libperf_ffi.so.$abi" "$prefix/lib/libperf_ffi.so" ;;
esac
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" -e "s|@NATIVE_LIBS@|$native|" \
    perf-ffi/perf_ffi.pc.in > "$prefix/lib/pkgconfig/perf_ffi.pc"
echo "installed perf_ffi $version (ABI $abi) into $prefix"
