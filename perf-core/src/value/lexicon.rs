//! The qualitative lexicon (SPEC §2 "Qualitative or text"): one table of
//! rating and status terms that name no particular object, each with its
//! normalised term and, where one applies, a grade.
//!
//! To extend it, add a row to [`LEXICON`] — keep it sorted by the written
//! form (a unit test checks): a lookup only compares the rows that share
//! the cell's first char.

use super::first_char::{firsts, FirstCharIndex};
use super::model::{Grade, Term};

/// One spelling of a qualitative term.
#[derive(Clone, Copy, Debug)]
pub struct Entry {
    /// The first char of `written` (the table is searched by it).
    pub first: char,
    /// As written in a cell (normalised: no white space, ASCII folded).
    pub written: &'static str,
    /// The normalised term.
    pub term: &'static str,
    pub grade: Option<Grade>,
}

const P: Option<Grade> = Some(Grade::Positive);
const M: Option<Grade> = Some(Grade::Middling);
const N: Option<Grade> = Some(Grade::Negative);
const NONE: Option<Grade> = None;

const fn e(written: &'static str, term: &'static str, grade: Option<Grade>) -> Entry {
    Entry {
        first: super::unit::first_char(written),
        written,
        term,
        grade,
    }
}

/// The lexicon, sorted by `written` (byte order).
pub static LEXICON: &[Entry] = LEXICON_TABLE;

/// The rows of [`LEXICON`] by first char.
static LEXICON_INDEX: FirstCharIndex = FirstCharIndex::new(&firsts!(LEXICON_TABLE));

const LEXICON_TABLE: &[Entry] = &[
    // @sorted: the rows below are kept in byte order of `written`
    e("一般", "一般", M),
    e("下降", "降低", NONE),
    e("不低于上年", "不低于上年", NONE),
    e("不低于上年水平", "不低于上年", NONE),
    e("不低于去年", "不低于上年", NONE),
    e("不合格", "不合格", N),
    e("不断完善", "持续完善", NONE),
    e("不满意", "不满意", N),
    e("不达标", "不达标", N),
    e("与上年持平", "持平", NONE),
    e("中", "中", M),
    e("优", "优", P),
    e("优秀", "优", P),
    e("优良", "优良", P),
    e("全覆盖", "全部覆盖", NONE),
    e("全部", "全部", NONE),
    e("全部完成", "全部完成", NONE),
    e("全部落实", "全部落实", NONE),
    e("全部覆盖", "全部覆盖", NONE),
    e("全面完成", "全部完成", NONE),
    e("全面提升", "全面提升", NONE),
    e("全面提高", "全面提升", NONE),
    e("全面落实", "全部落实", NONE),
    e("全面覆盖", "全部覆盖", NONE),
    e("全额", "足额", NONE),
    e("全额到位", "足额到位", NONE),
    e("准时", "及时", NONE),
    e("减少", "减少", NONE),
    e("到位", "到位", NONE),
    e("及时", "及时", NONE),
    e("及时到位", "及时到位", NONE),
    e("及时发放", "及时发放", NONE),
    e("及时完成", "及时完成", NONE),
    e("及时拨付", "及时拨付", NONE),
    e("及时拨付到位", "及时拨付", NONE),
    e("及时足额", "及时足额", NONE),
    e("及时足额发放", "及时足额发放", NONE),
    e("发放到位", "发放到位", NONE),
    e("可持续", "持续发展", NONE),
    e("合格", "合格", P),
    e("合理规范", "合理规范", NONE),
    e("否", "否", N),
    e("基本持平", "持平", NONE),
    e("基本满意", "基本满意", M),
    e("增加", "增加", NONE),
    e("增长", "增加", NONE),
    e("好", "好", P),
    e("完善", "完善", NONE),
    e("完成", "完成", NONE),
    e("差", "差", N),
    e("已完成", "完成", NONE),
    e("应享尽享", "应享尽享", NONE),
    e("应付尽付", "应付尽付", NONE),
    e("应保尽保", "应保尽保", NONE),
    e("应发尽发", "应发尽发", NONE),
    e("应收尽收", "应收尽收", NONE),
    e("应补尽补", "应补尽补", NONE),
    e("成效显著", "显著", P),
    e("持平", "持平", NONE),
    e("持续", "持续", NONE),
    e("持续保障", "持续保障", NONE),
    e("持续发展", "持续发展", NONE),
    e("持续完善", "持续完善", NONE),
    e("持续提升", "持续提升", NONE),
    e("持续提高", "持续提升", NONE),
    e("按时", "及时", NONE),
    e("按时发放", "按时发放", NONE),
    e("按时完成", "按时完成", NONE),
    e("按时完成发放", "按时发放", NONE),
    e("按时拨付", "按时拨付", NONE),
    e("按时拨付到位", "按时拨付", NONE),
    e("按期完成", "按时完成", NONE),
    e("按标准", "按标准", NONE),
    e("按要求", "按要求", NONE),
    e("按规定", "按规定", NONE),
    e("按计划", "按计划", NONE),
    e("提升", "提升", NONE),
    e("提高", "提升", NONE),
    e("改善", "改善", NONE),
    e("效果显著", "显著", P),
    e("明显", "显著", P),
    e("明显提升", "显著提升", P),
    e("明显提高", "显著提升", P),
    e("明显改善", "显著改善", P),
    e("是", "是", P),
    e("显著", "显著", P),
    e("显著提升", "显著提升", P),
    e("显著提高", "显著提升", P),
    e("显著改善", "显著改善", P),
    e("有所下降", "有所降低", NONE),
    e("有所减少", "有所减少", NONE),
    e("有所增加", "有所增加", NONE),
    e("有所提升", "有所提升", NONE),
    e("有所提高", "有所提升", NONE),
    e("有所改善", "有所改善", NONE),
    e("有所降低", "有所降低", NONE),
    e("有效", "有效", NONE),
    e("有效提升", "有效提升", NONE),
    e("有效提高", "有效提升", NONE),
    e("未达标", "不达标", N),
    e("正常", "正常", NONE),
    e("正常使用", "正常", NONE),
    e("正常运行", "正常", NONE),
    e("正常运转", "正常", NONE),
    e("满意", "满意", P),
    e("满足需求", "满足需求", NONE),
    e("稳定", "稳定", NONE),
    e("稳步提升", "稳步提升", NONE),
    e("稳步提高", "稳步提升", NONE),
    e("符合要求", "符合要求", NONE),
    e("符合规定", "符合规定", NONE),
    e("良", "良好", M),
    e("良好", "良好", M),
    e("落实到位", "落实到位", NONE),
    e("规范", "规范", NONE),
    e("足额", "足额", NONE),
    e("足额到位", "足额到位", NONE),
    e("足额发放", "足额发放", NONE),
    e("足额拨付", "足额拨付", NONE),
    e("较上年提升", "高于上年", NONE),
    e("较上年提高", "高于上年", NONE),
    e("较上年有所提升", "高于上年", NONE),
    e("较上年有所提高", "高于上年", NONE),
    e("较好", "较好", M),
    e("较差", "差", N),
    e("达标", "达标", P),
    e("逐步完善", "逐步完善", NONE),
    e("逐步提升", "逐步提升", NONE),
    e("逐步提高", "逐步提升", NONE),
    e("长期", "长期", NONE),
    e("长期有效", "长期", NONE),
    e("降低", "降低", NONE),
    e("非常满意", "满意", P),
    e("高于上年", "高于上年", NONE),
    e("高于上年水平", "高于上年", NONE),
    e("高效", "高效", NONE),
];

/// The term a whole cell names, if it is in the lexicon.
pub(crate) fn lookup(s: &str) -> Option<Term> {
    lookup_bytes(s.as_bytes())
}

/// [`lookup`] of UTF-8 text given as bytes.
#[inline]
pub(crate) fn lookup_bytes(sb: &[u8]) -> Option<Term> {
    if sb.len() > MAX_WRITTEN_LEN {
        return None;
    }
    // the rows sharing the first char are adjacent (the table is sorted)
    let (rows, skip) = LEXICON_INDEX.rows_at_bytes(sb)?;
    // the first char is known to match: compare the rest byte by byte,
    // leaving at the first difference (a `memcmp` call per row of the same
    // length costs more: `有所提升`, `有效提升`, … share first char and length)
    LEXICON[rows]
        .iter()
        .find(|e| {
            let w = e.written.as_bytes();
            w.len() == sb.len() && w[skip..].iter().zip(&sb[skip..]).all(|(x, y)| x == y)
        })
        .map(|e| Term {
            term: e.term,
            grade: e.grade,
        })
}

/// The longest written form, in bytes: longer cells are not looked up.
pub(crate) const MAX_WRITTEN_LEN: usize = 24;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_unique() {
        for w in LEXICON.windows(2) {
            assert!(
                w[0].written.as_bytes() < w[1].written.as_bytes(),
                "{} must come before {}",
                w[1].written,
                w[0].written
            );
        }
    }

    #[test]
    fn every_term_is_a_written_form_of_itself() {
        // Display prints the term; parsing it must give the same term back.
        for e in LEXICON {
            let t = lookup(e.term).unwrap_or_else(|| panic!("{} is not written", e.term));
            assert_eq!((t.term, t.grade), (e.term, e.grade), "{}", e.written);
        }
    }

    /// `grammar::plain_words` looks up only cells of such chars.
    #[test]
    fn every_written_form_is_cjk_chars_of_three_bytes() {
        for e in LEXICON {
            let b = e.written.as_bytes();
            assert!(
                b.len() % 3 == 0 && b.chunks(3).all(|c| (0xE4..=0xE9).contains(&c[0])),
                "{}",
                e.written
            );
        }
    }

    #[test]
    fn no_written_form_is_longer_than_the_limit() {
        for e in LEXICON {
            assert!(e.written.len() <= MAX_WRITTEN_LEN, "{}", e.written);
        }
    }

    #[test]
    fn the_first_char_index_agrees_with_a_binary_search() {
        let chars = LEXICON
            .iter()
            .map(|e| e.first)
            .chain(['a', '元', '\0', '😀']);
        for c in chars {
            let from = LEXICON.partition_point(|e| e.first < c);
            let to = LEXICON.partition_point(|e| e.first <= c);
            let r = LEXICON_INDEX.rows(c);
            assert!(r == (from..to) || (r.is_empty() && from == to), "{c:?}");
        }
    }

    #[test]
    fn lookups() {
        assert_eq!(lookup("长期").map(|t| t.term), Some("长期"));
        assert_eq!(lookup("提高").map(|t| t.term), Some("提升"));
        assert_eq!(lookup("良好").and_then(|t| t.grade), Some(Grade::Middling));
        assert_eq!(lookup("否").and_then(|t| t.grade), Some(Grade::Negative));
        assert_eq!(lookup("促进就业"), None);
    }
}
