//! The corpus in every encoding a crawler or an export can hand us reads to
//! the same document as the UTF-8 original; only `source.encoding` differs.
//! Undecodable bytes are a diagnostic (or an error) naming their line.
//!
//! encoding_rs encodes GB18030 and GBK but not UTF-16 (the WHATWG Encoding
//! Standard has no UTF-16 encoder), so UTF-16LE/BE are written by hand here,
//! each with its byte-order mark.

mod robust_support;

use perf_core::{Document, ErrorKind};
use robust_support::corpus;

fn original(name: &str, bytes: &[u8]) -> Document {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    Document::parse(text).unwrap_or_else(|e| panic!("{name} does not read: {e}"))
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn gb(text: &str, enc: &'static encoding_rs::Encoding) -> Vec<u8> {
    let (bytes, used, unmappable) = enc.encode(text);
    assert_eq!(used, enc, "encoding_rs encoded with another encoding");
    assert!(
        !unmappable,
        "the corpus has a character {} cannot hold",
        enc.name()
    );
    bytes.into_owned()
}

/// Every transcoding of `text`, named, with the encoding the reader must report.
fn transcodings(text: &str) -> Vec<(&'static str, Vec<u8>, &'static [&'static str])> {
    let crlf = text.replace('\n', "\r\n");
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let mut bom_crlf = vec![0xEF, 0xBB, 0xBF];
    bom_crlf.extend_from_slice(crlf.as_bytes());
    const GB: &[&str] = &["GB18030", "gb18030", "GBK", "gbk"];
    vec![
        ("GB18030", gb(text, encoding_rs::GB18030), GB),
        ("GB18030 + CRLF", gb(&crlf, encoding_rs::GB18030), GB),
        ("GBK", gb(text, encoding_rs::GBK), GB),
        ("UTF-16LE + BOM", utf16(text, false), &["UTF-16LE"]),
        ("UTF-16BE + BOM", utf16(text, true), &["UTF-16BE"]),
        ("UTF-16LE + BOM + CRLF", utf16(&crlf, false), &["UTF-16LE"]),
        ("UTF-8 + BOM", bom, &["UTF-8"]),
        ("UTF-8 + CRLF", crlf.into_bytes(), &["UTF-8"]),
        ("UTF-8 + BOM + CRLF", bom_crlf, &["UTF-8"]),
    ]
}

#[test]
fn every_transcoding_reads_to_the_same_document() {
    let files = corpus();
    assert_eq!(files.len(), 5, "the corpus is testdata/corpus/*.txt");
    for (name, bytes) in &files {
        let want = original(name, bytes);
        assert!(!want.projects.is_empty(), "{name}: no project read");
        let text = std::str::from_utf8(bytes).expect("utf-8");
        for (how, data, encodings) in transcodings(text) {
            let mut got = Document::parse_bytes(&data)
                .unwrap_or_else(|e| panic!("{name} as {how} does not read: {e}"));
            assert!(
                encodings.contains(&got.source.encoding),
                "{name} as {how}: source.encoding is {}",
                got.source.encoding
            );
            got.source.encoding = want.source.encoding;
            if got != want {
                // Name the first difference rather than dump two documents.
                let a = serde_json::to_string_pretty(&want).expect("json");
                let b = serde_json::to_string_pretty(&got).expect("json");
                let (i, (x, y)) = a
                    .lines()
                    .zip(b.lines())
                    .enumerate()
                    .find(|(_, (x, y))| x != y)
                    .unwrap_or((0, ("(lengths differ)", "")));
                panic!(
                    "{name} as {how} reads differently, JSON line {i}:\n  utf-8: {x}\n  {how}: {y}"
                );
            }
        }
    }
}

/// The original UTF-8 bytes read through `parse_bytes` are the same as
/// through `parse`, encoding included.
#[test]
fn utf8_bytes_read_as_text() {
    for (name, bytes) in corpus() {
        let want = original(&name, &bytes);
        let got = Document::parse_bytes(&bytes).expect("reads");
        assert_eq!(got.source.encoding, "UTF-8", "{name}");
        assert_eq!(got, want, "{name}");
    }
}

/// Finds the 1-based line of the first occurrence of `needle`.
fn line_of(text: &str, needle: &str) -> u32 {
    let at = text.find(needle).expect("needle in text");
    text[..at].matches('\n').count() as u32 + 1
}

/// Bytes that are text in no encoding, in the middle of a UTF-8 document,
/// are reported with their line, and the rest of the document is still read.
#[test]
fn undecodable_bytes_in_utf8_are_a_diagnostic_with_the_line() {
    for (name, bytes) in corpus() {
        let text = std::str::from_utf8(&bytes).expect("utf-8");
        let want = original(&name, &bytes);
        // Break the line that holds the first indicator header: put bytes
        // that no UTF-8 (and no GB18030) reading can take at its end.
        let line = line_of(text, "一级指标");
        let cut = text
            .match_indices('\n')
            .nth(line as usize - 1)
            .map(|(i, _)| i)
            .expect("a line break after the header");
        let mut data = bytes[..cut].to_vec();
        data.extend_from_slice(b"\xFF\xC0\x80");
        data.extend_from_slice(&bytes[cut..]);
        match Document::parse_bytes(&data) {
            Ok(doc) => {
                let decode: Vec<_> = doc
                    .diagnostics
                    .iter()
                    .filter(|d| d.code == "decode-error")
                    .collect();
                assert_eq!(decode.len(), 1, "{name}: {:?}", doc.diagnostics);
                assert_eq!(decode[0].line, Some(line), "{name}: names another line");
                assert_eq!(
                    doc.projects.len(),
                    want.projects.len(),
                    "{name}: a bad byte on one line lost projects"
                );
            }
            Err(e) => {
                assert_eq!(e.kind, ErrorKind::Undecodable, "{name}: {e}");
                assert_eq!(e.line, line, "{name}: the error names another line");
            }
        }
    }
}

/// A UTF-16 document cut in the middle of a code unit, or with a lone
/// surrogate, never panics; the damage is reported.
#[test]
fn broken_utf16_is_reported_not_a_panic() {
    let (name, bytes) = &corpus()[2];
    let text = std::str::from_utf8(bytes).expect("utf-8");
    let mut odd = utf16(text, false);
    odd.push(0x41); // half a code unit at the end
    let mut lone = utf16(text, false);
    let at = (lone.len() / 2) & !1;
    lone.splice(at..at, [0x00, 0xD8]); // a lone high surrogate
    for (how, data) in [("odd length", odd), ("lone surrogate", lone)] {
        match Document::parse_bytes(&data) {
            Ok(doc) => assert!(
                doc.diagnostics
                    .iter()
                    .any(|d| d.code == "decode-error" && d.line.is_some()),
                "{name} as UTF-16 with {how}: no diagnostic: {:?}",
                doc.diagnostics
            ),
            Err(e) => assert_eq!(e.kind, ErrorKind::Undecodable, "{name} {how}: {e}"),
        }
    }
}
