//! Sharing the lines of narrow cells out among their columns.
//!
//! A PDF text tool that writes every text line on a line of its own
//! (PyMuPDF's `get_text()`) gives a cell wrapped over four lines as four
//! lines, with nothing to say where one cell ends and the next begins. But
//! a wrapped cell fills its column on every line but its last: the lines
//! of one cell are about as wide as each other, the last one no wider, and
//! a column is about as wide in every row of its table. So a run of lines
//! known to hold the cells of some columns (the cells between two values
//! of a row) is cut where each cell's lines but the last fill it, first
//! with each cell's widest line as its width, then with the width each
//! column shows over the whole table.

/// The most lines one cell may take (keeps the search linear).
pub(crate) const MAX_CELL_LINES: usize = 12;

/// Display width: Han and full-width characters count two, others one.
pub(crate) fn width(s: &str) -> usize {
    s.trim().chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    if super::text::is_cjk(c) || ('\u{ff00}'..='\u{ffef}').contains(&c) {
        2
    } else {
        1
    }
}

/// The width of what a line starts with that no line break can split: an
/// opening mark with what follows it, a run of ASCII letters, digits and
/// signs (`95%`, `【2014】74`) or one Han character, with the closing marks
/// after it (`优，`): a line before it that left less room than this was
/// full.
pub(crate) fn lead_width(s: &str) -> usize {
    const OPENING: &str = "【（(《“‘[";
    const CLOSING: &str = "，。、；：！？）)》”’】,.;:!?%";
    let mut it = s.trim().chars().peekable();
    let mut w = 0;
    while let Some(&c) = it.peek() {
        if !OPENING.contains(c) {
            break;
        }
        w += char_width(c);
        it.next();
    }
    match it.next() {
        Some(c) if c.is_ascii_alphanumeric() => {
            w += 1;
            while let Some(&c) = it.peek() {
                if !(c.is_ascii_alphanumeric() || "%.-/~】".contains(c)) {
                    break;
                }
                w += char_width(c);
                it.next();
            }
        }
        Some(c) => w += char_width(c),
        None => return w,
    }
    while let Some(&c) = it.peek() {
        if !CLOSING.contains(c) {
            break;
        }
        w += char_width(c);
        it.next();
    }
    w
}

/// A line of a run, as the cutting sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LineWidth {
    /// display width
    pub width: usize,
    /// the width of its unbreakable start ([`lead_width`])
    pub lead: usize,
    /// it ends where no text ends (a comma, an opening mark, a connective)
    pub open: bool,
    /// a cell surely starts here (the text tool set it apart from the text
    /// before it on the same line): it is no cell's second line
    pub start: bool,
}

impl LineWidth {
    pub(crate) fn of(s: &str) -> LineWidth {
        LineWidth {
            width: width(s),
            lead: lead_width(s),
            open: ends_open(s),
            start: false,
        }
    }
}

/// True when a line ends where a cell's text hardly ends: on a comma, an
/// enumeration comma, an opening mark or a connective that needs what
/// follows (`…合部处理为` + `优，…`, `…全部覆盖为优，` + `不能覆盖…`).
pub(crate) fn ends_open(s: &str) -> bool {
    s.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| "，、（(《“【为和与及的对达".contains(c))
}

/// The cost of lines `w` as one cell of a column `cap` wide (`None`: as
/// wide as its widest line): how much room each line but the last left
/// that the next line's start would have taken (a line is full when the
/// next one's first word did not fit), and (a known width) how far any
/// line runs past it. A cell followed by another whose last line fills
/// its column costs one more ([`split`]), one whose text ends open
/// [`OPEN_END`] more: its text more likely goes on.
fn cell_cost(w: &[LineWidth], cap: Option<usize>) -> u32 {
    let full = cap.unwrap_or_else(|| w.iter().map(|x| x.width).max().unwrap_or(0));
    let mut c = 0usize;
    for (k, x) in w.iter().enumerate() {
        let x = x.width;
        if let Some(next) = w.get(k + 1) {
            c += full.saturating_sub(x + next.lead);
        }
        if let Some(cap) = cap {
            c += 3 * x.saturating_sub(cap + 1);
        }
    }
    u32::try_from(c).unwrap_or(u32::MAX / 4)
}

/// The cost of a cell that ends open ([`ends_open`]) before another.
const OPEN_END: u32 = 3;

/// The cost of a line known to start a cell ([`LineWidth::start`]) taken
/// as another line of the cell before.
const START_INSIDE: u32 = 40;

/// The cost of a cell of one character in a column wider than that.
const LONE_CHAR: u32 = 2;

/// Cuts lines of widths `w` into `caps.len()` consecutive cells, one per
/// column (`caps`: each column's width if known), at the least cost; a
/// column may be left empty for `empty` each. Returns the number of lines
/// of each cell, or `None` when the lines cannot be shared out (more than
/// [`MAX_CELL_LINES`] a cell).
pub(crate) fn split(w: &[LineWidth], caps: &[Option<usize>], empty: u32) -> Option<Vec<usize>> {
    let (n, k) = (w.len(), caps.len());
    if n > k * MAX_CELL_LINES {
        return None;
    }
    const NONE: u32 = u32::MAX;
    // best[j][i]: the least cost of the first j columns taking i lines,
    // and the length of column j - 1's cell
    let mut best = vec![vec![(NONE, 0usize); n + 1]; k + 1];
    best[0][0] = (0, 0);
    for j in 0..k {
        for i in 0..=n {
            let (c, _) = best[j][i];
            if c == NONE {
                continue;
            }
            let e = c.saturating_add(empty);
            if e < best[j + 1][i].0 {
                best[j + 1][i] = (e, 0);
            }
            for len in 1..=MAX_CELL_LINES.min(n - i) {
                let mut t = c.saturating_add(cell_cost(&w[i..i + len], caps[j]));
                let inside = w[i + 1..i + len].iter().filter(|x| x.start).count();
                t = t.saturating_add(START_INSIDE.saturating_mul(inside as u32));
                let last = w[i + len - 1];
                if j + 1 < k && caps[j].is_some_and(|cap| last.width + 1 >= cap) {
                    t = t.saturating_add(1);
                }
                if i + len < n && last.open {
                    t = t.saturating_add(OPEN_END);
                }
                if len == 1 && last.width <= 2 && caps[j].is_some_and(|cap| cap > 4) {
                    // a cell of one character (`平`, `济`) is a broken word's tail
                    t = t.saturating_add(LONE_CHAR);
                }
                if t < best[j + 1][i + len].0 {
                    best[j + 1][i + len] = (t, len);
                }
            }
        }
    }
    if best[k][n].0 == NONE {
        return None;
    }
    let mut out = vec![0; k];
    let mut i = n;
    for j in (0..k).rev() {
        let len = best[j + 1][i].1;
        out[j] = len;
        i -= len;
    }
    Some(out)
}

/// The width of a column from the lines seen to fill it (the lines but
/// the last of its cells of two lines or more): the third quartile (a
/// full line may stop short of its column by a word).
pub(crate) fn column_width(mut full: Vec<usize>) -> Option<usize> {
    if full.is_empty() {
        return None;
    }
    full.sort_unstable();
    Some(full[full.len() * 3 / 4])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ws(lines: &[&str]) -> Vec<LineWidth> {
        lines.iter().map(|l| LineWidth::of(l)).collect()
    }

    #[test]
    fn full_lines_go_on_the_cell_a_short_line_ends_it() {
        // 三级指标 | 绩效指标描述 | 评（扣）分标准, five, seven and six
        // Han characters wide: `应保尽保达` is full, `95%` would not fit
        let w = ws(&[
            "城乡居民基",
            "本养老保险",
            "参保人数",
            "参加城乡居民养",
            "老保险覆盖率",
            "应保尽保达",
            "95%以上为",
            "优，未达到",
            "95%为扣分项",
        ]);
        let caps = [Some(10), Some(14), Some(12)];
        assert_eq!(split(&w, &caps, 30), Some(vec![3, 2, 4]));
        // by their own widest lines alone the lines also fit 3 | 1 | 5:
        // one row does not tell
        assert_eq!(cell_cost(&w[3..4], None), 0);
        assert_eq!(cell_cost(&w[4..], None), 0);
        // but the 6-wide column cannot hold the 7-wide line
        assert_eq!(cell_cost(&w[4..], Some(12)), 0);
        assert_eq!(cell_cost(&w[3..], Some(12)), 3);
    }

    #[test]
    fn a_line_left_short_by_an_unbreakable_word_is_full() {
        // `承高管字` + `【2014】74 号、`: the bracket and number do not fit
        let w = ws(&["承高管字", "【2014】74 号、", "承人社字"]);
        assert_eq!(cell_cost(&w, Some(16)), 0);
        // a line that left room for the next one's start was not full
        let w = ws(&["承高管", "字【2014】", "承人社字"]);
        assert_eq!(cell_cost(&w, Some(16)), (16 - 6 - 2) + (16 - 10 - 2));
    }

    #[test]
    fn a_cell_hardly_ends_open() {
        // `监察检查查处案件数` fills its 18-wide column; `合部处理为` could
        // end the description by width alone, but text does not end on 为
        let w = ws(&[
            "监察检查查处案件数",
            "合部处理为",
            "优，立案未",
            "处理为扣分",
            "项",
        ]);
        assert!(w[1].open && !w[0].open);
        assert_eq!(split(&w, &[Some(18), Some(10)], 30), Some(vec![1, 4]));
        assert!(ends_open("全部覆盖为优，"));
        assert!(!ends_open("为扣分项"));
    }

    #[test]
    fn a_cell_of_one_character_is_a_broken_words_tail() {
        // 三级指标 `人均发放水` + `平`; alone, `平` could be the description
        let w = ws(&["人均发放水", "平", "每月按时申请", "待遇资金"]);
        assert_eq!(
            split(&w, &[Some(12), Some(12), Some(12)], 30),
            Some(vec![2, 1, 1])
        );
    }

    #[test]
    fn a_known_width_places_single_lines() {
        // alone, `资金到位率` + `征缴期结束后，` could be one cell or two;
        // a 10-wide 三级指标 column cannot hold the second line
        let w = ws(&["资金到位率", "征缴期结束后，", "财政及时拨付，", "金到账"]);
        assert_eq!(split(&w, &[Some(10), Some(14)], 1000), Some(vec![1, 3]));
        // too few lines: a column stays empty, the one too narrow
        assert_eq!(
            split(&ws(&["甲乙丙丁"]), &[Some(2), Some(20)], 30),
            Some(vec![0, 1])
        );
    }

    #[test]
    fn a_line_known_to_start_a_cell_is_no_cells_second_line() {
        // by width the second line goes on the first cell (it fills it)
        let mut w = ws(&["甲乙丙丁", "戊己"]);
        let caps = [Some(8), Some(8)];
        let lens = split(&w, &caps, 0).unwrap();
        assert!(lens == [2, 0] || lens == [0, 2], "{lens:?}");
        // set apart from it on one text line by the tool: a cell starts
        w[1].start = true;
        assert_eq!(split(&w, &caps, 0), Some(vec![1, 1]));
    }

    #[test]
    fn too_many_lines_for_the_columns() {
        let w = vec![LineWidth::of("甲乙"); 2 * MAX_CELL_LINES + 1];
        assert_eq!(split(&w, &[None, None], 30), None);
    }

    #[test]
    fn widths_count_han_twice() {
        assert_eq!(width(" 95%以上为 "), 9);
        assert_eq!(lead_width("95%以上为"), 3);
        assert_eq!(lead_width("优，未达到"), 4);
        assert_eq!(lead_width("【2014】74 号、"), 10);
        assert_eq!(lead_width(""), 0);
        assert_eq!(column_width(vec![12, 14, 13, 12]), Some(14));
        assert_eq!(column_width(vec![]), None);
    }
}
