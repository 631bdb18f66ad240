"""Examples for topic 04: Space complexity.

Run the whole file with `python3 examples.py`, or run any cell on its own.
Byte counts printed here depend on the Python build: the numbers in the
comments are for 64-bit CPython 3.11; the in-browser Python (32-bit) shows
smaller ones, but the growth patterns are the same.
"""

# %% example: Measuring extra memory with tracemalloc
import tracemalloc


def extra_bytes(func, *args):
    """Peak memory allocated while func(*args) runs, beyond what existed before."""
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    func(*args)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak - before


def largest(values):          # O(1) auxiliary space
    best = values[0]
    for v in values:
        if v > best:
            best = v
    return best


def median(values):           # O(n) auxiliary space: sorted() builds a new list
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


print("== Measuring extra memory with tracemalloc ==")
for n in (10_000, 20_000, 40_000):
    data = [(i * 7919) % 100_003 for i in range(n)]   # the input exists before each call
    print(f"n={n:>6}  largest: {extra_bytes(largest, data):>7} B"
          f"   median: {extra_bytes(median, data):>7} B")
print("largest() stays flat; median()'s extra memory doubles with n.")

# %% example: sort() versus sorted()
import random
import tracemalloc


def peak_during(func, *args):
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    result = func(*args)
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return peak, result


print("== sort() versus sorted() ==")
rng = random.Random(4)
data = [rng.random() for _ in range(100_000)]

a = data[:]
peak, result = peak_during(a.sort)
print("a.sort() returns", result, "and used", peak, "extra bytes")

b = data[:]
peak, result = peak_during(sorted, b)
print("sorted(b) returns a new list:", result is not b, "and used", peak, "extra bytes")

c = sorted(data)
peak, _ = peak_during(c.sort)
print("sorting an already sorted list:", peak, "extra bytes")
# list.sort is in place, but Timsort may borrow a temporary buffer of up to
# n/2 pointers while merging runs. sorted() pays for that plus a full copy.

# %% example: reverse(), [::-1] and reversed()
import tracemalloc


def peak_during(func):
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    func()
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return peak


print("== reverse(), [::-1] and reversed() ==")
data = list(range(100_000))
print("data.reverse()          ", peak_during(data.reverse), "bytes")
print("data[::-1]              ", peak_during(lambda: data[::-1]), "bytes")
print("for x in reversed(data) ", peak_during(lambda: [None for x in reversed(data) if x < 0]), "bytes")
# reversed() hands out items one at a time from the end: no copy at all.

# %% example: Recursion depth has a ceiling
import sys


def depth_recursive(n):
    if n == 0:
        return 0
    return 1 + depth_recursive(n - 1)


def depth_iterative(n):
    count = 0
    while n > 0:
        n -= 1
        count += 1
    return count


print("== Recursion depth has a ceiling ==")
print("recursion limit:", sys.getrecursionlimit())
print("recursive, n=500:", depth_recursive(500))
try:
    depth_recursive(50_000)
except RecursionError as err:
    print("recursive, n=50000: RecursionError:", err)
print("iterative, n=50000:", depth_iterative(50_000))

# %% example: Each active call is a frame
import inspect


def countdown(n, deepest):
    # inspect.stack() lists every frame that is currently alive
    deepest[0] = max(deepest[0], len(inspect.stack(0)))
    if n > 0:
        countdown(n - 1, deepest)


print("== Each active call is a frame ==")
here = len(inspect.stack(0))             # frames alive at this line
for n in (5, 10, 20):
    deepest = [0]
    countdown(n, deepest)
    print(f"countdown({n:>2}) stacked up {deepest[0] - here} frames at its deepest")
# The stack grows by one frame per pending call. Every frame holds the
# function's local variables until the call returns.

# %% example: Turning recursion into a loop with an explicit stack
def tree_height_recursive(children, node=0):
    # A plain loop, so every level is a Python-to-Python call. The one-liner
    # 1 + max((tree_height_recursive(children, c) for c in ...), default=0)
    # recurses *through* max() and a generator, which are C code: in the
    # browser that can kill Python outright, below the recursion limit,
    # instead of raising RecursionError. See "The call stack is memory too".
    best = 0
    for child in children[node]:
        best = max(best, tree_height_recursive(children, child))
    return 1 + best


def tree_height_iterative(children):
    best = 0
    stack = [(0, 1)]                     # (node, depth) pairs still to visit
    while stack:
        node, depth = stack.pop()
        best = max(best, depth)
        for child in children[node]:
            stack.append((child, depth + 1))
    return best


print("== Turning recursion into a loop with an explicit stack ==")
small = [[1, 2], [3], [], []]            # node 0 has children 1 and 2, ...
print("small tree:", tree_height_recursive(small), tree_height_iterative(small))

chain = [[i + 1] for i in range(9_999)] + [[]]   # a path 10,000 nodes long
try:
    tree_height_recursive(chain)
except RecursionError:
    print("recursive version: RecursionError on a 10,000-node path")
print("iterative version:", tree_height_iterative(chain))
# The explicit stack still grows to O(height) in the worst case, but it lives
# on the heap, so it is limited by memory, not by the recursion limit.

# %% example: A generator has a fixed size
import sys
import tracemalloc


def peak_during(func):
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    result = func()
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return result, peak


print("== A generator has a fixed size ==")
for n in (10, 1_000, 100_000):
    as_list = [i * i for i in range(n)]
    as_gen = (i * i for i in range(n))
    print(f"n={n:>7}  list: {sys.getsizeof(as_list):>7} B   generator: {sys.getsizeof(as_gen)} B")
print("range objects are lazy too:", sys.getsizeof(range(10)) == sys.getsizeof(range(10**9)))
# getsizeof counts only the container itself (the pointer array for a list),
# not the int objects it refers to, so the list's true cost is even higher.

n = 100_000
total1, list_peak = peak_during(lambda: sum([i * i for i in range(n)]))
total2, gen_peak = peak_during(lambda: sum(i * i for i in range(n)))
print("sum() gives the same answer:", total1 == total2)
print("peak with a list comprehension:", list_peak, "bytes")
print("peak with a generator expression:", gen_peak, "bytes")

# %% example: A lazy pipeline over lines
import io

LOG = """\
INFO start
WARN disk 91%
INFO tick
ERROR disk full
WARN disk 95%
INFO stop
"""


def read_lines(stream):
    for line in stream:          # a file object also yields one line at a time
        yield line.rstrip("\n")


print("== A lazy pipeline over lines ==")
lines = read_lines(io.StringIO(LOG))
problems = (line for line in lines if not line.startswith("INFO"))
words = (line.split()[0] for line in problems)
print("first problem:", next(words))     # only the first few lines were read so far
print("the rest:", list(words))
print("a second pass finds nothing:", list(words))
# Each stage holds one line at a time. The price: a generator can be
# consumed only once.

# %% example: Slices copy, indices do not
import tracemalloc


def peak_during(func, *args):
    tracemalloc.start()
    before, _ = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    result = func(*args)
    peak = tracemalloc.get_traced_memory()[1] - before
    tracemalloc.stop()
    return result, peak


def is_palindrome_copy(seq):
    return seq == seq[::-1]


def is_palindrome_indices(seq):
    i, j = 0, len(seq) - 1
    while i < j:
        if seq[i] != seq[j]:
            return False
        i += 1
        j -= 1
    return True


print("== Slices copy, indices do not ==")
data = list(range(50_000)) + list(range(50_000))[::-1]
for func in (is_palindrome_copy, is_palindrome_indices):
    result, peak = peak_during(func, data)
    print(f"{func.__name__:<22} -> {result}, peak {peak} extra bytes")

# %% example: Which line allocated it? Snapshots and statistics("lineno")
import tracemalloc


def build_report(n):
    names = [f"user{i}" for i in range(n)]          # n new strings
    scores = {name: len(name) for name in names}     # one dict with n entries
    return names, scores


print("== Which line allocated it? ==")
here = build_report.__code__.co_filename          # keep this cell's lines only
tracemalloc.start()
before = tracemalloc.take_snapshot()
kept = build_report(20_000)
after = tracemalloc.take_snapshot()
tracemalloc.stop()

print("after.statistics('lineno'): what each line holds now")
for stat in after.statistics("lineno"):
    if stat.traceback[0].filename == here:
        print(f"  line {stat.traceback[0].lineno}: {stat.size / 1000:.0f} KB in {stat.count} blocks")
print("after.compare_to(before, 'lineno'): what each line added, biggest first")
for stat in after.compare_to(before, "lineno")[:2]:
    print(f"  line {stat.traceback[0].lineno}: {stat.size_diff / 1000:+.0f} KB, {stat.count_diff:+} blocks")
# The list comprehension's line owns one block per string plus the list;
# the dict is a single block. Pyodide shows about half the bytes.

# %% example: Hunting a leak: a cache that keeps growing
import gc
import tracemalloc
import weakref


class Picture:
    def __init__(self, name):
        self.name = name
        self.pixels = bytearray(10_000)              # the heavy part


def make_loader(cache):
    def load(name):
        picture = cache.get(name)
        if picture is None:
            picture = Picture(name)
            cache[name] = picture
        return picture
    return load


def serve(load, requests):
    for i in requests:
        load(f"photo{i}").pixels[0] = 1             # use the picture, then drop it


print("== Hunting a leak: a cache that keeps growing ==")
for label, cache in (("dict", {}), ("WeakValueDictionary", weakref.WeakValueDictionary())):
    load = make_loader(cache)
    serve(load, range(100))                         # warm up
    tracemalloc.start()
    before = tracemalloc.take_snapshot()
    serve(load, range(100, 600))                    # 500 names never seen before
    after = tracemalloc.take_snapshot()
    tracemalloc.stop()
    growth = after.compare_to(before, "lineno")
    mine = [s for s in growth if s.traceback[0].filename == Picture.__init__.__code__.co_filename]
    print(f"{label}: this cell's lines grew by {sum(s.size_diff for s in mine) / 1000:.0f} KB")
    if label == "dict":
        print("  most of it at line", mine[0].traceback[0].lineno, "(the bytearray in Picture)")
        suspect = load("photo123")
        print("  gc.get_referrers(picture) finds the cache:",
              any(r is cache for r in gc.get_referrers(suspect)))
        del suspect
    print("  pictures the cache still holds:", len(cache))
# A WeakValueDictionary drops an entry as soon as nothing else uses the
# value: it keeps what is in use, never what is forgotten.

# %% example: Numbers in a list, an array and bytes
import sys
import tracemalloc
from array import array


def traced(build):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    kept = build()
    used = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    return used, kept


print("== Numbers in a list, an array and bytes ==")
n = 100_000
for label, build in (("list of ints", lambda: list(range(10**6, 10**6 + n))),
                     ("array('q')", lambda: array("q", range(10**6, 10**6 + n))),
                     ("array('i')", lambda: array("i", range(10**6, 10**6 + n))),
                     ("bytes", lambda: bytes(range(256)) * (n // 256))):
    used, kept = traced(build)
    print(f"{label:<13} {used / len(kept):5.1f} bytes a number  (getsizeof {sys.getsizeof(kept):,})")

numbers = array("q", [10**6])
print("itemsize of 'q', 'i', 'l':", array("q").itemsize, array("i").itemsize, array("l").itemsize)
print("reading builds a new int each time:", numbers[0] is not numbers[0])
try:
    array("b", [200])                               # 'b' holds -128..127
except OverflowError as err:
    print("OverflowError:", err)
