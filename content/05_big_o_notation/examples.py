"""Examples for topic 05: Big-O notation.

Run the whole file with `python3 examples.py`, or run one cell at a time.
Timings vary from machine to machine; look at the ratios, not the raw numbers.
"""

# %% example: Counting steps for the common classes
import math

print("== Counting steps for the common classes ==")


def steps_constant(n):
    return 1                      # look at one element, whatever n is


def steps_log(n):
    count = 0
    while n > 1:                  # halve the range each round
        n //= 2
        count += 1
    return count


def steps_linear(n):
    return sum(1 for _ in range(n))


def steps_n_log_n(n):
    return n * max(1, math.ceil(math.log2(n)))


def steps_quadratic(n):
    return sum(1 for i in range(n) for j in range(n))


def steps_cubic(n):
    return n * n * n


def steps_exponential(n):
    return 2 ** n                 # every subset of n items


print(f"{'n':>5} {'O(1)':>5} {'log n':>6} {'n':>6} {'n log n':>8} {'n^2':>8} {'n^3':>10} {'2^n':>22}")
for n in (10, 20, 40, 80):
    print(f"{n:>5} {steps_constant(n):>5} {steps_log(n):>6} {steps_linear(n):>6} "
          f"{steps_n_log_n(n):>8} {steps_quadratic(n):>8} {steps_cubic(n):>10} "
          f"{steps_exponential(n):>22}")

# %% example: Dropping constants and lower-order terms
print("== Dropping constants and lower-order terms ==")


def exact_cost(n):
    # Pretend we counted every operation of some function precisely.
    return 3 * n * n + 100 * n + 500


for n in (10, 100, 1_000, 10_000, 100_000):
    cost = exact_cost(n)
    share = 3 * n * n / cost
    print(f"n={n:>7}: cost={cost:>14,}  cost/n^2={cost / (n * n):8.3f}  "
          f"share of 3n^2 term={share:6.1%}")
print("For large n the ratio settles near the constant 3: the growth is n^2.")

# %% example: The doubling experiment
import time

print("== The doubling experiment ==")


def best_time(func, arg, repeats=5):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func(arg)
        best = min(best, time.perf_counter() - start)
    return best


def linear(n):
    total = 0
    for i in range(n):
        total += i
    return total


def quadratic(n):
    total = 0
    for i in range(n):
        for j in range(n):
            total += 1
    return total


for name, func, n in (("linear", linear, 200_000), ("quadratic", quadratic, 300)):
    t1 = best_time(func, n)
    t2 = best_time(func, 2 * n)
    print(f"{name:>9}: n={n:>7} {t1 * 1e3:7.2f} ms   2n: {t2 * 1e3:7.2f} ms   "
          f"ratio {t2 / t1:4.1f}")
print("Doubling n: O(n) roughly doubles, O(n^2) roughly quadruples.")

# %% example: Best, average and worst case of a linear search
import random

print("== Best, average and worst case of a linear search ==")


def linear_search(items, target):
    """Return (index, comparisons made)."""
    for i, x in enumerate(items):
        if x == target:
            return i, i + 1
    return -1, len(items)


items = list(range(1000))
print("best (first item): ", linear_search(items, 0))
print("worst (missing):   ", linear_search(items, -1))
rng = random.Random(5)
trials = [linear_search(items, rng.randrange(1000))[1] for _ in range(2000)]
print("average over random hits:", round(sum(trials) / len(trials)), "comparisons (about n/2)")

# %% example: Amortized append - watching the list resize
import struct
import sys

print("== Amortized append: watching the list resize ==")

pointer = struct.calcsize("P")          # 8 on 64-bit CPython, 4 on Pyodide
empty = sys.getsizeof([])


def capacity(lst):
    return (sys.getsizeof(lst) - empty) // pointer


lst = []
cap = 0
for i in range(1, 80):
    lst.append(i)
    if capacity(lst) != cap:
        print(f"append #{i:>3}: capacity {cap:>3} -> {capacity(lst):>3}")
        cap = capacity(lst)

for n in (1_000, 10_000, 100_000):
    lst, cap, resizes, moved = [], 0, 0, 0
    for i in range(n):
        old_len = len(lst)
        lst.append(i)
        if capacity(lst) != cap:
            resizes += 1
            moved += old_len            # a resize may have to move every old item
            cap = capacity(lst)
    print(f"n={n:>7}: {resizes:>3} resizes, at most {moved / n:.2f} moves per append")
print("Resizes are rare and the moves per append stay bounded: amortized O(1).")

# %% example: list.pop(0) versus deque.popleft()
import time
from collections import deque

print("== list.pop(0) versus deque.popleft() ==")


def drain_list(n):
    queue = list(range(n))
    start = time.perf_counter()
    while queue:
        queue.pop(0)            # shifts every remaining item left: O(n)
    return time.perf_counter() - start


def drain_deque(n):
    queue = deque(range(n))
    start = time.perf_counter()
    while queue:
        queue.popleft()         # O(1)
    return time.perf_counter() - start


for n in (20_000, 40_000, 80_000):
    print(f"n={n:>7}: list {drain_list(n) * 1e3:7.2f} ms   deque {drain_deque(n) * 1e3:6.2f} ms")
print("The list column grows faster than n; the deque column grows like n.")

# %% example: Membership: list vs set vs sorted list + bisect
import bisect
import time

print("== Membership: list vs set vs sorted list + bisect ==")


def per_lookup(check, queries):
    start = time.perf_counter()
    for q in queries:
        check(q)
    return (time.perf_counter() - start) / len(queries) * 1e6


def in_sorted(sorted_items, x):
    i = bisect.bisect_left(sorted_items, x)
    return i < len(sorted_items) and sorted_items[i] == x


for n in (1_000, 10_000, 100_000):
    data = list(range(0, 2 * n, 2))
    as_set = set(data)
    queries = [-1] * 200                      # misses: the worst case for a scan
    t_list = per_lookup(lambda x: x in data, queries)
    t_set = per_lookup(lambda x: x in as_set, queries)
    t_bis = per_lookup(lambda x: in_sorted(data, x), queries)
    print(f"n={n:>7}: list {t_list:8.2f} us   set {t_set:5.2f} us   bisect {t_bis:5.2f} us")

# %% example: Trade-off: time and memory of a set vs a sorted list
import bisect
import sys

print("== Trade-off: time and memory of a set vs a sorted list ==")
n = 1000
values = list(range(n))
as_set = set(values)
as_sorted = sorted(values)
print("container bytes, list:", sys.getsizeof(as_sorted))
print("container bytes, set: ", sys.getsizeof(as_set))
print("(64-bit CPython 3.11: 8056 and 32984; 32-bit Pyodide: 4028 and 16492)")
print("set:    O(1) average lookup, no order, no range queries")
lo, hi = 250, 499
count = bisect.bisect_right(as_sorted, hi) - bisect.bisect_left(as_sorted, lo)
print(f"sorted: O(log n) lookup, and range [{lo}, {hi}] holds {count} items (found in O(log n))")

# %% example: Exponential growth: counting subsets
import itertools
import time

print("== Exponential growth: counting subsets ==")


def has_subset_sum(items, target):
    """Try every subset: 2^n of them."""
    for r in range(len(items) + 1):
        for combo in itertools.combinations(items, r):
            if sum(combo) == target:
                return True
    return False


for n in (12, 14, 16, 18):
    items = [3 * k + 1 for k in range(n)]     # all sums are misses for target 2
    start = time.perf_counter()
    has_subset_sum(items, 2)
    elapsed = time.perf_counter() - start
    print(f"n={n}: {2 ** n:>7} subsets, {elapsed * 1e3:8.1f} ms")
print("Adding 2 items multiplies the work by about 4.")

# %% example: Average O(1) is not worst-case O(1): colliding hashes
import time

print("== Average O(1) is not worst-case O(1): colliding hashes ==")


class BadKey:
    """Equal only to itself, but every instance has the same hash."""

    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return 42

    def __eq__(self, other):
        return isinstance(other, BadKey) and self.value == other.value


class GoodKey(BadKey):
    def __hash__(self):
        return hash(self.value)


for n in (500, 1000, 2000):
    for cls in (GoodKey, BadKey):
        keys = [cls(i) for i in range(n)]
        start = time.perf_counter()
        d = {}
        for k in keys:
            d[k] = True
        elapsed = time.perf_counter() - start
        print(f"n={n:>5} {cls.__name__:>7}: {elapsed * 1e3:8.2f} ms to build the dict")
print("With one shared hash each insert compares against all earlier keys: O(n^2) total.")

# %% example: Constants matter at small n: insertion sort vs merge sort
import random
import time

print("== Constants matter at small n: insertion sort vs merge sort ==")


def insertion_sort(items):
    items = list(items)
    for i in range(1, len(items)):
        x = items[i]
        j = i - 1
        while j >= 0 and items[j] > x:
            items[j + 1] = items[j]
            j -= 1
        items[j + 1] = x
    return items


def merge_sort(items):
    if len(items) <= 1:
        return list(items)
    mid = len(items) // 2
    left, right = merge_sort(items[:mid]), merge_sort(items[mid:])
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    merged.extend(left[i:])
    merged.extend(right[j:])
    return merged


def best_time(sort, data, repeats=200):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        sort(data)
        best = min(best, time.perf_counter() - start)
    return best


rng = random.Random(1)
for n in (4, 8, 16, 32, 64, 128, 256):
    data = [rng.random() for _ in range(n)]
    t_ins = best_time(insertion_sort, data, repeats=max(5, 2000 // n))
    t_mer = best_time(merge_sort, data, repeats=max(5, 2000 // n))
    winner = "insertion" if t_ins < t_mer else "merge"
    print(f"n={n:>3}: insertion {t_ins * 1e6:8.1f} us   merge {t_mer * 1e6:8.1f} us   faster: {winner}")
print("The O(n^2) sort has tiny constants, so it wins for small n. This is why")
print("CPython's own sort uses binary insertion sort on short runs.")

# %% example: s += "x" is linear only for a local variable
import time

print('== s += "x" is linear only for a local variable ==')


def grow_local(n):
    s = ""
    for _ in range(n):
        s += "x"                  # a local name: CPython 3.11+ can extend s in place
    return s


def grow_global(n):
    global text
    text = ""
    for _ in range(n):
        text += "x"               # a global name: a new copy every time
    return text


def best_time(func, n, repeats=3):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func(n)
        best = min(best, time.perf_counter() - start)
    return best


for func in (grow_local, grow_global):
    func(1_000)                   # warm up before timing
    t1 = best_time(func, 25_000)
    t4 = best_time(func, 100_000)
    print(f"{func.__name__:>11}: n=25,000 {t1 * 1e3:6.1f} ms   n=100,000 {t4 * 1e3:6.1f} ms"
          f"   ratio {t4 / t1:4.1f}")
print("4x the characters: about 4x the time for the local (O(n)),")
print("far more for the global (O(n^2)). Code typed at the top level of the")
print("editor uses global names, so it gets the slow case: use ''.join(parts).")
