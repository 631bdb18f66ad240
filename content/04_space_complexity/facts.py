"""Facts the space-complexity lesson states, computed where it is read.

Each function returns the exact text the prose shows (or, for check:
lines, a truth value). Sizes come from tracemalloc or sys.getsizeof in the
interpreter that runs this module, so 64-bit desktop CPython and Pyodide
(32-bit wasm) each check their own numbers.
"""

import gc
import struct
import sys
import tracemalloc
import weakref
from array import array

NUMBERS = 100_000          # how many numbers the storage comparison holds


def traced(build):
    """Bytes still allocated, by lines of this file, after build() returns.

    The result of build() is kept alive until the second snapshot, so the
    figure is what the object it returns costs, items included.
    """
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    kept = build()
    stats = tracemalloc.take_snapshot().compare_to(before, "filename")
    tracemalloc.stop()
    del kept
    here = traced.__code__.co_filename
    return sum(s.size_diff for s in stats if s.traceback[0].filename == here)


STORES = {
    # numbers from 10**6 up: none of them is a cached small int
    "list": lambda: list(range(10**6, 10**6 + NUMBERS)),
    "array_q": lambda: array("q", range(10**6, 10**6 + NUMBERS)),
    "array_i": lambda: array("i", range(10**6, 10**6 + NUMBERS)),
    "bytes": lambda: bytes(range(256)) * (NUMBERS // 256 + 1),
}


def bytes_per_number(kind):
    """Whole bytes per stored number, measured with tracemalloc."""
    size = NUMBERS // 256 * 256 + 256 if kind == "bytes" else NUMBERS
    return str(round(traced(STORES[kind]) / size))


def itemsize(code):
    """array(code).itemsize: the bytes one item takes in the array."""
    return str(array(code).itemsize)


def pointer_bytes():
    return str(struct.calcsize("P"))


def size(expr):
    """sys.getsizeof of a small expression, with thousands separators."""
    return f"{sys.getsizeof(eval(expr)):,}"


def array_read_is_new_int():
    """Reading a large value from an array builds a new int object each time."""
    numbers = array("q", [10**6])
    return numbers[0] == numbers[0] and numbers[0] is not numbers[0]


def array_rejects_out_of_range():
    """array('b') holds signed bytes: 200 raises OverflowError."""
    try:
        array("b", [200])
    except OverflowError:
        return True
    return False


def compare_to_biggest_first():
    """compare_to() sorts by the size of the change, biggest first, and a
    per-line statistic points at the line that allocated the memory."""
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    small = [str(i) for i in range(100)]                # noqa: F841
    line_small = sys._getframe().f_lineno - 1
    big = [str(i) for i in range(10_000)]               # noqa: F841
    line_big = sys._getframe().f_lineno - 1
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    here = compare_to_biggest_first.__code__.co_filename
    mine = [s for s in after.compare_to(before, "lineno") if s.traceback[0].filename == here]
    lines = [s.traceback[0].lineno for s in mine]
    return lines.index(line_big) < lines.index(line_small)


def statistics_count_blocks():
    """statistics('lineno') gives, per line, the blocks still allocated:
    one list plus one block for every new string."""
    tracemalloc.start()
    words = [f"w{i}" for i in range(1000)]               # noqa: F841
    line = sys._getframe().f_lineno - 1
    snapshot = tracemalloc.take_snapshot()
    tracemalloc.stop()
    here = statistics_count_blocks.__code__.co_filename
    for stat in snapshot.statistics("lineno"):
        frame = stat.traceback[0]
        if frame.filename == here and frame.lineno == line:
            return stat.count == 1001
    return False


class _Picture:
    def __init__(self):
        self.pixels = bytearray(1000)


def weak_values_let_go():
    """A dict cache keeps every value alive; a WeakValueDictionary keeps
    only those still used elsewhere, and gc.get_referrers finds the dict."""
    strong, weak = {}, weakref.WeakValueDictionary()
    for i in range(50):
        strong[i] = _Picture()
        weak[i] = _Picture()
    gc.collect()
    held = strong[7]
    found = any(r is strong for r in gc.get_referrers(held))
    return found and len(strong) == 50 and len(weak) == 0


def weakref_needs_support():
    """int, list and bytearray cannot be weakly referenced; an instance of
    a plain class can."""
    class Plain:
        pass

    for value in (10**6, [], bytearray(1)):
        try:
            weakref.ref(value)
        except TypeError:
            continue
        return False
    keep = Plain()
    return weakref.ref(keep)() is keep


def recursion_limit():
    return str(sys.getrecursionlimit())


def _depth_through_max(n):
    return 0 if n == 0 else 1 + max(_depth_through_max(n - 1) for _ in range(1))


def depth_through_max_on_311():
    """How deep recursion through max() and a generator gets on 3.11 before
    RecursionError, to the nearest hundred. Never run it in Pyodide: there
    this recursion is a fatal crash, not an exception."""
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    n = 50
    while True:
        try:
            _depth_through_max(n)
        except RecursionError:
            return str(round((n - 10) / 100) * 100)
        n += 10


def array_is_smaller_same_class():
    """Per number: list > array('q') > array('i') > bytes, and an array of
    twice the numbers takes about twice the bytes (still O(n))."""
    per = [int(bytes_per_number(k)) for k in ("list", "array_q", "array_i", "bytes")]
    small = traced(lambda: array("q", range(10**6, 10**6 + 50_000)))
    large = traced(lambda: array("q", range(10**6, 10**6 + 100_000)))
    return per == sorted(per, reverse=True) and len(set(per)) == 4 and 1.8 < large / small < 2.2


def list_capacities(count=10):
    """The first `count` capacities a list passes through as it grows by
    append, read from sys.getsizeof (one pointer per slot)."""
    items, seen = [], [0]
    empty = sys.getsizeof(items)
    while len(seen) < count:
        items.append(None)
        capacity = (sys.getsizeof(items) - empty) // struct.calcsize("P")
        if capacity != seen[-1]:
            seen.append(capacity)
    return ", ".join(map(str, seen))


def _down(n):
    return 0 if n == 0 else 1 + _down(n - 1)


def deep_recursion(depth):
    """Pure-Python recursion `depth` levels deep with the limit raised (and
    put back): returns the depth, with separators, when it works."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + 10_000)
    try:
        return f"{_down(depth):,}"
    finally:
        sys.setrecursionlimit(old)


def sort_buffer(n=10_000):
    """The most list.sort() borrows while it sorts n shuffled floats, as a
    share of n pointers ("n/2"), read as the tracemalloc peak; and that
    sorting data already in order borrows nothing."""
    import random

    rng = random.Random(3)
    data = [rng.random() for _ in range(n)]
    peaks = []
    for _ in range(2):                  # shuffled first, then already sorted
        tracemalloc.start()
        data.sort()
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    share = peaks[0] / (n * struct.calcsize("P"))
    if peaks[1] == 0 and 0.45 <= share <= 0.5:
        return "n/2"
    return f"{share:.2f} n, then {peaks[1]} bytes"


def small_int_range():
    """The ints CPython keeps one shared object for: equal values computed
    at run time are the same object inside the range, new objects outside."""
    def shared(v):
        return int(str(v)) is int(str(v))

    low, high = -5, 256
    if shared(low) and shared(high) and not shared(low - 1) and not shared(high + 1):
        return f"{low} to {high}"
    return "another range"


# ------------------------------------ what the prose's inline snippets give --

def overflow_error():
    """The exception `array("b", [200])` raises (a signed byte holds -128..127)."""
    try:
        array("b", [200])
    except Exception as exc:
        return type(exc).__name__
    return "no error"


def array_items_identical():
    """`a[0] is a[0]` for `a = array("q", [10**6])`: each read boxes anew."""
    a = array("q", [10**6])
    return str(a[0] is a[0])


def sort_returns():
    return str([2, 1].sort())
