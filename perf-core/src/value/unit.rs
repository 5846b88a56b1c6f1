//! Units as a small model (SPEC §2 "Units"): a numerator with optional
//! per-denominators, a scale word folded into the numerator, a dimension.
//!
//! `元/人月`, `元/人·月` and `元/ 人/月` are all `元/人/月`; `万元` is 元 × 10⁴;
//! `百分比` and `％` are `%`; `百分点` stays apart. Known units come from the
//! static tables below, so the common path allocates nothing; an unknown unit
//! is kept as written with dimension `other`.

use std::borrow::Cow;

use super::first_char::{firsts, FirstCharIndex};
use super::model::{Dimension, Scale, Unit};

/// One unit word: how it is written, its normalised spelling, what it measures.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atom {
    /// The first char of `written` (the table is searched by it).
    pub first: char,
    /// `written` is already the normalised spelling (`元`, not `百分比`).
    pub as_written: bool,
    pub written: &'static str,
    pub canonical: &'static str,
    pub dimension: Dimension,
}

/// The first char of a non-empty string, decoded at compile time.
pub(crate) const fn first_char(s: &str) -> char {
    let b = s.as_bytes();
    let c = if b[0] < 0x80 {
        b[0] as u32
    } else if b[0] < 0xE0 {
        ((b[0] as u32 & 0x1F) << 6) | (b[1] as u32 & 0x3F)
    } else if b[0] < 0xF0 {
        ((b[0] as u32 & 0x0F) << 12) | ((b[1] as u32 & 0x3F) << 6) | (b[2] as u32 & 0x3F)
    } else {
        ((b[0] as u32 & 0x07) << 18)
            | ((b[1] as u32 & 0x3F) << 12)
            | ((b[2] as u32 & 0x3F) << 6)
            | (b[3] as u32 & 0x3F)
    };
    match char::from_u32(c) {
        Some(c) => c,
        None => panic!("not UTF-8"),
    }
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn atom(written: &'static str, canonical: &'static str, dimension: Dimension) -> Atom {
    Atom {
        first: first_char(written),
        as_written: same(written, canonical),
        written,
        canonical,
        dimension,
    }
}

use Dimension::{Area, Count, Currency, Duration, Length, Mass, Other, Percent, Volume};

/// The unit words. A longer spelling wins over a shorter one at the same
/// place (`人次` over `人`, `个工作日` over `个`). Kept sorted by `written`
/// (a unit test checks) so [`atom_at`] only looks at the atoms that share
/// the first char of the text (through [`ATOM_INDEX`]).
pub(crate) static ATOMS: &[Atom] = ATOM_TABLE;

/// The rows of [`ATOMS`] by first char.
static ATOM_INDEX: FirstCharIndex = FirstCharIndex::new(&firsts!(ATOM_TABLE));

const ATOM_TABLE: &[Atom] = &[
    // @sorted by `written` (byte order): lookups search by the first char
    atom("%", "%", Percent),
    atom("kg", "公斤", Mass),
    atom("km", "公里", Length),
    atom("m2", "平方米", Area),
    atom("m3", "立方米", Volume),
    atom("m²", "平方米", Area),
    atom("m³", "立方米", Volume),
    atom("‰", "‰", Percent),
    atom("㎡", "平方米", Area),
    atom("个", "个", Count),
    atom("个季度", "季度", Duration),
    atom("个工作日", "工作日", Duration),
    atom("个月", "个月", Duration),
    atom("个百分点", "百分点", Percent),
    atom("亩", "亩", Area),
    atom("人", "人", Count),
    atom("人次", "人次", Count),
    atom("人民币", "元", Currency),
    atom("件", "件", Count),
    atom("份", "份", Count),
    atom("位", "位", Count),
    atom("元", "元", Currency),
    atom("克", "克", Mass),
    atom("公斤", "公斤", Mass),
    atom("公里", "公里", Length),
    atom("公顷", "公顷", Area),
    atom("册", "册", Count),
    atom("分", "分", Other),
    atom("分钟", "分钟", Duration),
    atom("千克", "公斤", Mass),
    atom("千米", "公里", Length),
    atom("升", "升", Volume),
    atom("半年", "半年", Duration),
    atom("单", "单", Count),
    atom("台", "台", Count),
    atom("名", "名", Count),
    atom("吨", "吨", Mass),
    atom("周", "周", Duration),
    atom("场", "场", Count),
    atom("场次", "场次", Count),
    atom("块", "块", Count),
    atom("处", "处", Count),
    atom("天", "天", Duration),
    atom("套", "套", Count),
    atom("季度", "季度", Duration),
    atom("宗", "宗", Count),
    atom("家", "家", Count),
    atom("小时", "小时", Duration),
    atom("岗", "岗", Count),
    atom("工作日", "工作日", Duration),
    atom("平方公里", "平方公里", Area),
    atom("平方米", "平方米", Area),
    atom("平米", "平方米", Area),
    atom("年", "年", Duration),
    atom("座", "座", Count),
    atom("张", "张", Count),
    atom("户", "户", Count),
    atom("户次", "户次", Count),
    atom("所", "所", Count),
    atom("批", "批", Count),
    atom("批次", "批次", Count),
    atom("日", "日", Duration),
    atom("月", "月", Duration),
    atom("期", "期", Count),
    atom("期次", "期次", Count),
    atom("本", "本", Count),
    atom("村", "村", Count),
    atom("条", "条", Count),
    atom("次", "次", Count),
    atom("班", "班", Count),
    atom("百分比", "%", Percent),
    atom("百分点", "百分点", Percent),
    atom("种", "种", Count),
    atom("立方米", "立方米", Volume),
    atom("笔", "笔", Count),
    atom("篇", "篇", Count),
    atom("米", "米", Length),
    atom("课时", "课时", Count),
    atom("起", "起", Count),
    atom("辆", "辆", Count),
    atom("部", "部", Count),
    atom("间", "间", Count),
    atom("项", "项", Count),
];

/// Scale words and their spelling (the prefix of the unit text).
static SCALES: &[(&str, Scale)] = &[
    ("十万", Scale::ShiWan),
    ("百万", Scale::BaiWan),
    ("千万", Scale::QianWan),
    ("万", Scale::Wan),
    ("亿", Scale::Yi),
    ("千", Scale::Qian),
];

/// Normalised units that need no allocation even when they differ from the
/// written text (`元/人月` → `元/人/月`). Anything else that has to be
/// rewritten is built once per cell.
static COMPOSITES: &[&str] = &[
    "元/人/月",
    "元/人/年",
    "元/人/次",
    "元/人/天",
    "元/户/月",
    "元/户/年",
    "元/人",
    "元/户",
    "元/年",
    "元/月",
    "元/次",
    "元/件",
    "元/张",
    "元/条",
    "元/天",
    "元/个",
    "元/平方米",
    "万元/户",
    "万元/人",
    "万元/年",
    "万元/个",
    "万元",
    "亿元",
    "千元",
    "十万元",
    "百万元",
    "千万元",
    "万人",
    "万人次",
    "万户",
    "万份",
    "万",
    "人/月",
    "人/年",
    "次/月",
    "次/年",
    "次/人",
    "人次/年",
    "户/月",
];

/// The longest atom written at the start of `s`, with its index in [`ATOMS`].
///
/// Every atom that matches is a prefix of `s`, so the matches are prefixes
/// of one another, and in byte order a prefix sorts before its extensions:
/// the last matching row of the first char's rows is the longest match.
#[inline(always)]
pub(crate) fn atom_at(s: &str) -> Option<(u8, &'static Atom)> {
    let (rows, skip) = ATOM_INDEX.rows_at(s)?;
    let sb = s.as_bytes();
    for i in rows.rev() {
        let a = &ATOMS[i];
        let w = a.written.as_bytes();
        // the first char is known to match: compare the rest, byte by byte
        // (atoms are a few bytes; a `memcmp` call costs more)
        if sb.len() >= w.len() && w[skip..].iter().zip(&sb[skip..]).all(|(x, y)| x == y) {
            // the table has fewer than 256 rows (a unit test checks)
            return Some((i as u8, a));
        }
    }
    None
}

/// A scale word at the start of `s` (`万` of `万元`).
pub(crate) fn scale_at(s: &str) -> Option<(&'static str, Scale)> {
    SCALES.iter().copied().find(|(w, _)| s.starts_with(w))
}

/// One part of a unit: a known atom (its index in [`ATOMS`]) or an unknown
/// word kept as written (its byte range in the unit's `written` text).
/// Three bytes, so a parsed unit is small and cheap to move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Known(u8),
    Unknown { start: u8, len: u8 },
}

impl Part {
    fn text(self, written: &str) -> &str {
        match self {
            Part::Known(i) => ATOMS[i as usize].canonical,
            Part::Unknown { start, len } => {
                let (start, len) = (start as usize, len as usize);
                written.get(start..start + len).unwrap_or("")
            }
        }
    }

    fn dimension(self) -> Dimension {
        match self {
            Part::Known(i) => ATOMS[i as usize].dimension,
            Part::Unknown { .. } => Dimension::Other,
        }
    }

    /// An unknown word at `word`, a slice of the unit text `unit` starting
    /// at `unit`'s first byte; `None` if it is too long to record.
    fn unknown(unit: &str, word: &str, rest_after_word: &str) -> Option<Part> {
        let end = unit.len() - rest_after_word.len();
        let start = end - word.len();
        Some(Part::Unknown {
            start: u8::try_from(start).ok()?,
            len: u8::try_from(word.len()).ok()?,
        })
    }
}

/// At most this many per-denominators are kept; more is not a unit.
pub(crate) const MAX_DENOMINATORS: usize = 4;

/// A unit as parsed, before it is turned into a [`Unit`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Parsed<'s> {
    /// The unit exactly as written (`万元/人月`), empty for a bare number.
    pub written: &'s str,
    /// The scale word: a prefix of `written` of `scale_len` bytes.
    pub scale: Scale,
    pub scale_len: u8,
    /// `None` for a bare number or a bare scale word (`4.35万`).
    pub numerator: Option<Part>,
    pub denominators: [Option<Part>; MAX_DENOMINATORS],
    /// The normalised spelling differs from `written` (`元/人月`, `百分比`,
    /// per-words folded in): it has to be built.
    pub respelled: bool,
}

impl<'s> Parsed<'s> {
    pub fn none() -> Self {
        Parsed {
            written: "",
            scale: Scale::One,
            scale_len: 0,
            numerator: None,
            denominators: [None; MAX_DENOMINATORS],
            respelled: false,
        }
    }

    pub fn is_none(&self) -> bool {
        self.scale_len == 0 && self.numerator.is_none() && self.denominators[0].is_none()
    }

    pub fn dimension(&self) -> Dimension {
        self.numerator.map_or(Dimension::Count, Part::dimension)
    }

    /// True when a part is not in the unit table.
    pub fn has_unknown(&self) -> bool {
        matches!(self.numerator, Some(Part::Unknown { .. }))
            || self
                .denominators
                .iter()
                .any(|d| matches!(d, Some(Part::Unknown { .. })))
    }

    /// A per-word that must go in a denominator (`每人每月1900元`).
    pub fn push_per_word(&mut self, part: Part) -> bool {
        self.respelled = true;
        self.push_denominator(part)
    }

    fn push_denominator(&mut self, part: Part) -> bool {
        match self.denominators.iter_mut().find(|d| d.is_none()) {
            Some(slot) => {
                *slot = Some(part);
                true
            }
            None => false,
        }
    }

    /// Literal-but-odd units (SPEC "literal, never repaired"): money per
    /// count, e.g. `个/元`, `人/元/月`. The cell is kept as written and noted.
    pub fn is_garbled(&self) -> bool {
        let money = |p: &Option<Part>| p.map(Part::dimension) == Some(Dimension::Currency);
        !money(&self.numerator) && self.denominators.iter().any(money)
    }

    /// Writes the normalised text (`万元/人/月`) into `buf`; false if it does
    /// not fit.
    fn write_canonical(&self, buf: &mut StackStr) -> bool {
        let mut ok = true;
        ok &= buf.push(&self.written[..self.scale_len as usize]);
        if let Some(n) = self.numerator {
            ok &= buf.push(n.text(self.written));
        }
        for d in self.denominators.iter().flatten() {
            ok &= buf.push("/");
            ok &= buf.push(d.text(self.written));
        }
        ok
    }

    /// Turns the parsed unit into a [`Unit`]. `own` decides how text that
    /// is a slice of the cell is kept (borrowed from the caller's input, or
    /// copied when the cell was normalised into a scratch buffer).
    ///
    /// `borrows` says that `own` borrows (the cell was not normalised): then
    /// a unit written in its normalised spelling is taken from the cell
    /// without looking it up.
    #[inline]
    pub fn into_unit<'a, F>(self, own: F, borrows: bool) -> Unit<'a>
    where
        F: Fn(&'s str) -> Cow<'a, str>,
    {
        // A single known atom (the commonest unit): its static spelling.
        if let (Some(Part::Known(i)), 0, None) =
            (self.numerator, self.scale_len, self.denominators[0])
        {
            let a = &ATOMS[i as usize];
            return Unit::new(Cow::Borrowed(a.canonical), self.scale, 0, a.dimension);
        }
        if self.is_none() {
            return Unit::NONE;
        }
        let dimension = self.dimension();
        let (scale, scale_len) = (self.scale, self.scale_len as usize);
        if !self.respelled {
            // written in its normalised spelling: borrow it, or find it in
            // the static table, or copy it
            let text = if borrows {
                own(self.written)
            } else if let Some(t) = COMPOSITES.iter().find(|t| **t == self.written) {
                Cow::Borrowed(*t)
            } else {
                own(self.written)
            };
            return Unit::new(text, scale, scale_len, dimension);
        }
        let mut buf = StackStr::new();
        let fits = self.write_canonical(&mut buf);
        let canonical = buf.as_str();
        let text: Cow<'a, str> = if !fits || (borrows && canonical == self.written) {
            // As written (or longer than the stack buffer: kept as written).
            own(self.written)
        } else if let Some(t) = COMPOSITES.iter().find(|t| **t == canonical) {
            Cow::Borrowed(*t)
        } else if canonical == self.written {
            own(self.written)
        } else {
            Cow::Owned(canonical.to_owned())
        };
        Unit::new(text, scale, scale_len, dimension)
    }
}

/// A small string on the stack for building a normalised unit.
struct StackStr {
    buf: [u8; 64],
    len: usize,
}

impl StackStr {
    fn new() -> Self {
        StackStr {
            buf: [0; 64],
            len: 0,
        }
    }

    fn push(&mut self, s: &str) -> bool {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return false;
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        true
    }

    fn as_str(&self) -> &str {
        // Only whole `&str`s are pushed, so the bytes are UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("")
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// An unknown unit word at the start of `s`: one CJK char that ends the
/// cell or is followed by `/`, or a run of ASCII letters. Longer words are
/// qualifiers (`98%满意`), not units.
fn unknown_at(s: &str, in_denominator: bool) -> Option<&str> {
    let mut chars = s.char_indices();
    let (_, c) = chars.next()?;
    if c.is_ascii_alphabetic() {
        let end = s
            .char_indices()
            .find(|(_, c)| !c.is_ascii_alphabetic())
            .map_or(s.len(), |(i, _)| i);
        return Some(&s[..end]);
    }
    if !is_cjk(c) {
        return None;
    }
    let end = c.len_utf8();
    let next = s[end..].chars().next();
    let ends_unit = match next {
        None => true,
        Some('/') | Some('·') => true,
        Some(n) => in_denominator && !is_cjk(n),
    };
    ends_unit.then(|| &s[..end])
}

/// Parses a unit at the start of `s` (which follows a number). Returns the
/// unit and the rest of `s`; a bare number gives [`Parsed::none`].
pub(crate) fn unit(s: &str) -> (Parsed<'_>, &str) {
    let mut p = Parsed::none();
    let mut rest = s;
    // numerator: an atom, or a scale word with an optional atom, or an unknown word
    if let Some((i, a)) = atom_at(rest) {
        p.numerator = Some(Part::Known(i));
        p.respelled |= !a.as_written;
        rest = &rest[a.written.len()..];
    } else if let Some((w, sc)) = scale_at(rest) {
        p.scale = sc;
        p.scale_len = w.len() as u8;
        rest = &rest[w.len()..];
        if let Some((i, a)) = atom_at(rest) {
            p.numerator = Some(Part::Known(i));
            p.respelled |= !a.as_written;
            rest = &rest[a.written.len()..];
        }
    } else if let Some(u) = unknown_at(rest, false) {
        rest = &rest[u.len()..];
        p.numerator = Part::unknown(s, u, rest);
    }
    if p.numerator.is_some() {
        // per-denominators: `/人/年`, `/人月`, `/人·月`
        while let Some(after) = rest.strip_prefix('/') {
            let mut r = after;
            let mut any = false;
            loop {
                let part = if let Some((i, a)) = atom_at(r) {
                    r = &r[a.written.len()..];
                    // `人月`: a second atom without `/` is spelled `/月`
                    p.respelled |= !a.as_written || any;
                    Part::Known(i)
                } else if let Some(u) = (!any).then(|| unknown_at(r, true)).flatten() {
                    r = &r[u.len()..];
                    match Part::unknown(s, u, r) {
                        Some(p) => p,
                        None => break,
                    }
                } else {
                    break;
                };
                if !p.push_denominator(part) {
                    break;
                }
                any = true;
                match r.strip_prefix('·') {
                    Some(x) if atom_at(x).is_some() => {
                        r = x;
                        p.respelled = true;
                    }
                    _ => {}
                }
            }
            if !any {
                break;
            }
            rest = r;
        }
    }
    p.written = &s[..s.len() - rest.len()];
    (p, rest)
}

/// [`unit`] for its commonest case, one known atom not followed by a
/// denominator (`%`, `人`, `元` of `95%`, `29人`, `4.03元 ...`): no scale
/// word, no `/` loop, nothing unknown, never garbled. `None` otherwise.
#[inline]
pub(crate) fn lone_atom(s: &str) -> Option<(Parsed<'_>, &str)> {
    let (i, a) = atom_at(s)?;
    let (written, rest) = s.split_at(a.written.len());
    if rest.starts_with('/') {
        return None;
    }
    let p = Parsed {
        written,
        numerator: Some(Part::Known(i)),
        respelled: !a.as_written,
        ..Parsed::none()
    };
    Some((p, rest))
}

/// A unit alone (`%` of `>=%`): the whole of `s` is one unit.
pub(crate) fn whole_unit(s: &str) -> Option<Parsed<'_>> {
    let (p, rest) = unit(s);
    (rest.is_empty() && !p.is_none()).then_some(p)
}

/// Atoms that, right after a number, can make it a date (`11月`, `2025年`).
pub(crate) fn is_date_atom(i: u8) -> bool {
    matches!(ATOMS.get(i as usize).map(|a| a.written), Some("月" | "年"))
}

/// A per-word after `每` before a number (`每人`, `每月`, `每户`).
pub(crate) fn per_atom(s: &str) -> Option<(u8, &'static Atom)> {
    atom_at(s)
        .filter(|(_, a)| a.dimension != Dimension::Percent && a.dimension != Dimension::Currency)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> (Unit<'_>, &str) {
        let (p, rest) = unit(s);
        (p.into_unit(Cow::Borrowed, true), rest)
    }

    #[test]
    fn per_denominators_are_split() {
        let (x, rest) = u("元/人月");
        assert_eq!((x.as_str(), rest), ("元/人/月", ""));
        assert_eq!(x.numerator(), "元");
        assert_eq!(x.denominators().collect::<Vec<_>>(), ["人", "月"]);
        let (x, _) = u("元/人·月");
        assert_eq!(x.as_str(), "元/人/月");
        let (x, _) = u("元/人/年");
        assert_eq!(
            (x.as_str(), x.dimension()),
            ("元/人/年", Dimension::Currency)
        );
    }

    #[test]
    fn scale_words_fold() {
        let (x, rest) = u("万元/户");
        assert_eq!(
            (x.as_str(), x.base(), x.scale()),
            ("万元/户", "元/户", Scale::Wan)
        );
        assert_eq!(rest, "");
        let (x, _) = u("亿元");
        assert_eq!((x.base(), x.scale()), ("元", Scale::Yi));
        let (x, _) = u("千元");
        assert_eq!((x.base(), x.scale()), ("元", Scale::Qian));
        let (x, rest) = u("万");
        assert_eq!(
            (x.as_str(), x.base(), x.dimension(), rest),
            ("万", "", Dimension::Count, "")
        );
        let (x, _) = u("万人");
        assert_eq!((x.base(), x.dimension()), ("人", Dimension::Count));
    }

    #[test]
    fn words_that_look_like_scales_are_atoms() {
        let (x, _) = u("千米");
        assert_eq!((x.as_str(), x.scale()), ("公里", Scale::One));
        let (x, _) = u("千克");
        assert_eq!((x.as_str(), x.dimension()), ("公斤", Dimension::Mass));
        let (x, _) = u("百分比");
        assert_eq!((x.as_str(), x.dimension()), ("%", Dimension::Percent));
    }

    #[test]
    fn percentage_points_stay_apart() {
        let (x, _) = u("百分点");
        assert_eq!((x.as_str(), x.dimension()), ("百分点", Dimension::Percent));
    }

    #[test]
    fn longest_atom_wins() {
        assert_eq!(u("人次").0.as_str(), "人次");
        assert_eq!(u("个工作日").0.as_str(), "工作日");
        assert_eq!(u("个月").0.as_str(), "个月");
        assert_eq!(u("个").0.as_str(), "个");
    }

    #[test]
    fn qualifier_words_are_not_units() {
        let (x, rest) = u("%满意");
        assert_eq!((x.as_str(), rest), ("%", "满意"));
        let (x, rest) = u("完成");
        assert_eq!((x.is_none(), rest), (true, "完成"));
    }

    #[test]
    fn unknown_units_are_kept() {
        let (p, rest) = unit("锅");
        assert!(p.has_unknown());
        let x = p.into_unit(Cow::Borrowed, true);
        assert_eq!(
            (x.as_str(), x.dimension(), rest),
            ("锅", Dimension::Other, "")
        );
        let (p, rest) = unit("元/车");
        assert!(p.has_unknown());
        assert_eq!(
            (p.into_unit(Cow::Borrowed, true).as_str(), rest),
            ("元/车", "")
        );
    }

    #[test]
    fn money_per_count_is_garbled() {
        assert!(unit("个/元").0.is_garbled());
        assert!(unit("人/元/月").0.is_garbled());
        assert!(!unit("元/人/月").0.is_garbled());
    }

    #[test]
    fn respelled_units_are_marked() {
        for (cell, respelled) in [
            ("元/人/月", false),
            ("元/人月", true),
            ("元/人·月", true),
            ("百分比", true),
            ("%", false),
            ("万元/户", false),
            ("个工作日", true),
            ("人/元/月", false),
        ] {
            let (p, _) = unit(cell);
            assert_eq!(p.respelled, respelled, "{cell}");
            // and the shortcut gives the same text as building it
            let built = {
                let mut buf = StackStr::new();
                p.write_canonical(&mut buf);
                buf.as_str().to_string()
            };
            assert_eq!(
                p.clone().into_unit(Cow::Borrowed, true).as_str(),
                built,
                "{cell}"
            );
            assert_eq!(
                p.into_unit(|x: &str| Cow::Owned(x.to_owned()), false)
                    .as_str(),
                built,
                "{cell}"
            );
        }
    }

    #[test]
    fn atoms_fit_a_byte_index() {
        assert!(ATOMS.len() < 256);
    }

    #[test]
    fn atoms_are_sorted_and_unique() {
        for w in ATOMS.windows(2) {
            assert!(
                w[0].written < w[1].written,
                "{} must come before {}",
                w[1].written,
                w[0].written
            );
        }
    }

    #[test]
    fn first_char_decodes_utf8() {
        for s in ["%", "元", "m²", "㎡", "‰", "😀x"] {
            assert_eq!(first_char(s), s.chars().next().unwrap());
        }
    }

    /// The index gives the rows a binary search over the sorted table gives.
    fn index_agrees(c: char) -> bool {
        let from = ATOMS.partition_point(|a| a.first < c);
        let to = ATOMS.partition_point(|a| a.first <= c);
        let r = ATOM_INDEX.rows(c);
        r == (from..to) || (r.is_empty() && from == to)
    }

    #[test]
    fn the_first_char_index_covers_every_atom() {
        for a in ATOMS {
            assert!(index_agrees(a.first), "{}", a.written);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_first_char_index_agrees_with_a_binary_search(c in proptest::prelude::any::<char>()) {
            proptest::prop_assert!(index_agrees(c), "{:?}", c);
        }
    }

    /// The lone-atom shortcut gives what [`unit`] gives.
    #[test]
    fn lone_atom_is_unit() {
        for a in ATOMS {
            for tail in ["", "/人", "满意", " ", "·月", "以上", "%"] {
                let s = format!("{}{tail}", a.written);
                if let Some(found) = lone_atom(&s) {
                    assert_eq!(found, unit(&s), "{s}");
                } else {
                    assert!(tail.starts_with('/'), "{s}");
                }
            }
        }
        assert_eq!(lone_atom("万元"), None);
    }

    proptest::proptest! {
        /// The first matching row from the end is the longest atom at the
        /// start of the text (the rule), for texts made of atoms and their
        /// pieces.
        #[test]
        fn atom_at_finds_the_longest_atom(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "个", "季度", "工作日", "月", "百分点", "人", "次", "民币", "平方", "公里", "米",
                "m", "2", "k", "g", "%", "元", "x", "方",
            ]), 0..4),
        ) {
            let s = parts.concat();
            let longest = ATOMS
                .iter()
                .enumerate()
                .filter(|(_, a)| s.starts_with(a.written))
                .max_by_key(|(_, a)| a.written.len())
                .map(|(i, a)| (i, a.written));
            let found = atom_at(&s).map(|(i, a)| (i as usize, a.written));
            proptest::prop_assert_eq!(found, longest, "{:?}", s);
        }
    }

    #[test]
    fn every_atom_is_found() {
        for a in ATOMS {
            let (i, found) =
                atom_at(a.written).unwrap_or_else(|| panic!("{} not found", a.written));
            assert_eq!(
                (found.written, ATOMS[i as usize].written),
                (a.written, a.written)
            );
        }
    }
}
