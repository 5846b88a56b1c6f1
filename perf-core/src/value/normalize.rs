//! Cell normalisation (SPEC §2): white space and line breaks inside a cell are
//! not significant, full-width forms and comparator variants are folded.
//!
//! Most cells need none of this; [`needs_normalization`] answers that with one
//! pass over the chars, so the grammar can run on the input itself and borrow
//! from it. The others are normalised into a reused buffer.

/// The char a cell char folds to, or `None` when it is white space (dropped).
#[inline]
fn fold(c: char) -> Option<char> {
    match c {
        // Full-width ASCII forms: `０-９ ． ％ ＞ ＜ ＝ ／ ～ －` and letters.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '≦' => Some('≤'),
        '≧' => Some('≥'),
        '〜' => Some('~'),
        // Unicode White_Space, spelled out (cheaper than `char::is_whitespace`)
        '\t'..='\r'
        | ' '
        | '\u{85}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => None,
        c => Some(c),
    }
}

/// True when [`normalize_into`] would change `s`.
///
/// A byte scan: only ASCII white space and the UTF-8 lead bytes of the
/// chars that fold (`C2` NBSP/NEL, `E1` U+1680, `E2` U+2000–U+205F and
/// `≦≧`, `E3` U+3000 and `〜`, `EF` full-width forms) need a closer look;
/// CJK text (lead bytes `E4`–`E9`) passes at one compare per byte.
#[inline]
pub(crate) fn needs_normalization(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C => return true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF => {
                // decode the char here and ask `fold`
                let c = s[i..].chars().next().unwrap_or('\0');
                if fold(c) != Some(c) {
                    return true;
                }
                i += c.len_utf8();
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// Writes the normalised form of `s` into `out` (cleared first): white space
/// is removed, except that one space is kept between two ASCII digits or
/// letters so that `1 2` does not become the number `12`.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    let mut pending_space = false;
    for c in s.chars() {
        match fold(c) {
            None => pending_space = !out.is_empty(),
            Some(f) => {
                if pending_space
                    && f.is_ascii_alphanumeric()
                    && out
                        .chars()
                        .next_back()
                        .is_some_and(|p| p.is_ascii_alphanumeric())
                {
                    out.push(' ');
                }
                pending_space = false;
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        let mut out = String::new();
        normalize_into(s, &mut out);
        out
    }

    #[test]
    fn white_space_and_line_breaks_are_dropped() {
        assert_eq!(norm("100 元/人/\n年"), "100元/人/年");
        assert_eq!(norm(" ≥ 95.00 % "), "≥95.00%");
        assert_eq!(norm("\u{3000}长期\r\n"), "长期");
    }

    #[test]
    fn full_width_forms_fold() {
        assert_eq!(norm("＞＝９５．５％"), ">=95.5%");
        assert_eq!(norm("≦9万元"), "≤9万元");
        assert_eq!(norm("≧1"), "≥1");
        assert_eq!(norm("３～５人"), "3~5人");
    }

    #[test]
    fn white_space_is_unicode_white_space() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if !('\u{FF01}'..='\u{FF5E}').contains(&c) && !matches!(c, '≦' | '≧' | '〜') {
                assert_eq!(fold(c).is_none(), c.is_whitespace(), "{:?}", c);
            }
        }
    }

    #[test]
    fn a_space_between_digits_is_kept() {
        assert_eq!(norm("1 2"), "1 2");
        assert_eq!(norm("12 万"), "12万");
    }

    #[test]
    fn needs_normalization_agrees_with_normalize_into() {
        for s in [
            "≥95%",
            "长期",
            "≥ 95",
            "＞1",
            "≦9",
            "a\nb",
            "",
            "元/人/月",
            "a\u{a0}b",
            "x\u{2003}",
            "〜",
            "\u{3000}",
            "≤≥",
            "—",
            "㎡",
            "\u{85}",
            "\u{1680}",
            "\u{205f}",
        ] {
            assert_eq!(needs_normalization(s), norm(s) != s, "{s:?}");
        }
    }

    proptest::proptest! {
        /// A cell the byte scan lets through is left as it is, and
        /// normalising twice changes nothing more.
        #[test]
        fn the_fast_check_is_exact(s in proptest::prelude::any::<String>()) {
            let once = norm(&s);
            if !needs_normalization(&s) {
                proptest::prop_assert_eq!(&once, &s);
            }
            proptest::prop_assert_eq!(norm(&once), once);
        }
    }
}
