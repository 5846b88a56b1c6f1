//! `value-mismatch`: a value that contradicts its own indicator.
//!
//! One diagnostic per rule an indicator breaks (line: the indicator's).
//! Values the parser noted as garbled or lacking their number are left to
//! `garbled-cell`; empty values are not judged. The rules:
//!
//! 1. **percent expected** — a 满意度 indicator, or a rate (三级 ending in 率,
//!    比例 or 占比, a bracketed unit after the name ignored; not 频率 or
//!    效率), whose value is not a percent: another
//!    unit, a bare number, a date, a term or text.
//! 2. **percent above 100** — such an indicator with a percent above 100,
//!    unless it measures a change (增长, 提高, 提升, 增加, 下降, 降低, 减少,
//!    同比, 环比, 增幅), which can. 百分点 is not a percent of a whole and is
//!    not judged.
//! 3. **时效 not a time** — a 时效 indicator whose value is a quantity that
//!    is neither a duration nor a percent nor a frequency (a unit per 月, 年,
//!    季度, 周, 天 or 日: `1次/月`): a count, an amount, a bare number. Terms
//!    such as 及时 and text are accepted.
//! 4. **count with a currency unit** — an indicator whose 三级 names a count
//!    (…数, …数量, …人次), or a 数量 indicator whose 三级 does not name an
//!    amount (…额: `贷款发放额`), with an amount of money as its value (not
//!    reported again when rule 1 already fired).
//! 5. **description disagrees** — the 三级 name or the description writes the
//!    value's own unit after a number (`劳务派遣 29 人`), and no such number
//!    equals the value's (`30 人`). The unit must stand alone there, not be the
//!    start of a longer one (`人次`, `万元`, `元/人`).

use std::borrow::Cow;

use rust_decimal::Decimal;

use super::framework::{Dim, Row};
use super::{codes, dec, diag, squash};
use crate::document::Diagnostic;
use crate::value::{Dimension, Kind, Note, Value};

/// Words that make a percent a change, which may exceed 100.
const CHANGE_WORDS: [&str; 10] = [
    "增长", "提高", "提升", "增加", "下降", "降低", "减少", "同比", "环比", "增幅",
];

/// Per-period denominators that make a 时效 value a frequency (`1次/月`).
const PERIODS: [&str; 7] = ["月", "年", "季度", "季", "周", "天", "日"];

/// Chars that, right after a unit in a description, make it a longer unit.
const UNIT_CONTINUATION: [char; 7] = ['/', '·', '次', '元', '份', '个', '％'];

/// The UTF-8 bytes of the first chars of [`CHANGE_WORDS`].
const CHANGE_FIRSTS: [[u8; 3]; 7] = {
    const fn bytes(s: &str) -> [u8; 3] {
        let b = s.as_bytes();
        [b[0], b[1], b[2]]
    }
    [
        bytes("增"),
        bytes("提"),
        bytes("下"),
        bytes("降"),
        bytes("减"),
        bytes("同"),
        bytes("环"),
    ]
};

/// True when `name` holds one of [`CHANGE_WORDS`], in one pass over its
/// bytes: each word is tried only where its first char stands, and chars
/// are told by their UTF-8 bytes (every first char is a three-byte one).
fn has_change_word(name: &str) -> bool {
    let b = name.as_bytes();
    let mut i = 0;
    while let Some(&lead) = b.get(i) {
        if (0xE4..=0xE9).contains(&lead)
            && b.get(i..i + 3)
                .is_some_and(|c| CHANGE_FIRSTS.iter().any(|f| f == c))
            && CHANGE_WORDS
                .iter()
                .any(|w| b[i..].starts_with(w.as_bytes()))
        {
            return true;
        }
        i += match lead {
            0..=0xBF => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    false
}

/// The name without a trailing bracketed unit: `足额发放率（%）` → `足额发放率`.
fn bare_name(name: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(head) = name.strip_suffix(close) {
            if let Some(i) = head.rfind(open) {
                return &name[..i];
            }
        }
    }
    name
}

fn is_rate(name: &str) -> bool {
    let name = bare_name(name);
    (name.ends_with('率') && !name.ends_with("频率") && !name.ends_with("效率"))
        || name.ends_with("比例")
        || name.ends_with("占比")
}

fn names_count(name: &str) -> bool {
    let name = bare_name(name);
    let excluded = ["指数", "系数", "倍数", "分数", "基数"];
    (name.ends_with('数') && !excluded.iter().any(|w| name.ends_with(w)))
        || name.ends_with("数量")
        || name.ends_with("人次")
}

/// A name that says its output is an amount of money (`贷款发放额`, `补贴金额`).
fn names_amount(name: &str) -> bool {
    bare_name(name).ends_with('额')
}

fn is_percent(v: &Value<'_>) -> bool {
    v.unit()
        .is_some_and(|u| u.dimension() == Dimension::Percent)
}

/// The largest number a quantity or range states.
fn top(v: &Value<'_>) -> Option<Decimal> {
    match v.kind() {
        Kind::Quantity => v.number(),
        Kind::Range => v.base_range().map(|(_, hi)| hi),
        _ => None,
    }
}

#[cfg(test)]
pub(super) fn check(table: &[Row<'_>], out: &mut Vec<Diagnostic>) {
    check_named(table, &super::names(table), out);
}

/// The check, given `indicator_name` of every row (`names[i]` for `table[i]`).
pub(super) fn check_named(
    table: &[Row<'_>],
    names: &[Option<Cow<'_, str>>],
    out: &mut Vec<Diagnostic>,
) {
    for (row, name) in table.iter().zip(names) {
        let ind = row.indicator;
        let v = &ind.value;
        if v.kind() == Kind::Empty
            || v.notes.contains(Note::GarbledCell)
            || v.notes.contains(Note::NumberMissing)
        {
            continue;
        }
        let name = name.as_deref().unwrap_or_default();
        // the name as messages show it, written only when a rule fires
        let shown = || {
            if name.is_empty() {
                "该指标".to_owned()
            } else {
                format!("「{name}」")
            }
        };
        let raw = crate::find::trim(&v.raw);
        let dim = row.dimension;
        let satisfaction = dim == Some(Dim::Satisfaction);
        let rate = is_rate(name);
        let mut push = |message: String| out.push(diag(codes::VALUE_MISMATCH, ind.line, message));

        // 1. percent expected
        let mut percent_rule = false;
        if (satisfaction || rate) && !is_percent(v) {
            percent_rule = true;
            let what = if satisfaction { "满意度" } else { "比率" };
            push(format!(
                "{}是{what}指标，指标值应为百分比，实际为「{raw}」",
                shown()
            ));
        }

        // 2. percent above 100
        let unit_text = v.unit().map(|u| u.as_str()).unwrap_or("");
        if (satisfaction || rate)
            && is_percent(v)
            && unit_text != "百分点"
            && !has_change_word(name)
        {
            if let Some(n) = top(v).filter(|n| *n > Decimal::ONE_HUNDRED) {
                push(format!("{}不能超过 100%，指标值为 {}%", shown(), dec(n)));
            }
        }

        // 3. 时效 not a time
        if dim == Some(Dim::Timeliness) && matches!(v.kind(), Kind::Quantity | Kind::Range) {
            let d = v.unit().map(|u| u.dimension());
            let per_period = v
                .unit()
                .is_some_and(|u| u.denominators().any(|x| PERIODS.contains(&x)));
            if !matches!(d, Some(Dimension::Duration) | Some(Dimension::Percent)) && !per_period {
                push(format!(
                    "时效指标{}的指标值应为时间或期限，实际为「{raw}」",
                    shown()
                ));
            }
        }

        // 4. count with a currency unit
        let currency = v
            .unit()
            .is_some_and(|u| u.dimension() == Dimension::Currency);
        if currency
            && !percent_rule
            && (names_count(name) || (dim == Some(Dim::Quantity) && !names_amount(name)))
        {
            push(format!(
                "数量指标{}的指标值是金额「{raw}」，应为数量",
                shown()
            ));
        }

        // 5. description disagrees
        if let (Some(n), Some(u)) = (v.number(), v.unit()) {
            if v.kind() == Kind::Quantity && !u.is_none() {
                // the first text that writes numbers with the unit, and
                // whether any such text writes the value's own number
                let mut first: Option<(Cow<'_, str>, Decimal)> = None;
                let mut agrees = false;
                for t in [ind.description.as_deref(), ind.level3.as_deref()]
                    .into_iter()
                    .flatten()
                {
                    if !has_digit(t) {
                        continue;
                    }
                    let t = squash(t);
                    let mut n0 = None;
                    each_number_before(&t, u.as_str(), |d| {
                        n0.get_or_insert(d);
                        agrees |= d == n;
                    });
                    if let (Some(n0), None) = (n0, &first) {
                        first = Some((t, n0));
                    }
                }
                if let (Some((text, n0)), false) = (first, agrees) {
                    push(format!(
                        "指标值「{raw}」与「{text}」中写明的 {}{} 不符",
                        dec(n0),
                        u.as_str()
                    ));
                }
            }
        }
    }
}

/// True when `s` holds an ASCII digit or a full-width one (`０`–`９`, lead
/// byte 0xEF): without one it writes no number.
fn has_digit(s: &str) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = s.as_bytes().chunks_exact(8);
    for c in chunks.by_ref() {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        // a byte 0x30–0x39 becomes 0x00–0x09, below 10; a byte 0xEF becomes 0
        let digits = x ^ (ONES * 0x30);
        let ef = x ^ (ONES * 0xEF);
        let below10 = digits.wrapping_sub(ONES * 10) & !digits & HIGH;
        let zero = ef.wrapping_sub(ONES) & !ef & HIGH;
        if below10 | zero != 0 {
            return true;
        }
    }
    chunks
        .remainder()
        .iter()
        .any(|&b| b.is_ascii_digit() || b == 0xEF)
}

/// Calls `found` with each number in `text` written right before `unit`
/// (white space already removed), where the unit is not the start of a
/// longer one, in the order of the text.
fn each_number_before(text: &str, unit: &str, mut found: impl FnMut(Decimal)) {
    fn fold(s: &str) -> Cow<'_, str> {
        let wide = |c: char| matches!(c, '０'..='９' | '．' | '％');
        // every char folded here starts with the byte EF
        if !s.as_bytes().contains(&0xEF) || !s.chars().any(wide) {
            return Cow::Borrowed(s);
        }
        Cow::Owned(
            s.chars()
                .map(|c| match c {
                    '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                    '．' => '.',
                    '％' => '%',
                    _ => c,
                })
                .collect(),
        )
    }
    let folded = fold(text);
    let unit = fold(unit);
    let bytes = folded.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        }
        let rest = &folded[i..];
        if let Some(after) = rest.strip_prefix(unit.as_ref()) {
            let extends = after
                .chars()
                .next()
                .is_some_and(|c| UNIT_CONTINUATION.contains(&c) || c.is_ascii_digit());
            if !extends {
                if let Ok(d) = folded[start..i].parse::<Decimal>() {
                    found(d);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::framework::rows;
    use super::super::testutil::*;
    use super::*;
    use crate::document::Indicator;
    use crate::document::Severity;
    use crate::value::Comparator;

    fn run(table: &[Indicator]) -> Vec<String> {
        let mut out = Vec::new();
        check(&rows(table), &mut out);
        assert!(out
            .iter()
            .all(|d| d.severity == Severity::Warning && d.code == codes::VALUE_MISMATCH));
        out.into_iter().map(|d| d.message).collect()
    }

    fn one(l1: &str, l2: &str, l3: &str, v: Value<'static>) -> Vec<String> {
        run(&[ind(l1, l2, l3, v, 30)])
    }

    #[test]
    fn digits_found_as_by_bytes() {
        let mut samples: Vec<String> = vec![String::new(), "x".repeat(40)];
        for c in ['0', '9', '/', ':', '１', '．', 'a', '满', '\u{ef}'] {
            for k in 0..20 {
                samples.push(format!("{}{c}{}", "意".repeat(k / 3), "a".repeat(k % 3)));
            }
        }
        for s in &samples {
            let want = s.bytes().any(|b| b.is_ascii_digit() || b == 0xEF);
            assert_eq!(has_digit(s), want, "{s:?}");
        }
    }

    #[test]
    fn change_words_found_as_by_contains() {
        for name in [
            "",
            "满意度",
            "就业率增长",
            "同比下降率",
            "环比",
            "增",
            "提升率（%）",
            "降 低",
            "增幅",
            "减少",
            "提",
        ] {
            assert_eq!(
                has_change_word(name),
                CHANGE_WORDS.iter().any(|w| name.contains(w)),
                "{name}"
            );
        }
        for w in CHANGE_WORDS {
            assert!(has_change_word(w), "{w}");
        }
    }

    #[test]
    fn fitting_values_are_silent() {
        assert!(run(&clean_project().indicators).is_empty());
        assert!(one("产出指标", "质量指标", "发放准确率", pct("≥95%", "95")).is_empty());
        assert!(one(
            "产出指标",
            "时效指标",
            "养老金按时发放率",
            pct("100%", "100")
        )
        .is_empty());
        assert!(one(
            "产出指标",
            "时效指标",
            "处理时限",
            qty("60 天", "60", "天", D::Duration)
        )
        .is_empty());
        assert!(one("产出指标", "时效指标", "及时拨付", qual("及时", "及时")).is_empty());
        assert!(one(
            "产出指标",
            "时效指标",
            "发放频率",
            qty("=1次/月", "1", "次/月", D::Count)
        )
        .is_empty());
        assert!(one("效益指标", "经济效益指标", "贷款增长率", pct("120%", "120")).is_empty());
        assert!(one(
            "产出指标",
            "质量指标",
            "发放频率",
            qty("12 次", "12", "次", D::Count)
        )
        .is_empty());
        assert!(one("满意度指标", "服务对象满意度指标", "群众满意度", empty()).is_empty());
    }

    #[test]
    fn satisfaction_or_rate_not_a_percent() {
        assert_eq!(
            one(
                "满意度指标",
                "服务对象满意度指标",
                "群众满意度",
                qual("满意", "满意")
            ),
            vec!["「群众满意度」是满意度指标，指标值应为百分比，实际为「满意」".to_owned()]
        );
        assert_eq!(
            one(
                "产出指标",
                "质量指标",
                "补贴到位率",
                qty("100", "100", "", D::Count)
            ),
            vec!["「补贴到位率」是比率指标，指标值应为百分比，实际为「100」".to_owned()]
        );
    }

    #[test]
    fn percent_above_100() {
        assert_eq!(
            one(
                "满意度指标",
                "服务对象满意度指标",
                "群众满意度",
                pct("105%", "105")
            ),
            vec!["「群众满意度」不能超过 100%，指标值为 105%".to_owned()]
        );
        assert_eq!(
            one(
                "产出指标",
                "质量指标",
                "覆盖率",
                range("90%-110%", "90", "110", "%", D::Percent)
            ),
            vec!["「覆盖率」不能超过 100%，指标值为 110%".to_owned()]
        );
        assert!(one(
            "满意度指标",
            "服务对象满意度指标",
            "群众满意度",
            pct("≥100%", "100")
        )
        .is_empty());
    }

    #[test]
    fn timeliness_not_a_time() {
        assert_eq!(
            one(
                "产出指标",
                "时效指标",
                "发放时间",
                qty("12", "12", "", D::Count)
            ),
            vec!["时效指标「发放时间」的指标值应为时间或期限，实际为「12」".to_owned()]
        );
        assert_eq!(
            one(
                "产出指标",
                "时效指标",
                "拨付时间",
                qty("5000 元", "5000", "元", D::Currency)
            ),
            vec!["时效指标「拨付时间」的指标值应为时间或期限，实际为「5000 元」".to_owned()]
        );
    }

    #[test]
    fn count_with_currency() {
        assert_eq!(
            one(
                "产出指标",
                "数量指标",
                "孵化基地运行经费 6 万元",
                qty("6 万元", "6", "万元", D::Currency)
            ),
            vec!["数量指标「孵化基地运行经费6万元」的指标值是金额「6 万元」，应为数量".to_owned()]
        );
        assert_eq!(
            one(
                "效益指标",
                "社会效益指标",
                "带动就业人数",
                qty("100 元", "100", "元", D::Currency)
            ),
            vec!["数量指标「带动就业人数」的指标值是金额「100 元」，应为数量".to_owned()]
        );
        assert!(one(
            "产出指标",
            "成本指标",
            "人均经费",
            qty("100 元", "100", "元", D::Currency)
        )
        .is_empty());
        assert!(one(
            "产出指标",
            "数量指标",
            "创业担保贷款发放额",
            qty(">=500万元", "500", "万元", D::Currency)
        )
        .is_empty());
        assert_eq!(
            one(
                "产出指标",
                "数量指标",
                "预算控制数",
                qty("<=6万元", "6", "万元", D::Currency)
            ),
            vec!["数量指标「预算控制数」的指标值是金额「<=6万元」，应为数量".to_owned()]
        );
    }

    #[test]
    fn value_contradicts_its_description() {
        let i = described(
            ind(
                "产出指标",
                "数量指标",
                "劳务派遣人数",
                qty("30 人", "30", "人", D::Count),
                88,
            ),
            "劳务派遣 29 人",
        );
        let mut out = Vec::new();
        check(&rows(&[i]), &mut out);
        assert_eq!(
            triples(&out),
            vec![(
                codes::VALUE_MISMATCH,
                Some(88),
                "指标值「30 人」与「劳务派遣29人」中写明的 29人 不符".to_owned()
            )]
        );
        // Same number, other spellings of equal decimals, comparators: silent.
        let same = described(
            ind(
                "产出指标",
                "数量指标",
                "案件",
                qty_cmp("≥1000.00 件", Comparator::Ge, "1000.00", "件", D::Count),
                1,
            ),
            "仲裁、监察等案件 1000 件",
        );
        assert!(run(&[same]).is_empty());
        // Another unit in the description (人次 is not 人; 万元 is not 万): silent.
        let other = described(
            ind(
                "产出指标",
                "数量指标",
                "服务",
                qty("30 人", "30", "人", D::Count),
                1,
            ),
            "服务 29 人次",
        );
        assert!(run(&[other]).is_empty());
        let wan = described(
            ind(
                "产出指标",
                "成本指标",
                "人均",
                qty("4.35 万", "4.35", "万", D::Count),
                1,
            ),
            "每人每年 4 万元",
        );
        assert!(run(&[wan]).is_empty());
    }

    #[test]
    fn garbled_values_are_left_to_garbled_cell() {
        let v = with_note(
            qty("4000 个/元", "4000", "个/元", D::Count),
            Note::GarbledCell,
        );
        assert!(one("产出指标", "时效指标", "x", v).is_empty());
    }

    #[test]
    fn a_bracketed_unit_after_the_name_is_ignored() {
        assert_eq!(bare_name("足额发放率（%）"), "足额发放率");
        assert_eq!(bare_name("发放人数(人)"), "发放人数");
        assert_eq!(bare_name("发放人数"), "发放人数");
        assert!(is_rate("养老保险待遇足额发放率（%）"));
        assert!(names_count("发放人数(人)"));
        assert_eq!(
            one(
                "产出指标",
                "质量指标",
                "足额发放率（%）",
                qual("足额", "足额")
            ),
            vec!["「足额发放率（%）」是比率指标，指标值应为百分比，实际为「足额」".to_owned()]
        );
    }

    fn numbers_before(text: &str, unit: &str) -> Vec<Decimal> {
        let mut v = Vec::new();
        each_number_before(text, unit, |d| v.push(d));
        v
    }

    #[test]
    fn scanning_numbers_before_a_unit() {
        assert_eq!(numbers_before("劳务派遣29人", "人"), vec![d("29")]);
        assert_eq!(
            numbers_before("每人每月0.04193万元", "万元"),
            vec![d("0.04193")]
        );
        assert_eq!(numbers_before("满意度１００％", "%"), vec![d("100")]);
        assert_eq!(
            numbers_before("2025年扶贫2.82万元", "万元"),
            vec![d("2.82")]
        );
        assert_eq!(numbers_before("服务29人次", "人"), Vec::<Decimal>::new());
        assert_eq!(numbers_before("", "人"), Vec::<Decimal>::new());
    }
}
