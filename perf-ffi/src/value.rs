//! One parsed 指标值 cell: `perf_value` (opaque) and `perf_value_info`
//! (a plain C struct of its fields).

use std::ffi::c_char;

use perf_core::Value;
use rust_decimal::Decimal;

use crate::boundary;
use crate::error::{perf_error, Failure};
use crate::names::{note_bit, perf_cmp, perf_dimension, perf_grade, perf_kind, perf_recurrence};
use crate::status::*;
use crate::strings::{owned_c_string, perf_str, Text};

/// An exact decimal laid out like C# `decimal`: the magnitude is the 96-bit
/// integer `hi:mid:lo` divided by 10^`scale` (`scale` 0–28), negated when
/// `negative` is 1. In C#: `new decimal((int)lo, (int)mid, (int)hi,
/// negative != 0, (byte)scale)`.
///
/// perf hands out decimals normalised (trailing zeros removed: `95.00` is
/// `{lo = 95, scale = 0}`), the same number the decimal string shows.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct perf_decimal {
    pub lo: u32,
    pub mid: u32,
    pub hi: u32,
    /// Power of ten the integer is divided by, 0–28.
    pub scale: u32,
    /// 1 for a negative number, else 0.
    pub negative: u32,
}

impl From<Decimal> for perf_decimal {
    fn from(d: Decimal) -> Self {
        let d = d.normalize();
        let m = d.mantissa();
        let u = m.unsigned_abs();
        perf_decimal {
            lo: u as u32,
            mid: (u >> 32) as u32,
            hi: (u >> 64) as u32,
            scale: d.scale(),
            negative: u32::from(m < 0),
        }
    }
}

/// An optional exact number: the decimal string (`"43500"`, `"0.04193"`,
/// trailing zeros removed, as in the JSON) and the same number as a
/// `perf_decimal`. When `present` is 0 the number is absent: `text.ptr` is
/// NULL and `value` is all zeros.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct perf_number {
    pub text: perf_str,
    pub value: perf_decimal,
    /// 1 when the number is present, else 0.
    pub present: i32,
}

impl perf_number {
    pub(crate) const NONE: perf_number = perf_number {
        text: perf_str::NONE,
        value: perf_decimal {
            lo: 0,
            mid: 0,
            hi: 0,
            scale: 0,
            negative: 0,
        },
        present: 0,
    };
}

/// The fields of one parsed value, as a plain C struct.
///
/// Which fields are set depends on `kind` (absent strings have a NULL
/// `ptr`, absent numbers `present == 0`, absent codes 0):
/// - quantity: `cmp`, `cmp_written`, `cmp_code`, `number`, `base_number`,
///   `unit`, `base_unit`, `dimension`, `qualifier`;
/// - range: `cmp` (`=`), `cmp_code`, `low`, `high`, `base_low`, `base_high`,
///   `unit`, `base_unit`, `dimension`, `qualifier`;
/// - time: `cmp`, `cmp_written`, `cmp_code`, the deadline fields, `qualifier`;
/// - qualitative: `cmp_code` (6), `term`, `grade`;
/// - text: `cmp_code` (6); empty: nothing but `raw`.
///
/// `raw` (the cell as given) and `notes` are set for every kind.
///
/// Ownership: the struct and its strings belong to the `perf_value` it came
/// from (or to that value's document) and live as long as it. Only read it
/// through the pointer perf gives: later versions with the same
/// `PERF_ABI_VERSION` may append fields at the end, so never allocate,
/// copy by value or take `sizeof` of this struct.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct perf_value_info {
    /// `PERF_KIND_*`.
    pub kind: perf_kind,
    /// `PERF_CMP_*`; `PERF_CMP_NONE` for qualitative, text and empty values.
    pub cmp: perf_cmp,
    /// 1 when the comparator was written in the cell, 0 when `=` was implied.
    pub cmp_written: i32,
    /// The 计算符号 code (1 ≥, 2 ＞, 3 ＝, 4 ＜, 5 ≤, 6 定性), 0 when none
    /// applies (`~` and empty values).
    pub cmp_code: i32,
    /// The cell as given.
    pub raw: perf_str,
    /// The number as written (quantity).
    pub number: perf_number,
    /// The number in base units (`4.35 万` → 43500); absent on overflow.
    pub base_number: perf_number,
    /// The low bound (range).
    pub low: perf_number,
    /// The high bound (range).
    pub high: perf_number,
    /// The low bound in base units (range).
    pub base_low: perf_number,
    /// The high bound in base units (range).
    pub base_high: perf_number,
    /// The normalised unit, scale word included (`万元/户`); `""` for a bare
    /// number.
    pub unit: perf_str,
    /// The unit without its scale word (`元/户`).
    pub base_unit: perf_str,
    /// `PERF_DIMENSION_*`.
    pub dimension: perf_dimension,
    /// Deadline year, or 0.
    pub year: i32,
    /// Deadline month 1–12, or 0.
    pub month: i32,
    /// Deadline day 1–31, or 0.
    pub day: i32,
    /// 1 when the deadline is the end of `month` (月底, 年底), else 0.
    pub end_of_month: i32,
    /// `PERF_RECURRENCE_*`.
    pub recurrence: perf_recurrence,
    /// The normalised lexicon term (qualitative).
    pub term: perf_str,
    /// `PERF_GRADE_*` (qualitative, where a grade applies).
    pub grade: perf_grade,
    /// Words after the number or date (`98%满意` → `满意`).
    pub qualifier: perf_str,
    /// A set of `PERF_NOTE_*` bits; the JSON `notes` has the same notes.
    pub notes: u32,
}

/// One parsed 指标值 cell.
///
/// Ownership: made by `perf_value_parse` (free it with `perf_value_free`) or
/// borrowed from a document by `perf_indicator_value` (never free those).
///
/// Thread safety: immutable once made; any number of threads may read it at
/// once. It must not be freed while another thread uses it.
#[derive(Debug)]
pub struct perf_value {
    value: Value<'static>,
    /// Owns the bytes `info`'s strings point into.
    _texts: Vec<Text>,
    info: perf_value_info,
}

impl perf_value {
    pub(crate) fn new(value: Value<'static>) -> perf_value {
        let mut store = Store::default();
        let number = store.num(value.number());
        let base_number = store.num(value.base_number());
        let (low, high) = match &value.body {
            perf_core::Body::Range(r) => (store.num(Some(r.low)), store.num(Some(r.high))),
            _ => (perf_number::NONE, perf_number::NONE),
        };
        let base = value.base_range();
        let base_low = store.num(base.map(|b| b.0));
        let base_high = store.num(base.map(|b| b.1));
        let raw = store.keep(&value.raw);
        let (unit, base_unit, dimension) = match value.unit() {
            Some(u) => (
                store.keep(u.as_str()),
                store.keep(u.base()),
                perf_dimension::from(u.dimension()),
            ),
            None => (perf_str::NONE, perf_str::NONE, perf_dimension::None),
        };
        let deadline = value.deadline().copied();
        let (term, grade) = match value.term() {
            Some(t) => (store.keep(t.term), perf_grade::from(t.grade)),
            None => (perf_str::NONE, perf_grade::None),
        };
        let qualifier = match value.qualifier() {
            Some(q) => store.keep(q),
            None => perf_str::NONE,
        };
        let info = perf_value_info {
            kind: perf_kind::from(value.kind()),
            cmp: perf_cmp::from(value.cmp()),
            cmp_written: i32::from(value.cmp_written()),
            cmp_code: value.cmp_code().map_or(0, i32::from),
            raw,
            number,
            base_number,
            low,
            high,
            base_low,
            base_high,
            unit,
            base_unit,
            dimension,
            year: deadline.and_then(|d| d.year).map_or(0, i32::from),
            month: deadline.and_then(|d| d.month).map_or(0, i32::from),
            day: deadline.and_then(|d| d.day).map_or(0, i32::from),
            end_of_month: deadline.map_or(0, |d| i32::from(d.end_of_month)),
            recurrence: perf_recurrence::from(deadline.and_then(|d| d.recurrence)),
            term,
            grade,
            qualifier,
            notes: value.notes.iter().fold(0, |acc, n| acc | note_bit(n)),
        };
        perf_value {
            value,
            _texts: store.0,
            info,
        }
    }

    pub(crate) fn to_json(&self) -> Result<String, Failure> {
        serde_json::to_string(&self.value).map_err(|e| Failure::internal(&e.to_string()))
    }
}

/// The texts a value's views point into.
#[derive(Debug, Default)]
pub(crate) struct Store(pub(crate) Vec<Text>);

impl Store {
    pub(crate) fn keep(&mut self, s: &str) -> perf_str {
        let t = Text::new(s);
        let v = t.view();
        self.0.push(t);
        v
    }

    pub(crate) fn num(&mut self, d: Option<Decimal>) -> perf_number {
        match d {
            None => perf_number::NONE,
            Some(d) => perf_number {
                text: self.keep(&d.normalize().to_string()),
                value: perf_decimal::from(d),
                present: 1,
            },
        }
    }
}

/// Reads `(ptr, len)` as bytes. NULL is an error even with `len` 0.
///
/// # Safety
/// `ptr` is NULL or valid for `len` bytes of reads.
pub(crate) unsafe fn input<'a>(
    ptr: *const u8,
    len: usize,
    name: &str,
) -> Result<&'a [u8], Failure> {
    if ptr.is_null() {
        return Err(Failure::null(name));
    }
    if len > isize::MAX as usize {
        return Err(Failure::new(
            PERF_ERR_INVALID_ARGUMENT,
            0,
            format!("argument `{name}`: length {len} is larger than PTRDIFF_MAX"),
        ));
    }
    // SAFETY: non-NULL, length in range, the caller guarantees validity.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Checks that an out-param is not NULL.
pub(crate) fn out<T>(ptr: *mut T, name: &str) -> Result<(), Failure> {
    if ptr.is_null() {
        Err(Failure::null(name))
    } else {
        Ok(())
    }
}

/// Writes an owned string and its length to the out-params.
///
/// # Safety
/// `out` is writable; `out_len` is NULL or writable.
pub(crate) unsafe fn write_owned(
    json: String,
    out: *mut *mut c_char,
    out_len: *mut usize,
) -> Result<(), Failure> {
    let (ptr, len) =
        owned_c_string(json).ok_or_else(|| Failure::internal("JSON text holds a NUL"))?;
    // SAFETY: the caller guarantees both are writable (or `out_len` NULL).
    unsafe {
        *out = ptr;
        if !out_len.is_null() {
            *out_len = len;
        }
    }
    Ok(())
}

fn parse_cell(bytes: &[u8]) -> Result<perf_value, Failure> {
    let text = std::str::from_utf8(bytes).map_err(|e| Failure::utf8(bytes, e))?;
    Ok(perf_value::new(Value::parse(text).into_owned()))
}

/// Parses one 指标值 cell (`≥95 百分比`, `每月20日前发放`, `长期`).
///
/// `cell` points to `len` bytes of UTF-8; no NUL is needed or looked for.
/// Parsing a cell never fails on its content: what no rule places is a
/// `text` value with a note. It fails only on bad arguments.
///
/// On success writes a new value to `*out` and returns `PERF_OK`; free it
/// with `perf_value_free`. On failure `*out` is left untouched, the status
/// is returned and, when `err` is not NULL, a new error is stored in `*err`
/// (free it with `perf_error_free`).
///
/// Errors: `PERF_ERR_NULL` (`cell` or `out` is NULL), `PERF_ERR_UTF8`,
/// `PERF_ERR_INVALID_ARGUMENT`, `PERF_ERR_PANIC`.
///
/// Thread safety: may be called from any number of threads at once.
///
/// # Safety
/// `cell` is NULL or valid for `len` bytes; `out` and `err` are NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn perf_value_parse(
    cell: *const u8,
    len: usize,
    out: *mut *mut perf_value,
    err: *mut *mut perf_error,
) -> perf_status {
    boundary::status(err, || {
        // SAFETY: the caller guarantees `cell` is valid for `len` bytes.
        let bytes = unsafe { input(cell, len, "cell") }?;
        self::out(out, "out")?;
        let value = Box::new(parse_cell(bytes)?);
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { *out = Box::into_raw(value) };
        Ok(())
    })
}

/// Parses one 指标值 cell straight to its SPEC §3 JSON object (one line,
/// no trailing newline), e.g. `{"raw":"长期","kind":"qualitative",...}`.
///
/// On success writes a new NUL-terminated string to `*out` (free it with
/// `perf_string_free`) and, when `out_len` is not NULL, its length in bytes
/// to `*out_len`. Errors and `err` as for `perf_value_parse`.
///
/// Thread safety: may be called from any number of threads at once.
///
/// # Safety
/// `cell` is NULL or valid for `len` bytes; `out`, `out_len` and `err` are
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_value_parse_json(
    cell: *const u8,
    len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut perf_error,
) -> perf_status {
    boundary::status(err, || {
        // SAFETY: the caller guarantees `cell` is valid for `len` bytes.
        let bytes = unsafe { input(cell, len, "cell") }?;
        self::out(out, "out")?;
        let json = parse_cell(bytes)?.to_json()?;
        // SAFETY: `out` checked; the caller guarantees `out_len` is NULL or writable.
        unsafe { write_owned(json, out, out_len) }
    })
}

/// The fields of a value as a plain C struct, or NULL when `value` is NULL.
///
/// Ownership: the struct is part of `value` and lives as long as it.
///
/// # Safety
/// `value` is NULL or a live value.
#[no_mangle]
pub unsafe extern "C" fn perf_value_get_info(value: *const perf_value) -> *const perf_value_info {
    boundary::guard(std::ptr::null(), || {
        // SAFETY: the caller guarantees `value` is NULL or live.
        unsafe { value.as_ref() }.map_or(std::ptr::null(), |v| &v.info as *const perf_value_info)
    })
}

/// The value as its SPEC §3 JSON object (one line, no trailing newline).
///
/// On success writes a new NUL-terminated string to `*out` (free it with
/// `perf_string_free`) and, when `out_len` is not NULL, its length to
/// `*out_len`. Errors: `PERF_ERR_NULL`, `PERF_ERR_INTERNAL`, `PERF_ERR_PANIC`.
///
/// Thread safety: may be called from any number of threads at once.
///
/// # Safety
/// `value` is NULL or a live value; `out`, `out_len` and `err` are NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn perf_value_to_json(
    value: *const perf_value,
    out: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut perf_error,
) -> perf_status {
    boundary::status(err, || {
        // SAFETY: the caller guarantees `value` is NULL or live.
        let v = unsafe { value.as_ref() }.ok_or_else(|| Failure::null("value"))?;
        self::out(out, "out")?;
        let json = v.to_json()?;
        // SAFETY: `out` checked; the caller guarantees `out_len` is NULL or writable.
        unsafe { write_owned(json, out, out_len) }
    })
}

/// Frees a value made by `perf_value_parse`. NULL is accepted and ignored.
/// Never pass a value borrowed from a document.
///
/// # Safety
/// `value` is NULL or a value from `perf_value_parse` not freed yet.
#[no_mangle]
pub unsafe extern "C" fn perf_value_free(value: *mut perf_value) {
    boundary::guard((), || {
        if !value.is_null() {
            // SAFETY: `value` came from `Box::into_raw` in `perf_value_parse`.
            drop(unsafe { Box::from_raw(value) });
        }
    })
}
