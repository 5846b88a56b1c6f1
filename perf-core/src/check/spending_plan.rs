//! `spending-plan`: the 资金支出计划（%） must be a cumulative share of the
//! budget.
//!
//! Fires, once per problem, when
//! - the plan rows are misaligned: a month outside 1–12, a month given twice,
//!   or months out of order in the table (the reader pairs month headers with
//!   value cells; a plan read back out of order means the two rows were
//!   shifted against each other);
//! - a share is negative or above 100;
//! - the plan decreases from one month to a later one (it is cumulative);
//! - all four of 3月底, 6月底, 10月底 and 12月底 are given and 12月底 is not 100.
//!
//! Misalignment the reader itself sees in the source rows (a percent under no
//! month heading, percents matched to months by order) is reported by the
//! reader (`plan-unmatched`, `plan-realigned`); this check judges the plan as
//! read. Line: the project's.

use rust_decimal::Decimal;

use super::{codes, dec, diag};
use crate::document::{Diagnostic, PlanPoint, Project};

/// The four months of the standard plan (3月底 / 6月底 / 10月底 / 12月底).
const STANDARD_MONTHS: [u8; 4] = [3, 6, 10, 12];

/// A `spending-plan` diagnostic for plan rows that do not line up: `detail`
/// says what was seen.
fn misaligned(line: u32, detail: &str) -> Diagnostic {
    diag(
        codes::SPENDING_PLAN,
        line,
        format!("资金支出计划的月份与数值错位：{detail}"),
    )
}

pub(super) fn check(p: &Project, out: &mut Vec<Diagnostic>) {
    let points = &p.spending_plan.points;
    if points.is_empty() {
        return;
    }
    let line = p.line;

    // Misaligned rows: impossible months, repeats, or table order not ascending.
    for pt in points {
        if !(1..=12).contains(&pt.month) {
            out.push(misaligned(
                line,
                &format!("月份 {} 不存在（对应数值 {}%）", pt.month, dec(pt.percent)),
            ));
        }
    }
    for (i, pt) in points.iter().enumerate() {
        if points[..i].iter().any(|q| q.month == pt.month) {
            out.push(misaligned(line, &format!("{}月底出现两次", pt.month)));
        }
    }
    if let Some(w) = points.windows(2).find(|w| w[1].month < w[0].month) {
        out.push(misaligned(
            line,
            &format!("{}月底排在{}月底之后", w[1].month, w[0].month),
        ));
    }

    for pt in points {
        if pt.percent < Decimal::ZERO || pt.percent > Decimal::ONE_HUNDRED {
            out.push(diag(
                codes::SPENDING_PLAN,
                line,
                format!(
                    "{}月底累计支出计划 {}% 不在 0–100% 之间",
                    pt.month,
                    dec(pt.percent)
                ),
            ));
        }
    }

    // Cumulative: by month, never decreasing. Repeated months are already
    // reported; compare each month's first value only.
    let mut by_month: Vec<&PlanPoint> = Vec::with_capacity(points.len());
    for pt in points {
        if !by_month.iter().any(|q| q.month == pt.month) {
            by_month.push(pt);
        }
    }
    by_month.sort_by_key(|pt| pt.month);
    for w in by_month.windows(2) {
        if w[1].percent < w[0].percent {
            out.push(diag(
                codes::SPENDING_PLAN,
                line,
                format!(
                    "累计支出计划应逐月不减：{}月底 {}% 低于{}月底 {}%",
                    w[1].month,
                    dec(w[1].percent),
                    w[0].month,
                    dec(w[0].percent)
                ),
            ));
        }
    }

    let plan = &p.spending_plan;
    if STANDARD_MONTHS.iter().all(|&m| plan.get(m).is_some()) {
        if let Some(end) = plan.get(12) {
            if end != Decimal::ONE_HUNDRED {
                out.push(diag(
                    codes::SPENDING_PLAN,
                    line,
                    format!("12月底累计支出计划为 {}%，应为 100%", dec(end)),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;
    use crate::document::Severity;

    fn run(points: &[(u8, &str)]) -> Vec<(&'static str, Option<u32>, String)> {
        let mut p = project(80, vec![]);
        p.spending_plan = plan(points);
        let mut out = Vec::new();
        check(&p, &mut out);
        assert!(out.iter().all(|d| d.severity == Severity::Warning));
        triples(&out)
    }

    fn msgs(points: &[(u8, &str)]) -> Vec<String> {
        run(points).into_iter().map(|t| t.2).collect()
    }

    #[test]
    fn standard_plan_is_silent() {
        assert!(run(&[(3, "25"), (6, "50"), (10, "75"), (12, "100.00")]).is_empty());
        assert!(run(&[]).is_empty());
        // Partial plans are not required to end at 100.
        assert!(run(&[(3, "25"), (6, "50"), (10, "75")]).is_empty());
        assert!(run(&[(6, "100")]).is_empty());
    }

    #[test]
    fn decreasing_plan_fires_with_both_months() {
        assert_eq!(
            run(&[(3, "60"), (6, "50"), (10, "75"), (12, "100")]),
            vec![(
                codes::SPENDING_PLAN,
                Some(80),
                "累计支出计划应逐月不减：6月底 50% 低于3月底 60%".to_owned()
            )]
        );
    }

    #[test]
    fn above_100_fires_and_so_does_the_wrong_end() {
        assert_eq!(
            msgs(&[(3, "25"), (6, "50"), (10, "120"), (12, "110")]),
            vec![
                "10月底累计支出计划 120% 不在 0–100% 之间".to_owned(),
                "12月底累计支出计划 110% 不在 0–100% 之间".to_owned(),
                "累计支出计划应逐月不减：12月底 110% 低于10月底 120%".to_owned(),
                "12月底累计支出计划为 110%，应为 100%".to_owned(),
            ]
        );
    }

    #[test]
    fn all_four_given_must_end_at_100() {
        assert_eq!(
            msgs(&[(3, "25"), (6, "50"), (10, "75"), (12, "85")]),
            vec!["12月底累计支出计划为 85%，应为 100%".to_owned()]
        );
    }

    #[test]
    fn misaligned_rows_fire() {
        assert_eq!(
            msgs(&[(3, "25"), (12, "100"), (6, "50")]),
            vec!["资金支出计划的月份与数值错位：6月底排在12月底之后".to_owned()]
        );
        assert_eq!(
            msgs(&[(3, "25"), (3, "50")]),
            vec!["资金支出计划的月份与数值错位：3月底出现两次".to_owned()]
        );
        assert_eq!(
            msgs(&[(13, "100")]),
            vec!["资金支出计划的月份与数值错位：月份 13 不存在（对应数值 100%）".to_owned()]
        );
    }
}
