//! Judging an actual result against its target (绩效自评).
//!
//! [`assess`] compares an actual value (年终完成值 / 实际完成值) with the
//! target (年初指标值) it was planned against and scores it out of the
//! indicator's weight. Comparisons are made in base units (万元 vs 元,
//! 百分比 vs %, 万人 vs 人), honour the target's comparator, and refuse to
//! compare across dimensions or per-denominators, saying why.
//!
//! The scoring rule is a [`Policy`]: [`MofPolicy`] is the default, after the
//! Ministry of Finance's common rule (财预〔2020〕10号 附件 and the 自评 guidance):
//! a quantitative indicator scores its full weight when the target is reached
//! and in proportion to the completion ratio otherwise; a qualitative one by
//! three bands (达成 / 部分达成 / 未达成). Provinces differ, so every number of
//! the rule is a field you can change, or you can implement [`Policy`].
//!
//! ```
//! use perf_core::{assess, Value};
//! use rust_decimal::Decimal;
//!
//! let target = Value::parse("≤36 元");
//! let actual = Value::parse("0.0041万元");
//! let a = assess(&target, &actual, Decimal::from(10));
//! assert_eq!(a.verdict, perf_core::assess::Verdict::PartlyMet);
//! assert_eq!(a.deviation, Some(Decimal::from(5)));      // 41 元 − 36 元
//! assert_eq!(a.score.unwrap().to_string(), "8.78");     // 10 × 36/41, rounded
//! ```

mod qualitative;
mod quantity;
mod time;

use std::fmt;

use rust_decimal::Decimal;

use crate::value::{Dimension, Value};

/// The outcome of comparing an actual value with its target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// The target is reached.
    Met,
    /// The target is missed, but by less than the policy's partly-met line.
    PartlyMet,
    /// The target is missed.
    NotMet,
    /// The two values cannot be compared mechanically; the reason says why.
    NotComparable(Reason),
}

impl Verdict {
    /// `met`, `partly_met`, `not_met`, `not_comparable`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::PartlyMet => "partly_met",
            Verdict::NotMet => "not_met",
            Verdict::NotComparable(_) => "not_comparable",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Verdict::NotComparable(r) => write!(f, "not_comparable ({r})"),
            v => f.write_str(v.as_str()),
        }
    }
}

/// Why a target and an actual value could not be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// The target states nothing measurable (text or empty).
    TargetNotMeasurable,
    /// The actual value is empty (``, `/`, `无`).
    ActualMissing,
    /// The target or the actual has no number (`>=%`).
    NumberMissing,
    /// The units measure different things (元 vs 人).
    DimensionMismatch {
        target: Dimension,
        actual: Dimension,
    },
    /// Same dimension, different units or per-denominators (元/人 vs 元/户, 人 vs 人次).
    UnitMismatch { target: String, actual: String },
    /// The kinds cannot be compared (a deadline against an amount).
    KindMismatch {
        target: &'static str,
        actual: &'static str,
    },
    /// The deadline and the date share no field to compare (a day against a month).
    DateIncomparable,
    /// A qualitative target whose actual wording states neither achievement
    /// nor failure: judging it needs a person.
    NeedsJudgement,
    /// A number too large for exact arithmetic.
    Overflow,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::TargetNotMeasurable => f.write_str("the target states nothing measurable"),
            Reason::ActualMissing => f.write_str("the actual value is empty"),
            Reason::NumberMissing => f.write_str("a number is missing"),
            Reason::DimensionMismatch { target, actual } => {
                write!(f, "dimensions differ: target {target}, actual {actual}")
            }
            Reason::UnitMismatch { target, actual } => {
                write!(f, "units differ: target {target:?}, actual {actual:?}")
            }
            Reason::KindMismatch { target, actual } => {
                write!(f, "kinds differ: target {target}, actual {actual}")
            }
            Reason::DateIncomparable => f.write_str("the deadline and the date share no field"),
            Reason::NeedsJudgement => f.write_str("the actual wording needs a person's judgement"),
            Reason::Overflow => f.write_str("a number is too large for exact arithmetic"),
        }
    }
}

/// The result of [`assess`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assessment {
    pub verdict: Verdict,
    /// The completion ratio, exact: actual/target for ≥, >, = and ~ targets,
    /// target/actual for ≤ and < targets (so a ratio below 1 is always a
    /// shortfall). `None` for deadlines, qualitative targets and where a
    /// side is zero.
    pub ratio: Option<Decimal>,
    /// actual − target, in the target's unit (scale word included: a target in
    /// 万元 gets a deviation in 万元). For a range, the distance to the nearest bound.
    pub deviation: Option<Decimal>,
    /// The score out of the weight; `None` when not comparable.
    pub score: Option<Decimal>,
    /// The weight the score is out of.
    pub weight: Decimal,
}

/// A scoring rule. Implement it to follow another province's rule.
pub trait Policy {
    /// The verdict and score of a quantitative indicator that missed its
    /// target with completion `ratio` (0 ≤ ratio < 1).
    fn shortfall(&self, ratio: Decimal, weight: Decimal) -> (Verdict, Decimal);
    /// The score of a missed deadline.
    fn late(&self, weight: Decimal) -> (Verdict, Decimal);
    /// The score of a qualitative verdict (`Met`, `PartlyMet`, `NotMet`).
    fn qualitative(&self, verdict: &Verdict, weight: Decimal) -> Decimal;
    /// The relative tolerance of an `=` target (0.01 = 1%).
    fn eq_tolerance(&self) -> Decimal;
    /// The relative tolerance of a `~` (约, 左右) target.
    fn approx_tolerance(&self) -> Decimal;
    /// Decimal places a score is rounded to (half away from zero).
    fn score_places(&self) -> u32;
}

/// The default policy, after the Ministry of Finance's common rule.
///
/// | what | default | source |
/// | --- | --- | --- |
/// | quantitative, target reached | full weight | 财预〔2020〕10号 附件2: 完成指标值的，记该指标所赋全部分值 |
/// | quantitative, missed | weight × completion ratio | 未完成的，按照完成值与指标值的比例记分 (反向指标: 指标值/完成值) |
/// | verdict of a miss | `partly_met` when ratio ≥ 0.6, else `not_met` | the 60% line of the 定性 bands below |
/// | deadline missed | `not_met`, score 0 | a deadline is kept or not |
/// | 定性 达成 / 部分达成 / 未达成 | 100% / 80% / 0% of the weight | bands 100–80%, 80–60%, 60–0% of the 自评 guidance; the top of the first two, the bottom of the last |
/// | `=` tolerance | 1% of the target | perf's choice: figures in these tables are rounded |
/// | `~` tolerance | 10% of the target | perf's choice: 约 / 左右 |
/// | score places | 2 | scores are reported to 0.01 |
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MofPolicy {
    pub partly_met_ratio: Decimal,
    pub partly_met_share: Decimal,
    pub not_met_share: Decimal,
    pub eq_tolerance: Decimal,
    pub approx_tolerance: Decimal,
    pub score_places: u32,
}

impl Default for MofPolicy {
    fn default() -> Self {
        MofPolicy {
            partly_met_ratio: Decimal::new(6, 1),
            partly_met_share: Decimal::new(8, 1),
            not_met_share: Decimal::ZERO,
            eq_tolerance: Decimal::new(1, 2),
            approx_tolerance: Decimal::new(1, 1),
            score_places: 2,
        }
    }
}

impl Policy for MofPolicy {
    fn shortfall(&self, ratio: Decimal, weight: Decimal) -> (Verdict, Decimal) {
        let ratio = ratio.clamp(Decimal::ZERO, Decimal::ONE);
        let verdict = if ratio >= self.partly_met_ratio {
            Verdict::PartlyMet
        } else {
            Verdict::NotMet
        };
        (verdict, weight * ratio)
    }
    fn late(&self, _weight: Decimal) -> (Verdict, Decimal) {
        (Verdict::NotMet, Decimal::ZERO)
    }
    fn qualitative(&self, verdict: &Verdict, weight: Decimal) -> Decimal {
        match verdict {
            Verdict::Met => weight,
            Verdict::PartlyMet => weight * self.partly_met_share,
            _ => weight * self.not_met_share,
        }
    }
    fn eq_tolerance(&self) -> Decimal {
        self.eq_tolerance
    }
    fn approx_tolerance(&self) -> Decimal {
        self.approx_tolerance
    }
    fn score_places(&self) -> u32 {
        self.score_places
    }
}

/// Judges `actual` against `target` with the default [`MofPolicy`].
pub fn assess(target: &Value<'_>, actual: &Value<'_>, weight: Decimal) -> Assessment {
    assess_with(&MofPolicy::default(), target, actual, weight)
}

/// Judges `actual` against `target` with a policy of your own.
///
/// A negative weight is taken as zero. The score is never negative and never
/// above the weight.
pub fn assess_with<P: Policy + ?Sized>(
    policy: &P,
    target: &Value<'_>,
    actual: &Value<'_>,
    weight: Decimal,
) -> Assessment {
    use crate::value::Body;
    let weight = weight.max(Decimal::ZERO);
    let outcome = match (&target.body, &actual.body) {
        (Body::Text | Body::Empty, _) => Outcome::incomparable(Reason::TargetNotMeasurable),
        (_, Body::Empty) => Outcome::incomparable(Reason::ActualMissing),
        (Body::Quantity(_) | Body::Range(_), _) => quantity::judge(policy, target, actual, weight),
        (Body::Time(t), _) => time::judge(policy, t, actual, weight),
        (Body::Qualitative(_), _) => qualitative::judge(policy, target, actual, weight),
    };
    let score = outcome.score.map(|s| {
        s.clamp(Decimal::ZERO, weight)
            .round_dp_with_strategy(
                policy.score_places(),
                rust_decimal::RoundingStrategy::MidpointAwayFromZero,
            )
            .normalize()
    });
    Assessment {
        verdict: outcome.verdict,
        ratio: outcome.ratio,
        deviation: outcome.deviation,
        score,
        weight,
    }
}

/// What a judging module returns; `assess_with` clamps and rounds the score.
pub(crate) struct Outcome {
    verdict: Verdict,
    ratio: Option<Decimal>,
    deviation: Option<Decimal>,
    score: Option<Decimal>,
}

impl Outcome {
    fn incomparable(reason: Reason) -> Self {
        Outcome {
            verdict: Verdict::NotComparable(reason),
            ratio: None,
            deviation: None,
            score: None,
        }
    }
    fn scored(verdict: Verdict, score: Decimal) -> Self {
        Outcome {
            verdict,
            ratio: None,
            deviation: None,
            score: Some(score),
        }
    }
}
