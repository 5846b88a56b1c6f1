//! What every layout reader produces: logical rows of cells, each with the
//! 1-based source line it starts on. The assembler works on these alone.
//!
//! Cell text borrows from the document text wherever a cell is one piece of
//! a line; only text a reader had to join (wrapped cells, CSV fields with
//! quotes) is owned.

use std::borrow::Cow;

/// One cell of a logical row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cell<'a> {
    /// The cell text, already joined when it was wrapped; cleaned by the assembler.
    pub text: Cow<'a, str>,
    pub line: u32,
}

/// A logical row: the cells of one table row, or one line of running text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Row<'a> {
    pub line: u32,
    pub cells: Vec<Cell<'a>>,
    /// True for running text outside any table (headings, unit lines, prose).
    pub text: bool,
}

impl<'a> Row<'a> {
    pub fn table(line: u32, cells: Vec<Cell<'a>>) -> Row<'a> {
        Row {
            line,
            cells,
            text: false,
        }
    }

    pub fn text(line: u32, s: impl Into<Cow<'a, str>>) -> Row<'a> {
        Row {
            line,
            cells: vec![Cell {
                text: s.into(),
                line,
            }],
            text: true,
        }
    }

    /// The cell texts.
    #[cfg(test)]
    pub fn texts(&self) -> Vec<&str> {
        self.cells.iter().map(|c| &*c.text).collect()
    }
}

/// One source line, 1-based number, without its line break.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub no: u32,
    pub text: &'a str,
}

/// Splits text into lines: `\n`, `\r\n` and lone `\r` end a line; a form
/// feed (a page break from PDF tools) is dropped.
pub(crate) fn lines<'t>(text: &'t str) -> Vec<Line<'t>> {
    let bytes = text.as_bytes();
    // one SIMD pass to size the vector, one to find `\r` at all
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let cr = memchr::memchr(b'\r', bytes).is_some();
    let mut start = 0;
    let mut end_at = |i: usize, out: &mut Vec<Line<'t>>| {
        if i < start {
            return; // the `\n` of a `\r\n`
        }
        out.push(line(out.len(), &text[start..i]));
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    };
    if cr {
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            end_at(i, &mut out);
        }
    } else {
        // no `\r`: every line ends at a `\n`, one byte
        // (lines are short: eight bytes at a time, no SIMD set-up per line)
        while let Some(p) = crate::find::find_byte(&bytes[start..], b'\n') {
            let i = start + p;
            out.push(line(out.len(), &text[start..i]));
            start = i + 1;
        }
    }
    if start < bytes.len() {
        out.push(line(out.len(), &text[start..]));
    }
    out
}

/// The line after `n` others, form feeds at its start dropped.
fn line(n: usize, text: &str) -> Line<'_> {
    Line {
        no: n as u32 + 1,
        text: if text.as_bytes().first() == Some(&0x0C) {
            text.trim_start_matches('\u{c}')
        } else {
            text
        },
    }
}

/// Exactly `text::label_starts(s, p)` for a `p` whose first char is
/// neither white space nor one the label folds (`（）：％`): the label's
/// first char is then the first char of `s` after white space, so most
/// texts are decided by their first bytes, and one that starts with the
/// whole prefix needs no label either.
#[inline]
pub(crate) fn label_starts(s: &str, p: &str) -> bool {
    let pb = p.as_bytes();
    // the byte length of the prefix's first char, from its lead byte
    let n = match pb.first() {
        None => return true,
        Some(0..=0x7F) => 1,
        Some(0xC0..=0xDF) => 2,
        Some(0xE0..=0xEF) => 3,
        Some(_) => 4,
    };
    let t = match s.as_bytes().first() {
        // printable ASCII and the lead bytes of CJK ideographs are never white space
        Some(&b) if (0x21..0x7F).contains(&b) || (0xE4..=0xE9).contains(&b) => s,
        _ => s.trim_start(),
    };
    let tb = t.as_bytes();
    tb.len() >= n && tb[..n] == pb[..n] && (tb.starts_with(pb) || super::text::label_starts(t, p))
}

/// [`super::text::strip_markers`], deciding most lines by their first byte:
/// a marker starts with `[`, after spaces.
pub(crate) fn strip_markers(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(b' ' | b'[') => super::text::strip_markers(s),
        _ => s,
    }
}

/// Exactly [`super::text::join_wrapped`] on a cell that may still borrow
/// its line: the owned copy is made once, with room for this join and the next ones, and the
/// two sides are tested on bytes (a char is ASCII alphanumeric only when its
/// one byte is).
pub(crate) fn join(acc: &mut Cow<'_, str>, next: &str) {
    let next = crate::find::trim(next);
    let Some(&first) = next.as_bytes().first() else {
        return;
    };
    let space = acc.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric)
        && first.is_ascii_alphanumeric();
    if let Cow::Borrowed(a) = *acc {
        // room for about as much again: a wrapped cell is often joined
        // from three or four lines of one column's width
        let mut owned = String::with_capacity(2 * (a.len() + 1 + next.len()));
        owned.push_str(a);
        *acc = Cow::Owned(owned);
    }
    let s = acc.to_mut();
    if space {
        s.push(' ');
    }
    s.push_str(next);
}

/// `count` texts made of runs of lines (1 to 7 runs, each 1 to 71 copies
/// of one of `kinds`), from a fixed seed: inputs for tests that compare an
/// early-stopping scan with the full one.
#[cfg(test)]
pub(crate) fn runs_of_lines(kinds: &[&str], seed: u64, count: usize) -> Vec<String> {
    let mut next = crate::seeded(seed);
    (0..count)
        .map(|_| {
            let mut text = String::new();
            for _ in 0..=next(6) {
                let kind = kinds[next(kinds.len())];
                for _ in 0..=next(70) {
                    text.push_str(kind);
                    text.push('\n');
                }
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_text() {
        let texts = [
            "一级指标 二级指标",
            "一级 指标",
            " 一 级指标二级指标",
            "\u{3000}一级指标二级指标",
            "项目编码：P1",
            "项 目 编 号",
            "二级指标",
            "一",
            "",
            " ",
            "a一级指标",
            "[bookmark: x]一级指标",
            "  [bookmark: x] [bookmark: y]项目",
            "[bookmark 一级指标",
            "\t项目名称",
        ];
        let prefixes = [
            "一级指标",
            "一级指标二级指标",
            "项目编码",
            "项目编号",
            "预算",
            "其他资金",
        ];
        for s in texts {
            for p in prefixes {
                assert_eq!(
                    label_starts(s, p),
                    super::super::text::label_starts(s, p),
                    "{s:?} {p:?}"
                );
            }
            assert_eq!(
                strip_markers(s),
                super::super::text::strip_markers(s),
                "{s:?}"
            );
        }
    }

    #[test]
    fn join_agrees_with_text() {
        let pieces = [
            "",
            " ",
            "a",
            "1",
            "社",
            " 会 ",
            "b\u{3000}",
            "\u{3000}9",
            "é",
            "x ",
        ];
        for a in pieces {
            for b in pieces {
                let mut want = a.to_string();
                super::super::text::join_wrapped(&mut want, b);
                let mut borrowed = Cow::Borrowed(a);
                join(&mut borrowed, b);
                let mut owned: Cow<'_, str> = Cow::Owned(a.to_string());
                join(&mut owned, b);
                assert_eq!((&*borrowed, &*owned), (&*want, &*want), "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn line_endings() {
        let l = lines("a\r\nb\rc\n\u{c}d");
        let t: Vec<_> = l.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(t, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        let l = lines("\r\r\n\n\u{c}\u{c}x\r");
        let t: Vec<_> = l.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(t, vec![(1, ""), (2, ""), (3, ""), (4, "x")]);
    }

    /// The splitting rule read one char at a time.
    fn lines_by_chars(text: &str) -> Vec<(u32, String)> {
        let mut out = Vec::new();
        let mut cur = String::new();
        let mut it = text.chars().peekable();
        let push = |cur: &mut String, out: &mut Vec<(u32, String)>| {
            let t = cur.trim_start_matches('\u{c}').to_string();
            out.push((out.len() as u32 + 1, t));
            cur.clear();
        };
        while let Some(c) = it.next() {
            match c {
                '\n' => push(&mut cur, &mut out),
                '\r' => {
                    if it.peek() == Some(&'\n') {
                        it.next();
                    }
                    push(&mut cur, &mut out);
                }
                c => cur.push(c),
            }
        }
        if !cur.is_empty() {
            push(&mut cur, &mut out);
        }
        out
    }

    #[test]
    fn word_scan_agrees_with_the_char_rule() {
        let parts = [
            "\n", "\r", "\r\n", "\u{c}", "a", "社", " ", "\t", "\u{3000}",
        ];
        let mut next = crate::seeded(12345);
        for _ in 0..3000 {
            let len = next(40);
            let s: String = (0..len).map(|_| parts[next(parts.len())]).collect();
            let got: Vec<_> = lines(&s)
                .iter()
                .map(|l| (l.no, l.text.to_string()))
                .collect();
            assert_eq!(got, lines_by_chars(&s), "{s:?}");
        }
    }
}
