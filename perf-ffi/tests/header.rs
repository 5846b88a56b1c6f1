//! The checked-in `include/perf_ffi.h` must be what cbindgen makes from the
//! sources now. `PERF_UPDATE_HEADER=1 cargo test -p perf-ffi --test header`
//! rewrites it.

use std::path::{Path, PathBuf};

fn generate() -> String {
    let crate_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut config = cbindgen::Config::from_file(crate_dir.join("cbindgen.toml"))
        .expect("perf-ffi/cbindgen.toml is valid");
    // The version macro comes from Cargo.toml, so a version bump makes the
    // checked-in header stale until it is regenerated.
    config.after_includes = Some(format!(
        "\n// The library version this header was generated from; perf_version()\n\
         // returns the version of the library actually linked.\n\
         #define PERF_VERSION \"{}\"",
        env!("CARGO_PKG_VERSION")
    ));
    let mut out = Vec::new();
    cbindgen::Builder::new()
        .with_crate(&crate_dir)
        .with_config(config)
        .generate()
        .expect("cbindgen generates the header")
        .write(&mut out);
    String::from_utf8(out).expect("the header is UTF-8")
}

fn header_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../include/perf_ffi.h")
}

#[test]
fn checked_in_header_is_current() {
    let fresh = generate();
    let path = header_path();
    if std::env::var_os("PERF_UPDATE_HEADER").is_some_and(|v| v == "1") {
        std::fs::write(&path, &fresh).expect("write include/perf_ffi.h");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != fresh {
        let line = current
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| current.lines().count().min(fresh.lines().count()))
            + 1;
        panic!(
            "include/perf_ffi.h is stale (first difference at line {line}); \
             run `PERF_UPDATE_HEADER=1 cargo test -p perf-ffi --test header` and commit it"
        );
    }
}

#[test]
fn header_declares_every_exported_function() {
    let header = generate();
    let src_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut exported = Vec::new();
    for entry in std::fs::read_dir(src_dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if line.trim() == "#[no_mangle]" {
                let sig = lines.next().unwrap();
                let name = sig
                    .split("fn ")
                    .nth(1)
                    .and_then(|s| s.split('(').next())
                    .unwrap()
                    .to_owned();
                exported.push(name);
            }
        }
    }
    assert!(exported.len() > 40, "found {} exports", exported.len());
    let lines: Vec<&str> = header.lines().collect();
    for name in &exported {
        assert!(name.starts_with("perf_"), "{name} lacks the perf_ prefix");
        let decl = lines.iter().position(|l| {
            let code = !l.starts_with("//") && !l.starts_with(" *") && !l.starts_with("/*");
            code && (l.contains(&format!(" {name}(")) || l.contains(&format!("*{name}(")))
        });
        let Some(decl) = decl else {
            panic!("{name} is not declared in the header");
        };
        // The comment block right above the declaration documents it,
        // including who may call it from which thread.
        let doc: Vec<&str> = lines[..decl]
            .iter()
            .rev()
            .take_while(|l| l.starts_with("//"))
            .copied()
            .collect();
        assert!(doc.len() >= 2, "{name} is undocumented in the header");
        assert!(
            doc.iter().any(|l| l.contains("Thread safety")),
            "{name}: the header does not say whether it is thread-safe"
        );
    }
}

/// Every exported body runs inside the boundary (`boundary::status`,
/// `boundary::guard`, or the `text_of` / `get` accessors built on `guard`),
/// so no panic unwinds into C.
#[test]
fn every_export_runs_inside_the_boundary() {
    let src_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut checked = 0;
    for entry in std::fs::read_dir(src_dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim() != "#[no_mangle]" {
                continue;
            }
            let name = lines[i + 1]
                .split("fn ")
                .nth(1)
                .unwrap()
                .split('(')
                .next()
                .unwrap();
            // The body: from the line that opens it to the closing brace at column 0.
            let open = (i + 1..lines.len())
                .find(|&j| lines[j].ends_with('{'))
                .unwrap();
            let close = (open..lines.len()).find(|&j| lines[j] == "}").unwrap();
            let body: Vec<&str> = lines[open + 1..close]
                .iter()
                .map(|l| l.trim())
                .filter(|l| !l.is_empty() && !l.starts_with("//"))
                .collect();
            let first = body.first().copied().unwrap_or("");
            let wrapped = [
                "boundary::status(",
                "boundary::guard(",
                "crate::boundary::guard(",
            ]
            .iter()
            .any(|b| first.starts_with(b))
                || (first == "unsafe {"
                    || first.starts_with("unsafe { text_of(")
                    || first.starts_with("unsafe { get("))
                    && body
                        .iter()
                        .any(|l| l.contains("text_of(") || l.contains("get("));
            assert!(
                wrapped,
                "{name}: the body does not start inside the boundary: {first:?}"
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "checked {checked} exports");
}
