//! Parsing every distinct 指标值 cell of the corpus (testdata/values.txt).
//!
//! `cargo bench -p perf-benches --bench values`; the time per element is the
//! time per cell.

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use perf_core::Value;

const VALUES: &str = include_str!("../../testdata/values.txt");

fn cells() -> Vec<&'static str> {
    VALUES.lines().collect()
}

fn parse(c: &mut Criterion) {
    let cells = cells();
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
