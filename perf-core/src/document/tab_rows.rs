//! Reader for one row per line, cells separated by tabs (PDF-to-text tools
//! that keep table cells, spreadsheet exports as TSV).

use super::row::{strip_markers, Cell, Line, Row};

/// Every line with a tab is a table row; a line without one is running text.
/// Blank lines are dropped.
pub(crate) fn read<'a>(lines: &[Line<'a>]) -> Vec<Row<'a>> {
    let mut rows = Vec::with_capacity(lines.len());
    for l in lines {
        let t = strip_markers(l.text);
        if crate::find::blank(t) {
            continue;
        }
        let b = t.as_bytes();
        let tabs = memchr::memchr_iter(b'\t', b).count();
        if tabs > 0 {
            // split at the tab bytes (exactly `split('\t')`: a tab is one byte)
            let mut cells = Vec::with_capacity(tabs + 1);
            // (cells are short: eight bytes at a time, no SIMD set-up per cell)
            let mut start = 0;
            while let Some(p) = crate::find::find_byte(&b[start..], b'\t') {
                let i = start + p;
                cells.push(Cell {
                    text: t[start..i].into(),
                    line: l.no,
                });
                start = i + 1;
            }
            cells.push(Cell {
                text: t[start..].into(),
                line: l.no,
            });
            rows.push(Row::table(l.no, cells));
        } else {
            rows.push(Row::text(l.no, crate::find::trim(t)));
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    #[test]
    fn rows_and_text() {
        let r = read(&lines("标题\n\n产出指标\t数量指标\t\n"));
        assert_eq!(r.len(), 2);
        assert!(r[0].text);
        assert_eq!(r[1].texts(), vec!["产出指标", "数量指标", ""]);
        assert_eq!(r[1].line, 3);
        let r = read(&lines("\t\ta\t值 b\t\u{3000}\n"));
        assert_eq!(r[0].texts(), vec!["", "", "a", "值 b", "\u{3000}"]);
    }
}
