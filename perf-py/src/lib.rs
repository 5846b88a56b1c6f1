//! Python bindings for perf-core: the private native module `jixiao._native`.
//!
//! The public package is the pure-Python `jixiao` (perf-py/python/jixiao/),
//! which re-exports what is defined here and adds the pandas/pyarrow glue and
//! the command line. pyo3 stays out of perf-core (STYLE.md §8): this crate
//! only converts.
//!
//! The GIL is released around real work: parsing a batch of values, reading
//! and parsing a document, serialising a document to JSON.

use perf_core::document::Document;
use perf_core::error::{Error, ErrorKind};
use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};

mod assess;
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

/// Parses many cells at once, with the GIL released while parsing.
///
/// ``cells`` is any iterable of ``str``; ``None`` is read as an empty cell
/// (so a pandas column with missing cells can be passed as it is).
/// Identical cells close together in a batch may share one (immutable)
/// ``Value`` object. ``threads=N`` parses large batches on up to N threads
/// (``None``: one per CPU); the default, 1, parses on the calling thread
/// only (on the shared 2-core machine more threads measured no faster).
#[pyfunction]
#[pyo3(signature = (cells, /, *, threads=Some(1)), text_signature = "(cells, /, *, threads=1)")]
fn parse_values<'py>(
    py: Python<'py>,
    cells: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let threads = match threads {
        Some(0) => {
            return Err(pyo3::exceptions::PyValueError::new_err(
                "threads must be >= 1",
            ))
        }
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get().min(8)),
    };
    if cells.is_instance_of::<PyString>() || cells.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "parse_values() takes an iterable of cells, not one str: use parse_value()",
        ));
    }
    // Work in chunks, so the UTF-8 copies, the parsed values and the new
    // objects of one chunk stay in cache; the GIL is released while each
    // chunk is parsed.
    const CHUNK: usize = 8192;
    let mut out: Vec<Bound<'py, PyValue>> = Vec::with_capacity(cells.len().unwrap_or(0));
    let mut items = cells.try_iter()?.enumerate();
    let mut encoded: Vec<Option<Bound<'py, PyBytes>>> = Vec::with_capacity(CHUNK);
    loop {
        encoded.clear();
        for (i, item) in items.by_ref() {
            let item = item?;
            if let Ok(s) = item.cast::<PyString>() {
                encoded.push(Some(s.encode_utf8()?));
            } else if item.is_none() {
                // `None` (a missing cell in a pandas column) is an empty cell.
                encoded.push(None);
            } else {
                return Err(PyTypeError::new_err(format!(
                    "parse_values: item {i} is {}, not str",
                    item.get_type().name()?
                )));
            }
            if encoded.len() == CHUNK {
                break;
            }
        }
        if encoded.is_empty() {
            break;
        }
        let texts: Vec<&[u8]> = encoded
            .iter()
            .map(|b| b.as_ref().map_or(&b""[..], |b| b.as_bytes()))
            .collect();
        let (slots, values) = py.detach(|| parse_batch(&texts, threads));
        let objects = values
            .into_iter()
            .map(|v| untracked(py, v))
            .collect::<PyResult<Vec<_>>>()?;
        out.extend(slots.iter().map(|&k| objects[k].clone()));
    }
    PyList::new(py, out)
}

/// Parses `texts`; returns, for each cell, the index of its value in the
/// returned values.
///
/// Real columns of 指标值 repeat a few cells very often (`100%`, `≥95%`,
/// `满意`), so a small direct-mapped cache of recent cells (it stays in L1/L2;
/// a full hash map of a large batch does not and costs more than it saves on
/// distinct cells) lets repeats share one parsed value and one object.
fn parse_batch(texts: &[&[u8]], threads: usize) -> (Vec<usize>, Vec<PyValue>) {
    const BITS: u32 = 10;
    let mut cache: Vec<Option<(&[u8], usize)>> = vec![None; 1 << BITS];
    let mut slots = Vec::with_capacity(texts.len());
    let mut distinct: Vec<&[u8]> = Vec::with_capacity(texts.len());
    for &t in texts {
        let slot = &mut cache[(fx_hash(t) >> (64 - BITS)) as usize];
        match *slot {
            Some((key, k)) if key == t => slots.push(k),
            _ => {
                distinct.push(t);
                let k = distinct.len() - 1;
                *slot = Some((t, k));
                slots.push(k);
            }
        }
    }
    (slots, parse_all(&distinct, threads))
}

/// Parses every cell, on up to `threads` scoped threads for large inputs.
fn parse_all(cells: &[&[u8]], threads: usize) -> Vec<PyValue> {
    fn run(part: &[&[u8]]) -> Vec<PyValue> {
        part.iter()
            .map(|t| {
                // SAFETY: every cell is either b"" or the output of Python's
                // strict UTF-8 encoder (`str.encode("utf-8")`, which raises on
                // lone surrogates), so it is valid UTF-8. Checking it again
                // cost ~5% of a batch.
                let cell = unsafe { std::str::from_utf8_unchecked(t) };
                PyValue::parse_owned(cell.to_owned())
            })
            .collect()
    }
    // Below this many cells per thread, starting a thread costs more than it saves.
    const MIN_PER_THREAD: usize = 1024;
    let n = threads.min(cells.len() / MIN_PER_THREAD).max(1);
    if n == 1 {
        return run(cells);
    }
    let per = cells.len().div_ceil(n);
    std::thread::scope(|s| {
        let rest: Vec<_> = cells[per..]
            .chunks(per)
            .map(|part| s.spawn(move || run(part)))
            .collect();
        let mut out = run(&cells[..per]);
        for h in rest {
            match h.join() {
                Ok(part) => out.extend(part),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// The Fx hash (rustc's): fast and good enough to index a small cache.
fn fx_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    for &b in chunks.remainder() {
        h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
    }
    (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(K)
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
    m.add_function(wrap_pyfunction!(parse_values, m)?)?;
    m.add_function(wrap_pyfunction!(parse_document, m)?)?;
    m.add_function(wrap_pyfunction!(frame::_indicator_columns, m)?)?;
    Ok(())
}
