//! What must hold for ANY input, checked by the fuzz targets and, on the stable
//! toolchain, by `perf-core/tests/fuzz_replay.rs` over every committed seed.
//!
//! Shared by `#[path]` include, so it may only use `perf_core` and `serde_json`.
//! Each check panics with a message naming the broken rule: under libFuzzer a
//! panic is a crash, and the input is saved under `fuzz/artifacts/<target>/`.
#![allow(dead_code)] // each includer uses only its own half

use perf_core::{Document, Kind, Value};

/// The rules for one 指标值 cell given as bytes.
pub fn check_value_bytes(data: &[u8]) {
    match std::str::from_utf8(data) {
        Ok(text) => {
            check_value_str(text);
            let from_bytes = Value::parse_bytes(data)
                .unwrap_or_else(|e| panic!("parse_bytes refused valid UTF-8: {e}"));
            assert_eq!(
                from_bytes,
                Value::parse(text),
                "parse_bytes and parse disagree on valid UTF-8"
            );
        }
        Err(_) => {
            // Not UTF-8: a clear error, never a panic and never a guess.
            let err = Value::parse_bytes(data).expect_err("parse_bytes accepted invalid UTF-8");
            assert!(!err.to_string().is_empty(), "an error must say something");
        }
    }
}

/// The rules for one 指标值 cell given as text.
pub fn check_value_str(text: &str) {
    let v = Value::parse(text);
    // Nothing is ever dropped: `raw` always holds the cell as given (SPEC §2).
    assert_eq!(v.raw, text, "raw is not the cell as given");
    // The same cell always gives the same value.
    assert_eq!(v, Value::parse(text), "parse is not deterministic");
    // The 计算符号 code follows the kind (SPEC §2, last paragraph).
    match v.kind() {
        Kind::Qualitative | Kind::Text => assert_eq!(v.cmp_code(), Some(6), "定性 code"),
        Kind::Empty => assert_eq!(v.cmp_code(), None, "empty has no code"),
        Kind::Quantity | Kind::Range | Kind::Time => {
            assert_eq!(v.cmp_code(), v.cmp().and_then(|c| c.code()), "cmp_code")
        }
    }
    // The JSON interchange always serialises and carries raw and kind.
    let json = serde_json::to_value(&v).expect("a value always serialises");
    assert_eq!(json["raw"].as_str(), Some(text), "JSON raw");
    assert!(json["kind"].is_string(), "JSON kind");
    // Owning a value changes nothing.
    assert_eq!(v.clone().into_owned(), v, "into_owned changed the value");
}

/// The rules for a whole document given as bytes. Returns the document (if
/// one was read) so callers can check more.
pub fn check_document_bytes(data: &[u8]) -> Option<Document> {
    // A line can only be named if it exists: an upper bound on line numbers
    // that holds in every encoding (each line takes at least one byte).
    let max_line = data.len() as u64 + 1;
    // (Determinism is checked below on UTF-8 input, where `parse` must give
    // the same document: one extra parse, not two, keeps the target fast.)
    match Document::parse_bytes(data) {
        Ok(doc) => {
            let json = serde_json::to_value(&doc).expect("a document always serialises");
            assert_eq!(json["schema"], "perf.v1");
            let rows = doc
                .projects
                .iter()
                .flat_map(|p| p.indicators.iter())
                .chain(doc.department_indicators.iter());
            for ind in rows {
                assert!(
                    ind.line >= 1 && u64::from(ind.line) <= max_line,
                    "indicator line {} out of 1..={max_line}",
                    ind.line
                );
                check_value_str(&ind.value.raw);
            }
            for p in &doc.projects {
                assert!(p.line >= 1 && u64::from(p.line) <= max_line, "project line");
            }
            for d in &doc.diagnostics {
                if let Some(line) = d.line {
                    assert!(line >= 1 && u64::from(line) <= max_line, "diagnostic line");
                }
                assert!(!d.code.is_empty(), "diagnostic without a code");
            }
            // Text given as UTF-8 (no BOM) reads the same through either entry.
            if let Ok(text) = std::str::from_utf8(data) {
                if !text.starts_with('\u{feff}') {
                    assert_eq!(
                        Document::parse(text).as_ref(),
                        Ok(&doc),
                        "parse and parse_bytes disagree on UTF-8"
                    );
                }
            }
            Some(doc)
        }
        Err(err) => {
            assert!(
                err.line >= 1 && u64::from(err.line) <= max_line,
                "error line {} out of 1..={max_line}",
                err.line
            );
            assert!(err.to_string().contains(&format!("line {}", err.line)));
            None
        }
    }
}
