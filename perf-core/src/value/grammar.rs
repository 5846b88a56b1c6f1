//! One cell, start to end: which kind it is and its fields (SPEC §2).
//!
//! The cell arrives normalised (see `normalize`). Its shape is
//!
//! ```text
//! cell   := empty | words-only | [在] prefix* value suffix? tail
//! prefix := comparator | 每+unit (per-word or recurrence) | 达到 | word
//! value  := date | number unit? (sep number unit?)?          (time | quantity | range)
//! suffix := 以上 | 以下 | 以内 | 左右 | 前 | 之前 | 以前
//! tail   := words (the qualifier)
//! ```
//!
//! Cells without digits are empty markers, lexicon terms, wordy deadlines
//! (`每季度末`, `年底前完成`), a comparator with a unit and no number (`>=%`),
//! or text.

use rust_decimal::Decimal;

use super::comparator;
use super::lexicon;
use super::model::{Comparator, Deadline, Note, Notes, Recurrence, Term, Time};
use super::number::number;
use super::time;
use super::unit::{self, Part};

/// What a cell says, with text borrowed from the (normalised) cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PBody<'s> {
    Quantity {
        cmp: Comparator,
        written: bool,
        number: Option<Decimal>,
        unit: unit::Parsed<'s>,
    },
    Range {
        low: Decimal,
        high: Decimal,
        unit: unit::Parsed<'s>,
    },
    Time(Time),
    Qualitative(Term),
    Text,
    Empty,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Parsed<'s> {
    pub body: PBody<'s>,
    pub qualifier: Option<&'s str>,
    pub notes: Notes,
}

impl<'s> Parsed<'s> {
    fn text(notes: Notes) -> Self {
        Parsed {
            body: PBody::Text,
            qualifier: None,
            notes,
        }
    }
}

/// Cells that state nothing.
const EMPTY_MARKERS: &[&str] = &[
    "",
    "/",
    "\\",
    "-",
    "--",
    "—",
    "——",
    "－",
    "…",
    "……",
    "无",
    "暂无",
    "空",
    "不涉及",
    "N/A",
    "n/a",
    "NA",
];

fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '、' | '，' | '。' | '；' | '：' | '!' | '！' | '?' | '？'
    )
}

fn trim_punct(s: &str) -> &str {
    s.trim_matches(is_punct)
}

fn non_empty(s: &str) -> Option<&str> {
    let s = trim_punct(s);
    (!s.is_empty()).then_some(s)
}

/// Chars that, right before a number, show it is part of an identifier
/// (`LPR-150BP`, `冀财社[2024]`): such a number is not a value.
fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '[' | '(' | '（' | '【' | '〔' | '_' | '-' | '.' | '#')
}

/// What stands before the value.
#[derive(Debug, Default)]
struct Prefix<'s> {
    cmp: Option<Comparator>,
    /// `每人`, `每月`: per-words, folded into the unit of a quantity.
    per: [Option<&'static unit::Atom>; unit::MAX_DENOMINATORS],
    /// `每月`, `每季度`, `每年`: a recurrence if the value is a date.
    recurrence: Option<Recurrence>,
    /// `每季度末`, `每月底`.
    recurrence_end: bool,
    /// The span of the other words (a qualifier when nothing follows the value).
    words: Option<&'s str>,
}

fn recurrence_of(atom: &unit::Atom) -> Option<Recurrence> {
    match atom.canonical {
        "月" => Some(Recurrence::Monthly),
        "季度" => Some(Recurrence::Quarterly),
        "年" => Some(Recurrence::Yearly),
        _ => None,
    }
}

/// Reads the words before the value. `s` is the whole prefix.
fn prefix(s: &str) -> Prefix<'_> {
    let mut p = Prefix::default();
    let mut rest = s.strip_prefix('在').unwrap_or(s);
    let mut words: Option<(usize, usize)> = None;
    let mut per_n = 0;
    while !rest.is_empty() {
        let at = s.len() - rest.len();
        if let Ok((r, c)) = comparator::prefix(rest) {
            p.cmp.get_or_insert(c);
            rest = r;
            continue;
        }
        if let Ok((r, ())) = comparator::filler(rest) {
            rest = r;
            continue;
        }
        if let Some(after) = rest.strip_prefix('每') {
            if let Some(a) = unit::per_atom(after) {
                let r = &after[a.written.len()..];
                let rec = recurrence_of(a);
                let end = r.strip_prefix('末').or_else(|| r.strip_prefix('底'));
                if let (Some(rec), Some(r)) = (rec, end) {
                    p.recurrence = Some(rec);
                    p.recurrence_end = true;
                    rest = r;
                    continue;
                }
                // a per-word must be followed by another prefix token or the value
                let ends = r.is_empty()
                    || r.starts_with('每')
                    || comparator::prefix(r).is_ok()
                    || comparator::filler(r).is_ok();
                if ends {
                    if rec.is_some() {
                        p.recurrence = rec;
                    }
                    if per_n < p.per.len() {
                        p.per[per_n] = Some(a);
                        per_n += 1;
                    }
                    rest = r;
                    continue;
                }
            }
        }
        // a word char
        let c = rest.chars().next().map_or(1, char::len_utf8);
        let end = at + c;
        words = Some(words.map_or((at, end), |(b, _)| (b, end)));
        rest = &rest[c..];
    }
    p.words = words.and_then(|(b, e)| non_empty(&s[b..e]));
    p
}

/// Parses one normalised cell.
pub(crate) fn parse(s: &str) -> Parsed<'_> {
    let core = trim_punct(s);
    if EMPTY_MARKERS.contains(&core) {
        return Parsed {
            body: PBody::Empty,
            qualifier: None,
            notes: Notes::empty(),
        };
    }
    match core.bytes().position(|b| b.is_ascii_digit()) {
        None => wordy(core),
        Some(d) => numeric(core, d),
    }
}

/// A cell without digits.
fn wordy(s: &str) -> Parsed<'_> {
    // a lexicon term, possibly after a comparator symbol (`=有效提升`)
    let bare = match comparator::prefix(s) {
        Ok((r, _)) if !r.is_empty() => r,
        _ => s,
    };
    if let Some(term) = lexicon::lookup(bare) {
        return Parsed {
            body: PBody::Qualitative(term),
            qualifier: None,
            notes: Notes::empty(),
        };
    }
    // a comparator and a unit without a number: `>=%`
    if let Ok((r, cmp)) = comparator::prefix(s) {
        if let Some(u) = unit::whole_unit(r) {
            let mut notes = Notes::empty();
            notes.insert(Note::NumberMissing);
            return Parsed {
                body: PBody::Quantity {
                    cmp,
                    written: true,
                    number: None,
                    unit: u,
                },
                qualifier: None,
                notes,
            };
        }
    }
    // a deadline in words: `每季度末`, `年底前完成`, `=每月底前`
    let (cmp, r) = match comparator::prefix(s) {
        Ok((r, c)) => (Some(c), r),
        Err(_) => (None, s),
    };
    let r = r.strip_prefix('在').unwrap_or(r);
    let mut rec = None;
    let mut rec_end = false;
    let mut r2 = r;
    if let Some(after) = r.strip_prefix('每') {
        if let Some(a) = unit::per_atom(after) {
            if let Some(x) = recurrence_of(a) {
                rec = Some(x);
                r2 = &after[a.written.len()..];
                if let Some(e) = r2.strip_prefix('末').or_else(|| r2.strip_prefix('底')) {
                    rec_end = true;
                    r2 = e;
                }
            }
        }
    }
    if let Some((deadline, rest)) = time::wordy_date(r2, rec, rec_end) {
        return time_value(cmp, deadline, rest, None, Notes::empty());
    }
    Parsed::text(Notes::empty())
}

/// Builds a time value: `前` after the date makes the comparator `<=`.
fn time_value<'s>(
    cmp: Option<Comparator>,
    deadline: Deadline,
    rest: &'s str,
    words: Option<&'s str>,
    notes: Notes,
) -> Parsed<'s> {
    let (cmp, written, rest) = match comparator::before(rest) {
        Ok((r, c)) => (c, true, r),
        Err(_) => (cmp.unwrap_or(Comparator::Eq), cmp.is_some(), rest),
    };
    let mut notes = notes;
    let tail = non_empty(rest);
    if tail.is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit())) {
        notes.insert(Note::GarbledCell);
    }
    Parsed {
        body: PBody::Time(Time {
            cmp,
            cmp_written: written,
            deadline,
        }),
        qualifier: tail.or(words),
        notes,
    }
}

fn unclassified(s: &str) -> Parsed<'_> {
    let _ = s;
    let mut notes = Notes::empty();
    notes.insert(Note::Unclassified);
    Parsed::text(notes)
}

/// A number written twice without a unit (`1515` for `15`): an extraction
/// slip, kept as written and noted.
fn is_doubled(text: &str) -> bool {
    let n = text.len();
    n >= 4
        && n % 2 == 0
        && text.bytes().all(|b| b.is_ascii_digit())
        && text[..n / 2] == text[n / 2..]
}

/// A cell with a digit at byte `d`.
fn numeric(s: &str, d: usize) -> Parsed<'_> {
    let pre = &s[..d];
    if pre.chars().next_back().is_some_and(is_identifier_char) {
        return unclassified(s);
    }
    let p = prefix(pre);
    let at = &s[d..];
    let Some((num, after_num)) = number(at) else {
        return unclassified(s);
    };
    let Some(value) = num.value else {
        let mut notes = Notes::empty();
        notes.insert(Note::NumberOverflow);
        return Parsed::text(notes);
    };
    // a fraction (`2/3`) is not an exact decimal value
    if after_num
        .strip_prefix('/')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return unclassified(s);
    }

    // time
    if let Some((dp, rest)) = time::date(at, p.recurrence) {
        let mut notes = Notes::empty();
        if dp.invalid {
            notes.insert(Note::InvalidDate);
            return Parsed::text(notes);
        }
        if dp.period {
            notes.insert(Note::Period);
        }
        return time_value(p.cmp, dp.deadline, rest, p.words, notes);
    }

    let mut notes = Notes::empty();
    let (mut u, mut rest) = unit::unit(after_num);

    // range: `90%-95%`, `3~5人`
    if let Ok((r, ())) = time::range_sep(rest) {
        if let Some((hi, after_hi)) = number(r) {
            let Some(high) = hi.value else {
                notes.insert(Note::NumberOverflow);
                return Parsed::text(notes);
            };
            let (u2, r2) = unit::unit(after_hi);
            if u.is_none() {
                u = u2;
            } else if !u2.is_none() && u2.written != u.written {
                notes.insert(Note::GarbledCell);
                u = u2;
            }
            let (r2, _) = comparator::suffix(r2).unwrap_or((r2, Comparator::Eq));
            return finish_notes(
                PBody::Range {
                    low: value,
                    high,
                    unit: u,
                },
                r2,
                p.words,
                notes,
            );
        }
    }

    // quantity
    let mut cmp = p.cmp;
    if let Ok((r, c)) = comparator::suffix(rest) {
        cmp = Some(c);
        rest = r;
    }
    // per-words before the number fold into the unit (`每人每月1900元` →
    // `元/人/月`); a bare number or bare scale word has no numerator to divide
    if u.numerator.is_some() {
        for a in p.per.iter().flatten() {
            if !u.push_denominator(Part::Known(a.canonical, a.dimension)) {
                notes.insert(Note::GarbledCell);
            }
        }
    }
    if u.has_unknown() {
        notes.insert(Note::UnknownUnit);
    }
    if u.is_garbled() || (u.is_none() && cmp.is_none() && is_doubled(num.text)) {
        notes.insert(Note::GarbledCell);
    }
    finish_notes(
        PBody::Quantity {
            cmp: cmp.unwrap_or(Comparator::Eq),
            written: cmp.is_some(),
            number: Some(value),
            unit: u,
        },
        rest,
        p.words,
        notes,
    )
}

fn finish_notes<'s>(
    body: PBody<'s>,
    rest: &'s str,
    words: Option<&'s str>,
    mut notes: Notes,
) -> Parsed<'s> {
    let tail = non_empty(rest);
    if tail.is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit())) {
        notes.insert(Note::GarbledCell);
    }
    Parsed {
        body,
        qualifier: tail.or(words),
        notes,
    }
}
