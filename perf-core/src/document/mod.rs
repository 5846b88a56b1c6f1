//! Reading whole documents: layout detection, one reader per layout, table assembly.
//!
//! ```
//! use perf_core::Document;
//! let text = "2. 示例项目绩效目标表\n单位：万元\n\
//!             项目编码\tP1\t\t项目名称\t示例项目\n\
//!             一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\n\
//!             产出指标\t数量指标\t人数\t服务人数\t≥10 人\t计划\n";
//! let doc = Document::parse(text).unwrap();
//! assert_eq!(doc.source.layout.as_str(), "tab-rows");
//! let p = &doc.projects[0];
//! assert_eq!((p.code.as_deref(), p.name.as_deref()), (Some("P1"), Some("示例项目")));
//! assert_eq!(p.indicators[0].value.raw, "≥10 人");
//! assert_eq!(p.indicators[0].line, 5);
//! ```

mod assemble;
mod cell_per_line;
pub mod codes;
pub mod csv;
mod csv_rows;
mod detect;
mod grid_rows;
mod labels;
pub mod model;
mod paragraph_cells;
mod row;
mod space_aligned;
mod spaced_rows;
mod tab_rows;
mod text;
mod title;
mod wrapped;

pub use model::*;

use crate::decode;
use crate::error::{Error, ErrorKind};

impl Document {
    /// Reads a document from text (any layout; detected).
    pub fn parse(text: &str) -> Result<Document, Error> {
        parse_with(text, "UTF-8", Vec::new())
    }

    /// Reads a document from bytes in any supported encoding (UTF-8 with or
    /// without BOM, GB18030/GBK, UTF-16 with BOM).
    pub fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
        let d = decode::decode(bytes)?;
        parse_with(&d.text, d.encoding, d.diagnostics)
    }

    /// The document as SPEC §3 JSON, pretty-printed.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }

    /// The document as SPEC §3 JSON on one line.
    pub fn to_json_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
    }
}

fn parse_with(
    text: &str,
    encoding: &'static str,
    mut diagnostics: Vec<Diagnostic>,
) -> Result<Document, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Error::new(ErrorKind::Empty, 1, 0));
    }
    let lines = row::lines(text);
    let layout = match detect::detect(&lines) {
        // Tab-less text: comma-separated records win over the readers of
        // tab-less text layouts.
        Layout::Wrapped | Layout::SpacedRows | Layout::SpaceAligned | Layout::ParagraphCells
            if csv_rows::looks_like_csv(text, &lines) =>
        {
            Layout::CsvRows
        }
        l => l,
    };
    // Word text (cell-per-line, paragraph-cells): a space was typed, keep it
    let word = matches!(layout, Layout::CellPerLine | Layout::ParagraphCells);
    let mut asm = assemble::Assembler::new(!word, layout == Layout::GridRows);
    let rows = match layout {
        // the cell-per-line, tab-rows and wrapped readers hand each row to
        // the assembler as it is read
        Layout::CellPerLine => {
            cell_per_line::each(&lines, |r| asm.row(r));
            Vec::new()
        }
        Layout::CsvRows => csv_rows::read(text),
        Layout::ParagraphCells => paragraph_cells::read(&lines),
        Layout::SpaceAligned => space_aligned::read(text),
        Layout::GridRows => grid_rows::read(&lines),
        Layout::Wrapped | Layout::SpacedRows => {
            let (rows, notes) = if layout == Layout::Wrapped {
                // (rows handed to the assembler as they are read)
                let notes = wrapped::each(text, &lines, &mut |r| asm.row(&r));
                (Vec::new(), notes)
            } else {
                spaced_rows::read(text, &lines)
            };
            diagnostics.extend(notes.into_iter().map(|(line, message)| Diagnostic {
                severity: Severity::Warning,
                code: codes::AMBIGUOUS_CELLS,
                line: Some(line),
                message,
            }));
            rows
        }
        _ => {
            tab_rows::each(&lines, |r| asm.row(r));
            Vec::new()
        }
    };
    for r in &rows {
        asm.row(r);
    }
    // the rows' buffers are freed before the checks allocate theirs
    drop(rows);
    let a = asm.finish();
    if a.projects.is_empty() && a.department_indicators.is_empty() {
        return Err(Error::new(ErrorKind::NoTables, 1, 0));
    }
    diagnostics.extend(a.diagnostics);
    diagnostics.sort_by_key(|d| d.line.unwrap_or(0));
    let (department, year) = title::department_and_year(&lines, &a.projects, a.year);
    let mut doc = Document {
        source: Source { encoding, layout },
        department,
        year,
        projects: a.projects,
        department_indicators: a.department_indicators,
        diagnostics,
    };
    let checks = crate::check::run(&doc);
    doc.diagnostics.extend(checks);
    Ok(doc)
}
