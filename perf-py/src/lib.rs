//! Python bindings for perf-core: the private native module `jixiao._native`.
//!
//! The public package is the pure-Python `jixiao` (perf-py/python/jixiao/),
//! which re-exports what is defined here and adds the pandas/pyarrow glue and
//! the command line. pyo3 stays out of perf-core (STYLE.md §8): this crate
//! only converts.
//!
//! The GIL is released around real work: parsing a batch of values
//! (`batch.rs`), reading
//! and parsing a document, serialising a document to JSON.

use perf_core::document::Document;
use perf_core::error::{Error, ErrorKind};
use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};

mod arrow;
mod assess;
mod batch;
mod document;
mod frame;
mod value;

/// Creates a Python object for `value` and takes it off the cycle
/// collector's lists.
///
/// Every `jixiao` class holds only Rust data (no references to Python
/// objects), so none can be part of a reference cycle. pyo3 makes every
/// class a GC type, and a batch of a million tracked objects makes CPython's
/// collector walk them again and again while the batch is built: untracked,
/// `parse_values` is about 6× faster (BENCHMARKS.md). Tuples of atoms are
/// untracked by CPython for the same reason.
pub(crate) fn untracked<T>(py: Python<'_>, value: T) -> PyResult<Bound<'_, T>>
where
    T: pyo3::PyClass + Into<pyo3::PyClassInitializer<T>>,
{
    let obj = Bound::new(py, value)?;
    // SAFETY: `obj` is a live object we own a reference to, the thread is
    // attached, and untracking an object that holds no Python references is
    // always sound (PyObject_GC_UnTrack is idempotent; tp_dealloc calls it again).
    unsafe { pyo3::ffi::PyObject_GC_UnTrack(obj.as_ptr().cast()) };
    Ok(obj)
}

use document::{PyBudget, PyDiagnostic, PyDocument, PyIndicator, PyProject};
use value::{PyDeadline, PyValue};

/// Parses one 指标值 cell into a :class:`Value`. Never fails: a cell no rule
/// places is a ``text`` value, with a note where it looks garbled.
#[pyfunction]
#[pyo3(signature = (cell, /))]
fn parse_value<'py>(py: Python<'py>, cell: &str) -> PyResult<Bound<'py, PyValue>> {
    untracked(py, PyValue::new(perf_core::Value::parse(cell).into_owned()))
}

/// What `parse_document` was given.
enum Source {
    Text(String),
    Bytes(Vec<u8>),
    Path(String),
}

/// Decodes (UTF-8, GB18030, UTF-16 with BOM) and parses document bytes.
fn parse_bytes(bytes: &[u8]) -> Result<Document, Error> {
    Document::parse_bytes(bytes)
}

fn error_kind(kind: &ErrorKind) -> (&'static str, &'static str) {
    match kind {
        ErrorKind::Empty => ("empty", "EmptyDocumentError"),
        ErrorKind::Undecodable => ("undecodable", "DecodeError"),
        ErrorKind::InvalidUtf8 => ("invalid-utf8", "DecodeError"),
        ErrorKind::NoTables => ("no-tables", "NoTablesError"),
        #[allow(unreachable_patterns)]
        _ => ("other", "ParseError"),
    }
}

/// Maps a perf-core error to the matching `jixiao` exception class.
fn to_py_err(py: Python<'_>, e: &Error, path: Option<&str>, hint: &str) -> PyErr {
    let (kind, class) = error_kind(&e.kind);
    let message = match path {
        Some(p) => format!("{p}: {e}{hint}"),
        None => format!("{e}{hint}"),
    };
    let make = || -> PyResult<PyErr> {
        let errors = py.import("jixiao._errors")?;
        let cls = errors.getattr(class)?;
        let kwargs = pyo3::types::PyDict::new(py);
        kwargs.set_item("line", e.line)?;
        kwargs.set_item("kind", kind)?;
        kwargs.set_item("offset", e.offset)?;
        kwargs.set_item("path", path)?;
        let exc = cls.call((message.as_str(),), Some(&kwargs))?;
        Ok(PyErr::from_value(exc))
    };
    make().unwrap_or_else(|err| err)
}

fn io_err(e: &std::io::Error, path: &str) -> PyErr {
    // OSError(errno, strerror, filename) picks the subclass (FileNotFoundError …).
    match e.raw_os_error() {
        Some(errno) => PyOSError::new_err((errno, e.to_string(), path.to_string())),
        None => PyOSError::new_err(format!("{path}: {e}")),
    }
}

/// Reads a document: ``str`` is the text itself, ``bytes`` are decoded
/// (UTF-8, GB18030, UTF-16 with BOM), an ``os.PathLike`` (``pathlib.Path``)
/// is a file to read. The GIL is released while reading and parsing.
#[pyfunction]
#[pyo3(signature = (source, /))]
fn parse_document(py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
    let src = if let Ok(s) = source.cast::<PyString>() {
        Source::Text(s.to_cow()?.into_owned())
    } else if let Ok(b) = source.cast::<PyBytes>() {
        Source::Bytes(b.as_bytes().to_vec())
    } else if let Ok(b) = source.cast::<PyByteArray>() {
        Source::Bytes(b.to_vec())
    } else {
        let os = py.import("os")?;
        let fspath = os.call_method1("fspath", (source,)).map_err(|_| {
            PyTypeError::new_err(format!(
                "parse_document() takes str (the text), bytes or os.PathLike, not {}",
                source
                    .get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_default()
            ))
        })?;
        let path = os.call_method1("fsdecode", (fspath,))?;
        Source::Path(path.extract()?)
    };
    match src {
        Source::Text(text) => {
            let result = py.detach(|| Document::parse(&text));
            result
                .map(|doc| PyDocument {
                    doc: doc.into(),
                    path: None,
                })
                .map_err(|e| {
                    // A one-line string naming a file is almost always a path
                    // passed as str: say how to read it.
                    let looks_like_path = !text.contains('\n')
                        && text.len() < 4096
                        && std::path::Path::new(&text).is_file();
                    let hint = if looks_like_path {
                        " (a str is read as the document text; to read a file pass pathlib.Path(...))"
                    } else {
                        ""
                    };
                    to_py_err(py, &e, None, hint)
                })
        }
        Source::Bytes(bytes) => py
            .detach(|| parse_bytes(&bytes))
            .map(|doc| PyDocument {
                doc: doc.into(),
                path: None,
            })
            .map_err(|e| to_py_err(py, &e, None, "")),
        Source::Path(path) => {
            let result = py.detach(|| std::fs::read(&path).map(|b| parse_bytes(&b)));
            match result {
                Err(e) => Err(io_err(&e, &path)),
                Ok(Err(e)) => Err(to_py_err(py, &e, Some(&path), "")),
                Ok(Ok(doc)) => Ok(PyDocument {
                    doc: doc.into(),
                    path: Some(path),
                }),
            }
        }
    }
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", perf_core::document::SCHEMA)?;
    m.add("COLUMNS", frame::COLUMNS.to_vec())?;
    m.add_class::<PyValue>()?;
    m.add_class::<batch::PyValueBatch>()?;
    m.add_class::<batch::ValueBatchIter>()?;
    m.add_class::<PyDeadline>()?;
    m.add_class::<PyDocument>()?;
    m.add_class::<PyProject>()?;
    m.add_class::<PyIndicator>()?;
    m.add_class::<PyBudget>()?;
    m.add_class::<PyDiagnostic>()?;
    m.add_class::<assess::PyAssessment>()?;
    m.add_function(wrap_pyfunction!(assess::assess, m)?)?;
    m.add_function(wrap_pyfunction!(assess::assess_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_value, m)?)?;
    m.add_function(wrap_pyfunction!(batch::parse_values, m)?)?;
    m.add_function(wrap_pyfunction!(parse_document, m)?)?;
    m.add_function(wrap_pyfunction!(frame::_indicator_columns, m)?)?;
    Ok(())
}
