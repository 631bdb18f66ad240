#!/usr/bin/env python3
"""measure_python.py -- real timing measurements of Python functions whose
complexity class is known, written as fixtures for `coursecore fit`.

    python3 tools/bench/real/measure_python.py [--out DIR] [--only SUBSTR] [--list]

Every fixture is one function measured one way:

  tests/fit_real/<class>__<function>__<variant>.csv   header `n,seconds`

with one row per reading (seconds per call), in the order the readings were
taken. Standard library only. The ways of measuring imitate what people do:

  seq    sizes one after another, each size's repeats back to back; the loop
         count per reading is autoranged (timeit-style: 1, 2, 5, 10, ... calls
         until a batch lasts >= 2 ms; the calibration calls are the warm-up);
         gc disabled during the timed batches, as timeit does.
  rr     round-robin: every size is set up first, calibrated once, then each
         repeat visits all sizes in turn (so rows cycle through n); gc off.
  desc   as seq, but the largest size first.
  tiny   one call per reading (number = 1), no warm-up, gc off: timer
         resolution, perf_counter's own cost and call overhead are in the data.
  gc     as seq, but with the garbage collector left enabled, so collections
         triggered by the function's own allocations land inside readings.

The variant name also says the size range: narrow (~4-8x), typ (1-2
decades), wide (~3 decades). Sizes are geometrically spaced and rounded to
whole numbers (for O(2^n), where n only spans ~10..27, that is close to
arithmetic spacing). Randomness is seeded per fixture from its name.
"""

import argparse
import bisect
import gc
import heapq
import itertools
import math
import os
import random
import string
import sys
import time
import zlib

perf_counter = time.perf_counter
TARGET_BATCH_S = 0.002   # autorange: a batch lasts at least this long

# --------------------------------------------------------------------------
# The functions. Each benchmark is setup(n, rng) -> state, run(state).
# setup is never timed; run is the one call a reading times.
# --------------------------------------------------------------------------

BENCH = {}


def bench(name, cls):
    def deco(fn):
        setup, run = fn()
        BENCH[name] = (cls, setup, run)
        return fn
    return deco


def rand_ints(n, rng, hi=10**9):
    return [rng.randrange(hi) for _ in range(n)]


def rand_strs(n, rng, length=8):
    letters = string.ascii_lowercase
    return ["".join(rng.choice(letters) for _ in range(length)) for _ in range(n)]


# ---- O(1) ----------------------------------------------------------------

@bench("dict_get", "o1")
def _():
    def setup(n, rng):
        d = {k: k for k in rand_ints(n, rng)}
        key = next(iter(d))          # a key that is present
        return d, key
    def run(s):
        d, key = s
        return d[key]
    return setup, run


@bench("set_contains", "o1")
def _():
    def setup(n, rng):
        s = set(range(n))
        return s, rng.randrange(n)
    def run(s):
        return s[1] in s[0]
    return setup, run


@bench("list_index", "o1")
def _():
    def setup(n, rng):
        return list(range(n)), (2 * n) // 3
    def run(s):
        return s[0][s[1]]
    return setup, run


@bench("len_list", "o1")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    def run(lst):
        return len(lst)
    return setup, run


@bench("append_pop", "o1")
def _():
    def setup(n, rng):
        return list(range(n))
    def run(lst):
        lst.append(0)
        lst.pop()
    return setup, run


# ---- O(log n) --------------------------------------------------------------

def _sorted_and_keys(n, rng):
    lst = list(range(0, 2 * n, 2))
    keys = [rng.randrange(2 * n) for _ in range(1024)]
    return lst, itertools.cycle(keys)


@bench("bisect", "logn")
def _():
    def run(s):
        return bisect.bisect_left(s[0], next(s[1]))
    return _sorted_and_keys, run


def py_binary_search(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


@bench("py_binary_search", "logn")
def _():
    def run(s):
        return py_binary_search(s[0], next(s[1]))
    return _sorted_and_keys, run


@bench("halving_loop", "logn")
def _():
    def setup(n, rng):
        return n
    def run(n):
        steps = 0
        while n:
            n >>= 1
            steps += 1
        return steps
    return setup, run


@bench("heap_pushpop", "logn")
def _():
    # push a new minimum (sifts all the way up: log2 n levels), then pop it
    # (CPython's heappop sifts the last item all the way down to a leaf):
    # the heap is back to size n after every call.
    def setup(n, rng):
        h = rand_ints(n, rng)
        heapq.heapify(h)
        return h
    def run(h):
        heapq.heappush(h, -1)
        return heapq.heappop(h)
    return setup, run


def pow_by_squaring(base, exp, mod):
    result = 1
    while exp:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


@bench("pow_by_squaring", "logn")
def _():
    def setup(n, rng):
        return n
    def run(n):
        return pow_by_squaring(3, n, 1000003)
    return setup, run


# ---- O(n) ------------------------------------------------------------------

@bench("sum_list", "n")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    return setup, sum


@bench("in_list_absent", "n")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    def run(lst):
        return -1 in lst
    return setup, run


@bench("list_copy", "n")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    def run(lst):
        return lst[:]
    return setup, run


@bench("max_list", "n")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    return setup, max


@bench("str_join", "n")
def _():
    def setup(n, rng):
        return rand_strs(n, rng, 6)
    def run(parts):
        return "".join(parts)
    return setup, run


@bench("py_for_loop", "n")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    def run(lst):
        total = 0
        for x in lst:
            total += x
        return total
    return setup, run


# ---- O(n log n) ------------------------------------------------------------

@bench("sorted_ints", "nlogn")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    return setup, sorted


@bench("sorted_strs", "nlogn")
def _():
    def setup(n, rng):
        return rand_strs(n, rng, 8)
    return setup, sorted


@bench("sorted_key", "nlogn")
def _():
    def setup(n, rng):
        return [rng.random() for _ in range(n)]
    def run(lst):
        return sorted(lst, key=lambda x: -x)
    return setup, run


@bench("heapsort", "nlogn")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    def run(lst):
        h = lst[:]
        heapq.heapify(h)
        pop = heapq.heappop
        return [pop(h) for _ in range(len(h))]
    return setup, run


def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left, right = merge_sort(a[:mid]), merge_sort(a[mid:])
    out, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


@bench("merge_sort", "nlogn")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    return setup, merge_sort


# ---- O(n^2) ----------------------------------------------------------------

@bench("nested_pairs", "n2")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)     # all positive: no pair sums to 0
    def run(a):
        count = 0
        n = len(a)
        for i in range(n):
            ai = a[i]
            for j in range(i + 1, n):
                if ai + a[j] == 0:
                    count += 1
        return count
    return setup, run


@bench("insertion_sort_reversed", "n2")
def _():
    def setup(n, rng):
        return list(range(n, 0, -1))
    def run(src):
        a = src[:]
        for i in range(1, len(a)):
            x = a[i]
            j = i - 1
            while j >= 0 and a[j] > x:
                a[j + 1] = a[j]
                j -= 1
            a[j + 1] = x
        return a
    return setup, run


@bench("front_insert", "n2")
def _():
    def setup(n, rng):
        return n
    def run(n):
        lst = []
        for i in range(n):
            lst.insert(0, i)
        return lst
    return setup, run


@bench("dup_nested_scan", "n2")
def _():
    def setup(n, rng):
        return rng.sample(range(10 * n), n)   # distinct: the worst case
    def run(a):
        dups = 0
        for i in range(len(a)):
            x = a[i]
            for j in range(i):
                if a[j] == x:
                    dups += 1
                    break
        return dups
    return setup, run


@bench("selection_sort", "n2")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    def run(src):
        a = src[:]
        n = len(a)
        for i in range(n):
            m = i
            for j in range(i + 1, n):
                if a[j] < a[m]:
                    m = j
            a[i], a[m] = a[m], a[i]
        return a
    return setup, run


@bench("count_each", "n2")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)
    def run(lst):
        return sum(lst.count(x) for x in lst)
    return setup, run


# ---- O(n^3) ----------------------------------------------------------------

@bench("triple_loop", "n3")
def _():
    def setup(n, rng):
        return n
    def run(n):
        c = 0
        for i in range(n):
            for j in range(n):
                for k in range(n):
                    c += 1
        return c
    return setup, run


def _two_matrices(n, rng):
    a = [[rng.random() for _ in range(n)] for _ in range(n)]
    b = [[rng.random() for _ in range(n)] for _ in range(n)]
    return a, b


@bench("matmul_naive", "n3")
def _():
    def run(s):
        a, b = s
        n = len(a)
        c = [[0.0] * n for _ in range(n)]
        for i in range(n):
            ai, ci = a[i], c[i]
            for j in range(n):
                acc = 0.0
                for k in range(n):
                    acc += ai[k] * b[k][j]
                ci[j] = acc
        return c
    return _two_matrices, run


@bench("matmul_zip", "n3")
def _():
    def run(s):
        a, b = s
        bt = list(zip(*b))
        return [[sum(x * y for x, y in zip(row, col)) for col in bt] for row in a]
    return _two_matrices, run


@bench("floyd_warshall", "n3")
def _():
    def setup(n, rng):
        inf = float("inf")
        d = [[inf] * n for _ in range(n)]
        for i in range(n):
            d[i][i] = 0
            for j in range(n):
                if i != j and rng.random() < 0.3:
                    d[i][j] = rng.randint(1, 100)
        return d
    def run(src):
        d = [row[:] for row in src]
        n = len(d)
        for k in range(n):
            dk = d[k]
            for i in range(n):
                di = d[i]
                dik = di[k]
                for j in range(n):
                    if dik + dk[j] < di[j]:
                        di[j] = dik + dk[j]
        return d
    return setup, run


@bench("three_sum_brute", "n3")
def _():
    def setup(n, rng):
        return rand_ints(n, rng)     # all positive: no triple sums to 0
    def run(a):
        n = len(a)
        found = 0
        for i in range(n):
            for j in range(i + 1, n):
                s = a[i] + a[j]
                for k in range(j + 1, n):
                    if s + a[k] == 0:
                        found += 1
        return found
    return setup, run


# ---- O(2^n) ----------------------------------------------------------------

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@bench("fib_naive", "2n")
def _():
    def setup(n, rng):
        return n
    return setup, fib


@bench("subsets_recursive", "2n")
def _():
    def setup(n, rng):
        return list(range(n))
    def run(items):
        chosen = []
        count = 0
        def rec(i):
            nonlocal count
            if i == len(items):
                count += 1
                return
            rec(i + 1)
            chosen.append(items[i])
            rec(i + 1)
            chosen.pop()
        rec(0)
        return count
    return setup, run


@bench("subset_sum_brute", "2n")
def _():
    def setup(n, rng):
        items = [rng.randint(1, 1000) for _ in range(n)]
        return items, sum(items) + 1          # unreachable: every subset is tried
    def run(s):
        items, target = s
        n = len(items)
        def rec(i, total):
            if i == n:
                return total == target
            return rec(i + 1, total) or rec(i + 1, total + items[i])
        return rec(0, 0)
    return setup, run


@bench("hanoi", "2n")
def _():
    def setup(n, rng):
        return n
    def run(n):
        moves = []
        def move(k, a, b, c):
            if k == 0:
                return
            move(k - 1, a, c, b)
            moves.append((a, c))
            move(k - 1, b, a, c)
        move(n, 0, 1, 2)
        return len(moves)
    return setup, run


# --------------------------------------------------------------------------
# The fixtures: (function, variant, way, n_min, n_max, points, repeats)
# --------------------------------------------------------------------------

FIXTURES = [
    # O(1)
    ("dict_get",        "seq-wide",    "seq",  1000, 1000000, 8, 5),
    ("dict_get",        "tiny-narrow", "tiny", 10000, 80000, 6, 5),
    ("set_contains",    "rr-typ",      "rr",   1000, 100000, 7, 5),
    ("set_contains",    "seq-narrow",  "seq",  2000, 16000, 6, 3),
    ("list_index",      "tiny-wide",   "tiny", 100, 100000, 8, 7),
    ("len_list",        "tiny-typ",    "tiny", 100, 10000, 7, 5),
    ("append_pop",      "gc-typ",      "gc",   1000, 100000, 8, 5),
    ("append_pop",      "desc-wide",   "desc", 1000, 1000000, 7, 3),
    # O(log n)
    ("bisect",          "seq-wide",    "seq",  1000, 1000000, 8, 5),
    ("bisect",          "tiny-typ",    "tiny", 1000, 100000, 8, 7),
    ("py_binary_search", "rr-wide",    "rr",   100, 100000, 8, 5),
    ("py_binary_search", "seq-narrow", "seq",  10000, 80000, 6, 5),
    ("halving_loop",    "seq-wide",    "seq",  1000, 1000000, 8, 5),
    ("halving_loop",    "tiny-typ",    "tiny", 100, 10000, 7, 5),
    ("heap_pushpop",    "seq-typ",     "seq",  1000, 100000, 8, 5),
    ("pow_by_squaring", "rr-typ",      "rr",   1000, 1000000, 8, 3),
    # O(n)
    ("sum_list",        "seq-wide",    "seq",  1000, 1000000, 8, 5),
    ("sum_list",        "tiny-narrow", "tiny", 2000, 16000, 6, 5),
    ("in_list_absent",  "rr-typ",      "rr",   1000, 100000, 8, 5),
    ("list_copy",       "gc-wide",     "gc",   1000, 1000000, 8, 5),
    ("max_list",        "seq-typ",     "seq",  1000, 100000, 7, 3),
    ("str_join",        "seq-typ",     "seq",  1000, 100000, 8, 5),
    ("py_for_loop",     "tiny-typ",    "tiny", 100, 10000, 8, 5),
    ("py_for_loop",     "rr-narrow",   "rr",   10000, 60000, 6, 5),
    # O(n log n)
    ("sorted_ints",     "seq-wide",    "seq",  100, 100000, 8, 5),
    ("sorted_ints",     "rr-typ",      "rr",   1000, 100000, 7, 5),
    ("sorted_strs",     "gc-typ",      "gc",   1000, 50000, 7, 3),
    ("sorted_key",      "seq-narrow",  "seq",  5000, 40000, 6, 5),
    ("heapsort",        "seq-typ",     "seq",  1000, 100000, 8, 3),
    ("heapsort",        "desc-typ",    "desc", 500, 20000, 7, 3),
    ("merge_sort",      "gc-wide",     "gc",   32, 32768, 8, 3),
    ("merge_sort",      "tiny-narrow", "tiny", 2000, 12000, 6, 5),
    # O(n^2)
    ("nested_pairs",    "seq-typ",     "seq",  50, 3000, 8, 3),
    ("nested_pairs",    "tiny-narrow", "tiny", 300, 1500, 6, 5),
    ("insertion_sort_reversed", "rr-typ", "rr", 30, 1500, 8, 3),
    ("front_insert",    "seq-wide",    "seq",  30, 30000, 9, 3),
    ("front_insert",    "gc-typ",      "gc",   300, 20000, 7, 3),
    ("dup_nested_scan", "seq-typ",     "seq",  100, 2000, 7, 3),
    ("selection_sort",  "tiny-typ",    "tiny", 50, 1500, 7, 3),
    ("count_each",      "rr-narrow",   "rr",   500, 3000, 6, 5),
    # O(n^3)
    ("triple_loop",     "seq-typ",     "seq",  8, 160, 8, 3),
    ("matmul_naive",    "seq-typ",     "seq",  10, 120, 8, 3),
    ("matmul_naive",    "gc-narrow",   "gc",   20, 100, 6, 3),
    ("matmul_zip",      "rr-typ",      "rr",   8, 128, 7, 3),
    ("floyd_warshall",  "tiny-typ",    "tiny", 10, 100, 7, 3),
    ("three_sum_brute", "seq-narrow",  "seq",  30, 180, 6, 3),
    # O(2^n)
    ("fib_naive",       "seq",         "seq",  12, 30, 8, 3),
    ("fib_naive",       "tiny",        "tiny", 8, 24, 8, 5),
    ("subsets_recursive", "rr",        "rr",   8, 20, 7, 3),
    ("subset_sum_brute", "seq",        "seq",  10, 22, 8, 3),
    ("hanoi",           "gc",          "gc",   10, 20, 8, 3),
    ("hanoi",           "desc-narrow", "desc", 14, 18, 5, 5),
]


def geometric_sizes(lo, hi, points):
    sizes = []
    for i in range(points):
        v = int(round(lo * (hi / lo) ** (i / (points - 1))))
        if not sizes or v > sizes[-1]:
            sizes.append(v)
    return sizes


def time_batch(run, state, number):
    it = itertools.repeat(None, number)
    t0 = perf_counter()
    for _ in it:
        run(state)
    return perf_counter() - t0


def autorange(run, state):
    """timeit.Timer.autorange's 1-2-5 sequence, with a 2 ms target."""
    i = 1
    while True:
        for j in (1, 2, 5):
            number = i * j
            if time_batch(run, state, number) >= TARGET_BATCH_S:
                return number
        i *= 10


def measure(name, way, sizes, repeats, rng):
    cls, setup, run = BENCH[name]
    rows = []
    gc.collect()
    gc_on = way == "gc"

    def reading(state, number):
        if gc_on:
            gc.enable()
        else:
            gc.disable()
        try:
            t = time_batch(run, state, number)
        finally:
            gc.enable()
        return t / number

    if way == "rr":
        states = [setup(n, rng) for n in sizes]
        numbers = [autorange(run, s) for s in states]
        for _ in range(repeats):
            for n, s, num in zip(sizes, states, numbers):
                rows.append((n, reading(s, num)))
    else:
        order = sizes[::-1] if way == "desc" else sizes
        for n in order:
            state = setup(n, rng)
            number = 1 if way == "tiny" else autorange(run, state)
            for _ in range(repeats):
                rows.append((n, reading(state, number)))
            del state
    return cls, rows


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "..", "..", "tests", "fit_real"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=default_out)
    ap.add_argument("--only", default=None, help="only fixtures whose file name contains this")
    ap.add_argument("--list", action="store_true", help="list the fixtures and exit")
    args = ap.parse_args()

    os.makedirs(args.out, exist_ok=True)
    t_all = perf_counter()
    for name, variant, way, lo, hi, points, repeats in FIXTURES:
        cls = BENCH[name][0]
        fname = "%s__%s__%s.csv" % (cls, name, variant)
        if args.only and args.only not in fname:
            continue
        sizes = geometric_sizes(lo, hi, points)
        if args.list:
            print(fname, way, sizes, "x%d" % repeats)
            continue
        rng = random.Random(zlib.crc32(fname.encode()))
        t0 = perf_counter()
        cls, rows = measure(name, way, sizes, repeats, rng)
        with open(os.path.join(args.out, fname), "w") as f:
            f.write("n,seconds\n")
            for n, s in rows:
                f.write("%d,%.9g\n" % (n, s))
        print("%-52s %3d rows  %6.2fs" % (fname, len(rows), perf_counter() - t0), flush=True)
    if not args.list:
        print("total %.1fs (python %s)" % (perf_counter() - t_all, sys.version.split()[0]))


if __name__ == "__main__":
    main()
