//! The department and the year of a document, from its own text: the title
//! (`霸州市人力资源和社会保障局2021年部门预算信息公开`), else the owning unit
//! of the projects (`…局本级` → `…局`), else the first sentence that opens
//! with an office's name; the year from the title, else a heading
//! (`2025年部门整体绩效目标`), else a table (`预算年度：2024`), else the year
//! the text names most often. `None` when nothing states them.

use crate::find::Has;

use super::row::Line;
use super::text::{clean, label};
use super::Project;

const SUFFIXES: &[&str] = &[
    "委员会",
    "办公室",
    "局",
    "厅",
    "委",
    "办",
    "中心",
    "院",
    "署",
    "馆",
    "站",
    "所",
];
const PLACES: &[char] = &['省', '市', '县', '区', '旗', '州', '盟', '镇', '乡'];

pub(crate) fn department_and_year(
    lines: &[Line<'_>],
    projects: &[Project],
    table_year: Option<u16>,
) -> (Option<String>, Option<u16>) {
    // the first 60 lines with text, cleaned only where a rule reads them
    // (a line cleans to nothing exactly when it is white space and BOMs)
    // (sized for all 60: grown step by step it passes 1 KiB, a size glibc
    // serves only after merging every small free chunk)
    let mut head: Vec<&str> = Vec::with_capacity(60);
    head.extend(
        lines
            .iter()
            .map(|l| super::text::strip_markers(l.text))
            .filter(|s| {
                !s.chars().all(|c| c.is_whitespace() || c == '\u{feff}') || !clean(s).is_empty()
            })
            .take(60),
    );
    let mut department = None;
    let mut year = None;
    for (k, raw) in head.iter().enumerate() {
        // the label holds 部门预算 / 预算绩效 only with a 预, 绩效文本 with a 绩
        if !(raw.has('预') || raw.has('绩')) {
            continue;
        }
        let s = clean(raw);
        let l = label(&s);
        if !(l.has("部门预算") || l.has("预算绩效") || l.has("绩效文本")) || s.chars().count() > 60
        {
            continue;
        }
        let (before, y) = split_year(&s);
        year = year.or(y);
        let cut = before
            .find("部门预算")
            .map(|p| &before[..p])
            .unwrap_or(before);
        let name = cut.trim();
        if is_office(name) {
            department = Some(label(name).into_owned());
        } else {
            // the name on a line of its own above the title
            department = head[k.saturating_sub(4)..k]
                .iter()
                .rev()
                .map(|raw| clean(raw))
                .find(|s| is_office(s.trim()))
                .map(|s| label(s.trim()).into_owned());
        }
        if department.is_some() || year.is_some() {
            break;
        }
    }
    if department.is_none() {
        department = projects
            .iter()
            .filter_map(|p| p.unit_name.as_deref())
            .find_map(|u| u.strip_suffix("本级"))
            .map(str::to_string);
    }
    if department.is_none() {
        department = lines.iter().take(400).find_map(|l| office_prefix(l.text));
    }
    if year.is_none() {
        year = head
            .iter()
            // 部门整体 in the label needs a 整 in the line
            .filter(|raw| raw.has('整'))
            .map(|raw| clean(raw))
            .filter(|s| s.chars().count() <= 40 && label(s).has("部门整体"))
            .find_map(|s| split_year(&s).1);
    }
    if year.is_none() {
        year = table_year;
    }
    if year.is_none() {
        year = most_named_year(lines);
    }
    (department, year)
}

fn is_office(s: &str) -> bool {
    let n = s.chars().count();
    (4..=40).contains(&n)
        && SUFFIXES.iter().any(|x| s.ends_with(x))
        && !s.contains(['，', '。', '、', '：', ':', ' '])
}

/// `高新区人力资源和社会保障局 2024 年部门预算绩效文本` → the text before the
/// year, and the year.
fn split_year(s: &str) -> (&str, Option<u16>) {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).map_or(true, |d| !d.is_ascii_digit())
        {
            let rest = s[i + 4..].trim_start();
            if rest.starts_with('年') || rest.starts_with("年度") {
                let y: u16 = s[i..i + 4].parse().unwrap_or(0);
                if (1990..=2100).contains(&y) {
                    return (&s[..i], Some(y));
                }
            }
        }
        i += 1;
    }
    (s, None)
}

/// A sentence opening with an office's name: `汉沽管理区人力资源和社会保障局始终把…`.
fn office_prefix(line: &str) -> Option<String> {
    let s = line.trim();
    let head: String = s.chars().take(40).collect();
    let place = head.find(PLACES)?;
    for suffix in ["局", "委员会", "厅", "办公室"] {
        if let Some(p) = head[place..].find(suffix) {
            let name = &head[..place + p + suffix.len()];
            if name.chars().count() >= 6 && !name.contains(['，', '。', '、', '：', ' ', '（', '('])
            {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// Exactly `s.contains('年')` (E5 B9 B4): its last byte found eight bytes
/// at a time, the two before it compared. Every line of a document may be
/// asked, long ones included, so no searcher is set up per line.
fn has_nian(s: &str) -> bool {
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(p) = crate::find::find_byte(&b[from..], 0xB4) {
        let p = from + p;
        if p >= 2 && b[p - 2] == 0xE5 && b[p - 1] == 0xB9 {
            return true;
        }
        from = p + 1;
    }
    false
}

fn most_named_year(lines: &[Line<'_>]) -> Option<u16> {
    let mut counts: Vec<(u16, usize)> = Vec::new();
    for l in lines.iter().filter(|l| has_nian(l.text)) {
        let mut s = l.text;
        while let (_, Some(y)) = split_year(s) {
            match counts.iter_mut().find(|c| c.0 == y) {
                Some(c) => c.1 += 1,
                None => counts.push((y, 1)),
            }
            let (before, _) = split_year(s);
            s = &s[before.len() + 4..];
        }
    }
    counts.into_iter().max_by_key(|c| (c.1, c.0)).map(|c| c.0)
}

#[cfg(test)]
mod tests {
    use super::super::row::lines;
    use super::*;

    #[test]
    fn title_on_one_line() {
        let l = lines("[bookmark: A1]霸州市人力资源和社会保障局2021年部门预算信息公开\n正文");
        assert_eq!(
            department_and_year(&l, &[], None),
            (Some("霸州市人力资源和社会保障局".into()), Some(2021))
        );
    }

    #[test]
    fn name_above_the_title() {
        let l = lines("\n兴隆县人力资源和社会保障局\n\n局\n\n2025 年部门预算绩效文本\n");
        assert_eq!(
            department_and_year(&l, &[], None),
            (Some("兴隆县人力资源和社会保障局".into()), Some(2025))
        );
    }

    #[test]
    fn nian_found_as_by_contains() {
        for s in [
            "",
            "年",
            "2024年",
            "平",
            "\u{5e74}x",
            "x\u{5d74}",
            "度年度",
            &"字".repeat(40),
        ] {
            assert_eq!(has_nian(s), s.contains('年'), "{s:?}");
        }
    }

    #[test]
    fn fallbacks() {
        let l = lines(" 第一部分\n2025年部门整体绩效目标\n汉沽管理区人力资源和社会保障局始终把学习放在首位。\n");
        assert_eq!(
            department_and_year(&l, &[], None),
            (Some("汉沽管理区人力资源和社会保障局".into()), Some(2025))
        );
        let l = lines("没有年份\n");
        assert_eq!(department_and_year(&l, &[], None), (None, None));
        assert_eq!(
            most_named_year(&lines("2023年 2024 年\n2024年")),
            Some(2024)
        );
    }
}
