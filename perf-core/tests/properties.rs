//! Property tests of the value grammar.

use std::str::FromStr;

use perf_core::value::lexicon::LEXICON;
use perf_core::value::{Quantity, Range};
use perf_core::{Body, Comparator, Deadline, Recurrence, Unit, Value};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Chars the grammar cares about, so generated cells reach deep paths.
const ALPHABET: &[&str] = &[
    "0",
    "1",
    "2",
    "5",
    "9",
    "12",
    "2025",
    ".",
    ",",
    "%",
    "％",
    "-",
    "~",
    "/",
    "·",
    "≥",
    "≤",
    "≦",
    ">",
    "<",
    "=",
    "＞",
    "＝",
    "１",
    "．",
    " ",
    "\n",
    "\t",
    "\u{3000}",
    "元",
    "人",
    "月",
    "日",
    "年",
    "号",
    "万",
    "亿",
    "千",
    "百分比",
    "百分点",
    "个",
    "工作日",
    "底",
    "末",
    "前",
    "之前",
    "以上",
    "以内",
    "左右",
    "约",
    "预计",
    "至少",
    "不超过",
    "每",
    "季度",
    "在",
    "达到",
    "满意",
    "完成",
    "长期",
    "提升",
    "份",
    "至",
    "锅",
    "LPR",
    "[",
    "（",
    "无",
    "—",
    "a",
    "😀",
    "\u{0}",
    // forms from other documents: scores, 内, separated dates, parts of the
    // year, 按, compound bounds, ratios, 零, brackets
    "分",
    "分钟",
    "内",
    "之内",
    "第",
    "四",
    "季",
    "上半年",
    "下半年",
    "年内",
    "按",
    "零",
    "投诉",
    "且",
    "x",
    ":",
    "∶",
    "(",
    ")",
    "（",
    "）",
    "半年",
    "持平",
    "不低于上年",
];

fn grammar_string() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..16).prop_map(|v| v.concat())
}

/// Every structural invariant a parse must keep, whatever the input.
fn check_invariants(s: &str) {
    let v = Value::parse(s);
    assert_eq!(v.raw, s);
    // serialises, and the JSON's raw is the cell
    let json = serde_json::to_string(&v).expect("serialises");
    let back: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(back["raw"], s);
    assert_eq!(back["kind"], v.kind().as_str());
    let _ = v.to_string();
    let owned: Value<'static> = Value::from_str(s).unwrap();
    assert_eq!(owned, v);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Never panics on any string (and keeps the invariants).
    #[test]
    fn no_panic_on_arbitrary_strings(s in any::<String>()) {
        check_invariants(&s);
    }

    /// Never panics on strings made of the grammar's own pieces.
    #[test]
    fn no_panic_on_grammar_like_strings(s in grammar_string()) {
        check_invariants(&s);
    }

    /// Arbitrary bytes: UTF-8 parses, anything else is `InvalidUtf8` at the
    /// first bad byte — never a panic.
    #[test]
    fn no_panic_on_arbitrary_bytes(b in prop::collection::vec(any::<u8>(), 0..64)) {
        match (Value::parse_bytes(&b), std::str::from_utf8(&b)) {
            (Ok(v), Ok(s)) => prop_assert_eq!(v.raw, s),
            (Err(e), Err(u)) => {
                prop_assert_eq!(e.kind, perf_core::ErrorKind::InvalidUtf8);
                prop_assert_eq!(e.offset, u.valid_up_to());
            }
            (a, b) => prop_assert!(false, "{:?} vs {:?}", a.map(|v| v.raw.into_owned()), b),
        }
    }
}

// ---------------------------------------------------------------------------
// Round trip: parse(display(v)) == v.
//
// What the property excludes (and why):
// - `raw` is not compared: it is the text given, and `display` is canonical.
// - notes: generated values carry none. Notes record what only the original
//   spelling shows (`period`, `garbled cell`, …) and `display` does not
//   reproduce a garbled spelling.
// - units are taken from the known table; `月`, `日` and `年` are left out of
//   quantities and ranges because `5月`, `1-12月`, `2025年` are dates by the
//   SPEC's deadline-or-duration convention (a duration in months is `个月`).
// - unknown units, and bare numbers written twice (`1515`, noted garbled).
// - deadlines are the shapes the grammar writes: no day alone without a
//   recurrence (`≤20日` is a duration), no end-of-month together with a day,
//   a recurrence never with a year.
// - qualifiers come from a list of words that do not begin with a unit, a
//   comparator word or `前`; text cells from a list of real text cells.
// - a range without a unit whose low bound is a year (1900–2199) and whose
//   high bound is a month (1–12): `2025-12` is a date.
// ---------------------------------------------------------------------------

const UNITS: &[&str] = &[
    "",
    "%",
    "百分点",
    "元",
    "万元",
    "亿元",
    "千元",
    "万",
    "人",
    "人次",
    "户",
    "个",
    "件",
    "份",
    "次",
    "场",
    "条",
    "家",
    "张",
    "本",
    "台",
    "项",
    "名",
    "天",
    "小时",
    "工作日",
    "个月",
    "平方米",
    "亩",
    "公顷",
    "米",
    "公里",
    "立方米",
    "万立方米",
    "公斤",
    "吨",
    "元/人/月",
    "元/人/年",
    "元/人",
    "元/户",
    "万元/户",
    "元/年",
    "次/月",
    "人/月",
    "万人",
    "元/张",
    "分",
    "次/半年",
];

const QUALIFIERS: &[&str] = &[
    "完成",
    "满意",
    "发放",
    "发放到位",
    "影响",
    "贴息到位",
    "缴纳",
    "支付",
    "拨付",
    "为优",
    "覆盖率",
    "服务对象满意度",
    "(含)",
    "(满分100分)",
];

const TEXTS: &[&str] = &[
    "促进就业",
    "提高工作效率",
    "工资按时发放保险足额缴纳",
    "区、镇、村三级设专网，专网畅通",
    "及时支付待遇",
    "维护劳动关系和谐稳定",
];

fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (0u64..1_000_000_000_000, 0u32..5).prop_map(|(m, scale)| Decimal::new(m as i64, scale)),
        // small integers: months, days, years
        (0u32..2300).prop_map(Decimal::from),
    ]
}

fn comparator() -> impl Strategy<Value = (Comparator, bool)> {
    prop_oneof![
        Just((Comparator::Eq, false)),
        Just((Comparator::Eq, true)),
        Just((Comparator::Ge, true)),
        Just((Comparator::Gt, true)),
        Just((Comparator::Le, true)),
        Just((Comparator::Lt, true)),
        Just((Comparator::Approx, true)),
    ]
}

fn qualifier() -> impl Strategy<Value = Option<&'static str>> {
    prop::option::of(prop::sample::select(QUALIFIERS))
}

fn recurrence() -> impl Strategy<Value = Recurrence> {
    prop_oneof![
        Just(Recurrence::Monthly),
        Just(Recurrence::Quarterly),
        Just(Recurrence::Yearly)
    ]
}

fn deadline() -> impl Strategy<Value = Deadline> {
    let year = prop::option::of(1900u16..2200);
    let month = 1u8..=12;
    let day = 1u8..=31;
    prop_oneof![
        // 2025年, 11月, 2025年12月底
        (year.clone(), prop::option::of(month.clone()), any::<bool>()).prop_map(|(y, m, eom)| {
            Deadline {
                year: y,
                month: m,
                day: None,
                end_of_month: eom && m.is_some(),
                recurrence: None,
            }
        }),
        // 2025年4月20日, 4月20日
        (year, month.clone(), day.clone()).prop_map(|(y, m, d)| Deadline {
            year: y,
            month: Some(m),
            day: Some(d),
            end_of_month: false,
            recurrence: None,
        }),
        // 每月20日
        (recurrence(), day).prop_map(|(r, d)| Deadline {
            year: None,
            month: None,
            day: Some(d),
            end_of_month: false,
            recurrence: Some(r),
        }),
        // 每季度末
        recurrence().prop_map(|r| Deadline {
            year: None,
            month: None,
            day: None,
            end_of_month: true,
            recurrence: Some(r),
        }),
        // 每年6月底
        (month, any::<bool>()).prop_map(|(m, eom)| Deadline {
            year: None,
            month: Some(m),
            day: None,
            end_of_month: eom,
            recurrence: Some(Recurrence::Yearly),
        }),
    ]
    .prop_filter("a deadline says something", |d| {
        d.year.is_some() || d.month.is_some() || d.day.is_some() || d.recurrence.is_some()
    })
}

/// A value together with the unit spelling it was built from.
fn value() -> impl Strategy<Value = Value<'static>> {
    let quantity = (
        comparator(),
        decimal(),
        prop::sample::select(UNITS),
        qualifier(),
    )
        .prop_filter(
            "a bare number written twice is noted garbled",
            |(c, n, u, _)| {
                let t = n.normalize().to_string();
                let doubled =
                    t.len() >= 4 && t.len() % 2 == 0 && t[..t.len() / 2] == t[t.len() / 2..];
                !(u.is_empty() && !c.1 && doubled)
            },
        )
        .prop_map(|((cmp, written), n, u, q)| Value {
            raw: "".into(),
            body: Body::Quantity(Quantity {
                cmp,
                cmp_written: written,
                number: Some(n),
                unit: unit(u),
            }),
            qualifier: q.map(Into::into),
            notes: Default::default(),
        });
    let range = (
        decimal(),
        decimal(),
        prop::sample::select(UNITS),
        qualifier(),
    )
        .prop_filter("`2025-12` is a date", |(low, high, u, _)| {
            let int = |d: &Decimal| d.normalize().scale() == 0;
            let year = int(low) && (Decimal::from(1900)..=Decimal::from(2199)).contains(low);
            let month = int(high) && (Decimal::ONE..=Decimal::from(12)).contains(high);
            !(u.is_empty() && year && month)
        })
        .prop_map(|(low, high, u, q)| Value {
            raw: "".into(),
            body: Body::Range(Range {
                low,
                high,
                unit: unit(u),
            }),
            qualifier: q.map(Into::into),
            notes: Default::default(),
        });
    let time = (comparator(), deadline(), qualifier()).prop_map(|((cmp, written), d, q)| Value {
        raw: "".into(),
        body: Body::Time(perf_core::value::Time {
            cmp,
            cmp_written: written,
            deadline: d,
        }),
        qualifier: q.map(Into::into),
        notes: Default::default(),
    });
    let qualitative = prop::sample::select(LEXICON).prop_map(|e| Value::parse(e.term).into_owned());
    let text = prop::sample::select(TEXTS).prop_map(|t| Value::parse(t).into_owned());
    prop_oneof![
        quantity,
        range,
        time,
        qualitative,
        text,
        Just(Value::parse(""))
    ]
}

/// The unit model of a spelling from [`UNITS`]: its scale and dimension
/// come from the unit table, read through the parser (`1` + the unit), and
/// the spelling must come back unchanged.
fn unit(spelling: &'static str) -> Unit<'static> {
    let cell = format!("1{spelling}");
    let v = Value::parse(&cell).into_owned();
    let u = v.unit().cloned().expect("a unit");
    assert_eq!(u.as_str(), spelling, "the unit table changed the spelling");
    assert!(v.notes.is_empty(), "{spelling} is not in the unit table");
    u
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn parse_display_round_trip(v in value()) {
        let shown = v.to_string();
        let back = Value::parse(&shown);
        prop_assert_eq!(&back.body, &v.body, "display: {:?}", shown);
        prop_assert_eq!(back.qualifier(), v.qualifier(), "display: {:?}", shown);
        prop_assert_eq!(back.notes, v.notes, "display: {:?}", shown);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Two inclusive bounds, written in any of the compound forms, are the
    /// range of the bounds (SPEC §2 ranges; docs/VALUES.md "Ranges").
    #[test]
    fn compound_bounds_are_the_range(
        a in decimal(),
        b in decimal(),
        u in prop::sample::select(&["%", "分", "元", "人", "万元", "次/年"][..]),
        form in 0usize..5,
    ) {
        let (low, high) = if a <= b { (a, b) } else { (b, a) };
        let (l, h) = (low.normalize(), high.normalize());
        let cell = match form {
            0 => format!("≥{l}{u}且≤{h}{u}"),
            1 => format!("≥{l}{u}，≤{h}{u}"),
            2 => format!("≤{h}{u}且≥{l}{u}"),
            3 => format!("{l}{u}≤x≤{h}{u}"),
            _ => format!("{l}{u}以上且{h}{u}以下"),
        };
        let v = Value::parse(&cell);
        let Body::Range(r) = &v.body else {
            return Err(TestCaseError::fail(format!("{cell:?} is {:?}", v.kind())));
        };
        prop_assert_eq!((r.low, r.high, r.unit.as_str()), (low, high, u), "{}", cell);
        prop_assert!(v.notes.is_empty(), "{}", cell);
        prop_assert_eq!(v.qualifier(), None, "{}", cell);
    }

    /// A date with separators is the date written with 年月日.
    #[test]
    fn separated_dates_are_dates(
        y in 1900u16..2200,
        m in 1u8..=12,
        d in 1u8..=31,
        sep in prop::sample::select(&["-", ".", "/"][..]),
        tail in prop::sample::select(&["", "前", "前完成", "完成"][..]),
    ) {
        let cell = format!("{y}{sep}{m:02}{sep}{d}{tail}");
        let words = format!("{y}年{m}月{d}日{tail}");
        let (a, b) = (Value::parse(&cell), Value::parse(&words));
        prop_assert_eq!(&a.body, &b.body, "{}", cell);
        prop_assert_eq!(a.qualifier(), b.qualifier(), "{}", cell);
        prop_assert_eq!(a.notes, b.notes, "{}", cell);
    }
}

// ---------------------------------------------------------------------------
// Paragraph-cells documents (docx2txt text): never a panic.
//
// The generator starts with an indicator header as docx2txt writes it, then
// strings together the paragraphs that steer the reader — header, level and
// field labels, split labels (`二级` + `指标`), values, headings, prose, goal
// labels, month marks and percents, empty paragraphs — with the separators
// it reads (mostly one blank line; longer blank runs for empty paragraphs, a
// bare line break, odd runs, CRLF). What it leaves out: other layouts (the
// fuzz seeds and conservation.rs cover them; a text whose line breaks are
// too often bare is read as `wrapped` and that is fine here); it checks no
// extracted field, only that the parse returns and that every line it names
// exists.
// ---------------------------------------------------------------------------

const PARAGRAPHS: &[&str] = &[
    "一级指标",
    "二级指标",
    "三级指标",
    "二级",
    "指标",
    "绩效指标描述",
    "指标值",
    "指标值确定依据",
    "确定依据",
    "评（扣）分标准",
    "符号",
    "值",
    "单位",
    "产出指标",
    "效益指标",
    "满意度指标",
    "数量指标",
    "社会效益指",
    "标",
    "服务对象满意度指标",
    "项目",
    "编码",
    "项目名称",
    "预算规模及资金用途",
    "预算数",
    "90万元",
    "其中：财政资金",
    "其他资金",
    "资金支出计划（%）",
    "3月底",
    "12月底",
    "25%",
    "100%",
    "绩效目标",
    "目标1",
    "≥95%",
    "4次",
    "计划标准",
    "1、示例项目绩效目标表",
    "三、保障措施",
    "说明。",
    "v",
    "",
    "",
    "",
];

/// Indicator headers as docx2txt writes them: every text starts with one,
/// so that it is read as paragraph-cells and reaches the reader's rules.
const HEADERS: &[&str] = &[
    "一级指标\n\n二级指标\n\n三级指标\n\n绩效指标描述\n\n指标值\n\n指标值确定依据",
    "一级指标\n\n二级\n\n指标\n\n三级\n\n指标\n\n评（扣）分标准\n\n绩效指标\n\n描述\n\n指标值\n\n指标值\n\n确定依据\n\n\n\n\n\n\n\n\n\n\n\n符号\n\n值\n\n单位",
    "一级指标\n\n二级指标\n\n三级指标\n\n指标值",
];

fn paragraph_cells_text() -> impl Strategy<Value = String> {
    let body = prop::collection::vec(
        (
            prop::sample::select(PARAGRAPHS),
            // mostly docx2txt's own separators, so most texts read as paragraph-cells
            prop::sample::select(
                &[
                    "\n\n",
                    "\n\n",
                    "\n\n",
                    "\n\n",
                    "\n\n",
                    "\n\n",
                    "\n\n\n\n",
                    "\n\n\n\n",
                    "\n\n\n\n\n\n",
                    "\n",
                    "\n\n\n",
                    "\r\n\r\n",
                ][..],
            ),
        ),
        0..80,
    )
    .prop_map(|v| {
        v.into_iter()
            .flat_map(|(p, sep)| [sep, p])
            .collect::<String>()
    });
    (prop::sample::select(HEADERS), body).prop_map(|(h, b)| format!("{h}{b}"))
}

/// Paragraph cells as `pdftotext` and PyMuPDF write a PDF table: no
/// empty paragraph anywhere (an empty cell is not written), a blank line
/// between paragraphs or none, now and then a page break (a form feed).
fn compact_paragraph_cells_text() -> impl Strategy<Value = String> {
    let paragraphs: Vec<&str> = PARAGRAPHS
        .iter()
        .copied()
        .filter(|p| !p.is_empty())
        .collect();
    let body = prop::collection::vec(
        (
            prop::sample::select(paragraphs),
            prop::sample::select(&["", "", "", "", "\u{c}"][..]),
        ),
        0..80,
    );
    (
        prop::sample::select(HEADERS),
        prop::sample::select(&["\n", "\n\n"][..]),
        body,
    )
        .prop_map(|(h, sep, body)| {
            let mut s = h.replace("\n\n", "\n").replace('\n', sep);
            for (p, page) in body {
                s.push_str(sep);
                s.push_str(page);
                s.push_str(p);
            }
            s
        })
}

/// Text of bar tables: a pipe-table header, then lines of bars, rules,
/// escapes, `<br>`, Markdown marks, labels and values in any order.
fn grid_text() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop::sample::select(
            &[
                "|",
                "|",
                "|",
                "+",
                "---",
                "===",
                ":",
                "\\",
                "\\|",
                "<br>",
                "<br/>",
                "\n",
                "\n",
                "\n",
                " ",
                "#",
                "**",
                "产出指标",
                "数量指标",
                "≥95%",
                "项目名称",
                "1、示例项目绩效目标表",
                "\u{c}",
                "\r\n",
                "",
            ][..],
        ),
        0..120,
    );
    pieces.prop_map(|p| {
        format!(
            "|一级指标|二级指标|三级指标|指标值|\n|---|---|---|---|\n|产出指标|数量指标|人数|1人|\n{}",
            p.concat()
        )
    })
}

/// Reads `text` (an error is fine: no panic is the property) and checks
/// that every line number the document gives is one of the text's lines.
fn lines_in_range(text: &str) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count() as u32 + 1;
    if let Ok(doc) = perf_core::Document::parse(text) {
        for p in &doc.projects {
            prop_assert!(p.line >= 1 && p.line <= lines);
            for i in &p.indicators {
                prop_assert!(i.line >= 1 && i.line <= lines);
            }
        }
        for d in &doc.diagnostics {
            prop_assert!(d.line.map_or(true, |l| l >= 1 && l <= lines));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn grid_rows_never_panic(text in grid_text()) {
        lines_in_range(&text)?;
    }

    #[test]
    fn compact_paragraph_cells_never_panic(text in compact_paragraph_cells_text()) {
        lines_in_range(&text)?;
    }

    #[test]
    fn paragraph_cells_never_panic(text in paragraph_cells_text()) {
        lines_in_range(&text)?;
    }
}
