//! The spaced-rows layout (pdfplumber, pypdf, `pdftotext -raw`): a table row
//! on one line, its cells parted by single spaces like the spaces inside a
//! cell. A document read end to end (exact fields), a property that no text
//! is dropped, and one that no text makes the reader panic.

mod robust_support;

use perf_core::Document;
use proptest::prelude::*;
use robust_support::{is_blank, output_texts, squeeze};

/// A project table as pdfplumber writes it (the lines of 002's first table,
/// a merged 一级 cell, a row whose date fills the merged row).
const DOC: &str = "1. 2025 年劳务派遣人员经费绩效目标表
323001 兴隆县人力资源和社会保障局本级
单位：万元
项目编码 13082225P000169100010 项目名称 2025 年劳务派遣人员经费
预算规模及 资金用途 预算数 126.15 其中：财政 资金 126.15 其他资金
劳务派遣经费
资金支出计 划（%） 3 月底 6 月底 10 月底 12 月底
25% 50% 75% 100%
绩效目标 1. 提升政务服务水平提高工作效率
一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据
产出指标 数量指标 劳务派遣 29 人 劳务派遣 29 人 29 人 劳务派遣 29 人
质量指标 工资保险足额支付 工资保险足额支付 工资保险足额支付 工资保险足额支付
时效指标 2025 年 12 月 31 日前支付
成本指标 每人每年 4.35 万 每人每年 4.35 万 4.35 万 每人每年 4.35 万
效益指标 社会效益指 标 提高工作效率 提高工作效率 提高工作效率 提高工作效率
满意度指标 服务对象满意度指标 群众满意度 100% 群众满意度 100% ≥100% 群众满意度 100%
";

/// An indicator's levels, 三级指标, description, value as written, basis
/// and line.
type Row<'a> = (
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
    u32,
);

#[test]
fn a_pdfplumber_table_reads_in_full() {
    let doc = Document::parse(DOC).unwrap();
    assert_eq!(doc.source.layout.as_str(), "spaced-rows");
    assert_eq!(doc.projects.len(), 1);
    let p = &doc.projects[0];
    assert_eq!(p.code.as_deref(), Some("13082225P000169100010"));
    assert_eq!(p.name.as_deref(), Some("2025 年劳务派遣人员经费"));
    assert_eq!(p.amount_unit.as_deref(), Some("万元"));
    assert_eq!(p.budget.total.map(|d| d.to_string()), Some("126.15".into()));
    let plan: Vec<(u8, String)> = p
        .spending_plan
        .points
        .iter()
        .map(|x| (x.month, x.percent.to_string()))
        .collect();
    assert_eq!(
        plan,
        vec![
            (3, "25".into()),
            (6, "50".into()),
            (10, "75".into()),
            (12, "100".into())
        ]
    );
    assert_eq!(p.goals, vec!["提升政务服务水平提高工作效率".to_string()]);
    let rows: Vec<Row<'_>> = p
        .indicators
        .iter()
        .map(|i| {
            (
                i.level1.as_deref(),
                i.level2.as_deref(),
                i.level3.as_deref(),
                i.description.as_deref(),
                &*i.value.raw,
                i.basis.as_deref(),
                i.line,
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![
            (
                Some("产出指标"),
                Some("数量指标"),
                Some("劳务派遣 29 人"),
                Some("劳务派遣 29 人"),
                "29 人",
                Some("劳务派遣 29 人"),
                11
            ),
            (
                Some("产出指标"),
                Some("质量指标"),
                Some("工资保险足额支付"),
                Some("工资保险足额支付"),
                "工资保险足额支付",
                Some("工资保险足额支付"),
                12
            ),
            // every cut would part a number from its unit: kept whole
            (
                Some("产出指标"),
                Some("时效指标"),
                Some("2025 年 12 月 31 日前支付"),
                None,
                "",
                None,
                13
            ),
            (
                Some("产出指标"),
                Some("成本指标"),
                Some("每人每年 4.35 万"),
                Some("每人每年 4.35 万"),
                "4.35 万",
                Some("每人每年 4.35 万"),
                14
            ),
            (
                Some("效益指标"),
                Some("社会效益指标"),
                Some("提高工作效率"),
                Some("提高工作效率"),
                "提高工作效率",
                Some("提高工作效率"),
                15
            ),
            (
                Some("满意度指标"),
                Some("服务对象满意度指标"),
                Some("群众满意度 100%"),
                Some("群众满意度 100%"),
                "≥100%",
                Some("群众满意度 100%"),
                16
            ),
        ]
    );
    let v = &p.indicators[3].value;
    assert_eq!(
        (
            v.number().map(|d| d.to_string()),
            v.unit().map(|u| u.as_str().to_string())
        ),
        (Some("4.35".into()), Some("万".into()))
    );
    // the row kept whole is named, with its line
    let notes: Vec<(&str, Option<u32>)> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "ambiguous-cells")
        .map(|d| (d.code, d.line))
        .collect();
    assert_eq!(notes, vec![("ambiguous-cells", Some(13))]);
}

const LEVEL2: &[&str] = &[
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "社会效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
];

/// A cell: Chinese text (as in `conservation.rs`, drawn from the whole CJK
/// block), a value, or text with spaces and digits.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::char::range('\u{4E00}', '\u{9FA5}'), 2..10)
            .prop_map(|v| v.into_iter().collect::<String>()),
        3 => (
            prop::sample::select(vec!["", "≥", "≤", "＞", "约"]),
            0u32..100_000,
            prop::sample::select(vec!["", "%", " 人", "元/人/月", " 万元", "个", " 天"]),
        )
            .prop_map(|(c, n, u)| format!("{c}{n}{u}")),
        1 => "[甲乙丙丁 0-9a-z%/]{1,12}",
    ]
}

/// Indicator rows (二级 always written: a merged 一级 cell is common, a
/// merged 二级 one is not a row this layout can tell from a wrapped line).
fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(
        (
            prop::option::of(prop::sample::select(vec![
                "产出指标",
                "效益指标",
                "满意度指标",
            ])),
            prop::sample::select(LEVEL2),
            cell(),
            cell(),
            cell(),
            cell(),
        ),
        3..10,
    )
    .prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (l1, l2, a, b, c, d))| {
                let l1 = l1.or(if i == 0 { Some("产出指标") } else { None });
                vec![l1.unwrap_or("").to_owned(), l2.to_owned(), a, b, c, d]
            })
            .collect()
    })
}

/// The rows as pdfplumber writes them: a row a line, white space inside a
/// cell folded to single spaces, cells parted by one space, an empty cell
/// not written at all.
fn spaced_doc(rows: &[Vec<String>]) -> String {
    let mut s = String::from(
        "1. 2025 年测试经费绩效目标表\n单位：万元\n项目编码 13082225P000169100010 项目名称 测试经费\n\
         一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据\n",
    );
    for r in rows {
        let words: Vec<&str> = r
            .iter()
            .flat_map(|c| c.split(is_blank))
            .filter(|w| !w.is_empty())
            .collect();
        s.push_str(&words.join(" "));
        s.push('\n');
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Conservation: where a cell ends is a guess here, so what is kept is
    /// the row's text: every piece between spaces appears in the output,
    /// and each row's text comes back whole and in order, across its
    /// fields (levels, 三级, description, value, basis), white space aside.
    #[test]
    fn spaced_rows_lose_no_piece(rows in rows()) {
        let text = spaced_doc(&rows);
        let doc = Document::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(doc.source.layout.as_str(), "spaced-rows");
        let out: Vec<String> = output_texts(&doc).iter().map(|s| squeeze(s)).collect();
        for w in rows.iter().flatten().flat_map(|c| c.split(is_blank)).filter(|w| !w.is_empty()) {
            prop_assert!(out.iter().any(|o| o.contains(w)), "{:?} dropped\n{}", w, text);
        }
        let inds = &doc.projects[0].indicators;
        prop_assert_eq!(inds.len(), rows.len(), "{}", text);
        for (r, i) in rows.iter().zip(inds) {
            let written = squeeze(&r[1..].concat());
            let read = squeeze(&format!(
                "{}{}{}{}{}",
                i.level2.as_deref().unwrap_or(""),
                i.level3.as_deref().unwrap_or(""),
                i.description.as_deref().unwrap_or(""),
                i.value.raw,
                i.basis.as_deref().unwrap_or("")
            ));
            prop_assert_eq!(read, written, "{}", text);
        }
    }

    /// Any mix of headers, rows, labels, values, continuation pieces and
    /// field lines reads without a panic, every line number in range.
    #[test]
    fn spaced_rows_never_panic(lines in prop::collection::vec(prop::collection::vec(prop::sample::select(&[
        "产出指标", "数量指标", "社会效益指", "标", "成本指标", "经济成本指标", "14",
        "29", "人", "≥", "95%", "2025", "年", "月", "日前支付", "万元", "劳务派遣",
        "资金支出计", "划（%）", "3 月底", "25%", "项目编码", "项目名称", "绩效目标",
        "一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依", "据",
        "一级指标 二级指标 三级指标 指标值", "1. 测试绩效目标表", "", " ", "\u{3000}", "[2024]133号",
    ][..]), 0..12), 0..40)) {
        let mut text = String::from(
            "一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据\n\
             产出指标 数量指标 人数 10 人 人数 10 人 10 人 计划\n\
             质量指标 合格 合格 合格 合格\n时效指标 及时 及时 及时 及时\n",
        );
        for l in lines {
            text.push_str(&l.join(" "));
            text.push('\n');
        }
        let n = text.split('\n').count() as u32;
        if let Ok(doc) = Document::parse(&text) {
            for p in &doc.projects {
                for i in &p.indicators {
                    prop_assert!(i.line >= 1 && i.line <= n);
                }
            }
            for d in &doc.diagnostics {
                prop_assert!(d.line.map_or(true, |l| l >= 1 && l <= n));
            }
        }
    }
}
