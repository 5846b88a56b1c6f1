//! Whole-document throughput: every file of testdata/corpus/ read from
//! bytes (decode, layout detection, reader, assembly, value grammar,
//! checks), reported in bytes per second per file and for the corpus.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use perf_core::Document;

fn corpus() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/corpus")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("?")[..3].to_string();
            (name, std::fs::read(&p).expect("readable"))
        })
        .collect()
}

fn documents(c: &mut Criterion) {
    let files = corpus();
    let mut g = c.benchmark_group("document");
    for (name, bytes) in &files {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| Document::parse_bytes(black_box(bytes)).expect("parses"))
        });
    }
    let total: u64 = files.iter().map(|(_, b)| b.len() as u64).sum();
    g.throughput(Throughput::Bytes(total));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            for (_, bytes) in &files {
                black_box(Document::parse_bytes(black_box(bytes)).expect("parses"));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, documents);
criterion_main!(benches);
