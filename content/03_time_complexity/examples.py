"""Examples for topic 03: time complexity.

Run the whole file with `python3 examples.py`; each cell also runs on its own.
Timings vary from machine to machine (and are coarser in the browser); look at
the ratios between sizes rather than the absolute numbers.
"""

# %% example: Counting comparisons in a linear search
print("== Counting comparisons in a linear search ==")


def comparisons_to_find(items, target):
    """Return how many == comparisons a front-to-back search makes."""
    count = 0
    for x in items:
        count += 1
        if x == target:
            break
    return count


data = list(range(1, 1001))  # 1..1000
print("best case  (first item): ", comparisons_to_find(data, 1))
print("middle                  :", comparisons_to_find(data, 500))
print("worst case (last item):  ", comparisons_to_find(data, 1000))
print("worst case (missing):    ", comparisons_to_find(data, -7))


# %% example: Counting steps, linear versus quadratic
print("== Counting steps, linear versus quadratic ==")


def steps_single_loop(n):
    steps = 0
    for _ in range(n):
        steps += 1
    return steps


def steps_all_pairs(n):
    steps = 0
    for i in range(n):
        for _ in range(i + 1, n):
            steps += 1
    return steps


print(f"{'n':>6} {'linear':>8} {'pairs':>10} {'pairs ratio':>12}")
previous = None
for n in (250, 500, 1000, 2000):
    lin, pairs = steps_single_loop(n), steps_all_pairs(n)
    ratio = "" if previous is None else f"x{pairs / previous:.2f}"
    print(f"{n:>6} {lin:>8} {pairs:>10} {ratio:>12}")
    previous = pairs
print("Doubling n doubles the single loop and (almost) quadruples the pairs.")


# %% example: The doubling test with a stopwatch
print("== The doubling test with a stopwatch ==")
import time


def has_repeat_nested(items):
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i] == items[j]:
                return True
    return False


def has_repeat_set(items):
    seen = set()
    for x in items:
        if x in seen:
            return True
        seen.add(x)
    return False


def best_time(func, arg, repeats=3):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        func(arg)
        best = min(best, time.perf_counter() - start)
    return best


for func in (has_repeat_set, has_repeat_nested):
    print(func.__name__)
    previous = None
    for n in (500, 1000, 2000):
        items = list(range(n))  # no repeats: the worst case
        t = best_time(func, items)
        ratio = "" if previous is None else f"  (x{t / previous:.1f} for 2x n)"
        print(f"  n={n:>5}: {t * 1000:8.3f} ms{ratio}")
        previous = t


# %% example: The cost of `in` for a list, a set and a dict
print("== The cost of `in` for a list, a set and a dict ==")
import timeit

for n in (1_000, 10_000, 100_000):
    setup = f"data = list(range({n})); s = set(data); d = dict.fromkeys(data)"
    results = {}
    for label, stmt in (
        ("list, hit at front", "0 in data"),
        ("list, miss", "-1 in data"),
        ("set, miss", "-1 in s"),
        ("dict, miss", "-1 in d"),
    ):
        runs = timeit.repeat(stmt, setup=setup, number=200, repeat=3)
        results[label] = min(runs) / 200
    print(f"n={n:>7}: " + ", ".join(f"{k} {v * 1e9:,.0f} ns" for k, v in results.items()))
print("Only the list miss grows with n; the other three stay flat.")


# %% example: Keys, values and ranges
print("== Keys, values and ranges ==")
prices = {"apple": 3, "pear": 5}
print("'apple' in prices:         ", "apple" in prices)          # checks keys
print("3 in prices:               ", 3 in prices)                # 3 is not a key
print("3 in prices.values():      ", 3 in prices.values())       # linear scan of values
print("10**12 in range(10**15):   ", 10**12 in range(10**15))    # arithmetic, O(1)
print("'ear' in 'pear':           ", "ear" in "pear")            # substring search
print("('pear', 5) in prices.items():", ("pear", 5) in prices.items())  # a key lookup + compare


# %% example: When every hash collides
print("== When every hash collides ==")


class Key:
    eq_calls = 0

    def __init__(self, value, spread_hash):
        self.value = value
        self.spread_hash = spread_hash

    def __hash__(self):
        # A good hash spreads values out; a bad one sends them all to one slot.
        return hash(self.value) if self.spread_hash else 42

    def __eq__(self, other):
        Key.eq_calls += 1
        return self.value == other.value


for spread in (True, False):
    for n in (200, 400, 800):
        Key.eq_calls = 0
        table = {Key(i, spread) for i in range(n)}
        label = "good hash" if spread else "constant hash"
        print(f"{label:>13}, n={n:>3}: {Key.eq_calls:>6} calls to __eq__ while building")
print("With a constant hash every insert compares against the keys already there:")
print("doubling n roughly quadruples the comparisons, just like a nested loop.")


# %% example: The front of a list versus a deque
print("== The front of a list versus a deque ==")
import time
from collections import deque


def fill_list_front(n):
    items = []
    for i in range(n):
        items.insert(0, i)  # shifts everything already in the list
    return items


def fill_deque_front(n):
    items = deque()
    for i in range(n):
        items.appendleft(i)  # O(1): nothing moves
    return items


def drain_list(n):
    items = list(range(n))
    while items:
        items.pop(0)


def drain_deque(n):
    items = deque(range(n))
    while items:
        items.popleft()


for func in (fill_list_front, fill_deque_front, drain_list, drain_deque):
    cells = []
    for n in (10_000, 20_000, 40_000):
        start = time.perf_counter()
        func(n)
        cells.append(f"n={n}: {(time.perf_counter() - start) * 1000:6.2f} ms")
    print(f"{func.__name__:>16}: " + " | ".join(cells))
print("Same results either way:", list(fill_deque_front(5)) == fill_list_front(5))


# %% example: Building a string, += versus join
print("== Building a string, += versus join ==")
import time


def build_with_join(n):
    return "".join(["x" for _ in range(n)])


def build_with_plus_local(n):
    s = ""
    for _ in range(n):
        s += "x"  # CPython may extend s in place: an implementation detail
    return s


def build_with_plus_aliased(n):
    s = ""
    for _ in range(n):
        previous = s  # a second reference: the in-place trick can't apply
        s += "x"
    return s


def build_with_plus_global(n):
    global text
    text = ""
    for _ in range(n):
        text += "x"  # a global name: since 3.11 no shortcut, a copy every time
    return text


for func in (build_with_join, build_with_plus_local, build_with_plus_aliased, build_with_plus_global):
    cells = []
    for n in (20_000, 40_000, 80_000):
        start = time.perf_counter()
        result = func(n)
        assert result == "x" * n
        cells.append(f"n={n}: {(time.perf_counter() - start) * 1000:6.2f} ms")
    print(f"{func.__name__:>23}: " + " | ".join(cells))

# The same loop at the top level of the cell, where the editor runs it:
# module level, so every += copies the whole string (quadratic).
cells = []
for n in (20_000, 40_000, 80_000):
    start = time.perf_counter()
    text = ""
    for _ in range(n):
        text += "x"
    cells.append(f"n={n}: {(time.perf_counter() - start) * 1000:6.2f} ms")
print(f"{'top level of the cell':>23}: " + " | ".join(cells))


# %% example: Where the += shortcut never applies
print("== Where the += shortcut never applies ==")
import time


class Report:
    def __init__(self):
        self.text = ""


def plus_on_attribute(n):
    r = Report()
    for _ in range(n):
        r.text += "x"  # attribute target: a full copy every time
    return r.text


def plus_on_bytes(n):
    b = b""
    for _ in range(n):
        b += b"x"  # bytes has no in-place shortcut at all
    return b


def grow_bytearray(n):
    b = bytearray()
    for _ in range(n):
        b += b"x"  # bytearray is mutable: amortised O(1) per append
    return bytes(b)


for func in (plus_on_attribute, plus_on_bytes, grow_bytearray):
    cells = []
    for n in (20_000, 40_000, 80_000):
        start = time.perf_counter()
        func(n)
        cells.append(f"n={n}: {(time.perf_counter() - start) * 1000:6.2f} ms")
    print(f"{func.__name__:>17}: " + " | ".join(cells))


# %% example: timeit with number, repeat, min and autorange
print("== timeit with number, repeat, min and autorange ==")
import timeit

setup = "data = list(range(10_000)); lookup = set(data)"
for stmt in ("9_999 in data", "9_999 in lookup"):
    timer = timeit.Timer(stmt, setup=setup)
    number, seconds = timer.autorange()  # tries 1, 2, 5, 10, 20, ... until one run is long enough
    runs = timer.repeat(repeat=5, number=number)
    per_call = [t / number for t in runs]
    print(f"{stmt!r}: number={number}, repeat=5")
    print("   per call, each repeat:", ", ".join(f"{t * 1e9:.1f} ns" for t in per_call))
    print(f"   report the minimum:    {min(per_call) * 1e9:.1f} ns")


# %% example: Clock resolution and why single runs lie
print("== Clock resolution and why single runs lie ==")
import time

info = time.get_clock_info("perf_counter")
# The claim below is not the clock's real step: compare it with the step measured next.
print("perf_counter claims a resolution of", info.resolution, "s")

# Read the clock twice, many times over. A coarse clock often shows no
# change at all; the smallest change it does show is its real step.
gaps = []
for _ in range(10_000):
    a = time.perf_counter()
    b = time.perf_counter()
    gaps.append(b - a)
steps = [g for g in gaps if g > 0]
if steps:
    print(f"smallest step seen between two clock reads: {min(steps) * 1e9:.0f} ns")
print("pairs of reads that saw no change at all:", len(gaps) - len(steps), "of", len(gaps))

# Time one tiny operation, once, ten times over: the numbers are mostly noise.
data = list(range(100))
singles = []
for _ in range(10):
    start = time.perf_counter()
    50 in data
    singles.append(time.perf_counter() - start)
print("ten single runs (ns):", [round(t * 1e9) for t in singles])

# Time the same thing 100,000 times in one measurement, then divide.
number = 100_000
start = time.perf_counter()
for _ in range(number):
    50 in data
total = time.perf_counter() - start
print(f"averaged over {number:,} runs: {total / number * 1e9:.0f} ns per run (includes loop overhead)")


# %% example: Your laptop vs this page
import struct
import sys
import time

print("== Your laptop vs this page ==")
print("Python", sys.version.split()[0], "on", sys.platform)
print("pointer size (one list slot):", struct.calcsize("P"), "bytes")
print("sys.getsizeof([]):", sys.getsizeof([]))
print("perf_counter claims a resolution of", time.get_clock_info("perf_counter").resolution, "s")
reads = [time.perf_counter() for _ in range(20_000)]
changes = [b - a for a, b in zip(reads, reads[1:]) if b > a]
if changes:
    print(f"smallest step actually seen: {min(changes) * 1e9:.0f} ns")
