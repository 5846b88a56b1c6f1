//! The indicator-value grammar (SPEC §2): one 指标值 cell to a typed [`Value`].
//!
//! One module per concept: [`normalize`](self) (white space, full-width
//! forms), `number`, `comparator`, `unit`, `time`, `lexicon`, `grammar` (the
//! cell as a whole), `display` (the canonical text form). nom stays private.

mod comparator;
mod display;
mod fast;
mod first_char;
mod grammar;
pub mod lexicon;
pub mod model;
mod normalize;
mod number;
pub(crate) mod serialize;
mod time;
pub(crate) mod unit;

use std::borrow::Cow;
use std::cell::RefCell;
use std::convert::Infallible;
use std::str::FromStr;

pub use model::*;

use crate::error::{Error, ErrorKind};
use grammar::{PBody, Parsed};

thread_local! {
    /// Scratch space for cells that need normalising; reused across calls.
    static SCRATCH: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Scratch buffers larger than this are released after use.
const SCRATCH_KEEP: usize = 4096;

impl<'s> Parsed<'s> {
    /// Turns grammar output into a [`Value`]. `own` keeps text that is a
    /// slice of the parsed string: borrowed when that string is the caller's
    /// cell, copied when it is the scratch buffer.
    #[inline]
    fn into_value<'a, F>(self, raw: &'a str, own: F, borrows: bool) -> Value<'a>
    where
        F: Fn(&'s str) -> Cow<'a, str> + Copy,
    {
        let body = match self.body {
            PBody::Quantity {
                cmp,
                written,
                number,
                unit,
            } => Body::Quantity(Quantity {
                cmp,
                cmp_written: written,
                number,
                unit: unit.into_unit(own, borrows),
            }),
            PBody::Range { low, high, unit } => Body::Range(Range {
                low,
                high,
                unit: unit.into_unit(own, borrows),
            }),
            PBody::Time(t) => Body::Time(t),
            PBody::Qualitative(t) => Body::Qualitative(t),
            PBody::Text => Body::Text,
            PBody::Empty => Body::Empty,
        };
        Value {
            raw: Cow::Borrowed(raw),
            body,
            qualifier: self.qualifier.map(own),
            notes: self.notes,
        }
    }
}

impl<'a> Value<'a> {
    /// Parses one 指标值 cell. Never fails: what no rule places is `text`,
    /// with a note saying why when the cell holds a number.
    ///
    /// ```
    /// use perf_core::{Comparator, Dimension, Kind, Value};
    /// let v = Value::parse("≥20.5 元/ 人月");
    /// assert_eq!(v.kind(), Kind::Quantity);
    /// assert_eq!(v.cmp(), Some(Comparator::Ge));
    /// assert_eq!(v.number().unwrap().to_string(), "20.5");
    /// let unit = v.unit().unwrap();
    /// assert_eq!((unit.as_str(), unit.dimension()), ("元/人/月", Dimension::Currency));
    /// assert_eq!(v.raw, "≥20.5 元/ 人月");
    /// ```
    pub fn parse(cell: &'a str) -> Value<'a> {
        // The commonest shape (`≥95%`, `≥ 95 %`, `82万元`, `93元/人/月`)
        // is read byte by byte into the value; see `fast`.
        match fast::quantity(cell) {
            Ok(v) => v,
            Err(miss) => Value::parse_rest(cell, miss),
        }
    }

    /// Every cell that [`fast::quantity`] does not take. (Out of line it
    /// cost more instructions per cell, not fewer: measured.)
    #[inline]
    fn parse_rest(cell: &'a str, miss: fast::Miss) -> Value<'a> {
        // Other quantities of one number and a unit (`元/人月`) are read in
        // place, white space and all; see `grammar::simple_in_place`.
        if miss == fast::Miss::Open {
            if let Some(p) = grammar::simple_in_place(cell) {
                return p.into_value(cell, Cow::Borrowed, true);
            }
        }
        // Deadlines (`≤11月`, `12月底前完成`, `每月20日前发放`); see `fast::time`.
        if let Some(v) = fast::time(cell) {
            return v;
        }
        // Words only (`促进就业`, `满意`, `社会稳 定`): a term or text.
        if let Some(p) = grammar::plain_words(cell) {
            return p.into_value(cell, Cow::Borrowed, true);
        }
        if !normalize::needs_normalization(cell) {
            return grammar::general(cell).into_value(cell, Cow::Borrowed, true);
        }
        SCRATCH.with(|scratch| match scratch.try_borrow_mut() {
            Ok(mut buf) => {
                normalize::normalize_into(cell, &mut buf);
                let v = grammar::parse(&buf).into_value(cell, |s| Cow::Owned(s.to_owned()), false);
                if buf.capacity() > SCRATCH_KEEP {
                    *buf = String::new();
                }
                v
            }
            Err(_) => {
                let mut buf = String::new();
                normalize::normalize_into(cell, &mut buf);
                grammar::parse(&buf).into_value(cell, |s| Cow::Owned(s.to_owned()), false)
            }
        })
    }

    /// Parses a cell given as bytes, which must be UTF-8 (decode other
    /// encodings first, e.g. with `perf_core::decode`).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidUtf8`], with the line and byte offset of the
    /// first invalid byte.
    pub fn parse_bytes(bytes: &'a [u8]) -> Result<Value<'a>, Error> {
        match std::str::from_utf8(bytes) {
            Ok(s) => Ok(Value::parse(s)),
            Err(e) => {
                let at = e.valid_up_to();
                let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(Error::new(
                    ErrorKind::InvalidUtf8,
                    u32::try_from(line).unwrap_or(u32::MAX),
                    at,
                ))
            }
        }
    }
}

impl FromStr for Value<'static> {
    type Err = Infallible;

    /// Same as [`Value::parse`], owning its text.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Value::parse(s).into_owned())
    }
}

#[cfg(test)]
mod fast_path_tests {
    //! Every shortcut of [`Value::parse`] (the one-pass quantity read in
    //! place, words only) gives exactly what the full rules give: the cell
    //! normalised, then [`grammar::general`] alone.

    use std::borrow::Cow;

    use super::{fast, grammar, normalize, Body, Value};

    fn by_the_rules(cell: &str) -> Value<'static> {
        let mut buf = String::new();
        normalize::normalize_into(cell, &mut buf);
        grammar::general(&buf)
            .into_value(cell, |s| Cow::Owned(s.to_owned()), false)
            .into_owned()
    }

    /// A cell the shortcut calls settled is one the one-pass reader refuses
    /// (so `Value::parse` may skip that reader).
    fn settled_is_refused(cell: &str) -> bool {
        fast::quantity(cell) != Err(fast::Miss::Settled) || grammar::simple_in_place(cell).is_none()
    }

    /// Every corpus cell: testdata/values.txt and the raw column of values.tsv.
    #[test]
    fn every_corpus_cell() {
        let txt = include_str!("../../../testdata/values.txt");
        let tsv = include_str!("../../../testdata/values.tsv");
        let cells = txt
            .lines()
            .chain(tsv.lines().skip(1).filter_map(|l| l.split('\t').next()));
        let mut n = 0;
        for cell in cells {
            let cell = cell.replace("\\n", "\n").replace("\\t", "\t");
            assert_eq!(Value::parse(&cell), by_the_rules(&cell), "{cell:?}");
            assert!(settled_is_refused(&cell), "{cell:?}");
            n += 1;
        }
        assert!(n > 700, "{n} cells");
    }

    #[test]
    fn words_only() {
        use super::{Body, Grade};
        for (cell, term) in [
            ("满意", Some(("满意", Some(Grade::Positive)))),
            (" 满 意\n", Some(("满意", Some(Grade::Positive)))),
            ("长期", Some(("长期", None))),
            ("促进就业", None),
            ("规范、高效档案", None),
            ("老有所依，病有所医", None),
        ] {
            assert!(grammar::plain_words(cell).is_some(), "{cell:?}");
            let v = Value::parse(cell);
            let got = match &v.body {
                Body::Qualitative(t) => Some((t.term, t.grade)),
                Body::Text => None,
                other => panic!("{cell:?}: {other:?}"),
            };
            assert_eq!(got, term, "{cell:?}");
            assert_eq!((v.qualifier(), v.notes.is_empty()), (None, true));
            assert_eq!(v, by_the_rules(cell), "{cell:?}");
        }
        // first chars of other rules, punctuation at an end, other chars:
        // the full rules
        for cell in [
            "不低于上年",
            "每季度末",
            "零投诉",
            "暂无",
            "在年底前",
            "年内完成",
            "满意。",
            "，满意",
            "满意度100%",
            "(满意)",
            "满意x",
            "达到一次",
            "",
        ] {
            assert_eq!(grammar::plain_words(cell), None, "{cell:?}");
        }
    }

    /// Found by `generated_cells`: white space inside a date's words is
    /// folded away before the rules read the cell; `fast::time` must skip
    /// it in the same places.
    #[test]
    fn white_space_inside_date_words() {
        for cell in [
            "12月 份",
            "12月 份 前",
            "12月之 前",
            "12月以 内",
            "2025年4月 份底",
        ] {
            assert_eq!(Value::parse(cell), by_the_rules(cell), "{cell:?}");
        }
        let v = Value::parse("12月 份");
        assert_eq!(v.qualifier, None);
        let Body::Time(t) = &v.body else {
            panic!("{v:?}")
        };
        assert_eq!(t.deadline.month, Some(12));
        let v = Value::parse("12月之 前");
        let Body::Time(t) = &v.body else {
            panic!("{v:?}")
        };
        assert_eq!(
            (t.cmp, t.cmp_written, v.qualifier),
            (super::Comparator::Le, true, None)
        );
    }

    /// Found by `generated_cells`: `plain_words` took `达到一次` for text,
    /// where the rules skip the filler `达到` and read a count.
    #[test]
    fn filler_before_a_count_in_words() {
        for (cell, n) in [("达到一次", 1), ("达到两次", 2), ("达 三次", 3)] {
            let v = Value::parse(cell);
            assert_eq!(v, by_the_rules(cell), "{cell:?}");
            let Body::Quantity(q) = &v.body else {
                panic!("{cell:?}: {v:?}")
            };
            assert_eq!(q.number, Some(rust_decimal::Decimal::from(n)), "{cell:?}");
            assert_eq!(q.unit.as_str(), "次", "{cell:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn generated_cells(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "", " ", "\n", "\u{3000}", "\u{a0}", "≥", "≤", ">", "<", "=", ">=", "约", "不低于",
                "大于", "以上", "以内", "左右", "前", "之前", "达到", "每", "按", "在", "第",
                "0", "1", "12", "95", "95.00", "1515", "2025", "1,000", ".", "-", "~", "/",
                "%", "％", "百分", "比", "元", "万", "万元", "人", "月", "人月", "·", "年", "日",
                "季度", "末", "底", "个", "kg", "k", "x", "锅", "满意", "满", "意", "长期",
                "足额", "发放", "到位", "促进", "就业", "零", "无", "暂无", "、", "，", "。",
                "(", ")", "（", "）", "一", "次", "两",
                "号", "份", "期", "内", "之内", "以前", "完成", "支付", "2025年", "12月",
                "20日", "每月", "月底", "年底", "且", "至", "大于", "全部", "9",
            ]), 0..8),
        ) {
            let cell = parts.concat();
            proptest::prop_assert_eq!(Value::parse(&cell), by_the_rules(&cell), "{:?}", cell);
            proptest::prop_assert!(settled_is_refused(&cell), "{:?}", cell);
        }

        /// The shapes of `fast::time` and of a quantity with words after it
        /// (`fast::quantity_tail`), slot by slot, each slot with spellings
        /// the shortcuts take and near misses they must leave alone.
        #[test]
        fn generated_deadlines_and_tails(
            parts in (
                proptest::sample::select(vec!["", " ", "在", "在 ", "水电费", "每"]),
                proptest::sample::select(vec!["", "≤", "≥ ", "<=", ">", "=", "约", "不超过"]),
                proptest::sample::select(vec!["", "每月", "每月 ", "每季度末", "每年", "每月底"]),
                proptest::sample::select(vec![
                    "", "2025年", "2025 年 ", "25年", "1899年", "2025年底", "2025年内",
                    "2025年第四季度", "2025.",
                ]),
                proptest::sample::select(vec![
                    "", "11月", "1月份", "12 月", "13月", "0月", "1-12月", "4月", "12月底",
                    "12月末", "月", "95%", "100 元", "20人", "3个月",
                ]),
                proptest::sample::select(vec![
                    "", "20日", "30 日", "31号", "32日", "0日", "20", "20日期", "1,000",
                ]),
                proptest::sample::select(vec![
                    "", "前", "之前", "以前", " 前", "内", "之内", "以内", "以上", "左右", "且",
                    "至", "期",
                ]),
                proptest::sample::select(vec![
                    "", "完成", " 支付", "发放到位", "满意", "满 意", "完成。", "3次", "人",
                    "万元", "\n", "(含)", "满意 ", "x",
                ]),
            ),
        ) {
            let (a, b, c, d, e, f, g, h) = parts;
            let cell = [a, b, c, d, e, f, g, h].concat();
            proptest::prop_assert_eq!(Value::parse(&cell), by_the_rules(&cell), "{:?}", cell);
            proptest::prop_assert!(settled_is_refused(&cell), "{:?}", cell);
        }
    }
}
