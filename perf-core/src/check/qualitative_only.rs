//! `qualitative-only`: a 数量 or 成本 indicator measured by words.
//!
//! 数量 and 成本 indicators are quantitative by definition (财预〔2020〕10号:
//! a number of outputs, an amount of cost); fires when such an indicator's
//! value is a qualitative term (`足额发放`) or free text (`政策标准`). Empty
//! values are not judged, nor text the parser kept because it holds a number
//! it could not place (notes `garbled cell`, `number missing`,
//! `unclassified`): those are not words instead of a number, and garbled
//! ones are `garbled-cell`'s. Line: the indicator's.

#[cfg(test)]
use super::framework::rows;
use super::framework::{Dim, Row};
use super::{codes, diag, indicator_name};
use crate::document::Diagnostic;
#[cfg(test)]
use crate::document::Indicator;
use crate::value::{Kind, Note};

#[cfg(test)]
pub(super) fn check(table: &[Indicator], out: &mut Vec<Diagnostic>) {
    check_rows(&rows(table), out);
}

/// The check over a table's [`rows`] (computed once per table by [`super::run`]).
pub(super) fn check_rows(rows: &[Row<'_>], out: &mut Vec<Diagnostic>) {
    for row in rows {
        let ind = row.indicator;
        let dim = match row.dimension() {
            Some(d @ (Dim::Quantity | Dim::Cost)) => d,
            _ => continue,
        };
        let notes = ind.value.notes;
        if [Note::GarbledCell, Note::NumberMissing, Note::Unclassified]
            .iter()
            .any(|n| notes.contains(*n))
        {
            continue;
        }
        let what = match ind.value.kind() {
            Kind::Qualitative => "定性值",
            Kind::Text => "文字描述",
            _ => continue,
        };
        let name = indicator_name(ind)
            .map(|n| format!("「{n}」"))
            .unwrap_or_default();
        out.push(diag(
            codes::QUALITATIVE_ONLY,
            ind.line,
            format!(
                "{}指标{name}应为定量值，实际为{what}「{}」",
                dim.name(),
                ind.value.raw.trim()
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;
    use crate::document::Severity;

    #[test]
    fn words_in_quantity_or_cost_fire() {
        let table = vec![
            ind(
                "产出指标",
                "数量指标",
                "补贴发放",
                qual("足额发放", "足额发放"),
                40,
            ),
            ind("", "成本指标", "人均标准", text("政策标准"), 41),
            ind(
                "成本指标",
                "经济成本指标",
                "成本控制",
                qual("合理", "合理"),
                42,
            ),
            ind(
                "产出指标",
                "质量指标",
                "发放质量",
                qual("足额发放", "足额发放"),
                43,
            ),
            ind("产出指标", "数量指标", "人数", empty(), 44),
            ind("产出指标", "数量指标", "专线", garbled("1515"), 46),
            ind(
                "产出指标",
                "数量指标",
                "专线",
                with_note(text("专线15条"), Note::Unclassified),
                47,
            ),
            ind(
                "产出指标",
                "数量指标",
                "人数",
                qty("29 人", "29", "人", D::Count),
                45,
            ),
        ];
        let mut out = Vec::new();
        check(&table, &mut out);
        assert!(out.iter().all(|d| d.severity == Severity::Info));
        assert_eq!(
            triples(&out),
            vec![
                (
                    codes::QUALITATIVE_ONLY,
                    Some(40),
                    "数量指标「补贴发放」应为定量值，实际为定性值「足额发放」".to_owned()
                ),
                (
                    codes::QUALITATIVE_ONLY,
                    Some(41),
                    "成本指标「人均标准」应为定量值，实际为文字描述「政策标准」".to_owned()
                ),
                (
                    codes::QUALITATIVE_ONLY,
                    Some(42),
                    "成本指标「成本控制」应为定量值，实际为定性值「合理」".to_owned()
                ),
            ]
        );
    }
}
