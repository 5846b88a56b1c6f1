//! Exact decimal numbers: `95`, `95.00`, `0.04193`, `13,000`.
//!
//! Numbers never pass through `f64`: up to 18 digits are read into an
//! exact integer mantissa with the written scale (`95.00` = 9500 × 10⁻²);
//! longer ones are handed to `rust_decimal` as text (commas removed). Either
//! way the value is exact and serialises as `"95"`.

use std::str::FromStr;

use rust_decimal::Decimal;

/// A number as written, and its value when it fits a decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Number<'s> {
    pub text: &'s str,
    /// `None` when the number has more than 28 significant digits.
    pub value: Option<Decimal>,
}

/// The position of the first ASCII digit in `b`.
///
/// Eight bytes at a time (SWAR): wordy cells are mostly 3-byte CJK chars
/// and are scanned whole for a digit, once to choose between the wordy and
/// the numeric rules and once to check the tail for a second number. A byte
/// is a digit when it has no high bit and its low seven bits `x` satisfy
/// `x + 0x50 ≥ 0x80` (x ≥ 0x30) and `x + 0x46 < 0x80` (x ≤ 0x39); the sums
/// stay below 0x100, so no carry crosses into the next byte. A property
/// test checks it against the byte-by-byte rule.
pub(crate) fn first_digit(b: &[u8]) -> Option<usize> {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ADD_30: u64 = 0x5050_5050_5050_5050;
    const ADD_3A: u64 = 0x4646_4646_4646_4646;
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let lo = w & LOW7;
        let digits = (lo + ADD_30) & !(lo + ADD_3A) & !w & HIGH;
        if digits != 0 {
            return Some(at + digits.trailing_zeros() as usize / 8);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(u8::is_ascii_digit)
        .map(|i| at + i)
}

/// Exactly three ASCII digits at `b[at..]`, not followed by a fourth: a
/// thousands group after a `,`.
#[inline]
fn group_at(b: &[u8], at: usize) -> bool {
    matches!(b.get(at..at + 3), Some([x, y, z]) if x.is_ascii_digit() && y.is_ascii_digit() && z.is_ascii_digit())
        && !b.get(at + 3).is_some_and(u8::is_ascii_digit)
}

/// The length of a thousands separator written as a space at `b[at..]`:
/// an ASCII space, a no-break space (U+00A0), a thin space (U+2009) or a
/// narrow no-break space (U+202F); 0 for anything else.
#[inline]
fn space_len(b: &[u8], at: usize) -> usize {
    match b.get(at..) {
        Some([b' ', ..]) => 1,
        Some([0xC2, 0xA0, ..]) => 2,
        Some([0xE2, 0x80, 0x89 | 0xAF, ..]) => 3,
        _ => 0,
    }
}

/// Thousands groups separated by spaces after the lead digits `b[..lead]`
/// (`b` starts at the number: `1 000 000`, `12 500`, as some PDF and Word
/// exports write them): the
/// end of the last group and how many groups there are, `(lead, 0)` for
/// none. Every group is one space and exactly three digits not followed by
/// a fourth. Not groups: a single group that repeats the lead
/// (`100 100`, a cell written twice, left to the garbled-cell rule), and
/// groups followed by a `,` (`1 000,500`): mixed separators are not a
/// number this rule can vouch for. A fraction may follow (`1 000.5`).
pub(crate) fn space_groups(b: &[u8], lead: usize) -> (usize, usize) {
    let mut at = lead;
    let mut n = 0;
    loop {
        let sp = space_len(b, at);
        if sp == 0 || !group_at(b, at + sp) {
            break;
        }
        at += sp + 3;
        n += 1;
    }
    if n == 0 || matches!(b.get(at), Some(b',')) {
        return (lead, 0);
    }
    if n == 1 && lead == 3 && b[..3] == b[at - 3..at] {
        return (lead, 0);
    }
    (at, n)
}

/// Parses a number at the start of `s`; `None` when `s` does not start with
/// an ASCII digit.
///
/// One pass over `digits (, ddd)* (. digits)?`: the digits are accumulated
/// into a `u64` mantissa as they are scanned, and the scale is the count of
/// fraction digits, so a number of up to 18 digits (every corpus number) is
/// a `Decimal` without a second look at the text. Longer ones (the mantissa
/// wraps, but is then not used) go through `rust_decimal`'s parser.
/// Inlined: returning the result through memory cost a third of the call.
#[inline]
pub(crate) fn number(s: &str) -> Option<(Number<'_>, &str)> {
    let b = s.as_bytes();
    let mut m: u64 = 0;
    let mut digits: usize = 0;
    let mut i = 0;
    let mut push = |d: u8, m: &mut u64| {
        *m = m.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
        digits += 1;
    };
    while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
        push(d, &mut m);
        i += 1;
    }
    if i == 0 {
        return None;
    }
    // thousands groups: `,` and exactly three digits
    let mut grouped = false;
    while b.get(i) == Some(&b',') && group_at(b, i + 1) {
        for &d in &b[i + 1..i + 4] {
            push(d, &mut m);
        }
        grouped = true;
        i += 4;
    }
    // or a space and exactly three digits, after a lead of one to three
    // digits (`1 000 000`, `12 500`); see [`space_groups`]
    if !grouped && i <= 3 {
        let (end, n) = space_groups(b, i);
        if n > 0 {
            let mut at = i;
            while at < end {
                at += space_len(b, at);
                for &d in &b[at..at + 3] {
                    push(d, &mut m);
                }
                at += 3;
            }
            grouped = true;
            i = end;
        }
    }
    // a fraction: `.` and at least one digit
    let mut scale = 0u32;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        i += 1;
        while let Some(&d) = b.get(i).filter(|d| d.is_ascii_digit()) {
            push(d, &mut m);
            scale += 1;
            i += 1;
        }
    }
    let (text, rest) = s.split_at(i);
    let value = if digits <= 18 {
        // fits: m < 10¹⁸ < 2⁶⁴ is the 96-bit mantissa's low 64 bits, and the
        // scale (≤ 18) is within rust_decimal's 28
        Some(Decimal::from_parts(
            m as u32,
            (m >> 32) as u32,
            0,
            false,
            scale,
        ))
    } else if !grouped {
        Decimal::from_str(text).ok()
    } else {
        long_grouped(text)
    };
    Some((Number { text, value }, rest))
}

/// A number of more than 18 digits with thousands separators: the digits
/// and the point are copied to a stack buffer without the separators for
/// `rust_decimal`.
#[cold]
fn long_grouped(text: &str) -> Option<Decimal> {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for b in text.bytes().filter(|&b| b.is_ascii_digit() || b == b'.') {
        *buf.get_mut(n)? = b;
        n += 1;
    }
    std::str::from_utf8(&buf[..n])
        .ok()
        .and_then(|t| Decimal::from_str(t).ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn integers_and_fractions() {
        let (n, rest) = number("95.00%").unwrap();
        assert_eq!((n.text, n.value, rest), ("95.00", Some(dec("95")), "%"));
        assert_eq!(n.value.unwrap().normalize().to_string(), "95");
        let (n, rest) = number("0.04193").unwrap();
        assert_eq!((n.value, rest), (Some(dec("0.04193")), ""));
    }

    #[test]
    fn a_dot_without_digits_is_not_part_of_the_number() {
        let (n, rest) = number("3.元").unwrap();
        assert_eq!((n.text, rest), ("3", ".元"));
    }

    #[test]
    fn thousands_groups() {
        let (n, rest) = number("13,000.5人").unwrap();
        assert_eq!((n.value, rest), (Some(dec("13000.5")), "人"));
        // `1,00` is not a thousands group: the number stops at the comma.
        let (n, rest) = number("1,00").unwrap();
        assert_eq!((n.value, rest), (Some(dec("1")), ",00"));
    }

    #[test]
    fn thousands_groups_with_spaces() {
        let (n, rest) = number("1 000 000元").unwrap();
        assert_eq!(
            (n.text, n.value, rest),
            ("1 000 000", Some(dec("1000000")), "元")
        );
        let (n, rest) = number("12 500.50 人").unwrap();
        assert_eq!((n.value, rest), (Some(dec("12500.50")), " 人"));
        // no-break, thin and narrow no-break spaces
        for s in ["3\u{a0}200", "3\u{2009}200", "3\u{202f}200"] {
            let (n, rest) = number(s).unwrap();
            assert_eq!((n.text, n.value, rest), (s, Some(dec("3200")), ""), "{s:?}");
        }
        // not groups: a lead of four digits, a group of two or four digits,
        // two spaces, a cell written twice, mixed separators
        for (s, text, rest) in [
            ("2024 123", "2024", " 123"),
            ("1 00元", "1", " 00元"),
            ("1 0000", "1", " 0000"),
            ("1  000", "1", "  000"),
            ("100 100", "100", " 100"),
            ("1 000,500", "1", " 000,500"),
            ("5 月", "5", " 月"),
        ] {
            let (n, r) = number(s).unwrap();
            assert_eq!((n.text, r), (text, rest), "{s}");
        }
        // a single group that differs from the lead, or two equal groups
        let (n, _) = number("100 200").unwrap();
        assert_eq!(n.value, Some(dec("100200")));
        let (n, _) = number("100 100 100").unwrap();
        assert_eq!(n.value, Some(dec("100100100")));
        // more than 18 digits: the text path drops the spaces too
        let (n, _) = number("123 456 789 012 345 678 901.5").unwrap();
        assert_eq!(n.value, Some(dec("123456789012345678901.5")));
    }

    #[test]
    fn the_small_path_and_the_text_path_agree() {
        for t in [
            "0",
            "7",
            "95.00",
            "0.04193",
            "123456789012345678",
            "12345678901234567.8",
        ] {
            let (n, _) = number(t).unwrap();
            assert_eq!(n.value, Some(dec(t)), "{t}");
            assert_eq!(n.value.unwrap().scale(), dec(t).scale(), "{t}");
        }
        // 19 digits and more take the text path
        let (n, _) = number("1234567890123456789.5").unwrap();
        assert_eq!(n.value, Some(dec("1234567890123456789.5")));
    }

    proptest::proptest! {
        /// The one-pass mantissa equals `rust_decimal`'s reading of the
        /// number's text without its commas, scale included.
        #[test]
        fn the_one_pass_value_is_the_text_value(
            s in "[0-9]{1,22}(,[0-9]{2,4}){0,3}(\\.[0-9]{0,10})?[元%,.]?",
        ) {
            let (n, rest) = number(&s).unwrap();
            proptest::prop_assert_eq!(format!("{}{rest}", n.text), s.clone());
            let digits = n.text.bytes().filter(u8::is_ascii_digit).count();
            let expected = Decimal::from_str(&n.text.replace(',', "")).ok();
            proptest::prop_assert_eq!(n.value, expected);
            if let (Some(v), Some(e)) = (n.value, expected) {
                proptest::prop_assert_eq!(v.scale(), e.scale());
            }
            proptest::prop_assert!(digits > 28 || n.value.is_some());
            // the number stops where the grammar says
            proptest::prop_assert!(!rest.starts_with(|c: char| c.is_ascii_digit()));
        }
    }

    proptest::proptest! {
        #[test]
        fn first_digit_is_the_first_ascii_digit(s in proptest::prelude::any::<Vec<u8>>()) {
            proptest::prop_assert_eq!(first_digit(&s), s.iter().position(u8::is_ascii_digit));
        }

        #[test]
        fn first_digit_in_text(s in "[a-z元人/:9０-９%]{0,40}[0-9]?[元人%]{0,12}") {
            let b = s.as_bytes();
            proptest::prop_assert_eq!(first_digit(b), b.iter().position(u8::is_ascii_digit));
        }
    }

    #[test]
    fn first_digit_at_every_place() {
        for len in 0..20 {
            for d in 0..len {
                let mut s = vec![0xE4u8; len];
                s[d] = b'0' + (d % 10) as u8;
                if d + 1 < len {
                    s[d + 1] = b'/';
                }
                assert_eq!(first_digit(&s), Some(d), "{len} {d}");
            }
            let edge: Vec<u8> = (0..len).map(|i| [b'/', b':', 0xB0, 0xB9][i % 4]).collect();
            assert_eq!(first_digit(&edge), None);
        }
    }

    #[test]
    fn overflow_keeps_the_text() {
        let s = "123456789012345678901234567890123";
        let (n, rest) = number(s).unwrap();
        assert_eq!((n.text, n.value, rest), (s, None, ""));
    }

    #[test]
    fn no_digit_no_number() {
        assert_eq!(number("元"), None);
        assert_eq!(number(""), None);
    }
}
