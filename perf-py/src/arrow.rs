//! Reading Arrow string columns through the Arrow PyCapsule interface,
//! with no Python object per cell.
//!
//! An object that exposes `__arrow_c_array__` (a `pyarrow.Array`) or
//! `__arrow_c_stream__` (a pandas `Series`, a `pyarrow.ChunkedArray`, a
//! polars `Series` …) hands over its data as C structs of the Arrow C Data
//! Interface and C Stream Interface
//! (<https://arrow.apache.org/docs/format/CDataInterface.html>,
//! <https://arrow.apache.org/docs/format/CStreamInterface.html>), declared
//! here by hand (no arrow crate: three structs and four function pointers).
//! The cells are read straight from the buffers: a validity bitmap, offsets
//! and UTF-8 data for `utf8` (`u`) and `large_utf8` (`U`), 16-byte views and
//! data buffers for `string_view` (`vu`).
//!
//! Ownership: a struct taken out of a capsule is moved (copied, and the
//! capsule's `release` set to null so its destructor does nothing), and
//! every struct we own is released exactly once, by `Drop`. Nothing the
//! producer gives is trusted for memory safety beyond what the interface
//! cannot express (that a buffer holds as many bytes as its offsets say):
//! counts, offsets, view indices and buffer pointers are checked before any
//! byte is read, and a malformed array is a `ValueError`.

use std::ffi::{c_char, c_int, c_void, CStr};

use pyo3::exceptions::PyValueError;
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyTuple};

/// `struct ArrowSchema` of the C Data Interface.
#[repr(C)]
pub(crate) struct ArrowSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut ArrowSchema,
    dictionary: *mut ArrowSchema,
    release: Option<unsafe extern "C" fn(*mut ArrowSchema)>,
    private_data: *mut c_void,
}

/// `struct ArrowArray` of the C Data Interface.
#[repr(C)]
pub(crate) struct ArrowArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut ArrowArray,
    dictionary: *mut ArrowArray,
    release: Option<unsafe extern "C" fn(*mut ArrowArray)>,
    private_data: *mut c_void,
}

/// `struct ArrowArrayStream` of the C Stream Interface.
#[repr(C)]
pub(crate) struct ArrowArrayStream {
    get_schema: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowSchema) -> c_int>,
    get_next: Option<unsafe extern "C" fn(*mut ArrowArrayStream, *mut ArrowArray) -> c_int>,
    get_last_error: Option<unsafe extern "C" fn(*mut ArrowArrayStream) -> *const c_char>,
    release: Option<unsafe extern "C" fn(*mut ArrowArrayStream)>,
    private_data: *mut c_void,
}

impl ArrowSchema {
    fn empty() -> Self {
        ArrowSchema {
            format: std::ptr::null(),
            name: std::ptr::null(),
            metadata: std::ptr::null(),
            flags: 0,
            n_children: 0,
            children: std::ptr::null_mut(),
            dictionary: std::ptr::null_mut(),
            release: None,
            private_data: std::ptr::null_mut(),
        }
    }
}

impl ArrowArray {
    fn empty() -> Self {
        ArrowArray {
            length: 0,
            null_count: 0,
            offset: 0,
            n_buffers: 0,
            n_children: 0,
            buffers: std::ptr::null_mut(),
            children: std::ptr::null_mut(),
            dictionary: std::ptr::null_mut(),
            release: None,
            private_data: std::ptr::null_mut(),
        }
    }
}

/// A schema we own: released once, on drop.
struct OwnedSchema(ArrowSchema);

impl Drop for OwnedSchema {
    fn drop(&mut self) {
        if let Some(release) = self.0.release {
            // SAFETY: we own the struct and it has not been released (the
            // producer's `release` sets the field to null, and we take it).
            unsafe { release(&mut self.0) };
            self.0.release = None;
        }
    }
}

/// An array we own: released once, on drop.
pub(crate) struct OwnedArray(ArrowArray);

impl Drop for OwnedArray {
    fn drop(&mut self) {
        if let Some(release) = self.0.release {
            // SAFETY: as for `OwnedSchema`.
            unsafe { release(&mut self.0) };
            self.0.release = None;
        }
    }
}

// SAFETY: an exported array is immutable while we hold it (the interface's
// contract), and we only read its buffers; it is released on the thread
// that holds the GIL (see `Columns`).
unsafe impl Send for OwnedArray {}

/// A stream we own: released once, on drop.
struct OwnedStream(ArrowArrayStream);

impl Drop for OwnedStream {
    fn drop(&mut self) {
        if let Some(release) = self.0.release {
            // SAFETY: as for `OwnedSchema`.
            unsafe { release(&mut self.0) };
            self.0.release = None;
        }
    }
}

/// The string layouts read directly.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Layout {
    /// `u`: utf8, i32 offsets.
    Utf8,
    /// `U`: large_utf8, i64 offsets.
    LargeUtf8,
    /// `vu`: string_view.
    View,
}

/// The arrays of one Arrow string column, exported by its producer and
/// released (exactly once each) when this is dropped. Drop it with the GIL
/// held: a producer's `release` may touch Python objects.
pub(crate) struct Columns {
    pub(crate) layout: Layout,
    pub(crate) arrays: Vec<OwnedArray>,
}

impl Columns {
    /// Number of cells, over every array.
    pub(crate) fn len(&self) -> usize {
        self.arrays
            .iter()
            .map(|a| usize::try_from(a.0.length).unwrap_or(0))
            .sum()
    }
}

/// The layout named by `schema`, or `None` for any other type (including a
/// dictionary-encoded column, whose format is that of its indices).
fn layout_of(schema: &ArrowSchema) -> Option<Layout> {
    if schema.format.is_null() || !schema.dictionary.is_null() {
        return None;
    }
    // SAFETY: a non-null `format` is a NUL-terminated string owned by the
    // schema, alive until it is released (after this returns).
    match unsafe { CStr::from_ptr(schema.format) }.to_bytes() {
        b"u" => Some(Layout::Utf8),
        b"U" => Some(Layout::LargeUtf8),
        b"vu" => Some(Layout::View),
        _ => None,
    }
}

/// Moves the `$t` out of the capsule `$cap` named `$name`: the copy is
/// ours, and the capsule's `release` is set to null so that its destructor
/// does nothing. `None` if `$cap` is not a capsule of that name or its
/// struct was already released.
macro_rules! take_struct {
    ($cap:expr, $name:expr, $t:ty) => {{
        // SAFETY: the PyCapsule interface: a capsule named `$name` holds a
        // `$t`. The copy is ours; nulling the capsule's `release` makes it
        // the only owner.
        unsafe {
            let cap: &Bound<'_, PyAny> = $cap;
            if ffi::PyCapsule_IsValid(cap.as_ptr(), $name.as_ptr()) != 1 {
                None
            } else {
                let p = ffi::PyCapsule_GetPointer(cap.as_ptr(), $name.as_ptr()).cast::<$t>();
                if p.is_null() || (*p).release.is_none() {
                    ffi::PyErr_Clear();
                    None
                } else {
                    let owned = std::ptr::read(p);
                    (*p).release = None;
                    Some(owned)
                }
            }
        }
    }};
}

/// The Arrow string column `obj` exposes, or `None` when it exposes none,
/// or not a string column (a dictionary, numbers, a table …), or its
/// producer fails to export it: the caller then reads `obj` as an
/// iterable, as for any other object, and gives the errors that gives.
pub(crate) fn columns(obj: &Bound<'_, PyAny>) -> Option<Columns> {
    let got = if has(obj, "__arrow_c_array__") {
        from_array(obj)
    } else if has(obj, "__arrow_c_stream__") {
        from_stream(obj)
    } else {
        return None;
    };
    // An error is the producer failing to export (pandas' object column
    // of non-strings, …): the iterable path reports what is wrong.
    got.ok().flatten()
}

/// Whether `obj`'s type has the attribute `name` (no instance lookup: the
/// PyCapsule interface's methods are methods).
fn has(obj: &Bound<'_, PyAny>, name: &str) -> bool {
    obj.get_type()
        .hasattr(PyString::intern(obj.py(), name))
        .unwrap_or(false)
}

fn from_array(obj: &Bound<'_, PyAny>) -> PyResult<Option<Columns>> {
    let pair = obj.call_method0("__arrow_c_array__")?;
    let pair = pair.cast::<PyTuple>()?;
    if pair.len() != 2 {
        return Ok(None);
    }
    let Some(schema) = take_struct!(&pair.get_item(0)?, c"arrow_schema", ArrowSchema) else {
        return Ok(None);
    };
    let schema = OwnedSchema(schema);
    let Some(array) = take_struct!(&pair.get_item(1)?, c"arrow_array", ArrowArray) else {
        return Ok(None);
    };
    let array = OwnedArray(array);
    Ok(layout_of(&schema.0).map(|layout| Columns {
        layout,
        arrays: vec![array],
    }))
}

fn from_stream(obj: &Bound<'_, PyAny>) -> PyResult<Option<Columns>> {
    let cap = obj.call_method0("__arrow_c_stream__")?;
    let Some(stream) = take_struct!(&cap, c"arrow_array_stream", ArrowArrayStream) else {
        return Ok(None);
    };
    let mut stream = OwnedStream(stream);
    let (Some(get_schema), Some(get_next)) = (stream.0.get_schema, stream.0.get_next) else {
        return Ok(None);
    };
    let mut schema = OwnedSchema(ArrowSchema::empty());
    // SAFETY: the stream is live (not released) and `schema` is a released
    // struct for the producer to fill.
    if unsafe { get_schema(&mut stream.0, &mut schema.0) } != 0 {
        return Ok(None);
    }
    let Some(layout) = layout_of(&schema.0) else {
        return Ok(None);
    };
    let mut arrays = Vec::new();
    loop {
        let mut a = OwnedArray(ArrowArray::empty());
        // SAFETY: as for `get_schema`.
        if unsafe { get_next(&mut stream.0, &mut a.0) } != 0 {
            return Ok(None);
        }
        if a.0.release.is_none() {
            break; // the end of the stream
        }
        arrays.push(a);
    }
    Ok(Some(Columns { layout, arrays }))
}

fn malformed(what: &str) -> PyErr {
    PyValueError::new_err(format!(
        "parse_values: malformed Arrow string array: {what}"
    ))
}

/// Reads every cell of `cols` in order: `cell(Some(bytes))` for a valid
/// cell (bytes the producer calls UTF-8: the caller checks), `cell(None)`
/// for a null. Touches no Python object (can run detached). Errors: a
/// malformed array, or what `cell` returns.
pub(crate) fn for_each_cell(
    cols: &Columns,
    mut cell: impl FnMut(Option<&[u8]>) -> PyResult<()>,
) -> PyResult<()> {
    for a in &cols.arrays {
        // SAFETY: `a` is a live exported array of the schema's layout;
        // `read_array` checks everything it reads against its counts.
        unsafe { read_array(&a.0, cols.layout, &mut cell)? };
    }
    Ok(())
}

/// The buffer pointers of `a` (`n_buffers` of them, checked to be `want`, or
/// at least `want` for views).
///
/// # Safety
/// `a` must be a live exported array.
unsafe fn buffers(a: &ArrowArray, want: usize, at_least: bool) -> PyResult<&[*const c_void]> {
    let n = usize::try_from(a.n_buffers).map_err(|_| malformed("negative n_buffers"))?;
    if (at_least && n < want) || (!at_least && n != want) || a.buffers.is_null() {
        return Err(malformed(&format!("{n} buffers for a string layout")));
    }
    Ok(std::slice::from_raw_parts(a.buffers.cast_const(), n))
}

/// Reads the cells of one array.
///
/// # Safety
/// `a` must be a live exported array of `layout`; its buffers must hold as
/// many bytes as its length, offset and offsets say (the interface gives no
/// buffer sizes: this is the trust every consumer extends).
unsafe fn read_array(
    a: &ArrowArray,
    layout: Layout,
    cell: &mut impl FnMut(Option<&[u8]>) -> PyResult<()>,
) -> PyResult<()> {
    let (Ok(len), Ok(off)) = (usize::try_from(a.length), usize::try_from(a.offset)) else {
        return Err(malformed("negative length or offset"));
    };
    if len == 0 {
        return Ok(());
    }
    let end = off
        .checked_add(len)
        .filter(|&e| e < isize::MAX as usize / 16)
        .ok_or_else(|| malformed("length + offset out of range"))?;
    let bufs = match layout {
        Layout::Utf8 | Layout::LargeUtf8 => buffers(a, 3, false)?,
        Layout::View => buffers(a, 3, true)?,
    };
    // the validity bitmap: bit `off + i` set = cell i valid; none = all valid
    let validity: Option<&[u8]> = if a.null_count == 0 || bufs[0].is_null() {
        None
    } else {
        Some(std::slice::from_raw_parts(
            bufs[0].cast::<u8>(),
            end.div_ceil(8),
        ))
    };
    let valid = |j: usize| validity.is_none_or(|v| v[j >> 3] >> (j & 7) & 1 == 1);
    match layout {
        Layout::Utf8 => read_offsets::<4>(bufs, off, len, valid, cell),
        Layout::LargeUtf8 => read_offsets::<8>(bufs, off, len, valid, cell),
        Layout::View => read_views(bufs, off, len, valid, cell),
    }
}

/// Cells of `utf8` (`W` = 4: i32 offsets) or `large_utf8` (`W` = 8).
///
/// # Safety
/// As [`read_array`]: `bufs` are the three buffers of a live array with
/// `off + len` cells.
unsafe fn read_offsets<const W: usize>(
    bufs: &[*const c_void],
    off: usize,
    len: usize,
    valid: impl Fn(usize) -> bool,
    cell: &mut impl FnMut(Option<&[u8]>) -> PyResult<()>,
) -> PyResult<()> {
    if bufs[1].is_null() {
        return Err(malformed("no offsets buffer"));
    }
    // offsets `off ..= off + len`, read unaligned (the interface only
    // recommends alignment)
    let offsets = std::slice::from_raw_parts(bufs[1].cast::<u8>().add(off * W), (len + 1) * W);
    let at = |i: usize| -> i64 {
        let b = &offsets[i * W..i * W + W];
        if W == 4 {
            i64::from(i32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        } else {
            i64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]])
        }
    };
    let (first, last) = (at(0), at(len));
    if first < 0 || last < first || last > isize::MAX as i64 {
        return Err(malformed(&format!(
            "offsets {first}..{last} of a slice are out of order"
        )));
    }
    // the data buffer holds at least `last` bytes (all the interface says
    // of its size); every cell is checked to lie in `first..=last`
    let data: &[u8] = if bufs[2].is_null() {
        if first != last {
            return Err(malformed("no data buffer"));
        }
        &[]
    } else {
        std::slice::from_raw_parts(bufs[2].cast::<u8>(), last as usize)
    };
    let mut start = first;
    for i in 0..len {
        let end = at(i + 1);
        if end < start || end > last {
            return Err(malformed(&format!(
                "cell {i}: offsets {start}..{end} outside 0..{last} or decreasing"
            )));
        }
        if valid(off + i) {
            let text = if start == end {
                &[][..] // (`data` may be a null buffer's empty slice)
            } else {
                data.get(start as usize..end as usize)
                    .ok_or_else(|| malformed("offsets out of range"))?
            };
            cell(Some(text))?;
        } else {
            cell(None)?;
        }
        start = end;
    }
    Ok(())
}

/// Cells of `string_view`: 16-byte views (length; the text inline if at
/// most 12 bytes, else a prefix, a data buffer index and an offset), the
/// data buffers, and last the sizes of the data buffers (i64).
///
/// # Safety
/// As [`read_array`].
unsafe fn read_views(
    bufs: &[*const c_void],
    off: usize,
    len: usize,
    valid: impl Fn(usize) -> bool,
    cell: &mut impl FnMut(Option<&[u8]>) -> PyResult<()>,
) -> PyResult<()> {
    if bufs[1].is_null() {
        return Err(malformed("no views buffer"));
    }
    let views = std::slice::from_raw_parts(bufs[1].cast::<u8>().add(off * 16), len * 16);
    let n_data = bufs.len() - 3;
    let sizes_ptr = bufs[bufs.len() - 1];
    if n_data > 0 && sizes_ptr.is_null() {
        return Err(malformed("no buffer sizes"));
    }
    let mut data: Vec<&[u8]> = Vec::with_capacity(n_data);
    for (k, &p) in bufs[2..2 + n_data].iter().enumerate() {
        let mut s = [0u8; 8];
        s.copy_from_slice(std::slice::from_raw_parts(
            sizes_ptr.cast::<u8>().add(k * 8),
            8,
        ));
        let size = i64::from_le_bytes(s);
        let size = usize::try_from(size)
            .ok()
            .filter(|&s| s <= isize::MAX as usize)
            .ok_or_else(|| malformed("negative buffer size"))?;
        data.push(if size == 0 {
            &[]
        } else if p.is_null() {
            return Err(malformed("a data buffer is missing"));
        } else {
            std::slice::from_raw_parts(p.cast::<u8>(), size)
        });
    }
    let int = |b: &[u8]| i32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    for i in 0..len {
        if !valid(off + i) {
            cell(None)?;
            continue;
        }
        let v = &views[i * 16..i * 16 + 16];
        let n = usize::try_from(int(&v[0..4])).map_err(|_| malformed("negative view length"))?;
        let text = if n <= 12 {
            &v[4..4 + n]
        } else {
            let (b, o) = (int(&v[8..12]), int(&v[12..16]));
            usize::try_from(b)
                .ok()
                .and_then(|b| data.get(b))
                .zip(usize::try_from(o).ok())
                .and_then(|(d, o)| d.get(o..o.checked_add(n)?))
                .ok_or_else(|| {
                    malformed(&format!(
                        "cell {i}: view of {n} bytes at buffer {b}, offset {o} is out of range"
                    ))
                })?
        };
        cell(Some(text))?;
    }
    Ok(())
}
