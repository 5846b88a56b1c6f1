//! Column data for `indicators_frame`: one row per indicator, built in Rust
//! as Python lists so pandas / pyarrow get whole columns at once.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use rust_decimal::Decimal;

use crate::document::{indicator_of, owners, Owner, PyDocument};
use crate::value::norm;

/// The columns of the indicator table, in order. They are the columns of the
/// CSV that perf-core writes, so a frame and a CSV line up.
pub const COLUMNS: [&str; 17] = [
    "file",
    "project",
    "code",
    "name",
    "level1",
    "level2",
    "level3",
    "description",
    "raw",
    "kind",
    "cmp",
    "number",
    "unit",
    "base_number",
    "base_unit",
    "basis",
    "line",
];

fn num(py: Python<'_>, d: Option<Decimal>, float: bool) -> PyResult<Py<PyAny>> {
    Ok(match d {
        None => py.None(),
        Some(d) if float => f64::try_from(d)
            .unwrap_or(f64::NAN)
            .into_pyobject(py)?
            .into_any()
            .unbind(),
        Some(d) => norm(d).into_pyobject(py)?.into_any().unbind(),
    })
}

/// `{column: list}` for every indicator of `docs`; `float` gives numbers as
/// `float` instead of `Decimal`.
#[pyfunction]
#[pyo3(signature = (docs, /, *, float=false))]
pub fn _indicator_columns<'py>(
    py: Python<'py>,
    docs: Vec<Bound<'py, PyDocument>>,
    float: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let cols: Vec<Bound<'py, PyList>> = COLUMNS.iter().map(|_| PyList::empty(py)).collect();
    for d in &docs {
        let pd = d.get();
        let doc = &pd.doc;
        let file = pd.path.as_deref();
        for (owner, n) in owners(doc) {
            let project = match owner {
                Owner::Project(p) => Some(&doc.projects[p]),
                Owner::Department => None,
            };
            for idx in 0..n {
                let ind = indicator_of(doc, owner, idx);
                let v = &ind.value;
                let unit = v.unit();
                cols[0].append(file)?;
                cols[1].append(project.map(|p| p.index))?;
                cols[2].append(project.and_then(|p| p.code.as_deref()))?;
                cols[3].append(project.and_then(|p| p.name.as_deref()))?;
                cols[4].append(ind.level1.as_deref())?;
                cols[5].append(ind.level2.as_deref())?;
                cols[6].append(ind.level3.as_deref())?;
                cols[7].append(ind.description.as_deref())?;
                cols[8].append(&*v.raw)?;
                cols[9].append(v.kind().as_str())?;
                cols[10].append(v.cmp().map(|c| c.as_str()))?;
                cols[11].append(num(py, v.number(), float)?)?;
                cols[12].append(unit.map(|u| u.as_str()))?;
                cols[13].append(num(py, v.base_number(), float)?)?;
                cols[14].append(unit.map(|u| u.base()))?;
                cols[15].append(ind.basis.as_deref())?;
                cols[16].append(ind.line)?;
            }
        }
    }
    let out = PyDict::new(py);
    for (name, col) in COLUMNS.iter().zip(cols) {
        out.set_item(*name, col)?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    #[test]
    fn columns_are_the_csv_header() {
        let header: Vec<&str> = perf_core::document::csv::HEADER.split(',').collect();
        assert_eq!(header, super::COLUMNS);
    }
}
