//! The one boundary every exported body runs inside.
//!
//! [`status`] is for fallible functions (returns a `perf_status`, fills the
//! optional `perf_error **`), [`guard`] for accessors that return a value.
//! Both catch panics: nothing unwinds into C.

use std::any::Any;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::{perf_error, Failure};
use crate::status::*;

/// Runs a fallible body. On success returns `PERF_OK`; on failure or panic
/// returns the status and, when `err` is not NULL, stores a new error there.
pub(crate) fn status(
    err: *mut *mut perf_error,
    body: impl FnOnce() -> Result<(), Failure>,
) -> perf_status {
    let failure = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return PERF_OK,
        Ok(Err(failure)) => failure,
        Err(payload) => panic_failure(payload),
    };
    let code = failure.status;
    if !err.is_null() {
        // Building the error allocates and formats nothing that can panic
        // beyond allocation failure, which aborts rather than unwinds.
        let boxed = Box::into_raw(Box::new(perf_error::from(failure)));
        // SAFETY: the caller guarantees `err` is NULL or writable.
        unsafe { *err = boxed };
    }
    code
}

/// Runs an accessor body; a panic yields `fallback`.
pub(crate) fn guard<T>(fallback: T, body: impl FnOnce() -> T) -> T {
    catch_unwind(AssertUnwindSafe(body)).unwrap_or(fallback)
}

fn panic_failure(payload: Box<dyn Any + Send>) -> Failure {
    let what = if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_owned()
    };
    Failure::new(
        PERF_ERR_PANIC,
        0,
        format!("internal error in perf (please report it with the input): {what}"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{perf_error_free, perf_error_line, perf_error_message, perf_error_status};

    #[test]
    fn a_panic_becomes_perf_err_panic_with_an_error() {
        let mut err: *mut perf_error = std::ptr::null_mut();
        let code = status(&mut err, || panic!("boom"));
        assert_eq!(code, PERF_ERR_PANIC);
        assert!(!err.is_null());
        // SAFETY: `err` was just made by `status`.
        unsafe {
            assert_eq!(perf_error_status(err), PERF_ERR_PANIC);
            assert_eq!(perf_error_line(err), 0);
            let mut len = 0;
            let msg = std::ffi::CStr::from_ptr(perf_error_message(err, &mut len));
            let msg = msg.to_str().unwrap();
            assert_eq!(len, msg.len());
            assert!(msg.ends_with(": boom"), "{msg}");
            perf_error_free(err);
        }
    }

    #[test]
    fn a_panic_without_an_error_slot_still_returns_the_status() {
        assert_eq!(
            status(std::ptr::null_mut(), || panic!("boom")),
            PERF_ERR_PANIC
        );
        assert_eq!(guard(7, || panic!("boom")), 7);
    }

    #[test]
    fn success_leaves_the_error_slot_untouched() {
        let mut err: *mut perf_error = std::ptr::null_mut();
        assert_eq!(status(&mut err, || Ok(())), PERF_OK);
        assert!(err.is_null());
    }
}
