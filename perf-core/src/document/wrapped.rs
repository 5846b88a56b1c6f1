//! Reader for PDF text without delimiters (pdftotext without `-layout`):
//! every table cell is wrapped onto lines of its own column width, cells of
//! one row that fit on one line share it (separated by a space), and blank
//! lines fall between blocks of different height.
//!
//! The general rule, found by reading such text: an indicator row is
//! `[一级指标] 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据`, in this
//! order. The level labels come from a closed vocabulary (a wrapped label
//! such as `社会效益指` + `标` is recognised by joining lines), so they
//! anchor the rows. Inside a row the value is the first token sequence that
//! reads as a complete value (`≥95 百分比`, `100 元/人/` + `年`, `长期`):
//! the cells before it are 三级指标 and 绩效指标描述 (told apart by spaces on
//! one line and by blank lines between wrapped blocks), and everything after
//! it up to the next anchor is the 指标值确定依据 (often the project name or
//! a document number, wrapped). Page furniture inside a table (a repeated
//! header, a page number) is removed first. Where the cells cannot be told
//! apart the row is still emitted, with an `ambiguous-cells` diagnostic.

use crate::find::{words, Has};
use std::borrow::Cow;
use std::cell::RefCell;

use super::labels;
use super::row::{join, label_starts as starts, Cell, Line, Row};
use super::text::{self, label};
use crate::value::{Kind, Value};

/// Reads the lines (of `text`) into logical rows for the assembler.
/// Every line's text must be a slice of `text`, the lines in order (a
/// reader that leaves lines out passes empty slices of them).
pub(crate) fn read<'a>(text: &'a str, lines: &[Line<'a>]) -> (Vec<Row<'a>>, Vec<(u32, String)>) {
    let mut rows = Vec::with_capacity(lines.len() / 4 + 8);
    let notes = each(text, lines, &mut |r| rows.push(r));
    (rows, notes)
}

/// The rows of [`read`], handed to `out` in order as they are made (none
/// kept here); returns the notes.
pub(crate) fn each<'a>(
    text: &'a str,
    lines: &[Line<'a>],
    out: &mut dyn FnMut(Row<'a>),
) -> Vec<(u32, String)> {
    let mut r = Reader::new(text, lines, out);
    r.run();
    r.notes
}

/// A line index and what [`Reader::heading_at`] found there.
type Heading<'a> = (usize, Option<(Cow<'a, str>, usize)>);

struct Reader<'a, 'b> {
    lines: &'b [Line<'a>],
    /// Each line without markers and outer white space, as the rules read it.
    ts: Vec<&'a str>,
    /// Whether each line holds `表` (every project heading does).
    biao: Vec<bool>,
    /// The last line [`Reader::heading_at`] read, and its answer: a section
    /// ends where the next one starts, so that line is asked about twice.
    last_heading: RefCell<Option<Heading<'a>>>,
    /// Where each row goes.
    out: &'b mut dyn FnMut(Row<'a>),
    /// Rows whose cells could not all be told apart: line and message.
    notes: Vec<(u32, String)>,
}

#[inline]
fn t<'a>(l: &Line<'a>) -> &'a str {
    crate::find::trim(super::row::strip_markers(l.text))
}

/// The labels that start a block of project data or a table.
const BLOCK_LABELS: [&str; 8] = [
    "项目编码",
    "项目编号",
    "项目名称",
    "预算规模",
    "预算数",
    "资金支出",
    "绩效目标",
    "一级指标",
];

/// False when no label of [`BLOCK_LABELS`] starts `s` (a line without
/// white space at its start): its first char starts none of them.
fn starts_like_block(s: &str) -> bool {
    s.starts_with(['项', '预', '资', '绩', '一'])
}

/// For each of `parts` (slices of `text`, in order, not overlapping):
/// whether it holds `needle`. Exactly `parts.iter().map(|p| p.contains(needle))`,
/// from one search of the whole text.
fn holding(text: &str, parts: &[&str], needle: &str) -> Vec<bool> {
    let mut out = vec![false; parts.len()];
    let mut i = 0;
    for at in memchr::memmem::find_iter(text.as_bytes(), needle.as_bytes()) {
        let end = at + needle.len();
        // the first part that does not end before the match
        while parts
            .get(i)
            .is_some_and(|p| offset(text, p) + p.len() < end)
        {
            i += 1;
        }
        let Some(p) = parts.get(i) else {
            break;
        };
        if offset(text, p) <= at {
            out[i] = true;
        }
    }
    out
}

/// Exactly `text::is_page_number(s)` for an `s` that does not start with
/// white space: a page number starts with a digit, `-`, `—`, `–` or `第`.
fn page_number(s: &str) -> bool {
    matches!(s.as_bytes().first(), Some(b'0'..=b'9' | b'-' | 0xE2 | 0xE7))
        && text::is_page_number(s)
}

fn cell<'a>(text: impl Into<Cow<'a, str>>, line: u32) -> Cell<'a> {
    Cell {
        text: text.into(),
        line,
    }
}

impl<'a, 'b> Reader<'a, 'b> {
    fn new(text: &'a str, lines: &'b [Line<'a>], out: &'b mut dyn FnMut(Row<'a>)) -> Self {
        let ts: Vec<&'a str> = lines.iter().map(t).collect();
        let biao = holding(text, &ts, "表");
        Reader {
            lines,
            ts,
            biao,
            last_heading: RefCell::new(None),
            out,
            notes: Vec::new(),
        }
    }

    /// Hands `row` on.
    fn put(&mut self, row: Row<'a>) {
        (self.out)(row);
    }

    fn run(&mut self) {
        let n = self.lines.len();
        let mut i = 0;
        while i < n {
            let s = self.ts[i];
            if s.is_empty() {
                i += 1;
                continue;
            }
            let no = self.lines[i].no;
            if let Some((joined, k)) = self.heading_at(i) {
                self.put(Row::text(no, joined));
                i += k;
                continue;
            }
            let ls = |p: &str| starts(s, p);
            if !starts_like_block(s) {
                self.put(Row::text(no, s));
                i += 1;
            } else if ls("一级指标") {
                i = self.table(i);
            } else if ls("项目编码") || ls("项目编号") {
                i = self.code(i);
            } else if ls("项目名称") {
                i = self.name(i);
            } else if ls("预算规模") || ls("预算数") {
                i = self.budget(i);
            } else if ls("资金支出") {
                i = self.plan(i);
            } else if ls("绩效目标") && {
                let l = label(s);
                l.chars().count() < 60 && !l.has("：") && !l.contains(':')
            } {
                i = self.goals(i);
            } else {
                self.put(Row::text(no, s));
                i += 1;
            }
        }
    }

    /// A project heading at line `i`, possibly wrapped onto the next line or two.
    #[inline]
    fn heading_at(&self, i: usize) -> Option<(Cow<'a, str>, usize)> {
        // a heading holds 表 on its line or on one of the two it may wrap
        // onto (as `read_heading` asks first): most lines are ruled out here
        if !self.biao[i..self.biao.len().min(i + 3)].contains(&true) {
            return None;
        }
        self.cached_heading(i)
    }

    /// [`Reader::heading_at`] for a line with 表 near it.
    #[inline(never)]
    fn cached_heading(&self, i: usize) -> Option<(Cow<'a, str>, usize)> {
        if let Some((at, h)) = &*self.last_heading.borrow() {
            if *at == i {
                return h.clone();
            }
        }
        let h = self.read_heading(i);
        *self.last_heading.borrow_mut() = Some((i, h.clone()));
        h
    }

    fn read_heading(&self, i: usize) -> Option<(Cow<'a, str>, usize)> {
        // a heading (`project_heading`) holds 表, on its line or on one of
        // the two it may wrap onto
        if !self.biao[i..self.biao.len().min(i + 3)].contains(&true) {
            return None;
        }
        let first = self.ts[i];
        if !self.biao[i]
            && !first
                .trim_start_matches(['-', ' '])
                .starts_with(|c: char| c.is_ascii_digit())
        {
            return None;
        }
        if self.biao[i] && super::assemble::project_heading(first).is_some() {
            return Some((Cow::Borrowed(first), 1));
        }
        // numbering, as the label reads it (white space removed): digits,
        // then `.`, `、` or `．`
        if !first.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let after = first
            .trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
            .chars()
            .next();
        if !matches!(after, Some('.' | '、' | '．')) {
            return None;
        }
        let l = label(first);
        if l.has("绩效目标:") || l.has("绩效指标:") {
            return None;
        }
        let mut joined = first.to_string();
        for k in 1..=2 {
            let nt = *self.ts.get(i + k)?;
            if nt.is_empty() {
                return None;
            }
            text::join_wrapped(&mut joined, nt);
            if super::assemble::project_heading(&joined).is_some() {
                return Some((Cow::Owned(joined), k + 1));
            }
        }
        None
    }

    /// Whether line `i` ends the section before it (most lines are ruled
    /// out by their first char here, inline; the rest are read out of line).
    #[inline]
    fn is_section_end(&self, i: usize) -> bool {
        let s = self.ts[i];
        let digit = s.as_bytes().first().is_some_and(u8::is_ascii_digit);
        let di = s.starts_with('第');
        let xiang = s.starts_with('项');
        if !(self.biao[i] || digit || di || xiang) {
            return false;
        }
        self.section_end_at(i, s, di, xiang)
    }

    /// [`Reader::is_section_end`] for a line that may end a section.
    #[inline(never)]
    fn section_end_at(&self, i: usize, s: &str, di: bool, xiang: bool) -> bool {
        // (the line is trimmed: a label starting with 项 starts the line)
        (xiang && (starts(s, "项目编码") || starts(s, "项目编号")))
            || (di && {
                let l = label(s);
                l.has("部分") && l.chars().count() <= 12
            })
            || self.heading_at(i).is_some()
    }

    fn code(&mut self, i: usize) -> usize {
        let no = self.lines[i].no;
        let s = self.ts[i];
        let label_len = s.char_indices().nth(4).map(|(p, _)| p).unwrap_or(s.len());
        let (rest, name) = split_name_field(&s[label_len..]);
        let mut code = rest.trim().trim_start_matches(['：', ':']).replace(' ', "");
        let mut j = i + 1;
        while j < self.lines.len() {
            let f = self.ts[j];
            if !f.is_empty() && f.bytes().all(|b| b.is_ascii_alphanumeric()) {
                code.push_str(f);
                j += 1;
            } else {
                break;
            }
        }
        let mut cells = Vec::with_capacity(4);
        cells.extend([cell("项目编码", no), cell(code, no)]);
        if let Some(name) = name {
            // the name wraps onto the lines after, up to the next block
            let mut name = name.to_string();
            while j < self.lines.len() && !self.ts[j].is_empty() && !self.starts_block(self.ts[j]) {
                text::join_wrapped(&mut name, self.ts[j]);
                j += 1;
            }
            cells.extend([cell("项目名称", no), cell(name, no)]);
        }
        self.put(Row::table(no, cells));
        j
    }

    fn name(&mut self, i: usize) -> usize {
        let no = self.lines[i].no;
        let s = self.ts[i];
        let label_len = s.char_indices().nth(4).map(|(p, _)| p).unwrap_or(s.len());
        let first = s[label_len..].trim().trim_start_matches(['：', ':']).trim();
        let mut name = String::with_capacity(self.joined_len(first, i + 1));
        name.push_str(first);
        let mut j = i + 1;
        while j < self.lines.len() {
            let f = self.ts[j];
            if f.is_empty() || self.starts_block(f) {
                break;
            }
            text::join_wrapped(&mut name, f);
            j += 1;
        }
        self.put(Row::table(no, vec![cell("项目名称", no), cell(name, no)]));
        j
    }

    /// Room for `first` joined with the lines from `from` up to the next
    /// blank one (a block of wrapped text stops there or earlier).
    fn joined_len(&self, first: &str, from: usize) -> usize {
        let rest = self.ts.get(from..).unwrap_or_default();
        first.len()
            + rest
                .iter()
                .take_while(|t| !t.is_empty())
                .map(|t| t.len() + 1)
                .sum::<usize>()
    }

    fn starts_block(&self, s: &str) -> bool {
        starts_like_block(s) && BLOCK_LABELS.iter().any(|k| starts(s, k))
    }

    /// The budget block: labels and amounts as tokens, an amount wrapped
    /// over lines (`1400000.0` + `0`) joined; the 资金用途 text after
    /// `其他资金` goes to a row of its own.
    fn budget(&mut self, i: usize) -> usize {
        let no = self.lines[i].no;
        // a budget block: a dozen labels and amounts
        let mut toks: Vec<Cell> = Vec::with_capacity(16);
        let mut use_text: Vec<Cell> = Vec::new();
        let mut after_other = false;
        let mut j = i;
        while j < self.lines.len() {
            let s = self.ts[j];
            let ls = |p: &str| starts(s, p);
            if j > i
                && (ls("资金支出") || ls("绩效目标") || ls("一级指标") || self.is_section_end(j))
            {
                break;
            }
            let line_no = self.lines[j].no;
            for tok in words(s) {
                if after_other && !(use_text.is_empty() && text::amount(tok).is_some()) {
                    use_text.push(cell(tok, line_no));
                    continue;
                }
                // an amount wrapped onto the next line
                if let (Some(prev), true) = (
                    toks.last_mut(),
                    tok.bytes().all(|b| b.is_ascii_digit()) && tok.len() <= 2,
                ) {
                    let p = &*prev.text;
                    let dec = p.split_once('.').map(|(_, d)| d.len());
                    if prev.line < line_no
                        && text::amount(p).is_some()
                        && (p.ends_with('.') || dec == Some(1))
                    {
                        prev.text.to_mut().push_str(tok);
                        continue;
                    }
                }
                if starts(tok, "其他资金") {
                    after_other = true;
                }
                toks.push(cell(tok, line_no));
            }
            j += 1;
        }
        self.put(Row::table(no, toks));
        if let Some(first) = use_text.first() {
            let line = first.line;
            let joined = use_text
                .iter()
                .map(|c| &*c.text)
                .collect::<Vec<_>>()
                .join(" ");
            self.put(Row::table(line, vec![cell("", line), cell(joined, line)]));
        }
        j
    }

    fn plan(&mut self, i: usize) -> usize {
        let mut j = i + 1;
        let no = self.lines[i].no;
        while j < self.lines.len() {
            let s = self.ts[j];
            if starts(s, "绩效目标") || starts(s, "一级指标") || self.is_section_end(j) {
                break;
            }
            let line_no = self.lines[j].no;
            let months = text::months(s);
            if !months.is_empty() {
                let mut cells = Vec::with_capacity(months.len() + 1);
                cells.push(cell("资金支出计划（%）", no));
                let mut start = 0;
                for (m, end) in months {
                    let _ = m;
                    cells.push(cell(s[start..end].trim(), line_no));
                    start = end;
                }
                self.put(Row::table(line_no, cells));
            } else {
                let toks: Vec<&str> = words(s).collect();
                if !toks.is_empty() && toks.iter().all(|x| text::percent(x).is_some()) {
                    let mut cells = Vec::with_capacity(toks.len() + 1);
                    cells.push(cell("", line_no));
                    cells.extend(toks.iter().map(|x| cell(*x, line_no)));
                    self.put(Row::table(line_no, cells));
                }
            }
            j += 1;
        }
        j
    }

    fn goals(&mut self, i: usize) -> usize {
        let no = self.lines[i].no;
        let s = self.ts[i];
        let label_len = s.char_indices().nth(4).map(|(p, _)| p).unwrap_or(s.len());
        let first = s[label_len..].trim();
        let mut goal = String::with_capacity(self.joined_len(first, i + 1));
        goal.push_str(first);
        let mut j = i + 1;
        while j < self.lines.len() {
            let f = self.ts[j];
            if f.is_empty() && !goal.is_empty() {
                break;
            }
            if self.starts_block(f) || self.is_section_end(j) {
                break;
            }
            text::join_wrapped(&mut goal, f);
            j += 1;
        }
        self.put(Row::table(no, vec![cell("绩效目标", no), cell(goal, no)]));
        j
    }

    /// Header at `i`, then the indicator rows up to the next section.
    fn table(&mut self, i: usize) -> usize {
        let no = self.lines[i].no;
        let mut header: Vec<Cell> = words(self.ts[i]).map(|w| cell(w, no)).collect();
        let mut j = i + 1;
        let mut extra = String::new();
        let mut extra_line = no;
        while j < self.lines.len() {
            let s = self.ts[j];
            if s.is_empty() {
                j += 1;
                continue;
            }
            if is_header_fragment(s) {
                if extra.is_empty() {
                    extra_line = self.lines[j].no;
                }
                extra.push_str(&label(s));
                j += 1;
            } else {
                break;
            }
        }
        // the columns' labels borrow the header line (only the joined
        // fragments' label is owned)
        let mut columns: Vec<Cow<'a, str>> = words(self.ts[i]).map(label).collect();
        if !extra.is_empty() {
            columns.push(Cow::Owned(label(&extra).into_owned()));
            header.push(cell(extra, extra_line));
        }
        self.put(Row::table(no, header));

        // the body: up to the next heading or section
        let start = j;
        while j < self.lines.len() && !self.is_section_end(j) {
            j += 1;
        }
        let frags = self.fragments(start, j);
        self.rows_of(&frags, &columns);
        j
    }

    /// The non-blank lines of a table body, with page furniture removed.
    fn fragments(&self, from: usize, to: usize) -> Vec<Frag<'a>> {
        let mut out: Vec<Frag> = Vec::with_capacity(to - from);
        let mut blanks = 0usize;
        let mut k = from;
        while k < to {
            let s = self.ts[k];
            if s.is_empty() {
                blanks += 1;
                k += 1;
                continue;
            }
            if starts(s, "一级指标二级指标") {
                // a header repeated after a page break, with its wrapped
                // tail (blank lines inside it are furniture too)
                k += 1;
                loop {
                    let mut m = k;
                    while m < to && self.ts[m].is_empty() {
                        m += 1;
                    }
                    if m < to && is_header_fragment(self.ts[m]) {
                        k = m + 1;
                    } else {
                        break;
                    }
                }
                continue;
            }
            if page_number(s) && (blanks >= 2 || (k + 1..to).all(|m| self.ts[m].is_empty())) {
                // a page number with the blank lines around it
                k += 1;
                while k < to && self.ts[k].is_empty() {
                    k += 1;
                }
                blanks = 0;
                continue;
            }
            out.push(Frag {
                text: s,
                no: self.lines[k].no,
                blank_before: blanks > 0,
            });
            blanks = 0;
            k += 1;
        }
        out
    }

    fn rows_of(&mut self, frags: &[Frag<'a>], columns: &[Cow<'_, str>]) {
        let find = |f: &dyn Fn(&str) -> bool| columns.iter().position(|c| f(c));
        let l2c = find(&|c| c.has("二级指标")).unwrap_or(1);
        let vc = find(&|c| c.starts_with("指标值") && !c.has("依据"))
            .unwrap_or(columns.len().saturating_sub(2));
        let width = columns.len().max(vc + 2);
        let pre_cols = vc.saturating_sub(l2c + 1);

        let mut acc = Acc::default();
        let mut k = 0;
        while k < frags.len() {
            let f = &frags[k];
            let fresh = acc.l2.is_none() && acc.pre.is_empty() && acc.value.is_none();
            let may_anchor = fresh || acc.value.is_some() || acc.pre.len() > pre_cols;
            if may_anchor {
                if let Some(a) = anchor_at(frags, k, fresh && acc.l1.is_none(), fresh) {
                    if !fresh {
                        self.emit(&mut acc, pre_cols, width, vc);
                    }
                    let rest = a.rest;
                    if let Some(l1) = a.l1 {
                        acc.l1 = Some((l1, f.no));
                    }
                    if let Some(l2) = a.l2 {
                        acc.l2 = Some((l2, frags[a.l2_frag].no));
                    }
                    k = a.next;
                    if acc.l2.is_none() {
                        // an L1 label alone: its L2 follows
                        continue;
                    }
                    if !rest.is_empty() {
                        let no = frags[a.next - 1].no;
                        k = self.content(&mut acc, rest, no, frags, k, true);
                    }
                    continue;
                }
            }
            if acc.value.is_some() {
                // a row without its own level labels: its cells and a value on one line
                let several = f.text.contains(' ');
                if let Some(at) = several.then(|| value_start(f.text, true)).flatten() {
                    // tokens before the value: a row of its own
                    if !crate::find::blank(&f.text[..at]) && acc.post.is_some() {
                        self.emit(&mut acc, pre_cols, width, vc);
                        k = self.content(&mut acc, f.text, f.no, frags, k + 1, true);
                        continue;
                    }
                }
                match &mut acc.post {
                    Some((s, _)) => join(s, f.text),
                    None => acc.post = Some((Cow::Borrowed(f.text), f.no)),
                }
                k += 1;
                continue;
            }
            let open = !f.blank_before;
            k = self.content(&mut acc, f.text, f.no, frags, k + 1, open);
        }
        if acc.l1.is_some() || acc.l2.is_some() || !acc.pre.is_empty() || acc.value.is_some() {
            self.emit(&mut acc, pre_cols, width, vc);
        }
    }

    /// Adds one line of row content before the value; returns the next fragment index.
    fn content(
        &mut self,
        acc: &mut Acc<'a>,
        s: &'a str,
        no: u32,
        frags: &[Frag<'a>],
        mut next: usize,
        may_continue: bool,
    ) -> usize {
        if acc.start.is_none() {
            acc.start = Some(no);
        }
        let several = crate::find::has_white_space(s);
        if let Some(at) = value_start(s, several) {
            for p in words(&s[..at]) {
                acc.pre.push(PreCell {
                    text: Cow::Borrowed(p),
                    no,
                    open: false,
                });
            }
            let mut v = single_spaced(s[at..].trim_end());
            while let Some(f) = frags.get(next) {
                if !f.blank_before && continues_value(&v, f.text) {
                    join(&mut v, f.text);
                    next += 1;
                } else {
                    break;
                }
            }
            acc.value = Some((v, no));
            return next;
        }
        if several && words(s).nth(1).is_some() {
            // cells side by side on one line
            for tok in words(s) {
                acc.pre.push(PreCell {
                    text: Cow::Borrowed(tok),
                    no,
                    open: false,
                });
            }
            return next;
        }
        match acc.pre.last_mut() {
            Some(last) if last.open && may_continue => join(&mut last.text, s),
            _ => acc.pre.push(PreCell {
                text: Cow::Borrowed(s),
                no,
                open: true,
            }),
        }
        next
    }

    /// Emits the row in `acc` and leaves `acc` empty (keeping its buffer).
    fn emit(&mut self, slot: &mut Acc<'a>, pre_cols: usize, width: usize, vc: usize) {
        let mut acc = std::mem::take(slot);
        let mut pre = std::mem::take(&mut acc.pre);
        let start = acc
            .l1
            .as_ref()
            .map(|x| x.1)
            .or(acc.l2.as_ref().map(|x| x.1))
            .or(acc.start)
            .unwrap_or(0);
        let mut cells: Vec<Cell> = (0..width).map(|_| cell("", start)).collect();
        if let Some((s, no)) = acc.l1 {
            cells[0] = cell(s, no);
        }
        if let Some((s, no)) = acc.l2 {
            // column 1 when a damaged header puts 指标值 first (vc = 0)
            if let Some(c) = cells.get_mut(vc.checked_sub(pre_cols + 1).unwrap_or(1)) {
                *c = cell(s, no);
            }
        }
        let mut value = acc.value;
        let mut post = acc.post;
        if value.is_none() && pre.len() > pre_cols {
            // no cell read as a value: take them by position
            let mut rest = pre.split_off(pre_cols);
            let v = rest.remove(0);
            value = Some((v.text, v.no));
            for r in rest {
                match &mut post {
                    Some((s, _)) => join(s, &r.text),
                    None => post = Some((r.text, r.no)),
                }
            }
        }
        if pre.len() == 1 && pre_cols == 2 {
            if let Some(half) = split_one(&pre[0].text) {
                let no = pre[0].no;
                let a: Cow<'a, str> = match &pre[0].text {
                    Cow::Borrowed(t) => Cow::Borrowed(&t[..half]),
                    Cow::Owned(t) => Cow::Owned(t[..half].to_string()),
                };
                pre = vec![
                    PreCell {
                        text: a.clone(),
                        no,
                        open: false,
                    },
                    PreCell {
                        text: a,
                        no,
                        open: false,
                    },
                ];
            }
        }
        if pre.len() != pre_cols {
            self.notes.push((
                start,
                format!(
                    "{} cell(s) before the value where {} were expected",
                    pre.len(),
                    pre_cols
                ),
            ));
        }
        while pre.len() > pre_cols && pre_cols > 0 {
            // extra blocks belong to the last column before the value
            let extra = pre.pop().map(|p| p.text).unwrap_or_default();
            if let Some(last) = pre.last_mut() {
                join(&mut last.text, &extra);
            }
        }
        for (k, p) in pre.drain(..).enumerate() {
            if let Some(c) = cells.get_mut(vc - pre_cols + k) {
                *c = cell(p.text, p.no);
            }
        }
        slot.pre = pre;
        if let Some((v, no)) = value {
            cells[vc] = cell(v, no);
        }
        if let Some((b, no)) = post {
            if let Some(c) = cells.get_mut(vc + 1) {
                *c = cell(b, no);
            }
        }
        self.put(Row::table(start, cells));
    }
}

#[derive(Debug)]
struct Frag<'a> {
    text: &'a str,
    no: u32,
    blank_before: bool,
}

#[derive(Debug)]
struct PreCell<'a> {
    text: Cow<'a, str>,
    no: u32,
    /// Made from a whole line: the next line, with no blank between, continues it.
    open: bool,
}

#[derive(Debug, Default)]
struct Acc<'a> {
    l1: Option<(Cow<'a, str>, u32)>,
    l2: Option<(Cow<'a, str>, u32)>,
    pre: Vec<PreCell<'a>>,
    value: Option<(Cow<'a, str>, u32)>,
    post: Option<(Cow<'a, str>, u32)>,
    start: Option<u32>,
}

struct Anchor<'a> {
    l1: Option<Cow<'a, str>>,
    l2: Option<Cow<'a, str>>,
    l2_frag: usize,
    /// What follows the label on its line.
    rest: &'a str,
    /// The fragment after the label.
    next: usize,
}

/// The text after a 项目编码 label, cut where a 项目名称 label follows on
/// the same line (pdfplumber, pypdf and `pdftotext -raw` write a table row
/// on one line: `项目编码 1308… 项目名称 示例经费`): the code part, and the
/// name after the label.
fn split_name_field(rest: &str) -> (&str, Option<&str>) {
    match rest.find("项目名称") {
        Some(p) => {
            let name = rest[p + "项目名称".len()..]
                .trim()
                .trim_start_matches(['：', ':'])
                .trim();
            (&rest[..p], Some(name))
        }
        None => (rest, None),
    }
}

/// A level label (or an L1 label followed by an L2 label) starting at fragment `k`.
fn anchor_at<'a>(
    frags: &[Frag<'a>],
    k: usize,
    allow_l1: bool,
    allow_bare_l2: bool,
) -> Option<Anchor<'a>> {
    let (first, rest, next) = label_at(frags, k)?;
    let l1_only = labels::is_level1(&first) && !labels::is_level2(&first);
    let both = labels::is_level1(&first) && labels::is_level2(&first);
    if l1_only || both {
        // an L1 label: is an L2 label next?
        let l2 = if rest.is_empty() {
            label_at(frags, next)
                .filter(|(l, _, _)| labels::is_level2(l) && *l != first)
                .map(|(l, r, n)| (l, r, n, next))
        } else {
            // a token: its own label (see `label_at`)
            let first_tok = words(rest).next().unwrap_or("");
            if labels::is_level2(first_tok) && first_tok != first {
                let r = rest[offset(rest, first_tok) + first_tok.len()..].trim();
                Some((Cow::Borrowed(first_tok), r, next, next - 1))
            } else {
                None
            }
        };
        match l2 {
            Some((l2, r, n, l2_frag)) => {
                return Some(Anchor {
                    l1: Some(first),
                    l2: Some(l2),
                    l2_frag,
                    rest: r,
                    next: n,
                })
            }
            None if l1_only && (allow_l1 || !allow_bare_l2) => {
                return Some(Anchor {
                    l1: Some(first),
                    l2: None,
                    l2_frag: k,
                    rest,
                    next,
                })
            }
            None => {}
        }
    }
    if labels::is_level2(&first) {
        return Some(Anchor {
            l1: None,
            l2: Some(first),
            l2_frag: k,
            rest,
            next,
        });
    }
    None
}

/// A whole level label at fragment `k`: the first token of the line, or
/// the line joined with the following ones (no blank between) while they
/// spell the start of a label. Returns the label, the rest of its last
/// line, and the index of the fragment after it.
#[inline]
fn label_at<'a>(frags: &[Frag<'a>], k: usize) -> Option<(Cow<'a, str>, &'a str, usize)> {
    let f = frags.get(k)?;
    // every level label, whole or begun, starts with one of these chars
    // (most lines are ruled out here, inline; the rest read out of line)
    if !f.text.starts_with(labels::FIRST_CHARS) {
        return None;
    }
    label_from(frags, k, f.text)
}

/// [`label_at`] for a fragment `k` (of text `text`) that starts like a label.
#[inline(never)]
fn label_from<'a>(
    frags: &[Frag<'a>],
    k: usize,
    text: &'a str,
) -> Option<(Cow<'a, str>, &'a str, usize)> {
    // a token holds no white space, so its label only folds （）：％, which
    // no level label holds in either form: the token is its own label here
    let mut toks = words(text);
    let tok = toks.next().unwrap_or("");
    if is_level(tok) {
        let rest = text[offset(text, tok) + tok.len()..].trim();
        return Some((Cow::Borrowed(tok), rest, k + 1));
    }
    if toks.next().is_some() || tok.is_empty() || !labels::is_level_prefix(tok) {
        return None;
    }
    // room for the longest level label (服务对象满意度指标: 27 bytes)
    let mut acc = String::with_capacity(tok.len().max(32));
    acc.push_str(tok);
    let mut m = k + 1;
    while let Some(g) = frags.get(m) {
        if g.blank_before || words(g.text).nth(1).is_some() || crate::find::blank(g.text) {
            return None;
        }
        acc.push_str(&label(g.text));
        m += 1;
        if is_level(&acc) {
            return Some((Cow::Owned(acc), "", m));
        }
        if !labels::is_level_prefix(&acc) {
            return None;
        }
    }
    None
}

/// Exactly `labels::is_level(s)`: every level label ends with 指标 or 影响,
/// so most text is told apart by its last bytes.
fn is_level(s: &str) -> bool {
    (s.ends_with("指标") || s.ends_with("影响")) && labels::is_level(s)
}

/// Header words that wrap onto lines of their own (`指标值确定` / `依据`).
fn is_header_fragment(s: &str) -> bool {
    let l = label(s);
    l.chars().count() <= 12
        && (l.has("依据")
            || l.starts_with("指标值确定")
            || (l.has('评') && l.has('分'))
            || l == "(指标内容)")
}

/// The byte offset of `inner` (a subslice) in `outer`.
fn offset(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

/// Where a line splits into the tokens before a value and the value: the
/// byte offset of the first token where a complete value starts.
/// `several` is `has_white_space(s)`.
fn value_start(s: &str, several: bool) -> Option<usize> {
    // each candidate is a slice of the line from a token's start to the end
    // of the last token: `is_value` reads white space runs between tokens as
    // the single spaces of a join
    if !several {
        // one token (or none): the loop below would test only the whole line
        return (!s.is_empty() && is_value(s, 1)).then_some(0);
    }
    let end = s.trim_end().len();
    // the token starts, read once (a line with more tokens than fit is read twice)
    let mut starts = [0usize; 16];
    let mut ntok = 0;
    for tok in words(s) {
        if let Some(slot) = starts.get_mut(ntok) {
            *slot = offset(s, tok);
        }
        ntok += 1;
    }
    if ntok > starts.len() {
        return words(s)
            .enumerate()
            .map(|(k, tok)| (k, offset(s, tok)))
            .find(|&(k, i)| is_value(&s[i..end], ntok - k))
            .map(|(_, i)| i);
    }
    starts[..ntok]
        .iter()
        .enumerate()
        .find(|&(k, &i)| is_value(&s[i..end], ntok - k))
        .map(|(_, &i)| i)
}

/// The tokens of `s` (trimmed) joined by single spaces: `s` itself when
/// its only white space is single ASCII spaces.
fn single_spaced(s: &str) -> Cow<'_, str> {
    if s.split(' ')
        .all(|p| !p.is_empty() && !crate::find::has_white_space(p))
    {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(words(s).collect::<Vec<_>>().join(" "))
    }
}

const COMPARATORS: &[&str] = &[
    "≥", "≤", ">=", "<=", ">", "<", "=", "≧", "≦", "＞", "＜", "＝", "约",
];
const CMP_WORDS: &[&str] = &[
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "大于",
    "小于",
    "至少",
    "高于",
    "低于",
];

/// Rating and status terms that make a whole value cell on their own.
const TERMS: &[&str] = &[
    "长期",
    "中长期",
    "持续",
    "持续发展",
    "可持续",
    "及时",
    "准时",
    "满意",
    "基本满意",
    "提升",
    "提高",
    "显著",
    "明显",
    "合格",
    "达标",
    "是",
    "否",
    "有效",
    "良好",
    "较好",
    "优",
    "优秀",
    "良",
    "全部覆盖",
    "全覆盖",
    "足额发放",
    "按时发放",
    "应保尽保",
    "按要求",
    "稳定",
    "完成",
    "按时完成",
    "保障",
    "逐步提高",
    "增强",
    "改善",
    "规范",
];

/// True when `cand` (trimmed) reads as a whole value cell: a comparator or
/// number with a short unit, or a rating term alone (or one the grammar
/// calls qualitative).
fn is_value(cand: &str, ntok: usize) -> bool {
    let mut s = cand;
    // every comparator starts with one of these chars
    let cmp_start = s.chars().next().is_some_and(|c| {
        matches!(
            c,
            '≥' | '≤'
                | '>'
                | '<'
                | '='
                | '≧'
                | '≦'
                | '＞'
                | '＜'
                | '＝'
                | '约'
                | '不'
                | '大'
                | '小'
                | '至'
                | '高'
                | '低'
        )
    });
    if cmp_start {
        for c in COMPARATORS.iter().chain(CMP_WORDS) {
            if let Some(r) = s.strip_prefix(c) {
                s = r.trim_start();
                break;
            }
        }
    }
    let digits = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.')
        .count();
    if digits > 0 && s.as_bytes()[0].is_ascii_digit() {
        // the unit: what follows the number, white space removed
        let unit = s[digits..].chars().filter(|c| !c.is_whitespace());
        let bad = |c: char| {
            matches!(
                c,
                '，' | '。'
                    | '、'
                    | '；'
                    | '：'
                    | '【'
                    | '】'
                    | '（'
                    | '）'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | '《'
                    | '》'
                    | ','
                    | ';'
                    | ':'
            )
        };
        // a bad char or a 13th char: not a value
        return !unit.enumerate().any(|(n, c)| bad(c) || n == 12);
    }
    // at most four chars: at most 16 bytes
    if ntok == 1 && s.len() <= 16 && s.chars().count() <= 4 {
        if TERMS.contains(&s) {
            return true;
        }
        return Value::parse(s).kind() == Kind::Qualitative;
    }
    false
}

/// True when the next line continues a value cell: the value ends with
/// `/`, or the line completes its unit (`≥100 百分` + `比`, `≥143396` + `人`).
fn continues_value(value: &str, next: &str) -> bool {
    let next = next.trim();
    if value.ends_with('/') {
        return !next.is_empty() && next.chars().count() <= 6 && !next.contains(' ');
    }
    if next.is_empty()
        || next.contains(' ')
        || next.chars().count() > 4
        || next.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let tail = value
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    // The value grammar's unit table decides: the line completes a unit the
    // value alone did not have.
    let known = |u: &str| crate::value::unit::whole_unit(u).is_some_and(|p| !p.has_unknown());
    // the unit (white space removed) and the unit with the line, built on
    // the stack (units are short; a long tail takes the heap)
    let mut buf = [0u8; 64];
    let mut n = 0;
    for c in tail.chars().filter(|c| !c.is_whitespace()) {
        if n + c.len_utf8() > buf.len() {
            let unit: String = tail.chars().filter(|c| !c.is_whitespace()).collect();
            return known(&format!("{unit}{next}")) && !known(&unit);
        }
        n += c.encode_utf8(&mut buf[n..]).len();
    }
    let unit_len = n;
    if n + next.len() > buf.len() {
        let unit = std::str::from_utf8(&buf[..unit_len]).unwrap_or_default();
        return known(&format!("{unit}{next}")) && !known(unit);
    }
    buf[n..n + next.len()].copy_from_slice(next.as_bytes());
    n += next.len();
    // whole chars were copied, so both slices are UTF-8
    let (Ok(joined), Ok(unit)) = (
        std::str::from_utf8(&buf[..n]),
        std::str::from_utf8(&buf[..unit_len]),
    ) else {
        return false;
    };
    known(joined) && !known(unit)
}

/// One block holding both 三级指标 and 绩效指标描述 wrapped together: split
/// it when it is the same text twice. Returns the byte length of one half.
fn split_one(s: &str) -> Option<usize> {
    let n = s.chars().count();
    if n % 2 == 0 && n >= 2 {
        let half = s.char_indices().nth(n / 2).map_or(s.len(), |(i, _)| i);
        if s[..half] == s[half..] {
            return Some(half);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    /// The tokens before the value and the value, as [`Reader::content`] takes them.
    fn split_value(s: &str) -> Option<(Vec<String>, String)> {
        let at = value_start(s, crate::find::has_white_space(s))?;
        let pre = s[..at].split_whitespace().map(str::to_string).collect();
        Some((pre, single_spaced(s[at..].trim_end()).into_owned()))
    }

    #[test]
    fn one_search_finds_what_each_line_holds() {
        // 表 E8 A1 A8 and near misses (衰 E8 A1 B0, 标 E6 A0 87), white
        // space and markers the line trimming drops, empty lines
        let parts = [
            "表",
            "衰",
            "标",
            " ",
            "\u{3000}",
            "\n",
            "\n\n",
            "a",
            "[bookmark: x]",
            "\u{c}",
        ];
        let mut next = crate::seeded(99);
        for _ in 0..3000 {
            let text: String = (0..next(60)).map(|_| parts[next(parts.len())]).collect();
            let ls = lines(&text);
            let ts: Vec<&str> = ls.iter().map(t).collect();
            let want: Vec<bool> = ts.iter().map(|s| s.contains('表')).collect();
            assert_eq!(holding(&text, &ts, "表"), want, "{text:?}");
        }
    }

    #[test]
    fn block_labels_start_with_a_known_char() {
        for a in ["", "（", "项", "预", "资", "绩", "一", "级", "x", "目"] {
            for b in [
                "",
                "目编码",
                "目 名称",
                "算数",
                "算规模",
                "金支出",
                "效目标",
                "级指标",
                "：",
                "）",
            ] {
                let s = format!("{a}{b}");
                let any = BLOCK_LABELS.iter().any(|k| starts(&s, k));
                assert!(starts_like_block(&s) || !any, "{s:?}");
            }
        }
    }

    #[test]
    fn single_spaced_borrows_when_it_can() {
        assert!(matches!(
            single_spaced("100 百分比"),
            Cow::Borrowed("100 百分比")
        ));
        assert_eq!(single_spaced("100  百分比"), "100 百分比");
        assert_eq!(single_spaced("100\u{3000}百分比 x"), "100 百分比 x");
        assert!(matches!(single_spaced("长期"), Cow::Borrowed("长期")));
        assert_eq!(split_one("资金支付率资金支付率"), Some("资金支付率".len()));
        assert_eq!(split_one("资金支付率"), None);
        assert_eq!(split_one("ab"), None);
    }

    #[test]
    fn prefix_and_page_tests_agree_with_text() {
        let lines = [
            "一级指标 二级指标",
            "一级 指标",
            "一 级指标二级指标",
            "一级指标二级指标",
            "项目编码：P1",
            "项 目 编 号",
            "二级指标",
            "一",
            "",
            "a一级指标",
            "12",
            "- 3 -",
            "— 4 —",
            "– 5 –",
            "第 2 页",
            "第2页 共30页",
            "≥95%",
            "100 百分比",
        ];
        let prefixes = [
            "一级指标",
            "一级指标二级指标",
            "项目编码",
            "项目编号",
            "其他资金",
        ];
        for l in lines {
            for p in prefixes {
                assert_eq!(starts(l, p), text::label_starts(l, p), "{l:?} {p:?}");
            }
            assert_eq!(page_number(l), text::is_page_number(l), "{l:?}");
        }
        let mut c = Cow::Borrowed("100 元/人/");
        join(&mut c, " 年 ");
        assert_eq!(c, "100 元/人/年");
        let mut c = Cow::Borrowed("abc");
        join(&mut c, "  ");
        assert!(matches!(c, Cow::Borrowed("abc")));
        join(&mut c, "d");
        assert_eq!(c, "abc d");
    }

    #[test]
    fn level_labels_end_as_is_level_expects() {
        for l in labels::LEVEL1.iter().chain(labels::LEVEL2) {
            assert!(is_level(l), "{l}");
        }
        assert!(!is_level("指标"));
        assert!(!is_level("产出"));
    }

    #[test]
    fn comparators_start_with_a_known_char() {
        for c in COMPARATORS.iter().chain(CMP_WORDS) {
            let first = c.chars().next().unwrap();
            assert!("≥≤><=≧≦＞＜＝约不大小至高低".contains(first), "{c}");
        }
    }

    #[test]
    fn split_value_reads_runs_of_white_space_as_one() {
        assert_eq!(
            split_value("资金发放准时率\u{3000}100  百分比"),
            Some((vec!["资金发放准时率".to_string()], "100 百分比".to_string()))
        );
        assert_eq!(split_value("  "), None);
        // lines without white space: the whole line or nothing
        assert_eq!(split_value("≥95%"), Some((vec![], "≥95%".to_string())));
        assert_eq!(split_value("满意"), Some((vec![], "满意".to_string())));
        assert_eq!(split_value("资金发放准时率"), None);
        assert_eq!(split_value(""), None);
    }

    #[test]
    fn numbered_headings_read_through_white_space() {
        let src = "1 2 . 示例项目绩效\n目标表\n";
        let l = lines(src);
        let mut out = |_| {};
        let r = Reader::new(src, &l, &mut out);
        assert_eq!(r.heading_at(0).map(|h| h.1), Some(2));
        let src = "12 号文件\n目标表\n";
        let l = lines(src);
        let mut out = |_| {};
        let r = Reader::new(src, &l, &mut out);
        assert_eq!(r.heading_at(0), None);
    }

    #[test]
    fn values_are_recognised() {
        assert!(is_value("100 百分比", 2));
        assert!(is_value("≥143396", 1));
        assert!(is_value("100 元/人/", 2));
        assert!(is_value("长期", 1));
        assert!(!is_value("18 号、邢", 2));
        assert!(!is_value("资金支付率", 1));
        assert_eq!(
            split_value("资金发放准时率 100 百分比"),
            Some((vec!["资金发放准时率".to_string()], "100 百分比".to_string()))
        );
        assert!(continues_value("100 元/人/", "年"));
        assert!(continues_value("≥100 百分", "比"));
        assert!(continues_value("≥143396", "人"));
        assert!(!continues_value("≥54663 人", "邢财社"));
    }

    #[test]
    fn a_wrapped_table() {
        let src = "一级指标 二级指标 三级指标 绩效指标描述 指标值\n指标值确定\n\n依据\n\n产出指标\n\n\
数量指标 资金支付率 资金支付率 100 百分比\n编外人员经\n费\n\n时效指标\n资金发放准\n时率\n\n\
资金发放准时率 100 百分比\n编外人员经\n费\n\n成本指标\n补贴发放标\n准\n\n补贴发放标准\n100 元/人/\n年\n\n\
城乡居民残\n疾人代缴\n\n效益指标\n\n社会效益指\n标\n\n提供优质服\n务\n\n提供优质服务 长期\n编外人员经\n费\n";
        let (rows, notes) = read(src, &lines(src));
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(
            rows[0].texts(),
            vec![
                "一级指标",
                "二级指标",
                "三级指标",
                "绩效指标描述",
                "指标值",
                "指标值确定依据"
            ]
        );
        assert_eq!(
            rows[1].texts(),
            vec![
                "产出指标",
                "数量指标",
                "资金支付率",
                "资金支付率",
                "100 百分比",
                "编外人员经费"
            ]
        );
        assert_eq!(rows[1].line, 6);
        assert_eq!(
            rows[2].texts(),
            vec![
                "",
                "时效指标",
                "资金发放准时率",
                "资金发放准时率",
                "100 百分比",
                "编外人员经费"
            ]
        );
        assert_eq!(
            rows[3].texts(),
            vec![
                "",
                "成本指标",
                "补贴发放标准",
                "补贴发放标准",
                "100 元/人/年",
                "城乡居民残疾人代缴"
            ]
        );
        assert_eq!(
            rows[4].texts(),
            vec![
                "效益指标",
                "社会效益指标",
                "提供优质服务",
                "提供优质服务",
                "长期",
                "编外人员经费"
            ]
        );
    }
}
