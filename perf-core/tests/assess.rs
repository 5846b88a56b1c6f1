//! Target/actual pairs covering every comparator, scale, dimension mismatch,
//! deadline form and qualitative case, with the exact verdict, ratio,
//! deviation and score of the default policy.

use perf_core::assess::{assess, assess_with, MofPolicy, Reason, Verdict};
use perf_core::{Dimension, Value};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// (target, actual, verdict, ratio, deviation, score) with weight 10.
type Case = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
    Option<&'static str>,
);

const CASES: &[Case] = &[
    // ≥ targets, percent spellings and scales
    (
        "≥95%",
        "96.5 百分比",
        "met",
        Some("1.0157894736842105263157894737"),
        Some("1.5"),
        Some("10"),
    ),
    ("≥95 百分比", "95%", "met", Some("1"), Some("0"), Some("10")),
    (
        "≥95%",
        "76%",
        "partly_met",
        Some("0.8"),
        Some("-19"),
        Some("8"),
    ),
    (
        "≥95%",
        "38%",
        "not_met",
        Some("0.4"),
        Some("-57"),
        Some("4"),
    ),
    (
        "≥3000人",
        "3495",
        "met",
        Some("1.165"),
        Some("495"),
        Some("10"),
    ),
    (
        "≥1万人",
        "9000人",
        "partly_met",
        Some("0.9"),
        Some("-0.1"),
        Some("9"),
    ),
    (
        ">90%",
        "90%",
        "partly_met",
        Some("1"),
        Some("0"),
        Some("10"),
    ),
    (
        ">90%",
        "91%",
        "met",
        Some("1.0111111111111111111111111111"),
        Some("1"),
        Some("10"),
    ),
    // ≤ and < targets: ratio is target/actual
    (
        "≤36 元",
        "0.0041万元",
        "partly_met",
        Some("0.8780487804878048780487804878"),
        Some("5"),
        Some("8.78"),
    ),
    ("≤36 元", "30元", "met", Some("1.2"), Some("-6"), Some("10")),
    ("≤9万元", "90000元", "met", Some("1"), Some("0"), Some("10")),
    ("<5%", "5%", "partly_met", Some("1"), Some("0"), Some("10")),
    (
        "≤4.6%",
        "9.2%",
        "not_met",
        Some("0.5"),
        Some("4.6"),
        Some("5"),
    ),
    // = and ~ with tolerance
    ("=100%", "100%", "met", Some("1"), Some("0"), Some("10")),
    (
        "=394个",
        "391个",
        "met",
        Some("0.9923857868020304568527918782"),
        Some("-3"),
        Some("10"),
    ),
    (
        "=394个",
        "300个",
        "partly_met",
        Some("0.7614213197969543147208121827"),
        Some("-94"),
        Some("7.61"),
    ),
    (
        "=100",
        "125",
        "partly_met",
        Some("1.25"),
        Some("25"),
        Some("8"),
    ),
    (
        "约100人",
        "109人",
        "met",
        Some("1.09"),
        Some("9"),
        Some("10"),
    ),
    (
        "约100人",
        "80人",
        "partly_met",
        Some("0.8"),
        Some("-20"),
        Some("8"),
    ),
    // scale words: 万元 target, deviation in 万元
    (
        "≥12.5 万元",
        "125000元",
        "met",
        Some("1"),
        Some("0"),
        Some("10"),
    ),
    (
        "≥12.5 万元",
        "100000元",
        "partly_met",
        Some("0.8"),
        Some("-2.5"),
        Some("8"),
    ),
    (
        "93.00元/人/月",
        "93元/人月",
        "met",
        Some("1"),
        Some("0"),
        Some("10"),
    ),
    // ranges
    ("90%-95%", "92%", "met", Some("1"), Some("0"), Some("10")),
    (
        "90%-95%",
        "81%",
        "partly_met",
        Some("0.9"),
        Some("-9"),
        Some("9"),
    ),
    (
        "90%-95%",
        "100%",
        "partly_met",
        Some("0.95"),
        Some("5"),
        Some("9.5"),
    ),
    // a zero actual against a ≥ target
    ("≥95%", "0%", "not_met", Some("0"), Some("-95"), Some("0")),
    // deadlines
    ("≤11月", "2025年10月28日", "met", None, None, Some("10")),
    ("≤11月", "2025年11月30日", "met", None, None, Some("10")),
    ("≤11月", "2025年12月1日", "not_met", None, None, Some("0")),
    ("<=10月", "10月", "met", None, None, Some("10")),
    (
        "每月20日前发放",
        "每月18日发放",
        "met",
        None,
        None,
        Some("10"),
    ),
    (
        "每月20日前发放",
        "每月25日",
        "not_met",
        None,
        None,
        Some("0"),
    ),
    (
        "12月底前完成",
        "2025年12月31日",
        "met",
        None,
        None,
        Some("10"),
    ),
    (
        "2025年12月底完成",
        "2026年1月5日",
        "not_met",
        None,
        None,
        Some("0"),
    ),
    (
        "2025年12月底完成",
        "2025年12月20日",
        "met",
        None,
        None,
        Some("10"),
    ),
    // qualitative
    ("长期", "长期", "met", None, None, Some("10")),
    ("足额发放", "已足额发放", "met", None, None, Some("10")),
    ("及时", "按时完成", "met", None, None, Some("10")),
    ("全部覆盖", "部分完成", "partly_met", None, None, Some("8")),
    ("足额发放", "未足额发放", "not_met", None, None, Some("0")),
    ("是", "否", "not_met", None, None, Some("0")),
];

#[test]
fn table() {
    let ten = Decimal::from(10);
    for &(t, a, verdict, ratio, dev, score) in CASES {
        let got = assess(&Value::parse(t), &Value::parse(a), ten);
        let ctx = format!("{t} vs {a}: {got:?}");
        assert_eq!(got.verdict.as_str(), verdict, "{ctx}");
        assert_eq!(got.ratio, ratio.map(d), "{ctx}");
        assert_eq!(got.deviation.map(|x| x.normalize()), dev.map(d), "{ctx}");
        assert_eq!(got.score, score.map(d), "{ctx}");
        assert_eq!(got.weight, ten);
    }
}

/// (target, actual, reason) pairs that must not be compared.
#[test]
fn not_comparable() {
    let ten = Decimal::from(10);
    let cases: Vec<(&str, &str, Reason)> = vec![
        (
            "≥100元",
            "100人",
            Reason::DimensionMismatch {
                target: Dimension::Currency,
                actual: Dimension::Count,
            },
        ),
        (
            "100元/人/年",
            "100元/户/年",
            Reason::UnitMismatch {
                target: "元/人/年".into(),
                actual: "元/户/年".into(),
            },
        ),
        (
            "≥143396 人",
            "143400人次",
            Reason::UnitMismatch {
                target: "人".into(),
                actual: "人次".into(),
            },
        ),
        (
            "≥5百分点",
            "6%",
            Reason::UnitMismatch {
                target: "百分点".into(),
                actual: "%".into(),
            },
        ),
        ("≥95%", "", Reason::ActualMissing),
        ("≥95%", "/", Reason::ActualMissing),
        (
            "工资按时发放保险足额缴纳",
            "已完成",
            Reason::TargetNotMeasurable,
        ),
        ("", "100%", Reason::TargetNotMeasurable),
        (">=%", "95%", Reason::NumberMissing),
        (
            "≥95%",
            "满意",
            Reason::KindMismatch {
                target: "quantity",
                actual: "qualitative",
            },
        ),
        (
            "≤11月",
            "95%",
            Reason::KindMismatch {
                target: "time",
                actual: "quantity",
            },
        ),
        ("12月20日前", "12月", Reason::DateIncomparable),
        ("长期", "区、镇、村三级设专网", Reason::NeedsJudgement),
        ("提升", "95%", Reason::NeedsJudgement),
    ];
    for (t, a, reason) in cases {
        let got = assess(&Value::parse(t), &Value::parse(a), ten);
        assert_eq!(got.verdict, Verdict::NotComparable(reason), "{t} vs {a}");
        assert_eq!(got.score, None, "{t} vs {a}");
        assert_eq!(got.ratio, None, "{t} vs {a}");
    }
}

#[test]
fn policy_is_swappable() {
    // A province that gives nothing below 80% and 60% for 部分达成.
    let strict = MofPolicy {
        partly_met_ratio: d("0.8"),
        partly_met_share: d("0.6"),
        eq_tolerance: Decimal::ZERO,
        ..MofPolicy::default()
    };
    let ten = Decimal::from(10);
    let a = assess_with(&strict, &Value::parse("≥95%"), &Value::parse("71.25%"), ten);
    assert_eq!(a.verdict, Verdict::NotMet);
    assert_eq!(a.score, Some(d("7.5")));
    let a = assess_with(
        &strict,
        &Value::parse("=394个"),
        &Value::parse("391个"),
        ten,
    );
    assert_eq!(a.verdict, Verdict::PartlyMet);
    let a = assess_with(
        &strict,
        &Value::parse("全部覆盖"),
        &Value::parse("基本完成"),
        ten,
    );
    assert_eq!(a.score, Some(d("6")));
}

#[test]
fn negative_weight_scores_zero() {
    let a = assess(&Value::parse("≥95%"), &Value::parse("99%"), d("-5"));
    assert_eq!(a.verdict, Verdict::Met);
    assert_eq!(a.score, Some(Decimal::ZERO));
}

fn number() -> impl Strategy<Value = Decimal> {
    (0i64..10_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s))
}

proptest! {
    // Covers quantity targets with every comparator, in 元 and 万元, against
    // actuals in 元. Excludes deadlines and qualitative targets (fixed cases above).
    #[test]
    fn score_within_weight(t in number(), a in number(), w in 0i64..1000, cmp in 0usize..6) {
        let sym = ["≥", ">", "=", "<", "≤", "约"][cmp];
        let w = Decimal::new(w, 1);
        let got = assess(&Value::parse(&format!("{sym}{t}元")), &Value::parse(&format!("{a}元")), w);
        let s = got.score.expect("same units always compare");
        prop_assert!(s >= Decimal::ZERO && s <= w, "{s} out of [0, {w}]");
    }

    // Writing both sides in 万 (number / 10⁴) changes nothing. Excludes numbers
    // whose /10⁴ form exceeds 28 significant digits (none in this range).
    #[test]
    fn wan_scaling_changes_nothing(t in number(), a in number(), cmp in 0usize..6) {
        let sym = ["≥", ">", "=", "<", "≤", "约"][cmp];
        let wan = Decimal::from(10_000);
        let ten = Decimal::from(10);
        let plain = assess(&Value::parse(&format!("{sym}{t}元")), &Value::parse(&format!("{a}元")), ten);
        let scaled = assess(
            &Value::parse(&format!("{sym}{}万元", (t / wan).normalize())),
            &Value::parse(&format!("{}万元", (a / wan).normalize())),
            ten,
        );
        prop_assert_eq!(plain.verdict, scaled.verdict);
        prop_assert_eq!(plain.ratio, scaled.ratio);
        prop_assert_eq!(plain.score, scaled.score);
        prop_assert_eq!(plain.deviation, scaled.deviation.map(|x| x * wan));
    }
}
