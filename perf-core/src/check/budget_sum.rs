//! `budget-sum`: 预算数 must equal 财政资金 + 其他资金.
//!
//! Fires when 预算数 is given together with at least one of 财政资金 / 其他资金
//! and differs from their sum (a missing part counts as 0). Exact decimal
//! arithmetic: `126.15 = 126.15 + 0` holds, `90 ≠ 92 + 0` does not. Line: the
//! project's.

use rust_decimal::Decimal;

use super::{codes, dec, diag};
use crate::document::{Diagnostic, Project};

pub(super) fn check(p: &Project, out: &mut Vec<Diagnostic>) {
    let b = &p.budget;
    let Some(total) = b.total else { return };
    if b.fiscal.is_none() && b.other.is_none() {
        return;
    }
    let fiscal = b.fiscal.unwrap_or(Decimal::ZERO);
    let other = b.other.unwrap_or(Decimal::ZERO);
    // Amounts in a table are far below Decimal's range; an overflow would
    // itself be worth reporting, so it is treated as a mismatch.
    let agrees = fiscal.checked_add(other).is_some_and(|sum| sum == total);
    if agrees {
        return;
    }
    // The message is exactly SPEC §3's example shape, in the table's amount unit.
    out.push(diag(
        codes::BUDGET_SUM,
        p.line,
        format!(
            "预算数 {} ≠ 财政资金 {} + 其他资金 {}",
            dec(total),
            dec(fiscal),
            dec(other)
        ),
    ));
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;
    use crate::document::Severity;

    fn run(total: Option<&str>, fiscal: Option<&str>, other: Option<&str>) -> Vec<Diagnostic> {
        let mut p = project(80, vec![]);
        p.budget = budget(total, fiscal, other);
        let mut out = Vec::new();
        check(&p, &mut out);
        out
    }

    #[test]
    fn total_below_fiscal_fires() {
        let out = run(Some("90"), Some("92"), None);
        assert_eq!(
            triples(&out),
            vec![(
                codes::BUDGET_SUM,
                Some(80),
                "预算数 90 ≠ 财政资金 92 + 其他资金 0".to_owned()
            )]
        );
        assert_eq!(out[0].severity, Severity::Warning);
    }

    #[test]
    fn sum_with_other_funds_and_trailing_zeros_agrees() {
        assert!(run(Some("126.15"), Some("126.15"), None).is_empty());
        assert!(run(Some("100.00"), Some("60.5"), Some("39.50")).is_empty());
    }

    #[test]
    fn exact_decimals_not_floats() {
        // 0.1 + 0.2 = 0.3 exactly; with f64 it would not be.
        assert!(run(Some("0.3"), Some("0.1"), Some("0.2")).is_empty());
        let out = run(Some("0.3"), Some("0.1"), Some("0.21"));
        assert_eq!(out[0].message, "预算数 0.3 ≠ 财政资金 0.1 + 其他资金 0.21");
    }

    #[test]
    fn nothing_to_compare_is_silent() {
        assert!(run(None, Some("92"), None).is_empty());
        assert!(run(Some("90"), None, None).is_empty());
        assert!(run(None, None, None).is_empty());
    }

    #[test]
    fn other_funds_alone_count() {
        let out = run(Some("10"), None, Some("4"));
        assert_eq!(out[0].message, "预算数 10 ≠ 财政资金 0 + 其他资金 4");
    }
}
