//! A whole document: `perf_document` and the handles borrowed from it
//! (`perf_project`, `perf_indicator`, `perf_diagnostic`), each read through
//! counts and indexed accessors.

use std::ffi::c_char;

use perf_core::{Diagnostic, Document, Indicator, Project};

use crate::boundary;
use crate::error::{perf_error, Failure};
use crate::names::perf_severity;
use crate::status::*;
use crate::strings::{give, perf_str, OptText, Text};
use crate::value::{input, out, perf_number, perf_value, write_owned, Store};

/// A parsed document (部门预算绩效文本).
///
/// Ownership: made by `perf_document_parse`, freed with
/// `perf_document_free`. Every `perf_project`, `perf_indicator`,
/// `perf_diagnostic`, `perf_value`, `perf_value_info`, `perf_number` and
/// string reached from it is borrowed: it stays valid until the document is
/// freed, and must not be freed on its own.
///
/// Thread safety: immutable once made; any number of threads may call the
/// accessors at once. It must not be freed while another thread uses it or
/// anything borrowed from it.
#[derive(Debug)]
pub struct perf_document {
    doc: Document,
    department: OptText,
    encoding: Text,
    layout: Text,
    projects: Vec<perf_project>,
    department_indicators: Vec<perf_indicator>,
    diagnostics: Vec<perf_diagnostic>,
}

/// One 项目支出绩效目标表 of a document.
///
/// Ownership: borrowed from its `perf_document`; lives as long as it.
/// Thread safety: as for `perf_document`.
#[derive(Debug)]
pub struct perf_project {
    index: u32,
    line: u32,
    code: OptText,
    name: OptText,
    unit_name: OptText,
    amount_unit: OptText,
    budget_total: perf_number,
    budget_fiscal: perf_number,
    budget_other: perf_number,
    plan: Vec<(u32, perf_number)>,
    goals: Vec<Text>,
    indicators: Vec<perf_indicator>,
    /// Owns the bytes the numbers above point into.
    _store: Store,
}

/// One indicator row of a project or of the department-wide table.
///
/// Ownership: borrowed from its `perf_document`; lives as long as it.
/// Thread safety: as for `perf_document`.
#[derive(Debug)]
pub struct perf_indicator {
    level1: OptText,
    level2: OptText,
    level3: OptText,
    description: OptText,
    basis: OptText,
    scoring: OptText,
    line: u32,
    value: perf_value,
}

/// Something the reader or the checks found in a document.
///
/// Ownership: borrowed from its `perf_document`; lives as long as it.
/// Thread safety: as for `perf_document`.
#[derive(Debug)]
pub struct perf_diagnostic {
    severity: perf_severity,
    code: Text,
    line: u32,
    message: Text,
}

impl perf_indicator {
    fn new(i: &Indicator) -> perf_indicator {
        perf_indicator {
            level1: OptText::new(i.level1.as_deref()),
            level2: OptText::new(i.level2.as_deref()),
            level3: OptText::new(i.level3.as_deref()),
            description: OptText::new(i.description.as_deref()),
            basis: OptText::new(i.basis.as_deref()),
            scoring: OptText::new(i.scoring.as_deref()),
            line: i.line,
            value: perf_value::new(i.value.clone()),
        }
    }
}

impl perf_project {
    fn new(p: &Project) -> perf_project {
        let mut store = Store::default();
        let budget_total = store.num(p.budget.total);
        let budget_fiscal = store.num(p.budget.fiscal);
        let budget_other = store.num(p.budget.other);
        let plan = p
            .spending_plan
            .points
            .iter()
            .map(|pt| (u32::from(pt.month), store.num(Some(pt.percent))))
            .collect();
        perf_project {
            index: p.index,
            line: p.line,
            code: OptText::new(p.code.as_deref()),
            name: OptText::new(p.name.as_deref()),
            unit_name: OptText::new(p.unit_name.as_deref()),
            amount_unit: OptText::new(p.amount_unit.as_deref()),
            budget_total,
            budget_fiscal,
            budget_other,
            plan,
            goals: p.goals.iter().map(|g| Text::new(g)).collect(),
            indicators: p.indicators.iter().map(perf_indicator::new).collect(),
            _store: store,
        }
    }
}

impl perf_diagnostic {
    fn new(d: &Diagnostic) -> perf_diagnostic {
        perf_diagnostic {
            severity: perf_severity::from(d.severity),
            code: Text::new(d.code),
            line: d.line.unwrap_or(0),
            message: Text::new(&d.message),
        }
    }
}

impl perf_document {
    fn new(doc: Document) -> perf_document {
        perf_document {
            department: OptText::new(doc.department.as_deref()),
            encoding: Text::new(doc.source.encoding),
            layout: Text::new(doc.source.layout.as_str()),
            projects: doc.projects.iter().map(perf_project::new).collect(),
            department_indicators: doc
                .department_indicators
                .iter()
                .map(perf_indicator::new)
                .collect(),
            diagnostics: doc.diagnostics.iter().map(perf_diagnostic::new).collect(),
            doc,
        }
    }

    fn to_json(&self) -> Result<String, Failure> {
        serde_json::to_string(&self.doc).map_err(|e| Failure::internal(&e.to_string()))
    }
}

/// Decodes (UTF-8, GB18030/GBK, UTF-16 with BOM) and reads a document.
fn read(bytes: &[u8]) -> Result<Document, Failure> {
    Ok(Document::parse_bytes(bytes)?)
}

/// Borrowed string accessor shared by every `(handle, size_t *len)` getter.
///
/// # Safety
/// `h` is NULL or live; `len` is NULL or writable.
unsafe fn text_of<T>(
    h: *const T,
    len: *mut usize,
    f: impl FnOnce(&T) -> perf_str,
) -> *const c_char {
    boundary::guard(std::ptr::null(), || {
        // SAFETY: the caller guarantees `h` is NULL or live.
        let view = unsafe { h.as_ref() }.map_or(perf_str::NONE, f);
        // SAFETY: the caller guarantees `len` is NULL or writable.
        unsafe { give(view, len) }
    })
}

/// Plain accessor shared by every getter that returns a number or pointer.
///
/// # Safety
/// `h` is NULL or live.
unsafe fn get<T, R: Copy>(h: *const T, fallback: R, f: impl FnOnce(&T) -> R) -> R {
    boundary::guard(fallback, || {
        // SAFETY: the caller guarantees `h` is NULL or live.
        match unsafe { h.as_ref() } {
            Some(h) => f(h),
            None => fallback,
        }
    })
}

/// Reads a document from `len` bytes of text (a corpus `.txt`, a TSV/CSV
/// export, …) in any supported encoding: UTF-8 with or without BOM,
/// GB18030/GBK, UTF-16 with BOM. The encoding is detected, never assumed;
/// `perf_document_encoding` tells which one was used. No NUL is needed or
/// looked for.
///
/// On success writes a new document to `*out` and returns `PERF_OK`; free
/// it with `perf_document_free`. On failure `*out` is left untouched, the
/// status is returned and, when `err` is not NULL, a new error naming the
/// line is stored in `*err` (free it with `perf_error_free`).
///
/// Errors: `PERF_ERR_NULL` (`bytes` or `out` is NULL), `PERF_ERR_ENCODING`
/// (not text in a supported encoding), `PERF_ERR_PARSE` (empty input, no
/// table found), `PERF_ERR_INVALID_ARGUMENT`, `PERF_ERR_PANIC`.
///
/// Thread safety: may be called from any number of threads at once.
///
/// # Safety
/// `bytes` is NULL or valid for `len` bytes; `out` and `err` are NULL or
/// writable.
#[no_mangle]
pub unsafe extern "C" fn perf_document_parse(
    bytes: *const u8,
    len: usize,
    out: *mut *mut perf_document,
    err: *mut *mut perf_error,
) -> perf_status {
    boundary::status(err, || {
        // SAFETY: the caller guarantees `bytes` is valid for `len` bytes.
        let bytes = unsafe { input(bytes, len, "bytes") }?;
        self::out(out, "out")?;
        let doc = Box::new(perf_document::new(read(bytes)?));
        // SAFETY: checked non-NULL; the caller guarantees it is writable.
        unsafe { *out = Box::into_raw(doc) };
        Ok(())
    })
}

/// Reads a document straight to its SPEC §3 JSON (`"schema": "perf.v1"`),
/// one line without a trailing newline.
///
/// On success writes a new NUL-terminated string to `*out` (free it with
/// `perf_string_free`) and, when `out_len` is not NULL, its length to
/// `*out_len`. Errors and `err` as for `perf_document_parse`.
///
/// Thread safety: may be called from any number of threads at once.
///
/// # Safety
/// `bytes` is NULL or valid for `len` bytes; `out`, `out_len` and `err` are
/// NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_document_parse_json(
    bytes: *const u8,
    len: usize,
    out: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut perf_error,
) -> perf_status {
    boundary::status(err, || {
        // SAFETY: the caller guarantees `bytes` is valid for `len` bytes.
        let bytes = unsafe { input(bytes, len, "bytes") }?;
        self::out(out, "out")?;
        let json =
            serde_json::to_string(&read(bytes)?).map_err(|e| Failure::internal(&e.to_string()))?;
        // SAFETY: `out` checked; the caller guarantees `out_len` is NULL or writable.
        unsafe { write_owned(json, out, out_len) }
    })
}

/// The document as its SPEC §3 JSON, one line without a trailing newline.
///
/// On success writes a new NUL-terminated string to `*out` (free it with
/// `perf_string_free`) and, when `out_len` is not NULL, its length to
/// `*out_len`. Errors: `PERF_ERR_NULL`, `PERF_ERR_INTERNAL`, `PERF_ERR_PANIC`.
///
/// Thread safety: may be called from any number of threads at once.
///
/// # Safety
/// `doc` is NULL or live; `out`, `out_len` and `err` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_document_to_json(
    doc: *const perf_document,
    out: *mut *mut c_char,
    out_len: *mut usize,
    err: *mut *mut perf_error,
) -> perf_status {
    boundary::status(err, || {
        // SAFETY: the caller guarantees `doc` is NULL or live.
        let d = unsafe { doc.as_ref() }.ok_or_else(|| Failure::null("doc"))?;
        self::out(out, "out")?;
        let json = d.to_json()?;
        // SAFETY: `out` checked; the caller guarantees `out_len` is NULL or writable.
        unsafe { write_owned(json, out, out_len) }
    })
}

/// Frees a document and everything borrowed from it. NULL is accepted and
/// ignored.
///
/// Thread safety: must not run while another thread uses `doc` or anything borrowed from it.
///
/// # Safety
/// `doc` is NULL or a document from `perf_document_parse` not freed yet.
#[no_mangle]
pub unsafe extern "C" fn perf_document_free(doc: *mut perf_document) {
    boundary::guard((), || {
        if !doc.is_null() {
            // SAFETY: `doc` came from `Box::into_raw` in `perf_document_parse`.
            drop(unsafe { Box::from_raw(doc) });
        }
    })
}

/// The department (`兴隆县人力资源和社会保障局`), or NULL when the document
/// does not name one. Strings returned by accessors are NUL-terminated
/// UTF-8 borrowed from the document; when `len` is not NULL their length in
/// bytes (without the NUL; 0 for NULL) is written there.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `doc` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_document_department(
    doc: *const perf_document,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(doc, len, |d| d.department.view()) }
}

/// The budget year (`2025`), or 0 when the document does not state one.
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `doc` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_document_year(doc: *const perf_document) -> i32 {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(doc, 0, |d| d.doc.year.map_or(0, i32::from)) }
}

/// The encoding the bytes were decoded from (`"UTF-8"`, `"GB18030"`, …).
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `doc` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_document_encoding(
    doc: *const perf_document,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(doc, len, |d| d.encoding.view()) }
}

/// The layout the text was read as (`"tab-rows"`, `"cell-per-line"`,
/// `"wrapped"`, `"csv-rows"`, `"space-aligned"`, `"paragraph-cells"`,
/// `"grid-rows"` or `"spaced-rows"`).
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `doc` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_document_layout(
    doc: *const perf_document,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(doc, len, |d| d.layout.view()) }
}

/// The number of project tables (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `doc` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_document_project_count(doc: *const perf_document) -> usize {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(doc, 0, |d| d.projects.len()) }
}

/// Project `i` (0-based, in document order), or NULL when `i` is out of
/// range. Borrowed from the document.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `doc` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_document_project(
    doc: *const perf_document,
    i: usize,
) -> *const perf_project {
    // SAFETY: forwarded caller guarantees.
    unsafe {
        get(doc, std::ptr::null(), |d| {
            d.projects
                .get(i)
                .map_or(std::ptr::null(), |p| p as *const _)
        })
    }
}

/// The number of rows in the department-wide indicator table(s)
/// (部门整体支出绩效指标); 0 for NULL.
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `doc` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_document_department_indicator_count(
    doc: *const perf_document,
) -> usize {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(doc, 0, |d| d.department_indicators.len()) }
}

/// Department-wide indicator `i` (0-based), or NULL when out of range.
/// Borrowed from the document.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `doc` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_document_department_indicator(
    doc: *const perf_document,
    i: usize,
) -> *const perf_indicator {
    // SAFETY: forwarded caller guarantees.
    unsafe {
        get(doc, std::ptr::null(), |d| {
            d.department_indicators
                .get(i)
                .map_or(std::ptr::null(), |x| x as *const _)
        })
    }
}

/// The number of diagnostics (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `doc` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_document_diagnostic_count(doc: *const perf_document) -> usize {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(doc, 0, |d| d.diagnostics.len()) }
}

/// Diagnostic `i` (0-based), or NULL when out of range. Borrowed from the
/// document.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `doc` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_document_diagnostic(
    doc: *const perf_document,
    i: usize,
) -> *const perf_diagnostic {
    // SAFETY: forwarded caller guarantees.
    unsafe {
        get(doc, std::ptr::null(), |d| {
            d.diagnostics
                .get(i)
                .map_or(std::ptr::null(), |x| x as *const _)
        })
    }
}

/// The severity (`PERF_SEVERITY_*`; `PERF_SEVERITY_NONE` for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `diag` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_diagnostic_severity(diag: *const perf_diagnostic) -> perf_severity {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(diag, perf_severity::None, |d| d.severity) }
}

/// The stable kebab-case code (`"budget-sum"`).
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `diag` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_diagnostic_code(
    diag: *const perf_diagnostic,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(diag, len, |d| d.code.view()) }
}

/// The 1-based source line, or 0 when the diagnostic has none.
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `diag` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_diagnostic_line(diag: *const perf_diagnostic) -> u32 {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(diag, 0, |d| d.line) }
}

/// The message an analyst reads.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `diag` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_diagnostic_message(
    diag: *const perf_diagnostic,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(diag, len, |d| d.message.view()) }
}

/// The 1-based position of the table in the document (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_index(project: *const perf_project) -> u32 {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, 0, |p| p.index) }
}

/// The 1-based line where the table starts (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_line(project: *const perf_project) -> u32 {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, 0, |p| p.line) }
}

/// 项目编码 (`13082225P000169100010`), or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_project_code(
    project: *const perf_project,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(project, len, |p| p.code.view()) }
}

/// 项目名称, or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_project_name(
    project: *const perf_project,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(project, len, |p| p.name.view()) }
}

/// The owning unit (`兴隆县人力资源和社会保障局本级`), or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_project_unit_name(
    project: *const perf_project,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(project, len, |p| p.unit_name.view()) }
}

/// The amount unit of the table (`"元"`, `"万元"`), or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_project_amount_unit(
    project: *const perf_project,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(project, len, |p| p.amount_unit.view()) }
}

/// 预算数, in the table's amount unit (`present` 0 when absent). Returns NULL
/// only for a NULL project. Borrowed from the document.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_budget_total(
    project: *const perf_project,
) -> *const perf_number {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, std::ptr::null(), |p| &p.budget_total as *const _) }
}

/// 其中：财政资金, as for `perf_project_budget_total`.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_budget_fiscal(
    project: *const perf_project,
) -> *const perf_number {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, std::ptr::null(), |p| &p.budget_fiscal as *const _) }
}

/// 其他资金, as for `perf_project_budget_total`.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_budget_other(
    project: *const perf_project,
) -> *const perf_number {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, std::ptr::null(), |p| &p.budget_other as *const _) }
}

/// The number of points of 资金支出计划（%） (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_plan_count(project: *const perf_project) -> usize {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, 0, |p| p.plan.len()) }
}

/// The month (1–12) of spending-plan point `i`, in table order; 0 when out
/// of range.
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_plan_month(project: *const perf_project, i: usize) -> u32 {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, 0, |p| p.plan.get(i).map_or(0, |x| x.0)) }
}

/// The cumulative percent spent by the end of that month, for point `i`;
/// NULL when out of range. Borrowed from the document.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_plan_percent(
    project: *const perf_project,
    i: usize,
) -> *const perf_number {
    // SAFETY: forwarded caller guarantees.
    unsafe {
        get(project, std::ptr::null(), |p| {
            p.plan.get(i).map_or(std::ptr::null(), |x| &x.1 as *const _)
        })
    }
}

/// The number of 绩效目标 goals (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_goal_count(project: *const perf_project) -> usize {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, 0, |p| p.goals.len()) }
}

/// Goal `i` (0-based), or NULL when out of range.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_project_goal(
    project: *const perf_project,
    i: usize,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe {
        text_of(project, len, |p| {
            p.goals.get(i).map_or(perf_str::NONE, Text::view)
        })
    }
}

/// The number of indicator rows of the project (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_indicator_count(project: *const perf_project) -> usize {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(project, 0, |p| p.indicators.len()) }
}

/// Indicator `i` (0-based, in table order), or NULL when out of range.
/// Borrowed from the document.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `project` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_project_indicator(
    project: *const perf_project,
    i: usize,
) -> *const perf_indicator {
    // SAFETY: forwarded caller guarantees.
    unsafe {
        get(project, std::ptr::null(), |p| {
            p.indicators
                .get(i)
                .map_or(std::ptr::null(), |x| x as *const _)
        })
    }
}

/// 一级指标 (`产出指标`), or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `ind` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_level1(
    ind: *const perf_indicator,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(ind, len, |x| x.level1.view()) }
}

/// 二级指标 (`数量指标`), or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `ind` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_level2(
    ind: *const perf_indicator,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(ind, len, |x| x.level2.view()) }
}

/// 三级指标, or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `ind` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_level3(
    ind: *const perf_indicator,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(ind, len, |x| x.level3.view()) }
}

/// 绩效指标描述, or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `ind` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_description(
    ind: *const perf_indicator,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(ind, len, |x| x.description.view()) }
}

/// 指标值确定依据, or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `ind` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_basis(
    ind: *const perf_indicator,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(ind, len, |x| x.basis.view()) }
}

/// 评（扣）分标准, or NULL when absent.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `ind` is NULL or live; `len` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_scoring(
    ind: *const perf_indicator,
    len: *mut usize,
) -> *const c_char {
    // SAFETY: forwarded caller guarantees.
    unsafe { text_of(ind, len, |x| x.scoring.view()) }
}

/// The 1-based source line where the row starts (0 for NULL).
///
/// Thread safety: any thread; perf handles are immutable.
///
/// # Safety
/// `ind` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_line(ind: *const perf_indicator) -> u32 {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(ind, 0, |x| x.line) }
}

/// The parsed 指标值 of the row (read it with `perf_value_get_info` or
/// `perf_value_to_json`); NULL for NULL. Borrowed from the document: never
/// pass it to `perf_value_free`.
///
/// Thread safety: any thread; perf handles are immutable.
/// Ownership: borrowed from the document; valid until `perf_document_free`.
///
/// # Safety
/// `ind` is NULL or live.
#[no_mangle]
pub unsafe extern "C" fn perf_indicator_value(ind: *const perf_indicator) -> *const perf_value {
    // SAFETY: forwarded caller guarantees.
    unsafe { get(ind, std::ptr::null(), |x| &x.value as *const _) }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::ffi::CStr;
    use std::str::FromStr;

    use perf_core::document::{Budget, PlanPoint, Source, SpendingPlan};
    use perf_core::{Body, Layout, Notes, Severity, Value};
    use rust_decimal::Decimal;

    use super::*;
    use crate::strings::perf_string_free;
    use crate::value::perf_value_get_info;

    fn indicator(level3: &str, raw: &'static str, line: u32) -> Indicator {
        Indicator {
            level1: Some("产出指标".into()),
            level2: Some("数量指标".into()),
            level3: Some(level3.into()),
            description: None,
            value: Value {
                raw: Cow::Borrowed(raw),
                body: Body::Text,
                qualifier: None,
                notes: Notes::empty(),
            },
            basis: Some("依据".into()),
            scoring: None,
            line,
        }
    }

    fn document() -> Document {
        Document {
            source: Source {
                encoding: "GB18030",
                layout: Layout::CellPerLine,
            },
            department: Some("霸州市人力资源和社会保障局".into()),
            year: Some(2021),
            projects: vec![Project {
                index: 1,
                code: Some("131081210000000001".into()),
                name: Some("就业补助".into()),
                unit_name: None,
                amount_unit: Some("元".into()),
                budget: Budget {
                    total: Some(Decimal::from_str("90.50").unwrap()),
                    fiscal: None,
                    other: None,
                },
                spending_plan: SpendingPlan {
                    points: vec![PlanPoint {
                        month: 6,
                        percent: Decimal::from(50),
                    }],
                },
                goals: vec!["目标1".into(), "目标2".into()],
                indicators: vec![indicator("a", "工资按时发放", 10), indicator("b", "/", 12)],
                line: 5,
            }],
            department_indicators: vec![indicator("c", "合格", 40)],
            diagnostics: vec![Diagnostic {
                severity: Severity::Warning,
                code: "budget-sum",
                line: Some(7),
                message: "预算数 90 ≠ 财政资金 92 + 其他资金 0".into(),
            }],
        }
    }

    fn text(p: *const c_char, len: usize) -> Option<String> {
        if p.is_null() {
            assert_eq!(len, 0);
            return None;
        }
        // SAFETY: accessor strings are NUL-terminated and live with the document.
        let s = unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_owned();
        assert_eq!(s.len(), len);
        Some(s)
    }

    #[test]
    fn accessors_walk_the_document() {
        let doc = Box::into_raw(Box::new(perf_document::new(document())));
        let mut len = 99usize;
        // SAFETY: `doc` is live until freed at the end; indices are checked by the accessors.
        unsafe {
            assert_eq!(
                text(perf_document_department(doc, &mut len), len).as_deref(),
                Some("霸州市人力资源和社会保障局")
            );
            assert_eq!(perf_document_year(doc), 2021);
            assert_eq!(
                text(perf_document_encoding(doc, &mut len), len).as_deref(),
                Some("GB18030")
            );
            assert_eq!(
                text(perf_document_layout(doc, &mut len), len).as_deref(),
                Some("cell-per-line")
            );
            assert_eq!(perf_document_project_count(doc), 1);
            assert!(perf_document_project(doc, 1).is_null());
            let p = perf_document_project(doc, 0);
            assert_eq!((perf_project_index(p), perf_project_line(p)), (1, 5));
            assert_eq!(
                text(perf_project_code(p, &mut len), len).as_deref(),
                Some("131081210000000001")
            );
            assert_eq!(
                text(perf_project_name(p, &mut len), len).as_deref(),
                Some("就业补助")
            );
            assert_eq!(text(perf_project_unit_name(p, &mut len), len), None);
            assert_eq!(
                text(perf_project_amount_unit(p, &mut len), len).as_deref(),
                Some("元")
            );
            let total = &*perf_project_budget_total(p);
            assert_eq!(total.present, 1);
            assert_eq!(
                text(total.text.ptr, total.text.len).as_deref(),
                Some("90.5")
            );
            assert_eq!((total.value.lo, total.value.scale), (905, 1));
            assert_eq!((*perf_project_budget_fiscal(p)).present, 0);
            assert_eq!((*perf_project_budget_other(p)).present, 0);
            assert_eq!(perf_project_plan_count(p), 1);
            assert_eq!(perf_project_plan_month(p, 0), 6);
            let pct = &*perf_project_plan_percent(p, 0);
            assert_eq!(text(pct.text.ptr, pct.text.len).as_deref(), Some("50"));
            assert!(perf_project_plan_percent(p, 1).is_null());
            assert_eq!(perf_project_goal_count(p), 2);
            assert_eq!(
                text(perf_project_goal(p, 1, &mut len), len).as_deref(),
                Some("目标2")
            );
            assert_eq!(text(perf_project_goal(p, 2, &mut len), len), None);

            assert_eq!(perf_project_indicator_count(p), 2);
            let ind = perf_project_indicator(p, 1);
            assert!(perf_project_indicator(p, 2).is_null());
            assert_eq!(
                text(perf_indicator_level1(ind, &mut len), len).as_deref(),
                Some("产出指标")
            );
            assert_eq!(
                text(perf_indicator_level2(ind, &mut len), len).as_deref(),
                Some("数量指标")
            );
            assert_eq!(
                text(perf_indicator_level3(ind, &mut len), len).as_deref(),
                Some("b")
            );
            assert_eq!(text(perf_indicator_description(ind, &mut len), len), None);
            assert_eq!(
                text(perf_indicator_basis(ind, &mut len), len).as_deref(),
                Some("依据")
            );
            assert_eq!(text(perf_indicator_scoring(ind, &mut len), len), None);
            assert_eq!(perf_indicator_line(ind), 12);
            let info = &*perf_value_get_info(perf_indicator_value(ind));
            assert_eq!(text(info.raw.ptr, info.raw.len).as_deref(), Some("/"));

            assert_eq!(perf_document_department_indicator_count(doc), 1);
            let dep = perf_document_department_indicator(doc, 0);
            assert_eq!(perf_indicator_line(dep), 40);
            assert!(perf_document_department_indicator(doc, 1).is_null());

            assert_eq!(perf_document_diagnostic_count(doc), 1);
            let d = perf_document_diagnostic(doc, 0);
            assert_eq!(perf_diagnostic_severity(d), perf_severity::Warning);
            assert_eq!(
                text(perf_diagnostic_code(d, &mut len), len).as_deref(),
                Some("budget-sum")
            );
            assert_eq!(perf_diagnostic_line(d), 7);
            assert_eq!(
                text(perf_diagnostic_message(d, &mut len), len).as_deref(),
                Some("预算数 90 ≠ 财政资金 92 + 其他资金 0")
            );
            assert!(perf_document_diagnostic(doc, 1).is_null());

            let mut json: *mut c_char = std::ptr::null_mut();
            assert_eq!(
                perf_document_to_json(doc, &mut json, &mut len, std::ptr::null_mut()),
                PERF_OK
            );
            let want = serde_json::to_string(&document()).unwrap();
            assert_eq!(text(json, len).as_deref(), Some(want.as_str()));
            perf_string_free(json);
            perf_document_free(doc);
        }
    }
}
