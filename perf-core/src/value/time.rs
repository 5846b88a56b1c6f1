//! Deadlines (SPEC §2 "Deadline or duration"): `≤11月`, `12月底前`,
//! `2025年12月20日前`, `每月20日前`, `每季度末21日`, `2021年1-12月` (a period,
//! taken at its end).
//!
//! `N个月`, `N天`, `N年` (N not a year), and `N日` with neither a month, a
//! recurrence nor `前` are durations: [`date`] returns `None` for them and the
//! quantity grammar takes them.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::value;
use nom::{IResult, Parser};

use super::comparator;
use super::model::{Deadline, Recurrence};

/// A date as parsed, with what the notes need to know.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct DateParse {
    pub deadline: Deadline,
    /// `1-12月`: a period, the deadline is its end.
    pub period: bool,
    /// A month or day out of range (`13月`, `32日`).
    pub invalid: bool,
    /// `年内`: within the period, a deadline at its end (`<=`).
    pub within: bool,
}

/// True when `rest`, the text after a number, can go on with a date
/// (`年`, `月`, `日`, `号`, or a period's separator); otherwise the number is
/// not a date and [`date`] need not be tried.
#[inline]
pub(crate) fn may_follow_date_number(rest: &str) -> bool {
    rest.starts_with(['年', '月', '日', '号', '-', '~', '至', '到', '—', '–'])
}

/// A small integer written with ASCII digits only (no `.`), at most 4 digits.
fn int(s: &str) -> Option<(u16, usize, &str)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 4 || s[len..].starts_with('.') {
        return None;
    }
    let n = s.as_bytes()[..len]
        .iter()
        .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
    Some((n, len, &s[len..]))
}

/// `底` or `末`: the end of a month or year.
fn end(s: &str) -> IResult<&str, ()> {
    alt((value((), tag("底")), value((), tag("末")))).parse(s)
}

/// `-`, `~`, `至`, `—`, `–` between the bounds of a period or range.
pub(crate) fn range_sep(s: &str) -> IResult<&str, ()> {
    if !s.starts_with(['-', '~', '至', '到', '—', '–']) {
        return Err(nom::Err::Error(nom::error::Error::new(
            s,
            nom::error::ErrorKind::Tag,
        )));
    }
    alt((
        value((), tag("-")),
        value((), tag("~")),
        value((), tag("至")),
        value((), tag("到")),
        value((), tag("—")),
        value((), tag("–")),
    ))
    .parse(s)
}

fn day_mark(s: &str) -> IResult<&str, ()> {
    alt((value((), tag("日")), value((), tag("号")))).parse(s)
}

fn month_mark(s: &str) -> IResult<&str, ()> {
    // `月份` before `月`
    alt((value((), tag("月份")), value((), tag("月")))).parse(s)
}

fn is_year(n: u16, digits: usize) -> bool {
    digits == 4 && (1900..=2199).contains(&n)
}

/// `recurrence` is what the words before the number set (`每月`, `每季度末`):
/// with it a day alone (`每季度末21日`) is a deadline.
///
/// Returns the date and the rest of `s` after it (a following `前` is left
/// for the caller).
pub(crate) fn date(s: &str, recurrence: Option<Recurrence>) -> Option<(DateParse, &str)> {
    let (mut n, mut digits, mut rest) = int(s)?;
    if !may_follow_date_number(rest) {
        return None;
    }
    let mut d = DateParse::default();
    d.deadline.recurrence = recurrence;

    // year
    if let Some(after) = rest.strip_prefix('年') {
        if !is_year(n, digits) || recurrence.is_some() {
            return None;
        }
        d.deadline.year = Some(n);
        if let Ok((after_end, ())) = end(after) {
            d.deadline.month = Some(12);
            d.deadline.end_of_month = true;
            return Some((d, after_end));
        }
        // `2025年内`: within the year
        if let Some(r) = after.strip_prefix('内') {
            d.deadline.month = Some(12);
            d.deadline.end_of_month = true;
            d.within = true;
            return Some((d, r));
        }
        match int(after) {
            // a month or a period of months (the common case)
            Some((m, m_digits, r)) if !r.starts_with('季') => {
                (n, digits, rest) = (m, m_digits, r);
            }
            // `2025年第四季度`, `2025年4季度`, `2025年上半年`
            _ => {
                return match part_of_year(after) {
                    Some((p, r)) => {
                        d.deadline.month = p.deadline.month;
                        d.deadline.end_of_month = true;
                        d.period = p.period;
                        Some((d, r))
                    }
                    None => Some((d, after)),
                };
            }
        }
    }
    let _ = digits;

    // month, or a period of months
    let mut month_seen = false;
    if let Ok((after_sep, ())) = range_sep(rest) {
        let (m, _, r) = int(after_sep)?;
        let (r, ()) = month_mark(r).ok()?;
        d.period = true;
        d.invalid |= !(1..=12).contains(&n) || !(1..=12).contains(&m) || n > m;
        d.deadline.month = Some(m.min(255) as u8);
        rest = r;
        month_seen = true;
    } else if let Ok((r, ())) = month_mark(rest) {
        d.invalid |= !(1..=12).contains(&n);
        d.deadline.month = Some(n.min(255) as u8);
        rest = r;
        month_seen = true;
    }
    if month_seen {
        if let Ok((r, ())) = end(rest) {
            d.deadline.end_of_month = true;
            return Some((d, r));
        }
        match int(rest) {
            Some((day, _, r)) => {
                // `日` may be left out at the end or before `前` (`12月31前`)
                let r = match day_mark(r) {
                    Ok((r, ())) => r,
                    Err(_) if r.is_empty() || comparator::before(r).is_ok() => r,
                    Err(_) => return None,
                };
                n = day;
                rest = r;
            }
            None => return Some((d, rest)),
        }
    } else {
        // a day alone: only a deadline with a recurrence or `前` after it
        let (r, ()) = day_mark(rest).ok()?;
        let r = r
            .strip_prefix('期')
            .filter(|x| comparator::before(x).is_ok())
            .unwrap_or(r);
        if d.deadline.year.is_some() || (recurrence.is_none() && comparator::before(r).is_err()) {
            return None;
        }
        rest = r;
    }
    // the day
    d.invalid |= !(1..=31).contains(&n);
    d.deadline.day = Some(n.min(255) as u8);
    // `日期前`: `期` is absorbed when `前` follows (a common slip for `日前`)
    let rest = rest
        .strip_prefix('期')
        .filter(|x| comparator::before(x).is_ok())
        .unwrap_or(rest);
    Some((d, rest))
}

/// A part of a year named in words: a quarter (`第四季度`, `四季度`,
/// `第4季度`, `第三季度末`) or a half (`上半年`, `下半年`), taken at its
/// end (quarter N → month 3N, end of month; `上半年` → June, `下半年` →
/// December). `period` is set unless `末`/`底` names the end itself.
pub(crate) fn part_of_year(s: &str) -> Option<(DateParse, &str)> {
    // most words start with none of 第 一 二 三 四 上 下 1–4 (a byte test)
    if !matches!(
        s.as_bytes(),
        [0xE7, 0xAC, 0xAC, ..]
            | [0xE4, 0xB8, 0x80 | 0x89 | 0x8A | 0x8B, ..]
            | [0xE4, 0xBA, 0x8C, ..]
            | [0xE5, 0x9B, 0x9B, ..]
            | [b'1'..=b'4', ..]
    ) {
        return None;
    }
    let mut d = DateParse::default();
    let (month, rest) = if let Some(r) = s.strip_prefix("上半年") {
        (6, r)
    } else if let Some(r) = s.strip_prefix("下半年") {
        (12, r)
    } else {
        let (ordinal, r) = match s.strip_prefix('第') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let mut chars = r.chars();
        let q = match chars.next()? {
            '一' | '1' => 1,
            '二' | '2' => 2,
            '三' | '3' => 3,
            '四' | '4' => 4,
            _ => return None,
        };
        let r = chars.as_str();
        // `季度`; `季` alone only after `第` (`四季` is the four seasons)
        let r = match r.strip_prefix("季度") {
            Some(r) => r,
            None if ordinal => r.strip_prefix('季')?,
            None => return None,
        };
        (3 * q, r)
    };
    d.deadline.month = Some(month);
    d.deadline.end_of_month = true;
    let rest = match end(rest) {
        Ok((r, ())) => r,
        Err(_) => {
            d.period = true;
            rest
        }
    };
    Some((d, rest))
}

/// A date written with separators: `2025-12-31`, `2025.12.31`,
/// `2025/12/31` (one separator throughout; month 1–12, day 1–31, one or two
/// digits each), and `2025-12` / `2025/12` (year and month; not with `.`,
/// which is also a decimal point). `None` for anything else, including an
/// out-of-range month or day: the number rules then read the cell as before.
#[inline]
pub(crate) fn separated_date(s: &str) -> Option<(DateParse, &str)> {
    let b = s.as_bytes();
    // a cheap gate: four digits and a separator
    if b.len() < 6 || !b[..4].iter().all(u8::is_ascii_digit) || !matches!(b[4], b'-' | b'.' | b'/')
    {
        return None;
    }
    let sep = b[4] as char;
    let year = b[..4]
        .iter()
        .fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
    if !is_year(year, 4) {
        return None;
    }
    let rest = &s[4..];
    fn small(s: &str) -> Option<(u8, &str)> {
        let len = s.bytes().take_while(u8::is_ascii_digit).count();
        (1..=2).contains(&len).then(|| {
            let n = s.as_bytes()[..len]
                .iter()
                .fold(0u8, |n, b| n * 10 + (b - b'0'));
            (n, &s[len..])
        })
    }
    let (month, rest) = small(rest.strip_prefix(sep)?)?;
    if !(1..=12).contains(&month) {
        return None;
    }
    let mut d = DateParse::default();
    d.deadline.year = Some(year);
    d.deadline.month = Some(month);
    if let Some((day, r)) = rest.strip_prefix(sep).and_then(small) {
        if !(1..=31).contains(&day) || r.starts_with(|c: char| c.is_ascii_digit() || c == sep) {
            return None;
        }
        d.deadline.day = Some(day);
        return Some((d, r));
    }
    // year and month alone: not with `.`, and not before anything that
    // continues a number, a range or a unit (`2025-12人`, `2025-12万` stay
    // ranges); `前` and qualifier words may follow
    let continues = rest.starts_with(|c: char| {
        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '/' | '~' | '%')
    }) || (comparator::before(rest).is_err()
        && !super::unit::unit(rest).0.is_none());
    if sep == '.' || continues {
        return None;
    }
    Some((d, rest))
}

/// A deadline written without digits: `每季度末`, `年底前`, `月底`,
/// `年内`, `第四季度`, `上半年`. `recurrence` and `recurrence_end` come from
/// the words before.
#[inline]
pub(crate) fn wordy_date(
    s: &str,
    recurrence: Option<Recurrence>,
    recurrence_end: bool,
) -> Option<(DateParse, &str)> {
    let mut d = DateParse::default();
    d.deadline.recurrence = recurrence;
    let mut rest = s;
    if let Some(r) = rest
        .strip_prefix("年底")
        .or_else(|| rest.strip_prefix("年末"))
    {
        d.deadline.month = Some(12);
        d.deadline.end_of_month = true;
        rest = r;
    } else if let Some(r) = rest
        .strip_prefix("月底")
        .or_else(|| rest.strip_prefix("月末"))
    {
        d.deadline.end_of_month = true;
        rest = r;
    } else if recurrence.is_some() {
        // `每年第四季度`, `每年上半年`
        if recurrence == Some(Recurrence::Yearly) && !recurrence_end {
            if let Some((mut p, r)) = part_of_year(rest) {
                p.deadline.recurrence = recurrence;
                return Some((p, r));
            }
        }
        d.deadline.end_of_month = recurrence_end;
    } else if let Some(r) = rest.strip_prefix("年内") {
        d.deadline.month = Some(12);
        d.deadline.end_of_month = true;
        d.within = true;
        rest = r;
    } else {
        return part_of_year(rest);
    }
    Some((d, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(year: Option<u16>, month: Option<u8>, day: Option<u8>, eom: bool) -> Deadline {
        Deadline {
            year,
            month,
            day,
            end_of_month: eom,
            recurrence: None,
        }
    }

    #[test]
    fn months() {
        let (d, rest) = date("11月", None).unwrap();
        assert_eq!((d.deadline, rest), (dl(None, Some(11), None, false), ""));
        let (d, rest) = date("10月份", None).unwrap();
        assert_eq!((d.deadline.month, rest), (Some(10), ""));
        let (d, rest) = date("12月底前完成", None).unwrap();
        assert_eq!(
            (d.deadline, rest),
            (dl(None, Some(12), None, true), "前完成")
        );
    }

    #[test]
    fn full_dates() {
        let (d, rest) = date("2025年12月20日前发放到位", None).unwrap();
        assert_eq!(
            (d.deadline, rest),
            (dl(Some(2025), Some(12), Some(20), false), "前发放到位")
        );
        let (d, rest) = date("2025年底前完成", None).unwrap();
        assert_eq!(
            (d.deadline, rest),
            (dl(Some(2025), Some(12), None, true), "前完成")
        );
        let (d, rest) = date("4月20日前", None).unwrap();
        assert_eq!(
            (d.deadline, rest),
            (dl(None, Some(4), Some(20), false), "前")
        );
    }

    #[test]
    fn recurring_days() {
        let (d, rest) = date("20日前发放", Some(Recurrence::Monthly)).unwrap();
        assert_eq!(d.deadline.day, Some(20));
        assert_eq!(d.deadline.recurrence, Some(Recurrence::Monthly));
        assert_eq!(rest, "前发放");
        let (d, rest) = date("21日贴息到位", Some(Recurrence::Quarterly)).unwrap();
        assert_eq!((d.deadline.day, rest), (Some(21), "贴息到位"));
        let (d, rest) = date("30日期前缴纳", Some(Recurrence::Monthly)).unwrap();
        assert_eq!((d.deadline.day, rest), (Some(30), "前缴纳"));
    }

    #[test]
    fn a_day_before_is_a_deadline_a_bare_day_a_duration() {
        assert_eq!(date("30日", None), None);
        assert!(date("30日前", None).is_some());
    }

    #[test]
    fn durations_are_not_dates() {
        assert_eq!(date("1年", None), None);
        assert_eq!(date("6个月", None), None);
        assert_eq!(date("60天", None), None);
        assert_eq!(date("4.5月", None), None);
    }

    #[test]
    fn periods_end_at_their_last_month() {
        let (d, rest) = date("2021年1-12月份", None).unwrap();
        assert_eq!(
            (d.deadline, d.period, rest),
            (dl(Some(2021), Some(12), None, false), true, "")
        );
    }

    #[test]
    fn out_of_range_is_invalid() {
        assert!(date("13月", None).unwrap().0.invalid);
        assert!(date("4月32日", None).unwrap().0.invalid);
        assert!(!date("4月30日", None).unwrap().0.invalid);
    }

    #[test]
    fn separated_dates() {
        for s in ["2025-12-31", "2025.12.31", "2025/12/31"] {
            let (d, rest) = separated_date(s).unwrap();
            assert_eq!(
                (d.deadline, d.period, rest),
                (dl(Some(2025), Some(12), Some(31), false), false, ""),
                "{s}"
            );
        }
        let (d, rest) = separated_date("2025-1-5前").unwrap();
        assert_eq!(
            (d.deadline, rest),
            (dl(Some(2025), Some(1), Some(5), false), "前")
        );
        let (d, rest) = separated_date("2025/12完成").unwrap();
        assert_eq!(
            (d.deadline, rest),
            (dl(Some(2025), Some(12), None, false), "完成")
        );
        for s in [
            "2025.12",
            "2025-13-01",
            "2025-12-32",
            "2025-12-311",
            "2025-12/31",
            "1800-12-31",
            "2025-2026",
            "2025-12人",
            "2025-12%",
            "12-31",
            "2025-",
        ] {
            assert_eq!(separated_date(s), None, "{s}");
        }
    }

    #[test]
    fn parts_of_a_year() {
        for (s, month, period, rest) in [
            ("第四季度", 12, true, ""),
            ("一季度完成", 3, true, "完成"),
            ("第2季度前", 6, true, "前"),
            ("第三季", 9, true, ""),
            ("第三季度末", 9, false, ""),
            ("上半年", 6, true, ""),
            ("下半年底", 12, false, ""),
        ] {
            let (d, r) = part_of_year(s).unwrap();
            assert_eq!(
                (d.deadline, d.period, r),
                (dl(None, Some(month), None, true), period, rest),
                "{s}"
            );
        }
        for s in ["四季", "第五季度", "第三方", "季度", "半年", ""] {
            assert_eq!(part_of_year(s), None, "{s}");
        }
        let (d, rest) = date("2025年第四季度", None).unwrap();
        assert_eq!(
            (d.deadline, d.period, rest),
            (dl(Some(2025), Some(12), None, true), true, "")
        );
        let (d, rest) = date("2025年内完成", None).unwrap();
        assert_eq!(
            (d.deadline, d.within, rest),
            (dl(Some(2025), Some(12), None, true), true, "完成")
        );
    }

    #[test]
    fn wordy() {
        let (d, rest) = wordy_date("年底前完成", None, false).unwrap();
        assert_eq!(
            (d.deadline, d.period, d.within, rest),
            (dl(None, Some(12), None, true), false, false, "前完成")
        );
        let (d, rest) = wordy_date("", Some(Recurrence::Quarterly), true).unwrap();
        assert_eq!(
            (d.deadline.end_of_month, d.deadline.recurrence, rest),
            (true, Some(Recurrence::Quarterly), "")
        );
        let (d, rest) = wordy_date("年内完成", None, false).unwrap();
        assert_eq!(
            (d.deadline, d.period, d.within, rest),
            (dl(None, Some(12), None, true), false, true, "完成")
        );
        assert_eq!(wordy_date("完成", None, false), None);
    }
}
