"""checker.py -- run and measure exercise code, in the browser and in tests.

One stdlib-only module used in two places:

* in the page, under Pyodide (CPython 3.14, 32-bit WebAssembly, one
  thread): the worker loads it, runs the learner's function against the
  exercise's TESTS and measures its growth for the classifier;
* under CPython 3.11 by tests/content/verify_content.py, which checks that
  every reference solution meets its target and every naive one misses it.

The content format is content/FORMAT.md. The functions:

    split_cells(source)            -> [{kind, name, headers, code, line}]
    load_function(code, name, check_code)   -> (func, namespace)
    run_tests(func, tests)         -> [{index, call, expected, actual, passed}]
    measure(func, make_input, sizes, ...)   -> {"results": [...], "complete": ...}
    to_csv(sizes, values)          -> "n,value" rows for `coursecore fit`
    measurement_csv(result, metric) -> the same, straight from measure()

Nothing here prints; errors are raised as exceptions with a message a
learner can read.
"""

import copy
import gc
import re
import sys
import time

__all__ = [
    "CLASSES", "split_cells", "load_function", "run_tests", "measure",
    "clock_resolution", "count_steps", "peak_bytes", "to_csv",
    "measurement_csv",
]

CLASSES = ("O(1)", "O(log n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)")

# ------------------------------------------------------------------ cells --

_MARKER = re.compile(r"^# %%(.*)$")
_MARKER_BODY = re.compile(r"^\s+([A-Za-z]+)\s*:\s*(.*?)\s*$")
_HEADER = re.compile(r"^#\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_HEADER_KINDS = ("exercise", "solution", "naive")


def split_cells(source):
    """Split a content .py file into cells.

    Same rules as tools/content/parse_cells.mjs (content/FORMAT.md):

    * a cell starts at a line beginning with ``# %%``, written
      ``# %% kind: name``; a marker without "kind: name" gives kind "" and
      name "";
    * text before the first marker belongs to no cell;
    * in exercise, solution and naive cells the ``# key: value`` lines
      directly after the marker are headers, not code;
    * the code is the rest up to the next marker without leading and
      trailing blank lines, ending in one newline ("" if empty).

    Returns a list of dicts {kind, name, headers, code, line}, where line
    is the 1-based line of the marker.
    """
    cells = []
    cur = None

    def finish():
        if cur is None:
            return
        body = cur["body"]
        while body and not body[0].strip():
            body.pop(0)
        while body and not body[-1].strip():
            body.pop()
        cells.append({
            "kind": cur["kind"], "name": cur["name"], "headers": cur["headers"],
            "code": "\n".join(body) + "\n" if body else "", "line": cur["line"],
        })

    for number, text in enumerate(source.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        m = _MARKER.match(text)
        if m:
            finish()
            b = _MARKER_BODY.match(m.group(1))
            cur = {
                "kind": b.group(1) if b else "", "name": b.group(2) if b else "",
                "headers": {}, "line": number, "body": [],
                "in_headers": bool(b) and b.group(1) in _HEADER_KINDS,
            }
            continue
        if cur is None:
            continue
        if cur["in_headers"]:
            h = _HEADER.match(text)
            if h:
                cur["headers"][h.group(1)] = h.group(2)
                continue
            cur["in_headers"] = False
        cur["body"].append(text)
    finish()
    return cells


# ------------------------------------------------------------ run + tests --

def load_function(code, name, check_code=None):
    """Run code (a stub, the learner's edit, a solution) and fetch ``name``.

    code runs in a fresh namespace of its own; check_code (the exercise's
    check cell) runs in a second fresh namespace, so nothing the learner
    defines can replace TESTS, SIZES or make_input. Returns
    (func, namespace) where namespace is the check cell's namespace
    (TESTS, SIZES, make_input; empty without check_code).

    Raises whatever the code raises (SyntaxError, ...), or LookupError if
    the code does not define a function called ``name``.
    """
    user = {"__name__": "exercise", "__builtins__": __builtins__}
    exec(compile(code, "<exercise>", "exec"), user)
    func = user.get(name)
    if not callable(func):
        raise LookupError("your code must define a function called %s()" % name)
    namespace = {"__name__": "check", "__builtins__": __builtins__}
    if check_code:
        exec(compile(check_code, "<check>", "exec"), namespace)
    return func, namespace


def _short_repr(value, limit=200):
    """repr() cut to about ``limit`` characters."""
    try:
        text = repr(value)
    except Exception as exc:  # a broken __repr__ must not break the report
        text = "<unprintable %s: %s>" % (type(value).__name__, exc)
    if len(text) > limit:
        text = text[: limit - 15] + " ... " + text[-10:]
    return text


def _describe_exception(exc):
    message = str(exc)
    name = type(exc).__name__
    return "%s: %s" % (name, message) if message else name


def run_tests(func, tests):
    """Run func on every (args_tuple, expected) pair in tests.

    Each call gets ``copy.deepcopy(args)`` so one test cannot spoil the next.
    Returns one dict per test, in order:

        index     1-based test number
        call      e.g. "has_duplicates([1, 2, 1])" (reprs cut to ~200 chars)
        expected  repr of the expected value
        actual    repr of the result, or "TypeError: ..." if it raised
        passed    True if the call returned a value == expected
    """
    results = []
    name = getattr(func, "__name__", "f")
    for index, (args, expected) in enumerate(tests, 1):
        call = "%s(%s)" % (name, ", ".join(_short_repr(a, 80) for a in args))
        call = _short_repr_text(call)
        try:
            actual_value = func(*copy.deepcopy(args))
        except Exception as exc:
            actual, passed = _short_repr_text(_describe_exception(exc)), False
        else:
            actual = _short_repr(actual_value)
            try:
                passed = bool(actual_value == expected)
            except Exception as exc:
                actual, passed = "%s (comparing raised %s)" % (actual, _describe_exception(exc)), False
        results.append({
            "index": index, "call": call, "expected": _short_repr(expected),
            "actual": actual, "passed": passed,
        })
    return results


def _short_repr_text(text, limit=200):
    return text if len(text) <= limit else text[: limit - 15] + " ... " + text[-10:]


# ------------------------------------------------------------------ clock --

_resolution = None


def clock_resolution():
    """Smallest step of time.perf_counter, measured once and cached.

    Browsers clamp their clocks (100 us or 5 us in Pyodide), so the value
    reported by time.get_clock_info() cannot be trusted there; we sample
    consecutive different readings and keep the smallest difference.
    """
    global _resolution
    if _resolution is None:
        clock = time.perf_counter
        best = float("inf")
        spins = 0  # bounds the total work even if the clock never moves
        for _ in range(20):
            # Wait for a tick edge, then time one whole tick.
            t0 = clock()
            t1 = clock()
            while t1 == t0 and spins < 2000000:
                t1 = clock()
                spins += 1
            t2 = clock()
            while t2 == t1 and spins < 2000000:
                t2 = clock()
                spins += 1
            if t2 > t1:
                best = min(best, t2 - t1)
        _resolution = best if best != float("inf") else 1e-3
    return _resolution


def _min_batch_seconds():
    return max(0.01, 1000 * clock_resolution())


# ------------------------------------------------------------------ input --

_ATOMS = (int, float, complex, str, bytes, bool, type(None), range)
_ATOM_TYPES = frozenset(_ATOMS) | {tuple}


def _atomic(x):
    t = type(x)
    if t in _ATOMS:
        return True
    return t is tuple and all(type(y) in _ATOMS for y in x)


def _copier(args):
    """A function returning a fresh copy of the argument tuple ``args``.

    The copy is one the function may mutate freely. Which way to copy each
    argument is decided once, here: lists, dicts and sets of immutable atoms
    are copied shallowly (fast), bytearrays by value, atoms not at all,
    anything else through copy.deepcopy.
    """
    plan = []
    for a in args:
        t = type(a)
        if _atomic(a):
            plan.append(None)
        elif t in (list, set, frozenset) and set(map(type, a)) <= _ATOM_TYPES and all(map(_atomic, a)):
            plan.append(t)
        elif t is dict and set(map(type, a.values())) <= _ATOM_TYPES and all(map(_atomic, a.values())):
            plan.append(dict)
        elif t is bytearray:
            plan.append(bytearray)
        else:
            plan.append(copy.deepcopy)
    plan = tuple(plan)

    def copy_args():
        return tuple(a if how is None else how(a) for a, how in zip(args, plan))
    return copy_args


def _copy_args(args):
    """One fresh copy of an argument tuple (see _copier)."""
    return _copier(args)()


def _same(a, b):
    try:
        return bool(a == b)
    except Exception:
        return False


# ------------------------------------------------------------------- time --

class _Stop(Exception):
    """Raised inside measure() when the budget runs out or should_stop()."""


def _timed(func, arg_list):
    """Seconds for calling func on each argument tuple in arg_list, gc off."""
    clock = time.perf_counter
    enabled = gc.isenabled()
    gc.disable()
    try:
        t0 = clock()
        for args in arg_list:
            func(*args)
        return clock() - t0
    finally:
        if enabled:
            gc.enable()


def _time_size(func, args, mutates, repeats, check, first_loops=1):
    """Per-call seconds for one size: a list of ``repeats`` values.

    Autoranged like timeit.Timer.autorange: the number of calls per batch
    grows (1, 2, 5, 10, 20, 50, ...) until a batch lasts at least
    _min_batch_seconds(). If the function mutates its input, every call
    gets its own copy, made before the clock starts; otherwise all calls
    share args. check() is called between batches and may raise _Stop.
    Returns (values, loops).
    """
    target = _min_batch_seconds()
    # Copies for a mutating func are made in chunks of at most ~2 million
    # elements in all, so a fast call on a big input cannot exhaust memory.
    weight = 1 + sum(len(a) for a in args if isinstance(a, (list, dict, set, bytearray, str, bytes, tuple)))
    chunk_max = max(1, min(1000, 2000000 // weight))

    # When copying dominates (a fast call that mutates a big input), stop
    # growing the batch once it has taken this long in wall-clock time: the
    # timed part is then shorter than target, less precise but bounded.
    wall_cap = max(0.25, 25 * target)

    copy_args = _copier(args) if mutates else None

    def batch(loops):
        if not mutates:
            return _timed(func, [args] * loops)
        total = 0.0
        done = 0
        while done < loops:
            check()
            chunk = min(loops - done, chunk_max)
            copies = [copy_args() for _ in range(chunk)]
            total += _timed(func, copies)
            done += chunk
            del copies
        return total

    loops = first_loops
    while True:
        check()
        wall = time.perf_counter()
        elapsed = batch(loops)
        if elapsed >= target or time.perf_counter() - wall >= wall_cap:
            break
        # the 1-2-5 sequence of timeit.Timer.autorange
        loops = _next_loops(loops)
    values = [elapsed / loops]
    while len(values) < repeats:
        check()
        values.append(batch(loops) / loops)
    return values, loops


def _loops_for(per_call, growth):
    """A starting loop count for the next size.

    per_call is the time of one call at this size and growth the factor
    the next size is expected to cost more per call. The count is the
    1-2-5 value just below what would fill one batch, so autoranging the
    next size starts close to its answer without overshooting it.
    """
    want = _min_batch_seconds() / max(per_call * growth, 1e-9)
    k = 1
    while _next_loops(k) <= want:
        k = _next_loops(k)
    return k


def _next_loops(loops):
    s = str(loops)
    if s[0] == "1":
        return loops * 2
    if s[0] == "2":
        return loops // 2 * 5
    return loops * 2


# ------------------------------------------------------------------ steps --

def _steps_monitoring(func, args):
    """Executed lines via sys.monitoring LINE events (3.12+)."""
    mon = sys.monitoring
    tool = None
    for candidate in (5, 4, 3, 2):
        if mon.get_tool(candidate) is None:
            tool = candidate
            break
    if tool is None:
        raise RuntimeError("no free sys.monitoring tool id")
    mon.use_tool_id(tool, "checker.steps")
    count = [0]
    here = _steps_monitoring.__code__
    disable = mon.DISABLE

    def on_line(code, line):
        if code is here:
            return disable
        count[0] += 1
        return None

    try:
        mon.register_callback(tool, mon.events.LINE, on_line)
        mon.set_events(tool, mon.events.LINE)
        try:
            func(*args)
        finally:
            mon.set_events(tool, 0)
    finally:
        mon.register_callback(tool, mon.events.LINE, None)
        mon.free_tool_id(tool)
        if hasattr(mon, "restart_events"):
            mon.restart_events()
    return count[0]


def _steps_settrace(func, args):
    """Executed lines via sys.settrace (3.11 and older)."""
    count = [0]

    def local(frame, event, arg):
        if event == "line":
            count[0] += 1
        return local

    def global_(frame, event, arg):
        return local

    old = sys.gettrace()
    sys.settrace(global_)
    try:
        func(*args)
    finally:
        sys.settrace(old)
    return count[0]


def count_steps(func, args):
    """Number of Python lines executed by one call func(*args).

    Counts lines in func and in every Python function it calls (C code such
    as sorted() or set() counts nothing). Deterministic for a given input
    and interpreter. Uses sys.monitoring where it exists, else sys.settrace.
    """
    if hasattr(sys, "monitoring"):
        return _steps_monitoring(func, args)
    return _steps_settrace(func, args)


# ----------------------------------------------------------------- memory --

def peak_bytes(func, args):
    """Extra bytes allocated at the peak of one call func(*args).

    tracemalloc's peak during the call minus what was traced before it,
    so the input (built before) is not counted, but whatever the function
    keeps or returns is. Returns None if tracemalloc is unavailable.
    """
    try:
        import tracemalloc
    except ImportError:
        return None
    gc.collect()
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        base = tracemalloc.get_traced_memory()[0]
        result = func(*args)
        peak = tracemalloc.get_traced_memory()[1]
        del result
    finally:
        if not was_tracing:
            tracemalloc.stop()
    return max(0, peak - base)


# ---------------------------------------------------------------- measure --

def measure(func, make_input, sizes, *, budget_s=8.0, repeats=3,
            metrics=("time", "steps", "memory"), progress=None,
            should_stop=None, steps_budget_s=1.0):
    """Measure how func's cost grows over sizes.

    For each n in sizes (increasing), make_input(n) builds the argument
    tuple outside any timed region, then:

    time    per-call seconds, ``repeats`` values per size. Each value is one
            autoranged batch (see _time_size): the batch grows until it
            lasts max(0.01 s, 1000 x the measured clock resolution). A
            first, untimed-for-results call warms up and tells whether
            func mutates its input; if it does, each later call gets its
            own copy, made outside the timed region.
    steps   executed Python lines in one call (count_steps), only at the
            small sizes: counting stops once it has cost steps_budget_s.
    memory  peak_bytes of one call: extra space beyond the input.

    Stops early, keeping the sizes finished so far, when the next size
    would not fit in budget_s (estimated from the growth so far), when the
    budget is spent, or when should_stop() returns true. progress(fraction,
    message) is called between sizes. An exception raised by func or
    make_input propagates (the caller shows it).

    Returns {
      "results": [{"n": n, "time": [s, ...], "loops": k,
                   "steps": int or None, "peak_bytes": int or None}, ...],
      "complete": True if every size was measured,
      "reason": None, "budget" or "stopped",
      "mutates": bool, "clock_resolution": seconds, "elapsed": seconds,
    }
    """
    start = time.perf_counter()
    deadline = start + budget_s
    metrics = tuple(metrics)
    sizes = list(sizes)
    out = {
        "results": [], "complete": False, "reason": None, "mutates": False,
        "clock_resolution": clock_resolution(), "elapsed": 0.0,
    }
    steps_spent = 0.0
    steps_on = "steps" in metrics
    last_cost = prev_cost = None  # seconds spent on the last two sizes
    start_loops = 1
    prev_call = None  # per-call seconds at the previous size

    def check():
        if should_stop is not None and should_stop():
            raise _Stop("stopped")
        if time.perf_counter() > deadline:
            raise _Stop("budget")

    try:
        for i, n in enumerate(sizes):
            check()
            if last_cost is not None and i > 0:
                # The next size costs at least growth^2 times the last one
                # (quadratic), or the ratio seen between the last two sizes
                # if that is worse (cubic, exponential).
                growth = n / sizes[i - 1]
                factor = max(growth * growth, last_cost / prev_cost if prev_cost else 0.0)
                if time.perf_counter() + last_cost * factor > deadline:
                    raise _Stop("budget")
            if progress is not None:
                progress(i / len(sizes), "n = %d" % n)
            size_start = time.perf_counter()
            row = {"n": n, "time": None, "loops": None, "steps": None, "peak_bytes": None}
            args = tuple(make_input(n))
            if "time" in metrics:
                # First call: warm-up and mutation check, on a copy.
                probe = _copy_args(args)
                t0 = time.perf_counter()
                func(*probe)
                first = time.perf_counter() - t0
                if not out["mutates"] and not _same(probe, args):
                    out["mutates"] = True
                del probe
                check()
                # The probe is not kept as a sample: a first call pays for
                # cold caches and for the heap growing to its working size.
                loops = 1 if first >= _min_batch_seconds() else start_loops
                row["time"], row["loops"] = _time_size(func, args, out["mutates"], repeats, check, loops)
                per_call = min(row["time"])
                if i + 1 < len(sizes):
                    # linear in n at least, or the growth seen so far
                    growth = max(sizes[i + 1] / n, per_call / prev_call if prev_call else 1.0)
                    start_loops = _loops_for(per_call, growth)
                prev_call = per_call
            if "memory" in metrics:
                check()
                row["peak_bytes"] = peak_bytes(func, _copy_args(args))
            if steps_on:
                check()
                t0 = time.perf_counter()
                row["steps"] = count_steps(func, _copy_args(args))
                cost = time.perf_counter() - t0
                steps_spent += cost
                # the next size costs at least growth x this one
                growth = sizes[i + 1] / n if i + 1 < len(sizes) else 1.0
                if steps_spent + cost * growth > steps_budget_s:
                    steps_on = False
            out["results"].append(row)
            prev_cost, last_cost = last_cost, time.perf_counter() - size_start
        out["complete"] = True
    except _Stop as stop:
        out["reason"] = str(stop)
    if progress is not None:
        progress(1.0, "done" if out["complete"] else "stopped early (%s)" % out["reason"])
    out["elapsed"] = time.perf_counter() - start
    return out


# -------------------------------------------------------------------- csv --

def to_csv(sizes, values, header=None):
    """CSV text of "n,value" rows for `coursecore fit`.

    values[i] belongs to sizes[i] and is a number, a list of numbers (one
    row each: repeats become repeated n rows) or None (skipped). header,
    e.g. "n,seconds", is written as the first line if given.
    """
    lines = [header] if header else []
    for n, v in zip(sizes, values):
        if v is None:
            continue
        for x in (v if isinstance(v, (list, tuple)) else [v]):
            lines.append("%s,%r" % (n, float(x)))
    return "\n".join(lines) + "\n"


def measurement_csv(result, metric="time", header=None):
    """to_csv() of one metric ("time", "steps" or "peak_bytes") of measure(),
    with the "n,<metric>" header row that `coursecore fit` requires."""
    rows = result["results"]
    return to_csv([r["n"] for r in rows], [r.get(metric) for r in rows], header or "n," + metric)
