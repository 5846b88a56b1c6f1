//! Deadlines: an actual date or day of month against a deadline, recurring or
//! not, with or without a year.

use std::cmp::Ordering;

use rust_decimal::Decimal;

use super::{Outcome, Policy, Reason, Verdict};
use crate::value::{Body, Comparator, Deadline, Time, Value};

/// The date fields an actual value states.
#[derive(Clone, Copy, Default)]
struct Date {
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
    end_of_month: bool,
}

/// An actual value as a date: a time value, or a bare `10月` / `18日` quantity.
fn actual_date(actual: &Value<'_>) -> Result<Date, Reason> {
    match &actual.body {
        Body::Time(t) => {
            let d = t.deadline;
            Ok(Date {
                year: d.year,
                month: d.month,
                day: d.day,
                end_of_month: d.end_of_month,
            })
        }
        Body::Quantity(q) if q.unit.scale() == crate::value::Scale::One => {
            let n = q.number.ok_or(Reason::NumberMissing)?;
            let small = (n.fract().is_zero() && n >= Decimal::ONE && n <= Decimal::from(31))
                .then(|| u8::try_from(n.mantissa() / 10i128.pow(n.scale())).ok())
                .flatten();
            match (q.unit.as_str(), small) {
                ("月", Some(m)) if m <= 12 => Ok(Date {
                    month: Some(m),
                    ..Date::default()
                }),
                ("日" | "号", Some(d)) => Ok(Date {
                    day: Some(d),
                    ..Date::default()
                }),
                _ => Err(Reason::KindMismatch {
                    target: "time",
                    actual: "quantity",
                }),
            }
        }
        Body::Quantity(_) => Err(Reason::KindMismatch {
            target: "time",
            actual: "quantity",
        }),
        Body::Range(_) => Err(Reason::KindMismatch {
            target: "time",
            actual: "range",
        }),
        _ => Err(Reason::KindMismatch {
            target: "time",
            actual: "qualitative",
        }),
    }
}

/// A day number that sorts `end_of_month` after every real day.
fn day_key(day: Option<u8>, end_of_month: bool) -> Option<u8> {
    if end_of_month {
        Some(u8::MAX)
    } else {
        day
    }
}

/// Orders the actual date against the deadline at the deadline's granularity.
fn order(deadline: &Deadline, actual: &Date) -> Result<Ordering, Reason> {
    let mut compared = false;
    // A recurring deadline holds in every period: its year (and, for monthly
    // and quarterly ones, its month) is not compared.
    if deadline.recurrence.is_none() {
        if let (Some(t), Some(a)) = (deadline.year, actual.year) {
            compared = true;
            if t != a {
                return Ok(a.cmp(&t));
            }
        }
    }
    let monthly = matches!(
        deadline.recurrence,
        Some(crate::value::Recurrence::Monthly | crate::value::Recurrence::Quarterly)
    );
    if let (Some(t), false) = (deadline.month, monthly) {
        let Some(a) = actual.month else {
            return Err(Reason::DateIncomparable);
        };
        compared = true;
        if t != a {
            return Ok(a.cmp(&t));
        }
    }
    match day_key(deadline.day, deadline.end_of_month) {
        // A month deadline (`≤11月`) holds for the whole month.
        None if compared => Ok(Ordering::Equal),
        None => Err(Reason::DateIncomparable),
        Some(t) => match day_key(actual.day, actual.end_of_month) {
            Some(a) => Ok(a.cmp(&t)),
            None if compared && deadline.end_of_month => Ok(Ordering::Equal),
            None => Err(Reason::DateIncomparable),
        },
    }
}

pub(super) fn judge<P: Policy + ?Sized>(
    policy: &P,
    target: &Time,
    actual: &Value<'_>,
    weight: Decimal,
) -> Outcome {
    let date = match actual_date(actual) {
        Ok(d) => d,
        Err(r) => return Outcome::incomparable(r),
    };
    let ord = match order(&target.deadline, &date) {
        Ok(o) => o,
        Err(r) => return Outcome::incomparable(r),
    };
    let met = match target.cmp {
        // A completion date written without 前 (`2025年12月底完成`) is kept by
        // finishing on or before it, like one with 前.
        Comparator::Le | Comparator::Eq => ord != Ordering::Greater,
        Comparator::Lt => ord == Ordering::Less,
        Comparator::Ge => ord != Ordering::Less,
        Comparator::Gt => ord == Ordering::Greater,
        Comparator::Approx => ord == Ordering::Equal,
    };
    if met {
        Outcome::scored(Verdict::Met, weight)
    } else {
        let (verdict, score) = policy.late(weight);
        Outcome::scored(verdict, score)
    }
}
