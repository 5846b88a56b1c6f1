//! CSV output: one row per indicator, with a header row (RFC 4180 quoting).

use std::fmt::Write as _;

use super::{Document, Indicator};

/// The header row, without the line break.
pub const HEADER: &str = "file,project,code,name,level1,level2,level3,description,raw,kind,cmp,number,unit,base_number,base_unit,basis,line";

/// Quotes one field when it holds a comma, a quote, or a line break.
pub fn field(out: &mut String, s: &str) {
    if s.contains([',', '"', '\n', '\r']) {
        out.push('"');
        for c in s.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        out.push_str(s);
    }
}

/// Appends one line per indicator of `doc` (project tables first, then the
/// department-wide table with an empty project column), `file` in the first column.
pub fn write_rows(out: &mut String, file: &str, doc: &Document) {
    for p in &doc.projects {
        for ind in &p.indicators {
            row(
                out,
                file,
                Some(p.index),
                p.code.as_deref(),
                p.name.as_deref(),
                ind,
            );
        }
    }
    for ind in &doc.department_indicators {
        row(out, file, None, None, None, ind);
    }
}

/// The header and the rows of one document.
pub fn to_csv(file: &str, doc: &Document) -> String {
    let mut out = String::with_capacity(4096);
    out.push_str(HEADER);
    out.push('\n');
    write_rows(&mut out, file, doc);
    out
}

fn row(
    out: &mut String,
    file: &str,
    project: Option<u32>,
    code: Option<&str>,
    name: Option<&str>,
    ind: &Indicator,
) {
    let v = &ind.value;
    let num = v.number().map(|d| d.normalize().to_string());
    let base = v.base_number().map(|d| d.normalize().to_string());
    let unit = v.unit().map(|u| u.as_str().to_string());
    let base_unit = v.unit().map(|u| u.base().to_string());
    let fields: [&str; 16] = [
        file,
        &project.map(|i| i.to_string()).unwrap_or_default(),
        code.unwrap_or(""),
        name.unwrap_or(""),
        ind.level1.as_deref().unwrap_or(""),
        ind.level2.as_deref().unwrap_or(""),
        ind.level3.as_deref().unwrap_or(""),
        ind.description.as_deref().unwrap_or(""),
        &v.raw,
        v.kind().as_str(),
        v.cmp().map(|c| c.as_str()).unwrap_or(""),
        num.as_deref().unwrap_or(""),
        unit.as_deref().unwrap_or(""),
        base.as_deref().unwrap_or(""),
        base_unit.as_deref().unwrap_or(""),
        ind.basis.as_deref().unwrap_or(""),
    ];
    for f in fields {
        field(out, f);
        out.push(',');
    }
    let _ = write!(out, "{}", ind.line);
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        let mut s = String::new();
        field(&mut s, "a,b");
        s.push('|');
        field(&mut s, "say \"hi\"");
        s.push('|');
        field(&mut s, "plain");
        s.push('|');
        field(&mut s, "two\nlines");
        assert_eq!(s, "\"a,b\"|\"say \"\"hi\"\"\"|plain|\"two\nlines\"");
    }
}
