//! Reader for spreadsheet exports as CSV (RFC 4180: fields separated by
//! commas, quoted with `"` when they hold a comma, a quote or a line break,
//! a quote inside doubled). Each record is a row; a record of one field
//! (no comma: a title, a unit line) is running text, as a line without a
//! tab is in tab-separated text.

use super::row::{Cell, Row};

pub(crate) fn read(text: &str) -> Vec<Row<'_>> {
    let mut rows = Vec::new();
    let mut line = 1u32;
    // every field is owned (quotes undone), so rows borrow nothing
    let mut fields: Vec<Cell<'static>> = Vec::new();
    let mut field = String::new();
    let mut field_line = 1u32;
    let mut record_line = 1u32;
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let end_record =
        |fields: &mut Vec<Cell<'static>>, rows: &mut Vec<Row<'static>>, record_line: u32| {
            let cells = std::mem::take(fields);
            if cells.iter().all(|c| c.text.trim().is_empty()) {
                return;
            }
            if cells.len() == 1 {
                rows.push(Row::text(record_line, cells[0].text.trim().to_owned()));
            } else {
                rows.push(Row::table(record_line, cells));
            }
        };
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                '\r' => {}
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.trim().is_empty() => {
                field.clear();
                quoted = true;
            }
            ',' => {
                fields.push(Cell {
                    text: std::mem::take(&mut field).into(),
                    line: field_line,
                });
                field_line = line;
            }
            '\r' => {}
            '\n' => {
                fields.push(Cell {
                    text: std::mem::take(&mut field).into(),
                    line: field_line,
                });
                end_record(&mut fields, &mut rows, record_line);
                line += 1;
                field_line = line;
                record_line = line;
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(Cell {
            text: field.into(),
            line: field_line,
        });
        end_record(&mut fields, &mut rows, record_line);
    }
    rows
}

/// True when most non-blank lines (of `text`) are comma-separated records:
/// at least half hold two or more ASCII commas, and some hold four or more.
pub(crate) fn looks_like_csv(text: &str, lines: &[super::row::Line<'_>]) -> bool {
    // Half the non-blank lines holding two commas each hold as many commas
    // as there are non-blank lines: one SIMD count of the text's commas and
    // a first-byte test per line rule out most text without commas.
    let all = memchr::memchr_iter(b',', text.as_bytes()).count();
    if all < lines.len() && all < lines.iter().filter(|l| !crate::find::blank(l.text)).count() {
        return false;
    }
    let (mut nonblank, mut two, mut four) = (0usize, 0usize, 0usize);
    for (k, chunk) in lines.chunks(32).enumerate() {
        // Certainly not, whatever the `r` lines left hold: each adds at
        // most one to `nonblank` and as much to `two` and to `four`.
        let r = lines.len() - 32 * k;
        if k > 0 && (two * 2 + r < nonblank || four * 5 + 4 * r < nonblank) {
            return false;
        }
        for l in chunk {
            if crate::find::blank(l.text) {
                continue;
            }
            nonblank += 1;
            let n = commas(l.text.as_bytes());
            if n >= 2 {
                two += 1;
            }
            if n >= 4 {
                four += 1;
            }
        }
    }
    nonblank > 0 && two * 2 >= nonblank && four * 5 >= nonblank
}

/// The commas of a line, up to four, eight bytes at a time (lines are short).
fn commas(b: &[u8]) -> usize {
    let (mut n, mut at) = (0, 0);
    while n < 4 {
        match crate::find::find_byte(&b[at..], b',') {
            Some(p) => {
                n += 1;
                at += p + 1;
            }
            None => break,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test over every line, as first written.
    fn looks_like_csv_in_full(lines: &[super::super::row::Line<'_>]) -> bool {
        let (mut nonblank, mut two, mut four) = (0usize, 0usize, 0usize);
        for l in lines {
            if l.text.trim().is_empty() {
                continue;
            }
            nonblank += 1;
            let n = l.text.matches(',').count();
            two += usize::from(n >= 2);
            four += usize::from(n >= 4);
        }
        nonblank > 0 && two * 2 >= nonblank && four * 5 >= nonblank
    }

    #[test]
    fn early_answers_agree_with_the_full_test() {
        let kinds = ["a,b,c,d,e", "a,b,c", "a,b", "text", "", " ", ",,,,,,"];
        let mut yes = 0;
        for text in super::super::row::runs_of_lines(&kinds, 777, 3000) {
            let ls = super::super::row::lines(&text);
            let full = looks_like_csv_in_full(&ls);
            yes += usize::from(full);
            assert_eq!(looks_like_csv(&text, &ls), full, "{text:?}");
        }
        // both answers come up
        assert!(yes > 100 && yes < 2900, "{yes}");
    }

    #[test]
    fn records_quotes_and_text_rows() {
        let rows =
            read("1. 示例绩效目标表\r\n产出指标,\"数量,指标\",\"多\n行\",\"说\"\"明\"\"\"\n,,,\n");
        assert_eq!(rows.len(), 2);
        assert!(rows[0].text);
        assert_eq!(rows[0].texts(), vec!["1. 示例绩效目标表"]);
        assert_eq!(
            rows[1].texts(),
            vec!["产出指标", "数量,指标", "多\n行", "说\"明\""]
        );
        assert_eq!(rows[1].line, 2);
        assert_eq!(rows[1].cells[3].line, 3);
    }
}
