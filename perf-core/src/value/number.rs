//! Exact decimal numbers: `95`, `95.00`, `0.04193`, `13,000`.
//!
//! Numbers never pass through `f64`: the digits are handed to
//! `rust_decimal` as written (commas removed), so `95.00` keeps its value
//! exactly and serialises as `"95"`.

use std::str::FromStr;

use nom::bytes::complete::{tag, take_while1, take_while_m_n};
use nom::combinator::{not, opt, peek, recognize};
use nom::multi::many0_count;
use nom::sequence::{pair, terminated};
use nom::{IResult, Parser};
use rust_decimal::Decimal;

/// A number as written, and its value when it fits a decimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Number<'s> {
    pub text: &'s str,
    /// `None` when the number has more than 28 significant digits.
    pub value: Option<Decimal>,
}

fn digits(s: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(s)
}

/// `,` followed by exactly three digits (a thousands group).
fn group(s: &str) -> IResult<&str, &str> {
    recognize(pair(
        tag(","),
        terminated(
            take_while_m_n(3, 3, |c: char| c.is_ascii_digit()),
            not(peek(take_while_m_n(1, 1, |c: char| c.is_ascii_digit()))),
        ),
    ))
    .parse(s)
}

/// `digits (, ddd)* (. digits)?`
fn number_text(s: &str) -> IResult<&str, &str> {
    recognize((digits, many0_count(group), opt(pair(tag("."), digits)))).parse(s)
}

/// Parses a number at the start of `s`; `None` when `s` does not start with
/// an ASCII digit.
pub(crate) fn number(s: &str) -> Option<(Number<'_>, &str)> {
    let (rest, text) = number_text(s).ok()?;
    let value = if text.contains(',') {
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
    } else {
        Decimal::from_str(text).ok()
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
