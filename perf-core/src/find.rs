//! Substring tests for the short needles the reading rules look for
//! (`一级指标`, `表`, `。`) in short haystacks (cells, lines).
//!
//! `str::contains` sets up a two-way searcher whenever its SIMD path does not
//! apply, which is the case for most cells (shorter than 16 bytes plus the
//! needle); that set-up costs more than scanning the cell. [`Has::has`]
//! finds the needle's last byte in short haystacks with `memchr` and compares
//! the bytes before it, and leaves long ones to `str::contains`.
//! The answer is always exactly `str::contains`'s.

/// Haystacks at least this long go to `str::contains` (its SIMD path).
const SHORT: usize = 64;

pub(crate) trait Has {
    /// Exactly `self.contains(needle)`.
    fn has<N: Needle>(&self, needle: N) -> bool;
}

/// A string or char needle.
pub(crate) trait Needle {
    fn find_in(self, hay: &str) -> bool;
}

impl Needle for &str {
    fn find_in(self, hay: &str) -> bool {
        if hay.len() >= SHORT {
            return hay.contains(self);
        }
        short_contains(hay.as_bytes(), self.as_bytes())
    }
}

impl Needle for char {
    fn find_in(self, hay: &str) -> bool {
        let mut buf = [0u8; 4];
        let n = self.encode_utf8(&mut buf);
        Needle::find_in(&*n, hay)
    }
}

impl Has for str {
    #[inline]
    fn has<N: Needle>(&self, needle: N) -> bool {
        needle.find_in(self)
    }
}

/// Exactly `hay.find(needle)`, without the two-way searcher `str::find`
/// sets up on every call for short haystacks.
pub(crate) fn find_str(hay: &str, needle: &str) -> Option<usize> {
    if hay.len() >= SHORT {
        return hay.find(needle);
    }
    short_find(hay.as_bytes(), needle.as_bytes())
}

fn short_contains(h: &[u8], n: &[u8]) -> bool {
    short_find(h, n).is_some()
}

/// Where `n` first starts in `h`: matches are found by their last byte, in
/// order, so the first found is the leftmost.
fn short_find(h: &[u8], n: &[u8]) -> Option<usize> {
    // look for the needle's last byte (for CJK a continuation byte, rarer
    // than a lead byte), then compare what stands before it
    let Some((&last, head)) = n.split_last() else {
        return Some(0);
    };
    let k = head.len();
    let mut from = 0;
    while let Some(p) = find_byte(&h[from..], last) {
        let p = from + p;
        // the byte before the last and the first byte decide most places
        // without a call to `memcmp`
        if p >= k && same(&h[p - k..p], head) {
            return Some(p - k);
        }
        from = p + 1;
    }
    None
}

/// `a == b` for slices of the same length, the last and first bytes
/// compared first (places that end like a needle but are not one most often
/// differ there).
#[inline(always)]
fn same(a: &[u8], b: &[u8]) -> bool {
    match (a.split_last(), b.split_last()) {
        (Some((x, a)), Some((y, b))) => x == y && a.first() == b.first() && a == b,
        (None, None) => true,
        _ => false,
    }
}

/// The position of the first `b` in `h`, eight bytes at a time (no set-up:
/// for the short slices of cells and lines this beats a SIMD search). The
/// last bytes are read as the last eight of `h` (the ones read before hold
/// no `b`, so the lowest match is the first).
pub(crate) fn find_byte(h: &[u8], b: u8) -> Option<usize> {
    let n = h.len();
    if n < 8 {
        return h.iter().position(|&y| y == b);
    }
    let pat = ONES * u64::from(b);
    let mut base = 0;
    while base + 8 <= n {
        if let Some(p) = match_in(word(h, base), pat) {
            return Some(base + p);
        }
        base += 8;
    }
    if base < n {
        return match_in(word(h, n - 8), pat).map(|p| n - 8 + p);
    }
    None
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The eight bytes of `h` from `at`, little-endian.
#[inline(always)]
fn word(h: &[u8], at: usize) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&h[at..at + 8]);
    u64::from_le_bytes(w)
}

/// The index of the first byte of `w` equal to the byte repeated in `pat`.
#[inline(always)]
fn match_in(w: u64, pat: u64) -> Option<usize> {
    let x = w ^ pat;
    // a zero byte of `x` is a match; the lowest flag is always a real one
    let z = x.wrapping_sub(ONES) & !x & HIGH;
    (z != 0).then(|| (z.trailing_zeros() / 8) as usize)
}

/// Exactly `s.trim().is_empty()`, deciding most cells by their first byte:
/// printable ASCII and the lead bytes of CJK ideographs are never white space.
pub(crate) fn blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(&b) if (0x21..0x7F).contains(&b) || (0xE4..=0xE9).contains(&b) => false,
        _ => s.trim().is_empty(),
    }
}

/// Exactly `s.trim()`, deciding most ends by one byte: printable ASCII
/// and the lead bytes of CJK ideographs never start white space, and a
/// last byte no white-space char ends with (every one is ASCII or ends
/// with 80–8A, 85, 9F, A0, A8, A9 or AF) never ends it.
pub(crate) fn trim(s: &str) -> &str {
    let b = s.as_bytes();
    let start_clean = match b.first() {
        None => return s,
        Some(&c) => (0x21..0x7F).contains(&c) || (0xE4..=0xE9).contains(&c),
    };
    let end_clean = matches!(
        b[b.len() - 1],
        0x21..=0x7E | 0x8B..=0x9E | 0xA1..=0xA7 | 0xAA..=0xAE | 0xB0..=0xBF
    );
    match (start_clean, end_clean) {
        (true, true) => s,
        (true, false) => s.trim_end(),
        (false, true) => s.trim_start(),
        (false, false) => s.trim(),
    }
}

/// Per byte: the length of the char it starts, 0x80 added for the
/// bytes a white-space char may start with.
const STEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let len = match c {
            0..=0xBF => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        let maybe = matches!(c, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3);
        t[i] = len | if maybe { 0x80 } else { 0 };
        i += 1;
    }
    t
};

/// Exactly `s.split_whitespace()`, reading the first byte of each char
/// (as [`has_white_space`] does) instead of decoding it.
pub(crate) fn words(s: &str) -> Words<'_> {
    Words { s, at: 0 }
}

/// The iterator of [`words`].
#[derive(Clone)]
pub(crate) struct Words<'a> {
    s: &'a str,
    /// Where the search for the next word starts.
    at: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        let mut i = self.at;
        // white space before the word
        loop {
            let Some(&c) = b.get(i) else {
                self.at = i;
                return None;
            };
            let step = STEP[usize::from(c)];
            if step & 0x80 != 0 && white_space_at(b, i) {
                i += usize::from(step & 7);
            } else {
                break;
            }
        }
        let start = i;
        while let Some(&c) = b.get(i) {
            let step = STEP[usize::from(c)];
            if step & 0x80 != 0 && white_space_at(b, i) {
                break;
            }
            i += usize::from(step & 7);
        }
        self.at = i;
        self.s.get(start..i)
    }
}

/// Exactly `s.chars().any(char::is_whitespace)`, reading only the first
/// byte of each char (and the bytes after it where the char may be white
/// space): every white-space char is ASCII or starts with one of the UTF-8
/// lead bytes C2 (U+0085, U+00A0), E1 (U+1680), E2 (U+2000–U+205F) or E3
/// (U+3000). CJK ideographs (E4–E9) are stepped over whole.
pub(crate) fn has_white_space(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let step = STEP[usize::from(c)];
        if step & 0x80 != 0 && white_space_at(b, i) {
            return true;
        }
        i += usize::from(step & 7);
    }
    false
}

/// True when a white-space char starts at byte `i` of `b` (UTF-8).
fn white_space_at(b: &[u8], i: usize) -> bool {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    match b[i] {
        b'\t'..=b'\r' | b' ' => true,
        0xC2 => matches!(at(i + 1), 0x85 | 0xA0),
        0xE1 => at(i + 1) == 0x9A && at(i + 2) == 0x80,
        0xE2 => match at(i + 1) {
            0x80 => matches!(at(i + 2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(i + 2) == 0x9F,
            _ => false,
        },
        0xE3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_str_agrees_with_find() {
        let hays = [
            "",
            "单位",
            "金额单位：元",
            "单位单位",
            "a单位b",
            "单 位",
            "位单",
            "xx",
        ];
        for h in hays {
            for n in ["", "单位", "位", "x", "单位：", "a"] {
                assert_eq!(find_str(h, n), h.find(n), "{h:?} {n:?}");
            }
        }
        let long = "很长的一行".repeat(20) + "单位：万元";
        assert_eq!(find_str(&long, "单位"), long.find("单位"));
    }

    #[test]
    fn find_byte_agrees_with_position() {
        let h: Vec<u8> = (0u8..40).chain([0, 1, 0x80, 0xFF, 7, 7]).collect();
        for start in 0..h.len() {
            for b in [0u8, 1, 7, 8, 9, 39, 0x80, 0xFF, 0x7F] {
                let s = &h[start..];
                assert_eq!(
                    find_byte(s, b),
                    s.iter().position(|&y| y == b),
                    "{start} {b}"
                );
            }
        }
    }

    #[test]
    fn white_space_by_bytes_agrees_with_chars() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("社{c}会");
            assert_eq!(has_white_space(&s), c.is_whitespace(), "U+{:04X}", c as u32);
        }
        // across and at the ends of the sixteen-byte blocks
        for pad in 0..40 {
            for ws in ["", " ", "\u{3000}", "\u{a0}", "\u{2029}", "\n"] {
                let s = format!("{}{ws}{}", "社".repeat(pad / 3), "a".repeat(pad % 3));
                assert_eq!(
                    has_white_space(&s),
                    s.chars().any(char::is_whitespace),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn words_agree_with_split_whitespace() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = format!("社{c}会 {c}a{c}{c}");
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(words(&s).collect::<Vec<_>>(), want, "U+{:04X}", c as u32);
        }
        let parts = [
            "a", "社", " ", "\t", "\u{3000}", "\u{a0}", "\u{2029}", "é", "\u{1680}", "\u{85}",
        ];
        let mut next = crate::seeded(3);
        for _ in 0..5000 {
            let s: String = (0..next(24)).map(|_| parts[next(parts.len())]).collect();
            let want: Vec<&str> = s.split_whitespace().collect();
            assert_eq!(words(&s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn trim_agrees_with_std() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            for s in [
                format!("{c}"),
                format!("社{c}"),
                format!("{c}社"),
                format!("a{c}a"),
                format!("{c}{c}"),
            ] {
                assert_eq!(trim(&s), s.trim(), "U+{:04X}", c as u32);
            }
        }
        assert_eq!(trim(""), "");
    }

    #[test]
    fn blank_agrees_with_trim() {
        for s in [
            "",
            " ",
            "\t",
            "\u{3000}",
            "\u{3000}x",
            " 产",
            "产",
            "a",
            "\u{feff}",
            "\u{a0}",
            "、",
            "（",
            "\u{85}",
        ] {
            assert_eq!(blank(s), s.trim().is_empty(), "{s:?}");
        }
    }

    #[test]
    fn agrees_with_std() {
        let hays = [
            "",
            "a",
            "一级指标",
            "产出指标\t一级指标 二级",
            "社会效益指 标",
            "单位：万元",
            "1. 2025 年劳务派遣人员经费绩效目标表",
            "很长的一行文字很长的一行文字很长的一行文字很长的一行文字很长的一行文字很长的一级指标",
            "ab",
            "xxab",
        ];
        let needles = [
            "",
            "a",
            "b",
            "ab",
            "一级指标",
            "级",
            "表",
            "。",
            "指标",
            "标 ",
            "单位",
            "：",
            "xxab",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(h.has(n), h.contains(n), "{h:?} {n:?}");
                if let Some(c) = n.chars().next() {
                    assert_eq!(h.has(c), h.contains(c), "{h:?} {c:?}");
                }
            }
        }
    }

    #[test]
    fn agrees_with_std_on_generated_text() {
        // near misses: chars sharing lead or last bytes (级 E7 BA A7,
        // 纳 E7 BA B3, 标 E6 A0 87, 表 E8 A1 A8, 指 E6 8C 87)
        let parts = ["a", "b", "级", "纳", "指", "标", "表", " ", "指标", "ab"];
        let mut next = crate::seeded(7);
        for _ in 0..4000 {
            let h: String = (0..next(40)).map(|_| parts[next(parts.len())]).collect();
            let n: String = (0..next(4)).map(|_| parts[next(parts.len())]).collect();
            assert_eq!(h.has(&*n), h.contains(&*n), "{h:?} {n:?}");
        }
    }
}
