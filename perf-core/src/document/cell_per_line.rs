//! Reader for one cell per line (Word-to-text tools): each cell starts with
//! a tab; a line without a leading tab right after a cell continues that
//! cell; a blank line ends a row. A bare tab is an empty cell.
//!
//! Blank lines are not fully reliable (Word puts one inside a cell that holds
//! an empty paragraph), so the assembler learns the width of the indicator
//! table from its header; this reader only marks where blank lines were,
//! and [`read`] merges a short row with the next one when together they
//! make exactly one full row of that width.

use super::row::{join, label_starts, strip_markers, Cell, Line, Row};
use super::text;
use crate::find::blank;

/// Every row, in order.
#[cfg(test)]
pub(crate) fn read<'a>(lines: &[Line<'a>]) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    each(lines, |r| rows.push(r.clone()));
    rows
}

/// Hands every row to `f`, in order, each in a buffer reused for a later
/// row (no `Vec` of cells per row): short rows merged as [`Merger`] says.
pub(crate) fn each<'a>(lines: &[Line<'a>], f: impl FnMut(&Row<'a>)) {
    let mut m = Merger {
        f,
        width: None,
        pending: Row::table(0, Vec::new()),
        pending_width: None,
    };
    // the row being read (`open`: it has a cell) and a one-cell text row
    let mut cur = Row::table(0, Vec::with_capacity(8));
    let mut open = false;
    let mut text_row = Row::text(0, "");
    let mut prev_was_cell = false;
    for l in lines {
        let raw = strip_markers(l.text);
        // (a cell line starts with its tab: decided before the blank test)
        if !raw.starts_with('\t') && blank(raw) {
            if std::mem::take(&mut open) {
                m.push(&mut cur);
            }
            prev_was_cell = false;
            continue;
        }
        if let Some(body) = raw.strip_prefix('\t') {
            if !open {
                open = true;
                cur.line = l.no;
                cur.text = false;
                cur.cells.clear();
            }
            // A tab inside the cell text separates further cells on this line.
            // (cells are short: eight bytes at a time, no SIMD set-up)
            let mut start = 0;
            while let Some(p) = crate::find::find_byte(&body.as_bytes()[start..], b'\t') {
                let i = start + p;
                cur.cells.push(Cell {
                    text: strip_markers(&body[start..i]).into(),
                    line: l.no,
                });
                start = i + 1;
            }
            cur.cells.push(Cell {
                text: strip_markers(&body[start..]).into(),
                line: l.no,
            });
            prev_was_cell = true;
        } else if prev_was_cell {
            // continuation of the last cell (a paragraph break inside a cell)
            if let Some(cell) = cur.cells.last_mut().filter(|_| open) {
                join(&mut cell.text, raw);
            }
        } else {
            if std::mem::take(&mut open) {
                m.push(&mut cur);
            }
            text_row.line = l.no;
            text_row.cells.clear();
            text_row.cells.push(Cell {
                text: crate::find::trim(raw).into(),
                line: l.no,
            });
            m.push(&mut text_row);
        }
    }
    if open {
        m.push(&mut cur);
    }
    m.flush();
}

/// Within an indicator table (after a row that starts with 一级指标), a row
/// shorter than the header is merged with the following rows while the sum
/// does not exceed the header width: Word writes a blank line for an empty
/// paragraph inside a cell, which splits one row in two.
///
/// Rows come in one at a time; a short row waits in `pending` for the rows
/// it may take in, and goes to `f` when it is full or the next row does
/// not fit.
struct Merger<'a, F> {
    f: F,
    /// The header width of the table the rows are in.
    width: Option<usize>,
    /// A short table row that may take in the next rows (when
    /// `pending_width` is set: the width it may grow to).
    pending: Row<'a>,
    pending_width: Option<usize>,
}

impl<'a, F: FnMut(&Row<'a>)> Merger<'a, F> {
    /// The next row; its buffer may be swapped for another (the caller
    /// clears it before reading the next row into it).
    fn push(&mut self, row: &mut Row<'a>) {
        if let Some(w) = self.pending_width {
            if !row.text && self.pending.cells.len() + row.cells.len() <= w {
                self.pending.cells.append(&mut row.cells);
                if self.pending.cells.len() >= w {
                    self.flush();
                }
                return;
            }
            self.flush();
        }
        if row.text {
            // a page number between rows does not end the table
            if !row
                .cells
                .first()
                .is_some_and(|c| text::is_page_number(&c.text))
            {
                self.width = None;
            }
            (self.f)(row);
            return;
        }
        // the first cell with a label (a label is empty only for white space)
        let first = row.cells.iter().find(|c| !blank(&c.text)).map(|c| &*c.text);
        if first.is_some_and(|f| label_starts(f, "一级指标")) {
            self.width = Some(row.cells.len());
            (self.f)(row);
            return;
        }
        if first.is_some_and(is_meta_label) {
            self.width = None;
        }
        match self.width {
            Some(w) if row.cells.len() < w => {
                std::mem::swap(&mut self.pending, row);
                self.pending_width = Some(w);
            }
            _ => (self.f)(row),
        }
    }

    /// Hands on the waiting row, if any.
    fn flush(&mut self) {
        if self.pending_width.take().is_some() {
            (self.f)(&self.pending);
            self.pending.cells.clear();
        }
    }
}

/// The labels of project data.
const META_LABELS: [&str; 6] = [
    "项目编码",
    "项目编号",
    "项目名称",
    "预算",
    "资金支出",
    "绩效目标",
];

/// True when the label of `s` starts with a label of project data.
/// (`label_starts` needs the first char of `s` after white space to be
/// the label's first char: most cells are ruled out by that char.)
fn is_meta_label(s: &str) -> bool {
    s.trim_start().starts_with(['项', '预', '资', '绩'])
        && META_LABELS.iter().any(|p| label_starts(s, p))
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    /// The reader as it was before rows were handed over one at a time
    /// (all rows read, then merged): the oracle for [`each`].
    fn reference_read<'a>(lines: &[Line<'a>]) -> Vec<Row<'a>> {
        // about one row per three lines (cells, a blank line between rows)
        let mut groups: Vec<Row> = Vec::with_capacity(lines.len() / 3 + 1);
        let mut cur: Option<Row> = None;
        let mut prev_was_cell = false;
        for l in lines {
            let raw = strip_markers(l.text);
            // (a cell line starts with its tab: decided before the blank test)
            if !raw.starts_with('\t') && blank(raw) {
                if let Some(r) = cur.take() {
                    groups.push(r);
                }
                prev_was_cell = false;
                continue;
            }
            if let Some(body) = raw.strip_prefix('\t') {
                // room for a typical indicator row without growing
                let row = cur.get_or_insert_with(|| Row::table(l.no, Vec::with_capacity(8)));
                // A tab inside the cell text separates further cells on this line.
                // (cells are short: eight bytes at a time, no SIMD set-up)
                let mut start = 0;
                while let Some(p) = crate::find::find_byte(&body.as_bytes()[start..], b'\t') {
                    let i = start + p;
                    row.cells.push(Cell {
                        text: strip_markers(&body[start..i]).into(),
                        line: l.no,
                    });
                    start = i + 1;
                }
                row.cells.push(Cell {
                    text: strip_markers(&body[start..]).into(),
                    line: l.no,
                });
                prev_was_cell = true;
            } else if prev_was_cell {
                // continuation of the last cell (a paragraph break inside a cell)
                if let Some(cell) = cur.as_mut().and_then(|r| r.cells.last_mut()) {
                    join(&mut cell.text, raw);
                }
            } else {
                if let Some(r) = cur.take() {
                    groups.push(r);
                }
                groups.push(Row::text(l.no, crate::find::trim(raw)));
            }
        }
        if let Some(r) = cur.take() {
            groups.push(r);
        }
        reference_merge(groups)
    }

    /// Within an indicator table (after a row that starts with 一级指标), a row
    /// shorter than the header is merged with the following rows while the sum
    /// does not exceed the header width: Word writes a blank line for an empty
    /// paragraph inside a cell, which splits one row in two.
    fn reference_merge(rows: Vec<Row<'_>>) -> Vec<Row<'_>> {
        let mut out: Vec<Row> = Vec::with_capacity(rows.len());
        let mut width: Option<usize> = None;
        let mut it = rows.into_iter().peekable();
        while let Some(mut row) = it.next() {
            if row.text {
                // a page number between rows does not end the table
                if !row
                    .cells
                    .first()
                    .is_some_and(|c| text::is_page_number(&c.text))
                {
                    width = None;
                }
                out.push(row);
                continue;
            }
            // the first cell with a label (a label is empty only for white space)
            let first = row.cells.iter().find(|c| !blank(&c.text)).map(|c| &*c.text);
            if first.is_some_and(|f| label_starts(f, "一级指标")) {
                width = Some(row.cells.len());
                out.push(row);
                continue;
            }
            if first.is_some_and(is_meta_label) {
                width = None;
            }
            if let Some(w) = width {
                while row.cells.len() < w {
                    match it.peek() {
                        Some(next) if !next.text && row.cells.len() + next.cells.len() <= w => {
                            let next = it.next().unwrap_or_else(|| Row::table(0, Vec::new()));
                            row.cells.extend(next.cells);
                        }
                        _ => break,
                    }
                }
            }
            out.push(row);
        }
        out
    }

    #[test]
    fn streamed_rows_agree_with_reading_all_first() {
        let kinds = [
            "\t一级指标\t二级指标\n\t三级指标\n\t指标值",
            "\t产出指标",
            "\t数量指标\t人数",
            "\t≥10人",
            "续行",
            "",
            " ",
            "标题",
            "3",
            "\t项目名称\t示例",
            "\t",
            "\t预算\t10",
        ];
        for text in super::super::row::runs_of_lines(&kinds, 7, 300) {
            let ls = lines(&text);
            assert_eq!(read(&ls), reference_read(&ls), "{text:?}");
        }
        let mut next = crate::seeded(99);
        for _ in 0..2000 {
            let text: String = (0..next(30))
                .map(|_| format!("{}\n", kinds[next(kinds.len())]))
                .collect();
            let ls = lines(&text);
            assert_eq!(read(&ls), reference_read(&ls), "{text:?}");
        }
    }

    #[test]
    fn cells_continuations_and_split_rows() {
        let src = "\t一级指标\n\t二级\n指标\n\t三级指标\n\t指标值\n\n\t产出指标\n\t数量指标\n\n\t人数\n\t≥10人\n\n标题\n";
        let r = read(&lines(src));
        assert_eq!(
            r[0].texts(),
            vec!["一级指标", "二级指标", "三级指标", "指标值"]
        );
        assert_eq!(r[1].texts(), vec!["产出指标", "数量指标", "人数", "≥10人"]);
        assert_eq!(r[1].cells[2].line, 10);
        assert!(r[2].text);
    }

    #[test]
    fn meta_labels_by_first_char_agree_with_every_label() {
        for a in ["", " ", "\u{3000}", "\t"] {
            for b in [
                "项目",
                "项 目编码",
                "预算",
                "资金支出",
                "绩效目标",
                "一级",
                "编码",
                "x",
                "",
            ] {
                for c in ["", "编码", "名称", "编号", "数", "：1"] {
                    let s = format!("{a}{b}{c}");
                    let want = META_LABELS.iter().any(|p| label_starts(&s, p));
                    assert_eq!(is_meta_label(&s), want, "{s:?}");
                }
            }
        }
    }

    #[test]
    fn bare_tab_is_an_empty_cell() {
        let r = read(&lines("\t\n\t质量指标\n"));
        assert_eq!(r[0].texts(), vec!["", "质量指标"]);
    }
}
