//! The status codes every fallible function returns.

/// The result of every fallible function: one of the `PERF_OK` /
/// `PERF_ERR_*` codes (fixed width: `int32_t`).
///
/// Codes are never reused: a retired code stays reserved, and new codes are
/// only ever appended. Treat any unknown non-zero code as a failure.
pub type perf_status = i32;

/// Success: the outputs were written.
pub const PERF_OK: perf_status = 0;
/// A required pointer argument was NULL.
pub const PERF_ERR_NULL: perf_status = 1;
/// The input is not valid UTF-8 (a value cell must be UTF-8).
pub const PERF_ERR_UTF8: perf_status = 2;
/// The document could not be read; the error names the line.
pub const PERF_ERR_PARSE: perf_status = 3;
/// perf hit an internal bug (a Rust panic was caught at the boundary). The
/// call had no effect; please report it with the input.
pub const PERF_ERR_PANIC: perf_status = 4;
/// The bytes are not text in any supported encoding.
pub const PERF_ERR_ENCODING: perf_status = 5;
/// An argument is out of range (e.g. a length above `PTRDIFF_MAX`).
pub const PERF_ERR_INVALID_ARGUMENT: perf_status = 6;
/// An internal step failed without a panic (e.g. JSON serialisation).
pub const PERF_ERR_INTERNAL: perf_status = 7;
