//! The typed result of parsing one 指标值 cell (SPEC §2–§3).
//!
//! A [`Value`] borrows from the cell it was parsed from where it can
//! (`Value<'a>`), so parsing a cell allocates nothing on the common path;
//! [`Value::into_owned`] gives a `Value<'static>` to keep.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;

/// How a target compares with an actual result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Comparator {
    /// `≥`, `>=`, `≧`, 大于等于, 不低于, 不少于, …以上, 至少
    Ge,
    /// `>`, 大于, 超过
    Gt,
    /// `=`, `＝`, or nothing written
    Eq,
    /// `<`, 小于, 低于
    Lt,
    /// `≤`, `<=`, `≦`, 小于等于, 不高于, 不超过, …以内, …以下, 前
    Le,
    /// 约, 左右, 预计
    Approx,
}

impl Comparator {
    /// The ASCII spelling used in JSON: `>=`, `>`, `=`, `<`, `<=`, `~`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Comparator::Ge => ">=",
            Comparator::Gt => ">",
            Comparator::Eq => "=",
            Comparator::Lt => "<",
            Comparator::Le => "<=",
            Comparator::Approx => "~",
        }
    }

    /// The canonical display symbol: `≥ > = < ≤ ~`.
    pub const fn symbol(self) -> &'static str {
        match self {
            Comparator::Ge => "≥",
            Comparator::Gt => ">",
            Comparator::Eq => "=",
            Comparator::Lt => "<",
            Comparator::Le => "≤",
            Comparator::Approx => "约",
        }
    }

    /// The 计算符号 code of 预算管理一体化 systems (SPEC §2):
    /// `1 ≥, 2 ＞, 3 ＝, 4 ＜, 5 ≤`; `None` for `~`.
    pub const fn code(self) -> Option<u8> {
        match self {
            Comparator::Ge => Some(1),
            Comparator::Gt => Some(2),
            Comparator::Eq => Some(3),
            Comparator::Lt => Some(4),
            Comparator::Le => Some(5),
            Comparator::Approx => None,
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The 定性 code of 预算管理一体化 systems, used for qualitative and text values.
pub const CMP_CODE_QUALITATIVE: u8 = 6;

/// What a unit measures (SPEC §2 "Units").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Dimension {
    Currency,
    Count,
    Percent,
    Duration,
    Area,
    Length,
    Volume,
    Mass,
    Other,
}

impl Dimension {
    /// The lower-case name used in JSON (`currency`, `count`, …).
    pub const fn as_str(self) -> &'static str {
        match self {
            Dimension::Currency => "currency",
            Dimension::Count => "count",
            Dimension::Percent => "percent",
            Dimension::Duration => "duration",
            Dimension::Area => "area",
            Dimension::Length => "length",
            Dimension::Volume => "volume",
            Dimension::Mass => "mass",
            Dimension::Other => "other",
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How often a deadline recurs (`每月`, `每季度`, `每年`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Recurrence {
    Monthly,
    Quarterly,
    Yearly,
}

impl Recurrence {
    pub const fn as_str(self) -> &'static str {
        match self {
            Recurrence::Monthly => "monthly",
            Recurrence::Quarterly => "quarterly",
            Recurrence::Yearly => "yearly",
        }
    }
}

/// A point in time a target must be met by: `≤11月`, `每月20日前`,
/// `2025年12月底`. Every field is optional except `end_of_month`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Deadline {
    pub year: Option<u16>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// `月底` / `月末` / `年底`: the last day of `month`.
    pub end_of_month: bool,
    pub recurrence: Option<Recurrence>,
}

/// A scale word folded into a unit (`万元` → 元 × 10⁴).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scale {
    #[default]
    One,
    /// 十 (×10)
    Shi,
    /// 百 (×10²)
    Bai,
    /// 千 (×10³)
    Qian,
    /// 万 (×10⁴)
    Wan,
    /// 十万 (×10⁵)
    ShiWan,
    /// 百万 (×10⁶)
    BaiWan,
    /// 千万 (×10⁷)
    QianWan,
    /// 亿 (×10⁸)
    Yi,
}

impl Scale {
    /// The power of ten this scale multiplies by.
    pub const fn exponent(self) -> u32 {
        match self {
            Scale::One => 0,
            Scale::Shi => 1,
            Scale::Bai => 2,
            Scale::Qian => 3,
            Scale::Wan => 4,
            Scale::ShiWan => 5,
            Scale::BaiWan => 6,
            Scale::QianWan => 7,
            Scale::Yi => 8,
        }
    }

    /// The factor as an exact decimal (`10000` for 万).
    pub fn factor(self) -> Decimal {
        Decimal::from(10i64.pow(self.exponent()))
    }
}

/// A normalised unit: a numerator with optional per-denominators and a
/// scale word folded into the numerator (`万元/人/年`).
///
/// `text` is the normalised spelling (`元/人/月` for `元/人月` or `元/人·月`,
/// `%` for `百分比` or `％`); the scale word, if any, is always a prefix of
/// `text` of `scale_len` bytes, so [`Unit::base`] is a slice of it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Unit<'a> {
    text: Cow<'a, str>,
    scale_len: u8,
    scale: Scale,
    dimension: Dimension,
}

impl<'a> Unit<'a> {
    /// The unit of a bare number: `""`, dimension `count`.
    pub const NONE: Unit<'static> = Unit {
        text: Cow::Borrowed(""),
        scale_len: 0,
        scale: Scale::One,
        dimension: Dimension::Count,
    };

    /// Builds a unit from its normalised text. `scale_len` is the byte length
    /// of the scale-word prefix of `text` (0 when there is none).
    ///
    /// # Panics
    /// Never: a `scale_len` that is not a char boundary of `text` is treated as 0.
    pub fn new(text: Cow<'a, str>, scale: Scale, scale_len: usize, dimension: Dimension) -> Self {
        let (scale, scale_len) =
            if scale_len <= text.len() && text.is_char_boundary(scale_len) && scale_len < 256 {
                (scale, scale_len as u8)
            } else {
                (Scale::One, 0)
            };
        Unit {
            text,
            scale_len,
            scale,
            dimension,
        }
    }

    /// The normalised unit as written, scale word included (`万元/户`).
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The unit in base terms, scale word removed (`元/户`; `""` for bare `万`).
    pub fn base(&self) -> &str {
        &self.text[self.scale_len as usize..]
    }

    /// The scale word folded into this unit.
    pub fn scale(&self) -> Scale {
        self.scale
    }

    /// What the unit measures.
    pub fn dimension(&self) -> Dimension {
        self.dimension
    }

    /// The base numerator (`元` for `万元/人/年`).
    pub fn numerator(&self) -> &str {
        let base = self.base();
        base.split('/').next().unwrap_or("")
    }

    /// The per-denominators (`["人", "年"]` for `元/人/年`).
    pub fn denominators(&self) -> impl Iterator<Item = &str> {
        self.base().split('/').skip(1)
    }

    /// True for the unit of a bare number.
    pub fn is_none(&self) -> bool {
        self.text.is_empty()
    }

    /// The unit with owned text; a unit that is exactly one word of the
    /// unit lexicon keeps the lexicon's static spelling (no allocation).
    pub fn into_owned(self) -> Unit<'static> {
        let text = match self.text {
            Cow::Borrowed(s) => match super::unit::atom_at(s) {
                Some((_, a)) if a.written.len() == s.len() => Cow::Borrowed(a.written),
                _ => Cow::Owned(s.to_owned()),
            },
            Cow::Owned(s) => Cow::Owned(s),
        };
        Unit {
            text,
            scale_len: self.scale_len,
            scale: self.scale,
            dimension: self.dimension,
        }
    }
}

/// A quantity: `≥95 百分比`, `100 元/人/年`, `4.35 万`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Quantity<'a> {
    pub cmp: Comparator,
    /// False when no comparator was written (the comparator is then `=`).
    pub cmp_written: bool,
    /// `None` when the cell has a comparator and unit but no number (`>=%`).
    pub number: Option<Decimal>,
    pub unit: Unit<'a>,
}

/// A range: `90%-95%`, `3~5人`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Range<'a> {
    pub low: Decimal,
    pub high: Decimal,
    pub unit: Unit<'a>,
}

/// A deadline: `≤11月`, `每月20日前发放`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Time {
    pub cmp: Comparator,
    pub cmp_written: bool,
    pub deadline: Deadline,
}

/// How a qualitative term rates (where one applies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// 优, 好, 显著, 满意, 达标, 合格 …: a positive rating or state.
    Positive,
    /// 良好, 较好, 基本满意 …: a middling rating.
    Middling,
    /// 差, 不合格, 否 …: a negative rating.
    Negative,
}

impl Grade {
    pub const fn as_str(self) -> &'static str {
        match self {
            Grade::Positive => "positive",
            Grade::Middling => "middling",
            Grade::Negative => "negative",
        }
    }
}

/// A normalised qualitative term from the lexicon (`长期`, `满意`, `足额发放`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Term {
    /// The normalised term.
    pub term: &'static str,
    pub grade: Option<Grade>,
}

/// Why a value is not what it seems: attached to the value, never an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Note {
    /// The cell is garbled: kept literally (`4000 个/元`, `1515`, `6000 每条 维护费 6000 元`).
    GarbledCell,
    /// A comparator and unit without a number (`>=%`).
    NumberMissing,
    /// A period (`2021年1-12月`): the value is its end.
    Period,
    /// The unit is not in the unit table: kept as written, dimension `other`.
    UnknownUnit,
    /// The number does not fit an exact decimal (28 significant digits).
    NumberOverflow,
    /// A date field is out of range (`13月`, `32日`): kept as text.
    InvalidDate,
    /// The cell holds more than one value; the first is parsed.
    MultipleValues,
    /// The cell has a number but no rule placed it; kept as text.
    Unclassified,
}

impl Note {
    /// The stable text used in JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Note::GarbledCell => "garbled cell",
            Note::NumberMissing => "number missing",
            Note::Period => "period",
            Note::UnknownUnit => "unknown unit",
            Note::NumberOverflow => "number overflow",
            Note::InvalidDate => "invalid date",
            Note::MultipleValues => "multiple values",
            Note::Unclassified => "unclassified",
        }
    }

    const ALL: [Note; 8] = [
        Note::GarbledCell,
        Note::NumberMissing,
        Note::Period,
        Note::UnknownUnit,
        Note::NumberOverflow,
        Note::InvalidDate,
        Note::MultipleValues,
        Note::Unclassified,
    ];

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of [`Note`]s, stored as bits: no allocation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Notes(u16);

impl Notes {
    pub const fn empty() -> Self {
        Notes(0)
    }
    pub fn insert(&mut self, note: Note) {
        self.0 |= note.bit();
    }
    pub fn contains(&self, note: Note) -> bool {
        self.0 & note.bit() != 0
    }
    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }
    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }
    /// The notes in a stable order.
    pub fn iter(&self) -> impl Iterator<Item = Note> + '_ {
        Note::ALL.into_iter().filter(|n| self.contains(*n))
    }
}

/// The kind of a value (SPEC §2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Quantity,
    Range,
    Time,
    Qualitative,
    Text,
    Empty,
}

impl Kind {
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Quantity => "quantity",
            Kind::Range => "range",
            Kind::Time => "time",
            Kind::Qualitative => "qualitative",
            Kind::Text => "text",
            Kind::Empty => "empty",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a value says, by kind.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Body<'a> {
    Quantity(Quantity<'a>),
    Range(Range<'a>),
    Time(Time),
    Qualitative(Term),
    /// Free description, kept verbatim in `raw`.
    Text,
    /// Nothing stated (``, `/`, `—`, `无`).
    Empty,
}

impl Body<'_> {
    pub fn into_owned(self) -> Body<'static> {
        match self {
            Body::Quantity(q) => Body::Quantity(Quantity {
                cmp: q.cmp,
                cmp_written: q.cmp_written,
                number: q.number,
                unit: q.unit.into_owned(),
            }),
            Body::Range(r) => Body::Range(Range {
                low: r.low,
                high: r.high,
                unit: r.unit.into_owned(),
            }),
            Body::Time(t) => Body::Time(t),
            Body::Qualitative(t) => Body::Qualitative(t),
            Body::Text => Body::Text,
            Body::Empty => Body::Empty,
        }
    }
}

/// One parsed 指标值 cell. `raw` always holds the cell as given.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Value<'a> {
    pub raw: Cow<'a, str>,
    pub body: Body<'a>,
    /// Words after the number or date (`98%满意` → `满意`), or before it when
    /// they are the only extra words.
    pub qualifier: Option<Cow<'a, str>>,
    pub notes: Notes,
}

impl<'a> Value<'a> {
    pub fn kind(&self) -> Kind {
        match self.body {
            Body::Quantity(_) => Kind::Quantity,
            Body::Range(_) => Kind::Range,
            Body::Time(_) => Kind::Time,
            Body::Qualitative(_) => Kind::Qualitative,
            Body::Text => Kind::Text,
            Body::Empty => Kind::Empty,
        }
    }

    /// The comparator of a quantity, range (always `=`) or time value.
    pub fn cmp(&self) -> Option<Comparator> {
        match &self.body {
            Body::Quantity(q) => Some(q.cmp),
            Body::Range(_) => Some(Comparator::Eq),
            Body::Time(t) => Some(t.cmp),
            _ => None,
        }
    }

    /// Whether the comparator was written in the cell.
    pub fn cmp_written(&self) -> bool {
        match &self.body {
            Body::Quantity(q) => q.cmp_written,
            Body::Time(t) => t.cmp_written,
            _ => false,
        }
    }

    /// The 计算符号 code (SPEC §2): 1–5 from the comparator, 6 for qualitative
    /// and text, `None` for `~` and empty.
    pub fn cmp_code(&self) -> Option<u8> {
        match &self.body {
            Body::Qualitative(_) | Body::Text => Some(CMP_CODE_QUALITATIVE),
            Body::Empty => None,
            _ => self.cmp().and_then(Comparator::code),
        }
    }

    /// The number of a quantity, as written.
    pub fn number(&self) -> Option<Decimal> {
        match &self.body {
            Body::Quantity(q) => q.number,
            _ => None,
        }
    }

    /// The unit of a quantity or range.
    pub fn unit(&self) -> Option<&Unit<'a>> {
        match &self.body {
            Body::Quantity(q) => Some(&q.unit),
            Body::Range(r) => Some(&r.unit),
            _ => None,
        }
    }

    /// The number in base units (`4.35 万` → 43500), `None` on overflow.
    pub fn base_number(&self) -> Option<Decimal> {
        match &self.body {
            Body::Quantity(q) => q
                .number
                .and_then(|n| n.checked_mul(q.unit.scale().factor())),
            _ => None,
        }
    }

    /// The range bounds in base units.
    pub fn base_range(&self) -> Option<(Decimal, Decimal)> {
        match &self.body {
            Body::Range(r) => {
                let f = r.unit.scale().factor();
                Some((r.low.checked_mul(f)?, r.high.checked_mul(f)?))
            }
            _ => None,
        }
    }

    pub fn deadline(&self) -> Option<&Deadline> {
        match &self.body {
            Body::Time(t) => Some(&t.deadline),
            _ => None,
        }
    }

    pub fn term(&self) -> Option<&Term> {
        match &self.body {
            Body::Qualitative(t) => Some(t),
            _ => None,
        }
    }

    pub fn qualifier(&self) -> Option<&str> {
        self.qualifier.as_deref()
    }

    /// A `Value` that owns all its text.
    pub fn into_owned(self) -> Value<'static> {
        Value {
            raw: Cow::Owned(self.raw.into_owned()),
            body: self.body.into_owned(),
            qualifier: self.qualifier.map(|q| Cow::Owned(q.into_owned())),
            notes: self.notes,
        }
    }
}
