//! Reader for text whose table columns are aligned with runs of spaces, as
//! `pdftotext -layout` writes it: every page is a grid of characters, a
//! table cell's text starts at its column's position on every line, a cell
//! too wide for its column wraps onto the following lines at the same
//! position, and a form feed starts each page.
//!
//! The rules, found by reading such text (`testdata/layout/`):
//!
//! - **Positions are characters.** pdftotext places text on a grid of
//!   characters, each counting one whatever its width (a Han character is
//!   one column, not two), so a column is a character offset.
//! - **Fragments.** A line splits into fragments on runs of two or more
//!   spaces. A cell that nearly fills its column can be followed by a single
//!   space only (`每季度末 21 日贴 每季度末 21 日贴`), so a fragment is also
//!   split at a single space where another line shows a column starting.
//! - **Columns** are inferred per block (consecutive non-blank lines of one
//!   page): the positions where at least two lines start a fragment,
//!   neighbours one apart merged. Each fragment goes to the nearest column.
//!   Positions shift from page to page, so a page break starts a new block.
//! - **Continuation lines.** A line continues the row above when every one
//!   of its fragments stands under a fragment of the line above that fills
//!   its column (its display width within two CJK characters of the widest
//!   text seen in that column): that cell wrapped. Any other line starts a
//!   row. A continuation fragment is joined onto its cell with a space (the
//!   assembler drops a space between two CJK characters).
//! - **Running text.** A block without a line of two or more fragments is
//!   running text, a row per line; so is a line of one fragment at the
//!   block's first column that does not continue a cell (a heading, prose).
//! - **Page furniture.** A line that is only a page number (`3`, `- 3 -`,
//!   `第 3 页`) next to a page break or the end of the text is dropped.

use std::borrow::Cow;

use super::row::{Cell, Row};
use super::text;

/// One physical line: its 1-based number, text, and whether a form feed
/// (a page break) came before it.
#[derive(Clone, Copy, Debug)]
struct PLine<'a> {
    no: u32,
    text: &'a str,
    page_break: bool,
}

/// A run of text on a line, between runs of two or more spaces.
#[derive(Clone, Debug)]
struct Frag<'a> {
    /// Character column of its first character.
    col: usize,
    /// Byte offset in its line.
    at: usize,
    text: &'a str,
}

/// Splits the text into lines exactly as `row::lines` numbers them, noting
/// the form feeds that `row::lines` drops.
fn plines(text: &str) -> Vec<PLine<'_>> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut no = 0u32;
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let end = i == bytes.len();
        if end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            if end && start >= bytes.len() {
                break;
            }
            no += 1;
            let raw = &text[start..i];
            let t = raw.trim_start_matches('\u{c}');
            out.push(PLine {
                no,
                text: t.trim_end_matches('\u{c}'),
                page_break: t.len() != raw.len(),
            });
            if !end && bytes[i] == b'\r' && i + 1 < bytes.len() && bytes[i + 1] == b'\n' {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

fn is_gap(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

/// The fragments of a line: runs of text separated by two or more spaces
/// (a tab or an ideographic space counts as a run by itself).
fn fragments(line: &str) -> Vec<Frag<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, col)
    let mut spaces = 0usize; // spaces in the current run
    let mut hard = false; // the run holds a tab or an ideographic space
    let mut last_end = 0usize; // byte after the last non-space char
    for (col, (b, c)) in line.char_indices().enumerate() {
        if is_gap(c) {
            spaces += 1;
            hard |= c != ' ';
            continue;
        }
        if let Some((sb, sc)) = start {
            if spaces >= 2 || hard {
                out.push(Frag {
                    col: sc,
                    at: sb,
                    text: &line[sb..last_end],
                });
                start = Some((b, col));
            }
        } else {
            start = Some((b, col));
        }
        spaces = 0;
        hard = false;
        last_end = b + c.len_utf8();
    }
    if let Some((sb, sc)) = start {
        out.push(Frag {
            col: sc,
            at: sb,
            text: &line[sb..last_end],
        });
    }
    out
}

/// Display width: Han and full-width characters count two, others one.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| {
            if text::is_cjk(c) || ('\u{ff00}'..='\u{ffef}').contains(&c) {
                2
            } else {
                1
            }
        })
        .sum()
}

/// How far right of a single space a column may start for the space to
/// split two cells: pdftotext sets text that reaches the next cell one space
/// after it, a character or two left of where that column starts.
const SPLIT_BEFORE: usize = 3;

/// Splits a fragment at its single spaces where a column starts (from one
/// character before the next text to [`SPLIT_BEFORE`] after it), keeping
/// each piece's column.
fn split_at_columns<'a>(f: &Frag<'a>, cols: &[usize], out: &mut Vec<Frag<'a>>) {
    // the single spaces where a cell may start: (column of the next
    // character, its byte offset); never between a number and the word
    // after it (`3 月底`, `30 日前`: a cell does not start with a unit)
    let mut spaces: Vec<(usize, usize)> = Vec::new();
    let mut prev_space = false;
    let mut before = ' ';
    let mut end = f.col;
    for (k, (b, c)) in f.text.char_indices().enumerate() {
        if prev_space && c != ' ' && (c.is_ascii() || !before.is_ascii_digit()) {
            spaces.push((f.col + k, b));
        }
        if c != ' ' {
            before = c;
        }
        prev_space = c == ' ';
        end = f.col + k;
    }
    let mut piece_byte = 0usize;
    let mut piece_col = f.col;
    let mut s = 0usize; // cursor in `spaces`
    let first = cols.partition_point(|&x| x <= f.col + 1);
    for &x in &cols[first..] {
        if x > end + 1 {
            break;
        }
        // the space whose next character stands nearest to x, within range
        while s < spaces.len() && spaces[s].0 + SPLIT_BEFORE < x {
            s += 1;
        }
        let mut best: Option<usize> = None;
        let mut t = s;
        while t < spaces.len() && spaces[t].0 <= x + 1 {
            if best.map_or(true, |b| spaces[t].0.abs_diff(x) <= spaces[b].0.abs_diff(x)) {
                best = Some(t);
            }
            t += 1;
        }
        if let Some(bi) = best {
            let (col, b) = spaces[bi];
            if col > piece_col + 1 {
                out.push(Frag {
                    col: piece_col,
                    at: f.at + piece_byte,
                    text: f.text[piece_byte..b].trim_end(),
                });
                piece_byte = b;
                piece_col = col;
            }
            s = bi + 1;
        }
    }
    out.push(Frag {
        col: piece_col,
        at: f.at + piece_byte,
        text: &f.text[piece_byte..],
    });
}

/// The column starts of a segment: the positions where its lines start a
/// fragment, neighbours one apart merged into the most frequent of them.
fn columns(frags: &[&[Frag<'_>]]) -> Vec<usize> {
    let mut starts: Vec<usize> = frags.iter().flat_map(|l| l.iter()).map(|f| f.col).collect();
    starts.sort_unstable();
    // (position, count) runs, then clusters of positions one apart
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for s in starts {
        match runs.last_mut() {
            Some((p, n)) if *p == s => *n += 1,
            _ => runs.push((s, 1)),
        }
    }
    let mut cols = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let mut j = i + 1;
        while j < runs.len() && runs[j].0 <= runs[j - 1].0 + 1 {
            j += 1;
        }
        let cluster = &runs[i..j];
        let best = cluster
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(cluster[0].0, |r| r.0);
        cols.push(best);
        i = j;
    }
    cols
}

/// The index of the column nearest to `col` (ties go left).
fn nearest(cols: &[usize], col: usize) -> usize {
    let i = cols.partition_point(|&x| x <= col);
    match i {
        0 => 0,
        _ if i == cols.len() => i - 1,
        _ => {
            if col - cols[i - 1] <= cols[i] - col {
                i - 1
            } else {
                i
            }
        }
    }
}

/// A logical row being built: per column, the text and the line it starts on.
struct Building<'a> {
    line: u32,
    cells: Vec<Option<(Cow<'a, str>, u32)>>,
}

impl<'a> Building<'a> {
    fn add(&mut self, column: usize, s: &'a str, line: u32) {
        match &mut self.cells[column] {
            Some((t, _)) => {
                let t = t.to_mut();
                t.push(' ');
                t.push_str(s);
            }
            slot @ None => *slot = Some((Cow::Borrowed(s), line)),
        }
    }

    fn finish(self) -> Row<'a> {
        let line = self.line;
        Row::table(
            line,
            self.cells
                .into_iter()
                .map(|c| match c {
                    Some((text, line)) => Cell { text, line },
                    None => Cell {
                        text: Cow::Borrowed(""),
                        line,
                    },
                })
                .collect(),
        )
    }
}

/// Reads the logical rows of space-aligned text, page by page.
pub(crate) fn read(text: &str) -> Vec<Row<'_>> {
    let lines = plines(text);
    let furniture = page_furniture(&lines);
    let mut rows = Vec::with_capacity(lines.len());
    let mut reference = Reference::default();
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        while j < lines.len() && !lines[j].page_break {
            j += 1;
        }
        read_page(&lines[i..j], &furniture[i..j], &mut reference, &mut rows);
        i = j;
    }
    rows
}

/// Marks the lines that are only a page number next to a page break or
/// the end of the text (blank lines between do not count).
fn page_furniture(lines: &[PLine<'_>]) -> Vec<bool> {
    // after[k]: a page break (or the start) since the previous non-blank line
    let mut after = vec![false; lines.len()];
    let mut brk = true;
    for (k, l) in lines.iter().enumerate() {
        brk |= l.page_break;
        after[k] = brk;
        if !l.text.trim().is_empty() {
            brk = false;
        }
    }
    let mut out = vec![false; lines.len()];
    // before the next non-blank line: a page break (or the end)
    let mut brk = true;
    for k in (0..lines.len()).rev() {
        let l = lines[k];
        if !l.text.trim().is_empty() {
            if (brk || after[k]) && text::is_page_number(l.text) {
                out[k] = true;
            }
            brk = false;
        }
        brk |= l.page_break;
    }
    out
}

/// One line placed on the page's columns: (column, character position,
/// text) per cell piece, left to right.
type Placed<'a> = Vec<(usize, usize, &'a str)>;

/// The columns of the table being read, across pages: each column's last
/// seen start, and whether the last table lines of the previous page used it.
#[derive(Default)]
struct Reference {
    starts: Vec<usize>,
    recent: Vec<bool>,
    /// The last thing read was a table segment (no text line after it).
    open: bool,
}

/// The columns of a page as indexes into the columns of the table it
/// continues. Positions drift a few characters from page to page, and a
/// table's cells must keep their indexes for the assembler, whose header
/// may stand on an earlier page: each of the page's column starts goes to
/// the nearest start among the columns the previous page's last table lines
/// used (else among all), when no two of them meet there; else the page
/// starts a fresh set of columns.
fn continue_columns(cols: &[usize], reference: &mut Reference) -> Vec<usize> {
    for only_recent in [true, false] {
        let usable: Vec<usize> = (0..reference.starts.len())
            .filter(|&i| !only_recent || reference.recent[i])
            .collect();
        if usable.is_empty() {
            continue;
        }
        let starts: Vec<usize> = usable.iter().map(|&i| reference.starts[i]).collect();
        // as many columns as before: the same columns, squeezed or stretched
        let index: Vec<usize> = if cols.len() == usable.len() {
            usable.clone()
        } else {
            cols.iter().map(|&c| usable[nearest(&starts, c)]).collect()
        };
        if index.windows(2).all(|w| w[0] < w[1]) {
            for (&c, &i) in cols.iter().zip(&index) {
                reference.starts[i] = c;
            }
            return index;
        }
    }
    reference.starts.clear();
    reference.starts.extend_from_slice(cols);
    reference.recent = vec![false; cols.len()];
    (0..cols.len()).collect()
}

fn read_page<'a>(
    page: &[PLine<'a>],
    furniture: &[bool],
    reference: &mut Reference,
    rows: &mut Vec<Row<'a>>,
) {
    let frags: Vec<Vec<Frag<'a>>> = page
        .iter()
        .zip(furniture)
        .map(|(l, &f)| if f { Vec::new() } else { fragments(l.text) })
        .collect();
    let left = frags
        .iter()
        .filter(|f| f.len() >= 2)
        .map(|f| f[0].col)
        .min();
    // the widest first cell of a table line at the margin
    let first_widest = frags
        .iter()
        .filter(|f| f.len() >= 2 && left.is_some_and(|l| f[0].col <= l + 1))
        .map(|f| width(f[0].text))
        .max()
        .unwrap_or(0);
    // lines of a table: several fragments, one set in from the margin, or
    // one at the margin right under a table line's first cell and no wider
    // than such cells are (a wrapped first cell, not a heading)
    let mut candidate: Vec<bool> = Vec::with_capacity(page.len());
    for (k, f) in frags.iter().enumerate() {
        let c = left.is_some_and(|left| {
            f.len() >= 2
                || (f.len() == 1 && f[0].col > left + 1)
                || (f.len() == 1
                    && k > 0
                    && candidate[k - 1]
                    && frags[k - 1][0].col.abs_diff(f[0].col) <= 1
                    && width(f[0].text) <= first_widest)
        });
        candidate.push(c);
    }
    // segments: runs of table lines (blank lines inside), between text lines
    let mut first = true; // nothing read on this page yet
    let mut start: Option<usize> = None;
    for k in 0..=page.len() {
        let text_line = k < page.len() && !frags[k].is_empty() && !candidate[k];
        if k == page.len() || text_line {
            if let Some(s) = start.take() {
                if !(first && reference.open) {
                    reference.starts.clear();
                    reference.recent.clear();
                }
                read_segment(&page[s..k], &frags[s..k], &candidate[s..k], reference, rows);
                first = false;
            }
            if text_line {
                rows.push(Row::text(page[k].no, page[k].text.trim()));
                reference.open = false;
                first = false;
            }
        } else if candidate[k] && start.is_none() {
            start = Some(k);
        }
    }
}

/// Reads a run of table lines of one page (blank lines among them).
fn read_segment<'a>(
    page: &[PLine<'a>],
    frags: &[Vec<Frag<'a>>],
    candidate: &[bool],
    reference: &mut Reference,
    rows: &mut Vec<Row<'a>>,
) {
    let cols = {
        let table: Vec<&[Frag<'a>]> = frags
            .iter()
            .zip(candidate)
            .filter(|(_, &t)| t)
            .map(|(f, _)| f.as_slice())
            .collect();
        columns(&table)
    };
    // a lone fragment set in is a table line only where a column starts
    let table: Vec<bool> = frags
        .iter()
        .zip(candidate)
        .map(|(f, &c)| c && (f.len() >= 2 || starts_column(&cols, f[0].col)))
        .collect();
    let index = continue_columns(&cols, reference);
    let ncols = reference.starts.len();
    // pass 1: every line's pieces on the columns; the widest text per column
    let mut placed: Vec<Placed<'a>> = Vec::with_capacity(page.len());
    let mut widest = vec![0usize; cols.len()];
    let mut pieces = Vec::new();
    let mut above: usize = usize::MAX; // index in `placed` of the line above
    for (k, f) in frags.iter().enumerate() {
        if f.is_empty() || !table[k] {
            placed.push(Vec::new());
            if f.is_empty() {
                above = usize::MAX;
            }
            continue;
        }
        pieces.clear();
        for fr in f {
            split_at_columns(fr, &cols, &mut pieces);
        }
        let prev: &[(usize, usize, &str)] = placed.get(above).map_or(&[], |p| p.as_slice());
        let line = place(&pieces, &cols, prev, page[k].text);
        for &(c, _, t) in &line {
            widest[c] = widest[c].max(width(t));
        }
        placed.push(line);
        above = k;
    }
    // rows set apart by blank lines? (then no blank line falls inside a row)
    let mut blanks_between = 0usize;
    let mut table_lines = 0usize;
    let mut last_table: Option<bool> = None; // a blank since the last table line?
    for (f, &t) in frags.iter().zip(&table) {
        if f.is_empty() {
            if let Some(b) = last_table.as_mut() {
                *b = true;
            }
        } else if t {
            table_lines += 1;
            if last_table == Some(true) {
                blanks_between += 1;
            }
            last_table = Some(false);
        }
    }
    let blank_separated = blanks_between * 8 >= table_lines;
    // pass 2: lines into rows
    let mut current: Option<Building<'a>> = None;
    let mut above: Option<usize> = None;
    for (k, line) in placed.iter().enumerate() {
        let no = page[k].no;
        if frags[k].is_empty() {
            // a blank line (or page furniture) ends a row
            if let Some(b) = current.take() {
                rows.push(b.finish());
            }
            above = None;
            continue;
        }
        if !table[k] {
            if let Some(b) = current.take() {
                rows.push(b.finish());
            }
            rows.push(Row::text(no, page[k].text.trim()));
            above = None;
            continue;
        }
        let continues = current.is_some()
            && above.is_some_and(|a| {
                line.iter().all(|&(c, _, _)| {
                    placed[a]
                        .iter()
                        .find(|&&(pc, _, _)| pc == c)
                        .is_some_and(|&(_, _, pt)| {
                            blank_separated || width(pt) + FILL_SLACK >= widest[c]
                        })
                })
            });
        if !continues {
            if let Some(b) = current.take() {
                rows.push(b.finish());
            }
            current = Some(Building {
                line: no,
                cells: vec![None; ncols],
            });
        }
        if let Some(b) = current.as_mut() {
            for &(c, _, t) in line {
                b.add(index[c], t, no);
            }
        }
        above = Some(k);
    }
    if let Some(b) = current.take() {
        rows.push(b.finish());
    }
    reference.open = true;
    // the columns of the widest of the last few lines (a header, a full row)
    reference.recent.iter_mut().for_each(|r| *r = false);
    let widest_line = placed
        .iter()
        .rev()
        .filter(|l| l.len() >= 2)
        .take(RECENT_LINES)
        .fold(None::<&Placed<'a>>, |best, l| match best {
            Some(b) if b.len() >= l.len() => Some(b),
            _ => Some(l),
        });
    for &(c, _, _) in widest_line.into_iter().flatten() {
        reference.recent[index[c]] = true;
    }
}

/// How many of a segment's last table lines are looked at for the columns
/// the next page continues.
const RECENT_LINES: usize = 5;

/// How much narrower than the widest text of its column a line's text can
/// be and still have filled the column (a wrapped cell): two CJK characters,
/// or a short number that did not fit.
const FILL_SLACK: usize = 4;

/// True when a column starts within one character of `col`.
fn starts_column(cols: &[usize], col: usize) -> bool {
    let i = cols.partition_point(|&x| x + 1 < col);
    cols.get(i).is_some_and(|&x| x <= col + 1)
}

/// Puts a line's pieces on columns, left to right: a piece starting where a
/// piece of the line above started (within one character) takes that
/// piece's column; any other the nearest column; never left of or on the
/// column of the piece before it (two pieces in one column become one cell,
/// with the text between them).
fn place<'a>(
    pieces: &[Frag<'a>],
    cols: &[usize],
    above: &[(usize, usize, &str)],
    line: &'a str,
) -> Placed<'a> {
    // (column, position, byte start, byte end)
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::with_capacity(pieces.len());
    let mut a = 0usize; // cursor in `above`, which is left to right too
    for p in pieces {
        while a < above.len() && above[a].1 + 1 < p.col {
            a += 1;
        }
        let mut c = match above.get(a) {
            Some(&(ac, apos, _)) if apos <= p.col + 1 => ac,
            _ => nearest(cols, p.col),
        };
        match spans.last_mut() {
            Some((lc, _, _, end)) if *lc >= c => {
                if *lc + 1 < cols.len() && p.col > cols[*lc] + 1 {
                    c = *lc + 1;
                } else {
                    *end = p.at + p.text.len();
                    continue;
                }
            }
            _ => {}
        }
        spans.push((c, p.col, p.at, p.at + p.text.len()));
    }
    spans
        .into_iter()
        .map(|(c, pos, x, y)| (c, pos, &line[x..y]))
        .collect()
}

#[cfg(test)]
mod dump {
    #[test]
    #[ignore]
    fn dump_rows() {
        let p = std::env::var("DUMP").unwrap();
        let t = std::fs::read_to_string(p).unwrap();
        for r in super::read(&t) {
            let cells: Vec<&str> = r.cells.iter().map(|c| &*c.text).collect();
            println!(
                "{} {} {}",
                r.line,
                if r.text { "T" } else { "R" },
                cells.join(" → ")
            );
        }
    }
}
