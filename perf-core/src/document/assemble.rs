//! The table assembler shared by every layout: from logical rows (cells with
//! line numbers) to projects, their budget, spending plan, goals and
//! indicator rows, and the department-wide indicator tables.
//!
//! The rules are written down in docs/DOCUMENTS.md; in short:
//! - a heading ending in 绩效目标表 / 绩效目标申报表 opens a project; a heading
//!   with 部门整体 opens the department part; labels (项目编码, 项目名称,
//!   预算数, 资金支出计划, 绩效目标, 一级指标) are found by content, never
//!   by position, after white space is removed (`其中：财政 资金`);
//! - the indicator header row maps columns by label; a 符号/值/单位 row
//!   under it splits the value; blank level cells carry the level above;
//! - a repeated header row inside a table (page break) is skipped; a row
//!   one column off is moved back when the level labels show it; a row that
//!   only continues the cells above is joined to the previous indicator;
//! - a table row nothing can place becomes an `unplaced-line` diagnostic.

use crate::find::{blank, Has};
use std::borrow::Cow;

use rust_decimal::Decimal;

use super::codes;
use super::labels;
use super::row::{Cell, Row};
use super::text::{self, clean, label};
use super::{Budget, Diagnostic, Indicator, PlanPoint, Project, Severity, SpendingPlan};
use crate::value::Value;

/// What the assembler found.
#[derive(Debug, Default)]
pub(crate) struct Assembled {
    pub projects: Vec<Project>,
    pub department_indicators: Vec<Indicator>,
    pub diagnostics: Vec<Diagnostic>,
    /// A year stated inside a table (`预算年度：2024`).
    pub year: Option<u16>,
}

/// The assembler, fed the rows of a document one at a time (readers may
/// hand over each row as it is read and reuse its buffer for the next:
/// nothing of a row is kept after [`Assembler::row`] returns but what it
/// copied).
pub(crate) struct Assembler(Asm);

impl Assembler {
    /// `join_cjk`: drop a space between two CJK characters in a cell (true for
    /// PDF-derived text, where such a space is a line wrap; false for Word text).
    ///
    /// `pipe`: the rows come from tables drawn with bars, where every row of a
    /// table holds the same number of cells: a row of another width (a table
    /// continued after a page break) is mapped by its width (see
    /// `Table::remap`).
    pub(crate) fn new(join_cjk: bool, pipe: bool) -> Self {
        Assembler(Asm {
            join_cjk,
            pipe,
            ..Asm::default()
        })
    }

    /// The next row of the document.
    pub(crate) fn row(&mut self, row: &Row) {
        let a = &mut self.0;
        if row.text {
            let s = row.cells.first().map(|c| &*c.text).unwrap_or("");
            a.text_row(row.line, s);
        } else {
            a.table_row(row);
        }
    }

    /// What the rows made.
    pub(crate) fn finish(mut self) -> Assembled {
        self.0.finish_project();
        self.0.out
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Context {
    /// Before any heading.
    #[default]
    None,
    Department,
    Project,
    /// After a heading of another part (保障措施, 政府采购, 资产 …).
    Other,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Mode {
    #[default]
    None,
    Budget,
    Plan,
    Goals,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ValueCols {
    Single(usize),
    Split { sym: usize, val: usize, unit: usize },
}

#[derive(Debug)]
struct Table {
    l1: usize,
    l2: usize,
    l3: Option<usize>,
    desc: Option<usize>,
    value: Option<ValueCols>,
    basis: Option<usize>,
    scoring: Option<usize>,
    /// Rows since the header: the header may continue over a row or two.
    since_header: usize,
    /// An indicator of this table was stored: blank level cells of the
    /// next row carry the levels of the last indicator of its list.
    carried: bool,
    department: bool,
    swapped_reported: bool,
    header_line: u32,
    /// The number of cells of the header rows.
    cells: usize,
}

#[derive(Debug, Default)]
struct Asm {
    out: Assembled,
    cur: Option<Project>,
    /// A heading was seen since `cur` was opened: the next meta row opens a new project.
    closed: bool,
    /// Meta rows (code, name, budget, …) seen since the last indicator table.
    meta_since_table: bool,
    /// `项目名称` read from a cell (not the heading) in the current project.
    name_from_cell: bool,
    pending_title: Option<(String, u32)>,
    /// The heading that opened `cur`, if one did.
    cur_title: Option<String>,
    pending_unit: Option<String>,
    pending_amount_unit: Option<String>,
    context: Context,
    table: Option<Table>,
    mode: Mode,
    pending_months: Vec<(usize, u8)>,
    /// The current table has a 序号/栏次 column of row numbers to drop.
    rownum: bool,
    join_cjk: bool,
    /// Rows of tables drawn with bars (see [`assemble`]).
    pipe: bool,
    /// The indicators of `cur`, moved into it (one allocation of the exact
    /// size) when it is finished; the buffer is reused for the next project.
    inds: Vec<Indicator>,
    /// Buffers of `plan_row`, reused from row to row.
    plan: PlanScratch,
    /// The label text of `budget_row`, reused from row to row.
    budget_label: String,
}

/// One mark of a spending-plan row: a month heading or a percent.
#[derive(Clone, Copy, Debug)]
enum PlanItem {
    Month(u8),
    Pct(Decimal),
}

/// The working lists of `plan_row`, kept between rows (cleared on use) so
/// a plan row allocates nothing once the first one has sized them.
#[derive(Debug, Default)]
struct PlanScratch {
    items: Vec<(usize, PlanItem)>,
    lead: Vec<(usize, Decimal)>,
    points: Vec<PlanPoint>,
    open: Vec<(usize, u8)>,
}

impl Asm {
    fn diag(&mut self, severity: Severity, code: &'static str, line: u32, message: String) {
        self.out.diagnostics.push(Diagnostic {
            severity,
            code,
            line: Some(line),
            message,
        });
    }

    // ---------------------------------------------------------------- text

    fn text_row(&mut self, line: u32, s: &str) {
        let raw = crate::find::trim(text::strip_markers(s));
        if raw.len() > 240 && text::has_char(raw, '。') {
            // a paragraph of running text: it only ends a table
            self.table = None;
            return;
        }
        let s = clean(raw);
        if s.is_empty() || text::is_page_number(&s) {
            return;
        }
        if let Some(name) = project_heading(&s) {
            if self.repeats_heading(&name) {
                return;
            }
            self.finish_project();
            self.pending_title = Some((name, line));
            self.pending_unit = None;
            self.pending_amount_unit = None;
            self.context = Context::Project;
            return;
        }
        let short = is_short_heading(&s);
        let l = if short || s.has("单位") {
            label(&s)
        } else {
            Cow::Borrowed("")
        };
        if short && l.has("部门整体") {
            self.finish_project();
            self.pending_title = None;
            self.context = Context::Department;
            return;
        }
        if short && l.has("项目") && l.has("绩效") {
            self.finish_project();
            self.context = Context::Project;
            return;
        }
        if short && is_numbered_heading(&s) && !l.has("绩效") {
            // another part of the document (保障措施, 政府采购, 国有资产 …)
            self.finish_project();
            self.pending_title = None;
            self.context = Context::Other;
            return;
        }
        let mut used = false;
        if let Some(unit) = unit_line(&s) {
            self.set_unit_name(unit);
            used = true;
        }
        if let Some(u) = amount_unit(&l) {
            self.set_amount_unit(u);
            used = true;
        }
        if !used && self.table.is_some() && (text::has_char(&s, '。') || s.chars().count() > 60) {
            // running text after the table
            self.table = None;
        } else if !used && self.table.is_some() {
            self.diag(
                Severity::Info,
                codes::UNPLACED_LINE,
                line,
                format!("text inside a table not placed: {}", ellipsis(&s)),
            );
        }
    }

    fn set_unit_name(&mut self, unit: String) {
        match &mut self.cur {
            Some(p) if !self.closed && p.unit_name.is_none() && self.inds.is_empty() => {
                p.unit_name = Some(unit)
            }
            _ => self.pending_unit = Some(unit),
        }
    }

    fn set_amount_unit(&mut self, unit: &'static str) {
        match &mut self.cur {
            Some(p) if !self.closed && p.amount_unit.is_none() && self.inds.is_empty() => {
                p.amount_unit = Some(unit.to_string())
            }
            _ => self.pending_amount_unit = Some(unit.to_string()),
        }
    }

    // --------------------------------------------------------------- table

    fn table_row(&mut self, row: &Row) {
        let all = &row.cells[..];
        // Labels are computed only where a rule looks at them: a cell's
        // label is empty exactly when the cell is blank.
        let Some(f0) = all.iter().position(|c| !blank(&c.text)) else {
            return;
        };
        // The label of the first non-blank cell, built only where a rule
        // reads it: 栏次, 序号 and every meta label start with one of the
        // chars of `meta_lead`, and the label starts with the cell's first
        // char that is not white space.
        let first0 = meta_lead(&all[f0].text).then(|| label(&all[f0].text));
        let first0_is = |l: &str| first0.as_deref() == Some(l);
        // the row without its first cell when that is a row number
        let mut cells = all;
        if first0_is("栏次") || first0_is("序号") {
            self.rownum = true;
            if first0_is("栏次") {
                return;
            }
            cells = &all[1..];
        } else if self.rownum
            && all.len() > 2
            && (text::is_small_int(&all[0].text) || blank(&all[0].text))
        {
            cells = &all[1..];
        } else if self.rownum
            && f0 == 0
            && (first0.as_deref().is_some_and(starts_meta)
                || label_contains(&all[0].text, '级', "一级指标"))
        {
            // a table without row numbers: a label stands in the first cell
            self.rownum = false;
        }
        let Some(fi) = cells.iter().position(|c| !blank(&c.text)) else {
            return;
        };
        // the same cell as before unless a row-number cell was dropped
        let first: Option<Cow<'_, str>> = if std::ptr::eq(&cells[fi], &all[f0]) {
            first0
        } else {
            meta_lead(&cells[fi].text).then(|| label(&cells[fi].text))
        };
        // starts with a meta label (`None`: its first char rules that out)
        let meta = first.as_deref().is_some_and(starts_meta);

        // A heading written into a table row (a TOC line with its page number).
        let heading =
            text::has_char(&cells[fi].text, '表').then(|| project_heading(&clean(&cells[fi].text)));
        if let Some(name) = heading.flatten() {
            if cells[fi + 1..].iter().all(|c| {
                let l = label(&c.text);
                l.is_empty() || text::is_small_int(&l)
            }) {
                self.finish_project();
                self.pending_title = Some((name, row.line));
                self.context = Context::Project;
                return;
            }
        }

        // 级 (E7 BA A7) is in every header label, 符 (E7 AC A6) in the
        // 符号 of a split-value header: one scan of the row finds whether
        // either stands anywhere, and only then are labels looked at
        let (mut ji, mut fu) = (false, false);
        for c in cells {
            let b = c.text.as_bytes();
            let mut from = 0;
            while let Some(p) = crate::find::find_byte(&b[from..], 0xE7) {
                let p = from + p;
                match (b.get(p + 1), b.get(p + 2)) {
                    (Some(0xBA), Some(0xA7)) => ji = true,
                    (Some(0xAC), Some(0xA6)) => fu = true,
                    _ => {}
                }
                from = p + 1;
            }
        }
        let header = ji && is_header(cells);
        if self.table.is_some() {
            if header {
                if !self.meta_since_table {
                    // the header repeated after a page break
                    if let Some(t) = &mut self.table {
                        t.since_header = 0;
                    }
                    return;
                }
            } else if let Some(split) = fu.then(|| subheader(cells)).flatten() {
                let pipe = self.pipe;
                if let Some(t) = &mut self.table {
                    let (mut sym, mut val, mut unit) = split;
                    if pipe && cells.len() < t.cells {
                        // a row of fewer cells under a pipe header: its
                        // columns counted from the end (the basis after it)
                        let d = t.cells - cells.len();
                        (sym, val, unit) = (sym + d, val + d, unit + d);
                    }
                    t.set_split((sym, val, unit));
                    t.since_header = 0;
                    t.cells = t.cells.max(cells.len());
                }
                return;
            } else if !meta {
                self.indicator_row(cells, row.line);
                return;
            } else {
                self.table = None;
            }
        }
        if header {
            let labels: Vec<Cow<'_, str>> = cells.iter().map(|c| label(&c.text)).collect();
            self.start_table(&labels, row.line);
            return;
        }
        let first = first.unwrap_or_else(|| label(&cells[fi].text));
        self.meta_row(cells, &first, fi, row.line);
    }

    /// A row outside indicator tables; `first` is the label of `cells[fi]`,
    /// the first non-blank cell. Other cells' labels are tested in place
    /// (`label_starts`, `label_contains`, `blank`) and built only for the
    /// budget row.
    fn meta_row(&mut self, cells: &[Cell], first: &str, fi: usize, line: u32) {
        // month marks need a 月; counted only when a rule asks
        let row_months = || {
            let mut n = 0usize;
            for c in cells.iter().filter(|c| text::has_char(&c.text, '月')) {
                text::each_month(&c.text, |_, _| n += 1);
            }
            n
        };
        if first.starts_with("项目编码及名称") || first.starts_with("项目编号及名称")
        {
            self.code_and_name(cells, line);
            self.mode = Mode::None;
            return;
        }
        let opens = self.cur.is_some() && !self.closed || self.pending_title.is_some();
        if first.starts_with("项目编码") || first.starts_with("项目编号") {
            let code = next_value(cells, fi).map(|s| s.replace(' ', ""));
            // a second code row opens a new project, unless it repeats the code
            if let Some(p) = &self.cur {
                if p.code.is_some() && (p.code != code || !self.inds.is_empty()) {
                    self.closed = true;
                }
            }
            let p = self.project(line);
            p.code = code;
            if let Some(ni) = cells
                .iter()
                .position(|c| text::label_starts(&c.text, "项目名称"))
            {
                let name = next_value(cells, ni);
                self.set_name(name);
            }
            self.mode = Mode::None;
            return;
        }
        if !opens && self.context == Context::Other {
            // meta-like rows of other tables (政府采购, 资产) outside any project
            return;
        }
        if first.starts_with("项目名称") {
            let name = next_value(cells, fi);
            if let Some(p) = &self.cur {
                if self.name_from_cell && (p.name != name || !self.inds.is_empty()) {
                    self.closed = true;
                }
            }
            self.project(line);
            self.set_name(name);
            self.mode = Mode::None;
            return;
        }
        if cells.iter().any(|c| {
            label_contains(&c.text, '数', "预算数") || text::label_starts(&c.text, "预算规模")
        }) {
            self.budget_row(cells, line);
            self.mode = Mode::Budget;
            return;
        }
        if first.starts_with("资金支出") || row_months() >= 2 {
            self.project(line);
            self.mode = Mode::Plan;
            self.pending_months.clear();
            self.plan_row(cells, line);
            return;
        }
        if first.starts_with("绩效目标") && self.context != Context::Department {
            self.project(line);
            self.mode = Mode::Goals;
            self.goals_row(&cells[fi + 1..]);
            return;
        }
        match self.mode {
            Mode::Plan if row_has_plan_items(cells) => {
                self.plan_row(cells, line);
                return;
            }
            Mode::Goals => {
                self.goals_row(&cells[fi..]);
                return;
            }
            Mode::Budget if cells.iter().filter(|c| !blank(&c.text)).count() == 1 => {
                // the 资金用途 text under the budget row
                return;
            }
            _ => {}
        }
        if [
            "资金用途",
            "项目绩效模板",
            "预算项目绩效表",
            "项目绩效表",
            "单位",
        ]
        .iter()
        .any(|k| first.starts_with(k))
        {
            self.mode = Mode::None;
            if let Some(u) = amount_unit(first) {
                self.set_amount_unit(u);
            }
            return;
        }
        if let Some(u) = amount_unit(first) {
            self.set_amount_unit(u);
            return;
        }
        if self.cur.is_some() && !self.closed {
            let s: Vec<Cow<'_, str>> = cells
                .iter()
                .map(|c| clean(&c.text))
                .filter(|s| !s.is_empty())
                .collect();
            self.diag(
                Severity::Info,
                codes::UNPLACED_LINE,
                line,
                format!("table row not placed: {}", ellipsis(&s.join(" | "))),
            );
        }
    }

    fn set_name(&mut self, name: Option<String>) {
        if let (Some(p), Some(n)) = (&mut self.cur, name) {
            p.name = Some(n);
            self.name_from_cell = true;
        }
    }

    /// The current project, opened (with the pending heading, unit line and
    /// amount unit) if there is none or a heading closed the last one.
    fn project(&mut self, line: u32) -> &mut Project {
        self.meta_since_table = true;
        if self.cur.is_none() || self.closed {
            self.finish_project();
            let (name, pline) = match self.pending_title.take() {
                Some((n, l)) => (Some(n), l),
                None => (None, line),
            };
            self.cur_title.clone_from(&name);
            self.cur = Some(Project {
                index: self.out.projects.len() as u32 + 1,
                code: None,
                name,
                unit_name: self.pending_unit.take(),
                amount_unit: self.pending_amount_unit.take(),
                budget: Budget::default(),
                spending_plan: SpendingPlan::default(),
                goals: Vec::new(),
                indicators: Vec::new(),
                line: pline,
            });
            self.closed = false;
            self.name_from_cell = false;
            self.context = Context::Project;
        }
        self.cur.get_or_insert_with(|| unreachable_project(line))
    }

    /// True when a project heading names the current project (the heading
    /// that opened it, or its 项目名称), which has no indicator rows yet:
    /// the heading repeated, or set under the first rows of its table by a
    /// tool, not a new project.
    fn repeats_heading(&mut self, name: &str) -> bool {
        let Some(p) = &self.cur else { return false };
        let same = |t: Option<&str>| t.is_some_and(|t| label(t) == label(name));
        !self.closed
            && self.inds.is_empty()
            && (same(self.cur_title.as_deref()) || same(p.name.as_deref()))
    }

    fn finish_project(&mut self) {
        self.table = None;
        self.mode = Mode::None;
        self.closed = false;
        self.name_from_cell = false;
        self.meta_since_table = false;
        if let Some(mut p) = self.cur.take() {
            p.indicators = self.inds.drain(..).collect();
            if p.indicators.is_empty() {
                self.diag(
                    Severity::Warning,
                    codes::NO_INDICATORS,
                    p.line,
                    format!(
                        "project {} ({}) has no indicator rows",
                        p.index,
                        p.name.as_deref().unwrap_or("unnamed")
                    ),
                );
            }
            self.out.projects.push(p);
        }
    }

    fn code_and_name(&mut self, cells: &[Cell], line: u32) {
        self.project(line);
        for c in cells {
            let s = clean(&c.text);
            let l = label(&s);
            if l.starts_with("项目编码及名称") || l.starts_with("项目编号及名称") {
                let rest = after_colon(&s);
                let (code, name) = bracketed(rest);
                if let Some(p) = &mut self.cur {
                    if code.is_some() {
                        p.code = code;
                    }
                    if p.name.is_none() && !name.is_empty() {
                        p.name = Some(name.to_string());
                    }
                }
            } else if l.starts_with("预算年度") {
                let y: String = after_colon(&l)
                    .chars()
                    .filter(|c| c.is_ascii_digit())
                    .collect();
                if let Ok(y) = y.parse::<u16>() {
                    if (1990..=2100).contains(&y) {
                        self.out.year.get_or_insert(y);
                    }
                }
            } else if l.starts_with("金额") {
                let rest = after_colon(&s);
                if let Some((n, unit)) = text::amount(rest) {
                    if let Some(p) = &mut self.cur {
                        p.budget.total.get_or_insert(n);
                        if p.amount_unit.is_none() {
                            p.amount_unit = unit.map(str::to_string);
                        }
                    }
                } else if let Some(u) = amount_unit(&l) {
                    self.set_amount_unit(u);
                }
            }
        }
    }

    fn budget_row(&mut self, cells: &[Cell], line: u32) {
        let mut lab = std::mem::take(&mut self.budget_label);
        lab.clear();
        let p = self.project(line);
        for c in cells {
            if let Some((n, unit)) = text::amount(&c.text) {
                let slot = if lab.has("预算数") || lab.has("总额") || lab.has("合计") {
                    Some(&mut p.budget.total)
                } else if lab.has("财政") {
                    Some(&mut p.budget.fiscal)
                } else if lab.has("其他") {
                    Some(&mut p.budget.other)
                } else {
                    None
                };
                if let Some(slot) = slot {
                    *slot = Some(n);
                    if p.amount_unit.is_none() {
                        p.amount_unit = unit.map(str::to_string);
                    }
                }
                lab.clear();
            } else {
                text::push_label(&mut lab, &c.text);
            }
        }
        self.budget_label = lab;
    }

    fn plan_row(&mut self, cells: &[Cell], line: u32) {
        use PlanItem as Item;
        let PlanScratch {
            mut items,
            mut lead,
            mut points,
            mut open,
        } = std::mem::take(&mut self.plan);
        items.clear();
        lead.clear();
        points.clear();
        open.clear();
        // a cell gives a percent or its month marks and a percent
        for (i, c) in cells.iter().enumerate() {
            if text::label_starts(&c.text, "资金") || label_contains(&c.text, '划', "计划") {
                continue;
            }
            let mut end = None;
            text::each_month(&c.text, |m, e| {
                items.push((i, Item::Month(m)));
                end = Some(e);
            });
            let Some(end) = end else {
                if let Some(p) = text::percent(&c.text) {
                    items.push((i, Item::Pct(p)));
                }
                continue;
            };
            if let Some(p) = text::percent(&c.text[end..]) {
                items.push((i, Item::Pct(p)));
            }
        }
        lead.extend(
            items
                .iter()
                .take_while(|(_, it)| matches!(it, Item::Pct(_)))
                .map(|(c, it)| match it {
                    Item::Pct(p) => (*c, *p),
                    Item::Month(_) => (*c, Decimal::ZERO),
                }),
        );
        if !lead.is_empty() {
            let mut headers = std::mem::take(&mut self.pending_months);
            // the column shift (none, one left, one right) that puts most
            // percents under a month heading; ties prefer no shift
            let matches = |s: isize| {
                lead.iter()
                    .filter(|(c, _)| {
                        headers
                            .iter()
                            .any(|(hc, _)| *hc as isize == *c as isize + s)
                    })
                    .count()
            };
            let best = [0isize, -1, 1]
                .into_iter()
                .max_by_key(|s| (matches(*s), -s.abs()));
            match best.filter(|s| matches(*s) > 0) {
                Some(s) => {
                    for (c, p) in &lead {
                        match headers
                            .iter()
                            .find(|(hc, _)| *hc as isize == *c as isize + s)
                        {
                            Some((_, m)) => points.push(PlanPoint {
                                month: *m,
                                percent: *p,
                            }),
                            None => self.diag(
                                Severity::Warning,
                                codes::PLAN_UNMATCHED,
                                line,
                                format!("spending plan: {p}% stands under no month heading"),
                            ),
                        }
                    }
                }
                None => {
                    for (k, (_, p)) in lead.iter().enumerate() {
                        match headers.get(k) {
                            Some((_, m)) => points.push(PlanPoint {
                                month: *m,
                                percent: *p,
                            }),
                            None => self.diag(
                                Severity::Warning,
                                codes::PLAN_UNMATCHED,
                                line,
                                format!("spending plan: {p}% has no month heading"),
                            ),
                        }
                    }
                    if !headers.is_empty() {
                        self.diag(
                            Severity::Info,
                            codes::PLAN_REALIGNED,
                            line,
                            "spending plan: percents matched to months in order, not by column"
                                .into(),
                        );
                    }
                }
            }
            // used up: left empty, its buffer kept
            headers.clear();
            self.pending_months = headers;
        }
        for (c, it) in items.iter().skip(lead.len()) {
            match it {
                Item::Month(m) => open.push((*c, *m)),
                Item::Pct(p) => {
                    if open.is_empty() {
                        self.diag(
                            Severity::Warning,
                            codes::PLAN_UNMATCHED,
                            line,
                            format!("spending plan: {p}% has no month heading"),
                        );
                    } else {
                        let (_, m) = open.remove(0);
                        points.push(PlanPoint {
                            month: m,
                            percent: *p,
                        });
                    }
                }
            }
        }
        if !open.is_empty() {
            std::mem::swap(&mut self.pending_months, &mut open);
        }
        if let Some(p) = &mut self.cur {
            for pt in points.iter().copied() {
                if !p.spending_plan.points.iter().any(|q| q.month == pt.month) {
                    p.spending_plan.points.push(pt);
                }
            }
        }
        self.plan = PlanScratch {
            items,
            lead,
            points,
            open,
        };
    }

    fn goals_row(&mut self, cells: &[Cell]) {
        let Some(p) = &mut self.cur else { return };
        for c in cells {
            let s = clean(&c.text);
            if s.is_empty() || is_goal_label(&s) {
                continue;
            }
            split_goals_into(&s, &mut p.goals);
        }
    }

    // ---------------------------------------------------------- indicators

    fn start_table(&mut self, labels: &[Cow<'_, str>], line: u32) {
        let department = self.context != Context::Project
            && (self.cur.is_none() || self.closed)
            && self.pending_title.is_none();
        if !department {
            self.project(line);
        }
        self.mode = Mode::None;
        self.meta_since_table = false;
        let find = |f: &dyn Fn(&str) -> bool| labels.iter().position(|l| f(l));
        // `l.has(w)`, searched only in labels holding `c`, a char of `w`
        // (one byte search rules most labels out)
        let word = |l: &str, c: char, w: &str| text::has_char(l, c) && l.has(w);
        let l1 = find(&|l| word(l, '一', "一级指标")).unwrap_or(0);
        let l2 = find(&|l| word(l, '二', "二级指标")).unwrap_or(l1 + 1);
        let l3 = find(&|l| word(l, '三', "三级指标"));
        let desc = find(&|l| {
            l.starts_with("绩效指标描述") || l.starts_with("指标内容") || l == "指标描述"
        });
        let basis = find(&|l| word(l, '据', "依据"));
        let scoring = find(&|l| text::has_char(l, '评') && text::has_char(l, '分'));
        let value =
            find(&|l| l.starts_with("指标值") && !word(l, '据', "依据")).map(ValueCols::Single);
        self.table = Some(Table {
            l1,
            l2,
            l3,
            desc,
            value,
            basis,
            scoring,
            since_header: 0,
            carried: false,
            department,
            swapped_reported: false,
            header_line: line,
            cells: labels.len(),
        });
    }

    fn indicator_row(&mut self, cells: &[Cell], line: u32) {
        let Some(t) = &mut self.table else { return };
        t.since_header += 1;
        // the label of cell `i` ("" past the end), computed where a rule asks
        let lab = |i: usize| -> Cow<'_, str> {
            cells
                .get(i)
                .map(|c| label(&c.text))
                .unwrap_or(Cow::Borrowed(""))
        };
        // Header continued on a following row (`单位 (文字描` / `述)`).
        if t.since_header <= 2 {
            let mut nonempty = (0..cells.len()).filter(|i| !blank(&cells[*i].text));
            if let (Some(only), None) = (nonempty.next(), nonempty.next()) {
                let l = lab(only);
                if l.chars().count() <= 4
                    && !l.chars().any(|c| c.is_ascii_digit())
                    && only != t.l1
                    && only != t.l2
                {
                    return;
                }
            }
        }

        // A row one column off, told by where the level labels stand:
        // `shifted` maps a column of the header to the cell that holds it.
        let mut shifted = 0isize;
        if cells.get(t.l1).map_or(true, |c| blank(&c.text))
            && labels::is_level1(&lab(t.l1 + 1))
            && (labels::is_level2(&lab(t.l2 + 1))
                || cells.get(t.l2 + 1).map_or(true, |c| blank(&c.text)))
            && !labels::is_level2(&lab(t.l2))
        {
            shifted = 1;
        } else if t.l1 + 1 == t.l2
            && labels::is_level2(&lab(t.l1))
            && !labels::is_level1(&lab(t.l1))
            && cells.get(t.l2).is_some_and(|c| !blank(&c.text))
            && !labels::is_level2(&lab(t.l2))
            // a pipe row may hold a cell more elsewhere (the value split)
            && (cells.len() < t.width() || self.pipe)
        {
            shifted = -1;
        }
        let l1col = t.l1;
        // A pipe row of another width than the header's, or shifted: the
        // columns after the value counted from the row's end, the value's
        // cells between (`pspan`, physical); a blank cell left of the value
        // that the row holds more is skipped (`skip`).
        let span = if self.pipe { t.value_span() } else { None };
        let (pspan, skip) = match span {
            Some((vs, ve)) if self.pipe && vs > l1col => {
                t.pipe_span(cells, vs, ve, shifted).unwrap_or((None, None))
            }
            _ => (None, None),
        };
        let widen = match (span, pspan) {
            (Some((_, ve)), Some((_, hi))) => hi as isize - ve as isize,
            _ => 0,
        };
        let physical = |i: usize| -> Option<usize> {
            if let (Some((vs, ve)), Some(_)) = (span, pspan) {
                if i > ve {
                    return i.checked_add_signed(widen);
                }
                if i >= vs {
                    return None;
                }
            }
            let p = match shifted {
                1 if i >= l1col => i + 1,
                -1 if i == l1col => return None,
                -1 if i > l1col => i - 1,
                _ => i,
            };
            Some(match skip {
                Some(x) if p >= x => p + 1,
                _ => p,
            })
        };
        let join = self.join_cjk;
        // Cells in no column the header names are reported, never dropped.
        let (cols, ncols) = t.columns();
        let mut used = [usize::MAX; 9];
        for (u, c) in used.iter_mut().zip(&cols[..ncols]) {
            *u = physical(*c).unwrap_or(usize::MAX);
        }
        let in_span = |i: usize| pspan.is_some_and(|(lo, hi)| i >= lo && i <= hi);
        // a blank cell cleans to nothing: only others are cleaned
        let outside = |i: &usize| !used.contains(i) && !in_span(*i) && !blank(&cells[*i].text);
        let outside: Vec<Cow<'_, str>> = if (0..cells.len()).any(|i| outside(&i)) {
            (0..cells.len())
                .filter(outside)
                .map(|i| clean(&cells[i].text))
                .filter(|s| !s.is_empty())
                .collect()
        } else {
            Vec::new()
        };
        if !outside.is_empty() {
            self.diag(
                Severity::Warning,
                codes::UNPLACED_LINE,
                line,
                format!("cells outside the table's columns: {}", outside.join(" | ")),
            );
        }
        let Some(t) = &mut self.table else { return };
        // cells stay borrowed until an indicator keeps them
        let cell = |i: Option<usize>| -> Cow<'_, str> {
            i.and_then(physical)
                .and_then(|i| cells.get(i))
                .map(|c| text::clean_with(&c.text, join))
                .unwrap_or(Cow::Borrowed(""))
        };
        // level labels never hold meaningful spaces (`社会效益指 标`): cleaned
        // joining CJK whatever the layout (the same as cleaning twice)
        let level = |i: usize| -> Cow<'_, str> {
            physical(i)
                .and_then(|i| cells.get(i))
                .map(|c| clean(&c.text))
                .unwrap_or(Cow::Borrowed(""))
        };
        let l1 = level(t.l1);
        let l2 = level(t.l2);
        let l3 = cell(t.l3);
        let mut desc = cell(t.desc);
        let mut scoring = cell(t.scoring);
        let basis = cell(t.basis);
        let raw: Cow<'_, str> = match (t.value, pspan) {
            (Some(v), Some((lo, hi))) => {
                // the cells of the value: a 符号 cell first when the header split it
                let (vs, end) = (lo, hi);
                let mut joined = String::new();
                for i in vs..=end {
                    // physical cells, not mapped through the header's columns
                    let mut p = cells
                        .get(i)
                        .map(|c| text::clean_with(&c.text, join))
                        .unwrap_or(Cow::Borrowed(""));
                    if i == vs && matches!(v, ValueCols::Split { .. }) {
                        if let Some(e) = text_mark_end(&p) {
                            p = Cow::Owned(p[e..].trim().to_string());
                        }
                    }
                    if !p.is_empty() {
                        if !joined.is_empty() {
                            joined.push(' ');
                        }
                        joined.push_str(&p);
                    }
                }
                Cow::Owned(joined)
            }
            (Some(ValueCols::Single(v)), _) => cell(Some(v)),
            (Some(ValueCols::Split { sym, val, unit }), _) => {
                // a column the header merged with the one before is read once
                let once = |i: usize, before: usize| {
                    if i == before {
                        Cow::Borrowed("")
                    } else {
                        cell(Some(i))
                    }
                };
                let (s, v, u) = (cell(Some(sym)), once(val, sym), once(unit, val));
                let marked = {
                    let sl = label(&s);
                    sl == "文字描述" || sl == "定性"
                };
                // (looked for only in a cell the header merged)
                let s = match (val == sym && !marked).then(|| text_mark_end(&s)).flatten() {
                    Some(e) => Cow::Owned(s[e..].trim().to_string()),
                    None => s,
                };
                let parts: &[&str] = if marked { &[&v, &u] } else { &[&s, &v, &u] };
                let mut joined = String::new();
                for p in parts.iter().filter(|x| !x.is_empty()) {
                    if !joined.is_empty() {
                        joined.push(' ');
                    }
                    joined.push_str(p);
                }
                Cow::Owned(joined)
            }
            (None, _) => Cow::Borrowed(""),
        };

        // A row that only continues the cells of the row above.
        if l1.is_empty() && l2.is_empty() && l3.is_empty() && desc.is_empty() {
            if raw.is_empty() && basis.is_empty() && scoring.is_empty() {
                return;
            }
            let department = t.department;
            let target = if department {
                self.out.department_indicators.last_mut()
            } else {
                self.cur.as_ref().and(self.inds.last_mut())
            };
            if let Some(prev) = target {
                join_field(&mut prev.basis, &basis);
                join_field(&mut prev.scoring, &scoring);
                if !raw.is_empty() {
                    let mut r = std::mem::take(&mut prev.value.raw).into_owned();
                    text::join_wrapped(&mut r, &raw);
                    prev.value = owned_value(r);
                }
                self.diag(
                    Severity::Info,
                    codes::JOINED_ROW,
                    line,
                    "row continues the indicator above; joined".into(),
                );
            } else {
                self.diag(
                    Severity::Warning,
                    codes::UNPLACED_LINE,
                    line,
                    "indicator cells without a row to belong to".into(),
                );
            }
            return;
        }
        if shifted != 0 {
            self.diag(
                Severity::Info,
                codes::SHIFTED_ROW,
                line,
                format!(
                    "row stood one column {}; moved back",
                    if shifted > 0 { "right" } else { "left" }
                ),
            );
        }
        let Some(t) = &mut self.table else { return };
        // 评（扣）分标准 holding the description and 绩效指标描述 a bare weight.
        if t.scoring.is_some()
            && text::is_small_int(&desc)
            && !scoring.is_empty()
            && !text::is_small_int(&scoring)
        {
            std::mem::swap(&mut desc, &mut scoring);
            if !t.swapped_reported {
                t.swapped_reported = true;
                let hl = t.header_line;
                self.diag(
                    Severity::Info,
                    codes::SWAPPED_COLUMNS,
                    hl,
                    "绩效指标描述 holds bare weights and 评（扣）分标准 the descriptions; read swapped".into(),
                );
            }
        }
        let Some(t) = &mut self.table else { return };
        let (carried, department) = (t.carried, t.department);
        let prev = if !carried {
            None
        } else if department {
            self.out.department_indicators.last()
        } else {
            self.cur.as_ref().and(self.inds.last())
        };
        let levels = levels([l1, l2, l3], prev);
        let raw_empty = raw.is_empty();
        let value = owned_value(raw.into_owned());
        if raw_empty {
            self.diag(
                Severity::Warning,
                codes::MISSING_VALUE,
                line,
                format!(
                    "indicator {} has no 指标值",
                    levels[2].as_deref().or(levels[1].as_deref()).unwrap_or("?")
                ),
            );
        }
        let [level1, level2, level3] = levels;
        let ind = Indicator {
            level1,
            level2,
            level3,
            description: nonempty_opt(desc),
            value,
            basis: nonempty_opt(basis),
            scoring: nonempty_opt(scoring),
            line,
        };
        let stored = if department {
            self.out.department_indicators.push(ind);
            true
        } else if self.cur.is_some() {
            self.inds.push(ind);
            true
        } else {
            false
        };
        if let Some(t) = &mut self.table {
            t.carried = stored;
        }
    }
}

impl Table {
    fn set_split(&mut self, (sym, val, unit): (usize, usize, usize)) {
        self.value = Some(ValueCols::Split { sym, val, unit });
        if self.basis.map_or(true, |b| b <= unit) {
            self.basis = Some(unit + 1);
        }
        if self.scoring.is_some_and(|s| s >= sym && s <= unit) {
            self.scoring = None;
        }
    }

    /// The first and last column of the value.
    fn value_span(&self) -> Option<(usize, usize)> {
        match self.value? {
            ValueCols::Single(v) => Some((v, v)),
            ValueCols::Split { sym, unit, .. } => Some((sym, unit.max(sym))),
        }
    }

    /// Where the value of a pipe row stands (its first and last cell),
    /// when the row is shifted or holds another number of cells than the
    /// table's rows (the header's cells, or as many as its columns name
    /// when a 符号 / 值 / 单位 row moved the basis past them): the columns
    /// after the value counted from the row's end. With a split value, a
    /// row whose 符号 (a comparator, 文字描述) stands one cell right of
    /// where the left columns put it holds a cell more on the left: its
    /// last blank cell before the value is skipped (the second result).
    /// `None` when the row reads as the header says, or would leave the
    /// value no cell.
    #[allow(clippy::type_complexity)]
    fn pipe_span(
        &self,
        cells: &[Cell],
        vs: usize,
        ve: usize,
        shifted: isize,
    ) -> Option<(Option<(usize, usize)>, Option<usize>)> {
        let want = self.cells.max(self.width());
        let d = cells.len() as isize - want as isize;
        let mut lo = vs.checked_add_signed(shifted)?;
        let hi = ve.checked_add_signed(d)?;
        if hi < lo || (d == 0 && shifted == 0) {
            return None;
        }
        let mut skip = None;
        if matches!(self.value, Some(ValueCols::Split { .. })) && hi > lo {
            let sym_like = |i: usize| cells.get(i).is_some_and(|c| is_symbol(&c.text));
            let here = cells.get(lo).map_or(true, |c| blank(&c.text));
            if !here && !sym_like(lo) && sym_like(lo + 1) {
                skip = (0..lo).rev().find(|&i| blank(&cells[i].text));
                if skip.is_some() {
                    lo += 1;
                }
            }
        }
        Some((Some((lo, hi)), skip))
    }

    /// The columns the header names (the first of the count returned).
    fn columns(&self) -> ([usize; 9], usize) {
        let value: &[usize] = match self.value {
            Some(ValueCols::Single(v)) => &[v][..],
            Some(ValueCols::Split { sym, val, unit }) => &[sym, val, unit][..],
            None => &[][..],
        };
        let mut out = [0usize; 9];
        let mut n = 0;
        for c in [
            Some(self.l1),
            Some(self.l2),
            self.l3,
            self.desc,
            self.basis,
            self.scoring,
        ]
        .into_iter()
        .flatten()
        .chain(value.iter().copied())
        {
            out[n] = c;
            n += 1;
        }
        (out, n)
    }

    /// The number of columns the header describes.
    fn width(&self) -> usize {
        let v = match self.value {
            Some(ValueCols::Single(v)) => v,
            Some(ValueCols::Split { unit, .. }) => unit,
            None => 0,
        };
        [
            Some(self.l1),
            Some(self.l2),
            self.l3,
            self.desc,
            self.basis,
            self.scoring,
            Some(v),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(0)
            + 1
    }
}

fn join_field(field: &mut Option<String>, more: &str) {
    if more.is_empty() {
        return;
    }
    match field {
        Some(s) => text::join_wrapped(s, more),
        None => *field = Some(more.to_string()),
    }
}

fn nonempty_opt(s: Cow<'_, str>) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s.into_owned())
    }
}

/// Levels with blank cells carrying the level above (`prev`, the table's
/// last indicator); a level given resets the levels under it. Each level
/// is one `String`: moved when the cleaned cell already owns one.
fn levels(given: [Cow<'_, str>; 3], prev: Option<&Indicator>) -> [Option<String>; 3] {
    let carried = |k: usize| {
        let p = prev?;
        [&p.level1, &p.level2, &p.level3][k].clone()
    };
    let mut out: [Option<String>; 3] = [None, None, None];
    let mut reset = false;
    for (k, g) in given.into_iter().enumerate() {
        if !g.is_empty() {
            out[k] = Some(g.into_owned());
            reset = true;
        } else if !reset {
            out[k] = carried(k);
        }
    }
    out
}

/// `Value::parse(&raw).into_owned()`, keeping `raw` itself as the value's
/// text instead of copying it.
fn owned_value(raw: String) -> Value<'static> {
    let Value {
        raw: r,
        body,
        qualifier,
        notes,
    } = Value::parse(&raw);
    let body = body.into_owned();
    let qualifier = qualifier.map(|q| Cow::Owned(q.into_owned()));
    let other = match r {
        Cow::Borrowed(b) if std::ptr::eq(b, raw.as_str()) => None,
        r => Some(r.into_owned()),
    };
    Value {
        raw: Cow::Owned(other.unwrap_or(raw)),
        body,
        qualifier,
        notes,
    }
}

fn unreachable_project(line: u32) -> Project {
    Project {
        index: 0,
        code: None,
        name: None,
        unit_name: None,
        amount_unit: None,
        budget: Budget::default(),
        spending_plan: SpendingPlan::default(),
        goals: Vec::new(),
        indicators: Vec::new(),
        line,
    }
}

/// A cell's label form holds `needle` only when the cell holds `hint`, a
/// char of `needle` that folding leaves alone (a rare one: most cells are
/// ruled out by one byte search); the label itself is never built.
fn label_contains(raw: &str, hint: char, needle: &str) -> bool {
    text::has_char(raw, hint) && text::label_has(raw, needle)
}

fn is_header(cells: &[Cell]) -> bool {
    cells
        .iter()
        .any(|c| label_contains(&c.text, '级', "一级指标"))
        && cells.iter().any(|c| {
            text::has_char(&c.text, '级') && {
                let l = label(&c.text);
                l.has("二级指标") || l.has("三级指标")
            }
        })
}

/// A `符号 | 值 | 单位（文字描述）` row: the three columns, if it is one.
fn subheader(cells: &[Cell]) -> Option<(usize, usize, usize)> {
    // a label equal to 符号 / 计算符号 needs a 符 in the cell
    if !cells.iter().any(|c| text::has_char(&c.text, '符')) {
        return None;
    }
    // label tests without building labels; a label is empty exactly when
    // the cell is blank
    let is = |c: &Cell, a: &str, b: &str| text::label_is(&c.text, a) || text::label_is(&c.text, b);
    let unit_label =
        |c: &Cell| text::label_starts(&c.text, "单位") || text::label_starts(&c.text, "计量单位");
    // a tool may merge two of the labels into one cell (`符号<br>值`,
    // `值<br>单位（文字描述）`): that cell is both columns
    let sym = cells
        .iter()
        .position(|c| is(c, "符号", "计算符号") || is(c, "符号值", "计算符号值"))?;
    let (val, unit) = match cells.iter().position(|c| is(c, "值", "指标值")) {
        Some(v) => (v, cells.iter().position(unit_label)?),
        None if is(&cells[sym], "符号值", "计算符号值") => {
            (sym, cells.iter().position(unit_label)?)
        }
        None => {
            let v = cells.iter().position(|c| {
                text::label_starts(&c.text, "值单位") || text::label_starts(&c.text, "值计量单位")
            })?;
            (v, v)
        }
    };
    let others = cells
        .iter()
        .enumerate()
        .filter(|(i, c)| !blank(&c.text) && *i != sym && *i != val && *i != unit)
        .count();
    (others == 0).then_some((sym, val, unit))
}

/// A 符号 cell's text: a comparator, or the mark of a value in words.
fn is_symbol(s: &str) -> bool {
    let l = label(s);
    matches!(
        &*l,
        "≥" | "≤"
            | ">"
            | "<"
            | "="
            | ">="
            | "<="
            | "≧"
            | "≦"
            | "＞"
            | "＜"
            | "＝"
            | "文字描述"
            | "定性"
    )
}

/// Where a leading `文字描述` / `定性` mark (white space aside) ends in a
/// cell that merges 符号 and 值 (`文字描述 按要求`).
fn text_mark_end(s: &str) -> Option<usize> {
    ["文字描述", "定性"].iter().find_map(|m| {
        let mut it = s.char_indices().filter(|(_, c)| !c.is_whitespace());
        for want in m.chars() {
            match it.next() {
                Some((_, c)) if c == want => {}
                _ => return None,
            }
        }
        Some(it.next().map_or(s.len(), |(i, _)| i))
    })
}

/// The labels meta rows start with.
const META: [&str; 9] = [
    "项目编码",
    "项目编号",
    "项目名称",
    "预算规模",
    "预算数",
    "资金支出",
    "绩效目标",
    "序号",
    "栏次",
];

/// True when the label of `cell` may start with a meta-row label, 栏次 or
/// 序号: its first char that is not white space starts one of them.
fn meta_lead(cell: &str) -> bool {
    cell.chars()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| matches!(c, '项' | '预' | '资' | '绩' | '序' | '栏'))
}

/// True when a label starts with a meta-row label.
fn starts_meta(label: &str) -> bool {
    META.iter().any(|k| label.starts_with(k))
}

fn row_has_plan_items(cells: &[Cell]) -> bool {
    cells.iter().any(|c| {
        let mut month = false;
        text::each_month(&c.text, |_, _| month = true);
        month || text::percent(&c.text).is_some()
    })
}

/// The first non-empty cell after `i`, cleaned.
fn next_value(cells: &[Cell], i: usize) -> Option<String> {
    // A label cell may hold its value after a colon (`项目名称：xxx`).
    let cleaned = clean(&cells[i].text);
    let own = after_colon(&cleaned);
    if own != cleaned && !own.is_empty() {
        return Some(own.to_string());
    }
    (i + 1..cells.len())
        .find(|j| !blank(&cells[*j].text))
        .filter(|j| !META.iter().any(|k| text::label_starts(&cells[*j].text, k)))
        .map(|j| clean(&cells[j].text).into_owned())
}

fn after_colon(s: &str) -> &str {
    match s.find(['：', ':']) {
        Some(p) => {
            let c = s[p..].chars().next().map(char::len_utf8).unwrap_or(1);
            s[p + c..].trim()
        }
        None => s,
    }
}

/// `[13081122P00799110002Y]城乡养老…` → code and name.
fn bracketed(s: &str) -> (Option<String>, &str) {
    let s = s.trim();
    for (open, close) in [('[', ']'), ('【', '】')] {
        if let Some(rest) = s.strip_prefix(open) {
            if let Some(end) = rest.find(close) {
                // a code wrapped in its cell (`[13081122P00800810` / `001Y]`)
                let code: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
                return (Some(code), rest[end + close.len_utf8()..].trim());
            }
        }
    }
    (None, s)
}

pub(crate) fn is_goal_label(s: &str) -> bool {
    // the label starts with 目标 exactly when this does (no label built)
    if !text::label_starts(s, "目标") {
        return false;
    }
    let l = label(s);
    l.strip_prefix("目标").is_some_and(|r| {
        !r.is_empty()
            && r.chars()
                .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
    })
}

/// Splits `1. 维护社会和谐稳定 2. 增加就业岗位` into numbered goals.
///
/// A mark is one or two ASCII digits at the start or after white space or
/// `；;。，,`, then `.`, `、`, `．`, `)` or `）` not followed by a digit.
/// The text before the first mark, and each mark's text up to the next, is
/// a goal (trimmed, a trailing `；` dropped).
#[cfg(test)]
pub(crate) fn split_goals(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    split_goals_into(s, &mut out);
    out
}

/// [`split_goals`], appending the goals to `out`.
pub(crate) fn split_goals_into(s: &str, out: &mut Vec<String>) {
    let b = s.as_bytes();
    fn push(out: &mut Vec<String>, t: &str) {
        let t = t.trim().trim_end_matches(['；', ';']).trim();
        if !t.is_empty() {
            out.push(t.to_string());
        }
    }
    // where the text of the last mark starts
    let mut open: Option<usize> = None;
    let mut i = 0;
    // marks start at ASCII digits: jump from one digit run to the next
    while let Some(p) = b[i..].iter().position(u8::is_ascii_digit).map(|p| i + p) {
        let mut j = p;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let boundary = s[..p].chars().next_back().map_or(true, |c| {
            c.is_whitespace() || matches!(c, '；' | ';' | '。' | '，' | ',')
        });
        let sep = s[j..]
            .chars()
            .next()
            .filter(|c| matches!(c, '.' | '、' | '．' | ')' | '）'));
        if let (true, true, Some(sep)) = (boundary, j - p <= 2, sep) {
            let after = j + sep.len_utf8();
            if !b.get(after).is_some_and(u8::is_ascii_digit) {
                match open {
                    // the text before the first mark, trimmed only
                    None => {
                        let lead = s[..p].trim();
                        if !lead.is_empty() {
                            out.push(lead.to_string());
                        }
                    }
                    Some(start) => push(out, &s[start..p]),
                }
                open = Some(after);
                i = after;
                continue;
            }
        }
        i = j;
    }
    match open {
        Some(start) => push(out, &s[start..]),
        None => {
            let t = s.trim();
            if !t.is_empty() {
                out.push(t.to_string());
            }
        }
    }
}

/// A project heading (`1. 2025 年劳务派遣人员经费绩效目标表`,
/// `3.人才工作专项资金项目绩效目标申报表`, a TOC line with trailing dots):
/// the project name it gives, numbering and suffix removed.
pub(crate) fn project_heading(s: &str) -> Option<String> {
    // told by its end first: a search of a long line for 表 costs more
    let s = crate::find::trim(s)
        .trim_end_matches(|c: char| c == '.' || c == '…' || c == '·' || c.is_whitespace());
    // the label ends with a suffix below only when the text ends with 表
    if !s.ends_with('表') || (s.len() > 150 && s.chars().count() > 150) || text::has_char(s, '。')
    {
        return None;
    }
    let suffixes = ["绩效目标申报表", "绩效目标表"];
    let suffix = suffixes.iter().find(|x| text::label_ends(s, x))?;
    let body = strip_numbering(s);
    let mut name = body.trim_end();
    // remove the suffix, written with or without spaces
    for c in suffix.chars().rev() {
        name = name.trim_end();
        name = name.strip_suffix(c)?;
    }
    let mut name = name.trim_end();
    for extra in ["项目", "公用"] {
        if let Some(n) = name.strip_suffix(extra) {
            if !n.trim().is_empty() {
                name = n.trim_end();
            }
            break;
        }
    }
    Some(clean(name).into_owned())
}

/// Removes `1.` / `1、` / `(1)` / `- 1、` numbering from the start.
fn strip_numbering(s: &str) -> &str {
    let t = s
        .trim_start()
        .trim_start_matches(['-', '•', '·'])
        .trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        // a number whose digits a tool cut off (`、人才引进专项…`)
        if let Some(r) = t.strip_prefix('、') {
            return r.trim_start();
        }
    }
    if digits > 0 && digits <= 3 {
        let rest = &t[digits..];
        for sep in ['.', '、', '．', ')', '）'] {
            if let Some(r) = rest.strip_prefix(sep) {
                return r.trim_start();
            }
        }
        // `1 2025 年…` is not numbering; leave it
    }
    t
}

/// `三、工作保障措施`, `（二）…`, `第三部分 …`.
pub(crate) fn is_numbered_heading(s: &str) -> bool {
    let t = s.trim_start_matches(['(', '（']);
    let rest = t.trim_start_matches(|c| "一二三四五六七八九十".contains(c));
    if rest.len() < t.len() {
        // numbered: the char after the numerals decides
        return matches!(rest.chars().next(), Some('、' | '）' | ')'));
    }
    t.starts_with('第') && t.has("部分")
}

fn is_short_heading(s: &str) -> bool {
    s.chars().count() <= 40 && !text::has_char(s, '。') && !text::has_char(s, '，')
}

/// `323001 兴隆县人力资源和社会保障局本级` (optionally followed by `单位：元`).
fn unit_line(s: &str) -> Option<String> {
    let t = crate::find::trim(s);
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 6 {
        return None;
    }
    let rest = t[digits..].trim_start();
    if rest.len() == t.len() - digits {
        return None; // no space after the code
    }
    let name = match rest.find("单位") {
        Some(p) if p > 0 && rest[p..].contains(['：', ':']) => rest[..p].trim(),
        _ => rest,
    };
    if name.is_empty()
        || name.chars().count() > 60
        || !name.chars().next().is_some_and(text::is_cjk)
    {
        return None;
    }
    Some(clean(name).into_owned())
}

/// `单位：万元`, `金额单位：元`, `(单位:万元)` → the amount unit.
fn amount_unit(l: &str) -> Option<&'static str> {
    let p = crate::find::find_str(l, "单位")?;
    let rest = &l[p + "单位".len()..];
    let rest = rest.strip_prefix(':')?;
    ["万元", "亿元", "千元", "元"]
        .into_iter()
        .find(|u| rest.starts_with(u))
}

fn ellipsis(s: &str) -> String {
    if s.chars().count() > 40 {
        let t: String = s.chars().take(40).collect();
        format!("{t}…")
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_headings() {
        for (s, want) in [
            ("三、工作保障措施", true),
            ("（二）政府采购", true),
            ("(十)其他", true),
            ("十二)其他", true),
            ("第三部分 其他", true),
            ("三", false),
            ("三项工作", false),
            ("第三章", false),
            ("、开头", false),
            ("", false),
        ] {
            assert_eq!(is_numbered_heading(s), want, "{s:?}");
        }
    }

    #[test]
    fn headings() {
        assert_eq!(
            project_heading("1. 2025 年劳务派遣人员经费绩效目标表").as_deref(),
            Some("2025 年劳务派遣人员经费")
        );
        assert_eq!(
            project_heading("- 3、社会保险认证专项绩效目标表").as_deref(),
            Some("社会保险认证专项")
        );
        assert_eq!(
            project_heading("1.  人才工作专项资金项目绩效目标申报表").as_deref(),
            Some("人才工作专项资金")
        );
        assert_eq!(
            project_heading("1.2025 年劳务派遣人员经费绩效目标表.....").as_deref(),
            Some("2025 年劳务派遣人员经费")
        );
        assert_eq!(project_heading("预算项目绩效表"), None);
        assert_eq!(project_heading("第二部分 预算项目绩效目标"), None);
    }

    #[test]
    fn split_value_header_with_merged_labels() {
        let row = |t: &[&'static str]| -> Vec<Cell<'static>> {
            t.iter()
                .map(|s| Cell {
                    text: Cow::Borrowed(*s),
                    line: 1,
                })
                .collect()
        };
        assert_eq!(
            subheader(&row(&["", "符号", "值", "单位"])),
            Some((1, 2, 3))
        );
        // `符号<br>值`: the 符号 cell holds the number too
        assert_eq!(
            subheader(&row(&["", "符号值", "单位（文字描述）", ""])),
            Some((1, 1, 2))
        );
        // `值<br>单位(文`: the value's cell holds the unit too
        assert_eq!(subheader(&row(&["", "符号", "值单位(文"])), Some((1, 2, 2)));
        assert_eq!(subheader(&row(&["", "符号", "说明"])), None);
        assert_eq!(text_mark_end("文字 描述 按要求"), Some(14));
        assert_eq!(text_mark_end("≥95"), None);
        assert!(is_symbol(" ≥ ") && is_symbol("文字描 述") && !is_symbol("95"));
    }

    #[test]
    fn goals_split() {
        assert_eq!(
            split_goals("1. 维护社会和谐稳定 2. 增加就业岗位扩大就业群体"),
            vec!["维护社会和谐稳定", "增加就业岗位扩大就业群体"]
        );
        assert_eq!(split_goals("1.目标内容 1"), vec!["目标内容 1"]);
        assert_eq!(split_goals("确保工作顺利进行"), vec!["确保工作顺利进行"]);
        assert_eq!(split_goals("每人 4.35 万元"), vec!["每人 4.35 万元"]);
    }

    #[test]
    fn goals_split_agrees_with_the_char_list_reading() {
        // split_goals as first written: over a list of chars
        fn by_chars(s: &str) -> Vec<String> {
            let chars: Vec<(usize, char)> = s.char_indices().collect();
            let mut marks: Vec<(usize, usize)> = Vec::new();
            let mut k = 0;
            while k < chars.len() {
                let (pos, c) = chars[k];
                let boundary = k == 0 || {
                    let p = chars[k - 1].1;
                    p.is_whitespace() || matches!(p, '；' | ';' | '。' | '，' | ',')
                };
                if c.is_ascii_digit() && boundary {
                    let mut j = k;
                    while j < chars.len() && chars[j].1.is_ascii_digit() {
                        j += 1;
                    }
                    if j < chars.len()
                        && matches!(chars[j].1, '.' | '、' | '．' | ')' | '）')
                        && j - k <= 2
                    {
                        let next_is_digit =
                            chars.get(j + 1).is_some_and(|(_, c)| c.is_ascii_digit());
                        if !next_is_digit {
                            let text_start = chars.get(j + 1).map(|(p, _)| *p).unwrap_or(s.len());
                            marks.push((pos, text_start));
                            k = j + 1;
                            continue;
                        }
                    }
                }
                k += 1;
            }
            if marks.is_empty() {
                let t = s.trim();
                return if t.is_empty() {
                    Vec::new()
                } else {
                    vec![t.to_string()]
                };
            }
            let mut out = Vec::new();
            let lead = s[..marks[0].0].trim();
            if !lead.is_empty() {
                out.push(lead.to_string());
            }
            for (n, (_, start)) in marks.iter().enumerate() {
                let end = marks.get(n + 1).map(|m| m.0).unwrap_or(s.len());
                let t = s[*start..end].trim().trim_end_matches(['；', ';']).trim();
                if !t.is_empty() {
                    out.push(t.to_string());
                }
            }
            out
        }
        let pieces = [
            "1", "12", "123", ".", "、", "．", ")", "）", " ", "；", ";", "。", "，", ",", "目标",
            "a", "\u{3000}",
        ];
        let mut samples = vec![String::new()];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in ["", "2", "x", "；"] {
                        samples.push(format!("{a}{b}{c}{d}"));
                    }
                }
            }
        }
        samples.push("前言；1. 维护社会和谐稳定；2、增加就业岗位 3) 其他；".into());
        for s in &samples {
            assert_eq!(split_goals(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn meta_lead_covers_every_meta_label() {
        for k in META.iter().chain(&["栏次", "序号"]) {
            assert!(meta_lead(k), "{k}");
            assert!(meta_lead(&format!(" \u{3000}{k}")), "{k}");
        }
        assert!(!meta_lead("产出指标"));
        assert!(!meta_lead("（项目）"));
    }

    #[test]
    fn unit_lines_and_amount_units() {
        assert_eq!(
            unit_line("323001 兴隆县人力资源和社会保障局本级").as_deref(),
            Some("兴隆县人力资源和社会保障局本级")
        );
        assert_eq!(
            unit_line("304001 邢台市南和区人力资源和社会保障局本级 单位：元").as_deref(),
            Some("邢台市南和区人力资源和社会保障局本级")
        );
        assert_eq!(unit_line("2025 年部门预算"), None);
        assert_eq!(amount_unit(&label("单位：万元")), Some("万元"));
        assert_eq!(amount_unit(&label("金额单位：元")), Some("元"));
    }
}
