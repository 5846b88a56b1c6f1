//! `pdftotext -layout` twins of the tab-rows corpus documents must read like
//! the originals. The twins were made by `scripts/make-layout-twins.py`
//! (each tab line a table row in an HTML table, LibreOffice to PDF,
//! pdftotext back to text); they are real tool output, not written by hand.

use perf_core::document::{Indicator, Project};
use perf_core::Document;

fn read(path: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn corpus(prefix: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../testdata/corpus");
    let p = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(p).unwrap()
}

/// White space removed: pdftotext sets a space wherever the script changes
/// (`2626元` → `2626 元`), which the original text did not always have.
fn nows(s: String) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// An indicator without its line number, white space aside.
fn ind(i: &Indicator) -> String {
    nows(ind_exact(i))
}

fn ind_exact(i: &Indicator) -> String {
    format!(
        "{:?} | {:?} | {:?} | {:?} | {} | {:?} | {:?}",
        i.level1,
        i.level2,
        i.level3,
        i.description,
        serde_json::to_string(&i.value).unwrap(),
        i.basis,
        i.scoring
    )
}

/// A project without line numbers, indicators apart, white space aside.
fn head(p: &Project) -> String {
    nows(format!(
        "{:?} | {:?} | {:?} | {:?} | {} | {} | {:?}",
        p.code,
        p.name,
        p.unit_name,
        p.amount_unit,
        serde_json::to_string(&p.budget).unwrap(),
        serde_json::to_string(&p.spending_plan).unwrap(),
        p.goals
    ))
}

/// The differences between two readings, one line each (empty when equal).
fn differences(a: &Document, b: &Document) -> Vec<String> {
    let mut out = Vec::new();
    if a.projects.len() != b.projects.len() {
        out.push(format!(
            "projects: {} vs {}",
            a.projects.len(),
            b.projects.len()
        ));
    }
    for (pa, pb) in a.projects.iter().zip(&b.projects) {
        if head(pa) != head(pb) {
            out.push(format!(
                "project {}:\n  {}\n  {}",
                pa.index,
                head(pa),
                head(pb)
            ));
        }
        if pa.indicators.len() != pb.indicators.len() {
            out.push(format!(
                "project {} indicators: {} vs {}",
                pa.index,
                pa.indicators.len(),
                pb.indicators.len()
            ));
        }
        for (ia, ib) in pa.indicators.iter().zip(&pb.indicators) {
            if ind(ia) != ind(ib) {
                out.push(format!(
                    "project {} line {}/{}:\n  {}\n  {}",
                    pa.index,
                    ia.line,
                    ib.line,
                    ind(ia),
                    ind(ib)
                ));
            }
        }
    }
    if a.department_indicators.len() != b.department_indicators.len() {
        out.push(format!(
            "department indicators: {} vs {}",
            a.department_indicators.len(),
            b.department_indicators.len()
        ));
    }
    for (ia, ib) in a.department_indicators.iter().zip(&b.department_indicators) {
        if ind(ia) != ind(ib) {
            out.push(format!(
                "department line {}/{}:\n  {}\n  {}",
                ia.line,
                ib.line,
                ind(ia),
                ind(ib)
            ));
        }
    }
    if (&a.department, a.year) != (&b.department, b.year) {
        out.push(format!(
            "department/year: {:?} {:?} vs {:?} {:?}",
            a.department, a.year, b.department, b.year
        ));
    }
    out
}

fn twin(prefix: &str) -> (Document, Document) {
    twin_file(prefix, &format!("{prefix}.layout.txt"))
}

fn twin_file(prefix: &str, file: &str) -> (Document, Document) {
    let a = Document::parse(&corpus(prefix)).unwrap();
    let b = Document::parse_bytes(read(&format!("../testdata/layout/{file}")).as_bytes()).unwrap();
    assert_ne!(a.source.layout.as_str(), "space-aligned");
    assert_eq!(b.source.layout.as_str(), "space-aligned");
    (a, b)
}

/// How many indicators of `a` the twin `b` reads identically (line numbers
/// and white space aside), project by project; and how many `a` has.
fn matched(a: &Document, b: &Document) -> (usize, usize) {
    let mut hit = 0;
    let mut all = 0;
    let pairs = a
        .projects
        .iter()
        .map(|p| &p.indicators)
        .zip(b.projects.iter().map(|p| &p.indicators))
        .chain(std::iter::once((
            &a.department_indicators,
            &b.department_indicators,
        )));
    for (ia, ib) in pairs {
        let mut left: Vec<String> = ib.iter().map(ind).collect();
        for i in ia {
            all += 1;
            if let Some(k) = left.iter().position(|x| *x == ind(i)) {
                left.swap_remove(k);
                hit += 1;
            }
        }
    }
    (hit, all)
}

#[test]
fn layout_twin_of_002_reads_like_the_tab_rows_original() {
    let (a, b) = twin("002");
    assert_eq!(
        (a.department.as_deref(), a.year),
        (b.department.as_deref(), b.year)
    );
    assert_eq!(b.projects.len(), 22);
    // One difference, where the text itself no longer says where a cell
    // stands: in project 11 pdftotext set the 12 月底 heading of the
    // spending plan on a line of its own at the left margin, so its column
    // (and the 100% under it) is gone: the plan has three points, not four.
    let d = differences(&a, &b);
    assert_eq!(d.len(), 1, "{}", d.join("\n"));
    assert!(d[0].starts_with("project 11:\n"), "{}", d[0]);
    let (p, q) = (&a.projects[10], &b.projects[10]);
    assert_eq!(p.spending_plan.points.len(), 4);
    assert_eq!(q.spending_plan.points[..], p.spending_plan.points[..3]);
    assert_eq!(
        (head(&Project {
            spending_plan: Default::default(),
            ..p.clone()
        }),),
        (head(&Project {
            spending_plan: Default::default(),
            ..q.clone()
        }),)
    );
    // project 13's 效益指标 row: the 三级指标 and 绩效指标描述 cells, both
    // holding spaces of their own (`基本养老保 险制度可持 续发展`), are
    // joined by a single space eight characters left of the description's
    // column; the text runs on past that column, so the last space between
    // Han characters before it parts them
    let (i, j) = (&a.projects[12].indicators[4], &b.projects[12].indicators[4]);
    assert_eq!(ind(i), ind(j));
    assert_eq!(
        nows(j.level3.clone().unwrap_or_default()),
        "基本养老保险制度可持续发展"
    );
    // every indicator reads identically
    assert_eq!(matched(&a, &b), (132, 132));
}

#[test]
fn layout_twin_of_004_reads_most_rows_like_the_tab_rows_original() {
    // 004's tables have eleven narrow columns: cells wrap a lot, many are
    // set a single space after the cell before, and pdftotext shifts the
    // columns from one group of rows to the next within a page. The reader
    // recovers most rows; this records how many, so that a change that
    // loses rows fails here.
    let (a, b) = twin("004");
    assert_eq!(
        (a.department.as_deref(), a.year),
        (b.department.as_deref(), b.year)
    );
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 162);
    assert!(
        hit >= MATCHED_004,
        "{hit} of {all} indicators read identically"
    );
    let codes = |d: &Document| {
        d.projects
            .iter()
            .map(|p| p.code.clone())
            .collect::<Vec<_>>()
    };
    // every project once: a code broken at the column edge of its cell
    // (`[13081122P00800810` + `001Y]`) is joined again
    assert_eq!(codes(&a), codes(&b));
    // project heads (name, unit, budget, plan, goals): all but three, whose
    // `金额：` cell is broken by a page with nothing that fills a column
    // above the break, so its amount and unit are lost
    let same: Vec<bool> = a
        .projects
        .iter()
        .zip(&b.projects)
        .map(|(p, q)| head(p) == head(q))
        .collect();
    assert!(same.iter().filter(|&&x| x).count() >= 14, "{same:?}");
    for (p, q) in a.projects.iter().zip(&b.projects) {
        // the spending plan reads in full (`10 月` + `底` is `10 月底`)
        assert_eq!(p.spending_plan, q.spending_plan, "project {}", p.index);
    }
}

/// Indicators of 004 its layout twin reads identically (of 162).
const MATCHED_004: usize = 139;

#[test]
fn cells_centred_vertically_read_like_the_original_in_most_rows() {
    // The same tables with every cell centred vertically (--valign middle):
    // a row's short cells stand on its middle line, a merged 一级指标 cell
    // half-way down the rows it spans, on a line of its own. Blank lines
    // set the rows apart, so the lines between two blank lines are read as
    // one row, and a lone level label goes to the first row of its span.
    let (a, b) = twin_file("002", "002.middle.layout.txt");
    assert_eq!(b.projects.len(), 22);
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 132);
    assert!(hit >= 132, "{hit} of {all} indicators read identically");
    // 004's eleven narrow columns wrap most cells over several lines, the
    // short ones on the row's anchor line (its number) in the middle; where
    // no blank line parts two rows (a merged label between them), the
    // lines go to the nearer anchor. Lost: headers whose 值 label stands
    // inside the wrapped 单位 cell, and pages whose column sets shift.
    let (a, b) = twin_file("004", "004.middle.layout.txt");
    assert_eq!(b.projects.len(), a.projects.len());
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 162);
    assert!(hit >= 97, "{hit} of {all} indicators read identically");
}

/// A twin made by another tool (`scripts/make-tool-twins.py`), and its original.
fn tool_twin(prefix: &str, file: &str) -> (Document, Document) {
    let a = Document::parse(&corpus(prefix)).unwrap();
    let b = Document::parse_bytes(read(&format!("../testdata/{file}")).as_bytes()).unwrap();
    (a, b)
}

fn codes(d: &Document) -> Vec<Option<String>> {
    d.projects.iter().map(|p| p.code.clone()).collect()
}

fn names(d: &Document) -> Vec<String> {
    d.projects
        .iter()
        .map(|p| nows(p.name.clone().unwrap_or_default()))
        .collect()
}

#[test]
fn pdftotext_without_layout_reads_as_paragraph_cells() {
    // Without -layout, pdftotext writes the LibreOffice tables one cell per
    // paragraph (a blank line after every cell) and nothing for an empty
    // cell: a merged level cell is written once, on its first row. The
    // paragraph-cells reader reads it as compact text: a row starts at a
    // level label or after the cells of the row before. pdftotext reads
    // the project tables by column blocks (`项目编码 | code | 预算规模… |
    // 预算数 | 126.15 | 项目名称 | name | 其中：财政资金 | 126.15`); the
    // budget cells go back to the 预算规模 row, and a 项目名称 block set
    // before its table's heading goes to that table.
    let (a, b) = tool_twin("002", "layout/002.plain.txt");
    assert_eq!(b.source.layout.as_str(), "paragraph-cells");
    assert_eq!(codes(&a), codes(&b));
    assert_eq!(names(&a), names(&b));
    for (p, q) in a.projects.iter().zip(&b.projects) {
        assert_eq!(p.budget, q.budget, "project {}", p.index);
    }
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 132);
    assert!(hit >= 125, "{hit} of {all} indicators read identically");
}

#[test]
fn pymupdf_reads_as_paragraph_cells_a_line_each() {
    // PyMuPDF's page.get_text() writes every text line of the PDF on a
    // line of its own, with no blank line anywhere: every line is a
    // paragraph, a cell wrapped over two lines two paragraphs (joined
    // where the value column then holds a value).
    let (a, b) = tool_twin("002", "pymupdf/002.txt");
    assert_eq!(b.source.layout.as_str(), "paragraph-cells");
    assert_eq!(codes(&a), codes(&b));
    assert_eq!(names(&a), names(&b));
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 132);
    assert!(
        hit >= PYMUPDF_002,
        "{hit} of {all} indicators read identically"
    );
}

/// Indicators of 002 its PyMuPDF twin reads identically (of 132).
const PYMUPDF_002: usize = 128;

#[test]
fn pymupdf_of_narrow_split_value_tables() {
    // 004's tables: eleven narrow columns, 符号 | 值 | 单位 split, numbered
    // rows; PyMuPDF writes each line of a wrapped cell on a line of its
    // own. Rows are cut at their numbers and level labels, values found by
    // their 符号 cell, and the other lines shared out among the cells by
    // how full each line is (the columns' widths learned over the table).
    let (a, b) = tool_twin("004", "pymupdf/004.txt");
    assert_eq!(b.source.layout.as_str(), "paragraph-cells");
    assert_eq!(codes(&a), codes(&b));
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 162);
    assert!(
        hit >= PYMUPDF_004,
        "{hit} of {all} indicators read identically"
    );
}

/// Indicators of 004 its PyMuPDF twin reads identically (of 162).
const PYMUPDF_004: usize = 133;

#[test]
fn libreoffice_text_export_of_the_word_tables_reads_in_full() {
    // LibreOffice's Text export of the .docx: a paragraph per line, an
    // empty paragraph (an empty cell, a merged cell's continuation) a
    // blank line; the paragraph-cells reader with no separator line.
    for (prefix, all) in [("001", 247), ("003", 234)] {
        let (a, b) = tool_twin(prefix, &format!("lo-text/{prefix}.txt"));
        assert_eq!(b.source.layout.as_str(), "paragraph-cells");
        assert_eq!(differences(&a, &b), Vec::<String>::new(), "{prefix}");
        assert_eq!(matched(&a, &b), (all, all), "{prefix}");
    }
}

#[test]
fn pandoc_plain_tables_align_by_display_width() {
    // pandoc -t plain of the .docx: "simple" tables, columns padded to a
    // display width (a Han character two columns) and set between rules
    // of dashes. The space-aligned reader counts display width when the
    // lines align better that way, and reads a rule as a blank line.
    let (a, b) = tool_twin("001", "pandoc/001.txt");
    assert_eq!(b.source.layout.as_str(), "space-aligned");
    assert_eq!(names(&a), names(&b));
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 247);
    assert!(hit >= 236, "{hit} of {all} indicators read identically");
}

#[test]
fn markdown_and_grid_tables_read_as_grid_rows() {
    // Tables drawn with bars: pandoc -t plain sets a Word table whose
    // cells hold several paragraphs as a grid table (`+---+` rules, the
    // lines between two rules one row); pymupdf4llm and pandoc -t gfm write
    // Markdown pipe tables (a row per line, `<br>` inside a cell,
    // backslash escapes such as `\[`).
    for (prefix, file, same_names, floor, all) in [
        ("003", "pandoc/003.txt", 30, 234, 234),
        // pymupdf4llm splits one name cell in two (`2025 年城乡居民基础养
        // | 老金补贴`): that project's name is cut short
        ("002", "pymupdf4llm/002.txt", 21, 132, 132),
        // 30 rows of 001 stand in tables pandoc writes as raw HTML (cells
        // of several paragraphs, rowspan/colspan), read as table rows
        ("001", "pandoc-gfm/001.txt", 30, 247, 247),
    ] {
        let (a, b) = tool_twin(prefix, file);
        assert_eq!(b.source.layout.as_str(), "grid-rows", "{file}");
        assert_eq!(codes(&a), codes(&b), "{file}");
        let (na, nb) = (names(&a), names(&b));
        assert_eq!(na.len(), nb.len(), "{file}");
        let same = na.iter().zip(&nb).filter(|(x, y)| x == y).count();
        assert_eq!(same, same_names, "{file}");
        let (hit, n) = matched(&a, &b);
        assert_eq!(n, all, "{file}");
        assert!(
            hit >= floor,
            "{file}: {hit} of {n} indicators read identically"
        );
    }
}

#[test]
fn pymupdf4llm_of_narrow_split_value_tables() {
    // pymupdf4llm's table detection on 004's eleven narrow columns: every
    // page break starts a new pipe table whose columns may differ by one
    // from the first part (the number column merged with the next, the
    // 值 and 单位 columns merged or split, an empty column inserted), a
    // header split over two rows with `值<br>单位(文` in one cell, and
    // project headings set into the cells of a table row. Every project is
    // found with its code; the floor records how many rows read
    // identically.
    let (a, b) = tool_twin("004", "pymupdf4llm/004.txt");
    assert_eq!(b.source.layout.as_str(), "grid-rows");
    assert_eq!(codes(&a), codes(&b));
    let (hit, all) = matched(&a, &b);
    assert_eq!(all, 162);
    assert!(
        hit >= PYMUPDF4LLM_004,
        "{hit} of {all} indicators read identically"
    );
}

/// Indicators of 004 its pymupdf4llm twin reads identically (of 162).
const PYMUPDF4LLM_004: usize = 143;

#[test]
fn one_line_rows_with_single_spaces_read_as_spaced_rows() {
    // pdfplumber, pypdf and `pdftotext -raw` write a table row on one line,
    // its cells parted by a single space like the spaces inside a cell
    // (`劳务派遣 29 人 劳务派遣 29 人 29 人 劳务派遣 29 人`). The spaced-rows
    // reader cuts each row where the value grammar and the repeated text
    // columns say; the floors record how many rows read identically.
    for (file, floor) in [
        ("pdfplumber/002.txt", 120),
        ("pypdf/002.txt", 130),
        ("pdftotext-raw/002.txt", 130),
    ] {
        let (a, b) = tool_twin("002", file);
        assert_eq!(b.source.layout.as_str(), "spaced-rows", "{file}");
        assert_eq!(codes(&a), codes(&b), "{file}");
        assert_eq!(names(&a), names(&b), "{file}");
        let (hit, all) = matched(&a, &b);
        assert_eq!(all, 132, "{file}");
        assert!(
            hit >= floor,
            "{file}: {hit} of {all} indicators read identically"
        );
        // every indicator row is read (none dropped), uncertain ones whole
        let read: usize = b.projects.iter().map(|p| p.indicators.len()).sum();
        assert_eq!(read, 132, "{file}");
    }
}

#[test]
fn split_value_tables_with_wrapped_cells_read_as_spaced_rows() {
    // 004's tables by pdfplumber, pypdf and `pdftotext -raw`: a column of
    // running row numbers, 指标值 split into 符号 | 值 | 单位, and narrow
    // columns that wrap most cells. pdfplumber writes each line of the
    // row's cells side by side (`本养老保险 老保险覆盖率 95%以上为 …`);
    // pypdf and `pdftotext -raw` a cell's lines one after another. Rows
    // are cut at their numbers, the value found by its 符号 cell, the
    // other lines shared out by the columns' widths.
    for (file, floor) in [
        ("pdfplumber/004.txt", PDFPLUMBER_004),
        ("pypdf/004.txt", PYPDF_004),
        ("pdftotext-raw/004.txt", PYPDF_004),
    ] {
        let (a, b) = tool_twin("004", file);
        assert_eq!(b.source.layout.as_str(), "spaced-rows", "{file}");
        // every project's code, read from its numbered `4 项目编码 …` row;
        // one more project at the end, opened by the `项目名称 预算资金 …`
        // header of the 政府采购 table after the last project, holds no
        // indicator
        let (ca, cb) = (codes(&a), codes(&b));
        assert_eq!(ca[..], cb[..ca.len()], "{file}");
        assert!(
            b.projects[ca.len()..]
                .iter()
                .all(|p| p.indicators.is_empty()),
            "{file}"
        );
        let (hit, all) = matched(&a, &b);
        assert_eq!(all, 162, "{file}");
        assert!(
            hit >= floor,
            "{file}: {hit} of {all} indicators read identically"
        );
        // every project's indicator rows are read (none dropped)
        for (p, q) in a.projects.iter().zip(&b.projects) {
            assert_eq!(p.indicators.len(), q.indicators.len(), "{file} {}", p.index);
        }
    }
}

/// Indicators of 004 its pdfplumber twin reads identically (of 162).
const PDFPLUMBER_004: usize = 114;

/// Indicators of 004 its pypdf and `pdftotext -raw` twins read
/// identically (of 162).
const PYPDF_004: usize = 114;

#[test]
fn layout_twins_of_the_cell_per_line_documents() {
    // 001 and 003 (Word to text, a cell per line) made into tables the same
    // way, each cell's paragraphs kept, and the rows Word split in two (a
    // blank line for an empty paragraph inside a cell) mended as the
    // cell-per-line reader mends them, so the PDF tables hold the rows perf
    // reads from the original. The projects, the department and the year
    // are read in full; the floors record how many indicators read
    // identically.
    for (prefix, floor, all) in [("001", 235, 247), ("003", 225, 234)] {
        let (a, b) = twin(prefix);
        assert_eq!(
            (a.department.as_deref(), a.year),
            (b.department.as_deref(), b.year),
            "{prefix}"
        );
        assert_eq!(a.projects.len(), b.projects.len(), "{prefix}");
        let names = |d: &Document| {
            d.projects
                .iter()
                .map(|p| nows(format!("{:?} {:?}", p.code, p.name)))
                .collect::<Vec<_>>()
        };
        assert_eq!(names(&a), names(&b), "{prefix}");
        let (hit, n) = matched(&a, &b);
        assert_eq!(n, all, "{prefix}");
        assert!(
            hit >= floor,
            "{prefix}: {hit} of {n} indicators read identically"
        );
    }
}

/// What a twin reads against its original: layout, projects (same code and
/// name), indicators read identically, values read identically.
fn measure(prefix: &str, path: &str) -> String {
    let a = Document::parse(&corpus(prefix)).unwrap();
    let b = match Document::parse_bytes(read(path).as_bytes()) {
        Ok(b) => b,
        Err(e) => return format!("{path}: error {e}"),
    };
    let same_head = a
        .projects
        .iter()
        .zip(&b.projects)
        .filter(|(p, q)| head(p) == head(q))
        .count();
    let codes = a
        .projects
        .iter()
        .zip(&b.projects)
        .filter(|(p, q)| p.code == q.code && p.code.is_some())
        .count();
    let (hit, all) = matched(&a, &b);
    let values = |d: &Document| {
        let mut v: Vec<String> = d
            .projects
            .iter()
            .flat_map(|p| &p.indicators)
            .chain(&d.department_indicators)
            .map(|i| nows(serde_json::to_string(&i.value).unwrap()))
            .collect();
        v.sort();
        v
    };
    let (va, mut vb) = (values(&a), values(&b));
    let mut vhit = 0;
    for v in &va {
        if let Some(k) = vb.iter().position(|x| x == v) {
            vb.swap_remove(k);
            vhit += 1;
        }
    }
    format!(
        "{path}: {} | projects {}/{} codes {} heads {} | indicators {hit}/{all} (read {}) | values {vhit}/{}",
        b.source.layout.as_str(),
        b.projects.len(),
        a.projects.len(),
        codes,
        same_head,
        b.projects.iter().map(|p| p.indicators.len()).sum::<usize>() + b.department_indicators.len(),
        va.len()
    )
}

/// Prints what every twin reads (`cargo test -p perf-core --test
/// layout_twins -- --ignored --nocapture report`).
#[test]
#[ignore]
fn report() {
    let twins: &[(&str, &str)] = &[
        ("002", "layout/002.layout.txt"),
        ("004", "layout/004.layout.txt"),
        ("002", "layout/002.middle.layout.txt"),
        ("004", "layout/004.middle.layout.txt"),
        ("001", "layout/001.layout.txt"),
        ("003", "layout/003.layout.txt"),
        ("002", "layout/002.plain.txt"),
        ("004", "layout/004.plain.txt"),
        ("002", "pdftotext-raw/002.txt"),
        ("004", "pdftotext-raw/004.txt"),
        ("002", "pymupdf/002.txt"),
        ("004", "pymupdf/004.txt"),
        ("002", "pdfplumber/002.txt"),
        ("004", "pdfplumber/004.txt"),
        ("002", "pypdf/002.txt"),
        ("004", "pypdf/004.txt"),
        ("001", "docx2txt/001_de4f69880376c8d0.txt"),
        ("003", "docx2txt/003_c887e95a5caa2111.txt"),
        ("001", "lo-text/001.txt"),
        ("003", "lo-text/003.txt"),
        ("001", "pandoc/001.txt"),
        ("003", "pandoc/003.txt"),
        ("001", "pandoc-gfm/001.txt"),
        ("002", "pymupdf4llm/002.txt"),
        ("004", "pymupdf4llm/004.txt"),
    ];
    for (prefix, file) in twins {
        println!("{}", measure(prefix, &format!("../testdata/{file}")));
    }
}

/// Prints how a twin's reading differs from its original's
/// (`PERF_TWIN="004 layout/004.layout.txt" cargo test -p perf-core --test
/// layout_twins -- --ignored --nocapture differences_of`).
#[test]
#[ignore]
fn differences_of() {
    let Ok(spec) = std::env::var("PERF_TWIN") else {
        return;
    };
    let (prefix, file) = spec.split_once(' ').unwrap();
    let (a, b) = tool_twin(prefix, file);
    println!("{}", differences(&a, &b).join("\n"));
}
