"""Facts the memory-basics lesson states, computed where the lesson is read.

Each function returns the exact text the prose shows. Functions whose name
ends in _on_311 state a CPython 3.11 fact: they measure on 3.11 and return
"not 3.11" elsewhere, so a slot using them fails on any other version
instead of passing silently.
"""

import gc
import struct
import sys
import tracemalloc
import warnings

SAMPLES = {
    "None": None,
    "0": 0,
    "1.0": 1.0,
    "bytes": b"",
    "str": "",
    "euro": "\u20ac",
    "e-acute": "\u00e9",
    "list": [],
    "dict": dict(),
}


def size(name):
    """sys.getsizeof of one sample object, as text."""
    return str(sys.getsizeof(SAMPLES[name]))


def size_on_311(name):
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    return size(name)


def pointer_bytes():
    return str(struct.calcsize("P"))


def list_bytes(n):
    """getsizeof of a list of n references, with thousands separators."""
    return f"{sys.getsizeof([None] * n):,}"


def traced_bytes(start, stop):
    """Bytes tracemalloc sees for list(range(start, stop)), with separators."""
    gc.collect()
    tracemalloc.start()
    snapshot = tracemalloc.take_snapshot()
    numbers = list(range(start, stop))
    stats = tracemalloc.take_snapshot().compare_to(snapshot, "filename")
    tracemalloc.stop()
    del numbers
    here = [s for s in stats if s.traceback[0].filename == traced_bytes.__code__.co_filename]
    return f"{sum(s.size_diff for s in here):,}"


def traced_bytes_on_311(start, stop):
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    return traced_bytes(start, stop)


def traced_kb(start, stop):
    """The same in KB (1,000 bytes), rounded to a whole KB."""
    return str(round(int(traced_bytes(start, stop).replace(",", "")) / 1000))


def gc_threshold():
    return str(gc.get_threshold())


def gc_threshold_on_311():
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    return gc_threshold()


def is_literal_warning():
    """The start of the SyntaxWarning for `x is 1`, up to the period."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compile("x = 1\nx is 1\n", "<lesson>", "exec")
    return str(caught[0].message).split(".")[0]


def full_bytes_slice_is_same():
    data = bytes(range(10))
    return data[:] is data


def bytes_view_is_hashable():
    data = b"abc"
    return hash(memoryview(data)) == hash(data)


def is_literal_warning_on_311():
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    return is_literal_warning()


def mutable_types_are_unhashable():
    """Quiz q5: the mutable types have no hash, the immutable ones do."""
    mutable = (list, bytearray, dict)
    immutable = (tuple, str, frozenset, bytes)
    return (all(t.__hash__ is None for t in mutable)
            and all(t.__hash__ is not None for t in immutable))


def freed_at_refcount_zero():
    """Quiz q6: with the collector off, del frees an object at once."""
    import weakref

    class Box:
        pass

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        box = Box()
        watcher = weakref.ref(box)
        del box
        return watcher() is None
    finally:
        if was_enabled:
            gc.enable()


def getsizeof_ignores_items():
    """Quiz q10/q11: a list's size does not depend on what it points to."""
    return (sys.getsizeof([None] * 1000) == sys.getsizeof([10**100] * 1000)
            and sys.getsizeof(["x" * 500] * 10) == sys.getsizeof([""] * 10))
