//! `duplicate-indicator`: the same 三级 indicator twice in one table.
//!
//! Two rows are the same indicator when their 三级 names are equal once
//! white space is removed (`养老金发放 准确率` = `养老金发放准确率`), whatever
//! their 一级/二级. Fires on every repeat, naming the line of the first.
//! Rows without a 三级 name are not compared. Line: the repeat's.

use std::borrow::Cow;

use super::framework::Row;
use super::{blank, codes, diag};
use crate::document::Diagnostic;

#[cfg(test)]
pub(super) fn check(table: &[Row<'_>], out: &mut Vec<Diagnostic>) {
    check_named(table, &super::names(table), out);
}

/// The check, given `indicator_name` of every row (`names[i]` for
/// `table[i]`): the squashed 三级 name whenever the 三级 is not blank.
pub(super) fn check_named<'a>(
    table: &[Row<'_>],
    names: &'a [Option<Cow<'_, str>>],
    out: &mut Vec<Diagnostic>,
) {
    let mut first: Vec<(&'a str, u32)> = Vec::with_capacity(table.len());
    for (row, name) in table.iter().zip(names) {
        let ind = row.indicator;
        if blank(ind.level3.as_deref()) {
            continue;
        }
        let Some(name) = name.as_deref() else {
            continue;
        };
        match first.iter().find(|(n, _)| *n == name) {
            Some((_, line)) => out.push(diag(
                codes::DUPLICATE_INDICATOR,
                ind.line,
                format!("三级指标「{name}」重复出现（首次在第 {line} 行）"),
            )),
            None => first.push((name, ind.line)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::framework::rows;
    use super::super::testutil::*;
    use super::*;
    use crate::document::Severity;

    #[test]
    fn repeats_fire_naming_the_first() {
        let table = vec![
            ind(
                "效益指标",
                "经济效益指标",
                "经办银行创业贷款增长率",
                pct("≥4%", "4"),
                120,
            ),
            ind(
                "",
                "经济效益指标",
                "经办银行创业贷款 增长率",
                pct("≥4%", "4"),
                121,
            ),
            ind("", "社会效益指标", "就业人数增长率", pct("≥4%", "4"), 122),
            ind(
                "",
                "社会效益指标",
                "经办银行创业贷款增长率",
                pct("≥4%", "4"),
                125,
            ),
            ind("", "社会效益指标", "", pct("≥4%", "4"), 126),
            ind("", "社会效益指标", "", pct("≥4%", "4"), 127),
        ];
        let mut out = Vec::new();
        check(&rows(&table), &mut out);
        assert!(out.iter().all(|d| d.severity == Severity::Warning));
        assert_eq!(
            triples(&out),
            vec![
                (
                    codes::DUPLICATE_INDICATOR,
                    Some(121),
                    "三级指标「经办银行创业贷款增长率」重复出现（首次在第 120 行）".to_owned()
                ),
                (
                    codes::DUPLICATE_INDICATOR,
                    Some(125),
                    "三级指标「经办银行创业贷款增长率」重复出现（首次在第 120 行）".to_owned()
                ),
            ]
        );
    }

    #[test]
    fn distinct_names_are_silent() {
        let mut out = Vec::new();
        check(&rows(&clean_project().indicators), &mut out);
        assert_eq!(out, vec![]);
    }
}
