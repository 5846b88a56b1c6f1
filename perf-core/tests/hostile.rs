//! Hostile inputs (issue 7): what a crawler or a clerk's export can produce at
//! its worst. Each must be read without a panic, in work proportional to its
//! size and in memory bounded by its size.
//!
//! How "linear" is asserted without a clock: the test crate installs a
//! counting allocator (`robust_support::Counting`), and each case is parsed at
//! size n and 10n. The bytes allocated and the number of allocations must grow
//! at most [`MAX_GROWTH`]-fold (a quadratic step would grow 100-fold; amortised
//! doubling of buffers keeps a linear parser between 5- and 20-fold), and the
//! peak of live memory must stay under [`BYTES_PER_INPUT_BYTE`] × input + 4 MiB.
//! CPU work that allocates nothing is counted separately, in instructions, by
//! `scripts/test-robust.sh` running the ignored `work_probe` test under
//! callgrind at n and 10n (see docs/ROBUSTNESS.md). A watchdog (`within`)
//! fails a case that hangs; it is a backstop, not the measure.

mod robust_support;

use perf_core::{Document, ErrorKind, Value};
use robust_support::{measure, tab_rows_doc, within, Counting, Work};

#[global_allocator]
static ALLOC: Counting = Counting;

/// Allowed growth of counted work from n to 10n.
const MAX_GROWTH: f64 = 25.0;
/// Allowed peak of live heap per byte of input. The worst seen is 57–67 B per
/// line in the empty-line cases (one line record each, built once).
const BYTES_PER_INPUT_BYTE: u64 = 96;
/// Constant part of the memory bound.
const SLACK: u64 = 4 << 20;
/// Watchdog for one parse, in seconds (debug build, shared 2-core machine).
const BACKSTOP: u64 = 120;

/// The hostile cases, by name. Each makes an input of roughly `n` units.
#[derive(Clone, Copy, Debug)]
enum Case {
    /// n comparator characters as one value cell: `≥≥≥…`
    ComparatorRun,
    /// n comparator words and symbols mixed: `大于等于不低于≥<=…`
    ComparatorWords,
    /// a value cell of n comparators, inside a tab-rows table
    ComparatorCellInTable,
    /// a document of one line, n bytes, no line break, tab-separated cells
    OneLine,
    /// a tab-rows table whose indicator row has n columns
    Columns,
    /// n empty lines and nothing else
    EmptyLines,
    /// a table with n empty lines between its rows
    EmptyLinesInTable,
    /// the indicator header line repeated n times
    RepeatedHeaders,
    /// n tables with a title and a header each and one row
    RepeatedTables,
    /// n bare-tab lines (the empty cells of the cell-per-line layout)
    BareTabs,
    /// a cell-per-line row of n cells
    CellPerLineColumns,
    /// corpus document 000 (wrapped PDF text) n times over
    WrappedCorpus,
    /// corpus document 001 (cell per line) n times over
    CellPerLineCorpus,
    /// corpus document 004 (tab rows, split 符号/值/单位) n times over
    SplitCorpus,
    /// the docx2txt text of corpus document 001 (paragraph-cells) n times over
    ParagraphCellsCorpus,
    /// a paragraph-cells table of n rows, each with an empty paragraph inside
    /// a cell, so that every row is re-synchronised and reduced
    ParagraphCellsSplitRows,
    /// a paragraph-cells table with n empty paragraphs between its rows
    ParagraphCellsEmpties,
    /// the pdftotext -layout twin of 004 (testdata/layout/) n times over
    SpaceAlignedCorpus,
    /// a space-aligned table whose indicator row has n cells, each wrapped
    /// onto a second line
    SpaceAlignedColumns,
    /// a space-aligned line of n columns, then n pages of two cells each,
    /// every one continuing the table
    SpaceAlignedPages,
    /// paragraph cells with a line each and no empty cell written
    /// (PyMuPDF): n rows under one pair of level labels, each with a cell
    /// broken over two lines, so that every row is split off and reduced
    CompactRows,
    /// the plain `pdftotext` twin of 002 (testdata/layout/002.plain.txt,
    /// compact paragraph cells) n times over
    CompactCorpus,
    /// a grid table whose one row goes on over n lines (every cell joined
    /// line by line), then a pipe row of n cells
    GridRows,
    /// a narrow split-value table a line per paragraph (PyMuPDF of 004):
    /// n numbered rows of wrapped cells, then one row of n values with
    /// their cells' lines between them, all shared out by width
    NarrowRows,
    /// the PyMuPDF twin of 004 (testdata/pymupdf/004.txt) n times over
    NarrowCorpus,
    /// a spaced-rows table (pdfplumber) of n rows, all ending with the same
    /// basis (the table's common ending is counted over every row)
    SpacedRows,
    /// a spaced-rows table whose one row has n pieces, then continuation
    /// lines of n pieces each
    SpacedPieces,
    /// a spaced-rows row of six pieces, each n bytes long
    SpacedLongPieces,
    /// the pdfplumber twin of 002 (testdata/pdfplumber/002.txt) n times over
    SpacedCorpus,
    /// the pdfplumber and pypdf twins of 004 (split-value tables with
    /// wrapped cells, side by side and one after another) n times over
    SpacedSplitCorpus,
    /// a numbered split-value table (spaced rows) whose row has n pieces
    /// before its value and continuation lines of n pieces each
    SpacedSplitPieces,
}

const CASES: [Case; 31] = [
    Case::ComparatorRun,
    Case::ComparatorWords,
    Case::ComparatorCellInTable,
    Case::OneLine,
    Case::Columns,
    Case::EmptyLines,
    Case::EmptyLinesInTable,
    Case::RepeatedHeaders,
    Case::RepeatedTables,
    Case::BareTabs,
    Case::CellPerLineColumns,
    Case::WrappedCorpus,
    Case::CellPerLineCorpus,
    Case::SplitCorpus,
    Case::ParagraphCellsCorpus,
    Case::ParagraphCellsSplitRows,
    Case::ParagraphCellsEmpties,
    Case::SpaceAlignedCorpus,
    Case::SpaceAlignedColumns,
    Case::SpaceAlignedPages,
    Case::CompactRows,
    Case::CompactCorpus,
    Case::GridRows,
    Case::NarrowRows,
    Case::NarrowCorpus,
    Case::SpacedRows,
    Case::SpacedPieces,
    Case::SpacedLongPieces,
    Case::SpacedCorpus,
    Case::SpacedSplitCorpus,
    Case::SpacedSplitPieces,
];

impl Case {
    fn name(self) -> String {
        format!("{self:?}")
    }

    fn from_name(name: &str) -> Case {
        *CASES
            .iter()
            .find(|c| c.name() == name)
            .unwrap_or_else(|| panic!("no hostile case {name}"))
    }

    /// Whether the input is one value cell (else a whole document).
    fn is_cell(self) -> bool {
        matches!(self, Case::ComparatorRun | Case::ComparatorWords)
    }

    fn input(self, n: usize) -> String {
        let row = |value: String| {
            vec![
                "产出指标".to_owned(),
                "数量指标".to_owned(),
                "测试人数".to_owned(),
                "测试人数".to_owned(),
                value,
                "计划标准".to_owned(),
            ]
        };
        match self {
            Case::ComparatorRun => "≥".repeat(n),
            Case::ComparatorWords => {
                let words = [
                    "大于等于",
                    "不低于",
                    "≥",
                    "<=",
                    "≦",
                    "约",
                    "以上",
                    "＞",
                    "=",
                ];
                let mut s = String::with_capacity(n * 4);
                for i in 0..n {
                    s.push_str(words[i % words.len()]);
                }
                s
            }
            Case::ComparatorCellInTable => tab_rows_doc(&[row("≥".repeat(n))]),
            Case::OneLine => {
                let unit = "一级指标\t≥95%\t";
                unit.repeat(n / unit.len() + 1)
            }
            Case::Columns => {
                let mut r = row("≥1人".to_owned());
                r.extend((0..n).map(|i| format!("≥{i}人")));
                tab_rows_doc(&[r])
            }
            Case::EmptyLines => "\n".repeat(n),
            Case::EmptyLinesInTable => {
                let mut s = tab_rows_doc(&[row("29 人".to_owned())]);
                s.push_str(&"\n".repeat(n));
                s.push_str(&row("≥95%".to_owned()).join("\t"));
                s.push('\n');
                s
            }
            Case::RepeatedHeaders => {
                let mut s = tab_rows_doc(&[row("29 人".to_owned())]);
                s.push_str(
                    &"一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t\n"
                        .repeat(n),
                );
                s.push_str(&row("≥95%".to_owned()).join("\t"));
                s.push('\n');
                s
            }
            Case::RepeatedTables => {
                let one = tab_rows_doc(&[row("29 人".to_owned())]);
                one.repeat(n)
            }
            Case::BareTabs => {
                let mut s = String::from(robust_support::CELL_PER_LINE_HEAD);
                s.push_str(&"\t\n".repeat(n));
                s
            }
            Case::CellPerLineColumns => {
                let mut r = row("≥1人".to_owned());
                r.extend((0..n).map(|i| format!("≥{i}人")));
                robust_support::cell_per_line_doc(&[r])
            }
            Case::WrappedCorpus => corpus_text(0).repeat(n),
            Case::CellPerLineCorpus => corpus_text(1).repeat(n),
            Case::SplitCorpus => corpus_text(4).repeat(n),
            Case::ParagraphCellsCorpus => {
                let path = robust_support::repo_root().join("testdata/docx2txt");
                let twin = std::fs::read_dir(path)
                    .expect("testdata/docx2txt")
                    .map(|e| e.expect("entry").path())
                    .find(|p| {
                        p.file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with("001"))
                    })
                    .expect("the docx2txt twin of 001");
                std::fs::read_to_string(twin).expect("utf-8").repeat(n)
            }
            Case::ParagraphCellsSplitRows => {
                let mut r = row("≥95%".to_owned());
                r.insert(3, String::new());
                let rows = vec![r; n];
                robust_support::paragraph_cells_doc(&rows)
            }
            Case::ParagraphCellsEmpties => {
                let r = row("≥95%".to_owned());
                let mut s = robust_support::paragraph_cells_doc(std::slice::from_ref(&r));
                s.push_str(&"\n\n".repeat(n));
                s.push_str(&robust_support::paragraph_cells_doc(&[r]));
                s
            }
            Case::SpaceAlignedCorpus => {
                let path = robust_support::repo_root().join("testdata/layout/004.layout.txt");
                std::fs::read_to_string(path)
                    .expect("the layout twin of 004")
                    .repeat(n)
            }
            Case::CompactRows => {
                let mut s = String::from(
                    "2. 示例项目绩效目标表\n一级指标\n二级指标\n三级指标\n\
                     绩效指标描述\n指标值\n指标值确定依据\n产出指标\n数量指标\n",
                );
                s.push_str(&"服务人数\n全年服务\n人数\n≥10 人\n计划\n".repeat(n));
                s
            }
            Case::GridRows => {
                let mut s = String::from(
                    "+---+---+---+---+\n|一级指标|二级指标|三级指标|指标值|\n+===+===+===+===+\n\
                     |产出指标|数量指标|人数|≥10<br>人|\n",
                );
                s.push_str(&"|  |  | 续续 | <br>续 |\n".repeat(n));
                s.push_str("+---+---+---+---+\n\n");
                s.push_str(&"|产出指标".repeat(n));
                s.push_str("|\n");
                s
            }
            Case::NarrowRows => {
                let mut s = String::from(
                    "1、示例项目绩效目标表\n12\n一级指标\n二级指标\n三级指标\n绩效指标描述\n\
                     指标值\n指标值确定依据\n13\n符号\n值\n单位\n",
                );
                for i in 0..n {
                    s.push_str(&format!(
                        "{}\n产出指标\n数量指标\n服务人\n数\n全年服务\n人数\n≥\n10\n人\n计划\n安排\n",
                        14 + i % 5000
                    ));
                }
                s.push_str("99999\n质量指标\n");
                s.push_str(&"合格\n≥\n95\n%\n按要求\n".repeat(n));
                s
            }
            Case::NarrowCorpus => {
                let path = robust_support::repo_root().join("testdata/pymupdf/004.txt");
                std::fs::read_to_string(path)
                    .expect("the PyMuPDF twin of 004")
                    .repeat(n)
            }
            Case::SpacedRows | Case::SpacedPieces | Case::SpacedLongPieces => {
                let mut s = String::from(
                    "1. 示例项目绩效目标表\n\
                     一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据\n\
                     产出指标 数量指标 人数 10 人 人数 10 人 10 人 计划标准\n\
                     质量指标 合格 合格 合格 计划标准\n\
                     时效指标 及时 及时 及时 计划标准\n",
                );
                match self {
                    Case::SpacedRows => {
                        s.push_str(&"成本指标 每人 29 元 每人 29 元 29 元 计划标准\n".repeat(n))
                    }
                    Case::SpacedPieces => {
                        let pieces = |w: &str| vec![w; n].join(" ");
                        s.push_str(&format!("成本指标 {}\n", pieces("续 29 人")));
                        s.push_str(&format!("{}\n", pieces("万元")).repeat(3));
                    }
                    _ => {
                        let piece = "续".repeat(n / 3 + 1);
                        s.push_str(&format!("成本指标 {}\n", [piece.as_str(); 6].join(" ")));
                        s.push_str(&format!("{piece} {piece}\n"));
                    }
                }
                s
            }
            Case::SpacedSplitCorpus => {
                let root = robust_support::repo_root();
                let mut one = String::new();
                for f in ["testdata/pdfplumber/004.txt", "testdata/pypdf/004.txt"] {
                    one.push_str(&std::fs::read_to_string(root.join(f)).expect("a twin of 004"));
                }
                one.repeat(n)
            }
            Case::SpacedSplitPieces => {
                let pieces = |w: &str| vec![w; n].join(" ");
                let mut s = String::from(
                    "1、 示例项目绩效目标表\n\
                     12 一级指标 二级指标 三级指标 绩效指标描述 评（扣）分标 指标值 指标确\n\
                     13 符号 值 单位\n",
                );
                s.push_str(&format!(
                    "14 产出指标 数量指标 {} ≥ 95 % 依据\n",
                    pieces("城乡 居民")
                ));
                s.push_str(&format!("{}\n", pieces("本养 老保")).repeat(5));
                s.push_str(&format!(
                    "15 质量指标 {} 文字描 按时 承高\n",
                    pieces("甲乙")
                ));
                s.push_str(&format!("{} 述 {}\n", pieces("丙丁"), pieces("戊己")).repeat(5));
                s
            }
            Case::SpacedCorpus => {
                let path = robust_support::repo_root().join("testdata/pdfplumber/002.txt");
                std::fs::read_to_string(path)
                    .expect("the pdfplumber twin of 002")
                    .repeat(n)
            }
            Case::CompactCorpus => {
                let path = robust_support::repo_root().join("testdata/layout/002.plain.txt");
                std::fs::read_to_string(path)
                    .expect("the plain pdftotext twin of 002")
                    .repeat(n)
            }
            Case::SpaceAlignedPages => {
                let mut s: String = (0..n).map(|i| format!("列{i:06}  ")).collect();
                s.push('\n');
                s.push_str(&"\u{c}产出指标  ≥10 人  计划\n".repeat(n));
                s
            }
            Case::SpaceAlignedColumns => {
                let cells = |first: &[&str], each: &dyn Fn(usize) -> String| {
                    let mut v: Vec<String> = first.iter().map(|s| s.to_string()).collect();
                    v.extend((0..n).map(each));
                    v.join("    ")
                };
                let head = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值"];
                let row = ["产出指标", "数量指标", "服务人数", "服务人数全年", "≥10 人"];
                let tail = ["        ", "        ", "        ", "累计", "      "];
                format!(
                    "2. 示例项目绩效目标表\n{}\n{}\n{}\n",
                    cells(&head, &|i| format!("列{i:06}")),
                    cells(&row, &|i| format!("值{i:06}")),
                    cells(&tail, &|_| "续续续续续续续".to_owned()),
                )
            }
        }
    }

    /// The sizes n for the scaling check: small enough for a debug build.
    fn base_size(self) -> usize {
        match self {
            Case::ComparatorRun | Case::ComparatorWords | Case::ComparatorCellInTable => 20_000,
            Case::OneLine => 200_000,
            Case::Columns => 10_000,
            Case::EmptyLines | Case::EmptyLinesInTable | Case::BareTabs => 20_000,
            Case::RepeatedHeaders => 5_000,
            Case::RepeatedTables => 200,
            Case::CellPerLineColumns => 10_000,
            Case::WrappedCorpus
            | Case::CellPerLineCorpus
            | Case::SplitCorpus
            | Case::ParagraphCellsCorpus
            | Case::SpaceAlignedCorpus
            | Case::CompactCorpus
            | Case::NarrowCorpus => 1,
            Case::CompactRows | Case::NarrowRows => 2_000,
            Case::GridRows => 10_000,
            Case::ParagraphCellsSplitRows => 2_000,
            Case::ParagraphCellsEmpties => 20_000,
            Case::SpaceAlignedColumns | Case::SpaceAlignedPages => 10_000,
            Case::SpacedRows => 2_000,
            Case::SpacedPieces => 2_000,
            Case::SpacedLongPieces => 20_000,
            Case::SpacedCorpus => 1,
            Case::SpacedSplitCorpus => 1,
            Case::SpacedSplitPieces => 2_000,
        }
    }
}

/// Corpus document `i` (sorted by name) as text.
fn corpus_text(i: usize) -> String {
    let (_, bytes) = robust_support::corpus().swap_remove(i);
    String::from_utf8(bytes).expect("the corpus is UTF-8")
}

/// What one parse of a case produced, reduced to what the checks need.
#[derive(Debug)]
struct Outcome {
    work: Work,
    input_len: usize,
    /// values + indicators + diagnostics in the output
    items: usize,
}

fn run(case: Case, n: usize) -> Outcome {
    let input = case.input(n);
    let input_len = input.len();
    within(BACKSTOP, &case.name(), move || {
        let (items, work) = if case.is_cell() {
            measure(|| {
                let v = Value::parse(&input);
                assert_eq!(v.raw, input, "{case:?}: raw is not the cell");
                1
            })
        } else {
            measure(|| match Document::parse_bytes(input.as_bytes()) {
                Ok(doc) => {
                    doc.projects
                        .iter()
                        .map(|p| p.indicators.len())
                        .sum::<usize>()
                        + doc.department_indicators.len()
                        + doc.diagnostics.len()
                }
                Err(e) => {
                    assert!(e.line >= 1, "{case:?}: error without a line: {e:?}");
                    0
                }
            })
        };
        Outcome {
            work,
            input_len,
            items,
        }
    })
}

fn assert_linear(case: Case) {
    let n = case.base_size();
    let small = run(case, n);
    let large = run(case, 10 * n);
    let growth = |a: u64, b: u64| (b as f64 + 1.0) / (a as f64 + 1.0);
    let bytes = growth(small.work.bytes, large.work.bytes);
    let allocs = growth(small.work.allocs, large.work.allocs);
    eprintln!(
        "{case:?}: n={n}: {} B in, {:?}, {} items | 10n: {} B in, {:?}, {} items | growth bytes {bytes:.1}x allocs {allocs:.1}x",
        small.input_len, small.work, small.items, large.input_len, large.work, large.items
    );
    // Small absolute amounts (a few KiB) may grow by more than 25x without
    // meaning anything; the ratio only matters once work is non-trivial.
    assert!(
        bytes <= MAX_GROWTH || large.work.bytes <= 1 << 16,
        "{case:?}: bytes allocated grew {bytes:.1}x from n to 10n (not linear): {:?} → {:?}",
        small.work,
        large.work
    );
    assert!(
        allocs <= MAX_GROWTH || large.work.allocs <= 1_000,
        "{case:?}: allocations grew {allocs:.1}x from n to 10n (not linear): {:?} → {:?}",
        small.work,
        large.work
    );
    for o in [&small, &large] {
        let bound = BYTES_PER_INPUT_BYTE * o.input_len as u64 + SLACK;
        assert!(
            o.work.peak <= bound,
            "{case:?}: peak heap {} B for {} B of input (bound {bound})",
            o.work.peak,
            o.input_len
        );
        // The output is bounded by the input: no item is made from nothing.
        assert!(
            o.items <= o.input_len,
            "{case:?}: {} output items for {} B of input",
            o.items,
            o.input_len
        );
    }
}

#[test]
fn spaced_rows_are_linear() {
    assert_linear(Case::SpacedRows);
}

#[test]
fn many_spaced_pieces_are_linear() {
    assert_linear(Case::SpacedPieces);
}

#[test]
fn long_spaced_pieces_are_linear() {
    assert_linear(Case::SpacedLongPieces);
}

#[test]
fn repeated_spaced_rows_document_is_linear() {
    assert_linear(Case::SpacedCorpus);
}

#[test]
fn repeated_split_value_spaced_rows_documents_are_linear() {
    assert_linear(Case::SpacedSplitCorpus);
}

#[test]
fn many_pieces_in_a_split_value_spaced_row_are_linear() {
    assert_linear(Case::SpacedSplitPieces);
}

#[test]
fn grid_rows_are_linear() {
    assert_linear(Case::GridRows);
}

#[test]
fn compact_paragraph_cells_rows_are_linear() {
    assert_linear(Case::CompactRows);
}

#[test]
fn narrow_split_value_rows_are_linear() {
    assert_linear(Case::NarrowRows);
}

#[test]
fn narrow_split_value_corpus_is_linear() {
    assert_linear(Case::NarrowCorpus);
}

#[test]
fn compact_paragraph_cells_corpus_is_linear() {
    assert_linear(Case::CompactCorpus);
}

#[test]
fn comparator_run_is_linear() {
    assert_linear(Case::ComparatorRun);
}

#[test]
fn comparator_words_are_linear() {
    assert_linear(Case::ComparatorWords);
}

#[test]
fn comparator_cell_in_a_table_is_linear() {
    assert_linear(Case::ComparatorCellInTable);
}

#[test]
fn one_line_document_is_linear() {
    assert_linear(Case::OneLine);
}

#[test]
fn many_columns_are_linear() {
    assert_linear(Case::Columns);
}

#[test]
fn empty_lines_are_linear() {
    assert_linear(Case::EmptyLines);
}

#[test]
fn empty_lines_inside_a_table_are_linear() {
    assert_linear(Case::EmptyLinesInTable);
}

#[test]
fn repeated_headers_are_linear() {
    assert_linear(Case::RepeatedHeaders);
}

#[test]
fn repeated_tables_are_linear() {
    assert_linear(Case::RepeatedTables);
}

#[test]
fn bare_tab_lines_are_linear() {
    assert_linear(Case::BareTabs);
}

#[test]
fn many_cells_per_line_row_are_linear() {
    assert_linear(Case::CellPerLineColumns);
}

#[test]
fn repeated_wrapped_document_is_linear() {
    assert_linear(Case::WrappedCorpus);
}

#[test]
fn repeated_cell_per_line_document_is_linear() {
    assert_linear(Case::CellPerLineCorpus);
}

#[test]
fn repeated_split_value_document_is_linear() {
    assert_linear(Case::SplitCorpus);
}

#[test]
fn repeated_paragraph_cells_document_is_linear() {
    assert_linear(Case::ParagraphCellsCorpus);
}

#[test]
fn paragraph_cells_rows_resynchronised_are_linear() {
    assert_linear(Case::ParagraphCellsSplitRows);
}

#[test]
fn empty_paragraphs_inside_a_table_are_linear() {
    assert_linear(Case::ParagraphCellsEmpties);
}

#[test]
fn repeated_space_aligned_document_is_linear() {
    assert_linear(Case::SpaceAlignedCorpus);
}

#[test]
fn many_pages_under_a_wide_space_aligned_line_are_linear() {
    assert_linear(Case::SpaceAlignedPages);
}

#[test]
fn many_space_aligned_columns_are_linear() {
    assert_linear(Case::SpaceAlignedColumns);
}

/// The sizes the issue names, once each: 10⁶ comparator characters, 10⁵
/// columns, 10⁶ empty lines. Checked for the memory bound and the backstop.
#[test]
fn issue_sizes() {
    for (case, n) in [
        (Case::ComparatorRun, 1_000_000),
        (Case::ComparatorCellInTable, 1_000_000),
        (Case::Columns, 100_000),
        (Case::EmptyLines, 1_000_000),
        (Case::EmptyLinesInTable, 1_000_000),
        (Case::BareTabs, 1_000_000),
    ] {
        let o = run(case, n);
        let bound = BYTES_PER_INPUT_BYTE * o.input_len as u64 + SLACK;
        eprintln!("{case:?} n={n}: {} B in, {:?}", o.input_len, o.work);
        assert!(
            o.work.peak <= bound,
            "{case:?} at n={n}: peak {} > {bound}",
            o.work.peak
        );
    }
}

/// 10⁶ empty lines are an empty document: an error naming a line, not a
/// panic and not an empty result.
#[test]
fn only_empty_lines_is_the_empty_error() {
    let input = "\n".repeat(1_000_000);
    let err = Document::parse_bytes(input.as_bytes()).expect_err("nothing to read");
    assert_eq!(err.kind, ErrorKind::Empty);
    assert!(err.line >= 1);
}

/// A 50 MB document of one line. It holds no table, so it is the no-tables
/// error; what matters is that it comes back, within the memory bound.
#[test]
fn fifty_megabytes_on_one_line() {
    let o = run(Case::OneLine, 50 << 20);
    let bound = BYTES_PER_INPUT_BYTE * o.input_len as u64 + SLACK;
    eprintln!("OneLine 50 MB: {} B in, {:?}", o.input_len, o.work);
    assert!(o.input_len >= 50 << 20);
    assert!(o.work.peak <= bound, "peak {} > {bound}", o.work.peak);
}

/// Not a test: the entry point `scripts/test-robust.sh` runs under
/// `valgrind --tool=callgrind` to count instructions for one case and size
/// (PERF_HOSTILE_CASE, PERF_HOSTILE_N). Ignored in normal runs.
#[test]
#[ignore = "run by scripts/test-robust.sh under callgrind"]
fn work_probe() {
    let case = Case::from_name(&std::env::var("PERF_HOSTILE_CASE").expect("PERF_HOSTILE_CASE"));
    let n: usize = std::env::var("PERF_HOSTILE_N")
        .expect("PERF_HOSTILE_N")
        .parse()
        .expect("PERF_HOSTILE_N is a number");
    let input = case.input(n);
    probe_parse(case, std::hint::black_box(&input));
}

/// The parse `work_probe` measures: callgrind counts instructions only inside
/// this function (`--toggle-collect=*probe_parse*`), not while the input is
/// built.
#[inline(never)]
fn probe_parse(case: Case, input: &str) {
    if case.is_cell() {
        std::hint::black_box(Value::parse(input));
    } else {
        let _ = std::hint::black_box(Document::parse_bytes(input.as_bytes()));
    }
}
