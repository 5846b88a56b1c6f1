//! `jixiao.parse_values` and `jixiao.ValueBatch`: many cells parsed at once,
//! kept in Rust.
//!
//! A batch holds the UTF-8 text of its distinct cells in one buffer, the
//! parsed [`Value`]s of those cells (borrowing the buffer: no allocation per
//! value on the common path) and, per cell, the index of its value. Python
//! objects are made only when they are asked for: a `Value` when an item is
//! read, whole columns (`column`, `to_dict`, `to_arrow`) with one object per
//! distinct value shared by the cells that repeat it.

use std::collections::HashMap;
use std::sync::Arc;

use perf_core::value::{Body, Value};
use pyo3::exceptions::{PyIndexError, PyKeyError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PySlice, PyString, PyTuple};
use pyo3::IntoPyObjectExt;
use rust_decimal::Decimal;

use crate::untracked;
use crate::value::{norm, PyDeadline, PyValue};

/// The columns of [`PyValueBatch::to_dict`], in order: the attributes of
/// `Value`, with the deadline spread over five flat columns.
pub const VALUE_COLUMNS: [&str; 23] = [
    "raw",
    "kind",
    "cmp",
    "cmp_written",
    "cmp_code",
    "number",
    "unit",
    "dimension",
    "base_number",
    "base_unit",
    "low",
    "high",
    "base_low",
    "base_high",
    "deadline_year",
    "deadline_month",
    "deadline_day",
    "deadline_end_of_month",
    "deadline_recurrence",
    "term",
    "grade",
    "qualifier",
    "notes",
];

/// The owned UTF-8 text of a batch's distinct cells. A raw pointer rather
/// than a `Box`, because the values of the [`Store`] borrow it: moving a
/// `Box` asserts unique access, moving a pointer does not.
struct Text(*mut [u8]);

// SAFETY: `Text` owns its bytes and never changes them after construction.
unsafe impl Send for Text {}
// SAFETY: as above: shared access is read-only.
unsafe impl Sync for Text {}

impl Drop for Text {
    fn drop(&mut self) {
        // SAFETY: made by `Box::into_raw` in `Store::parse`, dropped once.
        drop(unsafe { Box::from_raw(self.0) });
    }
}

/// The parsed distinct cells of a batch.
pub(crate) struct Store {
    /// One value per distinct cell. The `'static` is a lie told to the type
    /// system: the values borrow `text`. They are only handed out through
    /// [`Store::get`], which ties them to `&self`, and they are declared
    /// before `text` so they are dropped first.
    values: Vec<Value<'static>>,
    _text: Text,
}

impl Store {
    /// Parses the cells `bounds` of `text` (byte ranges of valid UTF-8), on
    /// up to `threads` threads, with no Python object touched.
    fn parse(text: Vec<u8>, bounds: &[(usize, usize)], threads: usize) -> Store {
        let text: *mut [u8] = Box::into_raw(text.into_boxed_slice());
        // SAFETY: `text` is a live allocation owned by the `Text` below,
        // never written to again nor freed before the values (see `Store`).
        let bytes: &'static [u8] = unsafe { &*text };
        let cells: Vec<&'static str> = bounds
            .iter()
            // SAFETY: every range holds the UTF-8 encoding of whole code
            // points, copied from a `str`'s UTF-8 form by `Extract::intern` (or is empty).
            .map(|&(s, e)| unsafe { std::str::from_utf8_unchecked(&bytes[s..e]) })
            .collect();
        Store {
            values: parse_all(&cells, threads),
            _text: Text(text),
        }
    }

    pub(crate) fn get(&self, k: u32) -> &Value<'_> {
        &self.values[k as usize]
    }

    fn len(&self) -> usize {
        self.values.len()
    }
}

/// Parses every cell, on up to `threads` scoped threads for large inputs.
fn parse_all(cells: &[&'static str], threads: usize) -> Vec<Value<'static>> {
    fn run(part: &[&'static str]) -> Vec<Value<'static>> {
        part.iter().map(|c| Value::parse(c)).collect()
    }
    // Below this many cells per thread, starting a thread costs more than it saves.
    const MIN_PER_THREAD: usize = 2048;
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
        out.reserve(cells.len() - per);
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
#[inline]
fn fx_hash(bytes: &[u8]) -> u64 {
    const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    let mut h: u64 = 0;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
    }
    // the last 1–7 bytes as one word: the last eight bytes of a longer
    // text (one load), or the bytes one by one
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let w = match bytes.len().checked_sub(8).and_then(|i| bytes.get(i..)) {
            Some(last) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(last);
                u64::from_le_bytes(w)
            }
            None => rest
                .iter()
                .rev()
                .fold(0u64, |w, &b| (w << 8) | u64::from(b)),
        };
        h = (h.rotate_left(5) ^ w).wrapping_mul(K);
    }
    (h.rotate_left(5) ^ bytes.len() as u64).wrapping_mul(K)
}

/// `a == b`, by eight-byte words: cells are short (11 bytes on average in
/// the corpus), and a `memcmp` call cost more than the comparison.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let word = |x: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(x);
        u64::from_le_bytes(w)
    };
    let n = a.len();
    if n < 8 {
        let small = |x: &[u8]| x.iter().fold(0u64, |w, &c| (w << 8) | u64::from(c));
        return small(a) == small(b);
    }
    // whole words, then the last eight bytes (overlapping the last word)
    let whole = a
        .chunks_exact(8)
        .zip(b.chunks_exact(8))
        .all(|(x, y)| word(x) == word(y));
    whole && word(&a[n - 8..]) == word(&b[n - 8..])
}

/// `decimal.Decimal`, looked up once.
fn decimal_class(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    static DECIMAL: pyo3::sync::PyOnceLock<Py<PyAny>> = pyo3::sync::PyOnceLock::new();
    DECIMAL
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(py.import("decimal")?.getattr("Decimal")?.unbind())
        })
        .map(|d| d.bind(py))
}

/// A `BuildHasher` for the small maps of column building: Fx, as in rustc
/// (std's SipHash cost more than making the object it saved).
#[derive(Default, Clone, Copy)]
struct Fx;

#[derive(Default)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = fx_hash(bytes) ^ self.0.rotate_left(5);
    }
    fn write_u8(&mut self, i: u8) {
        self.write_u64(u64::from(i));
    }
    fn write_u32(&mut self, i: u32) {
        self.write_u64(u64::from(i));
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

impl std::hash::BuildHasher for Fx {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher::default()
    }
}

#[cfg(unix)]
extern "C" {
    /// `PyUnicode_AsUTF8AndSize`: a borrowed view of a `str`'s UTF-8 form
    /// (CPython keeps it in the object: ASCII strings are their own UTF-8, others
    /// are encoded once and the result cached). Part of the limited API from 3.10
    /// on and exported by every CPython 3 (so pyo3's `abi3-py39` declarations
    /// leave it out, and it is declared here). On Windows an abi3 module links
    /// against `python3.dll`, which exports it only from 3.10 on: there the
    /// code points are copied out instead (the other `Extract::push_str`).
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut ffi::PyObject,
        size: *mut ffi::Py_ssize_t,
    ) -> *const std::os::raw::c_char;
}

/// Reads cells out of Python objects: each distinct cell's UTF-8 text is
/// copied once into one buffer, and every cell records the index of its
/// distinct cell, so a batch parses each distinct cell once.
struct Extract {
    text: Vec<u8>,
    /// Byte range of each distinct cell in `text`.
    bounds: Vec<(usize, usize)>,
    /// Per cell, the index of its distinct cell.
    idx: Vec<u32>,
    /// Open-addressing table of the distinct cells (linear probing, at most
    /// half full): (low 32 bits of the cell's hash) << 32 | (index + 1);
    /// 0 is an empty slot. Every repeat of a cell, near or far, is found.
    table: Vec<u64>,
    /// log2 of the number of slots.
    bits: u32,
    /// Code points of the cell being read (the copy path, see `push_ucs4`).
    #[cfg(not(unix))]
    ucs4: Vec<u32>,
    /// The UTF-8 encoding of the cell being read (the copy path).
    #[cfg(not(unix))]
    utf8: Vec<u8>,
}

/// Slots for a batch of about `n` cells (0 when unknown): at least twice
/// `n` up to 2^TABLE_BITS (the table grows when distinct cells fill half of
/// it), and at least 2^6.
fn table_bits(n: usize) -> u32 {
    if n == 0 {
        return 6;
    }
    (usize::BITS - n.leading_zeros() + 1).clamp(6, TABLE_BITS)
}

/// The initial table is at most 2^12 slots (32 KiB): a long column of few
/// distinct cells (the usual case) never needs more, and a column of many
/// grows it as it goes.
const TABLE_BITS: u32 = 12;

impl Extract {
    fn new(n: usize) -> Self {
        Extract {
            text: Vec::with_capacity(n * 16),
            bounds: Vec::with_capacity(n),
            idx: Vec::with_capacity(n),
            table: vec![0; 1 << table_bits(n)],
            bits: table_bits(n),
            #[cfg(not(unix))]
            ucs4: Vec::new(),
            #[cfg(not(unix))]
            utf8: Vec::new(),
        }
    }

    /// Records one cell: the index of an equal cell seen before, or a new
    /// distinct cell (its text copied). `cell` is the UTF-8 form of a `str`.
    #[inline]
    fn intern(&mut self, cell: &[u8]) -> PyResult<()> {
        self.intern_as::<false>(cell)
    }

    /// [`intern`](Self::intern) for bytes that may not be UTF-8 (an Arrow
    /// buffer's): a new distinct cell is checked (a repeat equals one
    /// checked before); invalid UTF-8 is a `ValueError`.
    #[inline]
    fn intern_checked(&mut self, cell: &[u8]) -> PyResult<()> {
        self.intern_as::<true>(cell)
    }

    #[inline]
    fn intern_as<const CHECK: bool>(&mut self, cell: &[u8]) -> PyResult<()> {
        let h = fx_hash(cell);
        let tag = h & 0xffff_ffff;
        let mask = self.table.len() - 1;
        let mut slot = (h >> (64 - self.bits)) as usize & mask;
        let text = self.text.as_slice();
        loop {
            // `slot` <= `mask` < the table's length (a power of two)
            let entry = self.table.get(slot).copied().unwrap_or(0);
            if entry == 0 {
                break;
            }
            if entry >> 32 == tag {
                let k = (entry & 0xffff_ffff) as usize - 1;
                let same = self
                    .bounds
                    .get(k)
                    .and_then(|&(s, e)| text.get(s..e))
                    .is_some_and(|t| same_bytes(t, cell));
                if same {
                    self.idx.push(k as u32);
                    return Ok(());
                }
            }
            slot = (slot + 1) & mask;
        }
        if CHECK {
            if let Err(e) = std::str::from_utf8(cell) {
                return Err(PyValueError::new_err(format!(
                    "parse_values: cell {} of the Arrow string array is not UTF-8 ({e})",
                    self.idx.len()
                )));
            }
        }
        let k = self.bounds.len();
        if k >= u32::MAX as usize - 1 {
            return Err(pyo3::exceptions::PyOverflowError::new_err(
                "parse_values: too many distinct cells in one batch (2**32 - 2 at most)",
            ));
        }
        let start = self.text.len();
        self.text.extend_from_slice(cell);
        self.bounds.push((start, self.text.len()));
        self.idx.push(k as u32);
        self.table[slot] = (tag << 32) | (k as u64 + 1);
        if 2 * (k + 1) > self.table.len() {
            self.grow();
        }
        Ok(())
    }

    /// Doubles the table and re-inserts every distinct cell.
    #[cold]
    fn grow(&mut self) {
        self.bits += 1;
        let mask = (1usize << self.bits) - 1;
        let mut table = vec![0u64; 1 << self.bits];
        for (k, &(s, e)) in self.bounds.iter().enumerate() {
            let h = fx_hash(&self.text[s..e]);
            let mut slot = (h >> (64 - self.bits)) as usize;
            while table[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            table[slot] = ((h & 0xffff_ffff) << 32) | (k as u64 + 1);
        }
        self.table = table;
    }

    /// Reads the `len` items of a list or tuple by direct indexing: no
    /// iterator, no new references. `get_item(i)` is the borrowed item `i`
    /// (null with an exception set on error).
    ///
    /// # Safety
    /// The thread must be attached, and every pointer `get_item` returns
    /// for `0 <= i < len` must be null or a valid object that stays alive
    /// while it is read (the sequence holds it and is not changed
    /// meanwhile: nothing here runs Python code).
    ///
    /// (Until branch `vfast3` this also remembered the distinct cell of
    /// each object address, so that a list repeating one `str` object read
    /// it once. Measured, BENCHMARKS.md: it saved 133 per item on a list
    /// of 1 026 `str` objects ten times over, cost 31–36 per item on lists
    /// of distinct objects, and helped no real input: a pandas column is read through
    /// Arrow, `tolist()`, `read_csv` and `csv` make a new `str` per cell.)
    #[inline(always)]
    unsafe fn push_each(
        py: Python<'_>,
        len: usize,
        get_item: impl Fn(ffi::Py_ssize_t) -> *mut ffi::PyObject,
    ) -> PyResult<Extract> {
        let mut ex = Extract::new(len);
        for i in 0..len {
            let item = get_item(i as ffi::Py_ssize_t);
            if item.is_null() {
                return Err(PyErr::fetch(py));
            }
            ex.push(py, item, i)?;
        }
        Ok(ex)
    }

    /// Appends one item: a `str` (or subclass) or `None` (an empty cell).
    ///
    /// # Safety
    /// `item` must be a valid object pointer and the thread attached.
    #[inline(always)]
    unsafe fn push(&mut self, py: Python<'_>, item: *mut ffi::PyObject, i: usize) -> PyResult<()> {
        if ffi::Py_TYPE(item) == std::ptr::addr_of_mut!(ffi::PyUnicode_Type)
            || ffi::PyUnicode_Check(item) != 0
        {
            self.push_str(py, item)
        } else if item == ffi::Py_None() {
            self.intern(b"")
        } else {
            let obj = Bound::from_borrowed_ptr(py, item);
            Err(PyTypeError::new_err(format!(
                "parse_values: item {i} is {}, not str",
                obj.get_type().name()?
            )))
        }
    }

    /// Records the `str` `s`, read through its UTF-8 view (no copy unless
    /// it is a new distinct cell). A lone surrogate has no UTF-8 form:
    /// Python's strict encoder raises its `UnicodeEncodeError`.
    ///
    /// # Safety
    /// `s` must be a valid `str` object and the thread attached.
    #[cfg(unix)]
    #[inline]
    unsafe fn push_str(&mut self, py: Python<'_>, s: *mut ffi::PyObject) -> PyResult<()> {
        let mut n: ffi::Py_ssize_t = 0;
        let p = PyUnicode_AsUTF8AndSize(s, &mut n);
        if p.is_null() {
            return Err(PyErr::fetch(py));
        }
        // SAFETY: CPython returns `n` valid bytes that live as long as `s`,
        // which the caller holds for this call.
        let cell = std::slice::from_raw_parts(p.cast::<u8>(), n as usize);
        self.intern(cell)
    }

    /// [`push_str`](Self::push_str) where `PyUnicode_AsUTF8AndSize` is not
    /// in the stable ABI of 3.9: the code points are copied out
    /// (`PyUnicode_AsUCS4`) and encoded here.
    ///
    /// # Safety
    /// `s` must be a valid `str` object and the thread attached.
    #[cfg(not(unix))]
    unsafe fn push_str(&mut self, py: Python<'_>, s: *mut ffi::PyObject) -> PyResult<()> {
        let n = ffi::PyUnicode_GetLength(s);
        if n < 0 {
            return Err(PyErr::fetch(py));
        }
        let n = n as usize;
        if self.ucs4.len() < n.max(1) {
            self.ucs4.resize(n.max(1), 0);
        }
        if n > 0
            && ffi::PyUnicode_AsUCS4(s, self.ucs4.as_mut_ptr(), n as ffi::Py_ssize_t, 0).is_null()
        {
            return Err(PyErr::fetch(py));
        }
        let mut utf8 = std::mem::take(&mut self.utf8);
        utf8.clear();
        for &c in &self.ucs4[..n] {
            match char::from_u32(c) {
                Some(c) => utf8.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
                None => {
                    // A lone surrogate: let Python's strict encoder raise
                    // its UnicodeEncodeError (it names the position).
                    let b = ffi::PyUnicode_AsUTF8String(s);
                    if b.is_null() {
                        return Err(PyErr::fetch(py));
                    }
                    ffi::Py_DECREF(b);
                    return Err(PyValueError::new_err("lone surrogate in cell"));
                }
            }
        }
        let r = self.intern(&utf8);
        self.utf8 = utf8;
        r
    }
}

fn threads_of(threads: Option<usize>) -> PyResult<usize> {
    match threads {
        Some(0) => Err(PyValueError::new_err("threads must be >= 1")),
        Some(n) => Ok(n),
        None => Ok(std::thread::available_parallelism().map_or(1, |n| n.get().min(8))),
    }
}

/// Reads `cells` and parses them with the GIL released.
fn build(
    py: Python<'_>,
    cells: &Bound<'_, PyAny>,
    threads: Option<usize>,
) -> PyResult<PyValueBatch> {
    let threads = threads_of(threads)?;
    if cells.is_instance_of::<PyString>() || cells.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err(
            "parse_values() takes an iterable of cells, not one str: use parse_value()",
        ));
    }
    let ex = if let Ok(list) = cells.cast::<PyList>() {
        // SAFETY: the list cannot change meanwhile (nothing here runs Python
        // code), and `PyList_GetItem` checks the index.
        unsafe { Extract::push_each(py, list.len(), |i| ffi::PyList_GetItem(list.as_ptr(), i))? }
    } else if let Ok(tuple) = cells.cast::<PyTuple>() {
        // SAFETY: tuples are immutable; `PyTuple_GetItem` checks the index.
        unsafe { Extract::push_each(py, tuple.len(), |i| ffi::PyTuple_GetItem(tuple.as_ptr(), i))? }
    } else if let Some(cols) = crate::arrow::columns(cells) {
        // An Arrow string column (pandas `str`, pyarrow, polars …): the
        // cells are read from its buffers, no Python object per cell, with
        // the GIL released; the arrays are released after, with it held.
        let n = cols.len();
        let (ex, cols) = py.detach(move || {
            let mut ex = Extract::new(n);
            let read = crate::arrow::for_each_cell(&cols, |cell| match cell {
                Some(text) => ex.intern_checked(text),
                None => ex.intern(b""),
            });
            (read.map(|()| ex), cols)
        });
        drop(cols);
        ex?
    } else {
        let mut ex = Extract::new(cells.len().unwrap_or(0));
        for (i, item) in cells.try_iter()?.enumerate() {
            let item = item?;
            // SAFETY: `item` is a live reference held for the call.
            unsafe { ex.push(py, item.as_ptr(), i)? };
        }
        ex
    };
    let Extract {
        text, bounds, idx, ..
    } = ex;
    let store = py.detach(move || Store::parse(text, &bounds, threads));
    Ok(PyValueBatch {
        store: Arc::new(store),
        idx: idx.into(),
    })
}

/// Parses many cells at once into a :class:`ValueBatch`, with the GIL
/// released while parsing.
///
/// ``cells`` is any iterable of ``str`` (lists and tuples are read
/// directly); ``None`` is read as an empty cell (so a pandas column with
/// missing cells can be passed as it is). An Arrow string column (an object
/// with ``__arrow_c_array__`` or ``__arrow_c_stream__`` of type ``string``,
/// ``large_string`` or ``string_view``: a pandas ``str`` Series, a pyarrow
/// ``Array`` or ``ChunkedArray``, a polars Series) is read straight from its
/// buffers, with no ``str`` per cell; its nulls are empty cells, as ``None``
/// is. Other Arrow types (dictionary-encoded, numbers) are iterated.
///
/// The batch keeps the parsed values in Rust and makes a :class:`Value`
/// only when an item is read; columns
/// (``batch.column("number")``, ``to_dict``, ``to_pandas``, ``to_arrow``)
/// come without a ``Value`` per cell. ``threads=N`` parses large batches on
/// up to N threads (``None``: one per CPU).
///
/// >>> import jixiao
/// >>> batch = jixiao.parse_values(["≥95%", "3~5人", None])
/// >>> len(batch), batch[0].number, batch[-1].kind
/// (3, Decimal('95'), 'empty')
/// >>> batch.column("kind")
/// ['quantity', 'range', 'empty']
#[pyfunction]
#[pyo3(signature = (cells, /, *, threads=Some(1)), text_signature = "(cells, /, *, threads=1)")]
pub fn parse_values<'py>(
    py: Python<'py>,
    cells: &Bound<'py, PyAny>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyValueBatch>> {
    untracked(py, build(py, cells, threads)?)
}

/// The parsed values of many cells (from :func:`parse_values`): a read-only
/// sequence of :class:`Value` that keeps the values in Rust.
///
/// Indexing (negative indices and slices too), ``len``, iteration, ``in``,
/// ``index``, ``count``, ``reversed`` and ``==`` work as on a list of
/// ``Value`` (a batch equals a list or tuple holding equal values in the
/// same order). Each item read is a new ``Value`` object.
/// ``column(name)`` and ``to_dict()`` give whole columns without one.
#[pyclass(name = "ValueBatch", module = "jixiao", frozen, sequence)]
pub struct PyValueBatch {
    store: Arc<Store>,
    idx: Arc<[u32]>,
}

impl PyValueBatch {
    fn value(&self, i: usize) -> &Value<'_> {
        self.store.get(self.idx[i])
    }

    fn item<'py>(&self, py: Python<'py>, i: usize) -> PyResult<Bound<'py, PyValue>> {
        untracked(py, PyValue::in_batch(Arc::clone(&self.store), self.idx[i]))
    }

    fn sub(&self, idx: Vec<u32>) -> PyValueBatch {
        PyValueBatch {
            store: Arc::clone(&self.store),
            idx: idx.into(),
        }
    }

    /// One Python object per distinct value (shared by the cells that repeat
    /// it), for the column `name`.
    fn distinct_objects<'s>(
        &'s self,
        py: Python<'_>,
        name: &str,
        float: bool,
    ) -> PyResult<Vec<Py<PyAny>>> {
        let n = self.store.len();
        let values = (0..n).map(|k| self.store.get(k as u32));
        let mut strs: HashMap<&'s str, Py<PyAny>, Fx> = HashMap::default();
        // Keyed by the bits of the normalised number (`Decimal`'s own `Hash`
        // normalises again, which cost more than the lookup).
        let mut nums: HashMap<[u8; 16], Py<PyAny>, Fx> = HashMap::default();
        let decimal = if DECIMAL_COLUMNS.contains(&name) && !float {
            Some(decimal_class(py)?)
        } else {
            None
        };
        let mut out = Vec::with_capacity(n);
        // A `str` per distinct text (units, kinds … repeat across values).
        let mut text = |s: Option<&'s str>| -> Py<PyAny> {
            match s {
                None => py.None(),
                Some(s) => strs
                    .entry(s)
                    .or_insert_with(|| PyString::new(py, s).into_any().unbind())
                    .clone_ref(py),
            }
        };
        // A `str` per distinct static text (kinds, comparators, terms …),
        // found by address and length: a short linear scan, no hashing.
        let mut statics: Vec<(*const u8, usize, Py<PyAny>)> = Vec::new();
        let mut stat = |s: Option<&'static str>| -> Py<PyAny> {
            let Some(s) = s else { return py.None() };
            if let Some((_, _, o)) = statics
                .iter()
                .find(|(p, n, _)| *p == s.as_ptr() && *n == s.len())
            {
                return o.clone_ref(py);
            }
            let o = PyString::new(py, s).into_any().unbind();
            statics.push((s.as_ptr(), s.len(), o.clone_ref(py)));
            o
        };
        macro_rules! each {
            ($f:expr) => {
                for v in values {
                    out.push($f(v)?);
                }
            };
        }
        // One `Decimal` (or `float`) per distinct number.
        let mut num = |d: Option<Decimal>| -> PyResult<Py<PyAny>> {
            let Some(d) = d else { return Ok(py.None()) };
            let d = norm(d);
            let key = d.serialize();
            if let Some(o) = nums.get(&key) {
                return Ok(o.clone_ref(py));
            }
            let o = if float {
                f64::try_from(d)
                    .unwrap_or(f64::NAN)
                    .into_pyobject(py)?
                    .into_any()
                    .unbind()
            } else {
                let decimal =
                    decimal.ok_or_else(|| PyValueError::new_err("not a number column"))?;
                if d.scale() == 0 && i64::try_from(d.mantissa()).is_ok() {
                    // Decimal(int) is cheaper than Decimal(str).
                    decimal.call1((d.mantissa() as i64,))?.unbind()
                } else {
                    decimal.call1((d.to_string(),))?.unbind()
                }
            };
            nums.insert(key, o.clone_ref(py));
            Ok(o)
        };
        fn obj<'py, T: IntoPyObject<'py>>(py: Python<'py>, x: T) -> PyResult<Py<PyAny>> {
            Ok(x.into_bound_py_any(py)?.unbind())
        }
        match name {
            "raw" => {
                each!(|v: &'s Value<'s>| PyResult::Ok(
                    PyString::new(py, &v.raw).into_any().unbind()
                ))
            }
            "kind" => each!(|v: &'s Value<'s>| PyResult::Ok(stat(Some(v.kind().as_str())))),
            "cmp" => each!(|v: &'s Value<'s>| PyResult::Ok(stat(v.cmp().map(|c| c.as_str())))),
            "cmp_written" => each!(|v: &'s Value<'s>| obj(py, v.cmp_written())),
            "cmp_code" => each!(|v: &'s Value<'s>| obj(py, v.cmp_code())),
            "number" => each!(|v: &'s Value<'s>| num(v.number())),
            "base_number" => each!(|v: &'s Value<'s>| num(v.base_number())),
            "low" => each!(|v: &'s Value<'s>| num(range(v).map(|r| r.0))),
            "high" => each!(|v: &'s Value<'s>| num(range(v).map(|r| r.1))),
            "base_low" => each!(|v: &'s Value<'s>| num(v.base_range().map(|r| r.0))),
            "base_high" => each!(|v: &'s Value<'s>| num(v.base_range().map(|r| r.1))),
            "unit" => each!(|v: &'s Value<'s>| PyResult::Ok(text(v.unit().map(|u| u.as_str())))),
            "base_unit" => each!(|v: &'s Value<'s>| PyResult::Ok(text(v.unit().map(|u| u.base())))),
            "dimension" => {
                each!(|v: &'s Value<'s>| PyResult::Ok(stat(
                    v.unit().map(|u| u.dimension().as_str())
                )))
            }
            "deadline" => each!(|v: &'s Value<'s>| match v.deadline() {
                Some(d) => PyResult::Ok(untracked(py, PyDeadline(*d))?.into_any().unbind()),
                None => Ok(py.None()),
            }),
            "deadline_year" => each!(|v: &'s Value<'s>| obj(py, v.deadline().and_then(|d| d.year))),
            "deadline_month" => {
                each!(|v: &'s Value<'s>| obj(py, v.deadline().and_then(|d| d.month)))
            }
            "deadline_day" => each!(|v: &'s Value<'s>| obj(py, v.deadline().and_then(|d| d.day))),
            "deadline_end_of_month" => {
                each!(|v: &'s Value<'s>| obj(py, v.deadline().map(|d| d.end_of_month)))
            }
            "deadline_recurrence" => each!(|v: &'s Value<'s>| PyResult::Ok(stat(
                v.deadline().and_then(|d| d.recurrence).map(|r| r.as_str())
            ))),
            "term" => each!(|v: &'s Value<'s>| PyResult::Ok(stat(v.term().map(|t| t.term)))),
            "grade" => each!(|v: &'s Value<'s>| PyResult::Ok(stat(
                v.term().and_then(|t| t.grade).map(|g| g.as_str())
            ))),
            "qualifier" => each!(|v: &'s Value<'s>| PyResult::Ok(text(v.qualifier()))),
            "notes" => each!(|v: &'s Value<'s>| {
                let notes: Vec<&str> = v.notes.iter().map(|n| n.as_str()).collect();
                PyResult::Ok(PyTuple::new(py, notes)?.into_any().unbind())
            }),
            other => {
                return Err(PyKeyError::new_err(format!(
                    "no column '{other}'; the columns are {} (and 'deadline')",
                    VALUE_COLUMNS.join(", ")
                )))
            }
        }
        Ok(out)
    }

    fn column_list<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        float: bool,
    ) -> PyResult<Bound<'py, PyList>> {
        let objs = self.distinct_objects(py, name, float)?;
        PyList::new(py, self.idx.iter().map(|&k| objs[k as usize].bind(py)))
    }

    /// A validity bitmap (Arrow layout: bit i set = cell i not null), or
    /// `None` when no cell is null.
    fn validity(&self, valid: impl Fn(&Value<'_>) -> bool) -> Option<Vec<u8>> {
        let ok: Vec<bool> = (0..self.store.len())
            .map(|k| valid(self.store.get(k as u32)))
            .collect();
        if ok.iter().all(|&b| b) {
            return None;
        }
        let mut bits = vec![0u8; self.idx.len().div_ceil(8)];
        for (i, &k) in self.idx.iter().enumerate() {
            if ok[k as usize] {
                bits[i / 8] |= 1 << (i % 8);
            }
        }
        Some(bits)
    }
}

fn range(v: &Value<'_>) -> Option<(Decimal, Decimal)> {
    match &v.body {
        Body::Range(r) => Some((r.low, r.high)),
        _ => None,
    }
}

/// The columns `_arrow_buffers` gives as Arrow strings.
const STRING_COLUMNS: [&str; 10] = [
    "raw",
    "kind",
    "cmp",
    "unit",
    "base_unit",
    "dimension",
    "deadline_recurrence",
    "term",
    "grade",
    "qualifier",
];

/// The columns of exact numbers.
const DECIMAL_COLUMNS: [&str; 6] = [
    "number",
    "base_number",
    "low",
    "high",
    "base_low",
    "base_high",
];

fn string_of<'a>(name: &str, v: &'a Value<'a>) -> Option<Option<&'a str>> {
    Some(match name {
        "raw" => Some(&*v.raw),
        "kind" => Some(v.kind().as_str()),
        "cmp" => v.cmp().map(|c| c.as_str()),
        "unit" => v.unit().map(|u| u.as_str()),
        "base_unit" => v.unit().map(|u| u.base()),
        "dimension" => v.unit().map(|u| u.dimension().as_str()),
        "deadline_recurrence" => v.deadline().and_then(|d| d.recurrence).map(|r| r.as_str()),
        "term" => v.term().map(|t| t.term),
        "grade" => v.term().and_then(|t| t.grade).map(|g| g.as_str()),
        "qualifier" => v.qualifier(),
        _ => return None,
    })
}

fn decimal_of(name: &str, v: &Value<'_>) -> Option<Option<Decimal>> {
    Some(match name {
        "number" => v.number(),
        "base_number" => v.base_number(),
        "low" => range(v).map(|r| r.0),
        "high" => range(v).map(|r| r.1),
        "base_low" => v.base_range().map(|r| r.0),
        "base_high" => v.base_range().map(|r| r.1),
        _ => return None,
    })
}

/// Digits of `m` (`m` ≥ 0).
fn digits(m: u128) -> u32 {
    if m == 0 {
        1
    } else {
        m.ilog10() + 1
    }
}

#[pymethods]
impl PyValueBatch {
    /// Same as :func:`parse_values`.
    #[new]
    #[pyo3(signature = (cells, /, *, threads=Some(1)), text_signature = "(cells, /, *, threads=1)")]
    fn py_new(py: Python<'_>, cells: &Bound<'_, PyAny>, threads: Option<usize>) -> PyResult<Self> {
        build(py, cells, threads)
    }

    /// The names accepted by :meth:`column`, in the order of :meth:`to_dict`.
    #[classattr]
    #[allow(non_snake_case)]
    fn COLUMNS() -> Vec<&'static str> {
        VALUE_COLUMNS.to_vec()
    }

    fn __len__(&self) -> usize {
        self.idx.len()
    }

    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = key.cast::<PySlice>() {
            let ind = slice.indices(self.idx.len() as isize)?;
            let mut idx = Vec::with_capacity(ind.slicelength);
            let mut i = ind.start;
            for _ in 0..ind.slicelength {
                idx.push(self.idx[i as usize]);
                i += ind.step;
            }
            return Ok(untracked(py, self.sub(idx))?.into_any());
        }
        // Integers and objects with `__index__` (numpy integers); an int
        // too large for an index is out of range, as for lists.
        let i: isize = match key.extract() {
            Ok(i) => i,
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(py) => {
                return Err(PyIndexError::new_err("ValueBatch index out of range"))
            }
            Err(_) => {
                return Err(PyTypeError::new_err(format!(
                    "ValueBatch indices must be integers or slices, not {}",
                    key.get_type().name()?
                )))
            }
        };
        let n = self.idx.len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyIndexError::new_err("ValueBatch index out of range"));
        }
        Ok(self.item(py, j as usize)?.into_any())
    }

    fn __iter__(&self) -> ValueBatchIter {
        ValueBatchIter {
            store: Arc::clone(&self.store),
            idx: Arc::clone(&self.idx),
            pos: 0,
            rev: false,
        }
    }

    fn __reversed__(&self) -> ValueBatchIter {
        ValueBatchIter {
            store: Arc::clone(&self.store),
            idx: Arc::clone(&self.idx),
            pos: 0,
            rev: true,
        }
    }

    fn __contains__(&self, value: &Bound<'_, PyAny>) -> bool {
        self.index_of(value).is_some()
    }

    /// The index of the first item equal to ``value``; ``ValueError`` if none.
    #[pyo3(signature = (value, /))]
    fn index(&self, value: &Bound<'_, PyAny>) -> PyResult<usize> {
        self.index_of(value)
            .ok_or_else(|| PyValueError::new_err("value is not in the batch"))
    }

    /// How many items equal ``value``.
    #[pyo3(signature = (value, /))]
    fn count(&self, value: &Bound<'_, PyAny>) -> usize {
        let Ok(v) = value.cast::<PyValue>() else {
            return 0;
        };
        let v: &Value<'_> = v.get().v();
        let hits: Vec<bool> = (0..self.store.len())
            .map(|k| self.store.get(k as u32) == v)
            .collect();
        self.idx.iter().filter(|&&k| hits[k as usize]).count()
    }

    fn __eq__<'py>(&self, other: &Bound<'py, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        let eq = if let Ok(b) = other.cast::<PyValueBatch>() {
            let b = b.get();
            b.idx.len() == self.idx.len()
                && ((Arc::ptr_eq(&b.store, &self.store) && b.idx == self.idx)
                    || (0..self.idx.len()).all(|i| self.value(i) == b.value(i)))
        } else if other.is_instance_of::<PyList>() || other.is_instance_of::<PyTuple>() {
            if other.len()? != self.idx.len() {
                false
            } else {
                let mut all = true;
                for (i, item) in other.try_iter()?.enumerate() {
                    let item = item?;
                    match item.cast::<PyValue>() {
                        Ok(pv) if pv.get().v() == self.value(i) => {}
                        _ => {
                            all = false;
                            break;
                        }
                    }
                }
                all
            }
        } else {
            return Ok(py.NotImplemented());
        };
        Ok(eq.into_bound_py_any(py)?.unbind())
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let n = self.idx.len();
        let show: Vec<usize> = if n <= 6 {
            (0..n).collect()
        } else {
            vec![0, 1, 2, n - 2, n - 1]
        };
        let mut parts = Vec::new();
        for (j, &i) in show.iter().enumerate() {
            if n > 6 && j == 3 {
                parts.push("...".to_string());
            }
            parts.push(self.item(py, i)?.repr()?.to_string());
        }
        Ok(format!("ValueBatch([{}], len={n})", parts.join(", ")))
    }

    /// Pickles as the cells: unpickling parses them again.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyList>,))> {
        let raws = slf.get().column_list(slf.py(), "raw", false)?;
        Ok((slf.get_type().into_any(), (raws,)))
    }

    /// One column as a list, one entry per cell: ``column(name)[i]`` equals
    /// ``batch[i].<name>`` (for ``deadline_year`` …: ``batch[i].deadline.year``
    /// or ``None``). No ``Value`` objects are made; equal entries share one
    /// object (one ``Decimal`` per distinct number). ``numbers="float"``
    /// gives numbers as ``float``.
    #[pyo3(signature = (name, /, *, numbers="decimal"))]
    fn column<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        numbers: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        self.column_list(py, name, float_numbers(numbers)?)
    }

    /// Every column of :attr:`COLUMNS` as ``{name: list}``.
    #[pyo3(signature = (*, numbers="decimal"))]
    fn to_dict<'py>(&self, py: Python<'py>, numbers: &str) -> PyResult<Bound<'py, PyDict>> {
        let float = float_numbers(numbers)?;
        let d = PyDict::new(py);
        for name in VALUE_COLUMNS {
            d.set_item(name, self.column_list(py, name, float)?)?;
        }
        Ok(d)
    }

    /// A pandas DataFrame with the columns of :meth:`to_dict` (pandas must
    /// be installed): numbers as ``Decimal`` (object dtype) or ``float64``.
    #[pyo3(signature = (*, numbers="decimal"))]
    fn to_pandas<'py>(slf: &Bound<'py, Self>, numbers: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::document::frame_call(slf, "values_frame", numbers)
    }

    /// A pyarrow Table with the columns of :meth:`to_dict` (pyarrow must be
    /// installed): numbers as ``decimal128`` wide enough for every value, or
    /// ``float64``; text as ``string``, built from buffers made in Rust.
    #[pyo3(signature = (*, numbers="decimal"))]
    fn to_arrow<'py>(slf: &Bound<'py, Self>, numbers: &str) -> PyResult<Bound<'py, PyAny>> {
        crate::document::frame_call(slf, "values_arrow", numbers)
    }

    /// Arrow buffers of one column, for ``to_arrow``:
    /// ``("string", validity, offsets, data)`` (i64 offsets),
    /// ``("decimal", precision, scale, validity, data)`` (i128 little-endian),
    /// ``("float64", validity, data)``; ``None`` for the other columns, or
    /// for decimals needing more than 38 digits. ``validity`` is ``None``
    /// when no cell is null.
    #[pyo3(signature = (name, /, *, numbers="decimal"))]
    fn _arrow_buffers<'py>(
        &self,
        py: Python<'py>,
        name: &str,
        numbers: &str,
    ) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let float = float_numbers(numbers)?;
        let n = self.idx.len();
        if STRING_COLUMNS.contains(&name) {
            let validity = self.validity(|v| string_of(name, v).flatten().is_some());
            let mut offsets: Vec<i64> = Vec::with_capacity(n + 1);
            offsets.push(0);
            let mut data: Vec<u8> = Vec::new();
            for &k in self.idx.iter() {
                if let Some(Some(s)) = string_of(name, self.store.get(k)) {
                    data.extend_from_slice(s.as_bytes());
                }
                offsets.push(data.len() as i64);
            }
            let offsets: Vec<u8> = offsets.iter().flat_map(|o| o.to_le_bytes()).collect();
            let validity = validity.map(|b| PyBytes::new(py, &b));
            return Ok(Some(PyTuple::new(
                py,
                [
                    "string".into_bound_py_any(py)?,
                    validity.into_bound_py_any(py)?,
                    PyBytes::new(py, &offsets).into_any(),
                    PyBytes::new(py, &data).into_any(),
                ],
            )?));
        }
        if !DECIMAL_COLUMNS.contains(&name) {
            return Ok(None);
        }
        let nums: Vec<Option<Decimal>> = (0..self.store.len())
            .map(|k| {
                decimal_of(name, self.store.get(k as u32))
                    .flatten()
                    .map(norm)
            })
            .collect();
        let validity = self.validity(|v| decimal_of(name, v).flatten().is_some());
        let validity = validity.map(|b| PyBytes::new(py, &b));
        if float {
            let mut data = Vec::with_capacity(n * 8);
            for &k in self.idx.iter() {
                let f = nums[k as usize].map_or(0.0, |d| f64::try_from(d).unwrap_or(f64::NAN));
                data.extend_from_slice(&f.to_le_bytes());
            }
            return Ok(Some(PyTuple::new(
                py,
                [
                    "float64".into_bound_py_any(py)?,
                    validity.into_bound_py_any(py)?,
                    PyBytes::new(py, &data).into_any(),
                ],
            )?));
        }
        // One scale for the column: the largest; the precision that holds
        // every mantissa at that scale.
        let scale = nums.iter().flatten().map(|d| d.scale()).max().unwrap_or(0);
        let mut mantissas: Vec<i128> = Vec::with_capacity(nums.len());
        let mut precision = 1;
        for d in &nums {
            let m = match d {
                None => 0,
                Some(d) => {
                    let Some(m) = 10i128
                        .checked_pow(scale - d.scale())
                        .and_then(|f| d.mantissa().checked_mul(f))
                    else {
                        return Ok(None);
                    };
                    precision = precision.max(digits(m.unsigned_abs()));
                    m
                }
            };
            mantissas.push(m);
        }
        let precision = precision.max(scale).max(1);
        if precision > 38 {
            return Ok(None);
        }
        let mut data = Vec::with_capacity(n * 16);
        for &k in self.idx.iter() {
            data.extend_from_slice(&mantissas[k as usize].to_le_bytes());
        }
        Ok(Some(PyTuple::new(
            py,
            [
                "decimal".into_bound_py_any(py)?,
                precision.into_bound_py_any(py)?,
                scale.into_bound_py_any(py)?,
                validity.into_bound_py_any(py)?,
                PyBytes::new(py, &data).into_any(),
            ],
        )?))
    }
}

impl PyValueBatch {
    fn index_of(&self, value: &Bound<'_, PyAny>) -> Option<usize> {
        let v = value.cast::<PyValue>().ok()?;
        let v: &Value<'_> = v.get().v();
        let hits: Vec<bool> = (0..self.store.len())
            .map(|k| self.store.get(k as u32) == v)
            .collect();
        self.idx.iter().position(|&k| hits[k as usize])
    }
}

fn float_numbers(numbers: &str) -> PyResult<bool> {
    match numbers {
        "decimal" => Ok(false),
        "float" => Ok(true),
        other => Err(PyValueError::new_err(format!(
            "numbers must be 'decimal' or 'float', not {other:?}"
        ))),
    }
}

/// Iterator over a :class:`ValueBatch`: a new ``Value`` per item.
#[pyclass(name = "ValueBatchIterator", module = "jixiao")]
pub struct ValueBatchIter {
    store: Arc<Store>,
    idx: Arc<[u32]>,
    pos: usize,
    rev: bool,
}

#[pymethods]
impl ValueBatchIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&mut self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyValue>>> {
        if self.pos >= self.idx.len() {
            return Ok(None);
        }
        let i = if self.rev {
            self.idx.len() - 1 - self.pos
        } else {
            self.pos
        };
        self.pos += 1;
        untracked(py, PyValue::in_batch(Arc::clone(&self.store), self.idx[i])).map(Some)
    }

    fn __length_hint__(&self) -> usize {
        self.idx.len() - self.pos
    }
}

#[cfg(test)]
mod tests {
    use super::same_bytes;

    /// `same_bytes` is `==` for every length and every place of a difference.
    #[test]
    fn same_bytes_is_equality() {
        for n in 0..40usize {
            let a: Vec<u8> = (0..n).map(|i| (i * 37 % 251) as u8).collect();
            assert!(same_bytes(&a, &a.clone()), "{n}");
            for at in 0..n {
                let mut b = a.clone();
                b[at] ^= 0x40;
                assert!(!same_bytes(&a, &b), "{n} {at}");
            }
            let mut longer = a.clone();
            longer.push(0);
            assert!(!same_bytes(&a, &longer), "{n}");
            // a leading NUL is not the same as no byte
            let mut shifted = vec![0u8];
            shifted.extend_from_slice(&a);
            shifted.pop();
            assert_eq!(same_bytes(&a, &shifted), a == shifted, "{n}");
        }
    }
}
