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
/// `PERF_ABI_VERSION` may append fields at the end, so never allocate or
/// copy this struct by value. A field appended later exists only when
/// `size` covers it: `info->size >= offsetof(perf_value_info, field) +
/// sizeof info->field`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct perf_value_info {
    /// `sizeof(perf_value_info)` in the library that filled the struct.
    pub size: u32,
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
            size: std::mem::size_of::<perf_value_info>() as u32,
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
    Ok(perf_value::new(Value::parse_bytes(bytes)?.into_owned()))
}

/// Parses one 指标值 cell (`≥95 百分比`, `每月20日前发放`, `长期`).
///
/// `cell` points to `len` bytes of UTF-8; no NUL is needed or looked for.
/// Parsing a cell never fails on what the text says: what no rule places is
/// a `text` value with a note. It fails only on bad arguments and on bytes
/// that are not UTF-8.
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
/// Thread safety: any thread; perf handles are immutable.
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
/// Thread safety: must not run while another thread uses `value`.
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

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::ffi::CStr;
    use std::str::FromStr;

    use perf_core::value::{Grade, Quantity, Range, Time};
    use perf_core::{
        Body, Comparator, Deadline, Dimension, Note, Notes, Recurrence, Scale, Term, Unit,
    };

    use super::*;
    use crate::names::{PERF_NOTE_GARBLED_CELL, PERF_NOTE_NUMBER_MISSING};
    use crate::strings::perf_string_free;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn s(v: perf_str) -> Option<&'static str> {
        if v.ptr.is_null() {
            assert_eq!(v.len, 0);
            return None;
        }
        // SAFETY: views point at `len` bytes followed by a NUL while their owner lives;
        // every test keeps the owner alive while it reads.
        let bytes = unsafe { std::slice::from_raw_parts(v.ptr.cast::<u8>(), v.len + 1) };
        assert_eq!(bytes[v.len], 0, "NUL-terminated");
        Some(std::str::from_utf8(&bytes[..v.len]).unwrap())
    }

    fn value(raw: &'static str, body: Body<'static>) -> Value<'static> {
        Value {
            raw: Cow::Borrowed(raw),
            body,
            qualifier: None,
            notes: Notes::empty(),
        }
    }

    #[test]
    fn decimals_map_to_the_csharp_layout() {
        let d = perf_decimal::from(dec("4.35"));
        assert_eq!(
            d,
            perf_decimal {
                lo: 435,
                mid: 0,
                hi: 0,
                scale: 2,
                negative: 0
            }
        );
        // Normalised: trailing zeros go, as in the decimal string.
        let d = perf_decimal::from(dec("95.00"));
        assert_eq!(
            d,
            perf_decimal {
                lo: 95,
                mid: 0,
                hi: 0,
                scale: 0,
                negative: 0
            }
        );
        let d = perf_decimal::from(dec("-1.50"));
        assert_eq!(
            d,
            perf_decimal {
                lo: 15,
                mid: 0,
                hi: 0,
                scale: 1,
                negative: 1
            }
        );
        // Negative zero has no sign.
        let d = perf_decimal::from(dec("-0.00"));
        assert_eq!(d, perf_decimal::default());
        let d = perf_decimal::from(Decimal::MAX);
        assert_eq!(
            d,
            perf_decimal {
                lo: u32::MAX,
                mid: u32::MAX,
                hi: u32::MAX,
                scale: 0,
                negative: 0
            }
        );
        // 0x27E41B32_46BEC9B1_6CD39500
        let d = perf_decimal::from(dec("12345678901234567890100000000"));
        assert_eq!(
            d,
            perf_decimal {
                lo: 0x6CD3_9500,
                mid: 0x46BE_C9B1,
                hi: 0x27E4_1B32,
                scale: 0,
                negative: 0
            }
        );
        let d = perf_decimal::from(dec("0.0000000000000000000000000001"));
        assert_eq!(
            d,
            perf_decimal {
                lo: 1,
                mid: 0,
                hi: 0,
                scale: 28,
                negative: 0
            }
        );
    }

    #[test]
    fn a_quantity_fills_the_number_and_unit_fields() {
        let unit = Unit::new(
            Cow::Borrowed("万元/户"),
            Scale::Wan,
            "万".len(),
            Dimension::Currency,
        );
        let mut v = value(
            "≥0.13 万元/户",
            Body::Quantity(Quantity {
                cmp: Comparator::Ge,
                cmp_written: true,
                number: Some(dec("0.130")),
                unit,
            }),
        );
        v.notes.insert(Note::GarbledCell);
        let pv = perf_value::new(v);
        let i = pv.info;
        assert_eq!(i.size as usize, std::mem::size_of::<perf_value_info>());
        assert_eq!(i.kind, perf_kind::Quantity);
        assert_eq!(i.cmp, perf_cmp::Ge);
        assert_eq!((i.cmp_written, i.cmp_code), (1, 1));
        assert_eq!(s(i.raw), Some("≥0.13 万元/户"));
        assert_eq!(i.number.present, 1);
        assert_eq!(s(i.number.text), Some("0.13"));
        assert_eq!(
            i.number.value,
            perf_decimal {
                lo: 13,
                mid: 0,
                hi: 0,
                scale: 2,
                negative: 0
            }
        );
        assert_eq!(s(i.base_number.text), Some("1300"));
        assert_eq!(
            i.base_number.value,
            perf_decimal {
                lo: 1300,
                mid: 0,
                hi: 0,
                scale: 0,
                negative: 0
            }
        );
        assert_eq!(s(i.unit), Some("万元/户"));
        assert_eq!(s(i.base_unit), Some("元/户"));
        assert_eq!(i.dimension, perf_dimension::Currency);
        assert_eq!(i.low.present, 0);
        assert_eq!(s(i.low.text), None);
        assert_eq!((i.year, i.month, i.day, i.end_of_month), (0, 0, 0, 0));
        assert_eq!(i.recurrence, perf_recurrence::None);
        assert_eq!(s(i.term), None);
        assert_eq!(s(i.qualifier), None);
        assert_eq!(i.notes, PERF_NOTE_GARBLED_CELL);
    }

    #[test]
    fn a_missing_number_is_absent_not_zero() {
        let unit = Unit::new(Cow::Borrowed("%"), Scale::One, 0, Dimension::Percent);
        let mut v = value(
            ">=%",
            Body::Quantity(Quantity {
                cmp: Comparator::Ge,
                cmp_written: true,
                number: None,
                unit,
            }),
        );
        v.notes.insert(Note::NumberMissing);
        let i = perf_value::new(v).info;
        assert_eq!((i.number.present, i.base_number.present), (0, 0));
        assert_eq!(i.number.value, perf_decimal::default());
        assert_eq!(i.notes, PERF_NOTE_NUMBER_MISSING);
    }

    #[test]
    fn a_range_fills_low_and_high_in_base_units() {
        let unit = Unit::new(
            Cow::Borrowed("万人"),
            Scale::Wan,
            "万".len(),
            Dimension::Count,
        );
        let v = value(
            "3~5万人",
            Body::Range(Range {
                low: dec("3"),
                high: dec("5"),
                unit,
            }),
        );
        let pv = perf_value::new(v);
        let i = pv.info;
        assert_eq!(i.kind, perf_kind::Range);
        assert_eq!((i.cmp, i.cmp_written, i.cmp_code), (perf_cmp::Eq, 0, 3));
        assert_eq!((s(i.low.text), s(i.high.text)), (Some("3"), Some("5")));
        assert_eq!(
            (s(i.base_low.text), s(i.base_high.text)),
            (Some("30000"), Some("50000"))
        );
        assert_eq!(i.number.present, 0);
        assert_eq!((s(i.unit), s(i.base_unit)), (Some("万人"), Some("人")));
        assert_eq!(i.dimension, perf_dimension::Count);
    }

    #[test]
    fn a_time_value_fills_the_deadline_fields() {
        let mut v = value(
            "每季度末 21 日贴息到位",
            Body::Time(Time {
                cmp: Comparator::Le,
                cmp_written: false,
                deadline: Deadline {
                    year: Some(2025),
                    month: Some(12),
                    day: Some(21),
                    end_of_month: true,
                    recurrence: Some(Recurrence::Quarterly),
                },
            }),
        );
        v.qualifier = Some(Cow::Borrowed("贴息到位"));
        let pv = perf_value::new(v);
        let i = pv.info;
        assert_eq!(i.kind, perf_kind::Time);
        assert_eq!((i.cmp, i.cmp_written, i.cmp_code), (perf_cmp::Le, 0, 5));
        assert_eq!((i.year, i.month, i.day, i.end_of_month), (2025, 12, 21, 1));
        assert_eq!(i.recurrence, perf_recurrence::Quarterly);
        assert_eq!(s(i.qualifier), Some("贴息到位"));
        assert_eq!(s(i.unit), None);
        assert_eq!(i.dimension, perf_dimension::None);
    }

    #[test]
    fn qualitative_text_and_empty_have_no_comparator() {
        let v = value(
            "满意",
            Body::Qualitative(Term {
                term: "满意",
                grade: Some(Grade::Positive),
            }),
        );
        let pv = perf_value::new(v);
        assert_eq!(pv.info.kind, perf_kind::Qualitative);
        assert_eq!((pv.info.cmp, pv.info.cmp_code), (perf_cmp::None, 6));
        assert_eq!(s(pv.info.term), Some("满意"));
        assert_eq!(pv.info.grade, perf_grade::Positive);

        let i = perf_value::new(value("促进就业", Body::Text)).info;
        assert_eq!(
            (i.kind, i.cmp, i.cmp_code),
            (perf_kind::Text, perf_cmp::None, 6)
        );
        let i = perf_value::new(value("/", Body::Empty)).info;
        assert_eq!(
            (i.kind, i.cmp, i.cmp_code),
            (perf_kind::Empty, perf_cmp::None, 0)
        );

        let unit = Unit::new(Cow::Borrowed("人"), Scale::One, 0, Dimension::Count);
        let approx = value(
            "约 3 人",
            Body::Quantity(Quantity {
                cmp: Comparator::Approx,
                cmp_written: true,
                number: Some(dec("3")),
                unit,
            }),
        );
        let i = perf_value::new(approx).info;
        assert_eq!(
            (i.cmp, i.cmp_code),
            (perf_cmp::Approx, 0),
            "~ has no 计算符号 code"
        );
    }

    #[test]
    fn json_is_the_core_serialisation() {
        let v = value(
            "长期",
            Body::Qualitative(Term {
                term: "长期",
                grade: None,
            }),
        );
        let want = serde_json::to_string(&v).unwrap();
        let pv = Box::into_raw(Box::new(perf_value::new(v)));
        let mut out: *mut c_char = std::ptr::null_mut();
        let mut len = 0usize;
        // SAFETY: `pv` is live; out-params are valid.
        unsafe {
            assert_eq!(
                perf_value_to_json(pv, &mut out, &mut len, std::ptr::null_mut()),
                PERF_OK
            );
            assert_eq!(CStr::from_ptr(out).to_str().unwrap(), want);
            assert_eq!(len, want.len());
            perf_string_free(out);
            perf_value_free(pv);
        }
    }

    #[test]
    fn parse_reports_utf8_errors_with_the_line() {
        let mut out: *mut perf_value = std::ptr::null_mut();
        let mut err: *mut perf_error = std::ptr::null_mut();
        let bytes = b"ok\nstill ok\n\xff";
        // SAFETY: valid pointers and lengths.
        unsafe {
            assert_eq!(
                perf_value_parse(bytes.as_ptr(), bytes.len(), &mut out, &mut err),
                PERF_ERR_UTF8
            );
            assert!(out.is_null());
            assert_eq!(crate::error::perf_error_line(err), 3);
            let msg = CStr::from_ptr(crate::error::perf_error_message(err, std::ptr::null_mut()));
            assert_eq!(
                msg.to_str().unwrap(),
                "line 3: the input is not valid UTF-8 (byte offset 12)"
            );
            crate::error::perf_error_free(err);
        }
    }
}
