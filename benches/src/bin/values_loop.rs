//! A fixed amount of `Value::parse` work for instruction counts and CPU time,
//! which a shared machine does not distort the way it distorts wall time.
//!
//! ```sh
//! cargo build --release -p perf-benches --bin values_loop
//! # instructions per cell: (count at R rounds − count at 1 round) / ((R − 1) × cells)
//! valgrind --tool=callgrind target/release/values_loop distinct 11
//! perf stat -e task-clock,instructions target/release/values_loop occurring 2000
//! ```
//!
//! Arguments: `distinct` (the distinct cells, testdata/values.txt),
//! `occurring` (every 指标值 cell of the corpus documents, with repetition)
//! or a line number of testdata/values.txt (that one cell alone),
//! then the number of rounds. The cells are gathered before the first round;
//! the driver prints the cell count and the rounds.

use std::hint::black_box;

use perf_benches::{distinct_cells, occurring_cells};
use perf_core::Value;

fn main() {
    let mut args = std::env::args().skip(1);
    let set = args.next().unwrap_or_else(|| "distinct".into());
    let rounds: u32 = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let owned;
    let cells: Vec<&str> = match set.as_str() {
        "distinct" => distinct_cells(),
        // one distinct cell by its line index (instructions per cell)
        one if one.parse::<usize>().is_ok() => {
            let i: usize = one.parse().unwrap_or(0);
            distinct_cells().into_iter().skip(i).take(1).collect()
        }
        "occurring" => {
            owned = occurring_cells();
            owned.iter().map(String::as_str).collect()
        }
        other => {
            eprintln!("values_loop: unknown cell set {other:?} (distinct | occurring)");
            std::process::exit(2);
        }
    };
    parse_all(&cells, rounds);
    println!("{set}: {} cells × {rounds} rounds", cells.len());
}

#[inline(never)]
fn parse_all(cells: &[&str], rounds: u32) {
    for _ in 0..rounds {
        for cell in cells {
            black_box(Value::parse(black_box(cell)));
        }
    }
}
