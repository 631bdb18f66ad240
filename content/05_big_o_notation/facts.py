"""Facts the Big-O lesson and quiz state, computed where they are read.

Each function returns the exact text the prose shows (or, for a quiz
check:, a truth value). Sizes come from sys.getsizeof, so the same slot
reads 64-bit numbers on a laptop and 32-bit numbers in Pyodide.
"""

import math
import struct
import sys


# ------------------------------------------------------ counting terms --

def top_term_percent(n):
    """How much of 3n^2 + 100n + 500 the 3n^2 term is, in whole percent."""
    top = 3 * n * n
    return str(round(100 * top / (top + 100 * n + 500)))


def ratio_to_top(n):
    """(5n^2 + 40 n log2 n + 1000) / n^2 at n, to one decimal: quiz q3."""
    return f"{(5 * n * n + 40 * n * math.log2(n) + 1000) / (n * n):.1f}"


def log_base_ratio():
    """log2(n) / log10(n): the same for every n > 1."""
    return f"{math.log2(10):.2f}"


def log_ratio_is_constant():
    ratios = {round(math.log2(n) / math.log10(n), 9) for n in (10, 1000, 12345, 10**9)}
    return len(ratios) == 1


def log2_rounded(n):
    return str(round(math.log2(n)))


def halvings(n):
    """How many times n can be halved (rounding down) before it reaches 1."""
    count = 0
    while n > 1:
        n //= 2
        count += 1
    return str(count)


def digits(n):
    """How many decimal digits 2**n has."""
    return str(len(str(2 ** n)))


def with_commas(n):
    return f"{n:,}"


# -------------------------------------------------------------- lists --

def pointer_bytes():
    return str(struct.calcsize("P"))


def empty_list_bytes():
    return str(sys.getsizeof([]))


def list_capacities(count):
    """The first `count` capacities a real list passes through while it is
    appended to, read from sys.getsizeof."""
    lst, seen = [], []
    empty, word = sys.getsizeof([]), struct.calcsize("P")
    while len(seen) < count:
        capacity = (sys.getsizeof(lst) - empty) // word
        if not seen or capacity != seen[-1]:
            seen.append(capacity)
        lst.append(None)
    return ", ".join(map(str, seen))


def formula_capacities(count):
    """The same capacities from CPython's growth formula (3.9+)."""
    seen, capacity = [0], 0
    while len(seen) < count:
        newsize = capacity + 1
        capacity = (newsize + (newsize >> 3) + 6) & ~3
        seen.append(capacity)
    return ", ".join(map(str, seen))


def moves_per_append_bound(limit=10**7):
    """The most pointer moves per append, averaged over the first n appends,
    for any n up to limit, rounded up. Only the append just after a resize
    can set a new worst, so only those are looked at."""
    capacity, moved, worst = 0, 0, 0.0
    while capacity < limit:
        n = capacity + 1                  # this append finds the list full
        moved += capacity                 # and moves every item it holds
        worst = max(worst, moved / n)
        capacity = (n + (n >> 3) + 6) & ~3
    return str(math.ceil(worst))


def appends_are_amortized_constant():
    """Quiz q13: n appends move at most 9n pointers in all, for every n."""
    capacity, moved = 0, 0
    for n in range(1, 200_001):
        if n > capacity:
            moved += capacity
            capacity = (n + (n >> 3) + 6) & ~3
        if moved > 9 * n:
            return False
    return True


def list_bytes(n):
    return f"{sys.getsizeof(list(range(n))):,}"


def set_bytes(n):
    return f"{sys.getsizeof(set(range(n))):,}"


# ------------------------------------------------ costs of operations --

class _Counted:
    """A key that counts how often == is asked of it; every key has one hash."""

    compares = 0

    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return 42

    def __eq__(self, other):
        _Counted.compares += 1
        return self.value == other.value


def same_hash_compares(n):
    """== calls while n keys that all hash alike go into a dict."""
    _Counted.compares = 0
    table = {}
    for i in range(n):
        table[_Counted(i)] = i
    return _Counted.compares


def same_hash_is_quadratic():
    """Quiz q12: with one hash for every key, each new key is compared with
    every earlier one: at least n(n-1)/2 comparisons, and four times n
    gives about sixteen times the comparisons."""
    counts = {n: same_hash_compares(n) for n in (100, 400)}
    return (all(c >= n * (n - 1) // 2 for n, c in counts.items())
            and 14 < counts[400] / counts[100] < 18)


class _Ordered:
    compares = 0

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        _Ordered.compares += 1
        return self.value < other.value


def sort_compares(values):
    _Ordered.compares = 0
    sorted(_Ordered(v) for v in values)
    return _Ordered.compares


def _ordered_input(order, n):
    """n distinct ints: "ascending", "descending" or "shuffled" (one fixed
    shuffle, the same in every interpreter)."""
    import random

    values = list(range(n))
    if order == "descending":
        values.reverse()
    elif order == "shuffled":
        random.Random(f"shuffle:{n}").shuffle(values)
    return values


def sorted_compares(order, n=1000):
    """How many comparisons sorted() makes on n items in this order: Timsort
    first walks the input looking for runs, so data in order (or strictly
    descending, which it reverses in place) is one run found with n - 1
    comparisons, and nothing is left to merge."""
    return f"{sort_compares(_ordered_input(order, n)):,}"


def shuffled_times_sorted(n=1000):
    """Comparisons on shuffled input over those on sorted input, rounded to a
    whole number (about log2(n) - 1.4: nearly n log2 n against n)."""
    ratio = sort_compares(_ordered_input("shuffled", n)) / sort_compares(_ordered_input("ascending", n))
    return str(round(ratio))


def scan_beats_preparation(n=1000):
    """Quiz q14: one miss scans n items; sorting shuffled data first makes
    more comparisons than that before any search starts."""
    import random

    values = list(range(n))
    random.Random(5).shuffle(values)
    scan = sum(1 for _ in values)          # a miss compares with every item
    return sort_compares(values) > scan


# ------------------------------------------- timing shapes (ratios only) --
# Timings are read as ratios of the fastest of several interleaved runs; the thresholds are generous, and a
# check that misses its band is measured again (at most three times) before
# it gives the measured figure instead of the prose's text.

def _fastest(calls, repeats):
    """The fastest time of each zero-argument call, run in turn `repeats`
    times. On desktop CPython the clock is this thread's CPU time, which
    other programs holding the CPU do not inflate; Pyodide has no such
    clock (its process_time is wall time), so there it is perf_counter."""
    import time

    clock = time.perf_counter if sys.platform == "emscripten" else time.thread_time
    best = [float("inf")] * len(calls)
    for _ in range(repeats):
        for i, call in enumerate(calls):
            start = clock()
            call()
            best[i] = min(best[i], clock() - start)
    return best


def _grow_local(n):
    s = ""
    for _ in range(n):
        s += "x"
    return s


# The loop as the page's editor runs a cell: top-level code, exec'd in a fresh
# namespace, so `s` is a global name there.
_CELL = compile('s = ""\nfor _ in range(n):\n    s += "x"\n', "<cell>", "exec")


def _grow_top_level(n):
    exec(_CELL, {"n": n})


def _grow_global(n):
    global _text                          # a function that grows a global name
    _text = ""
    while len(_text) < n:
        _text += "x"


def string_growth(scope):
    """Time of n = 100,000 over n = 25,000 for `s += "x"` n times, with s a
    local of a function ("local"), a name at the top level of a cell
    ("top level") or a global name in a function ("global"). Local:
    "about 4" (linear, 2.5-6.5); the others: "more than 8" (quadratic)."""
    grow = {"local": _grow_local, "top level": _grow_top_level, "global": _grow_global}[scope]
    for _ in range(3):
        grow(100_000)                     # warm up: the memory is there already
        small, large = _fastest([lambda: grow(25_000), lambda: grow(100_000)], 5)
        ratio = large / small
        if scope == "local" and 2.5 <= ratio <= 6.5:
            return "about 4"
        if scope != "local" and ratio > 8:
            return "more than 8"
    return f"{ratio:.1f}"


def _insertion_sort(items):
    """Insertion sort, O(n^2): each new item walks left past the larger ones."""
    out = []
    for x in items:
        j = len(out)
        out.append(x)
        while j and out[j - 1] > x:
            out[j] = out[j - 1]
            j -= 1
        out[j] = x
    return out


def _merge_sort(items):
    """Bottom-up merge sort, O(n log n): merge neighbouring runs, 1, 2, 4, ..."""
    runs = [[x] for x in items]
    while len(runs) > 1:
        paired = []
        for k in range(0, len(runs) - 1, 2):
            a, b = runs[k], runs[k + 1]
            merged, i, j = [], 0, 0
            for _ in range(len(a) + len(b)):
                if j == len(b) or (i < len(a) and a[i] <= b[j]):
                    merged.append(a[i])
                    i += 1
                else:
                    merged.append(b[j])
                    j += 1
            paired.append(merged)
        if len(runs) % 2:
            paired.append(runs[-1])
        runs = paired
    return runs[0] if runs else []


def insertion_vs_merge(n):
    """Is pure-Python insertion sort "faster" or "slower" than merge sort on
    n random floats? Said only when one side takes at most 2/3 of the
    other's time; "close" otherwise."""
    import random

    rng = random.Random(f"sort:{n}")
    data = [rng.random() for _ in range(n)]
    assert _insertion_sort(data) == _merge_sort(data) == sorted(data)
    repeats = max(5, 4000 // n)
    for _ in range(3):
        ins, mer = _fastest([lambda: _insertion_sort(data), lambda: _merge_sort(data)], repeats)
        if ins <= mer * 2 / 3:
            return "faster"
        if mer <= ins * 2 / 3:
            return "slower"
    return "close"


# ------------------------------------------------------ dict fullness --

def dict_fill_limit():
    """The share of its table a dict fills before it grows: a dict's size
    (sys.getsizeof) changes when it gets its 6th, 11th, 22nd, ... key, one
    more than 2/3 of a table of 8, 16, 32, ... slots."""
    d, last, grew_at = {}, sys.getsizeof({}), []
    for i in range(300):
        d[i] = i
        if sys.getsizeof(d) != last:
            last = sys.getsizeof(d)
            if len(d) > 1:                # the first key allocates the table
                grew_at.append(len(d))
    usable = [2 * 2 ** k // 3 + 1 for k in range(3, 3 + len(grew_at))]
    return "2/3" if grew_at and grew_at == usable else f"grew at {grew_at}"
