//! Conservation: every non-empty cell of an indicator row in the input appears
//! in the output — as a field, as a value's `raw`, or inside a diagnostic's
//! message. Nothing is silently dropped.
//!
//! What the property leaves out, and why:
//! - cells that are themselves structure words (一级指标, 绩效目标表, 项目名称,
//!   …): a row made of them is a header, not an indicator row. The generator
//!   never makes them (`is_structure_word`).
//! - tabs, line breaks and carriage returns inside a cell: in these layouts
//!   they are the cell and row separators, so no reader could tell them apart.
//! - white space (and U+FEFF, an invisible byte-order mark): a cell is
//!   compared with it removed, since a reader may trim a cell or re-join a
//!   value split over lines (SPEC §2); a cell of nothing else is empty.
//! - level cells (一级/二级指标) come from the framework's names or are left
//!   empty (a continuation row), as in every real table.
//!
//! Appearing is checked as "contained in some output string", so a cell that
//! a reader joined with a neighbour (a wrapped description) still counts.

mod robust_support;

use perf_core::Document;
use proptest::prelude::*;
use robust_support::{
    cell_per_line_doc, compact_doc, is_blank, output_texts, paragraph_cells_doc, pipe_table_doc,
    squeeze, tab_rows_doc,
};

const LEVEL1: &[&str] = &["产出指标", "效益指标", "效果指标", "满意度指标", "成本指标"];
const LEVEL2: &[&str] = &[
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "社会效益指标",
    "经济效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
];

/// Words that make a line structure rather than data in some layout.
fn is_structure_word(s: &str) -> bool {
    const WORDS: &[&str] = &[
        "指标",
        "绩效目标",
        "项目",
        "预算",
        "资金",
        "单位",
        "金额",
        "编码",
        "名称",
        "部门",
        "第一部分",
        "第二部分",
        "目标",
        "栏次",
        "符号",
        "值",
        "依据",
        "标准",
        "月底",
    ];
    WORDS.iter().any(|w| s.contains(w))
}

/// A value-like cell: optional comparator, a number, an optional unit.
fn value_cell() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["", "≥", "≤", ">", "<", "=", "≧", "≦", "不低于", "约"]),
        0u32..1_000_000,
        prop::option::of(0u32..100),
        prop::sample::select(vec![
            "",
            "%",
            "人",
            "元/人/月",
            "万元",
            "个",
            "户",
            "天",
            "月",
            "年",
            "次",
            "平方米",
        ]),
    )
        .prop_map(|(c, n, frac, u)| match frac {
            Some(f) => format!("{c}{n}.{f:02}{u}"),
            None => format!("{c}{n}{u}"),
        })
}

/// A descriptive cell: Chinese text drawn from the whole CJK block, so two
/// generated cells almost never contain one another by chance.
fn text_cell() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::char::range('\u{4E00}', '\u{9FA5}'), 2..12)
        .prop_map(|v| v.into_iter().collect::<String>())
}

/// Any printable cell without separators (and not a structure word).
fn wild_cell() -> impl Strategy<Value = String> {
    "[^\t\n\r\u{0b}\u{0c}\u{85}\u{2028}\u{2029}]{1,16}"
        .prop_filter("has a non-blank", |s| s.chars().any(|c| !is_blank(c)))
}

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![4 => text_cell(), 4 => value_cell(), 1 => wild_cell()]
        .prop_filter("not a structure word", |s| !is_structure_word(s))
}

/// One indicator row: 一级, 二级, 三级, 描述, 指标值, 依据. The first row of a
/// table always names its levels; later ones may continue them.
fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(
        (
            prop::option::of(prop::sample::select(LEVEL1)),
            prop::option::of(prop::sample::select(LEVEL2)),
            cell(),
            prop::option::of(cell()),
            prop_oneof![3 => value_cell(), 1 => cell()],
            prop::option::of(cell()),
        ),
        1..12,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (l1, l2, l3, desc, value, basis))| {
                let l1 = l1.or(if i == 0 { Some(LEVEL1[0]) } else { None });
                // a new 一级 always comes with its 二级
                let l2 = l2.or(if l1.is_some() { Some(LEVEL2[0]) } else { None });
                vec![
                    l1.unwrap_or("").to_owned(),
                    l2.unwrap_or("").to_owned(),
                    l3,
                    desc.unwrap_or_default(),
                    value,
                    basis.unwrap_or_default(),
                ]
            })
            .collect()
    })
}

/// The cells of `rows` that do not appear in `doc`'s output.
fn missing(doc: &Document, rows: &[Vec<String>]) -> Vec<String> {
    let out: Vec<String> = output_texts(doc).iter().map(|s| squeeze(s)).collect();
    rows.iter()
        .flatten()
        .map(|c| squeeze(c))
        .filter(|c| !c.is_empty())
        .filter(|c| !out.iter().any(|o| o.contains(c.as_str())))
        .collect()
}

fn check(text: &str, rows: &[Vec<String>]) -> Result<(), TestCaseError> {
    let doc = Document::parse(text)
        .map_err(|e| TestCaseError::fail(format!("the table does not read: {e}\n{text}")))?;
    let lost = missing(&doc, rows);
    prop_assert!(
        lost.is_empty(),
        "cells dropped: {:?}\ninput:\n{}\noutput: {}",
        lost,
        text,
        serde_json::to_string(&doc).unwrap_or_default()
    );
    Ok(())
}

/// An indicator's levels, 三级指标, description, value as written and basis.
type IndicatorCells = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
);

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn tab_rows_lose_no_cell(rows in rows()) {
        check(&tab_rows_doc(&rows), &rows)?;
    }

    #[test]
    fn cell_per_line_loses_no_cell(rows in rows()) {
        check(&cell_per_line_doc(&rows), &rows)?;
    }

    /// docx2txt text: no cell or row marks at all, rows found again from
    /// the header's width and the level labels.
    #[test]
    fn paragraph_cells_lose_no_cell(rows in rows()) {
        let text = paragraph_cells_doc(&rows);
        let layout = Document::parse(&text).map(|d| d.source.layout.as_str());
        prop_assert_eq!(layout, Ok("paragraph-cells"));
        check(&text, &rows)?;
    }

    /// `pdftotext` (a blank line between cells) and PyMuPDF (a line each)
    /// text: an empty cell is not written at all, so a row is found by its
    /// level labels and the header's width.
    #[test]
    fn compact_paragraph_cells_lose_no_cell(rows in rows(), line_each in any::<bool>()) {
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.replace(['\u{c}', '\u{b}'], "")).collect())
            .collect();
        let text = compact_doc(&rows, if line_each { "\n" } else { "\n\n" });
        let layout = Document::parse(&text).map(|d| d.source.layout.as_str());
        prop_assert_eq!(layout, Ok("paragraph-cells"));
        check(&text, &rows)?;
    }

    /// Markdown pipe tables: `|` between cells, a bar or a backslash in a
    /// cell escaped.
    #[test]
    fn pipe_tables_lose_no_cell(rows in rows()) {
        let text = pipe_table_doc(&rows);
        let layout = Document::parse(&text).map(|d| d.source.layout.as_str());
        prop_assert_eq!(layout, Ok("grid-rows"));
        check(&text, &rows)?;
    }

    /// Stronger, for the same rows: the indicators read from the docx2txt
    /// text are those read from the cell-per-line text of the same table
    /// (lines aside).
    #[test]
    fn paragraph_cells_read_like_cell_per_line(rows in rows()) {
        let strip = |text: &str| -> Vec<IndicatorCells> {
            Document::parse(text)
                .map(|d| {
                    d.projects
                        .iter()
                        .flat_map(|p| p.indicators.iter())
                        .map(|i| (i.level1.clone(), i.level2.clone(), i.level3.clone(), i.description.clone(), i.value.raw.to_string(), i.basis.clone()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let (a, b) = (strip(&cell_per_line_doc(&rows)), strip(&paragraph_cells_doc(&rows)));
        prop_assert_eq!(a.len(), rows.len());
        prop_assert_eq!(a, b);
    }

    /// The same rows as `pdftotext -layout` sets them: columns aligned with
    /// runs of spaces, a blank line between rows.
    #[test]
    fn space_aligned_loses_no_cell(rows in rows()) {
        let rows = single_spaced(rows);
        let text = space_aligned_doc(&rows);
        let doc = Document::parse(&text).expect("reads");
        prop_assert_eq!(doc.source.layout.as_str(), "space-aligned");
        check(&text, &rows)?;
    }

    /// A row with more cells than the header has columns: the extra cells
    /// are kept somewhere (a field or a diagnostic), not cut off.
    #[test]
    fn extra_cells_are_not_cut_off(mut rows in rows(), extra in prop::collection::vec(text_cell(), 1..4)) {
        rows[0].extend(extra);
        check(&tab_rows_doc(&rows), &rows)?;
    }
}

/// A cell as a PDF shows it: white space inside folded to single spaces
/// (two spaces in a row would be a column gap), none at the ends.
fn single_spaced(rows: Vec<Vec<String>>) -> Vec<Vec<String>> {
    rows.into_iter()
        .map(|r| {
            r.into_iter()
                .map(|c| {
                    c.split(is_blank)
                        .filter(|w| !w.is_empty())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

/// A space-aligned document: the project table's lines on one grid of
/// columns (each as wide as its widest cell, in characters, plus four
/// spaces), a blank line after each row, as pdftotext -layout writes a table.
fn space_aligned_doc(rows: &[Vec<String>]) -> String {
    let fields: Vec<String> = [
        "项目编码",
        "13082225P000169100010",
        "项目名称",
        "2025 年测试经费",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let header: Vec<String> = [
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
        "指标值确定依据",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut table = vec![fields, header];
    table.extend(rows.iter().cloned());
    let ncols = table.iter().map(Vec::len).max().unwrap_or(0);
    let width: Vec<usize> = (0..ncols)
        .map(|c| {
            table
                .iter()
                .filter_map(|r| r.get(c))
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0)
                + 4
        })
        .collect();
    let mut s = String::from("1. 2025 年测试经费绩效目标表\n\n单位：万元\n\n");
    for r in &table {
        let mut line = String::new();
        for (c, t) in r.iter().enumerate() {
            line.push_str(t);
            if r[c + 1..].iter().any(|t| !t.is_empty()) {
                line.extend(std::iter::repeat(' ').take(width[c] - t.chars().count()));
            }
        }
        s.push_str(line.trim_end());
        s.push_str("\n\n");
    }
    s
}

/// The property's own check can fail: a document that lost a cell is caught.
#[test]
fn the_check_sees_a_dropped_cell() {
    let rows = vec![vec![
        "产出指标".to_owned(),
        "数量指标".to_owned(),
        "劳务派遣人数".to_owned(),
        "劳务派遣人数".to_owned(),
        "29 人".to_owned(),
        "计划标准".to_owned(),
    ]];
    let mut doc = Document::parse(&tab_rows_doc(&rows)).expect("reads");
    assert!(
        missing(&doc, &rows).is_empty(),
        "{:?}",
        missing(&doc, &rows)
    );
    for p in &mut doc.projects {
        for ind in &mut p.indicators {
            ind.basis = None;
        }
    }
    assert_eq!(missing(&doc, &rows), vec!["计划标准".to_owned()]);
}

/// The same rule on the real corpus, where the rows are known from the
/// output itself: each indicator names the line its row starts on. In the
/// tab-rows files that line holds the row's cells; in the cell-per-line files
/// the row runs from that line to the next blank line, one `\t`-led cell per
/// line (a line without the tab continues the cell above). The wrapped file
/// (000) has no cell boundaries to check against, and is left out.
#[test]
fn corpus_rows_lose_no_cell() {
    let mut checked = 0;
    for (name, bytes) in robust_support::corpus() {
        let text = String::from_utf8(bytes).expect("utf-8");
        let doc = Document::parse(&text).expect("reads");
        let lines: Vec<&str> = text.lines().collect();
        let out: Vec<String> = output_texts(&doc).iter().map(|s| squeeze(s)).collect();
        let rows = doc
            .projects
            .iter()
            .flat_map(|p| p.indicators.iter())
            .chain(doc.department_indicators.iter());
        for ind in rows {
            let start = ind.line as usize - 1;
            let cells: Vec<&str> = match doc.source.layout.as_str() {
                "tab-rows" => lines[start].split('\t').collect(),
                "cell-per-line" => lines[start..]
                    .iter()
                    .take_while(|l| !l.trim().is_empty())
                    .copied()
                    .collect(),
                _ => continue,
            };
            for cell in cells {
                let c = squeeze(cell);
                if c.is_empty() {
                    continue;
                }
                checked += 1;
                assert!(
                    out.iter().any(|o| o.contains(c.as_str())),
                    "{name}: line {}: cell {cell:?} is nowhere in the output",
                    ind.line
                );
            }
        }
    }
    assert!(checked > 1000, "only {checked} cells checked");
}

/// A value cell that starts with U+1680 (OGHAM SPACE MARK, white space to
/// Rust but not to the document's own label rules) reads the same whichever
/// reader saw it (found by `paragraph_cells_read_like_cell_per_line`).
#[test]
fn ogham_space_value_reads_alike() {
    let rows: Vec<Vec<String>> = vec![["产出指标", "数量指标", "一一", "", "\u{1680}!", ""]
        .iter()
        .map(|s| s.to_string())
        .collect()];
    let read = |text: &str| -> Vec<IndicatorCells> {
        let d = Document::parse(text).expect("reads");
        d.projects
            .iter()
            .flat_map(|p| p.indicators.iter())
            .map(|i| {
                (
                    i.level1.clone(),
                    i.level2.clone(),
                    i.level3.clone(),
                    i.description.clone(),
                    i.value.raw.to_string(),
                    i.basis.clone(),
                )
            })
            .collect()
    };
    let a = read(&cell_per_line_doc(&rows));
    let b = read(&paragraph_cells_doc(&rows));
    assert_eq!(a.len(), 1);
    assert_eq!(a, b);
}
