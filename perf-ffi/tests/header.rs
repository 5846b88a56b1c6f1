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
    for name in &exported {
        assert!(name.starts_with("perf_"), "{name} lacks the perf_ prefix");
        assert!(
            header.contains(&format!(" {name}(")) || header.contains(&format!("*{name}(")),
            "{name} is not declared in the header"
        );
    }
}
