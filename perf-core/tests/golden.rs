//! Golden documents: every file in testdata/corpus/ parsed to the SPEC §3
//! JSON and compared with testdata/golden/<NNN>.json (the file name's
//! three-digit prefix). Regenerate with `PERF_UPDATE_GOLDEN=1 cargo test
//! -p perf-core --test golden`, then read the diff row by row against the
//! text before committing it.

use std::path::{Path, PathBuf};

use perf_core::Document;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("testdata")
}

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("testdata/corpus exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_document_matches_its_golden() {
    let update = std::env::var_os("PERF_UPDATE_GOLDEN").is_some();
    let files = corpus();
    assert!(!files.is_empty(), "no corpus files");
    let mut failures = Vec::new();
    for f in &files {
        let bytes = std::fs::read(f).expect("corpus file readable");
        let doc = Document::parse_bytes(&bytes).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let json = doc.to_json() + "\n";
        let stem = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let golden = root().join("golden").join(format!("{}.json", &stem[..3]));
        if update {
            std::fs::write(&golden, &json).expect("golden writable");
            continue;
        }
        let want = std::fs::read_to_string(&golden).unwrap_or_else(|_| {
            panic!(
                "{} missing; run with PERF_UPDATE_GOLDEN=1",
                golden.display()
            )
        });
        if want != json {
            let first = want
                .lines()
                .zip(json.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(want.lines().count().min(json.lines().count()));
            failures.push(format!(
                "{}: differs from {} at line {}:\n  want: {}\n  got:  {}",
                f.display(),
                golden.display(),
                first + 1,
                want.lines().nth(first).unwrap_or(""),
                json.lines().nth(first).unwrap_or("")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Counts verified by hand against the text (see docs/DOCUMENTS.md).
#[test]
fn corpus_counts() {
    let expect = [
        // (layout, projects, project indicators, department indicators)
        ("wrapped", 36, 251, 0),
        ("cell-per-line", 30, 232, 15),
        ("tab-rows", 22, 132, 0),
        ("cell-per-line", 30, 234, 0),
        ("tab-rows", 17, 153, 9),
    ];
    let files = corpus();
    assert_eq!(files.len(), expect.len());
    for (f, (layout, projects, inds, dept)) in files.iter().zip(expect) {
        let doc = Document::parse_bytes(&std::fs::read(f).unwrap()).unwrap();
        let n: usize = doc.projects.iter().map(|p| p.indicators.len()).sum();
        assert_eq!(
            (
                doc.source.layout.as_str(),
                doc.projects.len(),
                n,
                doc.department_indicators.len()
            ),
            (layout, projects, inds, dept),
            "{}",
            f.display()
        );
        for (i, p) in doc.projects.iter().enumerate() {
            assert_eq!(p.index as usize, i + 1);
            assert!(
                !p.indicators.is_empty(),
                "{} project {}",
                f.display(),
                p.index
            );
        }
    }
}
