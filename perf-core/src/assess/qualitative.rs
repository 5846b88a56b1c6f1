//! Qualitative targets: an actual wording that states achievement, partial
//! achievement or failure. Anything else needs a person.

use rust_decimal::Decimal;

use super::{Outcome, Policy, Reason, Verdict};
use crate::value::{Body, Grade, Value};

/// Words that state failure. Checked first: `未完成` contains `完成`.
const FAILED: &[&str] = &[
    "未完成",
    "未达到",
    "未达成",
    "未达标",
    "未实现",
    "未到位",
    "未按时",
    "未及时",
    "未足额",
    "未发放",
    "没有",
    "不合格",
    "不达标",
    "不满意",
];

/// Words that state partial achievement.
const PARTLY: &[&str] = &[
    "部分完成",
    "部分达到",
    "部分达成",
    "部分实现",
    "基本完成",
    "基本达到",
    "基本达成",
    "基本实现",
    "基本满意",
    "部分",
];

/// Words that state achievement.
const ACHIEVED: &[&str] = &[
    "已完成",
    "完成",
    "已达到",
    "达到",
    "达成",
    "已实现",
    "实现",
    "达标",
    "合格",
    "足额",
    "按时",
    "及时",
    "到位",
    "全部",
    "全覆盖",
    "满意",
    "已发放",
    "发放",
    "持续",
    "长期",
    "提升",
    "提高",
    "显著",
];

/// The verdict a wording states, if it states one.
fn stated(text: &str) -> Option<Verdict> {
    let text = text.trim();
    if text == "是" {
        return Some(Verdict::Met);
    }
    if text == "否" {
        return Some(Verdict::NotMet);
    }
    if FAILED.iter().any(|w| text.contains(w)) {
        Some(Verdict::NotMet)
    } else if PARTLY.iter().any(|w| text.contains(w)) {
        Some(Verdict::PartlyMet)
    } else if ACHIEVED.iter().any(|w| text.contains(w)) {
        Some(Verdict::Met)
    } else {
        None
    }
}

pub(super) fn judge<P: Policy + ?Sized>(
    policy: &P,
    target: &Value<'_>,
    actual: &Value<'_>,
    weight: Decimal,
) -> Outcome {
    let verdict = match (&target.body, &actual.body) {
        (Body::Qualitative(t), Body::Qualitative(a)) => match a.grade {
            Some(Grade::Positive) => Some(Verdict::Met),
            Some(Grade::Middling) => Some(Verdict::PartlyMet),
            Some(Grade::Negative) => Some(Verdict::NotMet),
            None if a.term == t.term => Some(Verdict::Met),
            None => stated(a.term),
        },
        (_, Body::Text) => stated(&actual.raw),
        _ => None,
    };
    match verdict {
        Some(v) => {
            let score = policy.qualitative(&v, weight);
            Outcome::scored(v, score)
        }
        None => Outcome::incomparable(Reason::NeedsJudgement),
    }
}
