//! `missing-dimension`: a project should carry at least one indicator of
//! each of the six dimensions the framework names — 数量, 质量, 时效, 成本
//! (under 产出 or as its own first level), 效益 and 满意度.
//!
//! Fires once per project, listing every dimension it lacks. A project with
//! no indicator rows at all is the reader's to report (`no-indicators`), not
//! this check's. The dimension of an indicator is read
//! from its 一级/二级 as [`super::framework::dimension`] does. Line: the
//! project's.

use super::framework::{Dim, Row};
use super::{codes, diag};
use crate::document::{Diagnostic, Project};

pub(super) fn check(p: &Project, rows: &[Row<'_>], out: &mut Vec<Diagnostic>) {
    if rows.is_empty() {
        return;
    }
    let mut present = [false; Dim::ALL.len()];
    for d in rows.iter().filter_map(|r| r.dimension) {
        if let Some(k) = Dim::ALL.iter().position(|x| *x == d) {
            present[k] = true;
        }
    }
    if present.iter().all(|p| *p) {
        return;
    }
    let missing: Vec<&str> = Dim::ALL
        .iter()
        .zip(present)
        .filter(|(_, p)| !p)
        .map(|(d, _)| d.name())
        .collect();
    if missing.is_empty() {
        return;
    }
    let message = format!("项目缺少{}指标", missing.join("、"));
    out.push(diag(codes::MISSING_DIMENSION, p.line, message));
}

#[cfg(test)]
mod tests {
    use super::super::framework::rows;
    use super::super::testutil::*;
    use super::*;
    use crate::document::Severity;

    fn run(p: &Project) -> Vec<(&'static str, Option<u32>, String)> {
        let mut out = Vec::new();
        check(p, &rows(&p.indicators), &mut out);
        assert!(out.iter().all(|d| d.severity == Severity::Info));
        triples(&out)
    }

    #[test]
    fn all_six_present_is_silent() {
        assert_eq!(run(&clean_project()), vec![]);
    }

    #[test]
    fn cost_as_its_own_first_level_counts() {
        let mut p = clean_project();
        p.indicators
            .retain(|i| i.level2.as_deref() != Some("成本指标"));
        p.indicators.push(ind(
            "成本指标",
            "经济成本指标",
            "人均成本",
            qty("36 元", "36", "元", D::Currency),
            90,
        ));
        assert_eq!(run(&p), vec![]);
    }

    #[test]
    fn lists_every_missing_dimension() {
        let mut p = clean_project();
        p.indicators.retain(|i| {
            !matches!(
                i.level2.as_deref(),
                Some("时效指标") | Some("成本指标") | Some("服务对象满意度指标")
            )
        });
        assert_eq!(
            run(&p),
            vec![(
                codes::MISSING_DIMENSION,
                Some(80),
                "项目缺少时效、成本、满意度指标".to_owned()
            )]
        );
    }

    #[test]
    fn no_indicators_at_all_is_the_readers_to_report() {
        let p = project(7, vec![]);
        assert_eq!(run(&p), vec![]);
    }
}
