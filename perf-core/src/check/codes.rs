//! The stable codes of the checks, with their severities, in one place.
//!
//! A code is kebab-case, never changes meaning and is never reused for another
//! check; a retired check keeps its code reserved. `docs/CHECKS.md` documents
//! each one (what fires it, English and Chinese message); a test keeps the two
//! in step.

use crate::document::Severity;

/// 预算数 ≠ 财政资金 + 其他资金.
pub const BUDGET_SUM: &str = "budget-sum";
/// 资金支出计划 decreasing, above 100, not ending at 100, or its rows misaligned.
pub const SPENDING_PLAN: &str = "spending-plan";
/// A 一级/二级 name outside the Ministry of Finance framework, a 二级 under the
/// wrong 一级, or a 三级 plainly under the wrong 一级.
pub const FRAMEWORK: &str = "framework";
/// A project without any indicator of one of the six dimensions.
pub const MISSING_DIMENSION: &str = "missing-dimension";
/// A value that contradicts its indicator.
pub const VALUE_MISMATCH: &str = "value-mismatch";
/// A value the parser could only keep as garbled.
pub const GARBLED_CELL: &str = "garbled-cell";
/// The same 三级 indicator twice in one table.
pub const DUPLICATE_INDICATOR: &str = "duplicate-indicator";
/// A 数量 or 成本 indicator with a qualitative or text value.
pub const QUALITATIVE_ONLY: &str = "qualitative-only";

/// What one check is: its code, the severity of every diagnostic it yields,
/// and a one-line English summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

/// Every check, in the order [`super::run`] runs them.
pub const CHECKS: [CheckInfo; 8] = [
    CheckInfo {
        code: BUDGET_SUM,
        severity: Severity::Warning,
        summary: "预算数 differs from 财政资金 + 其他资金",
    },
    CheckInfo {
        code: SPENDING_PLAN,
        severity: Severity::Warning,
        summary: "the cumulative spending plan decreases, exceeds 100, does not end at 100, or is misaligned",
    },
    CheckInfo {
        code: FRAMEWORK,
        severity: Severity::Warning,
        summary: "an indicator level name outside the Ministry of Finance framework, or under the wrong parent",
    },
    CheckInfo {
        code: MISSING_DIMENSION,
        severity: Severity::Info,
        summary: "a project has no 数量, 质量, 时效, 成本, 效益 or 满意度 indicator",
    },
    CheckInfo {
        code: VALUE_MISMATCH,
        severity: Severity::Warning,
        summary: "the value contradicts its indicator (unit, range, kind, or its own description)",
    },
    CheckInfo {
        code: GARBLED_CELL,
        severity: Severity::Warning,
        summary: "the value cell is garbled or lacks its number and was kept literally",
    },
    CheckInfo {
        code: DUPLICATE_INDICATOR,
        severity: Severity::Warning,
        summary: "the same 三级 indicator appears twice in one table",
    },
    CheckInfo {
        code: QUALITATIVE_ONLY,
        severity: Severity::Info,
        summary: "a 数量 or 成本 indicator has a qualitative or text value",
    },
];

/// The severity of the check with `code`.
///
/// # Panics
/// Never for the codes of this module; an unknown code is a programming error
/// caught by the tests, and maps to `Warning` rather than panicking.
pub fn severity(code: &str) -> Severity {
    CHECKS
        .iter()
        .find(|c| c.code == code)
        .map(|c| c.severity)
        .unwrap_or(Severity::Warning)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        for (i, c) in CHECKS.iter().enumerate() {
            assert!(
                c.code
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{} is not kebab-case",
                c.code
            );
            assert!(!c.code.starts_with('-') && !c.code.ends_with('-'));
            for d in &CHECKS[i + 1..] {
                assert_ne!(c.code, d.code);
            }
        }
    }

    #[test]
    fn every_code_is_documented() {
        let doc = include_str!("../../../docs/CHECKS.md");
        for c in &CHECKS {
            let heading = format!("## `{}`", c.code);
            assert!(doc.contains(&heading), "docs/CHECKS.md lacks {heading}");
            let sev = format!("Severity: **{}**", c.severity.as_str());
            let section = doc.split(&heading).nth(1).unwrap_or("");
            let section = section.split("\n## ").next().unwrap_or("");
            assert!(
                section.contains(&sev),
                "docs/CHECKS.md: {} should say {sev}",
                c.code
            );
        }
    }

    #[test]
    fn severity_lookup() {
        assert_eq!(severity(BUDGET_SUM), Severity::Warning);
        assert_eq!(severity(MISSING_DIMENSION), Severity::Info);
        assert_eq!(severity(QUALITATIVE_ONLY), Severity::Info);
    }
}
