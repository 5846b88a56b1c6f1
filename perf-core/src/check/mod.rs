//! Checks over a parsed document, each yielding diagnostics with a stable code.
//!
//! One small module per check; the codes and severities live in [`codes`], and
//! `docs/CHECKS.md` documents each check in one place. Checks only read the
//! document: they never change what was parsed.
//!
//! Every message is in Chinese, written for a budget analyst; numbers are
//! printed as the exact decimals that were parsed, trailing zeros removed.

pub mod codes;

mod budget_sum;
mod duplicate_indicator;
pub mod framework;
mod garbled_cell;
mod missing_dimension;
mod qualitative_only;
mod spending_plan;
mod value_mismatch;

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::document::{Diagnostic, Document};
use framework::Row;

/// Runs every check over `doc`. Checks never change what was parsed; they only
/// return diagnostics, which `Document::parse` appends to `doc.diagnostics`.
///
/// Project checks run project by project, in the order of [`codes::CHECKS`];
/// the indicator checks then run over the department-wide table. Within that
/// order the result is sorted by line (stable), so an analyst reads it top to
/// bottom; diagnostics without a line come last.
pub fn run(doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut memo = framework::Memo::default();
    // one buffer each for the rows and names of every table
    let (mut rows, mut names) = (Vec::new(), Vec::new());
    for p in &doc.projects {
        framework::rows_into(&p.indicators, &mut memo, &mut rows);
        budget_sum::check(p, &mut out);
        spending_plan::check(p, &mut out);
        indicator_checks(&rows, &mut names, &mut out, &mut memo);
        missing_dimension::check(p, &rows, &mut out);
    }
    // The department-wide table follows its own framework (部门产出 …) and is
    // not a project: every indicator check applies, missing-dimension does not.
    framework::rows_into(&doc.department_indicators, &mut memo, &mut rows);
    indicator_checks(&rows, &mut names, &mut out, &mut memo);
    out.sort_by_key(|d| d.line.unwrap_or(u32::MAX));
    out
}

/// The checks that look at one indicator table; `names` is a buffer for
/// the rows' names.
fn indicator_checks<'a>(
    table: &[Row<'a>],
    names: &mut Vec<Option<Cow<'a, str>>>,
    out: &mut Vec<Diagnostic>,
    memo: &mut framework::Memo<'a>,
) {
    framework::check_with(table, out, memo);
    // each row's name, squashed once for the two checks that read it
    names.clear();
    names.extend(table.iter().map(|r| indicator_name(r.indicator)));
    value_mismatch::check_named(table, names, out);
    garbled_cell::check(table, out);
    duplicate_indicator::check_named(table, names, out);
    qualitative_only::check(table, out);
}

/// A diagnostic of the check `code`, with that check's severity.
fn diag(code: &'static str, line: u32, message: String) -> Diagnostic {
    Diagnostic {
        severity: codes::severity(code),
        code,
        line: Some(line),
        message,
    }
}

/// An exact decimal as an analyst writes it: `90.00` → `90`, `0.125` → `0.125`.
fn dec(d: Decimal) -> String {
    d.normalize().to_string()
}

/// A label with all white space removed (`社会效益指 标` → `社会效益指标`):
/// extractors break cells anywhere, so spaces inside a label mean nothing.
/// Borrows when there is nothing to remove (the common case).
fn squash(s: &str) -> Cow<'_, str> {
    if crate::find::has_white_space(s) {
        let mut out = String::with_capacity(s.len());
        out.extend(s.chars().filter(|c| !c.is_whitespace()));
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// [`indicator_name`] of every row.
#[cfg(test)]
fn names<'a>(table: &[Row<'a>]) -> Vec<Option<Cow<'a, str>>> {
    table.iter().map(|r| indicator_name(r.indicator)).collect()
}

/// True for a missing cell or one holding only white space.
fn blank(s: Option<&str>) -> bool {
    s.map_or(true, crate::find::blank)
}

/// The 三级 name of an indicator, or failing that its description, squashed.
fn indicator_name(ind: &crate::document::Indicator) -> Option<Cow<'_, str>> {
    ind.level3
        .as_deref()
        .or(ind.description.as_deref())
        .filter(|s| !blank(Some(s)))
        .map(squash)
}

#[cfg(test)]
pub(crate) mod testutil;

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;
    use crate::document::Severity;

    #[test]
    fn dec_drops_trailing_zeros() {
        assert_eq!(dec("90.00".parse().unwrap()), "90");
        assert_eq!(dec("0.125".parse().unwrap()), "0.125");
    }

    #[test]
    fn squash_knows_every_white_space_char() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("社{c}会");
            let squashed = squash(&s);
            if c.is_whitespace() {
                assert_eq!(squashed, "社会", "U+{:04X}", c as u32);
            } else {
                assert_eq!(squashed, s, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn squash_removes_breaks_inside_labels() {
        assert_eq!(squash("社会效益指 标"), "社会效益指标");
        assert_eq!(squash("服务对象满\n意度\u{3000}指标"), "服务对象满意度指标");
    }

    #[test]
    fn run_sorts_by_line_and_covers_department_table() {
        let mut p = project(
            10,
            vec![ind(
                "产出指标",
                "数量指标",
                "人数",
                qty("5 人", "5", "人", D::Count),
                20,
            )],
        );
        p.budget = budget(Some("90"), Some("92"), None);
        let mut d = document(vec![p]);
        d.department_indicators = vec![ind("部门产出", "数量", "考核人数", garbled("1515"), 5)];
        let diags = run(&d);
        let got: Vec<(&str, Option<u32>)> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(
            got,
            vec![
                (codes::GARBLED_CELL, Some(5)),
                (codes::BUDGET_SUM, Some(10)),
                (codes::MISSING_DIMENSION, Some(10)),
            ]
        );
        assert_eq!(diags[1].severity, Severity::Warning);
        assert_eq!(diags[2].severity, Severity::Info);
    }

    #[test]
    fn a_clean_project_yields_nothing() {
        let d = document(vec![clean_project()]);
        assert_eq!(run(&d), vec![]);
    }
}
