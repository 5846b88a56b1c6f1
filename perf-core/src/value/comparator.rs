//! Comparator spellings (SPEC §2 table): symbols and words before a value,
//! and the words after it (`…以上`, `…以内`, `…左右`).
//!
//! Cells reach the grammar normalised, so `≦`/`≧` and full-width forms are
//! already folded to `≤`/`≥` and ASCII.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::value;
use nom::error::{Error, ErrorKind};
use nom::{IResult, Parser};

use super::model::Comparator;

/// Fails without trying the alternatives when the first char cannot start
/// one (the common case while scanning words: keeps the scan linear and cheap).
fn gate(s: &str, first: fn(char) -> bool) -> Result<(), nom::Err<Error<&str>>> {
    match s.chars().next() {
        Some(c) if first(c) => Ok(()),
        _ => Err(nom::Err::Error(Error::new(s, ErrorKind::Tag))),
    }
}

/// True when `c` can start a spelling [`prefix`] accepts (a cheap test for
/// the scan over the words before a number).
#[inline]
pub(crate) fn may_start_prefix(c: char) -> bool {
    matches!(
        c,
        '≥' | '≤'
            | '>'
            | '<'
            | '='
            | '~'
            | '≈'
            | '大'
            | '小'
            | '不'
            | '最'
            | '至'
            | '高'
            | '超'
            | '低'
            | '等'
            | '约'
            | '预'
    )
}

/// A comparator written before a value: `≥`, `>=`, `大于等于`, `不低于`,
/// `至少`, `约`, `预计` … Dispatched on the first char (the scan over the
/// words before a number calls this at every char, so a miss must be
/// cheap); within a branch longer spellings are tried first.
pub(crate) fn prefix(s: &str) -> IResult<&str, Comparator> {
    use Comparator::{Approx, Eq, Ge, Gt, Le, Lt};
    let first = s.chars().next().unwrap_or('\0');
    match first {
        '≥' => value(Ge, tag("≥")).parse(s),
        '≤' => value(Le, tag("≤")).parse(s),
        '>' => alt((value(Ge, tag(">=")), value(Gt, tag(">")))).parse(s),
        '<' => alt((value(Le, tag("<=")), value(Lt, tag("<")))).parse(s),
        '=' => alt((
            value(Ge, tag("=>")),
            value(Le, tag("=<")),
            value(Eq, tag("=")),
        ))
        .parse(s),
        '~' => value(Approx, tag("~")).parse(s),
        '≈' => value(Approx, tag("≈")).parse(s),
        '大' => alt((
            value(Ge, tag("大于等于")),
            value(Ge, tag("大于或等于")),
            value(Gt, tag("大于")),
            value(Approx, tag("大约")),
            value(Approx, tag("大概")),
        ))
        .parse(s),
        '小' => alt((
            value(Le, tag("小于等于")),
            value(Le, tag("小于或等于")),
            value(Lt, tag("小于")),
        ))
        .parse(s),
        '不' => alt((
            value(Ge, tag("不低于")),
            value(Ge, tag("不少于")),
            value(Ge, tag("不小于")),
            value(Le, tag("不高于")),
            value(Le, tag("不超过")),
            value(Le, tag("不多于")),
            value(Le, tag("不大于")),
        ))
        .parse(s),
        '最' => alt((value(Le, tag("最多")), value(Ge, tag("最少")))).parse(s),
        '至' => value(Ge, tag("至少")).parse(s),
        '高' => value(Gt, tag("高于")).parse(s),
        '超' => value(Gt, tag("超过")).parse(s),
        '低' => value(Lt, tag("低于")).parse(s),
        '等' => value(Eq, tag("等于")).parse(s),
        '约' => alt((value(Approx, tag("约为")), value(Approx, tag("约")))).parse(s),
        '预' => value(Approx, tag("预计")).parse(s),
        _ => Err(nom::Err::Error(Error::new(s, ErrorKind::Tag))),
    }
}

/// A comparator written after a quantity: `以上` (`>=`), `以下`/`以内`
/// (`<=`), `左右` (`~`).
pub(crate) fn suffix(s: &str) -> IResult<&str, Comparator> {
    gate(s, |c| matches!(c, '以' | '左' | '及'))?;
    // `及以上` (`95%及以上`: 95% and above) is `以上`
    let s = match s.strip_prefix('及') {
        Some(r) if r.starts_with('以') => r,
        _ => s,
    };
    alt((
        value(Comparator::Ge, tag("以上")),
        value(Comparator::Le, tag("以下")),
        value(Comparator::Le, tag("以内")),
        value(Comparator::Approx, tag("左右")),
    ))
    .parse(s)
}

/// `前`, `之前`, `以前` after a date: the deadline is `<=`.
pub(crate) fn before(s: &str) -> IResult<&str, Comparator> {
    gate(s, |c| matches!(c, '之' | '以' | '前'))?;
    alt((
        value(Comparator::Le, tag("之前")),
        value(Comparator::Le, tag("以前")),
        value(Comparator::Le, tag("前")),
    ))
    .parse(s)
}

/// Words that introduce a value without comparing (`达到95%以上`): skipped.
pub(crate) fn filler(s: &str) -> IResult<&str, ()> {
    gate(s, |c| c == '达')?;
    alt((value((), tag("达到")), value((), tag("达")))).parse(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_the_table() {
        let cases = [
            ("≥", Comparator::Ge),
            (">=", Comparator::Ge),
            ("大于等于", Comparator::Ge),
            ("不低于", Comparator::Ge),
            ("不少于", Comparator::Ge),
            ("至少", Comparator::Ge),
            ("≤", Comparator::Le),
            ("<=", Comparator::Le),
            ("小于等于", Comparator::Le),
            ("不高于", Comparator::Le),
            ("不超过", Comparator::Le),
            (">", Comparator::Gt),
            ("大于", Comparator::Gt),
            ("超过", Comparator::Gt),
            ("<", Comparator::Lt),
            ("小于", Comparator::Lt),
            ("低于", Comparator::Lt),
            ("=", Comparator::Eq),
            ("约", Comparator::Approx),
            ("预计", Comparator::Approx),
        ];
        for (written, cmp) in cases {
            let input = format!("{written}5");
            assert_eq!(prefix(&input), Ok(("5", cmp)), "{written}");
        }
    }

    #[test]
    fn the_gate_lets_every_spelling_through() {
        // every spelling in `prefix` starts with a char `starts_prefix` accepts
        for w in [
            ">=",
            "=>",
            "<=",
            "=<",
            "≥",
            "≤",
            ">",
            "<",
            "=",
            "~",
            "≈",
            "大于等于",
            "大于或等于",
            "小于等于",
            "小于或等于",
            "不低于",
            "不少于",
            "不小于",
            "不高于",
            "不超过",
            "不多于",
            "不大于",
            "最多",
            "至少",
            "最少",
            "大于",
            "高于",
            "超过",
            "小于",
            "低于",
            "等于",
            "约为",
            "约",
            "预计",
            "大约",
            "大概",
        ] {
            assert!(prefix(&format!("{w}1")).is_ok(), "{w}");
            assert!(may_start_prefix(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn longest_spelling_wins() {
        assert_eq!(prefix(">=1"), Ok(("1", Comparator::Ge)));
        assert_eq!(prefix("大于等于1"), Ok(("1", Comparator::Ge)));
        assert_eq!(prefix("约为1"), Ok(("1", Comparator::Approx)));
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffix("以上完成"), Ok(("完成", Comparator::Ge)));
        assert_eq!(suffix("以内"), Ok(("", Comparator::Le)));
        assert_eq!(suffix("以下"), Ok(("", Comparator::Le)));
        assert_eq!(suffix("左右"), Ok(("", Comparator::Approx)));
        assert_eq!(suffix("及以上"), Ok(("", Comparator::Ge)));
        assert_eq!(suffix("及以下完成"), Ok(("完成", Comparator::Le)));
        assert_eq!(suffix("及以内"), Ok(("", Comparator::Le)));
        assert!(suffix("及时").is_err());
        assert!(suffix("及左右").is_err());
        assert!(suffix("完成").is_err());
        assert_eq!(before("之前发放"), Ok(("发放", Comparator::Le)));
        assert_eq!(before("前完成"), Ok(("完成", Comparator::Le)));
    }
}
