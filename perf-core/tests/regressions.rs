//! One test per bug that fuzzing, the hostile inputs or the conservation
//! property found (issue 7). Each names how it was found and what was wrong;
//! each failed before its fix. Inputs found by libFuzzer are also kept under
//! `fuzz/artifacts/<target>/`, which `fuzz_replay.rs` replays.

mod robust_support;

use perf_core::{Document, ErrorKind, Value};
use robust_support::{tab_rows_doc, TAB_ROWS_HEAD};

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|s| s.to_string()).collect()
}

/// Found by `conservation::extra_cells_are_not_cut_off`: a tab-rows cell in a
/// column the header does not name (past 指标值确定依据) was dropped without
/// a trace. It is now an `unplaced-line` warning on the row's line that
/// quotes the cell.
#[test]
fn cell_outside_the_header_columns_is_reported() {
    let rows = vec![row(&[
        "产出指标",
        "数量指标",
        "劳务派遣人数",
        "",
        "29 人",
        "",
        "备注：含临时工",
    ])];
    let doc = Document::parse(&tab_rows_doc(&rows)).expect("reads");
    let line = TAB_ROWS_HEAD.lines().count() as u32 + 1;
    let ind = &doc.projects[0].indicators[0];
    assert_eq!(ind.line, line);
    assert_eq!(ind.value.raw, "29 人");
    assert_eq!(ind.basis, None);
    let d: Vec<_> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == "unplaced-line")
        .collect();
    assert_eq!(d.len(), 1, "{:?}", doc.diagnostics);
    assert_eq!(d[0].line, Some(line));
    assert!(d[0].message.contains("备注：含临时工"), "{}", d[0].message);
}

/// Invalid UTF-8 handed to the value entry is an error naming the line of
/// the first bad byte, not a panic and not a guess.
#[test]
fn value_bytes_that_are_not_utf8_name_their_line() {
    let err = Value::parse_bytes(b"95%\n\xFF").expect_err("not UTF-8");
    assert_eq!(err.kind, ErrorKind::InvalidUtf8);
    assert_eq!(err.line, 2);
    assert_eq!(err.offset, 4);
}

/// Found by the `document` fuzz target (fuzz/artifacts/document/crash-5779…):
/// in the wrapped layout, a damaged header whose first column is 指标值 made
/// `vc - pre_cols - 1` underflow in `wrapped.rs` (`emit`): a panic in debug
/// builds, a wrapped index in release. The 二级指标 text now goes to column 1.
#[test]
fn wrapped_header_starting_with_the_value_column_does_not_underflow() {
    let data = include_bytes!(
        "../../fuzz/artifacts/document/crash-577916a6b4ddf5e0722c977dcd992990d168398d"
    );
    // The mutated header holds no usable table: either outcome below is a
    // correct answer; a panic (or reading past the row) is not.
    match Document::parse_bytes(data) {
        Ok(doc) => assert_eq!(doc.source.layout.as_str(), "wrapped"),
        Err(e) => {
            assert_eq!(e.kind, ErrorKind::NoTables);
            assert_eq!(e.line, 1);
        }
    }
}
