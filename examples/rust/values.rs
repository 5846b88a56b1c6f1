//! Reads one 指标值 cell per line on stdin and prints one SPEC §3 JSON
//! object per line, in order — also for empty lines.
//!
//! ```text
//! printf '≥95 百分比\n长期\n' | cargo run --release --example values
//! ```

use std::io::{self, BufRead, BufWriter, Write};

use perf_core::Value;

fn main() -> io::Result<()> {
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.split(b'\n') {
        let mut line = line?;
        if line.last() == Some(&b'\r') {
            line.pop();
        }
        let json = match Value::parse_bytes(&line) {
            Ok(v) => serde_json::to_string(&v),
            // Not UTF-8: the cell is kept, lossily decoded, and noted by kind.
            Err(_) => serde_json::to_string(&Value::parse(&String::from_utf8_lossy(&line))),
        }
        .map_err(io::Error::other)?;
        out.write_all(json.as_bytes())?;
        out.write_all(b"\n")?;
    }
    out.flush()
}
