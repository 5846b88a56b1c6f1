"""parse_values on Arrow string columns (the PyCapsule interface): pandas
``str`` Series, pyarrow arrays and chunked arrays, read from their buffers.
Every result must equal the list route's on the same cells."""

from __future__ import annotations

import ctypes
import gc
import struct
from typing import Any, List, Optional

import pytest

import jixiao
from conftest import CORPUS, steps_beside

pa = pytest.importorskip("pyarrow")

ATTRS = ["raw", "kind", "cmp", "cmp_written", "cmp_code", "number", "base_number", "low",
         "high", "base_low", "base_high", "unit", "base_unit", "dimension", "deadline", "term",
         "grade", "qualifier", "notes"]


@pytest.fixture(scope="module")
def written() -> List[str]:
    """The value cells of the corpus documents, as written (with repeats)."""
    out: List[str] = []
    for d in jixiao.read_dir(CORPUS, errors="skip"):
        out += [i.value.raw for i in d.indicators()]
    assert len(out) > 1000
    return out


def same_as_list(batch: "jixiao.ValueBatch", cells: List[Optional[str]]) -> None:
    """`batch` is what the list route gives for `cells`, field by field."""
    want = jixiao.parse_values(cells)
    assert len(batch) == len(want) == len(cells)
    assert batch == want
    for a in ATTRS:
        assert batch.column(a) == want.column(a), a
    assert batch.column("raw") == [c or "" for c in cells]


class ArrayOnly:
    """A producer with `__arrow_c_array__` only (not a pyarrow type)."""

    def __init__(self, arr: Any) -> None:
        self.arr = arr

    def __arrow_c_array__(self, requested_schema: Any = None) -> Any:
        return self.arr.__arrow_c_array__(requested_schema)


class StreamOnly:
    """A producer with `__arrow_c_stream__` only (not a pyarrow type)."""

    def __init__(self, arr: Any) -> None:
        self.arr = arr

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
        return self.arr.__arrow_c_stream__(requested_schema)


@pytest.mark.parametrize("type_", ["string", "large_string", "string_view"])
def test_corpus_cells(corpus_values, written, type_):
    t = getattr(pa, type_)()
    for cells in (corpus_values, written):
        arr = pa.array(cells, type=t)
        same_as_list(jixiao.parse_values(arr), cells)
        same_as_list(jixiao.parse_values(ArrayOnly(arr)), cells)
        same_as_list(jixiao.parse_values(StreamOnly(pa.chunked_array([arr]))), cells)
        # per cell against parse_value, every field
        batch = jixiao.parse_values(arr)
        for i in range(0, len(cells), 7):
            one = jixiao.parse_value(cells[i])
            assert batch[i] == one and batch[i].to_json() == one.to_json()


def test_pandas_str_series(corpus_values, written):
    pd = pytest.importorskip("pandas")
    for cells in (corpus_values, written, written * 3):
        s = pd.Series(cells)
        same_as_list(jixiao.parse_values(s), cells)
        same_as_list(jixiao.parse_values(pd.Series(cells, dtype="string[pyarrow]")), cells)
        same_as_list(jixiao.parse_values(pd.Series(cells, dtype="string[python]")), cells)
    df = pd.DataFrame({"v": written})
    same_as_list(jixiao.parse_values(df["v"]), written)
    same_as_list(jixiao.parse_values(df["v"].iloc[5:300:3]), written[5:300:3])


def test_pandas_missing_cells_are_empty():
    pd = pytest.importorskip("pandas")
    cells = ["≥95%", None, "满意", None, "≥95%"]
    s = pd.Series(cells)  # pandas 3: dtype str, missing = NaN
    batch = jixiao.parse_values(s)
    same_as_list(batch, cells)
    assert batch.column("kind") == ["quantity", "empty", "qualitative", "empty", "quantity"]
    # object dtype holding str and None: the same
    same_as_list(jixiao.parse_values(pd.Series(cells, dtype=object)), cells)


def test_chunked_and_sliced(corpus_values, written):
    cells: List[Optional[str]] = list(written)
    chunks = [cells[:1], cells[1:400], [], cells[400:401], cells[401:]]
    same_as_list(jixiao.parse_values(pa.chunked_array(chunks, type=pa.string())), cells)
    same_as_list(jixiao.parse_values(pa.chunked_array(chunks, type=pa.large_string())), cells)
    for t in (pa.string(), pa.large_string(), pa.string_view()):
        arr = pa.array(cells, type=t)
        for a, b in ((1, 10), (3, 1000), (7, 8), (500, 500), (13, None)):
            part = arr[a:b]
            assert part.offset == a
            same_as_list(jixiao.parse_values(part), cells[a:b])
        # chunks that are slices of one array (non-zero offsets in a stream)
        parts = pa.chunked_array([arr[0:5], arr[5:17], arr[17:]])
        same_as_list(jixiao.parse_values(parts), cells)


@pytest.mark.parametrize("type_", ["string", "large_string", "string_view"])
def test_nulls(corpus_values, type_):
    t = getattr(pa, type_)()
    cells: List[Optional[str]] = [None if i % 5 == 2 else c for i, c in enumerate(corpus_values)]
    cells[0] = None
    arr = pa.array(cells, type=t)
    assert arr.null_count == sum(c is None for c in cells)
    same_as_list(jixiao.parse_values(arr), cells)
    # slices starting inside a bitmap byte
    for a in (1, 2, 3, 9, 11):
        same_as_list(jixiao.parse_values(arr[a:a + 50]), cells[a:a + 50])
    # all null; a null and an empty cell read the same as None and "" do
    same_as_list(jixiao.parse_values(pa.array([None] * 9, type=t)), [None] * 9)
    mix: List[Optional[str]] = [None, "", "/", None, ""]
    same_as_list(jixiao.parse_values(pa.array(mix, type=t)), mix)
    assert jixiao.parse_values(pa.array(mix, type=t))[0] == jixiao.parse_values([None])[0]


def test_empty():
    for t in (pa.string(), pa.large_string(), pa.string_view()):
        assert len(jixiao.parse_values(pa.array([], type=t))) == 0
        assert len(jixiao.parse_values(pa.chunked_array([], type=t))) == 0
        assert jixiao.parse_values(pa.array(["a"], type=t)[1:]) == []
    pd = pytest.importorskip("pandas")
    assert len(jixiao.parse_values(pd.Series([], dtype="str"))) == 0


def test_long_view_cells():
    # string_view cells over 12 bytes live in data buffers, shorter inline
    cells = ["满意度≥90%，且投诉率≤1%" * k for k in range(5)] + ["≥95%", "12个字节的x"]
    same_as_list(jixiao.parse_values(pa.array(cells, type=pa.string_view())), cells)


def test_other_types_take_the_iterable_path():
    pd = pytest.importorskip("pandas")
    cells = ["≥95%", "满意", "≥95%"]
    # a categorical column: its Arrow form is dictionary-encoded: iterated
    same_as_list(jixiao.parse_values(pd.Series(cells, dtype="category")), cells)
    # non-strings: the errors of the iterable path
    with pytest.raises(TypeError, match="item 0 is int, not str"):
        jixiao.parse_values(pd.Series([1, "a"], dtype=object))
    with pytest.raises(TypeError, match="item 0 is"):
        jixiao.parse_values(pa.array([1, 2]))
    with pytest.raises(TypeError, match="item 0 is"):
        jixiao.parse_values(pa.array(cells).dictionary_encode())
    with pytest.raises(TypeError, match="item 0 is"):
        jixiao.parse_values(pa.array([b"x"]))


def test_producer_errors_fall_back():
    class Broken:
        def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
            raise RuntimeError("cannot export")

        def __iter__(self) -> Any:
            return iter(["≥95%", None])

    same_as_list(jixiao.parse_values(Broken()), ["≥95%", None])

    class NotACapsule(Broken):
        def __arrow_c_stream__(self, requested_schema: Any = None) -> Any:
            return 42

    same_as_list(jixiao.parse_values(NotACapsule()), ["≥95%", None])

    class WrongName(Broken):
        def __arrow_c_array__(self, requested_schema: Any = None) -> Any:
            s, a = pa.array(["x"]).__arrow_c_array__()
            return a, s  # capsules swapped

    same_as_list(jixiao.parse_values(WrongName()), ["≥95%", None])


# A producer written with ctypes: Arrow C Data structs made by hand, so that
# arrays pyarrow would refuse to build (bad offsets, bad UTF-8, bad views)
# can be handed over, and every `release` call counted.

class ArrowSchema(ctypes.Structure):
    pass


class ArrowArray(ctypes.Structure):
    pass


SchemaRelease = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowSchema))
ArrayRelease = ctypes.CFUNCTYPE(None, ctypes.POINTER(ArrowArray))
ArrowSchema._fields_ = [
    ("format", ctypes.c_char_p), ("name", ctypes.c_char_p), ("metadata", ctypes.c_char_p),
    ("flags", ctypes.c_int64), ("n_children", ctypes.c_int64),
    ("children", ctypes.c_void_p), ("dictionary", ctypes.c_void_p),
    ("release", SchemaRelease), ("private_data", ctypes.c_void_p)]
ArrowArray._fields_ = [
    ("length", ctypes.c_int64), ("null_count", ctypes.c_int64), ("offset", ctypes.c_int64),
    ("n_buffers", ctypes.c_int64), ("n_children", ctypes.c_int64),
    ("buffers", ctypes.POINTER(ctypes.c_void_p)), ("children", ctypes.c_void_p),
    ("dictionary", ctypes.c_void_p), ("release", ArrayRelease),
    ("private_data", ctypes.c_void_p)]

_capsule_new = ctypes.pythonapi.PyCapsule_New
_capsule_new.restype = ctypes.py_object
_capsule_new.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]


class HandMade:
    """`__arrow_c_array__` over buffers given as bytes (None: a null
    pointer); counts the `release` calls of the schema and the array."""

    def __init__(self, fmt: bytes, length: int, buffers: List[Optional[bytes]],
                 offset: int = 0, null_count: int = 0) -> None:
        self.fmt, self.length, self.offset, self.null_count = fmt, length, offset, null_count
        self.buffers = [None if b is None else ctypes.create_string_buffer(b, max(len(b), 1))
                        for b in buffers]
        self.released = {"schema": 0, "array": 0}
        self.keep: List[Any] = []

    def __arrow_c_array__(self, requested_schema: Any = None) -> Any:
        def release_schema(p: Any) -> None:
            self.released["schema"] += 1
            p.contents.release = SchemaRelease()

        def release_array(p: Any) -> None:
            self.released["array"] += 1
            p.contents.release = ArrayRelease()

        rs, ra = SchemaRelease(release_schema), ArrayRelease(release_array)
        schema = ArrowSchema(format=self.fmt, name=None, metadata=None, flags=2, n_children=0,
                             children=None, dictionary=None, release=rs, private_data=None)
        ptrs = (ctypes.c_void_p * len(self.buffers))(
            *[None if b is None else ctypes.addressof(b) for b in self.buffers])
        array = ArrowArray(length=self.length, null_count=self.null_count, offset=self.offset,
                           n_buffers=len(self.buffers), n_children=0, buffers=ptrs,
                           children=None, dictionary=None, release=ra, private_data=None)
        self.keep += [rs, ra, schema, ptrs, array]
        return (_capsule_new(ctypes.addressof(schema), b"arrow_schema", None),
                _capsule_new(ctypes.addressof(array), b"arrow_array", None))


def offsets_array(offsets: List[int], data: Optional[bytes], large: bool = False,
                  n: Optional[int] = None, offset: int = 0,
                  validity: Optional[bytes] = None, null_count: int = 0) -> HandMade:
    fmt = "<%dq" if large else "<%di"
    return HandMade(b"U" if large else b"u", len(offsets) - 1 - offset if n is None else n,
                    [validity, struct.pack(fmt % len(offsets), *offsets), data],
                    offset=offset, null_count=null_count)


@pytest.mark.parametrize("large", [False, True])
def test_hand_made_arrays(large):
    ok = offsets_array([0, 2, 4], b"abcd", large=large)
    assert jixiao.parse_values(ok).column("raw") == ["ab", "cd"]
    assert ok.released == {"schema": 1, "array": 1}
    part = offsets_array([0, 2, 4, 7], b"abcdefg", large=large, offset=1)
    assert jixiao.parse_values(part).column("raw") == ["cd", "efg"]
    # validity: bit i of the bitmap, counted from the array's offset
    nulls = offsets_array([0, 2, 4, 7], b"abcdefg", large=large, offset=1,
                          validity=bytes([0b0101]), null_count=1)
    assert jixiao.parse_values(nulls).column("raw") == ["", "efg"]
    # null_count 0: the bitmap is not read (it may be garbage)
    assert jixiao.parse_values(offsets_array([0, 2, 4], b"abcd", large=large,
                                             validity=bytes([0]), null_count=0)
                               ).column("raw") == ["ab", "cd"]
    # no data buffer: only for cells that are all empty
    assert jixiao.parse_values(offsets_array([3, 3, 3], None, large=large)).column("raw") == \
        ["", ""]


@pytest.mark.parametrize("large", [False, True])
def test_malformed_arrays_raise(large):
    fmt = b"U" if large else b"u"
    bad = [
        offsets_array([0, 3, 2], b"abc", large=large),          # decreasing
        offsets_array([0, 2, 9, 4], b"abcd", large=large),      # a cell past the last offset
        offsets_array([-1, 2], b"abc", large=large),            # negative
        offsets_array([5, 2], b"abcde", large=large),           # first after last
        offsets_array([0, 2], None, large=large),               # no data buffer
        HandMade(fmt, 1, [None, None, b"ab"]),                  # no offsets buffer
        HandMade(fmt, 1, [None, bytes(16)]),                    # two buffers
        HandMade(fmt, -1, [None, bytes(16), b""]),              # negative length
    ]
    for arr in bad:
        with pytest.raises(ValueError, match="malformed Arrow string array"):
            jixiao.parse_values(arr)
        assert arr.released == {"schema": 1, "array": 1}
    for arr in (offsets_array([0, 1, 3], b"a\xff\xfe", large=large),
                # a repeat of an invalid cell is not taken for a valid one
                offsets_array([0, 1, 2, 3], b"aa\xff", large=large)):
        with pytest.raises(ValueError, match="not UTF-8"):
            jixiao.parse_values(arr)
        assert arr.released == {"schema": 1, "array": 1}


def test_hand_made_views():
    def views(raw: List[bytes], data: bytes) -> HandMade:
        return HandMade(b"vu", len(raw), [None, b"".join(raw), data,
                                          struct.pack("<q", len(data))])

    inline = struct.pack("<i", 3) + b"abc".ljust(12, b"\0")
    out = struct.pack("<i4sii", 14, b"abcd", 0, 0)
    ok = views([inline, out], b"abcdefghijklmn")
    assert jixiao.parse_values(ok).column("raw") == ["abc", "abcdefghijklmn"]
    assert ok.released == {"schema": 1, "array": 1}
    for v in (struct.pack("<i4sii", 14, b"abcd", 0, 1),   # past the buffer's end
              struct.pack("<i4sii", 14, b"abcd", 1, 0),   # no buffer 1
              struct.pack("<i4sii", 14, b"abcd", 0, -2),  # negative offset
              struct.pack("<i", -1) + bytes(12)):         # negative length
        arr = views([inline, v], b"abcdefghijklmn")
        with pytest.raises(ValueError, match="malformed Arrow string array"):
            jixiao.parse_values(arr)
        assert arr.released == {"schema": 1, "array": 1}
    bad_utf8 = views([struct.pack("<i", 2) + b"\xc3(".ljust(12, b"\0")], b"")
    with pytest.raises(ValueError, match="not UTF-8"):
        jixiao.parse_values(bad_utf8)


def test_hand_made_other_format_falls_back():
    class Ints(HandMade):
        def __iter__(self) -> Any:
            return iter([1])

    ints = Ints(b"i", 1, [None, struct.pack("<i", 7)])
    with pytest.raises(TypeError, match="item 0 is int, not str"):
        jixiao.parse_values(ints)
    assert ints.released == {"schema": 1, "array": 1}


def test_arrays_are_released():
    """Every exported array and stream is released (else pyarrow's memory
    would stay allocated), and the producer's objects are still usable."""
    gc.collect()
    base = pa.total_allocated_bytes()
    arr = pa.array([f"≥{i % 97}%" for i in range(20000)])
    chunked = pa.chunked_array([arr, arr.slice(5)])
    for _ in range(3):
        assert len(jixiao.parse_values(arr)) == 20000
        assert len(jixiao.parse_values(chunked)) == 39995
        with pytest.raises(ValueError):
            jixiao.parse_values(offsets_array([0, 3, 2], b"abc"))
    assert arr[3].as_py() == "≥3%"
    del arr, chunked
    gc.collect()
    assert pa.total_allocated_bytes() == base


def test_arrow_route_releases_the_gil(corpus_values):
    cells = pa.array([c + str(i) for i in range(600) for c in corpus_values])
    assert steps_beside(lambda: jixiao.parse_values(cells)) > 0


def test_threads(corpus_values):
    cells = [c + str(i) for i in range(20) for c in corpus_values]
    arr = pa.array(cells)
    assert jixiao.parse_values(arr, threads=2) == jixiao.parse_values(cells)
