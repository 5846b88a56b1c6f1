//! Exact decimal numbers: `95`, `95.00`, `0.04193`, `13,000`.
//!
//! Numbers never pass through `f64`: up to 18 digits are read into an
//! exact `i64` mantissa with the written scale (`95.00` = 9500 × 10⁻²);
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

fn digits_at(b: &[u8], from: usize) -> usize {
    b[from..].iter().take_while(|c| c.is_ascii_digit()).count()
}

/// The length of `digits (, ddd)* (. digits)?` at the start of `b` (0 when
/// `b` does not start with a digit). A hand-written scanner: this runs for
/// every number of every cell.
fn number_len(b: &[u8]) -> usize {
    let mut n = digits_at(b, 0);
    if n == 0 {
        return 0;
    }
    // thousands groups: `,` and exactly three digits
    while b.get(n) == Some(&b',') && digits_at(b, n + 1) == 3 {
        n += 4;
    }
    // a fraction: `.` and at least one digit
    if b.get(n) == Some(&b'.') {
        let f = digits_at(b, n + 1);
        if f > 0 {
            n += 1 + f;
        }
    }
    n
}

/// The value of `int` `.` `frac` (ASCII digits only) when it has at most 18
/// digits: an exact `i64` mantissa and a scale, without going through text.
fn small_decimal(int: &[u8], frac: &[u8]) -> Option<Decimal> {
    if int.len() + frac.len() > 18 {
        return None;
    }
    let mut m: i64 = 0;
    for &b in int.iter().chain(frac) {
        m = m * 10 + i64::from(b - b'0');
    }
    Some(Decimal::new(m, frac.len() as u32))
}

/// Parses a number at the start of `s`; `None` when `s` does not start with
/// an ASCII digit.
pub(crate) fn number(s: &str) -> Option<(Number<'_>, &str)> {
    let len = number_len(s.as_bytes());
    if len == 0 {
        return None;
    }
    let (text, rest) = s.split_at(len);
    let int_len = text.bytes().take_while(u8::is_ascii_digit).count();
    let value = if int_len == text.len() || text.as_bytes()[int_len] == b'.' {
        // no thousands groups: `int` or `int.frac`
        let (int, frac) = text.as_bytes().split_at(int_len);
        let frac = frac.get(1..).unwrap_or_default();
        small_decimal(int, frac).or_else(|| Decimal::from_str(text).ok())
    } else {
        // Thousands separators: copy the digits to a stack buffer without them.
        let mut buf = [0u8; 64];
        let mut n = 0;
        for b in text.bytes().filter(|&b| b != b',') {
            if n == buf.len() {
                return Some((Number { text, value: None }, rest));
            }
            buf[n] = b;
            n += 1;
        }
        std::str::from_utf8(&buf[..n])
            .ok()
            .and_then(|t| Decimal::from_str(t).ok())
    };
    Some((Number { text, value }, rest))
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
