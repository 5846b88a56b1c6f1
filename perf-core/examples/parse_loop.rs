//! Profiling driver: reads each file given, then parses every one N times
//! (`PARSE_LOOPS`, default 1) with `Document::parse_bytes`, writing nothing.
//! `valgrind --tool=callgrind target/release/examples/parse_loop testdata/corpus/*.txt`

fn main() {
    let loops: usize = std::env::var("PARSE_LOOPS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let files: Vec<Vec<u8>> = std::env::args()
        .skip(1)
        .map(|p| std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}")))
        .collect();
    let mut projects = 0usize;
    for _ in 0..loops {
        for bytes in &files {
            let doc = perf_core::Document::parse_bytes(bytes).expect("parses");
            projects += doc.projects.len();
        }
    }
    println!("{projects}");
}
