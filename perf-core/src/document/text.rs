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
/// Borrows `s` when it is already clean (no white space, no BOM).
pub(crate) fn clean_with(s: &str, join_cjk: bool) -> Cow<'_, str> {
    if !needs_fold(s, true, false) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    // copies the runs between white-space chars whole
    let push_run = |out: &mut String, pending_space: &mut bool, run: &str| {
        let Some(c) = run.chars().next() else {
            return;
        };
        if *pending_space {
            let prev = out.chars().next_back().unwrap_or(' ');
            if !(join_cjk && is_cjk(prev) && is_cjk(c)) {
                out.push(' ');
            }
            *pending_space = false;
        }
        out.push_str(run);
    };
    let b = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        let w = space_len(b, i);
        if w == 0 {
            i += 1;
            continue;
        }
        push_run(&mut out, &mut pending_space, &s[start..i]);
        if !out.is_empty() {
            pending_space = true;
        }
        i += w;
        start = i;
    }
    push_run(&mut out, &mut pending_space, &s[start..]);
    Cow::Owned(out)
}

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

/// What a fold of `s` would change, found by one scan of its UTF-8 bytes
/// (no char decoding): true when `s` holds white space, or a BOM when
/// `bom`, or `（）：％` when `forms`.
///
/// U+1680 (Ogham space mark) counts only next to a lead byte 0xC2, 0xE2,
/// 0xE3 or 0xEF: the fold has always been skipped for text without any of
/// those, and output must not change.
fn needs_fold(s: &str, bom: bool, forms: bool) -> bool {
    /// Per byte: bit 7 set for the bytes [`needs_fold`] looks at (ASCII
    /// white space and five lead bytes), bits 0–2 the length of the char a
    /// byte starts. Only the first byte of each char is read: no
    /// continuation byte is one of those looked at.
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
            t[i] = len | if special { 0x80 } else { 0 };
            i += 1;
        }
        t
    };
    let b = s.as_bytes();
    let next = |i: usize| (b.get(i + 1).copied(), b.get(i + 2).copied());
    let (mut ogham, mut lead) = (false, false);
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let step = STEP[usize::from(c)];
        let at = i;
        i += usize::from(step & 7);
        if step & 0x80 == 0 {
            continue;
        }
        let i = at;
        match c {
            b'\t'..=b'\r' | b' ' => return true,
            0xC2 => {
                lead = true;
                if matches!(next(i).0, Some(0x85 | 0xA0)) {
                    return true; // U+0085, U+00A0
                }
            }
            0xE1 => ogham |= next(i) == (Some(0x9A), Some(0x80)),
            0xE2 => {
                lead = true;
                if matches!(
                    next(i),
                    (Some(0x80), Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)) | (Some(0x81), Some(0x9F))
                ) {
                    return true; // U+2000–U+200A, U+2028, U+2029, U+202F, U+205F
                }
            }
            0xE3 => {
                lead = true;
                if next(i) == (Some(0x80), Some(0x80)) {
                    return true; // U+3000
                }
            }
            0xEF => {
                lead = true;
                let found = match next(i) {
                    (Some(0xBB), Some(0xBF)) => bom,
                    (Some(0xBC), Some(0x85 | 0x88 | 0x89 | 0x9A)) => forms,
                    _ => false,
                };
                if found {
                    return true;
                }
            }
            _ => {}
        }
    }
    ogham && lead
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
/// Borrows `s` when nothing needs folding.
pub(crate) fn label(s: &str) -> Cow<'_, str> {
    if !needs_fold(s, false, true) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '（' => out.push('('),
            '）' => out.push(')'),
            '：' => out.push(':'),
            '％' => out.push('%'),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Exactly `label(s).starts_with(prefix)`, reading only as many chars of
/// `s` as the prefix has (no label built).
pub(crate) fn label_starts(s: &str, prefix: &str) -> bool {
    let mut it = s.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '％' => '%',
        c => c,
    });
    prefix.chars().all(|p| it.next() == Some(p))
}

/// Exactly `label(s) == l` (no label built).
pub(crate) fn label_is(s: &str, l: &str) -> bool {
    let mut it = s.chars().filter(|c| !c.is_whitespace()).map(|c| match c {
        '（' => '(',
        '）' => ')',
        '：' => ':',
        '％' => '%',
        c => c,
    });
    l.chars().all(|p| it.next() == Some(p)) && it.next().is_none()
}

/// Folds full-width digits and the full-width point to ASCII.
fn fold_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - 0xFF10 + u32::from(b'0')).unwrap_or(c),
        '．' => '.',
        _ => c,
    }
}

/// Reads an amount cell: `126.15`, `90万元`, `1,056.00`, `20.982 万元`.
/// Returns the number and the amount unit written after it, if any.
pub(crate) fn amount(s: &str) -> Option<(Decimal, Option<&'static str>)> {
    // the number must start with a digit once white space and commas go
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

/// Reads a percent cell of a spending plan: `25%`, `25 %`, `0`, `100`.
pub(crate) fn percent(s: &str) -> Option<Decimal> {
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

/// Every month mark in a cell (`3 月底`, `12月末`, `6月`), in order, with
/// the byte offset where each ends.
pub(crate) fn months(s: &str) -> Vec<(u8, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
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
                        out.push((m, end));
                        i = end;
                        continue;
                    }
                }
            }
            continue;
        }
        i += 1;
    }
    out
}

/// True for a cell that is only a small integer (a row number, a page number, a weight).
pub(crate) fn is_small_int(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
}

/// True for a line that is only a page number: `12`, `- 12 -`, `第 12 页`, `第12页 共30页`.
pub(crate) fn is_page_number(s: &str) -> bool {
    let first = s.trim_start().chars().next();
    if !first.is_some_and(|c| c.is_ascii_digit() || matches!(c, '-' | '—' | '–' | '第'))
        || s.len() > 40
    {
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
        let trimmed = t.trim_start_matches(' ');
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

    #[test]
    fn clean_agrees_with_the_char_by_char_fold() {
        fn by_chars(s: &str, join_cjk: bool) -> String {
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
                assert_eq!(clean_with(s, join), by_chars(s, join), "{s:?}");
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
        // the fold as first written: chars, behind the old lead-byte filter
        fn by_chars(s: &str, bom: bool, forms: bool) -> bool {
            s.bytes()
                .any(|b| matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE2 | 0xE3 | 0xEF))
                && s.chars().any(|c| {
                    c.is_whitespace()
                        || (bom && c == '\u{feff}')
                        || (forms && matches!(c, '（' | '）' | '：' | '％'))
                })
        }
        let samples = [
            "",
            "产出指标",
            "a b",
            "x\u{b}y",
            "满意度（%）",
            "单位：万元",
            "100％",
            "、。「」",
            "养老\u{3000}金",
            "\u{feff}标题",
            "a\u{a0}b",
            "\u{85}",
            "\u{2009}元",
            "\u{2028}",
            "\u{202f}",
            "\u{205f}",
            "\u{200b}",
            "\u{1680}",
            "产\u{1680}出",
            "、\u{1680}",
            "\u{ff08}",
            "\u{ff10}",
            "\u{2014}—",
            "·",
            "\u{c0}",
            "\u{2e80}",
        ];
        for s in samples {
            for (bom, forms) in [(true, false), (false, true)] {
                assert_eq!(needs_fold(s, bom, forms), by_chars(s, bom, forms), "{s:?}");
            }
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
            }
        }
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
