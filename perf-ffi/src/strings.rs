//! Strings handed to C: borrowed views into a handle, and owned JSON text.

use std::ffi::{c_char, CString};

/// A borrowed string: `ptr` points to `len` bytes of UTF-8 followed by a NUL
/// (the NUL is not counted in `len`). `ptr` is NULL when the field is absent.
///
/// Ownership: the bytes belong to the handle the view came from and stay
/// valid until that handle is freed. Do not free them. A string that itself
/// contains a U+0000 character is cut short when read as a C string; `len`
/// always covers the whole string.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct perf_str {
    /// NUL-terminated UTF-8, or NULL when absent.
    pub ptr: *const c_char,
    /// Length in bytes, not counting the NUL; 0 when `ptr` is NULL.
    pub len: usize,
}

impl perf_str {
    pub(crate) const NONE: perf_str = perf_str {
        ptr: std::ptr::null(),
        len: 0,
    };
}

/// Owned NUL-terminated text kept inside a handle. The bytes live on the heap,
/// so pointers into them stay valid when the `Text` itself moves.
#[derive(Debug)]
pub(crate) struct Text(Box<[u8]>);

impl Text {
    pub(crate) fn new(s: &str) -> Text {
        let mut v = Vec::with_capacity(s.len() + 1);
        v.extend_from_slice(s.as_bytes());
        v.push(0);
        Text(v.into_boxed_slice())
    }

    pub(crate) fn ptr(&self) -> *const c_char {
        self.0.as_ptr().cast()
    }

    /// Length without the NUL.
    pub(crate) fn len(&self) -> usize {
        self.0.len() - 1
    }

    pub(crate) fn view(&self) -> perf_str {
        perf_str {
            ptr: self.ptr(),
            len: self.len(),
        }
    }
}

/// Optional owned text: `None` is handed out as NULL.
#[derive(Debug, Default)]
pub(crate) struct OptText(Option<Text>);

impl OptText {
    pub(crate) fn new(s: Option<&str>) -> OptText {
        OptText(s.map(Text::new))
    }

    pub(crate) fn view(&self) -> perf_str {
        self.0.as_ref().map_or(perf_str::NONE, Text::view)
    }
}

/// Hands a borrowed string to C: returns its pointer and, when `len` is not
/// NULL, writes its length there (0 for an absent string).
///
/// # Safety
/// `len` must be NULL or valid for one `size_t` write.
pub(crate) unsafe fn give(s: perf_str, len: *mut usize) -> *const c_char {
    if !len.is_null() {
        // SAFETY: the caller guarantees `len` is writable.
        unsafe { *len = s.len };
    }
    s.ptr
}

/// Turns JSON text into an owned C string for `perf_string_free`. JSON never
/// holds a raw NUL (serde_json escapes U+0000), so this fails only on a bug.
pub(crate) fn owned_c_string(s: String) -> Option<(*mut c_char, usize)> {
    let len = s.len();
    CString::new(s).ok().map(|c| (c.into_raw(), len))
}

/// Frees a string that perf returned as owned (`char *`), e.g. by
/// `perf_value_to_json` or `perf_document_to_json`.
///
/// NULL is accepted and ignored. Passing a pointer that perf did not return
/// as owned, or freeing twice, is undefined behaviour.
///
/// Thread safety: the string must not be used by another thread meanwhile.
///
/// # Safety
/// `s` is NULL or a string returned as owned by perf and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn perf_string_free(s: *mut c_char) {
    crate::boundary::guard((), || {
        if !s.is_null() {
            // SAFETY: `s` came from `CString::into_raw` in `owned_c_string`
            // and holds no interior NUL, so its length is found again.
            drop(unsafe { CString::from_raw(s) });
        }
    })
}
