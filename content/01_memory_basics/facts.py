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


def dict_size(n):
    """sys.getsizeof of a dict filled one key at a time with n keys."""
    d = {}
    for i in range(n):
        d[i] = None
    return str(sys.getsizeof(d))


def dict_literal_size():
    """sys.getsizeof of the literal {"x": 1, "y": 2} (sized for two keys)."""
    return str(sys.getsizeof({"x": 1, "y": 2}))


def _point_class():
    class Point:
        def __init__(self):
            self.x = None
            self.y = None
    return Point


def instance_dict_size(count):
    """getsizeof(p.__dict__) for the last of `count` instances of a fresh
    class: it counts a share of the class's key table that shrinks as the
    class makes more instances."""
    point = _point_class()
    made = [point() for _ in range(count)]
    return str(sys.getsizeof(made[-1].__dict__))


def _traced_per_object(make, n=1000):
    """Average bytes tracemalloc sees per make(i), the list holding them left out."""
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    made = [make(i) for i in range(n)]
    total = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    return (total - sys.getsizeof(made)) / n


def per_object(kind):
    """Whole bytes tracemalloc sees per object with two attributes (or keys)
    set to None, over a thousand of them."""
    point = _point_class()

    class Slotted:
        __slots__ = ("x", "y")

        def __init__(self):
            self.x = None
            self.y = None

    make = {"instance": lambda i: point(),
            "slotted": lambda i: Slotted(),
            "dict": lambda i: {"x": None, "y": None}}[kind]
    return str(round(_traced_per_object(make)))


def materialise_bytes():
    """Bytes per instance that asking for p.__dict__ allocates the first time."""
    point = _point_class()
    points = [point() for _ in range(1000)]
    return str(round(_traced_per_object(lambda i: points[i].__dict__)))


def instance_dict_shrinks():
    """Quiz: getsizeof of an instance __dict__ depends on how many
    instances came before, and is smaller than a plain dict's after many."""
    return (int(instance_dict_size(1)) > int(instance_dict_size(100))
            and int(instance_dict_size(100)) < int(dict_literal_size()))


def dicts_keep_insertion_order():
    d = {}
    for key in ("b", "a", "c"):
        d[key] = None
    del d["a"]
    d["a"] = None
    return list(d) == ["b", "c", "a"]


def header_bytes():
    """The header every object starts with: a bare object() is nothing else."""
    return str(sys.getsizeof(object()))


def gc_header_bytes():
    """The collector's hidden header: what getsizeof adds to __sizeof__."""
    return str(sys.getsizeof([]) - [].__sizeof__())


def int_size(value):
    return str(sys.getsizeof(value))


def uncached_below(stop):
    """How many of 0..stop-1 are not the shared small-int object."""
    return str(sum(1 for i in range(stop) if int(str(i)) is not int(str(i))))


def small_int_range():
    """The cached small ints, as "LOW to HIGH": the run of values around 0
    for which two separately computed ints are one object."""
    def cached(i):
        return int(str(i)) is int(str(i))
    low, high = 0, 0
    while cached(low - 1):
        low -= 1
    while cached(high + 1):
        high += 1
    return f"{low} to {high}"


def traced_per_int():
    """Whole bytes tracemalloc sees per int in list(range(1000, 2000)),
    none of them cached: the list's own bytes taken out."""
    total = int(traced_bytes(1000, 2000).replace(",", ""))
    return str(round((total - sys.getsizeof(list(range(1000, 2000)))) / 1000))


def param_refcount():
    """sys.getrefcount of a function's parameter, for a list that has one
    other name (3.14 borrows references that 3.11 counts)."""
    def look(x):
        return sys.getrefcount(x)
    box = [None]
    return str(look(box))


def param_refcount_on_311():
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    return param_refcount()


def item_bytes(code):
    """array(code).itemsize: bytes per unboxed number."""
    from array import array
    return str(array(code).itemsize)


def name_refcount():
    """sys.getrefcount of a list that has one name: 3.11 adds its own
    argument, 3.14 borrows that reference."""
    box = [None]
    return str(sys.getrefcount(box))


def name_refcount_on_311():
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    return name_refcount()


# ------------------------------------ what the prose's inline snippets give --

def ids_of_temporaries_match():
    """`id([]) == id([])`: the first list is freed before the second is made."""
    return str(id([]) == id([]))


def tracked(kind):
    """gc.is_tracked of an int ("int") or of an empty list ("list")."""
    return str(gc.is_tracked({"int": 42, "list": []}[kind]))


def same_int_object(text):
    """`int(text) is int(text)`: two ints computed apart, one object or two."""
    return str(int(text) is int(text))


def constants_shared(how):
    """`a = 1000; b = 1000; a is b` compiled as one piece of code ("script")
    or as two separate lines, the way a REPL compiles them ("repl")."""
    namespace = {}
    lines = ["a = 1000; b = 1000"] if how == "script" else ["a = 1000", "b = 1000"]
    for line in lines:
        exec(compile(line, "<" + how + ">", "exec"), namespace)
    return str(namespace["a"] is namespace["b"])


def _append_under_view():
    data = bytearray(b"ab")
    with memoryview(data):
        data.append(0)


ERRORS = {
    "hash-tuple-with-list": lambda: hash((1, [2])),
    "hash-bytearray-view": lambda: hash(memoryview(bytearray(b"ab"))),
    "resize-under-view": _append_under_view,
}


def error_of(case):
    """The exception one of ERRORS raises, by class name ("no error" if none)."""
    try:
        ERRORS[case]()
    except Exception as exc:
        return type(exc).__name__
    return "no error"
