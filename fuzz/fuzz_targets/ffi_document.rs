//! Fuzz target: a whole document through the C entry points
//! `perf_document_parse` (walking every accessor) and
//! `perf_document_parse_json`. A caught panic (`PERF_ERR_PANIC`) counts as a
//! crash.
#![no_main]

use std::ptr;

use libfuzzer_sys::fuzz_target;
use perf_ffi::*;

/// Reads a `(ptr, len)` string the way C would, touching every byte.
unsafe fn text(p: *const std::os::raw::c_char, len: usize) -> Option<String> {
    if p.is_null() {
        return None;
    }
    // SAFETY: perf returns `len` valid bytes followed by a NUL.
    let bytes = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), len + 1) };
    assert_eq!(bytes[len], 0, "not NUL-terminated");
    Some(String::from_utf8(bytes[..len].to_vec()).expect("perf strings are UTF-8"))
}

unsafe fn walk_indicator(ind: *const perf_indicator) {
    assert!(!ind.is_null());
    let mut n = 0;
    // SAFETY: `ind` is live while its document is.
    unsafe {
        for f in [
            perf_indicator_level1,
            perf_indicator_level2,
            perf_indicator_level3,
            perf_indicator_description,
            perf_indicator_basis,
            perf_indicator_scoring,
        ] {
            let _ = text(f(ind, &mut n), n);
        }
        assert!(perf_indicator_line(ind) >= 1);
        let info = &*perf_value_get_info(perf_indicator_value(ind));
        assert!(text(info.raw.ptr, info.raw.len).is_some(), "raw is NULL");
    }
}

fuzz_target!(|data: &[u8]| {
    let mut doc: *mut perf_document = ptr::null_mut();
    let mut err: *mut perf_error = ptr::null_mut();
    let (mut json, mut jlen) = (ptr::null_mut(), 0usize);
    let mut err2: *mut perf_error = ptr::null_mut();
    // SAFETY: `data` is valid for its length; out-params are locals; every
    // handle and string is freed exactly once below.
    unsafe {
        let st = perf_document_parse(data.as_ptr(), data.len(), &mut doc, &mut err);
        let st2 = perf_document_parse_json(data.as_ptr(), data.len(), &mut json, &mut jlen, &mut err2);
        assert_ne!(st, PERF_ERR_PANIC, "perf_document_parse panicked");
        assert_ne!(st2, PERF_ERR_PANIC, "perf_document_parse_json panicked");
        assert_eq!(st, st2, "the handle and JSON entry points disagree");
        let rust = perf_core::Document::parse_bytes(data);
        if st == PERF_OK {
            let doc_ref = doc;
            let mut n = 0;
            assert!(text(perf_document_encoding(doc_ref, &mut n), n).is_some());
            for p in 0..perf_document_project_count(doc_ref) {
                let pr = perf_document_project(doc_ref, p);
                assert!(!pr.is_null());
                for f in [perf_project_code, perf_project_name, perf_project_unit_name, perf_project_amount_unit] {
                    let _ = text(f(pr, &mut n), n);
                }
                for i in 0..perf_project_goal_count(pr) {
                    assert!(text(perf_project_goal(pr, i, &mut n), n).is_some());
                }
                for i in 0..perf_project_plan_count(pr) {
                    let m = perf_project_plan_month(pr, i);
                    assert!((1..=12).contains(&m), "plan month {m}");
                }
                for i in 0..perf_project_indicator_count(pr) {
                    walk_indicator(perf_project_indicator(pr, i));
                }
                assert!(perf_project_indicator(pr, perf_project_indicator_count(pr)).is_null());
            }
            for i in 0..perf_document_department_indicator_count(doc_ref) {
                walk_indicator(perf_document_department_indicator(doc_ref, i));
            }
            for i in 0..perf_document_diagnostic_count(doc_ref) {
                let d = perf_document_diagnostic(doc_ref, i);
                assert!(text(perf_diagnostic_code(d, &mut n), n).is_some());
                let _ = text(perf_diagnostic_message(d, &mut n), n);
            }
            // The C JSON is the Rust document's JSON.
            let bytes = std::slice::from_raw_parts(json.cast::<u8>(), jlen);
            let c_json: serde_json::Value = serde_json::from_slice(bytes).expect("the C JSON parses");
            let doc_rust = rust.expect("C read it, Rust must too");
            assert_eq!(c_json, serde_json::to_value(&doc_rust).expect("json"));
            perf_document_free(doc);
        } else {
            assert!(doc.is_null() && json.is_null(), "out written on failure");
            let mut n = 0;
            assert!(!perf_error_message(err, &mut n).is_null() && n > 0);
            if st == PERF_ERR_PARSE || st == PERF_ERR_ENCODING {
                let e = rust.expect_err("C failed, Rust must too");
                assert_eq!(perf_error_line(err), e.line, "C and Rust name other lines");
            }
            perf_error_free(err);
            perf_error_free(err2);
        }
        perf_string_free(json);
    }
});
