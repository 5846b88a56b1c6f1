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
pub mod value;

pub use assess::{assess, Assessment};
pub use document::{Diagnostic, Document, Indicator, Layout, Project, Severity};
pub use error::{Error, ErrorKind};
pub use value::{
    Body, Comparator, Deadline, Dimension, Kind, Note, Notes, Recurrence, Scale, Term, Unit, Value,
};
