//! `framework`: indicator level names against the Ministry of Finance's
//! framework (财预〔2020〕10号, and the 2021 guidance that makes 成本指标 a
//! first level of its own).
//!
//! The framework is data ([`FRAMEWORK`]); names are compared after
//! [`normalize`] (white space removed, a trailing 指标 optional, known
//! variant spellings folded). Fires, once per distinct problem in a table, at
//! the first row that shows it, when
//! - a 一级 name is not in the framework (with the nearest allowed name);
//! - a 二级 name is not in the framework (nearest allowed name, among the
//!   二级 of its 一级 when that is known);
//! - a 二级 name belongs to another 一级 (`社会效益指标` under `产出指标`);
//! - a 三级 is plainly under the wrong 一级: a satisfaction measure
//!   (`群众满意度`, `…满意率`) under 产出, 效益 or 成本, its 二级 not a
//!   satisfaction one (that is the 二级 problem, reported once).
//!
//! The module also classifies an indicator into its dimension ([`Dim`]),
//! which the other checks use.

use crate::find::Has;
use std::borrow::Cow;

use super::{blank, codes, diag, squash};
use crate::document::{Diagnostic, Indicator};

/// One first-level indicator and the second levels allowed under it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Level1 {
    /// The canonical name (`产出指标`).
    pub name: &'static str,
    /// Other names for the same first level (`效果指标`).
    pub aliases: &'static [&'static str],
    /// The canonical second-level names under it.
    pub level2: &'static [&'static str],
}

/// The framework: 一级 and, under each, its 二级.
pub const FRAMEWORK: [Level1; 4] = [
    Level1 {
        name: "产出指标",
        aliases: &[],
        level2: &["数量指标", "质量指标", "时效指标", "成本指标"],
    },
    Level1 {
        name: "效益指标",
        aliases: &["效果指标"],
        level2: &[
            "经济效益指标",
            "社会效益指标",
            "生态效益指标",
            "可持续影响指标",
        ],
    },
    Level1 {
        name: "满意度指标",
        aliases: &[],
        level2: &["服务对象满意度指标"],
    },
    Level1 {
        name: "成本指标",
        aliases: &[],
        level2: &["经济成本指标", "社会成本指标", "生态环境成本指标"],
    },
];

/// Variant spellings folded before comparison (keys as [`normalize`] gives
/// them, without 指标): older and provincial tables write these.
const VARIANTS: [(&str, &str); 4] = [
    ("可持续性影响", "可持续影响"),
    ("生态环境效益", "生态效益"),
    ("社会公众或服务对象满意度", "服务对象满意度"),
    ("社会公众满意度", "服务对象满意度"),
];

/// The comparison key of a level name: white space removed, a leading 部门
/// (department-wide tables: `部门产出`) and a trailing 指标 dropped, variant
/// spellings folded. `社会效益指 标` → `社会效益`, `可持续性影响` → `可持续影响`.
pub fn normalize(label: &str) -> Cow<'_, str> {
    fn trim(s: &str) -> &str {
        let s = s.strip_prefix("部门").unwrap_or(s);
        let s = s.strip_suffix("指标").unwrap_or(s);
        VARIANTS
            .iter()
            .find(|(from, _)| *from == s)
            .map_or(s, |(_, to)| to)
    }
    match squash(label) {
        Cow::Borrowed(s) => Cow::Borrowed(trim(s)),
        Cow::Owned(s) => Cow::Owned(trim(&s).to_owned()),
    }
}

fn key(name: &str) -> &str {
    name.strip_suffix("指标").unwrap_or(name)
}

/// The first level a name stands for, if it is in the framework.
pub fn level1(label: &str) -> Option<&'static Level1> {
    let k = normalize(label);
    let k = k.as_ref();
    FRAMEWORK
        .iter()
        .find(|l| key(l.name) == k || l.aliases.iter().any(|a| key(a) == k))
}

/// The canonical 二级 name a label stands for, with its 一级.
pub fn level2(label: &str) -> Option<(&'static Level1, &'static str)> {
    level2_by_key(&normalize(label))
}

fn level2_by_key(k: &str) -> Option<(&'static Level1, &'static str)> {
    FRAMEWORK
        .iter()
        .find_map(|l| l.level2.iter().find(|n| key(n) == k).map(|n| (l, *n)))
}

/// Levenshtein distance on chars. The two rows of the table stand on the
/// stack for names of up to 32 chars (every level name), else on the heap.
fn distance(a: &str, b: &str) -> usize {
    const SHORT: usize = 32;
    let nb = b.chars().count();
    let mut stack = [0usize; 2 * (SHORT + 1)];
    let mut heap = Vec::new();
    let rows: &mut [usize] = if nb <= SHORT {
        &mut stack[..2 * (nb + 1)]
    } else {
        heap.resize(2 * (nb + 1), 0);
        &mut heap
    };
    let (prev, cur) = rows.split_at_mut(nb + 1);
    for (j, p) in prev.iter_mut().enumerate() {
        *p = j;
    }
    for (i, ca) in a.chars().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.chars().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev.copy_from_slice(cur);
    }
    prev[nb]
}

/// True when `a` and `b` are at most one edit apart (Levenshtein on chars),
/// without building the distance table.
fn within_one_edit(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    match la.abs_diff(lb) {
        0 => a.chars().zip(b.chars()).filter(|(x, y)| x != y).count() <= 1,
        1 => {
            // skip one char of the longer string at the first mismatch
            let mut s = short.chars().peekable();
            let mut skipped = false;
            for c in long.chars() {
                if s.peek() == Some(&c) {
                    s.next();
                } else if skipped {
                    return false;
                } else {
                    skipped = true;
                }
            }
            true
        }
        _ => false,
    }
}

/// The allowed name nearest to `label` (first on a tie).
pub fn nearest<'n>(label: &str, allowed: impl IntoIterator<Item = &'n str>) -> Option<&'n str> {
    let k = normalize(label);
    allowed
        .into_iter()
        .map(|n| (distance(&k, key(n)), n))
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

/// The dimension of an indicator, from its 一级 and 二级.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Dim {
    /// 数量指标
    Quantity,
    /// 质量指标
    Quality,
    /// 时效指标
    Timeliness,
    /// 成本指标 (under 产出, or the first level 成本)
    Cost,
    /// 效益指标 / 效果指标
    Benefit,
    /// 满意度指标
    Satisfaction,
}

impl Dim {
    pub const ALL: [Dim; 6] = [
        Dim::Quantity,
        Dim::Quality,
        Dim::Timeliness,
        Dim::Cost,
        Dim::Benefit,
        Dim::Satisfaction,
    ];

    /// The Chinese name used in messages.
    pub const fn name(self) -> &'static str {
        match self {
            Dim::Quantity => "数量",
            Dim::Quality => "质量",
            Dim::Timeliness => "时效",
            Dim::Cost => "成本",
            Dim::Benefit => "效益",
            Dim::Satisfaction => "满意度",
        }
    }
}

/// The dimension of an indicator: by its 二级 where that says it, else by its
/// 一级. Names outside the framework are read by what they contain
/// (`满意度` anywhere → satisfaction) or, for a 二级 one char away from an
/// allowed name, by that name (`实效指标` → 时效): a misspelt level still
/// says what it measures, and `framework` reports the misspelling itself.
pub fn dimension(level1: Option<&str>, level2_name: Option<&str>) -> Option<Dim> {
    let l1 = level1.map(normalize);
    let l2 = level2_name.map(normalize).map(|k| {
        if level2_by_key(&k).is_some() || k.chars().count() < 2 {
            return k;
        }
        // No name equals `k` here, so the nearest name is within one edit
        // exactly when the first name one edit away exists: it is that one.
        let mut all = FRAMEWORK.iter().flat_map(|l| l.level2.iter().copied());
        match all.find(|n| within_one_edit(&k, key(n))) {
            Some(n) => Cow::Borrowed(key(n)),
            None => k,
        }
    });
    if let Some(l2) = l2.as_deref() {
        match l2 {
            "数量" => return Some(Dim::Quantity),
            "质量" => return Some(Dim::Quality),
            "时效" => return Some(Dim::Timeliness),
            _ => {}
        }
        if l2.has("成本") {
            return Some(Dim::Cost);
        }
        if l2.has("满意") {
            return Some(Dim::Satisfaction);
        }
        if l2.has("效益") || l2.has("影响") {
            return Some(Dim::Benefit);
        }
    }
    let l1 = l1?;
    if l1.has("满意") {
        Some(Dim::Satisfaction)
    } else if l1.has("成本") {
        Some(Dim::Cost)
    } else if l1.has("效益") || l1.has("效果") {
        Some(Dim::Benefit)
    } else {
        None
    }
}

/// One indicator row with its 一级 and 二级 as the table means them, and
/// the dimension they give (worked out once per row).
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    pub indicator: &'a Indicator,
    pub level1: Option<&'a str>,
    pub level2: Option<&'a str>,
    pub dimension: Option<Dim>,
}

/// The rows of a table with blank 一级/二级 cells carrying the level above,
/// as merged cells do: a new 一级 starts a new block (its 二级 is not carried
/// over), a new 二级 replaces the carried one. A reader that already filled
/// the levels down gives the same result.
pub fn rows(table: &[Indicator]) -> Vec<Row<'_>> {
    let mut out = Vec::new();
    rows_into(table, &mut Memo::default(), &mut out);
    out
}

/// The 二级 a label stands for, if in the framework.
type Known2 = Option<(&'static Level1, &'static str)>;

/// Level lookups over one document: a table repeats a handful of level names,
/// so each distinct name is worked out once. At most [`Memo::CAP`] names are
/// kept (a document with more distinct names is looked up directly, so the
/// work stays linear).
/// A memo entry of [`Memo::dimension`]: the key of `l1` and `l2`, `l1`,
/// `l2` and the dimension.
type DimEntry<'a> = (u64, Option<&'a str>, Option<&'a str>, Option<Dim>);

#[derive(Default)]
pub(super) struct Memo<'a> {
    dims: Vec<DimEntry<'a>>,
    /// The entry of `dims` found last: rows of a block repeat it.
    last: Option<usize>,
    l1: Vec<(u64, &'a str, Option<&'static Level1>)>,
    l2: Vec<(u64, &'a str, Known2, Option<Dim>)>,
}

/// A key of a level name for the memo: its length and its first and last
/// eight bytes (all of a short CJK name). Equal names have equal keys; a
/// key that matches is confirmed by comparing the names, so the keys only
/// spare most comparisons (level names often share their length).
fn memo_key(s: &str) -> u64 {
    let b = s.as_bytes();
    let (head, tail) = if b.len() >= 8 {
        let mut h = [0u8; 8];
        let mut t = [0u8; 8];
        h.copy_from_slice(&b[..8]);
        t.copy_from_slice(&b[b.len() - 8..]);
        (u64::from_le_bytes(h), u64::from_le_bytes(t))
    } else {
        let mut h = [0u8; 8];
        h[..b.len()].copy_from_slice(b);
        (u64::from_le_bytes(h), 0)
    };
    (head ^ tail.rotate_left(29) ^ (b.len() as u64).rotate_left(53))
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn key_opt(s: Option<&str>) -> u64 {
    s.map_or(0, memo_key)
}

impl<'a> Memo<'a> {
    const CAP: usize = 32;

    fn dimension(&mut self, l1: Option<&'a str>, l2: Option<&'a str>) -> Option<Dim> {
        let k = key_opt(l1) ^ key_opt(l2).rotate_left(17);
        let hit =
            |e: &(u64, Option<&str>, Option<&str>, Option<Dim>)| e.0 == k && e.1 == l1 && e.2 == l2;
        if let Some(i) = self.last.filter(|i| hit(&self.dims[*i])) {
            return self.dims[i].3;
        }
        if let Some(i) = self.dims.iter().position(hit) {
            self.last = Some(i);
            return self.dims[i].3;
        }
        let d = dimension(l1, l2);
        if self.dims.len() < Self::CAP {
            self.last = Some(self.dims.len());
            self.dims.push((k, l1, l2, d));
        }
        d
    }

    fn level1(&mut self, l1: &'a str) -> Option<&'static Level1> {
        let k = memo_key(l1);
        if let Some(&(_, _, v)) = self.l1.iter().find(|e| e.0 == k && e.1 == l1) {
            return v;
        }
        let v = level1(l1);
        if self.l1.len() < Self::CAP {
            self.l1.push((k, l1, v));
        }
        v
    }

    /// The 二级 a label stands for and the dimension it alone gives.
    fn level2(&mut self, l2: &'a str) -> (Known2, Option<Dim>) {
        let k = memo_key(l2);
        if let Some(&(_, _, v, d)) = self.l2.iter().find(|e| e.0 == k && e.1 == l2) {
            return (v, d);
        }
        let (v, d) = (level2(l2), dimension(None, Some(l2)));
        if self.l2.len() < Self::CAP {
            self.l2.push((k, l2, v, d));
        }
        (v, d)
    }
}

/// [`rows`] into `out` (cleared first), with the document's lookups.
pub(super) fn rows_into<'a>(table: &'a [Indicator], memo: &mut Memo<'a>, out: &mut Vec<Row<'a>>) {
    fn given(s: &Option<String>) -> Option<&str> {
        s.as_deref().filter(|s| !blank(Some(s)))
    }
    let mut l1: Option<&str> = None;
    let mut l2: Option<&str> = None;
    out.clear();
    out.extend(table.iter().map(|ind| {
        if let Some(g) = given(&ind.level1) {
            if l1 != Some(g) {
                l2 = None;
            }
            l1 = Some(g);
        }
        if let Some(g) = given(&ind.level2) {
            l2 = Some(g);
        }
        let dim = memo.dimension(l1, l2);
        Row {
            indicator: ind,
            level1: l1,
            level2: l2,
            dimension: dim,
        }
    }));
}

/// A 三级 name that measures satisfaction (`群众满意度`, `参保人员满意率`),
/// not an outcome about it (`满意度提升`).
fn is_satisfaction_measure(level3: &str) -> bool {
    // squashing only removes white space: no 满 in the cell, no 满意度 after it
    if !level3.has('满') {
        return false;
    }
    let s = squash(level3);
    (s.has("满意度") || s.has("满意率"))
        && !["提升", "提高", "增长", "增加"]
            .iter()
            .any(|w| s.contains(w))
}

#[cfg(test)]
pub(super) fn check(table: &[Row<'_>], out: &mut Vec<Diagnostic>) {
    check_with(table, out, &mut Memo::default())
}

/// The framework check, with the document's lookups.
pub(super) fn check_with<'a>(table: &[Row<'a>], out: &mut Vec<Diagnostic>, memo: &mut Memo<'a>) {
    let mut seen: Vec<String> = Vec::new();
    let mut once = |out: &mut Vec<Diagnostic>, line: u32, message: String| {
        if !seen.contains(&message) {
            seen.push(message.clone());
            out.push(diag(codes::FRAMEWORK, line, message));
        }
    };
    for row in table {
        let (ind, l1, l2) = (row.indicator, row.level1, row.level2);
        let known1 = l1.and_then(|l| memo.level1(l));
        let (known2, dim2) = match l2 {
            Some(l) => memo.level2(l),
            None => (None, dimension(None, None)),
        };
        if let (Some(name), None) = (l1, known1) {
            let near = nearest(name, FRAMEWORK.iter().map(|l| l.name)).unwrap_or("");
            once(
                out,
                ind.line,
                format!(
                    "一级指标「{}」不在财政部绩效指标体系内，最接近的是「{near}」",
                    squash(name)
                ),
            );
        }
        if let Some(name) = l2 {
            match (known1, known2) {
                (Some(parent), Some((owner, canon))) if owner.name != parent.name => once(
                    out,
                    ind.line,
                    format!(
                        "二级指标「{canon}」不属于一级指标「{}」，应在「{}」下",
                        parent.name, owner.name
                    ),
                ),
                (Some(parent), None) => {
                    let near = nearest(name, parent.level2.iter().copied()).unwrap_or("");
                    once(
                        out,
                        ind.line,
                        format!(
                            "二级指标「{}」不在「{}」的二级指标内，最接近的是「{near}」",
                            squash(name),
                            parent.name
                        ),
                    );
                }
                (None, None) => {
                    let all = FRAMEWORK.iter().flat_map(|l| l.level2.iter().copied());
                    let near = nearest(name, all).unwrap_or("");
                    once(
                        out,
                        ind.line,
                        format!(
                            "二级指标「{}」不在财政部绩效指标体系内，最接近的是「{near}」",
                            squash(name)
                        ),
                    );
                }
                _ => {}
            }
        }
        // Only where the 二级 does not already say satisfaction: that case is
        // the 二级-under-the-wrong-一级 problem above, reported once.
        if let (Some(parent), Some(l3)) = (known1, ind.level3.as_deref()) {
            if parent.name != "满意度指标"
                && dim2 != Some(Dim::Satisfaction)
                && is_satisfaction_measure(l3)
            {
                once(
                    out,
                    ind.line,
                    format!(
                        "三级指标「{}」衡量满意度，应在「满意度指标」下，却列在「{}」下",
                        squash(l3),
                        parent.name
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;
    use crate::document::Severity;

    fn run(table: &[Indicator]) -> Vec<(&'static str, Option<u32>, String)> {
        let mut out = Vec::new();
        check(&rows(table), &mut out);
        assert!(out.iter().all(|d| d.severity == Severity::Warning));
        triples(&out)
    }

    fn row(l1: &str, l2: &str, l3: &str, line: u32) -> Indicator {
        ind(l1, l2, l3, pct("100%", "100"), line)
    }

    #[test]
    fn distance_agrees_with_the_vec_table() {
        fn by_vecs(a: &str, b: &str) -> usize {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            let mut prev: Vec<usize> = (0..=b.len()).collect();
            let mut cur = vec![0; b.len() + 1];
            for (i, ca) in a.iter().enumerate() {
                cur[0] = i + 1;
                for (j, cb) in b.iter().enumerate() {
                    let sub = prev[j] + usize::from(ca != cb);
                    cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
                }
                std::mem::swap(&mut prev, &mut cur);
            }
            prev[b.len()]
        }
        let long = "社会效益".repeat(10);
        let names = [
            "",
            "社会效益",
            "社会效益指标",
            "时效",
            "实效指标",
            "产出",
            &long,
        ];
        for a in names {
            for b in names {
                assert_eq!(distance(a, b), by_vecs(a, b), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn normalization() {
        assert_eq!(normalize("社会效益指 标"), "社会效益");
        assert_eq!(normalize("服务对象满\n意度指标"), "服务对象满意度");
        assert_eq!(normalize("可持续性影响"), "可持续影响");
        assert_eq!(normalize("可持续影响指标"), "可持续影响");
        assert_eq!(normalize("部门产出"), "产出");
        assert_eq!(level1("效果指标").map(|l| l.name), Some("效益指标"));
        assert_eq!(level1("成本").map(|l| l.name), Some("成本指标"));
        assert_eq!(
            level2("可持续性影响").map(|(l, n)| (l.name, n)),
            Some(("效益指标", "可持续影响指标"))
        );
        assert_eq!(level2("数量").map(|(_, n)| n), Some("数量指标"));
    }

    #[test]
    fn one_edit_agrees_with_distance() {
        let names = [
            "",
            "产出",
            "产品",
            "实效",
            "时效",
            "社会效益",
            "经济效益",
            "满意度",
            "服务对象满意度",
            "可持续影响",
            "可持续性影响",
            "ab",
            "ba",
            "a",
        ];
        for a in names {
            for b in names {
                assert_eq!(within_one_edit(a, b), distance(a, b) <= 1, "{a} {b}");
            }
        }
    }

    #[test]
    fn distance_on_chars() {
        assert_eq!(distance("产出", "产出"), 0);
        assert_eq!(distance("产出", "产品"), 1);
        assert_eq!(distance("社会效益", "经济效益"), 2);
        assert_eq!(distance("", "满意度"), 3);
    }

    #[test]
    fn framework_names_are_silent_including_variants() {
        let table = vec![
            row("产出指标", "数量指标", "人数", 1),
            row("", "质量 指标", "到位率", 2),
            row("效益指标", "社会效益指 标", "稳定", 3),
            row("效果指标", "可持续性影响", "长期", 4),
            row("满意度指标", "服务对象满 意度指标", "群众满意度", 5),
            row("成本指标", "经济成本指标", "人均成本", 6),
            row("部门产出", "数量", "考核人数", 7),
        ];
        assert_eq!(run(&table), vec![]);
    }

    #[test]
    fn unknown_first_level_names_the_nearest_once() {
        let table = vec![
            row("产出指木", "数量指标", "人数", 10),
            row("产出指木", "质量指标", "合格率", 11),
        ];
        assert_eq!(
            run(&table),
            vec![(
                codes::FRAMEWORK,
                Some(10),
                "一级指标「产出指木」不在财政部绩效指标体系内，最接近的是「产出指标」".to_owned()
            )]
        );
    }

    #[test]
    fn unknown_second_level_nearest_under_its_parent() {
        let table = vec![row("效益指标", "社会效果指标", "就业", 12)];
        assert_eq!(
            run(&table)[0].2,
            "二级指标「社会效果指标」不在「效益指标」的二级指标内，最接近的是「社会效益指标」"
        );
        let table = vec![row("", "时间指标", "按时", 13)];
        assert_eq!(
            run(&table)[0].2,
            "二级指标「时间指标」不在财政部绩效指标体系内，最接近的是「时效指标」"
        );
    }

    #[test]
    fn second_level_under_the_wrong_first_level() {
        let table = vec![row("产出指标", "社会效益指标", "就业", 14)];
        assert_eq!(
            run(&table),
            vec![(
                codes::FRAMEWORK,
                Some(14),
                "二级指标「社会效益指标」不属于一级指标「产出指标」，应在「效益指标」下".to_owned()
            )]
        );
    }

    #[test]
    fn satisfaction_third_level_under_output() {
        let table = vec![
            row("产出指标", "质量指标", "群众满意度", 15),
            row("效益指标", "社会效益指标", "群众满意度提升", 16),
            row("效益指标", "服务对象满意度指标", "参保人员满意度", 17),
            row("", "服务对象满意度指标", "群众满意度", 18),
        ];
        assert_eq!(
            run(&table),
            vec![(
                codes::FRAMEWORK,
                Some(15),
                "三级指标「群众满意度」衡量满意度，应在「满意度指标」下，却列在「产出指标」下"
                    .to_owned()
            ),
            (
                codes::FRAMEWORK,
                Some(17),
                "二级指标「服务对象满意度指标」不属于一级指标「效益指标」，应在「满意度指标」下"
                    .to_owned()
            )]
        );
    }

    #[test]
    fn blank_levels_carry_the_level_above() {
        let table = vec![
            row("产出指标", "数量指标", "人数", 1),
            row("", "", "场次", 2),
            row("", "社会效益指标", "就业", 3),
            row("满意度指标", "", "群众满意度", 4),
        ];
        let got: Vec<(Option<&str>, Option<&str>)> =
            rows(&table).iter().map(|r| (r.level1, r.level2)).collect();
        assert_eq!(
            got,
            vec![
                (Some("产出指标"), Some("数量指标")),
                (Some("产出指标"), Some("数量指标")),
                (Some("产出指标"), Some("社会效益指标")),
                (Some("满意度指标"), None),
            ]
        );
        assert_eq!(
            run(&table),
            vec![(
                codes::FRAMEWORK,
                Some(3),
                "二级指标「社会效益指标」不属于一级指标「产出指标」，应在「效益指标」下".to_owned()
            )]
        );
    }

    #[test]
    fn dimensions() {
        let opt = |s: &'static str| Some(s).filter(|s| !s.is_empty());
        let dim = |l1: &'static str, l2: &'static str| dimension(opt(l1), opt(l2));
        assert_eq!(dim("产出指标", "数量指标"), Some(Dim::Quantity));
        assert_eq!(dim("产出指标", "成本指标"), Some(Dim::Cost));
        assert_eq!(dim("成本指标", "经济成本指标"), Some(Dim::Cost));
        assert_eq!(dim("成本指标", ""), Some(Dim::Cost));
        assert_eq!(dim("效果指标", "生态效益指标"), Some(Dim::Benefit));
        assert_eq!(
            dim("满意度指标", "服务对象满意度指标"),
            Some(Dim::Satisfaction)
        );
        assert_eq!(dim("部门产出", "时效"), Some(Dim::Timeliness));
        assert_eq!(dim("产出指标", "实效指标"), Some(Dim::Timeliness));
        assert_eq!(dim("产出指标", "数据指标"), Some(Dim::Quantity));
        assert_eq!(dim("产出指标", "其他指标"), None);
        assert_eq!(dim("产出指标", ""), None);
        assert_eq!(dim("", ""), None);
    }

    #[test]
    fn memo_agrees_with_direct_lookups_when_keys_collide() {
        // the same length and the same first and last eight bytes: one key,
        // different names (the memo must compare the names themselves)
        let a = "社会的成本类指标";
        let b = "社会的满意类指标";
        assert_eq!(a.len(), b.len());
        assert_eq!(a.as_bytes()[..8], b.as_bytes()[..8]);
        assert_eq!(a.as_bytes()[a.len() - 8..], b.as_bytes()[b.len() - 8..]);
        assert_eq!(memo_key(a), memo_key(b));
        let mut memo = Memo::default();
        let names = [a, b, "数量指标", "时效指标", a, "产出指标", b];
        for (i, &n) in names.iter().enumerate() {
            let l1 = Some("产出指标");
            assert_eq!(
                memo.dimension(l1, Some(n)),
                dimension(l1, Some(n)),
                "{i} {n}"
            );
            assert_eq!(
                memo.dimension(None, Some(n)),
                dimension(None, Some(n)),
                "{i} {n}"
            );
            assert_eq!(memo.level1(n), level1(n), "{i} {n}");
            assert_eq!(
                memo.level2(n),
                (level2(n), dimension(None, Some(n))),
                "{i} {n}"
            );
        }
        assert_ne!(
            dimension(Some("产出指标"), Some(a)),
            dimension(Some("产出指标"), Some(b))
        );
    }
}
