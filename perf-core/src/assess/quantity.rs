//! Quantities and ranges: compared in base units, honouring the comparator.

use rust_decimal::Decimal;

use super::{Outcome, Policy, Reason, Verdict};
use crate::value::{Body, Comparator, Unit, Value};

/// Whether two units can be compared, in base terms. A bare number on either
/// side takes the other side's unit (`≥3000人` against `3495`).
fn compatible(target: &Unit<'_>, actual: &Unit<'_>) -> Result<(), Reason> {
    let (t, a) = (target.base(), actual.base());
    if t == a || t.is_empty() || a.is_empty() {
        return Ok(());
    }
    if target.dimension() != actual.dimension() {
        return Err(Reason::DimensionMismatch {
            target: target.dimension(),
            actual: actual.dimension(),
        });
    }
    Err(Reason::UnitMismatch {
        target: t.to_owned(),
        actual: a.to_owned(),
    })
}

/// The actual number in base units, or why there is none.
fn actual_base<'v, 'a>(target_unit: &Unit<'_>, actual: &'v Value<'a>) -> Result<Decimal, Reason> {
    let q = match &actual.body {
        Body::Quantity(q) => q,
        other => {
            let kind = match other {
                Body::Range(_) => "range",
                Body::Time(_) => "time",
                Body::Qualitative(_) => "qualitative",
                _ => "text",
            };
            return Err(Reason::KindMismatch {
                target: "quantity",
                actual: kind,
            });
        }
    };
    compatible(target_unit, &q.unit)?;
    match q.number {
        None => Err(Reason::NumberMissing),
        Some(_) => actual.base_number().ok_or(Reason::Overflow),
    }
}

fn div(a: Decimal, b: Decimal) -> Option<Decimal> {
    if b.is_zero() {
        None
    } else {
        a.checked_div(b)
    }
}

/// `(actual − target)` in the target's unit (its scale word included).
fn deviation(actual: Decimal, target: Decimal, unit: &Unit<'_>) -> Option<Decimal> {
    actual
        .checked_sub(target)
        .and_then(|d| d.checked_div(unit.scale().factor()))
        .map(|d| d.normalize())
}

fn scored_miss<P: Policy + ?Sized>(
    policy: &P,
    score_ratio: Option<Decimal>,
    weight: Decimal,
) -> (Verdict, Decimal) {
    policy.shortfall(score_ratio.unwrap_or(Decimal::ZERO), weight)
}

pub(super) fn judge<P: Policy + ?Sized>(
    policy: &P,
    target: &Value<'_>,
    actual: &Value<'_>,
    weight: Decimal,
) -> Outcome {
    match &target.body {
        Body::Quantity(q) => {
            if q.number.is_none() {
                return Outcome::incomparable(Reason::NumberMissing);
            }
            let Some(t) = target.base_number() else {
                return Outcome::incomparable(Reason::Overflow);
            };
            let a = match actual_base(&q.unit, actual) {
                Ok(a) => a,
                Err(r) => return Outcome::incomparable(r),
            };
            single(policy, q.cmp, t, a, &q.unit, weight)
        }
        Body::Range(r) => {
            let Some((lo, hi)) = target.base_range() else {
                return Outcome::incomparable(Reason::Overflow);
            };
            let a = match actual_base(&r.unit, actual) {
                Ok(a) => a,
                Err(r) => return Outcome::incomparable(r),
            };
            range(policy, lo, hi, a, &r.unit, weight)
        }
        _ => Outcome::incomparable(Reason::TargetNotMeasurable),
    }
}

fn single<P: Policy + ?Sized>(
    policy: &P,
    cmp: Comparator,
    t: Decimal,
    a: Decimal,
    unit: &Unit<'_>,
    weight: Decimal,
) -> Outcome {
    let up = div(a, t); // actual / target
    let down = div(t, a); // target / actual
    let (met, ratio, score_ratio) = match cmp {
        Comparator::Ge => (a >= t, up, up),
        Comparator::Gt => (a > t, up, up),
        Comparator::Le => (a <= t, down, down),
        Comparator::Lt => (a < t, down, down),
        Comparator::Eq | Comparator::Approx => {
            let tol = if cmp == Comparator::Eq {
                policy.eq_tolerance()
            } else {
                policy.approx_tolerance()
            };
            let met = match (a - t).abs().checked_sub(tol * t.abs()) {
                Some(excess) => excess <= Decimal::ZERO,
                None => false,
            };
            // Over- and undershooting an exact target are both misses.
            (met, up, if a > t { down } else { up })
        }
    };
    let (verdict, score) = if met {
        (Verdict::Met, weight)
    } else {
        scored_miss(policy, score_ratio, weight)
    };
    Outcome {
        verdict,
        ratio,
        deviation: deviation(a, t, unit),
        score: Some(score),
    }
}

fn range<P: Policy + ?Sized>(
    policy: &P,
    lo: Decimal,
    hi: Decimal,
    a: Decimal,
    unit: &Unit<'_>,
    weight: Decimal,
) -> Outcome {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    if a < lo {
        let ratio = div(a, lo);
        let (verdict, score) = scored_miss(policy, ratio, weight);
        Outcome {
            verdict,
            ratio,
            deviation: deviation(a, lo, unit),
            score: Some(score),
        }
    } else if a > hi {
        let ratio = div(hi, a);
        let (verdict, score) = scored_miss(policy, ratio, weight);
        Outcome {
            verdict,
            ratio,
            deviation: deviation(a, hi, unit),
            score: Some(score),
        }
    } else {
        Outcome {
            verdict: Verdict::Met,
            ratio: Some(Decimal::ONE),
            deviation: Some(Decimal::ZERO),
            score: Some(weight),
        }
    }
}
