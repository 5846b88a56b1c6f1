//! Year-end assessment (绩效自评): an actual value judged against its target.

use perf_core::assess::{assess, Assessment, Verdict};
use rust_decimal::Decimal;

use crate::boundary;
use crate::error::{perf_error, Failure};
use crate::status::*;
use crate::strings::perf_str;
use crate::value::{input, out, perf_number, perf_value, Store};

/// The verdict of an assessment.
#[repr(i32)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum perf_verdict {
    None = 0,
    /// The target is reached: the full weight.
    Met = 1,
    /// Missed, by less than the policy's partly-met line (completion ratio ≥ 0.6).
    PartlyMet = 2,
    /// Missed.
    NotMet = 3,
    /// The two values cannot be compared mechanically; `reason` says why.
    NotComparable = 4,
}

/// The result of `perf_assess`, as a plain C struct.
///
/// Ownership: part of the `perf_assessment` it came from; lives as long as it.
/// May gain fields at its end within one ABI version (see `size`).
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct perf_assessment_info {
    /// `sizeof(perf_assessment_info)` in the library that filled the struct.
    pub size: u32,
    /// `PERF_VERDICT_*`.
    pub verdict: perf_verdict,
    /// The completion ratio (actual/target for ≥ > = ~ targets, target/actual
    /// for ≤ < targets); absent for deadlines, qualitative targets and zeros.
    pub ratio: perf_number,
    /// actual − target in the target's unit; absent where it does not apply.
    pub deviation: perf_number,
    /// The score out of `weight`; absent when not comparable.
    pub score: perf_number,
    /// The weight the score is out of.
    pub weight: perf_number,
    /// `met`, `partly_met`, `not_met` or `not_comparable`.
    pub verdict_name: perf_str,
    /// Why the values could not be compared (English), or NULL.
    pub reason: perf_str,
}

/// One assessment. Made by `perf_assess`, freed by `perf_assessment_free`.
///
/// Thread safety: immutable; any number of threads may read it at once.
#[derive(Debug)]
pub struct perf_assessment {
    _texts: Store,
    info: perf_assessment_info,
}

impl perf_assessment {
    fn new(a: &Assessment) -> perf_assessment {
        let mut store = Store::default();
        let reason = match &a.verdict {
            Verdict::NotComparable(r) => store.keep(&r.to_string()),
            _ => perf_str::NONE,
        };
        let verdict = match a.verdict {
            Verdict::Met => perf_verdict::Met,
            Verdict::PartlyMet => perf_verdict::PartlyMet,
            Verdict::NotMet => perf_verdict::NotMet,
            Verdict::NotComparable(_) => perf_verdict::NotComparable,
        };
        let info = perf_assessment_info {
            size: std::mem::size_of::<perf_assessment_info>() as u32,
            verdict,
            ratio: store.num(a.ratio),
            deviation: store.num(a.deviation),
            score: store.num(a.score),
            weight: store.num(Some(a.weight)),
            verdict_name: store.keep(a.verdict.as_str()),
            reason,
        };
        perf_assessment {
            _texts: store,
            info,
        }
    }
}

/// Judges `actual` against `target` (both made by `perf_value_parse` or
/// borrowed from a document) and scores it out of `weight`, with the default
/// policy after the Ministry of Finance's common rule (docs/ASSESS.md).
///
/// `weight` points to `weight_len` bytes of a decimal number (`"10"`,
/// `"2.5"`); a negative weight is taken as 0.
///
/// On success writes a new assessment to `*out` (free it with
/// `perf_assessment_free`) and returns `PERF_OK`. Errors: `PERF_ERR_NULL`,
/// `PERF_ERR_UTF8`, `PERF_ERR_INVALID_ARGUMENT` (weight is not a decimal
/// number), `PERF_ERR_PANIC`; `*out` is then left untouched.
///
/// Thread safety: may be called from any number of threads at once.
///
/// # Safety
/// `target` and `actual` are NULL or live values; `weight` is NULL or valid
/// for `weight_len` bytes; `out` and `err` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_assess(
    target: *const perf_value,
    actual: *const perf_value,
    weight: *const u8,
    weight_len: usize,
    out: *mut *mut perf_assessment,
    err: *mut *mut perf_error,
) -> perf_status {
    boundary::status(err, || {
        // SAFETY: the caller guarantees both are NULL or live.
        let target = unsafe { target.as_ref() }.ok_or_else(|| Failure::null("target"))?;
        let actual = unsafe { actual.as_ref() }.ok_or_else(|| Failure::null("actual"))?;
        // SAFETY: the caller guarantees `weight` is valid for `weight_len` bytes.
        let bytes = unsafe { input(weight, weight_len, "weight") }?;
        self::out(out, "out")?;
        let text = std::str::from_utf8(bytes)
            .map_err(|_| Failure::new(PERF_ERR_UTF8, 0, "argument `weight` is not UTF-8".into()))?;
        let w: Decimal = text.trim().parse().map_err(|_| {
            Failure::new(
                PERF_ERR_INVALID_ARGUMENT,
                0,
                format!("argument `weight` is not a decimal number: {text:?}"),
            )
        })?;
        let a = Box::new(perf_assessment::new(&assess(
            target.value(),
            actual.value(),
            w,
        )));
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { *out = Box::into_raw(a) };
        Ok(())
    })
}

/// The fields of an assessment, or NULL when `assessment` is NULL.
///
/// Thread safety: any thread.
///
/// # Safety
/// `assessment` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_assessment_get_info(
    assessment: *const perf_assessment,
) -> *const perf_assessment_info {
    boundary::guard(std::ptr::null(), || {
        // SAFETY: the caller guarantees NULL or live.
        unsafe { assessment.as_ref() }.map_or(std::ptr::null(), |a| &a.info as *const _)
    })
}

/// Frees an assessment made by `perf_assess`. NULL is a no-op.
///
/// Thread safety: no other thread may use `assessment` or its info.
///
/// # Safety
/// `assessment` is NULL or made by `perf_assess` and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn perf_assessment_free(assessment: *mut perf_assessment) {
    boundary::guard((), || {
        if !assessment.is_null() {
            // SAFETY: made by Box::into_raw in perf_assess, freed once.
            drop(unsafe { Box::from_raw(assessment) });
        }
    })
}
