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
    """fn(n) under cProfile over fn(n) alone, fastest of five each (the
    clock is _fastest's, below)."""
    import cProfile

    plain, profiled = _fastest([lambda: fn(n), lambda: cProfile.Profile().runcall(fn, n)], 5)
    return profiled / plain


def profiler_inflates_small_calls():
    """Quiz: under cProfile, a loop that makes a call per item slows down
    by more than the same loop with the work written inline (measured again,
    at most three times, if it does not)."""
    return any(_profiled_over_plain(_many_calls) > _profiled_over_plain(_one_call) for _ in range(3))


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


def pointer_bytes():
    return str(struct.calcsize("P"))


# ----------------------------------------------------- recursion depth --

def cached_fib_works(n):
    """A fresh @cache fib(n) returns ("works"). Only for an n far below the
    depth where Pyodide crashes: make test runs it there too."""
    from functools import cache

    @cache
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)

    return "works" if fib(n) > 0 else "fails"


def filled_cache_fib(n):
    """fib(n) with a cache filled from the bottom, so no call goes more than
    two levels deep: "works" on any interpreter."""
    from functools import cache

    @cache
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)

    for k in range(n + 1):
        fib(k)
    return "works" if len(str(fib(n))) > n // 5 else "fails"


def cached_body_runs(n):
    """How often the body of a fresh @cache fib runs for fib(n): its misses."""
    from functools import cache

    @cache
    def fib(k):
        return k if k < 2 else fib(k - 1) + fib(k - 2)

    fib(n)
    return str(fib.cache_info().misses)


# ------------------------------------------- timing shapes (ratios only) --
# Ratios of the fastest of several interleaved runs, with generous bands; a
# result outside its band is measured again, at most three times, before the
# measured ratio is returned instead of the prose's words. Never a time.

def _fastest(calls, repeats=7):
    """The fastest time of each zero-argument call, run in turn `repeats`
    times. Desktop CPython reads this thread's CPU time, which other
    programs holding the CPU do not inflate; Pyodide has no such clock (its
    process_time is wall time), so there it is perf_counter."""
    clock = time.perf_counter if pyodide() else time.thread_time
    rounds = [[_once(call, clock) for call in calls] for _ in range(repeats)]
    return [min(times) for times in zip(*rounds)]


def _once(call, clock):
    start = clock()
    call()
    return clock() - start


_DATA = list(range(100_000))


def _for_loop(data):
    total = 0
    for x in data:
        total += x
    return total


def _appending(data):
    out = []
    for x in data:
        out.append(x + 1)
    return out


def _measured(a, b, verdict):
    """verdict(time of a / time of b) -> words or None; see the note above."""
    for _ in range(3):
        ta, tb = _fastest([lambda: a(_DATA), lambda: b(_DATA)])
        words = verdict(ta / tb)
        if words:
            return words
    return f"{ta / tb:.2f}"


def genexpr_vs_loop():
    """sum(x for x in data) takes at least 0.9 of the plain loop's time."""
    return _measured(lambda d: sum(x for x in d), _for_loop,
                     lambda r: "no faster" if r >= 0.9 else None)


def sum_beats_loop(at_least):
    """The plain loop takes at least `at_least` times as long as sum(data)."""
    return _measured(_for_loop, sum, lambda r: str(at_least) if r >= at_least else None)


def comprehension_vs_append():
    """A comprehension is "no slower" than the same loop with .append():
    the loop takes at least 0.9 of the comprehension's time (we measured
    1.0-1.3 on desktop 3.11 and in Pyodide, too close to call "faster")."""
    return _measured(_appending, lambda d: [x + 1 for x in d],
                     lambda r: "no slower" if r >= 0.9 else None)


# ------------------------------------ what the prose's inline snippets give --

def cached_list_argument_error():
    """What calling a @cache function with a list raises, as Python prints it."""
    from functools import cache

    @cache
    def f(values):
        return len(values)

    try:
        f([1, 2, 3])
    except TypeError as exc:
        return f"TypeError: {exc}"
    return "no error"


def cached_result_is_shared():
    """A cached call hands every caller the same result object."""
    from functools import cache

    @cache
    def f():
        return [1]

    return str(f() is f())


def getsizeof_same():
    """Whether sys.getsizeof gives a plain and a slotted two-attribute
    instance the same size: "the same" or "a different"."""
    return "the same" if getsizeof_bytes("plain") == getsizeof_bytes("slotted") else "a different"
