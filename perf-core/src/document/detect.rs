//! Layout detection: which reader a text needs, from how tabs are used.

use super::row::Line;
use super::Layout;
use crate::find::{blank, find_byte};

/// Decides the layout from the lines:
/// - few lines hold a tab → [`Layout::GridRows`] when many lines are
///   cells between `|` bars (Markdown and grid tables,
///   `grid_rows::looks_like`); else [`Layout::ParagraphCells`] when an indicator
///   header stands one label per paragraph with blank lines between
///   (`paragraph_cells::looks_like`, docx2txt); else [`Layout::SpaceAligned`]
///   when many lines hold cells set apart by runs of spaces
///   (`pdftotext -layout`, see [`space_aligned`]); else
///   [`Layout::SpacedRows`] when rows of cells parted by single spaces start
///   with level labels (`spaced_rows::looks_like`: pdfplumber, pypdf,
///   `pdftotext -raw`); else [`Layout::Wrapped`] (PDF text without
///   delimiters);
/// - most tab lines are one cell led by a tab (`\t一级指标`) → [`Layout::CellPerLine`];
/// - otherwise rows of tab-separated cells → [`Layout::TabRows`].
pub(crate) fn detect(lines: &[Line<'_>]) -> Layout {
    match tab_counts(lines) {
        Tabs::Few { nonblank } => {
            if super::grid_rows::looks_like(lines) {
                Layout::GridRows
            } else if super::paragraph_cells::looks_like(lines) {
                Layout::ParagraphCells
            } else if space_aligned(lines, nonblank) {
                Layout::SpaceAligned
            } else if super::spaced_rows::looks_like(lines) {
                Layout::SpacedRows
            } else {
                Layout::Wrapped
            }
        }
        Tabs::Many(layout) => layout,
    }
}

/// What the tabs of a text say.
#[derive(Debug, PartialEq)]
enum Tabs {
    /// Fewer than one non-blank line in twenty holds a tab.
    Few { nonblank: usize },
    /// Enough tab lines: [`Layout::CellPerLine`] or [`Layout::TabRows`].
    Many(Layout),
}

/// Counts the non-blank lines, the lines holding a tab (`tabbed`) and those
/// that are one cell led by a tab (`single`); see [`detect`]. Every 32
/// lines the answer is checked for being certain whatever the `r` lines
/// left hold: they add at most `r` to each count, and at least as much to
/// `tabbed` as to `single`. Many tabs: `tabbed * 20 >= nonblank + r`
/// (with a tab line read). Then [`Layout::CellPerLine`] when `2 * single >
/// tabbed + r` (none of them single tab lines), [`Layout::TabRows`] when
/// `2 * single + r <= tabbed` (all of them). So a text of tab lines is
/// decided without reading its second half.
fn tab_counts(lines: &[Line<'_>]) -> Tabs {
    let mut nonblank = 0usize;
    let mut tabbed = 0usize;
    let mut single = 0usize;
    for (k, chunk) in lines.chunks(32).enumerate() {
        if k > 0 && tabbed > 0 {
            let r = lines.len() - 32 * k;
            if tabbed * 20 >= nonblank + r {
                if single * 2 > tabbed + r {
                    return Tabs::Many(Layout::CellPerLine);
                }
                if single * 2 + r <= tabbed {
                    return Tabs::Many(Layout::TabRows);
                }
            }
        }
        for l in chunk {
            // Trimmed at the end, a line is blank exactly when empty (so a
            // line of white space only, a bare tab included, counts for
            // nothing); its first tab is the line's when before the end.
            // A line without a tab is only told blank or not.
            let Some(pos) = find_byte(l.text.as_bytes(), b'\t') else {
                nonblank += usize::from(!blank(l.text));
                continue;
            };
            let t = trim_end(l.text);
            if t.is_empty() {
                continue;
            }
            nonblank += 1;
            if pos < t.len() {
                tabbed += 1;
                if pos == 0 && find_byte(&t.as_bytes()[1..], b'\t').is_none() {
                    single += 1;
                }
            }
        }
    }
    if tabbed * 20 < nonblank.max(1) {
        Tabs::Few { nonblank }
    } else if single * 2 > tabbed {
        Tabs::Many(Layout::CellPerLine)
    } else {
        Tabs::Many(Layout::TabRows)
    }
}

/// Exactly `s.trim_end()`, without decoding the last char when it is a
/// CJK ideograph (lead byte E4–E9, never white space) or ASCII.
fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut n = b.len();
    while n > 0 && matches!(b[n - 1], b'\t'..=b'\r' | b' ') {
        n -= 1;
    }
    match b[..n].last() {
        None => "",
        Some(&c) if c < 0x80 => &s[..n],
        _ if n >= 3 && (0xE4..=0xE9).contains(&b[n - 3]) => &s[..n],
        _ => s[..n].trim_end(),
    }
}

/// Text laid out in columns with runs of spaces: at least one non-blank
/// line in ten, and at least three lines, hold three or more pieces of text
/// set apart by runs of two or more spaces (leading indentation aside).
fn space_aligned(lines: &[Line<'_>], nonblank: usize) -> bool {
    let mut aligned = 0usize;
    for l in lines {
        if three_pieces(l.text) {
            aligned += 1;
        }
    }
    aligned >= 3 && aligned * 10 >= nonblank
}

/// True when the trimmed line holds three or more pieces of text set apart
/// by runs of two or more spaces. Bytes, not chars: a space is one byte and
/// no byte of a multi-byte char is a space. The trimmed line starts and
/// ends with a non-space, so every run of spaces is followed by a piece.
fn three_pieces(line: &str) -> bool {
    // no space at all: one piece (trimming adds none)
    if find_byte(line.as_bytes(), b' ').is_none() {
        return false;
    }
    let b = crate::find::trim(line).as_bytes();
    if b.is_empty() {
        return false;
    }
    let mut pieces = 1usize;
    let mut at = 0usize;
    while let Some(p) = find_byte(&b[at..], b' ') {
        let start = at + p;
        let mut end = start + 1;
        while b.get(end) == Some(&b' ') {
            end += 1;
        }
        if end - start >= 2 {
            pieces += 1;
            if pieces == 3 {
                return true;
            }
        }
        at = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    #[test]
    fn three_layouts() {
        let tab = "项目编码\t1308\t\t项目名称\t经费\n一级指标\t二级指标\t三级指标\n";
        assert_eq!(detect(&lines(tab)), Layout::TabRows);
        let cell = "\t一级指标\n\t二级指标\n\n\t产出指标\n\t\n";
        assert_eq!(detect(&lines(cell)), Layout::CellPerLine);
        let wrapped = "一级指标 二级指标 三级指标\n产出指标\n\n数量指标 资金 100 百分比\n";
        assert_eq!(detect(&lines(wrapped)), Layout::Wrapped);
    }

    /// The counts over every line, as first written.
    fn tab_counts_in_full(lines: &[Line<'_>]) -> Tabs {
        let (mut nonblank, mut tabbed, mut single) = (0usize, 0usize, 0usize);
        for l in lines {
            let t = l.text.trim_end();
            if t.trim().is_empty() {
                continue;
            }
            nonblank += 1;
            if let Some(pos) = t.find('\t') {
                tabbed += 1;
                if pos == 0 && !t[1..].contains('\t') {
                    single += 1;
                }
            }
        }
        if tabbed * 20 < nonblank.max(1) {
            Tabs::Few { nonblank }
        } else if single * 2 > tabbed {
            Tabs::Many(Layout::CellPerLine)
        } else {
            Tabs::Many(Layout::TabRows)
        }
    }

    #[test]
    fn early_answers_agree_with_full_counts() {
        let kinds = [
            "\t一级指标",
            "\t",
            "",
            "一级指标\t二级指标",
            "\t产出\t数量",
            "说明文字",
            "  \t ",
            "a\t",
        ];
        // runs of one kind after another, lengths around the 32-line checks
        for text in super::super::row::runs_of_lines(&kinds, 12345, 3000) {
            let ls = lines(&text);
            assert_eq!(tab_counts(&ls), tab_counts_in_full(&ls), "{text:?}");
        }
        // tab lines first, then enough text without tabs to outweigh them
        let text = format!("{}{}", "\t一级指标\n".repeat(40), "说明文字\n".repeat(900));
        assert_eq!(tab_counts(&lines(&text)), Tabs::Few { nonblank: 940 });
        let text = format!("{}{}", "说明文字\n".repeat(900), "\t一级指标\n".repeat(40));
        assert_eq!(tab_counts(&lines(&text)), Tabs::Few { nonblank: 940 });
        let text = format!("{}{}", "a\tb\n".repeat(40), "\tc\n".repeat(60));
        assert_eq!(tab_counts(&lines(&text)), Tabs::Many(Layout::CellPerLine));
        let text = format!("{}{}", "\tc\n".repeat(40), "a\tb\n".repeat(60));
        assert_eq!(tab_counts(&lines(&text)), Tabs::Many(Layout::TabRows));
    }

    #[test]
    fn trim_end_agrees_with_std() {
        for s in [
            "",
            " ",
            "\t",
            "a \t",
            "\t一级指标\t",
            "指标\u{3000}",
            "指标\u{3000} \t",
            "x\u{a0}",
            "值。",
            "a\u{2003}\n",
            "\u{10348} ",
        ] {
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn three_pieces_counts_like_chars() {
        // the char-by-char count the byte scan replaces
        fn by_chars(line: &str) -> bool {
            let (mut pieces, mut spaces) = (0usize, 0usize);
            for c in line.trim().chars() {
                if c == ' ' {
                    spaces += 1;
                    continue;
                }
                if spaces >= 2 || pieces == 0 {
                    pieces += 1;
                }
                spaces = 0;
            }
            pieces >= 3
        }
        for line in [
            "",
            "   ",
            "一级指标   二级指标   三级指标",
            "  产出  数量 指标",
            "产出  数量  ",
            "a  b  c",
            "a  b c",
            "a\u{3000}\u{3000}b  c  d",
            "\t一级\t  二级  三级\t",
            "指标 值  100%   ≥10 人",
            "a   \u{a0} b  c",
        ] {
            assert_eq!(three_pieces(line), by_chars(line), "{line:?}");
        }
    }

    #[test]
    fn space_aligned_columns() {
        let layout = "一级指标   二级指标   三级指标   指标值\n\
                      产出指标   数量指标   人数       ≥10 人\n\
                                 质量指标   合格率     100%\n\
                      说明文字\n";
        assert_eq!(detect(&lines(layout)), Layout::SpaceAligned);
        // two lines of columns among many of prose: still wrapped
        let mut prose =
            String::from("一级指标   二级指标   三级指标\n产出指标   数量指标   人数\n");
        for _ in 0..30 {
            prose.push_str("这是一段 正文，不是表格。\n");
        }
        assert_eq!(detect(&lines(&prose)), Layout::Wrapped);
    }
}
