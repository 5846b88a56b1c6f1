//! `duplicate-indicator`: the same 三级 indicator twice in one table.
//!
//! Two rows are the same indicator when their 三级 names are equal once
//! white space is removed (`养老金发放 准确率` = `养老金发放准确率`), whatever
//! their 一级/二级. Fires on every repeat, naming the line of the first.
//! Rows without a 三级 name are not compared. Line: the repeat's.

use std::collections::hash_map::{Entry, HashMap};

use super::{codes, diag, squash};
use crate::document::{Diagnostic, Indicator};

pub(super) fn check(table: &[Indicator], out: &mut Vec<Diagnostic>) {
    // name → line of its first row; a map keeps long tables linear
    let mut first = HashMap::new();
    for ind in table {
        let Some(name) = ind.level3.as_deref().map(squash).filter(|s| !s.is_empty()) else {
            continue;
        };
        match first.entry(name) {
            Entry::Occupied(e) => out.push(diag(
                codes::DUPLICATE_INDICATOR,
                ind.line,
                format!("三级指标「{}」重复出现（首次在第 {} 行）", e.key(), e.get()),
            )),
            Entry::Vacant(e) => {
                e.insert(ind.line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
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
        check(&table, &mut out);
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
        check(&clean_project().indicators, &mut out);
        assert_eq!(out, vec![]);
    }
}
