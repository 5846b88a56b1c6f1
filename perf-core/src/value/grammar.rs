//! One cell, start to end: which kind it is and its fields (SPEC §2).
//!
//! The cell arrives normalised (see `normalize`). Its shape is
//!
//! ```text
//! cell   := empty | words-only | [(] [在] prefix* value suffix? bound? tail [)]
//! prefix := comparator | 每+unit (per-word or recurrence) | 达到 | word
//! value  := date | number unit? (sep number unit?)?          (time | quantity | range)
//! date   := 年月日 forms | YYYY-MM-DD (- . /) | [YYYY年][第]N季度 | 上半年 | 下半年 | 年内
//! suffix := [及]以上 | [及]以下 | [及]以内 | 左右 | 前 | 之前 | 以前 | 内 (after a duration)
//! bound  := [且 , 、 ;] comparator number unit     (`≥80%且≤100%`: a range)
//! tail   := words | (annotation)                   (the qualifier)
//! ```
//!
//! Cells without digits are empty markers, lexicon terms, wordy deadlines
//! (`每季度末`, `年底前完成`, `按月`, `第四季度`, `年内`), the numeral `零`,
//! a comparator with a unit and no number (`>=%`), or text.

use rust_decimal::Decimal;

use super::comparator;
use super::lexicon;
use super::model::{Comparator, Deadline, Dimension, Note, Notes, Recurrence, Term, Time};
use super::number::{first_digit, number};
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
fn is_empty_marker(s: &str) -> bool {
    // the longest marker is `不涉及` (9 bytes): most cells are longer
    s.len() <= 9
        && matches!(
            s,
            "" | "/"
                | "\\"
                | "-"
                | "--"
                | "—"
                | "——"
                | "－"
                | "…"
                | "……"
                | "无"
                | "暂无"
                | "空"
                | "不涉及"
                | "N/A"
                | "n/a"
                | "NA"
        )
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '、' | '，' | '。' | '；' | '：' | '!' | '！' | '?' | '？'
    )
}

/// Trims punctuation at both ends (not a leading `.`, which may start a
/// number). A byte check first: most cells end in a CJK char or a digit.
fn trim_punct(s: &str) -> &str {
    let b = s.as_bytes();
    let ascii = |b: Option<&u8>| matches!(b, Some(b',' | b'.' | b';' | b':' | b'!' | b'?'));
    // every wide punctuation mark is 3 bytes starting E3 80 (、。) or EF BC (，；：！？)
    let wide = |x: Option<&[u8]>| matches!(x, Some([0xE3, 0x80, _] | [0xEF, 0xBC, _]));
    if !ascii(b.first())
        && !ascii(b.last())
        && !wide(b.get(..3))
        && !wide(b.len().checked_sub(3).and_then(|i| b.get(i..)))
    {
        return s;
    }
    s.trim_start_matches(|c| c != '.' && is_punct(c))
        .trim_end_matches(is_punct)
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
    per: [Option<u8>; unit::MAX_DENOMINATORS],
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
    while let Some(c) = rest.chars().next() {
        let at = s.len() - rest.len();
        if comparator::may_start_prefix(c) {
            if let Ok((r, c)) = comparator::prefix(rest) {
                p.cmp.get_or_insert(c);
                rest = r;
                continue;
            }
        }
        if c == '达' {
            if let Ok((r, ())) = comparator::filler(rest) {
                rest = r;
                continue;
            }
        }
        if let Some(after) = rest.strip_prefix('每') {
            if let Some((i, a)) = unit::per_atom(after) {
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
                // (`每年第4季度`: `第` belongs to the value)
                let ends = r.is_empty()
                    || r == "第"
                    || r.starts_with('每')
                    || comparator::prefix(r).is_ok()
                    || comparator::filler(r).is_ok();
                if ends {
                    if rec.is_some() {
                        p.recurrence = rec;
                    }
                    if per_n < p.per.len() {
                        p.per[per_n] = Some(i);
                        per_n += 1;
                    }
                    rest = r;
                    continue;
                }
            }
        }
        // a word char
        let end = at + c.len_utf8();
        words = Some(words.map_or((at, end), |(b, _)| (b, end)));
        rest = &rest[c.len_utf8()..];
    }
    p.words = words.and_then(|(b, e)| non_empty(&s[b..e]));
    p
}

/// Parses one normalised cell.
pub(crate) fn parse(s: &str) -> Parsed<'_> {
    match simple(s) {
        Some(p) => p,
        None => general(s),
    }
}

/// The commonest shape in one pass: `[comparator symbol] number [unit]`
/// and nothing else (`≥95%`, `100%`, `=4.03元`, `29人`, `93.00元/人/月`).
/// It gives exactly what [`general`] gives for such a cell (a property test
/// checks); every other cell, and the units that can make a number a date
/// (`月`, `年`), return `None` and take the general rules.
#[inline]
fn simple(s: &str) -> Option<Parsed<'_>> {
    one_pass(s, false)
}

/// [`simple`] on a cell as given, before normalisation: ASCII white space
/// around the three parts (`≥ 95 %`, `≥143396\n人`) is skipped, which is
/// what normalisation does with it, so such a cell needs no copy and no
/// normalisation check. Every byte it accepts is a comparator symbol, a
/// digit, `,` `.`, white space or part of a unit atom, none of which
/// normalisation folds. The one place where normalisation keeps a space
/// (between two ASCII letters or digits, `10 kg`) is refused, as is any
/// white space inside the unit; refused cells are normalised and take the
/// full rules. A property test checks it against [`parse`] of the
/// normalised cell.
#[inline]
pub(crate) fn simple_in_place(cell: &str) -> Option<Parsed<'_>> {
    one_pass(cell, true)
}

/// [`simple`] and [`simple_in_place`]; `raw` says whether white space may
/// be skipped (a constant at both call sites).
#[inline(always)]
fn one_pass(s: &str, raw: bool) -> Option<Parsed<'_>> {
    use Comparator::{Eq, Ge, Gt, Le, Lt};
    let skip_space = |s| if raw { skip_space(s) } else { s };
    let s = skip_space(s);
    let (cmp, rest) = match s.as_bytes() {
        [0xE2, 0x89, 0xA5, ..] => (Some(Ge), &s[3..]), // ≥
        [0xE2, 0x89, 0xA4, ..] => (Some(Le), &s[3..]), // ≤
        [b'>', b'=', ..] => (Some(Ge), &s[2..]),
        [b'<', b'=', ..] => (Some(Le), &s[2..]),
        [b'>', ..] => (Some(Gt), &s[1..]),
        [b'<', ..] => (Some(Lt), &s[1..]),
        // `=` only before a number (`=有效提升` is a lexicon term)
        [b'=', ..] => (Some(Eq), &s[1..]),
        [b'0'..=b'9', ..] => (None, s),
        _ => return None,
    };
    let (num, after) = number(skip_space(rest))?;
    let value = num.value?;
    let spaced = after.len();
    let after = skip_space(after);
    let unit = if after.is_empty() {
        if cmp.is_none() && is_doubled(num.text) {
            return None;
        }
        unit::Parsed::none()
    } else {
        // normalisation keeps a space between a digit and an ASCII letter
        if after.len() != spaced && after.as_bytes()[0].is_ascii_alphanumeric() {
            return None;
        }
        // one known atom (the commonest unit) needs none of the checks below
        let (u, tail, lone) = match unit::lone_atom(after) {
            Some((u, tail)) => (u, tail, true),
            None => {
                let (u, tail) = unit::unit(after);
                (u, tail, false)
            }
        };
        let date_unit = matches!(u.numerator, Some(Part::Known(i)) if unit::is_date_atom(i));
        if !skip_space(tail).is_empty()
            || date_unit
            || (!lone && (u.is_none() || u.has_unknown() || u.is_garbled()))
        {
            return None;
        }
        u
    };
    Some(Parsed {
        body: PBody::Quantity {
            cmp: cmp.unwrap_or(Eq),
            written: cmp.is_some(),
            number: Some(value),
            unit,
        },
        qualifier: None,
        notes: Notes::empty(),
    })
}

/// A cell of words only, as given (before normalisation): CJK chars
/// (UTF-8 lead bytes `E4`–`E9`, none of which normalisation folds, none a
/// digit or punctuation), with white space (ASCII, U+3000) anywhere and `、`
/// `，` between words (`规范、高效档案`, `社会稳 定`). It is a lexicon term
/// or text, which is what [`general`] makes of it; every first char that
/// can start another rule (a comparator word, the filler `达到`, `在`, a wordy deadline or
/// `零`, an empty marker) is refused and takes the full rules. Checked
/// against them by a property test.
pub(crate) fn plain_words(cell: &str) -> Option<Parsed<'static>> {
    let b = cell.as_bytes();
    let mut i = 0;
    while i < b.len() && is_ascii_space(b[i]) {
        i += 1;
    }
    match b.get(i..i + 3) {
        Some([0xE4..=0xE9, ..]) => {}
        _ => return None,
    }
    let first = cell[i..].chars().next()?;
    if comparator::may_start_prefix(first)
        || matches!(
            first,
            '在' | '每'
                | '达'
                | '两'
                | '五'
                | '六'
                | '七'
                | '八'
                | '九'
                | '十'
                | '按'
                | '年'
                | '月'
                | '第'
                | '一'
                | '二'
                | '三'
                | '四'
                | '上'
                | '下'
                | '零'
                | '无'
                | '暂'
                | '空'
        )
    {
        return None;
    }
    // the chars of the cell without its white space: a lexicon term if
    // that is all there is (every lexicon entry is CJK chars, a test checks)
    let mut word = [0u8; lexicon::MAX_WRITTEN_LEN];
    let mut len = 0;
    let mut only_chars = true;
    let mut ends_in_char = true;
    while i < b.len() {
        match b[i..] {
            [c @ 0xE4..=0xE9, x, y, ..] => {
                if let Some(w) = word.get_mut(len..len + 3) {
                    w.copy_from_slice(&[c, x, y]);
                }
                len += 3;
                ends_in_char = true;
                i += 3;
            }
            [c, ..] if is_ascii_space(c) => i += 1,
            // U+3000 (white space)
            [0xE3, 0x80, 0x80, ..] => i += 3,
            // `、` `，`
            [0xE3, 0x80, 0x81, ..] | [0xEF, 0xBC, 0x8C, ..] => {
                only_chars = false;
                ends_in_char = false;
                i += 3;
            }
            _ => return None,
        }
    }
    // punctuation at the end is trimmed by the full rules: leave it to them
    if !ends_in_char {
        return None;
    }
    let term = if only_chars && len <= word.len() {
        // whole chars were copied: UTF-8
        lexicon::lookup_bytes(&word[..len])
    } else {
        None
    };
    Some(Parsed {
        body: term.map_or(PBody::Text, PBody::Qualitative),
        qualifier: None,
        notes: Notes::empty(),
    })
}

#[inline]
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C)
}

/// Skips ASCII white space (what [`simple_in_place`] reads past).
#[inline]
fn skip_space(s: &str) -> &str {
    // one compare for the usual case: a digit, a unit or a comparator byte
    match s.as_bytes().first() {
        Some(&b) if b > b' ' => s,
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => {
            s.trim_start_matches([' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}'])
        }
        _ => s,
    }
}

/// Every cell: the rules of the module documentation.
pub(crate) fn general(s: &str) -> Parsed<'_> {
    let mut core = trim_punct(s);
    // a cell wrapped in one pair of brackets: `(≥95%)`
    if core.starts_with('(') && is_annotation(core) {
        core = trim_punct(&core[1..core.len() - 1]);
    }
    if is_empty_marker(core) {
        return Parsed {
            body: PBody::Empty,
            qualifier: None,
            notes: Notes::empty(),
        };
    }
    match first_digit(core.as_bytes()) {
        // digits only inside a closing annotation (`每月底(满分100分)`) do
        // not make the cell a number
        Some(d) if !in_annotation(core, d) => numeric(core, d),
        Some(_) => {
            // text that holds a number says why
            let mut p = wordy(core);
            if p.body == PBody::Text {
                p.notes.insert(Note::Unclassified);
            }
            p
        }
        None => wordy(core),
    }
}

/// A cell without digits.
#[inline]
fn wordy(s: &str) -> Parsed<'_> {
    let leading = comparator::prefix(s).ok();
    // a lexicon term, the whole cell (`不低于上年`) or after a comparator
    // symbol (`=有效提升`)
    let bare = match leading {
        Some((r, _)) if !r.is_empty() => r,
        _ => s,
    };
    // (every lexicon entry starts with a CJK char: a comparator symbol
    // before one is not part of it)
    let term = match leading {
        Some(_) if s.as_bytes()[0] >= 0xE4 => lexicon::lookup(s).or_else(|| lexicon::lookup(bare)),
        Some(_) => lexicon::lookup(bare),
        None => lexicon::lookup(s),
    };
    if let Some(term) = term {
        return Parsed {
            body: PBody::Qualitative(term),
            qualifier: None,
            notes: Notes::empty(),
        };
    }
    // a comparator and a unit without a number: `>=%`
    if let Some((r, cmp)) = leading {
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
    // a count in Chinese numerals: `两次`, `三个`, `每年一次`
    if let Some(p) = chinese_count(s) {
        return p;
    }
    // a deadline in words: `每季度末`, `年底前完成`, `=每月底前`, `按月`,
    // `第四季度`, `年内完成`; or the numeral `零`
    let (cmp, r) = match leading {
        Some((r, c)) => (Some(c), r),
        None => (None, s),
    };
    let r = r.strip_prefix('在').unwrap_or(r);
    // every such cell starts with one of these chars; most text does not
    if !matches!(
        r.chars().next(),
        Some('每' | '按' | '年' | '月' | '第' | '一' | '二' | '三' | '四' | '上' | '下' | '零')
    ) {
        return Parsed::text(Notes::empty());
    }
    if let Some(p) = zero(s) {
        return p;
    }
    let mut rec = None;
    let mut rec_end = false;
    let mut r2 = r;
    if let Some(after) = r.strip_prefix('每') {
        if let Some((_, a)) = unit::per_atom(after) {
            if let Some(x) = recurrence_of(a) {
                rec = Some(x);
                r2 = &after[a.written.len()..];
                if let Some(e) = r2.strip_prefix('末').or_else(|| r2.strip_prefix('底')) {
                    rec_end = true;
                    r2 = e;
                }
            }
        }
    } else if let Some((x, after)) = r.strip_prefix('按').and_then(by_period) {
        rec = Some(x);
        r2 = after;
    }
    if let Some((dp, rest)) = time::wordy_date(r2, rec, rec_end) {
        let mut notes = Notes::empty();
        if dp.period {
            notes.insert(Note::Period);
        }
        let cmp = if dp.within { Some(Comparator::Le) } else { cmp };
        return time_value(cmp, dp.deadline, rest, None, notes);
    }
    Parsed::text(Notes::empty())
}

/// A Chinese numeral from 1 to 99 at the start of `s` (`一` … `九`, `两`,
/// `十`, `十五`, `二十`, `二十五`) and the rest of `s`.
fn chinese_numeral(s: &str) -> Option<(u32, &str)> {
    fn digit(c: char) -> Option<u32> {
        Some(match c {
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    }
    let mut chars = s.chars();
    let first = chars.next()?;
    let (tens, rest) = if first == '十' {
        (1, chars.as_str())
    } else {
        let d = digit(first)?;
        match chars.as_str().strip_prefix('十') {
            Some(r) => (d, r),
            None => return Some((d, chars.as_str())),
        }
    };
    // after `十`: an optional units digit (`十五`, `二十五`)
    let mut after = rest.chars();
    match after.next().and_then(digit) {
        Some(u) => Some((tens * 10 + u, after.as_str())),
        None => Some((tens * 10, rest)),
    }
}

/// A count written in Chinese numerals, the whole cell: `[comparator]
/// [每+unit]* numeral unit`, the unit a known one that is not a date word
/// (`两次`, `三个`, `不少于两次`, `每年一次` → 1 `次/年`, as `每年1次`).
/// `一月`, `三年`, `一季度` are not counts (they keep their rules); a word
/// after the unit (`四个全面`, `一次性`) makes the cell text.
fn chinese_count(s: &str) -> Option<Parsed<'_>> {
    let at = s.find(|c: char| {
        matches!(
            c,
            '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
    })?;
    let p = prefix(&s[..at]);
    if p.words.is_some() {
        return None;
    }
    let (n, rest) = chinese_numeral(&s[at..])?;
    let (mut u, rest) = unit::unit(rest);
    // `一月`, `三年`, `一季度` are a month, a year, a quarter in words
    match u.numerator {
        Some(Part::Known(i))
            if !unit::is_date_atom(i)
                && unit::ATOMS.get(usize::from(i)).map(|a| a.written) != Some("季度") => {}
        _ => return None,
    }
    if !rest.is_empty() || u.has_unknown() || u.is_garbled() {
        return None;
    }
    for &i in p.per.iter().flatten() {
        if !u.push_per_word(Part::Known(i)) {
            return None;
        }
    }
    Some(Parsed {
        body: PBody::Quantity {
            cmp: p.cmp.unwrap_or(Comparator::Eq),
            written: p.cmp.is_some(),
            number: Some(Decimal::from(n)),
            unit: u,
        },
        qualifier: None,
        notes: Notes::empty(),
    })
}

/// `按月`, `按季度`, `按季`, `按年` (not `按年度`): the recurrence words of
/// `每月`, `每季度`, `每年`, written with `按`. `s` follows the `按`.
fn by_period(s: &str) -> Option<(Recurrence, &str)> {
    if let Some(r) = s.strip_prefix("季度").or_else(|| s.strip_prefix('季')) {
        return Some((Recurrence::Quarterly, r));
    }
    if let Some(r) = s.strip_prefix('月') {
        return Some((Recurrence::Monthly, r));
    }
    match s.strip_prefix('年') {
        Some(r) if !r.starts_with('度') => Some((Recurrence::Yearly, r)),
        _ => None,
    }
}

/// `零` is the numeral 0: alone, or before a word of at least two chars
/// that does not start with a unit (`零投诉`, `零事故`: 0, qualifier
/// `投诉`). A single char after it makes a word of its own (`零星`, `零售`,
/// `零件`), which is text.
fn zero(s: &str) -> Option<Parsed<'_>> {
    let r = s.strip_prefix('零')?;
    if !r.is_empty()
        && (r.starts_with(|c: char| c.is_ascii())
            || r.chars().nth(1).is_none()
            || unit::atom_at(r).is_some())
    {
        return None;
    }
    Some(Parsed {
        body: PBody::Quantity {
            cmp: Comparator::Eq,
            written: false,
            number: Some(Decimal::ZERO),
            unit: unit::Parsed::none(),
        },
        qualifier: non_empty(r),
        notes: Notes::empty(),
    })
}

/// A time value from a date after the words `p`: an invalid date is text,
/// a period is noted, `年内` makes the comparator `<=`.
#[inline]
fn date_value<'s>(p: Prefix<'s>, dp: time::DateParse, rest: &'s str) -> Parsed<'s> {
    let mut notes = Notes::empty();
    if dp.invalid {
        notes.insert(Note::InvalidDate);
        return Parsed::text(notes);
    }
    if dp.period {
        notes.insert(Note::Period);
    }
    let cmp = if dp.within {
        Some(Comparator::Le)
    } else {
        p.cmp
    };
    time_value(cmp, dp.deadline, rest, p.words, notes)
}

/// Builds a time value: `前` after the date makes the comparator `<=`.
#[inline]
fn time_value<'s>(
    cmp: Option<Comparator>,
    deadline: Deadline,
    rest: &'s str,
    words: Option<&'s str>,
    notes: Notes,
) -> Parsed<'s> {
    let (cmp, written, rest) = match comparator::before(rest) {
        Ok((r, c)) => (c, true, r),
        // `12月内`, `12月以内`: within the month, by its end
        Err(_) => match rest.as_bytes() {
            [0xE5, 0x86, 0x85, ..] => (Comparator::Le, true, &rest[3..]),
            _ if within_word(rest) => (Comparator::Le, true, &rest[6..]),
            _ => (cmp.unwrap_or(Comparator::Eq), cmp.is_some(), rest),
        },
    };
    let mut notes = notes;
    let tail = non_empty(rest);
    if tail.is_some_and(|t| first_digit(t.as_bytes()).is_some() && !is_annotation(t)) {
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

/// `之内` or `以内` at the start of `s`.
fn within_word(s: &str) -> bool {
    s.starts_with("之内") || s.starts_with("以内")
}

fn unclassified(s: &str) -> Parsed<'_> {
    let _ = s;
    let mut notes = Notes::empty();
    notes.insert(Note::Unclassified);
    Parsed::text(notes)
}

/// A number written twice without a unit (`1515` for `15`): an extraction
/// slip, kept as written and noted.
pub(crate) fn is_doubled(text: &str) -> bool {
    let n = text.len();
    n >= 4
        && n % 2 == 0
        && text.bytes().all(|b| b.is_ascii_digit())
        && text[..n / 2] == text[n / 2..]
}

/// A cell with a digit at byte `d`.
#[inline]
fn numeric(s: &str, d: usize) -> Parsed<'_> {
    let pre = &s[..d];
    if pre.chars().next_back().is_some_and(is_identifier_char) {
        return unclassified(s);
    }
    let at = &s[d..];
    let mut p = prefix(pre);
    // `第4季度`: a part of the year, at its end (`第` is not a qualifier)
    if let Some(words) = pre.strip_suffix('第') {
        if let Some((mut dp, rest)) = time::part_of_year(&s[words.len()..]) {
            p.words = p
                .words
                .and_then(|w| non_empty(w.strip_suffix('第').unwrap_or(w)));
            // `每年第4季度`: every year
            dp.deadline.recurrence = p.recurrence.filter(|r| *r == Recurrence::Yearly);
            return date_value(p, dp, rest);
        }
    }
    // `2025-12-31`, `2025.12.31`, `2025/12/31`, `2025-12`
    if let Some((dp, rest)) = time::separated_date(at) {
        return date_value(p, dp, rest);
    }
    let Some((num, after_num)) = number(at) else {
        return unclassified(s);
    };
    let Some(value) = num.value else {
        let mut notes = Notes::empty();
        notes.insert(Note::NumberOverflow);
        return Parsed::text(notes);
    };
    // a fraction (`2/3`) or a ratio (`1:1`) is not an exact decimal value
    let split = match after_num.as_bytes() {
        [b'/' | b':', d, ..] => d.is_ascii_digit(),
        // `∶` (U+2236 RATIO)
        [0xE2, 0x88, 0xB6, d, ..] => d.is_ascii_digit(),
        _ => false,
    };
    if split {
        return unclassified(s);
    }

    // time
    let date = if time::may_follow_date_number(after_num) {
        time::date(at, p.recurrence)
    } else {
        None
    };
    if let Some((dp, rest)) = date {
        return date_value(p, dp, rest);
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
    } else if let Some(r) = within(&u, rest) {
        // `30日内`, `3个工作日内`: within a duration, as `以内`
        cmp = Some(Comparator::Le);
        rest = r;
    }
    // per-words before the number fold into the unit (`每人每月1900元` →
    // `元/人/月`); a bare number or bare scale word has no numerator to divide
    if u.numerator.is_some() {
        for &i in p.per.iter().flatten() {
            if !u.push_per_word(Part::Known(i)) {
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
    // `≥80%且≤100%`, `80%≤x≤100%`: both bounds, a range
    if let Some(b) = may_start_bound(rest)
        .then(|| second_bound(cmp, rest))
        .flatten()
    {
        let (low, high) = match b.cmp {
            Comparator::Le => (value, b.value),
            _ => (b.value, value),
        };
        if low <= high {
            if u.is_none() {
                u = b.unit;
            } else if !b.unit.is_none() && b.unit.written != u.written {
                notes.insert(Note::GarbledCell);
                u = b.unit;
            }
            if u.has_unknown() {
                notes.insert(Note::UnknownUnit);
            }
            return finish_notes(
                PBody::Range { low, high, unit: u },
                b.rest,
                b.word.or(p.words),
                notes,
            );
        }
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

/// `内` or `之内` after a duration (`30日内`): `rest` after it.
#[inline(always)]
fn within<'s>(u: &unit::Parsed<'_>, rest: &'s str) -> Option<&'s str> {
    let r = match rest.as_bytes() {
        [0xE5, 0x86, 0x85, ..] => &rest[3..],                   // 内
        [0xE4, 0xB9, 0x8B, 0xE5, 0x86, 0x85, ..] => &rest[6..], // 之内
        _ => return None,
    };
    (u.dimension() == Dimension::Duration).then_some(r)
}

/// A byte test for [`second_bound`]: `rest` starts with a connector or a
/// comparator (`, ; < > ≤ ≥ 、 且 并 不 小 大 ， ；`).
#[inline]
fn may_start_bound(rest: &str) -> bool {
    matches!(
        rest.as_bytes(),
        [b',' | b';' | b'<' | b'>', ..]
            | [0xE2, 0x89, 0xA4 | 0xA5, ..] // ≤ ≥
            | [0xE3, 0x80, 0x81, ..] // 、
            | [0xE4, 0xB8, 0x94 | 0x8D, ..] // 且 不
            | [0xE5, 0xB9, 0xB6, ..] // 并
            | [0xE5, 0xB0, 0x8F, ..] // 小
            | [0xE5, 0xA4, 0xA7, ..] // 大
            | [0xEF, 0xBC, 0x8C | 0x9B, ..] // ， ；
    )
}

/// The second bound of a value written as two bounds.
struct SecondBound<'s> {
    /// `<=` when it is the upper bound, `>=` when the lower.
    cmp: Comparator,
    value: Decimal,
    unit: unit::Parsed<'s>,
    rest: &'s str,
    /// The word between the bounds of `80%≤满意度≤100%` (not a lone ASCII
    /// letter, `x`): the qualifier.
    word: Option<&'s str>,
}

/// After a first bound with comparator `first`, `rest` holds an opposite
/// inclusive bound: `≥80%且≤100%`, `≥80%,≤100%`, `≤100%且≥80%`,
/// `80%以上且100%以下`, or, after a bound without a comparator, the
/// chained form `80%≤x≤100%`. Strict bounds (`>`, `<`) are not read: a
/// range states inclusive bounds.
#[inline(never)]
fn second_bound(first: Option<Comparator>, rest: &str) -> Option<SecondBound<'_>> {
    use Comparator::{Ge, Le};
    let c = rest.chars().next()?;
    if !matches!(
        c,
        '且' | '并' | ',' | '，' | ';' | '；' | '、' | '≤' | '≥' | '<' | '>' | '不' | '小' | '大'
    ) {
        return None;
    }
    let mut word = None;
    let r = match first {
        Some(Ge | Le) => ["并且", "且", ",", "，", ";", "；", "、"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))
            .unwrap_or(rest),
        // `80%≤x≤100%`: `≤`, a word, `≤`
        None => {
            let (r, Le) = comparator::prefix(rest).ok()? else {
                return None;
            };
            let at = r.find(['≤', '<'])?;
            let w = &r[..at];
            if w.is_empty() || first_digit(w.as_bytes()).is_some() {
                return None;
            }
            let lone_letter = w.len() == 1 && w.as_bytes()[0].is_ascii_alphabetic();
            word = (!lone_letter).then_some(w);
            let (r2, Le) = comparator::prefix(&r[at..]).ok()? else {
                return None;
            };
            return bound_after(Le, r2, word);
        }
        Some(_) => return None,
    };
    let want = if first == Some(Ge) { Le } else { Ge };
    match comparator::prefix(r) {
        Ok((r, c)) if c == want => bound_after(want, r, word),
        Ok(_) => None,
        // `80%以上且100%以下`: the second comparator is a suffix
        Err(_) => {
            let b = bound_after(want, r, word)?;
            let (r, c) = comparator::suffix(b.rest).ok()?;
            (c == want).then_some(SecondBound { rest: r, ..b })
        }
    }
}

/// A number and its unit at `s`, the second bound of a compound value.
fn bound_after<'s>(cmp: Comparator, s: &'s str, word: Option<&'s str>) -> Option<SecondBound<'s>> {
    let (n, after) = number(s)?;
    let value = n.value?;
    let (unit, rest) = unit::unit(after);
    Some(SecondBound {
        cmp,
        value,
        unit,
        rest,
        word,
    })
}

/// A tail that is one bracketed annotation (`(满分100分)`, `(含)`): its
/// digits are not a second value.
fn is_annotation(t: &str) -> bool {
    t.len() >= 2
        && t.starts_with('(')
        && t.ends_with(')')
        && !t[1..t.len() - 1].contains(['(', ')'])
}

/// True when byte `d` of `s` lies in a bracketed annotation that ends `s`.
fn in_annotation(s: &str, d: usize) -> bool {
    s.ends_with(')')
        && s.rfind('(')
            .is_some_and(|open| open < d && is_annotation(&s[open..]))
}

#[inline(always)]
fn finish_notes<'s>(
    body: PBody<'s>,
    rest: &'s str,
    words: Option<&'s str>,
    mut notes: Notes,
) -> Parsed<'s> {
    let tail = non_empty(rest);
    if tail.is_some_and(|t| first_digit(t.as_bytes()).is_some() && !is_annotation(t)) {
        notes.insert(Note::GarbledCell);
    }
    Parsed {
        body,
        qualifier: tail.or(words),
        notes,
    }
}

#[cfg(test)]
mod tests {
    //! One test per grammar rule of SPEC §2, through the public entry.

    use std::str::FromStr;

    use rust_decimal::Decimal;

    use crate::value::{Body, Comparator, Dimension, Grade, Kind, Note, Recurrence, Scale, Value};

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// (cmp, cmp_written, number, unit, base number, base unit, dimension, qualifier)
    type Fields = (
        Comparator,
        bool,
        Option<Decimal>,
        String,
        Option<Decimal>,
        String,
        Dimension,
        Option<String>,
    );

    fn q(s: &str) -> Fields {
        let v = Value::parse(s);
        let Body::Quantity(x) = &v.body else {
            panic!("{s:?} is {:?}, not a quantity", v.kind())
        };
        (
            x.cmp,
            x.cmp_written,
            x.number,
            x.unit.as_str().to_string(),
            v.base_number(),
            x.unit.base().to_string(),
            x.unit.dimension(),
            v.qualifier().map(str::to_string),
        )
    }

    fn notes(s: &str) -> Vec<Note> {
        Value::parse(s).notes.iter().collect()
    }

    /// The one-pass path agrees with the general rules wherever it answers.
    #[test]
    fn the_simple_path_agrees_with_the_general_rules() {
        use super::{general, simple};
        let corpus = include_str!("../../../testdata/values.txt");
        let mut answered = 0;
        for cell in corpus.lines() {
            if let Some(p) = simple(cell) {
                assert_eq!(p, general(cell), "{cell}");
                answered += 1;
            }
        }
        assert!(
            answered > 100,
            "only {answered} corpus cells take the simple path"
        );
    }

    proptest::proptest! {
        #[test]
        fn the_simple_path_agrees_on_generated_cells(
            cmp in proptest::sample::select(vec!["", "≥", "≤", ">=", "<=", ">", "<", "=", "=>", "≥=", "约"]),
            num in proptest::sample::select(vec!["0", "95", "95.00", "1515", "2025", "12", "1,000", "3.", ""]),
            unit in proptest::sample::select(vec![
                "", "%", "百分比", "人", "人次", "元", "万元", "万", "元/人/月", "元/人月", "个/元",
                "月", "年", "日", "个月", "锅", "%满意", "-95%", "/3", "以上", "月底", "万元/户",
            ]),
        ) {
            use super::{general, simple};
            let cell = format!("{cmp}{num}{unit}");
            if let Some(p) = simple(&cell) {
                proptest::prop_assert_eq!(p, general(&cell), "{}", cell);
            }
        }
    }

    /// The normalised form of a cell, as `Value::parse` builds it.
    fn normalized(cell: &str) -> String {
        let mut buf = String::new();
        crate::value::normalize::normalize_into(cell, &mut buf);
        buf
    }

    /// The in-place path, on a cell as given, agrees with the full rules on
    /// the normalised cell wherever it answers.
    #[test]
    fn the_in_place_path_agrees_with_the_rules_on_the_normalised_cell() {
        use super::{parse, simple_in_place};
        let corpus = include_str!("../../../testdata/values.txt");
        let mut spaced = 0;
        for cell in corpus.lines() {
            let norm = normalized(cell);
            if let Some(p) = simple_in_place(cell) {
                assert_eq!(p, parse(&norm), "{cell:?}");
                spaced += usize::from(norm != cell);
            }
        }
        assert!(
            spaced > 50,
            "only {spaced} corpus cells with white space take the in-place path"
        );
        // a space that normalisation keeps, or one inside the unit, is refused
        for cell in [
            "10 kg",
            "≥ 9 5%",
            "100 元/ 人",
            "95 % 满意",
            "1 2",
            "95\u{3000}%",
        ] {
            assert_eq!(simple_in_place(cell), None, "{cell:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_in_place_path_agrees_on_generated_cells(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "", " ", "\n", " \r\n", "\t", "\u{3000}", "\u{a0}", "≥", "≤", ">", "<", "=", "=>",
                "0", "95", "95.00", "1515", "1,000", ".", "3", "%", "％", "百分", "比", "元", "万",
                "万元", "/", "人", "月", "人月", "·", "年", "kg", "k", "g", "m", "2", "锅", "满意",
                "以上", "-", "９",
            ]), 0..9),
        ) {
            use super::{parse, simple_in_place};
            let cell = parts.concat();
            if let Some(p) = simple_in_place(&cell) {
                let norm = normalized(&cell);
                proptest::prop_assert_eq!(p, parse(&norm), "{:?}", cell);
            }
        }
    }

    #[test]
    fn counts_in_chinese_numerals() {
        for (cell, cmp, written, n, unit, dim) in [
            ("两次", Comparator::Eq, false, "2", "次", Dimension::Count),
            ("三个", Comparator::Eq, false, "3", "个", Dimension::Count),
            ("一次", Comparator::Eq, false, "1", "次", Dimension::Count),
            ("十次", Comparator::Eq, false, "10", "次", Dimension::Count),
            (
                "十五人",
                Comparator::Eq,
                false,
                "15",
                "人",
                Dimension::Count,
            ),
            (
                "二十五天",
                Comparator::Eq,
                false,
                "25",
                "天",
                Dimension::Duration,
            ),
            (
                "每年一次",
                Comparator::Eq,
                false,
                "1",
                "次/年",
                Dimension::Count,
            ),
            (
                "每月两次",
                Comparator::Eq,
                false,
                "2",
                "次/月",
                Dimension::Count,
            ),
            (
                "不少于两次",
                Comparator::Ge,
                true,
                "2",
                "次",
                Dimension::Count,
            ),
            ("≥三个", Comparator::Ge, true, "3", "个", Dimension::Count),
            ("两 次", Comparator::Eq, false, "2", "次", Dimension::Count),
        ] {
            let (c, w, num, u, _, _, d, qual) = q(cell);
            assert_eq!(
                (c, w, num, u.as_str(), d, qual),
                (cmp, written, Some(dec(n)), unit, dim, None),
                "{cell}"
            );
            assert!(Value::parse(cell).notes.is_empty(), "{cell}");
        }
        // the same as written with digits
        assert_eq!(
            Value::parse("每年一次")
                .unit()
                .map(|u| u.as_str().to_string()),
            Value::parse("每年1次")
                .unit()
                .map(|u| u.as_str().to_string())
        );
        // months, years and quarters in words are not counts; nor is a
        // numeral with other words
        assert_eq!(Value::parse("一季度").kind(), Kind::Time);
        for cell in [
            "一月",
            "三年",
            "十二月",
            "四个全面",
            "一次性",
            "两学一做",
            "三级",
            "一般",
            "十分满意",
        ] {
            assert_ne!(Value::parse(cell).kind(), Kind::Quantity, "{cell}");
        }
    }

    #[test]
    fn comparator_spellings() {
        for (cell, cmp) in [
            ("≥95%", Comparator::Ge),
            (">=95%", Comparator::Ge),
            ("≧95%", Comparator::Ge),
            ("＞＝95%", Comparator::Ge),
            ("大于等于95%", Comparator::Ge),
            ("不低于95%", Comparator::Ge),
            ("不少于95%", Comparator::Ge),
            ("95%以上", Comparator::Ge),
            ("达到95%以上", Comparator::Ge),
            ("至少95%", Comparator::Ge),
            ("≤95%", Comparator::Le),
            ("<=95%", Comparator::Le),
            ("≦95%", Comparator::Le),
            ("小于等于95%", Comparator::Le),
            ("不高于95%", Comparator::Le),
            ("不超过95%", Comparator::Le),
            ("95%以内", Comparator::Le),
            ("95%以下", Comparator::Le),
            ("95%及以上", Comparator::Ge),
            ("95%及以下", Comparator::Le),
            (">95%", Comparator::Gt),
            ("大于95%", Comparator::Gt),
            ("超过95%", Comparator::Gt),
            ("<95%", Comparator::Lt),
            ("小于95%", Comparator::Lt),
            ("低于95%", Comparator::Lt),
            ("=95%", Comparator::Eq),
            ("＝95%", Comparator::Eq),
            ("约95%", Comparator::Approx),
            ("95%左右", Comparator::Approx),
            ("预计95%", Comparator::Approx),
        ] {
            let (c, written, n, u, ..) = q(cell);
            assert_eq!(
                (c, written, n, u.as_str()),
                (cmp, true, Some(dec("95")), "%"),
                "{cell}"
            );
        }
        let (c, written, ..) = q("95%");
        assert_eq!((c, written), (Comparator::Eq, false));
    }

    #[test]
    fn white_space_line_breaks_and_full_width_are_not_significant() {
        assert_eq!(q("100 元/人/\n年"), q("100元/人/年"));
        assert_eq!(q("≥１４３３９６\n人"), q("≥143396人"));
        assert_eq!(q("９５．５％").2, Some(dec("95.5")));
        assert_eq!(Value::parse("100 元/人/\n年").raw, "100 元/人/\n年");
    }

    #[test]
    fn units_split_into_numerator_and_denominators() {
        for cell in ["93元/人月", "93元/人·月", "93 元/ 人/月", "每人每月93元"] {
            let (_, _, n, u, _, base, dim, _) = q(cell);
            assert_eq!(
                (n, u.as_str(), base.as_str(), dim),
                (Some(dec("93")), "元/人/月", "元/人/月", Dimension::Currency),
                "{cell}"
            );
        }
    }

    #[test]
    fn scale_words_fold_exactly() {
        let (_, _, _, u, b, bu, dim, _) = q("0.13 万元/户");
        assert_eq!(
            (u.as_str(), b, bu.as_str(), dim),
            ("万元/户", Some(dec("1300")), "元/户", Dimension::Currency)
        );
        let (_, _, _, u, b, bu, _, _) = q("1.5亿元");
        assert_eq!(
            (u.as_str(), b, bu.as_str()),
            ("亿元", Some(dec("150000000")), "元")
        );
        let (_, _, _, _, b, bu, _, _) = q("3千元");
        assert_eq!((b, bu.as_str()), (Some(dec("3000")), "元"));
        let (_, _, _, u, b, bu, dim, _) = q("4.35 万");
        assert_eq!(
            (u.as_str(), b, bu.as_str(), dim),
            ("万", Some(dec("43500")), "", Dimension::Count)
        );
        let (_, _, _, u, b, bu, dim, _) = q("1万份");
        assert_eq!(
            (u.as_str(), b, bu.as_str(), dim),
            ("万份", Some(dec("10000")), "份", Dimension::Count)
        );
        let (_, _, _, u, b, _, dim, _) = q("2万立方米");
        assert_eq!(
            (u.as_str(), b, dim),
            ("万立方米", Some(dec("20000")), Dimension::Volume)
        );
        assert_eq!(
            Value::parse("1.5亿元").unit().map(|u| u.scale()),
            Some(Scale::Yi)
        );
    }

    #[test]
    fn percent_and_percentage_points() {
        for cell in ["95%", "95％", "95百分比", "95 百分\n比"] {
            let (_, _, _, u, _, _, dim, _) = q(cell);
            assert_eq!((u.as_str(), dim), ("%", Dimension::Percent), "{cell}");
        }
        let (_, _, _, u, _, _, dim, _) = q("提高2个百分点");
        assert_eq!((u.as_str(), dim), ("百分点", Dimension::Percent));
    }

    #[test]
    fn dimensions() {
        for (cell, dim) in [
            ("5人次", Dimension::Count),
            ("5场", Dimension::Count),
            ("5批", Dimension::Count),
            ("5天", Dimension::Duration),
            ("5小时", Dimension::Duration),
            ("5个工作日", Dimension::Duration),
            ("5平方米", Dimension::Area),
            ("5亩", Dimension::Area),
            ("5公顷", Dimension::Area),
            ("5米", Dimension::Length),
            ("5公里", Dimension::Length),
            ("5立方米", Dimension::Volume),
            ("5公斤", Dimension::Mass),
            ("5吨", Dimension::Mass),
            ("5", Dimension::Count),
        ] {
            assert_eq!(q(cell).6, dim, "{cell}");
        }
        assert_eq!(q("5个工作日").3, "工作日");
    }

    #[test]
    fn unknown_units_are_kept_with_dimension_other() {
        let (_, _, n, u, _, _, dim, _) = q("5锅");
        assert_eq!(
            (n, u.as_str(), dim),
            (Some(dec("5")), "锅", Dimension::Other)
        );
        assert_eq!(notes("5锅"), [Note::UnknownUnit]);
        let (_, _, _, u, _, _, dim, _) = q("5元/锅");
        assert_eq!((u.as_str(), dim), ("元/锅", Dimension::Currency));
        assert_eq!(notes("5元/锅"), [Note::UnknownUnit]);
    }

    #[test]
    fn literal_never_repaired() {
        let (_, _, n, u, ..) = q("4000 个/元");
        assert_eq!((n, u.as_str()), (Some(dec("4000")), "个/元"));
        assert_eq!(notes("4000 个/元"), [Note::GarbledCell]);
        assert_eq!(notes(">=1900人/元/月"), [Note::GarbledCell]);
        assert_eq!(notes("1515"), [Note::GarbledCell]);
        assert_eq!(notes("15"), []);
        let (c, w, n, u, ..) = q(">=%");
        assert_eq!((c, w, n, u.as_str()), (Comparator::Ge, true, None, "%"));
        assert_eq!(notes(">=%"), [Note::NumberMissing]);
        assert_eq!(notes("6000 每条 维护费 6000 元"), [Note::GarbledCell]);
    }

    #[test]
    fn months_after_a_comparator_are_deadlines_durations_are_quantities() {
        let v = Value::parse("≤11月");
        let d = v.deadline().unwrap();
        assert_eq!(
            (v.cmp(), d.month, d.day),
            (Some(Comparator::Le), Some(11), None)
        );
        assert_eq!(Value::parse("<=10月份").deadline().unwrap().month, Some(10));
        for (cell, unit) in [
            ("6个月", "个月"),
            ("30天", "天"),
            ("30日", "日"),
            ("10个工作日", "工作日"),
            ("1年", "年"),
        ] {
            let (_, _, _, u, _, _, dim, _) = q(cell);
            assert_eq!((u.as_str(), dim), (unit, Dimension::Duration), "{cell}");
        }
    }

    #[test]
    fn deadlines() {
        let v = Value::parse("2025年12月底完成");
        let t = match v.body {
            Body::Time(t) => t,
            _ => panic!(),
        };
        assert_eq!((t.cmp, t.cmp_written), (Comparator::Eq, false));
        assert_eq!(
            (t.deadline.year, t.deadline.month, t.deadline.end_of_month),
            (Some(2025), Some(12), true)
        );
        assert_eq!(v.qualifier(), Some("完成"));

        let v = Value::parse("年底前完成");
        let d = v.deadline().unwrap();
        assert_eq!(
            (v.cmp(), d.month, d.end_of_month),
            (Some(Comparator::Le), Some(12), true)
        );

        let v = Value::parse("在 2025 年 12 月 20 日 前发放到位");
        let d = v.deadline().unwrap();
        assert_eq!((d.year, d.month, d.day), (Some(2025), Some(12), Some(20)));
        assert_eq!(
            (v.cmp(), v.cmp_written(), v.qualifier()),
            (Some(Comparator::Le), true, Some("发放到位"))
        );

        let v = Value::parse("每季度末 21 日贴息到位");
        let d = v.deadline().unwrap();
        assert_eq!(
            (d.recurrence, d.day, v.cmp()),
            (Some(Recurrence::Quarterly), Some(21), Some(Comparator::Eq))
        );
        assert_eq!(
            Value::parse("每年6月底前").deadline().unwrap().recurrence,
            Some(Recurrence::Yearly)
        );
        assert_eq!(Value::parse("每月20日之前").cmp(), Some(Comparator::Le));
        assert_eq!(Value::parse("每月20日以前").cmp(), Some(Comparator::Le));
    }

    #[test]
    fn periods_are_their_end() {
        let v = Value::parse("2021年1-12月");
        let d = v.deadline().unwrap();
        assert_eq!((d.year, d.month), (Some(2021), Some(12)));
        assert_eq!(notes("2021年1-12月"), [Note::Period]);
    }

    #[test]
    fn invalid_dates_are_text() {
        for cell in ["≤13月", "4月32日前"] {
            let v = Value::parse(cell);
            assert_eq!(v.kind(), Kind::Text, "{cell}");
            assert_eq!(notes(cell), [Note::InvalidDate], "{cell}");
        }
    }

    #[test]
    fn ranges() {
        for cell in ["90%-95%", "90-95%", "90%~95%", "90%至95%", "９０％－９５％"] {
            let v = Value::parse(cell);
            let Body::Range(r) = &v.body else {
                panic!("{cell}")
            };
            assert_eq!(
                (r.low, r.high, r.unit.as_str()),
                (dec("90"), dec("95"), "%"),
                "{cell}"
            );
        }
        let v = Value::parse("3~5人");
        assert_eq!(v.kind(), Kind::Range);
        assert_eq!(v.unit().map(|u| u.as_str()), Some("人"));
        let v = Value::parse("1-2万元");
        assert_eq!(v.base_range(), Some((dec("10000"), dec("20000"))));
    }

    #[test]
    fn qualifiers() {
        assert_eq!(q("98%满意").7.as_deref(), Some("满意"));
        assert_eq!(q("100%完成").7.as_deref(), Some("完成"));
        assert_eq!(
            q("服务对象满意度 100%").7.as_deref(),
            Some("服务对象满意度")
        );
        // words after win over words before
        assert_eq!(q("满意度98%以上为优").7.as_deref(), Some("为优"));
        assert_eq!(q("≥95%。").7, None);
    }

    #[test]
    fn qualitative_terms_and_text() {
        for (cell, term, grade) in [
            ("长期", "长期", None),
            ("持续发展", "持续发展", None),
            ("及时", "及时", None),
            ("提升", "提升", None),
            ("提高", "提升", None),
            ("全部覆盖", "全部覆盖", None),
            ("足额发放", "足额发放", None),
            ("满意", "满意", Some(Grade::Positive)),
            ("基本满意", "基本满意", Some(Grade::Middling)),
            ("显著", "显著", Some(Grade::Positive)),
            ("优", "优", Some(Grade::Positive)),
            ("良好", "良好", Some(Grade::Middling)),
            ("合格", "合格", Some(Grade::Positive)),
            ("不合格", "不合格", Some(Grade::Negative)),
            ("达标", "达标", Some(Grade::Positive)),
            ("是", "是", Some(Grade::Positive)),
            ("否", "否", Some(Grade::Negative)),
            ("应保尽保", "应保尽保", None),
            ("按要求", "按要求", None),
            (" 长 期 ", "长期", None),
            ("=有效提升", "有效提升", None),
        ] {
            let v = Value::parse(cell);
            let t = v
                .term()
                .unwrap_or_else(|| panic!("{cell:?} is {:?}", v.kind()));
            assert_eq!((t.term, t.grade), (term, grade), "{cell}");
            assert_eq!(v.cmp_code(), Some(6));
        }
        for cell in [
            "促进就业",
            "及时支付待遇",
            "工资按时发放保险足额缴纳",
            "区、镇、村三级设专网，专网畅通",
        ] {
            let v = Value::parse(cell);
            assert_eq!((v.kind(), v.notes.is_empty()), (Kind::Text, true), "{cell}");
            assert_eq!(v.cmp_code(), Some(6));
        }
    }

    #[test]
    fn numbers_no_rule_places_are_text_with_a_note() {
        for cell in [
            "不超过实缴社保额的2/3",
            "LPR-150BP剩余部分",
            "冀财社[2024]182号",
        ] {
            let v = Value::parse(cell);
            assert_eq!(v.kind(), Kind::Text, "{cell}");
            assert_eq!(notes(cell), [Note::Unclassified], "{cell}");
        }
        let huge = "1234567890123456789012345678901234567890人";
        assert_eq!(
            (Value::parse(huge).kind(), notes(huge)),
            (Kind::Text, vec![Note::NumberOverflow])
        );
    }

    #[test]
    fn empty_cells() {
        for cell in ["", " ", "/", "—", "——", "无", "-", "\n"] {
            let v = Value::parse(cell);
            assert_eq!((v.kind(), v.cmp_code()), (Kind::Empty, None), "{cell:?}");
            assert_eq!(v.raw, cell);
        }
    }

    #[test]
    fn zero_copy_when_no_normalisation_is_needed() {
        use std::borrow::Cow;
        let v = Value::parse("98%满意");
        assert!(matches!(v.raw, Cow::Borrowed(_)));
        assert!(matches!(v.qualifier, Some(Cow::Borrowed(_))));
        // white space around the words: still a slice of the cell
        let v = Value::parse("98% 满意 ");
        assert!(matches!(v.qualifier, Some(Cow::Borrowed("满意"))));
        // white space inside them: normalised, a copy
        let v = Value::parse("98% 满 意");
        assert!(matches!(v.raw, Cow::Borrowed(_)));
        assert!(matches!(v.qualifier, Some(Cow::Owned(_))));
        assert_eq!(v.qualifier(), Some("满意"));
    }

    /// Thousands written with spaces (`1 000 000元`) are one number;
    /// a cell written twice (`100 100`) stays garbled.
    #[test]
    fn thousands_groups_with_spaces() {
        use Comparator::{Eq, Ge};
        use Dimension::{Count, Currency};
        assert_eq!(
            q("1 000 000元"),
            (
                Eq,
                false,
                Some(dec("1000000")),
                "元".into(),
                Some(dec("1000000")),
                "元".into(),
                Currency,
                None
            )
        );
        assert_eq!(
            q("≥1 200 人"),
            (
                Ge,
                true,
                Some(dec("1200")),
                "人".into(),
                Some(dec("1200")),
                "人".into(),
                Count,
                None
            )
        );
        assert_eq!(
            q("12 500.5万元"),
            (
                Eq,
                false,
                Some(dec("12500.5")),
                "万元".into(),
                Some(dec("125005000")),
                "元".into(),
                Currency,
                None
            )
        );
        assert!(notes("1 000 000元").is_empty());
        assert_eq!(notes("100 100"), vec![Note::GarbledCell]);
    }

    #[test]
    fn bytes_entry() {
        let v = Value::parse_bytes("≥95%".as_bytes()).unwrap();
        assert_eq!(v.number(), Some(dec("95")));
        let e = Value::parse_bytes(b"95\n\xff%").unwrap_err();
        assert_eq!(
            (e.kind, e.line, e.offset),
            (crate::ErrorKind::InvalidUtf8, 2, 3)
        );
    }

    /// (kind, cmp, cmp_written, deadline (year, month, day, end of month,
    /// recurrence), qualifier, notes) of a time value.
    type TimeFields = (
        Kind,
        Option<Comparator>,
        bool,
        (
            Option<u16>,
            Option<u8>,
            Option<u8>,
            bool,
            Option<Recurrence>,
        ),
        Option<String>,
        Vec<Note>,
    );

    fn t(s: &str) -> TimeFields {
        let v = Value::parse(s);
        let d = v
            .deadline()
            .unwrap_or_else(|| panic!("{s:?} is {:?}, not a time", v.kind()));
        (
            v.kind(),
            v.cmp(),
            v.cmp_written(),
            (d.year, d.month, d.day, d.end_of_month, d.recurrence),
            v.qualifier().map(str::to_string),
            v.notes.iter().collect(),
        )
    }

    /// (low, high, unit, dimension, qualifier, notes) of a range.
    fn r(
        s: &str,
    ) -> (
        Decimal,
        Decimal,
        String,
        Dimension,
        Option<String>,
        Vec<Note>,
    ) {
        let v = Value::parse(s);
        let Body::Range(x) = &v.body else {
            panic!("{s:?} is {:?}, not a range", v.kind())
        };
        (
            x.low,
            x.high,
            x.unit.as_str().to_string(),
            x.unit.dimension(),
            v.qualifier().map(str::to_string),
            v.notes.iter().collect(),
        )
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn score_points_are_a_known_unit() {
        use Comparator::{Eq, Ge};
        let fen = |c, w, n: &str, q: Option<String>| {
            (
                c,
                w,
                Some(dec(n)),
                "分".to_string(),
                Some(dec(n)),
                "分".to_string(),
                Dimension::Other,
                q,
            )
        };
        assert_eq!(q("≥95分"), fen(Ge, true, "95", None));
        assert_eq!(q("≥4.5分"), fen(Ge, true, "4.5", None));
        assert_eq!(q("95分"), fen(Eq, false, "95", None));
        assert_eq!(q("90分以上"), fen(Ge, true, "90", None));
        assert_eq!(q("满意度90分以上"), fen(Ge, true, "90", some("满意度")));
        assert_eq!(
            q("≥90分（满分100分）"),
            fen(Ge, true, "90", some("(满分100分)"))
        );
        for cell in ["≥95分", "90分以上", "≥90分（满分100分）"] {
            assert_eq!(notes(cell), [], "{cell}");
        }
        // 分钟 is still a duration
        assert_eq!(
            (q("≤30分钟").3, q("≤30分钟").6),
            ("分钟".to_string(), Dimension::Duration)
        );
    }

    #[test]
    fn within_a_duration_is_at_most() {
        for (cell, unit) in [
            ("30日内", "日"),
            ("7天内", "天"),
            ("24小时内", "小时"),
            ("5个工作日内", "工作日"),
            ("3个月内", "个月"),
            ("1年内", "年"),
            ("10分钟之内", "分钟"),
        ] {
            let (c, w, _, u, _, _, dim, qual) = q(cell);
            assert_eq!(
                (c, w, u.as_str(), dim, qual),
                (Comparator::Le, true, unit, Dimension::Duration, None),
                "{cell}"
            );
        }
        assert_eq!(q("3日内完成").7, some("完成"));
        // not after other units: `内` stays a qualifier
        let (c, w, _, _, _, _, _, qual) = q("5人内");
        assert_eq!((c, w, qual), (Comparator::Eq, false, some("内")));
        // after a month date: by that month
        assert_eq!(
            t("12月内"),
            (
                Kind::Time,
                Some(Comparator::Le),
                true,
                (None, Some(12), None, false, None),
                None,
                vec![]
            )
        );
        assert_eq!(t("12月以内完成").4, some("完成"));
        assert_eq!(t("每月20日以内").1, Some(Comparator::Le));
    }

    #[test]
    fn dates_with_separators() {
        let day = |y, m, d| (Some(y), Some(m), Some(d), false, None);
        for cell in [
            "2025-12-31",
            "2025.12.31",
            "2025/12/31",
            "２０２５－１２－３１",
        ] {
            assert_eq!(
                t(cell),
                (
                    Kind::Time,
                    Some(Comparator::Eq),
                    false,
                    day(2025, 12, 31),
                    None,
                    vec![]
                ),
                "{cell}"
            );
        }
        assert_eq!(t("2025.1.5").3, day(2025, 1, 5));
        let (_, c, w, d, qual, _) = t("2025.12.31前完成");
        assert_eq!(
            (c, w, d, qual),
            (Some(Comparator::Le), true, day(2025, 12, 31), some("完成"))
        );
        assert_eq!(t("≤2025-12-31").1, Some(Comparator::Le));
        assert_eq!(t("2025-12").3, (Some(2025), Some(12), None, false, None));
        assert_eq!(t("2025/12前").1, Some(Comparator::Le));
        // out of range, a decimal, a unit after: as before
        assert_eq!(Value::parse("2025-13-01").kind(), Kind::Range);
        assert_eq!(Value::parse("2025-12-32").kind(), Kind::Range);
        assert_eq!(Value::parse("2025.12").number(), Some(dec("2025.12")));
        assert_eq!(Value::parse("2025-12人").kind(), Kind::Range);
        assert_eq!(Value::parse("2025-12万").kind(), Kind::Range);
        assert_eq!(Value::parse("1900-2000").kind(), Kind::Range);
        assert_eq!(notes("2025/13/01"), [Note::Unclassified]);
        // a day without 日 after a month, at the end or before 前
        assert_eq!(t("2025年12月31前").3, day(2025, 12, 31));
    }

    #[test]
    fn parts_of_the_year_are_their_end() {
        let end = |m| (None, Some(m), None, true, None);
        for (cell, month) in [
            ("第一季度", 3),
            ("一季度", 3),
            ("二季度", 6),
            ("第三季度", 9),
            ("第四季度", 12),
            ("四季度", 12),
            ("第4季度", 12),
            ("第四季", 12),
            ("上半年", 6),
            ("下半年", 12),
        ] {
            assert_eq!(
                t(cell),
                (
                    Kind::Time,
                    Some(Comparator::Eq),
                    false,
                    end(month),
                    None,
                    vec![Note::Period]
                ),
                "{cell}"
            );
        }
        // the end itself is no period
        assert_eq!(
            t("第三季度末"),
            (
                Kind::Time,
                Some(Comparator::Eq),
                false,
                end(9),
                None,
                vec![]
            )
        );
        let (_, c, w, d, qual, n) = t("2025年第四季度完成");
        assert_eq!(
            (c, w, d, qual, n),
            (
                Some(Comparator::Eq),
                false,
                (Some(2025), Some(12), None, true, None),
                some("完成"),
                vec![Note::Period]
            )
        );
        assert_eq!(t("2025年上半年").3, (Some(2025), Some(6), None, true, None));
        assert_eq!(t("第二季度前完成").1, Some(Comparator::Le));
        assert_eq!(
            t("每年第四季度").3,
            (None, Some(12), None, true, Some(Recurrence::Yearly))
        );
        assert_eq!(
            t("每年第4季度").3,
            (None, Some(12), None, true, Some(Recurrence::Yearly))
        );
        // 年内: a deadline at the year's end
        for (cell, qual) in [
            ("年内", None),
            ("年内完成", some("完成")),
            ("在年内完成", some("完成")),
        ] {
            assert_eq!(
                t(cell),
                (
                    Kind::Time,
                    Some(Comparator::Le),
                    true,
                    end(12),
                    qual,
                    vec![]
                ),
                "{cell}"
            );
        }
        let (_, c, w, d, qual, _) = t("2025年内完成");
        assert_eq!(
            (c, w, d, qual),
            (
                Some(Comparator::Le),
                true,
                (Some(2025), Some(12), None, true, None),
                some("完成")
            )
        );
        // words that only start like one
        for cell in ["第三方评价", "一次性", "四季", "上级"] {
            assert_eq!(Value::parse(cell).kind(), Kind::Text, "{cell}");
        }
        // `1季度` without 第 is a duration, as `1个季度`
        assert_eq!(q("1季度").6, Dimension::Duration);
    }

    #[test]
    fn by_period_is_a_recurrence() {
        for (cell, rec) in [
            ("按月", Recurrence::Monthly),
            ("按季度", Recurrence::Quarterly),
            ("按季", Recurrence::Quarterly),
            ("按年", Recurrence::Yearly),
            ("每月", Recurrence::Monthly),
            ("每季度", Recurrence::Quarterly),
            ("每年", Recurrence::Yearly),
        ] {
            assert_eq!(
                t(cell),
                (
                    Kind::Time,
                    Some(Comparator::Eq),
                    false,
                    (None, None, None, false, Some(rec)),
                    None,
                    vec![]
                ),
                "{cell}"
            );
        }
        assert_eq!(t("按月发放").4, some("发放"));
        for cell in ["按年度计划", "按期", "按要求完成招聘"] {
            assert_eq!(Value::parse(cell).kind(), Kind::Text, "{cell}");
        }
    }

    #[test]
    fn two_inclusive_bounds_are_a_range() {
        let pct = |q: Option<String>| {
            (
                dec("80"),
                dec("100"),
                "%".to_string(),
                Dimension::Percent,
                q,
                vec![],
            )
        };
        for cell in [
            "≥80%且≤100%",
            "≥80%，≤100%",
            "≥80%,≤100%",
            "≥80%、≤100%",
            "≥80% ≤100%",
            "≤100%且≥80%",
            "80%≤x≤100%",
            "80%≤X≤100%",
            "80≤x≤100%",
            "80%以上且100%以下",
            "不低于80%且不高于100%",
        ] {
            assert_eq!(r(cell), pct(None), "{cell}");
        }
        assert_eq!(r("80%≤满意度≤100%"), pct(some("满意度")));
        assert_eq!(r("≤100%且≥80%满意"), pct(some("满意")));
        assert_eq!(
            r("≥80%且≤100分"),
            (
                dec("80"),
                dec("100"),
                "分".to_string(),
                Dimension::Other,
                None,
                vec![Note::GarbledCell]
            )
        );
        // strict or contradictory bounds are not read as a range
        for cell in ["≥80%且<100%", ">80%且<100%", "≥100%且≤80%"] {
            let v = Value::parse(cell);
            assert_eq!(
                (v.kind(), notes(cell)),
                (Kind::Quantity, vec![Note::GarbledCell]),
                "{cell}"
            );
        }
    }

    #[test]
    fn ratios_are_text() {
        for cell in ["≥1:1", "1:3", "≥1.5∶1", "１：１"] {
            let v = Value::parse(cell);
            assert_eq!(
                (v.kind(), notes(cell)),
                (Kind::Text, vec![Note::Unclassified]),
                "{cell}"
            );
        }
    }

    #[test]
    fn zero_in_words_is_the_number_zero() {
        for (cell, qual) in [
            ("零", None),
            ("零投诉", some("投诉")),
            ("零事故。", some("事故")),
        ] {
            assert_eq!(
                q(cell),
                (
                    Comparator::Eq,
                    false,
                    Some(Decimal::ZERO),
                    String::new(),
                    Some(Decimal::ZERO),
                    String::new(),
                    Dimension::Count,
                    qual
                ),
                "{cell}"
            );
        }
        // a word of its own, or a unit after it
        for cell in ["零星", "零售", "零件", "零人员伤亡", "无重大事故"] {
            assert_eq!(Value::parse(cell).kind(), Kind::Text, "{cell}");
        }
    }

    #[test]
    fn brackets() {
        assert_eq!(q("（≥95%）"), q("≥95%"));
        assert_eq!(q("100%（含）").7, some("(含)"));
        assert_eq!(notes("≥95%（含95%）"), []);
        assert_eq!(notes("≤11月（2024年）"), []);
        // not one bracketed group: a second number
        assert_eq!(notes("≥95%(含)(95%)"), [Note::GarbledCell]);
        assert_eq!(notes("≥90分，满分100分"), [Note::GarbledCell]);
        // digits only in the annotation: the words before decide
        assert_eq!(t("每月底(满分100分)").4, some("(满分100分)"));
        assert_eq!(notes("每月底(满分100分)"), []);
        let v = Value::parse("促进就业(2024年)");
        assert_eq!(
            (v.kind(), notes("促进就业(2024年)")),
            (Kind::Text, vec![Note::Unclassified])
        );
    }

    #[test]
    fn the_bound_gate_lets_every_connector_through() {
        for w in [
            "且", "并且", ",", "，", ";", "；", "、", "≤", "≥", "<", ">", "不", "小", "大",
        ] {
            assert!(super::may_start_bound(&format!("{w}1")), "{w}");
        }
        assert!(!super::may_start_bound("协办员"));
    }

    #[test]
    fn more_qualitative_terms() {
        for (cell, term, grade) in [
            ("有所提升", "有所提升", None),
            ("有所提高", "有所提升", None),
            ("有所改善", "有所改善", None),
            ("明显改善", "显著改善", Some(Grade::Positive)),
            ("显著改善", "显著改善", Some(Grade::Positive)),
            ("降低", "降低", None),
            ("下降", "降低", None),
            ("减少", "减少", None),
            ("有所下降", "有所降低", None),
            ("完善", "完善", None),
            ("逐步完善", "逐步完善", None),
            ("不断完善", "持续完善", None),
            ("不低于上年", "不低于上年", None),
            ("不低于上年水平", "不低于上年", None),
            ("高于上年", "高于上年", None),
            ("较上年提高", "高于上年", None),
            ("持平", "持平", None),
            ("优良", "优良", Some(Grade::Positive)),
            ("与上年持平", "持平", None),
        ] {
            let v = Value::parse(cell);
            let x = v
                .term()
                .unwrap_or_else(|| panic!("{cell:?} is {:?}", v.kind()));
            assert_eq!((x.term, x.grade), (term, grade), "{cell}");
        }
        // a comparator word before a non-term is still read as before
        assert_eq!(
            Value::parse("不低于合格").term().map(|x| x.term),
            Some("合格")
        );
    }

    #[test]
    fn from_str_and_display() {
        let v: Value<'static> = "≥ 95.00 百分比".parse().unwrap();
        assert_eq!(v.to_string(), "≥95%");
        for (cell, shown) in [
            ("100 元/人/\n年", "100元/人/年"),
            ("<=11月", "≤11月"),
            ("长期", "长期"),
            ("12月底前完成", "≤12月底完成"),
            ("每月 20 日前发放", "≤每月20日发放"),
            ("每季度末", "每季度末"),
            ("2025年底前完成", "≤2025年底完成"),
            ("90%-95%", "90-95%"),
            ("4.35 万", "4.35万"),
            ("预计10万", "约10万"),
            ("服务对象满意度 100%", "100%服务对象满意度"),
            ("促进 就业", "促进 就业"),
            ("/", ""),
            (">=%", "≥%"),
            ("≥80%且≤100%", "80-100%"),
            ("30日内", "≤30日"),
            ("第四季度", "12月底"),
            ("年内", "≤12月底"),
            ("2025-12-31", "2025年12月31日"),
            ("按月", "每月"),
            ("零投诉", "0投诉"),
            ("≥90分（满分100分）", "≥90分(满分100分)"),
        ] {
            assert_eq!(Value::parse(cell).to_string(), shown, "{cell}");
        }
    }
}
