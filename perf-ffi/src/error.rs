//! `perf_error`: what went wrong, with a message that names the line.

use std::ffi::c_char;

use perf_core::{Error, ErrorKind};

use crate::status::*;
use crate::strings::{give, Text};

/// An error: a status code, the 1-based line it names (0 when it names
/// none) and a message.
///
/// Ownership: made by a fallible function when its `perf_error **err`
/// argument is not NULL and the call fails; the caller owns it and frees it
/// with `perf_error_free`. The message belongs to the error.
///
/// Thread safety: immutable; may be read from several threads at once, but
/// must not be freed while another thread reads it.
#[derive(Debug)]
pub struct perf_error {
    status: perf_status,
    line: u32,
    message: Text,
}

/// An error before it is handed to C.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: perf_status,
    pub(crate) line: u32,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: perf_status, line: u32, message: String) -> Failure {
        Failure {
            status,
            line,
            message,
        }
    }

    /// A required pointer argument was NULL.
    pub(crate) fn null(arg: &str) -> Failure {
        Failure::new(PERF_ERR_NULL, 0, format!("argument `{arg}` is NULL"))
    }

    pub(crate) fn internal(what: &str) -> Failure {
        Failure::new(
            PERF_ERR_INTERNAL,
            0,
            format!("internal error in perf: {what}"),
        )
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        let status = match e.kind {
            ErrorKind::InvalidUtf8 => PERF_ERR_UTF8,
            ErrorKind::Undecodable => PERF_ERR_ENCODING,
            _ => PERF_ERR_PARSE,
        };
        let message = match e.kind {
            // The byte offset tells a C caller where in its buffer to look.
            ErrorKind::InvalidUtf8 | ErrorKind::Undecodable => {
                format!("{e} (byte offset {})", e.offset)
            }
            _ => e.to_string(),
        };
        Failure::new(status, e.line, message)
    }
}

impl From<Failure> for perf_error {
    fn from(f: Failure) -> perf_error {
        perf_error {
            status: f.status,
            line: f.line,
            message: Text::new(&f.message),
        }
    }
}

/// The status code of the error (the same value the failing call returned).
/// Returns `PERF_OK` for NULL.
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `err` is NULL or a live error from perf.
#[no_mangle]
pub unsafe extern "C" fn perf_error_status(err: *const perf_error) -> perf_status {
    crate::boundary::guard(PERF_OK, || {
        // SAFETY: the caller guarantees `err` is NULL or live.
        unsafe { err.as_ref() }.map_or(PERF_OK, |e| e.status)
    })
}

/// The 1-based source line the error names, or 0 when it names none
/// (e.g. a NULL argument). Returns 0 for NULL.
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `err` is NULL or a live error from perf.
#[no_mangle]
pub unsafe extern "C" fn perf_error_line(err: *const perf_error) -> u32 {
    crate::boundary::guard(0, || {
        // SAFETY: the caller guarantees `err` is NULL or live.
        unsafe { err.as_ref() }.map_or(0, |e| e.line)
    })
}

/// The error message: NUL-terminated UTF-8 such as
/// `line 12: no performance table (绩效目标表 or 一级指标 header) was found`.
/// When `len` is not NULL the length in bytes (without the NUL) is written
/// there. Returns NULL for NULL.
///
/// Ownership: the message belongs to the error and lives until
/// `perf_error_free`.
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `err` is NULL or a live error from perf; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_error_message(
    err: *const perf_error,
    len: *mut usize,
) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || {
        // SAFETY: the caller guarantees `err` is NULL or live.
        let view =
            unsafe { err.as_ref() }.map_or(crate::strings::perf_str::NONE, |e| e.message.view());
        // SAFETY: the caller guarantees `len` is NULL or writable.
        unsafe { give(view, len) }
    })
}

/// Frees an error. NULL is accepted and ignored.
///
/// Thread safety: must not run while another thread uses `err`.
///
/// # Safety
/// `err` is NULL or an error from perf that was not freed yet.
#[no_mangle]
pub unsafe extern "C" fn perf_error_free(err: *mut perf_error) {
    crate::boundary::guard((), || {
        if !err.is_null() {
            // SAFETY: `err` came from `Box::into_raw` in `boundary::status`.
            drop(unsafe { Box::from_raw(err) });
        }
    })
}
