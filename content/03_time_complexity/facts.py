"""Facts the time-complexity lesson states, computed where it is read.

Each function returns the exact text the prose shows (or, for check:
lines, a truth value). Nothing here states an absolute time: timings
depend on the machine and its load, so the checks compare how a time
grows between two sizes, with a generous line between the shapes.
"""

import struct
import sys
import time
from collections import deque


def claimed_resolution():
    """What perf_counter says its step is (not what it really is)."""
    return str(time.get_clock_info("perf_counter").resolution)


def pointer_bytes():
    return str(struct.calcsize("P"))


def size(expr):
    """sys.getsizeof of a small expression, with thousands separators."""
    return f"{sys.getsizeof(eval(expr)):,}"


def deque_block_len():
    """Items per block of a deque: the distance between the appends at
    which sys.getsizeof(deque) jumps (it counts whole blocks)."""
    d = deque()
    jumps = []
    last = sys.getsizeof(d)
    for i in range(1, 400):
        d.append(None)
        now = sys.getsizeof(d)
        if now != last:
            jumps.append(i)
            last = now
    return str(jumps[1] - jumps[0])


# ------------------------------------------- s += piece in a loop -- #
# The same loop three ways: in a function on a local name, at module
# level (exec of a cell, as the page's editor runs it), and in a function
# on a name declared global. The piece is 64 characters, so the copying
# that makes the loop quadratic outweighs the loop's own overhead from
# the small size on, and the check stays well under a second.

PIECE = "x" * 64
LOOP = 's = ""\nfor _ in range(n):\n    s += PIECE\n'
SMALL, LARGE = 500, 4_000          # 8x apart: linear grows ~8x, quadratic ~64x
LINE = 16                          # twice linear growth: generous to a linear loop
                                   # under load; quadratic read 30x and more
_shapes = {}


def _runner(where):
    if where == "module":
        code = compile(LOOP, "<cell>", "exec")
        return lambda n: exec(code, {"n": n, "PIECE": PIECE})
    body = "".join("    " + line + "\n" for line in LOOP.splitlines())
    head = "def build(n):\n" + ("    global s\n" if where == "global" else "")
    namespace = {"PIECE": PIECE}
    exec(head + body + "    return s\n", namespace)
    return namespace["build"]


def _best(run, n, repeats=5):
    """The fastest of a few runs: load only ever adds time."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run(n)
        times.append(time.perf_counter() - start)
    return min(times)


def string_plus_ratio(where):
    """How many times longer n = LARGE takes than n = SMALL (a float)."""
    run = _runner(where)
    run(SMALL)                                     # warm up
    return _best(run, LARGE) / _best(run, SMALL)


def string_plus_shape(where):
    """'linear' or 'quadratic' for the += loop at `where` (function,
    module or global): whether its time grows by less than LINE from SMALL to LARGE."""
    if where not in _shapes:
        _shapes[where] = "linear" if string_plus_ratio(where) < LINE else "quadratic"
    return _shapes[where]


def string_plus_only_local():
    """Quiz string-plus: linear for a local in a function, quadratic at
    module level and for a global."""
    return (string_plus_shape("function") == "linear"
            and string_plus_shape("module") == "quadratic"
            and string_plus_shape("global") == "quadratic")


def autorange_target():
    """The time autorange() stops at: its last trial reaches it, the ones
    before stay below. "0.2" when that holds, else what was seen."""
    import timeit

    trials = []
    timeit.Timer("pass").autorange(lambda number, seconds: trials.append(seconds))
    if trials[-1] >= 0.2 and all(t < 0.2 for t in trials[:-1]):
        return "0.2"
    return f"stopped at {trials[-1]:.3f} s"


def default_repeat():
    import timeit

    return str(timeit.default_repeat)


def clock_step_under_us():
    """The smallest change seen between two perf_counter() reads, in words:
    "under a microsecond" on a desktop (a busy machine only adds time)."""
    steps = []
    for _ in range(20_000):
        a = time.perf_counter()
        b = time.perf_counter()
        if b > a:
            steps.append(b - a)
    return "under a microsecond" if steps and min(steps) < 1e-6 else "a microsecond or more"


def clock_read_comparable_to(ns):
    """Quiz single-run-lies: one perf_counter() read costs at least a
    tenth of `ns` nanoseconds (the fastest of five batches of reads)."""
    reads = 10_000
    batches = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(reads):
            time.perf_counter()
        batches.append(time.perf_counter() - start)
    return min(batches) / reads * 1e9 >= ns / 10


def pair_compares(n):
    """== comparisons has_repeat_nested (the lesson's nested loop) makes on
    n distinct items, counted, with thousands separators."""
    class Counted:
        compares = 0

        def __init__(self, value):
            self.value = value

        def __eq__(self, other):
            Counted.compares += 1
            return self.value == other.value

    items = [Counted(i) for i in range(n)]
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if items[i] == items[j]:
                break
    return f"{Counted.compares:,}"


def autorange_tries():
    """The first six `number` values autorange() tries: its timeit() is
    replaced by one that reports 0 s five times, then 0.2 s."""
    import timeit

    tried = []
    timer = timeit.Timer("pass")
    timer.timeit = lambda number: tried.append(number) or (0.2 if len(tried) == 6 else 0.0)
    timer.autorange()
    return ", ".join(map(str, tried))


def pairs(n):
    """n * (n - 1) / 2, with separators: the count pair_compares() makes."""
    return f"{n * (n - 1) // 2:,}"
