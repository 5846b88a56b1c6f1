//! Shared by the robustness tests (hostile.rs, encodings.rs, conservation.rs,
//! fuzz_replay.rs, regressions.rs): a counting allocator used as a work and
//! memory counter, a hang backstop, and builders for small synthetic
//! documents in the corpus' layouts.
#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// A global allocator that counts, per thread, the allocations made, the
/// bytes requested and the peak of live bytes. Install it in a test crate with
/// `#[global_allocator] static A: Counting = Counting;`.
///
/// These counts are deterministic for a given input and build (unlike time),
/// so the tests can assert on them: a parser that re-copies a growing prefix
/// or keeps a copy per line shows up in `bytes` or `peak` however fast the
/// machine is.
pub struct Counting;

thread_local! {
    static ALLOCS: Cell<u64> = const { Cell::new(0) };
    static BYTES: Cell<u64> = const { Cell::new(0) };
    static LIVE: Cell<i64> = const { Cell::new(0) };
    static PEAK: Cell<i64> = const { Cell::new(0) };
}

fn grew(by: usize) {
    let _ = ALLOCS.try_with(|c| c.set(c.get() + 1));
    let _ = BYTES.try_with(|c| c.set(c.get() + by as u64));
    let _ = LIVE.try_with(|live| {
        let now = live.get() + by as i64;
        live.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn shrank(by: usize) {
    let _ = LIVE.try_with(|live| live.set(live.get() - by as i64));
}

// SAFETY: every call is forwarded unchanged to the system allocator; the
// counters are thread-local `Cell`s with const initialisers (no allocation,
// no destructor), so counting cannot re-enter the allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        shrank(layout.size());
        grew(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

/// What a piece of work cost, as counted by [`Counting`] on its thread.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Work {
    /// Number of allocations (and reallocations).
    pub allocs: u64,
    /// Bytes requested, summed over all allocations.
    pub bytes: u64,
    /// Highest number of live bytes above what was live at the start.
    pub peak: u64,
}

/// Runs `f` on this thread and returns what it allocated. Only meaningful in
/// a test crate that installed [`Counting`].
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Work) {
    let allocs0 = ALLOCS.with(Cell::get);
    let bytes0 = BYTES.with(Cell::get);
    let live0 = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(live0));
    let r = f();
    let work = Work {
        allocs: ALLOCS.with(Cell::get) - allocs0,
        bytes: BYTES.with(Cell::get) - bytes0,
        peak: (PEAK.with(Cell::get) - live0).max(0) as u64,
    };
    (r, work)
}

/// Runs `f` on a worker thread and fails the test if it has not returned
/// after `secs` seconds. This is a backstop against hangs only (a quadratic
/// parser on a 10⁶-character input would otherwise run for hours); the tests
/// assert linearity on [`Work`], never on time.
pub fn within<R: Send + 'static>(
    secs: u64,
    what: &str,
    f: impl FnOnce() -> R + Send + 'static,
) -> R {
    let (tx, rx) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name(what.to_owned())
        .stack_size(8 << 20)
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn a worker");
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(r) => {
            let _ = handle.join();
            r
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: no result after {secs} s: the parser hangs or is not linear")
        }
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            // the worker panicked: re-raise its panic here
            match handle.join() {
                Err(p) => std::panic::resume_unwind(p),
                Ok(()) => unreachable!("the worker neither sent nor panicked"),
            }
        }
    }
}

/// The repository root (perf-core's parent).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("perf-core has a parent")
        .to_path_buf()
}

/// The corpus documents, as (file name, bytes), sorted by name.
pub fn corpus() -> Vec<(String, Vec<u8>)> {
    files_in(&repo_root().join("testdata").join("corpus"))
}

/// Every regular file directly in `dir`, as (file name, bytes), sorted by
/// name; empty if `dir` does not exist.
pub fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<(String, Vec<u8>)> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let bytes = std::fs::read(e.path()).expect("read a test file");
            (name, bytes)
        })
        .collect();
    files.sort();
    files
}

/// The first lines of a project table in the tab-rows layout (002), up to and
/// including the indicator header. Rows of `一级\t二级\t三级\t描述\t指标值\t依据`
/// follow it.
pub const TAB_ROWS_HEAD: &str = "第二部分\n\n预算项目绩效目标\n\n\
1. 2025 年测试经费绩效目标表\n\n\
323001 测试县人力资源和社会保障局本级\n\n\
单位：万元\n\n\
项目编码\t13082225P000169100010\t\t项目名称\t2025 年测试经费\t\t\n\
预算规模及 资金用途\t预算数\t126.15\t其中：财政 资金\t126.15\t其他资金\t\n\
\t测试经费\t\t\t\t\t\n\
资金支出计 划（%）\t3 月底\t\t6 月底\t\t10 月底\t12 月底\n\
\t25%\t\t50%\t\t75%\t100%\n\
绩效目标\t1. 提升政务服务水平提高工作效率\t\t\t\t\t\n\
一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n";

/// A tab-rows document: [`TAB_ROWS_HEAD`] then one line per row, cells
/// joined with tabs.
pub fn tab_rows_doc(rows: &[Vec<String>]) -> String {
    let mut s = String::from(TAB_ROWS_HEAD);
    for row in rows {
        s.push_str(&row.join("\t"));
        s.push('\n');
    }
    s
}

/// The first lines of a project table in the cell-per-line layout (001, 003):
/// each cell on its own line starting with a tab, a blank line between rows.
pub const CELL_PER_LINE_HEAD: &str = "第二部分 预算项目绩效目标\n\
1、测试经费绩效目标表\n\n\
\t绩效目标\n\t及时将资金拨入社会保险基金财政专户。\n\n\n\n\
\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n";

/// A cell-per-line document: [`CELL_PER_LINE_HEAD`] then each row as lines of
/// `\t<cell>` and a blank line.
pub fn cell_per_line_doc(rows: &[Vec<String>]) -> String {
    let mut s = String::from(CELL_PER_LINE_HEAD);
    for row in rows {
        for cell in row {
            s.push('\t');
            s.push_str(cell);
            s.push('\n');
        }
        s.push('\n');
    }
    s
}

/// The first paragraphs of a project table as docx2txt writes a Word
/// document (paragraph-cells): every paragraph, table cells included,
/// preceded by a blank line, nothing between cells or rows.
pub const PARAGRAPH_CELLS_HEAD: &str = "第二部分 预算项目绩效目标\n\n\
1、测试经费绩效目标表\n\n\
绩效目标\n\n及时将资金拨入社会保险基金财政专户。\n\n\n\n\n\n\
一级指标\n\n二级指标\n\n三级指标\n\n绩效指标描述\n\n指标值\n\n指标值确定依据";

/// A paragraph-cells document: [`PARAGRAPH_CELLS_HEAD`] then every cell as
/// `\n\n<cell>` (an empty cell is an empty paragraph: the blank line alone).
pub fn paragraph_cells_doc(rows: &[Vec<String>]) -> String {
    let mut s = String::from(PARAGRAPH_CELLS_HEAD);
    for cell in rows.iter().flatten() {
        s.push_str("\n\n");
        s.push_str(cell);
    }
    s.push('\n');
    s
}

/// The first paragraphs of a project table as `pdftotext` (without
/// `-layout`) or PyMuPDF write a PDF table: no empty paragraph anywhere.
pub const COMPACT_HEAD: &str = "第二部分 预算项目绩效目标\n\
1、测试经费绩效目标表\n\
绩效目标\n及时将资金拨入社会保险基金财政专户。\n\
一级指标\n二级指标\n三级指标\n绩效指标描述\n指标值\n指标值确定依据";

/// A compact paragraph-cells document: [`COMPACT_HEAD`] then every
/// non-empty cell after `sep` (`"\n"`: a line each, as PyMuPDF writes;
/// `"\n\n"`: a blank line between, as `pdftotext` does); an empty cell is
/// not written at all.
pub fn compact_doc(rows: &[Vec<String>], sep: &str) -> String {
    let mut s = COMPACT_HEAD.replace('\n', sep);
    for cell in rows.iter().flatten().filter(|c| !c.trim().is_empty()) {
        s.push_str(sep);
        s.push_str(cell);
    }
    s.push('\n');
    s
}

/// A Markdown pipe-table document: a heading, the indicator header and its
/// rule, then a row per line, `|` between cells.
pub fn pipe_table_doc(rows: &[Vec<String>]) -> String {
    let mut s = String::from(
        "## 1、测试经费绩效目标表\n\n|一级指标|二级指标|三级指标|绩效指标描述|指标值|指标值确定依据|\n\
         |---|---|---|---|---|---|\n",
    );
    for row in rows {
        s.push('|');
        for cell in row {
            s.push_str(&cell.replace('\\', "\\\\").replace('|', "\\|"));
            s.push('|');
        }
        s.push('\n');
    }
    s
}

/// Every string the output of a document holds: fields of projects and
/// indicators, value raws (also with white space removed), goals, and
/// diagnostic messages. Used to check that no cell was silently dropped.
pub fn output_texts(doc: &perf_core::Document) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |s: &Option<String>| {
        if let Some(s) = s {
            out.push(s.clone());
        }
    };
    for p in &doc.projects {
        push(&p.code);
        push(&p.name);
        push(&p.unit_name);
        push(&p.amount_unit);
    }
    let mut out: Vec<String> = out;
    for p in &doc.projects {
        out.extend(p.goals.iter().cloned());
    }
    let rows = doc
        .projects
        .iter()
        .flat_map(|p| p.indicators.iter())
        .chain(doc.department_indicators.iter());
    for ind in rows {
        for f in [
            &ind.level1,
            &ind.level2,
            &ind.level3,
            &ind.description,
            &ind.basis,
            &ind.scoring,
        ]
        .into_iter()
        .flatten()
        {
            out.push(f.clone());
        }
        out.push(ind.value.raw.to_string());
    }
    for d in &doc.diagnostics {
        out.push(d.message.clone());
    }
    out
}

/// Whether `c` is blank for a reader: white space, or U+FEFF (a byte-order
/// mark or zero-width no-break space, invisible in every viewer).
pub fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// `s` without any blank character (cells may be trimmed, or re-joined
/// across line breaks).
pub fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !is_blank(*c)).collect()
}
