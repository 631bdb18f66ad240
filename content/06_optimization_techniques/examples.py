"""Examples for topic 06: optimization techniques.

Run the whole file with `python3 examples.py`; each `# %%` cell also runs on
its own. Timings are printed for you to look at: they depend on the machine
and the Python version, so compare the ratios, not the absolute numbers.
"""

# %% example: Timing a snippet with timeit
import timeit

setup = "data = list(range(10_000))"
candidates = {
    "for loop": "total = 0\nfor x in data:\n    total += x",
    "sum(data)": "total = sum(data)",
    "sum(genexpr)": "total = sum(x for x in data)",
}

print("== Timing a snippet with timeit ==")
for label, stmt in candidates.items():
    # repeat() runs the statement `number` times, `repeat` times over;
    # the minimum is the run least disturbed by everything else on the machine.
    runs = timeit.repeat(stmt, setup, number=100, repeat=5)
    best = min(runs) / 100
    print(f"{label:>13}: {best * 1e6:8.1f} us per run")
print("sum(data) loops in C; the generator hands every item through Python code")


# %% example: Which clock? perf_counter_ns and process_time
import time


def busy(n):
    return sum(i * i for i in range(n))


print("== Which clock? perf_counter_ns and process_time ==")
for label, work in (("sleep 0.2 s", lambda: time.sleep(0.2)),
                    ("compute", lambda: busy(300_000))):
    wall0, cpu0 = time.perf_counter_ns(), time.process_time()
    work()
    wall = (time.perf_counter_ns() - wall0) / 1e6      # ints: exact differences
    cpu = (time.process_time() - cpu0) * 1e3
    print(f"{label:>12}: perf_counter_ns {wall:7.1f} ms   process_time {cpu:7.1f} ms")
print("process_time is", time.get_clock_info("process_time").implementation)
# On a laptop the sleep costs no CPU time, so process_time stays near 0.
# In Pyodide, process_time is C's clock() and the sleep shows up in it.


# %% example: Finding the hot spot with cProfile
import cProfile
import io
import pstats


def load(n):
    return [f"user{i % 500},{i},{i * 7 % 101}" for i in range(n)]


def parse(lines):
    return [line.split(",") for line in lines]


def unique_users(rows):
    seen = []                       # a list: every `in` test scans it
    for name, _, _ in rows:
        if name not in seen:
            seen.append(name)
    return seen


def report(n):
    rows = parse(load(n))
    users = unique_users(rows)
    return len(rows), len(users)


def table(stats, how, *restrict):
    """What a pstats print_* method writes, from its column heading on."""
    out = io.StringIO()
    stats.stream = out
    getattr(stats, how)(*restrict)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line or "was called by" in line)
    return "\n".join(line for line in lines[start:] if line.strip())


print("== Finding the hot spot with cProfile ==")
profiler = cProfile.Profile()
profiler.enable()
result = report(20_000)
profiler.disable()
print("result:", result)

stats = pstats.Stats(profiler).strip_dirs()
stats.sort_stats(pstats.SortKey.CUMULATIVE)     # the expensive call paths, top down
print(table(stats, "print_stats", 5))
print()
print(table(stats, "print_callers", "unique_users"))   # who called it, and how often

# Amdahl's law: fixing unique_users can speed the whole run up by at most
# 1 / (1 - share), however fast unique_users becomes.
times = {name: row[3] for (_, _, name), row in stats.stats.items()}
share = times["unique_users"] / times["report"]
print(f"unique_users: {share:.0%} of report(); the most a fix can give: {1 / (1 - share):.1f}x")


# %% example: What cProfile's overhead does to small calls
import cProfile
import timeit


def add_one(x):
    return x + 1


def call_per_item(n):
    total = 0
    for i in range(n):
        total += add_one(i)          # one Python call per item
    return total


def inline(n):
    total = 0
    for i in range(n):
        total += i + 1               # the same work, no call
    return total


print("== What cProfile's overhead does to small calls ==")
n = 200_000
for f in (call_per_item, inline):
    plain = min(timeit.repeat(lambda: f(n), number=1, repeat=3))
    profiled = min(timeit.repeat(lambda: cProfile.Profile().runcall(f, n), number=1, repeat=3))
    print(f"{f.__name__:>13}: {plain * 1e3:6.1f} ms alone, {profiled * 1e3:6.1f} ms "
          f"under cProfile ({profiled / plain:.1f}x)")
print("the profiler pays per call: many small calls look slower than they are")


# %% example: Naive recursion repeats work
from functools import cache

naive_calls = 0


def fib_naive(n):
    global naive_calls
    naive_calls += 1
    return n if n < 2 else fib_naive(n - 1) + fib_naive(n - 2)


memo_calls = 0


@cache
def fib_memo(n):
    global memo_calls
    memo_calls += 1                 # only runs on a cache miss
    return n if n < 2 else fib_memo(n - 1) + fib_memo(n - 2)


print("== Naive recursion repeats work ==")
for n in (10, 20, 25):
    naive_calls = memo_calls = 0
    fib_memo.cache_clear()
    assert fib_naive(n) == fib_memo(n)
    print(f"fib({n}) = {fib_memo(n)}: naive body ran {naive_calls} times, "
          f"cached body ran {memo_calls} times")

# A fresh cache still recurses n levels deep, through the C wrapper at every
# level: desktop CPython raises RecursionError at or below the recursion
# limit, and in the browser a much smaller n can kill Python outright (the
# lesson gives the depths).
# Filling the cache from the bottom keeps every call two levels deep, so any
# n is safe:
fib_memo.cache_clear()
for k in range(2_001):
    fib_memo(k)
print("fib(2000) has", len(str(fib_memo(2_000))), "digits")


# %% example: functools.cache, cache_info and a stale cache
from functools import cache, lru_cache


@cache                               # Python 3.9+; same as lru_cache(maxsize=None)
def slow_square(n):
    return n * n


print("== functools.cache, cache_info and a stale cache ==")
for n in [3, 4, 3, 3, 5, 4]:
    slow_square(n)
print(slow_square.cache_info())
slow_square.cache_clear()
print("after cache_clear:", slow_square.cache_info())


@lru_cache(maxsize=None)             # the spelling that works on 3.8 too
def total(items):
    return sum(items)


print(total((1, 2, 3)))              # tuples are hashable: fine
try:
    total([1, 2, 3])                 # lists are not: the cache cannot key on them
except TypeError as exc:
    print("TypeError:", exc)

prices = {"apple": 3, "pear": 4}


@cache
def price_of(item):
    return prices[item]              # reads outside state: not a pure function


print("apple costs", price_of("apple"))
prices["apple"] = 5
print("after the price change the cache still says", price_of("apple"))
price_of.cache_clear()
print("after cache_clear:", price_of("apple"))


# %% example: A bounded lru_cache on a skewed workload
import random
from functools import lru_cache

rng = random.Random(42)
# A few keys are very popular, most are rare (roughly Zipf-shaped).
weights = [1 / (k + 1) for k in range(2_000)]
requests = rng.choices(range(2_000), weights=weights, k=20_000)

print("== A bounded lru_cache on a skewed workload ==")
for size in (8, 64, 512, None):
    @lru_cache(maxsize=size)
    def lookup(key):
        return key * 2

    for key in requests:
        lookup(key)
    info = lookup.cache_info()
    rate = info.hits / (info.hits + info.misses)
    print(f"maxsize={str(size):>4}: hit rate {rate:6.1%}, entries kept {info.currsize}")


# %% example: Built-ins run the loop in C
import random
import timeit
from collections import Counter

words = [f"w{i % 300}" for i in range(10_000)]


def count_by_hand(items):
    counts = {}
    for w in items:
        counts[w] = counts.get(w, 0) + 1
    return counts


def sort_by_hand(values):            # insertion sort: O(n^2)
    out = list(values)
    for i in range(1, len(out)):
        x = out[i]
        j = i - 1
        while j >= 0 and out[j] > x:
            out[j + 1] = out[j]
            j -= 1
        out[j + 1] = x
    return out


print("== Built-ins run the loop in C ==")
assert count_by_hand(words) == Counter(words)
t_hand = min(timeit.repeat(lambda: count_by_hand(words), number=20, repeat=3)) / 20
t_counter = min(timeit.repeat(lambda: Counter(words), number=20, repeat=3)) / 20
print(f"count by hand: {t_hand * 1e3:.3f} ms   Counter(): {t_counter * 1e3:.3f} ms")

shuffled = list(range(1_500))
random.Random(1).shuffle(shuffled)
assert sort_by_hand(shuffled) == sorted(shuffled)
t_hand = min(timeit.repeat(lambda: sort_by_hand(shuffled), number=1, repeat=3))
t_sorted = min(timeit.repeat(lambda: sorted(shuffled), number=1, repeat=3))
print(f"insertion sort: {t_hand * 1e3:.3f} ms   sorted(): {t_sorted * 1e3:.3f} ms")
print("Counter saves a constant factor; sorted() also has a better class, O(n log n)")


# %% example: Constant factors: comprehensions and local names
import math
import timeit

nums = list(range(10_000))
xs = [i / 10 for i in range(20_000)]


def with_loop():
    out = []
    for x in nums:
        if x % 3:
            out.append(x * 2)
    return out


def with_comprehension():
    return [x * 2 for x in nums if x % 3]


def global_lookup():
    return [math.sqrt(x) for x in xs]


def local_alias():
    sqrt = math.sqrt                 # the classic "make it a local" trick
    return [sqrt(x) for x in xs]


print("== Constant factors: comprehensions and local names ==")
assert with_loop() == with_comprehension() and global_lookup() == local_alias()
for f in (with_loop, with_comprehension, global_lookup, local_alias):
    best = min(timeit.repeat(f, number=20, repeat=5)) / 20
    print(f"{f.__name__:>18}: {best * 1e3:.3f} ms")
print("all O(n): each pair differs by a constant factor, often a small one")


# %% example: Hoisting a loop-invariant computation
import time


def scale_slow(values):
    # max(values) does not change inside the loop, yet runs once per item.
    return [v / max(values) for v in values]


def scale_fast(values):
    top = max(values)                # computed once: hoisted out of the loop
    return [v / top for v in values]


print("== Hoisting a loop-invariant computation ==")
for n in (1_000, 2_000, 4_000):
    values = list(range(1, n + 1))
    assert scale_slow(values) == scale_fast(values)
    t0 = time.perf_counter()
    scale_slow(values)
    t1 = time.perf_counter()
    scale_fast(values)
    t2 = time.perf_counter()
    print(f"n={n:5}: slow {(t1 - t0) * 1e3:7.2f} ms   fast {(t2 - t1) * 1e3:6.3f} ms")
print("doubling n roughly quadruples slow (O(n^2)) and doubles fast (O(n))")


# %% example: __slots__ shrinks each instance
import sys
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlotPoint:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def bytes_per_instance(cls, n=10_000):
    keep = [None] * n                 # allocate the list before measuring
    tracemalloc.start()
    for i in range(n):
        keep[i] = cls(None, None)     # None: no new int objects to count
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current / n


print("== __slots__ shrinks each instance ==")
print("64-bit pointers" if sys.maxsize > 2**32 else "32-bit pointers (e.g. Pyodide)")
print(f"tracemalloc, Point:     about {bytes_per_instance(Point):5.1f} bytes each")
print(f"tracemalloc, SlotPoint: about {bytes_per_instance(SlotPoint):5.1f} bytes each")
print("sys.getsizeof, Point:", sys.getsizeof(Point(None, None)),
      " SlotPoint:", sys.getsizeof(SlotPoint(None, None)))
# getsizeof misses part of a plain instance: in Pyodide (3.14) it gives both
# classes the same size. Count real allocations with tracemalloc.
p = SlotPoint(1, 2)
print("has __dict__:", hasattr(p, "__dict__"))
try:
    p.z = 3                           # no __dict__, so no new attributes
except AttributeError:
    print("AttributeError: SlotPoint cannot grow new attributes")


# %% example: Check the answer before timing the speed-up
import random
import timeit


def pairs_summing_to_slow(nums, target):
    count = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                count += 1
    return count


def pairs_summing_to_fast(nums, target):
    seen = {}
    count = 0
    for x in nums:
        count += seen.get(target - x, 0)
        seen[x] = seen.get(x, 0) + 1
    return count


print("== Check the answer before timing the speed-up ==")
rng = random.Random(0)
for trial in range(200):               # the slow version is the test oracle
    nums = [rng.randint(-5, 5) for _ in range(rng.randint(0, 12))]
    target = rng.randint(-6, 6)
    assert pairs_summing_to_slow(nums, target) == pairs_summing_to_fast(nums, target)
print("200 random cases agree")

nums = [rng.randint(0, 100) for _ in range(1_000)]
slow = min(timeit.repeat(lambda: pairs_summing_to_slow(nums, 100), number=1, repeat=3))
fast = min(timeit.repeat(lambda: pairs_summing_to_fast(nums, 100), number=1, repeat=3))
print(f"before {slow * 1e3:.2f} ms, after {fast * 1e3:.3f} ms, {slow / fast:.0f}x faster")
