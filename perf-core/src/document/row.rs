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
pub(crate) fn lines(text: &str) -> Vec<Line<'_>> {
    let bytes = text.as_bytes();
    // one SIMD pass to size the vector, one to split
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    let mut no = 0u32;
    let mut start = 0;
    for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
        if i < start {
            continue; // the `\n` of a `\r\n`
        }
        no += 1;
        out.push(Line {
            no,
            text: text[start..i].trim_start_matches('\u{c}'),
        });
        start = if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        };
    }
    if start < bytes.len() {
        no += 1;
        out.push(Line {
            no,
            text: text[start..].trim_start_matches('\u{c}'),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings() {
        let l = lines("a\r\nb\rc\n\u{c}d");
        let t: Vec<_> = l.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(t, vec![(1, "a"), (2, "b"), (3, "c"), (4, "d")]);
        let l = lines("\r\r\n\n\u{c}\u{c}x\r");
        let t: Vec<_> = l.iter().map(|l| (l.no, l.text)).collect();
        assert_eq!(t, vec![(1, ""), (2, ""), (3, ""), (4, "x")]);
    }
}
