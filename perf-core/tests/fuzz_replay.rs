//! Replays every committed fuzz input on the stable toolchain, so `cargo test`
//! exercises what the fuzzers were seeded with and what they ever found,
//! without nightly or libFuzzer: `fuzz/corpus/value/*` and
//! `fuzz/corpus/document/*` (the seeds, scripts/fuzz-seeds.py) and
//! `fuzz/artifacts/<target>/*` (crashes kept after they were fixed).
//! The rules checked are the fuzz targets' own (`fuzz/invariants.rs`).

mod robust_support;

#[path = "../../fuzz/invariants.rs"]
mod invariants;

use robust_support::{files_in, repo_root};

#[test]
fn value_seeds_and_artifacts() {
    let fuzz = repo_root().join("fuzz");
    let seeds = files_in(&fuzz.join("corpus").join("value"));
    assert!(
        seeds.len() >= 100,
        "the value seeds are missing: run scripts/fuzz-seeds.py"
    );
    let mut n = 0;
    for dir in ["value", "ffi_value"] {
        for (name, data) in files_in(&fuzz.join("artifacts").join(dir)) {
            eprintln!("artifact {dir}/{name}");
            invariants::check_value_bytes(&data);
            n += 1;
        }
    }
    for (_, data) in &seeds {
        invariants::check_value_bytes(data);
        n += 1;
    }
    eprintln!("{n} value inputs replayed");
}

#[test]
fn document_seeds_and_artifacts() {
    let fuzz = repo_root().join("fuzz");
    let seeds = files_in(&fuzz.join("corpus").join("document"));
    assert!(
        seeds.len() >= 20,
        "the document seeds are missing: run scripts/fuzz-seeds.py"
    );
    let mut read = 0;
    for dir in ["document", "ffi_document"] {
        for (name, data) in files_in(&fuzz.join("artifacts").join(dir)) {
            eprintln!("artifact {dir}/{name}");
            invariants::check_document_bytes(&data);
        }
    }
    for (_, data) in &seeds {
        if invariants::check_document_bytes(data).is_some() {
            read += 1;
        }
    }
    // The seeds are windows of real documents: many hold a table. If none
    // reads, the replay checks nothing past the error path.
    assert!(
        read * 4 >= seeds.len(),
        "only {read} of {} document seeds read as documents",
        seeds.len()
    );
}

#[test]
fn corpus_documents_keep_the_invariants() {
    for (name, data) in robust_support::corpus() {
        let doc = invariants::check_document_bytes(&data);
        assert!(doc.is_some(), "{name} does not read");
    }
}
