//! Small text rules shared by the readers and the assembler: how a cell's
//! white space is cleaned, how wrapped fragments are joined, how labels are
//! compared, and how numbers in budget and plan cells are read.

use rust_decimal::Decimal;
use std::borrow::Cow;
use std::str::FromStr;

/// True for Han characters and CJK / full-width punctuation: characters
/// between which a line break or a space carries no meaning.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3400..=0x4DBF // extension A
        | 0x4E00..=0x9FFF // unified ideographs
        | 0xF900..=0xFAFF
        | 0xFF01..=0xFF0F // full-width ！＂＃…／
        | 0xFF1A..=0xFF20 // ：；＜＝＞？＠
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0x2018..=0x201F // quotes
        | 0x2026 | 0x2014 | 0x00B7
        | 0x20000..=0x2FFFF)
}

/// Cleans one cell: trims it, folds every run of white space (line breaks
/// included) to one space, and drops the space where both neighbours are
/// CJK (`养老金发放 准确率` → `养老金发放准确率`; `2025 年` is kept).
pub(crate) fn clean(s: &str) -> Cow<'_, str> {
    clean_with(s, true)
}

/// [`clean`], keeping a space between CJK characters when `join_cjk` is
/// false (text from Word, where a space inside a cell was typed).
/// Borrows `s` when cleaning changes nothing (no white space but single
/// spaces that stay, no BOM).
///
/// One scan of the UTF-8 bytes, char by char: only the first byte of a char
/// is looked at, and only white-space runs are examined; the result is
/// allocated at the first run that changes.
pub(crate) fn clean_with(s: &str, join_cjk: bool) -> Cow<'_, str> {
    let b = s.as_bytes();
    let mut out: Option<String> = None;
    // s[..copied] is in `out` already
    let mut copied = 0;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let step = STEP[usize::from(c)];
        if step & SPECIAL == 0 {
            i += usize::from(step & LEN);
            continue;
        }
        let w = space_len(b, i);
        if w == 0 {
            i += usize::from(step & LEN);
            continue;
        }
        // the run of white space s[i..j]
        let mut j = i + w;
        while j < b.len() {
            let w = space_len(b, j);
            if w == 0 {
                break;
            }
            j += w;
        }
        let drop = i == 0
            || j == b.len()
            || join_cjk && {
                let prev = s[..i].chars().next_back().unwrap_or(' ');
                let next = s[j..].chars().next().unwrap_or(' ');
                is_cjk(prev) && is_cjk(next)
            };
        if drop || &b[i..j] != b" " {
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(&s[copied..i]);
            if !drop {
                o.push(' ');
            }
            copied = j;
        }
        i = j;
    }
    match out {
        None => Cow::Borrowed(s),
        Some(mut o) => {
            o.push_str(&s[copied..]);
            Cow::Owned(o)
        }
    }
}

/// Bit of [`STEP`]: the byte is ASCII white space or one of the lead bytes
/// C2, E1, E2, E3, EF (every white-space char, the BOM and `（）：％`
/// start with one).
const SPECIAL: u8 = 0x80;
/// Bits of [`STEP`]: the length of the char the byte starts.
const LEN: u8 = 7;

/// Per byte: [`SPECIAL`] and [`LEN`]. Only the first byte of each char is
/// read: no continuation byte is special.
const STEP: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        let len = if c < 0xC0 {
            1
        } else if c < 0xE0 {
            2
        } else if c < 0xF0 {
            3
        } else {
            4
        };
        let special = matches!(c, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        t[i] = len | if special { SPECIAL } else { 0 };
        i += 1;
    }
    t
};

/// The length in bytes of the white-space char (or BOM) starting at byte
/// `i`, 0 when none starts there. Exactly `char::is_whitespace` or U+FEFF:
/// every such char is ASCII or starts with C2, E1, E2, E3 or EF.
fn space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        b'\t'..=b'\r' | b' ' => 1,
        0xC2 if matches!(at(1), 0x85 | 0xA0) => 2,
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        0xE2 if match at(1) {
            0x80 => matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            0x81 => at(2) == 0x9F,
            _ => false,
        } =>
        {
            3
        }
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        0xEF if at(1) == 0xBB && at(2) == 0xBF => 3,
        _ => 0,
    }
}

/// What a label makes of the char starting at byte `i` (a [`SPECIAL`]
/// byte): `Some(None)` for white space (dropped), `Some(Some(a))` for
/// `（）：％` (the ASCII `a`), `None` when the char is kept as it is.
fn label_fold(b: &[u8], i: usize) -> Option<Option<u8>> {
    if b[i] == 0xEF {
        return match (b.get(i + 1), b.get(i + 2)) {
            (Some(0xBC), Some(0x88)) => Some(Some(b'(')),
            (Some(0xBC), Some(0x89)) => Some(Some(b')')),
            (Some(0xBC), Some(0x9A)) => Some(Some(b':')),
            (Some(0xBC), Some(0x85)) => Some(Some(b'%')),
            _ => None, // the BOM is not white space
        };
    }
    (space_len(b, i) > 0).then_some(None)
}

/// Joins a wrapped fragment onto the text before it: with nothing between
/// them, unless both sides are ASCII letters or digits (then one space).
pub(crate) fn join_wrapped(acc: &mut String, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if let (Some(a), Some(b)) = (acc.chars().next_back(), next.chars().next()) {
        if a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric() {
            acc.push(' ');
        }
    }
    acc.push_str(next);
}

/// The form of a label used for comparison: no white space at all,
/// full-width parentheses and colons folded to ASCII.
/// Borrows `s` when nothing needs folding (one scan of its bytes; the
/// label is allocated at the first char that changes).
pub(crate) fn label(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let step = STEP[usize::from(c)];
        if step & SPECIAL != 0 && label_fold(b, i).is_some() {
            let mut o = String::with_capacity(s.len());
            push_label_from(&mut o, s, i);
            return Cow::Owned(o);
        }
        i += usize::from(step & LEN);
    }
    Cow::Borrowed(s)
}

/// Appends `label(s)` to `out` (no label built on its own).
pub(crate) fn push_label(out: &mut String, s: &str) {
    push_label_from(out, s, 0);
}

/// Appends `label(s)` to `out`, given that no char before byte `from`
/// changes in the label.
fn push_label_from(out: &mut String, s: &str, from: usize) {
    let b = s.as_bytes();
    let mut copied = 0;
    let mut i = from;
    while let Some(&c) = b.get(i) {
        let step = STEP[usize::from(c)];
        let len = usize::from(step & LEN);
        if step & SPECIAL == 0 {
            i += len;
            continue;
        }
        let Some(folded) = label_fold(b, i) else {
            i += len;
            continue;
        };
        out.push_str(&s[copied..i]);
        if let Some(a) = folded {
            out.push(char::from(a));
        }
        i += len;
        copied = i;
    }
    out.push_str(&s[copied..]);
}

/// Where `label(s)` stops matching `prefix`: the byte of `s` after the
/// chars that give `prefix`, `None` when the label does not start with it.
/// White space is always dropped here (U+1680 included).
fn label_prefix_end(s: &str, prefix: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut p = prefix.as_bytes();
    let mut i = 0;
    while !p.is_empty() {
        let c = *b.get(i)?;
        let step = STEP[usize::from(c)];
        let len = usize::from(step & LEN);
        if step & SPECIAL != 0 {
            if let Some(folded) = label_fold(b, i) {
                if let Some(a) = folded {
                    if p[0] != a {
                        return None;
                    }
                    p = &p[1..];
                }
                i += len;
                continue;
            }
        }
        let ch = b.get(i..i + len)?;
        p = p.strip_prefix(ch)?;
        i += len;
    }
    Some(i)
}

/// Exactly `label(s).ends_with(suffix)`, reading only as many chars from
/// the end of `s` as the suffix has (no label built).
pub(crate) fn label_ends(s: &str, suffix: &str) -> bool {
    let b = s.as_bytes();
    // written out as is: the chars of `suffix` are their own label (a
    // suffix is a label), and its first byte starts a char of `s`
    if b.ends_with(suffix.as_bytes()) && !has_special(suffix) {
        return true;
    }
    let mut p = suffix.as_bytes();
    let mut end = b.len();
    while !p.is_empty() {
        if end == 0 {
            return false;
        }
        // the char ending at `end`: back over its continuation bytes
        let mut start = end - 1;
        while start > 0 && b[start] & 0xC0 == 0x80 {
            start -= 1;
        }
        let c = b[start];
        if STEP[usize::from(c)] & SPECIAL != 0 {
            if let Some(folded) = label_fold(b, start) {
                if let Some(a) = folded {
                    match p.split_last() {
                        Some((&last, rest)) if last == a => p = rest,
                        _ => return false,
                    }
                }
                end = start;
                continue;
            }
        }
        // the char's bytes against the end of the suffix, last first
        for &x in b[start..end].iter().rev() {
            match p.split_last() {
                Some((&last, rest)) if last == x => p = rest,
                _ => return false,
            }
        }
        end = start;
    }
    true
}

/// True when `s` holds a byte that starts white space or a char `label`
/// folds (then `label(s)` may differ from `s`).
fn has_special(s: &str) -> bool {
    s.bytes().any(|c| STEP[usize::from(c)] & SPECIAL != 0)
}

/// Exactly `label(s).starts_with(prefix)`, reading only as many chars of
/// `s` as the prefix has (no label built).
pub(crate) fn label_starts(s: &str, prefix: &str) -> bool {
    label_prefix_end(s, prefix).is_some()
}

/// Exactly `s.contains(c)`, for the one-char tests run on every cell: the
/// char's last byte is found eight bytes at a time ([`find_byte`], whatever
/// the length of `s`) and the bytes before it compared (a lead byte is
/// never a continuation byte, so a match starts a char).
///
/// [`find_byte`]: crate::find::find_byte
#[inline]
pub(crate) fn has_char(s: &str, c: char) -> bool {
    let mut buf = [0u8; 4];
    let n = c.encode_utf8(&mut buf).len();
    let b = s.as_bytes();
    let mut from = n - 1;
    while let Some(p) = b
        .get(from..)
        .and_then(|t| crate::find::find_byte(t, buf[n - 1]))
    {
        let end = from + p + 1;
        if (1..n).all(|k| b[end + k - 1 - n] == buf[k - 1]) {
            return true;
        }
        from = end;
    }
    false
}

/// Exactly `label(s).contains(needle)` (no label built), for a needle
/// whose first char `label` keeps as it is (not white space, not a
/// full-width char it folds): each place `s` holds that char is tried with
/// [`label_starts`]. `label` maps each char on its own, so the label of
/// `s` from that char on is the label's tail from the same char.
pub(crate) fn label_has(s: &str, needle: &str) -> bool {
    let Some(first) = needle.chars().next() else {
        return true;
    };
    let n = first.len_utf8();
    let lead = &needle.as_bytes()[..n];
    debug_assert!(
        !matches!(first, '(' | ')' | ':' | '%') && label(&needle[..n]) == needle[..n],
        "{needle:?}"
    );
    let b = s.as_bytes();
    // the first char's last byte (for CJK a continuation byte, rarer than a
    // lead byte); the bytes before it must be the rest of the char, whose
    // lead byte is never a continuation byte: a char boundary
    let mut from = n - 1;
    while let Some(p) = b
        .get(from..)
        .and_then(|t| crate::find::find_byte(t, lead[n - 1]))
    {
        let end = from + p + 1;
        if b[end - n..end] == *lead && label_prefix_end(&s[end - n..], needle).is_some() {
            return true;
        }
        from = end;
    }
    false
}

/// Exactly `label(s) == l` (no label built).
pub(crate) fn label_is(s: &str, l: &str) -> bool {
    label_prefix_end(s, l).is_some_and(|i| s[i..].chars().all(char::is_whitespace))
}

/// Folds full-width digits and the full-width point to ASCII.
fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0')).unwrap_or(c),
        '．' => '.',
        _ => c,
    }
}

/// The digits and points of a number cell, folded to ASCII: on the stack
/// while they fit (every cell of a real table), else in a `String`.
struct Digits {
    buf: [u8; 40],
    len: usize,
    spill: Option<String>,
}

impl Digits {
    fn new() -> Self {
        Digits {
            buf: [0; 40],
            len: 0,
            spill: None,
        }
    }

    /// `b` is an ASCII digit or `.`.
    fn push(&mut self, b: u8) {
        if let Some(s) = &mut self.spill {
            s.push(char::from(b));
        } else if self.len < self.buf.len() {
            self.buf[self.len] = b;
            self.len += 1;
        } else {
            let mut s = String::with_capacity(2 * self.buf.len());
            s.extend(self.buf.iter().map(|&b| char::from(b)));
            s.push(char::from(b));
            self.spill = Some(s);
        }
    }

    fn as_str(&self) -> &str {
        match &self.spill {
            Some(s) => s,
            // only ASCII digits and points are pushed
            None => std::str::from_utf8(&self.buf[..self.len]).unwrap_or(""),
        }
    }

    /// The number, if the digits make one: starting with a digit, only
    /// digits and points (as `Decimal::from_str` reads them), normalized.
    fn number(&self) -> Option<Decimal> {
        let n = self.as_str();
        if !n.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return None;
        }
        Decimal::from_str(n).ok().map(|d| d.normalize())
    }
}

/// One char of a number cell: an ASCII digit or point (full-width ones
/// folded), or the char itself.
enum NumChar {
    Digit(u8),
    Other(char),
}

fn num_char(c: char) -> NumChar {
    match fold_digit(c) {
        d @ ('0'..='9' | '.') => NumChar::Digit(d as u8),
        c => NumChar::Other(c),
    }
}

/// Reads an amount cell: `126.15`, `90万元`, `1,056.00`, `20.982 万元`.
/// Returns the number and the amount unit written after it, if any.
///
/// White space and commas are dropped anywhere; what is left must be
/// digits and points, starting with a digit, then at most one of 万元,
/// 亿元, 千元, 元. Read in one pass, without allocating.
pub(crate) fn amount(s: &str) -> Option<(Decimal, Option<&'static str>)> {
    let mut digits = Digits::new();
    // the chars after the number, as many as the longest unit has
    let mut unit = ['\0'; 2];
    let mut unit_len = 0;
    for c in s.chars() {
        if c.is_whitespace() || c == ',' || c == '，' {
            continue;
        }
        match num_char(c) {
            NumChar::Digit(d) if unit_len == 0 => digits.push(d),
            NumChar::Digit(_) => return None,
            NumChar::Other(c) => {
                if unit_len == unit.len() {
                    return None;
                }
                unit[unit_len] = c;
                unit_len += 1;
            }
        }
    }
    let unit = match unit[..unit_len] {
        [] => None,
        ['元'] => Some("元"),
        ['万', '元'] => Some("万元"),
        ['亿', '元'] => Some("亿元"),
        ['千', '元'] => Some("千元"),
        _ => return None,
    };
    digits.number().map(|d| (d, unit))
}

/// Reads a percent cell of a spending plan: `25%`, `25 %`, `0`, `100`.
///
/// White space is dropped anywhere; what is left must be digits and
/// points, starting with a digit, then at most one `%` or `％`. Read in one
/// pass, without allocating.
pub(crate) fn percent(s: &str) -> Option<Decimal> {
    let mut digits = Digits::new();
    let mut sign = false;
    for c in s.chars() {
        if c.is_whitespace() {
            continue;
        }
        match num_char(c) {
            NumChar::Digit(d) if !sign => digits.push(d),
            NumChar::Other('%' | '％') if !sign => sign = true,
            _ => return None,
        }
    }
    digits.number()
}

/// Every month mark in a cell (`3 月底`, `12月末`, `6月`), in order, with
/// the byte offset where each ends.
pub(crate) fn months(s: &str) -> Vec<(u8, usize)> {
    let mut out = Vec::new();
    each_month(s, |m, end| out.push((m, end)));
    out
}

/// [`months`], each mark given to `f` (month, end) instead of collected.
pub(crate) fn each_month(s: &str, mut f: impl FnMut(u8, usize)) {
    // every mark holds 月: one byte search rules out most cells
    if !has_char(s, '月') {
        return;
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()) {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &s[start..i];
            let mut j = i;
            while j < b.len() && b[j] == b' ' {
                j += 1;
            }
            if s[j..].starts_with('月') && !s[j..].starts_with("月份") {
                let after = j + '月'.len_utf8();
                let rest = &s[after..];
                let end = if rest.starts_with('底') || rest.starts_with('末') {
                    after + 3
                } else {
                    after
                };
                if let Ok(m) = digits.parse::<u8>() {
                    if (1..=12).contains(&m) && (rest.starts_with('底') || rest.starts_with('末'))
                    {
                        f(m, end);
                        i = end;
                        continue;
                    }
                }
            }
            continue;
        }
        i += 1;
    }
}

/// True for a cell that is only a small integer (a row number, a page number, a weight).
pub(crate) fn is_small_int(s: &str) -> bool {
    let t = crate::find::trim(s);
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// True for a line that is only a page number: `12`, `- 12 -`, `第 12 页`, `第12页 共30页`.
pub(crate) fn is_page_number(s: &str) -> bool {
    if s.len() > 40 {
        return false;
    }
    let first = crate::find::trim(s).chars().next();
    if !first.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '第')) {
        return false;
    }
    // the line without white space, in a buffer on the stack (at most 40 bytes)
    let mut buf = [0u8; 40];
    let mut n = 0;
    for c in s.chars().filter(|c| !c.is_whitespace()) {
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    let Ok(t) = std::str::from_utf8(&buf[..n]) else {
        return false;
    };
    if t.is_empty() {
        return false;
    }
    let core = t.trim_matches(|c| c == '-' || c == '—' || c == '–');
    if is_small_int(core) {
        return true;
    }
    if let Some(rest) = core.strip_prefix('第') {
        let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        if !digits.is_empty() {
            let tail = &rest[digits.len()..];
            return tail == "页"
                || (tail.starts_with("页共")
                    && tail.ends_with('页')
                    && tail["页共".len()..tail.len() - '页'.len_utf8()]
                        .bytes()
                        .all(|b| b.is_ascii_digit()));
        }
    }
    false
}

/// Strips the `[bookmark: …]` markers some Word-to-text tools leave.
pub(crate) fn strip_markers(s: &str) -> &str {
    let mut t = s;
    loop {
        // most lines: no `[` after the leading spaces, nothing to strip
        let b = t.as_bytes();
        let k = b.iter().position(|&c| c != b' ').unwrap_or(b.len());
        if b.get(k) != Some(&b'[') {
            return t;
        }
        let trimmed = &t[k..];
        if let Some(rest) = trimmed.strip_prefix("[bookmark:") {
            if let Some(end) = rest.find(']') {
                t = &rest[end + 1..];
                continue;
            }
        }
        return t;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_space_between_han_only() {
        assert_eq!(clean(" 养老金发放 准确率 "), "养老金发放准确率");
        assert_eq!(
            clean("2025 年 8 月 30 日之 前拨付"),
            "2025 年 8 月 30 日之前拨付"
        );
        assert_eq!(clean("社会效益指 标"), "社会效益指标");
        assert_eq!(clean("≥20.5 元/ 人月"), "≥20.5 元/ 人月");
        assert_eq!(clean("a\n\tb"), "a b");
    }

    /// The cell fold of [`clean_with`], char by char: the reference the
    /// byte scans are tested against.
    fn clean_by_chars(s: &str, join_cjk: bool) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{feff}' {
                if !out.is_empty() {
                    pending_space = true;
                }
                continue;
            }
            if pending_space {
                let prev = out.chars().next_back().unwrap_or(' ');
                if !(join_cjk && is_cjk(prev) && is_cjk(c)) {
                    out.push(' ');
                }
                pending_space = false;
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn clean_agrees_with_the_char_by_char_fold() {
        let mut samples: Vec<String> = [
            " 养老金发放 准确率 ",
            "a\u{feff}b",
            "\u{feff}\u{3000}x \u{a0} y\u{2028}",
            "社会\u{1680}效益\u{85}指\u{202f}标\u{205f}",
            "2025 年 8 月",
            "  ",
            "",
            "≥20.5 元/ 人月",
            "、 。",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for c in (0..=0x3100u32).filter_map(char::from_u32) {
            samples.push(format!("产{c}出 a{c}b"));
        }
        for s in &samples {
            for join in [true, false] {
                assert_eq!(clean_with(s, join), clean_by_chars(s, join), "{s:?}");
            }
        }
    }

    #[test]
    fn join_wrapped_fragments() {
        let mut s = String::from("100 元/人/");
        join_wrapped(&mut s, "年");
        assert_eq!(s, "100 元/人/年");
        let mut s = String::from("IP");
        join_wrapped(&mut s, "2");
        assert_eq!(s, "IP 2");
    }

    #[test]
    fn amounts_and_percents() {
        assert_eq!(amount("126.15"), Some((Decimal::new(12615, 2), None)));
        assert_eq!(amount("90万元"), Some((Decimal::from(90), Some("万元"))));
        assert_eq!(
            amount(" 20.982 万元"),
            Some((Decimal::new(20982, 3), Some("万元")))
        );
        assert_eq!(amount("1400000.00"), Some((Decimal::from(1_400_000), None)));
        assert_eq!(amount("其他资金"), None);
        assert_eq!(amount(".5"), None);
        assert_eq!(percent("25%"), Some(Decimal::from(25)));
        assert_eq!(percent("100"), Some(Decimal::from(100)));
        assert_eq!(percent("%"), None);
        assert_eq!(percent(" ２５ ％"), Some(Decimal::from(25)));
        assert_eq!(
            amount("，1,056.00 元"),
            Some((Decimal::from(1056), Some("元")))
        );
        assert_eq!(amount("元"), None);
    }

    #[test]
    fn numbers_agree_with_the_string_reading() {
        // amount and percent as first written: a folded copy, then suffixes
        fn amount_ref(s: &str) -> Option<(Decimal, Option<&'static str>)> {
            let first = s
                .chars()
                .find(|c| !c.is_whitespace() && *c != ',' && *c != '，');
            if !first.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                return None;
            }
            let t: String = s
                .chars()
                .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
                .map(fold_digit)
                .collect();
            let (num, unit) = if let Some(n) = t.strip_suffix("万元") {
                (n, Some("万元"))
            } else if let Some(n) = t.strip_suffix("亿元") {
                (n, Some("亿元"))
            } else if let Some(n) = t.strip_suffix("千元") {
                (n, Some("千元"))
            } else if let Some(n) = t.strip_suffix('元') {
                (n, Some("元"))
            } else {
                (t.as_str(), None)
            };
            if num.is_empty() || !num.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return None;
            }
            if !num.as_bytes()[0].is_ascii_digit() {
                return None;
            }
            Decimal::from_str(num).ok().map(|d| (d.normalize(), unit))
        }
        fn percent_ref(s: &str) -> Option<Decimal> {
            let first = s.chars().find(|c| !c.is_whitespace());
            if !first.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
                return None;
            }
            let t: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(fold_digit)
                .collect();
            let n = t
                .strip_suffix('%')
                .or_else(|| t.strip_suffix('％'))
                .unwrap_or(&t);
            if n.is_empty()
                || !n.as_bytes()[0].is_ascii_digit()
                || !n.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            {
                return None;
            }
            Decimal::from_str(n).ok().map(|d| d.normalize())
        }
        let pieces = [
            "1", "１", "0", "9", ".", "．", ",", "，", " ", "\u{3000}", "%", "％", "元", "万元",
            "万", "亿元", "千元", "a", "百",
        ];
        let mut samples: Vec<String> = vec![
            "1".repeat(30),
            "1".repeat(41),
            format!("{}.{}", "9".repeat(30), "1".repeat(30)),
            format!("{} 万元", "2".repeat(45)),
            format!("{}%", "3".repeat(50)),
            "12.50".into(),
            "0.125 万元".into(),
            "1.".into(),
            "1..2".into(),
            "1.2.3".into(),
            "007.0700%".into(),
            format!("{}.5", "9".repeat(17)),
            format!("{}.5", "9".repeat(18)),
            "9".repeat(18),
            "9".repeat(19),
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    samples.push(format!("{a}{b}{c}"));
                    samples.push(format!("12{a}{b}{c}"));
                }
            }
        }
        for s in &samples {
            assert_eq!(amount(s), amount_ref(s), "{s:?}");
            assert_eq!(percent(s), percent_ref(s), "{s:?}");
        }
    }

    #[test]
    fn month_marks() {
        assert_eq!(months("3 月底"), vec![(3, 8)]);
        assert_eq!(
            months("3 月底 6 月底 10 月底 12 月底")
                .iter()
                .map(|m| m.0)
                .collect::<Vec<_>>(),
            vec![3, 6, 10, 12]
        );
        assert_eq!(months("12 月底 100%")[0].0, 12);
        assert!(months("2025年12月31日").is_empty());
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("27"));
        assert!(is_page_number("- 3 -"));
        assert!(is_page_number("第 3 页"));
        assert!(is_page_number("第3页 共30页"));
        assert!(!is_page_number("62 号"));
        assert!(!is_page_number("第三部分"));
    }

    #[test]
    fn fold_scan_agrees_with_chars() {
        // whether a fold applies, char by char (U+1680 is white space like
        // any other: `char::is_whitespace`)
        fn applies(s: &str, bom: bool, forms: bool) -> bool {
            s.chars().any(|c| {
                c.is_whitespace()
                    || (bom && c == '\u{feff}')
                    || (forms && matches!(c, '（' | '）' | '：' | '％'))
            })
        }
        fn label_by_chars(s: &str) -> String {
            if !applies(s, false, true) {
                return s.to_string();
            }
            s.chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| match c {
                    '（' => '(',
                    '）' => ')',
                    '：' => ':',
                    '％' => '%',
                    c => c,
                })
                .collect()
        }
        let mut samples: Vec<String> = [
            "",
            "产出指标",
            "a b",
            "a  b",
            " a",
            "a ",
            "x\u{b}y",
            "满意度（%）",
            "单位：万元",
            "100％",
            "、。「」",
            "养老\u{3000}金",
            "\u{feff}标题",
            "标\u{feff}题",
            "a\u{a0}b",
            "\u{85}",
            "\u{2009}元",
            "\u{2028}",
            "\u{202f}",
            "\u{205f}",
            "\u{200b}",
            "\u{1680}",
            "产\u{1680}出",
            "产\u{1680}出 ",
            "产\u{1680} 出",
            "、\u{1680}",
            "\u{1680}（",
            "\u{ff08}",
            "\u{ff10}",
            "\u{2014}—",
            "·",
            "\u{c0}",
            "\u{2e80}",
            "≥ 95 %",
            "社会效益指 标",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for c in (0..=0x3100u32)
            .chain(0xFEF0..=0xFF70)
            .filter_map(char::from_u32)
        {
            samples.push(format!("产{c}出"));
            samples.push(format!("产{c}出 a{c}b"));
            samples.push(format!("{c}{c}"));
        }
        for s in &samples {
            for join in [true, false] {
                let got = clean_with(s, join);
                assert_eq!(got, clean_by_chars(s, join), "{s:?}");
                assert_eq!(matches!(got, Cow::Borrowed(_)), got == s.as_str(), "{s:?}");
            }
            let got = label(s);
            assert_eq!(got, label_by_chars(s), "{s:?}");
            for c in ['出', 'a', '\u{3000}', '表', '\u{10000}'] {
                assert_eq!(has_char(s, c), s.contains(c), "{s:?} {c:?}");
            }
            for needle in ["出", "产出", "出a", "a", "ab", "产出出"] {
                assert_eq!(
                    label_has(s, needle),
                    got.contains(needle),
                    "{s:?} {needle:?}"
                );
            }
            assert_eq!(matches!(got, Cow::Borrowed(_)), got == s.as_str(), "{s:?}");
            let mut pushed = String::from("前");
            push_label(&mut pushed, s);
            assert_eq!(pushed, format!("前{}", label_by_chars(s)), "{s:?}");
        }
    }

    #[test]
    fn label_starts_agrees_with_label() {
        let samples = [
            "",
            "一级指标",
            " 一级 指标二级",
            "资金支出计 划（%）",
            "项目编码：1308",
            "（一）",
            "预算",
            " 符 号",
            "计算符号（%）",
            "\u{3000}",
        ];
        let prefixes = [
            "",
            "一级指标",
            "一级指标二级",
            "资金支出计划(%)",
            "项目编码:",
            "(一",
            "预算数",
            "预算",
            "符号",
            "计算符号(%)",
        ];
        for s in samples {
            for p in prefixes {
                assert_eq!(label_starts(s, p), label(s).starts_with(p), "{s:?} {p:?}");
                assert_eq!(label_is(s, p), label(s) == p, "{s:?} {p:?}");
                assert_eq!(label_is(p, s), label(p) == s, "{p:?} {s:?}");
                assert_eq!(label_ends(s, p), label(s).ends_with(p), "{s:?} {p:?}");
                assert_eq!(label_ends(p, s), label(p).ends_with(s), "{p:?} {s:?}");
                if !p.starts_with('(') && !p.is_empty() {
                    assert_eq!(label_has(s, p), label(s).contains(p), "{s:?} {p:?}");
                }
            }
        }
    }

    #[test]
    fn label_ends_drops_a_lone_ogham_mark_as_label_does() {
        for s in [
            "绩效目标\u{1680}表",
            "绩效目标\u{1680}表 ",
            "绩效目标表",
            "绩效 目标\u{1680}表",
            "绩效目标表\u{1680}",
            "绩效目标表\u{1680} ",
            "（绩效目标表）",
            "表",
        ] {
            assert_eq!(
                label_ends(s, "绩效目标表"),
                label(s).ends_with("绩效目标表"),
                "{s:?}"
            );
        }
    }

    #[test]
    fn label_ends_takes_a_written_suffix_only_when_it_is_its_own_label() {
        // the bytes match, but the label of the text folds them
        assert!(!label_ends("满意度（%）", "（%）"));
        assert!(label_ends("满意度（%）", "(%)"));
        assert!(!label_ends("单位： ", "： "));
        assert!(label_ends("单位：", ":"));
        assert!(label_ends("项目绩效目标表", "绩效目标表"));
        assert!(label_ends("表", ""));
    }

    #[test]
    fn labels_fold() {
        assert_eq!(label("资金支出计 划（%）"), "资金支出计划(%)");
        assert_eq!(strip_markers("[bookmark: _GoBack]7、农民"), "7、农民");
        assert_eq!(
            strip_markers("\t[bookmark: x]绩效目标"),
            "\t[bookmark: x]绩效目标"
        );
    }
}
