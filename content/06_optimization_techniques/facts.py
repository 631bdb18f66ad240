"""Facts the optimization lesson and quiz state, computed where they are read.

Each function returns the exact text the prose shows (or, for a quiz
check:, a truth value). Functions whose name ends in _on_311 state a
CPython 3.11 fact: they measure on 3.11 and return "not 3.11" elsewhere,
so a slot using them fails on any other version instead of passing
silently.
"""

import struct
import sys
import time
import tracemalloc


def pyodide():
    return sys.platform == "emscripten"


def with_commas(n):
    return f"{n:,}"


# -------------------------------------------------------- Amdahl's law --

def amdahl(share, factor):
    """Overall speed-up when a part that takes `share` of the run (0..1)
    becomes `factor` times faster (None: infinitely fast), to two decimals."""
    rest = 1 - share
    new = rest if factor is None else rest + share / factor
    return f"{1 / new:.2f}"


def new_seconds(total, part, factor):
    """The run's new length when `part` of its `total` seconds gets
    `factor` times faster, to one decimal."""
    return f"{total - part + part / factor:.1f}"


def amdahl_bounds_hold():
    """Quiz: the speed-up never reaches 1 / (1 - share), however large the
    factor, and it is exactly that limit when the part takes no time."""
    return (all(float(amdahl(0.75, f)) < 4 for f in (2, 10, 1000))
            and amdahl(0.75, None) == "4.00")


# --------------------------------------------------------------- clocks --

def clock_impl(name):
    return time.get_clock_info(name).implementation


def perf_counter_ns_type():
    return type(time.perf_counter_ns()).__name__


def sleep_in_process_time():
    """Does process_time() move while the program sleeps for 0.1 s?"""
    start = time.process_time()
    time.sleep(0.1)
    return "counted" if time.process_time() - start > 0.05 else "not counted"


def clocks_behave_as_stated():
    """Quiz: perf_counter sees the sleep everywhere; process_time skips it
    on desktop CPython and counts it in Pyodide, which busy-waits."""
    wall, cpu = time.perf_counter(), time.process_time()
    time.sleep(0.1)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall >= 0.09 and (cpu > 0.05) == pyodide()


# ------------------------------------------------------------ profiling --

def _tiny(x):
    return x + 1


def _many_calls(n):
    total = 0
    for i in range(n):
        total += _tiny(i)
    return total


def _one_call(n):
    total = 0
    for i in range(n):
        total += i + 1
    return total


def _profiled_over_plain(fn, n=100_000):
    import cProfile

    plain = profiled = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        fn(n)
        plain = min(plain, time.perf_counter() - start)
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(fn, n)
        profiled = min(profiled, time.perf_counter() - start)
    return profiled / plain


def profiler_inflates_small_calls():
    """Quiz: under cProfile, a loop that makes a call per item slows down
    by more than the same loop with the work written inline."""
    return _profiled_over_plain(_many_calls) > _profiled_over_plain(_one_call)


def profiled_calls(n):
    """How many calls cProfile records for _many_calls(n), with commas."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.runcall(_many_calls, n)
    return with_commas(pstats.Stats(profiler).total_calls)


# ---------------------------------------------------------- memoization --

def fib_calls(n):
    """Calls the naive recursive fib(n) makes, with commas."""
    calls = 0

    def fib(k):
        nonlocal calls
        calls += 1
        return k if k < 2 else fib(k - 1) + fib(k - 2)

    fib(n)
    return with_commas(calls)


def call_growth(n, places):
    """Calls of naive fib(n) over calls of fib(n - 1)."""
    ratio = int(fib_calls(n).replace(",", "")) / int(fib_calls(n - 1).replace(",", ""))
    return f"{ratio:.{places}f}"


def doubling_calls(n):
    """Calls of f(n) = f(n - 1) + f(n - 1) (f(0) = 1), with commas."""
    calls = 0

    def f(k):
        nonlocal calls
        calls += 1
        return 1 if k == 0 else f(k - 1) + f(k - 1)

    f(n)
    return with_commas(calls)


def lru_default_maxsize():
    from functools import lru_cache

    return str(lru_cache()(abs).cache_parameters()["maxsize"])


def recursion_limit():
    return str(sys.getrecursionlimit())


def largest_cached_fib_on_311():
    """The largest n for which a fresh @cache fib(n) returns, called at the
    top level of a fresh python3 3.11 (run in a child process: the depth of
    the caller counts). Desktop only: in Pyodide the same test is a crash."""
    if sys.version_info[:2] != (3, 11):
        return "not 3.11"
    import subprocess

    code = (
        "from functools import cache\n"
        "for n in range(300, 2000):\n"
        "    @cache\n"
        "    def fib(k):\n"
        "        return k if k < 2 else fib(k - 1) + fib(k - 2)\n"
        "    try:\n"
        "        fib(n)\n"
        "    except RecursionError:\n"
        "        print(n - 1)\n"
        "        break\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    return out.stdout.strip()


# ------------------------------------------------------------ __slots__ --

class _Plain:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class _Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def _traced_per_instance(make, n=10_000):
    keep = [None] * n                     # the list exists before tracing
    tracemalloc.start()
    for i in range(n):
        keep[i] = make()
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return current / n


def traced_bytes(kind):
    """tracemalloc bytes per instance, rounded: "plain" or "slotted"."""
    cls = _Plain if kind == "plain" else _Slotted
    return str(round(_traced_per_instance(lambda: cls(None, None))))


def getsizeof_bytes(kind):
    cls = _Plain if kind == "plain" else _Slotted
    return str(sys.getsizeof(cls(None, None)))


def dict_bytes_when_read(n=10_000):
    """Bytes per instance that reading p.__dict__ once adds, rounded."""
    keep = [_Plain(None, None) for _ in range(n)]
    tracemalloc.start()
    for p in keep:
        p.__dict__
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return str(round(current / n))


def slots_measured_properly():
    """Quiz: tracemalloc shows the slotted instance as smaller; and where
    getsizeof shows the two as equal (3.12+, Pyodide), tracemalloc still
    shows the gap."""
    plain, slotted = (_traced_per_instance(lambda c=c: c(None, None)) for c in (_Plain, _Slotted))
    return slotted < plain - struct.calcsize("P")


# ------------------------------------------------------------ warm runs --

def compiled_pattern_is_kept():
    """Quiz q15: Python keeps caches of its own between repeats: the re
    module hands back the pattern it compiled the first time."""
    import re

    re.purge()
    return re.compile(r"(\w+)@(\w+)\.com") is re.compile(r"(\w+)@(\w+)\.com")


def list_argument_unhashable():
    """Quiz q7: a cached function called with a list raises TypeError."""
    from functools import cache

    @cache
    def median(values):
        return sorted(values)[len(values) // 2]

    try:
        median([3, 1, 2])
    except TypeError:
        return True
    return False


def hidden_sum_calls(n):
    """Quiz q12: how often sum() runs in the centred() comprehension."""
    calls = 0

    def counted_sum(values):
        nonlocal calls
        calls += 1
        return sum(values)

    nums = list(range(n))
    [x - counted_sum(nums) / len(nums) for x in nums]
    return calls
