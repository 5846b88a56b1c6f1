//! Builders for constructed documents in the check tests.
//!
//! Values are built by hand (not with `Value::parse`) so that each check is
//! tested against exactly the value it is meant to see, whatever the grammar
//! does with a given spelling.

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::document::{
    Budget, Diagnostic, Document, Indicator, Layout, PlanPoint, Project, Source, SpendingPlan,
};
use crate::value::model::{Quantity, Range, Time};
pub(crate) use crate::value::Dimension as D;
use crate::value::{Body, Comparator, Deadline, Note, Notes, Scale, Term, Unit, Value};

pub(crate) fn d(s: &str) -> Decimal {
    s.parse().expect("test decimal")
}

fn value(raw: &str, body: Body<'static>) -> Value<'static> {
    Value {
        raw: Cow::Owned(raw.to_owned()),
        body,
        qualifier: None,
        notes: Notes::empty(),
    }
}

/// A unit; a leading 万 is taken as its scale word.
pub(crate) fn unit(text: &str, dim: D) -> Unit<'static> {
    let (scale, len) = if text.starts_with('万') {
        (Scale::Wan, '万'.len_utf8())
    } else {
        (Scale::One, 0)
    };
    Unit::new(Cow::Owned(text.to_owned()), scale, len, dim)
}

/// A quantity with comparator `=` (not written).
pub(crate) fn qty(raw: &str, number: &str, u: &str, dim: D) -> Value<'static> {
    qty_cmp(raw, Comparator::Eq, number, u, dim)
}

pub(crate) fn qty_cmp(raw: &str, cmp: Comparator, number: &str, u: &str, dim: D) -> Value<'static> {
    value(
        raw,
        Body::Quantity(Quantity {
            cmp,
            cmp_written: cmp != Comparator::Eq,
            number: Some(d(number)),
            unit: unit(u, dim),
        }),
    )
}

pub(crate) fn pct(raw: &str, number: &str) -> Value<'static> {
    qty(raw, number, "%", D::Percent)
}

pub(crate) fn range(raw: &str, low: &str, high: &str, u: &str, dim: D) -> Value<'static> {
    value(
        raw,
        Body::Range(Range {
            low: d(low),
            high: d(high),
            unit: unit(u, dim),
        }),
    )
}

pub(crate) fn time(raw: &str, month: u8) -> Value<'static> {
    value(
        raw,
        Body::Time(Time {
            cmp: Comparator::Le,
            cmp_written: true,
            deadline: Deadline {
                month: Some(month),
                ..Deadline::default()
            },
        }),
    )
}

pub(crate) fn qual(raw: &str, term: &'static str) -> Value<'static> {
    value(raw, Body::Qualitative(Term { term, grade: None }))
}

pub(crate) fn text(raw: &str) -> Value<'static> {
    value(raw, Body::Text)
}

pub(crate) fn empty() -> Value<'static> {
    value("", Body::Empty)
}

/// A cell kept literally as text with a `garbled cell` note.
pub(crate) fn garbled(raw: &str) -> Value<'static> {
    let mut v = value(raw, Body::Text);
    v.notes.insert(Note::GarbledCell);
    v
}

pub(crate) fn with_note(mut v: Value<'static>, note: Note) -> Value<'static> {
    v.notes.insert(note);
    v
}

pub(crate) fn ind(l1: &str, l2: &str, l3: &str, value: Value<'static>, line: u32) -> Indicator {
    Indicator {
        level1: Some(l1.to_owned()).filter(|s| !s.is_empty()),
        level2: Some(l2.to_owned()).filter(|s| !s.is_empty()),
        level3: Some(l3.to_owned()).filter(|s| !s.is_empty()),
        description: None,
        value,
        basis: None,
        scoring: None,
        line,
    }
}

pub(crate) fn described(mut i: Indicator, description: &str) -> Indicator {
    i.description = Some(description.to_owned());
    i
}

pub(crate) fn budget(total: Option<&str>, fiscal: Option<&str>, other: Option<&str>) -> Budget {
    Budget {
        total: total.map(d),
        fiscal: fiscal.map(d),
        other: other.map(d),
    }
}

pub(crate) fn plan(points: &[(u8, &str)]) -> SpendingPlan {
    SpendingPlan {
        points: points
            .iter()
            .map(|&(month, p)| PlanPoint {
                month,
                percent: d(p),
            })
            .collect(),
    }
}

pub(crate) fn project(line: u32, indicators: Vec<Indicator>) -> Project {
    Project {
        index: 1,
        code: Some("13082225P000169100010".to_owned()),
        name: Some("劳务派遣人员经费".to_owned()),
        unit_name: None,
        amount_unit: Some("万元".to_owned()),
        budget: Budget::default(),
        spending_plan: SpendingPlan::default(),
        goals: Vec::new(),
        indicators,
        line,
    }
}

/// A project every check accepts: budget adds up, plan 25/50/75/100, one
/// indicator of each dimension with a fitting value.
pub(crate) fn clean_project() -> Project {
    let mut p = project(
        80,
        vec![
            described(
                ind(
                    "产出指标",
                    "数量指标",
                    "劳务派遣人数",
                    qty("29 人", "29", "人", D::Count),
                    84,
                ),
                "劳务派遣 29 人",
            ),
            ind("", "质量指标", "工资足额支付率", pct("100%", "100"), 85),
            ind("", "时效指标", "工资发放时间", time("每月20日前", 12), 86),
            ind(
                "",
                "成本指标",
                "人均经费",
                qty("4.35 万元/人", "4.35", "万元/人", D::Currency),
                87,
            ),
            ind(
                "效益指标",
                "社会效益指标",
                "工作效率",
                qual("提升", "提升"),
                88,
            ),
            ind(
                "满意度指标",
                "服务对象满意度指标",
                "群众满意度",
                qty_cmp("≥95%", Comparator::Ge, "95", "%", D::Percent),
                89,
            ),
        ],
    );
    p.budget = budget(Some("126.15"), Some("126.15"), None);
    p.spending_plan = plan(&[(3, "25"), (6, "50"), (10, "75"), (12, "100")]);
    p
}

pub(crate) fn document(projects: Vec<Project>) -> Document {
    Document {
        source: Source {
            encoding: "UTF-8",
            layout: Layout::TabRows,
        },
        department: None,
        year: Some(2025),
        projects,
        department_indicators: Vec::new(),
        diagnostics: Vec::new(),
    }
}

/// `(code, line, message)` of each diagnostic, for exact assertions.
pub(crate) fn triples(diags: &[Diagnostic]) -> Vec<(&'static str, Option<u32>, String)> {
    diags
        .iter()
        .map(|d| (d.code, d.line, d.message.clone()))
        .collect()
}
