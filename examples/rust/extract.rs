//! Extract every project table from budget performance documents.
//!
//! ```text
//! cargo run --release --example extract -- FILE... [--format json|csv]
//! ```
//! JSON prints one SPEC §3 document per file (one per line when several
//! files are given, pretty-printed for one); CSV prints one header row and
//! one row per indicator. A file that cannot be read stops the run with a
//! message naming the file and line, and a non-zero exit status.

use std::io::Write;
use std::process::ExitCode;

use perf_core::document::csv;
use perf_core::Document;

fn main() -> ExitCode {
    let mut files = Vec::new();
    let mut format = String::from("json");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--format" {
            format = args.next().unwrap_or_default();
        } else if let Some(f) = a.strip_prefix("--format=") {
            format = f.to_string();
        } else if a == "-h" || a == "--help" {
            println!("usage: extract FILE... [--format json|csv]");
            return ExitCode::SUCCESS;
        } else {
            files.push(a);
        }
    }
    if files.is_empty() || !(format == "json" || format == "csv") {
        eprintln!("usage: extract FILE... [--format json|csv]");
        return ExitCode::from(2);
    }
    let mut out = String::new();
    if format == "csv" {
        out.push_str(csv::HEADER);
        out.push('\n');
    }
    for f in &files {
        let bytes = match std::fs::read(f) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{f}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let doc = match Document::parse_bytes(&bytes) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{f}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if format == "csv" {
            csv::write_rows(&mut out, f, &doc);
        } else if files.len() == 1 {
            out.push_str(&doc.to_json());
            out.push('\n');
        } else {
            out.push_str(&doc.to_json_compact());
            out.push('\n');
        }
    }
    let mut stdout = std::io::stdout().lock();
    if stdout.write_all(out.as_bytes()).is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
