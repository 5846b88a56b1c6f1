//! Benchmarks live in benches/benches/; this library gathers their inputs so
//! the criterion benchmark and the `values_loop` driver (for callgrind and
//! `perf stat`) measure the same cells.

use perf_core::{Document, Indicator};

/// Every distinct 指标值 cell of the corpus (testdata/values.txt), one per line.
pub fn distinct_cells() -> Vec<&'static str> {
    include_str!("../../testdata/values.txt").lines().collect()
}

/// The five corpus documents.
const CORPUS: [&str; 5] = [
    include_str!("../../testdata/corpus/000_26c0e81b99aebee4.txt"),
    include_str!("../../testdata/corpus/001_de4f69880376c8d0.txt"),
    include_str!("../../testdata/corpus/002_7ffc55b75e786c19.txt"),
    include_str!("../../testdata/corpus/003_c887e95a5caa2111.txt"),
    include_str!("../../testdata/corpus/004_0278ae6ca19558b4.txt"),
];

/// The 指标值 cells as they occur in the corpus documents: every indicator
/// row of every project and department table, in document order, with
/// repetition (`100%` appears many times). Gathered with
/// [`Document::parse`], each cell exactly as the document reader hands it
/// to `Value::parse` (`value.raw`).
pub fn occurring_cells() -> Vec<String> {
    let mut cells = Vec::new();
    for text in CORPUS {
        let doc = Document::parse(text).expect("corpus document parses");
        let rows = doc
            .projects
            .iter()
            .flat_map(|p| &p.indicators)
            .chain(&doc.department_indicators);
        cells.extend(rows.map(|i: &Indicator| i.value.raw.to_string()));
    }
    cells
}
