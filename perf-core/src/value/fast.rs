//! A byte-level shortcut of [`Value::parse`](super::Value::parse) for the
//! commonest cell: `[comparator symbol] number [unit]`, where the unit is
//! one known atom (`%`, `人`, `元`), a scale word and atoms written as
//! normalised (`万元`, `元/人/月`, `万元/户`), or a scale word alone (`4.35 万`); ASCII white
//! space around the three parts (`≥ 95.00 %`) is read past. The `Value` is
//! built straight from the cell: no normalisation check, no intermediate
//! parse result, no allocation.
//!
//! Everything else returns `None` and takes the general path: units to
//! respell (`元/人月`), unknown or garbled units (`元/车`, `个/元`), units that can make a number a
//! date (`月`, `年`), white space inside the unit or between a digit and a
//! letter, any tail. The result is exactly what the full rules give (the
//! property tests of `value::fast_path_tests` check it on every corpus
//! cell and on generated cells).

use std::borrow::Cow;

use super::grammar::is_doubled;
use super::model::{
    Body, Comparator, Deadline, Dimension, Notes, Quantity, Recurrence, Scale, Time, Unit, Value,
};
use super::unit;
use rust_decimal::Decimal;

/// The index of the first byte at or after `i` that is not ASCII white space.
#[inline(always)]
fn skip_space(b: &[u8], mut i: usize) -> usize {
    // one compare for the usual case: a digit, a unit or a comparator byte
    while let Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) = b.get(i) {
        i += 1;
    }
    i
}

/// `digits [. digits]` at `b[i..]`, at most 18 digits and no thousands
/// separator (`number::number` for everything else): the value and the
/// index after it. The same value and scale as `number::number` gives.
#[inline(always)]
fn small_number(b: &[u8], mut i: usize) -> Option<(Decimal, usize)> {
    let start = i;
    let mut m: u64 = 0;
    while let Some(&d @ b'0'..=b'9') = b.get(i) {
        m = m.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
        i += 1;
    }
    let int_digits = i - start;
    let mut scale = 0u32;
    match (b.get(i), b.get(i + 1)) {
        // a thousands separator may follow: the general reader
        (Some(b','), _) => return None,
        (Some(b' ' | 0xC2 | 0xE2), _)
            if i - start <= 3
                && crate::value::number::space_groups(&b[start..], i - start).1 > 0 =>
        {
            return None
        }
        (Some(b'.'), Some(b'0'..=b'9')) => {
            i += 1;
            while let Some(&d @ b'0'..=b'9') = b.get(i) {
                m = m.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
                i += 1;
                scale += 1;
            }
        }
        _ => {}
    }
    if int_digits == 0 || int_digits + scale as usize > 18 {
        return None;
    }
    // m < 10^18 < 2^64 fits the 96-bit mantissa's low 64 bits
    Some((
        Decimal::from_parts(m as u32, (m >> 32) as u32, 0, false, scale),
        i,
    ))
}

/// `月` or `年`: after a number, a date (`11月`, `2025年`).
#[inline(always)]
fn is_date_atom(a: &unit::Atom) -> bool {
    matches!(
        a.written.as_bytes(),
        [0xE6, 0x9C, 0x88] | [0xE5, 0xB9, 0xB4]
    )
}

/// Why [`quantity`] did not take a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Miss {
    /// The cell is not `[comparator symbol] number [unit]` with nothing
    /// after the unit, or its unit makes it a date: the one-pass reader of
    /// `grammar::simple_in_place` would refuse it too (the same first
    /// bytes, the same unit end, the same checks), so it goes straight to
    /// the general rules.
    Settled,
    /// Something this shortcut leaves alone (a thousands separator, a
    /// long number, a unit to respell): the one-pass reader may take it.
    Open,
}

/// The cell as a quantity with a known unit, or why not (see the module docs).
#[inline]
pub(crate) fn quantity(cell: &str) -> Result<Value<'_>, Miss> {
    use Comparator::Eq;
    use Miss::{Open, Settled};
    let b = cell.as_bytes();
    let i = skip_space(b, 0);
    // `=` only before a number (`=有效提升` is a lexicon term)
    let (cmp, i) = match symbol(b, i) {
        Some((c, j)) => (Some(c), j),
        None if b.get(i).is_some_and(u8::is_ascii_digit) => (None, i),
        None => return Err(Settled),
    };
    let i = skip_space(b, i);
    let (value, j) = small_number(b, i).ok_or(Open)?;
    let k = skip_space(b, j);
    let mut qualifier = None;
    let unit = if k == b.len() {
        // a number written twice (`1515`) is noted by the full rules
        if cmp.is_none() && is_doubled(cell.get(i..j).ok_or(Open)?) {
            return Err(Settled);
        }
        Unit::NONE
    } else {
        // normalisation keeps a space between a digit and an ASCII letter
        if k != j && b[k].is_ascii_alphanumeric() {
            return Err(Settled);
        }
        let (unit, rest) = known_unit(cell.get(k..).ok_or(Open)?)?;
        // a tail after a unit read to its end: the one-pass reader ends
        // the unit at the same place and refuses the tail too; words that
        // only qualify the quantity (`100%满意`) are taken here
        let t = skip_space(rest.as_bytes(), 0);
        if t != rest.len() {
            qualifier = Some(quantity_tail(rest, t).ok_or(Settled)?);
        }
        unit
    };
    Ok(Value {
        raw: Cow::Borrowed(cell),
        body: Body::Quantity(Quantity {
            cmp: cmp.unwrap_or(Eq),
            cmp_written: cmp.is_some(),
            number: Some(value),
            unit,
        }),
        qualifier: qualifier.map(Cow::Borrowed),
        notes: Notes::empty(),
    })
}

/// The end of a run of CJK chars (UTF-8 lead bytes `E4`–`E9`, none of
/// which normalisation folds, none punctuation or a digit) that starts at
/// `b[i]` and is followed by ASCII white space only: `None` when anything
/// else (white space inside the run, punctuation, a digit) comes.
#[inline(always)]
fn cjk_run(b: &[u8], mut i: usize) -> Option<usize> {
    while let Some(0xE4..=0xE9) = b.get(i) {
        i += 3;
    }
    (i <= b.len() && skip_space(b, i) == b.len()).then_some(i)
}

/// A comparator symbol at `b[i..]` (`≥ ≤ >= <= > < =`) and the index after
/// it; the shortcuts read no comparator word.
#[inline(always)]
fn symbol(b: &[u8], i: usize) -> Option<(Comparator, usize)> {
    use Comparator::{Eq, Ge, Gt, Le, Lt};
    Some(match b.get(i..)? {
        [0xE2, 0x89, 0xA5, ..] => (Ge, i + 3), // ≥
        [0xE2, 0x89, 0xA4, ..] => (Le, i + 3), // ≤
        [b'>', b'=', ..] => (Ge, i + 2),
        [b'<', b'=', ..] => (Le, i + 2),
        [b'>', ..] => (Gt, i + 1),
        [b'<', ..] => (Lt, i + 1),
        [b'=', ..] => (Eq, i + 1),
        _ => return None,
    })
}

/// The CJK char at `b[i..]` is one of `chars` (each three UTF-8 bytes).
#[inline(always)]
fn char_in(b: &[u8], i: usize, chars: &[[u8; 3]]) -> bool {
    b.get(i..i + 3)
        .is_some_and(|c| chars.iter().any(|x| x == c))
}

/// `以 左 及` (`以上`, `左右`, `及以上`), `内 之` (`30日内`, `之内`), `且 并 不
/// 小 大` (a second bound), `至 到` (a range), `前` (a date), `每`, `期`:
/// chars after a quantity that the general rules may read as more than a
/// qualifier.
const NOT_A_QUALIFIER: [[u8; 3]; 14] = [
    [0xE4, 0xBB, 0xA5], // 以
    [0xE5, 0xB7, 0xA6], // 左
    [0xE5, 0x8F, 0x8A], // 及
    [0xE5, 0x86, 0x85], // 内
    [0xE4, 0xB9, 0x8B], // 之
    [0xE4, 0xB8, 0x94], // 且
    [0xE5, 0xB9, 0xB6], // 并
    [0xE4, 0xB8, 0x8D], // 不
    [0xE5, 0xB0, 0x8F], // 小
    [0xE5, 0xA4, 0xA7], // 大
    [0xE8, 0x87, 0xB3], // 至
    [0xE5, 0x88, 0xB0], // 到
    [0xE5, 0x89, 0x8D], // 前
    [0xE6, 0xAF, 0x8F], // 每
];

/// Words after a quantity's unit (`rest`, its first non-space byte at `t`)
/// that are its qualifier (`100%满意`, `98% 满意`): CJK chars only, no
/// white space inside, not starting with a unit (the unit would go on) or
/// with a char of [`NOT_A_QUALIFIER`]. The general rules read such a tail
/// as the qualifier, as it stands (it holds nothing normalisation changes).
#[inline(always)]
fn quantity_tail(rest: &str, t: usize) -> Option<&str> {
    let b = rest.as_bytes();
    if !matches!(b.get(t), Some(0xE4..=0xE9)) || char_in(b, t, &NOT_A_QUALIFIER) {
        return None;
    }
    let tail = &rest[t..];
    if unit::atom_at(tail).is_some() || unit::scale_at(tail).is_some() {
        return None;
    }
    let end = cjk_run(b, t)?;
    Some(&rest[t..end])
}

/// `digits` at `b[i..]` as `time::int` reads them: 1 to 4 ASCII digits not
/// followed by more digits or `.`; the value, the count and the index after.
#[inline(always)]
fn date_int(b: &[u8], mut i: usize) -> Option<(u16, usize, usize)> {
    let start = i;
    let mut n: u16 = 0;
    while let Some(&d @ b'0'..=b'9') = b.get(i) {
        if i - start == 4 {
            return None;
        }
        n = n * 10 + u16::from(d - b'0');
        i += 1;
    }
    if i == start || b.get(i) == Some(&b'.') {
        return None;
    }
    Some((n, i - start, i))
}

const ZAI: [u8; 3] = [0xE5, 0x9C, 0xA8]; // 在
const MEI_YUE: [u8; 6] = [0xE6, 0xAF, 0x8F, 0xE6, 0x9C, 0x88]; // 每月
const NIAN: [u8; 3] = [0xE5, 0xB9, 0xB4]; // 年
const YUE: [u8; 3] = [0xE6, 0x9C, 0x88]; // 月
const FEN: [u8; 3] = [0xE4, 0xBB, 0xBD]; // 份
const RI: [u8; 3] = [0xE6, 0x97, 0xA5]; // 日
const HAO: [u8; 3] = [0xE5, 0x8F, 0xB7]; // 号
const DI: [u8; 3] = [0xE5, 0xBA, 0x95]; // 底
const MO: [u8; 3] = [0xE6, 0x9C, 0xAB]; // 末
const QI: [u8; 3] = [0xE6, 0x9C, 0x9F]; // 期
const QIAN: [u8; 3] = [0xE5, 0x89, 0x8D]; // 前
const NEI: [u8; 3] = [0xE5, 0x86, 0x85]; // 内
const ZHI: [u8; 3] = [0xE4, 0xB9, 0x8B]; // 之
const YI: [u8; 3] = [0xE4, 0xBB, 0xA5]; // 以

/// `b[i..]` starts with `w`.
#[inline(always)]
fn at(b: &[u8], i: usize, w: &[u8]) -> bool {
    b.get(i..i + w.len()) == Some(w)
}

/// A deadline in one of its common shapes, read byte by byte:
///
/// ```text
/// [在] [comparator symbol] [每月] ( [YYYY年] M月[份] [底|末 | D日|D号] | D日|D号 )
///     [前|之前|以前|内|之内|以内] [CJK words]
/// ```
///
/// (`≤11月`, `>=10月份`, `12月底前完成`, `2025年12月底完成`,
/// `每月20日前发放`, `2025 年 4 月 30 日前 支付`), with ASCII white space
/// between the parts. A day alone needs `每月` or `前` (otherwise it is a
/// duration); a year needs a month after it (or `底`/`末`). The value is
/// what `time::date` and the general rules make of the normalised cell (a
/// property test checks); anything else (an invalid month or day, `年内`,
/// `日期前`, a period, words before the date, white space inside the
/// words after it) returns `None` and takes the general rules.
#[inline]
pub(crate) fn time(cell: &str) -> Option<Value<'_>> {
    use Comparator::{Eq, Le};
    let b = cell.as_bytes();
    let mut i = skip_space(b, 0);
    if at(b, i, &ZAI) {
        i = skip_space(b, i + 3);
    }
    let (cmp, j) = match symbol(b, i) {
        Some((c, j)) => (Some(c), j),
        None if matches!(b.get(i..)?, [b'0'..=b'9', ..] | [0xE6, 0xAF, 0x8F, ..]) => (None, i),
        None => return None,
    };
    i = skip_space(b, j);
    let mut deadline = Deadline::default();
    if at(b, i, &MEI_YUE) {
        deadline.recurrence = Some(Recurrence::Monthly);
        i = skip_space(b, i + 6);
    }
    let (n, digits, j) = date_int(b, i)?;
    i = skip_space(b, j);
    let mut month = None;
    let mut day = None;
    if at(b, i, &NIAN) {
        if digits != 4 || !(1900..=2199).contains(&n) || deadline.recurrence.is_some() {
            return None;
        }
        deadline.year = Some(n);
        i = skip_space(b, i + 3);
        if at(b, i, &DI) || at(b, i, &MO) {
            deadline.month = Some(12);
            deadline.end_of_month = true;
            i += 3;
        } else {
            let (m, _, j) = date_int(b, i)?;
            i = skip_space(b, j);
            if !at(b, i, &YUE) {
                return None;
            }
            month = Some(m);
        }
    } else if at(b, i, &YUE) {
        month = Some(n);
    } else if at(b, i, &RI) || at(b, i, &HAO) {
        day = Some(n);
    } else {
        return None;
    }
    if let Some(m) = month {
        // `月` (or `月份`) at `i`
        if !(1..=12).contains(&m) {
            return None;
        }
        deadline.month = Some(m as u8);
        i = skip_space(b, i + 3);
        // white space between CJK chars is folded away before the rules
        // read a cell, so `12月 份` is `12月份`
        if at(b, i, &FEN) {
            i = skip_space(b, i + 3);
        }
        if at(b, i, &DI) || at(b, i, &MO) {
            deadline.end_of_month = true;
            i += 3;
        } else if let Some((d, _, j)) = date_int(b, i) {
            i = skip_space(b, j);
            if !(at(b, i, &RI) || at(b, i, &HAO)) {
                return None;
            }
            day = Some(d);
        }
    }
    if let Some(d) = day {
        // `日` (or `号`) at `i`
        if !(1..=31).contains(&d) {
            return None;
        }
        deadline.day = Some(d as u8);
        i += 3;
    }
    i = skip_space(b, i);
    // `前`, `之前`, `以前`; `内`, `之内`, `以内`
    let two = at(b, i, &ZHI) || at(b, i, &YI);
    let k = if two { skip_space(b, i + 3) } else { i };
    let by = if at(b, k, &QIAN) || at(b, k, &NEI) {
        i = k + 3;
        true
    } else {
        false
    };
    // a day alone is a deadline with a recurrence or `前`; `日期前` is
    // read by the general rules
    if (month.is_none() && day.is_some() && deadline.recurrence.is_none() && !at(b, k, &QIAN))
        || at(b, i, &QI)
    {
        return None;
    }
    let (cmp, cmp_written) = if by {
        (Le, true)
    } else {
        (cmp.unwrap_or(Eq), cmp.is_some())
    };
    i = skip_space(b, i);
    let qualifier = if i == b.len() {
        None
    } else {
        if !matches!(b[i], 0xE4..=0xE9) {
            return None;
        }
        let end = cjk_run(b, i)?;
        Some(Cow::Borrowed(&cell[i..end]))
    };
    Some(Value {
        raw: Cow::Borrowed(cell),
        body: Body::Time(Time {
            cmp,
            cmp_written,
            deadline,
        }),
        qualifier,
        notes: Notes::empty(),
    })
}

/// A unit at the start of `s` with nothing to rewrite, and the rest of `s`:
/// an atom (its canonical spelling), or a scale word, an atom and
/// per-atoms (`万元`, `元/人/月`) all written in their canonical spelling
/// (the unit is then borrowed from `s`), or a scale word alone.
/// [`Miss::Settled`] for a date atom (`11月`), [`Miss::Open`] for anything
/// else it leaves alone.
#[inline(always)]
fn known_unit(s: &str) -> Result<(Unit<'_>, &str), Miss> {
    use Miss::{Open, Settled};
    // as in `unit::unit`: an atom first (`千克`), then a scale word
    let (scale_word, scale, a) = match unit::atom_at(s) {
        Some((_, a)) => ("", Scale::One, a),
        None => {
            let (w, scale) = unit::scale_at(s).ok_or(Open)?;
            match unit::atom_at(&s[w.len()..]) {
                Some((_, a)) => (w, scale, a),
                // a bare scale word (`4.35 万`): a count
                None => {
                    return Ok((
                        Unit::new(Cow::Borrowed(w), scale, w.len(), Dimension::Count),
                        &s[w.len()..],
                    ))
                }
            }
        }
    };
    if is_date_atom(a) {
        return Err(Settled);
    }
    let mut end = scale_word.len() + a.written.len();
    if !s[end..].starts_with('/') {
        return Ok(if scale_word.is_empty() {
            // one atom: its canonical spelling (`百分比` → `%`)
            (
                Unit::new(Cow::Borrowed(a.canonical), Scale::One, 0, a.dimension),
                &s[end..],
            )
        } else if a.as_written {
            split_as_written(s, end, scale, scale_word.len(), a.dimension)
        } else {
            return Err(Open);
        });
    }
    // per-atoms: `/人/月`, each as written, each followed by `/` or the
    // end of the unit (`人月`, `人·月` are respelled: the general path)
    if !a.as_written {
        return Err(Open);
    }
    let mut n = 0;
    while let Some(r) = s[end..].strip_prefix('/') {
        let (_, d) = unit::atom_at(r).ok_or(Open)?;
        let after = &r[d.written.len()..];
        // money per count is garbled; too many parts is not a unit
        let garbled = d.dimension == Dimension::Currency && a.dimension != Dimension::Currency;
        if !d.as_written || garbled || n == 3 || after.starts_with('·') {
            return Err(Open);
        }
        if !after.starts_with('/') && unit::atom_at(after).is_some() {
            return Err(Open);
        }
        n += 1;
        end = s.len() - after.len();
    }
    Ok(split_as_written(
        s,
        end,
        scale,
        scale_word.len(),
        a.dimension,
    ))
}

/// The unit as written in `s[..end]` (its scale word `scale_len` bytes
/// long) and the rest of the cell.
#[inline(always)]
fn split_as_written(
    s: &str,
    end: usize,
    scale: Scale,
    scale_len: usize,
    dimension: Dimension,
) -> (Unit<'_>, &str) {
    let unit = Unit::new(Cow::Borrowed(&s[..end]), scale, scale_len, dimension);
    (unit, &s[end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(cell: &str) -> Option<(Comparator, bool, Decimal, String, Scale, Dimension)> {
        let v = quantity(cell).ok()?;
        let Body::Quantity(q) = v.body else {
            return None;
        };
        Some((
            q.cmp,
            q.cmp_written,
            q.number?,
            q.unit.as_str().to_string(),
            q.unit.scale(),
            q.unit.dimension(),
        ))
    }

    #[test]
    fn common_cells() {
        use Comparator::{Eq, Ge, Le};
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(
            fields("≥95%"),
            Some((
                Ge,
                true,
                d("95"),
                "%".into(),
                Scale::One,
                Dimension::Percent
            ))
        );
        assert_eq!(
            fields(" ≥ 95.00 %\n"),
            Some((
                Ge,
                true,
                d("95.00"),
                "%".into(),
                Scale::One,
                Dimension::Percent
            ))
        );
        assert_eq!(
            fields("100"),
            Some((Eq, false, d("100"), "".into(), Scale::One, Dimension::Count))
        );
        assert_eq!(
            fields("<=82万元"),
            Some((
                Le,
                true,
                d("82"),
                "万元".into(),
                Scale::Wan,
                Dimension::Currency
            ))
        );
        assert_eq!(
            fields("4.35 万"),
            Some((
                Eq,
                false,
                d("4.35"),
                "万".into(),
                Scale::Wan,
                Dimension::Count
            ))
        );
        assert_eq!(
            fields("≤36 元"),
            Some((
                Le,
                true,
                d("36"),
                "元".into(),
                Scale::One,
                Dimension::Currency
            ))
        );
        assert_eq!(
            fields("3千克"),
            Some((
                Eq,
                false,
                d("3"),
                "公斤".into(),
                Scale::One,
                Dimension::Mass
            ))
        );
        assert_eq!(
            fields("= 93.00 元/人/月"),
            Some((
                Eq,
                true,
                d("93.00"),
                "元/人/月".into(),
                Scale::One,
                Dimension::Currency
            ))
        );
        assert_eq!(
            fields("0.13万元/户"),
            Some((
                Eq,
                false,
                d("0.13"),
                "万元/户".into(),
                Scale::Wan,
                Dimension::Currency
            ))
        );
        assert_eq!(
            fields("95百分比"),
            Some((
                Eq,
                false,
                d("95"),
                "%".into(),
                Scale::One,
                Dimension::Percent
            ))
        );
        let v = quantity("<=82万元").unwrap_or_else(|m| panic!("{m:?}"));
        assert_eq!(v.unit().map(|u| u.base()), Some("元"));
        assert_eq!((v.qualifier(), v.notes.is_empty()), (None, true));
    }

    #[test]
    fn words_after_a_quantity_are_its_qualifier() {
        for (cell, q) in [
            ("95%满意", "满意"),
            ("≥ 98% 满意 \n", "满意"),
            ("100%完成", "完成"),
            ("20日完成", "完成"),
        ] {
            let v = quantity(cell).unwrap_or_else(|m| panic!("{cell:?}: {m:?}"));
            assert_eq!(v.qualifier(), Some(q), "{cell:?}");
        }
        // a unit, a comparator word, a bound, a date, white space inside:
        // the general rules
        for cell in [
            "95%以上",
            "95%左右",
            "3人至5人",
            "20日前发放",
            "95%且",
            "100万元 元",
            "95%满 意",
        ] {
            assert_eq!(quantity(cell), Err(Miss::Settled), "{cell:?}");
        }
    }

    /// (cmp, cmp_written, year, month, day, end of month, recurrence, qualifier)
    type Due = (
        Comparator,
        bool,
        Option<u16>,
        Option<u8>,
        Option<u8>,
        bool,
        Option<Recurrence>,
        Option<String>,
    );

    fn due(cell: &str) -> Option<Due> {
        let v = time(cell)?;
        let Body::Time(t) = v.body else {
            return None;
        };
        let d = t.deadline;
        Some((
            t.cmp,
            t.cmp_written,
            d.year,
            d.month,
            d.day,
            d.end_of_month,
            d.recurrence,
            v.qualifier.map(|q| q.into_owned()),
        ))
    }

    #[test]
    fn deadlines() {
        use Comparator::{Eq, Ge, Le};
        use Recurrence::Monthly;
        let q = |s: &str| Some(s.to_string());
        for (cell, want) in [
            ("≤11月", (Le, true, None, Some(11), None, false, None, None)),
            (
                ">=10月份",
                (Ge, true, None, Some(10), None, false, None, None),
            ),
            ("=12月", (Eq, true, None, Some(12), None, false, None, None)),
            (
                "12月底前完成",
                (Le, true, None, Some(12), None, true, None, q("完成")),
            ),
            (
                "2025年12月底完成",
                (Eq, false, Some(2025), Some(12), None, true, None, q("完成")),
            ),
            (
                "2025年底前完成",
                (Le, true, Some(2025), Some(12), None, true, None, q("完成")),
            ),
            (
                "每月20日前发放",
                (
                    Le,
                    true,
                    None,
                    None,
                    Some(20),
                    false,
                    Some(Monthly),
                    q("发放"),
                ),
            ),
            (
                "=每月30日之前",
                (Le, true, None, None, Some(30), false, Some(Monthly), None),
            ),
            (
                "2025 年 4 月 30 日前 支付",
                (
                    Le,
                    true,
                    Some(2025),
                    Some(4),
                    Some(30),
                    false,
                    None,
                    q("支付"),
                ),
            ),
            (
                "在4月20日前发放完成",
                (
                    Le,
                    true,
                    None,
                    Some(4),
                    Some(20),
                    false,
                    None,
                    q("发放完成"),
                ),
            ),
            (
                "20日前",
                (Le, true, None, None, Some(20), false, None, None),
            ),
            (
                "12月内",
                (Le, true, None, Some(12), None, false, None, None),
            ),
        ] {
            assert_eq!(due(cell), Some(want), "{cell:?}");
        }
        for cell in [
            "13月",
            "32日前",
            "20日",
            "20日内",
            "2025年",
            "2025年内",
            "25年12月",
            "每月2025年1月",
            "2021年1-12月",
            "12月31前",
            "12月20日期前",
            "每季度末21日",
            "水电费每月30日前",
            "12月底前 完 成",
            "12月底前完成。",
            "1 2月",
            "95%",
            "",
        ] {
            assert_eq!(due(cell), None, "{cell:?}");
        }
    }

    /// The same value, scale and end as the general number reader.
    #[test]
    fn small_numbers_are_read_as_the_general_reader_reads_them() {
        for t in [
            "0",
            "7",
            "95",
            "95.00",
            "0.04193",
            "123456789012345678",
            "3.",
            "12.5%",
        ] {
            let (n, rest) = crate::value::number::number(t).unwrap();
            let (v, end) = small_number(t.as_bytes(), 0).unwrap();
            assert_eq!((Some(v), &t[end..]), (n.value, rest), "{t}");
            assert_eq!(v.scale(), n.value.unwrap().scale(), "{t}");
        }
        for t in [
            "1,000",
            "1234567890123456789",
            "12345678901234567.89",
            "",
            "x",
        ] {
            assert_eq!(small_number(t.as_bytes(), 0), None, "{t}");
        }
    }

    #[test]
    fn everything_else_takes_the_general_path() {
        for cell in [
            "≤11月",
            "2025年",
            "100元/人月",
            "100元/人·月",
            "100元/车",
            "100个/元",
            "100元/",
            "95%以上",
            "95%满 意",
            "95%满意。",
            "1515",
            "10 kg",
            "100 万 元",
            "=有效提升",
            "=>95%",
            "约95%",
            "95％",
            "3~5人",
            "",
            "满意",
        ] {
            assert!(quantity(cell).is_err(), "{cell:?}");
        }
    }
}
