//! Gives the shared library an ABI-versioned SONAME on ELF platforms
//! (`libperf_ffi.so.1`), so a program linked today refuses to load a
//! library with a different ABI instead of crashing. The header is not
//! generated here: tests/header.rs keeps include/perf_ffi.h current.

/// Must equal `PERF_ABI_VERSION` in src/version.rs (a unit test checks it).
const ABI_VERSION: u32 = 1;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=PERF_FFI_BUILD_ABI_VERSION={ABI_VERSION}");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if matches!(
        os.as_str(),
        "linux" | "android" | "freebsd" | "netbsd" | "openbsd" | "dragonfly"
    ) {
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libperf_ffi.so.{ABI_VERSION}");
    }
}
