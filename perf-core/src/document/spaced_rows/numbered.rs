//! Spaced-rows tables whose 指标值 is split into `符号 | 值 | 单位（文字描述）`
//! and whose cells wrap in narrow columns, most often with a first column
//! of running row numbers (004's tables as pdfplumber, pypdf and
//! `pdftotext -raw` write them):
//!
//! ```text
//! 12 一级指标 二级指标 三级指标 绩效指标描述 评（扣）分标 指标值 指标确
//! （指标内容） 准 定依据
//! 13 符号 值 单位(文
//! 字描述)
//! 14 产出指标 数量指标 城乡居民基 参加城乡居民养 应保尽保达 ≥ 95.00 % 按照政策要求和年
//! 本养老保险 老保险覆盖率 95%以上为 初目标任务，参加
//! ```
//!
//! The rules:
//!
//! - **The header** starts with `一级指标 二级指标` (after an optional row
//!   number) and ends at a line of `符号 值 单位…`; the labels may wrap over
//!   its lines (`评（扣）分标` + `准`): a piece that is a label, or starts
//!   one (`指标确`), opens a column, any other piece continues one.
//! - **A row** starts at the running row number (`14`, then `15` …; the
//!   number after the 符号 line's), or, in a table without numbers, at a
//!   line that starts with level labels; it takes the lines up to the next
//!   row's start, a heading or the end of the table.
//! - **The value** is found by what its cells hold: a comparator alone
//!   (`≥`) before a number (`95.00`) and maybe a unit (`%`); or 文字描述 /
//!   定性, maybe broken (`文字描` … `述`), whose text stands in the 单位
//!   column. The cells before it are the columns between the levels and
//!   指标值 (三级指标, 绩效指标描述, 评（扣）分标准), the cells after it
//!   the columns after 指标值.
//! - **Cells after each other** (pypdf, `pdftotext -raw`: the value not on
//!   the row's first line): each cell's lines follow one another; pieces
//!   of one line parted by a space between two Han characters are cells
//!   of one text line of the PDF, so a cell starts at each. The lines are
//!   shared out by how full they are ([`narrow::split`]).
//! - **Cells side by side** (pdfplumber: the value on the first line): the
//!   first line holds the first line of every cell, each following line
//!   the next lines of the cells still open, left to right. Each line's
//!   pieces go to the open columns at the least cost ([`place`]): a piece
//!   no wider than its column, a cell going on only where its last line
//!   was full, spaces between two Han characters between cells.
//! - **Column widths** (display columns, a Han character two) are learned
//!   from the table itself: first from the first lines whose pieces fall
//!   one per column, then from the lines each cut shows to fill a column.
//!
//! A row without a value anchor keeps its text whole in the first column
//! after the levels, with an `ambiguous-cells` note naming the line.

use std::borrow::Cow;

use super::{levels, tokens, Col, HEADER_LABELS};
use crate::document::paragraph_cells::narrow::{self, LineWidth};
use crate::document::paragraph_cells::{is_comparator, is_number, is_unit};
use crate::document::row::{Cell, Line, Row};
use crate::document::text::{self, label};

/// The header of a split-value table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header {
    /// The columns between the levels and 指标值.
    pub pre: Vec<Col>,
    /// The columns after 指标值.
    pub post: Vec<Col>,
    /// The number of the first row, in a numbered table.
    pub first_row: Option<u32>,
    /// Lines the header takes.
    pub used: usize,
}

/// At most this many lines hold one header.
const MAX_HEADER_LINES: usize = 10;

/// At most this many pieces of one line are placed by width (the search
/// is quadratic in them); a longer line is no table line of this kind.
const MAX_LINE_PIECES: usize = 48;

/// At most this many lines hold one row.
const MAX_ROW_LINES: usize = 40;

/// A leading row number (at most three digits) and the index after it.
fn number_of(toks: &[&str]) -> (Option<u32>, usize) {
    match toks.first() {
        Some(t) if t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit()) => (t.parse().ok(), 1),
        _ => (None, 0),
    }
}

/// The columns a header piece may open: the one it names, or those whose
/// label it starts (two characters at least); empty for a piece that
/// continues a label (`准`, `（指标内容）`).
fn opens(piece: &str) -> Vec<Col> {
    let l = label(piece);
    let known = HEADER_LABELS.iter().filter(|(_, c)| *c != Col::Other);
    if let Some((_, c)) = known.clone().find(|(x, _)| *x == l) {
        return vec![*c];
    }
    let mut out = Vec::new();
    if l.chars().count() >= 2 {
        for (x, c) in known {
            if x.starts_with(l.as_ref()) && !out.contains(c) {
                out.push(*c);
            }
        }
    }
    out
}

/// True for the line under a split 指标值 (`13 符号 值 单位(文`).
fn split_line(toks: &[&str]) -> Option<Option<u32>> {
    let (no, at) = number_of(toks);
    let l = label(&toks.get(at..)?.concat()).into_owned();
    (l.starts_with("符号值单位") || l.starts_with("计算符号值")).then_some(no)
}

/// The split-value header at line `i`, if one starts there.
pub(super) fn header_at(lines: &[Line<'_>], i: usize) -> Option<Header> {
    let toks = tokens(lines[i].text);
    let (no, at) = number_of(&toks);
    if toks.len() < at + 2 || label(toks[at]) != "一级指标" || label(toks[at + 1]) != "二级指标"
    {
        return None;
    }
    // the lines up to the 符号 line
    let mut pieces: Vec<&str> = toks[at..].to_vec();
    let mut j = i + 1;
    let split_no = loop {
        if j >= lines.len() || j - i >= MAX_HEADER_LINES {
            return None;
        }
        let t = tokens(lines[j].text);
        if let Some(n) = split_line(&t) {
            break n;
        }
        if levels(&t).is_some() {
            return None;
        }
        pieces.extend(t);
        j += 1;
    };
    // the 单位（文字描述） label's tail on the lines after it
    let mut k = j + 1;
    while k < lines.len() && k - j <= 3 {
        let l = label(lines[k].text);
        if l.is_empty() || l.chars().count() > 6 || !l.chars().all(|c| "(文字描述)".contains(c))
        {
            break;
        }
        k += 1;
    }
    // the columns, in the order their first pieces stand
    let cands: Vec<Vec<Col>> = pieces.iter().map(|p| opens(p)).collect();
    let sure: Vec<Col> = cands
        .iter()
        .filter(|c| c.len() == 1)
        .map(|c| c[0])
        .collect();
    let mut cols: Vec<Col> = Vec::new();
    for c in &cands {
        let pick = match c.len() {
            0 => None,
            1 => Some(c[0]),
            _ => c
                .iter()
                .copied()
                .find(|x| !sure.contains(x) && !cols.contains(x)),
        };
        if let Some(p) = pick {
            if !cols.contains(&p) {
                cols.push(p);
            }
        }
    }
    let v = cols.iter().position(|c| *c == Col::Value)?;
    if cols.first() != Some(&Col::Level1) || cols.get(1) != Some(&Col::Level2) || v < 2 {
        return None;
    }
    Some(Header {
        pre: cols[2..v].to_vec(),
        post: cols[v + 1..].to_vec(),
        first_row: split_no.or(no.map(|n| n + 1)).map(|n| n + 1),
        used: k - i,
    })
}

/// The label a column's header cell is given.
fn col_label(c: Col) -> &'static str {
    match c {
        Col::Level1 => "一级指标",
        Col::Level2 => "二级指标",
        Col::Level3 => "三级指标",
        Col::Description => "绩效指标描述",
        Col::Scoring => "评(扣)分标准",
        Col::Value => "指标值",
        Col::Basis => "指标值确定依据",
        Col::Other => "",
    }
}

/// True for a line that ends a table: a heading (`2、 …绩效目标表`,
/// `第三部分`, `一、…`), a project-table label, a page number.
fn ends(t: &str) -> bool {
    let s = t.trim_start();
    let l = label(s);
    if l.ends_with("绩效目标表") || l.ends_with("申报表") || l.ends_with("绩效表") {
        return true;
    }
    if ["栏次", "序号", "项目编码", "项目名称"]
        .iter()
        .any(|f| l.starts_with(f))
    {
        return true;
    }
    if l.starts_with('第') && l.contains("部分") && l.chars().count() <= 8 {
        return true;
    }
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=2).contains(&digits) {
        let after = &s[digits..];
        if after.starts_with(['、', '．']) {
            return true;
        }
    }
    text::is_page_number(s.trim())
}

/// A line as [`narrow`] sees it; a line ending on a preposition that needs
/// its object (`95%以` + `上`, `…对` + `…`) ends open, too.
fn line_width(s: &str) -> LineWidth {
    let mut w = LineWidth::of(s);
    w.open |= s
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| "以于在按将从被向".contains(c));
    w
}

/// True for a line that ends the head of a numbered project table (a
/// heading: the next project or part).
pub(super) fn ends_head(t: &str) -> bool {
    let l = label(t);
    l.ends_with("绩效目标表")
        || l.ends_with("申报表")
        || (l.starts_with('第') && l.contains("部分"))
}

/// A line of a numbered project table without its row number (`4 项目编码
/// …` → `项目编码 …`; `8 0 0 0 100` → `0 0 0 100`): a number of at most
/// two digits, then a space.
pub(super) fn without_row_number(t: &str) -> &str {
    let s = t.trim_start();
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=2).contains(&digits) && s[digits..].starts_with(' ') {
        let rest = s[digits..].trim_start();
        if !rest.is_empty() {
            return rest;
        }
    }
    t
}

/// The display width of pieces set apart by single spaces.
fn width_of(toks: &[&str]) -> usize {
    toks.iter().map(|t| narrow::width(t)).sum::<usize>() + toks.len().saturating_sub(1)
}

/// True where the space between `a` and `b` stands between two Han
/// characters (or CJK punctuation): in these tools, between two cells.
fn han_gap(a: &str, b: &str) -> bool {
    a.chars().next_back().is_some_and(text::is_cjk) && b.chars().next().is_some_and(text::is_cjk)
}

/// A cell's lines as they are collected.
#[derive(Clone, Debug, Default)]
struct Frags {
    lines: Vec<String>,
}

impl Frags {
    fn push(&mut self, toks: &[&str]) {
        if !toks.is_empty() {
            self.lines.push(toks.join(" "));
        }
    }
    fn text(&self) -> String {
        let mut t = String::new();
        for l in &self.lines {
            text::join_wrapped(&mut t, l);
        }
        t
    }
}

/// The value found among a row's pieces.
#[derive(Debug, Clone)]
enum Anchor {
    /// `≥ 95.00 %`: the comparator's piece, the number and unit as read,
    /// the piece after them.
    Quantity {
        at: usize,
        number: String,
        unit: Option<String>,
        end: usize,
    },
    /// `文字描述` / `定性` starting at piece `at`; `done` when the pieces up
    /// to `end` complete it, else the tail still to come (`述`).
    Words { at: usize, end: usize, rest: String },
}

impl Anchor {
    fn at(&self) -> usize {
        match self {
            Anchor::Quantity { at, .. } | Anchor::Words { at, .. } => *at,
        }
    }
}

const WORDS: &[&str] = &["文字描述", "定性"];

/// A number piece, or a number with its unit in one piece (`95.00%`).
fn number_unit(t: &str) -> Option<(String, Option<String>)> {
    if is_number(t) {
        return Some((t.to_string(), None));
    }
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == '.'))
        .map(|(k, _)| k)?;
    if end == 0 || !is_number(&t[..end]) || !is_unit(&t[end..]) {
        return None;
    }
    Some((t[..end].to_string(), Some(t[end..].to_string())))
}

/// The value among pieces `flat` (each with its line), the first found.
fn find_anchor(flat: &[(usize, &str)]) -> Option<Anchor> {
    for (k, &(li, t)) in flat.iter().enumerate() {
        if is_comparator(t) {
            if let Some((number, mut unit)) = flat.get(k + 1).and_then(|(_, n)| number_unit(n)) {
                let mut end = k + 2;
                if unit.is_none() {
                    if let Some(&(lu, u)) = flat.get(k + 2) {
                        if lu == flat[k + 1].0 && lu >= li && is_unit(u) {
                            unit = Some(u.to_string());
                            end += 1;
                        }
                    }
                }
                return Some(Anchor::Quantity {
                    at: k,
                    number,
                    unit,
                    end,
                });
            }
            continue;
        }
        let l = label(t);
        if l.chars().count() < 2 {
            continue;
        }
        for w in WORDS {
            if !w.starts_with(l.as_ref()) {
                continue;
            }
            // completed by the pieces right after it (cells one after another)
            let mut acc = l.to_string();
            let mut end = k + 1;
            while acc.len() < w.len() {
                match flat.get(end) {
                    Some((_, n)) if w.starts_with(&format!("{acc}{}", label(n))) => {
                        acc.push_str(&label(n));
                        end += 1;
                    }
                    _ => break,
                }
            }
            return Some(Anchor::Words {
                at: k,
                end,
                rest: w[acc.len()..].to_string(),
            });
        }
    }
    None
}

/// One row as found: its line, number, level cells and lines of pieces
/// after the levels.
struct Found<'a> {
    no: u32,
    l1: String,
    l2: String,
    lines: Vec<Vec<&'a str>>,
}

/// A row cut into its cells: pre columns, 符号, 值, 单位, post columns.
struct Cut {
    cells: Vec<String>,
    /// per column, the widths of the lines that filled it (all but the last)
    full: Vec<Vec<usize>>,
    note: Option<String>,
}

/// Reads a split-value table whose rows start at line `i`; returns the
/// rows (header rows first) and the line after the table.
pub(super) fn read<'a>(
    lines: &[Line<'a>],
    start: usize,
    h: &Header,
    rows: &mut Vec<Row<'a>>,
    notes: &mut Vec<(u32, String)>,
) -> usize {
    let hl = lines[start].no;
    let cell = |s: &str, line: u32| Cell {
        text: Cow::Owned(s.to_string()),
        line,
    };
    // the header as two rows: the labels, then 符号 | 值 | 单位 under 指标值
    let mut head = vec![cell("", hl), cell("一级指标", hl), cell("二级指标", hl)];
    let mut sub = vec![cell("", hl), cell("", hl), cell("", hl)];
    for c in &h.pre {
        head.push(cell(col_label(*c), hl));
        sub.push(cell("", hl));
    }
    head.extend([cell("指标值", hl), cell("", hl), cell("", hl)]);
    sub.extend([cell("符号", hl), cell("值", hl), cell("单位(文字描述)", hl)]);
    for c in &h.post {
        head.push(cell(col_label(*c), hl));
        sub.push(cell("", hl));
    }
    rows.push(Row::table(hl, head));
    rows.push(Row::table(hl, sub));

    let mut i = start + h.used;
    let mut expect = h.first_row;
    let mut found: Vec<Found<'a>> = Vec::new();
    loop {
        while i < lines.len() && lines[i].text.trim().is_empty() {
            i += 1;
        }
        if i >= lines.len() {
            break;
        }
        let toks = tokens(lines[i].text);
        let starts = |toks: &[&str], n: Option<u32>| match n {
            Some(n) => number_of(toks).0 == Some(n) && toks.len() > 1,
            None => levels(toks).is_some(),
        };
        if !starts(&toks, expect) || header_at(lines, i).is_some() {
            break;
        }
        let mut j = i + 1;
        while j < lines.len() && j - i < MAX_ROW_LINES {
            let t = lines[j].text;
            let tk = tokens(t);
            if tk.is_empty() {
                j += 1;
                continue;
            }
            if starts(&tk, expect.map(|n| n + 1)) || ends(t) || header_at(lines, j).is_some() {
                break;
            }
            j += 1;
        }
        let (l1, l2, rest) = match levels(&toks) {
            Some(lv) => {
                let span = |r: Option<(usize, usize)>| {
                    r.map_or(String::new(), |(a, b)| toks[a..b].concat())
                };
                (span(lv.level1), span(lv.level2), lv.rest)
            }
            None => (String::new(), String::new(), number_of(&toks).1),
        };
        let mut ls = vec![toks[rest..].to_vec()];
        for l in &lines[i + 1..j] {
            let tk = tokens(l.text);
            if !tk.is_empty() {
                ls.push(tk);
            }
        }
        found.push(Found {
            no: lines[i].no,
            l1,
            l2,
            lines: ls,
        });
        expect = expect.map(|n| n + 1);
        i = j;
    }

    // cut every row, learning the columns' widths over the table
    let ncols = h.pre.len() + 3 + h.post.len();
    let mut caps: Vec<Option<usize>> = first_caps(&found, h);
    let mut cuts: Vec<Cut> = Vec::new();
    for round in 0..3 {
        cuts = found.iter().map(|f| cut_row(f, h, &caps)).collect();
        if round == 2 {
            break;
        }
        let mut full: Vec<Vec<usize>> = vec![Vec::new(); ncols];
        for c in &cuts {
            for (k, w) in c.full.iter().enumerate() {
                full[k].extend(w);
            }
        }
        for (k, f) in full.into_iter().enumerate() {
            if let Some(w) = wide(f) {
                caps[k] = Some(caps[k].map_or(w, |c| c.max(w)));
            }
        }
    }
    if std::env::var("ROWS004_DEBUG").is_ok() {
        eprintln!(
            "table at {hl}: caps {caps:?} first {:?}",
            first_caps(&found, h)
        );
    }
    for (f, c) in found.iter().zip(cuts) {
        let mut cells = vec![cell("", f.no), cell(&f.l1, f.no), cell(&f.l2, f.no)];
        cells.extend(c.cells.iter().map(|s| cell(s, f.no)));
        rows.push(Row::table(f.no, cells));
        if let Some(n) = c.note {
            notes.push((f.no, n));
        }
    }
    i
}

/// A column's width from the widths of the lines seen to fill it: the
/// widest but for a tenth (a line put in the wrong cell).
fn wide(mut full: Vec<usize>) -> Option<usize> {
    if full.is_empty() {
        return None;
    }
    full.sort_unstable();
    Some(full[(full.len() * 9 / 10).min(full.len() - 1)])
}

/// The columns' widths from the rows' first lines whose pieces fall one
/// per column (split at spaces between Han characters).
fn first_caps(found: &[Found<'_>], h: &Header) -> Vec<Option<usize>> {
    let p = h.pre.len();
    let ncols = p + 3 + h.post.len();
    let mut seen: Vec<Vec<usize>> = vec![Vec::new(); ncols];
    for f in found {
        let line = &f.lines[0];
        let flat: Vec<(usize, &str)> = line.iter().map(|t| (0, *t)).collect();
        let Some(a) = find_anchor(&flat) else {
            continue;
        };
        let groups = han_groups(&line[..a.at()]);
        if groups.len() == p && groups.iter().all(|g| g.len() == 1) {
            for (k, g) in groups.iter().enumerate() {
                seen[k].push(width_of(g));
            }
        }
        // after the value: 单位 (the text of 文字描述) and the post columns
        let (from, first) = match &a {
            Anchor::Quantity { end, .. } => (*end, p + 3),
            Anchor::Words { end, .. } => (*end, p + 2),
        };
        if let Some(tail) = line.get(from..) {
            let groups = han_groups(tail);
            if groups.len() == ncols - first {
                for (k, g) in groups.iter().enumerate() {
                    seen[first + k].push(width_of(g));
                }
            }
        }
    }
    seen.into_iter()
        .map(|w| w.into_iter().max().filter(|&m| m > 0))
        .collect()
}

/// Pieces grouped where a space stands between two Han characters.
fn han_groups<'t, 'a>(toks: &'t [&'a str]) -> Vec<&'t [&'a str]> {
    let mut out = Vec::new();
    let mut from = 0;
    for k in 1..toks.len() {
        if han_gap(toks[k - 1], toks[k]) {
            out.push(&toks[from..k]);
            from = k;
        }
    }
    if from < toks.len() {
        out.push(&toks[from..]);
    }
    out
}

/// Cuts one row into its cells (see the module docs).
fn cut_row(f: &Found<'_>, h: &Header, caps: &[Option<usize>]) -> Cut {
    let p = h.pre.len();
    let ncols = p + 3 + h.post.len();
    let (sym, val, unit) = (p, p + 1, p + 2);
    let flat: Vec<(usize, &str)> = f
        .lines
        .iter()
        .enumerate()
        .flat_map(|(li, l)| l.iter().map(move |t| (li, *t)))
        .collect();
    let whole = || {
        let mut cells = vec![String::new(); ncols];
        let all: Vec<&str> = flat.iter().map(|x| x.1).collect();
        let mut t = String::new();
        for l in &f.lines {
            text::join_wrapped(&mut t, &l.join(" "));
        }
        cells[0] = t;
        Cut {
            cells,
            full: vec![Vec::new(); ncols],
            note: Some(format!(
                "cells of `{}` not told apart (no 符号 cell with a value found): kept whole in the first column after the levels",
                all.join(" ")
            )),
        }
    };
    let Some(anchor) = find_anchor(&flat) else {
        return whole();
    };
    let end = match &anchor {
        Anchor::Quantity { end, .. } | Anchor::Words { end, .. } => *end,
    };
    // side by side when the value stands whole on the first line
    if end <= f.lines[0].len() {
        side_by_side(f, h, caps, &anchor).unwrap_or_else(whole)
    } else {
        in_order(&flat, h, caps, &anchor, (sym, val, unit))
    }
}

/// Pieces as lines for [`narrow::split`]. The first line (the row's first,
/// or the rest of the value's line) is parted where a space stands between
/// two Han characters, each part after the first a sure cell start (the
/// tools join cells that stand on one text line of the PDF); later lines
/// are kept whole (pypdf also sets such spaces inside a cell's line:
/// `为优，不 按需`). The first part of all is a sure start when
/// `first_starts`.
fn as_lines(flat: &[(usize, &str)], first_starts: bool) -> (Vec<String>, Vec<LineWidth>) {
    let mut texts = Vec::new();
    let mut ws = Vec::new();
    let mut k = 0;
    while k < flat.len() {
        let li = flat[k].0;
        let mut e = k;
        while e < flat.len() && flat[e].0 == li {
            e += 1;
        }
        let toks: Vec<&str> = flat[k..e].iter().map(|x| x.1).collect();
        let groups = if k == 0 {
            han_groups(&toks)
        } else {
            vec![&toks[..]]
        };
        for (g, grp) in groups.into_iter().enumerate() {
            let t = grp.join(" ");
            let mut w = line_width(&t);
            w.start = g > 0 || (first_starts && texts.is_empty());
            texts.push(t);
            ws.push(w);
        }
        k = e;
    }
    (texts, ws)
}

/// Shares lines out over columns `cols` ([`narrow::split`]); the cells'
/// texts and the widths of the lines that filled them.
fn share(
    texts: &[String],
    ws: &[LineWidth],
    caps: &[Option<usize>],
) -> Option<(Vec<String>, Vec<Vec<usize>>)> {
    if caps.is_empty() {
        return texts.is_empty().then(|| (Vec::new(), Vec::new()));
    }
    let lens = narrow::split(ws, caps, 30)?;
    let mut at = 0;
    let mut cells = Vec::new();
    let mut full = Vec::new();
    for len in lens {
        let mut t = String::new();
        for x in &texts[at..at + len] {
            text::join_wrapped(&mut t, x);
        }
        cells.push(t);
        full.push(
            ws[at..at + len.saturating_sub(1)]
                .iter()
                .map(|w| w.width)
                .collect(),
        );
        at += len;
    }
    Some((cells, full))
}

/// A row whose cells' lines follow one another (pypdf, `pdftotext -raw`).
fn in_order(
    flat: &[(usize, &str)],
    h: &Header,
    caps: &[Option<usize>],
    anchor: &Anchor,
    (sym, val, unit): (usize, usize, usize),
) -> Cut {
    let ncols = h.pre.len() + 3 + h.post.len();
    let mut cells = vec![String::new(); ncols];
    let mut full = vec![Vec::new(); ncols];
    let mut note = None;
    let (pre_end, post_from, post_cols) = match anchor {
        Anchor::Quantity {
            at,
            number,
            unit: u,
            end,
        } => {
            cells[sym] = flat[*at].1.to_string();
            cells[val] = number.clone();
            cells[unit] = u.clone().unwrap_or_default();
            (*at, *end, unit + 1..ncols)
        }
        Anchor::Words { at, end, .. } => {
            let mut t = String::new();
            for x in &flat[*at..*end] {
                t.push_str(x.1);
            }
            cells[sym] = t;
            (*at, *end, unit..ncols)
        }
    };
    let mut place = |range: std::ops::Range<usize>, part: &[(usize, &str)], first: bool| {
        let (texts, ws) = as_lines(part, first);
        let c: Vec<Option<usize>> = range.clone().map(|k| caps[k]).collect();
        match share(&texts, &ws, &c) {
            Some((cs, fs)) => {
                for ((k, t), f) in range.zip(cs).zip(fs) {
                    cells[k] = t;
                    full[k] = f;
                }
            }
            None if !texts.is_empty() && !range.is_empty() => {
                let mut t = String::new();
                for x in &texts {
                    text::join_wrapped(&mut t, x);
                }
                note = Some(format!(
                    "cells of `{}` not told apart (more lines than the columns hold): kept whole in the first of them",
                    texts.join(" ")
                ));
                cells[range.start] = t;
            }
            None => {}
        }
    };
    place(0..h.pre.len(), &flat[..pre_end], true);
    place(post_cols, &flat[post_from..], true);
    Cut { cells, full, note }
}

/// A column of a row read side by side, as its lines come.
#[derive(Clone, Debug)]
struct Open {
    col: usize,
    last: Option<LineWidth>,
}

/// The cost of a piece standing inside one cell across a space between
/// two Han characters (the tools part cells there).
const HAN_GAP_INSIDE: u32 = 12;

/// The cost of two cells parted at a space that does not stand between
/// two Han characters (`60 | 周岁`, `政策, | 城乡`): such a space is
/// more often a cell's own.
const CUT_NOT_HAN: u32 = 3;

/// The cost of a cell that goes on after a line that was not full, per
/// column of room left.
const ROOM_LEFT: u32 = 2;

/// The cost of a column that takes nothing on a line after a full line.
const FULL_STOPS: u32 = 2;

/// The cost of a column that takes nothing after a line that ends where
/// no text ends (`…为`, `…，`).
const OPEN_STOPS: u32 = 6;

/// The cost of a required column (on the first line) left empty.
const EMPTY_FIRST: u32 = 30;

/// Places pieces `toks` of one line over columns `open`, in order, each
/// taking a run of pieces or none, at the least cost. `first`: every
/// column should take a piece (a row's first line). Returns for each
/// column the run it takes.
fn place(
    toks: &[&str],
    open: &[Open],
    caps: &[Option<usize>],
    first: bool,
) -> Option<Vec<std::ops::Range<usize>>> {
    let (n, k) = (toks.len(), open.len());
    if n > MAX_LINE_PIECES {
        return None;
    }
    if k == 0 {
        return (n == 0).then(Vec::new);
    }
    const NONE: u32 = u32::MAX;
    let mut best = vec![vec![(NONE, 0usize); n + 1]; k + 1];
    best[0][0] = (0, 0);
    for j in 0..k {
        let cap = caps[open[j].col];
        for i in 0..=n {
            let (c, _) = best[j][i];
            if c == NONE {
                continue;
            }
            // none
            let mut skip = 0;
            if first {
                skip = EMPTY_FIRST;
            } else if let Some(last) = open[j].last {
                if last.open {
                    skip = OPEN_STOPS;
                } else if cap.is_some_and(|cap| last.width + 2 >= cap) {
                    skip = FULL_STOPS;
                }
            }
            // (costs in sixteenths: of two ways alike, the one that leaves
            // an earlier column without the piece: the later columns, the
            // description and the basis, hold the longer texts)
            let skip = c + skip * 16 + u32::try_from(j + 1).unwrap_or(15).min(15);
            if skip < best[j + 1][i].0 {
                best[j + 1][i] = (skip, i);
            }
            for e in i + 1..=n {
                let g = &toks[i..e];
                let w = width_of(g);
                let mut t = 0;
                if i > 0 && !han_gap(toks[i - 1], toks[i]) {
                    t += CUT_NOT_HAN;
                }
                for x in 1..g.len() {
                    if han_gap(g[x - 1], g[x]) {
                        t += HAN_GAP_INSIDE;
                    }
                }
                if let Some(cap) = cap {
                    t += 4 * u32::try_from(w.saturating_sub(cap + 1)).unwrap_or(1000);
                    if let Some(last) = open[j].last {
                        let lead = narrow::lead_width(g[0]);
                        // the piece's start would have fit on the line before
                        let room = (cap + 1).saturating_sub(last.width + lead);
                        t += ROOM_LEFT * u32::try_from(room).unwrap_or(1000);
                    }
                }
                let t = c + t * 16;
                if t < best[j + 1][e].0 {
                    best[j + 1][e] = (t, i);
                }
            }
        }
    }
    if best[k][n].0 == NONE {
        return None;
    }
    let mut out = vec![0..0; k];
    let mut i = n;
    for j in (0..k).rev() {
        let from = best[j + 1][i].1;
        out[j] = from..i;
        i = from;
    }
    Some(out)
}

/// A row whose lines hold the cells side by side (pdfplumber); `None`
/// when a line's pieces cannot be placed.
fn side_by_side(f: &Found<'_>, h: &Header, caps: &[Option<usize>], anchor: &Anchor) -> Option<Cut> {
    let p = h.pre.len();
    let ncols = p + 3 + h.post.len();
    let (sym, val, unit) = (p, p + 1, p + 2);
    let mut frags: Vec<Frags> = vec![Frags::default(); ncols];
    let mut lasts: Vec<Option<LineWidth>> = vec![None; ncols];
    let line0 = &f.lines[0];
    let add =
        |frags: &mut Vec<Frags>, lasts: &mut Vec<Option<LineWidth>>, col: usize, g: &[&str]| {
            if g.is_empty() {
                return;
            }
            frags[col].push(g);
            lasts[col] = Some(line_width(&g.join(" ")));
        };
    // the first line: the pre columns, the value, the post columns
    let at = anchor.at();
    let pre: Vec<Open> = (0..p).map(|col| Open { col, last: None }).collect();
    let r = place(&line0[..at], &pre, caps, true)?;
    for (o, g) in pre.iter().zip(r) {
        add(&mut frags, &mut lasts, o.col, &line0[g]);
    }
    let (after, mut pending, unit_open) = match anchor {
        Anchor::Quantity {
            number,
            unit: u,
            end,
            ..
        } => {
            frags[sym].push(&[line0[at]]);
            frags[val].lines.push(number.clone());
            if let Some(u) = u {
                frags[unit].lines.push(u.clone());
            }
            (*end, String::new(), u.is_none())
        }
        Anchor::Words { end, rest, .. } => {
            frags[sym].push(&line0[at..*end]);
            (*end, rest.clone(), true)
        }
    };
    let post_cols: Vec<usize> = if matches!(anchor, Anchor::Words { .. }) {
        (unit..ncols).collect()
    } else {
        (unit + 1..ncols).collect()
    };
    let post: Vec<Open> = post_cols
        .iter()
        .map(|&col| Open { col, last: None })
        .collect();
    let tail = &line0[after..];
    let r = place(tail, &post, caps, true)?;
    for (o, g) in post.iter().zip(r) {
        add(&mut frags, &mut lasts, o.col, &tail[g]);
    }
    // a cell's lines stand on consecutive lines: a column that takes
    // nothing on a line is done
    let mut done = vec![false; ncols];
    let is_quantity = matches!(anchor, Anchor::Quantity { .. });
    // the lines after it: the tails of the open columns
    let mut note = None;
    for (li, line) in f.lines.iter().enumerate().skip(1) {
        let opened = |cols: &mut dyn Iterator<Item = usize>,
                      frags: &[Frags],
                      lasts: &[Option<LineWidth>],
                      done: &[bool]|
         -> Vec<Open> {
            cols.filter(|&c| {
                if done[c] {
                    false
                } else if c == unit {
                    // the unit goes on only as the text of 文字描述, or
                    // where it stands below the number
                    unit_open
                } else {
                    !frags[c].lines.is_empty()
                }
            })
            .map(|col| Open {
                col,
                last: lasts[col],
            })
            .collect()
        };
        // the tail of 文字描述, or the unit below the number, parts the line
        let cut = if !pending.is_empty() {
            line.iter().position(|t| label(t) == pending.as_str())
        } else if unit_open && !done[unit] && frags[unit].lines.is_empty() && is_quantity {
            line.iter().position(|t| is_unit(t))
        } else {
            None
        };
        let parts: Vec<(std::ops::Range<usize>, Vec<Open>)> = match cut {
            Some(k) => {
                if pending.is_empty() {
                    frags[unit].push(&line[k..=k]);
                    done[unit] = true;
                } else {
                    frags[sym].lines.push(pending.clone());
                    pending.clear();
                }
                vec![
                    (0..k, opened(&mut (0..p), &frags, &lasts, &done)),
                    (
                        k + 1..line.len(),
                        opened(&mut (unit..ncols), &frags, &lasts, &done),
                    ),
                ]
            }
            None => {
                let mut cols = (0..p).chain(unit..ncols);
                vec![(0..line.len(), opened(&mut cols, &frags, &lasts, &done))]
            }
        };
        for (range, open) in parts {
            let toks = &line[range];
            let Some(r) = place(toks, &open, caps, false) else {
                // no open column takes the pieces: they go on the last
                // cell that has text, noted
                if let Some(c) = (0..ncols).rev().find(|&c| !frags[c].lines.is_empty()) {
                    add(&mut frags, &mut lasts, c, toks);
                }
                note = Some(format!(
                    "`{}` (line {} of the row) stands under no open cell: joined to the last cell",
                    toks.join(" "),
                    li + 1
                ));
                continue;
            };
            for (o, g) in open.iter().zip(r) {
                if g.is_empty() {
                    done[o.col] = true;
                }
                add(&mut frags, &mut lasts, o.col, &toks[g]);
            }
        }
    }
    let cells: Vec<String> = frags.iter().map(Frags::text).collect();
    let full = frags
        .iter()
        .map(|fr| {
            let n = fr.lines.len();
            fr.lines[..n.saturating_sub(1)]
                .iter()
                .map(|l| narrow::width(l))
                .collect()
        })
        .collect();
    Some(Cut { cells, full, note })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::row::lines;

    fn table(text: &str) -> (Vec<Vec<String>>, Vec<(u32, String)>) {
        let ls = lines(text);
        let h = header_at(&ls, 0).expect("a header");
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        read(&ls, 0, &h, &mut rows, &mut notes);
        (
            rows.iter()
                .map(|r| r.cells.iter().map(|c| c.text.to_string()).collect())
                .collect(),
            notes,
        )
    }

    fn show(rows: &[Vec<String>]) -> String {
        rows.iter()
            .map(|r| r.join("|"))
            .collect::<Vec<_>>()
            .join("\n")
    }

    const PLUMBER: &str = "12 一级指标 二级指标 三级指标 绩效指标描述 评（扣）分标 指标值 指标确
（指标内容） 准 定依据
13 符号 值 单位(文
字描述)
14 产出指标 数量指标 城乡居民基 参加城乡居民养 应保尽保达 ≥ 95.00 % 按照政策要求和年
本养老保险 老保险覆盖率 95%以上为 初目标任务，参加
参保人数 优，未达到 城乡居民养老保险
95%为扣分项 缴费达到 95%以
上
15 质量指标 资金到位率 征缴期结束后， 落实到位为 文字描 按时拨 承高管字
财政及时拨付， 优，未落实为 述 付到位 【2014】74 号、
确保缴费补助资 扣分项 承人社字
金到账 【2017】235 号要
求，落实缴费补贴
政策
2、 下一个绩效目标表
";

    #[test]
    fn a_header_over_several_lines_gives_the_columns() {
        let ls = lines(PLUMBER);
        let h = header_at(&ls, 0).unwrap();
        assert_eq!(h.pre, vec![Col::Level3, Col::Description, Col::Scoring]);
        assert_eq!(h.post, vec![Col::Basis]);
        assert_eq!(h.first_row, Some(14));
        assert_eq!(h.used, 4);
        // pypdf: each label on a line of its own, the unit label whole
        let t = "12 一级指标 二级指标 三级指标 绩效指标描述\n（指标内容）\n评（扣）分标\n准\n指标值 指标确定依据\n13 符号 值 单位(文字描述)\n14 产出指标";
        let h = header_at(&lines(t), 0).unwrap();
        assert_eq!(h.pre, vec![Col::Level3, Col::Description, Col::Scoring]);
        assert_eq!(h.post, vec![Col::Basis]);
        assert_eq!((h.first_row, h.used), (Some(14), 6));
        // `指标` alone starts 指标值 when 指标确定依据 stands after it
        let t = "一级指标 二级指标 三级指标 绩效指标描述（指 评（扣）分标准 指标 指标确定依据\n符号 值 单位";
        let h = header_at(&lines(t), 0).unwrap();
        assert_eq!(h.pre, vec![Col::Level3, Col::Description, Col::Scoring]);
        assert_eq!((h.post.clone(), h.first_row), (vec![Col::Basis], None));
        // no 符号 line: not this rule's table
        assert_eq!(
            header_at(
                &lines("一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 a 1 b"),
                0
            ),
            None
        );
    }

    #[test]
    fn cells_side_by_side_go_to_the_columns_still_open() {
        let (rows, notes) = table(PLUMBER);
        assert_eq!(
            show(&rows),
            "|一级指标|二级指标|三级指标|绩效指标描述|评(扣)分标准|指标值|||指标值确定依据
||||||符号|值|单位(文字描述)|
|产出指标|数量指标|城乡居民基本养老保险参保人数|参加城乡居民养老保险覆盖率|应保尽保达95%以上为优，未达到95%为扣分项|≥|95.00|%|按照政策要求和年初目标任务，参加城乡居民养老保险缴费达到 95%以上
||质量指标|资金到位率|征缴期结束后，财政及时拨付，确保缴费补助资金到账|落实到位为优，未落实为扣分项|文字描述||按时拨付到位|承高管字【2014】74 号、承人社字【2017】235 号要求，落实缴费补贴政策"
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn cells_one_after_another_are_shared_out_by_width() {
        // pypdf: the cells of one text line of the PDF on one line (`14
        // 产出指标 数量指标 城乡居民基`), each wrapped cell's other lines
        // after it; the value's cells and the basis's first line together
        let t = "12 一级指标 二级指标 三级指标 绩效指标描述
（指标内容）
评（扣）分标
准
指标值 指标确定依据
13 符号 值 单位(文字描述)
14 产出指标 数量指标 城乡居民基
本养老保险
参保人数
参加城乡居民养
老保险覆盖率
应保尽保达
95%以上为
优，未达到
95%为扣分项
≥ 95.00 % 按照政策要求和年
初目标任务，参加
城乡居民养老保险
15 质量指标 资金到位率 征缴期结束后，
财政及时拨付，
确保缴费补助资
金到账
落实到位为
优，未落实为
扣分项
文字描
述
按时拨
付到位
承高管字
【2014】74 号、
承人社字
";
        let (rows, notes) = table(t);
        assert_eq!(
            show(&rows[2..]),
            "|产出指标|数量指标|城乡居民基本养老保险参保人数|参加城乡居民养老保险覆盖率|应保尽保达95%以上为优，未达到95%为扣分项|≥|95.00|%|按照政策要求和年初目标任务，参加城乡居民养老保险
||质量指标|资金到位率|征缴期结束后，财政及时拨付，确保缴费补助资金到账|落实到位为优，未落实为扣分项|文字描述||按时拨付到位|承高管字【2014】74 号、承人社字"
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_unit_below_its_number_and_a_row_without_value() {
        // the unit wrapped under the number (`≥ 95.00` … `%`) goes to 单位,
        // not to the cell beside it; a row without a 符号 cell keeps its
        // text whole in 三级指标, noted with its line
        let t = "12 一级指标 二级指标 三级指标 绩效指标描述 指标值 指标确定依据
13 符号 值 单位
14 满意度指标 服务对象满意度指标 服务对象满 群众满意 ≥ 95.00 大部分群众对服务基本满
意度 % 意
15 服务对象满意度指标 客户满意 受益群众满意度调查 = 100 % 依据
16 满意度指标 服务对象满意度指标 客户满意 群众满意 满意 依据
";
        let (rows, notes) = table(t);
        assert_eq!(
            show(&rows[2..]),
            "|满意度指标|服务对象满意度指标|服务对象满意度|群众满意|≥|95.00|%|大部分群众对服务基本满意
||服务对象满意度指标|客户满意|受益群众满意度调查|=|100|%|依据
|满意度指标|服务对象满意度指标|客户满意 群众满意 满意 依据|||||"
        );
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].0, 6);
        assert!(
            notes[0].1.contains("`客户满意 群众满意 满意 依据`"),
            "{notes:?}"
        );
    }

    #[test]
    fn rows_end_at_the_next_heading_and_bad_input_never_panics() {
        let t = "12 一级指标 二级指标 三级指标 指标值 依据
13 符号 值 单位
14 产出指标 数量指标 甲 ≥ 1 个 乙
2、 下一个项目绩效目标表
15 产出指标 数量指标 丙 ≥ 2 个 丁
";
        let ls = lines(t);
        let h = header_at(&ls, 0).unwrap();
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        // the heading (line 4) ends the table: the line after it is returned
        assert_eq!(read(&ls, 0, &h, &mut rows, &mut notes), 3);
        assert_eq!(rows.len(), 3);
        // broken values, stray symbols and tails with no open cell
        for bad in [
            "12 一级指标 二级指标 三级指标 指标值 依据\n13 符号 值 单位\n14 产出指标 ≥\n文字\n15 文字描 述 ≥ ≥ 1\n述 述 %\n% % %",
            "一级指标 二级指标 指标值\n符号 值 单位\n产出指标 数量指标 ≥ 1\n甲 乙 丙 丁",
            "1 一级指标 二级指标 三级指标 指标值 依据\n2 符号 值 单位\n3 产出指标 文字 描述\n描述",
        ] {
            let ls = lines(bad);
            if let Some(h) = header_at(&ls, 0) {
                let mut rows = Vec::new();
                let mut notes = Vec::new();
                let end = read(&ls, 0, &h, &mut rows, &mut notes);
                assert!(end <= ls.len());
            }
        }
    }

    #[test]
    fn a_numbered_project_rows_number_goes() {
        assert_eq!(
            without_row_number("4 项目编码 13081122P00799110002Y 项目名称 城乡养"),
            "项目编码 13081122P00799110002Y 项目名称 城乡养"
        );
        assert_eq!(without_row_number("8 0 0 0 100"), "0 0 0 100");
        // a year, an amount, a lone number stay
        assert_eq!(without_row_number("2024 年参保"), "2024 年参保");
        assert_eq!(without_row_number("16.5 万"), "16.5 万");
        assert_eq!(without_row_number("12"), "12");
        assert!(ends_head("2、 城乡养老待遇支出区级配套绩效目标表"));
        assert!(!ends_head("9 绩效目标 目标1 做好城乡居"));
    }
}
