//! Every check on one constructed document, built through the public API with
//! values parsed by `Value::parse`: the exact diagnostics, in order.

use perf_core::check::{self, codes};
use perf_core::document::{Budget, Indicator, PlanPoint, Project, Source, SpendingPlan};
use perf_core::{Document, Layout, Severity, Value};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn row(l1: &str, l2: &str, l3: &str, desc: &str, cell: &str, line: u32) -> Indicator {
    let opt = |s: &str| Some(s.to_owned()).filter(|s| !s.is_empty());
    Indicator {
        level1: opt(l1),
        level2: opt(l2),
        level3: opt(l3),
        description: opt(desc),
        value: Value::parse(cell).into_owned(),
        basis: None,
        scoring: None,
        line,
    }
}

fn project(
    line: u32,
    budget: [&str; 2],
    plan: &[(u8, &str)],
    indicators: Vec<Indicator>,
) -> Project {
    Project {
        index: 1,
        code: None,
        name: Some("人才工作专项资金".to_owned()),
        unit_name: None,
        amount_unit: Some("万元".to_owned()),
        budget: Budget {
            total: Some(dec(budget[0])),
            fiscal: Some(dec(budget[1])),
            other: None,
        },
        spending_plan: SpendingPlan {
            points: plan
                .iter()
                .map(|&(month, p)| PlanPoint {
                    month,
                    percent: dec(p),
                })
                .collect(),
        },
        goals: vec![],
        indicators,
        line,
    }
}

fn document(projects: Vec<Project>, department: Vec<Indicator>) -> Document {
    Document {
        source: Source {
            encoding: "UTF-8",
            layout: Layout::TabRows,
        },
        department: None,
        year: Some(2025),
        projects,
        department_indicators: department,
        diagnostics: vec![],
    }
}

#[test]
fn every_check_fires_on_its_case() {
    let p1 = project(
        100,
        ["90", "92"],
        &[(3, "25"), (6, "50"), (10, "75"), (12, "85")],
        vec![
            row(
                "产出指标",
                "数量指标",
                "劳务派遣人数",
                "劳务派遣 29 人",
                "30 人",
                101,
            ),
            row("", "数量指标", "专线", "专线 15 条", "1515", 102),
            row("", "质量指标", "项目完成率", "项目完成率", "≥4次", 103),
            row("", "实效指标", "宣传活动完成时间", "", "12月底前完成", 104),
            row(
                "",
                "成本指标",
                "人均标准",
                "按政策规定执行",
                "政策标准",
                105,
            ),
            row(
                "",
                "成本指标",
                "每条维护费",
                "",
                "6000 每条 维护费 6000 元",
                106,
            ),
            row("效果指标", "社会效益指标", "群众满意度", "", "98%", 107),
            row("效果指标", "可持续性影响", "长期可持续", "", "长期", 108),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "参保人员满意度",
                "",
                "105%",
                109,
            ),
            row(
                "满意度指标",
                "服务对象满意度指标",
                "参保人员满意度",
                "",
                "满意",
                110,
            ),
        ],
    );
    let p2 = project(
        200,
        ["126.15", "126.15"],
        &[(3, "25"), (6, "20"), (10, "75")],
        vec![
            row(
                "产出指标",
                "数量指标",
                "孵化基地运行经费",
                "",
                "6 万元",
                201,
            ),
            row("", "时效指标", "发放时间", "", "12", 202),
            row("", "数量指标", "购买服务机构", "", "4000 个/元", 203),
        ],
    );
    let department = vec![row("部门产出", "数量", "考核人数", "", ">=%", 20)];
    let doc = document(vec![p1, p2], department);
    let got: Vec<(&str, Option<u32>, String)> = check::run(&doc)
        .into_iter()
        .map(|d| (d.code, d.line, d.message))
        .collect();
    let want: Vec<(&str, u32, &str)> = vec![
        (codes::GARBLED_CELL, 20, "指标「考核人数」的指标值「>=%」缺少数值，已按原文保留"),
        (codes::BUDGET_SUM, 100, "预算数 90 ≠ 财政资金 92 + 其他资金 0"),
        (codes::SPENDING_PLAN, 100, "12月底累计支出计划为 85%，应为 100%"),
        (codes::VALUE_MISMATCH, 101, "指标值「30 人」与「劳务派遣29人」中写明的 29人 不符"),
        (codes::GARBLED_CELL, 102, "指标「专线」的指标值「1515」内容错乱，无法可靠解析，已按原文保留"),
        (codes::VALUE_MISMATCH, 103, "「项目完成率」是比率指标，指标值应为百分比，实际为「≥4次」"),
        (codes::FRAMEWORK, 104, "二级指标「实效指标」不在「产出指标」的二级指标内，最接近的是「时效指标」"),
        (codes::QUALITATIVE_ONLY, 105, "成本指标「人均标准」应为定量值，实际为文字描述「政策标准」"),
        (codes::GARBLED_CELL, 106, "指标「每条维护费」的指标值「6000 每条 维护费 6000 元」内容错乱，无法可靠解析，已按原文保留"),
        (codes::FRAMEWORK, 107, "三级指标「群众满意度」衡量满意度，应在「满意度指标」下，却列在「效益指标」下"),
        (codes::VALUE_MISMATCH, 109, "「参保人员满意度」不能超过 100%，指标值为 105%"),
        (codes::VALUE_MISMATCH, 110, "「参保人员满意度」是满意度指标，指标值应为百分比，实际为「满意」"),
        (codes::DUPLICATE_INDICATOR, 110, "三级指标「参保人员满意度」重复出现（首次在第 109 行）"),
        (codes::SPENDING_PLAN, 200, "累计支出计划应逐月不减：6月底 20% 低于3月底 25%"),
        (codes::MISSING_DIMENSION, 200, "项目缺少质量、成本、效益、满意度指标"),
        (codes::VALUE_MISMATCH, 201, "数量指标「孵化基地运行经费」的指标值是金额「6 万元」，应为数量"),
        (codes::VALUE_MISMATCH, 202, "时效指标「发放时间」的指标值应为时间或期限，实际为「12」"),
        (codes::GARBLED_CELL, 203, "指标「购买服务机构」的指标值「4000 个/元」内容错乱，无法可靠解析，已按原文保留"),
    ];
    let want: Vec<(&str, Option<u32>, String)> = want
        .into_iter()
        .map(|(c, l, m)| (c, Some(l), m.to_owned()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn severities_come_from_the_code_table() {
    let doc = document(
        vec![project(
            1,
            ["1", "2"],
            &[],
            vec![row("产出指标", "数量指标", "补贴发放", "", "足额发放", 2)],
        )],
        vec![],
    );
    let got: Vec<(&str, Severity)> = check::run(&doc)
        .iter()
        .map(|d| (d.code, d.severity))
        .collect();
    assert_eq!(
        got,
        vec![
            (codes::BUDGET_SUM, Severity::Warning),
            (codes::MISSING_DIMENSION, Severity::Info),
            (codes::QUALITATIVE_ONLY, Severity::Info),
        ]
    );
}

#[test]
fn checks_leave_the_document_as_parsed() {
    let doc = document(
        vec![project(1, ["90", "92"], &[(3, "60"), (6, "50")], vec![])],
        vec![row("部门产出", "数量", "考核人数", "", "1515", 3)],
    );
    let before = doc.clone();
    let first = check::run(&doc);
    assert_eq!(doc, before);
    assert_eq!(check::run(&doc), first, "checks are deterministic");
    assert_eq!(first.len(), 3);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    /// Labels from the framework's own characters plus noise, so that names
    /// near, inside and outside the framework all occur.
    fn label() -> impl Strategy<Value = String> {
        proptest::string::string_regex("[产出效益果满意度成本数量质时指标社会经济生态可持续影响服务对象部门率额 （）%0-9]{0,10}")
            .expect("valid regex")
    }

    proptest! {
        // Excludes: documents larger than a few projects (the checks are
        // per-row and per-table, so size adds nothing but time).
        #[test]
        fn checks_never_panic(
            rows in proptest::collection::vec(
                (label(), label(), label(), label(), any::<String>(), 0u32..5000),
                0..12,
            ),
            budget in proptest::collection::vec("[0-9]{1,6}(\\.[0-9]{1,4})?", 2),
            plan in proptest::collection::vec((0u8..15, "-?[0-9]{1,3}"), 0..6),
        ) {
            let indicators: Vec<Indicator> = rows
                .iter()
                .map(|(a, b, c, d, cell, line)| row(a, b, c, d, cell, *line))
                .collect();
            let mut p = project(1, [&budget[0], &budget[1]], &[], indicators.clone());
            p.spending_plan.points = plan
                .iter()
                .map(|(m, pct)| PlanPoint { month: *m, percent: dec(pct) })
                .collect();
            let doc = document(vec![p], indicators);
            let diags = check::run(&doc);
            for d in &diags {
                prop_assert!(codes::CHECKS.iter().any(|c| c.code == d.code && c.severity == d.severity));
                prop_assert!(d.line.is_some());
                prop_assert!(!d.message.is_empty());
            }
        }
    }
}
