//! Parsing the 指标值 cells of the corpus: every distinct cell
//! (testdata/values.txt) and every cell as it occurs in the five documents
//! (with repetition, as `Document::parse` hands them to `Value::parse`).
//!
//! `cargo bench -p perf-benches --bench values`; the time per element is the
//! time per cell.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use perf_benches::{distinct_cells, occurring_cells};
use perf_core::Value;

fn parse(c: &mut Criterion) {
    let cells = distinct_cells();
    let occurring = occurring_cells();
    // cells written without white space or full-width forms: the zero-copy path
    let plain: Vec<&str> = cells
        .iter()
        .copied()
        .filter(|c| {
            !c.chars().any(|ch| {
                ch.is_whitespace()
                    || ('\u{FF01}'..='\u{FF5E}').contains(&ch)
                    || matches!(ch, '≦' | '≧' | '〜')
            })
        })
        .collect();

    let mut g = c.benchmark_group("value_parse");
    g.throughput(Throughput::Elements(cells.len() as u64));
    g.bench_function("corpus_all", |b| {
        b.iter(|| {
            for cell in &cells {
                black_box(Value::parse(black_box(cell)));
            }
        })
    });
    g.throughput(Throughput::Elements(occurring.len() as u64));
    g.bench_function("corpus_occurring", |b| {
        b.iter(|| {
            for cell in &occurring {
                black_box(Value::parse(black_box(cell)));
            }
        })
    });
    g.throughput(Throughput::Elements(plain.len() as u64));
    g.bench_function("corpus_plain", |b| {
        b.iter(|| {
            for cell in &plain {
                black_box(Value::parse(black_box(cell)));
            }
        })
    });
    g.finish();

    let mut g = c.benchmark_group("value_json");
    g.throughput(Throughput::Elements(cells.len() as u64));
    let mut out = Vec::with_capacity(1 << 16);
    g.bench_function("corpus_all", |b| {
        b.iter(|| {
            out.clear();
            for cell in &cells {
                serde_json::to_writer(&mut out, &Value::parse(black_box(cell))).expect("json");
            }
            black_box(&out);
        })
    });
    g.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
