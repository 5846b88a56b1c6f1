//! `jixiao.assess`: an actual result judged against its target (绩效自评).

use perf_core::assess::{assess as core_assess, Assessment, Verdict};
use perf_core::Value;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rust_decimal::Decimal;

use crate::value::{norm, PyValue};

/// The result of :func:`assess`.
///
/// ``verdict`` is ``"met"``, ``"partly_met"``, ``"not_met"`` or
/// ``"not_comparable"`` (then ``reason`` says why and ``score`` is ``None``).
/// ``ratio`` is the exact completion ratio, ``deviation`` actual − target in
/// the target's unit, ``score`` the score out of ``weight``.
///
/// >>> import jixiao
/// >>> a = jixiao.assess("≤36 元", "0.0041万元", weight=10)
/// >>> a.verdict, a.score, a.deviation
/// ('partly_met', Decimal('8.78'), Decimal('5'))
#[pyclass(name = "Assessment", module = "jixiao", frozen, eq)]
#[derive(Clone, PartialEq, Eq)]
pub struct PyAssessment(pub(crate) Assessment);

#[pymethods]
impl PyAssessment {
    #[getter]
    fn verdict(&self) -> &'static str {
        self.0.verdict.as_str()
    }
    /// Why the values could not be compared, or ``None``.
    #[getter]
    fn reason(&self) -> Option<String> {
        match &self.0.verdict {
            Verdict::NotComparable(r) => Some(r.to_string()),
            _ => None,
        }
    }
    #[getter]
    fn ratio(&self) -> Option<Decimal> {
        self.0.ratio.map(norm)
    }
    #[getter]
    fn deviation(&self) -> Option<Decimal> {
        self.0.deviation.map(norm)
    }
    #[getter]
    fn score(&self) -> Option<Decimal> {
        self.0.score.map(norm)
    }
    #[getter]
    fn weight(&self) -> Decimal {
        norm(self.0.weight)
    }
    /// The fields as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        d.set_item("verdict", self.verdict())?;
        d.set_item("reason", self.reason())?;
        d.set_item("ratio", self.ratio())?;
        d.set_item("deviation", self.deviation())?;
        d.set_item("score", self.score())?;
        d.set_item("weight", self.weight())?;
        Ok(d)
    }
    fn __repr__(&self) -> String {
        let opt =
            |d: Option<Decimal>| d.map_or("None".to_owned(), |d| format!("Decimal('{}')", norm(d)));
        format!(
            "Assessment(verdict={:?}, score={}, weight=Decimal('{}'), ratio={}, deviation={}{})",
            self.verdict(),
            opt(self.0.score),
            norm(self.0.weight),
            opt(self.0.ratio),
            opt(self.0.deviation),
            self.reason()
                .map_or(String::new(), |r| format!(", reason={r:?}")),
        )
    }
}

/// A target or actual given as a `Value` or as the text of a cell.
fn value_of(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Value<'static>> {
    if let Ok(v) = obj.cast::<PyValue>() {
        return Ok(v.get().v().clone().into_owned());
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::parse(&s.to_cow()?).into_owned());
    }
    if obj.is_none() {
        return Ok(Value::parse("").into_owned());
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be a jixiao.Value or a str, not {}",
        obj.get_type().name()?
    )))
}

/// Judges ``actual`` against ``target`` (each a :class:`Value` or the text
/// of a cell) and scores it out of ``weight`` with the default policy after
/// the Ministry of Finance's common rule (docs/ASSESS.md).
///
/// >>> import jixiao
/// >>> jixiao.assess("≥95%", "96.5 百分比", weight=10).verdict
/// 'met'
/// >>> jixiao.assess("≥100元", "100人").reason
/// 'dimensions differ: target currency, actual count'
#[pyfunction]
#[pyo3(signature = (target, actual, /, *, weight=Decimal::ONE_HUNDRED))]
pub(crate) fn assess(
    target: &Bound<'_, PyAny>,
    actual: &Bound<'_, PyAny>,
    weight: Decimal,
) -> PyResult<PyAssessment> {
    let t = value_of(target, "target")?;
    let a = value_of(actual, "actual")?;
    Ok(PyAssessment(core_assess(&t, &a, weight)))
}

/// The vectorised form of :func:`assess`: three equal-length iterables
/// (``weights`` may also be one number for all rows); returns a list of
/// :class:`Assessment`. Parsing and judging run with the GIL released.
///
/// >>> import jixiao
/// >>> [a.verdict for a in jixiao.assess_many(["≥95%", "≤11月"], ["90%", "2025年10月28日"])]
/// ['partly_met', 'met']
#[pyfunction]
#[pyo3(signature = (targets, actuals, /, weights=None))]
pub(crate) fn assess_many<'py>(
    py: Python<'py>,
    targets: &Bound<'py, PyAny>,
    actuals: &Bound<'py, PyAny>,
    weights: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let collect = |it: &Bound<'py, PyAny>, what: &str| -> PyResult<Vec<Value<'static>>> {
        it.try_iter()?.map(|o| value_of(&o?, what)).collect()
    };
    let t = collect(targets, "target")?;
    let a = collect(actuals, "actual")?;
    if t.len() != a.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "targets and actuals differ in length: {} and {}",
            t.len(),
            a.len()
        )));
    }
    let w: Vec<Decimal> = match weights {
        None => vec![Decimal::ONE_HUNDRED; t.len()],
        Some(w) => match w.extract::<Decimal>() {
            Ok(one) => vec![one; t.len()],
            Err(_) => w
                .try_iter()?
                .map(|o| o?.extract::<Decimal>())
                .collect::<PyResult<_>>()?,
        },
    };
    if w.len() != t.len() {
        return Err(pyo3::exceptions::PyValueError::new_err(format!(
            "weights has {} items for {} targets",
            w.len(),
            t.len()
        )));
    }
    let out: Vec<Assessment> = py.detach(|| {
        t.iter()
            .zip(&a)
            .zip(&w)
            .map(|((t, a), w)| core_assess(t, a, *w))
            .collect()
    });
    PyList::new(py, out.into_iter().map(PyAssessment))
}
