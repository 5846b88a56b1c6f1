//! Comparator spellings (SPEC §2 table): symbols and words before a value,
//! and the words after it (`…以上`, `…以内`, `…左右`).
//!
//! Cells reach the grammar normalised, so `≦`/`≧` and full-width forms are
//! already folded to `≤`/`≥` and ASCII.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::combinator::value;
use nom::{IResult, Parser};

use super::model::Comparator;

/// A comparator written before a value: `≥`, `>=`, `大于等于`, `不低于`,
/// `至少`, `约`, `预计` … Longer spellings are tried first.
pub(crate) fn prefix(s: &str) -> IResult<&str, Comparator> {
    alt((
        alt((
            value(Comparator::Ge, tag(">=")),
            value(Comparator::Ge, tag("=>")),
            value(Comparator::Le, tag("<=")),
            value(Comparator::Le, tag("=<")),
            value(Comparator::Ge, tag("≥")),
            value(Comparator::Le, tag("≤")),
            value(Comparator::Gt, tag(">")),
            value(Comparator::Lt, tag("<")),
            value(Comparator::Eq, tag("=")),
            value(Comparator::Approx, tag("~")),
            value(Comparator::Approx, tag("≈")),
        )),
        alt((
            value(Comparator::Ge, tag("大于等于")),
            value(Comparator::Ge, tag("大于或等于")),
            value(Comparator::Le, tag("小于等于")),
            value(Comparator::Le, tag("小于或等于")),
            value(Comparator::Ge, tag("不低于")),
            value(Comparator::Ge, tag("不少于")),
            value(Comparator::Ge, tag("不小于")),
            value(Comparator::Le, tag("不高于")),
            value(Comparator::Le, tag("不超过")),
            value(Comparator::Le, tag("不多于")),
            value(Comparator::Le, tag("不大于")),
            value(Comparator::Le, tag("最多")),
            value(Comparator::Ge, tag("至少")),
            value(Comparator::Ge, tag("最少")),
            value(Comparator::Gt, tag("大于")),
            value(Comparator::Gt, tag("高于")),
            value(Comparator::Gt, tag("超过")),
            value(Comparator::Lt, tag("小于")),
            value(Comparator::Lt, tag("低于")),
            value(Comparator::Eq, tag("等于")),
            value(Comparator::Approx, tag("约为")),
        )),
        alt((
            value(Comparator::Approx, tag("约")),
            value(Comparator::Approx, tag("预计")),
            value(Comparator::Approx, tag("大约")),
            value(Comparator::Approx, tag("大概")),
        )),
    ))
    .parse(s)
}

/// A comparator written after a quantity: `以上` (`>=`), `以下`/`以内`
/// (`<=`), `左右` (`~`).
pub(crate) fn suffix(s: &str) -> IResult<&str, Comparator> {
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
    alt((
        value(Comparator::Le, tag("之前")),
        value(Comparator::Le, tag("以前")),
        value(Comparator::Le, tag("前")),
    ))
    .parse(s)
}

/// Words that introduce a value without comparing (`达到95%以上`): skipped.
pub(crate) fn filler(s: &str) -> IResult<&str, ()> {
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
        assert!(suffix("完成").is_err());
        assert_eq!(before("之前发放"), Ok(("发放", Comparator::Le)));
        assert_eq!(before("前完成"), Ok(("完成", Comparator::Le)));
    }
}
