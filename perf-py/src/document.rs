//! `jixiao.Document`, `Project`, `Indicator`, `Budget`, `Diagnostic`.
//!
//! A `Document` holds the parsed Rust document behind an `Arc`; projects and
//! indicators are small views (the `Arc` plus indices), so walking a document
//! copies nothing until a field is read.

use std::sync::Arc;

use perf_core::document::{Diagnostic, Document, Indicator, Project};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use rust_decimal::Decimal;

use crate::untracked;
use crate::value::{norm, PyValue};

/// A tuple of new untracked objects (see [`untracked`]).
fn tuple_of<'py, T>(
    py: Python<'py>,
    items: impl IntoIterator<Item = T>,
) -> PyResult<Bound<'py, PyTuple>>
where
    T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>,
{
    let objs = items
        .into_iter()
        .map(|t| untracked(py, t))
        .collect::<PyResult<Vec<_>>>()?;
    PyTuple::new(py, objs)
}

/// A parsed 部门预算绩效文本: projects, department indicators, diagnostics.
///
/// Made by :func:`jixiao.parse_document` or :func:`jixiao.read_dir`.
#[pyclass(name = "Document", module = "jixiao", frozen)]
pub struct PyDocument {
    pub(crate) doc: Arc<Document>,
    /// The path the document was read from, if it was read from a file.
    pub(crate) path: Option<String>,
}

/// Where an indicator lives: in a project table or the department table.
#[derive(Clone, Copy)]
pub(crate) enum Owner {
    Project(usize),
    Department,
}

pub(crate) fn indicator_of(doc: &Document, owner: Owner, i: usize) -> &Indicator {
    match owner {
        Owner::Project(p) => &doc.projects[p].indicators[i],
        Owner::Department => &doc.department_indicators[i],
    }
}

/// One 项目支出绩效目标表 of a document.
#[pyclass(name = "Project", module = "jixiao", frozen)]
pub struct PyProject {
    doc: Arc<Document>,
    idx: usize,
}

/// One indicator row: the three levels, the description, the parsed value.
#[pyclass(name = "Indicator", module = "jixiao", frozen)]
pub struct PyIndicator {
    doc: Arc<Document>,
    owner: Owner,
    idx: usize,
}

/// 预算数 / 其中：财政资金 / 其他资金, in the project's ``amount_unit``.
#[pyclass(name = "Budget", module = "jixiao", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyBudget {
    /// 预算数
    #[pyo3(get)]
    total: Option<Decimal>,
    /// 其中：财政资金
    #[pyo3(get)]
    fiscal: Option<Decimal>,
    /// 其他资金
    #[pyo3(get)]
    other: Option<Decimal>,
}

/// A problem the reader or the checks found, with a stable ``code``.
#[pyclass(name = "Diagnostic", module = "jixiao", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyDiagnostic {
    /// ``info``, ``warning`` or ``error``.
    #[pyo3(get)]
    severity: &'static str,
    /// A stable kebab-case code (``budget-sum`` …).
    #[pyo3(get)]
    code: &'static str,
    /// 1-based source line, when the problem has one.
    #[pyo3(get)]
    line: Option<u32>,
    /// A message an analyst can read.
    #[pyo3(get)]
    message: String,
}

impl PyDiagnostic {
    fn from_core(d: &Diagnostic) -> Self {
        PyDiagnostic {
            severity: d.severity.as_str(),
            code: d.code,
            line: d.line,
            message: d.message.clone(),
        }
    }

    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "severity"), self.severity)?;
        d.set_item(intern!(py, "code"), self.code)?;
        d.set_item(intern!(py, "line"), self.line)?;
        d.set_item(intern!(py, "message"), &self.message)?;
        Ok(d)
    }
}

#[pymethods]
impl PyDiagnostic {
    /// The fields as a dict, as in the JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let line = self.line.map_or("None".to_string(), |l| l.to_string());
        Ok(format!(
            "Diagnostic(severity='{}', code='{}', line={}, message={})",
            self.severity,
            self.code,
            line,
            PyString::new(py, &self.message).repr()?
        ))
    }
}

fn budget_dict<'py>(py: Python<'py>, b: &PyBudget) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "total"), b.total)?;
    d.set_item(intern!(py, "fiscal"), b.fiscal)?;
    d.set_item(intern!(py, "other"), b.other)?;
    Ok(d)
}

#[pymethods]
impl PyBudget {
    /// The fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        budget_dict(py, self)
    }

    fn __repr__(&self) -> String {
        let f = |d: Option<Decimal>| d.map_or("None".to_string(), |d| format!("Decimal('{d}')"));
        format!(
            "Budget(total={}, fiscal={}, other={})",
            f(self.total),
            f(self.fiscal),
            f(self.other)
        )
    }
}

fn indicator_dict<'py>(py: Python<'py>, ind: &Indicator) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "level1"), ind.level1.as_deref())?;
    d.set_item(intern!(py, "level2"), ind.level2.as_deref())?;
    d.set_item(intern!(py, "level3"), ind.level3.as_deref())?;
    d.set_item(intern!(py, "description"), ind.description.as_deref())?;
    d.set_item(
        intern!(py, "value"),
        PyValue::new(ind.value.clone()).dict(py)?,
    )?;
    d.set_item(intern!(py, "basis"), ind.basis.as_deref())?;
    d.set_item(intern!(py, "scoring"), ind.scoring.as_deref())?;
    d.set_item(intern!(py, "line"), ind.line)?;
    Ok(d)
}

fn budget_of(p: &Project) -> PyBudget {
    PyBudget {
        total: p.budget.total.map(norm),
        fiscal: p.budget.fiscal.map(norm),
        other: p.budget.other.map(norm),
    }
}

fn project_dict<'py>(py: Python<'py>, p: &Project) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(intern!(py, "index"), p.index)?;
    d.set_item(intern!(py, "code"), p.code.as_deref())?;
    d.set_item(intern!(py, "name"), p.name.as_deref())?;
    d.set_item(intern!(py, "unit_name"), p.unit_name.as_deref())?;
    d.set_item(intern!(py, "amount_unit"), p.amount_unit.as_deref())?;
    d.set_item(intern!(py, "budget"), budget_dict(py, &budget_of(p))?)?;
    let plan = PyDict::new(py);
    for pt in &p.spending_plan.points {
        plan.set_item(format!("{:02}", pt.month), norm(pt.percent))?;
    }
    d.set_item(intern!(py, "spending_plan"), plan)?;
    d.set_item(intern!(py, "goals"), PyList::new(py, &p.goals)?)?;
    let inds = PyList::empty(py);
    for ind in &p.indicators {
        inds.append(indicator_dict(py, ind)?)?;
    }
    d.set_item(intern!(py, "indicators"), inds)?;
    d.set_item(intern!(py, "line"), p.line)?;
    Ok(d)
}

fn opt_repr(py: Python<'_>, s: Option<&str>) -> PyResult<String> {
    match s {
        Some(s) => Ok(PyString::new(py, s).repr()?.to_string()),
        None => Ok("None".to_string()),
    }
}

#[pymethods]
impl PyDocument {
    /// The path the document was read from (``None`` for text or bytes).
    #[getter]
    fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// The encoding the bytes were decoded from (``UTF-8``, ``GB18030`` …).
    #[getter]
    fn encoding(&self) -> &'static str {
        self.doc.source.encoding
    }

    /// ``tab-rows``, ``cell-per-line``, ``wrapped``, ``csv-rows``,
    /// ``space-aligned``, ``paragraph-cells``, ``grid-rows`` or ``spaced-rows``
    /// (see docs/DOCUMENTS.md).
    #[getter]
    fn layout(&self) -> &'static str {
        self.doc.source.layout.as_str()
    }

    /// The department (``兴隆县人力资源和社会保障局``), if the text names it.
    #[getter]
    fn department(&self) -> Option<&str> {
        self.doc.department.as_deref()
    }

    /// The budget year, if the text names it.
    #[getter]
    fn year(&self) -> Option<u16> {
        self.doc.year
    }

    /// The project tables, in document order.
    #[getter]
    fn projects<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = (0..self.doc.projects.len()).map(|idx| PyProject {
            doc: Arc::clone(&self.doc),
            idx,
        });
        tuple_of(py, items)
    }

    /// The department-wide indicators (部门整体支出绩效指标).
    #[getter]
    fn department_indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = (0..self.doc.department_indicators.len()).map(|idx| PyIndicator {
            doc: Arc::clone(&self.doc),
            owner: Owner::Department,
            idx,
        });
        tuple_of(py, items)
    }

    /// Every indicator: each project's, then the department-wide ones.
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for (owner, n) in owners(&self.doc) {
            for idx in 0..n {
                out.append(untracked(
                    py,
                    PyIndicator {
                        doc: Arc::clone(&self.doc),
                        owner,
                        idx,
                    },
                )?)?;
            }
        }
        Ok(out)
    }

    /// What the reader and the checks found.
    #[getter]
    fn diagnostics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        tuple_of(py, self.doc.diagnostics.iter().map(PyDiagnostic::from_core))
    }

    /// The SPEC §3 document as a dict; numbers are ``Decimal``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let doc = &self.doc;
        let d = PyDict::new(py);
        d.set_item(intern!(py, "schema"), perf_core::document::SCHEMA)?;
        let src = PyDict::new(py);
        src.set_item(intern!(py, "encoding"), doc.source.encoding)?;
        src.set_item(intern!(py, "layout"), doc.source.layout.as_str())?;
        d.set_item(intern!(py, "source"), src)?;
        d.set_item(intern!(py, "department"), doc.department.as_deref())?;
        d.set_item(intern!(py, "year"), doc.year)?;
        let projects = PyList::empty(py);
        for p in &doc.projects {
            projects.append(project_dict(py, p)?)?;
        }
        d.set_item(intern!(py, "projects"), projects)?;
        let dept = PyList::empty(py);
        for ind in &doc.department_indicators {
            dept.append(indicator_dict(py, ind)?)?;
        }
        d.set_item(intern!(py, "department_indicators"), dept)?;
        let diags = PyList::empty(py);
        for diag in &doc.diagnostics {
            diags.append(PyDiagnostic::from_core(diag).dict(py)?)?;
        }
        d.set_item(intern!(py, "diagnostics"), diags)?;
        Ok(d)
    }

    /// The SPEC §3 JSON (``"schema": "perf.v1"``), numbers as strings.
    #[pyo3(signature = (*, indent=None))]
    fn to_json(&self, py: Python<'_>, indent: Option<usize>) -> PyResult<String> {
        let doc = Arc::clone(&self.doc);
        py.detach(move || match indent {
            None => serde_json::to_string(&*doc),
            Some(n) => {
                let pad = vec![b' '; n];
                let fmt = serde_json::ser::PrettyFormatter::with_indent(&pad);
                let mut out = Vec::new();
                let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
                serde::Serialize::serialize(&*doc, &mut ser)
                    .map(|_| String::from_utf8(out).unwrap_or_default())
            }
        })
        .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    /// One pandas row per indicator (see :func:`jixiao.indicators_frame`).
    #[pyo3(signature = (*, numbers="decimal"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, numbers: &str) -> PyResult<Bound<'py, PyAny>> {
        frame_call(slf, "indicators_frame", numbers)
    }

    /// The indicator table as a pyarrow Table (see :func:`jixiao.indicators_arrow`).
    #[pyo3(signature = (*, numbers="decimal"))]
    fn to_arrow<'py>(slf: &Bound<'py, Self>, numbers: &str) -> PyResult<Bound<'py, PyAny>> {
        frame_call(slf, "indicators_arrow", numbers)
    }

    fn __len__(&self) -> usize {
        self.doc.projects.len()
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let n_ind: usize = owners(&self.doc).map(|(_, n)| n).sum();
        Ok(format!(
            "Document(path={}, department={}, year={}, projects={}, indicators={}, diagnostics={})",
            opt_repr(py, self.path.as_deref())?,
            opt_repr(py, self.doc.department.as_deref())?,
            self.doc.year.map_or("None".to_string(), |y| y.to_string()),
            self.doc.projects.len(),
            n_ind,
            self.doc.diagnostics.len()
        ))
    }
}

/// Calls `jixiao._frame.<func>(slf, numbers=numbers)`: the frame builders
/// of documents and value batches live in Python (pandas/pyarrow are
/// imported lazily there).
pub(crate) fn frame_call<'py, T>(
    slf: &Bound<'py, T>,
    func: &str,
    numbers: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let py = slf.py();
    let kwargs = PyDict::new(py);
    kwargs.set_item("numbers", numbers)?;
    py.import("jixiao._frame")?
        .getattr(func)?
        .call((slf.as_any(),), Some(&kwargs))
}

/// The indicator tables of a document and their sizes, in frame order:
/// the projects' tables, then the department-wide table (as perf-core's CSV).
pub(crate) fn owners(doc: &Document) -> impl Iterator<Item = (Owner, usize)> + '_ {
    doc.projects
        .iter()
        .enumerate()
        .map(|(i, p)| (Owner::Project(i), p.indicators.len()))
        .chain(std::iter::once((
            Owner::Department,
            doc.department_indicators.len(),
        )))
}

#[pymethods]
impl PyProject {
    /// 1-based position of the table in the document.
    #[getter]
    fn index(&self) -> u32 {
        self.p().index
    }
    /// 项目编码
    #[getter]
    fn code(&self) -> Option<&str> {
        self.p().code.as_deref()
    }
    /// 项目名称
    #[getter]
    fn name(&self) -> Option<&str> {
        self.p().name.as_deref()
    }
    /// The owning unit (``兴隆县人力资源和社会保障局本级``).
    #[getter]
    fn unit_name(&self) -> Option<&str> {
        self.p().unit_name.as_deref()
    }
    /// The amount unit of the table: ``元`` or ``万元``.
    #[getter]
    fn amount_unit(&self) -> Option<&str> {
        self.p().amount_unit.as_deref()
    }
    /// 预算数 / 财政资金 / 其他资金.
    #[getter]
    fn budget<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBudget>> {
        untracked(py, budget_of(self.p()))
    }
    /// 资金支出计划（%）: month (1–12) → cumulative percent spent.
    #[getter]
    fn spending_plan<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for pt in &self.p().spending_plan.points {
            d.set_item(pt.month, norm(pt.percent))?;
        }
        Ok(d)
    }
    /// 绩效目标, one per numbered goal.
    #[getter]
    fn goals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.p().goals)
    }
    /// The indicator rows of the table.
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        let items = (0..self.p().indicators.len()).map(|idx| PyIndicator {
            doc: Arc::clone(&self.doc),
            owner: Owner::Project(self.idx),
            idx,
        });
        tuple_of(py, items)
    }
    /// 1-based line where the table starts.
    #[getter]
    fn line(&self) -> u32 {
        self.p().line
    }
    /// The project as a dict, as in the JSON; numbers are ``Decimal``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        project_dict(py, self.p())
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let p = self.p();
        Ok(format!(
            "Project(index={}, code={}, name={}, indicators={}, line={})",
            p.index,
            opt_repr(py, p.code.as_deref())?,
            opt_repr(py, p.name.as_deref())?,
            p.indicators.len(),
            p.line
        ))
    }
}

impl PyProject {
    fn p(&self) -> &Project {
        &self.doc.projects[self.idx]
    }
}

impl PyIndicator {
    fn i(&self) -> &Indicator {
        indicator_of(&self.doc, self.owner, self.idx)
    }
}

#[pymethods]
impl PyIndicator {
    /// 一级指标
    #[getter]
    fn level1(&self) -> Option<&str> {
        self.i().level1.as_deref()
    }
    /// 二级指标
    #[getter]
    fn level2(&self) -> Option<&str> {
        self.i().level2.as_deref()
    }
    /// 三级指标
    #[getter]
    fn level3(&self) -> Option<&str> {
        self.i().level3.as_deref()
    }
    /// 绩效指标描述
    #[getter]
    fn description(&self) -> Option<&str> {
        self.i().description.as_deref()
    }
    /// 指标值, parsed.
    #[getter]
    fn value<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyValue>> {
        untracked(py, PyValue::new(self.i().value.clone()))
    }
    /// 指标值确定依据
    #[getter]
    fn basis(&self) -> Option<&str> {
        self.i().basis.as_deref()
    }
    /// 评（扣）分标准
    #[getter]
    fn scoring(&self) -> Option<&str> {
        self.i().scoring.as_deref()
    }
    /// 1-based line of the source where the row starts.
    #[getter]
    fn line(&self) -> u32 {
        self.i().line
    }
    /// The 1-based index of the project the row belongs to; ``None`` for a
    /// department-wide indicator.
    #[getter]
    fn project_index(&self) -> Option<u32> {
        match self.owner {
            Owner::Project(p) => Some(self.doc.projects[p].index),
            Owner::Department => None,
        }
    }
    /// The row as a dict, as in the JSON; numbers are ``Decimal``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        indicator_dict(py, self.i())
    }
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let i = self.i();
        Ok(format!(
            "Indicator(level1={}, level2={}, level3={}, value={}, line={})",
            opt_repr(py, i.level1.as_deref())?,
            opt_repr(py, i.level2.as_deref())?,
            opt_repr(py, i.level3.as_deref())?,
            PyString::new(py, &i.value.raw).repr()?,
            i.line
        ))
    }
}
