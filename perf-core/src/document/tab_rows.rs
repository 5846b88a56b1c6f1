//! Reader for one row per line, cells separated by tabs (PDF-to-text tools
//! that keep table cells, spreadsheet exports as TSV).

use super::row::{strip_markers, Cell, Line, Row};

/// Every line with a tab is a table row; a line without one is running text.
/// Blank lines are dropped.
#[cfg(test)]
pub(crate) fn read<'a>(lines: &[Line<'a>]) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    each(lines, |r| rows.push(r.clone()));
    rows
}

/// The rows of [`read`], handed to `f` in order, each in one buffer reused
/// from row to row (no `Vec` of cells per row).
pub(crate) fn each<'a>(lines: &[Line<'a>], mut f: impl FnMut(&Row<'a>)) {
    let mut row = Row::table(0, Vec::with_capacity(16));
    for l in lines {
        let t = strip_markers(l.text);
        if crate::find::blank(t) {
            continue;
        }
        let b = t.as_bytes();
        row.line = l.no;
        row.cells.clear();
        // (cells are short: eight bytes at a time, no SIMD set-up per cell)
        let first_tab = crate::find::find_byte(b, b'\t');
        row.text = first_tab.is_none();
        if let Some(first) = first_tab {
            // split at the tab bytes (exactly `split('\t')`: a tab is one byte)
            let mut start = 0;
            let mut at = Some(first);
            while let Some(i) = at {
                row.cells.push(Cell {
                    text: t[start..i].into(),
                    line: l.no,
                });
                start = i + 1;
                at = crate::find::find_byte(&b[start..], b'\t').map(|p| start + p);
            }
            row.cells.push(Cell {
                text: t[start..].into(),
                line: l.no,
            });
        } else {
            row.cells.push(Cell {
                text: crate::find::trim(t).into(),
                line: l.no,
            });
        }
        f(&row);
    }
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
