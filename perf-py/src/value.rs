//! `jixiao.Value` and `jixiao.Deadline`: frozen views of a parsed 指标值 cell.
//!
//! A `Value` holds the Rust [`perf_core::Value`] and builds Python objects
//! (`decimal.Decimal` above all) only when an attribute is read, so a batch
//! of a million values costs a million small objects and no Decimals.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use perf_core::value::{Body, Deadline as CoreDeadline, Value};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use rust_decimal::Decimal;

use crate::batch::Store;

/// A parsed indicator value (指标值), as in SPEC §3.
///
/// Every attribute of the JSON interchange is an attribute here; those that
/// do not apply to the value's ``kind`` are ``None``. Numbers are exact
/// ``decimal.Decimal`` with trailing zeros removed.
///
/// >>> import jixiao
/// >>> v = jixiao.parse_value("≥95 百分比")
/// >>> v.raw, v.kind
/// ('≥95 百分比', 'quantity')
#[pyclass(name = "Value", module = "jixiao", frozen, eq, hash)]
#[derive(Clone)]
pub struct PyValue(Held);

/// Where a `Value`'s Rust value lives.
#[derive(Clone)]
enum Held {
    /// Its own (from `parse_value`, a document, unpickling).
    Owned(Value<'static>),
    /// In a batch: an item of a `ValueBatch` is a view, so reading one costs
    /// no copy of its text.
    Batch(Arc<Store>, u32),
}

impl PartialEq for PyValue {
    fn eq(&self, other: &Self) -> bool {
        self.v() == other.v()
    }
}

impl Eq for PyValue {}

impl Hash for PyValue {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.v().hash(state);
    }
}

/// A normalised exact decimal: `95.00` → `95`, as in the JSON.
pub(crate) fn norm(d: Decimal) -> Decimal {
    d.normalize()
}

impl PyValue {
    pub(crate) fn new(v: Value<'static>) -> Self {
        PyValue(Held::Owned(v))
    }

    /// The `k`-th distinct value of a batch's store.
    pub(crate) fn in_batch(store: Arc<Store>, k: u32) -> Self {
        PyValue(Held::Batch(store, k))
    }

    /// The parsed value.
    pub(crate) fn v(&self) -> &Value<'_> {
        match &self.0 {
            Held::Owned(v) => v,
            Held::Batch(store, k) => store.get(*k),
        }
    }

    fn range(&self) -> Option<&perf_core::value::Range<'_>> {
        match &self.v().body {
            Body::Range(r) => Some(r),
            _ => None,
        }
    }

    /// The SPEC §3 fields as a Python dict, numbers as `Decimal`.
    pub(crate) fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let v = self.v();
        let d = PyDict::new(py);
        d.set_item(intern!(py, "raw"), &*v.raw)?;
        d.set_item(intern!(py, "kind"), v.kind().as_str())?;
        match &v.body {
            Body::Quantity(q) => {
                d.set_item(intern!(py, "cmp"), q.cmp.as_str())?;
                d.set_item(intern!(py, "cmp_written"), q.cmp_written)?;
                d.set_item(intern!(py, "cmp_code"), v.cmp_code())?;
                d.set_item(intern!(py, "number"), q.number.map(norm))?;
                d.set_item(intern!(py, "unit"), q.unit.as_str())?;
                d.set_item(intern!(py, "dimension"), q.unit.dimension().as_str())?;
                d.set_item(intern!(py, "base_number"), v.base_number().map(norm))?;
                d.set_item(intern!(py, "base_unit"), q.unit.base())?;
                d.set_item(intern!(py, "qualifier"), v.qualifier())?;
            }
            Body::Range(r) => {
                let base = v.base_range();
                d.set_item(intern!(py, "cmp"), "=")?;
                d.set_item(intern!(py, "cmp_written"), false)?;
                d.set_item(intern!(py, "cmp_code"), v.cmp_code())?;
                d.set_item(intern!(py, "low"), norm(r.low))?;
                d.set_item(intern!(py, "high"), norm(r.high))?;
                d.set_item(intern!(py, "unit"), r.unit.as_str())?;
                d.set_item(intern!(py, "dimension"), r.unit.dimension().as_str())?;
                d.set_item(intern!(py, "base_low"), base.map(|b| norm(b.0)))?;
                d.set_item(intern!(py, "base_high"), base.map(|b| norm(b.1)))?;
                d.set_item(intern!(py, "base_unit"), r.unit.base())?;
                d.set_item(intern!(py, "qualifier"), v.qualifier())?;
            }
            Body::Time(t) => {
                d.set_item(intern!(py, "cmp"), t.cmp.as_str())?;
                d.set_item(intern!(py, "cmp_written"), t.cmp_written)?;
                d.set_item(intern!(py, "cmp_code"), v.cmp_code())?;
                d.set_item(intern!(py, "deadline"), PyDeadline(t.deadline).dict(py)?)?;
                d.set_item(intern!(py, "qualifier"), v.qualifier())?;
            }
            Body::Qualitative(t) => {
                d.set_item(intern!(py, "cmp_code"), v.cmp_code())?;
                d.set_item(intern!(py, "term"), t.term)?;
                if let Some(g) = t.grade {
                    d.set_item(intern!(py, "grade"), g.as_str())?;
                }
            }
            Body::Text | Body::Empty => {
                d.set_item(intern!(py, "cmp_code"), v.cmp_code())?;
            }
        }
        d.set_item(intern!(py, "notes"), self.notes_list())?;
        Ok(d)
    }

    fn notes_list(&self) -> Vec<&'static str> {
        self.v().notes.iter().map(|n| n.as_str()).collect()
    }
}

#[pymethods]
impl PyValue {
    /// Parses ``raw`` (same as :func:`jixiao.parse_value`).
    #[new]
    fn py_new(raw: &str) -> Self {
        PyValue::new(Value::parse(raw).into_owned())
    }

    /// The cell as given (split 符号 | 值 | 单位 cells joined with spaces).
    #[getter]
    fn raw(&self) -> &str {
        &self.v().raw
    }

    /// ``quantity``, ``range``, ``time``, ``qualitative``, ``text`` or ``empty``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.v().kind().as_str()
    }

    /// ``>=``, ``>``, ``=``, ``<``, ``<=`` or ``~`` for quantity, range and time values.
    #[getter]
    fn cmp(&self) -> Option<&'static str> {
        self.v().cmp().map(|c| c.as_str())
    }

    /// Whether the comparator was written in the cell (``False`` for a bare ``95%``).
    #[getter]
    fn cmp_written(&self) -> bool {
        self.v().cmp_written()
    }

    /// The 计算符号 code: 1 ≥, 2 ＞, 3 ＝, 4 ＜, 5 ≤, 6 定性; ``None`` for ``~`` and empty.
    #[getter]
    fn cmp_code(&self) -> Option<u8> {
        self.v().cmp_code()
    }

    /// The number of a quantity as written, or ``None``.
    #[getter]
    fn number(&self) -> Option<Decimal> {
        self.v().number().map(norm)
    }

    /// The number in base units (``4.35 万`` → ``Decimal('43500')``).
    #[getter]
    fn base_number(&self) -> Option<Decimal> {
        self.v().base_number().map(norm)
    }

    /// The low bound of a range.
    #[getter]
    fn low(&self) -> Option<Decimal> {
        self.range().map(|r| norm(r.low))
    }

    /// The high bound of a range.
    #[getter]
    fn high(&self) -> Option<Decimal> {
        self.range().map(|r| norm(r.high))
    }

    /// The low bound of a range in base units.
    #[getter]
    fn base_low(&self) -> Option<Decimal> {
        self.v().base_range().map(|b| norm(b.0))
    }

    /// The high bound of a range in base units.
    #[getter]
    fn base_high(&self) -> Option<Decimal> {
        self.v().base_range().map(|b| norm(b.1))
    }

    /// The normalised unit, scale word included (``万元/户``); ``""`` for a bare number.
    #[getter]
    fn unit(&self) -> Option<&str> {
        self.v().unit().map(|u| u.as_str())
    }

    /// The unit without its scale word (``元/户``).
    #[getter]
    fn base_unit(&self) -> Option<&str> {
        self.v().unit().map(|u| u.base())
    }

    /// What the unit measures: ``currency``, ``count``, ``percent``, ``duration`` …
    #[getter]
    fn dimension(&self) -> Option<&'static str> {
        self.v().unit().map(|u| u.dimension().as_str())
    }

    /// The deadline of a time value.
    #[getter]
    fn deadline<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyDeadline>>> {
        self.v()
            .deadline()
            .map(|d| crate::untracked(py, PyDeadline(*d)))
            .transpose()
    }

    /// The normalised lexicon term of a qualitative value.
    #[getter]
    fn term(&self) -> Option<&'static str> {
        self.v().term().map(|t| t.term)
    }

    /// ``positive``, ``middling`` or ``negative`` where the term rates.
    #[getter]
    fn grade(&self) -> Option<&'static str> {
        self.v().term().and_then(|t| t.grade).map(|g| g.as_str())
    }

    /// Words after the number or date (``98%满意`` → ``满意``).
    #[getter]
    fn qualifier(&self) -> Option<&str> {
        self.v().qualifier()
    }

    /// Notes on a value that is not what it seems (``garbled cell`` …).
    #[getter]
    fn notes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, self.notes_list())
    }

    /// The SPEC §3 fields as a dict; numbers are ``Decimal``.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    /// The SPEC §3 JSON, numbers as strings.
    fn to_json(&self) -> PyResult<String> {
        serde_json::to_string(self.v())
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let raw = PyString::new(py, &self.v().raw).repr()?;
        let mut s = format!("Value({raw}, kind='{}'", self.v().kind().as_str());
        if let Some(c) = self.v().cmp() {
            s.push_str(&format!(", cmp='{}'", c.as_str()));
        }
        match &self.v().body {
            Body::Quantity(q) => {
                match q.number {
                    Some(n) => s.push_str(&format!(", number=Decimal('{}')", norm(n))),
                    None => s.push_str(", number=None"),
                }
                s.push_str(&format!(", unit='{}'", q.unit.as_str()));
            }
            Body::Range(r) => {
                s.push_str(&format!(
                    ", low=Decimal('{}'), high=Decimal('{}'), unit='{}'",
                    norm(r.low),
                    norm(r.high),
                    r.unit.as_str()
                ));
            }
            Body::Time(t) => s.push_str(&format!(", deadline={}", PyDeadline(t.deadline).repr())),
            Body::Qualitative(t) => s.push_str(&format!(", term='{}'", t.term)),
            Body::Text | Body::Empty => {}
        }
        if let Some(q) = self.v().qualifier() {
            s.push_str(&format!(", qualifier={}", PyString::new(py, q).repr()?));
        }
        if !self.v().notes.is_empty() {
            s.push_str(&format!(", notes={:?}", self.notes_list()));
        }
        s.push(')');
        Ok(s)
    }

    fn __str__(&self) -> &str {
        &self.v().raw
    }

    /// Pickles as the cell text: unpickling parses it again.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let cls = slf.get_type().into_any();
        Ok((cls, (slf.get().v().raw.to_string(),)))
    }
}

/// When a time value must be met: ``≤11月``, ``每月20日前``, ``2025年12月底``.
///
/// >>> import jixiao
/// >>> d = jixiao.Deadline(month=12, end_of_month=True)
/// >>> d.month, d.end_of_month, d.recurrence
/// (12, True, None)
#[pyclass(name = "Deadline", module = "jixiao", frozen, eq, hash)]
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyDeadline(pub(crate) CoreDeadline);

impl PyDeadline {
    fn dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item(intern!(py, "year"), self.0.year)?;
        d.set_item(intern!(py, "month"), self.0.month)?;
        d.set_item(intern!(py, "day"), self.0.day)?;
        d.set_item(intern!(py, "end_of_month"), self.0.end_of_month)?;
        d.set_item(
            intern!(py, "recurrence"),
            self.0.recurrence.map(|r| r.as_str()),
        )?;
        Ok(d)
    }

    fn repr(&self) -> String {
        let mut parts = Vec::new();
        if let Some(y) = self.0.year {
            parts.push(format!("year={y}"));
        }
        if let Some(m) = self.0.month {
            parts.push(format!("month={m}"));
        }
        if let Some(d) = self.0.day {
            parts.push(format!("day={d}"));
        }
        if self.0.end_of_month {
            parts.push("end_of_month=True".to_string());
        }
        if let Some(r) = self.0.recurrence {
            parts.push(format!("recurrence='{}'", r.as_str()));
        }
        format!("Deadline({})", parts.join(", "))
    }
}

#[pymethods]
impl PyDeadline {
    #[new]
    #[pyo3(signature = (*, year=None, month=None, day=None, end_of_month=false, recurrence=None))]
    fn py_new(
        year: Option<u16>,
        month: Option<u8>,
        day: Option<u8>,
        end_of_month: bool,
        recurrence: Option<&str>,
    ) -> PyResult<Self> {
        use perf_core::value::Recurrence;
        let recurrence = match recurrence {
            None => None,
            Some("monthly") => Some(Recurrence::Monthly),
            Some("quarterly") => Some(Recurrence::Quarterly),
            Some("yearly") => Some(Recurrence::Yearly),
            Some(other) => {
                return Err(pyo3::exceptions::PyValueError::new_err(format!(
                    "recurrence must be 'monthly', 'quarterly', 'yearly' or None, not {other:?}"
                )))
            }
        };
        if matches!(month, Some(m) if !(1..=12).contains(&m)) {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "month must be 1..12",
            ));
        }
        if matches!(day, Some(d) if !(1..=31).contains(&d)) {
            return Err(pyo3::exceptions::PyValueError::new_err("day must be 1..31"));
        }
        Ok(PyDeadline(CoreDeadline {
            year,
            month,
            day,
            end_of_month,
            recurrence,
        }))
    }

    #[getter]
    fn year(&self) -> Option<u16> {
        self.0.year
    }
    #[getter]
    fn month(&self) -> Option<u8> {
        self.0.month
    }
    #[getter]
    fn day(&self) -> Option<u8> {
        self.0.day
    }
    /// ``月底`` / ``年底``: the last day of ``month``.
    #[getter]
    fn end_of_month(&self) -> bool {
        self.0.end_of_month
    }
    /// ``monthly``, ``quarterly``, ``yearly`` or ``None``.
    #[getter]
    fn recurrence(&self) -> Option<&'static str> {
        self.0.recurrence.map(|r| r.as_str())
    }

    /// The fields as a dict, as in the JSON.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.dict(py)
    }

    fn __repr__(&self) -> String {
        self.repr()
    }
}
