//! Fuzz target: one cell through the C entry points `perf_value_parse`,
//! `perf_value_get_info`, `perf_value_to_json`, `perf_value_parse_json`.
//! A caught panic (`PERF_ERR_PANIC`) counts as a crash: the boundary hides it
//! from C, not from us.
#![no_main]

use std::ptr;

use libfuzzer_sys::fuzz_target;
use perf_ffi::*;

fuzz_target!(|data: &[u8]| {
    let mut v: *mut perf_value = ptr::null_mut();
    let mut err: *mut perf_error = ptr::null_mut();
    // SAFETY: `data` is valid for its length; the out-params are locals.
    let st = unsafe { perf_value_parse(data.as_ptr(), data.len(), &mut v, &mut err) };
    assert_ne!(st, PERF_ERR_PANIC, "perf_value_parse panicked");
    if std::str::from_utf8(data).is_err() {
        assert_eq!(st, PERF_ERR_UTF8);
        assert!(v.is_null(), "out written on failure");
        assert!(!err.is_null());
        // SAFETY: a live error from perf, freed once.
        unsafe {
            let mut len = 0;
            assert!(!perf_error_message(err, &mut len).is_null() && len > 0);
            perf_error_free(err);
        }
        return;
    }
    assert_eq!(st, PERF_OK);
    assert!(err.is_null(), "error written on success");
    // SAFETY: `v` is a live value from perf_value_parse; its info and strings
    // live as long as it; every owned string is freed once.
    unsafe {
        let info = &*perf_value_get_info(v);
        let raw = std::slice::from_raw_parts(info.raw.ptr.cast::<u8>(), info.raw.len);
        assert_eq!(raw, data, "raw is not the cell as given");
        let (mut a, mut alen) = (ptr::null_mut(), 0usize);
        let (mut b, mut blen) = (ptr::null_mut(), 0usize);
        assert_eq!(perf_value_to_json(v, &mut a, &mut alen, ptr::null_mut()), PERF_OK);
        assert_eq!(
            perf_value_parse_json(data.as_ptr(), data.len(), &mut b, &mut blen, ptr::null_mut()),
            PERF_OK
        );
        let ja = std::slice::from_raw_parts(a.cast::<u8>(), alen);
        let jb = std::slice::from_raw_parts(b.cast::<u8>(), blen);
        assert_eq!(ja, jb, "to_json and parse_json disagree");
        let json: serde_json::Value = serde_json::from_slice(ja).expect("the C JSON parses");
        let text = std::str::from_utf8(data).expect("checked above");
        assert_eq!(json, serde_json::to_value(perf_core::Value::parse(text)).expect("json"));
        perf_string_free(a);
        perf_string_free(b);
        perf_value_free(v);
    }
});
