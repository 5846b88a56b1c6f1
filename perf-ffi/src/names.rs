//! The enumerations of the ABI and their static names.
//!
//! Every enumeration is a fixed-width `int32_t` in C; 0 always means
//! "none / not applicable". Values are never reused.

use std::ffi::c_char;

use perf_core::value::Grade;
use perf_core::{Comparator, Dimension, Kind, Note, Recurrence, Severity};

/// The kind of a value (SPEC §2).
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum perf_kind {
    None = 0,
    /// A comparator, an exact number and a unit: `≥95 百分比`.
    Quantity = 1,
    /// Low and high bounds and a unit: `90%-95%`.
    Range = 2,
    /// A deadline: `≤11月`, `每月20日前发放`.
    Time = 3,
    /// A normalised term from the lexicon: `长期`, `满意`.
    Qualitative = 4,
    /// A free description, kept verbatim in `raw`.
    Text = 5,
    /// Nothing stated: ``, `/`, `—`, `无`.
    Empty = 6,
}

/// A comparator. Values 1–5 equal the 计算符号 codes of 预算管理一体化
/// systems (`cmp_code`); 6 is skipped because that code means 定性.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum perf_cmp {
    /// No comparator (qualitative, text and empty values).
    None = 0,
    /// `>=`: ≥, 大于等于, 不低于, 不少于, …以上, 至少
    Ge = 1,
    /// `>`: 大于, 超过
    Gt = 2,
    /// `=`: =, ＝, or nothing written
    Eq = 3,
    /// `<`: 小于, 低于
    Lt = 4,
    /// `<=`: ≤, 小于等于, 不高于, 不超过, …以内, …以下, 前
    Le = 5,
    /// `~`: 约, 左右, 预计
    Approx = 7,
}

/// What a unit measures.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum perf_dimension {
    /// The value has no unit (not a quantity or range).
    None = 0,
    Currency = 1,
    Count = 2,
    Percent = 3,
    Duration = 4,
    Area = 5,
    Length = 6,
    Volume = 7,
    Mass = 8,
    Other = 9,
}

/// How often a deadline recurs.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum perf_recurrence {
    None = 0,
    /// 每月
    Monthly = 1,
    /// 每季度
    Quarterly = 2,
    /// 每年
    Yearly = 3,
}

/// How a qualitative term rates, where one applies.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum perf_grade {
    None = 0,
    /// 优, 好, 显著, 满意, 达标, 合格 …
    Positive = 1,
    /// 良好, 较好, 基本满意 …
    Middling = 2,
    /// 差, 不合格, 否 …
    Negative = 3,
}

/// How bad a diagnostic is.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum perf_severity {
    None = 0,
    Info = 1,
    Warning = 2,
    Error = 3,
}

/// Note bit: the cell is garbled and kept literally (`4000 个/元`).
pub const PERF_NOTE_GARBLED_CELL: u32 = 1;
/// Note bit: a comparator and unit without a number (`>=%`).
pub const PERF_NOTE_NUMBER_MISSING: u32 = 1 << 1;
/// Note bit: a period (`2021年1-12月`); the value is its end.
pub const PERF_NOTE_PERIOD: u32 = 1 << 2;
/// Note bit: the unit is not in the unit table (dimension `other`).
pub const PERF_NOTE_UNKNOWN_UNIT: u32 = 1 << 3;
/// Note bit: the number does not fit an exact decimal.
pub const PERF_NOTE_NUMBER_OVERFLOW: u32 = 1 << 4;
/// Note bit: a date field is out of range (`13月`).
pub const PERF_NOTE_INVALID_DATE: u32 = 1 << 5;
/// Note bit: the cell holds more than one value; the first is parsed.
pub const PERF_NOTE_MULTIPLE_VALUES: u32 = 1 << 6;
/// Note bit: the cell has a number but no rule placed it.
pub const PERF_NOTE_UNCLASSIFIED: u32 = 1 << 7;
/// Note bit: a note this version of the ABI has no bit for (see the JSON).
pub const PERF_NOTE_OTHER: u32 = 0x8000_0000;

impl From<Kind> for perf_kind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Quantity => perf_kind::Quantity,
            Kind::Range => perf_kind::Range,
            Kind::Time => perf_kind::Time,
            Kind::Qualitative => perf_kind::Qualitative,
            Kind::Text => perf_kind::Text,
            Kind::Empty => perf_kind::Empty,
        }
    }
}

impl From<Option<Comparator>> for perf_cmp {
    fn from(c: Option<Comparator>) -> Self {
        match c {
            None => perf_cmp::None,
            Some(Comparator::Ge) => perf_cmp::Ge,
            Some(Comparator::Gt) => perf_cmp::Gt,
            Some(Comparator::Eq) => perf_cmp::Eq,
            Some(Comparator::Lt) => perf_cmp::Lt,
            Some(Comparator::Le) => perf_cmp::Le,
            Some(Comparator::Approx) => perf_cmp::Approx,
        }
    }
}

impl From<Dimension> for perf_dimension {
    fn from(d: Dimension) -> Self {
        match d {
            Dimension::Currency => perf_dimension::Currency,
            Dimension::Count => perf_dimension::Count,
            Dimension::Percent => perf_dimension::Percent,
            Dimension::Duration => perf_dimension::Duration,
            Dimension::Area => perf_dimension::Area,
            Dimension::Length => perf_dimension::Length,
            Dimension::Volume => perf_dimension::Volume,
            Dimension::Mass => perf_dimension::Mass,
            _ => perf_dimension::Other,
        }
    }
}

impl From<Option<Recurrence>> for perf_recurrence {
    fn from(r: Option<Recurrence>) -> Self {
        match r {
            None => perf_recurrence::None,
            Some(Recurrence::Monthly) => perf_recurrence::Monthly,
            Some(Recurrence::Quarterly) => perf_recurrence::Quarterly,
            Some(Recurrence::Yearly) => perf_recurrence::Yearly,
        }
    }
}

impl From<Option<Grade>> for perf_grade {
    fn from(g: Option<Grade>) -> Self {
        match g {
            None => perf_grade::None,
            Some(Grade::Positive) => perf_grade::Positive,
            Some(Grade::Middling) => perf_grade::Middling,
            Some(Grade::Negative) => perf_grade::Negative,
        }
    }
}

impl From<Severity> for perf_severity {
    fn from(s: Severity) -> Self {
        match s {
            Severity::Info => perf_severity::Info,
            Severity::Warning => perf_severity::Warning,
            Severity::Error => perf_severity::Error,
        }
    }
}

/// The note bit of a note.
pub(crate) fn note_bit(n: Note) -> u32 {
    match n {
        Note::GarbledCell => PERF_NOTE_GARBLED_CELL,
        Note::NumberMissing => PERF_NOTE_NUMBER_MISSING,
        Note::Period => PERF_NOTE_PERIOD,
        Note::UnknownUnit => PERF_NOTE_UNKNOWN_UNIT,
        Note::NumberOverflow => PERF_NOTE_NUMBER_OVERFLOW,
        Note::InvalidDate => PERF_NOTE_INVALID_DATE,
        Note::MultipleValues => PERF_NOTE_MULTIPLE_VALUES,
        Note::Unclassified => PERF_NOTE_UNCLASSIFIED,
        _ => PERF_NOTE_OTHER,
    }
}

/// A static NUL-terminated name.
macro_rules! cstr {
    ($s:expr) => {
        concat!($s, "\0").as_ptr().cast::<c_char>()
    };
}

/// The name of a status code (`"PERF_ERR_NULL"`), or NULL for an unknown code.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_status_name(status: i32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || match status {
        0 => cstr!("PERF_OK"),
        1 => cstr!("PERF_ERR_NULL"),
        2 => cstr!("PERF_ERR_UTF8"),
        3 => cstr!("PERF_ERR_PARSE"),
        4 => cstr!("PERF_ERR_PANIC"),
        5 => cstr!("PERF_ERR_ENCODING"),
        6 => cstr!("PERF_ERR_INVALID_ARGUMENT"),
        7 => cstr!("PERF_ERR_INTERNAL"),
        _ => std::ptr::null(),
    })
}

/// The JSON name of a kind (`"quantity"`, …), or NULL for 0 or an unknown code.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_kind_name(kind: i32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || match kind {
        1 => cstr!("quantity"),
        2 => cstr!("range"),
        3 => cstr!("time"),
        4 => cstr!("qualitative"),
        5 => cstr!("text"),
        6 => cstr!("empty"),
        _ => std::ptr::null(),
    })
}

/// The JSON spelling of a comparator (`">="`, `">"`, `"="`, `"<"`, `"<="`,
/// `"~"`), or NULL for 0 or an unknown code.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_cmp_name(cmp: i32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || match cmp {
        1 => cstr!(">="),
        2 => cstr!(">"),
        3 => cstr!("="),
        4 => cstr!("<"),
        5 => cstr!("<="),
        7 => cstr!("~"),
        _ => std::ptr::null(),
    })
}

/// The JSON name of a dimension (`"currency"`, …), or NULL for 0 or an
/// unknown code.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_dimension_name(dimension: i32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || match dimension {
        1 => cstr!("currency"),
        2 => cstr!("count"),
        3 => cstr!("percent"),
        4 => cstr!("duration"),
        5 => cstr!("area"),
        6 => cstr!("length"),
        7 => cstr!("volume"),
        8 => cstr!("mass"),
        9 => cstr!("other"),
        _ => std::ptr::null(),
    })
}

/// The JSON name of a recurrence (`"monthly"`, `"quarterly"`, `"yearly"`),
/// or NULL for 0 or an unknown code.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_recurrence_name(recurrence: i32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || match recurrence {
        1 => cstr!("monthly"),
        2 => cstr!("quarterly"),
        3 => cstr!("yearly"),
        _ => std::ptr::null(),
    })
}

/// The JSON name of a grade (`"positive"`, `"middling"`, `"negative"`), or
/// NULL for 0 or an unknown code.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_grade_name(grade: i32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || match grade {
        1 => cstr!("positive"),
        2 => cstr!("middling"),
        3 => cstr!("negative"),
        _ => std::ptr::null(),
    })
}

/// The JSON name of a severity (`"info"`, `"warning"`, `"error"`), or NULL
/// for 0 or an unknown code.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_severity_name(severity: i32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || match severity {
        1 => cstr!("info"),
        2 => cstr!("warning"),
        3 => cstr!("error"),
        _ => std::ptr::null(),
    })
}

/// The JSON text of one note bit (`PERF_NOTE_GARBLED_CELL` → `"garbled cell"`),
/// or NULL when `bit` is not exactly one known note bit.
///
/// Ownership: a static string; never free it. Thread safety: any thread.
#[no_mangle]
pub extern "C" fn perf_note_name(bit: u32) -> *const c_char {
    crate::boundary::guard(std::ptr::null(), || {
        let note = match bit {
            PERF_NOTE_GARBLED_CELL => Note::GarbledCell,
            PERF_NOTE_NUMBER_MISSING => Note::NumberMissing,
            PERF_NOTE_PERIOD => Note::Period,
            PERF_NOTE_UNKNOWN_UNIT => Note::UnknownUnit,
            PERF_NOTE_NUMBER_OVERFLOW => Note::NumberOverflow,
            PERF_NOTE_INVALID_DATE => Note::InvalidDate,
            PERF_NOTE_MULTIPLE_VALUES => Note::MultipleValues,
            PERF_NOTE_UNCLASSIFIED => Note::Unclassified,
            _ => return std::ptr::null(),
        };
        note_cstr(note)
    })
}

fn note_cstr(n: Note) -> *const c_char {
    match n {
        Note::GarbledCell => cstr!("garbled cell"),
        Note::NumberMissing => cstr!("number missing"),
        Note::Period => cstr!("period"),
        Note::UnknownUnit => cstr!("unknown unit"),
        Note::NumberOverflow => cstr!("number overflow"),
        Note::InvalidDate => cstr!("invalid date"),
        Note::MultipleValues => cstr!("multiple values"),
        Note::Unclassified => cstr!("unclassified"),
        _ => std::ptr::null(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::PERF_ERR_PANIC;
    use std::ffi::CStr;

    fn s(p: *const c_char) -> &'static str {
        assert!(!p.is_null());
        // SAFETY: the name functions return static NUL-terminated strings.
        unsafe { CStr::from_ptr(p) }.to_str().unwrap()
    }

    #[test]
    fn names_match_the_core_json_names() {
        for k in [
            Kind::Quantity,
            Kind::Range,
            Kind::Time,
            Kind::Qualitative,
            Kind::Text,
            Kind::Empty,
        ] {
            assert_eq!(s(perf_kind_name(perf_kind::from(k) as i32)), k.as_str());
        }
        for c in [
            Comparator::Ge,
            Comparator::Gt,
            Comparator::Eq,
            Comparator::Lt,
            Comparator::Le,
            Comparator::Approx,
        ] {
            let code = perf_cmp::from(Some(c)) as i32;
            assert_eq!(s(perf_cmp_name(code)), c.as_str());
            if let Some(k) = c.code() {
                assert_eq!(code, i32::from(k), "{c:?} equals its 计算符号 code");
            }
        }
        for d in [
            Dimension::Currency,
            Dimension::Count,
            Dimension::Percent,
            Dimension::Duration,
            Dimension::Area,
            Dimension::Length,
            Dimension::Volume,
            Dimension::Mass,
            Dimension::Other,
        ] {
            assert_eq!(
                s(perf_dimension_name(perf_dimension::from(d) as i32)),
                d.as_str()
            );
        }
        for r in [
            Recurrence::Monthly,
            Recurrence::Quarterly,
            Recurrence::Yearly,
        ] {
            assert_eq!(
                s(perf_recurrence_name(perf_recurrence::from(Some(r)) as i32)),
                r.as_str()
            );
        }
        for g in [Grade::Positive, Grade::Middling, Grade::Negative] {
            assert_eq!(
                s(perf_grade_name(perf_grade::from(Some(g)) as i32)),
                g.as_str()
            );
        }
        for v in [Severity::Info, Severity::Warning, Severity::Error] {
            assert_eq!(
                s(perf_severity_name(perf_severity::from(v) as i32)),
                v.as_str()
            );
        }
        for n in [
            Note::GarbledCell,
            Note::NumberMissing,
            Note::Period,
            Note::UnknownUnit,
            Note::NumberOverflow,
            Note::InvalidDate,
            Note::MultipleValues,
            Note::Unclassified,
        ] {
            let bit = note_bit(n);
            assert_eq!(bit.count_ones(), 1);
            assert_eq!(s(perf_note_name(bit)), n.as_str());
        }
    }

    #[test]
    fn unknown_codes_have_no_name() {
        assert!(perf_kind_name(0).is_null());
        assert!(perf_kind_name(99).is_null());
        assert!(perf_cmp_name(6).is_null(), "6 is 定性, not a comparator");
        assert!(perf_dimension_name(-1).is_null());
        assert!(perf_note_name(PERF_NOTE_OTHER).is_null());
        assert!(perf_note_name(PERF_NOTE_PERIOD | PERF_NOTE_GARBLED_CELL).is_null());
        assert!(perf_status_name(8).is_null());
        assert_eq!(s(perf_status_name(PERF_ERR_PANIC)), "PERF_ERR_PANIC");
    }
}
