//! The C ABI of perf (`libperf_ffi`, header `include/perf_ffi.h`).
//!
//! The header is generated from this crate by cbindgen and checked in; the
//! doc comments here are the header's documentation, so they are written for
//! C readers. `tests/header.rs` fails when the checked-in header is stale
//! (`PERF_UPDATE_HEADER=1 cargo test -p perf-ffi --test header` rewrites it).
//!
//! Rules that hold for every function (stated once in the header too):
//! - every exported body runs inside the `boundary` module: a Rust panic never
//!   crosses into C, it becomes `PERF_ERR_PANIC`;
//! - inputs are `(const uint8_t *, size_t)` pairs, never NUL-terminated;
//!   NULL pointers and invalid UTF-8 are errors, not crashes;
//! - outputs are written only on success; errors go to an optional
//!   `perf_error **` out-param;
//! - no global mutable state: handles are immutable once made.
#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]

mod boundary;
pub mod document;
pub mod error;
pub mod names;
pub mod status;
pub mod strings;
pub mod value;
pub mod version;

pub use document::*;
pub use error::*;
pub use names::*;
pub use status::*;
pub use strings::*;
pub use value::*;
pub use version::*;
