//! perf-core: read Chinese budget performance documents (部门预算绩效文本,
//! 项目支出绩效目标表) into typed, exact data.
//!
//! ```
//! use perf_core::Value;
//! let v = Value::parse("≥95 百分比");
//! assert_eq!(v.raw, "≥95 百分比");
//! ```
#![forbid(unsafe_code)]

pub mod assess;
pub mod check;
pub mod decode;
pub mod document;
pub mod error;
mod find;

/// A fixed-seed number generator for tests that compare a fast rule with
/// a plain one on generated text: each call gives a number below `n` (the
/// upper bits of a 64-bit LCG), the same on every run and machine.
#[cfg(test)]
pub(crate) fn seeded(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    }
}
pub mod value;

pub use assess::{assess, Assessment};
pub use document::{Diagnostic, Document, Indicator, Layout, Project, Severity};
pub use error::{Error, ErrorKind};
pub use value::{
    Body, Comparator, Deadline, Dimension, Kind, Note, Notes, Recurrence, Scale, Term, Unit, Value,
};
