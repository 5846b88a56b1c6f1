//! Page furniture shuffled into the corpus documents: page numbers, form
//! feeds and repeated header rows inside indicator tables must not change
//! a single extracted field (line numbers aside, which move with the text).
//!
//! Positions come from a fixed linear congruential sequence, so a failure
//! reproduces; each document gets several different shuffles.

use std::path::Path;

use perf_core::{Document, Project};

fn corpus(prefix: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/corpus");
    let f = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(f).unwrap()
}

struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Everything but line numbers.
fn strip_lines(projects: &[Project]) -> Vec<Project> {
    projects
        .iter()
        .cloned()
        .map(|mut p| {
            p.line = 0;
            for i in &mut p.indicators {
                i.line = 0;
            }
            p
        })
        .collect()
}

fn same_tables(a: &Document, b: &Document) {
    assert_eq!(a.source.layout, b.source.layout);
    let (pa, pb) = (strip_lines(&a.projects), strip_lines(&b.projects));
    assert_eq!(pa.len(), pb.len(), "project count");
    for (x, y) in pa.iter().zip(&pb) {
        let (mut hx, mut hy) = (x.clone(), y.clone());
        hx.indicators.clear();
        hy.indicators.clear();
        assert_eq!(hx, hy, "project {} header", x.index);
        assert_eq!(
            x.indicators.len(),
            y.indicators.len(),
            "project {} indicator count",
            x.index
        );
        for (i, j) in x.indicators.iter().zip(&y.indicators) {
            assert_eq!(i, j, "project {}", x.index);
        }
    }
    let strip = |d: &Document| {
        d.department_indicators
            .iter()
            .cloned()
            .map(|mut i| {
                i.line = 0;
                i
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(strip(a), strip(b));
}

/// Inserts `furniture` before `count` lines chosen among `candidates`.
fn shuffle(
    text: &str,
    seed: u64,
    count: usize,
    candidates: impl Fn(&[&str], usize) -> bool,
    furniture: &[&str],
) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let ok: Vec<usize> = (0..lines.len())
        .filter(|i| candidates(&lines, *i))
        .collect();
    assert!(ok.len() > count, "too few places to insert");
    let mut rng = Lcg(seed);
    let mut at: Vec<usize> = (0..count).map(|_| ok[rng.next(ok.len())]).collect();
    at.sort();
    at.dedup();
    let mut out = String::with_capacity(text.len() + 4096);
    let mut k = 0;
    for (i, l) in lines.iter().enumerate() {
        while k < at.len() && at[k] == i {
            out.push_str(furniture[rng.next(furniture.len())]);
            k += 1;
        }
        out.push_str(l);
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    out
}

#[test]
fn tab_rows_survive_page_breaks() {
    for prefix in ["002", "004"] {
        let text = corpus(prefix);
        let base = Document::parse(&text).unwrap();
        // inside tables: before an indicator row that is not the first after the header
        // an indicator row: level-1 cell (or blank) then a level-2 label,
        // after a row number in 004
        let indicator_row = |l: &str| {
            let cells: Vec<&str> = l.split('\t').collect();
            let skip = usize::from(
                cells
                    .first()
                    .is_some_and(|c| !c.is_empty() && c.chars().all(|x| x.is_ascii_digit())),
            );
            cells.len() > skip + 2
                && (cells[skip].is_empty() || cells[skip].ends_with("指标"))
                && cells[skip + 1].replace(' ', "").ends_with("指标")
        };
        let inside = |lines: &[&str], i: usize| {
            i > 0 && indicator_row(lines[i]) && indicator_row(lines[i - 1])
        };
        let header = if prefix == "002" {
            "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
        } else {
            // 004's tables number their rows; the repeated header keeps that column
            "12\t一级指标\t二级指标\t三级指标\t绩效指标描述（指标内容）\t评（扣）分标准\t指标值\t\t\t指标确定依据\n"
        };
        let furniture = ["- 7 -\n", "\u{c}", "\n第 3 页\n\n", header];
        for seed in 1..=4 {
            let shuffled = shuffle(&text, seed, 12, inside, &furniture);
            let doc = Document::parse(&shuffled).unwrap();
            same_tables(&base, &doc);
        }
    }
}

#[test]
fn cell_per_line_survives_page_breaks() {
    for prefix in ["001", "003"] {
        let text = corpus(prefix);
        let base = Document::parse(&text).unwrap();
        // at a row boundary inside an indicator table: after a blank line, before a row's first cell
        let inside = |lines: &[&str], i: usize| {
            i > 2
                && lines[i - 1].trim().is_empty()
                && lines[i].starts_with('\t')
                && lines[i - 2].starts_with('\t')
                && (lines[i].trim().is_empty() || lines[i].trim().ends_with("指标"))
                && i + 1 < lines.len()
                && lines[i + 1].trim().ends_with("指标")
        };
        let header =
            "\t一级指标\n\t二级指标\n\t三级指标\n\t绩效指标描述\n\t指标值\n\t指标值确定依据\n\n";
        let furniture = ["12\n\n", "\u{c}", header];
        for seed in 1..=4 {
            let shuffled = shuffle(&text, seed, 10, inside, &furniture);
            if let Some(dir) = std::env::var_os("PERF_DUMP_SHUFFLED") {
                std::fs::write(
                    Path::new(&dir).join(format!("{prefix}-{seed}.txt")),
                    &shuffled,
                )
                .unwrap();
            }
            let doc = Document::parse(&shuffled).unwrap();
            same_tables(&base, &doc);
        }
    }
}

#[test]
fn wrapped_text_survives_page_breaks() {
    let text = corpus("000");
    let base = Document::parse(&text).unwrap();
    // anywhere inside an indicator table body, even in the middle of a wrapped cell
    let mut in_table = vec![false; text.split('\n').count()];
    let mut on = false;
    for (i, l) in text.split('\n').enumerate() {
        if l.trim_start().starts_with("一级指标") {
            on = true;
        } else if l.contains("绩效目标表") || l.trim().starts_with("304001") {
            on = false;
        }
        in_table[i] = on;
    }
    let inside = move |lines: &[&str], i: usize| {
        in_table[i]
            && i > 0
            && in_table[i - 1]
            && !lines[i].trim().is_empty()
            && !lines[i - 1].contains("一级指标")
            && !lines[i].contains("依据")
            && !lines[i].contains("指标值确定")
    };
    // a header repeated at the top of a page may cut a wrapped cell anywhere
    let header = [
        " 一级指标 二级指标 三级指标 绩效指标描述 指标值\n指标值确定\n\n依据\n",
        "\u{c}",
    ];
    // a page number stands at the bottom of a page, between rows
    let row_start = |lines: &[&str], i: usize| {
        i > 2
            && lines[i - 2].trim() != "依据"
            && [
                "产出指标",
                "效益指标",
                "满意度指标",
                "数量指标",
                "质量指标",
                "时效指标",
                "成本指标",
            ]
            .iter()
            .any(|l| lines[i].starts_with(l))
    };
    for seed in 1..=4 {
        let shuffled = shuffle(&text, seed, 15, &inside, &header);
        let shuffled = shuffle(&shuffled, seed + 100, 10, row_start, &["\n\n\n27\n\n"]);
        let doc = Document::parse(&shuffled).unwrap();
        same_tables(&base, &doc);
    }
}
