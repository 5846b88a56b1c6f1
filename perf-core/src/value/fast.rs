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
use super::model::{Body, Comparator, Dimension, Notes, Quantity, Scale, Unit, Value};
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
    use Comparator::{Eq, Ge, Gt, Le, Lt};
    use Miss::{Open, Settled};
    let b = cell.as_bytes();
    let i = skip_space(b, 0);
    let (cmp, i) = match b.get(i..).ok_or(Settled)? {
        [0xE2, 0x89, 0xA5, ..] => (Some(Ge), i + 3), // ≥
        [0xE2, 0x89, 0xA4, ..] => (Some(Le), i + 3), // ≤
        [b'>', b'=', ..] => (Some(Ge), i + 2),
        [b'<', b'=', ..] => (Some(Le), i + 2),
        [b'>', ..] => (Some(Gt), i + 1),
        [b'<', ..] => (Some(Lt), i + 1),
        // `=` only before a number (`=有效提升` is a lexicon term)
        [b'=', ..] => (Some(Eq), i + 1),
        [b'0'..=b'9', ..] => (None, i),
        _ => return Err(Settled),
    };
    let i = skip_space(b, i);
    let (value, j) = small_number(b, i).ok_or(Open)?;
    let k = skip_space(b, j);
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
        // the unit at the same place and refuses the tail too
        if skip_space(rest.as_bytes(), 0) != rest.len() {
            return Err(Settled);
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
        qualifier: None,
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
            "95%满意",
            "95%以上",
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
