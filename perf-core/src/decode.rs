//! Turning bytes into text with encoding_rs: a BOM decides; otherwise valid
//! UTF-8 is UTF-8, text that looks like UTF-16 without a BOM is UTF-16, and
//! anything else is read as GB18030 (a superset of GBK and GB2312). Bytes no
//! encoding can read become U+FFFD and a `decode-error` diagnostic naming
//! the line.

use std::borrow::Cow;

use encoding_rs::{Encoding, GB18030, UTF_16BE, UTF_16LE, UTF_8};

use crate::document::codes;
use crate::document::{Diagnostic, Severity};
use crate::error::{Error, ErrorKind};

/// Decoded text, the name of the encoding it came from, and what went wrong.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    /// `UTF-8`, `GB18030`, `UTF-16LE` or `UTF-16BE`.
    pub encoding: &'static str,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes `bytes`. Fails only when the input is empty or is not text in
/// any supported encoding (binary data).
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Error> {
    if bytes.is_empty() {
        return Err(Error::new(ErrorKind::Empty, 1, 0));
    }
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return finish(enc, &bytes[bom..], bom);
    }
    // encoding_rs validates UTF-8 faster than std on CJK text (and borrows)
    if let Some(text) = UTF_8.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(Decoded {
            text,
            encoding: UTF_8.name(),
            diagnostics: Vec::new(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => {
            return Ok(Decoded {
                text: Cow::Borrowed(s),
                encoding: UTF_8.name(),
                diagnostics: Vec::new(),
            })
        }
        Err(e) => {
            // Mostly UTF-8 with a few bad bytes: keep UTF-8, report the bad spots.
            if mostly_utf8(bytes, e.valid_up_to()) {
                return finish(UTF_8, bytes, 0);
            }
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return finish(enc, bytes, 0);
    }
    if bytes.contains(&0) {
        let at = bytes.iter().position(|b| *b == 0).unwrap_or(0);
        return Err(Error::new(ErrorKind::Undecodable, line_at(bytes, at), at));
    }
    finish(GB18030, bytes, 0)
}

fn finish<'a>(enc: &'static Encoding, body: &'a [u8], offset: usize) -> Result<Decoded<'a>, Error> {
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    let mut diagnostics = Vec::new();
    if had_errors {
        let mut bad = 0usize;
        let mut total = 0usize;
        for (i, line) in text.split('\n').enumerate() {
            let n = line.chars().filter(|c| *c == '\u{FFFD}').count();
            total += line.chars().count();
            if n > 0 {
                bad += n;
                diagnostics.push(Diagnostic {
                    severity: Severity::Warning,
                    code: codes::DECODE_ERROR,
                    line: Some(i as u32 + 1),
                    message: format!(
                        "{n} byte sequence(s) not valid {} replaced by U+FFFD",
                        enc.name()
                    ),
                });
            }
        }
        if total > 0 && bad * 5 > total {
            let first = diagnostics.first().and_then(|d| d.line).unwrap_or(1);
            return Err(Error::new(ErrorKind::Undecodable, first, offset));
        }
    }
    Ok(Decoded {
        text,
        encoding: name(enc),
        diagnostics,
    })
}

/// The name reported in `source.encoding`.
fn name(enc: &'static Encoding) -> &'static str {
    if enc == GB18030 {
        "GB18030"
    } else {
        enc.name()
    }
}

/// True when the invalid sequences are rare compared with the valid
/// multi-byte UTF-8 ones (a damaged UTF-8 file, not a GBK one).
fn mostly_utf8(bytes: &[u8], first_bad: usize) -> bool {
    let mut bad = 0usize;
    let mut multi = 0usize;
    let mut rest = &bytes[first_bad..];
    multi += bytes[..first_bad].iter().filter(|b| **b >= 0xC0).count();
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multi += s.bytes().filter(|b| *b >= 0xC0).count();
                break;
            }
            Err(e) => {
                multi += rest[..e.valid_up_to()]
                    .iter()
                    .filter(|b| **b >= 0xC0)
                    .count();
                bad += 1;
                let skip = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                rest = &rest[e.valid_up_to() + skip..];
                if rest.is_empty() {
                    break;
                }
            }
        }
    }
    multi >= 8 && bad * 20 <= multi
}

/// UTF-16 without a BOM: most code units of CJK text in UTF-16 have no zero
/// byte, but ASCII line breaks and digits do; look at where the zeros are.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in bytes.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1
            } else {
                odd += 1
            }
        }
    }
    let units = bytes.len() / 2;
    if odd * 10 >= units && even * 10 < odd {
        Some(UTF_16LE)
    } else if even * 10 >= units && odd * 10 < even {
        Some(UTF_16BE)
    } else {
        None
    }
}

fn line_at(bytes: &[u8], at: usize) -> u32 {
    bytes[..at.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u32
        + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode("项目编码".as_bytes()).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("项目编码", "UTF-8"));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("单位：元".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("单位：元", "UTF-8"));
    }

    #[test]
    fn gb18030_and_utf16() {
        let (gb, _, _) = GB18030.encode("一级指标\t二级指标\r\n产出指标");
        let d = decode(&gb).unwrap();
        assert_eq!(d.encoding, "GB18030");
        assert_eq!(d.text, "一级指标\t二级指标\r\n产出指标");
        let mut le = vec![0xFF, 0xFE];
        for u in "指标值 95%\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le).unwrap();
        assert_eq!((d.text.as_ref(), d.encoding), ("指标值 95%\n", "UTF-16LE"));
        let mut be = vec![0xFE, 0xFF];
        for u in "ab\n".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn bad_bytes_name_the_line() {
        let mut b = "第一行项目名称很长的一行文字\n第二行".as_bytes().to_vec();
        b.push(0xFF);
        b.extend_from_slice("\n第三行".as_bytes());
        let d = decode(&b).unwrap();
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.diagnostics.len(), 1);
        assert_eq!(d.diagnostics[0].code, codes::DECODE_ERROR);
        assert_eq!(d.diagnostics[0].line, Some(2));
    }

    #[test]
    fn empty_and_binary_are_errors() {
        assert_eq!(decode(b"").unwrap_err().kind, ErrorKind::Empty);
        let e = decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0x49]).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Undecodable);
    }
}
