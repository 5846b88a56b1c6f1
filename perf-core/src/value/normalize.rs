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
/// A scan one char at a time without decoding: the lead byte's row in
/// [`STEP`] says how long the char is, or that it needs a closer look. Only
/// ASCII white space and the lead bytes of the chars that fold (`C2`
/// NBSP/NEL, `E1` U+1680, `E2` U+2000–U+205F and `≦≧`, `E3` U+3000 and `〜`,
/// `EF` full-width forms) do; a CJK char (lead bytes `E4`–`E9`) costs one
/// table load and one add for its three bytes.
#[inline]
pub(crate) fn needs_normalization(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match STEP[b[i] as usize] {
            WHITE => return true,
            n if n & SUSPECT != 0 => {
                if folds_at(&b[i..]) {
                    return true;
                }
                i += usize::from(n & !SUSPECT);
            }
            n => i += usize::from(n),
        }
    }
    false
}

/// [`STEP`] row of ASCII white space.
const WHITE: u8 = 0;
/// [`STEP`] flag of the lead bytes of chars that may fold (`C2 E1 E2 E3 EF`).
const SUSPECT: u8 = 0x80;

/// Per byte that starts a char: its UTF-8 length, with [`SUSPECT`] set when
/// the char may fold, or [`WHITE`]. Continuation bytes (never at a char
/// start in a `&str`) step by one.
static STEP: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut b = 0xC0;
    while b < 0x100 {
        t[b] = if b < 0xE0 {
            2
        } else if b < 0xF0 {
            3
        } else {
            4
        };
        b += 1;
    }
    t[b' ' as usize] = WHITE;
    t[b'\t' as usize] = WHITE;
    t[b'\n' as usize] = WHITE;
    t[b'\r' as usize] = WHITE;
    t[0x0B] = WHITE;
    t[0x0C] = WHITE;
    t[0xC2] = SUSPECT | 2;
    t[0xE1] = SUSPECT | 3;
    t[0xE2] = SUSPECT | 3;
    t[0xE3] = SUSPECT | 3;
    t[0xEF] = SUSPECT | 3;
    t
};

/// Whether the UTF-8 char at the start of `b` (which starts with one of the
/// lead bytes above) folds: the byte patterns of the chars [`fold`] changes,
/// checked without decoding. A unit test compares it with `fold` for every
/// char.
#[inline]
fn folds_at(b: &[u8]) -> bool {
    matches!(
        b,
        // U+0085, U+00A0
        [0xC2, 0x85 | 0xA0, ..]
        // U+1680
        | [0xE1, 0x9A, 0x80, ..]
        // U+2000–U+200A, U+2028, U+2029, U+202F
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        // U+205F
        | [0xE2, 0x81, 0x9F, ..]
        // ≦ ≧
        | [0xE2, 0x89, 0xA6 | 0xA7, ..]
        // U+3000, 〜
        | [0xE3, 0x80, 0x80 | 0x9C, ..]
        // U+FF01–U+FF3F, U+FF40–U+FF5E
        | [0xEF, 0xBC, 0x81..=0xBF, ..]
        | [0xEF, 0xBD, 0x80..=0x9E, ..]
    )
}

/// Writes the normalised form of `s` into `out` (cleared first): white space
/// is removed, except that one space is kept between two ASCII digits or
/// letters so that `1 2` does not become the number `12`.
pub(crate) fn normalize_into(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    let b = s.as_bytes();
    let mut pending_space = false;
    // runs of chars that stay as they are are copied whole; only ASCII white
    // space and the lead bytes of folding chars are looked at, the other
    // chars are stepped over by their length (as in `needs_normalization`)
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        let (c, len) = match STEP[b[i] as usize] {
            WHITE => (char::from(b[i]), 1),
            n if n & SUSPECT != 0 => {
                let c = s[i..].chars().next().unwrap_or('\0');
                (c, c.len_utf8())
            }
            n => {
                if pending_space {
                    // the run starts here, after the dropped white space
                    push_space_if_needed(out, b[i]);
                    pending_space = false;
                    run = i;
                }
                i += usize::from(n);
                continue;
            }
        };
        let f = fold(c);
        if f == Some(c) && !pending_space {
            i += len;
            continue;
        }
        out.push_str(&s[run..i]);
        run = i + len;
        match f {
            None => pending_space = !out.is_empty(),
            Some(f) => {
                if pending_space {
                    push_space_if_needed(out, u8::try_from(f).unwrap_or(0x80));
                    pending_space = false;
                }
                out.push(f);
            }
        }
        i += len;
    }
    out.push_str(&s[run..]);
}

/// One space between two ASCII digits or letters, so `1 2` stays two numbers.
#[inline]
fn push_space_if_needed(out: &mut String, next: u8) {
    if next.is_ascii_alphanumeric() && out.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric)
    {
        out.push(' ');
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
    fn the_byte_patterns_are_exactly_the_folding_chars() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            let lead = matches!(b[0], 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
            if lead {
                assert_eq!(folds_at(b), fold(c) != Some(c), "{c:?}");
            } else if !c.is_ascii() {
                assert_eq!(
                    fold(c),
                    Some(c),
                    "{c:?} folds but its lead byte is not checked"
                );
            }
        }
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

    /// The rule, one char at a time: what `normalize_into` must equal.
    fn reference(s: &str) -> String {
        let mut out = String::new();
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
        out
    }

    fn interesting() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            " ", "\n", "\u{3000}", "\u{a0}", "1", "a", "元", "≥", "≦", "＞", "９", "．", "〜", "—",
            "\u{2003}", "x y", "长期",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scanner_follows_the_rule(s in interesting()) {
            proptest::prop_assert_eq!(norm(&s), reference(&s));
        }

        #[test]
        fn the_byte_scanner_follows_the_rule_on_any_string(s in proptest::prelude::any::<String>()) {
            proptest::prop_assert_eq!(norm(&s), reference(&s));
        }

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
