//! The typed result of reading a whole document (SPEC §3 "A document").

use std::fmt;

use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::value::serialize::DecStr;
use crate::value::Value;

/// The version tag of the JSON interchange.
pub const SCHEMA: &str = "perf.v1";

/// How the text was laid out by the tool that extracted it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Layout {
    /// One row per line, cells separated by tabs (002, 004).
    TabRows,
    /// One cell per line, each starting with a tab; blank line between rows (001, 003).
    CellPerLine,
    /// PDF text without delimiters: cells wrapped over several lines (000).
    Wrapped,
    /// Spreadsheet export as CSV (RFC 4180 quoting).
    CsvRows,
    /// One paragraph per cell, no tabs, blank lines between paragraphs
    /// (`docx2txt` and similar Word extractors).
    ParagraphCells,
    /// Columns aligned with runs of spaces, pages split by form feeds
    /// (`pdftotext -layout`).
    SpaceAligned,
    /// Tables drawn with `|` between cells: Markdown pipe tables and grid
    /// tables (`pandoc`, pymupdf4llm and other Markdown writers).
    GridRows,
    /// A table row on one line, its cells parted by single spaces like the
    /// spaces inside a cell (pdfplumber, pypdf, `pdftotext -raw`).
    SpacedRows,
}

impl Layout {
    pub const fn as_str(self) -> &'static str {
        match self {
            Layout::TabRows => "tab-rows",
            Layout::CellPerLine => "cell-per-line",
            Layout::Wrapped => "wrapped",
            Layout::CsvRows => "csv-rows",
            Layout::ParagraphCells => "paragraph-cells",
            Layout::SpaceAligned => "space-aligned",
            Layout::GridRows => "grid-rows",
            Layout::SpacedRows => "spaced-rows",
        }
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Layout {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Where the text came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The encoding the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub encoding: &'static str,
    pub layout: Layout,
}

/// 预算数 / 其中：财政资金 / 其他资金, in the table's amount unit.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Budget {
    pub total: Option<Decimal>,
    pub fiscal: Option<Decimal>,
    pub other: Option<Decimal>,
}

/// The cumulative share of the budget spent by the end of a month (资金支出计划（%）).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanPoint {
    /// 1–12 (`3月底` → 3).
    pub month: u8,
    pub percent: Decimal,
}

/// 资金支出计划（%）: serialised as `{"03": "25", "06": "50", …}`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpendingPlan {
    /// In the order of the table (normally ascending months).
    pub points: Vec<PlanPoint>,
}

impl SpendingPlan {
    pub fn is_empty(&self) -> bool {
        self.points.is_empty()
    }
    /// The percent planned by the end of `month`, if the table gives it.
    pub fn get(&self, month: u8) -> Option<Decimal> {
        self.points
            .iter()
            .find(|p| p.month == month)
            .map(|p| p.percent)
    }
}

/// One indicator row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Indicator {
    pub level1: Option<String>,
    pub level2: Option<String>,
    pub level3: Option<String>,
    /// 绩效指标描述
    pub description: Option<String>,
    /// 指标值, parsed; `value.raw` is the cell as given.
    pub value: Value<'static>,
    /// 指标值确定依据
    pub basis: Option<String>,
    /// 评（扣）分标准
    pub scoring: Option<String>,
    /// 1-based line of the source where the row starts.
    pub line: u32,
}

/// One 项目支出绩效目标表.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Project {
    /// 1-based position of the table in the document.
    pub index: u32,
    /// 项目编码, joined when split over lines.
    pub code: Option<String>,
    /// 项目名称
    pub name: Option<String>,
    /// The owning unit (`兴隆县人力资源和社会保障局本级`).
    pub unit_name: Option<String>,
    /// The amount unit of the table: `元` or `万元`.
    pub amount_unit: Option<String>,
    pub budget: Budget,
    pub spending_plan: SpendingPlan,
    /// 绩效目标, one per numbered goal.
    pub goals: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// 1-based line where the table starts.
    pub line: u32,
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl Serialize for Severity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Something the reader or the checks found: a stable kebab-case `code`, the
/// source line, and a message an analyst can read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: &'static str,
    /// 1-based source line, when the problem has one.
    pub line: Option<u32>,
    pub message: String,
}

/// A whole 部门预算绩效文本.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub source: Source,
    pub department: Option<String>,
    pub year: Option<u16>,
    pub projects: Vec<Project>,
    /// The department-wide indicator table(s) (部门整体支出绩效指标).
    pub department_indicators: Vec<Indicator>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Serialize for Document {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(7))?;
        m.serialize_entry("schema", SCHEMA)?;
        m.serialize_entry("source", &self.source)?;
        m.serialize_entry("department", &self.department)?;
        m.serialize_entry("year", &self.year)?;
        m.serialize_entry("projects", &self.projects)?;
        m.serialize_entry("department_indicators", &self.department_indicators)?;
        m.serialize_entry("diagnostics", &self.diagnostics)?;
        m.end()
    }
}

impl Serialize for Budget {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("total", &self.total.map(DecStr))?;
        m.serialize_entry("fiscal", &self.fiscal.map(DecStr))?;
        m.serialize_entry("other", &self.other.map(DecStr))?;
        m.end()
    }
}

impl Serialize for SpendingPlan {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.points.len()))?;
        for p in &self.points {
            let key = [b'0' + p.month / 10, b'0' + p.month % 10];
            let key = std::str::from_utf8(&key).unwrap_or("??");
            m.serialize_entry(key, &DecStr(p.percent))?;
        }
        m.end()
    }
}
