//! Every distinct 指标值 cell of the five corpus documents, with its expected
//! fields (testdata/values.tsv, written and checked by hand against SPEC §2).
//!
//! Columns: raw (with `\n`, `\t`, `\\` escapes), kind, cmp, cmp_written,
//! number (`low..high` for a range), unit, base_number, base_unit, dimension,
//! deadline (`year/month/day` with `-` for none and `eom` for end of month,
//! then the recurrence), term (`term:grade`), qualifier, notes (comma
//! separated). An empty field means null / not applicable.

use perf_core::{Body, Value};

const TSV: &str = include_str!("../../testdata/values.tsv");
const TXT: &str = include_str!("../../testdata/values.txt");

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('\\') => out.push('\\'),
                other => panic!("bad escape \\{other:?} in {s:?}"),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn opt_str<T: ToString>(x: Option<T>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

/// The fields of a parsed value in the TSV's columns (raw excluded).
fn fields(v: &Value<'_>) -> Vec<String> {
    let (number, base_number) = match &v.body {
        Body::Range(r) => {
            let (bl, bh) = v.base_range().expect("base range");
            (
                format!("{}..{}", r.low.normalize(), r.high.normalize()),
                format!("{}..{}", bl.normalize(), bh.normalize()),
            )
        }
        _ => (
            opt_str(v.number().map(|n| n.normalize())),
            opt_str(v.base_number().map(|n| n.normalize())),
        ),
    };
    let cmp_written = match v.body {
        Body::Quantity(_) | Body::Range(_) | Body::Time(_) => v.cmp_written().to_string(),
        _ => String::new(),
    };
    let deadline = v
        .deadline()
        .map(|d| {
            let day = match (d.day, d.end_of_month) {
                (Some(x), true) => format!("{x}+eom"),
                (Some(x), false) => x.to_string(),
                (None, true) => "eom".into(),
                (None, false) => "-".into(),
            };
            let mut s = format!(
                "{}/{}/{}",
                d.year.map_or("-".into(), |y| y.to_string()),
                d.month.map_or("-".into(), |m| m.to_string()),
                day
            );
            if let Some(r) = d.recurrence {
                s.push(' ');
                s.push_str(r.as_str());
            }
            s
        })
        .unwrap_or_default();
    let term = v
        .term()
        .map(|t| match t.grade {
            Some(g) => format!("{}:{}", t.term, g.as_str()),
            None => t.term.to_string(),
        })
        .unwrap_or_default();
    vec![
        v.kind().as_str().to_string(),
        opt_str(v.cmp().map(|c| c.as_str())),
        cmp_written,
        number,
        opt_str(v.unit().map(|u| u.as_str())),
        base_number,
        opt_str(v.unit().map(|u| u.base())),
        opt_str(v.unit().map(|u| u.dimension().as_str())),
        deadline,
        term,
        v.qualifier().unwrap_or_default().to_string(),
        v.notes
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join(","),
    ]
}

#[test]
fn every_corpus_cell_parses_to_its_expected_fields() {
    let mut lines = TSV.lines();
    let header: Vec<&str> = lines.next().expect("header").split('\t').collect();
    assert_eq!(header.len(), 13);
    let mut failures = Vec::new();
    let mut n = 0;
    for (i, line) in lines.enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 13, "line {}: {line:?}", i + 2);
        let raw = unescape(cols[0]);
        let v = Value::parse(&raw);
        assert_eq!(v.raw, raw.as_str(), "raw is kept as given");
        let got = fields(&v);
        for (k, (g, want)) in got.iter().zip(&cols[1..]).enumerate() {
            if g != want {
                failures.push(format!(
                    "line {} {:?}: {} = {g:?}, expected {want:?}",
                    i + 2,
                    raw,
                    header[k + 1]
                ));
            }
        }
        n += 1;
    }
    assert!(n >= 300, "only {n} cells");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_cells_are_distinct() {
    let mut seen = std::collections::HashSet::new();
    for line in TSV.lines().skip(1) {
        let raw = line.split('\t').next().unwrap_or_default();
        assert!(seen.insert(raw), "{raw:?} twice");
    }
}

/// values.txt is the same list, one cell per line (a line break inside a
/// cell written as a space, which SPEC §2 makes equivalent).
#[test]
fn values_txt_is_the_same_list() {
    let tsv: Vec<String> = TSV
        .lines()
        .skip(1)
        .map(|l| unescape(l.split('\t').next().unwrap_or_default()).replace('\n', " "))
        .collect();
    let txt: Vec<&str> = TXT.lines().collect();
    assert_eq!(tsv.len(), txt.len());
    for (a, b) in tsv.iter().zip(&txt) {
        assert_eq!(a, b);
        // and the flattened spelling parses to the same fields
        assert_eq!(fields(&Value::parse(a)), fields(&Value::parse(b)));
    }
}
