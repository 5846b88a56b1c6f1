//! Reader for tables drawn with `|` between cells: Markdown pipe tables
//! (`pandoc -t gfm`, pymupdf4llm, markitdown, docling) and grid tables
//! (`pandoc -t plain` of tables with several paragraphs in a cell, psql,
//! tabulate).
//!
//! - A **table line** starts with `|` (leading spaces aside), or holds two
//!   bars or more (a pipe table written without its outer bars, `a | b |
//!   c`): its cells are the texts between the bars (a bar written `\|` is
//!   text).
//! - A **rule** (`+----+----+`, `|---|:--:|`, `+====+`) separates rows.
//! - In a **grid table** (its first line a `+---` rule) the table lines
//!   between two rules are one row: each line holds a line of every
//!   cell, joined column by column. In a **pipe table** (no `+` rule)
//!   every table line is a row of its own.
//! - A **line break inside a cell** written `<br>` is dropped (the text
//!   on both sides joined, as a wrapped line is).
//! - Every other non-blank line is running text, its Markdown marks
//!   removed: a heading's leading `#`s, `**` and `__` emphasis.
//! - Markdown's backslash escapes (`\[`, `\|`) are undone everywhere.
//! - An **HTML table** (`<table>` … `</table>`, which `pandoc -t gfm`
//!   writes for cells of several paragraphs) gives a row per `<tr>`, a
//!   cell per `<td>` / `<th>`; a `rowspan` leaves an empty cell in its
//!   column of the rows below, a `colspan` empty cells after it.
//! - What a tool's table detection breaks: a project heading set into the
//!   first cells of a row (whole, or as their last lines) is taken out
//!   and follows the row as running text; a first cell `18<br>效益指标`
//!   (a row number merged with the next column) is two cells.
//!
//! One pass over the lines; each line is split once.

use std::borrow::Cow;

use super::row::{Cell, Line, Row};
use super::text;

/// True when enough lines are table lines for the text to be read as
/// this layout: at least three lines that start with `|` and hold two
/// more bars (or, without the outer bars, hold three), and at least one
/// non-blank line in ten.
pub(crate) fn looks_like(lines: &[Line<'_>]) -> bool {
    // table lines first: a line without a bar is none, and most texts
    // hold fewer than three (then the non-blank count is not needed)
    let mut piped = 0usize;
    for l in lines {
        if crate::find::find_byte(l.text.as_bytes(), b'|').is_some()
            && is_wide_table_line(crate::find::trim(l.text))
        {
            piped += 1;
        }
    }
    if piped < 3 {
        return false;
    }
    let nonblank = lines.iter().filter(|l| !crate::find::blank(l.text)).count();
    piped * 10 >= nonblank
}

/// The unescaped bars of a line.
fn bars(t: &str) -> usize {
    let b = t.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'|' && (i == 0 || b[i - 1] != b'\\'))
        .count()
}

/// A table line: one that starts with a bar, or holds two bars or more.
fn is_table_line(t: &str) -> bool {
    t.starts_with('|') || bars(t) >= 2
}

/// A table line of three cells or more: `|a|b|c|`, or `a | b | c`.
fn is_wide_table_line(t: &str) -> bool {
    if t.starts_with('|') {
        bars(t) >= 3
    } else {
        bars(t) >= 2
    }
}

/// A rule between rows: `+`, `|`, `-`, `=`, `:` and spaces only, at least
/// three dashes or equals signs, and a `+` or a `|` (a line of dashes alone
/// is a Markdown setext underline or a separator: running text).
pub(crate) fn is_rule(t: &str) -> bool {
    let b = t.as_bytes();
    b.iter()
        .all(|c| matches!(c, b'+' | b'|' | b'-' | b'=' | b':' | b' '))
        && b.iter().filter(|&&c| c == b'-' || c == b'=').count() >= 3
        && b.iter().any(|&c| c == b'+' || c == b'|')
}

/// The cells of a table line: the texts between its bars, `\|` kept as
/// text; the text after the last bar (none in a well-formed line) is a
/// cell when it is not blank.
fn cells(t: &str) -> Vec<&str> {
    let inner = t.strip_prefix('|').unwrap_or(t);
    let mut out = Vec::new();
    let b = inner.as_bytes();
    let mut start = 0;
    for i in 0..b.len() {
        if b[i] == b'|' && (i == 0 || b[i - 1] != b'\\') {
            out.push(&inner[start..i]);
            start = i + 1;
        }
    }
    let rest = &inner[start..];
    if !rest.trim().is_empty() {
        out.push(rest);
    }
    out
}

/// Markdown's backslash escapes undone: `\[` is `[`, `\|` is `|` (a
/// backslash before any ASCII punctuation).
fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains('\\') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            // the escaped character itself, taken as it is
            Some(&n) if c == '\\' && n.is_ascii_punctuation() => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A cell's text: `<br>` line breaks and backslash escapes undone, trimmed.
fn clean(s: &str) -> Cow<'_, str> {
    let t = s.trim();
    if !t.contains("<br") {
        return unescape(t);
    }
    let mut out = String::with_capacity(t.len());
    for (k, piece) in t
        .split("<br/>")
        .flat_map(|p| p.split("<br />"))
        .flat_map(|p| p.split("<br>"))
        .enumerate()
    {
        let piece = unescape(piece);
        if k == 0 {
            out.push_str(piece.trim());
        } else {
            text::join_wrapped(&mut out, &piece);
        }
    }
    Cow::Owned(out)
}

/// A cell whose first line is a row number and whose other lines are text
/// (`18<br>效益指标`: a tool merged the number column with the next one):
/// the number and the rest.
fn number_line(p: &str) -> Option<(&str, &str)> {
    let i = p.find("<br")?;
    let n = p[..i].trim();
    if n.is_empty() || n.len() > 3 || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let rest = &p[i..];
    let rest = ["<br/>", "<br />", "<br>"]
        .iter()
        .find_map(|b| rest.strip_prefix(b))?;
    // text, not more digits (`12<br>345` is a number wrapped in its cell)
    let first = rest.trim_start().chars().next()?;
    (!first.is_ascii_digit()).then_some((n, rest))
}

/// The pieces of a cell between `<br>` line breaks.
fn breaks(s: &str) -> impl Iterator<Item = &str> {
    s.split("<br/>")
        .flat_map(|p| p.split("<br />"))
        .flat_map(|p| p.split("<br>"))
}

/// A cell without its last line (the text before its last `<br>`).
fn before_last_break(s: &str) -> &str {
    ["<br/>", "<br />", "<br>"]
        .iter()
        .filter_map(|b| s.rfind(b))
        .max()
        .map_or(s, |i| &s[..i])
}

/// A project heading that a tool's table detection spread over the first
/// cells of a row (`|3、 社|会保险认证专项绩效目标表|…`), or set as the
/// last line of each of them (`|22<br>4、 监|满意度指标<br>察仲裁专项绩效目标表|…`,
/// the heading under the row it ends): the heading, the last cell it
/// takes, and whether it takes those cells whole. A heading in one whole
/// cell is left to the assembler (a table of contents).
fn heading_in_cells(parts: &[&str]) -> Option<(String, usize, bool)> {
    // told by a 表 in the first cells before anything is joined
    if !parts.iter().take(4).any(|p| p.contains('表')) {
        return None;
    }
    let mut acc = String::new();
    let mut whole = None;
    for (k, p) in parts.iter().enumerate().take(4) {
        let lines = breaks(p).count();
        let this_whole = lines == 1;
        if *whole.get_or_insert(this_whole) != this_whole {
            return None;
        }
        let piece = if this_whole {
            p
        } else {
            breaks(p).last().unwrap_or("")
        };
        let piece = unescape(piece.trim());
        if piece.is_empty() {
            return None;
        }
        text::join_wrapped(&mut acc, &piece);
        if acc.ends_with('表') {
            if this_whole && k == 0 {
                return None;
            }
            let h = super::assemble::project_heading(&acc)?;
            return (!h.is_empty()).then(|| (acc.clone(), k, this_whole));
        }
    }
    None
}

/// Running text with its Markdown marks removed (`## 标题`, `**加粗**`).
fn plain(t: &str) -> Cow<'_, str> {
    let h = t.trim_start_matches('#');
    let h = if h.len() != t.len() && (h.is_empty() || h.starts_with(' ')) {
        h.trim()
    } else {
        t
    };
    if h.contains("**") || h.contains("__") {
        Cow::Owned(unescape(&h.replace("**", "").replace("__", "")).into_owned())
    } else {
        unescape(h)
    }
}

/// The most columns whose cells span rows below that are tracked.
const MAX_TAKEN: usize = 64;

/// An HTML table being read, a line at a time (`pandoc -t gfm` writes a
/// table whose cells hold several paragraphs as raw HTML).
#[derive(Default)]
struct Html {
    /// The cells of the row being read, and the line of its `<tr>`.
    row: Vec<Cell<'static>>,
    row_line: u32,
    /// The text of the cell being read (its paragraphs joined), if any.
    cell: Option<(String, u32)>,
    /// The cell's `rowspan` and `colspan`.
    spans: (usize, usize),
    /// Columns taken by a cell of a row above: (column, rows still to take).
    taken: Vec<(usize, usize)>,
    /// A line break is due before the next text of the cell.
    brk: bool,
}

impl Html {
    /// Reads one line; true at the end of the table.
    fn line<'a>(&mut self, no: u32, t: &str, out: &mut Vec<Row<'a>>) -> bool {
        let mut rest = t;
        // a new source line inside a cell breaks its text like `<br>`
        self.brk = true;
        while !rest.is_empty() {
            let Some(open) = rest.find('<') else {
                self.text(rest);
                break;
            };
            self.text(&rest[..open]);
            let Some(close) = rest[open..].find('>') else {
                // a tag broken over lines: its text is not cell text
                break;
            };
            let tag = &rest[open + 1..open + close];
            rest = &rest[open + close + 1..];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .map(|c| c.to_ascii_lowercase())
                .collect();
            let end = tag.starts_with('/');
            match (name.as_str(), end) {
                ("table", true) => {
                    self.end_cell();
                    self.end_row(out);
                    return true;
                }
                ("tr", false) => {
                    self.end_row(out);
                    self.row_line = no;
                }
                ("tr", true) => {
                    self.end_cell();
                    self.end_row(out);
                }
                ("td" | "th", false) => {
                    self.end_cell();
                    self.spans = (attr(tag, "rowspan"), attr(tag, "colspan"));
                    self.cell = Some((String::new(), no));
                    self.brk = false;
                }
                ("td" | "th", true) => self.end_cell(),
                ("p" | "br" | "div" | "li", _) => self.brk = true,
                _ => {}
            }
        }
        false
    }

    fn text(&mut self, s: &str) {
        let Some((acc, _)) = self.cell.as_mut() else {
            return;
        };
        let s = entities(s);
        if s.trim().is_empty() {
            return;
        }
        if self.brk || acc.is_empty() {
            text::join_wrapped(acc, &s);
        } else {
            acc.push_str(&s);
        }
        self.brk = false;
    }

    /// The column the next cell takes: past those a cell above still takes.
    fn fill_taken(&mut self, line: u32) {
        while let Some(k) = self.taken.iter().position(|(c, _)| *c == self.row.len()) {
            self.taken[k].1 -= 1;
            if self.taken[k].1 == 0 {
                self.taken.swap_remove(k);
            }
            self.row.push(Cell {
                text: Cow::Borrowed(""),
                line,
            });
        }
    }

    fn end_cell(&mut self) {
        let Some((acc, line)) = self.cell.take() else {
            return;
        };
        self.fill_taken(line);
        let (rows, cols) = self.spans;
        let mut text = Some(Cow::Owned(acc.trim().to_string()));
        // a cell of several columns: its text in the first, the others empty
        for _ in 0..cols.max(1) {
            // (a bounded list: a hostile row of thousands of spans costs no
            // more per cell)
            if rows > 1 && self.taken.len() < MAX_TAKEN {
                self.taken.push((self.row.len(), rows - 1));
            }
            let text = text.take().unwrap_or(Cow::Borrowed(""));
            self.row.push(Cell { text, line });
        }
    }

    fn end_row<'a>(&mut self, out: &mut Vec<Row<'a>>) {
        if self.row.is_empty() && self.cell.is_none() {
            return;
        }
        let line = self.row_line;
        // columns at the row's end still taken by cells above
        while self.taken.iter().any(|(c, _)| *c >= self.row.len()) {
            let before = self.row.len();
            self.fill_taken(line);
            if self.row.len() == before {
                self.row.push(Cell {
                    text: Cow::Borrowed(""),
                    line,
                });
            }
        }
        let cells = std::mem::take(&mut self.row);
        if cells.iter().any(|c| !c.text.trim().is_empty()) {
            out.push(Row::table(line, cells));
        }
    }
}

/// A tag's `rowspan` / `colspan` (1 when absent or odd).
fn attr(tag: &str, name: &str) -> usize {
    let Some(p) = tag.find(name) else { return 1 };
    let v = tag[p + name.len()..].trim_start_matches(['=', '"', '\'', ' ']);
    let n: String = v.chars().take_while(char::is_ascii_digit).collect();
    n.parse()
        .ok()
        .filter(|n| (1..=100).contains(n))
        .unwrap_or(1)
}

/// HTML character references undone (`&gt;` `&lt;` `&amp;` `&quot;`
/// `&nbsp;` `&#NNN;` `&#xHH;`).
fn entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[..rest.len().min(12)].find(';');
        let c = end.and_then(|e| match &rest[1..e] {
            "gt" => Some('>'),
            "lt" => Some('<'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" | "#39" => Some('\''),
            "nbsp" => Some(' '),
            n => {
                let n = n.strip_prefix('#')?;
                let v = match n.strip_prefix(['x', 'X']) {
                    Some(h) => u32::from_str_radix(h, 16).ok()?,
                    None => n.parse().ok()?,
                };
                char::from_u32(v)
            }
        });
        match (c, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Reads the rows of text with `|` tables (see the module docs).
pub(crate) fn read<'a>(lines: &[Line<'a>]) -> Vec<Row<'a>> {
    let mut out: Vec<Row<'a>> = Vec::with_capacity(lines.len());
    // the grid row being read (cells joined column by column), if any
    let mut pending: Option<Row<'a>> = None;
    // inside a grid table (opened by a `+` rule)
    let mut grid = false;
    let flush = |pending: &mut Option<Row<'a>>, out: &mut Vec<Row<'a>>| {
        if let Some(r) = pending.take() {
            if r.cells.iter().any(|c| !c.text.trim().is_empty()) {
                out.push(r);
            }
        }
    };
    // an HTML table being read (`<table>` … `</table>`)
    let mut html: Option<Html> = None;
    for l in lines {
        let t = text::strip_markers(l.text).trim();
        if let Some(h) = html.as_mut() {
            if h.line(l.no, t, &mut out) {
                html = None;
            }
            continue;
        }
        if t.starts_with("<table") {
            flush(&mut pending, &mut out);
            grid = false;
            let mut h = Html::default();
            if !h.line(l.no, t, &mut out) {
                html = Some(h);
            }
            continue;
        }
        if t.is_empty() {
            flush(&mut pending, &mut out);
            grid = false;
            continue;
        }
        if is_rule(t) {
            flush(&mut pending, &mut out);
            grid |= t.starts_with('+');
            continue;
        }
        if !is_table_line(t) {
            flush(&mut pending, &mut out);
            grid = false;
            out.push(Row::text(l.no, plain(t)));
            continue;
        }
        let parts = cells(t);
        match pending.as_mut() {
            Some(row) if grid => {
                // the next line of every cell of the grid row
                for (k, p) in parts.into_iter().enumerate() {
                    let p = clean(p);
                    match row.cells.get_mut(k) {
                        Some(c) if c.text.trim().is_empty() => {
                            c.text = p;
                            c.line = l.no;
                        }
                        Some(c) => text::join_wrapped(c.text.to_mut(), &p),
                        None => row.cells.push(Cell {
                            text: p,
                            line: l.no,
                        }),
                    }
                }
            }
            _ if !grid && heading_in_cells(&parts).is_some() => {
                flush(&mut pending, &mut out);
                let (heading, k, whole) = heading_in_cells(&parts).unwrap_or_default();
                // the row without the heading's text, then the heading
                let cells: Vec<Cell<'a>> = parts
                    .iter()
                    .enumerate()
                    .map(|(i, p)| Cell {
                        text: match i {
                            i if i > k => clean(p),
                            _ if whole => Cow::Borrowed(""),
                            _ => clean(before_last_break(p)),
                        },
                        line: l.no,
                    })
                    .collect();
                if cells.iter().any(|c| !c.text.trim().is_empty()) {
                    out.push(Row::table(l.no, cells));
                }
                out.push(Row::text(l.no, heading));
            }
            _ => {
                flush(&mut pending, &mut out);
                let mut cells: Vec<Cell<'a>> = Vec::with_capacity(parts.len() + 1);
                for (i, p) in parts.into_iter().enumerate() {
                    match number_line(p) {
                        // a row number and the next column's text in one cell
                        Some((n, rest)) if i == 0 && !grid => {
                            cells.push(Cell {
                                text: Cow::Borrowed(n),
                                line: l.no,
                            });
                            cells.push(Cell {
                                text: clean(rest),
                                line: l.no,
                            });
                        }
                        _ => cells.push(Cell {
                            text: clean(p),
                            line: l.no,
                        }),
                    }
                }
                let row = Row::table(l.no, cells);
                if grid {
                    pending = Some(row);
                } else {
                    out.push(row);
                }
            }
        }
    }
    flush(&mut pending, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    fn rows(src: &str) -> Vec<(u32, bool, Vec<String>)> {
        read(&lines(src))
            .into_iter()
            .map(|r| {
                let c = r.cells.iter().map(|c| c.text.to_string()).collect();
                (r.line, r.text, c)
            })
            .collect()
    }

    fn v(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn pipe_table_a_row_per_line() {
        let src = "# 单位：万元\n\n|一级指标|二级指标|指标值|\n|---|:--:|---|\n\
                   |产出指标|数量指标|≥10 人|\n||质量指标|100%<br>以上|\n**说明\\[2020\\]\\\\\\*\\\\**\n";
        assert_eq!(
            rows(src),
            vec![
                (1, true, v(&["单位：万元"])),
                (3, false, v(&["一级指标", "二级指标", "指标值"])),
                (5, false, v(&["产出指标", "数量指标", "≥10 人"])),
                (6, false, v(&["", "质量指标", "100%以上"])),
                (7, true, v(&["说明[2020]\\*\\"])),
            ]
        );
    }

    #[test]
    fn grid_table_lines_between_rules_are_one_row() {
        let src = "+------+------+------+\n\
                   | 一级指标 | 二级指标 | 三级指标 |\n\
                   +======+======+======+\n\
                   | 效果 | 社会效益指标 | 宣传 |\n\
                   |      |          | 到位 |\n\
                   | 指标 |          |      |\n\
                   +------+------+------+\n\
                   |      | 可持续影响指标 | a \\| b |\n\
                   +------+------+------+\n";
        assert_eq!(
            rows(src),
            vec![
                (2, false, v(&["一级指标", "二级指标", "三级指标"])),
                (4, false, v(&["效果指标", "社会效益指标", "宣传到位"])),
                (8, false, v(&["", "可持续影响指标", "a | b"])),
            ]
        );
    }

    #[test]
    fn pipe_table_without_outer_bars() {
        let src = "一级指标 | 二级指标 | 指标值\n--- | --- | ---\n产出指标 | 数量指标 | ≥10 人\n\
                   产出指标 | 质量指标 | 100%\n说明\n";
        assert!(looks_like(&lines(src)));
        assert_eq!(
            rows(src),
            vec![
                (1, false, v(&["一级指标", "二级指标", "指标值"])),
                (3, false, v(&["产出指标", "数量指标", "≥10 人"])),
                (4, false, v(&["产出指标", "质量指标", "100%"])),
                (5, true, v(&["说明"])),
            ]
        );
    }

    #[test]
    fn detection_and_rules() {
        assert!(looks_like(&lines("|a|b|c|\n|d|e|f|\n|g|h|i|\n")));
        assert!(looks_like(&lines("a|b|c\nd|e|f\ng|h|i\n")));
        assert!(!looks_like(&lines("a|b\nd|e\ng|h\n")));
        assert!(is_rule("|---|:--:|"));
        assert!(is_rule("+----+====+"));
        assert!(!is_rule("------"));
        assert!(!is_rule("|a|-|"));
    }

    /// The indicators of a document read from `src`: levels, description,
    /// raw value, basis, one line each.
    fn indicators(src: &str) -> (crate::Document, Vec<String>) {
        let d = crate::Document::parse(src).unwrap();
        assert_eq!(d.source.layout.as_str(), "grid-rows");
        let rows = d
            .projects
            .iter()
            .flat_map(|p| &p.indicators)
            .map(|i| {
                format!(
                    "{} {} {} {} [{}] {}",
                    i.level1.as_deref().unwrap_or("-"),
                    i.level2.as_deref().unwrap_or("-"),
                    i.level3.as_deref().unwrap_or("-"),
                    i.description.as_deref().unwrap_or("-"),
                    i.value.raw,
                    i.basis.as_deref().unwrap_or("-"),
                )
            })
            .collect();
        (d, rows)
    }

    #[test]
    fn heading_spread_over_cells_is_a_heading_after_its_row() {
        // the heading under the row it ends, a line of each of two cells
        let src = "|22<br>4、 监|满意度指标<br>察仲裁专项绩效目标表|x|\n\
                   |3、 社|会保险认证专项绩效目标表|||tail|\n\
                   |1、甲项目绩效目标表|3|\n";
        assert_eq!(
            rows(src),
            vec![
                (1, false, v(&["22", "满意度指标", "x"])),
                (1, true, v(&["4、 监察仲裁专项绩效目标表"])),
                (2, false, v(&["", "", "", "", "tail"])),
                (2, true, v(&["3、 社会保险认证专项绩效目标表"])),
                // a heading in one whole cell is left to the assembler
                (3, false, v(&["1、甲项目绩效目标表", "3"])),
            ]
        );
    }

    #[test]
    fn row_number_merged_with_the_next_column_is_two_cells() {
        let src = "|18<br>效益指标|a|b|\n|12<br>345|a|b|\n|7|甲<br>乙|c|\n";
        assert_eq!(
            rows(src),
            vec![
                (1, false, v(&["18", "效益指标", "a", "b"])),
                (2, false, v(&["12 345", "a", "b"])),
                (3, false, v(&["7", "甲乙", "c"])),
            ]
        );
    }

    #[test]
    fn html_tables_rows_spans_paragraphs_entities() {
        let src = "说明\n<table style=\"width:100%;\">\n<thead>\n<tr class=\"header\">\n\
                   <th rowspan=\"2\">一级指标</th>\n<th><p>二级</p>\n<p>指标</p></th>\n\
                   <th colspan=\"2\">指标值</th>\n</tr>\n</thead>\n<tbody>\n\
                   <tr class=\"odd\">\n<td>数量指标</td>\n<td>&gt;=500人</td>\n<td>计划 &amp; 标准</td>\n</tr>\n\
                   <tr><td>效果指标</td><td>社会效益指标</td><td>&#8805;10%</td><td></td></tr>\n\
                   </tbody>\n</table>\n后记\n";
        assert_eq!(
            rows(src),
            vec![
                (1, true, v(&["说明"])),
                (4, false, v(&["一级指标", "二级指标", "指标值", ""])),
                (12, false, v(&["", "数量指标", ">=500人", "计划 & 标准"])),
                (17, false, v(&["效果指标", "社会效益指标", "≥10%", ""])),
                (20, true, v(&["后记"])),
            ]
        );
        // a table never closed, a tag broken over lines: read without panicking
        for src in [
            "<table>\n<tr><td rowspan=\"3\">a",
            "<table><tr><td colspan=x>a</td",
            "<table>&#xZZ;&",
        ] {
            let _ = rows(src);
        }
    }

    #[test]
    fn table_continued_after_a_page_break_with_merged_header_cells() {
        // pymupdf4llm: the project's heading set again under its first
        // rows, a code wrapped in its bracket, the 值 and 单位 labels in one
        // cell, and the rest of the table (after the page break) one cell
        // wider, with a fragment of the header first
        let src = "# 1、示例项目绩效目标表\n\n\
                   |序号|项目编码及名称：<br>[1308P00<br>12Y]示例项目|||||金额：<br>16.5 万<br>元|\n\
                   |---|---|---|---|---|---|---|\n\
                   |栏次|1|2|3|4|5|6|\n\n\
                   # 1、示例项目绩效目标表\n\n\
                   |4|项目编码|1308P0012Y|||项目名称|示例项目|\n\
                   |---|---|---|---|---|---|---|\n\
                   |12|一级指标|二级指标|三级指标|绩效指标描述|指标值|指标确<br>定依据|\n\
                   |13|||||符号|值<br>单位(文|\n\n\
                   |||||||字描述)|||\n\
                   |---|---|---|---|---|---|---|---|---|\n\
                   |14|产出指标|数量指标|参保<br>人数|参保人数|≥|95.00|%|按政策|\n\
                   |15||质量指标|到位率|资金到位|文字描<br>述||按时拨<br>付到位|文件|\n";
        let (d, got) = indicators(src);
        assert_eq!(d.projects.len(), 1);
        let p = &d.projects[0];
        assert_eq!(p.code.as_deref(), Some("1308P0012Y"));
        assert_eq!(p.name.as_deref(), Some("示例项目"));
        assert_eq!(p.amount_unit.as_deref(), Some("万元"));
        assert_eq!(p.budget.total, Some(rust_decimal::Decimal::new(165, 1)));
        assert_eq!(
            got,
            vec![
                "产出指标 数量指标 参保人数 参保人数 [≥ 95.00 %] 按政策",
                "产出指标 质量指标 到位率 资金到位 [按时拨付到位] 文件",
            ]
        );
    }

    #[test]
    fn pipe_rows_shifted_or_wider_are_placed_by_their_cells() {
        let src = "# 1、示例项目绩效目标表\n\n\
                   |序号|项目名称|示例|||||||\n\
                   |---|---|---|---|---|---|---|---|---|\n\
                   |栏次|1|2|3|4|5|6|7|8|\n\
                   |12|一级指标|二级指标|三级指标|绩效指标描述|指标值|||指标确定依据|\n\
                   |13|||||符号|值|单位||\n\
                   |14|产出指标|数量指标|人数|服务人数|≥|10|人|计划|\n\n\
                   |15<br>效益指标|社会效益指标|就业|促进就业|文字描<br>述||提升|计划|\n\
                   |---|---|---|---|---|---|---|---|\n\
                   |16|可持续影响指标|长期|长期运行|文字描述||长期|计划|\n\n\
                   |17|满意度指标|服务对象满意度指标||满意度|群众满意|≥|95|%|计划|\n\
                   |---|---|---|---|---|---|---|---|---|---|\n";
        let (_, got) = indicators(src);
        assert_eq!(
            got,
            vec![
                "产出指标 数量指标 人数 服务人数 [≥ 10 人] 计划",
                // the row number and 一级指标 in one cell
                "效益指标 社会效益指标 就业 促进就业 [提升] 计划",
                // the row number and the blank 一级指标 in one cell: a
                // column short on the left, the value split one wider
                "效益指标 可持续影响指标 长期 长期运行 [长期] 计划",
                // an empty cell more left of the value: its 符号 places it
                "满意度指标 服务对象满意度指标 满意度 群众满意 [≥ 95 %] 计划",
            ]
        );
    }

    #[test]
    fn row_numbers_carry_over_a_heading_until_a_table_without_them() {
        // the 序号 row of the next project stands before its heading
        let src = "# 1、甲项目绩效目标表\n\n\
                   |序号|项目名称|甲|\n|---|---|---|\n\
                   |1|一级指标|二级指标|三级指标|指标值|\n\
                   |2|产出指标|数量指标|人数|10人|\n\
                   |序号|项目名称|乙|\n\n\
                   # 2、乙项目绩效目标表\n\n\
                   |3|一级指标|二级指标|三级指标|指标值|\n|---|---|---|---|---|\n\
                   |4|产出指标|质量指标|合格率|100%|\n\n\
                   # 3、丙项目绩效目标表\n\n\
                   |项目名称|丙|\n|---|---|\n\
                   |一级指标|二级指标|三级指标|指标值|\n\
                   |产出指标|数量指标|户数|5户|\n\
                   ||时效指标|及时率|100%|\n";
        let (d, got) = indicators(src);
        let names: Vec<_> = d.projects.iter().map(|p| p.name.as_deref()).collect();
        assert_eq!(names, vec![Some("甲"), Some("乙"), Some("丙")]);
        assert_eq!(
            got,
            vec![
                "产出指标 数量指标 人数 - [10人] -",
                "产出指标 质量指标 合格率 - [100%] -",
                "产出指标 数量指标 户数 - [5户] -",
                "产出指标 时效指标 及时率 - [100%] -",
            ]
        );
    }

    #[test]
    fn odd_lines_read_without_panicking() {
        for src in [
            "|",
            "||",
            "|\\|",
            "| a \\",
            "+-+\n|",
            "+---+\n|a|\n|b|c|d|\n",
            "|<br>|",
        ] {
            let _ = rows(src);
        }
    }
}
