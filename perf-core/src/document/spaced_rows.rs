//! Reader for PDF text with a table row on one line and its cells parted by
//! single spaces, like the spaces inside a cell (pdfplumber and pypdf
//! `extract_text()`, `pdftotext -raw`):
//!
//! ```text
//! 一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据
//! 产出指标 数量指标 劳务派遣 29 人 劳务派遣 29 人 29 人 劳务派遣 29 人
//! 质量指标 工资保险足额支付 工资保险足额支付 工资保险足额支付 工资保险足额支付
//! ```
//!
//! The tools set a space wherever the script changes (`29 人`), so a space
//! does not say where a cell ends. The rules:
//!
//! - **The header** (`一级指标 二级指标 …` on one line, its last label
//!   possibly completed on the next: `指标值确定依` + `据`) gives the columns
//!   and their order. It opens a table.
//! - **A row** starts with level labels from the closed vocabulary
//!   ([`labels`]; a label broken by a space, `社会效益指 标`, is joined), a
//!   first-level label being optional (a merged cell: the level of the row
//!   above). The rest of the line is shared out over the header's
//!   remaining columns by trying every way to cut it at its spaces and
//!   scoring each ([`score`]): the value column should parse as a value
//!   (perf's value grammar), the text columns often repeat one another
//!   (`劳务派遣 29 人` three times), a cell's wrapped lines stand in order
//!   ([`wraps_in_order`]), the basis is often the ending most rows of the
//!   table share ([`common_basis`]), and a cut never parts a number from
//!   the unit after it (`29 | 人`), a comparator from its number, or a
//!   bracket from what it holds ([`boundary`]).
//! - **Wrapped cells**: lines after a row that are no row, header, heading
//!   or field line continue it. Two readings are scored ([`readings`]): the
//!   lines are the row's text in order (pypdf, `pdftotext -raw` write a
//!   cell's wrapped lines one after the other), or each line holds the
//!   tails of the cells that wrapped, left to right (pdfplumber: `万元 万元
//!   万元` under three cells). The reading more rows of the document score
//!   better is the tool's and is taken for all ([`Reading`]).
//! - **When the cut is not certain** (no cut avoids parting a number from its
//!   unit, the line has fewer pieces than columns, too many ways to cut, or
//!   two cuts score alike and put different text in the value column), the
//!   row keeps its whole text in the first column after the levels and an
//!   `ambiguous-cells` warning names the line: nothing is dropped.
//! - **The spending plan** on its label's line (`资金支出计 划（%） 3 月底 …`)
//!   gives rows of month marks and of percents ([`plan`]).
//!
//! Everything else outside the indicator tables (headings, project fields,
//! budget, goals) is read by the wrapped reader, which reads those lines by
//! their labels; a blank line stands where each table was taken out.

use std::borrow::Cow;

mod numbered;

use super::labels;
use super::row::{Cell, Line, Row};
use super::text::label;
use crate::value::{Kind, Value};

/// What a column of the indicator header holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Level1,
    Level2,
    Level3,
    Description,
    Scoring,
    Value,
    Basis,
    /// 符号 / 值 / 单位 of a split value, or any other column.
    Other,
}

/// Header labels as [`label`] folds them, longest first where one starts
/// another.
const HEADER_LABELS: &[(&str, Col)] = &[
    ("一级指标", Col::Level1),
    ("二级指标", Col::Level2),
    ("三级指标", Col::Level3),
    ("绩效指标描述(指标内容)", Col::Description),
    ("绩效指标描述", Col::Description),
    ("指标内容", Col::Description),
    ("评(扣)分标准", Col::Scoring),
    ("评分标准", Col::Scoring),
    ("指标值确定依据", Col::Basis),
    ("指标确定依据", Col::Basis),
    ("确定依据", Col::Basis),
    ("指标值", Col::Value),
    ("符号", Col::Other),
    ("单位(文字描述)", Col::Other),
    ("单位", Col::Other),
    ("值", Col::Other),
];

/// At most this many ways to cut one row are scored; a row with more is
/// kept whole (with a warning), so a hostile line costs linear time.
const MAX_CUTS: u64 = 5_000;

/// At most this many bytes are scored over all the ways to cut one row
/// (ways × the row's bytes): a row of a few very long pieces is tried in
/// fewer ways, so the work stays linear in the row's length.
const MAX_WORK: u64 = 40_000_000;

/// The number of ways to try for a row of `bytes` bytes.
fn allowed_cuts(bytes: usize) -> u64 {
    MAX_CUTS.min(MAX_WORK / (bytes as u64).max(1))
}

/// At most this many lines continue one row.
const MAX_CONTINUATION: usize = 8;

/// The score a cut loses for each place where it parts a number from its
/// unit (and the like): such a cut is never taken as certain.
const BAD_BOUNDARY: i64 = -100_000;

/// True when the text reads as rows of single-spaced cells: at least three
/// lines start with level labels (after an optional row number), and most
/// of those lines hold three or more pieces of text after the labels.
/// Wrapped text (000) has most level labels on lines of their own.
pub(crate) fn looks_like(lines: &[Line<'_>]) -> bool {
    // The header line is required, so it is looked for first: text without
    // one (wrapped PDF text) is ruled out before any line is cut into
    // level labels. A header's label starts `一级指标二级指标`, and `label`
    // only drops white space and folds brackets and colons, so a line
    // without `二` cannot be one.
    let header = lines
        .iter()
        .any(|l| l.text.contains('二') && parse_header_tokens(&tokens(l.text)).is_some());
    if !header {
        return false;
    }
    let mut anchored = 0usize;
    let mut rich = 0usize;
    let mut numbered = 0usize;
    for l in lines.iter().filter(|l| may_start_row(l.text)) {
        // `levels` reads no token past the seventh (a number, then two
        // labels of at most three tokens each): the first eight are kept
        // on the stack, the rest only counted
        let mut first = [""; 8];
        let mut n = 0;
        for t in l
            .text
            .split([' ', '\u{3000}', '\t'])
            .filter(|t| !t.is_empty())
        {
            if let Some(slot) = first.get_mut(n) {
                *slot = t;
            }
            n += 1;
        }
        if let Some(levels) = levels(&first[..n.min(first.len())]) {
            anchored += 1;
            if n - levels.rest >= 3 {
                rich += 1;
            }
            if levels.number.is_some() {
                numbered += 1;
            }
        }
    }
    // rows numbered (`14 产出指标 数量指标 城乡居民基`) whose cells wrap in
    // narrow columns hold few pieces on their first line
    anchored >= 3 && (rich * 3 >= anchored * 2 || numbered * 3 >= anchored * 2)
}

/// False for a line [`levels`] surely reads no labels in: after white
/// space and digits (a row number), a level label's first char must come.
/// A cheap test first, as most lines of other layouts are no row.
fn may_start_row(s: &str) -> bool {
    s.trim_start_matches(|c: char| c.is_ascii_digit() || c.is_whitespace())
        .starts_with(labels::FIRST_CHARS)
}

/// The pieces of a line between single (or runs of) spaces.
fn tokens(s: &str) -> Vec<&str> {
    s.split([' ', '\u{3000}', '\t'])
        .filter(|t| !t.is_empty())
        .collect()
}

/// The level cells at the start of a row's tokens.
#[derive(Debug, PartialEq)]
struct Levels {
    /// A leading row number (`14`), when one stands before the labels.
    number: Option<usize>,
    /// Token range of the first-level label, if any.
    level1: Option<(usize, usize)>,
    /// Token range of the second-level label, if any.
    level2: Option<(usize, usize)>,
    /// The first token after the labels.
    rest: usize,
}

/// The longest level label made of tokens `at..at+k` (k ≤ 3, joined without
/// spaces), as its end.
fn label_at(toks: &[&str], at: usize, want: fn(&str) -> bool) -> Option<usize> {
    // tokens joined only from the second on (most labels are one token)
    let mut joined = String::new();
    let mut found = None;
    for (k, t) in toks.iter().enumerate().skip(at).take(3) {
        let l = if k == at {
            label(t)
        } else {
            if k == at + 1 {
                joined.push_str(toks[at]);
            }
            joined.push_str(t);
            label(&joined)
        };
        if want(&l) {
            found = Some(k + 1);
        } else if !labels::is_level_prefix(&l) {
            break;
        }
    }
    found
}

/// Reads the level labels a row starts with; `None` when it starts with
/// none (a continuation line, running text).
fn levels(toks: &[&str]) -> Option<Levels> {
    let mut at = 0;
    let mut number = None;
    if toks.len() > 1
        && toks[0].len() <= 3
        && toks[0].bytes().all(|b| b.is_ascii_digit())
        && label_at(toks, 1, labels::is_level).is_some()
    {
        number = Some(0);
        at = 1;
    }
    let mut level1 = None;
    if let Some(end) = label_at(toks, at, labels::is_level1) {
        let joined = if end == at + 1 {
            label(toks[at])
        } else {
            Cow::Owned(label(&toks[at..end].concat()).into_owned())
        };
        // 成本指标 is both: first level only when a second-level label follows
        let both = labels::is_level2(&joined);
        if !both || label_at(toks, end, labels::is_level2).is_some() {
            level1 = Some((at, end));
            at = end;
        }
    }
    let mut level2 = None;
    if let Some(end) = label_at(toks, at, labels::is_level2) {
        level2 = Some((at, end));
        at = end;
    }
    if level1.is_none() && level2.is_none() {
        return None;
    }
    Some(Levels {
        number,
        level1,
        level2,
        rest: at,
    })
}

/// The columns of an indicator header line, and the label left unfinished
/// at its end (`指标值确定依`), if any: a remainder that starts a longer
/// label is taken as unfinished, to be completed by the next line.
fn parse_header_tokens(toks: &[&str]) -> Option<(Vec<(String, Col)>, String)> {
    let mut s: String = label(&toks.concat()).into_owned();
    // a leading row number
    let digits = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits <= 3 {
        s.drain(..digits);
    }
    if !s.starts_with("一级指标二级指标") {
        return None;
    }
    let mut cols = Vec::new();
    let mut rest = s.as_str();
    while !rest.is_empty() {
        if HEADER_LABELS
            .iter()
            .any(|(l, _)| l.len() > rest.len() && l.starts_with(rest))
        {
            return Some((cols, rest.to_string()));
        }
        let (l, c) = HEADER_LABELS.iter().find(|(l, _)| rest.starts_with(l))?;
        cols.push(((*l).to_string(), *c));
        rest = &rest[l.len()..];
    }
    Some((cols, String::new()))
}

/// `s` read as whole header labels, appended to `cols`.
fn whole_labels(mut s: &str, cols: &mut Vec<(String, Col)>) -> Option<()> {
    while !s.is_empty() {
        let (l, c) = HEADER_LABELS.iter().find(|(l, _)| s.starts_with(l))?;
        cols.push(((*l).to_string(), *c));
        s = &s[l.len()..];
    }
    Some(())
}

/// The header at line `i`: its columns and how many lines it takes.
fn header_at(lines: &[Line<'_>], i: usize) -> Option<(Vec<(String, Col)>, usize)> {
    let toks = tokens(lines[i].text);
    let (mut cols, unfinished) = parse_header_tokens(&toks)?;
    let mut used = 1;
    if !unfinished.is_empty() {
        let next = lines.get(i + 1).map(|l| label(l.text).into_owned());
        let whole = next.map(|n| format!("{unfinished}{n}"));
        match whole
            .as_deref()
            .and_then(|w| HEADER_LABELS.iter().find(|(l, _)| *l == w))
        {
            Some((l, c)) => {
                cols.push(((*l).to_string(), *c));
                used = 2;
            }
            None => whole_labels(&unfinished, &mut cols)?,
        }
    }
    // the row's cells after the levels must include a value column
    if cols.len() < 4 || !cols.iter().any(|(_, c)| *c == Col::Value) {
        return None;
    }
    if cols[0].1 != Col::Level1 || cols[1].1 != Col::Level2 {
        return None;
    }
    Some((cols, used))
}

/// True for a line that ends a table rather than continuing a row: a
/// heading, a project field, a unit line, a section heading.
fn ends_table(t: &str) -> bool {
    let l = label(t);
    let l = l.as_ref();
    const FIELDS: &[&str] = &[
        "项目编码",
        "项目编号",
        "项目名称",
        "预算规模",
        "资金支出",
        "资金用途",
        "绩效目标",
        "单位:",
        "金额:",
        "预算年度",
        "项目绩效",
        "预算项目",
        "序号",
        "栏次",
        "第",
    ];
    if l.ends_with("绩效目标表") || l.ends_with("申报表") || l.ends_with("绩效表") {
        return true;
    }
    if FIELDS.iter().any(|f| l.starts_with(f)) {
        return true;
    }
    let b = t.trim_start().as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    // `2.`, `3、` numbered headings; `323001 兴隆县…` unit lines
    if digits > 0 && digits <= 2 {
        let after = &t.trim_start()[digits..];
        if after.starts_with(['.', '、', '．'])
            && !after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            return true;
        }
    }
    if digits >= 6 && b.get(digits) == Some(&b' ') {
        return true;
    }
    // 一、 二、 … section headings
    let first = t.trim_start().chars().next();
    if matches!(
        first,
        Some('一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
    ) && t.trim_start().chars().nth(1) == Some('、')
    {
        return true;
    }
    crate::document::text::is_page_number(t.trim())
}

/// Reads the lines into logical rows for the assembler, with the
/// `ambiguous-cells` notes (line, message).
pub(crate) fn read<'a>(text: &'a str, lines: &[Line<'a>]) -> (Vec<Row<'a>>, Vec<(u32, String)>) {
    let mut table_rows: Vec<Row<'a>> = Vec::new();
    let mut notes = Vec::new();
    // lines outside the indicator tables, for the wrapped reader; a blank
    // line (an empty slice at the start of the line it replaces, so every
    // line stays a slice of `text`, in order, as `wrapped::read` requires)
    // stands where a table was taken out
    let mut other: Vec<Line<'a>> = Vec::with_capacity(lines.len());
    // each table's columns, rows and common basis
    let mut tables: Vec<Table<'a>> = Vec::new();
    let mut numbered_head = false;
    let mut i = 0;
    while i < lines.len() {
        if label(lines[i].text).starts_with("资金支出计") {
            let j = plan(lines, i, &mut table_rows);
            if j > i {
                other.push(Line {
                    no: lines[i].no,
                    text: &lines[i].text[..0],
                });
                i = j;
                continue;
            }
            // not a plan this rule reads: the line is the wrapped reader's
        }
        if let Some(h) = numbered::header_at(lines, i) {
            numbered_head = false;
            other.push(Line {
                no: lines[i].no,
                text: &lines[i].text[..0],
            });
            i = numbered::read(lines, i, &h, &mut table_rows, &mut notes);
            continue;
        }
        let Some((cols, used)) = header_at(lines, i) else {
            // a project table numbered by a 栏次 row (`栏次 1 2 … 9`, then
            // `4 项目编码 …`, `8 0 0 0 100`): the wrapped reader reads its
            // lines by their labels, so the row number goes
            let t = lines[i].text;
            if label(t).starts_with("栏次") {
                numbered_head = true;
            } else if numbered::ends_head(t) {
                numbered_head = false;
            }
            let text = if numbered_head {
                numbered::without_row_number(t)
            } else {
                t
            };
            other.push(Line {
                no: lines[i].no,
                text,
            });
            i += 1;
            continue;
        };
        let no = lines[i].no;
        table_rows.push(Row::table(
            no,
            cols.iter()
                .map(|(l, _)| Cell {
                    text: Cow::Owned(l.clone()),
                    line: no,
                })
                .collect(),
        ));
        other.push(Line {
            no,
            text: &lines[i].text[..0],
        });
        i += used;
        let kinds: Vec<Col> = cols.iter().map(|(_, c)| *c).collect();
        // the table's rows, each with its continuation lines
        let mut found: Vec<Found<'a>> = Vec::new();
        while i < lines.len() {
            let toks = tokens(lines[i].text);
            if toks.is_empty() {
                i += 1;
                continue;
            }
            let Some(lv) = levels(&toks) else { break };
            if header_at(lines, i).is_some() {
                break;
            }
            let mut j = i + 1;
            while j < lines.len() && j - i <= MAX_CONTINUATION {
                let t = lines[j].text;
                let tk = tokens(t);
                if tk.is_empty()
                    || levels(&tk).is_some()
                    || ends_table(t)
                    || header_at(lines, j).is_some()
                {
                    break;
                }
                j += 1;
            }
            let more = lines[i + 1..j].iter().map(|l| tokens(l.text)).collect();
            found.push(Found {
                no: lines[i].no,
                toks,
                lv,
                more,
            });
            i = j;
        }
        let hint = common_basis(&found, &kinds);
        tables.push((kinds, found, hint));
    }
    // both readings of every row with continuation lines; the one most
    // such rows of the document prefer is the tool's, and is taken for all
    let mut cuts = Vec::with_capacity(tables.len());
    let (mut in_order, mut tails) = (0usize, 0usize);
    for (kinds, found, hint) in &tables {
        let mut t = Vec::with_capacity(found.len());
        for f in found {
            let r = readings(&f.toks[f.lv.rest..], &f.more, &kinds[2..], hint.as_deref());
            if let (Some(a), Some(b)) = &r {
                if b.score > a.score {
                    tails += 1;
                } else if a.score > b.score {
                    in_order += 1;
                }
            }
            t.push(r);
        }
        cuts.push(t);
    }
    let prefer = match in_order.cmp(&tails) {
        std::cmp::Ordering::Greater => Some(Reading::InOrder),
        std::cmp::Ordering::Less => Some(Reading::Tails),
        std::cmp::Ordering::Equal => None,
    };
    for ((kinds, found, _), t) in tables.iter().zip(cuts) {
        for (f, (a, b)) in found.iter().zip(t) {
            let (row, note) = build_row(f, kinds, a, b, prefer);
            table_rows.push(row);
            if let Some(n) = note {
                notes.push((f.no, n));
            }
        }
    }
    // headers, plans and rows in line order
    table_rows.sort_by_key(|r| r.line);
    let (rows, wrapped_notes) = super::wrapped::read(text, &other);
    notes.extend(wrapped_notes);
    notes.sort_by_key(|n| n.0);
    (merge(rows, table_rows), notes)
}

/// The spending plan from line `i` (`资金支出计 划（%） 3 月底 6 月底 …`):
/// a row of month marks for each line that holds some (the label, or an
/// empty cell, first; percents on the same line after them), and a row of
/// percents (an empty cell first) for each line that holds only percents,
/// as the other readers give them; a line that is only the label's tail
/// (`（%）`, `划`) is passed over. Returns the line after the plan: `i`
/// itself when line `i` holds something else after the label (no row made).
fn plan<'a>(lines: &[Line<'a>], i: usize, rows: &mut Vec<Row<'a>>) -> usize {
    const LABEL: &str = "资金支出计划（%）";
    let mut j = i;
    while j < lines.len() {
        let t = lines[j].text.trim();
        let no = lines[j].no;
        if j > i && (t.is_empty() || levels(&tokens(t)).is_some() || header_at(lines, j).is_some())
        {
            break;
        }
        // the label (or its tail) at the start of the line
        let rest = t.trim_start_matches(|c: char| "资金支出计划（）()%％ \u{3000}".contains(c));
        let head = if rest.len() < t.len() { LABEL } else { "" };
        let months = super::text::months(rest);
        let toks = tokens(rest);
        let mut cells = vec![Cell {
            text: Cow::Borrowed(head),
            line: no,
        }];
        if !months.is_empty() {
            let mut start = 0;
            for (_, end) in &months {
                cells.push(Cell {
                    text: Cow::Borrowed(rest[start..*end].trim()),
                    line: no,
                });
                start = *end;
            }
            let after = tokens(&rest[start..]);
            if !after.iter().all(|x| super::text::percent(x).is_some()) {
                break;
            }
            cells.extend(after.iter().map(|x| Cell {
                text: Cow::Borrowed(*x),
                line: no,
            }));
        } else if !toks.is_empty() && toks.iter().all(|x| super::text::percent(x).is_some()) {
            cells.extend(toks.iter().map(|x| Cell {
                text: Cow::Borrowed(*x),
                line: no,
            }));
        } else if toks.is_empty() {
            // the label, or its tail, alone
            j += 1;
            continue;
        } else {
            break;
        }
        rows.push(Row::table(no, cells));
        j += 1;
    }
    j
}

/// Both row lists in line order (each already is); on equal lines the
/// wrapped reader's row first.
fn merge<'a>(a: Vec<Row<'a>>, b: Vec<Row<'a>>) -> Vec<Row<'a>> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for r in a {
        while let Some(x) = b.next_if(|x| x.line < r.line) {
            out.push(x);
        }
        out.push(r);
    }
    out.extend(b);
    out
}

/// A table as found: its columns, its rows and the ending most rows share.
type Table<'a> = (Vec<Col>, Vec<Found<'a>>, Option<String>);

/// How a tool writes the lines of a row's wrapped cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Reading {
    /// Each cell's lines one after another (pypdf, `pdftotext -raw`).
    InOrder,
    /// The first line of every cell, then the tails of the cells that
    /// wrapped, side by side (pdfplumber).
    Tails,
}

/// A row of a table as found: its line, tokens, level labels and the
/// tokens of its continuation lines.
struct Found<'a> {
    no: u32,
    toks: Vec<&'a str>,
    lv: Levels,
    more: Vec<Vec<&'a str>>,
}

/// The longest row of words at most this many tokens long that
/// [`common_basis`] looks for.
const MAX_BASIS_TOKENS: usize = 8;

/// The text most rows of a table end with, when the header's last column is
/// 指标值确定依据 (white space removed): the basis is often the same for
/// every row (the project's name, a document number, `行业规定`). The
/// longest ending of at most [`MAX_BASIS_TOKENS`] tokens that at least two
/// rows, and at least half of them, share.
fn common_basis(found: &[Found<'_>], kinds: &[Col]) -> Option<String> {
    if kinds.last() != Some(&Col::Basis) || found.len() < 2 {
        return None;
    }
    // the last k tokens of a row (continuation lines included), joined;
    // none when the row has no more than k
    let ending = |f: &Found<'_>, k: usize| -> Option<String> {
        let mut last: Vec<&str> = f
            .more
            .iter()
            .rev()
            .flat_map(|l| l.iter().rev())
            .chain(f.toks[f.lv.rest..].iter().rev())
            .take(k + 1)
            .copied()
            .collect();
        if last.len() <= k {
            return None;
        }
        last.truncate(k);
        last.reverse();
        Some(last.concat())
    };
    for k in (1..=MAX_BASIS_TOKENS).rev() {
        // each ending counted once per row, in a map: linear in the rows
        let mut counts: std::collections::HashMap<String, usize> = Default::default();
        let mut order: Vec<String> = Vec::new();
        for f in found {
            if let Some(e) = ending(f, k) {
                let n = counts.entry(e.clone()).or_insert(0);
                if *n == 0 {
                    order.push(e);
                }
                *n += 1;
            }
        }
        for e in order {
            let n = counts[&e];
            if n >= 2 && n * 2 >= found.len() {
                return Some(e);
            }
        }
    }
    None
}

/// One indicator row: the level cells, then the rest shared out over the
/// header's remaining columns by the cuts [`readings`] found.
fn build_row<'a>(
    f: &Found<'a>,
    kinds: &[Col],
    a: Option<Cut>,
    b: Option<Cut>,
    prefer: Option<Reading>,
) -> (Row<'a>, Option<String>) {
    let (no, toks, lv, more) = (f.no, &f.toks, &f.lv, &f.more);
    let cell = |s: Cow<'a, str>| Cell { text: s, line: no };
    let span = |r: Option<(usize, usize)>| -> Cow<'a, str> {
        match r {
            Some((a, b)) if b == a + 1 => Cow::Borrowed(toks[a]),
            Some((a, b)) => Cow::Owned(toks[a..b].concat()),
            None => Cow::Borrowed(""),
        }
    };
    let mut cells = Vec::with_capacity(kinds.len() + 1);
    if let Some(n) = lv.number {
        cells.push(cell(Cow::Borrowed(toks[n])));
    }
    cells.push(cell(span(lv.level1)));
    cells.push(cell(span(lv.level2)));
    // the header's columns after the two levels
    let cols = &kinds[2..];
    let rest = &toks[lv.rest..];
    let (texts, note) = settle(rest, more, cols.len(), a, b, prefer);
    cells.extend(texts.into_iter().map(|t| cell(Cow::Owned(t))));
    let note = note.map(|why| {
        let mut whole = rest.join(" ");
        for m in more {
            whole.push(' ');
            whole.push_str(&m.join(" "));
        }
        format!("cells of `{whole}` not told apart ({why}): kept whole in the first column after the levels")
    });
    (Row::table(no, cells), note)
}

/// The best cut of a row's tokens and continuation lines in each reading:
/// the lines as the row's text in order, and the first line cut alone with
/// the lines after it as tails of its cells (`None` where a reading finds
/// no cut, or without continuation lines).
fn readings(
    rest: &[&str],
    more: &[Vec<&str>],
    cols: &[Col],
    hint: Option<&str>,
) -> (Option<Cut>, Option<Cut>) {
    if cols.is_empty() {
        return (None, None);
    }
    let mut in_order: Vec<&str> = rest.to_vec();
    for l in more {
        in_order.extend(l.iter().copied());
    }
    let a = best_cut(&in_order, cols, hint);
    let b = if more.is_empty() {
        None
    } else {
        best_cut(rest, cols, hint).and_then(|c| add_tails(c, more, cols, hint))
    };
    (a, b)
}

/// The cells of a row of `m` columns from its two readings: the
/// document's preferred reading where it found a cut, else the better one;
/// a note saying why when the cut is not certain (the whole text then goes
/// to the first column).
fn settle(
    rest: &[&str],
    more: &[Vec<&str>],
    m: usize,
    a: Option<Cut>,
    b: Option<Cut>,
    prefer: Option<Reading>,
) -> (Vec<String>, Option<&'static str>) {
    let whole = |why| {
        let mut all: Vec<&str> = rest.to_vec();
        for l in more {
            all.extend(l.iter().copied());
        }
        let mut out = vec![String::new(); m];
        if m > 0 {
            out[0] = all.join(" ");
        }
        (out, Some(why))
    };
    let best = match (a, b) {
        (Some(a), Some(b)) => match prefer {
            Some(Reading::InOrder) => a,
            Some(Reading::Tails) => b,
            None if b.score > a.score => b,
            None => a,
        },
        (Some(a), None) => a,
        (None, Some(b)) => b,
        (None, None) => return whole("too many pieces or too few"),
    };
    if best.score <= BAD_BOUNDARY / 2 {
        return whole("every cut parts a number from its unit");
    }
    if best.tied {
        return whole("two cuts read alike");
    }
    (best.cells, None)
}

/// The best cut found, its score (boundaries included), and whether
/// another cut scored the same with a different value cell.
#[derive(Debug)]
struct Cut {
    cells: Vec<String>,
    score: i64,
    /// The part of `score` its boundaries make.
    gaps: i64,
    tied: bool,
}

/// n choose k, saturating.
fn choose(n: u64, k: u64) -> u64 {
    if k > n {
        return 0;
    }
    let mut r: u64 = 1;
    for i in 0..k {
        r = r.saturating_mul(n - i) / (i + 1);
        if r > u64::MAX / 64 {
            return u64::MAX;
        }
    }
    r
}

/// Calls `f` with every increasing sequence of `k` numbers below `n`, in
/// lexicographic order.
fn combinations(n: usize, k: usize, mut f: impl FnMut(&[usize])) {
    if k > n {
        return;
    }
    let mut pick: Vec<usize> = (0..k).collect();
    loop {
        f(&pick);
        // the rightmost entry that can still grow
        let Some(c) = (0..k).rev().find(|&c| pick[c] < n - (k - c)) else {
            return;
        };
        pick[c] += 1;
        for d in c + 1..k {
            pick[d] = pick[d - 1] + 1;
        }
    }
}

/// Keeps the better of `best` and a candidate of [`add_tails`]; equal
/// scores with different value cells mark a tie, equal scores with the same
/// value cell take the later candidate: its tails stand further right, and
/// the description and basis columns, holding the longer texts, wrap more
/// often than 三级指标.
fn keep(best: &mut Option<Cut>, cells: Vec<String>, score: i64, gaps: i64, cols: &[Col]) {
    let tied = match best {
        Some(b) if score < b.score => return,
        Some(b) if score == b.score => {
            if value_of(&b.cells, cols) != value_of(&cells, cols) {
                b.tied = true;
                return;
            }
            b.tied
        }
        _ => false,
    };
    *best = Some(Cut {
        cells,
        score,
        gaps,
        tied,
    });
}

/// The token spans `[start, end)` of a cut's cells.
type Spans = Vec<(usize, usize)>;

/// Every way to cut `toks` into `cols.len()` non-empty cells, scored. A
/// cell is a span of tokens; what the score needs of a span (its
/// [`Piece`], its [`value_score`]) is computed once, however many cuts
/// share it.
fn best_cut(toks: &[&str], cols: &[Col], hint: Option<&str>) -> Option<Cut> {
    use std::collections::HashMap;
    let n = toks.len();
    let m = cols.len();
    if n < m || m == 0 {
        return None;
    }
    let bytes: usize = toks.iter().map(|t| t.len() + 1).sum();
    if choose((n - 1) as u64, (m - 1) as u64) > allowed_cuts(bytes) {
        return None;
    }
    let gaps: Vec<i64> = (1..n).map(|k| boundary(toks[k - 1], toks[k])).collect();
    let value_col = cols.iter().position(|c| *c == Col::Value);
    let mut pieces: HashMap<(usize, usize), Piece, SpanHash> = HashMap::default();
    let mut values: HashMap<(usize, usize), i64, SpanHash> = HashMap::default();
    // the best cut's spans, score and gaps; a tie seen with another value
    let mut best: Option<(Spans, i64, i64)> = None;
    let mut tied = false;
    let mut spans: Spans = Vec::with_capacity(m);
    // the m - 1 gaps cut, as indices into `gaps` (cut before token g + 1)
    combinations(n - 1, m - 1, |cut| {
        spans.clear();
        let mut start = 0;
        for &g in cut {
            spans.push((start, g + 1));
            start = g + 1;
        }
        spans.push((start, n));
        for &sp in &spans {
            pieces
                .entry(sp)
                .or_insert_with(|| Piece::new(&toks[sp.0..sp.1].join(" ")));
        }
        let value = value_col.map_or(0, |k| {
            let sp = spans[k];
            *values
                .entry(sp)
                .or_insert_with(|| value_score(&toks[sp.0..sp.1].join(" ")))
        });
        // the cells' pieces on the stack (a header has a few columns)
        let mut stack = [&NO_PIECE; 16];
        let heap: Vec<&Piece>;
        let refs: &[&Piece] = if m <= stack.len() {
            for (r, sp) in stack.iter_mut().zip(&spans) {
                *r = &pieces[sp];
            }
            &stack[..m]
        } else {
            heap = spans.iter().map(|sp| &pieces[sp]).collect();
            &heap
        };
        let g: i64 = cut.iter().map(|&g| gaps[g]).sum();
        let s = g + score_pieces(refs, value, cols, hint);
        match &best {
            Some((_, bs, _)) if s < *bs => {}
            Some((bspans, bs, _)) if s == *bs => {
                if let Some(k) = value_col {
                    if pieces[&bspans[k]].flat != pieces[&spans[k]].flat {
                        tied = true;
                    }
                }
            }
            _ => {
                best = Some((spans.clone(), s, g));
                tied = false;
            }
        }
    });
    let (spans, score, gaps) = best?;
    Some(Cut {
        cells: spans.iter().map(|sp| toks[sp.0..sp.1].join(" ")).collect(),
        score,
        gaps,
        tied,
    })
}

/// The hasher of [`best_cut`]'s span tables: a span is two small indices,
/// looked up several times per cut, so SipHash (which resists crafted keys
/// the indices cannot be) cost a fifth of the reader. A multiply-rotate
/// per word, as rustc's FxHasher.
type SpanHash = std::hash::BuildHasherDefault<SpanHasher>;

#[derive(Default)]
struct SpanHasher(u64);

impl std::hash::Hasher for SpanHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }

    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// The value column's text, white space aside.
fn value_of(cells: &[String], cols: &[Col]) -> Option<String> {
    cols.iter()
        .position(|c| *c == Col::Value)
        .map(|k| nows(&cells[k]))
}

/// Adds the continuation lines of `more` to `cut` as tails of its cells: each
/// line's pieces, in order, go to cells left to right (consecutive pieces
/// may share a cell); the assignment that scores best is kept.
fn add_tails(mut cut: Cut, more: &[Vec<&str>], cols: &[Col], hint: Option<&str>) -> Option<Cut> {
    let m = cols.len();
    for line in more {
        let k = line.len();
        // groups of consecutive pieces × increasing columns
        let mut ways = 0u64;
        for g in 1..=k.min(m) {
            ways = ways.saturating_add(
                choose((k - 1) as u64, (g - 1) as u64).saturating_mul(choose(m as u64, g as u64)),
            );
        }
        let bytes: usize = cut.cells.iter().map(|c| c.len() + 1).sum::<usize>()
            + line.iter().map(|t| t.len() + 1).sum::<usize>();
        if ways > allowed_cuts(bytes) {
            return None;
        }
        let mut best: Option<Cut> = None;
        for g in 1..=k.min(m) {
            // the pieces in g groups: g - 1 of the k - 1 gaps start a group
            combinations(k - 1, g - 1, |starts| {
                let mut groups: Vec<String> = Vec::with_capacity(g);
                let mut from = 0;
                for &s in starts {
                    groups.push(line[from..=s].join(" "));
                    from = s + 1;
                }
                groups.push(line[from..].join(" "));
                // every choice of g increasing columns
                combinations(m, g, |pick| {
                    let mut cells = cut.cells.clone();
                    for (grp, &c) in groups.iter().zip(pick) {
                        cells[c].push(' ');
                        cells[c].push_str(grp);
                    }
                    let s = cut.gaps + score(&cells, cols, hint);
                    keep(&mut best, cells, s, cut.gaps, cols);
                });
            });
        }
        let b = best?;
        cut = Cut {
            tied: cut.tied || b.tied,
            ..b
        };
    }
    Some(cut)
}

/// What a cut between two pieces costs: a number and the unit after it
/// (`29 | 人`), a comparator and its number, a `/` or bracket and what it
/// joins are never parted.
fn boundary(a: &str, b: &str) -> i64 {
    let last = a.chars().next_back().unwrap_or(' ');
    let first = b.chars().next().unwrap_or(' ');
    let unit_start = |c: char| {
        matches!(
            c,
            '%' | '％'
                | '‰'
                | '人'
                | '元'
                | '万'
                | '亿'
                | '千'
                | '百'
                | '户'
                | '个'
                | '件'
                | '份'
                | '次'
                | '场'
                | '条'
                | '家'
                | '所'
                | '期'
                | '批'
                | '年'
                | '月'
                | '日'
                | '天'
                | '号'
                | '周'
                | '岁'
                | '小'
                | '工'
                | '平'
                | '亩'
                | '公'
                | '米'
                | '立'
                | '吨'
                | '名'
                | '项'
                | '台'
                | '套'
                | '张'
                | '本'
                | '册'
                | '座'
                | '处'
                | '辆'
                | '分'
                | '倍'
                | '例'
                | '床'
                | '篇'
                | '课'
                | '学'
        )
    };
    if (last.is_ascii_digit() || last == '.') && unit_start(first) {
        return BAD_BOUNDARY;
    }
    if matches!(
        last,
        '/' | '≥'
            | '≤'
            | '>'
            | '<'
            | '='
            | '＞'
            | '＜'
            | '＝'
            | '≧'
            | '≦'
            | '('
            | '（'
            | '【'
            | '['
            | '“'
            | '《'
            | '~'
            | '～'
            | '-'
            | '—'
    ) || matches!(
        first,
        '/' | ')'
            | '）'
            | '】'
            | ']'
            | '”'
            | '》'
            | '、'
            | '，'
            | ','
            | '。'
            | '；'
            | '：'
            | '%'
            | '％'
            | '~'
            | '～'
    ) {
        return BAD_BOUNDARY;
    }
    0
}

/// White space removed.
fn nows(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// What [`score`] needs of one cell, computed once per cell text.
struct Piece {
    /// The text without white space.
    flat: String,
    /// Its char bigrams, sorted (for [`dice`]).
    bigrams: Vec<(char, char)>,
    /// [`wraps_in_order`].
    in_order: bool,
}

/// A placeholder for the unused slots of [`best_cut`]'s stack of pieces.
static NO_PIECE: Piece = Piece {
    flat: String::new(),
    bigrams: Vec::new(),
    in_order: false,
};

impl Piece {
    fn new(cell: &str) -> Piece {
        let flat = nows(cell);
        let cs: Vec<char> = flat.chars().collect();
        let mut bigrams: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
        bigrams.sort_unstable();
        Piece {
            flat,
            bigrams,
            in_order: wraps_in_order(cell),
        }
    }
}

/// How well a cell reads as the 指标值: a number, range or date best, a
/// rating term next, free text last; a long qualifier costs.
fn value_score(cell: &str) -> i64 {
    let v = Value::parse(cell);
    // a qualifier of a few words (`发放`, `完成到位`) is common; a long one,
    // or one with a number, is another cell read on
    let clean = v.notes.is_empty()
        && v.qualifier.as_deref().map_or(true, |q| {
            q.chars().count() <= 4 && !q.chars().any(|c| c.is_ascii_digit())
        });
    let mut s = match v.kind() {
        Kind::Quantity | Kind::Range | Kind::Time if clean => 200,
        Kind::Quantity | Kind::Range | Kind::Time => 100,
        Kind::Qualitative => 140,
        Kind::Text => 0,
        Kind::Empty => -200,
    };
    // the shorter qualifier where two cuts both read a value
    if let Some(q) = &v.qualifier {
        s -= QUALIFIER_CHAR * q.chars().count() as i64;
    }
    s
}

/// What each character of a value's qualifier costs.
const QUALIFIER_CHAR: i64 = 10;

/// How well cells read as a row of these columns: the value column's
/// [`value_score`], text columns that repeat one another (char-bigram Dice
/// similarity, 0–100 a pair), a basis that most rows share, a cell whose
/// wrapped lines are out of order.
fn score(cells: &[String], cols: &[Col], hint: Option<&str>) -> i64 {
    let pieces: Vec<Piece> = cells.iter().map(|c| Piece::new(c)).collect();
    let refs: Vec<&Piece> = pieces.iter().collect();
    let value = cols
        .iter()
        .position(|c| *c == Col::Value)
        .map_or(0, |k| value_score(&cells[k]));
    score_pieces(&refs, value, cols, hint)
}

/// [`score`] of cells already made pieces, the value's score given.
fn score_pieces(pieces: &[&Piece], value: i64, cols: &[Col], hint: Option<&str>) -> i64 {
    let mut s = value;
    let mut texts: Vec<&Piece> = Vec::with_capacity(pieces.len());
    for (k, c) in cols.iter().enumerate() {
        let p = pieces[k];
        match c {
            Col::Basis if hint.is_some_and(|h| h == p.flat) => {
                s += SAME_BASIS;
                texts.push(p);
            }
            Col::Value | Col::Level3 | Col::Description | Col::Basis => texts.push(p),
            _ => {}
        }
        if !p.in_order {
            s += OUT_OF_ORDER;
        }
    }
    for x in 0..texts.len() {
        for y in x + 1..texts.len() {
            s += dice(texts[x], texts[y]);
        }
    }
    s
}

/// What a basis cell gains when it is the ending most rows of the table
/// share ([`common_basis`]).
const SAME_BASIS: i64 = 150;

/// What a cell loses when its wrapped lines cannot be in order.
const OUT_OF_ORDER: i64 = -50;

/// True unless the cell reads as the tail of another cell followed by a
/// cell of its own. A cell wrapped in its column fills the column on its
/// first line, and the tools part its lines with a space between two Han
/// characters; so a first line of at most four Han characters' width
/// followed by one at least twice as wide is a short tail that belongs to
/// the cell before (`定 社会效益稳步提升`, `率 机关事业单位…`, `人均补助
/// 企业职工养老金发放标准按`). Widths count a Han character two, ASCII one.
fn wraps_in_order(cell: &str) -> bool {
    let han = |c: Option<char>| c.is_some_and(super::text::is_cjk);
    let width = |c: char| if c.is_ascii() { 1 } else { 2 };
    let mut first: Option<usize> = None;
    let mut w = 0usize;
    let mut prev: Option<char> = None;
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        if c == ' ' && han(prev) && han(chars.peek().copied()) {
            if let Some(f) = first {
                if w >= 2 * f {
                    return false;
                }
            } else {
                if w > 8 {
                    return true;
                }
                first = Some(w);
            }
            w = 0;
        } else {
            w += width(c);
        }
        prev = Some(c);
    }
    first.map_or(true, |f| w < 2 * f)
}

/// Char-bigram Dice similarity of two cells, 0–100 (100: the same text).
fn dice(a: &Piece, b: &Piece) -> i64 {
    if a.flat == b.flat {
        return if a.flat.is_empty() { 0 } else { 100 };
    }
    let (x, y) = (&a.bigrams, &b.bigrams);
    if x.is_empty() || y.is_empty() {
        return 0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (200 * common / (x.len() + y.len())) as i64
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    const HEADER: &str = "一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据";
    const COLS: [Col; 4] = [Col::Level3, Col::Description, Col::Value, Col::Basis];

    /// `may_start_row` never rules out a line `levels` reads labels in,
    /// and `levels` reads the same from a line's first eight tokens: every line of every test text, and generated lines.
    #[test]
    fn may_start_row_keeps_every_row() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../testdata");
        let mut texts = Vec::new();
        for dir in std::fs::read_dir(root).unwrap() {
            let dir = dir.unwrap().path();
            if dir.is_dir() {
                for f in std::fs::read_dir(dir).unwrap() {
                    let f = f.unwrap().path();
                    if f.extension().is_some_and(|e| e == "txt") {
                        texts.push(std::fs::read_to_string(f).unwrap());
                    }
                }
            }
        }
        let pieces = [
            "1",
            "14",
            "1234",
            " ",
            "\u{3000}",
            "\t",
            "\u{a0}",
            "产出",
            "指标",
            "社会效益指",
            "标",
            "成本指标",
            "满意度指标",
            "x",
            "（",
            "服务对象满意度指标",
        ];
        let mut generated = String::new();
        let mut next = crate::seeded(7);
        for _ in 0..5000 {
            for _ in 0..5 {
                generated.push_str(pieces[next(pieces.len())]);
            }
            generated.push('\n');
        }
        texts.push(generated);
        let mut rows = 0;
        for t in &texts {
            for l in t.lines() {
                // `looks_like` hands `levels` the first eight tokens only
                let toks = tokens(l);
                assert_eq!(levels(&toks), levels(&toks[..toks.len().min(8)]), "{l:?}");
                if levels(&toks).is_some() {
                    rows += 1;
                    assert!(may_start_row(l), "{l:?}");
                }
            }
        }
        assert!(rows > 1000, "{rows}");
    }

    /// The cells of the table rows `read` gives for `text`, and its notes.
    fn table(text: &str) -> (Vec<Vec<String>>, Vec<(u32, String)>) {
        let ls = lines(text);
        let (rows, notes) = read(text, &ls);
        let cells = rows
            .iter()
            .filter(|r| !r.text)
            .map(|r| r.cells.iter().map(|c| c.text.to_string()).collect())
            .collect();
        (cells, notes)
    }

    fn cut(row: &str) -> (Vec<String>, Option<&'static str>) {
        let (a, b) = readings(&tokens(row), &[], &COLS, None);
        settle(&tokens(row), &[], COLS.len(), a, b, None)
    }

    fn owned(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn detected_by_rows_that_start_with_labels_and_go_on() {
        let spaced = format!(
            "{HEADER}\n产出指标 数量指标 劳务派遣 29 人 劳务派遣 29 人 29 人 劳务派遣 29 人\n\
             质量指标 工资足额支付 工资足额支付 足额支付 工资足额支付\n\
             时效指标 每月 20 日前支付 每月 20 日前支付 每月 20 日前支付 计划\n"
        );
        assert!(looks_like(&lines(&spaced)));
        // 000's wrapped text: the labels stand on lines of their own
        let wrapped = format!(
            "{HEADER}\n产出指标\n\n数量指标\n资金支付率\n\n质量指标\n资金发放率\n\n\
             时效指标 资金发放准时率 100 百分比\n"
        );
        assert!(!looks_like(&lines(&wrapped)));
        // rows but no header: not a table this reader can share out
        let headless = spaced.replacen(HEADER, "说明", 1);
        assert!(!looks_like(&lines(&headless)));
    }

    #[test]
    fn header_gives_the_columns_and_may_end_on_the_next_line() {
        let text = "一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依\n据\n";
        let (cols, used) = header_at(&lines(text), 0).unwrap();
        let kinds: Vec<Col> = cols.iter().map(|c| c.1).collect();
        assert_eq!(
            kinds,
            [
                Col::Level1,
                Col::Level2,
                Col::Level3,
                Col::Description,
                Col::Value,
                Col::Basis
            ]
        );
        assert_eq!((cols[5].0.as_str(), used), ("指标值确定依据", 2));
        // `指标值` at the end of a line with nothing to complete it is itself
        let text = "一级指标 二级指标 三级指标 指标值\n产出指标 数量指标 人数 10 人\n";
        let (cols, used) = header_at(&lines(text), 0).unwrap();
        assert_eq!((cols.len(), cols[3].1, used), (4, Col::Value, 1));
        // a 评（扣）分标准 column with full-width brackets
        let text = "一级指标 二级指标 三级指标 绩效指标描述 评（扣）分标准 指标值\n";
        let (cols, _) = header_at(&lines(text), 0).unwrap();
        assert_eq!(cols[4], ("评(扣)分标准".to_string(), Col::Scoring));
        // not a header: no value column, or not starting with the levels
        assert!(header_at(&lines("一级指标 二级指标 三级指标 依据\n"), 0).is_none());
        assert!(header_at(&lines("三级指标 指标值\n"), 0).is_none());
    }

    #[test]
    fn level_labels_anchor_a_row() {
        let l = levels(&tokens("产出指标 数量指标 人数 10 人")).unwrap();
        assert_eq!(
            (l.level1, l.level2, l.rest),
            (Some((0, 1)), Some((1, 2)), 2)
        );
        // first level carried from above
        let l = levels(&tokens("质量指标 合格率 100%")).unwrap();
        assert_eq!((l.level1, l.level2, l.rest), (None, Some((0, 1)), 1));
        // a label broken by a space where its cell wrapped
        let l = levels(&tokens("效益指标 社会效益指 标 促进就业")).unwrap();
        assert_eq!(
            (l.level1, l.level2, l.rest),
            (Some((0, 1)), Some((1, 3)), 3)
        );
        let l = levels(&tokens("满意度指标 服务对象满 意度指标 满意度 ≥90%")).unwrap();
        assert_eq!(l.level2, Some((1, 3)));
        // 成本指标 is second level unless a second-level label follows
        let l = levels(&tokens("成本指标 每人 4.35 万")).unwrap();
        assert_eq!((l.level1, l.level2), (None, Some((0, 1))));
        let l = levels(&tokens("成本指标 经济成本指标 单价 5 元")).unwrap();
        assert_eq!((l.level1, l.level2), (Some((0, 1)), Some((1, 2))));
        // a row number before the labels
        let l = levels(&tokens("14 产出指标 数量指标 人数")).unwrap();
        assert_eq!((l.number, l.level1, l.rest), (Some(0), Some((1, 2)), 3));
        // no label: a continuation line or text
        assert!(levels(&tokens("万元 万元 万元")).is_none());
        assert!(levels(&tokens("指标 产出")).is_none());
    }

    #[test]
    fn repeated_text_columns_and_the_value_place_the_cuts() {
        let (cells, note) = cut("劳务派遣 29 人 劳务派遣 29 人 29 人 劳务派遣 29 人");
        assert_eq!(
            cells,
            owned(&[
                "劳务派遣 29 人",
                "劳务派遣 29 人",
                "29 人",
                "劳务派遣 29 人"
            ])
        );
        assert_eq!(note, None);
        // four times the same text: the value is text too
        let (cells, note) =
            cut("工资保险足额支付 工资保险足额支付 工资保险足额支付 工资保险足额支付");
        assert_eq!(cells, owned(&["工资保险足额支付"; 4]));
        assert_eq!(note, None);
        // a comparator stays with its number, the value is the one that parses
        let (cells, _) = cut("群众满意度 100% 群众满意度 100% ≥100% 群众满意度 100%");
        assert_eq!(
            cells,
            owned(&[
                "群众满意度 100%",
                "群众满意度 100%",
                "≥100%",
                "群众满意度 100%"
            ])
        );
        // no repetition: the value column's parse decides
        let (cells, _) = cut("参保缴费补贴人数 参保缴费情况 ≤76000 人 行业规定");
        assert_eq!(
            cells,
            owned(&["参保缴费补贴人数", "参保缴费情况", "≤76000 人", "行业规定"])
        );
    }

    #[test]
    fn a_number_is_never_parted_from_its_unit() {
        for (a, b) in [
            ("29", "人"),
            ("4.35", "万"),
            ("20", "日前支付"),
            ("100", "%"),
        ] {
            assert_eq!(boundary(a, b), BAD_BOUNDARY, "{a} | {b}");
        }
        assert_eq!(boundary("≥", "95%"), BAD_BOUNDARY);
        assert_eq!(boundary("【2023】229", "号"), BAD_BOUNDARY);
        assert_eq!(boundary("人", "劳务派遣"), 0);
        assert_eq!(boundary("100%", "行业规定"), 0);
        // a date that fills a merged row: every cut parts a number, kept whole
        let (cells, note) = cut("2025 年 12 月 31 日前支付");
        assert_eq!(cells, owned(&["2025 年 12 月 31 日前支付", "", "", ""]));
        assert_eq!(note, Some("every cut parts a number from its unit"));
        // fewer pieces than columns
        let (cells, note) = cut("按时 支付");
        assert_eq!(cells, owned(&["按时 支付", "", "", ""]));
        assert_eq!(note, Some("too many pieces or too few"));
    }

    #[test]
    fn two_cuts_alike_keep_the_row_whole() {
        // five pieces of text for four columns, none a value, none alike:
        // any of four cuts, with three different value cells
        let row = "甲乙 丙丁 戊己 庚辛 壬癸";
        let (cells, note) = cut(row);
        assert_eq!(cells[0], row);
        assert!(cells[1..].iter().all(String::is_empty));
        assert_eq!(note, Some("two cuts read alike"));
    }

    #[test]
    fn a_short_tail_does_not_start_a_cell() {
        assert!(wraps_in_order("社会效益稳 定"));
        assert!(wraps_in_order("基本养老保 险制度可持 续发展"));
        assert!(wraps_in_order("2025 年扶贫 专岗保险费 2.82 万元"));
        assert!(wraps_in_order("养老金足额发放率"));
        assert!(!wraps_in_order("定 社会效益稳步提升"));
        assert!(!wraps_in_order("率 机关事业单位养老金发放准 确情况"));
        assert!(!wraps_in_order("人均补助 企业职工养老金发放标准按"));
        // so the tail goes with the cell before it
        let (cells, _) = cut("社会效益稳 定 社会效益稳步提升 提升 行业规定");
        assert_eq!(
            cells,
            owned(&["社会效益稳 定", "社会效益稳步提升", "提升", "行业规定"])
        );
    }

    #[test]
    fn continuation_lines_are_tails_or_the_row_in_order() {
        // pdfplumber: the tails of the wrapped cells on the next line
        let text = format!(
            "{HEADER}\n产出指标 数量指标 扶贫专岗保险费 2.82 扶贫专岗保险费 2.82 2.82 万元 扶贫专岗保险费 2.82\n\
             万元 万元 万元\n质量指标 应保尽保 应保尽保 应保尽保 应保尽保\n"
        );
        let (rows, notes) = table(&text);
        assert_eq!(
            rows[1],
            owned(&[
                "产出指标",
                "数量指标",
                "扶贫专岗保险费 2.82 万元",
                "扶贫专岗保险费 2.82 万元",
                "2.82 万元",
                "扶贫专岗保险费 2.82 万元"
            ])
        );
        assert_eq!(rows[2][2..], owned(&["应保尽保"; 4])[..]);
        assert!(notes.is_empty(), "{notes:?}");
        // pypdf: the wrapped lines of each cell one after the other
        let text = format!(
            "{HEADER}\n产出指标 数量指标 扶贫专岗保险费 2.82\n万元\n扶贫专岗保险费 2.82\n万元\n\
             2.82 万元 扶贫专岗保险费 2.82\n万元\n质量指标 应保尽保 应保尽保 应保尽保 应保尽保\n"
        );
        let (rows, notes) = table(&text);
        assert_eq!(
            rows[1][2..],
            owned(&[
                "扶贫专岗保险费 2.82 万元",
                "扶贫专岗保险费 2.82 万元",
                "2.82 万元",
                "扶贫专岗保险费 2.82 万元"
            ])[..]
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn a_tail_that_fits_two_cells_goes_to_the_later() {
        // `规定执行` could end 三级指标 or the description: the same score
        let first = tokens("代缴养老保险费人均标准 代缴养老保险费标准按政策 ≤67元/人 冀财社");
        let more = vec![tokens("规定执行 [2024]182号")];
        let (_, b) = readings(&first, &more, &COLS, None);
        let b = b.unwrap();
        assert_eq!(
            b.cells,
            owned(&[
                "代缴养老保险费人均标准",
                "代缴养老保险费标准按政策 规定执行",
                "≤67元/人",
                "冀财社 [2024]182号"
            ])
        );
        assert!(!b.tied);
    }

    #[test]
    fn the_reading_most_rows_prefer_is_taken_for_all() {
        // pypdf: the lines of a wrapped cell one after another. Alone, the
        // last row reads better as tails (`参保人员对社保经办业务的 满意` is
        // cut from `度`); the two rows above read only in order (as tails,
        // their first lines would part `100` from `元`), so it does too.
        let text = format!(
            "{HEADER}\n成本指标 每人每月 100 元 每人每月\n100 元\n100 元 每人每月 100 元\n\
             成本指标 每户每年 300 元 每户每年\n300 元\n300 元 每户每年 300 元\n\
             满意度指标 服务对象满意度指标 参保人员满 意度 参保人员对社保经办业务的 满意\n度\n≥90% 调查问卷\n"
        );
        let (rows, notes) = table(&text);
        assert_eq!(
            rows[3][2..],
            owned(&[
                "参保人员满 意度",
                "参保人员对社保经办业务的 满意 度",
                "≥90%",
                "调查问卷"
            ])[..]
        );
        assert_eq!(
            rows[1][2..],
            owned(&[
                "每人每月 100 元",
                "每人每月 100 元",
                "100 元",
                "每人每月 100 元"
            ])[..]
        );
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn the_basis_most_rows_share_places_the_last_cut() {
        // alone, `100% 冀财社` (a value with a qualifier) and `100%` read
        // alike; the table's rows all end with `冀财社 [2024]133 号`
        let text = format!(
            "{HEADER}\n产出指标 数量指标 领取人数 平均领取人数 ≤70450 人 冀财社 [2024]133 号\n\
             质量指标 足额发放率 足额发放情况 100% 冀财社 [2024]133 号\n\
             时效指标 按时发放率 按时发放情况 100% 冀财社 [2024]133 号\n"
        );
        let (rows, notes) = table(&text);
        for r in &rows[1..] {
            assert_eq!(r[5], "冀财社 [2024]133 号", "{r:?}");
        }
        assert_eq!(rows[2][4], "100%");
        assert!(notes.is_empty(), "{notes:?}");
    }

    #[test]
    fn the_spending_plan_is_read_on_its_label_line() {
        let text = "资金支出计 划（%） 3 月底 6 月底 10 月底 12 月底\n25% 50% 75% 100%\n\
                    绩效目标 1. 促进就业\n";
        let ls = lines(text);
        let mut rows = Vec::new();
        let next = plan(&ls, 0, &mut rows);
        assert_eq!(next, 2);
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| &*c.text).collect())
            .collect();
        assert_eq!(
            cells,
            vec![
                vec![
                    "资金支出计划（%）",
                    "3 月底",
                    "6 月底",
                    "10 月底",
                    "12 月底"
                ],
                vec!["", "25%", "50%", "75%", "100%"],
            ]
        );
        // the label's tail on a line of its own; a month and its percent on one line
        let text = "资金支出计划 3月底 6月底\n（%）\n25% 50%\n资金支出计划 12月底 100%\n";
        let ls = lines(text);
        let mut rows = Vec::new();
        assert_eq!(plan(&ls, 0, &mut rows), 4);
        let cells: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.cells.iter().map(|c| &*c.text).collect())
            .collect();
        assert_eq!(
            cells,
            vec![
                vec!["资金支出计划（%）", "3月底", "6月底"],
                vec!["", "25%", "50%"],
                vec!["资金支出计划（%）", "12月底", "100%"],
            ]
        );
    }

    #[test]
    fn a_row_kept_whole_is_noted_with_its_line() {
        let text = format!(
            "{HEADER}\n产出指标 数量指标 人数 10 人 人数 10 人 10 人 人数 10 人\n\
             时效指标 2025 年 8 月前完成招聘\n"
        );
        let (rows, notes) = table(&text);
        assert_eq!(
            rows[2],
            owned(&["", "时效指标", "2025 年 8 月前完成招聘", "", "", ""])
        );
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].0, 3);
        assert!(
            notes[0].1.contains("`2025 年 8 月前完成招聘`"),
            "{}",
            notes[0].1
        );
    }

    #[test]
    fn choose_and_combinations_agree() {
        for n in 0..8usize {
            for k in 0..=n + 1 {
                let mut seen = 0u64;
                combinations(n, k, |c| {
                    assert!(c.windows(2).all(|w| w[0] < w[1]) && c.iter().all(|&x| x < n));
                    seen += 1;
                });
                assert_eq!(seen, choose(n as u64, k as u64), "{n} choose {k}");
            }
        }
        assert_eq!(choose(100_000, 6), u64::MAX);
    }

    #[test]
    fn dice_scores_likeness() {
        let d = |a: &str, b: &str| dice(&Piece::new(a), &Piece::new(b));
        assert_eq!(d("劳务派遣 29 人", "劳务派遣29人"), 100);
        assert_eq!(d("", ""), 0);
        assert_eq!(d("甲乙", "丙丁"), 0);
        // 3 of 3 + 4 bigrams in common
        assert_eq!(d("养老金发", "养老金发放"), 200 * 3 / 7);
    }
}
