//! Versions: the library version and the ABI version.

use std::ffi::c_char;

/// The ABI version this header describes. `perf_abi_version()` returns the
/// version of the library actually linked; a program should check that they
/// are equal at start-up. Within one ABI version every change is additive
/// (new functions, new enum values, fields appended to structs perf
/// allocates); anything else raises it.
pub const PERF_ABI_VERSION: u32 = 1;

/// The library version (`"0.1.0"`), a static NUL-terminated string.
///
/// Ownership: static; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_version() -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || {
        concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
    })
}

/// The ABI version of the linked library; equals `PERF_ABI_VERSION` of the
/// header it was built with.
///
/// Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_abi_version() -> u32 {
    crate::boundary::guard(PERF_ABI_VERSION, || PERF_ABI_VERSION)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abi_version_is_the_soname_version() {
        let built: u32 = env!("PERF_FFI_BUILD_ABI_VERSION").parse().unwrap();
        assert_eq!(
            built, PERF_ABI_VERSION,
            "build.rs ABI_VERSION (the SONAME) must equal PERF_ABI_VERSION"
        );
        assert_eq!(perf_abi_version(), PERF_ABI_VERSION);
    }

    #[test]
    fn version_is_the_crate_version() {
        // SAFETY: static NUL-terminated string.
        let v = unsafe { std::ffi::CStr::from_ptr(perf_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
