//! Reader for one paragraph per cell without any cell or row mark
//! (`docx2txt` and similar Word extractors).
//!
//! Such a tool writes every paragraph, the paragraphs of table cells
//! included, preceded by a blank line (docx2txt: `"\n\n"` before each
//! paragraph), a line break inside a paragraph as a plain line break, and
//! nothing at all where a cell or a row ends. So an empty paragraph (an
//! empty cell, the continuation of a vertically merged cell) shows only as
//! a longer run of blank lines, and the table structure has to be found
//! again from the text:
//!
//! 1. **Paragraphs.** The commonest blank run between two lines is the
//!    separator `s` (1 for docx2txt); a run of `b > s` blank lines holds
//!    `(b - s) / (s + 1)` empty paragraphs. Lines with no blank between are
//!    one paragraph (a line break inside it). A label broken over two
//!    paragraphs (`二级` + `指标`, `项目` + `编码`) is joined when the two make
//!    a known label or the start of one.
//! 2. **Indicator tables.** A paragraph 一级指标 followed by further header
//!    labels (二级指标, 三级指标, 绩效指标描述, 指标值, …) is the header: its
//!    labels are the columns, their count the width. A following
//!    `符号 | 值 | 单位` row (after the empty cells before it) widens the
//!    data rows by two. The cells after that are regrouped into rows of
//!    that width. When the table names its levels from the Ministry of
//!    Finance vocabulary (`labels.rs`), each row boundary is checked: a row
//!    starts with a first-level label, or an empty cell and a second-level
//!    label; when the cell a full width on is no such start but one a few
//!    cells off is, the row is cut there; when no label tells and the
//!    指标值 column holds no value, the row takes a few more paragraphs
//!    while that puts a value there. A row found too long held an empty
//!    paragraph or a cell written as two paragraphs: the extra paragraphs
//!    are dropped (empty) or joined onto the cell before, choosing the way
//!    that leaves a value in the 指标值 column. A table ends at a heading,
//!    a project-field label, a new header or a sentence where a row starts.
//! 3. **Project tables.** A short paragraph that is a project-field label
//!    (项目编码, 项目名称, 预算规模…, 资金支出计划, 绩效目标) starts a row of
//!    label/value cells, up to the next such label; inside it, a 目标N label
//!    starts a row of its own (with the empty merged cell before it), the
//!    percents after the month marks of the spending plan start the row
//!    under them, and the 资金用途 text after 其他资金 and its amount goes to
//!    a row of its own — the rows the other readers give for these tables.
//! 4. Every other paragraph is running text.
//!
//! The rows go to the shared assembler like those of the other readers.

use std::borrow::Cow;

use super::assemble::{is_goal_label, is_numbered_heading, project_heading};
use super::labels;
use super::row::{Cell, Line, Row};
use super::text::{self, label};
use crate::find::trim;
use crate::value::{Kind, Value};

pub(crate) mod narrow;

/// One paragraph: its text (empty for an empty paragraph) and first line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Para<'a> {
    text: Cow<'a, str>,
    line: u32,
}

impl Para<'_> {
    fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Labels of indicator table headers, in [`label`] form.
const HEADER_LABELS: &[&str] = &[
    "一级指标",
    "二级指标",
    "三级指标",
    "绩效指标描述",
    "指标描述",
    "指标内容",
    "指标值",
    "指标值确定依据",
    "指标值设定依据",
    "指标确定依据",
    "评(扣)分标准",
    "评分标准",
    "分值",
    "权重",
    "备注",
    "符号",
    "计算符号",
    "值",
    "单位",
    "单位(文字描述)",
    "计量单位",
];

/// Labels of project table fields, in [`label`] form.
const FIELD_LABELS: &[&str] = &[
    "项目编码",
    "项目编号",
    "项目名称",
    "项目编码及名称",
    "预算规模及资金用途",
    "预算数",
    "其中:财政资金",
    "财政资金",
    "其他资金",
    "资金支出计划(%)",
    "绩效目标",
];

/// Labels that start a row of a project table when they are a cell alone.
const ROW_LABELS: &[&str] = &["项目编码", "项目编号", "项目名称", "绩效目标"];

/// Labels that start a row of a project table, with whatever follows them.
const LONG_ROW_LABELS: &[&str] = &[
    "预算规模",
    "资金支出计划",
    "项目编码及名称",
    "项目编号及名称",
];

/// True when some known label starts with `c` (a quick filter before the
/// label lists are searched; kept in step with them by a unit test).
fn starts_a_label(c: char) -> bool {
    matches!(
        c,
        '一' | '二'
            | '三'
            | '绩'
            | '指'
            | '评'
            | '分'
            | '权'
            | '备'
            | '符'
            | '计'
            | '值'
            | '单'
            | '项'
            | '预'
            | '其'
            | '财'
            | '资'
            | '产'
            | '效'
            | '满'
            | '成'
            | '数'
            | '质'
            | '时'
            | '实'
            | '经'
            | '社'
            | '生'
            | '可'
            | '服'
    )
}

fn known_labels() -> impl Iterator<Item = &'static str> {
    HEADER_LABELS
        .iter()
        .chain(FIELD_LABELS)
        .chain(labels::LEVEL1)
        .chain(labels::LEVEL2)
        .copied()
}

pub(crate) fn read<'a>(lines: &[Line<'a>]) -> Vec<Row<'a>> {
    let paras = join_split_labels(paragraphs(lines));
    // no empty paragraph at all: the tool wrote nothing for an empty cell
    let compact = !paras.iter().any(Para::is_empty);
    let line_each = separator(lines) == 0;
    Reader {
        p: &paras,
        info: paras.iter().map(Info::of).collect(),
        out: Vec::new(),
        compact,
        line_each,
    }
    .run()
}

/// True when the text looks like paragraph-per-cell output: no tabs to
/// speak of (checked by the caller), most non-blank lines short, and an
/// indicator header written one label per line (一级指标, then 二级…,
/// then 三级… within a few lines). Blank lines between the paragraphs
/// (docx2txt, `pdftotext`) or none (PyMuPDF, LibreOffice's Text export)
/// alike.
pub(crate) fn looks_like(lines: &[Line<'_>]) -> bool {
    header(lines) && {
        // at most 30 chars on at least half the non-blank lines
        let mut nonblank = 0usize;
        let mut short = 0usize;
        for l in lines {
            let t = unmarked(l.text);
            if t.is_empty() {
                continue;
            }
            nonblank += 1;
            // at most 30 chars: at most 30 bytes, or no 31st char
            if t.len() <= 30 || t.chars().nth(30).is_none() {
                short += 1;
            }
        }
        short * 2 >= nonblank
    }
}

/// The text of a line with its markers stripped, trimmed.
fn unmarked(s: &str) -> &str {
    trim(strip_markers(s))
}

/// A header among the non-blank lines: a line 一级指标, the next non-blank
/// line 二级…, and one of the three after that 三级…. Only lines starting
/// with 一 are looked at closely (labels fold no 一, so a label starting
/// 一级指标 is such a line), most of them told apart by their first byte:
/// printable ASCII other than a space or `[` starts the line as it is
/// (no marker, no white space), and so does a CJK lead byte.
fn header(lines: &[Line<'_>]) -> bool {
    const YI: &[u8] = "一".as_bytes();
    lines.iter().enumerate().any(|(k, l)| {
        let maybe = match l.text.as_bytes().first() {
            None => false,
            Some(&c) if (0x21..0x7F).contains(&c) && c != b'[' => false,
            Some(&c) if (0xE4..=0xE9).contains(&c) => l.text.as_bytes().starts_with(YI),
            Some(_) => true,
        };
        if !maybe {
            return false;
        }
        let t = unmarked(l.text);
        if !(t.starts_with('一') && text::label_starts(t, "一级指标")) {
            return false;
        }
        let mut next = lines[k + 1..]
            .iter()
            .map(|l| unmarked(l.text))
            .filter(|t| !t.is_empty());
        next.next().is_some_and(|n| text::label_starts(n, "二级"))
            && next.take(3).any(|n| text::label_starts(n, "三级"))
    })
}

/// Exactly `text::strip_markers(s)`, a line led by neither a space nor a
/// `[` (most lines) returned at once.
fn strip_markers(s: &str) -> &str {
    match s.as_bytes().first() {
        Some(&c) if c != b' ' && c != b'[' => s,
        _ => text::strip_markers(s),
    }
}

/// Splits the text into paragraphs, empty ones included (see the module docs).
fn paragraphs<'a>(lines: &[Line<'a>]) -> Vec<Para<'a>> {
    let sep = separator(lines);
    let mut out: Vec<Para<'a>> = Vec::new();
    let mut run = 0usize;
    let mut prev_text = false;
    for l in lines {
        let t = text::strip_markers(l.text);
        if t.trim().is_empty() {
            run += 1;
            prev_text = false;
            continue;
        }
        if prev_text && sep > 0 && !starts_a_paragraph(out.last().map(|p| &*p.text), t) {
            // a line break inside the paragraph
            if let Some(p) = out.last_mut() {
                text::join_wrapped(p.text.to_mut(), t);
            }
            continue;
        }
        if !out.is_empty() && run > sep {
            let empties = (run - sep) / (sep + 1);
            out.extend((0..empties).map(|k| Para {
                text: Cow::Borrowed(""),
                line: l.no.saturating_sub((run - sep - k * (sep + 1)) as u32),
            }));
        }
        out.push(Para {
            text: Cow::Borrowed(t.trim()),
            line: l.no,
        });
        run = 0;
        prev_text = true;
    }
    out
}

/// The paragraph separator: the commonest run of blank lines between two
/// non-blank lines (docx2txt: 1, `pdftotext` without `-layout`: 1). When
/// most non-blank lines follow one another with no blank line between
/// (LibreOffice's Text export, PyMuPDF's `get_text()`), it is 0: every line
/// is a paragraph and every blank line an empty one.
fn separator(lines: &[Line<'_>]) -> usize {
    let mut runs = [0usize; 9];
    let mut run = 0usize;
    let mut seen = false;
    for l in lines {
        if l.text.trim().is_empty() {
            run += 1;
        } else {
            if seen && run < runs.len() {
                runs[run] += 1;
            }
            seen = true;
            run = 0;
        }
    }
    let sep = (1..runs.len())
        .max_by_key(|&r| (runs[r], usize::MAX - r))
        .unwrap_or(1);
    if runs[0] > runs[sep] {
        0
    } else if runs[sep] == 0 {
        1
    } else {
        sep
    }
}

/// True when line `t`, right after a line of paragraph `prev`, starts a
/// paragraph of its own all the same: a page break (a form feed) lies
/// between them, either is a heading (`2. …绩效目标表`) or a whole
/// label (`单位：万元` + `项目编码`): a PDF extractor sets text that stands
/// close together in one block, a table's first or last cell with the line
/// above or below the table.
fn starts_a_paragraph(prev: Option<&str>, t: &str) -> bool {
    let whole = |s: &str| {
        let l = label(s);
        let l = l.trim_end_matches(':');
        l.chars().next().is_some_and(starts_a_label) && known_labels().any(|k| k == l)
    };
    t.starts_with('\u{c}')
        || whole(t)
        || is_heading(t)
        || prev.is_some_and(|p| whole(p) || is_heading(p))
}

/// Joins a label written as two or more paragraphs (`二级` + `指标`): while
/// a paragraph is the start of a known label and, with the next paragraph,
/// still makes one (or the start of one).
fn join_split_labels(paras: Vec<Para<'_>>) -> Vec<Para<'_>> {
    let mut out: Vec<Para> = Vec::with_capacity(paras.len());
    for p in paras {
        if let Some(last) = out.last_mut() {
            let (a, b) = (label(&last.text), label(&p.text));
            if !a.is_empty() && !b.is_empty() && a.chars().count() <= 12 && b.chars().count() <= 12
            {
                // `a` starts a known label, and `a` + `b` still starts one
                let a_is_start = a.chars().next().is_some_and(starts_a_label)
                    && known_labels().any(|k| k.len() > a.len() && k.starts_with(&*a));
                let joined_starts = |k: &str| {
                    k.strip_prefix(&*a)
                        .is_some_and(|rest| rest.starts_with(&*b))
                };
                // a header label's parenthesised second line (`绩效指标描述`
                // + `（指标内容）`)
                let aside = b.starts_with('(') && b.ends_with(')') && HEADER_LABELS.contains(&&*a);
                // a parenthesis left open goes on in the next paragraph
                // (`绩效指标描述（指标` + `内容）`)
                let open = a.matches('(').count() > a.matches(')').count()
                    && a.chars().next().is_some_and(starts_a_label)
                    && b.contains(')')
                    && !b.contains('(');
                if aside || open || (a_is_start && known_labels().any(joined_starts)) {
                    text::join_wrapped(last.text.to_mut(), &p.text);
                    continue;
                }
            }
        }
        out.push(p);
    }
    out
}

/// The columns of an indicator table, from its header.
#[derive(Clone, Copy, Debug)]
struct Columns {
    width: usize,
    l1: usize,
    l2: usize,
    /// The 指标值 column, or the 符号 / 值 / 单位 columns when split.
    value: Option<(usize, Option<(usize, usize)>)>,
}

/// What the reader asks of a paragraph, found once per paragraph.
#[derive(Clone, Copy, Debug, Default)]
struct Info {
    empty: bool,
    /// cannot be a cell of an indicator row: a heading, a field label
    /// that starts a row, or 一级指标
    ends: bool,
    /// running text, not a level cell: a sentence, or longer than any label
    prose: bool,
    level1: bool,
    level2: bool,
    /// starts with 一级指标
    header_start: bool,
}

impl Info {
    fn of(p: &Para<'_>) -> Info {
        let t = &*p.text;
        if t.trim().is_empty() {
            return Info {
                empty: true,
                ..Info::default()
            };
        }
        let l = label(t);
        let header_start = l.starts_with("一级指标");
        Info {
            empty: false,
            ends: header_start || is_row_label_l(&l) || is_heading(t),
            prose: t.contains('。') || l.chars().count() > 40,
            level1: labels::is_level1(&l),
            level2: labels::is_level2(&l),
            header_start,
        }
    }

    /// A non-empty cell that is no level label.
    fn plain(self) -> bool {
        !self.empty && !self.level1 && !self.level2
    }
}

/// The most cells a row may be searched over; wider headers are read by
/// width alone (keeps the reader linear on hostile input).
const MAX_RESYNC_WIDTH: usize = 24;

/// The most header cells read (keeps the header scan linear).
const MAX_HEADER_WIDTH: usize = 64;

struct Reader<'p, 'a> {
    p: &'p [Para<'a>],
    info: Vec<Info>,
    out: Vec<Row<'a>>,
    /// empty cells are not written (see [`Reader::compact_rows`])
    compact: bool,
    /// every line is a paragraph (no separator line): a cell's text
    /// broken over lines is several paragraphs
    line_each: bool,
}

impl<'a> Reader<'_, 'a> {
    fn run(mut self) -> Vec<Row<'a>> {
        let mut i = 0;
        // the rows of a project-table fragment that belong to the next table
        let mut deferred: Option<Vec<Row<'a>>> = None;
        while i < self.p.len() {
            // (each table reader takes at least the paragraph it starts at)
            if let Some(w) = self.header_width(i) {
                i = self.indicator_table(i, w).max(i + 1);
            } else if is_row_label(&self.p[i].text) {
                let from = self.out.len();
                i = self.project_table(i).max(i + 1);
                if let Some(rows) = deferred.take() {
                    self.out.extend(rows);
                } else if self.compact && self.fragment_before_heading(from, i) {
                    deferred = Some(self.out.split_off(from));
                }
                if self.compact {
                    move_funds(&mut self.out[from..]);
                }
            } else {
                if !self.p[i].is_empty() {
                    let p = &self.p[i];
                    self.out.push(Row::text(p.line, p.text.clone()));
                }
                i += 1;
            }
        }
        self.out.extend(deferred.unwrap_or_default());
        self.out
    }

    /// True when the project-table rows `self.out[from..]`, read up to
    /// paragraph `end`, are a fragment of the next project's table: they
    /// start with 项目名称, hold no 项目编码 / 项目编号 label, and a project
    /// heading follows them
    /// (`pdftotext` reads a table by column blocks, and may set the
    /// 项目名称 block of a table before the heading above the table).
    fn fragment_before_heading(&self, from: usize, end: usize) -> bool {
        let heading = self
            .p
            .get(end)
            .is_some_and(|p| p.text.contains('表') && project_heading(p.text.trim()).is_some());
        let named = self.out.get(from).is_some_and(|r| {
            r.cells
                .first()
                .is_some_and(|c| label(&c.text).starts_with("项目名称"))
        });
        heading
            && named
            && !self.out[from..].iter().any(|r| {
                r.cells.iter().any(|c| {
                    let l = label(&c.text);
                    l.starts_with("项目编码") || l.starts_with("项目编号")
                })
            })
    }

    /// What is known of paragraph `i` (past the end: an empty paragraph).
    fn at(&self, i: usize) -> Info {
        self.info.get(i).copied().unwrap_or(Info {
            empty: true,
            ..Info::default()
        })
    }

    fn label(&self, i: usize) -> Cow<'_, str> {
        self.p.get(i).map(|p| label(&p.text)).unwrap_or_default()
    }

    /// At an indicator header (一级指标 followed by 二级 or 三级 labels):
    /// the number of header cells.
    /// A 序号 column before 一级指标 belongs to the header (its rows then
    /// start with a row number, which the assembler drops).
    fn header_width(&self, i: usize) -> Option<usize> {
        let numbered = !self.at(i).header_start
            && self.at(i + 1).header_start
            && (label(&self.p[i].text) == "序号" || self.numbers_rows(i));
        if !self.at(i).header_start && !numbered {
            return None;
        }
        let mut w = 1 + usize::from(numbered);
        while i + w < self.p.len()
            && w < MAX_HEADER_WIDTH
            && is_header_label(&self.label(i + w))
            && !self.split_value_row(i + w)
        {
            w += 1;
        }
        let cols = &self.p[i..i + w];
        cols.iter()
            .any(|c| {
                let l = label(&c.text);
                l.contains("二级指标") || l.contains("三级指标")
            })
            .then_some(w)
    }

    /// True when paragraph `i` is a row number (a small integer `n`) and
    /// `n + 1` follows within the next rows' worth of paragraphs: the
    /// header row of a table whose rows are numbered (`12 | 一级指标 | …`,
    /// then `13 | 符号 | 值 | 单位`, `14 | 产出指标 | …`).
    fn numbers_rows(&self, i: usize) -> bool {
        let Some(n) = small_int(&self.p[i].text) else {
            return false;
        };
        let to = self.p.len().min(i + 2 + MAX_HEADER_WIDTH);
        self.p[(i + 2).min(to)..to]
            .iter()
            .any(|q| small_int(&q.text) == Some(n + 1))
    }

    /// True when `符号 | 值 | 单位` starts at paragraph `s` (the second row
    /// of a header whose 指标值 is split).
    fn split_value_row(&self, s: usize) -> bool {
        matches!(&*self.label(s), "符号" | "计算符号")
            && matches!(&*self.label(s + 1), "值" | "指标值")
            && (self.label(s + 2).starts_with("单位") || self.label(s + 2).starts_with("计量单位"))
    }

    fn cells(&self, from: usize, to: usize) -> Vec<Cell<'a>> {
        self.p[from..to]
            .iter()
            .map(|p| Cell {
                text: p.text.clone(),
                line: p.line,
            })
            .collect()
    }

    fn push_row(&mut self, cells: Vec<Cell<'a>>) {
        if cells.iter().all(|c| c.text.trim().is_empty()) {
            return;
        }
        let line = cells.first().map_or(0, |c| c.line);
        self.out.push(Row::table(line, cells));
    }

    /// Reads an indicator table whose header of `w` cells starts at `i`;
    /// returns the index after it.
    fn indicator_table(&mut self, i: usize, w: usize) -> usize {
        let mut cols = {
            let header: Vec<Cow<'_, str>> = (i..i + w).map(|k| self.label(k)).collect();
            let find = |f: &dyn Fn(&str) -> bool| header.iter().position(|l| f(l));
            let l1 = find(&|l| l.contains("一级指标")).unwrap_or(0);
            Columns {
                width: w,
                l1,
                l2: find(&|l| l.contains("二级指标")).unwrap_or(l1 + 1),
                value: find(&|l| l.starts_with("指标值") && !l.contains("依据")).map(|v| (v, None)),
            }
        };
        let mut cells = self.cells(i, i + w);
        if self.compact {
            // a row number before 一级指标 only marks the row (see
            // [`Reader::narrow_rows`]): the assembler is given none
            blank_row_number(&mut cells);
        }
        self.push_row(cells);
        let mut i = i + w;

        // `符号 | 值 | 单位` under the value column, after the empty cells before
        // it (compact text: after the row's number, if any)
        let mut lead = (i..self.p.len().min(i + w))
            .take_while(|k| self.p[*k].is_empty())
            .count();
        if self.compact && lead == 0 && self.p.get(i).is_some_and(|p| small_int(&p.text).is_some())
        {
            lead = 1;
        }
        let s = i + lead;
        if self.split_value_row(s) {
            let width = w + 2;
            let mut end = s + 3;
            while end < self.p.len() && end - i < width && self.p[end].is_empty() {
                end += 1;
            }
            // the value column splits in three
            if self.compact {
                // no empty cell written: 符号 stands under the header's 指标值
                let v = cols.value.map_or(lead, |(v, _)| v);
                let mut cells = self.cells(i, i + lead);
                blank_row_number(&mut cells);
                cells.truncate(v);
                while cells.len() < v {
                    cells.push(Cell {
                        text: Cow::Borrowed(""),
                        line: self.p[s].line,
                    });
                }
                cells.extend(self.cells(s, end));
                self.push_row(cells);
                cols.value = Some((v, Some((v + 1, v + 2))));
            } else {
                let cells = self.cells(i, end);
                self.push_row(cells);
                cols.value = Some((lead, Some((lead + 1, lead + 2))));
            }
            cols.width = width;
            i = end;
            if self.compact && self.line_each && cols.l1 + 1 == cols.l2 {
                return self.narrow_rows(i, &cols);
            }
        }

        if self.compact && cols.l1 + 1 == cols.l2 && cols.l2 + 1 < cols.width {
            return self.compact_rows(i, &cols);
        }
        let mut vocab: Option<bool> = None;
        while i < self.p.len() {
            let w = cols.width;
            let end = self.table_end(i, w);
            if end == i {
                break;
            }
            if (i..end).all(|k| self.p[k].is_empty()) {
                // a row of empty cells (a merged header's second row)
                if end - i >= w {
                    i += w;
                    continue;
                }
                i = end;
                break;
            }
            let vocab = *vocab
                .get_or_insert_with(|| self.at(i + cols.l1).level1 || self.at(i + cols.l2).level2);
            let mut row_end = end;
            if vocab && w <= MAX_RESYNC_WIDTH && end == i + w && end < self.p.len() {
                row_end = self.resync(i, w, &cols);
            }
            let mut cells = self.cells(i, row_end);
            reduce(&mut cells, &cols, self.line_each);
            let ended = end < i + w && row_end == end;
            let labelled = |k: usize| {
                cells.get(k).is_some_and(|c| {
                    let l = label(&c.text);
                    labels::is_level(&l)
                })
            };
            let filled = cells.iter().filter(|c| !c.text.trim().is_empty()).count();
            if ended
                && end < self.p.len()
                && filled <= 1
                && !value_ok(&cells, &cols, None)
                && !labelled(cols.l1)
                && !labelled(cols.l2)
            {
                // a short line before the next heading: running text
                for c in cells.into_iter().filter(|c| !c.text.trim().is_empty()) {
                    self.out.push(Row::text(c.line, c.text));
                }
                i = row_end;
                break;
            }
            self.push_row(cells);
            i = row_end;
            if ended {
                break;
            }
        }
        i
    }

    /// The rows of an indicator table from `i` on, in text where an empty
    /// cell is not written at all (`pdftotext` without `-layout`, PyMuPDF:
    /// a merged level cell is written once, on its first row). A row takes
    /// the cells before the level columns (a row number), a first-level
    /// label if one stands there, a second-level label if one stands
    /// there (an empty cell for each missing one: the level of the row
    /// above), and then the cells after them up to the next level label or
    /// the end of the table. Those are one row, or several rows under the
    /// same levels when they are at least twice as many as the columns
    /// after the levels; a row with more paragraphs than columns held a
    /// cell written as two paragraphs (a line broken inside a cell), joined
    /// where the value column then holds a value ([`reduce`]). Returns the
    /// index after the table.
    fn compact_rows(&mut self, mut i: usize, cols: &Columns) -> usize {
        let rest = cols.width - cols.l2 - 1;
        let mut pending = Vec::new();
        while i < self.p.len() {
            let start = i;
            let lead = cols.l1.min(self.p.len() - i);
            if (i..i + lead).any(|k| self.at(k).ends) {
                break;
            }
            i += lead;
            // a label of both levels (成本指标) is a first-level one only
            // when a second-level label follows it
            let l1 = self.at(i).level1 && (!self.at(i).level2 || self.at(i + 1).level2);
            i += usize::from(l1);
            let l2 = self.at(i).level2;
            i += usize::from(l2);
            // the cells after the levels: up to a level label or the end
            let body = i;
            while i < self.p.len() {
                let f = self.at(i);
                if f.ends || (i == body && f.prose) || (i > body && (f.level1 || f.level2)) {
                    break;
                }
                i += 1;
            }
            if i == start {
                break;
            }
            if i == body && !l1 && !l2 {
                break;
            }
            let levels = |me: &Self| {
                let mut cells = me.cells(start, start + lead);
                let mut at = start + lead;
                for present in [l1, l2] {
                    if present {
                        cells.extend(me.cells(at, at + 1));
                        at += 1;
                    } else {
                        cells.push(Cell {
                            text: Cow::Borrowed(""),
                            line: me.p.get(at).map_or(0, |p| p.line),
                        });
                    }
                }
                cells
            };
            let mut first = true;
            let mut k = body;
            while k < i || first {
                let n = i - k;
                // this row's share of the paragraphs: all when fewer than
                // two rows' worth, else the fewest that put a value in the
                // value column (or exactly one row's worth)
                let take = if n < 2 * rest {
                    n
                } else {
                    // (at most twice the columns: linear on hostile input)
                    (rest..=(n - rest).min(2 * rest))
                        .find(|&m| self.value_in(k, k + m, cols, &levels))
                        .unwrap_or(rest)
                };
                let mut cells = if first {
                    levels(self)
                } else {
                    vec![
                        Cell {
                            text: Cow::Borrowed(""),
                            line: self.p[k].line,
                        };
                        cols.l2 + 1
                    ]
                };
                if self.line_each && take > rest {
                    // cut by how full the lines are, once the columns'
                    // widths are known (below)
                    pending.push((self.out.len(), cells, k..k + take));
                    self.out.push(Row::table(self.p[k].line, Vec::new()));
                } else {
                    cells.extend(self.cells(k, k + take));
                    reduce(&mut cells, cols, self.line_each);
                    self.push_row(cells);
                }
                k += take;
                first = false;
            }
        }
        self.cut_by_width(pending, cols);
        i
    }

    /// In text with a paragraph per line, the rows of a compact table whose
    /// lines outnumber their cells (`(index of a placeholder row in the
    /// output, level cells, lines)`): the lines are cut among the columns
    /// after the levels by how full they are ([`Reader::share_out`]), unless
    /// that leaves no value in the value column where joining the extra
    /// lines by [`reduce`] does.
    fn cut_by_width(
        &mut self,
        pending: Vec<(usize, Vec<Cell<'a>>, std::ops::Range<usize>)>,
        cols: &Columns,
    ) {
        let runs = pending
            .iter()
            .enumerate()
            .map(|(r, (_, _, lines))| {
                (
                    lines.clone(),
                    (cols.l2 + 1..cols.width).map(|c| (r, c)).collect(),
                )
            })
            .collect();
        let first = pending.first().map(|p| p.0);
        let cut = self.share_out(runs, cols.width);
        let mut by_row: Vec<Option<Vec<usize>>> = vec![None; pending.len()];
        for (_, slots, lens) in cut {
            if let Some(&(r, _)) = slots.first() {
                by_row[r] = Some(lens);
            }
        }
        for ((at, lead, lines), lens) in pending.into_iter().zip(by_row) {
            let mut joined = lead.clone();
            joined.extend(self.cells(lines.start, lines.end));
            reduce(&mut joined, cols, self.line_each);
            let mut cells = lead;
            if let Some(lens) = lens {
                let mut k = lines.start;
                for len in lens {
                    cells.push(if len == 0 {
                        Cell {
                            text: Cow::Borrowed(""),
                            line: self.p[k.min(lines.end - 1)].line,
                        }
                    } else {
                        self.joined(k, k + len)
                    });
                    k += len;
                }
            }
            let keep = !value_ok(&joined, cols, None);
            let cells = if keep { cells } else { joined };
            let line = cells.first().map_or(0, |c| c.line);
            self.out[at] = Row::table(line, cells);
        }
        // (the placeholders of rows left with no text at all)
        if let Some(from) = first {
            let mut k = from;
            for r in from..self.out.len() {
                if self.out[r].text || !self.out[r].cells.iter().all(|c| c.text.trim().is_empty()) {
                    self.out.swap(k, r);
                    k += 1;
                }
            }
            self.out.truncate(k);
        }
    }

    /// The rows of an indicator table with split `符号 | 值 | 单位` columns
    /// in text with a line per paragraph and no empty cell written
    /// (PyMuPDF): every line of a wrapped cell is a paragraph, and narrow
    /// columns wrap most cells over several lines. A row takes its number
    /// (in a numbered table), its level labels, then the lines up to the
    /// next level label, the next row's number (`n + 1`, unless right after
    /// a comparator: a value) or the table's end. In those lines each 符号
    /// cell is found by what it holds: a comparator alone, then the 值 (a
    /// number) and the 单位 (a unit) on the lines after it; or 文字描述 /
    /// 定性, maybe broken over lines (`文字描` + `述`), with no 值 and the
    /// text of 单位 among the cells after it. The lines between two such
    /// anchors hold the cells after the value of one row and those before
    /// the value of the next; they are shared out by how full they are
    /// ([`narrow::split`]): first with each cell's widest line as its
    /// width, then with the width each column shows over the whole table.
    /// Returns the index after the table.
    fn narrow_rows(&mut self, mut i: usize, cols: &Columns) -> usize {
        struct Block {
            start: usize,
            lead: usize,
            l1: bool,
            l2: bool,
            body: std::ops::Range<usize>,
        }
        let Some((sym, Some((_, unit)))) = cols.value else {
            return self.compact_rows(i, cols);
        };
        if sym <= cols.l2 || unit >= cols.width {
            return self.compact_rows(i, cols);
        }
        let mut blocks: Vec<Block> = Vec::new();
        let mut last_no: Option<u32> = None;
        while i < self.p.len() {
            let start = i;
            // the row number, unless a level label stands there
            let lead = (i..(i + cols.l1).min(self.p.len()))
                .take_while(|&k| {
                    let f = self.at(k);
                    !f.level1 && !f.level2
                })
                .count();
            if (i..i + lead).any(|k| self.at(k).ends) {
                break;
            }
            let no = (lead > 0)
                .then(|| small_int(&self.p[start].text))
                .flatten()
                .or(last_no.map(|n| n + 1));
            i += lead;
            let l1 = self.at(i).level1 && (!self.at(i).level2 || self.at(i + 1).level2);
            i += usize::from(l1);
            let l2 = self.at(i).level2;
            i += usize::from(l2);
            let body = i;
            while i < self.p.len() {
                let f = self.at(i);
                if (f.ends && !(i > body && cols.l1 > 0 && self.heading_in_row(i, no)))
                    || (i == body && f.prose)
                    || (i > body && (f.level1 || f.level2))
                {
                    break;
                }
                if i > body
                    && cols.l1 > 0
                    && no.is_some_and(|n| small_int(&self.p[i].text) == Some(n + 1))
                    && !is_comparator(&self.p[i - 1].text)
                {
                    break;
                }
                i += 1;
            }
            if i == start || (i == body && !l1 && !l2) {
                i = start;
                break;
            }
            last_no = no;
            blocks.push(Block {
                start,
                lead,
                l1,
                l2,
                body: body..i,
            });
        }

        // every block's rows, and the runs of lines to share out among their
        // cells: (lines, [(row, column)])
        type Slots = Vec<(usize, usize)>;
        let mut rows: Vec<Vec<Cell<'a>>> = Vec::new();
        let mut runs: Vec<(std::ops::Range<usize>, Slots)> = Vec::new();
        for b in &blocks {
            let line = self.p[b.start].line;
            let blank = Cell {
                text: Cow::Borrowed(""),
                line,
            };
            let anchors = self.anchors(b.body.clone());
            let first = rows.len();
            let count = anchors.len().max(1);
            for r in 0..count {
                let mut cells = vec![blank.clone(); cols.width];
                if r == 0 {
                    for (cell, lead) in cells.iter_mut().zip(self.cells(b.start, b.start + b.lead))
                    {
                        *cell = lead;
                    }
                    blank_row_number(&mut cells);
                    let mut at = b.start + b.lead;
                    for (present, col) in [(b.l1, cols.l1), (b.l2, cols.l2)] {
                        if present {
                            cells[col] = self.cells(at, at + 1).remove(0);
                            at += 1;
                        }
                    }
                }
                rows.push(cells);
            }
            if anchors.is_empty() {
                let slots = (cols.l2 + 1..cols.width).map(|c| (first, c)).collect();
                runs.push((b.body.clone(), slots));
                continue;
            }
            let pre = cols.l2 + 1..sym;
            let mut from = b.body.start;
            let mut slots: Slots = pre.clone().map(|c| (first, c)).collect();
            for (r, a) in anchors.iter().enumerate() {
                runs.push((from..a.at, std::mem::take(&mut slots)));
                let row = first + r;
                let sym_cells = self.cells(a.at, a.sym_end);
                let mut t = String::new();
                for c in &sym_cells {
                    text::join_wrapped(&mut t, &c.text);
                }
                rows[row][sym] = Cell {
                    text: Cow::Owned(t),
                    line: self.p[a.at].line,
                };
                for (col, k) in [(sym + 1, a.number), (unit, a.unit)] {
                    if let Some(k) = k {
                        rows[row][col] = self.cells(k, k + 1).remove(0);
                    }
                }
                let post = if a.unit.is_some() || a.comparator {
                    unit + 1
                } else {
                    unit
                };
                slots = (post..cols.width).map(|c| (row, c)).collect();
                if r + 1 < anchors.len() {
                    slots.extend(pre.clone().map(|c| (row + 1, c)));
                }
                from = a.end;
            }
            runs.push((from..b.body.end, slots));
        }

        for (lines, slots, lens) in self.share_out(runs, cols.width) {
            let mut at = lines.start;
            for (len, (row, col)) in lens.into_iter().zip(slots) {
                if len == 0 {
                    continue;
                }
                rows[row][col] = self.joined(at, at + len);
                at += len;
            }
        }
        for cells in rows {
            self.push_row(cells);
        }
        i
    }

    /// Cuts each run of lines among its slots (`(row, column)`) by how
    /// full the lines are ([`narrow::split`]): first with each cell's widest
    /// line as its width, then [`LEARNING_ROUNDS`] times with the width each
    /// column shows over all the runs (a table). Returns each run with its
    /// slots and the number of lines of each slot's cell.
    #[allow(clippy::type_complexity)]
    fn share_out(
        &self,
        runs: Vec<(std::ops::Range<usize>, Vec<(usize, usize)>)>,
        width: usize,
    ) -> Vec<(std::ops::Range<usize>, Vec<(usize, usize)>, Vec<usize>)> {
        let w_of = |r: &std::ops::Range<usize>| -> Vec<narrow::LineWidth> {
            self.p[r.clone()]
                .iter()
                .map(|p| narrow::LineWidth::of(&p.text))
                .collect()
        };
        let mut caps: Vec<Option<usize>> = vec![None; width];
        for _ in 0..LEARNING_ROUNDS {
            let mut full: Vec<Vec<usize>> = vec![Vec::new(); width];
            for (lines, slots) in &runs {
                let w = w_of(lines);
                let c: Vec<Option<usize>> = slots.iter().map(|&(_, c)| caps[c]).collect();
                if let Some(lens) = narrow::split(&w, &c, 30) {
                    let mut at = 0;
                    for (len, &(_, c)) in lens.iter().zip(slots) {
                        if *len > 1 {
                            full[c].extend(w[at..at + len - 1].iter().map(|x| x.width));
                        }
                        at += len;
                    }
                }
            }
            caps = full.into_iter().map(narrow::column_width).collect();
        }
        runs.into_iter()
            .filter(|(_, slots)| !slots.is_empty())
            .map(|(lines, slots)| {
                let w = w_of(&lines);
                let c: Vec<Option<usize>> = slots.iter().map(|&(_, c)| caps[c]).collect();
                let lens = narrow::split(&w, &c, 30).unwrap_or_else(|| {
                    let mut l = vec![0; slots.len()];
                    l[0] = w.len();
                    l
                });
                (lines, slots, lens)
            })
            .collect()
    }

    /// Paragraphs `from..to` joined as the lines of one cell.
    fn joined(&self, from: usize, to: usize) -> Cell<'a> {
        let mut t = String::new();
        for p in &self.p[from..to] {
            text::join_wrapped(&mut t, &p.text);
        }
        Cell {
            text: Cow::Owned(t),
            line: self.p[from].line,
        }
    }

    /// True when paragraph `k`, which reads as a numbered heading
    /// (`一、规范档案管`), is a line of a wrapped cell of row `no`: it is no
    /// project heading, and the next row's number `no + 1` follows within
    /// a cell's worth of lines with nothing that ends a table between.
    fn heading_in_row(&self, k: usize, no: Option<u32>) -> bool {
        let Some(n) = no else { return false };
        let t = &self.p[k].text;
        if !is_numbered_heading(t.trim())
            || (t.contains('表') && project_heading(t.trim()).is_some())
        {
            return false;
        }
        let to = self.p.len().min(k + 1 + narrow::MAX_CELL_LINES);
        for j in k + 1..to {
            if small_int(&self.p[j].text) == Some(n + 1) {
                return true;
            }
            if self.at(j).ends {
                return false;
            }
        }
        false
    }

    /// The 符号 cells among paragraphs `body` (see [`Reader::narrow_rows`]).
    fn anchors(&self, body: std::ops::Range<usize>) -> Vec<Anchor> {
        let mut out = Vec::new();
        let mut k = body.start;
        while k < body.end {
            let t = &self.p[k].text;
            if is_comparator(t) {
                let number = (k + 1 < body.end && is_number(&self.p[k + 1].text)).then_some(k + 1);
                let after = number.map_or(k + 1, |n| n + 1);
                let unit = (after < body.end && is_unit(&self.p[after].text)).then_some(after);
                let end = unit.map_or(after, |u| u + 1);
                out.push(Anchor {
                    at: k,
                    sym_end: k + 1,
                    end,
                    comparator: true,
                    number,
                    unit,
                });
                k = end;
                continue;
            }
            // 文字描述 / 定性, maybe broken over lines
            let mut acc = label(t).into_owned();
            let mut j = k + 1;
            while j < body.end
                && QUALITATIVE_SYMBOLS
                    .iter()
                    .any(|q| q.len() > acc.len() && q.starts_with(acc.as_str()) && !acc.is_empty())
            {
                acc.push_str(&label(&self.p[j].text));
                j += 1;
            }
            if QUALITATIVE_SYMBOLS.contains(&acc.as_str()) {
                out.push(Anchor {
                    at: k,
                    sym_end: j,
                    end: j,
                    comparator: false,
                    number: None,
                    unit: None,
                });
                k = j;
                continue;
            }
            k += 1;
        }
        out
    }

    /// True when paragraphs `from..to`, after the level cells, put a value
    /// in the value column once reduced to the table's width.
    fn value_in(
        &self,
        from: usize,
        to: usize,
        cols: &Columns,
        levels: &dyn Fn(&Self) -> Vec<Cell<'a>>,
    ) -> bool {
        let mut cells = levels(self);
        cells.extend(self.cells(from, to));
        reduce(&mut cells, cols, self.line_each);
        value_ok(&cells, cols, None)
    }

    /// The end of the row starting at `i`: `i + w`, or earlier where a
    /// paragraph ends the table (a heading, a project-field label, a new
    /// header), or the end of the text.
    fn table_end(&self, i: usize, w: usize) -> usize {
        let stop = self.p.len().min(i + w);
        (i..stop)
            .find(|&k| {
                let f = self.info[k];
                !f.empty && (f.ends || (k == i && f.prose))
            })
            .unwrap_or(stop)
    }

    /// How likely a row starts at `j`: 3 for a first-level label, or an
    /// empty cell and a second-level label, or a paragraph that ends the
    /// table; 1 for two empty level cells before a non-empty third-level
    /// one, or the end of the text; else 0.
    fn start_score(&self, j: usize, c: &Columns) -> u8 {
        if j >= self.p.len() {
            return 1;
        }
        let f = self.at(j);
        if f.ends || f.prose {
            return 3;
        }
        let (a, b) = (self.at(j + c.l1), self.at(j + c.l2));
        if a.level1 || (a.empty && b.level2) {
            return 3;
        }
        let c3 = self.at(j + c.l2 + 1);
        if a.empty && b.empty && c3.plain() {
            return 1;
        }
        0
    }

    /// Where the row starting at `i` ends: `i + w` unless no row can start
    /// there and one a few cells off can (a cell missing, or written as
    /// two paragraphs).
    fn resync(&self, i: usize, w: usize, c: &Columns) -> usize {
        if self.start_score(i + w, c) > 0 {
            return i + w;
        }
        let lo = (i + w).saturating_sub(2).max(i + 2);
        let hi = (i + w + 3).min(self.p.len());
        let mut best: Option<(u8, usize, usize)> = None; // (score, distance, j)
        for j in lo..=hi {
            // no paragraph between the full width and `j` may end the table
            if j != i + w && (j < i + w || self.table_end(i + w, j - i - w) == j) {
                // a long cell inside the row is no row start
                let s = if j < i + w && self.at(j).prose {
                    0
                } else {
                    self.start_score(j, c)
                };
                let d = j.abs_diff(i + w);
                if s > 0 && best.map_or(true, |(bs, bd, _)| s > bs || (s == bs && d < bd)) {
                    best = Some((s, d, j));
                }
            }
        }
        if let Some((_, _, j)) = best {
            return j;
        }
        // No label tells: while the value column holds no value, take the
        // next paragraphs in (empty paragraphs inside cells), up to a
        // plausible row start.
        let ok = |j: usize| {
            let mut cells = self.cells(i, j);
            reduce(&mut cells, c, self.line_each);
            value_ok(&cells, c, None)
        };
        if !ok(i + w) {
            for j in i + w + 1..=hi {
                if self.table_end(i + w, j - i - w) < j {
                    break;
                }
                let plausible =
                    self.p.get(j).map_or(true, Para::is_empty) || self.start_score(j, c) > 0;
                if plausible && ok(j) {
                    return j;
                }
            }
        }
        i + w
    }

    /// Reads a project table starting at the field label at `i`; returns
    /// the index after it.
    fn project_table(&mut self, mut i: usize) -> usize {
        /// What the current row holds so far (kept as flags so each
        /// paragraph is looked at once).
        #[derive(Default)]
        struct Seen {
            code: bool,
            name: bool,
            value: bool,
            months: bool,
            percents: bool,
            other_funds_at: Option<usize>,
        }
        let paras = self.p;
        let start = i;
        let mut row: Vec<Cell<'a>> = Vec::new();
        let mut seen = Seen::default();
        while i < paras.len() {
            let t = &paras[i].text;
            // (the label that opened the table is taken whatever else it reads as)
            if i > start
                && !t.trim().is_empty()
                && (self.header_width(i).is_some() || is_heading(t))
            {
                break;
            }
            let l = label(t);
            let months = !text::months(t).is_empty();
            let percent = !months && text::percent(t).is_some();
            let new_row = if is_row_label(t) {
                // 项目名称 in the 项目编码 row stays there
                let name_after_code = l.starts_with("项目名称") && seen.code && !seen.name;
                !row.is_empty() && !name_after_code
            } else {
                seen.other_funds_at.is_some_and(|k| row.len() > k + 1)
            };
            // a 目标N row, or the percents under the month marks, with the
            // empty (merged) label cell before them
            let under = !new_row
                && ((is_goal_label(t) && seen.value) || (percent && seen.months && !seen.percents));
            if new_row || under {
                let carried = if under && row.last().is_some_and(|c| c.text.trim().is_empty()) {
                    row.pop()
                } else {
                    None
                };
                self.push_row(std::mem::take(&mut row));
                seen = Seen::default();
                row.extend(carried);
            }
            seen.code |= l.starts_with("项目编码") || l.starts_with("项目编号");
            seen.name |= l.starts_with("项目名称");
            seen.value |= !is_field_cell(t);
            seen.months |= months;
            seen.percents |= percent;
            if l.starts_with("其他资金") {
                seen.other_funds_at = Some(row.len());
            }
            if self.line_each && continues_name(&row, t) {
                if let Some(c) = row.last_mut() {
                    text::join_wrapped(c.text.to_mut(), t);
                }
                i += 1;
                continue;
            }
            row.push(Cell {
                text: t.clone(),
                line: paras[i].line,
            });
            i += 1;
        }
        self.push_row(row);
        i
    }
}

/// In text with a paragraph per line, true when `t` continues the
/// project name or code that ends `row` (`…人身意外` + `伤害保险`,
/// `13081122P00800810` + `001Y`): the cell before the last is 项目名称 or
/// 项目编码, and `t` is no label, amount, percent or month mark.
fn continues_name(row: &[Cell<'_>], t: &str) -> bool {
    let [.., key, _] = row else { return false };
    let k = label(&key.text);
    let l = label(t);
    let field = known_labels().any(|x| l.starts_with(x)) || is_row_label_l(&l);
    let code = (k.starts_with("项目编码") || k.starts_with("项目编号"))
        && l.chars().all(|c| c.is_ascii_alphanumeric());
    let name = k.starts_with("项目名称")
        && text::amount(t).is_none()
        && text::percent(t).is_none()
        && text::months(t).is_empty();
    !l.is_empty() && !field && (code || name)
}

/// In compact text (empty cells not written), moves the 财政资金 /
/// 其他资金 cells of a project table's rows to its 预算规模 row: a text
/// tool that reads a table by column blocks (`pdftotext`) writes `项目名称
/// | name` and then `其中：财政资金 | 126.15 | 其他资金`, the rest of the
/// 预算规模 row, after it. A fund label outside that row moves there, with
/// the amount right after it.
fn move_funds(rows: &mut [Row<'_>]) {
    let is_budget = |r: &Row<'_>| {
        r.cells
            .first()
            .is_some_and(|c| label(&c.text).starts_with("预算规模"))
    };
    let Some(at) = rows.iter().position(|r| !r.text && is_budget(r)) else {
        return;
    };
    let mut moved = Vec::new();
    for r in rows.iter_mut().filter(|r| !r.text && !is_budget(r)) {
        let mut k = 0;
        while k < r.cells.len() {
            let l = label(&r.cells[k].text);
            let funds = ["其中:财政资金", "财政资金", "其他资金"]
                .iter()
                .any(|f| l.starts_with(f));
            if !funds {
                k += 1;
                continue;
            }
            moved.push(r.cells.remove(k));
            if r.cells
                .get(k)
                .is_some_and(|c| text::amount(&c.text).is_some())
            {
                moved.push(r.cells.remove(k));
            }
        }
    }
    rows[at].cells.extend(moved);
}

/// Drops or joins the extra paragraphs of a row longer than the table, one
/// at a time, choosing each time the change that leaves a value in the
/// 指标值 column; an empty paragraph is dropped before a paragraph is
/// joined; of equal choices, in text with a paragraph per line
/// (`line_each`: PDF lines, where a long cell wraps and a value, a few
/// characters, hardly ever does), the one that leaves the shortest value
/// (a line of a long cell that lands in the value column may still parse,
/// `2025 年…` as a date); then the one that joins the shortest paragraph
/// (a stray fragment such as `v` is a cell's second paragraph, not a
/// cell), then the leftmost (nothing in the text tells which cell a
/// second paragraph belonged to; in the corpus it is most often the
/// 三级指标).
fn reduce(cells: &mut Vec<Cell<'_>>, c: &Columns, line_each: bool) {
    while cells.len() > c.width {
        // (score, value length, paragraph length, k, drop)
        let mut best: Option<(u32, usize, usize, usize, bool)> = None;
        for k in 1..cells.len() {
            let empty = cells[k].text.trim().is_empty();
            // level cells are neither dropped nor joined onto
            let levels = c.l1.max(c.l2);
            if k <= levels || (!empty && k - 1 <= levels) {
                continue;
            }
            let mut score = 0u32;
            if value_ok(cells, c, Some(k)) {
                score += 4;
            }
            if empty {
                score += 2;
            }
            let vlen = if line_each { value_len(cells, c, k) } else { 0 };
            let len = cells[k].text.trim().chars().count();
            let better = |&(s, v, l, _, _): &(u32, usize, usize, usize, bool)| {
                score > s || (score == s && (vlen, len) < (v, l))
            };
            if best.as_ref().map_or(true, better) {
                best = Some((score, vlen, len, k, empty));
            }
        }
        let Some((_, _, _, k, drop)) = best else {
            break;
        };
        let cell = cells.remove(k);
        if !drop {
            text::join_wrapped(cells[k - 1].text.to_mut(), &cell.text);
        }
    }
}

/// The length in chars of the value column's text once paragraph `k` is
/// joined onto the one before (a row without a value column: 0).
fn value_len(cells: &[Cell<'_>], c: &Columns, k: usize) -> usize {
    let len = |i: usize| {
        let n = |j: usize| cells.get(j).map_or(0, |x| x.text.trim().chars().count());
        match i.cmp(&(k - 1)) {
            std::cmp::Ordering::Less => n(i),
            std::cmp::Ordering::Equal => n(i) + n(k),
            std::cmp::Ordering::Greater => n(i + 1),
        }
    };
    match c.value {
        Some((v, None)) => len(v),
        Some((s, Some((v, u)))) => len(s) + len(v) + len(u),
        None => 0,
    }
}

/// True when the value column holds a value (not free text) once cell
/// `removed` is taken out of the row.
fn value_ok(cells: &[Cell<'_>], c: &Columns, removed: Option<usize>) -> bool {
    let at = |i: usize| -> &str {
        let i = match removed {
            Some(r) if i >= r => i + 1,
            _ => i,
        };
        cells.get(i).map_or("", |c| c.text.trim())
    };
    let raw = match c.value {
        Some((v, None)) => at(v).to_string(),
        Some((s, Some((v, u)))) => [at(s), at(v), at(u)]
            .into_iter()
            .filter(|x| !x.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        None => return false,
    };
    !matches!(Value::parse(&raw).kind(), Kind::Text | Kind::Empty)
}

/// A 符号 cell found among the lines of a row (see [`Reader::narrow_rows`]).
struct Anchor {
    /// its first paragraph
    at: usize,
    /// the paragraph after its own text
    sym_end: usize,
    /// the paragraph after it, its 值 and 单位 included
    end: usize,
    comparator: bool,
    number: Option<usize>,
    unit: Option<usize>,
}

/// How often the columns' widths are learned again from the cells cut
/// with the widths learned before (first: each cell's widest line).
const LEARNING_ROUNDS: usize = 2;

/// What a 符号 cell holds for a value stated in words.
const QUALITATIVE_SYMBOLS: &[&str] = &["文字描述", "定性"];

/// A comparator alone (`≥`, `>=`, `＝`, `大于等于`): a 符号 cell.
pub(crate) fn is_comparator(s: &str) -> bool {
    let l = label(s);
    let l = l.as_ref();
    !l.is_empty()
        && (l.chars().count() <= 2 && l.chars().all(|c| "≥≤≧≦=＝<>＜＞≠≈~～".contains(c))
            || matches!(
                l,
                "大于"
                    | "小于"
                    | "等于"
                    | "大于等于"
                    | "小于等于"
                    | "不低于"
                    | "不高于"
                    | "不少于"
                    | "不超过"
                    | "约"
            ))
}

/// A number alone (`95.00`, `7200`): a 值 cell.
pub(crate) fn is_number(s: &str) -> bool {
    let t = s.trim();
    !t.is_empty() && t.len() <= 24 && t.parse::<rust_decimal::Decimal>().is_ok()
}

/// A unit alone (`%`, `元`, `人次`, `元/人/月`): a 单位 cell after a number.
pub(crate) fn is_unit(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t.chars().count() > 6 || is_number(t) || text::is_small_int(t) {
        return false;
    }
    let src = format!("1{t}");
    let v = Value::parse(&src);
    v.kind() == Kind::Quantity && v.qualifier().is_none() && v.unit().is_some_and(|u| !u.is_none())
}

/// Blanks the first cell of a row when it is a row number.
fn blank_row_number(cells: &mut [Cell<'_>]) {
    if let Some(c) = cells.first_mut() {
        if small_int(&c.text).is_some() {
            c.text = Cow::Borrowed("");
        }
    }
}

/// The value of a paragraph that is only a small integer (a row number).
fn small_int(s: &str) -> Option<u32> {
    let t = s.trim();
    if text::is_small_int(t) {
        t.parse().ok()
    } else {
        None
    }
}

fn is_header_label(l: &str) -> bool {
    !l.is_empty()
        && l.chars().count() <= 12
        && !labels::is_level1(l)
        && !labels::is_level2(l)
        && (HEADER_LABELS.contains(&l)
            || ["指标", "依据", "标准", "分值", "权重", "备注"]
                .iter()
                .any(|k| l.contains(k)))
}

/// A paragraph that starts a row of a project table: a field label alone
/// (`项目编码`, `绩效目标：`), or one of the long labels (`预算规模及资金用途`,
/// `资金支出计划（%）`, `项目编码及名称…`).
fn is_row_label(s: &str) -> bool {
    is_row_label_l(&label(s))
}

/// [`is_row_label`] of a text already in [`label`] form.
fn is_row_label_l(l: &str) -> bool {
    let l = l.trim_end_matches(':');
    ROW_LABELS.contains(&l) || LONG_ROW_LABELS.iter().any(|k| l.starts_with(k))
}

/// A label of a project table (or empty): not a value of one.
fn is_field_cell(s: &str) -> bool {
    let l = label(s);
    l.is_empty() || FIELD_LABELS.iter().any(|k| l.starts_with(k))
}

fn is_heading(s: &str) -> bool {
    let t = s.trim();
    (is_numbered_heading(t) && t.chars().count() <= 40 && !t.contains('。'))
        || (t.contains('表') && project_heading(t).is_some())
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    fn paras(src: &str) -> Vec<String> {
        join_split_labels(paragraphs(&lines(src)))
            .into_iter()
            .map(|p| p.text.into_owned())
            .collect()
    }

    fn rows(src: &str) -> Vec<Vec<String>> {
        read(&lines(src))
            .iter()
            .map(|r| r.cells.iter().map(|c| c.text.to_string()).collect())
            .collect()
    }

    /// docx2txt's shape: `\n\n` before every paragraph.
    fn docx(paras: &[&str]) -> String {
        paras.iter().map(|p| format!("\n\n{p}")).collect::<String>()
    }

    #[test]
    fn blank_runs_hold_empty_paragraphs() {
        // one blank line separates; each further two are an empty paragraph
        let src = "A\n\nB\n\n\n\nC\n\n\n\n\n\n\n\n甲\n乙\n";
        assert_eq!(paras(src), vec!["A", "B", "", "C", "", "", "", "甲乙"]);
        let p = paragraphs(&lines(src));
        assert_eq!((p[2].line, p[3].line), (5, 7));
    }

    #[test]
    fn labels_split_over_paragraphs_are_joined() {
        let src = docx(&[
            "一级指标",
            "二级",
            "指标",
            "绩效指标",
            "描述",
            "指标值",
            "指标值",
            "确定依据",
        ]);
        assert_eq!(
            paras(&src),
            vec![
                "一级指标",
                "二级指标",
                "绩效指标描述",
                "指标值",
                "指标值确定依据"
            ]
        );
        // a label followed by its value is not joined
        assert_eq!(
            paras(&docx(&["预算数", "90万元"])),
            vec!["预算数", "90万元"]
        );
    }

    #[test]
    fn indicator_rows_regrouped_by_header_width() {
        let src = docx(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "",
            "",
            "",
            "",
            "产出指标",
            "数量指标",
            "人数",
            "≥10人",
            "",
            "质量指标",
            "合格率",
            "100%",
            "标题。",
        ]);
        assert_eq!(
            rows(&src),
            vec![
                vec!["一级指标", "二级指标", "三级指标", "指标值"],
                vec!["产出指标", "数量指标", "人数", "≥10人"],
                vec!["", "质量指标", "合格率", "100%"],
                vec!["标题。"],
            ]
        );
    }

    #[test]
    fn an_empty_paragraph_inside_a_cell_is_dropped() {
        // 三级指标 written with an empty paragraph after it: seven paragraphs
        let src = docx(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标值",
            "依据",
            "产出指标",
            "数量指标",
            "场次",
            "",
            "举办活动场次",
            "4次",
            "计划",
            "",
            "",
            "宣传",
            "拍摄宣传",
            "4次",
            "计划",
        ]);
        let r = rows(&src);
        assert_eq!(
            r[1],
            vec![
                "产出指标",
                "数量指标",
                "场次",
                "举办活动场次",
                "4次",
                "计划"
            ]
        );
        assert_eq!(r[2], vec!["", "", "宣传", "拍摄宣传", "4次", "计划"]);
    }

    #[test]
    fn a_cell_in_two_paragraphs_is_joined_where_the_value_lands() {
        let head = [
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标值",
            "依据",
        ];
        let next = ["", "质量指标", "合格率", "合格率", "100%", "计划"];
        // the value written as two paragraphs: only joining them keeps it a value
        let mut p: Vec<&str> = head.to_vec();
        p.extend([
            "产出指标",
            "数量指标",
            "人数",
            "服务人数",
            "≥10",
            "人",
            "计划",
        ]);
        p.extend(next);
        let r = rows(&docx(&p));
        assert_eq!(
            r[1],
            vec!["产出指标", "数量指标", "人数", "服务人数", "≥10人", "计划"]
        );
        assert_eq!(r[2], next.to_vec());
        // text in two paragraphs: any join keeps the value; the shortest
        // paragraph is joined, then the leftmost
        let mut p: Vec<&str> = head.to_vec();
        p.extend([
            "产出指标",
            "数量指标",
            "人数",
            "服务人数",
            "v",
            "≥10人",
            "计划",
        ]);
        p.extend(next);
        let r = rows(&docx(&p));
        assert_eq!(
            r[1],
            vec!["产出指标", "数量指标", "人数", "服务人数v", "≥10人", "计划"]
        );
        assert_eq!(r[2], next.to_vec());
        let mut p: Vec<&str> = head.to_vec();
        p.extend([
            "产出指标",
            "数量指标",
            "人数",
            "（新增）",
            "服务人数",
            "≥10人",
            "计划",
        ]);
        p.extend(next);
        let r = rows(&docx(&p));
        assert_eq!(
            r[1],
            vec![
                "产出指标",
                "数量指标",
                "人数（新增）",
                "服务人数",
                "≥10人",
                "计划"
            ]
        );
    }

    #[test]
    fn empty_paragraphs_inside_cells_found_by_the_value() {
        // no level label after the row: the value column decides how far it goes
        let src = docx(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标值",
            "依据",
            "满意度指标",
            "服务对象满意度指标",
            "满意率",
            "",
            "群众满意程度",
            "",
            ">=98%",
            "计划标准",
            "",
            "上年结转：",
            "1、示例项目绩效目标表",
        ]);
        let r = rows(&src);
        assert_eq!(
            r[1],
            vec![
                "满意度指标",
                "服务对象满意度指标",
                "满意率",
                "群众满意程度",
                ">=98%",
                "计划标准"
            ]
        );
        // the short line before the heading is running text, not a row
        assert_eq!(r[2], vec!["上年结转："]);
        assert!(read(&lines(&src))[2].text);
        assert_eq!(r[3], vec!["1、示例项目绩效目标表"]);
    }

    #[test]
    fn split_value_columns_widen_the_rows() {
        let src = docx(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "依据",
            "",
            "",
            "",
            "符号",
            "值",
            "单位",
            "",
            "部门产出",
            "数量",
            "考核",
            "≥",
            "100",
            "人",
            "计划",
            "",
            "质量",
            "合格",
            "=",
            "100",
            "%",
            "计划",
        ]);
        let r = rows(&src);
        assert_eq!(r[1], vec!["", "", "", "符号", "值", "单位", ""]);
        assert_eq!(
            r[2],
            vec!["部门产出", "数量", "考核", "≥", "100", "人", "计划"]
        );
        assert_eq!(r[3], vec!["", "质量", "合格", "=", "100", "%", "计划"]);
    }

    #[test]
    fn a_row_number_column() {
        let src = docx(&[
            "序号",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标值",
            "1",
            "产出指标",
            "数量指标",
            "人数",
            "≥10人",
            "2",
            "",
            "质量指标",
            "合格率",
            "100%",
        ]);
        let r = rows(&src);
        assert_eq!(
            r[0],
            vec!["序号", "一级指标", "二级指标", "三级指标", "指标值"]
        );
        assert_eq!(r[1], vec!["1", "产出指标", "数量指标", "人数", "≥10人"]);
        assert_eq!(r[2], vec!["2", "", "质量指标", "合格率", "100%"]);
        let doc = crate::Document::parse(&format!(
            "1、示例项目绩效目标表\n\n绩效目标\n\n做好工作{src}"
        ))
        .unwrap();
        let i = &doc.projects[0].indicators;
        assert_eq!(i.len(), 2);
        assert_eq!(i[1].level2.as_deref(), Some("质量指标"));
        assert_eq!(i[1].value.raw, "100%");
    }

    /// PyMuPDF's shape: every text line on a line of its own, no blank line.
    fn line_each(lines: &[&str]) -> String {
        lines.iter().map(|l| format!("{l}\n")).collect()
    }

    /// A numbered table with split value columns as PyMuPDF writes it:
    /// narrow columns, most cells wrapped over several lines.
    const NARROW: &[&str] = &[
        "12",
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述（指标",
        "内容）",
        "评（扣）分",
        "标准",
        "指标值",
        "指标确",
        "定依据",
        "13",
        "符号",
        "值",
        "单位（文字",
        "描述）",
        "14",
        "产出指标",
        "数量指标",
        "城乡居民基",
        "本养老保险",
        "参保人数",
        "参加城乡居民养",
        "老保险覆盖率",
        "应保尽保达",
        "95%以上为",
        "优，未达到",
        "95%为扣分项",
        "≥",
        "95.00",
        "%",
        "按照政策要求和年",
        "初目标任务，参加",
        "城乡居民养老保险",
        "缴费达到 95%以",
        "上",
        "15",
        "质量指标",
        "资金到位率",
        "征缴期结束后，",
        "财政及时拨付，",
        "确保缴费补助资",
        "金到账",
        "落实到位为",
        "优，未落实为",
        "扣分项",
        "文字描",
        "述",
        "按时拨",
        "付到位",
        "承高管字",
        "【2014】74 号、",
        "承人社字",
        "【2017】235 号要",
        "求，落实缴费补贴",
        "政策",
        "16",
        "时效指标",
        "及时性",
        "缴费补助及时性",
        "到位",
        "补贴落实到人",
        "为优，未落实",
        "为扣分项",
        "文字描",
        "述",
        "全部落",
        "实",
        "按照城乡居民养老",
        "保险政策，参加城",
        "乡居民养老保险参",
        "保缴费补贴到位",
    ];

    #[test]
    fn a_header_broken_over_lines_with_a_row_number() {
        let r = rows(&line_each(NARROW));
        // `（指标` left open goes on in `内容）`; `指标确` + `定依据`; the row
        // number only marks the row
        assert_eq!(
            r[0],
            vec![
                "",
                "一级指标",
                "二级指标",
                "三级指标",
                "绩效指标描述（指标内容）",
                "评（扣）分标准",
                "指标值",
                "指标确定依据"
            ]
        );
        // 符号 under the header's 指标值, though no empty cell is written
        assert_eq!(
            r[1],
            vec!["", "", "", "", "", "", "符号", "值", "单位（文字描述）"]
        );
    }

    #[test]
    fn narrow_cells_are_cut_where_their_lines_stop_filling_the_column() {
        let r = rows(&line_each(NARROW));
        assert_eq!(r.len(), 5);
        assert_eq!(
            r[2],
            vec![
                "",
                "产出指标",
                "数量指标",
                "城乡居民基本养老保险参保人数",
                "参加城乡居民养老保险覆盖率",
                "应保尽保达95%以上为优，未达到95%为扣分项",
                "≥",
                "95.00",
                "%",
                "按照政策要求和年初目标任务，参加城乡居民养老保险缴费达到 95%以上"
            ]
        );
        // 文字描述 broken over two lines; no 值; the 单位 text (`按时拨` +
        // `付到位`) is parted from the basis by the columns' widths, and
        // `承高管字` is full: `【2014】74` would not fit after it
        assert_eq!(
            r[3],
            vec![
                "",
                "",
                "质量指标",
                "资金到位率",
                "征缴期结束后，财政及时拨付，确保缴费补助资金到账",
                "落实到位为优，未落实为扣分项",
                "文字描述",
                "",
                "按时拨付到位",
                "承高管字【2014】74 号、承人社字【2017】235 号要求，落实缴费补贴政策"
            ]
        );
        assert_eq!(
            r[4][3..6],
            [
                "及时性",
                "缴费补助及时性到位",
                "补贴落实到人为优，未落实为扣分项"
            ]
        );
        assert_eq!(r[4][6..9], ["文字描述", "", "全部落实"]);
    }

    #[test]
    fn the_next_row_number_after_a_comparator_is_a_value() {
        // `15` right after `≥` is the 值 of row 14, not row 15's number
        let mut src: Vec<&str> = NARROW[..16].to_vec();
        src.extend([
            "14",
            "产出指标",
            "数量指标",
            "人数",
            "参保人数",
            "达到为优",
            "≥",
            "15",
            "人",
            "按政策",
            "15",
            "质量指标",
            "合格率",
            "合格",
            "达标为优",
            "=",
            "100",
            "%",
            "按要求",
        ]);
        let r = rows(&line_each(&src));
        assert_eq!(
            r[2],
            vec![
                "",
                "产出指标",
                "数量指标",
                "人数",
                "参保人数",
                "达到为优",
                "≥",
                "15",
                "人",
                "按政策"
            ]
        );
        assert_eq!(
            r[3],
            vec![
                "",
                "",
                "质量指标",
                "合格率",
                "合格",
                "达标为优",
                "=",
                "100",
                "%",
                "按要求"
            ]
        );
    }

    #[test]
    fn a_numbered_heading_inside_a_numbered_row_is_a_cell_line() {
        // `一、规范档案管` + `理` ends a wrapped basis cell (`…构建统` +
        // `一、规范档案管` + `理`); row 15 follows
        let mut src: Vec<&str> = NARROW[..16].to_vec();
        src.extend([
            "14",
            "产出指标",
            "数量指标",
            "平台建设",
            "构建平台",
            "建成为优",
            "文字描",
            "述",
            "规范档案",
            "冀人社函构建统",
            "一、规范档案管",
            "理",
            "15",
            "质量指标",
            "合格率",
            "合格",
            "达标为优",
            "=",
            "100",
            "%",
            "按要求",
        ]);
        let r = rows(&line_each(&src));
        assert_eq!(r.len(), 4);
        assert_eq!(r[2][9], "冀人社函构建统一、规范档案管理");
        assert_eq!(r[3][2..4], ["质量指标", "合格率"]);
    }

    #[test]
    fn text_values_wrapped_a_line_each_are_cut_by_width() {
        // PyMuPDF of 002: every cell of the 质量指标 row is the same text,
        // wrapped in all columns but the wider value column; the value is
        // text, so no value tells where the cells end, the widths do
        let src = line_each(&[
            "一级指标",
            "二级指标",
            "三级指标",
            "绩效指标描述",
            "指标值",
            "指标值确定依据",
            "产出指标",
            "数量指标",
            "公益岗 320 人",
            "公益岗 320 人",
            "320 人",
            "公益岗 320 人",
            "质量指标",
            "工资按时发放保险足额",
            "缴纳",
            "工资按时发放保险足额",
            "缴纳",
            "工资按时发放保险足额缴纳",
            "工资按时发放保险足额",
            "缴纳",
            "时效指标",
            "每月 25 日前发放",
            "每月 25 日前发放",
            "每月 25 日前发放",
            "每月 25 日前发放",
        ]);
        let r = rows(&src);
        assert_eq!(r.len(), 4);
        assert_eq!(
            r[2],
            vec![
                "",
                "质量指标",
                "工资按时发放保险足额缴纳",
                "工资按时发放保险足额缴纳",
                "工资按时发放保险足额缴纳",
                "工资按时发放保险足额缴纳"
            ]
        );
        assert_eq!(r[3][4], "每月 25 日前发放");
    }

    #[test]
    fn narrow_tables_read_to_indicators() {
        let src = format!(
            "1、示例项目绩效目标表\n项目名称\n示例项目\n{}",
            line_each(NARROW)
        );
        let doc = crate::Document::parse(&src).unwrap();
        assert_eq!(doc.source.layout.as_str(), "paragraph-cells");
        let i = &doc.projects[0].indicators;
        assert_eq!(i.len(), 3);
        assert_eq!(i[0].level3.as_deref(), Some("城乡居民基本养老保险参保人数"));
        assert_eq!(i[0].value.raw, "≥ 95.00 %");
        assert_eq!(i[0].value.number(), Some(rust_decimal::Decimal::from(95)));
        assert_eq!(
            i[0].scoring.as_deref(),
            Some("应保尽保达95%以上为优，未达到95%为扣分项")
        );
        assert_eq!(i[1].level1.as_deref(), Some("产出指标"));
        assert_eq!(i[1].value.raw, "按时拨付到位");
        assert_eq!(i[2].value.raw, "全部落实");
    }

    #[test]
    fn a_heading_ends_the_table() {
        let src = docx(&[
            "一级指标",
            "二级指标",
            "指标值",
            "产出指标",
            "数量指标",
            "1人",
            "",
            "",
            "2、示例项目绩效目标表",
            "绩效目标",
            "做好工作",
        ]);
        let r = rows(&src);
        assert_eq!(r[1], vec!["产出指标", "数量指标", "1人"]);
        assert_eq!(r[2], vec!["2、示例项目绩效目标表"]);
        assert_eq!(r[3], vec!["绩效目标", "做好工作"]);
    }

    #[test]
    fn project_table_rows() {
        let src = docx(&[
            "项目",
            "编码",
            "",
            "项目名称",
            "人才资金",
            "预算规模及资金用途",
            "预算数",
            "90万元",
            "其中：财政资金",
            "90万元",
            "其他资金",
            "",
            "",
            "主要用于招聘。",
            "资金支出计划（%）",
            "3月底",
            "12月底",
            "",
            "25%",
            "100%",
            "绩效目标",
            "目标1",
            "招聘",
            "",
            "目标2",
            "宣传",
            "一级指标",
            "二级指标",
        ]);
        assert_eq!(
            rows(&src),
            vec![
                vec!["项目编码", "", "项目名称", "人才资金"],
                vec![
                    "预算规模及资金用途",
                    "预算数",
                    "90万元",
                    "其中：财政资金",
                    "90万元",
                    "其他资金",
                    ""
                ],
                vec!["", "主要用于招聘。"],
                vec!["资金支出计划（%）", "3月底", "12月底"],
                vec!["", "25%", "100%"],
                vec!["绩效目标", "目标1", "招聘"],
                vec!["", "目标2", "宣传"],
                vec!["一级指标", "二级指标"],
            ]
        );
    }

    #[test]
    fn a_label_that_is_also_a_heading_is_read_once() {
        // found by the no-panic property: a field label and a heading on one
        // paragraph (a line break between them) used to stop the reader;
        // a heading line now starts a paragraph of its own, which ends
        // the table
        let src = docx(&[
            "资金支出计划（%）\n1、示例项目绩效目标表",
            "25%",
            "项目名称",
        ]);
        assert_eq!(
            rows(&src),
            vec![
                vec!["资金支出计划（%）"],
                vec!["1、示例项目绩效目标表"],
                vec!["25%"],
                vec!["项目名称"],
            ]
        );
    }

    #[test]
    fn the_first_character_filter_knows_every_label() {
        for l in known_labels() {
            assert!(l.chars().next().is_some_and(starts_a_label), "{l}");
        }
    }

    /// The detection as first written: a Vec of the non-blank lines,
    /// then a search over it.
    fn looks_like_by_vec(lines: &[Line<'_>]) -> bool {
        let nonblank: Vec<&str> = lines
            .iter()
            .map(|l| text::strip_markers(l.text).trim())
            .filter(|t| !t.is_empty())
            .collect();
        let short = nonblank.iter().filter(|t| t.chars().count() <= 30).count();
        if nonblank.is_empty() || short * 2 < nonblank.len() {
            return false;
        }
        nonblank.iter().enumerate().any(|(k, t)| {
            label(t).starts_with("一级指标")
                && nonblank
                    .get(k + 1)
                    .is_some_and(|n| label(n).starts_with("二级"))
                && nonblank
                    .iter()
                    .skip(k + 2)
                    .take(3)
                    .any(|n| label(n).starts_with("三级"))
        })
    }

    #[test]
    fn one_pass_detection_agrees_with_the_vec() {
        let parts = [
            "一级指标",
            "一级指标：",
            "二级指标",
            "二级",
            "三级指标",
            "三 级指标",
            "产出指标",
            "",
            "  ",
            "\t",
            "[bookmark: x]",
            "[bookmark: y]一级指标",
            "  [bookmark: z]三级指标",
            "\u{3000}二级指标",
            "x一级指标",
            "（一级指标",
            "这是一段很长的正文，说明部门的职责和年度工作目标，不是表格的单元格。",
        ];
        // every sequence of up to four parts, then a few longer ones
        let n = parts.len();
        let mut texts: Vec<String> = Vec::new();
        for len in 1..=4u32 {
            for mut code in 0..n.pow(len) {
                let mut s = String::new();
                for _ in 0..len {
                    s.push_str(parts[code % n]);
                    s.push('\n');
                    code /= n;
                }
                texts.push(s);
            }
        }
        for s in &texts {
            let ls = lines(s);
            assert_eq!(looks_like(&ls), looks_like_by_vec(&ls), "{s:?}");
        }
        for s in [
            "一级指标\n一级指标\n二级指标\n产出\n产出\n三级指标\n",
            "一级指标\n二级指标\n一级指标\n二级指标\nx\nx\n三级指标\n",
            "一级指标\n二级指标\n一级指标\n二级指标\n三级指标\n",
            "一级指标\n二级指标\nx\nx\nx\n三级指标\n",
        ] {
            let ls = lines(s);
            assert_eq!(looks_like(&ls), looks_like_by_vec(&ls), "{s:?}");
        }
    }

    #[test]
    fn strip_markers_agrees_with_text() {
        for s in [
            "",
            " ",
            "[",
            "[bookmark: a]b",
            " [bookmark: a]b",
            "a[",
            "一级",
        ] {
            assert_eq!(strip_markers(s), text::strip_markers(s), "{s:?}");
        }
    }

    #[test]
    fn detection() {
        let doc = docx(&["标题", "一级指标", "二级", "指标", "三级指标", "产出指标"]);
        assert!(looks_like(&lines(&doc)));
        // the same labels on one line: not paragraph cells
        assert!(!looks_like(&lines(
            "一级指标 二级指标 三级指标\n产出指标\n"
        )));
        // a label per line without blank lines between (PyMuPDF,
        // LibreOffice's Text export): paragraph cells, a line each
        assert!(looks_like(&lines(
            "一级指标\n二级指标\n三级指标\n产出指标\n"
        )));
        // long lines of prose: not
        let prose = "这是一段很长的正文，说明部门的职责和年度工作目标，不是表格的单元格。\n";
        assert!(!looks_like(&lines(&format!(
            "一级指标\n二级指标\n三级指标\n{}",
            prose.repeat(5)
        ))));
    }
}
