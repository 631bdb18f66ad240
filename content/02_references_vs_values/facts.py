"""Facts the references-vs-values lesson states, computed where it is read.

Each function returns the exact text the prose shows. Sizes come from
sys.getsizeof in the interpreter that runs this module, so 64-bit desktop
CPython and Pyodide (32-bit wasm) each check their own numbers; the one
timing is a ratio of two copies timed side by side, never a time.
"""

import copy
import gc
import struct
import sys
import timeit


def pointer_bytes():
    return str(struct.calcsize("P"))


def row_bytes(m):
    """getsizeof of a list of m references, with thousands separators."""
    return f"{sys.getsizeof([0] * m):,}"


def list_header_bytes():
    return str(sys.getsizeof([]))


def grid_rows_mb(n):
    """Megabytes (10**6 bytes) for n independent rows of n zeros."""
    return str(round(n * sys.getsizeof([0] * n) / 10**6))


def shared_grid_kb(n):
    """KB for one row of n zeros plus an outer list of n pointers to it."""
    row = [0] * n
    return str(round((sys.getsizeof(row) + sys.getsizeof([row] * n)) / 1000))


def small_int_range():
    """The shared small ints, as "LOW to HIGH": the values that two
    separate computations return as one object, in one unbroken run."""
    shared = [i for i in range(-50, 1000) if int(str(i)) is int(str(i))]
    if shared != list(range(shared[0], shared[-1] + 1)):
        return "not one run"
    return f"{shared[0]} to {shared[-1]}"


def recursion_limit():
    return f"{sys.getrecursionlimit():,}"


def _nested(depth):
    value = []
    for _ in range(depth):
        value = [value]
    return value


def deepcopy_max_depth():
    """The deepest nesting copy.deepcopy copies here, by bisection."""
    low, high = 1, sys.getrecursionlimit()       # low works, high fails
    while high - low > 1:
        mid = (low + high) // 2
        try:
            copy.deepcopy(_nested(mid))
            low = mid
        except RecursionError:
            high = mid
    return low


def deepcopy_depth_hundreds():
    """That depth, rounded up to whole hundreds ("500" for 497): the exact
    figure moves with how deep the caller already is."""
    return str(-(-deepcopy_max_depth() // 100) * 100)


def deepcopy_depth_within_half_limit():
    """Two Python calls per level: the depth stays under half the limit."""
    return deepcopy_max_depth() < sys.getrecursionlimit() // 2


def _best(fn):
    """The fastest of five single runs: load only ever adds time."""
    return min(timeit.repeat(fn, number=1, repeat=5))


def deepcopy_factor_words():
    """copy.deepcopy of a 300 x 100 grid against [r[:] for r in grid],
    in words: "more than 20 times" when it is (load slows both alike)."""
    grid = [[0] * 100 for _ in range(300)]
    rows = _best(lambda: [r[:] for r in grid])
    deep = _best(lambda: copy.deepcopy(grid))
    ratio = deep / rows
    return "more than 20 times" if ratio > 20 else f"only {ratio:.0f} times"


def cycle_collected():
    """What gc.collect() reports for two lists that refer to each other
    once their names are gone: reference counting alone frees neither."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()                       # clear what came before
        a, b = [], []
        a.append(b)
        b.append(a)
        del a, b
        return str(gc.collect())
    finally:
        if was_enabled:
            gc.enable()


# ------------------------------------ what the prose's inline snippets give --

def tuple_copies_are_itself():
    """`copy.copy(t) is t` and `t[:] is t` for a tuple, as one truth value."""
    t = (1, [2], "three")
    return str(copy.copy(t) is t and t[:] is t)


def late_binding_results():
    """What each of `[lambda: i for i in range(3)]` returns, as a set's text."""
    late = [lambda: i for i in range(3)]
    results = {f() for f in late}
    return str(results.pop()) if len(results) == 1 else str(sorted(results))


def deepcopy_keeps_atomic_tuple():
    """`copy.deepcopy((1, "two"))` is the tuple itself."""
    t = (1, "two")
    return str(copy.deepcopy(t) is t)


def _deepcopy_lock():
    import threading

    copy.deepcopy(threading.Lock())


def _assign_through_proxy():
    import types

    types.MappingProxyType({"a": 1})["a"] = 2


ERRORS = {"deepcopy-lock": _deepcopy_lock, "assign-through-proxy": _assign_through_proxy}


def error_of(case):
    """The exception one of ERRORS raises, by class name ("no error" if none)."""
    try:
        ERRORS[case]()
    except Exception as exc:
        return type(exc).__name__
    return "no error"


def sort_method_returns():
    return str([3, 1, 2].sort())
