//! Reader for text whose table columns are aligned with runs of spaces, as
//! `pdftotext -layout` writes it: every page is a grid of characters, a
//! table cell's text starts at its column's position on every line, a cell
//! too wide for its column wraps onto the following lines at the same
//! position, and a form feed starts each page.
//!
//! The rules (docs/DOCUMENTS.md, "space-aligned", has them with examples):
//!
//! - **Positions are characters**, whatever their display width: pdftotext
//!   gives a Han character one column.
//! - **Fragments** are split on runs of two or more spaces, and at a single
//!   space where a column starts (a cell that reaches the next column is
//!   followed by one space only), never between a number and its unit.
//! - **Columns** are inferred per segment (a run of table lines of one page,
//!   blank lines inside): the positions where its lines start a fragment.
//!   A segment that continues a table on the next page takes the previous
//!   page's column indexes, since pdftotext places each page anew.
//! - **Rows**: where blank lines set rows apart, the lines between two
//!   blank lines are one row (cells centred vertically stand on any of its
//!   lines); else a line whose fragments all stand under fragments of the
//!   line above that filled their column continues that row (a wrapped
//!   cell).
//! - **Merged level cells** centred over the rows they span leave their
//!   label alone on a line half-way down: it goes to the span's first row.
//! - **Running text**: a line of one fragment at the margin (a heading,
//!   prose) unless it continues a first cell.
//! - **Page furniture**: a page number alone next to a page break is dropped.
//!
//! Every step is linear in the text: fragments are found in one pass per
//! line, columns by sorting a segment's starts, and lines are compared only
//! with the line above, walking both in column order.

use std::borrow::Cow;

use super::row::{Cell, Row};
use super::{labels, text};

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
            let body = t.trim_end_matches('\u{c}');
            out.push(PLine {
                no,
                // a rule (pandoc's table borders) sets rows apart like a blank line
                text: if is_rule(body) { "" } else { body },
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

/// A line of dashes (or `=`), spaces between: a table's rule, not text.
fn is_rule(t: &str) -> bool {
    let t = t.trim();
    t.len() >= 3 && t.bytes().all(|b| matches!(b, b'-' | b'=' | b' '))
}

fn is_gap(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{3000}'
}

/// The fragments of a line: runs of text separated by two or more spaces
/// (a tab or an ideographic space counts as a run by itself); positions
/// count display width when `wide`.
fn fragments(line: &str, wide: bool) -> Vec<Frag<'_>> {
    let mut out = Vec::new();
    let mut start: Option<(usize, usize)> = None; // (byte, col)
    let mut spaces = 0usize; // spaces in the current run
    let mut hard = false; // the run holds a tab or an ideographic space
    let mut last_end = 0usize; // byte after the last non-space char
    let mut next_col = 0usize;
    for (b, c) in line.char_indices() {
        let col = next_col;
        next_col += step(c, wide);
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

/// The columns a character takes: two for a Han or full-width character
/// when positions count display width, else one.
fn step(c: char, wide: bool) -> usize {
    if wide && (text::is_cjk(c) || ('\u{ff00}'..='\u{ffef}').contains(&c)) {
        2
    } else {
        1
    }
}

/// True when the table lines align by display width rather than by
/// characters: pandoc and other plain-text table writers pad cells to a
/// display width (a Han character two columns), pdftotext to characters.
/// Of the two ways to count, the one under which the lines of two or more
/// fragments start their fragments at fewer distinct positions wins;
/// characters unless display width is clearly better (a fifth fewer).
fn display_aligned(lines: &[PLine<'_>]) -> bool {
    let starts = |wide: bool| {
        let mut v: Vec<usize> = lines
            .iter()
            .map(|l| fragments(l.text, wide))
            .filter(|f| f.len() >= 2)
            .flat_map(|f| f.into_iter().map(|x| x.col))
            .collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    let (chars, wide) = (starts(false), starts(true));
    wide * 5 < chars * 4
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

/// The same between two Han characters: Chinese text has no spaces of
/// its own, so pdftotext's single space there is almost always the gap
/// between two cells, and the next cell may stand further left of its
/// column (pdftotext counts a Han character as one column, though it is
/// twice as wide as the column unit, so a line of Han text drifts left).
const SPLIT_BEFORE_HAN: usize = 4;

/// Splits a fragment at its single spaces where a cell ends, keeping each
/// piece's column. A space ends a cell where a column starts from
/// [`SPLIT_BEFORE`] characters after it (four between Han characters) to
/// one before it; and where the text runs on past the next column's start
/// with no such space, at the last space before that column between two
/// Han characters or before a comparator (Chinese text has few spaces of
/// its own, and a value starts with its comparator; a cell that
/// reaches its column's end is followed by one space only, and pdftotext
/// may set the next cell well left of its column: it counts a Han
/// character as one column though it is about two wide).
fn split_at_columns<'a>(f: &Frag<'a>, cols: &[usize], wide: bool, out: &mut Vec<Frag<'a>>) {
    // the single spaces where a cell may start: (column of the next
    // character, its byte offset, between two Han characters); never
    // between a number and the word after it (`3 月底`, `30 日前`: a cell
    // does not start with a unit)
    let mut spaces: Vec<(usize, usize, bool)> = Vec::new();
    let mut prev_space = false;
    let mut before = ' ';
    let mut end = f.col;
    let mut col = f.col;
    for (b, c) in f.text.char_indices() {
        if prev_space && c != ' ' && (c.is_ascii() || !before.is_ascii_digit()) {
            // between two Han characters, or before a comparator (a value)
            let strong = text::is_cjk(before) && (text::is_cjk(c) || "≥≤<>=＞＜≧≦".contains(c));
            spaces.push((col, b, strong));
        }
        if c != ' ' {
            before = c;
        }
        prev_space = c == ' ';
        end = col;
        col += step(c, wide);
    }
    let mut piece_byte = 0usize;
    let mut piece_col = f.col;
    let mut s = 0usize; // cursor in `spaces`
    let first = cols.partition_point(|&x| x <= f.col + 1);
    for &x in &cols[first..] {
        if x > end + SPLIT_BEFORE_HAN {
            break;
        }
        let from = s;
        // the space whose next character stands nearest to x, within reach
        while s < spaces.len() && spaces[s].0 + SPLIT_BEFORE_HAN < x {
            s += 1;
        }
        let mut best: Option<usize> = None;
        let mut t = s;
        while t < spaces.len() && spaces[t].0 <= x + 1 {
            let (col, _, han) = spaces[t];
            let reach = if han { SPLIT_BEFORE_HAN } else { SPLIT_BEFORE };
            if col + reach >= x && best.map_or(true, |b| col.abs_diff(x) <= spaces[b].0.abs_diff(x))
            {
                best = Some(t);
            }
            t += 1;
        }
        // text running on past the column's start: the last space before it
        if best.is_none() && end > x + 1 {
            best = (from..t)
                .rev()
                .find(|&u| spaces[u].0 > piece_col + 1 && spaces[u].2);
        }
        if let Some(bi) = best {
            let (col, b, _) = spaces[bi];
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

/// How far apart two fragment starts may be and still start one column:
/// pdftotext sets a column a character or two left or right from one group
/// of rows to the next.
const CLUSTER: usize = 2;

/// The column starts of a segment: the positions where its lines start a
/// fragment, starts up to [`CLUSTER`] apart merged into the most frequent.
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
    // per cluster: (first position, last position, best position, count)
    let mut clusters: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < runs.len() {
        let mut j = i + 1;
        while j < runs.len() && runs[j].0 <= runs[j - 1].0 + CLUSTER {
            j += 1;
        }
        let cluster = &runs[i..j];
        let best = cluster
            .iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map_or(cluster[0].0, |r| r.0);
        let count = cluster.iter().map(|r| r.1).sum();
        clusters.push((cluster[0].0, cluster[j - i - 1].0, best, count));
        i = j;
    }
    // together[i]: some line starts a fragment in clusters i and i + 1
    // (a line's fragments are left to right, so they are neighbours there)
    let mut together = vec![false; clusters.len()];
    for line in frags {
        let mut prev: Option<usize> = None;
        for f in line.iter() {
            let c = clusters.partition_point(|k| k.1 < f.col);
            if let Some(p) = prev {
                if p + 1 == c {
                    together[p] = true;
                }
            }
            prev = Some(c);
        }
    }
    // two near clusters no line uses both of are one column set a few
    // characters apart in different rows
    let mut cols = Vec::with_capacity(clusters.len());
    let mut i = 0;
    while i < clusters.len() {
        let (_, hi, best, count) = clusters[i];
        match clusters.get(i + 1) {
            Some(&(lo2, _, best2, count2)) if !together[i] && lo2 <= hi + MERGE_APART => {
                cols.push(if count2 > count { best2 } else { best });
                i += 2;
            }
            _ => {
                cols.push(best);
                i += 1;
            }
        }
    }
    cols
}

/// How far apart two column starts of a segment may be and still be one
/// column when no line uses both (the gap between the nearest starts of
/// the two): pdftotext moves a column by several
/// characters from one row to the next on a page of narrow columns.
const MERGE_APART: usize = 4;

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
    /// Adds a line's text to a column's cell. `broken`: the cell's last
    /// line filled its column, so a word going on from it was broken there.
    fn add(&mut self, column: usize, s: &'a str, line: u32, broken: bool) {
        match &mut self.cells[column] {
            Some((t, _)) => {
                let t = t.to_mut();
                let han = |c: Option<char>| c.is_some_and(text::is_cjk);
                // Chinese text wraps anywhere and has no space to restore
                let chinese = han(t.chars().next_back()) && han(s.chars().next());
                let glued = chinese || (broken && word_goes_on(t, s));
                if !glued {
                    t.push(' ');
                }
                t.push_str(s);
            }
            slot @ None => *slot = Some((Cow::Borrowed(s), line)),
        }
    }

    fn finish(mut self) -> Row<'a> {
        let line = self.line;
        // no trailing empty cells: a row shorter than its header tells the
        // assembler that a cell is missing (a row one column left)
        while self.cells.len() > 1
            && self
                .cells
                .last()
                .is_some_and(|c| c.as_ref().map_or(true, |(t, _)| t.trim().is_empty()))
        {
            self.cells.pop();
        }
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

/// Whether the last line of a cell (`above`, after its last space) is one
/// word of letters and digits that `next` goes on with: a word wider than
/// its column is broken where the column ends (`[13081122P00800810` +
/// `001Y]`), with no space lost between the pieces.
fn word_goes_on(above: &str, next: &str) -> bool {
    let last = above.rsplit(' ').next().unwrap_or("");
    let alnum = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    last.chars().filter(|c| c.is_ascii_alphanumeric()).count() >= 6
        && alnum(last.chars().next_back())
        && alnum(next.chars().next())
}

/// Reads the logical rows of space-aligned text, page by page.
pub(crate) fn read(text: &str) -> Vec<Row<'_>> {
    let mut lines = plines(text);
    let mut grids = grid_tables(text, &mut lines);
    let furniture = page_furniture(&lines);
    let mut rows = Vec::with_capacity(lines.len());
    let mut reference = Reference {
        wide: display_aligned(&lines),
        ..Reference::default()
    };
    let mut i = 0;
    while i < lines.len() {
        let mut j = i + 1;
        while j < lines.len() && !lines[j].page_break {
            j += 1;
        }
        read_page(
            &lines[i..j],
            &furniture[i..j],
            &mut reference,
            &mut grids,
            &mut rows,
        );
        i = j;
    }
    lift_header_labels(&mut rows);
    place_header_labels(&mut rows);
    rows
}

/// The grid tables set among the space-aligned text (`pandoc -t plain`
/// draws a table whose cells hold several paragraphs with `+---+` rules
/// and `|` cell walls), in text order: each one's first line and its rows,
/// read by the grid reader. Their lines are blanked in `lines`.
struct Grids<'a> {
    tables: std::vec::IntoIter<(u32, Vec<Row<'a>>)>,
    next: Option<(u32, Vec<Row<'a>>)>,
}

impl<'a> Grids<'a> {
    /// The rows of the grid table that starts on line `no`, if one does.
    fn starting_at(&mut self, no: u32) -> Option<Vec<Row<'a>>> {
        if self.next.as_ref()?.0 != no {
            return None;
        }
        let rows = self.next.take().map(|(_, r)| r);
        self.next = self.tables.next();
        rows
    }
}

/// The most rows of the table above a grid table looked at for its columns.
const COLUMNS_ABOVE: usize = 64;

/// A grid table right under a space-aligned table (no text between) whose
/// nearest rows have text in as many columns as the grid table's rows have
/// cells, among more: the grid cells go onto those columns (the
/// space-aligned reader may keep a column that those rows leave empty,
/// which the grid table does not have).
fn onto_columns_above(grid: &mut [Row<'_>], rows: &[Row<'_>]) {
    let width = grid.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    if width == 0 || grid.iter().any(|r| r.cells.len() != width) {
        return;
    }
    // the columns with text in the nearest rows above, while they are
    // no more than the grid table's (one pass over each row's cells)
    let mut seen: Vec<bool> = Vec::new();
    let mut count = 0;
    for r in rows
        .iter()
        .rev()
        .take(COLUMNS_ABOVE)
        .take_while(|r| !r.text)
    {
        let text = |c: &Cell<'_>| !c.text.trim().is_empty();
        let new = r
            .cells
            .iter()
            .enumerate()
            .filter(|(k, c)| text(c) && !seen.get(*k).copied().unwrap_or(false))
            .count();
        if count + new > width {
            break;
        }
        count += new;
        if seen.len() < r.cells.len() {
            seen.resize(r.cells.len(), false);
        }
        for (k, c) in r.cells.iter().enumerate() {
            seen[k] |= text(c);
        }
    }
    let ncols = seen.len();
    if count != width || ncols <= width {
        return;
    }
    let used: Vec<usize> = (0..ncols).filter(|&k| seen[k]).collect();
    for r in grid {
        let line = r.line;
        let mut cells = vec![
            Cell {
                text: Cow::Borrowed(""),
                line,
            };
            ncols
        ];
        for (c, &k) in std::mem::take(&mut r.cells).into_iter().zip(&used) {
            cells[k] = c;
        }
        r.cells = cells;
    }
}

/// A grid table's rule: a grid reader's rule that starts with `+`.
fn is_grid_rule(t: &str) -> bool {
    t.starts_with('+') && super::grid_rows::is_rule(t)
}

/// Finds the grid tables: a `+---+` rule, then lines that start with `|`
/// or are rules, up to the last rule (at least one `|` line between). One
/// pass over the lines, and none at all when the text holds no `+-`/`+:`
/// (no rule can start there).
fn grid_tables<'a>(text: &'a str, lines: &mut [PLine<'a>]) -> Grids<'a> {
    let mut tables = Vec::new();
    let b = text.as_bytes();
    if memchr::memmem::find(b, b"+-").is_some() || memchr::memmem::find(b, b"+:").is_some() {
        let mut i = 0;
        while i < lines.len() {
            let t = lines[i].text.trim();
            if !(t.as_bytes().first() == Some(&b'+') && is_grid_rule(t)) {
                i += 1;
                continue;
            }
            // the block's lines, and the last rule among them
            let (mut j, mut last_rule, mut walls) = (i + 1, i, false);
            while j < lines.len() {
                let t = lines[j].text.trim();
                if t.starts_with('|') {
                    walls = true;
                } else if is_grid_rule(t) {
                    last_rule = j;
                } else {
                    break;
                }
                j += 1;
            }
            if !walls || last_rule == i {
                i = j;
                continue;
            }
            let block: Vec<super::row::Line<'a>> = lines[i..=last_rule]
                .iter()
                .map(|l| super::row::Line {
                    no: l.no,
                    text: l.text,
                })
                .collect();
            tables.push((lines[i].no, super::grid_rows::read(&block)));
            for l in &mut lines[i..=last_rule] {
                l.text = "";
            }
            i = last_rule + 1;
        }
    }
    let mut tables = tables.into_iter();
    let next = tables.next();
    Grids { tables, next }
}

/// A two-row indicator header whose merged cells are centred vertically:
/// the labels spanning both rows (`一级指标`, `二级指标`) stand half-way
/// down, where pdftotext may set them on the second row's lines, beside
/// `符号 | 值 | 单位`, with their columns left empty in the first row
/// (`三级指标 | … | 指标值 | … | 指标确定依据`). They go back to the first
/// row, so that it is the header the assembler knows.
fn lift_header_labels(rows: &mut [Row<'_>]) {
    let second_only = |t: &str| {
        let l = text::label(t);
        l == "符号"
            || l == "计算符号"
            || l == "值"
            || l.starts_with("单位")
            || text::is_small_int(t)
    };
    for i in 1..rows.len() {
        let (up, down) = rows.split_at_mut(i);
        let (a, b) = (&mut up[i - 1], &mut down[0]);
        if a.text || b.text || !is_header_row(b) || is_header_row(a) {
            continue;
        }
        let labels_above = a.cells.iter().any(|c| {
            let l = text::label(&c.text);
            l == "三级指标" || l == "指标值"
        });
        let split_value = b.cells.iter().any(|c| text::label(&c.text) == "符号");
        if !labels_above || !split_value {
            continue;
        }
        for (c, cell) in b.cells.iter_mut().enumerate() {
            if cell.text.trim().is_empty() || second_only(&cell.text) {
                continue;
            }
            if a.cells.len() <= c {
                a.cells.resize(
                    c + 1,
                    Cell {
                        text: Cow::Borrowed(""),
                        line: a.line,
                    },
                );
            }
            if a.cells[c].text.trim().is_empty() {
                let t = std::mem::replace(&mut cell.text, Cow::Borrowed(""));
                a.cells[c].text = t;
            }
        }
    }
}

/// The most columns a table may have for its header labels to be moved.
const MAX_HEADER_COLUMNS: usize = 64;

/// True for the cells of an indicator header row (一级指标 with 二级指标 or
/// 三级指标) or of its `符号 | 值 | 单位` second row.
fn is_header_row(r: &Row<'_>) -> bool {
    let has = |f: &dyn Fn(&str) -> bool| r.cells.iter().any(|c| f(&text::label(&c.text)));
    (has(&|l| l.starts_with("一级指标"))
        && has(&|l| l.contains("二级指标") || l.contains("三级指标")))
        || (has(&|l| l == "符号" || l == "计算符号") && has(&|l| l.starts_with("单位")))
}

/// Moves a header label set over a column no row of its table uses onto
/// the neighbouring column that has no label and holds the table's text:
/// pdftotext may set a header cell several characters left of its column's
/// cells (`评（扣）分` at 77, the cells under it at 82), too far for the two
/// starts to make one column.
fn place_header_labels(rows: &mut [Row<'_>]) {
    let mut h = 0;
    while h < rows.len() {
        if rows[h].text || !is_header_row(&rows[h]) {
            h += 1;
            continue;
        }
        // the header's rows, then its table's rows up to running text or
        // the next header
        let mut d = h + 1;
        while d < rows.len() && !rows[d].text && is_header_row(&rows[d]) {
            d += 1;
        }
        let mut end = d;
        while end < rows.len() && !rows[end].text && !is_header_row(&rows[end]) {
            end += 1;
        }
        let width = rows[h..end]
            .iter()
            .map(|r| r.cells.len())
            .max()
            .unwrap_or(0);
        if width > MAX_HEADER_COLUMNS {
            // (hostile input: keeps the work linear)
            h = end.max(h + 1);
            continue;
        }
        let used = |rs: &[Row<'_>], c: usize| {
            rs.iter()
                .any(|r| r.cells.get(c).is_some_and(|x| !x.text.trim().is_empty()))
        };
        if end > d {
            for c in 0..width {
                let (head, data) = rows[h..end].split_at(d - h);
                if !used(&head[..1], c) || used(data, c) {
                    continue;
                }
                let target = [c + 1, c.wrapping_sub(1)]
                    .into_iter()
                    .find(|&t| t < width && !used(head, t) && used(data, t));
                if let Some(t) = target {
                    for r in &mut rows[h..d] {
                        if r.cells.len() <= t.max(c) {
                            r.cells.resize(
                                t.max(c) + 1,
                                Cell {
                                    text: Cow::Borrowed(""),
                                    line: r.line,
                                },
                            );
                        }
                        r.cells.swap(c, t);
                    }
                }
            }
        }
        h = end.max(h + 1);
    }
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
    /// Per column: the last table line read has text there that filled
    /// the column (a cell that may go on over the page break).
    tail: Vec<bool>,
    /// The last row read already went on over a page break: it does not
    /// go on over another (a row is at most two pages long, which keeps a
    /// run of pages of like lines from becoming one ever longer row).
    joined: bool,
    /// Positions count display width (see [`display_aligned`]).
    wide: bool,
}

/// The columns of a page as indexes into the columns of the table it
/// continues. Positions drift a few characters from page to page, and a
/// table's cells must keep their indexes for the assembler, whose header
/// may stand on an earlier page: each of the page's column starts goes to
/// the nearest start among the columns the previous page's last table lines
/// used (else among all), when no two of them meet there; else the page
/// starts a fresh set of columns.
fn continue_columns(cols: &[usize], reference: &mut Reference) -> Vec<usize> {
    // a table far wider than this page's lines is not continued: that keeps
    // the work per segment in proportion to the segment
    let near = reference.starts.len() <= 4 * cols.len() + 16;
    for only_recent in [true, false].into_iter().filter(|_| near) {
        let usable: Vec<usize> = (0..reference.starts.len())
            .filter(|&i| !only_recent || reference.recent[i])
            .collect();
        if usable.is_empty() {
            continue;
        }
        let starts: Vec<usize> = usable.iter().map(|&i| reference.starts[i]).collect();
        // as many columns as before: the same columns, squeezed or stretched
        if cols.len() == usable.len() {
            return adopt(cols, usable, reference);
        }
        // else the nearest start, as they stand, then with the page's span
        // stretched onto the reference's (a page squeezed as a whole)
        let direct: Vec<usize> = cols.iter().map(|&c| usable[nearest(&starts, c)]).collect();
        if increasing(&direct) {
            return adopt(cols, direct, reference);
        }
        if let (Some(&c0), Some(&c1), Some(&r0), Some(&r1)) =
            (cols.first(), cols.last(), starts.first(), starts.last())
        {
            if c1 > c0 && r1 > r0 {
                let scaled: Vec<usize> = cols
                    .iter()
                    .map(|&c| usable[nearest(&starts, r0 + (c - c0) * (r1 - r0) / (c1 - c0))])
                    .collect();
                if increasing(&scaled) {
                    return adopt(cols, scaled, reference);
                }
            }
        }
    }
    reference.starts.clear();
    reference.starts.extend_from_slice(cols);
    reference.recent = vec![false; cols.len()];
    (0..cols.len()).collect()
}

/// The columns of the previous page's last row whose cells filled them
/// (may go on), when a page opens with a segment of as many columns: the
/// tails of that row's wrapped cells, on a page of their own or before a
/// heading, set wherever pdftotext placed the page (`满意为扣分项` at 80
/// and `所提供满意` at 108, the cells they end at 47 and 80).
fn tails_only(cols: &[usize], reference: &Reference, carried: bool) -> Option<Vec<usize>> {
    // (a table far wider than the page's segment is not looked through:
    // the work per page stays in proportion to the page, as in
    // `continue_columns`)
    if !carried
        || reference.joined
        || reference.tail.len() != reference.starts.len()
        || reference.tail.len() > 4 * cols.len() + 16
    {
        return None;
    }
    let open: Vec<usize> = (0..reference.tail.len())
        .filter(|&i| reference.tail[i])
        .collect();
    (!open.is_empty() && open.len() == cols.len()).then_some(open)
}

fn increasing(index: &[usize]) -> bool {
    index.windows(2).all(|w| w[0] < w[1])
}

/// Takes `index` as the page's column indexes, noting the page's starts.
fn adopt(cols: &[usize], index: Vec<usize>, reference: &mut Reference) -> Vec<usize> {
    for (&c, &i) in cols.iter().zip(&index) {
        reference.starts[i] = c;
    }
    index
}

fn read_page<'a>(
    page: &[PLine<'a>],
    furniture: &[bool],
    reference: &mut Reference,
    grids: &mut Grids<'a>,
    rows: &mut Vec<Row<'a>>,
) {
    let frags: Vec<Vec<Frag<'a>>> = page
        .iter()
        .zip(furniture)
        .map(|(l, &f)| {
            if f {
                Vec::new()
            } else {
                fragments(l.text, reference.wide)
            }
        })
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
    // the last non-blank line before each line was a table line
    let mut last_table = false;
    let mut after: Vec<bool> = Vec::with_capacity(page.len());
    for f in &frags {
        after.push(last_table);
        if !f.is_empty() {
            last_table = f.len() >= 2 || left.is_some_and(|l| f[0].col > l + 1);
        }
    }
    let after_table = |k: usize| after[k];
    // the first cell of the last line of several fragments: a wrapped
    // first cell goes on no wider than that (its first line is its fullest)
    let mut cell_above = 0usize;
    for (k, f) in frags.iter().enumerate() {
        let c = left.is_some_and(|left| {
            f.len() >= 2
                || (f.len() == 1 && f[0].col > left + 1)
                || (f.len() == 1
                    && k > 0
                    && candidate[k - 1]
                    && frags[k - 1][0].col.abs_diff(f[0].col) <= 1
                    && width(f[0].text) <= first_widest
                    && width(f[0].text) <= cell_above + WRAP_SLACK)
                || (f.len() == 1 && is_level_label(f[0].text) && after_table(k))
        });
        if f.len() >= 2 {
            cell_above = width(f[0].text);
        }
        candidate.push(c);
    }
    // segments: runs of table lines (blank lines inside), between text lines
    let mut first = true; // nothing read on this page yet
    let mut start: Option<usize> = None;
    for k in 0..=page.len() {
        let text_line = k < page.len() && !frags[k].is_empty() && !candidate[k];
        // (a grid table's lines are blank here; its rows come read)
        let grid = if k < page.len() && frags[k].is_empty() {
            grids.starting_at(page[k].no)
        } else {
            None
        };
        if k == page.len() || text_line || grid.is_some() {
            if let Some(s) = start.take() {
                if !(first && reference.open) {
                    reference.starts.clear();
                    reference.recent.clear();
                }
                let carried = first && reference.open && s == 0;
                read_segment(
                    &page[s..k],
                    &frags[s..k],
                    &candidate[s..k],
                    reference,
                    carried,
                    rows,
                );
                first = false;
            }
            if text_line {
                rows.push(Row::text(page[k].no, page[k].text.trim()));
                reference.open = false;
                first = false;
            }
            if let Some(mut g) = grid {
                onto_columns_above(&mut g, rows);
                rows.extend(g);
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
    carried: bool,
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
    let index = match tails_only(&cols, reference, carried) {
        Some(open) => adopt(&cols, open, reference),
        None => continue_columns(&cols, reference),
    };
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
            split_at_columns(fr, &cols, reference.wide, &mut pieces);
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
    // (one blank line per 12 table lines: narrow columns wrap a cell over
    // ten lines and more)
    let blank_separated = blanks_between * 12 >= table_lines;
    // a line holding only a level label in the first column
    let lone_label = |l: &Placed<'_>| l.len() == 1 && l[0].0 == 0 && is_level_label(l[0].2);
    // where blank lines set rows apart, the rows within one block of lines
    // (cells centred vertically: a block can hold several rows)
    let bands = if blank_separated {
        bands(&placed)
    } else {
        Bands::default()
    };
    // merged level labels split off their line, to follow the row being built
    let mut pending: Vec<Row<'a>> = Vec::new();
    // a page that opens with a table line whose every piece stands under
    // text of the previous page's last table line that filled its column
    // goes on with that row (a row broken by the page)
    let mut current: Option<Building<'a>> = None;
    let tail = std::mem::take(&mut reference.tail);
    // the row being built went on over the page break
    let mut joined = false;
    if carried && !reference.joined && !frags.is_empty() && table[0] {
        // where blank lines set rows apart, every line up to the first
        // blank one (a cell centred in the next row would start elsewhere)
        let block = if blank_separated {
            frags
                .iter()
                .position(|f| f.is_empty())
                .unwrap_or(frags.len())
        } else {
            1
        };
        let goes_on = !placed[0].is_empty()
            && (0..block).all(|k| {
                table[k]
                    && placed[k]
                        .iter()
                        .all(|&(c, _, _)| tail.get(index[c]).copied().unwrap_or(false))
            });
        if goes_on {
            if let Some(last) = rows.pop() {
                if last.text {
                    rows.push(last);
                } else {
                    let mut cells: Vec<Option<(Cow<'a, str>, u32)>> = last
                        .cells
                        .into_iter()
                        .map(|c| (!c.text.is_empty()).then_some((c.text, c.line)))
                        .collect();
                    cells.resize(ncols.max(cells.len()), None);
                    current = Some(Building {
                        line: last.line,
                        cells,
                    });
                    joined = true;
                }
            }
        }
    }
    // pass 2: lines into rows
    let first_row = rows.len();
    let mut above: Option<usize> = None;
    for (k, line) in placed.iter().enumerate() {
        let no = page[k].no;
        if frags[k].is_empty() {
            // a blank line (or page furniture) ends a row
            if let Some(b) = current.take() {
                rows.push(b.finish());
            }
            rows.append(&mut pending);
            above = None;
            continue;
        }
        if !table[k] {
            if let Some(b) = current.take() {
                rows.push(b.finish());
            }
            rows.append(&mut pending);
            rows.push(Row::text(no, page[k].text.trim()));
            above = None;
            continue;
        }
        // where blank lines set rows apart, the lines between two blank
        // lines are one row (cells centred vertically stand on any of its
        // lines), a merged level cell's lone label aside; else a line
        // continues the row above when every piece stands under a piece of
        // the line above that filled its column (a wrapped cell)
        let off = bands.off.get(k).copied().flatten();
        if off.is_some() && line.len() == 1 {
            // the label alone on its line: the row goes on around it
            if bands.starts(k) {
                if let Some(b) = current.take() {
                    rows.push(b.finish());
                }
                rows.append(&mut pending);
            }
            let lone = label_row(no, index[line[0].0], line[0].2);
            if off == Some(true) {
                rows.push(lone);
            } else {
                pending.push(lone);
            }
            continue;
        }
        let continues = current.is_some()
            && (k == 0
                || above.is_some_and(|a| {
                    if blank_separated {
                        return !bands.starts(k) && !lone_label(line) && !lone_label(&placed[a]);
                    }
                    // both lines are ordered by column: walk them together
                    let mut up = placed[a].iter().peekable();
                    line.iter().all(|&(c, _, _)| {
                        while up.next_if(|&&(pc, _, _)| pc < c).is_some() {}
                        up.peek().is_some_and(|&&(pc, pos, pt)| {
                            pc == c && fills(pos, pt, cols.get(c + 1), widest[c], reference.wide)
                        })
                    })
                }));
        if !continues {
            if let Some(b) = current.take() {
                rows.push(b.finish());
            }
            rows.append(&mut pending);
            joined = false;
            current = Some(Building {
                line: no,
                cells: vec![None; ncols],
            });
        }
        if let Some(b) = current.as_mut() {
            // both lines are ordered by column: walk them together
            let mut up = above
                .map_or(&[][..], |a| placed[a].as_slice())
                .iter()
                .peekable();
            // a merged cell's level label on a line of the row that is not
            // its anchor: a row of its own, before or after this one
            let line = match (off, line.split_first()) {
                (Some(before), Some((&(c, _, t), rest))) => {
                    let lone = label_row(no, index[c], t);
                    if before {
                        rows.push(lone);
                    } else {
                        pending.push(lone);
                    }
                    rest
                }
                _ => line.as_slice(),
            };
            for &(c, _, t) in line {
                // the cell's text on the line above, if it filled its column
                while up.next_if(|&&(pc, _, _)| pc < c).is_some() {}
                let broken = up.peek().is_some_and(|&&(pc, pos, pt)| {
                    pc == c
                        && !pt.contains(' ')
                        && fills(pos, pt, cols.get(c + 1), widest[c], reference.wide)
                });
                b.add(index[c], t, no, broken);
            }
        }
        above = Some(k);
    }
    if let Some(b) = current.take() {
        rows.push(b.finish());
    }
    rows.append(&mut pending);
    if let Some(&margin) = index.first() {
        if place_merged_labels(&mut rows[first_row..], margin) {
            let tail = rows.split_off(first_row);
            rows.extend(tail.into_iter().filter(|r| !r.cells.is_empty()));
        }
    }
    reference.open = true;
    reference.joined = joined;
    reference.tail = vec![false; ncols];
    if let Some(last) = placed.iter().rev().find(|l| !l.is_empty()) {
        for &(c, pos, t) in last {
            reference.tail[index[c]] = fills(pos, t, cols.get(c + 1), widest[c], reference.wide);
        }
    }
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

/// The rows within the blocks of lines between blank lines, where cells are
/// centred vertically (see [`bands`]).
#[derive(Default)]
struct Bands {
    /// Per line: it starts a row though no blank line stands before it.
    start: Vec<bool>,
    /// Per line: its first piece is a merged cell's level label on a line
    /// other than its row's anchor; `true` when the line stands above the
    /// anchor (the label goes before the row), `false` below it.
    off: Vec<Option<bool>>,
}

impl Bands {
    fn starts(&self, k: usize) -> bool {
        self.start.get(k).copied().unwrap_or(false)
    }
}

/// A row's anchor line: the line holding its short cells, a row number in
/// the first column or a second-level label (with other cells beside it).
/// A cell centred vertically puts its one line there, a wrapped cell its
/// lines around it.
fn is_anchor(l: &Placed<'_>) -> bool {
    l.len() >= 2
        && ((l[0].0 == 0 && text::is_small_int(l[0].2))
            || l.iter()
                .any(|&(_, _, t)| labels::is_level2(&text::label(t))))
}

/// Where blank lines set rows apart, a block between two blank lines
/// normally holds one row; but when pdftotext sets no blank line between
/// two rows (a merged cell's label stands on the line between them) the
/// block holds two or more, each around its anchor line ([`is_anchor`]).
/// When the block's first anchor has lines above it (cells centred
/// vertically), every other line goes to the nearer anchor — at equal
/// distance to the one whose nearer line shares more of its columns —;
/// else (cells at the top of their rows) a row runs from its anchor to
/// the next. A level label alone in the first column of the level labels
/// on a line other than its row's anchor is a merged cell's text, set
/// half-way down the rows it spans: it is marked to become a row of its
/// own ([`place_merged_labels`] gives it to the first row of its span).
fn bands(placed: &[Placed<'_>]) -> Bands {
    let n = placed.len();
    let mut out = Bands {
        start: vec![false; n],
        off: vec![None; n],
    };
    // columns of line k shared with line j (both are ordered by column:
    // walked together)
    let shared = |k: usize, j: usize| {
        let mut other = placed[j].iter().peekable();
        placed[k]
            .iter()
            .filter(|&&(c, _, _)| {
                while other.next_if(|&&(pc, _, _)| pc < c).is_some() {}
                other.peek().is_some_and(|&&(pc, _, _)| pc == c)
            })
            .count()
    };
    let mut anchors: Vec<usize> = Vec::new();
    let mut s = 0;
    while s < n {
        if placed[s].is_empty() {
            s += 1;
            continue;
        }
        let mut e = s;
        while e < n && !placed[e].is_empty() {
            e += 1;
        }
        anchors.clear();
        anchors.extend((s..e).filter(|&k| is_anchor(&placed[k])));
        let centred = anchors.first().is_some_and(|&a| a > s);
        // the anchor of each line's row
        let mut owner = anchors.first().copied();
        let mut next = 1;
        for k in s..e {
            if let (Some(a), Some(&b)) = (owner, anchors.get(next)) {
                let to_next = if k >= b {
                    true
                } else if !centred || k <= a {
                    false
                } else if k - a != b - k {
                    k - a > b - k
                } else {
                    shared(k, k + 1) > shared(k, k - 1)
                };
                if to_next {
                    owner = Some(b);
                    next += 1;
                    out.start[k] = true;
                }
            }
            let first = placed.get(k).and_then(|l| l.first());
            if let (Some(a), Some(&(_, _, t))) = (owner, first) {
                let l = text::label(t);
                if k != a && labels::is_level1(&l) && !labels::is_level2(&l) {
                    out.off[k] = Some(k < a);
                }
            }
        }
        s = e;
    }
    out
}

/// A row of one level label in column `col` (a merged cell's text).
fn label_row<'a>(line: u32, col: usize, t: &'a str) -> Row<'a> {
    let mut cells = vec![
        Cell {
            text: Cow::Borrowed(""),
            line,
        };
        col + 1
    ];
    cells[col].text = Cow::Borrowed(t);
    Row::table(line, cells)
}

/// Whether a fragment is a level label (一级/二级指标) of the framework.
fn is_level_label(s: &str) -> bool {
    let l = text::label(s);
    labels::is_level(&l)
}

/// A level label alone on a row, in the first column, between rows whose
/// first cell is empty: a merged cell centred over the rows it spans
/// (pdftotext sets its text half-way down). Its label goes to the first row
/// of its span — as many rows above it as there are below it, up to the
/// next row with a first cell — and the lone row is emptied (the caller
/// drops it); the assembler carries the level down to the others.
///
/// The labels' column is the first column that holds a first-level label
/// (a row-number column may stand before it), else the first column.
///
/// A table's first rows must carry a first level: where the rows right
/// after an indicator header have no first-level label and the next row
/// has one, that label is a merged cell's, set on a lower row of its span
/// (`数量指标` row, then `产出指标 | 质量指标`): it goes to the first row.
fn place_merged_labels(rows: &mut [Row<'_>], margin: usize) -> bool {
    let level1 = |t: &str| {
        let l = text::label(t);
        labels::is_level1(&l) && !labels::is_level2(&l)
    };
    let margin = rows
        .iter()
        .filter(|r| !r.text)
        .filter_map(|r| r.cells.iter().position(|c| level1(&c.text)))
        .min()
        .unwrap_or(margin)
        .max(margin);
    let mut moved = false;
    let lone = |r: &Row<'_>| {
        !r.text
            && r.cells.get(margin).is_some_and(|c| is_level_label(&c.text))
            && r.cells.iter().filter(|c| !c.text.trim().is_empty()).count() == 1
    };
    // (a header's rows are never open: a label goes to a data row)
    let open = |r: &Row<'_>| {
        !r.text
            && r.cells
                .get(margin)
                .is_some_and(|c| c.text.trim().is_empty())
            && !is_header_row(r)
    };
    // rows below each lone row, up to the next row with a first cell
    let mut below = vec![0usize; rows.len()];
    let mut run = 0usize;
    for i in (0..rows.len()).rev() {
        if lone(&rows[i]) {
            below[i] = run;
        } else if open(&rows[i]) {
            run += 1;
        } else {
            run = 0;
        }
    }
    // the open rows above, in order, since the last row with a first cell
    let mut above: Vec<usize> = Vec::new();
    for i in 0..rows.len() {
        if lone(&rows[i]) {
            let n = if below[i] == 0 {
                above.len()
            } else {
                above.len().min(below[i])
            };
            let target = if n > 0 {
                Some(above[above.len() - n])
            } else if below[i] > 0 {
                (i + 1..rows.len()).find(|&j| open(&rows[j]))
            } else {
                None
            };
            if let Some(t) = target {
                let cell = std::mem::replace(
                    &mut rows[i].cells[margin],
                    Cell {
                        text: Cow::Borrowed(""),
                        line: 0,
                    },
                );
                rows[t].cells[margin] = cell;
                rows[i].cells.clear();
                above.clear();
                moved = true;
            }
        } else if open(&rows[i]) {
            above.push(i);
        } else {
            above.clear();
        }
    }
    // the rows right after a header, up to the first with a first level
    let mut i = 0;
    while i < rows.len() {
        if rows[i].text || !is_header_row(&rows[i]) {
            i += 1;
            continue;
        }
        let first = i
            + 1
            + rows[i + 1..]
                .iter()
                .take_while(|r| !r.text && is_header_row(r))
                .count();
        let mut j = first;
        while j < rows.len() && open(&rows[j]) {
            j += 1;
        }
        let labelled = rows
            .get(j)
            .is_some_and(|r| !r.text && r.cells.get(margin).is_some_and(|c| level1(&c.text)));
        if j > first && labelled {
            let cell = std::mem::replace(
                &mut rows[j].cells[margin],
                Cell {
                    text: Cow::Borrowed(""),
                    line: 0,
                },
            );
            rows[first].cells[margin] = cell;
            moved = true;
        }
        i = j.max(i + 1);
    }
    moved
}

/// How much wider than a first cell's first line the next line of that
/// cell may be (a line broken before a word that did not fit).
const WRAP_SLACK: usize = 2;

/// How many of a segment's last table lines are looked at for the columns
/// the next page continues.
const RECENT_LINES: usize = 5;

/// How much narrower than the widest text of its column a line's text can
/// be and still have filled the column (a wrapped cell): two CJK characters,
/// or a short number that did not fit.
const FILL_SLACK: usize = 4;

/// Whether text at `pos` filled its column (and so may wrap onto the next
/// line): it is about as wide as the widest text of the column, and ends
/// close to where the next column starts.
fn fills(pos: usize, text: &str, next: Option<&usize>, widest: usize, wide: bool) -> bool {
    let end = pos + text.chars().map(|c| step(c, wide)).sum::<usize>();
    width(text) + FILL_SLACK >= widest && next.map_or(true, |&n| end + FULL_GAP >= n)
}

/// How far before the next column a full cell's text may end.
const FULL_GAP: usize = 6;

/// True when a column starts within [`CLUSTER`] characters of `col`.
fn starts_column(cols: &[usize], col: usize) -> bool {
    let i = cols.partition_point(|&x| x + CLUSTER < col);
    cols.get(i).is_some_and(|&x| x <= col + CLUSTER)
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
mod tests {
    use super::*;

    fn join(lines: &[String]) -> String {
        lines.join("\n")
    }

    /// A line with each text starting at the given character column, as
    /// pdftotext sets them (columns count characters, not display width).
    fn at(cells: &[(usize, &str)]) -> String {
        let mut s = String::new();
        let mut n = 0;
        for &(col, text) in cells {
            while n < col {
                s.push(' ');
                n += 1;
            }
            s.push_str(text);
            n += text.chars().count();
        }
        s
    }

    fn line(s: &str) -> String {
        s.to_string()
    }

    /// (line, running text?, cells without the trailing empty ones)
    fn rows(text: &str) -> Vec<(u32, bool, Vec<String>)> {
        read(text)
            .into_iter()
            .map(|r| {
                let mut c: Vec<String> = r.texts().iter().map(|t| t.to_string()).collect();
                while c.len() > 1 && c.last().is_some_and(|t| t.is_empty()) {
                    c.pop();
                }
                (r.line, r.text, c)
            })
            .collect()
    }

    fn cells(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_grid_table_among_space_aligned_text_is_read_as_grid_rows() {
        // pandoc -t plain: a simple table, then a grid table (cells of
        // several lines, `+===+` under its header), then running text
        let text = [
            "  ----------  ----------  ------",
            "  一级指标    二级指标    指标值",
            "  ----------  ----------  ------",
            "  产出指标    数量指标    ≥10人",
            "  ----------  ----------  ------",
            "",
            "+----------+--------+--------+",
            "| 一级     | 二级   | 指标值 |",
            "| 指标     | 指标   |        |",
            "+==========+========+========+",
            "| 效益指标 | 社会效 | =100%  |",
            "|          | 益指标 |        |",
            "+----------+--------+--------+",
            "| 满意度   |        | ≥90%   |",
            "+----------+--------+--------+",
            "",
            "第二部分",
        ]
        .join("\n");
        assert_eq!(
            rows(&text),
            vec![
                (2, false, cells(&["一级指标", "二级指标", "指标值"])),
                (4, false, cells(&["产出指标", "数量指标", "≥10人"])),
                (8, false, cells(&["一级指标", "二级指标", "指标值"])),
                (11, false, cells(&["效益指标", "社会效益指标", "=100%"])),
                (14, false, cells(&["满意度", "", "≥90%"])),
                (17, true, cells(&["第二部分"])),
            ]
        );
        // a `+---+` line without walled lines after it is not a table
        assert_eq!(
            rows("+------+\n\n甲    乙\n"),
            vec![
                (1, true, cells(&["+------+"])),
                (3, false, cells(&["甲", "乙"])),
            ]
        );
    }

    #[test]
    fn a_grid_table_under_a_table_takes_the_columns_its_rows_use() {
        let row = |line: u32, v: &[&'static str]| {
            Row::table(
                line,
                v.iter()
                    .map(|t| Cell {
                        text: Cow::Borrowed(*t),
                        line,
                    })
                    .collect(),
            )
        };
        // the rows above: text in columns 0, 1, 3 of four (the nearest
        // ones); the row before them uses column 2 too and is not counted
        let above = vec![
            Row::text(1, "标题"),
            row(2, &["绩效目标", "", "很长的目标", ""]),
            row(3, &["一级", "二级", "", "指标值"]),
            row(4, &["", "数量", "", "≥10人"]),
        ];
        let mut grid = vec![row(6, &["效益", "社会", "=100%"])];
        onto_columns_above(&mut grid, &above);
        assert_eq!(grid[0].texts(), vec!["效益", "社会", "", "=100%"]);
        // as many columns as the grid's cells: left as read
        let mut grid = vec![row(6, &["效益", "社会", "=1", "x"])];
        onto_columns_above(&mut grid, &above);
        assert_eq!(grid[0].texts(), vec!["效益", "社会", "=1", "x"]);
        // text right above: nothing to take columns from
        let mut grid = vec![row(6, &["效益", "=1"])];
        onto_columns_above(&mut grid, &[Row::text(1, "标题")]);
        assert_eq!(grid[0].texts(), vec!["效益", "=1"]);
    }

    #[test]
    fn positions_are_characters_not_display_width() {
        // `产出指标` takes 4 columns, not 8: the next cell starts at 4 + 2
        let f = fragments("产出指标  数量指标 人数   ≥10 人", false);
        let got: Vec<(usize, &str)> = f.iter().map(|f| (f.col, f.text)).collect();
        assert_eq!(
            got,
            vec![(0, "产出指标"), (6, "数量指标 人数"), (16, "≥10 人")]
        );
        assert_eq!(width("产出指标"), 8);
        assert_eq!(width("≥10 人"), 6);
    }

    #[test]
    fn display_width_positions_when_the_lines_align_so() {
        // pandoc pads cells to a display width: under character counts the
        // second column starts at 6, 8 and 10; under display width at 12
        let text = "一级指标    二级指标    三级指标\n\n\
                    产出指标    数量指标    人数\n\n\
                    ab          质量指标    合格率\n\
                    ----------  ----------  ------\n";
        let lines: Vec<PLine<'_>> = plines(text)
            .into_iter()
            .filter(|l| !l.text.is_empty() || l.no == 6)
            .collect();
        assert!(display_aligned(&lines));
        assert_eq!(lines[3].text, "");
        let f = fragments(lines[2].text, true);
        assert_eq!((f[1].col, f[1].text), (12, "质量指标"));
        assert_eq!(fragments(lines[2].text, false)[1].col, 12);
        assert_eq!(fragments(lines[1].text, false)[1].col, 8);
        // pdftotext pads to characters: they stay
        let pdf =
            "一级指标  二级指标  三级指标\n产出指标  数量指标  人数\nab    质量指标  合格率\n";
        assert!(!display_aligned(&plines(pdf)));
        assert_eq!(
            rows(text)
                .into_iter()
                .filter(|r| !r.1)
                .map(|r| r.2)
                .collect::<Vec<_>>(),
            vec![
                cells(&["一级指标", "二级指标", "三级指标"]),
                cells(&["产出指标", "数量指标", "人数"]),
                cells(&["ab", "质量指标", "合格率"]),
            ]
        );
    }

    #[test]
    fn centred_rows_with_no_blank_line_between_are_cut_at_their_anchors() {
        // numbered rows, cells centred vertically: each row's short cells
        // (number, level, value) on its middle line, wrapped cells around
        // it; the merged 效益指标 cell's label shares the line between rows
        // 19 and 20 with row 20's first lines, so no blank line parts them
        let text = join(&[
            at(&[
                (0, "序号"),
                (5, "一级指标"),
                (14, "二级指标"),
                (26, "三级指标"),
                (38, "指标值"),
            ]),
            line(""),
            at(&[(26, "月人均基础")]),
            at(&[
                (0, "19"),
                (14, "经济效益指标"),
                (26, "养老金不低"),
                (38, "≥ 116 元"),
            ]),
            at(&[(26, "于平均水平")]),
            at(&[(5, "效益指标"), (26, "城乡居民")]),
            at(&[
                (0, "20"),
                (14, "社会效益指标"),
                (26, "政策知晓"),
                (38, "≥ 95 %"),
            ]),
            at(&[(26, "率")]),
            line(""),
            at(&[
                (0, "21"),
                (14, "生态效益指标"),
                (26, "社会保障"),
                (38, "提高"),
            ]),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (
                    1,
                    false,
                    cells(&["序号", "一级指标", "二级指标", "三级指标", "指标值"])
                ),
                // the label goes to the first row of its span
                (
                    3,
                    false,
                    cells(&[
                        "19",
                        "效益指标",
                        "经济效益指标",
                        "月人均基础养老金不低于平均水平",
                        "≥ 116 元"
                    ])
                ),
                (
                    6,
                    false,
                    cells(&["20", "", "社会效益指标", "城乡居民政策知晓率", "≥ 95 %"])
                ),
                (
                    10,
                    false,
                    cells(&["21", "", "生态效益指标", "社会保障", "提高"])
                ),
            ]
        );
    }

    #[test]
    fn a_line_half_way_between_two_anchors_goes_with_the_columns_it_shares() {
        // rows 1 and 2 in one block; the line between their anchors is as
        // far from each: it goes to the row whose nearer line holds text in
        // its column (row 2's 依据, centred over two lines)
        let text = join(&[
            at(&[
                (0, "序号"),
                (5, "二级指标"),
                (17, "三级指标"),
                (30, "指标值"),
                (40, "依据"),
            ]),
            line(""),
            at(&[(17, "参保人数")]),
            at(&[(0, "1"), (5, "数量指标"), (17, "覆盖率"), (30, "≥95%")]),
            at(&[(40, "按照政策")]),
            at(&[
                (0, "2"),
                (5, "质量指标"),
                (17, "到位率"),
                (30, "100%"),
                (40, "要求"),
            ]),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (
                    1,
                    false,
                    cells(&["序号", "二级指标", "三级指标", "指标值", "依据"])
                ),
                (
                    3,
                    false,
                    cells(&["1", "数量指标", "参保人数覆盖率", "≥95%"])
                ),
                (
                    5,
                    false,
                    cells(&["2", "质量指标", "到位率", "100%", "按照政策要求"])
                ),
            ]
        );
    }

    #[test]
    fn a_first_level_label_below_the_first_rows_of_a_table_goes_to_the_first() {
        // the merged 产出指标 cell spans the 数量指标 and 质量指标 rows;
        // pdftotext set its label on the second row's line, after a first
        // row with no first level: a table's first row must have one
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (12, "二级指标"),
                (24, "三级指标"),
                (40, "指标值"),
            ]),
            line(""),
            at(&[(24, "保险费 2.82")]),
            at(&[(12, "数量指标"), (40, "2.82 万元")]),
            at(&[(24, "万元")]),
            line(""),
            at(&[
                (0, "产出指标"),
                (12, "质量指标"),
                (24, "应保尽保"),
                (40, "应保尽保"),
            ]),
            line(""),
            at(&[
                (0, "效益指标"),
                (12, "社会效益指标"),
                (24, "就业"),
                (40, "提高"),
            ]),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (
                    1,
                    false,
                    cells(&["一级指标", "二级指标", "三级指标", "指标值"])
                ),
                (
                    3,
                    false,
                    cells(&["产出指标", "数量指标", "保险费 2.82 万元", "2.82 万元"])
                ),
                (7, false, cells(&["", "质量指标", "应保尽保", "应保尽保"])),
                (
                    9,
                    false,
                    cells(&["效益指标", "社会效益指标", "就业", "提高"])
                ),
            ]
        );
    }

    #[test]
    fn header_labels_centred_over_both_header_rows_go_to_the_first() {
        // 一级指标 and 二级指标 span the header's two rows; pdftotext set
        // them beside 符号 | 值 | 单位, on the second row's line
        let text = join(&[
            at(&[(0, "12"), (20, "三级指标"), (30, "指标值"), (50, "依据")]),
            line(""),
            at(&[(5, "一级指标"), (12, "二级指标")]),
            at(&[(0, "13"), (30, "符号"), (36, "值"), (42, "单位")]),
            line(""),
            at(&[
                (0, "14"),
                (5, "产出指标"),
                (12, "数量指标"),
                (20, "人数"),
                (30, "≥"),
                (36, "95"),
                (42, "%"),
                (50, "计划"),
            ]),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (
                    1,
                    false,
                    cells(&[
                        "12",
                        "一级指标",
                        "二级指标",
                        "三级指标",
                        "指标值",
                        "",
                        "",
                        "依据"
                    ])
                ),
                (3, false, cells(&["13", "", "", "", "符号", "值", "单位"])),
                (
                    6,
                    false,
                    cells(&["14", "产出指标", "数量指标", "人数", "≥", "95", "%", "计划"])
                ),
            ]
        );
    }

    #[test]
    fn columns_come_from_the_lines_of_a_segment() {
        let text = join(&[
            at(&[(0, "一级指标"), (12, "二级指标"), (26, "指标值")]),
            at(&[(0, "产出指标"), (12, "数量指标"), (26, "≥10 人")]),
            at(&[(12, "质量指标"), (26, "100%")]),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (1, false, cells(&["一级指标", "二级指标", "指标值"])),
                (2, false, cells(&["产出指标", "数量指标", "≥10 人"])),
                // the missing first cell stays empty, in its place
                (3, false, cells(&["", "质量指标", "100%"])),
            ]
        );
    }

    #[test]
    fn cells_centred_in_their_row_and_a_merged_level_cell() {
        // cells centred vertically: a row's short cells stand on its middle
        // line, and the merged 产出指标 cell half-way down the rows it spans,
        // between them; blank lines set the rows apart
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (12, "二级指标"),
                (24, "三级指标"),
                (40, "指标值"),
            ]),
            line(""),
            at(&[(24, "城乡居民基本养老")]),
            at(&[(12, "数量指标"), (24, "保险参保人数"), (40, "≥95%")]),
            at(&[(24, "（万人）")]),
            line(""),
            at(&[(12, "质量指标"), (24, "资金到位率"), (40, "100%")]),
            at(&[(0, "产出指标")]),
            at(&[(12, "时效指标"), (24, "发放及时率"), (40, "100%")]),
            line(""),
            at(&[(12, "成本指标"), (24, "人均标准"), (40, "≤36 元")]),
            line(""),
            at(&[
                (0, "效益指标"),
                (12, "社会效益指标"),
                (24, "就业"),
                (40, "提高"),
            ]),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (
                    1,
                    false,
                    cells(&["一级指标", "二级指标", "三级指标", "指标值"])
                ),
                (
                    3,
                    false,
                    cells(&[
                        "产出指标",
                        "数量指标",
                        "城乡居民基本养老保险参保人数（万人）",
                        "≥95%"
                    ])
                ),
                (7, false, cells(&["", "质量指标", "资金到位率", "100%"])),
                (9, false, cells(&["", "时效指标", "发放及时率", "100%"])),
                (11, false, cells(&["", "成本指标", "人均标准", "≤36 元"])),
                (
                    13,
                    false,
                    cells(&["效益指标", "社会效益指标", "就业", "提高"])
                ),
            ]
        );
    }

    #[test]
    fn a_single_space_splits_cells_where_a_column_starts() {
        // `资金到位率 征缴及时` is two cells: the description column starts there
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (12, "三级指标"),
                (20, "绩效指标描述"),
                (34, "指标值"),
            ]),
            at(&[(0, "产出指标"), (12, "资金到位率 征缴及时"), (34, "100%")]),
            at(&[(0, "效益指标"), (12, "人数 30 人"), (34, "≥30 人")]),
        ]);
        let r = rows(&text);
        assert_eq!(
            r[1].2,
            cells(&["产出指标", "资金到位率", "征缴及时", "100%"])
        );
        // a number and the word after it stay together (`30 人`), though
        // the description column starts two characters after it
        assert_eq!(r[2].2, cells(&["效益指标", "人数 30 人", "", "≥30 人"]));
    }

    #[test]
    fn a_single_space_between_han_characters_splits_further_left() {
        // pdftotext counts a Han character as one column, so after a long
        // Han cell the next one can stand up to four characters left of its
        // column; a cell that ends short of a column start is split too
        let text = join(&[
            at(&[(0, "评分标准"), (11, "符号"), (20, "值")]),
            line(""),
            at(&[(0, "按要求发放退 文字描"), (20, "x")]),
            at(&[(0, "休人员待遇为 述")]),
            line(""),
            at(&[(0, "参保达 95%以 ≥"), (20, "95")]),
            line(""),
            // five to the left is too far: the space stays in the cell
            at(&[(0, "按要求发 放退"), (20, "y")]),
        ]);
        let r = rows(&text);
        assert_eq!(
            r[1].2,
            cells(&["按要求发放退休人员待遇为", "文字描述", "x"])
        );
        assert_eq!(r[2].2, cells(&["参保达 95%以", "≥", "95"]));
        assert_eq!(r[3].2, cells(&["按要求发 放退", "", "y"]));
    }

    #[test]
    fn a_header_label_left_of_its_column_moves_onto_it() {
        // `评（扣）分` + `标准` start at 22, the cells under them at 29:
        // too far apart to be one column, and nothing else uses either
        let t = [
            at(&[
                (0, "一级指标"),
                (10, "二级指标"),
                (22, "评（扣）分"),
                (40, "指标值"),
            ]),
            at(&[(22, "标准")]),
            String::new(),
            at(&[
                (0, "产出指标"),
                (10, "数量指标"),
                (29, "达标为优"),
                (40, "≥95%"),
            ]),
            at(&[(29, "未达扣分")]),
            String::new(),
            at(&[(10, "质量指标"), (29, "合格为优"), (40, "100%")]),
        ]
        .join("\n");
        let r = rows(&t);
        assert_eq!(
            r[0].2,
            cells(&["一级指标", "二级指标", "", "评（扣）分标准", "指标值"])
        );
        assert_eq!(
            r[1].2,
            cells(&["产出指标", "数量指标", "", "达标为优未达扣分", "≥95%"])
        );
        assert_eq!(r[2].2, cells(&["", "质量指标", "", "合格为优", "100%"]));
    }

    #[test]
    fn a_row_ends_at_its_last_cell_with_text() {
        // pdftotext set the 二级指标 of a row under the 一级指标 column (the
        // merged 一级指标 cell is not repeated on the new page): with no
        // trailing empty cells the row is shorter than the header, which
        // tells the assembler that it stands one column left
        let t = [
            "1、示例项目绩效目标表".to_string(),
            String::new(),
            at(&[
                (0, "一级指标"),
                (10, "二级指标"),
                (20, "三级指标"),
                (30, "指标值"),
                (40, "备注"),
            ]),
            String::new(),
            at(&[
                (0, "产出指标"),
                (10, "数量指标"),
                (20, "人数"),
                (30, "10人"),
                (40, "无"),
            ]),
            String::new(),
            at(&[(0, "质量指标"), (10, "合格率"), (20, "100%")]),
        ]
        .join("\n");
        let raw = read(&t);
        let last = raw.last().unwrap();
        assert_eq!(last.texts(), vec!["质量指标", "合格率", "100%"]);
        let doc = crate::Document::parse(&t).unwrap();
        assert_eq!(doc.source.layout.as_str(), "space-aligned");
        let i = &doc.projects[0].indicators;
        assert_eq!(i.len(), 2);
        assert_eq!(
            (
                i[1].level1.as_deref(),
                i[1].level2.as_deref(),
                i[1].level3.as_deref()
            ),
            (Some("产出指标"), Some("质量指标"), Some("合格率"))
        );
        assert_eq!(i[1].value.raw, "100%");
    }

    #[test]
    fn a_word_broken_at_the_column_edge_is_joined_without_a_space() {
        let text = join(&[
            at(&[(0, "序号"), (6, "项目编码及名称:"), (30, "年度")]),
            at(&[(6, "[13081122P00800810"), (30, "2024")]),
            at(&[(6, "001Y]城乡医保")]),
            line(""),
            at(&[(0, "1"), (6, "目标 1"), (30, "x")]),
        ]);
        let r = rows(&text);
        assert_eq!(
            r[0].2,
            cells(&[
                "序号",
                "项目编码及名称: [13081122P00800810001Y]城乡医保",
                "年度 2024"
            ])
        );
    }

    #[test]
    fn a_page_of_tails_alone_goes_on_with_the_open_cells() {
        // page 2 holds only the tails of the two cells that filled their
        // columns, set far right of them (pdftotext placed the page anew),
        // then a heading: the tails go, in order, to those cells
        let text = join(&[
            at(&[(0, "栏次"), (6, "一级指标"), (16, "评分标准"), (26, "依据")]),
            line(""),
            at(&[
                (0, "21"),
                (6, "产出指标"),
                (16, "满意度达 95%"),
                (26, "大部分参保群众对"),
            ]),
            at(&[(16, "以上为优，不"), (26, "社会保险经办机构")]),
            at(&[(0, "\u{c}"), (40, "满意为扣分项"), (60, "所提供满意")]),
            at(&[(0, "2、 示例项目绩效目标表")]),
        ]);
        let r = rows(&text);
        assert_eq!(r.len(), 3);
        assert_eq!(
            r[1].2,
            cells(&[
                "21",
                "产出指标",
                "满意度达 95% 以上为优，不满意为扣分项",
                "大部分参保群众对社会保险经办机构所提供满意"
            ])
        );
        assert_eq!(r[2], (6, true, cells(&["2、 示例项目绩效目标表"])));
    }

    #[test]
    fn a_row_broken_by_a_page_goes_on_after_the_break() {
        // the last line of page 1 has full cells in the last two columns;
        // page 2 opens with their tails, set a little further left
        let text = join(&[
            at(&[(0, "栏次"), (6, "一级指标"), (16, "评分标准"), (26, "依据")]),
            line(""),
            at(&[
                (0, "21"),
                (6, "产出指标"),
                (16, "满意度达 95%"),
                (26, "大部分参保群众对"),
            ]),
            at(&[(16, "以上为优，不"), (26, "社会保险经办机构")]),
            at(&[(0, "\u{c}"), (14, "满意为扣分项"), (24, "所提供满意")]),
            line(""),
            at(&[(0, "22"), (5, "效益指标"), (14, "按时发放"), (24, "政策")]),
            // a new row after the next break: its first cell is not a tail
            at(&[
                (0, "\u{c}23"),
                (5, "满意度指标"),
                (14, "满意"),
                (24, "调查"),
            ]),
        ]);
        let r = rows(&text);
        assert_eq!(r.len(), 4);
        assert_eq!(
            r[1],
            (
                3,
                false,
                cells(&[
                    "21",
                    "产出指标",
                    "满意度达 95% 以上为优，不满意为扣分项",
                    "大部分参保群众对社会保险经办机构所提供满意"
                ])
            )
        );
        assert_eq!(r[3].2, cells(&["23", "满意度指标", "满意", "调查"]));
    }

    #[test]
    fn near_starts_never_on_one_line_are_one_column() {
        // the scoring column starts at 20 in one row and at 23 in the next:
        // no line starts text at both, so they are one column
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (10, "三级指标"),
                (20, "评分标准"),
                (32, "依据"),
            ]),
            line(""),
            at(&[
                (0, "产出指标"),
                (10, "人数"),
                (23, "达标为优"),
                (32, "文件"),
            ]),
            line(""),
            at(&[
                (0, "效益指标"),
                (10, "效益"),
                (20, "提高为优"),
                (32, "规定"),
            ]),
        ]);
        let r = rows(&text);
        assert_eq!(r[1].2, cells(&["产出指标", "人数", "达标为优", "文件"]));
        assert_eq!(r[2].2, cells(&["效益指标", "效益", "提高为优", "规定"]));
    }

    #[test]
    fn text_running_past_a_column_start_is_two_cells() {
        // pdftotext set the description eight characters left of its
        // column (32): the text runs on past 32, so the last space between
        // Han characters before it parts the cells; a value's comparator
        // after Han text likewise
        let text = join(&[
            at(&[
                (0, "二级指标"),
                (12, "三级指标"),
                (32, "绩效指标描述"),
                (52, "指标值"),
            ]),
            line(""),
            at(&[
                (0, "数量指标"),
                (12, "事业退休人员物业补贴金 行政退休人员物业补贴金额"),
                (52, "140 万元"),
            ]),
            at(&[(12, "额")]),
            line(""),
            at(&[
                (0, "满意度"),
                (32, "受补助职工数满意和比较满意占总人 >=90%"),
            ]),
            line(""),
            // a cell with spaces of its own that stays short of the next
            // column is left alone
            at(&[
                (0, "成本指标"),
                (12, "2025 年 补贴 标准"),
                (32, "标准"),
                (52, "≥5 元"),
            ]),
        ]);
        let r = rows(&text);
        assert_eq!(
            r[1].2,
            cells(&[
                "数量指标",
                "事业退休人员物业补贴金额",
                "行政退休人员物业补贴金额",
                "140 万元"
            ])
        );
        assert_eq!(
            r[2].2,
            cells(&["满意度", "", "受补助职工数满意和比较满意占总人", ">=90%"])
        );
        assert_eq!(
            r[3].2,
            cells(&["成本指标", "2025 年 补贴 标准", "标准", "≥5 元"])
        );
    }

    #[test]
    fn a_heading_under_a_wrapped_first_cell_is_running_text() {
        // `标` goes on with `满意度指`; the heading after it is wider than
        // the first cell's first line, so it is not part of that cell
        let text = join(&[
            at(&[(0, "满意度指"), (8, "服务对象满意度指标"), (30, ">=90%")]),
            at(&[(0, "标")]),
            line("六、政府采购预算情况"),
        ]);
        let r = rows(&text);
        assert_eq!(
            r[0].2,
            cells(&["满意度指标", "服务对象满意度指标", ">=90%"])
        );
        assert_eq!(r[1], (3, true, cells(&["六、政府采购预算情况"])));
    }

    #[test]
    fn tall_rows_set_apart_by_blank_lines_are_one_row_each() {
        // one blank line per nine or ten table lines still parts the rows
        // (narrow columns wrap a cell over many lines); the short cells are
        // centred on a middle line of their row
        let mut lines = vec![at(&[(0, "栏次"), (6, "三级指标"), (20, "依据")]), line("")];
        for (no, name) in [("14", "人数"), ("15", "比率")] {
            for k in 0..9 {
                if k == 4 {
                    lines.push(at(&[(0, no), (6, name), (20, "按城乡居民养老")]));
                } else {
                    lines.push(at(&[(20, "按城乡居民养老")]));
                }
            }
            lines.push(line(""));
        }
        let r = rows(&join(&lines));
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].2[..2], cells(&["14", "人数"]));
        assert_eq!(r[1].2[2], "按城乡居民养老".repeat(9).as_str());
        assert_eq!(r[2].2[..2], cells(&["15", "比率"]));
    }

    #[test]
    fn wrapped_cells_continue_on_the_next_lines() {
        // rows set apart by blank lines: the lines between them are one row
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (12, "二级指标"),
                (24, "三级指标"),
                (32, "指标值"),
            ]),
            line(""),
            at(&[
                (0, "产出指标"),
                (12, "数量指标"),
                (24, "城乡居民基本"),
                (32, "≥95%"),
            ]),
            at(&[(24, "养老保险参保")]),
            at(&[(24, "人数")]),
            line(""),
            at(&[(12, "质量指标"), (24, "资金到位率"), (32, "100%")]),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (
                    1,
                    false,
                    cells(&["一级指标", "二级指标", "三级指标", "指标值"])
                ),
                (
                    3,
                    false,
                    cells(&[
                        "产出指标",
                        "数量指标",
                        "城乡居民基本养老保险参保人数",
                        "≥95%"
                    ])
                ),
                (7, false, cells(&["", "质量指标", "资金到位率", "100%"])),
            ]
        );
    }

    #[test]
    fn without_blank_lines_a_continuation_sits_under_a_full_cell() {
        // no blank lines: a line continues the row only under cells that
        // filled their column; `质量指标` under the short `数量指标` starts a row
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (12, "二级指标"),
                (24, "三级指标"),
                (32, "指标值"),
            ]),
            at(&[
                (0, "产出指标"),
                (12, "数量指标"),
                (24, "城乡居民基本"),
                (32, "≥95%"),
            ]),
            at(&[(24, "养老保险参保")]),
            at(&[(12, "质量指标"), (24, "资金到位率"), (32, "100%")]),
        ]);
        let r = rows(&text);
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].2[2], "城乡居民基本养老保险参保");
        assert_eq!(r[2].2, cells(&["", "质量指标", "资金到位率", "100%"]));
    }

    #[test]
    fn a_table_goes_on_after_a_page_break_with_shifted_columns() {
        // the header is on page 1; page 2 sets the same columns a few
        // characters further left (pdftotext places each page anew)
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (12, "二级指标"),
                (30, "三级指标"),
                (44, "指标值"),
            ]),
            at(&[
                (0, "产出指标"),
                (12, "数量指标"),
                (30, "人数"),
                (44, "≥10 人"),
            ]),
            line(""),
            at(&[
                (0, "\u{c}效益指标"),
                (11, "社会效益指标"),
                (27, "就业"),
                (40, "提高"),
            ]),
            line(""),
            at(&[
                (0, "满意度指标"),
                (11, "满意度指标"),
                (27, "满意度"),
                (40, "≥95%"),
            ]),
        ]);
        let r = rows(&text);
        assert_eq!(r.len(), 4);
        assert_eq!(
            r[2],
            (
                4,
                false,
                cells(&["效益指标", "社会效益指标", "就业", "提高"])
            )
        );
        assert_eq!(
            r[3].2,
            cells(&["满意度指标", "满意度指标", "满意度", "≥95%"])
        );
        // a page that starts with a heading starts a new table
        let text = join(&[
            at(&[
                (0, "一级指标"),
                (12, "二级指标"),
                (30, "三级指标"),
                (44, "指标值"),
            ]),
            line("\u{c}3. 示例绩效目标表"),
            at(&[(0, "项目编码"), (10, "P1"), (16, "项目名称"), (26, "示例")]),
        ]);
        let r = rows(&text);
        assert_eq!(r[2].2, cells(&["项目编码", "P1", "项目名称", "示例"]));
    }

    #[test]
    fn text_lines_headings_and_page_numbers() {
        let text = join(&[
            line("2. 示例项目绩效目标表"),
            line("单位：万元"),
            at(&[(0, "项目编码"), (10, "P1"), (16, "项目名称"), (26, "示例")]),
            line(""),
            at(&[(17, "- 3 -")]),
            line("\u{c}说明文字在页边开始，比任何首列单元格都宽得多。"),
        ]);
        assert_eq!(
            rows(&text),
            vec![
                (1, true, cells(&["2. 示例项目绩效目标表"])),
                (2, true, cells(&["单位：万元"])),
                (3, false, cells(&["项目编码", "P1", "项目名称", "示例"])),
                // `- 3 -` before the page break is dropped
                (
                    6,
                    true,
                    cells(&["说明文字在页边开始，比任何首列单元格都宽得多。"])
                ),
            ]
        );
    }

    #[test]
    fn a_wrapped_first_cell_is_not_a_heading() {
        let text = join(&[
            at(&[(0, "资金支出计划"), (10, "3 月底"), (20, "6 月底")]),
            line("（%）"),
            line(""),
            at(&[(10, "25%"), (20, "50%")]),
        ]);
        let r = rows(&text);
        assert_eq!(r[0].2, cells(&["资金支出计划（%）", "3 月底", "6 月底"]));
        assert_eq!(r[1].2, cells(&["", "25%", "50%"]));
    }

    #[test]
    fn line_numbers_match_the_shared_line_splitter() {
        let text = "a  b  c\r\n\u{c}d  e  f\rg\n\n  h  i\u{c}";
        let ours: Vec<(u32, &str)> = plines(text).iter().map(|l| (l.no, l.text)).collect();
        let shared: Vec<(u32, &str)> = super::super::row::lines(text)
            .iter()
            .map(|l| (l.no, l.text.trim_end_matches('\u{c}')))
            .collect();
        assert_eq!(ours, shared);
        assert!(plines(text)[1].page_break);
    }

    #[test]
    fn odd_input_reads_without_panicking() {
        for text in [
            "",
            "\u{c}",
            "\u{c}\u{c}\n\u{c}",
            "  ",
            "a\tb  c\u{3000}d",
            "  x\n    y\n  z  w\n\u{c}  q",
            "1\n\n2\n\u{c}3",
            "≥  ≥ ≥  ≥\n ≥ ≥  ≥",
            "a  b\n\u{c}a  b  c  d  e\n\u{c}  x",
        ] {
            let r = read(text);
            assert!(
                r.iter().all(|r| r.line >= 1 && !r.cells.is_empty()),
                "{text:?}"
            );
        }
    }
}
