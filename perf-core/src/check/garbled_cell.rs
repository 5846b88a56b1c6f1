//! `garbled-cell`: a value cell the parser could only keep literally.
//!
//! Fires once per indicator whose value carries the `garbled cell` note
//! (`1515`, `4000 个/元`, `6000 每条 维护费 6000 元`) or the `number missing`
//! note (`>=%`). The value is never repaired: `raw` keeps the cell as given,
//! and the analyst is pointed to the line. Line: the indicator's.

use super::framework::Row;
use super::{codes, diag, indicator_name};
use crate::document::Diagnostic;
use crate::value::Note;

pub(super) fn check(table: &[Row<'_>], out: &mut Vec<Diagnostic>) {
    for row in table {
        let ind = row.indicator;
        let v = &ind.value;
        let what = if v.notes.contains(Note::GarbledCell) {
            "内容错乱，无法可靠解析"
        } else if v.notes.contains(Note::NumberMissing) {
            "缺少数值"
        } else {
            continue;
        };
        let name = indicator_name(ind)
            .map(|n| format!("指标「{n}」的"))
            .unwrap_or_default();
        out.push(diag(
            codes::GARBLED_CELL,
            ind.line,
            format!("{name}指标值「{}」{what}，已按原文保留", v.raw.trim()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::super::framework::rows;
    use super::super::testutil::*;
    use super::*;
    use crate::document::Indicator;
    use crate::document::Severity;

    fn run(table: &[Indicator]) -> Vec<(&'static str, Option<u32>, String)> {
        let mut out = Vec::new();
        check(&rows(table), &mut out);
        assert!(out.iter().all(|d| d.severity == Severity::Warning));
        triples(&out)
    }

    #[test]
    fn garbled_and_number_missing_fire() {
        let table = vec![
            ind("产出指标", "数量指标", "专线 15 条", garbled("1515"), 208),
            ind(
                "",
                "成本指标",
                "每条维护费",
                garbled("6000 每条 维护费 6000 元"),
                211,
            ),
            ind(
                "",
                "质量指标",
                "",
                with_note(pct(">=%", "0"), Note::NumberMissing),
                212,
            ),
            ind("", "质量指标", "正常使用", text("正常使用"), 209),
        ];
        assert_eq!(
            run(&table),
            vec![
                (
                    codes::GARBLED_CELL,
                    Some(208),
                    "指标「专线15条」的指标值「1515」内容错乱，无法可靠解析，已按原文保留".to_owned()
                ),
                (
                    codes::GARBLED_CELL,
                    Some(211),
                    "指标「每条维护费」的指标值「6000 每条 维护费 6000 元」内容错乱，无法可靠解析，已按原文保留"
                        .to_owned()
                ),
                (
                    codes::GARBLED_CELL,
                    Some(212),
                    "指标值「>=%」缺少数值，已按原文保留".to_owned()
                ),
            ]
        );
    }
}
