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

/// True when most non-blank lines are comma-separated records: at least
/// half hold two or more ASCII commas, and some hold four or more.
pub(crate) fn looks_like_csv(lines: &[super::row::Line<'_>]) -> bool {
    let (mut nonblank, mut two, mut four) = (0usize, 0usize, 0usize);
    for l in lines {
        if crate::find::blank(l.text) {
            continue;
        }
        nonblank += 1;
        // up to four commas, eight bytes at a time (lines are short)
        let b = l.text.as_bytes();
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
        if n >= 2 {
            two += 1;
        }
        if n >= 4 {
            four += 1;
        }
    }
    nonblank > 0 && two * 2 >= nonblank && four * 5 >= nonblank
}

#[cfg(test)]
mod tests {
    use super::*;

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
